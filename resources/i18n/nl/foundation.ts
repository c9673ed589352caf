<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>A safety GeoPackage needs a projected CRS in metres (such as RD New, EPSG:28992, or Belgian Lambert 2008, EPSG:3812); EPSG:{epsg} is geographic.</source>
            <translation>Een veiligheids-GeoPackage heeft een geprojecteerd CRS in meters nodig (zoals RD New, EPSG:28992, of Belgian Lambert 2008, EPSG:3812); EPSG:{epsg} is geografisch.</translation>
        </message>
        <message>
            <source>Add safety layers</source>
            <translation>Veiligheidslagen toevoegen</translation>
        </message>
        <message>
            <source>Add the layers to the project</source>
            <translation>Lagen aan het project toevoegen</translation>
        </message>
        <message>
            <source>Added {n} layers from {path}.</source>
            <translation>{n} lagen uit {path} toegevoegd.</translation>
        </message>
        <message>
            <source>Addresses (fictional BAG)</source>
            <translation>Adressen (fictieve BAG)</translation>
        </message>
        <message>
            <source>All rows had been imported before: nothing was added.</source>
            <translation>Alle rijen waren al eerder geïmporteerd: er is niets toegevoegd.</translation>
        </message>
        <message>
            <source>Already imported before (import {batch})</source>
            <translation>Al eerder geïmporteerd (import {batch})</translation>
        </message>
        <message>
            <source>Areas (neighbourhoods and districts)</source>
            <translation>Gebieden (buurten en wijken)</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Auteur</translation>
        </message>
        <message>
            <source>Bar or restaurant (horeca)</source>
            <translation>Horeca</translation>
        </message>
        <message>
            <source>Business and safety</source>
            <translation>Bedrijvigheid en veiligheid</translation>
        </message>
        <message>
            <source>Buurtschouw</source>
            <translation>Buurtschouw</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Cancelled by the user. Nothing was changed.</source>
            <translation>Afgebroken door de gebruiker. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>Cancelled: nothing was changed.</source>
            <translation>Afgebroken: er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>Cash machine</source>
            <translation>Pinautomaat</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Categorieën</translation>
        </message>
        <message>
            <source>Category column (police code or label) [guessed when empty]</source>
            <translation>Kolom met categorie (politiecode of omschrijving) [geraden als leeg]</translation>
        </message>
        <message>
            <source>Choose a CRS with an EPSG code (such as EPSG:28992 RD New); {crs} has none.</source>
            <translation>Kies een CRS met een EPSG-code (zoals EPSG:28992 RD New); {crs} heeft er geen.</translation>
        </message>
        <message>
            <source>Choose a safety GeoPackage</source>
            <translation>Kies een veiligheids-GeoPackage</translation>
        </message>
        <message>
            <source>Choose a valid coordinate reference system.</source>
            <translation>Kies een geldig coördinatenreferentiesysteem.</translation>
        </message>
        <message>
            <source>Choose both an x and a y column, or neither (then the layer's geometry is used).</source>
            <translation>Kies zowel een x- als een y-kolom, of geen van beide (dan wordt de geometrie van de laag gebruikt).</translation>
        </message>
        <message>
            <source>Choose the category column: none of the columns ({columns}) looks like a category column.</source>
            <translation>Kies de kolom met de categorie: geen van de kolommen ({columns}) lijkt een categoriekolom.</translation>
        </message>
        <message>
            <source>Choose the date column: none of the columns ({columns}) looks like a date column.</source>
            <translation>Kies de kolom met de datum: geen van de kolommen ({columns}) lijkt een datumkolom.</translation>
        </message>
        <message>
            <source>Coffeeshop</source>
            <translation>Coffeeshop</translation>
        </message>
        <message>
            <source>Column '{column}' is used as {role}.</source>
            <translation>Kolom '{column}' wordt gebruikt als {role}.</translation>
        </message>
        <message>
            <source>Columns '{x}' and '{y}' are used as coordinates.</source>
            <translation>Kolommen '{x}' en '{y}' worden gebruikt als coördinaten.</translation>
        </message>
        <message>
            <source>Coordinate reference system (projected, metres)</source>
            <translation>Coördinatenreferentiesysteem (geprojecteerd, meters)</translation>
        </message>
        <message>
            <source>Coordinates are read as {crs}.</source>
            <translation>Coördinaten worden gelezen als {crs}.</translation>
        </message>
        <message>
            <source>Coordinates lie outside the Netherlands and Belgium (x={x}, y={y}): check their CRS</source>
            <translation>Coördinaten liggen buiten Nederland en België (x={x}, y={y}): controleer het CRS</translation>
        </message>
        <message>
            <source>Coordinates look like degrees (x={x}, y={y}): choose WGS 84 (EPSG:4326) as their CRS</source>
            <translation>Coördinaten lijken graden (x={x}, y={y}): kies WGS 84 (EPSG:4326) als CRS</translation>
        </message>
        <message>
            <source>Coordinates look like metres (x={x}, y={y}): choose RD New (EPSG:28992) as their CRS</source>
            <translation>Coördinaten lijken meters (x={x}, y={y}): kies RD New (EPSG:28992) als CRS</translation>
        </message>
        <message>
            <source>Counts below this number are shown as '&lt;n' in published reports.</source>
            <translation>Aantallen onder dit getal worden in gepubliceerde rapporten getoond als '&lt;n'.</translation>
        </message>
        <message>
            <source>Create safety GeoPackage</source>
            <translation>Veiligheids-GeoPackage maken</translation>
        </message>
        <message>
            <source>Create safety GeoPackage…</source>
            <translation>Veiligheids-GeoPackage maken…</translation>
        </message>
        <message>
            <source>Created safety GeoPackage {path} with {n} layers.</source>
            <translation>Veiligheids-GeoPackage {path} gemaakt met {n} lagen.</translation>
        </message>
        <message>
            <source>CRS of the x/y columns (empty: RD New, or WGS 84 for lon/lat columns)</source>
            <translation>CRS van de x/y-kolommen (leeg: RD New, of WGS 84 bij lon/lat-kolommen)</translation>
        </message>
        <message>
            <source>Date (or date and time) column [guessed when empty]</source>
            <translation>Kolom met datum (of datum en tijd) [geraden als leeg]</translation>
        </message>
        <message>
            <source>Date {value} lies before 1900</source>
            <translation>Datum {value} ligt vóór 1900</translation>
        </message>
        <message>
            <source>Date {value} lies in the future</source>
            <translation>Datum {value} ligt in de toekomst</translation>
        </message>
        <message>
            <source>Density and hotspots</source>
            <translation>Dichtheid en hotspots</translation>
        </message>
        <message>
            <source>Density heatmap…</source>
            <translation>Dichtheidskaart (heatmap)…</translation>
        </message>
        <message>
            <source>Description column</source>
            <translation>Kolom met omschrijving</translation>
        </message>
        <message>
            <source>District (wijk)</source>
            <translation>Wijk</translation>
        </message>
        <message>
            <source>e.g. Gemeente Zuiderwaarde</source>
            <translation>bijv. Gemeente Zuiderwaarde</translation>
        </message>
        <message>
            <source>Empty geometry</source>
            <translation>Lege geometrie</translation>
        </message>
        <message>
            <source>Environment scan</source>
            <translation>Omgevingsscan</translation>
        </message>
        <message>
            <source>Environment scan (omgevingsscan)…</source>
            <translation>Omgevingsscan…</translation>
        </message>
        <message>
            <source>Environment scans</source>
            <translation>Omgevingsscans</translation>
        </message>
        <message>
            <source>EPSG:{epsg} is not a known coordinate reference system.</source>
            <translation>EPSG:{epsg} is geen bekend coördinatenreferentiesysteem.</translation>
        </message>
        <message>
            <source>Geometry is not a point (it is a {kind})</source>
            <translation>Geometrie is geen punt (maar een {kind})</translation>
        </message>
        <message>
            <source>GeoPackage</source>
            <translation>GeoPackage</translation>
        </message>
        <message>
            <source>green</source>
            <translation>groen</translation>
        </message>
        <message>
            <source>Hang-out spot (hangplek)</source>
            <translation>Hangplek</translation>
        </message>
        <message>
            <source>Hot spots (Gi*)…</source>
            <translation>Hotspots (Gi*)…</translation>
        </message>
        <message>
            <source>Hotspot</source>
            <translation>Hotspot</translation>
        </message>
        <message>
            <source>Hotspot (safety)</source>
            <translation>Hotspot (veiligheid)</translation>
        </message>
        <message>
            <source>Hotspot plugin loaded.</source>
            <translation>Hotspot-plugin geladen.</translation>
        </message>
        <message>
            <source>Hotspot safety analysis</source>
            <translation>Hotspot veiligheidsanalyse</translation>
        </message>
        <message>
            <source>Hotspot settings</source>
            <translation>Hotspot-instellingen</translation>
        </message>
        <message>
            <source>Hotspot zones…</source>
            <translation>Hotspotzones…</translation>
        </message>
        <message>
            <source>House colour</source>
            <translation>Huisstijlkleur</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Afbeeldingen</translation>
        </message>
        <message>
            <source>Import batch id</source>
            <translation>Id van de import</translation>
        </message>
        <message>
            <source>Import buurtschouw findings…</source>
            <translation>Schouwbevindingen importeren…</translation>
        </message>
        <message>
            <source>Import incidents</source>
            <translation>Incidenten importeren</translation>
        </message>
        <message>
            <source>Import incidents…</source>
            <translation>Incidenten importeren…</translation>
        </message>
        <message>
            <source>Import log</source>
            <translation>Importlog</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Incidenten</translation>
        </message>
        <message>
            <source>Incidents (table or point layer: CSV, XLSX, GeoPackage, shapefile…)</source>
            <translation>Incidenten (tabel of puntlaag: CSV, XLSX, GeoPackage, shapefile…)</translation>
        </message>
        <message>
            <source>Inspection findings</source>
            <translation>Schouwbevindingen</translation>
        </message>
        <message>
            <source>Inspection points</source>
            <translation>Schouwpunten</translation>
        </message>
        <message>
            <source>Integrity and safety</source>
            <translation>Integriteit en veiligheid</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Municipality</source>
            <translation>Gemeente</translation>
        </message>
        <message>
            <source>Municipality (name or CBS code)</source>
            <translation>Gemeente (naam of CBS-code)</translation>
        </message>
        <message>
            <source>Near-repeat</source>
            <translation>Near-repeat</translation>
        </message>
        <message>
            <source>Near-repeat analysis…</source>
            <translation>Near-repeatanalyse…</translation>
        </message>
        <message>
            <source>Neighbourhood (buurt)</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>No category</source>
            <translation>Geen categorie</translation>
        </message>
        <message>
            <source>No coordinates</source>
            <translation>Geen coördinaten</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>Geen datum</translation>
        </message>
        <message>
            <source>No layer of {path} could be opened.</source>
            <translation>Geen enkele laag van {path} kon worden geopend.</translation>
        </message>
        <message>
            <source>None of the {n} rows could be imported, so nothing was changed. Reasons: {summary}. First rejected rows: {rows}.</source>
            <translation>Geen van de {n} rijen kon worden geïmporteerd; er is niets gewijzigd. Redenen: {summary}. Eerste afgewezen rijen: {rows}.</translation>
        </message>
        <message>
            <source>orange</source>
            <translation>oranje</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisatie</translation>
        </message>
        <message>
            <source>Overwrite an existing file</source>
            <translation>Bestaand bestand overschrijven</translation>
        </message>
        <message>
            <source>Physical safety</source>
            <translation>Fysieke veiligheid</translation>
        </message>
        <message>
            <source>Playground</source>
            <translation>Speelplaats</translation>
        </message>
        <message>
            <source>Prepare buurtschouw…</source>
            <translation>Buurtschouw voorbereiden…</translation>
        </message>
        <message>
            <source>Public transport stop</source>
            <translation>OV-halte</translation>
        </message>
        <message>
            <source>Railway station</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>Read {read} rows: {imported} imported, {dup} imported before, {rejected} rejected.</source>
            <translation>{read} rijen gelezen: {imported} geïmporteerd, {dup} al eerder geïmporteerd, {rejected} afgewezen.</translation>
        </message>
        <message>
            <source>red</source>
            <translation>rood</translation>
        </message>
        <message>
            <source>Rejected rows</source>
            <translation>Afgewezen rijen</translation>
        </message>
        <message>
            <source>Risk objects</source>
            <translation>Risico-objecten</translation>
        </message>
        <message>
            <source>Rows imported</source>
            <translation>Geïmporteerde rijen</translation>
        </message>
        <message>
            <source>Rows imported before</source>
            <translation>Al eerder geïmporteerde rijen</translation>
        </message>
        <message>
            <source>Rows rejected</source>
            <translation>Afgewezen rijen (aantal)</translation>
        </message>
        <message>
            <source>Safe living environment</source>
            <translation>Veilige woon- en leefomgeving</translation>
        </message>
        <message>
            <source>Safety data</source>
            <translation>Veiligheidsgegevens</translation>
        </message>
        <message>
            <source>Safety GeoPackage</source>
            <translation>Veiligheids-GeoPackage</translation>
        </message>
        <message>
            <source>Same incident as row {row} of this file</source>
            <translation>Zelfde incident als rij {row} van dit bestand</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Separate time column</source>
            <translation>Aparte kolom met tijd</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Instellingen…</translation>
        </message>
        <message>
            <source>Source id column (registration number)</source>
            <translation>Kolom met bron-id (registratienummer)</translation>
        </message>
        <message>
            <source>Source name (empty: the input's name)</source>
            <translation>Naam van de bron (leeg: naam van de invoer)</translation>
        </message>
        <message>
            <source>Street light</source>
            <translation>Lantaarnpaal</translation>
        </message>
        <message>
            <source>Streets</source>
            <translation>Straten</translation>
        </message>
        <message>
            <source>Supermarket</source>
            <translation>Supermarkt</translation>
        </message>
        <message>
            <source>Suppress counts below</source>
            <translation>Aantallen verbergen onder</translation>
        </message>
        <message>
            <source>The demo import table needs at least {minimum} rows, not {n}.</source>
            <translation>De demo-importtabel heeft minstens {minimum} rijen nodig, niet {n}.</translation>
        </message>
        <message>
            <source>The demo seed must be a whole number of 0 or more, not {seed}.</source>
            <translation>De demo-seed moet een geheel getal van 0 of meer zijn, niet {seed}.</translation>
        </message>
        <message>
            <source>The file name must end in .gpkg: {path}</source>
            <translation>De bestandsnaam moet eindigen op .gpkg: {path}</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>De map {folder} bestaat niet.</translation>
        </message>
        <message>
            <source>The folder {folder} is not writable.</source>
            <translation>In de map {folder} kan niet worden geschreven.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} could not be written: {error}. Nothing was changed.</source>
            <translation>De GeoPackage {path} kon niet worden beschreven: {error}. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} is locked by another program or by a layer being edited in QGIS. Save or stop editing, close the other program, and try again. Nothing was changed.</source>
            <translation>De GeoPackage {path} is vergrendeld door een ander programma of door een laag die in QGIS wordt bewerkt. Sla op of stop met bewerken, sluit het andere programma en probeer het opnieuw. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} is read-only. Make it writable or copy it.</source>
            <translation>De GeoPackage {path} is alleen-lezen. Maak hem schrijfbaar of maak een kopie.</translation>
        </message>
        <message>
            <source>The input has no point geometry: choose its x and y columns.</source>
            <translation>De invoer heeft geen puntgeometrie: kies de x- en y-kolommen.</translation>
        </message>
        <message>
            <source>The input has no rows: there is nothing to import.</source>
            <translation>De invoer heeft geen rijen: er is niets te importeren.</translation>
        </message>
        <message>
            <source>The layer {layer} is missing from the GeoPackage.</source>
            <translation>De laag {layer} ontbreekt in de GeoPackage.</translation>
        </message>
        <message>
            <source>The safety GeoPackage {path} does not exist. Create it first with 'Create safety GeoPackage'.</source>
            <translation>De veiligheids-GeoPackage {path} bestaat niet. Maak hem eerst met 'Veiligheids-GeoPackage maken'.</translation>
        </message>
        <message>
            <source>The scan area is empty or invalid; draw or choose it again.</source>
            <translation>Het scangebied is leeg of ongeldig; teken of kies het opnieuw.</translation>
        </message>
        <message>
            <source>The scan area must be a polygon, not a {kind}.</source>
            <translation>Het scangebied moet een vlak zijn, geen {kind}.</translation>
        </message>
        <message>
            <source>There is no scan '{key}' in {path}.</source>
            <translation>Er is geen scan '{key}' in {path}.</translation>
        </message>
        <message>
            <source>These columns are not in the input: {missing}. Available columns: {available}</source>
            <translation>Deze kolommen staan niet in de invoer: {missing}. Beschikbare kolommen: {available}</translation>
        </message>
        <message>
            <source>This file was imported before: nothing was added.</source>
            <translation>Dit bestand is al eerder geïmporteerd: er is niets toegevoegd.</translation>
        </message>
        <message>
            <source>Unknown category '{value}': correct it or add it to the categories table</source>
            <translation>Onbekende categorie '{value}': verbeter hem of voeg hem toe aan de tabel categorieën</translation>
        </message>
        <message>
            <source>Unreadable coordinates x='{x}', y='{y}'</source>
            <translation>Onleesbare coördinaten x='{x}', y='{y}'</translation>
        </message>
        <message>
            <source>Unreadable date '{value}': use dd-mm-jjjj, dd-mm-jjjj hh:mm or jjjj-mm-dd</source>
            <translation>Onleesbare datum '{value}': gebruik dd-mm-jjjj, dd-mm-jjjj uu:mm of jjjj-mm-dd</translation>
        </message>
        <message>
            <source>Warning letters sent</source>
            <translation>Verstuurde waarschuwingsbrieven</translation>
        </message>
        <message>
            <source>Warning letters…</source>
            <translation>Waarschuwingsbrieven…</translation>
        </message>
        <message>
            <source>Weight '{value}' is not a number of 0 or more</source>
            <translation>Gewicht '{value}' is geen getal van 0 of meer</translation>
        </message>
        <message>
            <source>Weight column (empty: the category's harm weight)</source>
            <translation>Kolom met gewicht (leeg: het schadegewicht van de categorie)</translation>
        </message>
        <message>
            <source>Write debug messages to the Hotspot log</source>
            <translation>Debugberichten naar het Hotspot-logboek schrijven</translation>
        </message>
        <message>
            <source>X / longitude column (empty: use the layer's geometry)</source>
            <translation>Kolom met X / lengtegraad (leeg: geometrie van de laag)</translation>
        </message>
        <message>
            <source>x and y seem swapped (x={x}, y={y})</source>
            <translation>x en y lijken verwisseld (x={x}, y={y})</translation>
        </message>
        <message>
            <source>Y / latitude column (empty: use the layer's geometry)</source>
            <translation>Kolom met Y / breedtegraad (leeg: geometrie van de laag)</translation>
        </message>
        <message>
            <source>Youth and safety</source>
            <translation>Jeugd en veiligheid</translation>
        </message>
        <message>
            <source>Youth centre</source>
            <translation>Jongerencentrum</translation>
        </message>
        <message>
            <source>{n} x, for example: {reason}</source>
            <translation>{n} x, bijvoorbeeld: {reason}</translation>
        </message>
        <message>
            <source>{path} already exists. Choose another file name or allow overwriting.</source>
            <translation>{path} bestaat al. Kies een andere bestandsnaam of sta overschrijven toe.</translation>
        </message>
        <message>
            <source>{path} is not a GeoPackage.</source>
            <translation>{path} is geen GeoPackage.</translation>
        </message>
        <message>
            <source>{path} is not a safety GeoPackage: it has no layer(s) {missing}. Create one with 'Create safety GeoPackage'.</source>
            <translation>{path} is geen veiligheids-GeoPackage: de laag of lagen {missing} ontbreken. Maak er een met 'Veiligheids-GeoPackage maken'.</translation>
        </message>
    </context>
</TS>
