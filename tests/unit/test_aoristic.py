"""Aoristic weekday x hour profiles (Ratcliffe 2002) against spreads written out by hand.

Cells are (weekday, hour) with Monday = 0. 2024-03-04 is a Monday.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest
from shapely.geometry import box

from hotspot_plugin.core.scan import IncidentData, ScanInputs, run_scan
from hotspot_plugin.core.scan_patterns import aoristic_cells

NAT = "NaT"


def spread(begins, ends):
    owner, cell, weight, counts = aoristic_cells(np.array(begins, dtype="datetime64[s]"),
                                                 None if ends is None else np.array(ends, dtype="datetime64[s]"))
    table = defaultdict(float)
    per_incident = defaultdict(float)
    for o, c, w in zip(owner.tolist(), cell.tolist(), weight.tolist()):
        table[(c // 24, c % 24)] += w
        per_incident[o] += w
    return dict(table), dict(per_incident), counts


def test_ratcliffe_style_night_burglary():
    # Friday 22:00 to Saturday 06:00: eight hours (22, 23, 0, 1, 2, 3, 4, 5), 1/8 each; 06:00 sharp is the end
    table, per, counts = spread(["2024-03-08T22:00"], ["2024-03-09T06:00"])
    expected = {(4, 22): 1 / 8, (4, 23): 1 / 8, **{(5, h): 1 / 8 for h in range(6)}}
    assert table.keys() == expected.keys()
    for key, value in expected.items():
        assert table[key] == pytest.approx(value)
    assert per == {0: pytest.approx(1.0)}
    assert counts == {"begin_only": 0, "window": 1, "capped": 0, "end_before_begin": 0}


def test_partial_hours_count_as_touched_hours():
    # Monday 09:30 to 11:15 touches 09, 10 and 11: 1/3 each; one second past 06:00 touches 06
    table, _, _ = spread(["2024-03-04T09:30"], ["2024-03-04T11:15"])
    assert table == {(0, 9): pytest.approx(1 / 3), (0, 10): pytest.approx(1 / 3), (0, 11): pytest.approx(1 / 3)}
    table, _, _ = spread(["2024-03-04T05:59:59"], ["2024-03-04T06:00:01"])
    assert table == {(0, 5): pytest.approx(0.5), (0, 6): pytest.approx(0.5)}


def test_window_across_the_end_of_the_week_wraps_to_monday():
    table, _, _ = spread(["2024-03-10T23:30"], ["2024-03-11T01:00"])  # Sunday 23:30 to Monday 01:00
    assert table == {(6, 23): pytest.approx(0.5), (0, 0): pytest.approx(0.5)}


def test_begin_only_unknown_end_and_inconsistent_end():
    begins = ["2024-03-06T14:45", "2024-03-06T14:10", "2024-03-06T14:05", "2024-03-07T08:00"]
    ends = [NAT, "2024-03-06T14:10", "2024-03-06T13:00", NAT]  # unknown, zero length, before the begin
    table, per, counts = spread(begins, ends)
    assert table == {(2, 14): 3.0, (3, 8): 1.0}
    assert per == {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.0}
    assert counts == {"begin_only": 4, "window": 0, "capped": 0, "end_before_begin": 1}
    # no end column at all: the same
    assert spread(begins, None)[0] == table


def test_seven_days_or_more_spread_over_the_whole_week():
    # a holiday: 10 days away -> 1/168 in every cell
    table, per, counts = spread(["2024-07-01T10:00"], ["2024-07-11T10:00"])
    assert len(table) == 168 and all(v == pytest.approx(1 / 168) for v in table.values())
    assert per[0] == pytest.approx(1.0) and counts["capped"] == 1 and counts["window"] == 1
    # 167 hour slots: not capped, the one hour not touched (Monday 09) stays empty
    table, _, counts = spread(["2024-03-04T10:00"], ["2024-03-11T09:00"])
    assert len(table) == 167 and (0, 9) not in table and counts["capped"] == 0
    assert all(v == pytest.approx(1 / 167) for v in table.values())
    # exactly 168 slots: capped
    _, _, counts = spread(["2024-03-04T10:00"], ["2024-03-11T10:00"])
    assert counts["capped"] == 1


def test_many_incidents_each_add_one():
    rng = np.random.default_rng(3)
    begin = np.datetime64("2024-01-01T00:00:00") + rng.integers(0, 365 * 86400, 500).astype("timedelta64[s]")
    length = rng.integers(0, 12 * 86400, 500).astype("timedelta64[s]")
    end = begin + length
    end[::7] = np.datetime64("NaT")
    owner, cell, weight, _ = aoristic_cells(begin, end)
    assert np.allclose(np.bincount(owner, weights=weight, minlength=500), 1.0)
    assert weight.sum() == pytest.approx(500.0)
    # brute force per incident: the hour slots from the begin's up to the one holding end - 1 s
    for i in (1, 2, 3, 5, 8, 13):
        mine = cell[owner == i]
        b = begin[i].astype("datetime64[h]")
        last = (end[i] - np.timedelta64(1, "s")).astype("datetime64[h]")
        hours = np.arange(b, last + np.timedelta64(1, "h"), np.timedelta64(1, "h")) if end[i] > begin[i] else [b]
        if len(hours) >= 168:
            assert mine.size == 168
            continue
        days = np.array(hours).astype("datetime64[D]")
        expected = ((days.astype(np.int64) + 3) % 7) * 24 + (np.array(hours).astype(np.int64) % 24)
        assert sorted(mine.tolist()) == sorted(expected.tolist())


def _incidents(begins, ends):
    n = len(begins)
    return IncidentData(np.full(n, 500.0), np.full(n, 500.0), np.array(begins, dtype="datetime64[s]"),
                        np.array(["1.1.1"] * n), np.array(["veilige_woon_en_leefomgeving"] * n),
                        t_end=np.array(ends, dtype="datetime64[s]"))


PERIOD = (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))
COMPARISON = (np.datetime64("2023-01-01T00:00:00"), np.datetime64("2024-01-01T00:00:00"))


def test_scan_spreads_weekday_hour_and_day_parts_and_says_so():
    # A: Friday 22:00-Saturday 06:00 (avond 1/8, nacht 7/8); B: Monday 09:30-11:15 (dag 1); C: Wednesday
    # 14:45 without an end (dag 1); D: in the comparison period (not in the profile)
    inc = _incidents(["2024-03-08T22:00", "2024-03-04T09:30", "2024-03-06T14:45", "2023-05-01T12:00"],
                     ["2024-03-09T06:00", "2024-03-04T11:15", NAT, "2023-05-03T12:00"])
    r = run_scan(ScanInputs(inc, box(0, 0, 1000, 1000), PERIOD, COMPARISON))
    total = r.when["groups"]["total"]
    assert total["dagdeel"] == {"dag": 2.0, "avond": 0.125, "nacht": 0.875}
    assert total["dagdeel_share"]["nacht"] == pytest.approx(0.875 / 3)
    wh = total["weekday_hour"]
    assert wh[4][22] == wh[5][0] == 0.125 and wh[0][10] == pytest.approx(0.3333, abs=1e-4) and wh[2][14] == 1
    assert sum(map(sum, wh)) == pytest.approx(3.0, abs=1e-3)
    assert total["weekday_hour_small"][4][22] is True and total["weekday_hour_small"][1][0] is False
    months = r.when["months"]
    assert total["months_period"][months.index("2024-03")] == 3  # months count the begin
    assert total["months_comparison"][months.index("2023-05")] == 1
    method = r.methods["time_profile"]
    assert method["id"] == "aoristic" and method["params"]["window"] == 2 and method["params"]["begin_only"] == 1
    assert "Ratcliffe 2002" in method["template"]


def test_scan_without_ends_keeps_whole_counts():
    inc = _incidents(["2024-03-08T22:00", "2024-03-04T09:30"], [NAT, NAT])
    r = run_scan(ScanInputs(inc, box(0, 0, 1000, 1000), PERIOD, COMPARISON))
    total = r.when["groups"]["total"]
    assert total["dagdeel"] == {"dag": 1, "avond": 1, "nacht": 0}
    assert all(isinstance(v, int) for row in total["weekday_hour"] for v in row)
    assert r.methods["time_profile"]["id"] == "begin_time"
