"""Layout item helpers of the advice report: label fonts and colours, text measuring, rectangles.

The few differences between QGIS 3.22 and later versions (label text formats, the header row's
style group, the scale bar's segment size mode) live here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List

from qgis.core import QgsLayoutItemLabel, QgsLayoutTable, QgsTextFormat
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from ...compat import RenderUnit, ScaleBarSegmentSizeMode

MM_PER_POINT = 25.4 / 72.0
#: QGIS draws layout text at ten times the size and scales the painter back (QgsLayoutUtils).
FONT_WORKAROUND_SCALE = 10.0

#: The header row's style group.
HEADER_ROW = QgsLayoutTable.CellStyleGroup.HeaderRow
#: The scale bar's fixed segment size (Qgis.ScaleBarSegmentSizeMode from QGIS 3.30 on).
SCALEBAR_FIXED = ScaleBarSegmentSizeMode.Fixed


def label_font(label: QgsLayoutItemLabel) -> QFont:
    """The font of a label, in points."""
    if hasattr(label, "textFormat"):
        fmt = label.textFormat()
        font = fmt.toQFont()
        font.setPointSizeF(fmt.size())
        return font
    return QFont(label.font())


def set_label_font(label: QgsLayoutItemLabel, font: QFont) -> None:
    """Give a label a font (size in points)."""
    if hasattr(label, "setTextFormat"):
        fmt = label.textFormat()
        fmt.setFont(font)
        fmt.setSize(font.pointSizeF())
        fmt.setSizeUnit(RenderUnit.Points)
        label.setTextFormat(fmt)
    else:
        label.setFont(font)


def label_colour(label: QgsLayoutItemLabel) -> QColor:
    """The text colour of a label."""
    if hasattr(label, "textFormat"):
        return label.textFormat().color()
    return label.fontColor()


def set_label_colour(label: QgsLayoutItemLabel, colour: QColor) -> None:
    """Give a label a text colour."""
    if hasattr(label, "setTextFormat"):
        fmt = label.textFormat()
        fmt.setColor(colour)
        label.setTextFormat(fmt)
    else:
        label.setFontColor(colour)


def text_height(font: QFont, width_mm: float, text: str) -> float:
    """Height (mm) of *text* word-wrapped at *width_mm* as a layout label draws it."""
    scaled = QFont(font)
    scaled.setPixelSize(max(1, int(font.pointSizeF() * MM_PER_POINT * FONT_WORKAROUND_SCALE + 0.5)))
    metrics = QFontMetricsF(scaled)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
    rect = metrics.boundingRect(QRectF(0, 0, width_mm * FONT_WORKAROUND_SCALE, 1e9), flags, text or " ")
    return rect.height() / FONT_WORKAROUND_SCALE


def text_width(font: QFont, text: str) -> float:
    """Width (mm) of one line of *text* as layout items draw it."""
    scaled = QFont(font)
    scaled.setPixelSize(max(1, int(font.pointSizeF() * MM_PER_POINT * FONT_WORKAROUND_SCALE + 0.5)))
    return QFontMetricsF(scaled).horizontalAdvance(text) / FONT_WORKAROUND_SCALE


def wrap_text(text: str, font: QFont, width_mm: float) -> str:
    """*text* with line breaks so that no line is wider than *width_mm* (words are kept whole)."""
    lines: List[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width(font, candidate) > width_mm * 0.97:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def line_height(font: QFont) -> float:
    """Height (mm) of one line of *font*."""
    return text_height(font, 1000.0, "Xg")


def bold_format(fmt: QgsTextFormat, bold: bool = True) -> QgsTextFormat:
    out = QgsTextFormat(fmt)
    font = out.font()
    font.setBold(bold)
    out.setFont(font)
    return out


@dataclass
class Rect:
    """A rectangle on a page, in mm from the page's top-left corner."""

    x: float
    y: float
    w: float
    h: float


def item_rect(item) -> Rect:
    """The page-relative rectangle of a layout item (mm)."""
    pos = item.pagePositionWithUnits()
    size = item.sizeWithUnits()
    return Rect(pos.x(), pos.y(), size.width(), size.height())


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------

