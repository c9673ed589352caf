"""Hotspot zones: polygons where a raster (density or Gi* result) is high (pure core).

``hotspot:hotspotzones`` selects cells of a raster -- at or above a threshold value, the top X %
of valid cells, or the Gi* hot spot cells of at least some confidence level -- joins touching
selected cells into zones and describes each zone: its polygon, peak value and where the peak
lies, area, number of cells, mean value, the number of incidents inside and a rank.

Conventions:

* **Connectivity**: 8 by default -- cells that touch only at a corner belong to the same zone
  (a diagonal run of hot cells is one hot spot to a GIS officer). Such a zone's geometry is a
  MultiPolygon whose parts meet at a corner point; with ``connectivity=4`` they are separate
  zones instead.
* **Geometry**: the union of the selected cells' squares (via ``rasterio.features.shapes``),
  holes included, in the raster's CRS. Area in map units squared (m² in a projected CRS).
* **Peak**: the cell with the highest value (lowest for cold zones); on ties the first in row
  order (top row first, left to right). ``peak_x``/``peak_y`` are that cell's centre.
* **Incidents inside**: each point is looked up in the raster: column ``floor((x - x0) / px)``,
  row ``floor((y0 - y) / py)``, so a point exactly on an edge between two cells counts for the
  cell to its right or below it. Points outside the raster or in unselected cells count for no
  zone.
* **Rank**: 1 for the highest peak (the deepest for cold zones), ties broken by larger area.
* ``transform`` is a GDAL geotransform ``(x0, px, 0, y0, 0, -py)``; row 0 is the top row.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple, Union

import numpy as np
from rasterio.features import shapes
from rasterio.transform import Affine
from scipy import ndimage
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .errors import InputError
from .i18n import N_

GeoTransform = Sequence[float]
Valid = Union[None, float, np.ndarray]


@dataclass
class Zone:
    """One hotspot zone (see the module docstring for the conventions)."""

    geometry: BaseGeometry
    peak: float
    peak_x: float
    peak_y: float
    area: float
    n_cells: int
    mean: float
    n_incidents: Optional[int]
    rank: int


def _affine(transform: GeoTransform) -> Affine:
    try:
        t = [float(v) for v in transform]
    except (TypeError, ValueError):
        t = []
    if len(t) != 6 or not all(math.isfinite(v) for v in t):
        raise InputError(N_("The raster's geotransform must be six numbers (x0, px, 0, y0, 0, -py), "
                            "not {transform}."), transform=transform)
    aff = Affine.from_gdal(*t)
    if aff.determinant == 0:
        raise InputError(N_("The raster's geotransform {transform} has a zero pixel size."),
                         transform=transform)
    return aff


def _grid(values: Any) -> np.ndarray:
    arr = np.asarray(values)
    if arr.ndim != 2 or arr.size == 0:
        raise InputError(N_("The raster must be 2-D with at least one cell; it has shape {shape}."),
                         shape=tuple(arr.shape))
    return arr


def _valid_mask(values: np.ndarray, valid: Valid) -> np.ndarray:
    """Valid cells: finite and not *valid*-as-nodata, or the given boolean mask (and finite)."""
    finite = np.isfinite(values) if np.issubdtype(values.dtype, np.floating) else np.ones(values.shape, bool)
    if valid is None:
        return finite
    if np.ndim(valid) == 0:
        nodata = float(valid)  # type: ignore[arg-type]
        if math.isnan(nodata):
            return finite
        return finite & (values != nodata)
    mask = np.asarray(valid, dtype=bool)
    if mask.shape != values.shape:
        raise InputError(N_("The valid-cell mask has shape {mask_shape}, the raster {shape}."),
                         mask_shape=tuple(mask.shape), shape=tuple(values.shape))
    return finite & mask


def select_top_percent(values: np.ndarray, valid: np.ndarray, percent: float) -> Tuple[np.ndarray, float]:
    """Cells among the top *percent* % of the valid cells, and the threshold value used.

    ``k = ceil(percent / 100 * n_valid)`` (at least 1); the threshold is the k-th highest valid
    value and every valid cell with a value at or above it is selected, so ties at the
    threshold are all included and the selection can exceed *percent* %. If the threshold is
    the lowest valid value while *percent* < 100 (e.g. most of a density raster is 0), the top
    cells cannot be told apart from the rest and :class:`InputError` is raised.
    """
    p = float(percent)
    if not math.isfinite(p) or p <= 0 or p > 100:
        raise InputError(N_("The top percentage must be more than 0 and at most 100, not {percent}."),
                         percent=percent)
    vals = values[valid].astype(float)
    nv = vals.size
    k = max(1, int(math.ceil(p / 100.0 * nv - 1e-9)))
    k = min(k, nv)
    threshold = float(np.partition(vals, nv - k)[nv - k])
    lowest = float(vals.min())
    if p < 100 and threshold <= lowest:
        share = 100.0 * float((vals == lowest).sum()) / nv
        raise InputError(N_("The top {percent}% of the cells cannot be told apart from the rest: "
                            "{share}% of the valid cells share the lowest value {value}. Choose a "
                            "smaller percentage or a threshold value."),
                         percent=p, share=round(share, 1), value=lowest)
    return valid & (values >= threshold), threshold


def _count_points(points_xy: Any, aff: Affine, labels: np.ndarray, nlab: int) -> np.ndarray:
    pts = np.asarray(points_xy, dtype=float)
    if pts.size == 0:
        return np.zeros(nlab + 1, dtype=np.int64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise InputError(N_("The incident coordinates must be pairs of x and y."))
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    inv = ~aff
    col = inv.a * pts[:, 0] + inv.b * pts[:, 1] + inv.c
    row = inv.d * pts[:, 0] + inv.e * pts[:, 1] + inv.f
    ci = np.floor(col).astype(np.int64)
    ri = np.floor(row).astype(np.int64)
    rows, cols = labels.shape
    ok = (ci >= 0) & (ci < cols) & (ri >= 0) & (ri < rows)
    lab = labels[ri[ok], ci[ok]]
    return np.bincount(lab, minlength=nlab + 1)


def _zones(selected: np.ndarray, peak_values: np.ndarray, report_values: np.ndarray, aff: Affine,
           points_xy: Any, min_area: float, connectivity: int) -> List[Zone]:
    """Zones from a selection; the peak is the maximum of *peak_values*, reported from *report_values*."""
    if connectivity not in (4, 8):
        raise InputError(N_("Connectivity must be 4 or 8, not {connectivity}."), connectivity=connectivity)
    ma = float(min_area)
    if not math.isfinite(ma) or ma < 0:
        raise InputError(N_("The minimum zone area cannot be negative ({min_area})."), min_area=min_area)
    structure = np.ones((3, 3), dtype=bool) if connectivity == 8 else None
    labels, nlab = ndimage.label(selected, structure=structure)
    if nlab == 0:
        return []
    labels = labels.astype(np.int32)
    pieces: List[List[BaseGeometry]] = [[] for _ in range(nlab + 1)]
    for geom, value in shapes(labels, mask=selected, connectivity=4, transform=aff):
        pieces[int(value)].append(shape(geom))
    index = np.arange(1, nlab + 1)
    pv = np.where(selected, peak_values.astype(float), -np.inf)
    peaks = ndimage.maximum_position(pv, labels, index)
    n_cells = np.bincount(labels.ravel(), minlength=nlab + 1)
    sums = np.bincount(labels.ravel(), weights=np.where(selected, report_values.astype(float), 0.0).ravel(),
                       minlength=nlab + 1)
    counts = _count_points(points_xy, aff, labels, nlab) if points_xy is not None else None
    keyed: List[Tuple[float, float, int, Zone]] = []
    for lab in index:
        geom = unary_union(pieces[lab]) if len(pieces[lab]) > 1 else pieces[lab][0]
        area = float(geom.area)
        if area < ma:
            continue
        r, c = peaks[lab - 1]
        px, py = aff * (c + 0.5, r + 0.5)
        zone = Zone(geometry=geom, peak=float(report_values[r, c]), peak_x=float(px), peak_y=float(py),
                    area=area, n_cells=int(n_cells[lab]), mean=float(sums[lab] / n_cells[lab]),
                    n_incidents=None if counts is None else int(counts[lab]), rank=0)
        keyed.append((-float(pv[r, c]), -area, int(lab), zone))
    keyed.sort(key=lambda item: item[:3])
    for rank, item in enumerate(keyed, start=1):
        item[3].rank = rank
    return [item[3] for item in keyed]


def zones_from_raster(values: Any, valid: Valid, transform: GeoTransform,
                      threshold_value: Optional[float] = None, top_percent: Optional[float] = None,
                      points_xy: Any = None, min_area: float = 0.0, connectivity: int = 8) -> List[Zone]:
    """Zones where a raster is high: at or above *threshold_value*, or in the top *top_percent* %.

    *valid* is a boolean mask of valid cells, a nodata value, or None (all finite cells valid).
    Give exactly one of *threshold_value* (cells with ``value >= threshold_value``) and
    *top_percent* (see :func:`select_top_percent` for ties). *points_xy* (``(N, 2)``) are
    counted per zone; zones smaller than *min_area* (map units²) are dropped. Returns the zones
    sorted by rank.
    """
    vals = _grid(values)
    aff = _affine(transform)
    ok = _valid_mask(vals, valid)
    if not ok.any():
        raise InputError(N_("The raster has no valid cells (all nodata)."))
    if (threshold_value is None) == (top_percent is None):
        raise InputError(N_("Give either a threshold value or a top percentage, not both or neither."))
    vf = vals.astype(float)
    if threshold_value is not None:
        t = float(threshold_value)
        if not math.isfinite(t):
            raise InputError(N_("The threshold value must be a number, not {threshold}."),
                             threshold=threshold_value)
        vmax = float(vf[ok].max())
        if t > vmax:
            raise InputError(N_("The threshold {threshold} is above the highest value in the raster "
                                "({maximum}); no cell would be selected. Choose a threshold of at most "
                                "{maximum}."), threshold=t, maximum=vmax)
        selected = ok & (vf >= t)
    else:
        selected, _ = select_top_percent(vf, ok, float(top_percent))  # type: ignore[arg-type]
    return _zones(selected, vf, vf, aff, points_xy, min_area, connectivity)


def zones_from_classes(classes: Any, valid: Valid, transform: GeoTransform, min_level: int = 1,
                       cold: bool = False, values: Any = None, points_xy: Any = None,
                       min_area: float = 0.0, connectivity: int = 8) -> List[Zone]:
    """Zones of Gi* hot spot cells (class ``>= min_level``), or cold spots (``<= -min_level``).

    *classes* is the 2-D class grid (-3..+3, see ``gistar.classify_spots``), for example
    ``grid.to_2d(result.classes)`` with ``grid.transform``. *min_level* 1/2/3 keeps cells of at
    least 90/95/99 % confidence. The peak is taken from *values* (e.g. the z-scores as 2-D; the
    highest for hot zones, the lowest for cold zones), else from the class itself. No selected
    cell means no zones (an empty list), not an error.
    """
    cls = _grid(classes)
    aff = _affine(transform)
    lev = int(min_level)
    if lev not in (1, 2, 3) or lev != min_level:
        raise InputError(N_("The minimum confidence level must be 1 (90%), 2 (95%) or 3 (99%), not {level}."),
                         level=min_level)
    ok = _valid_mask(cls, valid)
    if not ok.any():
        raise InputError(N_("The raster has no valid cells (all nodata)."))
    c = np.where(ok, cls, 0).astype(float)
    selected = ok & ((c <= -lev) if cold else (c >= lev))
    if values is None:
        rep = c
    else:
        rep = np.asarray(values, dtype=float)
        if rep.shape != cls.shape:
            raise InputError(N_("The value grid has shape {value_shape}, the class grid {shape}."),
                             value_shape=tuple(rep.shape), shape=tuple(cls.shape))
    peak = -rep if cold else rep
    return _zones(selected, np.nan_to_num(peak, nan=-np.inf), rep, aff, points_xy, min_area, connectivity)


__all__ = ["Zone", "zones_from_raster", "zones_from_classes", "select_top_percent"]
