"""Street routing for the buurtschouw with QGIS's network analysis, and the legs of a walk.

Distances along the street network come from QgsVectorLayerDirector + QgsGraphBuilder +
QgsGraphAnalyzer.dijkstra (:class:`StreetRouter`), or are straight lines when there are no
streets. The order of the walk is the core's (:func:`core.schouw.order_route`); this module
measures, orders and draws it (:func:`plan_route`), and reads a walk drawn before
(:func:`legs_from_source`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.analysis import (
    QgsGraphAnalyzer,
    QgsGraphBuilder,
    QgsNetworkDistanceStrategy,
    QgsVectorLayerDirector,
)
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from ..compat import GeometryType
from ..core import schouw as sc
from ..i18n import tr
from ..storage import fieldpackage as fp
from .geometry import to_shapely


def read_streets_layer(
    path: str, bbox: Tuple[float, float, float, float], crs: Optional[QgsCoordinateReferenceSystem] = None
) -> List[BaseGeometry]:
    """The safety GeoPackage's streets meeting *bbox* (minx, miny, maxx, maxy)."""
    return [g for g, _name, _kind in fp.read_streets(path, bbox)]


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
            if qg.isNull() or QgsWkbTypes.geometryType(qg.wkbType()) != GeometryType.Line:
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
    metres_per_unit: float = 1.0,
) -> List[fp.RouteLeg]:
    """Lines from each node of *order* to the next (back to the first when *closed*); their lengths
    in metres (map units times *metres_per_unit*)."""
    legs = []
    for k, (i, j) in enumerate(sc.leg_pairs(order, closed)):
        line = router.path(i, j) if router is not None else LineString([xy[i], xy[j]])
        length = float(line.length) * metres_per_unit
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
    metres_per_unit: float = 1.0,
) -> Route:
    """Order the nodes (unless *reorder* is False: the given order) and draw the legs; lengths are
    in metres (the map units of *crs* times *metres_per_unit*)."""
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
    legs = route_legs(xy, order, seq_of, router, closed, metres_per_unit)
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


def legs_from_source(source, crs: QgsCoordinateReferenceSystem, context) -> List[fp.RouteLeg]:
    """The legs of a walk drawn before (a line layer with leg, from_seq, to_seq when it has them), by leg."""
    transform = None
    if source.sourceCrs().isValid() and source.sourceCrs() != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    names = source.fields().names()
    legs = []
    for k, feature in enumerate(source.getFeatures(QgsFeatureRequest())):
        g = feature.geometry()
        if transform is not None:
            try:
                g.transform(transform)
            except QgsCsException:
                continue
        geom = to_shapely(g)
        if geom is None:
            continue
        lines = [geom] if isinstance(geom, LineString) else list(getattr(geom, "geoms", []))
        for line in lines:
            if not isinstance(line, LineString):
                continue
            leg = int(feature["leg"]) if "leg" in names and feature["leg"] is not None else k + 1
            legs.append(
                fp.RouteLeg(
                    line,
                    leg,
                    int(feature["from_seq"]) if "from_seq" in names and feature["from_seq"] else 0,
                    int(feature["to_seq"]) if "to_seq" in names and feature["to_seq"] else 0,
                    float(line.length),
                    sc.walking_minutes(float(line.length)),
                )
            )
    if not legs:
        raise QgsProcessingException(tr("The route layer has no lines."))
    return sorted(legs, key=lambda leg: leg.leg)
