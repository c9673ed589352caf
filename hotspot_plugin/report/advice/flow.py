"""Flowing text of the advice report: paragraphs and subheadings over as many text pages as needed.

The text page template (text.qpt) has a ``subheading`` and a ``body`` label as style samples; the
text flows in copies of them. Long paragraphs are split at whole words, a subheading stays with
the start of its text.
"""

from __future__ import annotations

from typing import Any, Dict, Sequence, Tuple

from qgis.core import QgsLayoutItemLabel, QgsLayoutPoint, QgsLayoutSize
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...core.errors import InputError
from ...core.i18n import N_
from ...i18n import tr
from ..literal import set_label_text
from .items import (
    Rect,
    item_rect,
    label_colour,
    label_font,
    line_height,
    set_label_colour,
    set_label_font,
    text_height,
)

#: Share of a text area the flowing text may fill (room for rounding between measure and print).
TEXT_FILL = 0.97

Block = Tuple[str, str]  # ("h", subheading) or ("p", paragraph)


class FlowText:
    """Mixin of :class:`~.document.Document`: text that flows over text pages."""

    def flow_text(self, heading: str, blocks: Sequence[Block]) -> None:
        """Text pages: the blocks flow over as many text pages as needed."""
        items = self.add_page("text", heading)
        body = items.get("body")
        sub = items.get("subheading")
        if not isinstance(body, QgsLayoutItemLabel):
            raise InputError(N_("The template text.qpt has no label with the id body."))
        proto_body = self._label_style(body)
        proto_sub = self._label_style(sub) if isinstance(sub, QgsLayoutItemLabel) else proto_body
        area = item_rect(body)
        if isinstance(sub, QgsLayoutItemLabel):
            top = min(area.y, item_rect(sub).y)
            area = Rect(area.x, top, area.w, area.y + area.h - top)
        self.remove(items, "body", "subheading")
        bottom = area.y + area.h * TEXT_FILL
        y = area.y
        page = items["_page"]
        body_line = line_height(proto_body["font"])
        sub_line = line_height(proto_sub["font"])
        queue = [(kind, text) for kind, text in blocks if text is not None]
        k = 0
        first = True
        while k < len(queue):
            kind, text = queue[k]
            style = proto_sub if kind == "h" else proto_body
            width = area.w - 2 * style["margin_x"]
            gap = 0.0 if first else (sub_line * 0.9 if kind == "h" else body_line * 0.45)
            height = text_height(style["font"], width, text) + 2 * style["margin_y"]
            need = height + (2.2 * body_line if kind == "h" else 0.0)  # keep a subheading with its text
            if y + gap + need <= bottom:
                self._clone_label(style, text, Rect(area.x, y + gap, area.w, height + 0.5), page)
                y += gap + height
                first = False
                k += 1
                continue
            if kind == "p" and not first and height > 5 * body_line:  # short paragraphs move on whole
                head, rest = self._split(style, width, text, bottom - y - gap - 2 * style["margin_y"])
                if head and text_height(style["font"], width, head) >= 2 * body_line:
                    h = text_height(style["font"], width, head) + 2 * style["margin_y"]
                    self._clone_label(style, head, Rect(area.x, y + gap, area.w, h + 0.5), page)
                    queue[k] = ("p", rest)
            elif first:  # a single block taller than a page: split it anyway
                head, rest = self._split(style, width, text, bottom - y - 2 * style["margin_y"])
                if not head:
                    head, rest = text, ""
                h = min(bottom - y, text_height(style["font"], width, head) + 2 * style["margin_y"])
                self._clone_label(style, head, Rect(area.x, y, area.w, h + 0.5), page)
                if rest:
                    queue[k] = (kind, rest)
                else:
                    k += 1
            items = self.add_page("text", tr("{heading} (continued)").format(heading=heading))
            self.remove(items, "body", "subheading")
            page = items["_page"]
            y = area.y
            first = True

    def _label_style(self, label: QgsLayoutItemLabel) -> Dict[str, Any]:
        return {
            "font": label_font(label),
            "colour": QColor(label_colour(label)),
            "margin_x": label.marginX(),
            "margin_y": label.marginY(),
            "halign": label.hAlign(),
        }

    def _clone_label(self, style: Dict[str, Any], text: str, rect: Rect, page: int) -> QgsLayoutItemLabel:
        label = QgsLayoutItemLabel(self.layout)
        set_label_text(label, text)
        set_label_font(label, style["font"])
        set_label_colour(label, style["colour"])
        label.setMarginX(style["margin_x"])
        label.setMarginY(style["margin_y"])
        label.setHAlign(style["halign"])
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        self.layout.addLayoutItem(label)
        label.attemptResize(QgsLayoutSize(rect.w, rect.h))
        label.attemptMove(QgsLayoutPoint(rect.x, rect.y), True, False, page)
        return label

    @staticmethod
    def _split(style: Dict[str, Any], width: float, text: str, room: float) -> Tuple[str, str]:
        """The longest head of *text* (whole words) that fits in *room* mm, and the rest."""
        words = text.split(" ")
        lo, hi = 0, len(words)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if text_height(style["font"], width, " ".join(words[:mid])) <= room:
                lo = mid
            else:
                hi = mid - 1
        return " ".join(words[:lo]), " ".join(words[lo:])
