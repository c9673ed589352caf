"""The safety GeoPackage's side of near-repeat and warning letters, and the mail-merge CSV.

All SQL of the warning letters (letters_sent) and of the near-repeat dialog (categories and
date range of the incidents) lives here; the address list is written by storage/csv_out.py.
"""
from __future__ import annotations

import sqlite3
from typing import Iterable, List, Optional, Sequence, Tuple

from ..core import schema
from ..core.days import datetime_to_days
from ..core.i18n import N_
from ..core.parsing import parse_datetime
from . import gpkg

#: Columns of a letters_sent record, in the order of :func:`core.addresses.LetterAddress.sent_record`.
SENT_COLUMNS = ("address_key", "sent_at", "incident_uuid", "address")


def read_sent(path: str) -> List[Tuple[str, float]]:
    """``(address_key, sent day)`` of the letters recorded in the safety GeoPackage.

    Records without a key or a readable date are skipped; the day is the calendar date's day
    number (days since 1970-01-01).
    """
    con = gpkg.connect(path)
    try:
        rows = con.execute(f'SELECT address_key, sent_at FROM "{schema.LETTERS_SENT}"').fetchall()
    except sqlite3.DatabaseError as exc:
        raise gpkg.GeoPackageError(N_("The letters sent could not be read from {path}: {error}"),
                                   path=path, error=str(exc)) from None
    finally:
        con.close()
    out = []
    for key, sent_at in rows:
        when = parse_datetime(sent_at)
        if key is not None and when is not None:
            out.append((str(key), datetime_to_days(when, whole_days=True)))
    return out


def record_sent(path: str, records: Iterable[Sequence[str]]) -> None:
    """Append letters_sent records (:data:`SENT_COLUMNS`), all in one transaction."""
    con = gpkg.connect(path, write=True)
    try:
        with gpkg.transaction(con, path):
            gpkg.insert_rows(con, schema.LETTERS_SENT, SENT_COLUMNS, records)
    finally:
        con.close()


def incident_categories(path: str) -> List[Tuple[str, Optional[str], Optional[str], int]]:
    """``(code, Dutch label, English label, number of incidents)`` of the categories with incidents."""
    con = gpkg.connect(path)
    try:
        rows = con.execute("SELECT i.category, c.label_nl, c.label_en, count(*) FROM incidents i "
                           "LEFT JOIN categories c ON c.code = i.category GROUP BY i.category").fetchall()
    finally:
        con.close()
    return [tuple(row) for row in rows]


def incident_date_range(path: str, category: str = "") -> Tuple[Optional[str], Optional[str]]:
    """The stored first and last occurred_at of the incidents (of one category when given)."""
    con = gpkg.connect(path)
    try:
        sql = "SELECT min(occurred_at), max(occurred_at) FROM incidents"
        row = con.execute(sql + " WHERE category = ?", (category,)).fetchone() if category else \
            con.execute(sql).fetchone()
    finally:
        con.close()
    return row[0], row[1]
