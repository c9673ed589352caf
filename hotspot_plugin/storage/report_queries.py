"""The SQL of the advice report: what it reads from the safety GeoPackage besides the saved scan.

:func:`read_report_sources` gives the categories, the municipality, the incident sources, the
details of the schouw findings and (when asked) the incidents' CRS; :func:`incident_blobs` the
geometry blobs of a period's incidents in and around a box (for a density map the scan did not
save). The report (report/advice/) turns them into text and map layers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from ..core import schema
from ..core.categories import Category
from . import gpkg

#: uuids per ``IN (...)`` query (SQLite's parameter limit is 999 on old builds).
CHUNK = 500


@dataclass
class ReportSources:
    """What the report reads from the GeoPackage itself (the scan brings the rest)."""

    categories: List[Category] = field(default_factory=list)
    #: The municipality from the metadata table, else the first gemeente in the areas layer.
    municipality: str = ""
    #: The names of the gemeente areas.
    gemeente_names: Set[str] = field(default_factory=set)
    #: (source or None, number of incidents), most incidents first.
    sources: List[Tuple[Optional[str], int]] = field(default_factory=list)
    #: uuid -> description, action, owner, due_date, dagdeel of the schouw findings asked for.
    schouw_details: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    #: The incidents' CRS ('EPSG:n' or WKT); empty when not asked for.
    crs: str = ""


def read_report_sources(path: str, schouw_uuids: Sequence[str], with_crs: bool = True) -> ReportSources:
    """Categories, municipality, sources, schouw details (of *schouw_uuids*) and, *with_crs*, the CRS."""
    out = ReportSources()
    con = gpkg.connect(path)
    try:
        out.categories = gpkg.read_categories(con)
        row = con.execute(f"SELECT value FROM {schema.METADATA} WHERE key = 'municipality'").fetchone()
        out.municipality = (row[0] or "") if row else ""
        out.gemeente_names = {
            str(r[0]) for r in con.execute(f"SELECT name FROM {schema.AREAS} WHERE level = 'gemeente'") if r[0]
        }
        if not out.municipality:
            row = con.execute(
                f"SELECT name FROM {schema.AREAS} WHERE level = 'gemeente' " f"ORDER BY code LIMIT 1"
            ).fetchone()
            out.municipality = (row[0] or "") if row else ""
        out.sources = [
            (s, int(n))
            for s, n in con.execute(
                f"SELECT source, count(*) FROM {schema.INCIDENTS} GROUP BY source "
                f"ORDER BY count(*) DESC, source"
            )
        ]
        uuids = list(schouw_uuids)
        for start in range(0, len(uuids), CHUNK):
            part = uuids[start : start + CHUNK]
            marks = ",".join("?" * len(part))
            for row in con.execute(
                f"SELECT uuid, description, action, owner, due_date, dagdeel "
                f"FROM {schema.SCHOUW_FINDINGS} "
                f"WHERE uuid IN ({marks})",
                part,
            ):
                out.schouw_details[row[0]] = {
                    "description": row[1] or "",
                    "action": row[2] or "",
                    "owner": row[3] or "",
                    "due_date": row[4] or "",
                    "dagdeel": row[5] or "",
                }
        if with_crs:
            out.crs = gpkg.crs_wkt(con, schema.INCIDENTS)
    finally:
        con.close()
    return out


def incident_blobs(
    path: str,
    box: Tuple[float, float, float, float],
    start: str,
    end: str,
    fields: Optional[Sequence[str]] = None,
    categories: Optional[Sequence[str]] = None,
) -> List[bytes]:
    """The geometry blobs of the incidents from *start* to before *end* whose envelope lies in *box*
    (xmin, ymin, xmax, ymax), of the safety *fields* and *categories* when given. Without an R-tree
    all incidents of the period are read."""
    xmin, ymin, xmax, ymax = box
    sql = (
        f"SELECT i.geom FROM {schema.INCIDENTS} i JOIN rtree_{schema.INCIDENTS}_geom r ON i.fid = r.id "
        f"WHERE r.minx >= ? AND r.maxx <= ? AND r.miny >= ? AND r.maxy <= ? "
        f"AND i.occurred_at >= ? AND i.occurred_at < ?"
    )
    args: List[Any] = [xmin, xmax, ymin, ymax, start, end]
    for column, values in (("safety_field", fields), ("category", categories)):
        if values:
            sql += f" AND i.{column} IN ({','.join('?' * len(values))})"
            args += list(values)
    con = gpkg.connect(path)
    try:
        rows = con.execute(sql, args).fetchall()
    except sqlite3.Error:
        rows = con.execute(
            sql.replace(f" JOIN rtree_{schema.INCIDENTS}_geom r ON i.fid = r.id", "").replace(
                "r.minx >= ? AND r.maxx <= ? AND r.miny >= ? AND r.maxy <= ? AND ", ""
            ),
            args[4:],
        ).fetchall()
    finally:
        con.close()
    return [blob for (blob,) in rows]
