"""Is a point inside the study area (the union of the GeoPackage's buurten/wijken)? For a million points.

The area's bounding box is cut into a grid; a cell wholly inside the area takes all its points
in, a cell apart from it leaves them out, and only the points in cells on the area's edge are
tested exactly (contains, or on the boundary) with a prepared geometry. Shapely 1.8 and 2.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.prepared import prep

from .shapely_compat import contains_xy, touches_xy

_IN, _OUT, _EDGE = 1, 0, 2


class StudyArea:
    """The union of *geometries* (one CRS, that of the points tested)."""

    def __init__(self, geometries: Sequence[BaseGeometry], cells: int = 64):
        self.geometry = unary_union([g for g in geometries if g is not None and not g.is_empty])
        self.empty = self.geometry.is_empty
        if self.empty:
            return
        self.minx, self.miny, maxx, maxy = self.geometry.bounds
        self.n = cells
        self.dx = max((maxx - self.minx) / cells, 1e-9)
        self.dy = max((maxy - self.miny) / cells, 1e-9)
        prepared = prep(self.geometry)
        state = np.empty((cells, cells), dtype=np.int8)
        for i in range(cells):
            x0 = self.minx + i * self.dx
            for j in range(cells):
                y0 = self.miny + j * self.dy
                cell = box(x0, y0, x0 + self.dx, y0 + self.dy)
                state[i, j] = _IN if prepared.contains(cell) else (_EDGE if prepared.intersects(cell) else _OUT)
        self.state = state

    def contains(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """True for the points inside the area or on its boundary."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        out = np.zeros(x.shape, dtype=bool)
        if self.empty or x.size == 0:
            return out
        i = np.floor((x - self.minx) / self.dx).astype(np.int64)
        j = np.floor((y - self.miny) / self.dy).astype(np.int64)
        # a point on the grid's far edge belongs to the last cell
        i = np.where((i == self.n) & (x <= self.minx + self.n * self.dx), self.n - 1, i)
        j = np.where((j == self.n) & (y <= self.miny + self.n * self.dy), self.n - 1, j)
        on_grid = (i >= 0) & (i < self.n) & (j >= 0) & (j < self.n)
        state = np.full(x.shape, _OUT, dtype=np.int8)
        state[on_grid] = self.state[i[on_grid], j[on_grid]]
        out[state == _IN] = True
        edge = np.flatnonzero(state == _EDGE)
        if edge.size:
            inside = contains_xy(self.geometry, x[edge], y[edge])
            rest = ~inside
            if rest.any():
                inside[rest] = touches_xy(self.geometry, x[edge][rest], y[edge][rest])
            out[edge] = inside
        return out


def study_area_of(geometries: Sequence[BaseGeometry]) -> Optional[StudyArea]:
    """A :class:`StudyArea` of the geometries, None when there are none."""
    area = StudyArea(geometries)
    return None if area.empty else area
