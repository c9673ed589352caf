"""Periods of the environment scan: calendar months, default periods and the user's dates (pure core).

Two forms of a period live here. Inside the scan a period is half-open, ``(start, end)`` as
``datetime64[s]`` with ``start <= t < end`` (:data:`Period`). The user gives (and the scan record
stores) first and last *days*, both included, as :class:`datetime.date`;
:func:`resolve_periods` turns those (or their absence) into the period and the comparison period.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional, Tuple

import numpy as np

from .errors import InputError
from .i18n import N_

Period = Tuple[np.datetime64, np.datetime64]
DatePeriod = Tuple[dt.date, dt.date]

ONE_DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months added to a date (the day of the month clamped to the month's length)."""
    m = day.year * 12 + day.month - 1 + months
    year, month = divmod(m, 12)
    month += 1
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (nxt - ONE_DAY).day))


def to_date(value: Any) -> dt.date:
    """A datetime64 (or anything numpy reads as one) as a calendar date (the time is dropped)."""
    return dt.date.fromisoformat(str(np.datetime64(value, "D")))


def to_dt64(day: dt.date) -> np.datetime64:
    """A date as datetime64[s] at 00:00."""
    return np.datetime64(day.isoformat(), "s")


def to_seconds(value: Any) -> np.datetime64:
    """A period boundary as datetime64[s]; InputError when it is not a date or time."""
    try:
        v = np.datetime64(value, "s")
    except (TypeError, ValueError):
        raise InputError(N_("{value} is not a date or time."), value=value) from None
    if np.isnat(v):
        raise InputError(N_("A period boundary is missing (not a date)."))
    return v


def add_months64(day: Any, months: int) -> np.datetime64:
    """:func:`add_months` on a datetime64: the day of *day* plus calendar months, at 00:00."""
    return to_dt64(add_months(to_date(day), months))


def default_periods(t_max: Any) -> Tuple[Period, Period]:
    """The last 12 months of data and the 12 months before, from the latest incident time.

    The period ends at the start of the day after *t_max* (so the last incident is inside) and
    starts 12 calendar months earlier; the comparison period is the 12 months before it.
    *t_max* may be one datetime64 or an array (its maximum is used).
    """
    arr = np.asarray(t_max, dtype="datetime64[s]").ravel()
    arr = arr[~np.isnat(arr)]
    if not arr.size:
        raise InputError(
            N_(
                "There are no incident dates to derive the default period from; give the "
                "period explicitly."
            )
        )
    end = (arr.max().astype("datetime64[D]") + np.timedelta64(1, "D")).astype("datetime64[s]")
    start = add_months64(end, -12)
    return (start, end), (add_months64(end, -24), start)


def default_comparison(period: Period) -> Period:
    """The comparison period for *period*: one year earlier when that does not overlap, else the
    equally long stretch directly before."""
    start, end = period
    c_start, c_end = add_months64(start, -12), add_months64(end, -12)
    if c_end <= start:
        return c_start, c_end
    return start - (end - start), start


def check_periods(period: Period, comparison: Period) -> Tuple[Period, Period]:
    """Both periods as datetime64[s], checked: each ends after it starts and they do not overlap."""
    p = (to_seconds(period[0]), to_seconds(period[1]))
    c = (to_seconds(comparison[0]), to_seconds(comparison[1]))
    if p[1] <= p[0]:
        raise InputError(
            N_(
                "The period ends ({end}) before or when it starts ({start}); choose an end "
                "after the start."
            ),
            start=str(p[0]),
            end=str(p[1]),
        )
    if c[1] <= c[0]:
        raise InputError(
            N_(
                "The comparison period ends ({end}) before or when it starts ({start}); choose "
                "an end after the start."
            ),
            start=str(c[0]),
            end=str(c[1]),
        )
    if c[0] < p[1] and p[0] < c[1]:
        raise InputError(
            N_(
                "The comparison period ({c_start} to {c_end}) overlaps the period ({start} to "
                "{end}); choose a comparison period before (or after) the period."
            ),
            c_start=str(c[0]),
            c_end=str(c[1]),
            start=str(p[0]),
            end=str(p[1]),
        )
    return p, c


def resolve_periods(
    p_start: Optional[dt.date],
    p_end: Optional[dt.date],
    c_start: Optional[dt.date],
    c_end: Optional[dt.date],
    last: Optional[Any],
) -> Tuple[DatePeriod, DatePeriod]:
    """The period and the comparison period as (first day, last day), both days included.

    Empty period: the last 12 months of data up to *last* (the latest incident time,
    :func:`default_periods`). Only a start: 12 months from it; only an end: the 12 months up to
    it. Empty comparison period: :func:`default_comparison`; only one end given: as long as the
    period. InputError when a period ends before it starts or the two overlap.
    """
    if p_start is None and p_end is None:
        if last is None:
            raise InputError(
                N_(
                    "The GeoPackage has no incidents, so there is no period to scan. "
                    "Import incidents first with 'Import incidents'."
                )
            )
        (ps, pe), _ = default_periods(last)
        p_start, p_end = to_date(ps), to_date(pe) - ONE_DAY
    elif p_end is None:
        p_end = add_months(p_start, 12) - ONE_DAY
    elif p_start is None:
        p_start = add_months(p_end + ONE_DAY, -12)
    if p_end < p_start:
        raise InputError(
            N_(
                "The period ends ({end}) before it starts ({start}); choose an end date "
                "on or after the start date."
            ),
            start=p_start.isoformat(),
            end=p_end.isoformat(),
        )
    length = (p_end + ONE_DAY) - p_start
    if c_start is None and c_end is None:
        cs, ce = default_comparison((to_dt64(p_start), to_dt64(p_end + ONE_DAY)))
        c_start, c_end = to_date(cs), to_date(ce) - ONE_DAY
    elif c_end is None:
        c_end = c_start + length - ONE_DAY
    elif c_start is None:
        c_start = c_end + ONE_DAY - length
    if c_end < c_start:
        raise InputError(
            N_(
                "The comparison period ends ({end}) before it starts ({start}); choose "
                "an end date on or after the start date."
            ),
            start=c_start.isoformat(),
            end=c_end.isoformat(),
        )
    if c_start <= p_end and p_start <= c_end:
        raise InputError(
            N_(
                "The comparison period ({c_start} to {c_end}) overlaps the period ({start} to {end}); "
                "choose a comparison period that ends before the period starts (or starts after it ends)."
            ),
            c_start=c_start.isoformat(),
            c_end=c_end.isoformat(),
            start=p_start.isoformat(),
            end=p_end.isoformat(),
        )
    return (p_start, p_end), (c_start, c_end)


def half_open(days: DatePeriod) -> Period:
    """(first day, last day included) as the half-open datetime64[s] period the scan uses."""
    return to_dt64(days[0]), to_dt64(days[1] + ONE_DAY)
