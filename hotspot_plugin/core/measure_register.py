"""The measures register: records of measures taken at a place, and the rules that make them (pure core).

A measure chosen in a scan's advice becomes a :class:`MeasureRecord` (location: the scan area,
kind: its catalogue id, owner, status planned / active / ended, start and end dates, link to the
scan); so does a camera chosen by ``hotspot:cameraplacement`` (location: its coverage). The
register lives in the safety GeoPackage's ``measures`` layer (``storage.measures``); a later scan
of the same place lists the measures whose location meets its area, and the advice report
evaluates them (``hotspot:measureeffect``'s maths, :func:`evaluation_periods`).
"""
from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import Any, List, Mapping, Optional, Sequence

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from .advice import Advice
from .errors import InputError
from .i18n import N_
from .measure_effect import Periods

PLANNED, ACTIVE, ENDED = "gepland", "actief", "beeindigd"
STATUSES = {PLANNED: N_("planned"), ACTIVE: N_("active"), ENDED: N_("ended")}
SOURCES = {"advies": N_("scan advice"), "camera": N_("camera placement"), "hand": N_("entered by hand")}
#: A measure drawn as a point gets a circle of this radius (metres) as its location.
POINT_RADIUS = 25.0
#: The longest evaluation period (days) the advice report uses after a start date.
EVALUATION_DAYS = 365
#: Fewer days of data after the start than this: the report says it is too early to evaluate.
MIN_EVALUATION_DAYS = 28


@dataclass
class MeasureRecord:
    """One measure in the register; ``location`` a (multi)polygon in the GeoPackage's CRS."""

    location: BaseGeometry
    measure_id: str = ""  # catalogue id ("cameratoezicht"), empty for a free-text measure
    title: str = ""
    owner: str = ""
    status: str = PLANNED
    start_date: Optional[str] = None  # ISO date
    end_date: Optional[str] = None
    scan_uuid: str = ""
    priority: Optional[int] = None
    source: str = "hand"
    note: str = ""
    uuid: str = field(default_factory=lambda: str(uuidlib.uuid4()))
    created_at: str = ""
    updated_at: str = ""
    fid: Optional[int] = None

    def check(self) -> "MeasureRecord":
        """Normalise and check: a polygonal location (a point becomes a circle of
        :data:`POINT_RADIUS` m), a known status, ISO dates with the end not before the start."""
        self.location = as_location(self.location)
        if self.status not in STATUSES:
            raise InputError(N_("The status of a measure must be one of {statuses}, not {status}."),
                             statuses=", ".join(STATUSES), status=self.status)
        self.start_date = _iso(self.start_date)
        self.end_date = _iso(self.end_date)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise InputError(N_("The measure ends ({end}) before it starts ({start})."),
                             start=self.start_date, end=self.end_date)
        if not (self.measure_id or self.title):
            raise InputError(N_("A measure needs a kind from the catalogue or a title."))
        return self

    def key(self) -> str:
        """What identifies a measure within one scan: its catalogue id, else its title."""
        return self.measure_id or self.title.strip().lower()


def _iso(value: Any) -> Optional[str]:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(N_("The date {date} is not a date; write it as YYYY-MM-DD."), date=value) from None


def as_location(geometry: BaseGeometry, point_radius: float = POINT_RADIUS) -> MultiPolygon:
    """A measure's location as a MultiPolygon: polygons kept, points and lines widened by *point_radius*."""
    if geometry is None or geometry.is_empty:
        raise InputError(N_("A measure needs a location (an area or a point)."))
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        geometry = geometry.buffer(point_radius, 16)
    if not geometry.is_valid:
        geometry = geometry.buffer(0)
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry])
    if isinstance(geometry, MultiPolygon):
        return geometry
    polys = [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon)]
    if not polys:
        raise InputError(N_("A measure needs a location (an area or a point)."))
    return MultiPolygon(polys)


def records_from_advice(advice: Optional[Advice], area: BaseGeometry, scan_uuid: str,
                        titles: Optional[Mapping[str, str]] = None,
                        existing: Sequence[str] = ()) -> List[MeasureRecord]:
    """Register records for the chosen measures of a scan's advice.

    Location: the scan area; kind, owner, priority and note from the chosen measure; status
    planned; the start date the measure's due date when it has one. *titles* maps catalogue ids
    to titles; measures whose :meth:`MeasureRecord.key` is in *existing* (already registered for
    this scan) are skipped, so registering twice adds nothing.
    """
    titles = titles or {}
    seen = set(existing)
    records: List[MeasureRecord] = []
    for m in advice.measures if advice is not None else []:
        mid = m.measure_id or ""
        record = MeasureRecord(location=area, measure_id=mid, title=m.text or titles.get(mid, mid),
                               owner=m.owner or "", status=PLANNED, start_date=m.due_date,
                               scan_uuid=scan_uuid, priority=m.priority, source="advies", note=m.note or "")
        if not record.key() or record.key() in seen:
            continue
        seen.add(record.key())
        records.append(record.check())
    return records


def evaluation_periods(start: dt.date, end: Optional[dt.date], data_first: dt.date,
                       data_last: dt.date, max_days: int = EVALUATION_DAYS) -> Optional[Periods]:
    """Equal before and after periods around a measure's *start* for the advice report.

    After: from the start to the measure's end, the last day with data, or *max_days* days,
    whichever comes first; before: as many days just before the start, shortened to the first
    day with data (then the after period is shortened to the same length). None when there are
    fewer than :data:`MIN_EVALUATION_DAYS` days on either side.
    """
    last = min(d for d in (end, data_last, start + dt.timedelta(days=max_days - 1)) if d is not None)
    after_days = (last - start).days + 1
    before_days = min(after_days, (start - data_first).days)
    days = min(after_days, before_days)
    if days < MIN_EVALUATION_DAYS:
        return None
    return Periods(start - dt.timedelta(days=days), start - dt.timedelta(days=1), start,
                   start + dt.timedelta(days=days - 1))
