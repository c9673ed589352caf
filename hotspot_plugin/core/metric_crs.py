"""The one rule for choosing a metric CRS: where distances in metres are measured on the ground.

RD New (EPSG:28992) in the Netherlands, Belgian Lambert 2008 (EPSG:3812) in Belgium (north or
south of the border line where their areas of use overlap), else the WGS 84 UTM zone of the
point. The QGIS side (``adapters.crs``) applies it to a layer's extent.
"""
from __future__ import annotations

import math
import re
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


#: Where a municipality code places a new safety GeoPackage (lon, lat in degrees): a CBS code
#: (GM0344) at Amersfoort, the origin of RD New; a Belgian NIS code (44021) in the middle of Belgium.
NL_CENTRE = (5.387, 52.155)
BE_CENTRE = (4.47, 50.64)

#: An area of use at most this many degrees wide and high is "local": its centre places the data.
LOCAL_DEGREES = 20.0


def municipality_location(text: str) -> Optional[Tuple[float, float]]:
    """Where a municipality given by its code lies, roughly (lon, lat); None for a name or nothing."""
    code = (text or "").strip().upper()
    if re.fullmatch(r"GM\d{4}", code):
        return NL_CENTRE
    if re.fullmatch(r"\d{5}", code):
        return BE_CENTRE
    return None


def area_of_use_location(bounds: Optional[Sequence[float]]) -> Optional[Tuple[float, float]]:
    """The centre of a CRS's area of use (lon_min, lat_min, lon_max, lat_max in degrees) when that
    area is local (at most :data:`LOCAL_DEGREES` wide and high); None for a continent or the world."""
    if bounds is None or len(bounds) != 4 or not all(math.isfinite(v) for v in bounds):
        return None
    lon_min, lat_min, lon_max, lat_max = bounds
    if not (lon_min < lon_max and lat_min < lat_max):
        return None
    if lon_max - lon_min > LOCAL_DEGREES or lat_max - lat_min > LOCAL_DEGREES:
        return None
    return (lon_min + lon_max) / 2.0, (lat_min + lat_max) / 2.0


def sample_points(bounds: Sequence[float], max_lat: float = 80.0) -> Tuple[Tuple[float, float], ...]:
    """The centre and four inset corners (at a tenth of the size) of an area in degrees, latitudes
    kept within *max_lat*: where a CRS's scale is checked when the data's place is not known."""
    lon_min, lat_min, lon_max, lat_max = bounds
    lat_min, lat_max = max(lat_min, -max_lat), min(lat_max, max_lat)
    dx, dy = (lon_max - lon_min) / 10.0, (lat_max - lat_min) / 10.0
    return (((lon_min + lon_max) / 2.0, (lat_min + lat_max) / 2.0),
            (lon_min + dx, lat_min + dy), (lon_max - dx, lat_min + dy),
            (lon_min + dx, lat_max - dy), (lon_max - dx, lat_max - dy))
