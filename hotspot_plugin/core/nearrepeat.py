"""Near-repeat analysis: the Knox test in distance bands x time bands.

For *n* incidents with a location (metres, projected CRS) and a date (days), every pair
``i < j`` gets a distance ``d`` (straight line) and a time gap ``t = |t_i - t_j|`` (days).
The pairs are counted per cell (distance band x time band). Expected counts come from a
Monte Carlo test that permutes the dates among the incidents (999 times by default, seeded):
the expected count is the mean of the permuted counts, the Knox ratio is observed / expected
and the p-value is ``(number of permutations with count >= observed + 1) / (permutations + 1)``.
This is the test behind Ratcliffe's Near Repeat Calculator, with exactly labelled bands.

Band conventions (applied exactly, and said so by every label):

* Same location ("repeats"): ``d <= same_location`` metres (default 1 m, so the same
  address geocoded twice counts as the same place even after a reprojection's millimetres).
  These pairs form their own row and never enter a distance band.
* Distance bands are closed at the top: ``lo < d <= hi``. A pair exactly 100 m apart lies in
  ``0 < d <= 100 m``, not in ``100 < d <= 200 m``; this matches "within 100 m" as used for the
  warning letters (``d <= distance``). The first band starts after the same-location
  tolerance: with edges 0, 100, ... and a 1 m tolerance it reads ``1 < d <= 100 m``.
* Time bands are closed at the bottom: ``lo <= t < hi`` days. With dates (whole days) the band
  ``0 <= t < 7`` holds the gaps 0..6 days (same day up to six days later), one week exactly.
* Pairs farther than the last distance edge, nearer than the first (but not at the same
  location), or with a gap outside the time edges are not counted anywhere.

Default bands (the near-repeat literature on domestic burglary): risk around a burglary is
raised for one to two weeks within 100-200 m and has died out within about a month and
400 m (Townsley, Homel & Chaseling 2003; Johnson & Bowers 2004; Johnson et al. 2007, ten
countries). Weekly time bands up to six weeks and 100 m distance bands up to 500 m resolve
that decay and leave one band of "background" on each axis.

Speed: the pairs within the largest distance band are found once (k-d tree), sorted by
distance band; each permutation only gathers the permuted dates of those pairs and counts
the gaps with ``np.bincount``, in chunks of bounded size.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
from scipy.spatial import cKDTree

from .errors import InputError
from .fdr import fdr_bh
from .i18n import N_
from .numbers import format_number
from .progress import Monitor, ensure

Translate = Optional[Callable[[str], str]]

#: Distance band edges in metres (bands ``lo < d <= hi``).
DEFAULT_DISTANCE_EDGES: Tuple[float, ...] = (0.0, 100.0, 200.0, 300.0, 400.0, 500.0)
#: Time band edges in days (bands ``lo <= t < hi``).
DEFAULT_TIME_EDGES: Tuple[float, ...] = (0.0, 7.0, 14.0, 21.0, 28.0, 35.0, 42.0)
#: Pairs at most this many metres apart are "same location" (repeats).
DEFAULT_SAME_LOCATION = 1.0
DEFAULT_PERMUTATIONS = 999
DEFAULT_ALPHA = 0.05

#: Refuse analyses with more pairs than this within the largest distance band (8 bytes a pair).
MAX_PAIRS = 50_000_000
#: Up to this many pairs the pair indices are kept as native integers (faster gathers).
NATIVE_INDEX_PAIRS = 8_000_000
#: Pairs handled at once inside one permutation (bounds the working memory to ~30 MB).
CHUNK = 1 << 20
#: Integer time edges up to this many days use the fast per-day histogram.
_MAX_DAY_BINS = 100_000

# Label templates (translated by the QGIS layer; the numbers are filled in afterwards).
SAME_LOCATION_ZERO_LABEL = N_("Same location (d = 0 m)")
SAME_LOCATION_LABEL = N_("Same location (d ≤ {tol} m)")
DISTANCE_LABEL = N_("{lo} < d ≤ {hi} m")
TIME_LABEL = N_("{lo} ≤ t < {hi} days")


def _edge_values(edges: object) -> Optional[Tuple[float, ...]]:
    """The edges as finite floats, or None when they are not all finite numbers."""
    try:
        values = tuple(float(e) for e in edges)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return values if all(math.isfinite(v) for v in values) else None


def _check_distance_edges(edges: object) -> Tuple[float, ...]:
    values = _edge_values(edges)
    if values is None:
        raise InputError(N_("The distance band edges must be numbers (metres), got {edges}."), edges=edges)
    text = ", ".join(format_number(v) for v in values)
    if len(values) < 2:
        raise InputError(N_("Give at least two distance band edges (for example 0, 100), got {edges}."),
                         edges=text)
    if any(v < 0 for v in values):
        raise InputError(N_("The distance band edges cannot be negative, got {edges}."), edges=text)
    if any(b <= a for a, b in zip(values, values[1:])):
        raise InputError(N_("The distance band edges must increase from one to the next (for example "
                            "0, 100, 200), got {edges}."), edges=text)
    return values


def _check_time_edges(edges: object) -> Tuple[float, ...]:
    values = _edge_values(edges)
    if values is None:
        raise InputError(N_("The time band edges must be numbers (days), got {edges}."), edges=edges)
    text = ", ".join(format_number(v) for v in values)
    if len(values) < 2:
        raise InputError(N_("Give at least two time band edges (for example 0, 7), got {edges}."),
                         edges=text)
    if any(v < 0 for v in values):
        raise InputError(N_("The time band edges cannot be negative, got {edges}."), edges=text)
    if any(b <= a for a, b in zip(values, values[1:])):
        raise InputError(N_("The time band edges must increase from one to the next (for example "
                            "0, 7, 14), got {edges}."), edges=text)
    return values


@dataclass(frozen=True)
class Bands:
    """Distance bands (metres) and time bands (days) given by their edges.

    Distance band *k* is ``distance_edges[k] < d <= distance_edges[k+1]`` (its lower end raised
    to ``same_location`` when that is larger); time band *k* is
    ``time_edges[k] <= t < time_edges[k+1]``; pairs with ``d <= same_location`` are repeats.
    Invalid edges raise :class:`InputError` on construction.
    """

    distance_edges: Tuple[float, ...] = DEFAULT_DISTANCE_EDGES
    time_edges: Tuple[float, ...] = DEFAULT_TIME_EDGES
    same_location: float = DEFAULT_SAME_LOCATION

    def __post_init__(self) -> None:
        dist = _check_distance_edges(self.distance_edges)
        time = _check_time_edges(self.time_edges)
        try:
            tol = float(self.same_location)
        except (TypeError, ValueError):
            tol = float("nan")
        if not math.isfinite(tol) or tol < 0:
            raise InputError(N_("The same-location tolerance must be zero or a positive number of "
                                "metres, got {value}."), value=self.same_location)
        if tol >= dist[1]:
            raise InputError(N_("The same-location tolerance ({tol} m) must be smaller than the "
                                "upper edge of the first distance band ({edge} m)."),
                             tol=format_number(tol), edge=format_number(dist[1]))
        object.__setattr__(self, "distance_edges", dist)
        object.__setattr__(self, "time_edges", time)
        object.__setattr__(self, "same_location", tol)

    @property
    def n_distance(self) -> int:
        """Number of distance bands (without the same-location row)."""
        return len(self.distance_edges) - 1

    @property
    def n_time(self) -> int:
        """Number of time bands."""
        return len(self.time_edges) - 1

    def distance_range(self, k: int) -> Tuple[float, float]:
        """``(lo, hi)`` of distance band *k* as applied: ``lo < d <= hi``."""
        return max(self.distance_edges[k], self.same_location), self.distance_edges[k + 1]

    def time_range(self, k: int) -> Tuple[float, float]:
        """``(lo, hi)`` of time band *k*: ``lo <= t < hi`` days."""
        return self.time_edges[k], self.time_edges[k + 1]

    def same_location_label(self, translate: Translate = None, decimal: str = ".") -> str:
        """Label of the same-location row, e.g. ``"Same location (d ≤ 1 m)"``."""
        tr = translate or (lambda s: s)
        if self.same_location == 0:
            return tr(SAME_LOCATION_ZERO_LABEL)
        return tr(SAME_LOCATION_LABEL).format(tol=format_number(self.same_location, decimal=decimal))

    def distance_labels(self, translate: Translate = None, decimal: str = ".") -> List[str]:
        """One label per distance band, e.g. ``"100 < d ≤ 200 m"``."""
        tr = translate or (lambda s: s)
        out = []
        for k in range(self.n_distance):
            lo, hi = self.distance_range(k)
            out.append(tr(DISTANCE_LABEL).format(lo=format_number(lo, decimal=decimal),
                                                 hi=format_number(hi, decimal=decimal)))
        return out

    def row_labels(self, translate: Translate = None, decimal: str = ".") -> List[str]:
        """Labels of the result rows: the same-location row, then the distance bands."""
        return [self.same_location_label(translate, decimal)] + self.distance_labels(translate, decimal)

    def time_labels(self, translate: Translate = None, decimal: str = ".") -> List[str]:
        """One label per time band, e.g. ``"7 ≤ t < 14 days"``."""
        tr = translate or (lambda s: s)
        return [tr(TIME_LABEL).format(lo=format_number(lo, decimal=decimal), hi=format_number(hi, decimal=decimal))
                for lo, hi in (self.time_range(k) for k in range(self.n_time))]


@dataclass(frozen=True)
class KnoxCell:
    """One cell of the Knox table, as a flat record for a table layer."""

    row: int  # 0 = same location, 1.. = distance band row - 1
    col: int  # time band
    same_location: bool
    distance_label: str
    time_label: str
    distance_lo: float
    distance_hi: float
    time_lo: float
    time_hi: float
    observed: int
    expected: float
    ratio: float
    p_value: float
    significant: bool = False  # see significant(): the star in the table


@dataclass
class KnoxResult:
    """The Knox test's outcome.

    The arrays have one row per "distance" row and one column per time band. Row 0 is the
    same-location row (repeats), row ``k + 1`` is distance band ``k``.
    ``ratio`` is NaN where ``expected`` is 0. ``n_pairs`` counts the pairs that fall in some row
    (same location or a distance band) whatever their time gap: the pairs re-examined in each
    permutation.
    """

    bands: Bands
    observed: np.ndarray  # int64 (rows, times)
    expected: np.ndarray  # float64
    ratio: np.ndarray  # float64, NaN where expected == 0
    p_value: np.ndarray  # float64
    n_incidents: int
    n_pairs: int
    permutations: int
    seed: Optional[int]
    n_pairs_total: int = 0  # n (n - 1) / 2

    @property
    def same_observed(self) -> np.ndarray:
        """Observed same-location pairs per time band."""
        return self.observed[0]

    @property
    def same_expected(self) -> np.ndarray:
        """Expected same-location pairs per time band."""
        return self.expected[0]

    @property
    def same_ratio(self) -> np.ndarray:
        """Knox ratio of the same-location row."""
        return self.ratio[0]

    @property
    def same_p_value(self) -> np.ndarray:
        """p-values of the same-location row."""
        return self.p_value[0]

    def cells(self, translate: Translate = None, decimal: str = ".", alpha: float = DEFAULT_ALPHA,
              fdr: bool = True) -> List[KnoxCell]:
        """All cells as flat records (same-location row first), for a table or a CSV; ``significant``
        is :func:`significant` at *alpha* (Benjamini-Hochberg over the cells unless ``fdr=False``)."""
        b = self.bands
        sig = significant(self, alpha, fdr)
        rows = b.row_labels(translate, decimal)
        cols = b.time_labels(translate, decimal)
        out = []
        for r in range(b.n_distance + 1):
            if r == 0:
                dlo, dhi = 0.0, b.same_location
            else:
                dlo, dhi = b.distance_range(r - 1)
            for c in range(b.n_time):
                tlo, thi = b.time_range(c)
                out.append(KnoxCell(r, c, r == 0, rows[r], cols[c], dlo, dhi, tlo, thi,
                                    int(self.observed[r, c]), float(self.expected[r, c]),
                                    float(self.ratio[r, c]), float(self.p_value[r, c]), bool(sig[r, c])))
        return out


def to_days(values: object) -> np.ndarray:
    """Dates as float days: numbers pass through, datetimes become days since 1970-01-01.

    Accepts a numeric array (NaN = missing), a ``datetime64`` array (NaT = missing) or a
    sequence of ``datetime.date``/``datetime``/ISO strings/``None``. Whole dates give whole
    numbers, so day-based bands are applied to whole-day gaps.
    """
    arr = np.asarray(values)
    if arr.dtype.kind == "O" and all(v is None or (isinstance(v, (int, float, np.integer, np.floating))
                                                   and not isinstance(v, bool)) for v in arr.ravel()):
        arr = np.array([np.nan if v is None else float(v) for v in arr.ravel()], dtype=np.float64)
    if arr.dtype.kind in "iuf":
        return arr.astype(np.float64).ravel()
    if arr.dtype.kind != "M":
        try:
            arr = arr.astype("datetime64[us]")
        except (TypeError, ValueError):
            first = next((v for v in arr.ravel() if v is not None), None) if arr.size else None
            raise InputError(N_('Dates must be dates or numbers of days; could not read "{example}".'),
                             example=first) from None
    us = arr.astype("datetime64[us]").ravel()
    missing = np.isnat(us)
    ticks = (us - np.datetime64(0, "us")).astype(np.int64)
    days = ticks // 86_400_000_000 + (ticks % 86_400_000_000) / 86_400_000_000.0
    days = days.astype(np.float64)
    days[missing] = np.nan
    return days


def as_xy(x: object, y: object) -> Tuple[np.ndarray, np.ndarray]:
    """Coordinates as two float64 arrays; ValueError when their lengths differ."""
    xa = np.asarray(x, dtype=np.float64).ravel()
    ya = np.asarray(y, dtype=np.float64).ravel()
    if xa.shape != ya.shape:
        raise ValueError(f"{xa.size} x and {ya.size} y coordinates")
    return xa, ya


def _gather(values: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``values[index]``; ``np.take`` is fastest with native (intp) indices, fancy indexing otherwise."""
    return np.take(values, index) if index.dtype == np.intp else values[index]


class _PairCounter:
    """Counts the pairs per (row, time band) for any assignment of dates to incidents.

    Three exact ways to find a pair's time band, chosen once:

    * whole-day dates ("days", any edges): the signed gap ``t_i - t_j`` shifted by the date
      span is counted per day with ``np.bincount``, folded to ``|gap|`` afterwards and each
      whole-day gap is looked up in a day -> band table (exact: the gaps are whole numbers);
    * fractional dates, whole-day edges ("floor"): ``lo <= t < hi`` holds exactly when
      ``lo <= floor(t) < hi``, so ``floor(|gap|)`` is counted per day and looked up the same way;
    * fractional dates and fractional edges ("search"): ``np.searchsorted`` on the edges
      (about three times slower).
    """

    def __init__(self, ii: np.ndarray, jj: np.ndarray, row_starts: np.ndarray, bands: Bands,
                 t: np.ndarray) -> None:
        self.ii = ii
        self.jj = jj
        self.row_starts = row_starts
        self.bands = bands
        edges = np.asarray(bands.time_edges)
        self.edges = edges
        small = edges[-1] <= _MAX_DAY_BINS
        integer_edges = bool(np.all(edges == np.floor(edges))) and small
        span = float(t.max() - t.min())
        if small and bool(np.all(t == np.floor(t))) and span <= _MAX_DAY_BINS:
            self.mode = "days"
            self.span = int(span)
            self.t = (t - t.min()).astype(np.int64)
        else:
            self.mode = "floor" if integer_edges else "search"
            self.span = 0
            self.t = t.astype(np.float64)
        # Whole-day gaps 0 .. emax - 1 can fall in a band; emax (and beyond) cannot.
        self.emax = int(math.ceil(edges[-1])) if self.mode != "search" else 0
        days = np.arange(self.emax, dtype=np.float64)
        day_band = np.searchsorted(edges, days, side="right") - 1
        day_band[(day_band < 0) | (day_band >= bands.n_time)] = bands.n_time  # not counted
        self.day_band = day_band

    def count(self, tp: np.ndarray, monitor: Monitor) -> np.ndarray:
        """Counts (rows, times) for dates ``tp`` (already permuted, in ``self.t``'s dtype)."""
        b = self.bands
        counts = np.zeros((b.n_distance + 1, b.n_time), dtype=np.int64)
        tpa = tp + self.span if self.mode == "days" else tp
        for r in range(b.n_distance + 1):
            lo, hi = int(self.row_starts[r]), int(self.row_starts[r + 1])
            hist: Optional[np.ndarray] = None
            for s in range(lo, hi, CHUNK):
                e = min(hi, s + CHUNK)
                gap = _gather(tpa, self.ii[s:e])
                np.subtract(gap, _gather(tp, self.jj[s:e]), out=gap)
                if self.mode == "days":
                    h = np.bincount(gap, minlength=2 * self.span + 1)
                elif self.mode == "floor":
                    np.abs(gap, out=gap)
                    np.minimum(gap, self.emax, out=gap)
                    h = np.bincount(gap.astype(np.intp), minlength=self.emax + 1)
                else:
                    np.abs(gap, out=gap)
                    h = np.bincount(np.searchsorted(self.edges, gap, side="right"),
                                    minlength=b.n_time + 2)
                hist = h if hist is None else hist + h
                monitor.check()
            if hist is None:
                continue
            if self.mode == "search":
                counts[r] = hist[1:b.n_time + 1]
                continue
            if self.mode == "days":
                # Fold the signed gaps (index span + g) onto |g|, keeping gaps below the last edge.
                m = min(self.emax, self.span + 1)
                per_day = np.zeros(self.emax, dtype=np.int64)
                per_day[:m] = hist[self.span:self.span + m]
                per_day[1:m] += hist[self.span - np.arange(1, m)]
            else:
                per_day = hist[:self.emax]
            counts[r] = np.bincount(self.day_band, weights=per_day,
                                    minlength=b.n_time + 1)[:b.n_time].round().astype(np.int64)
        return counts


def _find_pairs(x: np.ndarray, y: np.ndarray, bands: Bands,
                monitor: Monitor) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs i < j in some row, sorted by row: (ii, jj, row_starts).

    The indices are int32; up to :data:`NATIVE_INDEX_PAIRS` pairs they are widened to the
    native integer, which halves the time of each permutation's gathers (16 bytes a pair).
    """
    n = x.size
    pts = np.column_stack([x, y])
    tree = cKDTree(pts)
    dmax = bands.distance_edges[-1]
    radius = dmax * (1.0 + 1e-9) + 1e-9  # a hair wider; the exact test follows below
    n_within = (int(tree.count_neighbors(tree, radius)) - n) // 2
    if n_within > MAX_PAIRS:
        raise InputError(N_("{pairs} pairs of incidents lie within {distance} m of each other, more "
                            "than this analysis can hold in memory ({limit}). Choose a smaller "
                            "largest distance band, fewer incidents or a shorter period."),
                         pairs=n_within, distance=format_number(dmax), limit=MAX_PAIRS)
    monitor.check()
    order = np.argsort(x, kind="stable")
    # Query points in blocks small enough that one block yields about 2 * CHUNK neighbour entries.
    mean_neighbours = max(1.0, 2.0 * n_within / n)
    block = int(max(16, min(4096, 2 * CHUNK / mean_neighbours)))
    ii_parts: List[np.ndarray] = []
    jj_parts: List[np.ndarray] = []
    row_parts: List[np.ndarray] = []
    dedges = np.asarray(bands.distance_edges)
    for s in range(0, n, block):
        idx = order[s:s + block]
        sub = cKDTree(pts[idx])
        m = sub.sparse_distance_matrix(tree, radius, output_type="ndarray")
        gi = idx[m["i"]]
        gj = m["j"].astype(np.intp)
        keep = gi < gj
        gi, gj = gi[keep], gj[keep]
        dx = x[gi] - x[gj]
        dy = y[gi] - y[gj]
        d = np.sqrt(dx * dx + dy * dy)
        # Row 0: d <= tol. Row k+1: edges[k] < d <= edges[k+1] (searchsorted 'left' gives k+1).
        row = np.searchsorted(dedges, d, side="left")
        row[d <= bands.same_location] = 0
        valid = (d <= bands.same_location) | ((row >= 1) & (row <= bands.n_distance))
        ii_parts.append(gi[valid].astype(np.int32))
        jj_parts.append(gj[valid].astype(np.int32))
        row_parts.append(row[valid].astype(np.int8 if bands.n_distance < 127 else np.int32))
        monitor.check()
    ii = np.concatenate(ii_parts) if ii_parts else np.empty(0, np.int32)
    jj = np.concatenate(jj_parts) if jj_parts else np.empty(0, np.int32)
    rows = np.concatenate(row_parts) if row_parts else np.empty(0, np.int8)
    # Sort by row, then by i for memory locality of the gathers.
    sort = np.lexsort((ii, rows))
    ii, jj, rows = ii[sort], jj[sort], rows[sort]
    row_starts = np.searchsorted(rows, np.arange(bands.n_distance + 2), side="left")
    if ii.size <= NATIVE_INDEX_PAIRS:
        ii, jj = ii.astype(np.intp), jj.astype(np.intp)
    return ii, jj, row_starts


def _validate_incidents(x: object, y: object, t_days: object) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    try:
        xa, ya = as_xy(x, y)
    except ValueError:
        raise InputError(N_("The incidents have {nx} x and {ny} y coordinates; they must pair up."),
                         nx=np.size(x), ny=np.size(y)) from None
    t = to_days(t_days)
    if t.size != xa.size:
        raise InputError(N_("There are {n} incidents but {m} dates; every incident needs one date."),
                         n=xa.size, m=t.size)
    if xa.size < 2:
        raise InputError(N_("The near-repeat analysis needs at least 2 incidents with a location and "
                            "a date; got {n}."), n=xa.size)
    bad_xy = int(np.count_nonzero(~(np.isfinite(xa) & np.isfinite(ya))))
    if bad_xy:
        raise InputError(N_("{count} incident(s) have no valid location. Remove them or fix their "
                            "geometry."), count=bad_xy)
    missing = int(np.count_nonzero(~np.isfinite(t)))
    if missing:
        raise InputError(N_("{count} incident(s) have no date. The near-repeat analysis needs a date "
                            "for every incident: fill in the dates or leave those incidents out."),
                         count=missing)
    if np.all(t == t[0]):
        raise InputError(N_("All {n} incidents have the same date, so there is no time pattern to "
                            "test. Use incidents from a longer period."), n=xa.size)
    return xa, ya, t


def knox(x: object, y: object, t_days: object,
         distance_edges: Optional[Sequence[float]] = None,
         time_edges: Optional[Sequence[float]] = None,
         permutations: int = DEFAULT_PERMUTATIONS, seed: Optional[int] = None,
         monitor: Optional[Monitor] = None,
         same_location: float = DEFAULT_SAME_LOCATION) -> KnoxResult:
    """The Knox test with a Monte Carlo permutation of the dates.

    ``x``, ``y`` are coordinates in metres (projected CRS); ``t_days`` the dates as days
    (numbers) or datetimes (see :func:`to_days`). Band edges default to
    :data:`DEFAULT_DISTANCE_EDGES` and :data:`DEFAULT_TIME_EDGES`; see :class:`Bands` for which
    end of each band is included. ``seed`` makes the permutations reproducible
    (``numpy.random.default_rng(seed)``, one ``permutation(n)`` per draw).
    """
    monitor = ensure(monitor)
    bands = Bands(DEFAULT_DISTANCE_EDGES if distance_edges is None else distance_edges,  # type: ignore[arg-type]
                  DEFAULT_TIME_EDGES if time_edges is None else time_edges,  # type: ignore[arg-type]
                  same_location)
    try:
        nperm = int(permutations)
    except (TypeError, ValueError):
        nperm = -1
    if nperm < 1 or nperm != permutations:
        raise InputError(N_("The number of permutations must be a whole number of at least 1 "
                            "(999 is usual), got {value}."), value=permutations)
    xa, ya, t = _validate_incidents(x, y, t_days)
    n = xa.size

    monitor.set(0)
    ii, jj, row_starts = _find_pairs(xa, ya, bands, monitor.sub(0, 5))
    counter = _PairCounter(ii, jj, row_starts, bands, t)
    observed = counter.count(counter.t, monitor)
    monitor.set(5)

    rng = np.random.default_rng(seed)
    total = np.zeros(observed.shape, dtype=np.float64)
    at_least = np.zeros(observed.shape, dtype=np.int64)
    perm_monitor = monitor.sub(5, 100)
    for k in range(nperm):
        tp = counter.t[rng.permutation(n)]
        sim = counter.count(tp, monitor)
        total += sim
        at_least += sim >= observed
        perm_monitor.set(100.0 * (k + 1) / nperm)
    expected = total / nperm
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / np.where(expected > 0, expected, 1.0), np.nan)
    p_value = (at_least + 1.0) / (nperm + 1.0)
    return KnoxResult(bands=bands, observed=observed, expected=expected, ratio=ratio, p_value=p_value,
                      n_incidents=n, n_pairs=int(ii.size), permutations=nperm, seed=seed,
                      n_pairs_total=n * (n - 1) // 2)


#: What a star in the Knox table or chart means; fill with :func:`significance_note`.
SIGNIFICANCE_NOTE_FDR = N_("* = more pairs than expected by chance (Knox ratio above 1), significant at a "
                           "false discovery rate of {alpha} over all {cells} cells of the table "
                           "(Benjamini-Hochberg).")
SIGNIFICANCE_NOTE_PLAIN = N_("* = more pairs than expected by chance (Knox ratio above 1) with p < {alpha} "
                             "in that cell on its own (not corrected for the {cells} cells tested).")


def significant(result: KnoxResult, alpha: float = DEFAULT_ALPHA, fdr: bool = True) -> np.ndarray:
    """Cells with a significant excess of pairs (bool, the shape of ``result.p_value``).

    A cell is significant when its Knox ratio is above 1 (NaN is not) and its p-value passes the
    Benjamini-Hochberg test at false discovery rate *alpha* over all cells of the table (the
    same-location row included). With ``fdr=False``: ``p < alpha`` per cell on its own, the old
    (Ratcliffe calculator) rule, under which about one in twenty of the ~36 null cells is marked
    by chance. :func:`near_repeat_extent` and :func:`conclusion` take the same *fdr* switch
    (their default is still ``False``, the uncorrected rule, for compatibility); pass
    ``fdr=True`` there too so that the sentence and the stars never disagree.
    """
    with np.errstate(invalid="ignore"):
        excess = np.nan_to_num(result.ratio, nan=0.0) > 1.0
        passed = fdr_bh(result.p_value, alpha) if fdr else (result.p_value < alpha)
    return passed & excess


def significance_note(result: KnoxResult, alpha: float = DEFAULT_ALPHA, fdr: bool = True,
                      decimal: str = ".") -> Tuple[str, dict]:
    """What a star means, as ``(template, params)``: translate the ``N_()`` template, then
    ``.format(**params)`` (``alpha`` formatted with *decimal*, ``cells`` the number tested)."""
    cells = int(np.isfinite(np.asarray(result.p_value, dtype=float)).sum())
    return (SIGNIFICANCE_NOTE_FDR if fdr else SIGNIFICANCE_NOTE_PLAIN,
            {"alpha": format_number(alpha, decimal=decimal), "cells": cells})


def _raised(result: KnoxResult, alpha: float, fdr: bool = True) -> np.ndarray:
    return significant(result, alpha, fdr)


def _run(flags: np.ndarray) -> int:
    """Length of the run of True values at the start of ``flags``."""
    k = 0
    while k < flags.size and flags[k]:
        k += 1
    return k


def near_repeat_extent(result: KnoxResult, alpha: float = DEFAULT_ALPHA, fdr: bool = False
                       ) -> Tuple[Optional[float], Optional[float], Optional[float]]:
    """``(distance m, days, repeat days)`` of the raised risk, each None when there is none.

    The rule (a cell is *raised* when :func:`significant` marks it with the same *fdr*: by default
    ``p < alpha`` per cell and Knox ratio > 1, uncorrected, as in Ratcliffe's calculator; with
    ``fdr=True`` p must pass Benjamini-Hochberg at false discovery rate *alpha* over all cells,
    the rule of the table's stars):

    * near repeats start at the origin cell (first distance band, first time band); if that
      cell is not raised there is no near-repeat pattern (distance and days are None);
    * distance = the upper edge of the last band in the unbroken run of raised cells going
      outward along the first time band (the risk right after an incident: how far);
    * days = the upper edge of the last band in the unbroken run of raised cells going
      forward in time along the first distance band (how long, close by);
    * repeat days = the same run along the same-location row (None if its first cell is not
      raised).

    Both runs stay next to the origin, so a raised cell far away that is not connected to
    it (often chance among many cells) does not stretch the conclusion.
    """
    raised = _raised(result, alpha, fdr)
    b = result.bands
    rep = _run(raised[0])
    repeat_days = b.time_edges[rep] if rep else None
    if not raised[1, 0]:
        return None, None, repeat_days
    dist_run = _run(raised[1:, 0])
    time_run = _run(raised[1])
    return b.distance_edges[dist_run], b.time_edges[time_run], repeat_days


def conclusion(result: KnoxResult, alpha: float = DEFAULT_ALPHA, decimal: str = ".", fdr: bool = False
               ) -> Tuple[str, dict]:
    """A plain-language conclusion as ``(template, params)``; see :func:`near_repeat_extent`.

    The template is marked with ``N_()``; translate it, then ``.format(**params)``. The
    params are ready-formatted texts (``distance``, ``days``, ``repeat_days``, ``alpha``).
    """
    distance, days, repeat_days = near_repeat_extent(result, alpha, fdr)
    params = {"alpha": format_number(alpha, decimal=decimal)}
    if repeat_days is not None:
        params["repeat_days"] = format_number(repeat_days, decimal=decimal)
    if distance is not None and days is not None:
        params["distance"] = format_number(distance, decimal=decimal)
        params["days"] = format_number(days, decimal=decimal)
        if repeat_days is not None:
            return (N_("Raised risk up to {distance} m and {days} days after an incident; repeats at "
                       "the same location up to {repeat_days} days after an incident."), params)
        return N_("Raised risk up to {distance} m and {days} days after an incident."), params
    if repeat_days is not None:
        if fdr:
            return (N_("No near-repeat pattern found around incidents (false discovery rate {alpha}), but "
                       "repeats at the same location up to {repeat_days} days after an incident."), params)
        return (N_("No near-repeat pattern found around incidents (p < {alpha}), but repeats at the "
                   "same location up to {repeat_days} days after an incident."), params)
    if fdr:
        return (N_("No near-repeat pattern found: nearby incidents shortly after one another are not "
                   "more frequent than by chance (false discovery rate {alpha})."), params)
    return (N_("No near-repeat pattern found: nearby incidents shortly after one another are not "
               "more frequent than by chance (p < {alpha})."), params)
