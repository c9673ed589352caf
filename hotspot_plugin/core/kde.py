"""Exact kernel density on a raster grid: the pure core of ``hotspot:densityheatmap``.

Definition (what every output cell holds)
-----------------------------------------
For a cell with true centre ``c`` the value is ``sum(w_p * K(d_p / R_p))`` over all points ``p``
with ``d_p = |p - c| <= R_p`` (``R_p`` is the radius, the same for all points or one per point).
A cell that no point reaches is *not touched*; the caller writes nodata there. A cell reached
only at ``d = R`` is touched and holds 0 for the polynomial kernels, like QGIS's heatmap.

*Tolerance.* Floating-point noise must not decide whether a cell exactly at ``d = R`` counts, so
"reached" means ``d <= R * (1 + TOLERANCE)`` with ``TOLERANCE = 1e-9``. The same tolerance is used
for the rows a point covers and for the column run in each row (both come from the same
``R * (1 + TOLERANCE)``), and an independent brute-force check with that rule gives the same
touched cells. The kernel itself is evaluated with the true ``R``; inside the tolerance band the
polynomial kernels are below 1e-17 (Epanechnikov -2e-9) of their peak.

Kernels (``t = d / R``), raw and scaled (scaled kernels integrate to 1 over the plane):

===  ============  ======================  ===================================
 0   Quartic       (1 - t^2)^2             3 / (pi R^2)
 1   Triangular    1 - (1 - decay) t       3 / ((1 + 2 decay) pi R^2), decay >= 0
 2   Uniform       1                       1 / (pi R^2)
 3   Triweight     (1 - t^2)^3             4 / (pi R^2)
 4   Epanechnikov  1 - t^2                 2 / (pi R^2)
===  ============  ======================  ===================================

How it is fast and still exact
------------------------------
Along one grid row the cells within ``R`` of a point form one contiguous run of columns, and on
that run the polynomial kernels (quartic, triweight, Epanechnikov, uniform) are a polynomial in
the column index ``j``: with ``a`` the point's column position and ``e = rho^2 - dy^2 - a^2``
(all in cells), ``rho^2k * K = (e + 2 a j - j^2)^k``. Each point-row therefore adds its
polynomial's ``2k + 1`` coefficients at the run start and subtracts them one past the run end
(difference arrays, scattered with ``np.bincount``); a prefix sum along the row then gives, per
cell, the summed coefficients of all runs covering it, and Horner's rule gives the value. The
work per point grows with the rows it covers (about ``2 rho``), not its cells (about
``pi rho^2``). The loop in Python runs over the row offset; all points are handled at once.

Round-off: the coefficients are expressed in coordinates local to *tiles* of ``T`` columns
(``T`` about 6 radii, at least 16), each widened by a halo of ``ceil(rho) + 1`` columns, and every
run is recorded entirely in the tile that holds its point. Prefix sums restart per tile, and the
tiles' halos are added onto their neighbours afterwards. Local coordinates stay below about
``T/2 + rho``, which bounds the cancellation of the polynomial to a factor of about
``(1 + (T/rho + 1)^2)^k`` times the float64 epsilon: about 1e-11 of a point's peak for the
triweight (measured: below 3e-11 of the grid maximum with 1e5 points at 50 pixels), far inside
the required 1e-5. Radii given per point are processed in octave classes, each with its own tile
width (at most 12 of its radii). Points whose radius is below ``DIRECT_RADIUS_CELLS`` pixels, and
the triangular kernel (a square root, no polynomial), are evaluated cell by cell, vectorised over
points and column offsets; that costs about ``4 rho^2`` cells per point.

Layout: a band's difference arrays are ``(coefficient, position in tile, band row, tile)``, so the
prefix sums run over an outer axis (``np.cumsum`` along a short inner axis is very slow in numpy
1.24). Points are grouped by row with a radix sort, and every band processes, for each row offset
``k``, the contiguous slice of points whose row + ``k`` falls in the band.

Streaming: :func:`density_bands` yields horizontal bands of rows; points are sorted by ``y``
once, and a band only looks at the points whose window reaches it, so memory stays
``O(band_rows * cols + N)`` whatever the raster height.

Why one module of this size: its size is earned. The derivation above (kernel polynomials as
difference arrays along a row, the exact column runs, the tolerance band) and the code that
implements each step belong together, so a reader can check one against the other.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np

from .errors import InputError
from .i18n import N_
from .progress import Monitor, ensure

ArrayLike = Union[float, Sequence[float], np.ndarray]

#: Relative tolerance of the "d <= R" test (see the module docstring).
TOLERANCE = 1e-9
#: Largest grid (cells) any function here accepts.
MAX_CELLS = 2_000_000_000
#: Points whose radius is below this many pixels are evaluated cell by cell.
DIRECT_RADIUS_CELLS = 3.0
#: Conservative working memory per cell of a band (bytes), used by :func:`choose_band_rows`.
BAND_BYTES_PER_CELL = 256
#: Default memory budget of one band when the caller does not choose the band height.
DEFAULT_BAND_BUDGET = 256 * 1024 * 1024

QUARTIC = 0
TRIANGULAR = 1
UNIFORM = 2
TRIWEIGHT = 3
EPANECHNIKOV = 4

#: English kernel names by KERNEL code (QGIS's order).
KERNEL_NAMES: Tuple[str, ...] = (
    N_("Quartic"), N_("Triangular"), N_("Uniform"), N_("Triweight"), N_("Epanechnikov"))

#: Polynomial kernels: KERNEL code -> k, with K = (1 - t^2)^k.
_POLY_DEGREE: Dict[int, int] = {QUARTIC: 2, UNIFORM: 0, TRIWEIGHT: 3, EPANECHNIKOV: 1}

# Target size (bins) of one band's difference array, and of one scatter batch.
_TARGET_BINS = 1 << 15
_BATCH = 1 << 16
_MAX_BATCH = 1 << 20
_CAP_MULT = 2
_DIRECT_BATCH = 1 << 20
# Tile width in radii (round-off grows as (1 + (this + 1)^2)^k, see the module docstring).
_TILE_RADII = 6.0


# ----------------------------------------------------------------------------------- grid

@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: top-left corner ``(x_min, y_max)``, square pixels.

    Column ``j`` has its cell centre at ``x_min + (j + 0.5) * pixel``, row ``i`` (counted from the
    top) at ``y_max - (i + 0.5) * pixel``.
    """

    x_min: float
    y_max: float
    pixel: float
    cols: int
    rows: int

    def __post_init__(self) -> None:
        _check_pixel(self.pixel)
        if not (math.isfinite(self.x_min) and math.isfinite(self.y_max)):
            raise InputError(N_("The extent of the raster is not a finite number ({x}, {y})."),
                             x=self.x_min, y=self.y_max)
        if int(self.cols) != self.cols or int(self.rows) != self.rows or self.cols < 1 or self.rows < 1:
            raise InputError(N_("The raster must have at least one row and one column "
                                "(got {cols} columns and {rows} rows)."), cols=self.cols, rows=self.rows)
        object.__setattr__(self, "cols", int(self.cols))
        object.__setattr__(self, "rows", int(self.rows))
        _check_size(self.cols, self.rows)

    @property
    def x_max(self) -> float:
        """Right edge."""
        return self.x_min + self.cols * self.pixel

    @property
    def y_min(self) -> float:
        """Bottom edge."""
        return self.y_max - self.rows * self.pixel

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        """``(x_min, y_min, x_max, y_max)`` of the raster's outer edges."""
        return (self.x_min, self.y_min, self.x_max, self.y_max)

    @property
    def shape(self) -> Tuple[int, int]:
        """``(rows, cols)``, the shape of the value arrays."""
        return (self.rows, self.cols)

    @property
    def n_cells(self) -> int:
        """Number of cells."""
        return self.rows * self.cols

    @property
    def transform(self) -> Tuple[float, float, float, float, float, float]:
        """Affine coefficients in rasterio's order: ``rasterio.Affine(*grid.transform)``."""
        return (self.pixel, 0.0, self.x_min, 0.0, -self.pixel, self.y_max)

    @property
    def gdal_transform(self) -> Tuple[float, float, float, float, float, float]:
        """GDAL geotransform ``(x_min, pixel, 0, y_max, 0, -pixel)``."""
        return (self.x_min, self.pixel, 0.0, self.y_max, 0.0, -self.pixel)

    def col_centre(self, j: ArrayLike) -> np.ndarray:
        """x of the centre of column(s) ``j``."""
        return self.x_min + (np.asarray(j, dtype=np.float64) + 0.5) * self.pixel

    def row_centre(self, i: ArrayLike) -> np.ndarray:
        """y of the centre of row(s) ``i`` (row 0 is the top row)."""
        return self.y_max - (np.asarray(i, dtype=np.float64) + 0.5) * self.pixel

    def col_centres(self) -> np.ndarray:
        """x of all column centres (length ``cols``)."""
        return self.col_centre(np.arange(self.cols))

    def row_centres(self) -> np.ndarray:
        """y of all row centres, top to bottom (length ``rows``)."""
        return self.row_centre(np.arange(self.rows))


def _check_pixel(pixel: float) -> None:
    if not (isinstance(pixel, (int, float, np.floating, np.integer)) and math.isfinite(pixel) and pixel > 0):
        raise InputError(N_("The pixel size must be a positive number of map units (got {pixel})."),
                         pixel=pixel)


def _check_size(cols: int, rows: int) -> None:
    if cols * rows > MAX_CELLS:
        raise InputError(N_("The raster would have {cols} x {rows} cells, more than the {limit} this "
                            "tool can make. Choose a larger pixel size or a smaller extent."),
                         cols=cols, rows=rows, limit=MAX_CELLS)


def _check_extent(xmin: float, ymin: float, xmax: float, ymax: float) -> None:
    vals = (xmin, ymin, xmax, ymax)
    if not all(math.isfinite(float(v)) for v in vals) or xmax < xmin or ymax < ymin:
        raise InputError(N_("The extent ({xmin}, {ymin}) - ({xmax}, {ymax}) is not valid: it needs "
                            "finite coordinates with the minimum below the maximum."),
                         xmin=xmin, ymin=ymin, xmax=xmax, ymax=ymax)


def _check_radius_scalar(radius: float) -> None:
    if not (isinstance(radius, (int, float, np.floating, np.integer)) and math.isfinite(radius)
            and radius > 0):
        raise InputError(N_("The radius must be a positive number of map units (got {radius})."),
                         radius=radius)


def _count(span: float, pixel: float) -> int:
    """Number of whole pixels in ``span``, ignoring relative noise of 1e-9."""
    q = span / pixel
    return max(1, int(math.ceil(q - 1e-9 * max(1.0, abs(q)))))


def _snap_down(v: float, pixel: float) -> float:
    q = v / pixel
    return math.floor(q + 1e-9 * max(1.0, abs(q))) * pixel


def _snap_up(v: float, pixel: float) -> float:
    q = v / pixel
    return math.ceil(q - 1e-9 * max(1.0, abs(q))) * pixel


def qgis_grid(xmin: float, ymin: float, xmax: float, ymax: float, radius: float, pixel: float) -> Grid:
    """The grid QGIS 3.22's heatmap makes for points with extent ``(xmin, ymin, xmax, ymax)``.

    The extent is grown by ``radius`` (the largest radius when it comes from a field); then
    ``rows = ceil(height / pixel) + 1`` and ``cols = ceil(width / pixel) + 1`` (at least 1), with
    the top-left corner at ``(xmin - radius, ymax + radius)``. Not snapped; the raster runs one or
    two pixels past the grown extent to the right and the bottom, as QGIS's does.
    """
    _check_extent(xmin, ymin, xmax, ymax)
    _check_radius_scalar(radius)
    _check_pixel(pixel)
    bx0, by0 = xmin - radius, ymin - radius
    bx1, by1 = xmax + radius, ymax + radius
    rows = max(int(math.ceil((by1 - by0) / pixel)) + 1, 1)
    cols = max(int(math.ceil((bx1 - bx0) / pixel)) + 1, 1)
    _check_size(cols, rows)
    return Grid(float(bx0), float(by1), float(pixel), cols, rows)


def snapped_grid(xmin: float, ymin: float, xmax: float, ymax: float, radius: float, pixel: float) -> Grid:
    """Like :func:`qgis_grid` (extent grown by ``radius``), but with the outer edges snapped outward
    to multiples of ``pixel``, so 100 m pixels line up with the CBS 100 m squares.
    """
    _check_extent(xmin, ymin, xmax, ymax)
    _check_radius_scalar(radius)
    return grid_for_extent(xmin - radius, ymin - radius, xmax + radius, ymax + radius, pixel, snap=True)


def grid_for_extent(xmin: float, ymin: float, xmax: float, ymax: float, pixel: float,
                    snap: bool = False) -> Grid:
    """A grid covering a user-given extent.

    Without ``snap`` the top-left corner is ``(xmin, ymax)`` and the grid has
    ``ceil(width / pixel)`` columns and ``ceil(height / pixel)`` rows (at least one; relative
    noise below 1e-9 does not add a pixel). With ``snap`` the edges move outward to the nearest
    multiples of ``pixel``.
    """
    _check_extent(xmin, ymin, xmax, ymax)
    _check_pixel(pixel)
    if snap:
        x0, x1 = _snap_down(xmin, pixel), _snap_up(xmax, pixel)
        y0, y1 = _snap_down(ymin, pixel), _snap_up(ymax, pixel)
        cols = max(1, int(round((x1 - x0) / pixel)))
        rows = max(1, int(round((y1 - y0) / pixel)))
        _check_size(cols, rows)
        return Grid(float(x0), float(y0 + rows * pixel), float(pixel), cols, rows)
    cols = _count(xmax - xmin, pixel)
    rows = _count(ymax - ymin, pixel)
    _check_size(cols, rows)
    return Grid(float(xmin), float(ymax), float(pixel), cols, rows)


# -------------------------------------------------------------------------------- kernels

def _check_kernel(kernel: int, decay: float, scaled: bool) -> None:
    if isinstance(kernel, bool) or not isinstance(kernel, (int, np.integer)) or not 0 <= kernel <= 4:
        raise InputError(N_("Unknown kernel shape {kernel}: use 0 (quartic), 1 (triangular), 2 (uniform), "
                            "3 (triweight) or 4 (Epanechnikov)."), kernel=kernel)
    if not math.isfinite(decay):
        raise InputError(N_("The decay ratio must be a number (got {decay})."), decay=decay)
    if kernel == TRIANGULAR and scaled and decay < 0:
        raise InputError(N_("A triangular kernel with a negative decay ratio ({decay}) has no scaled "
                            "form: choose raw output values or a decay ratio of 0 or more."), decay=decay)


def kernel_constant(kernel: int, radius: ArrayLike, decay: float = 0.0) -> np.ndarray:
    """The scaling constant that makes the kernel integrate to 1 over the plane, per radius."""
    r2 = np.pi * np.asarray(radius, dtype=np.float64) ** 2
    if kernel == QUARTIC:
        return 3.0 / r2
    if kernel == TRIANGULAR:
        return 3.0 / ((1.0 + 2.0 * decay) * r2)
    if kernel == UNIFORM:
        return 1.0 / r2
    if kernel == TRIWEIGHT:
        return 4.0 / r2
    return 2.0 / r2


def kernel_raw(kernel: int, t: np.ndarray, decay: float = 0.0) -> np.ndarray:
    """The raw kernel value at ``t = d / R`` (``0 <= t <= 1``; larger ``t`` is treated as 1)."""
    t = np.minimum(np.asarray(t, dtype=np.float64), 1.0)
    if kernel == TRIANGULAR:
        return 1.0 - (1.0 - decay) * t
    return (1.0 - t * t) ** _POLY_DEGREE[kernel]


# ------------------------------------------------------------------------------- points in

def _prepare_points(x: ArrayLike, y: ArrayLike, weights: Optional[ArrayLike], radius: ArrayLike
                    ) -> Tuple[np.ndarray, np.ndarray, Optional[np.ndarray], Union[float, np.ndarray]]:
    """Validated ``x, y`` (float64), weights (None for all 1) and the radius (a float when it is
    the same for all points, else an array)."""
    xa = np.atleast_1d(np.asarray(x, dtype=np.float64)).ravel()
    ya = np.atleast_1d(np.asarray(y, dtype=np.float64)).ravel()
    if xa.shape != ya.shape:
        raise ValueError("x and y must have the same length")
    n = xa.size
    if n == 0:
        raise InputError(N_("There are no points to make a heatmap of. Check the input layer and its "
                            "filter."))
    if not (np.isfinite(xa).all() and np.isfinite(ya).all()):
        bad = int(n - np.count_nonzero(np.isfinite(xa) & np.isfinite(ya)))
        raise InputError(N_("{bad} of the {n} points have no valid coordinates. Repair or remove them."),
                         bad=bad, n=n)
    wa: Optional[np.ndarray] = None
    if weights is not None:
        wa = np.asarray(weights, dtype=np.float64)
        wa = np.full(n, float(wa)) if wa.ndim == 0 else wa.ravel()
        if wa.size != n:
            raise ValueError("weights must have one value per point")
        if not np.isfinite(wa).all():
            bad = int(n - np.count_nonzero(np.isfinite(wa)))
            raise InputError(N_("{bad} of the {n} points have an empty (NULL) or invalid weight. Fill in "
                                "the weight field or filter those points out."), bad=bad, n=n)
    ra = np.asarray(radius, dtype=np.float64)
    if ra.ndim == 0:
        _check_radius_scalar(float(ra))
        return xa, ya, wa, float(ra)
    ra = ra.ravel()
    if ra.size != n:
        raise ValueError("radius must be one number or one value per point")
    ok = np.isfinite(ra) & (ra > 0)
    if not ok.all():
        bad = int(n - np.count_nonzero(ok))
        raise InputError(N_("{bad} of the {n} points have a radius that is empty, zero or negative. Every "
                            "radius must be a positive number of map units."), bad=bad, n=n)
    if ra.min() == ra.max():
        return xa, ya, wa, float(ra[0])
    return xa, ya, wa, ra


# ------------------------------------------------------------------------------- engines

class _Engine:
    """One group of points processed the same way; adds its part of a band to the accumulators."""

    n_points: int
    work: int

    def add_band(self, b0: int, b1: int, values: np.ndarray, counts: np.ndarray, monitor: Monitor,
                 progress: "_Progress") -> None:
        raise NotImplementedError


class _Progress:
    """Counts point-rows done and reports a percentage."""

    def __init__(self, monitor: Monitor, total: int) -> None:
        self.monitor = monitor
        self.total = max(1, total)
        self.done = 0

    def step(self, n: int) -> None:
        self.done += n
        self.monitor.check()
        self.monitor.set(min(100.0, 100.0 * self.done / self.total))


def _k_range(rho_hi: float) -> Tuple[int, int]:
    """Row offsets ``k`` (row = floor(v) + k) that a point with radius ``rho_hi`` cells may cover."""
    return int(math.ceil(-rho_hi - 0.5)), int(math.ceil(rho_hi + 0.5)) - 1


def _row_order(iv: np.ndarray) -> np.ndarray:
    """A stable permutation that sorts the integer-valued rows ``iv`` (LSD radix sort, 16-bit digits)."""
    key = (iv - iv.min()).astype(np.int64)
    span = int(key.max()) if key.size else 0
    if span < 1 << 16:
        return np.argsort(key.astype(np.uint16), kind="stable")
    if span < 1 << 32:
        order = np.argsort((key & 0xFFFF).astype(np.uint16), kind="stable")
        high = (key[order] >> 16).astype(np.uint16)
        return order[np.argsort(high, kind="stable")]
    return np.argsort(key, kind="stable")


class _PolyEngine(_Engine):
    """Polynomial kernels by difference arrays of the polynomial's coefficients (see module doc).

    ``w`` None: every point has weight 1 (the caller factored out a common scale); the coefficient
    of the highest power of ``j`` is then ``(-1)^k`` per run, i.e. a run count, which also gives the
    touched mask. ``rho`` (radius in pixels) is one number or one per point.
    """

    def __init__(self, u: np.ndarray, v: np.ndarray, rho: Union[float, np.ndarray], w: Optional[np.ndarray],
                 k: int, cols: int) -> None:
        iv = np.floor(v)
        order = _row_order(iv)
        self.iv = iv[order]  # float64 row index (exact integers)
        del iv
        self.f = v[order]
        self.f -= self.iv
        self.n_points = int(u.size)
        self.k = k
        self.cols = cols
        self.unit = w is None
        self.scalar = not isinstance(rho, np.ndarray)
        if self.scalar:
            rho_s: Union[float, np.ndarray] = float(rho)
            rho_hi = self.rho_lo = float(rho) * (1.0 + TOLERANCE)
            self.r2t: Union[float, np.ndarray] = rho_hi * rho_hi
        else:
            rho_s = rho[order]
            rho_hi = float(rho_s.max()) * (1.0 + TOLERANCE)
            self.rho_lo = float(rho_s.min()) * (1.0 + TOLERANCE)
            self.r2t = (rho_s * (1.0 + TOLERANCE)) ** 2
        w = None if w is None else w[order]
        self.kmin, self.kmax = _k_range(rho_hi)
        self.work = self.n_points * (self.kmax - self.kmin + 1)
        # Tiles of T columns with a halo on both sides; ext tile te = t + 1 holds tile t.
        T = max(16, int(math.ceil(_TILE_RADII * rho_hi)))
        T += T % 2
        halo = int(math.ceil(rho_hi)) + 1
        self.T, self.halo = T, halo
        ntiles = -(-cols // T)
        self.NT = ntiles + 2
        self.Wt = T + 2 * halo
        uo = u[order]
        t = np.floor(uo / T)
        self.cu = uo
        self.cu -= 0.5  # column coordinate whose integer values are cell centres
        # local j = global column - origin, origin = t*T + T/2. Difference arrays are laid out as
        # (moment, position in ext tile, band row, ext tile): flat = pos*B*NT + row*NT + te with
        # pos = col - t*T + halo, so that prefix sums run over the outer axis (fast in numpy).
        a = self.cu - t * T
        a -= T // 2
        self.te = t + 1.0
        t *= -T
        t += halo
        self.tpos = t
        self.jl = np.arange(self.Wt, dtype=np.float64) - halo - T // 2
        if k > 0:
            e0 = np.multiply(a, a)
            np.subtract(rho_s * rho_s, e0, out=e0)
            self.e0 = e0
        # Coefficient of j^m in (e + 2 a j - j^2)^k is sum_n C(k,n) C(k-n,l) (-1)^l (2a)^p w e^n,
        # l = m - (k - n), p = k - n - l. Each term is (n, scalar) or (n, per-point array).
        two_a = [None, 2.0 * a]
        for _p in range(2, 2 * k + 1):
            two_a.append(two_a[-1] * two_a[1])
        self.terms: List[List[Tuple[int, Union[float, np.ndarray]]]] = []
        for m in range(2 * k + 1):
            row: List[Tuple[int, Union[float, np.ndarray]]] = []
            for n in range(k, -1, -1):
                l_ = m - (k - n)
                if 0 <= l_ <= k - n:
                    c = float(math.comb(k, n) * math.comb(k - n, l_) * (-1) ** l_)
                    p = k - n - l_
                    g: Union[float, np.ndarray] = c
                    if p:
                        g = c * two_a[p]
                    if w is not None:
                        g = g * w
                    row.append((n, g))
            self.terms.append(row)
        self.M = 2 * k + 1
        self._bufs: Optional[Tuple[np.ndarray, ...]] = None
        self._acc: Optional[np.ndarray] = None
        self._val: Optional[np.ndarray] = None
        self._ext: Optional[np.ndarray] = None

    def _buffers(self, cap: int) -> Tuple[np.ndarray, ...]:
        if self._bufs is None or self._bufs[0].size < 2 * cap:
            self._bufs = (np.empty(2 * cap, dtype=np.int64), np.empty((self.M, 2 * cap)), np.empty(2 * cap),
                          np.empty(cap), np.empty(cap), np.empty(cap), np.empty(cap))
        return self._bufs

    def add_band(self, b0: int, b1: int, values: np.ndarray, counts: np.ndarray, monitor: Monitor,
                 progress: _Progress) -> None:
        lo_i = int(np.searchsorted(self.iv, b0 - self.kmax, "left"))
        hi_i = int(np.searchsorted(self.iv, b1 - self.kmin, "left"))
        if hi_i <= lo_i:
            return
        B = b1 - b0
        BNT = B * self.NT
        L = BNT * self.Wt
        dump = L
        M = self.M
        const = [len(row) == 1 and row[0][0] == 0 and not isinstance(row[0][1], np.ndarray)
                 for row in self.terms]
        nacc = M + (0 if self.unit else 1)
        if self._acc is None or self._acc.shape[1] < L + 1:
            self._acc = np.empty((nacc, L + 1))
        acc = self._acc[:, :L + 1]
        ivr = self.iv[lo_i:hi_i]
        rowbase = ivr - b0
        rowbase *= self.NT
        rowbase += self.te[lo_i:hi_i]
        rowbase += self.tpos[lo_i:hi_i] * BNT
        cap = max(_BATCH, min(_CAP_MULT * L, _MAX_BATCH))
        # Run starts go to idx[:cap], run ends (with negated coefficients) to idx[cap:]; a flush
        # packs them together and scatters both with one np.bincount per coefficient.
        idx, mom, sign, tmp_s, tmp_h, tmp_e, tmp_x = self._buffers(cap)
        state = {"pos": 0, "fresh": True}

        def put(m: int, arr: np.ndarray) -> None:
            if state["fresh"]:
                np.copyto(acc[m], arr)
            else:
                acc[m] += arr

        def flush() -> None:
            pos = state["pos"]
            if pos == 0:
                return
            if pos < cap:
                idx[pos:2 * pos] = idx[cap:cap + pos]
            ii = idx[:2 * pos]
            cnt = None
            if any(const) or not self.unit:
                sign[:pos] = 1.0
                sign[pos:2 * pos] = -1.0
                cnt = np.bincount(ii, sign[:2 * pos], minlength=L + 1)
            for m in range(M):
                if const[m]:
                    c = self.terms[m][0][1]
                    put(m, cnt if c == 1.0 else c * cnt)
                else:
                    np.negative(mom[m, :pos], out=mom[m, pos:2 * pos])
                    put(m, np.bincount(ii, mom[m, :2 * pos], minlength=L + 1))
            if not self.unit:
                put(M, cnt)
            state["pos"] = 0
            state["fresh"] = False

        safe_lo, safe_hi = int(math.ceil(0.5 - self.rho_lo)), int(math.floor(self.rho_lo - 0.5))
        for kk in range(self.kmin, self.kmax + 1):
            s0 = int(np.searchsorted(ivr, b0 - kk, "left"))
            s1 = int(np.searchsorted(ivr, b1 - kk, "left"))
            start = s0
            while start < s1:
                n = min(s1 - start, cap)
                if state["pos"] + n > cap:
                    flush()
                pos = state["pos"]
                sl = slice(lo_i + start, lo_i + start + n)
                out = slice(pos, pos + n)
                out_e = slice(cap + pos, cap + pos + n)
                s = tmp_s[:n]
                np.subtract(kk + 0.5, self.f[sl], out=s)
                np.multiply(s, s, out=s)
                h = tmp_h[:n]
                np.subtract(self.r2t if self.scalar else self.r2t[sl], s, out=h)
                invalid = None
                if not (safe_lo <= kk <= safe_hi):
                    invalid = h < 0.0
                    np.maximum(h, 0.0, out=h)
                np.sqrt(h, out=h)
                x = tmp_x[:n]
                rb = tmp_e[:n]
                np.add(rowbase[start:start + n], kk * self.NT, out=rb)
                np.subtract(self.cu[sl], h, out=x)
                np.ceil(x, out=x)
                x *= BNT
                np.add(x, rb, out=idx[out], casting="unsafe")
                np.add(self.cu[sl], h, out=x)
                np.floor(x, out=x)
                x += 1.0
                x *= BNT
                np.add(x, rb, out=idx[out_e], casting="unsafe")
                if invalid is not None:
                    np.copyto(idx[out], dump, where=invalid)
                    np.copyto(idx[out_e], dump, where=invalid)
                self._moments(sl, s, tmp_e[:n], tmp_x[:n], mom[:, out], const)
                state["pos"] = pos + n
                start += n
                progress.step(n)
        flush()
        if not state["fresh"]:
            self._finish(acc, B, values, counts)

    def _moments(self, sl: slice, s: np.ndarray, e: np.ndarray, tmp: np.ndarray, out: np.ndarray,
                 const: List[bool]) -> None:
        """Coefficients (j^0 .. j^2k) of this slice's point-rows, written to ``out``."""
        powers = {1: e}
        if self.k > 0:
            np.subtract(self.e0[sl], s, out=e)
        for n in range(2, self.k + 1):
            powers[n] = np.multiply(powers[n - 1], e) if n < self.k else np.multiply(powers[n - 1], e, out=s)
        for m, row in enumerate(self.terms):
            if const[m]:
                continue
            dst = out[m]
            for i, (n, g) in enumerate(row):
                arr = isinstance(g, np.ndarray)
                gv = g[sl] if arr else g
                if i == 0:
                    if n == 0:
                        np.copyto(dst, gv)
                    elif not arr and gv == 1.0:
                        np.copyto(dst, powers[n])
                    else:
                        np.multiply(powers[n], gv, out=dst)
                elif n == 0:
                    np.add(dst, gv, out=dst)
                else:
                    np.multiply(powers[n], gv, out=tmp)
                    np.add(dst, tmp, out=dst)

    def _finish(self, acc: np.ndarray, B: int, values: np.ndarray, counts: np.ndarray) -> None:
        """Prefix sums per tile, Horner's rule, and the overlap-add of the tiles into the band."""
        M, NT, Wt, T, halo = self.M, self.NT, self.Wt, self.T, self.halo
        BNT = B * NT
        d = acc[:, :Wt * BNT].reshape(acc.shape[0], Wt, BNT)
        for p in range(1, Wt):  # np.cumsum along a short axis is slow in numpy 1.24
            np.add(d[:, p], d[:, p - 1], out=d[:, p])
        if M == 1:
            val = d[0]
        else:
            if self._val is None or self._val.size < Wt * BNT:
                self._val = np.empty(Wt * BNT)
            val = self._val[:Wt * BNT].reshape(Wt, BNT)
            jl = self.jl[:, None]
            np.multiply(d[M - 1], jl, out=val)
            val += d[M - 2]
            for m in range(M - 3, -1, -1):
                val *= jl
                val += d[m]
        if self.unit:
            cnt = d[M - 1]
            if self.k % 2:
                np.negative(cnt, out=cnt)
        else:
            cnt = d[M]
        if self._ext is None or self._ext.size < B * (NT + 2) * T:
            self._ext = np.empty(B * (NT + 2) * T)
        ext = self._ext[:B * (NT + 2) * T].reshape(B, NT + 2, T)
        for src, dst in ((val, values), (cnt, counts)):
            src3 = src.reshape(Wt, B, NT)
            ext[:, NT:, :] = 0.0
            np.copyto(ext[:, :NT, :], src3[:T].transpose(1, 2, 0))
            for c in (1, 2):
                width = min(T, Wt - c * T)
                if width <= 0:
                    break
                ext[:, c:c + NT, :width] += src3[c * T:c * T + width].transpose(1, 2, 0)
            dst += ext.reshape(B, (NT + 2) * T)[:, T + halo:T + halo + self.cols]


class _DirectEngine(_Engine):
    """Cell by cell, vectorised over points and column offsets: the triangular kernel (a square
    root, no polynomial) and radii below ``DIRECT_RADIUS_CELLS`` pixels.

    For each row offset the cells ``jc - J .. jc + J`` around the point's nearest column ``jc`` are
    evaluated as a (2J+1) x n array and masked to ``d <= R (1 + TOLERANCE)``; the touched mask comes
    from the same column runs as in the polynomial engine, with difference arrays.
    """

    def __init__(self, u: np.ndarray, v: np.ndarray, rho: Union[float, np.ndarray], w: np.ndarray,
                 kernel: int, decay: float, cols: int) -> None:
        iv = np.floor(v)
        order = _row_order(iv)
        if not isinstance(rho, np.ndarray):
            rho = np.full(u.size, float(rho))
        u, v, rho, w, iv = u[order], v[order], rho[order], w[order], iv[order]
        self.n_points = int(u.size)
        self.kernel, self.cols = kernel, cols
        self.iv = iv.astype(np.int64)
        self.f = v - iv
        self.cu = u - 0.5
        jc = np.floor(self.cu + 0.5)
        self.fr = jc - self.cu
        self.jc = jc
        self.scalar = bool(rho.min() == rho.max())
        rho_t = rho * (1.0 + TOLERANCE)
        self.r2t: Union[float, np.ndarray] = float(rho_t[0] ** 2) if self.scalar else rho_t * rho_t
        self.rho_lo = float(rho_t.min())
        self.w = w
        if kernel == TRIANGULAR:
            self.wc = w * ((1.0 - decay) / rho)
        else:
            self.inv_rho2 = 1.0 / (rho * rho)
        rho_hi = float(rho_t.max())
        self.kmin, self.kmax = _k_range(rho_hi)
        J = int(math.floor(rho_hi + 0.5))
        self.J = J
        self.r2t_max = rho_hi * rho_hi
        self.P = 2 * J + 2
        self.Wp = cols + 2 * self.P
        self.dj = np.arange(-J, J + 1, dtype=np.float64)[:, None]
        self.dji = np.arange(-J, J + 1, dtype=np.int64)[:, None]
        self.chunk = max(1, _DIRECT_BATCH // (2 * J + 1))
        self.work = self.n_points * (self.kmax - self.kmin + 1)

    def add_band(self, b0: int, b1: int, values: np.ndarray, counts: np.ndarray, monitor: Monitor,
                 progress: _Progress) -> None:
        lo_i = int(np.searchsorted(self.iv, b0 - self.kmax, "left"))
        hi_i = int(np.searchsorted(self.iv, b1 - self.kmin, "left"))
        if hi_i <= lo_i:
            return
        B, cols = b1 - b0, self.cols
        nv = B * self.Wp
        nc = B * (cols + 1)
        acc_v = np.zeros(nv)
        acc_c = np.zeros(nc + 1)
        ivr = self.iv[lo_i:hi_i]
        safe_lo, safe_hi = int(math.ceil(0.5 - self.rho_lo)), int(math.floor(self.rho_lo - 0.5))
        for kk in range(self.kmin, self.kmax + 1):
            s0 = lo_i + int(np.searchsorted(ivr, b0 - kk, "left"))
            s1 = lo_i + int(np.searchsorted(ivr, b1 - kk, "left"))
            for start in range(s0, s1, self.chunk):
                sl = slice(start, min(s1, start + self.chunk))
                self._run(sl, kk, b0, acc_v, acc_c, not (safe_lo <= kk <= safe_hi), self._half_width(kk))
                progress.step(sl.stop - sl.start)
        values += acc_v.reshape(B, self.Wp)[:, self.P:self.P + cols]
        c = acc_c[:nc].reshape(B, cols + 1)
        np.cumsum(c, axis=1, out=c)
        counts += c[:, :cols]

    def _half_width(self, kk: int) -> int:
        """Column offsets ``-Jk..Jk`` around the nearest column that row offset ``kk`` can reach."""
        dymin = max(0.0, kk - 0.5) if kk >= 0 else -kk - 0.5
        hmax = math.sqrt(max(self.r2t_max - dymin * dymin, 0.0))
        return min(self.J, int(math.floor(hmax + 0.5)))

    def _run(self, sl: slice, kk: int, b0: int, acc_v: np.ndarray, acc_c: np.ndarray, edge: bool,
             jk: int) -> None:
        cols = self.cols
        s = (kk + 0.5) - self.f[sl]
        s *= s
        r2t = self.r2t if self.scalar else self.r2t[sl]
        h = r2t - s
        invalid = h < 0.0 if edge else None
        np.maximum(h, 0.0, out=h)
        np.sqrt(h, out=h)
        cu = self.cu[sl]
        row = self.iv[sl] + (kk - b0)
        # touched: +1 at the run start, -1 one past its end (columns clipped to the grid)
        lo = np.clip(np.ceil(cu - h), 0.0, cols).astype(np.int64)
        hi = np.clip(np.floor(cu + h), -1.0, cols - 1.0).astype(np.int64)
        base_c = row * (cols + 1)
        lo += base_c
        hi += base_c
        hi += 1
        if invalid is not None:
            np.copyto(lo, acc_c.size - 1, where=invalid)
            np.copyto(hi, acc_c.size - 1, where=invalid)
        acc_c += np.bincount(lo, minlength=acc_c.size)
        acc_c -= np.bincount(hi, minlength=acc_c.size)
        # values on the (2J+1) x n block of candidate cells
        offs = slice(self.J - jk, self.J + jk + 1)
        dx = self.dj[offs] + self.fr[sl]
        d2 = np.multiply(dx, dx, out=dx)
        d2 += s
        w = self.w[sl]
        if self.kernel == TRIANGULAR:
            val = np.sqrt(d2)
            val *= self.wc[sl]
            np.subtract(w, val, out=val)
            np.copyto(val, 0.0, where=d2 > r2t)
        elif self.kernel == UNIFORM:
            val = np.where(d2 > r2t, 0.0, w)
        else:
            q = d2 * self.inv_rho2[sl]
            np.subtract(1.0, q, out=q)
            np.maximum(q, 0.0, out=q)
            val = q.copy()
            for _ in range(_POLY_DEGREE[self.kernel] - 1):
                val *= q
            val *= w
        idx = self.dji[offs] + (row * self.Wp + self.jc[sl].astype(np.int64) + self.P)
        acc_v += np.bincount(idx.ravel(), val.ravel(), minlength=acc_v.size)


def _engines(x: np.ndarray, y: np.ndarray, w: Optional[np.ndarray], radius: Union[float, np.ndarray],
             grid: Grid, kernel: int, decay: float, scaled: bool) -> Tuple[List[_Engine], float]:
    """Split the points into engines; returns them and a global factor for the values."""
    p = float(grid.pixel)
    u = x - grid.x_min
    u /= p
    v = np.subtract(grid.y_max, y)
    v /= p
    rho: Union[float, np.ndarray] = radius / p
    reach = rho * (1.0 + TOLERANCE) + 1.0
    rmax = float(np.max(reach))
    if (u.min() < -rmax or u.max() > grid.cols + rmax or v.min() < -rmax or v.max() > grid.rows + rmax
            or isinstance(reach, np.ndarray)):
        keep = (u >= -reach) & (u <= grid.cols + reach) & (v >= -reach) & (v <= grid.rows + reach)
        if not keep.all():
            u, v = u[keep], v[keep]
            w = None if w is None else w[keep]
            if isinstance(rho, np.ndarray):
                rho, radius = rho[keep], radius[keep]
    if u.size == 0:
        return [], 1.0
    # Per-point weight = w (None: 1) x a factor that is one number when the radius is.
    factor: Union[float, np.ndarray] = kernel_constant(kernel, radius, decay) if scaled else 1.0
    if isinstance(factor, np.ndarray) and factor.ndim == 0:
        factor = float(factor)
    if kernel == TRIANGULAR:
        return [_DirectEngine(u, v, rho, _times(w, factor, u.size), kernel, decay, grid.cols)], 1.0
    k = _POLY_DEGREE[kernel]
    if not isinstance(rho, np.ndarray):
        if rho < DIRECT_RADIUS_CELLS:
            return [_DirectEngine(u, v, rho, _times(w, factor, u.size), kernel, decay, grid.cols)], 1.0
        scale = float(factor) / rho ** (2 * k)
        if w is None:
            return [_PolyEngine(u, v, rho, None, k, grid.cols)], scale
        return [_PolyEngine(u, v, rho, w * scale, k, grid.cols)], 1.0
    wk = _times(w, factor, u.size)
    engines: List[_Engine] = []
    direct = rho < DIRECT_RADIUS_CELLS
    if direct.any():
        engines.append(_DirectEngine(u[direct], v[direct], rho[direct], wk[direct], kernel, decay, grid.cols))
        poly = ~direct
        u, v, rho, wk = u[poly], v[poly], rho[poly], wk[poly]
    if u.size:
        wp = wk / rho ** (2 * k) if k else wk
        # Octave classes of the radius keep each class's tiles at a few radii.
        cls = np.floor(np.log2(rho / DIRECT_RADIUS_CELLS)).astype(np.int64)
        for c in np.unique(cls):
            sel = cls == c
            engines.append(_PolyEngine(u[sel], v[sel], rho[sel], wp[sel], k, grid.cols))
    return engines, 1.0


def _times(w: Optional[np.ndarray], factor: Union[float, np.ndarray], n: int) -> np.ndarray:
    """``w * factor`` as a new array of length ``n`` (``w`` None means 1)."""
    if w is None:
        return np.full(n, factor) if not isinstance(factor, np.ndarray) else factor.copy()
    return w * factor


# ------------------------------------------------------------------------------- public API

def choose_band_rows(cols: int, memory_budget_bytes: int = DEFAULT_BAND_BUDGET) -> int:
    """Rows per band so that one band's working memory stays within ``memory_budget_bytes``.

    Uses a conservative ``BAND_BYTES_PER_CELL`` bytes per cell (values, touched mask, the
    difference arrays of up to seven coefficients with their tile halos, and temporaries).
    Always at least 1.
    """
    if cols < 1:
        raise ValueError("cols must be at least 1")
    return max(1, int(memory_budget_bytes // (BAND_BYTES_PER_CELL * int(cols))))


def _default_band_rows(grid: Grid, radius_cells: float) -> int:
    """Band height: about _TARGET_BINS difference-array bins per coefficient, within the budget."""
    ext_cols = grid.cols * (1.0 + 2.0 * (radius_cells + 1.0) / max(16.0, _TILE_RADII * radius_cells))
    fast = int(_TARGET_BINS // max(1.0, ext_cols))
    rows = max(16, fast)
    return max(1, min(grid.rows, rows, choose_band_rows(grid.cols)))


def density_bands(x: ArrayLike, y: ArrayLike, weights: Optional[ArrayLike], radius: ArrayLike, grid: Grid,
                  kernel: int = QUARTIC, decay: float = 0.0, scaled: bool = False,
                  band_rows: Optional[int] = None, monitor: Optional[Monitor] = None
                  ) -> Iterator[Tuple[int, np.ndarray, np.ndarray]]:
    """Kernel density in horizontal bands: yields ``(row_start, values, touched)`` top to bottom.

    ``values`` (float64) and ``touched`` (bool) have shape ``(rows_in_band, grid.cols)``; together
    the bands cover the grid exactly once. See :func:`density` for the arguments. Inputs are
    validated before the first band is asked for (errors are raised by this call itself).
    ``band_rows`` defaults to a height that is fast and stays within ``DEFAULT_BAND_BUDGET``.
    Memory is ``O(band_rows * cols + number of points)``.
    """
    monitor = ensure(monitor)
    if not isinstance(grid, Grid):
        raise TypeError("grid must be a Grid")
    _check_kernel(kernel, float(decay), scaled)
    xa, ya, wa, ra = _prepare_points(x, y, weights, radius)
    if band_rows is not None and (int(band_rows) != band_rows or band_rows < 1):
        raise ValueError("band_rows must be a positive integer")
    monitor.check()
    engines, factor = _engines(xa, ya, wa, ra, grid, int(kernel), float(decay), bool(scaled))
    rows = band_rows or _default_band_rows(grid, float(np.max(ra)) / grid.pixel)
    nonneg = (wa is None or bool(wa.min() >= 0.0)) and not (kernel == TRIANGULAR and decay < 0.0)
    total = sum(e.work for e in engines)
    return _band_iter(engines, factor, grid, int(rows), nonneg, _Progress(monitor, total))


def _band_iter(engines: List[_Engine], factor: float, grid: Grid, band_rows: int, nonneg: bool,
               progress: _Progress) -> Iterator[Tuple[int, np.ndarray, np.ndarray]]:
    for b0 in range(0, grid.rows, band_rows):
        b1 = min(grid.rows, b0 + band_rows)
        values = np.zeros((b1 - b0, grid.cols))
        counts = np.zeros((b1 - b0, grid.cols))
        for eng in engines:
            eng.add_band(b0, b1, values, counts, progress.monitor, progress)
            progress.monitor.check()
        if factor != 1.0:
            values *= factor
        touched = counts > 0.5
        values *= touched
        if nonneg:
            np.maximum(values, 0.0, out=values)
        yield b0, values, touched
    progress.monitor.set(100.0)


def density(x: ArrayLike, y: ArrayLike, weights: Optional[ArrayLike], radius: ArrayLike, grid: Grid,
            kernel: int = QUARTIC, decay: float = 0.0, scaled: bool = False,
            monitor: Optional[Monitor] = None, band_rows: Optional[int] = None
            ) -> Tuple[np.ndarray, np.ndarray]:
    """Exact kernel density of points on ``grid``: ``(values, touched)``, both ``(rows, cols)``.

    Args:
        x, y: point coordinates in the grid's CRS units.
        weights: one finite weight per point (or one number, or None for 1).
        radius: the kernel radius in map units, one number or one per point (RADIUS_FIELD).
        grid: the output grid (:func:`qgis_grid`, :func:`snapped_grid`, :func:`grid_for_extent`).
        kernel: 0 quartic, 1 triangular, 2 uniform, 3 triweight, 4 Epanechnikov.
        decay: the triangular kernel's decay ratio.
        scaled: multiply by the kernel's normalising constant (each point's own radius).
        monitor: progress and cancellation.

    Returns:
        ``values`` (float64; 0 where not touched) and ``touched`` (False where no point is within
        its radius of the cell centre: the caller writes nodata there).

    Raises:
        InputError: no points, invalid coordinates, weights or radii, bad kernel or decay.
        Canceled: when the monitor's cancel callable returns true.
    """
    values = np.empty(grid.shape)
    touched = np.empty(grid.shape, dtype=bool)
    for b0, v, t in density_bands(x, y, weights, radius, grid, kernel, decay, scaled, band_rows, monitor):
        values[b0:b0 + v.shape[0]] = v
        touched[b0:b0 + v.shape[0]] = t
    return values, touched


# --------------------------------------------------------------------------- suggestions

_RADIUS_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
_PIXEL_STEPS = (1.0, 2.0, 2.5, 5.0)


def _nice(value: float, steps: Sequence[float]) -> float:
    """The value of ``steps x 10^n`` nearest to ``value`` on a log scale."""
    e = math.floor(math.log10(value))
    cands = [s * 10.0 ** p for p in (e - 1, e, e + 1) for s in steps]
    best = min(cands, key=lambda c: abs(math.log(c / value)))
    return float(f"{best:.12g}")


def _next_nice(value: float, steps: Sequence[float]) -> float:
    e = math.floor(math.log10(value))
    cands = sorted(s * 10.0 ** p for p in (e, e + 1) for s in steps)
    return float(f"{next(c for c in cands if c > value * (1 + 1e-9)):.12g}")


def _sig(v: float) -> Union[int, float]:
    """Three significant digits, as an int when that is whole (for the log message)."""
    return _num(float(f"{v:.3g}"))


def _num(v: float) -> Union[int, float]:
    return int(v) if float(v).is_integer() and abs(v) < 1e15 else float(v)


def suggest_parameters(x: ArrayLike, y: ArrayLike, cell_target: float = 4e6
                       ) -> Tuple[float, float, str, Dict[str, Union[int, float]]]:
    """A radius and pixel size for points ``x, y`` when the user leaves them empty.

    The rule, which a GIS officer can repeat by hand:

    1. radius = 0.9 x min(SD, sqrt(1 / ln 2) x Dm) x n^-0.2, where SD is the standard distance of
       the points (root mean square distance to their mean centre) and Dm the median distance to
       the mean centre: Silverman's rule of thumb in its spatial form, the rule ArcGIS Pro uses for
       its default search radius. Rounded to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.
    2. pixel size = radius / 10, rounded to 1, 2, 2.5 or 5 times a power of ten (so 100 m, 50 m,
       25 m, 20 m or 10 m pixels line up with the CBS 100 m squares), then made one step coarser
       until the heatmap grid (extent + radius, as QGIS builds it) has at most ``cell_target``
       cells.

    Returns ``(radius, pixel, explanation_template, params)``: the template is an English
    sentence marked with ``N_`` whose ``{placeholders}`` are filled from ``params`` after
    translation (``template.format(**params)``).
    """
    xa = np.asarray(x, dtype=np.float64).ravel()
    ya = np.asarray(y, dtype=np.float64).ravel()
    ok = np.isfinite(xa) & np.isfinite(ya)
    xa, ya = xa[ok], ya[ok]
    n = int(xa.size)
    if n < 2:
        raise InputError(N_("A radius can only be suggested from at least two points (there are {n}). "
                            "Enter a radius and a pixel size."), n=n)
    dist = np.hypot(xa - xa.mean(), ya - ya.mean())
    sd = float(np.sqrt(np.mean(dist * dist)))
    dm = float(np.median(dist))
    raw = 0.9 * min(sd, math.sqrt(1.0 / math.log(2.0)) * dm) * n ** -0.2
    if not raw > 0.0:
        raw = 0.9 * sd * n ** -0.2
    if not raw > 0.0:
        raise InputError(N_("All {n} points lie at the same place, so no radius can be derived from "
                            "their spread. Enter a radius and a pixel size."), n=n)
    radius = _nice(raw, _RADIUS_STEPS)
    raw_pixel = radius / 10.0
    pixel = _nice(raw_pixel, _PIXEL_STEPS)
    xmin, xmax, ymin, ymax = float(xa.min()), float(xa.max()), float(ya.min()), float(ya.max())

    def dims(p: float) -> Tuple[int, int]:
        c = math.ceil((xmax - xmin + 2 * radius) / p) + 1
        r = math.ceil((ymax - ymin + 2 * radius) / p) + 1
        return c, r

    cols, rows = dims(pixel)
    while cols * rows > cell_target:
        pixel = _next_nice(pixel, _PIXEL_STEPS)
        cols, rows = dims(pixel)
    template = N_("Radius {radius} and pixel size {pixel} (map units) were chosen automatically. Radius: "
                  "0.9 x min(standard distance {sd}, 1.2011 x median distance to the mean centre {dm}) x "
                  "n^-0.2 with n = {n} points gives {raw_radius}, rounded to {radius} (the rule ArcGIS Pro "
                  "uses for its default search radius). Pixel size: radius / 10 = {raw_pixel}, rounded to "
                  "1, 2, 2.5 or 5 times a power of ten and made coarser where needed to keep the grid at "
                  "most {cell_target} cells: {cols} x {rows} cells.")
    params: Dict[str, Union[int, float]] = {
        "radius": _num(radius), "pixel": _num(pixel), "sd": _sig(sd), "dm": _sig(dm), "n": n,
        "raw_radius": _sig(raw), "raw_pixel": _sig(raw_pixel), "cell_target": int(cell_target),
        "cols": cols, "rows": rows,
    }
    return radius, pixel, template, params
