#!/usr/bin/env python3
"""Mark hotspot_plugin as enabled in a QGIS profile (profiles/<name>/QGIS/QGIS3.ini)."""
import configparser
import sys
from pathlib import Path

profile = Path(sys.argv[1])
ini = profile / "QGIS" / "QGIS3.ini"
ini.parent.mkdir(parents=True, exist_ok=True)
parser = configparser.RawConfigParser()
parser.optionxform = str
if ini.exists():
    parser.read(ini, encoding="utf-8")
for section, key, value in (("PythonPlugins", "hotspot_plugin", "true"),
                            ("qgis", "checkVersion", "false"),
                            ("qgis", "showTips", "false")):
    if not parser.has_section(section):
        parser.add_section(section)
    parser.set(section, key, value)
if len(sys.argv) > 2:  # locale, e.g. nl
    if not parser.has_section("locale"):
        parser.add_section("locale")
    parser.set("locale", "overrideFlag", "true")
    parser.set("locale", "userLocale", sys.argv[2])
with open(ini, "w", encoding="utf-8") as fh:
    parser.write(fh, space_around_delimiters=False)
print(ini)
