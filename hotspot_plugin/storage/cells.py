"""Bulk writes of grid cells (``hotspot:gistar``'s squares and hexagons) into a GeoPackage, R-tree included.

A million cells written through QGIS's sink, with GDAL's per-row triggers and SQLite's
row-by-row R*-tree insertion, cost about 14 s; here the rows go in with one ``executemany`` per
chunk inside one transaction (:func:`storage.gpkg.transaction`, the triggers suspended with
:func:`storage.gpkg.triggers_suspended`) and the spatial index is written as a packed R-tree
(:func:`storage.rtree.pack_rtree`), which SQLite, GDAL and QGIS read like one they built themselves.
"""
from __future__ import annotations

import sqlite3
from typing import Optional, Sequence

import numpy as np

from ..core.grid_shapes import ring_wkb
from ..core.progress import Monitor, ensure
from .gpkg import GeoPackageError, insert_rows, transaction, triggers_suspended
from .rtree import pack_rtree

#: Cells per executemany (and between two cancel checks).
INSERT_CHUNK = 50_000


def plain_gpkg_path(destination: str) -> str:
    """The path when a Processing destination is a plain GeoPackage file name, else ""."""
    text = (destination or "").strip()
    if text.lower().endswith(".gpkg") and "|" not in text and not text.lower().startswith(("ogr:",
                                                                                           "memory:")):
        return text
    return ""


def write_gpkg_cells(path: str, names: Sequence[str], columns: Sequence[list], xs: np.ndarray, ys: np.ndarray,
                     monitor: Optional[Monitor] = None) -> bool:
    """Bulk-insert cell polygons into the one (empty) feature table of the GeoPackage at *path*.

    *columns* hold the values of the fields *names* (one list per field); *xs*/*ys* the closed
    rings of the cells (fids 1..n in that order). In one transaction the triggers are dropped,
    the rows inserted, the spatial index written as a packed R-tree (:func:`pack_rtree`), the
    feature count and extent set and the triggers recreated from their own SQL. Returns False
    (nothing changed) when the file does not look as expected; raises Canceled (rolled back)
    on cancel.
    """
    monitor = ensure(monitor)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        layout = _empty_cell_table(con, names)
        if layout is None:
            return False
        table, geom_col, srs = layout
        rtree = f"rtree_{table}_{geom_col}"
        has_rtree = bool(con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone())
        con.execute("PRAGMA cache_size = -131072")
        quoted = [f'"{name}"' for name in ("fid", geom_col, *names)]
        with transaction(con, path), triggers_suspended(con, table):
            n = xs.shape[0]
            for start in range(0, n, INSERT_CHUNK):
                monitor.check()
                stop = min(n, start + INSERT_CHUNK)
                blobs = ring_wkb(xs[start:stop], ys[start:stop], gpkg_srs=int(srs))
                parts = [range(start + 1, stop + 1), blobs] + [c[start:stop] for c in columns]
                insert_rows(con, table, quoted, zip(*parts))
                monitor.set(80.0 * stop / n)
            if has_rtree and n:
                monitor.check()
                pack_rtree(con, rtree, np.arange(1, n + 1), xs.min(axis=1), xs.max(axis=1), ys.min(axis=1),
                           ys.max(axis=1))
            _set_contents(con, table, n, xs, ys)
        monitor.set(100)
        return True
    except (sqlite3.DatabaseError, GeoPackageError):
        return False
    finally:
        con.close()


def _empty_cell_table(con: sqlite3.Connection, names: Sequence[str]):
    """(table, geometry column, srs_id) of the GeoPackage's one feature table when it is empty and
    has exactly the columns fid, geometry, *names*; else None."""
    tables = con.execute("SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
                         "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                         "WHERE c.data_type = 'features'").fetchall()
    if len(tables) != 1:
        return None
    table, geom_col, srs = tables[0]
    info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
    pk = [r[1] for r in info if r[5]]
    if len(pk) != 1 or [r[1] for r in info] != pk + [geom_col] + list(names) or \
            con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]:
        return None
    return table, geom_col, srs


def _set_contents(con: sqlite3.Connection, table: str, n: int, xs: np.ndarray, ys: np.ndarray) -> None:
    """The feature count (GDAL's gpkg_ogr_contents) and the extent and last change (gpkg_contents)."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? "
                    "WHERE lower(table_name) = lower(?)", (n, table))
    if n:
        con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                    "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
                    (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()), table))


__all__ = ["plain_gpkg_path", "write_gpkg_cells", "pack_rtree"]
