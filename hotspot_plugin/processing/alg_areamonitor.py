"""hotspot:areamonitor - "Buurtmonitor": per area, year and safety field the count, the rate, the ratio
to the municipality with its exact 95 % interval, the rank and the trend; the areas with
accumulating problems flagged; optionally an atlas PDF (one profile page per area) and a
self-contained HTML dashboard.

The statistics are the pure core's (``core/area_monitor.py``, ``core/trend.py``); the incidents
are read from the safety GeoPackage with SQL (``storage/monitor.py``); the outputs are written
by ``report/dashboard.py`` and ``report/monitor_atlas.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import i18n
from ..adapters.crs import gpkg_crs
from ..adapters.features import read_polygons
from ..adapters.geometry import from_wkb
from ..compat import (
    DOUBLE,
    INT,
    STRING,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core import area_monitor as am
from ..core.categories import SAFETY_FIELDS
from ..core.grid_shapes import assign_to_polygons
from ..core.monitor_profile import TEXT as PROFILE_TEXT
from ..core.monitor_profile import field_label
from ..i18n import tr
from ..settings import Settings
from ..storage import monitor as store
from ..storage.scan_inputs import reading
from .base import HotspotAlgorithm, gpkg_parameter, optional_number


@dataclass
class MonitorParameters:
    gpkg: str
    areas: Optional[object]
    area_filter: str
    start_year: Optional[int]
    end_year: Optional[int]
    condition: str
    threshold: int
    report: str
    dashboard: str


@dataclass
class _Area:
    """An area row from a QGIS layer (same attributes as storage.monitor.AreaRecord)."""

    geometry: object
    code: str
    name: str
    inhabitants: Optional[float]
    dwellings: Optional[float]
    year: Optional[int]


class AreaMonitorAlgorithm(HotspotAlgorithm):
    NAME = "areamonitor"
    GROUP_ID = "density"
    ICON = "layers.svg"
    GPKG = "GPKG"
    AREAS = "AREAS"
    START_YEAR = "START_YEAR"
    END_YEAR = "END_YEAR"
    FILTER = "FILTER"
    SMALL_COUNT = "SMALL_COUNT"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    DASHBOARD = "DASHBOARD"

    def display_name(self) -> str:
        return tr("Area monitor (Buurtmonitor)")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, tr("Areas (polygons with code, name, inhabitants, dwellings; empty: the buurten of the "
                           "GeoPackage)"), [ProcessingSourceType.VectorPolygon], optional=True))
        for name, label in ((self.START_YEAR, tr("First year (empty: the first year of the incidents)")),
                            (self.END_YEAR, tr("Last year (empty: the last year of the incidents)"))):
            self.addParameter(QgsProcessingParameterNumber(name, label, ProcessingNumberParameterType.Integer,
                                                           optional=True, minValue=1900, maxValue=2200))
        self.addParameter(QgsProcessingParameterString(
            self.FILTER, tr("Filter on the incidents (e.g. category = '1.1.1'; empty: all incidents)"),
            defaultValue="", optional=True))
        small = QgsProcessingParameterNumber(
            self.SMALL_COUNT, tr("Counts below this number are published as '<n' (empty: the setting)"),
            ProcessingNumberParameterType.Integer, optional=True, minValue=1, maxValue=100)
        small.setFlags(small.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(small)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Area monitor"), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Atlas: one profile page per area (PDF)"), tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.DASHBOARD, tr("Dashboard (one HTML file, works offline)"), tr("HTML files (*.html)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_AREAS", tr("Areas")))
        self.addOutput(QgsProcessingOutputNumber("N_FLAGGED", tr("Areas with accumulating problems")))
        self.addOutput(QgsProcessingOutputNumber("N_INCIDENTS", tr("Incidents counted")))

    # ------------------------------------------------------------------------------------------
    def _read_parameters(self, parameters, context) -> MonitorParameters:
        gpkg = self.parameterAsFile(parameters, self.GPKG, context)
        if not gpkg:
            raise QgsProcessingException(tr("Choose the safety GeoPackage."))
        start, end = optional_number(parameters, self.START_YEAR), optional_number(parameters, self.END_YEAR)
        if start is not None and end is not None and start > end:
            raise QgsProcessingException(tr("The first year ({start}) lies after the last year ({end}).").format(
                start=int(start), end=int(end)))
        small = optional_number(parameters, self.SMALL_COUNT)
        return MonitorParameters(
            gpkg=gpkg, areas=self.parameterAsSource(parameters, self.AREAS, context), area_filter="",
            start_year=None if start is None else int(start), end_year=None if end is None else int(end),
            condition=(self.parameterAsString(parameters, self.FILTER, context) or "").strip(),
            threshold=int(small) if small is not None else int(Settings.load().small_count_threshold),
            report=self.parameterAsFileOutput(parameters, self.REPORT, context) if parameters.get(self.REPORT)
            else "",
            dashboard=self.parameterAsFileOutput(parameters, self.DASHBOARD, context)
            if parameters.get(self.DASHBOARD) else "")

    def _areas(self, p: MonitorParameters, records, context, feedback, crs) -> list:
        if p.areas is None:
            for level in ("buurt", "wijk"):
                chosen = [r for r in records if r.level == level]
                if chosen:
                    self.info(feedback, tr("Areas: the {n} rows of level '{level}' of the GeoPackage.").format(
                        n=len(chosen), level=level))
                    return chosen
            chosen = [r for r in records if r.level != "gemeente"]
            if not chosen:
                raise QgsProcessingException(tr("The GeoPackage has no areas. Import the buurten first, or "
                                                "choose an area layer."))
            return chosen
        names = [n.lower() for n in p.areas.fields().names()]
        if "code" not in names:
            raise QgsProcessingException(tr("The area layer needs a field 'code'. Its fields are: {fields}.")
                                         .format(fields=", ".join(p.areas.fields().names())))
        transform = None if p.areas.sourceCrs() == crs else QgsCoordinateTransform(
            p.areas.sourceCrs(), crs, context.transformContext())
        _q, shapes, attrs, skipped = read_polygons(p.areas, "", context, feedback, transform, attributes=True)
        if skipped:
            feedback.pushWarning(tr("{n} areas without a usable polygon are left out.").format(n=skipped))

        def get(row, name):
            return row[names.index(name)] if name in names else None

        def number(v):
            try:
                return None if v is None else float(v)
            except (TypeError, ValueError):
                return None
        return [_Area(s, str(get(r, "code") or ""), str(get(r, "name") or ""), number(get(r, "inhabitants")),
                      number(get(r, "dwellings")), None if number(get(r, "year")) is None
                      else int(number(get(r, "year")))) for s, r in zip(shapes, attrs)]

    def process(self, parameters, context, feedback):
        p = self._read_parameters(parameters, context)
        monitor = self.monitor(feedback)
        crs = gpkg_crs(p.gpkg)
        fields = list(SAFETY_FIELDS)
        with reading(p.gpkg) as con:
            store.check_filter(con, p.condition)
            span = store.year_range(con, p.condition)
            if span is None:
                raise QgsProcessingException(tr("No incidents pass the filter {expression}.").format(
                    expression=p.condition) if p.condition else tr("The GeoPackage has no incidents."))
            start = p.start_year if p.start_year is not None else span[0]
            end = p.end_year if p.end_year is not None else span[1]
            if start > end:
                raise QgsProcessingException(tr("The first year ({start}) lies after the last year ({end}).")
                                             .format(start=start, end=end))
            records = store.read_area_records(con) if p.areas is None else []
            incidents = store.read_monitor_incidents(con, start, end, fields, p.condition, monitor.sub(0, 40))
        years = list(range(start, end + 1))
        chosen = self._areas(p, records, context, feedback, crs)
        areas, geoms = am.build_areas(chosen, years)
        self.info(feedback, tr("{n} areas, {years} years ({start}-{end}), {k} incidents.").format(
            n=len(areas.codes), years=len(years), start=start, end=end, k=incidents.x.size))
        if len(years) < 5:
            feedback.pushWarning(tr("With {n} years a trend cannot be significant (the Mann-Kendall test needs "
                                    "at least 5 years for p < 0.05).").format(n=len(years)))
        owner = assign_to_polygons(incidents.x, incidents.y, geoms, monitor.sub(40, 70))
        counts = am.count_cube(owner, incidents.year, incidents.field, len(geoms), years)
        result = am.area_monitor(areas, counts, years, threshold=p.threshold, monitor=monitor.sub(70, 80))
        rule = tr(am.FLAG_RULE).format(k=am.MIN_FIELDS, year=end, threshold=p.threshold)
        result.summary["flag_rule"] = rule
        self.info(feedback, rule)
        self.info(feedback, tr("{n} of {total} areas are flagged; {k} areas are measured per km2 (fewer than "
                               "{m} inhabitants).").format(n=int(result.flagged.sum()), total=len(geoms),
                                                           k=result.summary["n_per_km2"], m=am.MIN_INHABITANTS))
        dest = self._write(parameters, context, feedback, result, geoms, crs)
        outputs = {self.OUTPUT: dest, "N_AREAS": len(geoms), "N_FLAGGED": int(result.flagged.sum()),
                   "N_INCIDENTS": int(counts[:, :, -1].sum())}
        municipality = self._municipality(p.gpkg)
        if p.dashboard:
            from ..report.dashboard import write_dashboard
            write_dashboard(p.dashboard, result, geoms, municipality, i18n.dutch())
            outputs[self.DASHBOARD] = p.dashboard
            self.info(feedback, tr("Dashboard written: {path}").format(path=p.dashboard))
        if p.report:
            from ..report.monitor_atlas import export_atlas
            pages = export_atlas(p.report, result, geoms, crs, municipality, i18n.dutch(), monitor.sub(90, 100))
            outputs[self.REPORT] = p.report
            self.info(feedback, tr("Atlas written: {path} ({n} pages)").format(path=p.report, n=pages))
        feedback.setProgress(100)
        return outputs

    @staticmethod
    def _municipality(path: str) -> str:
        from ..storage.scan_inputs import gpkg_info
        with reading(path) as con:
            return gpkg_info(con, path).municipality

    # ------------------------------------------------------------------------------------------
    @staticmethod
    def output_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in [("code", STRING), ("name", STRING), ("year", INT),
                           ("safety_field", STRING), ("field_label", STRING),
                           ("inhabitants", INT), ("dwellings", INT), ("count", INT),
                           ("count_text", STRING), ("rate", DOUBLE), ("rate_unit", STRING),
                           ("ratio", DOUBLE), ("ratio_low", DOUBLE),
                           ("ratio_high", DOUBLE), ("ratio_p", DOUBLE),
                           ("vs_municipality", INT), ("rank", INT), ("trend_s", DOUBLE),
                           ("trend_z", DOUBLE), ("trend_p", DOUBLE),
                           ("sen_slope", DOUBLE), ("trend", STRING), ("flagged", INT),
                           ("flag_reason", STRING)]:
            fields.append(QgsField(name, kind))
        return fields

    def _write(self, parameters, context, feedback, result: am.MonitorResult, geoms, crs) -> str:
        fields = self.output_fields()
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        dutch = i18n.dutch()
        text = PROFILE_TEXT[dutch]
        n_f = len(result.fields)
        total = max(1, len(geoms))
        for a, geom in enumerate(geoms):
            if feedback.isCanceled():
                from ..core.errors import Canceled
                raise Canceled()
            g = from_wkb(geom.wkb)
            g.convertToMultiType()
            reason = "; ".join(
                [text["flag_above"].format(fields=", ".join(field_label(c, dutch) for c in result.flag_above[a]))]
                * (len(result.flag_above[a]) >= am.MIN_FIELDS)
                + [text["flag_rising"].format(fields=", ".join(field_label(c, dutch) for c in result.flag_rising[a]))]
                * (len(result.flag_rising[a]) >= am.MIN_FIELDS))
            features: List[QgsFeature] = []
            for y, year in enumerate(result.years):
                inh = result.areas.inhabitants[a, y]
                dw = result.areas.dwellings[a, y]
                for f, code in enumerate(result.fields):
                    shown = result.shown(a, y, f)
                    k = a * n_f + f
                    trend_ok = bool(result.trend_shown[a, f])
                    d = int(result.trend_dir[a, f])

                    def val(x, ok=shown):
                        return float(x) if ok and np.isfinite(x) else None
                    vs = 1 if result.above[a, y, f] else -1 if result.below[a, y, f] else 0
                    feature = QgsFeature(fields)
                    feature.setGeometry(g)
                    feature.setAttributes([
                        result.areas.codes[a], result.areas.names[a], int(year), code, field_label(code, dutch),
                        int(inh) if np.isfinite(inh) else None, int(dw) if np.isfinite(dw) else None,
                        int(result.counts[a, y, f]) if shown else None, result.count_text(a, y, f),
                        val(result.rate[a, y, f]), text[result.unit[a]], val(result.ratio[a, y, f]),
                        val(result.ratio_low[a, y, f]), val(result.ratio_high[a, y, f]),
                        val(result.ratio_p[a, y, f]), vs if shown else None,
                        int(result.rank[a, y, f]) if result.rank[a, y, f] > 0 else None,
                        val(result.trend.s[k], trend_ok), val(result.trend.z[k], trend_ok),
                        val(result.trend.p[k], trend_ok), val(result.trend.slope[k], trend_ok),
                        (text["up"] if d > 0 else text["down"] if d < 0 else text["none"]) if trend_ok
                        else None, int(result.flagged[a]), reason or None])
                    features.append(feature)
            if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(tr("Could not write the output: {error}").format(
                    error=sink.lastError() if hasattr(sink, "lastError") else ""))
            feedback.setProgress(80 + 10 * (a + 1) / total)
        return dest


ALGORITHM = AreaMonitorAlgorithm
