"""The one converter from QGIS geometries to shapely geometries."""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsCsException, QgsGeometry, QgsWkbTypes
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry


def to_shapely(geometry: Optional[QgsGeometry], repair: bool = False) -> Optional[BaseGeometry]:
    """A QGIS geometry as a 2-D shapely geometry.

    Curves are segmentised and Z/M values dropped. Returns None for a missing, empty or
    unreadable geometry (GEOS refuses some degenerate ones). With ``repair`` an invalid polygon
    is made valid (``buffer(0)``), and None is returned when nothing is left.
    """
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    g = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(g.wkbType()):
        g = QgsGeometry(g.constGet().segmentize())
    abstract = g.get()
    abstract.dropZValue()
    abstract.dropMValue()
    try:
        shape = shapely_wkb.loads(bytes(g.asWkb()))
    except Exception:  # noqa: BLE001 - shapely raises several kinds for WKB GEOS refuses
        return None
    if repair and not shape.is_valid:
        shape = shape.buffer(0)
    return None if shape.is_empty else shape


def from_wkb(raw: bytes) -> QgsGeometry:
    """A QGIS geometry from WKB bytes (shapely's ``.wkb``)."""
    geometry = QgsGeometry()
    geometry.fromWkb(raw)
    return geometry


def transformed_shape(geometry: Optional[QgsGeometry], transform=None,
                      repair: bool = False) -> Optional[BaseGeometry]:
    """A feature's geometry as shapely after *transform* (a QgsCoordinateTransform, or None);
    None when it is missing, empty, unreadable or cannot be transformed."""
    if transform is not None and geometry is not None and not geometry.isNull():
        try:
            geometry.transform(transform)
        except QgsCsException:
            return None
    return to_shapely(geometry, repair=repair)
