"""The plugin loads through classFactory into a QGIS interface and unloads leaving nothing behind."""
from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QToolBar

import hotspot_plugin
from hotspot_plugin import i18n
from hotspot_plugin.processing.alg_createsafetygpkg import CreateSafetyGpkgAlgorithm


def _state(iface):
    window = iface.mainWindow()
    return {
        "menus": [a.text() for a in window.menuBar().actions()],
        "toolbars": sorted(tb.objectName() for tb in window.findChildren(QToolBar)
                           if tb.parent() is window),
        "providers": sorted(p.id() for p in QgsApplication.processingRegistry().providers()),
        "translator": i18n.current_translator(),
    }


def test_load_and_unload(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("hotspot") is not None:  # registered by other tests in this session
        registry.removeProvider(registry.providerById("hotspot"))
    before = _state(qgis_iface)
    plugin = hotspot_plugin.classFactory(qgis_iface)
    plugin.initGui()
    window = qgis_iface.mainWindow()
    menu = window.findChild(QMenu, plugin.MENU_OBJECT_NAME)
    assert menu is not None and menu.menuAction() in window.menuBar().actions()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    # 12 of 0.1 + import areas (issue #13) + effect of a measure, camera coverage, camera placement (issue #16)
    # + emerging hot spots, area monitor (issue #17)
    assert len(texts) == 18
    assert "Import areas (buurten, wijken)…" in texts
    toolbar = window.findChild(QToolBar, plugin.TOOLBAR_OBJECT_NAME)
    assert toolbar is not None and len(toolbar.actions()) == 3
    provider = registry.providerById("hotspot")
    assert provider is not None
    ids = {alg.id() for alg in provider.algorithms()}
    assert {"hotspot:createsafetygpkg", "hotspot:importincidents", "hotspot:importareas"} <= ids
    for alg in provider.algorithms():
        assert alg.shortHelpString(), f"{alg.id()} has no help"
        assert alg.displayName() and alg.group()

    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run deleteLater()
    after = _state(qgis_iface)
    assert after == {**before, "translator": None}
    assert registry.providerById("hotspot") is None
    assert window.findChild(QMenu, plugin.MENU_OBJECT_NAME) is None
    assert window.findChild(QToolBar, plugin.TOOLBAR_OBJECT_NAME) is None


def test_dutch_translation_is_installed_and_removed(qgis_app):
    assert i18n.install_translator("nl")
    try:
        assert i18n.tr("Import incidents") == "Incidenten importeren"
        assert i18n.tr("Add safety layers") == "Veiligheidslagen toevoegen"
        assert CreateSafetyGpkgAlgorithm().shortHelpString().startswith("<p>Maakt een lege")
    finally:
        i18n.remove_translator()
    assert i18n.tr("Import incidents") == "Import incidents"
    assert CreateSafetyGpkgAlgorithm().shortHelpString().startswith("<p>Creates an empty")


def test_every_algorithm_has_dutch_and_english_help(hotspot_provider):
    from hotspot_plugin.paths import resource

    for alg in hotspot_provider.algorithms():
        for lang in ("nl", "en"):
            path = resource("help", lang, f"{alg.name()}.html")
            assert path.exists(), path
            assert len(path.read_text(encoding="utf-8")) > 200
