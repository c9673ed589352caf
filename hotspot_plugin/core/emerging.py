"""Emerging hot spots: Gi* per time step with space-time neighbours, trends and pattern classes (pure).

The method of ArcGIS's Emerging Hot Spot Analysis, on a square grid of incident counts:

1. **Time steps** are calendar periods of ``months`` months counted from the first of the month
   of the first incident (:func:`time_steps`); the last step may be incomplete.
2. **Locations** are the grid cells holding at least one incident in some step (ArcGIS: "the
   locations with at least one point for at least one time-step interval"). A *bin* is a
   location in a step; all bins of the cube take part in every statistic.
3. **Gi\\* per bin** with binary space-time weights: the neighbours of bin ``(i, t)`` are the
   bins ``(j, s)`` with cell centre ``j`` within the distance band of ``i`` (``i`` itself
   included) and ``t - time_neighbours <= s <= t`` (steps before the first do not exist).
   ``z`` is the Gi* z-score of :func:`core.gistar.gi_star_z` over all ``n`` bins of the cube;
   p-values come from the conditional permutations of :mod:`core.gistar_null` (two-sided,
   ``min(1, 2 p_sim)``), or from the normal distribution of ``z`` -- as ``hotspot:gistar``.
4. **Hot and cold bins**: within each time step the p-values are corrected with
   Benjamini-Hochberg (:func:`core.fdr.fdr_bh`) at level ``alpha`` (default 0.05); a bin is a hot
   (cold) spot when it passes and its ``z`` is positive (negative) and, with permutations, its
   tail agrees.
5. **Trends**: Mann-Kendall (:mod:`core.trend`) of each location's counts and of its z-scores;
   a trend is significant at ``p < trend_alpha`` (default 0.05).
6. **Patterns** (:func:`classify_patterns`), the published definitions of ArcGIS, in this order
   (the first that fits wins; hot and cold of one class cannot both fit):

   * new: hot in the final step and never hot before;
   * consecutive: a single uninterrupted run of at least two hot steps ending with the final
     step, never hot before that run, and hot in less than 90 % of the steps;
   * intensifying: hot in at least 90 % of the steps including the final one, and the z-scores
     rise significantly (cold spots: fall);
   * persistent: hot in at least 90 % of the steps, with no significant trend of the z-scores;
   * diminishing: hot in at least 90 % of the steps including the final one, and the z-scores
     fall significantly (cold spots: rise);
   * sporadic: hot in the final step, hot in less than 90 % of the steps, never a cold spot;
   * oscillating: hot in the final step, hot in less than 90 % of the steps, a cold spot in an
     earlier step;
   * historical: not hot in the final step, hot in at least 90 % of the steps;

   each also for cold spots (swap hot and cold), checked right after its hot twin; otherwise
   "no pattern".
"""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple, Union

import numpy as np
from scipy.stats import norm

from . import gistar as gs
from .errors import InputError
from .fdr import fdr_bh
from .gistar_null import permutation_pvalues
from .i18n import N_
from .progress import Monitor, ensure
from .trend import TrendResult, mann_kendall

#: Pattern codes: + hot, - cold (the same number for the cold twin), 0 none.
NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING, HISTORICAL = range(1, 9)
PATTERN_ORDER = (NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING, HISTORICAL)
#: Share of the steps that makes a location "mostly" hot (ArcGIS: 90 percent).
MOSTLY = 0.9

#: Label and one-sentence explanation of each pattern (English; translated by the QGIS side).
PATTERN_LABELS: Dict[int, str] = {
    0: N_("No pattern"),
    NEW: N_("New hot spot"), -NEW: N_("New cold spot"),
    CONSECUTIVE: N_("Consecutive hot spot"), -CONSECUTIVE: N_("Consecutive cold spot"),
    INTENSIFYING: N_("Intensifying hot spot"), -INTENSIFYING: N_("Intensifying cold spot"),
    PERSISTENT: N_("Persistent hot spot"), -PERSISTENT: N_("Persistent cold spot"),
    DIMINISHING: N_("Diminishing hot spot"), -DIMINISHING: N_("Diminishing cold spot"),
    SPORADIC: N_("Sporadic hot spot"), -SPORADIC: N_("Sporadic cold spot"),
    OSCILLATING: N_("Oscillating hot spot"), -OSCILLATING: N_("Oscillating cold spot"),
    HISTORICAL: N_("Historical hot spot"), -HISTORICAL: N_("Historical cold spot"),
}
PATTERN_EXPLANATIONS: Dict[int, str] = {
    0: N_("Fits none of the patterns below."),
    NEW: N_("A hot spot in the last period and never before."),
    CONSECUTIVE: N_("A hot spot in an unbroken run of the last two or more periods, never before that run."),
    INTENSIFYING: N_("A hot spot in at least 90% of the periods, including the last, and ever more intense."),
    PERSISTENT: N_("A hot spot in at least 90% of the periods, without a trend in its intensity."),
    DIMINISHING: N_("A hot spot in at least 90% of the periods, including the last, but ever less intense."),
    SPORADIC: N_("A hot spot in the last period that has been on and off, and never a cold spot."),
    OSCILLATING: N_("A hot spot in the last period that was a cold spot in an earlier period."),
    HISTORICAL: N_("Not a hot spot in the last period, but in at least 90% of the periods."),
    -NEW: N_("A cold spot in the last period and never before."),
    -CONSECUTIVE: N_("A cold spot in an unbroken run of the last two or more periods, never before that run."),
    -INTENSIFYING: N_("A cold spot in at least 90% of the periods, including the last, and ever more intense."),
    -PERSISTENT: N_("A cold spot in at least 90% of the periods, without a trend in its intensity."),
    -DIMINISHING: N_("A cold spot in at least 90% of the periods, including the last, but ever less intense."),
    -SPORADIC: N_("A cold spot in the last period that has been on and off, and never a hot spot."),
    -OSCILLATING: N_("A cold spot in the last period that was a hot spot in an earlier period."),
    -HISTORICAL: N_("Not a cold spot in the last period, but in at least 90% of the periods."),
}
#: Map colours of the patterns (hot: reds, cold: blues).
PATTERN_COLOURS: Dict[int, str] = {
    0: "#f2f2f2",
    NEW: "#fdd0a2", CONSECUTIVE: "#fdae6b", INTENSIFYING: "#a50f15", PERSISTENT: "#de2d26",
    DIMINISHING: "#fb6a4a", SPORADIC: "#fcbba1", OSCILLATING: "#e7969c", HISTORICAL: "#bdbdbd",
    -NEW: "#c6dbef", -CONSECUTIVE: "#9ecae1", -INTENSIFYING: "#08519c", -PERSISTENT: "#3182bd",
    -DIMINISHING: "#6baed6", -SPORADIC: "#deebf7", -OSCILLATING: "#9e9ac8", -HISTORICAL: "#969696",
}


def pattern_codes() -> List[int]:
    """All codes in legend order: the hot patterns, the cold ones, then no pattern."""
    return list(PATTERN_ORDER) + [-c for c in PATTERN_ORDER] + [0]


# ----------------------------------------------------------------------------------------------
# Time steps
# ----------------------------------------------------------------------------------------------

def time_steps(t: np.ndarray, months: int) -> Tuple[np.ndarray, List[np.datetime64]]:
    """The step of every time (-1 for NaT) and the first day of every step.

    Steps are *months* calendar months long, counted from the first of the month of the
    earliest time: with ``months=3`` and a first incident on 14 February 2023, step 0 is
    1 February - 30 April 2023.
    """
    if int(months) < 1:
        raise InputError(N_("The time step must be at least 1 month, not {months}."), months=months)
    ta = np.asarray(t).astype("datetime64[s]")
    ok = ~np.isnat(ta)
    if not ok.any():
        raise InputError(N_("None of the incidents has a date."))
    month = ta[ok].astype("datetime64[M]").astype(np.int64)
    first = int(month.min())
    step = np.full(ta.shape, -1, dtype=np.int64)
    step[ok] = (month - first) // int(months)
    n_steps = int(step.max()) + 1
    starts = [np.datetime64(first + k * int(months), "M").astype("datetime64[D]") for k in range(n_steps + 1)]
    return step, starts


# ----------------------------------------------------------------------------------------------
# Space-time Gi*
# ----------------------------------------------------------------------------------------------

def space_time_sums(cube: np.ndarray, mask: np.ndarray, radius_cells: float, time_neighbours: int,
                    monitor: Optional[Monitor] = None) -> Tuple[np.ndarray, np.ndarray]:
    """Space-time window sums ``lag[t]`` and neighbour counts ``w[t]`` of a ``(steps, rows, cols)``
    count cube: cells of *mask* within *radius_cells* in steps ``t - time_neighbours .. t``."""
    monitor = ensure(monitor)
    steps = cube.shape[0]
    m = mask.astype(np.int64)
    w_space = gs.window_sums(m, radius_cells)
    sums = np.empty(cube.shape, dtype=np.int64)
    for s in range(steps):
        monitor.check()
        sums[s] = gs.window_sums(cube[s] * m, radius_cells)
        monitor.set(80.0 * (s + 1) / steps)
    csum = np.cumsum(sums, axis=0)
    lag = csum.copy()
    k = int(time_neighbours)
    if k + 1 < steps:
        lag[k + 1:] -= csum[:steps - k - 1]
    depth = np.minimum(np.arange(steps), k) + 1
    w = depth[:, None, None] * w_space[None, :, :]
    monitor.set(100)
    return lag, w


@dataclass
class EmergingResult:
    """Per location (rows) and time step (columns); ``cells`` are flat indices into the grid."""

    grid: gs.SquareGrid
    cells: np.ndarray
    starts: List[np.datetime64]
    counts: np.ndarray
    z: np.ndarray
    p: np.ndarray
    hot: np.ndarray
    cold: np.ndarray
    count_trend: TrendResult
    z_trend: TrendResult
    pattern: np.ndarray
    summary: Dict[str, Any] = field(default_factory=dict)


def _bins(x: np.ndarray, y: np.ndarray, step: np.ndarray, cell: float, max_cells: int
          ) -> Tuple[gs.SquareGrid, np.ndarray]:
    """The grid over the incidents and the count cube ``(steps, rows, cols)``."""
    grid = gs.square_grid(x, y, cell=cell, max_cells=max_cells)
    c = grid.cell
    c0 = int(round(grid.x0 / c))
    r1 = int(round(grid.y0 / c))
    ix = np.clip(np.floor(x / c).astype(np.int64) - c0, 0, grid.cols - 1)
    iy = np.clip(r1 - 1 - np.floor(y / c).astype(np.int64), 0, grid.rows - 1)
    flat = iy * grid.cols + ix
    steps = int(step.max()) + 1
    cube = np.bincount(step * grid.n + flat, minlength=steps * grid.n).reshape(steps, grid.rows, grid.cols)
    return grid, cube.astype(np.int64)


def emerging_hotspots(x: np.ndarray, y: np.ndarray, t: np.ndarray, cell: float, band: float, *,
                      months: int = 3, time_neighbours: int = 1, alpha: float = 0.05,
                      trend_alpha: float = 0.05, fdr: bool = True, permutations: int = 999,
                      p_source: str = "permutation", seed: Union[None, int] = None,
                      max_cells: int = gs.MAX_CELLS, monitor: Optional[Monitor] = None) -> EmergingResult:
    """Emerging hot spots of the incidents at ``(x, y)`` with times *t* (``datetime64``); see the
    module docstring. Incidents without a time are left out (counted in the summary)."""
    monitor = ensure(monitor)
    xa = np.asarray(x, dtype=float)
    ya = np.asarray(y, dtype=float)
    step, starts = time_steps(t, months)
    dated = step >= 0
    located = np.isfinite(xa) & np.isfinite(ya)
    keep = dated & located
    if not keep.any():
        raise InputError(N_("There are no incidents with both a location and a date."))
    b = float(band)
    if not math.isfinite(b) or b <= 0:
        raise InputError(N_("The distance band must be a positive distance, not {band}."), band=band)
    if int(time_neighbours) < 0:
        raise InputError(N_("The number of time neighbours cannot be negative ({k})."), k=time_neighbours)
    if not 0 < alpha < 1:
        raise InputError(N_("The significance level must lie between 0 and 1, not {alpha}."), alpha=alpha)
    grid, cube = _bins(xa[keep], ya[keep], step[keep], cell, max_cells)
    n_steps = cube.shape[0]
    if n_steps < 3:
        raise InputError(N_("The incidents span {n} time steps of {months} months; at least 3 are needed "
                            "for a trend. Choose a shorter time step or more data."), n=n_steps, months=months)
    mask = cube.sum(axis=0) > 0
    monitor.set(5)
    lag3, w3 = space_time_sums(cube, mask, b / grid.cell, time_neighbours, monitor.sub(5, 15))
    cells = np.flatnonzero(mask.ravel())
    counts = cube.reshape(n_steps, -1)[:, cells].T  # (locations, steps)
    lag = lag3.reshape(n_steps, -1)[:, cells].T.astype(float)
    w = w3.reshape(n_steps, -1)[:, cells].T
    xv, lv, wv = counts.ravel().astype(float), lag.ravel(), w.ravel()
    if xv.size < 3:
        raise InputError(N_("Gi* needs at least 3 cells or areas, there are {n}."), n=xv.size)
    z = gs.gi_star_z(xv, lv, wv)
    if seed is None:
        seed = secrets.randbits(31)
    direction = None
    perms = int(permutations)
    if perms > 0 and p_source == "permutation":
        p_sim, upper, _exact = permutation_pvalues(xv, lv, wv, perms, np.random.default_rng(seed),
                                                   monitor=monitor.sub(15, 85))
        p = np.minimum(1.0, 2.0 * p_sim)
        direction = np.where(upper, 1, -1)
    else:
        p = np.minimum(1.0, 2.0 * norm.sf(np.abs(z)))
    monitor.set(85)
    shape = counts.shape
    z2, p2 = z.reshape(shape), p.reshape(shape)
    hot = np.zeros(shape, dtype=bool)
    cold = np.zeros(shape, dtype=bool)
    d2 = None if direction is None else direction.reshape(shape)
    for s in range(n_steps):
        monitor.check()
        sig = fdr_bh(p2[:, s], alpha) if fdr else p2[:, s] < alpha
        up = z2[:, s] > 0
        down = z2[:, s] < 0
        if d2 is not None:
            up &= d2[:, s] > 0
            down &= d2[:, s] < 0
        hot[:, s] = sig & up
        cold[:, s] = sig & down
    count_trend = mann_kendall(counts, monitor.sub(88, 93))
    z_trend = mann_kendall(z2, monitor.sub(93, 98))
    pattern = classify_patterns(hot, cold, z_trend.direction(trend_alpha))
    monitor.set(100)
    summary = {
        "n_incidents": int(keep.sum()), "n_undated": int((~dated).sum()), "n_unlocated": int((~located).sum()),
        "n_steps": n_steps, "n_locations": int(cells.size), "n_bins": int(xv.size), "cell": grid.cell,
        "band": b, "months": int(months), "time_neighbours": int(time_neighbours), "alpha": float(alpha),
        "trend_alpha": float(trend_alpha), "fdr": bool(fdr), "seed": seed,
        "permutations": perms if p_source == "permutation" else 0,
        "p_source": "permutation" if direction is not None else "normal",
        "neighbours_max": int(w.max()), "neighbours_mean": float(w.mean()),
        "hot_bins": int(hot.sum()), "cold_bins": int(cold.sum()),
        "patterns": {int(c): int((pattern == c).sum()) for c in pattern_codes()},
    }
    return EmergingResult(grid=grid, cells=cells, starts=starts, counts=counts, z=z2, p=p2, hot=hot, cold=cold,
                          count_trend=count_trend, z_trend=z_trend, pattern=pattern, summary=summary)


# ----------------------------------------------------------------------------------------------
# Patterns
# ----------------------------------------------------------------------------------------------

def _one_side(on: np.ndarray, other: np.ndarray, trend: np.ndarray) -> Dict[int, np.ndarray]:
    """Which definitions fit, per location, for one side (*on* the hot or cold bins, *other* the
    opposite ones, *trend* +1 when the z-scores intensify this side significantly, -1 when they
    weaken, 0 none)."""
    steps = on.shape[1]
    count = on.sum(axis=1)
    mostly = count >= MOSTLY * steps - 1e-9
    final = on[:, -1]
    run = np.cumprod(on[:, ::-1], axis=1).sum(axis=1)  # unbroken run ending with the final step
    ever_other_before = other[:, :-1].any(axis=1)
    return {
        NEW: final & (count == 1),
        CONSECUTIVE: final & (run >= 2) & (count == run) & ~mostly,
        INTENSIFYING: mostly & final & (trend > 0),
        PERSISTENT: mostly & (trend == 0),
        DIMINISHING: mostly & final & (trend < 0),
        SPORADIC: final & ~mostly & ~other.any(axis=1),
        OSCILLATING: final & ~mostly & ever_other_before,
        HISTORICAL: ~final & mostly,
    }


def classify_patterns(hot: np.ndarray, cold: np.ndarray, z_trend: np.ndarray) -> np.ndarray:
    """The pattern code of every location from its hot and cold bins ``(locations, steps)`` and
    the significant direction of the trend of its z-scores (+1 rising, -1 falling, 0 none)."""
    hot = np.asarray(hot, dtype=bool)
    cold = np.asarray(cold, dtype=bool)
    trend = np.asarray(z_trend)
    fits_hot = _one_side(hot, cold, trend)
    fits_cold = _one_side(cold, hot, -trend)
    out = np.zeros(hot.shape[0], dtype=np.int8)
    done = np.zeros(hot.shape[0], dtype=bool)
    for code in PATTERN_ORDER:
        for sign, fits in ((1, fits_hot), (-1, fits_cold)):
            pick = fits[code] & ~done
            out[pick] = sign * code
            done |= pick
    return out


__all__ = ["NEW", "CONSECUTIVE", "INTENSIFYING", "PERSISTENT", "DIMINISHING", "SPORADIC", "OSCILLATING",
           "HISTORICAL", "PATTERN_ORDER", "PATTERN_LABELS", "PATTERN_EXPLANATIONS", "PATTERN_COLOURS",
           "pattern_codes", "time_steps", "space_time_sums", "EmergingResult", "emerging_hotspots",
           "classify_patterns"]
