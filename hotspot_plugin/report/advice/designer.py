"""Handing a finished advice layout to the QGIS desktop's layout designer, without touching the GUI.

The report side only adds the layout to a project's layout manager, marked with
:data:`OPEN_PROPERTY`; the GUI side (gui/layout_designer.py, installed by the plugin in the
desktop) sees the layout arrive and opens it in the designer. :func:`designer_available` tells
whether such a GUI is installed (not in ``qgis_process`` or a script).
"""

from __future__ import annotations

from qgis.core import QgsPrintLayout, QgsProject

#: Custom property of a layout the GUI opens in the layout designer when it is added to the project.
OPEN_PROPERTY = "hotspot/open_in_designer"

_available = False


def set_designer_available(available: bool) -> None:
    """Called by the GUI side when it starts (True) and stops (False) opening marked layouts."""
    global _available
    _available = bool(available)


def designer_available() -> bool:
    """True when a GUI opens marked layouts in the layout designer (the QGIS desktop)."""
    return _available


def hand_to_designer(layout: QgsPrintLayout, project: QgsProject) -> str:
    """Add *layout* to *project*'s layouts under a free name ("Advice HS-1 (2)"), marked to be
    opened in the designer; the project owns it from then on. Returns the name."""
    manager = project.layoutManager()
    base = layout.name()
    name, k = base, 2
    while manager.layoutByName(name) is not None:
        name, k = f"{base} ({k})", k + 1
    layout.setName(name)
    layout.setCustomProperty(OPEN_PROPERTY, True)
    manager.addLayout(layout)
    return name
