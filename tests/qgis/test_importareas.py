"""hotspot:importareas with files built as municipalities get them.

* a CBS-style GeoPackage (recent naming: buurtcode, buurtnaam, wijkcode, gemeentecode,
  aantal_inwoners, woningvoorraad) with CBS's secret value -99997;
* an old-style CBS shapefile (BU_CODE, BU_NAAM, WK_CODE, GM_CODE, AANT_INW, WONINGEN) in RD New
  with -99999999;
* a Statbel-like sector layer (CS01012023, T_SEC_NL, CNIS5_2023, TOTAL) in Belgian Lambert 72
  (EPSG:31370), imported into a Lambert 2008 (EPSG:3812) GeoPackage.

Expected values are the numbers written into the files; reprojected coordinates come from pyproj.
"""
from __future__ import annotations

import sqlite3

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from shapely import wkb as shapely_wkb
from shapely.geometry import box

from hotspot_plugin.core.gpkg_blob import blob_wkb

X0, Y0 = 150_000, 440_000


def write_layer(path, layer_name, epsg, fields, features, driver="GPKG"):
    """features: [(shapely polygon, {field: value})]; fields: [(name, ogr type)]."""
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path)) if not path.exists() else ogr.Open(str(path), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(layer_name, srs, ogr.wkbMultiPolygon)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for geom, values in features:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(geom.wkt)))
        for k, v in values.items():
            f.SetField(k, v)
        assert layer.CreateFeature(f) == 0
    ds = None
    return path


def cbs_recent(tmp_path, year=2023, inhabitants=(1000, -99997, 3000), name=None):
    """Three buurten of GM9999 in a row (1 km² each) and one buurt of another municipality."""
    fields = [("buurtcode", ogr.OFTString), ("buurtnaam", ogr.OFTString), ("wijkcode", ogr.OFTString),
              ("gemeentecode", ogr.OFTString), ("gemeentenaam", ogr.OFTString),
              ("aantal_inwoners", ogr.OFTInteger), ("woningvoorraad", ogr.OFTInteger)]
    feats = []
    for i, inh in enumerate(inhabitants):
        feats.append((box(X0 + 1000 * i, Y0, X0 + 1000 * (i + 1), Y0 + 1000),
                      {"buurtcode": f"BU9999010{i}", "buurtnaam": f"Buurt {i}", "wijkcode": "WK999901",
                       "gemeentecode": "GM9999", "gemeentenaam": "Proefstad", "aantal_inwoners": inh,
                       "woningvoorraad": 400 + i if inh >= 0 else -99997}))
    feats.append((box(X0, Y0 + 5000, X0 + 1000, Y0 + 6000),
                  {"buurtcode": "BU88880000", "buurtnaam": "Elders", "wijkcode": "WK888800",
                   "gemeentecode": "GM8888", "gemeentenaam": "Anderstad", "aantal_inwoners": 50,
                   "woningvoorraad": 20}))
    path = tmp_path / (name or f"wijkenbuurten_{year}_v1.gpkg")
    return write_layer(path, "buurten", 28992, fields, feats)


def areas_rows(gpkg, level=None):
    con = sqlite3.connect(str(gpkg))
    try:
        sql = "SELECT code, name, level, parent_code, inhabitants, dwellings, year, geom FROM areas"
        rows = con.execute(sql + (" WHERE level = ?" if level else "") + " ORDER BY code",
                           (level,) if level else ()).fetchall()
    finally:
        con.close()
    return [(*r[:7], shapely_wkb.loads(blob_wkb(r[7]))) for r in rows]


def test_cbs_geopackage_recent_naming_with_secret_values(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    src = cbs_recent(tmp_path)
    out = run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=buurten", "GPKG": str(gpkg), "LEVEL": 0,
                                          "MUNICIPALITY": "GM9999"})
    assert (out["INSERTED"], out["UPDATED"], out["SKIPPED"], out["UNKNOWN_INHABITANTS"]) == (3, 0, 1, 1)
    rows = areas_rows(gpkg)
    assert [r[:7] for r in rows] == [
        ("BU99990100", "Buurt 0", "buurt", "WK999901", 1000, 400, 2023),
        ("BU99990101", "Buurt 1", "buurt", "WK999901", None, None, 2023),  # -99997: secret -> unknown
        ("BU99990102", "Buurt 2", "buurt", "WK999901", 3000, 402, 2023),
    ]
    assert rows[2][7].equals(box(X0 + 2000, Y0, X0 + 3000, Y0 + 1000))
    assert rows[0][7].geom_type == "MultiPolygon"


def test_old_cbs_shapefile(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    fields = [("BU_CODE", ogr.OFTString), ("BU_NAAM", ogr.OFTString), ("WK_CODE", ogr.OFTString),
              ("GM_CODE", ogr.OFTString), ("AANT_INW", ogr.OFTInteger), ("WONINGEN", ogr.OFTInteger)]
    feats = [(box(X0, Y0, X0 + 500, Y0 + 500), {"BU_CODE": "BU00140000", "BU_NAAM": "Binnenstad",
                                                "WK_CODE": "WK001400", "GM_CODE": "GM0014", "AANT_INW": 2510,
                                                "WONINGEN": 1730}),
             (box(X0 + 500, Y0, X0 + 900, Y0 + 500), {"BU_CODE": "BU00140001", "BU_NAAM": "Haven",
                                                      "WK_CODE": "WK001400", "GM_CODE": "GM0014",
                                                      "AANT_INW": -99999999, "WONINGEN": 12})]
    shp = write_layer(tmp_path / "buurt_2018_v3.shp", "buurt_2018_v3", 28992, fields, feats,
                      driver="ESRI Shapefile")
    out = run_alg("hotspot:importareas", {"INPUT": str(shp), "GPKG": str(gpkg)})
    assert (out["INSERTED"], out["UPDATED"], out["SKIPPED"], out["UNKNOWN_INHABITANTS"]) == (2, 0, 0, 1)
    rows = areas_rows(gpkg)
    assert [r[:7] for r in rows] == [("BU00140000", "Binnenstad", "buurt", "WK001400", 2510, 1730, 2018),
                                     ("BU00140001", "Haven", "buurt", "WK001400", None, 12, 2018)]
    assert rows[1][7].area == pytest.approx(400 * 500)


def test_wijken_level_from_the_same_naming(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    fields = [("wijkcode", ogr.OFTString), ("wijknaam", ogr.OFTString), ("gemeentecode", ogr.OFTString),
              ("aantal_inwoners", ogr.OFTInteger), ("woningvoorraad", ogr.OFTInteger)]
    src = write_layer(tmp_path / "wijkenbuurten_2024_v1.gpkg", "wijken", 28992, fields,
                      [(box(X0, Y0, X0 + 2000, Y0 + 1000), {"wijkcode": "WK999901", "wijknaam": "Centrum",
                                                            "gemeentecode": "GM9999", "aantal_inwoners": 4000,
                                                            "woningvoorraad": -99995})])
    out = run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=wijken", "GPKG": str(gpkg), "LEVEL": 1})
    assert out["INSERTED"] == 1
    assert [r[:7] for r in areas_rows(gpkg)] == [("WK999901", "Centrum", "wijk", "GM9999", 4000, None, 2024)]


def test_statbel_sectors_reprojected_to_lambert_2008(make_gpkg, run_alg, tmp_path):
    from pyproj import Transformer

    gpkg = make_gpkg(CRS="EPSG:3812")
    bx, by = 150_000, 170_000  # Lambert 72, near Brussels
    fields = [("CS01012023", ogr.OFTString), ("T_SEC_NL", ogr.OFTString), ("T_SEC_FR", ogr.OFTString),
              ("CNIS5_2023", ogr.OFTString), ("T_MUN_NL", ogr.OFTString), ("TOTAL", ogr.OFTInteger)]
    feats = [(box(bx, by, bx + 800, by + 600), {"CS01012023": "21004A00-", "T_SEC_NL": "Centrum",
                                               "T_SEC_FR": "Centre", "CNIS5_2023": "21004",
                                               "T_MUN_NL": "Brussel", "TOTAL": 1234}),
             (box(bx + 800, by, bx + 1600, by + 600), {"CS01012023": "21004A01-", "T_SEC_NL": "Noord",
                                                      "CNIS5_2023": "21004", "T_MUN_NL": "Brussel"})]
    src = write_layer(tmp_path / "sh_statbel_statistical_sectors_31370_20230101.gpkg", "sectors", 31370, fields,
                      feats)
    out = run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=sectors", "GPKG": str(gpkg), "LEVEL": 3})
    assert (out["INSERTED"], out["UNKNOWN_INHABITANTS"]) == (2, 1)
    rows = areas_rows(gpkg)
    assert [r[:7] for r in rows] == [("21004A00-", "Centrum", "sector", "21004", 1234, None, 2023),
                                     ("21004A01-", "Noord", "sector", "21004", None, None, 2023)]
    to_3812 = Transformer.from_crs("EPSG:31370", "EPSG:3812", always_xy=True)
    cx, cy = to_3812.transform(bx + 400, by + 300)
    centroid = rows[0][7].centroid
    assert abs(centroid.x - cx) < 2.0 and abs(centroid.y - cy) < 2.0  # Lambert 72 -> 2008: ~500 km shift
    assert abs(centroid.x - (bx + 400)) > 100_000
    assert rows[0][7].area == pytest.approx(800 * 600, rel=1e-3)


def test_newer_year_updates_by_code_and_older_year_is_skipped(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    old = cbs_recent(tmp_path, 2022, inhabitants=(900, 100, 2900))
    new = cbs_recent(tmp_path, 2023, inhabitants=(1000, -99997, 3000))
    first = run_alg("hotspot:importareas", {"INPUT": f"{old}|layername=buurten", "GPKG": str(gpkg),
                                            "MUNICIPALITY": "GM9999"})
    assert (first["INSERTED"], first["UPDATED"]) == (3, 0)
    second = run_alg("hotspot:importareas", {"INPUT": f"{new}|layername=buurten", "GPKG": str(gpkg),
                                             "MUNICIPALITY": "GM9999"})
    assert (second["INSERTED"], second["UPDATED"]) == (0, 3)
    rows = areas_rows(gpkg)
    assert [(r[0], r[4], r[6]) for r in rows] == [("BU99990100", 1000, 2023), ("BU99990101", None, 2023),
                                                  ("BU99990102", 3000, 2023)]
    # the 2022 map again: older numbers never overwrite newer ones (three skipped with a reason, plus
    # the buurt of the other municipality)
    feedback = Collecting()
    out = run_alg("hotspot:importareas", {"INPUT": f"{old}|layername=buurten", "GPKG": str(gpkg),
                                          "MUNICIPALITY": "GM9999"}, feedback=feedback)
    assert (out["INSERTED"], out["UPDATED"], out["SKIPPED"]) == (0, 0, 4)
    assert any("newer year 2023" in w for w in feedback.warnings)
    assert [(r[0], r[4], r[6]) for r in areas_rows(gpkg)] == [("BU99990100", 1000, 2023), ("BU99990101", None, 2023),
                                                              ("BU99990102", 3000, 2023)]


class Collecting(QgsProcessingFeedback):
    def __init__(self, cancel_at=None):
        super().__init__()
        self.warnings = []
        self.cancel_at = cancel_at

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.warnings.append(text)
        super().pushWarning(text)

    def setProgress(self, value):  # noqa: N802 - QGIS API
        super().setProgress(value)
        if self.cancel_at is not None and value >= self.cancel_at:
            self.cancel()


def test_cancel_halfway_leaves_the_geopackage_unchanged(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    first = cbs_recent(tmp_path, 2022, inhabitants=(900, 100, 2900))
    run_alg("hotspot:importareas", {"INPUT": f"{first}|layername=buurten", "GPKG": str(gpkg)})
    before = areas_rows(gpkg)
    many = cbs_recent(tmp_path, 2023, inhabitants=tuple(range(100, 140)), name="wijkenbuurten_2023_many.gpkg")
    feedback = Collecting(cancel_at=75)  # the upsert runs from 50% to 100%: cancelled after about half of it
    with pytest.raises(QgsProcessingException, match="(?i)cancel"):
        run_alg("hotspot:importareas", {"INPUT": f"{many}|layername=buurten", "GPKG": str(gpkg)},
                feedback=feedback)
    assert feedback.progress() < 100
    assert areas_rows(gpkg) == before


def test_missing_code_field_is_a_clear_error(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    src = write_layer(tmp_path / "vlakken.gpkg", "vlakken", 28992, [("omschrijving", ogr.OFTString)],
                      [(box(X0, Y0, X0 + 10, Y0 + 10), {"omschrijving": "iets"})])
    with pytest.raises(QgsProcessingException, match="Choose the code field.*omschrijving"):
        run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=vlakken", "GPKG": str(gpkg)})
    with pytest.raises(QgsProcessingException, match="no field"):
        run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=vlakken", "GPKG": str(gpkg),
                                        "CODE_FIELD": "bestaatniet"})
    assert areas_rows(gpkg) == []


def test_field_mapping_for_any_polygon_layer(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    fields = [("id_gebied", ogr.OFTString), ("titel", ogr.OFTString), ("bewoners", ogr.OFTString)]
    src = write_layer(tmp_path / "eigen_gebieden.gpkg", "gebieden", 28992, fields,
                      [(box(X0, Y0, X0 + 100, Y0 + 100), {"id_gebied": "A1", "titel": "Plein", "bewoners": "1.250"}),
                       (box(X0 + 100, Y0, X0 + 200, Y0 + 100), {"id_gebied": "A1", "titel": "Dubbel"}),
                       (box(X0 + 200, Y0, X0 + 300, Y0 + 100), {"titel": "Zonder code"})])
    out = run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=gebieden", "GPKG": str(gpkg),
                                          "CODE_FIELD": "id_gebied", "NAME_FIELD": "titel",
                                          "INHABITANTS_FIELD": "bewoners", "YEAR": 2025})
    assert (out["INSERTED"], out["SKIPPED"]) == (1, 2)
    assert [r[:7] for r in areas_rows(gpkg)] == [("A1", "Plein", "buurt", None, 1250, None, 2025)]


def test_scan_gets_inhabitants_and_rates_from_imported_buurten(make_gpkg, run_alg, write_csv, tmp_path):
    """A scan area [300, 700]² inside buurt 0 (1000 inhabitants on 1 km²): 0.16 km² -> 160 inhabitants."""
    gpkg = make_gpkg()
    src = cbs_recent(tmp_path)
    run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=buurten", "GPKG": str(gpkg), "MUNICIPALITY": "GM9999"})
    rows = [["registratienummer", "datum", "soort", "x", "y"]]
    rows += [[f"r{i}", f"2024-0{1 + i % 9}-1{i % 9}T1{i % 10}:00", "1.1.1", str(X0 + 400 + i), str(Y0 + 500)]
             for i in range(8)]
    run_alg("hotspot:importincidents", {"INPUT": str(write_csv(rows)), "GPKG": str(gpkg)})
    from hotspot_plugin.storage.scans import load_scan

    area = box(X0 + 300, Y0 + 300, X0 + 700, Y0 + 700)
    out = run_alg("hotspot:environmentscan", {"GPKG": str(gpkg), "PERIOD_START": "2024-01-01",
                                              "PERIOD_END": "2024-12-31", "AREA_WKT": area.wkt})
    res = load_scan(str(gpkg), out["SCAN_UUID"]).results
    assert res.geography["inhabitants"]["area"] == pytest.approx(160.0)
    total = next(g for g in res.groups if g["kind"] == "total")
    assert total["area"]["n"] == 8
    assert total["area"]["per_1000"] == pytest.approx(8 / 160 * 1000)


def test_geopackage_made_before_the_year_column(make_gpkg, run_alg, tmp_path):
    from hotspot_plugin.storage import gpkg as gpkg_store

    gpkg = make_gpkg()
    con = gpkg_store.connect(str(gpkg), write=True)
    con.execute("ALTER TABLE areas DROP COLUMN year")
    con.close()
    src = cbs_recent(tmp_path)
    out = run_alg("hotspot:importareas", {"INPUT": f"{src}|layername=buurten", "GPKG": str(gpkg),
                                          "MUNICIPALITY": "GM9999"})
    assert out["INSERTED"] == 3
    assert [(r[0], r[4], r[6]) for r in areas_rows(gpkg)][0] == ("BU99990100", 1000, 2023)
