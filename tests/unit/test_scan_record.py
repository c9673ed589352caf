"""The typed contract of a saved scan (core.scan_record): round trips of a record as Hotspot 0.1 saved it."""
from __future__ import annotations

import copy
import json

from hotspot_plugin.core.scan_record import (
    SCHEMA_VERSION,
    HeatmapInfo,
    RecordParameters,
    ResultParameters,
    ScanRecordData,
    ZoneInfo,
)

# record.parameters as hotspot:environmentscan writes it (every key), built by hand
PARAMETERS = {
    "area_source": "POINT",
    "POINT": [150500.0, 440500.0],
    "RADIUS": 250.0,
    "RING_WIDTH": 250.0,
    "PERIOD_START": "2024-01-01",
    "PERIOD_END": "2024-12-31",
    "COMPARISON_START": "2023-01-01",
    "COMPARISON_END": "2023-12-31",
    "REFERENCE": None,
    "FIELDS": None,
    "CATEGORIES": ["1.1.1", "1.2.3"],
    "SMALL_COUNT": 5,
    "gpkg_crs": "EPSG:28992",
    "reference_name": "Gemeente Voorbeeld",
    "reference_inhabitants": 4000.0,
    "population_level": "buurten",
    "heatmap": {"radius": 150.0, "pixel": 10.0, "kernel": "quartic", "output": "raw", "weights": None,
                "how": "fixed+coarser", "grid": [150000.0, 441000.0, 120, 80], "n_incidents": 47,
                "path": "demo_scans/heatmap_1.tif"},
    "zones": [{"wkt": "POLYGON ((0 0, 1 0, 1 1, 0 0))", "peak": 3.5, "rank": 1, "area_m2": 0.5}],
    "advice_drafted": {"findings": ["change_up:cat:1.1.1", "near_repeat:cat:1.1.1"],
                       "measures": ["besmettingsbrieven"]},
    "near_repeat": {"conclusion": "text", "conclusion_template": "{alpha}", "conclusion_params": {"alpha": "0.05"},
                    "distance": 200.0, "days": 14.0, "repeat_days": None, "n_incidents": 65, "category": "1.1.1",
                    "permutations": 999, "seed": 1234, "alpha": 0.05, "distance_edges": [0.0, 100.0, 200.0],
                    "time_edges": [0.0, 7.0, 14.0],
                    "periods": [["2023-01-01T00:00:00", "2024-01-01T00:00:00"],
                                ["2024-01-01T00:00:00", "2025-01-01T00:00:00"]]},
}

RESULT_PARAMETERS = {
    "period": ["2024-01-01T00:00:00", "2025-01-01T00:00:00"],
    "comparison": ["2023-01-01T00:00:00", "2024-01-01T00:00:00"],
    "period_days": 366.0, "comparison_days": 365.0, "ring_width": 250.0, "small_count_threshold": 5,
    "alpha": 0.05, "fields": None, "categories": ["1.1.1", "1.2.3"],
    "dagdelen": {"dag": [7, 19], "avond": [19, 23], "nacht": [23, 7]}, "reference_mode": "nested",
}

RESULTS = {
    "format": "hotspot-scan/1", "parameters": RESULT_PARAMETERS,
    "n_incidents": {"input": 3, "used": 3, "area_period": 2, "area_comparison": 1, "ring_period": 0,
                    "ring_comparison": 0, "reference_period": 2},
    "geography": {"area_km2": 0.16}, "groups": [], "when": {"months": [], "groups": {}},
    "where": {"zones": []}, "schouw": {"n_open": 0}, "methods": {}, "warnings": [],
}

ADVICE = {
    "format": "hotspot-advice/1",
    "findings": [{"id": "user:1", "rule": "user", "safety_field": None, "category": None, "template": "Eigen",
                  "params": {}, "priority": 2, "evidence": {}, "measures": [], "group": None}],
    "measures": [{"measure_id": None, "text": "Eigen maatregel", "priority": 1, "owner": "gemeente",
                  "due_date": "2025-06-30", "finding_ids": ["user:1"], "note": ""}],
}


def test_parameters_typed():
    p = RecordParameters.from_json(PARAMETERS)
    assert p.area_source == "POINT" and p.point == [150500.0, 440500.0] and p.radius == 250.0
    assert p.period_start == "2024-01-01" and p.comparison_end == "2023-12-31"
    assert p.categories == ["1.1.1", "1.2.3"] and p.fields is None and p.small_count == 5
    assert isinstance(p.heatmap, HeatmapInfo) and p.heatmap.how == "fixed+coarser"
    assert p.heatmap.path == "demo_scans/heatmap_1.tif" and p.heatmap.grid == [150000.0, 441000.0, 120, 80]
    assert isinstance(p.zones[0], ZoneInfo) and p.zones[0].peak == 3.5
    assert p.advice_drafted.measures == ["besmettingsbrieven"]
    assert p.near_repeat.distance == 200.0 and p.near_repeat.seed == 1234
    assert p.extra == {}


def test_parameters_round_trip_adds_only_the_version():
    data = copy.deepcopy(PARAMETERS)
    out = RecordParameters.from_json(data).to_json()
    assert data == PARAMETERS                       # the input is not changed
    assert out == {**PARAMETERS, "version": SCHEMA_VERSION}
    assert RecordParameters.from_json(out).to_json() == out       # versioned form reads back the same
    json.dumps(out, allow_nan=False)


def test_parameters_of_an_older_or_partial_record():
    # a record without heatmap, zones, near_repeat, and with a key this version does not know
    partial = {"area_source": "AREA", "POINT": None, "RADIUS": None, "RING_WIDTH": 100.0, "future_key": [1]}
    p = RecordParameters.from_json(partial)
    assert p.heatmap is None and p.zones is None and p.near_repeat is None and p.ring_width == 100.0
    assert p.extra == {"future_key": [1]}
    assert p.to_json() == {**partial, "version": SCHEMA_VERSION}
    assert RecordParameters.from_json({}).to_json() == {"version": SCHEMA_VERSION}
    assert RecordParameters.from_json(None).to_json() == {"version": SCHEMA_VERSION}


def test_a_new_parameters_object_writes_every_key_the_algorithm_writes():
    keys = set(RecordParameters().to_json())
    assert keys == set(PARAMETERS) - {"near_repeat"} | {"version"}
    assert "path" not in HeatmapInfo().to_json()     # only a raster kept next to the GeoPackage has one


def test_result_parameters_typed():
    r = ResultParameters.from_json(RESULT_PARAMETERS)
    assert r.period == ["2024-01-01T00:00:00", "2025-01-01T00:00:00"] and r.period_days == 366.0
    assert r.small_count_threshold == 5 and r.reference_mode == "nested" and r.dagdelen["nacht"] == [23, 7]
    assert r.to_json() == RESULT_PARAMETERS           # a view inside the results: no version of its own


def test_record_data_round_trip():
    data = ScanRecordData.from_json(PARAMETERS, RESULTS, ADVICE)
    assert data.results.n_incidents["area_period"] == 2
    assert data.advice.measures[0].due_date == "2025-06-30"
    assert data.result_parameters().ring_width == 250.0
    out = data.to_json()
    assert out["parameters"] == {**PARAMETERS, "version": SCHEMA_VERSION}
    assert out["results"] == {**RESULTS, "version": SCHEMA_VERSION}
    assert out["advice"] == {**ADVICE, "version": SCHEMA_VERSION}
    again = ScanRecordData.from_json(out["parameters"], out["results"], out["advice"]).to_json()
    assert again == out


def test_record_data_of_a_record_without_results():
    data = ScanRecordData.from_json({}, {}, {})
    assert data.results is None and data.advice is None
    assert data.result_parameters().period is None
    assert data.to_json() == {"parameters": {"version": SCHEMA_VERSION}, "results": {}, "advice": {}}


def test_the_results_parameters_are_typed_inside_the_scan_result():
    data = ScanRecordData.from_json(PARAMETERS, RESULTS, ADVICE)
    assert isinstance(data.results.parameters, ResultParameters)
    assert data.results.parameters.period == ["2024-01-01T00:00:00", "2025-01-01T00:00:00"]
    assert data.results.threshold == 5
    assert data.results.to_json() == RESULTS                       # the result's own JSON, unversioned
    assert list(data.results.to_json()) == list(RESULTS)           # in the order of ScanResult._KEYS


def test_a_zone_keeps_its_peak_place_only_when_known():
    with_place = {"wkt": "POINT (1 2)", "peak": 2.0, "rank": 1, "area_m2": 0.0, "peak_x": 1.0, "peak_y": 2.0}
    assert ZoneInfo.from_json(with_place).to_json() == with_place
    assert "peak_x" not in ZoneInfo(wkt="POINT (1 2)", peak=2.0, rank=1).to_json()
    # a zone written without peak and rank (by hand, or damaged) reads them as unknown
    z = ZoneInfo.from_json({"wkt": "POINT (1 2)"})
    assert (z.peak, z.rank) == (None, None) and z.to_json() == {"wkt": "POINT (1 2)"}
