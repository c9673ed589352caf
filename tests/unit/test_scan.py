"""The environment scan core against a hand-made town where every answer is known.

The town (metres): the scan area is the square 0..1000 x 0..1000, the ring 250 m around it.
Buurten: A = 0..500 x 0..1000 (2000 inhabitants, 900 dwellings; wholly in the area),
B = 500..1500 x 0..1000 (4000, 1600; half in the area, a quarter in the ring),
C = 0..1000 x -1000..0 (1000, 400; a quarter in the ring), D = 5000..7000 x 5000..7000 (10000, 5000;
far away). The reference is their union: 17000 inhabitants, 6.5 km², and contains the area.
Period 2024 (366 days), comparison 2023 (365 days).
"""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.prepared import prep

from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.progress import Monitor
from hotspot_plugin.core.scan import (
    Buurt,
    HotspotZone,
    IncidentData,
    RiskObjects,
    ScanInputs,
    ScanResult,
    SchouwFindings,
    area_from_point,
    default_comparison,
    default_periods,
    points_in_polygon,
    poisson_change,
    rate_ratio,
    run_scan,
    suppress,
)

W, J, B, F = "woon_leefomgeving", "jeugd", "bedrijvigheid", "fysiek"
AREA = box(0, 0, 1000, 1000)
BUURTEN = [
    Buurt(box(0, 0, 500, 1000), 2000, 900, "BU01", "A"),
    Buurt(box(500, 0, 1500, 1000), 4000, 1600, "BU02", "B"),
    Buurt(box(0, -1000, 1000, 0), 1000, 400, "BU03", "C"),
    Buurt(box(5000, 5000, 7000, 7000), 10000, 5000, "BU04", "D"),
]
PERIOD = (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))
COMPARISON = (np.datetime64("2023-01-01T00:00:00"), np.datetime64("2024-01-01T00:00:00"))
ZONES = [
    HotspotZone(box(400, 400, 600, 600), 9.0),
    HotspotZone(box(900, 900, 1100, 1100), 5.0),
    HotspotZone(box(3000, 3000, 3100, 3100), 7.0),
]

# Times of the 12 burglaries in the area in 2024: chosen on the day-part boundaries.
# 2024-01-01 is a Monday.
AREA_BURGLARY_TIMES = [
    "2024-01-01T07:00:00",
    "2024-01-02T06:59:59",
    "2024-01-03T19:00:00",
    "2024-01-04T18:59:59",
    "2024-01-05T23:00:00",
    "2024-01-06T22:59:59",
    "2024-01-07T00:00:00",
    "2024-03-15T12:30:00",
    "2024-03-16T02:15:00",
    "2024-07-31T23:59:59",
    "2024-12-31T23:59:59",
    "2024-02-29T20:00:00",
]
# Their places: the first four inside zone 1 (400..600), the rest elsewhere in the area.
AREA_BURGLARY_XY = [
    (450, 450),
    (500, 500),
    (550, 580),
    (410, 590),
    (100, 100),
    (200, 800),
    (300, 300),
    (700, 200),
    (800, 700),
    (150, 650),
    (650, 850),
    (50, 950),
]


def town_incidents():
    """(rows, IncidentData): every incident as (x, y, time, category, field)."""
    rows = []
    for (x, y), t in zip(AREA_BURGLARY_XY, AREA_BURGLARY_TIMES):
        rows.append((x, y, t, "1.1.1", W))
    # area: 3 burglaries in 2023, 3 youth nuisance in 2024 (a small count), 6 bar nuisance in 2023
    rows += [
        (120, 220, "2023-02-10T10:00:00", "1.1.1", W),
        (130, 230, "2023-06-10T21:00:00", "1.1.1", W),
        (140, 240, "2023-12-31T23:59:59", "1.1.1", W),
    ]
    rows += [
        (600.5, 300, "2024-05-01T21:00:00", "M.1", J),
        (610, 310, "2024-05-02T22:00:00", "M.1", J),
        (620, 320, "2024-05-03T01:00:00", "M.1", J),
    ]
    rows += [(700 + i, 100, f"2023-0{i + 1}-05T01:00:00", "M.2", B) for i in range(6)]
    # ring: burglaries in 2024 at (1100, 500) (in B) and (500, -100) (in C), one in 2023; youth at x = -100
    rows += [
        (1100, 500, "2024-04-01T10:00:00", "1.1.1", W),
        (500, -100, "2024-04-02T10:00:00", "1.1.1", W),
        (1100, 200, "2023-04-01T10:00:00", "1.1.1", W),
        (-100, 500, "2024-06-01T10:00:00", "M.1", J),
    ]
    # reference (buurt D): 20 burglaries and 5 youth nuisance in 2024
    rows += [(5100 + 50 * i, 5500, f"2024-{1 + i % 12:02d}-10T12:00:00", "1.1.1", W) for i in range(20)]
    rows += [(6100 + 50 * i, 6500, f"2024-0{1 + i}-11T12:00:00", "M.1", J) for i in range(5)]
    # outside everything, and outside both periods
    rows += [(20000 + i, 0, "2024-03-01T00:00:00", "1.1.1", W) for i in range(7)]
    rows += [(500, 500, "2022-12-31T23:59:59", "1.1.1", W), (500, 500, "2025-01-01T00:00:00", "1.1.1", W)]
    # a traffic accident in the area in 2024
    rows += [(333, 333, "2024-08-08T08:00:00", "1.3.1", F)]
    x = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    t = np.array([r[2] for r in rows], dtype="datetime64[s]")
    cat = np.array([r[3] for r in rows])
    fld = np.array([r[4] for r in rows])
    return rows, IncidentData(
        x, y, t, cat, fld, np.full(len(rows), 2.0), np.array([f"u{i}" for i in range(len(rows))])
    )


RISK = RiskObjects(
    np.array([650.0, 700.0, 1100.0, 500.0, 3000.0, 100.0]),
    np.array([500.0, 500.0, 500.0, 500.0, 3000.0, 900.0]),
    np.array(["horeca", "horeca", "school", "coffeeshop", "horeca", "camera"]),
    np.array(["Cafe West", "Cafe Oost", "School", "Shop", "Far", "Cam"]),
)
SCHOUW = SchouwFindings(
    np.array([100.0, 200.0, 300.0, 1100.0]),
    np.array([100.0, 200.0, 300.0, 500.0]),
    np.array(["rood", "rood", "oranje", "rood"]),
    np.array(["verlichting_kapot", "achterpad_open", "zwerfvuil", "hangplek"]),
    np.array(["open", "afgehandeld", "in_behandeling", "open"]),
)


def scan(**kw):
    _, inc = town_incidents()
    args = dict(
        incidents=inc,
        area=AREA,
        period=PERIOD,
        comparison=COMPARISON,
        buurten=BUURTEN,
        zones=ZONES,
        risk_objects=RISK,
        schouw=SCHOUW,
    )
    args.update(kw)
    return run_scan(ScanInputs(**args))


@pytest.fixture(scope="module")
def result():
    return scan()


# ---- plain, independent references --------------------------------------------------------------


def binom_pmf(i, n, p):
    return math.comb(n, i) * p**i * (1 - p) ** (n - i)


def binom_le(k, n, p):
    return sum(binom_pmf(i, n, p) for i in range(0, k + 1))


def binom_ge(k, n, p):
    return sum(binom_pmf(i, n, p) for i in range(k, n + 1))


def two_sided(k, n, p):
    return min(1.0, 2 * min(binom_le(k, n, p), binom_ge(k, n, p)))


def bisect(f, lo=0.0, hi=1.0, it=200):
    """Root of an increasing function f on [lo, hi]."""
    for _ in range(it):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def cp_interval(k, n, alpha=0.05):
    """Clopper-Pearson by bisection on the binomial tails."""
    lo = 0.0 if k == 0 else bisect(lambda p: binom_ge(k, n, p) - alpha / 2)
    hi = 1.0 if k == n else bisect(lambda p: alpha / 2 - binom_le(k, n, p))
    return lo, hi


# ---- counts, rates --------------------------------------------------------------------------------


def test_counts_per_field_and_category(result):
    rows, _ = town_incidents()
    g = result.group("cat:1.1.1")
    assert (g["area"]["n"], g["area"]["n_comparison"]) == (12, 3)
    assert (g["ring"]["n"], g["ring"]["n_comparison"]) == (2, 1)
    assert g["area"]["weight"] == 24.0 and g["safety_field"] == W
    m1 = result.group("cat:M.1")
    assert (m1["area"]["n"], m1["area"]["n_comparison"], m1["ring"]["n"]) == (3, 0, 1)
    m2 = result.group("cat:M.2")
    assert (m2["area"]["n"], m2["area"]["n_comparison"]) == (0, 6)
    assert result.group("field:" + W)["area"]["n"] == 12
    assert result.group("field:" + J)["area"]["n"] == 3
    assert result.group("field:" + F)["area"]["n"] == 1
    assert result.group("field:integriteit")["area"]["n"] == 0
    tot = result.group("total")
    assert (tot["area"]["n"], tot["area"]["n_comparison"]) == (16, 9)
    assert (tot["ring"]["n"], tot["ring"]["n_comparison"]) == (3, 1)
    # brute force: shapely and datetime, independent of the scan
    ring = AREA.buffer(250).difference(AREA)
    in_area = sum(1 for r in rows if AREA.contains(Point(r[0], r[1])) and "2024" <= r[2] < "2025")
    in_ring = sum(1 for r in rows if ring.contains(Point(r[0], r[1])) and "2024" <= r[2] < "2025")
    assert (tot["area"]["n"], tot["ring"]["n"]) == (in_area, in_ring)
    assert result.n_incidents["input"] == len(rows)
    assert (
        result.n_incidents["area_period"] == 16
        and result.n_incidents["reference_period"] == 12 + 2 + 20 + 3 + 5 + 1
    )
    assert [g["key"] for g in result.groups_of("category")] == [
        "cat:1.1.1",
        "cat:1.3.1",
        "cat:M.1",
        "cat:M.2",
    ]


def test_inhabitants_apportioned_by_area_share(result):
    geo = result.geography
    assert geo["inhabitants"]["area"] == pytest.approx(2000 + 0.5 * 4000)
    assert geo["inhabitants"]["ring"] == pytest.approx(0.25 * 4000 + 0.25 * 1000)
    assert geo["inhabitants"]["reference"] == pytest.approx(17000)
    assert geo["dwellings"]["area"] == pytest.approx(900 + 0.5 * 1600)
    assert geo["dwellings"]["ring"] == pytest.approx(0.25 * 1600 + 0.25 * 400)
    assert geo["area_km2"] == pytest.approx(1.0)
    # ring = 4 strips of 1000 x 250 plus four quarter circles of radius 250 (polygonal: within 0.2 %)
    assert geo["ring_km2"] == pytest.approx((4 * 250_000 + math.pi * 250**2) / 1e6, rel=2e-3)
    assert geo["reference_km2"] == pytest.approx(0.5 + 1.0 + 1.0 + 4.0)
    shares = {b["code"]: (b["share_area"], b["share_ring"]) for b in geo["buurten"]}
    assert shares["BU01"] == pytest.approx((1.0, 0.0)) and shares["BU02"] == pytest.approx((0.5, 0.25))
    assert shares["BU03"] == pytest.approx((0.0, 0.25)) and "BU04" not in shares
    # a given reference without inhabitants: apportioned from the buurten (A whole, B whole, C half)
    r = scan(reference=box(0, -500, 1500, 1000))
    assert r.geography["inhabitants"]["reference"] == pytest.approx(2000 + 4000 + 0.5 * 1000)
    assert r.geography["reference_km2"] == pytest.approx(1.5 * 1.5)


def test_rates(result):
    g = result.group("cat:1.1.1")
    assert g["area"]["per_1000"] == pytest.approx(12 / 4000 * 1000)
    assert g["area"]["per_km2"] == pytest.approx(12.0)
    assert g["area"]["per_1000_comparison"] == pytest.approx(3 / 4000 * 1000)
    assert g["ring"]["per_1000"] == pytest.approx(2 / 1250 * 1000)
    assert g["ring"]["per_km2"] == pytest.approx(2 / result.geography["ring_km2"])
    assert g["reference"]["n"] == 34
    assert g["reference"]["per_1000"] == pytest.approx(34 / 17000 * 1000)
    assert g["reference"]["per_km2"] == pytest.approx(34 / 6.5)


# ---- change test ----------------------------------------------------------------------------------


def test_change_test_against_hand_computation(result):
    ch = result.group("cat:1.1.1")["change"]["area"]
    p0 = 366 / (366 + 365)
    assert ch["p0"] == pytest.approx(p0)
    assert ch["p_value"] == pytest.approx(two_sided(12, 15, p0), rel=1e-9)
    assert ch["ratio"] == pytest.approx((12 / 366) / (3 / 365))
    assert ch["change_pct"] == pytest.approx(((12 / 366) / (3 / 365) - 1) * 100)
    lo, hi = cp_interval(12, 15)
    assert ch["ci_low"] == pytest.approx(lo / (1 - lo) * 365 / 366, rel=1e-6)
    assert ch["ci_high"] == pytest.approx(hi / (1 - hi) * 365 / 366, rel=1e-6)
    assert ch["significant"] is True and ch["direction"] == "up"
    m2 = result.group("cat:M.2")["change"]["area"]
    assert m2["p_value"] == pytest.approx(two_sided(0, 6, p0)) and m2["direction"] == "down"
    assert m2["ratio"] == 0.0
    m1 = result.group("cat:M.1")["change"]["area"]
    assert m1["ratio"] is None and m1["ci_high"] is None and m1["significant"] is False
    assert "Binomial" in result.methods["change"]["template"]
    assert (
        result.methods["change"]["params"]["days"] == 366
        and result.methods["change"]["params"]["comparison_days"] == 365
    )


def test_change_equal_periods_matches_textbook():
    # 15 against 5 in equal periods: p = 2 * P(X >= 15 | n = 20, 0.5)
    ch = poisson_change(15, 5, 1.0, 1.0)
    expected = 2 * sum(math.comb(20, i) for i in range(15, 21)) / 2**20
    assert ch["p_value"] == pytest.approx(expected, rel=1e-12)
    assert ch["ratio"] == 3.0 and ch["significant"]
    assert poisson_change(7, 7, 1.0, 1.0)["p_value"] == 1.0
    assert poisson_change(0, 0, 1.0, 1.0) == {
        "ratio": None,
        "change_pct": None,
        "ci_low": None,
        "ci_high": None,
        "p_value": 1.0,
        "significant": False,
        "direction": "none",
        "p0": 0.5,
    }
    # the p-value and the interval agree: significant exactly when the interval excludes 1
    for n1, n2 in [(12, 3), (9, 3), (10, 3), (20, 9), (3, 12), (5, 0), (0, 6)]:
        c = poisson_change(n1, n2, 366.0, 365.0)
        excludes = (c["ci_low"] > 1) or (c["ci_high"] is not None and c["ci_high"] < 1)
        assert c["significant"] == excludes, (n1, n2)


# ---- reference comparison -------------------------------------------------------------------------


def test_reference_ratio_and_interval(result):
    g = result.group("cat:1.1.1")
    vs = g["vs_reference"]["per_1000"]
    # nested: n1 = 12 of N = 34, exposure share E1/E = 4000/17000
    assert vs["ratio"] == pytest.approx((12 / 4000) / (34 / 17000))
    assert vs["p0"] == pytest.approx(4000 / 17000)
    assert vs["p_value"] == pytest.approx(two_sided(12, 34, 4000 / 17000), rel=1e-9)
    lo, hi = cp_interval(12, 34)
    assert vs["ci_low"] == pytest.approx(lo * 17000 / 4000, rel=1e-6)
    assert vs["ci_high"] == pytest.approx(hi * 17000 / 4000, rel=1e-6)
    assert vs["significant"] == (vs["p_value"] < 0.05)
    km = g["vs_reference"]["per_km2"]
    assert km["ratio"] == pytest.approx((12 / 1.0) / (34 / 6.5))
    assert km["p_value"] == pytest.approx(two_sided(12, 34, 1.0 / 6.5), rel=1e-9)
    lo2, hi2 = cp_interval(12, 34)
    assert (km["ci_low"], km["ci_high"]) == pytest.approx((lo2 * 6.5, hi2 * 6.5), rel=1e-6)
    assert km["significant"] is True and km["ci_low"] > 1
    assert result.parameters.reference_mode == "nested"
    # the youth nuisance at x = -100 lies in no buurt: not in the reference
    assert result.group("cat:M.1")["reference"]["n"] == 3 + 5


def test_reference_separate_area():
    # an area outside the reference: independent counts, n1 | n1 + N ~ Bin(n1 + N, E1 / (E1 + E))
    rr = rate_ratio(6, 1000.0, 30, 20000.0, nested=False)
    p0 = 1000 / 21000
    assert rr["p0"] == pytest.approx(p0)
    assert rr["ratio"] == pytest.approx((6 / 1000) / (30 / 20000))
    assert rr["p_value"] == pytest.approx(two_sided(6, 36, p0), rel=1e-9)
    lo, hi = cp_interval(6, 36)
    assert rr["ci_low"] == pytest.approx(lo / (1 - lo) * 20, rel=1e-6)
    assert rr["ci_high"] == pytest.approx(hi / (1 - hi) * 20, rel=1e-6)
    assert rate_ratio(1, 0.0, 5, 10.0, nested=True) is None
    assert rate_ratio(1, 10.0, 5, 10.0, nested=True) is None  # the area cannot be the whole reference
    # a scan area outside the reference area, through the scan
    _, inc = town_incidents()
    r = run_scan(ScanInputs(inc, box(-3000, -3000, -2000, -2000), PERIOD, COMPARISON, buurten=BUURTEN))
    assert r.parameters.reference_mode == "separate"
    assert r.methods["reference"]["id"] == "rate_ratio_separate"


def test_nested_reference_counts_the_whole_area():
    # the reference misses a 0.1 m sliver of the area (0.01 %): still "nested", and an incident in
    # the sliver counts for the reference too, so the area's count never exceeds the reference's
    ref = box(0, 0, 999.9, 1000).union(box(5000, 5000, 7000, 7000))
    xs = np.array([999.95, 500.0, 6000.0, 6100.0])
    ys = np.array([500.0, 500.0, 6000.0, 6000.0])
    inc = IncidentData(
        xs, ys, np.full(4, np.datetime64("2024-06-01T12:00:00")), np.array(["1.1.1"] * 4), np.array([W] * 4)
    )
    r = run_scan(
        ScanInputs(inc, AREA, PERIOD, COMPARISON, reference=ref, reference_inhabitants=10000, buurten=BUURTEN)
    )
    g = r.group("cat:1.1.1")
    assert r.parameters.reference_mode == "nested"
    assert (g["area"]["n"], g["reference"]["n"]) == (2, 4)
    assert g["vs_reference"]["per_1000"]["ratio"] == pytest.approx((2 / 4000) / (4 / 10000))


# ---- when -------------------------------------------------------------------------------------------


def test_weekday_hour_table_and_day_parts(result):
    w = result.when["groups"]["cat:1.1.1"]
    table = w["weekday_hour"]
    assert len(table) == 7 and all(len(row) == 24 for row in table)
    expected = [[0] * 24 for _ in range(7)]
    for s in AREA_BURGLARY_TIMES:
        d = dt.datetime.fromisoformat(s)
        expected[d.weekday()][d.hour] += 1  # Monday = 0
    assert table == expected
    assert table[0][7] == 1 and table[1][6] == 1 and table[2][19] == 1  # Mon 07:00, Tue 06:59:59, Wed 19:00

    def part(h):
        return "dag" if 7 <= h < 19 else ("avond" if 19 <= h < 23 else "nacht")

    dd = {"dag": 0, "avond": 0, "nacht": 0}
    for s in AREA_BURGLARY_TIMES:
        dd[part(dt.datetime.fromisoformat(s).hour)] += 1
    assert w["dagdeel"] == dd == {"dag": 3, "avond": 3, "nacht": 6}
    assert w["dagdeel_share"]["nacht"] == pytest.approx(6 / 12)
    assert w["dagdeel_small"] == {"dag": True, "avond": True, "nacht": False}
    assert result.parameters.dagdelen == {"dag": [7, 19], "avond": [19, 23], "nacht": [23, 7]}


def test_day_part_boundaries():
    # one incident at each boundary second: 07:00 dag, 19:00 avond, 23:00 nacht, 06:59:59 nacht
    times = [
        "2024-05-06T07:00:00",
        "2024-05-06T19:00:00",
        "2024-05-06T23:00:00",
        "2024-05-07T06:59:59",
        "2024-05-07T18:59:59",
        "2024-05-07T22:59:59",
    ]
    n = len(times)
    inc = IncidentData(
        np.full(n, 500.0),
        np.full(n, 500.0),
        np.array(times, dtype="datetime64[s]"),
        np.array(["1.1.1"] * n),
        np.array([W] * n),
    )
    r = run_scan(ScanInputs(inc, AREA, PERIOD, COMPARISON))
    assert r.when["groups"]["total"]["dagdeel"] == {"dag": 2, "avond": 2, "nacht": 2}
    wh = r.when["groups"]["total"]["weekday_hour"]
    assert wh[0][7] == wh[0][19] == wh[0][23] == 1 and wh[1][6] == wh[1][18] == wh[1][22] == 1


def test_month_trend(result):
    rows, _ = town_incidents()
    months = result.when["months"]
    assert months[0] == "2023-01" and months[-1] == "2024-12" and len(months) == 24
    exp_p = [0] * 24
    exp_c = [0] * 24
    for x, y, t, c, _f in rows:
        if c != "1.1.1" or not AREA.contains(Point(x, y)):
            continue
        d = dt.datetime.fromisoformat(t)
        i = (d.year - 2023) * 12 + d.month - 1
        if d.year == 2024:
            exp_p[i] += 1
        elif d.year == 2023:
            exp_c[i] += 1
    w = result.when["groups"]["cat:1.1.1"]
    assert w["months_period"] == exp_p and w["months_comparison"] == exp_c
    assert sum(w["months_period"]) == 12 and sum(w["months_comparison"]) == 3
    assert w["months_period_small"] == [0 < v < 5 for v in exp_p]


# ---- where ------------------------------------------------------------------------------------------


def test_zones_and_risk_objects(result):
    zones = result.where["zones"]
    assert [z["index"] for z in zones] == [0, 1]  # zone 3 lies outside the area
    assert zones[0]["share_inside"] == pytest.approx(1.0)
    assert zones[1]["share_inside"] == pytest.approx(0.25)
    assert zones[1]["area_inside_m2"] == pytest.approx(100 * 100)
    assert result.where["zone_share_of_area"] == pytest.approx((200 * 200 + 100 * 100) / 1e6)
    # the first four burglaries lie in zone 1; the youth nuisance at x = 600.5 just outside it
    iz = result.where["incidents_in_zones"]
    assert iz["cat:1.1.1"]["n"] == 4 and iz["cat:1.1.1"]["share"] == pytest.approx(4 / 12)
    assert iz["cat:M.1"]["n"] == 0
    ro = result.where["risk_objects"]
    assert ro["area"]["by_kind"] == {"camera": 1, "coffeeshop": 1, "horeca": 2}
    assert ro["ring"]["by_kind"] == {"school": 1}
    dist = {it["name"]: it["distance_to_zone"] for z in ("area", "ring") for it in ro[z]["items"]}
    assert dist["Cafe West"] == pytest.approx(50.0)  # 650 - 600
    assert dist["Cafe Oost"] == pytest.approx(100.0)
    assert dist["Shop"] == 0.0  # inside zone 1
    assert dist["School"] == pytest.approx(400.0)  # (1100, 500) to zone 2's bottom at y = 900
    assert dist["Cam"] == pytest.approx(math.hypot(300, 300))  # (100, 900) to zone 1's corner (400, 600)
    assert "Far" not in dist


def test_risk_objects_without_zones():
    r = scan(zones=[])
    items = r.where["risk_objects"]["area"]["items"]
    assert items and all(it["distance_to_zone"] is None for it in items)
    assert r.where["zones"] == [] and r.where["zone_share_of_area"] == 0.0


def test_schouw_findings(result):
    s = result.schouw
    assert s["n_open"] == 2
    assert s["by_severity"] == {"groen": 0, "oranje": 1, "rood": 1}
    assert [it["checklist_item"] for it in s["items"]] == ["verlichting_kapot", "zwerfvuil"]


# ---- small counts -----------------------------------------------------------------------------------


def test_small_count_marking(result):
    m1 = result.group("cat:M.1")
    assert m1["area"]["n"] == 3 and m1["area"]["n_small"] is True
    assert m1["area"]["n_comparison"] == 0 and m1["area"]["n_comparison_small"] is False
    m2 = result.group("cat:M.2")["area"]
    assert m2["n_comparison"] == 6 and m2["n_comparison_small"] is False
    assert result.group("cat:1.1.1")["ring"]["n_small"] is True
    r4 = scan(small_count_threshold=3)
    assert r4.group("cat:M.1")["area"]["n_small"] is False
    assert r4.group("cat:1.1.1")["ring"]["n_small"] is True
    assert r4.parameters.small_count_threshold == 3
    # every small mark agrees with its count
    for g in result.groups:
        for zone in ("area", "ring"):
            for k in ("n", "n_comparison"):
                assert g[zone][k + "_small"] == (0 < g[zone][k] < 5)
    for key, w in result.when["groups"].items():
        for row, srow in zip(w["weekday_hour"], w["weekday_hour_small"]):
            assert srow == [0 < v < 5 for v in row], key
    assert suppress(3) == "<5" and suppress(0) == "0" and suppress(5) == "5" and suppress(4, 3) == "4"
    assert suppress(None) == "-" and suppress(2.0, 10) == "<10"


# ---- JSON, parameters -------------------------------------------------------------------------------


def test_json_round_trip(result):
    text = result.dumps()
    back = ScanResult.from_json(text)
    assert back == result
    assert ScanResult.from_json(json.loads(json.dumps(result.to_json()))) == result
    assert back.dumps() == text
    assert set(result.to_json()) == {
        "format",
        "parameters",
        "n_incidents",
        "geography",
        "groups",
        "when",
        "where",
        "schouw",
        "methods",
        "warnings",
    }
    assert result.parameters.period == ["2024-01-01T00:00:00", "2025-01-01T00:00:00"]
    assert result.parameters.comparison == ["2023-01-01T00:00:00", "2024-01-01T00:00:00"]
    assert result.parameters.ring_width == 250.0
    with pytest.raises(InputError):
        ScanResult.from_json('{"format": "other"}')
    with pytest.raises(InputError):
        ScanResult.from_json("not json")


def test_field_and_category_filters():
    r = scan(fields=[W, J])
    assert [g["key"] for g in r.groups_of("field")] == ["field:" + W, "field:" + J]
    assert r.group("total")["area"]["n"] == 15 and r.group("cat:1.3.1") is None
    r2 = scan(categories=["M.1", "9.9.9"])
    assert [g["code"] for g in r2.groups_of("category")] == ["9.9.9", "M.1"]  # numeric codes first
    assert r2.group("total")["area"]["n"] == 3 and r2.group("cat:9.9.9")["area"]["n"] == 0


def test_default_periods():
    (p, c) = default_periods(np.array(["2024-06-15T13:00:00", "2023-01-01"], dtype="datetime64[s]"))
    assert p == (np.datetime64("2023-06-16T00:00:00"), np.datetime64("2024-06-16T00:00:00"))
    assert c == (np.datetime64("2022-06-16T00:00:00"), np.datetime64("2023-06-16T00:00:00"))
    (p, c) = default_periods(np.datetime64("2024-02-29T10:00:00"))  # the day after is 1 March
    assert p == (np.datetime64("2023-03-01"), np.datetime64("2024-03-01"))
    assert default_comparison(
        (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2024-07-01T00:00:00"))
    ) == (np.datetime64("2023-01-01T00:00:00"), np.datetime64("2023-07-01T00:00:00"))
    long = (np.datetime64("2022-01-01T00:00:00"), np.datetime64("2024-01-01T00:00:00"))
    # longer than a year: the equally long stretch (730 days) directly before
    assert default_comparison(long) == (
        np.datetime64("2020-01-02T00:00:00"),
        np.datetime64("2022-01-01T00:00:00"),
    )
    r = scan(period=None, comparison=None)
    assert r.parameters.period == [
        "2024-01-02T00:00:00",
        "2025-01-02T00:00:00",
    ]  # last incident 2025-01-01


def test_area_from_point():
    circle = area_from_point(500, 500, 100)
    assert circle.area == pytest.approx(math.pi * 100**2, rel=2e-3)
    assert circle.contains(Point(590, 500)) and not circle.contains(Point(605, 500))
    with pytest.raises(InputError):
        area_from_point(0, 0, 0)
    with pytest.raises(InputError):
        area_from_point(0, 0, "x")


# ---- point in polygon -------------------------------------------------------------------------------


def test_points_in_polygon_against_shapely():
    rng = np.random.default_rng(5)
    outer = Point(0, 0).buffer(1000, 8)
    poly = outer.difference(box(-200, -200, 300, 250))  # a hole
    multi = MultiPolygon([poly, box(1500, 1500, 1800, 1900)])
    x = rng.uniform(-1200, 2000, 20000)
    y = rng.uniform(-1200, 2000, 20000)
    got = points_in_polygon(x, y, multi)
    pm = prep(multi)
    expected = np.array([pm.contains(Point(a, b)) for a, b in zip(x, y)])
    assert (got == expected).all()
    # boundary rule: west/south edges inside, east/north edges outside; area and ring never both
    bx = np.array([0.0, 1000.0, 500.0, 500.0])
    by = np.array([500.0, 500.0, 0.0, 1000.0])
    assert points_in_polygon(bx, by, AREA).tolist() == [True, False, True, False]


# ---- bad input ----------------------------------------------------------------------------------------


def test_bad_inputs():
    _, inc = town_incidents()
    with pytest.raises(InputError, match="scan area"):
        run_scan(ScanInputs(inc, Polygon(), PERIOD, COMPARISON))
    with pytest.raises(InputError, match="scan area"):
        run_scan(ScanInputs(inc, Point(0, 0), PERIOD, COMPARISON))
    with pytest.raises(InputError, match="period ends"):
        run_scan(ScanInputs(inc, AREA, (PERIOD[1], PERIOD[0]), COMPARISON))
    with pytest.raises(InputError, match="period ends"):
        run_scan(ScanInputs(inc, AREA, (PERIOD[0], PERIOD[0]), COMPARISON))
    with pytest.raises(InputError, match="overlaps"):
        run_scan(ScanInputs(inc, AREA, PERIOD, (np.datetime64("2023-06-01"), np.datetime64("2024-06-01"))))
    with pytest.raises(InputError, match="ring"):
        run_scan(ScanInputs(inc, AREA, PERIOD, COMPARISON, ring_width=-1))
    with pytest.raises(InputError, match="threshold"):
        run_scan(ScanInputs(inc, AREA, PERIOD, COMPARISON, small_count_threshold=0))
    bad = IncidentData(
        np.zeros(3), np.zeros(2), np.zeros(3, dtype="datetime64[s]"), np.array(["a"] * 3), np.array([W] * 3)
    )
    with pytest.raises(InputError, match="differ in length"):
        run_scan(ScanInputs(bad, AREA, PERIOD, COMPARISON))
    with pytest.raises(InputError, match="no incident dates"):
        run_scan(ScanInputs(IncidentData.empty(), AREA))


def test_invalid_area_is_repaired_with_a_warning():
    # a bow-tie: self-intersecting; buffer(0) keeps one valid part
    bow = Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])
    _, inc = town_incidents()
    r = run_scan(ScanInputs(inc, bow, PERIOD, COMPARISON, buurten=BUURTEN))
    assert any("repaired" in w["message"] for w in r.warnings)
    assert r.geography["area_km2"] > 0


def test_no_incidents_gives_zeros():
    r = run_scan(
        ScanInputs(
            IncidentData.empty(),
            AREA,
            PERIOD,
            COMPARISON,
            buurten=BUURTEN,
            zones=ZONES,
            risk_objects=RISK,
            schouw=SCHOUW,
        )
    )
    tot = r.group("total")
    assert tot["area"]["n"] == 0 and tot["area"]["per_1000"] == 0.0 and tot["reference"]["n"] == 0
    assert tot["change"]["area"]["p_value"] == 1.0 and tot["vs_reference"]["per_1000"]["ratio"] is None
    assert r.when["groups"]["total"]["dagdeel_share"] == {"dag": None, "avond": None, "nacht": None}
    assert len(r.groups_of("field")) == 5 and r.groups_of("category") == []
    assert ScanResult.from_json(r.dumps()) == r
    # no buurten and no reference: no comparison, a warning, still a result
    r2 = run_scan(ScanInputs(IncidentData.empty(), AREA, PERIOD, COMPARISON))
    assert r2.group("total")["vs_reference"] is None and r2.warnings


def test_missing_inhabitants_warn():
    buurten = list(BUURTEN) + [Buurt(box(0, 1000, 1000, 2000), None, -99997, "BU05", "secret")]
    r = scan(buurten=buurten)
    assert any("BU05" in str(w["params"].get("codes", "")) for w in r.warnings)
    assert r.geography["inhabitants"]["ring"] == pytest.approx(1250)


def test_cancel_stops():
    _, inc = town_incidents()
    with pytest.raises(Canceled):
        run_scan(ScanInputs(inc, AREA, PERIOD, COMPARISON), Monitor(canceled=lambda: True))
    seen = []
    run_scan(ScanInputs(inc, AREA, PERIOD, COMPARISON), Monitor(progress=seen.append))
    assert seen[-1] == 100 and seen == sorted(seen)


# ---- speed --------------------------------------------------------------------------------------------


def test_200k_incidents_with_400_buurten():
    """A large input runs through (its speed is measured by `make bench`, scripts/bench_scan.py)."""
    rng = np.random.default_rng(11)
    n = 200_000
    x = rng.normal(5000, 2500, n)
    y = rng.normal(5000, 2500, n)
    t = np.datetime64("2023-01-01T00:00:00") + rng.integers(0, 2 * 365 * 86400, n).astype("timedelta64[s]")
    cats = np.array(["1.1.1", "1.2.3", "2.2.1", "M.1", "1.3.1", "3.1.1", "M.2", "1.4.5"])
    flds = np.array([W, W, W, J, F, "integriteit", B, W])
    ci = rng.integers(0, len(cats), n)
    inc = IncidentData(x, y, t, cats[ci], flds[ci])
    # a municipality with a wiggly boundary of ~2,000 vertices, 400 buurten
    ang = np.linspace(0, 2 * np.pi, 2000, endpoint=False)
    rad = 6000 + 400 * np.sin(ang * 37)
    town = Polygon(np.column_stack([5000 + rad * np.cos(ang), 5000 + rad * np.sin(ang)]))
    buurten = [
        Buurt(box(i * 600, j * 600, (i + 1) * 600, (j + 1) * 600), 800, 350, f"BU{i:02d}{j:02d}", "")
        for i in range(-2, 18)
        for j in range(-2, 18)
    ]
    r = run_scan(
        ScanInputs(
            inc,
            box(4500, 4500, 5500, 5500),
            (np.datetime64("2024-01-01"), np.datetime64("2025-01-01")),
            (np.datetime64("2023-01-01"), np.datetime64("2024-01-01")),
            reference=town,
            reference_inhabitants=250000,
            buurten=buurten,
        )
    )
    assert r.n_incidents["input"] == n and r.n_incidents["area_period"] > 1000
    assert r.n_incidents["area_period"] == int(((np.abs(x - 5000) <= 500) & (np.abs(y - 5000) <= 500)
                                               & (t >= np.datetime64("2024-01-01"))
                                               & (t < np.datetime64("2025-01-01"))).sum())


def test_when_table_leaves_unknown_times_out_and_counts_them():
    """Issue #13: incidents with a date but no time of day (time_known False) count in the month
    series but not in the weekday x hour table and the day parts; how many is said."""
    from hotspot_plugin.core.scan_patterns import when_table

    t = np.array(["2024-05-06T22:15:00", "2024-05-06T00:00:00", "2024-05-07T00:00:00", "2024-05-07T08:00:00"],
                 dtype="datetime64[s]")
    ap = np.ones(4, dtype=bool)
    g_field, g_cat = np.ones(4, dtype=np.int64), np.full(4, 2, dtype=np.int64)  # group 0 is the total
    period = (np.datetime64("2024-05-01T00:00:00"), np.datetime64("2024-06-01T00:00:00"))
    comparison = (np.datetime64("2024-04-01T00:00:00"), np.datetime64("2024-05-01T00:00:00"))
    meta = [("total", "total", None, None), ("field", "field", None, "x"), ("cat", "cat", "1.1.1", "x")]
    out = when_table(t, ap, ~ap, g_field, g_cat, meta, period, comparison, 5,
                     time_known=np.array([True, False, False, True]))["groups"]
    assert out["field"]["time_unknown"] == out["cat"]["time_unknown"] == 2
    w = out["total"]
    assert w["time_unknown"] == 2
    assert w["dagdeel"] == {"dag": 1, "avond": 1, "nacht": 0}  # no false night from the two 00:00s
    assert sum(map(sum, w["weekday_hour"])) == 2 and w["weekday_hour"][0][22] == 1 and w["weekday_hour"][1][8] == 1
    assert w["months_period"][1] == 4  # the month counts all four (May is the second month)
    assert when_table(t, ap, ~ap, g_field, g_cat, meta, period, comparison, 5)["groups"]["total"]["time_unknown"] == 0
