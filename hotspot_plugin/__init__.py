"""Hotspot Veiligheidsscan: location-based safety analysis for QGIS."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    """QGIS entry point: install translations, then build the plugin lazily."""
    from .i18n import install_translator

    install_translator()
    from .plugin import HotspotPlugin

    return HotspotPlugin(iface)
