"""Issue #13: exports as municipalities get them, imported with nothing silently lost.

Police registrations (semicolon CSV with BOM, Dutch dates, decimal commas, X-coördinaat),
cp1252 from Excel, UTF-16, MOR exports with WGS84 and their own category labels; the
reliability cases (two imports at once, a hot journal, '#' in a folder name, a full disk, a
shapefile without .prj, an overlong line). Expected values are written out by hand.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication

from tests.qgis.conftest import count, table_snapshot

POLICE_HEADER = ["Registratienummer", "Pleegdatum", "Pleegtijd", "Einddatum", "Eindtijd", "Soort misdrijf",
                 "X-coördinaat", "Y-coördinaat", "Straat", "Huisnummer", "Postcode", "Omschrijving"]


def write_bytes(path: Path, rows, encoding: str, delimiter: str = ";", bom: bytes = b"") -> Path:
    text = "\r\n".join(delimiter.join(cells) for cells in rows) + "\r\n"
    path.write_bytes(bom + text.encode(encoding))
    return path


def rows_of(gpkg, sql):
    con = sqlite3.connect(gpkg)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_police_export_with_bom_dutch_dates_and_decimal_commas(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    rows = [POLICE_HEADER,
            ["PL0901-1", "03-01-2025", "22:15", "", "", "1.1.1 Diefstal/inbraak woning", "152000,5", "443000,25",
             "Kerkstraat", "12", "1234 AB", "inbraak achterdeur"],
            # the same address, the same day, later: a second burglary, not "the same incident"
            ["PL0901-2", "03-01-2025", "23:40", "", "", "1.1.1", "152000,5", "443000,25", "Kerkstraat", "12",
             "1234 AB", ""],
            # no time of day: stored as unknown, never as 00:00
            ["PL0901-3", "04-01-2025", "", "", "", "1.2.3", "152100", "443100", "", "", "", ""],
            # a crime window: begin and end
            ["PL0901-4", "05-01-2025", "18:00", "06-01-2025", "07:30", "1.1.1", "152200", "443200", "Dorpsweg",
             "3a", "", ""]]
    path = write_bytes(tmp_path / "politie.csv", rows, "utf-8", bom=b"\xef\xbb\xbf")
    feedback = QgsProcessingFeedback()
    messages = []
    feedback.pushInfo = messages.append
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert (result["IMPORTED"], result["REJECTED_COUNT"], result["TIME_UNKNOWN"]) == (4, 0, 1)
    # every guessed column was applied and said in the log
    for column in ("Pleegdatum", "Pleegtijd", "Einddatum", "Eindtijd", "Soort misdrijf", "X-coördinaat",
                   "Y-coördinaat", "Registratienummer", "Omschrijving", "Straat", "Huisnummer", "Postcode"):
        assert any(f"'{column}'" in m for m in messages), column
    got = rows_of(gpkg, "SELECT source_id, occurred_at, occurred_end, time_known, address, description "
                        "FROM incidents ORDER BY source_id")
    assert got == [
        ("PL0901-1", "2025-01-03T22:15:00.000", None, 1, "Kerkstraat 12, 1234 AB", "inbraak achterdeur"),
        ("PL0901-2", "2025-01-03T23:40:00.000", None, 1, "Kerkstraat 12, 1234 AB", None),
        ("PL0901-3", "2025-01-04T00:00:00.000", None, 0, None, None),
        ("PL0901-4", "2025-01-05T18:00:00.000", "2025-01-06T07:30:00.000", 1, "Dorpsweg 3a", None),
    ]
    x, y = rows_of(gpkg, "SELECT min(minx), min(miny) FROM rtree_incidents_geom")[0]
    assert (x, y) == (152000.5, 443000.25)


def test_mor_export_in_wgs84_with_its_own_labels(make_gpkg, run_alg, tmp_path):
    """1,200 of 1,500 MOR reports were 'unknown category': shipped aliases place the common
    labels, the rest is reported grouped with counts and mapped in one step (CATEGORY_MAP)."""
    gpkg = make_gpkg()
    header = ["melding_id", "datum_melding", "tijdstip_melding", "hoofdcategorie", "omschrijving", "lat", "lon"]
    labels = ["Zwerfvuil"] * 6 + ["Graffiti / wildplak"] * 2 + ["Hondenpoep"] * 3 + ["Kapotte stoeptegel"]
    rows = [header] + [[f"MOR-{i}", "2025-03-%02d" % (1 + i), "09:%02d" % i, label, f"melding {i}",
                        "52.0%02d" % i, "5.1%02d" % i] for i, label in enumerate(labels)]
    path = write_bytes(tmp_path / "mor.csv", rows, "utf-8", delimiter=",")
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert (result["IMPORTED"], result["REJECTED_COUNT"]) == (8, 4)
    assert result["UNMAPPED_CATEGORIES"] == "Hondenpoep (3); Kapotte stoeptegel (1)"
    assert rows_of(gpkg, "SELECT category, count(*) FROM incidents GROUP BY category ORDER BY category") == [
        ("M.4", 6), ("M.6", 2)]
    assert rows_of(gpkg, "SELECT source_id, description FROM incidents WHERE source_id = 'MOR-0'") == [
        ("MOR-0", "melding 0")]
    # lat/lon columns were read as WGS 84 (the first point: 52.000 N, 5.100 E)
    from pyproj import Transformer

    ex, ey = Transformer.from_crs(4326, 28992, always_xy=True).transform(5.100, 52.000)
    from hotspot_plugin.core.gpkg_blob import decode

    point = decode(rows_of(gpkg, "SELECT geom FROM incidents WHERE source_id = 'MOR-0'")[0][0])
    assert point.x == pytest.approx(ex, abs=1e-6) and point.y == pytest.approx(ey, abs=1e-6)
    # one step: map a label and import the rest; the rows imported before are recognised
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg),
                                                 "CATEGORY_MAP": "Hondenpoep=M.4", "REJECTED": "TEMPORARY_OUTPUT"})
    assert (result["IMPORTED"], result["DUPLICATES"]) == (3, 8)
    assert result["UNMAPPED_CATEGORIES"] == "Kapotte stoeptegel (1)"
    assert ("Hondenpoep", "M.4") in rows_of(gpkg, "SELECT label, code FROM category_aliases")
    with pytest.raises(QgsProcessingException, match="Kapot=9.9.9"):
        run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg), "CATEGORY_MAP": "Kapot=9.9.9"})


def test_cp1252_from_excel_keeps_every_character(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    rows = [["regnr", "datum", "soort", "x", "y", "omschrijving"],
            ["A1", "03-01-2025 10:00", "1.1.1", "152000", "443000", "Kérkstraat, Ëindhovenseweg, café"],
            ["A2", "04-01-2025 11:00", "1.1.1", "152010", "443000", "Sint-Michiëlsgestel"]]
    path = write_bytes(tmp_path / "excel.csv", rows, "cp1252")
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert result["ENCODING_USED"] == "cp1252"
    assert rows_of(gpkg, "SELECT description FROM incidents ORDER BY source_id") == [
        ("Kérkstraat, Ëindhovenseweg, café",), ("Sint-Michiëlsgestel",)]
    assert not rows_of(gpkg, "SELECT 1 FROM incidents WHERE description LIKE '%' || char(65533) || '%'")


def test_utf16_and_an_undecodable_row(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    rows = [["regnr", "datum", "soort", "x", "y", "omschrijving"],
            ["U1", "03-01-2025 10:00", "1.1.1", "152000", "443000", "Dreef ë"]]
    path = write_bytes(tmp_path / "utf16.csv", rows, "utf-16")
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert result["IMPORTED"] == 1 and result["ENCODING_USED"] == "utf-16"
    assert rows_of(gpkg, "SELECT description FROM incidents") == [("Dreef ë",)]
    # UTF-8 chosen, one line written by another program in cp1252: that row is rejected, with why
    good = "V1;03-01-2025 10:00;1.1.1;152000;443100;Lindelaan\r\n".encode()
    bad = "V2;03-01-2025 11:00;1.1.1;152000;443200;Kérkstraat\r\n".encode("cp1252")
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"regnr;datum;soort;x;y;omschrijving\r\n" + good + bad)
    out = tmp_path / "afgewezen.csv"
    result = run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg), "ENCODING": "utf-8",
                                                 "REJECTED": str(out)})
    assert (result["IMPORTED"], result["REJECTED_COUNT"]) == (1, 1)
    text = out.read_text(encoding="utf-8")
    assert "cannot be read as utf-8-sig: byte 0xE9" in text
    assert rows_of(gpkg, "SELECT count(*) FROM incidents WHERE description LIKE '%' || char(65533) || '%'") == [
        (0,)]


def test_reasons_point_the_right_way(make_gpkg, run_alg, tmp_path):
    """(500000, 100000) is no RD point; swapped it lies in the NL/BE box but 77 km from the file's
    other points, so it is 'outside', not 'swapped'; 31-02 does not exist."""
    gpkg = make_gpkg()
    rows = [["regnr", "datum", "soort", "x", "y"]]
    rows += [[f"G{i}", "03-01-2025 10:00", "1.1.1", str(152000 + 100 * i), "443000"] for i in range(8)]
    rows += [["B1", "03-01-2025 10:00", "1.1.1", "500000", "100000"],
             ["B2", "03-01-2025 10:00", "1.1.1", "443000", "152300"],
             ["B3", "31-02-2024", "1.1.1", "152000", "443000"]]
    out = tmp_path / "afgewezen.csv"
    path = write_bytes(tmp_path / "redenen.csv", rows, "utf-8")
    run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg), "REJECTED": str(out)})
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "r", "ogr")
    reasons = {f["regnr"]: f["reason"] for f in layer.getFeatures()}
    assert reasons["B1"].startswith("Coordinates lie outside the Netherlands and Belgium")
    assert reasons["B2"] == "x and y seem swapped (x=443000, y=152300)"
    assert reasons["B3"] == "Date '31-02-2024' does not exist (no such day or time)"


def test_two_imports_of_one_file_at_the_same_time(make_gpkg, tmp_path, hotspot_provider):
    """The duplicate check runs inside the write transaction: the second import, which validated
    its rows before the first one wrote them, finds them there instead of failing on UNIQUE."""
    from hotspot_plugin.core.progress import Monitor
    from hotspot_plugin.storage.importer import FieldMapping, import_incidents

    gpkg = make_gpkg()
    rows = [["regnr", "datum", "soort", "x", "y"]] + [
        [f"C{i}", "03-01-2025 10:00", "1.1.1", str(152000 + i), "443000"] for i in range(50)]
    path = str(write_bytes(tmp_path / "twee.csv", rows, "utf-8"))
    mapping = FieldMapping(date="datum", category="soort", x="x", y="y", source_id="regnr")
    other = {}

    def progress(value):
        if value >= 60 and not other:  # validated, not yet written: the other import runs now
            other["report"] = import_incidents(None, str(gpkg), mapping, "EPSG:28992", "twee", csv_path=path)

    report = import_incidents(None, str(gpkg), mapping, "EPSG:28992", "twee", Monitor(progress), csv_path=path)
    assert other["report"].imported == 50
    assert (report.imported, report.duplicates) == (0, 50)
    assert count(gpkg) == 50


def test_interrupted_write_is_rolled_back(make_gpkg, write_csv, run_alg, tmp_path):
    gpkg = make_gpkg()
    csv_path = str(write_csv([["regnr", "datum", "soort", "x", "y"],
                              ["H1", "03-01-2025", "1.1.1", "152000", "443000"]]))
    run_alg("hotspot:importincidents", {"INPUT": csv_path, "GPKG": str(gpkg)})
    before = table_snapshot(gpkg)
    # A process that dies in the middle of a write leaves a hot journal behind.
    script = ("import sqlite3, os, sys\n"
              "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "con.execute('PRAGMA cache_size = 1')\n"
              "con.execute('BEGIN IMMEDIATE')\n"
              "con.execute(\"UPDATE categories SET label_en = hex(randomblob(3000))\")\n"
              "con.execute(\"DELETE FROM import_batches\")\n"
              "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(gpkg)], check=True)
    assert Path(str(gpkg) + "-journal").stat().st_size > 0
    result = run_alg("hotspot:importincidents", {"INPUT": csv_path, "GPKG": str(gpkg)})
    assert result["DUPLICATES"] == 1  # it reads the GeoPackage as it was: not 'is not a GeoPackage'
    assert table_snapshot(gpkg) == before
    assert not Path(str(gpkg) + "-journal").exists()


def test_hash_in_folder_name(make_gpkg, write_csv, run_alg, tmp_path):
    folder = tmp_path / "Project #2"
    folder.mkdir()
    gpkg = make_gpkg(name="Project #2/veiligheid.gpkg")
    path = write_csv([["regnr", "datum", "soort", "x", "y"], ["P1", "03-01-2025", "1.1.1", "152000", "443000"]])
    assert run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg)})["IMPORTED"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Project #2", "incidenten.csv"]  # no stray file
    assert sorted(p.name for p in folder.iterdir()) == ["veiligheid.gpkg"]


def test_layer_without_prj_needs_source_crs(make_gpkg, run_alg, tmp_path):
    from osgeo import ogr

    gpkg = make_gpkg()
    shp = tmp_path / "zonder_prj.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(shp))
    layer = ds.CreateLayer("zonder_prj", None, ogr.wkbPoint)
    for name in ("datum", "soort"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetField("datum", "14-02-2025 21:00")
    f.SetField("soort", "1.1.1")
    f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (153000 444000)"))
    layer.CreateFeature(f)
    ds = None
    assert not shp.with_suffix(".prj").exists()
    with pytest.raises(QgsProcessingException, match="SOURCE_CRS"):
        run_alg("hotspot:importincidents", {"INPUT": str(shp), "GPKG": str(gpkg)})
    result = run_alg("hotspot:importincidents", {"INPUT": str(shp), "GPKG": str(gpkg), "SOURCE_CRS": "EPSG:28992"})
    assert result["IMPORTED"] == 1
    assert rows_of(gpkg, "SELECT minx, miny FROM rtree_incidents_geom") == [(153000.0, 444000.0)]


def test_overlong_line_is_refused_with_its_row_number(make_gpkg, run_alg, tmp_path):
    gpkg = make_gpkg()
    before = table_snapshot(gpkg)
    path = tmp_path / "lang.csv"
    path.write_text("regnr;datum;soort;x;y;omschrijving\n"
                    "L1;03-01-2025;1.1.1;152000;443000;kort\n"
                    "L2;03-01-2025;1.1.1;152000;443000;" + "x" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"Row 2 \(line 3\)"):
        run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(gpkg)})
    assert table_snapshot(gpkg) == before


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                              capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def test_full_disk_is_said_as_such(make_gpkg, run_alg, tmp_path):
    small = tmp_path / "klein"
    if not _mount_tmpfs(small, "1200k"):
        pytest.skip("cannot mount a small tmpfs here (not root, or no mount permission)")
    try:
        gpkg = make_gpkg()
        target = small / "vol.gpkg"
        target.write_bytes(gpkg.read_bytes())
        before = table_snapshot(target)
        rows = [["regnr", "datum", "soort", "x", "y", "omschrijving"]] + [
            [f"F{i}", "03-01-2025 10:00", "1.1.1", str(150000 + i), "443000", "o" * 200] for i in range(20000)]
        path = write_bytes(tmp_path / "groot.csv", rows, "utf-8")
        with pytest.raises(QgsProcessingException, match="is full"):
            run_alg("hotspot:importincidents", {"INPUT": str(path), "GPKG": str(target)})
        assert table_snapshot(target) == before
        assert sorted(p.name for p in small.iterdir()) == ["vol.gpkg"]  # no journal or partial file left
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


def test_import_dialog_guesses_maps_labels_and_imports(qgis_iface, hotspot_provider, make_gpkg, tmp_path):
    from hotspot_plugin.gui.import_dialog import ImportDialog

    gpkg = make_gpkg()
    rows = [POLICE_HEADER] + [
        [f"D{i}", "03-01-2025", "22:%02d" % i, "", "", label, "152000", str(443000 + i), "Kerkstraat", str(i), "",
         ""] for i, label in enumerate(["1.1.1", "Zwerfvuil", "Hondenpoep", "Hondenpoep"])]
    path = write_bytes(tmp_path / "dialoog.csv", rows, "cp1252", bom=b"")
    dialog = ImportDialog(None, str(path), str(gpkg))
    assert dialog.mapping()["time"] == "Pleegtijd"
    assert dialog.mapping()["x"] == "X-coördinaat" and dialog.mapping()["category"] == "Soort misdrijf"
    assert list(dialog.label_combos) == ["Hondenpoep"]
    assert dialog.labels_table.item(0, 1).text() == "2"
    combo = dialog.label_combos["Hondenpoep"]
    combo.setCurrentIndex(combo.findData("M.4"))
    dialog.combos["description"].setCurrentIndex(dialog.combos["description"].findData("Straat"))
    dialog.resize(900, 720)
    dialog.grab().save(str(tmp_path / "import_dialog.png"))
    dialog.grab().save("/tmp/dlg_import.png")
    assert dialog.run()
    end = time.monotonic() + 60
    while dialog.is_running() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents()
    assert dialog.last_results is not None, dialog.status.text()
    assert dialog.last_results["IMPORTED"] == 4
    assert rows_of(gpkg, "SELECT count(*) FROM incidents WHERE description = 'Kerkstraat'") == [(4,)]
    assert list(dialog.label_combos) == []  # nothing unknown any more
    dialog.close()


@pytest.fixture(autouse=True)
def _no_leftover_mounts():
    yield
    os.sync()
