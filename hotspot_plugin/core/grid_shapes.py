"""The shapes of grid cells and point sets (pure): cell corners, cell polygons as WKB, hulls, point-in-polygon.

``hotspot:gistar`` writes one polygon per square or hexagon; the corners come from the grid
(``core.gistar.SquareGrid`` / ``HexGrid``) and are turned into WKB in bulk (plain WKB or
GeoPackage geometry blobs), so a million cells cost no per-cell Python.

Conventions:

* A square's ring runs counter-clockwise from its lower-left corner and is closed (5 points);
  row 0 is the top row, the grid's origin ``(x0, y0)`` its top-left corner.
* A hexagon's ring has its corners at 0, 60, ..., 300 degrees from its centre, at the
  circumradius, and is closed (7 points).
* A point on the border of two polygons belongs to the first of them in the given order.
"""
from __future__ import annotations

import math
from typing import List, Optional, Sequence, Tuple

import numpy as np
from scipy.spatial import ConvexHull, QhullError
from shapely.geometry import MultiPoint, Polygon
from shapely.geometry.base import BaseGeometry

from . import gistar as gs
from .progress import Monitor, ensure
from .shapely_compat import contains_xy, touches_xy  # noqa: F401 - re-exported

_SQRT3 = math.sqrt(3.0)


# Cell corners ---------------------------------------------------------------------------------

def square_corners(grid: gs.SquareGrid, indices: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Corners (closed ring, counter-clockwise from the lower left) of the squares *indices*."""
    row, col = np.divmod(indices, grid.cols)
    x0 = grid.x0 + col * grid.cell
    y0 = grid.y0 - (row + 1) * grid.cell
    x1, y1 = x0 + grid.cell, y0 + grid.cell
    return np.column_stack([x0, x1, x1, x0, x0]), np.column_stack([y0, y0, y1, y1, y0])


def hex_corners(grid: gs.HexGrid, indices: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Corners (at 0, 60, ..., 300 degrees, closed) of the hexagons *indices*."""
    ang = np.deg2rad(np.r_[np.arange(0, 360, 60), 0])
    rad = grid.radius
    return (grid.cx[indices][:, None] + rad * np.cos(ang)[None, :],
            grid.cy[indices][:, None] + rad * np.sin(ang)[None, :])


def cell_corners(grid, indices: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Corners of the cells *indices* of a square or hexagonal grid, one closed ring per row."""
    return square_corners(grid, indices) if isinstance(grid, gs.SquareGrid) else hex_corners(grid, indices)


def cell_reach(kind: str, cell: float) -> float:
    """How far a cell reaches from its centre: half a square's diagonal, a hexagon's circumradius.

    *cell* is the side of a square or the spacing of the hexagons' centres (``sqrt(3)`` times the
    circumradius).
    """
    return cell * math.sqrt(2.0) / 2.0 if kind == "square" else cell / _SQRT3


def ring_wkb(xs: np.ndarray, ys: np.ndarray, gpkg_srs: Optional[int] = None) -> List[bytes]:
    """Polygons (one closed ring each) from corner coordinates ``xs``/``ys`` of shape (n, k).

    Plain little-endian WKB, or with *gpkg_srs* GeoPackage geometry blobs (header with that
    srs_id and the envelope ``[minx, maxx, miny, maxy]``, then the WKB).
    """
    n, k = xs.shape
    head = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("env", "<f8", (4,))]
    body = [("bo", "u1"), ("type", "<u4"), ("rings", "<u4"), ("npts", "<u4"), ("xy", "<f8", (2 * k,))]
    rec = np.zeros(n, dtype=(head if gpkg_srs is not None else []) + body)
    if gpkg_srs is not None:
        rec["magic"] = b"GP"
        rec["flags"] = 0x03  # little-endian, envelope [minx, maxx, miny, maxy]
        rec["srs"] = gpkg_srs
        rec["env"] = np.column_stack([xs.min(axis=1), xs.max(axis=1), ys.min(axis=1), ys.max(axis=1)])
    rec["bo"] = 1
    rec["type"] = 3
    rec["rings"] = 1
    rec["npts"] = k
    rec["xy"][:, 0::2] = xs
    rec["xy"][:, 1::2] = ys
    raw = rec.tobytes()
    size = rec.dtype.itemsize
    return [raw[i * size:(i + 1) * size] for i in range(n)]


# Point sets ----------------------------------------------------------------------------------

def convex_hull(x: np.ndarray, y: np.ndarray) -> BaseGeometry:
    """Convex hull of the points (qhull; a line or a point when they are collinear or all equal)."""
    pts = np.column_stack([x, y])
    try:
        hull = ConvexHull(pts)
    except (QhullError, ValueError):
        uniq = np.unique(pts, axis=0)
        return MultiPoint([tuple(p) for p in uniq.tolist()]).convex_hull
    return Polygon(pts[hull.vertices])


def assign_to_polygons(x: np.ndarray, y: np.ndarray, polygons: Sequence[BaseGeometry],
                       monitor: Optional[Monitor] = None) -> np.ndarray:
    """Index of the polygon holding each point (-1: none).

    A point inside a polygon belongs to it; a point on the border of two polygons to the first
    of them in the given order (and a point inside one and on the border of an earlier one to
    the earlier one, the same rule).
    """
    monitor = ensure(monitor)
    owner = np.full(x.size, -1, dtype=np.int64)
    order = np.argsort(x, kind="stable")
    xs = x[order]
    for k, poly in enumerate(polygons):
        monitor.check()
        minx, miny, maxx, maxy = poly.bounds
        lo, hi = np.searchsorted(xs, minx, "left"), np.searchsorted(xs, maxx, "right")
        cand = order[lo:hi]
        cand = cand[(y[cand] >= miny) & (y[cand] <= maxy) & (owner[cand] < 0)]
        if cand.size == 0:
            continue
        inside = contains_xy(poly, x[cand], y[cand])
        rest = cand[~inside]
        if rest.size:
            inside[~inside] = touches_xy(poly, x[rest], y[rest])
        owner[cand[inside]] = k
    return owner


__all__ = ["square_corners", "hex_corners", "cell_corners", "cell_reach", "ring_wkb", "convex_hull",
           "assign_to_polygons", "contains_xy", "touches_xy"]
