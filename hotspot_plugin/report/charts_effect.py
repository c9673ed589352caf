"""The chart of a measure's effect: incidents before and after in the target, buffer and control areas.

One panel per zone (each with its own scale: the control area is usually much larger), two bars
(before, after) with their counts and the change in per cent. Matplotlib's Agg canvas is used
directly, so the chart can be drawn in a Processing task's thread.
"""
from __future__ import annotations

from typing import Optional

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..core.measure_effect import BUFFER, CONTROL, TARGET, ZoneCounts
from ..core.numbers import format_number
from ..i18n import tr

BEFORE_COLOUR = "#9ecae1"
AFTER_COLOUR = "#08519c"


def zone_labels(buffer_label: str = "") -> dict:
    return {TARGET: tr("Target area"), BUFFER: buffer_label or tr("Buffer"), CONTROL: tr("Control area")}


def effect_chart(counts: ZoneCounts, path: str, decimal: str = ".", title: str = "", subtitle: str = "",
                 buffer_label: str = "", width_in: float = 7.0, height_in: float = 3.4, dpi: int = 130,
                 show_buffer: bool = True) -> str:
    """Draw before/after bars per zone of *counts* to the PNG *path*; return the path."""
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
        bars = ax.bar([0, 1], [before, after], color=[BEFORE_COLOUR, AFTER_COLOUR], width=0.6)
        peak = max(before, after, 1)
        for bar, value in zip(bars, (before, after)):
            ax.text(bar.get_x() + bar.get_width() / 2, value + peak * 0.02, format_number(value, 0, decimal,
                                                                                         group=True),
                    ha="center", va="bottom", fontsize=8.5)
        ax.set_ylim(0, peak * 1.22)
        ax.set_xticks([0, 1])
        ax.set_xticklabels([tr("before"), tr("after")], fontsize=8.5)
        ax.tick_params(axis="y", labelsize=7.5)
        change = _change(before, after, decimal)
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
