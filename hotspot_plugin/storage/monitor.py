"""Reading a safety GeoPackage for the area monitor (``hotspot:areamonitor``), fast and read-only.

Incidents: the point, the calendar year (the first four characters of ``occurred_at``, which the
GeoPackage stores as ``YYYY-MM-DD...``) and the index of the safety field, selected in SQL on
the years and an optional filter (an SQL condition on the incidents table, e.g.
``category = '1.1.1'``; the syntax of a QGIS layer filter). Points are decoded from their blobs
with numpy (``core.gpkg_blob.decode_points``).

Areas: code, name, level, inhabitants, dwellings and, when the layer has one, a ``year`` column
(CBS figures of several years: one row per area and year).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from shapely.geometry.base import BaseGeometry

from ..core import schema
from ..core.errors import InputError
from ..core.gpkg_blob import decode as decode_geometry
from ..core.gpkg_blob import decode_points
from ..core.i18n import N_
from ..core.progress import Monitor, ensure
from .gpkg import columns_of
from .scan_inputs import fetch_columns

#: Rows fetched at once (a cancel is noticed between two batches).
FETCH = 200_000


@dataclass
class MonitorIncidents:
    x: np.ndarray
    y: np.ndarray
    year: np.ndarray
    field: np.ndarray  # index into *fields* (-1: another or no field)


def check_filter(con: sqlite3.Connection, condition: str) -> None:
    """Raise InputError when *condition* is not a valid SQL condition on the incidents."""
    if not condition:
        return
    try:
        con.execute(f'SELECT 1 FROM "{schema.INCIDENTS}" WHERE ({condition}) LIMIT 0').fetchall()
    except sqlite3.Error as exc:
        raise InputError(N_("The filter {filter} cannot be used on the incidents: {error}. Write it as a "
                            "layer filter, for example category = '1.1.1' or safety_field = 'jeugd'."),
                         filter=condition, error=str(exc)) from None


def year_range(con: sqlite3.Connection, condition: str = "") -> Optional[Tuple[int, int]]:
    """The first and last calendar year of the (filtered) incidents, None when there are none."""
    where = f"WHERE ({condition})" if condition else ""
    row = con.execute(f'SELECT min(occurred_at), max(occurred_at) FROM "{schema.INCIDENTS}" {where}').fetchone()
    if not row or row[0] is None:
        return None
    return int(str(row[0])[:4]), int(str(row[1])[:4])


def read_monitor_incidents(con: sqlite3.Connection, start_year: int, end_year: int, fields: Sequence[str],
                           condition: str = "", monitor: Optional[Monitor] = None) -> MonitorIncidents:
    """Points, years and safety-field indices of the incidents of *start_year* .. *end_year*."""
    monitor = ensure(monitor)
    case = " ".join(f"WHEN ? THEN {i}" for i in range(len(fields)))
    # Full timestamps: occurred_at has NUMERIC affinity, so a bare "2023" would be compared as a number.
    params: list = list(fields) + [f"{int(start_year):04d}-01-01T00:00:00", f"{int(end_year) + 1:04d}-01-01T00:00:00"]
    sql = (f'SELECT geom, CAST(substr(occurred_at, 1, 4) AS INTEGER), CASE safety_field {case} ELSE -1 END '
           f'FROM "{schema.INCIDENTS}" WHERE occurred_at >= ? AND occurred_at < ?')
    if condition:
        sql += f" AND ({condition})"
    total = max(1, con.execute(f'SELECT count(*) FROM "{schema.INCIDENTS}"').fetchone()[0])
    blobs, years, idx = fetch_columns(con.execute(sql, params), 3, monitor,
                                      lambda read: monitor.set(80.0 * min(1.0, read / total)), FETCH)
    x, yy = decode_points(blobs)
    monitor.set(100)
    return MonitorIncidents(x, yy, np.asarray(years, dtype=np.int64), np.asarray(idx, dtype=np.int64))


@dataclass
class AreaRecord:
    """One row of the areas layer (several rows per code when it has a year column)."""

    geometry: BaseGeometry
    code: str
    name: str
    level: str
    inhabitants: Optional[float]
    dwellings: Optional[float]
    year: Optional[int]


def read_area_records(con: sqlite3.Connection) -> List[AreaRecord]:
    """Every row of the areas layer with a geometry (the year is None without a year column)."""
    has_year = "year" in [str(c).lower() for c in columns_of(con, schema.AREAS)]
    cols = "geom, code, name, level, inhabitants, dwellings" + (", year" if has_year else ", NULL")
    out: List[AreaRecord] = []
    for blob, code, name, level, inh, dw, year in con.execute(f'SELECT {cols} FROM "{schema.AREAS}"'):
        geom = decode_geometry(blob)
        if geom is None or geom.is_empty:
            continue
        try:
            yr = None if year is None else int(year)
        except (TypeError, ValueError):
            yr = None
        out.append(AreaRecord(geom, "" if code is None else str(code), "" if name is None else str(name),
                              str(level or "").strip().lower(), None if inh is None else float(inh),
                              None if dw is None else float(dw), yr))
    return out


__all__ = ["MonitorIncidents", "check_filter", "year_range", "read_monitor_incidents", "AreaRecord",
           "read_area_records"]
