"""An area's profile in the area monitor, as published text (pure core).

One function, :func:`area_profile`, turns a :class:`core.area_monitor.MonitorResult` into plain
dicts of published text, with the report's disclosure rule applied: the dashboard
(``report/dashboard.py``), the atlas (``report/monitor_atlas.py``) and, later, the environment
scan's report (one call: ``area_profile(result, index, dutch)`` for the buurt of the scan) all
print the same numbers. Numbers go through :func:`core.numbers.format_number`.
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional

from .area_monitor import (
    FIELD_LABELS_EN,
    FIELD_LABELS_NL,
    FIELDS,
    TOTAL,
    UNIT_INHABITANTS,
    MonitorResult,
)
from .numbers import format_number

TEXT = {
    True: {"per_1000": "per 1.000 inwoners", "per_km2": "per km²", "up": "stijgend", "down": "dalend",
           "none": "geen trend", "hidden": "–", "above": "hoger dan de gemeente", "below": "lager dan de gemeente",
           "same": "niet afwijkend", "flag_above": "significant hoger dan de gemeente op: {fields}",
           "flag_rising": "significant stijgend op: {fields}", "no_flag": "geen stapeling van problemen"},
    False: {"per_1000": "per 1,000 inhabitants", "per_km2": "per km²", "up": "rising", "down": "falling",
            "none": "no trend", "hidden": "–", "above": "above the municipality", "below": "below the municipality",
            "same": "not different", "flag_above": "significantly above the municipality on: {fields}",
            "flag_rising": "significantly rising on: {fields}", "no_flag": "no accumulating problems"},
}


def field_label(code: str, dutch: bool = True) -> str:
    return (FIELD_LABELS_NL if dutch else FIELD_LABELS_EN).get(code, code)


def _num(value: Optional[float], decimals: int, dutch: bool) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return format_number(value, decimals, "," if dutch else ".", group=True)


def area_profile(result: MonitorResult, a: int, dutch: bool = True) -> Dict[str, Any]:
    """The profile of area *a*: the last year's figures per field and the series over the years.

    Keys: code, name, inhabitants (text), unit (text), flagged (bool), flag_text, rows (one per
    field of :data:`FIELDS`: field, label, count, rate, ratio, interval, rank, trend, trend_p,
    status "above"/"below"/"same"/"hidden") and series (per field: years, count texts, rates
    as numbers or None where suppressed, the municipality's rates).
    """
    t = TEXT[bool(dutch)]
    areas = result.areas
    last = len(result.years) - 1
    unit = result.unit[a]
    muni = result.municipality_rate[unit]
    rows: List[Dict[str, Any]] = []
    series: Dict[str, Dict[str, Any]] = {}
    for f, code in enumerate(FIELDS):
        shown = result.shown(a, last, f)
        ratio = float(result.ratio[a, last, f])
        status = "hidden"
        if shown and math.isfinite(ratio):
            status = "above" if result.above[a, last, f] else "below" if result.below[a, last, f] else "same"
        trend_text = t["hidden"]
        trend_p = "–"
        if result.trend_shown[a, f]:
            k = a * len(FIELDS) + f
            d = int(result.trend_dir[a, f])
            trend_text = t["up"] if d > 0 else t["down"] if d < 0 else t["none"]
            trend_p = _num(float(result.trend.p[k]), 3, dutch)
        rows.append({
            "field": code, "label": field_label(code, dutch), "count": result.count_text(a, last, f),
            "rate": _num(float(result.rate[a, last, f]), 1, dutch) if shown else t["hidden"],
            "ratio": _num(ratio, 2, dutch) if shown else t["hidden"],
            "interval": (f"{_num(float(result.ratio_low[a, last, f]), 2, dutch)} – "
                         f"{_num(float(result.ratio_high[a, last, f]), 2, dutch)}") if shown and math.isfinite(ratio)
            else t["hidden"],
            "rank": str(int(result.rank[a, last, f])) if result.rank[a, last, f] > 0 else t["hidden"],
            "trend": trend_text, "trend_p": trend_p, "status": status, "status_text": t[status] if status != "hidden"
            else t["hidden"],
        })
        series[code] = {
            "years": list(result.years),
            "counts": [result.count_text(a, y, f) for y in range(len(result.years))],
            "rates": [float(result.rate[a, y, f]) if result.shown(a, y, f) and math.isfinite(result.rate[a, y, f])
                      else None for y in range(len(result.years))],
            "municipality": [float(muni[y, f]) if math.isfinite(muni[y, f]) else None
                             for y in range(len(result.years))],
        }
    parts = []
    if len(result.flag_above[a]) >= result.summary.get("min_fields", 2):
        parts.append(t["flag_above"].format(fields=", ".join(field_label(c, dutch) for c in result.flag_above[a])))
    if len(result.flag_rising[a]) >= result.summary.get("min_fields", 2):
        parts.append(t["flag_rising"].format(fields=", ".join(field_label(c, dutch) for c in result.flag_rising[a])))
    inh = float(areas.inhabitants[a, last])
    return {
        "code": areas.codes[a], "name": areas.names[a] or areas.codes[a],
        "inhabitants": _num(inh, 0, dutch) if math.isfinite(inh) else "–",
        "unit": t[UNIT_INHABITANTS if unit == UNIT_INHABITANTS else "per_km2"],
        "year": result.years[last], "flagged": bool(result.flagged[a]),
        "flag_text": "; ".join(parts) if parts else t["no_flag"], "rows": rows, "series": series,
        "total": rows[FIELDS.index(TOTAL)],
    }


__all__ = ["area_profile", "field_label", "TEXT"]
