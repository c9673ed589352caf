"""The Mann-Kendall trend test and Sen's slope, vectorised over many series (pure core).

Used by the area monitor (``hotspot:areamonitor``: the trend of an area's yearly rate) and the
emerging hot spots (``hotspot:emerginghotspots``: the trend of a cell's counts and of its Gi*
z-scores). Each row of the input is one series in time order; NaN values take no part.

Definitions (Mann 1945, Kendall 1975; as in ArcGIS's space-time pattern mining):

* ``S = sum_{i<j} sign(x_j - x_i)`` over the pairs of finite values;
* ``Var(S) = (n (n - 1) (2n + 5) - sum_g t_g (t_g - 1) (2 t_g + 5)) / 18``, ``n`` the number of
  finite values and ``t_g`` the sizes of the groups of tied values;
* ``Z = (S - 1) / sqrt(Var)`` for ``S > 0``, ``(S + 1) / sqrt(Var)`` for ``S < 0``, else 0
  (continuity correction);
* ``p`` two-sided from the standard normal distribution; 1 when ``Var(S) = 0`` (fewer than two
  values, or all equal).

Sen's slope is the median of ``(x_j - x_i) / (j - i)`` over the pairs of finite values.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
from scipy.stats import norm

from .progress import Monitor, ensure

#: Rows handled at once (bounds the memory of the pairwise comparisons).
CHUNK = 4096


@dataclass
class TrendResult:
    """Mann-Kendall per series: ``s``, ``var``, ``z``, ``p`` (two-sided), ``n`` (finite values)
    and ``slope`` (Sen's slope, NaN with fewer than two values)."""

    s: np.ndarray
    var: np.ndarray
    z: np.ndarray
    p: np.ndarray
    n: np.ndarray
    slope: np.ndarray

    def direction(self, alpha: float = 0.05) -> np.ndarray:
        """+1 where the trend rises significantly (``p < alpha``), -1 where it falls, else 0."""
        sig = self.p < alpha
        return np.where(sig & (self.s > 0), 1, np.where(sig & (self.s < 0), -1, 0)).astype(np.int8)


def mann_kendall(series: np.ndarray, monitor: Optional[Monitor] = None) -> TrendResult:
    """Mann-Kendall test of every row of *series* (2-D: series x time; a 1-D array is one series)."""
    monitor = ensure(monitor)
    x = np.asarray(series, dtype=float)
    if x.ndim == 1:
        x = x[None, :]
    rows, steps = x.shape
    s = np.zeros(rows)
    var = np.zeros(rows)
    n = np.zeros(rows, dtype=np.int64)
    slope = np.full(rows, np.nan)
    iu, ju = np.triu_indices(steps, k=1)
    gaps = (ju - iu).astype(float)
    for start in range(0, rows, CHUNK):
        monitor.check()
        block = x[start:start + CHUNK]
        ok = np.isfinite(block)
        diff = block[:, ju] - block[:, iu]
        both = ok[:, ju] & ok[:, iu]
        s[start:start + CHUNK] = np.where(both, np.sign(np.nan_to_num(diff)), 0.0).sum(axis=1)
        m = ok.sum(axis=1)
        n[start:start + CHUNK] = m
        # Ties: each value in a group of t equal values adds (t - 1)(2t + 5); a group adds t times that.
        eq = (block[:, :, None] == block[:, None, :]) & ok[:, :, None] & ok[:, None, :]
        t = eq.sum(axis=2).astype(float)
        ties = np.where(ok, (t - 1.0) * (2.0 * t + 5.0), 0.0).sum(axis=1)
        mf = m.astype(float)
        var[start:start + CHUNK] = (mf * (mf - 1.0) * (2.0 * mf + 5.0) - ties) / 18.0
        slopes = np.where(both, diff / gaps, np.nan)
        has = both.any(axis=1)
        if has.any():
            slope_block = np.full(block.shape[0], np.nan)
            slope_block[has] = np.nanmedian(slopes[has], axis=1)
            slope[start:start + CHUNK] = slope_block
        monitor.set(100.0 * min(rows, start + CHUNK) / max(1, rows))
    z = np.zeros(rows)
    pos = var > 0
    sd = np.sqrt(np.where(pos, var, 1.0))
    z = np.where(pos & (s > 0), (s - 1.0) / sd, np.where(pos & (s < 0), (s + 1.0) / sd, 0.0))
    p = np.where(pos, np.minimum(1.0, 2.0 * norm.sf(np.abs(z))), 1.0)
    return TrendResult(s=s, var=var, z=z, p=p, n=n, slope=slope)


__all__ = ["TrendResult", "mann_kendall", "CHUNK"]
