"""core.density_params: the suggested pixel size for a given radius and the rows per band, by hand."""
from __future__ import annotations

import numpy as np
import pytest

from hotspot_plugin.core import kde
from hotspot_plugin.core.density_params import CELL_TARGET, band_rows, grid_dims, suggest_pixel


@pytest.mark.parametrize("radius, pixel", [
    (250.0, 25.0),   # radius / 10 = 25: already 2.5 x 10
    (300.0, 25.0),   # 30: |ln(25/30)| = 0.18 < |ln(20/30)| = 0.41 < |ln(50/30)| = 0.51
    (180.0, 20.0),   # 18: 20 (0.11) beats 10 (0.59)
    (400.0, 50.0),   # 40: 50 (0.22) beats 25 (0.47)
    (0.7, 0.05),     # 0.07: 0.05 (0.34) beats 0.1 (0.36)
    (1000.0, 100.0),
])
def test_radius_over_ten_rounded_to_1_2_2_5_5(radius, pixel):
    choice = suggest_pixel(radius, (0.0, 0.0, 10.0, 10.0))  # small: no coarsening
    assert choice.pixel == pytest.approx(pixel, rel=1e-12)
    assert choice.raw == pytest.approx(radius / 10.0)


def test_grid_of_the_points_grown_by_the_radius():
    # (1000 + 2 x 250) / 25 = 60 cells, plus one as QGIS makes it
    assert grid_dims((0.0, 0.0, 1000.0, 1000.0), 250.0, 25.0) == (61, 61)
    choice = suggest_pixel(250.0, (0.0, 0.0, 1000.0, 1000.0))
    assert (choice.pixel, choice.cols, choice.rows) == (25.0, 61, 61)


def test_coarser_until_the_grid_fits_the_cell_target():
    # 100 km square: 25 m gives 4021^2 = 16.2 M cells, 50 m 2011^2 = 4.04 M (> 4 M), 100 m 1006^2 = 1.01 M
    choice = suggest_pixel(250.0, (0.0, 0.0, 100_000.0, 100_000.0))
    assert (choice.pixel, choice.raw, choice.cols, choice.rows) == (100.0, 25.0, 1006, 1006)
    assert CELL_TARGET == 4_000_000
    # a smaller target: 61^2 = 3721 > 1000 -> 50 m: 31^2 = 961
    small = suggest_pixel(250.0, (0.0, 0.0, 1000.0, 1000.0), cell_target=1000)
    assert (small.pixel, small.cols, small.rows) == (50.0, 31, 31)


def test_same_rule_as_kde_suggest_parameters():
    rng = np.random.default_rng(4)
    for spread in (300.0, 5_000.0, 200_000.0):
        x, y = rng.normal(0, spread, 500), rng.normal(0, spread / 2, 500)
        radius, pixel, _, params = kde.suggest_parameters(x, y)
        choice = suggest_pixel(radius, (x.min(), y.min(), x.max(), y.max()))
        assert choice.pixel == pixel and (choice.cols, choice.rows) == (params["cols"], params["rows"])


def test_band_rows_grow_when_points_are_sparse():
    dense = kde.Grid(0.0, 0.0, 1.0, 1000, 1000)
    assert band_rows(dense, 50_000) is None  # 50 points per row: the core's default
    wide = kde.Grid(0.0, 0.0, 1.0, 4096, 1000)
    assert kde.choose_band_rows(4096) >= 32
    assert band_rows(wide, 100) == 32  # 2^17 cells / 4096 columns
    very_wide = kde.Grid(0.0, 0.0, 1.0, 100_000, 100)
    assert band_rows(very_wide, 10) == min(16, kde.choose_band_rows(100_000))
    short = kde.Grid(0.0, 0.0, 1.0, 100, 5)
    assert band_rows(short, 1) == 5  # never more rows than the grid has
