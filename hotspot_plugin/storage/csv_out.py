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
"""

from __future__ import annotations

import csv
import re
from typing import Any, Iterable, List, Sequence

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
