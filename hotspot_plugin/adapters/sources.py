"""Feature sources of the buurtschouw into shapely, in the safety GeoPackage's CRS.

The schouw area, hotspot zones, extra points and a street or route layer given as Processing
sources: each feature's geometry is transformed to the GeoPackage's CRS and converted with the
one converter (:func:`adapters.geometry.to_shapely`).
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QVariant
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..i18n import tr
from .geometry import to_shapely

#: Field names (lower case) whose value labels an extra point, the first one found.
LABEL_FIELDS = ("label", "name", "naam", "omschrijving")
#: Fields of a hotspot zone the choice of points uses.
ZONE_FIELDS = ("peak", "rank", "peak_x", "peak_y")


def _missing(value: Any) -> bool:
    return value is None or value == NULL or (isinstance(value, QVariant) and value.isNull())


def _finite_or_none(value: Any) -> Optional[float]:
    """A feature's value as a finite float, or None (NULL, text, NaN, infinity)."""
    if _missing(value):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _transform(source, crs: QgsCoordinateReferenceSystem, context) -> Optional[QgsCoordinateTransform]:
    if source.sourceCrs().isValid() and source.sourceCrs() != crs:
        return QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    return None


def source_geometries(source, crs, context, what: str) -> List[Tuple[QgsFeature, BaseGeometry]]:
    """(feature, shapely geometry in *crs*) of a feature source; *what* names it in the error."""
    transform = _transform(source, crs, context)
    out = []
    for feature in source.getFeatures(QgsFeatureRequest()):
        geometry = feature.geometry()
        if transform is not None and geometry is not None and not geometry.isNull():
            try:
                geometry.transform(transform)
            except QgsCsException:
                raise QgsProcessingException(
                    tr("The {what} cannot be converted to the GeoPackage's CRS {crs}.").format(
                        what=what, crs=crs.authid()
                    )
                ) from None
        geom = to_shapely(geometry)
        if geom is not None and not geom.is_empty:
            out.append((feature, geom))
    return out


def area_union(source, crs, context) -> BaseGeometry:
    """The union of the polygons of a schouw area layer (refused when it has none)."""
    area = unary_union(
        [
            g
            for _f, g in source_geometries(source, crs, context, tr("schouw area layer"))
            if g.geom_type in ("Polygon", "MultiPolygon")
        ]
    )
    if area.is_empty:
        raise QgsProcessingException(tr("The schouw area layer has no polygons (or none is selected)."))
    return area


def extra_points(source, crs, context) -> Tuple[List[float], List[float], List[Optional[str]]]:
    """x, y and label of extra points (a point on other geometries; the label from a label/name field)."""
    names = source.fields().names()
    label_field = next((n for n in names if n.lower() in LABEL_FIELDS), None)
    xs, ys, labels = [], [], []
    for feature, geom in source_geometries(source, crs, context, tr("extra points layer")):
        pt = geom if isinstance(geom, Point) else geom.representative_point()
        xs.append(pt.x)
        ys.append(pt.y)
        value = feature[label_field] if label_field else None
        labels.append(None if value is None or value == NULL else str(value))
    return xs, ys, labels


def zones_of(source, crs, context) -> List[Dict[str, Any]]:
    """Hotspot zones as dicts: geometry, and peak, rank, peak_x, peak_y when the layer has them."""
    names = source.fields().names()
    zones = []
    for feature, geom in source_geometries(source, crs, context, tr("hotspot zones layer")):
        zone: Dict[str, Any] = {"geometry": geom}
        for name in ZONE_FIELDS:
            zone[name] = _finite_or_none(feature[name]) if name in names else None
        zones.append(zone)
    return zones


def lines_near(source, crs, context, bbox: Tuple[float, float, float, float]) -> List[BaseGeometry]:
    """The lines of a layer whose box meets *bbox* (in *crs*), in *crs*; untransformable ones are skipped."""
    rect = QgsRectangle(*bbox)
    transform = _transform(source, crs, context)
    if transform is not None:
        try:
            rect = QgsCoordinateTransform(
                crs, source.sourceCrs(), context.transformContext()
            ).transformBoundingBox(rect)
        except QgsCsException:
            rect = QgsRectangle()
    lines = []
    request = QgsFeatureRequest().setNoAttributes()
    if not rect.isEmpty():
        request.setFilterRect(rect)
    for feature in source.getFeatures(request):
        g = feature.geometry()
        if transform is not None:
            try:
                g.transform(transform)
            except QgsCsException:
                continue
        geom = to_shapely(g)
        if geom is not None and geom.geom_type in ("LineString", "MultiLineString"):
            lines.append(geom)
    return lines
