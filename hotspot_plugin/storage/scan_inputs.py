"""Reading a safety GeoPackage into the inputs of the environment scan (``core.scan``), fast.

Everything goes through sqlite3 (no QGIS feature iterator): incidents are selected in SQL on
their period (``occurred_at`` is text ``YYYY-MM-DDTHH:MM:SS.sss``, so a text comparison selects a
time range and can use the column's index) and, when a bounding box is given, through the
layer's rtree spatial index. Point geometries are decoded from their GeoPackage blobs with
numpy, all at once. The SQL selection is a superset (one day of margin on each side, and the
rtree's float32 boxes); the exact half-open periods ``start <= t < end`` are applied afterwards
on the parsed times, so the result does not depend on how a writer formatted its times.

Areas (buurten, wijken, the municipality), risk objects, open schouw findings and the category
labels are read the same way. Nothing here writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..core import schema
from ..core.gpkg_blob import decode as decode_geometry
from ..core.gpkg_blob import decode_points
from ..core.progress import Monitor, ensure
from ..core.scan_types import Buurt, IncidentData, RiskObjects, SchouwFindings
from . import gpkg

BBox = Tuple[float, float, float, float]  # minx, miny, maxx, maxy
Period = Tuple[np.datetime64, np.datetime64]

#: Rows fetched at once (a cancel is noticed between two batches).
FETCH = 100_000
#: Status of a schouw finding that is closed (as in core.scan).
CLOSED = "afgehandeld"


@contextlib.contextmanager
def reading(path: str) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a safety GeoPackage (checked); a lock becomes a clear message."""
    con = gpkg.connect(str(path))
    try:
        yield con
    except sqlite3.OperationalError as exc:
        raise gpkg._locked_or_readonly(exc, str(path)) from None
    finally:
        con.close()


# ------------------------------------------------------------------------------ geometry blobs


# ------------------------------------------------------------------------------ times


def parse_times(values: Sequence[Optional[str]]) -> np.ndarray:
    """GeoPackage DATETIME texts as ``datetime64[s]`` (NaT when missing or unreadable).

    Reads ``YYYY-MM-DDTHH:MM:SS[.sss][Z]``, a space instead of ``T``, and plain dates.
    """
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype="datetime64[s]")
    try:
        text = np.array(["NaT" if v is None else str(v)[:19] for v in values], dtype="U19")
        return text.astype("datetime64[s]")
    except ValueError:
        out = np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
        for i, v in enumerate(values):
            if v is None:
                continue
            try:
                out[i] = np.datetime64(str(v).strip()[:19].rstrip("Z"), "s")
            except ValueError:
                pass
        return out


def _sql_time(t: np.datetime64) -> str:
    """A period bound as text comparable with stored times: ``YYYY-MM-DDTHH:MM:SS``."""
    return str(np.datetime64(t, "s"))


# ------------------------------------------------------------------------------ metadata


@dataclass
class GpkgInfo:
    """What the scan needs to know about a safety GeoPackage before reading data."""

    path: str
    crs: str  # "EPSG:n" or WKT
    srs_id: int
    n_incidents: int
    first: Optional[np.datetime64]
    last: Optional[np.datetime64]
    municipality: str


def gpkg_info(con: sqlite3.Connection, path: str) -> GpkgInfo:
    """CRS, the number of incidents and their first and last time (via the occurred_at index)."""
    crs = gpkg.crs_wkt(con, schema.INCIDENTS)
    sid = gpkg.srs_id(con, schema.INCIDENTS)
    first, last = con.execute(
        f'SELECT min(occurred_at), max(occurred_at) FROM "{schema.INCIDENTS}"'
    ).fetchone()
    row = con.execute(f'SELECT count(*) FROM "{schema.INCIDENTS}"').fetchone()
    municipality = ""
    with contextlib.suppress(sqlite3.DatabaseError):
        meta = con.execute(
            f'SELECT value FROM "{schema.METADATA}" WHERE key = ?', ("municipality",)
        ).fetchone()
        municipality = (meta[0] or "") if meta else ""
    times = parse_times([first, last]) if first is not None else None
    return GpkgInfo(
        path=str(path),
        crs=crs,
        srs_id=sid,
        n_incidents=int(row[0]),
        first=None if times is None else times[0],
        last=None if times is None else times[1],
        municipality=municipality,
    )


def _rtree(con: sqlite3.Connection, table: str) -> Optional[str]:
    name = f"rtree_{table}_geom"
    row = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return name if row else None


def layer_extent(con: sqlite3.Connection, table: str) -> Optional[BBox]:
    """The extent of a layer's geometries from its rtree (None when empty)."""
    rtree = _rtree(con, table)
    if rtree is None:
        return None
    row = con.execute(f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "{rtree}"').fetchone()
    return (
        None
        if row is None or row[0] is None
        else (float(row[0]), float(row[1]), float(row[2]), float(row[3]))
    )


def data_extent(con: sqlite3.Connection) -> Optional[BBox]:
    """Where the GeoPackage's data lie: the extent of its incidents, or else of its areas, risk
    objects and streets together (None when all are empty)."""
    extent = layer_extent(con, schema.INCIDENTS)
    if extent is not None:
        return extent
    boxes = [e for e in (layer_extent(con, t) for t in (schema.AREAS, schema.RISK_OBJECTS, schema.STREETS)) if e]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def any_in_bbox(con: sqlite3.Connection, table: str, bbox: BBox) -> bool:
    """True when at least one feature's box meets *bbox* (an rtree lookup)."""
    rtree = _rtree(con, table)
    if rtree is None:
        return False
    minx, miny, maxx, maxy = bbox
    row = con.execute(
        f'SELECT 1 FROM "{rtree}" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ' f"LIMIT 1",
        (maxx, minx, maxy, miny),
    ).fetchone()
    return row is not None


def _bbox_clause(con: sqlite3.Connection, table: str, bbox: Optional[BBox], params: list) -> str:
    if bbox is None:
        return ""
    rtree = _rtree(con, table)
    if rtree is None:
        return ""
    minx, miny, maxx, maxy = bbox
    params.extend([maxx, minx, maxy, miny])
    return (
        f' AND fid IN (SELECT id FROM "{rtree}" WHERE minx <= ? AND maxx >= ? AND miny <= ? '
        f"AND maxy >= ?)"
    )


# ------------------------------------------------------------------------------ incidents

#: The column with the end of the crime window (GeoPackages made before it existed have none: then
#: every end is unknown and each incident counts in the hour it began).
END_COLUMN = "occurred_end"


def fetch_columns(cur: sqlite3.Cursor, n: int, monitor: Monitor,
                  progress: Optional[Callable[[int], None]] = None, size: int = FETCH) -> List[list]:
    """The rows of *cur* as *n* column lists, read in batches (cancel checked between them).

    *progress* gets the number of rows read after each batch. The cursor is closed in all cases:
    a cancelled read must not keep the GeoPackage's read lock.
    """
    columns: List[list] = [[] for _ in range(n)]
    try:
        while True:
            monitor.check()
            batch = cur.fetchmany(size)
            if not batch:
                break
            for column, values in zip(columns, zip(*batch)):
                column.extend(values)
            if progress is not None:
                progress(len(columns[0]))
    finally:
        cur.close()
    return columns


def read_incidents(
    con: sqlite3.Connection,
    periods: Sequence[Period],
    bbox: Optional[BBox] = None,
    categories: Optional[Sequence[str]] = None,
    with_uuid: bool = False,
    monitor: Optional[Monitor] = None,
) -> IncidentData:
    """The incidents inside *bbox* (None: everywhere) whose time lies in one of *periods*.

    Periods are half-open ``start <= t < end`` (``datetime64``). *categories* limits the
    category codes (None: all). Incidents with an unreadable time are left out. The end of the
    crime window (``occurred_end``) comes along as ``t_end`` when the column exists (NaT where
    it is empty), else ``t_end`` is None.
    """
    monitor = ensure(monitor)
    params: list = []
    day = np.timedelta64(1, "D")
    conds = []
    for start, end in periods:
        # "+" keeps SQLite off the occurred_at index: for a period holding a good part of the data a
        # scan of the table (or the rtree / category index) is several times faster than the index.
        conds.append("(+occurred_at >= ? AND +occurred_at < ?)")
        params += [_sql_time(np.datetime64(start, "s") - day), _sql_time(np.datetime64(end, "s") + day)]
    where = "(" + " OR ".join(conds) + ")" if conds else "1"
    if categories is not None:
        cats = [str(c) for c in categories]
        if not cats:
            return IncidentData.empty()
        where += f" AND category IN ({', '.join('?' * len(cats))})"
        params += cats
    where += _bbox_clause(con, schema.INCIDENTS, bbox, params)
    # time_known (issue #13): 0 = only the date is known; NULL (older imports) counts as known.
    present = gpkg.columns_of(con, schema.INCIDENTS)
    flag = "time_known" if "time_known" in present else "1"
    has_end = END_COLUMN in present
    cols = f"geom, occurred_at, category, safety_field, weight, {flag}" + (", uuid" if with_uuid else "")
    cols += f', "{END_COLUMN}"' if has_end else ""
    cur = con.execute(f'SELECT {cols} FROM "{schema.INCIDENTS}" WHERE {where}', params)
    columns = fetch_columns(cur, 6 + with_uuid + has_end, monitor)
    monitor.set(60)
    if not columns[0]:
        return IncidentData.empty()
    x, y = decode_points(columns[0])
    t = parse_times(columns[1])
    keep = np.zeros(t.shape[0], dtype=bool)
    for start, end in periods:
        keep |= (t >= np.datetime64(start, "s")) & (t < np.datetime64(end, "s"))
    idx = np.flatnonzero(keep)
    monitor.check()

    def strings(values: Sequence[Optional[str]]) -> np.ndarray:
        arr = (
            np.array(["" if v is None else str(v) for v in values], dtype=str) if values else np.zeros(0, str)
        )
        return arr[idx]

    weight = np.array([np.nan if w is None else float(w) for w in columns[4]], dtype=np.float64)[idx]
    data = IncidentData(
        x=x[idx],
        y=y[idx],
        t=t[idx],
        category=strings(columns[2]),
        safety_field=strings(columns[3]),
        weight=weight,
        uuid=strings(columns[6]) if with_uuid else None,
        time_known=np.array([v != 0 for v in columns[5]], dtype=bool)[idx],
        t_end=parse_times(columns[-1])[idx] if has_end else None,
    )
    monitor.set(100)
    return data


def concat_incidents(parts: Sequence[IncidentData]) -> IncidentData:
    """Several IncidentData as one (uuid kept only when every part has it)."""
    parts = [p for p in parts if p.x.shape[0]]
    if not parts:
        return IncidentData.empty()
    if len(parts) == 1:
        return parts[0]
    uuid = np.concatenate([p.uuid for p in parts]) if all(p.uuid is not None for p in parts) else None
    weight = np.concatenate([p.weight if p.weight is not None else np.ones(p.x.shape[0]) for p in parts])
    ends = None
    if any(p.t_end is not None for p in parts):
        ends = np.concatenate([p.t_end if p.t_end is not None else np.full(p.x.shape[0], np.datetime64("NaT"),
                                                                           dtype="datetime64[s]") for p in parts])
    return IncidentData(
        x=np.concatenate([p.x for p in parts]),
        y=np.concatenate([p.y for p in parts]),
        t=np.concatenate([p.t for p in parts]),
        category=np.concatenate([p.category.astype(str) for p in parts]),
        safety_field=np.concatenate([p.safety_field.astype(str) for p in parts]),
        weight=weight,
        uuid=uuid,
        time_known=np.concatenate([p.time_known if p.time_known is not None else np.ones(p.x.shape[0], bool)
                                   for p in parts]),
        t_end=ends,
    )


# ------------------------------------------------------------------------------ areas


@dataclass
class AreaRow:
    """One feature of the areas layer."""

    geometry: BaseGeometry
    code: str
    name: str
    level: str
    inhabitants: Optional[float]
    dwellings: Optional[float]


def read_areas(con: sqlite3.Connection) -> List[AreaRow]:
    """All features of the areas layer with a geometry."""
    out = []
    rows = con.execute(f'SELECT geom, code, name, level, inhabitants, dwellings FROM "{schema.AREAS}"')
    for blob, code, name, level, inh, dw in rows:
        geom = decode_geometry(blob)
        if geom is None:
            continue
        out.append(
            AreaRow(
                geom,
                "" if code is None else str(code),
                "" if name is None else str(name),
                str(level or "").strip().lower(),
                None if inh is None else float(inh),
                None if dw is None else float(dw),
            )
        )
    return out


def buurten_of(areas: Sequence[AreaRow]) -> Tuple[str, List[Buurt]]:
    """The population areas for apportioning: the buurten, else the wijken (level, list)."""
    for level in ("buurt", "wijk"):
        chosen = [a for a in areas if a.level == level]
        if chosen:
            return level, [Buurt(a.geometry, a.inhabitants, a.dwellings, a.code, a.name) for a in chosen]
    return "", []


def municipality_of(areas: Sequence[AreaRow]) -> Tuple[Optional[BaseGeometry], Optional[float], str]:
    """The municipality (areas with level 'gemeente'): union, inhabitants (None unless every
    gemeente feature has a number of 0 or more) and name; (None, None, "") when there is none."""
    rows = [a for a in areas if a.level == "gemeente"]
    if not rows:
        return None, None, ""
    geom = unary_union([a.geometry for a in rows])
    values = [a.inhabitants for a in rows]
    inhabitants = sum(values) if all(v is not None and v >= 0 for v in values) else None  # type: ignore[misc]
    return geom, inhabitants, ", ".join(a.name for a in rows if a.name)


# ------------------------------------------------------------------------------ the rest


def read_risk_objects(con: sqlite3.Connection, bbox: Optional[BBox] = None) -> RiskObjects:
    """Risk objects (kind, name) inside *bbox*."""
    params: list = []
    clause = _bbox_clause(con, schema.RISK_OBJECTS, bbox, params)
    rows = con.execute(
        f'SELECT geom, kind, name FROM "{schema.RISK_OBJECTS}" WHERE 1{clause}', params
    ).fetchall()
    if not rows:
        e = np.zeros(0)
        return RiskObjects(e, e, np.zeros(0, dtype=str), np.zeros(0, dtype=str))
    blobs, kinds, names = zip(*rows)
    x, y = decode_points(blobs)
    return RiskObjects(
        x,
        y,
        np.array([str(k or "") for k in kinds], dtype=str),
        np.array([str(v or "") for v in names], dtype=str),
    )


def read_open_schouw(con: sqlite3.Connection, bbox: Optional[BBox] = None) -> SchouwFindings:
    """Schouw findings inside *bbox* that are not closed (status other than 'afgehandeld')."""
    params: list = []
    clause = _bbox_clause(con, schema.SCHOUW_FINDINGS, bbox, params)
    rows = con.execute(
        f'SELECT geom, severity, checklist_item, status, uuid FROM "{schema.SCHOUW_FINDINGS}" '
        f"WHERE lower(trim(coalesce(status, 'open'))) != '{CLOSED}'{clause}",
        params,
    ).fetchall()
    if not rows:
        e = np.zeros(0)
        s = np.zeros(0, dtype=str)
        return SchouwFindings(e, e, s, s, s, s)
    blobs, sev, item, status, uuid = zip(*rows)

    def arr(values: Sequence[Optional[str]], default: str = "") -> np.ndarray:
        return np.array([default if v is None else str(v) for v in values], dtype=str)

    x, y = decode_points(blobs)
    return SchouwFindings(x, y, arr(sev), arr(item), arr(status, "open"), arr(uuid))


def read_category_labels(con: sqlite3.Connection, lang: str = "nl") -> Dict[str, str]:
    """code -> label in Dutch (``lang == "nl"``) or English (falling back to the other one)."""
    out = {}
    for code, nl, en in con.execute(f'SELECT code, label_nl, label_en FROM "{schema.CATEGORIES}"'):
        first, second = (nl, en) if lang == "nl" else (en, nl)
        out[str(code)] = str(first or second or code)
    return out


def category_fields(con: sqlite3.Connection) -> Dict[str, str]:
    """code -> safety field of the categories table."""
    return {str(c): str(f) for c, f in con.execute(f'SELECT code, safety_field FROM "{schema.CATEGORIES}"')}


__all__ = [
    "reading",
    "decode_points",
    "decode_geometry",
    "parse_times",
    "GpkgInfo",
    "gpkg_info",
    "layer_extent",
    "any_in_bbox",
    "read_incidents",
    "concat_incidents",
    "AreaRow",
    "read_areas",
    "buurten_of",
    "municipality_of",
    "read_risk_objects",
    "read_open_schouw",
    "read_category_labels",
    "category_fields",
]
