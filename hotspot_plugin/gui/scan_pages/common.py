"""What the wizard's pages share: colours, messages, dates in the user's style, safety-field
labels and what a safety GeoPackage holds (read once per file version).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QDate, QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QLabel,
)
from shapely import wkt as shapely_wkt

from ...core.categories import SAFETY_FIELDS
from ...core.errors import HotspotError
from ...i18n import dutch, tr
from ...storage import gpkg, scan_inputs
from ...storage.wizard_queries import has_incident_between, read_gpkg_summary

#: Colours of the map preview (the area as the rubber bands: map_tools.AREA_COLOUR).
ZONE_COLOUR = "#b2182b"
MESSAGE_ERROR = "color: #b00020;"
MESSAGE_HINT = "color: #555555;"
FIELD_CODES: Tuple[str, ...] = tuple(SAFETY_FIELDS)


def field_label(code: Optional[str]) -> str:
    """The label of a safety field in the user's language."""
    if code in SAFETY_FIELDS:
        return tr(SAFETY_FIELDS[code][1])
    return str(code or "")


def date_format() -> str:
    return "dd-MM-yyyy" if dutch() else "yyyy-MM-dd"


def ui_locale() -> QLocale:
    return (
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if dutch()
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def show_message(label: QLabel, text: str, error: bool) -> None:
    """A message on the page: red for an error, grey for a hint; plain text (a title or path in it stays text)."""
    label.setStyleSheet(MESSAGE_ERROR if error else MESSAGE_HINT)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def qdate(value: Any) -> QDate:
    """A QDate from a date, a datetime or an ISO text."""
    if isinstance(value, QDate):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return QDate(value.year, value.month, value.day)
    return QDate.fromString(str(value)[:10], "yyyy-MM-dd")


def when_text(value: Any) -> str:
    """A stored time ('2025-03-01T14:05:00...') as the user reads it: '01-03-2025 14:05' in Dutch."""
    parsed = _parse_time(value)
    if parsed is None:
        return str(value or "")
    return qdate(parsed).toString(date_format()) + parsed.strftime(" %H:%M")


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


# ------------------------------------------------------------------------------------------------
# What the GeoPackage holds
# ------------------------------------------------------------------------------------------------


@dataclass
class GpkgInfo:
    """What the wizard needs to know about a safety GeoPackage."""

    path: str
    crs: QgsCoordinateReferenceSystem
    n_incidents: int
    first: Optional[dt.datetime]
    last: Optional[dt.datetime]
    #: The extent of the incidents and the areas (buurten, municipality) together.
    extent: Optional[QgsRectangle]
    #: (code, label, safety field, number of incidents), in code order.
    categories: List[Tuple[str, str, str, int]]
    municipality: str


_INFO_CACHE: Dict[Tuple[str, int, int], GpkgInfo] = {}


def _parse_time(text: Any) -> Optional[dt.datetime]:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text)[:19])
    except ValueError:
        return None


def _code_key(code: str) -> list:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in str(code).split(".")]


def read_gpkg_info(path: str) -> GpkgInfo:
    """CRS, number and dates of the incidents, their extent and categories (HotspotError if unusable)."""
    gpkg.check_safety_gpkg(path)
    stat = os.stat(path)
    key = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    if key in _INFO_CACHE:
        return _INFO_CACHE[key]
    in_dutch = dutch()
    summary = read_gpkg_summary(path)
    crs = QgsCoordinateReferenceSystem(summary.crs)
    extent = QgsRectangle(*summary.extent) if summary.extent else None
    rows = summary.categories
    categories = sorted(
        (
            (str(code), str((nl if in_dutch else en) or nl or en or code), str(fld or ""), int(cnt))
            for code, fld, nl, en, cnt in rows
        ),
        key=lambda r: _code_key(r[0]),
    )
    info = GpkgInfo(
        path=str(path),
        crs=crs,
        n_incidents=summary.n_incidents,
        first=_parse_time(summary.first),
        last=_parse_time(summary.last),
        extent=extent,
        categories=categories,
        municipality=summary.municipality,
    )
    _INFO_CACHE.clear()
    _INFO_CACHE[key] = info
    return info


def buurt_name(path: str, area: QgsGeometry) -> str:
    """The name of the buurt (else wijk) holding the largest part of *area* (GeoPackage CRS), or ''."""
    try:
        with scan_inputs.reading(path) as con:
            _level, buurten = scan_inputs.buurten_of(scan_inputs.read_areas(con))
    except HotspotError:
        return ""
    try:
        shape = shapely_wkt.loads(area.asWkt())
    except Exception:  # noqa: BLE001 - an unreadable area simply has no name
        return ""
    best, best_share = "", 0.0
    for b in buurten:
        if b.name and b.geometry.intersects(shape):
            share = b.geometry.intersection(shape).area
            if share > best_share:
                best, best_share = b.name, share
    return best


def incidents_between(path: str, start: dt.date, end_exclusive: dt.date) -> int:
    """Whether (1) or not (0) the GeoPackage has an incident in [start, end)."""
    return 1 if has_incident_between(path, start, end_exclusive) else 0
