"""The entries of the Hotspot menu (plugin.py): the one name of each step that the user is told.

A message that sends the user to another step names it as the menu does, through
:func:`menu_path` ("Hotspot > Import buurtschouw findings"), never by its Processing name.
"""
from __future__ import annotations

from .i18n import N_

MENU = N_("Hotspot")
CREATE_GPKG = N_("Create safety GeoPackage…")
IMPORT_INCIDENTS = N_("Import incidents…")
IMPORT_AREAS = N_("Import areas (buurten, wijken)…")
ADD_LAYERS = N_("Add safety layers")
DENSITY = N_("Density heatmap…")
GISTAR = N_("Hot spots (Gi*)…")
ZONES = N_("Hotspot zones…")
EMERGING = N_("Emerging hot spots…")
MONITOR = N_("Area monitor (Buurtmonitor)…")
SCAN = N_("Environment scan (omgevingsscan)…")
PREPARE_SCHOUW = N_("Prepare buurtschouw…")
IMPORT_SCHOUW = N_("Import buurtschouw findings…")
NEAR_REPEAT = N_("Near-repeat analysis…")
LETTERS = N_("Warning letters…")
MEASURE_EFFECT = N_("Effect of a measure…")
CAMERA_COVERAGE = N_("Camera coverage…")
CAMERA_PLACEMENT = N_("Camera placement…")
SETTINGS = N_("Settings…")


def menu_path(menu: str, entry: str) -> str:
    """The translated *menu* and *entry* as the user finds them: "Hotspot > Import buurtschouw
    findings" (without the dots that say a dialog follows)."""
    return f"{menu} > {entry.rstrip('…').rstrip('.').strip()}"
