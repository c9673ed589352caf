"""No published table lets a suppressed count be computed back (issue #14, attack 4).

Every table the demo report prints, the wizard's numbers tab and the area monitor's CSV are read
as a reader sees them, and a reader's solver tries to tell each "<5": it knows that the parts
add up to the total, that "<5" is 1..4, that an "x" beside visible parts is at least 5 (anything
from 0 when the whole column is "x"), and it tries every value of every hidden cell (the sums the
other hidden cells can reach are enumerated as sets). A "<5" is safe when at least two values fit.
Next to a count that is not shown, no change, rate or ratio may be printed.
"""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
from pathlib import Path
from typing import List, Optional, Sequence

import pytest
from shapely import wkb as shapely_wkb
from shapely.geometry import box

from hotspot_plugin.core.gpkg_blob import blob_wkb
from hotspot_plugin.report.advice.tables import Tables
from tests.qgis.test_advicereport import X0, Y0, fill_town, make_record, pdf_text, squash

ROOT = Path(__file__).resolve().parents[2]
T = 5


def parse(cell: str):
    """A published count: an int, "small", "x" or None (not a count)."""
    text = str(cell).strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    if text == f"<{T}":
        return "small"
    if text == "x":
        return "x"
    return int(text) if re.fullmatch(r"\d+", text) else None


def reachable(ranges: Sequence[range], limit: int) -> set:
    sums = {0}
    for r in ranges:
        sums = {s + v for s in sums for v in r if s + v <= limit}
    return sums


def solved_cells(total, parts: List) -> List[int]:
    """Indices of "<5" parts a reader can tell exactly (total and parts as published)."""
    if total is None or total in ("x",):
        return []
    all_x = all(p == "x" for p in parts)
    if total == "small":
        totals = set(range(1, T))
        cap = T - 1
    else:
        totals = {total}
        cap = total
    known = sum(p for p in parts if isinstance(p, int))
    ranges = []
    for p in parts:
        if p == "small":
            ranges.append(range(1, T))
        elif p == "x":
            ranges.append(range(0, cap + 1) if all_x else range(T, cap + 1))
        else:
            ranges.append(None)
    solved = []
    for i, p in enumerate(parts):
        if p != "small":
            continue
        others = reachable([r for j, r in enumerate(ranges) if r is not None and j != i], cap)
        fits = [v for v in range(1, T) if any(tt - known - v in others for tt in totals)]
        assert fits, "the published table is inconsistent"
        if len(fits) < 2:
            solved.append(i)
    return solved


def check_result_table(headers, rows, where: str) -> int:
    """Rows: head first, then its parts; columns 1, 2, 4 counts; 3, 5, 6, 8 derived from the row's count."""
    assert headers[1] == "Period", where
    checked = 0
    for c in (1, 2, 4):
        column = [parse(r[c]) for r in rows]
        bad = solved_cells(column[0], column[1:])
        assert bad == [], f"{where}: column {headers[c]}, rows {[rows[1 + i][0] for i in bad]}"
        checked += sum(1 for v in column[1:] if v == "small")
    for r in rows:
        n, n_c = parse(r[1]), parse(r[2])
        if not isinstance(n, int) or not isinstance(n_c, int):
            assert r[3] == "–", f"{where}: change beside {r[1]} / {r[2]} in {r[0]}"
        if not isinstance(n, int):
            assert r[5] == r[6] == r[8] == "–", f"{where}: rate beside {r[1]} in {r[0]}"
    return checked


@pytest.fixture()
def recorded_tables(monkeypatch):
    tables = []
    real = Tables.fill_table

    def fill_table(self, items, ident, headers, rows, *args, **kwargs):
        tables.append((list(headers), [[c if isinstance(c, str) else c[0] for c in r] for r in rows]))
        return real(self, items, ident, headers, rows, *args, **kwargs)

    monkeypatch.setattr(Tables, "fill_table", fill_table)
    return tables


def demo_copy(tmp_path) -> Path:
    path = tmp_path / "zuiderwaarde.gpkg"
    shutil.copy(ROOT / "resources" / "demo" / "zuiderwaarde.gpkg", path)
    return path


def area_of(path: Path, code: str):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return shapely_wkb.loads(blob_wkb(con.execute("SELECT geom FROM areas WHERE code = ?", (code,)).fetchone()[0]))
    finally:
        con.close()


def listing(text: str):
    """The summary's sentence: total and the count of each safety field listed."""
    flat = squash(text)
    total = re.search(r"In the period (\S+) incidents were registered in the scan area", flat)
    fields = re.search(r"Incidents in the period by safety field: (.*?)\.", flat)
    if not total or not fields:
        return None
    parts = [parse(m) for m in re.findall(r"\(([^()]*)\)(?:;|$)", fields.group(1))]
    return parse(total.group(1)), parts


@pytest.mark.parametrize("where", ["binnenstad", "small box", "test town"])
def test_no_table_of_the_report_gives_a_small_count_back(where, run_alg, tmp_path, recorded_tables, make_gpkg):
    if where == "test town":
        path = make_gpkg("town.gpkg")
        fill_town(path)
        area = box(X0 + 250, Y0 + 250, X0 + 800, Y0 + 800)
    else:
        path = demo_copy(tmp_path)
        area = area_of(path, "BU99990101")
        if where == "small box":  # a corner of the centre: few incidents, many small counts
            x0, y0, x1, y1 = area.bounds
            area = box(x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3)
    make_record(path, area, "Disclosure", reference="HS-D")
    out = tmp_path / "advies.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(path), "OUTPUT": str(out)})
    results = [(h, r) for h, r in recorded_tables if len(h) > 1 and h[1] == "Period"]
    assert results, "the report has no results table"
    small = sum(check_result_table(h, r, f"{where}, table {h[0]} {r[0][0]}") for h, r in results)
    assert small > 0, "the case has no small counts: it tests nothing"
    found = listing(pdf_text(out))
    if found:
        total, parts = found
        assert solved_cells(total, parts) == [], f"{where}: the summary's listing"
    for m in re.finditer(r"(\d+)% of them happened in the evening or at night", squash(pdf_text(out))):
        assert m  # a share is printed only beside counts that are shown (checked in the unit tests)


def test_the_issue_example_no_longer_gives_1(run_alg, tmp_path, make_gpkg, recorded_tables):
    """'6 incidents; Veilige woon- en leefomgeving (5); Integriteit en veiligheid (<5)'."""
    from hotspot_plugin.core import disclosure as dc

    column = dc.protect_column([5, 0, 0, 0, 1], 6)
    published = ["x" if s == dc.HIDDEN else "small" if s == dc.SMALL else v for s, v in zip(column.parts,
                                                                                            [5, 0, 0, 0, 1])]
    assert solved_cells(6, published) == []
    assert solved_cells(6, [5, 0, 0, 0, "small"]) == [4]  # the oracle sees the old leak


def test_monitor_csv_gives_no_small_count_back(run_alg, tmp_path):
    path = demo_copy(tmp_path)
    out = tmp_path / "monitor.csv"
    run_alg("hotspot:areamonitor", {"GPKG": str(path), "OUTPUT": str(out)})
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_area = {}
    for r in rows:
        by_area.setdefault((r["code"], r["year"]), {})[r["safety_field"]] = r
    small = 0
    for key, fields in by_area.items():
        total = parse(fields["totaal"]["count_text"])
        parts = [parse(fields[f]["count_text"]) for f in sorted(fields) if f != "totaal"]
        assert solved_cells(total, parts) == [], key
        small += parts.count("small")
        for r in fields.values():
            if not isinstance(parse(r["count_text"]), int):
                assert r["count"] in ("", None) and r["rate"] in ("", None) and r["ratio"] in ("", None), r
    assert small > 0


def wizard_rows(tree, top_key: Optional[str] = None):
    from qgis.PyQt.QtCore import Qt

    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    texts = [[item.text(c) for c in range(7)] for item in tops]
    keys = [item.data(0, Qt.ItemDataRole.UserRole) for item in tops]
    yield "fields", texts[keys.index("total")], [t for t, k in zip(texts, keys) if k != "total"]
    for item, text in zip(tops, texts):
        children = [[item.child(j).text(c) for c in range(7)] for j in range(item.childCount())]
        if children:
            yield text[0], text, children


def test_wizard_numbers_tab_gives_no_small_count_back(qgis_iface, hotspot_provider, canvas, tmp_path):
    """The numbers tab after a real run of the wizard on the demo town (a small area in the centre)."""
    from tests.qgis import test_scan_wizard as tw

    demo = demo_copy(tmp_path)
    made = []
    try:
        from qgis.core import QgsSettings

        from hotspot_plugin.gui import scan_wizard as sw

        QgsSettings().setValue("hotspot/last_gpkg", str(demo))
        wizard = sw.ScanWizard(qgis_iface)
        wizard.confirm_discard = lambda: True
        wizard.resize(*tw.SIZE)
        wizard.show()
        made.append(wizard)
        tw.process()
        analysis = tw.run_to_results(wizard, demo)
        small = 0
        for where, head, parts in wizard_rows(analysis.table):
            for c in (1, 2, 4):
                column = [parse(head[c])] + [parse(p[c]) for p in parts]
                assert solved_cells(column[0], column[1:]) == [], (where, c)
                small += column[1:].count("small")
            for r in [head] + parts:
                if not isinstance(parse(r[1]), int) or not isinstance(parse(r[2]), int):
                    assert r[3] == "–", (where, r)
                if not isinstance(parse(r[1]), int):
                    assert r[5] == r[6] == "–", (where, r)
        assert small > 0
        grab = Path("/tmp/hotspot_look/sec")
        grab.mkdir(parents=True, exist_ok=True)
        analysis.tabs.setCurrentIndex(0)  # the numbers tab
        analysis.table.expandAll()
        tw.process()
        wizard.grab().save(str(grab / "wizard_numbers.png"))
    finally:
        from qgis.PyQt.QtWidgets import QDialog

        for wizard in made:
            wizard.done(QDialog.DialogCode.Rejected)
            tw.wait_for(lambda w=wizard: not w.is_running() and not w.report_runner.is_running())
        tw.process()


@pytest.fixture()
def canvas(qgis_iface):
    from tests.qgis.test_scan_wizard import canvas as make_canvas

    yield from make_canvas.__wrapped__(qgis_iface)
