"""Writing the field GeoPackage: schouw points, an empty findings layer, route, area, streets, metadata."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Sequence, Tuple

from osgeo import ogr, osr
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ...core import schema
from ...paths import plugin_version
from .. import gpkg
from .common import AREA_LAYER, META_TABLE, ROUTE_LAYER, STREETS_LAYER
from .points import PointRow

ogr.UseExceptions()
osr.UseExceptions()

@dataclass
class RouteLeg:
    """One leg of the walk (a line from one stop to the next; seq 0 is a separate start)."""

    geometry: LineString
    leg: int
    from_seq: int
    to_seq: int
    length_m: float
    walk_minutes: float


@dataclass
class PackageInfo:
    """What the field package is about (stored in its metadata table)."""

    scan_uuid: str
    reference: str
    title: str
    epsg: int
    srs_wkt: str
    area: Optional[BaseGeometry] = None
    length_m: Optional[float] = None
    minutes: Optional[float] = None
    walk_minutes: Optional[float] = None
    created_at: str = ""
    source_gpkg: str = ""

    def meta(self) -> Dict[str, str]:
        return {
            "kind": "hotspot-schouw-package",
            "format": "1",
            "scan_uuid": self.scan_uuid,
            "reference": self.reference,
            "title": self.title,
            "epsg": str(self.epsg),
            "length_m": "" if self.length_m is None else f"{self.length_m:.1f}",
            "minutes": "" if self.minutes is None else f"{self.minutes:.1f}",
            "walk_minutes": "" if self.walk_minutes is None else f"{self.walk_minutes:.1f}",
            "created_at": self.created_at or gpkg.now_iso(),
            "source_gpkg": Path(self.source_gpkg).name,
            "plugin_version": plugin_version(),
        }




def _srs(info: PackageInfo) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    if info.epsg:
        srs.ImportFromEPSG(int(info.epsg))
    else:
        srs.ImportFromWkt(info.srs_wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _ogr_geometry(geom: BaseGeometry) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkb(geom.wkb)


def package_findings_count(gpkg_path: str) -> int:
    """Findings in an existing field GeoPackage (0 when it has none or is not readable)."""
    try:
        con = gpkg.connect_file(gpkg_path, "ro")
        try:
            return int(con.execute(f'SELECT count(*) FROM "{schema.SCHOUW_FINDINGS}"').fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def write_field_gpkg(
    path: str,
    info: PackageInfo,
    points: Sequence[PointRow],
    legs: Sequence[RouteLeg],
    streets: Sequence[Tuple[BaseGeometry, str, str]] = (),
) -> str:
    """Write the field GeoPackage (built beside *path* and moved into place); returns *path*."""
    target = Path(path)
    tmp = target.with_name(f".{target.stem}-{uuidlib.uuid4().hex[:8]}.gpkg")
    srs = _srs(info)
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
        try:
            _write_layers(ds, srs, info, points, legs, streets)
        finally:
            ds = None  # noqa: F841 - closes the file
        os.replace(tmp, target)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(str(tmp) + suffix)
    return str(target)


def _write_layers(
    ds,
    srs,
    info: PackageInfo,
    points: Sequence[PointRow],
    legs: Sequence[RouteLeg],
    streets: Sequence[Tuple[BaseGeometry, str, str]],
) -> None:
    opts = ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"]
    findings_def = schema.LAYER_BY_NAME[schema.SCHOUW_FINDINGS]
    lyr = ds.CreateLayer(
        schema.SCHOUW_FINDINGS,
        srs,
        ogr.wkbPoint,
        opts + [f"IDENTIFIER={findings_def.title_nl}", f"DESCRIPTION={findings_def.title_en}"],
    )
    gpkg.create_fields(lyr, findings_def)

    points_def = schema.LAYER_BY_NAME[schema.SCHOUW_POINTS]
    plyr = ds.CreateLayer(
        schema.SCHOUW_POINTS,
        srs,
        ogr.wkbPoint,
        opts + [f"IDENTIFIER={points_def.title_nl}", f"DESCRIPTION={points_def.title_en}"],
    )
    gpkg.create_fields(plyr, points_def, constraints=False)
    plyr.CreateField(ogr.FieldDefn("title", ogr.OFTString))
    ds.StartTransaction()
    for p in sorted(points, key=lambda r: r.seq):
        feat = ogr.Feature(plyr.GetLayerDefn())
        for name, value in (
            ("uuid", p.uuid),
            ("scan_uuid", p.scan_uuid or info.scan_uuid),
            ("seq", int(p.seq)),
            ("reason", p.reason),
            ("reason_kind", p.reason_kind),
            ("label", p.label),
            ("title", f"{p.seq}. {p.label}"),
        ):
            feat.SetField(name, value)
        feat.SetGeometry(_ogr_geometry(Point(p.x, p.y)))
        plyr.CreateFeature(feat)
    ds.CommitTransaction()

    rlyr = ds.CreateLayer(
        ROUTE_LAYER, srs, ogr.wkbLineString, opts + ["IDENTIFIER=Schouwroute", "DESCRIPTION=Inspection walk"]
    )
    for name, kind in (
        ("leg", ogr.OFTInteger),
        ("from_seq", ogr.OFTInteger),
        ("to_seq", ogr.OFTInteger),
        ("length_m", ogr.OFTReal),
        ("walk_minutes", ogr.OFTReal),
    ):
        rlyr.CreateField(ogr.FieldDefn(name, kind))
    ds.StartTransaction()
    for leg in legs:
        feat = ogr.Feature(rlyr.GetLayerDefn())
        feat.SetField("leg", int(leg.leg))
        feat.SetField("from_seq", int(leg.from_seq))
        feat.SetField("to_seq", int(leg.to_seq))
        feat.SetField("length_m", float(leg.length_m))
        feat.SetField("walk_minutes", float(leg.walk_minutes))
        feat.SetGeometry(_ogr_geometry(leg.geometry))
        rlyr.CreateFeature(feat)
    ds.CommitTransaction()

    alyr = ds.CreateLayer(
        AREA_LAYER,
        srs,
        ogr.wkbMultiPolygon,
        opts + ["IDENTIFIER=Schouwgebied", "DESCRIPTION=Inspection area"],
    )
    for name in ("reference", "title"):
        alyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    if info.area is not None and not info.area.is_empty:
        area = (
            info.area
            if isinstance(info.area, MultiPolygon)
            else MultiPolygon(
                [info.area]
                if isinstance(info.area, Polygon)
                else [g for g in getattr(info.area, "geoms", []) if isinstance(g, Polygon)]
            )
        )
        feat = ogr.Feature(alyr.GetLayerDefn())
        feat.SetField("reference", info.reference)
        feat.SetField("title", info.title)
        feat.SetGeometry(_ogr_geometry(area))
        alyr.CreateFeature(feat)

    slyr = ds.CreateLayer(
        STREETS_LAYER, srs, ogr.wkbMultiLineString, opts + ["IDENTIFIER=Straten", "DESCRIPTION=Streets"]
    )
    for name in ("name", "kind"):
        slyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    ds.StartTransaction()
    for geom, name, kind in streets:
        feat = ogr.Feature(slyr.GetLayerDefn())
        feat.SetField("name", name)
        feat.SetField("kind", kind)
        g = _ogr_geometry(geom)
        feat.SetGeometry(ogr.ForceToMultiLineString(g))
        slyr.CreateFeature(feat)
    ds.CommitTransaction()

    meta = ds.CreateLayer(META_TABLE, None, ogr.wkbNone, ["FID=fid", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES"])
    meta.CreateField(ogr.FieldDefn("key", ogr.OFTString))
    meta.CreateField(ogr.FieldDefn("value", ogr.OFTString))
    ds.StartTransaction()
    for key, value in info.meta().items():
        feat = ogr.Feature(meta.GetLayerDefn())
        feat.SetField("key", key)
        feat.SetField("value", value)
        meta.CreateFeature(feat)
    ds.CommitTransaction()

