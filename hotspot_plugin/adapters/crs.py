"""The QGIS side of CRS handling: is a CRS metric, which metric CRS to work in, reprojection.

The choice of a metric CRS is ONE pure rule (:func:`core.metric_crs.choose_metric_crs`); this
module applies it to QGIS layers and extents.
"""
from __future__ import annotations

import math
from typing import Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsUnitTypes,
)

from ..compat import DistanceUnit
from ..core.metric_crs import RD_NEW, choose_metric_crs
from ..i18n import tr
from ..storage import fieldpackage as fp

WGS84 = "EPSG:4326"


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for a valid projected CRS whose map units are metres."""
    return bool(crs.isValid() and not crs.isGeographic()
                and crs.mapUnits() == DistanceUnit.Meters)


def require_crs(crs: QgsCoordinateReferenceSystem, layer_name: str) -> None:
    """Refuse a layer without a (valid) CRS: distances cannot be measured."""
    if not crs.isValid():
        raise QgsProcessingException(tr(
            "The layer {layer} has no coordinate reference system, so distances cannot be measured. Set "
            "its CRS (for example RD New, EPSG:28992) in the layer properties.").format(layer=layer_name))


def metres_per_unit(crs: QgsCoordinateReferenceSystem) -> float:
    """The factor from the CRS's map units to metres (1 when unknown)."""
    factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), DistanceUnit.Meters)
    return factor if math.isfinite(factor) and factor > 0 else 1.0


def lon_lat(point: QgsPointXY, crs: QgsCoordinateReferenceSystem, transform_context) -> Tuple[float, float]:
    """A point of *crs* in degrees (the point itself when it cannot be transformed)."""
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    if crs == wgs84:
        return point.x(), point.y()
    try:
        p = QgsCoordinateTransform(crs, wgs84, transform_context).transform(point)
        return p.x(), p.y()
    except QgsCsException:
        return point.x(), point.y()


def metric_crs_at(lon: float, lat: float) -> Tuple[QgsCoordinateReferenceSystem, str]:
    """The metric CRS by the core rule for a point in degrees, and its reason key (nl/be/utm)."""
    authid, why = choose_metric_crs(lon, lat)
    return QgsCoordinateReferenceSystem(authid), why


def metric_crs_for(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem,
                   transform_context) -> QgsCoordinateReferenceSystem:
    """A metric CRS for data with *extent* in *crs*, by the core rule at the extent's centre.

    RD New when the extent cannot be placed on the earth.
    """
    if extent is None or extent.isNull() or not all(
            math.isfinite(v) for v in (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())):
        return QgsCoordinateReferenceSystem(RD_NEW)
    lon, lat = lon_lat(extent.center(), crs, transform_context)
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        return QgsCoordinateReferenceSystem(RD_NEW)
    return metric_crs_at(lon, lat)[0]


def reason_text(why: str) -> str:
    """Why a metric CRS was chosen, for a log line."""
    return {"nl": tr("the points lie in the Netherlands"), "be": tr("the points lie in Belgium"),
            "utm": tr("the UTM zone of the points' centre")}[why]


def require_projected(crs: QgsCoordinateReferenceSystem, layer_name: str) -> float:
    """The factor from the CRS's map units to metres; refuses a missing or geographic (degree) CRS."""
    require_crs(crs, layer_name)
    if crs.isGeographic():
        raise QgsProcessingException(tr(
            "The layer {layer} is in a geographic CRS ({crs}, degrees), but distances must be measured "
            "in metres. Reproject it first to a projected CRS such as RD New (EPSG:28992) or Belgian "
            "Lambert 2008 (EPSG:3812), for example with 'Reproject layer'.").format(
                layer=layer_name, crs=crs.authid() or crs.description()))
    return metres_per_unit(crs)


def gpkg_crs(path: str) -> QgsCoordinateReferenceSystem:
    """The CRS of the safety GeoPackage's layers."""
    epsg, wkt = fp.crs_epsg(path)
    crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}") if epsg else QgsCoordinateReferenceSystem.fromWkt(wkt)
    if not crs.isValid():
        raise QgsProcessingException(
            tr("The CRS of the GeoPackage {path} is not known to QGIS.").format(path=path)
        )
    return crs


def transform_points(x: np.ndarray, y: np.ndarray, src: QgsCoordinateReferenceSystem,
                     dst: QgsCoordinateReferenceSystem, transform_context) -> Tuple[np.ndarray, np.ndarray]:
    """Points from ``src`` to ``dst`` with the coordinate operation QGIS chooses (vectorised with
    pyproj when that gives the same result as QGIS for the first points, else point by point)."""
    ct = QgsCoordinateTransform(src, dst, transform_context)
    n = x.size
    probe = [0, n // 2, n - 1] if n else []
    expected = []
    for i in probe:
        p = ct.transform(QgsPointXY(float(x[i]), float(y[i])))
        expected.append((p.x(), p.y()))
    try:
        import pyproj

        proj = ct.instantiatedCoordinateOperationDetails().proj
        transformer = pyproj.Transformer.from_pipeline(proj) if proj else pyproj.Transformer.from_crs(
            src.toWkt(), dst.toWkt(), always_xy=True)
        tx, ty = transformer.transform(x, y)
        tx, ty = np.asarray(tx, dtype=np.float64), np.asarray(ty, dtype=np.float64)
        if all(abs(tx[i] - ex) < 1e-6 * max(1.0, abs(ex)) and abs(ty[i] - ey) < 1e-6 * max(1.0, abs(ey))
               for i, (ex, ey) in zip(probe, expected)):
            return tx, ty
    except Exception:  # noqa: BLE001 - pyproj missing or the pipeline not usable: QGIS does it
        pass
    tx = np.empty(n)
    ty = np.empty(n)
    for i in range(n):
        try:
            p = ct.transform(QgsPointXY(float(x[i]), float(y[i])))
            tx[i], ty[i] = p.x(), p.y()
        except QgsCsException:
            tx[i] = ty[i] = math.nan
    return tx, ty
