<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>All {n} addresses near the {k} incident(s) had a letter in the last {days} days.</source>
            <translation>Alle {n} adressen bij de {k} incident(en) kregen al een brief in de laatste {days} dagen.</translation>
        </message>
        <message>
            <source>Copy the folder to QField, or upload it as a Mergin Maps project. Afterwards import the findings with {step}.</source>
            <translation>Kopieer de map naar QField, of upload hem als Mergin Maps-project. Importeer na afloop de bevindingen met {step}.</translation>
        </message>
        <message>
            <source>No address lies within {distance} m of the {k} incident(s) in the window.</source>
            <translation>Er ligt geen adres binnen {distance} m van de {k} incident(en) in de periode.</translation>
        </message>
        <message>
            <source>No incidents in the {window} days up to and including {now}.</source>
            <translation>Geen incidenten in de {window} dagen tot en met {now}.</translation>
        </message>
        <message>
            <source>No incidents in the {window} days up to and including {now}: the data end on {last}. Choose a reference date up to {last}.</source>
            <translation>Geen incidenten in de {window} dagen tot en met {now}: de gegevens lopen tot {last}. Kies een peildatum tot en met {last}.</translation>
        </message>
        <message>
            <source>not filled in</source>
            <translation>niet ingevuld</translation>
        </message>
        <message>
            <source>not filled in: fill in for the report's title page</source>
            <translation>niet ingevuld: vul in voor de titelpagina van het rapport</translation>
        </message>
        <message>
            <source>Reference date (empty: the date of the last incident)</source>
            <translation>Peildatum (leeg: de datum van het laatste incident)</translation>
        </message>
        <message>
            <source>Reference date used</source>
            <translation>Gebruikte peildatum</translation>
        </message>
        <message>
            <source>Reference date: {date}, the date of the last incident in the data.</source>
            <translation>Peildatum: {date}, de datum van het laatste incident in de gegevens.</translation>
        </message>
        <message>
            <source>Saved in the Hotspot settings for the next reports.</source>
            <translation>Wordt bewaard in de Hotspot-instellingen voor de volgende rapporten.</translation>
        </message>
        <message>
            <source>the date of the last incident</source>
            <translation>de datum van het laatste incident</translation>
        </message>
        <message>
            <source>The folder {folder} already holds a schouw package with findings. Import them first with {step}, or choose another folder.</source>
            <translation>De map {folder} bevat al een schouwpakket met bevindingen. Importeer die eerst met {step}, of kies een andere map.</translation>
        </message>
        <message>
            <source>The folder {folder} already holds a schouw package with {n} findings. Import them first with {step}, or choose another folder. Nothing was changed.</source>
            <translation>De map {folder} bevat al een schouwpakket met {n} bevindingen. Importeer die eerst met {step}, of kies een andere map. Er is niets gewijzigd.</translation>
        </message>
        <message>
            <source>The GeoPackage has no schouw points yet. Choose them first with {step}.</source>
            <translation>De GeoPackage heeft nog geen schouwpunten. Kies ze eerst met {step}.</translation>
        </message>
        <message>
            <source>the last incident was on {date}</source>
            <translation>het laatste incident was op {date}</translation>
        </message>
        <message>
            <source>There are no dated incidents, so no address gets a letter.</source>
            <translation>Er zijn geen incidenten met een datum, dus geen enkel adres krijgt een brief.</translation>
        </message>
        <message>
            <source>There are no schouw points for scan {scan}. Choose them first with {step}.</source>
            <translation>Er zijn geen schouwpunten voor scan {scan}. Kies ze eerst met {step}.</translation>
        </message>
        <message>
            <source>Why the list is empty (empty when it is not)</source>
            <translation>Waarom de lijst leeg is (leeg als hij dat niet is)</translation>
        </message>
        <message>
            <source>X {x}, Y {y}</source>
            <translation>X {x}, Y {y}</translation>
        </message>
        <message>
            <source>{path} already existed and was kept.</source>
            <translation>{path} bestond al en is bewaard.</translation>
        </message>
    </context>
</TS>
