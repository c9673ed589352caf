"""Issue #13: "outside the study area" as its own reason, and the import's fast path against its oracle.

A real safety GeoPackage gets two square buurten (hotspot:importareas); incidents inside,
1 m outside, between them, outside NL/BE and with x/y swapped are imported. The expected reasons
are written out by hand. The fast path (whole columns) must store the same rows and reject the
same rows with the same reasons as the per-row checks alone (the oracle) on a hostile file.
"""
from __future__ import annotations

import sqlite3

from osgeo import ogr, osr
from shapely.geometry import box

from hotspot_plugin.storage.importer import FieldMapping, import_incidents

A = box(150_000, 440_000, 151_000, 441_000)  # buurt A
B = box(152_000, 440_000, 153_000, 441_000)  # buurt B, 1 km east of A
OUTSIDE_AREA = "Outside the study area (the buurten/wijken in the GeoPackage)"


def with_buurten(gpkg, run_alg, tmp_path):
    path = tmp_path / "buurten.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    layer = ds.CreateLayer("buurten", srs, ogr.wkbMultiPolygon)
    for name in ("buurtcode", "buurtnaam", "gemeentecode"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for code, geom in (("BU99990001", A), ("BU99990002", B)):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(geom.wkt)))
        f.SetField("buurtcode", code)
        f.SetField("buurtnaam", code)
        f.SetField("gemeentecode", "GM9999")
        assert layer.CreateFeature(f) == 0
    ds = None
    out = run_alg("hotspot:importareas", {"INPUT": f"{path}|layername=buurten", "GPKG": str(gpkg), "LEVEL": 0})
    assert out["INSERTED"] == 2
    return gpkg


ROWS = [["id", "datum", "soort", "x", "y"],
        ["r1", "01-03-2025 10:00", "1.1.1", "150500", "440500"],  # inside A
        ["r2", "01-03-2025 10:00", "1.1.1", "150100", "440900"],  # inside A
        ["r3", "01-03-2025 10:00", "1.1.1", "152500", "440500"],  # inside B
        ["r4", "01-03-2025 10:00", "1.1.1", "152900", "440100"],  # inside B
        ["r5", "01-03-2025 10:00", "1.1.1", "151000", "440500"],  # on A's east edge: inside
        ["r6", "01-03-2025 10:00", "1.1.1", "151001", "440500"],  # 1 m east of A: outside the area
        ["r7", "01-03-2025 10:00", "1.1.1", "151500", "440500"],  # between A and B: outside the area
        ["r8", "01-03-2025 10:00", "1.1.1", "155000", "-100000"],  # in France: outside NL/BE
        ["r9", "01-03-2025 10:00", "1.1.1", "440600", "150600"],  # x and y swapped
        ["r10", "01-03-2025 10:00", "1.1.1", "151999,5", "440000"]]  # 0.5 m west of B: outside


def rejected(result_layer):
    return sorted((f["row"], f["reason"]) for f in result_layer.getFeatures())


def test_outside_the_study_area_is_its_own_reason(make_gpkg, run_alg, write_csv, tmp_path):
    gpkg = with_buurten(make_gpkg(), run_alg, tmp_path)
    path = write_csv(ROWS)
    out = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg), "REJECTED": "TEMPORARY_OUTPUT"})
    assert (out["IMPORTED"], out["REJECTED_COUNT"]) == (5, 5)
    from qgis.core import QgsProcessingContext  # noqa: F401 - the sink is a layer id in a fresh context
    layer = out["REJECTED"]
    if isinstance(layer, str):
        import processing

        layer = processing.getObject(layer)
    assert rejected(layer) == [
        (6, OUTSIDE_AREA),
        (7, OUTSIDE_AREA),
        (8, "Coordinates lie outside the Netherlands and Belgium (x=155000, y=-100000): check their CRS"),
        (9, "x and y seem swapped (x=440600, y=150600)"),
        (10, OUTSIDE_AREA)]
    con = sqlite3.connect(str(gpkg))
    try:
        assert sorted(r[0] for r in con.execute("SELECT source_id FROM incidents")) == ["r1", "r2", "r3", "r4", "r5"]
    finally:
        con.close()


def test_keep_outside_areas_and_no_areas_import_them(make_gpkg, run_alg, write_csv, tmp_path):
    path = write_csv(ROWS)
    kept = {"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r10"}
    gpkg = with_buurten(make_gpkg("kept.gpkg"), run_alg, tmp_path)
    out = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg), "KEEP_OUTSIDE_AREAS": True,
                                              "REJECTED": "TEMPORARY_OUTPUT"})
    assert (out["IMPORTED"], out["REJECTED_COUNT"]) == (8, 2)
    bare = make_gpkg("no_areas.gpkg")
    out = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(bare), "REJECTED": "TEMPORARY_OUTPUT"})
    assert (out["IMPORTED"], out["REJECTED_COUNT"]) == (8, 2)
    for g in (gpkg, bare):
        con = sqlite3.connect(str(g))
        try:
            assert {r[0] for r in con.execute("SELECT source_id FROM incidents")} == kept
        finally:
            con.close()


# A hostile file: every notation the fast path reads, and many it must leave to the per-row checks.
HOSTILE = [["nr", "datum", "tijd", "einddatum", "soort", "x", "y", "gewicht", "omschrijving"]]
_CASES = [
    ("2024-03-05 14:30", "", "", "1.1.1", "152000", "443000", "", "straat é"),
    ("2024-03-05T14:30:15", "", "", "1.1.1", "152001", "443000", "", "ë"),
    ("2024-03-05", "", "", "1.2.3", "152002", "443000", "", ""),
    ("05-03-2024 14:30", "", "", "1.1.1", "152003,5", "443000,25", "2,5", "café"),
    ("05/03/2024", "09:05", "", "1.1.1", "152004", "443000", "", ""),
    ("05.03.2024 14.30", "", "", "1.1.1", "152005", "443000", "", ""),
    ("05-03-2024", "1430", "", "1.1.1", "152006", "443000", "", ""),
    ("05-03-2024 10:00", "22:15", "", "1.1.1", "152007", "443000", "", ""),  # separate time wins
    ("31-02-2024", "", "", "1.1.1", "152008", "443000", "", ""),  # does not exist
    ("29-02-2023", "", "", "1.1.1", "152009", "443000", "", ""),  # does not exist
    ("29-02-2024", "", "", "1.1.1", "152010", "443000", "", ""),  # leap day
    ("2024-13-01", "", "", "1.1.1", "152011", "443000", "", ""),
    ("5-3-2024", "", "", "1.1.1", "152012", "443000", "", ""),  # one digit: per row
    ("05-03-2024 24:00", "", "", "1.1.1", "152013", "443000", "", ""),
    ("05-03-2024", "25:00", "", "1.1.1", "152014", "443000", "", ""),
    ("05-03-2024", "abc", "", "1.1.1", "152015", "443000", "", ""),
    ("05-03-2024", "9:05", "", "1.1.1", "152016", "443000", "", ""),
    ("01-01-2099", "", "", "1.1.1", "152017", "443000", "", ""),  # future
    ("01-01-1899", "", "", "1.1.1", "152018", "443000", "", ""),  # before 1900
    (" 05-03-2024", "", "", "1.1.1", "152019", "443000", "", ""),  # a space first
    ("", "", "", "1.1.1", "152020", "443000", "", ""),  # no date
    ("05-03-2024", "", "", "1.1.1", "152.021,5", "443000", "", ""),  # thousands separator
    ("05-03-2024", "", "", "1.1.1", "443000", "152022", "", ""),  # swapped
    ("05-03-2024", "", "", "1.1.1", "", "443000", "", ""),  # no x
    ("05-03-2024", "", "", "1.1.1", "abc", "443000", "", ""),  # unreadable x
    ("05-03-2024", "", "", "Zwerfvuil", "152023", "443000", "", ""),  # unknown category
    ("05-03-2024", "", "", "", "152024", "443000", "", ""),  # no category
    ("05-03-2024", "", "", "1.1.1", "152025", "443000", "-1", ""),  # negative weight
    ("05-03-2024", "", "", "1.1.1", "152026", "443000", "x", ""),  # unreadable weight
    ("05-03-2024 18:00", "", "06-03-2024 07:30", "1.1.1", "152027", "443000", "", ""),  # crime window
    ("05-03-2024 18:00", "", "04-03-2024", "1.1.1", "152028", "443000", "", ""),  # end before begin
    ("05-03-2024", "", "06-03-2024 07:30", "1.1.1", "152029", "443000", "", ""),  # end with time only
    ("05-03-2024 18:00", "", "05-03-2024", "1.1.1", "152030", "443000", "", ""),  # same day
    ("05-03-2024", "", "garbage", "1.1.1", "152031", "443000", "", ""),  # unreadable end
    ("2024-03-05 14:30:00Z", "", "", "1.1.1", "152032", "443000", "", ""),  # zone: per row
    ("05-03-2024  14:30", "", "", "1.1.1", "152033", "443000", "", ""),  # two spaces
    ("05-03-2024 14:30", "", "", "1.1.1", "152034", "443000", "0", ""),  # weight 0
]
for _k, _case in enumerate(_CASES * 3):  # three times: duplicate source ids and contents too
    HOSTILE.append([f"N{_k % 40}" if _k % 5 else "", *_case])


def stored(gpkg):
    con = sqlite3.connect(str(gpkg))
    try:
        return con.execute("SELECT geom, uuid, occurred_at, occurred_end, category, safety_field, weight, source, "
                           "source_id, description, dedup_key, time_known, address FROM incidents "
                           "ORDER BY dedup_key").fetchall()
    finally:
        con.close()


def test_fast_path_equals_the_per_row_checks_on_a_hostile_file(make_gpkg, tmp_path):
    path = tmp_path / "vijandig.csv"
    path.write_bytes("\r\n".join(";".join(r) for r in HOSTILE).encode("cp1252") + b"\r\n")
    mapping = FieldMapping(date="datum", category="soort", x="x", y="y", time="tijd", end_date="einddatum",
                           weight="gewicht", source_id="nr", description="omschrijving")
    reports = {}
    for fast in (True, False):
        gpkg = make_gpkg(f"fast_{fast}.gpkg")
        reports[fast] = (gpkg, import_incidents(None, str(gpkg), mapping, "EPSG:28992", "vijandig", csv_path=str(path),
                                                fast=fast))
    (g_fast, r_fast), (g_slow, r_slow) = reports[True], reports[False]
    assert r_slow.imported > 10 and r_slow.rejected_count > 30  # the file is hostile indeed
    assert stored(g_fast) == stored(g_slow)
    assert [(r.row, r.render()) for r in r_fast.rejected] == [(r.row, r.render()) for r in r_slow.rejected]
    assert r_fast.unmapped == r_slow.unmapped and r_fast.time_unknown == r_slow.time_unknown
    assert r_fast.encoding == r_slow.encoding == "cp1252"
    descriptions = {r[9] for r in stored(g_fast)}
    assert {"straat é", "ë", "café"} <= descriptions
