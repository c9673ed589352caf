"""The heatmap of a scan's area and ring and the hotspot zones in it (pure core).

The radius and pixel size come from the municipality's incidents of the period
(:func:`hotspot_plugin.core.kde.suggest_parameters`), or are fixed when there are too few; the
grid covers the area and its ring and is made coarser until it fits :data:`MAX_HEATMAP_CELLS`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import kde
from .errors import InputError
from .progress import Monitor
from .zones import zones_from_raster

#: Fewer incidents than this in the municipality (period): fixed heatmap radius and pixel size.
MIN_POINTS_SUGGEST = 30
FIXED_RADIUS = 150.0
FIXED_PIXEL = 10.0
#: The heatmap of area + ring never gets more cells than this (the pixel is doubled until it fits).
MAX_HEATMAP_CELLS = 4_000_000
ZONE_TOP_PERCENT = 5.0


def heatmap_settings(
    x: np.ndarray, y: np.ndarray
) -> Tuple[float, float, str, Optional[Tuple[str, Dict[str, Any]]]]:
    """Radius, pixel size, how they were chosen ("suggested" or "fixed") and, when suggested,
    the suggestion's explanation as (template, params)."""
    if int(x.shape[0]) >= MIN_POINTS_SUGGEST:
        try:
            radius, pixel, template, params = kde.suggest_parameters(x, y)
        except InputError:
            pass
        else:
            return float(radius), float(pixel), "suggested", (template, params)
    return FIXED_RADIUS, FIXED_PIXEL, "fixed", None


def fitting_grid(box: Sequence[float], radius: float, pixel: float, how: str) -> Tuple[Any, float, str]:
    """The grid over *box* with at most :data:`MAX_HEATMAP_CELLS` cells: the pixel is doubled
    (and "+coarser" added to *how*) until it fits. Returns (grid, pixel, how)."""
    grid = kde.snapped_grid(*box, radius, pixel)
    while grid.n_cells > MAX_HEATMAP_CELLS:
        pixel *= 2
        grid = kde.snapped_grid(*box, radius, pixel)
        how += "+coarser"
    return grid, pixel, how


def density_and_zones(
    x: np.ndarray, y: np.ndarray, radius: float, grid: Any, monitor: Optional[Monitor] = None
) -> Tuple[np.ndarray, np.ndarray, List[Any]]:
    """The quartic density of the points on *grid* (values, touched cells) and the hotspot zones
    (the top :data:`ZONE_TOP_PERCENT` % of the cells)."""
    if x.shape[0]:
        values, touched = kde.density(x, y, None, radius, grid, kernel=kde.QUARTIC, monitor=monitor)
    else:
        values, touched = np.zeros(grid.shape), np.zeros(grid.shape, dtype=bool)
    zones = (
        zones_from_raster(values, touched, grid.gdal_transform, top_percent=ZONE_TOP_PERCENT)
        if touched.any()
        else []
    )
    return values, touched, zones
