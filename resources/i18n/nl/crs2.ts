<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>damaged</source>
            <translation>beschadigd</translation>
        </message>
        <message>
            <source>it is a geographic CRS, in degrees</source>
            <translation>het is een geografisch CRS, in graden</translation>
        </message>
        <message>
            <source>its scale factor in its area of use reaches {scale}, so its distances are not metres on the ground</source>
            <translation>de schaalfactor in zijn toepassingsgebied loopt op tot {scale}, dus zijn afstanden zijn geen meters op de grond</translation>
        </message>
        <message>
            <source>the centre of the area of use of {crs}</source>
            <translation>het midden van het toepassingsgebied van {crs}</translation>
        </message>
        <message>
            <source>the environment scan</source>
            <translation>de omgevingsscan</translation>
        </message>
        <message>
            <source>The GeoPackage is in {crs}, whose map unit is {unit} m: distances given in metres are converted to its units, and lengths and areas back to metres.</source>
            <translation>De GeoPackage is in {crs}, waarvan de kaarteenheid {unit} m is: afstanden in meters worden omgerekend naar die eenheid, en lengtes en oppervlakten terug naar meters.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} is in {crs}, and {cause}; {what} measures distances in metres on the ground. Make a safety GeoPackage in {out} ({out_name}) with 'Create safety GeoPackage' and import the data into it.</source>
            <translation>De GeoPackage {path} is in {crs}, en {cause}; {what} meet afstanden in meters op de grond. Maak een veiligheids-GeoPackage in {out} ({out_name}) met 'Veiligheids-GeoPackage maken' en importeer de gegevens daarin.</translation>
        </message>
        <message>
            <source>the municipality code {code}</source>
            <translation>de gemeentecode {code}</translation>
        </message>
        <message>
            <source>The point {x},{y} [{crs}] lies far from the data: a point in degrees is written with the longitude first. Did you mean '{y},{x} [{crs}]'?</source>
            <translation>Het punt {x},{y} [{crs}] ligt ver van de gegevens: een punt in graden schrijf je met de lengtegraad eerst. Bedoelde je '{y},{x} [{crs}]'?</translation>
        </message>
        <message>
            <source>The safety GeoPackage cannot be made in {crs}: {cause}. Choose a projected CRS in metres for the municipality's area: RD New (EPSG:28992) in the Netherlands, Belgian Lambert 2008 (EPSG:3812) in Belgium or the local UTM zone; or give the municipality's code (CBS code such as GM0344, or NIS code such as 44021) so that the CRS can be chosen.</source>
            <translation>De veiligheids-GeoPackage kan niet in {crs} worden gemaakt: {cause}. Kies een geprojecteerd CRS in meters voor het gebied van de gemeente: RD New (EPSG:28992) in Nederland, Belgian Lambert 2008 (EPSG:3812) in België of de plaatselijke UTM-zone; of geef de code van de gemeente (CBS-code zoals GM0344, of NIS-code zoals 44021), zodat het CRS gekozen kan worden.</translation>
        </message>
        <message>
            <source>The saved scan {reference} ({uuid}) in {path} is damaged: its {column} column cannot be read ({error}). Run the scan again as a new scan, or restore the GeoPackage from a backup.</source>
            <translation>De opgeslagen scan {reference} ({uuid}) in {path} is beschadigd: de kolom {column} is niet te lezen ({error}). Voer de scan opnieuw uit als nieuwe scan, of zet de GeoPackage terug uit een back-up.</translation>
        </message>
        <message>
            <source>the schouw route</source>
            <translation>de schouwroute</translation>
        </message>
        <message>
            <source>{crs} was chosen, but {cause}: the safety GeoPackage is made in {out} ({out_name}) instead, the CRS for distances in metres at the place given by {where}.</source>
            <translation>{crs} was gekozen, maar {cause}: de veiligheids-GeoPackage wordt in plaats daarvan gemaakt in {out} ({out_name}), het CRS voor afstanden in meters op de plek die {where} aangeeft.</translation>
        </message>
    </context>
</TS>
