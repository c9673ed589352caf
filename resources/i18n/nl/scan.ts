<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>A finding needs a text.</source>
            <translation>Een bevinding heeft een tekst nodig.</translation>
        </message>
        <message>
            <source>A period boundary is missing (not a date).</source>
            <translation>Een begin of einde van een periode ontbreekt (geen datum).</translation>
        </message>
        <message>
            <source>A priority must be 1 (high), 2 (medium) or 3 (low), not {priority}.</source>
            <translation>Een prioriteit moet 1 (hoog), 2 (middel) of 3 (laag) zijn, niet {priority}.</translation>
        </message>
        <message>
            <source>access</source>
            <translation>toegankelijkheid</translation>
        </message>
        <message>
            <source>Cannot read the measures catalogue {path}: {error}</source>
            <translation>De maatregelencatalogus {path} kan niet worden gelezen: {error}</translation>
        </message>
        <message>
            <source>Choose a measure from the catalogue or describe your own.</source>
            <translation>Kies een maatregel uit de catalogus of beschrijf een eigen maatregel.</translation>
        </message>
        <message>
            <source>cleanliness (schoon)</source>
            <translation>schoon</translation>
        </message>
        <message>
            <source>Counts from 1 to {below} are marked as small and are published as "&lt;{threshold}".</source>
            <translation>Aantallen van 1 tot en met {below} zijn gemarkeerd als klein en worden gepubliceerd als "&lt;{threshold}".</translation>
        </message>
        <message>
            <source>Exact conditional test for two Poisson counts: n1 | n1 + n2 ~ Binomial(n1 + n2, {p0}), p0 = L1 / (L1 + L2) with period lengths L1 = {days} days and L2 = {comparison_days} days; two-sided p-value = twice the smaller tail; ratio (n1/L1) / (n2/L2) with an exact {level}% Clopper-Pearson interval.</source>
            <translation>Exacte conditionele toets voor twee Poisson-aantallen: n1 | n1 + n2 ~ Binomiaal(n1 + n2, {p0}), p0 = L1 / (L1 + L2) met periodelengten L1 = {days} dagen en L2 = {comparison_days} dagen; tweezijdige p-waarde = tweemaal de kleinste staart; verhouding (n1/L1) / (n2/L2) met een exact {level}%-betrouwbaarheidsinterval (Clopper-Pearson).</translation>
        </message>
        <message>
            <source>Inhabitants and dwellings apportioned from the buurten by area share: a buurt contributes its number times the share of its surface that lies in the zone.</source>
            <translation>Inwoners en woningen naar oppervlakteaandeel verdeeld over de buurten: een buurt telt mee met haar aantal maal het deel van haar oppervlakte dat in het gebied ligt.</translation>
        </message>
        <message>
            <source>Inspection: open red findings about {group} ({count})</source>
            <translation>Schouw: open rode bevindingen over {group} ({count})</translation>
        </message>
        <message>
            <source>lighting</source>
            <translation>verlichting</translation>
        </message>
        <message>
            <source>No reference area (no buurten and no municipality boundary): the comparison with the reference area is left out.</source>
            <translation>Geen referentiegebied (geen buurten en geen gemeentegrens): de vergelijking met het referentiegebied vervalt.</translation>
        </message>
        <message>
            <source>Only {share}% of the scan area lies inside the reference area; the area is compared with the reference as a separate area.</source>
            <translation>Slechts {share}% van het scangebied ligt in het referentiegebied; het gebied wordt als apart gebied met de referentie vergeleken.</translation>
        </message>
        <message>
            <source>other items</source>
            <translation>overige punten</translation>
        </message>
        <message>
            <source>perceived safety</source>
            <translation>beleving</translation>
        </message>
        <message>
            <source>Rate ratio against the reference area, which contains the scan area: n1 | N ~ Binomial(N, RR * E1 / E) (E = inhabitants or km²); exact {level}% interval = Clopper-Pearson interval of n1 out of N times E / E1; two-sided binomial test of RR = 1.</source>
            <translation>Verhouding van de cijfers ten opzichte van het referentiegebied, dat het scangebied omvat: n1 | N ~ Binomiaal(N, RR * E1 / E) (E = inwoners of km²); exact {level}%-interval = Clopper-Pearson-interval van n1 uit N maal E / E1; tweezijdige binomiale toets van RR = 1.</translation>
        </message>
        <message>
            <source>Rate ratio against the reference area, which does not contain the scan area: n1 | n1 + N ~ Binomial(n1 + N, p), RR = p / (1 - p) * E / E1 (E = inhabitants or km²); exact {level}% Clopper-Pearson interval transformed the same way; two-sided binomial test of RR = 1.</source>
            <translation>Verhouding van de cijfers ten opzichte van het referentiegebied, dat het scangebied niet omvat: n1 | n1 + N ~ Binomiaal(n1 + N, p), RR = p / (1 - p) * E / E1 (E = inwoners of km²); exact {level}%-interval (Clopper-Pearson) op dezelfde manier omgerekend; tweezijdige binomiale toets van RR = 1.</translation>
        </message>
        <message>
            <source>repair (heel)</source>
            <translation>heel</translation>
        </message>
        <message>
            <source>safety (veilig)</source>
            <translation>veilig</translation>
        </message>
        <message>
            <source>sight lines and overview</source>
            <translation>zicht en overzicht</translation>
        </message>
        <message>
            <source>The centre point of the scan area has no valid coordinates.</source>
            <translation>Het middelpunt van het scangebied heeft geen geldige coördinaten.</translation>
        </message>
        <message>
            <source>The comparison period ({c_start} to {c_end}) overlaps the period ({start} to {end}); choose a comparison period before (or after) the period.</source>
            <translation>De vergelijkingsperiode ({c_start} tot {c_end}) overlapt met de periode ({start} tot {end}); kies een vergelijkingsperiode vóór (of na) de periode.</translation>
        </message>
        <message>
            <source>The comparison period ends ({end}) before or when it starts ({start}); choose an end after the start.</source>
            <translation>De vergelijkingsperiode eindigt ({end}) vóór of op het moment dat ze begint ({start}); kies een einde na het begin.</translation>
        </message>
        <message>
            <source>The due date {date} is not a date; write it as YYYY-MM-DD.</source>
            <translation>De streefdatum {date} is geen datum; schrijf hem als JJJJ-MM-DD.</translation>
        </message>
        <message>
            <source>The incident arrays differ in length: {nx} x, {ny} y and {nt} times.</source>
            <translation>De incidentgegevens verschillen in lengte: {nx} x, {ny} y en {nt} tijdstippen.</translation>
        </message>
        <message>
            <source>The incident attribute {name} has {got} values for {n} incidents.</source>
            <translation>Het incidentkenmerk {name} heeft {got} waarden voor {n} incidenten.</translation>
        </message>
        <message>
            <source>The incident times cannot be read as dates and times.</source>
            <translation>De tijdstippen van de incidenten kunnen niet als datum en tijd worden gelezen.</translation>
        </message>
        <message>
            <source>The measure refers to unknown findings: {ids}.</source>
            <translation>De maatregel verwijst naar onbekende bevindingen: {ids}.</translation>
        </message>
        <message>
            <source>The measure {id} is not in the measures catalogue.</source>
            <translation>De maatregel {id} staat niet in de maatregelencatalogus.</translation>
        </message>
        <message>
            <source>The measures catalogue has errors: {problems}</source>
            <translation>De maatregelencatalogus bevat fouten: {problems}</translation>
        </message>
        <message>
            <source>The measures catalogue {path} is not valid JSON: {error}</source>
            <translation>De maatregelencatalogus {path} is geen geldige JSON: {error}</translation>
        </message>
        <message>
            <source>The number of inhabitants of the reference area must be 0 or more, not {value}.</source>
            <translation>Het aantal inwoners van het referentiegebied moet 0 of meer zijn, niet {value}.</translation>
        </message>
        <message>
            <source>The period ends ({end}) before or when it starts ({start}); choose an end after the start.</source>
            <translation>De periode eindigt ({end}) vóór of op het moment dat ze begint ({start}); kies een einde na het begin.</translation>
        </message>
        <message>
            <source>The radius around the point must be a positive number of metres, not {radius}.</source>
            <translation>De straal rond het punt moet een positief aantal meters zijn, niet {radius}.</translation>
        </message>
        <message>
            <source>The reference area is empty or has no surface.</source>
            <translation>Het referentiegebied is leeg of heeft geen oppervlakte.</translation>
        </message>
        <message>
            <source>The reference area was an invalid polygon; it was repaired (buffer 0).</source>
            <translation>Het referentiegebied was een ongeldige polygoon; die is hersteld (buffer 0).</translation>
        </message>
        <message>
            <source>The risk object arrays differ in length.</source>
            <translation>De gegevens van de risico-objecten verschillen in lengte.</translation>
        </message>
        <message>
            <source>The scan area has no inhabitants according to the buurten; rates per 1,000 inhabitants are left out.</source>
            <translation>Het scangebied heeft volgens de buurten geen inwoners; cijfers per 1.000 inwoners vervallen.</translation>
        </message>
        <message>
            <source>The scan area is empty or has no surface; draw or choose a polygon (or give a point with a radius).</source>
            <translation>Het scangebied is leeg of heeft geen oppervlakte; teken of kies een polygoon (of geef een punt met een straal).</translation>
        </message>
        <message>
            <source>The scan area was an invalid polygon; it was repaired (buffer 0). Check its shape.</source>
            <translation>Het scangebied was een ongeldige polygoon; die is hersteld (buffer 0). Controleer de vorm.</translation>
        </message>
        <message>
            <source>The schouw finding arrays differ in length.</source>
            <translation>De gegevens van de schouwbevindingen verschillen in lengte.</translation>
        </message>
        <message>
            <source>The significance level must lie between 0 and 1, not {alpha}.</source>
            <translation>Het significantieniveau moet tussen 0 en 1 liggen, niet {alpha}.</translation>
        </message>
        <message>
            <source>The small-count threshold must be a whole number of at least 1, not {threshold}.</source>
            <translation>De drempel voor kleine aantallen moet een geheel getal van minstens 1 zijn, niet {threshold}.</translation>
        </message>
        <message>
            <source>The stored advice has an unknown format; expected {expected}.</source>
            <translation>Het opgeslagen advies heeft een onbekend formaat; verwacht: {expected}.</translation>
        </message>
        <message>
            <source>The stored advice is not valid JSON: {error}</source>
            <translation>Het opgeslagen advies is geen geldige JSON: {error}</translation>
        </message>
        <message>
            <source>The stored scan results are not valid JSON: {error}</source>
            <translation>De opgeslagen scanresultaten zijn geen geldige JSON: {error}</translation>
        </message>
        <message>
            <source>The stored scan results have an unknown format ({format}); expected {expected}.</source>
            <translation>De opgeslagen scanresultaten hebben een onbekend formaat ({format}); verwacht: {expected}.</translation>
        </message>
        <message>
            <source>The stored scan results lack the parts: {missing}.</source>
            <translation>In de opgeslagen scanresultaten ontbreken de onderdelen: {missing}.</translation>
        </message>
        <message>
            <source>The width of the context ring must be 0 or more metres, not {width}.</source>
            <translation>De breedte van de ring rond het gebied moet 0 of meer meter zijn, niet {width}.</translation>
        </message>
        <message>
            <source>There are no incident dates to derive the default period from; give the period explicitly.</source>
            <translation>Er zijn geen incidentdatums om de standaardperiode uit af te leiden; geef de periode zelf op.</translation>
        </message>
        <message>
            <source>{kind}: {count} within {distance} m of a hotspot zone ({names})</source>
            <translation>{kind}: {count} binnen {distance} m van een hotspotzone ({names})</translation>
        </message>
        <message>
            <source>{label}: significantly decreased ({change}; {n} against {n_comparison} in the comparison period)</source>
            <translation>{label}: significant gedaald ({change}; {n} tegenover {n_comparison} in de vergelijkingsperiode)</translation>
        </message>
        <message>
            <source>{label}: significantly increased ({change}; {n} against {n_comparison} in the comparison period)</source>
            <translation>{label}: significant gestegen ({change}; {n} tegenover {n_comparison} in de vergelijkingsperiode)</translation>
        </message>
        <message>
            <source>{label}: {ratio}x the municipal average per 1,000 inhabitants (95% interval {ci_low}-{ci_high})</source>
            <translation>{label}: {ratio}x het gemeentelijk gemiddelde per 1.000 inwoners (95%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {ratio}x the municipal average per 1,000 inhabitants, significantly increased ({change}; {n} against {n_comparison})</source>
            <translation>{label}: {ratio}x het gemeentelijk gemiddelde per 1.000 inwoners, significant gestegen ({change}; {n} tegenover {n_comparison})</translation>
        </message>
        <message>
            <source>{label}: {ratio}x the municipal average per km² (95% interval {ci_low}-{ci_high})</source>
            <translation>{label}: {ratio}x het gemeentelijk gemiddelde per km² (95%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {ratio}x the municipal average per km², significantly increased ({change}; {n} against {n_comparison})</source>
            <translation>{label}: {ratio}x het gemeentelijk gemiddelde per km², significant gestegen ({change}; {n} tegenover {n_comparison})</translation>
        </message>
        <message>
            <source>{label}: {share} of the incidents happen in the evening or at night (19:00-07:00)</source>
            <translation>{label}: {share} van de incidenten vindt 's avonds of 's nachts plaats (19:00-07:00)</translation>
        </message>
        <message>
            <source>{label}: {share} of the incidents lie in hotspot zones that cover {area_share} of the area</source>
            <translation>{label}: {share} van de incidenten ligt in hotspotzones die {area_share} van het gebied beslaan</translation>
        </message>
        <message>
            <source>{n} buurt polygons were empty or invalid and were repaired or skipped.</source>
            <translation>{n} buurtpolygonen waren leeg of ongeldig en zijn hersteld of overgeslagen.</translation>
        </message>
        <message>
            <source>{n} buurten have no (or a secret) number of inhabitants or dwellings; they count as 0: {codes}</source>
            <translation>{n} buurten hebben geen (of een geheimgehouden) aantal inwoners of woningen; die tellen als 0: {codes}</translation>
        </message>
        <message>
            <source>{n} incidents without valid coordinates or date were left out.</source>
            <translation>{n} incidenten zonder geldige coördinaten of datum zijn weggelaten.</translation>
        </message>
        <message>
            <source>{value} is not a date or time.</source>
            <translation>{value} is geen datum of tijd.</translation>
        </message>
    </context>
</TS>
