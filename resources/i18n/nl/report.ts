<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>(measures {numbers})</source>
            <translation>(maatregelen {numbers})</translation>
        </message>
        <message>
            <source>* significant (p &lt; {alpha}). –: not computable, or based on fewer than {threshold} incidents. Counts from 1 to {below} are shown as &lt;{threshold}. Rates per period; ² ratio per km² (too few inhabitants for a ratio per 1,000).</source>
            <translation>* significant (p &lt; {alpha}). –: niet te berekenen, of gebaseerd op minder dan {threshold} incidenten. Aantallen van 1 tot en met {below} staan er als &lt;{threshold}. Cijfers per periode; ² verhouding per km² (te weinig inwoners voor een verhouding per 1.000).</translation>
        </message>
        <message>
            <source>1 (high)</source>
            <translation>1 (hoog)</translation>
        </message>
        <message>
            <source>1 Introduction</source>
            <translation>1 Inleiding</translation>
        </message>
        <message>
            <source>1.1 Reason</source>
            <translation>1.1 Aanleiding</translation>
        </message>
        <message>
            <source>1.2 Area</source>
            <translation>1.2 Gebied</translation>
        </message>
        <message>
            <source>1.3 Method</source>
            <translation>1.3 Werkwijze</translation>
        </message>
        <message>
            <source>1.4 Sources and period</source>
            <translation>1.4 Bronnen en periode</translation>
        </message>
        <message>
            <source>1.5 Reading guide</source>
            <translation>1.5 Leeswijzer</translation>
        </message>
        <message>
            <source>2 (medium)</source>
            <translation>2 (middel)</translation>
        </message>
        <message>
            <source>2 Description of the area</source>
            <translation>2 Gebiedsbeschrijving</translation>
        </message>
        <message>
            <source>3 (low)</source>
            <translation>3 (laag)</translation>
        </message>
        <message>
            <source>3 Results per safety field</source>
            <translation>3 Resultaten per veiligheidsveld</translation>
        </message>
        <message>
            <source>4 Findings of the neighbourhood inspection</source>
            <translation>4 Schouwbevindingen</translation>
        </message>
        <message>
            <source>5 Conclusions</source>
            <translation>5 Conclusies</translation>
        </message>
        <message>
            <source>6 Recommendations</source>
            <translation>6 Aanbevelingen</translation>
        </message>
        <message>
            <source>a change of {change} that is not significant</source>
            <translation>een verandering van {change} die niet significant is</translation>
        </message>
        <message>
            <source>A ring of {width} m around it ({ring_km2} km²) is included as context, so that problems just outside the area are seen too.</source>
            <translation>Een ring van {width} m eromheen ({ring_km2} km²) is als context meegenomen, zodat ook problemen net buiten het gebied in beeld komen.</translation>
        </message>
        <message>
            <source>a significant decrease of {change}</source>
            <translation>een significante daling van {change}</translation>
        </message>
        <message>
            <source>a significant increase of {change}</source>
            <translation>een significante stijging van {change}</translation>
        </message>
        <message>
            <source>About {inhabitants} people live in the area.</source>
            <translation>In het gebied wonen ongeveer {inhabitants} mensen.</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Actie</translation>
        </message>
        <message>
            <source>Advice report</source>
            <translation>Adviesrapport</translation>
        </message>
        <message>
            <source>Advice report (PDF) from a scan</source>
            <translation>Adviesrapport (PDF) van een scan</translation>
        </message>
        <message>
            <source>Advice report with {pages} pages written to {path}.</source>
            <translation>Adviesrapport van {pages} pagina's geschreven naar {path}.</translation>
        </message>
        <message>
            <source>Advice {reference}</source>
            <translation>Advies {reference}</translation>
        </message>
        <message>
            <source>all safety fields</source>
            <translation>alle veiligheidsvelden</translation>
        </message>
        <message>
            <source>All safety fields and categories were included.</source>
            <translation>Alle veiligheidsvelden en categorieën zijn meegenomen.</translation>
        </message>
        <message>
            <source>Also open the layout in the layout designer</source>
            <translation>De opmaak ook openen in de opmaakontwerper</translation>
        </message>
        <message>
            <source>Appendix A Method</source>
            <translation>Bijlage A Werkwijze</translation>
        </message>
        <message>
            <source>Apr</source>
            <translation>apr</translation>
        </message>
        <message>
            <source>April</source>
            <translation>april</translation>
        </message>
        <message>
            <source>Aug</source>
            <translation>aug</translation>
        </message>
        <message>
            <source>August</source>
            <translation>augustus</translation>
        </message>
        <message>
            <source>Buurt</source>
            <translation>Buurt</translation>
        </message>
        <message>
            <source>Chapter 2 describes the area and its functions, chapter 3 gives the results per safety field, chapter 4 the findings of the neighbourhood inspection, chapter 5 the conclusions and chapter 6 the recommended measures. Appendix A explains the method.</source>
            <translation>Hoofdstuk 2 beschrijft het gebied en zijn functies, hoofdstuk 3 geeft de resultaten per veiligheidsveld, hoofdstuk 4 de bevindingen van de buurtschouw, hoofdstuk 5 de conclusies en hoofdstuk 6 de aanbevolen maatregelen. Bijlage A licht de werkwijze toe.</translation>
        </message>
        <message>
            <source>Checklist item</source>
            <translation>Checklistpunt</translation>
        </message>
        <message>
            <source>Choose a file name for the PDF.</source>
            <translation>Kies een bestandsnaam voor de PDF.</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Compar. period</source>
            <translation>Vergel. periode</translation>
        </message>
        <message>
            <source>contains the scan area</source>
            <translation>omvat het scangebied</translation>
        </message>
        <message>
            <source>Counts from 1 to {below} are published as "&lt;{threshold}"; rates, changes and ratios based on them are not shown, and charts show them hatched. The scan itself used the threshold {scan_threshold}.</source>
            <translation>Aantallen van 1 tot en met {below} worden gepubliceerd als "&lt;{threshold}"; cijfers, veranderingen en verhoudingen die daarop berusten worden niet getoond, en grafieken tonen ze gearceerd. De scan zelf gebruikte de drempel {scan_threshold}.</translation>
        </message>
        <message>
            <source>Counts from 1 to {below} are shown as "&lt;{threshold}" to protect privacy.</source>
            <translation>Aantallen van 1 tot en met {below} staan er als "&lt;{threshold}" om de privacy te beschermen.</translation>
        </message>
        <message>
            <source>Data and software</source>
            <translation>Gegevens en software</translation>
        </message>
        <message>
            <source>Data period</source>
            <translation>Periode van de gegevens</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>day</source>
            <translation>dag</translation>
        </message>
        <message>
            <source>Dec</source>
            <translation>dec</translation>
        </message>
        <message>
            <source>December</source>
            <translation>december</translation>
        </message>
        <message>
            <source>Density map and hotspot zones</source>
            <translation>Dichtheidskaart en hotspotzones</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Omschrijving</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Gereed</translation>
        </message>
        <message>
            <source>evening</source>
            <translation>avond</translation>
        </message>
        <message>
            <source>Feb</source>
            <translation>feb</translation>
        </message>
        <message>
            <source>February</source>
            <translation>februari</translation>
        </message>
        <message>
            <source>fewer than {threshold} (not shown exactly)</source>
            <translation>minder dan {threshold} (niet precies getoond)</translation>
        </message>
        <message>
            <source>Findings are drafted by fixed rules (high rate against the reference, significant change, evening and night, concentration in hotspot zones, risk objects near hotspot zones, red inspection findings) and checked by the author; each proposes measures from the measures catalogue.</source>
            <translation>Bevindingen worden opgesteld volgens vaste regels (hoog cijfer ten opzichte van de referentie, significante verandering, avond en nacht, concentratie in hotspotzones, risico-objecten bij hotspotzones, rode schouwbevindingen) en door de auteur gecontroleerd; elke bevinding stelt maatregelen uit de maatregelencatalogus voor.</translation>
        </message>
        <message>
            <source>Folder with edited page templates (.qpt)</source>
            <translation>Map met aangepaste paginasjablonen (.qpt)</translation>
        </message>
        <message>
            <source>Follows from finding(s) {numbers}.</source>
            <translation>Volgt uit bevinding(en) {numbers}.</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>vr</translation>
        </message>
        <message>
            <source>Functions (risk objects) in the area: {functions}.</source>
            <translation>Functies (risico-objecten) in het gebied: {functions}.</translation>
        </message>
        <message>
            <source>Functions: risk objects by kind</source>
            <translation>Functies: risico-objecten naar soort</translation>
        </message>
        <message>
            <source>high</source>
            <translation>hoog</translation>
        </message>
        <message>
            <source>Hotspot zone</source>
            <translation>Hotspotzone</translation>
        </message>
        <message>
            <source>Hotspot zones: the cells with the highest 5% of the density values, joined into zones ({n} zones around the area).</source>
            <translation>Hotspotzones: de cellen met de hoogste 5% van de dichtheidswaarden, samengevoegd tot zones ({n} zones rond het gebied).</translation>
        </message>
        <message>
            <source>In the period {n} incidents were registered in the scan area ({n_comparison} in the comparison period: {change}).</source>
            <translation>In de periode zijn in het scangebied {n} incidenten geregistreerd ({n_comparison} in de vergelijkingsperiode: {change}).</translation>
        </message>
        <message>
            <source>In the period {period}, {n} incidents were registered in the scan area and {n_ring} in the ring.</source>
            <translation>In de periode {period} zijn in het scangebied {n} incidenten geregistreerd en in de ring {n_ring}.</translation>
        </message>
        <message>
            <source>Incident density</source>
            <translation>Dichtheid van incidenten</translation>
        </message>
        <message>
            <source>incidents</source>
            <translation>incidenten</translation>
        </message>
        <message>
            <source>Incidents in the period by safety field: {fields}.</source>
            <translation>Incidenten in de periode per veiligheidsveld: {fields}.</translation>
        </message>
        <message>
            <source>Incidents in the scan area by safety field</source>
            <translation>Incidenten in het scangebied per veiligheidsveld</translation>
        </message>
        <message>
            <source>Incidents per month in the scan area</source>
            <translation>Incidenten per maand in het scangebied</translation>
        </message>
        <message>
            <source>Incidents read: {input}; used after the selection: {used}. Sources: {sources}.</source>
            <translation>Gelezen incidenten: {input}; gebruikt na de selectie: {used}. Bronnen: {sources}.</translation>
        </message>
        <message>
            <source>Included: {fields}; categories: {categories}.</source>
            <translation>Meegenomen: {fields}; categorieën: {categories}.</translation>
        </message>
        <message>
            <source>Inhabitants</source>
            <translation>Inwoners</translation>
        </message>
        <message>
            <source>Inhabitants and dwellings are apportioned from the buurten by area share: people are assumed to be spread evenly over their buurt.</source>
            <translation>Inwoners en woningen zijn naar oppervlakteaandeel uit de buurten verdeeld: aangenomen is dat mensen gelijkmatig over hun buurt verspreid wonen.</translation>
        </message>
        <message>
            <source>Inhabitants in area</source>
            <translation>Inwoners in gebied</translation>
        </message>
        <message>
            <source>Jan</source>
            <translation>jan</translation>
        </message>
        <message>
            <source>January</source>
            <translation>januari</translation>
        </message>
        <message>
            <source>Jul</source>
            <translation>jul</translation>
        </message>
        <message>
            <source>July</source>
            <translation>juli</translation>
        </message>
        <message>
            <source>Jun</source>
            <translation>jun</translation>
        </message>
        <message>
            <source>June</source>
            <translation>juni</translation>
        </message>
        <message>
            <source>Kernel density of the incidents of the period: kernel {kernel}, radius {radius} m, pixel size {pixel} m.</source>
            <translation>Kerneldichtheid van de incidenten in de periode: kernel {kernel}, straal {radius} m, pixelgrootte {pixel} m.</translation>
        </message>
        <message>
            <source>Knox test of the {n} burglaries of the period and the comparison period ({permutations} permutations, seed {seed}): {conclusion}</source>
            <translation>Knox-toets van de {n} woninginbraken in de periode en de vergelijkingsperiode ({permutations} permutaties, seed {seed}): {conclusion}</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Legenda</translation>
        </message>
        <message>
            <source>low</source>
            <translation>laag</translation>
        </message>
        <message>
            <source>Made with Hotspot {version} from the saved scan {uuid}.</source>
            <translation>Gemaakt met Hotspot {version} uit de opgeslagen scan {uuid}.</translation>
        </message>
        <message>
            <source>Main findings</source>
            <translation>Belangrijkste bevindingen</translation>
        </message>
        <message>
            <source>Mar</source>
            <translation>mrt</translation>
        </message>
        <message>
            <source>March</source>
            <translation>maart</translation>
        </message>
        <message>
            <source>May</source>
            <translation>mei</translation>
        </message>
        <message>
            <source>Measures from Hotspot's measures catalogue (CPTED, ZETA, PKVW) or added by the author.</source>
            <translation>Maatregelen uit de maatregelencatalogus van Hotspot (CPTED, ZETA, PKVW) of toegevoegd door de auteur.</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>ma</translation>
        </message>
        <message>
            <source>Neighbourhood (buurt) boundary</source>
            <translation>Buurtgrens</translation>
        </message>
        <message>
            <source>night</source>
            <translation>nacht</translation>
        </message>
        <message>
            <source>No density map: fewer than two incidents in and around the area in the period.</source>
            <translation>Geen dichtheidskaart: minder dan twee incidenten in en rond het gebied in de periode.</translation>
        </message>
        <message>
            <source>No hotspot zone lies in the area.</source>
            <translation>Er ligt geen hotspotzone in het gebied.</translation>
        </message>
        <message>
            <source>No incidents in the area in: {fields}.</source>
            <translation>Geen incidenten in het gebied in: {fields}.</translation>
        </message>
        <message>
            <source>no incidents in the comparison period</source>
            <translation>geen incidenten in de vergelijkingsperiode</translation>
        </message>
        <message>
            <source>No incidents were registered in the scan area in the period or in the comparison period.</source>
            <translation>In het scangebied zijn in de periode en in de vergelijkingsperiode geen incidenten geregistreerd.</translation>
        </message>
        <message>
            <source>No measures are recommended.</source>
            <translation>Er worden geen maatregelen aanbevolen.</translation>
        </message>
        <message>
            <source>no reference area</source>
            <translation>geen referentiegebied</translation>
        </message>
        <message>
            <source>No risk objects are registered in the area.</source>
            <translation>In het gebied zijn geen risico-objecten geregistreerd.</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>none in the comparison period</source>
            <translation>geen in de vergelijkingsperiode</translation>
        </message>
        <message>
            <source>not significant</source>
            <translation>niet significant</translation>
        </message>
        <message>
            <source>Nov</source>
            <translation>nov</translation>
        </message>
        <message>
            <source>November</source>
            <translation>november</translation>
        </message>
        <message>
            <source>Number of pages</source>
            <translation>Aantal pagina's</translation>
        </message>
        <message>
            <source>Oct</source>
            <translation>okt</translation>
        </message>
        <message>
            <source>October</source>
            <translation>oktober</translation>
        </message>
        <message>
            <source>One hotspot zone lies (partly) in the area; it covers {share} of it.</source>
            <translation>Eén hotspotzone ligt (deels) in het gebied; die beslaat {share} ervan.</translation>
        </message>
        <message>
            <source>Open findings (status not closed) inside the scan area; colours: red, orange, green as recorded during the inspection.</source>
            <translation>Openstaande bevindingen (status niet afgehandeld) binnen het scangebied; kleuren rood, oranje en groen zoals vastgelegd tijdens de schouw.</translation>
        </message>
        <message>
            <source>Open findings of a neighbourhood inspection (buurtschouw) in the scan area: none.</source>
            <translation>Openstaande bevindingen van een buurtschouw in het scangebied: geen.</translation>
        </message>
        <message>
            <source>Other buurten ({n})</source>
            <translation>Overige buurten ({n})</translation>
        </message>
        <message>
            <source>Other categories ({n})</source>
            <translation>Overige categorieën ({n})</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-bestanden (*.pdf)</translation>
        </message>
        <message>
            <source>Per 1,000 inh.</source>
            <translation>Per 1.000 inw.</translation>
        </message>
        <message>
            <source>Per 1,000 inhabitants that is {ratio} times the rate of {reference} ({significance}).</source>
            <translation>Per 1.000 inwoners is dat {ratio} keer het cijfer van {reference} ({significance}).</translation>
        </message>
        <message>
            <source>Per km²</source>
            <translation>Per km²</translation>
        </message>
        <message>
            <source>Per km² that is {ratio} times the rate of {reference} ({significance}).</source>
            <translation>Per km² is dat {ratio} keer het cijfer van {reference} ({significance}).</translation>
        </message>
        <message>
            <source>Period {period}; comparison period {comparison}. Periods include their first day and end before the day after their last day; times are local clock times.</source>
            <translation>Periode {period}; vergelijkingsperiode {comparison}. Een periode omvat haar eerste dag en eindigt voor de dag na haar laatste dag; tijden zijn lokale kloktijden.</translation>
        </message>
        <message>
            <source>Period: {period} ({days} days). Comparison period: {comparison} ({comparison_days} days).</source>
            <translation>Periode: {period} ({days} dagen). Vergelijkingsperiode: {comparison} ({comparison_days} dagen).</translation>
        </message>
        <message>
            <source>Periods and area</source>
            <translation>Perioden en gebied</translation>
        </message>
        <message>
            <source>Priority {priority}</source>
            <translation>Prioriteit {priority}</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>Privacy</translation>
        </message>
        <message>
            <source>quartic</source>
            <translation>quartic</translation>
        </message>
        <message>
            <source>Ratio to reference</source>
            <translation>Verh. t.o.v. referentie</translation>
        </message>
        <message>
            <source>Recommended measures</source>
            <translation>Aanbevolen maatregelen</translation>
        </message>
        <message>
            <source>Reference number</source>
            <translation>Kenmerk</translation>
        </message>
        <message>
            <source>Reference per 1,000</source>
            <translation>Referentie per 1.000</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Opmerkingen</translation>
        </message>
        <message>
            <source>Ring of {width} m</source>
            <translation>Ring van {width} m</translation>
        </message>
        <message>
            <source>Ring width {width} m. Reference: {reference} ({mode}).</source>
            <translation>Breedte van de ring {width} m. Referentie: {reference} ({mode}).</translation>
        </message>
        <message>
            <source>Safety field</source>
            <translation>Veiligheidsveld</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>za</translation>
        </message>
        <message>
            <source>Scan (reference number or uuid; empty: the newest scan)</source>
            <translation>Scan (kenmerk of uuid; leeg: de nieuwste scan)</translation>
        </message>
        <message>
            <source>Scan {reference} (uuid {uuid}), version {scan_version}, made on {created}, last updated on {updated}, with Hotspot {plugin}; this report was made with Hotspot {report_plugin}.</source>
            <translation>Scan {reference} (uuid {uuid}), versie {scan_version}, gemaakt op {created}, laatst bijgewerkt op {updated}, met Hotspot {plugin}; dit rapport is gemaakt met Hotspot {report_plugin}.</translation>
        </message>
        <message>
            <source>Scan {reference} ({title}), version {version}.</source>
            <translation>Scan {reference} ({title}), versie {version}.</translation>
        </message>
        <message>
            <source>Sep</source>
            <translation>sep</translation>
        </message>
        <message>
            <source>separate from the scan area</source>
            <translation>los van het scangebied</translation>
        </message>
        <message>
            <source>September</source>
            <translation>september</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Ernst</translation>
        </message>
        <message>
            <source>Share in area</source>
            <translation>Aandeel in gebied</translation>
        </message>
        <message>
            <source>Share in ring</source>
            <translation>Aandeel in ring</translation>
        </message>
        <message>
            <source>Show counts below this number as &lt;n (empty: as in the scan)</source>
            <translation>Aantallen onder dit getal tonen als &lt;n (leeg: zoals in de scan)</translation>
        </message>
        <message>
            <source>Significance level {alpha}. Rates are per period (not per year).</source>
            <translation>Significantieniveau {alpha}. Cijfers zijn per periode (niet per jaar).</translation>
        </message>
        <message>
            <source>significant</source>
            <translation>significant</translation>
        </message>
        <message>
            <source>Sources of the incidents (number of records in the safety GeoPackage): {sources}. Inhabitants and dwellings: the buurten in the safety GeoPackage (CBS Wijken en Buurten). Risk objects: the layer risk objects of the safety GeoPackage.</source>
            <translation>Bronnen van de incidenten (aantal records in de veiligheids-GeoPackage): {sources}. Inwoners en woningen: de buurten in de veiligheids-GeoPackage (CBS Wijken en Buurten). Risico-objecten: de laag risico-objecten van de veiligheids-GeoPackage.</translation>
        </message>
        <message>
            <source>Spatial safety advice</source>
            <translation>Advies ruimtelijke veiligheid</translation>
        </message>
        <message>
            <source>Spatial safety advice (advies ruimtelijke veiligheid)</source>
            <translation>Advies ruimtelijke veiligheid</translation>
        </message>
        <message>
            <source>Statistical tests</source>
            <translation>Statistische toetsen</translation>
        </message>
        <message>
            <source>Status on the report: concept or definitief (empty: as saved)</source>
            <translation>Status op het rapport: concept of definitief (leeg: zoals opgeslagen)</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Samenvatting</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>zo</translation>
        </message>
        <message>
            <source>The analysis leads to no findings that call for measures.</source>
            <translation>De analyse leidt niet tot bevindingen die om maatregelen vragen.</translation>
        </message>
        <message>
            <source>The analysis leads to no findings: none of the rules in appendix A applies to the figures of this scan, and the author added none.</source>
            <translation>De analyse leidt niet tot bevindingen: geen van de regels in bijlage A is van toepassing op de cijfers van deze scan, en de auteur heeft er geen toegevoegd.</translation>
        </message>
        <message>
            <source>The analysis leads to the following findings, the most urgent first. The numbers in brackets refer to the measures in chapter 6.</source>
            <translation>De analyse leidt tot de volgende bevindingen, de meest urgente eerst. De nummers tussen haakjes verwijzen naar de maatregelen in hoofdstuk 6.</translation>
        </message>
        <message>
            <source>The analysis leads to {n} findings, {high} of them with high priority.</source>
            <translation>De analyse leidt tot {n} bevindingen, waarvan {high} met hoge prioriteit.</translation>
        </message>
        <message>
            <source>the change cannot be computed</source>
            <translation>de verandering is niet te berekenen</translation>
        </message>
        <message>
            <source>the change is not given because of the small numbers</source>
            <translation>de verandering wordt vanwege de kleine aantallen niet gegeven</translation>
        </message>
        <message>
            <source>The figures are compared with {reference}.</source>
            <translation>De cijfers zijn vergeleken met {reference}.</translation>
        </message>
        <message>
            <source>The folder {folder} holds none of the page templates ({names}); copy them from the plugin's resources/templates folder and edit them there.</source>
            <translation>De map {folder} bevat geen van de paginasjablonen ({names}); kopieer ze uit de map resources/templates van de plugin en pas ze daar aan.</translation>
        </message>
        <message>
            <source>The GeoPackage {path} holds no saved scan. Run the environment scan first.</source>
            <translation>De GeoPackage {path} bevat geen opgeslagen scan. Voer eerst de omgevingsscan uit.</translation>
        </message>
        <message>
            <source>The incidents in the safety GeoPackage were counted in the area and in the ring, per safety field and per category, in the period and in the comparison period. Changes and the comparison with the reference area were tested with exact tests. A density map (heatmap) with hotspot zones shows where incidents concentrate; the weekday and the hour show when they happen. Findings follow from fixed rules and propose measures from Hotspot's catalogue; the author checked and completed them. Appendix A gives the details.</source>
            <translation>De incidenten in de veiligheids-GeoPackage zijn geteld in het gebied en in de ring, per veiligheidsveld en per categorie, in de periode en in de vergelijkingsperiode. Veranderingen en de vergelijking met het referentiegebied zijn met exacte toetsen getoetst. Een dichtheidskaart (heatmap) met hotspotzones laat zien waar incidenten zich concentreren; weekdag en uur laten zien wanneer ze gebeuren. Bevindingen volgen uit vaste regels en stellen maatregelen uit de catalogus van Hotspot voor; de auteur heeft ze gecontroleerd en aangevuld. Bijlage A geeft de details.</translation>
        </message>
        <message>
            <source>The layout is only opened in the QGIS desktop; here only the PDF is made.</source>
            <translation>De opmaak wordt alleen in QGIS desktop geopend; hier wordt alleen de PDF gemaakt.</translation>
        </message>
        <message>
            <source>The map shows the density of the incidents (kernel density, radius {radius} m) and the hotspot zones.</source>
            <translation>De kaart toont de dichtheid van de incidenten (kerneldichtheid, straal {radius} m) en de hotspotzones.</translation>
        </message>
        <message>
            <source>The measures below are recommended, by priority (1 = take up first). The owner takes the lead; the finding numbers refer to chapter 5.</source>
            <translation>De onderstaande maatregelen worden aanbevolen, naar prioriteit (1 = eerst oppakken). De eigenaar neemt het initiatief; de nummers van de bevindingen verwijzen naar hoofdstuk 5.</translation>
        </message>
        <message>
            <source>the municipality</source>
            <translation>de gemeente</translation>
        </message>
        <message>
            <source>the municipality of {name}</source>
            <translation>de gemeente {name}</translation>
        </message>
        <message>
            <source>The neighbourhood inspection left {n} open findings in the area, {red} of them red (chapter 4).</source>
            <translation>De buurtschouw leverde {n} openstaande bevindingen in het gebied op, waarvan {red} rood (hoofdstuk 4).</translation>
        </message>
        <message>
            <source>The neighbourhood inspection left {n} open findings in the scan area: {red} red, {orange} orange and {green} green. The numbers on the map refer to the table.</source>
            <translation>De buurtschouw leverde {n} openstaande bevindingen in het scangebied op: {red} rood, {orange} oranje en {green} groen. De nummers op de kaart verwijzen naar de tabel.</translation>
        </message>
        <message>
            <source>The PDF {path} could not be written (error {code}: {error}). Check that the folder exists and that the file is not open in another program.</source>
            <translation>De PDF {path} kon niet worden geschreven (fout {code}: {error}). Controleer of de map bestaat en of het bestand niet in een ander programma geopend is.</translation>
        </message>
        <message>
            <source>the reference area</source>
            <translation>het referentiegebied</translation>
        </message>
        <message>
            <source>The report template {name}.qpt could not be read.</source>
            <translation>Het rapportsjabloon {name}.qpt kon niet worden gelezen.</translation>
        </message>
        <message>
            <source>The report template {path} is missing or not a layout template.</source>
            <translation>Het rapportsjabloon {path} ontbreekt of is geen opmaaksjabloon.</translation>
        </message>
        <message>
            <source>The ring of {width} m covers {km2} km² with about {inhabitants} inhabitants.</source>
            <translation>De ring van {width} m beslaat {km2} km² met ongeveer {inhabitants} inwoners.</translation>
        </message>
        <message>
            <source>the scan area</source>
            <translation>het scangebied</translation>
        </message>
        <message>
            <source>The scan area covers {km2} km² and lies in {buurten}.</source>
            <translation>Het scangebied beslaat {km2} km² en ligt in {buurten}.</translation>
        </message>
        <message>
            <source>The scan area covers {km2} km² with about {inhabitants} inhabitants and {dwellings} dwellings (apportioned from the buurten by area share).</source>
            <translation>Het scangebied beslaat {km2} km² met ongeveer {inhabitants} inwoners en {dwellings} woningen (naar oppervlakteaandeel uit de buurten verdeeld).</translation>
        </message>
        <message>
            <source>The scan area covers {km2} km².</source>
            <translation>Het scangebied beslaat {km2} km².</translation>
        </message>
        <message>
            <source>The scan area covers {km2} km²; no buurt with population figures covers it.</source>
            <translation>Het scangebied beslaat {km2} km²; er ligt geen buurt met bevolkingscijfers over.</translation>
        </message>
        <message>
            <source>The scan saved no density raster; the report computed this one from the incidents of the period in and around the area (unweighted).</source>
            <translation>De scan heeft geen dichtheidsraster bewaard; het rapport heeft dit berekend uit de incidenten van de periode in en rond het gebied (ongewogen).</translation>
        </message>
        <message>
            <source>The scan {reference} has no results; run the environment scan first.</source>
            <translation>De scan {reference} heeft geen resultaten; voer eerst de omgevingsscan uit.</translation>
        </message>
        <message>
            <source>The status must be concept or definitief, not {status}.</source>
            <translation>De status moet concept of definitief zijn, niet {status}.</translation>
        </message>
        <message>
            <source>The template folder {folder} does not exist.</source>
            <translation>De sjabloonmap {folder} bestaat niet.</translation>
        </message>
        <message>
            <source>The template text.qpt has no label with the id body.</source>
            <translation>Het sjabloon text.qpt heeft geen label met de id body.</translation>
        </message>
        <message>
            <source>There are too few incidents for a density map.</source>
            <translation>Er zijn te weinig incidenten voor een dichtheidskaart.</translation>
        </message>
        <message>
            <source>This advice describes the spatial safety of {location} ({title}). It rests on the incidents registered in the period {period}, compared with the comparison period {comparison} and with {reference}, on the functions in and around the area and on the findings of a neighbourhood inspection (buurtschouw) where one was held.</source>
            <translation>Dit advies beschrijft de ruimtelijke veiligheid van {location} ({title}). Het berust op de incidenten die zijn geregistreerd in de periode {period}, vergeleken met de vergelijkingsperiode {comparison} en met {reference}, op de functies in en rond het gebied en op de bevindingen van een buurtschouw als die is gehouden.</translation>
        </message>
        <message>
            <source>This advice on spatial safety (advies ruimtelijke veiligheid) was drawn up for {title}. It follows the structure the CCV recommends for a safety analysis: a description of the area, the results per safety field of the VNG Kernbeleid Veiligheid, the findings of the neighbourhood inspection, conclusions and recommendations with priorities.</source>
            <translation>Dit advies ruimtelijke veiligheid is opgesteld voor {title}. Het volgt de opbouw die het CCV aanbeveelt voor een veiligheidsanalyse: een beschrijving van het gebied, de resultaten per veiligheidsveld van het VNG Kernbeleid Veiligheid, de bevindingen van de buurtschouw, conclusies en aanbevelingen met prioriteiten.</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>do</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>Tijd van de dag</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Totaal</translation>
        </message>
        <message>
            <source>triangular</source>
            <translation>driehoekig</translation>
        </message>
        <message>
            <source>triweight</source>
            <translation>triweight</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>di</translation>
        </message>
        <message>
            <source>uniform</source>
            <translation>uniform</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <source>unknown source</source>
            <translation>onbekende bron</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versie</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>wo</translation>
        </message>
        <message>
            <source>Weekday and hour (period, scan area)</source>
            <translation>Weekdag en uur (periode, scangebied)</translation>
        </message>
        <message>
            <source>When a buurtschouw is held with Hotspot's buurtschouw tools and its findings are imported, they appear in this chapter after the scan has been run again.</source>
            <translation>Als er een buurtschouw wordt gehouden met de schouwhulpmiddelen van Hotspot en de bevindingen worden ingelezen, verschijnen ze in dit hoofdstuk nadat de scan opnieuw is uitgevoerd.</translation>
        </message>
        <message>
            <source>Whole field</source>
            <translation>Hele veld</translation>
        </message>
        <message>
            <source>{heading} (continued)</source>
            <translation>{heading} (vervolg)</translation>
        </message>
        <message>
            <source>{k} hotspot zones lie (partly) in the area; together they cover {share} of it.</source>
            <translation>{k} hotspotzones liggen (deels) in het gebied; samen beslaan ze {share} ervan.</translation>
        </message>
        <message>
            <source>{measure} (owner: {owner})</source>
            <translation>{measure} (eigenaar: {owner})</translation>
        </message>
        <message>
            <source>{n} incidents in the scan area in the period ({n_comparison} in the comparison period: {change}).</source>
            <translation>{n} incidenten in het scangebied in de periode ({n_comparison} in de vergelijkingsperiode: {change}).</translation>
        </message>
        <message>
            <source>{n} measures are recommended (chapter 6). To be taken up first:</source>
            <translation>Er worden {n} maatregelen aanbevolen (hoofdstuk 6). Als eerste op te pakken:</translation>
        </message>
        <message>
            <source>{reference} · version {version} · {status}</source>
            <translation>{reference} · versie {version} · {status}</translation>
        </message>
        <message>
            <source>{share} lie in hotspot zones.</source>
            <translation>{share} ligt in hotspotzones.</translation>
        </message>
        <message>
            <source>{share} of them happened in the evening or at night (19:00-07:00).</source>
            <translation>{share} daarvan vond 's avonds of 's nachts plaats (19:00-07:00).</translation>
        </message>
        <message>
            <source>{start} to {end}</source>
            <translation>{start} t/m {end}</translation>
        </message>
    </context>
</TS>
