"""Validation of incident rows before they go into the safety GeoPackage.

The QGIS layer reads the source (any table or vector layer) into plain columns and
hands them here; this module decides per row whether it can be imported and, if not,
why, in words a GIS officer understands. Nothing is dropped silently: every row ends
up either in :attr:`ValidatedRows.accepted` or in :attr:`ValidatedRows.rejected`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from pyproj import CRS, Transformer

from .categories import Category, resolve
from .errors import InputError
from .fast_parsing import fast_datetimes
from .i18n import N_
from .import_columns import COLUMN_GUESSES, guess_mapping, xy_look_geographic  # noqa: F401 - re-exported
from .parsing import (
    BAD_TIME,
    NONEXISTENT,
    UNREADABLE,
    gpkg_datetime,
    is_blank,
    parse_numbers,
    parse_time,
    read_datetime,
)
from .progress import Monitor, ensure
from .study_area import StudyArea

#: Netherlands and Belgium, generously, in WGS84 degrees (lon_min, lat_min, lon_max, lat_max).
REGION_LONLAT = (2.0, 49.3, 7.6, 53.9)

# Rejection reasons (templates, translated by the QGIS layer).
R_NO_DATE = N_("No date")
R_BAD_DATE = N_("Unreadable date '{value}': use dd-mm-jjjj, dd-mm-jjjj hh:mm or jjjj-mm-dd")
R_NONEXISTENT_DATE = N_("Date '{value}' does not exist (no such day or time)")
R_BAD_TIME = N_("Unreadable time '{value}': use hh:mm, hh.mm or hhmm")
R_BAD_END = N_("Unreadable end date '{value}'")
R_END_BEFORE_BEGIN = N_("The end of the crime window ({end}) lies before its begin ({begin})")
R_FUTURE = N_("Date {value} lies in the future")
R_TOO_OLD = N_("Date {value} lies before 1900")
R_NO_CATEGORY = N_("No category")
R_UNKNOWN_CATEGORY = N_("Unknown category '{value}': map it to a category (category aliases) or add it to "
                        "the categories table")
R_BAD_WEIGHT = N_("Weight '{value}' is not a number of 0 or more")
R_NO_XY = N_("No coordinates")
R_BAD_XY = N_("Unreadable coordinates x='{x}', y='{y}'")
R_EMPTY_GEOMETRY = N_("Empty geometry")
R_NOT_POINT = N_("Geometry is not a point (it is a {kind})")
R_SWAPPED = N_("x and y seem swapped (x={x}, y={y})")
R_DEGREES = N_("Coordinates look like degrees (x={x}, y={y}): choose WGS 84 (EPSG:4326) as their CRS")
R_METRES = N_("Coordinates look like metres (x={x}, y={y}): choose RD New (EPSG:28992) as their CRS")
R_OUTSIDE = N_("Coordinates lie outside the Netherlands and Belgium (x={x}, y={y}): check their CRS")
R_OUTSIDE_AREA = N_("Outside the study area (the buurten/wijken in the GeoPackage)")
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
    occurred_at: List[str]  # "YYYY-MM-DDTHH:MM:SS.sss" (see parsing.gpkg_datetime); the begin
    category: List[str]
    safety_field: List[str]
    weight: np.ndarray
    source_id: List[Optional[str]]
    description: List[Optional[str]]
    dedup_key: List[str]
    rejected: List[Rejection]
    occurred_end: List[Optional[str]] = field(default_factory=list)  # end of the crime window or None
    time_known: List[int] = field(default_factory=list)  # 1: the time of day is known; 0: only the date
    address: List[Optional[str]] = field(default_factory=list)
    #: unknown category label -> number of rows (rejected for it)
    unmapped: Dict[str, int] = field(default_factory=dict)

    @property
    def uuid(self) -> List[str]:
        """The uuid of each row: its dedup key's SHA-1 as a version-5 uuid (so a re-import gives the same)."""
        return [uuid_from_key(k) for k in self.dedup_key]

    @property
    def accepted_count(self) -> int:
        return len(self.rows)

    @property
    def time_unknown_count(self) -> int:
        return len(self.time_known) - sum(self.time_known)

    def drop(self, keep: np.ndarray) -> "ValidatedRows":
        """A copy with only the accepted rows where *keep* is true."""
        return self.drop_order(np.flatnonzero(keep))

    def drop_order(self, idx: np.ndarray) -> "ValidatedRows":
        """A copy with the accepted rows at positions *idx*, in that order."""
        pick = [int(i) for i in idx]

        def take(values):
            return [values[i] for i in pick]

        return ValidatedRows(
            self.rows[idx], self.x[idx], self.y[idx], take(self.occurred_at), take(self.category),
            take(self.safety_field), self.weight[idx], take(self.source_id), take(self.description),
            take(self.dedup_key), list(self.rejected), take(self.occurred_end),
            take(self.time_known), take(self.address), dict(self.unmapped))


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
    geometry cannot give a point (empty, not a point); ``row_problem`` maps a 1-based row to
    a (template, params) tuple when the row could not be read at all (an undecodable line).
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
    end_date: Optional[Sequence[object]] = None
    end_time: Optional[Sequence[object]] = None
    street: Optional[Sequence[object]] = None
    house_number: Optional[Sequence[object]] = None
    postcode: Optional[Sequence[object]] = None
    row_problem: Optional[Dict[int, Tuple[str, dict]]] = None

    def __len__(self) -> int:
        return len(self.date)


def _fmt(v: object) -> str:
    text = "" if v is None else str(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _crs_is_geographic(crs: CRS) -> bool:
    return bool(crs.is_geographic)


class _Dates:
    """Dates (and times) of a column read once per distinct date and time part.

    ``read`` gives ``(iso text, time known, rejection template or None)``. A date-and-time text
    is split into its date and time parts, each parsed once (a million rows have a few thousand
    distinct dates and 1,440 minutes); anything unusual takes :func:`parsing.read_datetime`.
    """

    def __init__(self):
        self.dates: Dict[str, Optional[str]] = {}
        self.times: Dict[str, Optional[str]] = {}

    def _date(self, text: str) -> Optional[str]:
        try:
            return self.dates[text]
        except KeyError:
            when, known, problem = read_datetime(text)
            iso = when.strftime("%Y-%m-%d") if problem is None and not known else None
            self.dates[text] = iso
            return iso

    def _time(self, text) -> Optional[str]:
        try:
            return self.times[text]
        except KeyError:
            t = parse_time(text)
            out = self.times[text] = None if t is None else "%02d:%02d:%02d" % t
            return out
        except TypeError:  # not hashable
            t = parse_time(text)
            return None if t is None else "%02d:%02d:%02d" % t

    def read(self, raw_date, raw_time) -> Tuple[Optional[str], bool, Optional[str]]:
        if raw_date.__class__ is str:
            text = raw_date.strip()
            sep = text.find(" ")
            if sep < 0 and len(text) > 10:
                sep = text.find("T")
            day = self._date(text[:sep] if sep > 0 else text)
            if day is not None:
                clock = None
                if sep > 0:
                    clock = self._time(text[sep + 1:].strip())
                    if clock is None:
                        return self._slow(raw_date, raw_time)
                if raw_time is not None and not is_blank(raw_time):
                    clock = self._time(raw_time)
                    if clock is None:
                        return None, False, R_BAD_TIME
                if clock is None:
                    return day + "T00:00:00.000", False, None
                return f"{day}T{clock}.000", True, None
        return self._slow(raw_date, raw_time)

    @staticmethod
    def _slow(raw_date, raw_time) -> Tuple[Optional[str], bool, Optional[str]]:
        when, known, problem = read_datetime(raw_date, raw_time)
        if problem is not None:
            return None, False, {UNREADABLE: R_BAD_DATE, NONEXISTENT: R_NONEXISTENT_DATE,
                                 BAD_TIME: R_BAD_TIME}[problem]
        return gpkg_datetime(when), known, None


def _display(iso: str, with_time: bool = True) -> str:
    """``YYYY-MM-DDTHH:MM`` as ``DD-MM-YYYY HH:MM`` (or the date alone)."""
    text = f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]}"
    return f"{text} {iso[11:16]}" if with_time else text


def _address(street, number, postcode) -> Optional[str]:
    parts = [str(v).strip() for v in (street, number) if not is_blank(v)]
    head = " ".join(parts)
    pc = "" if is_blank(postcode) else str(postcode).strip()
    text = ", ".join(p for p in (head, pc) if p)
    return text or None


def validate_rows(columns: SourceColumns, lookup: Dict[str, Category], source_crs: str, target_crs: str,
                  source_name: str, now: Optional[dt.datetime] = None,
                  monitor: Optional[Monitor] = None, fast: bool = True,
                  study_area: Optional[StudyArea] = None) -> ValidatedRows:
    """Check every row; return accepted rows (coordinates in *target_crs*) and rejections.

    ``source_crs`` and ``target_crs`` are anything pyproj understands (``"EPSG:28992"``,
    WKT). ``lookup`` comes from :func:`categories.build_lookup` over the GeoPackage's
    categories table. A NULL weight takes the category's default harm weight. A date without
    a time of day gives ``time_known`` 0 (never a made-up 00:00). A large source can be
    checked in chunks with :class:`RowValidator` instead (same result). With *study_area*
    (target CRS) a point inside NL/BE but outside it is rejected as outside the study area.
    """
    monitor = ensure(monitor)
    validator = RowValidator(lookup, source_crs, target_crs, source_name, now, fast, study_area)
    validator.add(columns, monitor=monitor)
    return validator.finish(monitor)


class RowValidator:
    """:func:`validate_rows` chunk by chunk: :meth:`add` the source's rows in consecutive chunks,
    then :meth:`finish`. Only compact results of a chunk are kept (its raw cells can go), so a
    million CSV rows never exist as Python strings at once.

    What needs the whole file waits for :meth:`finish`: the diagnosis of coordinates outside
    the region (it compares with the file's other points) and duplicates within the file.
    """

    def __init__(self, lookup: Dict[str, Category], source_crs: str, target_crs: str, source_name: str,
                 now: Optional[dt.datetime] = None, fast: bool = True, study_area: Optional[StudyArea] = None):
        self.lookup, self.source_crs, self.target_crs = lookup, source_crs, target_crs
        #: points inside NL/BE but outside it are rejected (None: no such check)
        self.study_area = study_area
        #: target-CRS points rejected as outside the study area (they still count for the swapped check)
        self.area_out_x: List[np.ndarray] = []
        self.area_out_y: List[np.ndarray] = []
        #: read the common notations as whole columns first (False: every row by the per-row checks)
        self.fast = fast
        self.source = source_name or ""
        now = now or dt.datetime.now()
        self.latest = gpkg_datetime(now + dt.timedelta(days=1))
        self.reader = _Dates()
        self.cat_cache: Dict[object, Optional[Category]] = {}
        self.unmapped: Counter = Counter()
        self.rejected: List[Rejection] = []
        self.rows_read = 0
        # accepted so far (inside the region), per chunk
        self.rows: List[np.ndarray] = []
        self.tx: List[np.ndarray] = []
        self.ty: List[np.ndarray] = []
        self.weights: List[np.ndarray] = []
        self.dates: List[str] = []
        self.ends: List[Optional[str]] = []
        self.known: List[int] = []
        self.cats: List[Category] = []
        self.ids: List[Optional[str]] = []
        self.descs: List[Optional[str]] = []
        self.addresses: List[Optional[str]] = []
        self.keys: List[str] = []
        #: rows outside the region: (row, source x, source y), diagnosed in finish()
        self.outside: List[Tuple[int, float, float]] = []

    def add(self, columns: SourceColumns, first_row: Optional[int] = None, monitor: Optional[Monitor] = None):
        """Check the rows of *columns*, numbered from *first_row* (default: after the rows added so far)."""
        monitor = ensure(monitor)
        n = len(columns)
        base = self.rows_read if first_row is None else first_row - 1
        self.rows_read = base + n
        # Numbers: whole columns at once (NaN = blank or unreadable, told apart per row).
        all_x = parse_numbers(columns.x)
        all_y = parse_numbers(columns.y)
        all_w = parse_numbers(columns.weight) if columns.weight is not None else None
        fast = self._fast(columns, base, all_x, all_y, all_w, monitor) if self.fast and n else None
        if fast is None:
            slow_idx = range(n)
        else:
            slow_idx = np.flatnonzero(~fast.accepted).tolist()
        slow = self._per_row(columns, base, slow_idx, all_x.tolist(), all_y.tolist(),
                             all_w.tolist() if all_w is not None else None, monitor, 0.0 if fast is None else 30.0)
        del all_w
        monitor.check()
        monitor.set(60.0)
        if fast is None:
            ok_rows, sx, sy, dates, ends, known_list, cats, weights = slow
            sx = np.asarray(sx, dtype=float)
            sy = np.asarray(sy, dtype=float)
            weights = np.asarray(weights, dtype=float)
        else:
            ok_rows, sx, sy, dates, ends, known_list, cats, weights = _merge(fast, slow, all_x, all_y)
        del all_x, all_y
        self._keep_accepted(columns, base, ok_rows, sx, sy, dates, ends, known_list, cats, weights, monitor)

    def _fast(self, columns: SourceColumns, base: int, all_x, all_y, all_w,
              monitor: Monitor) -> Optional["_FastRows"]:
        """The rows that certainly pass every check, read as whole columns (see :mod:`fast_parsing`).

        Any row not taken here goes through :meth:`_per_row`, which gives it its reason.
        """
        n = len(columns)
        iso, known, ok = fast_datetimes(columns.date, columns.time)
        monitor.check()
        monitor.set(10.0)
        if not ok.any():
            return None
        ok &= (iso <= self.latest) & np.isfinite(all_x) & np.isfinite(all_y)
        end_iso = None
        if columns.end_date is not None:
            has_end = np.fromiter((v is not None for v in columns.end_date), dtype=bool, count=n)
            if has_end.any():
                e_iso, e_known, e_ok = fast_datetimes(columns.end_date, columns.end_time)
                both = known & e_known
                full_before = e_iso < iso
                day_before = e_iso.astype("U10") < iso.astype("U10")
                ok &= ~has_end | (e_ok & ~np.where(both, full_before, day_before))
                known = np.where(has_end, both, known)
                end_iso = np.where(has_end, e_iso, "")
        monitor.check()
        monitor.set(20.0)
        # categories: each distinct cell resolved once; blanks and unknown labels go per row
        distinct: Dict[object, int] = {}
        code = np.fromiter((distinct.setdefault(v, len(distinct)) for v in columns.category), dtype=np.int64,
                           count=n)
        cat_of: List[Optional[Category]] = []
        for value in distinct:
            cat = None
            if value is not None and not is_blank(value):
                try:
                    cat = self.cat_cache[value]
                except KeyError:
                    cat = self.cat_cache[value] = resolve(value, self.lookup)
            cat_of.append(cat)
        ok &= np.array([c is not None for c in cat_of], dtype=bool)[code]
        cat_weight = np.array([c.weight if c is not None else np.nan for c in cat_of], dtype=float)[code]
        if all_w is None:
            weight = cat_weight
        else:
            none = np.fromiter((v is None for v in columns.weight), dtype=bool, count=n)
            ok &= none | (all_w >= 0)
            weight = np.where(none, cat_weight, all_w)
        if columns.geometry_problem is not None:
            ok &= np.fromiter((p is None for p in columns.geometry_problem), dtype=bool, count=n)
        if columns.row_problem:
            bad = np.array([r - base - 1 for r in columns.row_problem if 0 < r - base <= n], dtype=np.int64)
            ok[bad] = False
        monitor.check()
        monitor.set(30.0)
        return _FastRows(base, ok, iso, known, end_iso, code, cat_of, weight)

    def _per_row(self, columns: SourceColumns, base: int, indices, all_x, all_y, all_w, monitor: Monitor,
                 progress_from: float = 0.0):
        """Every check, row by row, for the rows at *indices*; their accepted values as lists."""
        n = len(columns)
        reject = self.rejected.append
        latest = self.latest
        read = self.reader.read
        lookup = self.lookup
        cat_cache = self.cat_cache
        ok_rows: List[int] = []
        xs: List[float] = []
        ys: List[float] = []
        dates: List[str] = []
        ends: List[Optional[str]] = []
        known_list: List[int] = []
        cats: List[Category] = []
        weights: List[float] = []
        step = max(1, n // 50)
        weight_col = columns.weight
        date_col, cat_col = columns.date, columns.category
        times = columns.time
        end_dates, end_times = columns.end_date, columns.end_time
        problems = columns.row_problem or {}
        geometry_problem = columns.geometry_problem
        str_ = str

        for i in indices:
            if i % step == 0:
                monitor.check()
                monitor.set(progress_from + (60.0 - progress_from) * i / max(n, 1))
            row = base + i + 1
            if problems and row in problems:
                template, params = problems[row]
                reject(Rejection(row, template, dict(params)))
                continue
            raw_date = date_col[i]
            raw_time = times[i] if times is not None else None
            if raw_date is None or (raw_date.__class__ is str_ and (not raw_date or raw_date.isspace())) or (
                    raw_date.__class__ is not str_ and is_blank(raw_date)):
                reject(Rejection(row, R_NO_DATE))
                continue
            iso, known, problem = read(raw_date, raw_time)
            if problem is not None:
                shown = _fmt(raw_time) if problem == R_BAD_TIME else (
                    _fmt(raw_date) if is_blank(raw_time) else f"{_fmt(raw_date)} {_fmt(raw_time)}")
                reject(Rejection(row, problem, {"value": shown}))
                continue
            if iso > latest:
                reject(Rejection(row, R_FUTURE, {"value": _display(iso, known)}))
                continue
            if iso < "1900":
                reject(Rejection(row, R_TOO_OLD, {"value": _display(iso, False)}))
                continue
            end = None
            if end_dates is not None and not is_blank(end_dates[i]):
                end_time = end_times[i] if end_times is not None else None
                end, end_known, problem = read(end_dates[i], end_time)
                if problem is not None:
                    reject(Rejection(row, R_BAD_END, {"value": _fmt(end_dates[i])}))
                    continue
                known = known and end_known
                if (end if known else end[:10]) < (iso if known else iso[:10]):
                    reject(Rejection(row, R_END_BEFORE_BEGIN, {"begin": _display(iso, known),
                                                               "end": _display(end, known)}))
                    continue
            raw_cat = cat_col[i]
            if raw_cat is None or (raw_cat.__class__ is str_ and (not raw_cat or raw_cat.isspace())) or (
                    raw_cat.__class__ is not str_ and is_blank(raw_cat)):
                reject(Rejection(row, R_NO_CATEGORY))
                continue
            try:
                cat = cat_cache[raw_cat]
            except KeyError:
                cat = cat_cache[raw_cat] = resolve(raw_cat, lookup)
            except TypeError:
                cat = resolve(raw_cat, lookup)
            if cat is None:
                label = str(raw_cat).strip()
                self.unmapped[label] += 1
                reject(Rejection(row, R_UNKNOWN_CATEGORY, {"value": _fmt(label)}))
                continue
            weight = cat.weight
            if all_w is not None and not is_blank(weight_col[i]):
                w = all_w[i]
                if not w >= 0:  # NaN (unreadable) or negative
                    reject(Rejection(row, R_BAD_WEIGHT, {"value": _fmt(weight_col[i])}))
                    continue
                weight = w
            if geometry_problem is not None and geometry_problem[i] is not None:
                template, params = geometry_problem[i]
                reject(Rejection(row, template, dict(params)))
                continue
            fx, fy = all_x[i], all_y[i]
            if fx != fx or fy != fy:  # NaN: blank or unreadable
                raw_x, raw_y = columns.x[i], columns.y[i]
                if is_blank(raw_x) or is_blank(raw_y):
                    reject(Rejection(row, R_NO_XY))
                else:
                    reject(Rejection(row, R_BAD_XY, {"x": _fmt(raw_x), "y": _fmt(raw_y)}))
                continue
            ok_rows.append(row)
            xs.append(fx)
            ys.append(fy)
            dates.append(iso)
            ends.append(end)
            known_list.append(1 if known else 0)
            cats.append(cat)
            weights.append(float(weight))
        return ok_rows, xs, ys, dates, ends, known_list, cats, weights

    def _keep_accepted(self, columns: SourceColumns, base: int, ok_rows, sx: np.ndarray, sy: np.ndarray,
                       dates: List[str], ends: List[Optional[str]], known_list: List[int], cats: List[Category],
                       weights: np.ndarray, monitor: Monitor) -> None:
        """Transform the accepted rows, set aside those outside the region, keep the others' values."""
        monitor.check()
        # Coordinates: transform all at once, then check they fall where they should.
        tx, ty, inside = _transform_and_check(sx, sy, self.source_crs, self.target_crs)
        ok_rows = np.asarray(ok_rows, dtype=np.int64)
        for k in np.flatnonzero(~inside).tolist():
            self.outside.append((int(ok_rows[k]), float(sx[k]), float(sy[k])))
        if self.study_area is not None and inside.any():
            in_area = self.study_area.contains(tx, ty)
            away = inside & ~in_area
            if away.any():
                self.area_out_x.append(tx[away])
                self.area_out_y.append(ty[away])
                self.rejected.extend(Rejection(row, R_OUTSIDE_AREA) for row in ok_rows[away].tolist())
                inside = inside & in_area
        all_inside = bool(inside.all())
        if not all_inside:
            pick = np.flatnonzero(inside).tolist()
            ok_rows, tx, ty, weights = ok_rows[inside], tx[inside], ty[inside], weights[inside]
            dates, ends, known_list, cats = ([values[k] for k in pick] for values in (dates, ends, known_list, cats))
        self.rows.append(ok_rows)
        self.tx.append(tx)
        self.ty.append(ty)
        self.weights.append(weights)
        monitor.set(75.0)

        # Identity: source id when there is one, else the incident's content.
        source = self.source
        idx = (ok_rows - base - 1).tolist()
        whole = len(idx) == len(columns)  # every row of the chunk (idx is 0..n-1)

        def pick(column):
            return column if whole else [column[i] for i in idx]

        if columns.source_id is not None:
            sids = [(s.strip() or None) if s.__class__ is str else _source_id(s) for s in pick(columns.source_id)]
        else:
            sids = [None] * len(idx)
        desc_col = columns.description
        self.descs.extend([None if d is None or is_blank(d) else str(d) for d in pick(desc_col)]
                          if desc_col is not None else [None] * len(idx))
        if any(c is not None for c in (columns.street, columns.house_number, columns.postcode)):
            self.addresses.extend(_address(*(c[i] if c is not None else None for c in (
                columns.street, columns.house_number, columns.postcode))) for i in idx)
        else:
            self.addresses.extend([None] * len(idx))
        sha1 = hashlib.sha1
        if None not in sids:
            prefix = f"{source}|id|"
            keys = [sha1((prefix + sid).encode("utf-8")).hexdigest() for sid in sids]
        else:
            txl, tyl, wl = tx.tolist(), ty.tolist(), weights.tolist()
            keys = []
            for k, sid in enumerate(sids):
                if sid is not None:
                    basis = f"{source}|id|{sid}"
                else:
                    basis = f"{source}|{dates[k]}|{cats[k].code}|{txl[k]:.2f}|{tyl[k]:.2f}|{wl[k]:g}"
                    if ends[k] is not None:
                        basis += f"|end|{ends[k]}"
                keys.append(sha1(basis.encode("utf-8")).hexdigest())
        self.ids.extend(sids)
        self.keys.extend(keys)
        self.dates.extend(dates)
        self.ends.extend(ends)
        self.known.extend(known_list)
        self.cats.extend(cats)
        monitor.set(90.0)

    def finish(self, monitor: Optional[Monitor] = None) -> ValidatedRows:
        """The accepted rows and every rejection, sorted by row."""
        monitor = ensure(monitor)
        rejected = self.rejected
        rows = np.concatenate(self.rows) if self.rows else np.zeros(0, dtype=np.int64)
        tx = np.concatenate(self.tx) if self.tx else np.zeros(0)
        ty = np.concatenate(self.ty) if self.ty else np.zeros(0)
        weights = np.concatenate(self.weights) if self.weights else np.zeros(0)
        if self.outside:
            src = CRS.from_user_input(self.source_crs)
            reference = _reference(np.concatenate([tx, *self.area_out_x]), np.concatenate([ty, *self.area_out_y]))
            for row, x, y in self.outside:
                template = _diagnose(x, y, src, self.target_crs, reference)
                rejected.append(Rejection(row, template, {"x": _fmt(_num(x)), "y": _fmt(_num(y))}))
        keys = self.keys
        # Duplicates within the file: every row whose key an earlier row has (rows ascend).
        keep = np.ones(len(keys), dtype=bool)
        if keys:
            packed = np.array(keys, dtype="S40")
            order = np.argsort(packed, kind="stable")
            ordered = packed[order]
            same = np.flatnonzero(ordered[1:] == ordered[:-1]) + 1
            if same.size:
                group_start = np.zeros(len(keys), dtype=bool)
                group_start[0] = True
                group_start[1:] = ordered[1:] != ordered[:-1]
                first = order[np.maximum.accumulate(np.where(group_start, np.arange(len(keys)), 0))]
                for j in same.tolist():
                    k = int(order[j])
                    rejected.append(Rejection(int(rows[k]), R_DUPLICATE_IN_FILE, {"row": int(rows[first[j]])}))
                    keep[k] = False
            del packed, order, ordered
        cats = self.cats
        result = ValidatedRows(rows, tx, ty, self.dates, [c.code for c in cats], [c.safety_field for c in cats],
                               weights, self.ids, self.descs, keys, rejected, self.ends, self.known,
                               self.addresses, dict(self.unmapped.most_common()))
        if not keep.all():
            result = result.drop(keep)
        result.rejected.sort(key=lambda r: r.row)
        monitor.set(90.0)
        return result


@dataclass
class _FastRows:
    """What :meth:`RowValidator._fast` decided for a chunk: ``accepted`` rows and their values."""

    base: int  # rows before the chunk
    accepted: np.ndarray
    iso: np.ndarray
    known: np.ndarray
    end_iso: Optional[np.ndarray]
    code: np.ndarray  # index into ``cats`` per row
    cats: List[Optional[Category]]
    weight: np.ndarray


def _merge(fast: _FastRows, slow, all_x: np.ndarray, all_y: np.ndarray):
    """The fast path's and the per-row path's accepted rows of one chunk together, in row order."""
    s_rows, s_x, s_y, s_dates, s_ends, s_known, s_cats, s_weights = slow
    at = np.flatnonzero(fast.accepted)
    base_rows = fast.base + 1 + at.astype(np.int64)
    f_dates = fast.iso[at].tolist()
    f_ends = fast.end_iso[at].tolist() if fast.end_iso is not None else [None] * len(at)
    f_ends = [e or None for e in f_ends]
    f_known = fast.known[at].astype(np.int64).tolist()
    cats = fast.cats
    f_cats = [cats[c] for c in fast.code[at].tolist()]
    rows = np.concatenate([base_rows, np.asarray(s_rows, dtype=np.int64)])
    x = np.concatenate([all_x[at], np.asarray(s_x, dtype=float)])
    y = np.concatenate([all_y[at], np.asarray(s_y, dtype=float)])
    weights = np.concatenate([fast.weight[at], np.asarray(s_weights, dtype=float)])
    dates, ends, known, cat_list = f_dates + s_dates, f_ends + s_ends, f_known + s_known, f_cats + s_cats
    if s_rows:
        order = np.argsort(rows, kind="stable")
        rows, x, y, weights = rows[order], x[order], y[order], weights[order]
        pick = order.tolist()
        dates, ends, known, cat_list = ([values[k] for k in pick] for values in (dates, ends, known, cat_list))
    return rows, x, y, dates, ends, known, cat_list, weights


def _source_id(sid) -> Optional[str]:
    if sid is None:
        return None
    sid = sid.strip() if sid.__class__ is str else (None if is_blank(sid) else str(sid).strip())
    return sid or None  # blank


_VARIANT = "89ab89ab89ab89ab"


def uuid_from_key(digest: str) -> str:
    """A version-5 uuid string from a SHA-1 hex digest (what ``uuid.UUID(hex=..., version=5)`` gives)."""
    return (f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{_VARIANT[int(digest[16], 16)]}{digest[17:20]}-"
            f"{digest[20:32]}")


_HEX_VALUE = np.zeros(256, dtype=np.uint8)
_HEX_VALUE[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint8)


def uuids_from_keys(keys: np.ndarray) -> List[str]:
    """:func:`uuid_from_key` of an array of SHA-1 hex digests (dtype S40), all at once."""
    n = len(keys)
    digest = np.ascontiguousarray(keys, dtype="S40").view(np.uint8).reshape(n, 40).astype(np.uint32)
    out = np.empty((n, 36), dtype=np.uint32)
    out[:, 0:8] = digest[:, 0:8]
    out[:, 9:13] = digest[:, 8:12]
    out[:, 15:18] = digest[:, 13:16]
    out[:, 19] = np.frombuffer(_VARIANT.encode(), dtype=np.uint8)[_HEX_VALUE[digest[:, 16]]]
    out[:, 20:23] = digest[:, 17:20]
    out[:, 24:36] = digest[:, 20:32]
    out[:, [8, 13, 18, 23]] = ord("-")
    out[:, 14] = ord("5")
    return out.view("U36").reshape(n).tolist()


_uuid_from_sha1 = uuid_from_key  # the name the tests know


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


def _transform(transformer: Transformer, x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """``transformer.transform`` of arrays; one point goes as two floats (pyproj tries its point
    function first, and numpy >= 1.25 deprecates making a float of a one-element array)."""
    if np.size(x) == 1:
        tx, ty = transformer.transform(float(np.ravel(x)[0]), float(np.ravel(y)[0]))
        return np.array([tx], dtype=float), np.array([ty], dtype=float)
    tx, ty = transformer.transform(x, y)
    return np.asarray(tx, dtype=float), np.asarray(ty, dtype=float)


def _transform_and_check(x: np.ndarray, y: np.ndarray, source_crs: str, target_crs: str):
    if len(x) == 0:
        return x, y, np.ones(0, dtype=bool)
    with np.errstate(all="ignore"):
        to_target = _transformer(source_crs, target_crs)
        if to_target.definition.startswith("proj=noop"):  # the same CRS: PROJ would return x, y
            tx, ty = x.copy(), y.copy()
        else:
            tx, ty = _transform(to_target, x, y)
        tx = np.asarray(tx, dtype=float)
        ty = np.asarray(ty, dtype=float)
        finite = np.isfinite(tx) & np.isfinite(ty)
        if len(x) >= 1000 and _box_in_region(x, y, source_crs):
            return tx, ty, finite
        lon, lat = _transform(_transformer(source_crs, "EPSG:4326"), x, y)
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    inside = finite & _region_check(lon, lat)
    return tx, ty, inside


def _box_in_region(x: np.ndarray, y: np.ndarray, source_crs: str) -> bool:
    """Whether the bounding box of the points lies well inside NL/BE (then every point does).

    The box's outline, 200 points a side, must fall inside the region shrunk by 0.05 degrees
    (5 km): a continuous map takes the inside of the outline inside, and 5 km is far more than
    a projection bends between two outline points. Saves transforming a million points twice.
    """
    x0, x1, y0, y1 = float(np.min(x)), float(np.max(x)), float(np.min(y)), float(np.max(y))
    if not all(np.isfinite(v) for v in (x0, x1, y0, y1)):
        return False
    t = np.linspace(0.0, 1.0, 200)
    bx = np.concatenate([x0 + (x1 - x0) * t, np.full(200, x1), x1 - (x1 - x0) * t, np.full(200, x0)])
    by = np.concatenate([np.full(200, y0), y0 + (y1 - y0) * t, np.full(200, y1), y1 - (y1 - y0) * t])
    lon, lat = _transform(_transformer(source_crs, "EPSG:4326"), bx, by)
    lon_min, lat_min, lon_max, lat_max = REGION_LONLAT
    margin = 0.05
    return bool(np.all(np.isfinite(lon)) and np.all(np.isfinite(lat)) and np.all(lon >= lon_min + margin) and
                np.all(lon <= lon_max - margin) and np.all(lat >= lat_min + margin) and np.all(lat <= lat_max - margin))


def _reference(x: np.ndarray, y: np.ndarray) -> Optional[Tuple[float, float, float]]:
    """(centre x, centre y, radius) of the file's good points in the target CRS, or None when
    there are too few to judge by (fewer than 5).

    The centre is the median point; the radius three times the distance within which 90% of
    the points lie, at least 10 km: a municipality's incidents, not the whole country.
    """
    if x.size < 5:
        return None
    cx, cy = float(np.median(x)), float(np.median(y))
    spread = float(np.percentile(np.hypot(x - cx, y - cy), 90))
    return cx, cy, max(10_000.0, 3.0 * spread)


def _diagnose(x: float, y: float, src: CRS, target_crs: str,
              reference: Optional[Tuple[float, float, float]] = None) -> str:
    """Why a coordinate pair falls outside the region: swapped, wrong CRS, or just outside.

    "Swapped" is said when the swapped pair lies among the file's other points (*reference*);
    with too few other points to judge by, when it lies inside the Netherlands and Belgium.
    """
    with np.errstate(all="ignore"):
        if reference is not None:
            sx, sy = _transform(_transformer(src.to_wkt(), target_crs), np.array([y]), np.array([x]))
            cx, cy, radius = reference
            swapped = bool(np.isfinite(sx[0]) and math.hypot(sx[0] - cx, sy[0] - cy) <= radius)
        else:
            lon, lat = _transform(_transformer(src.to_wkt(), "EPSG:4326"), np.array([y]), np.array([x]))
            swapped = bool(np.isfinite(lon[0]) and _region_check(np.asarray(lon), np.asarray(lat))[0])
    if swapped:
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
