"""Hotspot zones: polygons where a raster (density or Gi* result) is high (pure core).

``hotspot:hotspotzones`` selects cells of a raster -- at or above a threshold value, the top X %
of valid cells, or the Gi* hot spot cells of at least some confidence level -- joins touching
selected cells into zones and describes each zone: its polygon, peak value and where the peak
lies, area, number of cells, mean value, the number of incidents inside and a rank.

Conventions:

* **Connectivity**: 8 by default -- cells that touch only at a corner belong to the same zone
  (a diagonal run of hot cells is one hot spot to a GIS officer). Such a zone's geometry is a
  MultiPolygon whose parts meet at a corner point; with ``connectivity=4`` they are separate
  zones instead.
* **Geometry**: the union of the selected cells' squares (via ``rasterio.features.shapes``),
  holes included, in the raster's CRS. Area in map units squared (m² in a projected CRS).
* **Peak**: the cell with the highest value (lowest for cold zones); on ties the first in row
  order (top row first, left to right). ``peak_x``/``peak_y`` are that cell's centre.
* **Incidents inside**: each point is looked up in the raster: column ``floor((x - x0) / px)``,
  row ``floor((y0 - y) / py)``, so a point exactly on an edge between two cells counts for the
  cell to its right or below it. Points outside the raster or in unselected cells count for no
  zone.
* **Rank**: 1 for the highest peak (the deepest for cold zones), ties broken by larger area.
* ``transform`` is a GDAL geotransform ``(x0, px, 0, y0, 0, -py)``; row 0 is the top row.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
from rasterio.features import shapes
from rasterio.transform import Affine
from scipy import ndimage
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.strtree import STRtree

from .errors import InputError
from .grid_shapes import assign_to_polygons
from .i18n import N_
from .progress import Monitor, ensure

GeoTransform = Sequence[float]
Valid = Union[None, float, np.ndarray]


@dataclass
class Zone:
    """One hotspot zone (see the module docstring for the conventions)."""

    geometry: BaseGeometry
    peak: float
    peak_x: float
    peak_y: float
    area: float
    n_cells: int
    mean: float
    n_incidents: Optional[int]
    rank: int


def _affine(transform: GeoTransform) -> Affine:
    try:
        t = [float(v) for v in transform]
    except (TypeError, ValueError):
        t = []
    if len(t) != 6 or not all(math.isfinite(v) for v in t):
        raise InputError(N_("The raster's geotransform must be six numbers (x0, px, 0, y0, 0, -py), "
                            "not {transform}."), transform=transform)
    aff = Affine.from_gdal(*t)
    if aff.determinant == 0:
        raise InputError(N_("The raster's geotransform {transform} has a zero pixel size."),
                         transform=transform)
    return aff


def cell_centre(aff: Affine, row: int, col: int) -> Tuple[float, float]:
    """The centre of cell (*row*, *col*): the transform written out (``affine * (x, y)`` is
    deprecated in affine 3.0 and ``affine @ (x, y)`` does not exist in affine 2.4)."""
    x, y = col + 0.5, row + 0.5
    return aff.a * x + aff.b * y + aff.c, aff.d * x + aff.e * y + aff.f


def _grid(values: Any) -> np.ndarray:
    arr = np.asarray(values)
    if arr.ndim != 2 or arr.size == 0:
        raise InputError(N_("The raster must be 2-D with at least one cell; it has shape {shape}."),
                         shape=tuple(arr.shape))
    return arr


def _valid_mask(values: np.ndarray, valid: Valid) -> np.ndarray:
    """Valid cells: finite and not *valid*-as-nodata, or the given boolean mask (and finite)."""
    finite = np.isfinite(values) if np.issubdtype(values.dtype, np.floating) else np.ones(values.shape, bool)
    if valid is None:
        return finite
    if np.ndim(valid) == 0:
        nodata = float(valid)  # type: ignore[arg-type]
        if math.isnan(nodata):
            return finite
        return finite & (values != nodata)
    mask = np.asarray(valid, dtype=bool)
    if mask.shape != values.shape:
        raise InputError(N_("The valid-cell mask has shape {mask_shape}, the raster {shape}."),
                         mask_shape=tuple(mask.shape), shape=tuple(values.shape))
    return finite & mask


def select_top_percent(values: np.ndarray, valid: np.ndarray, percent: float) -> Tuple[np.ndarray, float]:
    """Cells among the top *percent* % of the valid cells, and the threshold value used.

    ``k = ceil(percent / 100 * n_valid)`` (at least 1); the threshold is the k-th highest valid
    value and every valid cell with a value at or above it is selected, so ties at the
    threshold are all included and the selection can exceed *percent* %. If the threshold is
    the lowest valid value while *percent* < 100 (e.g. most of a density raster is 0), the top
    cells cannot be told apart from the rest and :class:`InputError` is raised.
    """
    p = float(percent)
    if not math.isfinite(p) or p <= 0 or p > 100:
        raise InputError(N_("The top percentage must be more than 0 and at most 100, not {percent}."),
                         percent=percent)
    vals = values[valid].astype(float)
    nv = vals.size
    k = max(1, int(math.ceil(p / 100.0 * nv - 1e-9)))
    k = min(k, nv)
    threshold = float(np.partition(vals, nv - k)[nv - k])
    lowest = float(vals.min())
    if p < 100 and threshold <= lowest:
        share = 100.0 * float((vals == lowest).sum()) / nv
        raise InputError(N_("The top {percent}% of the cells cannot be told apart from the rest: "
                            "{share}% of the valid cells share the lowest value {value}. Choose a "
                            "smaller percentage or a threshold value."),
                         percent=p, share=round(share, 1), value=lowest)
    return valid & (values >= threshold), threshold


def _count_points(points_xy: Any, aff: Affine, labels: np.ndarray, nlab: int) -> np.ndarray:
    pts = np.asarray(points_xy, dtype=float)
    if pts.size == 0:
        return np.zeros(nlab + 1, dtype=np.int64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise InputError(N_("The incident coordinates must be pairs of x and y."))
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    inv = ~aff
    col = inv.a * pts[:, 0] + inv.b * pts[:, 1] + inv.c
    row = inv.d * pts[:, 0] + inv.e * pts[:, 1] + inv.f
    ci = np.floor(col).astype(np.int64)
    ri = np.floor(row).astype(np.int64)
    rows, cols = labels.shape
    ok = (ci >= 0) & (ci < cols) & (ri >= 0) & (ri < rows)
    lab = labels[ri[ok], ci[ok]]
    return np.bincount(lab, minlength=nlab + 1)


def _zones(selected: np.ndarray, peak_values: np.ndarray, report_values: np.ndarray, aff: Affine,
           points_xy: Any, min_area: float, connectivity: int) -> List[Zone]:
    """Zones from a selection; the peak is the maximum of *peak_values*, reported from *report_values*."""
    if connectivity not in (4, 8):
        raise InputError(N_("Connectivity must be 4 or 8, not {connectivity}."), connectivity=connectivity)
    ma = float(min_area)
    if not math.isfinite(ma) or ma < 0:
        raise InputError(N_("The minimum zone area cannot be negative ({min_area})."), min_area=min_area)
    structure = np.ones((3, 3), dtype=bool) if connectivity == 8 else None
    labels, nlab = ndimage.label(selected, structure=structure)
    if nlab == 0:
        return []
    labels = labels.astype(np.int32)
    pieces: List[List[BaseGeometry]] = [[] for _ in range(nlab + 1)]
    for geom, value in shapes(labels, mask=selected, connectivity=4, transform=aff):
        pieces[int(value)].append(shape(geom))
    index = np.arange(1, nlab + 1)
    pv = np.where(selected, peak_values.astype(float), -np.inf)
    peaks = ndimage.maximum_position(pv, labels, index)
    n_cells = np.bincount(labels.ravel(), minlength=nlab + 1)
    sums = np.bincount(labels.ravel(), weights=np.where(selected, report_values.astype(float), 0.0).ravel(),
                       minlength=nlab + 1)
    counts = _count_points(points_xy, aff, labels, nlab) if points_xy is not None else None
    keyed: List[Tuple[float, float, int, Zone]] = []
    for lab in index:
        geom = unary_union(pieces[lab]) if len(pieces[lab]) > 1 else pieces[lab][0]
        area = float(geom.area)
        if area < ma:
            continue
        r, c = peaks[lab - 1]
        px, py = cell_centre(aff, r, c)
        zone = Zone(geometry=geom, peak=float(report_values[r, c]), peak_x=float(px), peak_y=float(py),
                    area=area, n_cells=int(n_cells[lab]), mean=float(sums[lab] / n_cells[lab]),
                    n_incidents=None if counts is None else int(counts[lab]), rank=0)
        keyed.append((-float(pv[r, c]), -area, int(lab), zone))
    keyed.sort(key=lambda item: item[:3])
    for rank, item in enumerate(keyed, start=1):
        item[3].rank = rank
    return [item[3] for item in keyed]


def zones_from_raster(values: Any, valid: Valid, transform: GeoTransform,
                      threshold_value: Optional[float] = None, top_percent: Optional[float] = None,
                      points_xy: Any = None, min_area: float = 0.0, connectivity: int = 8) -> List[Zone]:
    """Zones where a raster is high: at or above *threshold_value*, or in the top *top_percent* %.

    *valid* is a boolean mask of valid cells, a nodata value, or None (all finite cells valid).
    Give exactly one of *threshold_value* (cells with ``value >= threshold_value``) and
    *top_percent* (see :func:`select_top_percent` for ties). *points_xy* (``(N, 2)``) are
    counted per zone; zones smaller than *min_area* (map units²) are dropped. Returns the zones
    sorted by rank.
    """
    vals = _grid(values)
    aff = _affine(transform)
    ok = _valid_mask(vals, valid)
    if not ok.any():
        raise InputError(N_("The raster has no valid cells (all nodata)."))
    if (threshold_value is None) == (top_percent is None):
        raise InputError(N_("Give either a threshold value or a top percentage, not both or neither."))
    vf = vals.astype(float)
    if threshold_value is not None:
        t = float(threshold_value)
        if not math.isfinite(t):
            raise InputError(N_("The threshold value must be a number, not {threshold}."),
                             threshold=threshold_value)
        vmax = float(vf[ok].max())
        if t > vmax:
            raise InputError(N_("The threshold {threshold} is above the highest value in the raster "
                                "({maximum}); no cell would be selected. Choose a threshold of at most "
                                "{maximum}."), threshold=t, maximum=vmax)
        selected = ok & (vf >= t)
    else:
        selected, _ = select_top_percent(vf, ok, float(top_percent))  # type: ignore[arg-type]
    return _zones(selected, vf, vf, aff, points_xy, min_area, connectivity)


def zones_from_classes(classes: Any, valid: Valid, transform: GeoTransform, min_level: int = 1,
                       cold: bool = False, values: Any = None, points_xy: Any = None,
                       min_area: float = 0.0, connectivity: int = 8) -> List[Zone]:
    """Zones of Gi* hot spot cells (class ``>= min_level``), or cold spots (``<= -min_level``).

    *classes* is the 2-D class grid (-3..+3, see ``gistar.classify_spots``), for example
    ``grid.to_2d(result.classes)`` with ``grid.transform``. *min_level* 1/2/3 keeps cells of at
    least 90/95/99 % confidence. The peak is taken from *values* (e.g. the z-scores as 2-D; the
    highest for hot zones, the lowest for cold zones), else from the class itself. No selected
    cell means no zones (an empty list), not an error.
    """
    cls = _grid(classes)
    aff = _affine(transform)
    lev = int(min_level)
    if lev not in (1, 2, 3) or lev != min_level:
        raise InputError(N_("The minimum confidence level must be 1 (90%), 2 (95%) or 3 (99%), not {level}."),
                         level=min_level)
    ok = _valid_mask(cls, valid)
    if not ok.any():
        raise InputError(N_("The raster has no valid cells (all nodata)."))
    c = np.where(ok, cls, 0).astype(float)
    selected = ok & ((c <= -lev) if cold else (c >= lev))
    if values is None:
        rep = c
    else:
        rep = np.asarray(values, dtype=float)
        if rep.shape != cls.shape:
            raise InputError(N_("The value grid has shape {value_shape}, the class grid {shape}."),
                             value_shape=tuple(rep.shape), shape=tuple(cls.shape))
    peak = -rep if cold else rep
    return _zones(selected, np.nan_to_num(peak, nan=-np.inf), rep, aff, points_xy, min_area, connectivity)


# Zones of Gi* cells of any shape ---------------------------------------------------------------

#: Largest grid a square Gi* result is put back on; larger ones are dissolved as polygons.
MAX_GRID_CELLS = 25_000_000
#: Relative tolerance when recognising squares of one grid.
GRID_RTOL = 1e-6


@dataclass
class GiCells:
    """The features of a Gi* result: classes, z-scores, bounding boxes and the hot cells' shapes.

    ``bounds`` holds (xmin, ymin, xmax, ymax) per cell; ``area`` the polygon areas;
    ``five_vertices`` is True for a polygon of one ring with 5 vertices (a square or another
    quadrilateral); ``shapes`` holds shapely geometries of the cells of class >= the minimum
    asked for when reading (None elsewhere), the only ones the dissolving needs.
    """

    classes: np.ndarray
    z: np.ndarray
    bounds: np.ndarray
    area: np.ndarray
    five_vertices: np.ndarray
    shapes: List[Optional[BaseGeometry]]

    @property
    def n(self) -> int:
        return int(self.classes.size)


@dataclass
class Lattice:
    """Square cells recognised as one grid: cell size, top-left corner, each cell's row and column."""

    cell: float
    x0: float
    y0: float
    rows: int
    cols: int
    row: np.ndarray
    col: np.ndarray

    @property
    def transform(self) -> Tuple[float, ...]:
        return (self.x0, self.cell, 0.0, self.y0, 0.0, -self.cell)


def square_lattice(cells: GiCells, max_cells: int = MAX_GRID_CELLS) -> Optional[Lattice]:
    """The grid the cells form when they are all axis-parallel squares of one size on one lattice.

    A cell is such a square when its polygon has one ring of 5 vertices (4 corners, closed) and
    fills its bounding box, whose width and height equal the common cell size; the squares'
    corners must lie on one lattice of that size. None otherwise (or when the grid would be
    larger than *max_cells*).
    """
    if cells.n == 0 or not cells.five_vertices.all():
        return None
    b = cells.bounds
    w = b[:, 2] - b[:, 0]
    h = b[:, 3] - b[:, 1]
    cell = float(np.median(w))
    tol = GRID_RTOL * cell
    if cell <= 0 or np.abs(w - cell).max() > tol or np.abs(h - cell).max() > tol or \
            np.abs(cells.area - w * h).max() > GRID_RTOL * cell * cell:
        return None
    x0, y0 = float(b[:, 0].min()), float(b[:, 3].max())
    colf = (b[:, 0] - x0) / cell
    rowf = (y0 - b[:, 3]) / cell
    col, row = np.rint(colf).astype(np.int64), np.rint(rowf).astype(np.int64)
    if np.abs(colf - col).max() > 1e-4 or np.abs(rowf - row).max() > 1e-4:
        return None
    rows, cols = int(row.max()) + 1, int(col.max()) + 1
    if rows * cols > max_cells:
        return None
    return Lattice(cell, x0, y0, rows, cols, row, col)


def hit_indices(hits: Any, index_of: Dict[int, int]) -> List[int]:
    """The indices of an ``STRtree.query`` answer: shapely 2 gives integer indices, shapely 1.8
    the geometries themselves (looked up in *index_of*, ``id(geometry) -> index``)."""
    if isinstance(hits, np.ndarray) and hits.dtype.kind in "iu":
        return [int(i) for i in hits.ravel()]
    return [index_of[id(h)] for h in hits]


def touching_groups(geoms: Sequence[BaseGeometry], monitor: Optional[Monitor] = None) -> List[List[int]]:
    """Groups of geometries that touch (at an edge or a corner) or overlap, directly or through others.

    Each group lists its indices in increasing order; the groups are ordered by their first index.
    """
    monitor = ensure(monitor)
    parent = list(range(len(geoms)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shapely 1.8 announces STRtree's 2.0 interface
        tree = STRtree(list(geoms))
    index_of: Dict[int, int] = {id(g): k for k, g in enumerate(geoms)}
    for k, g in enumerate(geoms):
        if k % 500 == 0:
            monitor.check()
        for j in hit_indices(tree.query(g), index_of):
            if j > k and g.intersects(geoms[j]):
                ra, rb = find(k), find(j)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    members: Dict[int, List[int]] = {}
    for k in range(len(geoms)):
        members.setdefault(find(k), []).append(k)
    return sorted(members.values(), key=lambda m: m[0])


def dissolve_zones(cells: GiCells, min_class: int, points_xy: Optional[np.ndarray], min_area: float,
                   monitor: Optional[Monitor] = None) -> List[Zone]:
    """Zones of touching hot cells (at an edge or a corner) of any shape, described as :class:`Zone`.

    The cells of class *min_class* or higher that touch are dissolved into one zone; its peak
    is the highest z-score (the first such cell on ties) at that cell's centroid, its mean the
    mean z-score. *points_xy* are counted per zone (a point on the border of two zones counts for
    the first). Zones smaller than *min_area* are dropped; the rest are ranked as in :func:`_zones`.
    """
    sel = np.flatnonzero(cells.classes >= min_class)
    if sel.size == 0:
        return []
    geoms = [cells.shapes[i] for i in sel]
    if any(g is None for g in geoms):
        raise ValueError("read_gistar was asked for a higher minimum class")
    groups = touching_groups(geoms, monitor)
    zone_geoms = [unary_union([geoms[k] for k in m]) if len(m) > 1 else geoms[m[0]] for m in groups]
    counts = None
    if points_xy is not None:
        pts = np.asarray(points_xy, dtype=float).reshape(-1, 2)
        owner = assign_to_polygons(pts[:, 0], pts[:, 1], zone_geoms, monitor)
        counts = np.bincount(owner[owner >= 0], minlength=len(groups))
    keyed = []
    for g, (m, geom) in enumerate(zip(groups, zone_geoms)):
        area = float(geom.area)
        if area < min_area:
            continue
        z = cells.z[sel[m]]
        top = int(np.argmax(z))
        centre = geoms[m[top]].centroid
        zone = Zone(geometry=geom, peak=float(z[top]), peak_x=float(centre.x), peak_y=float(centre.y),
                    area=area, n_cells=len(m), mean=float(z.mean()),
                    n_incidents=None if counts is None else int(counts[g]), rank=0)
        keyed.append((-zone.peak, -area, g, zone))
    keyed.sort(key=lambda item: item[:3])
    for rank, item in enumerate(keyed, start=1):
        item[3].rank = rank
    return [item[3] for item in keyed]


def zone_ids(zones: Sequence[Zone]) -> List[int]:
    """Numbers 1..n from north to south (then west to east) by each zone's northernmost edge."""
    order = sorted(range(len(zones)), key=lambda i: (-zones[i].geometry.bounds[3],
                                                     zones[i].geometry.bounds[0]))
    ids = [0] * len(zones)
    for k, i in enumerate(order, start=1):
        ids[i] = k
    return ids


__all__ = ["Zone", "zones_from_raster", "zones_from_classes", "select_top_percent", "GiCells", "Lattice",
           "square_lattice", "dissolve_zones", "touching_groups", "zone_ids", "cell_centre"]
