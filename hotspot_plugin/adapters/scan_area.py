"""The QGIS side of the environment scan's area: the GeoPackage's CRS, polygons from a layer or WKT,
a circle around a point, all in the GeoPackage's CRS as shapely geometries."""
from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
)
from shapely import wkt as shapely_wkt
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

from ..core.scan_geometry import polygon_parts
from ..i18n import tr
from .geometry import to_shapely


def scan_crs(path: str, crs_text: str) -> QgsCoordinateReferenceSystem:
    """The CRS of the safety GeoPackage at *path* (authid or WKT *crs_text*); whether it measures
    metres on the ground is checked by ``adapters.crs.require_metric_gpkg``."""
    crs = QgsCoordinateReferenceSystem(crs_text)
    if not crs.isValid():
        crs = QgsCoordinateReferenceSystem.fromWkt(crs_text)
    if not crs.isValid():
        raise QgsProcessingException(
            tr("The coordinate reference system of the GeoPackage {path} is not known to QGIS.").format(
                path=path
            )
        )
    return crs


def polygons_of(source, crs: QgsCoordinateReferenceSystem, transform_context, what: str) -> BaseGeometry:
    """The union of the polygons of a feature source, in *crs*; *what* names the layer in messages.

    Every feature must be a valid polygon (or empty); at least one must have a surface.
    """
    transform = None
    if source.sourceCrs().isValid() and source.sourceCrs() != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, transform_context)
    parts: List[Polygon] = []
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            continue
        if transform is not None:
            try:
                geometry.transform(transform)
            except QgsCsException:
                raise QgsProcessingException(
                    tr("The {what} cannot be converted to the GeoPackage's CRS {crs}.").format(
                        what=what, crs=crs.authid()
                    )
                ) from None
        geom = to_shapely(geometry)
        # not empty (skipped above), so None means that GEOS could not read it
        reason = tr("the geometry cannot be read") if geom is None else (
            None if geom.is_valid else explain_validity(geom)
        )
        if reason is not None:
            raise QgsProcessingException(
                tr(
                    "Feature {fid} of the {what} is not a valid polygon ({reason}). Repair it, for "
                    "example with 'Fix geometries', and try again."
                ).format(fid=feature.id(), what=what, reason=reason)
            )
        parts.extend(polygon_parts(geom))
    if not parts:
        raise QgsProcessingException(
            tr("The {what} has no polygon features (or none of them is selected).").format(what=what)
        )
    return unary_union(parts)


def polygon_of_wkt(text: str) -> BaseGeometry:
    """The scan area given as WKT (AREA_WKT): its polygons, which must be valid."""
    geometry = QgsGeometry.fromWkt(text)
    geom = None if geometry.isNull() else to_shapely(geometry)
    if geom is None:
        try:
            geom = shapely_wkt.loads(text)
        except Exception:  # noqa: BLE001 - any unreadable text
            geom = None
    if geom is None or geom.is_empty:
        raise QgsProcessingException(
            tr(
                "The scan area (AREA_WKT) cannot be read as a polygon: {text}. Give a polygon in WKT "
                "in the GeoPackage's CRS, for example POLYGON((152900 442900, 153100 442900, "
                "153100 443100, 152900 443100, 152900 442900))."
            ).format(text=text[:80])
        )
    if not polygon_parts(geom):
        raise QgsProcessingException(
            tr("The scan area (AREA_WKT) is a {kind}, not a polygon.").format(kind=geom.geom_type)
        )
    if not geom.is_valid:
        raise QgsProcessingException(
            tr(
                "The scan area (AREA_WKT) is not a valid polygon ({reason}). Draw it again without "
                "crossing edges."
            ).format(reason=explain_validity(geom))
        )
    return unary_union(polygon_parts(geom))


def refuse_swapped_degrees(point: QgsPointXY, point_crs: Optional[QgsCoordinateReferenceSystem],
                           crs: QgsCoordinateReferenceSystem, extent: Optional[Tuple[float, float, float, float]],
                           transform_context) -> None:
    """Refuse a point in degrees written latitude first ('52.1,5.1 [EPSG:4326]'): QGIS reads x, the
    longitude, first. Only when the point as given lies away from the data (*extent*, in *crs*)
    and the swapped one lies in it; *point* is as given, in *point_crs*."""
    if point_crs is None or not point_crs.isValid() or not point_crs.isGeographic() or extent is None:
        return

    def inside(p: QgsPointXY) -> bool:
        try:
            q = QgsCoordinateTransform(point_crs, crs, transform_context).transform(p)
        except QgsCsException:
            return False
        margin = max(extent[2] - extent[0], extent[3] - extent[1], 1.0)
        return (extent[0] - margin <= q.x() <= extent[2] + margin
                and extent[1] - margin <= q.y() <= extent[3] + margin)

    swapped = QgsPointXY(point.y(), point.x())
    if not inside(point) and inside(swapped):
        raise QgsProcessingException(
            tr(
                "The point {x},{y} [{crs}] lies far from the data: a point in degrees is written with the "
                "longitude first. Did you mean '{y},{x} [{crs}]'?"
            ).format(x=f"{point.x():g}", y=f"{point.y():g}", crs=point_crs.authid())
        )


def checked_point(
    point: QgsPointXY, point_crs: Optional[QgsCoordinateReferenceSystem], crs: QgsCoordinateReferenceSystem
) -> Tuple[float, float, Optional[str]]:
    """The centre point (already in *crs*) as x, y, and a note when it was converted from another CRS.

    A point without its own CRS that looks like degrees is refused: the GeoPackage is in metres.
    """
    if point_crs is not None and point_crs.isValid() and point_crs != crs:
        return point.x(), point.y(), tr(
            "The point was converted from {source} to the GeoPackage's CRS {target}."
        ).format(source=point_crs.authid(), target=crs.authid())
    if abs(point.x()) <= 180 and abs(point.y()) <= 90:
        raise QgsProcessingException(
            tr(
                "The point ({x}, {y}) looks like longitude and latitude in degrees, but the "
                "GeoPackage is in {crs} (metres). Give the point in {crs}, or add its CRS, for "
                "example '{x},{y} [EPSG:4326]'."
            ).format(x=point.x(), y=point.y(), crs=crs.authid())
        )
    return point.x(), point.y(), None
