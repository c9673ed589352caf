"""Run inside the real QGIS desktop (qgis --code): walk the Hotspot menu's dialogs and screenshot the screen.

Opened from the Hotspot menu (its actions are triggered, as a click does): the environment-scan wizard up
to its save page (and a report saved there), the near-repeat analysis (run), the warning letters (before
and after a run), the buurtschouw (run) and the density heatmap (QGIS's Processing dialog). Each step saves
the whole X screen as HOTSPOT_TOUR/<nn>_<name>.png and logs to HOTSPOT_TOUR/tour.txt; QGIS quits at the end.

Used by scripts/desktop_tour.sh (Xvfb 1280 x 800, a throwaway profile, a copy of the demo project).
"""
import os
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsGeometry, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMenu
from qgis.utils import iface, plugins

OUT = Path(os.environ.get("HOTSPOT_TOUR", "/tmp/hotspot_look/desktop_real"))
OUT.mkdir(parents=True, exist_ok=True)
LOG = open(OUT / "tour.txt", "w", encoding="utf-8")
#: The town centre of the demo (RD New), the area of the scan.
CENTRE = [(152600, 442700), (153200, 442700), (153200, 443200), (152600, 443200)]


def log(text: str) -> None:
    LOG.write(text + "\n")
    LOG.flush()


def shot(name: str) -> None:
    path = OUT / f"{name}.png"
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    top = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not iface.mainWindow()]
    log(f"{path.name}: " + "; ".join(f"{type(w).__name__} '{w.windowTitle()}' {w.geometry().x()},"
                                     f"{w.geometry().y()} {w.frameGeometry().width()}x"
                                     f"{w.frameGeometry().height()}" for w in top))


def action(text: str):
    menu = iface.mainWindow().findChild(QMenu, "mHotspotMenu")
    for a in menu.actions():
        if a.text() == text:
            return a
    raise KeyError(text)


def gpkg() -> str:
    layer = QgsProject.instance().mapLayersByName("Incidenten")[0]
    return layer.source().split("|")[0]


def tour():
    from hotspot_plugin.core import menu_names as menu
    from hotspot_plugin.gui import nearrepeat_dialog as nd
    from hotspot_plugin.gui import schouw_dialog as sd
    from hotspot_plugin.gui.scan_wizard import _open_wizards
    from hotspot_plugin.i18n import tr

    window = iface.mainWindow()
    window.setGeometry(0, 0, 1280, 800)
    log(f"plugin loaded: {'hotspot_plugin' in plugins}; project: {QgsProject.instance().fileName()}")
    yield 2000
    hotspot = window.findChild(QMenu, "mHotspotMenu")
    hotspot.popup(window.menuBar().mapToGlobal(window.menuBar().actionGeometry(hotspot.menuAction())
                                               .bottomLeft()))
    yield 800
    shot("01_menu")
    hotspot.hide()

    # The environment scan, up to its save page -----------------------------------------------------
    action(tr(menu.SCAN)).trigger()
    yield 1500
    wizard = _open_wizards["scan"]
    wizard.confirm_discard = lambda: True
    if not wizard.area_page.gpkg_path():  # a fresh profile: the user chooses the demo's GeoPackage
        wizard.area_page.set_gpkg(gpkg())
    yield 500
    shot("02_scan_area_page")
    wizard.area_page.set_point(QgsPointXY(152848.4, 442961.6), 250)  # as a click on the map gives it
    wizard.area_page.refresh()
    yield 500
    shot("02b_scan_point")
    log("point: " + wizard.area_page.point_info.text())
    wizard.area_page.set_drawn(QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in CENTRE + CENTRE[:1]]]))
    wizard.area_page.refresh()
    yield 500
    shot("03_scan_area_drawn")
    wizard.next()
    yield 1000
    wizard.data_page.title_edit.setText("Centrum Zuiderwaarde")
    shot("04_scan_data_page")
    wizard.next()
    yield lambda: not wizard.is_running()
    yield 3000
    shot("05_scan_analysis_page")
    wizard.next()
    yield 1500
    shot("06_scan_advice_page")
    wizard.next()
    yield 1500
    shot("06b_scan_verdict_page")
    verdict = wizard.verdict_page
    verdict.decision_radios[2].click()  # positive under conditions
    verdict.conditions.setPlainText("Verlichting langs het fietspad\nHaag bij de speelplaats lager dan 1 m")
    yield 500
    shot("06c_scan_verdict_given")
    wizard.next()
    yield 1500
    shot("07_scan_save_page")
    page = wizard.save_page
    page.author.setText("A. Analist")
    page.author.textEdited.emit("A. Analist")
    page.organisation.setText("Gemeente Zuiderwaarde")
    page.organisation.textEdited.emit("Gemeente Zuiderwaarde")
    page.report_path.setFilePath(str(Path(gpkg()).with_name("advies_centrum.pdf")))
    page.report_button.click()
    yield lambda: not wizard.report_runner.is_running()
    yield 1500
    shot("08_scan_save_page_after_report")
    log("save page summary: " + page.summary.text().replace("\n", " | "))
    wizard.close()
    yield 500

    # Near repeat ------------------------------------------------------------------------------------
    action(tr(menu.NEAR_REPEAT)).trigger()
    yield 1000
    dialog = nd._open_dialogs["nearrepeat"]
    if dialog.gpkg_path() != gpkg():
        dialog.gpkg_widget.setFilePath(gpkg())
    dialog.seed.setText("1")
    shot("09_nearrepeat_open")
    dialog.run()
    yield lambda: not dialog.is_running()
    yield 1000
    shot("10_nearrepeat_result")
    log("near repeat: " + dialog.conclusion.text().replace("\n", " | ") + " " + dialog.last_error)
    dialog.close()
    yield 500

    # Warning letters -----------------------------------------------------------------------------------
    action(tr(menu.LETTERS)).trigger()
    yield 1000
    letters = nd._open_dialogs["letters"]
    if letters.gpkg_path() != gpkg():
        letters.gpkg_widget.setFilePath(gpkg())
    addresses = QgsProject.instance().mapLayersByName("Adressen (fictieve BAG)")
    if addresses:
        letters.addresses.setLayer(addresses[0])
    yield 500
    shot("11_letters_open")
    letters.run()
    yield lambda: not letters.is_running()
    yield 1000
    shot("12_letters_result")
    log("letters: " + letters.result.text().replace("\n", " | ") + " " + letters.last_error)
    letters.now.setDate(letters.now.date().addDays(-10))
    yield 500
    shot("13_letters_date_changed")
    letters.close()
    yield 500

    # Buurtschouw ---------------------------------------------------------------------------------------
    action(tr(menu.PREPARE_SCHOUW)).trigger()
    yield 1000
    schouw = sd._open["schouw"]
    if schouw.gpkg_path() != gpkg():
        schouw.set_gpkg(gpkg())
    yield 500
    shot("14_schouw_open")
    schouw.run()
    yield lambda: not schouw.is_running()
    yield 1500
    shot("15_schouw_result")
    log("schouw: " + schouw.result.text().replace("\n", " | ") + " " + schouw.last_error)
    schouw.close()
    yield 500

    # Heatmap (QGIS's modal Processing dialog: the shot is taken from inside its event loop) -------------
    def heatmap_shot():
        shot("16_heatmap_dialog")
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and type(w).__name__ == "AlgorithmDialog"]
        for dialog in dialogs:
            try:
                wrapper = dialog.mainWidget().wrappers.get("INPUT")
                log(f"heatmap INPUT: {wrapper.parameterValue() if wrapper else None}")
            except Exception:  # noqa: BLE001 - a look, not a test
                log(traceback.format_exc())
            dialog.reject()
        log(f"heatmap dialogs closed: {len(dialogs)}")

    QTimer.singleShot(4000, heatmap_shot)
    action(tr(menu.DENSITY)).trigger()  # returns when the dialog is closed
    yield 500


def quit_qgis(code: int) -> None:
    """Close the project first, as QGIS's own File > Exit does: QGIS 3.22 aborts when its main window
    is destroyed with the project still open (its style dock is gone before the layer tree)."""
    iface.newProject(False)
    QgsApplication.instance().exit(code)


def drive(steps):
    try:
        step = next(steps)
    except StopIteration:
        log("done")
        LOG.close()
        quit_qgis(0)
        return
    except Exception:  # noqa: BLE001
        log(traceback.format_exc())
        shot("99_error")
        LOG.close()
        quit_qgis(1)
        return
    if callable(step):
        waited = [0]

        def poll():
            waited[0] += 250
            if step() or waited[0] > 300_000:
                if waited[0] > 300_000:
                    log("timed out waiting")
                drive(steps)
            else:
                QTimer.singleShot(250, poll)

        QTimer.singleShot(250, poll)
    else:
        QTimer.singleShot(int(step), lambda: drive(steps))


QTimer.singleShot(10000, lambda: drive(tour()))
