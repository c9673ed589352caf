import datetime as dt

import pytest

from hotspot_plugin.core.parsing import parse_datetime, parse_number, parse_time


@pytest.mark.parametrize("text, expected", [
    ("2025-01-31", dt.datetime(2025, 1, 31)),
    ("2025-01-31T22:15", dt.datetime(2025, 1, 31, 22, 15)),
    ("2025-01-31 22:15:09", dt.datetime(2025, 1, 31, 22, 15, 9)),
    ("2025-01-31T22:15:09.123Z", dt.datetime(2025, 1, 31, 22, 15, 9)),
    ("2025-01-31T22:15:09+01:00", dt.datetime(2025, 1, 31, 22, 15, 9)),
    ("31-01-2025", dt.datetime(2025, 1, 31)),
    ("1-2-2025", dt.datetime(2025, 2, 1)),
    ("31-01-2025 22:15", dt.datetime(2025, 1, 31, 22, 15)),
    ("31/01/2025 22.15", dt.datetime(2025, 1, 31, 22, 15)),
    ("31.01.2025", dt.datetime(2025, 1, 31)),
    (" 05-03-2024 07:05:30 ", dt.datetime(2024, 3, 5, 7, 5, 30)),
])
def test_dates_read(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["", "31-02-2025", "2025-13-01", "gisteren", "2025/01/31", "31-01-25",
                                  "31-01-2025 25:00", None])
def test_dates_refused(text):
    assert parse_datetime(text) is None


def test_separate_time_and_objects():
    assert parse_datetime("31-01-2025", "2215") == dt.datetime(2025, 1, 31, 22, 15)
    assert parse_datetime("31-01-2025", "22:15") == dt.datetime(2025, 1, 31, 22, 15)
    assert parse_datetime("31-01-2025", "late") is None
    assert parse_datetime(dt.date(2025, 1, 2)) == dt.datetime(2025, 1, 2)
    assert parse_datetime(dt.datetime(2025, 1, 2, 3, 4)) == dt.datetime(2025, 1, 2, 3, 4)
    assert parse_time("7.05") == (7, 5, 0)
    assert parse_time("24:00") is None


@pytest.mark.parametrize("text, expected", [
    ("155000", 155000.0), ("155000,5", 155000.5), ("155000.5", 155000.5), ("155.000,5", 155000.5),
    ("155,000.5", 155000.5), (" 5,12 ", 5.12), (3, 3.0), (2.5, 2.5), ("-1,5", -1.5),
])
def test_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", None, float("nan"), "inf", True])
def test_numbers_refused(text):
    assert parse_number(text) is None


def test_read_datetime_tells_unknown_time_and_nonexistent_dates():
    from hotspot_plugin.core.parsing import BAD_TIME, NONEXISTENT, UNREADABLE, read_datetime

    assert read_datetime("03-01-2025") == (dt.datetime(2025, 1, 3), False, None)
    assert read_datetime("03-01-2025", "") == (dt.datetime(2025, 1, 3), False, None)
    assert read_datetime("03-01-2025", "0000") == (dt.datetime(2025, 1, 3), True, None)  # midnight, said so
    assert read_datetime("2025-01-03T00:00:00") == (dt.datetime(2025, 1, 3), True, None)
    assert read_datetime(dt.date(2025, 1, 3)) == (dt.datetime(2025, 1, 3), False, None)
    assert read_datetime(dt.datetime(2025, 1, 3, 4, 5)) == (dt.datetime(2025, 1, 3, 4, 5), True, None)
    assert read_datetime("31-02-2024")[2] == NONEXISTENT
    assert read_datetime("2024-13-01")[2] == NONEXISTENT
    assert read_datetime("29-02-2024")[2] is None  # a leap day exists
    assert read_datetime("29-02-2023")[2] == NONEXISTENT
    assert read_datetime("03-01-2025 24:00")[2] == NONEXISTENT
    assert read_datetime("gisteren")[2] == UNREADABLE
    assert read_datetime("03-01-2025", "laat")[2] == BAD_TIME


def test_normalise_name():
    from hotspot_plugin.core.parsing import normalise_name

    assert normalise_name("X-coördinaat") == normalise_name("x_coordinaat") == normalise_name("X coördinaat") \
        == "xcoordinaat"
    assert normalise_name(" Soort.Misdrijf ") == "soortmisdrijf"
