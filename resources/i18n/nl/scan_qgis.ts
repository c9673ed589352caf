<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source> (of the chosen fields and categories)</source>
            <translation> (van de gekozen velden en categorieën)</translation>
        </message>
        <message>
            <source>'{value}' ({name}) is not a date; write it as 2025-01-31.</source>
            <translation>'{value}' ({name}) is geen datum; schrijf hem als 2025-01-31.</translation>
        </message>
        <message>
            <source>Author (empty: from the settings)</source>
            <translation>Auteur (leeg: uit de instellingen)</translation>
        </message>
        <message>
            <source>Categories, comma-separated codes such as 1.1.1, 1.2.3 (empty: all)</source>
            <translation>Categorieën, codes gescheiden door komma's, zoals 1.1.1, 1.2.3 (leeg: alle)</translation>
        </message>
        <message>
            <source>Comparison period: first day (empty: one year earlier)</source>
            <translation>Vergelijkingsperiode: eerste dag (leeg: een jaar eerder)</translation>
        </message>
        <message>
            <source>Comparison period: last day (included)</source>
            <translation>Vergelijkingsperiode: laatste dag (telt mee)</translation>
        </message>
        <message>
            <source>Counts below this number are marked as small</source>
            <translation>Aantallen onder dit getal worden als klein gemarkeerd</translation>
        </message>
        <message>
            <source>custom area</source>
            <translation>eigen gebied</translation>
        </message>
        <message>
            <source>Drafted findings</source>
            <translation>Opgestelde bevindingen</translation>
        </message>
        <message>
            <source>Environment scan (omgevingsscan)</source>
            <translation>Omgevingsscan</translation>
        </message>
        <message>
            <source>Environment scan {place}</source>
            <translation>Omgevingsscan {place}</translation>
        </message>
        <message>
            <source>Feature {fid} of the {what} is not a valid polygon ({reason}). Repair it, for example with 'Fix geometries', and try again.</source>
            <translation>Object {fid} van de {what} is geen geldige polygoon ({reason}). Herstel het, bijvoorbeeld met 'Geometrieën repareren', en probeer het opnieuw.</translation>
        </message>
        <message>
            <source>Give the scan area in one way only: a polygon layer (AREA), a drawn polygon (AREA_WKT) or a point with a radius (POINT and RADIUS). Now {given} were given.</source>
            <translation>Geef het scangebied op één manier: een polygoonlaag (AREA), een getekende polygoon (AREA_WKT) of een punt met een straal (POINT en RADIUS). Nu zijn {given} opgegeven.</translation>
        </message>
        <message>
            <source>Give the scan area: a polygon layer or its selected features (AREA), a polygon as WKT (AREA_WKT), or a point with a radius (POINT and RADIUS).</source>
            <translation>Geef het scangebied op: een polygoonlaag of de geselecteerde objecten daarvan (AREA), een polygoon als WKT (AREA_WKT), of een punt met een straal (POINT en RADIUS).</translation>
        </message>
        <message>
            <source>Heatmap of the area and ring</source>
            <translation>Heatmap van het gebied en de ring</translation>
        </message>
        <message>
            <source>Heatmap of the area and ring: from the {n} incidents of the period in the whole GeoPackage.</source>
            <translation>Heatmap van het gebied en de ring: bepaald uit de {n} incidenten van de periode in de hele GeoPackage.</translation>
        </message>
        <message>
            <source>Heatmap: {n} incidents, radius {radius} m, pixel {pixel} m, {cols} x {rows} cells; {zones} hotspot zones (top {top}% of the cells).</source>
            <translation>Heatmap: {n} incidenten, straal {radius} m, pixel {pixel} m, {cols} x {rows} cellen; {zones} hotspotzones (de hoogste {top}% van de cellen).</translation>
        </message>
        <message>
            <source>Incidents in the area in the period</source>
            <translation>Incidenten in het gebied in de periode</translation>
        </message>
        <message>
            <source>Near-repeat test of the {n} burglaries in the period and comparison period ({perm} permutations, seed {seed}): {conclusion}</source>
            <translation>Near-repeattoets van de {n} inbraken in de periode en de vergelijkingsperiode ({perm} permutaties, seed {seed}): {conclusion}</translation>
        </message>
        <message>
            <source>No new area given: the area of the saved scan is used.</source>
            <translation>Geen nieuw gebied opgegeven: het gebied van de opgeslagen scan wordt gebruikt.</translation>
        </message>
        <message>
            <source>Only {n} incidents in the period: the heatmap uses the fixed radius {radius} m and pixel size {pixel} m.</source>
            <translation>Maar {n} incidenten in de periode: de heatmap gebruikt de vaste straal {radius} m en pixelgrootte {pixel} m.</translation>
        </message>
        <message>
            <source>Organisation (empty: from the settings)</source>
            <translation>Organisatie (leeg: uit de instellingen)</translation>
        </message>
        <message>
            <source>Period {start} to {end}, compared with {c_start} to {c_end}; ring {ring} m.</source>
            <translation>Periode {start} tot en met {end}, vergeleken met {c_start} tot en met {c_end}; ring {ring} m.</translation>
        </message>
        <message>
            <source>Period: first day (empty: the last 12 months of data)</source>
            <translation>Periode: eerste dag (leeg: de laatste 12 maanden met gegevens)</translation>
        </message>
        <message>
            <source>Period: last day (included)</source>
            <translation>Periode: laatste dag (telt mee)</translation>
        </message>
        <message>
            <source>Radius of the circle around the point (m)</source>
            <translation>Straal van de cirkel rond het punt (m)</translation>
        </message>
        <message>
            <source>Reference area (empty: the municipality in the GeoPackage)</source>
            <translation>Referentiegebied (leeg: de gemeente in de GeoPackage)</translation>
        </message>
        <message>
            <source>reference area layer</source>
            <translation>laag met het referentiegebied</translation>
        </message>
        <message>
            <source>Running scan {reference} (version {version}) again.</source>
            <translation>Scan {reference} (versie {version}) wordt opnieuw uitgevoerd.</translation>
        </message>
        <message>
            <source>Safety fields (empty: all)</source>
            <translation>Veiligheidsvelden (leeg: alle)</translation>
        </message>
        <message>
            <source>Saved scan to run again (uuid or reference such as HS-2025-001; empty: a new scan)</source>
            <translation>Opgeslagen scan om opnieuw uit te voeren (uuid of kenmerk zoals HS-2025-001; leeg: een nieuwe scan)</translation>
        </message>
        <message>
            <source>scan area layer</source>
            <translation>laag met het scangebied</translation>
        </message>
        <message>
            <source>Scan area: centre point of a circle</source>
            <translation>Scangebied: middelpunt van een cirkel</translation>
        </message>
        <message>
            <source>Scan area: polygon as WKT in the GeoPackage's CRS</source>
            <translation>Scangebied: polygoon als WKT in het CRS van de GeoPackage</translation>
        </message>
        <message>
            <source>Scan area: polygon layer (its features or selected features together)</source>
            <translation>Scangebied: polygoonlaag (alle of de geselecteerde objecten samen)</translation>
        </message>
        <message>
            <source>Scan reference number</source>
            <translation>Kenmerk van de scan</translation>
        </message>
        <message>
            <source>Scan uuid</source>
            <translation>Uuid van de scan</translation>
        </message>
        <message>
            <source>Scan {reference} (version {version}) saved: {n} incidents in the area in the period, {findings} findings, {measures} measures.</source>
            <translation>Scan {reference} (versie {version}) opgeslagen: {n} incidenten in het gebied in de periode, {findings} bevindingen, {measures} maatregelen.</translation>
        </message>
        <message>
            <source>Scan {reference} was final (definitief); the new version is a concept again.</source>
            <translation>Scan {reference} was definitief; de nieuwe versie is weer een concept.</translation>
        </message>
        <message>
            <source>the buurten together</source>
            <translation>de buurten samen</translation>
        </message>
        <message>
            <source>The comparison period ({c_start} to {c_end}) overlaps the period ({start} to {end}); choose a comparison period that ends before the period starts (or starts after it ends).</source>
            <translation>De vergelijkingsperiode ({c_start} tot en met {c_end}) overlapt de periode ({start} tot en met {end}); kies een vergelijkingsperiode die eindigt voordat de periode begint (of begint nadat die eindigt).</translation>
        </message>
        <message>
            <source>The comparison period ends ({end}) before it starts ({start}); choose an end date on or after the start date.</source>
            <translation>De vergelijkingsperiode eindigt ({end}) voordat hij begint ({start}); kies een einddatum op of na de begindatum.</translation>
        </message>
        <message>
            <source>The coordinate reference system of the GeoPackage {path} is not known to QGIS.</source>
            <translation>Het coördinatenstelsel van de GeoPackage {path} is niet bekend in QGIS.</translation>
        </message>
        <message>
            <source>The GeoPackage has no incidents, so there is no period to scan. Import incidents first with 'Import incidents'.</source>
            <translation>De GeoPackage bevat geen incidenten, dus er is geen periode om te scannen. Importeer eerst incidenten met 'Incidenten importeren'.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} has no incidents yet. Import incidents first with 'Import incidents'.</source>
            <translation>De GeoPackage {path} bevat nog geen incidenten. Importeer eerst incidenten met 'Incidenten importeren'.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} is in a geographic CRS ({crs}, degrees), but the scan measures in metres. Use a safety GeoPackage in a projected CRS such as RD New (EPSG:28992).</source>
            <translation>De GeoPackage {path} heeft een geografisch CRS ({crs}, graden), maar de scan meet in meters. Gebruik een veiligheids-GeoPackage in een geprojecteerd CRS zoals RD New (EPSG:28992).</translation>
        </message>
        <message>
            <source>The measure {measure} of the saved advice was removed: the findings it belonged to no longer apply.</source>
            <translation>De maatregel {measure} van het opgeslagen advies is verwijderd: de bevindingen waar hij bij hoorde gelden niet meer.</translation>
        </message>
        <message>
            <source>The near-repeat test of the burglaries was left out: {reason}</source>
            <translation>De near-repeattoets van de inbraken is weggelaten: {reason}</translation>
        </message>
        <message>
            <source>The period ends ({end}) before it starts ({start}); choose an end date on or after the start date.</source>
            <translation>De periode eindigt ({end}) voordat hij begint ({start}); kies een einddatum op of na de begindatum.</translation>
        </message>
        <message>
            <source>The point ({x}, {y}) looks like longitude and latitude in degrees, but the GeoPackage is in {crs} (metres). Give the point in {crs}, or add its CRS, for example '{x},{y} [EPSG:4326]'.</source>
            <translation>Het punt ({x}, {y}) lijkt op lengte- en breedtegraad in graden, maar de GeoPackage is in {crs} (meters). Geef het punt in {crs}, of voeg het CRS toe, bijvoorbeeld '{x},{y} [EPSG:4326]'.</translation>
        </message>
        <message>
            <source>The point was converted from {source} to the GeoPackage's CRS {target}.</source>
            <translation>Het punt is omgerekend van {source} naar het CRS van de GeoPackage, {target}.</translation>
        </message>
        <message>
            <source>The scan area (AREA_WKT) cannot be read as a polygon: {text}. Give a polygon in WKT in the GeoPackage's CRS, for example POLYGON((152900 442900, 153100 442900, 153100 443100, 152900 443100, 152900 442900)).</source>
            <translation>Het scangebied (AREA_WKT) is niet als polygoon te lezen: {text}. Geef een polygoon als WKT in het CRS van de GeoPackage, bijvoorbeeld POLYGON((152900 442900, 153100 442900, 153100 443100, 152900 443100, 152900 442900)).</translation>
        </message>
        <message>
            <source>The scan area (AREA_WKT) is a {kind}, not a polygon.</source>
            <translation>Het scangebied (AREA_WKT) is een {kind}, geen polygoon.</translation>
        </message>
        <message>
            <source>The scan area (AREA_WKT) is not a valid polygon ({reason}). Draw it again without crossing edges.</source>
            <translation>Het scangebied (AREA_WKT) is geen geldige polygoon ({reason}). Teken het opnieuw zonder elkaar kruisende randen.</translation>
        </message>
        <message>
            <source>The scan area has no surface; draw or choose a polygon.</source>
            <translation>Het scangebied heeft geen oppervlakte; teken of kies een polygoon.</translation>
        </message>
        <message>
            <source>The scan area lies outside the data: the GeoPackage's incidents and areas lie within {extent}, the scan area and its ring within {bounds} ({crs}). Check that the area or the point is in the right place and in the right CRS.</source>
            <translation>Het scangebied ligt buiten de gegevens: de incidenten en gebieden van de GeoPackage liggen binnen {extent}, het scangebied met zijn ring binnen {bounds} ({crs}). Controleer of het gebied of het punt op de goede plek en in het goede CRS ligt.</translation>
        </message>
        <message>
            <source>The {what} cannot be converted to the GeoPackage's CRS {crs}.</source>
            <translation>De {what} kan niet worden omgerekend naar het CRS van de GeoPackage, {crs}.</translation>
        </message>
        <message>
            <source>The {what} has no polygon features (or none of them is selected).</source>
            <translation>De {what} heeft geen polygonen (of er is er geen geselecteerd).</translation>
        </message>
        <message>
            <source>There are no incidents{selection} in the period {start} to {end}; the GeoPackage has incidents from {first} to {last}. Choose a period with data.</source>
            <translation>Er zijn geen incidenten{selection} in de periode {start} tot en met {end}; de GeoPackage heeft incidenten van {first} tot en met {last}. Kies een periode met gegevens.</translation>
        </message>
        <message>
            <source>Unknown category codes: {unknown}. The GeoPackage's categories table has, for example: {examples}.</source>
            <translation>Onbekende categoriecodes: {unknown}. De categorieëntabel van de GeoPackage heeft bijvoorbeeld: {examples}.</translation>
        </message>
        <message>
            <source>Width of the context ring around the area (m)</source>
            <translation>Breedte van de contextring rond het gebied (m)</translation>
        </message>
        <message>
            <source>{label}: near-repeat pattern in the municipality: after a burglary the risk of another one is raised up to {distance} m away during {days} days; warning letters to the residents within {distance} m in the first days after each burglary fit that pattern</source>
            <translation>{label}: near-repeatpatroon in de gemeente: na een inbraak is de kans op een volgende verhoogd tot {distance} m afstand gedurende {days} dagen; waarschuwingsbrieven aan de bewoners binnen {distance} m in de eerste dagen na elke inbraak passen bij dat patroon</translation>
        </message>
    </context>
</TS>
