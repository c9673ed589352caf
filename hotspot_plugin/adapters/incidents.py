"""Incidents with dates out of a QGIS feature source: points, day numbers, ids.

The near-repeat and warning-letters algorithms read their incidents here: only the needed
attributes, with an optional filter expression and an optional reprojection. Dates become day
numbers (days since 1970-01-01, :mod:`hotspot_plugin.core.days`); QDate and QDateTime are
read here, text and Python dates by the core.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, List, Tuple

import numpy as np
from qgis.core import (
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..compat import DATE, DATETIME, WkbType
from ..core import days as day_numbers
from ..core.errors import Canceled
from ..core.incident_import import guess_mapping
from ..i18n import tr
from .values import is_null as _is_null
from .values import plain  # noqa: F401 - part of this module's surface

#: The date field of the safety GeoPackage's incidents.
DEFAULT_DATE_FIELD = "occurred_at"


def value_to_days(value: object, whole_days: bool) -> float:
    """A date attribute as days since 1970-01-01 (NaN when empty); ValueError when unreadable.

    Accepts QDateTime, QDate, Python dates and ISO or Dutch date texts. With *whole_days* the
    time of day is dropped (the calendar date counts).
    """
    if _is_null(value):
        return math.nan
    if isinstance(value, QDateTime):
        if not value.isValid():
            return math.nan
        msecs = 0.0 if whole_days else value.time().msecsSinceStartOfDay()
        return day_numbers.from_julian_day(value.date().toJulianDay(), msecs)
    if isinstance(value, QDate):
        return day_numbers.from_julian_day(value.toJulianDay()) if value.isValid() else math.nan
    return day_numbers.date_to_days(value, whole_days)


def resolve_date_field(source, chosen: str, feedback, info) -> str:
    """The date field to use: the chosen one, else occurred_at, else a guessed date column."""
    names = source.fields().names()
    if chosen and chosen in names:
        return chosen
    if chosen and chosen != DEFAULT_DATE_FIELD:
        raise QgsProcessingException(tr("The layer has no field '{field}'. Its fields are: {fields}.").format(
            field=chosen, fields=", ".join(names)))
    guessed = guess_mapping(names).get("date")
    if guessed is None:
        typed = [f.name() for f in source.fields() if f.type() in (DATE, DATETIME)]
        guessed = typed[0] if typed else None
    if guessed is None:
        raise QgsProcessingException(tr(
            "Choose the date field: the layer has no field '{default}' and none of its fields ({fields}) "
            "looks like a date.").format(default=DEFAULT_DATE_FIELD, fields=", ".join(names) or "-"))
    info(feedback, tr("Field '{field}' is used as the date.").format(field=guessed))
    return guessed


@dataclass
class IncidentPoints:
    """Incidents read from a feature source: coordinates (map units), dates (days), ids."""

    x: np.ndarray
    y: np.ndarray
    t: np.ndarray
    fids: List[int]
    extra: List[object] = field(default_factory=list)  # one value of the extra field per incident
    categories: set = field(default_factory=set)
    read: int = 0


def _filter_request(source, fields, wanted, filter_expression: str, context) -> QgsFeatureRequest:
    request = QgsFeatureRequest().setSubsetOfAttributes(wanted, fields)
    if filter_expression:
        expression = QgsExpression(filter_expression)
        if expression.hasParserError():
            raise QgsProcessingException(tr("The filter expression {expression} is not valid: {error}")
                                         .format(expression=filter_expression,
                                                 error=expression.parserErrorString()))
        request.setFilterExpression(filter_expression)
        expression_context = QgsExpressionContext(context.expressionContext())
        expression_context.appendScope(source.createExpressionContextScope())
        request.setExpressionContext(expression_context)
    return request


def _point(feature, transform) -> Tuple[float, float]:
    """The feature's point (a multi-point or other geometry: its centroid); NaN when there is none."""
    geom = feature.geometry()
    if geom is None or geom.isNull() or geom.isEmpty():
        return math.nan, math.nan  # no location: the core reports it
    try:
        if transform is not None:
            geom.transform(transform)  # feature.geometry() is a copy
    except QgsCsException:
        return math.nan, math.nan
    if QgsWkbTypes.isMultiType(geom.wkbType()) or QgsWkbTypes.flatType(geom.wkbType()) != WkbType.Point:
        geom = geom.centroid()
    point = geom.asPoint()
    return point.x(), point.y()


def read_incidents(source, date_field: str, filter_expression: str, context, feedback,
                   whole_days: bool = True, extra_field: str = "", category_field: str = "",
                   transform=None, progress: Tuple[float, float] = (0.0, 5.0)) -> IncidentPoints:
    """Points and dates of the features of *source* that pass *filter_expression*.

    Only the needed attributes are read. Empty geometries give NaN coordinates and empty
    dates NaN days (the core reports them); an unreadable date text raises at once. With
    *transform* (a QgsCoordinateTransform) the points are transformed.
    """
    fields = source.fields()
    wanted = [date_field] + [f for f in (extra_field, category_field) if f and f in fields.names()]
    request = _filter_request(source, fields, wanted, filter_expression, context)
    date_index = fields.lookupField(date_field)
    extra_index = fields.lookupField(extra_field) if extra_field else -1
    cat_index = fields.lookupField(category_field) if category_field else -1
    total = max(1, source.featureCount())
    xs: List[float] = []
    ys: List[float] = []
    ts: List[float] = []
    fids: List[int] = []
    extra: List[object] = []
    categories = set()
    start, end = progress
    for k, feature in enumerate(source.getFeatures(request)):
        if k % 1000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(start + (end - start) * min(1.0, k / total))
        x, y = _point(feature, transform)
        value = feature.attribute(date_index)
        try:
            t = value_to_days(value, whole_days)
        except ValueError:
            raise QgsProcessingException(tr(
                "The date '{value}' of feature {fid} in field '{field}' cannot be read. Use a date field or "
                "dates written as 2025-01-31 or 31-01-2025.").format(value=value, fid=feature.id(),
                                                                     field=date_field)) from None
        xs.append(x)
        ys.append(y)
        ts.append(t)
        fids.append(feature.id())
        if extra_index >= 0:
            extra.append(plain(feature.attribute(extra_index)))
        if cat_index >= 0:
            v = feature.attribute(cat_index)
            if not _is_null(v):
                categories.add(str(v))
    if feedback.isCanceled():
        raise Canceled()
    feedback.setProgress(end)
    return IncidentPoints(np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64),
                          np.asarray(ts, dtype=np.float64), fids, extra, categories, len(fids))


def require_dated(points: IncidentPoints, expression: str, layer_name: Callable[[], str], date_field: str) -> None:
    """Refuse an empty read (no incident passed the filter) or one without a single date.

    *layer_name* gives the layer's name for the message (called only when it is needed).
    """
    if points.read == 0:
        if expression:
            raise QgsProcessingException(tr("No incidents pass the filter {expression}. Check the filter "
                                            "(for example category = '1.1.1').").format(expression=expression))
        raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=layer_name()))
    if np.all(np.isnan(points.t)):
        raise QgsProcessingException(tr("None of the {n} incidents has a date in field '{field}'. Choose "
                                        "the field that holds the dates.").format(n=points.read,
                                                                                   field=date_field))
