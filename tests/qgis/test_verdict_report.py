"""The verdict opens the advice report (issue #15, part 2): hotspot:advicereport with VERDICT and
CONDITIONS (as processing.run / qgis_process pass them), the verdict saved with the scan, the plan
drawing on a map, the "CONCEPT" mark on every page of a report without verdict, and the refusals that
come before any file is written. Checked page by page with pdftotext."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box

from hotspot_plugin.core.verdict import Verdict
from hotspot_plugin.storage.scans import load_scan, save_scan
from tests.qgis.test_advicereport import AREA, X0, Y0, fill_town, make_record, pdf_pages, pdf_text, squash

CONDITIONS = ["Light the cycle path along the square evenly", "Keep the hedge by the playground below 1 m"]


@pytest.fixture()
def scanned(make_gpkg):
    path = make_gpkg("town.gpkg")
    fill_town(path)
    make_record(path, AREA, "Marktplein", reference="HS-2026-001")
    return path


def pages_text(pdf: Path):
    return [squash(pdf_text(pdf, p)) for p in range(1, pdf_pages(pdf) + 1)]


def plan_drawing(folder: Path) -> Path:
    """A GeoPackage with the layer "ontwerp": two polygons of a design, in RD New."""
    from osgeo import ogr, osr

    path = folder / "plan.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    layer = ds.CreateLayer("ontwerp", srs, ogr.wkbPolygon)
    for shape in (box(X0 + 300, Y0 + 300, X0 + 500, Y0 + 450), box(X0 + 550, Y0 + 500, X0 + 750, Y0 + 760)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(shape.wkt))
        layer.CreateFeature(feature)
    ds = None
    return path


def test_verdict_and_conditions_from_the_parameters(scanned, run_alg, tmp_path):
    out = tmp_path / "advies.pdf"
    result = run_alg(
        "hotspot:advicereport",
        {"GPKG": str(scanned), "OUTPUT": str(out), "VERDICT": 2, "CONDITIONS": "\n".join(CONDITIONS) + "\n\n",
         "STATUS": "definitief"},
    )
    pages = pages_text(out)
    assert len(pages) == result["PAGES"]
    # the title page names the decision, page 2 opens with it and lists the conditions, numbered
    assert "Advice positive under conditions" in pages[0] and "FINAL" in pages[0]
    assert "Concept" not in pages[0]
    assert "Verdict" in pages[1] and "Advice: positive under conditions" in pages[1]
    for k, condition in enumerate(CONDITIONS, start=1):
        assert f"{k}. {condition}" in pages[1]
    assert "This advice judges a place" in pages[1]
    # then the principle table, then the evidence (the summary)
    assert "Verdict: design principles (CPTED)" in pages[2]
    for label in ("Sight lines", "Lighting", "Natural surveillance", "Ownership and territoriality", "Access",
                  "Maintenance"):
        assert label in pages[2]
    assert "Summary" in pages[3]
    # a final report with a verdict is no concept: no page carries the mark
    assert not [k for k, text in enumerate(pages, start=1) if "CONCEPT" in text]


def test_without_verdict_every_page_is_a_concept(scanned, run_alg, tmp_path):
    out = tmp_path / "concept.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(scanned), "OUTPUT": str(out), "STATUS": "definitief"})
    pages = pages_text(out)
    assert len(pages) >= 9
    missing = [k for k, text in enumerate(pages, start=1) if "CONCEPT · no verdict has been given yet" not in text]
    assert missing == []
    # the title says concept; a final status is not printed without a verdict; no verdict section
    assert "Concept: Marktplein" in pages[0] and "FINAL" not in pages[0]
    assert "Advice none yet (concept)" in pages[0]
    assert "Summary" in pages[1] and not any("Verdict: design principles" in t for t in pages)
    # with a verdict and the status concept the report is still a concept: marked, but not for the verdict
    out2 = tmp_path / "concept2.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(scanned), "OUTPUT": str(out2), "VERDICT": 1})
    pages = pages_text(out2)
    assert all("CONCEPT" in t for t in pages) and not any("no verdict" in t for t in pages)
    assert "Advice: positive" in pages[1]


def test_the_saved_verdict_is_used_and_parameters_override_it(scanned, run_alg, tmp_path):
    record = load_scan(str(scanned), "HS-2026-001")
    assert record.verdict is None  # a record saved without one
    drawing = plan_drawing(tmp_path)
    verdict = Verdict(decision="negative", motivation="The design creates a dark dead-end path.",
                      conditions=["Open the path to the street"], subject="plan",
                      description="Redesign of the Marktplein", plan_source=str(drawing), plan_layer="ontwerp")
    verdict.set_score("lighting", "no", "No lights along the path")
    verdict.set_score("sight_lines", "partly", "Hedges of 1.5 m")
    record.verdict = verdict
    save_scan(str(scanned), record)
    assert load_scan(str(scanned), "HS-2026-001").verdict == verdict  # stored and read back
    out = tmp_path / "saved.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(scanned), "OUTPUT": str(out), "STATUS": "definitief"})
    pages = pages_text(out)
    assert "Advice negative" in pages[0]
    assert "Advice: negative" in pages[1] and "The design creates a dark dead-end path." in pages[1]
    assert "What the plan must change" in pages[1] and "1. Open the path to the street" in pages[1]
    assert "This advice judges a plan: Redesign of the Marktplein." in pages[1]
    # the principle table over the plan drawing on a map
    assert "Map: the plan drawing (Plan: ontwerp) over the scan area." in pages[2]
    assert "No lights along the path" in pages[2] and "Hedges of 1.5 m" in pages[2]
    assert "Plan: ontwerp" in pages[2]  # its legend
    # the parameters override the saved decision and conditions; subject and scores stay
    out2 = tmp_path / "override.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(scanned), "OUTPUT": str(out2), "VERDICT": 2,
                                     "CONDITIONS": "Light the path", "STATUS": "definitief"})
    pages = pages_text(out2)
    assert "Advice: positive under conditions" in pages[1] and "1. Light the path" in pages[1]
    assert "Open the path to the street" not in " ".join(pages)
    assert "No lights along the path" in pages[2]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"VERDICT": 2}, "at least one condition"),
        ({"VERDICT": 2, "CONDITIONS": " \n \n"}, "at least one condition"),
        ({"VERDICT": 1, "CONDITIONS": "a"}, "has no conditions"),
        ({"VERDICT": 3}, "needs a reason"),
        ({"CONDITIONS": "a"}, "there is no verdict"),
    ],
)
def test_invalid_combinations_are_refused_before_any_file(scanned, run_alg, tmp_path, params, message):
    from qgis.core import QgsProcessingException

    out = tmp_path / "nope.pdf"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("hotspot:advicereport", {"GPKG": str(scanned), "OUTPUT": str(out), **params})
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
