"""Buurtschouw preparation: which points to visit, in which order, and how long the walk takes (pure core).

Choosing the points (:func:`choose_points`)
-------------------------------------------
Candidates come from four sources, each with a reason a resident understands:

* ``user``: points a user adds (always first, also outside the area);
* ``hotspot``: one point per hotspot zone that touches the area: the zone's peak when it lies in
  the area, else the centroid of the zone's part in the area, else a point on that part; the
  zones ranked 1, 2, ... come in that order;
* ``finding``: open findings of earlier walks in the area (status not ``afgehandeld``): red
  (rood) first, then orange, then green;
* ``risk_object``: risk objects of the chosen kinds in the area (default hangplek, horeca,
  speelplaats, ov_halte, school): first those inside a hotspot zone, then the others; within each
  of these two, taking turns over the kinds in the order asked for (the first of every kind,
  then the second, ...), and within a kind the one nearest to a hotspot zone first.

The candidates are taken in that order (``user``, ``hotspot``, ``finding``, ``risk_object``). A
candidate closer than ``min_distance`` (default 50 m, strictly closer) to a point already chosen
joins that point -- the nearest one -- and adds its reason to it ("one stop, several reasons");
otherwise it becomes a new point while fewer than ``max_points`` are chosen, and is left out
after that. Candidates without finite coordinates are ignored.

Ordering the route (:func:`order_route`)
----------------------------------------
The walk starts at a fixed node and visits every other node once; it ends at the last point
(``closed=False``, the default) or returns to the start (``closed=True``). Distances come from a
matrix: street distances (shortest paths over the street network, computed by the QGIS layer) or
straight lines (:func:`euclidean_matrix`). The matrix is taken to be symmetric (walkers use
streets both ways). Up to :data:`EXACT_LIMIT` nodes besides the start the order is optimal
(Held-Karp dynamic programming); above that it is the nearest-neighbour tour improved by 2-opt
and Or-opt moves until none shortens it, so it is never longer than the nearest-neighbour tour.
Ties are broken by the lowest node index, so the result is deterministic.

Walking time (:func:`walking_minutes`)
--------------------------------------
Length at 4.5 km/h (75 m a minute, a group walking and talking) plus a fixed number of minutes
per stop (default 10) for looking and noting.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep
from shapely.wkt import loads as wkt_loads

from .errors import InputError
from .i18n import N_
from .numbers import format_number
from .progress import Monitor, ensure
from .scan_record import ZoneInfo

#: Walking speed of a schouw group (km/h).
WALK_SPEED_KMH = 4.5
#: Minutes spent at each stop.
DEFAULT_STOP_MINUTES = 10.0
#: Candidates closer than this (m) to a chosen point join it.
DEFAULT_MIN_DISTANCE = 50.0
DEFAULT_MAX_POINTS = 15
#: Streets within this margin (m) around the points' bounding box take part in the routing.
STREET_MARGIN = 600.0
#: Streets within this distance (m) of the area and the points go into the field package.
CONTEXT_MARGIN = 250.0
#: Risk object kinds visited by default.
DEFAULT_RISK_KINDS: Tuple[str, ...] = ("hangplek", "horeca", "speelplaats", "ov_halte", "school")
#: Up to this many nodes besides the start the route is exactly optimal (Held-Karp).
EXACT_LIMIT = 15
#: Reason kinds, in the order candidates are taken.
REASON_KINDS: Tuple[str, ...] = ("user", "hotspot", "finding", "risk_object")
#: Finding status that counts as closed.
CLOSED_STATUSES = frozenset({"afgehandeld"})
_SEVERITY_ORDER = {"rood": 0, "oranje": 1, "groen": 2}
#: Reasons of several risk objects of one kind at one stop are told together.
_PLURAL = {
    "Risk object: {kind} – {name}": N_("Risk objects: {kind} – {names}"),
    "Risk object in a hotspot zone: {kind} – {name}": N_("Risk objects in a hotspot zone: {kind} – {names}"),
}

Translate = Callable[[str], str]


@dataclass(frozen=True)
class Text:
    """A translatable text: an English template (marked with N_) and its parameters.

    Parameters named in ``translated`` hold templates themselves and are translated too.
    """

    template: str
    params: Tuple[Tuple[str, Any], ...] = ()
    translated: Tuple[str, ...] = ()

    def render(self, translate: Optional[Translate] = None) -> str:
        """The text in the language of *translate* (English without)."""
        tr = translate or (lambda s: s)
        params = {k: (tr(v) if k in self.translated and isinstance(v, str) else v) for k, v in self.params}
        text = tr(self.template)
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**params)


def _text(template: str, translated: Sequence[str] = (), **params: Any) -> Text:
    return Text(template, tuple(sorted(params.items())), tuple(translated))


@dataclass
class Candidate:
    """A possible schouw point with its reason; lower ``priority`` tuples are taken first."""

    x: float
    y: float
    kind: str
    reason: Text
    label: Text
    priority: Tuple[Any, ...]
    source_id: str = ""


@dataclass
class SchouwPoint:
    """A chosen point: where, the main reason kind, its label and every reason that led to it."""

    x: float
    y: float
    kind: str
    label: Text
    reasons: List[Candidate] = field(default_factory=list)

    def reason_text(self, translate: Optional[Translate] = None, separator: str = "; ") -> str:
        """All reasons, the main one first; risk objects of one kind are named together."""
        groups: List[Tuple[Any, List[Candidate]]] = []
        for c in self.reasons:
            params = tuple(p for p in c.reason.params if p[0] != "name")
            key = (c.reason.template, params) if c.reason.template in _PLURAL else (id(c),)
            for k, members in groups:
                if k == key:
                    members.append(c)
                    break
            else:
                groups.append((key, [c]))
        seen: List[str] = []
        for _key, members in groups:
            if len(members) == 1:
                text = members[0].reason.render(translate)
            else:
                first = members[0].reason
                names = ", ".join(str(dict(m.reason.params).get("name", "")) for m in members)
                params = {k: v for k, v in first.params if k != "name"}
                text = _text(_PLURAL[first.template], first.translated, names=names, **params).render(
                    translate
                )
            if text not in seen:
                seen.append(text)
        return separator.join(seen)

    def label_text(self, translate: Optional[Translate] = None) -> str:
        return self.label.render(translate)


@dataclass
class Choice:
    """The result of :func:`choose_points`: the points and how many candidates were left out."""

    points: List[SchouwPoint]
    n_candidates: int
    n_merged: int
    n_dropped: int


# ------------------------------------------------------------------------------ candidates


def _finite(x: float, y: float) -> bool:
    return math.isfinite(x) and math.isfinite(y)


def _inside(area: Optional[BaseGeometry]):
    if area is None or area.is_empty:
        return lambda x, y: True
    prepared = prep(area)
    return lambda x, y: prepared.covers(Point(x, y))


def user_candidates(
    x: Sequence[float], y: Sequence[float], labels: Optional[Sequence[Optional[str]]] = None
) -> List[Candidate]:
    """Points a user adds (kept even outside the area), in the given order."""
    xs, ys = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    if xs.shape != ys.shape:
        raise InputError(N_("The extra points have {nx} x and {ny} y coordinates."), nx=xs.size, ny=ys.size)
    out = []
    for i in range(xs.size):
        name = (labels[i] if labels is not None and i < len(labels) else None) or ""
        name = str(name).strip()
        label = _text("{name}", name=name) if name else _text(N_("Extra point {n}"), n=i + 1)
        reason = (
            _text(N_("Added by the organiser: {name}"), name=name)
            if name
            else _text(N_("Added by the organiser"))
        )
        out.append(Candidate(float(xs[i]), float(ys[i]), "user", reason, label, (0, i), name))
    return out


def hotspot_candidates(zones: Sequence[Any], area: Optional[BaseGeometry] = None) -> List[Candidate]:
    """One candidate per hotspot zone touching *area*.

    *zones*: items with ``geometry``, ``peak`` and optionally ``rank``, ``peak_x``/``peak_y``
    (``core.zones.Zone``, ``core.scan.HotspotZone``), or dicts with those keys, or (geometry,
    peak[, rank]) tuples. Without ranks the zones are ranked by peak, highest first.
    """
    rows = []
    for i, z in enumerate(zones):
        if isinstance(z, Mapping):
            geom, peak, rank = z.get("geometry"), z.get("peak"), z.get("rank")
            px, py = z.get("peak_x"), z.get("peak_y")
        elif hasattr(z, "geometry"):
            geom, peak = z.geometry, getattr(z, "peak", None)
            rank, px, py = getattr(z, "rank", None), getattr(z, "peak_x", None), getattr(z, "peak_y", None)
        else:
            parts = tuple(z)
            geom, peak = parts[0], parts[1] if len(parts) > 1 else None
            rank = parts[2] if len(parts) > 2 else None
            px = py = None
        if geom is None or geom.is_empty:
            continue
        peak_value = float(peak) if peak is not None and math.isfinite(float(peak)) else math.nan
        rows.append((geom, peak_value, rank, px, py, i))
    order = sorted(rows, key=lambda r: (-r[1] if math.isfinite(r[1]) else math.inf, r[5]))
    auto_rank = {r[5]: k + 1 for k, r in enumerate(order)}
    out = []
    for geom, peak_value, rank, px, py, i in rows:
        part = geom if area is None or area.is_empty else geom.intersection(area)
        if part.is_empty:
            continue
        if (
            px is not None
            and py is not None
            and _finite(float(px), float(py))
            and part.covers(Point(float(px), float(py)))
        ):
            pt = Point(float(px), float(py))
        else:
            pt = part.centroid
            if not part.covers(pt):
                pt = part.representative_point()
        r = int(rank) if rank is not None else auto_rank[i]
        reason = _text(
            N_("Hotspot zone {rank} (highest density {peak})"), rank=r, peak=_format_peak(peak_value)
        )
        out.append(
            Candidate(
                pt.x, pt.y, "hotspot", reason, _text(N_("Hotspot {rank}"), rank=r), (1, r, i), f"zone:{r}"
            )
        )
    return out


def scan_zones(zones: Optional[Sequence[ZoneInfo]]) -> List[Dict[str, Any]]:
    """The hotspot zones a saved scan keeps in its parameters (``record.parameters.zones``) as dicts
    for :func:`hotspot_candidates`; a zone whose wkt cannot be read is skipped."""
    out = []
    for z in zones or []:
        try:
            geom = wkt_loads(z.wkt)
        except Exception:  # noqa: BLE001 - a damaged zone is skipped
            continue
        out.append({"geometry": geom, "peak": z.peak, "rank": z.rank, "peak_x": z.peak_x, "peak_y": z.peak_y})
    return out


def _format_peak(value: float) -> str:
    if not math.isfinite(value):
        return "-"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.1f}"
    return f"{value:.3g}"


def finding_candidates(
    x: Sequence[float],
    y: Sequence[float],
    severity: Sequence[str],
    checklist_item: Sequence[str],
    status: Sequence[str],
    uuid: Optional[Sequence[str]] = None,
    area: Optional[BaseGeometry] = None,
    item_labels: Optional[Mapping[str, str]] = None,
) -> List[Candidate]:
    """Open earlier findings in *area*: red first, then orange, then green.

    *item_labels* maps a checklist code to its label (shown in the reason).
    """
    xs, ys = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    n = xs.size
    for name, values in (("severity", severity), ("checklist_item", checklist_item), ("status", status)):
        if len(values) != n:
            raise InputError(
                N_("The earlier findings have {n} points but {m} values of {field}."),
                n=n,
                m=len(values),
                field=name,
            )
    inside = _inside(area)
    severity_names = {"rood": N_("red"), "oranje": N_("orange"), "groen": N_("green")}
    out = []
    for i in range(n):
        if not _finite(xs[i], ys[i]):
            continue
        if str(status[i] or "").strip().lower() in CLOSED_STATUSES or not inside(xs[i], ys[i]):
            continue
        sev = str(severity[i] or "").strip().lower()
        item = str(checklist_item[i] or "").strip()
        label = (item_labels or {}).get(item, item) or "-"
        reason = _text(
            N_("Open finding of an earlier walk: {item} ({severity})"),
            ("severity",),
            item=label,
            severity=severity_names.get(sev, sev or "-"),
        )
        out.append(
            Candidate(
                float(xs[i]),
                float(ys[i]),
                "finding",
                reason,
                _text(N_("Finding: {item}"), item=label),
                (2, _SEVERITY_ORDER.get(sev, 3), i),
                str(uuid[i]) if uuid is not None else "",
            )
        )
    return out


def risk_object_candidates(
    x: Sequence[float],
    y: Sequence[float],
    kind: Sequence[str],
    name: Sequence[Optional[str]],
    kinds: Sequence[str] = DEFAULT_RISK_KINDS,
    area: Optional[BaseGeometry] = None,
    zones: Optional[BaseGeometry] = None,
    kind_labels: Optional[Mapping[str, str]] = None,
    ids: Optional[Sequence[str]] = None,
) -> List[Candidate]:
    """Risk objects of *kinds* in *area*, ordered as the module docstring says (*zones*: one geometry).

    *kind_labels* maps a kind to an English label marked with N_ (translated when rendered).
    """
    xs, ys = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    n = xs.size
    if len(kind) != n or len(name) != n:
        raise InputError(
            N_("The risk objects have {n} points but {k} kinds and {m} names."), n=n, k=len(kind), m=len(name)
        )
    wanted = [str(k) for k in kinds]
    rank = {k: i for i, k in enumerate(wanted)}
    inside = _inside(area)
    has_zones = zones is not None and not zones.is_empty
    found = []
    for i in range(n):
        k = str(kind[i] or "")
        if k not in rank or not _finite(xs[i], ys[i]) or not inside(xs[i], ys[i]):
            continue
        d = zones.distance(Point(xs[i], ys[i])) if has_zones else math.inf
        found.append((i, k, d))
    # Within a kind: nearest to a zone first; over the kinds: the first of each kind, then the second, ...
    place: Dict[int, int] = {}
    for k in wanted:
        for zoned in (True, False):
            of_kind = sorted(
                (t for t in found if t[1] == k and (t[2] == 0) == zoned), key=lambda t: (t[2], t[0])
            )
            for pos, t in enumerate(of_kind):
                place[t[0]] = pos
    out = []
    for i, k, d in found:
        title = str(name[i] or "").strip()
        kind_label = (kind_labels or {}).get(k, k)
        in_zone = has_zones and d == 0
        if title:
            template = (
                N_("Risk object in a hotspot zone: {kind} – {name}")
                if in_zone
                else N_("Risk object: {kind} – {name}")
            )
            reason = _text(template, ("kind",), kind=kind_label, name=title)
            label = _text("{name}", name=title)
        else:
            template = N_("Risk object in a hotspot zone: {kind}") if in_zone else N_("Risk object: {kind}")
            reason = _text(template, ("kind",), kind=kind_label)
            label = _text("{kind}", ("kind",), kind=kind_label)
        out.append(
            Candidate(
                float(xs[i]),
                float(ys[i]),
                "risk_object",
                reason,
                label,
                (3, 0 if in_zone else 1, place[i], rank[k], i),
                str(ids[i]) if ids is not None else "",
            )
        )
    return out


# ------------------------------------------------------------------------------ choosing


def dedup_owners(x: Sequence[float], y: Sequence[float], min_distance: float) -> List[int]:
    """Greedy de-duplication in the given order.

    Returns ``owner`` with ``owner[i] == i`` for a kept point and otherwise the index of the
    nearest earlier kept point closer than *min_distance* (strictly) that point *i* joins.
    """
    xs, ys = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    if min_distance < 0 or not math.isfinite(min_distance):
        raise InputError(
            N_("The minimum distance between points must be 0 or more, not {value}."), value=min_distance
        )
    owners: List[int] = []
    kept: List[int] = []
    for i in range(xs.size):
        owner = i
        if kept and min_distance > 0:
            kx, ky = xs[kept], ys[kept]
            d = np.hypot(kx - xs[i], ky - ys[i])
            j = int(np.argmin(d))
            if d[j] < min_distance:
                owner = kept[j]
        if owner == i:
            kept.append(i)
        owners.append(owner)
    return owners


def choose_points(
    candidates: Sequence[Candidate],
    max_points: int = DEFAULT_MAX_POINTS,
    min_distance: float = DEFAULT_MIN_DISTANCE,
    monitor: Optional[Monitor] = None,
) -> Choice:
    """The schouw points from *candidates* (see the module docstring for the rules)."""
    monitor = ensure(monitor)
    if int(max_points) < 1:
        raise InputError(
            N_("The maximum number of points must be at least 1, not {value}."), value=max_points
        )
    if min_distance < 0 or not math.isfinite(min_distance):
        raise InputError(
            N_("The minimum distance between points must be 0 or more, not {value}."), value=min_distance
        )
    ordered = sorted((c for c in candidates if _finite(c.x, c.y)), key=lambda c: c.priority)
    points: List[SchouwPoint] = []
    px: List[float] = []
    py: List[float] = []
    merged = dropped = 0
    for k, c in enumerate(ordered):
        if k % 200 == 0:
            monitor.check()
        target = -1
        if points and min_distance > 0:
            d = np.hypot(np.asarray(px) - c.x, np.asarray(py) - c.y)
            j = int(np.argmin(d))
            if d[j] < min_distance:
                target = j
        if target >= 0:
            points[target].reasons.append(c)
            merged += 1
        elif len(points) < int(max_points):
            points.append(SchouwPoint(c.x, c.y, c.kind, c.label, [c]))
            px.append(c.x)
            py.append(c.y)
        else:
            dropped += 1
    return Choice(points, len(ordered), merged, dropped)


def nearest_to(x: Sequence[float], y: Sequence[float], px: float, py: float) -> int:
    """Index of the point nearest to (px, py) (the first on ties)."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if xs.size == 0:
        raise InputError(N_("There are no points to choose a start from."))
    return int(np.argmin(np.hypot(xs - px, ys - py)))


# ------------------------------------------------------------------------------ route ordering


def euclidean_matrix(x: Sequence[float], y: Sequence[float]) -> np.ndarray:
    """Straight-line distances between all points (n x n)."""
    xs, ys = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    return np.hypot(xs[:, None] - xs[None, :], ys[:, None] - ys[None, :])


def _check_matrix(dist: Any) -> np.ndarray:
    d = np.asarray(dist, dtype=float)
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise InputError(
            N_("The distance matrix must be square, not of shape {shape}."), shape=tuple(d.shape)
        )
    if d.size and (not np.all(np.isfinite(d)) or np.any(d < 0)):
        raise InputError(
            N_("The distance matrix holds missing or negative distances; some points cannot be reached.")
        )
    return d


def route_length(order: Sequence[int], dist: Any, closed: bool = False) -> float:
    """Length of the walk visiting *order* (back to the first node when *closed*)."""
    d = np.asarray(dist, dtype=float)
    total = sum(float(d[order[i], order[i + 1]]) for i in range(len(order) - 1))
    if closed and len(order) > 1:
        total += float(d[order[-1], order[0]])
    return total


def nearest_neighbour_order(dist: Any, start: int = 0) -> List[int]:
    """The nearest-neighbour tour from *start* (lowest index on ties)."""
    d = _check_matrix(dist)
    n = d.shape[0]
    if n == 0:
        return []
    if not 0 <= start < n:
        raise InputError(N_("The start {start} is not one of the {n} points."), start=start, n=n)
    order = [start]
    free = np.ones(n, dtype=bool)
    free[start] = False
    while len(order) < n:
        row = np.where(free, d[order[-1]], np.inf)
        nxt = int(np.argmin(row))
        order.append(nxt)
        free[nxt] = False
    return order


def two_opt(
    order: Sequence[int],
    dist: Any,
    closed: bool = False,
    monitor: Optional[Monitor] = None,
    tol: float = 1e-9,
) -> List[int]:
    """Improve *order* with 2-opt moves (reverse a stretch) until none shortens it; the first node stays."""
    monitor = ensure(monitor)
    d = np.asarray(dist, dtype=float)
    o = list(order)
    n = len(o)
    improved = True
    while improved:
        improved = False
        for i in range(1, n - 1):
            monitor.check()
            a, b = o[i - 1], o[i]
            for j in range(i + 1, n):
                c = o[j]
                if j + 1 < n:
                    e = o[j + 1]
                    delta = d[a, c] + d[b, e] - d[a, b] - d[c, e]
                elif closed:
                    e = o[0]
                    delta = d[a, c] + d[b, e] - d[a, b] - d[c, e]
                else:
                    delta = d[a, c] - d[a, b]
                if delta < -tol:
                    o[i : j + 1] = o[i : j + 1][::-1]
                    improved = True
                    a, b = o[i - 1], o[i]
    return o


def or_opt(
    order: Sequence[int],
    dist: Any,
    closed: bool = False,
    monitor: Optional[Monitor] = None,
    tol: float = 1e-9,
) -> List[int]:
    """Improve *order* by moving stretches of 1 to 3 nodes elsewhere (also reversed); the first node stays."""
    monitor = ensure(monitor)
    d = np.asarray(dist, dtype=float)
    o = list(order)
    improved = True
    while improved:
        improved = False
        n = len(o)
        for length in (1, 2, 3):
            for i in range(1, n - length + 1):
                monitor.check()
                seg = o[i : i + length]
                before = o[i - 1]
                after = o[i + length] if i + length < n else (o[0] if closed else None)
                removed = d[before, seg[0]] + (d[seg[-1], after] if after is not None else 0.0)
                joined = d[before, after] if after is not None else 0.0
                gain = removed - joined
                rest = o[:i] + o[i + length :]
                best, best_pos, best_rev = tol, -1, False
                for p in range(len(rest)):
                    u = rest[p]
                    v = rest[p + 1] if p + 1 < len(rest) else (rest[0] if closed else None)
                    if p == i - 1:
                        continue  # the same place
                    link = d[u, v] if v is not None else 0.0
                    for rev in (False, True):
                        s0, s1 = (seg[-1], seg[0]) if rev else (seg[0], seg[-1])
                        added = d[u, s0] + (d[s1, v] if v is not None else 0.0) - link
                        if gain - added > best:
                            best, best_pos, best_rev = gain - added, p, rev
                if best_pos >= 0:
                    piece = seg[::-1] if best_rev else seg
                    o = rest[: best_pos + 1] + piece + rest[best_pos + 1 :]
                    improved = True
                    break
            if improved:
                break
    return o


def held_karp(
    dist: Any, start: int = 0, closed: bool = False, monitor: Optional[Monitor] = None
) -> List[int]:
    """The optimal order from *start* (Held-Karp dynamic programming; for up to about 16 nodes)."""
    monitor = ensure(monitor)
    d = _check_matrix(dist)
    n = d.shape[0]
    if n <= 2:
        return [start] + [i for i in range(n) if i != start]
    others = np.array([i for i in range(n) if i != start])
    m = others.size
    sub = d[np.ix_(others, others)]
    full = (1 << m) - 1
    masks = np.arange(1 << m)
    popcount = np.zeros(1 << m, dtype=np.int8)
    for b in range(m):
        popcount += ((masks >> b) & 1).astype(np.int8)
    dp = np.full((1 << m, m), np.inf)
    parent = np.full((1 << m, m), -1, dtype=np.int8)
    for j in range(m):
        dp[1 << j, j] = d[start, others[j]]
    for size in range(2, m + 1):
        monitor.check()
        layer = masks[popcount == size]
        for j in range(m):
            sel = layer[((layer >> j) & 1) == 1]
            prev = sel ^ (1 << j)
            cand = dp[prev] + sub[:, j][None, :]
            arg = np.argmin(cand, axis=1)
            dp[sel, j] = cand[np.arange(sel.size), arg]
            parent[sel, j] = arg
        monitor.set(100.0 * size / m)
    last = dp[full] + (d[others, start] if closed else 0.0)
    j = int(np.argmin(last))
    path = []
    mask = full
    while j >= 0:
        path.append(int(others[j]))
        pj = int(parent[mask, j])
        mask ^= 1 << j
        j = pj if mask else -1
    return [start] + path[::-1]


def order_route(
    dist: Any,
    start: int = 0,
    closed: bool = False,
    exact_limit: int = EXACT_LIMIT,
    monitor: Optional[Monitor] = None,
) -> List[int]:
    """The walking order from *start* over all nodes of the matrix (see the module docstring)."""
    monitor = ensure(monitor)
    d = _check_matrix(dist)
    n = d.shape[0]
    if n == 0:
        return []
    if not 0 <= start < n:
        raise InputError(N_("The start {start} is not one of the {n} points."), start=start, n=n)
    if n - 1 <= exact_limit:
        return held_karp(d, start, closed, monitor)
    order = nearest_neighbour_order(d, start)
    best = route_length(order, d, closed)
    while True:
        order = two_opt(order, d, closed, monitor)
        order = or_opt(order, d, closed, monitor)
        length = route_length(order, d, closed)
        if length >= best - 1e-9:
            break
        best = length
    return order


def walking_minutes(
    length_m: float,
    stops: int = 0,
    stop_minutes: float = DEFAULT_STOP_MINUTES,
    speed_kmh: float = WALK_SPEED_KMH,
) -> float:
    """Minutes for walking *length_m* metres at *speed_kmh* plus *stop_minutes* at each of *stops* stops."""
    if speed_kmh <= 0 or not math.isfinite(speed_kmh):
        raise InputError(N_("The walking speed must be more than 0 km/h, not {value}."), value=speed_kmh)
    if stop_minutes < 0 or stops < 0:
        raise InputError(N_("The minutes per stop and the number of stops cannot be negative."))
    return float(length_m) / (speed_kmh * 1000.0 / 60.0) + stops * float(stop_minutes)


def format_minutes(minutes: float, hour: str = "h") -> str:
    """Minutes as ``"1 h 05 min"`` or ``"45 min"`` (*hour*: the hour sign, "u" in Dutch)."""
    total = int(round(minutes))
    hours, rest = divmod(total, 60)
    return f"{hours} {hour} {rest:02d} min" if hours else f"{rest} min"


def minutes_text(minutes: float, lang: str = "en") -> str:
    """Minutes as ``"1 h 05 min"`` (``"1 u 05 min"`` when *lang* is ``"nl"``)."""
    return format_minutes(minutes, "u" if lang == "nl" else "h")


def km_text(metres: float, decimal: str = ".") -> str:
    """Metres as kilometres with one decimal (*decimal*: the decimal sign, "," in Dutch)."""
    return format_number(metres / 1000.0, 1, decimal=decimal)


def package_name(reference: str) -> str:
    """``buurtschouw_<reference>`` with only safe characters (the field package's file stem)."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", reference or "").strip("_")
    return f"buurtschouw_{safe or 'zonder_scan'}"


# ------------------------------------------------------------------------------ legs and boxes


def leg_pairs(order: Sequence[int], closed: bool = False) -> List[Tuple[int, int]]:
    """(from, to) nodes of each leg of a walk in *order* (and back to the first when *closed*)."""
    pairs = list(zip(order, order[1:]))
    if closed and len(order) > 1:
        pairs.append((order[-1], order[0]))
    return pairs


def stop_numbers(order: Sequence[int], skip: Optional[int] = None) -> Dict[int, int]:
    """node -> stop number 1, 2, ... in walking *order*; node *skip* (a separate start) gets none."""
    numbers: Dict[int, int] = {}
    for node in order:
        if skip is not None and node == skip:
            continue
        numbers[node] = len(numbers) + 1
    return numbers


def street_bbox(
    xy: Sequence[Tuple[float, float]], margin: float = STREET_MARGIN
) -> Tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) of the points grown by *margin* or half their larger extent, the larger.

    Streets in this box take part in the routing, so a detour around a park or a canal is found.
    """
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    grow = max(margin, 0.5 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return (min(xs) - grow, min(ys) - grow, max(xs) + grow, max(ys) + grow)


def context_bbox(
    bounds: Tuple[float, float, float, float], xy: Sequence[Tuple[float, float]], margin: float = CONTEXT_MARGIN
) -> Tuple[float, float, float, float]:
    """The box around an area's *bounds* and the points, grown by *margin* (the field map's streets)."""
    minx, miny, maxx, maxy = bounds
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    return (
        min(minx, min(xs)) - margin,
        min(miny, min(ys)) - margin,
        max(maxx, max(xs)) + margin,
        max(maxy, max(ys)) + margin,
    )


# ------------------------------------------------------------------------------ checklist


@dataclass(frozen=True)
class ChecklistItem:
    """One item of the schouw checklist (a kind of finding)."""

    code: str
    group: str
    label_nl: str
    label_en: str
    description: str = ""
    description_en: str = ""

    def label(self, lang: str = "nl") -> str:
        return self.label_nl if lang == "nl" else (self.label_en or self.label_nl)


@dataclass(frozen=True)
class Checklist:
    """The checklist: groups (code -> (Dutch, English) label) and items in order."""

    groups: Dict[str, Tuple[str, str]]
    items: Tuple[ChecklistItem, ...]

    def group_label(self, group: str, lang: str = "nl") -> str:
        nl, en = self.groups.get(group, (group, group))
        return nl if lang == "nl" else (en or nl)

    def full_label(self, item: ChecklistItem, lang: str = "nl") -> str:
        """``"Verlichting: te donker"``."""
        return f"{self.group_label(item.group, lang)}: {item.label(lang)}"

    def value_map(self, lang: str = "nl") -> List[Tuple[str, str]]:
        """(label, code) pairs in checklist order, for a form's value map."""
        return [(self.full_label(it, lang), it.code) for it in self.items]

    def item(self, code: str) -> Optional[ChecklistItem]:
        for it in self.items:
            if it.code == code:
                return it
        return None


def default_checklist_path() -> Path:
    """resources/catalogues/checklist.json, in the packaged plugin or in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for base in (here, here.parent):
        candidate = base / "resources" / "catalogues" / "checklist.json"
        if candidate.exists():
            return candidate
    return here / "resources" / "catalogues" / "checklist.json"


def load_checklist(path: Optional[str] = None) -> Checklist:
    """Read and check a checklist file (default :func:`default_checklist_path`)."""
    p = Path(path) if path else default_checklist_path()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            N_("The checklist {path} cannot be read: {error}"), path=str(p), error=str(exc)
        ) from None
    try:
        groups = {
            str(g["code"]): (str(g["label_nl"]), str(g.get("label_en") or g["label_nl"]))
            for g in data["groups"]
        }
        items = tuple(
            ChecklistItem(
                str(it["code"]),
                str(it["group"]),
                str(it["label_nl"]),
                str(it.get("label_en") or it["label_nl"]),
                str(it.get("description") or ""),
                str(it.get("description_en") or ""),
            )
            for it in data["items"]
        )
    except (KeyError, TypeError) as exc:
        raise InputError(
            N_("The checklist {path} lacks a required entry: {error}"), path=str(p), error=str(exc)
        ) from None
    codes = [it.code for it in items]
    if len(set(codes)) != len(codes):
        raise InputError(N_("The checklist {path} holds the same item code twice."), path=str(p))
    for it in items:
        if it.group not in groups or not it.code.startswith(it.group + "."):
            raise InputError(
                N_("The checklist item {code} must start with its group ({group}) and a dot."),
                code=it.code,
                group=it.group,
            )
    return Checklist(groups, items)


__all__ = [
    "Text",
    "Candidate",
    "SchouwPoint",
    "Choice",
    "user_candidates",
    "hotspot_candidates",
    "finding_candidates",
    "risk_object_candidates",
    "dedup_owners",
    "choose_points",
    "nearest_to",
    "euclidean_matrix",
    "route_length",
    "nearest_neighbour_order",
    "two_opt",
    "or_opt",
    "held_karp",
    "order_route",
    "walking_minutes",
    "format_minutes",
    "ChecklistItem",
    "Checklist",
    "load_checklist",
    "default_checklist_path",
]
