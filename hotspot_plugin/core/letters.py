"""The address list for warning letters ("besmettingsbrieven") after recent incidents.

For every incident in the recent window ``now - window_days <= t <= now`` (both ends
included; incidents dated after ``now`` are left out), the addresses at most ``distance``
metres away (``d <= distance``, the same closed upper end as the near-repeat distance bands)
are selected. Each address is listed once, with the ids of all recent incidents within the
distance (nearest first) and the distance to the nearest one. Addresses that were sent a
letter in ``now - exclude_days <= sent_at <= now`` are left out; letters recorded after
``now`` are ignored, so re-running for an earlier ``now`` gives the list of that day.

Dates may be datetimes (``datetime64``, ``datetime``, ISO text) or plain numbers of days,
as long as incidents, ``now`` and the sent letters use the same kind.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Tuple

import numpy as np
from scipy.spatial import cKDTree

from .errors import InputError
from .i18n import N_
from .nearrepeat import DEFAULT_ALPHA, KnoxResult, as_xy, near_repeat_extent, to_days
from .progress import Monitor, ensure

#: Days before ``now`` in which incidents trigger letters.
DEFAULT_WINDOW_DAYS = 14.0
#: Metres around an incident (used when there is no near-repeat result to take it from): the
#: distance up to which burglary near-repeat risk is usually raised in Dutch and English studies.
DEFAULT_DISTANCE = 200.0
#: An address that had a letter this many days before ``now`` gets no new one: twice the
#: default window, so one series of burglaries in a street yields one letter per household.
DEFAULT_EXCLUDE_DAYS = 28.0

#: Incidents queried at once between two cancel checks.
_BLOCK = 256


@dataclass(frozen=True)
class AddressNotice:
    """One address to send a letter to."""

    index: int  # position of the address in the input
    key: object  # the address key as given
    x: float
    y: float
    incident_ids: Tuple[object, ...]  # all triggering incidents, nearest first
    nearest_distance: float  # metres to the nearest triggering incident


@dataclass
class LettersResult:
    """The notices (in the order of the input addresses) and counts for the log."""

    notices: List[AddressNotice]
    window_start: float  # days (as :func:`to_days` gives them)
    window_end: float
    n_incidents_in_window: int
    n_excluded: int  # addresses in reach that were left out because of a recent letter
    n_incidents_skipped: int  # incidents without a date or a location

    def __len__(self) -> int:
        return len(self.notices)


def why_none(result: LettersResult, window_days: float, exclude_days: float, distance: float,
             last_day: Optional[float]) -> Optional[Tuple[str, dict]]:
    """Why *result* holds no address: (template, parameters), or None when it holds some.

    *last_day*: the day (as :func:`to_days` gives it) of the last dated incident in the data. Days
    in the parameters ``now`` and ``last`` are day numbers; the caller shows them as dates.
    """
    if result.notices:
        return None
    params = {"window": window_days, "now": result.window_end, "last": last_day, "distance": distance,
              "k": result.n_incidents_in_window, "n": result.n_excluded, "days": exclude_days}
    if result.n_incidents_in_window == 0:
        if last_day is None:
            return N_("There are no dated incidents, so no address gets a letter."), params
        if last_day < result.window_start:
            return N_("No incidents in the {window} days up to and including {now}: the data end on "
                      "{last}. Choose a reference date up to {last}."), params
        return N_("No incidents in the {window} days up to and including {now}."), params
    if result.n_excluded:
        return N_("All {n} addresses near the {k} incident(s) had a letter in the last {days} days."), params
    return N_("No address lies within {distance} m of the {k} incident(s) in the window."), params


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def _now_days(value: object, datetime_kind: Optional[bool]) -> float:
    """The reference date as days, of the same kind as the incident dates (either when None)."""
    is_number = _is_number(value)
    if datetime_kind is True and is_number:
        raise InputError(N_("The incidents have dates, so the reference date must be a date too, got "
                            "{value}."), value=value)
    if datetime_kind is False and value is not None and not is_number:
        raise InputError(N_("The incident dates are numbers of days, so the reference date must be a "
                            "number too, got {value}."), value=value)
    days = math.nan if value is None else float(to_days([value])[0])
    if not math.isfinite(days):
        raise InputError(N_("The reference date is missing or not a valid date, got {value}."),
                         value=value)
    return days


def _is_datetime_kind(values: object) -> bool:
    """True when the dates are datetimes (or text), False when they are numbers of days."""
    arr = np.asarray(values)
    if arr.dtype.kind in "iufb":
        return False
    if arr.dtype.kind == "O":
        return any(v is not None and not _is_number(v) for v in arr.ravel())
    return True


def addresses_to_notify(incidents: Tuple[object, object, object, Sequence[object]],
                        addresses: Tuple[object, object, Sequence[object]],
                        now: object,
                        window_days: float = DEFAULT_WINDOW_DAYS,
                        distance: float = DEFAULT_DISTANCE,
                        sent: Iterable[Tuple[object, object]] = (),
                        exclude_days: float = DEFAULT_EXCLUDE_DAYS,
                        monitor: Optional[Monitor] = None) -> LettersResult:
    """The addresses within ``distance`` m of an incident of the last ``window_days`` days.

    ``incidents`` is ``(x, y, t, ids)`` and ``addresses`` is ``(x, y, keys)``, coordinates in
    metres in one projected CRS. ``sent`` lists ``(address_key, sent_at)`` of letters already
    sent. See the module docstring for which ends of the window, the distance and the
    exclusion period are included. Incidents without a date or location are skipped (counted
    in the result).
    """
    monitor = ensure(monitor)
    ix, iy, it, ids = incidents
    ax, ay, keys = addresses
    try:
        axa, aya = as_xy(ax, ay)
    except ValueError:
        raise InputError(N_("The addresses have {nx} x and {ny} y coordinates; they must pair up."),
                         nx=np.size(ax), ny=np.size(ay)) from None
    key_list = list(keys)
    if axa.size == 0:
        raise InputError(N_("There are no addresses to select from. Choose an address layer with "
                            "points, such as BAG verblijfsobjecten."))
    if len(key_list) != axa.size:
        raise InputError(N_("There are {n} addresses but {m} address keys; every address needs one."),
                         n=axa.size, m=len(key_list))
    bad = int(np.count_nonzero(~(np.isfinite(axa) & np.isfinite(aya))))
    if bad:
        raise InputError(N_("{count} address(es) have no valid location. Fix or remove them."),
                         count=bad)
    try:
        window = float(window_days)
        dist = float(distance)
        excl = float(exclude_days)
    except (TypeError, ValueError):
        raise InputError(N_("The window, the distance and the exclusion period must be numbers.")) from None
    if not math.isfinite(window) or window <= 0:
        raise InputError(N_("The window must be a positive number of days (for example 14), got "
                            "{value}."), value=window_days)
    if not math.isfinite(dist) or dist < 0:
        raise InputError(N_("The distance must be zero or a positive number of metres, got {value}."),
                         value=distance)
    if not math.isfinite(excl) or excl < 0:
        raise InputError(N_("The exclusion period must be zero or a positive number of days, got "
                            "{value}."), value=exclude_days)

    ixa = np.asarray(ix, dtype=np.float64).ravel()
    iya = np.asarray(iy, dtype=np.float64).ravel()
    id_list = list(ids)
    ita = to_days(it)
    datetime_kind = _is_datetime_kind(it) if ita.size else None
    if not (ixa.size == iya.size == ita.size == len(id_list)):
        raise InputError(N_("The incidents have {nx} locations, {nt} dates and {ni} ids; they must "
                            "pair up."), nx=ixa.size, nt=ita.size, ni=len(id_list))
    now_d = _now_days(now, datetime_kind)
    start = now_d - window
    usable = np.isfinite(ixa) & np.isfinite(iya) & np.isfinite(ita)
    skipped = int(np.count_nonzero(~usable))
    recent = np.flatnonzero(usable & (ita >= start) & (ita <= now_d))

    # Addresses that had a letter in [now - exclude_days, now].
    recently_sent = set()
    now_kind = not _is_number(now)
    for key, sent_at in sent:
        when = math.nan if sent_at is None else float(to_days([sent_at])[0])
        if not math.isfinite(when):
            continue  # no date recorded: it cannot count as recent
        if _is_number(sent_at) == now_kind:
            raise InputError(N_("The date a letter was sent ({value}) is not of the same kind as the "
                                "reference date (both dates, or both numbers of days)."), value=sent_at)
        if now_d - excl <= when <= now_d:
            recently_sent.add(key)

    found_a: List[np.ndarray] = []
    found_i: List[np.ndarray] = []
    found_d: List[np.ndarray] = []
    if recent.size:
        tree = cKDTree(np.column_stack([axa, aya]))
        radius = dist * (1.0 + 1e-9) + 1e-9  # a hair wider; the exact test follows
        for s in range(0, recent.size, _BLOCK):
            block = recent[s:s + _BLOCK]
            hits = tree.query_ball_point(np.column_stack([ixa[block], iya[block]]), radius)
            for inc, addr in zip(block, hits):
                if not addr:
                    continue
                a = np.asarray(addr, dtype=np.intp)
                dx = axa[a] - ixa[inc]
                dy = aya[a] - iya[inc]
                d = np.sqrt(dx * dx + dy * dy)
                ok = d <= dist
                if not ok.any():
                    continue  # only in the hair-wider query radius
                found_a.append(a[ok])
                found_i.append(np.full(int(ok.sum()), inc, dtype=np.intp))
                found_d.append(d[ok])
            monitor.check()
            monitor.set(100.0 * min(recent.size, s + _BLOCK) / recent.size)

    notices: List[AddressNotice] = []
    excluded = 0
    if found_a:
        fa = np.concatenate(found_a)
        fi = np.concatenate(found_i)
        fd = np.concatenate(found_d)
        order = np.lexsort((fi, fd, fa))  # by address, then distance, then incident order
        fa, fi, fd = fa[order], fi[order], fd[order]
        bounds = np.flatnonzero(np.diff(fa)) + 1
        for grp_a, grp_i, grp_d in zip(np.split(fa, bounds), np.split(fi, bounds), np.split(fd, bounds)):
            a = int(grp_a[0])
            if key_list[a] in recently_sent:
                excluded += 1
                continue
            notices.append(AddressNotice(a, key_list[a], float(axa[a]), float(aya[a]),
                                         tuple(id_list[int(k)] for k in grp_i), float(grp_d[0])))
    monitor.set(100)
    return LettersResult(notices=notices, window_start=start, window_end=now_d,
                         n_incidents_in_window=int(recent.size), n_excluded=excluded,
                         n_incidents_skipped=skipped)


def default_distance_from_knox(result: KnoxResult, alpha: float = DEFAULT_ALPHA) -> Optional[float]:
    """The distance (m) of the near-repeat conclusion (FDR-controlled, as the table's stars), or None
    when it found no pattern."""
    return near_repeat_extent(result, alpha, fdr=True)[0]


def default_window_from_knox(result: KnoxResult, alpha: float = DEFAULT_ALPHA) -> Optional[float]:
    """The number of days of the near-repeat conclusion, or None when it found no pattern."""
    return near_repeat_extent(result, alpha, fdr=True)[1]
