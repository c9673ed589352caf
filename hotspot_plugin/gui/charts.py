"""Small charts for the scan wizard, painted with QPainter into a QPixmap (no matplotlib needed).

* :func:`month_trend_pixmap`: incidents per month, the comparison period in grey and the period in
  blue.
* :func:`weekday_hour_pixmap`: the weekday x hour table as a heat table; a cell shows its count
  and nothing for 0.

Both follow the disclosure rule (core/disclosure.py, "Charts are tables"): each series is protected
beside its total, so a month or cell with a small count (``"<5"``) or hidden beside one (``"x"``)
is drawn as a hatched placeholder of fixed height (the threshold) or a grey hatched cell with that
label, never at its height or in its colour; the scales are taken from the shown values only.
The wizard also passes the states it protected across the charts (a field's months beside the
month chart of all incidents: core.disclosure.protect_table); a bar or cell hidden by either
protection is not shown.
"""

from __future__ import annotations

import math
from typing import List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import QLocale, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap

from ..core import disclosure as dc
from ..core.numbers import format_number

PERIOD_COLOUR = QColor("#1f4e79")
COMPARISON_COLOUR = QColor("#a6a6a6")
GRID_COLOUR = QColor("#e0e0e0")
TEXT_COLOUR = QColor("#333333")
PLACEHOLDER_FILL = QColor("#ececec")
#: Brushes of a placeholder: a small count ("<5") and a count hidden beside it ("x").
PLACEHOLDER_BRUSH = {dc.SMALL: Qt.BrushStyle.BDiagPattern, dc.HIDDEN: Qt.BrushStyle.DiagCrossPattern}
#: Heat table colours: from almost white to dark red.
HEAT_LOW = QColor("#fff5eb")
HEAT_HIGH = QColor("#a63603")


def _image(width: int, height: int) -> QImage:
    image = QImage(max(1, int(width)), max(1, int(height)), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) for about *ticks* gridlines up to *maximum*."""
    if maximum <= 0:
        return 1.0
    raw = maximum / max(1, ticks)
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return max(1.0, m * power)
    return max(1.0, 10 * power)


def month_label(month: str, locale: Optional[QLocale] = None) -> str:
    """'2025-01' -> 'jan 25' (short month name in the locale, two-digit year)."""
    try:
        year, number = (int(p) for p in str(month).split("-")[:2])
    except ValueError:
        return str(month)
    loc = locale or QLocale()
    name = loc.standaloneMonthName(number, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{name} {year % 100:02d}"


def _merge(own: Sequence[str], given: Optional[Sequence[str]]) -> Tuple[str, ...]:
    """The states of a series protected on its own and by the caller: not shown in either, not shown."""
    if not given:
        return tuple(own)
    return tuple(s if s != dc.SHOWN else (given[i] if i < len(given) else dc.SHOWN) for i, s in enumerate(own))


def month_trend_pixmap(
    months: Sequence[str],
    period: Sequence[float],
    comparison: Sequence[float],
    threshold: int = dc.DEFAULT_THRESHOLD,
    period_state: str = dc.SHOWN,
    comparison_state: str = dc.SHOWN,
    width: int = 420,
    height: int = 180,
    period_label: str = "period",
    comparison_label: str = "comparison period",
    small_label: str = "",
    hidden_label: str = "",
    locale: Optional[QLocale] = None,
    period_states: Optional[Sequence[str]] = None,
    comparison_states: Optional[Sequence[str]] = None,
) -> QPixmap:
    """Bars per month: the period in blue, the comparison period in grey (stacked).

    Each series is protected beside its total, published in state *period_state* /
    *comparison_state* (module doc): a bar not shown is a hatched placeholder of height *threshold*
    labelled ``"<5"`` or ``"x"``. *period_states* / *comparison_states*: the bars' states as a
    caller protected them with more (a field's months beside the chart of all incidents:
    core.disclosure.protect_table); a bar hidden by either protection is not shown.
    """
    image = _image(width, height)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    n = len(months)
    per = [float(period[i] or 0) if i < len(period) else 0.0 for i in range(n)]
    com = [float(comparison[i] or 0) if i < len(comparison) else 0.0 for i in range(n)]
    per_states = _merge(dc.protect_series(per, threshold, period_state), period_states)
    com_states = _merge(dc.protect_series(com, threshold, comparison_state), comparison_states)

    def drawn(v: float, state: str) -> float:  # the height a bar is drawn at
        return float(threshold) if v and state != dc.SHOWN else v

    values = [drawn(per[i], per_states[i]) + drawn(com[i], com_states[i]) for i in range(n)]
    top, bottom, left, right = 8, 40, 34, 8
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    vmax = max(values) if values else 0
    step = nice_step(vmax)
    ymax = max(step, math.ceil(vmax / step) * step)
    p.setFont(_font(7))
    # gridlines and y labels
    y = 0.0
    while y <= ymax + 1e-9:
        yy = plot.bottom() - plot.height() * y / ymax
        p.setPen(QPen(GRID_COLOUR, 1))
        p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
        p.setPen(TEXT_COLOUR)
        p.drawText(
            QRectF(0, yy - 7, left - 4, 14),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{y:g}",
        )
        y += step
    used = set()
    if n:
        slot = plot.width() / n
        bar = max(1.0, slot * 0.75)
        label_every = max(1, math.ceil(n / max(1.0, plot.width() / 42)))
        for i in range(n):
            x = plot.left() + i * slot + (slot - bar) / 2
            base = plot.bottom()
            for value, state, colour in (
                (com[i], com_states[i], COMPARISON_COLOUR),
                (per[i], per_states[i], PERIOD_COLOUR),
            ):
                if not value:
                    continue
                h = plot.height() * drawn(value, state) / ymax
                rect = QRectF(x, base - h, bar, h)
                if state != dc.SHOWN:
                    used.add(state)
                    p.fillRect(rect, QColor("white"))
                    p.fillRect(rect, QBrush(colour, PLACEHOLDER_BRUSH[state]))
                    p.setPen(QPen(colour, 1))
                    p.drawRect(rect)
                    if bar >= 12 and h >= 10:
                        p.setFont(_font(6))
                        p.fillRect(QRectF(rect.center().x() - 7, rect.center().y() - 5, 14, 10), QColor("white"))
                        p.setPen(TEXT_COLOUR)
                        p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), dc.mark(value, state, threshold))
                        p.setFont(_font(7))
                else:
                    p.fillRect(rect, colour)
                base -= h
            if i % label_every == 0:
                p.setPen(TEXT_COLOUR)
                p.drawText(
                    QRectF(plot.left() + i * slot - 20, plot.bottom() + 2, slot + 40, 12),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    month_label(months[i], locale),
                )
    p.setPen(QPen(TEXT_COLOUR, 1))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    # legend
    ly = height - 14
    x = plot.left()
    for colour, text, brush in (
        (COMPARISON_COLOUR, comparison_label, None),
        (PERIOD_COLOUR, period_label, None),
        (PERIOD_COLOUR, small_label if dc.SMALL in used else "", PLACEHOLDER_BRUSH[dc.SMALL]),
        (PERIOD_COLOUR, hidden_label if dc.HIDDEN in used else "", PLACEHOLDER_BRUSH[dc.HIDDEN]),
    ):
        if not text:
            continue
        box = QRectF(x, ly + 1, 10, 10)
        if brush is not None:
            p.fillRect(box, QBrush(colour, brush))
            p.setPen(QPen(colour, 1))
            p.drawRect(box)
        else:
            p.fillRect(box, colour)
        p.setPen(TEXT_COLOUR)
        w = p.fontMetrics().horizontalAdvance(text)
        p.drawText(
            QRectF(x + 14, ly - 1, w + 4, 14),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        x += 14 + w + 16
    p.end()
    return QPixmap.fromImage(image)


def _mix(low: QColor, high: QColor, t: float) -> QColor:
    t = min(1.0, max(0.0, t))
    return QColor(
        int(low.red() + (high.red() - low.red()) * t),
        int(low.green() + (high.green() - low.green()) * t),
        int(low.blue() + (high.blue() - low.blue()) * t),
    )


def weekday_hour_pixmap(
    table: Sequence[Sequence[float]],
    threshold: int = dc.DEFAULT_THRESHOLD,
    total_state: str = dc.SHOWN,
    day_parts: Sequence[Tuple[int, int]] = (),
    width: int = 840,
    height: int = 190,
    weekdays: Sequence[str] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    hour_label: str = "",
    decimal: str = ".",
    states: Optional[Sequence[Sequence[str]]] = None,
) -> QPixmap:
    """The 7 x 24 weekday x hour table as a heat table (Monday first, hour 0 = 00:00-00:59).

    Protected with :func:`core.disclosure.protect_week` (the total in *total_state*, each day part
    of *day_parts* beside its own sum, as their shares are printed): a cell not shown is grey,
    hatched and labelled ``"<5"`` or ``"x"``; the colours run up to the largest shown cell.
    *states* (7 x 24): the cells' states as the caller protected them with more (a field's table
    beside the table of all incidents); a cell hidden by either protection is not shown.
    """
    image = _image(width, height)
    p = QPainter(image)
    # cells may hold fractions when crime windows are spread over their hours (aoristic analysis)
    rows: List[List[float]] = [[float(v or 0) for v in row] for row in table] or [[0.0] * 24 for _ in range(7)]
    own = dc.protect_week(rows, threshold, total_state, day_parts)
    states = [_merge(row, states[d] if states is not None and d < len(states) else None) for d, row in enumerate(own)]
    left, top, bottom = 30, 16, 14 if hour_label else 2
    cw = (width - left - 2) / 24.0
    ch = (height - top - bottom) / 7.0
    vmax = max((v for r, st in zip(rows, states) for v, s in zip(r, st) if s == dc.SHOWN), default=0)
    p.setFont(_font(7))
    p.setPen(TEXT_COLOUR)
    for h in range(24):
        p.drawText(QRectF(left + h * cw, 0, cw, top), int(Qt.AlignmentFlag.AlignCenter), f"{h}")
    cell_font = _font(7 if cw >= 24 else 6)
    for d in range(7):
        p.setFont(_font(7))
        p.setPen(TEXT_COLOUR)
        p.drawText(
            QRectF(0, top + d * ch, left - 4, ch),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            weekdays[d] if d < len(weekdays) else str(d),
        )
        p.setFont(cell_font)
        for h in range(24):
            v = rows[d][h] if h < len(rows[d]) else 0
            state = states[d][h] if d < len(states) and h < len(states[d]) else dc.SHOWN
            rect = QRectF(left + h * cw, top + d * ch, cw, ch)
            if v and state != dc.SHOWN:  # one grey for every hidden cell: no colour gives it away
                p.fillRect(rect, PLACEHOLDER_FILL)
                p.fillRect(rect, QBrush(QColor("#b0b0b0"), PLACEHOLDER_BRUSH[state]))
                p.setPen(QPen(QColor("white"), 1))
                p.drawRect(rect)
                p.setPen(TEXT_COLOUR)
                p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), dc.mark(v, state, threshold))
                continue
            t = (v / vmax) if vmax else 0.0
            colour = _mix(HEAT_LOW, HEAT_HIGH, math.sqrt(t)) if v else QColor("#fafafa")
            p.fillRect(rect, colour)
            p.setPen(QPen(QColor("white"), 1))
            p.drawRect(rect)
            if v:
                p.setPen(QColor("white") if math.sqrt(t) > 0.55 else TEXT_COLOUR)
                p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), format_number(v, 1, decimal, strip_zeros=True))
    if hour_label:
        p.setFont(_font(7))
        p.setPen(TEXT_COLOUR)
        p.drawText(
            QRectF(left, height - bottom, width - left, bottom), int(Qt.AlignmentFlag.AlignCenter), hour_label
        )
    p.end()
    return QPixmap.fromImage(image)
