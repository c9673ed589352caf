"""hotspot:nearrepeat - the Knox test (near-repeat analysis) on a point layer of incidents.

process() reads its parameters into :class:`NearRepeatParameters`, reads the incidents with
their dates (adapters/incidents.py), runs the core's Knox test (core/nearrepeat.py) and writes
the Knox table and the chart (report/charts_nearrepeat.py).
"""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from typing import List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..adapters.crs import measuring_crs
from ..adapters.incidents import DEFAULT_DATE_FIELD, IncidentPoints, read_incidents, require_dated, resolve_date_field
from ..compat import BOOL, DOUBLE, INT, STRING, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core import nearrepeat as nr
from ..core.band_edges import edges_text, parse_edges
from ..core.days import days_to_date
from ..core.numbers import format_number
from ..i18n import decimal_sign, tr
from ..storage import csv_out
from .base import (
    HotspotAlgorithm,
    date_field_parameter,
    filter_parameter,
    incidents_parameter,
    optional_number,
    source_name,
)


@dataclass
class NearRepeatParameters:
    """The parameters of one run, read and checked."""

    source: object  # QgsProcessingFeatureSource
    layer_name: str
    factor: float  # metres per map unit of the working CRS
    transform: object  # QgsCoordinateTransform to the working CRS, or None
    distance_edges: Optional[List[float]]  # None: the core's defaults
    time_edges: Optional[List[float]]
    same_location: float
    permutations: int
    alpha: float
    seed: int
    date_field: str
    expression: str
    chart: str


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
        self.addParameter(incidents_parameter(self.INPUT))
        self.addParameter(filter_parameter(self.FILTER, parent=self.INPUT))
        self.addParameter(date_field_parameter(self.DATE_FIELD, parent=self.INPUT, default=DEFAULT_DATE_FIELD))
        self.addParameter(QgsProcessingParameterString(
            self.DISTANCE_BANDS, tr("Distance band edges in metres (band: lower < d ≤ upper)"),
            defaultValue=edges_text(nr.DEFAULT_DISTANCE_EDGES)))
        self.addParameter(QgsProcessingParameterString(
            self.TIME_BANDS, tr("Time band edges in days (band: lower ≤ t < upper)"),
            defaultValue=edges_text(nr.DEFAULT_TIME_EDGES)))
        same = QgsProcessingParameterNumber(
            self.SAME_LOCATION, tr("Same location: pairs at most this many metres apart"),
            ProcessingNumberParameterType.Double, defaultValue=nr.DEFAULT_SAME_LOCATION, minValue=0.0)
        self.addParameter(same)
        self.addParameter(QgsProcessingParameterNumber(
            self.PERMUTATIONS, tr("Number of permutations (Monte Carlo)"),
            ProcessingNumberParameterType.Integer, defaultValue=nr.DEFAULT_PERMUTATIONS, minValue=1,
            maxValue=99_999))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed (empty: random, written to the log so the run can be repeated)"),
            ProcessingNumberParameterType.Integer, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, tr("Significance level (p-value below which a cell counts)"),
            ProcessingNumberParameterType.Double, defaultValue=nr.DEFAULT_ALPHA, minValue=0.0001,
            maxValue=0.5))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Knox table"), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CHART, tr("Chart of the Knox ratios (PNG)"), fileFilter=tr("PNG image") + " (*.png)",
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("CONCLUSION", tr("Conclusion")))
        self.addOutput(QgsProcessingOutputString("NOTE", tr("What a star (significant cell) means")))
        self.addOutput(QgsProcessingOutputNumber("DISTANCE", tr("Distance of raised risk (m)")))
        self.addOutput(QgsProcessingOutputNumber("DAYS", tr("Days of raised risk")))
        self.addOutput(QgsProcessingOutputNumber("REPEAT_DAYS",
                                                 tr("Days of raised risk at the same location")))
        self.addOutput(QgsProcessingOutputNumber("SEED_USED", tr("Random seed used")))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS", tr("Incidents analysed")))

    @staticmethod
    def table_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (("row_index", INT), ("col_index", INT),
                           ("distance_band", STRING), ("time_band", STRING),
                           ("same_location", BOOL),
                           ("distance_from", DOUBLE), ("distance_to", DOUBLE),
                           ("days_from", DOUBLE), ("days_to", DOUBLE),
                           ("observed", INT), ("expected", DOUBLE),
                           ("knox_ratio", DOUBLE), ("p_value", DOUBLE),
                           ("significant", BOOL), ("observed_text", STRING)):
            fields.append(QgsField(name, kind))
        return fields

    def process(self, parameters, context, feedback):
        p = self._parameters(parameters, context, feedback)
        points = self._read_incidents(p, context, feedback)
        result = nr.knox(points.x * p.factor, points.y * p.factor, points.t, p.distance_edges, p.time_edges,
                         permutations=p.permutations, seed=p.seed,
                         monitor=self.monitor(feedback).sub(5, 95), same_location=p.same_location)
        decimal = decimal_sign()
        template, params = nr.conclusion(result, p.alpha, decimal, fdr=True)
        conclusion_text = tr(template).format(**params)
        distance, days, repeat_days = nr.near_repeat_extent(result, p.alpha, fdr=True)
        self.info(feedback, tr("{pairs} pairs of incidents lie within {distance} m of each other.").format(
            pairs=result.n_pairs, distance=format_number(result.bands.distance_edges[-1], decimal=decimal)))
        dest = self._write_table(parameters, context, result, p.alpha, decimal, feedback)
        feedback.setProgress(97)
        chart = self._draw_chart(p, result, decimal, feedback)
        feedback.setProgress(100)
        self.info(feedback, conclusion_text)
        note_template, note_params = nr.significance_note(result, p.alpha, fdr=True, decimal=decimal)
        note = tr(note_template).format(**note_params)
        self.info(feedback, note)
        return {self.OUTPUT: dest, self.CHART: chart or None, "CONCLUSION": conclusion_text, "NOTE": note,
                "DISTANCE": distance, "DAYS": days, "REPEAT_DAYS": repeat_days, "SEED_USED": p.seed,
                "INCIDENTS": result.n_incidents}

    def _parameters(self, parameters, context, feedback) -> NearRepeatParameters:
        """Read and check the parameters (the bands before anything is read)."""
        source = self.required_source(parameters, self.INPUT, context)
        layer_name = source_name(self, parameters, self.INPUT, context)
        _crs, transform, factor = measuring_crs(source, layer_name, context.transformContext(),
                                                lambda text: self.info(feedback, text))
        distance_edges = parse_edges(self.parameterAsString(parameters, self.DISTANCE_BANDS, context), "distance")
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
        chart = self.parameterAsFileOutput(parameters, self.CHART, context)
        return NearRepeatParameters(source, layer_name, factor, transform, distance_edges, time_edges, same,
                                    permutations, alpha, seed, date_field, expression, chart)

    def _read_incidents(self, p: NearRepeatParameters, context, feedback) -> IncidentPoints:
        """The incidents that pass the filter, with a warning when several categories are mixed."""
        category_field = "category" if "category" in p.source.fields().names() else ""
        points = read_incidents(p.source, p.date_field, p.expression, context, feedback, whole_days=True,
                                category_field=category_field if not p.expression else "", transform=p.transform)
        require_dated(points, p.expression, lambda: p.layer_name, p.date_field)
        if len(points.categories) > 1:
            feedback.pushWarning(tr("The {n} categories in the layer are analysed together. A near-repeat "
                                    "analysis is usually made for one kind of incident: set a filter such as "
                                    "category = '1.1.1' (woninginbraak).").format(n=len(points.categories)))
        valid_t = points.t[np.isfinite(points.t)]
        self.info(feedback, tr("{n} incidents from {first} to {last}.").format(
            n=points.read, first=days_to_date(valid_t.min()).isoformat(),
            last=days_to_date(valid_t.max()).isoformat()))
        return points

    def _write_table(self, parameters, context, result: nr.KnoxResult, alpha: float, decimal: str, feedback):
        """The Knox table: one row per cell of the distance x time bands; as CSV under the disclosure
        rule (the cells' pair counts beside their sum)."""
        threshold = self.csv_threshold(parameters, self.OUTPUT, context, feedback)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, self.table_fields(),
                                          WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        significant = nr.significant(result, alpha, fdr=True)
        table = [[cell.row, cell.col, cell.distance_label, cell.time_label, cell.same_location, cell.distance_lo,
                  cell.distance_hi, cell.time_lo, cell.time_hi, cell.observed, cell.expected,
                  cell.ratio if math.isfinite(cell.ratio) else None, cell.p_value,
                  bool(significant[cell.row, cell.col]), str(cell.observed)]
                 for cell in result.cells(tr, decimal)]
        if threshold is not None:
            # pairs counts are about persons too; their sum is in the log: one column. The Knox ratio,
            # p-value and significance are computed from the count, the expected count is not.
            table = csv_out.protect_table(table, (csv_out.CountColumn(9, 14, (11, 12, 13)),),
                                          lambda _r, _k: "pairs", threshold)
        features = []
        for values in table:
            feature = QgsFeature()
            feature.setAttributes(values)
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        return dest

    @staticmethod
    def _draw_chart(p: NearRepeatParameters, result: nr.KnoxResult, decimal: str, feedback) -> str:
        """The chart PNG (when asked for and matplotlib is there); its path or ""."""
        if not p.chart:
            return p.chart
        try:
            from ..report.charts_nearrepeat import knox_chart
        except ImportError:
            feedback.pushWarning(tr("No chart was drawn: the Python package matplotlib is missing."))
            return ""
        knox_chart(result, p.chart, p.alpha, decimal=decimal,
                   subtitle=tr("{n} incidents, {perm} permutations, seed {seed}").format(
                       n=result.n_incidents, perm=result.permutations, seed=p.seed))
        return p.chart



ALGORITHM = NearRepeatAlgorithm
