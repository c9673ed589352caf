<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Grey: no pairs expected.</source>
            <translation>Grijs: geen paren verwacht.</translation>
        </message>
        <message>
            <source>it is in degrees</source>
            <translation>het is in graden</translation>
        </message>
        <message>
            <source>its units are not metres</source>
            <translation>de eenheden zijn geen meters</translation>
        </message>
        <message>
            <source>one of its map units is {scale} metres on the ground there (scale factor), so its distances are not metres on the ground</source>
            <translation>één kaarteenheid is daar {scale} meter op de grond (schaalfactor), dus de afstanden zijn geen meters op de grond</translation>
        </message>
        <message>
            <source>the data cannot be placed on the earth (RD New by default)</source>
            <translation>de gegevens zijn niet op de aarde te plaatsen (standaard RD New)</translation>
        </message>
        <message>
            <source>The input {layer} is not in a CRS that measures metres on the ground ({crs}), so zone areas cannot be measured. Make it in (or reproject it to) {metric}, for example by running the heatmap or Gi* on the incidents, which choose that CRS themselves.</source>
            <translation>De invoer {layer} staat niet in een coördinatenstelsel dat meters op de grond meet ({crs}), dus de oppervlakte van zones kan niet worden gemeten. Maak de invoer in (of projecteer hem naar) {metric}, bijvoorbeeld door de heatmap of Gi* op de incidenten te draaien, die dat stelsel zelf kiezen.</translation>
        </message>
        <message>
            <source>The layer {layer} is in {crs}, and {cause}: distances are measured in {out} ({out_name}; {where}); the data are reprojected to {out}.</source>
            <translation>De laag {layer} staat in {crs}, en {cause}: afstanden worden gemeten in {out} ({out_name}; {where}); de gegevens worden geherprojecteerd naar {out}.</translation>
        </message>
        <message>
            <source>The output is in that CRS.</source>
            <translation>De uitvoer staat in dat coördinatenstelsel.</translation>
        </message>
        <message>
            <source>The radius and pixel size are in metres and the heatmap is in {out}.</source>
            <translation>De straal en de pixelgrootte zijn in meters en de heatmap staat in {out}.</translation>
        </message>
        <message>
            <source>The values are not whole multiples of a small step with few distinct values, so for the permutation nulls they are rounded to an even grid of levels (equal steps between the lowest and the highest value): a window sum's null moves by at most half a step per neighbour, so the p-values are a close approximation.</source>
            <translation>De waarden zijn geen gehele veelvouden van een kleine stap met weinig verschillende waarden, dus voor de permutatie-nulverdelingen worden ze afgerond op een gelijkmatig rooster van niveaus (gelijke stappen tussen de laagste en de hoogste waarde): de nulverdeling van een venstersom verschuift hooguit een halve stap per buur, dus de p-waarden zijn een nauwkeurige benadering.</translation>
        </message>
        <message>
            <source>What a star (significant cell) means</source>
            <translation>Wat een ster (significante cel) betekent</translation>
        </message>
        <message>
            <source>{label}: all {n} incidents of the municipality in this period lay in this area ({ratio}x the municipal average per 1,000 inhabitants)</source>
            <translation>{label}: alle {n} incidenten van de gemeente in deze periode lagen in dit gebied ({ratio}x het gemeentelijk gemiddelde per 1.000 inwoners)</translation>
        </message>
        <message>
            <source>{label}: all {n} incidents of the municipality in this period lay in this area ({ratio}x the municipal average per km²)</source>
            <translation>{label}: alle {n} incidenten van de gemeente in deze periode lagen in dit gebied ({ratio}x het gemeentelijk gemiddelde per km²)</translation>
        </message>
    </context>
</TS>
