"""The area monitor ("Buurtmonitor"): counts, rates, ratios, ranks and trends per area, year and
safety field, and the areas with accumulating problems (pure core).

Definitions (also in the help of ``hotspot:areamonitor`` and on the dashboard):

* **Count**: incidents whose point lies in the area (a point on the border of two areas counts
  for the first of them) and whose ``occurred_at`` falls in the calendar year, per safety field
  and for all fields together ("total").
* **Rate**: per 1,000 inhabitants; for an area where fewer than :data:`MIN_INHABITANTS` live (in
  the last year of the monitor; or the number is unknown) per km2 instead, in every year, so
  the area's series stays in one unit.
* **Ratio to the municipality**: the area's rate divided by the municipality's rate in the same
  unit, where the municipality is all monitored areas together (their incidents over their
  inhabitants, or over their km2). The exact 95 % interval and the p-value come from the
  conditional binomial test of a nested comparison, as the environment scan does
  (:func:`core.scan_stats.rate_ratio` with ``nested=True``): given the municipality's count ``N``,
  the area's count is ``Binomial(N, e / E)`` under equal rates (``e``, ``E`` the exposures);
  the Clopper-Pearson interval of the proportion times ``E / e`` bounds the ratio.
* **Rank**: 1 for the highest ratio to the municipality in that year and field (ratio, so areas
  measured per inhabitant and per km2 rank together); areas with the same ratio share a rank.
* **Trend**: Mann-Kendall over the years of the area's rate (:mod:`core.trend`); rising or
  falling when ``p < 0.05``.
* **Accumulating problems**: an area is flagged when, in the last year, its ratio is
  significantly above 1 (the interval lies above 1) on at least :data:`MIN_FIELDS` safety
  fields, or its trend rises significantly on at least :data:`MIN_FIELDS` safety fields. Only
  published figures count (see the disclosure rule).
* **Disclosure** (the one rule, :mod:`core.disclosure`): a count from 1 to ``threshold - 1`` is
  published as ``"<threshold"``; where an area's five safety fields stand beside its total, more
  fields are hidden (``"x"``) until no small one can be computed back (:func:`protect_rows`); no
  rate, ratio, rank or flag is shown on a hidden count, and no trend on a series whose counts add
  up to a small count.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
from scipy import stats

from . import disclosure
from .categories import SAFETY_FIELDS
from .i18n import N_
from .progress import Monitor, ensure
from .scan_types import DEFAULT_SMALL_COUNT
from .trend import TrendResult, mann_kendall

#: Below this many inhabitants an area's rate is per km2.
MIN_INHABITANTS = 100
#: Fields (significantly above the municipality, or rising) that flag an area.
MIN_FIELDS = 2
#: The five safety fields in VNG order, then the total.
TOTAL = "totaal"
FIELDS: List[str] = list(SAFETY_FIELDS) + [TOTAL]
FIELD_LABELS_NL: Dict[str, str] = {**{k: v[0] for k, v in SAFETY_FIELDS.items()}, TOTAL: "Alle velden"}
FIELD_LABELS_EN: Dict[str, str] = {**{k: v[1] for k, v in SAFETY_FIELDS.items()}, TOTAL: "All fields"}
UNIT_INHABITANTS, UNIT_KM2 = "per_1000", "per_km2"

FLAG_RULE = N_("Flagged: significantly above the municipality (95% interval above 1) on at least {k} safety "
               "fields in {year}, or a significantly rising trend (Mann-Kendall, p < 0.05) on at least {k} "
               "safety fields; counts below {threshold} do not count.")


@dataclass
class MonitorAreas:
    """The monitored areas: code, name, area in km2 and inhabitants per year (NaN: unknown)."""

    codes: List[str]
    names: List[str]
    km2: np.ndarray
    inhabitants: np.ndarray  # (areas, years)
    dwellings: np.ndarray  # (areas, years)


@dataclass
class MonitorResult:
    """Everything per area (axis 0), year (axis 1) and field (axis 2, :data:`FIELDS`)."""

    areas: MonitorAreas
    years: List[int]
    fields: List[str]
    counts: np.ndarray
    unit: List[str]
    exposure: np.ndarray  # (areas, years): inhabitants / 1000 or km2
    rate: np.ndarray
    ratio: np.ndarray
    ratio_low: np.ndarray
    ratio_high: np.ndarray
    ratio_p: np.ndarray
    above: np.ndarray  # significantly above the municipality (bool)
    below: np.ndarray
    rank: np.ndarray  # 0 where not ranked
    municipality_rate: Dict[str, np.ndarray]  # unit -> (years, fields)
    municipality_counts: np.ndarray  # (years, fields)
    trend: TrendResult  # flattened (areas * fields)
    trend_dir: np.ndarray  # (areas, fields): +1 / -1 / 0
    trend_shown: np.ndarray  # (areas, fields): False when suppressed
    flagged: np.ndarray
    flag_above: List[List[str]]
    flag_rising: List[List[str]]
    threshold: int = DEFAULT_SMALL_COUNT
    alpha: float = 0.05
    summary: Dict[str, object] = field(default_factory=dict)
    #: (areas, years, fields): True where the count is published (after secondary suppression).
    published: Optional[np.ndarray] = None

    def shown(self, a: int, y: int, f: int) -> bool:
        """True when this count, and rate, ratio and rank on it, may be published."""
        if self.published is not None:
            return bool(self.published[a, y, f])
        return not disclosure.is_small(float(self.counts[a, y, f]), self.threshold)

    def count_text(self, a: int, y: int, f: int) -> str:
        n = float(self.counts[a, y, f])
        if self.shown(a, y, f):
            return str(int(n)) if n.is_integer() else f"{n:g}"
        return disclosure.small_text(self.threshold) if disclosure.is_small(n, self.threshold) \
            else disclosure.HIDDEN_MARK


def nested_rate_ratios(k: np.ndarray, e: np.ndarray, n_ref: np.ndarray, e_ref: np.ndarray, alpha: float = 0.05):
    """Vectorised :func:`core.scan_stats.rate_ratio` with ``nested=True``: ratio, interval low and
    high, two-sided exact p-value (NaN where the exposure is missing or the comparison impossible)."""
    k = np.asarray(k, dtype=float)
    e = np.asarray(e, dtype=float)
    n = np.broadcast_to(np.asarray(n_ref, dtype=float), k.shape)
    big_e = np.broadcast_to(np.asarray(e_ref, dtype=float), k.shape)
    ok = np.isfinite(e) & np.isfinite(big_e) & (e > 0) & (big_e > 0) & (e < big_e) & (k <= n)
    p0 = np.where(ok, e / np.where(big_e > 0, big_e, 1.0), 0.5)
    factor = np.where(ok, big_e / np.where(e > 0, e, 1.0), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(ok & (n > 0), (k / e) / (n / big_e), np.nan)
    lower = stats.binom.cdf(k, n, p0)
    upper = stats.binom.sf(k - 1, n, p0)
    p = np.where(n > 0, np.minimum(1.0, 2.0 * np.minimum(lower, upper)), 1.0)
    with np.errstate(invalid="ignore"):
        lo = np.where(k <= 0, 0.0, stats.beta.ppf(alpha / 2.0, np.maximum(k, 1e-12), n - k + 1))
        hi = np.where(k >= n, 1.0, stats.beta.ppf(1.0 - alpha / 2.0, k + 1, np.maximum(n - k, 1e-12)))
    good = ok & (n > 0)
    return (ratio, np.where(good, lo * factor, np.nan), np.where(good, hi * factor, np.nan),
            np.where(ok, p, np.nan))


def _ranks(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Competition ranks (1 = highest) of *values* along axis 0 where *valid*; 0 elsewhere."""
    out = np.zeros(values.shape, dtype=np.int64)
    v = np.where(valid, values, -np.inf)
    # rank = 1 + the number of valid values strictly greater.
    for idx in np.ndindex(values.shape[1:]):
        col = v[(slice(None),) + idx]
        ok = valid[(slice(None),) + idx]
        srt = np.sort(col[ok])
        greater = srt.size - np.searchsorted(srt, col, side="right")
        out[(slice(None),) + idx] = np.where(ok, greater + 1, 0)
    return out


def count_cube(area: np.ndarray, year: np.ndarray, field_index: np.ndarray, n_areas: int,
               years: Sequence[int]) -> np.ndarray:
    """Counts ``(areas, years, FIELDS)`` of incidents with an area index (-1: none), a calendar year
    and a field index into the five safety fields (-1: another field, counted in the total only)."""
    y0, ny, nf = int(years[0]), len(years), len(FIELDS) - 1
    yi = np.asarray(year, dtype=np.int64) - y0
    a = np.asarray(area, dtype=np.int64)
    f = np.asarray(field_index, dtype=np.int64)
    keep = (a >= 0) & (a < n_areas) & (yi >= 0) & (yi < ny)
    f = np.where((f >= 0) & (f < nf), f, nf)  # the "other" slot, dropped below
    flat = (a[keep] * ny + yi[keep]) * (nf + 1) + f[keep]
    cube = np.bincount(flat, minlength=n_areas * ny * (nf + 1)).reshape(n_areas, ny, nf + 1)
    out = np.zeros((n_areas, ny, nf + 1), dtype=np.int64)
    out[:, :, :nf] = cube[:, :, :nf]
    out[:, :, nf] = cube.sum(axis=2)
    return out


def area_monitor(areas: MonitorAreas, counts: np.ndarray, years: Sequence[int],
                 threshold: int = DEFAULT_SMALL_COUNT, alpha: float = 0.05,
                 min_inhabitants: float = MIN_INHABITANTS, min_fields: int = MIN_FIELDS,
                 monitor: Optional[Monitor] = None) -> MonitorResult:
    """The monitor of *counts* ``(areas, years, FIELDS)`` (see :func:`count_cube`)."""
    monitor = ensure(monitor)
    years = [int(y) for y in years]
    n_a, n_y, n_f = counts.shape
    inh = np.asarray(areas.inhabitants, dtype=float)
    last = inh[:, -1]
    per_inh = np.isfinite(last) & (last >= min_inhabitants)
    unit = [UNIT_INHABITANTS if u else UNIT_KM2 for u in per_inh]
    # Inhabitants of a year that is unknown: the nearest known year's.
    inh_filled = inh.copy()
    for a in np.flatnonzero(per_inh):
        known = np.flatnonzero(np.isfinite(inh[a]))
        for y in range(n_y):
            if not np.isfinite(inh_filled[a, y]):
                inh_filled[a, y] = inh[a, known[np.argmin(np.abs(known - y))]]
    km2 = np.asarray(areas.km2, dtype=float)
    exposure = np.where(per_inh[:, None], inh_filled / 1000.0, km2[:, None] * np.ones((1, n_y)))
    cf = counts.astype(float)
    rate = cf / exposure[:, :, None]
    monitor.set(20)
    # The municipality: all areas together, in each unit.
    muni_counts = counts.sum(axis=0)
    total_inh = np.where(np.isfinite(inh_filled), inh_filled, 0.0).sum(axis=0) / 1000.0
    e_inh = np.where(total_inh > 0, total_inh, np.nan)
    e_km2 = np.full(n_y, float(km2.sum()))
    muni_rate = {UNIT_INHABITANTS: muni_counts / e_inh[:, None], UNIT_KM2: muni_counts / e_km2[:, None]}
    e_ref = np.where(per_inh[:, None], e_inh[None, :], e_km2[None, :])[:, :, None] * np.ones((1, 1, n_f))
    n_ref = np.broadcast_to(muni_counts[None, :, :], counts.shape)
    ratio, lo, hi, p = nested_rate_ratios(cf, exposure[:, :, None] * np.ones((1, 1, n_f)), n_ref, e_ref, alpha)
    monitor.set(60)
    shown = protect_rows(counts, threshold)
    above = shown & np.isfinite(lo) & (lo > 1.0) & (p < alpha)
    below = shown & np.isfinite(hi) & (hi < 1.0) & (p < alpha)
    rank = _ranks(np.nan_to_num(ratio, nan=-1.0), shown & np.isfinite(ratio))
    series = np.transpose(rate, (0, 2, 1)).reshape(n_a * n_f, n_y)
    trend = mann_kendall(series, monitor.sub(60, 90))
    trend_dir = trend.direction(alpha).reshape(n_a, n_f)
    trend_shown = ~is_small_array(counts.sum(axis=1), threshold)
    safety = list(range(n_f - 1))
    flag_above: List[List[str]] = []
    flag_rising: List[List[str]] = []
    for a in range(n_a):
        flag_above.append([FIELDS[f] for f in safety if above[a, -1, f]])
        flag_rising.append([FIELDS[f] for f in safety if trend_dir[a, f] > 0 and trend_shown[a, f]])
    flagged = np.array([len(u) >= min_fields or len(r) >= min_fields for u, r in zip(flag_above, flag_rising)],
                       dtype=bool)
    monitor.set(100)
    summary = {"n_areas": n_a, "years": years, "n_incidents": int(counts[:, :, -1].sum()),
               "n_per_km2": int((~per_inh).sum()), "n_flagged": int(flagged.sum()),
               "min_fields": int(min_fields), "min_inhabitants": float(min_inhabitants),
               "threshold": int(threshold)}
    return MonitorResult(areas=areas, years=years, fields=list(FIELDS), counts=counts, unit=unit,
                         exposure=exposure, rate=rate, ratio=ratio, ratio_low=lo, ratio_high=hi, ratio_p=p,
                         above=above, below=below, rank=rank, municipality_rate=muni_rate,
                         municipality_counts=muni_counts, trend=trend, trend_dir=trend_dir,
                         trend_shown=trend_shown, flagged=flagged, flag_above=flag_above,
                         flag_rising=flag_rising, threshold=int(threshold), alpha=float(alpha), summary=summary,
                         published=shown)


def build_areas(records: Sequence[object], years: Sequence[int]):
    """The monitored areas from area rows (objects with geometry, code, name, inhabitants,
    dwellings and year; ``year`` None when the rows have no year): one area per code, its
    geometry and name from its latest row up to the last year (else its earliest), its
    inhabitants and dwellings per year from the row of that year, else from the rows without a
    year. Returns ``(MonitorAreas, geometries)`` in the order of first appearance."""
    years = [int(y) for y in years]
    order: List[str] = []
    by_code: Dict[str, List[object]] = {}
    for r in records:
        code = str(getattr(r, "code", "") or "")
        if code not in by_code:
            by_code[code] = []
            order.append(code)
        by_code[code].append(r)
    n_a, n_y = len(order), len(years)
    inh = np.full((n_a, n_y), np.nan)
    dw = np.full((n_a, n_y), np.nan)
    names: List[str] = []
    geoms: list = []
    for a, code in enumerate(order):
        rows = by_code[code]
        dated = [r for r in rows if getattr(r, "year", None) is not None]
        plain = [r for r in rows if getattr(r, "year", None) is None]
        upto = [r for r in dated if r.year <= years[-1]]
        pick = (max(upto, key=lambda r: r.year) if upto else min(dated, key=lambda r: r.year)) if dated else rows[0]
        names.append(str(getattr(pick, "name", "") or code))
        geoms.append(pick.geometry)
        for yi, yr in enumerate(years):
            same = [r for r in dated if r.year == yr] or plain
            if same:
                if same[0].inhabitants is not None:
                    inh[a, yi] = float(same[0].inhabitants)
                if same[0].dwellings is not None:
                    dw[a, yi] = float(same[0].dwellings)
    km2 = np.array([g.area / 1e6 for g in geoms], dtype=float)
    return MonitorAreas(order, names, km2, inh, dw), geoms


def protect_rows(counts: np.ndarray, threshold: int) -> np.ndarray:
    """Which counts of (areas, years, fields) are published: per area and year the five fields
    beside their total (the last field) under :func:`core.disclosure.protect_column`."""
    out = np.ones(counts.shape, dtype=bool)
    for a in range(counts.shape[0]):
        for y in range(counts.shape[1]):
            row = counts[a, y]
            column = disclosure.protect_column([float(v) for v in row[:-1]], float(row[-1]), threshold)
            out[a, y, :-1] = [s == disclosure.SHOWN for s in column.parts]
            out[a, y, -1] = column.total == disclosure.SHOWN
    return out


def is_small_array(n: np.ndarray, threshold: int) -> np.ndarray:
    """:func:`core.disclosure.is_small` element-wise: ``0 < n < threshold``."""
    n = np.asarray(n)
    return (n > 0) & (n < threshold)


__all__ = ["MIN_INHABITANTS", "MIN_FIELDS", "TOTAL", "FIELDS", "FIELD_LABELS_NL", "FIELD_LABELS_EN",
           "UNIT_INHABITANTS", "UNIT_KM2", "FLAG_RULE", "MonitorAreas", "MonitorResult", "nested_rate_ratios",
           "count_cube", "area_monitor", "is_small_array", "protect_rows", "build_areas"]
