"""The house style of the advice report: organisation, logo and house colour."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional

from qgis.core import QgsExpressionContextUtils, QgsProject
from qgis.PyQt.QtGui import QColor

from ...settings import Settings

DEFAULT_COLOUR = "#1f4e79"


@dataclass
class HouseStyle:
    """Organisation name, logo and house colour of the report."""

    organisation: str = ""
    logo: str = ""
    colour: str = DEFAULT_COLOUR

    @classmethod
    def resolve(
        cls,
        project: Optional[QgsProject] = None,
        settings: Optional[Settings] = None,
        fallback_organisation: str = "",
    ) -> "HouseStyle":
        """Project variables (@hotspot_organisation, @hotspot_logo, @hotspot_colour) first, then
        Hotspot's settings, then *fallback_organisation* (the scan's)."""
        settings = settings or Settings.load()
        values: Dict[str, str] = {}
        if project is not None:
            scope = QgsExpressionContextUtils.projectScope(project)
            for name in ("organisation", "logo", "colour"):
                value = scope.variable(f"hotspot_{name}")
                if value not in (None, "") and str(value).strip() and str(value) != "NULL":
                    values[name] = str(value).strip()
        organisation = values.get("organisation") or settings.organisation or fallback_organisation
        logo = values.get("logo") or settings.logo_path or ""
        if logo and not os.path.isabs(logo) and project is not None and project.homePath():
            logo = str(Path(project.homePath()) / logo)
        colour = values.get("colour") or settings.house_colour or DEFAULT_COLOUR
        if not QColor(colour).isValid():
            colour = DEFAULT_COLOUR
        return cls(organisation, logo if logo and Path(logo).is_file() else "", QColor(colour).name())
