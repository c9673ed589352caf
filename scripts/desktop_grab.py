"""Run inside the QGIS desktop (qgis --code): wait, open the Hotspot menu, grab the window, quit.

Used by scripts/desktop_screenshot.sh; the PNG path comes from HOTSPOT_SHOT.
"""
import os

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMenu
from qgis.utils import iface, plugins

OUT = os.environ.get("HOTSPOT_SHOT", "/tmp/qgis_desktop.png")


def shoot():
    window = iface.mainWindow()
    window.move(0, 0)
    window.resize(1280, 800)
    menu = window.findChild(QMenu, "mHotspotMenu")
    report = [f"plugin loaded: {'hotspot_plugin' in plugins}", f"menu: {menu is not None}"]
    if menu is not None:
        report.append("actions: " + ", ".join(a.text() for a in menu.actions() if not a.isSeparator()))
        menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()) + window.menuBar().pos())
    QTimer.singleShot(1500, lambda: finish(report))


def finish(report):
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(OUT)
    with open(OUT + ".txt", "w", encoding="utf-8") as fh:
        fh.write("\n".join(report) + "\n")
    QApplication.instance().exit(0)


QTimer.singleShot(8000, shoot)
