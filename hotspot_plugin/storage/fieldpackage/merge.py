"""Merging the findings of a returned field package into the safety GeoPackage.

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
GeoPackage (relative paths stored), and removed again when the transaction fails. A photo is
taken only under the rule of :mod:`.safe_files` (inside the package's DCIM folder, a regular file,
not too large); a refused photo is reported and the finding is imported without it. A package that
is not a GeoPackage, lacks the findings layer or one of its fields, or holds an unreadable row
changes nothing (see :mod:`.read`).
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from shapely.geometry import Point

from ...core import schema
from ...core.errors import InputError
from ...core.gpkg_blob import decode, point_blob
from ...core.i18n import N_
from ...core.parsing import gpkg_datetime, parse_datetime
from ...core.progress import Monitor, ensure
from .. import gpkg
from .common import CONTENT_FIELDS, FINDING_FIELDS, OFFICE_PHOTO_FOLDER, SYNC_TABLE, text_value
from .read import FieldFinding, FieldPackage
from .safe_files import NOT_IN_PACKAGE, copy_checked, max_bytes, office_file_exists


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
    #: photos named in a finding but not taken: (finding uuid, path as written, reason template, size in MB)
    refused_photos: List[Tuple[str, str, str, float]] = field(default_factory=list)


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
    values = {name: text_value(v) for name, v in zip(FINDING_FIELDS, row)}
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
    _note_photo(f, result)
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
        values = _values_for_office(
            f, scan_uuid, reference, office_dir, now, package, result, copied, made_dirs
        )
        names = [n for n in FINDING_FIELDS]
        gpkg.insert_rows(
            con, table, ("geom", *names), [(point_blob(f.x, f.y, sid), *[values.get(n) for n in names])]
        )
        result.added += 1
        _record(con, f.uuid, field_hash, _office_hash(values, f.x, f.y, office_dir), now, package)
        return
    fid, blob = office[0], office[1]
    o_values = _office_values(office[2:])
    geom = decode(blob)
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
        f,
        scan_uuid or o_values.get("scan_uuid") or "",
        reference,
        office_dir,
        now,
        package,
        result,
        copied,
        made_dirs,
    )
    names = [n for n in FINDING_FIELDS if n != "uuid"]
    sets = ", ".join(f'"{n}" = ?' for n in names)
    con.execute(
        f'UPDATE "{table}" SET geom = ?, {sets} WHERE fid = ?',
        (point_blob(f.x, f.y, sid), *[values.get(n) for n in names], fid),
    )
    result.updated += 1
    _record(con, f.uuid, field_hash, _office_hash(values, f.x, f.y, office_dir), now, package)


def _note_photo(f: FieldFinding, result: MergeResult) -> None:
    photo = f.values.get("photo")
    if not photo or f.photo_file is not None:
        return
    if f.photo_refused in ("", NOT_IN_PACKAGE):
        if photo not in result.missing_photos:
            result.missing_photos.append(photo)
    else:
        result.refused_photos.append((f.uuid, photo, f.photo_refused, f.photo_size_mb))


def _office_hash(values: Dict[str, Optional[str]], x: float, y: float, office_dir: Path) -> str:
    photo = values.get("photo")
    exists = office_file_exists(office_dir, photo)
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
    package: FieldPackage,
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
            try:
                copy_checked(f.photo_file, target, max_bytes(package.max_photo_mb))
            except BaseException:  # a full disk: no partial photo left behind
                with contextlib.suppress(OSError):
                    target.unlink()
                raise
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

