"""Reading QGIS features into numpy and shapely: points (with weights or numeric fields) and polygons.

The readers the density algorithms share (``hotspot:gistar``, ``hotspot:hotspotzones``,
``hotspot:densityheatmap``):

* :func:`read_points` -- one point per feature (the centroid of other geometries) and an
  optional weight that must be a number (a NULL weight is refused with a message saying how
  to leave such incidents out);
* :func:`read_point_columns` -- every point of (multi)point features with numeric fields as
  NaN where NULL, as QGIS's heatmap reads them;
* :func:`read_polygons` -- polygons as QGIS and as valid shapely geometries, with attributes.

A whole OGR layer (no selection, feature limit, filter or subset string; see
:func:`whole_layer`) is read through GDAL's Arrow stream (``storage.fastread``), about ten
times faster than QGIS's feature iterator.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsWkbTypes,
)
from shapely.geometry.base import BaseGeometry

from ..compat import WkbType
from ..core.errors import Canceled
from ..core.progress import Monitor
from ..i18n import tr
from ..storage.fastread import PointColumns, read_ogr_points
from .geometry import transformed_shape
from .values import is_null as _is_null


def feature_request(source, expression: str, context, attributes: Sequence[str] = ()) -> QgsFeatureRequest:
    """A request for *attributes* of the features of *source* that pass *expression* (checked first)."""
    request = QgsFeatureRequest().setSubsetOfAttributes(list(attributes), source.fields())
    if expression:
        parsed = QgsExpression(expression)
        if parsed.hasParserError():
            raise QgsProcessingException(tr("The filter expression {expression} is not valid: {error}")
                                         .format(expression=expression, error=parsed.parserErrorString()))
        request.setFilterExpression(expression)
        expression_context = QgsExpressionContext(context.expressionContext())
        expression_context.appendScope(source.createExpressionContextScope())
        request.setExpressionContext(expression_context)
    return request


def is_partial(definition) -> bool:
    """True when a source parameter's value is a selection, a limited or a filtered part of its layer."""
    if isinstance(definition, QgsProcessingFeatureSourceDefinition):
        return bool(definition.selectedFeaturesOnly or definition.featureLimit != -1
                    or getattr(definition, "filterExpression", ""))
    return False


def whole_layer(definition, layer):
    """*layer* when the source parameter *definition* reads all of it (no selection, limit, filter or
    subset string), else None."""
    if is_partial(definition) or layer is None or layer.subsetString():
        return None
    return layer


@dataclass
class Points:
    """Incidents read from a point source: coordinates in the working CRS and optional weights."""

    x: np.ndarray
    y: np.ndarray
    w: Optional[np.ndarray]
    read: int
    no_location: int


def read_points(source, expression: str, context, feedback, weight_field: str = "", transform=None,
                progress: Tuple[float, float] = (0.0, 20.0), layer=None) -> Points:
    """Points (and weights) of the features of *source* that pass *expression*.

    Incidents without a location are counted in ``no_location`` and left out. A NULL or
    unreadable weight raises QgsProcessingException saying how many and what to do. With the
    whole *layer* (see :func:`whole_layer`), no *expression* and no *transform*, GDAL's Arrow
    stream (``storage.fastread``) reads it about ten times faster than QGIS's iterator.
    """
    start, end = progress
    if layer is not None and not expression and transform is None:
        fast = read_ogr_points(layer, [weight_field] if weight_field else [],
                               Monitor(feedback.setProgress, feedback.isCanceled).sub(start, end))
        if fast is not None and (not weight_field or bool(np.all(np.isfinite(fast.fields[weight_field])))):
            feedback.setProgress(end)
            return Points(fast.x, fast.y, fast.fields[weight_field] if weight_field else None,
                          fast.count + fast.no_geometry, fast.no_geometry)
        # Otherwise (not OGR, or NULL weights to report with a feature id): QGIS's iterator.
    request = feature_request(source, expression, context, [weight_field] if weight_field else [])
    widx = source.fields().lookupField(weight_field) if weight_field else -1
    total = max(1, source.featureCount())
    xs: List[float] = []
    ys: List[float] = []
    ws: List[float] = []
    null_weights = 0
    first_null = None
    no_location = 0
    read = 0
    for feature in source.getFeatures(request):
        if read % 2000 == 0:
            if feedback.isCanceled():
                raise Canceled()
            feedback.setProgress(start + (end - start) * min(1.0, read / total))
        read += 1
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            no_location += 1
            continue
        if transform is not None:
            try:
                geom.transform(transform)  # feature.geometry() is a copy
            except QgsCsException:
                no_location += 1
                continue
        if QgsWkbTypes.flatType(geom.wkbType()) != WkbType.Point:
            geom = geom.centroid()
        point = geom.asPoint()
        if not (math.isfinite(point.x()) and math.isfinite(point.y())):
            no_location += 1
            continue
        if widx >= 0:
            weight = _as_float(feature.attribute(widx))
            if not math.isfinite(weight):
                null_weights += 1
                first_null = feature.id() if first_null is None else first_null
                continue
            ws.append(weight)
        xs.append(point.x())
        ys.append(point.y())
    if null_weights:
        raise QgsProcessingException(tr(
            "{n} incidents have no weight (NULL or not a number) in field '{field}', for example feature "
            "{fid}. Fill in their weights, leave them out with a filter such as \"{field}\" IS NOT NULL, or "
            "run without a weight field.").format(n=null_weights, field=weight_field, fid=first_null))
    feedback.setProgress(end)
    return Points(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float),
                  np.asarray(ws, dtype=float) if widx >= 0 else None, read, no_location)


def read_point_columns(source, fields: Sequence[str], expression: str, context, monitor: Monitor,
                       layer=None) -> Tuple[PointColumns, bool]:
    """Points and numeric *fields*, and whether GDAL's Arrow stream read them (else QGIS's iterator).

    The Arrow stream reads a whole OGR *layer* when there is no *expression*. Through the
    iterator (only the needed attributes) multi-point features add every part with the
    feature's values, as QGIS's heatmap does; NULL or empty geometries are counted in
    ``no_geometry``; NULL or non-numeric values are NaN.
    """
    if layer is not None and not expression:
        fast = read_ogr_points(layer, list(fields), monitor)
        if fast is not None:
            return fast, True
    request = feature_request(source, expression, context, fields)
    indexes = [source.fields().lookupField(name) for name in fields]
    total = max(1, source.featureCount())
    xs: List[float] = []
    ys: List[float] = []
    values: List[List[float]] = [[] for _ in fields]
    no_geometry = 0
    point_type = WkbType.Point
    for k, feature in enumerate(source.getFeatures(request)):
        if not k & 1023:
            monitor.check()
            monitor.set(100.0 * min(k, total) / total)
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            no_geometry += 1
            continue
        attrs = feature.attributes()
        row = [_as_float(attrs[i]) for i in indexes]
        if QgsWkbTypes.flatType(geom.wkbType()) == point_type:
            p = geom.constGet()
            parts = [(p.x(), p.y())]
        else:
            pts = [p for p in geom.asMultiPoint()] if geom.isMultipart() else [geom.asPoint()]
            parts = [(p.x(), p.y()) for p in pts]
        for px, py in parts:
            xs.append(px)
            ys.append(py)
            for col, v in zip(values, row):
                col.append(v)
    monitor.check()
    monitor.set(100.0)
    x = np.asarray(xs, dtype=np.float64)
    y = np.asarray(ys, dtype=np.float64)
    ok = np.isfinite(x) & np.isfinite(y)
    extra = int(x.size - np.count_nonzero(ok))
    cols = {name: np.asarray(v, dtype=np.float64) for name, v in zip(fields, values)}
    if extra:
        x, y = x[ok], y[ok]
        cols = {name: v[ok] for name, v in cols.items()}
    return PointColumns(x, y, cols, no_geometry + extra), False


def _as_float(value) -> float:
    """A number, or NaN for NULL (a null QVariant) and what is not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def read_polygons(source, expression: str, context, feedback, transform=None,
                  attributes: bool = False) -> Tuple[List[QgsGeometry], List[BaseGeometry], List[list], int]:
    """Polygons of *source* passing *expression*: QGIS geometries, shapely geometries, attributes.

    The shapely geometries are valid (an invalid polygon is repaired with ``buffer(0)``).
    Features without a usable geometry are skipped; their number is returned last.
    """
    request = feature_request(source, expression, context, source.fields().names() if attributes else [])
    qgeoms: List[QgsGeometry] = []
    shapes: List[BaseGeometry] = []
    attrs: List[list] = []
    skipped = 0
    for k, feature in enumerate(source.getFeatures(request)):
        if k % 200 == 0 and feedback.isCanceled():
            raise Canceled()
        geom = feature.geometry()
        shp = transformed_shape(geom, transform, repair=True)  # transforms geom in place
        if shp is None or shp.area <= 0:
            skipped += 1
            continue
        qgeoms.append(geom)
        shapes.append(shp)
        attrs.append([None if _is_null(v) else v for v in feature.attributes()] if attributes else [])
    return qgeoms, shapes, attrs, skipped


__all__ = ["Points", "feature_request", "is_partial", "whole_layer", "read_points", "read_point_columns",
           "read_polygons"]
