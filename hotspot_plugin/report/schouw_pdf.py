"""The printed field maps of a buurtschouw: a QgsPrintLayout exported to PDF.

Page 1: an overview map with the numbered route and the list of points (continued on extra
pages when it is long). Then one page per point: its number and label, why it is visited, a
small map around it, a box for who, when and which day part, and the checklist as a table with
boxes for green / orange / red and room for notes, actions and owners.

The layout is built from the layers of the field GeoPackage in a private QgsProject, so it can
run in a Processing task without touching the open project.
"""

from __future__ import annotations

import math
from typing import Any, List, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import DistanceUnit, RenderUnit
from ..core import schouw as sc
from ..core.errors import InputError
from ..core.i18n import N_
from ..core.progress import Monitor, ensure
from ..i18n import tr
from ..storage import fieldpackage as fp
from .literal import set_label_text

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 10.0
HOUSE = QColor("#1f4e79")
GROUP_SHADES = (QColor("#eef3f8"), QColor("#ffffff"))
#: Faint green, orange and red behind the tick boxes of the checklist.
SEVERITY_TINTS = (QColor("#e3f4de"), QColor("#fff0d9"), QColor("#fde2df"))
#: Half the width (m) of the small map around a point.
DETAIL_HALF_WIDTH = 130.0
GRID = 0.2
#: Height (mm, inside the cell margins) of a checklist row: room to write.
CHECK_ROW_HEIGHT = 3.6
OVERVIEW_ROWS_FIRST = 16
OVERVIEW_ROWS_NEXT = 44


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("Sans Serif")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size: float, bold: bool = False, colour: QColor = QColor("#222222")) -> QgsTextFormat:
    fmt = QgsTextFormat()
    fmt.setFont(_font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(RenderUnit.Points)
    fmt.setColor(colour)
    return fmt


def _label(
    layout,
    page: int,
    x: float,
    y: float,
    w: float,
    h: float,
    text: str,
    size: float = 9.0,
    bold: bool = False,
    colour: QColor = QColor("#222222"),
) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    set_label_text(label, text)
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(_text_format(size, bold, colour))
    else:  # QGIS 3.22
        label.setFont(_font(size, bold))
        label.setFontColor(colour)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.setMargin(0.0)
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(w, h))
    label.attemptMove(QgsLayoutPoint(x, y), True, False, page)
    return label


def _table(
    layout,
    page: int,
    x: float,
    y: float,
    w: float,
    h: float,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: List[List[QgsTableCell]],
    size: float = 7.0,
    margin: float = 1.0,
) -> QgsLayoutItemManualTable:
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    columns = []
    for title in headers:
        column = QgsLayoutTableColumn()
        column.setHeading(title)
        columns.append(column)
    table.setHeaders(columns)
    table.setIncludeTableHeader(bool(headers))
    table.setGridStrokeWidth(GRID)
    table.setCellMargin(margin)
    table.setColumnWidths(_content_widths(w, widths, margin))
    table.setTableContents(rows)
    table.setGridColor(QColor("#7f7f7f"))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(_text_format(size))
        table.setHeaderTextFormat(_text_format(size, True, QColor("white")))
    else:  # pragma: no cover - older API
        table.setContentFont(_font(size))
        table.setHeaderFont(_font(size, True))
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.HeaderLeft)
    table.setBackgroundColor(QColor("white"))
    header_style = QgsLayoutTableStyle()
    header_style.enabled = True
    header_style.cellBackgroundColor = HOUSE
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header_style)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(w, h))
    frame.attemptMove(QgsLayoutPoint(x, y), True, False, page)
    table.addFrame(frame)
    table.setResizeMode(QgsLayoutItemManualTable.ResizeMode.UseExistingFrames)
    return table


def _content_widths(total: float, widths: Sequence[float], margin: float) -> List[float]:
    """Column content widths so that the table, with cell margins and grid lines, is *total* mm wide.

    *widths* are the wanted outer widths; the last column takes what is left.
    """
    n = len(widths)
    outer = list(widths[:-1]) + [max(5.0, total - sum(widths[:-1]))]
    return (
        [max(1.0, wd - 2 * margin - GRID) for wd in outer[:-1]]
        + [max(1.0, outer[-1] - 2 * margin - 2 * GRID)]
        if n
        else []
    )


def _cell(
    text: str,
    background: Optional[QColor] = None,
    bold: bool = False,
    size: float = 7.0,
    align=Qt.AlignmentFlag.AlignLeft,
) -> QgsTableCell:
    cell = QgsTableCell(text)
    if background is not None:
        cell.setBackgroundColor(background)
    if bold and hasattr(cell, "setTextFormat"):
        cell.setTextFormat(_text_format(size, True))
    cell.setHorizontalAlignment(align)
    return cell


def _map(
    layout, page: int, x: float, y: float, w: float, h: float, layers: List[Any], crs, extent: QgsRectangle
) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    item.setBackgroundColor(QColor("#fbfbf8"))
    layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(w, h))
    item.attemptMove(QgsLayoutPoint(x, y), True, False, page)
    item.zoomToExtent(extent)
    return item


def _scalebar(layout, page: int, map_item: QgsLayoutItemMap, x: float, y: float) -> None:
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setUnits(DistanceUnit.Meters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setHeight(1.5)
    bar.applyDefaultSize()
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 220))
    if hasattr(bar, "setTextFormat"):
        bar.setTextFormat(_text_format(7.0))
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y), True, False, page)


def _add_page(layout) -> int:
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def _footer(layout, page: int, text: str) -> None:
    _label(layout, page, MARGIN, PAGE_H - 7.5, PAGE_W - 2 * MARGIN, 5, text, 6.5, colour=QColor("#7f7f7f"))


def _fit(rect: QgsRectangle, w: float, h: float, grow: float = 0.08, minimum: float = 150.0) -> QgsRectangle:
    """*rect* grown by *grow* and widened to the item's aspect ratio (w x h mm)."""
    cx, cy = rect.center().x(), rect.center().y()
    rw = max(rect.width() * (1 + 2 * grow), minimum)
    rh = max(rect.height() * (1 + 2 * grow), minimum)
    if rw / rh < w / h:
        rw = rh * w / h
    else:
        rh = rw * h / w
    return QgsRectangle(cx - rw / 2, cy - rh / 2, cx + rw / 2, cy + rh / 2)


def _short(text: str, limit: int = 150) -> str:
    first = text.split("; ")
    out = first[0]
    if len(first) > 1:
        out += " " + tr("(+{n} more)").format(n=len(first) - 1)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def export_schouw_pdf(
    pdf_path: str,
    gpkg_path: str,
    info: fp.PackageInfo,
    points: Sequence[fp.PointRow],
    checklist: sc.Checklist,
    lang: str = "nl",
    monitor: Optional[Monitor] = None,
) -> int:
    """Write the field maps of the package in *gpkg_path* to *pdf_path*; returns the number of pages."""
    monitor = ensure(monitor)
    if not points:
        raise InputError(N_("There are no schouw points to print."))
    project = QgsProject()
    try:
        layers = fp.open_package_layers(gpkg_path)
        fp.style_layers(layers, point_size=4.6)
        for layer in layers.values():
            project.addMapLayer(layer, False)
        crs = layers["points"].crs()
        project.setCrs(crs)
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        layout.setName(tr("Buurtschouw field maps"))
        map_layers = [layers["points"], layers["route"], layers["area"], layers["streets"]]
        date = QDate.currentDate().toString("dd-MM-yyyy" if lang == "nl" else "yyyy-MM-dd")
        n = len(points)
        length_text = sc.km_text(info.length_m or 0, "," if lang == "nl" else ".")
        summary = tr("{reference} · {date} · {n} points · {km} km · about {time} including stops").format(
            reference=info.reference or "-",
            date=date,
            n=n,
            km=length_text,
            time=sc.minutes_text(info.minutes or 0, lang),
        )
        footer = tr("Hotspot · buurtschouw {reference} · page {page}")

        # Overview --------------------------------------------------------------------------------
        _label(
            layout,
            0,
            MARGIN,
            MARGIN,
            PAGE_W - 2 * MARGIN,
            9,
            tr("Buurtschouw {title}").format(title=info.title or info.reference),
            15,
            True,
            HOUSE,
        )
        _label(layout, 0, MARGIN, MARGIN + 9, PAGE_W - 2 * MARGIN, 6, summary, 9)
        extent = layers["route"].extent()
        extent.combineExtentWith(layers["points"].extent())
        if info.area is not None and not info.area.is_empty:
            minx, miny, maxx, maxy = info.area.bounds
            extent.combineExtentWith(QgsRectangle(minx, miny, maxx, maxy))
        map_w, map_h = PAGE_W - 2 * MARGIN, 158.0
        overview = _map(
            layout, 0, MARGIN, 28, map_w, map_h, map_layers, crs, _fit(extent, map_w, map_h, 0.04)
        )
        _scalebar(layout, 0, overview, MARGIN + 3, 28 + map_h - 10)
        ordered = sorted(points, key=lambda p: p.seq)
        rows = [
            [_cell(str(p.seq), align=Qt.AlignmentFlag.AlignRight), _cell(p.label), _cell(_short(p.reason))]
            for p in ordered
        ]
        headers = [tr("No."), tr("Point"), tr("Why we go there")]
        widths = [9.0, 55.0, 0.0]
        chunk, page, y0 = rows[:OVERVIEW_ROWS_FIRST], 0, 28 + map_h + 5
        rest = rows[OVERVIEW_ROWS_FIRST:]
        _table(layout, page, MARGIN, y0, PAGE_W - 2 * MARGIN, PAGE_H - y0 - 12, headers, widths, chunk)
        _footer(layout, page, footer.format(reference=info.reference or "-", page=page + 1))
        while rest:
            chunk, rest = rest[:OVERVIEW_ROWS_NEXT], rest[OVERVIEW_ROWS_NEXT:]
            page = _add_page(layout)
            _table(
                layout,
                page,
                MARGIN,
                MARGIN,
                PAGE_W - 2 * MARGIN,
                PAGE_H - 2 * MARGIN - 5,
                headers,
                widths,
                chunk,
            )
            _footer(layout, page, footer.format(reference=info.reference or "-", page=page + 1))

        # One page per point ----------------------------------------------------------------------
        checklist_rows: List[List[QgsTableCell]] = []
        for g_index, group in enumerate(checklist.groups):
            shade = GROUP_SHADES[g_index % 2]
            items = [it for it in checklist.items if it.group == group]
            for k, it in enumerate(items):
                checklist_rows.append(
                    [
                        _cell(checklist.group_label(group, lang) if k == 0 else "", shade, k == 0),
                        _cell(it.label(lang), shade),
                        *[_cell("", tint) for tint in SEVERITY_TINTS],
                        _cell("", shade),
                    ]
                )
        check_headers = [
            tr("Theme"),
            tr("Checklist item"),
            tr("green"),
            tr("orange"),
            tr("red"),
            tr("Notes · action · who"),
        ]
        inner = PAGE_W - 2 * MARGIN
        check_widths = [29.0, 56.0, 11.0, 11.0, 11.0, 0.0]
        for k, p in enumerate(ordered):
            monitor.check()
            monitor.set(100.0 * k / n)
            page = _add_page(layout)
            _label(
                layout,
                page,
                MARGIN,
                MARGIN,
                inner,
                8,
                tr("Point {seq} of {n}: {label}").format(seq=p.seq, n=n, label=p.label),
                13,
                True,
                HOUSE,
            )
            _label(
                layout,
                page,
                MARGIN,
                MARGIN + 8.5,
                inner,
                14,
                tr("Why: {reason}").format(reason=p.reason),
                8.5,
            )
            half = DETAIL_HALF_WIDTH
            top, detail_w, detail_h = 33.0, 118.0, 72.0
            half_h = half * detail_h / detail_w
            rect = QgsRectangle(p.x - half, p.y - half_h, p.x + half, p.y + half_h)
            detail = _map(layout, page, MARGIN, top, detail_w, detail_h, map_layers, crs, rect)
            _scalebar(layout, page, detail, MARGIN + 2, top + detail_h - 9)
            box_x = MARGIN + detail_w + 4
            box_rows = [
                [_cell(tr("Date")), _cell("")],
                [_cell(tr("Time")), _cell("")],
                [_cell(tr("Part of the day")), _cell(tr("☐ day  ☐ evening  ☐ night"))],
                [_cell(tr("Walkers")), _cell("")],
                [_cell(""), _cell("")],
                [_cell(tr("Photo numbers")), _cell("")],
                [_cell(tr("Location")), _cell(f"{p.x:.0f}, {p.y:.0f}")],
            ]
            table = _table(
                layout,
                page,
                box_x,
                top,
                PAGE_W - MARGIN - box_x,
                detail_h,
                [],
                [22.0, 0.0],
                box_rows,
                7.5,
                1.2,
            )
            table.setRowHeights([7.6] * len(box_rows))
            y = top + detail_h + 4
            table = _table(
                layout,
                page,
                MARGIN,
                y,
                inner,
                PAGE_H - y - 11,
                check_headers,
                check_widths,
                checklist_rows,
                6.8,
                0.7,
            )
            table.setRowHeights([CHECK_ROW_HEIGHT] * len(checklist_rows))
            _footer(layout, page, footer.format(reference=info.reference or "-", page=page + 1))
        monitor.check()
        exporter = QgsLayoutExporter(layout)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 200
        settings.rasterizeWholeImage = False
        settings.exportMetadata = True
        # Text as text, not as outlines: a third of the size, and the PDF stays searchable.
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        result = exporter.exportToPdf(str(pdf_path), settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise InputError(
                N_("The field maps could not be written to {path}: {error}"),
                path=str(pdf_path),
                error=exporter.errorMessage() or str(result),
            )
        pages = layout.pageCollection().pageCount()
    finally:
        project.clear()
    monitor.set(100)
    return pages


def pages_expected(n_points: int) -> int:
    """Pages of the field maps for *n_points* points."""
    extra = max(0, n_points - OVERVIEW_ROWS_FIRST)
    return 1 + math.ceil(extra / OVERVIEW_ROWS_NEXT) + n_points
