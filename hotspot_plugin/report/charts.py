"""Charts of the advice report, drawn to PNG: month trend, weekday x hour table, grouped bars.

Matplotlib's Agg canvas is used directly (no pyplot, no change of the global backend), as in
charts_nearrepeat.py. Every chart takes its size in millimetres (the size of the picture slot in
the layout template), so it is placed 1:1 and its text has the intended size on paper.

Privacy: a chart is a table (core/disclosure.py, "Charts are tables"). A series is protected as
one column beside its total (:func:`core.disclosure.protect_series`): a count from 1 to
``threshold - 1`` and a count hidden so that no small one can be computed back are never drawn at
their height or in their colour. In bar charts they become a hatched placeholder of height
``threshold`` labelled ``"<threshold"`` (``////``) or ``"x"`` (``xxxx``); in the weekday x hour
table a hatched grey cell with the same label; the colour scale runs over the shown cells only.
Pass ``threshold=None`` for counts that are not about persons (risk objects).
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from ..core import disclosure as dc
from ..i18n import tr

MM_PER_INCH = 25.4
COMPARISON_COLOUR = "#a6a6a6"
SMALL_EDGE = "#7f7f7f"
TEXT_COLOUR = "#262626"
FONT_SIZE = 7.5
#: Hatches of a placeholder: a small count ("<5") and a count hidden beside it ("x").
HATCH = {dc.SMALL: "////", dc.HIDDEN: "xxxx"}


def month_abbreviations() -> List[str]:
    """Short month names, January first, in the user's language."""
    return [
        tr("Jan"),
        tr("Feb"),
        tr("Mar"),
        tr("Apr"),
        tr("May"),
        tr("Jun"),
        tr("Jul"),
        tr("Aug"),
        tr("Sep"),
        tr("Oct"),
        tr("Nov"),
        tr("Dec"),
    ]


def weekday_abbreviations() -> List[str]:
    """Short weekday names, Monday first, in the user's language."""
    return [tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")]


def month_label(month: str) -> str:
    """``"2025-03"`` -> ``"Mar 25"`` (translated)."""
    year, number = month.split("-")[:2]
    return f"{month_abbreviations()[int(number) - 1]} {year[2:]}"


def _figure(width_mm: float, height_mm: float, dpi: int) -> Figure:
    fig = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def _small_label(threshold: int) -> str:
    return tr("fewer than {threshold} (not shown exactly)").format(threshold=threshold)


def _hidden_label() -> str:
    return tr("x: hidden beside a small count")


def _states(values: Sequence[float], threshold: Optional[int], total_state: str = dc.SHOWN) -> Tuple[str, ...]:
    """How each bar is published (core/disclosure.py); everything shown without a threshold."""
    if threshold is None:
        return (dc.SHOWN,) * len(values)
    return dc.protect_series(values, threshold, total_state)


def _placeholder_handles(used: set, threshold: Optional[int]) -> List[Patch]:
    """Legend entries of the placeholders drawn (*used*: the states)."""
    handles = []
    if threshold is not None and dc.SMALL in used:
        handles.append(Patch(facecolor="white", edgecolor=SMALL_EDGE, hatch=HATCH[dc.SMALL],
                             label=_small_label(threshold)))
    if threshold is not None and dc.HIDDEN in used:
        handles.append(Patch(facecolor="white", edgecolor=SMALL_EDGE, hatch=HATCH[dc.HIDDEN], label=_hidden_label()))
    return handles


def _style_axes(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#8c8c8c")
        ax.spines[side].set_linewidth(0.6)
    ax.tick_params(labelsize=FONT_SIZE - 0.5, colors=TEXT_COLOUR, width=0.5, length=2.5)


def _title(fig: Figure, title: str, subtitle: str, height_mm: float) -> float:
    """Draw title and subtitle at the top; returns the figure fraction left below them."""
    top = 1.0
    if title:
        fig.text(
            0.01,
            1 - 1.2 / height_mm,
            title,
            fontsize=FONT_SIZE + 1.5,
            fontweight="bold",
            color=TEXT_COLOUR,
            va="top",
            ha="left",
        )
        top -= 6.0 / height_mm
    if subtitle:
        fig.text(
            0.01,
            top - 0.2 / height_mm,
            subtitle,
            fontsize=FONT_SIZE - 0.5,
            color="#595959",
            va="top",
            ha="left",
        )
        top -= 4.5 / height_mm
    return top


def _save(fig: Figure, path: str, dpi: int) -> str:
    fig.savefig(path, dpi=dpi, format="png", facecolor="white", metadata={"Software": None})
    return path


def trend_chart(
    months: Sequence[str],
    period: Sequence[int],
    comparison: Sequence[int],
    path: str,
    threshold: Optional[int],
    colour: str = "#1f4e79",
    title: str = "",
    subtitle: str = "",
    width_mm: float = 170.0,
    height_mm: float = 66.0,
    dpi: int = 200,
    period_state: str = dc.SHOWN,
    comparison_state: str = dc.SHOWN,
) -> str:
    """Incidents per month as stacked bars: comparison period (grey) and period (*colour*).

    *months* are ``"YYYY-MM"`` labels; *period* and *comparison* the counts per month (a month
    that straddles the start of the period has both). Each series is protected beside its total,
    published in state *period_state* / *comparison_state* (module doc).
    """
    n = len(months)
    p = np.asarray(period, dtype=float).reshape(n)
    c = np.asarray(comparison, dtype=float).reshape(n)
    fig = _figure(width_mm, height_mm, dpi)
    top = _title(fig, title, subtitle, height_mm)
    ax = fig.add_axes([9.0 / width_mm, 14.0 / height_mm, 1 - 11.0 / width_mm, top - 16.0 / height_mm])
    _style_axes(ax)
    x = np.arange(n)
    used: set = set()
    base = np.zeros(n)
    marks = []
    for values, fill, total_state in ((c, COMPARISON_COLOUR, comparison_state), (p, colour, period_state)):
        states = _states(values, threshold, total_state)
        shown = np.zeros(n)
        for i, (v, state) in enumerate(zip(values, states)):
            if v <= 0:
                continue
            if state != dc.SHOWN:  # a placeholder of height threshold: never the count's height
                used.add(state)
                ax.add_patch(
                    Rectangle(
                        (i - 0.4, base[i]),
                        0.8,
                        threshold,
                        facecolor="white",
                        edgecolor=fill if fill != COMPARISON_COLOUR else SMALL_EDGE,
                        hatch=HATCH[state],
                        linewidth=0.6,
                    )
                )
                marks.append((i, base[i] + threshold / 2, dc.mark(v, state, threshold)))
                shown[i] = threshold
            else:
                ax.bar(i, v, bottom=base[i], width=0.8, color=fill, linewidth=0)
                shown[i] = v
        base = base + shown
    total = base
    ymax = float(total.max()) if n else 0.0
    ax.set_ylim(0, max(ymax * 1.12, float(threshold or 1), 1.0))
    ax.set_xlim(-0.6, n - 0.4)
    for i, y, text in marks:
        ax.text(i, y, text, ha="center", va="center", fontsize=FONT_SIZE - (2.5 if n <= 24 else 3.5),
                color=TEXT_COLOUR, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3})
    step = 1 if n <= 15 else 2 if n <= 30 else 3
    ax.set_xticks(x[::step])
    ax.set_xticklabels(
        [month_label(m) for m in months][::step], rotation=90 if n > 15 else 0, fontsize=FONT_SIZE - 1
    )
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.5)
    ax.set_axisbelow(True)
    handles = [
        Patch(facecolor=colour, label=tr("Period")),
        Patch(facecolor=COMPARISON_COLOUR, label=tr("Comparison period")),
    ] + _placeholder_handles(used, threshold)
    ax.legend(
        handles=handles,
        fontsize=FONT_SIZE - 1,
        frameon=False,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=len(handles),
        borderaxespad=0.2,
        handlelength=1.4,
    )
    return _save(fig, path, dpi)


def weekday_hour_chart(
    table: Sequence[Sequence[int]],
    path: str,
    threshold: Optional[int],
    colour: str = "#1f4e79",
    title: str = "",
    subtitle: str = "",
    dagdelen: Optional[Sequence[Tuple[str, int, int]]] = None,
    width_mm: float = 170.0,
    height_mm: float = 68.0,
    dpi: int = 200,
    total_state: str = dc.SHOWN,
    day_parts: Sequence[Tuple[int, int]] = (),
) -> str:
    """A 7 x 24 heat table of incidents by weekday (rows, Monday first) and hour (columns).

    The 168 cells are protected as one series beside their total, published in state
    *total_state* (module doc), each day part of *day_parts* ((first hour, end hour), their
    shares are printed) beside its own sum (:func:`core.disclosure.protect_week`); cells may be
    fractions (aoristic). Cells not shown are hatched grey
    and labelled ``"<5"`` / ``"x"``; the colour scale runs from *threshold* to the largest shown
    cell. *dagdelen*: (name, first hour, end hour) drawn as bands above the table.
    """
    values = np.asarray(table, dtype=float).reshape(7, 24)
    if threshold is None:
        states = np.full((7, 24), dc.SHOWN, dtype=object)
    else:
        states = np.asarray(dc.protect_week(values.tolist(), threshold, total_state, day_parts), dtype=object)
    fig = _figure(width_mm, height_mm, dpi)
    top = _title(fig, title, subtitle, height_mm)
    band = 4.5 / height_mm if dagdelen else 0.0
    left, right = 11.0 / width_mm, 22.0 / width_mm
    ax = fig.add_axes([left, 8.0 / height_mm, 1 - left - right, top - band - 10.0 / height_mm])
    cax = fig.add_axes(
        [1 - right + 3.0 / width_mm, 8.0 / height_mm, 2.5 / width_mm, top - band - 10.0 / height_mm]
    )
    rgb = to_rgb(colour)
    cmap = LinearSegmentedColormap.from_list("hotspot", [(0.0, _mix(rgb, 0.15)), (1.0, rgb)])
    low = float(threshold) if threshold is not None else 0.0
    visible = (values > 0) & (states == dc.SHOWN)
    high = max(float(values[visible].max()) if visible.any() else 0.0, low + 1.0)  # shown cells only
    shown = np.ma.masked_where(~visible, values)
    image = ax.imshow(shown, cmap=cmap, vmin=low, vmax=high, aspect="auto", interpolation="nearest")
    used: set = set()
    for r in range(7):
        for h in range(24):
            v, state = values[r, h], states[r, h]
            if v <= 0 or state == dc.SHOWN:
                continue
            used.add(state)
            ax.add_patch(
                Rectangle(
                    (h - 0.5, r - 0.5),
                    1,
                    1,
                    facecolor="#ececec",
                    edgecolor="#9e9e9e",
                    hatch=HATCH[state],
                    linewidth=0.0,
                )
            )
            ax.text(h, r, dc.mark(v, state, threshold or 0), ha="center", va="center",
                    fontsize=FONT_SIZE - 3.5, color="#404040")
    ax.set_yticks(range(7))
    ax.set_yticklabels(weekday_abbreviations(), fontsize=FONT_SIZE - 0.5)
    ax.set_xticks(range(24))
    ax.set_xticklabels([f"{h:02d}" for h in range(24)], fontsize=FONT_SIZE - 1.5)
    ax.set_xticks(np.arange(-0.5, 24, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, 7, 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=0.6)
    ax.tick_params(which="both", length=0, colors=TEXT_COLOUR)
    for side in ax.spines.values():
        side.set_visible(False)
    if dagdelen:
        for name, first, end in dagdelen:
            spans = [(first, end)] if first < end else [(first, 24), (0, end)]
            for a, b in spans:
                ax.annotate(
                    "",
                    xy=(b - 0.5 - 0.05, -0.75),
                    xytext=(a - 0.5 + 0.05, -0.75),
                    xycoords="data",
                    annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": "#8c8c8c", "linewidth": 1.6},
                )
                if b - a >= 3:
                    ax.text(
                        (a + b) / 2 - 0.5,
                        -0.95,
                        name,
                        ha="center",
                        va="bottom",
                        fontsize=FONT_SIZE - 1,
                        color="#404040",
                        clip_on=False,
                    )
    bar = fig.colorbar(image, cax=cax)
    bar.ax.tick_params(labelsize=FONT_SIZE - 1.5, length=2)
    bar.outline.set_linewidth(0.4)
    bar.ax.yaxis.get_major_locator().set_params(integer=True)
    bar.set_label(tr("incidents"), fontsize=FONT_SIZE - 1)
    handles = _placeholder_handles(used, threshold)
    if handles:
        fig.legend(
            handles=handles,
            fontsize=FONT_SIZE - 1.5,
            frameon=False,
            loc="lower right",
            bbox_to_anchor=(1.0, 0.0),
            ncol=len(handles),
            handlelength=1.2,
        )
    return _save(fig, path, dpi)


def _mix(rgb: Tuple[float, float, float], share: float) -> Tuple[float, float, float]:
    """*rgb* mixed with white: *share* of the colour."""
    return tuple(1.0 - share * (1.0 - c) for c in rgb)  # type: ignore[return-value]


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Tuple[str, Sequence[float], str]],
    path: str,
    threshold: Optional[int],
    title: str = "",
    subtitle: str = "",
    width_mm: float = 170.0,
    height_mm: float = 54.0,
    dpi: int = 200,
    value_format=None,
) -> str:
    """Horizontal grouped bars: one group per label (top to bottom), one bar per series.

    *series*: (name, values, colour). Each bar is labelled with its value (small counts as
    ``"<threshold"``, hatched at height threshold; None, a count hidden by the disclosure rule, as
    ``"x"`` on a cross-hatched placeholder of the same height). *value_format* formats a value (default: a
    whole number).
    """
    fmt = value_format or (lambda v: f"{int(round(v))}")
    n, k = len(labels), max(1, len(series))
    fig = _figure(width_mm, height_mm, dpi)
    top = _title(fig, title, subtitle, height_mm)
    longest = max((len(s) for s in labels), default=4)
    left = min(0.45, (4.0 + 1.45 * longest) / width_mm)
    legend_h = 5.0 / height_mm if len(series) > 1 else 0.0
    ax = fig.add_axes([left, 7.0 / height_mm, 1 - left - 10.0 / width_mm, top - legend_h - 8.0 / height_mm])
    _style_axes(ax)
    height = 0.8 / k
    biggest = 0.0
    used: set = set()
    texts = []
    for s, (_name, values, colour) in enumerate(series):
        for i, v in enumerate(values):
            y = i - 0.4 + height * (s + 0.5)
            state = dc.SHOWN
            if v is None:  # hidden beside a small count (core/disclosure.py): a placeholder "x"
                state = dc.HIDDEN
            elif threshold is not None and dc.is_small(float(v), threshold):
                state = dc.SMALL
            if state != dc.SHOWN and threshold is not None:
                used.add(state)
                ax.add_patch(
                    Rectangle(
                        (0, y - height * 0.45),
                        threshold,
                        height * 0.9,
                        facecolor="white",
                        edgecolor=colour if colour != COMPARISON_COLOUR else SMALL_EDGE,
                        hatch=HATCH[state],
                        linewidth=0.6,
                    )
                )
                texts.append((threshold, y, dc.mark(v, state, threshold)))
                biggest = max(biggest, threshold)
            elif v is None:
                texts.append((0.0, y, dc.HIDDEN_MARK))
            else:
                v = float(v or 0.0)
                if v > 0:
                    ax.barh(y, v, height=height * 0.9, color=colour, linewidth=0)
                texts.append((v, y, fmt(v)))
                biggest = max(biggest, v)
    span = biggest if biggest > 0 else 1.0
    for v, y, text in texts:
        ax.text(v + span * 0.01, y, text, va="center", ha="left", fontsize=FONT_SIZE - 1, color=TEXT_COLOUR)
    ax.set_xlim(0, span * 1.12)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n))
    ax.set_yticklabels(list(labels), fontsize=FONT_SIZE - 0.5)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.5)
    ax.set_axisbelow(True)
    handles = []
    if len(series) > 1:
        handles = [Patch(facecolor=colour, label=name) for name, _values, colour in series]
    handles += _placeholder_handles(used, threshold)
    if handles:
        ax.legend(
            handles=handles,
            fontsize=FONT_SIZE - 1,
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=len(handles),
            borderaxespad=0.2,
            handlelength=1.4,
        )
    return _save(fig, path, dpi)


__all__ = [
    "trend_chart",
    "weekday_hour_chart",
    "bar_chart",
    "month_label",
    "month_abbreviations",
    "weekday_abbreviations",
]
