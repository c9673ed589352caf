"""Distances are metres on the ground in every CRS (issue #12, item 3): one rule, adapters.crs.working_crs.

Oracles written here: the inverse spherical-Mercator formulas (lon = x / R, lat = 2 atan(e^(y/R)) -
pi/2) and pyproj's geodesic on WGS 84 for ground distances of Web Mercator points; the US survey
foot (1200/3937 m) for a state plane in feet; RD New as it is.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import Geod
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from hotspot_plugin.adapters.crs import point_scale, working_crs
from hotspot_plugin.core.metric_crs import needs_metric_crs

R = 6378137.0
GEOD = Geod(ellps="WGS84")
US_FOOT = 1200 / 3937


def mercator_xy(lon, lat):
    return R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def mercator_lonlat(x, y):
    return math.degrees(x / R), math.degrees(2 * math.atan(math.exp(y / R)) - math.pi / 2)


def ground(x1, y1, x2, y2):
    (lo1, la1), (lo2, la2) = mercator_lonlat(x1, y1), mercator_lonlat(x2, y2)
    return GEOD.inv(lo1, la1, lo2, la2)[2]


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.lines.append(text)

    @property
    def text(self):
        return "\n".join(self.lines)


def points(crs, rows, fields=(("occurred_at", "date"),)):
    uri = f"Point?crs={crs}" + "".join(f"&field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(uri, "incidents", "memory")
    feats = []
    for x, y, values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


# The rule -------------------------------------------------------------------------------------------

def test_the_rule_and_the_scale_factors():
    assert needs_metric_crs(True, math.nan) == "geographic"
    assert needs_metric_crs(False, 1.606) == "scale"
    assert needs_metric_crs(False, 1.0099) is None and needs_metric_crs(False, 0.9901) is None
    assert needs_metric_crs(False, 1.0, metres=False) is None  # feet: a unit conversion
    assert needs_metric_crs(False, 1.0, metres=False, require_metres=True) == "units"
    tc = QgsProject.instance().transformContext()
    x, y = mercator_xy(4.9, 51.5)
    # Web Mercator at 51.5 N: 1 / cos(51.5 deg) = 1.6064 on the sphere; on the WGS 84 ellipsoid
    # 1.6031 east and 1.6073 north (it is not conformal there); the larger deviation counts
    k = point_scale(QgsCoordinateReferenceSystem("EPSG:3857"), QgsPointXY(x, y), tc)
    assert k == pytest.approx(max(10.0 / ground(x, y, x + 10, y), 10.0 / ground(x, y, x, y + 10)), rel=1e-4)
    assert point_scale(QgsCoordinateReferenceSystem("EPSG:28992"), QgsPointXY(155000, 463000), tc) == \
        pytest.approx(0.99991, abs=1e-4)
    crs, text = working_crs(QgsCoordinateReferenceSystem("EPSG:3857"), QgsRectangle(x, y, x + 500, y + 500), tc, "L")
    assert crs.authid() == "EPSG:28992" and "EPSG:3857" in text and "reprojected to EPSG:28992" in text
    feet = QgsCoordinateReferenceSystem("EPSG:2263")
    assert working_crs(feet, QgsRectangle(987000, 201000, 990000, 204000), tc, "L") == (feet, None)
    rd = QgsCoordinateReferenceSystem("EPSG:28992")
    assert working_crs(rd, QgsRectangle(0, 0, 5000, 5000), tc, "L") == (rd, None)  # near the origin too


# Near repeat ----------------------------------------------------------------------------------------

def knox_cells(result):
    layer = result["OUTPUT"]
    return [{n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()]


def observed_within_100(run_alg, layer, log=None):
    result = run_alg("hotspot:nearrepeat", {"INPUT": layer, "DISTANCE_BANDS": "0,100,200", "TIME_BANDS": "0,7,14",
                                            "SEED": 1, "PERMUTATIONS": 9, "OUTPUT": "TEMPORARY_OUTPUT"},
                     feedback=log)
    cells = knox_cells(result)
    return {(c["distance_from"], c["distance_to"], c["days_from"]): c["observed"] for c in cells
            if not c["same_location"]}


@pytest.mark.parametrize("where", ["mercator", "usft", "rd", "origin"])
def test_near_repeat_band_in_ground_metres(run_alg, where):
    d1, d2 = QDate(2024, 3, 1), QDate(2024, 3, 4)
    if where == "mercator":   # 150 map units at 51.5 N are about 93.5 m on the ground
        x, y = mercator_xy(4.9, 51.5)
        crs, dx = "EPSG:3857", 150.0
        assert ground(x, y, x + dx, y) == pytest.approx(93.5, abs=0.1)
    elif where == "usft":     # 300 US feet = 91.44 m: in 0-100 m; 330 ft = 100.58 m: not
        x, y, crs, dx = 987_000.0, 201_000.0, "EPSG:2263", 300.0
    elif where == "rd":
        x, y, crs, dx = 155_000.0, 463_000.0, "EPSG:28992", 99.9
    else:
        x, y, crs, dx = 10.0, 20.0, "EPSG:28992", 99.9
    log = Log()
    cells = observed_within_100(run_alg, points(crs, [(x, y, [d1]), (x + dx, y, [d2])]), log)
    assert cells[(1.0, 100.0, 0.0)] == 1 and cells[(100.0, 200.0, 0.0)] == 0, cells
    assert ("reprojected to EPSG:28992" in log.text) == (where == "mercator")
    if where == "usft":
        assert 330 * US_FOOT > 100
        cells = observed_within_100(run_alg, points(crs, [(x, y, [d1]), (x + 330.0, y, [d2])]))
        assert cells[(1.0, 100.0, 0.0)] == 0 and cells[(100.0, 200.0, 0.0)] == 1
    if where == "mercator":   # 170 map units: 106 m on the ground, in the second band
        assert ground(x, y, x + 170, y) > 100
        cells = observed_within_100(run_alg, points(crs, [(x, y, [d1]), (x + 170.0, y, [d2])]))
        assert cells[(1.0, 100.0, 0.0)] == 0 and cells[(100.0, 200.0, 0.0)] == 1


# Gi* ------------------------------------------------------------------------------------------------

def test_gistar_cells_are_ground_metres_in_web_mercator(run_alg):
    rng = np.random.default_rng(1854)
    x0, y0 = mercator_xy(-0.1367, 51.5133)   # Broad Street, Soho: Snow-like deaths
    pts = [(x0 + dx, y0 + dy, [1.0, "1.1.1"]) for dx, dy in rng.normal(0, 120, (300, 2))]
    layer = points("EPSG:3857", pts, fields=(("weight", "double"), ("category", "string")))
    log = Log()
    result = run_alg("hotspot:gistar", {"INPUT": layer, "CELL_SIZE": 10, "DISTANCE_BAND": 30, "PERMUTATIONS": 0,
                                        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    out = result["OUTPUT"]
    assert result["CELL_SIZE_USED"] == 10 and "EPSG:3857" in log.text
    assert out.crs().authid() == "EPSG:27700" or out.crs().authid().startswith("EPSG:326")
    to_wgs = QgsCoordinateReferenceSystem("EPSG:4326")
    from qgis.core import QgsCoordinateTransform
    ct = QgsCoordinateTransform(out.crs(), to_wgs, QgsProject.instance())
    f = next(out.getFeatures())
    ring = f.geometry().asPolygon()[0]
    a, b, c = (ct.transform(p) for p in ring[:3])
    sides = sorted([GEOD.inv(a.x(), a.y(), b.x(), b.y())[2], GEOD.inv(b.x(), b.y(), c.x(), c.y())[2]])
    assert sides == pytest.approx([10.0, 10.0], abs=0.01)   # not 6.2 m as Web Mercator units would give


# Density heatmap ------------------------------------------------------------------------------------

def test_heatmap_radius_is_ground_metres_in_web_mercator(run_alg, tmp_path):
    import rasterio

    x, y = mercator_xy(4.9, 51.5)
    layer = points("EPSG:3857", [(x, y, [None]), (x + 1000, y + 700, [None])])
    log = Log()
    out = tmp_path / "h.tif"
    run_alg("hotspot:densityheatmap", {"INPUT": layer, "RADIUS": 100, "PIXEL_SIZE": 10, "KERNEL": 2,
                                       "OUTPUT": str(out)}, feedback=log)
    assert "reprojected to EPSG:28992" in log.text
    with rasterio.open(out) as ds:
        assert ds.crs.to_epsg() == 28992
        reached = int(np.count_nonzero(ds.read(1) != ds.nodata))
    # two uniform discs of 100 m on the ground: about 2 * pi * 100^2 / 10^2 = 628 cells (not 1.6^2 times as many)
    assert reached == pytest.approx(2 * math.pi * 100 ** 2 / 100, rel=0.03)


# Warning letters ------------------------------------------------------------------------------------

def test_letters_distance_in_ground_metres_in_web_mercator(run_alg):
    from qgis.PyQt.QtCore import QDateTime, QTime

    x, y = mercator_xy(4.9, 51.5)
    assert ground(x, y, x + 150, y) < 100 < ground(x, y, x + 170, y)
    incidents = points("EPSG:3857", [(x, y, ["u1", QDateTime(QDate(2025, 3, 10), QTime(22, 0)), "1.1.1"])],
                       fields=(("uuid", "string"), ("occurred_at", "datetime"), ("category", "string")))
    fields = (("identificatie", "string"), ("openbare_ruimte", "string"), ("huisnummer", "integer"),
              ("postcode", "string"), ("woonplaats", "string"))
    addresses = points("EPSG:3857", [(x + 150, y, ["A150", "Lindelaan", 1, "1234AB", "Zuiderwaarde"]),
                                     (x + 170, y, ["A170", "Lindelaan", 3, "1234AB", "Zuiderwaarde"])],
                       fields=fields)
    log = Log()
    result = run_alg("hotspot:warningletters", {
        "INCIDENTS": incidents, "ADDRESSES": addresses, "DISTANCE": 100, "OUTPUT": "TEMPORARY_OUTPUT",
        "NOW": QDateTime(QDate(2025, 3, 15), QTime(12, 0))}, feedback=log)
    got = [f["identificatie"] for f in result["OUTPUT"].getFeatures()]
    assert got == ["A150"] and "reprojected to EPSG:28992" in log.text


# Near-repeat stars (item 7) -------------------------------------------------------------------------

def brute_bh(p, alpha):
    """Benjamini-Hochberg by hand: the k smallest pass where k is the largest with p(k) <= k / m * alpha."""
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    m = p.size
    k = max([i + 1 for i in range(m) if p[order[i]] <= (i + 1) / m * alpha], default=0)
    passed = np.zeros(m, dtype=bool)
    passed[order[:k]] = True
    return passed


def test_knox_stars_control_the_false_discovery_rate_and_agree_with_the_conclusion(run_alg, tmp_path):
    rng = np.random.default_rng(7)
    rows = []
    start = QDate(2023, 1, 1)
    for _ in range(150):   # background burglaries, RD New
        rows.append((155_000 + rng.uniform(0, 3000), 463_000 + rng.uniform(0, 3000),
                     [start.addDays(int(rng.integers(0, 365)))]))
    for _ in range(80):    # near repeats: a second burglary within 80 m and 5 days
        x, y, d = 155_000 + rng.uniform(0, 3000), 463_000 + rng.uniform(0, 3000), int(rng.integers(0, 360))
        rows.append((x, y, [start.addDays(d)]))
        rows.append((x + rng.uniform(-55, 55), y + rng.uniform(-55, 55), [start.addDays(d + int(rng.integers(0, 5)))]))
    log = Log()
    chart = tmp_path / "knox.png"
    result = run_alg("hotspot:nearrepeat", {"INPUT": points("EPSG:28992", rows), "SEED": 3, "PERMUTATIONS": 999,
                                            "OUTPUT": "TEMPORARY_OUTPUT", "CHART": str(chart)}, feedback=log)
    cells = knox_cells(result)
    p = np.array([c["p_value"] for c in cells])
    ratio = np.array([c["knox_ratio"] if isinstance(c["knox_ratio"], float) else 0.0 for c in cells])
    expected = brute_bh(p, 0.05) & (ratio > 1)
    assert [bool(c["significant"]) for c in cells] == expected.tolist()
    uncorrected = (p < 0.05) & (ratio > 1)
    assert 0 < expected.sum() <= uncorrected.sum(), (expected.sum(), uncorrected.sum())
    assert "false discovery rate" in result["NOTE"] and f"{len(cells)} cells" in result["NOTE"]
    assert result["NOTE"] in log.text and chart.exists()
    origin = next(c for c in cells if c["row_index"] == 1 and c["col_index"] == 0)
    assert bool(origin["significant"]) == result["CONCLUSION"].startswith("Raised risk")
