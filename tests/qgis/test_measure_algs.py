"""hotspot:measureeffect, hotspot:cameracoverage and hotspot:cameraplacement via processing.run."""
from __future__ import annotations

import itertools
import math

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from shapely.geometry import LineString, box

from tests.qgis.conftest import output_layer

X0, Y0 = 155000.0, 463000.0


def _layer(kind: str, fields: str, rows, crs: str = "EPSG:28992") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={crs}{fields}", "t", "memory")
    features = []
    for geometry, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(geometry)
        f.setAttributes(list(attrs))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _pt(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y))


def _box(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X0+x0} {Y0+y0},{X0+x1} {Y0+y0},{X0+x1} {Y0+y1},{X0+x0} {Y0+y1},"
                               f"{X0+x0} {Y0+y0}))")


def _incidents(crs: str = "EPSG:28992"):
    """Target (0..100 square): 40 before, 20 after; ring (within 250 m): 30 before, 24 after;
    control (1000 m away): 200 before, 190 after; plus 7 outside both periods. Source alternates."""
    rows = []

    def add(n, x, y, date, start=0):
        for k in range(n):
            rows.append((_pt(x, y), [date, "politie" if (k + start) % 2 else "mor"]))
    add(40, 50, 50, "2024-03-15")
    add(20, 100, 50, "2024-09-15")           # on the target's boundary: target
    add(30, 200, 50, "2024-01-01")           # 100 m east of the target: buffer
    add(24, 100 + 176, 100 + 176, "2024-12-31")  # 248.9 m from the corner: buffer
    add(200, 1000, 1000, "2024-06-30")
    add(190, 1000, 1000, "2024-07-01")
    add(7, 50, 50, "2025-01-01")
    layer = _layer("Point", "&field=occurred_at:date&field=source:string", rows)
    if crs != "EPSG:28992":
        ct = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
        moved = []
        for f in layer.getFeatures():
            g = QgsGeometry(f.geometry())
            g.transform(ct)
            moved.append((g, f.attributes()))
        layer = _layer("Point", "&field=occurred_at:date&field=source:string", moved, crs)
    return layer


PERIODS = {"BEFORE_START": "2024-01-01", "BEFORE_END": "2024-06-30", "AFTER_START": "2024-07-01",
           "AFTER_END": "2024-12-31"}


def test_measureeffect_hand_computed(run_alg, tmp_path):
    target = _layer("Polygon", "", [(_box(0, 0, 100, 100), [])])
    chart = tmp_path / "effect.png"
    result = run_alg("hotspot:measureeffect", {"INPUT": _incidents(), "TARGET": target, **PERIODS,
                                               "GROUP_FIELD": "source", "OUTPUT": "memory:", "CHART": str(chart)})
    # The unit test's example: SUCCESS = 20/190 - 40/200, WDQ 0.25, OR 1.9 (1.0720 .. 3.3675, p 0.02794),
    # buffer OR 1.1875.
    assert result["SUCCESS"] == pytest.approx(20 / 190 - 40 / 200)
    assert result["WDQ"] == pytest.approx(0.25)
    assert result["ODDS_RATIO"] == pytest.approx(1.9)
    assert result["OR_LOW"] == pytest.approx(1.0720227, rel=1e-6)
    assert result["OR_P"] == pytest.approx(0.0279391, rel=1e-5)
    assert result["BUFFER_OR"] == pytest.approx(1.1875)
    assert "50%" in result["CONCLUSION"] and "5%" in result["CONCLUSION"]
    table = output_layer(result["OUTPUT"])
    rows = {(f["group"], f["zone"]): (f["before"], f["after"]) for f in table.getFeatures()}
    assert rows[("mor", "target")] == (20, 10) and rows[("politie", "target")] == (20, 10)
    assert rows[("mor", "control")] == (100, 95) and len(rows) == 6
    assert chart.exists() and chart.stat().st_size > 5000


def test_measureeffect_geographic_input_and_undefined(run_alg):
    # Reprojected points on the boundary may fall either side of it: a target 1 m larger.
    wider = _layer("Polygon", "", [(_box(-1, -1, 101, 101), [])])
    result = run_alg("hotspot:measureeffect", {"INPUT": _incidents("EPSG:4326"), "TARGET": wider, **PERIODS,
                                               "OUTPUT": "memory:", "CHART": ""})
    assert result["ODDS_RATIO"] == pytest.approx(1.9)
    target = _layer("Polygon", "", [(_box(0, 0, 100, 100), [])])
    # Nothing after in the target: the odds ratio is NULL, not a division error.
    result = run_alg("hotspot:measureeffect", {"INPUT": _incidents(), "TARGET": _layer("Polygon", "", [(
        _box(-10, 40, 60, 60), [])]), **PERIODS, "AFTER_START": "2024-10-01", "OUTPUT": "memory:", "CHART": ""})
    assert result["ODDS_RATIO"] is None and result["OR_P"] is None
    with pytest.raises(QgsProcessingException, match="after period"):
        run_alg("hotspot:measureeffect", {"INPUT": _incidents(), "TARGET": target, **PERIODS,
                                          "AFTER_START": "2024-06-01", "OUTPUT": "memory:", "CHART": ""})


OBSTACLES = [box(10, -5, 20, 5), box(-30, 10, -10, 30)]


def _sees(cx, cy, px, py, reach, azimuth=None, fov=360.0):
    """Independent line of sight (shapely relate), range and field of view."""
    dx, dy = px - cx, py - cy
    if math.hypot(dx, dy) > reach:
        return False
    if azimuth is not None and fov < 360:
        off = (math.degrees(math.atan2(dx, dy)) - azimuth + 180) % 360 - 180
        if abs(off) > fov / 2:
            return False
    line = LineString([(cx, cy), (px, py)])
    return not any(line.relate_pattern(o, "T********") for o in OBSTACLES)


INCIDENT_XY = [(30.3, 0.4), (25.2, 8.1), (0.3, 30.2), (-35.1, 35.2), (-5.2, -20.3), (40.1, 40.2), (-20.2, 5.3),
               (15.2, 20.1), (60.4, 0.2), (-40.3, -0.1), (3.1, -45.2), (33.3, -33.2)]


def test_cameracoverage_against_line_of_sight(run_alg):
    cameras = _layer("Point", "&field=dir:double&field=reach:double", [
        (_pt(0, 0), [NULL, NULL]), (_pt(-5, -5), [90.0, 40.0])])
    obstacles = _layer("Polygon", "", [(QgsGeometry.fromWkt(o.wkt), []) for o in
                                       [box(X0 + a, Y0 + b, X0 + c, Y0 + d) for a, b, c, d in
                                        (o.bounds for o in OBSTACLES)]])
    incidents = _layer("Point", "", [(_pt(x, y), []) for x, y in INCIDENT_XY])
    result = run_alg("hotspot:cameracoverage", {"CAMERAS": cameras, "DIRECTION_FIELD": "dir", "FOV": 90,
                                                "RANGE": 50, "RANGE_FIELD": "reach", "OBSTACLES": obstacles,
                                                "INCIDENTS": incidents, "OUTPUT": "memory:"})
    expected = [any((_sees(0, 0, x, y, 50), _sees(-5, -5, x, y, 40, 90.0, 90.0))) for x, y in INCIDENT_XY]
    assert result["COVERED_INCIDENTS"] == sum(expected)
    assert result["COVERED_SHARE"] == pytest.approx(sum(expected) / len(INCIDENT_XY))
    out = output_layer(result["OUTPUT"])
    feats = list(out.getFeatures())
    assert len(feats) == 2 and feats[1]["fov"] == 90 and feats[1]["range_m"] == 40 and feats[0]["azimuth"] == NULL
    assert result["COVERED_AREA"] < math.pi * 50 ** 2
    with pytest.raises(QgsProcessingException):
        run_alg("hotspot:cameracoverage", {"CAMERAS": _layer("Point", "", []), "OUTPUT": "memory:"})


def test_cameraplacement_equals_exhaustive_and_registers(run_alg, make_gpkg):
    candidates = [(0, 0), (40, 0), (-30, 0), (0, 40), (0, -40), (35, 35)]
    cams = _layer("Point", "", [(_pt(x, y), []) for x, y in candidates])
    obstacles = _layer("Polygon", "", [(QgsGeometry.fromWkt(box(X0 + a, Y0 + b, X0 + c, Y0 + d).wkt), [])
                                       for a, b, c, d in (o.bounds for o in OBSTACLES)])
    incidents = _layer("Point", "", [(_pt(x, y), []) for x, y in INCIDENT_XY])
    sees = [{i for i, (x, y) in enumerate(INCIDENT_XY) if _sees(cx, cy, x, y, 30)} for cx, cy in candidates]
    path = str(make_gpkg())
    for k in (1, 2, 3):
        best = max(len(set().union(*(sees[i] for i in s))) for s in itertools.combinations(range(6), k))
        result = run_alg("hotspot:cameraplacement", {"CAMERAS": cams, "RANGE": 30, "OBSTACLES": obstacles,
                                                     "INCIDENTS": incidents, "K": k, "OUTPUT": "memory:",
                                                     "GPKG": path if k == 2 else ""})
        assert result["METHOD"] == "exhaustive"
        assert result["COVERED_INCIDENTS"] == best
        out = list(output_layer(result["OUTPUT"]).getFeatures())
        assert [f["rank"] for f in out] == list(range(1, k + 1)) and out[-1]["cumulative"] == best
    from hotspot_plugin.storage.measures import list_measures
    registered = list_measures(path)
    assert len(registered) == 2 and {m.measure_id for m in registered} == {"cameratoezicht"}
    assert all(m.source == "camera" and m.status == "gepland" for m in registered)
