"""Point-in-polygon tests that read the same on shapely 1.8 (Debian 12) and shapely 2 (QGIS >= 3.34)."""
from __future__ import annotations

import numpy as np
from shapely.geometry.base import BaseGeometry

try:  # shapely >= 2
    from shapely import contains_xy as _contains_xy
    from shapely import points as _points
    from shapely import touches as _touches

    def _touches_xy(geometry: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.asarray(_touches(geometry, _points(x, y)), dtype=bool)
except ImportError:  # shapely 1.8
    from shapely.vectorized import contains as _contains_xy  # type: ignore[no-redef]
    from shapely.vectorized import touches as _touches_xy  # type: ignore[no-redef]


def contains_xy(geometry: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """True for the points strictly inside *geometry* (shapely 1.8 and 2)."""
    return np.asarray(_contains_xy(geometry, np.asarray(x, float), np.asarray(y, float)), dtype=bool)


def touches_xy(geometry: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """True for the points on the boundary of *geometry* (shapely 1.8 and 2)."""
    return np.asarray(_touches_xy(geometry, np.asarray(x, float), np.asarray(y, float)), dtype=bool)
