"""Buurtschouw in QGIS: route along the streets, the field package and its form, the round trip back."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import subprocess
import time
import uuid as uuidlib
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor, QImage
from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from hotspot_plugin import i18n
from hotspot_plugin.core import schouw as sc
from hotspot_plugin.core.gpkg_blob import geometry_blob, point_blob
from hotspot_plugin.core.scan_record import RecordParameters, ZoneInfo
from hotspot_plugin.storage import fieldpackage as fp
from hotspot_plugin.storage import gpkg
from hotspot_plugin.storage.scans import ScanRecord, save_scan
from tests.qgis.conftest import count, output_layer, table_snapshot

X0, Y0, STEP, N = 150000.0, 440000.0, 100.0, 6  # a 6 x 6 grid of crossings, 100 m apart
LOOK = Path(os.environ.get("HOTSPOT_LOOK_DIR", "/tmp/hotspot_look/schouw"))


def field_db(path) -> sqlite3.Connection:
    """sqlite3 on a GeoPackage, with the functions GDAL's rtree triggers call (as any app has them)."""
    con = sqlite3.connect(str(path))
    gpkg._register_functions(con)
    return con


def crossing(i: int, j: int):
    return X0 + i * STEP, Y0 + j * STEP


def street_segments():
    """Every block side as its own LineString, as street data comes (nodes at the crossings)."""
    lines = []
    for i in range(N):
        for j in range(N):
            if i + 1 < N:
                lines.append(LineString([crossing(i, j), crossing(i + 1, j)]))
            if j + 1 < N:
                lines.append(LineString([crossing(i, j), crossing(i, j + 1)]))
    return lines


def insert_streets(path: str, lines) -> None:
    con = gpkg.connect(path, write=True)
    try:
        sid = gpkg.srs_id(con, "streets")
        with gpkg.transaction(con, path):
            gpkg.insert_rows(
                con,
                "streets",
                ("geom", "name", "kind"),
                [
                    (geometry_blob(line.wkb, line.bounds, sid), f"Straat {k}", "straat")
                    for k, line in enumerate(lines)
                ],
            )
            gpkg.refresh_contents(con, "streets")
    finally:
        con.close()


def insert_risk_objects(path: str, items) -> None:
    con = gpkg.connect(path, write=True)
    try:
        sid = gpkg.srs_id(con, "risk_objects")
        with gpkg.transaction(con, path):
            gpkg.insert_rows(
                con,
                "risk_objects",
                ("geom", "uuid", "kind", "name"),
                [(point_blob(x, y, sid), str(uuidlib.uuid4()), kind, name) for x, y, kind, name in items],
            )
            gpkg.refresh_contents(con, "risk_objects")
    finally:
        con.close()


@pytest.fixture()
def town(make_gpkg):
    """A safety GeoPackage with a street grid, risk objects on crossings and a scan with two zones."""
    path = str(make_gpkg())
    insert_streets(path, street_segments())
    insert_risk_objects(
        path,
        [
            (*crossing(2, 2), "horeca", "Café Centrum"),
            (*crossing(0, 4), "school", "De Horizon"),
            (*crossing(4, 0), "speelplaats", "Speeltuin Zuid"),
            (*crossing(5, 3), "hangplek", "Bankjes Oost"),
            (*crossing(1, 1), "camera", "Cam"),
        ],
    )
    zones = [
        ZoneInfo(
            wkt=box(*crossing(4, 4), crossing(4, 4)[0] + 1, crossing(4, 4)[1] + 1).buffer(20).wkt,
            peak=9.5,
            rank=1,
            peak_x=crossing(4, 4)[0],
            peak_y=crossing(4, 4)[1],
        ),
        ZoneInfo(wkt=Point(*crossing(1, 3)).buffer(30).wkt, peak=4.0, rank=2),
    ]
    area = box(X0 - 10, Y0 - 10, X0 + (N - 1) * STEP + 10, Y0 + (N - 1) * STEP + 10)
    record = save_scan(path, ScanRecord(area=area, title="Rasterwijk", parameters=RecordParameters(zones=zones)))
    return path, record


def manhattan(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def points_by_seq(layer):
    feats = sorted(layer.getFeatures(), key=lambda f: f["seq"])
    return [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in feats], feats


# ------------------------------------------------------------------------------ the route


def test_route_follows_the_streets_and_is_the_shortest_tour(town, run_alg):
    path, record = town
    res = run_alg(
        "hotspot:schouwroute",
        {"GPKG": path, "SCAN": record.reference, "POINTS": "TEMPORARY_OUTPUT", "ROUTE": "TEMPORARY_OUTPUT"},
    )
    assert res["ROUTING"] == "streets" and res["SCAN_UUID"] == record.uuid
    points, feats = points_by_seq(output_layer(res["POINTS"]))
    # two hotspots + four risk objects of the default kinds (the camera is not one of them)
    assert len(points) == res["N_POINTS"] == 6
    assert sorted(f["reason_kind"] for f in feats) == ["hotspot"] * 2 + ["risk_object"] * 4
    assert points[0] == crossing(2, 2)  # the start: nearest to the middle of the area
    streets = unary_union(street_segments())
    legs = sorted(output_layer(res["ROUTE"]).getFeatures(), key=lambda f: f["leg"])
    assert len(legs) == len(points) - 1
    total = 0.0
    for k, leg in enumerate(legs):
        line = LineString([(p.x(), p.y()) for p in leg.geometry().asPolyline()])
        for t in range(0, 101):  # every part of the leg lies on a street
            assert streets.distance(line.interpolate(t / 100, normalized=True)) < 0.01
        assert line.coords[0] == pytest.approx(points[k]) and line.coords[-1] == pytest.approx(points[k + 1])
        # on a full grid the shortest path between two crossings is the Manhattan distance
        assert leg["length_m"] == pytest.approx(manhattan(points[k], points[k + 1]), abs=0.01)
        assert (leg["from_seq"], leg["to_seq"]) == (k + 1, k + 2)
        total += leg["length_m"]
    assert res["LENGTH"] == pytest.approx(total, abs=0.1)
    # the order is the best one from the start (brute force over all orders, street distances)
    best = min(
        sum(manhattan(a, b) for a, b in zip((points[0],) + perm, perm))
        for perm in itertools.permutations(points[1:])
    )
    assert res["LENGTH"] == pytest.approx(best, abs=0.1)
    assert res["WALK_MINUTES"] == pytest.approx(best / 75.0, abs=0.1)
    assert res["MINUTES"] == pytest.approx(best / 75.0 + 6 * sc.DEFAULT_STOP_MINUTES, abs=0.1)
    # saved, linked to the scan, in one go; a second run replaces them and keeps the uuids
    assert count(path, "schouw_points", f"scan_uuid = '{record.uuid}'") == 6
    first = {f["uuid"] for f in feats}
    res2 = run_alg(
        "hotspot:schouwroute",
        {"GPKG": path, "SCAN": record.uuid, "POINTS": "TEMPORARY_OUTPUT", "ROUTE": "TEMPORARY_OUTPUT"},
    )
    assert {f["uuid"] for f in output_layer(res2["POINTS"]).getFeatures()} == first
    assert count(path, "schouw_points") == 6


def test_straight_lines_start_point_and_extra_points(town, run_alg):
    path, record = town
    extra = QgsVectorLayer("Point?crs=EPSG:28992&field=naam:string", "extra", "memory")
    f = QgsVectorLayerUtils.createFeature(
        extra, QgsGeometry.fromPointXY(QgsPointXY(X0 + 330, Y0 + 140)), {0: "Donker pad"}
    )
    extra.dataProvider().addFeatures([f])
    res = run_alg(
        "hotspot:schouwroute",
        {
            "GPKG": path,
            "SCAN": record.reference,
            "STRAIGHT": True,
            "EXTRA_POINTS": extra,
            "START": f"{X0},{Y0} [EPSG:28992]",
            "RISK_KINDS": [],
            "SAVE": False,
            "ROUND_TRIP": True,
            "POINTS": "TEMPORARY_OUTPUT",
            "ROUTE": "TEMPORARY_OUTPUT",
        },
    )
    assert res["ROUTING"] == "straight"
    points, feats = points_by_seq(output_layer(res["POINTS"]))
    assert len(points) == 3 and "Donker pad" in {f["label"] for f in feats}
    legs = sorted(output_layer(res["ROUTE"]).getFeatures(), key=lambda f: f["leg"])
    assert (legs[0]["from_seq"], legs[-1]["to_seq"]) == (0, 0)  # from the start and back to it
    tour = [(X0, Y0)] + points + [(X0, Y0)]
    straight = sum(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for a, b in zip(tour, tour[1:]))
    assert res["LENGTH"] == pytest.approx(straight, abs=0.1)
    assert count(path, "schouw_points") == 0  # SAVE = false


def test_nothing_to_visit_is_a_clear_error(make_gpkg, run_alg):
    path = str(make_gpkg())
    record = save_scan(path, ScanRecord(area=box(0, 0, 100, 100)))
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="nothing to visit"):
        run_alg(
            "hotspot:schouwroute",
            {"GPKG": path, "SCAN": record.uuid, "POINTS": "TEMPORARY_OUTPUT", "ROUTE": "TEMPORARY_OUTPUT"},
        )


# ------------------------------------------------------------------------------ the package


@pytest.fixture()
def dutch():
    assert i18n.install_translator("nl")
    yield
    i18n.remove_translator()


@pytest.fixture()
def package(town, run_alg, tmp_path, dutch):
    path, record = town
    run_alg(
        "hotspot:schouwroute",
        {"GPKG": path, "SCAN": record.reference, "POINTS": "TEMPORARY_OUTPUT", "ROUTE": "TEMPORARY_OUTPUT"},
    )
    res = run_alg(
        "hotspot:schouwpackage", {"GPKG": path, "SCAN": record.reference, "FOLDER": str(tmp_path / "veld")}
    )
    return path, record, res


def test_package_project_opens_with_the_form_configured(package, tmp_path):
    path, record, res = package
    folder = Path(res["FOLDER"])
    assert (folder / "DCIM").is_dir() and Path(res["GPKG"]).exists() and Path(res["PROJECT"]).exists()
    assert Path(res["PROJECT"]).parent == folder and res["N_POINTS"] == 6
    text = Path(res["PROJECT"]).read_text(encoding="utf-8")
    assert str(tmp_path) not in text  # relative paths only
    assert "./buurtschouw_" in text
    project = QgsProject.instance()  # as in QField: the expressions find layers in the current project
    assert project.read(res["PROJECT"])
    findings = project.mapLayersByName("Schouwbevindingen")[0]
    points = project.mapLayersByName("Schouwpunten")[0]
    assert findings.isValid() and findings.featureCount() == 0 and points.featureCount() == 6
    assert set(fp.FINDING_FIELDS) <= set(findings.fields().names())

    def setup(name):
        s = findings.fields().field(name).editorWidgetSetup()
        return s.type(), s.config()

    checklist = sc.load_checklist()
    kind, config = setup("checklist_item")
    assert kind == "ValueMap"
    assert [(list(d)[0], list(d.values())[0]) for d in config["map"]] == checklist.value_map("nl")
    assert setup("severity")[0] == "ValueMap"
    assert [list(d.values())[0] for d in setup("severity")[1]["map"]] == ["groen", "oranje", "rood"]
    assert [list(d.values())[0] for d in setup("dagdeel")[1]["map"]] == ["dag", "avond", "nacht"]
    assert setup("description") == ("TextEdit", {"IsMultiline": True, "UseHtml": False})
    assert setup("action")[0] == setup("owner")[0] == "TextEdit"
    kind, config = setup("photo")
    assert kind == "ExternalResource"
    assert (config["StorageMode"], config["RelativeStorage"], config["DocumentViewer"]) == (0, 1, 1)
    assert "DCIM" in config["PropertyCollection"]["properties"]["propertyRootPath"]["expression"]
    kind, config = setup("due_date")
    assert kind == "DateTime" and config["calendar_popup"] and config["field_format"] == "yyyy-MM-dd"
    assert setup("uuid")[0] == "Hidden"
    kind, config = setup("point_uuid")
    assert kind == "ValueRelation" and config["Layer"] == points.id() and config["Key"] == "uuid"

    def default(name):
        d = findings.defaultValueDefinition(findings.fields().indexOf(name))
        return d.expression(), d.applyOnUpdate()

    assert default("uuid") == ("uuid('WithoutBraces')", False)
    assert default("observed_at") == ("now()", False)
    assert default("updated_at") == ("now()", True)
    assert default("scan_uuid") == (f"'{record.uuid}'", False)
    assert "overlay_nearest" in default("point_uuid")[0]
    form = findings.editFormConfig()
    groups = [c.name() for c in form.invisibleRootContainer().children()]
    assert len(groups) == 3 and groups[0] == "Bevinding"
    assert findings.fields().field("checklist_item").alias() == "Checklistpunt"
    assert '"photo"' in findings.customProperty("QFieldSync/attachment_naming").replace("'", '"')
    # a new feature gets its uuid, time, scan and nearest point from the defaults (as in QField)
    x, y = crossing(2, 2)
    feature = QgsVectorLayerUtils.createFeature(
        findings, QgsGeometry.fromPointXY(QgsPointXY(x + 3, y)), {}, findings.createExpressionContext()
    )
    uuidlib.UUID(feature["uuid"])
    assert feature["scan_uuid"] == record.uuid and feature["status"] == "open"
    assert feature["dagdeel"] in ("dag", "avond", "nacht")
    start_uuid = next(f["uuid"] for f in points.getFeatures() if f["seq"] == 1)
    assert feature["point_uuid"] == start_uuid
    project.clear()


def test_package_pdf_pages(package, tmp_path):
    _path, _record, res = package
    pdf = Path(res["PDF"])
    assert pdf.exists()
    out = tmp_path / "pages"
    out.mkdir()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "p")], check=True)
    pages = sorted(out.glob("p-*.png"))
    assert len(pages) == 1 + 6
    for page in pages:  # every page holds more than a blank sheet
        image = QImage(str(page))
        dark = sum(
            1
            for yy in range(0, image.height(), 7)
            for xx in range(0, image.width(), 7)
            if QColor(image.pixel(xx, yy)).lightness() < 200
        )
        assert dark > 40
    LOOK.mkdir(parents=True, exist_ok=True)
    for page in pages[:3]:
        shutil.copy(page, LOOK / f"pdf_{page.name}")


def test_package_refuses_a_folder_with_findings(package, run_alg):
    path, record, res = package
    con = field_db(res["GPKG"])
    con.execute("INSERT INTO schouw_findings (uuid, severity) VALUES ('x', 'rood')")
    con.commit()
    con.close()
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="bevat al een schouwpakket met 1 bevindingen"):
        run_alg("hotspot:schouwpackage", {"GPKG": path, "SCAN": record.uuid, "FOLDER": res["FOLDER"]})


def test_findings_form_renders(package):
    _path, _record, res = package
    project = QgsProject.instance()
    assert project.read(res["PROJECT"])
    try:
        from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm

        findings = project.mapLayersByName("Schouwbevindingen")[0]
        assert findings.startEditing()  # as in the field: a new finding being filled in
        feature = QgsVectorLayerUtils.createFeature(
            findings,
            QgsGeometry.fromPointXY(QgsPointXY(*crossing(2, 2))),
            {},
            findings.createExpressionContext(),
        )
        feature["checklist_item"] = "verlichting.te_donker"
        feature["severity"] = "oranje"
        context = QgsAttributeEditorContext()
        form = QgsAttributeForm(findings, feature, context)
        form.setMode(QgsAttributeEditorContext.Mode.AddFeatureMode)
        form.resize(460, 820)
        form.show()
        for _ in range(10):
            QCoreApplication.processEvents()
        image = form.grab().toImage()
        LOOK.mkdir(parents=True, exist_ok=True)
        image.save(str(LOOK / "form.png"))
        assert image.width() > 300
        form.close()
        form.deleteLater()
        QCoreApplication.processEvents()
        findings.rollBack()
    finally:
        project.clear()


# ------------------------------------------------------------------------------ the round trip


def jpeg(path: Path, colour: str = "#c0392b") -> None:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPG")


def phone_finding(res, item, severity, photo=None, offset=(2.0, 1.0), description="") -> str:
    """Add a finding to the field GeoPackage as QField does: through the project's layer and its defaults."""
    project = QgsProject.instance()
    assert project.read(res["PROJECT"])
    layer = project.mapLayersByName("Schouwbevindingen")[0]
    x, y = crossing(2, 2)
    feature = QgsVectorLayerUtils.createFeature(
        layer,
        QgsGeometry.fromPointXY(QgsPointXY(x + offset[0], y + offset[1])),
        {},
        layer.createExpressionContext(),
    )
    feature["checklist_item"] = item
    feature["severity"] = severity
    feature["description"] = description
    if photo:
        feature["photo"] = photo
    assert layer.startEditing()
    assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    uid = feature["uuid"]
    project.clear()
    return uid


def office_rows(path):
    con = sqlite3.connect(path)
    try:
        return {
            r[0]: r[1:]
            for r in con.execute(
                "SELECT uuid, scan_uuid, checklist_item, severity, description, photo, status "
                "FROM schouw_findings"
            )
        }
    finally:
        con.close()


def test_round_trip_reimport_update_and_conflict(package, run_alg):
    path, record, res = package
    folder = Path(res["FOLDER"])
    jpeg(folder / "DCIM" / "x.jpg")
    a = phone_finding(res, "verlichting.te_donker", "rood", photo="DCIM/x.jpg", description="Lamp 12 kapot")
    b = phone_finding(res, "schoon.graffiti", "oranje", offset=(40.0, 0.0))
    # a third one written by another app straight into the table (sqlite3, with braces in the uuid)
    c = str(uuidlib.uuid4())
    con = field_db(res["GPKG"])
    con.execute(
        "INSERT INTO schouw_findings (geom, uuid, checklist_item, severity, dagdeel, observed_at, status) "
        "VALUES (?, ?, 'veilig.hangplek', 'groen', 'avond', '2025-06-03T21:15:00.000Z', 'open')",
        (point_blob(*crossing(4, 4), gpkg.srs_id(con, "schouw_findings")), "{" + c.upper() + "}"),
    )
    con.commit()
    con.close()

    r1 = run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["FOLDER"]})
    assert (r1["ADDED"], r1["UPDATED"], r1["CONFLICTS"], r1["PHOTOS"]) == (3, 0, 0, 1)
    rows = office_rows(path)
    assert set(rows) == {a, b, c}
    assert rows[a][:5] == (
        record.uuid,
        "verlichting.te_donker",
        "rood",
        "Lamp 12 kapot",
        f"schouwfoto's/{record.reference}/x.jpg",
    )
    photo = Path(path).parent / rows[a][4]
    assert photo.exists() and photo.read_bytes() == (folder / "DCIM" / "x.jpg").read_bytes()
    assert rows[c][1:3] == ("veilig.hangplek", "groen")

    before = table_snapshot(Path(path), ("schouw_findings",))
    r2 = run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["GPKG"]})
    assert (r2["ADDED"], r2["UPDATED"], r2["UNCHANGED"], r2["CONFLICTS"], r2["PHOTOS"]) == (0, 0, 3, 0, 0)
    assert table_snapshot(Path(path), ("schouw_findings",)) == before

    # the field changes a; the office changes b, and the field changes b too; the office changes c only
    con = field_db(res["GPKG"])
    con.execute(
        "UPDATE schouw_findings SET severity = 'oranje', description = 'Lamp vervangen, nog te donker', "
        "updated_at = '2030-01-01T10:00:00.000' WHERE uuid = ?",
        (a,),
    )
    con.execute("UPDATE schouw_findings SET description = 'Veld: groter dan gedacht' WHERE uuid = ?", (b,))
    con.commit()
    con.close()
    con = field_db(path)
    con.execute(
        "UPDATE schouw_findings SET description = 'Kantoor: gemeld bij reiniging' WHERE uuid = ?", (b,)
    )
    con.execute("UPDATE schouw_findings SET status = 'afgehandeld' WHERE uuid = ?", (c,))
    con.commit()
    con.close()
    r3 = run_alg(
        "hotspot:importschouw",
        {"GPKG": path, "PACKAGE": res["PROJECT"], "CONFLICTS_TABLE": "TEMPORARY_OUTPUT"},
    )
    assert (r3["ADDED"], r3["UPDATED"], r3["UNCHANGED"], r3["CONFLICTS"]) == (0, 1, 1, 1)
    rows = office_rows(path)
    assert rows[a][2:4] == ("oranje", "Lamp vervangen, nog te donker")
    assert rows[b][3] == "Kantoor: gemeld bij reiniging"  # not overwritten
    assert rows[c][5] == "afgehandeld"  # office edit kept
    conflicts = list(output_layer(r3["CONFLICTS_TABLE"]).getFeatures())
    assert [f["uuid"] for f in conflicts] == [b]

    # the scan reads the open findings (c is closed now)
    from hotspot_plugin.storage import scan_inputs

    con = gpkg.connect(path)
    try:
        open_findings = scan_inputs.read_open_schouw(con)
    finally:
        con.close()
    assert sorted(open_findings.uuid.tolist()) == sorted([a, b])


def test_damaged_packages_change_nothing(package, run_alg, tmp_path):
    path, _record, res = package
    from qgis.core import QgsProcessingException

    tables = ("schouw_findings", "schouw_points", "gpkg_contents")
    before = table_snapshot(Path(path), tables)
    photos = Path(path).parent / fp.OFFICE_PHOTO_FOLDER

    text = tmp_path / "kapot.gpkg"
    text.write_text("dit is geen geopackage\n" * 20)
    with pytest.raises(QgsProcessingException, match="is geen GeoPackage"):
        run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": str(text)})

    other = tmp_path / "ander.gpkg"
    lyr = QgsVectorLayer("Point?crs=EPSG:28992&field=naam:string", "iets", "memory")
    from qgis.core import QgsVectorFileWriter

    QgsVectorFileWriter.writeAsVectorFormatV2(
        lyr, str(other), QgsProject.instance().transformContext(), QgsVectorFileWriter.SaveVectorOptions()
    )
    with pytest.raises(QgsProcessingException, match="heeft geen laag schouw_findings"):
        run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": str(other)})

    # a package with one unreadable row among good ones: nothing at all is imported
    jpeg(Path(res["FOLDER"]) / "DCIM" / "y.jpg")
    phone_finding(res, "heel.vernieling", "rood", photo="DCIM/y.jpg")
    con = field_db(res["GPKG"])
    con.execute("INSERT INTO schouw_findings (uuid, severity) VALUES ('niet-een-uuid', 'rood')")
    con.commit()
    con.close()
    with pytest.raises(QgsProcessingException, match="geen geldige uuid"):
        run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["GPKG"]})

    # a package whose findings layer lacks a field
    broken = tmp_path / "zonder_veld"
    shutil.copytree(res["FOLDER"], broken)
    con = field_db(broken / Path(res["GPKG"]).name)
    con.execute("DELETE FROM schouw_findings WHERE uuid = 'niet-een-uuid'")
    con.execute("ALTER TABLE schouw_findings DROP COLUMN owner")
    con.commit()
    con.close()
    with pytest.raises(QgsProcessingException, match="ontbreken de velden owner"):
        run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": str(broken)})

    assert table_snapshot(Path(path), tables) == before
    assert not photos.exists()
    con = sqlite3.connect(path)
    try:
        assert (
            con.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (fp.SYNC_TABLE,)).fetchone()[0]
            == 0
        )
    finally:
        con.close()


# ------------------------------------------------------------------------------ the dialog


def wait_for(dialog, timeout=60.0):
    end = time.monotonic() + timeout
    while dialog.is_running() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not dialog.is_running(), "the tasks did not finish in time"
    for _ in range(5):
        QCoreApplication.processEvents()


def test_dialog_runs_route_and_package_as_tasks(town, hotspot_provider, dutch, tmp_path):
    from hotspot_plugin.gui import schouw_dialog as sd

    path, record = town
    dialog = sd.prepare_schouw(None, path, record.uuid)
    try:
        assert dialog.scan_uuid() == record.uuid
        dialog.folder.setFilePath(str(tmp_path / "pakket"))
        assert dialog.run()
        wait_for(dialog)
        assert dialog.last_error == ""
        assert dialog.package_results["N_POINTS"] == 6
        assert (
            Path(dialog.package_results["PROJECT"]).exists() and Path(dialog.package_results["PDF"]).exists()
        )
        assert "km" in dialog.result.text()
        names = [layer.name() for layer in dialog.added_layers]
        assert len(names) == 2 and all(record.reference in n for n in names)
        assert dialog.added_layers[1].featureCount() == 6
        LOOK.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(LOOK / "dialog.png"))
        # a second run into the same, untouched folder works; cancelling stops the chain
        assert dialog.run()
        dialog.cancel()
        wait_for(dialog)
        assert dialog.progress.value() == 0 and dialog.last_error
    finally:
        for layer in dialog.added_layers:
            QgsProject.instance().removeMapLayer(layer.id())
        dialog.close()
        QgsApplication.processEvents()


def test_imported_findings_show_up_in_the_scan_and_the_report(package, run_alg, tmp_path, write_csv):
    """The round trip ends in the advice: re-run the scan, make the report, find the finding in it."""
    import subprocess

    from hotspot_plugin.storage.scans import load_scan

    path, record, res = package
    centre = record.area.representative_point()
    rows = [["id", "datum", "soort", "x", "y"]] + [
        [str(i), f"{1 + i % 28:02d}-{1 + i % 12:02d}-2025 22:00", "1.4.5", str(centre.x + i), str(centre.y)]
        for i in range(12)]
    run_alg("hotspot:importincidents", {"INPUT": str(write_csv(rows)), "GPKG": path, "REJECTED": "TEMPORARY_OUTPUT",
                                        "SOURCE_CRS": "EPSG:28992"})
    a = phone_finding(res, "verlichting.te_donker", "rood", description="Lamp 12 kapot bij de brandgang")
    con = field_db(res["GPKG"])
    con.execute("UPDATE schouw_findings SET action = 'Lamp vervangen', owner = 'Gemeente' WHERE uuid = ?", (a,))
    con.commit()
    con.close()
    assert run_alg("hotspot:importschouw", {"GPKG": path, "PACKAGE": res["FOLDER"]})["ADDED"] == 1

    run_alg("hotspot:environmentscan", {"GPKG": path, "SCAN": record.uuid})
    scan = load_scan(path, record.uuid)
    listed = scan.results.schouw
    assert [item["uuid"] for item in listed["items"]] == [a] and listed["by_severity"]["rood"] == 1

    pdf = tmp_path / "advies.pdf"
    run_alg("hotspot:advicereport", {"GPKG": path, "SCAN": record.uuid, "OUTPUT": str(pdf)})
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Lamp 12 kapot" in text and "Lamp vervangen" in text
