"""The near-repeat and warning-letters dialogs: fill, run as a task, show the result, cancel, look right."""
from __future__ import annotations

import csv
import datetime as dt
import time

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QDate

from hotspot_plugin import i18n
from hotspot_plugin.gui import nearrepeat_dialog as nd
from tests.qgis.conftest import count
from tests.qgis.test_nearrepeat_algs import X0, Y0, burglary_rows, memory_points

KEYS = ("hotspot/last_gpkg", nd.LAST_DISTANCE_KEY, nd.LAST_DAYS_KEY, nd.LAST_RUN_KEY)


@pytest.fixture(autouse=True)
def keep_settings():
    """The dialogs remember things in QgsSettings; put the user's values back afterwards."""
    store = QgsSettings()
    saved = {k: store.value(k) for k in KEYS if store.contains(k)}
    for k in KEYS:
        store.remove(k)
    yield
    for k in KEYS:
        store.remove(k)
        if k in saved:
            store.setValue(k, saved[k])


@pytest.fixture()
def dutch():
    assert i18n.install_translator("nl")
    yield
    i18n.remove_translator()


@pytest.fixture()
def burglary_gpkg(make_gpkg, write_csv, run_alg):
    gpkg = make_gpkg()
    rows = burglary_rows()
    table = [["registratienummer", "datum", "soort", "x", "y"]]
    table += [[r[0], r[1].isoformat(), r[2], str(r[3]), str(r[4])] for r in rows]
    run_alg("hotspot:importincidents", {"INPUT": str(write_csv(table)), "GPKG": str(gpkg),
                                        "REJECTED": "TEMPORARY_OUTPUT"})
    return gpkg


def wait_for(dialog, timeout=30.0):
    """Process events until the dialog's task has finished (and delivered its signal)."""
    end = time.monotonic() + timeout
    while dialog.is_running() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not dialog.is_running(), "the task did not finish in time"
    for _ in range(5):
        QCoreApplication.processEvents()


def test_near_repeat_dialog_runs_and_shows_the_result(qgis_iface, hotspot_provider, burglary_gpkg, dutch):
    dialog = nd.NearRepeatDialog(qgis_iface)
    dialog.gpkg_widget.setFilePath(str(burglary_gpkg))
    codes = [dialog.category.itemData(i) for i in range(dialog.category.count())]
    assert codes == ["1.1.1", "1.2.3", ""]  # categories with incidents, then all
    assert dialog.category_code() == "1.1.1"
    assert dialog.category.currentText().startswith("1.1.1 Diefstal/inbraak woning (72 ")
    dates = [r[1] for r in burglary_rows() if r[2] == "1.1.1"]
    last = max(dates)
    assert dialog.date_to.date().toPyDate() == last  # default period: the last two years of data
    assert dialog.date_from.date().toPyDate() == max(min(dates), last.replace(year=last.year - 2)
                                                     + dt.timedelta(days=1))
    dialog.seed.setText("5")
    dialog.permutations.setValue(999)  # enough for the false discovery rate cut (issue #12)
    dialog.resize(820, 860)
    assert dialog.run()
    assert not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    wait_for(dialog)
    results = dialog.last_results
    assert results is not None, dialog.last_error
    assert results["SEED_USED"] == 5
    # the conclusion in bold, then what a star means (a footnote, not bold)
    assert dialog.conclusion.text() == f"<b>{results['CONCLUSION']}</b><br><small>{results['NOTE']}</small>"
    assert "false discovery rate" in results["NOTE"] or "Benjamini-Hochberg" in results["NOTE"]
    assert dialog.conclusion.text().startswith("<b>Verhoogd risico tot ")  # Dutch, and a pattern was found
    assert f"tot {results['DISTANCE']:g} m en {results['DAYS']:g} dagen" in dialog.conclusion.text()
    assert dialog.chart.pixmap() is not None and not dialog.chart.pixmap().isNull()
    first = dialog.date_from.date().toPyDate()
    in_period = sum(1 for d in dates if first <= d <= last)  # both ends of the period included
    assert results["INCIDENTS"] == in_period
    assert dialog.details.text().startswith(f"{in_period} incidenten (1.1.1 Diefstal/inbraak woning, ")
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()
    # The result is remembered for the warning letters, and the GeoPackage for next time.
    assert nd.last_near_repeat()[:2] == (results["DISTANCE"], results["DAYS"])
    assert QgsSettings().value("hotspot/last_gpkg") == str(burglary_gpkg)
    # The Knox table can be added to the project.
    before = len(QgsProject.instance().mapLayers())
    dialog.add_table()
    assert len(QgsProject.instance().mapLayers()) == before + 1
    dialog.grab().save("/tmp/dlg_nearrepeat.png")
    dialog.close()


def test_near_repeat_dialog_cancel_stops_the_task(qgis_iface, hotspot_provider, burglary_gpkg):
    dialog = nd.NearRepeatDialog(qgis_iface)
    dialog.gpkg_widget.setFilePath(str(burglary_gpkg))
    dialog.permutations.setValue(99_999)
    assert dialog.run()
    end = time.monotonic() + 10
    while dialog.progress.value() < 6 and time.monotonic() < end:  # into the permutations
        QCoreApplication.processEvents()
        time.sleep(0.01)
    started = time.monotonic()
    dialog.cancel()
    wait_for(dialog, timeout=10)
    assert time.monotonic() - started < 3
    assert dialog.last_results is None
    assert "Cancelled" in dialog.status.text()
    assert dialog.run_button.isEnabled()
    dialog.close()


def test_near_repeat_dialog_reports_errors(qgis_iface, hotspot_provider, burglary_gpkg, tmp_path):
    dialog = nd.NearRepeatDialog(qgis_iface)
    dialog.gpkg_widget.setFilePath(str(tmp_path / "missing.gpkg"))
    assert not dialog.run()
    assert "does not exist" in dialog.status.text()
    dialog.gpkg_widget.setFilePath(str(burglary_gpkg))
    dialog.distance_bands.setText("0,100,honderd")
    assert dialog.run()
    wait_for(dialog)
    assert dialog.last_results is None
    assert '"honderd" is not a number' in dialog.status.text()
    dialog.close()


def address_rows():
    """A BAG-like address every 25 m around the first burglary cluster."""
    rows = []
    k = 0
    for i in range(-8, 9):
        for j in range(-8, 9):
            k += 1
            rows.append((X0 + 300 + 25 * i, Y0 + 200 + 25 * j,
                         [f"0599010000{k:06d}", "Zuiderstraat", k, None, None, "4321XY", "Zuiderwaarde"]))
    return rows


def test_letters_dialog_runs_adds_the_layer_and_writes_the_csv(qgis_iface, hotspot_provider, burglary_gpkg,
                                                               tmp_path, dutch):
    QgsSettings().setValue(nd.LAST_DISTANCE_KEY, 100.0)
    QgsSettings().setValue(nd.LAST_RUN_KEY, "2025-03-01")
    fields = [("identificatie", "string"), ("openbare_ruimte", "string"), ("huisnummer", "integer"),
              ("huisletter", "string"), ("toevoeging", "string"), ("postcode", "string"),
              ("woonplaats", "string")]
    addresses = memory_points("EPSG:28992", fields, address_rows())
    addresses.setName("BAG verblijfsobjecten")
    QgsProject.instance().addMapLayer(addresses)
    dialog = nd.WarningLettersDialog(qgis_iface)
    assert dialog.distance.value() == 100 and "1 maart 2025" in dialog.distance_note.text()  # Dutch date (#15)
    dialog.gpkg_widget.setFilePath(str(burglary_gpkg))
    assert dialog.category_code() == "1.1.1"
    dialog.addresses.setLayer(addresses)
    cluster = [r for r in burglary_rows() if r[0].startswith("C0-")]
    last = max(r[1] for r in cluster)
    dialog.now.setDate(QDate(last.year, last.month, last.day))
    out_csv = tmp_path / "brieven.csv"
    dialog.csv_widget.setFilePath(str(out_csv))
    dialog.record.setChecked(True)
    dialog.resize(720, dialog.sizeHint().height())
    assert dialog.run()
    wait_for(dialog)
    results = dialog.last_results
    assert results is not None, dialog.last_error
    # Brute force: addresses within 100 m of a burglary of the last 14 days.
    now_day = last
    recent = [r for r in burglary_rows()
              if r[2] == "1.1.1" and now_day - dt.timedelta(days=14) <= r[1] <= now_day]
    expected = {values[0] for x, y, values in address_rows()
                if any((x - r[3]) ** 2 + (y - r[4]) ** 2 <= 100 ** 2 for r in recent)}
    assert results["ADDRESS_COUNT"] == len(expected) > 0
    layer = dialog.output_layer
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    assert {f["identificatie"] for f in layer.getFeatures()} == expected
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    assert {line[8] for line in lines[1:]} == expected
    assert str(out_csv) in dialog.result.text()
    assert count(burglary_gpkg, "letters_sent") == len(expected)
    assert f"{len(expected)} adressen" in dialog.result.text()
    dialog.grab().save("/tmp/dlg_letters.png")
    dialog.close()
    QgsProject.instance().removeMapLayer(addresses.id())
    QgsProject.instance().removeMapLayer(layer.id())


def test_letters_dialog_needs_an_address_layer(qgis_iface, hotspot_provider, burglary_gpkg):
    dialog = nd.WarningLettersDialog(qgis_iface)
    assert dialog.distance.value() == 200  # no near-repeat result yet: the default
    dialog.gpkg_widget.setFilePath(str(burglary_gpkg))
    dialog.addresses.setLayer(None)
    assert not dialog.run()
    assert "address layer" in dialog.status.text()
    dialog.close()


def test_open_functions_show_one_dialog_each(qgis_iface, hotspot_provider):
    first = nd.open_nearrepeat_dialog(qgis_iface)
    assert first.isVisible()
    assert nd.open_nearrepeat_dialog(qgis_iface) is first  # the open one comes to the front
    letters = nd.open_letters_dialog(qgis_iface)
    assert letters.isVisible() and isinstance(letters, nd.WarningLettersDialog)
    first.close()
    letters.close()
    again = nd.open_nearrepeat_dialog(qgis_iface)  # closed and idle: a fresh dialog
    assert again is not first and again.isVisible()
    again.close()
    assert QgsApplication.taskManager().countActiveTasks() == 0
