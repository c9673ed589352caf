"""Reading a returned field package: find its GeoPackage, check it, and read its findings (all or nothing)."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from shapely.geometry import Point

from ...core import schema
from ...core.errors import InputError
from ...core.gpkg_blob import decode
from ...core.i18n import N_
from ...core.parsing import gpkg_datetime, parse_datetime
from ...core.progress import Monitor, ensure
from ..gpkg import columns_of, connect_file
from .common import FINDING_FIELDS, META_TABLE, STATUSES, text_value
from .safe_files import MAX_PHOTO_MB, package_file


@dataclass
class FieldFinding:
    """One finding read from a field package; ``values`` holds the schema fields as text (or None)."""

    uuid: str
    x: float
    y: float
    values: Dict[str, Optional[str]]
    photo_file: Optional[Path] = None
    photo_refused: str = ""  # why the photo named in the finding was not taken (an N_ template, filled)
    photo_size_mb: float = 0.0


@dataclass
class FieldPackage:
    """A returned field package: where it is, its metadata and its findings."""

    gpkg_path: Path
    folder: Path
    meta: Dict[str, str]
    epsg: int
    findings: List[FieldFinding]
    max_photo_mb: float = MAX_PHOTO_MB


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
        con = connect_file(path, "ro")
        try:
            return (
                con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (table,)).fetchone()
                is not None
            )
        finally:
            con.close()
    except sqlite3.Error:
        return False


def read_package(
    path: str, monitor: Optional[Monitor] = None, max_photo_mb: Optional[float] = None
) -> FieldPackage:
    """Read and check a returned field package; raises InputError (nothing read half) when it is damaged.

    A finding's photo is taken only under the rule of :mod:`.safe_files` (a relative path inside the
    package's DCIM folder, a regular file, at most *max_photo_mb* MB); otherwise the finding keeps
    no photo and ``photo_refused`` says why.
    """
    monitor = ensure(monitor)
    gpkg_path = find_package_gpkg(path)
    try:
        con = connect_file(gpkg_path, "ro")
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
        columns = columns_of(con, schema.SCHOUW_FINDINGS)
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
                    g = decode(blob)
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
            values = {name: text_value(v) for name, v in zip(FINDING_FIELDS, row[2:])}
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
        geom = decode(blob) if blob is not None else None
        if isinstance(geom, Point) and not geom.is_empty:
            x, y = geom.x, geom.y
        elif blob is None and values.get("point_uuid") in point_xy:
            x, y = point_xy[values["point_uuid"]]
        else:
            raise _bad_row(gpkg_path, fid, N_("its location cannot be read")) from None
        _normalise(values, gpkg_path, fid)
        finding = FieldFinding(uid, float(x), float(y), values)
        if values.get("photo"):
            checked = package_file(gpkg_path.parent, values["photo"], max_photo_mb)
            finding.photo_file = checked.path
            finding.photo_refused = checked.reason
            finding.photo_size_mb = checked.size_mb
        findings.append(finding)
    limit = MAX_PHOTO_MB if max_photo_mb is None or max_photo_mb <= 0 else float(max_photo_mb)
    return FieldPackage(gpkg_path, gpkg_path.parent, meta, epsg, findings, limit)


def _bad_row(path: Path, fid: Any, why: str) -> InputError:
    from ...i18n import tr

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

