"""What a camera can see: range, field of view and obstacles, as an exact polygon (pure core, shapely).

A point p is visible from camera c when it lies within the range, within the field of view
(azimuth in degrees clockwise from north, the field of view centred on it; no azimuth: all
round) and the straight segment c-p does not pass through the INTERIOR of an obstacle: a
line along a wall or through a corner is not blocked.

Method (shadow subtraction): the sector (range circle, drawn with chords that stay within
``tolerance`` metres of the true arc) minus, for every obstacle edge in range, the region behind
that edge as seen from c (a quadrilateral from the edge out to beyond the range), minus the
obstacles themselves. A point is hidden exactly when c-p crosses an edge's relative interior
or enters an obstacle, so the union of the edge shadows is the exact shadow; the only
approximation is the arc (within ``tolerance``). Works on shapely 1.8 and 2.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Tuple

from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

DEFAULT_RANGE = 50.0
DEFAULT_FOV = 360.0
#: The largest distance between the drawn arc and the true circle (metres).
DEFAULT_TOLERANCE = 0.05


@dataclass(frozen=True)
class Camera:
    x: float
    y: float
    azimuth: Optional[float] = None  # degrees clockwise from north; None: all round
    fov: float = DEFAULT_FOV
    range: float = DEFAULT_RANGE

    @property
    def all_round(self) -> bool:
        return self.azimuth is None or self.fov >= 360.0


def _arc_step(radius: float, tolerance: float) -> float:
    """The largest angle (radians) whose chord stays within *tolerance* of the arc of *radius*."""
    if radius <= tolerance:
        return math.pi / 4
    return min(math.pi / 8, 2.0 * math.acos(1.0 - tolerance / radius))


def _direction(angle_from_north_deg: float) -> Tuple[float, float]:
    a = math.radians(angle_from_north_deg)
    return math.sin(a), math.cos(a)


def sector(camera: Camera, tolerance: float = DEFAULT_TOLERANCE) -> BaseGeometry:
    """The range circle or the field-of-view sector of *camera*, its arc within *tolerance*."""
    r = camera.range
    step = math.degrees(_arc_step(r, tolerance))
    if camera.all_round:
        n = max(16, int(math.ceil(360.0 / step)))
        pts = [(camera.x + r * math.sin(2 * math.pi * k / n), camera.y + r * math.cos(2 * math.pi * k / n))
               for k in range(n)]
        return Polygon(pts)
    fov = max(0.0, camera.fov)
    n = max(2, int(math.ceil(fov / step)))
    start = camera.azimuth - fov / 2.0
    pts = [(camera.x, camera.y)]
    for k in range(n + 1):
        dx, dy = _direction(start + fov * k / n)
        pts.append((camera.x + r * dx, camera.y + r * dy))
    return Polygon(pts)


def _rings(geometry: BaseGeometry) -> Iterable[Sequence[Tuple[float, float]]]:
    polys = getattr(geometry, "geoms", [geometry])
    for poly in polys:
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        yield list(poly.exterior.coords)
        for interior in poly.interiors:
            yield list(interior.coords)


def edge_shadow(cx: float, cy: float, a: Tuple[float, float], b: Tuple[float, float],
                reach: float) -> Optional[Polygon]:
    """The region behind edge a-b seen from (cx, cy), out to beyond *reach*; None when the edge is
    seen edge-on (collinear with the camera) or touches the camera."""
    ax, ay = a[0] - cx, a[1] - cy
    bx, by = b[0] - cx, b[1] - cy
    cross = ax * by - ay * bx
    la, lb = math.hypot(ax, ay), math.hypot(bx, by)
    if la <= 1e-9 or lb <= 1e-9 or abs(cross) <= 1e-12 * la * lb:
        return None
    ta, tb = math.atan2(ay, ax), math.atan2(by, bx)
    sweep = tb - ta
    while sweep > math.pi:
        sweep -= 2 * math.pi
    while sweep < -math.pi:
        sweep += 2 * math.pi
    # The far side: points at distance far along rays through a ... b, at most 20 degrees apart, so
    # every chord stays beyond reach (far * cos(10 deg) > reach).
    far = max(1.1 * reach / math.cos(math.radians(10.0)), 1.01 * max(la, lb)) + 1.0
    n = max(1, int(math.ceil(abs(sweep) / math.radians(20.0))))
    outer = [(cx + far * math.cos(ta + sweep * k / n), cy + far * math.sin(ta + sweep * k / n)) for k in range(n + 1)]
    return Polygon([a, *outer, b])


def visible_area(camera: Camera, obstacles: Sequence[BaseGeometry] = (), tolerance: float = DEFAULT_TOLERANCE,
                 index=None) -> BaseGeometry:
    """The polygon *camera* can see, given *obstacles* (polygons). A camera inside an obstacle's
    interior sees nothing (an empty polygon)."""
    view = sector(camera, tolerance)
    if camera.range <= 0 or view.is_empty:
        return Polygon()
    centre = Point(camera.x, camera.y)
    reach = camera.range + tolerance
    near = obstacles_near(obstacles, camera.x, camera.y, reach, index)
    shadows: List[BaseGeometry] = []
    for obstacle in near:
        if obstacle.contains(centre):
            return Polygon()
        for ring in _rings(obstacle):
            for a, b in zip(ring[:-1], ring[1:]):
                shadow = edge_shadow(camera.x, camera.y, a, b, reach)
                if shadow is not None and shadow.is_valid and shadow.area > 0:
                    shadows.append(shadow)
    if not near:
        return view
    blocked = unary_union(shadows + list(near))
    result = view.difference(blocked)
    return result if not result.is_empty else Polygon()


def obstacles_near(obstacles: Sequence[BaseGeometry], x: float, y: float, reach: float,
                   index=None) -> List[BaseGeometry]:
    """The obstacles whose bounding box comes within *reach* of (x, y) and that truly do."""
    centre = Point(x, y)
    if index is not None:
        candidates = index.query(centre.buffer(reach, 4))
        candidates = [obstacles[int(i)] if not hasattr(i, "geom_type") else i for i in candidates]
    else:
        candidates = obstacles
    out = []
    for g in candidates:
        if g is None or g.is_empty:
            continue
        minx, miny, maxx, maxy = g.bounds
        if minx > x + reach or maxx < x - reach or miny > y + reach or maxy < y - reach:
            continue
        if g.distance(centre) <= reach:
            out.append(g)
    return out


def obstacle_index(obstacles: Sequence[BaseGeometry]):
    """An STRtree over *obstacles* (its query returns indices on shapely 2, geometries on 1.8)."""
    import warnings

    from shapely.strtree import STRtree
    if not obstacles:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shapely 1.8 announces STRtree's 2.0 interface
        return STRtree(list(obstacles))


def line_of_sight(cx: float, cy: float, px: float, py: float, obstacles: Sequence[BaseGeometry]) -> bool:
    """True when the segment from the camera to p does not pass through an obstacle's interior (a check
    of one point, for tests and single look-ups)."""
    from shapely.geometry import LineString
    if (cx, cy) == (px, py):
        return not any(o.contains(Point(cx, cy)) for o in obstacles)
    line = LineString([(cx, cy), (px, py)])
    return not any(line.relate_pattern(o, "T********") for o in obstacles)
