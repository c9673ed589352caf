"""Logging to the plugin's own tab ("Hotspot") in the QGIS log messages panel."""
from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

TAG = "Hotspot"


def info(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Info)


def warning(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Warning)


def error(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Critical)


def debug(message: str) -> None:
    from .settings import Settings

    if Settings.load().debug:
        QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Info)
