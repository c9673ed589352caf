<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>'{part}' in the category map has no label=code.</source>
            <translation>'{part}' in de categorie-koppeling heeft geen label=code.</translation>
        </message>
        <message>
            <source>(reject these rows)</source>
            <translation>(deze rijen afwijzen)</translation>
        </message>
        <message>
            <source>An interrupted import left {path} half written (the file {journal} holds what must be undone). Make the file and its folder writable so that it can be undone, then try again.</source>
            <translation>Een onderbroken import heeft {path} half geschreven achtergelaten (het bestand {journal} bevat wat ongedaan moet worden). Maak het bestand en de map beschrijfbaar zodat dat kan, en probeer het opnieuw.</translation>
        </message>
        <message>
            <source>An interrupted write to {path} was undone: the GeoPackage is as it was before it.</source>
            <translation>Een onderbroken schrijfactie in {path} is ongedaan gemaakt: de GeoPackage is zoals hij daarvoor was.</translation>
        </message>
        <message>
            <source>category</source>
            <translation>categorie</translation>
        </message>
        <message>
            <source>Category (police code or label)</source>
            <translation>Categorie (politiecode of label)</translation>
        </message>
        <message>
            <source>Category aliases</source>
            <translation>Categorie-aliassen</translation>
        </message>
        <message>
            <source>Category labels the GeoPackage does not know (rows): choose a category to map them, or leave them to be rejected</source>
            <translation>Categorielabels die de GeoPackage niet kent (rijen): kies een categorie om ze te koppelen, of laat ze afwijzen</translation>
        </message>
        <message>
            <source>Category labels the GeoPackage does not know: {n} labels, {rows} rows</source>
            <translation>Categorielabels die de GeoPackage niet kent: {n} labels, {rows} rijen</translation>
        </message>
        <message>
            <source>Category labels without a category: {labels}. Map them (Import incidents dialog, the category_aliases table, or CATEGORY_MAP such as {example}=M.4) and import the file again: the rows already imported are recognised.</source>
            <translation>Categorielabels zonder categorie: {labels}. Koppel ze (venster Incidenten importeren, de tabel category_aliases, of CATEGORY_MAP zoals {example}=M.4) en importeer het bestand opnieuw: de al geïmporteerde rijen worden herkend.</translation>
        </message>
        <message>
            <source>Choose the incidents file and the safety GeoPackage.</source>
            <translation>Kies het incidentenbestand en de veiligheids-GeoPackage.</translation>
        </message>
        <message>
            <source>Choose the safety GeoPackage.</source>
            <translation>Kies de veiligheids-GeoPackage.</translation>
        </message>
        <message>
            <source>Choose the {role} column: none of the columns ({columns}) looks like a {role} column.</source>
            <translation>Kies de kolom voor {role}: geen van de kolommen ({columns}) lijkt een kolom voor {role}.</translation>
        </message>
        <message>
            <source>Columns (guessed from their names: change where needed)</source>
            <translation>Kolommen (geraden uit hun namen: pas aan waar nodig)</translation>
        </message>
        <message>
            <source>CRS of the x/y columns (empty: guessed)</source>
            <translation>CRS van de x/y-kolommen (leeg: geraden)</translation>
        </message>
        <message>
            <source>CRS of the x/y columns, or of a layer without one such as a shapefile without .prj (empty: RD New, or WGS 84 for lon/lat columns)</source>
            <translation>CRS van de x/y-kolommen, of van een laag zonder CRS zoals een shapefile zonder .prj (leeg: RD New, of WGS 84 voor lon/lat-kolommen)</translation>
        </message>
        <message>
            <source>date</source>
            <translation>datum</translation>
        </message>
        <message>
            <source>Date '{value}' does not exist (no such day or time)</source>
            <translation>Datum '{value}' bestaat niet (zo'n dag of tijd is er niet)</translation>
        </message>
        <message>
            <source>Date (begin of the crime window)</source>
            <translation>Datum (begin van de pleegperiode)</translation>
        </message>
        <message>
            <source>Date (or date and time) column: the begin of the crime window [guessed when empty]</source>
            <translation>Kolom met datum (of datum en tijd): het begin van de pleegperiode [geraden als leeg]</translation>
        </message>
        <message>
            <source>Description column [guessed when empty]</source>
            <translation>Kolom met omschrijving [geraden als leeg]</translation>
        </message>
        <message>
            <source>Encoding (CSV)</source>
            <translation>Codering (CSV)</translation>
        </message>
        <message>
            <source>Encoding of a CSV file ({choices})</source>
            <translation>Codering van een CSV-bestand ({choices})</translation>
        </message>
        <message>
            <source>Encoding the CSV file was read with</source>
            <translation>Codering waarmee het CSV-bestand is gelezen</translation>
        </message>
        <message>
            <source>End date column of the crime window [guessed when empty]</source>
            <translation>Kolom met einddatum van de pleegperiode [geraden als leeg]</translation>
        </message>
        <message>
            <source>End date of the crime window</source>
            <translation>Einddatum van de pleegperiode</translation>
        </message>
        <message>
            <source>End time</source>
            <translation>Eindtijd</translation>
        </message>
        <message>
            <source>End time column [guessed when empty]</source>
            <translation>Kolom met eindtijd [geraden als leeg]</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <source>House number</source>
            <translation>Huisnummer</translation>
        </message>
        <message>
            <source>House number column [guessed when empty]</source>
            <translation>Kolom met huisnummer [geraden als leeg]</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importeren</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Bezig met importeren…</translation>
        </message>
        <message>
            <source>Incident files (*.csv *.txt *.tsv *.xlsx *.ods *.gpkg *.shp *.geojson);;All files (*)</source>
            <translation>Incidentenbestanden (*.csv *.txt *.tsv *.xlsx *.ods *.gpkg *.shp *.geojson);;Alle bestanden (*)</translation>
        </message>
        <message>
            <source>Incidents file</source>
            <translation>Incidentenbestand</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>Map category labels to codes first, such as Zwerfvuil=M.4; Graffiti=M.6 (kept in the GeoPackage's category aliases)</source>
            <translation>Koppel eerst categorielabels aan codes, zoals Zwerfvuil=M.4; Graffiti=M.6 (bewaard in de categorie-aliassen van de GeoPackage)</translation>
        </message>
        <message>
            <source>Postcode</source>
            <translation>Postcode</translation>
        </message>
        <message>
            <source>Postcode column [guessed when empty]</source>
            <translation>Kolom met postcode [geraden als leeg]</translation>
        </message>
        <message>
            <source>Row cannot be read as {encoding}: byte {byte} at position {position} is not a character in that encoding (choose the file's encoding)</source>
            <translation>Rij is niet te lezen als {encoding}: byte {byte} op positie {position} is geen teken in die codering (kies de codering van het bestand)</translation>
        </message>
        <message>
            <source>Row {row} (line {line}) of {path} cannot be read: {error}. A value this long is usually a quote that is not closed, which makes the rest of the file one value. Nothing was imported.</source>
            <translation>Rij {row} (regel {line}) van {path} is niet te lezen: {error}. Een waarde van deze lengte is meestal een aanhalingsteken dat niet gesloten wordt, waardoor de rest van het bestand één waarde wordt. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rijen</translation>
        </message>
        <message>
            <source>Rows imported without a time of day</source>
            <translation>Rijen geïmporteerd zonder tijdstip</translation>
        </message>
        <message>
            <source>Separate time column [guessed when empty]</source>
            <translation>Aparte kolom met tijd [geraden als leeg]</translation>
        </message>
        <message>
            <source>Source id (registration number)</source>
            <translation>Bron-id (registratienummer)</translation>
        </message>
        <message>
            <source>Source id column (registration number) [guessed when empty]</source>
            <translation>Kolom met bron-id (registratienummer) [geraden als leeg]</translation>
        </message>
        <message>
            <source>Street</source>
            <translation>Straat</translation>
        </message>
        <message>
            <source>Street column [guessed when empty]</source>
            <translation>Kolom met straat [geraden als leeg]</translation>
        </message>
        <message>
            <source>The CSV file was read as {encoding}.</source>
            <translation>Het CSV-bestand is gelezen als {encoding}.</translation>
        </message>
        <message>
            <source>The disk of {path} is full. Nothing was changed: make room on it (or move the GeoPackage) and try again.</source>
            <translation>De schijf van {path} is vol. Er is niets gewijzigd: maak ruimte vrij (of verplaats de GeoPackage) en probeer het opnieuw.</translation>
        </message>
        <message>
            <source>The end of the crime window ({end}) lies before its begin ({begin})</source>
            <translation>Het einde van de pleegperiode ({end}) ligt voor het begin ({begin})</translation>
        </message>
        <message>
            <source>The GeoPackage was brought up to date (added: {what}).</source>
            <translation>De GeoPackage is bijgewerkt (toegevoegd: {what}).</translation>
        </message>
        <message>
            <source>The import failed; see the Hotspot log.</source>
            <translation>De import is mislukt; zie het Hotspot-logboek.</translation>
        </message>
        <message>
            <source>The layer has no coordinate reference system (a shapefile without its .prj file?). Choose the CRS of its points as 'CRS of the x/y columns' (SOURCE_CRS).</source>
            <translation>De laag heeft geen coördinatenstelsel (een shapefile zonder zijn .prj-bestand?). Kies het CRS van de punten bij 'CRS van de x/y-kolommen' (SOURCE_CRS).</translation>
        </message>
        <message>
            <source>These category codes do not exist: {pairs}. Use a code of the categories table.</source>
            <translation>Deze categoriecodes bestaan niet: {pairs}. Gebruik een code uit de tabel met categorieën.</translation>
        </message>
        <message>
            <source>These columns are not in {path}: {missing}. Its columns are: {columns}.</source>
            <translation>Deze kolommen staan niet in {path}: {missing}. De kolommen zijn: {columns}.</translation>
        </message>
        <message>
            <source>Time (begin)</source>
            <translation>Tijd (begin)</translation>
        </message>
        <message>
            <source>Unknown category '{value}': map it to a category (category aliases) or add it to the categories table</source>
            <translation>Onbekende categorie '{value}': koppel die aan een categorie (categorie-aliassen) of voeg hem toe aan de tabel met categorieën</translation>
        </message>
        <message>
            <source>Unknown category labels with their number of rows</source>
            <translation>Onbekende categorielabels met hun aantal rijen</translation>
        </message>
        <message>
            <source>Unknown encoding '{encoding}'; choose one of {choices}.</source>
            <translation>Onbekende codering '{encoding}'; kies een van {choices}.</translation>
        </message>
        <message>
            <source>Unreadable end date '{value}'</source>
            <translation>Onleesbare einddatum '{value}'</translation>
        </message>
        <message>
            <source>Unreadable time '{value}': use hh:mm, hh.mm or hhmm</source>
            <translation>Onleesbare tijd '{value}': gebruik uu:mm, uu.mm of uumm</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Gewicht</translation>
        </message>
        <message>
            <source>X / longitude</source>
            <translation>X / lengtegraad</translation>
        </message>
        <message>
            <source>X / longitude column (empty: guessed, else the layer's geometry)</source>
            <translation>Kolom met X / lengtegraad (leeg: geraden, anders de geometrie van de laag)</translation>
        </message>
        <message>
            <source>Y / latitude</source>
            <translation>Y / breedtegraad</translation>
        </message>
        <message>
            <source>Y / latitude column (empty: guessed, else the layer's geometry)</source>
            <translation>Kolom met Y / breedtegraad (leeg: geraden, anders de geometrie van de laag)</translation>
        </message>
        <message>
            <source>{imported} incidents imported, {dup} imported before, {rejected} rejected.</source>
            <translation>{imported} incidenten geïmporteerd, {dup} al eerder geïmporteerd, {rejected} afgewezen.</translation>
        </message>
        <message>
            <source>{n} columns read; {g} of them guessed.</source>
            <translation>{n} kolommen gelezen; {g} daarvan geraden.</translation>
        </message>
        <message>
            <source>{n} incidents of the period in the area have a date but no time of day: the weekday x hour table and the day parts leave them out.</source>
            <translation>{n} incidenten van de periode in het gebied hebben een datum maar geen tijdstip: de tabel weekdag x uur en de dagdelen laten ze weg.</translation>
        </message>
        <message>
            <source>{n} of the imported incidents have a date but no time of day: they are stored without a time, and analyses by time of day leave them out.</source>
            <translation>{n} van de geïmporteerde incidenten hebben een datum maar geen tijdstip: ze zijn zonder tijd opgeslagen, en analyses naar tijdstip laten ze weg.</translation>
        </message>
        <message>
            <source>{path} cannot be read as {encoding}. Choose the file's encoding.</source>
            <translation>{path} is niet te lezen als {encoding}. Kies de codering van het bestand.</translation>
        </message>
    </context>
</TS>
