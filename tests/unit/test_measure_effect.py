"""SUCCESS, WDQ and the odds ratio against hand-computed values; zones and periods by construction."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from shapely.geometry import box

from hotspot_plugin.core import measure_effect as me
from hotspot_plugin.core.errors import InputError


def test_hand_computed_example():
    # Rb=40 Ra=20 Db=30 Da=24 Cb=200 Ca=190.
    # SUCCESS = 20/190 - 40/200 = -0.0947368...
    # WDQ = (24/190 - 30/200) / SUCCESS = (4800 - 5700) / (4000 - 7600) = 0.25
    # OR = 40*190 / (20*200) = 1.9; se = sqrt(1/40+1/20+1/200+1/190) = 0.29200; z = ln 1.9 / se = 2.19813
    # 95% interval exp(0.641854 -+ 1.959964*0.29200) = 1.07202 .. 3.36747; p = 2*(1-Phi(2.19813)) = 0.027939
    # buffer OR = 30*190 / (24*200) = 1.1875, interval 0.67001 .. 2.10467, p = 0.55618
    r = me.effect(me.ZoneCounts(rb=40, ra=20, db=30, da=24, cb=200, ca=190))
    assert r.success == pytest.approx(20 / 190 - 40 / 200)
    assert r.wdq == pytest.approx(0.25)
    assert r.odds.value == pytest.approx(1.9)
    assert r.odds.low == pytest.approx(1.0720227, rel=1e-6)
    assert r.odds.high == pytest.approx(3.3674661, rel=1e-6)
    assert r.odds.p == pytest.approx(0.0279391, rel=1e-5)
    assert r.buffer_odds.value == pytest.approx(1.1875)
    assert r.buffer_odds.low == pytest.approx(0.6700142, rel=1e-6)
    assert r.buffer_odds.high == pytest.approx(2.1046663, rel=1e-6)
    assert r.buffer_odds.p == pytest.approx(0.5561758, rel=1e-5)
    assert r.notes == []


def test_displacement_gives_negative_wdq():
    # Target 50 -> 30, buffer 40 -> 60, control 100 -> 100: SUCCESS = -0.2, WDQ = (0.6 - 0.4) / -0.2 = -1
    r = me.effect(me.ZoneCounts(rb=50, ra=30, db=40, da=60, cb=100, ca=100))
    assert r.success == pytest.approx(-0.2)
    assert r.wdq == pytest.approx(-1.0)


@pytest.mark.parametrize("counts, success, wdq, odds_none, buffer_none", [
    (dict(rb=0, ra=5, db=3, da=3, cb=10, ca=10), 0.5, None, True, False),      # target zero before: OR NULL
    (dict(rb=5, ra=0, db=3, da=3, cb=10, ca=10), -0.5, 0.0, True, False),      # target zero after: OR NULL
    (dict(rb=5, ra=5, db=0, da=3, cb=10, ca=10), 0.0, None, False, True),      # SUCCESS 0: WDQ undefined
    (dict(rb=5, ra=5, db=3, da=3, cb=0, ca=10), None, None, True, True),       # no control before
    (dict(rb=5, ra=5, db=3, da=3, cb=10, ca=0), None, None, True, True),       # no control after
    (dict(rb=2, ra=8, db=3, da=3, cb=10, ca=10), 0.6, None, False, False),     # rise: WDQ not meaningful
])
def test_zero_and_undefined_cases(counts, success, wdq, odds_none, buffer_none):
    r = me.effect(me.ZoneCounts(**counts))
    assert (r.success is None) if success is None else r.success == pytest.approx(success)
    assert (r.wdq is None) if wdq is None else r.wdq == pytest.approx(wdq)
    assert (r.odds.value is None) == odds_none
    assert (r.odds.low is None and r.odds.high is None and r.odds.p is None) == odds_none
    assert (r.buffer_odds.value is None) == buffer_none
    assert r.notes, "an undefined value must come with a note"


def test_zones_boundary_ring_and_order():
    target = box(0, 0, 100, 100)
    x = np.array([100.0, 50, 276.0, 277.5, 100 + 250, 350.0001, np.nan])
    y = np.array([50.0, 50, 276.0, 277.5, 50, 50, 0])
    # (100,50) on the boundary: target; (276,276) is sqrt(2)*176 = 248.9 m from the corner: buffer;
    # (277.5,277.5) is 251.0 m away: control (a square buffer would have taken it); (350,50) exactly 250: buffer
    zone = me.classify_zones(x, y, target, buffer_distance=250.0)
    assert zone.tolist() == [me.TARGET, me.TARGET, me.BUFFER, me.CONTROL, me.BUFFER, me.CONTROL, me.OUTSIDE]
    # A given buffer layer wins over the distance; target first even when the buffer covers it too.
    given = box(-10, -10, 110, 110)
    zone = me.classify_zones(x, y, target, buffer=given, buffer_distance=250.0)
    assert zone[:4].tolist() == [me.TARGET, me.TARGET, me.CONTROL, me.CONTROL]
    # A control layer: only points in it count as control.
    zone = me.classify_zones(x, y, target, buffer_distance=250.0, control=box(270, 270, 300, 300))
    assert zone[3] == me.CONTROL and zone[5] == me.OUTSIDE


def test_periods_calendar_days_both_ends():
    p = me.Periods(dt.date(2024, 1, 1), dt.date(2024, 1, 31), dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    p.check()
    epoch = dt.date(1970, 1, 1)
    days = np.array([(dt.date(2024, 1, 1) - epoch).days + 0.99,   # late on the first day: before
                     (dt.date(2024, 1, 31) - epoch).days + 0.5,   # the last day of before
                     (dt.date(2024, 2, 29) - epoch).days + 0.999,  # the last day of after
                     (dt.date(2024, 3, 1) - epoch).days,           # after the after period
                     (dt.date(2023, 12, 31) - epoch).days + 0.9, np.nan])
    assert me.period_of(days, p).tolist() == [me.BEFORE, me.BEFORE, me.AFTER, me.NEITHER, me.NEITHER, me.NEITHER]
    assert p.days() == (31, 29)
    assert me.period_note(p) is not None


@pytest.mark.parametrize("dates", [
    (dt.date(2024, 2, 1), dt.date(2024, 1, 1), dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
    (dt.date(2024, 1, 1), dt.date(2024, 1, 31), dt.date(2024, 3, 31), dt.date(2024, 3, 1)),
    (dt.date(2024, 1, 1), dt.date(2024, 1, 31), dt.date(2024, 1, 31), dt.date(2024, 3, 1)),
    (dt.date(2024, 3, 1), dt.date(2024, 3, 31), dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
])
def test_periods_in_the_wrong_order(dates):
    with pytest.raises(InputError):
        me.Periods(*dates).check()


def test_group_rows_and_conclusion():
    zone = np.array([0, 0, 0, 1, 2, 2, 2, 2], dtype=np.int8)
    period = np.array([0, 0, 1, 0, 0, 1, 1, 0], dtype=np.int8)
    groups = ["politie", "mor", "politie", "mor", "politie", "politie", "mor", None]
    rows = me.group_rows(zone, period, groups)
    assert [(r.group, r.zone, r.before, r.after) for r in rows] == [
        ("", "target", 0, 0), ("", "buffer", 0, 0), ("", "control", 1, 0),
        ("mor", "target", 1, 0), ("mor", "buffer", 1, 0), ("mor", "control", 0, 1),
        ("politie", "target", 1, 1), ("politie", "buffer", 0, 0), ("politie", "control", 1, 1)]
    r = me.effect(me.ZoneCounts(rb=100, ra=69, db=50, da=40, cb=1000, ca=960))
    parts = me.conclusion_parts(r, "the 250 m around it")
    assert parts[0][1] == {"target_pct": pytest.approx(31.0), "control_pct": pytest.approx(4.0)}
    assert "fell" in parts[0][0]
    assert any("no displacement" in t for t, _ in parts)


def test_buffer_ring_is_round_within_tolerance():
    ring = me.buffer_ring(box(0, 0, 100, 100), 250.0)
    # 4 sides of 100 x 250 plus four quarter circles of radius 250
    assert ring.area == pytest.approx(4 * 100 * 250 + np.pi * 250 ** 2, rel=1e-3)
