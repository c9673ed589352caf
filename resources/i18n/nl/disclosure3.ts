<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>The findings print a figure only when the tables of this report show the counts it rests on: each finding is checked again at this report's threshold {threshold}, and one whose count the tables hide is given without its figures. The evaluation of earlier measures protects the counts of the target, buffer and control areas beside the period's total and gives no percentage change, odds ratio or WDQ computed on a count that is not shown. Where tables add up to another table (the months of each safety field and those of all incidents), they are protected together as one table with its margins.</source>
            <translation>De bevindingen geven een cijfer alleen als de tabellen van dit rapport de aantallen tonen waarop het berust: elke bevinding wordt opnieuw getoetst aan de drempel {threshold} van dit rapport, en een bevinding waarvan de tabellen het aantal verbergen, wordt zonder cijfers gegeven. De evaluatie van eerdere maatregelen beschermt de aantallen in het doelgebied, de buffer en het controlegebied naast het totaal van de periode en geeft geen procentuele verandering, odds ratio of WDQ die berekend is op een aantal dat niet getoond wordt. Waar tabellen optellen tot een andere tabel (de maanden van elk veiligheidsveld en die van alle incidenten), worden ze samen beschermd als één tabel met haar randtotalen.</translation>
        </message>
        <message>
            <source>the percentage changes, the odds ratio and the WDQ computed on a count that is not shown: not to be published, small numbers</source>
            <translation>de procentuele veranderingen, de odds ratio en de WDQ op een aantal dat niet getoond wordt: niet te publiceren, kleine aantallen</translation>
        </message>
    </context>
</TS>
