"""hotspot:measureeffect - the effect of a measure: before/after counts in target, buffer and control.

process() reads its parameters into :class:`EffectParameters`, reads the incidents with their
dates (adapters/incidents.py) and the zones, and delegates the maths to ``core.measure_effect``
(SUCCESS, WDQ, odds ratios; see its docstring for the definitions). The table has a row per
group and zone; the numbers cover the whole input; the chart is report/charts_effect.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..adapters.incidents import DEFAULT_DATE_FIELD, read_incidents, require_dated, resolve_date_field
from ..adapters.measure_inputs import polygons_union, transform_to, working_crs
from ..compat import (
    DOUBLE,
    INT,
    STRING,
    ProcessingDateTimeParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ..core import measure_effect as me
from ..core.errors import InputError
from ..core.numbers import format_number
from ..core.parsing import parse_datetime
from ..i18n import decimal_sign, tr
from ..storage import csv_out
from .base import (
    HotspotAlgorithm,
    date_field_parameter,
    filter_parameter,
    given,
    incidents_parameter,
    source_name,
)

NUMBER_OUTPUTS = ("SUCCESS", "WDQ", "ODDS_RATIO", "OR_LOW", "OR_HIGH", "OR_P", "BUFFER_OR", "BUFFER_OR_LOW",
                  "BUFFER_OR_HIGH", "BUFFER_OR_P")


@dataclass
class EffectParameters:
    source: object
    layer_name: str
    expression: str
    date_field: str
    target: object
    buffer: object
    buffer_distance: float
    control: object
    periods: me.Periods
    group_field: str
    chart: str


def conclusion_text(result: me.Effect, buffer_label: str, decimal: str) -> str:
    """The plain-language conclusion of *result* (core.measure_effect.conclusion_parts) in the UI language."""
    sentences = []
    for template, params in me.conclusion_parts(result, buffer_label):
        shown = {k: (v if isinstance(v, str) else format_number(
            v, 0 if k.endswith("pct") or k in ("rb", "ra", "cb", "ca") else 2, decimal)) for k, v in params.items()}
        sentences.append(tr(template).format(**shown))
    if not sentences:
        return ""
    text = "; ".join(sentences)
    return text[0].upper() + text[1:] + "."


def buffer_description(buffer_given: bool, distance: float, decimal: str) -> str:
    if buffer_given:
        return tr("the buffer area")
    return tr("the {distance} m around it").format(distance=format_number(distance, None, decimal))


def chart_buffer_label(buffer_given: bool, distance: float, decimal: str) -> str:
    if buffer_given:
        return tr("Buffer area")
    return tr("Buffer ({distance} m)").format(distance=format_number(distance, None, decimal))


class MeasureEffectAlgorithm(HotspotAlgorithm):
    NAME = "measureeffect"
    GROUP_ID = "measures"
    INPUT = "INPUT"
    FILTER = "FILTER"
    DATE_FIELD = "DATE_FIELD"
    TARGET = "TARGET"
    BUFFER = "BUFFER"
    BUFFER_DISTANCE = "BUFFER_DISTANCE"
    CONTROL = "CONTROL"
    BEFORE_START = "BEFORE_START"
    BEFORE_END = "BEFORE_END"
    AFTER_START = "AFTER_START"
    AFTER_END = "AFTER_END"
    GROUP_FIELD = "GROUP_FIELD"
    OUTPUT = "OUTPUT"
    CHART = "CHART"

    def display_name(self) -> str:
        return tr("Effect of a measure")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(incidents_parameter(self.INPUT))
        self.addParameter(filter_parameter(self.FILTER, parent=self.INPUT))
        self.addParameter(date_field_parameter(self.DATE_FIELD, parent=self.INPUT, default=DEFAULT_DATE_FIELD))
        polygons = [ProcessingSourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGET, tr("Target area: where the measure works (polygons)"), polygons))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUFFER, tr("Buffer area (polygons; optional, wins over the buffer distance)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUFFER_DISTANCE, tr("Buffer distance around the target area (m; 0: no buffer)"),
            ProcessingNumberParameterType.Double, defaultValue=me.DEFAULT_BUFFER_DISTANCE, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONTROL, tr("Control area (polygons; optional, default all incidents outside target and buffer)"),
            polygons, optional=True))
        for name, label in ((self.BEFORE_START, tr("Before period: first day")),
                            (self.BEFORE_END, tr("Before period: last day")),
                            (self.AFTER_START, tr("After period: first day")),
                            (self.AFTER_END, tr("After period: last day"))):
            self.addParameter(QgsProcessingParameterDateTime(name, label, ProcessingDateTimeParameterDataType.Date))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, tr("Group field (optional: a table per value, e.g. source or safety_field)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Counts before and after"), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CHART, tr("Chart: before and after per area (PNG)"), fileFilter=tr("PNG image") + " (*.png)",
            optional=True, createByDefault=True))
        labels = {"SUCCESS": tr("SUCCESS: Ra/Ca - Rb/Cb"), "WDQ": tr("Weighted displacement quotient (WDQ)"),
                  "ODDS_RATIO": tr("Odds ratio (target)"), "OR_LOW": tr("Odds ratio: 95% lower bound"),
                  "OR_HIGH": tr("Odds ratio: 95% upper bound"), "OR_P": tr("Odds ratio: p-value"),
                  "BUFFER_OR": tr("Odds ratio (buffer)"), "BUFFER_OR_LOW": tr("Buffer odds ratio: 95% lower bound"),
                  "BUFFER_OR_HIGH": tr("Buffer odds ratio: 95% upper bound"),
                  "BUFFER_OR_P": tr("Buffer odds ratio: p-value")}
        for name in NUMBER_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(name, labels[name]))
        self.addOutput(QgsProcessingOutputString("CONCLUSION", tr("Conclusion")))

    def process(self, parameters, context, feedback):
        p = self._parameters(parameters, context, feedback)
        crs = working_crs([(p.source, p.layer_name)], context, lambda text: self.info(feedback, text))
        points = read_incidents(p.source, p.date_field, p.expression, context, feedback, whole_days=True,
                                extra_field=p.group_field, transform=transform_to(p.source, crs, context),
                                progress=(0, 40))
        require_dated(points, p.expression, lambda: p.layer_name, p.date_field)
        zones = {name: (None if src is None else me.union(polygons_union(
            src, context, feedback, transform_to(src, crs, context), source_name(self, parameters, name, context))))
            for name, src in ((self.TARGET, p.target), (self.BUFFER, p.buffer), (self.CONTROL, p.control))}
        feedback.setProgress(50)
        zone = me.classify_zones(points.x, points.y, zones[self.TARGET], zones[self.BUFFER], p.buffer_distance,
                                 zones[self.CONTROL])
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled by the user. Nothing was changed."))
        period = me.period_of(points.t, p.periods)
        feedback.setProgress(80)
        buffer_used = p.buffer is not None or p.buffer_distance > 0
        result = me.effect(me.ZoneCounts.count(zone, period), buffer_used)
        notes = list(result.notes) + [n for n in (me.period_note(p.periods),) if n]
        for template, params in notes:
            feedback.pushWarning(tr(template).format(**params))
        rows = me.group_rows(zone, period, points.extra if p.group_field else None, all_label=tr("all"))
        dest = self._write_table(parameters, context, rows, feedback, bool(p.group_field))
        decimal = decimal_sign()
        label = buffer_description(p.buffer is not None, p.buffer_distance, decimal)
        conclusion = conclusion_text(result, label, decimal)
        c = result.counts
        self.info(feedback, tr("Target {rb} → {ra}, buffer {db} → {da}, control {cb} → {ca} incidents (before → "
                               "after).").format(rb=c.rb, ra=c.ra, db=c.db, da=c.da, cb=c.cb, ca=c.ca))
        self.info(feedback, conclusion)
        chart = self._draw_chart(p, result, decimal, label, buffer_used, feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.CHART: chart or None, "CONCLUSION": conclusion, **self.numbers(result)}

    @staticmethod
    def numbers(result: me.Effect) -> dict:
        o, b = result.odds, result.buffer_odds
        return {"SUCCESS": result.success, "WDQ": result.wdq, "ODDS_RATIO": o.value, "OR_LOW": o.low,
                "OR_HIGH": o.high, "OR_P": o.p, "BUFFER_OR": b.value, "BUFFER_OR_LOW": b.low,
                "BUFFER_OR_HIGH": b.high, "BUFFER_OR_P": b.p}

    def _parameters(self, parameters, context, feedback) -> EffectParameters:
        source = self.required_source(parameters, self.INPUT, context)
        layer_name = source_name(self, parameters, self.INPUT, context)
        if source.featureCount() == 0:
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=layer_name))
        target = self.required_source(parameters, self.TARGET, context)
        dates = [self._date(parameters, name, context) for name in (self.BEFORE_START, self.BEFORE_END,
                                                                     self.AFTER_START, self.AFTER_END)]
        periods = me.Periods(*dates)
        try:
            periods.check()
        except InputError as exc:
            raise QgsProcessingException(exc.render(tr)) from None
        date_field = resolve_date_field(source, self.parameterAsString(parameters, self.DATE_FIELD, context),
                                        feedback, self.info)
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or ""
        return EffectParameters(source, layer_name, (self.parameterAsString(parameters, self.FILTER, context) or "")
                                .strip(), date_field, target, self.parameterAsSource(parameters, self.BUFFER, context),
                                self.parameterAsDouble(parameters, self.BUFFER_DISTANCE, context),
                                self.parameterAsSource(parameters, self.CONTROL, context), periods, group_field,
                                self.parameterAsFileOutput(parameters, self.CHART, context))

    def _date(self, parameters, name: str, context) -> dt.date:
        if not given(parameters, name):
            raise QgsProcessingException(tr("Give the date {name} (for example 2025-01-31).").format(name=name))
        raw = parameters.get(name)
        if isinstance(raw, QDate):
            value: Optional[dt.date] = raw.toPyDate() if raw.isValid() else None
        elif isinstance(raw, QDateTime):
            value = raw.date().toPyDate() if raw.isValid() else None
        elif isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        else:
            parsed = parse_datetime(str(raw).strip())
            value = parsed.date() if parsed is not None else None
            if value is None:
                qvalue = self.parameterAsDateTime(parameters, name, context)
                value = qvalue.date().toPyDate() if qvalue.isValid() else None
        if value is None:
            raise QgsProcessingException(tr("'{value}' ({name}) is not a date; write it as 2025-01-31.").format(
                value=raw, name=name))
        return value

    @staticmethod
    def table_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (("group", STRING), ("zone", STRING), ("before", INT),
                           ("after", INT), ("change_pct", DOUBLE), ("before_text", STRING),
                           ("after_text", STRING)):
            fields.append(QgsField(name, kind))
        return fields

    def _write_table(self, parameters, context, rows, feedback, grouped: bool):
        """The counts per (group and) zone; as CSV under the disclosure rule: each zone's counts of the
        groups beside the zone's total (printed in the conclusion and the chart), or the three zones
        beside their sum."""
        threshold = self.csv_threshold(parameters, self.OUTPUT, context, feedback)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, self.table_fields(),
                                          WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        table = [[row.group, row.zone, row.before, row.after, None if row.change is None else 100.0 * row.change,
                  str(row.before), str(row.after)] for row in rows]
        if threshold is not None:
            counts = (csv_out.CountColumn(2, 5, (4,)), csv_out.CountColumn(3, 6, (4,)))
            table = csv_out.protect_table(table, counts, lambda r, k: (r[1] if grouped else "", k), threshold)
        for values in table:
            feature = QgsFeature()
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    @staticmethod
    def _draw_chart(p: EffectParameters, result: me.Effect, decimal: str, label: str, buffer_used: bool,
                    feedback) -> str:
        if not p.chart:
            return p.chart
        try:
            from ..report.charts_effect import effect_chart
        except ImportError:
            feedback.pushWarning(tr("No chart was drawn: the Python package matplotlib is missing."))
            return ""
        per = p.periods
        subtitle = tr("Before {b0} – {b1}, after {a0} – {a1}").format(
            b0=per.before_start.isoformat(), b1=per.before_end.isoformat(), a0=per.after_start.isoformat(),
            a1=per.after_end.isoformat())
        effect_chart(result.counts, p.chart, decimal, tr("Incidents before and after the measure"), subtitle,
                     buffer_label=chart_buffer_label(p.buffer is not None, p.buffer_distance, decimal),
                     show_buffer=buffer_used)
        return p.chart


ALGORITHM = MeasureEffectAlgorithm
