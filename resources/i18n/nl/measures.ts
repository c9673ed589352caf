<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source> and {k} of {total} incidents</source>
            <translation> en {k} van de {total} incidenten</translation>
        </message>
        <message>
            <source>(own measure)</source>
            <translation>(eigen maatregel)</translation>
        </message>
        <message>
            <source>, looking {deg}°</source>
            <translation>, kijkrichting {deg}°</translation>
        </message>
        <message>
            <source>A measure needs a kind from the catalogue or a title.</source>
            <translation>Een maatregel heeft een soort uit de catalogus of een titel nodig.</translation>
        </message>
        <message>
            <source>A measure needs a location (an area or a point).</source>
            <translation>Een maatregel heeft een locatie nodig (een gebied of een punt).</translation>
        </message>
        <message>
            <source>active</source>
            <translation>actief</translation>
        </message>
        <message>
            <source>after</source>
            <translation>na</translation>
        </message>
        <message>
            <source>After period: first day</source>
            <translation>Naperiode: eerste dag</translation>
        </message>
        <message>
            <source>After period: last day</source>
            <translation>Naperiode: laatste dag</translation>
        </message>
        <message>
            <source>Area seen by the cameras (m², union)</source>
            <translation>Oppervlakte die de camera's zien (m², vereniging)</translation>
        </message>
        <message>
            <source>before</source>
            <translation>voor</translation>
        </message>
        <message>
            <source>Before period: first day</source>
            <translation>Voorperiode: eerste dag</translation>
        </message>
        <message>
            <source>Before period: last day</source>
            <translation>Voorperiode: laatste dag</translation>
        </message>
        <message>
            <source>Before {b0} – {b1}, after {a0} – {a1}</source>
            <translation>Voor {b0} – {b1}, na {a0} – {a1}</translation>
        </message>
        <message>
            <source>Buffer</source>
            <translation>Buffer</translation>
        </message>
        <message>
            <source>Buffer (250 m)</source>
            <translation>Buffer (250 m)</translation>
        </message>
        <message>
            <source>Buffer ({distance} m)</source>
            <translation>Buffer ({distance} m)</translation>
        </message>
        <message>
            <source>Buffer area</source>
            <translation>Buffergebied</translation>
        </message>
        <message>
            <source>Buffer area (polygons; optional, wins over the buffer distance)</source>
            <translation>Buffergebied (polygonen; optioneel, gaat voor de bufferafstand)</translation>
        </message>
        <message>
            <source>Buffer distance around the target area (m; 0: no buffer)</source>
            <translation>Bufferafstand rond het doelgebied (m; 0: geen buffer)</translation>
        </message>
        <message>
            <source>Buffer odds ratio: 95% lower bound</source>
            <translation>Odds ratio buffer: 95%-ondergrens</translation>
        </message>
        <message>
            <source>Buffer odds ratio: 95% upper bound</source>
            <translation>Odds ratio buffer: 95%-bovengrens</translation>
        </message>
        <message>
            <source>Buffer odds ratio: p-value</source>
            <translation>Odds ratio buffer: p-waarde</translation>
        </message>
        <message>
            <source>Camera coverage</source>
            <translation>Camerabereik</translation>
        </message>
        <message>
            <source>Camera coverage…</source>
            <translation>Camerabereik…</translation>
        </message>
        <message>
            <source>Camera placement</source>
            <translation>Cameraplaatsing</translation>
        </message>
        <message>
            <source>camera placement</source>
            <translation>cameraplaatsing</translation>
        </message>
        <message>
            <source>Camera placement…</source>
            <translation>Cameraplaatsing…</translation>
        </message>
        <message>
            <source>Camera {fid} of {layer} has an unusable {what}: {value}. Directions are degrees clockwise from north, the field of view more than 0 and at most 360 degrees, the range more than 0 m.</source>
            <translation>Camera {fid} van {layer} heeft een onbruikbare {what}: {value}. Richtingen zijn graden met de klok mee vanaf het noorden, de kijkhoek meer dan 0 en hooguit 360 graden, het bereik meer dan 0 m.</translation>
        </message>
        <message>
            <source>Camera {rank} at ({x}, {y}){direction}</source>
            <translation>Camera {rank} op ({x}, {y}){direction}</translation>
        </message>
        <message>
            <source>Cameras (points)</source>
            <translation>Camera's (punten)</translation>
        </message>
        <message>
            <source>Candidate camera positions (points, e.g. lamp posts and facades)</source>
            <translation>Kandidaatposities voor camera's (punten, bijv. lantaarnpalen en gevels)</translation>
        </message>
        <message>
            <source>Changed at</source>
            <translation>Gewijzigd op</translation>
        </message>
        <message>
            <source>Chart: before and after per area (PNG)</source>
            <translation>Grafiek: voor en na per gebied (PNG)</translation>
        </message>
        <message>
            <source>Chosen by camera placement: sees {n} incidents (range {range} m, field of view {fov}°).</source>
            <translation>Gekozen door cameraplaatsing: ziet {n} incidenten (bereik {range} m, kijkhoek {fov}°).</translation>
        </message>
        <message>
            <source>Chosen cameras and their coverage</source>
            <translation>Gekozen camera's en hun bereik</translation>
        </message>
        <message>
            <source>Compared: {b0} to {b1} against {a0} to {a1} ({n} days each); target area {rb} → {ra}, buffer {db} → {da}, control {cb} → {ca} incidents.</source>
            <translation>Vergeleken: {b0} t/m {b1} tegen {a0} t/m {a1} ({n} dagen elk); doelgebied {rb} → {ra}, buffer {db} → {da}, controlegebied {cb} → {ca} incidenten.</translation>
        </message>
        <message>
            <source>Control area</source>
            <translation>Controlegebied</translation>
        </message>
        <message>
            <source>Control area (polygons; optional, default all incidents outside target and buffer)</source>
            <translation>Controlegebied (polygonen; optioneel, standaard alle incidenten buiten doelgebied en buffer)</translation>
        </message>
        <message>
            <source>Counts before and after</source>
            <translation>Aantallen voor en na</translation>
        </message>
        <message>
            <source>direction</source>
            <translation>kijkrichting</translation>
        </message>
        <message>
            <source>Direction field (degrees clockwise from north; empty or NULL: all round)</source>
            <translation>Richtingveld (graden met de klok mee vanaf het noorden; leeg of NULL: rondom)</translation>
        </message>
        <message>
            <source>Effect of a measure</source>
            <translation>Effect van een maatregel</translation>
        </message>
        <message>
            <source>Effect of a measure…</source>
            <translation>Effect van een maatregel…</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Einddatum</translation>
        </message>
        <message>
            <source>ended</source>
            <translation>beëindigd</translation>
        </message>
        <message>
            <source>entered by hand</source>
            <translation>met de hand ingevoerd</translation>
        </message>
        <message>
            <source>Evaluation of earlier measures</source>
            <translation>Evaluatie van eerdere maatregelen</translation>
        </message>
        <message>
            <source>Evaluation: {title}</source>
            <translation>Evaluatie: {title}</translation>
        </message>
        <message>
            <source>Exhaustive search: all {sets} sets of {k} of the {n} candidates were tried; the choice is the best possible.</source>
            <translation>Volledig gezocht: alle {sets} verzamelingen van {k} uit de {n} kandidaten zijn geprobeerd; de keuze is de best mogelijke.</translation>
        </message>
        <message>
            <source>field of view</source>
            <translation>kijkhoek</translation>
        </message>
        <message>
            <source>Field of view (degrees)</source>
            <translation>Kijkhoek (graden)</translation>
        </message>
        <message>
            <source>Field of view field (wins over the fixed value)</source>
            <translation>Kijkhoekveld (gaat voor de vaste waarde)</translation>
        </message>
        <message>
            <source>Give the date {name} (for example 2025-01-31).</source>
            <translation>Geef de datum {name} op (bijvoorbeeld 2025-01-31).</translation>
        </message>
        <message>
            <source>Greedy search ({sets} sets of {k} of the {n} candidates are too many to try all): each step adds the candidate that sees the most incidents not yet seen. This is guaranteed to see at least {pct}% of what the best {k} cameras could see.</source>
            <translation>Gretig gezocht ({sets} verzamelingen van {k} uit de {n} kandidaten zijn te veel om alle te proberen): elke stap voegt de kandidaat toe die de meeste nog niet geziene incidenten ziet. Dat ziet gegarandeerd minstens {pct}% van wat de beste {k} camera's zouden zien.</translation>
        </message>
        <message>
            <source>Group field (optional: a table per value, e.g. source or safety_field)</source>
            <translation>Groepeerveld (optioneel: een tabel per waarde, bijv. source of safety_field)</translation>
        </message>
        <message>
            <source>Incidents (points)</source>
            <translation>Incidenten (punten)</translation>
        </message>
        <message>
            <source>Incidents (points; optional)</source>
            <translation>Incidenten (punten; optioneel)</translation>
        </message>
        <message>
            <source>Incidents before and after the measure</source>
            <translation>Incidenten voor en na de maatregel</translation>
        </message>
        <message>
            <source>Incidents fell {target_pct}% in the target area against {control_pct}% in the control area</source>
            <translation>Incidenten daalden {target_pct}% in het doelgebied tegen {control_pct}% in het controlegebied</translation>
        </message>
        <message>
            <source>Incidents fell {target_pct}% in the target area while they rose {control_pct}% in the control area</source>
            <translation>Incidenten daalden {target_pct}% in het doelgebied terwijl ze {control_pct}% stegen in het controlegebied</translation>
        </message>
        <message>
            <source>Incidents rose {target_pct}% in the target area against {control_pct}% in the control area</source>
            <translation>Incidenten stegen {target_pct}% in het doelgebied tegen {control_pct}% in het controlegebied</translation>
        </message>
        <message>
            <source>Incidents rose {target_pct}% in the target area while they fell {control_pct}% in the control area</source>
            <translation>Incidenten stegen {target_pct}% in het doelgebied terwijl ze {control_pct}% daalden in het controlegebied</translation>
        </message>
        <message>
            <source>Incidents seen by a camera</source>
            <translation>Incidenten die een camera ziet</translation>
        </message>
        <message>
            <source>Incidents seen by the chosen cameras</source>
            <translation>Incidenten die de gekozen camera's zien</translation>
        </message>
        <message>
            <source>Incidents went from {rb} to {ra} in the target area and from {cb} to {ca} in the control area; there were too few incidents before to give percentages.</source>
            <translation>Incidenten gingen van {rb} naar {ra} in het doelgebied en van {cb} naar {ca} in het controlegebied; er waren te weinig incidenten vooraf om percentages te geven.</translation>
        </message>
        <message>
            <source>it has no start date</source>
            <translation>er is geen startdatum</translation>
        </message>
        <message>
            <source>Kind of measure</source>
            <translation>Soort maatregel</translation>
        </message>
        <message>
            <source>Measures added to the register</source>
            <translation>Maatregelen toegevoegd aan het register</translation>
        </message>
        <message>
            <source>Measures registered at this place earlier, and what happened to the incidents since they started. Each is compared with the same number of days before its start; the buffer is the 250 m around the measure, the control area the rest of the municipality. A fall relative to the control area is not proof that the measure caused it.</source>
            <translation>Maatregelen die eerder op deze plek zijn geregistreerd, en wat er sindsdien met de incidenten is gebeurd. Elke maatregel wordt vergeleken met hetzelfde aantal dagen voor de start; de buffer is de 250 m rond de maatregel, het controlegebied de rest van de gemeente. Een daling ten opzichte van het controlegebied bewijst niet dat de maatregel de oorzaak is.</translation>
        </message>
        <message>
            <source>no displacement to {buffer} (WDQ 0)</source>
            <translation>geen verplaatsing naar {buffer} (WDQ 0)</translation>
        </message>
        <message>
            <source>no displacement to {buffer}: the buffer improved too (WDQ {wdq})</source>
            <translation>geen verplaatsing naar {buffer}: ook de buffer verbeterde (WDQ {wdq})</translation>
        </message>
        <message>
            <source>no incidents before</source>
            <translation>geen incidenten vooraf</translation>
        </message>
        <message>
            <source>No incidents to cover: the incident layer is empty or nothing passes the filter.</source>
            <translation>Geen incidenten om te zien: de incidentenlaag is leeg of niets komt door het filter.</translation>
        </message>
        <message>
            <source>not evaluated, because {reason}.</source>
            <translation>niet geëvalueerd, want {reason}.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Opmerking</translation>
        </message>
        <message>
            <source>Number of cameras to place</source>
            <translation>Aantal te plaatsen camera's</translation>
        </message>
        <message>
            <source>Obstacles (polygons, e.g. BAG buildings; optional)</source>
            <translation>Obstakels (polygonen, bijv. BAG-panden; optioneel)</translation>
        </message>
        <message>
            <source>Odds ratio (buffer)</source>
            <translation>Odds ratio (buffer)</translation>
        </message>
        <message>
            <source>Odds ratio (target)</source>
            <translation>Odds ratio (doelgebied)</translation>
        </message>
        <message>
            <source>Odds ratio: 95% lower bound</source>
            <translation>Odds ratio: 95%-ondergrens</translation>
        </message>
        <message>
            <source>Odds ratio: 95% upper bound</source>
            <translation>Odds ratio: 95%-bovengrens</translation>
        </message>
        <message>
            <source>Odds ratio: p-value</source>
            <translation>Odds ratio: p-waarde</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>gepland</translation>
        </message>
        <message>
            <source>range</source>
            <translation>bereik</translation>
        </message>
        <message>
            <source>Range (m)</source>
            <translation>Bereik (m)</translation>
        </message>
        <message>
            <source>Range field (m; wins over the fixed value)</source>
            <translation>Bereikveld (m; gaat voor de vaste waarde)</translation>
        </message>
        <message>
            <source>Register the chosen cameras as planned measures in this safety GeoPackage (optional)</source>
            <translation>Zet de gekozen camera's als geplande maatregelen in deze veiligheids-GeoPackage (optioneel)</translation>
        </message>
        <message>
            <source>Registered at</source>
            <translation>Geregistreerd op</translation>
        </message>
        <message>
            <source>Registered from</source>
            <translation>Geregistreerd vanuit</translation>
        </message>
        <message>
            <source>relative to the control area this is a significant fall (odds ratio {or_}, 95% interval {low} to {high})</source>
            <translation>ten opzichte van het controlegebied is dit een significante daling (odds ratio {or_}, 95%-interval {low} tot {high})</translation>
        </message>
        <message>
            <source>relative to the control area this is a significant rise (odds ratio {or_}, 95% interval {low} to {high})</source>
            <translation>ten opzichte van het controlegebied is dit een significante stijging (odds ratio {or_}, 95%-interval {low} tot {high})</translation>
        </message>
        <message>
            <source>scan advice</source>
            <translation>scanadvies</translation>
        </message>
        <message>
            <source>Search used (exhaustive or greedy)</source>
            <translation>Gebruikte zoekmethode (volledig of gretig)</translation>
        </message>
        <message>
            <source>Share of the incidents seen (0-1)</source>
            <translation>Aandeel geziene incidenten (0-1)</translation>
        </message>
        <message>
            <source>some displacement to {buffer} (WDQ {wdq})</source>
            <translation>enige verplaatsing naar {buffer} (WDQ {wdq})</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Startdatum</translation>
        </message>
        <message>
            <source>SUCCESS: Ra/Ca - Rb/Cb</source>
            <translation>SUCCESS: Ra/Ca - Rb/Cb</translation>
        </message>
        <message>
            <source>Target area</source>
            <translation>Doelgebied</translation>
        </message>
        <message>
            <source>Target area: where the measure works (polygons)</source>
            <translation>Doelgebied: waar de maatregel werkt (polygonen)</translation>
        </message>
        <message>
            <source>Target {rb} → {ra}, buffer {db} → {da}, control {cb} → {ca} incidents (before → after).</source>
            <translation>Doelgebied {rb} → {ra}, buffer {db} → {da}, controlegebied {cb} → {ca} incidenten (voor → na).</translation>
        </message>
        <message>
            <source>The after period ends ({end}) before it starts ({start}).</source>
            <translation>De naperiode eindigt ({end}) voordat ze begint ({start}).</translation>
        </message>
        <message>
            <source>The after period must start after the before period ends: it starts on {after} and the before period ends on {before}.</source>
            <translation>De naperiode moet beginnen na het einde van de voorperiode: ze begint op {after} en de voorperiode eindigt op {before}.</translation>
        </message>
        <message>
            <source>The before period ends ({end}) before it starts ({start}).</source>
            <translation>De voorperiode eindigt ({end}) voordat ze begint ({start}).</translation>
        </message>
        <message>
            <source>the buffer area</source>
            <translation>het buffergebied</translation>
        </message>
        <message>
            <source>The buffer area has no incidents in the after period, so its odds ratio is undefined.</source>
            <translation>Het buffergebied heeft geen incidenten in de naperiode, dus de odds ratio ervan is niet te berekenen.</translation>
        </message>
        <message>
            <source>The buffer area has no incidents in the before period, so its odds ratio is undefined.</source>
            <translation>Het buffergebied heeft geen incidenten in de voorperiode, dus de odds ratio ervan is niet te berekenen.</translation>
        </message>
        <message>
            <source>The control area has no incidents in the after period, so SUCCESS, WDQ and the odds ratios cannot be computed.</source>
            <translation>Het controlegebied heeft geen incidenten in de naperiode, dus SUCCESS, WDQ en de odds ratio's zijn niet te berekenen.</translation>
        </message>
        <message>
            <source>The control area has no incidents in the before period, so SUCCESS, WDQ and the odds ratios cannot be computed.</source>
            <translation>Het controlegebied heeft geen incidenten in de voorperiode, dus SUCCESS, WDQ en de odds ratio's zijn niet te berekenen.</translation>
        </message>
        <message>
            <source>The date {date} is not a date; write it as YYYY-MM-DD.</source>
            <translation>De datum {date} is geen datum; schrijf hem als JJJJ-MM-DD.</translation>
        </message>
        <message>
            <source>the difference with the control area is not significant (odds ratio {or_}, p = {p})</source>
            <translation>het verschil met het controlegebied is niet significant (odds ratio {or_}, p = {p})</translation>
        </message>
        <message>
            <source>The end date must not lie before the start date.</source>
            <translation>De einddatum mag niet voor de startdatum liggen.</translation>
        </message>
        <message>
            <source>The layer {layer} has no camera points.</source>
            <translation>De laag {layer} heeft geen camerapunten.</translation>
        </message>
        <message>
            <source>The layer {layer} has no field '{field}'.</source>
            <translation>De laag {layer} heeft geen veld '{field}'.</translation>
        </message>
        <message>
            <source>The layer {layer} has no polygons.</source>
            <translation>De laag {layer} heeft geen polygonen.</translation>
        </message>
        <message>
            <source>The measure ends ({end}) before it starts ({start}).</source>
            <translation>De maatregel eindigt ({end}) voordat hij begint ({start}).</translation>
        </message>
        <message>
            <source>The periods differ in length ({before} days before, {after} days after). The counts are not scaled: SUCCESS, WDQ and the odds ratios compare each area with the control area in the same period, but the raw changes per area also reflect the different lengths.</source>
            <translation>De perioden verschillen in lengte ({before} dagen voor, {after} dagen na). De aantallen worden niet herschaald: SUCCESS, WDQ en de odds ratio's vergelijken elk gebied met het controlegebied in dezelfde periode, maar de ruwe veranderingen per gebied weerspiegelen ook de verschillende lengtes.</translation>
        </message>
        <message>
            <source>The status of a measure must be one of {statuses}, not {status}.</source>
            <translation>De status van een maatregel moet een van {statuses} zijn, niet {status}.</translation>
        </message>
        <message>
            <source>The target area did not change relative to the control area (SUCCESS = 0), so the WDQ is undefined.</source>
            <translation>Het doelgebied veranderde niet ten opzichte van het controlegebied (SUCCESS = 0), dus de WDQ is niet te berekenen.</translation>
        </message>
        <message>
            <source>The target area did not fall relative to the control area (SUCCESS &gt; 0): the WDQ is only meaningful after a fall and is left empty.</source>
            <translation>Het doelgebied daalde niet ten opzichte van het controlegebied (SUCCESS &gt; 0): de WDQ heeft alleen betekenis na een daling en blijft leeg.</translation>
        </message>
        <message>
            <source>The target area has no incidents in the after period, so its odds ratio is undefined.</source>
            <translation>Het doelgebied heeft geen incidenten in de naperiode, dus de odds ratio ervan is niet te berekenen.</translation>
        </message>
        <message>
            <source>The target area has no incidents in the before period, so its odds ratio is undefined.</source>
            <translation>Het doelgebied heeft geen incidenten in de voorperiode, dus de odds ratio ervan is niet te berekenen.</translation>
        </message>
        <message>
            <source>the WDQ ({wdq}) is not read as displacement or diffusion, because the change in the target area is not significant</source>
            <translation>de WDQ ({wdq}) wordt niet gelezen als verplaatsing of uitstraling, omdat de verandering in het doelgebied niet significant is</translation>
        </message>
        <message>
            <source>the {distance} m around it</source>
            <translation>de {distance} m eromheen</translation>
        </message>
        <message>
            <source>The {k} cameras see {n} of the {total} incidents ({pct}%).</source>
            <translation>De {k} camera's zien {n} van de {total} incidenten ({pct}%).</translation>
        </message>
        <message>
            <source>there are no incidents in the GeoPackage</source>
            <translation>er zijn geen incidenten in de GeoPackage</translation>
        </message>
        <message>
            <source>There are only {n} candidates: all of them are chosen.</source>
            <translation>Er zijn maar {n} kandidaten: ze worden allemaal gekozen.</translation>
        </message>
        <message>
            <source>there are too few days of data before or after its start</source>
            <translation>er zijn te weinig dagen met gegevens voor of na de start</translation>
        </message>
        <message>
            <source>Weighted displacement quotient (WDQ)</source>
            <translation>Weighted displacement quotient (WDQ)</translation>
        </message>
        <message>
            <source>{n} cameras see nothing: they lie inside an obstacle (for example feature {fid}). Put a facade camera on the wall or just outside it.</source>
            <translation>{n} camera's zien niets: ze liggen binnen een obstakel (bijvoorbeeld object {fid}). Zet een gevelcamera op de gevel of net erbuiten.</translation>
        </message>
        <message>
            <source>{n} cameras see {area} m²{incidents}.</source>
            <translation>{n} camera's zien {area} m²{incidents}.</translation>
        </message>
        <message>
            <source>{n} cameras were added to the measures register of {path} as planned measures.</source>
            <translation>{n} camera's zijn als geplande maatregelen toegevoegd aan het maatregelenregister van {path}.</translation>
        </message>
        <message>
            <source>{title} (since {start}, {status})</source>
            <translation>{title} (sinds {start}, {status})</translation>
        </message>
    </context>
</TS>
