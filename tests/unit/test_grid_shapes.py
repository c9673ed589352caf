"""core.grid_shapes: cell corners, cell WKB, hulls and points in polygons, against hand-computed values."""
from __future__ import annotations

import math
import struct

import numpy as np
import pytest
from shapely.geometry import box

from hotspot_plugin.core import gistar as gs
from hotspot_plugin.core.errors import Canceled
from hotspot_plugin.core.grid_shapes import (
    assign_to_polygons,
    cell_corners,
    cell_reach,
    contains_xy,
    convex_hull,
    hex_corners,
    ring_wkb,
    square_corners,
    touches_xy,
)
from hotspot_plugin.core.progress import Monitor

R3 = math.sqrt(3.0)


def square_grid():
    """3 columns x 2 rows of 10 m squares, top-left corner (100, 200)."""
    return gs.SquareGrid(cell=10.0, x0=100.0, y0=200.0, rows=2, cols=3, values=np.zeros(6), n_points=0,
                         n_outside=0)


class HexStandIn:
    """What hex_corners reads of a hexagonal grid: centres and circumradius."""

    def __init__(self, cx, cy, radius):
        self.cx, self.cy, self.radius = np.asarray(cx, float), np.asarray(cy, float), radius


def test_square_corners_run_counter_clockwise_from_the_lower_left():
    xs, ys = square_corners(square_grid(), np.array([4, 0]))
    # cell 4: row 1, column 1 -> x 110..120, y 200 - 20 = 180 .. 190
    assert xs[0].tolist() == [110, 120, 120, 110, 110]
    assert ys[0].tolist() == [180, 180, 190, 190, 180]
    # cell 0: the top-left square, x 100..110, y 190..200
    assert xs[1].tolist() == [100, 110, 110, 100, 100]
    assert ys[1].tolist() == [190, 190, 200, 200, 190]
    assert cell_corners(square_grid(), np.array([4]))[0].tolist() == [xs[0].tolist()]


def test_hex_corners_lie_at_0_60_120_degrees_and_close():
    xs, ys = hex_corners(HexStandIn([0.0, 10.0], [0.0, 5.0], 2.0), np.array([0, 1]))
    expected = [(2, 0), (1, R3), (-1, R3), (-2, 0), (-1, -R3), (1, -R3), (2, 0)]
    np.testing.assert_allclose(np.column_stack([xs[0], ys[0]]), expected, atol=1e-12)
    np.testing.assert_allclose(np.column_stack([xs[1], ys[1]]), [(10 + a, 5 + b) for a, b in expected],
                               atol=1e-12)


def test_hex_corners_of_a_real_hex_grid_surround_its_centres():
    grid = gs.hex_grid(np.array([0.0, 40.0]), np.array([0.0, 25.0]), None, 10.0)
    idx = np.arange(grid.n)
    xs, ys = cell_corners(grid, idx)
    assert xs.shape == (grid.n, 7)
    # every corner lies at the circumradius cell / sqrt(3) from its centre
    dist = np.hypot(xs - grid.cx[idx][:, None], ys - grid.cy[idx][:, None])
    np.testing.assert_allclose(dist, 10.0 / R3)


def test_cell_reach_is_half_a_diagonal_or_the_circumradius():
    assert cell_reach("square", 10.0) == pytest.approx(7.0710678118654755)
    assert cell_reach("hex", R3) == pytest.approx(1.0)


def test_ring_wkb_is_plain_little_endian_wkb():
    xs = np.array([[0.0, 1.0, 1.0, 0.0, 0.0]])
    ys = np.array([[0.0, 0.0, 1.0, 1.0, 0.0]])
    expected = struct.pack("<BIII10d", 1, 3, 1, 5, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0)
    assert ring_wkb(xs, ys) == [expected]


def test_ring_wkb_as_geopackage_blobs_has_the_header_and_envelope():
    xs = np.array([[2.0, 5.0, 5.0, 2.0, 2.0], [0.0, 1.0, 1.0, 0.0, 0.0]])
    ys = np.array([[3.0, 3.0, 7.0, 7.0, 3.0], [0.0, 0.0, 1.0, 1.0, 0.0]])
    blobs = ring_wkb(xs, ys, gpkg_srs=28992)
    # magic, version 0, flags 0b011 (little-endian, envelope minx maxx miny maxy), srs_id
    head = struct.pack("<2sBBi4d", b"GP", 0, 3, 28992, 2.0, 5.0, 3.0, 7.0)
    body = struct.pack("<BIII10d", 1, 3, 1, 5, 2, 3, 5, 3, 5, 7, 2, 7, 2, 3)
    assert blobs[0] == head + body
    assert blobs[1][:40] == struct.pack("<2sBBi4d", b"GP", 0, 3, 28992, 0.0, 1.0, 0.0, 1.0)


def test_convex_hull_of_points_lines_and_a_single_place():
    hull = convex_hull(np.array([0.0, 2.0, 2.0, 0.0, 1.0]), np.array([0.0, 0.0, 2.0, 2.0, 1.0]))
    assert hull.geom_type == "Polygon" and hull.area == pytest.approx(4.0)
    line = convex_hull(np.array([0.0, 1.0, 3.0]), np.array([0.0, 1.0, 3.0]))
    assert line.geom_type == "LineString" and line.length == pytest.approx(3 * math.sqrt(2))
    point = convex_hull(np.array([5.0, 5.0]), np.array([6.0, 6.0]))
    assert point.geom_type == "Point" and (point.x, point.y) == (5.0, 6.0)


def test_points_on_a_shared_border_belong_to_the_first_polygon():
    left, right = box(0, 0, 1, 1), box(1, 0, 2, 1)
    x = np.array([0.5, 1.0, 1.5, 3.0, 2.0, 0.0])
    y = np.array([0.5, 0.5, 0.5, 3.0, 0.5, 0.0])
    assert assign_to_polygons(x, y, [left, right]).tolist() == [0, 0, 1, -1, 1, 0]
    # the other order: the border point (1, 0.5) goes to the first, now the right square
    assert assign_to_polygons(x, y, [right, left]).tolist() == [1, 0, 0, -1, 0, 1]


def test_contains_and_touches_for_many_points():
    square = box(0, 0, 2, 2)
    x, y = np.array([1.0, 2.0, 3.0, 0.0]), np.array([1.0, 1.0, 1.0, 0.0])
    assert contains_xy(square, x, y).tolist() == [True, False, False, False]
    assert touches_xy(square, x, y).tolist() == [False, True, False, True]


def test_assigning_points_can_be_cancelled():
    with pytest.raises(Canceled):
        assign_to_polygons(np.zeros(3), np.zeros(3), [box(0, 0, 1, 1)], Monitor(canceled=lambda: True))
