"""The environment scan ("omgevingsscan") of one location: counts, rates, tests, time and place (pure core).

This module holds the engine (:func:`run_scan`) and the definitions; the parts live in modules of
one concern each, re-exported here: :mod:`.scan_types` (inputs, result, small counts),
:mod:`.periods`, :mod:`.scan_geometry`, :mod:`.scan_geography` (exposures), :mod:`.scan_stats`
(tests) and :mod:`.scan_patterns` (when and where).

``run_scan(ScanInputs) -> ScanResult`` is the engine behind ``hotspot:environmentscan``, the
scan wizard and the advice report. Everything comes in as plain data (numpy arrays, shapely
geometries in one projected CRS, metres) and goes out as a JSON-ready :class:`ScanResult`.

Definitions (the report's "bijlage werkwijze" quotes these)
-----------------------------------------------------------
* **Area, ring, outside.** The ring is every point outside the area at most ``ring_width`` from it
  (default 250 m), counted by distance (``d <= ring_width``; maps draw it as
  ``area.buffer(ring_width) - area``, whose chords would cut up to 0.3 m off). A point
  is in the area, in the ring or outside, never in two: area membership uses the crossing-number
  rule with half-open edges, so a point exactly on the area's boundary is decided consistently
  (on a west or south edge it is inside, on an east or north edge outside).
* **Periods** are half-open, ``start <= t < end``. ``default_periods(t_max)``: the period ends at
  the start of the day after the last incident and starts 12 calendar months earlier; the
  comparison period is the 12 calendar months before that. Without a comparison period the scan
  takes the same dates one year earlier when the period is at most 12 months long, otherwise the
  equally long stretch directly before the period. Times are used as stored (local clock time).
* **Inhabitants and dwellings by area share.** A buurt contributes ``inhabitants * a(buurt ∩ X) /
  a(buurt)`` to zone X (area, ring, reference): people are assumed spread evenly over their
  buurt. Missing or negative (CBS secrecy code) numbers count as 0, with a warning.
* **Rates** are per period (not annualised): per 1,000 (apportioned) inhabitants and per km².
  A rate is ``None`` when the denominator is 0.
* **Change against the comparison period** (per group, in the area and in the ring): the exact
  conditional test for two Poisson counts. With n1 incidents in a period of length L1 and n2 in
  the comparison period of length L2, under "same rate" ``n1 | n1+n2 ~ Binomial(n1+n2, p0)``
  with ``p0 = L1 / (L1 + L2)`` (0.5 for equally long periods). Two-sided p-value = twice the
  smaller tail probability, capped at 1 (for p0 = 0.5 this equals ``scipy.stats.binomtest``).
  Ratio = ``(n1/L1) / (n2/L2)``; its exact (1 - alpha) interval is the Clopper-Pearson interval
  ``[pL, pU]`` of ``n1`` out of ``n1+n2`` mapped by ``p -> p/(1-p) * L2/L1``. Significant means
  ``p < alpha`` (default 0.05), which is the same as the interval not containing 1.
* **Comparison with the reference area** (per group, in the period; per 1,000 inhabitants and per
  km²; exposure E = inhabitants or km²): ratio ``RR = (n1/E1) / (N/E)``.

  - *Nested* (the usual case: at least 99.9 % of the area lies in the reference): the reference
    count N includes the area's own n1 (the reference mask is ``in_reference or in_area``).
    Conditional on N, ``n1 ~ Binomial(N, pi)`` with ``pi = RR * E1/E``; so ``RR = pi * E/E1``,
    the exact interval is ``[pL * E/E1, pU * E/E1]`` with Clopper-Pearson ``[pL, pU]`` of n1
    out of N, and the test of RR = 1 is the binomial test of ``p0 = E1/E``.
  - *Separate* (the area lies outside the reference): counts are independent,
    ``n1 | n1+N ~ Binomial(n1+N, pi)``, ``RR = pi/(1-pi) * E/E1``, ``p0 = E1/(E1+E)``; incidents
    in the area are removed from the reference count. A partial overlap is treated as separate
    (with a warning: the reference exposure then still includes the overlap).

  The p-value and significance are as for the change test.
* **When**: month trend of the area's incidents from the first month of the earliest period to
  the last month of the latest, as two series (incidents of the period, of the comparison period);
  weekday x hour table (7 x 24, Monday first, hour 0 = 00:00-00:59) and day parts of the period:
  :data:`DAGDELEN_HOURS` (dag 07:00-19:00, avond 19:00-23:00, nacht 23:00-07:00; 07:00 is dag,
  19:00 avond, 23:00 nacht).
* **Where**: the hotspot zones (given by the caller) that intersect the area, with the share of
  each zone inside the area; per group the area's incidents of the period inside any zone; the
  risk objects in the area and in the ring, each with its distance (m) to the nearest of *all*
  given zones (0 inside a zone, ``None`` without zones).
* **Schouw**: open findings (status not ``afgehandeld``) inside the area, counted by severity.
* **Small counts**: an incident count n with ``0 < n < small_count_threshold`` (default 5) is
  "small": published outputs show it as ``"<5"`` (:func:`suppress`). Zero is not small. Every
  incident count carries a parallel boolean (``n`` / ``n_small``, ``months_period`` /
  ``months_period_small``, ...). Counts of risk objects and schouw findings are not about
  persons and are not marked.

JSON layout of :meth:`ScanResult.to_json` (top-level keys)
----------------------------------------------------------
``format`` ("hotspot-scan/1"), ``parameters`` (periods as ISO strings, lengths in days, ring
width, threshold, alpha, fields, categories, day parts, reference mode), ``n_incidents`` (input,
used, area/ring/reference per period), ``geography`` (km², inhabitants, dwellings, buurten with
their shares), ``groups`` (a list; keys ``total``, ``field:<code>``, ``cat:<code>``, each with
``area``/``ring`` counts and rates, ``reference``, ``change`` and ``vs_reference``), ``when``
(``months`` and per group key: month series, ``weekday_hour``, ``dagdeel``, ``dagdeel_share``),
``where`` (``zones``, ``zone_share_of_area``, ``incidents_in_zones`` per group key,
``risk_objects``), ``schouw``, ``methods`` (translatable templates + params of the methods used)
and ``warnings`` (translatable templates + params).
"""


from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from .categories import SAFETY_FIELDS
from .errors import InputError
from .i18n import N_
from .periods import Period, check_periods, default_comparison, default_periods, to_seconds
from .progress import Monitor, ensure
from .scan_geography import prepare_geography
from .scan_geometry import area_from_point, points_in_polygon, polygon_parts, within_distance
from .scan_patterns import schouw_table, when_table, where_table
from .scan_reference import evening_night_counts, late_flags
from .scan_stats import clopper_pearson, poisson_change, rate_ratio
from .scan_types import (
    DAGDELEN,
    DAGDELEN_HOURS,
    DEFAULT_ALPHA,
    DEFAULT_RING_WIDTH,
    DEFAULT_SMALL_COUNT,
    FORMAT,
    Buurt,
    HotspotZone,
    IncidentData,
    ResultParameters,
    RiskObjects,
    ScanInputs,
    ScanResult,
    SchouwFindings,
    as_strings,
    group_key,
    is_small,
    json_number,
    suppress,
    warning,
)

# Method descriptions (translated by the QGIS layer; params filled in afterwards).
METHOD_CHANGE = N_(
    "Exact conditional test for two Poisson counts: n1 | n1 + n2 ~ Binomial(n1 + n2, "
    "{p0}), p0 = L1 / (L1 + L2) with period lengths L1 = {days} days and L2 = "
    "{comparison_days} days; two-sided p-value = twice the smaller tail; ratio "
    "(n1/L1) / (n2/L2) with an exact {level}% Clopper-Pearson interval."
)
METHOD_REFERENCE_NESTED = N_(
    "Rate ratio against the reference area, which contains the scan area: "
    "n1 | N ~ Binomial(N, RR * E1 / E) (E = inhabitants or km²); exact "
    "{level}% interval = Clopper-Pearson interval of n1 out of N times E / E1; "
    "two-sided binomial test of RR = 1."
)
METHOD_REFERENCE_SEPARATE = N_(
    "Rate ratio against the reference area, which does not contain the scan "
    "area: n1 | n1 + N ~ Binomial(n1 + N, p), RR = p / (1 - p) * E / E1 "
    "(E = inhabitants or km²); exact {level}% Clopper-Pearson interval "
    "transformed the same way; two-sided binomial test of RR = 1."
)
METHOD_APPORTION = N_(
    "Inhabitants and dwellings apportioned from the buurten by area share: a buurt "
    "contributes its number times the share of its surface that lies in the zone."
)
METHOD_AORISTIC = N_(
    "Weekday x hour and day parts: an incident with a known time window (for example a burglary "
    "found after a holiday) is spread evenly over the hours its window covers (aoristic analysis, "
    "Ratcliffe 2002; windows of 7 days or more evenly over the whole week); an incident with only a "
    "begin time counts in that hour ({window} incidents of the period spread over their window, "
    "{begin_only} counted at their begin time)."
)
METHOD_BEGIN_TIME = N_(
    "Weekday x hour and day parts count each incident in the hour it began; no incident of the "
    "period has a known end of its time window."
)
METHOD_SMALL = N_('Counts from 1 to {below} are marked as small and are published as "<{threshold}".')

# Warnings.
W_BAD_INCIDENTS = N_("{n} incidents without valid coordinates or date were left out.")
W_TIME_UNKNOWN = N_("{n} incidents of the period in the area have a date but no time of day: the weekday x hour "
                    "table and the day parts leave them out.")


def _code_key(code: str) -> Tuple:
    parts = []
    for p in str(code).split("."):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)



def _iso(t: np.datetime64) -> str:
    return str(np.datetime64(t, "s"))



def _check_options(inputs: ScanInputs) -> Tuple[float, int, float]:
    """alpha, small-count threshold and ring width, checked."""
    try:
        alpha = float(inputs.alpha)
    except (TypeError, ValueError):
        alpha = float("nan")
    if not 0 < alpha < 1:
        raise InputError(
            N_("The significance level must lie between 0 and 1, not {alpha}."), alpha=inputs.alpha
        )
    try:
        threshold = int(inputs.small_count_threshold)
    except (TypeError, ValueError):
        threshold = -1
    if threshold < 1 or threshold != inputs.small_count_threshold:
        raise InputError(
            N_("The small-count threshold must be a whole number of at least 1, not {threshold}."),
            threshold=inputs.small_count_threshold,
        )
    try:
        ring_width = float(inputs.ring_width)
    except (TypeError, ValueError):
        ring_width = float("nan")
    if not math.isfinite(ring_width) or ring_width < 0:
        raise InputError(
            N_("The width of the context ring must be 0 or more metres, not {width}."),
            width=inputs.ring_width,
        )
    return alpha, threshold, ring_width


def _incident_arrays(
    incidents: Optional[IncidentData],
) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """x, y, t (datetime64[s]), category, safety field and weight of the incidents, checked."""
    inc = incidents if incidents is not None else IncidentData.empty()
    x = np.asarray(inc.x, dtype=float).ravel()
    n_in = x.shape[0]
    y = np.asarray(inc.y, dtype=float).ravel()
    try:
        t = np.asarray(inc.t).astype("datetime64[s]").ravel()
    except (TypeError, ValueError):
        raise InputError(N_("The incident times cannot be read as dates and times.")) from None
    if y.shape[0] != n_in or t.shape[0] != n_in:
        raise InputError(
            N_("The incident arrays differ in length: {nx} x, {ny} y and {nt} times."),
            nx=n_in,
            ny=y.shape[0],
            nt=t.shape[0],
        )
    cat = as_strings(inc.category, n_in, "category")
    fld = as_strings(inc.safety_field, n_in, "safety_field")
    if inc.weight is None:
        wgt = np.ones(n_in)
    else:
        wgt = np.asarray(inc.weight, dtype=float).ravel()
        if wgt.shape[0] != n_in:
            raise InputError(
                N_("The incident attribute {name} has {got} values for {n} incidents."),
                name="weight",
                got=wgt.shape[0],
                n=n_in,
            )
        wgt = np.where(np.isfinite(wgt), wgt, 0.0)
    return x, y, t, cat, fld, wgt


def _incident_ends(incidents: Optional[IncidentData], n: int) -> Optional[np.ndarray]:
    """The ends of the crime windows (datetime64[s], NaT = unknown), or None when none is given."""
    ends = getattr(incidents, "t_end", None) if incidents is not None else None
    if ends is None:
        return None
    try:
        out = np.asarray(ends).astype("datetime64[s]").ravel()
    except (TypeError, ValueError):
        raise InputError(N_("The ends of the incidents' time windows cannot be read as dates and times.")) from None
    if out.shape[0] != n:
        raise InputError(
            N_("The incident attribute {name} has {got} values for {n} incidents."), name="t_end", got=out.shape[0], n=n
        )
    return out


def run_scan(inputs: ScanInputs, monitor: Optional[Monitor] = None) -> ScanResult:
    """Run the environment scan of one location (see the module docstring for every definition)."""
    monitor = ensure(monitor)
    warnings: List[Dict[str, Any]] = []
    alpha, threshold, ring_width = _check_options(inputs)
    x, y, t, cat, fld, wgt = _incident_arrays(inputs.incidents)
    t_end = _incident_ends(inputs.incidents, t.shape[0])
    n_in = x.shape[0]

    # --- periods ------------------------------------------------------------------------
    if inputs.period is None:
        period, comparison = default_periods(t)
        if inputs.comparison is not None:
            comparison = inputs.comparison
    else:
        period = inputs.period
        comparison = (
            inputs.comparison
            if inputs.comparison is not None
            else default_comparison((to_seconds(period[0]), to_seconds(period[1])))
        )
    period, comparison = check_periods(period, comparison)
    len_p = float((period[1] - period[0]).astype(np.int64))
    len_c = float((comparison[1] - comparison[0]).astype(np.int64))

    geo = prepare_geography(inputs, ring_width, warnings)
    area, ring, reference, nested = geo.area, geo.ring, geo.reference, geo.nested
    inh = geo.inhabitants
    inh_area, inh_ring, inh_ref = inh["area"], inh["ring"], inh["reference"]
    km2_area, km2_ring, km2_ref = geo.km2["area"], geo.km2["ring"], geo.km2["reference"]
    monitor.set(10)
    monitor.check()

    # --- which incidents are used --------------------------------------------------------
    valid = np.isfinite(x) & np.isfinite(y) & ~np.isnat(t)
    n_bad = int(n_in - valid.sum())
    if n_bad:
        warnings.append(warning(W_BAD_INCIDENTS, n=n_bad))
    use = valid.copy()
    if inputs.fields is not None:
        use &= np.isin(fld, np.asarray([str(f) for f in inputs.fields], dtype=str))
    if inputs.categories is not None:
        use &= np.isin(cat, np.asarray([str(c) for c in inputs.categories], dtype=str))
    in_p = use & (t >= period[0]) & (t < period[1])
    in_c = use & (t >= comparison[0]) & (t < comparison[1])
    rel = np.flatnonzero(in_p | in_c)
    xr, yr = x[rel], y[rel]
    pm = monitor.sub(10, 60)
    in_area = points_in_polygon(xr, yr, area, pm.sub(0, 30))
    in_outer = within_distance(xr, yr, area, ring_width, pm.sub(30, 60)) if ring_width > 0 else in_area
    in_ring = in_outer & ~in_area
    rp = in_p[rel]
    rc = in_c[rel]
    in_ref = np.zeros(rel.size, dtype=bool)
    if reference is not None:
        sel = np.flatnonzero(rp)
        in_ref[sel] = points_in_polygon(xr[sel], yr[sel], reference, pm.sub(60, 100))
        in_ref = in_ref | in_area if nested else in_ref & ~in_area
        in_ref &= rp
    monitor.set(60)
    monitor.check()

    # --- groups -------------------------------------------------------------------------
    keep = in_area | in_ring | in_ref
    kidx = np.flatnonzero(keep)
    cat_k, fld_k = cat[rel][kidx], fld[rel][kidx]
    cat_codes, cat_inv = np.unique(cat_k, return_inverse=True)
    requested_fields = list(inputs.fields) if inputs.fields is not None else list(SAFETY_FIELDS)
    field_codes = [str(f) for f in requested_fields]
    field_codes += sorted(f for f in np.unique(fld_k).tolist() if f not in field_codes)
    field_pos = {f: i for i, f in enumerate(field_codes)}
    f_codes, f_inv = np.unique(fld_k, return_inverse=True)
    fld_inv = (
        np.array([field_pos[f] for f in f_codes.tolist()], dtype=np.int64)[f_inv]
        if kidx.size
        else np.zeros(0, dtype=np.int64)
    )
    if inputs.categories is not None:
        extra = [str(c) for c in inputs.categories if str(c) not in set(cat_codes.tolist())]
        cat_list = sorted(set(cat_codes.tolist()) | set(extra), key=_code_key)
    else:
        cat_list = sorted(cat_codes.tolist(), key=_code_key)
    cat_pos = {c: i for i, c in enumerate(cat_list)}
    remap = np.array([cat_pos[c] for c in cat_codes.tolist()], dtype=np.int64)
    cat_ix = remap[cat_inv] if kidx.size else np.zeros(0, dtype=np.int64)
    # the field of each category: its most common safety field in the data
    cat_field: Dict[str, Optional[str]] = {}
    if kidx.size:
        pair = np.bincount(cat_ix * len(field_codes) + fld_inv, minlength=len(cat_list) * len(field_codes))
        pair = pair.reshape(len(cat_list), len(field_codes))
        for i, c in enumerate(cat_list):
            cat_field[c] = field_codes[int(pair[i].argmax())] if pair[i].any() else None
    for c in cat_list:
        cat_field.setdefault(c, None)

    a_k, r_k, ref_k = in_area[kidx], in_ring[kidx], in_ref[kidx]
    p_k, c_k = rp[kidx], rc[kidx]
    w_k = wgt[rel][kidx]
    t_k = t[rel][kidx]
    t_end_k = None if t_end is None else t_end[rel][kidx]
    known = inputs.incidents.time_known if inputs.incidents is not None else None
    known_k = None if known is None else np.asarray(known, dtype=bool).ravel()[rel][kidx]

    # group index per kept incident, for three group kinds: total (0), fields, categories
    n_groups = 1 + len(field_codes) + len(cat_list)
    g_field = 1 + fld_inv
    g_cat = 1 + len(field_codes) + cat_ix

    def per_group(mask: np.ndarray, weights: Optional[np.ndarray] = None) -> np.ndarray:
        out = np.zeros(n_groups)
        if not mask.any():
            return out
        wv = None if weights is None else weights[mask]
        out[0] = mask.sum() if wv is None else wv.sum()
        out += np.bincount(g_field[mask], weights=wv, minlength=n_groups)
        out += np.bincount(g_cat[mask], weights=wv, minlength=n_groups)
        return out

    cnt = {
        ("area", "p"): per_group(a_k & p_k),
        ("area", "c"): per_group(a_k & c_k),
        ("ring", "p"): per_group(r_k & p_k),
        ("ring", "c"): per_group(r_k & c_k),
        ("ref", "p"): per_group(ref_k),
    }
    wsum = {
        ("area", "p"): per_group(a_k & p_k, w_k),
        ("area", "c"): per_group(a_k & c_k, w_k),
        ("ring", "p"): per_group(r_k & p_k, w_k),
        ("ring", "c"): per_group(r_k & c_k, w_k),
    }
    # evening and night in the area and in the rest of the reference area (the findings' test)
    timed_k, late_k = late_flags(t_k, t_end_k, known_k)
    rest_k = (ref_k & ~a_k) if reference is not None else None
    late_counts = evening_night_counts(per_group, timed_k, late_k, a_k & p_k, rest_k, n_groups)
    monitor.set(70)
    monitor.check()

    group_meta: List[Tuple[str, str, Optional[str], Optional[str]]] = [("total", "total", None, None)]
    group_meta += [(group_key("field", f), "field", f, f) for f in field_codes]
    group_meta += [(group_key("category", c), "category", c, cat_field[c]) for c in cat_list]

    def rate(n: float, denom: float, per: float) -> Optional[float]:
        return json_number(n / denom * per) if denom > 0 else None

    groups: List[Dict[str, Any]] = []
    for gi, (key, kind, code, sfield) in enumerate(group_meta):
        blocks: Dict[str, Any] = {}
        for zone, inh, km2 in (("area", inh_area, km2_area), ("ring", inh_ring, km2_ring)):
            n_p, n_c = int(cnt[(zone, "p")][gi]), int(cnt[(zone, "c")][gi])
            blocks[zone] = {
                "n": n_p,
                "n_small": is_small(n_p, threshold),
                "weight": json_number(wsum[(zone, "p")][gi]),
                "n_comparison": n_c,
                "n_comparison_small": is_small(n_c, threshold),
                "weight_comparison": json_number(wsum[(zone, "c")][gi]),
                "per_1000": rate(n_p, inh, 1000.0),
                "per_km2": rate(n_p, km2, 1.0),
                "per_1000_comparison": rate(n_c, inh, 1000.0),
                "per_km2_comparison": rate(n_c, km2, 1.0),
            }
        change = {
            zone: poisson_change(blocks[zone]["n"], blocks[zone]["n_comparison"], len_p, len_c, alpha)
            for zone in ("area", "ring")
        }
        ref_block = None
        vs_ref = None
        if reference is not None:
            n_ref = int(cnt[("ref", "p")][gi])
            ref_block = {
                "n": n_ref,
                "n_small": is_small(n_ref, threshold),
                "per_1000": rate(n_ref, inh_ref, 1000.0),
                "per_km2": rate(n_ref, km2_ref, 1.0),
            }
            n1 = blocks["area"]["n"]
            vs_ref = {
                "per_1000": rate_ratio(n1, inh_area, n_ref, inh_ref, bool(nested), alpha),
                "per_km2": rate_ratio(n1, km2_area, n_ref, km2_ref, bool(nested), alpha),
            }
        groups.append(
            {
                "key": key,
                "kind": kind,
                "code": code,
                "safety_field": sfield,
                "area": blocks["area"],
                "ring": blocks["ring"],
                "reference": ref_block,
                "change": change,
                "vs_reference": vs_ref,
                "evening_night": late_counts[gi],
            }
        )
    monitor.set(75)
    monitor.check()

    area_idx = np.flatnonzero(a_k)
    ap, ac = p_k[area_idx], c_k[area_idx]
    when = when_table(
        t_k[area_idx], ap, ac, g_field[area_idx], g_cat[area_idx], group_meta, period, comparison, threshold,
        None if t_end_k is None else t_end_k[area_idx],
        time_known=None if known_k is None else known_k[area_idx],
    )
    untimed = when["groups"][group_meta[0][0]]["time_unknown"] if group_meta else 0
    if untimed:
        warnings.append(warning(W_TIME_UNKNOWN, n=untimed))
    monitor.set(85)
    monitor.check()

    where = where_table(
        inputs.zones,
        inputs.risk_objects,
        area,
        ring,
        xr[kidx],
        yr[kidx],
        area_idx,
        ap,
        per_group,
        groups,
        group_meta,
        threshold,
        ring_width=ring_width,
    )
    monitor.set(92)
    monitor.check()

    schouw = schouw_table(inputs.schouw, area)

    # --- parameters, geography, methods ---------------------------------------------------
    level = round((1.0 - alpha) * 100.0, 6)
    level = int(level) if float(level).is_integer() else level
    days_p, days_c = len_p / 86400.0, len_c / 86400.0
    methods: Dict[str, Any] = {
        "change": {
            "id": "conditional_binomial_poisson",
            "template": METHOD_CHANGE,
            "params": {
                "p0": json_number(round(len_p / (len_p + len_c), 6)),
                "days": json_number(days_p),
                "comparison_days": json_number(days_c),
                "level": level,
            },
        },
        "reference": None
        if reference is None
        else {
            "id": "rate_ratio_nested" if nested else "rate_ratio_separate",
            "template": METHOD_REFERENCE_NESTED if nested else METHOD_REFERENCE_SEPARATE,
            "params": {"level": level},
        },
        "apportioning": {"id": "area_share", "template": METHOD_APPORTION, "params": {}},
        "time_profile": {
            "id": "aoristic" if when["aoristic"]["window"] else "begin_time",
            "template": METHOD_AORISTIC if when["aoristic"]["window"] else METHOD_BEGIN_TIME,
            "params": dict(when["aoristic"], cap_days=7),
        },
        "small_counts": {
            "id": "threshold",
            "template": METHOD_SMALL,
            "params": {"below": threshold - 1, "threshold": threshold},
        },
    }
    parameters = ResultParameters(
        period=[_iso(period[0]), _iso(period[1])],
        comparison=[_iso(comparison[0]), _iso(comparison[1])],
        period_days=json_number(days_p),
        comparison_days=json_number(days_c),
        ring_width=json_number(ring_width),
        small_count_threshold=threshold,
        alpha=json_number(alpha),
        fields=None if inputs.fields is None else [str(f) for f in inputs.fields],
        categories=None if inputs.categories is None else [str(c) for c in inputs.categories],
        dagdelen={k: list(v) for k, v in DAGDELEN_HOURS.items()},
        reference_mode=None if reference is None else ("nested" if nested else "separate"),
    )
    geography = geo.to_json()
    n_incidents = {
        "input": int(n_in),
        "used": int(use.sum()),
        "area_period": int(cnt[("area", "p")][0]),
        "area_comparison": int(cnt[("area", "c")][0]),
        "ring_period": int(cnt[("ring", "p")][0]),
        "ring_comparison": int(cnt[("ring", "c")][0]),
        "reference_period": int(cnt[("ref", "p")][0]) if reference is not None else None,
    }
    monitor.set(100)
    return ScanResult(
        parameters=parameters,
        n_incidents=n_incidents,
        geography=geography,
        groups=groups,
        when=when,
        where=where,
        schouw=schouw,
        methods=methods,
        warnings=warnings,
    )


__all__ = [
    "DEFAULT_ALPHA",
    "Period",
    "polygon_parts",
    "check_periods",
    "json_number",
    "ScanInputs",
    "ScanResult",
    "ResultParameters",
    "IncidentData",
    "RiskObjects",
    "SchouwFindings",
    "Buurt",
    "HotspotZone",
    "run_scan",
    "area_from_point",
    "default_periods",
    "default_comparison",
    "points_in_polygon",
    "poisson_change",
    "rate_ratio",
    "clopper_pearson",
    "suppress",
    "is_small",
    "group_key",
    "DAGDELEN_HOURS",
    "DAGDELEN",
    "DEFAULT_RING_WIDTH",
    "DEFAULT_SMALL_COUNT",
    "FORMAT",
]
