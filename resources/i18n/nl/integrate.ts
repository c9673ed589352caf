<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>Compared with the municipality</source>
            <translation>Vergeleken met de gemeente</translation>
        </message>
        <message>
            <source>Counts from 1 to {below} are shown as &lt;{threshold}; no rate, comparison or trend is given on them. Rate {unit}. Compared with the municipality: the 95% interval of the ratio of the rates lies above or below 1. Trend: Mann-Kendall over the yearly rates, p &lt; 0.05.</source>
            <translation>Aantallen van 1 tot en met {below} staan als &lt;{threshold}; daarop staat geen cijfer per inwoner, vergelijking of trend. Cijfer {unit}. Vergeleken met de gemeente: het 95%-interval van de verhouding van de cijfers ligt boven of onder 1. Trend: Mann-Kendall over de cijfers per jaar, p &lt; 0,05.</translation>
        </message>
        <message>
            <source>Development over the years</source>
            <translation>Ontwikkeling over de jaren</translation>
        </message>
        <message>
            <source>Edit the register in QGIS: the layer 'measures' of the safety GeoPackage, with its form.</source>
            <translation>Bewerk het register in QGIS: de laag 'measures' van de veiligheids-GeoPackage, met het bijbehorende formulier.</translation>
        </message>
        <message>
            <source>Edit the register in QGIS: the layer 'measures' of the safety GeoPackage.</source>
            <translation>Bewerk het register in QGIS: de laag 'measures' van de veiligheids-GeoPackage.</translation>
        </message>
        <message>
            <source>Emerging hot spots: the incidents of the whole GeoPackage in cells of {cell} m and {n} periods of {months} months from {first}. Of the {cells} cells with incidents that overlap the scan area, {hot} have a hot spot pattern and {cold} a cold spot pattern. Run the algorithm for a map of the cells.</source>
            <translation>Opkomende hotspots: de incidenten van de hele GeoPackage in cellen van {cell} m en {n} perioden van {months} maanden vanaf {first}. Van de {cells} cellen met incidenten die het scangebied overlappen, hebben er {hot} een hotspotpatroon en {cold} een coldspotpatroon. Voer het algoritme uit voor een kaart van de cellen.</translation>
        </message>
        <message>
            <source>End</source>
            <translation>Einde</translation>
        </message>
        <message>
            <source>Evaluated</source>
            <translation>Geëvalueerd</translation>
        </message>
        <message>
            <source>higher</source>
            <translation>hoger</translation>
        </message>
        <message>
            <source>Incidents per year, all safety fields</source>
            <translation>Incidenten per jaar, alle veiligheidsvelden</translation>
        </message>
        <message>
            <source>Incidents, but none of the patterns above.</source>
            <translation>Incidenten, maar geen van de patronen hierboven.</translation>
        </message>
        <message>
            <source>lower</source>
            <translation>lager</translation>
        </message>
        <message>
            <source>Measures at this place</source>
            <translation>Maatregelen op deze plek</translation>
        </message>
        <message>
            <source>Measures at this place in the measures register ({n}):</source>
            <translation>Maatregelen op deze plek in het maatregelenregister ({n}):</translation>
        </message>
        <message>
            <source>Measures at this place: none in the measures register yet. Saving the scan registers its measures.</source>
            <translation>Maatregelen op deze plek: nog geen in het maatregelenregister. Bij het opslaan van de scan worden de maatregelen ervan geregistreerd.</translation>
        </message>
        <message>
            <source>Measures in the register of the safety GeoPackage whose location meets the scan area: {n} (registered by earlier scans, by the camera placement or by hand; this scan's own measures are in chapter 6). Those with a start date inside the data are evaluated on the next pages.</source>
            <translation>Maatregelen in het register van de veiligheids-GeoPackage waarvan de locatie het scangebied raakt: {n} (geregistreerd door eerdere scans, door de cameraplaatsing of met de hand; de maatregelen van deze scan zelf staan in hoofdstuk 6). Maatregelen met een startdatum binnen de data worden op de volgende pagina's geëvalueerd.</translation>
        </message>
        <message>
            <source>Method of hotspot:emerginghotspots with its defaults: Gi* per quarter, neighbours within {band} m and {k} previous quarter, {permutations} permutations (seed {seed}), a false discovery rate of {alpha} per quarter; the trend of the z-scores by Mann-Kendall.</source>
            <translation>Methode van hotspot:emerginghotspots met de standaardinstellingen: Gi* per kwartaal, buren binnen {band} m en {k} vorig kwartaal, {permutations} permutaties (seed {seed}), een false discovery rate van {alpha} per kwartaal; de trend van de z-scores met Mann-Kendall.</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nee</translation>
        </message>
        <message>
            <source>No cell of {cell} m with incidents overlaps the scan area.</source>
            <translation>Geen cel van {cell} m met incidenten overlapt het scangebied.</translation>
        </message>
        <message>
            <source>not different</source>
            <translation>niet afwijkend</translation>
        </message>
        <message>
            <source>Pattern</source>
            <translation>Patroon</translation>
        </message>
        <message>
            <source>Rate {year}</source>
            <translation>Cijfer {year}</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>The area monitor (Buurtmonitor) of {where}, over the years {first} to {last}: the incidents per year and safety field, the rate in {last} compared with the municipality, and the trend of the yearly rate.</source>
            <translation>De buurtmonitor van {where}, over de jaren {first} tot en met {last}: de incidenten per jaar en veiligheidsveld, het cijfer van {last} vergeleken met de gemeente, en de trend van het cijfer per jaar.</translation>
        </message>
        <message>
            <source>the buurt {name}, in which the scan area lies</source>
            <translation>de buurt {name}, waarin het scangebied ligt</translation>
        </message>
        <message>
            <source>The emerging hot spots cannot be computed: {reason}</source>
            <translation>De opkomende hotspots kunnen niet worden berekend: {reason}</translation>
        </message>
        <message>
            <source>The measures could not be registered: {error}</source>
            <translation>De maatregelen konden niet worden geregistreerd: {error}</translation>
        </message>
        <message>
            <source>the {n} buurten the scan area lies in ({names})</source>
            <translation>de {n} buurten waarin het scangebied ligt ({names})</translation>
        </message>
        <message>
            <source>this scan</source>
            <translation>deze scan</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Trend</translation>
        </message>
        <message>
            <source>What it means</source>
            <translation>Wat het betekent</translation>
        </message>
        <message>
            <source>With {n} years of data a trend cannot be significant (the Mann-Kendall test needs at least 5 years).</source>
            <translation>Met {n} jaar aan data kan een trend niet significant zijn (de Mann-Kendall-toets heeft minstens 5 jaar nodig).</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>{heading}: emerging hot spots</source>
            <translation>{heading}: opkomende hotspots</translation>
        </message>
        <message>
            <source>{n} measures added to the measures register.</source>
            <translation>{n} maatregelen toegevoegd aan het maatregelenregister.</translation>
        </message>
    </context>
</TS>
