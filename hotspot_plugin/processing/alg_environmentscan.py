"""hotspot:environmentscan - the environment scan ("omgevingsscan") of one location, saved in the GeoPackage.

Reads the safety GeoPackage (storage.scan_inputs), builds the scan area, computes the heatmap
of the area and its ring and the hotspot zones in it (core.kde, core.zones), runs the scan
(core.scan.run_scan), drafts findings and measures (core.advice), adds the near-repeat result
when burglary is among the findings (core.nearrepeat) and saves everything as one scan record
(storage.scans). A failure or a cancel saves nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import uuid as uuidlib
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsReferencedPointXY,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant
from shapely import wkb as shapely_wkb
from shapely import wkt as shapely_wkt
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

from ..core import kde
from ..core import nearrepeat as nr
from ..core.advice import Advice, Finding, load_catalogue
from ..core.advice import draft_findings as draft
from ..core.categories import SAFETY_FIELDS
from ..core.errors import InputError
from ..core.i18n import N_
from ..core.parsing import parse_datetime
from ..core.scan import (
    IncidentData,
    ScanInputs,
    area_from_point,
    default_comparison,
    default_periods,
    run_scan,
)
from ..core.zones import zones_from_raster
from ..i18n import decimal_sign, dutch, tr
from ..settings import Settings
from ..storage import scan_inputs as si
from ..storage.raster import DensityRasterWriter, write_density_qml
from ..storage.scans import ScanRecord, load_scan, save_scan
from .base import HotspotAlgorithm

#: The category whose findings trigger the near-repeat test (woninginbraak).
BURGLARY = "1.1.1"
#: Fewer incidents than this in the municipality (period): fixed heatmap radius and pixel size.
MIN_POINTS_SUGGEST = 30
FIXED_RADIUS = 150.0
FIXED_PIXEL = 10.0
#: The heatmap of area + ring never gets more cells than this (the pixel is doubled until it fits).
MAX_HEATMAP_CELLS = 4_000_000
ZONE_TOP_PERCENT = 5.0
NEAR_REPEAT_PERMUTATIONS = 999
NEAR_REPEAT_ALPHA = 0.05
FIELD_CODES: Tuple[str, ...] = tuple(SAFETY_FIELDS)

T_NEAR_REPEAT = N_(
    "{label}: near-repeat pattern in the municipality: after a burglary the risk of another one is "
    "raised up to {distance} m away during {days} days; warning letters to the residents within "
    "{distance} m in the first days after each burglary fit that pattern"
)


# ----------------------------------------------------------------------------------- helpers


def given(parameters: Mapping[str, Any], name: str) -> bool:
    """True when the caller gave a value for *name* (not absent, None, NULL or an empty text)."""
    value = parameters.get(name)
    if value is None or value == NULL or (isinstance(value, QVariant) and value.isNull()):
        return False
    if isinstance(value, str) and not value.strip():
        return False
    if isinstance(value, (list, tuple)) and not value:
        return False
    return True


def present(parameters: Mapping[str, Any], name: str) -> bool:
    """True when the caller passed *name* at all, even empty ("" means: the default, not the saved value)."""
    value = parameters.get(name)
    return (
        name in parameters
        and value is not None
        and not (value == NULL or (isinstance(value, QVariant) and value.isNull()))
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months added to a date (the day of the month clamped to the month's length)."""
    m = day.year * 12 + day.month - 1 + months
    year, month = divmod(m, 12)
    month += 1
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (nxt - dt.timedelta(days=1)).day))


def to_date(value: np.datetime64) -> dt.date:
    """A datetime64 as a calendar date."""
    return dt.date.fromisoformat(str(np.datetime64(value, "D")))


def to_dt64(day: dt.date) -> np.datetime64:
    """A date as datetime64[s] at 00:00."""
    return np.datetime64(day.isoformat(), "s")


def resolve_periods(
    p_start: Optional[dt.date],
    p_end: Optional[dt.date],
    c_start: Optional[dt.date],
    c_end: Optional[dt.date],
    last: Optional[np.datetime64],
) -> Tuple[Tuple[dt.date, dt.date], Tuple[dt.date, dt.date]]:
    """The period and the comparison period as (first day, last day), both days included.

    Empty period: the last 12 months of data (core.scan.default_periods). Only a start: 12
    months from it; only an end: the 12 months up to it. Empty comparison period:
    core.scan.default_comparison; only one end given: as long as the period.
    """
    one = dt.timedelta(days=1)
    if p_start is None and p_end is None:
        if last is None:
            raise QgsProcessingException(
                tr(
                    "The GeoPackage has no incidents, so there is no period to scan. "
                    "Import incidents first with 'Import incidents'."
                )
            )
        (ps, pe), _ = default_periods(last)
        p_start, p_end = to_date(ps), to_date(pe) - one
    elif p_end is None:
        p_end = add_months(p_start, 12) - one
    elif p_start is None:
        p_start = add_months(p_end + one, -12)
    if p_end < p_start:
        raise QgsProcessingException(
            tr(
                "The period ends ({end}) before it starts ({start}); choose an end date "
                "on or after the start date."
            ).format(start=p_start.isoformat(), end=p_end.isoformat())
        )
    length = (p_end + one) - p_start
    if c_start is None and c_end is None:
        cs, ce = default_comparison((to_dt64(p_start), to_dt64(p_end + one)))
        c_start, c_end = to_date(cs), to_date(ce) - one
    elif c_end is None:
        c_end = c_start + length - one
    elif c_start is None:
        c_start = c_end + one - length
    if c_end < c_start:
        raise QgsProcessingException(
            tr(
                "The comparison period ends ({end}) before it starts ({start}); choose "
                "an end date on or after the start date."
            ).format(start=c_start.isoformat(), end=c_end.isoformat())
        )
    if c_start <= p_end and p_start <= c_end:
        raise QgsProcessingException(
            tr(
                "The comparison period ({c_start} to {c_end}) overlaps the period ({start} to {end}); "
                "choose a comparison period that ends before the period starts (or starts after it ends)."
            ).format(
                c_start=c_start.isoformat(),
                c_end=c_end.isoformat(),
                start=p_start.isoformat(),
                end=p_end.isoformat(),
            )
        )
    return (p_start, p_end), (c_start, c_end)


def parse_codes(text: str) -> List[str]:
    """Category codes from a text such as ``"1.1.1, 1.2.3"`` (commas, semicolons or spaces)."""
    return [c for c in re.split(r"[,;\s]+", text or "") if c]


def qgs_to_shapely(geometry: QgsGeometry) -> Optional[BaseGeometry]:
    """A QGIS geometry as a 2-D shapely geometry (curves segmentised); None when empty."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    g = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(g.wkbType()):
        g = QgsGeometry(g.constGet().segmentize())
    abstract = g.get()
    abstract.dropZValue()
    abstract.dropMValue()
    try:
        return shapely_wkb.loads(bytes(g.asWkb()))
    except Exception as exc:  # noqa: BLE001 - GEOS refuses degenerate rings and the like
        raise ValueError(str(exc)) from None


def polygon_parts(geom: BaseGeometry) -> List[Polygon]:
    """The polygons of a geometry (collections searched); other parts are dropped."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):
        out: List[Polygon] = []
        for g in geom.geoms:
            out.extend(polygon_parts(g))
        return out
    return []


def merge_advice(
    old: Optional[Mapping[str, Any]], drafted: Advice, drafted_before: Optional[Mapping[str, Any]]
) -> Tuple[Advice, List[str]]:
    """The advice of a re-run: the new draft, keeping the user's edits that still apply.

    * Findings: the drafted findings are drafted anew from the new results, except those the
      user removed from the previous draft (drafted then, absent from the saved advice); the
      user's own findings (rule "user") are kept as they are, and a drafted finding the user
      rewrote (rule "user" with the drafted finding's id) replaces the new draft of that finding.
    * Measures: every saved measure is kept with the user's edits (text, priority, owner, due
      date, note, order) when it is linked to a finding that is still there, or to no finding
      at all (added by the user on its own); its links are pruned to the findings still there.
      Measures whose findings have all gone are dropped.
    * Newly proposed measures are added unless the user removed that measure from the previous
      draft; a proposal that is already among the kept measures only adds its finding links.

    Returns the advice and the ids of the measures that were dropped.
    """
    if not old:
        return drafted, []
    previous = Advice.from_json(old)
    before = drafted_before or {}
    before_findings = set(before.get("findings") or [])
    before_measures = set(before.get("measures") or [])
    saved_finding_ids = {f.id for f in previous.findings}
    removed_findings = before_findings - saved_finding_ids
    users = {f.id: f for f in previous.findings if f.rule == "user"}
    # a drafted finding the user rewrote keeps its id: the user's words replace the new draft
    findings = [users.pop(f.id, f) for f in drafted.findings if f.id not in removed_findings]
    findings += [f for f in previous.findings if f.id in users]
    ids = {f.id for f in findings}
    measures = []
    dropped = []
    by_id: Dict[str, Any] = {}
    for m in previous.measures:
        links = [i for i in m.finding_ids if i in ids]
        if m.finding_ids and not links:
            dropped.append(m.measure_id or m.text)
            continue
        m.finding_ids = links
        measures.append(m)
        if m.measure_id:
            by_id.setdefault(m.measure_id, m)
    saved_measure_ids = {m.measure_id for m in previous.measures if m.measure_id}
    removed_measures = before_measures - saved_measure_ids
    for m in drafted.measures:
        links = [i for i in m.finding_ids if i in ids]
        if not links:
            continue
        if m.measure_id in by_id:
            target = by_id[m.measure_id]
            target.finding_ids += [i for i in links if i not in target.finding_ids]
        elif m.measure_id in removed_measures:
            continue
        else:
            m.finding_ids = links
            measures.append(m)
            if m.measure_id:
                by_id[m.measure_id] = m
    return Advice(findings=findings, measures=measures), dropped


# ----------------------------------------------------------------------------------- algorithm


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
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFile(self.GPKG, tr("Safety GeoPackage"), extension="gpkg"))
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
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=250.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RING_WIDTH,
                tr("Width of the context ring around the area (m)"),
                QgsProcessingParameterNumber.Type.Double,
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
                    name, label, QgsProcessingParameterDateTime.Type.Date, optional=True
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
                QgsProcessingParameterNumber.Type.Integer,
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

    # ------------------------------------------------------------------------------ inputs
    def _crs(self, info: si.GpkgInfo) -> QgsCoordinateReferenceSystem:
        crs = QgsCoordinateReferenceSystem(info.crs)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem.fromWkt(info.crs)
        if not crs.isValid():
            raise QgsProcessingException(
                tr("The coordinate reference system of the GeoPackage {path} is not known to QGIS.").format(
                    path=info.path
                )
            )
        if crs.isGeographic():
            raise QgsProcessingException(
                tr(
                    "The GeoPackage {path} is in a geographic CRS ({crs}, degrees), but the scan measures in "
                    "metres. Use a safety GeoPackage in a projected CRS such as RD New (EPSG:28992)."
                ).format(path=info.path, crs=crs.authid() or crs.description())
            )
        return crs

    def _polygons_of_source(self, parameters, name: str, context, crs, what: str) -> BaseGeometry:
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        transform = None
        if source.sourceCrs().isValid() and source.sourceCrs() != crs:
            transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        parts: List[Polygon] = []
        for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                continue
            if transform is not None:
                try:
                    geometry.transform(transform)
                except QgsCsException:
                    raise QgsProcessingException(
                        tr("The {what} cannot be converted to the GeoPackage's CRS {crs}.").format(
                            what=what, crs=crs.authid()
                        )
                    ) from None
            try:
                geom = qgs_to_shapely(geometry)
                reason = None if geom is None or geom.is_valid else explain_validity(geom)
            except ValueError as exc:
                geom, reason = None, str(exc)
            if reason is not None:
                raise QgsProcessingException(
                    tr(
                        "Feature {fid} of the {what} is not a valid polygon ({reason}). Repair it, for "
                        "example with 'Fix geometries', and try again."
                    ).format(fid=feature.id(), what=what, reason=reason)
                )
            if geom is None:
                continue
            parts.extend(polygon_parts(geom))
        if not parts:
            raise QgsProcessingException(
                tr("The {what} has no polygon features (or none of them is selected).").format(what=what)
            )
        return unary_union(parts)

    def _area(
        self, parameters, context, crs, old: Optional[ScanRecord], feedback
    ) -> Tuple[BaseGeometry, Dict[str, Any]]:
        """The scan area in the GeoPackage's CRS and how it was given."""
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
                saved = dict(old.parameters or {})
                return old.area, {
                    "area_source": saved.get("area_source", "saved"),
                    "POINT": saved.get("POINT"),
                    "RADIUS": saved.get("RADIUS"),
                }
            raise QgsProcessingException(
                tr(
                    "Give the scan area: a polygon layer or its selected features (AREA), a polygon as WKT "
                    "(AREA_WKT), or a point with a radius (POINT and RADIUS)."
                )
            )
        way = ways[0]
        meta: Dict[str, Any] = {"area_source": way, "POINT": None, "RADIUS": None}
        if way == self.AREA:
            area = self._polygons_of_source(parameters, self.AREA, context, crs, tr("scan area layer"))
        elif way == self.AREA_WKT:
            text = self.parameterAsString(parameters, self.AREA_WKT, context).strip()
            geometry = QgsGeometry.fromWkt(text)
            try:
                geom = qgs_to_shapely(geometry) if not geometry.isNull() else None
            except ValueError:
                geom = None
            if geom is None:
                try:
                    geom = shapely_wkt.loads(text)
                except Exception:  # noqa: BLE001 - any unreadable text
                    geom = None
            if geom is None or geom.is_empty:
                raise QgsProcessingException(
                    tr(
                        "The scan area (AREA_WKT) cannot be read as a polygon: {text}. Give a polygon in WKT "
                        "in the GeoPackage's CRS, for example POLYGON((152900 442900, 153100 442900, "
                        "153100 443100, 152900 443100, 152900 442900))."
                    ).format(text=text[:80])
                )
            if not polygon_parts(geom):
                raise QgsProcessingException(
                    tr("The scan area (AREA_WKT) is a {kind}, not a polygon.").format(kind=geom.geom_type)
                )
            if not geom.is_valid:
                raise QgsProcessingException(
                    tr(
                        "The scan area (AREA_WKT) is not a valid polygon ({reason}). Draw it again without "
                        "crossing edges."
                    ).format(reason=explain_validity(geom))
                )
            area = unary_union(polygon_parts(geom))
        else:
            raw = parameters.get(self.POINT)
            point = self.parameterAsPoint(parameters, self.POINT, context, crs)
            explicit = isinstance(raw, QgsReferencedPointXY) or (isinstance(raw, str) and "[" in raw)
            point_crs = self.parameterAsPointCrs(parameters, self.POINT, context) if explicit else None
            if point_crs is not None and point_crs.isValid() and point_crs != crs:
                self.info(
                    feedback,
                    tr("The point was converted from {source} to the GeoPackage's CRS {target}.").format(
                        source=point_crs.authid(), target=crs.authid()
                    ),
                )
            elif abs(point.x()) <= 180 and abs(point.y()) <= 90:
                raise QgsProcessingException(
                    tr(
                        "The point ({x}, {y}) looks like longitude and latitude in degrees, but the "
                        "GeoPackage is in {crs} (metres). Give the point in {crs}, or add its CRS, for "
                        "example '{x},{y} [EPSG:4326]'."
                    ).format(x=point.x(), y=point.y(), crs=crs.authid())
                )
            radius = self.parameterAsDouble(parameters, self.RADIUS, context)
            area = area_from_point(point.x(), point.y(), radius)
            meta.update({"POINT": [point.x(), point.y()], "RADIUS": radius})
        if area.is_empty or area.area <= 0:
            raise QgsProcessingException(tr("The scan area has no surface; draw or choose a polygon."))
        return area, meta

    def _date(self, parameters, name: str, context, saved: Mapping[str, Any]) -> Optional[dt.date]:
        if not given(parameters, name):
            value = saved.get(name)
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

    # ------------------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        monitor = self.monitor(feedback)
        path = self.parameterAsFile(parameters, self.GPKG, context)
        settings = Settings.load()
        with si.reading(path) as con:
            info = si.gpkg_info(con, path)
        crs = self._crs(info)
        key = (self.parameterAsString(parameters, self.SCAN, context) or "").strip()
        old = load_scan(path, key) if key else None
        saved: Dict[str, Any] = dict(old.parameters or {}) if old is not None else {}
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
        area, area_meta = self._area(parameters, context, crs, old, feedback)
        ring = (
            self.parameterAsDouble(parameters, self.RING_WIDTH, context)
            if present(parameters, self.RING_WIDTH) or "RING_WIDTH" not in saved
            else float(saved["RING_WIDTH"])
        )
        # A saved period is used only when neither of its dates is given, a saved comparison period
        # only when the period is the saved one as well.
        p_names, c_names = (self.PERIOD_START, self.PERIOD_END), (self.COMPARISON_START, self.COMPARISON_END)
        p_saved = saved if not any(present(parameters, n) for n in p_names) else {}
        c_saved = saved if p_saved and not any(present(parameters, n) for n in c_names) else {}
        dates = [self._date(parameters, n, context, p_saved) for n in p_names]
        dates += [self._date(parameters, n, context, c_saved) for n in c_names]
        (p_start, p_end), (c_start, c_end) = resolve_periods(*dates, info.last)
        one = dt.timedelta(days=1)
        period = (to_dt64(p_start), to_dt64(p_end + one))
        comparison = (to_dt64(c_start), to_dt64(c_end + one))
        if present(parameters, self.FIELDS):
            chosen = self.parameterAsEnums(parameters, self.FIELDS, context)
            fields = [FIELD_CODES[i] for i in sorted(set(chosen))] or None
        else:
            fields = saved.get("FIELDS")
        if fields is not None and set(fields) >= set(FIELD_CODES):
            fields = None
        if present(parameters, self.CATEGORIES):
            categories: Optional[List[str]] = (
                parse_codes(self.parameterAsString(parameters, self.CATEGORIES, context)) or None
            )
        else:
            categories = saved.get("CATEGORIES")
        small = (
            self.parameterAsInt(parameters, self.SMALL_COUNT, context)
            if present(parameters, self.SMALL_COUNT) or "SMALL_COUNT" not in saved
            else int(saved["SMALL_COUNT"])
        )
        reference_wkt = None
        if given(parameters, self.REFERENCE):
            custom_reference = self._polygons_of_source(
                parameters, self.REFERENCE, context, crs, tr("reference area layer")
            )
            reference_wkt = custom_reference.wkt
        elif saved.get("REFERENCE") and not present(parameters, self.REFERENCE):
            custom_reference = shapely_wkt.loads(saved["REFERENCE"])
            reference_wkt = saved["REFERENCE"]
        else:
            custom_reference = None
        self.info(
            feedback,
            tr("Period {start} to {end}, compared with {c_start} to {c_end}; ring {ring} m.").format(
                start=p_start.isoformat(),
                end=p_end.isoformat(),
                c_start=c_start.isoformat(),
                c_end=c_end.isoformat(),
                ring=f"{ring:g}",
            ),
        )
        monitor.set(3)

        # --- read the GeoPackage ----------------------------------------------------------------
        outer = area.buffer(ring) if ring > 0 else area
        outer_box = outer.bounds
        with si.reading(path) as con:
            if not (si.any_in_bbox(con, "incidents", outer_box) or si.any_in_bbox(con, "areas", outer_box)):
                extents = [e for e in (si.layer_extent(con, "incidents"), si.layer_extent(con, "areas")) if e]
                ext = (
                    min(e[0] for e in extents),
                    min(e[1] for e in extents),
                    max(e[2] for e in extents),
                    max(e[3] for e in extents),
                )
                raise QgsProcessingException(
                    tr(
                        "The scan area lies outside the data: the GeoPackage's incidents and areas lie "
                        "within {extent}, the scan area and its ring within {bounds} ({crs}). Check that "
                        "the area or the point is in the right place and in the right CRS."
                    ).format(extent=_box_text(ext), bounds=_box_text(outer_box), crs=crs.authid())
                )
            known = si.category_fields(con)
            if categories is not None:
                unknown = [c for c in categories if c not in known]
                if unknown:
                    raise QgsProcessingException(
                        tr(
                            "Unknown category codes: {unknown}. The GeoPackage's categories table has, for "
                            "example: {examples}."
                        ).format(unknown=", ".join(unknown), examples=", ".join(sorted(known)[:12]))
                    )
            areas = si.read_areas(con)
            level, buurten = si.buurten_of(areas)
            if custom_reference is not None:
                reference, reference_inhabitants, reference_name = custom_reference, None, tr("custom area")
            else:
                reference, reference_inhabitants, reference_name = si.municipality_of(areas)
            q1_box = None
            if custom_reference is not None:
                rb = custom_reference.bounds
                q1_box = (
                    min(rb[0], outer_box[0]),
                    min(rb[1], outer_box[1]),
                    max(rb[2], outer_box[2]),
                    max(rb[3], outer_box[3]),
                )
            in_period = si.read_incidents(con, [period], q1_box, categories, monitor=monitor.sub(3, 15))
            in_comparison = si.read_incidents(
                con, [comparison], outer_box, categories, monitor=monitor.sub(15, 18)
            )
            risk = si.read_risk_objects(con, outer_box)
            schouw = si.read_open_schouw(con, area.bounds)
            lang = "nl" if dutch() else "en"
            labels = si.read_category_labels(con, lang)
            labels.update({c: SAFETY_FIELDS[c][0 if lang == "nl" else 1] for c in FIELD_CODES})
            monitor.set(20)

            # --- heatmap and hotspot zones ------------------------------------------------------------
            chosen_period = _select(in_period, fields)
            if chosen_period.x.shape[0] == 0:
                selection = (
                    ""
                    if fields is None and categories is None
                    else tr(" (of the chosen fields and categories)")
                )
                raise QgsProcessingException(
                    tr(
                        "There are no incidents{selection} in the period {start} to {end}; the GeoPackage "
                        "has incidents from {first} to {last}. Choose a period with data."
                    ).format(
                        selection=selection,
                        start=p_start.isoformat(),
                        end=p_end.isoformat(),
                        first=to_date(info.first).isoformat(),
                        last=to_date(info.last).isoformat(),
                    )
                )
            radius, pixel, how = self._heatmap_parameters(chosen_period, feedback)
            grid = kde.snapped_grid(*outer_box, radius, pixel)
            while grid.n_cells > MAX_HEATMAP_CELLS:
                pixel *= 2
                grid = kde.snapped_grid(*outer_box, radius, pixel)
                how += "+coarser"
            heat_points = _select(si.read_incidents(con, [period], grid.bounds, categories), fields)
        monitor.set(22)
        if heat_points.x.shape[0]:
            values, touched = kde.density(
                heat_points.x,
                heat_points.y,
                None,
                radius,
                grid,
                kernel=kde.QUARTIC,
                monitor=monitor.sub(22, 30),
            )
        else:
            values, touched = np.zeros(grid.shape), np.zeros(grid.shape, dtype=bool)
        zones = (
            zones_from_raster(values, touched, grid.gdal_transform, top_percent=ZONE_TOP_PERCENT)
            if touched.any()
            else []
        )
        self.info(
            feedback,
            tr(
                "Heatmap: {n} incidents, radius {radius} m, pixel {pixel} m, {cols} x {rows} "
                "cells; {zones} hotspot zones (top {top}% of the cells)."
            ).format(
                n=heat_points.x.shape[0],
                radius=f"{radius:g}",
                pixel=f"{pixel:g}",
                cols=grid.cols,
                rows=grid.rows,
                zones=len(zones),
                top=f"{ZONE_TOP_PERCENT:g}",
            ),
        )
        monitor.set(32)
        monitor.check()

        # --- the scan ------------------------------------------------------------------------------
        inputs = ScanInputs(
            incidents=si.concat_incidents([in_period, in_comparison]),
            area=area,
            period=period,
            comparison=comparison,
            ring_width=ring,
            reference=reference,
            reference_inhabitants=reference_inhabitants,
            buurten=buurten,
            risk_objects=risk,
            zones=zones,
            schouw=schouw,
            fields=fields,
            categories=categories,
            small_count_threshold=small,
        )
        result = run_scan(inputs, monitor.sub(32, 70))
        for w in result.warnings:
            feedback.pushWarning(_render(w["message"], w.get("params") or {}))
        catalogue = load_catalogue()
        findings = draft(result, labels, catalogue)
        monitor.set(72)

        scan_uuid = old.uuid if old is not None else str(uuidlib.uuid4())
        near_repeat = None
        burglary = [f for f in findings if f.category == BURGLARY and f.rule != "change_down"]
        if burglary:
            near_repeat, finding = self._near_repeat(
                path,
                period,
                comparison,
                scan_uuid,
                labels,
                burglary[-1],
                catalogue,
                monitor.sub(72, 95),
                feedback,
            )
            if finding is not None:
                position = max(i for i, f in enumerate(findings) if f.category == BURGLARY) + 1
                findings.insert(position, finding)
        drafted = Advice.draft(findings, catalogue)
        advice, dropped = merge_advice(
            old.advice if old is not None else None, drafted, saved.get("advice_drafted")
        )
        for measure in dropped:
            feedback.pushWarning(
                tr(
                    "The measure {measure} of the saved advice was removed: the findings it "
                    "belonged to no longer apply."
                ).format(measure=measure)
            )
        monitor.set(95)
        monitor.check()

        # --- outputs and the record -------------------------------------------------------------------
        level_name = {"buurt": "buurten", "wijk": "wijken"}.get(level, level)
        parameters_json: Dict[str, Any] = {
            **area_meta,
            "RING_WIDTH": ring,
            "PERIOD_START": p_start.isoformat(),
            "PERIOD_END": p_end.isoformat(),
            "COMPARISON_START": c_start.isoformat(),
            "COMPARISON_END": c_end.isoformat(),
            "REFERENCE": reference_wkt,
            "FIELDS": fields,
            "CATEGORIES": categories,
            "SMALL_COUNT": small,
            "gpkg_crs": info.crs,
            "reference_name": reference_name or ("" if reference is None else tr("the buurten together")),
            "reference_inhabitants": reference_inhabitants,
            "population_level": level_name,
            "heatmap": {
                "radius": radius,
                "pixel": pixel,
                "kernel": "quartic",
                "output": "raw",
                "weights": None,
                "how": how,
                "grid": [grid.x_min, grid.y_max, grid.cols, grid.rows],
                "n_incidents": int(heat_points.x.shape[0]),
            },
            "zones": [
                {"wkt": z.geometry.wkt, "peak": float(z.peak), "rank": int(z.rank), "area_m2": float(z.area)}
                for z in zones
            ],
            "advice_drafted": {
                "findings": [f.id for f in findings],
                "measures": [m.measure_id for m in drafted.measures if m.measure_id],
            },
        }
        if near_repeat is not None:
            parameters_json["near_repeat"] = near_repeat
        heatmap_path = self.parameterAsOutputLayer(parameters, self.HEATMAP, context) or ""
        if heatmap_path:
            relative = _relative_to(heatmap_path, path)
            if relative:
                parameters_json["heatmap"]["path"] = relative
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        if not title:
            title = old.title if old is not None and old.title else _default_title(area, buurten)
        author = (
            (self.parameterAsString(parameters, self.AUTHOR, context) or "").strip()
            or (old.author if old is not None else "")
            or settings.author
        )
        organisation = (
            (self.parameterAsString(parameters, self.ORGANISATION, context) or "").strip()
            or (old.organisation if old is not None else "")
            or settings.organisation
        )
        if old is not None and old.status == "definitief":
            feedback.pushWarning(
                tr("Scan {reference} was final (definitief); the new version is a concept again.").format(
                    reference=old.reference
                )
            )
        record = ScanRecord(
            area=area,
            title=title,
            reference=old.reference if old is not None else "",
            uuid=scan_uuid,
            status="concept",
            version=old.version if old is not None else 1,
            author=author,
            organisation=organisation,
            created_at=old.created_at if old is not None else "",
            parameters=parameters_json,
            results=result.to_json(),
            advice=advice.to_json(),
        )
        # The raster goes to a temporary file first and gets its name only once the record is saved.
        from rasterio.crs import CRS

        writer = (
            DensityRasterWriter(heatmap_path, grid, CRS.from_user_input(info.crs).to_wkt())
            if heatmap_path
            else None
        )
        try:
            if writer is not None:
                writer.write(0, values, touched)
            monitor.check()
            record = save_scan(path, record)
            if writer is not None:
                writer.commit()
                write_density_qml(heatmap_path, writer.maximum)
        finally:
            if writer is not None:
                writer.__exit__(None, None, None)  # removes the temporary file unless committed
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
            self.HEATMAP: heatmap_path or None,
            "FINDINGS": n_findings,
        }

    def _heatmap_parameters(self, points: IncidentData, feedback) -> Tuple[float, float, str]:
        """Radius and pixel size from the municipality's incidents of the period, or fixed ones."""
        n = int(points.x.shape[0])
        if n >= MIN_POINTS_SUGGEST:
            try:
                radius, pixel, template, params = kde.suggest_parameters(points.x, points.y)
            except InputError:
                pass
            else:
                self.info(
                    feedback,
                    tr(
                        "Heatmap of the area and ring: from the {n} incidents of the period in "
                        "the whole GeoPackage."
                    ).format(n=n)
                    + " "
                    + _render(template, params),
                )
                return float(radius), float(pixel), "suggested"
        self.info(
            feedback,
            tr(
                "Only {n} incidents in the period: the heatmap uses the fixed radius {radius} m and "
                "pixel size {pixel} m."
            ).format(n=n, radius=f"{FIXED_RADIUS:g}", pixel=f"{FIXED_PIXEL:g}"),
        )
        return FIXED_RADIUS, FIXED_PIXEL, "fixed"

    def _near_repeat(
        self,
        path: str,
        period,
        comparison,
        scan_uuid: str,
        labels: Mapping[str, str],
        burglary_finding: Finding,
        catalogue,
        monitor,
        feedback,
    ) -> Tuple[Optional[Dict[str, Any]], Optional[Finding]]:
        """The Knox test on all burglaries of the GeoPackage in the period and the comparison period."""
        with si.reading(path) as con:
            data = si.read_incidents(con, [comparison, period], None, [BURGLARY], monitor=monitor.sub(0, 5))
        ok = np.isfinite(data.x) & np.isfinite(data.y) & ~np.isnat(data.t)
        x, y = data.x[ok], data.y[ok]
        days = data.t[ok].astype("datetime64[D]").astype(np.int64).astype(np.float64)
        # a fixed order (date, x, y), so the seeded permutations do not depend on SQLite's read order
        order = np.lexsort((y, x, days))
        x, y, days = x[order], y[order], days[order]
        seed = uuidlib.UUID(scan_uuid).int % (2**32)
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
        template, params = nr.conclusion(knox, NEAR_REPEAT_ALPHA, decimal_sign())
        text = _render(template, params)
        distance, days_raised, repeat_days = nr.near_repeat_extent(knox, NEAR_REPEAT_ALPHA)
        self.info(
            feedback,
            tr(
                "Near-repeat test of the {n} burglaries in the period and comparison period "
                "({perm} permutations, seed {seed}): {conclusion}"
            ).format(n=knox.n_incidents, perm=NEAR_REPEAT_PERMUTATIONS, seed=seed, conclusion=text),
        )
        info = {
            "conclusion": text,
            "conclusion_template": template,
            "conclusion_params": params,
            "distance": distance,
            "days": days_raised,
            "repeat_days": repeat_days,
            "n_incidents": int(knox.n_incidents),
            "category": BURGLARY,
            "permutations": NEAR_REPEAT_PERMUTATIONS,
            "seed": seed,
            "alpha": NEAR_REPEAT_ALPHA,
            "distance_edges": list(knox.bands.distance_edges),
            "time_edges": list(knox.bands.time_edges),
            "periods": [[str(comparison[0]), str(comparison[1])], [str(period[0]), str(period[1])]],
        }
        if distance is None or days_raised is None:
            return info, None
        measures = ["besmettingsbrieven"] if "besmettingsbrieven" in catalogue.measures else []
        origin_ratio = float(knox.ratio[1, 0]) if math.isfinite(knox.ratio[1, 0]) else None
        finding = Finding(
            id=f"near_repeat:cat:{BURGLARY}",
            rule="near_repeat",
            safety_field=burglary_finding.safety_field,
            category=BURGLARY,
            template=T_NEAR_REPEAT,
            params={
                "label": labels.get(BURGLARY, BURGLARY),
                "distance": _whole(distance),
                "days": _whole(days_raised),
            },
            priority=2,
            evidence={
                "n": int(knox.n_incidents),
                "distance": distance,
                "days": days_raised,
                "repeat_days": repeat_days,
                "knox_ratio_origin": origin_ratio,
                "p_value_origin": float(knox.p_value[1, 0]),
                "permutations": NEAR_REPEAT_PERMUTATIONS,
                "seed": seed,
            },
            measures=measures,
            group=f"cat:{BURGLARY}",
        )
        return info, finding


# ----------------------------------------------------------------------------------- small helpers


def _select(data: IncidentData, fields: Optional[Sequence[str]]) -> IncidentData:
    """The incidents of the chosen safety fields (all when *fields* is None)."""
    if fields is None or data.x.shape[0] == 0:
        return data
    keep = np.isin(data.safety_field.astype(str), np.asarray(list(fields), dtype=str))
    return IncidentData(
        data.x[keep],
        data.y[keep],
        data.t[keep],
        data.category[keep],
        data.safety_field[keep],
        None if data.weight is None else data.weight[keep],
        None if data.uuid is None else data.uuid[keep],
    )


def _render(template: str, params: Mapping[str, Any]) -> str:
    try:
        return tr(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


def _whole(value: float) -> Any:
    return int(value) if float(value).is_integer() else float(value)


def _box_text(box: Sequence[float]) -> str:
    return "({:.0f}, {:.0f}) - ({:.0f}, {:.0f})".format(*box)


def _default_title(area: BaseGeometry, buurten: Sequence[Any]) -> str:
    """The default title: "Environment scan" and the buurt holding the largest part of the area."""
    best, best_share = "", 0.0
    for b in buurten:
        geom = b[0]
        if geom.intersects(area):
            share = geom.intersection(area).area
            if share > best_share:
                best, best_share = b[4], share
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
