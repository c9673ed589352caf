<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>A layer of the project with the plan drawing</source>
            <translation>Een laag van het project met de plantekening</translation>
        </message>
        <message>
            <source>A negative advice needs a reason: write why, or what the plan must change (one point per line).</source>
            <translation>Een negatief advies heeft een reden nodig: schrijf waarom, of wat het plan moet veranderen (één punt per regel).</translation>
        </message>
        <message>
            <source>a place</source>
            <translation>een plek</translation>
        </message>
        <message>
            <source>A place (the scan area as it is)</source>
            <translation>Een plek (het scangebied zoals het is)</translation>
        </message>
        <message>
            <source>a plan</source>
            <translation>een plan</translation>
        </message>
        <message>
            <source>A plan (a design for the area)</source>
            <translation>Een plan (een ontwerp voor het gebied)</translation>
        </message>
        <message>
            <source>A plan drawing ({source}) belongs to a plan, not to a place: choose 'a plan' or remove the drawing.</source>
            <translation>Een plantekening ({source}) hoort bij een plan, niet bij een plek: kies 'een plan' of haal de tekening weg.</translation>
        </message>
        <message>
            <source>A positive advice has no conditions; choose 'positive under conditions' or remove the {n} conditions.</source>
            <translation>Een positief advies heeft geen voorwaarden; kies 'positief onder voorwaarden' of haal de {n} voorwaarden weg.</translation>
        </message>
        <message>
            <source>A positive advice under conditions needs at least one condition: write the conditions, one per line.</source>
            <translation>Een positief advies onder voorwaarden heeft ten minste één voorwaarde nodig: schrijf de voorwaarden, één per regel.</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Toegang</translation>
        </message>
        <message>
            <source>Advice</source>
            <translation>Advies</translation>
        </message>
        <message>
            <source>Advice: {decision}</source>
            <translation>Advies: {decision}</translation>
        </message>
        <message>
            <source>As saved with the scan (none: the report is a concept)</source>
            <translation>Zoals opgeslagen bij de scan (geen: het rapport is een concept)</translation>
        </message>
        <message>
            <source>Clear who owns and manages each part; public and private space marked.</source>
            <translation>Duidelijk wie elk deel bezit en beheert; openbaar en privé gemarkeerd.</translation>
        </message>
        <message>
            <source>CONCEPT</source>
            <translation>CONCEPT</translation>
        </message>
        <message>
            <source>CONCEPT · no verdict has been given yet; this is not an advice</source>
            <translation>CONCEPT · er is nog geen oordeel gegeven; dit is nog geen advies</translation>
        </message>
        <message>
            <source>Concept: {title}</source>
            <translation>Concept: {title}</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>Voorwaarden</translation>
        </message>
        <message>
            <source>Conditions (one per line)</source>
            <translation>Voorwaarden (één per regel)</translation>
        </message>
        <message>
            <source>Conditions or a motivation were given, but there is no verdict: choose positive, positive under conditions or negative.</source>
            <translation>Er zijn voorwaarden of een motivering gegeven, maar geen oordeel: kies positief, positief onder voorwaarden of negatief.</translation>
        </message>
        <message>
            <source>Conditions, one per line (for a negative advice: what the plan must change)</source>
            <translation>Voorwaarden, één per regel (bij een negatief advies: wat het plan moet veranderen)</translation>
        </message>
        <message>
            <source>Design principles (CPTED)</source>
            <translation>Ontwerpprincipes (CPTED)</translation>
        </message>
        <message>
            <source>drawing</source>
            <translation>tekening</translation>
        </message>
        <message>
            <source>e.g. Light the cycle path evenly</source>
            <translation>bijv. Fietspad gelijkmatig verlichten</translation>
        </message>
        <message>
            <source>e.g. Redesign of the Marktplein, design of 12 March</source>
            <translation>bijv. Herinrichting Marktplein, ontwerp van 12 maart</translation>
        </message>
        <message>
            <source>Each principle is scored yes (the design meets it), partly or no, with a remark. Sight lines, lighting and natural surveillance belong to the catalogue's principle natural surveillance; ownership to territorial reinforcement; access to natural access control.</source>
            <translation>Elk principe is beoordeeld met ja (het ontwerp voldoet), deels of nee, met een opmerking. Zichtlijnen, verlichting en natuurlijk toezicht horen bij het principe natuurlijk toezicht van de catalogus; eigenaarschap bij territorialiteit; toegang bij toegangscontrole.</translation>
        </message>
        <message>
            <source>Judge the plan or place: score the design principles, choose the advice and write its conditions.</source>
            <translation>Beoordeel het plan of de plek: scoor de ontwerpprincipes, kies het advies en schrijf de voorwaarden.</translation>
        </message>
        <message>
            <source>Keep hedges along the path below 1 m</source>
            <translation>Hagen langs het pad lager dan 1 m houden</translation>
        </message>
        <message>
            <source>Lighting</source>
            <translation>Verlichting</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Onderhoud en beheer</translation>
        </message>
        <message>
            <source>Map: the plan drawing ({layer}) over the scan area.</source>
            <translation>Kaart: de plantekening ({layer}) over het scangebied.</translation>
        </message>
        <message>
            <source>Motivation</source>
            <translation>Motivering</translation>
        </message>
        <message>
            <source>Motivation of the verdict</source>
            <translation>Motivering van het oordeel</translation>
        </message>
        <message>
            <source>Natural surveillance</source>
            <translation>Natuurlijk toezicht</translation>
        </message>
        <message>
            <source>negative</source>
            <translation>negatief</translation>
        </message>
        <message>
            <source>No verdict yet (the report is a concept)</source>
            <translation>Nog geen oordeel (het rapport is een concept)</translation>
        </message>
        <message>
            <source>none yet (concept)</source>
            <translation>nog geen (concept)</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>niet beoordeeld</translation>
        </message>
        <message>
            <source>Open views along routes and into the space: no blind corners, low planting.</source>
            <translation>Open zicht langs routes en in de ruimte: geen dode hoeken, lage beplanting.</translation>
        </message>
        <message>
            <source>Ownership and territoriality</source>
            <translation>Eigenaarschap en territorialiteit</translation>
        </message>
        <message>
            <source>partly</source>
            <translation>deels</translation>
        </message>
        <message>
            <source>Plan drawing</source>
            <translation>Plantekening</translation>
        </message>
        <message>
            <source>Plan: {name}</source>
            <translation>Plan: {name}</translation>
        </message>
        <message>
            <source>positive</source>
            <translation>positief</translation>
        </message>
        <message>
            <source>positive under conditions</source>
            <translation>positief onder voorwaarden</translation>
        </message>
        <message>
            <source>Principle</source>
            <translation>Principe</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>Opmerking</translation>
        </message>
        <message>
            <source>Robust, easy to keep whole and clean; management agreed before delivery.</source>
            <translation>Robuust, makkelijk heel en schoon te houden; beheer afgesproken vóór oplevering.</translation>
        </message>
        <message>
            <source>Routes lead people where they belong; back paths and entrances closed or overseen.</source>
            <translation>Routes leiden mensen waar ze horen; achterpaden en ingangen afgesloten of in het zicht.</translation>
        </message>
        <message>
            <source>Routes, entrances and places to stay lit evenly, without dark spots or glare.</source>
            <translation>Routes, ingangen en verblijfsplekken gelijkmatig verlicht, zonder donkere plekken of verblinding.</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Sight lines</source>
            <translation>Zichtlijnen</translation>
        </message>
        <message>
            <source>The advice is positive on the following conditions:</source>
            <translation>Het advies is positief onder de volgende voorwaarden:</translation>
        </message>
        <message>
            <source>The design principle {key} is scored twice.</source>
            <translation>Het ontwerpprincipe {key} is twee keer beoordeeld.</translation>
        </message>
        <message>
            <source>The design principles (CPTED) are scored in the table on the next page; the evidence (incidents, area, findings and measures) follows from the summary on.</source>
            <translation>De ontwerpprincipes (CPTED) zijn beoordeeld in de tabel op de volgende pagina; de onderbouwing (incidenten, gebied, bevindingen en maatregelen) volgt vanaf de samenvatting.</translation>
        </message>
        <message>
            <source>The layer of the file</source>
            <translation>De laag in het bestand</translation>
        </message>
        <message>
            <source>The plan drawing</source>
            <translation>De plantekening</translation>
        </message>
        <message>
            <source>The plan drawing is the layer {layer} ({source}).</source>
            <translation>De plantekening is de laag {layer} ({source}).</translation>
        </message>
        <message>
            <source>The plan drawing {source} could not be opened; it is not shown.</source>
            <translation>De plantekening {source} kon niet worden geopend; ze wordt niet getoond.</translation>
        </message>
        <message>
            <source>the plan for the scan area</source>
            <translation>het plan voor het scangebied</translation>
        </message>
        <message>
            <source>The plan layer {layer} has no source: choose the layer again.</source>
            <translation>De planlaag {layer} heeft geen bron: kies de laag opnieuw.</translation>
        </message>
        <message>
            <source>The score of {principle} must be yes, partly or no, not {score}.</source>
            <translation>De score van {principle} moet ja, deels of nee zijn, niet {score}.</translation>
        </message>
        <message>
            <source>The stored verdict has a design principle without a key.</source>
            <translation>Het opgeslagen oordeel heeft een ontwerpprincipe zonder sleutel.</translation>
        </message>
        <message>
            <source>The stored verdict has an unknown format; expected {expected}.</source>
            <translation>Het opgeslagen oordeel heeft een onbekend formaat; verwacht: {expected}.</translation>
        </message>
        <message>
            <source>The verdict must be positive, positive under conditions or negative, not {value}.</source>
            <translation>Het oordeel moet positief, positief onder voorwaarden of negatief zijn, niet {value}.</translation>
        </message>
        <message>
            <source>There is no verdict: the report is printed as a concept, not as final.</source>
            <translation>Er is geen oordeel: het rapport wordt als concept gemaakt, niet als definitief.</translation>
        </message>
        <message>
            <source>This advice judges a place: {description}.</source>
            <translation>Dit advies beoordeelt een plek: {description}.</translation>
        </message>
        <message>
            <source>This advice judges a plan: {description}.</source>
            <translation>Dit advies beoordeelt een plan: {description}.</translation>
        </message>
        <message>
            <source>Unknown design principle {key}; known are: {known}.</source>
            <translation>Onbekend ontwerpprincipe {key}; bekend zijn: {known}.</translation>
        </message>
        <message>
            <source>Vector files</source>
            <translation>Vectorbestanden</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Oordeel</translation>
        </message>
        <message>
            <source>Verdict (advice)</source>
            <translation>Oordeel (advies)</translation>
        </message>
        <message>
            <source>Verdict: design principles (CPTED)</source>
            <translation>Oordeel: ontwerpprincipes (CPTED)</translation>
        </message>
        <message>
            <source>What is judged</source>
            <translation>Wat wordt beoordeeld</translation>
        </message>
        <message>
            <source>What is judged must be a place or a plan, not {value}.</source>
            <translation>Wat wordt beoordeeld moet een plek of een plan zijn, niet {value}.</translation>
        </message>
        <message>
            <source>What the plan must change</source>
            <translation>Wat het plan moet veranderen</translation>
        </message>
        <message>
            <source>What the plan must change (one per line)</source>
            <translation>Wat het plan moet veranderen (één per regel)</translation>
        </message>
        <message>
            <source>Windows, entrances and activity overlooking the space (eyes on the street).</source>
            <translation>Ramen, ingangen en activiteit die uitkijken op de ruimte (ogen op straat).</translation>
        </message>
        <message>
            <source>…or a file with the plan drawing</source>
            <translation>…of een bestand met de plantekening</translation>
        </message>
    </context>
</TS>
