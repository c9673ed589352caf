"""Issue #15, the desktop items at 1280 x 800: the near-repeat dialog fits, the buurtschouw dialog grows,
steps are named as the menu names them, the heatmap starts with the incidents, and the warning letters
default to the last incident date, say why a list is empty and never overwrite a list.

Expected values come from the test data (burglary_rows, the town) by hand, not from the code under test.
Dialogs are rendered to /tmp/hotspot_look/desktop/*.png to be looked at.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QDate

from hotspot_plugin import i18n
from hotspot_plugin.core import letters
from hotspot_plugin.core import menu_names as menu
from hotspot_plugin.gui import nearrepeat_dialog as nd
from hotspot_plugin.gui.incidents_input import default_incidents, is_incidents_layer
from hotspot_plugin.storage import gpkg as gp
from tests.qgis.test_nearrepeat_algs import burglary_rows, memory_points
from tests.qgis.test_nearrepeat_dialog import address_rows, burglary_gpkg, keep_settings, wait_for  # noqa: F401
from tests.qgis.test_schouw import town  # noqa: F401

LOOK = Path("/tmp/hotspot_look/desktop")
#: What a dialog may take on a 1280 x 800 screen with a taskbar.
MAX_HEIGHT = 720


@pytest.fixture()
def nl():
    assert i18n.install_translator("nl")
    yield
    i18n.remove_translator()


def test_near_repeat_dialog_fits_a_1280_x_800_screen(qgis_iface, hotspot_provider, burglary_gpkg, nl):  # noqa: F811
    dialog = nd.NearRepeatDialog(qgis_iface)
    dialog.gpkg_widget.setFilePath(str(burglary_gpkg))
    dialog.seed.setText("5")
    dialog.permutations.setValue(199)
    dialog.show()
    assert dialog.run()
    wait_for(dialog)
    assert dialog.last_results is not None, dialog.last_error
    assert dialog.sizeHint().height() <= MAX_HEIGHT and dialog.height() <= MAX_HEIGHT
    assert dialog.minimumSizeHint().height() <= MAX_HEIGHT and dialog.width() <= 1280
    # the last button and the chart note (the conclusion's second line) are inside the dialog
    button = dialog.add_table_button
    bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
    assert 0 < bottom <= dialog.height() and button.isVisible()
    assert results_note_visible(dialog)
    LOOK.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(LOOK / "nearrepeat.png"))
    dialog.close()


def results_note_visible(dialog) -> bool:
    label = dialog.conclusion
    note = dialog.last_results.get("NOTE") or ""
    bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
    return bool(note) and note in label.text() and bottom <= dialog.height() and label.height() >= \
        label.heightForWidth(label.width()) - 2


def test_schouw_dialog_grows_and_names_the_import_as_the_menu(town, hotspot_provider, nl, tmp_path):  # noqa: F811
    from qgis.PyQt.QtWidgets import QFormLayout

    from hotspot_plugin.gui import schouw_dialog as sd
    from tests.qgis.test_schouw import wait_for as wait_schouw

    path, record = town
    dialog = sd.prepare_schouw(None, path, record.uuid)
    try:
        dialog.folder.setFilePath(str(tmp_path / "pakket"))
        before = dialog.height()
        assert dialog.run()
        wait_schouw(dialog)
        assert dialog.last_error == ""
        # the rows keep their minimum heights: the dialog grew instead
        form = dialog.findChild(QFormLayout)
        for row in range(form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = form.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is not None and widget.isVisible():
                    assert widget.height() >= widget.minimumSizeHint().height(), widget
        result = dialog.result
        assert result.height() >= result.heightForWidth(result.width()) - 2
        assert dialog.height() >= before and dialog.height() <= MAX_HEIGHT
        # the import step by its menu name, in Dutch: Hotspot > Schouwbevindingen importeren
        assert "met Hotspot > Schouwbevindingen importeren." in result.text()
        assert "Buurtschouw: bevindingen" not in result.text()
        LOOK.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(LOOK / "schouw.png"))
    finally:
        for layer in dialog.added_layers:
            QgsProject.instance().removeMapLayer(layer.id())
        dialog.close()


def test_menu_entries_are_the_names_in_messages(nl):
    source = (Path(__file__).resolve().parents[2] / "hotspot_plugin" / "plugin.py").read_text(encoding="utf-8")
    assert "tr(menu.IMPORT_SCHOUW)" in source and "tr(menu.PREPARE_SCHOUW)" in source
    assert i18n.tr(menu.IMPORT_SCHOUW) == "Schouwbevindingen importeren…"
    assert menu.menu_path(i18n.tr(menu.MENU), i18n.tr(menu.IMPORT_SCHOUW)) == \
        "Hotspot > Schouwbevindingen importeren"


def test_heatmap_starts_with_the_incidents(burglary_gpkg, tmp_path):  # noqa: F811
    project = QgsProject.instance()
    findings = memory_points("EPSG:28992", [("status", "string")], [(0, 0, ["open"])])
    findings.setName("Schouwbevindingen")
    project.addMapLayer(findings)
    try:
        # nothing loaded: the incidents of the last used GeoPackage as a file, not the findings
        assert default_incidents(project, findings, str(burglary_gpkg)) == gp.layer_uri(str(burglary_gpkg),
                                                                                       "incidents")
        assert default_incidents(project, findings, "") is None
        assert not is_incidents_layer(findings)
        incidents = QgsVectorLayer(gp.layer_uri(str(burglary_gpkg), "incidents"), "Incidenten", "ogr")
        assert incidents.isValid()
        project.addMapLayer(incidents)
        # loaded: that layer, whatever is active
        assert default_incidents(project, findings, str(burglary_gpkg)) == incidents.id()
        assert default_incidents(project, None, "") == incidents.id()
        project.removeMapLayer(incidents.id())
        # the active layer only when it is a point layer of incidents
        own = memory_points("EPSG:28992", [("occurred_at", "datetime"), ("category", "string")],
                            [(0, 0, [None, "1.1.1"])])
        project.addMapLayer(own)
        assert default_incidents(project, own, "") == own.id()
        project.removeMapLayer(own.id())
    finally:
        project.removeMapLayer(findings.id())


# Warning letters -----------------------------------------------------------------------------------

def test_why_none_says_why_the_list_is_empty():
    # window 14 days up to day 100; the data end on day 80: no incident in [86, 100]
    empty = letters.LettersResult([], 86.0, 100.0, 0, 0, 0)
    template, params = letters.why_none(empty, 14, 28, 200, 80.0)
    assert "the data end on {last}" in template and (params["now"], params["last"]) == (100.0, 80.0)
    assert "data end" not in letters.why_none(empty, 14, 28, 200, 120.0)[0]  # data go on after the date
    assert letters.why_none(empty, 14, 28, 200, None)[0].startswith("There are no dated incidents")
    excluded = letters.LettersResult([], 86.0, 100.0, 3, 5, 0)
    assert letters.why_none(excluded, 14, 28, 200, 99.0)[0].startswith("All {n} addresses")
    far = letters.LettersResult([], 86.0, 100.0, 3, 0, 0)
    assert letters.why_none(far, 14, 28, 200, 99.0)[0].startswith("No address lies within")
    notice = letters.AddressNotice(0, "a", 0.0, 0.0, (1,), 5.0)
    assert letters.why_none(letters.LettersResult([notice], 86.0, 100.0, 1, 0, 0), 14, 28, 200, 99) is None


def address_layer(around=None):
    """BAG-like addresses every 25 m around the first cluster, or around the point *around*."""
    rows = address_rows()
    if around is not None:
        from tests.qgis.test_nearrepeat_algs import X0, Y0
        rows = [(x - X0 - 300 + around[0], y - Y0 - 200 + around[1], v) for x, y, v in rows]
    fields = [("identificatie", "string"), ("openbare_ruimte", "string"), ("huisnummer", "integer"),
              ("huisletter", "string"), ("toevoeging", "string"), ("postcode", "string"),
              ("woonplaats", "string")]
    layer = memory_points("EPSG:28992", fields, rows)
    layer.setName("BAG verblijfsobjecten")
    return layer


def assert_date_shown_in_full(dialog, day: dt.date) -> None:
    """The reference date's text box is wider than the date's text in its font: the year is not clipped."""
    from qgis.PyQt.QtWidgets import QApplication, QLineEdit
    QApplication.processEvents()
    text = day.strftime("%d-%m-%Y")  # Dutch display, by hand
    assert dialog.now.text() == text
    edit = dialog.now.findChild(QLineEdit)
    needed = edit.fontMetrics().horizontalAdvance(text)
    assert edit.contentsRect().width() - edit.textMargins().left() - edit.textMargins().right() > needed, \
        (edit.width(), needed)
    # the widest date and the widest values of the other fields fit too, and the fields line up
    widest = edit.fontMetrics().horizontalAdvance("28-08-2088")
    assert edit.contentsRect().width() > widest
    assert dialog.window.width() == dialog.distance.width() == dialog.exclude.width() == dialog.now.width()
    for spin in (dialog.window, dialog.distance, dialog.exclude):
        spin_edit = spin.findChild(QLineEdit)
        shown = spin.prefix() + spin.textFromValue(spin.maximum()) + spin.suffix()  # "365 dagen", "5000 m"
        assert spin_edit.contentsRect().width() > spin_edit.fontMetrics().horizontalAdvance(shown), shown


def test_letters_algorithm_defaults_to_the_last_incident(run_alg, burglary_gpkg, nl):  # noqa: F811
    rows = [r for r in burglary_rows() if r[2] == "1.1.1"]
    last = max(r[1] for r in rows)  # by hand from the data: the last burglary
    params = {"INCIDENTS": gp.layer_uri(str(burglary_gpkg), "incidents"), "FILTER": "category = '1.1.1'",
              "ADDRESSES": address_layer(), "DISTANCE": 100, "OUTPUT": "TEMPORARY_OUTPUT"}
    result = run_alg("hotspot:warningletters", params)
    assert result["REFERENCE_DATE"] == last.isoformat()
    recent = [r for r in rows if last - dt.timedelta(days=14) <= r[1] <= last]
    assert result["INCIDENTS_IN_WINDOW"] == len(recent)
    # a reference date after the data: 0 addresses, and why (Dutch dates)
    after = last + dt.timedelta(days=60)
    from qgis.PyQt.QtCore import QDateTime, QTime
    result = run_alg("hotspot:warningletters", {**params, "NOW": QDateTime(QDate(after.year, after.month,
                                                                                  after.day), QTime(12, 0))})
    assert result["ADDRESS_COUNT"] == 0 and result["INCIDENTS_IN_WINDOW"] == 0
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    shown = f"{last.day} {months[last.month - 1]} {last.year}"
    assert f"de gegevens lopen tot {shown}" in result["NOTE"]
    assert f"tot en met {after.day} {months[after.month - 1]} {after.year}" in result["NOTE"]


def test_letters_dialog_reference_date_csv_name_and_one_layer(qgis_iface, hotspot_provider, burglary_gpkg,  # noqa: F811
                                                             tmp_path, nl):
    QgsSettings().setValue(nd.LAST_DISTANCE_KEY, 100.0)
    QgsSettings().setValue(nd.LAST_RUN_KEY, "2025-03-03")
    newest = max((r for r in burglary_rows() if r[2] == "1.1.1"), key=lambda r: r[1])
    addresses = address_layer((newest[3], newest[4]))
    QgsProject.instance().addMapLayer(addresses)
    QgsSettings().setValue("hotspot/last_gpkg", str(burglary_gpkg))
    dialog = nd.WarningLettersDialog(qgis_iface)
    try:
        assert dialog.distance_note.text() == "uit de near-repeatanalyse van 3 maart 2025"
        assert "2025-03-03" not in dialog.distance_note.text()
        last = max(r[1] for r in burglary_rows() if r[2] == "1.1.1")
        assert dialog.category_code() == "1.1.1"
        assert dialog.now.date().toPyDate() == last  # not today: the data end earlier
        expected_csv = Path(burglary_gpkg).with_name(f"waarschuwingsbrieven_{last.isoformat()}.csv")
        assert Path(dialog.csv_widget.filePath()) == expected_csv, dialog.csv_widget.filePath()
        dialog.addresses.setLayer(addresses)
        dialog.show()
        assert_date_shown_in_full(dialog, last)
        # the note beside the date follows it: changed, it says which date the last incident was
        assert dialog.now_note.text() == "de datum van het laatste incident"
        dialog.now.setDate(QDate(last.year, last.month, last.day).addDays(-3))
        months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december"]
        assert dialog.now_note.text() == f"het laatste incident was op {last.day} {months[last.month - 1]} {last.year}"
        dialog.now.setDate(QDate(last.year, last.month, last.day))
        assert dialog.now_note.text() == "de datum van het laatste incident"
        assert dialog.run()
        wait_for(dialog)
        assert dialog.last_results is not None, dialog.last_error
        assert expected_csv.exists() and dialog.last_results["ADDRESS_COUNT"] > 0
        first_layer = dialog.output_layer
        first_csv = expected_csv.read_bytes()
        assert dialog.run()  # again: a new file, and the layer is replaced
        wait_for(dialog)
        second = expected_csv.with_name(expected_csv.stem + "_2.csv")
        assert dialog.last_results["CSV"] == str(second) and second.exists()
        assert expected_csv.read_bytes() == first_csv
        assert "bestond al en is bewaard" in dialog.result.text()
        names = [lay.name() for lay in QgsProject.instance().mapLayers().values()]
        assert names.count(dialog.output_layer.name()) == 1 and first_layer is not dialog.output_layer
        assert dialog.output_layer.name() == f"Waarschuwingsbrieven {last.strftime('%d-%m-%Y')}"
        LOOK.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(LOOK / "letters.png"))
        # a date after the data: 0 addresses and why, in the result
        dialog.now.setDate(QDate(last.year, last.month, last.day).addDays(60))
        assert dialog.run()
        wait_for(dialog)
        assert dialog.last_results["ADDRESS_COUNT"] == 0
        assert "de gegevens lopen tot" in dialog.result.text()
        dialog.grab().save(str(LOOK / "letters_empty.png"))
    finally:
        if dialog.output_layer is not None and QgsProject.instance().mapLayer(dialog.output_layer.id()):
            QgsProject.instance().removeMapLayer(dialog.output_layer.id())
        QgsProject.instance().removeMapLayer(addresses.id())
        dialog.close()


def test_processing_dialogs_from_the_menu_are_wide_enough(qgis_iface):
    """QGIS opens a Processing dialog at about 690 px, which clips the parameter descriptions; from
    the Hotspot menu it gets 1040 px (or the screen's width less 40 px), stays on the screen, and a
    dialog the user made wider keeps its width. (pytest-qgis's iface cannot build QGIS's Processing
    dialog, so a dialog of its first size stands in; scripts/desktop_tour.sh shows the real one.)"""
    from qgis.PyQt.QtWidgets import QApplication, QDialog

    from hotspot_plugin.gui.tasks import widen_processing_dialog

    area = QApplication.primaryScreen().availableGeometry()
    dialog = QDialog()
    try:
        dialog.resize(688, 523)  # QGIS's first size
        dialog.move(area.right() - 700, area.top())  # near the right edge: widening must not push it off
        dialog.show()
        widen_processing_dialog(dialog)
        assert dialog.width() == min(1040, area.width() - 40) and dialog.height() == 523
        frame = dialog.frameGeometry()
        assert area.left() <= frame.left() and frame.right() <= area.right()
        dialog.resize(area.width() - 10, 523)  # wider by the user: kept
        widen_processing_dialog(dialog)
        assert dialog.width() == area.width() - 10
    finally:
        dialog.close()
