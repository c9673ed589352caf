"""The one CSV writer of Hotspot: every CSV that leaves the plugin goes through here.

A CSV is opened in Excel or LibreOffice, often by a mail merge. A text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken there as a formula
(``=HYPERLINK("http://x","klik")``, ``+cmd|' /C calc'!A0``, ``@SUM(1)``): addresses and
descriptions typed by citizens must not run. The rule is OWASP's ("CSV Injection"): such a text
cell gets a leading apostrophe, so the spreadsheet shows the text as typed; the csv module quotes
the cell where needed. Numbers stay numbers: an ``int`` or ``float`` is written as it is, and so is
a text that is nothing but a plain number (``-12``, ``+3,5``), which no spreadsheet runs.

:func:`write_csv` writes a file; :func:`safe_cell` / :func:`safe_row` neutralise the values of a
table that QGIS writes as CSV (the Processing sinks, see ``processing/base.py``); and
:func:`is_delimited_text` tells whether an output path is such a file. No other module writes
CSV (a house rule in tests/unit/test_code_layout.py).

A CSV leaves the analyst's hands, so its incident counts follow the disclosure rule
(core/disclosure.py): :func:`protect_table` applies primary and secondary suppression to the
count columns of a table's rows before they are written, empties every value derived from a
suppressed count and puts ``"<5"`` / ``"x"`` in the count's text column. The same table saved as
a GeoPackage layer or a temporary layer keeps its exact values (for the analyst).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple

from ..core import disclosure as dc
from ..core.numbers import format_number

#: The characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
#: File suffixes QGIS/OGR write as delimited text.
DELIMITED_SUFFIXES = (".csv", ".tsv", ".txt")


def safe_cell(value: Any) -> Any:
    """*value* as a spreadsheet shows it literally: a formula-like text gets a leading apostrophe."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    # a formula can hide behind leading white space or a quote that Excel drops
    stripped = value.lstrip(" \u00a0\"'")
    if stripped != value and stripped.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(stripped):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> List[Any]:
    """:func:`safe_cell` of every value of a row."""
    return [safe_cell(v) for v in values]


def write_csv(
    path: str, header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ";"
) -> None:
    """A CSV file for Excel and Word: UTF-8 with BOM (so they see the accents), ';'-separated, no formulas."""
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(safe_row(header))
        for row in rows:
            writer.writerow(safe_row(row))


def is_delimited_text(destination: str) -> bool:
    """Whether a Processing destination (a path, maybe with ``|layername=``) is a delimited text file."""
    text = (destination or "").split("|", 1)[0].strip().lower()
    if text.startswith("ogr:") or text.startswith("csv:"):
        return "csv" in text
    return text.endswith(DELIMITED_SUFFIXES)


@dataclass(frozen=True)
class CountColumn:
    """A count column of a table to protect: where the count is, where its text goes (``"<5"``,
    ``"x"`` or the number) and which columns are computed from it (emptied when it is not shown)."""

    column: int
    text: Optional[int] = None
    derived: Tuple[int, ...] = ()


def protect_table(
    rows: Sequence[Sequence[Any]],
    counts: Sequence[CountColumn],
    sum_key: Callable[[Sequence[Any], int], Optional[Hashable]],
    threshold: int = dc.DEFAULT_THRESHOLD,
) -> List[List[Any]]:
    """*rows* with their counts under the disclosure rule (core/disclosure.py).

    *sum_key(row, k)* names the known sum that count *k* of *row* is a part of (a total printed
    elsewhere, or the sum of a column of the table): the counts with the same key are protected
    beside their sum (:func:`core.disclosure.protect_cells`); None: primary suppression only.
    A count not shown becomes an empty cell, its text column says ``"<5"`` or ``"x"``, and every
    derived column of it is emptied.
    """
    cells: List[Tuple[int, int]] = []
    values: List[float] = []
    groups: Dict[Hashable, List[int]] = {}
    for r, row in enumerate(rows):
        for k, spec in enumerate(counts):
            value = row[spec.column]
            values.append(float(value or 0))
            key = sum_key(row, k)
            if key is not None:
                groups.setdefault(key, []).append(len(cells))
            cells.append((r, k))
    states = dc.protect_cells(values, list(groups.values()), threshold)
    out = [list(row) for row in rows]
    emptied = [set() for _ in rows]
    for (r, k), value, state in zip(cells, values, states):
        spec = counts[k]
        raw = rows[r][spec.column]
        text = dc.publish(raw, state, threshold, lambda v: format_number(v, 0, group=False)) if raw is not None else ""
        if spec.text is not None:
            out[r][spec.text] = text
        if raw is not None and not dc.derived_shown(state, value, threshold=threshold):
            out[r][spec.column] = None
            emptied[r].update(spec.derived)
    for r, columns in enumerate(emptied):
        for c in columns:
            out[r][c] = None
    return out
