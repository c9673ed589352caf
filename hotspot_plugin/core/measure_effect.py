"""The effect of a measure: before/after counts in target, buffer and control areas (pure core).

Zones (they do not overlap): R the target area (where the measure works; a point on its
boundary is in it), then D the buffer (a given buffer layer, or every point within an exact
distance of the target: a ring with round corners), then C the control area (a given control
layer, or everything else). Periods: b before, a after, compared by calendar day, both ends
included.

Definitions (Bowers & Johnson 2003; Welsh & Farrington's odds ratio):

* SUCCESS = Ra/Ca - Rb/Cb: negative when the target fell relative to the control area;
* WDQ (weighted displacement quotient) = (Da/Ca - Db/Cb) / SUCCESS, only given when
  SUCCESS < 0: above 0 a diffusion of benefits to the buffer, below 0 displacement;
* ODDS_RATIO = (Rb * Ca) / (Ra * Cb), above 1 a desirable effect, with its 95 % interval
  exp(ln OR +- 1.96 * se), se = sqrt(1/Rb + 1/Ra + 1/Cb + 1/Ca), and the two-sided p of
  z = ln OR / se; the buffer's odds ratio the same with D in place of R.

An undefined quotient (a zero count where it divides, Rb or Ra zero for the odds ratio) gives
None and a note; nothing here raises a division error.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .errors import InputError
from .i18n import N_
from .shapely_compat import contains_xy, touches_xy

TARGET, BUFFER, CONTROL, OUTSIDE = 0, 1, 2, -1
ZONE_CODES = {TARGET: "target", BUFFER: "buffer", CONTROL: "control"}
BEFORE, AFTER, NEITHER = 0, 1, -1
DEFAULT_BUFFER_DISTANCE = 250.0
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Periods:
    """The before and after periods as calendar dates, both ends included."""

    before_start: dt.date
    before_end: dt.date
    after_start: dt.date
    after_end: dt.date

    def check(self) -> None:
        """InputError when a period ends before it starts or the periods overlap or are swapped."""
        if self.before_end < self.before_start:
            raise InputError(N_("The before period ends ({end}) before it starts ({start})."),
                             start=self.before_start.isoformat(), end=self.before_end.isoformat())
        if self.after_end < self.after_start:
            raise InputError(N_("The after period ends ({end}) before it starts ({start})."),
                             start=self.after_start.isoformat(), end=self.after_end.isoformat())
        if self.after_start <= self.before_end:
            raise InputError(N_("The after period must start after the before period ends: it starts on {after} "
                                "and the before period ends on {before}."),
                             after=self.after_start.isoformat(), before=self.before_end.isoformat())

    def days(self) -> Tuple[int, int]:
        """The lengths in days of the before and after periods (both ends counted)."""
        return ((self.before_end - self.before_start).days + 1, (self.after_end - self.after_start).days + 1)


def period_of(days: np.ndarray, periods: Periods) -> np.ndarray:
    """BEFORE, AFTER or NEITHER per day number (days since 1970-01-01; the calendar day counts)."""
    epoch = dt.date(1970, 1, 1)
    day = np.floor(np.asarray(days, dtype=float))
    out = np.full(day.shape, NEITHER, dtype=np.int8)
    bs, be, as_, ae = ((d - epoch).days for d in (periods.before_start, periods.before_end,
                                                  periods.after_start, periods.after_end))
    with np.errstate(invalid="ignore"):
        out[(day >= bs) & (day <= be)] = BEFORE
        out[(day >= as_) & (day <= ae)] = AFTER
    return out


def _covers(geometry: Optional[BaseGeometry], x: np.ndarray, y: np.ndarray) -> np.ndarray:
    if geometry is None or geometry.is_empty:
        return np.zeros(x.shape, dtype=bool)
    return contains_xy(geometry, x, y) | touches_xy(geometry, x, y)


def _within_distance(geometry: BaseGeometry, x: np.ndarray, y: np.ndarray, distance: float) -> np.ndarray:
    from shapely.geometry import Point
    out = np.zeros(x.shape, dtype=bool)
    minx, miny, maxx, maxy = geometry.bounds
    near = (x >= minx - distance) & (x <= maxx + distance) & (y >= miny - distance) & (y <= maxy + distance)
    for i in np.flatnonzero(near):
        out[i] = geometry.distance(Point(float(x[i]), float(y[i]))) <= distance
    return out


def classify_zones(x: np.ndarray, y: np.ndarray, target: BaseGeometry, buffer: Optional[BaseGeometry] = None,
                   buffer_distance: float = DEFAULT_BUFFER_DISTANCE,
                   control: Optional[BaseGeometry] = None) -> np.ndarray:
    """TARGET, BUFFER, CONTROL or OUTSIDE per point; target first, then buffer, then control.

    A given *buffer* polygon wins over *buffer_distance* (exact distance to the target,
    boundary included). Without *control* every point not in target or buffer is control.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    zone = np.full(x.shape, OUTSIDE, dtype=np.int8)
    in_target = ok & _covers(target, np.where(ok, x, 0.0), np.where(ok, y, 0.0))
    zone[in_target] = TARGET
    rest = ok & ~in_target
    if buffer is not None and not buffer.is_empty:
        in_buffer = rest & _covers(buffer, np.where(ok, x, 0.0), np.where(ok, y, 0.0))
    elif buffer_distance > 0:
        in_buffer = np.zeros(x.shape, dtype=bool)
        idx = np.flatnonzero(rest)
        in_buffer[idx] = _within_distance(target, x[idx], y[idx], buffer_distance)
    else:
        in_buffer = np.zeros(x.shape, dtype=bool)
    zone[in_buffer] = BUFFER
    rest &= ~in_buffer
    if control is None:
        zone[rest] = CONTROL
    else:
        zone[rest & _covers(control, np.where(ok, x, 0.0), np.where(ok, y, 0.0))] = CONTROL
    return zone


def buffer_ring(target: BaseGeometry, distance: float, tolerance: float = 0.25) -> BaseGeometry:
    """The ring of points within *distance* of *target* (round corners within *tolerance*), target excluded."""
    if distance <= 0:
        return target.difference(target)
    step = 2.0 * math.acos(max(-1.0, 1.0 - tolerance / distance))
    quad_segs = max(4, int(math.ceil((math.pi / 2) / max(step, 1e-6))))
    return target.buffer(distance, quad_segs).difference(target)


@dataclass
class ZoneCounts:
    """Incidents per zone before (b) and after (a)."""

    rb: int = 0
    ra: int = 0
    db: int = 0
    da: int = 0
    cb: int = 0
    ca: int = 0

    @classmethod
    def count(cls, zone: np.ndarray, period: np.ndarray) -> "ZoneCounts":
        def n(z: int, p: int) -> int:
            return int(np.count_nonzero((zone == z) & (period == p)))
        return cls(n(TARGET, BEFORE), n(TARGET, AFTER), n(BUFFER, BEFORE), n(BUFFER, AFTER),
                   n(CONTROL, BEFORE), n(CONTROL, AFTER))

    def pair(self, zone: int) -> Tuple[int, int]:
        return {TARGET: (self.rb, self.ra), BUFFER: (self.db, self.da), CONTROL: (self.cb, self.ca)}[zone]


@dataclass
class OddsRatio:
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    p: Optional[float] = None


@dataclass
class Effect:
    """SUCCESS, WDQ and the odds ratios of one set of counts, with notes on what is undefined."""

    counts: ZoneCounts
    success: Optional[float]
    wdq: Optional[float]
    odds: OddsRatio
    buffer_odds: OddsRatio
    notes: List[Tuple[str, Dict[str, object]]] = field(default_factory=list)


def odds_ratio(before: int, after: int, cb: int, ca: int) -> OddsRatio:
    """(before * Ca) / (after * Cb) with its 95 % interval and two-sided p; None parts when undefined."""
    if min(before, after, cb, ca) <= 0:
        return OddsRatio()
    value = (before * ca) / (after * cb)
    se = math.sqrt(1.0 / before + 1.0 / after + 1.0 / cb + 1.0 / ca)
    log_or = math.log(value)
    z = log_or / se
    return OddsRatio(value, math.exp(log_or - Z_95 * se), math.exp(log_or + Z_95 * se),
                     math.erfc(abs(z) / math.sqrt(2.0)))


def effect(counts: ZoneCounts, buffer_used: bool = True) -> Effect:
    """SUCCESS, WDQ and odds ratios of *counts*; undefined values are None with a note each."""
    c = counts
    notes: List[Tuple[str, Dict[str, object]]] = []
    success = wdq = None
    if c.cb == 0 or c.ca == 0:
        notes.append((N_("The control area has no incidents in the before period, so SUCCESS, WDQ and the odds "
                         "ratios cannot be computed.") if c.cb == 0 else
                      N_("The control area has no incidents in the after period, so SUCCESS, WDQ and the odds "
                         "ratios cannot be computed."), {}))
    else:
        success = c.ra / c.ca - c.rb / c.cb
        if not buffer_used:
            pass
        elif success < 0:
            wdq = (c.da / c.ca - c.db / c.cb) / success
        elif success == 0:
            notes.append((N_("The target area did not change relative to the control area (SUCCESS = 0), so the "
                             "WDQ is undefined."), {}))
        else:
            notes.append((N_("The target area did not fall relative to the control area (SUCCESS > 0): the WDQ "
                             "is only meaningful after a fall and is left empty."), {}))
    odds = odds_ratio(c.rb, c.ra, c.cb, c.ca)
    if c.cb and c.ca and (c.rb == 0 or c.ra == 0):
        notes.append((N_("The target area has no incidents in the before period, so its odds ratio is undefined.")
                      if c.rb == 0 else
                      N_("The target area has no incidents in the after period, so its odds ratio is undefined."), {}))
    buffer_odds = odds_ratio(c.db, c.da, c.cb, c.ca) if buffer_used else OddsRatio()
    if buffer_used and c.cb and c.ca and (c.db == 0 or c.da == 0):
        notes.append((N_("The buffer area has no incidents in the before period, so its odds ratio is undefined.")
                      if c.db == 0 else
                      N_("The buffer area has no incidents in the after period, so its odds ratio is undefined."), {}))
    return Effect(counts, success, wdq, odds, buffer_odds, notes)


@dataclass
class GroupRow:
    group: str
    zone: str
    before: int
    after: int

    @property
    def change(self) -> Optional[float]:
        """The relative change after/before - 1, None when there was nothing before."""
        return None if self.before == 0 else self.after / self.before - 1.0


def group_rows(zone: np.ndarray, period: np.ndarray, groups: Optional[Sequence[object]] = None,
               all_label: str = "") -> List[GroupRow]:
    """Rows (group, zone, before, after): one per zone for all incidents when *groups* is None,
    else per zone for each group value (sorted; None shown as empty text)."""
    rows: List[GroupRow] = []
    if groups is None:
        counts = ZoneCounts.count(zone, period)
        for z in (TARGET, BUFFER, CONTROL):
            b, a = counts.pair(z)
            rows.append(GroupRow(all_label, ZONE_CODES[z], b, a))
        return rows
    labels = np.asarray(["" if g is None else str(g) for g in groups], dtype=object)
    for value in sorted(set(labels.tolist())):
        mask = labels == value
        counts = ZoneCounts.count(zone[mask], period[mask])
        for z in (TARGET, BUFFER, CONTROL):
            b, a = counts.pair(z)
            rows.append(GroupRow(value, ZONE_CODES[z], b, a))
    return rows


def period_note(periods: Periods) -> Optional[Tuple[str, Dict[str, object]]]:
    """A note when the two periods differ in length (the counts are not scaled)."""
    before, after = periods.days()
    if before == after:
        return None
    return (N_("The periods differ in length ({before} days before, {after} days after). The counts are not scaled: "
               "SUCCESS, WDQ and the odds ratios compare each area with the control area in the same period, "
               "but the raw changes per area also reflect the different lengths."), {"before": before, "after": after})


def union(shapes: Sequence[BaseGeometry]) -> Optional[BaseGeometry]:
    """The union of *shapes* (None for none)."""
    shapes = [s for s in shapes if s is not None and not s.is_empty]
    return unary_union(shapes) if shapes else None


def _percent(before: int, after: int) -> Optional[float]:
    return None if before == 0 else 100.0 * (after / before - 1.0)


def conclusion_parts(result: Effect, buffer_label: str) -> List[Tuple[str, Dict[str, object]]]:
    """A plain-language conclusion as (template, parameters) sentences; numbers as floats to format.

    ``buffer_label`` describes the buffer (e.g. "the 250 m around it"); percentages are given
    as ``{target_pct}`` etc. (absolute values) so the caller formats them in its language.
    """
    c = result.counts
    parts: List[Tuple[str, Dict[str, object]]] = []
    t, k = _percent(c.rb, c.ra), _percent(c.cb, c.ca)
    if t is None or k is None:
        parts.append((N_("Incidents went from {rb} to {ra} in the target area and from {cb} to {ca} in the "
                         "control area; there were too few incidents before to give percentages."),
                      {"rb": c.rb, "ra": c.ra, "cb": c.cb, "ca": c.ca}))
    else:
        template = {(True, True): N_("Incidents fell {target_pct}% in the target area against {control_pct}% in the "
                                     "control area"),
                    (True, False): N_("Incidents fell {target_pct}% in the target area while they rose "
                                      "{control_pct}% in the control area"),
                    (False, True): N_("Incidents rose {target_pct}% in the target area while they fell "
                                      "{control_pct}% in the control area"),
                    (False, False): N_("Incidents rose {target_pct}% in the target area against {control_pct}% in "
                                       "the control area")}[(t <= 0, k <= 0)]
        parts.append((template, {"target_pct": abs(t), "control_pct": abs(k)}))
    odds = result.odds
    if odds.value is not None and odds.p is not None:
        if odds.p < 0.05 and odds.value > 1:
            parts.append((N_("relative to the control area this is a significant fall (odds ratio {or_}, 95% "
                             "interval {low} to {high})"), {"or_": odds.value, "low": odds.low, "high": odds.high}))
        elif odds.p < 0.05:
            parts.append((N_("relative to the control area this is a significant rise (odds ratio {or_}, 95% "
                             "interval {low} to {high})"), {"or_": odds.value, "low": odds.low, "high": odds.high}))
        else:
            parts.append((N_("the difference with the control area is not significant (odds ratio {or_}, p = "
                             "{p})"), {"or_": odds.value, "p": odds.p}))
    if result.wdq is not None and odds.p is not None and odds.p >= 0.05:
        parts.append((N_("the WDQ ({wdq}) is not read as displacement or diffusion, because the change in the "
                         "target area is not significant"), {"wdq": result.wdq}))
    elif result.wdq is not None:
        if result.wdq > 0:
            parts.append((N_("no displacement to {buffer}: the buffer improved too (WDQ {wdq})"),
                          {"buffer": buffer_label, "wdq": result.wdq}))
        elif result.wdq < 0:
            parts.append((N_("some displacement to {buffer} (WDQ {wdq})"), {"buffer": buffer_label, "wdq": result.wdq}))
        else:
            parts.append((N_("no displacement to {buffer} (WDQ 0)"), {"buffer": buffer_label}))
    return parts
