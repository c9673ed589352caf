"""The Processing provider "hotspot": every module processing/alg_*.py adds one algorithm."""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path, plugin_version


def algorithm_classes() -> list:
    """The algorithm classes, one per module alg_*.py (its ALGORITHM attribute), sorted by name."""
    package = __package__
    classes = []
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name.startswith("alg_"):
            module = importlib.import_module(f"{package}.{info.name}")
            classes.append(module.ALGORITHM)
    return classes


class HotspotProvider(QgsProcessingProvider):
    def id(self) -> str:  # noqa: A003 - QGIS API
        return "hotspot"

    def name(self) -> str:
        return tr("Hotspot (safety)")

    def longName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Hotspot safety analysis") + f" {plugin_version()}"

    def icon(self) -> QIcon:
        return QIcon(icon_path("hotspot.svg"))

    def svgIconPath(self) -> str:  # noqa: N802 - QGIS API
        return icon_path("hotspot.svg")

    def versionInfo(self) -> str:  # noqa: N802 - QGIS API
        return plugin_version()

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS API
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
