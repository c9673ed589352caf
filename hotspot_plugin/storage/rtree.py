"""SQLite R*-tree spatial indexes of GeoPackage feature tables, written in bulk.

SQLite inserts a box into an R*-tree one at a time (choose a leaf, split, reinsert): a
million points took about 15 s. :func:`pack_rtree` writes a packed tree straight into the
index's shadow tables instead, well under a second; :func:`add_boxes` adds a batch to an
index that may already hold entries (a second import): a few through SQLite's own insertion,
many by repacking the whole index. Both the grid-cell writer (``storage.cells``) and the
incident import (``storage.gpkg.bulk_insert_points``) use them.
"""
from __future__ import annotations

import math
import sqlite3

import numpy as np

#: :func:`add_boxes` repacks the whole index when the new boxes number at least this fraction
#: of the ones already in it (and at least :data:`REPACK_MIN`); below that SQLite inserts them.
REPACK_FRACTION = 0.05
REPACK_MIN = 5_000
_CHUNK = 65_536


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
        owner = node_nos[np.arange(n) // per_node]
        by_id = np.argsort(entry_ids, kind="stable")  # rowid order: the b-tree is appended to, not split
        table = "_rowid" if depth == 0 else "_parent"
        for start in range(0, n, _CHUNK):  # in chunks: a million Python ints at once cost 70 MB
            part = by_id[start:start + _CHUNK]
            con.executemany(f'INSERT INTO "{rtree}{table}" VALUES (?, ?)',
                            zip(entry_ids[part].tolist(), owner[part].tolist()))


def add_boxes(con: sqlite3.Connection, rtree: str, ids: np.ndarray, minx: np.ndarray, maxx: np.ndarray,
              miny: np.ndarray, maxy: np.ndarray) -> str:
    """Add boxes (new row ids, none of them in the index yet) to a 2-D SQLite R*-tree.

    An empty index is packed (:func:`pack_rtree`); a batch small next to what the index already
    holds (fewer than :data:`REPACK_FRACTION` of it, or fewer than :data:`REPACK_MIN`) goes
    in through SQLite's own insertion; otherwise the entries already there are read back (as
    the float32 boxes SQLite stored) and the whole index is repacked with the new ones. Returns
    what was done: ``"pack"``, ``"insert"`` or ``"repack"``.
    """
    n = int(np.asarray(ids).size)
    if n == 0:
        return "insert"
    have = int(con.execute(f'SELECT count(*) FROM "{rtree}_rowid"').fetchone()[0])
    if have and (n < REPACK_MIN or n < REPACK_FRACTION * have):
        con.executemany(f'INSERT INTO "{rtree}" VALUES (?, ?, ?, ?, ?)',
                        zip(np.asarray(ids, dtype=np.int64).tolist(), np.asarray(minx, float).tolist(),
                            np.asarray(maxx, float).tolist(), np.asarray(miny, float).tolist(),
                            np.asarray(maxy, float).tolist()))
        return "insert"
    if not have:
        pack_rtree(con, rtree, ids, minx, maxx, miny, maxy)
        return "pack"
    old = np.empty((have, 5), dtype=np.float64)
    cur = con.execute(f'SELECT id, minx, maxx, miny, maxy FROM "{rtree}"')
    filled = 0
    while filled < have:
        part = cur.fetchmany(65_536)
        if not part:
            break
        old[filled:filled + len(part)] = part
        filled += len(part)
    old = old[:filled]
    pack_rtree(con, rtree, np.concatenate([old[:, 0].astype(np.int64), np.asarray(ids, dtype=np.int64)]),
               *(np.concatenate([old[:, j], np.asarray(v, float)]) for j, v in
                 enumerate((minx, maxx, miny, maxy), 1)))
    return "repack"


def extent(con: sqlite3.Connection, rtree: str):
    """(minx, miny, maxx, maxy) of everything in a 2-D R*-tree, (None,) * 4 when it is empty.

    Read from the root node alone (its entries' boxes cover the tree): what ``SELECT min(minx),
    ... FROM rtree`` gives without scanning a million entries.
    """
    row = con.execute(f'SELECT data FROM "{rtree}_node" WHERE nodeno = 1').fetchone()
    count = int.from_bytes(row[0][2:4], "big") if row else 0
    if not count:
        return None, None, None, None
    entries = np.frombuffer(row[0], dtype=np.dtype([("id", ">i8"), ("box", ">f4", (4,))]), count=count, offset=4)
    box = entries["box"].astype(np.float64)
    return float(box[:, 0].min()), float(box[:, 2].min()), float(box[:, 1].max()), float(box[:, 3].max())


__all__ = ["pack_rtree", "add_boxes", "extent"]
