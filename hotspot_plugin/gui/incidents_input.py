"""Which incidents an analysis opened from the Hotspot menu starts with.

QGIS's algorithm dialog starts with the active layer, which after a buurtschouw is often the
schouw findings. :func:`default_incidents` chooses instead, in this order: the incidents layer of
the last used safety GeoPackage when it is in the project; another safety GeoPackage's incidents
layer in the project; the active layer when it is a point layer of incidents; the incidents of the
last used safety GeoPackage as a file (the dialog lists it as such); else nothing (QGIS's choice).

:func:`project_safety_gpkg` is the safety GeoPackage behind the layers of the project, and
:func:`starting_gpkg` the GeoPackage a dialog's "Safety GeoPackage" field starts with: the last used one
when it exists, else the project's (a fresh profile with the demo project open starts filled in).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import QgsProviderRegistry, QgsVectorLayer

from ..compat import GeometryType
from ..core import schema
from ..core.errors import HotspotError
from ..storage import gpkg

#: Fields every incidents layer of a safety GeoPackage has (schema.INCIDENTS).
_INCIDENT_FIELDS = ("occurred_at", "category")


def _parts(layer) -> dict:
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return {}
    return QgsProviderRegistry.instance().decodeUri("ogr", layer.source()) or {}


def _same_file(a: str, b: str) -> bool:
    try:
        return bool(a) and bool(b) and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def is_incidents_layer(layer) -> bool:
    """A point layer of incidents: a safety GeoPackage's incidents layer, or points with its fields."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    if layer.geometryType() != GeometryType.Point:
        return False
    if str(_parts(layer).get("layerName") or "") == schema.INCIDENTS:
        return True
    names = set(layer.fields().names())
    return all(f in names for f in _INCIDENT_FIELDS)


def default_incidents(project, active_layer, last_gpkg: str) -> Optional[str]:
    """The INPUT value to start with: a layer id of *project*, a file URI, or None."""
    layers = [lay for lay in project.mapLayers().values() if isinstance(lay, QgsVectorLayer)]
    of_gpkg = [lay for lay in layers if str(_parts(lay).get("layerName") or "") == schema.INCIDENTS
               and lay.geometryType() == GeometryType.Point]
    for layer in of_gpkg:
        if _same_file(str(_parts(layer).get("path") or ""), last_gpkg):
            return layer.id()
    if of_gpkg:
        return of_gpkg[0].id()
    if is_incidents_layer(active_layer):
        return active_layer.id()
    if last_gpkg and Path(last_gpkg).is_file():
        return gpkg.layer_uri(last_gpkg, schema.INCIDENTS)
    return None


def _project_layers(project) -> list:
    """The vector layers of *project*: in the order of its layer tree, then any not in the tree."""
    in_tree = [node.layer() for node in project.layerTreeRoot().findLayers()]
    layers = [lay for lay in in_tree if isinstance(lay, QgsVectorLayer)]
    ids = {lay.id() for lay in layers}
    return layers + [lay for lay in project.mapLayers().values()
                     if isinstance(lay, QgsVectorLayer) and lay.id() not in ids]


def project_safety_gpkg(project) -> str:
    """The safety GeoPackage behind a layer of *project* ('' when none is loaded).

    A GeoPackage whose incidents layer is loaded comes first, then the others in the order of
    the layer tree; each file must pass :func:`storage.gpkg.check_safety_gpkg`.
    """
    layers = _project_layers(project)
    layers.sort(key=lambda lay: str(_parts(lay).get("layerName") or "") != schema.INCIDENTS)
    seen = set()
    for layer in layers:
        path = str(_parts(layer).get("path") or "")
        if not path.lower().endswith(".gpkg") or path in seen:
            continue
        seen.add(path)
        try:
            gpkg.check_safety_gpkg(path)
        except HotspotError:
            continue
        return path
    return ""


def starting_gpkg(project, last_gpkg: str) -> str:
    """The safety GeoPackage a dialog starts with: *last_gpkg* (the settings') when the file exists,
    else the project's (:func:`project_safety_gpkg`), else ''."""
    if last_gpkg and Path(last_gpkg).is_file():
        return last_gpkg
    return project_safety_gpkg(project)
