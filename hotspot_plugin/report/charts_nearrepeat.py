"""The near-repeat chart: a heat table of Knox ratios, significant cells marked, drawn to PNG.

Matplotlib's Agg canvas is used directly (no pyplot, no change of the global backend), so
the chart can be drawn in a Processing task's thread.
"""
from __future__ import annotations

import math
import textwrap

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap, TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..core.nearrepeat import KnoxResult, significance_note
from ..core.nearrepeat import significant as significant_cells
from ..core.numbers import format_number
from ..i18n import tr

#: Below 1 (fewer pairs than expected) light blue, 1 white, above 1 orange to dark red.
_COLOURS = LinearSegmentedColormap.from_list(
    "knox", [(0.0, "#8fb3dc"), (0.5, "#f7f7f7"), (0.75, "#fdae61"), (1.0, "#a50026")])
#: Ratios above this get the darkest colour (the colour bar ends in an arrow).
_RATIO_CAP = 4.0


def knox_chart(result: KnoxResult, path: str, alpha: float, decimal: str = ".", title: str = "",
               subtitle: str = "", dpi: int = 110) -> str:
    """Draw the Knox table of *result* to the PNG *path*; return the path.

    Rows: the same-location row, then the distance bands (nearest at the top); columns: the
    time bands. Each cell shows the Knox ratio and the observed pairs; cells with a ratio above 1
    whose p passes Benjamini-Hochberg at false discovery rate *alpha* over all cells
    (``core.nearrepeat.significant``, the rule of the conclusion) get a thick outline and a star,
    explained under the chart by ``significance_note``.
    """
    bands = result.bands
    rows = bands.row_labels(tr, decimal)
    cols = bands.time_labels(tr, decimal)
    n_rows, n_cols = len(rows), len(cols)
    ratio = np.asarray(result.ratio, dtype=float)
    significant = significant_cells(result, alpha, fdr=True)
    finite = ratio[np.isfinite(ratio)]
    largest = float(finite.max()) if finite.size else 0.0
    top = min(_RATIO_CAP, max(2.0, math.ceil(largest)))
    norm = TwoSlopeNorm(vmin=0.0, vcenter=1.0, vmax=top)

    left, bottom, top_margin, cell_w, cell_h = 1.9, 1.5, 0.75, 1.0, 0.55
    width = left + cell_w * n_cols + 1.1
    height = bottom + cell_h * n_rows + top_margin
    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes([left / width, bottom / height, cell_w * n_cols / width, cell_h * n_rows / height])
    cax = fig.add_axes([(left + cell_w * n_cols + 0.15) / width, bottom / height, 0.18 / width,
                        cell_h * n_rows / height])
    masked = np.ma.masked_invalid(ratio)
    cmap = _COLOURS.copy()
    cmap.set_bad("#d9d9d9")
    image = ax.imshow(masked, cmap=cmap, norm=norm, aspect="auto", interpolation="nearest")
    for r in range(n_rows):
        for c in range(n_cols):
            value = ratio[r, c]
            text = "–" if not math.isfinite(value) else f"{value:.2f}".replace(".", decimal)
            if significant[r, c]:
                text += " *"
                ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, lw=2.4, ec="black"))
            colour = "white" if math.isfinite(value) and value > 1 + 0.6 * (top - 1) else "black"
            ax.text(c, r - 0.1, text, ha="center", va="center", fontsize=10, color=colour,
                    fontweight="bold" if significant[r, c] else "normal")
            ax.text(c, r + 0.27, tr("n = {n}").format(n=int(result.observed[r, c])), ha="center",
                    va="center", fontsize=7.5, color=colour)
    ax.set_xticks(range(n_cols))
    ax.set_xticklabels(cols, fontsize=8.5, rotation=30, ha="right")
    ax.set_yticks(range(n_rows))
    ax.set_yticklabels(rows, fontsize=8.5)
    ax.axhline(0.5, color="black", lw=1.0)  # the same-location row apart from the distance bands
    ax.set_xlabel(tr("Time between the two incidents (days)"), fontsize=9)
    ax.set_ylabel(tr("Distance between the two incidents"), fontsize=9)
    ax.tick_params(length=0)
    colour_bar = fig.colorbar(image, cax=cax, extend="max" if largest > top else "neither")
    colour_bar.set_label(tr("Knox ratio (observed / expected pairs)"), fontsize=8)
    ticks = [0.0, 0.5, 1.0] + [float(v) for v in range(2, int(top) + 1)]
    colour_bar.set_ticks(ticks)
    colour_bar.set_ticklabels([format_number(v, decimal=decimal) for v in ticks])
    colour_bar.ax.tick_params(labelsize=7)
    fig.suptitle(title or tr("Near-repeat: Knox ratio per distance and time band"), fontsize=11,
                 x=0.02, ha="left", y=1 - 0.12 / height, va="top")
    if subtitle:
        fig.text(0.02, 1 - 0.45 / height, subtitle, fontsize=8, color="#555555", va="top")
    template, params = significance_note(result, alpha, fdr=True, decimal=decimal)
    note = tr(template).format(**params) + " " + tr("Grey: no pairs expected.")
    fig.text(0.02, 0.1 / height, "\n".join(textwrap.wrap(note, max(40, int(width * 14)))), fontsize=7.5,
             color="#333333", va="bottom")
    fig.savefig(path, dpi=dpi, format="png", facecolor="white")
    return path
