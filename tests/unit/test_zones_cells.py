"""core.zones for Gi* cells of any shape: the square lattice, dissolving touching cells, zone ids, the
cell-centre transform, and STRtree answers of shapely 1.8 (geometries) and 2 (integer indices)."""
from __future__ import annotations

import numpy as np
import pytest
from affine import Affine
from shapely.geometry import box

from hotspot_plugin.core import zones as zn


def cells_of(shapes, classes, z):
    """GiCells for shapely polygons (bounds, area and vertex count computed by hand from the boxes)."""
    bounds = np.array([s.bounds for s in shapes], dtype=float)
    area = (bounds[:, 2] - bounds[:, 0]) * (bounds[:, 3] - bounds[:, 1])
    return zn.GiCells(np.asarray(classes), np.asarray(z, dtype=float), bounds, area,
                      np.array([len(s.exterior.coords) == 5 for s in shapes]), list(shapes))


def test_square_lattice_puts_squares_back_on_their_grid():
    squares = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(10, 10, 20, 20)]
    lattice = zn.square_lattice(cells_of(squares, [1, 1, 1], [1, 2, 3]))
    assert (lattice.cell, lattice.x0, lattice.y0, lattice.rows, lattice.cols) == (10, 0, 20, 2, 2)
    assert lattice.col.tolist() == [0, 1, 1] and lattice.row.tolist() == [1, 1, 0]
    assert lattice.transform == (0.0, 10.0, 0.0, 20.0, 0.0, -10.0)


@pytest.mark.parametrize("shapes", [
    [box(0, 0, 10, 10), box(10, 0, 20, 5)],  # not a square
    [box(0, 0, 10, 10), box(13, 0, 23, 10)],  # off the lattice
])
def test_square_lattice_refuses_what_is_not_one_grid(shapes):
    assert zn.square_lattice(cells_of(shapes, [1, 1], [1, 1])) is None


def test_square_lattice_refuses_hexagons_and_too_large_grids():
    cells = cells_of([box(0, 0, 10, 10), box(10, 0, 20, 10)], [1, 1], [1, 1])
    cells.five_vertices[1] = False  # as a hexagon (7 vertices) would say
    assert zn.square_lattice(cells) is None
    far = cells_of([box(0, 0, 10, 10), box(30, 0, 40, 10)], [1, 1], [1, 1])  # 1 x 4 = 4 cells
    assert zn.square_lattice(far, max_cells=3) is None
    assert zn.square_lattice(far, max_cells=4).cols == 4


def hand_made_cells():
    """A, B share an edge; C touches B at the corner (2, 1); D lies apart; E is not hot."""
    shapes = [box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 1, 3, 2), box(5, 5, 6, 6), box(8, 8, 9, 9)]
    return cells_of(shapes, [1, 2, 1, 3, 0], [2.0, 3.0, 2.5, 4.0, 5.0])


def test_dissolve_zones_of_touching_cells():
    points = np.array([[0.5, 0.5], [1.0, 0.5], [5.5, 5.5], [10.0, 10.0], [8.5, 8.5]])
    zones = zn.dissolve_zones(hand_made_cells(), 1, points, 0.0)
    assert [z.rank for z in zones] == [1, 2]
    d, abc = zones
    assert (d.peak, d.peak_x, d.peak_y, d.area, d.n_cells, d.mean, d.n_incidents) == (4.0, 5.5, 5.5, 1.0, 1, 4.0, 1)
    assert (abc.peak, abc.peak_x, abc.peak_y) == (3.0, 1.5, 0.5)  # B's centre
    assert (abc.area, abc.n_cells, abc.mean, abc.n_incidents) == (3.0, 3, 2.5, 2)
    assert abc.geometry.area == pytest.approx(3.0)
    assert zn.zone_ids(zones) == [1, 2]  # D reaches furthest north (y = 6)


def test_dissolve_zones_min_class_and_min_area():
    assert [z.n_cells for z in zn.dissolve_zones(hand_made_cells(), 2, None, 0.0)] == [1, 1]  # B and D
    zones = zn.dissolve_zones(hand_made_cells(), 1, None, 2.0)
    assert [(z.n_cells, z.rank, z.n_incidents) for z in zones] == [(3, 1, None)]
    assert zn.dissolve_zones(hand_made_cells(), 3, None, 0.0)[0].peak == 4.0


def test_zone_ids_run_north_to_south_then_west_to_east():
    zones = [zn.Zone(box(*b), 1, 0, 0, 1, 1, 1, None, 1) for b in
             [(0, 0, 1, 1), (5, 0, 6, 3), (2, 2, 3, 3), (0, 9, 1, 10)]]
    assert zn.zone_ids(zones) == [4, 3, 2, 1]


def test_hit_indices_reads_both_shapely_answers():
    geoms = [box(0, 0, 1, 1), box(2, 2, 3, 3)]
    index_of = {id(g): k for k, g in enumerate(geoms)}
    assert zn.hit_indices(np.array([1, 0], dtype=np.int64), index_of) == [1, 0]  # shapely 2
    assert zn.hit_indices([geoms[1]], index_of) == [1]  # shapely 1.8
    assert zn.hit_indices(np.array([], dtype=np.int64), index_of) == []


class IndexTree:
    """An STRtree that answers as shapely 2 does: the integer indices of the boxes that overlap."""

    def __init__(self, geoms):
        self.bounds = np.array([g.bounds for g in geoms])

    def query(self, g):
        x0, y0, x1, y1 = g.bounds
        b = self.bounds
        return np.flatnonzero((b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0))


def test_dissolving_works_with_shapely_2_tree_answers(monkeypatch):
    expected = [(z.n_cells, z.peak, z.area) for z in zn.dissolve_zones(hand_made_cells(), 1, None, 0.0)]
    monkeypatch.setattr(zn, "STRtree", IndexTree)
    assert [(z.n_cells, z.peak, z.area) for z in zn.dissolve_zones(hand_made_cells(), 1, None, 0.0)] == expected
    assert expected == [(1, 4.0, 1.0), (3, 3.0, 3.0)]


def test_cell_centre_writes_the_transform_out():
    north_up = Affine.from_gdal(100.0, 10.0, 0.0, 200.0, 0.0, -10.0)
    assert zn.cell_centre(north_up, 1, 2) == (125.0, 185.0)
    # a rotated one: x = 2 col + 1 row, y = 1 col - 2 row, at (col, row) = (0.5, 0.5)
    assert zn.cell_centre(Affine.from_gdal(0.0, 2.0, 1.0, 0.0, 1.0, -2.0), 0, 0) == (1.5, -0.5)
