"""The pure core of the area monitor and the emerging hot spots, against independent oracles.

* Mann-Kendall against a plain O(n^2) loop with its own tie correction (and a textbook value);
* space-time Gi* against a brute force over all pairs of bins with the space-time weights;
* every pattern class from a small constructed series of hot and cold steps;
* counts, rates and ratios per area against a count with shapely point-in-polygon loops, and the
  vectorised nested rate ratio against the environment scan's ``rate_ratio``.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from shapely.geometry import Point, box

from hotspot_plugin.core import area_monitor as am
from hotspot_plugin.core import emerging as em
from hotspot_plugin.core.grid_shapes import assign_to_polygons
from hotspot_plugin.core.scan_stats import rate_ratio
from hotspot_plugin.core.trend import mann_kendall

# ------------------------------------------------------------------------------ Mann-Kendall

def mk_plain(x):
    """Mann-Kendall written out: double loop, ties counted with a Counter."""
    x = [v for v in x if not math.isnan(v)]
    n = len(x)
    s = 0
    for i in range(n):
        for j in range(i + 1, n):
            s += (x[j] > x[i]) - (x[j] < x[i])
    ties = sum(t * (t - 1) * (2 * t + 5) for t in Counter(x).values())
    var = (n * (n - 1) * (2 * n + 5) - ties) / 18.0
    if var <= 0:
        return s, var, 0.0, 1.0
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var) if s < 0 else 0.0
    p = math.erfc(abs(z) / math.sqrt(2.0))
    return s, var, z, min(1.0, p)


def test_mann_kendall_against_plain_loop_with_ties():
    rng = np.random.default_rng(7)
    series = rng.integers(0, 4, size=(300, 12)).astype(float)  # many ties
    series[::7, 3] = np.nan
    series[5] = 2.0  # all equal
    got = mann_kendall(series)
    for r in range(series.shape[0]):
        s, var, z, p = mk_plain(series[r].tolist())
        assert got.s[r] == s
        assert got.var[r] == pytest.approx(var)
        assert got.z[r] == pytest.approx(z, abs=1e-12)
        assert got.p[r] == pytest.approx(p, abs=1e-12)


def test_mann_kendall_textbook_value_and_sen_slope():
    # x = 1..10 strictly increasing: S = 45, Var = 10*9*25/18 = 125, Z = 44 / sqrt(125).
    got = mann_kendall(np.arange(1, 11, dtype=float))
    assert got.s[0] == 45 and got.var[0] == pytest.approx(125.0)
    assert got.z[0] == pytest.approx(44 / math.sqrt(125.0))
    assert got.slope[0] == pytest.approx(1.0)
    assert got.direction()[0] == 1


# ------------------------------------------------------------------------------ space-time Gi*

def brute_space_time(cube, cell, band, k):
    """Gi* z of every bin of the participating cells, all pairs written out."""
    steps, rows, cols = cube.shape
    mask = cube.sum(axis=0) > 0
    cells = [(r, c) for r in range(rows) for c in range(cols) if mask[r, c]]
    bins = [(t, r, c) for (r, c) in cells for t in range(steps)]
    x = np.array([cube[t, r, c] for t, r, c in bins], dtype=float)
    n = x.size
    xbar = x.mean()
    s = math.sqrt(((x - xbar) ** 2).mean())
    z = {}
    for (t, r, c) in bins:
        lag = 0.0
        w = 0
        for k2, (t2, r2, c2) in enumerate(bins):
            if t - k <= t2 <= t and math.hypot((r - r2) * cell, (c - c2) * cell) <= band:
                lag += x[k2]
                w += 1
        var = (n * w - w * w) / (n - 1)
        z[(t, r, c)] = (lag - xbar * w) / (s * math.sqrt(var)) if var > 0 else 0.0
    return z


def test_space_time_gistar_against_brute_force():
    rng = np.random.default_rng(3)
    cell, band, k = 10.0, 15.0, 1
    pts = []
    for t_month in range(0, 12):  # 4 quarters
        m = rng.poisson(25)
        xy = rng.uniform(0, 60, (m, 2))
        xy[: m // 3] = rng.normal(20, 6, (m // 3, 2)).clip(0, 59.9)
        for xx, yy in xy:
            pts.append((xx, yy, np.datetime64("2024-01-01", "M") + t_month))
    x = np.array([p[0] for p in pts])
    y = np.array([p[1] for p in pts])
    t = np.array([p[2] for p in pts]).astype("datetime64[s]")
    res = em.emerging_hotspots(x, y, t, cell, band, months=3, time_neighbours=k, permutations=0,
                               p_source="normal")
    grid = res.grid
    # The cube rebuilt independently: row 0 is the top of the grid.
    steps = res.counts.shape[1]
    cube = np.zeros((steps, grid.rows, grid.cols))
    month = ((t.astype("datetime64[M]").astype(int) - t.astype("datetime64[M]").astype(int).min()) // 3)
    for xx, yy, s in zip(x, y, month):
        c = int((xx - grid.x0) // cell)
        r = int((grid.y0 - yy) // cell)
        cube[s, min(r, grid.rows - 1), min(c, grid.cols - 1)] += 1
    brute = brute_space_time(cube, cell, band, k)
    for li, flat in enumerate(res.cells):
        r, c = divmod(int(flat), grid.cols)
        for s in range(steps):
            assert res.counts[li, s] == cube[s, r, c]
            assert res.z[li, s] == pytest.approx(brute[(s, r, c)], abs=1e-9)


def test_time_steps_are_calendar_periods_from_the_first_month():
    t = np.array(["2023-02-14", "2023-04-30", "2023-05-01", "2024-01-31"], dtype="datetime64[s]")
    step, starts = em.time_steps(t, 3)
    assert step.tolist() == [0, 0, 1, 3]
    assert str(starts[0]) == "2023-02-01" and str(starts[1]) == "2023-05-01"


# ------------------------------------------------------------------------------ patterns

H, C, _ = "H", "C", "."


def pattern_of(seq, trend=0):
    hot = np.array([[c == H for c in seq]])
    cold = np.array([[c == C for c in seq]])
    return int(em.classify_patterns(hot, cold, np.array([trend]))[0])


@pytest.mark.parametrize("seq,trend,expected", [
    ("..........", 0, 0),
    (".........H", 0, em.NEW),
    (".......HHH", 0, em.CONSECUTIVE),
    ("HHHHHHHHHH", 1, em.INTENSIFYING),
    ("HHHHHHHHHH", 0, em.PERSISTENT),
    ("HHHHHHHHHH", -1, em.DIMINISHING),
    ("H..H...H.H", 0, em.SPORADIC),
    ("..C..H...H", 0, em.OSCILLATING),
    ("HHHHHHHHH.", 1, em.HISTORICAL),
    (".........C", 0, -em.NEW),
    ("......CCCC", 0, -em.CONSECUTIVE),
    ("CCCCCCCCCC", -1, -em.INTENSIFYING),
    ("CCCCCCCCCC", 0, -em.PERSISTENT),
    ("CCCCCCCCCC", 1, -em.DIMINISHING),
    ("C.C...C..C", 0, -em.SPORADIC),
    ("H.....C..C", 0, -em.OSCILLATING),
    ("CCCCCCCCC.", -1, -em.HISTORICAL),
    # Order: a location hot in 9 of 10 steps but not the last, with no trend, is persistent
    # (persistent comes before historical and does not ask for the final step).
    ("HHHHHHHHH.", 0, em.PERSISTENT),
    # Hot in the last step only, once, with an earlier cold spot: new comes before oscillating.
    ("C........H", 0, em.NEW),
])
def test_each_pattern_from_a_constructed_series(seq, trend, expected):
    assert pattern_of(seq, trend) == expected


def test_a_planted_new_hot_spot_is_found():
    rng = np.random.default_rng(11)
    n = 6000
    x = rng.uniform(0, 2000, n)
    y = rng.uniform(0, 2000, n)
    t = (np.datetime64("2022-01-01") + rng.integers(0, 3 * 365, n)).astype("datetime64[s]")
    # 150 extra incidents in the last quarter around (1000, 1000).
    extra = 150
    x = np.r_[x, rng.normal(1000, 40, extra)]
    y = np.r_[y, rng.normal(1000, 40, extra)]
    t = np.r_[t, (np.datetime64("2024-10-01") + rng.integers(0, 90, extra)).astype("datetime64[s]")]
    res = em.emerging_hotspots(x, y, t, 100.0, 150.0, months=3, permutations=9999, seed=5)
    centre = res.grid.cols * int((res.grid.y0 - 1000) // 100) + int((1000 - res.grid.x0) // 100)
    li = int(np.flatnonzero(res.cells == centre)[0])
    assert res.hot[li, -1] and not res.hot[li, :-1].any()
    assert res.pattern[li] == em.NEW


# ------------------------------------------------------------------------------ area monitor

def test_counts_and_rates_against_an_independent_count():
    rng = np.random.default_rng(2)
    polys = [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000), box(0, 1000, 2000, 2000)]
    inhabitants = np.array([[2000, 2100], [50, 50], [5000, 4800]], dtype=float)
    n = 5000
    x = rng.uniform(-100, 2100, n)
    y = rng.uniform(-100, 2100, n)
    year = rng.integers(2023, 2026, n)  # 2025 falls outside the monitor
    fields = rng.integers(-1, 5, n)
    area = assign_to_polygons(x, y, polys)
    counts = am.count_cube(area, year, fields, 3, [2023, 2024])
    areas = am.MonitorAreas(["A", "B", "C"], ["a", "b", "c"], np.array([p.area / 1e6 for p in polys]),
                            inhabitants, inhabitants / 2)
    res = am.area_monitor(areas, counts, [2023, 2024])
    for a, poly in enumerate(polys):
        for yi, yr in enumerate([2023, 2024]):
            for f in range(6):
                expected = sum(1 for k in range(n) if year[k] == yr and (f == 5 or fields[k] == f)
                               and poly.covers(Point(x[k], y[k]))
                               and not any(polys[b].covers(Point(x[k], y[k])) for b in range(a)))
                assert counts[a, yi, f] == expected
                if a == 1:  # 50 inhabitants: per km2
                    assert res.unit[a] == am.UNIT_KM2
                    assert res.rate[a, yi, f] == pytest.approx(expected / 1.0)
                else:
                    assert res.rate[a, yi, f] == pytest.approx(expected / inhabitants[a, yi] * 1000)
    # Ratio against the municipality (all three areas) with the scan's exact nested comparison.
    a, yi, f = 2, 1, 5
    ref = rate_ratio(int(counts[a, yi, f]), inhabitants[a, yi], int(counts[:, yi, f].sum()),
                     inhabitants[:, yi].sum(), nested=True)
    assert res.ratio[a, yi, f] == pytest.approx(ref["ratio"])
    assert res.ratio_low[a, yi, f] == pytest.approx(ref["ci_low"])
    assert res.ratio_high[a, yi, f] == pytest.approx(ref["ci_high"])
    assert res.ratio_p[a, yi, f] == pytest.approx(ref["p_value"])


def test_nested_rate_ratios_equal_the_scans_rate_ratio():
    rng = np.random.default_rng(4)
    for _ in range(200):
        e_ref = rng.uniform(10, 100)
        e = rng.uniform(0.1, e_ref * 0.9)
        n_ref = int(rng.integers(0, 300))
        k = int(rng.integers(0, n_ref + 1))
        ratio, lo, hi, p = am.nested_rate_ratios(np.array([k]), np.array([e]), np.array([n_ref]), np.array([e_ref]))
        ref = rate_ratio(k, e, n_ref, e_ref, nested=True)
        if ref["ratio"] is None:
            assert np.isnan(ratio[0])
        else:
            assert ratio[0] == pytest.approx(ref["ratio"])
        if ref["ci_low"] is not None:
            assert lo[0] == pytest.approx(ref["ci_low"], abs=1e-12)
            assert hi[0] == pytest.approx(ref["ci_high"], rel=1e-9)
        assert p[0] == pytest.approx(ref["p_value"], abs=1e-12)


def test_flags_ranks_and_disclosure():
    # Area 0 has three times the municipality's rate on two fields in the last year: flagged.
    years = [2020, 2021, 2022, 2023, 2024, 2025]
    counts = np.zeros((4, len(years), 6), dtype=np.int64)
    counts[:, :, 0] = 40
    counts[:, :, 1] = 40
    counts[0, -1, 0] = 160
    counts[0, -1, 1] = 160
    counts[3, :, 2] = 3  # small counts: suppressed
    counts[1, :, 3] = [5, 10, 20, 40, 80, 160]  # rising every year
    counts[1, :, 4] = [5, 9, 14, 30, 55, 90]
    counts[:, :, 5] = counts[:, :, :5].sum(axis=2)
    inh = np.full((4, len(years)), 4000.0)
    areas = am.MonitorAreas(list("ABCD"), list("abcd"), np.ones(4), inh, inh / 2)
    res = am.area_monitor(areas, counts, years, threshold=5)
    assert res.above[0, -1, 0] and res.above[0, -1, 1]
    assert res.flag_above[0] == [am.FIELDS[0], am.FIELDS[1]]
    assert res.flagged.tolist() == [True, True, False, False]
    assert res.flag_rising[1] == [am.FIELDS[3], am.FIELDS[4]]
    assert res.rank[0, -1, 0] == 1 and res.rank[1, -1, 0] == 2 and res.rank[2, -1, 0] == 2
    assert res.count_text(3, 0, 2) == "<5" and not res.shown(3, 0, 2) and res.rank[3, 0, 2] == 0
    assert not res.above[3, :, 2].any()
