"""Inputs of the measure algorithms (measureeffect, cameracoverage, cameraplacement): a metric
working CRS, cameras with their direction, field of view and range, obstacles, and the coverage
of every camera (``core.visibility``)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessingException,
    QgsWkbTypes,
)
from shapely.geometry.base import BaseGeometry

from ..compat import WkbType
from ..core.errors import Canceled
from ..core.progress import Monitor
from ..core.shapely_compat import contains_xy, touches_xy
from ..core.visibility import Camera, obstacle_index, visible_area
from ..i18n import tr
from .crs import is_metric, metric_crs_for, require_crs
from .features import feature_request, read_polygons
from .geometry import from_wkb, to_shapely
from .values import is_null


def working_crs(sources: Sequence[Tuple[object, str]], context, info) -> QgsCoordinateReferenceSystem:
    """The CRS of the first source when it measures in metres, else a metric CRS chosen by the core
    rule at its centre (*info(text)* says so). Refuses a source without a CRS."""
    for source, name in sources:
        require_crs(source.sourceCrs(), name)
    first, name = sources[0]
    if is_metric(first.sourceCrs()):
        return first.sourceCrs()
    crs = metric_crs_for(first.sourceExtent(), first.sourceCrs(), context.transformContext())
    info(tr("The layer {layer} is in {crs_in}, which does not measure in metres; the analysis runs in {crs} "
            "(the data are reprojected) and the output is in that CRS.").format(
                layer=name, crs_in=first.sourceCrs().authid() or first.sourceCrs().description(),
                crs=f"{crs.authid()} {crs.description()}"))
    return crs


def transform_to(source, crs: QgsCoordinateReferenceSystem, context) -> Optional[QgsCoordinateTransform]:
    """The transform from *source*'s CRS to *crs* (None when they are the same)."""
    if source.sourceCrs() == crs:
        return None
    return QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())


def polygons_union(source, context, feedback, transform, name: str) -> List[BaseGeometry]:
    """The polygons of *source* as valid shapely geometries; refuses an empty layer."""
    _q, shapes, _a, _skipped = read_polygons(source, "", context, feedback, transform=transform)
    if not shapes:
        raise QgsProcessingException(tr("The layer {layer} has no polygons.").format(layer=name))
    return shapes


def covers_xy(geometry: Optional[BaseGeometry], x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """True for the points inside or on the boundary of *geometry*."""
    if geometry is None or geometry.is_empty or x.size == 0:
        return np.zeros(x.shape, dtype=bool)
    return contains_xy(geometry, x, y) | touches_xy(geometry, x, y)


@dataclass
class CameraSettings:
    """Where each camera's direction, field of view and range come from (a field wins over the value)."""

    direction_field: str = ""
    fov: float = 360.0
    fov_field: str = ""
    range: float = 50.0
    range_field: str = ""


@dataclass
class CameraRows:
    cameras: List[Camera] = field(default_factory=list)
    fids: List[int] = field(default_factory=list)
    attributes: List[list] = field(default_factory=list)
    skipped: int = 0


def _field_value(value, fallback: Optional[float]) -> Optional[float]:
    if is_null(value):
        return fallback
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number


def read_cameras(source, settings: CameraSettings, context, feedback, transform, name: str) -> CameraRows:
    """The camera points of *source* with their settings; refuses unreadable or impossible values."""
    fields = source.fields()
    for field_name in (settings.direction_field, settings.fov_field, settings.range_field):
        if field_name and fields.lookupField(field_name) < 0:
            raise QgsProcessingException(tr("The layer {layer} has no field '{field}'.").format(
                layer=name, field=field_name))
    rows = CameraRows()
    request = feature_request(source, "", context, fields.names())
    for k, feature in enumerate(source.getFeatures(request)):
        if k % 200 == 0 and feedback.isCanceled():
            raise Canceled()
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            rows.skipped += 1
            continue
        if transform is not None:
            try:
                geom.transform(transform)
            except QgsCsException:
                rows.skipped += 1
                continue
        if QgsWkbTypes.flatType(geom.wkbType()) != WkbType.Point:
            geom = geom.centroid()
        point = geom.asPoint()
        azimuth = _field_value(feature[settings.direction_field], None) if settings.direction_field else None
        fov = _field_value(feature[settings.fov_field], settings.fov) if settings.fov_field else settings.fov
        reach = _field_value(feature[settings.range_field], settings.range) if settings.range_field else settings.range
        bad = [(what, v) for what, v in ((tr("direction"), azimuth), (tr("field of view"), fov),
                                          (tr("range"), reach)) if v is not None and not math.isfinite(v)]
        if bad or fov <= 0 or reach <= 0:
            what, value = bad[0] if bad else ((tr("field of view"), fov) if fov <= 0 else (tr("range"), reach))
            raise QgsProcessingException(tr(
                "Camera {fid} of {layer} has an unusable {what}: {value}. Directions are degrees clockwise from "
                "north, the field of view more than 0 and at most 360 degrees, the range more than 0 m.").format(
                    fid=feature.id(), layer=name, what=what, value=value))
        rows.cameras.append(Camera(point.x(), point.y(), None if azimuth is None else azimuth % 360.0,
                                   min(360.0, fov), reach))
        rows.fids.append(feature.id())
        rows.attributes.append(feature.attributes())
    if not rows.cameras:
        raise QgsProcessingException(tr("The layer {layer} has no camera points.").format(layer=name))
    return rows


def coverages(cameras: Sequence[Camera], obstacles: Sequence[BaseGeometry], monitor: Monitor) -> List[BaseGeometry]:
    """The visible polygon of every camera (exact to 0.25 m at the edges)."""
    index = obstacle_index(obstacles)
    out = []
    for k, camera in enumerate(cameras):
        monitor.check()
        monitor.set(100.0 * k / max(1, len(cameras)))
        out.append(visible_area(camera, obstacles, index=index))
    monitor.set(100.0)
    return out


def shapely_to_crs(geometry: BaseGeometry, src: QgsCoordinateReferenceSystem, dst: QgsCoordinateReferenceSystem,
                   transform_context) -> Optional[BaseGeometry]:
    """A shapely geometry from *src* to *dst* (through QGIS's transform)."""
    if src == dst:
        return geometry
    geom = from_wkb(geometry.wkb)
    geom.transform(QgsCoordinateTransform(src, dst, transform_context))
    return to_shapely(geom, repair=True)
