"""hotspot:environmentscan - the environment scan ("omgevingsscan") of one location, saved in the GeoPackage.

``process()`` reads the parameters into a :class:`ScanParameters` (completed from the saved scan
on a re-run) and delegates: the scan area (adapters.scan_area), the inputs from the safety
GeoPackage (storage.scan_inputs), the heatmap of the area and its ring and the hotspot zones in it
(core.scan_heatmap), the scan (core.scan.run_scan), the findings and measures (core.advice) with
the near-repeat result when burglary is among the findings (core.scan_near_repeat), and the scan
record (storage.scans). A failure or a cancel saves nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRectangle,
    QgsReferencedPointXY,
)
from qgis.PyQt.QtCore import QDate, QDateTime
from shapely import wkt as shapely_wkt
from shapely.geometry.base import BaseGeometry

from ..adapters.crs import require_metric_gpkg, units_note
from ..adapters.scan_area import checked_point, polygon_of_wkt, polygons_of, refuse_swapped_degrees, scan_crs
from ..compat import ProcessingDateTimeParameterDataType, ProcessingNumberParameterType, ProcessingSourceType
from ..core import nearrepeat as nr
from ..core.advice import Advice, Finding, draft_findings, load_catalogue, merge_advice
from ..core.advice_text import render_template
from ..core.categories import SAFETY_FIELDS
from ..core.errors import InputError
from ..core.parsing import parse_datetime
from ..core.periods import DatePeriod, half_open, resolve_periods, to_date
from ..core.scan import IncidentData, ScanInputs, run_scan
from ..core.scan_choices import all_fields_as_none, chosen_fields, given_or_saved, parse_codes
from ..core.scan_geography import largest_buurt
from ..core.scan_geometry import area_from_point, box_text
from ..core.scan_heatmap import (
    FIXED_PIXEL,
    FIXED_RADIUS,
    ZONE_TOP_PERCENT,
    density_and_zones,
    fitting_grid,
    heatmap_settings,
)
from ..core.scan_near_repeat import (
    BURGLARY,
    NEAR_REPEAT_ALPHA,
    NEAR_REPEAT_PERMUTATIONS,
    burglary_to_test,
    insert_finding,
    knox_arrays,
    near_repeat_finding,
    near_repeat_info,
    seed_of,
)
from ..core.scan_record import DraftedAdvice, HeatmapInfo, NearRepeatInfo, RecordParameters, ZoneInfo
from ..core.scan_types import RiskObjects, SchouwFindings, select_fields
from ..i18n import decimal_sign, dutch, tr
from ..settings import Settings
from ..storage import scan_inputs as si
from ..storage.raster import DensityRasterWriter, write_density_qml
from ..storage.scans import ScanRecord, load_scan, save_scan
from .base import HotspotAlgorithm, given, gpkg_parameter, is_null

FIELD_CODES: Tuple[str, ...] = tuple(SAFETY_FIELDS)


class AreaSource(NamedTuple):
    """How the scan area was given: "AREA", "AREA_WKT", "POINT" or "saved" (with the point and radius)."""

    source: Optional[str]
    point: Optional[List[float]] = None
    radius: Optional[float] = None


@dataclass
class ScanParameters:
    """The parameters of one run, read and checked (completed from the saved scan on a re-run)."""

    path: str
    info: si.GpkgInfo
    crs: QgsCoordinateReferenceSystem
    old: Optional[ScanRecord]
    area: BaseGeometry
    area_meta: AreaSource
    ring: float
    days: DatePeriod
    comparison_days: DatePeriod
    fields: Optional[List[str]]
    categories: Optional[List[str]]
    small: int
    reference: Optional[BaseGeometry]
    reference_wkt: Optional[str]
    title: str = ""
    author: str = ""
    organisation: str = ""
    heatmap_path: str = ""
    scan_uuid: str = ""
    #: Metres per map unit of the GeoPackage's CRS (0.3048 in feet): distances given in metres
    #: (radius, ring) are divided by it, lengths and areas read in map units multiplied.
    unit: float = 1.0

    def __post_init__(self) -> None:
        if not self.scan_uuid:
            self.scan_uuid = self.old.uuid if self.old is not None else str(uuidlib.uuid4())

    @property
    def period(self):
        """The period as the scan uses it: half-open datetime64 (start, end)."""
        return half_open(self.days)

    @property
    def comparison(self):
        """The comparison period, half-open."""
        return half_open(self.comparison_days)

    @property
    def ring_units(self) -> float:
        """The ring width (metres) in the GeoPackage's map units."""
        return self.ring / self.unit

    @property
    def outer(self) -> BaseGeometry:
        """The area with its ring."""
        return self.area.buffer(self.ring_units) if self.ring > 0 else self.area


@dataclass
class ScanData:
    """What the scan reads from the safety GeoPackage."""

    in_period: IncidentData
    in_comparison: IncidentData
    level: str
    buurten: List[Any]
    reference: Optional[BaseGeometry]
    reference_inhabitants: Optional[float]
    reference_name: str
    risk: RiskObjects
    schouw: SchouwFindings
    labels: Dict[str, str] = field(default_factory=dict)


@dataclass
class Heatmap:
    """The heatmap of the area and ring: settings, grid, density and hotspot zones."""

    radius: float
    pixel: float
    how: str
    grid: Any
    values: np.ndarray
    touched: np.ndarray
    zones: List[Any]
    n_points: int



class EnvironmentScanAlgorithm(HotspotAlgorithm):
    NAME = "environmentscan"
    GROUP_ID = "scan"
    GPKG = "GPKG"
    AREA = "AREA"
    AREA_WKT = "AREA_WKT"
    POINT = "POINT"
    RADIUS = "RADIUS"
    RING_WIDTH = "RING_WIDTH"
    PERIOD_START = "PERIOD_START"
    PERIOD_END = "PERIOD_END"
    COMPARISON_START = "COMPARISON_START"
    COMPARISON_END = "COMPARISON_END"
    REFERENCE = "REFERENCE"
    FIELDS = "FIELDS"
    CATEGORIES = "CATEGORIES"
    SMALL_COUNT = "SMALL_COUNT"
    TITLE = "TITLE"
    AUTHOR = "AUTHOR"
    ORGANISATION = "ORGANISATION"
    SCAN = "SCAN"
    HEATMAP = "HEATMAP"

    def display_name(self) -> str:
        return tr("Environment scan (omgevingsscan)")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        settings = Settings.load()
        polygon = [ProcessingSourceType.VectorPolygon]
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                tr("Scan area: polygon layer (its features or selected features together)"),
                polygon,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.AREA_WKT, tr("Scan area: polygon as WKT in the GeoPackage's CRS"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterPoint(self.POINT, tr("Scan area: centre point of a circle"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RADIUS,
                tr("Radius of the circle around the point (m)"),
                ProcessingNumberParameterType.Double,
                defaultValue=250.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RING_WIDTH,
                tr("Width of the context ring around the area (m)"),
                ProcessingNumberParameterType.Double,
                defaultValue=250.0,
                minValue=0.0,
            )
        )
        for name, label in (
            (self.PERIOD_START, tr("Period: first day (empty: the last 12 months of data)")),
            (self.PERIOD_END, tr("Period: last day (included)")),
            (self.COMPARISON_START, tr("Comparison period: first day (empty: one year earlier)")),
            (self.COMPARISON_END, tr("Comparison period: last day (included)")),
        ):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, ProcessingDateTimeParameterDataType.Date, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.REFERENCE,
                tr("Reference area (empty: the municipality in the GeoPackage)"),
                polygon,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FIELDS,
                tr("Safety fields (empty: all)"),
                [tr(SAFETY_FIELDS[c][1]) for c in FIELD_CODES],
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CATEGORIES,
                tr("Categories, comma-separated codes such as 1.1.1, 1.2.3 (empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SMALL_COUNT,
                tr("Counts below this number are marked as small"),
                ProcessingNumberParameterType.Integer,
                defaultValue=settings.small_count_threshold or 5,
                minValue=1,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), optional=True))
        self.addParameter(
            QgsProcessingParameterString(self.AUTHOR, tr("Author (empty: from the settings)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ORGANISATION, tr("Organisation (empty: from the settings)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCAN,
                tr("Saved scan to run again (uuid or reference such as HS-2025-001; empty: a new scan)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.HEATMAP, tr("Heatmap of the area and ring"), optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputString("SCAN_UUID", tr("Scan uuid")))
        self.addOutput(QgsProcessingOutputString("REFERENCE", tr("Scan reference number")))
        self.addOutput(QgsProcessingOutputNumber("N_INCIDENTS", tr("Incidents in the area in the period")))
        self.addOutput(QgsProcessingOutputNumber("FINDINGS", tr("Drafted findings")))

    # ------------------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        monitor = self.monitor(feedback)
        p = self._read_parameters(parameters, context, feedback)
        monitor.set(3)
        data = self._read_inputs(p, monitor)
        heat = self._heatmap(p, data, monitor, feedback)
        monitor.set(32)
        monitor.check()
        result = run_scan(
            ScanInputs(
                incidents=si.concat_incidents([data.in_period, data.in_comparison]),
                area=p.area,
                period=p.period,
                comparison=p.comparison,
                ring_width=p.ring_units,
                reference=data.reference,
                reference_inhabitants=data.reference_inhabitants,
                buurten=data.buurten,
                risk_objects=data.risk,
                zones=heat.zones,
                schouw=data.schouw,
                fields=p.fields,
                categories=p.categories,
                small_count_threshold=p.small,
                metres_per_unit=p.unit,
            ),
            monitor.sub(32, 70),
        )
        for w in result.warnings:
            feedback.pushWarning(render_template(w["message"], w.get("params") or {}, tr))
        profile = result.methods.get("time_profile") or {}
        if profile.get("id") == "aoristic":  # say how the weekday x hour and day-part profiles were made
            self.info(feedback, render_template(profile["template"], profile.get("params") or {}, tr))
        monitor.set(72)
        advice, drafted, findings, near_repeat = self._advice(p, data, result, monitor, feedback)
        monitor.set(95)
        monitor.check()
        record = self._record(p, data, heat, result, advice, drafted, findings, near_repeat, feedback)
        record = self._save(p, record, heat, monitor)
        n_area = int(result.n_incidents["area_period"])
        n_findings = sum(1 for f in advice.findings if f.rule != "user")
        self.info(
            feedback,
            tr(
                "Scan {reference} (version {version}) saved: {n} incidents in the area in the "
                "period, {findings} findings, {measures} measures."
            ).format(
                reference=record.reference,
                version=record.version,
                n=n_area,
                findings=n_findings,
                measures=len(advice.measures),
            ),
        )
        monitor.set(100)
        return {
            "SCAN_UUID": record.uuid,
            "REFERENCE": record.reference,
            "N_INCIDENTS": n_area,
            self.HEATMAP: p.heatmap_path or None,
            "FINDINGS": n_findings,
        }

    # ------------------------------------------------------------------------------ parameters
    def _read_parameters(self, parameters, context, feedback) -> ScanParameters:
        """The parameters, completed from the saved scan on a re-run and checked."""
        path = self.parameterAsFile(parameters, self.GPKG, context)
        with si.reading(path) as con:
            info = si.gpkg_info(con, path)
            extent = si.data_extent(con)
        crs = scan_crs(info.path, info.crs)
        unit = require_metric_gpkg(crs, None if extent is None else QgsRectangle(*extent),
                                   context.transformContext(), path, tr("the environment scan"))
        if unit != 1.0:
            self.info(feedback, units_note(crs, unit))
        key = (self.parameterAsString(parameters, self.SCAN, context) or "").strip()
        old = load_scan(path, key) if key else None
        saved = old.parameters if old is not None else RecordParameters()
        if old is not None:
            self.info(
                feedback,
                tr("Running scan {reference} (version {version}) again.").format(
                    reference=old.reference, version=old.version
                ),
            )
        if info.n_incidents == 0:
            raise QgsProcessingException(
                tr(
                    "The GeoPackage {path} has no incidents yet. Import incidents first "
                    "with 'Import incidents'."
                ).format(path=path)
            )
        area, area_meta = self._area(parameters, context, crs, old, feedback, unit, extent)
        ring = given_or_saved(
            passed(parameters, self.RING_WIDTH),
            self.parameterAsDouble(parameters, self.RING_WIDTH, context),
            saved.ring_width,
        )
        days, comparison_days = self._periods(parameters, context, saved, info)
        if passed(parameters, self.FIELDS):
            fields = chosen_fields(self.parameterAsEnums(parameters, self.FIELDS, context), FIELD_CODES)
        else:
            fields = all_fields_as_none(saved.fields, FIELD_CODES)
        if passed(parameters, self.CATEGORIES):
            categories = parse_codes(self.parameterAsString(parameters, self.CATEGORIES, context)) or None
        else:
            categories = saved.categories
        small = given_or_saved(
            passed(parameters, self.SMALL_COUNT),
            self.parameterAsInt(parameters, self.SMALL_COUNT, context),
            saved.small_count,
            int,
        )
        reference = reference_wkt = None
        if given(parameters, self.REFERENCE):
            source = self.required_source(parameters, self.REFERENCE, context)
            reference = polygons_of(source, crs, context.transformContext(), tr("reference area layer"))
            reference_wkt = reference.wkt
        elif saved.reference and not passed(parameters, self.REFERENCE):
            reference, reference_wkt = shapely_wkt.loads(saved.reference), saved.reference
        p = ScanParameters(
            path=path, info=info, crs=crs, old=old, area=area, area_meta=area_meta, ring=ring,
            days=days, comparison_days=comparison_days, fields=fields, categories=categories,
            small=small, reference=reference, reference_wkt=reference_wkt,
            title=(self.parameterAsString(parameters, self.TITLE, context) or "").strip(),
            author=(self.parameterAsString(parameters, self.AUTHOR, context) or "").strip(),
            organisation=(self.parameterAsString(parameters, self.ORGANISATION, context) or "").strip(),
            heatmap_path=self.parameterAsOutputLayer(parameters, self.HEATMAP, context) or "",
            unit=unit,
        )
        self.info(
            feedback,
            tr("Period {start} to {end}, compared with {c_start} to {c_end}; ring {ring} m.").format(
                start=days[0].isoformat(),
                end=days[1].isoformat(),
                c_start=comparison_days[0].isoformat(),
                c_end=comparison_days[1].isoformat(),
                ring=f"{ring:g}",
            ),
        )
        return p

    def _area(
        self, parameters, context, crs, old: Optional[ScanRecord], feedback, unit: float = 1.0, extent=None
    ) -> Tuple[BaseGeometry, AreaSource]:
        """The scan area in the GeoPackage's CRS and how it was given (a point is converted to that
        CRS first; the radius, in metres, is divided by *unit*, the metres per map unit)."""
        ways = [name for name in (self.AREA, self.AREA_WKT, self.POINT) if given(parameters, name)]
        if len(ways) > 1:
            raise QgsProcessingException(
                tr(
                    "Give the scan area in one way only: a polygon layer (AREA), a drawn polygon (AREA_WKT) "
                    "or a point with a radius (POINT and RADIUS). Now {given} were given."
                ).format(given=" + ".join(ways))
            )
        if not ways:
            if old is not None:
                self.info(feedback, tr("No new area given: the area of the saved scan is used."))
                saved = old.parameters
                return old.area, AreaSource(saved.area_source or "saved", saved.point, saved.radius)
            raise QgsProcessingException(
                tr(
                    "Give the scan area: a polygon layer or its selected features (AREA), a polygon as WKT "
                    "(AREA_WKT), or a point with a radius (POINT and RADIUS)."
                )
            )
        way = ways[0]
        meta = AreaSource(way)
        if way == self.AREA:
            source = self.required_source(parameters, self.AREA, context)
            area = polygons_of(source, crs, context.transformContext(), tr("scan area layer"))
        elif way == self.AREA_WKT:
            area = polygon_of_wkt(self.parameterAsString(parameters, self.AREA_WKT, context).strip())
        else:
            raw = parameters.get(self.POINT)
            point = self.parameterAsPoint(parameters, self.POINT, context, crs)
            explicit = isinstance(raw, QgsReferencedPointXY) or (isinstance(raw, str) and "[" in raw)
            point_crs = self.parameterAsPointCrs(parameters, self.POINT, context) if explicit else None
            refuse_swapped_degrees(self.parameterAsPoint(parameters, self.POINT, context), point_crs, crs, extent,
                                   context.transformContext())
            x, y, note = checked_point(point, point_crs, crs)
            if note:
                self.info(feedback, note)
            radius = self.parameterAsDouble(parameters, self.RADIUS, context)
            area = area_from_point(x, y, radius / unit)
            meta = AreaSource(way, [x, y], radius)
        if area.is_empty or area.area <= 0:
            raise QgsProcessingException(tr("The scan area has no surface; draw or choose a polygon."))
        return area, meta

    def _periods(self, parameters, context, saved: RecordParameters, info: si.GpkgInfo):
        """The period and comparison period as (first day, last day): given, saved or default.

        A saved period is used only when neither of its dates is given, a saved comparison period
        only when the period is the saved one as well.
        """
        p_names, c_names = (self.PERIOD_START, self.PERIOD_END), (self.COMPARISON_START, self.COMPARISON_END)
        p_saved = saved if not any(passed(parameters, n) for n in p_names) else None
        c_saved = p_saved if p_saved is not None and not any(passed(parameters, n) for n in c_names) else None
        dates = [self._date(parameters, n, context, p_saved) for n in p_names]
        dates += [self._date(parameters, n, context, c_saved) for n in c_names]
        return resolve_periods(*dates, info.last)

    def _date(self, parameters, name: str, context, saved: Optional[RecordParameters]) -> Optional[dt.date]:
        if not given(parameters, name):
            # PERIOD_START -> saved.period_start, ...
            value = getattr(saved, name.lower()) if saved is not None else None
            return dt.date.fromisoformat(value) if value else None
        raw = parameters.get(name)
        if isinstance(raw, QDate):
            return raw.toPyDate() if raw.isValid() else None
        if isinstance(raw, QDateTime):
            return raw.date().toPyDate() if raw.isValid() else None
        if isinstance(raw, (dt.date, dt.datetime)):
            return raw.date() if isinstance(raw, dt.datetime) else raw
        parsed = parse_datetime(str(raw).strip())
        if parsed is None:
            value = self.parameterAsDateTime(parameters, name, context)
            if value.isValid():
                return value.date().toPyDate()
            raise QgsProcessingException(
                tr("'{value}' ({name}) is not a date; write it as 2025-01-31.").format(value=raw, name=name)
            )
        return parsed.date()

    # ------------------------------------------------------------------------------ inputs
    def _read_inputs(self, p: ScanParameters, monitor) -> ScanData:
        """The incidents, areas, risk objects, schouw findings and labels the scan needs."""
        outer_box = p.outer.bounds
        with si.reading(p.path) as con:
            if not (si.any_in_bbox(con, "incidents", outer_box) or si.any_in_bbox(con, "areas", outer_box)):
                extents = [e for e in (si.layer_extent(con, "incidents"), si.layer_extent(con, "areas")) if e]
                raise QgsProcessingException(
                    tr(
                        "The scan area lies outside the data: the GeoPackage's incidents and areas lie "
                        "within {extent}, the scan area and its ring within {bounds} ({crs}). Check that "
                        "the area or the point is in the right place and in the right CRS."
                    ).format(extent=box_text(union_box(extents)), bounds=box_text(outer_box), crs=p.crs.authid())
                )
            known = si.category_fields(con)
            unknown = [c for c in p.categories or () if c not in known]
            if unknown:
                raise QgsProcessingException(
                    tr(
                        "Unknown category codes: {unknown}. The GeoPackage's categories table has, for "
                        "example: {examples}."
                    ).format(unknown=", ".join(unknown), examples=", ".join(sorted(known)[:12]))
                )
            areas = si.read_areas(con)
            level, buurten = si.buurten_of(areas)
            if p.reference is not None:
                reference, inhabitants, name = p.reference, None, tr("custom area")
            else:
                reference, inhabitants, name = si.municipality_of(areas)
            q1_box = None if p.reference is None else union_box([p.reference.bounds, outer_box])
            in_period = si.read_incidents(con, [p.period], q1_box, p.categories, monitor=monitor.sub(3, 15))
            in_comparison = si.read_incidents(
                con, [p.comparison], outer_box, p.categories, monitor=monitor.sub(15, 18)
            )
            lang = "nl" if dutch() else "en"
            labels = si.read_category_labels(con, lang)
            labels.update({c: SAFETY_FIELDS[c][0 if lang == "nl" else 1] for c in FIELD_CODES})
            data = ScanData(
                in_period=in_period, in_comparison=in_comparison, level=level, buurten=buurten,
                reference=reference, reference_inhabitants=inhabitants, reference_name=name,
                risk=si.read_risk_objects(con, outer_box), schouw=si.read_open_schouw(con, p.area.bounds),
                labels=labels,
            )
        monitor.set(20)
        return data

    # ------------------------------------------------------------------------------ heatmap
    def _heatmap(self, p: ScanParameters, data: ScanData, monitor, feedback) -> Heatmap:
        """The heatmap of the area and ring and its hotspot zones."""
        chosen_period = select_fields(data.in_period, p.fields)
        if chosen_period.x.shape[0] == 0:
            selection = (
                "" if p.fields is None and p.categories is None else tr(" (of the chosen fields and categories)")
            )
            raise QgsProcessingException(
                tr(
                    "There are no incidents{selection} in the period {start} to {end}; the GeoPackage "
                    "has incidents from {first} to {last}. Choose a period with data."
                ).format(
                    selection=selection,
                    start=p.days[0].isoformat(),
                    end=p.days[1].isoformat(),
                    first=to_date(p.info.first).isoformat(),
                    last=to_date(p.info.last).isoformat(),
                )
            )
        n = int(chosen_period.x.shape[0])
        radius, pixel, how, suggestion = heatmap_settings(chosen_period.x, chosen_period.y)
        if suggestion is not None:
            self.info(
                feedback,
                tr(
                    "Heatmap of the area and ring: from the {n} incidents of the period in "
                    "the whole GeoPackage."
                ).format(n=n)
                + " "
                + render_template(*suggestion, tr),
            )
        else:
            radius, pixel = radius / p.unit, pixel / p.unit  # metres -> map units
            self.info(
                feedback,
                tr(
                    "Only {n} incidents in the period: the heatmap uses the fixed radius {radius} m and "
                    "pixel size {pixel} m."
                ).format(n=n, radius=f"{FIXED_RADIUS:g}", pixel=f"{FIXED_PIXEL:g}"),
            )
        grid, pixel, how = fitting_grid(p.outer.bounds, radius, pixel, how)
        with si.reading(p.path) as con:
            points = select_fields(si.read_incidents(con, [p.period], grid.bounds, p.categories), p.fields)
        monitor.set(22)
        values, touched, zones = density_and_zones(points.x, points.y, radius, grid, monitor.sub(22, 30))
        self.info(
            feedback,
            tr(
                "Heatmap: {n} incidents, radius {radius} m, pixel {pixel} m, {cols} x {rows} "
                "cells; {zones} hotspot zones (top {top}% of the cells)."
            ).format(
                n=points.x.shape[0],
                radius=f"{radius * p.unit:.4g}",
                pixel=f"{pixel * p.unit:.4g}",
                cols=grid.cols,
                rows=grid.rows,
                zones=len(zones),
                top=f"{ZONE_TOP_PERCENT:g}",
            ),
        )
        return Heatmap(radius, pixel, how, grid, values, touched, zones, int(points.x.shape[0]))

    # ------------------------------------------------------------------------------ advice
    def _advice(self, p: ScanParameters, data: ScanData, result, monitor, feedback):
        """The drafted findings (with the near-repeat one), the advice merged with the saved one."""
        catalogue = load_catalogue()
        findings = draft_findings(result, data.labels, catalogue)
        near_repeat = None
        burglary = burglary_to_test(findings)
        if burglary is not None:
            near_repeat, finding = self._near_repeat(
                p, data.labels, burglary, catalogue, monitor.sub(72, 95), feedback
            )
            if finding is not None:
                insert_finding(findings, finding)
        drafted = Advice.draft(findings, catalogue)
        old = p.old
        advice, dropped = merge_advice(
            old.advice if old is not None else None, drafted, old.parameters.advice_drafted if old is not None else None
        )
        for measure in dropped:
            feedback.pushWarning(
                tr(
                    "The measure {measure} of the saved advice was removed: the findings it "
                    "belonged to no longer apply."
                ).format(measure=measure)
            )
        return advice, drafted, findings, near_repeat

    def _near_repeat(self, p: ScanParameters, labels, burglary_finding: Finding, catalogue, monitor, feedback):
        """The Knox test on all burglaries of the GeoPackage in the period and the comparison period."""
        with si.reading(p.path) as con:
            data = si.read_incidents(con, [p.comparison, p.period], None, [BURGLARY], monitor=monitor.sub(0, 5))
        x, y, days = knox_arrays(data)
        seed = seed_of(p.scan_uuid)
        try:
            knox = nr.knox(
                x, y, days, permutations=NEAR_REPEAT_PERMUTATIONS, seed=seed, monitor=monitor.sub(5, 100)
            )
        except InputError as exc:
            feedback.pushWarning(
                tr("The near-repeat test of the burglaries was left out: {reason}").format(
                    reason=exc.render(tr)
                )
            )
            return None, None
        conclusion = nr.conclusion(knox, NEAR_REPEAT_ALPHA, decimal_sign(), fdr=True)
        text = render_template(*conclusion, tr)
        self.info(
            feedback,
            tr(
                "Near-repeat test of the {n} burglaries in the period and comparison period "
                "({perm} permutations, seed {seed}): {conclusion}"
            ).format(n=knox.n_incidents, perm=NEAR_REPEAT_PERMUTATIONS, seed=seed, conclusion=text),
        )
        info = near_repeat_info(knox, conclusion, text, seed, p.period, p.comparison)
        return info, near_repeat_finding(knox, info, burglary_finding, labels, catalogue.measures)

    # ------------------------------------------------------------------------------ the record
    def _record(self, p, data, heat, result, advice, drafted, findings, near_repeat, feedback) -> ScanRecord:
        """The scan record to save."""
        settings = Settings.load()
        old = p.old
        parameters = record_parameters(p, data, heat, findings, drafted, near_repeat, tr("the buurten together"))
        if p.heatmap_path:
            parameters.heatmap.path = _relative_to(p.heatmap_path, p.path)
        title = p.title
        if not title:
            title = old.title if old is not None and old.title else _default_title(p.area, data.buurten)
        author = p.author or (old.author if old is not None else "") or settings.author
        organisation = p.organisation or (old.organisation if old is not None else "") or settings.organisation
        if old is not None and old.status == "definitief":
            feedback.pushWarning(
                tr("Scan {reference} was final (definitief); the new version is a concept again.").format(
                    reference=old.reference
                )
            )
        return ScanRecord(
            area=p.area,
            title=title,
            reference=old.reference if old is not None else "",
            uuid=p.scan_uuid,
            status="concept",
            version=old.version if old is not None else 1,
            author=author,
            organisation=organisation,
            created_at=old.created_at if old is not None else "",
            parameters=parameters,
            results=result,
            advice=advice,
            verdict=old.verdict if old is not None else None,  # the advisor's verdict stays (a concept again)
        )

    def _save(self, p: ScanParameters, record: ScanRecord, heat: Heatmap, monitor) -> ScanRecord:
        """Save the record; the raster goes to a temporary file first and gets its name only once
        the record is saved (a failure leaves neither)."""
        from rasterio.crs import CRS

        writer = (
            DensityRasterWriter(p.heatmap_path, heat.grid, CRS.from_user_input(p.info.crs).to_wkt())
            if p.heatmap_path
            else None
        )
        try:
            if writer is not None:
                writer.write(0, heat.values, heat.touched)
            monitor.check()
            record = save_scan(p.path, record)
            if writer is not None:
                writer.commit()
                write_density_qml(p.heatmap_path, writer.maximum)
        finally:
            if writer is not None:
                writer.__exit__(None, None, None)  # removes the temporary file unless committed
        return record


# ----------------------------------------------------------------------------------- small helpers


def passed(parameters: Mapping[str, Any], name: str) -> bool:
    """True when the caller passed *name* at all, even empty ("" means: the default, not the saved
    value of a re-run; :func:`given` says whether it has a value)."""
    return not is_null(parameters.get(name))


def union_box(boxes: Sequence[Sequence[float]]) -> Tuple[float, float, float, float]:
    """The bounding box of bounding boxes."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def record_parameters(p: ScanParameters, data: ScanData, heat: Heatmap, findings, drafted,
                      near_repeat: Optional[NearRepeatInfo], buurten_together: str) -> RecordParameters:
    """The parameters of the scan record: as asked for (completed) and what the scan made."""
    level_name = {"buurt": "buurten", "wijk": "wijken"}.get(data.level, data.level)
    return RecordParameters(
        area_source=p.area_meta.source,
        point=p.area_meta.point,
        radius=p.area_meta.radius,
        ring_width=p.ring,
        period_start=p.days[0].isoformat(),
        period_end=p.days[1].isoformat(),
        comparison_start=p.comparison_days[0].isoformat(),
        comparison_end=p.comparison_days[1].isoformat(),
        reference=p.reference_wkt,
        fields=p.fields,
        categories=p.categories,
        small_count=p.small,
        gpkg_crs=p.info.crs,
        reference_name=data.reference_name or ("" if data.reference is None else buurten_together),
        reference_inhabitants=data.reference_inhabitants,
        population_level=level_name,
        heatmap=HeatmapInfo(
            radius=heat.radius,
            pixel=heat.pixel,
            kernel="quartic",
            output="raw",
            weights=None,
            how=heat.how,
            grid=[heat.grid.x_min, heat.grid.y_max, heat.grid.cols, heat.grid.rows],
            n_incidents=heat.n_points,
        ),
        zones=[
            ZoneInfo(wkt=z.geometry.wkt, peak=float(z.peak), rank=int(z.rank), area_m2=float(z.area) * p.unit ** 2)
            for z in heat.zones
        ],
        advice_drafted=DraftedAdvice(
            findings=[f.id for f in findings],
            measures=[m.measure_id for m in drafted.measures if m.measure_id],
        ),
        near_repeat=near_repeat,
    )


def _default_title(area: BaseGeometry, buurten: Sequence[Any]) -> str:
    """The default title: "Environment scan" and the buurt holding the largest part of the area."""
    best = largest_buurt(area, buurten)
    return tr("Environment scan {place}").format(place=best).strip() if best else tr("Environment scan")


def _relative_to(raster: str, gpkg_path: str) -> Optional[str]:
    """The raster's path relative to the GeoPackage's folder; None for Processing's temporary files."""
    try:
        temp = os.path.realpath(QgsProcessingUtils.tempFolder())
        real = os.path.realpath(raster)
        if real.startswith(temp + os.sep):
            return None
        return Path(os.path.relpath(real, os.path.dirname(os.path.realpath(gpkg_path)))).as_posix()
    except ValueError:  # another drive on Windows
        return None


ALGORITHM = EnvironmentScanAlgorithm
