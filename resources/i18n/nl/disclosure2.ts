<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Charts are tables too: the bars of a chart (months, weekday and hour) are protected beside the total they add up to, and a bar that is not shown is drawn hatched at the height {threshold}, marked "&lt;{threshold}" or "x", never at its own height or in its own colour. The weekday and hour table may hold fractions of incidents (spread over their time window): a cell below {threshold} is not shown, even as a fraction, and the check assumes a reader who knows every shown cell exactly, so no hidden cell can be computed back to within one incident.</source>
            <translation>Grafieken zijn ook tabellen: de staven van een grafiek (maanden, weekdag en uur) worden beschermd naast het totaal waarop ze optellen, en een staaf die niet getoond wordt, is gearceerd getekend op de hoogte {threshold}, gemarkeerd met "&lt;{threshold}" of "x", nooit op zijn eigen hoogte of in zijn eigen kleur. De tabel van weekdag en uur kan delen van incidenten bevatten (verdeeld over hun tijdvenster): een cel onder {threshold} wordt niet getoond, ook niet als breuk, en de controle gaat uit van een lezer die elke getoonde cel precies kent, zodat geen verborgen cel tot op één incident kan worden teruggerekend.</translation>
        </message>
        <message>
            <source>The table is saved as CSV, so it follows the disclosure rule: a count below {t} is shown as "&lt;{t}", a count that would give one back as "x", and values computed from them are empty. Save it as a GeoPackage layer for the exact counts.</source>
            <translation>De tabel wordt als CSV opgeslagen en volgt dus de regel voor kleine aantallen: een aantal onder {t} staat er als "&lt;{t}", een aantal dat er een zou teruggeven als "x", en waarden die ervan zijn afgeleid blijven leeg. Sla de tabel op als GeoPackage-laag voor de precieze aantallen.</translation>
        </message>
        <message>
            <source>x: hidden beside a small count</source>
            <translation>x: verborgen naast een klein aantal</translation>
        </message>
    </context>
</TS>
