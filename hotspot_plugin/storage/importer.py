"""Import incidents from any QGIS feature source into a safety GeoPackage, transactionally."""
from __future__ import annotations

import itertools
import os
import uuid
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsWkbTypes

from ..compat import FeatureRequestFlag, GeometryType
from ..core import schema
from ..core.categories import build_lookup, check_aliases
from ..core.csv_source import iter_csv, read_header
from ..core.errors import InputError
from ..core.gpkg_blob import point_blobs
from ..core.i18n import N_
from ..core.incident_import import (
    R_ALREADY_IMPORTED,
    R_EMPTY_GEOMETRY,
    R_NOT_POINT,
    Rejection,
    RowValidator,
    SourceColumns,
    ValidatedRows,
    require_columns,
    summarise_rejections,
    uuids_from_keys,
    validate_rows,
)
from ..core.progress import Monitor, ensure
from ..paths import plugin_version
from . import areas, gpkg
from .fastread import read_ogr_columns


@dataclass
class FieldMapping:
    """Which source column plays which role; empty strings mean "not given"."""

    date: str
    category: str
    x: str = ""
    y: str = ""
    time: str = ""
    weight: str = ""
    source_id: str = ""
    description: str = ""
    end_date: str = ""
    end_time: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""

    def uses_xy(self) -> bool:
        return bool(self.x or self.y)

    def roles(self) -> Dict[str, str]:
        """role -> column of every role that is given."""
        return {role: name for role, name in vars(self).items() if name}


@dataclass
class ImportReport:
    batch_id: str
    rows_read: int
    imported: int
    duplicates: int
    rejected: List[Rejection] = field(default_factory=list)
    fids: Sequence[int] = field(default_factory=list)  # source feature id per 1-based row
    unmapped: Dict[str, int] = field(default_factory=dict)  # unknown category label -> rows
    time_unknown: int = 0  # imported rows without a time of day
    encoding: str = ""  # of a CSV file
    added_schema: List[str] = field(default_factory=list)  # columns/tables added to an older GeoPackage

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    def reason_summary(self, translate=None) -> List[Tuple[int, str]]:
        """(count, example message) per kind of reason, the most frequent first."""
        return summarise_rejections(self.rejected, translate)


def read_source(source, mapping: FieldMapping, monitor: Optional[Monitor] = None, layer=None):
    """Read the mapped columns of a QgsFeatureSource into plain lists (plus feature ids).

    When *layer* is given (the whole layer is the source, no selection or filter) and it is
    read by OGR, the columns come through GDAL's Arrow stream: about ten times faster than
    QGIS's feature iterator for a large CSV.
    """
    monitor = ensure(monitor)
    names = source.fields().names()
    require_columns(names, mapping.roles())
    if mapping.uses_xy() and not (mapping.x and mapping.y):
        raise InputError(N_("Choose both an x and a y column, or neither (then the layer's geometry is used)."))
    if not mapping.uses_xy() and QgsWkbTypes.geometryType(source.wkbType()) != GeometryType.Point:
        raise InputError(N_("The input has no point geometry: choose its x and y columns."))
    roles = list(mapping.roles())
    if layer is not None and mapping.uses_xy():
        fast = read_ogr_columns(layer, mapping.roles(), monitor)
        if fast is not None:
            columns, fids = fast
            return _columns(columns), fids
    index = {r: names.index(getattr(mapping, r)) for r in roles}
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(sorted(set(index.values())))
    if mapping.uses_xy():
        request.setFlags(FeatureRequestFlag.NoGeometry)
    columns: Dict[str, list] = {r: [] for r in roles}
    xs: list = []
    ys: list = []
    problems: list = []
    fids: List[int] = []
    total = max(1, source.featureCount())
    step = max(1, total // 100)
    has_problem = False
    for n, feature in enumerate(source.getFeatures(request)):
        if n % step == 0:
            monitor.check()
            monitor.set(100.0 * n / total)
        attrs = feature.attributes()
        fids.append(feature.id())
        for role, i in index.items():
            value = attrs[i]
            columns[role].append(None if value is None or (hasattr(value, "isNull") and value.isNull())
                                 else _plain(value))
        if not mapping.uses_xy():
            geom: QgsGeometry = feature.geometry()
            problem = None
            x = y = None
            if geom is None or geom.isNull() or geom.isEmpty():
                problem = (R_EMPTY_GEOMETRY, {})
            elif QgsWkbTypes.geometryType(geom.wkbType()) != GeometryType.Point:
                problem = (R_NOT_POINT, {"kind": QgsWkbTypes.displayString(geom.wkbType())})
            else:
                if geom.isMultipart():
                    parts = geom.asMultiPoint()
                    if len(parts) != 1:
                        problem = (R_NOT_POINT, {"kind": QgsWkbTypes.displayString(geom.wkbType())})
                    else:
                        x, y = parts[0].x(), parts[0].y()
                else:
                    point = geom.constGet()
                    x, y = point.x(), point.y()
            has_problem = has_problem or problem is not None
            problems.append(problem)
            xs.append(x)
            ys.append(y)
    if not mapping.uses_xy():
        columns["x"], columns["y"] = xs, ys
    return _columns(columns, problems if has_problem else None), fids


def _columns(columns: Dict[str, list], geometry_problem=None, row_problem=None) -> SourceColumns:
    extra = {role: columns.get(role) for role in ("time", "weight", "source_id", "description", "end_date",
                                                  "end_time", "street", "house_number", "postcode")}
    return SourceColumns(date=columns["date"], category=columns["category"], x=columns["x"], y=columns["y"],
                         geometry_problem=geometry_problem, row_problem=row_problem, **extra)


def _check_csv_mapping(path: str, mapping: FieldMapping, encoding: str) -> None:
    require_columns(read_header(path, encoding)[0], mapping.roles())
    if not (mapping.x and mapping.y):
        raise InputError(N_("The input has no point geometry: choose its x and y columns."))


def validate_csv(path: str, mapping: FieldMapping, validator: RowValidator, encoding: str = "auto",
                 monitor: Optional[Monitor] = None) -> Tuple[int, str]:
    """Read a delimited text file chunk by chunk into *validator*; (rows read, encoding).

    A chunk's cells are dropped once checked: a million rows never exist as Python strings at once.
    """
    monitor = ensure(monitor)
    _check_csv_mapping(path, mapping, encoding)
    rows, used = 0, ""
    for chunk in iter_csv(path, mapping.roles(), encoding, monitor):
        done = 100.0 * chunk.done
        validator.add(_columns(chunk.columns, row_problem=chunk.problems), chunk.first_row, monitor.sub(done, done))
        rows, used = chunk.rows, chunk.encoding
    return rows, used


def _plain(value):
    """QVariant-ish values (QDate, QDateTime, QTime) to Python values."""
    for attr in ("toPyDateTime", "toPyDate", "toPyTime"):
        fn = getattr(value, attr, None)
        if fn is not None:
            return fn()
    return value


def import_incidents(source, gpkg_path: str, mapping: FieldMapping, source_crs: str, source_name: str,
                     monitor: Optional[Monitor] = None, layer=None, csv_path: str = "", encoding: str = "auto",
                     aliases: Sequence[Tuple[str, str]] = (), keep_outside_areas: bool = False,
                     fast: bool = True) -> ImportReport:
    """Validate every row of *source* (or of the CSV file *csv_path*) and add the good ones to
    the GeoPackage in one transaction.

    Rows already imported earlier (same dedup key) are reported, not added again; that check
    runs inside the write transaction, so two imports of one file at the same time add it
    once. When nothing can be added, the GeoPackage is not touched at all (no import batch
    either). *aliases* (label, code) are first added to the category_aliases table. When the
    GeoPackage holds areas (buurten/wijken), a point inside NL/BE but outside their union is
    rejected as outside the study area, unless *keep_outside_areas*. *fast* False checks every
    row by the per-row checks alone (the oracle of the tests; same result, slower).
    """
    monitor = ensure(monitor)
    gpkg.check_safety_gpkg(gpkg_path)
    added = gpkg.ensure_schema(gpkg_path) if os.access(gpkg_path, os.W_OK) else []
    con = gpkg.connect(gpkg_path, write=True)
    try:
        categories = gpkg.read_categories(con)
        if aliases:
            wrong = check_aliases(aliases, [c.code for c in categories])
            if wrong:
                raise InputError(N_("These category codes do not exist: {pairs}. Use a code of the categories "
                                    "table."), pairs=", ".join(f"{label}={code}" for label, code in wrong))
            with gpkg.transaction(con, gpkg_path):
                gpkg.add_aliases(con, aliases)
        lookup = build_lookup(categories, gpkg.read_aliases(con))
        target_crs = gpkg.crs_wkt(con, schema.INCIDENTS)
        sid = gpkg.srs_id(con, schema.INCIDENTS)
        area = None if keep_outside_areas else areas.study_area(con, target_crs)
        used_encoding = ""
        if csv_path:
            validator = RowValidator(lookup, source_crs, target_crs, source_name, fast=fast, study_area=area)
            count, used_encoding = validate_csv(csv_path, mapping, validator, encoding, monitor.sub(0, 65))
            if count == 0:
                raise InputError(N_("The input has no rows: there is nothing to import."))
            fids = range(1, count + 1)
            rows = validator.finish(monitor.sub(65, 70))
            del validator
        else:
            columns, fids = read_source(source, mapping, monitor.sub(0, 30), layer)
            if len(columns) == 0:
                raise InputError(N_("The input has no rows: there is nothing to import."))
            rows = validate_rows(columns, lookup, source_crs, target_crs, source_name, monitor=monitor.sub(30, 70),
                                 fast=fast, study_area=area)
            del columns
        batch_id = uuid.uuid4().hex[:12]
        report = ImportReport(batch_id, len(fids), 0, 0, [], fids, dict(rows.unmapped), encoding=used_encoding,
                              added_schema=added)
        monitor.check()
        if rows.accepted_count:
            with gpkg.transaction(con, gpkg_path):
                rows = _drop_known(con, rows, report)
                if rows.accepted_count:
                    _write(con, rows, sid, batch_id, report, source_name, monitor.sub(70, 100))
        report.rejected = rows.rejected
        report.imported = rows.accepted_count
        report.time_unknown = rows.time_unknown_count
        return report
    finally:
        con.close()


def _drop_known(con, rows: ValidatedRows, report: ImportReport) -> ValidatedRows:
    """The rows whose dedup key is not yet in the GeoPackage; the others become rejections."""
    known = gpkg.existing_keys(con, rows.dedup_key)
    if not known:
        return rows
    keep = [k not in known for k in rows.dedup_key]
    for k, is_new in enumerate(keep):
        if not is_new:
            rows.rejected.append(Rejection(int(rows.rows[k]), R_ALREADY_IMPORTED, {"batch": known[rows.dedup_key[k]]}))
    report.duplicates = len(rows.dedup_key) - sum(keep)
    rows = rows.drop(np.asarray(keep, dtype=bool))
    rows.rejected.sort(key=lambda r: r.row)
    return rows


def _write(con, rows: ValidatedRows, sid: int, batch_id: str, report: ImportReport, source_name: str,
           monitor: Monitor) -> None:
    """Insert the rows and the import batch; call inside :func:`gpkg.transaction`."""
    # In the order of the identity key: uuid and dedup_key are both derived from it, so their
    # unique indexes are filled front to back (twice as fast for a million rows). The rows are
    # taken in that order chunk by chunk as they are written (geometry blobs included), never
    # copied whole (a million rows: 300 MB less).
    order = np.argsort(np.array(rows.dedup_key, dtype="S40"), kind="stable")
    cols = ("geom", "uuid", "occurred_at", "occurred_end", "time_known", "category", "safety_field", "weight",
            "source", "source_id", "description", "address", "import_batch", "dedup_key")
    n = rows.accepted_count
    lists = (rows.occurred_at, rows.occurred_end, rows.time_known, rows.category, rows.safety_field,
             rows.weight.tolist(), rows.source_id, rows.description, rows.address, rows.dedup_key)

    def values(start: int, stop: int, first_fid: int):
        """(fid, *cols) of the rows start..stop-1 in key order."""
        idx = order[start:stop]
        pick = idx.tolist()
        take = itemgetter(*pick) if len(pick) > 1 else (lambda values_: [values_[pick[0]]])
        picked = [take(values_) for values_ in lists]
        same = itertools.repeat
        return zip(range(first_fid, first_fid + len(pick)), point_blobs(rows.x[idx], rows.y[idx], sid),
                   uuids_from_keys(np.array(picked[9], dtype="S40")), *picked[:6], same(source_name), *picked[6:9],
                   same(batch_id), picked[9])

    gpkg.bulk_insert_points(con, schema.INCIDENTS, cols, values, rows.x[order], rows.y[order], monitor.sub(0, 95),
                            count=n, with_fid=True)
    gpkg.insert_rows(con, schema.IMPORT_BATCHES,
                     ("batch_id", "imported_at", "source_name", "source", "rows_read", "rows_imported",
                      "rows_duplicate", "rows_rejected", "plugin_version"),
                     [(batch_id, gpkg.now_iso(), source_name, source_name, report.rows_read, n,
                       report.duplicates, len(rows.rejected) - report.duplicates, plugin_version())])
    gpkg.refresh_contents(con, schema.INCIDENTS)
    monitor.check()
    monitor.set(100.0)
