<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Cancel the report</source>
            <translation>Rapport annuleren</translation>
        </message>
        <message>
            <source>The report is still being made. Stop it and close?</source>
            <translation>Het rapport wordt nog gemaakt. Stoppen en sluiten?</translation>
        </message>
    </context>
</TS>
