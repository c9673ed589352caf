"""The SQL of the environment-scan wizard's pages: what they show of a safety GeoPackage before a
scan runs (its incidents' CRS, count, dates, extent and categories; the municipality; whether a
period holds any incident)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, List, Optional, Tuple

from ..core import schema
from . import gpkg, scan_inputs


@dataclass
class GpkgSummary:
    """The raw facts of a safety GeoPackage the wizard's pages show."""

    #: The incidents' CRS ('EPSG:n' or WKT).
    crs: str
    n_incidents: int
    #: The first and last occurred_at as stored (ISO text), None when there are no incidents.
    first: Any
    last: Any
    #: (xmin, ymin, xmax, ymax) of the incidents and the areas together; None when both are empty.
    extent: Optional[Tuple[float, float, float, float]]
    #: (category, safety field, Dutch label, English label, number of incidents) per category used.
    categories: List[Tuple[Any, Any, Any, Any, int]] = field(default_factory=list)
    #: The name of the first gemeente in the areas layer ('' when none).
    municipality: str = ""


def read_gpkg_summary(path: str) -> GpkgSummary:
    """CRS, number, dates and extent of the incidents, incidents per category and the municipality."""
    con = gpkg.connect(path)
    try:
        crs = gpkg.crs_wkt(con, schema.INCIDENTS)
        n, first, last = con.execute(
            f"SELECT count(*), min(occurred_at), max(occurred_at) " f'FROM "{schema.INCIDENTS}"'
        ).fetchone()
        boxes = [
            b
            for b in (
                scan_inputs.layer_extent(con, schema.INCIDENTS),
                scan_inputs.layer_extent(con, schema.AREAS),
            )
            if b
        ]
        extent = None
        if boxes:
            extent = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        rows = con.execute(
            f"SELECT i.category, c.safety_field, c.label_nl, c.label_en, count(*) "
            f'FROM "{schema.INCIDENTS}" i LEFT JOIN "{schema.CATEGORIES}" c ON c.code = i.category '
            f"GROUP BY i.category"
        ).fetchall()
        mun = con.execute(
            f"SELECT name FROM \"{schema.AREAS}\" WHERE level = 'gemeente' " f"ORDER BY fid LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return GpkgSummary(
        crs=crs,
        n_incidents=int(n or 0),
        first=first,
        last=last,
        extent=extent,
        categories=[tuple(r) for r in rows],
        municipality=str(mun[0]) if mun and mun[0] else "",
    )


def has_incident_between(path: str, start: dt.date, end_exclusive: dt.date) -> bool:
    """True when the GeoPackage has an incident in [start, end)."""
    con = gpkg.connect(path)
    try:
        row = con.execute(
            f'SELECT 1 FROM "{schema.INCIDENTS}" WHERE occurred_at >= ? AND occurred_at < ? LIMIT 1',
            (start.isoformat(), end_exclusive.isoformat()),
        ).fetchone()
    finally:
        con.close()
    return row is not None
