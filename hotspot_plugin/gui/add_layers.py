"""The action "Add safety layers": pick a safety GeoPackage and add its layers, styled."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QFileDialog

from ..core.errors import HotspotError
from ..i18n import tr
from ..settings import Settings
from ..storage.layers import add_safety_layers


def choose_and_add_layers(iface) -> None:
    settings = Settings.load()
    path, _ = QFileDialog.getOpenFileName(iface.mainWindow(), tr("Choose a safety GeoPackage"),
                                          settings.last_gpkg, tr("GeoPackage") + " (*.gpkg)")
    if not path:
        return
    try:
        group = add_safety_layers(path)
    except HotspotError as exc:
        iface.messageBar().pushMessage(tr("Hotspot"), exc.render(tr), Qgis.MessageLevel.Critical, 10)
        return
    settings.last_gpkg = path
    settings.save()
    iface.messageBar().pushMessage(
        tr("Hotspot"), tr("Added {n} layers from {path}.").format(n=len(group.findLayers()), path=path),
        Qgis.MessageLevel.Success, 5)
