<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Hotspot</name>
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
        <message>
            <source>The photo {photo} was not taken: {reason}. The finding was imported without it.</source>
            <translation>De foto {photo} is niet overgenomen: {reason}. De bevinding is zonder foto geïmporteerd.</translation>
        </message>
    </context>
</TS>
