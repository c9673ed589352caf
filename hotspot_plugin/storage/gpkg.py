"""The safety GeoPackage on disk: create it, open it for transactional writes, read it back.

Creation goes through OGR (so the GeoPackage is exactly what GDAL and QGIS expect:
gpkg_contents, spatial indexes, constraints); bulk writes go through sqlite3 inside one
transaction, with the functions GDAL's rtree triggers call registered on the connection.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence

import numpy as np
from osgeo import ogr, osr

from ..core import gpkg_blob, schema
from ..core.categories import DEFAULT_CATEGORIES, Category, default_aliases
from ..core.errors import HotspotError, InputError
from ..core.i18n import N_
from ..core.parsing import gpkg_datetime
from ..core.progress import Monitor, ensure
from ..paths import plugin_version
from . import rtree as rtree_mod

ogr.UseExceptions()
osr.UseExceptions()

_OGR_TYPES = {
    "TEXT": (ogr.OFTString, None),
    "INTEGER": (ogr.OFTInteger64, None),
    "REAL": (ogr.OFTReal, None),
    "DATETIME": (ogr.OFTDateTime, None),
    "DATE": (ogr.OFTDate, None),
    "BOOLEAN": (ogr.OFTInteger, ogr.OFSTBoolean),
}
_OGR_GEOMETRY = {
    "POINT": ogr.wkbPoint,
    "LINESTRING": ogr.wkbLineString,
    "MULTIPOLYGON": ogr.wkbMultiPolygon,
}


class GeoPackageError(HotspotError):
    """The GeoPackage cannot be used: missing, not a safety GeoPackage, read-only, locked."""


def now_iso() -> str:
    return gpkg_datetime(dt.datetime.now().replace(microsecond=0))


def create_safety_gpkg(path: str, epsg: int = schema.DEFAULT_EPSG, municipality: str = "",
                       categories: Sequence[Category] = DEFAULT_CATEGORIES,
                       styles: Optional[Dict[str, str]] = None, overwrite: bool = False) -> str:
    """Create an empty safety GeoPackage at *path*; return the path.

    Built in a temporary file beside *path* and moved into place at the end, so a failure
    never leaves a half-made GeoPackage. *styles* maps layer name -> QML text for the
    layer_styles table.
    """
    target = Path(path)
    if target.suffix.lower() != ".gpkg":
        raise InputError(N_("The file name must end in .gpkg: {path}"), path=str(path))
    if target.exists() and not overwrite:
        raise InputError(N_("{path} already exists. Choose another file name or allow overwriting."),
                         path=str(path))
    if not target.parent.exists():
        raise InputError(N_("The folder {folder} does not exist."), folder=str(target.parent))
    if not os.access(target.parent, os.W_OK):
        raise InputError(N_("The folder {folder} is not writable."), folder=str(target.parent))
    srs = osr.SpatialReference()
    try:
        srs.ImportFromEPSG(int(epsg))
    except (RuntimeError, ValueError, TypeError):
        raise InputError(N_("EPSG:{epsg} is not a known coordinate reference system."), epsg=epsg) from None
    if srs.IsGeographic():
        raise InputError(N_("A safety GeoPackage needs a projected CRS in metres (such as RD New, "
                            "EPSG:28992, or Belgian Lambert 2008, EPSG:3812); EPSG:{epsg} is geographic."),
                         epsg=epsg)
    fd, tmp_name = tempfile.mkstemp(suffix=".gpkg", prefix=".hotspot-", dir=str(target.parent))
    os.close(fd)
    os.unlink(tmp_name)
    try:
        _build(tmp_name, srs, categories, municipality, int(epsg), styles or {})
        os.replace(tmp_name, target)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name + suffix)
    return str(target)


def _build(path: str, srs, categories, municipality: str, epsg: int, styles: Dict[str, str]) -> None:
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(path)
    try:
        for layer_def in schema.LAYERS:
            if layer_def.geometry:
                lyr = ds.CreateLayer(layer_def.name, srs, _OGR_GEOMETRY[layer_def.geometry],
                                     ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
                                      f"IDENTIFIER={layer_def.title_nl}",
                                      f"DESCRIPTION={layer_def.title_en}"])
            else:
                lyr = ds.CreateLayer(layer_def.name, None, ogr.wkbNone,
                                     ["FID=fid", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES",
                                      f"IDENTIFIER={layer_def.title_nl}",
                                      f"DESCRIPTION={layer_def.title_en}"])
            create_fields(lyr, layer_def)
        meta = ds.CreateLayer(schema.METADATA, None, ogr.wkbNone,
                              ["FID=fid", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES"])
        meta.CreateField(ogr.FieldDefn("key", ogr.OFTString))
        meta.CreateField(ogr.FieldDefn("value", ogr.OFTString))
        styles_layer = _create_styles_layer(ds)
        ds.StartTransaction()
        cat_layer = ds.GetLayerByName(schema.CATEGORIES)
        for c in categories:
            feat = ogr.Feature(cat_layer.GetLayerDefn())
            feat.SetField("code", c.code)
            feat.SetField("label_nl", c.label_nl)
            feat.SetField("label_en", c.label_en)
            feat.SetField("safety_field", c.safety_field)
            feat.SetField("weight", float(c.weight))
            cat_layer.CreateFeature(feat)
        alias_layer = ds.GetLayerByName(schema.CATEGORY_ALIASES)
        codes = {c.code for c in categories}
        for label, code in default_aliases():
            if code in codes:
                feat = ogr.Feature(alias_layer.GetLayerDefn())
                feat.SetField("label", label)
                feat.SetField("code", code)
                alias_layer.CreateFeature(feat)
        for key, value in (("schema_version", str(schema.SCHEMA_VERSION)), ("epsg", str(epsg)),
                           ("municipality", municipality), ("created_at", now_iso()),
                           ("plugin_version", plugin_version()), ("kind", "hotspot-safety-gpkg")):
            feat = ogr.Feature(meta.GetLayerDefn())
            feat.SetField("key", key)
            feat.SetField("value", value)
            meta.CreateFeature(feat)
        for name, qml in styles.items():
            feat = ogr.Feature(styles_layer.GetLayerDefn())
            layer_def = schema.LAYER_BY_NAME[name]
            feat.SetField("f_table_catalog", "")
            feat.SetField("f_table_schema", "")
            feat.SetField("f_table_name", name)
            feat.SetField("f_geometry_column", "geom" if layer_def.geometry else "")
            feat.SetField("styleName", name)
            feat.SetField("styleQML", qml)
            feat.SetField("styleSLD", "")
            feat.SetField("useAsDefault", 1)
            feat.SetField("description", "Hotspot " + plugin_version())
            feat.SetField("owner", "")
            feat.SetField("ui", "")
            feat.SetField("update_time", dt.datetime.now(dt.timezone.utc).strftime("%Y/%m/%d %H:%M:%S"))
            styles_layer.CreateFeature(feat)
        ds.CommitTransaction()
        for layer_def in schema.LAYERS:
            for cols in layer_def.indexes:
                idx = f"idx_{layer_def.name}_{'_'.join(cols)}"
                ds.ExecuteSQL(f'CREATE INDEX "{idx}" ON "{layer_def.name}" ({", ".join(cols)})')
    finally:
        ds = None  # noqa: F841 - closes and flushes the spatial indexes


def create_fields(lyr, layer_def: schema.Layer, constraints: bool = True) -> None:
    """Add the fields of a schema layer to an OGR layer (with NOT NULL, UNIQUE and defaults)."""
    for f in layer_def.fields:
        ogr_type, subtype = _OGR_TYPES[f.type]
        defn = ogr.FieldDefn(f.name, ogr_type)
        if subtype is not None:
            defn.SetSubType(subtype)
        if constraints:
            if f.not_null:
                defn.SetNullable(False)
            if f.unique:
                defn.SetUnique(True)
            if f.default is not None:
                defn.SetDefault(f.default)
        lyr.CreateField(defn)


def _create_styles_layer(ds):
    """The layer_styles table as QGIS itself creates it in a GeoPackage."""
    lyr = ds.CreateLayer("layer_styles", None, ogr.wkbNone, ["FID=id", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES"])
    for name, kind, width in (("f_table_catalog", ogr.OFTString, 256), ("f_table_schema", ogr.OFTString, 256),
                              ("f_table_name", ogr.OFTString, 256), ("f_geometry_column", ogr.OFTString, 256),
                              ("styleName", ogr.OFTString, 30), ("styleQML", ogr.OFTString, 0),
                              ("styleSLD", ogr.OFTString, 0), ("useAsDefault", ogr.OFTInteger, 0),
                              ("description", ogr.OFTString, 0), ("owner", ogr.OFTString, 30),
                              ("ui", ogr.OFTString, 30), ("update_time", ogr.OFTDateTime, 0)):
        defn = ogr.FieldDefn(name, kind)
        if width:
            defn.SetWidth(width)
        if name == "useAsDefault":
            defn.SetSubType(ogr.OFSTBoolean)
        lyr.CreateField(defn)
    return lyr


# sqlite3 access ---------------------------------------------------------------------------

def _register_functions(con: sqlite3.Connection) -> None:
    """The spatial functions GDAL's GeoPackage triggers call (rtree maintenance)."""

    def part(index: int):
        def fn(blob):
            env = gpkg_blob.envelope(blob)
            return None if env is None else env[index]
        return fn

    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        con.create_function(name, 1, part(index), deterministic=True)
    con.create_function("ST_IsEmpty", 1, lambda b: 1 if gpkg_blob.is_empty(b) else 0, deterministic=True)


def sqlite_uri(path, mode: str = "ro") -> str:
    """An SQLite URI for *path* (``mode`` ro or rw), every special character escaped.

    ``f"file:{path}?mode=ro"`` breaks on a folder named ``Project #2`` (SQLite reads the ``#``
    as the start of a fragment, opens another file and, in rw mode, creates it); this is the
    one place such URIs are built.
    """
    return f"{Path(path).absolute().as_uri()}?mode={mode}"


def connect_file(path, mode: str = "ro", timeout: float = 2.0, **kwargs) -> sqlite3.Connection:
    """sqlite3.connect on :func:`sqlite_uri` (any SQLite file: GeoPackage, field package)."""
    return sqlite3.connect(sqlite_uri(path, mode), uri=True, timeout=timeout, **kwargs)


def _hot_journal(path: Path) -> bool:
    """True when *path* has a rollback journal with content (an interrupted write)."""
    journal = Path(str(path) + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def recover_interrupted_write(path) -> bool:
    """Roll back what an interrupted write (a crash, a killed QGIS) left in *path*'s journal.

    A read-only connection cannot do it (SQLite then calls the file not a database), so the
    file is opened for writing once; SQLite rolls the journal back on the first read. Returns
    True when something was undone. Raises GeoPackageError when the file cannot be written.
    """
    p = Path(path)
    if not _hot_journal(p):
        return False
    if not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK):
        raise GeoPackageError(N_("An interrupted import left {path} half written (the file {journal} holds "
                                 "what must be undone). Make the file and its folder writable so that it "
                                 "can be undone, then try again."), path=str(path), journal=str(p) + "-journal")
    try:
        con = connect_file(p, "rw", timeout=10.0)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False  # not a database at all: the caller says so
    return not _hot_journal(p)


def check_safety_gpkg(path: str) -> None:
    """Raise GeoPackageError unless *path* is a readable safety GeoPackage.

    An interrupted write (hot journal) is rolled back first and said in the log.
    """
    p = Path(path or "")
    if not path or not p.exists():
        raise GeoPackageError(N_("The safety GeoPackage {path} does not exist. Create it first with "
                                 "'Create safety GeoPackage'."), path=str(path))
    if recover_interrupted_write(p):
        from ..i18n import tr
        from ..log import info

        info(tr("An interrupted write to {path} was undone: the GeoPackage is as it was before it.")
             .format(path=path))
    try:
        con = connect_file(p, "ro")
        try:
            names = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if _locked(exc):
            raise _locked_or_readonly(exc, str(path)) from None
        raise GeoPackageError(N_("{path} is not a GeoPackage."), path=str(path)) from None
    missing = [name for name in (schema.INCIDENTS, schema.CATEGORIES, schema.AREAS) if name not in names]
    if missing:
        raise GeoPackageError(N_("{path} is not a safety GeoPackage: it has no layer(s) {missing}. "
                                 "Create one with 'Create safety GeoPackage'."),
                              path=str(path), missing=", ".join(missing))


#: The page cache of a writing connection (KiB).
WRITE_CACHE_KIB = 32768


def connect(path: str, write: bool = False, timeout: float = 2.0) -> sqlite3.Connection:
    """An sqlite3 connection to a safety GeoPackage (autocommit; use :func:`transaction`)."""
    check_safety_gpkg(path)
    if write and not os.access(path, os.W_OK):
        raise GeoPackageError(N_("The GeoPackage {path} is read-only. Make it writable or copy it."),
                              path=str(path))
    con = connect_file(path, "rw" if write else "ro", timeout=timeout, isolation_level=None)
    _register_functions(con)
    if write:
        # A 32 MiB page cache: a million-row import measured as fast as with 256 MiB (its rows
        # arrive in index order; the R-tree is packed), and 220 MiB of peak memory less.
        con.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    return con


@contextlib.contextmanager
def transaction(con: sqlite3.Connection, path: str = "") -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT; anything raised inside rolls everything back.

    A full disk is said as such (SQLite has then often rolled back by itself already, so
    the ROLLBACK is only issued while a transaction is still open).
    """
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _locked_or_readonly(exc, path) from None
    try:
        yield con
    except sqlite3.OperationalError as exc:
        _rollback(con)
        raise _locked_or_readonly(exc, path) from None
    except BaseException:
        _rollback(con)
        raise
    try:
        con.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(con)
        raise _locked_or_readonly(exc, path) from None


def _rollback(con: sqlite3.Connection) -> None:
    if con.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")


def _locked(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def is_disk_full(exc: BaseException) -> bool:
    """True for SQLite's and the OS's "disk full" errors."""
    import errno

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return "disk is full" in str(exc).lower() or "no space left" in str(exc).lower()


@contextlib.contextmanager
def triggers_suspended(con: sqlite3.Connection, table: str) -> Iterator[List[tuple]]:
    """Drop *table*'s triggers for a bulk write and recreate them from their own SQL afterwards.

    GDAL's per-row triggers (rtree maintenance, feature count) cost more than the rows; the
    caller writes what they would have written in bulk. Use inside :func:`transaction`: when
    the body raises, the rollback brings the triggers back. Yields the (name, sql) pairs.
    """
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                           (table,)).fetchall()
    for name, _ in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    yield triggers
    for _, sql in triggers:
        con.execute(sql)


def _locked_or_readonly(exc: sqlite3.Error, path: str) -> GeoPackageError:
    text = str(exc).lower()
    if is_disk_full(exc):
        return GeoPackageError(N_("The disk of {path} is full. Nothing was changed: make room on it (or "
                                  "move the GeoPackage) and try again."), path=str(path))
    if "locked" in text or "busy" in text:
        return GeoPackageError(N_("The GeoPackage {path} is locked by another program or by a layer "
                                  "being edited in QGIS. Save or stop editing, close the other program, "
                                  "and try again. Nothing was changed."), path=str(path))
    if "readonly" in text or "read-only" in text:
        return GeoPackageError(N_("The GeoPackage {path} is read-only. Make it writable or copy it."),
                               path=str(path))
    return GeoPackageError(N_("The GeoPackage {path} could not be written: {error}. Nothing was changed."),
                           path=str(path), error=str(exc))


def srs_id(con: sqlite3.Connection, table: str) -> int:
    row = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    if row is None:
        raise GeoPackageError(N_("The layer {layer} is missing from the GeoPackage."), layer=table)
    return int(row[0])


def crs_wkt(con: sqlite3.Connection, table: str = schema.INCIDENTS) -> str:
    """The layer's CRS as 'EPSG:n' when it has an EPSG code, else its WKT."""
    sid = srs_id(con, table)
    row = con.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                      "WHERE srs_id = ?", (sid,)).fetchone()
    if row and str(row[0]).upper() == "EPSG":
        return f"EPSG:{int(row[1])}"
    return row[2] if row else f"EPSG:{sid}"


def read_categories(con: sqlite3.Connection) -> List[Category]:
    rows = con.execute(f"SELECT code, label_nl, label_en, safety_field, weight FROM {schema.CATEGORIES}")
    return [Category(str(code), label_nl or "", label_en or "", field_, float(w if w is not None else 1.0))
            for code, label_nl, label_en, field_, w in rows]


def ensure_schema(path: str) -> List[str]:
    """Bring an older safety GeoPackage up to the current schema, additively; return what was added.

    Missing columns of existing layers are added (ALTER TABLE ADD COLUMN: existing rows get
    NULL); missing attribute tables are created through OGR (so QGIS lists them), the
    category aliases seeded with the shipped ones. Nothing is removed or changed.
    """
    try:
        return _ensure_schema(path)
    except sqlite3.OperationalError as exc:
        raise _locked_or_readonly(exc, path) from None


def _ensure_schema(path: str) -> List[str]:
    added: List[str] = []
    con = connect_file(path, "rw", timeout=10.0, isolation_level=None)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
        for layer_def in schema.LAYERS:
            if layer_def.name not in tables:
                continue
            have = set(columns_of(con, layer_def.name))
            for f in layer_def.fields:
                if f.name not in have:
                    con.execute(f'ALTER TABLE "{layer_def.name}" ADD COLUMN "{f.name}" {f.type}')
                    added.append(f"{layer_def.name}.{f.name}")
        missing = [d for d in schema.LAYERS if d.name not in tables and d.geometry is None]
    finally:
        con.close()
    if missing:
        ds = ogr.Open(str(path), update=1)
        try:
            for layer_def in missing:
                lyr = ds.CreateLayer(layer_def.name, None, ogr.wkbNone,
                                     ["FID=fid", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES",
                                      f"IDENTIFIER={layer_def.title_nl}", f"DESCRIPTION={layer_def.title_en}"])
                create_fields(lyr, layer_def)
                added.append(layer_def.name)
        finally:
            ds = None  # noqa: F841 - closes the dataset
        if any(d.name == schema.CATEGORY_ALIASES for d in missing):
            con = connect_file(path, "rw", timeout=10.0, isolation_level=None)
            try:
                with transaction(con, path):
                    codes = {r[0] for r in con.execute(f"SELECT code FROM {schema.CATEGORIES}")}
                    add_aliases(con, [(label, code) for label, code in default_aliases() if code in codes],
                                replace=False)
            finally:
                con.close()
    return added


def columns_of(con: sqlite3.Connection, table: str) -> List[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def read_aliases(con: sqlite3.Connection) -> List[tuple]:
    """``(label, code)`` pairs of the category_aliases table (empty when it does not exist)."""
    if not con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (schema.CATEGORY_ALIASES,)).fetchone():
        return []
    return [(str(label), str(code)) for label, code in
            con.execute(f"SELECT label, code FROM {schema.CATEGORY_ALIASES} WHERE label IS NOT NULL "
                        "AND code IS NOT NULL ORDER BY fid")]


def add_aliases(con: sqlite3.Connection, pairs: Sequence[tuple], replace: bool = True) -> int:
    """Add ``(label, code)`` aliases (an existing label gets the new code when *replace*)."""
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    cur = con.executemany(f"{verb} INTO {schema.CATEGORY_ALIASES} (label, code) VALUES (?, ?)", list(pairs))
    return cur.rowcount


def existing_keys(con: sqlite3.Connection, keys: Sequence[str], chunk: int = 500) -> Dict[str, str]:
    """dedup_key -> import batch of the keys already in the incidents layer."""
    found: Dict[str, str] = {}
    if con.execute(f"SELECT 1 FROM {schema.INCIDENTS} LIMIT 1").fetchone() is None:
        return found  # a first import: nothing to look up (a million keys: 1 s)
    for start in range(0, len(keys), chunk):
        part = list(keys[start:start + chunk])
        marks = ",".join("?" * len(part))
        for key, batch in con.execute(
                f"SELECT dedup_key, import_batch FROM {schema.INCIDENTS} WHERE dedup_key IN ({marks})", part):
            found[key] = batch or ""
    return found


def insert_rows(con: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    sql = (f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})')
    cur = con.executemany(sql, rows)
    return cur.rowcount


#: From this many rows on, plain indexes are rebuilt after a bulk insert rather than updated per row.
BULK_INDEX_REBUILD = 20_000


def bulk_insert_points(con: sqlite3.Connection, table: str, columns: Sequence[str], rows,
                       x: Sequence[float], y: Sequence[float], monitor: Optional[Monitor] = None,
                       count: Optional[int] = None, with_fid: bool = False) -> None:
    """Insert many point features fast; call inside :func:`transaction`.

    GDAL's per-row triggers (rtree maintenance, feature count) cost more than the insert
    itself, so they are dropped for the duration, the rtree rows and the feature count are
    written in bulk with explicit fids, and the triggers are recreated from their own SQL.
    For large batches the plain (non-unique) indexes are rebuilt afterwards instead of
    updated row by row. Everything happens in the caller's transaction, so a failure leaves
    the table as it was. ``rows`` holds the values of ``columns`` (which must not include fid),
    or is a function ``rows(start, end)`` giving the value tuples of rows start..end-1 (then
    *count* says how many there are), so that a million rows never exist as tuples at once.
    With *with_fid* that function is ``rows(start, end, fid of start)`` and its tuples begin
    with the fid (no tuple is built twice).
    """
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                           (table,)).fetchall()
    for name, _ in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    indexes = []
    n = len(rows) if count is None else count
    chunk_of = rows if callable(rows) else (lambda start, end: (rows[k] for k in range(start, end)))
    if n >= BULK_INDEX_REBUILD:
        indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                              "AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'", (table,)).fetchall()
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')
    monitor = ensure(monitor)
    first = int(con.execute(f'SELECT coalesce(max(fid), 0) FROM "{table}"').fetchone()[0]) + 1
    chunk = 50_000
    for start in range(0, n, chunk):
        end = min(n, start + chunk)
        insert_rows(con, table, ("fid", *columns), chunk_of(start, end, first + start) if with_fid else
                    ((first + k, *values) for k, values in enumerate(chunk_of(start, end), start)))
        monitor.set(90.0 * end / n)
        monitor.check()
    rtree = f"rtree_{table}_geom"
    if any(name.startswith(f"rtree_{table}_") for name, _ in triggers):
        ids = np.arange(first, first + n, dtype=np.int64)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        rtree_mod.add_boxes(con, rtree, ids, x, x, y, y)
    if any(name.startswith("trigger_insert_feature_count_") for name, _ in triggers):
        con.execute("UPDATE gpkg_ogr_contents SET feature_count = feature_count + ? "
                    "WHERE lower(table_name) = lower(?)", (n, table))
    for _, sql in triggers + indexes:
        con.execute(sql)


def refresh_contents(con: sqlite3.Connection, table: str) -> None:
    """Update the layer's extent and last_change in gpkg_contents after a bulk write."""
    rtree = f"rtree_{table}_geom"
    exists = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()
    if exists:
        minx, miny, maxx, maxy = rtree_mod.extent(con, rtree)
        con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                    (minx, miny, maxx, maxy, table))
    con.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                "WHERE table_name = ?", (table,))


def layer_uri(path: str, layer: str) -> str:
    """An OGR provider URI for one layer, built with QGIS's URI API when available."""
    try:
        from qgis.core import QgsProviderRegistry

        return QgsProviderRegistry.instance().encodeUri("ogr", {"path": str(path), "layerName": layer})
    except ImportError:  # pragma: no cover - outside QGIS
        return f"{path}|layername={layer}"


def feature_count(path: str, table: str) -> int:
    con = connect_file(path, "ro")
    try:
        return int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        con.close()
