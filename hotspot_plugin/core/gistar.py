"""Getis-Ord Gi* hot spot statistics on a square grid, a hexagonal grid or polygons (pure core).

The pieces, in the order ``hotspot:gistar`` uses them:

1. **Binning** -- :func:`square_grid` and :func:`hex_grid` count incidents (or sum a weight)
   per cell. Square cells have edges on multiples of the cell size, so a 100 m grid lines up
   with the CBS 100 m squares. In polygon mode the caller computes one value per polygon and
   passes the values with the centroids.
2. **Weights** -- binary distance band ``D`` between cell centres (or centroids), the cell
   itself included (the "star"): ``w_ij = 1`` when ``d_ij <= D``. A tiny tolerance of
   ``1e-9 * D`` absorbs round-off, so a band of exactly 3 cell sizes includes the cell 3
   cells away. On a square grid the window sums are exact disc convolutions with per-row
   prefix sums (:func:`window_sums`; integer counts are summed in int64); elsewhere a
   :class:`scipy.spatial.cKDTree` gives the neighbour pairs.
3. **z-scores** -- :func:`gi_star_z`, the formula of ``reference/maths.md``, equal to PySAL's
   ``esda.G_Local(y, w, transform='B', star=True).Zs`` and ArcGIS's Hot Spot Analysis z.
4. **Conditional permutation pseudo p-values** -- :func:`permutation_pvalues`.
5. **Benjamini-Hochberg FDR** -- :func:`fdr_bh`, and the ArcGIS-style classes,
   :func:`classify_spots`.
6. **Automatic choices** -- :func:`suggest_cell_size`, :func:`suggest_band`,
   :func:`suggest_band_polygons`; each returns an :class:`AutoChoice` whose ``template``
   (English, marked with ``N_``) and ``params`` the caller translates, fills and logs.
7. **Entry point** -- :func:`gistar`.

Cells outside the study area can be left out with a boolean ``mask``: they take no part in
``n``, the mean, the standard deviation, the neighbour counts or the permutations, and get
NaN z and p and class 0.
"""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np
from scipy.spatial import cKDTree
from scipy.stats import norm
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from .errors import InputError
from .fdr import fdr_bh
from .gistar_null import (
    DEFAULT_PERMUTATIONS,
    MAX_EXACT_GROUPS,
    NULL_BUDGET,
    conditional_tail_probabilities,
    permutation_pvalues,
    sample_distinct,
)
from .i18n import N_
from .progress import Monitor, ensure
from .shapely_compat import contains_xy

#: Relative tolerance on the distance band (``d <= D * (1 + BAND_RTOL)`` counts as inside).
BAND_RTOL = 1e-9
#: Largest grid the binning functions build (cells); beyond it memory use becomes a problem.
MAX_CELLS = 10_000_000
#: Confidence levels as ArcGIS reports them: (class level, alpha).
LEVELS: Tuple[Tuple[int, float], ...] = ((1, 0.10), (2, 0.05), (3, 0.01))

_SQRT3 = math.sqrt(3.0)

Extent = Tuple[float, float, float, float]
Centres = Union[np.ndarray, Tuple[np.ndarray, np.ndarray]]


# ----------------------------------------------------------------------------------------------
# Grids
# ----------------------------------------------------------------------------------------------

@dataclass
class SquareGrid:
    """Values per cell of a square grid whose cell edges are multiples of ``cell``.

    Cells are numbered row-major from the top-left: index ``i = row * cols + col``, row 0 is
    the northernmost row (the order of a GeoTIFF). ``values`` is 1-D (``rows * cols``);
    :attr:`values_2d` is the same data as a ``(rows, cols)`` view. ``transform`` is the GDAL
    geotransform ``(x0, cell, 0, y0, 0, -cell)`` with ``(x0, y0)`` the top-left corner.
    """

    cell: float
    x0: float
    y0: float
    rows: int
    cols: int
    values: np.ndarray
    n_points: int = 0
    n_outside: int = 0
    kind: str = field(default="square", init=False)

    @property
    def n(self) -> int:
        """Number of cells."""
        return self.rows * self.cols

    @property
    def shape(self) -> Tuple[int, int]:
        """``(rows, cols)``."""
        return self.rows, self.cols

    @property
    def transform(self) -> Tuple[float, float, float, float, float, float]:
        """GDAL geotransform of the grid."""
        return (self.x0, self.cell, 0.0, self.y0, 0.0, -self.cell)

    @property
    def values_2d(self) -> np.ndarray:
        """``values`` as a ``(rows, cols)`` array (a view)."""
        return self.values.reshape(self.rows, self.cols)

    def to_2d(self, per_cell: np.ndarray) -> np.ndarray:
        """Reshape any 1-D per-cell array (z, p, classes...) to ``(rows, cols)``."""
        return np.asarray(per_cell).reshape(self.rows, self.cols)

    @cached_property
    def cx(self) -> np.ndarray:
        """x of every cell centre (1-D)."""
        cols = self.x0 + (np.arange(self.cols) + 0.5) * self.cell
        return np.tile(cols, self.rows)

    @cached_property
    def cy(self) -> np.ndarray:
        """y of every cell centre (1-D)."""
        rows = self.y0 - (np.arange(self.rows) + 0.5) * self.cell
        return np.repeat(rows, self.cols)

    def polygon(self, i: int) -> Polygon:
        """The square of cell *i* as a shapely polygon."""
        r, c = divmod(int(i), self.cols)
        x = self.x0 + c * self.cell
        y = self.y0 - (r + 1) * self.cell
        return box(x, y, x + self.cell, y + self.cell)

    def polygons(self, indices: Optional[Sequence[int]] = None) -> Iterator[Polygon]:
        """Polygons of the given cells (all cells when *indices* is None), in that order."""
        for i in (range(self.n) if indices is None else indices):
            yield self.polygon(int(i))

    def mask_within(self, geometry: BaseGeometry) -> np.ndarray:
        """Boolean per cell: True where the cell centre lies inside *geometry* (the study area)."""
        return contains_xy(geometry, self.cx, self.cy)


@dataclass
class HexGrid:
    """Values per cell of a hexagonal grid with **flat-topped** hexagons.

    ``cell`` is the distance between the centres of neighbouring hexagons (= the width
    across the flat sides); each hexagon has circumradius ``cell / sqrt(3)`` and area
    ``sqrt(3) / 2 * cell**2``. Hexagons stand in columns ``q`` at ``x = q * cell * sqrt(3) / 2``;
    in column ``q`` the centres lie at ``y = (r + (q mod 2) / 2) * cell``. The lattice is
    anchored at (0, 0), so the same cell size always gives the same hexagons whatever the
    extent. ``q`` and ``r`` hold each cell's lattice indices.
    """

    cell: float
    q: np.ndarray
    r: np.ndarray
    values: np.ndarray
    n_points: int = 0
    n_outside: int = 0
    kind: str = field(default="hex", init=False)

    @property
    def n(self) -> int:
        """Number of cells."""
        return int(self.values.size)

    @property
    def radius(self) -> float:
        """Circumradius of a hexagon (centre to corner)."""
        return self.cell / _SQRT3

    @cached_property
    def cx(self) -> np.ndarray:
        """x of every cell centre."""
        return self.q * (self.cell * _SQRT3 / 2.0)

    @cached_property
    def cy(self) -> np.ndarray:
        """y of every cell centre."""
        return (self.r + np.mod(self.q, 2) * 0.5) * self.cell

    def polygon(self, i: int) -> Polygon:
        """The hexagon of cell *i* as a shapely polygon (corners at 0, 60, ..., 300 degrees)."""
        x, y, rad = float(self.cx[i]), float(self.cy[i]), self.radius
        ang = np.deg2rad(np.arange(0, 360, 60))
        return Polygon(list(zip(x + rad * np.cos(ang), y + rad * np.sin(ang))))

    def polygons(self, indices: Optional[Sequence[int]] = None) -> Iterator[Polygon]:
        """Polygons of the given cells (all cells when *indices* is None), in that order."""
        for i in (range(self.n) if indices is None else indices):
            yield self.polygon(int(i))

    def mask_within(self, geometry: BaseGeometry) -> np.ndarray:
        """Boolean per cell: True where the cell centre lies inside *geometry* (the study area)."""
        return contains_xy(geometry, self.cx, self.cy)


Grid = Union[SquareGrid, HexGrid]


def _points(x: Any, y: Any, weights: Any) -> Tuple[np.ndarray, np.ndarray, Optional[np.ndarray]]:
    xa = np.asarray(x, dtype=float).ravel()
    ya = np.asarray(y, dtype=float).ravel()
    if xa.size != ya.size:
        raise InputError(N_("The x and y coordinates differ in length ({nx} and {ny})."),
                         nx=xa.size, ny=ya.size)
    if not (np.all(np.isfinite(xa)) and np.all(np.isfinite(ya))):
        raise InputError(N_("Some incidents have no valid coordinates (empty or infinite). "
                            "Remove or repair them first."))
    wa = None
    if weights is not None:
        wa = np.asarray(weights, dtype=float).ravel()
        if wa.size != xa.size:
            raise InputError(N_("There are {nw} weights for {n} incidents."), nw=wa.size, n=xa.size)
        if not np.all(np.isfinite(wa)):
            raise InputError(N_("Some incidents have an empty (NULL) or invalid weight. "
                                "Fill in the weights or run without a weight field."))
    return xa, ya, wa


def _check_cell(cell: float) -> float:
    c = float(cell)
    if not math.isfinite(c) or c <= 0:
        raise InputError(N_("The cell size must be a positive number of metres, not {cell}."), cell=cell)
    return c


def _extent(x: np.ndarray, y: np.ndarray, extent: Optional[Extent]) -> Extent:
    if extent is None:
        if x.size == 0:
            raise InputError(N_("There are no incidents to count and no extent was given."))
        return float(x.min()), float(y.min()), float(x.max()), float(y.max())
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)) or xmin > xmax or ymin > ymax:
        raise InputError(N_("The extent {extent} is not a valid rectangle (xmin, ymin, xmax, ymax)."),
                         extent=extent)
    return xmin, ymin, xmax, ymax


def square_grid(x: Any, y: Any, weights: Any = None, cell: float = 100.0,
                extent: Optional[Extent] = None, max_cells: int = MAX_CELLS) -> SquareGrid:
    """Count incidents (or sum their *weights*) per square cell.

    The grid runs from ``floor(xmin / cell) * cell`` to ``ceil(xmax / cell) * cell`` (and
    likewise in y), with *extent* ``(xmin, ymin, xmax, ymax)`` or, when it is None, the
    bounding box of the points; so cell edges are multiples of the cell size (CBS-aligned).
    A cell holds the points with ``x0 <= x < x0 + cell`` and ``y0 <= y < y0 + cell``; only on
    the grid's outer right and top edges the last cell also takes points lying exactly on
    the edge. Points outside the grid are not counted (``n_outside``).
    """
    c = _check_cell(cell)
    xa, ya, wa = _points(x, y, weights)
    xmin, ymin, xmax, ymax = _extent(xa, ya, extent)
    c0, c1 = math.floor(xmin / c), math.ceil(xmax / c)
    r0, r1 = math.floor(ymin / c), math.ceil(ymax / c)
    c1 = max(c1, c0 + 1)
    r1 = max(r1, r0 + 1)
    cols, rows = c1 - c0, r1 - r0
    if rows * cols > max_cells:
        raise InputError(N_("With a cell size of {cell} m the grid would have {n_cells} cells "
                            "({rows} x {cols}); at most {max_cells} are allowed. Choose a larger "
                            "cell size or a smaller extent."),
                         cell=c, n_cells=rows * cols, rows=rows, cols=cols, max_cells=max_cells)
    ix = np.floor(xa / c).astype(np.int64) - c0
    iy = np.floor(ya / c).astype(np.int64) - r0
    ix[(ix == cols) & (xa <= c1 * c)] = cols - 1
    iy[(iy == rows) & (ya <= r1 * c)] = rows - 1
    inside = (ix >= 0) & (ix < cols) & (iy >= 0) & (iy < rows)
    idx = (rows - 1 - iy[inside]) * cols + ix[inside]
    vals = np.bincount(idx, weights=None if wa is None else wa[inside], minlength=rows * cols)
    return SquareGrid(cell=c, x0=c0 * c, y0=r1 * c, rows=rows, cols=cols,
                      values=vals.astype(float), n_points=int(inside.sum()),
                      n_outside=int(xa.size - inside.sum()))


def _hex_assign(x: np.ndarray, y: np.ndarray, cell: float) -> Tuple[np.ndarray, np.ndarray]:
    """Lattice indices (q, r) of the hexagon (nearest centre) holding each point."""
    dx = cell * _SQRT3 / 2.0
    q0 = np.floor(x / dx).astype(np.int64)
    best_q = q0.copy()
    best_r = np.zeros_like(q0)
    best_d = np.full(x.shape, np.inf)
    for q in (q0, q0 + 1):
        off = np.mod(q, 2) * 0.5
        r = np.floor(y / cell - off + 0.5).astype(np.int64)
        d2 = (x - q * dx) ** 2 + (y - (r + off) * cell) ** 2
        better = d2 < best_d
        best_q[better], best_r[better], best_d[better] = q[better], r[better], d2[better]
    return best_q, best_r


def hex_grid(x: Any, y: Any, weights: Any = None, cell: float = 100.0,
             extent: Optional[Extent] = None, max_cells: int = MAX_CELLS) -> HexGrid:
    """Count incidents (or sum their *weights*) per flat-topped hexagon (see :class:`HexGrid`).

    The grid holds every hexagon whose bounding box touches the *extent* (or the points'
    bounding box). A point belongs to the hexagon with the nearest centre (a point exactly on
    a shared edge goes to one of the two, deterministically).
    """
    c = _check_cell(cell)
    xa, ya, wa = _points(x, y, weights)
    xmin, ymin, xmax, ymax = _extent(xa, ya, extent)
    dx, rad = c * _SQRT3 / 2.0, c / _SQRT3
    q_lo, q_hi = math.ceil((xmin - rad) / dx), math.floor((xmax + rad) / dx)
    r_lo = math.ceil((ymin - c) / c) - 1
    r_hi = math.floor((ymax + c) / c) + 1
    nq, nr = q_hi - q_lo + 1, r_hi - r_lo + 1
    if nq * nr > 2 * max_cells:
        raise InputError(N_("With a cell size of {cell} m the grid would have {n_cells} cells "
                            "({rows} x {cols}); at most {max_cells} are allowed. Choose a larger "
                            "cell size or a smaller extent."),
                         cell=c, n_cells=nq * nr, rows=nr, cols=nq, max_cells=max_cells)
    qq, rr = np.meshgrid(np.arange(q_lo, q_hi + 1), np.arange(r_lo, r_hi + 1), indexing="ij")
    qq, rr = qq.ravel(), rr.ravel()
    cy = (rr + np.mod(qq, 2) * 0.5) * c
    keep = (cy - c / 2.0 <= ymax) & (cy + c / 2.0 >= ymin)
    qq, rr = qq[keep], rr[keep]
    if qq.size > max_cells:
        raise InputError(N_("With a cell size of {cell} m the grid would have {n_cells} cells "
                            "({rows} x {cols}); at most {max_cells} are allowed. Choose a larger "
                            "cell size or a smaller extent."),
                         cell=c, n_cells=qq.size, rows=nr, cols=nq, max_cells=max_cells)
    lookup = np.full((nq, nr), -1, dtype=np.int64)
    lookup[qq - q_lo, rr - r_lo] = np.arange(qq.size)
    pq, pr = _hex_assign(xa, ya, c)
    ok = (pq >= q_lo) & (pq <= q_hi) & (pr >= r_lo) & (pr <= r_hi)
    cid = np.full(xa.size, -1, dtype=np.int64)
    cid[ok] = lookup[pq[ok] - q_lo, pr[ok] - r_lo]
    inside = cid >= 0
    vals = np.bincount(cid[inside], weights=None if wa is None else wa[inside], minlength=qq.size)
    return HexGrid(cell=c, q=qq, r=rr, values=vals.astype(float), n_points=int(inside.sum()),
                   n_outside=int(xa.size - inside.sum()))


# ----------------------------------------------------------------------------------------------
# Weights: window sums and neighbour pairs
# ----------------------------------------------------------------------------------------------

def disc_half_widths(radius_cells: float) -> np.ndarray:
    """Half-widths of a disc of *radius_cells* on a unit grid, one per row offset.

    Element ``k + dr`` (``dr = -k..k``, ``k = len // 2``) is the largest ``h`` with
    ``dr**2 + h**2 <= (radius_cells * (1 + BAND_RTOL))**2``: the disc is the set of cell offsets
    ``(dr, dc)`` with ``|dc| <= h[dr]``.
    """
    r2 = (float(radius_cells) * (1.0 + BAND_RTOL)) ** 2
    k = int(math.floor(math.sqrt(r2)))
    while (k + 1) ** 2 <= r2:
        k += 1
    while k > 0 and k * k > r2:
        k -= 1
    hw = np.empty(2 * k + 1, dtype=np.int64)
    for dr in range(-k, k + 1):
        rem = r2 - dr * dr
        h = int(math.floor(math.sqrt(rem)))
        while (h + 1) ** 2 <= rem:
            h += 1
        while h > 0 and h * h > rem:
            h -= 1
        hw[dr + k] = h
    return hw


def window_sums(a: np.ndarray, radius_cells: float, monitor: Optional[Monitor] = None) -> np.ndarray:
    """Sum of *a* over the disc of *radius_cells* around every cell (cells off the grid count 0).

    Exact: per row offset of the disc the run of columns is summed with row prefix sums.
    Integer input is summed in int64 (exact); anything else in float64.
    """
    monitor = ensure(monitor)
    a = np.asarray(a)
    if a.ndim != 2:
        raise ValueError("window_sums needs a 2-D array")
    dtype = np.int64 if np.issubdtype(a.dtype, np.integer) or a.dtype == bool else np.float64
    rows, cols = a.shape
    pre = np.zeros((rows, cols + 1), dtype=dtype)
    np.cumsum(a, axis=1, dtype=dtype, out=pre[:, 1:])
    out = np.zeros((rows, cols), dtype=dtype)
    hw = disc_half_widths(radius_cells)
    k = hw.size // 2
    j = np.arange(cols)
    cache: Dict[int, Tuple[np.ndarray, np.ndarray]] = {}
    for t, dr in enumerate(range(-k, k + 1)):
        monitor.check()
        h = int(hw[dr + k])
        if h not in cache:
            cache[h] = (np.minimum(j + h + 1, cols), np.maximum(j - h, 0))
        hi, lo = cache[h]
        r0, r1 = max(0, -dr), min(rows, rows - dr)
        if r0 >= r1:
            continue
        src = pre[r0 + dr:r1 + dr]
        out[r0:r1] += src[:, hi] - src[:, lo]
        monitor.set(100.0 * (t + 1) / hw.size)
    return out


def neighbour_pairs(x: np.ndarray, y: np.ndarray, band: float) -> Tuple[np.ndarray, np.ndarray]:
    """All pairs ``(i, j)``, ``i < j``, whose points lie within *band* of each other."""
    pts = np.column_stack([np.asarray(x, float), np.asarray(y, float)])
    if pts.shape[0] < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pairs = cKDTree(pts).query_pairs(r=float(band) * (1.0 + BAND_RTOL), output_type="ndarray")
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


def lag_from_pairs(x: np.ndarray, i: np.ndarray, j: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Star window sums ``sum_j w_ij x_j`` and ``W_i`` (self included) from neighbour pairs."""
    n = x.size
    lag = (x.astype(float) + np.bincount(i, weights=x[j], minlength=n)
           + np.bincount(j, weights=x[i], minlength=n))
    w = 1 + np.bincount(i, minlength=n) + np.bincount(j, minlength=n)
    return lag, w.astype(np.int64)


# ----------------------------------------------------------------------------------------------
# z-scores
# ----------------------------------------------------------------------------------------------

def gi_star_z(x: np.ndarray, lag: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Gi* z-scores of the *n* participating observations.

    ``Z_i = (lag_i - xbar * W_i) / (S * sqrt((n * W_i - W_i**2) / (n - 1)))`` with
    ``xbar`` the mean and ``S`` the population standard deviation of *x* (see maths.md).
    A cell whose window holds all *n* observations (``W_i == n``) has no variance and gets 0.
    Raises :class:`InputError` for fewer than 3 observations or all values equal.
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    if n < 3:
        raise InputError(N_("Gi* needs at least 3 cells or areas, there are {n}."), n=n)
    xbar = float(x.sum()) / n
    if np.all(x == x[0]):
        raise InputError(N_("All {n} cells or areas have the same value ({value}), so there is "
                            "no hot or cold spot to find. Check the input, the filter or the extent."),
                         n=n, value=float(x[0]))
    s = math.sqrt(float(np.mean((x - xbar) ** 2)))
    wf = np.asarray(w, dtype=float)
    lagf = np.asarray(lag, dtype=float)
    var = (n * wf - wf * wf) / (n - 1)
    z = np.zeros(n)
    ok = var > 0
    z[ok] = (lagf[ok] - xbar * wf[ok]) / (s * np.sqrt(var[ok]))
    return z


# ----------------------------------------------------------------------------------------------
# FDR and classes
# ----------------------------------------------------------------------------------------------

def classify_spots(z: np.ndarray, p: np.ndarray, fdr: bool = True,
                   direction: Optional[np.ndarray] = None) -> np.ndarray:
    """Hot/cold spot classes as ArcGIS reports them (int8 per cell).

    +3/+2/+1: hot spot with 99/95/90 % confidence; -3/-2/-1 the same for cold spots; 0 not
    significant. A cell's level is the highest confidence whose test it passes: ``p <= alpha``
    with alpha 0.01/0.05/0.10, or with *fdr* the Benjamini-Hochberg test at that alpha over all
    cells with a finite p. The sign comes from z. With *direction* (+1/-1 per cell: the tail the
    p-value was computed in) a cell whose tail disagrees with the sign of z stays 0.
    """
    za = np.asarray(z, dtype=float)
    pa = np.asarray(p, dtype=float)
    level = np.zeros(za.shape, dtype=np.int8)
    for lev, alpha in LEVELS:
        sig = fdr_bh(pa, alpha) if fdr else (np.isfinite(pa) & (pa <= alpha))
        level[sig] = lev
    sign = np.sign(np.nan_to_num(za, nan=0.0)).astype(np.int8)
    if direction is not None:
        sign[sign != np.asarray(direction)] = 0
    return (level * sign).astype(np.int8)


# ----------------------------------------------------------------------------------------------
# Automatic choices
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AutoChoice:
    """A value chosen automatically, with the explanation the log shows.

    ``template`` is English text marked with ``N_`` and ``{placeholders}`` filled from
    ``params`` after translation.
    """

    value: float
    template: str
    params: Dict[str, Any]

    def message(self, translate: Optional[Callable[[str], str]] = None) -> str:
        """The filled-in explanation, translated by *translate* if given."""
        text = translate(self.template) if translate else self.template
        return text.format(**self.params)


#: Cell sizes the automatic choice picks from (metres).
NICE_CELL_SIZES: Tuple[float, ...] = (25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 2500.0,
                                      5000.0, 10000.0, 20000.0, 25000.0, 50000.0)
#: Target mean number of incidents in a cell that holds any.
TARGET_PER_CELL = 3.0
#: Sensible number of cells over the study area.
MIN_AUTO_CELLS = 30
MAX_AUTO_CELLS = 1_000_000


def suggest_cell_size(x: Any, y: Any, area: Optional[float] = None,
                      extent: Optional[Extent] = None) -> AutoChoice:
    """Pick a cell size for Gi* from the incidents and the size of the study area.

    Rule: among the nice sizes 25, 50, 100, 200, 250, 500 m, 1, 2, 2.5, 5 km, ... keep those
    that give between 30 and 1 000 000 cells over the study area (*area* in m², else the
    *extent*'s area, else the points' bounding box); take the smallest at which the cells that
    hold any incident hold at least 3 on average. If none reaches 3, take the largest kept
    size; if none is kept (a very small area), take 25 m.
    """
    xa, ya, _ = _points(x, y, None)
    if xa.size == 0:
        raise InputError(N_("There are no incidents, so no cell size can be chosen. Check the "
                            "input layer and the filter."))
    if area is None:
        xmin, ymin, xmax, ymax = _extent(xa, ya, extent)
        area = (xmax - xmin) * (ymax - ymin)
    area = float(area)
    if not math.isfinite(area) or area <= 0:
        raise InputError(N_("The study area has no size (all incidents at one spot?), so no cell "
                            "size can be chosen. Give a cell size."))
    kept = [c for c in NICE_CELL_SIZES if MIN_AUTO_CELLS <= area / (c * c) <= MAX_AUTO_CELLS]

    def per_cell(c: float) -> Tuple[float, int]:
        ix = np.floor(xa / c).astype(np.int64)
        iy = np.floor(ya / c).astype(np.int64)
        ix -= ix.min()
        iy -= iy.min()
        nonempty = int(np.unique(ix * (int(iy.max()) + 1) + iy).size)
        return xa.size / nonempty, nonempty

    params: Dict[str, Any] = {"area_km2": round(area / 1e6, 3), "n_points": int(xa.size),
                              "target": TARGET_PER_CELL}
    if not kept:
        c = NICE_CELL_SIZES[0]
        mean, nonempty = per_cell(c)
        params.update(cell=c, n_cells=int(math.ceil(area / (c * c))), nonempty=nonempty,
                      mean=round(mean, 2))
        return AutoChoice(c, N_("Cell size {cell} m chosen automatically: the study area "
                                "({area_km2} km²) is small, so the smallest size offered was "
                                "taken; {nonempty} of the about {n_cells} cells hold incidents, "
                                "{mean} on average."), params)
    for c in kept:
        mean, nonempty = per_cell(c)
        if mean >= TARGET_PER_CELL:
            params.update(cell=c, n_cells=int(round(area / (c * c))), nonempty=nonempty,
                          mean=round(mean, 2))
            return AutoChoice(c, N_("Cell size {cell} m chosen automatically: the smallest size "
                                    "at which the cells holding incidents hold at least {target} "
                                    "on average ({nonempty} cells hold {n_points} incidents, "
                                    "{mean} each); about {n_cells} cells cover the study area "
                                    "of {area_km2} km²."), params)
    c = kept[-1]
    mean, nonempty = per_cell(c)
    params.update(cell=c, n_cells=int(round(area / (c * c))), nonempty=nonempty, mean=round(mean, 2))
    return AutoChoice(c, N_("Cell size {cell} m chosen automatically: the incidents are too "
                            "spread out to reach {target} per occupied cell with at least 30 "
                            "cells, so the largest sensible size was taken ({nonempty} cells "
                            "hold {n_points} incidents, {mean} each; about {n_cells} cells "
                            "cover {area_km2} km²)."), params)


def suggest_band(cell: float, kind: str = "square") -> AutoChoice:
    """Distance band for a grid so that every inner cell has at least 8 neighbours.

    Square grid: 1.5 x the cell size, which takes in the 8 surrounding cells (the "queen"
    neighbourhood; the next cells lie 2 cell sizes away). Hexagonal grid: 1.8 x the centre
    spacing, which takes in the first two rings (12 neighbours), because the first ring holds
    only 6. Cells at the edge of the grid or the study area have fewer.
    """
    c = _check_cell(cell)
    if kind == "hex":
        band = 1.8 * c
        return AutoChoice(band, N_("Distance band {band} m chosen automatically: 1.8 times the "
                                   "hexagon spacing of {cell} m, so every hexagon away from the "
                                   "edge counts its {neighbours} nearest neighbours (two rings)."),
                          {"band": round(band, 3), "cell": c, "neighbours": 12})
    band = 1.5 * c
    return AutoChoice(band, N_("Distance band {band} m chosen automatically: 1.5 times the cell "
                               "size of {cell} m, so every cell away from the edge counts its "
                               "{neighbours} surrounding cells as neighbours."),
                      {"band": round(band, 3), "cell": c, "neighbours": 8})


def suggest_band_polygons(cx: Any, cy: Any) -> AutoChoice:
    """Distance band for polygons: the largest nearest-neighbour distance between centroids.

    Every polygon then has at least one neighbour (the rule ArcGIS uses by default).
    """
    xa, ya, _ = _points(cx, cy, None)
    if xa.size < 2:
        raise InputError(N_("Gi* needs at least 3 cells or areas, there are {n}."), n=xa.size)
    dist, _ = cKDTree(np.column_stack([xa, ya])).query(np.column_stack([xa, ya]), k=2)
    nn = dist[:, 1]
    band = float(nn.max())
    if band <= 0:
        raise InputError(N_("All areas have the same centroid, so no distance band can be chosen."))
    return AutoChoice(band, N_("Distance band {band} m chosen automatically: the largest distance "
                               "from an area's centroid to the nearest other centroid, so every "
                               "area has at least one neighbour (median nearest distance "
                               "{median} m)."),
                      {"band": round(band, 3), "median": round(float(np.median(nn)), 3)})


# ----------------------------------------------------------------------------------------------
# Entry point
# ----------------------------------------------------------------------------------------------

@dataclass
class GiStarResult:
    """Gi* per cell (or polygon), in the order of the input; NaN/0 for cells outside the mask.

    ``z``: Gi* z-score. ``p_sim``: folded one-sided conditional-permutation pseudo p-value
    (esda's ``p_sim``; NaN without permutations). ``p``: the p-value the classes use
    (``min(1, 2 * p_sim)`` by default; ``p_sim`` with ``two_sided=False``; the normal two-sided
    p when ``permutations == 0`` or ``p_source="normal"``).
    ``p_norm``: two-sided p-value of z under the normal distribution (what ArcGIS reports).
    ``classes``: -3..+3 (see :func:`classify_spots`). ``neighbours``: ``W_i``, self included.
    ``lag``: ``sum_j w_ij x_j``. ``mask``: cells that took part. ``summary``: plain numbers.
    """

    z: np.ndarray
    p: np.ndarray
    p_sim: np.ndarray
    p_norm: np.ndarray
    classes: np.ndarray
    neighbours: np.ndarray
    lag: np.ndarray
    mask: np.ndarray
    summary: Dict[str, Any]


def _centres(where: Any) -> Tuple[np.ndarray, np.ndarray]:
    if isinstance(where, tuple) and len(where) == 2:
        return np.asarray(where[0], float).ravel(), np.asarray(where[1], float).ravel()
    arr = np.asarray(where, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError("centres must be an (n, 2) array or an (x, y) tuple")
    return arr[:, 0], arr[:, 1]


def gistar(values: Optional[np.ndarray], where: Union[Grid, Centres], band: float, *,
           mask: Optional[np.ndarray] = None, permutations: int = DEFAULT_PERMUTATIONS,
           seed: Union[None, int, np.random.Generator] = None, fdr: bool = True,
           two_sided: bool = True, p_source: str = "permutation",
           max_exact_groups: int = MAX_EXACT_GROUPS, monitor: Optional[Monitor] = None) -> GiStarResult:
    """Getis-Ord Gi* with binary distance-band weights (self included) and permutation inference.

    *where* is a :class:`SquareGrid` (exact window sums on the 2-D grid), a :class:`HexGrid`,
    or the centres of the observations (``(n, 2)`` array or ``(x, y)`` tuple; polygon mode).
    *values* defaults to the grid's values. *band* is the distance band in map units.
    *mask* (bool per cell) limits the analysis to the study area. *permutations* (default
    ``DEFAULT_PERMUTATIONS``; 0 for none) independent conditional permutations per cell, drawn
    with ``numpy.random.default_rng(seed)``; without a *seed* one is drawn and reported as
    ``summary["seed"]``, so every run can be repeated.
    Classes use the two-sided p-value ``min(1, 2 * p_sim)`` (*two_sided*, so 95 % means what
    it means for ArcGIS's ``|z| > 1.96``) or esda's one-sided ``p_sim`` itself, with
    Benjamini-Hochberg FDR when *fdr*. See :func:`permutation_pvalues` for *max_exact_groups*.

    *p_source* ``"normal"`` bases ``p`` and the classes on the two-sided normal p-value of z
    instead (ArcGIS's Hot Spot Analysis, identical classes); the permutation p-values are still
    computed into ``p_sim`` when *permutations* > 0. Note that a pseudo p-value is never below
    ``1 / (permutations + 1)`` (two-sided: twice that), so with FDR over many cells the 99 %
    level may be out of reach for permutation classes; the summary reports ``min_p``.
    """
    monitor = ensure(monitor)
    monitor.set(0)
    b = float(band)
    if not math.isfinite(b) or b <= 0:
        raise InputError(N_("The distance band must be a positive distance, not {band}."), band=band)
    if p_source not in ("permutation", "normal"):
        raise ValueError("p_source must be 'permutation' or 'normal'")
    perms = int(permutations)
    if perms < 0:
        raise InputError(N_("The number of permutations cannot be negative ({permutations})."),
                         permutations=permutations)
    is_square = isinstance(where, SquareGrid)
    if values is None:
        if not isinstance(where, (SquareGrid, HexGrid)):
            raise ValueError("values are required with plain centres")
        values = where.values
    vals = np.asarray(values, dtype=float).ravel()
    if isinstance(where, (SquareGrid, HexGrid)):
        n_all = where.n
    else:
        cx, cy = _centres(where)
        n_all = cx.size
    if vals.size != n_all:
        raise InputError(N_("There are {nv} values for {n} cells or areas."), nv=vals.size, n=n_all)
    part = np.ones(n_all, dtype=bool) if mask is None else np.asarray(mask, dtype=bool).ravel()
    if part.size != n_all:
        raise InputError(N_("The study-area mask has {nm} cells, the grid {n}."), nm=part.size, n=n_all)
    if not np.all(np.isfinite(vals[part])):
        raise InputError(N_("Some cells or areas have no valid value (empty or infinite). "
                            "Fill them in or leave them out of the study area."))
    n = int(part.sum())
    if n < 3:
        raise InputError(N_("Gi* needs at least 3 cells or areas, there are {n}."), n=n)

    # Window sums.
    sums_mon = monitor.sub(0, 10)
    lag_all = np.full(n_all, np.nan)
    w_all = np.zeros(n_all, dtype=np.int64)
    if is_square:
        grid = where
        assert isinstance(grid, SquareGrid)
        x2 = np.where(part, vals, 0.0).reshape(grid.shape)
        if np.all(x2 == np.round(x2)) and float(np.abs(x2).sum()) < 2.0 ** 52:
            x2 = x2.astype(np.int64)
        lag2 = window_sums(x2, b / grid.cell, sums_mon.sub(0, 50))
        w2 = window_sums(part.reshape(grid.shape).astype(np.int64), b / grid.cell, sums_mon.sub(50, 100))
        lag_all[part] = lag2.ravel()[part]
        w_all[part] = w2.ravel()[part]
    else:
        if isinstance(where, (SquareGrid, HexGrid)):
            cx, cy = where.cx, where.cy
        idx = np.flatnonzero(part)
        i, j = neighbour_pairs(cx[idx], cy[idx], b)
        monitor.check()
        lag_p, w_p = lag_from_pairs(vals[idx], i, j)
        lag_all[idx] = lag_p
        w_all[idx] = w_p
    monitor.set(10)
    x = vals[part]
    lag = lag_all[part]
    w = w_all[part]
    if int(w.max()) <= 1:
        raise InputError(N_("With a distance band of {band} m no cell or area has a neighbour. "
                            "Choose a larger distance band (at least the distance between "
                            "neighbouring centres)."), band=b)
    zp = gi_star_z(x, lag, w)
    z = np.full(n_all, np.nan)
    z[part] = zp
    p_norm = np.full(n_all, np.nan)
    p_norm[part] = np.minimum(1.0, 2.0 * norm.sf(np.abs(zp)))

    p_sim = np.full(n_all, np.nan)
    exact = True
    direction = None
    if seed is None:
        seed = secrets.randbits(31)  # recorded in the summary, so the run can be repeated
    if perms > 0:
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
        ps, upper, exact = permutation_pvalues(x, lag, w, perms, rng, max_exact_groups, monitor.sub(10, 95))
        p_sim[part] = ps
        direction = np.zeros(n_all, dtype=np.int8)
        direction[part] = np.where(upper, 1, -1)
        p = np.minimum(1.0, 2.0 * p_sim) if two_sided else p_sim.copy()
    if perms == 0 or p_source == "normal":
        p = p_norm.copy()
        direction = None
    monitor.check()
    classes = classify_spots(z, p, fdr=fdr, direction=direction)
    classes[~part] = 0
    monitor.set(100)

    xbar = float(x.mean())
    summary: Dict[str, Any] = {
        "n_cells": n_all, "n": n, "n_excluded": n_all - n, "total": float(x.sum()), "mean": xbar,
        "std": float(math.sqrt(np.mean((x - xbar) ** 2))), "band": b,
        "neighbours_min": int(w.min()), "neighbours_max": int(w.max()),
        "neighbours_mean": float(w.mean()), "n_isolated": int((w == 1).sum()),
        "permutations": perms, "seed": seed if not isinstance(seed, np.random.Generator) else None,
        "fdr": bool(fdr), "two_sided": bool(two_sided), "p_exact": bool(exact),
        "p_source": "normal" if (perms == 0 or p_source == "normal") else "permutation",
        "min_p": (2.0 if two_sided else 1.0) / (perms + 1) if perms > 0 and p_source != "normal" else 0.0,
        "z_min": float(zp.min()), "z_max": float(zp.max()),
    }
    names = {3: "hot_99", 2: "hot_95", 1: "hot_90", -1: "cold_90", -2: "cold_95", -3: "cold_99",
             0: "not_significant"}
    for lev, name in names.items():
        summary[name] = int((classes[part] == lev).sum())
    return GiStarResult(z=z, p=p, p_sim=p_sim, p_norm=p_norm, classes=classes, neighbours=w_all,
                        lag=lag_all, mask=part, summary=summary)


__all__: List[str] = [
    "SquareGrid", "HexGrid", "square_grid", "hex_grid", "disc_half_widths", "window_sums",
    "neighbour_pairs", "lag_from_pairs", "gi_star_z", "sample_distinct", "permutation_pvalues",
    "conditional_tail_probabilities", "DEFAULT_PERMUTATIONS", "MAX_EXACT_GROUPS", "NULL_BUDGET",
    "fdr_bh", "classify_spots", "AutoChoice", "suggest_cell_size", "suggest_band",
    "suggest_band_polygons", "GiStarResult", "gistar", "LEVELS",
]
