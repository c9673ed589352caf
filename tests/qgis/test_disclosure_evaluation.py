"""The report's evaluation page gives no suppressed count back (issue #14, attack 4).

A measure at a spot with few incidents is evaluated on the report's page 'Evaluation of earlier
measures'. The reader of test_disclosure_tables.py reads the page's text (the six counts before
and after in the target, buffer and control areas) and its chart (bars and their labels): the
three counts of a period add up to the period's incidents, which the reader is given (the oracle
counts them from the GeoPackage). No "<5" may be computed back, no count from 1 to 4 may be
printed or drawn exactly, and no percentage change, odds ratio or WDQ may be printed on a count
that is not shown.
"""

from __future__ import annotations

import re
import subprocess

import numpy as np
import pytest
from shapely.geometry import Point, box

from hotspot_plugin.core.measure_register import MeasureRecord
from hotspot_plugin.report import charts_effect
from hotspot_plugin.report.advice.export import export_pdf
from hotspot_plugin.report.advice.report import AdviceReport
from hotspot_plugin.storage.measures import add_measures
from hotspot_plugin.storage.scan_inputs import read_incidents, reading
from tests.qgis.test_advicereport import AREA, fill_town, make_record, pdf_text, squash
from tests.qgis.test_disclosure_charts import read_bar
from tests.qgis.test_disclosure_tables import T, parse, solved_cells

START = np.datetime64("2025-01-01")
COUNTS = re.compile(r"target area (\S+) → (\S+), buffer (\S+) → (\S+), control (\S+) → (\S+) incidents")


@pytest.fixture()
def drawn_figures(monkeypatch):
    figures = []
    real = charts_effect.Figure

    class Recorded(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            figures.append(self)

    monkeypatch.setattr(charts_effect, "Figure", Recorded)
    return figures


def town_incidents(path):
    with reading(str(path)) as con:
        data = read_incidents(con, [(np.datetime64("2000-01-01"), np.datetime64("2100-01-01"))])
    return data.x, data.y, data.t.astype("datetime64[D]")


def true_counts(x, y, day, spot):
    """(rb, ra, db, da, cb, ca) counted independently: equal periods before and after the start
    (as long as the data allow, at most a year), the spot, the 250 m around it, the rest."""
    n_days = min(365, int((day.max() - START).astype(int)) + 1, int((START - day.min()).astype(int)))
    before = (day >= START - np.timedelta64(n_days, "D")) & (day < START)
    after = (day >= START) & (day < START + np.timedelta64(n_days, "D"))
    inside = np.array([spot.covers(Point(a, b)) for a, b in zip(x, y)])
    near = np.array([spot.distance(Point(a, b)) <= 250.0 for a, b in zip(x, y)]) & ~inside
    rest = ~inside & ~near
    return tuple(int((zone & period).sum()) for zone in (inside, near, rest) for period in (before, after))


def small_spot(x, y, day):
    """A 30 m square in the scan area around an incident, with 1 to 4 incidents before the start."""
    for a, b in zip(x, y):
        spot = box(a - 15, b - 15, a + 15, b + 15)
        if not AREA.contains(spot):
            continue
        counts = true_counts(x, y, day, spot)
        if 0 < counts[0] < T:
            return spot, counts
    raise AssertionError("the town has no spot with a small count")


def check_page(text: str, truth, where: str) -> int:
    """The reader's checks of the evaluation text; returns the number of "<5" read."""
    found = COUNTS.search(text)
    assert found, f"{where}: no counts in the text"
    published = [parse(v) for v in found.groups()]
    for p, v in zip(published, truth):
        assert p in ("small", "x") or p == v, f"{where}: {p} printed for {v}"
        assert not (isinstance(p, int) and 0 < p < T), f"{where}: a small count printed exactly: {p}"
    rb, ra, db, da, cb, ca = published
    assert solved_cells(truth[0] + truth[2] + truth[4], [rb, db, cb]) == [], f"{where}: before, computed back"
    assert solved_cells(truth[1] + truth[3] + truth[5], [ra, da, ca]) == [], f"{where}: after, computed back"
    if not all(isinstance(p, int) for p in (rb, ra, cb, ca)):
        assert not re.search(r"(fell|rose) \d+%", text), f"{where}: a change on a hidden count"
        assert not re.search(r"odds ratio \d", text), f"{where}: an odds ratio on a hidden count"
    if not all(isinstance(p, int) for p in published):
        assert not re.search(r"WDQ (\(|-?\d)", text), f"{where}: a WDQ on a hidden count"
        assert "not to be published" in text
    return published.count("small")


def check_chart(fig, truth, where: str) -> int:
    """The bars as drawn (height or placeholder) and each panel's change."""
    small = 0
    drawn = []
    for ax in fig.axes:
        bars = [read_bar(r) for r in ax.patches]
        drawn += bars
        if not all(isinstance(b, int) for b in bars):
            assert ax.get_title().split("\n")[-1] == "–", f"{where}: a change beside a hidden bar"
        small += bars.count("small")
    rb, ra, db, da, cb, ca = drawn
    for p in drawn:
        assert not (isinstance(p, int) and 0 < p < T), f"{where}: a small count drawn exactly: {p}"
    assert solved_cells(truth[0] + truth[2] + truth[4], [rb, db, cb]) == [], f"{where}: before bars"
    assert solved_cells(truth[1] + truth[3] + truth[5], [ra, da, ca]) == [], f"{where}: after bars"
    return small


def test_evaluation_page_gives_no_small_count_back(make_gpkg, tmp_path, drawn_figures):
    path = make_gpkg("town.gpkg")
    fill_town(path)
    x, y, day = town_incidents(path)
    spot, truth = small_spot(x, y, day)
    add_measures(str(path), [MeasureRecord(location=spot, title="Extra licht", status="actief",
                                           start_date="2025-01-01")])
    record = make_record(path, AREA, "Marktplein", reference="HS-E")
    report = AdviceReport(str(path), record, str(tmp_path / "work"))
    try:
        report.doc.start_section("evaluation")
        report.page_evaluation()
        pdf = tmp_path / "evaluatie.pdf"
        export_pdf(report.layout, str(pdf))
    finally:
        report.close()
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), "/tmp/hotspot_look/sec/evaluation"], check=False)
    text = squash(pdf_text(pdf))
    assert "Extra licht" in text
    small = check_page(text, truth, "evaluation text")
    assert len(drawn_figures) == 1
    small += check_chart(drawn_figures[0], truth, "evaluation chart")
    assert small >= 2, "the case has no small counts: it tests nothing"


def test_the_reader_sees_the_old_page_leak():
    """Crafted: the old page printed every count and the change beside them; the reader catches it."""
    truth = (2, 6, 40, 38, 900, 910)
    old = ("target area 2 → 6, buffer 40 → 38, control 900 → 910 incidents. Incidents rose 200% in the target "
           "area against 1% in the control area")
    with pytest.raises(AssertionError, match="small count printed exactly"):
        check_page(old, truth, "old page")
    half = "target area <5 → 6, buffer 40 → 38, control 900 → 910 incidents. Incidents rose 200% in the target area"
    with pytest.raises(AssertionError, match="computed back"):
        check_page(half, truth, "primary suppression only")
