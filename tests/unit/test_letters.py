"""Tests of the warning-letter address list (hotspot_plugin.core.letters)."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.letters import (
    addresses_to_notify,
    default_distance_from_knox,
    default_window_from_knox,
)
from hotspot_plugin.core.nearrepeat import Bands, KnoxResult
from hotspot_plugin.core.progress import Monitor

D = np.datetime64

# Incidents: id, x, y, date. now = 2024-06-15, window 14 days -> 2024-06-01 .. 2024-06-15.
INCIDENTS = [
    ("A", 0.0, 0.0, "2024-06-10"),       # in the window
    ("B", 150.0, 0.0, "2024-06-14"),     # in the window
    ("C", 1000.0, 0.0, "2024-05-01"),    # too old
    ("D", 2000.0, 0.0, "2024-06-16"),    # after now
    ("E", 3000.0, 0.0, "2024-06-01"),    # exactly at the start of the window: in
    ("F", 4000.0, 0.0, "2024-05-31"),    # one day before the window: out
]
# Addresses: key, x, y.
ADDRESSES = [
    ("a1", 60.0, 80.0),       # exactly 100 m from A: in
    ("a2", 70.0, 0.0),        # 70 m from A, 80 m from B: both
    ("a3", 0.0, 100.5),       # 100.5 m from A: out
    ("a4", 1000.0, 10.0),     # near C only (too old): out
    ("a5", 2000.0, 5.0),      # near D only (future): out
    ("a6", 3000.0, 50.0),     # near E: in
    ("a7", 200.0, 0.0),       # 50 m from B, letter 10 days ago: excluded
    ("a8", 150.0, 30.0),      # 30 m from B, letter long ago: in
    ("a9", 160.0, 0.0),       # 10 m from B, letter exactly 28 days ago: excluded (inclusive)
    ("a10", 4000.0, 20.0),    # near F (before the window): out
    ("a11", 120.0, 0.0),      # 30 m from B, letter recorded after now: ignored, so in
]
SENT = [("a7", D("2024-06-05")), ("a8", D("2024-01-01")), ("a9", D("2024-05-18")),
        ("a11", D("2024-06-20")), ("a1", None)]


def columns(rows):
    return [list(c) for c in zip(*rows)]


def run(**kwargs):
    ids, ix, iy, it = columns(INCIDENTS)
    keys, ax, ay = columns(ADDRESSES)
    args = dict(now=D("2024-06-15"), window_days=14, distance=100.0, sent=SENT, exclude_days=28)
    args.update(kwargs)
    incidents = (np.array(ix), np.array(iy), np.array(it, dtype="datetime64[D]"), ids)
    return addresses_to_notify(incidents, (np.array(ax), np.array(ay), keys), **args)


def test_hand_made_case():
    res = run()
    got = {n.key: (n.incident_ids, n.nearest_distance) for n in res.notices}
    assert got == {
        "a1": (("A",), 100.0),
        "a2": (("A", "B"), 70.0),
        "a6": (("E",), 50.0),
        "a8": (("B",), 30.0),
        "a11": (("B",), 30.0),
    }
    assert [n.key for n in res.notices] == ["a1", "a2", "a6", "a8", "a11"]  # input order
    assert res.n_incidents_in_window == 3  # A, B, E
    assert res.n_excluded == 2  # a7, a9
    a2 = res.notices[1]
    assert (a2.index, a2.x, a2.y) == (1, 70.0, 0.0)


def test_without_exclusion_and_other_parameters():
    res = run(sent=[])
    assert {n.key for n in res.notices} == {"a1", "a2", "a6", "a7", "a8", "a9", "a11"}
    assert res.n_excluded == 0
    # exclude_days 10: a7 (exactly 10 days ago) still excluded, a9 (28 days) no longer.
    res = run(exclude_days=10)
    assert {n.key for n in res.notices} == {"a1", "a2", "a6", "a8", "a9", "a11"}
    # A one-day window from 2024-06-14: only B.
    res = run(window_days=1)
    assert {n.key for n in res.notices} == {"a2", "a8", "a11"}
    assert res.notices[0].incident_ids == ("B",)
    # A smaller distance: 99.9 m loses a1, keeps a2 (70 m from A, 80 m from B).
    res = run(distance=99.9)
    assert "a1" not in {n.key for n in res.notices}
    # Distance 0: only an address exactly on an incident.
    res = run(distance=0.0)
    assert res.notices == []
    # An address a hair beyond the distance (inside the k-d tree's widened query radius).
    inc = ([0.0], [0.0], [1.0], ["A"])
    res = addresses_to_notify(inc, ([100.0 + 5e-8, 50.0], [0.0, 0.0], ["far", "near"]), 1.0,
                              distance=100.0)
    assert [n.key for n in res.notices] == ["near"]
    res = addresses_to_notify(inc, ([100.0 + 5e-8], [0.0], ["far"]), 1.0, distance=100.0)
    assert res.notices == []


def test_same_answer_with_days_and_python_dates():
    base = D("2024-01-01")
    ids, ix, iy, it = columns(INCIDENTS)
    keys, ax, ay = columns(ADDRESSES)
    days = [float((D(v) - base) / np.timedelta64(1, "D")) for v in it]
    now = float((D("2024-06-15") - base) / np.timedelta64(1, "D"))
    sent = [(k, None if v is None else float((v - base) / np.timedelta64(1, "D"))) for k, v in SENT]
    res_days = addresses_to_notify((ix, iy, days, ids), (ax, ay, keys), now, 14, 100.0, sent, 28)
    res_dates = run()
    assert [(n.key, n.incident_ids) for n in res_days.notices] == \
        [(n.key, n.incident_ids) for n in res_dates.notices]
    py_dates = [dt.date.fromisoformat(v) for v in it]
    py_sent = [(k, None if v is None else v.astype(dt.date)) for k, v in SENT]
    res_py = addresses_to_notify((ix, iy, py_dates, ids), (ax, ay, keys), dt.date(2024, 6, 15),
                                 14, 100.0, py_sent, 28)
    assert [n.key for n in res_py.notices] == [n.key for n in res_dates.notices]


def brute_force(inc, addr, now, window, distance, sent, exclude):
    recent_letter = {k for k, when in sent if now - exclude <= when <= now}
    out = []
    for key, ax, ay in addr:
        hits = []
        for iid, ix, iy, it in inc:
            if now - window <= it <= now:
                d = math.sqrt((ax - ix) * (ax - ix) + (ay - iy) * (ay - iy))
                if d <= distance:
                    hits.append((d, iid))
        if hits and key not in recent_letter:
            hits.sort()
            out.append((key, tuple(i for _, i in hits), hits[0][0]))
    return out


def test_random_case_against_brute_force():
    rng = np.random.default_rng(3)
    inc = [(f"i{k}", *rng.uniform(0, 1000, 2).round(0), float(rng.integers(0, 60))) for k in range(60)]
    addr = [(f"k{k}", *rng.uniform(0, 1000, 2).round(0)) for k in range(800)]
    sent = [(f"k{k}", float(rng.integers(0, 60))) for k in rng.integers(0, 800, 200)]
    ids, ix, iy, it = columns(inc)
    keys, ax, ay = columns(addr)
    res = addresses_to_notify((ix, iy, it, ids), (ax, ay, keys), 50.0, 14, 120.0, sent, 21)
    expected = brute_force(inc, addr, 50.0, 14, 120.0, sent, 21)
    assert len(expected) > 20
    assert [(n.key, n.incident_ids, n.nearest_distance) for n in res.notices] == expected


@pytest.mark.parametrize("kwargs,fragment", [
    (dict(window_days=0), "window"),
    (dict(window_days=-3), "window"),
    (dict(window_days=float("nan")), "window"),
    (dict(distance=-1.0), "distance"),
    (dict(exclude_days=-1), "exclusion period"),
    (dict(now=12.0), "must be a date"),
    (dict(now=None), "missing"),
    (dict(now=D("NaT")), "not a valid date"),
    (dict(sent=[("a1", 3.0)]), "same kind"),
])
def test_bad_input(kwargs, fragment):
    with pytest.raises(InputError) as err:
        run(**kwargs)
    assert fragment in str(err.value)


def test_bad_addresses():
    inc = ([0.0], [0.0], [1.0], ["A"])
    with pytest.raises(InputError, match="no addresses"):
        addresses_to_notify(inc, ([], [], []), 1.0)
    with pytest.raises(InputError, match="address keys"):
        addresses_to_notify(inc, ([0.0, 1.0], [0.0, 1.0], ["k"]), 1.0)
    with pytest.raises(InputError, match="no valid location"):
        addresses_to_notify(inc, ([0.0, np.nan], [0.0, 1.0], ["k", "l"]), 1.0)
    with pytest.raises(InputError, match="must pair up"):
        addresses_to_notify(([0.0, 1.0], [0.0, 1.0], [1.0], ["A", "B"]), ([0.0], [0.0], ["k"]), 1.0)


def test_undated_incidents_are_skipped_and_counted():
    inc = ([0.0, 0.0], [0.0, 5.0], [np.nan, 10.0], ["A", "B"])
    res = addresses_to_notify(inc, ([0.0], [10.0], ["k"]), 12.0, distance=20.0)
    assert res.n_incidents_skipped == 1
    assert [(n.key, n.incident_ids) for n in res.notices] == [("k", ("B",))]
    # No incidents at all is not an error: an empty list.
    res = addresses_to_notify(([], [], [], []), ([0.0], [0.0], ["k"]), D("2024-01-01"))
    assert res.notices == [] and res.n_incidents_in_window == 0


def test_cancel():
    n = 2000
    rng = np.random.default_rng(0)
    inc = (rng.uniform(0, 1000, n), rng.uniform(0, 1000, n), np.full(n, 5.0), list(range(n)))
    with pytest.raises(Canceled):
        addresses_to_notify(inc, ([0.0], [0.0], ["k"]), 5.0, monitor=Monitor(canceled=lambda: True))


def test_defaults_from_knox():
    b = Bands()
    shape = (b.n_distance + 1, b.n_time)
    p = np.full(shape, 0.5)
    ratio = np.ones(shape)
    for cell in [(1, 0), (2, 0), (1, 1)]:
        p[cell], ratio[cell] = 0.01, 1.8
    res = KnoxResult(bands=b, observed=np.zeros(shape, dtype=np.int64), expected=np.ones(shape),
                     ratio=ratio, p_value=p, n_incidents=100, n_pairs=0, permutations=99, seed=1)
    # The defaults follow the conclusion, which now controls the false discovery rate over all 42
    # cells (as the table's stars): by hand, Benjamini-Hochberg passes the 3 smallest p-values only
    # when p(3) <= 3 / 42 * 0.05 = 0.00357, so three cells at p = 0.01 are no pattern any more...
    assert default_distance_from_knox(res) is None and default_window_from_knox(res) is None
    # ...and three at p = 0.001 are (0.001 <= 0.00357; at alpha 0.005 the cut is 0.000357: not)
    for cell in [(1, 0), (2, 0), (1, 1)]:
        p[cell] = 0.001
    assert default_distance_from_knox(res) == 200.0
    assert default_window_from_knox(res) == 14.0
    assert default_distance_from_knox(res, alpha=0.005) is None
    p[1, 0] = 0.5
    assert default_distance_from_knox(res) is None
    assert default_window_from_knox(res) is None
