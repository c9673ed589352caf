"""hotspot:schouwroute - the points of a buurtschouw and the walking route along them.

The choice of points and the order are the core's (core/schouw.py). This module reads the scan,
the area, the zones, the risk objects and earlier findings, measures distances along the street
network with QGIS's network analysis (QgsVectorLayerDirector + QgsGraphBuilder +
QgsGraphAnalyzer.dijkstra) or as straight lines, and writes the points and the route.

The helpers :class:`StreetRouter`, :func:`route_legs` and :func:`read_streets_layer` are shared
with hotspot:schouwpackage, which draws the route of saved points again.
"""

from __future__ import annotations

import math
import uuid as uuidlib
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.analysis import (
    QgsGraphAnalyzer,
    QgsGraphBuilder,
    QgsNetworkDistanceStrategy,
    QgsVectorLayerDirector,
)
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsReferencedPointXY,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.wkt import loads as wkt_loads

from ..adapters.crs import gpkg_crs
from ..core import schema
from ..core import schouw as sc
from ..core.gpkg_blob import blob_wkb
from ..i18n import current_language, tr
from ..storage import fieldpackage as fp
from ..storage import gpkg
from ..storage.scans import ScanRecord, load_scan
from .base import HotspotAlgorithm

#: Streets within this margin (m) around the points' bounding box take part in the routing.
STREET_MARGIN = 600.0
RISK_KIND_CODES: Tuple[str, ...] = tuple(schema.RISK_OBJECT_KINDS)


def lang() -> str:
    """The language code: "nl" when Hotspot speaks Dutch, else "en"."""
    return current_language()


def minutes_text(minutes: float) -> str:
    """Minutes as "1 h 05 min" ("1 u 05 min" in Dutch)."""
    return sc.format_minutes(minutes, "u" if lang() == "nl" else "h")


def km_text(metres: float) -> str:
    """Kilometres with one decimal, with a decimal comma in Dutch."""
    text = f"{metres / 1000.0:.1f}"
    return text.replace(".", ",") if lang() == "nl" else text


def given(parameters: Dict[str, Any], name: str) -> bool:
    """True when the caller gave a value for *name* (not absent, None, NULL or empty)."""
    value = parameters.get(name)
    if value is None or value == NULL or (isinstance(value, QVariant) and value.isNull()):
        return False
    if isinstance(value, str) and not value.strip():
        return False
    return True


def to_shapely(geometry: QgsGeometry) -> Optional[BaseGeometry]:
    """A QGIS geometry as a 2-D shapely geometry (None when empty or unreadable)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    g = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(g.wkbType()):
        g = QgsGeometry(g.constGet().segmentize())
    g.get().dropZValue()
    g.get().dropMValue()
    try:
        return shapely_wkb.loads(bytes(g.asWkb()))
    except Exception:  # noqa: BLE001 - GEOS refuses degenerate geometries
        return None


def source_geometries(source, crs, context, what: str) -> List[Tuple[QgsFeature, BaseGeometry]]:
    """(feature, shapely geometry in *crs*) of a feature source."""
    transform = None
    if source.sourceCrs().isValid() and source.sourceCrs() != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    out = []
    for feature in source.getFeatures(QgsFeatureRequest()):
        geometry = feature.geometry()
        if transform is not None and geometry is not None and not geometry.isNull():
            try:
                geometry.transform(transform)
            except QgsCsException:
                raise QgsProcessingException(
                    tr("The {what} cannot be converted to the GeoPackage's CRS {crs}.").format(
                        what=what, crs=crs.authid()
                    )
                ) from None
        geom = to_shapely(geometry)
        if geom is not None and not geom.is_empty:
            out.append((feature, geom))
    return out


def read_streets_layer(
    path: str, bbox: Tuple[float, float, float, float], crs: QgsCoordinateReferenceSystem
) -> List[BaseGeometry]:
    """The safety GeoPackage's streets meeting *bbox* (minx, miny, maxx, maxy)."""
    return [g for g, _name, _kind in fp.read_streets(path, bbox)]


# ------------------------------------------------------------------------------ routing


class StreetRouter:
    """Shortest paths between points over a street network (QGIS network analysis, planar metres).

    Each point is tied to the nearest place on the network (QgsVectorLayerDirector adds it as a
    vertex); the walk from a point to the network and back is a straight stub and counts in the
    distance. Streets are walked both ways. Points the network does not connect get a straight
    line (and ``unreachable`` says which pairs).
    """

    def __init__(
        self,
        lines: Sequence[BaseGeometry],
        xy: Sequence[Tuple[float, float]],
        crs: QgsCoordinateReferenceSystem,
        feedback=None,
    ) -> None:
        layer = QgsVectorLayer(f"MultiLineString?crs={crs.authid() or 'EPSG:28992'}", "streets", "memory")
        if not crs.authid():
            layer.setCrs(crs)
        features = []
        for geom in lines:
            qg = QgsGeometry.fromWkt(geom.wkt)
            if qg.isNull() or QgsWkbTypes.geometryType(qg.wkbType()) != QgsWkbTypes.GeometryType.LineGeometry:
                continue
            f = QgsFeature()
            f.setGeometry(qg)
            features.append(f)
        layer.dataProvider().addFeatures(features)
        self.n_lines = len(features)
        director = QgsVectorLayerDirector(
            layer, -1, "", "", "", QgsVectorLayerDirector.Direction.DirectionBoth
        )
        director.addStrategy(QgsNetworkDistanceStrategy())
        builder = QgsGraphBuilder(layer.crs(), False, 0.0, "NONE")
        self.xy = [(float(x), float(y)) for x, y in xy]
        self.tied = director.makeGraph(builder, [QgsPointXY(x, y) for x, y in self.xy], feedback)
        self.graph = builder.graph()
        self._layer = layer
        self.vertex = [self.graph.findVertex(p) for p in self.tied]
        self.stub = [math.hypot(x - p.x(), y - p.y()) for (x, y), p in zip(self.xy, self.tied)]
        self._trees: Dict[int, Tuple[List[int], List[float]]] = {}
        self.unreachable: List[Tuple[int, int]] = []

    def _tree(self, i: int) -> Tuple[List[int], List[float]]:
        if i not in self._trees:
            tree, cost = QgsGraphAnalyzer.dijkstra(self.graph, self.vertex[i], 0)
            self._trees[i] = (list(tree), list(cost))
        return self._trees[i]

    def network_cost(self, i: int, j: int) -> float:
        """Metres over the network from point i's tie point to point j's (inf when not connected)."""
        if self.vertex[i] < 0 or self.vertex[j] < 0:
            return math.inf
        if self.vertex[i] == self.vertex[j]:
            return 0.0
        _tree, cost = self._tree(i)
        c = cost[self.vertex[j]]
        return c if c is not None and math.isfinite(c) and c >= 0 and c < 1e300 else math.inf

    def matrix(self, monitor=None) -> np.ndarray:
        """Walking distances between all points (straight lines where the network does not connect)."""
        n = len(self.xy)
        d = np.zeros((n, n))
        self.unreachable = []
        for i in range(n):
            if monitor is not None:
                monitor.check()
                monitor.set(100.0 * i / max(1, n))
            for j in range(n):
                if i == j:
                    continue
                c = self.network_cost(i, j)
                if math.isfinite(c):
                    d[i, j] = self.stub[i] + c + self.stub[j]
                else:
                    d[i, j] = math.hypot(self.xy[i][0] - self.xy[j][0], self.xy[i][1] - self.xy[j][1])
                    if i < j:
                        self.unreachable.append((i, j))
        return np.minimum(d, d.T)  # equal both ways up to round-off

    def path(self, i: int, j: int) -> LineString:
        """The walked line from point i to point j."""
        a, b = self.xy[i], self.xy[j]
        if not math.isfinite(self.network_cost(i, j)):
            return LineString([a, b])
        coords: List[Tuple[float, float]] = []
        if self.vertex[i] != self.vertex[j]:
            tree, _cost = self._tree(i)
            v = self.vertex[j]
            chain = [v]
            guard = 0
            while v != self.vertex[i]:
                edge = self.graph.edge(tree[v])
                v = edge.fromVertex()
                chain.append(v)
                guard += 1
                if guard > self.graph.vertexCount():
                    return LineString([a, b])
            for v in reversed(chain):
                p = self.graph.vertex(v).point()
                coords.append((p.x(), p.y()))
        else:
            p = self.tied[i]
            coords.append((p.x(), p.y()))
        line = [a] + coords + [b]
        cleaned = [line[0]]
        for c in line[1:]:
            if math.hypot(c[0] - cleaned[-1][0], c[1] - cleaned[-1][1]) > 1e-9:
                cleaned.append(c)
        if len(cleaned) == 1:
            cleaned.append(cleaned[0])
        return LineString(cleaned)


@dataclass
class Route:
    """The ordered walk: node order, legs, totals."""

    order: List[int]
    legs: List[fp.RouteLeg]
    length_m: float
    walk_minutes: float
    minutes: float
    routing: str  # "streets" or "straight"
    unreachable: int


def route_legs(
    xy: Sequence[Tuple[float, float]],
    order: Sequence[int],
    seq_of: Dict[int, int],
    router: Optional[StreetRouter],
    closed: bool,
) -> List[fp.RouteLeg]:
    """Lines from each node of *order* to the next (back to the first when *closed*)."""
    pairs = list(zip(order, order[1:]))
    if closed and len(order) > 1:
        pairs.append((order[-1], order[0]))
    legs = []
    for k, (i, j) in enumerate(pairs):
        line = router.path(i, j) if router is not None else LineString([xy[i], xy[j]])
        length = float(line.length)
        legs.append(
            fp.RouteLeg(line, k + 1, seq_of.get(i, 0), seq_of.get(j, 0), length, sc.walking_minutes(length))
        )
    return legs


def plan_route(
    xy: Sequence[Tuple[float, float]],
    start: int,
    streets: Sequence[BaseGeometry],
    crs: QgsCoordinateReferenceSystem,
    seq_of: Optional[Dict[int, int]] = None,
    stops: int = 0,
    stop_minutes: float = sc.DEFAULT_STOP_MINUTES,
    closed: bool = False,
    reorder: bool = True,
    monitor=None,
    feedback=None,
) -> Route:
    """Order the nodes (unless *reorder* is False: the given order) and draw the legs."""
    router = StreetRouter(streets, xy, crs, feedback) if streets else None
    if router is not None and router.n_lines == 0:
        router = None
    if router is not None:
        dist = router.matrix(monitor.sub(0, 70) if monitor is not None else None)
    else:
        dist = sc.euclidean_matrix([p[0] for p in xy], [p[1] for p in xy])
    if reorder:
        order = sc.order_route(
            dist, start=start, closed=closed, monitor=monitor.sub(70, 95) if monitor is not None else None
        )
    else:
        order = list(range(len(xy)))
    if seq_of is None:
        seq_of = {node: k + 1 for k, node in enumerate(order)}
    legs = route_legs(xy, order, seq_of, router, closed)
    length = sum(leg.length_m for leg in legs)
    walk = sc.walking_minutes(length)
    unreachable = 0
    if router is not None:
        used = {(min(a, b), max(a, b)) for a, b in zip(order, order[1:])}
        unreachable = len([p for p in router.unreachable if p in used])
    return Route(
        order,
        legs,
        length,
        walk,
        walk + stops * stop_minutes,
        "streets" if router else "straight",
        unreachable,
    )


# ------------------------------------------------------------------------------ the algorithm


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
        self.addParameter(QgsProcessingParameterFile(self.GPKG, tr("Safety GeoPackage"), extension="gpkg"))
        self.addParameter(
            QgsProcessingParameterString(
                self.SCAN,
                tr("Scan (uuid or reference such as HS-2025-001; empty: use the area)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                tr("Schouw area (polygons; default: the scan's area)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES,
                tr("Hotspot zones (polygons; default: the scan's zones)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
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
                [QgsProcessing.SourceType.TypeVectorPoint],
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
                [QgsProcessing.SourceType.TypeVectorLine],
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
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=sc.DEFAULT_MAX_POINTS,
                minValue=1,
                maxValue=200,
            )
        )
        distance = QgsProcessingParameterNumber(
            self.MIN_DISTANCE,
            tr("Points closer than this are one stop (m)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=sc.DEFAULT_MIN_DISTANCE,
            minValue=0.0,
        )
        distance.setFlags(distance.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(distance)
        stop = QgsProcessingParameterNumber(
            self.STOP_MINUTES,
            tr("Minutes per stop"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=sc.DEFAULT_STOP_MINUTES,
            minValue=0.0,
        )
        stop.setFlags(stop.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
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
                self.POINTS, tr("Schouw points"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ROUTE, tr("Walking route"), QgsProcessing.SourceType.TypeVectorLine
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
            ("uuid", QVariant.String),
            ("scan_uuid", QVariant.String),
            ("seq", QVariant.Int),
            ("reason", QVariant.String),
            ("reason_kind", QVariant.String),
            ("label", QVariant.String),
        ):
            fields.append(QgsField(name, kind))
        return fields

    @staticmethod
    def route_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (
            ("leg", QVariant.Int),
            ("from_seq", QVariant.Int),
            ("to_seq", QVariant.Int),
            ("length_m", QVariant.Double),
            ("walk_minutes", QVariant.Double),
        ):
            fields.append(QgsField(name, kind))
        return fields

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        crs = gpkg_crs(path)
        monitor = self.monitor(feedback)
        record: Optional[ScanRecord] = None
        scan_key = (self.parameterAsString(parameters, self.SCAN, context) or "").strip()
        if scan_key:
            record = load_scan(path, scan_key)
            self.info(
                feedback,
                tr("Scan {reference}: {title}").format(reference=record.reference, title=record.title),
            )
        if given(parameters, self.AREA):
            source = self.parameterAsSource(parameters, self.AREA, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.AREA))
            area = unary_union(
                [
                    g
                    for _f, g in source_geometries(source, crs, context, tr("schouw area layer"))
                    if g.geom_type in ("Polygon", "MultiPolygon")
                ]
            )
            if area.is_empty:
                raise QgsProcessingException(
                    tr("The schouw area layer has no polygons (or none is selected).")
                )
        elif record is not None:
            area = record.area
        else:
            raise QgsProcessingException(tr("Give a scan (SCAN) or a schouw area (AREA)."))
        lang_code = lang()
        checklist = sc.load_checklist()
        item_labels = {it.code: checklist.full_label(it, lang_code) for it in checklist.items}

        # Candidates ------------------------------------------------------------------------------
        candidates: List[sc.Candidate] = []
        if given(parameters, self.EXTRA_POINTS):
            source = self.parameterAsSource(parameters, self.EXTRA_POINTS, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.EXTRA_POINTS))
            names = source.fields().names()
            label_field = next(
                (n for n in names if n.lower() in ("label", "name", "naam", "omschrijving")), None
            )
            xs, ys, labels = [], [], []
            for feature, geom in source_geometries(source, crs, context, tr("extra points layer")):
                pt = geom if isinstance(geom, Point) else geom.representative_point()
                xs.append(pt.x)
                ys.append(pt.y)
                value = feature[label_field] if label_field else None
                labels.append(None if value is None or value == NULL else str(value))
            candidates += sc.user_candidates(xs, ys, labels)
        zones_union = None
        if given(parameters, self.ZONES):
            source = self.parameterAsSource(parameters, self.ZONES, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
            names = source.fields().names()
            zones = []
            for feature, geom in source_geometries(source, crs, context, tr("hotspot zones layer")):
                zones.append(
                    {
                        "geometry": geom,
                        "peak": _number(feature["peak"]) if "peak" in names else None,
                        "rank": _number(feature["rank"]) if "rank" in names else None,
                        "peak_x": _number(feature["peak_x"]) if "peak_x" in names else None,
                        "peak_y": _number(feature["peak_y"]) if "peak_y" in names else None,
                    }
                )
        elif record is not None:
            zones = []
            for z in (record.parameters or {}).get("zones") or []:
                try:
                    geom = wkt_loads(z["wkt"])
                except Exception:  # noqa: BLE001 - a damaged zone is skipped
                    continue
                zones.append(
                    {
                        "geometry": geom,
                        "peak": z.get("peak"),
                        "rank": z.get("rank"),
                        "peak_x": z.get("peak_x"),
                        "peak_y": z.get("peak_y"),
                    }
                )
        else:
            zones = []
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
        if self.parameterAsBool(parameters, self.INCLUDE_FINDINGS, context):
            found = _read_findings(path, area.bounds)
            candidates += sc.finding_candidates(
                found["x"],
                found["y"],
                found["severity"],
                found["item"],
                found["status"],
                found["uuid"],
                area,
                item_labels,
            )
        kinds = [RISK_KIND_CODES[i] for i in self.parameterAsEnums(parameters, self.RISK_KINDS, context)]
        if kinds:
            objects = _read_risk_objects(path, area.bounds)
            candidates += sc.risk_object_candidates(
                objects["x"],
                objects["y"],
                objects["kind"],
                objects["name"],
                kinds,
                area,
                zones_union,
                schema.RISK_OBJECT_KINDS,
                objects["uuid"],
            )
        max_points = self.parameterAsInt(parameters, self.MAX_POINTS, context)
        min_distance = self.parameterAsDouble(parameters, self.MIN_DISTANCE, context)
        choice = sc.choose_points(candidates, max_points, min_distance, monitor.sub(0, 5))
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
                n=len(choice.points),
                c=choice.n_candidates,
                m=choice.n_merged,
                d=choice.n_dropped,
                max=max_points,
            ),
        )

        # Start and route -------------------------------------------------------------------------
        xy = [(p.x, p.y) for p in choice.points]
        separate_start = given(parameters, self.START)
        if separate_start:
            point = self.parameterAsPoint(parameters, self.START, context, crs)
            raw = parameters.get(self.START)
            explicit = isinstance(raw, QgsReferencedPointXY) or (isinstance(raw, str) and "[" in raw)
            if (
                not explicit
                and abs(point.x()) <= 180
                and abs(point.y()) <= 90
                and crs.isGeographic() is False
            ):
                raise QgsProcessingException(
                    tr(
                        "The start ({x}, {y}) looks like longitude and latitude, but the GeoPackage is in "
                        "{crs}. Give the point in {crs} or add its CRS, for example '{x},{y} [EPSG:4326]'."
                    ).format(x=point.x(), y=point.y(), crs=crs.authid())
                )
            xy.append((point.x(), point.y()))
            start = len(xy) - 1
        else:
            centre = area.centroid
            start = sc.nearest_to([p[0] for p in xy], [p[1] for p in xy], centre.x, centre.y)
        streets = self._streets(parameters, context, path, crs, xy, feedback)
        closed = self.parameterAsBool(parameters, self.ROUND_TRIP, context)
        stop_minutes = self.parameterAsDouble(parameters, self.STOP_MINUTES, context)
        route = plan_route(
            xy,
            start,
            streets,
            crs,
            stops=len(choice.points),
            stop_minutes=stop_minutes,
            closed=closed,
            monitor=monitor.sub(5, 90),
            feedback=feedback,
        )
        if route.unreachable:
            feedback.pushWarning(
                tr(
                    "{n} leg(s) of the route are straight lines: the street network does not "
                    "connect those points."
                ).format(n=route.unreachable)
            )
        seq_of: Dict[int, int] = {}
        for node in route.order:
            if separate_start and node == start:
                continue
            seq_of[node] = len(seq_of) + 1
        for leg, (i, j) in zip(route.legs, _pairs(route.order, closed)):
            leg.from_seq, leg.to_seq = seq_of.get(i, 0), seq_of.get(j, 0)

        rows = []
        for node, seq in sorted(seq_of.items(), key=lambda t: t[1]):
            p = choice.points[node]
            rows.append(fp.PointRow(seq, p.x, p.y, p.reason_text(tr), p.kind, p.label_text(tr)))
        scan_uuid = record.uuid if record is not None else ""
        if self.parameterAsBool(parameters, self.SAVE, context):
            monitor.check()
            fp.save_points(path, scan_uuid, rows, area)
            self.info(feedback, tr("{n} schouw points saved in the GeoPackage.").format(n=len(rows)))
        else:
            for r in rows:
                r.uuid, r.scan_uuid = str(uuidlib.uuid4()), scan_uuid

        sink, points_dest = self.parameterAsSink(
            parameters, self.POINTS, context, self.points_fields(), QgsWkbTypes.Type.Point, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.POINTS))
        for r in rows:
            f = QgsFeature()
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(r.x, r.y)))
            f.setAttributes([r.uuid, r.scan_uuid or None, r.seq, r.reason, r.reason_kind, r.label])
            sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        rsink, route_dest = self.parameterAsSink(
            parameters, self.ROUTE, context, self.route_fields(), QgsWkbTypes.Type.LineString, crs
        )
        if rsink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.ROUTE))
        for leg in route.legs:
            f = QgsFeature()
            f.setGeometry(QgsGeometry.fromWkt(leg.geometry.wkt))
            f.setAttributes(
                [leg.leg, leg.from_seq, leg.to_seq, round(leg.length_m, 2), round(leg.walk_minutes, 2)]
            )
            rsink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        feedback.setProgress(100)
        how = tr("along the streets") if route.routing == "streets" else tr("in straight lines")
        self.info(
            feedback,
            tr(
                "Route {how}: {length} m, {walk} walking plus {stops} × {per} min at the stops = {total}."
            ).format(
                how=how,
                length=f"{route.length_m:.0f}",
                walk=minutes_text(route.walk_minutes),
                stops=len(rows),
                per=f"{stop_minutes:g}",
                total=minutes_text(route.minutes),
            ),
        )
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

    def _streets(self, parameters, context, path: str, crs, xy, feedback) -> List[BaseGeometry]:
        if self.parameterAsBool(parameters, self.STRAIGHT, context):
            return []
        xs, ys = [p[0] for p in xy], [p[1] for p in xy]
        margin = max(STREET_MARGIN, 0.5 * max(max(xs) - min(xs), max(ys) - min(ys)))
        bbox = (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)
        if given(parameters, self.STREETS):
            source = self.parameterAsSource(parameters, self.STREETS, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.STREETS))
            rect = QgsRectangle(*bbox)
            if source.sourceCrs().isValid() and source.sourceCrs() != crs:
                try:
                    rect = QgsCoordinateTransform(
                        crs, source.sourceCrs(), context.transformContext()
                    ).transformBoundingBox(rect)
                except QgsCsException:
                    rect = QgsRectangle()
            transform = None
            if source.sourceCrs().isValid() and source.sourceCrs() != crs:
                transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
            lines = []
            request = QgsFeatureRequest().setNoAttributes()
            if not rect.isEmpty():
                request.setFilterRect(rect)
            for feature in source.getFeatures(request):
                g = feature.geometry()
                if transform is not None:
                    try:
                        g.transform(transform)
                    except QgsCsException:
                        continue
                geom = to_shapely(g)
                if geom is not None and geom.geom_type in ("LineString", "MultiLineString"):
                    lines.append(geom)
            if not lines:
                feedback.pushWarning(
                    tr("The street layer has no lines near the points: the route uses straight lines.")
                )
            return lines
        lines = read_streets_layer(path, bbox, crs)
        if not lines:
            self.info(
                feedback, tr("The GeoPackage has no streets near the points: the route uses straight lines.")
            )
        return lines


def _pairs(order: Sequence[int], closed: bool) -> List[Tuple[int, int]]:
    pairs = list(zip(order, order[1:]))
    if closed and len(order) > 1:
        pairs.append((order[-1], order[0]))
    return pairs


def _number(value: Any) -> Optional[float]:
    if value is None or value == NULL:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _rows_in_bbox(path: str, table: str, columns: Sequence[str], bbox) -> List[Tuple[Any, ...]]:
    con = gpkg.connect(path)
    try:
        cols = ", ".join(f't."{c}"' for c in columns)
        rtree = f"rtree_{table}_geom"
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            return con.execute(
                f'SELECT t.geom, {cols} FROM "{table}" t JOIN "{rtree}" r ON r.id = t.fid WHERE '
                f"r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ?",
                (bbox[0], bbox[2], bbox[1], bbox[3]),
            ).fetchall()
        return con.execute(f'SELECT t.geom, {cols} FROM "{table}" t').fetchall()
    finally:
        con.close()


def _xy(blob) -> Tuple[float, float]:
    raw = blob_wkb(blob) if blob is not None else None
    if not raw:
        return math.nan, math.nan
    try:
        g = shapely_wkb.loads(raw)
    except Exception:  # noqa: BLE001 - unreadable geometry: skipped by the core
        return math.nan, math.nan
    if g.is_empty:
        return math.nan, math.nan
    p = g if isinstance(g, Point) else g.representative_point()
    return p.x, p.y


def _read_findings(path: str, bbox) -> Dict[str, list]:
    rows = _rows_in_bbox(path, schema.SCHOUW_FINDINGS, ("uuid", "severity", "checklist_item", "status"), bbox)
    out: Dict[str, list] = {"x": [], "y": [], "uuid": [], "severity": [], "item": [], "status": []}
    for blob, uid, severity, item, status in rows:
        x, y = _xy(blob)
        out["x"].append(x)
        out["y"].append(y)
        out["uuid"].append(uid or "")
        out["severity"].append(severity or "")
        out["item"].append(item or "")
        out["status"].append(status or "open")
    return out


def _read_risk_objects(path: str, bbox) -> Dict[str, list]:
    rows = _rows_in_bbox(path, schema.RISK_OBJECTS, ("uuid", "kind", "name"), bbox)
    out: Dict[str, list] = {"x": [], "y": [], "uuid": [], "kind": [], "name": []}
    for blob, uid, kind, name in rows:
        x, y = _xy(blob)
        out["x"].append(x)
        out["y"].append(y)
        out["uuid"].append(uid or "")
        out["kind"].append(kind or "")
        out["name"].append(name or "")
    return out


ALGORITHM = SchouwRouteAlgorithm
