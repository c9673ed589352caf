"""Tables of the advice report: manual tables filled from rows of texts (or text and colour pairs).

Columns get shares of the frame's width but never less than their longest header word or number;
a table either continues in frames on further table pages or gets a smaller font until it fits.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsTableCell,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...i18n import tr
from .items import Rect, bold_format, item_rect, text_width


class Tables:
    """Mixin of :class:`~.document.Document`: the table slots."""

    def fill_table(
        self,
        items: Dict[str, Any],
        ident: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        shares: Sequence[float],
        align_right: Sequence[bool] = (),
        continuation: str = "",
        bold_rows: Sequence[int] = (),
        bold_columns: Sequence[int] = (),
        shrink: float = 1.0,
    ) -> Optional[QgsLayoutItemManualTable]:
        """Fill the table slot *ident*: cells are texts or (text, background colour) pairs.

        Columns get *shares* of the frame's width. With a *continuation* heading, rows that do not
        fit continue in table frames on further pages (template table.qpt); otherwise the font gets
        up to *shrink* points smaller until all rows fit, and the caller checks :meth:`rows_that_fit`.
        """
        frame = items.get(ident)
        if not isinstance(frame, QgsLayoutFrame) or not isinstance(
            frame.multiFrame(), QgsLayoutItemManualTable
        ):
            return None
        table: QgsLayoutItemManualTable = frame.multiFrame()
        width = item_rect(frame).w
        columns = []
        for c, header in enumerate(headers):
            column = QgsLayoutTableColumn(header)
            if c < len(align_right) and align_right[c]:
                column.setHAlignment(Qt.AlignmentFlag.AlignRight)
            columns.append(column)
        table.setHeaders(columns)
        content_size = table.contentTextFormat().size()
        header_size = table.headerTextFormat().size()
        step = 0.0
        while True:
            contents = self._cells(table, rows, align_right, bold_rows, bold_columns) or [
                [QgsTableCell("") for _ in headers]
            ]
            table.setTableContents(contents)
            table.setColumnWidths(self._column_widths(table, width, headers, rows, shares, align_right))
            # a table that must fit its frame gets a smaller font before rows are lost
            if continuation or step >= shrink or self.rows_that_fit(table) >= len(contents):
                break
            step += 0.5
            for getter, setter, size in (
                (table.contentTextFormat, table.setContentTextFormat, content_size),
                (table.headerTextFormat, table.setHeaderTextFormat, header_size),
            ):
                fmt = QgsTextFormat(getter())
                fmt.setSize(size - step)
                font = fmt.font()
                font.setPointSizeF(size - step)
                fmt.setFont(font)
                setter(fmt)
        if continuation:
            self._continue_table(table, len(contents), continuation)
        return table

    @staticmethod
    def _cells(
        table: QgsLayoutItemManualTable,
        rows: Sequence[Sequence[Any]],
        align_right: Sequence[bool],
        bold_rows: Sequence[int],
        bold_columns: Sequence[int],
    ) -> List[List[QgsTableCell]]:
        """The table cells: top-aligned, numbers right-aligned, bold rows and columns, colours."""
        bold = bold_format(table.contentTextFormat())
        contents = []
        for r, row in enumerate(rows):
            cells = []
            for c, value in enumerate(row):
                colour = None
                if isinstance(value, tuple):
                    value, colour = value
                cell = QgsTableCell(str(value))
                cell.setVerticalAlignment(Qt.AlignmentFlag.AlignTop)
                if c < len(align_right) and align_right[c]:
                    cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
                if colour:
                    cell.setBackgroundColor(QColor(colour))
                if r in bold_rows or c in bold_columns:
                    cell.setTextFormat(bold)
                cells.append(cell)
            contents.append(cells)
        return contents

    @staticmethod
    def _column_widths(
        table: QgsLayoutItemManualTable,
        width: float,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        shares: Sequence[float],
        align_right: Sequence[bool],
    ) -> List[float]:
        """Column widths (mm, without cell margins) that fill *width*: each column gets its share,
        but at least the width of its header's longest word and, for right-aligned (number)
        columns, of its longest cell, so that nothing is cut off in any language."""

        def font_of(fmt: QgsTextFormat) -> QFont:
            font = fmt.toQFont()
            font.setPointSizeF(fmt.size())
            return font

        header_font = font_of(table.headerTextFormat())
        content_font = font_of(table.contentTextFormat())
        bold_font = QFont(content_font)
        bold_font.setBold(True)
        n = len(shares)
        margins = n * 2 * table.cellMargin() + (n + 1) * table.gridStrokeWidth() + 0.2
        avail = max(10.0, width - margins)
        need = []
        for c in range(n):
            words = str(headers[c]).split() if c < len(headers) else []
            m = max((text_width(header_font, w) for w in words), default=0.0)
            if c < len(align_right) and align_right[c]:
                for row in rows:
                    value = row[c][0] if isinstance(row[c], tuple) else row[c]
                    m = max(m, text_width(bold_font, str(value)))
            need.append(m + 0.6)
        total = float(sum(shares)) or 1.0
        widths = [max(avail * s / total, need[c]) for c, s in enumerate(shares)]
        excess = sum(widths) - avail
        if excess > 0:  # take it from the columns that have more than they need, in proportion
            slack = [max(0.0, w - need[c]) for c, w in enumerate(widths)]
            room = sum(slack)
            if room > 0:
                widths = [
                    w - excess * slack[c] / room * min(1.0, room / excess) for c, w in enumerate(widths)
                ]
        return [max(1.0, w) for w in widths]

    def rows_that_fit(self, table: QgsLayoutItemManualTable) -> int:
        """How many rows of *table* its first frame shows."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        first, last = table.rowRange(context, 0)
        return int(last - first)

    def _continue_table(self, table: QgsLayoutItemManualTable, n_rows: int, heading: str) -> None:
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        guard = 0
        while guard < 200:
            guard += 1
            _first, last = table.rowRange(context, table.frameCount() - 1)
            if last >= n_rows:
                return
            items = self.add_page("table", tr("{heading} (continued)").format(heading=heading))
            slot = items.get("table")
            rect = item_rect(slot) if slot is not None else Rect(20, 34, 170, 244)
            intro = items.get("intro")
            if intro is not None:  # the continued table starts where the intro was
                top = item_rect(intro).y
                rect = Rect(rect.x, top, rect.w, rect.y + rect.h - top)
            self.remove(items, "table", "intro", "note")
            frame = QgsLayoutFrame(self.layout, table)
            frame.attemptResize(QgsLayoutSize(rect.w, rect.h))
            frame.attemptMove(QgsLayoutPoint(rect.x, rect.y), True, False, items["_page"])
            table.addFrame(frame)
