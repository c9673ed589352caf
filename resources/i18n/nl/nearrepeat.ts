<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>* = more pairs than expected by chance (Knox ratio above 1) with p &lt; {alpha} in that cell on its own (not corrected for the {cells} cells tested).</source>
            <translation>* = meer paren dan door toeval verwacht (Knox-ratio boven 1) met p &lt; {alpha} in die cel afzonderlijk (niet gecorrigeerd voor de {cells} geteste cellen).</translation>
        </message>
        <message>
            <source>* = more pairs than expected by chance (Knox ratio above 1), significant at a false discovery rate of {alpha} over all {cells} cells of the table (Benjamini-Hochberg).</source>
            <translation>* = meer paren dan door toeval verwacht (Knox-ratio boven 1), significant bij een false discovery rate van {alpha} over alle {cells} cellen van de tabel (Benjamini-Hochberg).</translation>
        </message>
        <message>
            <source>All {n} incidents have the same date, so there is no time pattern to test. Use incidents from a longer period.</source>
            <translation>Alle {n} incidenten hebben dezelfde datum, dus er is geen patroon in de tijd te toetsen. Gebruik incidenten uit een langere periode.</translation>
        </message>
        <message>
            <source>Dates must be dates or numbers of days; could not read "{example}".</source>
            <translation>Datums moeten datums of aantallen dagen zijn; "{example}" kon niet worden gelezen.</translation>
        </message>
        <message>
            <source>Give at least two distance band edges (for example 0, 100), got {edges}.</source>
            <translation>Geef minstens twee grenzen voor de afstandsklassen op (bijvoorbeeld 0, 100); opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>Give at least two time band edges (for example 0, 7), got {edges}.</source>
            <translation>Geef minstens twee grenzen voor de tijdsklassen op (bijvoorbeeld 0, 7); opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>No near-repeat pattern found around incidents (false discovery rate {alpha}), but repeats at the same location up to {repeat_days} days after an incident.</source>
            <translation>Geen near-repeatpatroon rond incidenten gevonden (false discovery rate {alpha}), wel herhaling op dezelfde locatie tot {repeat_days} dagen na een incident.</translation>
        </message>
        <message>
            <source>No near-repeat pattern found around incidents (p &lt; {alpha}), but repeats at the same location up to {repeat_days} days after an incident.</source>
            <translation>Geen near-repeatpatroon rond incidenten gevonden (p &lt; {alpha}), wel herhaling op dezelfde locatie tot {repeat_days} dagen na een incident.</translation>
        </message>
        <message>
            <source>No near-repeat pattern found: nearby incidents shortly after one another are not more frequent than by chance (false discovery rate {alpha}).</source>
            <translation>Geen near-repeatpatroon gevonden: incidenten dicht bij elkaar en kort na elkaar komen niet vaker voor dan op grond van toeval (false discovery rate {alpha}).</translation>
        </message>
        <message>
            <source>No near-repeat pattern found: nearby incidents shortly after one another are not more frequent than by chance (p &lt; {alpha}).</source>
            <translation>Geen near-repeatpatroon gevonden: incidenten dicht bij elkaar en kort na elkaar komen niet vaker voor dan op grond van toeval (p &lt; {alpha}).</translation>
        </message>
        <message>
            <source>Raised risk up to {distance} m and {days} days after an incident.</source>
            <translation>Verhoogd risico tot {distance} m en {days} dagen na een incident.</translation>
        </message>
        <message>
            <source>Raised risk up to {distance} m and {days} days after an incident; repeats at the same location up to {repeat_days} days after an incident.</source>
            <translation>Verhoogd risico tot {distance} m en {days} dagen na een incident; herhaling op dezelfde locatie tot {repeat_days} dagen na een incident.</translation>
        </message>
        <message>
            <source>Same location (d = 0 m)</source>
            <translation>Zelfde locatie (d = 0 m)</translation>
        </message>
        <message>
            <source>Same location (d ≤ {tol} m)</source>
            <translation>Zelfde locatie (d ≤ {tol} m)</translation>
        </message>
        <message>
            <source>The addresses have {nx} x and {ny} y coordinates; they must pair up.</source>
            <translation>De adressen hebben {nx} x- en {ny} y-coördinaten; die moeten paarsgewijs bij elkaar horen.</translation>
        </message>
        <message>
            <source>The date a letter was sent ({value}) is not of the same kind as the reference date (both dates, or both numbers of days).</source>
            <translation>De verzenddatum van een brief ({value}) is niet van dezelfde soort als de peildatum (beide datums, of beide aantallen dagen).</translation>
        </message>
        <message>
            <source>The distance band edges cannot be negative, got {edges}.</source>
            <translation>De grenzen van de afstandsklassen kunnen niet negatief zijn; opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>The distance band edges must be numbers (metres), got {edges}.</source>
            <translation>De grenzen van de afstandsklassen moeten getallen zijn (meters); opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>The distance band edges must increase from one to the next (for example 0, 100, 200), got {edges}.</source>
            <translation>De grenzen van de afstandsklassen moeten steeds groter worden (bijvoorbeeld 0, 100, 200); opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>The distance must be zero or a positive number of metres, got {value}.</source>
            <translation>De afstand moet nul of een positief aantal meters zijn; opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The exclusion period must be zero or a positive number of days, got {value}.</source>
            <translation>De uitsluitingsperiode moet nul of een positief aantal dagen zijn; opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The incident dates are numbers of days, so the reference date must be a number too, got {value}.</source>
            <translation>De incidentdatums zijn aantallen dagen, dus de peildatum moet ook een getal zijn; opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The incidents have dates, so the reference date must be a date too, got {value}.</source>
            <translation>De incidenten hebben datums, dus de peildatum moet ook een datum zijn; opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The incidents have {nx} locations, {nt} dates and {ni} ids; they must pair up.</source>
            <translation>De incidenten hebben {nx} locaties, {nt} datums en {ni} id's; die moeten bij elkaar horen.</translation>
        </message>
        <message>
            <source>The incidents have {nx} x and {ny} y coordinates; they must pair up.</source>
            <translation>De incidenten hebben {nx} x- en {ny} y-coördinaten; die moeten paarsgewijs bij elkaar horen.</translation>
        </message>
        <message>
            <source>The near-repeat analysis needs at least 2 incidents with a location and a date; got {n}.</source>
            <translation>De near-repeatanalyse heeft minstens 2 incidenten met een locatie en een datum nodig; aanwezig: {n}.</translation>
        </message>
        <message>
            <source>The number of permutations must be a whole number of at least 1 (999 is usual), got {value}.</source>
            <translation>Het aantal permutaties moet een geheel getal van minstens 1 zijn (999 is gebruikelijk); opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The reference date is missing or not a valid date, got {value}.</source>
            <translation>De peildatum ontbreekt of is geen geldige datum; opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The same-location tolerance ({tol} m) must be smaller than the upper edge of the first distance band ({edge} m).</source>
            <translation>De tolerantie voor 'zelfde locatie' ({tol} m) moet kleiner zijn dan de bovengrens van de eerste afstandsklasse ({edge} m).</translation>
        </message>
        <message>
            <source>The same-location tolerance must be zero or a positive number of metres, got {value}.</source>
            <translation>De tolerantie voor 'zelfde locatie' moet nul of een positief aantal meters zijn; opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The time band edges cannot be negative, got {edges}.</source>
            <translation>De grenzen van de tijdsklassen kunnen niet negatief zijn; opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>The time band edges must be numbers (days), got {edges}.</source>
            <translation>De grenzen van de tijdsklassen moeten getallen zijn (dagen); opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>The time band edges must increase from one to the next (for example 0, 7, 14), got {edges}.</source>
            <translation>De grenzen van de tijdsklassen moeten steeds groter worden (bijvoorbeeld 0, 7, 14); opgegeven: {edges}.</translation>
        </message>
        <message>
            <source>The window must be a positive number of days (for example 14), got {value}.</source>
            <translation>De periode moet een positief aantal dagen zijn (bijvoorbeeld 14); opgegeven: {value}.</translation>
        </message>
        <message>
            <source>The window, the distance and the exclusion period must be numbers.</source>
            <translation>De periode, de afstand en de uitsluitingsperiode moeten getallen zijn.</translation>
        </message>
        <message>
            <source>There are no addresses to select from. Choose an address layer with points, such as BAG verblijfsobjecten.</source>
            <translation>Er zijn geen adressen om uit te kiezen. Kies een adreslaag met punten, zoals BAG-verblijfsobjecten.</translation>
        </message>
        <message>
            <source>There are {n} addresses but {m} address keys; every address needs one.</source>
            <translation>Er zijn {n} adressen maar {m} adressleutels; elk adres heeft er één nodig.</translation>
        </message>
        <message>
            <source>There are {n} incidents but {m} dates; every incident needs one date.</source>
            <translation>Er zijn {n} incidenten maar {m} datums; elk incident heeft één datum nodig.</translation>
        </message>
        <message>
            <source>{count} address(es) have no valid location. Fix or remove them.</source>
            <translation>{count} adres(sen) hebben geen geldige locatie. Herstel of verwijder ze.</translation>
        </message>
        <message>
            <source>{count} incident(s) have no date. The near-repeat analysis needs a date for every incident: fill in the dates or leave those incidents out.</source>
            <translation>{count} incident(en) hebben geen datum. De near-repeatanalyse heeft voor elk incident een datum nodig: vul de datums aan of laat die incidenten weg.</translation>
        </message>
        <message>
            <source>{count} incident(s) have no valid location. Remove them or fix their geometry.</source>
            <translation>{count} incident(en) hebben geen geldige locatie. Verwijder ze of herstel hun geometrie.</translation>
        </message>
        <message>
            <source>{lo} &lt; d ≤ {hi} m</source>
            <translation>{lo} &lt; d ≤ {hi} m</translation>
        </message>
        <message>
            <source>{lo} ≤ t &lt; {hi} days</source>
            <translation>{lo} ≤ t &lt; {hi} dagen</translation>
        </message>
        <message>
            <source>{pairs} pairs of incidents lie within {distance} m of each other, more than this analysis can hold in memory ({limit}). Choose a smaller largest distance band, fewer incidents or a shorter period.</source>
            <translation>{pairs} paren incidenten liggen binnen {distance} m van elkaar, meer dan deze analyse in het geheugen kan houden ({limit}). Kies een kleinere grootste afstandsklasse, minder incidenten of een kortere periode.</translation>
        </message>
    </context>
</TS>
