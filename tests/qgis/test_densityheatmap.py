"""hotspot:densityheatmap through processing.run, against a brute-force kernel density written here.

The reference loops over the raster's rows and the points and evaluates every kernel from its
textbook formula at the distance between the point and the cell's true centre; a cell counts as
reached when d <= R (with the relative tolerance 1e-9 the core documents, so that exact ties at
d = R count). The GeoTIFF is read back with rasterio.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import rasterio
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
ALG = "hotspot:densityheatmap"
X0, Y0 = 150_000.0, 450_000.0  # RD New
NODATA = -9999.0


# Test data ---------------------------------------------------------------------------------------

def write_gpkg(path: Path, points, fields=(), epsg: int = 28992, layer: str = "incidents",
               geom_type=ogr.wkbPoint) -> str:
    """A GeoPackage point layer; points are (x, y, {field: value or None}); returns its URI."""
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(layer, srs, geom_type)
    for name, kind in fields:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    lyr.StartTransaction()
    for x, y, values in points:
        feature = ogr.Feature(lyr.GetLayerDefn())
        if x is not None:
            geom = ogr.Geometry(ogr.wkbPoint)
            geom.AddPoint_2D(float(x), float(y))
            feature.SetGeometry(geom)
        for name, value in (values or {}).items():
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        lyr.CreateFeature(feature)
    lyr.CommitTransaction()
    ds = None
    return f"{path}|layername={layer}"


def memory_layer(points, crs: str = "EPSG:28992", fields=()) -> QgsVectorLayer:
    uri = f"Point?crs={crs}" + "".join(f"&field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(uri, "points", "memory")
    feats = []
    for x, y, values in points:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        for name, value in (values or {}).items():
            f.setAttribute(name, value)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def clustered_points(n: int = 80, seed: int = 5):
    rng = np.random.default_rng(seed)
    centres = np.array([[300.0, 400.0], [620.0, 250.0], [500.0, 700.0]])
    pts = centres[rng.integers(0, 3, n)] + rng.normal(0, 60, (n, 2))
    pts = np.vstack([pts, rng.uniform(0, 900, (n // 4, 2))])
    return pts + [X0, Y0]


class LogFeedback(QgsProcessingFeedback):
    """Collects the log (info and warnings)."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 - QGIS API
        self.lines.append(warning)
        super().pushWarning(warning)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# Reference -------------------------------------------------------------------------------------

def kernel_value(kernel: int, t: np.ndarray, decay: float) -> np.ndarray:
    t = np.minimum(t, 1.0)
    if kernel == 0:
        return (1 - t ** 2) ** 2
    if kernel == 1:
        return 1 - (1 - decay) * t
    if kernel == 2:
        return np.ones_like(t)
    if kernel == 3:
        return (1 - t ** 2) ** 3
    return 1 - t ** 2


def kernel_constant(kernel: int, radius: float, decay: float) -> float:
    area = math.pi * radius ** 2
    return {0: 3 / area, 1: 3 / ((1 + 2 * decay) * area), 2: 1 / area, 3: 4 / area, 4: 2 / area}[kernel]


def brute_force(xs, ys, weights, radii, transform, shape, kernel=0, scaled=False, decay=0.0):
    """(values, reached) on the raster whose geotransform and shape are given."""
    rows, cols = shape
    pixel, x0, y0 = transform.a, transform.c, transform.f
    assert transform.e == -pixel and transform.b == 0 and transform.d == 0
    values = np.zeros(shape)
    reached = np.zeros(shape, dtype=bool)
    xc = x0 + (np.arange(cols) + 0.5) * pixel
    for i in range(rows):
        yc = y0 - (i + 0.5) * pixel
        for x, y, w, r in zip(xs, ys, weights, radii):
            d = np.hypot(xc - x, yc - y)
            near = d <= r * (1 + 1e-9)
            if not near.any():
                continue
            k = kernel_value(kernel, d[near] / r, decay)
            if scaled:
                k = k * kernel_constant(kernel, r, decay)
            values[i, near] += w * k
            reached[i, near] = True
    return values, reached


def read_raster(path):
    with rasterio.open(path) as ds:
        return ds.read(1), ds.transform, ds.nodata, ds.crs, ds.profile


def assert_matches(path, xs, ys, weights=None, radii=None, radius=None, kernel=0, scaled=False, decay=0.0,
                   inside=None):
    data, transform, nodata, _crs, _profile = read_raster(path)
    assert nodata == NODATA
    n = len(xs)
    weights = np.ones(n) if weights is None else np.asarray(weights, float)
    radii = np.full(n, float(radius)) if radii is None else np.asarray(radii, float)
    ref, reached = brute_force(xs, ys, weights, radii, transform, data.shape, kernel, scaled, decay)
    if inside is not None:
        reached &= inside
    valid = data != NODATA
    assert reached.any()
    assert np.array_equal(valid, reached), f"{np.count_nonzero(valid != reached)} cells differ in nodata"
    peak = np.abs(ref[reached]).max()
    diff = np.abs(data[valid].astype(np.float64) - ref[valid]).max()
    assert diff <= 1e-5 * peak, (diff, peak)
    return data, transform


def run(run_alg, params, feedback=None, context=None):
    return run_alg(ALG, params, feedback=feedback, context=context)


# Exact values ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kernel", [0, 1, 2, 3, 4])
def test_every_kernel_raw_and_scaled_equals_brute_force(run_alg, tmp_path, kernel):
    pts = clustered_points()
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {}) for x, y in pts])
    decay = 0.4 if kernel == 1 else 0.0
    for scaled, radius in ((0, 45.0), (1, 23.0)):  # 4.5 pixels (polynomial rows), 2.3 (cell by cell)
        out = tmp_path / f"k{kernel}_{scaled}.tif"
        result = run(run_alg, {"INPUT": uri, "RADIUS": radius, "PIXEL_SIZE": 10, "KERNEL": kernel,
                               "DECAY": decay, "OUTPUT_VALUE": scaled, "SNAP": True, "OUTPUT": str(out)})
        data, transform = assert_matches(out, pts[:, 0], pts[:, 1], radius=radius, kernel=kernel,
                                         scaled=bool(scaled), decay=decay)
        # snapped grid (SNAP on; off by default since issue #12): edges on multiples of the pixel
        # size, covering the points + radius
        assert transform.c % 10 == 0 and transform.f % 10 == 0
        assert transform.c <= pts[:, 0].min() - radius and transform.f >= pts[:, 1].max() + radius
        assert result["MAX_VALUE"] == pytest.approx(float(data[data != NODATA].max()), rel=1e-6)
        assert result["POINT_COUNT"] == len(pts)


def test_scaled_quartic_integrates_to_one(run_alg, tmp_path):
    uri = write_gpkg(tmp_path / "p.gpkg", [(X0 + 500.0, Y0 + 500.0, {})])
    out = tmp_path / "one.tif"
    run(run_alg, {"INPUT": uri, "RADIUS": 200, "PIXEL_SIZE": 5, "OUTPUT_VALUE": 1, "OUTPUT": str(out)})
    data = read_raster(out)[0]
    assert float(data[data != NODATA].sum()) * 25 == pytest.approx(1.0, rel=1e-3)  # not 7.25 as in 3.22


def test_weights_and_radius_field_with_nulls(run_alg, tmp_path):
    pts = clustered_points(40, seed=9)
    rng = np.random.default_rng(2)
    w = rng.uniform(0.5, 3.0, len(pts))
    r = rng.uniform(20.0, 80.0, len(pts))
    rows = [(x, y, {"w": float(wi), "r": float(ri)}) for (x, y), wi, ri in zip(pts, w, r)]
    rows += [(X0 + 400, Y0 + 400, {"w": None, "r": 50.0}),  # NULL weight: left out
             (X0 + 410, Y0 + 420, {"w": 2.0, "r": None}),   # NULL radius: left out
             (X0 + 420, Y0 + 430, {"w": 2.0, "r": 0.0}),    # zero radius: left out
             (None, None, {"w": 1.0, "r": 30.0})]           # no geometry: left out
    uri = write_gpkg(tmp_path / "p.gpkg", rows, fields=[("w", ogr.OFTReal), ("r", ogr.OFTReal)])
    feedback = LogFeedback()
    out = tmp_path / "wr.tif"
    result = run(run_alg, {"INPUT": uri, "WEIGHT_FIELD": "w", "RADIUS_FIELD": "r", "PIXEL_SIZE": 10,
                           "SNAP": True, "OUTPUT": str(out)}, feedback)
    assert_matches(out, pts[:, 0], pts[:, 1], weights=w, radii=r)
    assert result["POINT_COUNT"] == len(pts)
    assert result["USED_RADIUS"] == pytest.approx(r.max())
    assert "1 points have no weight" in feedback.text
    assert "2 points have an empty, zero or negative radius" in feedback.text
    assert "1 features have no location" in feedback.text
    # the iterator path (a memory layer) treats them the same
    mem = memory_layer([(x, y, v) for x, y, v in rows if x is not None],
                       fields=[("w", "double"), ("r", "double")])
    out2 = tmp_path / "wr2.tif"
    run(run_alg, {"INPUT": mem, "WEIGHT_FIELD": "w", "RADIUS_FIELD": "r", "PIXEL_SIZE": 10,
                  "SNAP": True, "OUTPUT": str(out2)})
    assert np.array_equal(read_raster(out)[0], read_raster(out2)[0])


def test_points_at_exact_radius_and_on_cell_edges(run_alg, tmp_path):
    # pixel 10 on a snapped grid: multiples of 10 are cell edges, +5 cell centres. Radius 25 from a
    # corner or an edge point reaches cell centres at exactly 25 (15-20-25 and 5-0-25 triangles); the
    # centre point with radius 30 reaches centres at exactly 30.
    pts = [(X0 + 200, Y0 + 300, 25.0), (X0 + 320, Y0 + 305, 25.0), (X0 + 455, Y0 + 405, 30.0),
           (X0 + 200, Y0 + 305, 25.0)]
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {"r": r}) for x, y, r in pts], fields=[("r", ogr.OFTReal)])
    xs, ys, rs = (np.array([p[i] for p in pts]) for i in range(3))
    for kernel in (2, 0):  # uniform (1 at d = R), quartic (0 at d = R, still not nodata)
        out = tmp_path / f"edge{kernel}.tif"
        run(run_alg, {"INPUT": uri, "RADIUS_FIELD": "r", "PIXEL_SIZE": 10, "KERNEL": kernel, "SNAP": True,
                      "OUTPUT": str(out)})
        data, transform = assert_matches(out, xs, ys, radii=rs, kernel=kernel)
        # the cell centre 25 m east of the corner point (X0 + 200, Y0 + 300) is reached
        col = int((X0 + 225 - transform.c) // 10)
        row = int((transform.f - (Y0 + 305)) // 10)
        if kernel == 0:
            assert data[row, col] == 0.0
        else:
            assert data[row, col] >= 1.0


def test_single_point(run_alg, tmp_path):
    uri = write_gpkg(tmp_path / "p.gpkg", [(X0 + 123.4, Y0 + 567.8, {})])
    out = tmp_path / "single.tif"
    run(run_alg, {"INPUT": uri, "RADIUS": 100, "PIXEL_SIZE": 10, "KERNEL": 3, "OUTPUT": str(out)})
    data, _ = assert_matches(out, [X0 + 123.4], [Y0 + 567.8], radius=100, kernel=3)
    assert data.max() == pytest.approx(1.0, abs=0.05)
    with pytest.raises(QgsProcessingException, match="at least two points"):
        run(run_alg, {"INPUT": uri, "OUTPUT": str(tmp_path / "s2.tif")})


def mask_polygon_rd() -> QgsGeometry:
    corners = [(203.3, 151.7), (761.1, 233.9), (702.2, 807.4), (417.7, 611.1), (251.9, 702.6), (203.3, 151.7)]
    return QgsGeometry.fromWkt("POLYGON((" + ", ".join(f"{X0 + x} {Y0 + y}" for x, y in corners) + "))")


def test_mask_in_another_crs(run_alg, tmp_path):
    pts = clustered_points()
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {}) for x, y in pts])
    rd, wgs = QgsCoordinateReferenceSystem("EPSG:28992"), QgsCoordinateReferenceSystem("EPSG:4326")
    to_wgs = QgsCoordinateTransform(rd, wgs, QgsProject.instance())
    poly = mask_polygon_rd()
    poly.transform(to_wgs)
    mask = QgsVectorLayer("Polygon?crs=EPSG:4326", "mask", "memory")
    f = QgsFeature()
    f.setGeometry(poly)
    mask.dataProvider().addFeatures([f])
    feedback = LogFeedback()
    out = tmp_path / "mask.tif"
    run(run_alg, {"INPUT": uri, "RADIUS": 60, "PIXEL_SIZE": 10, "MASK": mask, "OUTPUT": str(out)}, feedback)
    assert "reprojected from EPSG:4326 to EPSG:28992" in feedback.text
    # the reference: cell centres inside the mask polygon brought back to RD New by QGIS
    back = QgsGeometry(poly)
    back.transform(QgsCoordinateTransform(wgs, rd, QgsProject.instance()))
    data, transform, *_ = read_raster(out)
    inside = np.zeros(data.shape, dtype=bool)
    engine = QgsGeometry.createGeometryEngine(back.constGet())
    engine.prepareGeometry()
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            x, y = transform.c + (j + 0.5) * 10, transform.f - (i + 0.5) * 10
            centre = QgsGeometry.fromPointXY(QgsPointXY(x, y))  # kept alive while constGet() is used
            inside[i, j] = engine.contains(centre.constGet())
    assert inside.any() and not inside.all()
    assert_matches(out, pts[:, 0], pts[:, 1], radius=60, inside=inside)
    # the grid is cut to the mask's extent
    bb = back.boundingBox()
    assert transform.c >= bb.xMinimum() - 10 and transform.f <= bb.yMaximum() + 10


def test_mask_that_does_not_overlap_is_refused(run_alg, tmp_path):
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {}) for x, y in clustered_points()])
    far = QgsVectorLayer("Polygon?crs=EPSG:28992", "far", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromRect(QgsGeometry.fromWkt(f"POINT({X0 + 5000} {Y0})").buffer(100, 4)
                                       .boundingBox()))
    far.dataProvider().addFeatures([f])
    out = tmp_path / "far.tif"
    with pytest.raises(QgsProcessingException, match="mask does not overlap"):
        run(run_alg, {"INPUT": uri, "RADIUS": 50, "PIXEL_SIZE": 10, "MASK": far, "OUTPUT": str(out)})
    # within the grid's extent, but beyond the points' reach: refused after the run, no file left
    hole = QgsVectorLayer("Polygon?crs=EPSG:28992", "hole", "memory")
    f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({X0 - 300} {Y0 + 1150}, {X0 - 250} {Y0 + 1150}, "
                                      f"{X0 - 250} {Y0 + 1200}, {X0 - 300} {Y0 + 1150}))"))
    hole.dataProvider().addFeatures([f])
    with pytest.raises(QgsProcessingException, match="None of the density lies inside the mask"):
        run(run_alg, {"INPUT": uri, "RADIUS": 50, "PIXEL_SIZE": 10, "MASK": hole,
                      "EXTENT": f"{X0 - 400},{X0 + 1000},{Y0 - 100},{Y0 + 1300} [EPSG:28992]",
                      "OUTPUT": str(out)})
    assert not out.exists() and not list(tmp_path.glob("*.part"))


# QGIS's grid ----------------------------------------------------------------------------------

def qgis_reached(pts, extent, shape, radius, pixel):
    """The cells QGIS 3.22's heatmap reaches (maths.md): a window of b cells around each point,
    distances in y measured from a row counted from the bottom, written to a row counted from the top."""
    xmin, ymin = extent.xMinimum() - radius, extent.yMinimum() - radius  # the grown bounds
    ymax = extent.yMaximum() + radius
    b = int(radius / pixel) + (1 if radius - pixel * int(radius / pixel) > 0.5 else 0)
    reached = np.zeros(shape, dtype=bool)
    for x, y in pts:
        xpos, ypos = int((x - xmin) / pixel - b), int((y - ymin) / pixel - b)
        ypos_io = int((ymax - y) / pixel - b)
        for xp in range(2 * b + 1):
            for yp in range(2 * b + 1):
                cx = (xpos + xp + 0.5) * pixel + xmin
                cy = (ypos + yp + 0.5) * pixel + ymin
                if math.sqrt((cx - x) ** 2 + (cy - y) ** 2) <= radius:
                    reached[ypos_io + yp, xpos + xp] = True
    return reached


def _qgis_and_ours(run_alg, tmp_path, layer, name, radius, pixel):
    ours, theirs = tmp_path / f"{name}_ours.tif", tmp_path / f"{name}_qgis.tif"
    run(run_alg, {"INPUT": layer, "RADIUS": radius, "PIXEL_SIZE": pixel, "SNAP": False, "OUTPUT": str(ours)})
    run_alg("qgis:heatmapkerneldensityestimation", {"INPUT": layer, "RADIUS": radius, "PIXEL_SIZE": pixel,
                                                    "OUTPUT": str(theirs)})
    return read_raster(ours), read_raster(theirs)


def test_without_snap_the_grid_is_qgis_own(run_alg, tmp_path):
    rng = np.random.default_rng(3)
    # random points: the same grid; the nodata patterns differ only by QGIS's one-row shift
    pts = rng.uniform(0, 1000, (40, 2)) + [X0, Y0]
    uri = write_gpkg(tmp_path / "r.gpkg", [(x, y, {}) for x, y in pts])
    (a, ta, na, ca, _), (b, tb, nb, cb, _) = _qgis_and_ours(run_alg, tmp_path, uri, "random", 40, 10)
    assert ta == tb and a.shape == b.shape and na == nb == NODATA and ca == cb
    assert_matches(tmp_path / "random_ours.tif", pts[:, 0], pts[:, 1], radius=40)
    extent = QgsVectorLayer(uri, "r", "ogr").extent()
    assert (ta.c, ta.f) == (extent.xMinimum() - 40, extent.yMaximum() + 40)
    assert np.array_equal(b != NODATA, qgis_reached(pts, extent, b.shape, 40, 10))
    # points whose y lies on a half pixel of QGIS's grid, R / pixel whole, height / pixel whole: there
    # QGIS's y quirk vanishes, so the nodata patterns are identical and so are the raw values
    pts = rng.integers(0, 190, (40, 2)) * 5.0 + [X0, Y0]
    pts[0, 1], pts[1, 1] = Y0, Y0 + 950.0
    layer = memory_layer([(x, y, {}) for x, y in pts])
    (a, ta, *_), (b, tb, *_) = _qgis_and_ours(run_alg, tmp_path, layer, "half", 40, 10)
    ext = layer.extent()
    assert (ta.c, ta.f) == (ext.xMinimum() - 40, ext.yMaximum() + 40) and ta == tb
    assert a.shape == (math.ceil((ext.height() + 80) / 10) + 1, math.ceil((ext.width() + 80) / 10) + 1)
    assert np.array_equal(a == NODATA, b == NODATA)
    valid = a != NODATA
    assert np.abs(a[valid] - b[valid]).max() <= 1e-5 * a.max()


# Reading paths, CRS --------------------------------------------------------------------------------

def test_gpkg_uri_uses_arrow_and_equals_iterator(run_alg, tmp_path):
    pts = clustered_points(300, seed=4)
    rng = np.random.default_rng(1)
    w = rng.uniform(0, 2, len(pts))
    uri = write_gpkg(tmp_path / "inc.gpkg", [(x, y, {"weight": float(v)}) for (x, y), v in zip(pts, w)],
                     fields=[("weight", ogr.OFTReal)])
    common = {"RADIUS": 70, "PIXEL_SIZE": 10, "WEIGHT_FIELD": "weight",
              "EXTENT": f"{X0 - 100},{X0 + 1000},{Y0 - 100},{Y0 + 1000} [EPSG:28992]"}
    fast, slow = LogFeedback(), LogFeedback()
    run(run_alg, {"INPUT": uri, "OUTPUT": str(tmp_path / "fast.tif"), **common}, fast)
    source = QgsProcessingFeatureSourceDefinition(uri, False, 10 ** 9)  # a feature limit: iterator
    run(run_alg, {"INPUT": source, "OUTPUT": str(tmp_path / "slow.tif"), **common}, slow)
    assert "GDAL Arrow stream" in fast.text and "QGIS feature iterator" in slow.text
    a, b = read_raster(tmp_path / "fast.tif")[0], read_raster(tmp_path / "slow.tif")[0]
    assert np.array_equal(a, b)
    assert_matches(tmp_path / "fast.tif", pts[:, 0], pts[:, 1], weights=w, radius=70)


def test_filter_expression(run_alg, tmp_path):
    pts = clustered_points(60, seed=8)
    cats = ["1.1.1" if k % 3 else "2.2.1" for k in range(len(pts))]
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {"category": c}) for (x, y), c in zip(pts, cats)],
                     fields=[("category", ogr.OFTString)])
    out = tmp_path / "f.tif"
    result = run(run_alg, {"INPUT": uri, "FILTER": "category = '1.1.1'", "RADIUS": 50, "PIXEL_SIZE": 10,
                           "OUTPUT": str(out)})
    keep = np.array([c == "1.1.1" for c in cats])
    assert result["POINT_COUNT"] == keep.sum()
    assert_matches(out, pts[keep, 0], pts[keep, 1], radius=50)


def _geographic_layer(tmp_path, lon, lat, name):
    wgs = QgsCoordinateReferenceSystem("EPSG:4326")
    rng = np.random.default_rng(6)
    lonlat = np.column_stack([lon + rng.normal(0, 0.004, 60), lat + rng.normal(0, 0.003, 60)])
    return write_gpkg(tmp_path / f"{name}.gpkg", [(x, y, {}) for x, y in lonlat], epsg=4326), lonlat, wgs


@pytest.mark.parametrize("lon,lat,epsg", [(5.12, 52.09, 28992), (3.72, 51.05, 3812), (13.4, 52.5, 32633)])
def test_geographic_input_is_reprojected(run_alg, tmp_path, lon, lat, epsg):
    uri, lonlat, wgs = _geographic_layer(tmp_path, lon, lat, f"g{epsg}")
    feedback = LogFeedback()
    out = tmp_path / f"g{epsg}.tif"
    result = run(run_alg, {"INPUT": uri, "RADIUS": 150, "PIXEL_SIZE": 20, "OUTPUT": str(out)}, feedback)
    assert f"reprojected to EPSG:{epsg}" in feedback.text
    data, transform, _nodata, crs, _ = read_raster(out)
    assert crs.to_epsg() == epsg and transform.a == 20 and result["USED_RADIUS"] == 150
    ct = QgsCoordinateTransform(wgs, QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), QgsProject.instance())
    xy = np.array([[p.x(), p.y()] for p in (ct.transform(QgsPointXY(*ll)) for ll in lonlat)])
    assert_matches(out, xy[:, 0], xy[:, 1], radius=150)


def test_geographic_radius_in_degrees_is_refused(run_alg, tmp_path):
    uri, *_ = _geographic_layer(tmp_path, 5.12, 52.09, "deg")
    with pytest.raises(QgsProcessingException, match="looks like degrees"):
        run(run_alg, {"INPUT": uri, "RADIUS": 0.002, "PIXEL_SIZE": 20, "OUTPUT": str(tmp_path / "d.tif")})


# Bad input -------------------------------------------------------------------------------------

def test_bad_inputs_have_clear_messages(run_alg, tmp_path):
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {"category": "1.1.1", "w": None})
                                           for x, y in clustered_points(20)],
                     fields=[("category", ogr.OFTString), ("w", ogr.OFTReal)])
    empty = write_gpkg(tmp_path / "e.gpkg", [])
    out = str(tmp_path / "bad.tif")
    cases = [
        ({"INPUT": empty, "RADIUS": 50}, "has no features"),
        ({"INPUT": uri, "RADIUS": 50, "FILTER": "category = 'x'"}, "No feature of .* matches the filter"),
        ({"INPUT": uri, "RADIUS": 50, "FILTER": "category = = 'x'"}, "filter expression .* is not valid"),
        ({"INPUT": uri, "RADIUS": 0}, "radius must be larger than 0"),
        ({"INPUT": uri, "RADIUS": -10}, "radius must be larger than 0"),
        ({"INPUT": uri, "RADIUS": 50, "PIXEL_SIZE": 0}, "pixel size must be larger than 0"),
        ({"INPUT": uri, "RADIUS": 50, "PIXEL_SIZE": -5}, "pixel size must be larger than 0"),
        ({"INPUT": uri, "RADIUS": 50, "WEIGHT_FIELD": "w"},
         "None of the 25 features can be used: 25 without a weight"),
        ({"INPUT": uri, "RADIUS": 50, "PIXEL_SIZE": 0.0001}, "more than the"),
        ({"INPUT": uri, "RADIUS": 50, "KERNEL": 1, "DECAY": -0.5, "OUTPUT_VALUE": 1}, "negative decay"),
    ]
    for params, message in cases:
        with pytest.raises(QgsProcessingException, match=message):
            run(run_alg, {"OUTPUT": out, **params})
            pytest.fail(f"no error for {params}")
        assert not Path(out).exists()
    with pytest.raises(QgsProcessingException, match="could not be written to"):
        run(run_alg, {"INPUT": uri, "RADIUS": 50, "OUTPUT": str(tmp_path / "p.gpkg" / "in_a_file.tif")})
    with pytest.raises(QgsProcessingException, match="extension .tif"):
        run(run_alg, {"INPUT": uri, "RADIUS": 50, "OUTPUT": str(tmp_path / "heatmap.asc")})
    assert not list(tmp_path.glob("*.part"))


def test_extent_without_points_gives_an_empty_raster_with_a_warning(run_alg, tmp_path):
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {}) for x, y in clustered_points(20)])
    feedback = LogFeedback()
    out = tmp_path / "empty.tif"
    run(run_alg, {"INPUT": uri, "RADIUS": 50, "PIXEL_SIZE": 10, "OUTPUT": str(out),
                  "EXTENT": f"{X0 + 5000},{X0 + 5500},{Y0},{Y0 + 500} [EPSG:28992]"}, feedback)
    assert (read_raster(out)[0] == NODATA).all()
    assert "heatmap is empty" in feedback.text


class CancelAt(QgsProcessingFeedback):
    """Cancels when the progress passes ``at`` percent."""

    def __init__(self, at: float):
        super().__init__()
        self.at = at
        self.cancelled_at = None

    def setProgress(self, progress):  # noqa: N802 - QGIS API
        super().setProgress(progress)
        if progress >= self.at and self.cancelled_at is None:
            self.cancelled_at = time.perf_counter()
            self.cancel()


def test_cancel_halfway_stops_quickly_and_leaves_no_file(run_alg, tmp_path):
    rng = np.random.default_rng(0)
    pts = rng.uniform(0, 3000, (40_000, 2)) + [X0, Y0]
    uri = write_gpkg(tmp_path / "many.gpkg", [(x, y, None) for x, y in pts])
    out = tmp_path / "out" / "cancelled.tif"
    feedback = CancelAt(30.0)
    with pytest.raises(QgsProcessingException):
        run(run_alg, {"INPUT": uri, "RADIUS": 300, "PIXEL_SIZE": 2, "OUTPUT": str(out)}, feedback)
    stopped_after = time.perf_counter() - feedback.cancelled_at
    assert stopped_after < 1.0
    assert not out.exists() and not list(out.parent.glob("*"))
    # it really stopped early: the rest of the uncancelled run (70 %) takes much longer
    t0 = time.perf_counter()
    run(run_alg, {"INPUT": uri, "RADIUS": 300, "PIXEL_SIZE": 2, "OUTPUT": str(out)})
    assert out.exists()
    assert stopped_after < 0.3 * (time.perf_counter() - t0)


# Style -----------------------------------------------------------------------------------------

def _assert_heatmap_style(layer, maximum):
    renderer = layer.renderer()
    assert renderer.type() == "singlebandpseudocolor"
    function = renderer.shader().rasterShaderFunction()
    ok, *rgba = function.shade(0.0)
    assert ok and rgba[3] == 0  # zero is transparent
    ok, *rgba = function.shade(maximum)
    assert ok and rgba[3] > 200 and rgba[0] > rgba[1] and rgba[0] > rgba[2]  # opaque, red


def test_output_is_loaded_with_the_colour_ramp_and_has_a_qml(run_alg, tmp_path):
    uri = write_gpkg(tmp_path / "p.gpkg", [(x, y, {}) for x, y in clustered_points()])
    out = tmp_path / "styled.tif"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = run(run_alg, {"INPUT": uri, "RADIUS": 80, "PIXEL_SIZE": 10,
                           "OUTPUT": QgsProcessingOutputLayerDefinition(str(out), QgsProject.instance())},
                 context=context)
    path = result["OUTPUT"]
    assert context.willLoadLayerOnCompletion(path)
    post = context.layerToLoadOnCompletionDetails(path).postProcessor()
    assert post is not None
    options = QgsRasterLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsRasterLayer(path, "heatmap", "gdal", options)
    assert layer.renderer().type() != "singlebandpseudocolor"
    post.postProcessLayer(layer, context, QgsProcessingFeedback())
    _assert_heatmap_style(layer, result["MAX_VALUE"])
    assert layer.dataProvider().sourceNoDataValue(1) == NODATA
    # the .qml sidecar gives the same style when the file is opened later
    assert out.with_suffix(".qml").exists()
    _assert_heatmap_style(QgsRasterLayer(str(out), "again"), result["MAX_VALUE"])
    _data, _t, _n, crs, profile = read_raster(out)
    assert profile["tiled"] and profile["compress"] == "deflate" and profile["dtype"] == "float32"
    assert crs.to_epsg() == 28992


# Big raster --------------------------------------------------------------------------------------

def test_big_raster_is_streamed_with_bounded_memory(tmp_path):
    """14000 x 14000 cells (1.8 GB as float64 values + mask at once) in a fresh process whose GDAL
    block cache is limited to 64 MB: the peak memory stays far below that, and rows are exact."""
    script = textwrap.dedent(f"""
        import sys, json
        sys.path.insert(0, {str(ROOT / 'scripts')!r})
        import qgis_app
        qgis_app.start()
        import processing
        from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsVectorLayer

        def hwm():
            with open('/proc/self/status') as fh:
                return next(int(l.split()[1]) // 1024 for l in fh if l.startswith('VmHWM'))

        layer = QgsVectorLayer('Point?crs=EPSG:28992', 'p', 'memory')
        feats = []
        for k in range(50):
            f = QgsFeature()
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1000 + 270 * k + 0.3, 13000 - 260 * k + 0.7)))
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
        before = hwm()
        processing.run('hotspot:densityheatmap', {{'INPUT': layer, 'RADIUS': 30, 'PIXEL_SIZE': 1,
                        'EXTENT': '0,14000,0,14000 [EPSG:28992]', 'OUTPUT': {str(tmp_path / 'big.tif')!r}}},
                       feedback=QgsProcessingFeedback())
        print(json.dumps({{'before': before, 'after': hwm()}}))
    """)
    env = dict(os.environ, GDAL_CACHEMAX="64")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    mem = json.loads(done.stdout.strip().splitlines()[-1])
    assert mem["after"] - mem["before"] < 500, mem  # MiB; unstreamed values alone would be 1500 MiB
    pts = np.array([[1000 + 270 * k + 0.3, 13000 - 260 * k + 0.7] for k in range(50)])
    with rasterio.open(tmp_path / "big.tif") as ds:
        assert ds.shape == (14000, 14000) and ds.block_shapes[0] == (256, 256)
        for row0 in (985, 12950):
            window = rasterio.windows.Window(0, row0, 14000, 30)
            data = ds.read(1, window=window)
            ref, reached = brute_force(pts[:, 0], pts[:, 1], np.ones(50), np.full(50, 30.0),
                                       ds.window_transform(window), data.shape)
            assert reached.any() and np.array_equal(data != NODATA, reached)
            assert np.abs(data[reached] - ref[reached]).max() <= 1e-5 * ref.max()
