"""Add the layers of a safety GeoPackage to the project, in one group, with their styles."""
from __future__ import annotations

from typing import List

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from ..core import schema
from ..core.i18n import N_
from ..i18n import tr
from . import gpkg

#: Drawing order, top first.
LAYER_ORDER = (schema.SCHOUW_FINDINGS, schema.SCHOUW_POINTS, schema.INCIDENTS, schema.RISK_OBJECTS,
               schema.MEASURES, schema.SCANS, schema.STREETS, schema.AREAS, schema.CATEGORIES)


def layer_title(name: str) -> str:
    layer_def = schema.LAYER_BY_NAME[name]
    return tr(layer_def.title_en)


def open_layer(path: str, name: str) -> QgsVectorLayer:
    """One layer of the GeoPackage with its default style from layer_styles."""
    layer = QgsVectorLayer(gpkg.layer_uri(path, name), layer_title(name), "ogr")
    if layer.isValid():
        layer.loadDefaultStyle()
    return layer


def add_safety_layers(path: str, project: QgsProject = None, group_name: str = "") -> QgsLayerTreeGroup:
    """Add every layer of the safety GeoPackage at *path* to *project* in one group.

    Raises GeoPackageError when *path* is not a safety GeoPackage. Returns the group.
    """
    gpkg.check_safety_gpkg(path)
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.insertGroup(0, group_name or tr("Safety data"))
    added: List[QgsVectorLayer] = []
    for name in LAYER_ORDER:
        layer = open_layer(path, name)
        if not layer.isValid():
            continue
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        added.append(layer)
    if not added:
        root.removeChildNode(group)
        raise gpkg.GeoPackageError(N_("No layer of {path} could be opened."), path=str(path))
    return group
