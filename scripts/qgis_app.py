"""Start a headless QGIS application with Processing and the Hotspot provider (for scripts)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if Path("/usr/share/proj/proj.db").exists():
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")

_app = None
_provider = None  # keep the Python object alive while QGIS holds the provider


def start(with_provider: bool = True):
    """The QgsApplication (created once), with Processing initialised."""
    global _app, _provider
    from qgis.core import QgsApplication

    if _app is None:
        sys.path.append("/usr/share/qgis/python/plugins")
        QgsApplication.setPrefixPath("/usr", True)
        _app = QgsApplication([], False)
        _app.initQgis()
        from processing.core.Processing import Processing

        Processing.initialize()
        if with_provider:
            from hotspot_plugin.processing.provider import HotspotProvider

            _provider = HotspotProvider()
            QgsApplication.processingRegistry().addProvider(_provider)
    return _app
