"""Address points out of a QGIS feature source, for the warning letters.

Only the addresses near the recent incidents are read (by bounding rectangles, through the
layer's spatial index when it has one); their keys come from the pure address rules
(:class:`hotspot_plugin.core.addresses.AddressFormat`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Sequence

import numpy as np
from qgis.core import QgsFeatureRequest, QgsRectangle

from ..compat import SpatialIndexPresence
from ..core.addresses import AddressFormat
from ..core.errors import Canceled
from .incidents import plain

#: Above this many incidents the addresses are read in one combined rectangle.
MAX_RECTANGLES = 200


@dataclass
class AddressCandidates:
    """Feature ids, coordinates (map units) and keys of the addresses near the recent incidents."""

    fids: List[int] = field(default_factory=list)
    x: List[float] = field(default_factory=list)
    y: List[float] = field(default_factory=list)
    keys: List[object] = field(default_factory=list)


def attribute_values(feature, names: Sequence[str]) -> Dict[str, object]:
    """Field name -> value of the feature, QGIS's NULL as None."""
    return {n: plain(feature[n]) for n in names}


def has_spatial_index(source) -> bool:
    try:
        return source.hasSpatialIndex() != SpatialIndexPresence.NotPresent
    except AttributeError:  # pragma: no cover - older QGIS
        return True


def read_candidates(source, fmt: AddressFormat, x: np.ndarray, y: np.ndarray, recent: np.ndarray,
                    radius: float, feedback, progress=(10.0, 40.0)) -> AddressCandidates:
    """The addresses within a square of *radius* (map units) around the incidents ``recent`` of *x*, *y*."""
    found = AddressCandidates()
    if recent.size == 0:
        return found
    reach = radius * 1.001 + 1e-6
    rects = [QgsRectangle(x[i] - reach, y[i] - reach, x[i] + reach, y[i] + reach) for i in recent]
    if recent.size > MAX_RECTANGLES or not has_spatial_index(source):
        box = QgsRectangle(rects[0])
        for r in rects[1:]:
            box.combineExtentWith(r)
        rects = [box]
    names = fmt.key_fields()
    seen = set()
    start, end = progress
    for k, rect in enumerate(rects):
        request = QgsFeatureRequest().setFilterRect(rect).setSubsetOfAttributes(names, source.fields())
        for feature in source.getFeatures(request):
            if feature.id() in seen:
                continue
            geom = feature.geometry()
            if geom is None or geom.isNull() or geom.isEmpty():
                continue
            seen.add(feature.id())
            point = geom.asPoint() if not geom.isMultipart() else geom.centroid().asPoint()
            key = fmt.key(attribute_values(feature, names))
            found.fids.append(feature.id())
            found.x.append(point.x())
            found.y.append(point.y())
            found.keys.append(key or None)
        if feedback.isCanceled():
            raise Canceled()
        feedback.setProgress(start + (end - start) * (k + 1) / len(rects))
    return found


def features_by_id(source, fids: Sequence[int]) -> Dict[int, object]:
    """Feature id -> QgsFeature of the given ids (all attributes, with geometry)."""
    if not fids:
        return {}
    request = QgsFeatureRequest().setFilterFids(list(fids))
    return {f.id(): f for f in source.getFeatures(request)}
