"""QGIS attribute values as plain Python: the one NULL check of the QGIS side."""
from __future__ import annotations

from qgis.core import NULL
from qgis.PyQt.QtCore import QVariant


def is_null(value: object) -> bool:
    """True for None, QGIS's NULL and a null QVariant."""
    return value is None or value == NULL or (isinstance(value, QVariant) and value.isNull())


def plain(value: object) -> object:
    """An attribute value with QGIS's NULL as None."""
    return None if is_null(value) else value
