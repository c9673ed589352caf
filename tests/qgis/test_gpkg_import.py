"""Create a safety GeoPackage and import incidents into it: good rows, bad rows, failures."""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from hotspot_plugin.core import schema
from hotspot_plugin.core.categories import DEFAULT_CATEGORIES
from tests.qgis.conftest import count, output_layer, table_snapshot

HEADER = ["registratienummer", "datum", "soort", "x", "y"]
GOOD = [
    ["PL1", "03-01-2025 22:15", "1.1.1 Diefstal/inbraak woning", "152000", "443000"],
    ["PL2", "2025-01-04T08:30:00", "1.2.3", "152100,5", "443050"],
    ["PL3", "05-01-2025", "2.5.2 Winkeldiefstal", "152200", "443100"],
]


def import_params(csv_path, gpkg_path, **extra):
    params = {"INPUT": f"{csv_path}", "GPKG": str(gpkg_path), "REJECTED": "TEMPORARY_OUTPUT"}
    params.update(extra)
    return params


def test_create_has_every_layer_categories_and_styles(make_gpkg):
    path = make_gpkg()
    con = sqlite3.connect(path)
    contents = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
    for layer in schema.LAYERS:
        assert contents[layer.name] == ("features" if layer.geometry else "attributes")
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{layer.name}")')]
        assert set(layer.field_names()) <= set(cols)
    srs = {r[0] for r in con.execute("SELECT srs_id FROM gpkg_geometry_columns")}
    assert srs == {28992}
    cats = {r[0]: r[1] for r in con.execute("SELECT code, safety_field FROM categories")}
    assert cats == {c.code: c.safety_field for c in DEFAULT_CATEGORIES}
    styled = {r[0] for r in con.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    assert styled == set(schema.SPATIAL_LAYERS)
    con.close()
    # QGIS opens each layer with its stored default style (not the single-symbol default).
    layer = QgsVectorLayer(f"{path}|layername=incidents", "i", "ogr")
    assert layer.isValid()
    message, ok = layer.loadDefaultStyle()
    assert ok, message
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "safety_field"


def test_create_refuses_existing_file_and_geographic_crs(make_gpkg, run_alg, tmp_path):
    path = make_gpkg()
    before = path.read_bytes()
    with pytest.raises(QgsProcessingException, match="already exists"):
        run_alg("hotspot:createsafetygpkg", {"OUTPUT": str(path), "ADD_LAYERS": False})
    assert path.read_bytes() == before
    with pytest.raises(QgsProcessingException, match="geographic"):
        run_alg("hotspot:createsafetygpkg", {"OUTPUT": str(tmp_path / "wgs.gpkg"), "CRS": "EPSG:4326",
                                             "ADD_LAYERS": False})
    assert not (tmp_path / "wgs.gpkg").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hotspot-")]


def test_import_good_rows_guessing_columns(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    csv_path = write_csv([HEADER, *GOOD])
    result = run_alg("hotspot:importincidents", import_params(csv_path, gpkg))
    assert (result["IMPORTED"], result["DUPLICATES"], result["REJECTED_COUNT"]) == (3, 0, 0)
    con = sqlite3.connect(gpkg)
    rows = con.execute("SELECT source_id, occurred_at, category, safety_field, weight, source, import_batch "
                       "FROM incidents ORDER BY source_id").fetchall()
    assert rows[0] == ("PL1", "2025-01-03T22:15:00.000", "1.1.1", "woon_leefomgeving", 3.0, "incidenten",
                       result["BATCH_ID"])
    assert rows[1][1:3] == ("2025-01-04T08:30:00.000", "1.2.3")
    assert rows[2][1:4] == ("2025-01-05T00:00:00.000", "2.5.2", "bedrijvigheid")
    batch = con.execute("SELECT rows_read, rows_imported, rows_rejected FROM import_batches").fetchall()
    assert batch == [(3, 3, 0)]
    con.close()
    # Geometry: read back through QGIS, in RD New, where the file said; the spatial index works.
    layer = QgsVectorLayer(f"{gpkg}|layername=incidents", "i", "ogr")
    points = {f["source_id"]: f.geometry().asPoint() for f in layer.getFeatures()}
    assert (points["PL2"].x(), points["PL2"].y()) == (152100.5, 443050.0)
    assert layer.extent().xMinimum() == 152000.0 and layer.extent().yMaximum() == 443100.0
    from qgis.core import QgsFeatureRequest, QgsRectangle

    hits = [f["source_id"] for f in layer.getFeatures(QgsFeatureRequest(QgsRectangle(152050, 443000,
                                                                                       152150, 443060)))]
    assert hits == ["PL2"]


def test_second_import_adds_nothing(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    csv_path = write_csv([HEADER, *GOOD])
    first = run_alg("hotspot:importincidents", import_params(csv_path, gpkg))
    before = table_snapshot(gpkg)
    feedback = QgsProcessingFeedback()
    messages = []
    feedback.pushWarning = messages.append
    result = run_alg("hotspot:importincidents", import_params(csv_path, gpkg), feedback=feedback)
    assert (result["IMPORTED"], result["DUPLICATES"]) == (0, 3)
    assert any("imported before" in m for m in messages)
    assert table_snapshot(gpkg) == before
    layer = output_layer(result["REJECTED"])
    assert {f["reason"] for f in layer.getFeatures()} == {"Already imported before (import %s)" % first["BATCH_ID"]}


def test_bad_rows_are_rejected_with_reasons_and_good_ones_imported(make_gpkg, write_csv, run_alg, tmp_path):
    gpkg = make_gpkg()
    rows = [HEADER, *GOOD,
            ["B1", "", "1.1.1", "152000", "443000"],                   # no date
            ["B2", "31-02-2025", "1.1.1", "152000", "443000"],         # date does not exist
            ["B3", "gisteren", "1.1.1", "152000", "443000"],           # unreadable date
            ["B4", "03-01-2025", "9.9.9 Verzonnen", "152000", "443000"],  # unknown category
            ["B5", "03-01-2025", "1.1.1", "", "443000"],               # no x
            ["B6", "03-01-2025", "1.1.1", "443000", "152000"],         # x/y swapped
            ["B7", "03-01-2025", "1.1.1", "5.12", "52.09"],            # degrees as RD
            ["B8", "03-01-2025", "1.1.1", "900000", "900000"],         # far away
            ["B9", "03-01-2099", "1.1.1", "152000", "443000"],         # future
            ["PL1", "03-01-2025 22:15", "1.1.1 Diefstal/inbraak woning", "152000", "443000"],  # dup in file
            ]
    out = tmp_path / "afgewezen.csv"
    result = run_alg("hotspot:importincidents", import_params(write_csv(rows), gpkg, REJECTED=str(out)))
    assert result["IMPORTED"] == 3
    assert result["REJECTED_COUNT"] == 10
    layer = QgsVectorLayer(str(out), "r", "ogr")
    reasons = {f["registratienummer"]: f["reason"] for f in layer.getFeatures()}
    row_numbers = {f["registratienummer"]: int(f["row"]) for f in layer.getFeatures()
                   if f["registratienummer"] != "PL1"}
    assert row_numbers["B1"] == 4 and row_numbers["B9"] == 12
    assert reasons["B1"] == "No date"
    assert reasons["B2"] == "Date '31-02-2025' does not exist (no such day or time)"  # issue #13
    assert reasons["B3"].startswith("Unreadable date 'gisteren'")
    assert reasons["B4"].startswith("Unknown category '9.9.9 Verzonnen'")
    assert reasons["B5"] == "No coordinates"
    assert reasons["B6"].startswith("x and y seem swapped")
    assert reasons["B7"].startswith("Coordinates look like degrees")
    assert reasons["B8"].startswith("Coordinates lie outside the Netherlands and Belgium")
    assert reasons["B9"] == "Date 03-01-2099 lies in the future"  # no made-up 00:00 (issue #13)
    assert reasons["PL1"] == "Same incident as row 1 of this file"  # data rows count from 1
    assert count(gpkg) == 3


def test_wgs84_columns_are_reprojected(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    csv_path = write_csv([["id", "date", "category", "lon", "lat"],
                          ["1", "2025-03-01 12:00", "1.4.5", "5.387206", "52.155174"]])  # Amersfoort OLV-toren
    result = run_alg("hotspot:importincidents", import_params(csv_path, gpkg))
    assert result["IMPORTED"] == 1
    layer = QgsVectorLayer(f"{gpkg}|layername=incidents", "i", "ogr")
    point = next(layer.getFeatures()).geometry().asPoint()
    assert point.x() == pytest.approx(155000, abs=2) and point.y() == pytest.approx(463000, abs=2)


def test_point_layer_input_uses_its_geometry_and_crs(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=when:datetime&field=soort:string&field=ernst:double",
                           "in", "memory")
    from qgis.PyQt.QtCore import QDateTime

    feats = []
    for i, (lon, lat, w) in enumerate([(5.387206, 52.155174, 2.5), (5.39, 52.16, None)]):
        f = QgsFeature(layer.fields())
        f.setAttributes([QDateTime(2025, 2, 1 + i, 21, 5), "1.4.5 Mishandeling", w])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        feats.append(f)
    empty = QgsFeature(layer.fields())
    empty.setAttributes([QDateTime(2025, 2, 3, 9, 0), "1.4.5", None])
    feats.append(empty)
    layer.dataProvider().addFeatures(feats)
    path = tmp_path / "punten.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(),
                                                    options)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg), "DATE_FIELD": "when",
                                                 "CATEGORY_FIELD": "soort", "WEIGHT_FIELD": "ernst",
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert (result["IMPORTED"], result["REJECTED_COUNT"]) == (2, 1)
    con = sqlite3.connect(gpkg)
    got = con.execute("SELECT occurred_at, weight FROM incidents ORDER BY occurred_at").fetchall()
    assert got == [("2025-02-01T21:05:00.000", 2.5), ("2025-02-02T21:05:00.000", 4.0)]  # NULL -> category weight
    con.close()


def test_missing_column_is_a_clear_error(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    csv_path = write_csv([["nummer", "wanneer", "wat"], ["1", "01-01-2025", "1.1.1"]])
    with pytest.raises(QgsProcessingException, match="date column"):
        run_alg("hotspot:importincidents", import_params(csv_path, gpkg))
    with pytest.raises(QgsProcessingException, match="not in the input: x: 'x'"):
        run_alg("hotspot:importincidents", import_params(csv_path, gpkg, DATE_FIELD="wanneer",
                                                         CATEGORY_FIELD="wat", X_FIELD="x", Y_FIELD="y"))
    with pytest.raises(QgsProcessingException, match="no point geometry"):
        run_alg("hotspot:importincidents", import_params(csv_path, gpkg, DATE_FIELD="wanneer",
                                                         CATEGORY_FIELD="wat"))
    assert table_snapshot(gpkg) == before


def test_all_rows_bad_changes_nothing_and_says_why(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    swapped = [[r[0], r[1], r[2], r[4], r[3]] for r in GOOD]
    with pytest.raises(QgsProcessingException, match="None of the 3 rows.*x and y seem swapped"):
        run_alg("hotspot:importincidents", import_params(write_csv([HEADER, *swapped]), gpkg))
    assert table_snapshot(gpkg) == before


def test_empty_file(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    with pytest.raises(QgsProcessingException, match="no rows"):
        run_alg("hotspot:importincidents", import_params(write_csv([HEADER]), gpkg))
    assert table_snapshot(gpkg) == before


def test_not_a_safety_gpkg(write_csv, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run_alg("hotspot:importincidents", import_params(write_csv([HEADER, *GOOD]), tmp_path / "nope.gpkg"))
    other = tmp_path / "other.gpkg"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(QgsProcessingException, match="not a GeoPackage"):
        run_alg("hotspot:importincidents", import_params(write_csv([HEADER, *GOOD]), other))


@pytest.fixture()
def read_only(tmp_path):
    """Make a file really read-only, also for root (immutable attribute); undone afterwards."""
    made = []

    def make(path):
        if os.geteuid() == 0:
            if shutil.which("chattr") is None:
                pytest.skip("chattr (e2fsprogs) is not installed")
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
                pytest.skip("chattr +i is not available on this file system")
        else:
            os.chmod(path, stat.S_IRUSR)
        made.append(path)

    yield make
    for path in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_gpkg(make_gpkg, write_csv, run_alg, read_only):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    read_only(gpkg)
    with pytest.raises(QgsProcessingException, match="read-only"):
        run_alg("hotspot:importincidents", import_params(write_csv([HEADER, *GOOD]), gpkg))
    assert table_snapshot(gpkg) == before


def test_locked_gpkg(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    blocker = sqlite3.connect(gpkg, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(QgsProcessingException, match="locked"):
            run_alg("hotspot:importincidents", import_params(write_csv([HEADER, *GOOD]), gpkg))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert table_snapshot(gpkg) == before


def test_cancel_changes_nothing(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    rows = [HEADER] + [[f"C{i}", "01-06-2025 10:00", "1.2.3", str(150000 + i), "443000"] for i in range(3000)]
    feedback = QgsProcessingFeedback()
    seen = []

    def progress(p):
        seen.append(p)
        if p > 90:
            feedback.cancel()

    feedback.progressChanged.connect(progress)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("hotspot:importincidents", import_params(write_csv(rows), gpkg), feedback=feedback)
    assert max(seen) > 90
    assert table_snapshot(gpkg) == before


def test_add_safety_layers_styled_in_one_group(make_gpkg, qgis_new_project):
    from hotspot_plugin.storage.layers import LAYER_ORDER, add_safety_layers

    gpkg = make_gpkg()
    group = add_safety_layers(str(gpkg), QgsProject.instance())
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == len(LAYER_ORDER)
    incidents = next(lyr for lyr in layers if lyr.source().endswith("layername=incidents"))
    assert incidents.renderer().type() == "categorizedSymbol"
    findings = next(lyr for lyr in layers if lyr.source().endswith("layername=schouw_findings"))
    assert {c.value() for c in findings.renderer().categories()} == {"groen", "oranje", "rood"}


def test_xlsx_with_real_dates_and_shapefile(make_gpkg, run_alg, tmp_path):
    """Spreadsheets give typed cells (dates, numbers); shapefiles give point geometry."""
    from osgeo import ogr, osr

    gpkg = make_gpkg()
    xlsx = tmp_path / "meldingen.xlsx"
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(str(xlsx))
    layer = ds.CreateLayer("Blad1", None, ogr.wkbNone)
    for name, kind in (("Meldingnummer", ogr.OFTString), ("Datum", ogr.OFTDateTime), ("Categorie", ogr.OFTString),
                       ("X", ogr.OFTReal), ("Y", ogr.OFTReal), ("Gewicht", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for i, (when, code, weight) in enumerate([((2025, 3, 1, 23, 30, 0, 0), "M.1", 2.0),
                                              ((2025, 3, 2, 8, 0, 0, 0), "Graffiti", None)]):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("Meldingnummer", f"MOR-{i}")
        f.SetField("Datum", *when)
        f.SetField("Categorie", code)
        f.SetField("X", 152000.0 + i)
        f.SetField("Y", 443000.0)
        if weight is not None:
            f.SetField("Gewicht", weight)
        layer.CreateFeature(f)
    ds = None
    result = run_alg("hotspot:importincidents", {"INPUT": f"{xlsx}|layername=Blad1", "GPKG": str(gpkg),
                                                 "WEIGHT_FIELD": "Gewicht", "REJECTED": "TEMPORARY_OUTPUT"})
    assert (result["IMPORTED"], result["REJECTED_COUNT"]) == (2, 0)
    con = sqlite3.connect(gpkg)
    got = con.execute("SELECT source_id, occurred_at, category, weight FROM incidents ORDER BY source_id").fetchall()
    con.close()
    assert got == [("MOR-0", "2025-03-01T23:30:00.000", "M.1", 2.0), ("MOR-1", "2025-03-02T08:00:00.000", "M.6", 0.5)]

    shp = tmp_path / "punten.shp"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(shp))
    layer = ds.CreateLayer("punten", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("datum", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("soort", ogr.OFTString))
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetField("datum", "14-02-2025 21:00")
    f.SetField("soort", "1.1.1")
    f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (153000 444000)"))
    layer.CreateFeature(f)
    ds = None
    result = run_alg("hotspot:importincidents", {"INPUT": str(shp), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert result["IMPORTED"] == 1
    assert count(gpkg, where="occurred_at = '2025-02-14T21:00:00.000' AND category = '1.1.1'") == 1


def test_imported_times_compare_correctly_in_qgis_filters(make_gpkg, write_csv, run_alg):
    """occurred_at is written as GDAL writes DATETIME, so QGIS's SQL-compiled filters see midnight."""
    from qgis.core import QgsFeatureRequest

    gpkg = make_gpkg()
    run_alg("hotspot:importincidents", import_params(write_csv([HEADER, *GOOD]), gpkg))
    layer = QgsVectorLayer(f"{gpkg}|layername=incidents", "i", "ogr")
    request = QgsFeatureRequest().setFilterExpression('"occurred_at" >= make_datetime(2025, 1, 5, 0, 0, 0)')
    assert [f["source_id"] for f in layer.getFeatures(request)] == ["PL3"]
    first = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression("\"source_id\" = 'PL1'")))
    assert first["occurred_at"].toString("yyyy-MM-dd HH:mm:ss") == "2025-01-03 22:15:00"


# ---------------------------------------------------------------------------------- issue #13 (speed)

def test_spatial_index_stays_right_over_imports_packed_inserted_and_repacked(make_gpkg, write_csv, run_alg):
    """The incidents' R-tree is packed on a first import, added to row by row by a small second one
    and repacked by a large third one; after each SQLite's rtreecheck passes and a QGIS spatial
    filter finds exactly the points inside the rectangle (counted from the written coordinates)."""
    from qgis.core import QgsFeatureRequest, QgsRectangle

    from hotspot_plugin.storage import rtree

    gpkg = make_gpkg()
    written = []  # (x, y) of every imported incident
    rect = QgsRectangle(151200, 442300, 152700, 443900)

    def run(n, first, name):
        rows = [HEADER]
        for k in range(first, first + n):
            x, y = 150000 + (k * 7919) % 4000 + 0.5, 441000 + (k * 104729) % 4000 + 0.25
            rows.append([f"PL{k}", "03-01-2025 22:15", "1.1.1", str(x), str(y)])
            written.append((x, y))
        result = run_alg("hotspot:importincidents", import_params(write_csv(rows, name), gpkg))
        assert result["IMPORTED"] == n
        con = sqlite3.connect(gpkg)
        try:
            assert con.execute("SELECT rtreecheck('rtree_incidents_geom')").fetchone()[0] == "ok"
            assert con.execute("SELECT count(*) FROM rtree_incidents_geom").fetchone()[0] == len(written)
            missing = con.execute("SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM "
                                  "rtree_incidents_geom r WHERE r.id = i.fid)").fetchone()[0]
            assert missing == 0
        finally:
            con.close()
        layer = QgsVectorLayer(f"{gpkg}|layername=incidents", "i", "ogr")
        found = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)))
        expected = sum(1 for x, y in written if rect.contains(QgsPointXY(x, y)))
        assert found == expected and found > 0

    run(3000, 0, "a.csv")  # packed into the empty index
    assert rtree.REPACK_MIN > 40
    run(40, 3000, "b.csv")  # few: SQLite's own insertion
    assert rtree.REPACK_MIN <= 6000 and 6000 >= rtree.REPACK_FRACTION * 3040
    run(6000, 3040, "c.csv")  # many: the whole index repacked


def test_extent_from_the_rtree_root_is_the_extent_of_every_entry(tmp_path):
    """storage.rtree.extent reads the root node only; SQLite's full scan is the oracle (an empty
    index, a one-node tree and a three-level packed tree)."""
    import numpy as np

    from hotspot_plugin.storage import rtree

    con = sqlite3.connect(str(tmp_path / "r.sqlite"), isolation_level=None)
    con.execute("CREATE VIRTUAL TABLE rt USING rtree(id, minx, maxx, miny, maxy)")
    assert rtree.extent(con, "rt") == (None, None, None, None)
    rng = np.random.default_rng(3)
    for n in (5, 100_000):
        con.execute("BEGIN")
        con.execute("DELETE FROM rt")
        x, y = rng.uniform(-1e5, 3e5, n), rng.uniform(3e5, 6e5, n)
        rtree.add_boxes(con, "rt", np.arange(1, n + 1), x, x + 1.5, y, y + 2.5)
        con.execute("COMMIT")
        assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"
        full = con.execute("SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rt").fetchone()
        assert rtree.extent(con, "rt") == tuple(full)
    con.close()
