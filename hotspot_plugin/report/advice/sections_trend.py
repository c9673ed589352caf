"""The section 'Ontwikkeling over de jaren' of the advice report (issue #17, item 4).

The area monitor's figures of the buurten the scan area lies in (per buurt and safety field: the
incidents per calendar year, the last year's rate and its comparison with the municipality, the
Mann-Kendall trend; with the small-count rule of ``core.monitor_profile``), a chart of the
yearly rates against the municipality, and the emerging hot spot classes of the 100 m cells of
the scan area with their one-sentence explanations. The figures come from
:func:`.monitor_facts.monitor_facts` (the core's entry points, no Processing run).
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Sequence

from ...core import emerging as em
from ...core.numbers import format_number
from ...i18n import tr
from ..charts import FONT_SIZE, TEXT_COLOUR, _figure, _save, _style_axes, _title
from .monitor_facts import (
    ALPHA,
    BAND_CELLS,
    CELL,
    MONTHS,
    PERMUTATIONS,
    SEED,
    TIME_NEIGHBOURS,
    MonitorFacts,
    monitor_facts,
)

#: At most this many years get a column of counts (the trend uses all years).
MAX_YEAR_COLUMNS = 6
#: With more buurten than this the table gets its own pages (no chart).
MAX_BUURTEN_WITH_CHART = 2
LINE_COLOURS = ("#1f4e79", "#c55a11", "#548235", "#7030a0")


def rate_chart(profiles: Sequence[Dict[str, Any]], path: str, title: str, municipality: str,
               width_mm: float, height_mm: float, dpi: int = 200) -> str:
    """Lines of the yearly rate (all fields) of each buurt and of the municipality, in the unit of
    the first buurt (buurten in another unit are left out); suppressed years are gaps."""
    fig = _figure(width_mm, height_mm, dpi)
    top = _title(fig, title, profiles[0]["unit"] if profiles else "", height_mm)
    ax = fig.add_axes([12.0 / width_mm, 9.0 / height_mm, 1 - 14.0 / width_mm, top - 16.0 / height_mm])
    _style_axes(ax)
    unit = profiles[0]["unit"]
    series = profiles[0]["series"]["totaal"]
    years = series["years"]
    x = list(range(len(years)))

    def line(values, **style):
        ys = [float("nan") if v is None else float(v) for v in values]
        ax.plot(x, ys, marker="o", markersize=2.5, linewidth=1.2, **style)
        return ys

    shown: List[float] = []
    for k, profile in enumerate(p for p in profiles if p["unit"] == unit):
        shown += line(profile["series"]["totaal"]["rates"], color=LINE_COLOURS[k % len(LINE_COLOURS)],
                      label=profile["name"])
    shown += line(series["municipality"], color="#8c8c8c", linestyle="--", label=municipality)
    finite = [v for v in shown if math.isfinite(v)]
    ax.set_ylim(0, max(finite) * 1.15 if finite else 1.0)
    ax.set_xlim(-0.3, len(years) - 0.7)
    ax.set_xticks(x)
    ax.set_xticklabels([str(y) for y in years], fontsize=FONT_SIZE - 1)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 1.0),
              ncol=min(4, len(profiles) + 1), borderaxespad=0.2, handlelength=1.8, labelcolor=TEXT_COLOUR)
    return _save(fig, path, dpi)


def status_label(status: str) -> str:
    """The last year's comparison with the municipality, short (``core.monitor_profile``'s status)."""
    return {"above": tr("higher"), "below": tr("lower"), "same": tr("not different")}.get(status, "–")


class TrendSection:
    """Mixin of :class:`~.report.AdviceReport`: 'Ontwikkeling over de jaren' (module docstring)."""

    def page_trend(self) -> None:
        facts = monitor_facts(self.gpkg, self.area, self.fmt.threshold, self.fmt.dutch)
        if not facts.profiles and not facts.n_cells and facts.emerging_error is None:
            return
        heading = tr("Development over the years")
        if facts.profiles:
            self._monitor_page(facts, heading)
        self._emerging_page(facts, heading if not facts.profiles else
                            tr("{heading}: emerging hot spots").format(heading=heading))

    # the area monitor -------------------------------------------------------------------------------
    def trend_rows(self, facts: MonitorFacts) -> List[List[str]]:
        """Per buurt and field: name, field, counts of the last years, rate, comparison, trend."""
        years = facts.years[-MAX_YEAR_COLUMNS:]
        rows = []
        for profile in facts.profiles:
            for k, row in enumerate(profile["rows"]):
                counts = profile["series"][row["field"]]["counts"][-len(years):]
                rows.append([profile["name"] if k == 0 else "", row["label"], *counts, row["rate"],
                             status_label(row["status"]), row["trend"]])
        return rows

    def _monitor_page(self, facts: MonitorFacts, heading: str) -> None:
        years = facts.years[-MAX_YEAR_COLUMNS:]
        last = facts.years[-1]
        names = [p["name"] for p in facts.profiles]
        with_chart = len(facts.profiles) <= MAX_BUURTEN_WITH_CHART
        items = self.doc.add_page("chart" if with_chart else "table", heading)
        if len(names) == 1:
            where = tr("the buurt {name}, in which the scan area lies").format(name=names[0])
        else:
            where = tr("the {n} buurten the scan area lies in ({names})").format(n=len(names), names=", ".join(names))
        text = tr("The area monitor (Buurtmonitor) of {where}, over the years {first} to {last}: the incidents per "
                  "year and safety field, the rate in {last} compared with the municipality, and the trend of "
                  "the yearly rate.").format(where=where, first=facts.years[0], last=last)
        if len(facts.years) < 5:
            text += " " + tr("With {n} years of data a trend cannot be significant (the Mann-Kendall test needs "
                             "at least 5 years).").format(n=len(facts.years))
        text += " " + " ".join(f"{p['name']}: {p['flag_text']}." for p in facts.profiles)
        self.doc.set_text(items, "intro", text, shrink=True)
        headers = [tr("Buurt"), tr("Safety field"), *[str(y) for y in years],
                   tr("Rate {year}").format(year=last), tr("Compared with the municipality"), tr("Trend")]
        year_share = min(0.075, 0.36 / max(1, len(years)))
        shares = [0.16, 0.25] + [year_share] * len(years) + [0.09, 0.15, 0.11]
        right = [False, False] + [True] * len(years) + [True, False, False]
        rows = self.trend_rows(facts)
        bold = [k for k, row in enumerate(rows) if row[1] == facts.profiles[0]["total"]["label"]]
        self.doc.fill_table(items, "table", headers, rows, shares, right, bold_rows=bold,
                            continuation="" if with_chart else heading, shrink=1.5)
        if with_chart:
            municipality = self.municipality.split(" (")[0] or tr("the municipality")
            self.doc.set_picture(items, "chart_1", lambda path, w, h: rate_chart(
                facts.profiles, path, tr("Incidents per year, all safety fields"),
                municipality, w, h))
            self.doc.remove(items, "chart_2")
        self.doc.set_text(items, "note", tr(
            "Counts from 1 to {below} are shown as <{threshold}; no rate, comparison or trend is given on them. "
            "Rate {unit}. Compared with the municipality: the 95% interval of the ratio of the rates lies above "
            "or below 1. Trend: Mann-Kendall over the yearly rates, p < 0.05.").format(
                below=self.fmt.threshold - 1, threshold=self.fmt.threshold, unit=facts.profiles[0]["unit"]),
            shrink=True)

    # the emerging hot spots ----------------------------------------------------------------------------
    def pattern_rows(self, facts: MonitorFacts) -> List[List[Any]]:
        """Per pattern class in the scan area: colour, label, number of cells, explanation."""
        return [[("", em.PATTERN_COLOURS[code]), tr(em.PATTERN_LABELS[code]),
                 format_number(facts.patterns[code], 0, self.fmt.decimal, group=True),
                 tr(em.PATTERN_EXPLANATIONS[code]) if code else tr("Incidents, but none of the patterns above.")]
                for code in em.pattern_codes() if facts.patterns.get(code)]

    def _emerging_page(self, facts: MonitorFacts, heading: str) -> None:
        items = self.doc.add_page("table", heading)
        note = tr("Method of hotspot:emerginghotspots with its defaults: Gi* per quarter, neighbours within {band} m "
                  "and {k} previous quarter, {permutations} permutations (seed {seed}), a false discovery rate of "
                  "{alpha} per quarter; the trend of the z-scores by Mann-Kendall.").format(
            band=format_number(BAND_CELLS * CELL, 0, self.fmt.decimal), k=TIME_NEIGHBOURS,
            permutations=format_number(PERMUTATIONS, 0, self.fmt.decimal, group=True), seed=SEED,
            alpha=format_number(ALPHA, 2, self.fmt.decimal))
        if facts.emerging_error is not None:
            self.doc.set_text(items, "intro", tr("The emerging hot spots cannot be computed: {reason}").format(
                reason=facts.emerging_error.render(tr)), shrink=True)
            self.doc.remove(items, "table")
            self.doc.set_text(items, "note", note, shrink=True)
            return
        if not facts.n_cells:
            text = tr("No cell of {cell} m with incidents overlaps the scan area.").format(
                cell=format_number(CELL, 0, self.fmt.decimal))
            self.doc.set_text(items, "intro", text, shrink=True)
            self.doc.remove(items, "table")
            self.doc.set_text(items, "note", note, shrink=True)
            return
        hot = sum(k for code, k in facts.patterns.items() if code > 0)
        cold = sum(k for code, k in facts.patterns.items() if code < 0)
        self.doc.set_text(items, "intro", tr(
            "Emerging hot spots: the incidents of the whole GeoPackage in cells of {cell} m and {n} periods of "
            "{months} months from {first}. Of the {cells} cells with incidents that overlap the scan area, {hot} "
            "have a hot spot pattern and {cold} a cold spot pattern. Run the algorithm for a map of the cells.").format(
                cell=format_number(CELL, 0, self.fmt.decimal), n=facts.n_steps, months=MONTHS,
                first=self.fmt.date(facts.first_step) or facts.first_step, cells=facts.n_cells, hot=hot, cold=cold),
            shrink=True)
        self.doc.fill_table(items, "table", ["", tr("Pattern"), tr("Cells"), tr("What it means")],
                            self.pattern_rows(facts), [0.03, 0.25, 0.08, 0.64], [False, False, True, False],
                            continuation=heading)
        self.doc.set_text(items, "note", note, shrink=True)


__all__ = ["TrendSection", "rate_chart", "status_label", "MAX_YEAR_COLUMNS"]
