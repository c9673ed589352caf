"""Names shared by the parts of the field package: layers, tables, folders and the findings' fields."""

from __future__ import annotations

from typing import Any, Optional

from ...core import schema

ROUTE_LAYER = "schouw_route"
AREA_LAYER = "schouw_area"
STREETS_LAYER = "streets"
META_TABLE = "hotspot_schouw_package"
SYNC_TABLE = "hotspot_schouw_sync"
PHOTO_FOLDER = "DCIM"
OFFICE_PHOTO_FOLDER = "schouwfoto's"
#: Existing points of a scan closer than this (m) to a new one keep their uuid.
SAME_POINT_DISTANCE = 0.5
#: QField's default attachment name (a time stamp under DCIM/).
QFIELD_PHOTO_NAME = "'DCIM/' || format_date(now(), 'yyyyMMddhhmmsszzz') || '.{extension}'"
#: Day parts by the hour of now(), as core.scan.DAGDELEN_HOURS defines them.
DAGDEEL_EXPRESSION = (
    "CASE WHEN hour(now()) >= 7 AND hour(now()) < 19 THEN 'dag' "
    "WHEN hour(now()) >= 19 AND hour(now()) < 23 THEN 'avond' ELSE 'nacht' END"
)
FINDING_FIELDS = tuple(f.name for f in schema.LAYER_BY_NAME[schema.SCHOUW_FINDINGS].fields)
CONTENT_FIELDS = (
    "checklist_item",
    "severity",
    "dagdeel",
    "description",
    "photo",
    "action",
    "owner",
    "due_date",
    "status",
    "observed_at",
    "point_uuid",
)
STATUSES = ("open", "in_behandeling", "afgehandeld")


def text_value(value: Any) -> Optional[str]:
    """A stored value as stripped text (None when empty); bytes raise ValueError."""
    if value is None:
        return None
    if isinstance(value, bytes):
        raise ValueError("binary")
    text = str(value).strip()
    return text or None

