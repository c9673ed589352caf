<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>A cold spot in an unbroken run of the last two or more periods, never before that run.</source>
            <translation>Een coldspot in een ononderbroken reeks van de laatste twee of meer perioden, nooit vóór die reeks.</translation>
        </message>
        <message>
            <source>A cold spot in at least 90% of the periods, including the last, and ever more intense.</source>
            <translation>Een coldspot in minstens 90% van de perioden, ook de laatste, en steeds sterker.</translation>
        </message>
        <message>
            <source>A cold spot in at least 90% of the periods, including the last, but ever less intense.</source>
            <translation>Een coldspot in minstens 90% van de perioden, ook de laatste, maar steeds zwakker.</translation>
        </message>
        <message>
            <source>A cold spot in at least 90% of the periods, without a trend in its intensity.</source>
            <translation>Een coldspot in minstens 90% van de perioden, zonder trend in de sterkte.</translation>
        </message>
        <message>
            <source>A cold spot in the last period and never before.</source>
            <translation>Een coldspot in de laatste periode en nooit eerder.</translation>
        </message>
        <message>
            <source>A cold spot in the last period that has been on and off, and never a hot spot.</source>
            <translation>Een coldspot in de laatste periode die eerder aan en uit ging, en nooit een hotspot was.</translation>
        </message>
        <message>
            <source>A cold spot in the last period that was a hot spot in an earlier period.</source>
            <translation>Een coldspot in de laatste periode die in een eerdere periode een hotspot was.</translation>
        </message>
        <message>
            <source>A hot spot in an unbroken run of the last two or more periods, never before that run.</source>
            <translation>Een hotspot in een ononderbroken reeks van de laatste twee of meer perioden, nooit vóór die reeks.</translation>
        </message>
        <message>
            <source>A hot spot in at least 90% of the periods, including the last, and ever more intense.</source>
            <translation>Een hotspot in minstens 90% van de perioden, ook de laatste, en steeds sterker.</translation>
        </message>
        <message>
            <source>A hot spot in at least 90% of the periods, including the last, but ever less intense.</source>
            <translation>Een hotspot in minstens 90% van de perioden, ook de laatste, maar steeds zwakker.</translation>
        </message>
        <message>
            <source>A hot spot in at least 90% of the periods, without a trend in its intensity.</source>
            <translation>Een hotspot in minstens 90% van de perioden, zonder trend in de sterkte.</translation>
        </message>
        <message>
            <source>A hot spot in the last period and never before.</source>
            <translation>Een hotspot in de laatste periode en nooit eerder.</translation>
        </message>
        <message>
            <source>A hot spot in the last period that has been on and off, and never a cold spot.</source>
            <translation>Een hotspot in de laatste periode die eerder aan en uit ging, en nooit een coldspot was.</translation>
        </message>
        <message>
            <source>A hot spot in the last period that was a cold spot in an earlier period.</source>
            <translation>Een hotspot in de laatste periode die in een eerdere periode een coldspot was.</translation>
        </message>
        <message>
            <source>Area monitor</source>
            <translation>Buurtmonitor</translation>
        </message>
        <message>
            <source>Area monitor (Buurtmonitor)</source>
            <translation>Buurtmonitor</translation>
        </message>
        <message>
            <source>Area monitor (Buurtmonitor)…</source>
            <translation>Buurtmonitor…</translation>
        </message>
        <message>
            <source>Areas</source>
            <translation>Gebieden</translation>
        </message>
        <message>
            <source>Areas (polygons with code, name, inhabitants, dwellings; empty: the buurten of the GeoPackage)</source>
            <translation>Gebieden (polygonen met code, naam, inwoners, woningen; leeg: de buurten uit de GeoPackage)</translation>
        </message>
        <message>
            <source>Areas with accumulating problems</source>
            <translation>Gebieden met een stapeling van problemen</translation>
        </message>
        <message>
            <source>Areas: the {n} rows of level '{level}' of the GeoPackage.</source>
            <translation>Gebieden: de {n} rijen van niveau '{level}' uit de GeoPackage.</translation>
        </message>
        <message>
            <source>Atlas written: {path} ({n} pages)</source>
            <translation>Atlas geschreven: {path} ({n} pagina's)</translation>
        </message>
        <message>
            <source>Atlas: one profile page per area (PDF)</source>
            <translation>Atlas: één profielpagina per gebied (pdf)</translation>
        </message>
        <message>
            <source>Cell size in metres</source>
            <translation>Celgrootte in meters</translation>
        </message>
        <message>
            <source>Cells of {cell} m, time steps of {months} months, distance band {band} m, {k} previous time steps as neighbours; a bin is a hot or cold spot when its {pvalue} within its time step is below {alpha}.</source>
            <translation>Cellen van {cell} m, tijdstappen van {months} maanden, afstandsband {band} m, {k} voorgaande tijdstappen als buren; een bin is een hot- of coldspot als de {pvalue} binnen de tijdstap onder {alpha} ligt.</translation>
        </message>
        <message>
            <source>Cells with a cold spot pattern</source>
            <translation>Cellen met een coldspotpatroon</translation>
        </message>
        <message>
            <source>Cells with a hot spot pattern</source>
            <translation>Cellen met een hotspotpatroon</translation>
        </message>
        <message>
            <source>Cells with incidents</source>
            <translation>Cellen met incidenten</translation>
        </message>
        <message>
            <source>Choose the safety GeoPackage.</source>
            <translation>Kies de veiligheids-GeoPackage.</translation>
        </message>
        <message>
            <source>Consecutive cold spot</source>
            <translation>Opeenvolgende coldspot</translation>
        </message>
        <message>
            <source>Consecutive hot spot</source>
            <translation>Opeenvolgende hotspot</translation>
        </message>
        <message>
            <source>Correct for multiple testing within each time step (false discovery rate, Benjamini-Hochberg)</source>
            <translation>Corrigeer voor meervoudig toetsen binnen elke tijdstap (false discovery rate, Benjamini-Hochberg)</translation>
        </message>
        <message>
            <source>Counts below this number are published as '&lt;n' (empty: the setting)</source>
            <translation>Aantallen onder dit getal worden getoond als '&lt;n' (leeg: de instelling)</translation>
        </message>
        <message>
            <source>Dashboard (one HTML file, works offline)</source>
            <translation>Dashboard (één html-bestand, werkt offline)</translation>
        </message>
        <message>
            <source>Dashboard written: {path}</source>
            <translation>Dashboard geschreven: {path}</translation>
        </message>
        <message>
            <source>Diminishing cold spot</source>
            <translation>Afnemende coldspot</translation>
        </message>
        <message>
            <source>Diminishing hot spot</source>
            <translation>Afnemende hotspot</translation>
        </message>
        <message>
            <source>Distance band in metres (empty: 1.5 cells, the 8 cells around a cell)</source>
            <translation>Afstandsband in meters (leeg: 1,5 cel, de 8 cellen rond een cel)</translation>
        </message>
        <message>
            <source>Emerging hot spots</source>
            <translation>Opkomende hotspots</translation>
        </message>
        <message>
            <source>Emerging hot spots (Opkomende hotspots)</source>
            <translation>Opkomende hotspots</translation>
        </message>
        <message>
            <source>Emerging hot spots…</source>
            <translation>Opkomende hotspots…</translation>
        </message>
        <message>
            <source>FDR-adjusted p-value</source>
            <translation>FDR-gecorrigeerde p-waarde</translation>
        </message>
        <message>
            <source>Filter on the incidents (e.g. category = '1.1.1'; empty: all incidents)</source>
            <translation>Filter op de incidenten (bijv. category = '1.1.1'; leeg: alle incidenten)</translation>
        </message>
        <message>
            <source>First year (empty: the first year of the incidents)</source>
            <translation>Eerste jaar (leeg: het eerste jaar van de incidenten)</translation>
        </message>
        <message>
            <source>Fits none of the patterns below.</source>
            <translation>Past in geen van de patronen hieronder.</translation>
        </message>
        <message>
            <source>Flagged: significantly above the municipality (95% interval above 1) on at least {k} safety fields in {year}, or a significantly rising trend (Mann-Kendall, p &lt; 0.05) on at least {k} safety fields; counts below {threshold} do not count.</source>
            <translation>Gemarkeerd: significant hoger dan de gemeente (95%-interval boven 1) op minstens {k} veiligheidsvelden in {year}, of een significant stijgende trend (Mann-Kendall, p &lt; 0,05) op minstens {k} veiligheidsvelden; aantallen onder {threshold} tellen niet mee.</translation>
        </message>
        <message>
            <source>Historical cold spot</source>
            <translation>Historische coldspot</translation>
        </message>
        <message>
            <source>Historical hot spot</source>
            <translation>Historische hotspot</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation>HTML-bestanden (*.html)</translation>
        </message>
        <message>
            <source>Incidents counted</source>
            <translation>Getelde incidenten</translation>
        </message>
        <message>
            <source>Intensifying cold spot</source>
            <translation>Intensiverende coldspot</translation>
        </message>
        <message>
            <source>Intensifying hot spot</source>
            <translation>Intensiverende hotspot</translation>
        </message>
        <message>
            <source>Last year (empty: the last year of the incidents)</source>
            <translation>Laatste jaar (leeg: het laatste jaar van de incidenten)</translation>
        </message>
        <message>
            <source>New cold spot</source>
            <translation>Nieuwe coldspot</translation>
        </message>
        <message>
            <source>New hot spot</source>
            <translation>Nieuwe hotspot</translation>
        </message>
        <message>
            <source>No pattern</source>
            <translation>Geen patroon</translation>
        </message>
        <message>
            <source>None of the incidents has a date.</source>
            <translation>Geen van de incidenten heeft een datum.</translation>
        </message>
        <message>
            <source>Not a cold spot in the last period, but in at least 90% of the periods.</source>
            <translation>Geen coldspot in de laatste periode, maar wel in minstens 90% van de perioden.</translation>
        </message>
        <message>
            <source>Not a hot spot in the last period, but in at least 90% of the periods.</source>
            <translation>Geen hotspot in de laatste periode, maar wel in minstens 90% van de perioden.</translation>
        </message>
        <message>
            <source>Number of permutations (0: normal distribution of z)</source>
            <translation>Aantal permutaties (0: normale verdeling van z)</translation>
        </message>
        <message>
            <source>Only {n} time steps: ArcGIS advises at least 10 for the trends. Choose a shorter time step if the data allow.</source>
            <translation>Slechts {n} tijdstappen: ArcGIS raadt er minstens 10 aan voor de trends. Kies een kortere tijdstap als de gegevens dat toelaten.</translation>
        </message>
        <message>
            <source>Oscillating cold spot</source>
            <translation>Wisselende coldspot</translation>
        </message>
        <message>
            <source>Oscillating hot spot</source>
            <translation>Wisselende hotspot</translation>
        </message>
        <message>
            <source>p-value</source>
            <translation>p-waarde</translation>
        </message>
        <message>
            <source>Persistent cold spot</source>
            <translation>Aanhoudende coldspot</translation>
        </message>
        <message>
            <source>Persistent hot spot</source>
            <translation>Aanhoudende hotspot</translation>
        </message>
        <message>
            <source>Previous time steps that count as neighbours</source>
            <translation>Voorgaande tijdstappen die als buur tellen</translation>
        </message>
        <message>
            <source>Random seed: {seed}. Give SEED = {seed} to repeat this run exactly.</source>
            <translation>Startwaarde toeval: {seed}. Geef SEED = {seed} om deze run precies te herhalen.</translation>
        </message>
        <message>
            <source>Significance level of a hot or cold spot</source>
            <translation>Significantieniveau van een hot- of coldspot</translation>
        </message>
        <message>
            <source>Sporadic cold spot</source>
            <translation>Sporadische coldspot</translation>
        </message>
        <message>
            <source>Sporadic hot spot</source>
            <translation>Sporadische hotspot</translation>
        </message>
        <message>
            <source>The analysis runs in {crs}.</source>
            <translation>De analyse loopt in {crs}.</translation>
        </message>
        <message>
            <source>The area layer needs a field 'code'. Its fields are: {fields}.</source>
            <translation>De gebiedenlaag heeft een veld 'code' nodig. De velden zijn: {fields}.</translation>
        </message>
        <message>
            <source>The filter {filter} cannot be used on the incidents: {error}. Write it as a layer filter, for example category = '1.1.1' or safety_field = 'jeugd'.</source>
            <translation>Het filter {filter} werkt niet op de incidenten: {error}. Schrijf het als een laagfilter, bijvoorbeeld category = '1.1.1' of safety_field = 'jeugd'.</translation>
        </message>
        <message>
            <source>The first year ({start}) lies after the last year ({end}).</source>
            <translation>Het eerste jaar ({start}) ligt na het laatste jaar ({end}).</translation>
        </message>
        <message>
            <source>The GeoPackage has no areas. Import the buurten first, or choose an area layer.</source>
            <translation>De GeoPackage heeft geen gebieden. Importeer eerst de buurten, of kies een gebiedenlaag.</translation>
        </message>
        <message>
            <source>The GeoPackage has no incidents.</source>
            <translation>De GeoPackage heeft geen incidenten.</translation>
        </message>
        <message>
            <source>The incidents span {n} time steps of {months} months; at least 3 are needed for a trend. Choose a shorter time step or more data.</source>
            <translation>De incidenten beslaan {n} tijdstappen van {months} maanden; voor een trend zijn er minstens 3 nodig. Kies een kortere tijdstap of meer gegevens.</translation>
        </message>
        <message>
            <source>The number of time neighbours cannot be negative ({k}).</source>
            <translation>Het aantal tijdburen kan niet negatief zijn ({k}).</translation>
        </message>
        <message>
            <source>The significance level must lie between 0 and 1, not {alpha}.</source>
            <translation>Het significantieniveau moet tussen 0 en 1 liggen, niet {alpha}.</translation>
        </message>
        <message>
            <source>The time step must be at least 1 month, not {months}.</source>
            <translation>De tijdstap moet minstens 1 maand zijn, niet {months}.</translation>
        </message>
        <message>
            <source>There are no incidents with both a location and a date.</source>
            <translation>Er zijn geen incidenten met zowel een locatie als een datum.</translation>
        </message>
        <message>
            <source>Time step in months</source>
            <translation>Tijdstap in maanden</translation>
        </message>
        <message>
            <source>Time steps</source>
            <translation>Tijdstappen</translation>
        </message>
        <message>
            <source>With {n} years a trend cannot be significant (the Mann-Kendall test needs at least 5 years for p &lt; 0.05).</source>
            <translation>Met {n} jaren kan een trend niet significant zijn (de Mann-Kendall-toets heeft minstens 5 jaren nodig voor p &lt; 0,05).</translation>
        </message>
        <message>
            <source>{n} areas, {years} years ({start}-{end}), {k} incidents.</source>
            <translation>{n} gebieden, {years} jaren ({start}-{end}), {k} incidenten.</translation>
        </message>
        <message>
            <source>{n} incidents in {steps} time steps from {first}; {cells} cells with incidents, {bins} bins; at most {w} neighbours per bin.</source>
            <translation>{n} incidenten in {steps} tijdstappen vanaf {first}; {cells} cellen met incidenten, {bins} bins; hoogstens {w} buren per bin.</translation>
        </message>
        <message>
            <source>{n} incidents without a date or a location are left out.</source>
            <translation>{n} incidenten zonder datum of locatie zijn weggelaten.</translation>
        </message>
        <message>
            <source>{n} of {total} areas are flagged; {k} areas are measured per km2 (fewer than {m} inhabitants).</source>
            <translation>{n} van de {total} gebieden zijn gemarkeerd; {k} gebieden worden per km2 gemeten (minder dan {m} inwoners).</translation>
        </message>
    </context>
</TS>
