"""Tests of hotspot_plugin.core.kde against a brute-force kernel density written plainly here.

The reference loops over the cells, measures the distance from each cell's true centre to every
point and sums ``w * K(d / R)`` over the points with ``d <= R``. Like the module under test (its
documented rule), "d <= R" allows a relative tolerance of 1e-9 so floating-point noise cannot
decide about a cell at exactly ``d = R``.
"""
from __future__ import annotations

import math
import time

import numpy as np
import pytest

from hotspot_plugin.core import kde
from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.progress import Monitor

TOL = 1e-9


# ------------------------------------------------------------------------------ reference

def ref_kernel(kernel, t, decay=0.0):
    """Raw kernel value at t = d / R (0 <= t <= 1), from the definitions."""
    if kernel == 0:
        return (1.0 - t * t) ** 2
    if kernel == 1:
        return 1.0 - (1.0 - decay) * t
    if kernel == 2:
        return np.ones_like(t)
    if kernel == 3:
        return (1.0 - t * t) ** 3
    if kernel == 4:
        return 1.0 - t * t
    raise ValueError(kernel)


def ref_constant(kernel, R, decay=0.0):
    """Normalising constant so that the scaled kernel integrates to 1."""
    return {0: 3.0, 1: 3.0 / (1.0 + 2.0 * decay), 2: 1.0, 3: 4.0, 4: 2.0}[kernel] / (math.pi * R * R)


def brute(x, y, w, R, x_min, y_max, pixel, rows, cols, kernel=0, decay=0.0, scaled=False):
    """Loop over cells; for each, the distance from its true centre to every point."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    w = np.ones_like(x) if w is None else np.asarray(w, float)
    R = np.broadcast_to(np.asarray(R, float), x.shape)
    values = np.zeros((rows, cols))
    touched = np.zeros((rows, cols), bool)
    for i in range(rows):
        cy = y_max - (i + 0.5) * pixel
        for j in range(cols):
            cx = x_min + (j + 0.5) * pixel
            d = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
            inside = d <= R * (1.0 + TOL)
            if not inside.any():
                continue
            t = np.minimum(d[inside] / R[inside], 1.0)
            k = ref_kernel(kernel, t, decay)
            if scaled:
                k = k * ref_constant(kernel, R[inside], decay)
            values[i, j] = np.sum(w[inside] * k)
            touched[i, j] = True
    return values, touched


def brute_grid(x, y, w, R, grid, **kw):
    return brute(x, y, w, R, grid.x_min, grid.y_max, grid.pixel, grid.rows, grid.cols, **kw)


def assert_matches(got, ref, rel=1e-7):
    values, touched = got
    rv, rt = ref
    assert values.shape == rv.shape and touched.shape == rt.shape
    np.testing.assert_array_equal(touched, rt)
    scale = max(np.abs(rv).max(), 1e-300)
    assert np.abs(values - rv).max() <= rel * scale, np.abs(values - rv).max() / scale
    assert not values[~touched].any()


def random_points(n, seed, x0=155000.0, y0=463000.0, w=60.0, h=45.0):
    rng = np.random.default_rng(seed)
    return x0 + rng.uniform(0, w, n), y0 + rng.uniform(0, h, n), rng


# ------------------------------------------------------------------------------ kernels

@pytest.mark.parametrize("scaled", [False, True])
@pytest.mark.parametrize("kernel", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("radius", [2.3, 6.7])  # below and above the cell-by-cell threshold (3 px)
def test_kernels_match_brute_force(kernel, scaled, radius):
    x, y, rng = random_points(60, seed=kernel * 10 + int(scaled))
    w = rng.uniform(0.2, 3.0, x.size)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), radius, 1.0)
    decay = 0.5 if kernel == 1 else 0.0
    got = kde.density(x, y, w, radius, grid, kernel=kernel, decay=decay, scaled=scaled)
    assert_matches(got, brute_grid(x, y, w, radius, grid, kernel=kernel, decay=decay, scaled=scaled))


@pytest.mark.parametrize("decay", [0.0, 0.5, -0.5])
def test_triangular_decay_raw(decay):
    x, y, _ = random_points(40, seed=3)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), 5.0, 1.0)
    got = kde.density(x, y, None, 5.0, grid, kernel=1, decay=decay)
    ref = brute_grid(x, y, None, 5.0, grid, kernel=1, decay=decay)
    assert_matches(got, ref)
    if decay < 0:
        assert got[0].min() < 0  # the kernel really goes negative near its edge


@pytest.mark.parametrize("kernel", [0, 2, 3, 4])
def test_unit_weights_and_common_weight(kernel):
    """No weights (the fast path with a run count) and a weight that is the same for all points."""
    x, y, _ = random_points(50, seed=11)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), 8.0, 1.0)
    ref = brute_grid(x, y, None, 8.0, grid, kernel=kernel)
    assert_matches(kde.density(x, y, None, 8.0, grid, kernel=kernel), ref)
    ref3 = brute_grid(x, y, np.full(x.size, 3.0), 8.0, grid, kernel=kernel)
    assert_matches(kde.density(x, y, 3.0, 8.0, grid, kernel=kernel), ref3)
    assert np.allclose(ref3[0], 3.0 * ref[0])


def test_weights_zero_and_negative():
    x, y, rng = random_points(50, seed=5)
    w = rng.uniform(-2.0, 2.0, x.size)
    w[:5] = 0.0
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), 7.0, 1.0)
    got = kde.density(x, y, w, 7.0, grid, kernel=0)
    assert_matches(got, brute_grid(x, y, w, 7.0, grid, kernel=0))
    assert got[0].min() < 0  # negative weights are not clipped away


@pytest.mark.parametrize("kernel", [0, 1, 2, 3, 4])
def test_radius_per_point(kernel):
    """RADIUS_FIELD: radii from 1.5 to 24 pixels (several radius classes); scaled with each R."""
    x, y, rng = random_points(70, seed=21 + kernel)
    radius = rng.uniform(1.5, 24.0, x.size)
    w = rng.uniform(0.5, 2.0, x.size)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), radius.max(), 1.0)
    for scaled in (False, True):
        got = kde.density(x, y, w, radius, grid, kernel=kernel, decay=0.25, scaled=scaled)
        assert_matches(got, brute_grid(x, y, w, radius, grid, kernel=kernel, decay=0.25, scaled=scaled))


def test_radius_array_with_one_value_equals_scalar():
    x, y, _ = random_points(30, seed=8)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), 6.0, 1.0)
    a = kde.density(x, y, None, np.full(x.size, 6.0), grid)
    b = kde.density(x, y, None, 6.0, grid)
    np.testing.assert_allclose(a[0], b[0], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(a[1], b[1])


# ------------------------------------------------------------------------------ geometry

@pytest.mark.parametrize("pixel,rad_px", [(10.0, 5.0), (10.0, 2.5), (0.1, 5.0), (0.3, 25.0)])
@pytest.mark.parametrize("kernel", [0, 1, 2, 4])
def test_point_at_exactly_distance_r(kernel, pixel, rad_px):
    """A 3-4-5 triangle: the point lies R from the centre of cell (row 10, col 12) - exactly for
    pixel 10, and within float noise of the RD-like coordinates (about 1e-11 relative) for pixel
    0.1 and 0.3, which the 1e-9 tolerance must absorb the same way in the reference."""
    R = rad_px * pixel
    grid = kde.Grid(154000.0, 463200.0, pixel, 30, 30)
    i, j = 10, 12
    cx = grid.x_min + (j + 0.5) * pixel
    cy = grid.y_max - (i + 0.5) * pixel
    px, py = cx + 0.6 * R, cy - 0.8 * R
    assert math.isclose(math.hypot(px - cx, py - cy), R, rel_tol=1e-10)
    if pixel == 10.0:
        assert math.hypot(px - cx, py - cy) == R
    values, touched = kde.density([px], [py], None, R, grid, kernel=kernel, decay=0.5)
    assert touched[i, j]
    expected = {0: 0.0, 1: 0.5, 2: 1.0, 4: 0.0}[kernel]
    assert abs(values[i, j] - expected) < 1e-6
    # the neighbour one further out is beyond R and untouched
    assert not touched[i, j - 1] or math.hypot(px - (cx - pixel), py - cy) <= R
    assert_matches((values, touched), brute_grid([px], [py], None, R, grid, kernel=kernel, decay=0.5))


def test_just_outside_r_is_not_touched():
    grid = kde.Grid(0.0, 100.0, 1.0, 40, 40)
    cx, cy = 20.5, 100.0 - 20.5
    R = 5.0
    for eps in (1e-6, 1e-4):
        px = cx + R * (1.0 + eps)
        values, touched = kde.density([px], [cy], None, R, grid, kernel=2)
        assert not touched[20, 20]
        assert touched[20, 21]


@pytest.mark.parametrize("kernel", [0, 1, 3])
def test_points_on_cell_edges_and_corners(kernel):
    grid = kde.Grid(1000.0, 2000.0, 2.0, 25, 20)
    xs, ys = [], []
    for j in (3, 7, 12, 18):  # on vertical cell edges
        xs.append(grid.x_min + j * grid.pixel)
        ys.append(grid.y_max - 7.3 * grid.pixel)
    for i, j in ((4, 5), (10, 10), (15, 20)):  # on cell corners
        xs.append(grid.x_min + j * grid.pixel)
        ys.append(grid.y_max - i * grid.pixel)
    for i in (2, 9, 17):  # on horizontal edges
        xs.append(grid.x_min + 13.6 * grid.pixel)
        ys.append(grid.y_max - i * grid.pixel)
    for R in (5.0, 9.0):  # 2.5 and 4.5 pixels: both engines; radius hits cell centres exactly
        got = kde.density(xs, ys, None, R, grid, kernel=kernel, decay=0.5)
        assert_matches(got, brute_grid(xs, ys, None, R, grid, kernel=kernel, decay=0.5))


def test_single_point():
    grid = kde.qgis_grid(500.0, 500.0, 500.0, 500.0, 30.0, 2.5)
    got = kde.density([500.0], [500.0], [2.0], 30.0, grid, kernel=0)
    assert_matches(got, brute_grid([500.0], [500.0], [2.0], 30.0, grid, kernel=0))
    # the peak sits in the cells closest to the point; the raster is symmetric about it
    assert got[0].max() <= 2.0 and got[0].max() > 1.9


def test_points_far_outside_and_partly_outside():
    grid = kde.Grid(0.0, 50.0, 1.0, 40, 50)
    far = kde.density([-1e6, 500.0, 20.0], [25.0, 500.0, 1e7], None, 5.0, grid)
    assert not far[1].any() and not far[0].any()
    xs = [-3.0, 42.0, 20.0, 20.0, -4.9]
    ys = [25.0, 25.0, 53.0, -2.0, -4.9]
    for R in (2.8, 6.0):
        got = kde.density(xs, ys, None, R, grid, kernel=0)
        assert_matches(got, brute_grid(xs, ys, None, R, grid, kernel=0))
        assert got[1].any()


@pytest.mark.parametrize("kernel,decay", [(0, 0.0), (1, 0.0), (1, 0.7), (2, 0.0), (3, 0.0), (4, 0.0)])
def test_scaled_kernels_integrate_to_one(kernel, decay):
    grid = kde.Grid(0.0, 200.0, 1.0, 200, 200)
    R = 40.0
    values, _ = kde.density([100.3], [99.6], None, R, grid, kernel=kernel, decay=decay, scaled=True)
    total = values.sum() * grid.pixel ** 2
    assert abs(total - 1.0) < (1e-2 if kernel == 2 else 2e-3), total


# ------------------------------------------------------------------------------ grids

def test_qgis_grid_dimensions():
    # extent of the points, radius, pixel; QGIS: bounds grown by R, rows/cols = ceil(size/ps) + 1
    xmin, ymin, xmax, ymax, R, ps = 1000.5, 2000.25, 1987.3, 2463.9, 100.0, 25.0
    g = kde.qgis_grid(xmin, ymin, xmax, ymax, R, ps)
    width = (xmax + R) - (xmin - R)  # 1186.8
    height = (ymax + R) - (ymin - R)  # 663.65
    assert g.cols == math.ceil(width / ps) + 1 == 49
    assert g.rows == math.ceil(height / ps) + 1 == 28
    assert (g.x_min, g.y_max, g.pixel) == (xmin - R, ymax + R, ps)
    assert g.transform == (ps, 0.0, xmin - R, 0.0, -ps, ymax + R)
    assert g.gdal_transform == (xmin - R, ps, 0.0, ymax + R, 0.0, -ps)
    # a width that is a whole number of pixels still gets the extra column
    g2 = kde.qgis_grid(0.0, 0.0, 1000.0, 500.0, 100.0, 50.0)
    assert (g2.cols, g2.rows) == (1200 // 50 + 1, 700 // 50 + 1)
    # one point: the extent is the point
    g3 = kde.qgis_grid(10.0, 10.0, 10.0, 10.0, 7.0, 2.0)
    assert (g3.cols, g3.rows) == (8, 8)


def test_grid_helpers():
    g = kde.Grid(100.0, 900.0, 10.0, 4, 3)
    assert g.bounds == (100.0, 870.0, 140.0, 900.0)
    assert g.shape == (3, 4) and g.n_cells == 12
    np.testing.assert_allclose(g.col_centres(), [105.0, 115.0, 125.0, 135.0])
    np.testing.assert_allclose(g.row_centres(), [895.0, 885.0, 875.0])
    assert float(g.col_centre(2)) == 125.0 and float(g.row_centre(1)) == 885.0


def test_snapped_grid_lines_up_with_cbs_squares():
    g = kde.snapped_grid(155123.4, 463050.2, 156987.1, 464011.9, 250.0, 100.0)
    x0, y0, x1, y1 = g.bounds
    for v in (x0, y0, x1, y1):
        assert abs(v / 100.0 - round(v / 100.0)) < 1e-9
    assert x0 <= 155123.4 - 250.0 < x0 + 100.0
    assert y0 <= 463050.2 - 250.0 < y0 + 100.0
    assert x1 - 100.0 < 156987.1 + 250.0 <= x1
    assert y1 - 100.0 < 464011.9 + 250.0 <= y1
    assert (x0, y1) == (154800.0, 464300.0)
    assert (g.cols, g.rows) == (25, 15)  # 154800..157300 x 462800..464300
    # already on the lattice: nothing added
    g2 = kde.snapped_grid(1100.0, 2100.0, 1900.0, 2900.0, 100.0, 100.0)
    assert g2.bounds == (1000.0, 2000.0, 2000.0, 3000.0) and (g2.cols, g2.rows) == (10, 10)


def test_grid_for_extent():
    g = kde.grid_for_extent(0.0, 0.0, 95.0, 40.0, 10.0)
    assert (g.x_min, g.y_max, g.cols, g.rows) == (0.0, 40.0, 10, 4)
    g = kde.grid_for_extent(0.1, 0.3, 0.7, 0.9, 0.1)  # 6 x 6 pixels despite float noise
    assert (g.cols, g.rows) == (6, 6)
    g = kde.grid_for_extent(3.0, 7.0, 95.0, 41.0, 10.0, snap=True)
    assert g.bounds == (0.0, 0.0, 100.0, 50.0)


# ------------------------------------------------------------------------------ streaming

def test_bands_equal_whole_and_cover_grid():
    x, y, rng = random_points(300, seed=31, w=120.0, h=90.0)
    w = rng.uniform(0.5, 2.0, x.size)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), 9.0, 1.0)
    for kernel in (0, 1):
        whole_v, whole_t = kde.density(x, y, w, 9.0, grid, kernel=kernel, band_rows=grid.rows)
        row = 0
        for row0, v, t in kde.density_bands(x, y, w, 9.0, grid, kernel=kernel, band_rows=7):
            assert row0 == row and v.shape[1] == grid.cols and v.shape == t.shape
            assert v.shape[0] == min(7, grid.rows - row0)
            np.testing.assert_allclose(v, whole_v[row0:row0 + v.shape[0]], rtol=0, atol=1e-12)
            np.testing.assert_array_equal(t, whole_t[row0:row0 + v.shape[0]])
            row += v.shape[0]
        assert row == grid.rows


def test_choose_band_rows():
    assert kde.choose_band_rows(1000, 1000 * kde.BAND_BYTES_PER_CELL * 64) == 64
    assert kde.choose_band_rows(20000, 256 * 2 ** 20) * 20000 * kde.BAND_BYTES_PER_CELL <= 256 * 2 ** 20
    assert kde.choose_band_rows(10 ** 9, 1) == 1


def test_many_points_large_radius_accuracy():
    """1.2e5 points (a quarter clustered), radius 50 pixels, RD-like coordinates: max |error| over
    sampled cells <= 1e-5 x the grid maximum, for the quartic and triweight kernels."""
    rng = np.random.default_rng(99)
    n = 120_000
    p = 10.0
    x = 150000.0 + rng.uniform(0, 2500, n)
    y = 450000.0 + rng.uniform(0, 2000, n)
    x[: n // 4] = 151000.0 + rng.normal(0, 150, n // 4)
    y[: n // 4] = 451000.0 + rng.normal(0, 150, n // 4)
    R = 50 * p
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), R, p)
    cells = [(i, j) for i in (0, 41, grid.rows // 2) for j in range(0, grid.cols, 5)]
    cells += [tuple(c) for c in rng.integers(0, [grid.rows, grid.cols], size=(150, 2))]
    for kernel in (0, 3):
        values, touched = kde.density(x, y, None, R, grid, kernel=kernel)
        peak = np.unravel_index(np.argmax(values), values.shape)
        worst = 0.0
        for i, j in cells + [peak]:
            cx = grid.x_min + (j + 0.5) * p
            cy = grid.y_max - (i + 0.5) * p
            d = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
            inside = d <= R * (1 + TOL)
            ref = ref_kernel(kernel, np.minimum(d[inside] / R, 1.0)).sum()
            worst = max(worst, abs(ref - values[i, j]))
            assert touched[i, j] == inside.any()
        assert worst <= 1e-5 * values.max()


# ------------------------------------------------------------------------------ input errors

def test_bad_inputs():
    grid = kde.Grid(0.0, 10.0, 1.0, 10, 10)
    x, y = [5.0, 6.0], [5.0, 4.0]
    with pytest.raises(InputError):
        kde.density([], [], None, 2.0, grid)
    for bad_r in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(InputError):
            kde.density(x, y, None, bad_r, grid)
    with pytest.raises(InputError):
        kde.density(x, y, None, [2.0, 0.0], grid)
    with pytest.raises(InputError):
        kde.density(x, y, None, [2.0, float("nan")], grid)
    with pytest.raises(InputError) as err:
        kde.density(x, y, [1.0, float("nan")], 2.0, grid)
    assert "weight" in str(err.value)
    with pytest.raises(InputError):
        kde.density([5.0, float("nan")], y, None, 2.0, grid)
    for kernel in (-1, 5, 1.5):
        with pytest.raises(InputError):
            kde.density(x, y, None, 2.0, grid, kernel=kernel)
    with pytest.raises(InputError):
        kde.density(x, y, None, 2.0, grid, kernel=1, decay=-0.5, scaled=True)
    for bad_px in (0.0, -5.0, float("nan")):
        with pytest.raises(InputError):
            kde.Grid(0.0, 10.0, bad_px, 10, 10)
        with pytest.raises(InputError):
            kde.qgis_grid(0.0, 0.0, 10.0, 10.0, 2.0, bad_px)
    with pytest.raises(InputError):
        kde.qgis_grid(0.0, 0.0, 10.0, 10.0, 0.0, 1.0)
    with pytest.raises(InputError) as err:
        kde.qgis_grid(0.0, 0.0, 1e6, 1e6, 10.0, 0.01)  # 1e16 cells
    assert "pixel size" in str(err.value)
    with pytest.raises(InputError):
        kde.Grid(0.0, 10.0, 1.0, 50_000, 50_000)
    with pytest.raises(InputError):
        kde.grid_for_extent(10.0, 0.0, 0.0, 10.0, 1.0)


# ------------------------------------------------------------------------------ progress, cancel

def test_progress_reported_up_to_100():
    seen = []
    x, y, _ = random_points(200, seed=2)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), 6.0, 1.0)
    kde.density(x, y, None, 6.0, grid, monitor=Monitor(progress=seen.append))
    assert seen and seen[-1] == 100.0
    assert all(a <= b for a, b in zip(seen, seen[1:]))


@pytest.mark.parametrize("kernel", [0, 1])
def test_cancel_stops_quickly(kernel):
    """1e6 points: the cancel flag flips 0.3 s into the computation (timed from the third check,
    which comes from inside the band loop); Canceled must follow within a second."""
    rng = np.random.default_rng(4)
    n = 1_000_000
    x = rng.uniform(0, 1000, n)
    y = rng.uniform(0, 1000, n)
    grid = kde.Grid(0.0, 1000.0, 1.0, 1000, 1000)
    state = {"calls": 0, "start": None, "flipped": None}

    def canceled():
        now = time.perf_counter()
        state["calls"] += 1
        if state["calls"] == 3:
            state["start"] = now
        if state["start"] is None:
            return False
        if state["flipped"] is None and now - state["start"] > 0.3:
            state["flipped"] = now
        return state["flipped"] is not None

    with pytest.raises(Canceled):
        kde.density(x, y, None, 20.0, grid, kernel=kernel, monitor=Monitor(canceled=canceled))
    assert state["flipped"] is not None and state["calls"] > 4
    assert time.perf_counter() - state["flipped"] < 1.0


# ------------------------------------------------------------------------------ suggestions

def test_suggest_parameters_follows_the_rule():
    rng = np.random.default_rng(6)
    x = 155000.0 + rng.normal(0, 600, 3000)
    y = 463000.0 + rng.normal(0, 400, 3000)
    radius, pixel, template, params = kde.suggest_parameters(x, y)
    # the rule, by hand
    dist = np.hypot(x - x.mean(), y - y.mean())
    sd = math.sqrt(np.mean(dist ** 2))
    dm = float(np.median(dist))
    raw = 0.9 * min(sd, math.sqrt(1 / math.log(2)) * dm) * 3000 ** -0.2
    assert 0.8 * raw <= radius <= 1.25 * raw
    mant = radius / 10 ** math.floor(math.log10(radius))
    assert any(math.isclose(mant, s) for s in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8))
    pm = pixel / 10 ** math.floor(math.log10(pixel))
    assert any(math.isclose(pm, s) for s in (1, 2, 2.5, 5))
    assert 0.5 * radius / 10 <= pixel <= 2 * radius / 10
    text = template.format(**params)
    assert "{" not in text and str(params["n"]) in text
    g = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), radius, pixel)
    assert g.n_cells <= 4e6 and (g.cols, g.rows) == (params["cols"], params["rows"])


def test_suggest_parameters_keeps_grid_small_and_refuses_degenerate_input():
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 200000, 50000)
    y = rng.uniform(0, 150000, 50000)
    radius, pixel, _, params = kde.suggest_parameters(x, y, cell_target=1e5)
    g = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), radius, pixel)
    assert g.n_cells <= 1e5
    with pytest.raises(InputError):
        kde.suggest_parameters([1.0], [2.0])
    with pytest.raises(InputError):
        kde.suggest_parameters([5.0] * 10, [7.0] * 10)
