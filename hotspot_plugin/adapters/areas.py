"""Reading a polygon layer of areas (CBS buurten/wijken, Statbel sectors, ...) into plain columns.

The geometries are reprojected to the safety GeoPackage's CRS and returned as valid shapely
MultiPolygons (None where a feature has no usable polygon); the attributes of the mapped fields
as plain Python values. Features of other municipalities (when a filter is given) are not read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest
from shapely.geometry import MultiPolygon, Polygon

from ..core.area_import import AreaMapping, clean_code
from ..core.progress import Monitor, ensure
from .geometry import transformed_shape
from .values import plain


@dataclass
class AreaSource:
    columns: Dict[str, List[object]] = field(default_factory=dict)  # role -> values
    geometries: List[Optional[MultiPolygon]] = field(default_factory=list)
    other_municipality: int = 0  # features left out by the municipality filter


def as_multipolygon(shape) -> Optional[MultiPolygon]:
    """The polygonal part of a shapely geometry as a MultiPolygon (None when it has no area)."""
    if shape is None or shape.is_empty:
        return None
    if isinstance(shape, Polygon):
        parts = [shape]
    elif isinstance(shape, MultiPolygon):
        parts = list(shape.geoms)
    else:
        parts = [g for g in getattr(shape, "geoms", ()) if isinstance(g, Polygon)]
        parts += [p for g in getattr(shape, "geoms", ()) if isinstance(g, MultiPolygon) for p in g.geoms]
    parts = [p for p in parts if not p.is_empty and p.area > 0]
    return MultiPolygon(parts) if parts else None


def read_area_source(source, mapping: AreaMapping, transform: Optional[QgsCoordinateTransform],
                     municipalities: Sequence[str] = (), monitor: Optional[Monitor] = None) -> AreaSource:
    """The mapped attributes and reprojected polygons of every feature of *source*.

    *municipalities*: keep only features whose municipality field holds one of these codes
    (compared as text, case-insensitive); empty keeps all.
    """
    monitor = ensure(monitor)
    names = source.fields().names()
    roles = mapping.fields()
    index = {role: names.index(name) for role, name in roles.items()}
    wanted = {m.strip().lower() for m in municipalities if m.strip()}
    out = AreaSource({role: [] for role in roles})
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(sorted(set(index.values())))
    total = max(1, source.featureCount())
    for n, feature in enumerate(source.getFeatures(request)):
        monitor.set(100.0 * n / total)
        monitor.check()
        attrs = feature.attributes()
        if wanted:
            code = clean_code(plain(attrs[index["municipality"]]))
            if code is None or code.lower() not in wanted:
                out.other_municipality += 1
                continue
        for role, i in index.items():
            out.columns[role].append(_python(plain(attrs[i])))
        shape = transformed_shape(feature.geometry(), transform, repair=True)
        out.geometries.append(as_multipolygon(shape))
    monitor.set(100)
    return out


def _python(value):
    """QVariant-ish values (QDate, ...) as Python values; numbers and text as they are."""
    for attr in ("toPyDateTime", "toPyDate", "toPyTime"):
        fn = getattr(value, attr, None)
        if fn is not None:
            return fn()
    return value
