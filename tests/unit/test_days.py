"""Day numbers (hotspot_plugin.core.days): dates as days since 1970-01-01, with hand-counted values."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from hotspot_plugin.core.days import (
    EPOCH_JULIAN_DAY,
    date_to_days,
    datetime_to_days,
    days_to_date,
    from_julian_day,
)

# 2000-01-01: 30 years of 365 days + 7 leap days (1972, 76, 80, 84, 88, 92, 96) = 10957.
Y2000 = 10957
# 2025-01-31: 55 years of 365 days + 14 leap days (1972 ... 2024) + 30 days of January = 20119.
JAN31_2025 = 20119


def test_julian_day_numbers():
    assert EPOCH_JULIAN_DAY == 2440588
    assert from_julian_day(2440588) == 0.0
    assert from_julian_day(2451545) == Y2000  # the Julian day number of 2000-01-01 (J2000 is its noon)
    assert from_julian_day(2440587) == -1.0
    assert from_julian_day(2440589, 12 * 3600 * 1000) == 1.5  # noon of 1970-01-02


def test_datetimes_with_and_without_the_time_of_day():
    assert datetime_to_days(dt.datetime(1970, 1, 2, 12)) == 1.0
    assert datetime_to_days(dt.datetime(1970, 1, 2, 12), whole_days=False) == 1.5
    # Before the epoch the calendar date counts, not the rounded-towards-zero difference.
    assert datetime_to_days(dt.datetime(1969, 12, 31, 18)) == -1.0
    assert datetime_to_days(dt.datetime(1969, 12, 31, 18), whole_days=False) == -0.25


@pytest.mark.parametrize("value", ["2000-01-01", "01-01-2000", "1-1-2000", "2000-01-01T23:59:59",
                                   dt.date(2000, 1, 1), dt.datetime(2000, 1, 1, 6)])
def test_dates_of_every_accepted_kind(value):
    assert date_to_days(value) == Y2000


def test_text_dates_keep_the_time_when_asked():
    assert date_to_days("31-01-2025") == JAN31_2025
    assert date_to_days("2025-01-31T18:00", whole_days=False) == JAN31_2025 + 0.75


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_dates_are_nan(value):
    assert math.isnan(date_to_days(value))


@pytest.mark.parametrize("value", ["gisteren", "31-02-2024", "2024-13-01"])
def test_unreadable_dates_raise(value):
    with pytest.raises(ValueError):
        date_to_days(value)


def test_day_numbers_back_to_dates():
    assert days_to_date(0) == dt.date(1970, 1, 1)
    assert days_to_date(0.99) == dt.date(1970, 1, 1)
    assert days_to_date(-0.25) == dt.date(1969, 12, 31)
    assert days_to_date(Y2000) == dt.date(2000, 1, 1)
    assert days_to_date(JAN31_2025 + 0.75) == dt.date(2025, 1, 31)
