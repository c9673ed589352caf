<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
        <message>
            <source>* significant (p &lt; {alpha}). –: not computable, or on a count not shown. &lt;{threshold}: 1 to {below}; x: hidden so that no small count can be computed back. Rates per period; ² ratio per km² (too few inhabitants for a ratio per 1,000).</source>
            <translation>* significant (p &lt; {alpha}). –: niet te berekenen, of op een aantal dat niet getoond wordt. &lt;{threshold}: 1 t/m {below}; x: verborgen zodat geen klein aantal terug te rekenen is. Cijfers per periode; ² verhouding per km² (te weinig inwoners voor een verhouding per 1.000).</translation>
        </message>
        <message>
            <source>Counts below {t} are shown as '&lt;{t}'; x: hidden so that a small count cannot be computed back from the total. Change: against {c_start} up to and including {c_end}; * = significant (p &lt; 0.05). Against the municipality: rate ratio (point at a number for its 95% interval).</source>
            <translation>Aantallen onder {t} staan als '&lt;{t}'; x: verborgen zodat een klein aantal niet uit het totaal terug te rekenen is. Verandering: ten opzichte van {c_start} tot en met {c_end}; * = significant (p &lt; 0,05). T.o.v. gemeente: verhouding van de cijfers (wijs een getal aan voor het 95%-interval).</translation>
        </message>
        <message>
            <source>Counts from 1 to {below} are published as "&lt;{threshold}" (primary suppression). Where counts stand beside their total (the safety fields and all incidents, the categories and their field), further counts are hidden as "x", the smallest first, until no count shown as "&lt;{threshold}" can be computed back from the total and the other counts (secondary suppression); when that is not possible, only the total is shown. No rate, change, ratio or percentage is computed on a count that is not shown, and a share is given only when the part and the rest are both zero or at least {threshold}. Zero is shown: it concerns no one. Counts that are not about persons (inhabitants, risk objects) are not suppressed. Charts show small counts hatched. The scan itself used the threshold {scan_threshold}.</source>
            <translation>Aantallen van 1 tot en met {below} worden gepubliceerd als "&lt;{threshold}" (primaire onderdrukking). Waar aantallen naast hun totaal staan (de veiligheidsvelden en alle incidenten, de categorieën en hun veld), worden verdere aantallen verborgen als "x", de kleinste eerst, totdat geen aantal dat als "&lt;{threshold}" getoond wordt nog uit het totaal en de andere aantallen terug te rekenen is (secundaire onderdrukking); lukt dat niet, dan wordt alleen het totaal getoond. Op een aantal dat niet getoond wordt, wordt geen cijfer, verandering, verhouding of percentage berekend, en een aandeel wordt alleen gegeven als het deel en de rest allebei nul of minstens {threshold} zijn. Nul wordt getoond: dat gaat over niemand. Aantallen die niet over personen gaan (inwoners, risico-objecten) worden niet onderdrukt. Grafieken tonen kleine aantallen gearceerd. De scan zelf gebruikte de drempel {scan_threshold}.</translation>
        </message>
        <message>
            <source>it is not a regular file</source>
            <translation>het is geen gewoon bestand</translation>
        </message>
        <message>
            <source>Largest photo to copy (MB); larger photos are skipped</source>
            <translation>Grootste foto die wordt gekopieerd (MB); grotere foto's worden overgeslagen</translation>
        </message>
        <message>
            <source>Photos refused (see the log)</source>
            <translation>Geweigerde foto's (zie het logboek)</translation>
        </message>
        <message>
            <source>the file has several names (a hard link)</source>
            <translation>het bestand heeft meerdere namen (een harde koppeling)</translation>
        </message>
        <message>
            <source>the file is not in the package</source>
            <translation>het bestand zit niet in het pakket</translation>
        </message>
        <message>
            <source>the file is {size} MB, more than the limit of {limit} MB</source>
            <translation>het bestand is {size} MB, meer dan de grens van {limit} MB</translation>
        </message>
        <message>
            <source>the path is a link, possibly to a file outside the package</source>
            <translation>het pad is een koppeling (link), mogelijk naar een bestand buiten het pakket</translation>
        </message>
        <message>
            <source>the path is not a plain relative path inside the package's DCIM folder</source>
            <translation>het pad is geen gewoon relatief pad binnen de map DCIM van het pakket</translation>
        </message>
        <message>
            <source>The photo {photo} of finding {uuid} was not taken: {reason}. The finding was imported without it.</source>
            <translation>De foto {photo} van bevinding {uuid} is niet overgenomen: {reason}. De bevinding is zonder foto geïmporteerd.</translation>
        </message>
    </context>
</TS>
