"""Bulk writes of grid cells (``hotspot:gistar``'s squares and hexagons) into a GeoPackage, R-tree included.

A million cells written through QGIS's sink, with GDAL's per-row triggers and SQLite's
row-by-row R*-tree insertion, cost about 14 s; here the rows go in with one ``executemany`` per
chunk inside one transaction (:func:`storage.gpkg.transaction`, the triggers suspended with
:func:`storage.gpkg.triggers_suspended`) and the spatial index is written as a packed R-tree
(:func:`pack_rtree`), which SQLite, GDAL and QGIS read like one they built themselves.
"""
from __future__ import annotations

import math
import sqlite3
from typing import Optional, Sequence

import numpy as np

from ..core.grid_shapes import ring_wkb
from ..core.progress import Monitor, ensure
from .gpkg import GeoPackageError, insert_rows, transaction, triggers_suspended

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


def _float32_down(v: np.ndarray) -> np.ndarray:
    """float32 values at or below *v* (SQLite's R-tree rounds a box outward the same way)."""
    f = v.astype(np.float32)
    high = f.astype(np.float64) > v
    f[high] = np.nextafter(f[high], np.float32(-np.inf))
    return f


def _float32_up(v: np.ndarray) -> np.ndarray:
    f = v.astype(np.float32)
    low = f.astype(np.float64) < v
    f[low] = np.nextafter(f[low], np.float32(np.inf))
    return f


def pack_rtree(con: sqlite3.Connection, rtree: str, ids: np.ndarray, minx: np.ndarray, maxx: np.ndarray,
               miny: np.ndarray, maxy: np.ndarray) -> None:
    """Fill an empty 2-D SQLite R*-tree (``rtree(id, minx, maxx, miny, maxy)``) in bulk.

    Writes the tree's shadow tables (``_node``, ``_rowid``, ``_parent``) directly with a packed
    tree in Sort-Tile-Recursive order (Leutenegger et al. 1997): full nodes, boxes as float32
    rounded outward as SQLite stores them. The file format is SQLite's (rtree.c): node 1 is the
    root; a node blob holds the tree depth (root only) and the number of entries as 16-bit
    big-endian integers, then per entry a 64-bit id and four 32-bit floats, big-endian, padded
    to the node size of the existing (empty) root. SQLite reads and updates such a tree like
    one it built itself (checked with ``rtreecheck()`` in the tests).
    """
    size = int(con.execute(f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()[0])
    per_node = (size - 4) // 24
    entry = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
    level_ids = np.asarray(ids, dtype=np.int64)
    boxes = np.column_stack([_float32_down(np.asarray(minx, float)), _float32_up(np.asarray(maxx, float)),
                             _float32_down(np.asarray(miny, float)), _float32_up(np.asarray(maxy, float))])
    levels = []  # per level, leaves first: (entries in node order, number of nodes)
    while True:
        n = level_ids.size
        n_nodes = -(-n // per_node)
        slices = int(math.ceil(math.sqrt(n_nodes)))
        cx = boxes[:, 0].astype(float) + boxes[:, 1]
        cy = boxes[:, 2].astype(float) + boxes[:, 3]
        by_x = np.argsort(cx, kind="stable")
        slice_of = np.empty(n, dtype=np.int64)
        slice_of[by_x] = np.arange(n) // (slices * per_node)
        order = np.lexsort((cy, slice_of))
        level_ids, boxes = level_ids[order], boxes[order]
        levels.append((level_ids, boxes, n_nodes))
        if n_nodes == 1:
            break
        starts = np.arange(0, n, per_node)
        boxes = np.column_stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1],
                                                                                               starts),
                                 np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3],
                                                                                               starts)])
        level_ids = np.arange(n_nodes, dtype=np.int64)  # position of each node in the level below
    # Node numbers: root 1, then level by level from the top.
    first_no = {}
    next_no = 1
    for depth in range(len(levels) - 1, -1, -1):
        first_no[depth] = next_no
        next_no += levels[depth][2]
    con.execute(f'DELETE FROM "{rtree}_node"')
    con.execute(f'DELETE FROM "{rtree}_rowid"')
    con.execute(f'DELETE FROM "{rtree}_parent"')
    tree_depth = len(levels) - 1
    for depth, (entry_ids, entry_boxes, n_nodes) in enumerate(levels):
        if depth > 0:  # entries of this level are the nodes of the level below
            entry_ids = first_no[depth - 1] + entry_ids
        n = entry_ids.size
        padded = np.zeros(n_nodes * per_node, dtype=entry)
        padded["id"][:n] = entry_ids
        padded["box"][:n] = entry_boxes
        blob = np.zeros((n_nodes, size), dtype=np.uint8)
        blob[:, 4:4 + per_node * 24] = padded.view(np.uint8).reshape(n_nodes, per_node * 24)
        counts = np.full(n_nodes, per_node, dtype=">u2")
        counts[-1] = n - per_node * (n_nodes - 1)
        blob[:, 2:4] = counts.view(np.uint8).reshape(n_nodes, 2)
        if depth == tree_depth:
            blob[0, 0:2] = np.array([tree_depth], dtype=">u2").view(np.uint8)
        node_nos = first_no[depth] + np.arange(n_nodes)
        con.executemany(f'INSERT INTO "{rtree}_node" VALUES (?, ?)',
                        zip(node_nos.tolist(), (row.tobytes() for row in blob)))
        owner = node_nos[np.arange(n) // per_node].tolist()
        if depth == 0:
            con.executemany(f'INSERT INTO "{rtree}_rowid" VALUES (?, ?)', zip(entry_ids.tolist(), owner))
        else:
            con.executemany(f'INSERT INTO "{rtree}_parent" VALUES (?, ?)', zip(entry_ids.tolist(), owner))


__all__ = ["plain_gpkg_path", "write_gpkg_cells", "pack_rtree"]
