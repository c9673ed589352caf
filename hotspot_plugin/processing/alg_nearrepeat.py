"""hotspot:nearrepeat - the Knox test (near-repeat analysis) on a point layer of incidents.

Also holds the reading helpers the warning-letters algorithm shares: points and dates out of a
feature source (with an optional filter expression), band texts, the CRS check.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import secrets
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..adapters.crs import require_projected
from ..core import nearrepeat as nr
from ..core.errors import Canceled
from ..core.incident_import import guess_mapping
from ..core.parsing import parse_datetime
from ..i18n import decimal_sign, tr
from .base import HotspotAlgorithm, is_null, optional_number, source_name

#: Julian day number of 1970-01-01 (QDate.toJulianDay() minus this = days since the epoch).
_EPOCH_JULIAN_DAY = 2440588
_EPOCH = dt.datetime(1970, 1, 1)
DEFAULT_DATE_FIELD = "occurred_at"


def edges_text(edges: Sequence[float]) -> str:
    """Band edges as the parameter text, e.g. ``"0,100,200"``."""
    return ",".join(nr.format_number(e) for e in edges)


def parse_edges(text: str, kind: str) -> Optional[List[float]]:
    """Band edges from text such as ``"0, 100, 200"`` or ``"0; 0,5; 1"`` (None when empty).

    Numbers are separated by commas, semicolons or spaces; when the text holds a semicolon, a
    comma inside a number is a decimal comma. *kind* is ``"distance"`` or ``"time"`` (for the
    message). The core checks the edges themselves (increasing, not negative).
    """
    text = (text or "").strip()
    if not text:
        return None
    parts = re.split(r"[;\s]+", text) if ";" in text else re.split(r"[,\s]+", text)
    values: List[float] = []
    for part in parts:
        if not part:
            continue
        try:
            value = float(part.replace(",", "."))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            if kind == "distance":
                message = tr('Could not read the distance bands "{text}": "{part}" is not a number. Write '
                             'the band edges in metres separated by commas, for example 0,100,200,300.')
            else:
                message = tr('Could not read the time bands "{text}": "{part}" is not a number. Write the '
                             'band edges in days separated by commas, for example 0,7,14,21.')
            raise QgsProcessingException(message.format(text=text, part=part))
        values.append(value)
    return values


def value_to_days(value: object, whole_days: bool) -> float:
    """A date attribute as days since 1970-01-01 (NaN when empty); ValueError when unreadable.

    Accepts QDateTime, QDate, Python dates and ISO or Dutch date texts. With *whole_days* the
    time of day is dropped (the calendar date counts).
    """
    if is_null(value):
        return math.nan
    if isinstance(value, QDateTime):
        if not value.isValid():
            return math.nan
        day = float(value.date().toJulianDay() - _EPOCH_JULIAN_DAY)
        return day if whole_days else day + value.time().msecsSinceStartOfDay() / 86_400_000.0
    if isinstance(value, QDate):
        return float(value.toJulianDay() - _EPOCH_JULIAN_DAY) if value.isValid() else math.nan
    if isinstance(value, str) and not value.strip():
        return math.nan
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(str(value))
    delta = parsed - _EPOCH
    return float(delta.days) if whole_days else delta.total_seconds() / 86_400.0


def days_to_date(days: float) -> dt.date:
    """The calendar date of a day number (days since 1970-01-01)."""
    return (_EPOCH + dt.timedelta(days=math.floor(days))).date()


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
        typed = [f.name() for f in source.fields() if f.type() in (QVariant.Date, QVariant.DateTime)]
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
        geom = feature.geometry()
        x = y = math.nan  # no location: the core reports it
        if geom is not None and not geom.isNull() and not geom.isEmpty():
            try:
                if transform is not None:
                    geom.transform(transform)  # feature.geometry() is a copy
            except QgsCsException:
                geom = None
            if geom is not None:
                if QgsWkbTypes.isMultiType(geom.wkbType()) or QgsWkbTypes.flatType(geom.wkbType()) != \
                        QgsWkbTypes.Type.Point:
                    geom = geom.centroid()
                point = geom.asPoint()
                x, y = point.x(), point.y()
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
            v = feature.attribute(extra_index)
            extra.append(None if is_null(v) else v)
        if cat_index >= 0:
            v = feature.attribute(cat_index)
            if not is_null(v):
                categories.add(str(v))
    if feedback.isCanceled():
        raise Canceled()
    feedback.setProgress(end)
    return IncidentPoints(np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64),
                          np.asarray(ts, dtype=np.float64), fids, extra, categories, len(fids))


class NearRepeatAlgorithm(HotspotAlgorithm):
    NAME = "nearrepeat"
    GROUP_ID = "nearrepeat"
    INPUT = "INPUT"
    FILTER = "FILTER"
    DATE_FIELD = "DATE_FIELD"
    DISTANCE_BANDS = "DISTANCE_BANDS"
    TIME_BANDS = "TIME_BANDS"
    SAME_LOCATION = "SAME_LOCATION"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    ALPHA = "ALPHA"
    OUTPUT = "OUTPUT"
    CHART = "CHART"

    def display_name(self) -> str:
        return tr("Near-repeat analysis (Knox test)")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Incidents (point layer, e.g. the incidents of a safety GeoPackage)"),
            [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter (e.g. category = '1.1.1'; empty: all incidents)"), defaultValue="",
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, tr("Date field"), defaultValue=DEFAULT_DATE_FIELD,
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DISTANCE_BANDS, tr("Distance band edges in metres (band: lower < d ≤ upper)"),
            defaultValue=edges_text(nr.DEFAULT_DISTANCE_EDGES)))
        self.addParameter(QgsProcessingParameterString(
            self.TIME_BANDS, tr("Time band edges in days (band: lower ≤ t < upper)"),
            defaultValue=edges_text(nr.DEFAULT_TIME_EDGES)))
        same = QgsProcessingParameterNumber(
            self.SAME_LOCATION, tr("Same location: pairs at most this many metres apart"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=nr.DEFAULT_SAME_LOCATION, minValue=0.0)
        self.addParameter(same)
        self.addParameter(QgsProcessingParameterNumber(
            self.PERMUTATIONS, tr("Number of permutations (Monte Carlo)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=nr.DEFAULT_PERMUTATIONS, minValue=1,
            maxValue=99_999))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed (empty: random, written to the log so the run can be repeated)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, tr("Significance level (p-value below which a cell counts)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=nr.DEFAULT_ALPHA, minValue=0.0001,
            maxValue=0.5))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Knox table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CHART, tr("Chart of the Knox ratios (PNG)"), fileFilter=tr("PNG image") + " (*.png)",
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("CONCLUSION", tr("Conclusion")))
        self.addOutput(QgsProcessingOutputNumber("DISTANCE", tr("Distance of raised risk (m)")))
        self.addOutput(QgsProcessingOutputNumber("DAYS", tr("Days of raised risk")))
        self.addOutput(QgsProcessingOutputNumber("REPEAT_DAYS",
                                                 tr("Days of raised risk at the same location")))
        self.addOutput(QgsProcessingOutputNumber("SEED_USED", tr("Random seed used")))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS", tr("Incidents analysed")))

    @staticmethod
    def table_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (("row_index", QVariant.Int), ("col_index", QVariant.Int),
                           ("distance_band", QVariant.String), ("time_band", QVariant.String),
                           ("same_location", QVariant.Bool),
                           ("distance_from", QVariant.Double), ("distance_to", QVariant.Double),
                           ("days_from", QVariant.Double), ("days_to", QVariant.Double),
                           ("observed", QVariant.Int), ("expected", QVariant.Double),
                           ("knox_ratio", QVariant.Double), ("p_value", QVariant.Double),
                           ("significant", QVariant.Bool)):
            fields.append(QgsField(name, kind))
        return fields

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_name = source_name(self, parameters, self.INPUT, context)
        factor = require_projected(source.sourceCrs(), layer_name)
        distance_text = self.parameterAsString(parameters, self.DISTANCE_BANDS, context)
        distance_edges = parse_edges(distance_text, "distance")
        time_edges = parse_edges(self.parameterAsString(parameters, self.TIME_BANDS, context), "time")
        same = self.parameterAsDouble(parameters, self.SAME_LOCATION, context)
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        seed_value = optional_number(parameters, self.SEED)
        if seed_value is None:
            seed = secrets.randbelow(2**31)
            self.info(feedback, tr("No seed given: the permutations use seed {seed}. Give SEED = {seed} to "
                                   "repeat this run exactly.").format(seed=seed))
        else:
            seed = int(seed_value)
            self.info(feedback, tr("Random seed: {seed}.").format(seed=seed))
        # Check the bands before reading anything (the core raises a translated InputError).
        nr.Bands(tuple(distance_edges) if distance_edges else nr.DEFAULT_DISTANCE_EDGES,
                 tuple(time_edges) if time_edges else nr.DEFAULT_TIME_EDGES, same)

        date_field = resolve_date_field(source, self.parameterAsString(parameters, self.DATE_FIELD, context),
                                        feedback, self.info)
        # The raw text: parameterAsExpression() silently gives "" for an invalid expression.
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        category_field = "category" if "category" in source.fields().names() else ""
        points = read_incidents(source, date_field, expression, context, feedback, whole_days=True,
                                category_field=category_field if not expression else "")
        if points.read == 0:
            if expression:
                raise QgsProcessingException(tr("No incidents pass the filter {expression}. Check the filter "
                                                "(for example category = '1.1.1').").format(
                                                    expression=expression))
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=layer_name))
        if np.all(np.isnan(points.t)):
            raise QgsProcessingException(tr("None of the {n} incidents has a date in field '{field}'. Choose "
                                            "the field that holds the dates.").format(n=points.read,
                                                                                       field=date_field))
        if len(points.categories) > 1:
            feedback.pushWarning(tr("The {n} categories in the layer are analysed together. A near-repeat "
                                    "analysis is usually made for one kind of incident: set a filter such as "
                                    "category = '1.1.1' (woninginbraak).").format(n=len(points.categories)))
        valid_t = points.t[np.isfinite(points.t)]
        self.info(feedback, tr("{n} incidents from {first} to {last}.").format(
            n=points.read, first=days_to_date(valid_t.min()).isoformat(),
            last=days_to_date(valid_t.max()).isoformat()))

        result = nr.knox(points.x * factor, points.y * factor, points.t, distance_edges, time_edges,
                         permutations=permutations, seed=seed,
                         monitor=self.monitor(feedback).sub(5, 95), same_location=same)
        decimal = decimal_sign()
        template, params = nr.conclusion(result, alpha, decimal)
        conclusion_text = tr(template).format(**params)
        distance, days, repeat_days = nr.near_repeat_extent(result, alpha)
        self.info(feedback, tr("{pairs} pairs of incidents lie within {distance} m of each other.").format(
            pairs=result.n_pairs, distance=nr.format_number(result.bands.distance_edges[-1], decimal)))

        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, self.table_fields(),
                                          QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = []
        significant = self.significant(result, alpha)
        for cell in result.cells(tr, decimal):
            feature = QgsFeature()
            ratio = cell.ratio if math.isfinite(cell.ratio) else None
            feature.setAttributes([cell.row, cell.col, cell.distance_label, cell.time_label,
                                   cell.same_location, cell.distance_lo, cell.distance_hi, cell.time_lo,
                                   cell.time_hi, cell.observed, cell.expected, ratio, cell.p_value,
                                   bool(significant[cell.row, cell.col])])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        feedback.setProgress(97)

        chart = self.parameterAsFileOutput(parameters, self.CHART, context)
        if chart:
            try:
                from ..report.charts_nearrepeat import knox_chart
            except ImportError:
                feedback.pushWarning(tr("No chart was drawn: the Python package matplotlib is missing."))
                chart = ""
            else:
                knox_chart(result, chart, alpha, decimal=decimal,
                           subtitle=tr("{n} incidents, {perm} permutations, seed {seed}").format(
                               n=result.n_incidents, perm=result.permutations, seed=seed))
        feedback.setProgress(100)
        self.info(feedback, conclusion_text)
        return {self.OUTPUT: dest, self.CHART: chart or None, "CONCLUSION": conclusion_text,
                "DISTANCE": distance, "DAYS": days, "REPEAT_DAYS": repeat_days, "SEED_USED": seed,
                "INCIDENTS": result.n_incidents}

    @staticmethod
    def significant(result: nr.KnoxResult, alpha: float) -> np.ndarray:
        """Cells with significantly more pairs than expected: p < alpha and Knox ratio > 1."""
        with np.errstate(invalid="ignore"):
            return (result.p_value < alpha) & (np.nan_to_num(result.ratio, nan=0.0) > 1.0)


ALGORITHM = NearRepeatAlgorithm
