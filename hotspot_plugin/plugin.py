"""The plugin shell: the Hotspot menu and toolbar, the Processing provider, clean unload."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from . import log
from .compat import QAction
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
        self.menu = QMenu(tr("Hotspot"), main_window)
        self.menu.setObjectName(self.MENU_OBJECT_NAME)
        self.toolbar = self.iface.addToolBar(tr("Hotspot"))
        self.toolbar.setObjectName(self.TOOLBAR_OBJECT_NAME)

        self._add_action("database.svg", tr("Create safety GeoPackage…"),
                         lambda: self.run_algorithm("hotspot:createsafetygpkg"), toolbar=False)
        self._add_action("import.svg", tr("Import incidents…"), self.show_import)
        self._add_action("import.svg", tr("Import areas (buurten, wijken)…"),
                         lambda: self.run_algorithm("hotspot:importareas"), toolbar=False)
        self._add_action("layers.svg", tr("Add safety layers"), self.add_safety_layers)
        self.menu.addSeparator()
        self._add_action("heatmap.svg", tr("Density heatmap…"),
                         lambda: self.run_algorithm("hotspot:densityheatmap"), toolbar=False)
        self._add_action("gistar.svg", tr("Hot spots (Gi*)…"), lambda: self.run_algorithm("hotspot:gistar"),
                         toolbar=False)
        self._add_action("zones.svg", tr("Hotspot zones…"), lambda: self.run_algorithm("hotspot:hotspotzones"),
                         toolbar=False)
        self._add_action("gistar.svg", tr("Emerging hot spots…"),
                         lambda: self.run_algorithm("hotspot:emerginghotspots"), toolbar=False)
        self._add_action("layers.svg", tr("Area monitor (Buurtmonitor)…"),
                         lambda: self.run_algorithm("hotspot:areamonitor"), toolbar=False)
        self.menu.addSeparator()
        self._add_action("scan.svg", tr("Environment scan (omgevingsscan)…"), self.show_scan_wizard)
        self._add_action("schouw.svg", tr("Prepare buurtschouw…"), self.show_schouw, toolbar=False)
        self._add_action("import.svg", tr("Import buurtschouw findings…"),
                         lambda: self.run_algorithm("hotspot:importschouw"), toolbar=False)
        self.menu.addSeparator()
        self._add_action("nearrepeat.svg", tr("Near-repeat analysis…"), self.show_near_repeat, toolbar=False)
        self._add_action("letters.svg", tr("Warning letters…"), self.show_warning_letters, toolbar=False)
        self.menu.addSeparator()
        self._add_action("hotspot.svg", tr("Effect of a measure…"),
                         lambda: self.run_algorithm("hotspot:measureeffect"), toolbar=False)
        self._add_action("hotspot.svg", tr("Camera coverage…"),
                         lambda: self.run_algorithm("hotspot:cameracoverage"), toolbar=False)
        self._add_action("hotspot.svg", tr("Camera placement…"),
                         lambda: self.run_algorithm("hotspot:cameraplacement"), toolbar=False)
        self.menu.addSeparator()
        self._add_action("settings.svg", tr("Settings…"), self.show_settings, toolbar=False)

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
        import processing

        processing.execAlgorithmDialog(algorithm_id, parameters or {})

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
