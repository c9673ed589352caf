"""The statistics of the environment scan: exact tests of a change and of a rate ratio (pure core).

See :mod:`hotspot_plugin.core.scan` for the definitions (conditional binomial test of two Poisson
counts, Clopper-Pearson intervals, nested and separate reference comparisons).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from scipy import stats

from .scan_types import DEFAULT_ALPHA, json_number


def _pvalue(k: int, n: int, p0: float) -> float:
    """Two-sided exact binomial p-value: twice the smaller tail, capped at 1."""
    if n <= 0:
        return 1.0
    lower = float(stats.binom.cdf(k, n, p0))
    upper = float(stats.binom.sf(k - 1, n, p0))
    return min(1.0, 2.0 * min(lower, upper))


def clopper_pearson(k: int, n: int, alpha: float = DEFAULT_ALPHA) -> Tuple[float, float]:
    """Exact (1 - alpha) interval of a binomial proportion k out of n (Clopper-Pearson)."""
    if n <= 0:
        return 0.0, 1.0
    lo = 0.0 if k <= 0 else float(stats.beta.ppf(alpha / 2.0, k, n - k + 1))
    hi = 1.0 if k >= n else float(stats.beta.ppf(1.0 - alpha / 2.0, k + 1, n - k))
    return lo, hi



def _odds(p: float, factor: float) -> Optional[float]:
    return None if p >= 1.0 else p / (1.0 - p) * factor


def poisson_change(
    n1: int, n2: int, len1: float, len2: float, alpha: float = DEFAULT_ALPHA
) -> Dict[str, Any]:
    """Change of a count between two periods of lengths len1 (the period) and len2 (comparison).

    Exact conditional binomial test (see the module docstring). Returns ratio, change_pct,
    ci_low, ci_high, p_value, significant, direction ("up", "down" or "none") and p0.
    """
    n = n1 + n2
    p0 = len1 / (len1 + len2)
    p = _pvalue(n1, n, p0)
    sig = bool(n > 0 and p < alpha)
    ratio = None if n2 == 0 else (n1 / len1) / (n2 / len2)
    lo = hi = None
    if n > 0:
        plo, phi = clopper_pearson(n1, n, alpha)
        lo, hi = _odds(plo, len2 / len1), _odds(phi, len2 / len1)
    direction = "none"
    if sig:
        direction = "up" if n1 / len1 > n2 / len2 else "down"
    return {
        "ratio": json_number(ratio),
        "change_pct": json_number(None if ratio is None else (ratio - 1.0) * 100.0),
        "ci_low": json_number(lo),
        "ci_high": json_number(hi),
        "p_value": json_number(p),
        "significant": sig,
        "direction": direction,
        "p0": json_number(p0),
    }


def rate_ratio(
    n1: int, exposure1: float, n_ref: int, exposure_ref: float, nested: bool, alpha: float = DEFAULT_ALPHA
) -> Optional[Dict[str, Any]]:
    """Rate ratio of the area (n1 over exposure1) against the reference (n_ref over exposure_ref).

    *nested*: the reference count and exposure include the area's own (see the module
    docstring). Returns ratio, ci_low, ci_high, p_value, significant, p0; None when an exposure
    is 0 or the comparison is impossible (nested with exposure1 >= exposure_ref).
    """
    if not exposure1 or not exposure_ref or exposure1 <= 0 or exposure_ref <= 0:
        return None
    if nested:
        if exposure1 >= exposure_ref or n1 > n_ref:
            return None
        n, p0, factor = n_ref, exposure1 / exposure_ref, exposure_ref / exposure1
    else:
        n, p0, factor = n1 + n_ref, exposure1 / (exposure1 + exposure_ref), exposure_ref / exposure1
    ratio = None if n_ref == 0 else (n1 / exposure1) / (n_ref / exposure_ref)
    p = _pvalue(n1, n, p0)
    lo = hi = None
    if n > 0:
        plo, phi = clopper_pearson(n1, n, alpha)
        if nested:
            lo, hi = plo * factor, phi * factor
        else:
            lo, hi = _odds(plo, factor), _odds(phi, factor)
    return {
        "ratio": json_number(ratio),
        "ci_low": json_number(lo),
        "ci_high": json_number(hi),
        "p_value": json_number(p),
        "significant": bool(n > 0 and p < alpha),
        "p0": json_number(p0),
    }

