<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>the geometry cannot be read</source>
            <translation>de geometrie is niet te lezen</translation>
        </message>
    </context>
</TS>
