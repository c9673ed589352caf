"""The plugin shell: the Hotspot menu and toolbar, the Processing provider, clean unload."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from . import log
from .compat import QAction
from .core import menu_names as menu
from .i18n import remove_translator, tr
from .paths import icon_path


class HotspotPlugin:
    """Created by classFactory; QGIS calls initProcessing, initGui and unload."""

    MENU_OBJECT_NAME = "mHotspotMenu"
    TOOLBAR_OBJECT_NAME = "mHotspotToolBar"

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.menu: Optional[QMenu] = None
        self.toolbar: Optional[QToolBar] = None
        self.actions: List[QAction] = []
        self.designer_opener = None

    # Processing ----------------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        from .processing.provider import HotspotProvider

        if self.provider is None:
            self.provider = HotspotProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # GUI -----------------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802 - QGIS API
        self.initProcessing()
        from .gui.layout_designer import LayoutDesignerOpener

        self.designer_opener = LayoutDesignerOpener(self.iface)  # layouts of hotspot:advicereport
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr(menu.MENU), main_window)
        self.menu.setObjectName(self.MENU_OBJECT_NAME)
        self.toolbar = self.iface.addToolBar(tr(menu.MENU))
        self.toolbar.setObjectName(self.TOOLBAR_OBJECT_NAME)

        self._add_action("database.svg", tr(menu.CREATE_GPKG),
                         lambda: self.run_algorithm("hotspot:createsafetygpkg"), toolbar=False)
        self._add_action("import.svg", tr(menu.IMPORT_INCIDENTS), self.show_import)
        self._add_action("import.svg", tr(menu.IMPORT_AREAS),
                         lambda: self.run_algorithm("hotspot:importareas"), toolbar=False)
        self._add_action("layers.svg", tr(menu.ADD_LAYERS), self.add_safety_layers)
        self.menu.addSeparator()
        self._add_action("heatmap.svg", tr(menu.DENSITY),
                         self.show_heatmap, toolbar=False)
        self._add_action("gistar.svg", tr(menu.GISTAR), lambda: self.run_algorithm("hotspot:gistar"),
                         toolbar=False)
        self._add_action("zones.svg", tr(menu.ZONES), lambda: self.run_algorithm("hotspot:hotspotzones"),
                         toolbar=False)
        self._add_action("gistar.svg", tr(menu.EMERGING),
                         lambda: self.run_algorithm("hotspot:emerginghotspots"), toolbar=False)
        self._add_action("layers.svg", tr(menu.MONITOR),
                         lambda: self.run_algorithm("hotspot:areamonitor"), toolbar=False)
        self.menu.addSeparator()
        self._add_action("scan.svg", tr(menu.SCAN), self.show_scan_wizard)
        self._add_action("schouw.svg", tr(menu.PREPARE_SCHOUW), self.show_schouw, toolbar=False)
        self._add_action("import.svg", tr(menu.IMPORT_SCHOUW),
                         lambda: self.run_algorithm("hotspot:importschouw"), toolbar=False)
        self.menu.addSeparator()
        self._add_action("nearrepeat.svg", tr(menu.NEAR_REPEAT), self.show_near_repeat, toolbar=False)
        self._add_action("letters.svg", tr(menu.LETTERS), self.show_warning_letters, toolbar=False)
        self.menu.addSeparator()
        self._add_action("hotspot.svg", tr(menu.MEASURE_EFFECT),
                         lambda: self.run_algorithm("hotspot:measureeffect"), toolbar=False)
        self._add_action("hotspot.svg", tr(menu.CAMERA_COVERAGE),
                         lambda: self.run_algorithm("hotspot:cameracoverage"), toolbar=False)
        self._add_action("hotspot.svg", tr(menu.CAMERA_PLACEMENT),
                         lambda: self.run_algorithm("hotspot:cameraplacement"), toolbar=False)
        self.menu.addSeparator()
        self._add_action("settings.svg", tr(menu.SETTINGS), self.show_settings, toolbar=False)

        menu_bar = main_window.menuBar()
        menus = [a for a in menu_bar.actions() if a.menu() is not None]
        help_action = menus[-1] if menus else None
        if help_action is not None:
            menu_bar.insertMenu(help_action, self.menu)
        else:
            menu_bar.addMenu(self.menu)
        log.info(tr("Hotspot plugin loaded."))

    def _add_action(self, icon: str, text: str, callback, toolbar: bool = True) -> QAction:
        action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
        action.setObjectName("mHotspotAction" + str(len(self.actions)))
        action.triggered.connect(callback)
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self) -> None:
        if self.designer_opener is not None:
            self.designer_opener.unload()
            self.designer_opener.deleteLater()
            self.designer_opener = None
        for action in self.actions:
            if self.menu is not None:
                self.menu.removeAction(action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

    # Actions -------------------------------------------------------------------------------
    def run_algorithm(self, algorithm_id: str, parameters: Optional[dict] = None) -> None:
        """QGIS's Processing dialog of *algorithm_id* (as processing.execAlgorithmDialog), wide enough for
        the parameter descriptions on a 1280 x 800 screen."""
        import processing

        from .compat import exec_dialog
        from .gui.tasks import widen_processing_dialog

        dialog = processing.createAlgorithmDialog(algorithm_id, parameters or {})
        if dialog is None:
            return
        canvas = self.iface.mapCanvas()
        previous_tool = canvas.mapTool()
        dialog.show()  # restores the size the user gave it last time
        widen_processing_dialog(dialog)
        exec_dialog(dialog)
        if canvas.mapTool() is not previous_tool and previous_tool is not None:
            canvas.setMapTool(previous_tool)  # a parameter picked on the map took the tool
        dialog.close()

    def show_heatmap(self) -> None:
        """QGIS's dialog of hotspot:densityheatmap, starting with the incidents (not the active layer)."""
        from qgis.core import QgsProject

        from .gui.incidents_input import default_incidents
        from .settings import Settings

        value = default_incidents(QgsProject.instance(), self.iface.activeLayer(), Settings.load().last_gpkg)
        self.run_algorithm("hotspot:densityheatmap", {"INPUT": value} if value else None)

    def add_safety_layers(self) -> None:
        from .gui.add_layers import choose_and_add_layers

        choose_and_add_layers(self.iface)

    def show_import(self) -> None:
        from .gui.import_dialog import open_import_dialog

        open_import_dialog(self.iface)

    def show_scan_wizard(self) -> None:
        from .gui.scan_wizard import open_scan_wizard

        open_scan_wizard(self.iface)

    def show_schouw(self) -> None:
        from .gui.schouw_dialog import open_schouw_dialog

        open_schouw_dialog(self.iface)

    def show_near_repeat(self) -> None:
        from .gui.nearrepeat_dialog import open_nearrepeat_dialog

        open_nearrepeat_dialog(self.iface)

    def show_warning_letters(self) -> None:
        from .gui.nearrepeat_dialog import open_letters_dialog

        open_letters_dialog(self.iface)

    def show_settings(self) -> None:
        from .compat import exec_dialog
        from .gui.settings_dialog import SettingsDialog

        exec_dialog(SettingsDialog(self.iface.mainWindow()))
