"""The few differences between QGIS 3.22 and QGIS 4 (Qt5/Qt6) in one place."""
from __future__ import annotations

from qgis.core import Qgis

QGIS_INT = Qgis.QGIS_VERSION_INT


def exec_dialog(dialog) -> int:
    """QDialog.exec_() on Qt5, exec() on Qt6."""
    runner = getattr(dialog, "exec", None) or dialog.exec_
    return runner()
