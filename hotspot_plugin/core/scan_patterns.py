"""When and where in the environment scan: month series, weekday x hour, day parts, hotspot zones,
risk objects and open schouw findings of the area (pure core)."""
from __future__ import annotations

import math
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .errors import InputError
from .i18n import N_
from .periods import Period
from .scan_geometry import points_in_polygon, within_distance
from .scan_types import DAGDELEN_HOURS, RiskObjects, SchouwFindings, as_strings, is_small, json_number

#: Status values of a schouw finding that count as closed.
CLOSED_STATUSES = frozenset({"afgehandeld"})


def _month_label(m: int) -> str:
    return str(np.datetime64(m, "M"))


#: Hours of a week: a crime window of this many hour slots or more is spread evenly over the week.
WEEK_HOURS = 168
HOUR = np.timedelta64(3600, "s")


def aoristic_cells(
    t: np.ndarray, t_end: Optional[np.ndarray] = None
) -> Tuple[np.ndarray, np.ndarray, np.ndarray, Dict[str, int]]:
    """Weekday x hour cells of incidents with a crime window (aoristic analysis, Ratcliffe 2002).

    Cells are numbered ``weekday * 24 + hour`` (Monday 0, hour 0 = 00:00-00:59). Each incident
    adds weight 1 in total:

    * **begin only** (``t_end`` None, NaT, equal to or before the begin): weight 1 in the cell of
      its begin time;
    * **window** [begin, end): the hour slots the window touches, from the slot of the begin up to
      the slot holding the last second before the end (an end at 06:00 sharp does not touch
      06:00-06:59), each get ``1 / k`` for k slots -- Ratcliffe's aoristic value: a burglary
      between Friday 22:00 and Saturday 06:00 adds 1/8 to each of the 8 hours 22, 23, 0, ..., 5;
    * **capped**: a window of 168 slots (7 days) or more says nothing about the time of week: it
      adds 1/168 to every cell of the week.

    Times are clock times as stored (datetime64, no time zone). Returns (owner, cell, weight,
    counts): per entry the index of its incident in *t*, the cell and the weight, and the
    numbers of incidents counted ``begin_only``, ``window``, ``capped`` and ``end_before_begin``
    (those also count as begin only).
    """
    t = np.asarray(t).astype("datetime64[s]")
    n = t.shape[0]
    slot = (t - np.datetime64(0, "s")) // HOUR  # hours since 1970-01-01 00:00, a Thursday
    start_cell = (slot.astype(np.int64) + 3 * 24) % WEEK_HOURS
    if t_end is None:
        k = np.ones(n, dtype=np.int64)
        bad = np.zeros(n, dtype=bool)
    else:
        e = np.asarray(t_end).astype("datetime64[s]")
        known = ~np.isnat(e)
        bad = known & (e < t)
        window = known & (e > t)
        k = np.ones(n, dtype=np.int64)
        if window.any():
            last = (e[window] - np.timedelta64(1, "s") - np.datetime64(0, "s")) // HOUR
            k[window] = last.astype(np.int64) - slot[window].astype(np.int64) + 1
    capped = k >= WEEK_HOURS
    spread = ~capped & (k > 1)
    counts = {
        "begin_only": int(np.count_nonzero(k == 1)),
        "window": int(np.count_nonzero(k > 1)),
        "capped": int(np.count_nonzero(capped)),
        "end_before_begin": int(np.count_nonzero(bad)),
    }
    single = np.flatnonzero(k == 1)
    owners = [single]
    cells = [start_cell[single]]
    weights = [np.ones(single.size)]
    idx = np.flatnonzero(spread)
    if idx.size:
        reps = k[idx]
        owner = np.repeat(idx, reps)
        offset = np.arange(owner.size) - np.repeat(np.cumsum(reps) - reps, reps)
        owners.append(owner)
        cells.append((np.repeat(start_cell[idx], reps) + offset) % WEEK_HOURS)
        weights.append(1.0 / np.repeat(reps, reps).astype(np.float64))
    idx = np.flatnonzero(capped)
    if idx.size:
        owners.append(np.repeat(idx, WEEK_HOURS))
        cells.append(np.tile(np.arange(WEEK_HOURS), idx.size))
        weights.append(np.full(idx.size * WEEK_HOURS, 1.0 / WEEK_HOURS))
    return (
        np.concatenate(owners).astype(np.int64),
        np.concatenate(cells).astype(np.int64),
        np.concatenate(weights),
        counts,
    )


def when_table(
    t_a: np.ndarray,
    ap: np.ndarray,
    ac: np.ndarray,
    g_f_a: np.ndarray,
    g_c_a: np.ndarray,
    group_meta: Sequence[Tuple[str, str, Optional[str], Optional[str]]],
    period: Period,
    comparison: Period,
    threshold: int,
    t_end_a: Optional[np.ndarray] = None,
    time_known: Optional[np.ndarray] = None,
) -> Dict[str, Any]:
    """Month series, weekday x hour tables and day parts of the area's incidents, per group.

    *t_a*: times (begins) of the area's incidents; *ap*/*ac*: in the period / the comparison
    period; *g_f_a*/*g_c_a*: their field and category group index (the total is group 0);
    *t_end_a*: ends of their crime windows (NaT: unknown). Months count the begin; the weekday x
    hour table and the day parts spread an incident with a window over it
    (:func:`aoristic_cells`), so their cells may hold fractions (rounded to 4 decimals) when
    any incident of the period has a window; without windows they are whole counts as before.
    ``aoristic`` holds the numbers of incidents of the period counted each way. Incidents whose
    *time_known* is False (a date without a time of day) count in the month series but not in the
    weekday x hour table and the day parts; ``time_unknown`` says how many (period).
    """
    n_groups = len(group_meta)
    m_first = int(min(period[0], comparison[0]).astype("datetime64[M]").astype(np.int64))
    m_last = int(
        (max(period[1], comparison[1]) - np.timedelta64(1, "s")).astype("datetime64[M]").astype(np.int64)
    )
    n_months = m_last - m_first + 1
    months = [_month_label(m) for m in range(m_first, m_last + 1)]
    ta = t_a
    m_a = ta.astype("datetime64[M]").astype(np.int64) - m_first
    days = ta.astype("datetime64[D]")
    wd = (days.astype(np.int64) + 3) % 7
    hour = (ta - days.astype("datetime64[s]")).astype(np.int64) // 3600

    def tables(cells: np.ndarray, mask: np.ndarray, size: int) -> np.ndarray:
        out = np.zeros((n_groups, size), dtype=np.int64)
        if mask.any():
            out[0] += np.bincount(cells[mask], minlength=size)
            out += np.bincount(g_f_a[mask] * size + cells[mask], minlength=n_groups * size).reshape(
                n_groups, size
            )
            out += np.bincount(g_c_a[mask] * size + cells[mask], minlength=n_groups * size).reshape(
                n_groups, size
            )
        return out

    months_p = tables(m_a, ap, n_months)
    months_c = tables(m_a, ac, n_months)
    timed = ap if time_known is None else ap & np.asarray(time_known, dtype=bool)
    untimed = tables(np.zeros(ap.shape[0], dtype=np.int64), ap & ~timed, 1)[:, 0]
    p_idx = np.flatnonzero(timed)
    owner, cell, weight, how = aoristic_cells(ta[p_idx], None if t_end_a is None else np.asarray(t_end_a)[p_idx])
    if how["window"]:
        inc = p_idx[owner]
        size = WEEK_HOURS
        wdh_f = np.zeros((n_groups, size))
        wdh_f[0] += np.bincount(cell, weights=weight, minlength=size)
        for g in (g_f_a, g_c_a):
            wdh_f += np.bincount(g[inc] * size + cell, weights=weight, minlength=n_groups * size).reshape(
                n_groups, size
            )
        wdh: np.ndarray = wdh_f  # rounded to 4 decimals on output, after the day parts are summed
    else:
        wdh = tables(wd * 24 + hour, timed, WEEK_HOURS)
    hours_of = {
        name: [h for h in range(24) if (lo <= h < hi if lo < hi else (h >= lo or h < hi))]
        for name, (lo, hi) in DAGDELEN_HOURS.items()
    }

    def small_list(values: Iterable[float]) -> List[bool]:
        return [is_small(v if isinstance(v, float) else int(v), threshold) for v in values]

    def plain(v: Any) -> Any:
        return json_number(round(float(v), 4)) if isinstance(v, (float, np.floating)) else int(v)

    when_groups: Dict[str, Any] = {}
    for gi, (key, _kind, _code, _sf) in enumerate(group_meta):
        table = wdh[gi].reshape(7, 24)
        by_hour = table.sum(axis=0)
        dd = {name: plain(by_hour[hs].sum()) for name, hs in hours_of.items()}
        tot = sum(dd.values())
        when_groups[key] = {
            "months_period": months_p[gi].tolist(),
            "months_period_small": small_list(months_p[gi]),
            "months_comparison": months_c[gi].tolist(),
            "months_comparison_small": small_list(months_c[gi]),
            "weekday_hour": [[plain(v) for v in row] for row in table],
            "weekday_hour_small": [small_list(row.tolist()) for row in table],
            "dagdeel": dd,
            "dagdeel_small": {k: is_small(v, threshold) for k, v in dd.items()},
            "dagdeel_share": {k: (json_number(v / tot) if tot else None) for k, v in dd.items()},
            "time_unknown": int(untimed[gi]),
        }
    return {"months": months, "groups": when_groups, "aoristic": how}


def where_table(
    zones: Sequence[Any],
    risk_objects: Optional[RiskObjects],
    area: BaseGeometry,
    ring: BaseGeometry,
    x_k: np.ndarray,
    y_k: np.ndarray,
    area_idx: np.ndarray,
    ap: np.ndarray,
    per_group: Callable[[np.ndarray], np.ndarray],
    groups: List[Dict[str, Any]],
    group_meta: Sequence[Tuple[str, str, Optional[str], Optional[str]]],
    threshold: int,
    ring_width: Optional[float] = None,
) -> Dict[str, Any]:
    """Hotspot zones in the area, the area's incidents (period) inside zones per group, risk objects.

    *x_k*/*y_k*: the located incidents; *area_idx*: which of them lie in the area; *ap*: which of
    those are in the period; *per_group* counts a mask over the located incidents per group.
    """
    zone_geoms: List[Tuple[int, BaseGeometry, float]] = []
    for i, z in enumerate(zones or ()):
        if hasattr(z, "geometry") and hasattr(z, "peak"):
            geom, peak = z.geometry, z.peak
        else:
            geom, peak = tuple(z)[:2]
        if geom is None or geom.is_empty:
            continue
        if not geom.is_valid:
            geom = geom.buffer(0)
        zone_geoms.append((i, geom, float(peak)))
    zones_out = []
    for i, geom, peak in zone_geoms:
        inside = geom.intersection(area).area
        if inside > 0:
            zones_out.append(
                {
                    "index": i,
                    "peak": json_number(peak),
                    "area_m2": json_number(geom.area),
                    "area_inside_m2": json_number(inside),
                    "share_inside": json_number(inside / geom.area if geom.area > 0 else 0.0),
                }
            )
    zones_out.sort(key=lambda d: (-(d["peak"] if d["peak"] is not None else -math.inf), d["index"]))
    zone_union = unary_union([g for _, g, _ in zone_geoms]) if zone_geoms else None
    zone_share = json_number(zone_union.intersection(area).area / area.area) if zone_union is not None else 0.0
    in_zone_counts = np.zeros(len(group_meta))
    if zone_union is not None and ap.any():
        sel = area_idx[ap]
        zmask = points_in_polygon(x_k[sel], y_k[sel], zone_union)
        zm = np.zeros(x_k.size, dtype=bool)
        zm[sel[zmask]] = True
        in_zone_counts = per_group(zm)
    incidents_in_zones = {}
    for gi, (key, _kind, _code, _sf) in enumerate(group_meta):
        n_z = int(in_zone_counts[gi])
        n_all = groups[gi]["area"]["n"]
        incidents_in_zones[key] = {
            "n": n_z,
            "n_small": is_small(n_z, threshold),
            "share": json_number(n_z / n_all) if n_all else None,
        }
    risk = risk_objects_table(risk_objects, area, ring, zone_union, ring_width)
    return {
        "zones": zones_out,
        "zone_share_of_area": zone_share,
        "incidents_in_zones": incidents_in_zones,
        "risk_objects": risk,
    }


def risk_objects_table(
    ro: Optional[RiskObjects], area: BaseGeometry, ring: BaseGeometry, zone_union: Optional[BaseGeometry],
    ring_width: Optional[float] = None,
) -> Dict[str, Any]:
    """Risk objects in the area and in the ring; with *ring_width* the ring is counted by distance
    (``d <= ring_width`` from the area, as the incidents), else by the *ring* polygon."""
    out: Dict[str, Any] = {"area": {"by_kind": {}, "items": []}, "ring": {"by_kind": {}, "items": []}}
    if ro is None:
        return out
    x = np.asarray(ro.x, dtype=float).ravel()
    y = np.asarray(ro.y, dtype=float).ravel()
    n = x.shape[0]
    if y.shape[0] != n:
        raise InputError(N_("The risk object arrays differ in length."))
    kind = as_strings(ro.kind, n, "kind")
    name = as_strings(ro.name, n, "name")
    ok = np.isfinite(x) & np.isfinite(y)
    in_a = points_in_polygon(x, y, area) & ok
    if ring_width is not None and ring_width > 0:
        in_r = within_distance(x, y, area, ring_width) & ok & ~in_a
    elif not ring.is_empty:
        in_r = points_in_polygon(x, y, ring) & ok & ~in_a
    else:
        in_r = np.zeros(n, dtype=bool)
    for zone, mask in (("area", in_a), ("ring", in_r)):
        items = []
        for i in np.flatnonzero(mask):
            d = None
            if zone_union is not None:
                d = json_number(Point(float(x[i]), float(y[i])).distance(zone_union))
            items.append(
                {
                    "kind": str(kind[i]),
                    "name": str(name[i]),
                    "x": float(x[i]),
                    "y": float(y[i]),
                    "distance_to_zone": d,
                }
            )
        items.sort(
            key=lambda it: (
                it["kind"],
                it["distance_to_zone"] if it["distance_to_zone"] is not None else math.inf,
                it["name"],
            )
        )
        by_kind: Dict[str, int] = {}
        for it in items:
            by_kind[it["kind"]] = by_kind.get(it["kind"], 0) + 1
        out[zone] = {"by_kind": dict(sorted(by_kind.items())), "items": items}
    return out


def schouw_table(sf: Optional[SchouwFindings], area: BaseGeometry) -> Dict[str, Any]:
    out: Dict[str, Any] = {"n_open": 0, "by_severity": {"groen": 0, "oranje": 0, "rood": 0}, "items": []}
    if sf is None:
        return out
    x = np.asarray(sf.x, dtype=float).ravel()
    y = np.asarray(sf.y, dtype=float).ravel()
    n = x.shape[0]
    if y.shape[0] != n:
        raise InputError(N_("The schouw finding arrays differ in length."))
    sev = as_strings(sf.severity, n, "severity")
    item = as_strings(sf.checklist_item, n, "checklist_item")
    status = as_strings(sf.status, n, "status")
    uuid = as_strings(sf.uuid, n, "uuid") if sf.uuid is not None else None
    ok = np.isfinite(x) & np.isfinite(y)
    is_open = (
        np.array([s.strip().lower() not in CLOSED_STATUSES for s in status.tolist()], dtype=bool)
        if n
        else np.zeros(0, dtype=bool)
    )
    sel = np.flatnonzero(points_in_polygon(x, y, area) & ok & is_open)
    items = []
    for i in sel:
        s = str(sev[i]).strip().lower()
        out["by_severity"][s] = out["by_severity"].get(s, 0) + 1
        entry = {
            "x": float(x[i]),
            "y": float(y[i]),
            "severity": s,
            "checklist_item": str(item[i]),
            "status": str(status[i]),
        }
        if uuid is not None:
            entry["uuid"] = str(uuid[i])
        items.append(entry)
    order = {"rood": 0, "oranje": 1, "groen": 2}
    items.sort(key=lambda it: (order.get(it["severity"], 3), it["checklist_item"]))
    out["n_open"] = len(items)
    out["items"] = items
    return out
