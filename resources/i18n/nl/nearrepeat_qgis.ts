<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source> days</source>
            <translation> dagen</translation>
        </message>
        <message>
            <source>'{value}' is not a number.</source>
            <translation>'{value}' is geen getal.</translation>
        </message>
        <message>
            <source>A point layer with address fields, such as BAG verblijfsobjecten.</source>
            <translation>Een puntlaag met adresvelden, zoals BAG-verblijfsobjecten.</translation>
        </message>
        <message>
            <source>Add the Knox table to the project</source>
            <translation>Knox-tabel aan het project toevoegen</translation>
        </message>
        <message>
            <source>addition</source>
            <translation>toevoeging</translation>
        </message>
        <message>
            <source>Address fields (empty: street, house number, letter, addition, postcode and place are guessed)</source>
            <translation>Adresvelden (leeg: straat, huisnummer, huisletter, toevoeging, postcode en woonplaats worden geraden)</translation>
        </message>
        <message>
            <source>Address fields: {fields}.</source>
            <translation>Adresvelden: {fields}.</translation>
        </message>
        <message>
            <source>Address key field (empty: the BAG id, or postcode and house number)</source>
            <translation>Veld met de adressleutel (leeg: de BAG-identificatie, of postcode en huisnummer)</translation>
        </message>
        <message>
            <source>Address layer</source>
            <translation>Adressenlaag</translation>
        </message>
        <message>
            <source>Address list (CSV)</source>
            <translation>Adressenlijst (CSV)</translation>
        </message>
        <message>
            <source>Address list for a mail merge (CSV)</source>
            <translation>Adressenlijst voor samenvoegen (CSV)</translation>
        </message>
        <message>
            <source>Address list for the mail merge: {path}</source>
            <translation>Adressenlijst om samen te voegen: {path}</translation>
        </message>
        <message>
            <source>Address list written to {path}. It holds personal data: keep it safe and delete it when the letters are sent.</source>
            <translation>Adressenlijst geschreven naar {path}. Deze bevat persoonsgegevens: bewaar hem veilig en verwijder hem als de brieven zijn verstuurd.</translation>
        </message>
        <message>
            <source>Addresses (point layer with address fields, e.g. BAG verblijfsobjecten)</source>
            <translation>Adressen (puntlaag met adresvelden, bijv. BAG-verblijfsobjecten)</translation>
        </message>
        <message>
            <source>Addresses are recognised by postcode, house number, letter and addition.</source>
            <translation>Adressen worden herkend aan postcode, huisnummer, huisletter en toevoeging.</translation>
        </message>
        <message>
            <source>Addresses are recognised by the address fields {fields}.</source>
            <translation>Adressen worden herkend aan de adresvelden {fields}.</translation>
        </message>
        <message>
            <source>Addresses are recognised by the field '{field}'.</source>
            <translation>Adressen worden herkend aan het veld '{field}'.</translation>
        </message>
        <message>
            <source>Addresses for warning letters</source>
            <translation>Adressen voor waarschuwingsbrieven</translation>
        </message>
        <message>
            <source>Addresses left out (recent letter)</source>
            <translation>Weggelaten adressen (recente brief)</translation>
        </message>
        <message>
            <source>Addresses that had a letter within this period are left out.</source>
            <translation>Adressen die in deze periode al een brief kregen, worden weggelaten.</translation>
        </message>
        <message>
            <source>Addresses to write to</source>
            <translation>Adressen die een brief krijgen</translation>
        </message>
        <message>
            <source>all</source>
            <translation>alle</translation>
        </message>
        <message>
            <source>All categories ({n} incidents)</source>
            <translation>Alle categorieën ({n} incidenten)</translation>
        </message>
        <message>
            <source>Band edges in days; a band runs from its lower edge up to just below its upper edge.</source>
            <translation>Klassegrenzen in dagen; een klasse loopt van de ondergrens tot net onder de bovengrens.</translation>
        </message>
        <message>
            <source>Band edges in metres; a band runs from just above its lower edge up to and including its upper edge.</source>
            <translation>Klassegrenzen in meters; een klasse loopt van net boven de ondergrens tot en met de bovengrens.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Bezig met afbreken…</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categorie</translation>
        </message>
        <message>
            <source>Chart of the Knox ratios (PNG)</source>
            <translation>Grafiek van de Knox-ratio's (PNG)</translation>
        </message>
        <message>
            <source>Choose the address layer (a point layer with addresses, such as BAG verblijfsobjecten). Add it to the project first.</source>
            <translation>Kies de adressenlaag (een puntlaag met adressen, zoals BAG-verblijfsobjecten). Voeg die eerst aan het project toe.</translation>
        </message>
        <message>
            <source>Choose the data and press Run.</source>
            <translation>Kies de gegevens en klik op Uitvoeren.</translation>
        </message>
        <message>
            <source>Choose the date field: the layer has no field '{default}' and none of its fields ({fields}) looks like a date.</source>
            <translation>Kies het datumveld: de laag heeft geen veld '{default}' en geen van de velden ({fields}) lijkt op een datum.</translation>
        </message>
        <message>
            <source>Choose the safety GeoPackage in which the letters are recorded, or switch off recording.</source>
            <translation>Kies de veiligheids-GeoPackage waarin de brieven worden vastgelegd, of zet het vastleggen uit.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Conclusie</translation>
        </message>
        <message>
            <source>Could not read the distance bands "{text}": "{part}" is not a number. Write the band edges in metres separated by commas, for example 0,100,200,300.</source>
            <translation>De afstandsklassen "{text}" konden niet worden gelezen: "{part}" is geen getal. Schrijf de klassegrenzen in meters, gescheiden door komma's, bijvoorbeeld 0,100,200,300.</translation>
        </message>
        <message>
            <source>Could not read the time bands "{text}": "{part}" is not a number. Write the band edges in days separated by commas, for example 0,7,14,21.</source>
            <translation>De tijdsklassen "{text}" konden niet worden gelezen: "{part}" is geen getal. Schrijf de klassegrenzen in dagen, gescheiden door komma's, bijvoorbeeld 0,7,14,21.</translation>
        </message>
        <message>
            <source>CSV files</source>
            <translation>CSV-bestanden</translation>
        </message>
        <message>
            <source>Date field</source>
            <translation>Datumveld</translation>
        </message>
        <message>
            <source>Days of raised risk</source>
            <translation>Dagen met verhoogd risico</translation>
        </message>
        <message>
            <source>Days of raised risk at the same location</source>
            <translation>Dagen met verhoogd risico op dezelfde locatie</translation>
        </message>
        <message>
            <source>default value</source>
            <translation>standaardwaarde</translation>
        </message>
        <message>
            <source>Distance around an incident</source>
            <translation>Afstand rond een incident</translation>
        </message>
        <message>
            <source>Distance around an incident in metres (empty: from the near-repeat result, else 200 m)</source>
            <translation>Afstand rond een incident in meters (leeg: uit de near-repeatanalyse, anders 200 m)</translation>
        </message>
        <message>
            <source>Distance band edges in metres (band: lower &lt; d ≤ upper)</source>
            <translation>Grenzen van de afstandsklassen in meters (klasse: onder &lt; d ≤ boven)</translation>
        </message>
        <message>
            <source>Distance bands (m)</source>
            <translation>Afstandsklassen (m)</translation>
        </message>
        <message>
            <source>Distance between the two incidents</source>
            <translation>Afstand tussen de twee incidenten</translation>
        </message>
        <message>
            <source>Distance found by the near-repeat analysis (m)</source>
            <translation>Afstand uit de near-repeatanalyse (m)</translation>
        </message>
        <message>
            <source>Distance of raised risk (m)</source>
            <translation>Afstand met verhoogd risico (m)</translation>
        </message>
        <message>
            <source>Distance used (m)</source>
            <translation>Gebruikte afstand (m)</translation>
        </message>
        <message>
            <source>Distance: {distance} m, as given.</source>
            <translation>Afstand: {distance} m, zoals opgegeven.</translation>
        </message>
        <message>
            <source>Distance: {distance} m, from the near-repeat analysis.</source>
            <translation>Afstand: {distance} m, uit de near-repeatanalyse.</translation>
        </message>
        <message>
            <source>Distance: {distance} m, the default (the near-repeat analysis can base it on your own data).</source>
            <translation>Afstand: {distance} m, de standaardwaarde (de near-repeatanalyse kan die op uw eigen gegevens baseren).</translation>
        </message>
        <message>
            <source>Field '{field}' is used as the date.</source>
            <translation>Veld '{field}' wordt als datum gebruikt.</translation>
        </message>
        <message>
            <source>Filter (e.g. category = '1.1.1'; empty: all incidents)</source>
            <translation>Filter (bijv. category = '1.1.1'; leeg: alle incidenten)</translation>
        </message>
        <message>
            <source>from the near-repeat analysis of {date}</source>
            <translation>uit de near-repeatanalyse van {date}</translation>
        </message>
        <message>
            <source>house letter</source>
            <translation>huisletter</translation>
        </message>
        <message>
            <source>house number</source>
            <translation>huisnummer</translation>
        </message>
        <message>
            <source>Incident on {date} at {distance} m from this address</source>
            <translation>Incident op {date} op {distance} m van dit adres</translation>
        </message>
        <message>
            <source>Incidents (point layer, e.g. the incidents of a safety GeoPackage)</source>
            <translation>Incidenten (puntlaag, bijv. de incidenten van een veiligheids-GeoPackage)</translation>
        </message>
        <message>
            <source>Incidents analysed</source>
            <translation>Geanalyseerde incidenten</translation>
        </message>
        <message>
            <source>Incidents dated {start} up to and including {end} trigger letters.</source>
            <translation>Incidenten met een datum van {start} tot en met {end} leiden tot brieven.</translation>
        </message>
        <message>
            <source>Incidents in the window</source>
            <translation>Incidenten in de periode</translation>
        </message>
        <message>
            <source>Incidents of the last</source>
            <translation>Incidenten van de afgelopen</translation>
        </message>
        <message>
            <source>Incidents of the last ... days</source>
            <translation>Incidenten van de afgelopen ... dagen</translation>
        </message>
        <message>
            <source>Knox ratio (observed / expected pairs)</source>
            <translation>Knox-ratio (waargenomen / verwachte paren)</translation>
        </message>
        <message>
            <source>Knox table</source>
            <translation>Knox-tabel</translation>
        </message>
        <message>
            <source>Knox table {category}</source>
            <translation>Knox-tabel {category}</translation>
        </message>
        <message>
            <source>Leave out addresses that had a letter in the last ... days</source>
            <translation>Adressen weglaten die in de afgelopen ... dagen een brief kregen</translation>
        </message>
        <message>
            <source>Letters recorded as sent</source>
            <translation>Als verstuurd vastgelegde brieven</translation>
        </message>
        <message>
            <source>n = {n}</source>
            <translation>n = {n}</translation>
        </message>
        <message>
            <source>Near-repeat analysis</source>
            <translation>Near-repeatanalyse</translation>
        </message>
        <message>
            <source>Near-repeat analysis (Knox test)</source>
            <translation>Near-repeatanalyse (Knox-toets)</translation>
        </message>
        <message>
            <source>Near-repeat: Knox ratio per distance and time band</source>
            <translation>Near-repeat: Knox-ratio per afstands- en tijdsklasse</translation>
        </message>
        <message>
            <source>No chart was drawn: the Python package matplotlib is missing.</source>
            <translation>Er is geen grafiek getekend: het Python-pakket matplotlib ontbreekt.</translation>
        </message>
        <message>
            <source>No incidents pass the filter {expression}. Check the filter (for example category = '1.1.1').</source>
            <translation>Geen enkel incident voldoet aan het filter {expression}. Controleer het filter (bijvoorbeeld category = '1.1.1').</translation>
        </message>
        <message>
            <source>No new letter within</source>
            <translation>Geen nieuwe brief binnen</translation>
        </message>
        <message>
            <source>No seed given: the permutations use seed {seed}. Give SEED = {seed} to repeat this run exactly.</source>
            <translation>Geen seed opgegeven: de permutaties gebruiken seed {seed}. Geef SEED = {seed} op om deze berekening precies te herhalen.</translation>
        </message>
        <message>
            <source>None of the {n} incidents has a date in field '{field}'. Choose the field that holds the dates.</source>
            <translation>Geen van de {n} incidenten heeft een datum in het veld '{field}'. Kies het veld met de datums.</translation>
        </message>
        <message>
            <source>Number of permutations (Monte Carlo)</source>
            <translation>Aantal permutaties (Monte Carlo)</translation>
        </message>
        <message>
            <source>Outlined with *: significantly more pairs than expected (p &lt; {alpha}). Grey: no pairs expected.</source>
            <translation>Omrand met *: significant meer paren dan verwacht (p &lt; {alpha}). Grijs: geen paren verwacht.</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>Permutations</source>
            <translation>Permutaties</translation>
        </message>
        <message>
            <source>place</source>
            <translation>woonplaats</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG-afbeelding</translation>
        </message>
        <message>
            <source>postcode</source>
            <translation>postcode</translation>
        </message>
        <message>
            <source>random (written to the result)</source>
            <translation>willekeurig (vermeld bij het resultaat)</translation>
        </message>
        <message>
            <source>Random seed (empty: random, written to the log so the run can be repeated)</source>
            <translation>Seed voor het toeval (leeg: willekeurig, vermeld in het logboek zodat de berekening herhaald kan worden)</translation>
        </message>
        <message>
            <source>Random seed used</source>
            <translation>Gebruikte seed</translation>
        </message>
        <message>
            <source>Random seed: {seed}.</source>
            <translation>Seed: {seed}.</translation>
        </message>
        <message>
            <source>Record the letters of this list as sent in the safety GeoPackage</source>
            <translation>De brieven van deze lijst als verstuurd vastleggen in de veiligheids-GeoPackage</translation>
        </message>
        <message>
            <source>Record these letters as sent</source>
            <translation>Deze brieven als verstuurd vastleggen</translation>
        </message>
        <message>
            <source>Reference date</source>
            <translation>Peildatum</translation>
        </message>
        <message>
            <source>Reference date (empty: today)</source>
            <translation>Peildatum (leeg: vandaag)</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultaat</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Uitvoeren</translation>
        </message>
        <message>
            <source>Run the near-repeat analysis to base the distance on your own data.</source>
            <translation>Voer de near-repeatanalyse uit om de afstand op uw eigen gegevens te baseren.</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>Bezig…</translation>
        </message>
        <message>
            <source>Safety GeoPackage with the letters sent (optional)</source>
            <translation>Veiligheids-GeoPackage met de verstuurde brieven (optioneel)</translation>
        </message>
        <message>
            <source>Same location: pairs at most this many metres apart</source>
            <translation>Zelfde locatie: paren die hooguit zoveel meter van elkaar liggen</translation>
        </message>
        <message>
            <source>Save the address list as</source>
            <translation>Adressenlijst opslaan als</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Significance level (p-value below which a cell counts)</source>
            <translation>Significantieniveau (p-waarde waaronder een cel telt)</translation>
        </message>
        <message>
            <source>street</source>
            <translation>straat</translation>
        </message>
        <message>
            <source>The address layer has no field '{field}'. Its fields are: {fields}.</source>
            <translation>De adressenlaag heeft geen veld '{field}'. De velden zijn: {fields}.</translation>
        </message>
        <message>
            <source>The address layer has no field(s) {missing}. Its fields are: {fields}.</source>
            <translation>De adressenlaag heeft geen veld(en) {missing}. De velden zijn: {fields}.</translation>
        </message>
        <message>
            <source>The address layer {layer} has no recognisable address fields (street or openbare_ruimte, huisnummer, postcode, woonplaats). Its fields are: {fields}. Choose the address fields yourself, or use an address layer such as BAG verblijfsobjecten.</source>
            <translation>De adressenlaag {layer} heeft geen herkenbare adresvelden (straat of openbare_ruimte, huisnummer, postcode, woonplaats). De velden zijn: {fields}. Kies de adresvelden zelf, of gebruik een adressenlaag zoals BAG-verblijfsobjecten.</translation>
        </message>
        <message>
            <source>The address list holds personal data: keep it on a protected drive and delete it when the letters are sent.</source>
            <translation>De adressenlijst bevat persoonsgegevens: bewaar hem op een beveiligde schijf en verwijder hem als de brieven zijn verstuurd.</translation>
        </message>
        <message>
            <source>The addresses were added to the project as the layer '{name}'.</source>
            <translation>De adressen zijn aan het project toegevoegd als de laag '{name}'.</translation>
        </message>
        <message>
            <source>The algorithm {id} is not available: is the Hotspot plugin's Processing provider loaded?</source>
            <translation>Het algoritme {id} is niet beschikbaar: is de Processing-provider van de Hotspot-plugin geladen?</translation>
        </message>
        <message>
            <source>The analysis failed; see the Hotspot log.</source>
            <translation>De analyse is mislukt; zie het Hotspot-logboek.</translation>
        </message>
        <message>
            <source>The date '{value}' of feature {fid} in field '{field}' cannot be read. Use a date field or dates written as 2025-01-31 or 31-01-2025.</source>
            <translation>De datum '{value}' van object {fid} in het veld '{field}' kan niet worden gelezen. Gebruik een datumveld of datums geschreven als 2025-01-31 of 31-01-2025.</translation>
        </message>
        <message>
            <source>The filter expression {expression} is not valid: {error}</source>
            <translation>De filterexpressie {expression} is ongeldig: {error}</translation>
        </message>
        <message>
            <source>The layer has no field '{field}'. Its fields are: {fields}.</source>
            <translation>De laag heeft geen veld '{field}'. De velden zijn: {fields}.</translation>
        </message>
        <message>
            <source>The layer {layer} has no coordinate reference system, so distances cannot be measured. Set its CRS (for example RD New, EPSG:28992) in the layer properties.</source>
            <translation>De laag {layer} heeft geen coördinatenstelsel, dus afstanden kunnen niet worden gemeten. Stel het CRS in (bijvoorbeeld RD New, EPSG:28992) bij de laageigenschappen.</translation>
        </message>
        <message>
            <source>The layer {layer} has no incidents.</source>
            <translation>De laag {layer} bevat geen incidenten.</translation>
        </message>
        <message>
            <source>The layer {layer} is in a geographic CRS ({crs}, degrees), but distances must be measured in metres. Reproject it first to a projected CRS such as RD New (EPSG:28992) or Belgian Lambert 2008 (EPSG:3812), for example with 'Reproject layer'.</source>
            <translation>De laag {layer} heeft een geografisch CRS ({crs}, graden), maar afstanden moeten in meters worden gemeten. Projecteer de laag eerst naar een geprojecteerd CRS zoals RD New (EPSG:28992) of Belgian Lambert 2008 (EPSG:3812), bijvoorbeeld met 'Laag herprojecteren'.</translation>
        </message>
        <message>
            <source>The letters sent could not be read from {path}: {error}</source>
            <translation>De verstuurde brieven konden niet worden gelezen uit {path}: {error}</translation>
        </message>
        <message>
            <source>The period ends before it starts.</source>
            <translation>De periode eindigt voordat hij begint.</translation>
        </message>
        <message>
            <source>The reference date '{value}' cannot be read. Write it as 2025-01-31.</source>
            <translation>De peildatum '{value}' kan niet worden gelezen. Schrijf hem als 2025-01-31.</translation>
        </message>
        <message>
            <source>The seed must be a whole number, or empty for a random one.</source>
            <translation>De seed moet een geheel getal zijn, of leeg voor een willekeurige.</translation>
        </message>
        <message>
            <source>The window must be a positive number of days (for example 14).</source>
            <translation>De periode moet een positief aantal dagen zijn (bijvoorbeeld 14).</translation>
        </message>
        <message>
            <source>The {n} categories in the layer are analysed together. A near-repeat analysis is usually made for one kind of incident: set a filter such as category = '1.1.1' (woninginbraak).</source>
            <translation>De {n} categorieën in de laag worden samen geanalyseerd. Een near-repeatanalyse wordt meestal voor één soort incident gemaakt: stel een filter in zoals category = '1.1.1' (woninginbraak).</translation>
        </message>
        <message>
            <source>Time band edges in days (band: lower ≤ t &lt; upper)</source>
            <translation>Grenzen van de tijdsklassen in dagen (klasse: onder ≤ t &lt; boven)</translation>
        </message>
        <message>
            <source>Time bands (days)</source>
            <translation>Tijdsklassen (dagen)</translation>
        </message>
        <message>
            <source>Time between the two incidents (days)</source>
            <translation>Tijd tussen de twee incidenten (dagen)</translation>
        </message>
        <message>
            <source>up to and including</source>
            <translation>tot en met</translation>
        </message>
        <message>
            <source>Warning letters</source>
            <translation>Waarschuwingsbrieven</translation>
        </message>
        <message>
            <source>Warning letters {date}</source>
            <translation>Waarschuwingsbrieven {date}</translation>
        </message>
        <message>
            <source>warning_letters_{date}.csv</source>
            <translation>waarschuwingsbrieven_{date}.csv</translation>
        </message>
        <message>
            <source>Writes one row per address to the table letters_sent of the safety GeoPackage, so that the next lists leave these addresses out.</source>
            <translation>Schrijft per adres een rij in de tabel letters_sent van de veiligheids-GeoPackage, zodat volgende lijsten deze adressen weglaten.</translation>
        </message>
        <message>
            <source>{code} {label} ({n} incidents)</source>
            <translation>{code} {label} ({n} incidenten)</translation>
        </message>
        <message>
            <source>{n} address(es) have no key and were not recorded as sent.</source>
            <translation>{n} adres(sen) hebben geen sleutel en zijn niet als verstuurd vastgelegd.</translation>
        </message>
        <message>
            <source>{n} addresses within {distance} m of {k} incident(s) in the window; {excluded} left out because they had a letter in the last {days} days.</source>
            <translation>{n} adressen binnen {distance} m van {k} incident(en) in de periode; {excluded} weggelaten omdat ze in de afgelopen {days} dagen een brief kregen.</translation>
        </message>
        <message>
            <source>{n} addresses within {distance} m of {k} incident(s); {excluded} left out because of a recent letter.</source>
            <translation>{n} adressen binnen {distance} m van {k} incident(en); {excluded} weggelaten vanwege een recente brief.</translation>
        </message>
        <message>
            <source>{n} incident(s) without a date or a location were skipped.</source>
            <translation>{n} incident(en) zonder datum of locatie zijn overgeslagen.</translation>
        </message>
        <message>
            <source>{n} incidents ({category}, {first} up to and including {last}); {perm} permutations, seed {seed}.</source>
            <translation>{n} incidenten ({category}, {first} tot en met {last}); {perm} permutaties, seed {seed}.</translation>
        </message>
        <message>
            <source>{n} incidents from {first} to {last}.</source>
            <translation>{n} incidenten van {first} tot en met {last}.</translation>
        </message>
        <message>
            <source>{n} incidents nearby, the latest on {date}; the nearest at {distance} m</source>
            <translation>{n} incidenten in de buurt, het laatste op {date}; het dichtstbijzijnde op {distance} m</translation>
        </message>
        <message>
            <source>{n} incidents, {perm} permutations, seed {seed}</source>
            <translation>{n} incidenten, {perm} permutaties, seed {seed}</translation>
        </message>
        <message>
            <source>{n} letters recorded as sent on {date} in {path}.</source>
            <translation>{n} brieven als verstuurd op {date} vastgelegd in {path}.</translation>
        </message>
        <message>
            <source>{n} letters were recorded as sent.</source>
            <translation>{n} brieven zijn als verstuurd vastgelegd.</translation>
        </message>
        <message>
            <source>{pairs} pairs of incidents lie within {distance} m of each other.</source>
            <translation>{pairs} paren van incidenten liggen binnen {distance} m van elkaar.</translation>
        </message>
    </context>
</TS>
