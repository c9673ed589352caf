"""hotspot:emerginghotspots - "Opkomende hotspots": Gi* per time step with space-time neighbours,
Mann-Kendall trends and ArcGIS's emerging hot spot pattern classes, one square cell per location.

The method is the pure core's (``core/emerging.py``; see its docstring and the help text); this
module reads the incidents (``adapters.incidents``), picks the metric CRS, writes the cells and
styles them with a legend that explains each class in one sentence.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsRendererCategory,
)

from ..adapters.crs import is_metric, metric_crs_for, require_crs
from ..adapters.geometry import from_wkb
from ..adapters.incidents import read_incidents, require_dated, resolve_date_field
from ..compat import (
    DOUBLE,
    INT,
    LONG,
    STRING,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core import emerging as em
from ..core.errors import Canceled
from ..core.grid_shapes import cell_corners, ring_wkb
from ..core.numbers import format_number
from ..i18n import tr
from ..storage.hotspot_styles import STYLES, store_style_in_gpkg, style_on_load
from .base import HotspotAlgorithm, date_field_parameter, filter_parameter, incidents_parameter, optional_number

CHUNK = 5000


@dataclass
class EmergingParameters:
    source: object
    expression: str
    date_field: str
    cell: float
    band: Optional[float]
    months: int
    time_neighbours: int
    alpha: float
    fdr: bool
    permutations: int
    seed: Optional[int]


def pattern_label(code: int) -> str:
    return tr(em.PATTERN_LABELS[int(code)])


def styled_renderer() -> QgsCategorizedSymbolRenderer:
    """Categories on ``pattern``: one colour per class, the label the class and its sentence."""
    categories = []
    for code in em.pattern_codes():
        symbol = QgsFillSymbol.createSimple({"color": em.PATTERN_COLOURS[code], "outline_style": "no"})
        label = f"{pattern_label(code)}: {tr(em.PATTERN_EXPLANATIONS[code])}"
        categories.append(QgsRendererCategory(int(code), symbol, label))
    return QgsCategorizedSymbolRenderer("pattern", categories)


def apply_emerging_style(layer) -> None:
    layer.setRenderer(styled_renderer())


STYLES.setdefault("emerging", apply_emerging_style)


class EmergingHotspotsAlgorithm(HotspotAlgorithm):
    NAME = "emerginghotspots"
    GROUP_ID = "density"
    ICON = "gistar.svg"
    INPUT = "INPUT"
    FILTER = "FILTER"
    DATE_FIELD = "DATE_FIELD"
    CELL_SIZE = "CELL_SIZE"
    TIME_STEP_MONTHS = "TIME_STEP_MONTHS"
    DISTANCE_BAND = "DISTANCE_BAND"
    TIME_NEIGHBOURS = "TIME_NEIGHBOURS"
    SIGNIFICANCE_LEVEL = "SIGNIFICANCE_LEVEL"
    FDR = "FDR"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"

    def display_name(self) -> str:
        return tr("Emerging hot spots (Opkomende hotspots)")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(incidents_parameter(self.INPUT))
        self.addParameter(filter_parameter(self.FILTER, self.INPUT))
        self.addParameter(date_field_parameter(self.DATE_FIELD, self.INPUT))
        number = ProcessingNumberParameterType
        self.addParameter(QgsProcessingParameterNumber(self.CELL_SIZE, tr("Cell size in metres"), number.Double,
                                                       defaultValue=100.0, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(self.TIME_STEP_MONTHS, tr("Time step in months"),
                                                       number.Integer, defaultValue=3, minValue=1, maxValue=120))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE_BAND, tr("Distance band in metres (empty: 1.5 cells, the 8 cells around a cell)"),
            number.Double, optional=True, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIME_NEIGHBOURS, tr("Previous time steps that count as neighbours"), number.Integer,
            defaultValue=1, minValue=0, maxValue=60))
        advanced = [
            QgsProcessingParameterNumber(self.SIGNIFICANCE_LEVEL, tr("Significance level of a hot or cold spot"),
                                         number.Double, defaultValue=0.05, minValue=0.0001, maxValue=0.5),
            QgsProcessingParameterBoolean(self.FDR, tr("Correct for multiple testing within each time step (false "
                                                       "discovery rate, Benjamini-Hochberg)"), defaultValue=True),
            QgsProcessingParameterNumber(self.PERMUTATIONS, tr("Number of permutations (0: normal distribution "
                                                               "of z)"), number.Integer, defaultValue=9999,
                                         minValue=0, maxValue=99_999),
            QgsProcessingParameterNumber(self.SEED, tr("Random seed (empty: random, written to the log so the run "
                                                       "can be repeated)"), number.Integer, optional=True,
                                         minValue=0),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Emerging hot spots"), ProcessingSourceType.VectorPolygon))
        for name, label in (("N_STEPS", tr("Time steps")), ("N_LOCATIONS", tr("Cells with incidents")),
                            ("N_HOT_PATTERNS", tr("Cells with a hot spot pattern")),
                            ("N_COLD_PATTERNS", tr("Cells with a cold spot pattern")),
                            ("SEED_USED", tr("Random seed used"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _read_parameters(self, parameters, context, feedback) -> EmergingParameters:
        source = self.required_source(parameters, self.INPUT, context)
        require_crs(source.sourceCrs(), source.sourceName() if hasattr(source, "sourceName") else "INPUT")
        date_field = resolve_date_field(source, self.parameterAsString(parameters, self.DATE_FIELD, context) or "",
                                        feedback, self.info)
        perms = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed_value = optional_number(parameters, self.SEED)
        seed = None
        if perms > 0:
            seed = int(seed_value) if seed_value is not None else secrets.randbelow(2**31)
            self.info(feedback, tr("Random seed: {seed}. Give SEED = {seed} to repeat this run exactly.").format(
                seed=seed))
        return EmergingParameters(
            source=source, expression=(self.parameterAsString(parameters, self.FILTER, context) or "").strip(),
            date_field=date_field, cell=self.parameterAsDouble(parameters, self.CELL_SIZE, context),
            band=optional_number(parameters, self.DISTANCE_BAND),
            months=self.parameterAsInt(parameters, self.TIME_STEP_MONTHS, context),
            time_neighbours=self.parameterAsInt(parameters, self.TIME_NEIGHBOURS, context),
            alpha=self.parameterAsDouble(parameters, self.SIGNIFICANCE_LEVEL, context),
            fdr=self.parameterAsBoolean(parameters, self.FDR, context), permutations=perms, seed=seed)

    def process(self, parameters, context, feedback):
        p = self._read_parameters(parameters, context, feedback)
        crs = p.source.sourceCrs()
        transform = None
        if not is_metric(crs):
            crs = metric_crs_for(p.source.sourceExtent(), p.source.sourceCrs(), context.transformContext())
            transform = QgsCoordinateTransform(p.source.sourceCrs(), crs, context.transformContext())
            self.info(feedback, tr("The analysis runs in {crs}.").format(crs=crs.authid()))
        points = read_incidents(p.source, p.date_field, p.expression, context, feedback, whole_days=True,
                                transform=transform, progress=(0.0, 10.0))
        require_dated(points, p.expression, lambda: p.source.sourceName(), p.date_field)
        t = np.full(points.t.size, np.datetime64("NaT"), dtype="datetime64[s]")
        ok = np.isfinite(points.t)
        t[ok] = (np.datetime64("1970-01-01", "D") + np.floor(points.t[ok]).astype(np.int64)).astype("datetime64[s]")
        band = p.band if p.band is not None else 1.5 * p.cell
        self.info(feedback, tr("Cells of {cell} m, time steps of {months} months, distance band {band} m, {k} "
                               "previous time steps as neighbours; a bin is a hot or cold spot when its "
                               "{pvalue} within its time step is below {alpha}.").format(
                                   cell=format_number(p.cell, 2, strip_zeros=True), months=p.months,
                                   band=format_number(band, 2, strip_zeros=True), k=p.time_neighbours,
                                   pvalue=tr("FDR-adjusted p-value") if p.fdr else tr("p-value"),
                                   alpha=format_number(p.alpha, 4, strip_zeros=True)))
        result = em.emerging_hotspots(points.x, points.y, t, p.cell, band, months=p.months,
                                      time_neighbours=p.time_neighbours, alpha=p.alpha, fdr=p.fdr,
                                      permutations=p.permutations, seed=p.seed,
                                      p_source="permutation" if p.permutations > 0 else "normal",
                                      monitor=self.monitor(feedback).sub(10, 85))
        self._report(feedback, result)
        dest = self._write(parameters, context, feedback, result, crs)
        store_style_in_gpkg(dest, "emerging")
        style_on_load(context, dest, "emerging")
        pats = result.pattern
        return {self.OUTPUT: dest, "N_STEPS": result.summary["n_steps"], "N_LOCATIONS": int(result.cells.size),
                "N_HOT_PATTERNS": int((pats > 0).sum()), "N_COLD_PATTERNS": int((pats < 0).sum()),
                "SEED_USED": p.seed if p.seed is not None else -1}

    def _report(self, feedback, result: em.EmergingResult) -> None:
        s = result.summary
        self.info(feedback, tr("{n} incidents in {steps} time steps from {first}; {cells} cells with incidents, "
                               "{bins} bins; at most {w} neighbours per bin.").format(
                                   n=s["n_incidents"], steps=s["n_steps"], first=str(result.starts[0]),
                                   cells=s["n_locations"], bins=s["n_bins"], w=s["neighbours_max"]))
        if s["n_undated"] or s["n_unlocated"]:
            feedback.pushWarning(tr("{n} incidents without a date or a location are left out.").format(
                n=s["n_undated"] + s["n_unlocated"]))
        if s["n_steps"] < 10:
            feedback.pushWarning(tr("Only {n} time steps: ArcGIS advises at least 10 for the trends. Choose a "
                                    "shorter time step if the data allow.").format(n=s["n_steps"]))
        for code in em.pattern_codes():
            k = s["patterns"].get(int(code), 0)
            if k:
                self.info(feedback, f"{pattern_label(code)}: {k}")

    @staticmethod
    def output_fields(n_steps: int) -> QgsFields:
        fields = QgsFields()
        base = [("cell_id", LONG), ("pattern", INT), ("pattern_label", STRING),
                ("explanation", STRING), ("n_incidents", INT), ("hot_steps", INT),
                ("cold_steps", INT), ("count_mk_s", DOUBLE), ("count_mk_z", DOUBLE),
                ("count_mk_p", DOUBLE), ("z_mk_s", DOUBLE), ("z_mk_z", DOUBLE),
                ("z_mk_p", DOUBLE)]
        for name, kind in base:
            fields.append(QgsField(name, kind))
        for s in range(n_steps):
            for name, kind in ((f"count_{s + 1}", INT), (f"z_{s + 1}", DOUBLE),
                               (f"p_{s + 1}", DOUBLE)):
                fields.append(QgsField(name, kind))
        return fields

    def _write(self, parameters, context, feedback, result: em.EmergingResult, crs) -> str:
        n_steps = result.counts.shape[1]
        fields = self.output_fields(n_steps)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        n = result.cells.size
        labels = {c: pattern_label(c) for c in em.pattern_codes()}
        sentences = {c: tr(em.PATTERN_EXPLANATIONS[c]) for c in em.pattern_codes()}
        ct, zt = result.count_trend, result.z_trend
        for start in range(0, n, CHUNK):
            if feedback.isCanceled():
                raise Canceled()
            stop = min(n, start + CHUNK)
            idx = np.arange(start, stop)
            rings = ring_wkb(*cell_corners(result.grid, result.cells[idx]))
            features = []
            for k, i in enumerate(idx.tolist()):
                code = int(result.pattern[i])
                steps = []
                for s in range(n_steps):
                    steps += [int(result.counts[i, s]), float(result.z[i, s]), float(result.p[i, s])]
                feature = QgsFeature(fields)
                feature.setGeometry(from_wkb(rings[k]))
                feature.setAttributes([int(result.cells[i]), code, labels[code], sentences[code],
                                       int(result.counts[i].sum()), int(result.hot[i].sum()),
                                       int(result.cold[i].sum()), float(ct.s[i]), float(ct.z[i]), float(ct.p[i]),
                                       float(zt.s[i]), float(zt.z[i]), float(zt.p[i])] + steps)
                features.append(feature)
            if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(tr("Could not write the output: {error}").format(
                    error=sink.lastError() if hasattr(sink, "lastError") else ""))
            feedback.setProgress(85 + 15 * stop / max(1, n))
        return dest


ALGORITHM = EmergingHotspotsAlgorithm
