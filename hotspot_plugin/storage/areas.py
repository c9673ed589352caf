"""Writing areas (buurten, wijken, gemeenten, sectors) into the safety GeoPackage: upsert by code.

One transaction: a feature whose (level, code) is not stored yet is inserted, a stored one is
updated in place (geometry, name, parent code, inhabitants, dwellings, year), so a newer year of
the CBS wijk- en buurtkaart replaces the numbers without duplicates. A cancel or an error rolls
everything back. GDAL's triggers keep the spatial index up to date (areas are few).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from pyproj import CRS, Transformer
from shapely.ops import transform as shapely_transform

from ..core import schema
from ..core.area_import import AreaRows, Skip, plan_upsert
from ..core.gpkg_blob import decode, geometry_blob
from ..core.progress import Monitor, ensure
from ..core.study_area import StudyArea, study_area_of
from . import gpkg

_COLUMNS = ("name", "level", "parent_code", "inhabitants", "dwellings", "year")


@dataclass
class UpsertReport:
    inserted: int = 0
    updated: int = 0
    skipped: List[Skip] = field(default_factory=list)


def _ensure_year_column(con) -> None:
    """GeoPackages made before the areas layer had a year column get it (inside the transaction)."""
    names = set(gpkg.columns_of(con, schema.AREAS))
    if "year" not in names:
        con.execute(f'ALTER TABLE "{schema.AREAS}" ADD COLUMN "year" INTEGER')


def stored_areas(con, level: str) -> Dict[str, List[Tuple[int, Optional[int]]]]:
    """code -> [(fid, year)] of the stored areas of *level*."""
    names = set(gpkg.columns_of(con, schema.AREAS))
    year = '"year"' if "year" in names else "NULL"
    out: Dict[str, List[Tuple[int, Optional[int]]]] = {}
    for fid, code, y in con.execute(
            f'SELECT fid, code, {year} FROM "{schema.AREAS}" WHERE lower(trim(level)) = ?', (level,)):
        if code is not None:
            out.setdefault(str(code).strip(), []).append((int(fid), None if y is None else int(y)))
    return out


def study_area(con, target_crs: str) -> Optional[StudyArea]:
    """The union of the areas layer's features (the buurten/wijken) in *target_crs* (that of the
    incidents, as :func:`gpkg.crs_wkt` gives it), or None when the layer holds none."""
    names = {row[0] for row in con.execute("SELECT table_name FROM gpkg_contents")}
    if schema.AREAS not in names:
        return None
    geoms = [g for g in (decode(blob) for (blob,) in con.execute(f'SELECT geom FROM "{schema.AREAS}"'))
             if g is not None]
    if not geoms:
        return None
    own = gpkg.crs_wkt(con, schema.AREAS)
    if own != target_crs:
        transformer = Transformer.from_crs(CRS.from_user_input(own), CRS.from_user_input(target_crs), always_xy=True)
        geoms = [shapely_transform(transformer.transform, g) for g in geoms]
    return study_area_of(geoms)


def srs_id(path: str) -> int:
    con = gpkg.connect(path)
    try:
        return gpkg.srs_id(con, schema.AREAS)
    finally:
        con.close()


def upsert_areas(path: str, rows: AreaRows, level: str, year: Optional[int],
                 monitor: Optional[Monitor] = None) -> UpsertReport:
    """Insert or update *rows* (geometries: shapely (multi)polygons in the layer's CRS) by code."""
    monitor = ensure(monitor)
    con = gpkg.connect(path, write=True)
    report = UpsertReport()
    try:
        sid = gpkg.srs_id(con, schema.AREAS)
        with gpkg.transaction(con, path):
            _ensure_year_column(con)
            plan = plan_upsert(rows, stored_areas(con, level), year)
            report.skipped = plan.skipped
            total = max(1, len(plan.insert) + len(plan.update))
            done = 0
            sets = ", ".join(f'"{c}" = ?' for c in _COLUMNS)
            for k in plan.insert:
                gpkg.insert_rows(con, schema.AREAS, ("geom", "code", *_COLUMNS),
                                 [(_blob(rows.geometry[k], sid), rows.code[k], *_values(rows, k, level, year))])
                done += 1
                monitor.set(100.0 * done / total)
                monitor.check()
            for k, fids in plan.update:
                for fid in fids:
                    con.execute(f'UPDATE "{schema.AREAS}" SET geom = ?, {sets} WHERE fid = ?',
                                (_blob(rows.geometry[k], sid), *_values(rows, k, level, year), fid))
                done += 1
                monitor.set(100.0 * done / total)
                monitor.check()
            monitor.check()
            gpkg.refresh_contents(con, schema.AREAS)
            report.inserted = len(plan.insert)
            report.updated = len(plan.update)
    finally:
        con.close()
    monitor.set(100)
    return report


def _blob(geom, sid: int) -> bytes:
    return geometry_blob(geom.wkb, geom.bounds, sid)


def _values(rows: AreaRows, k: int, level: str, year: Optional[int]) -> tuple:
    return (rows.name[k], level, rows.parent_code[k], rows.inhabitants[k], rows.dwellings[k], year)
