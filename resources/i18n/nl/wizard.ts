<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>1 – high</source>
            <translation>1 – hoog</translation>
        </message>
        <message>
            <source>2 – medium</source>
            <translation>2 – middel</translation>
        </message>
        <message>
            <source>3 – low</source>
            <translation>3 – laag</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Vorige</translation>
        </message>
        <message>
            <source>A feature of a map layer</source>
            <translation>Een object uit een kaartlaag</translation>
        </message>
        <message>
            <source>A finding needs a text; remove it if it does not apply.</source>
            <translation>Een bevinding heeft een tekst nodig; verwijder haar als ze niet van toepassing is.</translation>
        </message>
        <message>
            <source>A measure needs a text; remove it if it does not apply.</source>
            <translation>Een maatregel heeft een tekst nodig; verwijder hem als hij niet van toepassing is.</translation>
        </message>
        <message>
            <source>A point with a radius</source>
            <translation>Een punt met een straal</translation>
        </message>
        <message>
            <source>A polygon drawn on the map</source>
            <translation>Een vlak getekend op de kaart</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Toevoegen</translation>
        </message>
        <message>
            <source>Add finding</source>
            <translation>Bevinding toevoegen</translation>
        </message>
        <message>
            <source>Add own</source>
            <translation>Eigen toevoegen</translation>
        </message>
        <message>
            <source>advice</source>
            <translation>advies</translation>
        </message>
        <message>
            <source>Against the municipality</source>
            <translation>T.o.v. gemeente</translation>
        </message>
        <message>
            <source>Against the municipality (per km²)</source>
            <translation>T.o.v. gemeente (per km²)</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>All features of '{layer}'</source>
            <translation>Alle objecten van '{layer}'</translation>
        </message>
        <message>
            <source>All incidents</source>
            <translation>Alle incidenten</translation>
        </message>
        <message>
            <source>Analysis</source>
            <translation>Analyse</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>Gebied</translation>
        </message>
        <message>
            <source>around {x}, {y}</source>
            <translation>rond {x}, {y}</translation>
        </message>
        <message>
            <source>blue line: scan area</source>
            <translation>blauwe lijn: scangebied</translation>
        </message>
        <message>
            <source>Cancel the analysis</source>
            <translation>Analyse afbreken</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Afgebroken.</translation>
        </message>
        <message>
            <source>Cancelled: nothing was saved. Press 'Run again' to start the scan again.</source>
            <translation>Afgebroken: er is niets opgeslagen. Klik op 'Opnieuw uitvoeren' om de scan opnieuw te starten.</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Verandering</translation>
        </message>
        <message>
            <source>Change against the comparison period; * = significant (exact test for two Poisson counts, p &lt; 0.05).</source>
            <translation>Verandering ten opzichte van de vergelijkingsperiode; * = significant (exacte toets voor twee Poisson-aantallen, p &lt; 0,05).</translation>
        </message>
        <message>
            <source>Check the drafted findings, add your own, and choose the measures per finding.</source>
            <translation>Controleer de opgestelde bevindingen, voeg eigen bevindingen toe en kies per bevinding de maatregelen.</translation>
        </message>
        <message>
            <source>Choose a polygon layer of the project, then the feature that is the scan area.</source>
            <translation>Kies een vlakkenlaag uit het project en daarna het object dat het scangebied is.</translation>
        </message>
        <message>
            <source>Choose how to give the scan area: a feature of a map layer, a polygon drawn on the map, or a point with a radius.</source>
            <translation>Kies hoe u het scangebied aangeeft: een object uit een kaartlaag, een vlak getekend op de kaart of een punt met een straal.</translation>
        </message>
        <message>
            <source>Choose the feature of '{layer}' that is the scan area (type to search), or tick 'use the selected features'.</source>
            <translation>Kies het object van '{layer}' dat het scangebied is (typ om te zoeken), of vink 'gebruik de geselecteerde objecten' aan.</translation>
        </message>
        <message>
            <source>Choose the finding the measure is for.</source>
            <translation>Kies de bevinding waar de maatregel bij hoort.</translation>
        </message>
        <message>
            <source>Choose the safety GeoPackage and the location to scan, or open a saved scan.</source>
            <translation>Kies de veiligheids-GeoPackage en de plek die u wilt scannen, of open een opgeslagen scan.</translation>
        </message>
        <message>
            <source>Choose the safety GeoPackage with the incidents.</source>
            <translation>Kies de veiligheids-GeoPackage met de incidenten.</translation>
        </message>
        <message>
            <source>Choose where to save the PDF.</source>
            <translation>Kies waar de pdf moet worden opgeslagen.</translation>
        </message>
        <message>
            <source>Click the centre of the scan area on the map; Esc cancels.</source>
            <translation>Klik op de kaart het midden van het scangebied aan; Esc breekt af.</translation>
        </message>
        <message>
            <source>Click the corners of the area on the map; finish with a right click or a double click. Backspace removes the last corner, Esc cancels.</source>
            <translation>Klik op de kaart de hoekpunten van het gebied aan; rond af met een rechtermuisklik of een dubbelklik. Backspace haalt het laatste hoekpunt weg, Esc breekt af.</translation>
        </message>
        <message>
            <source>Click the corners of the scan area; finish with a right click or a double click. Backspace removes the last corner, Esc cancels.</source>
            <translation>Klik de hoekpunten van het scangebied aan; rond af met een rechtermuisklik of een dubbelklik. Backspace haalt het laatste hoekpunt weg, Esc breekt af.</translation>
        </message>
        <message>
            <source>Click the point on the map…</source>
            <translation>Punt aanwijzen op de kaart…</translation>
        </message>
        <message>
            <source>Compare with</source>
            <translation>Vergelijken met</translation>
        </message>
        <message>
            <source>Comparison period</source>
            <translation>Vergelijkingsperiode</translation>
        </message>
        <message>
            <source>comparison period</source>
            <translation>vergelijkingsperiode</translation>
        </message>
        <message>
            <source>Context ring around the area</source>
            <translation>Contextring rond het gebied</translation>
        </message>
        <message>
            <source>Counts below {t} are shown as '&lt;{t}'. Change: against {c_start} up to and including {c_end}; * = significant (p &lt; 0.05). Against the municipality: rate ratio (point at a number for its 95% interval).</source>
            <translation>Aantallen onder {t} staan als '&lt;{t}'. Verandering: ten opzichte van {c_start} tot en met {c_end}; * = significant (p &lt; 0,05). T.o.v. gemeente: verhouding van de cijfers (wijs een getal aan voor het 95%-interval).</translation>
        </message>
        <message>
            <source>Counts from 1 up to this number minus one are shown as '&lt;n' in the results and the report, so that no one can be recognised.</source>
            <translation>Aantallen van 1 tot dit getal staan als '&lt;n' in de resultaten en het rapport, zodat niemand herkenbaar is.</translation>
        </message>
        <message>
            <source>dashed: ring of {m} m</source>
            <translation>gestreept: ring van {m} m</translation>
        </message>
        <message>
            <source>Data and period</source>
            <translation>Gegevens en periode</translation>
        </message>
        <message>
            <source>day (07-19)</source>
            <translation>dag (07-19)</translation>
        </message>
        <message>
            <source>dots: incidents in the period</source>
            <translation>stippen: incidenten in de periode</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>concept</translation>
        </message>
        <message>
            <source>Draft (concept)</source>
            <translation>Concept</translation>
        </message>
        <message>
            <source>Draw on the map…</source>
            <translation>Tekenen op de kaart…</translation>
        </message>
        <message>
            <source>e.g. Marktplein, herinrichting 2026</source>
            <translation>bijv. Marktplein, herinrichting 2026</translation>
        </message>
        <message>
            <source>Environment scan {name}</source>
            <translation>Omgevingsscan {name}</translation>
        </message>
        <message>
            <source>evening (19-23)</source>
            <translation>avond (19-23)</translation>
        </message>
        <message>
            <source>fewer than {t}</source>
            <translation>minder dan {t}</translation>
        </message>
        <message>
            <source>final</source>
            <translation>definitief</translation>
        </message>
        <message>
            <source>Final (definitief)</source>
            <translation>Definitief</translation>
        </message>
        <message>
            <source>Finding (double-click to edit)</source>
            <translation>Bevinding (dubbelklik om te bewerken)</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Bevindingen</translation>
        </message>
        <message>
            <source>Findings and measures</source>
            <translation>Bevindingen en maatregelen</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Voltooien</translation>
        </message>
        <message>
            <source>Give the scan a title, for example the name of the location.</source>
            <translation>Geef de scan een titel, bijvoorbeeld de naam van de plek.</translation>
        </message>
        <message>
            <source>hour of the day (0 = 00:00-00:59)</source>
            <translation>uur van de dag (0 = 00:00-00:59)</translation>
        </message>
        <message>
            <source>Incidents in the area</source>
            <translation>Incidenten in het gebied</translation>
        </message>
        <message>
            <source>Last saved</source>
            <translation>Laatst opgeslagen</translation>
        </message>
        <message>
            <source>Make the report (PDF)</source>
            <translation>Rapport maken (PDF)</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>Het rapport wordt gemaakt…</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Kaart</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Maatregel</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Maatregelen</translation>
        </message>
        <message>
            <source>Measures for: {finding}</source>
            <translation>Maatregelen bij: {finding}</translation>
        </message>
        <message>
            <source>Measures: choose a finding above.</source>
            <translation>Maatregelen: kies hierboven een bevinding.</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Omlaag</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Omhoog</translation>
        </message>
        <message>
            <source>new</source>
            <translation>nieuw</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Volgende &gt;</translation>
        </message>
        <message>
            <source>Next steps</source>
            <translation>Vervolg</translation>
        </message>
        <message>
            <source>night (23-07)</source>
            <translation>nacht (23-07)</translation>
        </message>
        <message>
            <source>No features of the layer '{layer}' are selected. Select the area on the map, or untick 'use the selected features' and choose one feature.</source>
            <translation>Er zijn geen objecten van de laag '{layer}' geselecteerd. Selecteer het gebied op de kaart, of vink 'gebruik de geselecteerde objecten' uit en kies één object.</translation>
        </message>
        <message>
            <source>No saved scans in this GeoPackage yet.</source>
            <translation>Nog geen opgeslagen scans in deze GeoPackage.</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Geen</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Cijfers</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Openen</translation>
        </message>
        <message>
            <source>Open a saved scan again</source>
            <translation>Een opgeslagen scan opnieuw openen</translation>
        </message>
        <message>
            <source>or describe your own measure</source>
            <translation>of beschrijf een eigen maatregel</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Eigenaar</translation>
        </message>
        <message>
            <source>p = {p}; ratio {ratio} (95% interval {low}–{high})</source>
            <translation>p = {p}; verhouding {ratio} (95%-interval {low}–{high})</translation>
        </message>
        <message>
            <source>PDF files</source>
            <translation>PDF-bestanden</translation>
        </message>
        <message>
            <source>Per 1,000 inhabitants</source>
            <translation>Per 1.000 inwoners</translation>
        </message>
        <message>
            <source>period</source>
            <translation>periode</translation>
        </message>
        <message>
            <source>Polygon of {km2} km²</source>
            <translation>Vlak van {km2} km²</translation>
        </message>
        <message>
            <source>Prepare a neighbourhood inspection (buurtschouw)</source>
            <translation>Buurtschouw voorbereiden</translation>
        </message>
        <message>
            <source>Press 'Click the point on the map' and click the centre of the area.</source>
            <translation>Klik op 'Punt aanwijzen op de kaart' en klik het midden van het gebied aan.</translation>
        </message>
        <message>
            <source>Press 'Draw on the map' and click the corners of the area; finish with a right click or a double click.</source>
            <translation>Klik op 'Tekenen op de kaart' en klik de hoekpunten van het gebied aan; rond af met een rechtermuisklik of een dubbelklik.</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Vorige periode</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioriteit</translation>
        </message>
        <message>
            <source>radius</source>
            <translation>straal</translation>
        </message>
        <message>
            <source>Rate ratio against the municipality; * = significant. Point at a number for its 95% interval.</source>
            <translation>Verhouding tot het cijfer van de gemeente; * = significant. Wijs een getal aan voor het 95%-interval.</translation>
        </message>
        <message>
            <source>Ready by</source>
            <translation>Gereed vóór</translation>
        </message>
        <message>
            <source>red: hotspot zones ({n})</source>
            <translation>rood: hotspotzones ({n})</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Kenmerk</translation>
        </message>
        <message>
            <source>Remove finding</source>
            <translation>Bevinding verwijderen</translation>
        </message>
        <message>
            <source>Remove measure</source>
            <translation>Maatregel verwijderen</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <source>Ring</source>
            <translation>Ring</translation>
        </message>
        <message>
            <source>Run again</source>
            <translation>Opnieuw uitvoeren</translation>
        </message>
        <message>
            <source>Running the scan… The results appear here when it is done.</source>
            <translation>De scan loopt… De resultaten verschijnen hier als hij klaar is.</translation>
        </message>
        <message>
            <source>Safety field / category</source>
            <translation>Veiligheidsveld / categorie</translation>
        </message>
        <message>
            <source>Safety fields</source>
            <translation>Veiligheidsvelden</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Opslaan</translation>
        </message>
        <message>
            <source>Save the report as</source>
            <translation>Rapport opslaan als</translation>
        </message>
        <message>
            <source>Save the scan and its advice in the GeoPackage; then make the report.</source>
            <translation>Sla de scan en het advies op in de GeoPackage en maak daarna het rapport.</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Opgeslagen</translation>
        </message>
        <message>
            <source>Saved as {reference}, version {version} ({status}).</source>
            <translation>Opgeslagen als {reference}, versie {version} ({status}).</translation>
        </message>
        <message>
            <source>Scan area</source>
            <translation>Scangebied</translation>
        </message>
        <message>
            <source>Scan area of {km2} km² with a ring of {ring} m.</source>
            <translation>Scangebied van {km2} km² met een ring van {ring} m.</translation>
        </message>
        <message>
            <source>Scan {reference} ({title}) is open. Press Next to check the data and see its results, or change the area and run it again.</source>
            <translation>Scan {reference} ({title}) is geopend. Klik op Volgende om de gegevens te controleren en de resultaten te zien, of wijzig het gebied en voer de scan opnieuw uit.</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Toon</translation>
        </message>
        <message>
            <source>Small-count threshold</source>
            <translation>Drempel kleine aantallen</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>The analysis is still running.</source>
            <translation>De analyse loopt nog.</translation>
        </message>
        <message>
            <source>The area of scan {reference}</source>
            <translation>Het gebied van scan {reference}</translation>
        </message>
        <message>
            <source>The area the scan area is compared with: by default the municipality in the GeoPackage; or all features of a polygon layer of the project.</source>
            <translation>Het gebied waarmee het scangebied wordt vergeleken: standaard de gemeente in de GeoPackage, of alle objecten van een vlakkenlaag uit het project.</translation>
        </message>
        <message>
            <source>The chosen feature</source>
            <translation>Het gekozen object</translation>
        </message>
        <message>
            <source>The circle</source>
            <translation>De cirkel</translation>
        </message>
        <message>
            <source>The comparison period ends before it starts: choose an end date on or after {date}.</source>
            <translation>De vergelijkingsperiode eindigt voordat ze begint: kies een einddatum op of na {date}.</translation>
        </message>
        <message>
            <source>The comparison period overlaps the period. Choose a comparison period that ends before {date} (usually the same months one year earlier).</source>
            <translation>De vergelijkingsperiode overlapt de periode. Kies een vergelijkingsperiode die eindigt vóór {date} (meestal dezelfde maanden een jaar eerder).</translation>
        </message>
        <message>
            <source>The drawn polygon</source>
            <translation>Het getekende vlak</translation>
        </message>
        <message>
            <source>The GeoPackage could not be read.</source>
            <translation>De GeoPackage kan niet worden gelezen.</translation>
        </message>
        <message>
            <source>The GeoPackage has no incidents yet. Import the incidents first (Hotspot ‣ Import incidents).</source>
            <translation>De GeoPackage heeft nog geen incidenten. Importeer eerst de incidenten (Hotspot ‣ Incidenten importeren).</translation>
        </message>
        <message>
            <source>The GeoPackage holds {n} incidents from {first} up to and including {last}.</source>
            <translation>De GeoPackage bevat {n} incidenten van {first} tot en met {last}.</translation>
        </message>
        <message>
            <source>The GeoPackage uses a geographic coordinate system (degrees); a scan measures in metres. Create the safety GeoPackage in a projected system such as RD New (EPSG:28992) or Belgian Lambert 72 (EPSG:31370) and import the incidents again.</source>
            <translation>De GeoPackage gebruikt een geografisch coördinatenstelsel (graden); een scan meet in meters. Maak de veiligheids-GeoPackage in een geprojecteerd stelsel zoals RD New (EPSG:28992) of Belgian Lambert 72 (EPSG:31370) en importeer de incidenten opnieuw.</translation>
        </message>
        <message>
            <source>The incidents in a ring of this width around the area are counted separately, to see what happens just outside it.</source>
            <translation>De incidenten in een ring van deze breedte rond het gebied worden apart geteld, om te zien wat er net buiten gebeurt.</translation>
        </message>
        <message>
            <source>The municipality {name} (from the GeoPackage)</source>
            <translation>De gemeente {name} (uit de GeoPackage)</translation>
        </message>
        <message>
            <source>The period ends before it starts: choose an end date on or after {date}.</source>
            <translation>De periode eindigt voordat ze begint: kies een einddatum op of na {date}.</translation>
        </message>
        <message>
            <source>The reference area of the saved scan {name}</source>
            <translation>Het vergelijkingsgebied van de opgeslagen scan {name}</translation>
        </message>
        <message>
            <source>The report failed; see the Hotspot log.</source>
            <translation>Het rapport is mislukt; zie het Hotspot-logboek.</translation>
        </message>
        <message>
            <source>The report is ready: {link}</source>
            <translation>Het rapport is klaar: {link}</translation>
        </message>
        <message>
            <source>The scan area lies outside the data: there are no incidents anywhere near it in this GeoPackage. Check that you chose the right GeoPackage and the right place (a layer in another coordinate system may lie elsewhere).</source>
            <translation>Het scangebied ligt buiten de gegevens: in deze GeoPackage liggen er nergens in de buurt incidenten. Controleer of u de juiste GeoPackage en de juiste plek hebt gekozen (een laag in een ander coördinatenstelsel kan ergens anders liggen).</translation>
        </message>
        <message>
            <source>The scan failed; see the Hotspot log.</source>
            <translation>De scan is mislukt; zie het Hotspot-logboek.</translation>
        </message>
        <message>
            <source>The scan has unsaved changes to its findings and measures. Close without saving them?</source>
            <translation>De bevindingen en maatregelen van de scan hebben wijzigingen die niet zijn opgeslagen. Sluiten zonder op te slaan?</translation>
        </message>
        <message>
            <source>The scan runs in the background; the results are saved in the GeoPackage.</source>
            <translation>De scan draait op de achtergrond; de resultaten worden opgeslagen in de GeoPackage.</translation>
        </message>
        <message>
            <source>There are no incidents in the period {start} up to and including {end}; the data run from {first} to {last}. Choose another period.</source>
            <translation>Er zijn geen incidenten in de periode {start} tot en met {end}; de gegevens lopen van {first} tot {last}. Kies een andere periode.</translation>
        </message>
        <message>
            <source>There are unsaved changes.</source>
            <translation>Er zijn wijzigingen die nog niet zijn opgeslagen.</translation>
        </message>
        <message>
            <source>There is no scan to save yet: run the analysis first.</source>
            <translation>Er is nog geen scan om op te slaan: voer eerst de analyse uit.</translation>
        </message>
        <message>
            <source>Tick at least one category (or press 'All').</source>
            <translation>Vink ten minste één categorie aan (of klik op 'Alle').</translation>
        </message>
        <message>
            <source>Tick at least one safety field.</source>
            <translation>Vink ten minste één veiligheidsveld aan.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Type to search the features of the layer.</source>
            <translation>Typ om in de objecten van de laag te zoeken.</translation>
        </message>
        <message>
            <source>Use the selected features</source>
            <translation>Gebruik de geselecteerde objecten</translation>
        </message>
        <message>
            <source>Use the selected features ({n})</source>
            <translation>Gebruik de geselecteerde objecten ({n})</translation>
        </message>
        <message>
            <source>version {version}, {when}</source>
            <translation>versie {version}, {when}</translation>
        </message>
        <message>
            <source>Wait until the analysis is done, or cancel it.</source>
            <translation>Wacht tot de analyse klaar is, of breek haar af.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <source>Which incidents to count, over which period, and what to compare the area with.</source>
            <translation>Welke incidenten worden geteld, over welke periode, en waarmee het gebied wordt vergeleken.</translation>
        </message>
        <message>
            <source>yellow to red: incident density</source>
            <translation>geel tot rood: dichtheid van incidenten</translation>
        </message>
        <message>
            <source>Your own finding, e.g. 'Residents avoid the tunnel after dark'</source>
            <translation>Eigen bevinding, bijv. 'Bewoners mijden de tunnel na donker'</translation>
        </message>
        <message>
            <source>Your own measure: double-click to edit.</source>
            <translation>Eigen maatregel: dubbelklik om te bewerken.</translation>
        </message>
        <message>
            <source>{code} {label} ({n})</source>
            <translation>{code} {label} ({n})</translation>
        </message>
        <message>
            <source>{km2} km², ring {ring} m</source>
            <translation>{km2} km², ring {ring} m</translation>
        </message>
        <message>
            <source>{n} (priority 1: {p1}, 2: {p2}, 3: {p3})</source>
            <translation>{n} (prioriteit 1: {p1}, 2: {p2}, 3: {p3})</translation>
        </message>
        <message>
            <source>{ratio}× the municipality (95% interval {low}–{high}; p = {p})</source>
            <translation>{ratio}× de gemeente (95%-interval {low}–{high}; p = {p})</translation>
        </message>
        <message>
            <source>{reference}: {n} incidents in the area ({km2} km², about {inh} inhabitants) from {start} up to and including {end}; {ring} in the ring of {width} m.</source>
            <translation>{reference}: {n} incidenten in het gebied ({km2} km², ongeveer {inh} inwoners) van {start} tot en met {end}; {ring} in de ring van {width} m.</translation>
        </message>
        <message>
            <source>{start} up to and including {end}</source>
            <translation>{start} tot en met {end}</translation>
        </message>
        <message>
            <source>{what} has no shape; choose or draw the area again.</source>
            <translation>{what} heeft geen vorm; kies of teken het gebied opnieuw.</translation>
        </message>
        <message>
            <source>{what} has no surface; choose or draw the area again.</source>
            <translation>{what} heeft geen oppervlakte; kies of teken het gebied opnieuw.</translation>
        </message>
        <message>
            <source>{what} is not a polygon; choose a polygon layer.</source>
            <translation>{what} is geen vlak; kies een vlakkenlaag.</translation>
        </message>
        <message>
            <source>{what} is not a valid polygon: its edges cross or touch themselves. Draw it again (or repair the layer with Vector ‣ Geometry Tools ‣ Fix Geometries).</source>
            <translation>{what} is geen geldig vlak: de randen kruisen of raken zichzelf. Teken het opnieuw (of herstel de laag met Vector ‣ Geometrie-gereedschap ‣ Geometrieën repareren).</translation>
        </message>
        <message>
            <source>★ = proposed for this finding</source>
            <translation>★ = voorgesteld bij deze bevinding</translation>
        </message>
    </context>
</TS>
