<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Also import incidents outside the study area (the buurten/wijken in the GeoPackage)</source>
            <translation>Ook incidenten buiten het onderzoeksgebied importeren (de buurten/wijken in de GeoPackage)</translation>
        </message>
        <message>
            <source>Outside the study area (the buurten/wijken in the GeoPackage)</source>
            <translation>Buiten het onderzoeksgebied (de buurten/wijken in de GeoPackage)</translation>
        </message>
        <message>
            <source>When the GeoPackage holds areas (buurten/wijken), an incident inside the Netherlands or Belgium but outside all of them is rejected as outside the study area. Tick this to import such incidents anyway. Without areas every incident in NL/BE is imported.</source>
            <translation>Als de GeoPackage gebieden bevat (buurten/wijken), wordt een incident binnen Nederland of België maar buiten al die gebieden afgewezen als buiten het onderzoeksgebied. Vink dit aan om zulke incidenten toch te importeren. Zonder gebieden wordt elk incident in NL/BE geïmporteerd.</translation>
        </message>
    </context>
</TS>
