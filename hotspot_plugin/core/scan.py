"""The environment scan ("omgevingsscan") of one location: counts, rates, tests, time and place (pure core).

``run_scan(ScanInputs) -> ScanResult`` is the engine behind ``hotspot:environmentscan``, the
scan wizard and the advice report. Everything comes in as plain data (numpy arrays, shapely
geometries in one projected CRS, metres) and goes out as a JSON-ready :class:`ScanResult`.

Definitions (the report's "bijlage werkwijze" quotes these)
-----------------------------------------------------------
* **Area, ring, outside.** The ring is ``area.buffer(ring_width) - area`` (default 250 m). A point
  is in the area, in the ring or outside, never in two: membership uses the crossing-number
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

import copy
import json
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np
from scipy import stats
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.prepared import prep

from .categories import SAFETY_FIELDS
from .errors import InputError
from .i18n import N_
from .progress import Monitor, ensure

FORMAT = "hotspot-scan/1"
DEFAULT_RING_WIDTH = 250.0
DEFAULT_SMALL_COUNT = 5
DEFAULT_ALPHA = 0.05

#: Day parts as hour ranges ``[from, to)``; "nacht" wraps around midnight.
DAGDELEN_HOURS: Dict[str, Tuple[int, int]] = {"dag": (7, 19), "avond": (19, 23), "nacht": (23, 7)}
DAGDELEN = tuple(DAGDELEN_HOURS)
#: Status values of a schouw finding that count as closed.
CLOSED_STATUSES = frozenset({"afgehandeld"})
#: Share of the area's surface that must lie in the reference for the "nested" comparison.
NESTED_SHARE = 0.999
#: Pairs (point, polygon edge) handled at once by the point-in-polygon test.
_PIP_CHUNK = 1 << 21

Period = Tuple[np.datetime64, np.datetime64]

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
METHOD_SMALL = N_('Counts from 1 to {below} are marked as small and are published as "<{threshold}".')

# Warnings.
W_AREA_REPAIRED = N_("The scan area was an invalid polygon; it was repaired (buffer 0). Check its shape.")
W_REFERENCE_REPAIRED = N_("The reference area was an invalid polygon; it was repaired (buffer 0).")
W_NO_REFERENCE = N_(
    "No reference area (no buurten and no municipality boundary): the comparison with "
    "the reference area is left out."
)
W_PARTIAL_REFERENCE = N_(
    "Only {share}% of the scan area lies inside the reference area; the area is "
    "compared with the reference as a separate area."
)
W_MISSING_INHABITANTS = N_(
    "{n} buurten have no (or a secret) number of inhabitants or dwellings; they " "count as 0: {codes}"
)
W_NO_INHABITANTS = N_(
    "The scan area has no inhabitants according to the buurten; rates per 1,000 " "inhabitants are left out."
)
W_BAD_INCIDENTS = N_("{n} incidents without valid coordinates or date were left out.")
W_BAD_BUURT = N_("{n} buurt polygons were empty or invalid and were repaired or skipped.")


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


@dataclass
class IncidentData:
    """Incidents as parallel arrays (metres in the projected CRS; ``t`` as datetime64)."""

    x: np.ndarray
    y: np.ndarray
    t: np.ndarray
    category: np.ndarray
    safety_field: np.ndarray
    weight: Optional[np.ndarray] = None
    uuid: Optional[np.ndarray] = None

    @classmethod
    def empty(cls) -> "IncidentData":
        """No incidents at all."""
        e = np.zeros(0)
        return cls(e, e, np.zeros(0, dtype="datetime64[s]"), np.zeros(0, dtype=str), np.zeros(0, dtype=str))


@dataclass
class RiskObjects:
    """Risk objects / points of interest as parallel arrays."""

    x: np.ndarray
    y: np.ndarray
    kind: np.ndarray
    name: np.ndarray


@dataclass
class SchouwFindings:
    """Buurtschouw findings as parallel arrays (``uuid`` optional)."""

    x: np.ndarray
    y: np.ndarray
    severity: np.ndarray
    checklist_item: np.ndarray
    status: np.ndarray
    uuid: Optional[np.ndarray] = None


class Buurt(NamedTuple):
    """One buurt (or other area with population figures); a plain 5-tuple works as well."""

    geometry: BaseGeometry
    inhabitants: Optional[float]
    dwellings: Optional[float]
    code: str
    name: str


class HotspotZone(NamedTuple):
    """A hotspot zone as the scan needs it; ``core.zones.Zone`` objects work as well."""

    geometry: BaseGeometry
    peak: float


@dataclass
class ScanInputs:
    """Everything one scan needs, as plain data (see the module docstring for the definitions).

    ``buurten``: areas of one level that do not overlap (buurten, or wijken), as :class:`Buurt`
    or plain 5-tuples (geometry, inhabitants, dwellings, code, name). ``reference``: default the
    union of the buurten with all their inhabitants; a given reference without
    ``reference_inhabitants`` gets its inhabitants apportioned from the buurten. ``zones``:
    :class:`HotspotZone`, ``core.zones.Zone`` or (geometry, peak) tuples. ``period`` and
    ``comparison`` default as :func:`default_periods` / :func:`default_comparison` say.
    """

    incidents: IncidentData
    area: BaseGeometry
    period: Optional[Period] = None
    comparison: Optional[Period] = None
    ring_width: float = DEFAULT_RING_WIDTH
    reference: Optional[BaseGeometry] = None
    reference_inhabitants: Optional[float] = None
    buurten: Sequence[Any] = ()
    risk_objects: Optional[RiskObjects] = None
    zones: Sequence[Any] = ()
    schouw: Optional[SchouwFindings] = None
    fields: Optional[Sequence[str]] = None
    categories: Optional[Sequence[str]] = None
    small_count_threshold: int = DEFAULT_SMALL_COUNT
    alpha: float = DEFAULT_ALPHA


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass
class ScanResult:
    """The results of one scan as plain JSON data (see the module docstring for the layout)."""

    parameters: Dict[str, Any]
    n_incidents: Dict[str, int]
    geography: Dict[str, Any]
    groups: List[Dict[str, Any]]
    when: Dict[str, Any]
    where: Dict[str, Any]
    schouw: Dict[str, Any]
    methods: Dict[str, Any]
    warnings: List[Dict[str, Any]] = field(default_factory=list)
    format: str = FORMAT

    _KEYS = (
        "format",
        "parameters",
        "n_incidents",
        "geography",
        "groups",
        "when",
        "where",
        "schouw",
        "methods",
        "warnings",
    )

    def to_json(self) -> Dict[str, Any]:
        """A deep copy as a plain dict (only dicts, lists, str, int, float, bool, None)."""
        return {k: copy.deepcopy(getattr(self, k)) for k in self._KEYS}

    def dumps(self) -> str:
        """The JSON text stored in the GeoPackage."""
        return json.dumps(self.to_json(), ensure_ascii=False, allow_nan=False, sort_keys=False)

    @classmethod
    def from_json(cls, data: Union[str, bytes, Dict[str, Any]]) -> "ScanResult":
        """Rebuild a result from :meth:`to_json` output or its JSON text."""
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except ValueError as exc:
                raise InputError(
                    N_("The stored scan results are not valid JSON: {error}"), error=str(exc)
                ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(
                N_("The stored scan results have an unknown format ({format}); expected " "{expected}."),
                format=data.get("format") if isinstance(data, dict) else type(data).__name__,
                expected=FORMAT,
            )
        missing = [k for k in cls._KEYS if k not in data]
        if missing:
            raise InputError(
                N_("The stored scan results lack the parts: {missing}."), missing=", ".join(missing)
            )
        return cls(**{k: copy.deepcopy(data[k]) for k in cls._KEYS})

    def group(self, key: str) -> Optional[Dict[str, Any]]:
        """The group with this key (``"total"``, ``"field:<code>"``, ``"cat:<code>"``), or None."""
        for g in self.groups:
            if g["key"] == key:
                return g
        return None

    def groups_of(self, kind: str) -> List[Dict[str, Any]]:
        """All groups of a kind: ``"total"``, ``"field"`` or ``"category"``."""
        return [g for g in self.groups if g["kind"] == kind]

    @property
    def threshold(self) -> int:
        """The small-count threshold the scan used."""
        return int(self.parameters["small_count_threshold"])


def group_key(kind: str, code: Optional[str] = None) -> str:
    """The key of a group: ``"total"``, ``"field:<code>"`` or ``"cat:<code>"``."""
    if kind == "total":
        return "total"
    return ("field:" if kind == "field" else "cat:") + str(code)


def is_small(n: Optional[float], threshold: int = DEFAULT_SMALL_COUNT) -> bool:
    """True for a count to suppress in published outputs: ``0 < n < threshold``."""
    return n is not None and 0 < n < threshold


def suppress(value: Optional[float], threshold: int = DEFAULT_SMALL_COUNT) -> str:
    """A count as published: ``"<5"`` for a small count, otherwise the number (``"-"`` for None)."""
    if value is None:
        return "-"
    if is_small(value, threshold):
        return f"<{threshold}"
    v = float(value)
    return str(int(v)) if v.is_integer() else f"{v:g}"


# --------------------------------------------------------------------------------------------
# Helpers: geometry, periods
# --------------------------------------------------------------------------------------------


def area_from_point(x: float, y: float, radius: float, quad_segs: int = 16) -> Polygon:
    """The scan area for "a point with a radius": a circle (polygon with 4 * quad_segs sides)."""
    try:
        r = float(radius)
    except (TypeError, ValueError):
        r = float("nan")
    if not math.isfinite(r) or r <= 0:
        raise InputError(
            N_("The radius around the point must be a positive number of metres, not {radius}."),
            radius=radius,
        )
    if not (math.isfinite(float(x)) and math.isfinite(float(y))):
        raise InputError(N_("The centre point of the scan area has no valid coordinates."))
    return Point(float(x), float(y)).buffer(r, quad_segs)


def _to_s(value: Any) -> np.datetime64:
    try:
        v = np.datetime64(value, "s")
    except (TypeError, ValueError):
        raise InputError(N_("{value} is not a date or time."), value=value) from None
    if np.isnat(v):
        raise InputError(N_("A period boundary is missing (not a date)."))
    return v


def _add_months(day: np.datetime64, months: int) -> np.datetime64:
    """Calendar months added to a date (day of month clamped to the month's length)."""
    d = np.datetime64(day, "D")
    m = d.astype("datetime64[M]")
    dom = int((d - m.astype("datetime64[D]")).astype(int))
    nm = m + np.timedelta64(months, "M")
    length = int(
        ((nm + np.timedelta64(1, "M")).astype("datetime64[D]") - nm.astype("datetime64[D]")).astype(int)
    )
    return (nm.astype("datetime64[D]") + np.timedelta64(min(dom, length - 1), "D")).astype("datetime64[s]")


def default_periods(t_max: Any) -> Tuple[Period, Period]:
    """The last 12 months of data and the 12 months before, from the latest incident time.

    The period ends at the start of the day after *t_max* (so the last incident is inside) and
    starts 12 calendar months earlier; the comparison period is the 12 months before it.
    *t_max* may be one datetime64 or an array (its maximum is used).
    """
    arr = np.asarray(t_max, dtype="datetime64[s]").ravel()
    arr = arr[~np.isnat(arr)]
    if not arr.size:
        raise InputError(
            N_(
                "There are no incident dates to derive the default period from; give the "
                "period explicitly."
            )
        )
    end = (arr.max().astype("datetime64[D]") + np.timedelta64(1, "D")).astype("datetime64[s]")
    start = _add_months(end, -12)
    return (start, end), (_add_months(end, -24), start)


def default_comparison(period: Period) -> Period:
    """The comparison period for *period*: one year earlier when that does not overlap, else the
    equally long stretch directly before."""
    start, end = period
    c_start, c_end = _add_months(start, -12), _add_months(end, -12)
    if c_end <= start:
        return c_start, c_end
    return start - (end - start), start


def _check_periods(period: Period, comparison: Period) -> Tuple[Period, Period]:
    p = (_to_s(period[0]), _to_s(period[1]))
    c = (_to_s(comparison[0]), _to_s(comparison[1]))
    if p[1] <= p[0]:
        raise InputError(
            N_(
                "The period ends ({end}) before or when it starts ({start}); choose an end "
                "after the start."
            ),
            start=str(p[0]),
            end=str(p[1]),
        )
    if c[1] <= c[0]:
        raise InputError(
            N_(
                "The comparison period ends ({end}) before or when it starts ({start}); choose "
                "an end after the start."
            ),
            start=str(c[0]),
            end=str(c[1]),
        )
    if c[0] < p[1] and p[0] < c[1]:
        raise InputError(
            N_(
                "The comparison period ({c_start} to {c_end}) overlaps the period ({start} to "
                "{end}); choose a comparison period before (or after) the period."
            ),
            c_start=str(c[0]),
            c_end=str(c[1]),
            start=str(p[0]),
            end=str(p[1]),
        )
    return p, c


def _polygonal(
    geom: Any, repaired_warning: str, warnings: List[Dict[str, Any]], empty_message: str
) -> BaseGeometry:
    """A valid (Multi)Polygon from *geom*: repaired with buffer(0) when invalid; polygons of a
    collection kept; InputError when nothing with a surface is left."""
    if geom is None or not isinstance(geom, BaseGeometry) or geom.is_empty:
        raise InputError(empty_message)
    if not geom.is_valid:
        geom = geom.buffer(0)
        warnings.append(_w(repaired_warning))
    if geom.geom_type == "GeometryCollection":
        geom = unary_union([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon") or geom.area <= 0:
        raise InputError(empty_message)
    return geom


def _polygons(geom: BaseGeometry) -> List[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):
        out: List[Polygon] = []
        for g in geom.geoms:
            out.extend(_polygons(g))
        return out
    return []


def _edges(geom: BaseGeometry) -> np.ndarray:
    """All ring edges of a (Multi)Polygon as an (E, 4) array x1, y1, x2, y2."""
    parts = []
    for poly in _polygons(geom):
        for ring in [poly.exterior, *poly.interiors]:
            c = np.asarray(ring.coords, dtype=float)[:, :2]
            if len(c) >= 2:
                parts.append(np.column_stack([c[:-1], c[1:]]))
    return np.vstack(parts) if parts else np.zeros((0, 4))


def points_in_polygon(
    x: np.ndarray, y: np.ndarray, geom: BaseGeometry, monitor: Optional[Monitor] = None
) -> np.ndarray:
    """Boolean mask of the points inside a (Multi)Polygon (holes respected), vectorised.

    Crossing-number rule with half-open edges (an edge covers ``min(y1, y2) <= y < max(y1, y2)``
    and a crossing counts when the point lies strictly left of it): every point of the plane
    falls in exactly one of two polygons sharing an edge; a point on a west or south boundary
    is inside, on an east or north boundary outside.
    """
    monitor = ensure(monitor)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    mask = np.zeros(x.shape[0], dtype=bool)
    if geom is None or geom.is_empty or not x.size:
        return mask
    minx, miny, maxx, maxy = geom.bounds
    cand = np.flatnonzero((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy))
    if not cand.size:
        return mask
    order = np.argsort(y[cand], kind="stable")
    ys = y[cand][order]
    xs = x[cand][order]
    e = _edges(geom)
    e = e[e[:, 1] != e[:, 3]]
    lo = np.minimum(e[:, 1], e[:, 3])
    hi = np.maximum(e[:, 1], e[:, 3])
    i0 = np.searchsorted(ys, lo, "left")
    cnt = np.searchsorted(ys, hi, "left") - i0
    keep = cnt > 0
    e, i0, cnt = e[keep], i0[keep], cnt[keep]
    slope = (e[:, 2] - e[:, 0]) / (e[:, 3] - e[:, 1])
    crossings = np.zeros(cand.size, dtype=np.int64)
    cum = np.cumsum(cnt)
    start = 0
    while start < cnt.size:
        monitor.check()
        before = int(cum[start - 1]) if start else 0
        stop = max(int(np.searchsorted(cum, before + _PIP_CHUNK, "right")), start + 1)
        c = cnt[start:stop]
        which = np.repeat(np.arange(start, stop), c)
        offs = np.arange(int(c.sum())) - np.repeat(np.cumsum(c) - c, c)
        pos = i0[which] + offs
        xi = e[which, 0] + (ys[pos] - e[which, 1]) * slope[which]
        crossings += np.bincount(pos[xs[pos] < xi], minlength=cand.size)
        start = stop
    mask[cand[order[(crossings & 1).astype(bool)]]] = True
    return mask


# --------------------------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------------------------


def _pvalue(k: int, n: int, p0: float) -> float:
    """Two-sided exact binomial p-value: twice the smaller tail, capped at 1."""
    if n <= 0:
        return 1.0
    lower = float(stats.binom.cdf(k, n, p0))
    upper = float(stats.binom.sf(k - 1, n, p0))
    return min(1.0, 2.0 * min(lower, upper))


def clopper_pearson(k: int, n: int, alpha: float = DEFAULT_ALPHA) -> Tuple[float, float]:
    """Exact (1 - alpha) interval of a binomial proportion k out of n (Clopper-Pearson)."""
    if n <= 0:
        return 0.0, 1.0
    lo = 0.0 if k <= 0 else float(stats.beta.ppf(alpha / 2.0, k, n - k + 1))
    hi = 1.0 if k >= n else float(stats.beta.ppf(1.0 - alpha / 2.0, k + 1, n - k))
    return lo, hi


def _num(v: Optional[float]) -> Optional[float]:
    """A plain float for JSON, None for None/NaN/inf."""
    if v is None:
        return None
    f = float(v)
    return f if math.isfinite(f) else None


def _odds(p: float, factor: float) -> Optional[float]:
    return None if p >= 1.0 else p / (1.0 - p) * factor


def poisson_change(
    n1: int, n2: int, len1: float, len2: float, alpha: float = DEFAULT_ALPHA
) -> Dict[str, Any]:
    """Change of a count between two periods of lengths len1 (the period) and len2 (comparison).

    Exact conditional binomial test (see the module docstring). Returns ratio, change_pct,
    ci_low, ci_high, p_value, significant, direction ("up", "down" or "none") and p0.
    """
    n = n1 + n2
    p0 = len1 / (len1 + len2)
    p = _pvalue(n1, n, p0)
    sig = bool(n > 0 and p < alpha)
    ratio = None if n2 == 0 else (n1 / len1) / (n2 / len2)
    lo = hi = None
    if n > 0:
        plo, phi = clopper_pearson(n1, n, alpha)
        lo, hi = _odds(plo, len2 / len1), _odds(phi, len2 / len1)
    direction = "none"
    if sig:
        direction = "up" if n1 / len1 > n2 / len2 else "down"
    return {
        "ratio": _num(ratio),
        "change_pct": _num(None if ratio is None else (ratio - 1.0) * 100.0),
        "ci_low": _num(lo),
        "ci_high": _num(hi),
        "p_value": _num(p),
        "significant": sig,
        "direction": direction,
        "p0": _num(p0),
    }


def rate_ratio(
    n1: int, exposure1: float, n_ref: int, exposure_ref: float, nested: bool, alpha: float = DEFAULT_ALPHA
) -> Optional[Dict[str, Any]]:
    """Rate ratio of the area (n1 over exposure1) against the reference (n_ref over exposure_ref).

    *nested*: the reference count and exposure include the area's own (see the module
    docstring). Returns ratio, ci_low, ci_high, p_value, significant, p0; None when an exposure
    is 0 or the comparison is impossible (nested with exposure1 >= exposure_ref).
    """
    if not exposure1 or not exposure_ref or exposure1 <= 0 or exposure_ref <= 0:
        return None
    if nested:
        if exposure1 >= exposure_ref or n1 > n_ref:
            return None
        n, p0, factor = n_ref, exposure1 / exposure_ref, exposure_ref / exposure1
    else:
        n, p0, factor = n1 + n_ref, exposure1 / (exposure1 + exposure_ref), exposure_ref / exposure1
    ratio = None if n_ref == 0 else (n1 / exposure1) / (n_ref / exposure_ref)
    p = _pvalue(n1, n, p0)
    lo = hi = None
    if n > 0:
        plo, phi = clopper_pearson(n1, n, alpha)
        if nested:
            lo, hi = plo * factor, phi * factor
        else:
            lo, hi = _odds(plo, factor), _odds(phi, factor)
    return {
        "ratio": _num(ratio),
        "ci_low": _num(lo),
        "ci_high": _num(hi),
        "p_value": _num(p),
        "significant": bool(n > 0 and p < alpha),
        "p0": _num(p0),
    }


# --------------------------------------------------------------------------------------------
# The scan
# --------------------------------------------------------------------------------------------


def _w(template: str, **params: Any) -> Dict[str, Any]:
    return {"message": template, "params": {k: _plain(v) for k, v in params.items()}}


def _plain(v: Any) -> Any:
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return _num(float(v))
    if isinstance(v, np.bool_):
        return bool(v)
    return v


def _strings(values: Any, n: int, name: str) -> np.ndarray:
    if values is None:
        return np.full(n, "", dtype=object).astype(str)
    arr = np.asarray(values)
    if arr.shape != (n,):
        raise InputError(
            N_("The incident attribute {name} has {got} values for {n} incidents."),
            name=name,
            got=arr.size,
            n=n,
        )
    if arr.dtype.kind == "U":
        return arr
    return np.array(["" if v is None else str(v) for v in arr.tolist()], dtype=str) if n else np.zeros(0, str)


def _code_key(code: str) -> Tuple:
    parts = []
    for p in str(code).split("."):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)


def _apportion(
    buurten: List[Tuple[BaseGeometry, float, float, str, str]], zone: BaseGeometry
) -> Tuple[float, float, List[float]]:
    """Inhabitants and dwellings of *zone* by area share, and each buurt's share in it."""
    shares: List[float] = []
    inh = dw = 0.0
    if zone is None or zone.is_empty:
        return 0.0, 0.0, [0.0] * len(buurten)
    pz = prep(zone)
    for geom, b_inh, b_dw, _code, _name in buurten:
        s = 0.0
        if geom.area > 0 and pz.intersects(geom):
            s = 1.0 if pz.contains(geom) else min(1.0, geom.intersection(zone).area / geom.area)
        shares.append(s)
        inh += s * b_inh
        dw += s * b_dw
    return inh, dw, shares


def _count_or_none(v: Any) -> Tuple[float, bool]:
    """A population number; (0, True) when missing, not a number or negative (CBS secrecy)."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return 0.0, True
    if not math.isfinite(f) or f < 0:
        return 0.0, True
    return f, False


def _iso(t: np.datetime64) -> str:
    return str(np.datetime64(t, "s"))


def _month_label(m: int) -> str:
    return str(np.datetime64(m, "M"))


@dataclass
class _Geography:
    """The zones of a scan and their exposures (surface, apportioned inhabitants and dwellings)."""

    area: BaseGeometry
    outer: BaseGeometry
    ring: BaseGeometry
    reference: Optional[BaseGeometry]
    nested: Optional[bool]
    buurten: List[Tuple[BaseGeometry, float, float, str, str]]
    inhabitants: Dict[str, float]
    dwellings: Dict[str, float]
    km2: Dict[str, float]
    shares: Dict[str, List[float]]

    def to_json(self) -> Dict[str, Any]:
        """The ``geography`` part of the result."""
        has_ref = self.reference is not None
        return {
            "area_km2": _num(self.km2["area"]),
            "ring_km2": _num(self.km2["ring"]),
            "reference_km2": _num(self.km2["reference"]) if has_ref else None,
            "inhabitants": {
                "area": _num(self.inhabitants["area"]),
                "ring": _num(self.inhabitants["ring"]),
                "reference": _num(self.inhabitants["reference"]) if has_ref else None,
            },
            "dwellings": {"area": _num(self.dwellings["area"]), "ring": _num(self.dwellings["ring"])},
            "buurten": [
                {
                    "code": b[3],
                    "name": b[4],
                    "share_area": _num(sa),
                    "share_ring": _num(sr),
                    "inhabitants": _num(b[1]),
                    "dwellings": _num(b[2]),
                }
                for b, sa, sr in zip(self.buurten, self.shares["area"], self.shares["ring"])
                if sa > 0 or sr > 0
            ],
        }


def _prepare_geography(inputs: ScanInputs, ring_width: float, warnings: List[Dict[str, Any]]) -> _Geography:
    """Area, ring and reference (repaired when invalid), buurten, and the exposures."""
    area = _polygonal(
        inputs.area,
        W_AREA_REPAIRED,
        warnings,
        N_(
            "The scan area is empty or has no surface; draw or choose a polygon (or give a "
            "point with a radius)."
        ),
    )
    outer = area.buffer(ring_width) if ring_width > 0 else area
    ring = outer.difference(area) if ring_width > 0 else Polygon()

    bad_buurten = 0
    buurten: List[Tuple[BaseGeometry, float, float, str, str]] = []
    missing_codes: List[str] = []
    for b in inputs.buurten or ():
        geom, b_inh, b_dw, code, name = tuple(b)[:5]
        if geom is None or geom.is_empty:
            bad_buurten += 1
            continue
        if not geom.is_valid:
            geom = geom.buffer(0)
            bad_buurten += 1
            if geom.is_empty:
                continue
        fi, mi = _count_or_none(b_inh)
        fd, md = _count_or_none(b_dw)
        if mi or md:
            missing_codes.append(str(code))
        buurten.append((geom, fi, fd, "" if code is None else str(code), "" if name is None else str(name)))
    if bad_buurten:
        warnings.append(_w(W_BAD_BUURT, n=bad_buurten))
    if missing_codes:
        warnings.append(_w(W_MISSING_INHABITANTS, n=len(missing_codes), codes=", ".join(missing_codes[:20])))

    reference = inputs.reference
    if reference is not None and not reference.is_empty:
        reference = _polygonal(
            reference, W_REFERENCE_REPAIRED, warnings, N_("The reference area is empty or has no surface.")
        )
    elif buurten:
        reference = unary_union([b[0] for b in buurten])
    else:
        reference = None
        warnings.append(_w(W_NO_REFERENCE))
    inh_area, dw_area, sh_area = _apportion(buurten, area)
    inh_ring, dw_ring, sh_ring = _apportion(buurten, ring)
    if reference is not None:
        if inputs.reference_inhabitants is not None:
            inh_ref, miss = _count_or_none(inputs.reference_inhabitants)
            if miss:
                raise InputError(
                    N_("The number of inhabitants of the reference area must be 0 or more, not {value}."),
                    value=inputs.reference_inhabitants,
                )
        else:
            # the default reference is the union of the buurten: all their inhabitants
            if inputs.reference is None:
                inh_ref = sum(b[1] for b in buurten)
            else:
                inh_ref = _apportion(buurten, reference)[0]
    else:
        inh_ref = 0.0
    if buurten and inh_area <= 0:
        warnings.append(_w(W_NO_INHABITANTS))
    km2_area = area.area / 1e6
    km2_ring = ring.area / 1e6
    km2_ref = reference.area / 1e6 if reference is not None else 0.0
    nested = None
    if reference is not None:
        inside_share = area.intersection(reference).area / area.area
        nested = inside_share >= NESTED_SHARE
        if not nested and inside_share > 0:
            warnings.append(_w(W_PARTIAL_REFERENCE, share=round(inside_share * 100.0, 1)))

    return _Geography(
        area=area,
        outer=outer,
        ring=ring,
        reference=reference,
        nested=nested,
        buurten=buurten,
        inhabitants={"area": inh_area, "ring": inh_ring, "reference": inh_ref},
        dwellings={"area": dw_area, "ring": dw_ring},
        km2={"area": km2_area, "ring": km2_ring, "reference": km2_ref},
        shares={"area": sh_area, "ring": sh_ring},
    )


def _when(
    t_a: np.ndarray,
    ap: np.ndarray,
    ac: np.ndarray,
    g_f_a: np.ndarray,
    g_c_a: np.ndarray,
    group_meta: Sequence[Tuple[str, str, Optional[str], Optional[str]]],
    period: Period,
    comparison: Period,
    threshold: int,
) -> Dict[str, Any]:
    """Month series, weekday x hour tables and day parts of the area's incidents, per group.

    *t_a*: times of the area's incidents; *ap*/*ac*: in the period / the comparison period;
    *g_f_a*/*g_c_a*: their field and category group index (the total is group 0).
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
    wdh = tables(wd * 24 + hour, ap, 168)
    hours_of = {
        name: [h for h in range(24) if (lo <= h < hi if lo < hi else (h >= lo or h < hi))]
        for name, (lo, hi) in DAGDELEN_HOURS.items()
    }

    def small_list(values: Iterable[int]) -> List[bool]:
        return [is_small(int(v), threshold) for v in values]

    when_groups: Dict[str, Any] = {}
    for gi, (key, _kind, _code, _sf) in enumerate(group_meta):
        table = wdh[gi].reshape(7, 24)
        by_hour = table.sum(axis=0)
        dd = {name: int(by_hour[hs].sum()) for name, hs in hours_of.items()}
        tot = sum(dd.values())
        when_groups[key] = {
            "months_period": months_p[gi].tolist(),
            "months_period_small": small_list(months_p[gi]),
            "months_comparison": months_c[gi].tolist(),
            "months_comparison_small": small_list(months_c[gi]),
            "weekday_hour": table.tolist(),
            "weekday_hour_small": [small_list(row) for row in table],
            "dagdeel": dd,
            "dagdeel_small": {k: is_small(v, threshold) for k, v in dd.items()},
            "dagdeel_share": {k: (_num(v / tot) if tot else None) for k, v in dd.items()},
        }
    return {"months": months, "groups": when_groups}


def _where(
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
                    "peak": _num(peak),
                    "area_m2": _num(geom.area),
                    "area_inside_m2": _num(inside),
                    "share_inside": _num(inside / geom.area if geom.area > 0 else 0.0),
                }
            )
    zones_out.sort(key=lambda d: (-(d["peak"] if d["peak"] is not None else -math.inf), d["index"]))
    zone_union = unary_union([g for _, g, _ in zone_geoms]) if zone_geoms else None
    zone_share = _num(zone_union.intersection(area).area / area.area) if zone_union is not None else 0.0
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
            "share": _num(n_z / n_all) if n_all else None,
        }
    risk = _risk_objects(risk_objects, area, ring, zone_union)
    return {
        "zones": zones_out,
        "zone_share_of_area": zone_share,
        "incidents_in_zones": incidents_in_zones,
        "risk_objects": risk,
    }


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
    cat = _strings(inc.category, n_in, "category")
    fld = _strings(inc.safety_field, n_in, "safety_field")
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


def run_scan(inputs: ScanInputs, monitor: Optional[Monitor] = None) -> ScanResult:
    """Run the environment scan of one location (see the module docstring for every definition)."""
    monitor = ensure(monitor)
    warnings: List[Dict[str, Any]] = []
    alpha, threshold, ring_width = _check_options(inputs)
    x, y, t, cat, fld, wgt = _incident_arrays(inputs.incidents)
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
            else default_comparison((_to_s(period[0]), _to_s(period[1])))
        )
    period, comparison = _check_periods(period, comparison)
    len_p = float((period[1] - period[0]).astype(np.int64))
    len_c = float((comparison[1] - comparison[0]).astype(np.int64))

    geo = _prepare_geography(inputs, ring_width, warnings)
    area, outer, ring, reference, nested = geo.area, geo.outer, geo.ring, geo.reference, geo.nested
    inh = geo.inhabitants
    inh_area, inh_ring, inh_ref = inh["area"], inh["ring"], inh["reference"]
    km2_area, km2_ring, km2_ref = geo.km2["area"], geo.km2["ring"], geo.km2["reference"]
    monitor.set(10)
    monitor.check()

    # --- which incidents are used --------------------------------------------------------
    valid = np.isfinite(x) & np.isfinite(y) & ~np.isnat(t)
    n_bad = int(n_in - valid.sum())
    if n_bad:
        warnings.append(_w(W_BAD_INCIDENTS, n=n_bad))
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
    in_outer = points_in_polygon(xr, yr, outer, pm.sub(30, 60)) if ring_width > 0 else in_area
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
    monitor.set(70)
    monitor.check()

    group_meta: List[Tuple[str, str, Optional[str], Optional[str]]] = [("total", "total", None, None)]
    group_meta += [(group_key("field", f), "field", f, f) for f in field_codes]
    group_meta += [(group_key("category", c), "category", c, cat_field[c]) for c in cat_list]

    def rate(n: float, denom: float, per: float) -> Optional[float]:
        return _num(n / denom * per) if denom > 0 else None

    groups: List[Dict[str, Any]] = []
    for gi, (key, kind, code, sfield) in enumerate(group_meta):
        blocks: Dict[str, Any] = {}
        for zone, inh, km2 in (("area", inh_area, km2_area), ("ring", inh_ring, km2_ring)):
            n_p, n_c = int(cnt[(zone, "p")][gi]), int(cnt[(zone, "c")][gi])
            blocks[zone] = {
                "n": n_p,
                "n_small": is_small(n_p, threshold),
                "weight": _num(wsum[(zone, "p")][gi]),
                "n_comparison": n_c,
                "n_comparison_small": is_small(n_c, threshold),
                "weight_comparison": _num(wsum[(zone, "c")][gi]),
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
            }
        )
    monitor.set(75)
    monitor.check()

    area_idx = np.flatnonzero(a_k)
    ap, ac = p_k[area_idx], c_k[area_idx]
    when = _when(
        t_k[area_idx], ap, ac, g_field[area_idx], g_cat[area_idx], group_meta, period, comparison, threshold
    )
    monitor.set(85)
    monitor.check()

    where = _where(
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
    )
    monitor.set(92)
    monitor.check()

    schouw = _schouw(inputs.schouw, area)

    # --- parameters, geography, methods ---------------------------------------------------
    level = round((1.0 - alpha) * 100.0, 6)
    level = int(level) if float(level).is_integer() else level
    days_p, days_c = len_p / 86400.0, len_c / 86400.0
    methods: Dict[str, Any] = {
        "change": {
            "id": "conditional_binomial_poisson",
            "template": METHOD_CHANGE,
            "params": {
                "p0": _num(round(len_p / (len_p + len_c), 6)),
                "days": _num(days_p),
                "comparison_days": _num(days_c),
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
        "small_counts": {
            "id": "threshold",
            "template": METHOD_SMALL,
            "params": {"below": threshold - 1, "threshold": threshold},
        },
    }
    parameters = {
        "period": [_iso(period[0]), _iso(period[1])],
        "comparison": [_iso(comparison[0]), _iso(comparison[1])],
        "period_days": _num(days_p),
        "comparison_days": _num(days_c),
        "ring_width": _num(ring_width),
        "small_count_threshold": threshold,
        "alpha": _num(alpha),
        "fields": None if inputs.fields is None else [str(f) for f in inputs.fields],
        "categories": None if inputs.categories is None else [str(c) for c in inputs.categories],
        "dagdelen": {k: list(v) for k, v in DAGDELEN_HOURS.items()},
        "reference_mode": None if reference is None else ("nested" if nested else "separate"),
    }
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


def _risk_objects(
    ro: Optional[RiskObjects], area: BaseGeometry, ring: BaseGeometry, zone_union: Optional[BaseGeometry]
) -> Dict[str, Any]:
    out: Dict[str, Any] = {"area": {"by_kind": {}, "items": []}, "ring": {"by_kind": {}, "items": []}}
    if ro is None:
        return out
    x = np.asarray(ro.x, dtype=float).ravel()
    y = np.asarray(ro.y, dtype=float).ravel()
    n = x.shape[0]
    if y.shape[0] != n:
        raise InputError(N_("The risk object arrays differ in length."))
    kind = _strings(ro.kind, n, "kind")
    name = _strings(ro.name, n, "name")
    ok = np.isfinite(x) & np.isfinite(y)
    in_a = points_in_polygon(x, y, area) & ok
    in_r = (points_in_polygon(x, y, ring) & ok & ~in_a) if not ring.is_empty else np.zeros(n, dtype=bool)
    for zone, mask in (("area", in_a), ("ring", in_r)):
        items = []
        for i in np.flatnonzero(mask):
            d = None
            if zone_union is not None:
                d = _num(Point(float(x[i]), float(y[i])).distance(zone_union))
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


def _schouw(sf: Optional[SchouwFindings], area: BaseGeometry) -> Dict[str, Any]:
    out: Dict[str, Any] = {"n_open": 0, "by_severity": {"groen": 0, "oranje": 0, "rood": 0}, "items": []}
    if sf is None:
        return out
    x = np.asarray(sf.x, dtype=float).ravel()
    y = np.asarray(sf.y, dtype=float).ravel()
    n = x.shape[0]
    if y.shape[0] != n:
        raise InputError(N_("The schouw finding arrays differ in length."))
    sev = _strings(sf.severity, n, "severity")
    item = _strings(sf.checklist_item, n, "checklist_item")
    status = _strings(sf.status, n, "status")
    uuid = _strings(sf.uuid, n, "uuid") if sf.uuid is not None else None
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


__all__ = [
    "ScanInputs",
    "ScanResult",
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
