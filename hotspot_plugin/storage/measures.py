"""The measures register in the safety GeoPackage: add, list by place, register a scan's measures.

The layer ``measures`` (``core.schema``) is made by 'Create safety GeoPackage'; an older
safety GeoPackage gets it from :func:`ensure_measures_table` (called by every write here), with
its style and attribute form (``storage.measure_style``) in layer_styles when one is given.

For the lead (integration points):

* the scan wizard lists the measures of a place with
  ``list_measures(gpkg_path, area=scan_area_shapely)`` (records whose location meets the area);
* saving a scan's advice registers its chosen measures with
  ``register_scan_measures(gpkg_path, scan_uuid_or_reference)`` (idempotent);
* a later scan's report shows them with ``report.advice.sections_evaluation``.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, List, Mapping, Optional, Sequence

from osgeo import ogr
from shapely.geometry.base import BaseGeometry

from ..core import schema
from ..core.gpkg_blob import decode, geometry_blob
from ..core.measure_register import MeasureRecord, records_from_advice
from . import gpkg
from .scans import load_scan

FIELDS = ("uuid", "measure_id", "title", "owner", "status", "start_date", "end_date", "scan_uuid", "priority",
          "source", "note", "created_at", "updated_at")
STYLE_NAME = "measures"


def has_measures_table(path: str) -> bool:
    con = gpkg.connect(path)
    try:
        row = con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (schema.MEASURES,)).fetchone()
        return row is not None
    finally:
        con.close()


def ensure_measures_table(path: str, qml: Optional[str] = None) -> bool:
    """Add the measures layer to an older safety GeoPackage (same CRS as its incidents); True when added.

    With *qml* (the style and form of ``storage.measure_style``) a default style is stored
    when the layer has none.
    """
    added = False
    if not has_measures_table(path):
        ds = ogr.Open(str(path), 1)
        try:
            srs = ds.GetLayerByName(schema.INCIDENTS).GetSpatialRef()
            layer_def = schema.LAYER_BY_NAME[schema.MEASURES]
            lyr = ds.CreateLayer(layer_def.name, srs, ogr.wkbMultiPolygon,
                                 ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
                                  f"IDENTIFIER={layer_def.title_nl}", f"DESCRIPTION={layer_def.title_en}"])
            gpkg.create_fields(lyr, layer_def)
            lyr = None  # noqa: F841
            for cols in layer_def.indexes:
                ds.ExecuteSQL(f'CREATE INDEX "idx_{layer_def.name}_{"_".join(cols)}" ON "{layer_def.name}" '
                              f'({", ".join(cols)})')
        finally:
            ds = None  # noqa: F841 - closes the data source
        added = True
    if qml:
        store_default_style(path, qml)
    return added


def store_default_style(path: str, qml: str) -> bool:
    """Store *qml* as the measures layer's default style unless it has one; True when stored."""
    con = gpkg.connect(path, write=True)
    try:
        exists = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone()
        if not exists:
            return False
        if con.execute("SELECT 1 FROM layer_styles WHERE f_table_name = ? AND useAsDefault",
                       (schema.MEASURES,)).fetchone():
            return False
        with gpkg.transaction(con, path):
            gpkg.insert_rows(con, "layer_styles", (
                "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"), [(
                    "", "", schema.MEASURES, "geom", STYLE_NAME, qml, "", 1, "Hotspot", "", "",
                    dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"))])
        return True
    finally:
        con.close()


def add_measures(path: str, records: Iterable[MeasureRecord], qml: Optional[str] = None) -> List[MeasureRecord]:
    """Write *records* (checked) to the register in one transaction; returns them with fid and times."""
    records = [r.check() for r in records]
    ensure_measures_table(path, qml)
    if not records:
        return []
    now = gpkg.now_iso()
    con = gpkg.connect(path, write=True)
    try:
        sid = gpkg.srs_id(con, schema.MEASURES)
        with gpkg.transaction(con, path):
            for r in records:
                r.created_at = r.created_at or now
                r.updated_at = now
                blob = geometry_blob(r.location.wkb, r.location.bounds, sid)
                gpkg.insert_rows(con, schema.MEASURES, ("geom", *FIELDS),
                                 [(blob, *[getattr(r, name) for name in FIELDS])])
                r.fid = int(con.execute("SELECT last_insert_rowid()").fetchone()[0])
            gpkg.refresh_contents(con, schema.MEASURES)
    finally:
        con.close()
    return records


def _record(row: Sequence) -> MeasureRecord:
    fid, blob, *values = row
    data = dict(zip(FIELDS, values))
    data = {k: ("" if v is None and k not in ("start_date", "end_date", "priority") else v) for k, v in data.items()}
    for k in ("start_date", "end_date"):
        data[k] = str(data[k])[:10] if data[k] else None
    location = decode(blob)
    return MeasureRecord(location=location, fid=int(fid), **data)


def list_measures(path: str, area: Optional[BaseGeometry] = None, statuses: Optional[Sequence[str]] = None,
                  scan_uuid: Optional[str] = None) -> List[MeasureRecord]:
    """The measures in the register whose location meets *area* (None: all), optionally only
    those with one of *statuses* or of one scan; by start date (none last), then title."""
    if not has_measures_table(path):
        return []
    con = gpkg.connect(path)
    try:
        cols = ", ".join(f'"{name}"' for name in FIELDS)
        where, params = ["1"], []
        if area is not None and not area.is_empty:
            minx, miny, maxx, maxy = area.bounds
            where.append(f'fid IN (SELECT id FROM "rtree_{schema.MEASURES}_geom" WHERE maxx >= ? AND minx <= ? '
                         'AND maxy >= ? AND miny <= ?)')
            params += [minx, maxx, miny, maxy]
        if statuses:
            where.append(f"status IN ({', '.join('?' * len(statuses))})")
            params += list(statuses)
        if scan_uuid:
            where.append("scan_uuid = ?")
            params.append(scan_uuid)
        rows = con.execute(f'SELECT fid, geom, {cols} FROM "{schema.MEASURES}" WHERE {" AND ".join(where)}',
                           params).fetchall()
    finally:
        con.close()
    records = [_record(row) for row in rows]
    if area is not None and not area.is_empty:
        records = [r for r in records if r.location is not None and r.location.intersects(area)]
    return sorted(records, key=lambda r: (r.start_date is None, r.start_date or "", r.title))


def register_scan_measures(path: str, scan_key: str, titles: Optional[Mapping[str, str]] = None,
                           qml: Optional[str] = None) -> List[MeasureRecord]:
    """Register the chosen measures of the saved scan *scan_key* (uuid or reference): location the
    scan area, status planned. Measures already registered for that scan are not added again.
    Returns the records added."""
    record = load_scan(path, scan_key)
    existing = [m.key() for m in list_measures(path, scan_uuid=record.uuid)]
    drafts = records_from_advice(record.advice, record.area, record.uuid, titles, existing)
    return add_measures(path, drafts, qml)


def update_status(path: str, uuid: str, status: str, start_date: Optional[str] = None,
                  end_date: Optional[str] = None) -> None:
    """Change a measure's status (and dates when given)."""
    current = [m for m in list_measures(path) if m.uuid == uuid]
    if not current:
        return
    m = current[0]
    m.status = status
    m.start_date = start_date or m.start_date
    m.end_date = end_date or m.end_date
    m.check()
    con = gpkg.connect(path, write=True)
    try:
        with gpkg.transaction(con, path):
            con.execute(f'UPDATE "{schema.MEASURES}" SET status = ?, start_date = ?, end_date = ?, updated_at = ? '
                        'WHERE uuid = ?', (m.status, m.start_date, m.end_date, gpkg.now_iso(), uuid))
    finally:
        con.close()
