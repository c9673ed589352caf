"""Saved scans: round trip, update keeps creation time and bumps the version, reference numbers;
records of Hotspot 0.1 (unversioned JSON) load typed."""
from __future__ import annotations

import json
import sqlite3

import pytest
from qgis.core import QgsVectorLayer
from shapely.geometry import Polygon

from hotspot_plugin.core.advice import Advice, ChosenMeasure
from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.scan_record import HeatmapInfo, RecordParameters, ZoneInfo
from hotspot_plugin.core.scan_types import ResultParameters, ScanResult
from hotspot_plugin.storage import gpkg
from hotspot_plugin.storage.scans import ScanRecord, list_scans, load_scan, next_reference, save_scan

SQUARE = Polygon([(152000, 443000), (152400, 443000), (152400, 443400), (152000, 443400)])


def test_round_trip_update_and_references(make_gpkg):
    path = str(make_gpkg())
    ref = next_reference(path, 2025)
    assert ref == "HS-2025-001"
    results = ScanResult(parameters=ResultParameters(ring_width=250.0), n_incidents={"used": 3},
                         geography={"tekst": "één"}, groups=[], when={}, where={}, schouw={}, methods={})
    record = save_scan(path, ScanRecord(area=SQUARE, title="Marktplein", reference=ref, author="A. Analist",
                                        parameters=RecordParameters(ring_width=250.0), results=results,
                                        advice=Advice(measures=[ChosenMeasure(None, text="eigen")])))
    loaded = load_scan(path, record.uuid)
    assert loaded.area.equals(SQUARE) and loaded.area.geom_type == "MultiPolygon"
    assert (loaded.title, loaded.reference, loaded.version, loaded.status) == ("Marktplein", ref, 1, "concept")
    assert loaded.results == results and loaded.parameters == RecordParameters(ring_width=250.0)
    assert loaded.results.geography["tekst"] == "één" and loaded.advice.measures[0].text == "eigen"
    assert loaded.created_at == loaded.updated_at and loaded.plugin_version
    assert next_reference(path, 2025) == "HS-2025-002"

    loaded.status = "definitief"
    loaded.results.n_incidents["used"] = 4
    again = save_scan(path, loaded)
    reread = load_scan(path, ref)
    assert (reread.version, reread.status, reread.results.n_incidents["used"]) == (2, "definitief", 4)
    assert reread.created_at == record.created_at and reread.uuid == record.uuid
    assert len(list_scans(path)) == 1 and again.fid == record.fid

    layer = QgsVectorLayer(f"{path}|layername=scans", "s", "ogr")  # QGIS reads what sqlite3 wrote
    feature = next(layer.getFeatures())
    assert feature["reference"] == ref and feature.geometry().area() == pytest.approx(160000)
    assert layer.extent().xMinimum() == 152000


def test_bad_area_and_unknown_scan(make_gpkg):
    path = str(make_gpkg())
    with pytest.raises(InputError, match="empty or invalid"):
        save_scan(path, ScanRecord(area=Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])))
    with pytest.raises(InputError, match="no scan"):
        load_scan(path, "HS-2000-001")


def _stored_json(path, uuid):
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT parameters, results, advice FROM scans WHERE uuid = ?", (uuid,)).fetchone()
    finally:
        con.close()
    return [json.loads(text) for text in row]


# A record as Hotspot 0.1 saved it: the three JSON texts without a "version" key, written by hand
PARAMETERS_01 = {
    "area_source": "POINT", "POINT": [152200.0, 443200.0], "RADIUS": 200.0, "RING_WIDTH": 250.0,
    "PERIOD_START": "2024-01-01", "PERIOD_END": "2024-12-31", "COMPARISON_START": "2023-01-01",
    "COMPARISON_END": "2023-12-31", "REFERENCE": None, "FIELDS": None, "CATEGORIES": ["1.1.1"],
    "SMALL_COUNT": 5, "gpkg_crs": "EPSG:28992", "reference_name": "", "reference_inhabitants": 1200.0,
    "population_level": "buurten",
    "heatmap": {"radius": 150.0, "pixel": 10.0, "kernel": "quartic", "output": "raw", "weights": None,
                "how": "suggested", "grid": [151900.0, 443500.0, 60, 60], "n_incidents": 12,
                "path": "scans/heatmap.tif"},
    "zones": [{"wkt": "POLYGON ((152100 443100, 152200 443100, 152200 443200, 152100 443100))",
               "peak": 2.5, "rank": 1, "area_m2": 5000.0}],
    "advice_drafted": {"findings": ["change_up:cat:1.1.1"], "measures": ["besmettingsbrieven"]},
}
RESULTS_01 = {
    "format": "hotspot-scan/1",
    "parameters": {"period": ["2024-01-01T00:00:00", "2025-01-01T00:00:00"],
                   "comparison": ["2023-01-01T00:00:00", "2024-01-01T00:00:00"], "period_days": 366.0,
                   "comparison_days": 365.0, "ring_width": 250.0, "small_count_threshold": 5, "alpha": 0.05,
                   "fields": None, "categories": ["1.1.1"], "dagdelen": {"dag": [7, 19], "avond": [19, 23],
                   "nacht": [23, 7]}, "reference_mode": "nested"},
    "n_incidents": {"input": 12, "used": 12, "area_period": 7, "area_comparison": 5, "ring_period": 0,
                    "ring_comparison": 0, "reference_period": 7},
    "geography": {}, "groups": [], "when": {}, "where": {}, "schouw": {}, "methods": {}, "warnings": [],
}
ADVICE_01 = {
    "format": "hotspot-advice/1", "findings": [],
    "measures": [{"measure_id": "besmettingsbrieven", "text": "", "priority": 1, "owner": "politie",
                  "due_date": "2025-03-31", "finding_ids": [], "note": ""}],
}


def test_a_record_of_hotspot_0_1_loads_typed_and_saves_versioned(make_gpkg):
    path = str(make_gpkg())
    record = save_scan(path, ScanRecord(area=SQUARE, title="Oud"))
    con = gpkg.connect(path, write=True)  # the raw JSON of 0.1 as its save_scan wrote it (sorted, no version)
    with gpkg.transaction(con, path):
        con.execute("UPDATE scans SET parameters = ?, results = ?, advice = ? WHERE uuid = ?",
                    (*(json.dumps(part, ensure_ascii=False, sort_keys=True)
                       for part in (PARAMETERS_01, RESULTS_01, ADVICE_01)), record.uuid))
    con.close()

    old = load_scan(path, record.uuid)
    p = old.parameters
    assert (p.area_source, p.point, p.radius, p.ring_width) == ("POINT", [152200.0, 443200.0], 200.0, 250.0)
    assert (p.period_start, p.comparison_end, p.categories, p.small_count) == ("2024-01-01", "2023-12-31",
                                                                               ["1.1.1"], 5)
    assert isinstance(p.heatmap, HeatmapInfo) and p.heatmap.path == "scans/heatmap.tif"
    assert isinstance(p.zones[0], ZoneInfo) and (p.zones[0].peak, p.zones[0].rank) == (2.5, 1)
    assert p.advice_drafted.measures == ["besmettingsbrieven"] and p.near_repeat is None and p.extra == {}
    assert isinstance(old.results.parameters, ResultParameters)
    assert old.results.parameters.period == ["2024-01-01T00:00:00", "2025-01-01T00:00:00"]
    assert old.results.threshold == 5 and old.results.n_incidents["area_period"] == 7
    assert old.advice.measures[0].owner == "politie" and old.advice.measures[0].due_date == "2025-03-31"
    assert [r.uuid for r in list_scans(path)] == [record.uuid]

    assert old.verdict is None  # 0.1 had no verdict (issue #15)
    # saved again: the same keys and values, each part with "version": 2 (the schema version since the
    # verdict, issue #15; version 1 was Hotspot 0.2's)
    save_scan(path, old)
    parameters, results, advice = _stored_json(path, record.uuid)
    assert parameters == {**PARAMETERS_01, "version": 2}
    assert results == {**RESULTS_01, "version": 2}
    assert advice == {**ADVICE_01, "version": 2}
    assert load_scan(path, record.uuid).parameters == p


def test_a_record_without_results_or_advice(make_gpkg):
    path = str(make_gpkg())
    record = save_scan(path, ScanRecord(area=SQUARE))
    loaded = load_scan(path, record.uuid)
    assert loaded.results is None and loaded.advice is None and loaded.parameters == RecordParameters()
    assert _stored_json(path, record.uuid) == [RecordParameters().to_json(), {}, {}]


def test_a_damaged_record_is_listed_with_a_note_and_refused_when_loaded(make_gpkg):
    """One record whose results JSON is not a ScanResult (cut off, or not an object) must not stop the
    list of saved scans (the wizard's list, the report's choice); loading it names the record."""
    from qgis.core import QgsApplication

    def result(ring):
        return ScanResult(parameters=ResultParameters(ring_width=ring), n_incidents={"used": 3}, geography={},
                          groups=[], when={}, where={}, schouw={}, methods={})

    path = str(make_gpkg())
    good = save_scan(path, ScanRecord(area=SQUARE, title="Goed", parameters=RecordParameters(ring_width=250.0),
                                      results=result(250.0)))
    cut = save_scan(path, ScanRecord(area=SQUARE, title="Afgebroken", parameters=RecordParameters(ring_width=100.0),
                                     results=result(100.0)))
    wrong = save_scan(path, ScanRecord(area=SQUARE, title="Lijst", advice=Advice()))
    con = sqlite3.connect(path)
    gpkg._register_functions(con)  # the GeoPackage's triggers call them, as in any app
    with con:
        text = con.execute("SELECT results FROM scans WHERE uuid = ?", (cut.uuid,)).fetchone()[0]
        con.execute("UPDATE scans SET results = ? WHERE uuid = ?", (text[: len(text) // 2], cut.uuid))
        con.execute("UPDATE scans SET results = '[1, 2, 3]' WHERE uuid = ?", (wrong.uuid,))
    con.close()

    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: logged.append(message))
    scans = {r.uuid: r for r in list_scans(path)}
    assert set(scans) == {good.uuid, cut.uuid, wrong.uuid}
    assert scans[good.uuid].damaged == "" and scans[good.uuid].results.parameters.ring_width == 250.0
    for damaged in (cut, wrong):
        record = scans[damaged.uuid]
        assert record.results is None and record.title == damaged.title
        assert damaged.reference in record.damaged and "results column cannot be read" in record.damaged
        assert any(damaged.reference in m for m in logged)
        with pytest.raises(InputError, match=rf"saved scan {damaged.reference} \({damaged.uuid}\).*damaged: its "
                                             r"results column cannot be read"):
            load_scan(path, damaged.reference)
    assert scans[cut.uuid].parameters == RecordParameters(ring_width=100.0)  # the readable parts are read
    assert scans[wrong.uuid].advice == Advice()
    assert "JSONDecodeError" in scans[cut.uuid].damaged
