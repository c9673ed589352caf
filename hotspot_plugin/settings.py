"""Typed plugin settings stored in QgsSettings under "hotspot/"."""
from __future__ import annotations

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

PREFIX = "hotspot/"


@dataclass
class Settings:
    """What a user can set once for all scans and reports."""

    organisation: str = ""
    author: str = ""
    logo_path: str = ""
    house_colour: str = "#1f4e79"
    small_count_threshold: int = 5
    last_gpkg: str = ""
    debug: bool = False

    @classmethod
    def load(cls) -> "Settings":
        store = QgsSettings()
        values = {}
        for f in fields(cls):
            default = f.default
            raw = store.value(PREFIX + f.name, default)
            if isinstance(default, bool):
                values[f.name] = raw in (True, "true", "True", "1", 1)
            elif isinstance(default, int):
                try:
                    values[f.name] = int(raw)
                except (TypeError, ValueError):
                    values[f.name] = default
            else:
                values[f.name] = "" if raw is None else str(raw)
        return cls(**values)

    def save(self) -> None:
        store = QgsSettings()
        for f in fields(self):
            store.setValue(PREFIX + f.name, getattr(self, f.name))
