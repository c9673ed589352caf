<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>(+{n} more)</source>
            <translation>(+{n} meer)</translation>
        </message>
        <message>
            <source>(no scan)</source>
            <translation>(geen scan)</translation>
        </message>
        <message>
            <source>a field holds binary data</source>
            <translation>een veld bevat binaire gegevens</translation>
        </message>
        <message>
            <source>Added by the organiser</source>
            <translation>Toegevoegd door de organisator</translation>
        </message>
        <message>
            <source>Added by the organiser: {name}</source>
            <translation>Toegevoegd door de organisator: {name}</translation>
        </message>
        <message>
            <source>All files</source>
            <translation>Alle bestanden</translation>
        </message>
        <message>
            <source>along the streets</source>
            <translation>langs de straten</translation>
        </message>
        <message>
            <source>Also make the printed field maps (PDF)</source>
            <translation>Ook de gedrukte veldkaarten maken (pdf)</translation>
        </message>
        <message>
            <source>Buurtschouw field maps</source>
            <translation>Veldkaarten buurtschouw</translation>
        </message>
        <message>
            <source>Buurtschouw {reference} {title}</source>
            <translation>Buurtschouw {reference} {title}</translation>
        </message>
        <message>
            <source>Buurtschouw {title}</source>
            <translation>Buurtschouw {title}</translation>
        </message>
        <message>
            <source>Buurtschouw: field package (QField / Mergin Maps) and field maps</source>
            <translation>Buurtschouw: veldpakket (QField / Mergin Maps) en veldkaarten</translation>
        </message>
        <message>
            <source>Buurtschouw: import findings from the field</source>
            <translation>Buurtschouw: bevindingen uit het veld importeren</translation>
        </message>
        <message>
            <source>Buurtschouw: points and walking route</source>
            <translation>Buurtschouw: schouwpunten en looproute</translation>
        </message>
        <message>
            <source>Cancelled. The points that were already saved stay in the GeoPackage; no package was made.</source>
            <translation>Afgebroken. De al opgeslagen schouwpunten blijven in de GeoPackage; er is geen veldpakket gemaakt.</translation>
        </message>
        <message>
            <source>changed in the office and in the field since the last import; the office version was kept</source>
            <translation>sinds de vorige import zowel op kantoor als in het veld gewijzigd; de kantoorversie is bewaard</translation>
        </message>
        <message>
            <source>Choose a scan: the buurtschouw is prepared for the area of a scan.</source>
            <translation>Kies een scan: de buurtschouw wordt voorbereid voor het gebied van een scan.</translation>
        </message>
        <message>
            <source>Choose the folder for the field package.</source>
            <translation>Kies de map voor het veldpakket.</translation>
        </message>
        <message>
            <source>Chooses the points to visit (hotspots, risk objects, open findings), orders them into a walking route and makes the folder for the field: a GeoPackage and project for QField or Mergin Maps and the printed field maps.</source>
            <translation>Kiest de plekken om te bezoeken (hotspots, risico-objecten, open bevindingen), zet ze in een looproute en maakt de map voor het veld: een GeoPackage en project voor QField of Mergin Maps en de gedrukte veldkaarten.</translation>
        </message>
        <message>
            <source>Choosing the points and the route…</source>
            <translation>Schouwpunten en route kiezen…</translation>
        </message>
        <message>
            <source>Conflict for finding {uuid} ({item}): {why}. Compare both versions and copy what is right by hand.</source>
            <translation>Conflict bij bevinding {uuid} ({item}): {why}. Vergelijk beide versies en neem met de hand over wat klopt.</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Conflicten</translation>
        </message>
        <message>
            <source>Conflicts (not imported)</source>
            <translation>Conflicten (niet geïmporteerd)</translation>
        </message>
        <message>
            <source>Copy the folder to QField, or upload it as a Mergin Maps project. Afterwards import the findings with 'Buurtschouw: import findings from the field'.</source>
            <translation>Kopieer de map naar QField, of upload hem als Mergin Maps-project. Importeer na afloop de bevindingen met 'Buurtschouw: bevindingen uit het veld importeren'.</translation>
        </message>
        <message>
            <source>day (07–19 h)</source>
            <translation>dag (07–19 uur)</translation>
        </message>
        <message>
            <source>deleted in the office, changed in the field; it was not imported again</source>
            <translation>op kantoor verwijderd, in het veld gewijzigd; niet opnieuw geïmporteerd</translation>
        </message>
        <message>
            <source>done</source>
            <translation>afgehandeld</translation>
        </message>
        <message>
            <source>Draw the route in straight lines</source>
            <translation>De route in rechte lijnen tekenen</translation>
        </message>
        <message>
            <source>Duration including stops (minutes)</source>
            <translation>Duur inclusief stops (minuten)</translation>
        </message>
        <message>
            <source>evening (19–23 h)</source>
            <translation>avond (19–23 uur)</translation>
        </message>
        <message>
            <source>Extra point {n}</source>
            <translation>Extra punt {n}</translation>
        </message>
        <message>
            <source>extra points layer</source>
            <translation>laag met extra punten</translation>
        </message>
        <message>
            <source>Extra points to visit (a field label or name is used as the label)</source>
            <translation>Extra punten om te bezoeken (een veld label of naam wordt de naam van het punt)</translation>
        </message>
        <message>
            <source>Field GeoPackage</source>
            <translation>Veld-GeoPackage</translation>
        </message>
        <message>
            <source>Field maps (PDF)</source>
            <translation>Veldkaarten (pdf)</translation>
        </message>
        <message>
            <source>Field maps: {path} ({pages} pages)</source>
            <translation>Veldkaarten: {path} ({pages} pagina's)</translation>
        </message>
        <message>
            <source>Field maps: {pdf}</source>
            <translation>Veldkaarten: {pdf}</translation>
        </message>
        <message>
            <source>Field package: {folder}</source>
            <translation>Veldpakket: {folder}</translation>
        </message>
        <message>
            <source>Field project written: {path}</source>
            <translation>Veldproject geschreven: {path}</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Bevinding</translation>
        </message>
        <message>
            <source>Finding {fid} in {path} cannot be read: {why}. The schouw package is damaged; nothing was imported.</source>
            <translation>Bevinding {fid} in {path} is niet leesbaar: {why}. Het schouwpakket is beschadigd; er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>Finding {fid} in {path} has an unreadable time '{value}' in {field}. The schouw package is damaged; nothing was imported.</source>
            <translation>Bevinding {fid} in {path} heeft een onleesbare tijd '{value}' in {field}. Het schouwpakket is beschadigd; er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>Finding {fid} in {path} has {field} '{value}'; expected one of {allowed}. The schouw package is damaged; nothing was imported.</source>
            <translation>Bevinding {fid} in {path} heeft {field} '{value}'; verwacht is een van {allowed}. Het schouwpakket is beschadigd; er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>Finding: {item}</source>
            <translation>Bevinding: {item}</translation>
        </message>
        <message>
            <source>Findings added</source>
            <translation>Bevindingen toegevoegd</translation>
        </message>
        <message>
            <source>Findings unchanged</source>
            <translation>Bevindingen ongewijzigd</translation>
        </message>
        <message>
            <source>Findings updated</source>
            <translation>Bevindingen bijgewerkt</translation>
        </message>
        <message>
            <source>Folder for the field package</source>
            <translation>Map voor het veldpakket</translation>
        </message>
        <message>
            <source>Give a scan (SCAN) or a schouw area (AREA).</source>
            <translation>Geef een scan (SCAN) of een schouwgebied (AREA).</translation>
        </message>
        <message>
            <source>green – in order</source>
            <translation>groen – in orde</translation>
        </message>
        <message>
            <source>Hotspot zone {rank} (highest density {peak})</source>
            <translation>Hotspotzone {rank} (hoogste dichtheid {peak})</translation>
        </message>
        <message>
            <source>Hotspot zones (polygons; default: the scan's zones)</source>
            <translation>Hotspotzones (vlakken; standaard: de zones van de scan)</translation>
        </message>
        <message>
            <source>hotspot zones layer</source>
            <translation>laag met hotspotzones</translation>
        </message>
        <message>
            <source>Hotspot {rank}</source>
            <translation>Hotspot {rank}</translation>
        </message>
        <message>
            <source>Hotspot · buurtschouw {reference} · page {page}</source>
            <translation>Hotspot · buurtschouw {reference} · pagina {page}</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in behandeling</translation>
        </message>
        <message>
            <source>in straight lines</source>
            <translation>in rechte lijnen</translation>
        </message>
        <message>
            <source>Inspection area</source>
            <translation>Schouwgebied</translation>
        </message>
        <message>
            <source>Inspection walk</source>
            <translation>Schouwroute</translation>
        </message>
        <message>
            <source>it has no valid uuid</source>
            <translation>hij heeft geen geldige uuid</translation>
        </message>
        <message>
            <source>its location cannot be read</source>
            <translation>zijn locatie is niet leesbaar</translation>
        </message>
        <message>
            <source>its uuid occurs twice</source>
            <translation>zijn uuid komt twee keer voor</translation>
        </message>
        <message>
            <source>Link the findings to scan (uuid or reference; empty: the package's scan)</source>
            <translation>Bevindingen koppelen aan scan (uuid of kenmerk; leeg: de scan van het pakket)</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <source>Making the field package and maps…</source>
            <translation>Veldpakket en kaarten maken…</translation>
        </message>
        <message>
            <source>Maximum number of points</source>
            <translation>Maximaal aantal punten</translation>
        </message>
        <message>
            <source>Minutes per stop</source>
            <translation>Minuten per stop</translation>
        </message>
        <message>
            <source>night (23–07 h)</source>
            <translation>nacht (23–07 uur)</translation>
        </message>
        <message>
            <source>No hotspot zones: run the environment scan first or give ZONES. The points come from risk objects, earlier findings and extra points only.</source>
            <translation>Geen hotspotzones: maak eerst de omgevingsscan of geef ZONES. De punten komen nu alleen uit risico-objecten, eerdere bevindingen en extra punten.</translation>
        </message>
        <message>
            <source>Notes · action · who</source>
            <translation>Toelichting · actie · wie</translation>
        </message>
        <message>
            <source>Number of points</source>
            <translation>Aantal punten</translation>
        </message>
        <message>
            <source>Observed at</source>
            <translation>Waargenomen op</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>Open finding of an earlier walk: {item} ({severity})</source>
            <translation>Open bevinding van een eerdere schouw: {item} ({severity})</translation>
        </message>
        <message>
            <source>Open the field maps</source>
            <translation>Veldkaarten openen</translation>
        </message>
        <message>
            <source>Open the folder</source>
            <translation>Map openen</translation>
        </message>
        <message>
            <source>orange – needs attention</source>
            <translation>oranje – aandacht nodig</translation>
        </message>
        <message>
            <source>Package folder</source>
            <translation>Pakketmap</translation>
        </message>
        <message>
            <source>Part of the day</source>
            <translation>Dagdeel</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Foto</translation>
        </message>
        <message>
            <source>Photo numbers</source>
            <translation>Fotonummers</translation>
        </message>
        <message>
            <source>Photos copied</source>
            <translation>Foto's gekopieerd</translation>
        </message>
        <message>
            <source>Point</source>
            <translation>Punt</translation>
        </message>
        <message>
            <source>Point {seq} of {n}: {label}</source>
            <translation>Punt {seq} van {n}: {label}</translation>
        </message>
        <message>
            <source>Points closer than this are one stop (m)</source>
            <translation>Punten dichter bij elkaar dan dit zijn één stop (m)</translation>
        </message>
        <message>
            <source>Prepare</source>
            <translation>Voorbereiden</translation>
        </message>
        <message>
            <source>Prepare a buurtschouw</source>
            <translation>Buurtschouw voorbereiden</translation>
        </message>
        <message>
            <source>Preparing the buurtschouw failed; see the Hotspot log.</source>
            <translation>Het voorbereiden van de buurtschouw is mislukt; zie het Hotspot-logboek.</translation>
        </message>
        <message>
            <source>Proposed action</source>
            <translation>Voorgestelde actie</translation>
        </message>
        <message>
            <source>QGIS project for QField / Mergin Maps</source>
            <translation>QGIS-project voor QField / Mergin Maps</translation>
        </message>
        <message>
            <source>red – act now</source>
            <translation>rood – direct actie</translation>
        </message>
        <message>
            <source>Return to the start</source>
            <translation>Terug naar het startpunt</translation>
        </message>
        <message>
            <source>Returned schouw package (its GeoPackage, its project or its folder)</source>
            <translation>Teruggekomen schouwpakket (de GeoPackage, het project of de map)</translation>
        </message>
        <message>
            <source>Risk object in a hotspot zone: {kind}</source>
            <translation>Risico-object in een hotspotzone: {kind}</translation>
        </message>
        <message>
            <source>Risk object in a hotspot zone: {kind} – {name}</source>
            <translation>Risico-object in een hotspotzone: {kind} – {name}</translation>
        </message>
        <message>
            <source>Risk object: {kind}</source>
            <translation>Risico-object: {kind}</translation>
        </message>
        <message>
            <source>Risk object: {kind} – {name}</source>
            <translation>Risico-object: {kind} – {name}</translation>
        </message>
        <message>
            <source>Risk objects in a hotspot zone: {kind} – {names}</source>
            <translation>Risico-objecten in een hotspotzone: {kind} – {names}</translation>
        </message>
        <message>
            <source>Risk objects to visit</source>
            <translation>Te bezoeken risico-objecten</translation>
        </message>
        <message>
            <source>Risk objects: {kind} – {names}</source>
            <translation>Risico-objecten: {kind} – {names}</translation>
        </message>
        <message>
            <source>Route length (m)</source>
            <translation>Lengte van de route (m)</translation>
        </message>
        <message>
            <source>Route {how}: {length} m, {walk} walking plus {stops} × {per} min at the stops = {total}.</source>
            <translation>Route {how}: {length} m, {walk} lopen plus {stops} × {per} min bij de stops = {total}.</translation>
        </message>
        <message>
            <source>Routing (streets or straight)</source>
            <translation>Routering (streets = langs straten, straight = rechte lijnen)</translation>
        </message>
        <message>
            <source>Save the points in the GeoPackage (schouw_points, linked to the scan)</source>
            <translation>De punten opslaan in de GeoPackage (schouw_points, gekoppeld aan de scan)</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>Scan</translation>
        </message>
        <message>
            <source>Scan (uuid or reference such as HS-2025-001; empty: use the area)</source>
            <translation>Scan (uuid of kenmerk zoals HS-2025-001; leeg: gebruik het gebied)</translation>
        </message>
        <message>
            <source>Scan (uuid or reference; empty: the newest scan with schouw points)</source>
            <translation>Scan (uuid of kenmerk; leeg: de nieuwste scan met schouwpunten)</translation>
        </message>
        <message>
            <source>Scan {reference}: {title}</source>
            <translation>Scan {reference}: {title}</translation>
        </message>
        <message>
            <source>Schouw area (polygons; default: the scan's area)</source>
            <translation>Schouwgebied (vlakken; standaard: het gebied van de scan)</translation>
        </message>
        <message>
            <source>schouw area layer</source>
            <translation>laag met het schouwgebied</translation>
        </message>
        <message>
            <source>Schouw package</source>
            <translation>Schouwpakket</translation>
        </message>
        <message>
            <source>Schouw package for {n} points ({length} m, about {time}) in {folder}, made in {seconds} s. Copy the whole folder to the phone or tablet (QField) or upload it as a Mergin Maps project.</source>
            <translation>Schouwpakket voor {n} punten ({length} m, ongeveer {time}) in {folder}, gemaakt in {seconds} s. Kopieer de hele map naar de telefoon of tablet (QField) of upload hem als Mergin Maps-project.</translation>
        </message>
        <message>
            <source>Schouw point</source>
            <translation>Schouwpunt</translation>
        </message>
        <message>
            <source>Schouw points</source>
            <translation>Schouwpunten</translation>
        </message>
        <message>
            <source>Schouw points {reference}</source>
            <translation>Schouwpunten {reference}</translation>
        </message>
        <message>
            <source>Schouw route {reference}</source>
            <translation>Schouwroute {reference}</translation>
        </message>
        <message>
            <source>Start (default: the point nearest the middle of the area)</source>
            <translation>Startpunt (standaard: het punt het dichtst bij het midden van het gebied)</translation>
        </message>
        <message>
            <source>Straight lines instead of streets</source>
            <translation>Rechte lijnen in plaats van straten</translation>
        </message>
        <message>
            <source>Street network (lines; default: the GeoPackage's streets)</source>
            <translation>Stratennetwerk (lijnen; standaard: de straten in de GeoPackage)</translation>
        </message>
        <message>
            <source>The checklist item {code} must start with its group ({group}) and a dot.</source>
            <translation>Het checklistpunt {code} moet beginnen met zijn groep ({group}) en een punt.</translation>
        </message>
        <message>
            <source>The checklist {path} cannot be read: {error}</source>
            <translation>De checklist {path} is niet leesbaar: {error}</translation>
        </message>
        <message>
            <source>The checklist {path} holds the same item code twice.</source>
            <translation>De checklist {path} bevat dezelfde code twee keer.</translation>
        </message>
        <message>
            <source>The checklist {path} lacks a required entry: {error}</source>
            <translation>In de checklist {path} ontbreekt een verplicht onderdeel: {error}</translation>
        </message>
        <message>
            <source>The CRS of the GeoPackage {path} is not known to QGIS.</source>
            <translation>Het CRS van de GeoPackage {path} is bij QGIS niet bekend.</translation>
        </message>
        <message>
            <source>The distance matrix holds missing or negative distances; some points cannot be reached.</source>
            <translation>De afstandstabel bevat ontbrekende of negatieve afstanden; sommige punten zijn niet te bereiken.</translation>
        </message>
        <message>
            <source>The distance matrix must be square, not of shape {shape}.</source>
            <translation>De afstandstabel moet vierkant zijn, niet van vorm {shape}.</translation>
        </message>
        <message>
            <source>The earlier findings have {n} points but {m} values of {field}.</source>
            <translation>De eerdere bevindingen hebben {n} punten maar {m} waarden van {field}.</translation>
        </message>
        <message>
            <source>The extra points have {nx} x and {ny} y coordinates.</source>
            <translation>De extra punten hebben {nx} x- en {ny} y-coördinaten.</translation>
        </message>
        <message>
            <source>The field maps could not be written to {path}: {error}</source>
            <translation>De veldkaarten konden niet worden geschreven naar {path}: {error}</translation>
        </message>
        <message>
            <source>The findings in the package are in EPSG:{field}, the safety GeoPackage in EPSG:{office}. Nothing was imported.</source>
            <translation>De bevindingen in het pakket zijn in EPSG:{field}, de veiligheids-GeoPackage in EPSG:{office}. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>The findings in {path} cannot be read ({error}): the schouw package is damaged. Nothing was imported.</source>
            <translation>De bevindingen in {path} zijn niet leesbaar ({error}): het schouwpakket is beschadigd. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>The folder {folder} already holds a schouw package with findings. Import them first, or choose another folder.</source>
            <translation>De map {folder} bevat al een schouwpakket met bevindingen. Importeer die eerst, of kies een andere map.</translation>
        </message>
        <message>
            <source>The folder {folder} already holds a schouw package with {n} findings. Import them first with 'Buurtschouw: import findings', or choose another folder. Nothing was changed.</source>
            <translation>De map {folder} bevat al een schouwpakket met {n} bevindingen. Importeer die eerst met 'Buurtschouw: bevindingen uit het veld importeren', of kies een andere map. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>The folder {path} holds no GeoPackage with a layer {layer}. Choose the folder of a schouw package or its GeoPackage.</source>
            <translation>De map {path} bevat geen GeoPackage met een laag {layer}. Kies de map van een schouwpakket of de GeoPackage ervan.</translation>
        </message>
        <message>
            <source>The folder {path} holds several GeoPackages with schouw findings ({names}); choose one of them.</source>
            <translation>De map {path} bevat meerdere GeoPackages met schouwbevindingen ({names}); kies er één.</translation>
        </message>
        <message>
            <source>The GeoPackage has no scans yet. Make an environment scan of the area first.</source>
            <translation>De GeoPackage heeft nog geen scans. Maak eerst een omgevingsscan van het gebied.</translation>
        </message>
        <message>
            <source>The GeoPackage has no schouw points yet. Run 'Buurtschouw: points and walking route' first.</source>
            <translation>De GeoPackage heeft nog geen schouwpunten. Voer eerst 'Buurtschouw: schouwpunten en looproute' uit.</translation>
        </message>
        <message>
            <source>The GeoPackage has no streets near the points: the route uses straight lines.</source>
            <translation>De GeoPackage heeft geen straten bij de punten: de route loopt in rechte lijnen.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} has no layer {layer}: it is not a schouw package or it is damaged. Nothing was imported.</source>
            <translation>De GeoPackage {path} heeft geen laag {layer}: het is geen schouwpakket of het is beschadigd. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>The layer {layer} in {path} lacks the field(s) {fields}: the schouw package is damaged. Nothing was imported.</source>
            <translation>In de laag {layer} in {path} ontbreken de velden {fields}: het schouwpakket is beschadigd. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>The layer {layer} of {path} cannot be opened.</source>
            <translation>De laag {layer} van {path} kan niet worden geopend.</translation>
        </message>
        <message>
            <source>The maximum number of points must be at least 1, not {value}.</source>
            <translation>Het maximale aantal punten moet minstens 1 zijn, niet {value}.</translation>
        </message>
        <message>
            <source>The minimum distance between points must be 0 or more, not {value}.</source>
            <translation>De minimale afstand tussen punten moet 0 of meer zijn, niet {value}.</translation>
        </message>
        <message>
            <source>The minutes per stop and the number of stops cannot be negative.</source>
            <translation>De minuten per stop en het aantal stops kunnen niet negatief zijn.</translation>
        </message>
        <message>
            <source>The package belongs to scan {scan} ({reference}), which is not in {path}. Choose the safety GeoPackage the package was made from, or give SCAN to link the findings to another scan. Nothing was imported.</source>
            <translation>Het pakket hoort bij scan {scan} ({reference}), die niet in {path} staat. Kies de veiligheids-GeoPackage waaruit het pakket is gemaakt, of geef SCAN om de bevindingen aan een andere scan te koppelen. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>The package was made for another scan ({package}); its findings are linked to {reference} as asked.</source>
            <translation>Het pakket is gemaakt voor een andere scan ({package}); de bevindingen zijn zoals gevraagd gekoppeld aan {reference}.</translation>
        </message>
        <message>
            <source>The photo {photo} is not in the package; the finding was imported without it.</source>
            <translation>De foto {photo} zit niet in het pakket; de bevinding is zonder foto geïmporteerd.</translation>
        </message>
        <message>
            <source>The QGIS project {path} could not be written: {error}</source>
            <translation>Het QGIS-project {path} kon niet worden geschreven: {error}</translation>
        </message>
        <message>
            <source>The risk objects have {n} points but {k} kinds and {m} names.</source>
            <translation>De risico-objecten hebben {n} punten maar {k} soorten en {m} namen.</translation>
        </message>
        <message>
            <source>The route layer has no lines.</source>
            <translation>De routelaag heeft geen lijnen.</translation>
        </message>
        <message>
            <source>The route was drawn again {how} through the points in their order.</source>
            <translation>De route is opnieuw getekend {how}, door de punten in hun volgorde.</translation>
        </message>
        <message>
            <source>The schouw area layer has no polygons (or none is selected).</source>
            <translation>De laag met het schouwgebied heeft geen vlakken (of er is er geen geselecteerd).</translation>
        </message>
        <message>
            <source>The schouw package {path} does not exist.</source>
            <translation>Het schouwpakket {path} bestaat niet.</translation>
        </message>
        <message>
            <source>The start ({x}, {y}) looks like longitude and latitude, but the GeoPackage is in {crs}. Give the point in {crs} or add its CRS, for example '{x},{y} [EPSG:4326]'.</source>
            <translation>Het startpunt ({x}, {y}) lijkt op lengte- en breedtegraad, maar de GeoPackage is in {crs}. Geef het punt in {crs} of voeg het CRS toe, bijvoorbeeld '{x},{y} [EPSG:4326]'.</translation>
        </message>
        <message>
            <source>The start {start} is not one of the {n} points.</source>
            <translation>Het startpunt {start} is niet een van de {n} punten.</translation>
        </message>
        <message>
            <source>The street layer has no lines near the points: the route uses straight lines.</source>
            <translation>De stratenlaag heeft geen lijnen bij de punten: de route loopt in rechte lijnen.</translation>
        </message>
        <message>
            <source>The walking speed must be more than 0 km/h, not {value}.</source>
            <translation>De loopsnelheid moet meer dan 0 km/u zijn, niet {value}.</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Thema</translation>
        </message>
        <message>
            <source>There are no points to choose a start from.</source>
            <translation>Er zijn geen punten om een startpunt uit te kiezen.</translation>
        </message>
        <message>
            <source>There are no schouw points for scan {scan}. Run 'Buurtschouw: points and walking route' first.</source>
            <translation>Er zijn geen schouwpunten voor scan {scan}. Voer eerst 'Buurtschouw: schouwpunten en looproute' uit.</translation>
        </message>
        <message>
            <source>There are no schouw points to print.</source>
            <translation>Er zijn geen schouwpunten om af te drukken.</translation>
        </message>
        <message>
            <source>There is nothing to visit in the area: no hotspot zones, no open findings and no risk objects of the chosen kinds. Choose more kinds of risk objects or add extra points.</source>
            <translation>Er is niets te bezoeken in het gebied: geen hotspotzones, geen open bevindingen en geen risico-objecten van de gekozen soorten. Kies meer soorten risico-objecten of voeg extra punten toe.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Tijd</translation>
        </message>
        <message>
            <source>Time per stop</source>
            <translation>Tijd per stop</translation>
        </message>
        <message>
            <source>Visit open findings of earlier walks</source>
            <translation>Open bevindingen van eerdere schouwen bezoeken</translation>
        </message>
        <message>
            <source>Walk along the streets (the GeoPackage's street layer)</source>
            <translation>Langs de straten lopen (de stratenlaag van de GeoPackage)</translation>
        </message>
        <message>
            <source>Walkers</source>
            <translation>Deelnemers</translation>
        </message>
        <message>
            <source>Walking route</source>
            <translation>Looproute</translation>
        </message>
        <message>
            <source>Walking route (lines, e.g. the route of 'points and walking route'; empty: drawn again along the streets)</source>
            <translation>Looproute (lijnen, bijv. de route van 'schouwpunten en looproute'; leeg: opnieuw getekend langs de straten)</translation>
        </message>
        <message>
            <source>Walking time (minutes)</source>
            <translation>Looptijd (minuten)</translation>
        </message>
        <message>
            <source>What do you see?</source>
            <translation>Wat zie je?</translation>
        </message>
        <message>
            <source>Where and when</source>
            <translation>Waar en wanneer</translation>
        </message>
        <message>
            <source>Who acts</source>
            <translation>Wie pakt het op</translation>
        </message>
        <message>
            <source>Who does what</source>
            <translation>Wie doet wat</translation>
        </message>
        <message>
            <source>Why we go there</source>
            <translation>Waarom we erheen gaan</translation>
        </message>
        <message>
            <source>Why: {reason}</source>
            <translation>Waarom: {reason}</translation>
        </message>
        <message>
            <source>{added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflict(s); {photos} photo(s) copied.</source>
            <translation>{added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd, {conflicts} conflict(en); {photos} foto('s) gekopieerd.</translation>
        </message>
        <message>
            <source>{n} findings in {path}.</source>
            <translation>{n} bevindingen in {path}.</translation>
        </message>
        <message>
            <source>{n} hotspot zone(s) touch the area.</source>
            <translation>{n} hotspotzone(s) raken het gebied.</translation>
        </message>
        <message>
            <source>{n} leg(s) of the route are straight lines: the street network does not connect those points.</source>
            <translation>{n} deel/delen van de route zijn rechte lijnen: het stratennetwerk verbindt die punten niet.</translation>
        </message>
        <message>
            <source>{n} points chosen from {c} candidates ({m} joined a nearby point, {d} left out beyond the maximum of {max}).</source>
            <translation>{n} punten gekozen uit {c} kandidaten ({m} samengevoegd met een punt vlakbij, {d} weggelaten boven het maximum van {max}).</translation>
        </message>
        <message>
            <source>{n} points, {km} km {how}: about {walk} walking, {total} with the stops.</source>
            <translation>{n} punten, {km} km {how}: ongeveer {walk} lopen, {total} met de stops.</translation>
        </message>
        <message>
            <source>{n} schouw points saved in the GeoPackage.</source>
            <translation>{n} schouwpunten opgeslagen in de GeoPackage.</translation>
        </message>
        <message>
            <source>{path} is not a GeoPackage: the schouw package is damaged. Nothing was imported.</source>
            <translation>{path} is geen GeoPackage: het schouwpakket is beschadigd. Er is niets geïmporteerd.</translation>
        </message>
        <message>
            <source>{reference} · {date} · {n} points · {km} km · about {time} including stops</source>
            <translation>{reference} · {date} · {n} punten · {km} km · ongeveer {time} inclusief stops</translation>
        </message>
        <message>
            <source>☐ day  ☐ evening  ☐ night</source>
            <translation>☐ dag  ☐ avond  ☐ nacht</translation>
        </message>
    </context>
</TS>
