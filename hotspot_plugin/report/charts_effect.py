"""The chart of a measure's effect: incidents before and after in the target, buffer and control areas.

One panel per zone (each with its own scale: the control area is usually much larger), two bars
(before, after) with their counts and the change in per cent. Matplotlib's Agg canvas is used
directly, so the chart can be drawn in a Processing task's thread.

With *states* (the report's evaluation page: :func:`core.disclosure.protect_effect`) the chart
follows the disclosure rule: a count not shown is a hatched placeholder of height *threshold*
labelled ``"<t"`` or ``"x"``, and no change is given beside it ("–").
"""
from __future__ import annotations

from typing import Mapping, Optional

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..core import disclosure as dc
from ..core.measure_effect import BUFFER, CONTROL, TARGET, ZoneCounts
from ..core.numbers import format_number
from ..i18n import tr

BEFORE_COLOUR = "#9ecae1"
AFTER_COLOUR = "#08519c"
PLACEHOLDER_EDGE = "#7f7f7f"
PLACEHOLDER_HATCH = {dc.SMALL: "////", dc.HIDDEN: "xxxx"}
#: The count keys of each zone: (before, after).
ZONE_KEYS = {TARGET: ("rb", "ra"), BUFFER: ("db", "da"), CONTROL: ("cb", "ca")}


def zone_labels(buffer_label: str = "") -> dict:
    return {TARGET: tr("Target area"), BUFFER: buffer_label or tr("Buffer"), CONTROL: tr("Control area")}


def effect_chart(counts: ZoneCounts, path: str, decimal: str = ".", title: str = "", subtitle: str = "",
                 buffer_label: str = "", width_in: float = 7.0, height_in: float = 3.4, dpi: int = 130,
                 show_buffer: bool = True, states: Optional[Mapping[str, str]] = None,
                 threshold: int = dc.DEFAULT_THRESHOLD) -> str:
    """Draw before/after bars per zone of *counts* to the PNG *path*; return the path.

    *states* maps the count keys (``rb``, ``ra``, ``db``, ...) to their publication state; a count
    not shown is drawn as a placeholder (module doc). None: every count is drawn (the analyst's
    chart of hotspot:measureeffect)."""
    zones = [TARGET, BUFFER, CONTROL] if show_buffer else [TARGET, CONTROL]
    labels = zone_labels(buffer_label)
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    top = 0.70 if (title and subtitle) else (0.78 if (title or subtitle) else 0.86)
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.12, top=top, wspace=0.35)
    if title:
        fig.suptitle(title, fontsize=11, fontweight="bold", y=0.98)
    if subtitle:
        fig.text(0.5, 0.985 if not title else 0.875, subtitle, ha="center", va="top", fontsize=8.5,
                 color="#444444")
    for k, zone in enumerate(zones):
        ax = fig.add_subplot(1, len(zones), k + 1)
        before, after = counts.pair(zone)
        pair_states = [(states or {}).get(k, dc.SHOWN) for k in ZONE_KEYS[zone]]
        heights = [float(threshold) if (v and s != dc.SHOWN) else v for v, s in zip((before, after), pair_states)]
        bars = ax.bar([0, 1], heights, color=[BEFORE_COLOUR, AFTER_COLOUR], width=0.6)
        peak = max(max(heights), 1)
        for bar, value, state, colour in zip(bars, (before, after), pair_states, (BEFORE_COLOUR, AFTER_COLOUR)):
            label = dc.mark(value, state, threshold) if (states is not None and value) else None
            if label is not None:  # a placeholder: hatched, at the threshold's height, never its own
                bar.set_facecolor("white")
                bar.set_edgecolor(PLACEHOLDER_EDGE if colour == BEFORE_COLOUR else colour)
                bar.set_hatch(PLACEHOLDER_HATCH[dc.SMALL if state != dc.HIDDEN else dc.HIDDEN])
            ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + peak * 0.02,
                    label or format_number(value, 0, decimal, group=True), ha="center", va="bottom", fontsize=8.5)
        ax.set_ylim(0, peak * 1.22)
        if states is not None and any(s != dc.SHOWN for s in pair_states):
            ax.set_yticks([])  # a scale beside a placeholder would only invite reading its height
        ax.set_xticks([0, 1])
        ax.set_xticklabels([tr("before"), tr("after")], fontsize=8.5)
        ax.tick_params(axis="y", labelsize=7.5)
        shown = states is None or dc.derived_shown(*pair_states, before, after, threshold=threshold)
        change = _change(before, after, decimal) if shown else "–"
        ax.set_title(f"{labels[zone]}\n{change}", fontsize=9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.savefig(path, dpi=dpi)
    return path


def _change(before: int, after: int, decimal: str) -> str:
    if before == 0:
        return tr("no incidents before")
    pct: Optional[float] = 100.0 * (after / before - 1.0)
    sign = "+" if pct > 0 else ""
    return f"{sign}{format_number(pct, 0, decimal)}%"
