"""The QGIS side of CRS handling: is a CRS metric, which metric CRS to work in, reprojection.

The choice of a metric CRS is ONE pure rule (:func:`core.metric_crs.choose_metric_crs`); this
module applies it to QGIS layers and extents.
"""
from __future__ import annotations

import math
from typing import Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsUnitTypes,
)

from ..compat import DistanceUnit
from ..core.metric_crs import (
    GEOGRAPHIC,
    RD_NEW,
    SCALE,
    area_of_use_location,
    choose_metric_crs,
    municipality_location,
    needs_metric_crs,
    sample_points,
)
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


def point_scale(crs: QgsCoordinateReferenceSystem, point: QgsPointXY, transform_context) -> float:
    """The CRS's point scale factor at *point* (map distance in metres / ellipsoidal distance), the
    larger deviation from 1 of the east and north directions; NaN when it cannot be measured.

    Measured over 10 m of map distance with QgsDistanceArea on the CRS's ellipsoid (WGS 84 when it
    has none): 1.0001 in RD New, 1.606 in Web Mercator at 51.5 N, 1.0000 in a US-feet state plane.
    """
    if not crs.isValid() or crs.isGeographic():
        return math.nan
    da = QgsDistanceArea()
    da.setSourceCrs(crs, transform_context)
    if not da.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030"):
        da.setEllipsoid("EPSG:7030")
    mpu = metres_per_unit(crs)
    step = 10.0 / mpu
    best = math.nan
    for dx, dy in ((step, 0.0), (0.0, step)):
        try:
            ground = da.measureLine(point, QgsPointXY(point.x() + dx, point.y() + dy))
        except QgsCsException:
            return math.nan
        if not (math.isfinite(ground) and ground > 0):
            return math.nan
        scale = 10.0 / ground
        if not math.isfinite(best) or abs(scale - 1.0) > abs(best - 1.0):
            best = scale
    return best


def working_crs(source_crs: QgsCoordinateReferenceSystem, extent: Optional[QgsRectangle], transform_context,
                layer_name: str = "", require_metres: bool = False
                ) -> Tuple[QgsCoordinateReferenceSystem, Optional[str]]:
    """The CRS in which distances of data in *source_crs* (with *extent*) are metres on the ground,
    and a log line saying why it is not *source_crs* (None when it is).

    The one rule (:func:`core.metric_crs.needs_metric_crs`): a CRS in degrees, or one whose scale
    at the extent's centre differs from 1 by more than 1 % (Web Mercator), is replaced by RD New,
    Belgian Lambert 2008 or the local UTM zone (:func:`core.metric_crs.choose_metric_crs`). A CRS in
    feet is kept (distances are converted with :func:`metres_per_unit`) unless *require_metres*.
    An invalid CRS is returned as it is.
    """
    if not source_crs.isValid():
        return source_crs, None
    why, scale, centre = assess(source_crs, extent, transform_context, require_metres)
    if why is None:
        return source_crs, None
    out = metric_crs_for(extent, source_crs, transform_context)
    lon, lat = lon_lat(centre, source_crs, transform_context) if centre is not None else (math.nan, math.nan)
    text = tr("The layer {layer} is in {crs}, and {cause}: distances are measured in {out} ({out_name}; "
              "{where}); the data are reprojected to {out}.").format(
                  layer=layer_name or "-", crs=crs_name(source_crs), cause=cause_text(why, scale),
                  out=out.authid(), out_name=out.description(), where=metric_reason(lon, lat))
    return out, text


def crs_name(crs: QgsCoordinateReferenceSystem) -> str:
    """The CRS's authid, or its description when it has none."""
    return crs.authid() or crs.description()


def assess(crs: QgsCoordinateReferenceSystem, extent: Optional[QgsRectangle], transform_context,
           require_metres: bool = False) -> Tuple[Optional[str], float, Optional[QgsPointXY]]:
    """The one rule for data in *crs* with *extent*: ``(reason key of needs_metric_crs or None, the
    scale factor at the extent's centre (NaN when unknown), that centre or None)``."""
    centre = extent.center() if extent is not None and not extent.isNull() else None
    if centre is not None and not (math.isfinite(centre.x()) and math.isfinite(centre.y())):
        centre = None
    scale = point_scale(crs, centre, transform_context) if centre is not None else math.nan
    metres = crs.mapUnits() == DistanceUnit.Meters
    return needs_metric_crs(crs.isGeographic(), scale, metres, require_metres), scale, centre


def cause_text(why: str, scale: float) -> str:
    """Why a CRS does not measure metres on the ground, for a message (*why* from needs_metric_crs)."""
    if why == GEOGRAPHIC:
        return tr("it is in degrees")
    if why == SCALE:
        return tr("one of its map units is {scale} metres on the ground there (scale factor), so its "
                  "distances are not metres on the ground").format(scale=f"{1.0 / scale:.4g}")
    return tr("its units are not metres")


def metric_reason(lon: float, lat: float) -> str:
    """Why the core rule chose its CRS for a point in degrees (for a log line)."""
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return tr("the data cannot be placed on the earth (RD New by default)")
    return reason_text(choose_metric_crs(lon, lat)[1])


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
        # one point as floats: pyproj tries its point function first, and numpy >= 1.25 deprecates
        # making a float of a one-element array
        tx, ty = transformer.transform(x, y) if n != 1 else transformer.transform(float(x[0]), float(y[0]))
        tx, ty = np.atleast_1d(np.asarray(tx, dtype=np.float64)), np.atleast_1d(np.asarray(ty, dtype=np.float64))
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


def measuring_crs(source, layer_name: str, transform_context, log, require_metres: bool = False
                  ) -> Tuple[QgsCoordinateReferenceSystem, Optional[QgsCoordinateTransform], float]:
    """For a feature source whose distances an algorithm measures: ``(working CRS, transform from
    the source to it or None, metres per map unit of the working CRS)``, by :func:`working_crs`.

    Refuses a source without a CRS; *log* (a callable taking one text) receives the log line when
    the data are reprojected.
    """
    require_crs(source.sourceCrs(), layer_name)
    crs, text = working_crs(source.sourceCrs(), source.sourceExtent(), transform_context, layer_name,
                            require_metres)
    if text is None:
        return crs, None, metres_per_unit(crs)
    log(text)
    return crs, QgsCoordinateTransform(source.sourceCrs(), crs, transform_context), metres_per_unit(crs)


def search_reach(crs: QgsCoordinateReferenceSystem, extent: Optional[QgsRectangle], metres: float,
                 transform_context) -> float:
    """A distance in *crs*'s map units that covers at least *metres* on the ground near *extent*
    (for a bounding-box search before exact distances are measured in the working CRS)."""
    centre = extent.center() if extent is not None and not extent.isNull() else None
    if crs.isGeographic():
        lat = abs(lon_lat(centre, crs, transform_context)[1]) if centre is not None else 60.0
        return metres / (110_000.0 * max(0.05, math.cos(math.radians(min(89.0, lat + 1.0)))))
    scale = point_scale(crs, centre, transform_context) if centre is not None else math.nan
    scale = scale if math.isfinite(scale) else 1.0
    return metres * max(scale, 1.0) * 1.05 / metres_per_unit(crs)


def units_note(crs: QgsCoordinateReferenceSystem, unit: float) -> str:
    """A log line: the GeoPackage's map units are not metres, distances are converted."""
    return tr("The GeoPackage is in {crs}, whose map unit is {unit} m: distances given in metres are "
              "converted to its units, and lengths and areas back to metres.").format(
                  crs=crs_name(crs), unit=f"{unit:.6g}")


def require_metric_gpkg(crs: QgsCoordinateReferenceSystem, extent: Optional[QgsRectangle], transform_context,
                        path: str, what: str) -> float:
    """The factor from the safety GeoPackage's map units to metres; refuses a GeoPackage whose CRS
    fails the one rule at its data (*extent*, in *crs*): in degrees, or scale off by more than 1 %.

    A GeoPackage in feet is accepted: *what* (the algorithm) converts its distances with the factor.
    The message names the CRS to use, by the rule at the data's centre.
    """
    why, scale, centre = assess(crs, extent, transform_context)
    if why is None:
        return metres_per_unit(crs)
    out = metric_crs_for(extent, crs, transform_context)
    raise QgsProcessingException(tr(
        "The GeoPackage {path} is in {crs}, and {cause}; {what} measures distances in metres on the "
        "ground. Make a safety GeoPackage in {out} ({out_name}) with 'Create safety GeoPackage' and "
        "import the data into it.").format(
            path=path, crs=crs_name(crs), cause=cause_text(why, scale), what=what, out=out.authid(),
            out_name=out.description()))


def new_gpkg_crs(crs: QgsCoordinateReferenceSystem, municipality: str, transform_context
                 ) -> Tuple[QgsCoordinateReferenceSystem, Optional[str]]:
    """The CRS of a new safety GeoPackage by the one rule, and a log line when it is not *crs*.

    The data's place: the municipality's code (CBS GM0344: the Netherlands; NIS 44021: Belgium), else
    the centre of the CRS's area of use when that is local (at most 20 degrees across). *crs* is
    kept when it is projected and its scale there (or, with no place known, at the centre and the
    corners of its area of use) is within 1 % of 1; a CRS in feet is kept (distances are converted).
    Otherwise the GeoPackage gets RD New, Belgian Lambert 2008 or the UTM zone of the place; with no
    place known the choice is refused with a message.
    """
    bounds = crs.bounds()
    box = None if bounds.isNull() else (bounds.xMinimum(), bounds.yMinimum(), bounds.xMaximum(), bounds.yMaximum())
    place = municipality_location(municipality)
    from_code = place is not None
    if place is None:
        place = area_of_use_location(box)
    why = GEOGRAPHIC if crs.isGeographic() else None
    worst = math.nan
    if why is None:
        samples = [place] if place is not None else (sample_points(box) if box is not None else [])
        wgs84 = QgsCoordinateReferenceSystem(WGS84)
        for lon, lat in samples:
            try:
                p = QgsCoordinateTransform(wgs84, crs, transform_context).transform(QgsPointXY(lon, lat))
            except QgsCsException:
                continue
            scale = point_scale(crs, p, transform_context)
            if math.isfinite(scale) and not (math.isfinite(worst) and abs(worst - 1.0) >= abs(scale - 1.0)):
                worst = scale
        why = needs_metric_crs(False, worst)
    if why is None:
        return crs, None
    cause = tr("it is a geographic CRS, in degrees") if why == GEOGRAPHIC else cause_text(why, worst) if (
        place is not None) else tr(
        "its scale factor in its area of use reaches {scale}, so its distances are not metres on the "
        "ground").format(scale=f"{worst:.4g}")
    if place is None:
        raise QgsProcessingException(tr(
            "The safety GeoPackage cannot be made in {crs}: {cause}. Choose a projected CRS in metres for "
            "the municipality's area: RD New (EPSG:28992) in the Netherlands, Belgian Lambert 2008 "
            "(EPSG:3812) in Belgium or the local UTM zone; or give the municipality's code (CBS code such as "
            "GM0344, or NIS code such as 44021) so that the CRS can be chosen.").format(
                crs=crs_name(crs), cause=cause))
    out = metric_crs_at(*place)[0]
    where = tr("the municipality code {code}").format(code=municipality.strip()) if from_code else tr(
        "the centre of the area of use of {crs}").format(crs=crs_name(crs))
    return out, tr(
        "{crs} was chosen, but {cause}: the safety GeoPackage is made in {out} ({out_name}) instead, the "
        "CRS for distances in metres at the place given by {where}.").format(
            crs=crs_name(crs), cause=cause, out=out.authid(), out_name=out.description(), where=where)
