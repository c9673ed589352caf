"""Day numbers: dates as days since 1970-01-01, the time axis of the near-repeat and letters rules.

Pure date arithmetic; reading QDate/QDateTime attributes is the adapters' part
(:mod:`hotspot_plugin.adapters.incidents`).
"""
from __future__ import annotations

import datetime as dt
import math

from .parsing import parse_datetime

#: Day 0.
EPOCH = dt.datetime(1970, 1, 1)
#: Julian day number of 1970-01-01 (a Julian day number minus this = days since the epoch).
EPOCH_JULIAN_DAY = 2440588
_MS_PER_DAY = 86_400_000.0


def from_julian_day(julian_day: int, msecs_of_day: float = 0.0) -> float:
    """Days since 1970-01-01 of a Julian day number, plus *msecs_of_day* as a fraction of a day."""
    return float(julian_day - EPOCH_JULIAN_DAY) + msecs_of_day / _MS_PER_DAY


def datetime_to_days(when: dt.datetime, whole_days: bool = True) -> float:
    """Days since 1970-01-01 of *when*; with *whole_days* the time of day is dropped."""
    delta = when - EPOCH
    return float(delta.days) if whole_days else delta.total_seconds() / 86_400.0


def date_to_days(value: object, whole_days: bool = True) -> float:
    """A date (Python date/datetime, ISO or Dutch text) as days since 1970-01-01.

    None and blank text give NaN; ValueError when the value cannot be read as a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return math.nan
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(str(value))
    return datetime_to_days(parsed, whole_days)


def days_to_date(days: float) -> dt.date:
    """The calendar date of a day number (days since 1970-01-01)."""
    return (EPOCH + dt.timedelta(days=math.floor(days))).date()
