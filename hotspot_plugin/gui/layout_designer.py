"""Opens the layouts Hotspot's algorithms hand over (hotspot:advicereport with OPEN_LAYOUT) in the
QGIS layout designer: the GUI half of report/advice/designer.py.

The plugin creates one :class:`LayoutDesignerOpener` in the desktop; it watches the project's
layout manager and opens every layout that arrives with the hand-over mark.
"""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject

from ..report.advice.designer import OPEN_PROPERTY, set_designer_available


class LayoutDesignerOpener(QObject):
    """Opens marked layouts in *iface*'s layout designer as they are added to the project."""

    def __init__(self, iface, project: QgsProject = None) -> None:
        super().__init__(iface.mainWindow() if iface is not None else None)
        self.iface = iface
        self.manager = (project or QgsProject.instance()).layoutManager()
        self.manager.layoutAdded.connect(self.layout_added)
        set_designer_available(True)

    def layout_added(self, name: str) -> None:
        layout = self.manager.layoutByName(name)
        if layout is None or not layout.customProperty(OPEN_PROPERTY, False):
            return
        layout.removeCustomProperty(OPEN_PROPERTY)
        self.iface.openLayoutDesigner(layout)

    def unload(self) -> None:
        """Stop opening layouts (the plugin is unloaded)."""
        set_designer_available(False)
        try:
            self.manager.layoutAdded.disconnect(self.layout_added)
        except (TypeError, RuntimeError):  # already disconnected, or the manager is gone
            pass
