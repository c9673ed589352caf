"""The advice report's sections of issues #16 and #17 in the whole report (hotspot:advicereport):

* 'Development over the years' (report/advice/sections_trend.py): the area monitor of the buurt of
  the demo town's Binnenstad and the emerging hot spot classes of its cells. Oracles: the counts
  per year and field from shapely point-in-polygon tests on rows read with sqlite3, the monitor's
  comparison and trend from core.area_monitor run on those counts, and the pattern classes from
  hotspot:emerginghotspots run through Processing on the incidents layer (same defaults and seed).
* 'Measures at this place' and 'Evaluation of earlier measures' (sections_evaluation.py): a
  registered active measure whose start lies inside the data gets its page; a scan without
  registered measures at its place (or with only its own) gets none.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path

import numpy as np
from shapely import wkb as shapely_wkb
from shapely.geometry import Point, shape
from shapely.prepared import prep

from hotspot_plugin.core import area_monitor as am
from hotspot_plugin.core.categories import SAFETY_FIELDS
from hotspot_plugin.core.gpkg_blob import blob_wkb
from hotspot_plugin.core.measure_register import MeasureRecord
from hotspot_plugin.core.monitor_profile import area_profile
from hotspot_plugin.storage.measures import add_measures, list_measures, register_scan_measures
from tests.qgis.conftest import output_layer
from tests.qgis.test_advicereport import AREA, ROOT, _xy, make_record, pdf_pages, pdf_text, squash
from tests.qgis.test_evaluation_section import MEASURE_AREA

BINNENSTAD = "BU99990101"


def section_pages(pdf: Path, heading: str) -> list:
    """The pages whose heading (the line under the page header) starts with *heading*."""
    pages = []
    for p in range(2, pdf_pages(pdf) + 1):
        lines = [line.strip() for line in pdf_text(pdf, p).splitlines() if line.strip()]
        if len(lines) > 1 and lines[1].startswith(heading):
            pages.append(p)
    return pages


def shapely_counts(path: Path):
    """Buurten (code, name, geometry, inhabitants) and counts (buurt, year, field + total) by brute force."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        buurten = [(code, name, shapely_wkb.loads(blob_wkb(g)), inh) for g, code, name, inh in con.execute(
            "SELECT geom, code, name, inhabitants FROM areas WHERE level = 'buurt' ORDER BY fid")]
        rows = con.execute("SELECT geom, substr(occurred_at, 1, 4), safety_field FROM incidents").fetchall()
    finally:
        con.close()
    years = sorted({int(r[1]) for r in rows})
    years = list(range(years[0], years[-1] + 1))
    fields = list(SAFETY_FIELDS)
    counts = np.zeros((len(buurten), len(years), len(fields) + 1), dtype=np.int64)
    prepared = [prep(b[2]) for b in buurten]
    for blob, year, fld in rows:
        pt = Point(_xy(blob))
        for a, poly in enumerate(prepared):
            if poly.covers(pt):  # a point on a border counts for the first buurt (the monitor's rule)
                y = int(year) - years[0]
                if fld in fields:
                    counts[a, y, fields.index(fld)] += 1
                counts[a, y, -1] += 1
                break
    return buurten, years, counts


def test_demo_binnenstad_trend_section(run_alg, tmp_path):
    path = tmp_path / "zuiderwaarde.gpkg"
    shutil.copy(ROOT / "resources" / "demo" / "zuiderwaarde.gpkg", path)
    buurten, years, counts = shapely_counts(path)
    b = next(k for k, row in enumerate(buurten) if row[0] == BINNENSTAD)
    area = buurten[b][2]
    make_record(path, area, "Binnenstad", reference="HS-2026-010")
    out = tmp_path / "advies.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(path), "OUTPUT": str(out)})
    pages = section_pages(out, "Development over the years")
    assert len(pages) == 2
    monitor_page = squash(pdf_text(out, pages[0]))
    assert "Binnenstad" in monitor_page and f"over the years {years[0]} to {years[-1]}" in monitor_page
    # the counts of the Binnenstad per year and field, and the last year's rate per 1,000 inhabitants
    labels = [am.FIELD_LABELS_EN[f] for f in am.FIELDS]
    for f, label in enumerate(labels):
        series = " ".join(str(int(counts[b, y, f])) if not 0 < counts[b, y, f] < 5 else "<5"
                          for y in range(len(years)))
        assert f"{label} {series} " in monitor_page, (label, series)
    inhabitants = buurten[b][3]
    rate = counts[b, -1, -1] / (inhabitants / 1000.0)
    assert f"{series} {rate:,.1f} " in monitor_page
    # comparison with the municipality and trend: core.area_monitor on the brute-force counts
    areas = am.MonitorAreas([r[0] for r in buurten], [r[1] for r in buurten],
                            np.array([r[2].area / 1e6 for r in buurten]),
                            np.array([[float(r[3])] * len(years) for r in buurten]),
                            np.full((len(buurten), len(years)), np.nan))
    direct = area_profile(am.area_monitor(areas, counts, years, threshold=5), b, dutch=False)
    status = {"above": "higher", "below": "lower", "same": "not different", "hidden": "–"}
    assert [row["status"] for row in direct["rows"]].count("above") >= 2
    for row in direct["rows"]:
        assert f"{row['rate']} {status[row['status']]} {row['trend']}" in monitor_page, row
    assert direct["flag_text"] in monitor_page
    # the emerging hot spot classes of the cells that overlap the Binnenstad, from the algorithm
    result = run_alg("hotspot:emerginghotspots", {"INPUT": f"{path}|layername=incidents", "CELL_SIZE": 100,
                                                  "TIME_STEP_MONTHS": 3, "SEED": 1, "OUTPUT": "memory:"})
    layer = output_layer(result["OUTPUT"])
    classes = Counter()
    for feature in layer.getFeatures():
        cell = shape(json.loads(feature.geometry().asJson()))
        if cell.intersection(area).area > 0:
            classes[feature["pattern_label"]] += 1
    emerging_page = squash(pdf_text(out, pages[1]))
    assert f"Of the {sum(classes.values())} cells with incidents that overlap the scan area" in emerging_page
    assert classes and len(classes) >= 2
    for label, n in classes.items():
        assert f"{label} {n} " in emerging_page, (label, n)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(pages[0]), "-l", str(pages[1]), str(out),
                    str(tmp_path / "trend")], check=True)


def test_registered_measure_gets_the_evaluation(make_gpkg, run_alg, tmp_path):
    from tests.qgis.test_advicereport import fill_town

    path = make_gpkg("town.gpkg")
    fill_town(path)
    record = make_record(path, AREA, "Marktplein", reference="HS-2026-011")
    # without measures in the register: no page
    out = tmp_path / "zonder.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(path), "SCAN": "HS-2026-011", "OUTPUT": str(out)})
    text = squash(pdf_text(out))
    assert "Measures at this place" not in text and "Evaluation of earlier measures" not in text
    # the scan's own measures in the register (twice: added once) are no earlier measures: still no page
    added = register_scan_measures(str(path), record.uuid)
    assert len(added) == len(record.advice.measures) > 0
    assert register_scan_measures(str(path), "HS-2026-011") == []
    run_alg("hotspot:advicereport", {"GPKG": str(path), "SCAN": "HS-2026-011", "OUTPUT": str(out)})
    assert "Measures at this place" not in squash(pdf_text(out))
    # an active measure of an earlier scan, started on 1 January 2025 (the data run from 2024 to 2025)
    add_measures(str(path), [MeasureRecord(location=MEASURE_AREA, measure_id="verlichting_openbare_ruimte",
                                           title="Betere verlichting", status="actief", start_date="2025-01-01",
                                           source="advies", owner="gemeente")])
    assert [m.title for m in list_measures(str(path), area=AREA) if m.scan_uuid != record.uuid] == [
        "Betere verlichting"]
    out = tmp_path / "met.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(path), "SCAN": "HS-2026-011", "OUTPUT": str(out)})
    register = section_pages(out, "Measures at this place")
    evaluation = section_pages(out, "Evaluation")
    results = section_pages(out, "3 Results per safety field")
    schouw = section_pages(out, "4 Findings of the neighbourhood inspection")
    assert len(register) == 1 and results[0] < register[0] < evaluation[0] < schouw[0]
    page = squash(pdf_text(out, register[0]))
    assert "Betere verlichting active 1 January 2025 – " in page and "scan advice yes" in page
    # the counts in the measure's area: the 365 days before and after the start, by hand
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT geom, substr(occurred_at, 1, 10) FROM incidents").fetchall()
    finally:
        con.close()
    days = np.array([r[1] for r in rows], dtype="datetime64[D]")
    start = np.datetime64("2025-01-01")
    n = min(365, int((days.max() - start).astype(int)) + 1, int((start - days.min()).astype(int)))
    inside = np.array([MEASURE_AREA.covers(Point(_xy(r[0]))) for r in rows])
    rb = int((inside & (days >= start - np.timedelta64(n, "D")) & (days < start)).sum())
    ra = int((inside & (days >= start) & (days < start + np.timedelta64(n, "D"))).sum())
    text = squash(pdf_text(out))
    assert "Evaluation: Betere verlichting" in text and f"target area {rb} → {ra}" in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(register[0]), "-l", str(evaluation[-1]), str(out),
                    str(tmp_path / "evaluatie")], check=True)
