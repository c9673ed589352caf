"""What the buurtschouw route reads from a safety GeoPackage: earlier findings and risk objects near the area.

The environment scan reads the same layers (storage/scan_inputs.py), but the route needs more and
other rows: every finding (the core decides which ones are still open) and the risk objects' uuids.
Rows come in the order SQLite gives them through the layer's rtree (or the whole table when it
has none); a point's x/y is the point itself, or a point on any other geometry (NaN when the
geometry is empty or unreadable, which the core skips).
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

from shapely.geometry import Point

from ..core import schema
from ..core.gpkg_blob import decode
from . import gpkg

BBox = Tuple[float, float, float, float]  # minx, miny, maxx, maxy


def rows_in_bbox(path: str, table: str, columns: Sequence[str], bbox: BBox) -> List[Tuple[Any, ...]]:
    """(geom blob, *columns*) of the rows of *table* whose box meets *bbox* (all rows without an rtree)."""
    con = gpkg.connect(path)
    try:
        cols = ", ".join(f't."{c}"' for c in columns)
        rtree = f"rtree_{table}_geom"
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            return con.execute(
                f'SELECT t.geom, {cols} FROM "{table}" t JOIN "{rtree}" r ON r.id = t.fid WHERE '
                f"r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ?",
                (bbox[0], bbox[2], bbox[1], bbox[3]),
            ).fetchall()
        return con.execute(f'SELECT t.geom, {cols} FROM "{table}" t').fetchall()
    finally:
        con.close()


def point_xy(blob: Optional[bytes]) -> Tuple[float, float]:
    """x, y of a geometry blob: the point, or a point on another geometry (NaN, NaN when unreadable)."""
    geom = decode(blob)
    if geom is None:
        return math.nan, math.nan
    p = geom if isinstance(geom, Point) else geom.representative_point()
    return p.x, p.y


def read_findings(path: str, bbox: BBox) -> Dict[str, list]:
    """Schouw findings near *bbox*: lists x, y, uuid, severity, item, status (status "open" when empty)."""
    rows = rows_in_bbox(path, schema.SCHOUW_FINDINGS, ("uuid", "severity", "checklist_item", "status"), bbox)
    out: Dict[str, list] = {"x": [], "y": [], "uuid": [], "severity": [], "item": [], "status": []}
    for blob, uid, severity, item, status in rows:
        x, y = point_xy(blob)
        out["x"].append(x)
        out["y"].append(y)
        out["uuid"].append(uid or "")
        out["severity"].append(severity or "")
        out["item"].append(item or "")
        out["status"].append(status or "open")
    return out


def read_risk_objects(path: str, bbox: BBox) -> Dict[str, list]:
    """Risk objects near *bbox*: lists x, y, uuid, kind, name."""
    rows = rows_in_bbox(path, schema.RISK_OBJECTS, ("uuid", "kind", "name"), bbox)
    out: Dict[str, list] = {"x": [], "y": [], "uuid": [], "kind": [], "name": []}
    for blob, uid, kind, name in rows:
        x, y = point_xy(blob)
        out["x"].append(x)
        out["y"].append(y)
        out["uuid"].append(uid or "")
        out["kind"].append(kind or "")
        out["name"].append(name or "")
    return out
