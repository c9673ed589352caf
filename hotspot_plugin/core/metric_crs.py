"""The one rule for choosing a metric CRS: where distances in metres are measured on the ground.

RD New (EPSG:28992) in the Netherlands, Belgian Lambert 2008 (EPSG:3812) in Belgium (north or
south of the border line where their areas of use overlap), else the WGS 84 UTM zone of the
point. The QGIS side (``adapters.crs``) applies it to a layer's extent.
"""
from __future__ import annotations

import math
from typing import Optional, Sequence, Tuple

import numpy as np

#: Areas of use in degrees (lon_min, lat_min, lon_max, lat_max).
RD_BOUNDS = (3.2, 50.75, 7.22, 53.7)
BE_BOUNDS = (2.5, 49.5, 6.4, 51.51)
#: The Dutch-Belgian border, roughly, west to east (lon, lat): north of it is the Netherlands.
BORDER = ((2.5, 51.1), (3.36, 51.37), (3.9, 51.2), (4.25, 51.37), (4.8, 51.42), (5.1, 51.43),
          (5.5, 51.28), (5.85, 51.15), (5.72, 50.76), (6.4, 50.75))

RD_NEW = "EPSG:28992"
LAMBERT_2008 = "EPSG:3812"


def _inside(bounds: Sequence[float], lon: float, lat: float) -> bool:
    return bounds[0] <= lon <= bounds[2] and bounds[1] <= lat <= bounds[3]


def _border_lat(lon: float) -> float:
    """The border's latitude at *lon* (numpy's linear interpolation over the border points)."""
    return float(np.interp(lon, [p[0] for p in BORDER], [p[1] for p in BORDER]))


def utm_zone(lon: float, lat: float) -> str:
    """The WGS 84 / UTM zone CRS of a point in degrees."""
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}"


def choose_metric_crs(lon: float, lat: float) -> Tuple[str, str]:
    """A metric CRS for data centred at ``(lon, lat)`` (degrees): ``(authid, reason key)``.

    The reason key is ``"nl"``, ``"be"`` or ``"utm"``.
    """
    in_nl, in_be = _inside(RD_BOUNDS, lon, lat), _inside(BE_BOUNDS, lon, lat)
    if in_nl and in_be:
        border = _border_lat(lon)
        in_nl, in_be = lat >= border, lat < border
    if in_nl:
        return RD_NEW, "nl"
    if in_be:
        return LAMBERT_2008, "be"
    return utm_zone(lon, lat), "utm"


#: How far a CRS's point scale factor at the data may differ from 1 before distances in its units
#: are no longer taken as distances on the ground (RD New: at most 0.1 %; UTM: 0.04 %; Web
#: Mercator at 51.5 N: 61 %).
SCALE_TOLERANCE = 0.01

#: Reason keys of :func:`needs_metric_crs`.
GEOGRAPHIC = "geographic"
SCALE = "scale"
UNITS = "units"


def needs_metric_crs(geographic: bool, scale: float, metres: bool = True,
                     require_metres: bool = False) -> Optional[str]:
    """Why a layer's CRS cannot measure distances on the ground, or None when it can.

    *geographic*: the CRS is in degrees; *scale*: its point scale factor at the data's centre
    (map distance in metres / distance on the ellipsoid; NaN when unknown); *metres*: its map
    units are metres. A CRS in feet (scale ~1) measures on the ground after a unit conversion, so
    it needs no other CRS, unless the caller *require_metres* (it writes geometry in metres).

    Returns ``"geographic"``, ``"scale"`` (``|scale - 1| > SCALE_TOLERANCE``, e.g. Web Mercator),
    ``"units"`` or None.
    """
    if geographic:
        return GEOGRAPHIC
    if scale is not None and math.isfinite(scale) and abs(scale - 1.0) > SCALE_TOLERANCE:
        return SCALE
    if require_metres and not metres:
        return UNITS
    return None
