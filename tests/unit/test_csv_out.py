"""The one CSV writer: formula cells are neutralised (OWASP), numbers stay numbers (issue #14, attack 2)."""

from __future__ import annotations

import csv

import pytest

from hotspot_plugin.storage import csv_out

#: Cells a spreadsheet would run as a formula (the first character decides, OWASP "CSV Injection").
ATTACKS = [
    '=HYPERLINK("http://x","klik")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3+cmd|' /C calc'!A0",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "-1+1",
    "+1+1",
    "@",
    "=",
    " =1+1",
    '"=1+1',
    "'=1+1",
]
#: Cells that stay exactly as they are.
PLAIN = ["Lindelaan 12A-2", "1234 AB", "", "café 's-Hertogenbosch", "a=b", "x@y.nl", "12", "-12", "+3,5", "-0.25"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_cells_get_an_apostrophe(text):
    assert csv_out.safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", PLAIN)
def test_other_text_is_untouched(text):
    assert csv_out.safe_cell(text) == text


def test_numbers_stay_numbers():
    assert csv_out.safe_row([-3, -2.5, 0, 7, None, True]) == [-3, -2.5, 0, 7, None, True]


def test_written_file_shows_every_cell_as_typed(tmp_path):
    path = tmp_path / "brieven.csv"
    header = ["adres", "=kop", "getal"]
    rows = [[a, "x", -k - 1] for k, a in enumerate(ATTACKS)] + [[p, "y", 1.5] for p in PLAIN]
    csv_out.write_csv(str(path), header, rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to see UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    assert lines[0] == ["adres", "'=kop", "getal"]
    body = lines[1:]
    assert len(body) == len(rows)
    for line, row in zip(body, rows):
        first = line[0]
        # the oracle: a spreadsheet runs a cell whose first character is one of = + - @ TAB CR
        assert not (first[:1] in "=+-@\t\r" and first[:1] and first not in PLAIN), first
        assert first.lstrip("'") == row[0].lstrip("'") or first == "'" + row[0]
        assert line[2] == str(row[2])  # numbers, negative ones too, as numbers
    assert [line[0] for line in body[len(ATTACKS):]] == PLAIN


@pytest.mark.parametrize(
    "destination, expected",
    [
        ("/tmp/x.csv", True),
        ("C:\\data\\X.CSV", True),
        ("/tmp/x.txt", True),
        ("/tmp/x.tsv", True),
        ("/tmp/x.gpkg", False),
        ("/tmp/x.gpkg|layername=a", False),
        ("memory:", False),
        ("TEMPORARY_OUTPUT", False),
    ],
)
def test_delimited_text_destinations(destination, expected):
    assert csv_out.is_delimited_text(destination) is expected
