"""The report section 'Evaluatie': measures registered at the place of a later scan, evaluated.

The section is a step of AdviceReport.build; here it is built on its own (page_evaluation of an
AdviceReport) and exported to PDF (pages rendered with pdftoppm to look at). The whole report
with the section is tested in test_report_sections.py.
"""
from __future__ import annotations

import subprocess

import numpy as np
from shapely.geometry import Point, box

from hotspot_plugin.core import measure_effect as me
from hotspot_plugin.core.measure_register import MeasureRecord
from hotspot_plugin.report.advice.export import export_pdf
from hotspot_plugin.report.advice.report import AdviceReport
from hotspot_plugin.report.advice.sections_evaluation import evaluate_measures
from hotspot_plugin.storage.measures import add_measures
from hotspot_plugin.storage.scan_inputs import read_incidents, reading
from tests.qgis.test_advicereport import AREA, X0, Y0, fill_town, make_record, pdf_text, squash

MEASURE_AREA = box(X0 + 300, Y0 + 300, X0 + 700, Y0 + 700)


def test_evaluation_counts_and_pages(make_gpkg, tmp_path):
    path = make_gpkg("town.gpkg")
    fill_town(path)
    add_measures(str(path), [
        MeasureRecord(location=MEASURE_AREA, measure_id="verlichting_openbare_ruimte", title="Betere verlichting",
                      status="actief", start_date="2025-01-01"),
        MeasureRecord(location=MEASURE_AREA, title="Buurtpreventie", status="gepland"),
        MeasureRecord(location=box(X0 + 5000, Y0 + 5000, X0 + 5100, Y0 + 5100), title="Elders",
                      start_date="2025-01-01")])
    evaluations = evaluate_measures(str(path), AREA)
    assert [ev.measure.title for ev in evaluations] == ["Betere verlichting", "Buurtpreventie"]
    ev = evaluations[0]
    # Independent count: the incidents of the year before and the year after 2025-01-01.
    with reading(str(path)) as con:
        data = read_incidents(con, [(np.datetime64("2000-01-01"), np.datetime64("2100-01-01"))])
    day = data.t.astype("datetime64[D]")
    last = day.max()
    first = day.min()
    n_days = min(365, int((last - np.datetime64("2025-01-01")).astype(int)) + 1,
                 int((np.datetime64("2025-01-01") - first).astype(int)))
    assert ev.periods.days() == (n_days, n_days)
    before = (day >= np.datetime64("2025-01-01") - np.timedelta64(n_days, "D")) & (day < np.datetime64("2025-01-01"))
    after = (day >= np.datetime64("2025-01-01")) & (day < np.datetime64("2025-01-01") + np.timedelta64(n_days, "D"))
    inside = np.array([MEASURE_AREA.covers(Point(x, y)) for x, y in zip(data.x, data.y)])
    assert (ev.effect.counts.rb, ev.effect.counts.ra) == (int((inside & before).sum()), int((inside & after).sum()))
    assert ev.effect.counts.rb + ev.effect.counts.db + ev.effect.counts.cb == int(before.sum())
    assert evaluations[1].effect is None and evaluations[1].reason

    record = make_record(path, AREA, "Marktplein", reference="HS-2026-009")
    report = AdviceReport(str(path), record, str(tmp_path / "work"))
    try:
        report.doc.start_section("evaluation")
        report.page_evaluation()
        pdf = tmp_path / "evaluatie.pdf"
        export_pdf(report.layout, str(pdf))
    finally:
        report.close()
    text = squash(pdf_text(pdf))
    assert "Evaluation of earlier measures" in text and "Betere verlichting" in text
    assert "not evaluated, because it has no start date" in text
    assert f"target area {ev.effect.counts.rb} → {ev.effect.counts.ra}" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page*.png"))) >= 2
    assert me.DEFAULT_BUFFER_DISTANCE == 250.0
