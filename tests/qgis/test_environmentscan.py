"""hotspot:environmentscan through processing.run, on a hand-made safety GeoPackage where all is known.

The layout (RD New, origin X0, Y0): buurt "Noord" [0, 1000] x [0, 1000] m with 1000 inhabitants, buurt
"Zuid" [1000, 2000] x [0, 1000] with 3000, the municipality (level gemeente) = both, 4000 inhabitants.
The scan area is the square [300, 700] x [300, 700] (0.16 km², 160 inhabitants by area share), the
ring 250 m around it lies inside Noord. Incidents are placed in the area, in the ring, elsewhere in
the municipality and outside it, at known times; the expected figures below are written out from
that layout and computed with plain binomial sums (math.comb), not with the code under test.
"""
from __future__ import annotations

import datetime as dt
import math
import shutil
import sqlite3
import uuid as uuidlib
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from shapely import wkt as shapely_wkt
from shapely.geometry import Point, box

from hotspot_plugin.core import nearrepeat as nr
from hotspot_plugin.storage.scans import list_scans, load_scan, save_scan
from tests.qgis.conftest import count

X0, Y0 = 150_000, 440_000
AREA = box(X0 + 300, Y0 + 300, X0 + 700, Y0 + 700)
DAYS_2024, DAYS_2023 = 366, 365
ROOT = Path(__file__).resolve().parents[2]

# Area, period 2024 (the last day is included, 2025-01-01 00:00 is not)
AREA_BIKES_2024 = ["2024-01-01T08:15", "2024-02-06T13:00", "2024-03-06T19:30", "2024-03-06T19:45",
                   "2024-04-12T23:10", "2024-05-18T02:00", "2024-06-23T07:00", "2024-07-01T18:59",
                   "2024-08-15T12:00", "2024-09-20T22:00", "2024-10-26T00:30", "2024-12-31T23:59"]
AREA_ASSAULT_2024 = ["2024-03-09T23:30", "2024-03-10T01:15", "2024-11-02T21:00"]
AREA_BIKES_2023 = ["2023-01-01T00:00", "2023-05-05T10:00", "2023-08-08T20:00", "2023-12-31T23:59"]
AREA_OUTSIDE_PERIODS = ["2025-01-01T00:00", "2022-12-31T23:59"]


def incident_rows():
    """(id, datetime text, category, x, y) of the hand-made data."""
    rows = []

    def add(prefix, times, cat, xy):
        for k, t in enumerate(times):
            x, y = xy(k)
            rows.append((f"{prefix}{k}", t, cat, x, y))

    add("A", AREA_BIKES_2024, "1.2.3", lambda k: (X0 + 310 + 20 * k, Y0 + 400))
    add("M", AREA_ASSAULT_2024, "1.4.5", lambda k: (X0 + 310 + 20 * k, Y0 + 450))
    add("C", AREA_BIKES_2023, "1.2.3", lambda k: (X0 + 310 + 20 * k, Y0 + 500))
    add("O", AREA_OUTSIDE_PERIODS, "1.2.3", lambda k: (X0 + 310 + 20 * k, Y0 + 550))
    add("R", [f"2024-0{1 + k}-10T10:00" for k in range(5)], "1.2.3", lambda k: (X0 + 200, Y0 + 350 + 30 * k))
    add("S", [f"2023-0{1 + k}-10T10:00" for k in range(6)], "1.2.3", lambda k: (X0 + 200, Y0 + 520 + 30 * k))
    add("N", [f"2024-0{1 + k}-15T15:00" for k in range(9)] + ["2024-10-15T15:00"], "1.2.3",
        lambda k: (X0 + 20 + 15 * k, Y0 + 20))
    add("Z", [f"2024-0{1 + k}-20T11:00" for k in range(9)] + ["2024-11-20T11:00"], "1.2.3",
        lambda k: (X0 + 1500 + 10 * k, Y0 + 500))
    add("Y", [f"2024-0{1 + k}-21T11:00" for k in range(7)], "1.4.5", lambda k: (X0 + 1500 + 10 * k, Y0 + 600))
    add("W", ["2023-02-02T12:00", "2023-03-03T12:00", "2023-04-04T12:00"], "1.2.3",
        lambda k: (X0 + 1500 + 10 * k, Y0 + 700))
    add("X", ["2024-05-05T05:00", "2024-06-06T06:00"], "1.2.3", lambda k: (X0 + 2500, Y0 + 500 + 10 * k))
    return rows


# Expected counts, from the layout above
N_AREA = {"1.2.3": 12, "1.4.5": 3}
N_AREA_COMP = {"1.2.3": 4, "1.4.5": 0}
N_RING = {"1.2.3": 5, "1.4.5": 0}
N_RING_COMP = {"1.2.3": 6, "1.4.5": 0}
N_REF = {"1.2.3": 12 + 5 + 10 + 10, "1.4.5": 3 + 7}  # the area's own incidents included (nested)


# ---------------------------------------------------------------------------------------- data

def import_rows(run_alg, write_csv, gpkg, rows, name="incidenten.csv"):
    table = [["registratienummer", "datum", "soort", "x", "y"]]
    table += [[r[0], r[1], r[2], str(r[3]), str(r[4])] for r in rows]
    result = run_alg("hotspot:importincidents", {"INPUT": str(write_csv(table, name)), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert result["IMPORTED"] == len(rows)


def add_features(gpkg, layer_name, features):
    """features: [(wkt, {field: value})] written with OGR."""
    from osgeo import ogr

    ds = ogr.Open(str(gpkg), 1)
    layer = ds.GetLayerByName(layer_name)
    for wkt, values in features:
        f = ogr.Feature(layer.GetLayerDefn())
        geom = ogr.CreateGeometryFromWkt(wkt)
        if layer_name == "areas":
            geom = ogr.ForceToMultiPolygon(geom)
        f.SetGeometry(geom)
        for k, v in values.items():
            f.SetField(k, v)
        assert layer.CreateFeature(f) == 0
    ds = None


def add_areas(gpkg):
    b1, b2 = box(X0, Y0, X0 + 1000, Y0 + 1000), box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000)
    add_features(gpkg, "areas", [
        (b1.wkt, {"code": "BU1", "name": "Noord", "level": "buurt", "inhabitants": 1000, "dwellings": 500}),
        (b2.wkt, {"code": "BU2", "name": "Zuid", "level": "buurt", "inhabitants": 3000, "dwellings": 1200}),
        (box(X0, Y0, X0 + 2000, Y0 + 1000).wkt,
         {"code": "GM1", "name": "Proefstad", "level": "gemeente", "inhabitants": 4000}),
    ])


@pytest.fixture()
def scan_gpkg(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    import_rows(run_alg, write_csv, gpkg, incident_rows())
    add_areas(gpkg)
    add_features(gpkg, "risk_objects", [
        (Point(X0 + 500, Y0 + 600).wkt, {"uuid": "r1", "kind": "horeca", "name": "Café Binnen"}),
        (Point(X0 + 500, Y0 + 800).wkt, {"uuid": "r2", "kind": "horeca", "name": "Café Ring"}),
        (Point(X0 + 900, Y0 + 900).wkt, {"uuid": "r3", "kind": "school", "name": "School Buiten"}),
    ])
    add_features(gpkg, "schouw_findings", [
        (Point(X0 + 400, Y0 + 400).wkt, {"uuid": "s1", "checklist_item": "verlichting.te_donker",
                                         "severity": "rood", "status": "open"}),
        (Point(X0 + 420, Y0 + 400).wkt, {"uuid": "s2", "checklist_item": "verlichting.te_donker",
                                         "severity": "rood", "status": "afgehandeld"}),
        (Point(X0 + 200, Y0 + 500).wkt, {"uuid": "s3", "checklist_item": "schoon.zwerfvuil",
                                         "severity": "rood", "status": "open"}),
    ])
    return gpkg


def scan(run_alg, gpkg, feedback=None, context=None, **params):
    base = {"GPKG": str(gpkg), "PERIOD_START": "2024-01-01", "PERIOD_END": "2024-12-31"}
    base.update(params)
    return run_alg("hotspot:environmentscan", base, feedback=feedback, context=context)


# ---------------------------------------------------------------------------------- brute force

def binom_cdf(k, n, p):
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(0, k + 1))


def binom_sf_incl(k, n, p):
    """P(X >= k)."""
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k, n + 1))


def two_sided(k, n, p0):
    return min(1.0, 2 * min(binom_cdf(k, n, p0), binom_sf_incl(k, n, p0)))


def bisect(f, lo=0.0, hi=1.0):
    """Root of an increasing function on [lo, hi]."""
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def clopper_pearson(k, n, alpha=0.05):
    lo = 0.0 if k == 0 else bisect(lambda p: binom_sf_incl(k, n, p) - alpha / 2)
    hi = 1.0 if k == n else bisect(lambda p: alpha / 2 - binom_cdf(k, n, p))
    return lo, hi


def records(gpkg):
    return list_scans(str(gpkg))


# ---------------------------------------------------------------------------------------- tests

def test_counts_rates_tests_and_tables_against_the_layout(scan_gpkg, run_alg, tmp_path):
    heat = tmp_path / "heat.tif"
    out = scan(run_alg, scan_gpkg, AREA_WKT=AREA.wkt, HEATMAP=str(heat), TITLE="Proefplein", AUTHOR="T. Est")
    record = load_scan(str(scan_gpkg), out["SCAN_UUID"])
    assert record.reference == out["REFERENCE"] and record.version == 1 and record.title == "Proefplein"
    assert record.area.equals(AREA) and record.author == "T. Est"
    res = record.results
    assert out["N_INCIDENTS"] == 15 == res.n_incidents["area_period"]
    assert res.parameters.period == ["2024-01-01T00:00:00", "2025-01-01T00:00:00"]
    assert res.parameters.comparison == ["2023-01-01T00:00:00", "2024-01-01T00:00:00"]
    p = record.parameters
    assert (p.period_start, p.period_end, p.comparison_start, p.comparison_end) == \
        ("2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31")
    assert p.gpkg_crs == "EPSG:28992" and p.area_source == "AREA_WKT"

    # geography: area share of Noord, the ring's exact polygon area, the municipality's own count
    ring_m2 = 4 * 400 * 250 + 32 * 250 ** 2 * math.sin(math.pi / 32)  # sides + 64-gon corners
    geo = res.geography
    assert geo["area_km2"] == pytest.approx(0.16, rel=1e-12)
    assert geo["ring_km2"] == pytest.approx(ring_m2 / 1e6, rel=1e-9)
    assert geo["inhabitants"]["area"] == pytest.approx(160.0, rel=1e-12)
    assert geo["inhabitants"]["ring"] == pytest.approx(1000 * ring_m2 / 1e6, rel=1e-9)
    assert geo["inhabitants"]["reference"] == 4000 and geo["reference_km2"] == pytest.approx(2.0)

    groups = {g["key"]: g for g in res.groups}
    p0 = DAYS_2024 / (DAYS_2024 + DAYS_2023)
    for cat in ("1.2.3", "1.4.5"):
        g = groups[f"cat:{cat}"]
        n, nc = N_AREA[cat], N_AREA_COMP[cat]
        assert (g["area"]["n"], g["area"]["n_comparison"]) == (n, nc)
        assert (g["ring"]["n"], g["ring"]["n_comparison"]) == (N_RING[cat], N_RING_COMP[cat])
        assert g["reference"]["n"] == N_REF[cat]
        assert g["area"]["per_1000"] == pytest.approx(n / 160 * 1000)
        assert g["area"]["per_km2"] == pytest.approx(n / 0.16)
        assert g["ring"]["per_km2"] == pytest.approx(N_RING[cat] / (ring_m2 / 1e6))
        change = g["change"]["area"]
        assert change["p_value"] == pytest.approx(two_sided(n, n + nc, p0), rel=1e-9)
        if nc:
            assert change["ratio"] == pytest.approx((n / DAYS_2024) / (nc / DAYS_2023))
            lo, hi = clopper_pearson(n, n + nc)
            assert change["ci_low"] == pytest.approx(lo / (1 - lo) * DAYS_2023 / DAYS_2024, rel=1e-6)
            assert change["ci_high"] == pytest.approx(hi / (1 - hi) * DAYS_2023 / DAYS_2024, rel=1e-6)
        for basis, e1, e in (("per_1000", 160.0, 4000.0), ("per_km2", 0.16, 2.0)):
            vs = g["vs_reference"][basis]
            assert vs["ratio"] == pytest.approx((n / e1) / (N_REF[cat] / e), rel=1e-9)
            assert vs["p_value"] == pytest.approx(two_sided(n, N_REF[cat], e1 / e), rel=1e-9)
            lo, hi = clopper_pearson(n, N_REF[cat])
            assert vs["ci_low"] == pytest.approx(lo * e / e1, rel=1e-6)
            assert vs["ci_high"] == pytest.approx(hi * e / e1, rel=1e-6)
    total = groups["total"]
    assert (total["area"]["n"], total["area"]["n_comparison"], total["reference"]["n"]) == (15, 4, 47)
    assert (total["ring"]["n"], total["ring"]["n_comparison"]) == (5, 6)

    # small counts (threshold 5): 3 assaults and 4 comparison bicycles are small, 12 and 0 are not
    assert groups["cat:1.4.5"]["area"]["n_small"] is True
    assert groups["cat:1.2.3"]["area"]["n_comparison_small"] is True
    assert groups["cat:1.2.3"]["area"]["n_small"] is False
    assert groups["cat:1.4.5"]["area"]["n_comparison_small"] is False

    # weekday x hour (Monday first) and the month series, from the datetimes
    when = res.when["groups"]
    for key, times in (("total", AREA_BIKES_2024 + AREA_ASSAULT_2024), ("cat:1.2.3", AREA_BIKES_2024),
                       ("cat:1.4.5", AREA_ASSAULT_2024)):
        table = np.zeros((7, 24), dtype=int)
        months = [0] * 24
        for text in times:
            t = dt.datetime.fromisoformat(text)
            table[t.weekday(), t.hour] += 1
            months[(t.year - 2023) * 12 + t.month - 1] += 1
        assert when[key]["weekday_hour"] == table.tolist()
        assert when[key]["weekday_hour_small"] == [[0 < v < 5 for v in row] for row in table.tolist()]
        assert when[key]["months_period"] == months
    assert res.when["months"][0] == "2023-01" and res.when["months"][-1] == "2024-12"

    # risk objects and open schouw findings
    ro = res.where["risk_objects"]
    assert ro["area"]["by_kind"] == {"horeca": 1} and ro["ring"]["by_kind"] == {"horeca": 1}
    assert res.schouw["n_open"] == 1 and res.schouw["by_severity"]["rood"] == 1

    # findings: the bicycle rate is 8.1x the municipality's (significant) -> reference_high; the open red
    # lighting finding -> schouw_red
    advice = record.advice
    # findings v2 (issue #15) group the tests of a field into one finding: its evidence and supporting lines
    ids = {f.id for f in advice.findings}
    ids |= {f.evidence.get("id") for f in advice.findings} | {s["id"] for f in advice.findings for s in f.supporting}
    vs = groups["cat:1.2.3"]["vs_reference"]["per_1000"]
    assert vs["ratio"] >= 1.25 and two_sided(12, 37, 160 / 4000) < 0.05
    assert "reference_high:cat:1.2.3" in ids and "schouw_red:verlichting" in ids
    assert out["FINDINGS"] == len(advice.findings) and advice.measures
    assert p.near_repeat is None  # no burglary finding

    # the heatmap and the zones
    import rasterio

    assert out["HEATMAP"] == str(heat) and p.heatmap.path == "heat.tif"
    assert heat.with_suffix(".qml").exists()  # the heatmap style
    with rasterio.open(heat) as src:
        band = src.read(1)
        assert src.crs.to_epsg() == 28992 and src.nodata == -9999
        assert src.transform.a == p.heatmap.pixel
        assert src.bounds.left <= AREA.bounds[0] - 250 and src.bounds.top >= AREA.bounds[3] + 250
    assert (band > 0).any() and p.heatmap.n_incidents > 0
    assert p.zones and all(shapely_wkt.loads(z.wkt).area > 0 for z in p.zones)


def test_heatmap_parameters_follow_the_rule(scan_gpkg, run_alg):
    """47 incidents in the period (>= 30): radius and pixel by core.kde.suggest_parameters on all of them."""
    from hotspot_plugin.core.kde import suggest_parameters

    out = scan(run_alg, scan_gpkg, AREA_WKT=AREA.wkt)
    p = load_scan(str(scan_gpkg), out["SCAN_UUID"]).parameters.heatmap
    xy = [(x, y) for _, t, _, x, y in incident_rows() if t.startswith("2024")]
    radius, pixel, _, _ = suggest_parameters([a for a, _ in xy], [b for _, b in xy])
    assert (p.radius, p.pixel, p.how) == (radius, pixel, "suggested")
    few = scan(run_alg, scan_gpkg, AREA_WKT=AREA.wkt, CATEGORIES="1.4.5")  # 10 incidents: fixed
    p = load_scan(str(scan_gpkg), few["SCAN_UUID"]).parameters.heatmap
    assert (p.radius, p.pixel, p.how) == (150.0, 10.0, "fixed")
    rec = load_scan(str(scan_gpkg), few["SCAN_UUID"])
    assert [g["key"] for g in rec.results.groups if g["kind"] == "category"] == ["cat:1.4.5"]
    assert few["N_INCIDENTS"] == 3


def test_point_wkt_and_selected_feature_give_the_same_scan(scan_gpkg, run_alg):
    centre = (X0 + 500, Y0 + 500)
    circle = Point(*centre).buffer(200, 16)
    by_point = scan(run_alg, scan_gpkg, POINT=f"{centre[0]},{centre[1]} [EPSG:28992]", RADIUS=200)
    by_wkt = scan(run_alg, scan_gpkg, AREA_WKT=circle.wkt)
    layer = QgsVectorLayer("Polygon?crs=EPSG:28992&field=name:string", "vlakken", "memory")
    feats = []
    for name, geom in (("links", box(X0, Y0, X0 + 100, Y0 + 100)), ("cirkel", circle),
                       ("rechts", box(X0 + 1500, Y0, X0 + 1900, Y0 + 900))):
        f = QgsFeature(layer.fields())
        f.setAttributes([name])
        f.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByExpression("name = 'cirkel'")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        by_layer = scan(run_alg, scan_gpkg, context=context,
                        AREA=QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True))
        whole = scan(run_alg, scan_gpkg, context=context, AREA=layer.id())
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    recs = [load_scan(str(scan_gpkg), r["SCAN_UUID"]) for r in (by_point, by_wkt, by_layer)]
    for rec in recs[1:]:
        assert rec.area.symmetric_difference(recs[0].area).area < 1e-6
        assert rec.results.groups == recs[0].results.groups
        assert rec.results.geography == recs[0].results.geography
    assert recs[0].parameters.point == [centre[0], centre[1]] and recs[0].parameters.radius == 200
    assert len({r["SCAN_UUID"] for r in (by_point, by_wkt, by_layer)}) == 3
    assert by_point["N_INCIDENTS"] > 0
    # the whole layer: three polygons together
    assert load_scan(str(scan_gpkg), whole["SCAN_UUID"]).area.area == pytest.approx(
        circle.area + 100 * 100 + 400 * 900)


def test_point_in_wgs84_is_converted(scan_gpkg, run_alg):
    from pyproj import Transformer

    lon, lat = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True).transform(X0 + 500, Y0 + 500)
    out = scan(run_alg, scan_gpkg, POINT=f"{lon},{lat} [EPSG:4326]", RADIUS=200)
    centre = load_scan(str(scan_gpkg), out["SCAN_UUID"]).area.centroid
    assert centre.distance(Point(X0 + 500, Y0 + 500)) < 0.5


def test_rerun_keeps_uuid_bumps_version_and_keeps_user_edits(scan_gpkg, run_alg):
    first = scan(run_alg, scan_gpkg, AREA_WKT=AREA.wkt)
    path = str(scan_gpkg)
    rec = load_scan(path, first["REFERENCE"])
    advice = rec.advice
    assert len(advice.measures) >= 2
    kept, removed = advice.measures[0], advice.measures[1]
    kept.owner, kept.note, kept.priority = "wijkagent", "met de wijkagent afstemmen", 3
    advice.remove_measure(1)
    own = advice.add_finding("Bewoners melden een donker achterpad", priority=1)
    rewritten = next(f for f in advice.findings if f.rule != "user")  # rewritten as the wizard does it
    rewritten.rule, rewritten.template, rewritten.params = "user", "Fietsendiefstal: veel te hoog", {}
    advice.add_measure(text="Achterpad verlichten", finding_ids=[own.id])
    rec.title = "Eigen titel"
    save_scan(path, rec)  # the user's edits: version 2

    again = scan(run_alg, scan_gpkg, SCAN=first["REFERENCE"], SMALL_COUNT=4)  # no area: the saved one
    assert again["SCAN_UUID"] == first["SCAN_UUID"] and again["REFERENCE"] == first["REFERENCE"]
    new = load_scan(path, first["SCAN_UUID"])
    assert new.version == 3 and new.title == "Eigen titel" and len(records(scan_gpkg)) == 1
    assert new.area.equals(rec.area) and new.created_at == rec.created_at
    groups = {g["key"]: g for g in new.results.groups}
    assert groups["cat:1.2.3"]["area"]["n_comparison_small"] is False  # 4 is not below 4
    assert groups["cat:1.4.5"]["area"]["n_small"] is True
    merged = new.advice
    by_id = {m.measure_id: m for m in merged.measures if m.measure_id}
    assert by_id[kept.measure_id].owner == "wijkagent" and by_id[kept.measure_id].priority == 3
    assert by_id[kept.measure_id].note == "met de wijkagent afstemmen"
    assert removed.measure_id not in by_id  # the user removed it: not proposed again
    assert any(f.rule == "user" and f.template.startswith("Bewoners") for f in merged.findings)
    assert any(m.text == "Achterpad verlichten" and m.finding_ids == [own.id] for m in merged.measures)
    same = [f for f in merged.findings if f.id == rewritten.id]
    assert len(same) == 1 and same[0].template == "Fietsendiefstal: veel te hoog"
    assert len({f.id for f in merged.findings}) == len(merged.findings)
    assert again["FINDINGS"] == sum(1 for f in merged.findings if f.rule != "user")

    # the saved periods are used again; a new period replaces both its dates and the comparison
    other = scan(run_alg, scan_gpkg, SCAN=first["SCAN_UUID"], PERIOD_START="2024-07-01", PERIOD_END=None)
    p = load_scan(path, other["SCAN_UUID"]).parameters
    assert (p.period_start, p.period_end) == ("2024-07-01", "2025-06-30")
    assert (p.comparison_start, p.comparison_end) == ("2023-07-01", "2024-06-30")


def test_cancel_saves_nothing(scan_gpkg, run_alg, tmp_path):
    class CancelHalfway(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(lambda p: self.cancel() if p >= 40 else None)

    heat = tmp_path / "h.tif"
    with pytest.raises(QgsProcessingException, match="Cancel"):
        scan(run_alg, scan_gpkg, feedback=CancelHalfway(), AREA_WKT=AREA.wkt, HEATMAP=str(heat))
    assert count(scan_gpkg, "scans") == 0 and not heat.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".h.")]  # no temporary raster left


def test_bad_inputs_give_clear_messages(scan_gpkg, run_alg, make_gpkg, tmp_path):
    def fails(match, gpkg=scan_gpkg, **params):
        with pytest.raises(QgsProcessingException, match=match):
            scan(run_alg, gpkg, **params)

    fails("Give the scan area")
    fails("one way only", AREA_WKT=AREA.wkt, POINT=f"{X0},{Y0} [EPSG:28992]")
    fails("outside the data", POINT=f"{X0 + 60000},{Y0} [EPSG:28992]")
    fails("longitude and latitude", POINT="5.1,52.1")
    fails(r"ends \(2024-01-01\) before it starts \(2024-06-01\)", AREA_WKT=AREA.wkt,
          PERIOD_START="2024-06-01", PERIOD_END="2024-01-01")
    fails("overlaps the period", AREA_WKT=AREA.wkt, COMPARISON_START="2023-06-01",
          COMPARISON_END="2024-05-31")
    fails("not a valid polygon", AREA_WKT=f"POLYGON(({X0} {Y0}, {X0 + 100} {Y0 + 100}, {X0 + 100} {Y0}, "
                                          f"{X0} {Y0 + 100}, {X0} {Y0}))")
    fails("cannot be read as a polygon", AREA_WKT="POLYGON((1 2, 3")
    fails("Unknown category codes: 9.9.9", AREA_WKT=AREA.wkt, CATEGORIES="1.2.3, 9.9.9")
    fails("no incidents in the period 2019-01-01", AREA_WKT=AREA.wkt, PERIOD_START="2019-01-01",
          PERIOD_END="2019-12-31")
    fails("no incidents yet", gpkg=make_gpkg("leeg.gpkg"), AREA_WKT=AREA.wkt)
    fails("no scan 'HS-1999-001'", AREA_WKT=AREA.wkt, SCAN="HS-1999-001")
    assert count(scan_gpkg, "scans") == 0

    from osgeo import ogr, osr

    other = tmp_path / "ander.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
    ds.CreateLayer("wegen", srs, ogr.wkbLineString)
    ds = None
    fails("not a safety GeoPackage", gpkg=other, AREA_WKT=AREA.wkt)

    con = sqlite3.connect(str(scan_gpkg), timeout=0.1)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE hotspot_metadata SET value = value WHERE key = 'epsg'")
        fails("locked", AREA_WKT=AREA.wkt)
    finally:
        con.rollback()
        con.close()
    assert count(scan_gpkg, "scans") == 0


# --------------------------------------------------------------------------------- near repeat

def burglary_rows():
    """Burglaries: 4 planted near-repeat series in the area in 2024 (3 within 40 m and 4 days each),
    one in the area in 2023, and 60 spread over the municipality and both years."""
    rng = np.random.default_rng(11)
    rows = []
    for s in range(4):
        day = dt.date(2024, 2, 1) + dt.timedelta(days=80 * s)
        cx, cy = X0 + 350 + 100 * s, Y0 + 350 + 80 * s
        for k in range(3):
            rows.append((f"B{s}{k}", (day + dt.timedelta(days=2 * k)).isoformat() + "T03:00", "1.1.1",
                         cx + 20 * k, cy + 10 * k))
    rows.append(("BC", "2023-06-01T03:00", "1.1.1", X0 + 600, Y0 + 600))
    for k in range(60):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=int(rng.integers(0, 730)))
        rows.append((f"BG{k}", day.isoformat() + "T12:00", "1.1.1", int(X0 + rng.integers(0, 2000)),
                     int(Y0 + rng.integers(0, 1000))))
    return rows


def test_near_repeat_finding_on_planted_burglaries(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg("inbraak.gpkg")
    rows = burglary_rows()
    import_rows(run_alg, write_csv, gpkg, rows, "inbraak.csv")
    add_areas(gpkg)
    out = scan(run_alg, gpkg, AREA_WKT=AREA.wkt)
    rec = load_scan(str(gpkg), out["SCAN_UUID"])
    near = rec.parameters.near_repeat
    seed = uuidlib.UUID(out["SCAN_UUID"]).int % 2 ** 32
    assert near.seed == seed and near.permutations == 999 and near.n_incidents == len(rows)

    # the same test on the same burglaries (2023 and 2024, ordered by date, x, y) with the same seed
    data = sorted(((dt.date.fromisoformat(r[1][:10]) - dt.date(1970, 1, 1)).days, r[3], r[4]) for r in rows)
    knox = nr.knox([d[1] for d in data], [d[2] for d in data], [d[0] for d in data], permutations=999,
                   seed=seed)
    distance, days_raised, _ = nr.near_repeat_extent(knox)
    assert distance is not None and days_raised is not None
    assert (near.distance, near.days) == (distance, days_raised)

    advice = rec.advice
    finding = advice.finding("near_repeat:cat:1.1.1")
    assert finding is not None and finding.category == "1.1.1"
    assert finding.params["distance"] == distance and finding.params["days"] == days_raised
    assert any(f.category == "1.1.1" and f.rule != "near_repeat" for f in advice.findings)
    letters = [m for m in advice.measures if m.measure_id == "besmettingsbrieven"]
    assert letters and finding.id in letters[0].finding_ids
    # reproducible: a re-run (same uuid, same seed) gives the same conclusion
    scan(run_alg, gpkg, SCAN=out["SCAN_UUID"])
    again = load_scan(str(gpkg), out["SCAN_UUID"]).parameters.near_repeat
    assert again.conclusion == near.conclusion and again.seed == seed


# ---------------------------------------------------------------------------------- demo town

def test_demo_town_markt(run_alg, tmp_path):
    gpkg = tmp_path / "zuiderwaarde.gpkg"
    shutil.copy(ROOT / "resources" / "demo" / "zuiderwaarde.gpkg", gpkg)
    markt = (153000, 443000)  # the centre of the Markt (streets named Markt), amid the horeca cluster
    out = run_alg("hotspot:environmentscan", {"GPKG": str(gpkg), "RADIUS": 300,
                                              "POINT": f"{markt[0]},{markt[1]} [EPSG:28992]",
                                              "HEATMAP": str(tmp_path / "markt.tif")})
    rec = load_scan(str(gpkg), out["SCAN_UUID"])
    assert out["N_INCIDENTS"] > 100 and out["FINDINGS"] > 0 and rec.parameters.zones
    assert rec.results.where["risk_objects"]["area"]["by_kind"]["horeca"] >= 20
    assert rec.title.startswith("Environment scan") or rec.title.startswith("Omgevingsscan")


# ---------------------------------------------------------------------------------- the reader

def test_reader_decodes_point_blobs_and_times():
    import struct

    from hotspot_plugin.core.gpkg_blob import geometry_blob, point_blobs
    from hotspot_plugin.storage.scan_inputs import decode_points, parse_times

    xs, ys = [150000.25, 151000.5, 152000.75], [440000.125, 441000.0, 442000.5]
    x, y = decode_points(point_blobs(np.array(xs), np.array(ys), 28992))  # one layout: the fast path
    assert x.tolist() == xs and y.tolist() == ys
    with_envelope = geometry_blob(Point(xs[0], ys[0]).wkb, Point(xs[0], ys[0]).bounds, 28992)
    big_endian = b"GP\x00\x00" + struct.pack(">i", 28992) + b"\x00" + struct.pack(">Idd", 1, xs[2], ys[2])
    x, y = decode_points([with_envelope, point_blobs(np.array(xs[1:2]), np.array(ys[1:2]), 28992)[0], None,
                          big_endian])
    assert x[:2].tolist() == xs[:2] and y[:2].tolist() == ys[:2] and np.isnan(x[2]) and np.isnan(y[2])
    assert (x[3], y[3]) == (xs[2], ys[2])
    t = parse_times(["2024-03-04T22:30:15.123", "2024-03-04 22:30:15", "2024-03-04", "2024-03-04T22:30:15Z",
                     None])
    assert t[:4].tolist() == [dt.datetime(2024, 3, 4, 22, 30, 15)] * 2 + [dt.datetime(2024, 3, 4),
                                                                        dt.datetime(2024, 3, 4, 22, 30, 15)]
    assert np.isnat(t[4])
    t = parse_times(["2024-02-30T00:00:00", "kapot", "2024-12-31T23:59:59"])  # the slow path
    assert np.isnat(t[0]) and np.isnat(t[1]) and t[2] == np.datetime64("2024-12-31T23:59:59")
