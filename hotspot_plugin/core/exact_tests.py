"""Exact tests of the findings: binomial test and Fisher's exact test of a 2x2 table (pure core).

Pure Python with log-gamma (``math.lgamma``), so the findings do not depend on scipy's version.
Both two-sided p-values follow R (``binom.test``, ``fisher.test``): the sum of the probabilities
of all outcomes that are no more likely than the one observed (with R's relative tolerance
``1 + 1e-7``), capped at 1.
"""

from __future__ import annotations

import math
from typing import List

#: R's tolerance when comparing probabilities with the observed one (``relErr`` in binom.test).
REL_ERR = 1.0 + 1e-7


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def binom_pmf(k: int, n: int, p: float) -> float:
    """P(X = k) for X ~ Binomial(n, p)."""
    if k < 0 or k > n:
        return 0.0
    if p <= 0.0:
        return 1.0 if k == 0 else 0.0
    if p >= 1.0:
        return 1.0 if k == n else 0.0
    return math.exp(_log_choose(n, k) + k * math.log(p) + (n - k) * math.log1p(-p))


def binom_test(k: int, n: int, p: float) -> float:
    """Two-sided exact binomial test of ``k`` successes out of ``n`` against probability ``p``
    (R's ``binom.test(k, n, p)$p.value``)."""
    k, n = int(k), int(n)
    if n <= 0:
        return 1.0
    probs = [binom_pmf(i, n, p) for i in range(n + 1)]
    d = probs[k] * REL_ERR
    return min(1.0, math.fsum(q for q in probs if q <= d))


def binom_test_greater(k: int, n: int, p: float) -> float:
    """One-sided exact binomial test, alternative "greater": P(X >= k)."""
    k, n = int(k), int(n)
    if n <= 0 or k <= 0:
        return 1.0
    return min(1.0, math.fsum(binom_pmf(i, n, p) for i in range(k, n + 1)))


def _hypergeom(a_plus_b: int, c_plus_d: int, a_plus_c: int) -> List[float]:
    """The probabilities of cell a = lo..hi of a 2x2 table with fixed margins (row 1, row 2, column 1)."""
    lo = max(0, a_plus_c - c_plus_d)
    hi = min(a_plus_b, a_plus_c)
    total = a_plus_b + c_plus_d
    log_denominator = _log_choose(total, a_plus_c)
    return [
        math.exp(_log_choose(a_plus_b, a) + _log_choose(c_plus_d, a_plus_c - a) - log_denominator)
        for a in range(lo, hi + 1)
    ]


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher's exact test of the 2x2 table [[a, b], [c, d]] (R's
    ``fisher.test(matrix(c(a, c, b, d), 2))$p.value``): conditional on the margins, the sum of the
    hypergeometric probabilities no larger than the observed table's."""
    a, b, c, d = (int(v) for v in (a, b, c, d))
    if min(a, b, c, d) < 0:
        raise ValueError("a 2x2 table holds counts of 0 or more")
    lo = max(0, (a + c) - (c + d))
    probs = _hypergeom(a + b, c + d, a + c)
    if not probs:
        return 1.0
    observed = probs[a - lo] * REL_ERR
    return min(1.0, math.fsum(q for q in probs if q <= observed))


def fisher_exact_greater(a: int, b: int, c: int, d: int) -> float:
    """One-sided Fisher's exact test, alternative "greater" (odds ratio > 1): P(A >= a)."""
    lo = max(0, (a + c) - (c + d))
    probs = _hypergeom(a + b, c + d, a + c)
    return min(1.0, math.fsum(probs[a - lo:]))
