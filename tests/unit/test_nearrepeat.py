"""Tests of the Knox test (hotspot_plugin.core.nearrepeat) against plain brute force."""
from __future__ import annotations

import math

import numpy as np
import pytest

from hotspot_plugin.core import nearrepeat as nr
from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.nearrepeat import Bands, KnoxResult, conclusion, knox, near_repeat_extent
from hotspot_plugin.core.progress import Monitor

# --------------------------------------------------------------------------- references


def brute_counts(x, y, t, dedges, tedges, tol):
    """Pair counts per (row, time band), written as plainly as possible.

    Row 0: d <= tol. Row k+1: max(dedges[k], tol) < d <= dedges[k+1]. Column k:
    tedges[k] <= |t_i - t_j| < tedges[k+1].
    """
    n = len(x)
    nd, nt = len(dedges) - 1, len(tedges) - 1
    counts = [[0] * nt for _ in range(nd + 1)]
    for i in range(n):
        for j in range(i + 1, n):
            dx = float(x[i]) - float(x[j])
            dy = float(y[i]) - float(y[j])
            d = math.sqrt(dx * dx + dy * dy)
            gap = abs(float(t[i]) - float(t[j]))
            col = None
            for k in range(nt):
                if tedges[k] <= gap < tedges[k + 1]:
                    col = k
            if col is None:
                continue
            row = None
            if d <= tol:
                row = 0
            else:
                for k in range(nd):
                    if max(dedges[k], tol) < d <= dedges[k + 1]:
                        row = k + 1
            if row is None:
                continue
            counts[row][col] += 1
    return np.array(counts)


def brute_knox(x, y, t, dedges, tedges, tol, permutations, seed):
    """Observed, expected and p-values with the documented permutation scheme."""
    observed = brute_counts(x, y, t, dedges, tedges, tol)
    rng = np.random.default_rng(seed)
    total = np.zeros(observed.shape)
    ge = np.zeros(observed.shape)
    for _ in range(permutations):
        perm = rng.permutation(len(x))
        sim = brute_counts(x, y, [t[p] for p in perm], dedges, tedges, tol)
        total += sim
        ge += sim >= observed
    return observed, total / permutations, (ge + 1) / (permutations + 1)


def small_town(n, seed, side=600.0, days=120, integer=True):
    """Random incidents with some exact duplicates and pairs placed exactly on band edges."""
    rng = np.random.default_rng(seed)
    x = list(np.round(rng.uniform(0, side, n), 1))
    y = list(np.round(rng.uniform(0, side, n), 1))
    t = list(rng.integers(0, days, n).astype(float) if integer else np.round(rng.uniform(0, days, n), 3))
    base_t = 10.0 if integer else 10.25
    # Exact edges: 100 m (3-4-5 triangle 60, 80), 200 m, 1 m and 0 m; gaps of exactly 7 and 14 days.
    extra = [
        ((1000.0, 1000.0, base_t), (1060.0, 1080.0, base_t + 7)),
        ((2000.0, 2000.0, base_t), (2000.0, 2200.0, base_t + 14)),
        ((3000.0, 3000.0, base_t), (3000.0, 3001.0, base_t)),
        ((4000.0, 4000.0, base_t), (4000.0, 4000.0, base_t + 3)),
        ((5000.0, 5000.0, base_t), (5120.0, 5160.0, base_t + 42)),  # 200 m, exactly 42 days
        ((6000.0, 6000.0, base_t), (6300.0, 6400.0, base_t + 35)),  # 500 m, 35 days
    ]
    if not integer:
        extra.append(((7000.0, 7000.0, base_t), (7050.0, 7000.0, base_t + 2.5)))  # 50 m, 2.5 days
    for a, b in extra:
        for px, py, pt in (a, b):
            x.append(px)
            y.append(py)
            t.append(pt)
    return np.array(x), np.array(y), np.array(t)


BAND_SETS = [
    (nr.DEFAULT_DISTANCE_EDGES, nr.DEFAULT_TIME_EDGES, 1.0),
    (nr.DEFAULT_DISTANCE_EDGES, nr.DEFAULT_TIME_EDGES, 0.0),
    ((50.0, 100.0, 200.0), (3.0, 7.0, 14.0, 30.0), 0.0),
    ((0.0, 1.0, 100.0, 500.0), (0.0, 1.0, 2.0), 0.5),
    ((0.0, 33.3, 80.0, 200.0), (0.0, 2.5, 7.25, 14.0), 1.0),  # fractional time edges
    ((0.0, 100.0, 250.0), (0.0, 3.5, 10.5), 1.0),  # fractional last time edge
]

# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize("dedges,tedges,tol", BAND_SETS)
@pytest.mark.parametrize("integer", [True, False])
def test_observed_counts_match_brute_force(dedges, tedges, tol, integer):
    x, y, t = small_town(120, seed=3, integer=integer)
    assert np.all(t == np.floor(t)) == integer
    res = knox(x, y, t, dedges, tedges, permutations=1, seed=0, same_location=tol)
    expected = brute_counts(x, y, t, dedges, tedges, tol)
    assert res.observed.shape == expected.shape
    np.testing.assert_array_equal(res.observed, expected)
    assert res.n_incidents == len(x)
    assert res.n_pairs_total == len(x) * (len(x) - 1) // 2


def test_pairs_on_edges_go_to_exactly_one_band():
    # 100 m apart, 7 days: in "0 < d <= 100 m" (row 1) and "7 <= t < 14" (column 1).
    res = knox([0.0, 60.0], [0.0, 80.0], [0.0, 7.0], permutations=1, seed=1)
    assert res.observed.sum() == 1
    assert res.observed[1, 1] == 1
    # 200 m apart, 14 days: row 2 (100 < d <= 200), column 2 (14 <= t < 21).
    res = knox([0.0, 0.0], [0.0, 200.0], [5.0, 19.0], permutations=1, seed=1)
    assert res.observed[2, 2] == 1 and res.observed.sum() == 1
    # Exactly the last edges: 500 m is counted, 42 days is not.
    res = knox([0.0, 300.0], [0.0, 400.0], [0.0, 41.0], permutations=1, seed=1)
    assert res.observed[5, 5] == 1
    res = knox([0.0, 300.0], [0.0, 400.0], [0.0, 42.0], permutations=1, seed=1)
    assert res.observed.sum() == 0
    # Just beyond 500 m is not counted.
    res = knox([0.0, 500.001], [0.0, 0.0], [0.0, 1.0], permutations=3, seed=1)
    assert res.observed.sum() == 0 and res.n_pairs == 0
    assert np.isnan(res.ratio).all() and (res.p_value == 1.0).all() and (res.expected == 0).all()


def test_same_location_repeats_are_separate():
    # Two incidents at one address (3 days apart), one at 0.8 m, one at 1.5 m.
    x = [0.0, 0.0, 100.0, 100.8, 300.0, 301.5]
    y = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    t = [0.0, 3.0, 10.0, 12.0, 50.0, 51.0]
    res = knox(x, y, t, permutations=1, seed=0)
    assert res.same_observed[0] == 2  # d = 0 and d = 0.8 m, both gaps < 7 days
    assert res.observed[1].sum() == brute_counts(x, y, t, nr.DEFAULT_DISTANCE_EDGES,
                                                 nr.DEFAULT_TIME_EDGES, 1.0)[1].sum()
    # With tolerance 0 only the exact duplicate is a repeat; the 0.8 m pair moves to 0 < d <= 100.
    res0 = knox(x, y, t, permutations=1, seed=0, same_location=0.0)
    assert res0.same_observed[0] == 1
    assert res0.observed[1, 0] == res.observed[1, 0] + 1


def test_datetimes_give_the_same_counts_as_days():
    x, y, t = small_town(80, seed=5)
    dates = np.datetime64("2022-01-01", "D") + t.astype(int)
    a = knox(x, y, t, permutations=5, seed=4)
    b = knox(x, y, dates, permutations=5, seed=4)
    np.testing.assert_array_equal(a.observed, b.observed)
    np.testing.assert_array_equal(a.p_value, b.p_value)
    # Datetimes with a time of day: gaps are fractional days, compared exactly to the edges.
    stamps = np.array(["2024-01-01T12:00", "2024-01-08T11:59", "2024-01-08T12:00"], dtype="datetime64[m]")
    res = knox([0.0, 10.0, 20.0], [0.0, 0.0, 0.0], stamps, permutations=1, seed=0)
    brute = brute_counts([0, 10, 20], [0, 0, 0], [0.5, 7.0 + 719 / 1440, 7.5],
                         nr.DEFAULT_DISTANCE_EDGES, nr.DEFAULT_TIME_EDGES, 1.0)
    np.testing.assert_array_equal(res.observed, brute)
    assert res.observed[1, 0] == 2 and res.observed[1, 1] == 1


# --------------------------------------------------------------------------- permutations


@pytest.mark.parametrize("dedges,tedges,tol", [BAND_SETS[0], BAND_SETS[2], BAND_SETS[4]])
def test_permutation_statistics_match_brute_force(dedges, tedges, tol):
    x, y, t = small_town(40, seed=11, side=300.0, days=40, integer=tedges != BAND_SETS[4][1])
    obs, exp, p = brute_knox(x, y, t, dedges, tedges, tol, permutations=25, seed=123)
    res = knox(x, y, t, dedges, tedges, permutations=25, seed=123, same_location=tol)
    np.testing.assert_array_equal(res.observed, obs)
    np.testing.assert_allclose(res.expected, exp)
    np.testing.assert_allclose(res.p_value, p)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(exp > 0, obs / np.where(exp > 0, exp, 1), np.nan)
    np.testing.assert_allclose(res.ratio, ratio)  # NaN where expected is 0 (assert_allclose: NaN == NaN)


def test_chunked_and_int32_paths_match(monkeypatch):
    x, y, t = small_town(150, seed=2)
    ref = knox(x, y, t, permutations=30, seed=9)
    monkeypatch.setattr(nr, "CHUNK", 7)
    monkeypatch.setattr(nr, "NATIVE_INDEX_PAIRS", 0)
    small = knox(x, y, t, permutations=30, seed=9)
    np.testing.assert_array_equal(ref.observed, small.observed)
    np.testing.assert_array_equal(ref.expected, small.expected)
    np.testing.assert_array_equal(ref.p_value, small.p_value)


def test_p_values_reproducible_with_seed():
    x, y, t = small_town(200, seed=8)
    a = knox(x, y, t, permutations=99, seed=42)
    b = knox(x, y, t, permutations=99, seed=42)
    c = knox(x, y, t, permutations=99, seed=43)
    np.testing.assert_array_equal(a.p_value, b.p_value)
    np.testing.assert_array_equal(a.expected, b.expected)
    assert not np.array_equal(a.expected, c.expected)
    # p-values lie on the grid k / (permutations + 1) with k >= 1.
    k = a.p_value * 100
    np.testing.assert_allclose(k, np.round(k))
    assert a.p_value.min() >= 1 / 100 and a.p_value.max() <= 1.0


def analytic_expectation(x, y, t, dedges, tedges, tol):
    """Under a random permutation of dates, E[count(row, col)] = pairs in row * share of date
    pairs whose gap falls in col (each pair of incidents gets a random pair of dates)."""
    n = len(t)
    per_row = brute_counts(x, y, np.zeros(n), dedges, (0.0, 1.0), tol)[:, 0]
    gaps = np.abs(np.subtract.outer(t, t))[np.triu_indices(n, 1)]
    share = np.array([np.mean((gaps >= lo) & (gaps < hi)) for lo, hi in zip(tedges[:-1], tedges[1:])])
    return np.outer(per_row, share)


def test_expected_close_to_observed_under_randomness():
    rng = np.random.default_rng(5)
    n = 400
    x, y = rng.uniform(0, 2000, n), rng.uniform(0, 2000, n)
    t = rng.integers(0, 365, n).astype(float)
    res = knox(x, y, t, permutations=199, seed=1)
    analytic = analytic_expectation(x, y, t, nr.DEFAULT_DISTANCE_EDGES, nr.DEFAULT_TIME_EDGES, 1.0)
    big = analytic >= 20
    assert big.sum() >= 20
    np.testing.assert_allclose(res.expected[big], analytic[big], rtol=0.05)
    # No pattern planted: overall observed / expected near 1, and few small p-values.
    assert 0.85 < res.observed[1:].sum() / res.expected[1:].sum() < 1.15
    assert (res.p_value[1:] < 0.05).sum() <= 6


# --------------------------------------------------------------------------- planted pattern


def planted(radius, days, seed=7):
    """Uniform background plus followers within ``radius`` m and ``days`` days of a parent."""
    rng = np.random.default_rng(seed)
    n0, n1 = 500, 160
    x, y = rng.uniform(0, 3000, n0), rng.uniform(0, 3000, n0)
    t = rng.integers(0, 730, n0).astype(float)
    parent = rng.integers(0, n0, n1)
    ang = rng.uniform(0, 2 * np.pi, n1)
    rad = rng.uniform(5, radius, n1)
    fx = x[parent] + rad * np.cos(ang)
    fy = y[parent] + rad * np.sin(ang)
    ft = t[parent] + rng.integers(0, days, n1)
    return np.concatenate([x, fx]), np.concatenate([y, fy]), np.concatenate([t, ft])


def test_planted_pattern_100m_7days():
    x, y, t = planted(95.0, 7)
    res = knox(x, y, t, permutations=999, seed=3)  # BH over 36 cells needs p below 0.05 / 36
    assert near_repeat_extent(res, fdr=True)[:2] == (100.0, 7.0)
    assert res.p_value[1, 0] < 0.01 and res.ratio[1, 0] > 2
    template, params = conclusion(res)
    assert near_repeat_extent(res)[:2] == (100.0, 7.0)
    assert "{distance} m and {days} days" in template
    assert params["distance"] == "100" and params["days"] == "7"
    assert template.format(**params).startswith("Raised risk up to 100 m and 7 days")


def test_planted_pattern_200m_14days():
    x, y, t = planted(195.0, 14, seed=9)
    res = knox(x, y, t, permutations=999, seed=3)
    assert near_repeat_extent(res)[:2] == (200.0, 14.0)
    assert near_repeat_extent(res, fdr=True)[:2] == (200.0, 14.0)
    # the stars of the table are the cells the conclusion uses
    sig = nr.significant(res)
    assert sig[1:3, 0].all() and sig[1, 0:2].all()
    assert [c.significant for c in res.cells()] == list(sig.ravel())


def test_no_pattern_conclusion():
    rng = np.random.default_rng(12)
    x, y = rng.uniform(0, 3000, 300), rng.uniform(0, 3000, 300)
    t = rng.integers(0, 730, 300).astype(float)
    res = knox(x, y, t, permutations=99, seed=2)
    assert res.p_value[1, 0] >= 0.05  # uniform in space and time: nothing at the origin cell
    template, params = conclusion(res)
    assert template.startswith("No near-repeat pattern")
    assert "{distance}" not in template and params == {"alpha": "0.05"}
    assert template.format(**params).endswith("(p < 0.05).")
    template, params = conclusion(res, fdr=True)
    assert template.format(**params).endswith("(false discovery rate 0.05).")


def hand_result(raised_cells, nan_cells=(), bands=None):
    """A KnoxResult with p = 0.001 and ratio 2 in ``raised_cells``, p = 0.5, ratio 1 elsewhere."""
    bands = bands or Bands()
    shape = (bands.n_distance + 1, bands.n_time)
    p = np.full(shape, 0.5)
    ratio = np.ones(shape)
    for cell in raised_cells:
        p[cell] = 0.001
        ratio[cell] = 2.0
    for cell in nan_cells:
        p[cell] = 0.001
        ratio[cell] = np.nan
    obs = np.zeros(shape, dtype=np.int64)
    return KnoxResult(bands=bands, observed=obs, expected=np.ones(shape), ratio=ratio, p_value=p,
                      n_incidents=10, n_pairs=0, permutations=999, seed=None)


def test_conclusion_rule_on_hand_made_tables():
    # Run along the first time band reaches 300 m, along the first distance band 21 days;
    # an isolated raised cell far away does not count.
    res = hand_result([(1, 0), (2, 0), (3, 0), (1, 1), (1, 2), (5, 5), (3, 4)])
    assert near_repeat_extent(res) == (300.0, 21.0, None)
    template, params = conclusion(res)
    assert template.format(**params) == "Raised risk up to 300 m and 21 days after an incident."
    # Origin not raised: no pattern, whatever is raised elsewhere.
    res = hand_result([(2, 0), (1, 1)])
    assert near_repeat_extent(res) == (None, None, None)
    assert conclusion(res)[0].startswith("No near-repeat pattern found")
    # A significant deficit (ratio < 1) or a NaN ratio is not raised.
    res = hand_result([], nan_cells=[(1, 0)])
    assert near_repeat_extent(res)[0] is None
    # Same-location repeats are reported separately.
    res = hand_result([(0, 0), (0, 1)])
    assert near_repeat_extent(res) == (None, None, 14.0)
    template, params = conclusion(res)
    assert "repeats at the same location" in template and params["repeat_days"] == "14"
    res = hand_result([(0, 0), (1, 0)])
    template, params = conclusion(res)
    assert template.format(**params) == ("Raised risk up to 100 m and 7 days after an incident; "
                                         "repeats at the same location up to 7 days after an incident.")


# --------------------------------------------------------------------------- labels


def test_labels_follow_the_edges():
    b = Bands()
    assert b.row_labels() == ["Same location (d ≤ 1 m)", "1 < d ≤ 100 m", "100 < d ≤ 200 m",
                              "200 < d ≤ 300 m", "300 < d ≤ 400 m", "400 < d ≤ 500 m"]
    assert b.time_labels() == ["0 ≤ t < 7 days", "7 ≤ t < 14 days", "14 ≤ t < 21 days",
                               "21 ≤ t < 28 days", "28 ≤ t < 35 days", "35 ≤ t < 42 days"]
    b = Bands((0, 50, 120.5), (0, 2.5, 10), same_location=0)
    assert b.row_labels() == ["Same location (d = 0 m)", "0 < d ≤ 50 m", "50 < d ≤ 120.5 m"]
    assert b.time_labels(decimal=",") == ["0 ≤ t < 2,5 days", "2,5 ≤ t < 10 days"]
    dutch = {nr.TIME_LABEL: "{lo} ≤ t < {hi} dagen", nr.SAME_LOCATION_LABEL: "Zelfde locatie (d ≤ {tol} m)"}
    b = Bands(same_location=0.5)
    assert b.time_labels(dutch.get)[1] == "7 ≤ t < 14 dagen"
    assert b.row_labels(lambda s: dutch.get(s, s), decimal=",")[:2] == ["Zelfde locatie (d ≤ 0,5 m)",
                                                                       "0,5 < d ≤ 100 m"]


def test_cells_table():
    x, y, t = small_town(60, seed=1)
    res = knox(x, y, t, permutations=9, seed=1)
    cells = res.cells()
    assert len(cells) == 6 * 6
    first = cells[0]
    assert first.same_location and first.distance_label.startswith("Same location")
    c = [c for c in cells if c.row == 2 and c.col == 3][0]
    assert (c.distance_lo, c.distance_hi, c.time_lo, c.time_hi) == (100.0, 200.0, 21.0, 28.0)
    assert c.observed == res.observed[2, 3] and c.p_value == res.p_value[2, 3]


# --------------------------------------------------------------------------- bad input and monitor


@pytest.mark.parametrize("kwargs,fragment", [
    (dict(x=[0.0], y=[0.0], t=[1.0]), "at least 2 incidents"),
    (dict(x=[], y=[], t=[]), "at least 2 incidents"),
    (dict(x=[0.0, 1.0, 2.0], y=[0.0, 0.0, 0.0], t=[1.0, np.nan, 3.0]), "have no date"),
    (dict(x=[0.0, 1.0, 2.0], y=[0.0, 0.0, 0.0], t=[1.0, None, 3.0]), "have no date"),
    (dict(x=[0.0, 1.0], y=[0.0, 0.0], t=np.array(["2024-01-01", "NaT"], dtype="datetime64[D]")),
     "have no date"),
    (dict(x=[0.0, 1.0, 2.0], y=[0.0, 0.0, 0.0], t=[5.0, 5.0, 5.0]), "same date"),
    (dict(x=[0.0, np.nan], y=[0.0, 0.0], t=[1.0, 2.0]), "no valid location"),
    (dict(x=[0.0, 1.0], y=[0.0], t=[1.0, 2.0]), "must pair up"),
    (dict(x=[0.0, 1.0], y=[0.0, 1.0], t=[1.0, 2.0, 3.0]), "every incident needs one date"),
    (dict(distance_edges=[0, 200, 100]), "must increase"),
    (dict(distance_edges=[0, 100, 100]), "must increase"),
    (dict(time_edges=[-7, 0, 7]), "cannot be negative"),
    (dict(distance_edges=[-100, 100]), "cannot be negative"),
    (dict(time_edges=[7]), "at least two time band edges"),
    (dict(distance_edges=[0, 100], same_location=100.0), "same-location tolerance"),
    (dict(same_location=-1.0), "same-location tolerance"),
    (dict(distance_edges=100), "must be numbers"),
    (dict(time_edges=[0, float("inf")]), "must be numbers"),
    (dict(x=[0.0, 1.0], y=[0.0, 0.0], t=["yesterday", "today"]), "could not read"),
    (dict(permutations=0), "permutations"),
    (dict(permutations=9.5), "permutations"),
])
def test_bad_input(kwargs, fragment):
    args = dict(x=[0.0, 10.0, 20.0], y=[0.0, 0.0, 0.0], t=[0.0, 1.0, 2.0])
    args.update(kwargs)
    x, y, t = args.pop("x"), args.pop("y"), args.pop("t")
    with pytest.raises(InputError) as err:
        knox(x, y, t, **args)
    assert fragment in str(err.value)


def test_monitor_progress_and_cancel():
    x, y, t = small_town(100, seed=4)
    seen = []
    knox(x, y, t, permutations=50, seed=1, monitor=Monitor(progress=seen.append))
    assert seen and seen[-1] == pytest.approx(100.0)
    assert all(b >= a - 1e-9 for a, b in zip(seen, seen[1:]))
    calls = {"n": 0}

    def cancel_after_some():
        calls["n"] += 1
        return calls["n"] > 40

    with pytest.raises(Canceled):
        knox(x, y, t, permutations=10_000, seed=1, monitor=Monitor(canceled=cancel_after_some))
    assert calls["n"] == 41


# ---------------------------------------------------------------------------------------------
# Significance marks: Benjamini-Hochberg over the cells
# ---------------------------------------------------------------------------------------------

def test_fdr_bh_hand_computed():
    # m = 8, alpha = 0.05: thresholds k * 0.05 / 8 = .00625 .0125 .01875 .025 .03125 .0375 .04375 .05
    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205])
    # sorted p <= threshold at ranks 1 (0.001 <= .00625) and 2 (0.008 <= .0125); rank 3:
    # 0.039 > .01875, 4: 0.041 > .025, 5: 0.042 > .03125, ... none later: k = 2
    assert nr.fdr_bh(p, 0.05).tolist() == [True, True] + [False] * 6
    # step-up: a later rank that passes rejects all below it (0.03 at rank 4 <= 0.04 * 4 / 5)
    q = np.array([0.02, 0.025, 0.028, 0.03, 0.9])
    assert nr.fdr_bh(q, 0.04).tolist() == [True, True, True, True, False]
    assert not nr.fdr_bh(np.array([np.nan, 0.2]), 0.05).any()
    assert nr.fdr_bh(np.array([np.nan, 0.01]), 0.05).tolist() == [False, True]


def test_significant_marks_on_a_constructed_table():
    # 6 x 6 = 36 cells. Uncorrected, the five cells with p < 0.05 and ratio > 1 would be starred;
    # BH at 0.05 over 36 cells: sorted p 0.0001, 0.0005, 0.001, 0.002, 0.03, 0.04, 0.5 ... against
    # k * 0.05 / 36 = 0.00139, 0.00278, 0.00417, 0.00556, 0.00694, ...: ranks 1-4 pass, 0.03 does
    # not; the rank-1 cell is a deficit (ratio < 1) and gets no star.
    res = hand_result([])
    res.p_value[1, 0], res.ratio[1, 0] = 0.0005, 3.0
    res.p_value[2, 0], res.ratio[2, 0] = 0.001, 2.0
    res.p_value[1, 1], res.ratio[1, 1] = 0.002, 1.8
    res.p_value[3, 0], res.ratio[3, 0] = 0.03, 1.3   # chance cell next to the run
    res.p_value[5, 5], res.ratio[5, 5] = 0.04, 1.2   # lonely chance cell
    res.p_value[3, 3], res.ratio[3, 3] = 0.0001, 0.5  # a deficit is never starred
    expected = np.zeros(res.p_value.shape, dtype=bool)
    expected[1, 0] = expected[2, 0] = expected[1, 1] = True
    assert np.array_equal(nr.significant(res), expected)
    plain = expected.copy()
    plain[3, 0] = plain[5, 5] = True
    assert np.array_equal(nr.significant(res, fdr=False), plain)
    assert near_repeat_extent(res, fdr=True) == (200.0, 14.0, None)
    assert near_repeat_extent(res) == (300.0, 14.0, None)  # uncorrected, the 0.03 cell stretches it
    assert [c.significant for c in res.cells()] == list(expected.ravel())
    template, params = nr.significance_note(res, decimal=",")
    assert template == nr.SIGNIFICANCE_NOTE_FDR and "{alpha}" in template and "{cells}" in template
    assert params == {"alpha": "0,05", "cells": 36}
    assert "false discovery rate of 0,05 over all 36 cells" in template.format(**params)
    template, params = nr.significance_note(res, fdr=False)
    assert template == nr.SIGNIFICANCE_NOTE_PLAIN and "p < 0.05" in template.format(**params)


def test_null_table_has_no_stars():
    # Uniform incidents: no real pattern; BH keeps the chance p < 0.05 cells from being starred.
    rng = np.random.default_rng(5)
    stars = 0
    for seed in range(3):
        x, y = rng.uniform(0, 3000, 300), rng.uniform(0, 3000, 300)
        t = rng.integers(0, 730, 300).astype(float)
        res = knox(x, y, t, permutations=999, seed=seed)
        stars += int(nr.significant(res).sum())
    assert stars == 0
