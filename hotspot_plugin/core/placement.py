"""Choosing K camera positions that see the most incidents (maximum coverage; pure core).

Each candidate covers a set of incidents (those inside its visible polygon). The exact
optimum is found by trying every set of K candidates when there are at most
:data:`MAX_EXHAUSTIVE` such sets; otherwise greedily (each step adds the candidate that sees
the most incidents not yet seen), which is guaranteed to see at least (1 - 1/e), about 63 %,
of what the best K cameras could see (Nemhauser, Wolsey & Fisher 1978). Ties go to the
candidate that comes first in the input.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import List, Optional, Sequence

from .progress import Monitor, ensure

MAX_EXHAUSTIVE = 100_000
GREEDY_GUARANTEE = 1.0 - 1.0 / math.e


@dataclass
class Placement:
    """The chosen candidates in the order they add coverage, with each one's gain."""

    chosen: List[int]
    gains: List[int]  # incidents each chosen camera adds to those before it
    cumulative: List[int]
    covered: int
    method: str  # "exhaustive" or "greedy"
    combinations: int  # the number of candidate sets of size K


def _bits(indices: Sequence[int]) -> int:
    mask = 0
    for i in indices:
        mask |= 1 << int(i)
    return mask


def _count(mask: int) -> int:
    return bin(mask).count("1")


def _greedy(masks: List[int], k: int, start: int = 0, pool: Optional[Sequence[int]] = None):
    chosen: List[int] = []
    gains: List[int] = []
    seen = start
    pool = list(range(len(masks))) if pool is None else list(pool)
    for _ in range(min(k, len(pool))):
        best, best_gain = -1, -1
        for i in pool:
            if i in chosen:
                continue
            gain = _count(masks[i] & ~seen)
            if gain > best_gain:
                best, best_gain = i, gain
        chosen.append(best)
        gains.append(best_gain)
        seen |= masks[best]
    return chosen, gains, seen


def place(covers: Sequence[Sequence[int]], k: int, monitor: Optional[Monitor] = None,
          max_exhaustive: int = MAX_EXHAUSTIVE) -> Placement:
    """Choose *k* of the candidates (``covers[i]``: the incident indices candidate i sees)."""
    monitor = ensure(monitor)
    n = len(covers)
    k = max(0, min(int(k), n))
    masks = [_bits(c) for c in covers]
    combinations = math.comb(n, k)
    if combinations <= max_exhaustive:
        best_set, best = (), -1
        for step, subset in enumerate(itertools.combinations(range(n), k)):
            if step % 2000 == 0:
                monitor.check()
                monitor.set(100.0 * step / max(1, combinations))
            mask = 0
            for i in subset:
                mask |= masks[i]
            value = _count(mask)
            if value > best:
                best_set, best = subset, value
        # Report the chosen set in the order that adds most at each step.
        chosen, gains, seen = _greedy(masks, k, pool=best_set)
        method = "exhaustive"
    else:
        chosen, gains, seen = _greedy(masks, k)
        method = "greedy"
    monitor.set(100.0)
    cumulative = list(itertools.accumulate(gains))
    return Placement(chosen, gains, cumulative, _count(seen), method, combinations)
