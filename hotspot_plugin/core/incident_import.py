"""Validation of incident rows before they go into the safety GeoPackage.

The QGIS layer reads the source (any table or vector layer) into plain columns and
hands them here; this module decides per row whether it can be imported and, if not,
why, in words a GIS officer understands. Nothing is dropped silently: every row ends
up either in :attr:`ValidatedRows.accepted` or in :attr:`ValidatedRows.rejected`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from pyproj import CRS, Transformer

from .categories import Category, resolve
from .errors import InputError
from .i18n import N_
from .parsing import gpkg_datetime, is_blank, parse_datetime, parse_numbers
from .progress import Monitor, ensure

#: Netherlands and Belgium, generously, in WGS84 degrees (lon_min, lat_min, lon_max, lat_max).
REGION_LONLAT = (2.0, 49.3, 7.6, 53.9)

# Rejection reasons (templates, translated by the QGIS layer).
R_NO_DATE = N_("No date")
R_BAD_DATE = N_("Unreadable date '{value}': use dd-mm-jjjj, dd-mm-jjjj hh:mm or jjjj-mm-dd")
R_FUTURE = N_("Date {value} lies in the future")
R_TOO_OLD = N_("Date {value} lies before 1900")
R_NO_CATEGORY = N_("No category")
R_UNKNOWN_CATEGORY = N_("Unknown category '{value}': correct it or add it to the categories table")
R_BAD_WEIGHT = N_("Weight '{value}' is not a number of 0 or more")
R_NO_XY = N_("No coordinates")
R_BAD_XY = N_("Unreadable coordinates x='{x}', y='{y}'")
R_EMPTY_GEOMETRY = N_("Empty geometry")
R_NOT_POINT = N_("Geometry is not a point (it is a {kind})")
R_SWAPPED = N_("x and y seem swapped (x={x}, y={y})")
R_DEGREES = N_("Coordinates look like degrees (x={x}, y={y}): choose WGS 84 (EPSG:4326) as their CRS")
R_METRES = N_("Coordinates look like metres (x={x}, y={y}): choose RD New (EPSG:28992) as their CRS")
R_OUTSIDE = N_("Coordinates lie outside the Netherlands and Belgium (x={x}, y={y}): check their CRS")
R_DUPLICATE_IN_FILE = N_("Same incident as row {row} of this file")
R_ALREADY_IMPORTED = N_("Already imported before (import {batch})")


@dataclass
class Rejection:
    row: int  # 1-based row number in the source
    template: str
    params: Dict[str, object] = field(default_factory=dict)

    def render(self, translate=None) -> str:
        text = translate(self.template) if translate else self.template
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.params)


@dataclass
class ValidatedRows:
    """Rows that can be imported (as columns) and the ones that cannot (with reasons)."""

    rows: np.ndarray  # 1-based source row numbers of accepted rows
    x: np.ndarray  # in the target CRS
    y: np.ndarray
    occurred_at: List[str]  # "YYYY-MM-DDTHH:MM:SS.sss" (see parsing.gpkg_datetime)
    category: List[str]
    safety_field: List[str]
    weight: np.ndarray
    source_id: List[Optional[str]]
    description: List[Optional[str]]
    dedup_key: List[str]
    uuid: List[str]
    rejected: List[Rejection]

    @property
    def accepted_count(self) -> int:
        return len(self.rows)

    def drop(self, keep: np.ndarray) -> "ValidatedRows":
        """A copy with only the accepted rows where *keep* is true."""
        return self.drop_order(np.flatnonzero(keep))

    def drop_order(self, idx: np.ndarray) -> "ValidatedRows":
        """A copy with the accepted rows at positions *idx*, in that order."""
        pick = [int(i) for i in idx]
        return ValidatedRows(
            self.rows[idx], self.x[idx], self.y[idx], [self.occurred_at[i] for i in pick],
            [self.category[i] for i in pick], [self.safety_field[i] for i in pick], self.weight[idx],
            [self.source_id[i] for i in pick], [self.description[i] for i in pick],
            [self.dedup_key[i] for i in pick], [self.uuid[i] for i in pick], list(self.rejected))

def summarise_rejections(rejected: Sequence[Rejection], translate=None) -> List[Tuple[int, str]]:
    """(count, first example's message) per kind of reason, the most frequent first."""
    counts = Counter(r.template for r in rejected)
    examples: Dict[str, Rejection] = {}
    for r in rejected:
        examples.setdefault(r.template, r)
    return [(n, examples[template].render(translate)) for template, n in counts.most_common()]


@dataclass
class SourceColumns:
    """The source rows as plain Python columns (one list per role, same length).

    ``x``/``y`` hold raw cell values (from x/y columns) or floats (from point geometries),
    ``geometry_problem`` optionally holds per row a (template, params) tuple when the row's
    geometry cannot give a point (empty, not a point).
    """

    date: Sequence[object]
    category: Sequence[object]
    x: Sequence[object]
    y: Sequence[object]
    time: Optional[Sequence[object]] = None
    weight: Optional[Sequence[object]] = None
    source_id: Optional[Sequence[object]] = None
    description: Optional[Sequence[object]] = None
    geometry_problem: Optional[Sequence[Optional[Tuple[str, dict]]]] = None

    def __len__(self) -> int:
        return len(self.date)


def _fmt(v: object) -> str:
    text = "" if v is None else str(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _crs_is_geographic(crs: CRS) -> bool:
    return bool(crs.is_geographic)


def validate_rows(columns: SourceColumns, lookup: Dict[str, Category], source_crs: str, target_crs: str,
                  source_name: str, now: Optional[dt.datetime] = None,
                  monitor: Optional[Monitor] = None) -> ValidatedRows:
    """Check every row; return accepted rows (coordinates in *target_crs*) and rejections.

    ``source_crs`` and ``target_crs`` are anything pyproj understands (``"EPSG:28992"``,
    WKT). ``lookup`` comes from :func:`categories.build_lookup` over the GeoPackage's
    categories table. A NULL weight takes the category's default harm weight.
    """
    monitor = ensure(monitor)
    n = len(columns)
    now = now or dt.datetime.now()
    latest = now + dt.timedelta(days=1)
    rejected: List[Rejection] = []
    ok_rows: List[int] = []
    xs: List[float] = []
    ys: List[float] = []
    dates: List[str] = []
    cats: List[str] = []
    fields_: List[str] = []
    weights: List[float] = []
    date_cache: Dict[Tuple[object, object], Optional[dt.datetime]] = {}
    cat_cache: Dict[object, Optional[Category]] = {}
    step = max(1, n // 50)
    # Numbers: whole columns at once (NaN = blank or unreadable, told apart below).
    all_x = parse_numbers(columns.x).tolist()
    all_y = parse_numbers(columns.y).tolist()
    all_w = parse_numbers(columns.weight).tolist() if columns.weight is not None else None

    for i in range(n):
        if i % step == 0:
            monitor.check()
            monitor.set(60.0 * i / max(n, 1))
        row = i + 1
        raw_date = columns.date[i]
        raw_time = columns.time[i] if columns.time is not None else None
        if raw_date is None or (raw_date.__class__ is str and not raw_date.strip()) or is_blank(raw_date):
            rejected.append(Rejection(row, R_NO_DATE))
            continue
        key = (raw_date if not isinstance(raw_date, (list, dict)) else str(raw_date), raw_time)
        try:
            when = date_cache[key]
        except KeyError:
            when = date_cache[key] = parse_datetime(raw_date, raw_time)
        except TypeError:
            when = parse_datetime(raw_date, raw_time)
        if when is None:
            shown = _fmt(raw_date) if is_blank(raw_time) else f"{_fmt(raw_date)} {_fmt(raw_time)}"
            rejected.append(Rejection(row, R_BAD_DATE, {"value": shown}))
            continue
        if when > latest:
            rejected.append(Rejection(row, R_FUTURE, {"value": when.strftime("%d-%m-%Y %H:%M")}))
            continue
        if when.year < 1900:
            rejected.append(Rejection(row, R_TOO_OLD, {"value": when.strftime("%d-%m-%Y")}))
            continue
        raw_cat = columns.category[i]
        if raw_cat is None or is_blank(raw_cat):
            rejected.append(Rejection(row, R_NO_CATEGORY))
            continue
        try:
            cat = cat_cache[raw_cat]
        except KeyError:
            cat = cat_cache[raw_cat] = resolve(raw_cat, lookup)
        except TypeError:
            cat = resolve(raw_cat, lookup)
        if cat is None:
            rejected.append(Rejection(row, R_UNKNOWN_CATEGORY, {"value": _fmt(raw_cat)}))
            continue
        weight = cat.weight
        if all_w is not None and not is_blank(columns.weight[i]):
            w = all_w[i]
            if not w >= 0:  # NaN (unreadable) or negative
                rejected.append(Rejection(row, R_BAD_WEIGHT, {"value": _fmt(columns.weight[i])}))
                continue
            weight = w
        if columns.geometry_problem is not None and columns.geometry_problem[i] is not None:
            template, params = columns.geometry_problem[i]
            rejected.append(Rejection(row, template, dict(params)))
            continue
        fx, fy = all_x[i], all_y[i]
        if fx != fx or fy != fy:  # NaN: blank or unreadable
            raw_x, raw_y = columns.x[i], columns.y[i]
            if is_blank(raw_x) or is_blank(raw_y):
                rejected.append(Rejection(row, R_NO_XY))
            else:
                rejected.append(Rejection(row, R_BAD_XY, {"x": _fmt(raw_x), "y": _fmt(raw_y)}))
            continue
        ok_rows.append(row)
        xs.append(fx)
        ys.append(fy)
        dates.append(gpkg_datetime(when))
        cats.append(cat.code)
        fields_.append(cat.safety_field)
        weights.append(float(weight))

    monitor.check()
    monitor.set(60.0)
    # Coordinates: transform all at once, then check they fall where they should.
    sx = np.asarray(xs, dtype=float)
    sy = np.asarray(ys, dtype=float)
    tx, ty, inside = _transform_and_check(sx, sy, source_crs, target_crs)
    keep = np.ones(len(ok_rows), dtype=bool)
    if not inside.all():
        src = CRS.from_user_input(source_crs)
        for k in np.flatnonzero(~inside):
            template = _diagnose(sx[k], sy[k], src)
            rejected.append(Rejection(ok_rows[k], template, {"x": _fmt(_num(sx[k])), "y": _fmt(_num(sy[k]))}))
            keep[k] = False
    monitor.set(75.0)

    # Identity: source id when there is one, else the incident's content.
    source = source_name or ""
    keys: List[str] = []
    ids: List[Optional[str]] = []
    descs: List[Optional[str]] = []
    first_row: Dict[str, int] = {}
    for k, row in enumerate(ok_rows):
        i = row - 1
        sid = None
        if columns.source_id is not None and not is_blank(columns.source_id[i]):
            sid = str(columns.source_id[i]).strip()
        ids.append(sid)
        desc = columns.description[i] if columns.description is not None else None
        descs.append(None if is_blank(desc) else str(desc))
        if sid is not None:
            basis = f"{source}|id|{sid}"
        else:
            basis = f"{source}|{dates[k]}|{cats[k]}|{tx[k]:.2f}|{ty[k]:.2f}|{weights[k]:g}"
        dkey = hashlib.sha1(basis.encode("utf-8")).hexdigest()
        keys.append(dkey)
        if keep[k]:
            if dkey in first_row:
                rejected.append(Rejection(row, R_DUPLICATE_IN_FILE, {"row": first_row[dkey]}))
                keep[k] = False
            else:
                first_row[dkey] = row
    # The uuid is the SHA-1 of the identity (as uuid5 makes it), so a re-import gives the same uuid.
    uuids = [_uuid_from_sha1(k) for k in keys]
    monitor.set(90.0)
    result = ValidatedRows(np.asarray(ok_rows, dtype=np.int64), tx, ty, dates, cats, fields_,
                           np.asarray(weights, dtype=float), ids, descs, keys, uuids, rejected)
    result = result.drop(keep)
    result.rejected.sort(key=lambda r: r.row)
    return result


_VARIANT = "89ab89ab89ab89ab"


def _uuid_from_sha1(digest: str) -> str:
    """A version-5 uuid string from a SHA-1 hex digest (what ``uuid.UUID(hex=..., version=5)`` gives)."""
    return (f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{_VARIANT[int(digest[16], 16)]}{digest[17:20]}-"
            f"{digest[20:32]}")


def _num(v: float) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _region_check(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lon_min, lat_min, lon_max, lat_max = REGION_LONLAT
    return (lon >= lon_min) & (lon <= lon_max) & (lat >= lat_min) & (lat <= lat_max)


_transformers: Dict[Tuple[str, str], Transformer] = {}


def _transformer(src: str, dst: str) -> Transformer:
    key = (src, dst)
    if key not in _transformers:
        _transformers[key] = Transformer.from_crs(CRS.from_user_input(src), CRS.from_user_input(dst),
                                                  always_xy=True)
    return _transformers[key]


def _transform_and_check(x: np.ndarray, y: np.ndarray, source_crs: str, target_crs: str):
    if len(x) == 0:
        return x, y, np.ones(0, dtype=bool)
    with np.errstate(all="ignore"):
        tx, ty = _transformer(source_crs, target_crs).transform(x, y)
        lon, lat = _transformer(source_crs, "EPSG:4326").transform(x, y)
    tx = np.asarray(tx, dtype=float)
    ty = np.asarray(ty, dtype=float)
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    inside = np.isfinite(tx) & np.isfinite(ty) & _region_check(lon, lat)
    return tx, ty, inside


def _diagnose(x: float, y: float, src: CRS) -> str:
    """Why a coordinate pair falls outside the region: swapped, wrong CRS, or just outside."""
    with np.errstate(all="ignore"):
        lon, lat = _transformer(src.to_wkt(), "EPSG:4326").transform(np.array([y]), np.array([x]))
    if np.isfinite(lon[0]) and _region_check(np.asarray(lon), np.asarray(lat))[0]:
        return R_SWAPPED
    looks_degrees = abs(x) <= 180 and abs(y) <= 90
    if not _crs_is_geographic(src) and looks_degrees:
        return R_DEGREES
    if _crs_is_geographic(src) and (abs(x) > 180 or abs(y) > 90):
        return R_METRES
    return R_OUTSIDE


def require_columns(available: Sequence[str], wanted: Dict[str, Optional[str]]) -> None:
    """Raise InputError naming every chosen column that the source does not have."""
    missing = [f"{role}: '{name}'" for role, name in wanted.items() if name and name not in available]
    if missing:
        raise InputError(N_("These columns are not in the input: {missing}. Available columns: {available}"),
                         missing=", ".join(missing), available=", ".join(available))


#: Column names seen in police exports, MOR systems and our own data, per role (lower case).
COLUMN_GUESSES: Dict[str, Tuple[str, ...]] = {
    "date": ("occurred_at", "datum", "date", "pleegdatum", "begindatum", "datum_tijd", "datumtijd",
             "datetime", "melddatum", "registratiedatum", "tijdstip", "datum_melding", "startdatum"),
    "time": ("tijd", "time", "pleegtijd", "begintijd", "uur", "tijdstip_uur"),
    "category": ("category", "categorie", "soortmisdrijf", "soort_misdrijf", "soort", "misdrijf",
                 "incidentcode", "code", "maatschappelijke_klasse", "klasse", "type", "rubriek"),
    "x": ("x", "x_rd", "rd_x", "xcoord", "x_coord", "x_coordinaat", "coord_x", "lon", "lng", "longitude",
          "lengtegraad"),
    "y": ("y", "y_rd", "rd_y", "ycoord", "y_coord", "y_coordinaat", "coord_y", "lat", "latitude",
          "breedtegraad"),
    "weight": ("weight", "gewicht", "harm", "ernst"),
    "source_id": ("source_id", "registratienummer", "regnr", "incidentnummer", "meldingnummer",
                  "meldingsnummer", "bvh_nummer", "zaaknummer", "id", "nummer"),
    "description": ("description", "omschrijving", "beschrijving", "toelichting", "opmerking"),
}


def guess_mapping(names: Sequence[str]) -> Dict[str, str]:
    """Guess which column plays which role from its name; roles without a match are left out."""
    lower = {name.lower().strip(): name for name in names}
    result: Dict[str, str] = {}
    for role, candidates in COLUMN_GUESSES.items():
        for candidate in candidates:
            if candidate in lower and lower[candidate] not in result.values():
                result[role] = lower[candidate]
                break
    if ("x" in result) != ("y" in result):
        result.pop("x", None)
        result.pop("y", None)
    return result


def xy_look_geographic(x_name: str, y_name: str) -> bool:
    """True when the chosen x/y column names say longitude/latitude."""
    return x_name.lower() in ("lon", "lng", "longitude", "lengtegraad") or \
        y_name.lower() in ("lat", "latitude", "breedtegraad")
