"""Kernel density core (hotspot_plugin.core.kde) against a brute-force oracle written here.

The oracle sums, point by point in float64, the textbook kernel (maths.md; QGIS's qgskde.cpp
formulas, decay and scaling included) at every cell's true centre; a cell counts when
d <= R (1 + 1e-9), the tolerance the core documents. Near the origin, in RD New metres and in
US survey feet, for every kernel, with and without decay, raw and scaled.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from hotspot_plugin.core import kde

KERNELS = [(0, 0.0), (1, 0.0), (1, 0.5), (1, 1.5), (2, 0.0), (3, 0.0), (4, 0.0)]


def kernel_value(kernel, t, decay):
    if kernel == 0:
        return (1 - t * t) ** 2
    if kernel == 1:
        return 1 - (1 - decay) * t
    if kernel == 2:
        return np.ones_like(t)
    if kernel == 3:
        return (1 - t * t) ** 3
    return 1 - t * t


def scale(kernel, r, decay):
    return {0: 3.0, 1: 3.0 / (1 + 2 * decay), 2: 1.0, 3: 4.0, 4: 2.0}[kernel] / (math.pi * r * r)


def brute(x, y, w, r, grid, kernel, decay, scaled):
    xc = grid.x_min + (np.arange(grid.cols) + 0.5) * grid.pixel
    yc = grid.y_max - (np.arange(grid.rows) + 0.5) * grid.pixel
    out = np.zeros((grid.rows, grid.cols))
    reached = np.zeros((grid.rows, grid.cols), dtype=bool)
    for i in range(x.size):
        j0 = max(0, int((x[i] - r - grid.x_min) // grid.pixel) - 1)
        j1 = min(grid.cols, int((x[i] + r - grid.x_min) // grid.pixel) + 2)
        i0 = max(0, int((grid.y_max - y[i] - r) // grid.pixel) - 1)
        i1 = min(grid.rows, int((grid.y_max - y[i] + r) // grid.pixel) + 2)
        if j1 <= j0 or i1 <= i0:
            continue
        d = np.hypot(xc[None, j0:j1] - x[i], yc[i0:i1, None] - y[i])
        near = d <= r * (1 + 1e-9)
        k = kernel_value(kernel, d / r, decay) * (1.0 if w is None else w[i])
        if scaled:
            k = k * scale(kernel, r, decay)
        out[i0:i1, j0:j1] += np.where(near, k, 0.0)
        reached[i0:i1, j0:j1] |= near
    return out, reached


def dataset(where):
    rng = np.random.default_rng({"origin": 1, "rd": 2, "usft": 3}[where])
    if where == "origin":   # metres near (0, 0): the reported trouble case
        n, span, r, pixel, x0, y0, w = 700, 1500.0, 120.0, 10.0, 0.0, 0.0, None
    elif where == "rd":     # RD New
        n, span, r, pixel, x0, y0, w = 700, 1500.0, 120.0, 10.0, 155_000.0, 463_000.0, None
    else:                   # US survey feet, radius in feet, weights 1 + i % 3
        n, span, r, pixel, x0, y0 = 287, 8000.0, 800.0, 20.0, 700_000.0, 900_000.0
        w = 1.0 + np.arange(n) % 3
    x = x0 + rng.uniform(0, span, n)
    y = y0 + rng.uniform(0, span, n)
    return x, y, w, r, pixel


@pytest.mark.parametrize("where", ["origin", "rd", "usft"])
@pytest.mark.parametrize("scaled", [False, True])
def test_every_kernel_equals_brute_force(where, scaled):
    x, y, w, r, pixel = dataset(where)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), r, pixel)
    for kernel, decay in KERNELS:
        values, touched = kde.density(x, y, w, r, grid, kernel=kernel, decay=decay, scaled=scaled)
        ref, reached = brute(x, y, w, r, grid, kernel, decay, scaled)
        assert np.array_equal(touched, reached), (kernel, decay)
        err = np.max(np.abs(values - ref)) / np.max(np.abs(ref))
        assert err <= 1e-9, (where, kernel, decay, scaled, err)


@pytest.mark.parametrize("kernel, decay", [(1, 0.5), (4, 0.0)])
def test_reported_case_3000_points_radius_40_pixels(kernel, decay):
    # Issue #12's repro: 3000 uniform points in a 5000 m square at the origin, radius 400,
    # pixel 10 (and the same points in RD New).
    rng = np.random.default_rng(0)
    x, y = rng.uniform(0, 5000, 3000), rng.uniform(0, 5000, 3000)
    for dx, dy in ((0.0, 0.0), (120_000.0, 480_000.0)):
        grid = kde.qgis_grid(x.min() + dx, y.min() + dy, x.max() + dx, y.max() + dy, 400.0, 10.0)
        values, _ = kde.density(x + dx, y + dy, None, 400.0, grid, kernel=kernel, decay=decay)
        ref, _ = brute(x + dx, y + dy, None, 400.0, grid, kernel, decay, False)
        assert np.max(np.abs(values - ref)) / ref.max() <= 1e-9


def test_per_point_radii_equal_brute_force():
    rng = np.random.default_rng(4)
    n = 300
    x, y = 155_000 + rng.uniform(0, 1200, n), 463_000 + rng.uniform(0, 1200, n)
    radii = rng.uniform(15.0, 150.0, n)
    grid = kde.qgis_grid(x.min(), y.min(), x.max(), y.max(), float(radii.max()), 10.0)
    for kernel, decay in KERNELS:
        for scaled in (False, True):
            values, _ = kde.density(x, y, None, radii, grid, kernel=kernel, decay=decay, scaled=scaled)
            ref = np.zeros(grid.shape)
            for i in range(n):
                part, _ = brute(x[i:i + 1], y[i:i + 1], None, float(radii[i]), grid, kernel, decay, scaled)
                ref += part
            assert np.max(np.abs(values - ref)) / np.max(ref) <= 1e-9, (kernel, decay, scaled)
