"""Schouw points in the safety GeoPackage, its streets and its CRS (what the route and the package read)."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from typing import List, Optional, Sequence, Set, Tuple

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ...core import schema
from ...core.gpkg_blob import decode, point_blob
from .. import gpkg
from .common import SAME_POINT_DISTANCE


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
                geom = decode(blob)
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
        geom = decode(blob)
        if geom is None or geom.is_empty:
            continue
        pt = geom if isinstance(geom, Point) else geom.representative_point()
        out.append(
            PointRow(int(seq or 0), pt.x, pt.y, reason or "", kind or "", label or "", uid or "", suid or "")
        )
    return out


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
        geom = decode(blob)
        if geom is not None and not geom.is_empty:
            out.append((geom, name or "", kind or ""))
    return out



def linked_scan_uuids(path: str) -> Set[Optional[str]]:
    """The scan uuids the schouw points of a safety GeoPackage are linked to (None or "" for unlinked ones)."""
    con = gpkg.connect(path)
    try:
        return {r[0] for r in con.execute(f'SELECT DISTINCT scan_uuid FROM "{schema.SCHOUW_POINTS}"')}
    finally:
        con.close()
