"""Hotspot zones from a raster or a Gi* class grid, against hand-made rasters and plain references."""
from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Point, box
from shapely.ops import unary_union

from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.zones import select_top_percent, zones_from_classes, zones_from_raster

X0, Y0, PX = 1000.0, 2000.0, 10.0
T = (X0, PX, 0.0, Y0, 0.0, -PX)


def cell_box(r, c):
    return box(X0 + c * PX, Y0 - (r + 1) * PX, X0 + (c + 1) * PX, Y0 - r * PX)


def centre(r, c):
    return X0 + (c + 0.5) * PX, Y0 - (r + 0.5) * PX


def two_blobs():
    """20 x 30 raster: blob A rows 2-5 cols 3-7 (peak 9 at (3, 5)), blob B rows 12-16 cols 18-25
    (peak 7 at (14, 20)), a lone low cell (value 1) at (10, 1); the rest 0."""
    v = np.zeros((20, 30))
    v[2:6, 3:8] = 5.0
    v[3, 5] = 9.0
    v[12:17, 18:26] = 4.0
    v[14, 20] = 7.0
    v[10, 1] = 1.0
    return v


def inner_points(rng, n):
    """Random points that never lie on a cell edge."""
    col = rng.integers(0, 30, n) + rng.uniform(0.05, 0.95, n)
    row = rng.integers(0, 20, n) + rng.uniform(0.05, 0.95, n)
    return np.column_stack([X0 + col * PX, Y0 - row * PX])


def test_two_blobs_threshold():
    v = two_blobs()
    rng = np.random.default_rng(0)
    pts = inner_points(rng, 3000)
    zones = zones_from_raster(v, None, T, threshold_value=3.0, points_xy=pts)
    assert len(zones) == 2
    a, b = zones
    assert (a.rank, b.rank) == (1, 2)
    assert a.peak == 9.0 and (a.peak_x, a.peak_y) == centre(3, 5)
    assert b.peak == 7.0 and (b.peak_x, b.peak_y) == centre(14, 20)
    assert a.area == pytest.approx(4 * 5 * PX * PX) and a.n_cells == 20
    assert b.area == pytest.approx(5 * 8 * PX * PX) and b.n_cells == 40
    assert a.mean == pytest.approx((19 * 5 + 9) / 20)
    ref_a = unary_union([cell_box(r, c) for r in range(2, 6) for c in range(3, 8)])
    ref_b = unary_union([cell_box(r, c) for r in range(12, 17) for c in range(18, 26)])
    assert a.geometry.symmetric_difference(ref_a).area < 1e-6
    assert b.geometry.symmetric_difference(ref_b).area < 1e-6
    for zone, ref in ((a, ref_a), (b, ref_b)):
        assert zone.geometry.is_valid
        assert zone.n_incidents == sum(1 for x, y in pts if ref.contains(Point(x, y)))
    # a threshold equal to the maximum still selects the peak cell
    top = zones_from_raster(v, None, T, threshold_value=9.0)
    assert len(top) == 1 and top[0].n_cells == 1 and top[0].n_incidents is None


def test_nodata_min_area_and_holes():
    v = two_blobs()
    v[3, 5] = -9999.0  # the peak of A becomes nodata: a hole in zone A
    zones = zones_from_raster(v, -9999.0, T, threshold_value=3.0)
    a = [z for z in zones if z.peak == 5.0][0]
    assert a.area == pytest.approx(19 * PX * PX)
    assert len(a.geometry.interiors) == 1
    zones = zones_from_raster(v, -9999.0, T, threshold_value=3.0, min_area=25 * PX * PX)
    assert len(zones) == 1 and zones[0].peak == 7.0 and zones[0].rank == 1
    valid = np.ones(v.shape, bool)
    valid[:, 20:] = False
    v2 = two_blobs()
    zones = zones_from_raster(v2, valid, T, threshold_value=3.0)
    assert sorted(z.n_cells for z in zones) == [5 * 2, 20]
    v3 = two_blobs()
    v3[0, 0] = np.nan
    assert len(zones_from_raster(v3, None, T, threshold_value=0.5)) == 3


def test_rank_by_peak_then_area():
    v = np.zeros((12, 12))
    v[0:2, 0:2] = 2.0          # top: low peak
    v[5:7, 5:6] = 6.0          # middle: high peak, small
    v[9:12, 0:3] = 6.0         # bottom: same high peak, larger
    zones = zones_from_raster(v, None, T, threshold_value=1.0)
    assert [(z.peak, z.n_cells, z.rank) for z in zones] == [(6.0, 9, 1), (6.0, 2, 2), (2.0, 4, 3)]


def test_connectivity_diagonal_cells():
    v = np.zeros((6, 6))
    v[1, 1] = 3.0
    v[2, 2] = 2.0
    eight = zones_from_raster(v, None, T, threshold_value=1.0)
    assert len(eight) == 1 and eight[0].n_cells == 2
    assert isinstance(eight[0].geometry, MultiPolygon) and eight[0].geometry.is_valid
    four = zones_from_raster(v, None, T, threshold_value=1.0, connectivity=4)
    assert [z.peak for z in four] == [3.0, 2.0]


def brute_top(values, valid, percent):
    vals = sorted((values[r, c] for r in range(values.shape[0]) for c in range(values.shape[1])
                   if valid[r, c]), reverse=True)
    k = max(1, math.ceil(percent / 100 * len(vals)))
    t = vals[k - 1]
    return np.array([[valid[r, c] and values[r, c] >= t for c in range(values.shape[1])]
                     for r in range(values.shape[0])]), t


def test_top_percent_against_brute_force():
    rng = np.random.default_rng(1)
    v = np.round(rng.gamma(2.0, 1.0, (25, 40)), 1)  # rounded: ties
    valid = rng.random(v.shape) > 0.1
    for pct in (0.5, 1.0, 5.0, 12.5, 50.0, 100.0):
        sel, t = select_top_percent(v, valid, pct)
        ref_sel, ref_t = brute_top(v, valid, pct)
        assert t == ref_t and np.array_equal(sel, ref_sel)
        zones = zones_from_raster(v, valid, T, top_percent=pct)
        assert sum(z.n_cells for z in zones) == ref_sel.sum()
    assert zones_from_raster(two_blobs(), None, T, top_percent=100 * 20 / 600)[0].n_cells == 20


def test_zones_from_classes():
    cls = np.zeros((10, 12), dtype=np.int8)
    cls[1:3, 1:4] = [[3, 3, 2], [2, 1, 1]]
    cls[6:9, 8:10] = -3
    cls[7, 8] = -2
    z = np.where(cls != 0, cls * 1.1, 0.0)
    z[1, 2] = 4.2
    z[8, 9] = -5.0
    hot = zones_from_classes(cls, None, T, min_level=1, values=z)
    assert len(hot) == 1 and hot[0].n_cells == 6 and hot[0].peak == 4.2
    assert (hot[0].peak_x, hot[0].peak_y) == centre(1, 2)
    hot2 = zones_from_classes(cls, None, T, min_level=2)
    assert len(hot2) == 1 and hot2[0].n_cells == 4 and hot2[0].peak == 3.0
    hot3 = zones_from_classes(cls, None, T, min_level=3)
    assert hot3[0].n_cells == 2
    cold = zones_from_classes(cls, None, T, min_level=1, cold=True, values=z)
    assert len(cold) == 1 and cold[0].n_cells == 6 and cold[0].peak == -5.0
    assert (cold[0].peak_x, cold[0].peak_y) == centre(8, 9)
    assert len(zones_from_classes(cls, None, T, min_level=3, cold=True)) == 1
    assert zones_from_classes(np.zeros((4, 4), np.int8), None, T) == []


def test_points_on_edges_follow_the_documented_rule():
    v = np.zeros((3, 3))
    v[1, 1] = 5.0
    # on the left edge of the zone cell -> the zone cell (cell to the right)
    # on its right edge -> the cell to the right (outside); on its top edge -> the zone cell (below)
    # on its bottom edge -> the cell below (outside)
    left = (X0 + PX, Y0 - 1.5 * PX)
    right = (X0 + 2 * PX, Y0 - 1.5 * PX)
    top = (X0 + 1.5 * PX, Y0 - PX)
    bottom = (X0 + 1.5 * PX, Y0 - 2 * PX)
    zone = zones_from_raster(v, None, T, threshold_value=1.0, points_xy=[left, right, top, bottom])[0]
    assert zone.n_incidents == 2
    assert zones_from_raster(v, None, T, threshold_value=1.0, points_xy=np.zeros((0, 2)))[0].n_incidents == 0


def test_bad_inputs():
    v = two_blobs()
    with pytest.raises(InputError, match="9.0"):
        zones_from_raster(v, None, T, threshold_value=12.0)
    with pytest.raises(InputError):
        zones_from_raster(v, None, T)
    with pytest.raises(InputError):
        zones_from_raster(v, None, T, threshold_value=1.0, top_percent=5.0)
    for bad in (0.0, -3.0, 150.0, float("nan")):
        with pytest.raises(InputError):
            zones_from_raster(v, None, T, top_percent=bad)
    with pytest.raises(InputError, match="lowest value"):
        zones_from_raster(v, None, T, top_percent=50.0)  # most cells are 0
    with pytest.raises(InputError, match="no valid cells"):
        zones_from_raster(np.full((3, 3), -9999.0), -9999.0, T, threshold_value=1.0)
    with pytest.raises(InputError, match="no valid cells"):
        zones_from_raster(np.full((3, 3), np.nan), None, T, top_percent=10.0)
    with pytest.raises(InputError):
        zones_from_raster(v, None, (0.0, 1.0, 0.0), threshold_value=1.0)
    with pytest.raises(InputError):
        zones_from_raster(v, None, (0.0, 0.0, 0.0, 0.0, 0.0, 0.0), threshold_value=1.0)
    with pytest.raises(InputError):
        zones_from_raster(np.zeros(5), None, T, threshold_value=1.0)
    with pytest.raises(InputError):
        zones_from_raster(v, np.ones((2, 2), bool), T, threshold_value=1.0)
    with pytest.raises(InputError):
        zones_from_raster(v, None, T, threshold_value=1.0, connectivity=6)
    with pytest.raises(InputError):
        zones_from_raster(v, None, T, threshold_value=1.0, min_area=-1.0)
    with pytest.raises(InputError):
        zones_from_raster(v, None, T, threshold_value=1.0, points_xy=np.zeros((4, 3)))
    with pytest.raises(InputError):
        zones_from_classes(np.zeros((3, 3), np.int8), None, T, min_level=4)
