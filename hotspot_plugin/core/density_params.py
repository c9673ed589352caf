"""Heatmap choices around ``core.kde`` (pure): the pixel size for a given radius, the rows per band.

``hotspot:densityheatmap`` suggests a pixel size when the user gives a radius (or a radius
field) but no pixel size. It is the second step of :func:`core.kde.suggest_parameters`, with the
same rounding (kde's own step functions, so there is one rule):

1. pixel = radius / 10, rounded to 1, 2, 2.5 or 5 times a power of ten (nearest on a log scale);
2. one step coarser (2 -> 2.5 -> 5 -> 10 ...) until the grid -- the points' extent grown by the
   radius on every side, ``ceil(size / pixel) + 1`` cells each way, as QGIS builds it -- has at
   most ``cell_target`` cells.

:func:`band_rows` makes the bands of rows the density is computed in taller when there are few
points per row (fewer bands, less fixed work per band).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Tuple

from . import kde

#: Grid size the suggested pixel size keeps to (cells), as kde.suggest_parameters does.
CELL_TARGET = 4_000_000
#: Below this many points per raster row the bands are made taller (see band_rows).
SPARSE_POINTS_PER_ROW = 50
SPARSE_BAND_CELLS = 1 << 17


@dataclass(frozen=True)
class PixelChoice:
    """A suggested pixel size, the radius / 10 it was rounded from and the grid it gives."""

    pixel: float
    raw: float
    cols: int
    rows: int


def grid_dims(bounds: Tuple[float, float, float, float], radius: float, pixel: float) -> Tuple[int, int]:
    """(cols, rows) of the heatmap grid over *bounds* grown by *radius*, as QGIS's heatmap makes it."""
    xmin, ymin, xmax, ymax = bounds
    return (math.ceil((xmax - xmin + 2 * radius) / pixel) + 1,
            math.ceil((ymax - ymin + 2 * radius) / pixel) + 1)


def suggest_pixel(radius: float, bounds: Tuple[float, float, float, float],
                  cell_target: float = CELL_TARGET) -> PixelChoice:
    """The pixel size for *radius* over points with extent *bounds* ``(xmin, ymin, xmax, ymax)``."""
    raw = radius / 10.0
    pixel = kde._nice(raw, kde._PIXEL_STEPS)  # noqa: SLF001 - the one rounding rule, kde's
    cols, rows = grid_dims(bounds, radius, pixel)
    while cols * rows > cell_target:
        pixel = kde._next_nice(pixel, kde._PIXEL_STEPS)  # noqa: SLF001
        cols, rows = grid_dims(bounds, radius, pixel)
    return PixelChoice(float(pixel), raw, cols, rows)


def band_rows(grid: kde.Grid, n_points: int) -> Optional[int]:
    """Rows per band: None (the core's default) with :data:`SPARSE_POINTS_PER_ROW` points per raster
    row or more, else bands of about :data:`SPARSE_BAND_CELLS` cells (at least 16 rows; measured
    about 2x faster at 10 points per row), always within the core's memory budget per band."""
    if n_points / grid.rows >= SPARSE_POINTS_PER_ROW:
        return None
    rows = max(16, SPARSE_BAND_CELLS // grid.cols)
    return max(1, min(grid.rows, rows, kde.choose_band_rows(grid.cols)))


__all__ = ["CELL_TARGET", "PixelChoice", "band_rows", "grid_dims", "suggest_pixel"]
