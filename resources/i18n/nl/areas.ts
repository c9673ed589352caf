<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Areas (polygon layer: CBS wijk- en buurtkaart, Statbel statistical sectors, …)</source>
            <translation>Gebieden (vlakkenlaag: CBS wijk- en buurtkaart, statistische sectoren van Statbel, …)</translation>
        </message>
        <message>
            <source>Areas added</source>
            <translation>Gebieden toegevoegd</translation>
        </message>
        <message>
            <source>Areas updated</source>
            <translation>Gebieden bijgewerkt</translation>
        </message>
        <message>
            <source>Areas without a known number of inhabitants</source>
            <translation>Gebieden zonder bekend inwonertal</translation>
        </message>
        <message>
            <source>buurt (neighbourhood)</source>
            <translation>buurt</translation>
        </message>
        <message>
            <source>Choose the code field: none of the fields ({fields}) looks like a buurt, wijk, gemeente or sector code.</source>
            <translation>Kies het codeveld: geen van de velden ({fields}) lijkt op een buurt-, wijk-, gemeente- of sectorcode.</translation>
        </message>
        <message>
            <source>Choose the municipality code field to import only some municipalities.</source>
            <translation>Kies het veld met de gemeentecode om alleen enkele gemeenten te importeren.</translation>
        </message>
        <message>
            <source>Code field [guessed when empty]</source>
            <translation>Codeveld [geraden als leeg]</translation>
        </message>
        <message>
            <source>Code {code} already holds the newer year {stored} (this layer is of {year})</source>
            <translation>Code {code} heeft al het nieuwere jaar {stored} (deze laag is van {year})</translation>
        </message>
        <message>
            <source>Dwellings field [guessed when empty]</source>
            <translation>Veld woningen [geraden als leeg]</translation>
        </message>
        <message>
            <source>Features skipped</source>
            <translation>Objecten overgeslagen</translation>
        </message>
        <message>
            <source>Field '{field}' is used as {role}.</source>
            <translation>Veld '{field}' wordt gebruikt als {role}.</translation>
        </message>
        <message>
            <source>gemeente (municipality)</source>
            <translation>gemeente</translation>
        </message>
        <message>
            <source>Import areas (buurten, wijken)</source>
            <translation>Gebieden importeren (buurten, wijken)</translation>
        </message>
        <message>
            <source>Import areas (buurten, wijken)…</source>
            <translation>Gebieden importeren (buurten, wijken)…</translation>
        </message>
        <message>
            <source>Inhabitants field [guessed when empty]</source>
            <translation>Veld inwoners [geraden als leeg]</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <source>Municipality code field [guessed when empty]</source>
            <translation>Veld gemeentecode [geraden als leeg]</translation>
        </message>
        <message>
            <source>Name field [guessed when empty]</source>
            <translation>Naamveld [geraden als leeg]</translation>
        </message>
        <message>
            <source>No code</source>
            <translation>Geen code</translation>
        </message>
        <message>
            <source>No usable polygon</source>
            <translation>Geen bruikbaar vlak</translation>
        </message>
        <message>
            <source>None of the features can be imported (no code or no polygon, or no feature of the chosen municipalities), so nothing was changed.</source>
            <translation>Geen van de objecten kan worden geïmporteerd (geen code of geen vlak, of geen object van de gekozen gemeenten), dus er is niets veranderd.</translation>
        </message>
        <message>
            <source>Only these municipalities (codes, e.g. GM0363 or 11002; empty: all)</source>
            <translation>Alleen deze gemeenten (codes, bijv. GM0363 of 11002; leeg: alle)</translation>
        </message>
        <message>
            <source>Reprojected from {source} to {target}.</source>
            <translation>Omgezet van {source} naar {target}.</translation>
        </message>
        <message>
            <source>Same code {code} as an earlier feature of this layer</source>
            <translation>Zelfde code {code} als een eerder object van deze laag</translation>
        </message>
        <message>
            <source>statistical sector (Belgium)</source>
            <translation>statistische sector (België)</translation>
        </message>
        <message>
            <source>The ends of the incidents' time windows cannot be read as dates and times.</source>
            <translation>De eindtijden van de tijdvensters van de incidenten zijn niet als datum en tijd te lezen.</translation>
        </message>
        <message>
            <source>The input has no CRS: its coordinates are taken to be in the GeoPackage's CRS {crs}.</source>
            <translation>De invoer heeft geen CRS: de coördinaten worden gelezen in het CRS van de GeoPackage, {crs}.</translation>
        </message>
        <message>
            <source>The input has no field(s) {missing}. Its fields are: {fields}.</source>
            <translation>De invoer heeft geen veld(en) {missing}. De velden zijn: {fields}.</translation>
        </message>
        <message>
            <source>The input has no polygons: choose a polygon layer of areas.</source>
            <translation>De invoer heeft geen vlakken: kies een vlakkenlaag met gebieden.</translation>
        </message>
        <message>
            <source>Unknown level '{level}': choose buurt, wijk, gemeente or sector.</source>
            <translation>Onbekend niveau '{level}': kies buurt, wijk, gemeente of sector.</translation>
        </message>
        <message>
            <source>Weekday x hour and day parts count each incident in the hour it began; no incident of the period has a known end of its time window.</source>
            <translation>Weekdag x uur en dagdelen tellen elk incident in het uur waarin het begon; geen incident van de periode heeft een bekend einde van zijn tijdvenster.</translation>
        </message>
        <message>
            <source>Weekday x hour and day parts: an incident with a known time window (for example a burglary found after a holiday) is spread evenly over the hours its window covers (aoristic analysis, Ratcliffe 2002; windows of 7 days or more evenly over the whole week); an incident with only a begin time counts in that hour ({window} incidents of the period spread over their window, {begin_only} counted at their begin time).</source>
            <translation>Weekdag x uur en dagdelen: een incident met een bekend tijdvenster (bijvoorbeeld een inbraak die na de vakantie is ontdekt) wordt gelijk verdeeld over de uren die het venster beslaat (aoristische analyse, Ratcliffe 2002; vensters van 7 dagen of langer gelijk over de hele week); een incident met alleen een begintijd telt in dat uur ({window} incidenten van de periode verdeeld over hun venster, {begin_only} geteld op hun begintijd).</translation>
        </message>
        <message>
            <source>wijk (district)</source>
            <translation>wijk</translation>
        </message>
        <message>
            <source>Year of the map (empty: from the file name)</source>
            <translation>Jaar van de kaart (leeg: uit de bestandsnaam)</translation>
        </message>
        <message>
            <source>{level}: {inserted} added, {updated} updated, {skipped} skipped; year {year}.</source>
            <translation>{level}: {inserted} toegevoegd, {updated} bijgewerkt, {skipped} overgeslagen; jaar {year}.</translation>
        </message>
        <message>
            <source>{n} features of other municipalities were left out.</source>
            <translation>{n} objecten van andere gemeenten zijn weggelaten.</translation>
        </message>
        <message>
            <source>{n} of {total} areas have no known number of inhabitants (empty, or secret or missing in the source); their rates stay empty.</source>
            <translation>{n} van {total} gebieden hebben geen bekend inwonertal (leeg, of geheim of ontbrekend in de bron); hun cijfers per inwoner blijven leeg.</translation>
        </message>
    </context>
</TS>
