"""Every CSV Hotspot writes opens in a spreadsheet without running a formula (issue #14, attack 2).

The oracle is the spreadsheet's own rule: a cell whose first character is ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return is a formula, unless it is a plain number. The attacks are the cells a
citizen or a source system can type: an address, a description, a source name.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from qgis.core import QgsVectorLayer

from tests.qgis.test_measure_algs import PERIODS, _box, _layer, _pt
from tests.qgis.test_nearrepeat_algs import ADDRESSES, BAG_FIELDS, letters_params, memory_points

ATTACKS = [
    '=HYPERLINK("http://x","klik")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
]
PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?([eE][+-]?\d+)?$")


def formula_cells(path: Path, delimiter: str) -> list:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=delimiter))
    assert len(lines) > 1
    return [
        cell
        for line in lines
        for cell in line
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not PLAIN_NUMBER.match(cell)
    ]


def cells(path: Path, delimiter: str) -> set:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {cell for line in csv.reader(fh, delimiter=delimiter) for cell in line}


def test_mail_merge_csv_shows_crafted_addresses_as_text(run_alg, tmp_path):
    rows = []
    for k, (ident, x, y, _street, number, letter, _addition) in enumerate(ADDRESSES):
        values = {
            "identificatie": f"0599010000{ident}",
            "openbare_ruimte": ATTACKS[k % len(ATTACKS)],
            "huisnummer": number,
            "huisletter": letter or None,
            "toevoeging": "@SUM(1)" if k % 2 else "-bis",
            "postcode": "1234ab",
            "woonplaats": "+cmd|' /C calc'!A0",
        }
        rows.append((x, y, [values.get(n) for n, _ in BAG_FIELDS]))
    out = tmp_path / "brieven.csv"
    result = run_alg("hotspot:warningletters", letters_params(ADDRESSES=memory_points("EPSG:28992", BAG_FIELDS, rows),
                                                              CSV=str(out)))
    assert result["ADDRESS_COUNT"] > 3
    assert formula_cells(out, ";") == []
    seen = cells(out, ";")
    assert "'+cmd|' /C calc'!A0" in seen  # the place, shown as typed
    assert any(c.startswith("'=HYPERLINK") for c in seen)
    assert "80" in seen or any(PLAIN_NUMBER.match(c) for c in seen)  # distances stay numbers


def test_rejected_rows_csv_shows_crafted_cells_as_text(make_gpkg, write_csv, run_alg, tmp_path):
    gpkg = make_gpkg()
    header = ["registratienummer", "datum", "soort", "x", "y", "omschrijving"]
    rows = [header, ["PL1", "03-01-2025 22:15", "1.1.1", "152000", "443000", "gewoon"]]
    for attack in ATTACKS:
        rows.append([attack, "gisteren", attack, "152000", "443000", attack])  # unreadable date: rejected
    rows.append(["B9", "gisteren", "1.1.1", "-5", "443000", "-12"])  # a number stays a number
    out = tmp_path / "afgewezen.csv"
    result = run_alg(
        "hotspot:importincidents",
        {"INPUT": str(write_csv(rows)), "GPKG": str(gpkg), "REJECTED": str(out)},
    )
    assert result["REJECTED_COUNT"] == len(ATTACKS) + 1
    assert formula_cells(out, ",") == []
    seen = cells(out, ",")
    for attack in ATTACKS:
        assert "'" + attack in seen
    assert "-12" in seen and "-5" in seen
    # QGIS reads the file back with the text as typed after the apostrophe
    layer = QgsVectorLayer(str(out), "r", "ogr")
    assert layer.isValid() and layer.featureCount() == len(ATTACKS) + 1


def test_table_outputs_saved_as_csv_are_neutralised(run_alg, tmp_path):
    target = _layer("Polygon", "", [(_box(0, 0, 100, 100), [])])
    rows = []
    for k in range(40):
        rows.append((_pt(50, 50), ["2024-03-15", ATTACKS[k % 3]]))
        rows.append((_pt(1000, 1000), ["2024-09-15", ATTACKS[k % 3]]))
    incidents = _layer("Point", "&field=occurred_at:date&field=source:string", rows)
    out = tmp_path / "effect.csv"
    run_alg(
        "hotspot:measureeffect",
        {"INPUT": incidents, "TARGET": target, **PERIODS, "GROUP_FIELD": "source", "OUTPUT": str(out), "CHART": ""},
    )
    assert formula_cells(out, ",") == []
    seen = cells(out, ",")
    assert {"'" + a for a in ATTACKS[:3]} <= seen
    assert "-100" in seen or any(c.startswith("-") and PLAIN_NUMBER.match(c) for c in seen)  # changes stay numbers
