"""The document of the advice report: a print layout built page by page from the page templates.

:class:`Document` loads a template once per page (``QgsLayout.loadFromTemplate``), moves its items
onto the new page, gives them the house colour and fills the page decorations (header, footer).
Text that flows over pages, tables and map frames are its mixins (:mod:`.flow`, :mod:`.tables`,
:mod:`.maps`); the report's sections only fill slots by item id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...core.errors import InputError
from ...core.i18n import N_
from ...i18n import tr
from ...paths import resource
from ...storage.scans import ScanRecord
from ..literal import set_label_text
from .flow import FlowText
from .house import HouseStyle
from .items import (
    HEADER_ROW,
    item_rect,
    label_font,
    set_label_colour,
    set_label_font,
    text_height,
)
from .maps import MapFrames
from .tables import Tables

TEMPLATES = ("title", "text", "table", "map", "chart")
#: Labels that get the house colour besides the items whose id starts with "house_".
HOUSE_LABELS = frozenset({"heading", "subheading", "doc_type"})
#: The id of the draft mark ("CONCEPT") at the foot of every page of a draft report.
DRAFT_MARK = "draft_mark"
#: Its colour, and its place: a band this high (mm) at the bottom edge of the page, below the footer.
DRAFT_MARK_COLOUR = "#c00000"
DRAFT_MARK_HEIGHT = 6.0


class Document(FlowText, Tables, MapFrames):
    """The layout under construction: pages from templates, filled slots, charts in *work_dir*."""

    def __init__(
        self,
        layout: QgsPrintLayout,
        template_dir: Path,
        work_dir: Path,
        colour: QColor,
        record: ScanRecord,
        house: HouseStyle,
        status: str,
        crs: QgsCoordinateReferenceSystem,
        dutch: bool,
    ) -> None:
        self.layout = layout
        self.template_dir = template_dir
        self.work_dir = work_dir
        self.colour = colour
        self.record = record
        self.house = house
        self.status = status
        self.crs = crs
        self.dutch = dutch
        self.sections: Dict[str, int] = {}
        #: The text of the draft mark put on every page ("": none; set by the report before its pages)
        self.draft_mark = ""
        self._docs: Dict[str, Tuple[QDomDocument, QgsLayoutSize]] = {}
        self._chart_no = 0

    # ---- pages -----------------------------------------------------------------------------------
    def _template(self, name: str) -> Tuple[QDomDocument, QgsLayoutSize]:
        if name not in self._docs:
            path = self.template_dir / f"{name}.qpt"
            if not path.is_file():
                path = resource("templates", f"{name}.qpt")
            doc = QDomDocument()
            if not path.is_file() or not doc.setContent(path.read_text(encoding="utf-8")):
                raise InputError(
                    N_("The report template {path} is missing or not a layout template."), path=str(path)
                )
            size = QgsLayoutSize(210.0, 297.0)
            pages = doc.documentElement().firstChildElement("PageCollection")
            page = pages.firstChildElement("LayoutItem") if not pages.isNull() else None
            if page is not None and not page.isNull() and page.attribute("size"):
                decoded = QgsLayoutSize.decodeSize(page.attribute("size"))
                if decoded.width() > 0 and decoded.height() > 0:
                    size = decoded
            self._docs[name] = (doc, size)
        return self._docs[name]

    def add_page(self, name: str, heading: str = "") -> Dict[str, Any]:
        """A new page from template *name*; returns its items by id (page decorations filled)."""
        doc, size = self._template(name)
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(size)
        self.layout.pageCollection().addPage(page)
        index = self.layout.pageCollection().pageCount() - 1
        items, ok = self.layout.loadFromTemplate(doc, QgsReadWriteContext(), False)
        if not ok:
            raise InputError(N_("The report template {name}.qpt could not be read."), name=name)
        by_id: Dict[str, Any] = {}
        for item in items:
            if isinstance(item, QgsLayoutItemPage):
                continue
            item.attemptMove(item.pagePositionWithUnits(), True, False, index)
            if item.id():
                by_id.setdefault(item.id(), item)
            self._house_colour(item)
        by_id["_page"] = index
        self._decorate(by_id, heading)
        if self.draft_mark:
            by_id[DRAFT_MARK] = self._draft_mark(index, size)
        return by_id

    def _draft_mark(self, index: int, size: QgsLayoutSize) -> QgsLayoutItemLabel:
        """The draft mark at the foot of page *index*: added by the builder, so an edited template
        cannot lose it."""
        label = QgsLayoutItemLabel(self.layout)
        label.setId(DRAFT_MARK)
        set_label_text(label, self.draft_mark)
        font = QFont()
        font.setPointSizeF(9.0)
        font.setBold(True)
        set_label_font(label, font)
        set_label_colour(label, QColor(DRAFT_MARK_COLOUR))
        label.setHAlign(Qt.AlignmentFlag.AlignHCenter)
        label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
        self.layout.addLayoutItem(label)
        label.attemptResize(QgsLayoutSize(size.width() - 40.0, DRAFT_MARK_HEIGHT))
        label.attemptMove(QgsLayoutPoint(20.0, size.height() - DRAFT_MARK_HEIGHT - 0.5), True, False, index)
        return label

    def _house_colour(self, item) -> None:
        ident = item.id() or ""
        if isinstance(item, QgsLayoutItemShape) and ident.startswith("house_"):
            symbol = item.symbol().clone()
            symbol.setColor(self.colour)
            item.setSymbol(symbol)
        elif isinstance(item, QgsLayoutItemLabel) and (ident.startswith("house_") or ident in HOUSE_LABELS):
            set_label_colour(item, self.colour)
        elif isinstance(item, QgsLayoutFrame) and isinstance(item.multiFrame(), QgsLayoutItemManualTable):
            table = item.multiFrame()
            current = table.cellStyle(HEADER_ROW)
            if current is not None and current.enabled:
                style = QgsLayoutTableStyle()  # a copy: setCellStyle() deletes the current one
                style.enabled = True
                style.cellBackgroundColor = QColor(self.colour)
                table.setCellStyle(HEADER_ROW, style)

    def _decorate(self, items: Dict[str, Any], heading: str) -> None:
        reference = self.record.reference or ""
        self.set_text(items, "header_organisation", self.house.organisation or self.record.organisation)
        self.set_text(
            items, "header_reference", tr("Spatial safety advice") + (f" · {reference}" if reference else "")
        )
        status = tr("final") if self.status == "definitief" else tr("draft")
        self.set_text(
            items,
            "footer",
            tr("{reference} · version {version} · {status}").format(
                reference=reference, version=self.record.version, status=status
            ),
        )
        if heading:
            self.set_text(items, "heading", heading, shrink=True)

    def set_text(
        self, items: Dict[str, Any], ident: str, text: str, shrink: bool = False, min_points: float = 6.5
    ) -> None:
        """Set a label's text; with *shrink* its font gets smaller until the text fits."""
        label = items.get(ident)
        if not isinstance(label, QgsLayoutItemLabel):
            return
        set_label_text(label, text)
        if shrink:
            rect = item_rect(label)
            font = label_font(label)
            width = rect.w - 2 * label.marginX()
            while (
                text_height(font, width, text) > rect.h - 2 * label.marginY() + 0.01
                and font.pointSizeF() > min_points
            ):
                font.setPointSizeF(font.pointSizeF() - 0.5)
            set_label_font(label, font)

    def remove(self, items: Dict[str, Any], *idents: str) -> None:
        """Remove slots from a page (a table frame with its table)."""
        for ident in idents:
            item = items.pop(ident, None)
            if item is None:
                continue
            multi = item.multiFrame() if isinstance(item, QgsLayoutFrame) else None
            self.layout.removeLayoutItem(item)
            if multi is not None and multi.frameCount() == 0:
                self.layout.removeMultiFrame(multi)

    def start_section(self, key: str) -> None:
        self.sections[key] = self.layout.pageCollection().pageCount() + 1

    # ---- pictures -----------------------------------------------------------------------------------------
    def chart_path(self, stem: str) -> str:
        self._chart_no += 1
        return str(self.work_dir / f"{self._chart_no:02d}_{stem}.png")

    def set_picture(
        self, items: Dict[str, Any], ident: str, draw: Callable[[str, float, float], str]
    ) -> None:
        """Draw a chart at the size of picture slot *ident* and place it there."""
        picture = items.get(ident)
        if not isinstance(picture, QgsLayoutItemPicture):
            return
        rect = item_rect(picture)
        path = draw(self.chart_path(ident), rect.w, rect.h)
        picture.setPicturePath(path)
        picture.refresh()
