<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>[score {score}]</source>
            <translation>[score {score}]</translation>
        </message>
        <message>
            <source>Added by the author</source>
            <translation>Toegevoegd door de auteur</translation>
        </message>
        <message>
            <source>All {n} findings, with their supporting evidence, are listed in appendix B.</source>
            <translation>Alle {n} bevindingen, met hun onderbouwing, staan in bijlage B.</translation>
        </message>
        <message>
            <source>Appendix B Findings</source>
            <translation>Bijlage B Bevindingen</translation>
        </message>
        <message>
            <source>concentration in hotspot zones</source>
            <translation>concentratie in hotspotzones</translation>
        </message>
        <message>
            <source>decrease against the comparison period</source>
            <translation>afname tegen de vergelijkingsperiode</translation>
        </message>
        <message>
            <source>Each rule compares the area with a reference for the same group, by an exact test: the rate against the whole reference area (binomial test; per 1,000 inhabitants for the fields where people live: safe living environment, youth, integrity; per km² for business and physical safety, and when the area has fewer than 100 inhabitants), the count against the comparison period (conditional binomial test), the share in the evening and at night (19:00-07:00) against that share in the rest of the reference area (Fisher's exact test; an incident's time is its begin time or the middle of a crime window shorter than 12 hours), and the share in hotspot zones against that share among the other incidents of the area (Fisher's exact test; the zones are drawn around the densest cells of the same incidents, so their share of the surface is no fair reference). Intervals are exact (Clopper-Pearson) at {level}%.</source>
            <translation>Elke regel vergelijkt het gebied met een referentie voor dezelfde groep, met een exacte toets: het cijfer tegen het hele referentiegebied (binomiale toets; per 1.000 inwoners voor de velden waar mensen wonen: veilige woon- en leefomgeving, jeugd, integriteit; per km² voor bedrijvigheid en fysieke veiligheid, en als het gebied minder dan 100 inwoners heeft), het aantal tegen de vergelijkingsperiode (conditionele binomiale toets), het aandeel in de avond en nacht (19:00-07:00) tegen dat aandeel in de rest van het referentiegebied (exacte toets van Fisher; het tijdstip van een incident is het begintijdstip of het midden van een pleegvenster korter dan 12 uur), en het aandeel in hotspotzones tegen dat aandeel onder de andere incidenten van het gebied (exacte toets van Fisher; de zones liggen om de dichtste cellen van dezelfde incidenten, dus hun aandeel in de oppervlakte is geen eerlijke referentie). Intervallen zijn exact (Clopper-Pearson) op {level}%.</translation>
        </message>
        <message>
            <source>evening and night against the rest of the reference area</source>
            <translation>avond en nacht tegen de rest van het referentiegebied</translation>
        </message>
        <message>
            <source>Every finding of the advice, numbered as in chapter 5 and 6. A finding groups the tests of one safety field that passed; its first line is its strongest evidence, the lines below it the other tests. Key findings are marked with *.</source>
            <translation>Alle bevindingen van het advies, genummerd als in hoofdstuk 5 en 6. Een bevinding bundelt de geslaagde toetsen van één veiligheidsveld; de eerste regel is het sterkste bewijs, de regels eronder de andere toetsen. Kernbevindingen zijn gemarkeerd met *.</translation>
        </message>
        <message>
            <source>False discoveries are controlled over all {m} tests of this scan together with the Benjamini-Hochberg procedure at q = {q}. A test leads to a finding when its adjusted p-value is below q, the difference lies in the rule's direction and it is large enough (rate ratio or share ratio at least 1.25, change at least 25%, concentration in zones at least 1.5 times). The tests of one safety field form one finding; its strongest evidence is its text, the others are supporting lines (appendix B).</source>
            <translation>Valse ontdekkingen worden beheerst over alle {m} toetsen van deze scan samen met de Benjamini-Hochberg-procedure bij q = {q}. Een toets leidt tot een bevinding als zijn gecorrigeerde p-waarde onder q ligt, het verschil in de richting van de regel ligt en groot genoeg is (cijferverhouding of aandeelverhouding minstens 1,25, verandering minstens 25%, concentratie in zones minstens 1,5 keer). De toetsen van één veiligheidsveld vormen één bevinding; het sterkste bewijs is de tekst, de andere zijn onderbouwende regels (bijlage B).</translation>
        </message>
        <message>
            <source>increase against the comparison period</source>
            <translation>toename tegen de vergelijkingsperiode</translation>
        </message>
        <message>
            <source>Key (score)</source>
            <translation>Kern (score)</translation>
        </message>
        <message>
            <source>key ({score})</source>
            <translation>kern ({score})</translation>
        </message>
        <message>
            <source>Key findings</source>
            <translation>Kernbevindingen</translation>
        </message>
        <message>
            <source>Key findings (at most 7) open the report's conclusions; score = effect size x certainty x harm weight.</source>
            <translation>Kernbevindingen (hoogstens 7) openen de conclusies van het rapport; score = effectgrootte x zekerheid x schadegewicht.</translation>
        </message>
        <message>
            <source>No figure of this scan differs clearly from its reference after the correction for the number of tests (appendix A): there is no key finding.</source>
            <translation>Geen cijfer van deze scan wijkt duidelijk af van zijn referentie na de correctie voor het aantal toetsen (bijlage A): er is geen kernbevinding.</translation>
        </message>
        <message>
            <source>No findings.</source>
            <translation>Geen bevindingen.</translation>
        </message>
        <message>
            <source>rate against the reference area</source>
            <translation>cijfer tegen het referentiegebied</translation>
        </message>
        <message>
            <source>Score = effect size x certainty x harm weight: effect size = |ln(estimate / reference)|; certainty = min(1, log10(1/q-value) / 3); harm weight = the mean harm weight of the group's incidents (the categories table's default weights, e.g. 1 bicycle theft, 3 burglary of a dwelling, 4 public violence, 10 murder). The at most 7 findings with the highest score whose figures may be published are the key findings of chapter 5. Risk objects near hotspot zones and red inspection findings are findings without a test and never key. Every finding proposes measures from the measures catalogue and is checked by the author.</source>
            <translation>Score = effectgrootte x zekerheid x schadegewicht: effectgrootte = |ln(schatting / referentie)|; zekerheid = min(1, log10(1/q-waarde) / 3); schadegewicht = het gemiddelde schadegewicht van de incidenten van de groep (de standaardgewichten van de categorieëntabel, bijv. 1 fietsdiefstal, 3 woninginbraak, 4 openlijk geweld, 10 moord). De hoogstens 7 bevindingen met de hoogste score waarvan de cijfers gepubliceerd mogen worden, zijn de kernbevindingen van hoofdstuk 5. Risico-objecten bij hotspotzones en rode schouwbevindingen zijn bevindingen zonder toets en nooit kern. Elke bevinding stelt maatregelen uit de maatregelencatalogus voor en wordt door de auteur gecontroleerd.</translation>
        </message>
        <message>
            <source>The {k} key findings of this scan, the strongest first (score = effect size x certainty x harm weight, appendix A). Each gives the one figure that proves it: the estimate with its interval and the reference it is compared with. The numbers refer to appendix B; the numbers in brackets to the measures in chapter 6.</source>
            <translation>De {k} kernbevindingen van deze scan, de sterkste eerst (score = effectgrootte x zekerheid x schadegewicht, bijlage A). Elk geeft het ene cijfer dat haar bewijst: de schatting met haar interval en de referentie waarmee ze vergeleken is. De nummers verwijzen naar bijlage B; de nummers tussen haakjes naar de maatregelen in hoofdstuk 6.</translation>
        </message>
        <message>
            <source>{label}: a significant difference ({test}); its figures are not published because they rest on a small count</source>
            <translation>{label}: een significant verschil ({test}); de cijfers worden niet gepubliceerd omdat ze op een klein aantal berusten</translation>
        </message>
        <message>
            <source>{label}: all {n} incidents of the reference area in this period lay in this area, {ratio} times its rate per 1,000 inhabitants ({level}% interval {ci_low}-{ci_high})</source>
            <translation>{label}: alle {n} incidenten van het referentiegebied in deze periode lagen in dit gebied, {ratio} keer zijn cijfer per 1.000 inwoners ({level}%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: all {n} incidents of the reference area in this period lay in this area, {ratio} times its rate per km² ({level}% interval {ci_low}-{ci_high})</source>
            <translation>{label}: alle {n} incidenten van het referentiegebied in deze periode lagen in dit gebied, {ratio} keer zijn cijfer per km² ({level}%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {n} incidents against {n_comparison} in the comparison period, {ratio} times as many ({level}% interval {ci_low}-{ci_high})</source>
            <translation>{label}: {n} incidenten tegen {n_comparison} in de vergelijkingsperiode, {ratio} keer zoveel ({level}%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {n} incidents against {n_comparison} in the comparison period, {ratio} times as many, a decrease ({level}% interval {ci_low}-{ci_high})</source>
            <translation>{label}: {n} incidenten tegen {n_comparison} in de vergelijkingsperiode, {ratio} keer zoveel, een afname ({level}%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {rate} incidents per 1,000 inhabitants against {reference_rate} in the whole reference area, {ratio} times as many ({level}% interval {ci_low}-{ci_high})</source>
            <translation>{label}: {rate} incidenten per 1.000 inwoners tegen {reference_rate} in het hele referentiegebied, {ratio} keer zoveel ({level}%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {rate} incidents per km² against {reference_rate} in the whole reference area, {ratio} times as many ({level}% interval {ci_low}-{ci_high})</source>
            <translation>{label}: {rate} incidenten per km² tegen {reference_rate} in het hele referentiegebied, {ratio} keer zoveel ({level}%-interval {ci_low}-{ci_high})</translation>
        </message>
        <message>
            <source>{label}: {share} of the incidents in hotspot zones ({level}% interval {share_low}-{share_high}), against {reference_share} of the other incidents in the area (the zones cover {area_share} of it)</source>
            <translation>{label}: {share} van de incidenten in hotspotzones ({level}%-interval {share_low}-{share_high}), tegen {reference_share} van de andere incidenten in het gebied (de zones beslaan {area_share} ervan)</translation>
        </message>
        <message>
            <source>{label}: {share} of the incidents in the evening or at night, 19:00-07:00 ({level}% interval {share_low}-{share_high}), against {reference_share} in the rest of the reference area</source>
            <translation>{label}: {share} van de incidenten in de avond of nacht, 19:00-07:00 ({level}%-interval {share_low}-{share_high}), tegen {reference_share} in de rest van het referentiegebied</translation>
        </message>
    </context>
</TS>
