<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>none yet: the report will be a concept</source>
            <translation>nog geen: het rapport wordt een concept</translation>
        </message>
        <message>
            <source>{n} ({key} key findings)</source>
            <translation>{n} ({key} kernbevindingen)</translation>
        </message>
        <message>
            <source>{n} conditions</source>
            <translation>{n} voorwaarden</translation>
        </message>
    </context>
</TS>
