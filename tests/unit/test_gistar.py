"""Gi* core: binning, window sums, z-scores, permutation p-values, FDR, classes, auto choices.

Every reference here is written plainly (loops over i and j, enumeration of all subsets,
the step-up rule spelled out) and independently of hotspot_plugin.core.gistar.
"""
from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from shapely.geometry import Point, box

from hotspot_plugin.core import gistar as g
from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.progress import Monitor

TOL = 1e-9


# ---------------------------------------------------------------------------------------------
# Plain references
# ---------------------------------------------------------------------------------------------

def brute_weights(cx, cy, band):
    """Binary star weights as a dense matrix, by a double loop (d <= band, 1e-9 relative slack)."""
    n = len(cx)
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            d = math.sqrt((cx[i] - cx[j]) ** 2 + (cy[i] - cy[j]) ** 2)
            if d <= band * (1 + 1e-9):
                w[i, j] = 1.0
    return w


def brute_z(x, w):
    """Z_i of maths.md, written term by term."""
    n = len(x)
    xbar = sum(x) / n
    s = math.sqrt(sum(v * v for v in x) / n - xbar * xbar)
    z = []
    for i in range(n):
        lag = sum(w[i, j] * x[j] for j in range(n))
        wi = sum(w[i, j] for j in range(n))
        z.append((lag - xbar * wi) / (s * math.sqrt((n * wi - wi * wi) / (n - 1))))
    return np.array(z)


def brute_bh(p, alpha):
    """Benjamini-Hochberg step-up, spelled out: largest k with p_(k) <= k alpha / m."""
    idx = [i for i in range(len(p)) if not math.isnan(p[i])]
    m = len(idx)
    ranked = sorted(idx, key=lambda i: p[i])
    kmax = 0
    for k in range(1, m + 1):
        if p[ranked[k - 1]] <= k * alpha / m:
            kmax = k
    out = np.zeros(len(p), dtype=bool)
    for i in ranked[:kmax]:
        out[i] = True
    # ties with the k-th p-value are rejected too
    if kmax:
        cut = p[ranked[kmax - 1]]
        for i in idx:
            if p[i] <= cut:
                out[i] = True
    return out


def exact_tail_p(x, w):
    """Exact conditional-permutation tail probability per i, by enumerating all subsets.

    Null for i: x_i + sum of W_i - 1 values chosen from the other n - 1 (all subsets equally
    likely). Upper tail P(sim >= obs) when obs >= its conditional expectation, else P(sim <= obs).
    """
    n = len(x)
    out = []
    for i in range(n):
        nb = [j for j in range(n) if w[i, j]]
        obs = sum(x[j] for j in nb)
        k = len(nb)
        others = [x[j] for j in range(n) if j != i]
        expect = x[i] + (k - 1) * sum(others) / (n - 1)
        sims = [x[i] + sum(c) for c in itertools.combinations(others, k - 1)]
        if obs >= expect:
            hits = sum(1 for s in sims if s >= obs - 1e-9)
        else:
            hits = sum(1 for s in sims if s <= obs + 1e-9)
        out.append(hits / len(sims))
    return np.array(out)


def clustered(n, rng, size=1000.0):
    a = rng.normal(size * 0.3, size * 0.05, (n // 2, 2))
    b = rng.uniform(0, size, (n - n // 2, 2))
    return np.vstack([a, b])


# ---------------------------------------------------------------------------------------------
# Binning
# ---------------------------------------------------------------------------------------------

def test_square_grid_counts_and_alignment():
    rng = np.random.default_rng(0)
    pts = rng.uniform([1234.0, 5678.0], [2345.0, 6789.0], (500, 2))
    wts = rng.uniform(0.5, 3.0, 500)
    grid = g.square_grid(pts[:, 0], pts[:, 1], wts, 100.0)
    assert grid.x0 % 100 == 0 and grid.y0 % 100 == 0
    assert grid.x0 <= pts[:, 0].min() and grid.x0 + grid.cols * 100 >= pts[:, 0].max()
    assert grid.y0 >= pts[:, 1].max() and grid.y0 - grid.rows * 100 <= pts[:, 1].min()
    expect = np.zeros(grid.n)
    for (px, py), wt in zip(pts, wts):
        for i in range(grid.n):
            if grid.polygon(i).contains(Point(px, py)):
                expect[i] += wt
    assert np.allclose(grid.values, expect, atol=1e-12)
    assert grid.n_points == 500 and grid.n_outside == 0
    # centres are the centres of the polygons
    for i in (0, grid.cols - 1, grid.n - 1, grid.n // 2):
        c = grid.polygon(i).centroid
        assert abs(c.x - grid.cx[i]) < 1e-9 and abs(c.y - grid.cy[i]) < 1e-9
    assert grid.transform == (grid.x0, 100.0, 0.0, grid.y0, 0.0, -100.0)
    assert np.array_equal(grid.values_2d.ravel(), grid.values)


def test_square_grid_edges_extent_and_outside():
    # Points on interior edges belong to the cell to the right / above; on the outer
    # right and top edge to the last cell.
    xs = np.array([100.0, 200.0, 300.0, 150.0, 999.0])
    ys = np.array([100.0, 150.0, 300.0, 300.0, 50.0])
    grid = g.square_grid(xs, ys, None, 100.0, extent=(100.0, 100.0, 300.0, 300.0))
    assert (grid.rows, grid.cols, grid.x0, grid.y0) == (2, 2, 100.0, 300.0)
    v = grid.values_2d
    # (100,100) -> bottom-left; (200,150) -> bottom-right; (300,300) -> top-right (closed outer edge);
    # (150,300) -> top-left (closed top edge); (999,50) outside.
    assert v.tolist() == [[1.0, 1.0], [1.0, 1.0]]
    assert grid.n_outside == 1 and grid.n_points == 4


def test_square_grid_bad_input():
    with pytest.raises(InputError):
        g.square_grid([0.0], [0.0], None, 0.0)
    with pytest.raises(InputError):
        g.square_grid([0.0, np.nan], [0.0, 1.0], None, 10.0)
    with pytest.raises(InputError):
        g.square_grid([0.0, 1.0], [0.0, 1.0], [1.0, np.nan], 10.0)
    with pytest.raises(InputError):
        g.square_grid([], [], None, 10.0)
    with pytest.raises(InputError):
        g.square_grid([0.0, 1e6], [0.0, 1e6], None, 1.0, max_cells=1000)


def test_hex_grid_nearest_centre_and_shape():
    rng = np.random.default_rng(1)
    pts = rng.uniform(-300.0, 700.0, (400, 2))
    grid = g.hex_grid(pts[:, 0], pts[:, 1], None, 80.0)
    assert grid.values.sum() == 400 and grid.n_outside == 0
    cell_of = np.repeat(np.arange(grid.n), grid.values.astype(int))
    # brute force: nearest centre over all cells
    counts = np.zeros(grid.n)
    for px, py in pts:
        d = (grid.cx - px) ** 2 + (grid.cy - py) ** 2
        counts[int(np.argmin(d))] += 1
        assert grid.polygon(int(np.argmin(d))).buffer(1e-7).contains(Point(px, py))
    assert np.array_equal(counts, grid.values)
    assert cell_of.size == 400
    hexagon = grid.polygon(0)
    assert abs(hexagon.area - math.sqrt(3) / 2 * 80.0 ** 2) < 1e-6
    ys = [c[1] for c in hexagon.exterior.coords]
    assert sorted(ys)[:2] == pytest.approx([grid.cy[0] - 40.0] * 2)  # flat bottom edge
    # the lattice is anchored at (0, 0): identical centres for another extent
    other = g.hex_grid([0.0, 1000.0], [0.0, 1000.0], None, 80.0)
    a = {(round(x, 6), round(y, 6)) for x, y in zip(grid.cx, grid.cy)}
    b = {(round(x, 6), round(y, 6)) for x, y in zip(other.cx, other.cy)}
    assert len(a & b) > 50


# ---------------------------------------------------------------------------------------------
# Window sums
# ---------------------------------------------------------------------------------------------

def brute_window(a, radius):
    rows, cols = a.shape
    out = np.zeros(a.shape, dtype=a.dtype)
    k = int(radius) + 1
    for r in range(rows):
        for c in range(cols):
            for dr in range(-k, k + 1):
                for dc in range(-k, k + 1):
                    rr, cc = r + dr, c + dc
                    inside = math.sqrt(dr * dr + dc * dc) <= radius * (1 + 1e-9)
                    if 0 <= rr < rows and 0 <= cc < cols and inside:
                        out[r, c] += a[rr, cc]
    return out


@pytest.mark.parametrize("radius", [0.5, 1.0, 1.5, 2.0, 2.9, 3.0, 5.0, math.sqrt(13)])
def test_window_sums_exact(radius):
    rng = np.random.default_rng(2)
    ints = rng.poisson(2.0, (9, 13)).astype(np.int64)
    got = g.window_sums(ints, radius)
    assert got.dtype == np.int64
    assert np.array_equal(got, brute_window(ints, radius))
    floats = rng.gamma(1.0, 2.0, (7, 11))
    assert np.allclose(g.window_sums(floats, radius), brute_window(floats, radius), rtol=0, atol=1e-12)


def test_disc_half_widths():
    assert g.disc_half_widths(3.0).tolist() == [0, 2, 2, 3, 2, 2, 0]
    assert g.disc_half_widths(0.7).tolist() == [0]


# ---------------------------------------------------------------------------------------------
# z-scores against the brute force
# ---------------------------------------------------------------------------------------------

def test_z_square_grid_matches_brute_force():
    rng = np.random.default_rng(3)
    pts = clustered(600, rng, 1500.0)
    grid = g.square_grid(pts[:, 0], pts[:, 1], None, 100.0)
    for band in (100.0, 150.0, 250.0, 300.0):
        res = g.gistar(None, grid, band, permutations=0)
        ref = brute_z(list(grid.values), brute_weights(grid.cx, grid.cy, band))
        assert np.max(np.abs(res.z - ref)) < TOL
        assert np.array_equal(res.neighbours, brute_weights(grid.cx, grid.cy, band).sum(axis=1).astype(int))


def test_z_square_grid_weighted_with_mask():
    rng = np.random.default_rng(4)
    pts = clustered(500, rng, 1200.0)
    grid = g.square_grid(pts[:, 0], pts[:, 1], rng.uniform(0.1, 5.0, 500), 100.0)
    area = Point(600.0, 600.0).buffer(550.0)
    mask = grid.mask_within(area)
    inside = [i for i in range(grid.n) if area.contains(Point(grid.cx[i], grid.cy[i]))]
    assert np.array_equal(np.flatnonzero(mask), inside)
    res = g.gistar(None, grid, 220.0, mask=mask, permutations=0)
    cx, cy, v = grid.cx[inside], grid.cy[inside], grid.values[inside]
    ref = brute_z(list(v), brute_weights(cx, cy, 220.0))
    assert np.max(np.abs(res.z[inside] - ref)) < TOL
    assert np.all(np.isnan(res.z[~mask])) and np.all(res.classes[~mask] == 0)
    assert res.summary["n"] == len(inside)


def test_z_hex_grid_matches_brute_force():
    rng = np.random.default_rng(5)
    pts = clustered(500, rng, 1000.0)
    grid = g.hex_grid(pts[:, 0], pts[:, 1], None, 90.0)
    band = 1.8 * 90.0
    res = g.gistar(None, grid, band, permutations=0)
    w = brute_weights(grid.cx, grid.cy, band)
    assert np.max(np.abs(res.z - brute_z(list(grid.values), w))) < TOL
    # the automatic hex band gives 12 neighbours (13 with self) to inner cells
    assert res.neighbours.max() == 13


def test_z_polygon_centroids_matches_brute_force():
    rng = np.random.default_rng(6)
    cx, cy = rng.uniform(0, 5000, 120), rng.uniform(0, 5000, 120)
    vals = rng.poisson(4.0, 120).astype(float) * rng.uniform(0.5, 2.0, 120)
    res = g.gistar(vals, (cx, cy), 900.0, permutations=0)
    assert np.max(np.abs(res.z - brute_z(list(vals), brute_weights(cx, cy, 900.0)))) < TOL
    res2 = g.gistar(vals, np.column_stack([cx, cy]), 900.0, permutations=0)
    assert np.array_equal(res.z, res2.z)


def test_z_matches_esda_documented_example():
    # esda.getisord.G_Local docstring: DistanceBand(threshold=15), transform='B', star=True
    pts = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], dtype=float)
    y = np.array([2, 3, 3.2, 5, 8, 7])
    res = g.gistar(y, pts, 15.0, permutations=0)
    esda_zs = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]
    assert np.max(np.abs(res.z - esda_zs)) < 1e-8


def test_z_matches_esda_when_installed():
    esda = pytest.importorskip("esda")
    libpysal = pytest.importorskip("libpysal")
    rng = np.random.default_rng(7)
    pts = rng.uniform(0, 1000, (80, 2))
    y = rng.poisson(3.0, 80).astype(float)
    w = libpysal.weights.DistanceBand(pts, threshold=200.0, binary=True, silence_warnings=True)
    ref = esda.G_Local(y, w, transform="B", star=True, permutations=0).Zs
    res = g.gistar(y, pts, 200.0, permutations=0)
    assert np.max(np.abs(res.z - ref)) < TOL


def test_z_whole_window_is_zero_and_isolated_cell():
    x = np.array([1.0, 5.0, 2.0, 0.0])
    lag = np.full(4, x.sum())
    assert np.array_equal(g.gi_star_z(x, lag, np.full(4, 4)), np.zeros(4))
    # W_i = 1: the z-score is the standardised value
    z = g.gi_star_z(x, x, np.ones(4))
    assert np.allclose(z, (x - x.mean()) / x.std())


def test_gistar_input_errors():
    c = (np.arange(5.0), np.zeros(5))
    with pytest.raises(InputError, match="same value"):
        g.gistar(np.full(5, 2.0), c, 1.5)
    with pytest.raises(InputError, match="at least 3"):
        g.gistar(np.array([1.0, 2.0]), (np.arange(2.0), np.zeros(2)), 1.5)
    with pytest.raises(InputError, match="at least 3"):
        g.gistar(np.arange(5.0), c, 1.5, mask=np.array([1, 1, 0, 0, 0], bool))
    with pytest.raises(InputError, match="no cell or area has a neighbour"):
        g.gistar(np.arange(5.0), c, 0.5)
    with pytest.raises(InputError):
        g.gistar(np.arange(5.0), c, -1.0)
    with pytest.raises(InputError):
        g.gistar(np.arange(5.0), c, 1.5, permutations=-1)
    with pytest.raises(InputError):
        g.gistar(np.arange(4.0), c, 1.5)
    with pytest.raises(InputError):
        g.gistar(np.array([0.0, 1.0, np.nan, 3.0, 4.0]), c, 1.5)
    with pytest.raises(InputError):
        g.gistar(np.arange(5.0), c, 1.5, mask=np.ones(3, bool))


# ---------------------------------------------------------------------------------------------
# Permutation p-values
# ---------------------------------------------------------------------------------------------

def test_sample_distinct_rows_are_uniform_subsets():
    rng = np.random.default_rng(8)
    u = g.sample_distinct(rng, 5, 20000, 2)
    assert all(len(set(row)) == 2 for row in u[:2000].tolist())
    freq = {}
    for row in u.tolist():
        key = tuple(sorted(row))
        freq[key] = freq.get(key, 0) + 1
    assert len(freq) == 10
    assert max(abs(f / 20000 - 0.1) for f in freq.values()) < 0.01
    # the first columns of wider draws are uniform subsets too (the draws are shared that way)
    for width in (3, 4):
        prefix = g.sample_distinct(rng, 5, 20000, width)[:, :2]
        pairs = {}
        for row in prefix.tolist():
            key = tuple(sorted(row))
            pairs[key] = pairs.get(key, 0) + 1
        assert len(pairs) == 10 and max(abs(f / 20000 - 0.1) for f in pairs.values()) < 0.01
    big = g.sample_distinct(rng, 60, 3000, 30)
    assert all(len(set(row)) == 30 for row in big.tolist())
    counts = np.bincount(big.ravel(), minlength=60) / big.size
    assert np.max(np.abs(counts - 1 / 60)) < 0.002


def tiny_case(values):
    rng = np.random.default_rng(9)
    n = len(values)
    cx, cy = rng.uniform(0, 100, n), rng.uniform(0, 100, n)
    return np.array(values, dtype=float), cx, cy


@pytest.mark.parametrize("values, band", [
    ([0, 0, 1, 2, 2, 3, 5, 0, 7], 45.0),          # integer counts
    ([0, 0, 1, 2, 2, 3, 5, 0, 7], 80.0),          # large windows: the left-out branch
    ([0.5, 1.25, 3.0, 0.0, 2.2, 7.1, 0.3, 4.4, 1.0, 2.0], 55.0),  # weighted sums
])
def test_pvalues_match_exact_enumeration(values, band):
    x, cx, cy = tiny_case(values)
    w = brute_weights(cx, cy, band)
    exact = exact_tail_p(list(x), w)
    perms = 20000
    res = g.gistar(x, (cx, cy), band, permutations=perms, seed=11, fdr=False)
    assert res.summary["p_exact"]
    assert np.max(np.abs(res.p_sim - exact)) < 0.015
    assert np.max(np.abs(res.p_sim - exact)) > 0  # simulated: a count, not the exact tail
    assert np.all(res.p_sim >= 1 / (perms + 1))
    assert np.allclose(res.p, np.minimum(1, 2 * res.p_sim))
    assert len(set(w.sum(axis=1))) > 2  # several neighbour counts in play


def test_pvalues_lattice_fallback_close_to_plain_permutation():
    # Continuous weighted sums: the null is computed on a lattice of equal steps (not exact);
    # the reference draws every cell's own permutations explicitly.
    rng = np.random.default_rng(24)
    n = 120
    cx, cy = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
    x = rng.gamma(1.2, 3.0, n) * (rng.random(n) < 0.6)
    band = 180.0
    w = brute_weights(cx, cy, band)
    draws = 8000
    ref = np.zeros(n)
    for i in range(n):
        k = int(w[i].sum())
        obs = float(w[i] @ x)
        others = np.delete(x, i)
        expect = x[i] + (k - 1) * others.sum() / (n - 1)
        sims = x[i] + rng.permuted(np.tile(others, (draws, 1)), axis=1)[:, :k - 1].sum(axis=1)
        ref[i] = np.mean(sims >= obs - 1e-9) if obs >= expect else np.mean(sims <= obs + 1e-9)
    lag, wn = w @ x, w.sum(axis=1).astype(np.int64)
    q, _, exact = g.conditional_tail_probabilities(x, lag, wn)
    assert not exact
    assert np.max(np.abs(q - ref)) < 0.03
    assert np.mean(np.abs(q - ref)) < 0.005


def test_tail_probabilities_equal_enumeration_exactly():
    # Integer counts and two-decimal weights are exact: against the enumeration of all subsets.
    for values, band in (([0, 0, 1, 2, 2, 3, 5, 0, 7, 1, 0, 4], 45.0),
                         ([0, 0, 1, 2, 2, 3, 5, 0, 7], 80.0),
                         ([0.5, 1.25, 3.0, 0.0, 2.2, 7.1, 0.3, 4.4, 1.0, 2.0], 55.0)):
        x, cx, cy = tiny_case(values)
        w = brute_weights(cx, cy, band)
        q, _, exact = g.conditional_tail_probabilities(x, w @ x, w.sum(axis=1).astype(np.int64))
        assert exact
        assert np.max(np.abs(q - exact_tail_p(list(x), w))) < 1e-12


def test_tail_probabilities_large_population_exact():
    # n = 400 counts (the deconvolution path, m <= (n - 1) / 2) against a direct computation of
    # the same null: the hypergeometric law of how many of each value the W - 1 draws take,
    # enumerated for a window of 4 (3 draws) from the other n - 1 values.
    rng = np.random.default_rng(31)
    x = rng.poisson(1.3, 400).astype(float)
    x[:3] = [9.0, 0.0, 4.0]
    lag = np.array([14.0, 1.0, 7.0]) + x[:3]
    wn = np.array([4, 4, 4])
    xs = x[:3]
    vals, counts = np.unique(x, return_counts=True)
    for i in range(3):
        cnt = counts.copy()
        cnt[np.searchsorted(vals, xs[i])] -= 1
        pop = list(np.repeat(vals, cnt))
        total = math.comb(len(pop), 3)
        # count 3-subsets by value multiset
        prob = {}
        for combo in itertools.combinations_with_replacement(range(vals.size), 3):
            ways = 1
            for v in set(combo):
                ways *= math.comb(int(cnt[v]), combo.count(v))
            s_ = sum(vals[v] for v in combo)
            prob[s_] = prob.get(s_, 0.0) + ways / total
        obs = lag[i] - xs[i]
        expect = 3 * (x.sum() - xs[i]) / 399
        ref = (sum(p_ for s_, p_ in prob.items() if s_ >= obs) if obs >= expect
               else sum(p_ for s_, p_ in prob.items() if s_ <= obs))
        q, _, exact = g.conditional_tail_probabilities(
            np.r_[xs[i], np.delete(x, i)], np.r_[lag[i], np.zeros(399)], np.r_[wn[i], np.ones(399, int)])
        assert exact and abs(q[0] - ref) < 1e-12


def test_permutation_counts_are_binomial_and_independent_per_cell():
    # Two cells with the same neighbour count, value and window sum: their permutation counts
    # must be independent draws (a shared null sample would make them equal every time).
    x = np.array([5, 5, 0, 0, 1, 0, 2, 0, 0, 1, 0, 0, 3, 0, 0, 1, 0, 0, 0, 2], dtype=float)
    w = np.full(x.size, 3, dtype=np.int64)
    lag = x + 4.0  # same observed sum for cells 0 and 1
    perms = 199
    q, _, _ = g.conditional_tail_probabilities(x, lag, w)
    assert q[0] == q[1] and 0.05 < q[0] < 0.95
    c0, c1 = [], []
    for seed in range(400):
        p, _, _ = g.permutation_pvalues(x, lag, w, perms, np.random.default_rng(seed))
        c0.append(round(p[0] * (perms + 1) - 1))
        c1.append(round(p[1] * (perms + 1) - 1))
    c0, c1 = np.array(c0), np.array(c1)
    assert np.mean(c0 == c1) < 0.2
    assert abs(np.corrcoef(c0, c1)[0, 1]) < 0.2
    # each count is Binomial(perms, q): mean and variance
    both = np.r_[c0, c1]
    assert abs(both.mean() - perms * q[0]) < 4 * math.sqrt(perms * q[0] * (1 - q[0]) / both.size)
    assert abs(both.var() / (perms * q[0] * (1 - q[0])) - 1) < 0.2


def snow_like(seed=0):
    """Like Snow's cholera deaths: ~580 deaths at ~250 addresses (several per house) around a
    centre, in a 600 m x 600 m area."""
    rng = np.random.default_rng(seed)
    addr = rng.normal(300, 100, (400, 2))
    addr = addr[(addr > 0).all(1) & (addr < 600).all(1)][:250]
    pts = np.repeat(addr, rng.geometric(0.43, addr.shape[0]), axis=0)
    return pts[:580]


def test_default_permutations_give_a_stable_map():
    pts = snow_like()
    grid = g.square_grid(pts[:, 0], pts[:, 1], None, 10.0, extent=(0, 0, 600, 600))
    ref = g.gistar(None, grid, 30.0, permutations=99_999, seed=12345)
    hot = []
    for seed in range(1, 11):
        res = g.gistar(None, grid, 30.0, seed=seed)
        assert res.summary["permutations"] == g.DEFAULT_PERMUTATIONS
        hot.append(int((res.classes > 0).sum()))
        assert np.mean(res.classes == ref.classes) >= 0.95
    med = float(np.median(hot))
    assert med > 50
    assert max(hot) - min(hot) <= 0.05 * med


def test_pvalues_match_plain_conditional_permutation():
    rng = np.random.default_rng(13)
    n = 70
    cx, cy = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
    x = np.round(rng.gamma(1.5, 2.0, n), 2)
    band = 220.0
    w = brute_weights(cx, cy, band)
    perms = 4000
    ref = np.zeros(n)
    for i in range(n):
        k = int(w[i].sum())
        obs = float(w[i] @ x)
        others = np.delete(x, i)
        expect = x[i] + (k - 1) * others.sum() / (n - 1)
        draws = rng.permuted(np.tile(others, (perms, 1)), axis=1)[:, :k - 1]
        sims = x[i] + draws.sum(axis=1)
        hits = np.sum(sims >= obs - 1e-9) if obs >= expect else np.sum(sims <= obs + 1e-9)
        ref[i] = (hits + 1) / (perms + 1)
    res = g.gistar(x, (cx, cy), band, permutations=perms, seed=14)
    assert np.max(np.abs(res.p_sim - ref)) < 0.06
    assert np.mean(np.abs(res.p_sim - ref)) < 0.015


def test_pvalues_reproducible_and_paths_agree():
    rng = np.random.default_rng(15)
    pts = clustered(400, rng, 1000.0)
    grid = g.square_grid(pts[:, 0], pts[:, 1], None, 100.0)
    a = g.gistar(None, grid, 250.0, permutations=199, seed=3)
    b = g.gistar(None, grid, 250.0, permutations=199, seed=3)
    c = g.gistar(None, grid, 250.0, permutations=199, seed=4)
    assert np.array_equal(a.p_sim, b.p_sim) and np.array_equal(a.classes, b.classes)
    assert not np.array_equal(a.p_sim, c.p_sim)
    d = g.gistar(grid.values, (grid.cx, grid.cy), 250.0, permutations=199, seed=3)
    assert np.array_equal(a.p_sim, d.p_sim) and np.max(np.abs(a.z - d.z)) < TOL
    assert set(np.unique(a.p_sim * 200).round(6)) <= set(range(1, 201))
    e = g.gistar(None, grid, 250.0, permutations=199)
    f = g.gistar(None, grid, 250.0, permutations=199, seed=e.summary["seed"])
    assert isinstance(e.summary["seed"], int) and np.array_equal(e.p_sim, f.p_sim)


def test_strong_cluster_is_hot_and_significant():
    rng = np.random.default_rng(16)
    bg = rng.uniform(0, 2000, (300, 2))
    hot = rng.normal(1000, 40, (300, 2))
    pts = np.vstack([bg, hot])
    grid = g.square_grid(pts[:, 0], pts[:, 1], None, 100.0, extent=(0, 0, 2000, 2000))
    res = g.gistar(None, grid, 150.0, permutations=999, seed=1)
    centre = int(np.argmin((grid.cx - 1050) ** 2 + (grid.cy - 1050) ** 2))
    assert res.z[centre] > 5 and res.p_sim[centre] == pytest.approx(1 / 1000)
    assert res.summary["min_p"] == pytest.approx(2 / 1000)
    # 999 permutations cannot reach the FDR cut of 400 cells (7 cells at p = 0.002 > 0.1 * 7 / 400);
    # the default number can
    assert res.classes[centre] == 0
    assert g.gistar(None, grid, 150.0, seed=1).classes[centre] >= 1
    # without FDR p = 0.002 <= 0.01 gives 99 %; ArcGIS-style normal p-values give 99 % with FDR
    assert g.gistar(None, grid, 150.0, permutations=999, seed=1, fdr=False).classes[centre] == 3
    normal = g.gistar(None, grid, 150.0, permutations=99, seed=1, p_source="normal")
    assert normal.classes[centre] == 3 and normal.summary["p_source"] == "normal"
    assert np.array_equal(normal.p, normal.p_norm) and np.isfinite(normal.p_sim).all()


# ---------------------------------------------------------------------------------------------
# FDR and classes
# ---------------------------------------------------------------------------------------------

def test_fdr_bh_matches_step_up_rule():
    rng = np.random.default_rng(17)
    for trial in range(30):
        m = int(rng.integers(1, 200))
        p = np.round(rng.beta(0.3 + trial % 3, 3.0, m), 3)  # rounded: plenty of ties
        p[rng.random(m) < 0.05] = np.nan
        for alpha in (0.01, 0.05, 0.10, 0.3):
            assert np.array_equal(g.fdr_bh(p, alpha), brute_bh(list(p), alpha))
    assert not g.fdr_bh(np.array([np.nan, np.nan]), 0.05).any()


def brute_classes(z, p, fdr, direction=None):
    levels = {}
    for lev, alpha in ((1, 0.10), (2, 0.05), (3, 0.01)):
        levels[lev] = brute_bh(list(p), alpha) if fdr else [(not math.isnan(v)) and v <= alpha for v in p]
    out = []
    for i in range(len(z)):
        best = 0
        for lev in (1, 2, 3):
            if levels[lev][i]:
                best = lev
        sign = 0 if math.isnan(z[i]) or z[i] == 0 else (1 if z[i] > 0 else -1)
        if direction is not None and sign != direction[i]:
            sign = 0
        out.append(best * sign)
    return np.array(out)


def test_classify_spots_against_plain_rule():
    rng = np.random.default_rng(18)
    z = rng.normal(0, 2, 300)
    p = np.round(np.minimum(1, 2 * (1 - 0.5 * (1 + np.vectorize(math.erf)(np.abs(z) / math.sqrt(2))))), 3)
    p[:5] = np.nan
    z[:5] = np.nan
    direction = np.where(rng.random(300) < 0.9, np.sign(np.nan_to_num(z)), -np.sign(np.nan_to_num(z)))
    for fdr in (True, False):
        assert np.array_equal(g.classify_spots(z, p, fdr), brute_classes(z, p, fdr))
        assert np.array_equal(g.classify_spots(z, p, fdr, direction), brute_classes(z, p, fdr, direction))
    cls = g.classify_spots(np.array([3.0, -3.0, 1.0, 2.0]), np.array([0.005, 0.03, 0.08, 0.5]), fdr=False)
    assert cls.tolist() == [3, -2, 1, 0]


def test_gistar_classes_follow_its_p_values():
    rng = np.random.default_rng(19)
    pts = clustered(800, rng, 2000.0)
    grid = g.square_grid(pts[:, 0], pts[:, 1], None, 100.0)
    res = g.gistar(None, grid, 250.0, permutations=499, seed=2, fdr=True)
    lag = res.lag
    n = grid.n
    x = grid.values
    expect = x + (res.neighbours - 1) * (x.sum() - x) / (n - 1)
    direction = np.where(lag >= expect, 1, -1)
    assert np.array_equal(res.classes, brute_classes(res.z, res.p, True, direction))
    s = res.summary
    assert s["hot_99"] + s["hot_95"] + s["hot_90"] + s["cold_90"] + s["cold_95"] + s["cold_99"] \
        + s["not_significant"] == n
    # without permutations the classes come from the normal two-sided p-value of z
    res0 = g.gistar(None, grid, 250.0, permutations=0, fdr=False)
    two_sided = np.array([math.erfc(abs(v) / math.sqrt(2)) for v in res0.z])
    assert np.allclose(res0.p, two_sided, atol=1e-12)
    assert np.array_equal(res0.classes, brute_classes(res0.z, two_sided, False))


# ---------------------------------------------------------------------------------------------
# Automatic choices, monitor
# ---------------------------------------------------------------------------------------------

def mean_per_occupied(pts, c):
    cells = {(math.floor(px / c), math.floor(py / c)) for px, py in pts}
    return len(pts) / len(cells)


def test_suggest_cell_size_rule():
    rng = np.random.default_rng(20)
    pts = clustered(3000, rng, 5000.0)
    pts = pts[(pts >= 0).all(axis=1) & (pts <= 5000).all(axis=1)]
    choice = g.suggest_cell_size(pts[:, 0], pts[:, 1], area=25e6)
    c = choice.value
    assert c in g.NICE_CELL_SIZES and c >= 25
    assert mean_per_occupied(pts.tolist(), c) >= 3
    smaller = [s for s in g.NICE_CELL_SIZES if s < c and 25e6 / s ** 2 <= 1_000_000]
    assert all(mean_per_occupied(pts.tolist(), s) < 3 for s in smaller)
    text = choice.message()
    assert str(int(c)) in text and "{" not in text
    # sparse incidents over a large area: still at least 30 cells
    few = rng.uniform(0, 20000, (40, 2))
    ch2 = g.suggest_cell_size(few[:, 0], few[:, 1], area=4e8)
    assert 4e8 / ch2.value ** 2 >= 30
    with pytest.raises(InputError):
        g.suggest_cell_size([5.0, 5.0], [5.0, 5.0])


def test_suggest_band_gives_eight_or_twelve_neighbours():
    pts = np.random.default_rng(21).uniform(0, 2000, (2000, 2))
    sq = g.square_grid(pts[:, 0], pts[:, 1], None, 100.0)
    band = g.suggest_band(100.0).value
    w = brute_weights(sq.cx, sq.cy, band).sum(axis=1)
    assert w.max() == 9 and np.median(w) == 9
    hx = g.hex_grid(pts[:, 0], pts[:, 1], None, 100.0)
    bh = g.suggest_band(100.0, kind="hex").value
    wh = brute_weights(hx.cx, hx.cy, bh).sum(axis=1)
    assert wh.max() == 13 and np.median(wh) == 13
    assert "{" not in g.suggest_band(100.0).message()


def test_suggest_band_polygons_every_area_has_a_neighbour():
    rng = np.random.default_rng(22)
    cx, cy = rng.uniform(0, 3000, 60), rng.uniform(0, 3000, 60)
    band = g.suggest_band_polygons(cx, cy).value
    w = brute_weights(cx, cy, band)
    assert (w.sum(axis=1) >= 2).all()
    w_smaller = brute_weights(cx, cy, band * 0.999)
    assert (w_smaller.sum(axis=1) == 1).any()


def test_monitor_progress_and_cancel():
    rng = np.random.default_rng(23)
    pts = clustered(2000, rng, 3000.0)
    grid = g.square_grid(pts[:, 0], pts[:, 1], None, 50.0)
    seen = []
    g.gistar(None, grid, 120.0, permutations=99, seed=1, monitor=Monitor(progress=seen.append))
    assert seen and seen[-1] == 100 and all(b >= a - 1e-9 for a, b in zip(seen, seen[1:]))
    calls = []

    def cancel_later():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Canceled):
        g.gistar(None, grid, 120.0, permutations=99, seed=1, monitor=Monitor(canceled=cancel_later))


def test_mask_within_hex_and_polygons_iterate():
    grid = g.hex_grid([0.0, 500.0], [0.0, 500.0], None, 100.0)
    area = box(100, 100, 400, 400)
    m = grid.mask_within(area)
    assert np.array_equal(m, [area.contains(Point(x, y)) for x, y in zip(grid.cx, grid.cy)])
    polys = list(grid.polygons([0, 1]))
    assert len(polys) == 2 and polys[0].is_valid
