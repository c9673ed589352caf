"""Geometry of the environment scan: the area from a point, polygon parts, point in polygon (pure core)."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .errors import InputError
from .i18n import N_
from .progress import Monitor, ensure
from .scan_types import warning

#: Pairs (point, polygon edge) handled at once by the point-in-polygon test.
_PIP_CHUNK = 1 << 21


def area_from_point(x: float, y: float, radius: float, quad_segs: int = 16) -> Polygon:
    """The scan area for "a point with a radius": a circle (polygon with 4 * quad_segs sides)."""
    try:
        r = float(radius)
    except (TypeError, ValueError):
        r = float("nan")
    if not math.isfinite(r) or r <= 0:
        raise InputError(
            N_("The radius around the point must be a positive number of metres, not {radius}."),
            radius=radius,
        )
    if not (math.isfinite(float(x)) and math.isfinite(float(y))):
        raise InputError(N_("The centre point of the scan area has no valid coordinates."))
    return Point(float(x), float(y)).buffer(r, quad_segs)



def polygonal(
    geom: Any, repaired_warning: str, warnings: List[Dict[str, Any]], empty_message: str
) -> BaseGeometry:
    """A valid (Multi)Polygon from *geom*: repaired with buffer(0) when invalid; polygons of a
    collection kept; InputError when nothing with a surface is left."""
    if geom is None or not isinstance(geom, BaseGeometry) or geom.is_empty:
        raise InputError(empty_message)
    if not geom.is_valid:
        geom = geom.buffer(0)
        warnings.append(warning(repaired_warning))
    if geom.geom_type == "GeometryCollection":
        geom = unary_union([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon") or geom.area <= 0:
        raise InputError(empty_message)
    return geom


def polygon_parts(geom: BaseGeometry) -> List[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):
        out: List[Polygon] = []
        for g in geom.geoms:
            out.extend(polygon_parts(g))
        return out
    return []


def _edges(geom: BaseGeometry) -> np.ndarray:
    """All ring edges of a (Multi)Polygon as an (E, 4) array x1, y1, x2, y2."""
    parts = []
    for poly in polygon_parts(geom):
        for ring in [poly.exterior, *poly.interiors]:
            c = np.asarray(ring.coords, dtype=float)[:, :2]
            if len(c) >= 2:
                parts.append(np.column_stack([c[:-1], c[1:]]))
    return np.vstack(parts) if parts else np.zeros((0, 4))


def points_in_polygon(
    x: np.ndarray, y: np.ndarray, geom: BaseGeometry, monitor: Optional[Monitor] = None
) -> np.ndarray:
    """Boolean mask of the points inside a (Multi)Polygon (holes respected), vectorised.

    Crossing-number rule with half-open edges (an edge covers ``min(y1, y2) <= y < max(y1, y2)``
    and a crossing counts when the point lies strictly left of it): every point of the plane
    falls in exactly one of two polygons sharing an edge; a point on a west or south boundary
    is inside, on an east or north boundary outside.
    """
    monitor = ensure(monitor)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    mask = np.zeros(x.shape[0], dtype=bool)
    if geom is None or geom.is_empty or not x.size:
        return mask
    minx, miny, maxx, maxy = geom.bounds
    cand = np.flatnonzero((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))
    if not cand.size:
        return mask
    order = np.argsort(y[cand], kind="stable")
    ys = y[cand][order]
    xs = x[cand][order]
    e = _edges(geom)
    e = e[e[:, 1] != e[:, 3]]
    lo = np.minimum(e[:, 1], e[:, 3])
    hi = np.maximum(e[:, 1], e[:, 3])
    i0 = np.searchsorted(ys, lo, "left")
    cnt = np.searchsorted(ys, hi, "left") - i0
    keep = cnt > 0
    e, i0, cnt = e[keep], i0[keep], cnt[keep]
    slope = (e[:, 2] - e[:, 0]) / (e[:, 3] - e[:, 1])
    crossings = np.zeros(cand.size, dtype=np.int64)
    cum = np.cumsum(cnt)
    start = 0
    while start < cnt.size:
        monitor.check()
        before = int(cum[start - 1]) if start else 0
        stop = max(int(np.searchsorted(cum, before + _PIP_CHUNK, "right")), start + 1)
        c = cnt[start:stop]
        which = np.repeat(np.arange(start, stop), c)
        offs = np.arange(int(c.sum())) - np.repeat(np.cumsum(c) - c, c)
        pos = i0[which] + offs
        xi = e[which, 0] + (ys[pos] - e[which, 1]) * slope[which]
        crossings += np.bincount(pos[xs[pos] < xi], minlength=cand.size)
        start = stop
    mask[cand[order[(crossings & 1).astype(bool)]]] = True
    return mask


def within_distance(
    x: np.ndarray, y: np.ndarray, geom: BaseGeometry, distance: float, monitor: Optional[Monitor] = None
) -> np.ndarray:
    """Boolean mask of the points at most *distance* from a (Multi)Polygon: inside it
    (:func:`points_in_polygon`) or within *distance* of one of its edges (``d <= distance``, exact).

    This is the ring of a scan counted by distance: ``geom.buffer(distance)`` approximates the arcs
    by chords (16 per quarter circle cut up to 0.3 m off a 250 m ring) and would leave out points
    that lie within the distance. A point inside the buffer polygon is within the distance (its
    vertices lie on the exact offset curve, its chords inside it); the others in the bounding box
    are measured to every edge, vectorised in chunks.
    """
    monitor = ensure(monitor)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if geom is None or geom.is_empty or not x.size:
        return np.zeros(x.shape[0], dtype=bool)
    dist = float(distance)
    mask = points_in_polygon(x, y, geom, monitor.sub(0, 40))
    if not dist > 0:
        return mask
    mask |= points_in_polygon(x, y, geom.buffer(dist, 16), monitor.sub(40, 80))
    minx, miny, maxx, maxy = geom.bounds
    cand = np.flatnonzero(~mask & (x >= minx - dist) & (x <= maxx + dist) & (y >= miny - dist) & (y <= maxy + dist))
    if not cand.size:
        return mask
    e = _edges(geom)
    ax, ay, bx, by = e[:, 0], e[:, 1], e[:, 2], e[:, 3]
    dx, dy = bx - ax, by - ay
    len2 = dx * dx + dy * dy
    step = max(1, _PIP_CHUNK // max(1, e.shape[0]))
    limit = dist * dist
    for start in range(0, cand.size, step):
        monitor.check()
        idx = cand[start:start + step]
        px, py = x[idx, None] - ax, y[idx, None] - ay
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(len2 > 0, np.clip((px * dx + py * dy) / len2, 0.0, 1.0), 0.0)
        qx, qy = px - t * dx, py - t * dy
        mask[idx[(qx * qx + qy * qy <= limit).any(axis=1)]] = True
    return mask



def box_text(box: Sequence[float]) -> str:
    """A bounding box (xmin, ymin, xmax, ymax) as ``"(xmin, ymin) - (xmax, ymax)"`` in whole units."""
    return "({:.0f}, {:.0f}) - ({:.0f}, {:.0f})".format(*box)
