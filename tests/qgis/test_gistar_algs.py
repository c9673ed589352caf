"""hotspot:gistar through processing.run, against brute-force binning and a brute-force Gi* (maths.md)."""
from __future__ import annotations

import math
import sqlite3
import time

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from scipy.stats import norm
from shapely.geometry import MultiPoint, Point

X0, Y0 = 150_000.0, 440_000.0  # RD New, somewhere in the Netherlands


# Test data --------------------------------------------------------------------------------------

CLUSTERS = ((500, 820, 50, 160), (1500, 400, 70, 140))


def clustered(n_background=700, clusters=CLUSTERS, seed=3, size=(2000, 1600)):
    """Points (x, y, weight): uniform background plus Gaussian clusters (cx, cy, sigma, n) near X0, Y0."""
    rng = np.random.default_rng(seed)
    pts = [np.column_stack([rng.uniform(0, size[0], n_background), rng.uniform(0, size[1], n_background)])]
    for cx, cy, sigma, n in clusters:
        pts.append(rng.normal((cx, cy), sigma, (n, 2)))
    xy = np.vstack(pts)
    xy = xy[(xy[:, 0] > 0) & (xy[:, 0] < size[0]) & (xy[:, 1] > 0) & (xy[:, 1] < size[1])]
    w = np.round(rng.uniform(0.5, 4.0, len(xy)), 2)
    return xy[:, 0] + X0, xy[:, 1] + Y0, w


def point_layer(x, y, weights=None, crs="EPSG:28992", categories=None) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs}&field=weight:double&field=category:string", "incidents",
                           "memory")
    feats = []
    for i in range(len(x)):
        f = QgsFeature(layer.fields())
        w = None if weights is None else weights[i]
        f.setAttributes([None if w is None or (isinstance(w, float) and math.isnan(w)) else float(w),
                         categories[i] if categories is not None else "1.1.1"])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x[i]), float(y[i]))))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def area_layer(polygons, levels, crs="EPSG:28992") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}&field=code:string&field=level:string&field=count:integer",
                           "areas", "memory")
    feats = []
    for k, (poly, level) in enumerate(zip(polygons, levels)):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"BU{k:04d}", level, 7])
        f.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(px, py) for px, py in poly]]))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def box(x0, y0, x1, y1):
    """A closed rectangular ring."""
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def jittered_areas(cols=4, rows=3, w=250.0, h=260.0, seed=9):
    """A tiling of irregular quadrilaterals (shared, jittered corners) over cols x rows."""
    rng = np.random.default_rng(seed)
    cx = np.add.outer(np.arange(rows + 1) * 0, np.arange(cols + 1) * w) + X0
    cy = np.add.outer(np.arange(rows + 1) * h, np.arange(cols + 1) * 0) + Y0
    inner = (slice(1, rows), slice(1, cols))
    cx[inner] += rng.uniform(-60, 60, (rows - 1, cols - 1))
    cy[inner] += rng.uniform(-60, 60, (rows - 1, cols - 1))
    polys = []
    for r in range(rows):
        for c in range(cols):
            corners = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c), (r, c)]
            polys.append([(cx[a, b], cy[a, b]) for a, b in corners])
    return polys


# Brute force ------------------------------------------------------------------------------------

def brute_gi_star(values, centres, band):
    """Gi* z and W per observation with plain loops (maths.md; binary weights, self included)."""
    n = len(values)
    xbar = sum(values) / n
    s = math.sqrt(sum(v * v for v in values) / n - xbar * xbar)
    zs, ws = [], []
    for i in range(n):
        lag = 0.0
        wi = 0
        for j in range(n):
            if math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]) <= band * (1 + 1e-9):
                lag += values[j]
                wi += 1
        var = (n * wi - wi * wi) / (n - 1)
        zs.append((lag - xbar * wi) / (s * math.sqrt(var)) if var > 0 else 0.0)
        ws.append(wi)
    return np.array(zs), np.array(ws)


def brute_bh(p, alpha):
    """Benjamini-Hochberg by the textbook: reject the k smallest, k = max{k: p_(k) <= k alpha / m}."""
    m = len(p)
    ranked = sorted(p)
    k = 0
    for i in range(1, m + 1):
        if ranked[i - 1] <= i * alpha / m:
            k = i
    cut = ranked[k - 1] if k else -1.0
    return [pi <= cut for pi in p]


def features(layer):
    rows = []
    for f in layer.getFeatures():
        row = {n: f[n] for n in layer.fields().names()}
        row["geom"] = QgsGeometry(f.geometry())
        rows.append(row)
    return rows


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        self.infos.append(text)

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.warnings.append(text)

    def text(self):
        return "\n".join(self.infos + self.warnings)


def check_z(rows, band):
    values = [r["value"] for r in rows]
    centres = [(r["geom"].centroid().asPoint().x(), r["geom"].centroid().asPoint().y()) for r in rows]
    z, w = brute_gi_star(values, centres, band)
    got = np.array([r["gi_z"] for r in rows])
    assert np.max(np.abs(got - z)) <= 1e-9
    assert [r["n_neighbours"] for r in rows] == w.tolist()
    return z


# Square grid ------------------------------------------------------------------------------------

def test_square_grid_counts_mask_and_z_match_brute_force(run_alg):
    x, y, _ = clustered()
    cell, band = 100.0, 250.0
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "CELL_SIZE": cell, "DISTANCE_BAND": band,
                                        "PERMUTATIONS": 99, "SEED": 5, "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = features(result["OUTPUT"])
    assert result["CELL_SIZE_USED"] == cell and result["BAND_USED"] == band and result["SEED_USED"] == 5
    assert result["N_CELLS"] == len(rows)
    # Every output cell is a 100 m square on multiples of 100 m; counts equal a brute-force binning.
    held = 0
    for r in rows:
        box = r["geom"].boundingBox()
        assert r["geom"].area() == pytest.approx(cell * cell)
        assert box.xMinimum() / cell == pytest.approx(round(box.xMinimum() / cell), abs=1e-9)
        assert box.yMinimum() / cell == pytest.approx(round(box.yMinimum() / cell), abs=1e-9)
        inside = sum(1 for px, py in zip(x, y) if box.xMinimum() <= px < box.xMaximum()
                     and box.yMinimum() <= py < box.yMaximum())
        assert r["count"] == inside and r["value"] == inside
        held += inside
    assert held == len(x)  # every incident lies in a cell that takes part
    # Cells taking part: centre within half a diagonal of the convex hull, or holding an incident.
    hull = MultiPoint(list(zip(x, y))).convex_hull.buffer(cell * math.sqrt(2) / 2)
    expected = set()
    for i in range(math.floor(x.min() / cell), math.ceil(x.max() / cell)):
        for j in range(math.floor(y.min() / cell), math.ceil(y.max() / cell)):
            centre = ((i + 0.5) * cell, (j + 0.5) * cell)
            has = np.any((x >= i * cell) & (x < (i + 1) * cell) & (y >= j * cell) & (y < (j + 1) * cell))
            if hull.contains(Point(centre)) or has:
                expected.add((i, j))
    got = {(round(r["geom"].boundingBox().xMinimum() / cell),
            round(r["geom"].boundingBox().yMinimum() / cell))
           for r in rows}
    assert got == expected
    check_z(rows, band)


def test_weights_are_summed_and_classes_follow_fdr(run_alg):
    x, y, w = clustered(seed=4)
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y, w), "WEIGHT_FIELD": "weight",
                                        "CELL_SIZE": 100,
                                        "PERMUTATIONS": 9999, "SEED": 2, "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = features(result["OUTPUT"])
    for r in rows:
        box = r["geom"].boundingBox()
        sel = (x >= box.xMinimum()) & (x < box.xMaximum()) & (y >= box.yMinimum()) & (y < box.yMaximum())
        assert r["value"] == pytest.approx(float(w[sel].sum()), abs=1e-9)
        assert r["count"] == int(sel.sum())
    assert result["BAND_USED"] == 150.0
    z = check_z(rows, 150.0)
    # Classes: BH FDR at 0.10 / 0.05 / 0.01 on the written p-values, sign from z.
    p = [r["p_value"] for r in rows]
    assert min(p) >= 2 / 10000 - 1e-12
    levels = np.zeros(len(rows), int)
    for lev, alpha in ((1, 0.10), (2, 0.05), (3, 0.01)):
        levels[np.array(brute_bh(p, alpha))] = lev
    expected = levels * np.sign(z).astype(int)
    got = np.array([r["gi_class"] for r in rows])
    # A cell tested in the other tail than its z sign stays 0 (the core's rule); none may differ otherwise.
    assert np.all((got == expected) | (got == 0))
    assert np.sum(got != expected) <= 2
    assert (got > 0).sum() == result["N_HOT"] and (got < 0).sum() == result["N_COLD"]
    assert result["N_HOT"] > 0
    labels = {r["gi_class"]: r["gi_label"] for r in rows}
    # The labels follow QGIS's language (English unless a test installed the Dutch translator).
    english = {0: "Not significant", 1: "Hot spot 90%", 2: "Hot spot 95%", 3: "Hot spot 99%"}
    dutch = {0: "Niet significant", 1: "Hotspot 90%", 2: "Hotspot 95%", 3: "Hotspot 99%"}
    assert 0 in labels
    assert any(all(labels[c] == names[c] for c in labels if c >= 0) for names in (english, dutch))


def test_without_fdr_and_with_normal_theory(run_alg):
    x, y, _ = clustered(seed=6)
    layer = point_layer(x, y)
    base = {"INPUT": layer, "CELL_SIZE": 100, "DISTANCE_BAND": 150, "OUTPUT": "TEMPORARY_OUTPUT"}
    normal = features(run_alg("hotspot:gistar", {**base, "SIGNIFICANCE": 1, "FDR": False})["OUTPUT"])
    for r in normal:
        assert r["p_value"] == pytest.approx(min(1.0, 2 * norm.sf(abs(r["gi_z"]))), rel=1e-9, abs=1e-15)
        p = r["p_value"]
        lev = 3 if p <= 0.01 else 2 if p <= 0.05 else 1 if p <= 0.10 else 0
        assert r["gi_class"] == lev * int(np.sign(r["gi_z"]))
    perm = features(run_alg("hotspot:gistar", {**base, "FDR": False, "PERMUTATIONS": 99,
                                               "SEED": 1})["OUTPUT"])
    for r in perm:
        p = r["p_value"]
        lev = 3 if p <= 0.01 else 2 if p <= 0.05 else 1 if p <= 0.10 else 0
        assert r["gi_class"] in (lev * int(np.sign(r["gi_z"])), 0)


def test_seed_reproduces_and_is_logged(run_alg):
    x, y, _ = clustered(seed=8)
    layer = point_layer(x, y)
    base = {"INPUT": layer, "CELL_SIZE": 100, "PERMUTATIONS": 199, "OUTPUT": "TEMPORARY_OUTPUT"}
    log = Log()
    first = run_alg("hotspot:gistar", base, feedback=log)
    seed = first["SEED_USED"]
    assert isinstance(seed, int) and f"SEED = {seed}" in log.text()
    again = run_alg("hotspot:gistar", {**base, "SEED": seed})
    other = run_alg("hotspot:gistar", {**base, "SEED": seed + 1})
    p1 = [r["p_value"] for r in features(first["OUTPUT"])]
    assert p1 == [r["p_value"] for r in features(again["OUTPUT"])]
    assert p1 != [r["p_value"] for r in features(other["OUTPUT"])]


def test_automatic_cell_size_and_band_are_logged(run_alg):
    x, y, _ = clustered(n_background=400, seed=10)
    log = Log()
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "PERMUTATIONS": 0,
                                        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    cell = result["CELL_SIZE_USED"]
    assert cell in (25, 50, 100, 200, 250, 500)
    assert result["BAND_USED"] == pytest.approx(1.5 * cell)
    assert result["SEED_USED"] is None
    text = log.text()
    assert f"Cell size {cell:g} m chosen automatically" in text
    assert f"Distance band {1.5 * cell:g} m chosen automatically" in text
    # The chosen size is the smallest nice size with at least 3 incidents per occupied cell.
    for smaller in (25, 50, 100, 200, 250, 500):
        if smaller >= cell:
            break
        occupied = len(set(zip(np.floor(x / smaller), np.floor(y / smaller))))
        assert len(x) / occupied < 3


# Hexagons and polygons ---------------------------------------------------------------------------

def test_hexagon_counts_and_z_match_brute_force(run_alg):
    x, y, _ = clustered(seed=12)
    cell = 120.0
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "GRID": 1, "CELL_SIZE": cell,
                                        "PERMUTATIONS": 49, "SEED": 3, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["BAND_USED"] == pytest.approx(1.8 * cell)
    rows = features(result["OUTPUT"])
    held = 0
    for r in rows:
        g = r["geom"]
        assert g.area() == pytest.approx(math.sqrt(3) / 2 * cell * cell, rel=1e-9)
        assert len(g.asPolygon()[0]) == 7
        inside = sum(1 for px, py in zip(x, y) if g.contains(QgsPointXY(px, py)))
        assert r["count"] == inside
        held += inside
    assert held == len(x)
    z = check_z(rows, result["BAND_USED"])
    assert max(z) > 3  # the clusters show


def test_polygon_mode_counts_centroids_band_and_z(run_alg):
    x, y, _ = clustered(seed=14, size=(1000, 780))
    polys = jittered_areas()
    wijk = box(X0 - 10, Y0 - 10, X0 + 1010, Y0 + 790)
    areas = area_layer(polys + [wijk], ["buurt"] * len(polys) + ["wijk"])
    log = Log()
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "GRID": 2, "AREAS": areas,
                                        "FILTER_AREAS": "level = 'buurt'", "PERMUTATIONS": 99, "SEED": 4,
                                        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    rows = features(result["OUTPUT"])
    assert len(rows) == len(polys)
    assert result["CELL_SIZE_USED"] is None
    assert [r["code"] for r in rows] == [f"BU{k:04d}" for k in range(len(polys))]
    assert all(r["area_count"] == 7 for r in rows)  # the area's own field "count" is kept, renamed
    geoms = [QgsGeometry.fromPolygonXY([[QgsPointXY(px, py) for px, py in p]]) for p in polys]
    for r, g in zip(rows, geoms):
        inside = sum(1 for px, py in zip(x, y) if g.contains(QgsPointXY(px, py)))
        assert r["count"] == inside
    # Automatic band: the largest distance from a centroid to its nearest other centroid.
    cents = [(g.centroid().asPoint().x(), g.centroid().asPoint().y()) for g in geoms]
    band = max(min(math.hypot(a[0] - b[0], a[1] - b[1]) for b in cents if b is not a) for a in cents)
    assert result["BAND_USED"] == pytest.approx(band, rel=1e-12)
    assert "chosen automatically" in log.text()
    check_z(rows, result["BAND_USED"])


def test_point_on_a_shared_border_counts_once(run_alg):
    polys = [box(X0 + i * 100, Y0, X0 + i * 100 + 100, Y0 + 100) for i in range(4)]
    x = [X0 + 100, X0 + 150, X0 + 250, X0 + 260, X0 + 270, X0 + 10]
    y = [Y0 + 50, Y0 + 50, Y0 + 50, Y0 + 50, Y0 + 50, Y0 + 10]
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "GRID": 2,
                                        "AREAS": area_layer(polys, ["buurt"] * 4), "DISTANCE_BAND": 100,
                                        "PERMUTATIONS": 0, "OUTPUT": "TEMPORARY_OUTPUT"})
    # (X0 + 100) lies on the border of areas 0 and 1: it counts for the first, area 0.
    assert [r["count"] for r in features(result["OUTPUT"])] == [2, 1, 3, 0]


def test_study_area_limits_the_cells(run_alg):
    x, y, _ = clustered(seed=16)
    study = area_layer([box(X0, Y0, X0 + 600, Y0 + 500)], ["x"])
    log = Log()
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "CELL_SIZE": 100, "STUDY_AREA": study,
                                        "PERMUTATIONS": 0, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
    rows = features(result["OUTPUT"])
    assert len(rows) == 30
    outside = int(np.sum((x >= X0 + 600) | (y >= Y0 + 500)))
    assert sum(r["count"] for r in rows) == len(x) - outside
    assert f"{outside} incidents lie outside the study area" in log.text()
    check_z(rows, 150.0)


def test_geographic_input_is_reprojected_to_rd_new(run_alg):
    x, y, _ = clustered(seed=18)
    # Keep points well inside the 100 m cells so reprojection round-off cannot move one across an edge.
    x = np.floor(x / 100) * 100 + 20 + (x % 100) * 0.6
    y = np.floor(y / 100) * 100 + 20 + (y % 100) * 0.6
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:28992"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    lonlat = [to_wgs.transform(QgsPointXY(px, py)) for px, py in zip(x, y)]
    log = Log()
    params = {"CELL_SIZE": 100, "DISTANCE_BAND": 150, "PERMUTATIONS": 0, "OUTPUT": "TEMPORARY_OUTPUT"}
    geographic = point_layer([p.x() for p in lonlat], [p.y() for p in lonlat], crs="EPSG:4326")
    geo = run_alg("hotspot:gistar", {**params, "INPUT": geographic}, feedback=log)
    rd = run_alg("hotspot:gistar", {**params, "INPUT": point_layer(x, y)})
    assert geo["OUTPUT"].crs().authid() == "EPSG:28992"
    assert "EPSG:28992" in log.text() and "reprojected" in log.text()
    a, b = features(geo["OUTPUT"]), features(rd["OUTPUT"])
    assert [(r["count"], r["cell_id"]) for r in a] == [(r["count"], r["cell_id"]) for r in b]
    assert np.allclose([r["gi_z"] for r in a], [r["gi_z"] for r in b], atol=1e-12)


# Bad input, cancel, style ------------------------------------------------------------------------

def _empty():
    return QgsVectorLayer("Point?crs=EPSG:28992&field=weight:double", "leeg", "memory")


GRID_9 = ([X0 + 50 + 100 * (i % 3) for i in range(9)], [Y0 + 50 + 100 * (i // 3) for i in range(9)])


@pytest.mark.parametrize("case, message", [
    ("empty", "has no incidents"),
    ("filter", "No incidents pass the filter"),
    ("bad_filter", "is not valid"),
    ("equal", "have the same value"),
    ("no_areas", "The polygon mode needs an area layer"),
    ("small_band", "smaller than the cell size (100 m)"),
    ("zero_cell", "The cell size must be more than 0 m"),
    ("null_weight", "2 incidents have no weight"),
])
def test_bad_input_gives_clear_messages(run_alg, case, message):
    x, y, w = clustered(seed=20)
    params = {"INPUT": point_layer(x, y), "CELL_SIZE": 100, "PERMUTATIONS": 9, "OUTPUT": "TEMPORARY_OUTPUT"}
    if case == "empty":
        params["INPUT"] = _empty()
    elif case == "filter":
        params["FILTER"] = "category = '9.9.9'"
    elif case == "bad_filter":
        params["FILTER"] = "category = = 1"
    elif case == "equal":
        params["INPUT"] = point_layer(*GRID_9)
    elif case == "no_areas":
        params["GRID"] = 2
    elif case == "small_band":
        params["DISTANCE_BAND"] = 60
    elif case == "zero_cell":
        params["CELL_SIZE"] = 0
    elif case == "null_weight":
        w = w.astype(float)
        w[[3, 7]] = np.nan
        params.update(INPUT=point_layer(x, y, w), WEIGHT_FIELD="weight")
    with pytest.raises(QgsProcessingException) as info:
        run_alg("hotspot:gistar", params)
    assert message in str(info.value)


def test_cancel_stops_within_a_second(run_alg):
    rng = np.random.default_rng(1)
    x, y = X0 + rng.uniform(0, 20_000, 20_000), Y0 + rng.uniform(0, 20_000, 20_000)
    feedback = QgsProcessingFeedback()
    when = []

    def on_progress(p):
        if p > 30 and not when:
            when.append(time.perf_counter())
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "CELL_SIZE": 50, "PERMUTATIONS": 99_999,
                                   "SEED": 1, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert when and time.perf_counter() - when[0] < 1.0


def test_loaded_output_is_styled_and_style_saved_in_geopackage(run_alg, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext

    x, y, _ = clustered(seed=22)
    out = tmp_path / "gistar.gpkg"
    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    result = processing.runAndLoadResults("hotspot:gistar", {
        "INPUT": point_layer(x, y), "CELL_SIZE": 100, "PERMUTATIONS": 9999, "SEED": 1,
        "OUTPUT": QgsProcessingOutputLayerDefinition(str(out), project)}, context=context,
        feedback=QgsProcessingFeedback())
    loaded = [lyr for lyr in project.mapLayers().values() if lyr.source().startswith(str(out))]
    try:
        assert len(loaded) == 1
        renderer = loaded[0].renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "gi_class"
        cats = {c.value(): c for c in renderer.categories()}
        assert set(cats) == {-3, -2, -1, 0, 1, 2, 3}
        assert cats[3].symbol().color().name() == "#b2182b" and cats[-3].symbol().color().name() == "#2166ac"
        assert cats[0].symbol().color().alpha() < 100 and cats[3].label() in ("Hot spot 99%", "Hotspot 99%")
        assert result["N_HOT"] + result["N_COLD"] > 0
    finally:
        project.removeMapLayers([lyr.id() for lyr in loaded])
    con = sqlite3.connect(out)
    try:
        styles = con.execute("SELECT f_table_name, useAsDefault, styleQML FROM layer_styles").fetchall()
    finally:
        con.close()
    assert len(styles) == 1 and styles[0][1] and "gi_class" in styles[0][2]
    # Reopened, the layer brings its style along.
    again = QgsVectorLayer(f"{out}|layername={styles[0][0]}", "again", "ogr")
    again.loadDefaultStyle()
    assert again.renderer().type() == "categorizedSymbol"


def test_extent_of_output_matches_the_input(run_alg):
    x, y, _ = clustered(seed=24)
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "CELL_SIZE": 100, "PERMUTATIONS": 0,
                                        "OUTPUT": "TEMPORARY_OUTPUT"})
    ext = result["OUTPUT"].extent()
    assert ext.contains(QgsRectangle(float(x.min()), float(y.min()), float(x.max()), float(y.max())))


def test_geopackage_output_equals_memory_output_and_its_spatial_index_works(run_alg, tmp_path):
    from qgis.core import QgsFeatureRequest

    x, y, _ = clustered(seed=26)
    out = tmp_path / "cells.gpkg"
    params = {"INPUT": point_layer(x, y), "CELL_SIZE": 20, "PERMUTATIONS": 99, "SEED": 3}
    mem = features(run_alg("hotspot:gistar", {**params, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"])
    result = run_alg("hotspot:gistar", {**params, "OUTPUT": str(out)})
    layer = QgsVectorLayer(result["OUTPUT"], "cells", "ogr")
    gpkg = features(layer)
    assert len(gpkg) == len(mem) > 51 * 51  # a three-level R-tree
    names = [n for n in mem[0] if n != "geom"]
    for a, b in zip(mem, gpkg):
        assert [a[n] for n in names] == [b[n] for n in names]
        assert a["geom"].asWkt(6) == b["geom"].asWkt(6)
    con = sqlite3.connect(out)
    try:
        table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        assert con.execute(f"SELECT rtreecheck('rtree_{table}_geom')").fetchone()[0] == "ok"
        assert con.execute(f'SELECT count(*) FROM "rtree_{table}_geom"').fetchone()[0] == len(mem)
        assert con.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone()[0] == len(mem)
    finally:
        con.close()
    # A spatial filter through QGIS finds exactly the cells whose square meets the rectangle.
    rect = QgsRectangle(X0 + 333, Y0 + 251, X0 + 777, Y0 + 613)
    found = sorted(f["cell_id"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)))
    expected = sorted(r["cell_id"] for r in mem if r["geom"].boundingBox().intersects(rect))
    assert found == expected and found
    # Editing afterwards keeps the index consistent (GDAL's triggers are back).
    assert layer.startEditing()
    assert layer.deleteFeatures([f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect))])
    assert layer.commitChanges()
    con = sqlite3.connect(out)
    try:
        assert con.execute(f"SELECT rtreecheck('rtree_{table}_geom')").fetchone()[0] == "ok"
        left = con.execute(f'SELECT count(*) FROM "rtree_{table}_geom"').fetchone()[0]
        assert left == len(mem) - len(found)
    finally:
        con.close()


def test_warning_when_permutations_are_too_few_for_fdr(run_alg):
    x, y, w = clustered(seed=4)
    log = Log()
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y, w), "WEIGHT_FIELD": "weight",
                                        "CELL_SIZE": 100,
                                        "PERMUTATIONS": 99, "SEED": 2, "OUTPUT": "TEMPORARY_OUTPUT"},
                                        feedback=log)
    rows = features(result["OUTPUT"])
    # 99 permutations: the smallest p-value is 0.01, too large for the FDR cut on this grid
    assert result["N_HOT"] == result["N_COLD"] == 0
    assert max(r["gi_z"] for r in rows) > 8
    assert any("No cell is significant" in t and "999" in t for t in log.warnings)


def gpkg_points(path, x, y, weights) -> str:
    """The points as layer "incidents" of a GeoPackage (written by QGIS); returns the layer URI."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "incidents"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(point_layer(x, y, weights), str(path),
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    return f"{path}|layername=incidents"


def test_geopackage_input_gives_the_same_result_as_a_memory_layer(run_alg, tmp_path):
    x, y, w = clustered(seed=28)
    params = {"WEIGHT_FIELD": "weight", "CELL_SIZE": 100, "PERMUTATIONS": 99, "SEED": 9,
              "OUTPUT": "TEMPORARY_OUTPUT"}
    from_gpkg = run_alg("hotspot:gistar", {**params, "INPUT": gpkg_points(tmp_path / "in.gpkg", x, y, w)})
    from_memory = run_alg("hotspot:gistar", {**params, "INPUT": point_layer(x, y, w)})
    a, b = features(from_gpkg["OUTPUT"]), features(from_memory["OUTPUT"])
    names = [n for n in a[0] if n != "geom"]
    assert [[r[n] for n in names] for r in a] == [[r[n] for n in names] for r in b]
    # A NULL weight in the GeoPackage is reported with a feature id, as from any other source.
    w = w.astype(float)
    w[5] = np.nan
    with pytest.raises(QgsProcessingException, match="1 incidents have no weight .* feature 6"):
        run_alg("hotspot:gistar", {**params, "INPUT": gpkg_points(tmp_path / "null.gpkg", x, y, w)})


def test_geopackage_output_carries_its_style_also_without_loading(run_alg, tmp_path):
    x, y, _ = clustered(seed=32)
    areas = area_layer(jittered_areas(), ["buurt"] * 12)
    for grid in (0, 2, 2):  # the second polygon run overwrites the file of the first
        out = tmp_path / f"out{grid}.gpkg"
        run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "GRID": grid, "AREAS": areas, "CELL_SIZE": 100,
                                   "PERMUTATIONS": 9, "SEED": 1, "OUTPUT": str(out)})
        con = sqlite3.connect(out)
        try:
            rows = con.execute("SELECT styleName, useAsDefault FROM layer_styles").fetchall()
        finally:
            con.close()
        assert rows == [("hotspot", 1)]
        layer = QgsVectorLayer(str(out), "again", "ogr")
        layer.loadDefaultStyle()
        renderer = layer.renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "gi_class"
        # Areas get an outline, grid cells none.
        categories = renderer.categories()  # keep the copies alive while their symbols are used
        outline = categories[0].symbol().symbolLayer(0).strokeStyle()
        assert (outline == 0) == (grid == 0)  # Qt.NoPen is 0


def test_polygon_mode_with_a_study_area_uses_the_areas_whose_centroid_lies_inside(run_alg):
    x, y, _ = clustered(seed=34, size=(1000, 780))
    polys = jittered_areas()
    study = area_layer([box(X0 - 5, Y0 - 5, X0 + 620, Y0 + 800)], ["x"])
    areas = area_layer(polys, ["buurt"] * 12)
    result = run_alg("hotspot:gistar", {"INPUT": point_layer(x, y), "GRID": 2, "AREAS": areas,
                                        "STUDY_AREA": study, "DISTANCE_BAND": 400, "PERMUTATIONS": 0,
                                        "OUTPUT": "TEMPORARY_OUTPUT"})
    geoms = [QgsGeometry.fromPolygonXY([[QgsPointXY(px, py) for px, py in p]]) for p in polys]
    inside = [f"BU{k:04d}" for k, g in enumerate(geoms) if g.centroid().asPoint().x() < X0 + 620]
    rows = features(result["OUTPUT"])
    assert [r["code"] for r in rows] == inside and 0 < len(inside) < 12
    check_z(rows, 400.0)
