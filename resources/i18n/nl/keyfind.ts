<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Score = effect size x certainty x harm weight: effect size = |ln(estimate / reference)|; certainty = min(1, log10(1/q-value) / 3); harm weight = the mean harm weight of the group's incidents (the categories table's default weights, e.g. 1 bicycle theft, 3 burglary of a dwelling, 4 public violence, 10 murder). The at most 7 findings with the highest score whose figures may be published at this report's threshold {threshold} are the key findings of chapter 5: a key finding of the scan whose figures this report withholds (its threshold is higher than the scan's) is listed in appendix B only, and the next finding by score whose figures are published takes its place. Risk objects near hotspot zones and red inspection findings are findings without a test and never key. Every finding proposes measures from the measures catalogue and is checked by the author.</source>
            <translation>Score = effectgrootte x zekerheid x schadegewicht: effectgrootte = |ln(schatting / referentie)|; zekerheid = min(1, log10(1/q-waarde) / 3); schadegewicht = het gemiddelde schadegewicht van de incidenten van de groep (de standaardgewichten van de categorieëntabel, bijv. 1 fietsdiefstal, 3 woninginbraak, 4 openlijk geweld, 10 moord). De hoogstens 7 bevindingen met de hoogste score waarvan de cijfers bij de drempel {threshold} van dit rapport gepubliceerd mogen worden, zijn de kernbevindingen van hoofdstuk 5: een kernbevinding van de scan waarvan dit rapport de cijfers niet publiceert (omdat zijn drempel hoger is dan die van de scan), staat alleen in bijlage B, en de volgende bevinding op score waarvan de cijfers wel gepubliceerd worden, neemt haar plaats in. Risico-objecten bij hotspotzones en rode schouwbevindingen zijn bevindingen zonder toets en nooit kern. Elke bevinding stelt maatregelen uit de maatregelencatalogus voor en wordt door de auteur gecontroleerd.</translation>
        </message>
        <message>
            <source>{field} – {finding}</source>
            <translation>{field} – {finding}</translation>
        </message>
    </context>
</TS>
