"""Buurtschouw data on disk: schouw points in the safety GeoPackage, the field package, and the way back.

* :func:`save_points` / :func:`read_points`: the schouw points of a scan in the safety GeoPackage.
* :func:`write_field_gpkg` and :func:`write_field_project`: the folder that goes to the field: a
  GeoPackage (schouw points, an empty findings layer with the schema's fields, the route, the
  area, the streets around it) and a QGIS project with relative paths whose findings form works
  in QField and Mergin Maps (value maps, default values, photo widget under ``DCIM/``).
* :func:`read_package` and :func:`merge_findings`: the returned findings (and photos) into the
  safety GeoPackage.

Merge rule (the three-way rule of every sync tool)
--------------------------------------------------
Findings are matched by ``uuid``. At every import the table ``hotspot_schouw_sync`` of the safety
GeoPackage records, per finding, a fingerprint of its content as it came from the field and as
it was stored in the office. The content is: checklist item, severity, dagdeel, description,
photo (file name, and whether the file exists), action, owner, due date, status, observed at,
point, location (mm). ``updated_at`` is not content: a newer time with the same content changes
nothing. At the next import, per finding of the package:

* not in the office yet: **added** (photo copied), unless it was imported before and then
  deleted in the office: that is respected (skipped, or a **conflict** when the field changed it
  since);
* field content unchanged since the last import: **unchanged** (office edits stay);
* changed in the field, not in the office: **updated** from the field;
* changed in both: a **conflict**, reported and not overwritten -- unless both now hold the
  same content. Without a record of an earlier import (a finding with the same uuid made in
  the office) a difference is a conflict too.

Findings deleted in the field are not deleted in the office. Everything happens in one
transaction; photos are copied into the folder "schouwfoto's/<scan reference>" beside the safety
GeoPackage (relative paths stored), and removed again when the transaction fails. A package that
is not a GeoPackage, lacks the findings layer or one of its fields, or holds an unreadable row
changes nothing.
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import json
import os
import shutil
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from osgeo import ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..core import schema
from ..core.errors import InputError
from ..core.gpkg_blob import blob_wkb, point_blob
from ..core.i18n import N_
from ..core.parsing import gpkg_datetime, parse_datetime
from ..core.progress import Monitor, ensure
from ..core.schouw import Checklist
from ..paths import plugin_version
from . import gpkg

ogr.UseExceptions()
osr.UseExceptions()

ROUTE_LAYER = "schouw_route"
AREA_LAYER = "schouw_area"
STREETS_LAYER = "streets"
META_TABLE = "hotspot_schouw_package"
SYNC_TABLE = "hotspot_schouw_sync"
PHOTO_FOLDER = "DCIM"
OFFICE_PHOTO_FOLDER = "schouwfoto's"
#: Existing points of a scan closer than this (m) to a new one keep their uuid.
SAME_POINT_DISTANCE = 0.5
#: QField's default attachment name (a time stamp under DCIM/).
QFIELD_PHOTO_NAME = "'DCIM/' || format_date(now(), 'yyyyMMddhhmmsszzz') || '.{extension}'"
#: Day parts by the hour of now(), as core.scan.DAGDELEN_HOURS defines them.
DAGDEEL_EXPRESSION = (
    "CASE WHEN hour(now()) >= 7 AND hour(now()) < 19 THEN 'dag' "
    "WHEN hour(now()) >= 19 AND hour(now()) < 23 THEN 'avond' ELSE 'nacht' END"
)
FINDING_FIELDS = tuple(f.name for f in schema.LAYER_BY_NAME[schema.SCHOUW_FINDINGS].fields)
CONTENT_FIELDS = (
    "checklist_item",
    "severity",
    "dagdeel",
    "description",
    "photo",
    "action",
    "owner",
    "due_date",
    "status",
    "observed_at",
    "point_uuid",
)
STATUSES = ("open", "in_behandeling", "afgehandeld")


# ------------------------------------------------------------------------------ schouw points


@dataclass
class PointRow:
    """One schouw point (coordinates in the GeoPackage's CRS)."""

    seq: int
    x: float
    y: float
    reason: str
    reason_kind: str
    label: str
    uuid: str = ""
    scan_uuid: str = ""


def save_points(
    path: str, scan_uuid: str, points: Sequence[PointRow], area: Optional[BaseGeometry] = None
) -> List[PointRow]:
    """Replace the schouw points of *scan_uuid* by *points* in one transaction; returns them with uuids.

    A new point within :data:`SAME_POINT_DISTANCE` of an existing point of the scan keeps that
    point's uuid, so findings linked to it stay linked. Without a scan (empty *scan_uuid*) the
    unlinked points inside *area* are replaced.
    """
    con = gpkg.connect(path, write=True)
    table = schema.SCHOUW_POINTS
    try:
        sid = gpkg.srs_id(con, table)
        with gpkg.transaction(con, path):
            if scan_uuid:
                old = con.execute(
                    f'SELECT fid, uuid, geom FROM "{table}" WHERE scan_uuid = ?', (scan_uuid,)
                ).fetchall()
            else:
                old = con.execute(
                    f'SELECT fid, uuid, geom FROM "{table}" WHERE scan_uuid IS NULL OR ' f"scan_uuid = ''"
                ).fetchall()
            existing = []
            for fid, uid, blob in old:
                geom = _geometry(blob)
                if not scan_uuid and (area is None or geom is None or not area.buffer(0.001).covers(geom)):
                    continue
                existing.append((fid, uid, geom))
            taken = set()
            for p in points:
                p.scan_uuid = scan_uuid or ""
                if not p.uuid:
                    for _fid, uid, geom in existing:
                        if (
                            uid not in taken
                            and geom is not None
                            and geom.distance(Point(p.x, p.y)) <= SAME_POINT_DISTANCE
                        ):
                            p.uuid = uid
                            break
                p.uuid = p.uuid or str(uuidlib.uuid4())
                taken.add(p.uuid)
            for fid, _uid, _geom in existing:
                con.execute(f'DELETE FROM "{table}" WHERE fid = ?', (fid,))
            rows = [
                (
                    point_blob(p.x, p.y, sid),
                    p.uuid,
                    scan_uuid or None,
                    int(p.seq),
                    p.reason,
                    p.reason_kind,
                    p.label,
                )
                for p in points
            ]
            gpkg.insert_rows(
                con, table, ("geom", "uuid", "scan_uuid", "seq", "reason", "reason_kind", "label"), rows
            )
            gpkg.refresh_contents(con, table)
    finally:
        con.close()
    return list(points)


def read_points(path: str, scan_uuid: str = "") -> List[PointRow]:
    """The schouw points of a scan (the unlinked ones for an empty *scan_uuid*), by sequence number."""
    con = gpkg.connect(path)
    try:
        sql = f'SELECT geom, seq, reason, reason_kind, label, uuid, scan_uuid FROM "{schema.SCHOUW_POINTS}" '
        if scan_uuid:
            rows = con.execute(sql + "WHERE scan_uuid = ? ORDER BY seq, fid", (scan_uuid,)).fetchall()
        else:
            rows = con.execute(sql + "WHERE scan_uuid IS NULL OR scan_uuid = '' ORDER BY seq, fid").fetchall()
    finally:
        con.close()
    out = []
    for blob, seq, reason, kind, label, uid, suid in rows:
        geom = _geometry(blob)
        if geom is None or geom.is_empty:
            continue
        pt = geom if isinstance(geom, Point) else geom.representative_point()
        out.append(
            PointRow(int(seq or 0), pt.x, pt.y, reason or "", kind or "", label or "", uid or "", suid or "")
        )
    return out


def _geometry(blob: Optional[bytes]) -> Optional[BaseGeometry]:
    raw = blob_wkb(blob) if blob is not None else None
    if not raw:
        return None
    try:
        return shapely_wkb.loads(raw)
    except Exception:  # noqa: BLE001 - shapely raises several kinds for bad WKB
        return None


def crs_epsg(path: str, table: str = schema.SCHOUW_POINTS) -> Tuple[int, str]:
    """(EPSG code or 0, WKT definition) of a layer of a GeoPackage."""
    con = gpkg.connect(path)
    try:
        sid = gpkg.srs_id(con, table)
        row = con.execute(
            "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
            "WHERE srs_id = ?",
            (sid,),
        ).fetchone()
    finally:
        con.close()
    if row is None:
        return 0, ""
    epsg = int(row[1]) if str(row[0]).upper() == "EPSG" else 0
    return epsg, row[2] or ""


def read_streets(path: str, bbox: Tuple[float, float, float, float]) -> List[Tuple[BaseGeometry, str, str]]:
    """(geometry, name, kind) of the streets whose bounding box meets *bbox* (minx, miny, maxx, maxy)."""
    con = gpkg.connect(path)
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
        if schema.STREETS not in names:
            return []
        rtree = f"rtree_{schema.STREETS}_geom"
        has_rtree = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()
        if has_rtree:
            rows = con.execute(
                f'SELECT s.geom, s.name, s.kind FROM "{schema.STREETS}" s JOIN "{rtree}" r '
                f"ON r.id = s.fid WHERE r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ?",
                (bbox[0], bbox[2], bbox[1], bbox[3]),
            ).fetchall()
        else:
            rows = con.execute(f'SELECT geom, name, kind FROM "{schema.STREETS}"').fetchall()
    finally:
        con.close()
    out = []
    for blob, name, kind in rows:
        geom = _geometry(blob)
        if geom is not None and not geom.is_empty:
            out.append((geom, name or "", kind or ""))
    return out


# ------------------------------------------------------------------------------ the field GeoPackage


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
        con = sqlite3.connect(f"file:{Path(gpkg_path)}?mode=ro", uri=True, timeout=2.0)
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


# ------------------------------------------------------------------------------ reading a returned package


@dataclass
class FieldFinding:
    """One finding read from a field package; ``values`` holds the schema fields as text (or None)."""

    uuid: str
    x: float
    y: float
    values: Dict[str, Optional[str]]
    photo_file: Optional[Path] = None


@dataclass
class FieldPackage:
    """A returned field package: where it is, its metadata and its findings."""

    gpkg_path: Path
    folder: Path
    meta: Dict[str, str]
    epsg: int
    findings: List[FieldFinding]


def find_package_gpkg(path: str) -> Path:
    """The field GeoPackage of a package given as its folder, its project or its GeoPackage."""
    p = Path(path or "")
    if not path or not p.exists():
        raise InputError(N_("The schouw package {path} does not exist."), path=str(path))
    if p.is_dir():
        candidates = sorted(q for q in p.glob("*.gpkg") if not q.name.startswith("."))
        with_findings = [q for q in candidates if _has_table(q, schema.SCHOUW_FINDINGS)]
        if len(with_findings) == 1:
            return with_findings[0]
        if not with_findings:
            raise InputError(
                N_(
                    "The folder {path} holds no GeoPackage with a layer {layer}. Choose the folder "
                    "of a schouw package or its GeoPackage."
                ),
                path=str(p),
                layer=schema.SCHOUW_FINDINGS,
            )
        raise InputError(
            N_(
                "The folder {path} holds several GeoPackages with schouw findings ({names}); choose "
                "one of them."
            ),
            path=str(p),
            names=", ".join(q.name for q in with_findings),
        )
    if p.suffix.lower() in (".qgs", ".qgz"):
        return find_package_gpkg(str(p.parent))
    return p


def _has_table(path: Path, table: str) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2.0)
        try:
            return (
                con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (table,)).fetchone()
                is not None
            )
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _text_value(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, bytes):
        raise ValueError("binary")
    text = str(value).strip()
    return text or None


def read_package(path: str, monitor: Optional[Monitor] = None) -> FieldPackage:
    """Read and check a returned field package; raises InputError (nothing read half) when it is damaged."""
    monitor = ensure(monitor)
    gpkg_path = find_package_gpkg(path)
    try:
        con = sqlite3.connect(f"file:{gpkg_path}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error:
        raise InputError(
            N_("{path} is not a GeoPackage: the schouw package is damaged. Nothing was imported."),
            path=str(gpkg_path),
        ) from None
    try:
        try:
            names = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
        except sqlite3.DatabaseError:
            raise InputError(
                N_("{path} is not a GeoPackage: the schouw package is damaged. Nothing was imported."),
                path=str(gpkg_path),
            ) from None
        if schema.SCHOUW_FINDINGS not in names:
            raise InputError(
                N_(
                    "The GeoPackage {path} has no layer {layer}: it is not a schouw package or it is "
                    "damaged. Nothing was imported."
                ),
                path=str(gpkg_path),
                layer=schema.SCHOUW_FINDINGS,
            )
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{schema.SCHOUW_FINDINGS}")')]
        missing = [f for f in FINDING_FIELDS if f not in columns]
        geom_row = con.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
            (schema.SCHOUW_FINDINGS,),
        ).fetchone()
        if missing or geom_row is None:
            raise InputError(
                N_(
                    "The layer {layer} in {path} lacks the field(s) {fields}: the schouw package is "
                    "damaged. Nothing was imported."
                ),
                layer=schema.SCHOUW_FINDINGS,
                path=str(gpkg_path),
                fields=", ".join(missing) or "geom",
            )
        geom_col, srs_id = geom_row
        srs = con.execute(
            "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
            (srs_id,),
        ).fetchone()
        epsg = int(srs[1]) if srs and str(srs[0]).upper() == "EPSG" else 0
        meta: Dict[str, str] = {}
        if META_TABLE in names:
            with contextlib.suppress(sqlite3.Error):
                meta = {
                    str(k): str(v or "") for k, v in con.execute(f'SELECT key, value FROM "{META_TABLE}"')
                }
        cols = ", ".join(f'"{c}"' for c in FINDING_FIELDS)
        try:
            rows = con.execute(
                f'SELECT fid, "{geom_col}", {cols} FROM "{schema.SCHOUW_FINDINGS}" ORDER BY fid'
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise InputError(
                N_(
                    "The findings in {path} cannot be read ({error}): the schouw package is damaged. "
                    "Nothing was imported."
                ),
                path=str(gpkg_path),
                error=str(exc),
            ) from None
        point_xy: Dict[str, Tuple[float, float]] = {}
        if schema.SCHOUW_POINTS in names:
            with contextlib.suppress(sqlite3.Error):
                for uid, blob in con.execute(f'SELECT uuid, geom FROM "{schema.SCHOUW_POINTS}"'):
                    g = _geometry(blob)
                    if uid and isinstance(g, Point):
                        point_xy[str(uid)] = (g.x, g.y)
    finally:
        con.close()
    findings: List[FieldFinding] = []
    seen = set()
    for k, row in enumerate(rows):
        if k % 500 == 0:
            monitor.check()
        fid, blob = row[0], row[1]
        try:
            values = {name: _text_value(v) for name, v in zip(FINDING_FIELDS, row[2:])}
        except ValueError:
            raise _bad_row(gpkg_path, fid, N_("a field holds binary data")) from None
        uid = (values.get("uuid") or "").strip("{}").lower()
        try:
            uuidlib.UUID(uid)
        except ValueError:
            raise _bad_row(gpkg_path, fid, N_("it has no valid uuid")) from None
        if uid in seen:
            raise _bad_row(gpkg_path, fid, N_("its uuid occurs twice")) from None
        seen.add(uid)
        values["uuid"] = uid
        geom = _geometry(blob) if blob is not None else None
        if isinstance(geom, Point) and not geom.is_empty:
            x, y = geom.x, geom.y
        elif blob is None and values.get("point_uuid") in point_xy:
            x, y = point_xy[values["point_uuid"]]
        else:
            raise _bad_row(gpkg_path, fid, N_("its location cannot be read")) from None
        _normalise(values, gpkg_path, fid)
        photo_file = _photo_file(values.get("photo"), gpkg_path.parent)
        findings.append(FieldFinding(uid, float(x), float(y), values, photo_file))
    return FieldPackage(gpkg_path, gpkg_path.parent, meta, epsg, findings)


def _bad_row(path: Path, fid: Any, why: str) -> InputError:
    from ..i18n import tr

    why = tr(why)  # a template marked with N_ at the call site
    return InputError(
        N_(
            "Finding {fid} in {path} cannot be read: {why}. The schouw package is damaged; nothing "
            "was imported."
        ),
        fid=fid,
        path=str(path),
        why=why,
    )


def _normalise(values: Dict[str, Optional[str]], path: Path, fid: Any) -> None:
    for name, allowed in (
        ("severity", schema.SEVERITIES),
        ("dagdeel", schema.DAGDELEN),
        ("status", STATUSES),
    ):
        v = values.get(name)
        if v is None:
            continue
        v = v.lower()
        if v not in allowed:
            raise InputError(
                N_(
                    "Finding {fid} in {path} has {field} '{value}'; expected one of {allowed}. The "
                    "schouw package is damaged; nothing was imported."
                ),
                fid=fid,
                path=str(path),
                field=name,
                value=values[name],
                allowed=", ".join(allowed),
            )
        values[name] = v
    for name in ("observed_at", "updated_at"):
        v = values.get(name)
        if v is not None:
            parsed = parse_datetime(v)
            if parsed is None:
                raise InputError(
                    N_(
                        "Finding {fid} in {path} has an unreadable time '{value}' in {field}. The "
                        "schouw package is damaged; nothing was imported."
                    ),
                    fid=fid,
                    path=str(path),
                    value=v,
                    field=name,
                )
            values[name] = gpkg_datetime(parsed)
    v = values.get("due_date")
    if v is not None:
        parsed = parse_datetime(v)
        if parsed is None:
            raise InputError(
                N_(
                    "Finding {fid} in {path} has an unreadable time '{value}' in {field}. The schouw "
                    "package is damaged; nothing was imported."
                ),
                fid=fid,
                path=str(path),
                value=v,
                field="due_date",
            )
        values["due_date"] = parsed.date().isoformat()
    if values.get("photo"):
        values["photo"] = values["photo"].replace("\\", "/")


def _photo_file(photo: Optional[str], folder: Path) -> Optional[Path]:
    if not photo:
        return None
    p = Path(photo)
    candidates = [p] if p.is_absolute() else [folder / p]
    candidates.append(folder / PHOTO_FOLDER / p.name)
    for c in candidates:
        if c.is_file():
            return c
    return None


# ------------------------------------------------------------------------------ merging


@dataclass
class Conflict:
    """A finding that was not imported: what the field and the office hold."""

    uuid: str
    x: float
    y: float
    checklist_item: str
    field_severity: str
    office_severity: str
    field_updated_at: str
    office_updated_at: str
    why: str  # "both" or "deleted_in_office"


@dataclass
class MergeResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: List[Conflict] = field(default_factory=list)
    photos: int = 0
    missing_photos: List[str] = field(default_factory=list)


def _fingerprint(values: Dict[str, Optional[str]], x: float, y: float, photo_exists: bool) -> str:
    content = [values.get(name) or "" for name in CONTENT_FIELDS]
    photo_index = CONTENT_FIELDS.index("photo")
    content[photo_index] = (
        Path(content[photo_index]).name + ("" if photo_exists else "|missing") if content[photo_index] else ""
    )
    content[CONTENT_FIELDS.index("observed_at")] = (content[CONTENT_FIELDS.index("observed_at")] or "")[:19]
    content[CONTENT_FIELDS.index("due_date")] = (content[CONTENT_FIELDS.index("due_date")] or "")[:10]
    content += [f"{x:.3f}", f"{y:.3f}"]
    return hashlib.sha1(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def _office_values(row: Sequence[Any]) -> Dict[str, Optional[str]]:
    values = {name: _text_value(v) for name, v in zip(FINDING_FIELDS, row)}
    for name in ("observed_at", "updated_at"):
        if values.get(name):
            parsed = parse_datetime(values[name])
            values[name] = gpkg_datetime(parsed) if parsed else values[name]
    if values.get("due_date"):
        parsed = parse_datetime(values["due_date"])
        values["due_date"] = parsed.date().isoformat() if parsed else values["due_date"]
    return values


def _photo_target(office_dir: Path, reference: str, source: Path, uid: str) -> Tuple[Path, bool]:
    """Where a photo goes in the office, and whether it must be copied (False: the same file is there)."""
    folder = office_dir / OFFICE_PHOTO_FOLDER / (reference or "zonder-scan")
    target = folder / source.name
    if target.exists():
        if filecmp.cmp(target, source, shallow=False):
            return target, False
        target = folder / f"{source.stem}-{uid[:8]}{source.suffix}"
        if target.exists() and filecmp.cmp(target, source, shallow=False):
            return target, False
    return target, True


def _ensure_sync_table(con: sqlite3.Connection) -> None:
    con.execute(
        f'CREATE TABLE IF NOT EXISTS "{SYNC_TABLE}" (uuid TEXT PRIMARY KEY NOT NULL, field_hash TEXT, '
        f"office_hash TEXT, imported_at TEXT, package TEXT)"
    )


def merge_findings(
    path: str, package: FieldPackage, scan_uuid: str, reference: str = "", monitor: Optional[Monitor] = None
) -> MergeResult:
    """Merge the package's findings into the safety GeoPackage *path* (see the module docstring)."""
    monitor = ensure(monitor)
    office_dir = Path(path).resolve().parent
    result = MergeResult()
    copied: List[Path] = []
    made_dirs: List[Path] = []
    con = gpkg.connect(path, write=True)
    table = schema.SCHOUW_FINDINGS
    try:
        sid = gpkg.srs_id(con, table)
        office_epsg = con.execute(
            "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
            (sid,),
        ).fetchone()
        epsg = int(office_epsg[1]) if office_epsg and str(office_epsg[0]).upper() == "EPSG" else 0
        if package.epsg and epsg and package.epsg != epsg:
            raise InputError(
                N_(
                    "The findings in the package are in EPSG:{field}, the safety GeoPackage in "
                    "EPSG:{office}. Nothing was imported."
                ),
                field=package.epsg,
                office=epsg,
            )
        cols = ", ".join(f'"{c}"' for c in FINDING_FIELDS)
        now = gpkg.now_iso()
        with gpkg.transaction(con, path):
            _ensure_sync_table(con)
            total = max(1, len(package.findings))
            try:
                for k, f in enumerate(package.findings):
                    if k % 50 == 0:
                        monitor.check()
                        monitor.set(100.0 * k / total)
                    _merge_one(
                        con,
                        table,
                        cols,
                        sid,
                        f,
                        scan_uuid,
                        reference,
                        office_dir,
                        now,
                        package,
                        result,
                        copied,
                        made_dirs,
                    )
            except BaseException:
                _remove_copies(copied, made_dirs)
                raise
            gpkg.refresh_contents(con, table)
    except BaseException:
        _remove_copies(copied, made_dirs)
        raise
    finally:
        con.close()
    return result


def _merge_one(
    con,
    table,
    cols,
    sid,
    f: FieldFinding,
    scan_uuid,
    reference,
    office_dir: Path,
    now: str,
    package: FieldPackage,
    result: MergeResult,
    copied: List[Path],
    made_dirs: List[Path],
) -> None:
    field_hash = _fingerprint(f.values, f.x, f.y, f.photo_file is not None)
    office = con.execute(
        f'SELECT fid, geom, {cols} FROM "{table}" WHERE lower(uuid) = ?', (f.uuid,)
    ).fetchone()
    base = con.execute(
        f'SELECT field_hash, office_hash FROM "{SYNC_TABLE}" WHERE uuid = ?', (f.uuid,)
    ).fetchone()
    if f.values.get("photo") and f.photo_file is None and f.values["photo"] not in result.missing_photos:
        result.missing_photos.append(f.values["photo"])
    if office is None:
        if base is not None:
            if base[0] != field_hash:
                result.conflicts.append(
                    Conflict(
                        f.uuid,
                        f.x,
                        f.y,
                        f.values.get("checklist_item") or "",
                        f.values.get("severity") or "",
                        "",
                        f.values.get("updated_at") or "",
                        "",
                        "deleted_in_office",
                    )
                )
            else:
                result.unchanged += 1
            return
        values = _values_for_office(f, scan_uuid, reference, office_dir, now, result, copied, made_dirs)
        names = [n for n in FINDING_FIELDS]
        gpkg.insert_rows(
            con, table, ("geom", *names), [(point_blob(f.x, f.y, sid), *[values.get(n) for n in names])]
        )
        result.added += 1
        _record(con, f.uuid, field_hash, _office_hash(values, f.x, f.y, office_dir), now, package)
        return
    fid, blob = office[0], office[1]
    o_values = _office_values(office[2:])
    geom = _geometry(blob)
    ox, oy = (geom.x, geom.y) if isinstance(geom, Point) else (f.x, f.y)
    office_hash = _office_hash(o_values, ox, oy, office_dir)
    if base is None:
        if office_hash == field_hash:
            result.unchanged += 1
            _record(con, f.uuid, field_hash, office_hash, now, package)
        else:
            result.conflicts.append(_conflict(f, o_values, "both"))
        return
    field_changed = base[0] != field_hash
    office_changed = base[1] != office_hash
    if not field_changed:
        result.unchanged += 1
        return
    if office_changed:
        if office_hash == field_hash:
            result.unchanged += 1
            _record(con, f.uuid, field_hash, office_hash, now, package)
        else:
            result.conflicts.append(_conflict(f, o_values, "both"))
        return
    values = _values_for_office(
        f, scan_uuid or o_values.get("scan_uuid") or "", reference, office_dir, now, result, copied, made_dirs
    )
    names = [n for n in FINDING_FIELDS if n != "uuid"]
    sets = ", ".join(f'"{n}" = ?' for n in names)
    con.execute(
        f'UPDATE "{table}" SET geom = ?, {sets} WHERE fid = ?',
        (point_blob(f.x, f.y, sid), *[values.get(n) for n in names], fid),
    )
    result.updated += 1
    _record(con, f.uuid, field_hash, _office_hash(values, f.x, f.y, office_dir), now, package)


def _office_hash(values: Dict[str, Optional[str]], x: float, y: float, office_dir: Path) -> str:
    photo = values.get("photo")
    exists = bool(photo) and (office_dir / photo).is_file()
    return _fingerprint(values, x, y, exists or not photo)


def _conflict(f: FieldFinding, o_values: Dict[str, Optional[str]], why: str) -> Conflict:
    return Conflict(
        f.uuid,
        f.x,
        f.y,
        f.values.get("checklist_item") or o_values.get("checklist_item") or "",
        f.values.get("severity") or "",
        o_values.get("severity") or "",
        f.values.get("updated_at") or f.values.get("observed_at") or "",
        o_values.get("updated_at") or "",
        why,
    )


def _record(con, uid: str, field_hash: str, office_hash: str, now: str, package: FieldPackage) -> None:
    con.execute(
        f'INSERT OR REPLACE INTO "{SYNC_TABLE}" (uuid, field_hash, office_hash, imported_at, package) '
        f"VALUES (?, ?, ?, ?, ?)",
        (uid, field_hash, office_hash, now, package.gpkg_path.name),
    )


def _values_for_office(
    f: FieldFinding,
    scan_uuid: str,
    reference: str,
    office_dir: Path,
    now: str,
    result: MergeResult,
    copied: List[Path],
    made_dirs: List[Path],
) -> Dict[str, Optional[str]]:
    values = dict(f.values)
    values["uuid"] = f.uuid
    values["scan_uuid"] = scan_uuid or values.get("scan_uuid")
    values["status"] = values.get("status") or "open"
    values["updated_at"] = values.get("updated_at") or values.get("observed_at") or now
    if f.photo_file is not None:
        target, must_copy = _photo_target(office_dir, reference, f.photo_file, f.uuid)
        if must_copy:
            for parent in reversed(target.relative_to(office_dir).parents):
                d = office_dir / parent
                if str(parent) != "." and not d.exists():
                    d.mkdir()
                    made_dirs.append(d)
            shutil.copy2(f.photo_file, target)
            copied.append(target)
            result.photos += 1
        values["photo"] = target.relative_to(office_dir).as_posix()
    elif values.get("photo"):
        values["photo"] = None  # the file did not come back: no path that leads nowhere
    return values


def _remove_copies(copied: List[Path], made_dirs: List[Path]) -> None:
    for p in copied:
        with contextlib.suppress(OSError):
            p.unlink()
    copied.clear()
    for d in reversed(made_dirs):
        with contextlib.suppress(OSError):
            d.rmdir()
    made_dirs.clear()


# ------------------------------------------------------------------------------ the field project (QGIS)


def _lang() -> str:
    from ..i18n import current_translator

    translator = current_translator()
    try:
        return "nl" if translator is not None and translator.language().lower().startswith("nl") else "en"
    except AttributeError:  # pragma: no cover - Qt < 5.15
        return "nl"


def findings_layer_setup(
    layer, checklist: Checklist, scan_uuid: str, points_layer=None, lang: Optional[str] = None
) -> None:
    """Configure the form of a findings layer for QGIS, QField and Mergin Maps (see the module docstring)."""
    from qgis.core import (
        QgsAttributeEditorContainer,
        QgsAttributeEditorField,
        QgsDefaultValue,
        QgsEditFormConfig,
        QgsEditorWidgetSetup,
        QgsFieldConstraints,
    )

    from ..i18n import tr

    lang = lang or _lang()
    fields = layer.fields()

    def idx(name: str) -> int:
        return fields.indexOf(name)

    # Aliases first: in QGIS 3.22 the first setFieldAlias() drops the widget setups made before it.
    aliases = {
        "checklist_item": tr("Checklist item"),
        "severity": tr("Severity"),
        "dagdeel": tr("Part of the day"),
        "description": tr("What do you see?"),
        "photo": tr("Photo"),
        "action": tr("Proposed action"),
        "owner": tr("Who acts"),
        "due_date": tr("Ready by"),
        "status": tr("Status"),
        "point_uuid": tr("Schouw point"),
        "observed_at": tr("Observed at"),
    }
    for name, alias in aliases.items():
        if idx(name) >= 0:
            layer.setFieldAlias(idx(name), alias)

    setups: Dict[str, Tuple[str, Dict[str, Any]]] = {}

    def widget(name: str, kind: str, config: Dict[str, Any]) -> None:
        if idx(name) >= 0:
            setups[name] = (kind, config)
            layer.setEditorWidgetSetup(idx(name), QgsEditorWidgetSetup(kind, config))

    def value_map(pairs: Sequence[Tuple[str, str]]) -> Dict[str, Any]:
        return {"map": [{label: code} for label, code in pairs]}

    widget("checklist_item", "ValueMap", value_map(checklist.value_map(lang)))
    widget(
        "severity",
        "ValueMap",
        value_map(
            [
                (tr("green – in order"), "groen"),
                (tr("orange – needs attention"), "oranje"),
                (tr("red – act now"), "rood"),
            ]
        ),
    )
    widget(
        "dagdeel",
        "ValueMap",
        value_map(
            [
                (tr("day (07–19 h)"), "dag"),
                (tr("evening (19–23 h)"), "avond"),
                (tr("night (23–07 h)"), "nacht"),
            ]
        ),
    )
    widget(
        "status",
        "ValueMap",
        value_map([(tr("open"), "open"), (tr("in progress"), "in_behandeling"), (tr("done"), "afgehandeld")]),
    )
    widget("description", "TextEdit", {"IsMultiline": True, "UseHtml": False})
    widget("action", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    widget("owner", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    widget(
        "photo",
        "ExternalResource",
        {
            "DocumentViewer": 1,
            "DocumentViewerHeight": 0,
            "DocumentViewerWidth": 0,
            "FileWidget": True,
            "FileWidgetButton": True,
            "FileWidgetFilter": "",
            "RelativeStorage": 1,
            "StorageMode": 0,
            "StorageType": "",
            "UseLink": True,
            "FullUrl": True,
            "PropertyCollection": {
                "name": "",
                "type": "collection",
                "properties": {
                    "propertyRootPath": {
                        "active": True,
                        "type": 3,
                        "expression": f"@project_folder || '/{PHOTO_FOLDER}'",
                    }
                },
            },
        },
    )
    widget(
        "due_date",
        "DateTime",
        {
            "allow_null": True,
            "calendar_popup": True,
            "display_format": "dd-MM-yyyy",
            "field_format": "yyyy-MM-dd",
            "field_iso_format": False,
        },
    )
    widget(
        "observed_at",
        "DateTime",
        {
            "allow_null": True,
            "calendar_popup": True,
            "display_format": "dd-MM-yyyy HH:mm",
            "field_format": "yyyy-MM-dd HH:mm:ss",
            "field_iso_format": False,
        },
    )
    for name in ("fid", "uuid", "scan_uuid", "updated_at"):
        widget(name, "Hidden", {})
    if points_layer is not None:
        points_file = Path(points_layer.source().split("|")[0]).name
        widget(
            "point_uuid",
            "ValueRelation",
            {
                "Layer": points_layer.id(),
                "LayerName": points_layer.name(),
                "LayerProviderName": "ogr",
                "LayerSource": f"./{points_file}|layername={schema.SCHOUW_POINTS}",
                "Key": "uuid",
                "Value": "title",
                "AllowNull": True,
                "AllowMulti": False,
                "OrderByValue": False,
                "UseCompleter": False,
                "FilterExpression": "",
                "NofColumns": 1,
                "Description": "reason",
            },
        )
    else:
        widget("point_uuid", "TextEdit", {"IsMultiline": False, "UseHtml": False})

    defaults = {
        "uuid": ("uuid('WithoutBraces')", False),
        "observed_at": ("now()", False),
        "updated_at": ("now()", True),
        "scan_uuid": (_quote(scan_uuid), False),
        "status": ("'open'", False),
        "dagdeel": (DAGDEEL_EXPRESSION, False),
    }
    if points_layer is not None:
        defaults["point_uuid"] = (
            f"array_first(overlay_nearest('{points_layer.id()}', \"uuid\", limit:=1, " f"max_distance:=250))",
            False,
        )
    for name, (expression, on_update) in defaults.items():
        if idx(name) >= 0:
            layer.setDefaultValueDefinition(idx(name), QgsDefaultValue(expression, on_update))

    for name in ("checklist_item", "severity"):
        if idx(name) >= 0:
            layer.setFieldConstraint(
                idx(name),
                QgsFieldConstraints.Constraint.ConstraintNotNull,
                QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard,
            )

    form = layer.editFormConfig()
    form.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    root = form.invisibleRootContainer()
    root.clear()
    for title, names in (
        (tr("Finding"), ("checklist_item", "severity", "dagdeel", "description", "photo")),
        (tr("Who does what"), ("action", "owner", "due_date", "status")),
        (tr("Where and when"), ("point_uuid", "observed_at")),
    ):
        box = QgsAttributeEditorContainer(title, root)
        box.setIsGroupBox(True)
        box.setColumnCount(1)
        for name in names:
            if idx(name) >= 0:
                box.addChildElement(QgsAttributeEditorField(name, idx(name), box))
        root.addChildElement(box)
    layer.setEditFormConfig(form)
    for name, (kind, config) in setups.items():  # make sure nothing above dropped a setup
        if layer.fields().field(name).editorWidgetSetup().type() != kind:
            layer.setEditorWidgetSetup(idx(name), QgsEditorWidgetSetup(kind, config))
    layer.setCustomProperty("QFieldSync/action", "offline")
    layer.setCustomProperty("QFieldSync/cloud_action", "offline")
    naming = json.dumps({"photo": QFIELD_PHOTO_NAME})
    layer.setCustomProperty("QFieldSync/attachment_naming", naming)
    layer.setCustomProperty("QFieldSync/photo_naming", naming)
    layer.setDisplayExpression(
        "coalesce(represent_value(\"checklist_item\"), '') || ' (' || "
        "coalesce(represent_value(\"severity\"), '') || ')'"
    )


def _quote(text: str) -> str:
    return "'" + str(text or "").replace("'", "''") + "'"


def style_layers(layers: Dict[str, Any], point_size: float = 5.0) -> None:
    """Styles of the package's layers (keys: points, findings, route, area, streets), for maps and prints."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMarkerLineSymbolLayer,
        QgsMarkerSymbol,
        QgsPalLayerSettings,
        QgsRendererCategory,
        QgsSimpleMarkerSymbolLayerBase,
        QgsSingleSymbolRenderer,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    from ..i18n import tr
    from .styles import SEVERITY_COLOURS, simple_labels

    points = layers.get("points")
    if points is not None:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": "#1f4e79",
                "size": str(point_size),
                "outline_color": "white",
                "outline_width": "0.5",
            }
        )
        points.setRenderer(QgsSingleSymbolRenderer(symbol))
        settings = QgsPalLayerSettings()
        settings.fieldName = "seq"
        settings.isExpression = False
        settings.placement = QgsPalLayerSettings.Placement.OverPoint
        settings.quadOffset = QgsPalLayerSettings.QuadrantPosition.QuadrantOver
        settings.priority = 10
        settings.displayAll = True
        fmt = QgsTextFormat()
        font = QFont("Sans Serif")
        font.setBold(True)
        fmt.setFont(font)
        fmt.setSize(point_size * 1.6)
        fmt.setColor(QColor("white"))
        settings.setFormat(fmt)
        points.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        points.setLabelsEnabled(True)
    route = layers.get("route")
    if route is not None:
        line = QgsLineSymbol.createSimple(
            {"line_color": "#c0392b", "line_width": "0.9", "capstyle": "round", "joinstyle": "round"}
        )
        line.setOpacity(0.85)
        arrows = QgsMarkerLineSymbolLayer(True, 25)
        arrows.setPlacement(QgsMarkerLineSymbolLayer.Placement.Interval)
        head = QgsMarkerSymbol.createSimple(
            {
                "name": "arrowhead",
                "color": "#c0392b",
                "size": "2.6",
                "outline_color": "#c0392b",
                "outline_width": "0.5",
            }
        )
        head.symbolLayer(0).setShape(QgsSimpleMarkerSymbolLayerBase.Shape.ArrowHead)
        arrows.setSubSymbol(head)
        line.appendSymbolLayer(arrows)
        route.setRenderer(QgsSingleSymbolRenderer(line))
    area = layers.get("area")
    if area is not None:
        area.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {
                        "color": "31,78,121,18",
                        "outline_color": "#1f4e79",
                        "outline_width": "0.7",
                        "outline_style": "dash",
                    }
                )
            )
        )
    streets = layers.get("streets")
    if streets is not None:
        streets.setRenderer(
            QgsSingleSymbolRenderer(
                QgsLineSymbol.createSimple({"line_color": "#bdbdbd", "line_width": "0.5"})
            )
        )
        streets.setLabeling(simple_labels("name", 6.5, "#616161", placement=QgsPalLayerSettings.Placement.Line,
                                          buffer_size=0.6))
        streets.setLabelsEnabled(True)
    findings = layers.get("findings")
    if findings is not None:
        labels = {"groen": tr("green"), "oranje": tr("orange"), "rood": tr("red")}
        categories = []
        for severity, colour in SEVERITY_COLOURS.items():
            symbol = QgsMarkerSymbol.createSimple(
                {
                    "name": "circle",
                    "color": colour,
                    "size": "3.4",
                    "outline_color": "#333333",
                    "outline_width": "0.3",
                }
            )
            categories.append(QgsRendererCategory(severity, symbol, labels[severity]))
        findings.setRenderer(QgsCategorizedSymbolRenderer("severity", categories))


def open_package_layers(gpkg_path: str, prefix: str = "") -> Dict[str, Any]:
    """The package's layers as QgsVectorLayers (keys: findings, points, route, area, streets)."""
    from qgis.core import QgsVectorLayer

    from ..i18n import tr

    names = {
        "findings": (schema.SCHOUW_FINDINGS, tr("Inspection findings")),
        "points": (schema.SCHOUW_POINTS, tr("Inspection points")),
        "route": (ROUTE_LAYER, tr("Inspection walk")),
        "area": (AREA_LAYER, tr("Inspection area")),
        "streets": (STREETS_LAYER, tr("Streets")),
    }
    out = {}
    for key, (layer_name, title) in names.items():
        layer = QgsVectorLayer(gpkg.layer_uri(gpkg_path, layer_name), prefix + title, "ogr")
        if not layer.isValid():
            raise InputError(
                N_("The layer {layer} of {path} cannot be opened."), layer=layer_name, path=gpkg_path
            )
        out[key] = layer
    return out


def write_field_project(
    project_path: str, gpkg_path: str, info: PackageInfo, checklist: Checklist, lang: Optional[str] = None
) -> Dict[str, Any]:
    """Write the field project (relative paths) next to the field GeoPackage; returns the layer ids."""
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsProject,
        QgsReferencedRectangle,
    )

    from ..i18n import tr

    project = QgsProject()
    crs = (
        QgsCoordinateReferenceSystem(f"EPSG:{info.epsg}")
        if info.epsg
        else QgsCoordinateReferenceSystem.fromWkt(info.srs_wkt)
    )
    project.setCrs(crs)
    project.setTitle(
        tr("Buurtschouw {reference} {title}").format(reference=info.reference, title=info.title).strip()
    )
    project.setFilePathStorage(Qgis.FilePathType.Relative)
    project.setFileName(str(project_path))
    layers = open_package_layers(gpkg_path)
    style_layers(layers)
    for layer in layers.values():
        layer.setCustomProperty("QFieldSync/action", "copy")
        layer.setCustomProperty("QFieldSync/cloud_action", "no_action")
        layer.setReadOnly(True)
    layers["findings"].setReadOnly(False)
    for key in ("area", "streets", "route", "points", "findings"):
        project.addMapLayer(layers[key])
    findings_layer_setup(layers["findings"], checklist, info.scan_uuid, layers["points"], lang)
    points = layers["points"]
    points.setDisplayExpression('"title"')
    if info.area is not None and not info.area.is_empty:
        minx, miny, maxx, maxy = info.area.buffer(max(50.0, 0.05 * info.area.length / 4)).bounds
        from qgis.core import QgsRectangle

        project.viewSettings().setDefaultViewExtent(
            QgsReferencedRectangle(QgsRectangle(minx, miny, maxx, maxy), crs)
        )
    project.writeEntry("Digitizing", "/SnappingMode", "current_layer")
    if not project.write(str(project_path)):
        raise InputError(
            N_("The QGIS project {path} could not be written: {error}"),
            path=str(project_path),
            error=project.error(),
        )
    ids = {key: layer.id() for key, layer in layers.items()}
    project.clear()
    return ids
