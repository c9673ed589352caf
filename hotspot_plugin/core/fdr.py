"""Benjamini-Hochberg false discovery rate control, shared by Gi* and the Knox test (pure core)."""
from __future__ import annotations

import numpy as np


def fdr_bh(p: np.ndarray, alpha: float) -> np.ndarray:
    """Benjamini-Hochberg step-up: True where the hypothesis is rejected at FDR *alpha*.

    With the m finite p-values sorted ``p_(1) <= ... <= p_(m)``, let ``k`` be the largest rank
    with ``p_(k) <= k * alpha / m``; the k smallest are significant. NaN p-values (cells
    outside the study area) take no part and are never significant.
    """
    pa = np.asarray(p, dtype=float)
    out = np.zeros(pa.shape, dtype=bool)
    ok = np.isfinite(pa)
    m = int(ok.sum())
    if m == 0:
        return out
    pv = pa[ok]
    ranked = np.sort(pv)
    passed = np.flatnonzero(ranked <= alpha * np.arange(1, m + 1) / m)
    if passed.size == 0:
        return out
    out[ok] = pv <= ranked[passed[-1]]
    return out


def bh_adjusted(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values ("q-values"): the smallest FDR level at which each
    hypothesis is rejected by :func:`fdr_bh` (``q_(k) = min over j >= k of p_(j) * m / j``, at
    most 1); NaN stays NaN. ``fdr_bh(p, alpha)`` equals ``bh_adjusted(p) <= alpha``."""
    pa = np.asarray(p, dtype=float)
    out = np.full(pa.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(pa))
    m = ok.size
    if m == 0:
        return out
    order = ok[np.argsort(pa[ok], kind="stable")]
    scaled = pa[order] * m / np.arange(1, m + 1)
    out[order] = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    return out
