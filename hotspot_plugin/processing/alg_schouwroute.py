"""hotspot:schouwroute - the points of a buurtschouw and the walking route along them.

The choice of points and the order are the core's (core/schouw.py). This module reads the scan,
the area, the zones, the risk objects and earlier findings (storage/schouw_inputs.py, adapters/
sources.py), measures distances along the street network or as straight lines
(adapters/routing.py), and writes the points and the route.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsRectangle,
    QgsReferencedPointXY,
)
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..adapters.crs import gpkg_crs, require_metric_gpkg, units_note
from ..adapters.routing import Route, plan_route, read_streets_layer
from ..adapters.sources import area_union, extra_points, lines_near, zones_of
from ..compat import (
    DOUBLE,
    INT,
    STRING,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core import schema
from ..core import schouw as sc
from ..core.numbers import format_number
from ..i18n import current_language, tr
from ..storage import fieldpackage as fp
from ..storage import gpkg, scan_inputs, schouw_inputs
from ..storage.scans import ScanRecord, load_scan
from .base import HotspotAlgorithm, given, gpkg_parameter, scan_parameter

RISK_KIND_CODES: Tuple[str, ...] = tuple(schema.RISK_OBJECT_KINDS)


@dataclass
class RouteParameters:
    """The parameters of hotspot:schouwroute, read once (sources are None when not given)."""

    path: str
    crs: QgsCoordinateReferenceSystem
    scan_key: str
    area: Any
    zones: Any
    extra_points: Any
    streets: Any
    risk_kinds: List[str]
    include_findings: bool
    start: Optional[QgsPointXY]
    start_explicit: bool
    straight: bool
    closed: bool
    max_points: int
    min_distance: float
    stop_minutes: float
    save: bool
    #: Metres per map unit of the GeoPackage's CRS (0.3048 in feet).
    unit: float = 1.0


class SchouwRouteAlgorithm(HotspotAlgorithm):
    NAME = "schouwroute"
    GROUP_ID = "schouw"
    ICON = "hotspot.svg"
    GPKG = "GPKG"
    SCAN = "SCAN"
    AREA = "AREA"
    ZONES = "ZONES"
    RISK_KINDS = "RISK_KINDS"
    INCLUDE_FINDINGS = "INCLUDE_FINDINGS"
    EXTRA_POINTS = "EXTRA_POINTS"
    START = "START"
    STREETS = "STREETS"
    STRAIGHT = "STRAIGHT"
    ROUND_TRIP = "ROUND_TRIP"
    MAX_POINTS = "MAX_POINTS"
    MIN_DISTANCE = "MIN_DISTANCE"
    STOP_MINUTES = "STOP_MINUTES"
    SAVE = "SAVE"
    POINTS = "POINTS"
    ROUTE = "ROUTE"

    def display_name(self) -> str:
        return tr("Buurtschouw: points and walking route")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(
            scan_parameter(self.SCAN, tr("Scan (uuid or reference such as HS-2025-001; empty: use the area)"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                tr("Schouw area (polygons; default: the scan's area)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES,
                tr("Hotspot zones (polygons; default: the scan's zones)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        defaults = [RISK_KIND_CODES.index(k) for k in sc.DEFAULT_RISK_KINDS]
        self.addParameter(
            QgsProcessingParameterEnum(
                self.RISK_KINDS,
                tr("Risk objects to visit"),
                [tr(schema.RISK_OBJECT_KINDS[k]) for k in RISK_KIND_CODES],
                allowMultiple=True,
                defaultValue=defaults,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.INCLUDE_FINDINGS, tr("Visit open findings of earlier walks"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXTRA_POINTS,
                tr("Extra points to visit (a field label or name is used as the label)"),
                [ProcessingSourceType.VectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterPoint(
                self.START, tr("Start (default: the point nearest the middle of the area)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS,
                tr("Street network (lines; default: the GeoPackage's streets)"),
                [ProcessingSourceType.VectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.STRAIGHT, tr("Straight lines instead of streets"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.ROUND_TRIP, tr("Return to the start"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_POINTS,
                tr("Maximum number of points"),
                ProcessingNumberParameterType.Integer,
                defaultValue=sc.DEFAULT_MAX_POINTS,
                minValue=1,
                maxValue=200,
            )
        )
        distance = QgsProcessingParameterNumber(
            self.MIN_DISTANCE,
            tr("Points closer than this are one stop (m)"),
            ProcessingNumberParameterType.Double,
            defaultValue=sc.DEFAULT_MIN_DISTANCE,
            minValue=0.0,
        )
        distance.setFlags(distance.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(distance)
        stop = QgsProcessingParameterNumber(
            self.STOP_MINUTES,
            tr("Minutes per stop"),
            ProcessingNumberParameterType.Double,
            defaultValue=sc.DEFAULT_STOP_MINUTES,
            minValue=0.0,
        )
        stop.setFlags(stop.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(stop)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SAVE,
                tr("Save the points in the GeoPackage (schouw_points, linked to the scan)"),
                defaultValue=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.POINTS, tr("Schouw points"), ProcessingSourceType.VectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ROUTE, tr("Walking route"), ProcessingSourceType.VectorLine
            )
        )
        self.addOutput(QgsProcessingOutputNumber("LENGTH", tr("Route length (m)")))
        self.addOutput(QgsProcessingOutputNumber("MINUTES", tr("Duration including stops (minutes)")))
        self.addOutput(QgsProcessingOutputNumber("WALK_MINUTES", tr("Walking time (minutes)")))
        self.addOutput(QgsProcessingOutputNumber("N_POINTS", tr("Number of points")))
        self.addOutput(QgsProcessingOutputString("SCAN_UUID", tr("Scan uuid")))
        self.addOutput(QgsProcessingOutputString("ROUTING", tr("Routing (streets or straight)")))

    @staticmethod
    def points_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (
            ("uuid", STRING),
            ("scan_uuid", STRING),
            ("seq", INT),
            ("reason", STRING),
            ("reason_kind", STRING),
            ("label", STRING),
        ):
            fields.append(QgsField(name, kind))
        return fields

    @staticmethod
    def route_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (
            ("leg", INT),
            ("from_seq", INT),
            ("to_seq", INT),
            ("length_m", DOUBLE),
            ("walk_minutes", DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        return fields

    # Reading the parameters -----------------------------------------------------------------------
    def _source(self, parameters, name: str, context):
        """The feature source of parameter *name* (None when not given; refused when unreadable)."""
        if not given(parameters, name):
            return None
        return self.required_source(parameters, name, context)

    def read_parameters(self, parameters, context) -> RouteParameters:
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        crs = gpkg_crs(path)
        with scan_inputs.reading(path) as con:
            extent = scan_inputs.data_extent(con)
        unit = require_metric_gpkg(crs, None if extent is None else QgsRectangle(*extent),
                                   context.transformContext(), path, tr("the schouw route"))
        start, explicit = None, False
        if given(parameters, self.START):
            start = self.parameterAsPoint(parameters, self.START, context, crs)
            raw = parameters.get(self.START)
            explicit = isinstance(raw, QgsReferencedPointXY) or (isinstance(raw, str) and "[" in raw)
        straight = self.parameterAsBool(parameters, self.STRAIGHT, context)
        return RouteParameters(
            path=path,
            crs=crs,
            scan_key=(self.parameterAsString(parameters, self.SCAN, context) or "").strip(),
            area=self._source(parameters, self.AREA, context),
            zones=self._source(parameters, self.ZONES, context),
            extra_points=self._source(parameters, self.EXTRA_POINTS, context),
            streets=None if straight else self._source(parameters, self.STREETS, context),
            risk_kinds=[RISK_KIND_CODES[i] for i in self.parameterAsEnums(parameters, self.RISK_KINDS, context)],
            include_findings=self.parameterAsBool(parameters, self.INCLUDE_FINDINGS, context),
            start=start,
            start_explicit=explicit,
            straight=straight,
            closed=self.parameterAsBool(parameters, self.ROUND_TRIP, context),
            max_points=self.parameterAsInt(parameters, self.MAX_POINTS, context),
            min_distance=self.parameterAsDouble(parameters, self.MIN_DISTANCE, context),
            stop_minutes=self.parameterAsDouble(parameters, self.STOP_MINUTES, context),
            save=self.parameterAsBool(parameters, self.SAVE, context),
            unit=unit,
        )

    # Running -------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        p = self.read_parameters(parameters, context)
        monitor = self.monitor(feedback)
        if p.unit != 1.0:
            self.info(feedback, units_note(p.crs, p.unit))
        record: Optional[ScanRecord] = None
        if p.scan_key:
            record = load_scan(p.path, p.scan_key)
            self.info(
                feedback,
                tr("Scan {reference}: {title}").format(reference=record.reference, title=record.title),
            )
        area = self._area(p, record, context)
        choice = self._choose(p, record, area, context, feedback, monitor)
        xy, start = self._start(p, choice, area)
        streets = self._streets(p, context, xy, feedback)
        route = plan_route(
            xy,
            start,
            streets,
            p.crs,
            stops=len(choice.points),
            stop_minutes=p.stop_minutes,
            closed=p.closed,
            monitor=monitor.sub(5, 90),
            feedback=feedback,
            metres_per_unit=p.unit,
        )
        if route.unreachable:
            feedback.pushWarning(
                tr(
                    "{n} leg(s) of the route are straight lines: the street network does not "
                    "connect those points."
                ).format(n=route.unreachable)
            )
        scan_uuid = record.uuid if record is not None else ""
        rows = self._rows(p, choice, route, start if p.start is not None else None, scan_uuid, area, monitor)
        if p.save:
            self.info(feedback, tr("{n} schouw points saved in the GeoPackage.").format(n=len(rows)))
        points_dest = self._write_points(parameters, context, rows, p.crs)
        route_dest = self._write_route(parameters, context, route, p.crs)
        feedback.setProgress(100)
        self._summary(feedback, route, len(rows), p.stop_minutes)
        return {
            self.POINTS: points_dest,
            self.ROUTE: route_dest,
            "LENGTH": round(route.length_m, 1),
            "MINUTES": round(route.minutes, 1),
            "WALK_MINUTES": round(route.walk_minutes, 1),
            "N_POINTS": len(rows),
            "SCAN_UUID": scan_uuid,
            "ROUTING": route.routing,
        }

    # Steps ---------------------------------------------------------------------------------------
    @staticmethod
    def _area(p: RouteParameters, record: Optional[ScanRecord], context) -> BaseGeometry:
        if p.area is not None:
            return area_union(p.area, p.crs, context)
        if record is not None:
            return record.area
        raise QgsProcessingException(tr("Give a scan (SCAN) or a schouw area (AREA)."))

    def _choose(self, p: RouteParameters, record, area, context, feedback, monitor) -> sc.Choice:
        """Candidates from extra points, hotspot zones, open findings and risk objects; then the choice."""
        checklist = sc.load_checklist()
        item_labels = {it.code: checklist.full_label(it, current_language()) for it in checklist.items}
        candidates: List[sc.Candidate] = []
        if p.extra_points is not None:
            candidates += sc.user_candidates(*extra_points(p.extra_points, p.crs, context))
        if p.zones is not None:
            zones = zones_of(p.zones, p.crs, context)
        else:
            zones = sc.scan_zones(record.parameters.zones) if record is not None else []
        zones_union = None
        if zones:
            zones_union = unary_union([z["geometry"] for z in zones])
            hot = sc.hotspot_candidates(zones, area)
            candidates += hot
            self.info(feedback, tr("{n} hotspot zone(s) touch the area.").format(n=len(hot)))
        else:
            feedback.pushWarning(
                tr(
                    "No hotspot zones: run the environment scan first or give ZONES. The points "
                    "come from risk objects, earlier findings and extra points only."
                )
            )
        if p.include_findings:
            found = schouw_inputs.read_findings(p.path, area.bounds)
            candidates += sc.finding_candidates(
                found["x"], found["y"], found["severity"], found["item"], found["status"], found["uuid"],
                area, item_labels,
            )
        if p.risk_kinds:
            objects = schouw_inputs.read_risk_objects(p.path, area.bounds)
            candidates += sc.risk_object_candidates(
                objects["x"], objects["y"], objects["kind"], objects["name"], p.risk_kinds, area,
                zones_union, schema.RISK_OBJECT_KINDS, objects["uuid"],
            )
        choice = sc.choose_points(candidates, p.max_points, p.min_distance / p.unit, monitor.sub(0, 5))
        if not choice.points:
            raise QgsProcessingException(
                tr(
                    "There is nothing to visit in the area: no hotspot zones, no open findings and no risk "
                    "objects of the chosen kinds. Choose more kinds of risk objects or add extra points."
                )
            )
        self.info(
            feedback,
            tr(
                "{n} points chosen from {c} candidates ({m} joined a nearby point, {d} left out "
                "beyond the maximum of {max})."
            ).format(
                n=len(choice.points), c=choice.n_candidates, m=choice.n_merged, d=choice.n_dropped,
                max=p.max_points,
            ),
        )
        return choice

    @staticmethod
    def _start(p: RouteParameters, choice: sc.Choice, area) -> Tuple[List[Tuple[float, float]], int]:
        """The nodes of the walk (the points, then a separate start when given) and the start node."""
        xy = [(pt.x, pt.y) for pt in choice.points]
        if p.start is None:
            centre = area.centroid
            return xy, sc.nearest_to([q[0] for q in xy], [q[1] for q in xy], centre.x, centre.y)
        point, crs = p.start, p.crs
        if not p.start_explicit and abs(point.x()) <= 180 and abs(point.y()) <= 90 and crs.isGeographic() is False:
            raise QgsProcessingException(
                tr(
                    "The start ({x}, {y}) looks like longitude and latitude, but the GeoPackage is in "
                    "{crs}. Give the point in {crs} or add its CRS, for example '{x},{y} [EPSG:4326]'."
                ).format(x=point.x(), y=point.y(), crs=crs.authid())
            )
        xy.append((point.x(), point.y()))
        return xy, len(xy) - 1

    def _streets(self, p: RouteParameters, context, xy, feedback) -> List[BaseGeometry]:
        if p.straight:
            return []
        bbox = sc.street_bbox(xy, sc.STREET_MARGIN / p.unit)
        if p.streets is not None:
            lines = lines_near(p.streets, p.crs, context, bbox)
            if not lines:
                feedback.pushWarning(
                    tr("The street layer has no lines near the points: the route uses straight lines.")
                )
            return lines
        lines = read_streets_layer(p.path, bbox, p.crs)
        if not lines:
            self.info(
                feedback, tr("The GeoPackage has no streets near the points: the route uses straight lines.")
            )
        return lines

    @staticmethod
    def _rows(
        p: RouteParameters, choice: sc.Choice, route: Route, separate_start: Optional[int], scan_uuid: str,
        area, monitor,
    ) -> List[fp.PointRow]:
        """Number the stops in walking order (a separate start is no stop), and save them when asked."""
        seq_of = sc.stop_numbers(route.order, separate_start)
        for leg, (i, j) in zip(route.legs, sc.leg_pairs(route.order, p.closed)):
            leg.from_seq, leg.to_seq = seq_of.get(i, 0), seq_of.get(j, 0)
        rows = []
        for node, seq in sorted(seq_of.items(), key=lambda t: t[1]):
            pt = choice.points[node]
            rows.append(fp.PointRow(seq, pt.x, pt.y, pt.reason_text(tr), pt.kind, pt.label_text(tr)))
        if p.save:
            monitor.check()
            fp.save_points(p.path, scan_uuid, rows, area)
        else:
            for r in rows:
                r.uuid, r.scan_uuid = str(uuidlib.uuid4()), scan_uuid
        return rows

    def _write_points(self, parameters, context, rows: List[fp.PointRow], crs) -> str:
        sink, dest = self.parameterAsSink(
            parameters, self.POINTS, context, self.points_fields(), WkbType.Point, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.POINTS))
        for r in rows:
            f = QgsFeature()
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(r.x, r.y)))
            f.setAttributes([r.uuid, r.scan_uuid or None, r.seq, r.reason, r.reason_kind, r.label])
            sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _write_route(self, parameters, context, route: Route, crs) -> str:
        sink, dest = self.parameterAsSink(
            parameters, self.ROUTE, context, self.route_fields(), WkbType.LineString, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.ROUTE))
        for leg in route.legs:
            f = QgsFeature()
            f.setGeometry(QgsGeometry.fromWkt(leg.geometry.wkt))
            f.setAttributes(
                [leg.leg, leg.from_seq, leg.to_seq, round(leg.length_m, 2), round(leg.walk_minutes, 2)]
            )
            sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _summary(self, feedback, route: Route, stops: int, stop_minutes: float) -> None:
        how = tr("along the streets") if route.routing == "streets" else tr("in straight lines")
        lang = current_language()
        self.info(
            feedback,
            tr(
                "Route {how}: {length} m, {walk} walking plus {stops} × {per} min at the stops = {total}."
            ).format(
                how=how,
                length=format_number(route.length_m, 0),
                walk=sc.minutes_text(route.walk_minutes, lang),
                stops=stops,
                per=f"{stop_minutes:g}",
                total=sc.minutes_text(route.minutes, lang),
            ),
        )


ALGORITHM = SchouwRouteAlgorithm
