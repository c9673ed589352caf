<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>, too large for the false discovery rate correction over {n} cells</source>
            <translation>, te groot voor de correctie voor meervoudig toetsen (FDR) over {n} cellen</translation>
        </message>
        <message>
            <source>, with false discovery rate correction</source>
            <translation>, met correctie voor meervoudig toetsen (FDR)</translation>
        </message>
        <message>
            <source>, {n} incidents</source>
            <translation>, {n} incidenten</translation>
        </message>
        <message>
            <source>All areas have the same centroid, so no distance band can be chosen.</source>
            <translation>Alle gebieden hebben hetzelfde zwaartepunt, dus er kan geen afstandsband worden gekozen.</translation>
        </message>
        <message>
            <source>All {n} cells or areas have the same value ({value}), so there is no hot or cold spot to find. Check the input, the filter or the extent.</source>
            <translation>Alle {n} cellen of gebieden hebben dezelfde waarde ({value}), dus er is geen hotspot of koude plek te vinden. Controleer de invoer, het filter of de omvang.</translation>
        </message>
        <message>
            <source>areas</source>
            <translation>gebieden</translation>
        </message>
        <message>
            <source>Areas (polygon mode: the cells; grids: the study area)</source>
            <translation>Gebieden (bij gebieden: de cellen; bij rasters: het studiegebied)</translation>
        </message>
        <message>
            <source>cell size</source>
            <translation>celgrootte</translation>
        </message>
        <message>
            <source>Cell size in metres (empty: chosen automatically)</source>
            <translation>Celgrootte in meters (leeg: automatisch gekozen)</translation>
        </message>
        <message>
            <source>Cell size used (m)</source>
            <translation>Gebruikte celgrootte (m)</translation>
        </message>
        <message>
            <source>Cell size {cell} m chosen automatically: the incidents are too spread out to reach {target} per occupied cell with at least 30 cells, so the largest sensible size was taken ({nonempty} cells hold {n_points} incidents, {mean} each; about {n_cells} cells cover {area_km2} km²).</source>
            <translation>Celgrootte {cell} m automatisch gekozen: de incidenten liggen te verspreid om met minstens 30 cellen {target} per bezette cel te halen, dus is de grootste zinvolle grootte genomen ({nonempty} cellen bevatten {n_points} incidenten, {mean} per cel; ongeveer {n_cells} cellen bedekken {area_km2} km²).</translation>
        </message>
        <message>
            <source>Cell size {cell} m chosen automatically: the smallest size at which the cells holding incidents hold at least {target} on average ({nonempty} cells hold {n_points} incidents, {mean} each); about {n_cells} cells cover the study area of {area_km2} km².</source>
            <translation>Celgrootte {cell} m automatisch gekozen: de kleinste grootte waarbij de cellen met incidenten er gemiddeld minstens {target} bevatten ({nonempty} cellen bevatten {n_points} incidenten, {mean} per cel); ongeveer {n_cells} cellen bedekken het studiegebied van {area_km2} km².</translation>
        </message>
        <message>
            <source>Cell size {cell} m chosen automatically: the study area ({area_km2} km²) is small, so the smallest size offered was taken; {nonempty} of the about {n_cells} cells hold incidents, {mean} on average.</source>
            <translation>Celgrootte {cell} m automatisch gekozen: het studiegebied ({area_km2} km²) is klein, dus is de kleinste aangeboden grootte genomen; {nonempty} van de ongeveer {n_cells} cellen bevatten incidenten, gemiddeld {mean}.</translation>
        </message>
        <message>
            <source>Cells</source>
            <translation>Cellen</translation>
        </message>
        <message>
            <source>cells</source>
            <translation>cellen</translation>
        </message>
        <message>
            <source>Cells at or above a threshold value</source>
            <translation>Cellen met een waarde vanaf een drempel</translation>
        </message>
        <message>
            <source>Cells or areas analysed</source>
            <translation>Geanalyseerde cellen of gebieden</translation>
        </message>
        <message>
            <source>Cells with a value of at least {threshold} form the zones.</source>
            <translation>Cellen met een waarde van minstens {threshold} vormen de zones.</translation>
        </message>
        <message>
            <source>Choose one input: a density raster or the Gi* hot spots (the output of 'Hot spots (Getis-Ord Gi*)'), not both or neither.</source>
            <translation>Kies één invoer: een dichtheidsraster of de Gi*-hotspots (de uitvoer van 'Hotspots (Getis-Ord Gi*)'), niet allebei en niet geen van beide.</translation>
        </message>
        <message>
            <source>Cold spot 90%</source>
            <translation>Koude plek 90%</translation>
        </message>
        <message>
            <source>Cold spot 95%</source>
            <translation>Koude plek 95%</translation>
        </message>
        <message>
            <source>Cold spot 99%</source>
            <translation>Koude plek 99%</translation>
        </message>
        <message>
            <source>Cold spot cells (any confidence)</source>
            <translation>Cellen die een koude plek zijn (elke betrouwbaarheid)</translation>
        </message>
        <message>
            <source>Connectivity must be 4 or 8, not {connectivity}.</source>
            <translation>De connectiviteit moet 4 of 8 zijn, niet {connectivity}.</translation>
        </message>
        <message>
            <source>Correct for multiple testing (false discovery rate, Benjamini-Hochberg)</source>
            <translation>Corrigeren voor meervoudig toetsen (false discovery rate, Benjamini-Hochberg)</translation>
        </message>
        <message>
            <source>Could not write the output: {error}</source>
            <translation>De uitvoer kon niet worden geschreven: {error}</translation>
        </message>
        <message>
            <source>Density raster (e.g. the output of Density heatmap)</source>
            <translation>Dichtheidsraster (bijvoorbeeld de uitvoer van Dichtheidskaart)</translation>
        </message>
        <message>
            <source>Distance band in metres (empty: chosen automatically)</source>
            <translation>Afstandsband in meters (leeg: automatisch gekozen)</translation>
        </message>
        <message>
            <source>Distance band used (m)</source>
            <translation>Gebruikte afstandsband (m)</translation>
        </message>
        <message>
            <source>Distance band {band} m chosen automatically: 1.5 times the cell size of {cell} m, so every cell away from the edge counts its {neighbours} surrounding cells as neighbours.</source>
            <translation>Afstandsband {band} m automatisch gekozen: 1,5 keer de celgrootte van {cell} m, zodat elke cel die niet aan de rand ligt haar {neighbours} omliggende cellen als buren telt.</translation>
        </message>
        <message>
            <source>Distance band {band} m chosen automatically: 1.8 times the hexagon spacing of {cell} m, so every hexagon away from the edge counts its {neighbours} nearest neighbours (two rings).</source>
            <translation>Afstandsband {band} m automatisch gekozen: 1,8 keer de afstand van {cell} m tussen de zeshoeken, zodat elke zeshoek die niet aan de rand ligt haar {neighbours} dichtstbijzijnde buren telt (twee ringen).</translation>
        </message>
        <message>
            <source>Distance band {band} m chosen automatically: the largest distance from an area's centroid to the nearest other centroid, so every area has at least one neighbour (median nearest distance {median} m).</source>
            <translation>Afstandsband {band} m automatisch gekozen: de grootste afstand van het zwaartepunt van een gebied tot het dichtstbijzijnde andere zwaartepunt, zodat elk gebied minstens één buur heeft (mediaan van de kortste afstanden {median} m).</translation>
        </message>
        <message>
            <source>Filter on the areas (e.g. level = 'buurt')</source>
            <translation>Filter op de gebieden (bijvoorbeeld level = 'buurt')</translation>
        </message>
        <message>
            <source>Filter on the incidents (e.g. category = '1.1.1')</source>
            <translation>Filter op de incidenten (bijvoorbeeld category = '1.1.1')</translation>
        </message>
        <message>
            <source>Gi* cells of at least class (1 = 90%, 2 = 95%, 3 = 99% confidence)</source>
            <translation>Gi*-cellen van minstens klasse (1 = 90%, 2 = 95%, 3 = 99% betrouwbaarheid)</translation>
        </message>
        <message>
            <source>Gi* hot spots</source>
            <translation>Gi*-hotspots</translation>
        </message>
        <message>
            <source>Gi* needs at least 3 areas; {n} pass the filter {expression}.</source>
            <translation>Gi* heeft minstens 3 gebieden nodig; {n} voldoen aan het filter {expression}.</translation>
        </message>
        <message>
            <source>Gi* needs at least 3 cells or areas, there are {n}.</source>
            <translation>Gi* heeft minstens 3 cellen of gebieden nodig, er zijn er {n}.</translation>
        </message>
        <message>
            <source>Give either a threshold value or a top percentage, not both or neither.</source>
            <translation>Geef een drempelwaarde of een percentage, niet allebei en niet geen van beide.</translation>
        </message>
        <message>
            <source>Give the threshold value, or choose the top percentage method.</source>
            <translation>Vul de drempelwaarde in, of kies de methode met het hoogste percentage.</translation>
        </message>
        <message>
            <source>Grid of {n} {what} of {cell} m; {n_in} of them take part (centre inside the study area), holding {count} incidents.</source>
            <translation>Raster van {n} {what} van {cell} m; {n_in} daarvan doen mee (middelpunt binnen het studiegebied), met samen {count} incidenten.</translation>
        </message>
        <message>
            <source>hexagon spacing</source>
            <translation>afstand tussen de zeshoeken</translation>
        </message>
        <message>
            <source>Hexagonal grid</source>
            <translation>Zeshoekig raster</translation>
        </message>
        <message>
            <source>hexagons</source>
            <translation>zeshoeken</translation>
        </message>
        <message>
            <source>Hot spot 90%</source>
            <translation>Hotspot 90%</translation>
        </message>
        <message>
            <source>Hot spot 95%</source>
            <translation>Hotspot 95%</translation>
        </message>
        <message>
            <source>Hot spot 99%</source>
            <translation>Hotspot 99%</translation>
        </message>
        <message>
            <source>Hot spot cells (any confidence)</source>
            <translation>Cellen die een hotspot zijn (elke betrouwbaarheid)</translation>
        </message>
        <message>
            <source>Hot spots (Getis-Ord Gi*)</source>
            <translation>Hotspots (Getis-Ord Gi*)</translation>
        </message>
        <message>
            <source>Hot spots 99/95/90%: {h3}/{h2}/{h1}; cold spots 99/95/90%: {c3}/{c2}/{c1}; not significant: {ns}.</source>
            <translation>Hotspots 99/95/90%: {h3}/{h2}/{h1}; koude plekken 99/95/90%: {c3}/{c2}/{c1}; niet significant: {ns}.</translation>
        </message>
        <message>
            <source>Hotspot zones</source>
            <translation>Hotspotzones</translation>
        </message>
        <message>
            <source>Incidents to count per zone</source>
            <translation>Incidenten om per zone te tellen</translation>
        </message>
        <message>
            <source>No areas pass the filter {expression}.</source>
            <translation>Geen enkel gebied voldoet aan het filter {expression}.</translation>
        </message>
        <message>
            <source>No cell is significant, although {k} cells are as extreme as {perm} permutations can show: their p-value is the smallest possible, {min_p}{fdr}. Use more permutations (for example {more}) or normal-distribution p-values.</source>
            <translation>Geen enkele cel is significant, hoewel {k} cellen zo extreem zijn als {perm} permutaties kunnen laten zien: hun p-waarde is de kleinst mogelijke, {min_p}{fdr}. Gebruik meer permutaties (bijvoorbeeld {more}) of p-waarden uit de normale verdeling.</translation>
        </message>
        <message>
            <source>No cell reaches 99% confidence: with {perm} permutations the smallest p-value is {min_p}{fdr}. Use more permutations (for example {more}) or normal-distribution p-values to find 99% hot spots.</source>
            <translation>Geen enkele cel haalt 99% betrouwbaarheid: met {perm} permutaties is de kleinste p-waarde {min_p}{fdr}. Gebruik meer permutaties (bijvoorbeeld {more}) of p-waarden uit de normale verdeling om hotspots van 99% te vinden.</translation>
        </message>
        <message>
            <source>No incidents pass the filter {expression}.</source>
            <translation>Geen enkel incident voldoet aan het filter {expression}.</translation>
        </message>
        <message>
            <source>No zone was found: no cells meet the condition (or all zones are smaller than the smallest zone area).</source>
            <translation>Er is geen zone gevonden: geen enkele cel voldoet aan de voorwaarde (of alle zones zijn kleiner dan de kleinste zone-oppervlakte).</translation>
        </message>
        <message>
            <source>None of the {n} incidents has a location.</source>
            <translation>Geen van de {n} incidenten heeft een locatie.</translation>
        </message>
        <message>
            <source>Normal distribution of z (as ArcGIS)</source>
            <translation>Normale verdeling van z (zoals ArcGIS)</translation>
        </message>
        <message>
            <source>Not significant</source>
            <translation>Niet significant</translation>
        </message>
        <message>
            <source>Number of permutations</source>
            <translation>Aantal permutaties</translation>
        </message>
        <message>
            <source>Number of zones</source>
            <translation>Aantal zones</translation>
        </message>
        <message>
            <source>Or: Gi* hot spots (the output of Hot spots (Getis-Ord Gi*))</source>
            <translation>Of: Gi*-hotspots (de uitvoer van Hotspots (Getis-Ord Gi*))</translation>
        </message>
        <message>
            <source>p-values</source>
            <translation>p-waarden</translation>
        </message>
        <message>
            <source>p-values from the normal distribution of z (two-sided){fdr}.</source>
            <translation>p-waarden uit de normale verdeling van z (tweezijdig){fdr}.</translation>
        </message>
        <message>
            <source>p-values from {perm} conditional permutations (two-sided; the smallest possible is {min_p}){fdr}.</source>
            <translation>p-waarden uit {perm} conditionele permutaties (tweezijdig; de kleinst mogelijke is {min_p}){fdr}.</translation>
        </message>
        <message>
            <source>Permutation pseudo p-values</source>
            <translation>Permutatie-p-waarden (pseudo)</translation>
        </message>
        <message>
            <source>Polygons of an area layer (e.g. buurten)</source>
            <translation>Polygonen van een gebiedenlaag (bijvoorbeeld buurten)</translation>
        </message>
        <message>
            <source>Raster cells that form zones</source>
            <translation>Rastercellen die zones vormen</translation>
        </message>
        <message>
            <source>Smallest zone area (m²)</source>
            <translation>Kleinste zone-oppervlakte (m²)</translation>
        </message>
        <message>
            <source>Some cells or areas have no valid value (empty or infinite). Fill them in or leave them out of the study area.</source>
            <translation>Sommige cellen of gebieden hebben geen geldige waarde (leeg of oneindig). Vul ze in of laat ze buiten het studiegebied.</translation>
        </message>
        <message>
            <source>Some incidents have an empty (NULL) or invalid weight. Fill in the weights or run without a weight field.</source>
            <translation>Sommige incidenten hebben een leeg (NULL) of ongeldig gewicht. Vul de gewichten in of reken zonder gewichtsveld.</translation>
        </message>
        <message>
            <source>Some incidents have no valid coordinates (empty or infinite). Remove or repair them first.</source>
            <translation>Sommige incidenten hebben geen geldige coördinaten (leeg of oneindig). Verwijder of herstel ze eerst.</translation>
        </message>
        <message>
            <source>Square grid</source>
            <translation>Vierkant raster</translation>
        </message>
        <message>
            <source>squares</source>
            <translation>vierkanten</translation>
        </message>
        <message>
            <source>Study area (polygons; empty: the areas, else around the incidents)</source>
            <translation>Studiegebied (polygonen; leeg: de gebieden, anders rond de incidenten)</translation>
        </message>
        <message>
            <source>Study area: the {n} areas of the area layer.</source>
            <translation>Studiegebied: de {n} gebieden van de gebiedenlaag.</translation>
        </message>
        <message>
            <source>Style of Hotspot</source>
            <translation>Stijl van Hotspot</translation>
        </message>
        <message>
            <source>The cell size is not used in polygon mode.</source>
            <translation>De celgrootte wordt bij gebieden niet gebruikt.</translation>
        </message>
        <message>
            <source>The cell size must be a positive number of metres, not {cell}.</source>
            <translation>De celgrootte moet een positief aantal meters zijn, niet {cell}.</translation>
        </message>
        <message>
            <source>The cell size must be more than 0 m, not {value}. Leave it empty to have it chosen automatically.</source>
            <translation>De celgrootte moet meer dan 0 m zijn, niet {value}. Laat het veld leeg om haar automatisch te laten kiezen.</translation>
        </message>
        <message>
            <source>The cells are not squares of one grid: touching hot cells are dissolved into zones.</source>
            <translation>De cellen zijn geen vierkanten van één raster: aangrenzende hete cellen worden samengevoegd tot zones.</translation>
        </message>
        <message>
            <source>The cells form a square grid of {cell} m: zones are built on that grid.</source>
            <translation>De cellen vormen een vierkant raster van {cell} m: de zones worden op dat raster gebouwd.</translation>
        </message>
        <message>
            <source>The distance band ({band} m) is smaller than the {what} ({cell} m), so no cell has a neighbour. Choose a distance band of at least {cell} m (1.5 times the cell size takes in the 8 surrounding squares), or leave it empty to have it chosen.</source>
            <translation>De afstandsband ({band} m) is kleiner dan de {what} ({cell} m), dus geen enkele cel heeft een buur. Kies een afstandsband van minstens {cell} m (1,5 keer de celgrootte neemt de 8 omliggende vierkanten mee), of laat het veld leeg om hem te laten kiezen.</translation>
        </message>
        <message>
            <source>The distance band must be a positive distance, not {band}.</source>
            <translation>De afstandsband moet een positieve afstand zijn, niet {band}.</translation>
        </message>
        <message>
            <source>The distance band must be more than 0 m, not {value}. Leave it empty to have it chosen automatically.</source>
            <translation>De afstandsband moet meer dan 0 m zijn, niet {value}. Laat het veld leeg om hem automatisch te laten kiezen.</translation>
        </message>
        <message>
            <source>The distance band takes in every cell, so every z-score is 0. Choose a smaller distance band.</source>
            <translation>De afstandsband omvat alle cellen, dus elke z-score is 0. Kies een kleinere afstandsband.</translation>
        </message>
        <message>
            <source>The extent {extent} is not a valid rectangle (xmin, ymin, xmax, ymax).</source>
            <translation>De omvang {extent} is geen geldige rechthoek (xmin, ymin, xmax, ymax).</translation>
        </message>
        <message>
            <source>The Gi* layer has no cells.</source>
            <translation>De Gi*-laag heeft geen cellen.</translation>
        </message>
        <message>
            <source>The incident coordinates must be pairs of x and y.</source>
            <translation>De coördinaten van de incidenten moeten paren van x en y zijn.</translation>
        </message>
        <message>
            <source>The incidents layer has no coordinate reference system. Set its CRS in the layer properties.</source>
            <translation>De incidentenlaag heeft geen coördinatenreferentiesysteem. Stel het CRS in bij de laageigenschappen.</translation>
        </message>
        <message>
            <source>The input {layer} is not in a projected CRS in metres ({crs}), so zone areas cannot be measured. Reproject it first, for example to RD New (EPSG:28992).</source>
            <translation>De invoer {layer} staat niet in een geprojecteerd CRS in meters ({crs}), dus de oppervlakte van zones kan niet worden gemeten. Projecteer de invoer eerst, bijvoorbeeld naar RD New (EPSG:28992).</translation>
        </message>
        <message>
            <source>The layer has no field {fields}: choose the output of 'Hot spots (Getis-Ord Gi*)' as the Gi* input.</source>
            <translation>De laag heeft geen veld {fields}: kies de uitvoer van 'Hotspots (Getis-Ord Gi*)' als Gi*-invoer.</translation>
        </message>
        <message>
            <source>The layer {layer} is in {crs_in}, which does not measure in metres; the analysis runs in {crs} (the data are reprojected) and the output is in that CRS.</source>
            <translation>De laag {layer} staat in {crs_in}, dat niet in meters meet; de analyse rekent in {crs} (de gegevens worden geprojecteerd) en de uitvoer staat in dat CRS.</translation>
        </message>
        <message>
            <source>The method and threshold apply to rasters; with Gi* input the cells of class {level} or higher form the zones.</source>
            <translation>De methode en de drempel gelden voor rasters; bij Gi*-invoer vormen de cellen van klasse {level} of hoger de zones.</translation>
        </message>
        <message>
            <source>The minimum confidence level must be 1 (90%), 2 (95%) or 3 (99%), not {level}.</source>
            <translation>Het minimale betrouwbaarheidsniveau moet 1 (90%), 2 (95%) of 3 (99%) zijn, niet {level}.</translation>
        </message>
        <message>
            <source>The minimum zone area cannot be negative ({min_area}).</source>
            <translation>De kleinste zone-oppervlakte kan niet negatief zijn ({min_area}).</translation>
        </message>
        <message>
            <source>The number of permutations cannot be negative ({permutations}).</source>
            <translation>Het aantal permutaties kan niet negatief zijn ({permutations}).</translation>
        </message>
        <message>
            <source>The polygon mode needs an area layer: choose the areas (for example the buurten, the layer areas of the safety GeoPackage with the filter level = 'buurt'), or choose a square or hexagonal grid.</source>
            <translation>Voor gebieden is een gebiedenlaag nodig: kies de gebieden (bijvoorbeeld de buurten, de laag areas van de veiligheids-GeoPackage met het filter level = 'buurt'), of kies een vierkant of zeshoekig raster.</translation>
        </message>
        <message>
            <source>The raster has no valid cells (all nodata).</source>
            <translation>Het raster heeft geen geldige cellen (alles nodata).</translation>
        </message>
        <message>
            <source>The raster has {rows} x {cols} cells, more than {max} million: it is read in blocks of {f} x {f} cells, each taking the highest value it holds, so the zones follow cells {f} times as large.</source>
            <translation>Het raster heeft {rows} x {cols} cellen, meer dan {max} miljoen: het wordt gelezen in blokken van {f} x {f} cellen, die elk de hoogste waarde erin krijgen, dus de zones volgen cellen die {f} keer zo groot zijn.</translation>
        </message>
        <message>
            <source>The raster must be 2-D with at least one cell; it has shape {shape}.</source>
            <translation>Het raster moet tweedimensionaal zijn met minstens één cel; het heeft de vorm {shape}.</translation>
        </message>
        <message>
            <source>The raster {layer} has no valid cells (all nodata).</source>
            <translation>Het raster {layer} heeft geen geldige cellen (alles nodata).</translation>
        </message>
        <message>
            <source>The raster {layer} is not a file GDAL can read (such as a GeoTIFF).</source>
            <translation>Het raster {layer} is geen bestand dat GDAL kan lezen (zoals een GeoTIFF).</translation>
        </message>
        <message>
            <source>The raster's geotransform must be six numbers (x0, px, 0, y0, 0, -py), not {transform}.</source>
            <translation>De geotransformatie van het raster moet uit zes getallen bestaan (x0, px, 0, y0, 0, -py), niet {transform}.</translation>
        </message>
        <message>
            <source>The raster's geotransform {transform} has a zero pixel size.</source>
            <translation>De geotransformatie {transform} van het raster heeft een pixelgrootte van nul.</translation>
        </message>
        <message>
            <source>The study area has no size (all incidents at one spot?), so no cell size can be chosen. Give a cell size.</source>
            <translation>Het studiegebied heeft geen oppervlakte (alle incidenten op één plek?), dus er kan geen celgrootte worden gekozen. Geef een celgrootte op.</translation>
        </message>
        <message>
            <source>The study area layer has no polygons.</source>
            <translation>De laag met het studiegebied heeft geen polygonen.</translation>
        </message>
        <message>
            <source>The study-area mask has {nm} cells, the grid {n}.</source>
            <translation>Het masker van het studiegebied heeft {nm} cellen, het raster {n}.</translation>
        </message>
        <message>
            <source>The threshold value must be a number, not {threshold}.</source>
            <translation>De drempelwaarde moet een getal zijn, niet {threshold}.</translation>
        </message>
        <message>
            <source>The threshold {threshold} is above the highest value in the raster ({maximum}); no cell would be selected. Choose a threshold of at most {maximum}.</source>
            <translation>De drempel {threshold} ligt boven de hoogste waarde in het raster ({maximum}); er zou geen enkele cel worden gekozen. Kies een drempel van hooguit {maximum}.</translation>
        </message>
        <message>
            <source>The top percentage must be more than 0 and at most 100, not {percent}.</source>
            <translation>Het percentage moet groter zijn dan 0 en hooguit 100, niet {percent}.</translation>
        </message>
        <message>
            <source>The top percentage of the cells</source>
            <translation>Het hoogste percentage van de cellen</translation>
        </message>
        <message>
            <source>The top {percent}% of the cells cannot be told apart from the rest: {share}% of the valid cells share the lowest value {value}. Choose a smaller percentage or a threshold value.</source>
            <translation>De hoogste {percent}% van de cellen zijn niet van de rest te onderscheiden: {share}% van de geldige cellen heeft de laagste waarde {value}. Kies een kleiner percentage of een drempelwaarde.</translation>
        </message>
        <message>
            <source>The top {percent}% of the {n} valid cells have a value of at least {threshold}: {k} cells.</source>
            <translation>De hoogste {percent}% van de {n} geldige cellen hebben een waarde van minstens {threshold}: {k} cellen.</translation>
        </message>
        <message>
            <source>The valid-cell mask has shape {mask_shape}, the raster {shape}.</source>
            <translation>Het masker van geldige cellen heeft de vorm {mask_shape}, het raster {shape}.</translation>
        </message>
        <message>
            <source>The value grid has shape {value_shape}, the class grid {shape}.</source>
            <translation>Het raster met waarden heeft de vorm {value_shape}, het raster met klassen {shape}.</translation>
        </message>
        <message>
            <source>The values are nearly all different, so the permutation nulls use value bins: the p-values are a close approximation.</source>
            <translation>De waarden zijn bijna allemaal verschillend, dus de permutatieverdelingen gebruiken waardeklassen: de p-waarden zijn een goede benadering.</translation>
        </message>
        <message>
            <source>The x and y coordinates differ in length ({nx} and {ny}).</source>
            <translation>De x- en y-coördinaten verschillen in lengte ({nx} en {ny}).</translation>
        </message>
        <message>
            <source>There are no incidents to count and no extent was given.</source>
            <translation>Er zijn geen incidenten om te tellen en er is geen omvang opgegeven.</translation>
        </message>
        <message>
            <source>There are no incidents, so no cell size can be chosen. Check the input layer and the filter.</source>
            <translation>Er zijn geen incidenten, dus er kan geen celgrootte worden gekozen. Controleer de invoerlaag en het filter.</translation>
        </message>
        <message>
            <source>There are {nv} values for {n} cells or areas.</source>
            <translation>Er zijn {nv} waarden voor {n} cellen of gebieden.</translation>
        </message>
        <message>
            <source>There are {nw} weights for {n} incidents.</source>
            <translation>Er zijn {nw} gewichten voor {n} incidenten.</translation>
        </message>
        <message>
            <source>Threshold value (raster)</source>
            <translation>Drempelwaarde (raster)</translation>
        </message>
        <message>
            <source>Threshold value used (raster)</source>
            <translation>Gebruikte drempelwaarde (raster)</translation>
        </message>
        <message>
            <source>Top percentage of the valid raster cells</source>
            <translation>Hoogste percentage van de geldige rastercellen</translation>
        </message>
        <message>
            <source>Weight field (summed instead of counting incidents; empty: count)</source>
            <translation>Gewichtsveld (opgeteld in plaats van incidenten te tellen; leeg: tellen)</translation>
        </message>
        <message>
            <source>With a cell size of {cell} m the grid would have {n_cells} cells ({rows} x {cols}); at most {max_cells} are allowed. Choose a larger cell size or a smaller extent.</source>
            <translation>Met een celgrootte van {cell} m zou het raster {n_cells} cellen hebben ({rows} x {cols}); er zijn er hooguit {max_cells} toegestaan. Kies een grotere celgrootte of een kleinere omvang.</translation>
        </message>
        <message>
            <source>With a distance band of {band} m no cell or area has a neighbour. Choose a larger distance band (at least the distance between neighbouring centres).</source>
            <translation>Met een afstandsband van {band} m heeft geen enkele cel of gebied een buur. Kies een grotere afstandsband (minstens de afstand tussen naburige middelpunten).</translation>
        </message>
        <message>
            <source>Zone {rank}</source>
            <translation>Zone {rank}</translation>
        </message>
        <message>
            <source>Zone {rank}: peak {peak} at ({x}, {y}), {area} m², {cells} cells{incidents}.</source>
            <translation>Zone {rank}: piek {peak} op ({x}, {y}), {area} m², {cells} cellen{incidents}.</translation>
        </message>
        <message>
            <source>{n} areas take part, holding {count} incidents.</source>
            <translation>{n} gebieden doen mee, met samen {count} incidenten.</translation>
        </message>
        <message>
            <source>{n} areas without a usable polygon are left out.</source>
            <translation>{n} gebieden zonder bruikbare polygoon zijn weggelaten.</translation>
        </message>
        <message>
            <source>{n} incidents are counted per zone.</source>
            <translation>{n} incidenten worden per zone geteld.</translation>
        </message>
        <message>
            <source>{n} incidents have no location and are left out.</source>
            <translation>{n} incidenten hebben geen locatie en zijn weggelaten.</translation>
        </message>
        <message>
            <source>{n} incidents have no weight (NULL or not a number) in field '{field}', for example feature {fid}. Fill in their weights, leave them out with a filter such as "{field}" IS NOT NULL, or run without a weight field.</source>
            <translation>{n} incidenten hebben geen gewicht (NULL of geen getal) in veld '{field}', bijvoorbeeld object {fid}. Vul hun gewichten in, laat ze weg met een filter zoals "{field}" IS NOT NULL, of reken zonder gewichtsveld.</translation>
        </message>
        <message>
            <source>{n} incidents lie outside the areas analysed and are not counted.</source>
            <translation>{n} incidenten liggen buiten de geanalyseerde gebieden en worden niet geteld.</translation>
        </message>
        <message>
            <source>{n} incidents lie outside the study area and are not analysed.</source>
            <translation>{n} incidenten liggen buiten het studiegebied en worden niet geanalyseerd.</translation>
        </message>
        <message>
            <source>{n} incidents read.</source>
            <translation>{n} incidenten gelezen.</translation>
        </message>
        <message>
            <source>{n} of the {total} cells are hot spots of at least {confidence} confidence (class {level} or higher).</source>
            <translation>{n} van de {total} cellen zijn hotspots met minstens {confidence} betrouwbaarheid (klasse {level} of hoger).</translation>
        </message>
        <message>
            <source>{n} {unit} have no neighbour within {band} m; their z-score only compares their own value with the mean.</source>
            <translation>{n} {unit} hebben geen buur binnen {band} m; hun z-score vergelijkt alleen hun eigen waarde met het gemiddelde.</translation>
        </message>
        <message>
            <source>{n} {unit}, mean value {mean}; neighbours within {band} m (itself included): {nmin} to {nmax}, {nmean} on average.</source>
            <translation>{n} {unit}, gemiddelde waarde {mean}; buren binnen {band} m (zelf meegeteld): {nmin} tot {nmax}, gemiddeld {nmean}.</translation>
        </message>
    </context>
</TS>
