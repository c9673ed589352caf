"""The reference figures of the findings' time-of-day test: evening and night in the area and in the
rest of the reference area, per group (pure core).

An incident's time of day for this test is its begin time, or the middle of its crime window when
the end is known and the window is shorter than :data:`MAX_WINDOW_HOURS`; an incident without a
time of day, or with a longer window, is left out ("not timed"). Evening and night are
19:00-07:00 (the day parts avond and nacht of :data:`~.scan_types.DAGDELEN_HOURS`). Each incident
counts once and wholly, so the counts are whole numbers for an exact test (the day-part chart
spreads windows aoristically instead; see :mod:`.scan_patterns`).
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Tuple

import numpy as np

#: A crime window this long or longer gives no time of day for the test.
MAX_WINDOW_HOURS = 12
#: Evening and night: from this hour ...
LATE_FROM = 19
#: ... to this hour (exclusive), across midnight.
LATE_TO = 7


def late_flags(
    t: np.ndarray, t_end: Optional[np.ndarray] = None, time_known: Optional[np.ndarray] = None
) -> Tuple[np.ndarray, np.ndarray]:
    """(timed, late) per incident: whether it has a time of day for the test, and whether that time
    lies in the evening or at night (see the module docstring)."""
    t = np.asarray(t).astype("datetime64[s]")
    timed = ~np.isnat(t)
    moment = t.copy()
    if t_end is not None:
        end = np.asarray(t_end).astype("datetime64[s]")
        has_end = ~np.isnat(end) & timed
        length = np.where(has_end, (end - t).astype(np.int64), 0)
        long_window = has_end & (length >= MAX_WINDOW_HOURS * 3600)
        timed &= ~long_window
        mid = has_end & ~long_window & (length > 0)
        moment[mid] = t[mid] + (length[mid] // 2).astype("timedelta64[s]")
    if time_known is not None:
        timed &= np.asarray(time_known, dtype=bool)
    seconds = np.where(timed, moment.astype(np.int64), 0)
    hour = (seconds % 86400) // 3600
    late = timed & ((hour >= LATE_FROM) | (hour < LATE_TO))
    return timed, late


def evening_night_counts(
    per_group: Callable[[np.ndarray], np.ndarray],
    timed: np.ndarray,
    late: np.ndarray,
    area_mask: np.ndarray,
    rest_mask: Optional[np.ndarray],
    n_groups: int,
) -> List[Dict[str, Optional[Dict[str, int]]]]:
    """Per group: ``{"area": {"timed", "late"}, "rest": {"timed", "late"} or None}`` -- the rest is
    the reference area without the scan area, in the period."""
    a_t, a_l = per_group(area_mask & timed), per_group(area_mask & late)
    if rest_mask is not None:
        r_t, r_l = per_group(rest_mask & timed), per_group(rest_mask & late)
    out: List[Dict[str, Optional[Dict[str, int]]]] = []
    for gi in range(n_groups):
        rest = None
        if rest_mask is not None:
            rest = {"timed": int(r_t[gi]), "late": int(r_l[gi])}
        out.append({"area": {"timed": int(a_t[gi]), "late": int(a_l[gi])}, "rest": rest})
    return out
