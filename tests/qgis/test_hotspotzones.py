"""hotspot:hotspotzones through processing.run: hand-made rasters and Gi* results against brute force."""
from __future__ import annotations

import math

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)
from rasterio.transform import from_origin
from scipy import ndimage

from tests.qgis.test_gistar_algs import X0, Y0, Log, area_layer, clustered, features, jittered_areas, point_layer

PX = 10.0
ROWS, COLS = 40, 50
TOP = Y0 + ROWS * PX
NODATA = -9999.0
BLOB_A = [(r, c) for r in range(5, 9) for c in range(10, 14)] + [(9, 14)]  # (9, 14) touches only at a corner
BLOB_B = [(r, c) for r in range(25, 28) for c in range(30, 33)]


def raster_values(seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = 1.0 + rng.uniform(0, 0.5, (ROWS, COLS))
    for r, c in BLOB_A:
        a[r, c] = 10.0 + rng.uniform(0, 2)
    a[6, 11] = 20.0
    for r, c in BLOB_B:
        a[r, c] = 8.0 + rng.uniform(0, 0.5)
    a[26, 31] = 9.0
    a[30:40, 0:10] = NODATA  # 100 nodata cells
    return a.astype(np.float32)


def write_tif(path, values, crs="EPSG:28992", nodata=NODATA, x0=X0, top=TOP, px=PX) -> str:
    with rasterio.open(path, "w", driver="GTiff", width=values.shape[1], height=values.shape[0], count=1,
                       dtype="float32", crs=crs, transform=from_origin(x0, top, px, px),
                       nodata=nodata) as dst:
        dst.write(values, 1)
    return str(path)


def centre(r, c, px=PX):
    return X0 + (c + 0.5) * px, TOP - (r + 0.5) * px


def incident_points():
    """Points in blob A (7, one of them of another category), in blob B (3) and elsewhere (5)."""
    pts = [centre(r, c) for r, c in BLOB_A[:6]] + [centre(9, 14)]
    cats = ["1.1.1"] * 6 + ["2.2.1"]
    pts += [centre(r, c) for r, c in BLOB_B[:3]]
    cats += ["1.1.1"] * 3
    pts += [centre(0, 0), centre(20, 20), centre(39, 49), centre(15, 40), centre(2, 2)]
    cats += ["1.1.1"] * 5
    pts = [(x + 1.3, y - 2.1) for x, y in pts]  # off the cell centres, never on an edge
    return point_layer([p[0] for p in pts], [p[1] for p in pts], categories=cats), pts, cats


def brute_zones(selected: np.ndarray, values: np.ndarray, pts, px=PX):
    """Zones with plain loops: 8-connected components, peak, area, mean, incidents (cell lookup)."""
    rows, cols = selected.shape
    label = np.zeros(selected.shape, int)
    zones = []
    for r in range(rows):
        for c in range(cols):
            if selected[r, c] and not label[r, c]:
                label[r, c] = len(zones) + 1
                stack, cells = [(r, c)], []
                while stack:
                    a, b = stack.pop()
                    cells.append((a, b))
                    for da in (-1, 0, 1):
                        for db in (-1, 0, 1):
                            u, v = a + da, b + db
                            if 0 <= u < rows and 0 <= v < cols and selected[u, v] and not label[u, v]:
                                label[u, v] = len(zones) + 1
                                stack.append((u, v))
                zones.append(cells)
    out = []
    for k, cells in enumerate(zones, start=1):
        vals = [float(values[a, b]) for a, b in cells]
        top = max(range(len(cells)), key=lambda i: (vals[i], -cells[i][0], -cells[i][1]))
        n_inc = sum(1 for x, y in pts if 0 <= (TOP - y) / px < rows and 0 <= (x - X0) / px < cols
                    and label[int((TOP - y) // px), int((x - X0) // px)] == k)
        out.append({"n_cells": len(cells), "area_m2": len(cells) * px * px, "peak": vals[top],
                    "peak_xy": (X0 + (cells[top][1] + 0.5) * px, TOP - (cells[top][0] + 0.5) * px),
                    "mean": sum(vals) / len(vals), "n_incidents": n_inc})
    out.sort(key=lambda z: (-z["peak"], -z["area_m2"]))
    return out


def check(rows, expected, rel=1e-6):
    assert len(rows) == len(expected)
    for rank, (row, exp) in enumerate(zip(sorted(rows, key=lambda r: r["rank"]), expected), start=1):
        assert row["rank"] == rank
        assert row["n_cells"] == exp["n_cells"]
        assert row["area_m2"] == pytest.approx(exp["area_m2"], rel=1e-9)
        assert row["geom"].area() == pytest.approx(exp["area_m2"], rel=1e-9)
        assert row["peak"] == pytest.approx(exp["peak"], rel=rel)
        assert (row["peak_x"], row["peak_y"]) == pytest.approx(exp["peak_xy"], abs=1e-6)
        assert row["mean"] == pytest.approx(exp["mean"], rel=rel)
        assert row["n_incidents"] == exp["n_incidents"]


# Raster input -----------------------------------------------------------------------------------

def test_two_blobs_by_threshold_with_incidents(run_alg, tmp_path):
    values = raster_values()
    tif = write_tif(tmp_path / "dichtheid.tif", values)
    layer, pts, cats = incident_points()
    result = run_alg("hotspot:hotspotzones", {"INPUT_RASTER": tif, "METHOD": 1, "THRESHOLD": 5,
                                              "INCIDENTS": layer,
                                              "FILTER": "category = '1.1.1'", "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = features(result["OUTPUT"])
    assert result["N_ZONES"] == 2 and result["THRESHOLD_USED"] == 5
    kept = [p for p, cat in zip(pts, cats) if cat == "1.1.1"]
    expected = brute_zones((values >= 5) & (values != NODATA), values, kept)
    assert [z["n_cells"] for z in expected] == [17, 9]
    assert expected[0]["peak"] == 20 and expected[0]["n_incidents"] == 6
    check(rows, expected)
    assert result["OUTPUT"].crs().authid() == "EPSG:28992"
    # zone_id numbers from north to south: blob A lies north of blob B.
    by_rank = sorted(rows, key=lambda r: r["rank"])
    assert [r["zone_id"] for r in by_rank] == [1, 2]


def test_top_percent_counts_valid_cells_only(run_alg, tmp_path):
    values = raster_values(2)
    tif = write_tif(tmp_path / "dichtheid.tif", values)
    valid = values != NODATA
    assert valid.sum() == ROWS * COLS - 100
    # k = ceil(25.5) = 26 = both blobs; counting the 100 nodata cells it would be 27.
    percent = float(25.5 / valid.sum() * 100)
    result = run_alg("hotspot:hotspotzones", {"INPUT_RASTER": tif, "TOP_PERCENT": percent,
                                              "OUTPUT": "TEMPORARY_OUTPUT"})
    k = math.ceil(percent / 100 * valid.sum())
    threshold = sorted(values[valid].tolist(), reverse=True)[k - 1]
    assert result["THRESHOLD_USED"] == pytest.approx(threshold)
    rows = features(result["OUTPUT"])
    expected = brute_zones(valid & (values >= threshold), values, [])
    check(rows, [dict(z, n_incidents=None) for z in expected])
    assert sum(r["n_cells"] for r in rows) == 26


def test_min_area_drops_small_zones(run_alg, tmp_path):
    tif = write_tif(tmp_path / "dichtheid.tif", raster_values())
    result = run_alg("hotspot:hotspotzones", {"INPUT_RASTER": tif, "METHOD": 1, "THRESHOLD": 5,
                                              "MIN_AREA": 1000,
                                              "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = features(result["OUTPUT"])
    assert [(r["n_cells"], r["rank"]) for r in rows] == [(17, 1)]


def test_large_raster_is_reduced_by_block_maxima(run_alg, tmp_path, monkeypatch):
    import hotspot_plugin.processing.alg_hotspotzones as module

    monkeypatch.setattr(module, "MAX_RASTER_CELLS", 500)  # 2000 cells -> blocks of 2 x 2
    monkeypatch.setattr(module, "READ_BAND_CELLS", 300)  # and several bands of rows
    values = raster_values(3)
    tif = write_tif(tmp_path / "dichtheid.tif", values)
    log = Log()
    result = run_alg("hotspot:hotspotzones", {"INPUT_RASTER": tif, "METHOD": 1, "THRESHOLD": 5,
                                              "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert any("blocks of 2 x 2" in w for w in log.warnings)
    coarse = np.where(values == NODATA, -np.inf, values).reshape(ROWS // 2, 2, COLS // 2, 2).max(axis=(1, 3))
    labels, n = ndimage.label(coarse >= 5, structure=np.ones((3, 3)))
    rows = features(result["OUTPUT"])
    assert len(rows) == n == 2
    got = sorted((r["n_cells"], r["area_m2"], r["peak"]) for r in rows)
    want = sorted((int((labels == k).sum()), float((labels == k).sum()) * 400.0,
                   float(coarse[labels == k].max()))
                  for k in range(1, n + 1))
    assert got == want


@pytest.mark.parametrize("case, message", [
    ("above", "above the highest value in the raster (20"),
    ("neither", "Choose one input"),
    ("both", "Choose one input"),
    ("no_threshold", "Give the threshold value"),
    ("geographic", "not in a CRS that measures metres on the ground"),
    ("not_gistar", "has no field gi_class"),
])
def test_bad_input_gives_clear_messages(run_alg, tmp_path, case, message):
    tif = write_tif(tmp_path / "dichtheid.tif", raster_values())
    params = {"INPUT_RASTER": tif, "METHOD": 1, "THRESHOLD": 25, "OUTPUT": "TEMPORARY_OUTPUT"}
    if case == "neither":
        params.pop("INPUT_RASTER")
    elif case == "both":
        params["INPUT_GISTAR"] = incident_points()[0]
    elif case == "no_threshold":
        params.pop("THRESHOLD")
    elif case == "geographic":
        params["INPUT_RASTER"] = write_tif(tmp_path / "graden.tif", raster_values(), crs="EPSG:4326", x0=5.0,
                                           top=52.0, px=0.001)
    elif case == "not_gistar":
        params = {"INPUT_GISTAR": QgsVectorLayer("Polygon?crs=EPSG:28992&field=a:integer", "x", "memory"),
                  "OUTPUT": "TEMPORARY_OUTPUT"}
    with pytest.raises(QgsProcessingException) as info:
        run_alg("hotspot:hotspotzones", params)
    assert message in str(info.value)


# Gi* input --------------------------------------------------------------------------------------

def brute_gistar_zones(rows, min_class, pts):
    """Zones of a Gi* layer by brute force: union-find over hot cells whose polygons touch."""
    hot = [r for r in rows if r["gi_class"] >= min_class]
    parent = list(range(len(hot)))

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a

    for i in range(len(hot)):
        for j in range(i + 1, len(hot)):
            if hot[i]["geom"].intersects(hot[j]["geom"]):
                parent[find(j)] = find(i)
    groups = {}
    for i in range(len(hot)):
        groups.setdefault(find(i), []).append(hot[i])
    out = []
    for cells in groups.values():
        union = QgsGeometry.unaryUnion([c["geom"] for c in cells])
        top = max(cells, key=lambda c: c["gi_z"])
        out.append({"n_cells": len(cells), "area_m2": sum(c["geom"].area() for c in cells),
                    "peak": top["gi_z"],
                    "peak_xy": (top["geom"].centroid().asPoint().x(), top["geom"].centroid().asPoint().y()),
                    "mean": sum(c["gi_z"] for c in cells) / len(cells),
                    "n_incidents": sum(1 for x, y in pts if union.contains(QgsPointXY(x, y)))})
    out.sort(key=lambda z: (-z["peak"], -z["area_m2"]))
    return out


@pytest.mark.parametrize("grid", [0, 1])
def test_zones_from_a_gistar_result(run_alg, grid):
    x, y, _ = clustered(seed=30)
    points = point_layer(x, y)
    gi = run_alg("hotspot:gistar", {"INPUT": points, "GRID": grid, "CELL_SIZE": 100, "PERMUTATIONS": 9999,
                                    "SEED": 7, "OUTPUT": "TEMPORARY_OUTPUT"})
    log = Log()
    result = run_alg("hotspot:hotspotzones", {"INPUT_GISTAR": gi["OUTPUT"], "MIN_CLASS": 1,
                                              "INCIDENTS": points,
                                              "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert ("square grid of 100 m" in log.text()) == (grid == 0)
    expected = brute_gistar_zones(features(gi["OUTPUT"]), 1, list(zip(x, y)))
    assert len(expected) >= 2 and sum(z["n_cells"] for z in expected) == gi["N_HOT"]
    check(features(result["OUTPUT"]), expected, rel=1e-12)


def test_zones_from_a_gistar_result_per_area(run_alg):
    """Gi* per area (irregular quadrilaterals that share edges and corners): dissolved with shapely,
    whatever STRtree.query answers (geometries in shapely 1.8, indices in shapely 2; issue #11)."""
    x, y, _ = clustered(seed=30)
    points = point_layer(x, y)
    areas = area_layer(jittered_areas(cols=16, rows=12, w=125.0, h=132.0, seed=2), ["buurt"] * 192)
    gi = run_alg("hotspot:gistar", {"INPUT": points, "GRID": 2, "AREAS": areas, "DISTANCE_BAND": 200,
                                    "PERMUTATIONS": 999, "SEED": 7, "OUTPUT": "TEMPORARY_OUTPUT"})
    log = Log()
    result = run_alg("hotspot:hotspotzones", {"INPUT_GISTAR": gi["OUTPUT"], "MIN_CLASS": 1,
                                              "INCIDENTS": points,
                                              "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert "touching hot cells are dissolved" in log.text()
    expected = brute_gistar_zones(features(gi["OUTPUT"]), 1, list(zip(x, y)))
    assert len(expected) >= 1 and max(z["n_cells"] for z in expected) >= 2
    assert sum(z["n_cells"] for z in expected) == gi["N_HOT"]
    check(features(result["OUTPUT"]), expected, rel=1e-12)


def test_no_hot_cells_give_an_empty_layer_and_a_warning(run_alg):
    rng = np.random.default_rng(5)
    x, y = X0 + rng.uniform(0, 1000, 300), Y0 + rng.uniform(0, 1000, 300)
    gi = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "CELL_SIZE": 100, "PERMUTATIONS": 99,
                                    "SEED": 1,
                                    "OUTPUT": "TEMPORARY_OUTPUT"})
    assert gi["N_HOT"] == 0
    log = Log()
    result = run_alg("hotspot:hotspotzones", {"INPUT_GISTAR": gi["OUTPUT"], "MIN_CLASS": 3,
                                              "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    assert result["N_ZONES"] == 0 and result["OUTPUT"].featureCount() == 0
    assert any("No zone was found" in w for w in log.warnings)


def test_loaded_zones_are_styled_with_rank_labels(run_alg, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext

    tif = write_tif(tmp_path / "dichtheid.tif", raster_values())
    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    out = tmp_path / "zones.gpkg"
    processing.runAndLoadResults("hotspot:hotspotzones", {
        "INPUT_RASTER": tif, "METHOD": 1, "THRESHOLD": 5,
        "OUTPUT": QgsProcessingOutputLayerDefinition(str(out), project)}, context=context,
        feedback=QgsProcessingFeedback())
    loaded = [lyr for lyr in project.mapLayers().values() if lyr.source().startswith(str(out))]
    try:
        assert len(loaded) == 1
        layer = loaded[0]
        symbol = layer.renderer().symbol()
        assert 0 < symbol.color().alpha() < 128 and symbol.symbolLayer(0).strokeColor().alpha() == 255
        assert layer.labelsEnabled()
        settings = layer.labeling().settings()
        expression = QgsExpression(settings.fieldName)
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        texts = []
        for feature in layer.getFeatures():
            context.setFeature(QgsFeature(feature))
            texts.append(expression.evaluate(context))
        assert sorted(texts) == ["Zone 1", "Zone 2"]
    finally:
        project.removeMapLayers([lyr.id() for lyr in loaded])
    again = QgsVectorLayer(str(out), "again", "ogr")
    again.loadDefaultStyle()
    assert again.labelsEnabled() and again.renderer().type() == "singleSymbol"
