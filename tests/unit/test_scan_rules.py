"""The pure rules that moved out of hotspot:environmentscan into core; expected values worked out by hand."""
from __future__ import annotations

import copy
import datetime as dt

import numpy as np
import pytest
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, box

from hotspot_plugin.core.advice import Advice, ChosenMeasure, Finding, merge_advice
from hotspot_plugin.core.advice_text import format_number, render_template
from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.periods import (
    add_months,
    add_months64,
    half_open,
    resolve_periods,
    to_date,
    to_dt64,
)
from hotspot_plugin.core.scan_choices import all_fields_as_none, chosen_fields, given_or_saved, parse_codes
from hotspot_plugin.core.scan_geography import largest_buurt
from hotspot_plugin.core.scan_geometry import box_text, polygon_parts
from hotspot_plugin.core.scan_near_repeat import burglary_to_test, insert_finding, knox_arrays, seed_of, whole
from hotspot_plugin.core.scan_record import DraftedAdvice, RecordParameters
from hotspot_plugin.core.scan_types import IncidentData, select_fields

D = dt.date


# --- periods ----------------------------------------------------------------------------------

@pytest.mark.parametrize("day, months, expected", [
    (D(2024, 1, 31), 1, D(2024, 2, 29)),     # leap February
    (D(2023, 1, 31), 1, D(2023, 2, 28)),
    (D(2024, 3, 31), -1, D(2024, 2, 29)),
    (D(2024, 12, 15), 1, D(2025, 1, 15)),     # over the year end
    (D(2025, 1, 1), -12, D(2024, 1, 1)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2024, 11, 30), 2, D(2025, 1, 30)),
    (D(2024, 5, 31), -13, D(2023, 4, 30)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_add_months64_is_the_same_rule_on_datetime64():
    assert add_months64(np.datetime64("2024-03-31T17:45:00"), -1) == np.datetime64("2024-02-29T00:00:00")


def test_to_date_and_back():
    assert to_date(np.datetime64("2024-07-31T23:59:59")) == D(2024, 7, 31)
    assert to_dt64(D(2024, 7, 31)) == np.datetime64("2024-07-31T00:00:00")
    assert half_open((D(2024, 1, 1), D(2024, 12, 31))) == (
        np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))


def test_resolve_periods_default_from_the_last_incident():
    # last incident 2024-12-31 13:00: the period is 2024, the comparison 2023
    p, c = resolve_periods(None, None, None, None, np.datetime64("2024-12-31T13:00:00"))
    assert p == (D(2024, 1, 1), D(2024, 12, 31))
    assert c == (D(2023, 1, 1), D(2023, 12, 31))


def test_resolve_periods_from_one_end():
    # only a start: 12 months from it; the comparison: the same dates a year earlier
    assert resolve_periods(D(2024, 3, 1), None, None, None, None) == (
        (D(2024, 3, 1), D(2025, 2, 28)), (D(2023, 3, 1), D(2024, 2, 29)))
    # only an end: the 12 months up to it
    assert resolve_periods(None, D(2024, 6, 30), None, None, None)[0] == (D(2023, 7, 1), D(2024, 6, 30))


def test_resolve_periods_comparison_as_long_as_the_period():
    # period of 10 days (1..10 March); comparison from 1 Feb: 1..10 Feb; up to 20 Feb: 11..20 Feb
    p = (D(2024, 3, 1), D(2024, 3, 10))
    assert resolve_periods(*p, D(2024, 2, 1), None, None)[1] == (D(2024, 2, 1), D(2024, 2, 10))
    assert resolve_periods(*p, None, D(2024, 2, 20), None)[1] == (D(2024, 2, 11), D(2024, 2, 20))


def test_resolve_periods_long_period_takes_the_stretch_before():
    # 18 months (184 + 366 = 550 days): a year earlier would overlap, so the 550 days directly
    # before: 2023-07-01 - 550 days = 2023-01-01 - 369 = 2022-01-01 - 4 = 2021-12-28
    p, c = resolve_periods(D(2023, 7, 1), D(2024, 12, 31), None, None, None)
    assert c == (D(2021, 12, 28), D(2023, 6, 30))


def test_resolve_periods_refuses_bad_periods():
    with pytest.raises(InputError, match="no incidents"):
        resolve_periods(None, None, None, None, None)
    with pytest.raises(InputError) as err:
        resolve_periods(D(2024, 5, 1), D(2024, 4, 30), None, None, None)
    assert err.value.render() == ("The period ends (2024-04-30) before it starts (2024-05-01); choose an end "
                                  "date on or after the start date.")
    with pytest.raises(InputError, match="comparison period ends"):
        resolve_periods(D(2024, 1, 1), D(2024, 12, 31), D(2023, 5, 1), D(2023, 4, 1), None)
    with pytest.raises(InputError, match="overlaps"):
        resolve_periods(D(2024, 1, 1), D(2024, 12, 31), D(2024, 12, 31), D(2025, 3, 1), None)


# --- choices ----------------------------------------------------------------------------------

def test_parse_codes():
    assert parse_codes("1.1.1, 1.2.3;2.4.1  3.1") == ["1.1.1", "1.2.3", "2.4.1", "3.1"]
    assert parse_codes("") == [] and parse_codes(None) == [] and parse_codes(" ,; ") == []


def test_chosen_fields():
    codes = ("a", "b", "c")
    assert chosen_fields([2, 0, 2], codes) == ["a", "c"]
    assert chosen_fields([], codes) is None
    assert chosen_fields([0, 1, 2], codes) is None          # all of them: stored as None
    assert all_fields_as_none(["c", "b", "a", "x"], codes) is None
    assert all_fields_as_none(["b"], codes) == ["b"]


def test_given_or_saved():
    saved = RecordParameters(ring_width="100", small_count=3)
    assert given_or_saved(True, 250.0, saved.ring_width) == 250.0
    assert given_or_saved(False, 250.0, saved.ring_width) == 100.0
    assert given_or_saved(False, 5, saved.small_count, int) == 3
    assert given_or_saved(False, 5, RecordParameters().small_count, int) == 5


# --- geometry and texts -----------------------------------------------------------------------

def test_polygon_parts():
    a, b = box(0, 0, 1, 1), box(2, 0, 3, 1)
    assert polygon_parts(a) == [a]
    assert polygon_parts(MultiPolygon([a, b])) == [a, b]
    assert polygon_parts(GeometryCollection([a, LineString([(0, 0), (1, 1)]), MultiPolygon([b])])) == [a, b]
    assert polygon_parts(Point(0, 0)) == [] and polygon_parts(box(0, 0, 1, 1).difference(box(0, 0, 1, 1))) == []


def test_box_text_and_whole():
    assert box_text((152900.4, 442899.5, 153100, 443100.6)) == "(152900, 442900) - (153100, 443101)"
    assert whole(150.0) == 150 and isinstance(whole(150.0), int)
    assert whole(12.5) == 12.5


def test_largest_buurt():
    area = box(0, 0, 100, 100)
    buurten = [(box(-50, 0, 30, 100), 0, 0, "B1", "West"),   # 30 x 100 inside
               (box(30, 0, 100, 100), 0, 0, "B2", "Oost"),   # 70 x 100 inside
               (box(500, 500, 600, 600), 0, 0, "B3", "Ver")]
    assert largest_buurt(area, buurten) == "Oost"
    assert largest_buurt(box(1000, 1000, 1001, 1001), buurten) == ""


def test_render_template():
    nl = {"{n} incidents": "{n} incidenten"}.get
    assert render_template("{n} incidents", {"n": 3}, lambda s: nl(s) or s) == "3 incidenten"
    assert render_template("{n} incidents", {"n": 3}) == "3 incidents"
    # a translation that does not fit the parameters falls back to the English template
    assert render_template("{n} incidents", {"n": 3}, lambda s: "{m} x") == "3 incidents"


def test_advice_number_groups_thousands():
    assert format_number(12345.67, 1, ",") == "12.345,7"
    assert format_number(9999.5, 0) == "10000"          # rounded after the grouping test: as before
    assert format_number(None, 1) == "-"


# --- incidents and near repeat ----------------------------------------------------------------

def _incidents():
    t = np.array(["2024-01-02T10:00", "2024-01-01T09:00", "2024-01-01T08:00", "NaT"], dtype="datetime64[s]")
    return IncidentData(np.array([5.0, 3.0, 1.0, 2.0]), np.array([0.0, 0.0, 9.0, 0.0]), t,
                        np.array(["1.1.1", "1.1.1", "2.1", "1.1.1"]), np.array(["w", "w", "j", "w"]))


def test_select_fields():
    data = _incidents()
    assert select_fields(data, None) is data
    chosen = select_fields(data, ["j"])
    assert chosen.x.tolist() == [1.0] and chosen.category.tolist() == ["2.1"]


def test_knox_arrays_fixed_order():
    x, y, days = knox_arrays(_incidents())
    # the NaT one left out; by day, then x: (1, 9) and (3, 0) on 1 January (day 19723), (5, 0) on 2 January
    assert x.tolist() == [1.0, 3.0, 5.0] and y.tolist() == [9.0, 0.0, 0.0]
    assert days.tolist() == [19723.0, 19723.0, 19724.0]


def test_seed_of_uuid():
    assert seed_of("00000000-0000-0000-0000-000000000001") == 1
    assert seed_of("00000000-0000-0000-0000-0001ffffffff") == 2**32 - 1


def _finding(fid, category=None, rule="change_up", measures=(), priority=2):
    return Finding(id=fid, rule=rule, safety_field="w", category=category, template="t", params={},
                   priority=priority, measures=list(measures))


def test_burglary_to_test_and_insert():
    fs = [_finding("a:1", "1.1.1"), _finding("b:2", "1.1.1", rule="evening_night"), _finding("c", "2.1"),
          _finding("d", "1.1.1", rule="change_down")]
    assert burglary_to_test(fs).id == "b:2"
    assert burglary_to_test([_finding("d", "1.1.1", rule="change_down")]) is None
    nr_finding = _finding("near_repeat:cat:1.1.1", "1.1.1", rule="near_repeat")
    insert_finding(fs, nr_finding)
    # after the last finding of category 1.1.1 (the change_down one at index 3)
    assert [f.id for f in fs] == ["a:1", "b:2", "c", "d", "near_repeat:cat:1.1.1"]


# --- merge_advice -----------------------------------------------------------------------------

def test_merge_advice_without_a_saved_advice_is_the_draft():
    drafted = Advice(findings=[_finding("f1")], measures=[])
    assert merge_advice(None, drafted, None) == (drafted, [])


def test_merge_advice_keeps_the_users_edits():
    # previous draft: findings f1, f2, f3; measures m1 (f1), m2 (f2), m3 (f3)
    # the user removed f2 and m3, rewrote f1, added u:1 with own measure "eigen" and edited m1's owner
    saved = Advice(
        findings=[Finding("f1", "user", "w", None, "my words", {}, 1), _finding("f3"),
                  Finding("user:1", "user", None, None, "own", {}, 2)],
        measures=[ChosenMeasure("m1", owner="politie", finding_ids=["f1"]),
                  ChosenMeasure("m2", finding_ids=["f2", "f3"]),
                  ChosenMeasure(None, text="eigen", finding_ids=["user:1"]),
                  ChosenMeasure("m9", finding_ids=["f9"])],
    )
    before = DraftedAdvice(findings=["f1", "f2", "f3"], measures=["m1", "m2", "m3"])
    # the new draft: f1, f2 (removed by the user before), f4 (new); f3 no longer fires
    drafted = Advice(
        findings=[_finding("f1", measures=["m1"]), _finding("f2", measures=["m2"]),
                  _finding("f4", measures=["m1", "m3", "m4"])],
        measures=[ChosenMeasure("m1", finding_ids=["f1", "f4"]), ChosenMeasure("m2", finding_ids=["f2"]),
                  ChosenMeasure("m3", finding_ids=["f4"]), ChosenMeasure("m4", finding_ids=["f4"])],
    )
    kept = copy.deepcopy(saved)
    advice, dropped = merge_advice(saved, drafted, before)
    assert saved == kept  # the saved advice is not changed
    # f1 in the user's words, f2 stays removed, f3 gone, f4 new, the user's own finding kept
    assert [(f.id, f.template) for f in advice.findings] == [("f1", "my words"), ("f4", "t"), ("user:1", "own")]
    by = {(m.measure_id or m.text): m for m in advice.measures}
    # m1 keeps the user's owner and gains f4; m2's findings (f2 removed, f3 gone) are gone: dropped;
    # m9's finding f9 is gone: dropped; m3 was removed by the user: not back; m4 is new
    assert sorted(by) == ["eigen", "m1", "m4"]
    assert by["m1"].owner == "politie" and by["m1"].finding_ids == ["f1", "f4"]
    assert by["m4"].finding_ids == ["f4"]
    assert dropped == ["m2", "m9"]
