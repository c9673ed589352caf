<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>A radius can only be suggested from at least two points (there are {n}). Enter a radius and a pixel size.</source>
            <translation>Een straal kan alleen worden voorgesteld bij ten minste twee punten (er zijn er {n}). Vul een straal en een pixelgrootte in.</translation>
        </message>
        <message>
            <source>A triangular kernel with a negative decay ratio ({decay}) has no scaled form: choose raw output values or a decay ratio of 0 or more.</source>
            <translation>Een driehoekskern met een negatieve vervalverhouding ({decay}) heeft geen geschaalde vorm: kies ruwe uitvoerwaarden of een vervalverhouding van 0 of meer.</translation>
        </message>
        <message>
            <source>All {n} points lie at the same place, so no radius can be derived from their spread. Enter a radius and a pixel size.</source>
            <translation>Alle {n} punten liggen op dezelfde plek, dus uit hun spreiding volgt geen straal. Vul een straal en een pixelgrootte in.</translation>
        </message>
        <message>
            <source>Decay ratio (triangular kernel only)</source>
            <translation>Vervalverhouding (alleen driehoekskern)</translation>
        </message>
        <message>
            <source>Density heatmap (exact kernel density)</source>
            <translation>Dichtheidskaart (exacte kerndichtheid)</translation>
        </message>
        <message>
            <source>Epanechnikov</source>
            <translation>Epanechnikov</translation>
        </message>
        <message>
            <source>Extent of the raster [empty: the points plus the radius]</source>
            <translation>Bereik van het raster [leeg: de punten plus de straal]</translation>
        </message>
        <message>
            <source>Filter (e.g. category = '1.1.1' or a period; empty: all points)</source>
            <translation>Filter (bijv. category = '1.1.1' of een periode; leeg: alle punten)</translation>
        </message>
        <message>
            <source>GDAL Arrow stream</source>
            <translation>GDAL Arrow-stroom</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Heatmap</translation>
        </message>
        <message>
            <source>heatmap,kernel density,kde,density,hotspot,incidents</source>
            <translation>heatmap,kerndichtheid,kernel density,kde,dichtheid,hotspot,incidenten</translation>
        </message>
        <message>
            <source>Highest value of the heatmap</source>
            <translation>Hoogste waarde van de heatmap</translation>
        </message>
        <message>
            <source>Highest value {max}; {valid} of {cells} cells have a value, the others are nodata ({nodata}).</source>
            <translation>Hoogste waarde {max}; {valid} van de {cells} cellen hebben een waarde, de andere zijn nodata ({nodata}).</translation>
        </message>
        <message>
            <source>Kernel shape</source>
            <translation>Kernvorm</translation>
        </message>
        <message>
            <source>Kernel {kernel}, {values} values, {n} points, radius {radius}.</source>
            <translation>Kern {kernel}, {values} waarden, {n} punten, straal {radius}.</translation>
        </message>
        <message>
            <source>Mask: study area polygons (density only inside)</source>
            <translation>Masker: polygonen van het studiegebied (alleen daarbinnen dichtheid)</translation>
        </message>
        <message>
            <source>No feature of {layer} matches the filter {filter}. Check the filter (field names, quotes around texts).</source>
            <translation>Geen object van {layer} voldoet aan het filter {filter}. Controleer het filter (veldnamen, aanhalingstekens rond teksten).</translation>
        </message>
        <message>
            <source>No point lies within the radius of any cell of the raster: the heatmap is empty (all cells nodata). Check the extent.</source>
            <translation>Geen enkel punt ligt binnen de straal van een cel van het raster: de heatmap is leeg (alle cellen nodata). Controleer het bereik.</translation>
        </message>
        <message>
            <source>None of the density lies inside the mask: the mask's polygons do not overlap the area within the radius of the points. Check that the mask is the right layer (and its CRS).</source>
            <translation>Niets van de dichtheid ligt binnen het masker: de polygonen van het masker overlappen het gebied binnen de straal van de punten niet. Controleer of het masker de juiste laag is (en het CRS ervan).</translation>
        </message>
        <message>
            <source>None of the {read} features can be used: {reasons}. Check the layer's geometries and the weight and radius fields.</source>
            <translation>Geen van de {read} objecten is bruikbaar: {reasons}. Controleer de geometrieën van de laag en de velden voor gewicht en straal.</translation>
        </message>
        <message>
            <source>Output value scaling</source>
            <translation>Schaal van de uitvoerwaarden</translation>
        </message>
        <message>
            <source>pixel size</source>
            <translation>pixelgrootte</translation>
        </message>
        <message>
            <source>Pixel size (map units) [empty: suggested]</source>
            <translation>Pixelgrootte (kaarteenheden) [leeg: voorgesteld]</translation>
        </message>
        <message>
            <source>Pixel size used</source>
            <translation>Gebruikte pixelgrootte</translation>
        </message>
        <message>
            <source>Pixel size {pixel} (map units) was chosen automatically: radius / 10 = {raw_pixel}, rounded to 1, 2, 2.5 or 5 times a power of ten and made coarser where needed to keep the grid at most {cell_target} cells: {cols} x {rows} cells.</source>
            <translation>Pixelgrootte {pixel} (kaarteenheden) is automatisch gekozen: straal / 10 = {raw_pixel}, afgerond op 1, 2, 2,5 of 5 maal een macht van tien en waar nodig grover gemaakt zodat het raster hoogstens {cell_target} cellen heeft: {cols} x {rows} cellen.</translation>
        </message>
        <message>
            <source>Point layer (e.g. the incidents of a safety GeoPackage)</source>
            <translation>Puntlaag (bijv. de incidenten van een veiligheids-GeoPackage)</translation>
        </message>
        <message>
            <source>Points used</source>
            <translation>Gebruikte punten</translation>
        </message>
        <message>
            <source>QGIS feature iterator</source>
            <translation>QGIS-objectiterator</translation>
        </message>
        <message>
            <source>Quartic</source>
            <translation>Quartic (bikwadratisch)</translation>
        </message>
        <message>
            <source>Radius (map units; metres for a layer in degrees) [empty: suggested]</source>
            <translation>Straal (kaarteenheden; meters voor een laag in graden) [leeg: voorgesteld]</translation>
        </message>
        <message>
            <source>Radius from field</source>
            <translation>Straal uit veld</translation>
        </message>
        <message>
            <source>Radius used (largest, from a field)</source>
            <translation>Gebruikte straal (de grootste, bij een veld)</translation>
        </message>
        <message>
            <source>Radius {radius} (map units) was chosen automatically: 0.9 x min(standard distance {sd}, 1.2011 x median distance to the mean centre {dm}) x n^-0.2 with n = {n} points gives {raw_radius}, rounded to {radius} (the rule ArcGIS Pro uses for its default search radius).</source>
            <translation>Straal {radius} (kaarteenheden) is automatisch gekozen: 0,9 x min(standaardafstand {sd}, 1,2011 x mediane afstand tot het gemiddelde middelpunt {dm}) x n^-0,2 met n = {n} punten geeft {raw_radius}, afgerond op {radius} (de regel die ArcGIS Pro gebruikt voor zijn standaard zoekstraal).</translation>
        </message>
        <message>
            <source>Radius {radius} and pixel size {pixel} (map units) were chosen automatically. Radius: 0.9 x min(standard distance {sd}, 1.2011 x median distance to the mean centre {dm}) x n^-0.2 with n = {n} points gives {raw_radius}, rounded to {radius} (the rule ArcGIS Pro uses for its default search radius). Pixel size: radius / 10 = {raw_pixel}, rounded to 1, 2, 2.5 or 5 times a power of ten and made coarser where needed to keep the grid at most {cell_target} cells: {cols} x {rows} cells.</source>
            <translation>Straal {radius} en pixelgrootte {pixel} (kaarteenheden) zijn automatisch gekozen. Straal: 0,9 x min(standaardafstand {sd}, 1,2011 x mediane afstand tot het gemiddelde middelpunt {dm}) x n^-0,2 met n = {n} punten geeft {raw_radius}, afgerond op {radius} (de regel die ArcGIS Pro gebruikt voor zijn standaard zoekstraal). Pixelgrootte: straal / 10 = {raw_pixel}, afgerond op 1, 2, 2,5 of 5 maal een macht van tien en waar nodig grover gemaakt zodat het raster hoogstens {cell_target} cellen heeft: {cols} x {rows} cellen.</translation>
        </message>
        <message>
            <source>Raster: {cols} x {rows} cells of {pixel} map units ({crs}); {how}.</source>
            <translation>Raster: {cols} x {rows} cellen van {pixel} kaarteenheden ({crs}); {how}.</translation>
        </message>
        <message>
            <source>raw</source>
            <translation>ruwe</translation>
        </message>
        <message>
            <source>Raw (sum of kernel values)</source>
            <translation>Ruw (som van de kernwaarden)</translation>
        </message>
        <message>
            <source>Read {n} points from {layer} ({how}).</source>
            <translation>{n} punten gelezen uit {layer} ({how}).</translation>
        </message>
        <message>
            <source>scaled</source>
            <translation>geschaalde</translation>
        </message>
        <message>
            <source>Scaled (density per square map unit)</source>
            <translation>Geschaald (dichtheid per vierkante kaarteenheid)</translation>
        </message>
        <message>
            <source>Snap the grid to multiples of the pixel size (lines up with CBS squares)</source>
            <translation>Raster uitlijnen op veelvouden van de pixelgrootte (valt samen met de CBS-vierkanten)</translation>
        </message>
        <message>
            <source>Some points of {layer} could not be reprojected to {crs}.</source>
            <translation>Sommige punten van {layer} konden niet naar {crs} worden omgezet.</translation>
        </message>
        <message>
            <source>The decay ratio must be a number (got {decay}).</source>
            <translation>De vervalverhouding moet een getal zijn (opgegeven: {decay}).</translation>
        </message>
        <message>
            <source>The extent ({xmin}, {ymin}) - ({xmax}, {ymax}) is not valid: it needs finite coordinates with the minimum below the maximum.</source>
            <translation>Het bereik ({xmin}, {ymin}) - ({xmax}, {ymax}) is ongeldig: het heeft eindige coördinaten nodig, met het minimum onder het maximum.</translation>
        </message>
        <message>
            <source>The extent of the raster is not a finite number ({x}, {y}).</source>
            <translation>Het bereik van het raster is geen eindig getal ({x}, {y}).</translation>
        </message>
        <message>
            <source>The extent {extent} is not valid: it needs a width and a height.</source>
            <translation>Het bereik {extent} is ongeldig: het moet een breedte en een hoogte hebben.</translation>
        </message>
        <message>
            <source>the given extent</source>
            <translation>het opgegeven bereik</translation>
        </message>
        <message>
            <source>the given extent, snapped to multiples of the pixel size</source>
            <translation>het opgegeven bereik, uitgelijnd op veelvouden van de pixelgrootte</translation>
        </message>
        <message>
            <source>The heatmap could not be written to {path}: {error}</source>
            <translation>De heatmap kon niet worden geschreven naar {path}: {error}</translation>
        </message>
        <message>
            <source>The heatmap is written as a GeoTIFF: give the output file the extension .tif (got {path}).</source>
            <translation>De heatmap wordt als GeoTIFF geschreven: geef het uitvoerbestand de extensie .tif (opgegeven: {path}).</translation>
        </message>
        <message>
            <source>The layer {layer} has no coordinate reference system: the radius and pixel size are taken in its coordinate units and the heatmap gets no CRS.</source>
            <translation>De laag {layer} heeft geen coördinatenreferentiesysteem: de straal en de pixelgrootte gelden in de eenheden van de coördinaten en de heatmap krijgt geen CRS.</translation>
        </message>
        <message>
            <source>The layer {layer} has no features: there is nothing to make a heatmap of.</source>
            <translation>De laag {layer} heeft geen objecten: er is niets om een heatmap van te maken.</translation>
        </message>
        <message>
            <source>The layer {layer} has no field '{field}'. Its fields are: {fields}.</source>
            <translation>De laag {layer} heeft geen veld '{field}'. De velden zijn: {fields}.</translation>
        </message>
        <message>
            <source>The layer {layer} is in a geographic CRS ({crs}, degrees). Its points are reprojected to {out} ({name}) because {reason}; the radius and pixel size are in metres and the heatmap is in {out}.</source>
            <translation>De laag {layer} heeft een geografisch CRS ({crs}, graden). De punten worden omgezet naar {out} ({name}) omdat {reason}; de straal en de pixelgrootte zijn in meters en de heatmap is in {out}.</translation>
        </message>
        <message>
            <source>The layer {layer} is in degrees, so its points are reprojected to {crs} and the {what} is read in metres. A {what} of {value} metres looks like degrees: enter it in metres (for example 200) or leave it empty to have one suggested.</source>
            <translation>De laag {layer} is in graden, dus de punten worden omgezet naar {crs} en de {what} wordt in meters gelezen. Een {what} van {value} meter lijkt op graden: vul hem in meters in (bijvoorbeeld 200) of laat hem leeg om er een voor te laten stellen.</translation>
        </message>
        <message>
            <source>The mask does not overlap the points: its polygons lie outside the area within the radius of the points. Check that the mask is the right layer (and its CRS).</source>
            <translation>Het masker overlapt de punten niet: de polygonen liggen buiten het gebied binnen de straal van de punten. Controleer of het masker de juiste laag is (en het CRS ervan).</translation>
        </message>
        <message>
            <source>The mask is reprojected from {src} to {dst}.</source>
            <translation>Het masker wordt omgezet van {src} naar {dst}.</translation>
        </message>
        <message>
            <source>The mask layer has no polygons: choose a polygon layer of the study area, or no mask.</source>
            <translation>De maskerlaag heeft geen polygonen: kies een polygonenlaag van het studiegebied, of geen masker.</translation>
        </message>
        <message>
            <source>The pixel size must be a positive number of map units (got {pixel}).</source>
            <translation>De pixelgrootte moet een positief aantal kaarteenheden zijn (opgegeven: {pixel}).</translation>
        </message>
        <message>
            <source>The pixel size must be larger than 0 (got {value}). Leave it empty to have one suggested.</source>
            <translation>De pixelgrootte moet groter zijn dan 0 (opgegeven: {value}). Laat hem leeg om er een voor te laten stellen.</translation>
        </message>
        <message>
            <source>the points lie in Belgium</source>
            <translation>de punten in België liggen</translation>
        </message>
        <message>
            <source>the points lie in the Netherlands</source>
            <translation>de punten in Nederland liggen</translation>
        </message>
        <message>
            <source>the points' extent plus the radius, cut to the mask's extent</source>
            <translation>het bereik van de punten plus de straal, bijgesneden tot het bereik van het masker</translation>
        </message>
        <message>
            <source>the points' extent plus the radius, snapped to multiples of the pixel size</source>
            <translation>het bereik van de punten plus de straal, uitgelijnd op veelvouden van de pixelgrootte</translation>
        </message>
        <message>
            <source>the points' extent plus the radius, the grid QGIS's own heatmap makes</source>
            <translation>het bereik van de punten plus de straal, het raster dat de heatmap van QGIS zelf maakt</translation>
        </message>
        <message>
            <source>The radius comes from the field '{field}' ({min} to {max}); the radius {radius} is not used.</source>
            <translation>De straal komt uit het veld '{field}' ({min} tot {max}); de straal {radius} wordt niet gebruikt.</translation>
        </message>
        <message>
            <source>The radius must be a positive number of map units (got {radius}).</source>
            <translation>De straal moet een positief aantal kaarteenheden zijn (opgegeven: {radius}).</translation>
        </message>
        <message>
            <source>The radius must be larger than 0 (got {value}). Leave it empty to have one suggested.</source>
            <translation>De straal moet groter zijn dan 0 (opgegeven: {value}). Laat hem leeg om er een voor te laten stellen.</translation>
        </message>
        <message>
            <source>The raster must have at least one row and one column (got {cols} columns and {rows} rows).</source>
            <translation>Het raster moet ten minste één rij en één kolom hebben (opgegeven: {cols} kolommen en {rows} rijen).</translation>
        </message>
        <message>
            <source>The raster would have {cols} x {rows} cells, more than the {limit} this tool can make. Choose a larger pixel size or a smaller extent.</source>
            <translation>Het raster zou {cols} x {rows} cellen krijgen, meer dan de {limit} die dit gereedschap kan maken. Kies een grotere pixelgrootte of een kleiner bereik.</translation>
        </message>
        <message>
            <source>The style file (.qml) next to {path} could not be written.</source>
            <translation>Het stijlbestand (.qml) naast {path} kon niet worden geschreven.</translation>
        </message>
        <message>
            <source>the UTM zone of the points' centre</source>
            <translation>dat de UTM-zone van het middelpunt van de punten is</translation>
        </message>
        <message>
            <source>There are no points to make a heatmap of. Check the input layer and its filter.</source>
            <translation>Er zijn geen punten om een heatmap van te maken. Controleer de invoerlaag en het filter.</translation>
        </message>
        <message>
            <source>Triangular</source>
            <translation>Driehoekig</translation>
        </message>
        <message>
            <source>Triweight</source>
            <translation>Triweight (drievoudig gewogen)</translation>
        </message>
        <message>
            <source>Uniform</source>
            <translation>Uniform</translation>
        </message>
        <message>
            <source>Unknown kernel shape {kernel}: use 0 (quartic), 1 (triangular), 2 (uniform), 3 (triweight) or 4 (Epanechnikov).</source>
            <translation>Onbekende kernvorm {kernel}: gebruik 0 (quartic), 1 (driehoekig), 2 (uniform), 3 (triweight) of 4 (Epanechnikov).</translation>
        </message>
        <message>
            <source>Weight from field (e.g. weight, the harm weight)</source>
            <translation>Gewicht uit veld (bijv. weight, het schadegewicht)</translation>
        </message>
        <message>
            <source>{bad} of the {n} points have a radius that is empty, zero or negative. Every radius must be a positive number of map units.</source>
            <translation>{bad} van de {n} punten hebben een straal die leeg, nul of negatief is. Elke straal moet een positief aantal kaarteenheden zijn.</translation>
        </message>
        <message>
            <source>{bad} of the {n} points have an empty (NULL) or invalid weight. Fill in the weight field or filter those points out.</source>
            <translation>{bad} van de {n} punten hebben een leeg (NULL) of ongeldig gewicht. Vul het gewichtsveld in of filter die punten eruit.</translation>
        </message>
        <message>
            <source>{bad} of the {n} points have no valid coordinates. Repair or remove them.</source>
            <translation>{bad} van de {n} punten hebben geen geldige coördinaten. Herstel of verwijder ze.</translation>
        </message>
        <message>
            <source>{min} to {max} (field {field})</source>
            <translation>{min} tot {max} (veld {field})</translation>
        </message>
        <message>
            <source>{n} features have no location (empty geometry) and were left out.</source>
            <translation>{n} objecten hebben geen locatie (lege geometrie) en zijn weggelaten.</translation>
        </message>
        <message>
            <source>{n} points have an empty, zero or negative radius in field '{field}' and were left out.</source>
            <translation>{n} punten hebben een lege, nul- of negatieve straal in veld '{field}' en zijn weggelaten.</translation>
        </message>
        <message>
            <source>{n} points have no weight (NULL in field '{field}') and were left out; QGIS's own heatmap would count them with weight 0.</source>
            <translation>{n} punten hebben geen gewicht (NULL in veld '{field}') en zijn weggelaten; de heatmap van QGIS zelf zou ze met gewicht 0 meetellen.</translation>
        </message>
        <message>
            <source>{n} without a location</source>
            <translation>{n} zonder locatie</translation>
        </message>
        <message>
            <source>{n} without a positive radius</source>
            <translation>{n} zonder positieve straal</translation>
        </message>
        <message>
            <source>{n} without a weight (NULL)</source>
            <translation>{n} zonder gewicht (NULL)</translation>
        </message>
    </context>
</TS>
