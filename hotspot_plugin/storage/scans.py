"""Saved environment scans in the safety GeoPackage: one record per scan, for audit and re-runs.

A scan record holds the scan area (geometry), its parameters, results and advice as JSON,
who made it and when, and the plugin version. Saving is one transaction; saving a record
whose uuid exists updates it (``updated_at`` and ``version`` change, ``created_at`` stays).

In Python the parameters, results and advice are typed (core.scan_record): loading reads their
JSON with ``ScanRecordData.from_json`` (records saved by Hotspot 0.1, without a "version" key,
load as well); saving writes ``ScanRecordData.to_json`` (with the "version" keys). The advisor's
verdict (core.verdict) is kept in the advice column; records of 0.1 and 0.2 load without one.

A record whose JSON cannot be read (a damaged column) does not stop the list: ``list_scans`` gives
it with ``damaged`` saying why (the unreadable parts None or empty) and logs a warning; loading it
with ``load_scan`` is refused with a message that names the record.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import List, Optional

from shapely import wkb as shapely_wkb
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..core import schema
from ..core.advice import Advice
from ..core.errors import InputError
from ..core.gpkg_blob import blob_wkb, geometry_blob
from ..core.i18n import N_
from ..core.scan_record import RecordParameters, ScanRecordData
from ..core.scan_types import ScanResult
from ..core.verdict import Verdict
from ..paths import plugin_version
from . import gpkg

FIELDS = ("uuid", "reference", "title", "status", "version", "author", "organisation", "created_at",
          "updated_at", "plugin_version", "parameters", "results", "advice")


@dataclass
class ScanRecord:
    """One saved scan. ``parameters``, ``results`` and ``advice`` are typed (core.scan_record);
    ``results`` and ``advice`` are None for a record without them."""

    area: BaseGeometry
    title: str = ""
    reference: str = ""
    uuid: str = field(default_factory=lambda: str(uuidlib.uuid4()))
    status: str = "concept"  # concept or definitief
    version: int = 1
    author: str = ""
    organisation: str = ""
    created_at: str = ""
    updated_at: str = ""
    plugin_version: str = ""
    parameters: RecordParameters = field(default_factory=RecordParameters)
    results: Optional[ScanResult] = None
    advice: Optional[Advice] = None
    #: the advisor's judgement (positive / under conditions / negative); None: not given yet
    verdict: Optional[Verdict] = None
    fid: Optional[int] = None
    #: Why a part of the record cannot be read (empty when all can): set by :func:`list_scans`.
    damaged: str = ""


def _multipolygon(geom: BaseGeometry) -> MultiPolygon:
    if isinstance(geom, MultiPolygon):
        return geom
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    raise InputError(N_("The scan area must be a polygon, not a {kind}."), kind=geom.geom_type)


def next_reference(path: str, year: Optional[int] = None) -> str:
    """The next free reference number of the form HS-<year>-<nnn>."""
    con = gpkg.connect(path)
    try:
        return _next_reference_in(con, year or dt.date.today().year)
    finally:
        con.close()


def save_scan(path: str, record: ScanRecord) -> ScanRecord:
    """Insert or update *record* (by uuid) in one transaction; returns it with times, version, fid set."""
    area = _multipolygon(record.area)
    if area.is_empty or not area.is_valid:
        raise InputError(N_("The scan area is empty or invalid; draw or choose it again."))
    now = gpkg.now_iso()
    con = gpkg.connect(path, write=True)
    try:
        sid = gpkg.srs_id(con, schema.SCANS)
        with gpkg.transaction(con, path):
            row = con.execute(f'SELECT fid, created_at, version FROM "{schema.SCANS}" WHERE uuid = ?',
                              (record.uuid,)).fetchone()
            record.updated_at = now
            record.plugin_version = plugin_version()
            if not record.reference:
                record.reference = _next_reference_in(con, dt.date.today().year)
            if row is None:
                record.created_at = record.created_at or now
            else:
                record.created_at = row[1] or record.created_at or now
                record.version = int(row[2] or 1) + 1
            values = [getattr(record, name) for name in FIELDS[:10]]
            parts = ScanRecordData(record.parameters, record.results, record.advice, record.verdict).to_json()
            values += [json.dumps(parts[name], ensure_ascii=False, sort_keys=True)
                       for name in ("parameters", "results", "advice")]
            blob = geometry_blob(area.wkb, area.bounds, sid)
            if row is None:
                gpkg.insert_rows(con, schema.SCANS, ("geom", *FIELDS), [(blob, *values)])
                record.fid = int(con.execute("SELECT last_insert_rowid()").fetchone()[0])
            else:
                sets = ", ".join(f'"{name}" = ?' for name in FIELDS)
                con.execute(f'UPDATE "{schema.SCANS}" SET geom = ?, {sets} WHERE fid = ?', (blob, *values, row[0]))
                record.fid = int(row[0])
            gpkg.refresh_contents(con, schema.SCANS)
    finally:
        con.close()
    return record


def _next_reference_in(con, year: int) -> str:
    prefix = f"HS-{year}-"
    rows = con.execute(f'SELECT reference FROM "{schema.SCANS}" WHERE reference LIKE ?', (prefix + "%",))
    numbers = [int(r[0][len(prefix):]) for r in rows if r[0] and r[0][len(prefix):].isdigit()]
    return f"{prefix}{(max(numbers) + 1) if numbers else 1:03d}"


#: The JSON columns of a record, in the order of ``ScanRecordData.from_json``'s arguments.
JSON_PARTS = ("parameters", "results", "advice")


def _parts(texts, record: dict, path: str, tolerant: bool):
    """The typed parameters, results, advice and verdict; a part that cannot be read raises an
    InputError naming the record, or, when *tolerant*, is left empty and named in the returned note."""
    read = []
    verdict = None
    note = ""
    for k, (name, text) in enumerate(zip(JSON_PARTS, texts)):
        args = [None, None, None]
        try:
            args[k] = json.loads(text) if text else {}
            data = ScanRecordData.from_json(*args)
            read.append(getattr(data, name))
            verdict = data.verdict if name == "advice" else verdict
        except Exception as exc:  # noqa: BLE001 - any damage to the stored JSON
            error = InputError(
                N_("The saved scan {reference} ({uuid}) in {path} is damaged: its {column} column cannot be read "
                   "({error}). Run the scan again as a new scan, or restore the GeoPackage from a backup."),
                reference=record.get("reference") or "-", uuid=record.get("uuid") or "-", path=str(path),
                column=name, error=f"{type(exc).__name__}: {str(exc)[:200]}")
            if not tolerant:
                raise error from None
            from ..i18n import tr
            read.append(ScanRecordData.from_json(None, None, None).parameters if name == "parameters" else None)
            note = note or error.render(tr)
    return read + [verdict], note


def _record(row, path: str = "", tolerant: bool = False) -> ScanRecord:
    fid, blob, *values = row
    data = dict(zip(FIELDS, values))
    texts = [data.pop(name) for name in JSON_PARTS]
    (parameters, results, advice, verdict), note = _parts(texts, data, path, tolerant)
    data["version"] = int(data["version"] or 1)
    raw = blob_wkb(blob)
    area = shapely_wkb.loads(raw) if raw else MultiPolygon()
    if note:
        from ..log import warning

        warning(note)
    return ScanRecord(area=area, fid=fid, parameters=parameters, results=results, advice=advice, verdict=verdict,
                      damaged=note,
                      **{k: ("" if v is None else v) for k, v in data.items()})


def load_scan(path: str, key: str) -> ScanRecord:
    """The scan with this uuid or reference number."""
    con = gpkg.connect(path)
    try:
        cols = ", ".join(f'"{name}"' for name in FIELDS)
        row = con.execute(f'SELECT fid, geom, {cols} FROM "{schema.SCANS}" WHERE uuid = ? OR reference = ? '
                          f'ORDER BY version DESC LIMIT 1', (key, key)).fetchone()
    finally:
        con.close()
    if row is None:
        raise InputError(N_("There is no scan '{key}' in {path}."), key=key, path=str(path))
    return _record(row, path)


def list_scans(path: str) -> List[ScanRecord]:
    """All saved scans, newest first (results and advice included); a damaged record is listed with
    ``damaged`` saying why (see the module docstring)."""
    con = gpkg.connect(path)
    try:
        cols = ", ".join(f'"{name}"' for name in FIELDS)
        rows = con.execute(f'SELECT fid, geom, {cols} FROM "{schema.SCANS}" ORDER BY updated_at DESC').fetchall()
    finally:
        con.close()
    return [_record(row, path, tolerant=True) for row in rows]
