"""The advice report ("advies ruimtelijke veiligheid"): a multi-page print layout from a saved scan.

The report is built from page templates (``resources/templates/*.qpt``, editable in the layout
designer) and exported to PDF. Every template is one A4 page; the builder loads a template
once per report page (``QgsLayout.loadFromTemplate``), moves its items onto that page and fills
them by item id:

==============  =============================================================================
template        item ids the builder fills (any item it does not know stays as it is)
==============  =============================================================================
title.qpt       house_bar, status, logo, organisation, doc_type, title, location, title_map,
                meta (a fixed table), footer
text.qpt        heading, subheading and body (style samples: the text flows in copies of them
                over as many pages as needed)
table.qpt       heading, intro, table (a fixed table; continues on further table pages), note
map.qpt         heading, intro, map, legend, scalebar, north_arrow, table, chart_1, note
chart.qpt       heading, intro, table, chart_1, chart_2, note
(all but title) header_organisation, header_reference, footer, page_number
==============  =============================================================================

House style: items whose id starts with ``house_`` and the labels heading, subheading and
doc_type get the house colour, as do the header rows of tables and the charts; organisation,
logo and colour come from the project variables ``@hotspot_organisation``, ``@hotspot_logo``
and ``@hotspot_colour``, else from Hotspot's settings. Slots the report does not use on a page
are removed; a slot missing from an edited template is skipped.

Privacy: incident counts from 1 to ``threshold - 1`` are published as ``"<threshold"``; rates,
changes and ratios derived from such counts are shown as "–" (see :class:`Formatter`). Charts
follow the same rule (see charts.py).

Reproducible: the content depends only on the saved scan, the GeoPackage and the settings; the
only date shown is the scan's own (its last update).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF
from qgis.PyQt.QtXml import QDomDocument
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry

from ..core import gpkg_blob, kde, schema
from ..core.advice import Advice, Catalogue, ChosenMeasure, Finding, format_number, load_catalogue, render
from ..core.categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from ..core.errors import InputError
from ..core.i18n import N_
from ..core.progress import Monitor, ensure
from ..core.scan import ScanResult, is_small
from ..core.schema import RISK_OBJECT_KINDS
from ..i18n import current_translator, tr
from ..paths import plugin_version, resource
from ..settings import Settings
from ..storage import gpkg
from ..storage.scans import ScanRecord
from ..storage.styles import RISK_OBJECT_STYLE, SEVERITY_COLOURS, simple_labels
from . import charts

TEMPLATES = ("title", "text", "table", "map", "chart")
#: Labels that get the house colour besides the items whose id starts with "house_".
HOUSE_LABELS = frozenset({"heading", "subheading", "doc_type"})
DEFAULT_COLOUR = "#1f4e79"
MM_PER_POINT = 25.4 / 72.0
#: QGIS draws layout text at ten times the size and scales the painter back (QgsLayoutUtils).
FONT_WORKAROUND_SCALE = 10.0
#: Share of a text area the flowing text may fill (room for rounding between measure and print).
TEXT_FILL = 0.97
KERNEL_NAMES = {
    0: N_("quartic"),
    1: N_("triangular"),
    2: N_("uniform"),
    3: N_("triweight"),
    4: N_("Epanechnikov"),
}
PRIORITY_NAMES = {1: N_("1 (high)"), 2: N_("2 (medium)"), 3: N_("3 (low)")}
SEVERITY_NAMES = {"rood": N_("red"), "oranje": N_("orange"), "groen": N_("green")}


# --------------------------------------------------------------------------------------------
# Language, numbers and dates
# --------------------------------------------------------------------------------------------


def speaks_dutch() -> bool:
    """True when Hotspot's Dutch translation is installed (the report is then in Dutch)."""
    translator = current_translator()
    if translator is None:
        return False
    try:
        return translator.language().lower().startswith("nl")
    except AttributeError:  # pragma: no cover - Qt < 5.15
        return True


def month_names() -> List[str]:
    """Full month names, January first, in the user's language."""
    return [
        tr("January"),
        tr("February"),
        tr("March"),
        tr("April"),
        tr("May"),
        tr("June"),
        tr("July"),
        tr("August"),
        tr("September"),
        tr("October"),
        tr("November"),
        tr("December"),
    ]


def _parse_iso(value: Any) -> Optional[dt.datetime]:
    if not value:
        return None
    text = str(value).strip().replace(" ", "T").rstrip("Z")
    try:
        return dt.datetime.fromisoformat(text[:19] if len(text) >= 19 else text)
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text[:10])
        except ValueError:
            return None


class Formatter:
    """Numbers, counts (with the small-count rule), changes, dates and periods as printed."""

    def __init__(self, threshold: int, dutch: Optional[bool] = None) -> None:
        self.threshold = int(threshold)
        self.dutch = speaks_dutch() if dutch is None else dutch
        self.decimal = "," if self.dutch else "."
        self.lang = "nl" if self.dutch else "en"

    def small(self, n: Optional[float]) -> bool:
        """True for a count that is published as "<threshold"."""
        return is_small(n, self.threshold)

    def num(self, value: Optional[float], decimals: int = 1) -> str:
        """A number with the language's decimal sign ("-" for None)."""
        text = format_number(value, decimals, self.decimal)
        return "–" if text == "-" else text

    def count(self, n: Optional[float]) -> str:
        """An incident count: ``"<5"`` when small, else the whole number."""
        if n is None:
            return "–"
        if self.small(n):
            return f"<{self.threshold}"
        return format_number(n, 0, self.decimal)

    def plain_count(self, n: Optional[float]) -> str:
        """A count that is not about persons (risk objects, inhabitants): never suppressed."""
        return "–" if n is None else format_number(n, 0, self.decimal)

    def pct(self, share: Optional[float], decimals: int = 0) -> str:
        """A share 0..1 as a percentage."""
        return "–" if share is None else format_number(share * 100.0, decimals, self.decimal) + "%"

    def rate(self, value: Optional[float], n: Optional[float]) -> str:
        """A rate derived from count *n*: "–" when *n* is small or the rate is undefined."""
        if value is None or self.small(n):
            return "–"
        if value == 0:
            return "0"
        return self.num(value, 2 if abs(value) < 10 else 1)

    def change(self, change: Optional[Dict[str, Any]], n: int, n_comparison: int) -> str:
        """The change against the comparison period as "+25% *" (significant) or "–"."""
        if not change or self.small(n) or self.small(n_comparison) or change.get("change_pct") is None:
            return "–"
        value = change["change_pct"]
        text = ("+" if value > 0 else "") + format_number(value, 0, self.decimal) + "%"
        return text + (" *" if change.get("significant") else "")

    def ratio(self, vs: Optional[Dict[str, Any]], n: int) -> str:
        """A rate ratio against the reference as "1,8 *" or "–"."""
        if not vs or vs.get("ratio") is None or self.small(n) or n == 0:
            return "–"
        return self.num(vs["ratio"], 1) + (" *" if vs.get("significant") else "")

    def date(self, value: Any) -> str:
        """A date as "3 March 2026" / "3 maart 2026" (empty when unreadable)."""
        d = _parse_iso(value)
        if d is None:
            return ""
        return f"{d.day} {month_names()[d.month - 1]} {d.year}"

    def period(self, pair: Sequence[Any]) -> str:
        """A half-open period [start, end) as its first and last day, "1 January 2025 to 31 ..."."""
        start, end = _parse_iso(pair[0]), _parse_iso(pair[1])
        if start is None or end is None:
            return "–"
        last = end - dt.timedelta(seconds=1)
        return tr("{start} to {end}").format(
            start=self.date(start.isoformat()), end=self.date(last.isoformat())
        )


# --------------------------------------------------------------------------------------------
# House style
# --------------------------------------------------------------------------------------------


@dataclass
class HouseStyle:
    """Organisation name, logo and house colour of the report."""

    organisation: str = ""
    logo: str = ""
    colour: str = DEFAULT_COLOUR

    @classmethod
    def resolve(
        cls,
        project: Optional[QgsProject] = None,
        settings: Optional[Settings] = None,
        fallback_organisation: str = "",
    ) -> "HouseStyle":
        """Project variables (@hotspot_organisation, @hotspot_logo, @hotspot_colour) first, then
        Hotspot's settings, then *fallback_organisation* (the scan's)."""
        settings = settings or Settings.load()
        values: Dict[str, str] = {}
        if project is not None:
            scope = QgsExpressionContextUtils.projectScope(project)
            for name in ("organisation", "logo", "colour"):
                value = scope.variable(f"hotspot_{name}")
                if value not in (None, "") and str(value).strip() and str(value) != "NULL":
                    values[name] = str(value).strip()
        organisation = values.get("organisation") or settings.organisation or fallback_organisation
        logo = values.get("logo") or settings.logo_path or ""
        if logo and not os.path.isabs(logo) and project is not None and project.homePath():
            logo = str(Path(project.homePath()) / logo)
        colour = values.get("colour") or settings.house_colour or DEFAULT_COLOUR
        if not QColor(colour).isValid():
            colour = DEFAULT_COLOUR
        return cls(organisation, logo if logo and Path(logo).is_file() else "", QColor(colour).name())


# --------------------------------------------------------------------------------------------
# Layout item helpers (the few differences between QGIS 3.22 and later versions live here)
# --------------------------------------------------------------------------------------------


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
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
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


def _bold(fmt: QgsTextFormat, bold: bool = True) -> QgsTextFormat:
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


@dataclass
class ReportResult:
    """What :func:`build_report` made: the layout, the PDF path and the sections' first pages.

    ``report`` keeps the layout's project and layers alive; :meth:`close` releases them in the
    right order when the layout is no longer needed."""

    layout: Optional[QgsPrintLayout]
    pages: int
    sections: Dict[str, int] = field(default_factory=dict)
    path: str = ""
    report: Optional["AdviceReport"] = None

    def close(self) -> None:
        """Delete the layout, then its private project and layers (see AdviceReport.close)."""
        self.layout = None
        if self.report is not None:
            self.report.close()
            self.report = None


Block = Tuple[str, str]  # ("h", subheading) or ("p", paragraph)


class AdviceReport:
    """Builds the print layout of the advice for one saved scan (see the module docstring).

    *work_dir* receives the chart PNGs and, when the scan has no saved heatmap, the density
    raster; it must outlive the layout (a temporary folder for a PDF export, a folder next to
    the PDF when the layout is opened in the designer). *project*: the layers are added to it
    (in a hidden group) when *add_layers_to_project*, else to a private project.
    """

    def __init__(
        self,
        gpkg_path: str,
        record: ScanRecord,
        work_dir: str,
        template_dir: Optional[str] = None,
        small_count: Optional[int] = None,
        status: Optional[str] = None,
        project: Optional[QgsProject] = None,
        house: Optional[HouseStyle] = None,
        add_layers_to_project: bool = False,
        dutch: Optional[bool] = None,
        monitor: Optional[Monitor] = None,
    ) -> None:
        self.gpkg = str(gpkg_path)
        self.record = record
        self.work_dir = Path(work_dir)
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.template_dir = Path(template_dir) if template_dir else resource("templates")
        self.monitor = ensure(monitor)
        if not record.results:
            raise InputError(
                N_("The scan {reference} has no results; run the environment scan first."),
                reference=record.reference or record.uuid,
            )
        self.result = ScanResult.from_json(record.results)
        self.advice = Advice.from_json(record.advice) if record.advice else Advice()
        threshold = small_count if small_count is not None else self.result.threshold
        if int(threshold) < 1:
            raise InputError(
                N_("The small-count threshold must be a whole number of at least 1, not " "{threshold}."),
                threshold=threshold,
            )
        self.fmt = Formatter(int(threshold), dutch)
        self.status = (status or record.status or "concept").strip().lower()
        if self.status not in ("concept", "definitief"):
            raise InputError(
                N_("The status must be concept or definitief, not {status}."), status=self.status
            )
        self.add_layers_to_project = add_layers_to_project
        self.project = project if (add_layers_to_project and project is not None) else QgsProject()
        self.house = house or HouseStyle.resolve(project, fallback_organisation=record.organisation)
        self.colour = QColor(self.house.colour)
        self.layout = QgsPrintLayout(self.project)
        self.layout.setName(tr("Advice {reference}").format(reference=record.reference or record.title))
        self.sections: Dict[str, int] = {}
        self._docs: Dict[str, Tuple[QDomDocument, QgsLayoutSize]] = {}
        self._keep: List[Any] = []
        self._chart_no = 0
        self._read_gpkg()

    def close(self) -> None:
        """Delete the layout and then its private project with the layers, in that order (a layout
        must not outlive its project), so the work folder can be removed. Not for a layout that
        was handed to the project's layout manager."""
        self.layout = None  # the last reference: the C++ layout is deleted here
        self._keep.clear()
        if not self.add_layers_to_project:
            self.project.removeAllMapLayers()
            self.project = None

    # ---- data ----------------------------------------------------------------------------------
    def _read_gpkg(self) -> None:
        """Category labels, the municipality, the sources, schouw details and the CRS."""
        self.category_labels: Dict[str, str] = {}
        self.municipality = ""
        self.sources: List[Tuple[str, int]] = []
        self.schouw_details: Dict[str, Dict[str, Any]] = {}
        con = gpkg.connect(self.gpkg)
        try:
            for cat in gpkg.read_categories(con):
                self.category_labels[cat.code] = (
                    cat.label_nl if self.fmt.dutch else cat.label_en
                ) or cat.code
            row = con.execute(f"SELECT value FROM {schema.METADATA} WHERE key = 'municipality'").fetchone()
            self.municipality = (row[0] or "") if row else ""
            self.gemeente_names = {
                str(r[0])
                for r in con.execute(f"SELECT name FROM {schema.AREAS} WHERE level = 'gemeente'")
                if r[0]
            }
            if not self.municipality:
                row = con.execute(
                    f"SELECT name FROM {schema.AREAS} WHERE level = 'gemeente' " f"ORDER BY code LIMIT 1"
                ).fetchone()
                self.municipality = (row[0] or "") if row else ""
            self.sources = [
                (str(s or tr("unknown source")), int(n))
                for s, n in con.execute(
                    f"SELECT source, count(*) FROM {schema.INCIDENTS} GROUP BY source "
                    f"ORDER BY count(*) DESC, source"
                )
            ]
            uuids = [it.get("uuid") for it in self.result.schouw.get("items", []) if it.get("uuid")]
            for start in range(0, len(uuids), 500):
                part = uuids[start : start + 500]
                marks = ",".join("?" * len(part))
                for row in con.execute(
                    f"SELECT uuid, description, action, owner, due_date, dagdeel "
                    f"FROM {schema.SCHOUW_FINDINGS} "
                    f"WHERE uuid IN ({marks})",
                    part,
                ):
                    self.schouw_details[row[0]] = {
                        "description": row[1] or "",
                        "action": row[2] or "",
                        "owner": row[3] or "",
                        "due_date": row[4] or "",
                        "dagdeel": row[5] or "",
                    }
            crs_text = self.record.parameters.get("gpkg_crs") or gpkg.crs_wkt(con, schema.INCIDENTS)
        finally:
            con.close()
        self.crs = QgsCoordinateReferenceSystem(str(crs_text))
        if not self.crs.isValid():
            self.crs = QgsCoordinateReferenceSystem(f"EPSG:{schema.DEFAULT_EPSG}")
        self.area: BaseGeometry = self.record.area
        width = float(self.result.parameters.get("ring_width") or 0.0)
        self.ring_width = width
        self.outer = self.area.buffer(width) if width > 0 else self.area
        self.ring = self.outer.difference(self.area) if width > 0 else None
        try:
            self.catalogue: Optional[Catalogue] = load_catalogue()
        except InputError:
            self.catalogue = None

    def field_label(self, code: Optional[str]) -> str:
        """The label of a safety field."""
        if code in SAFETY_FIELDS:
            return tr(SAFETY_FIELDS[code][1])
        return str(code or tr("unknown"))

    def category_label(self, code: Optional[str]) -> str:
        """The label of a category (from the GeoPackage, else the default catalogue)."""
        if code in self.category_labels:
            return f"{code} {self.category_labels[code]}"
        if code in CATEGORY_BY_CODE:
            c = CATEGORY_BY_CODE[code]
            return f"{code} {c.label_nl if self.fmt.dutch else c.label_en}"
        return str(code)

    def location(self) -> str:
        """The buurten the area lies in (largest share first) and the municipality."""
        buurten = [b for b in self.result.geography.get("buurten", []) if (b.get("share_area") or 0) > 0]
        names = []
        for b in buurten:
            name = b.get("name") or b.get("code") or ""
            if name and name not in names:
                names.append(name)
        municipality = self.municipality.split(" (")[0]
        parts = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
        if parts and municipality:
            return f"{parts}, {municipality}"
        return parts or municipality

    def reference_name(self) -> str:
        """What the area is compared with (the scan's reference: the municipality, the buurten
        together or a custom area)."""
        if self.result.parameters.get("reference_mode") is None:
            return tr("no reference area")
        if self.record.parameters.get("REFERENCE"):
            return tr("the reference area")
        saved = str(self.record.parameters.get("reference_name") or "").strip()
        if saved and saved not in self.gemeente_names:
            return saved
        municipality = saved or self.municipality.split(" (")[0]
        if not saved and not self.gemeente_names:  # the scan's default: the union of the buurten
            return tr("the buurten together")
        if municipality:
            return tr("the municipality of {name}").format(name=municipality)
        return tr("the municipality")

    def period_text(self) -> str:
        return self.fmt.period(self.result.parameters["period"])

    def comparison_text(self) -> str:
        return self.fmt.period(self.result.parameters["comparison"])

    def findings(self) -> List[Finding]:
        """The advice's findings, by priority (stable)."""
        return sorted(self.advice.findings, key=lambda f: int(f.priority or 2))

    def measures(self) -> List[ChosenMeasure]:
        return self.advice.sorted_measures()

    def render_finding(self, finding: Finding) -> str:
        return render(finding, tr, self.fmt.decimal, self.fmt.threshold)

    def measure_title(self, m: ChosenMeasure) -> str:
        return m.title(self.catalogue, self.fmt.lang)

    def owner_label(self, owner: str) -> str:
        if self.catalogue is not None and owner in self.catalogue.owners:
            return str(self.catalogue.owners[owner].get(self.fmt.lang) or owner)
        return owner or "–"

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
        return by_id

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
        label.setText(text)
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

    # ---- flowing text ----------------------------------------------------------------------------------
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
        label.setText(text)
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

    # ---- tables ------------------------------------------------------------------------------------------
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
        bold = _bold(table.contentTextFormat())
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

    # ---- map layers ---------------------------------------------------------------------------------------
    def _register(self, layer):
        """Add a layer to the report's project (in a hidden group of the user's project when the
        layout is opened in the designer); None when it is not valid."""
        if not layer.isValid():
            return None
        if self.add_layers_to_project:
            self.project.addMapLayer(layer, False)
            root = self.project.layerTreeRoot()
            name = tr("Advice {reference}").format(reference=self.record.reference)
            group = root.findGroup(name) or root.insertGroup(0, name)
            group.setItemVisibilityChecked(False)
            group.addLayer(layer)
        else:
            self.project.addMapLayer(layer, False)
        self._keep.append(layer)
        return layer

    def _memory(self, kind: str, name: str, fields: str = "") -> QgsVectorLayer:
        layer = QgsVectorLayer(f"{kind}?{fields}", name, "memory")
        layer.setCrs(self.crs)
        return layer

    def _polygon_layer(
        self,
        name: str,
        geometry: Optional[BaseGeometry],
        fill: str,
        outline: str,
        width: float,
        style: str = "solid",
    ) -> Optional[QgsVectorLayer]:
        if geometry is None or geometry.is_empty:
            return None
        layer = self._memory("MultiPolygon", name)
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        layer.dataProvider().addFeatures([feature])
        layer.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {
                        "color": fill,
                        "outline_color": outline,
                        "outline_width": str(width),
                        "outline_style": style,
                    }
                )
            )
        )
        return self._register(layer)

    def area_layer(self):
        if not hasattr(self, "_area_layer"):
            c = self.colour
            self._area_layer = self._polygon_layer(
                tr("Scan area"), self.area, f"{c.red()},{c.green()},{c.blue()},28", c.name(), 0.8
            )
        return self._area_layer

    def ring_layer(self):
        if not hasattr(self, "_ring_layer"):
            self._ring_layer = self._polygon_layer(
                tr("Ring of {width} m").format(width=self.fmt.num(self.ring_width, 0)),
                self.ring,
                "128,128,128,22",
                "#7f7f7f",
                0.45,
                "dash",
            )
        return self._ring_layer

    def _gpkg_layer(self, name: str, title: str, subset: str = ""):
        layer = QgsVectorLayer(gpkg.layer_uri(self.gpkg, name), title, "ogr")
        if not layer.isValid():
            return None
        if subset:
            layer.setSubsetString(subset)
        return layer

    def streets_layer(self):
        if not hasattr(self, "_streets_layer"):
            layer = self._gpkg_layer(schema.STREETS, tr("Streets"))
            if layer is not None and layer.featureCount() > 0:
                layer.setRenderer(QgsSingleSymbolRenderer(_line_symbol("#c8c8c8", 0.3)))
                self._streets_layer = self._register(layer)
            else:
                self._streets_layer = None
        return self._streets_layer

    def buurten_layer(self):
        if not hasattr(self, "_buurten_layer"):
            layer = self._gpkg_layer(
                schema.AREAS, tr("Neighbourhood (buurt) boundary"), "\"level\" = 'buurt'"
            )
            if layer is not None:
                layer.setRenderer(
                    QgsSingleSymbolRenderer(
                        QgsFillSymbol.createSimple(
                            {
                                "color": "255,255,255,0",
                                "outline_color": "#595959",
                                "outline_width": "0.3",
                                "outline_style": "dot",
                            }
                        )
                    )
                )
                layer.setLabeling(simple_labels("name", 7.0, "#595959", buffer_size=0.7, font="Arial"))
                layer.setLabelsEnabled(True)
                self._buurten_layer = self._register(layer)
            else:
                self._buurten_layer = None
        return self._buurten_layer

    def risk_layer(self):
        if not hasattr(self, "_risk_layer"):
            items = []
            for zone in ("area", "ring"):
                items += self.result.where.get("risk_objects", {}).get(zone, {}).get("items", [])
            if not items:
                self._risk_layer = None
                return None
            layer = self._memory("Point", tr("Risk objects"), "field=kind:string&field=name:string")
            features = []
            for it in items:
                f = QgsFeature(layer.fields())
                f.setGeometry(QgsGeometry.fromWkt(f"POINT ({it['x']} {it['y']})"))
                f.setAttributes([it.get("kind") or "", it.get("name") or ""])
                features.append(f)
            layer.dataProvider().addFeatures(features)
            kinds = sorted(
                {it.get("kind") or "" for it in items},
                key=lambda k: (list(RISK_OBJECT_STYLE).index(k) if k in RISK_OBJECT_STYLE else 99, k),
            )
            categories = []
            from qgis.core import QgsRendererCategory

            for kind in kinds:
                colour, shape = RISK_OBJECT_STYLE.get(kind, ("#636363", "circle"))
                symbol = QgsMarkerSymbol.createSimple(
                    {
                        "name": shape,
                        "color": colour,
                        "size": "2.6" if shape == "cross_fill" else "2.4",
                        "outline_color": colour if shape == "cross_fill" else "white",
                        "outline_width": "0.25",
                    }
                )
                label = tr(RISK_OBJECT_KINDS[kind]) if kind in RISK_OBJECT_KINDS else kind
                categories.append(QgsRendererCategory(kind, symbol, label))
            layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
            self._risk_layer = self._register(layer)
        return self._risk_layer

    def zones_layer(self):
        if not hasattr(self, "_zones_layer"):
            zones = self.record.parameters.get("zones") or []
            layer = None
            if zones:
                layer = self._memory("MultiPolygon", tr("Hotspot zone"), "field=rank:integer")
                features = []
                for z in zones:
                    geometry = QgsGeometry.fromWkt(str(z.get("wkt") or ""))
                    if geometry is None or geometry.isNull():
                        continue
                    f = QgsFeature(layer.fields())
                    f.setGeometry(geometry)
                    f.setAttributes([int(z.get("rank") or 0)])
                    features.append(f)
                layer.dataProvider().addFeatures(features)
                layer.setRenderer(
                    QgsSingleSymbolRenderer(
                        QgsFillSymbol.createSimple(
                            {"color": "255,255,255,0", "outline_color": "#67000d", "outline_width": "0.6"}
                        )
                    )
                )
                layer = self._register(layer) if features else None
            self._zones_layer = layer
        return self._zones_layer

    def schouw_layer(self):
        items = self.result.schouw.get("items", [])
        if not items:
            return None
        layer = self._memory("Point", tr("Inspection findings"), "field=nr:integer&field=severity:string")
        features = []
        for k, it in enumerate(items, start=1):
            f = QgsFeature(layer.fields())
            f.setGeometry(QgsGeometry.fromWkt(f"POINT ({it['x']} {it['y']})"))
            f.setAttributes([k, it.get("severity") or ""])
            features.append(f)
        layer.dataProvider().addFeatures(features)
        from qgis.core import QgsRendererCategory

        categories = []
        for severity in ("rood", "oranje", "groen"):
            symbol = QgsMarkerSymbol.createSimple(
                {
                    "name": "circle",
                    "color": SEVERITY_COLOURS[severity],
                    "size": "3.4",
                    "outline_color": "#333333",
                    "outline_width": "0.3",
                }
            )
            categories.append(QgsRendererCategory(severity, symbol, tr(SEVERITY_NAMES[severity])))
        layer.setRenderer(QgsCategorizedSymbolRenderer("severity", categories))
        layer.setLabeling(simple_labels("nr", 7.0, "#1a1a1a", buffer_size=0.7, font="Arial"))
        layer.setLabelsEnabled(True)
        return self._register(layer)

    # ---- heatmap ---------------------------------------------------------------------------------------
    def heatmap(self) -> Tuple[Optional[QgsRasterLayer], Dict[str, Any]]:
        """The scan's density raster, or one computed now from the incidents of the period."""
        if hasattr(self, "_heatmap"):
            return self._heatmap
        info: Dict[str, Any] = dict(self.record.parameters.get("heatmap") or {})
        info.setdefault("source", "scan")
        layer = None
        path = info.get("path")
        if path:
            full = Path(path) if os.path.isabs(str(path)) else Path(self.gpkg).parent / str(path)
            if full.is_file():
                layer = QgsRasterLayer(str(full), tr("Incident density"), "gdal")
        if layer is None or not layer.isValid():
            layer = None
            info["source"] = "report"
            computed = self._compute_heatmap(info)
            if computed:
                layer = QgsRasterLayer(computed, tr("Incident density"), "gdal")
        if layer is not None and layer.isValid():
            self._style_heatmap(layer)
            layer = self._register(layer)
        else:
            layer = None
        self._heatmap = (layer, info)
        return self._heatmap

    def _compute_heatmap(self, info: Dict[str, Any]) -> str:
        """Kernel density of the period's incidents around the area (written as GeoTIFF)."""
        x, y = self.incident_points()
        if x.size < 2:
            info["note"] = "too_few"
            return ""
        radius = info.get("radius")
        pixel = info.get("pixel")
        if not radius or not pixel:
            try:
                radius, pixel, _template, _params = kde.suggest_parameters(x, y, cell_target=250_000)
            except InputError:
                info["note"] = "too_few"
                return ""
        radius, pixel = float(radius), float(pixel)
        kernel = kernel_index(info.get("kernel", 0))
        saved = info.get("grid")
        grid = None
        if isinstance(saved, (list, tuple)) and len(saved) == 4:  # the scan's own grid: the same raster
            try:
                grid = kde.Grid(float(saved[0]), float(saved[1]), pixel, int(saved[2]), int(saved[3]))
            except (InputError, TypeError, ValueError):
                grid = None
        if grid is None or grid.n_cells > 4_000_000:
            xmin, ymin, xmax, ymax = self.outer.bounds
            pad = 0.15 * max(xmax - xmin, ymax - ymin)
            grid = kde.grid_for_extent(xmin - pad, ymin - pad, xmax + pad, ymax + pad, pixel, snap=True)
            if grid.n_cells > 4_000_000:
                pixel = pixel * math.ceil(math.sqrt(grid.n_cells / 4_000_000))
                grid = kde.grid_for_extent(xmin - pad, ymin - pad, xmax + pad, ymax + pad, pixel, snap=True)
        values, touched = kde.density(x, y, None, radius, grid, kernel=kernel, monitor=self.monitor.sub(0, 1))
        info.update({"radius": radius, "pixel": pixel, "kernel": kernel})
        out = np.where(touched, values, -9999.0).astype("float32")
        path = str(self.work_dir / "heatmap.tif")
        import rasterio
        from rasterio.transform import Affine

        transform = Affine(grid.pixel, 0.0, grid.x_min, 0.0, -grid.pixel, grid.y_max)
        with rasterio.open(
            path,
            "w",
            driver="GTiff",
            width=grid.cols,
            height=grid.rows,
            count=1,
            dtype="float32",
            nodata=-9999.0,
            transform=transform,
            crs=self.crs.toWkt() or None,
        ) as ds:
            ds.write(out, 1)
        return path

    def incident_points(self) -> Tuple[np.ndarray, np.ndarray]:
        """The period's incidents within reach of the area (selected fields and categories)."""
        xmin, ymin, xmax, ymax = self.outer.bounds
        pad = 0.15 * max(xmax - xmin, ymax - ymin) + 1000.0
        start, end = self.result.parameters["period"]
        sql = (
            f"SELECT i.geom FROM {schema.INCIDENTS} i JOIN rtree_{schema.INCIDENTS}_geom r ON i.fid = r.id "
            f"WHERE r.minx >= ? AND r.maxx <= ? AND r.miny >= ? AND r.maxy <= ? "
            f"AND i.occurred_at >= ? AND i.occurred_at < ?"
        )
        args: List[Any] = [xmin - pad, xmax + pad, ymin - pad, ymax + pad, start, end]
        for column, values in (
            ("safety_field", self.result.parameters.get("fields")),
            ("category", self.result.parameters.get("categories")),
        ):
            if values:
                sql += f" AND i.{column} IN ({','.join('?' * len(values))})"
                args += list(values)
        con = gpkg.connect(self.gpkg)
        try:
            rows = con.execute(sql, args).fetchall()
        except sqlite3.Error:
            rows = con.execute(
                sql.replace(f" JOIN rtree_{schema.INCIDENTS}_geom r ON i.fid = r.id", "").replace(
                    "r.minx >= ? AND r.maxx <= ? AND r.miny >= ? AND r.maxy <= ? AND ", ""
                ),
                args[4:],
            ).fetchall()
        finally:
            con.close()
        xs, ys = [], []
        for (blob,) in rows:
            raw = gpkg_blob.blob_wkb(blob)
            if not raw:
                continue
            if len(raw) == 21:
                order = "<" if raw[0] == 1 else ">"
                px, py = struct.unpack_from(order + "dd", raw, 5)
            else:
                point = shapely_wkb.loads(raw)
                px, py = point.x, point.y
            xs.append(px)
            ys.append(py)
        return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)

    @staticmethod
    def _style_heatmap(layer: QgsRasterLayer) -> None:
        import rasterio

        with rasterio.open(layer.source()) as ds:
            values = ds.read(1, masked=True)
        top = float(values.max()) if values.count() and float(values.max()) > 0 else 1.0
        stops = [
            (0.0, QColor(255, 255, 204, 0), tr("low")),
            (0.12 * top, QColor(255, 237, 160, 150), ""),
            (0.35 * top, QColor(254, 178, 76, 200), ""),
            (0.65 * top, QColor(240, 59, 32, 220), ""),
            (top, QColor(128, 0, 38, 235), tr("high")),
        ]
        ramp = QgsColorRampShader(0.0, top)
        ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
        ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, c, text) for v, c, text in stops])
        try:
            from qgis.core import QgsColorRampLegendNodeSettings

            legend = QgsColorRampLegendNodeSettings()
            legend.setUseContinuousLegend(True)
            legend.setMinimumLabel(tr("low"))
            legend.setMaximumLabel(tr("high"))
            ramp.setLegendSettings(legend)
        except ImportError:  # pragma: no cover - before QGIS 3.18
            pass
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
        renderer.setClassificationMin(0.0)
        renderer.setClassificationMax(top)
        layer.setRenderer(renderer)

    # ---- maps ------------------------------------------------------------------------------------------
    def setup_map(
        self,
        items: Dict[str, Any],
        layers: Sequence[Any],
        legend_layers: Sequence[Any],
        extent: Tuple[float, float, float, float],
        ident: str = "map",
    ) -> None:
        """Show *layers* (top first) in map slot *ident*, zoomed to *extent*; link its legend,
        scale bar and north arrow."""
        map_item = items.get(ident)
        if not isinstance(map_item, QgsLayoutItemMap):
            return
        layers = [layer for layer in layers if layer is not None]
        map_item.setCrs(self.crs)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
        map_item.setKeepLayerStyles(False)
        rect = item_rect(map_item)
        xmin, ymin, xmax, ymax = extent
        cx, cy = (xmin + xmax) / 2.0, (ymin + ymax) / 2.0
        w, h = xmax - xmin, ymax - ymin
        ratio = rect.w / max(rect.h, 1e-9)
        if w / max(h, 1e-9) < ratio:
            w = h * ratio
        else:
            h = w / ratio
        map_item.setExtent(QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
        legend = items.get("legend")
        if ident == "map" and isinstance(legend, QgsLayoutItemLegend):
            legend.setLinkedMap(map_item)
            legend.setAutoUpdateModel(False)
            # the legend's own layer tree (it owns it, so it lives as long as the layout)
            root = legend.model().rootGroup()
            root.removeAllChildren()
            for layer in legend_layers:
                if layer is not None:
                    root.addLayer(layer)
            legend.setTitle(tr("Legend"))
            self._wrap_legend(legend, root)
            legend.adjustBoxSize()
            legend.refresh()
        scalebar = items.get("scalebar")
        if ident == "map" and isinstance(scalebar, QgsLayoutItemScaleBar):
            self._scalebar(scalebar, map_item)
        north = items.get("north_arrow")
        if ident == "map" and isinstance(north, QgsLayoutItemPicture):
            north.setLinkedMap(map_item)

    def _wrap_legend(self, legend: QgsLayoutItemLegend, root: Any) -> None:
        """Break long legend texts into lines that fit the legend's width (its wrap string is a
        line break in the templates); leave out the band name of the density raster."""
        from qgis.core import QgsLegendStyle, QgsMapLayerLegendUtils

        if legend.wrapString() != "\n":
            return
        if hasattr(legend, "styleFont"):
            font = QFont(legend.styleFont(QgsLegendStyle.Style.SymbolLabel))
            title_font = QFont(legend.styleFont(QgsLegendStyle.Style.Subgroup))
        else:  # pragma: no cover - QGIS 4
            font = legend.style(QgsLegendStyle.Style.SymbolLabel).textFormat().toQFont()
            title_font = legend.style(QgsLegendStyle.Style.Subgroup).textFormat().toQFont()
        width = item_rect(legend).w - 2 * legend.boxSpace()
        label_width = width - legend.symbolWidth() - 3.0
        model = legend.model()
        for node in root.findLayers():
            nodes = model.layerLegendNodes(node, False)
            if isinstance(node.layer(), QgsRasterLayer) and len(nodes) > 1:
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
            node.setCustomProperty("legend/title-label", wrap_text(node.name(), title_font, width))
            for index, legend_node in enumerate(nodes):
                text = legend_node.data(Qt.ItemDataRole.DisplayRole)
                if text:
                    QgsMapLayerLegendUtils.setLegendNodeUserLabel(
                        node, index, wrap_text(str(text), font, label_width)
                    )
            model.refreshLayerLegend(node)

    def _scalebar(self, scalebar: QgsLayoutItemScaleBar, map_item: QgsLayoutItemMap) -> None:
        scalebar.setLinkedMap(map_item)
        map_width = map_item.extent().width()
        # a bar of about a third of the map's width (at most 60 mm): the item sizes itself to it
        target = map_width * min(0.35, 60.0 / max(1.0, item_rect(map_item).w))
        exponent = math.floor(math.log10(max(target, 1e-9)))
        nice = max(s * 10**exponent for s in (1, 2, 2.5, 5) if s * 10**exponent <= target)
        segments = max(1, scalebar.numberOfSegments())
        if nice >= 1000:
            scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
            scalebar.setUnitLabel("km")
            scalebar.setMapUnitsPerScaleBarUnit(1000.0)
            scalebar.setUnitsPerSegment(nice / 1000.0 / segments)
            if hasattr(scalebar, "numericFormat"):
                from qgis.core import QgsBasicNumericFormat

                number_format = QgsBasicNumericFormat()
                number_format.setNumberDecimalPlaces(2)
                number_format.setShowTrailingZeros(False)
                if self.fmt.dutch and hasattr(number_format, "setDecimalSeparator"):
                    number_format.setDecimalSeparator(",")
                scalebar.setNumericFormat(number_format)
        else:
            scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
            scalebar.setUnitLabel("m")
            scalebar.setMapUnitsPerScaleBarUnit(1.0)
            scalebar.setUnitsPerSegment(nice / segments)
        scalebar.setSegmentSizeMode(QgsScaleBarSettingsFixed)
        scalebar.refresh()

    def extent(
        self, geometry: BaseGeometry, margin: float = 0.08, minimum: float = 300.0
    ) -> Tuple[float, float, float, float]:
        xmin, ymin, xmax, ymax = geometry.bounds
        cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        half = max(xmax - xmin, ymax - ymin, minimum) * (0.5 + margin)
        return cx - half, cy - half, cx + half, cy + half

    # ---- the document ------------------------------------------------------------------------------------
    def build(self) -> QgsPrintLayout:
        """All pages, in the CCV order (see the module docstring)."""
        steps: List[Tuple[str, Callable[[], None]]] = [
            ("title", self.page_title),
            ("summary", self.page_summary),
            ("introduction", self.page_introduction),
            ("area", self.page_area),
            ("results", self.page_results),
            ("schouw", self.page_schouw),
            ("conclusions", self.page_conclusions),
            ("recommendations", self.page_recommendations),
            ("appendix", self.page_appendix),
        ]
        for k, (key, step) in enumerate(steps):
            self.monitor.check()
            self.start_section(key)
            step()
            self.monitor.set(100.0 * (k + 1) / len(steps))
        return self.layout

    # title ---------------------------------------------------------------------------------------
    def page_title(self) -> None:
        items = self.add_page("title")
        record = self.record
        self.set_text(items, "status", (tr("final") if self.status == "definitief" else tr("draft")).upper())
        self.set_text(items, "organisation", self.house.organisation or record.organisation, shrink=True)
        self.set_text(
            items, "doc_type", tr("Spatial safety advice (advies ruimtelijke veiligheid)"), shrink=True
        )
        self.set_text(items, "title", record.title or tr("Environment scan"), shrink=True, min_points=12)
        self.set_text(items, "location", self.location(), shrink=True)
        logo = items.get("logo")
        if isinstance(logo, QgsLayoutItemPicture) and self.house.logo:
            logo.setPicturePath(self.house.logo)
        else:
            self.remove(items, "logo")
        status = tr("final") if self.status == "definitief" else tr("draft")
        rows = [
            (tr("Reference number"), record.reference or "–"),
            (tr("Version"), str(record.version)),
            (tr("Status"), status),
            (tr("Date"), self.fmt.date(record.updated_at or record.created_at) or "–"),
            (tr("Author"), record.author or "–"),
            (tr("Organisation"), self.house.organisation or record.organisation or "–"),
            (tr("Data period"), self.period_text()),
        ]
        self.fill_table(items, "meta", ["", ""], rows, [0.3, 0.7])
        self.setup_map(
            items,
            [self.area_layer(), self.ring_layer(), self.buurten_layer(), self.streets_layer()],
            [],
            self.extent(self.outer, 0.45),
            ident="title_map",
        )
        self.set_text(
            items,
            "footer",
            tr("Made with Hotspot {version} from the saved scan {uuid}.").format(
                version=plugin_version(), uuid=record.uuid
            ),
        )

    # summary --------------------------------------------------------------------------------------
    def total(self) -> Dict[str, Any]:
        return self.result.group("total") or {}

    def change_phrase(self, group: Dict[str, Any]) -> str:
        """A sentence part about the change in the area against the comparison period."""
        area = group.get("area") or {}
        n, n_c = int(area.get("n", 0)), int(area.get("n_comparison", 0))
        ch = (group.get("change") or {}).get("area") or {}
        if self.fmt.small(n) or self.fmt.small(n_c):
            return tr("the change is not given because of the small numbers")
        if n_c == 0:
            return (
                tr("no incidents in the comparison period") if n == 0 else tr("none in the comparison period")
            )
        pct = ch.get("change_pct")
        if pct is None:
            return tr("the change cannot be computed")
        amount = format_number(abs(pct), 0, self.fmt.decimal) + "%"
        if ch.get("significant"):
            return (
                tr("a significant increase of {change}")
                if pct > 0
                else tr("a significant decrease of {change}")
            ).format(change=amount)
        return tr("a change of {change} that is not significant").format(
            change=("+" if pct > 0 else "−" if pct < 0 else "") + amount
        )

    def reference_phrase(self, group: Dict[str, Any]) -> str:
        """A sentence about the rate against the reference area ('' when not available)."""
        n = int((group.get("area") or {}).get("n", 0))
        vs = group.get("vs_reference") or {}
        inhabitants = (self.result.geography.get("inhabitants") or {}).get("area") or 0
        basis = "per_1000" if inhabitants >= 100 and vs.get("per_1000") else "per_km2"
        v = vs.get(basis)
        if not v or v.get("ratio") is None or n == 0 or self.fmt.small(n):
            return ""
        template = (
            tr("Per 1,000 inhabitants that is {ratio} times the rate of {reference} ({significance}).")
            if basis == "per_1000"
            else tr("Per km² that is {ratio} times the rate of {reference} ({significance}).")
        )
        significance = tr("significant") if v.get("significant") else tr("not significant")
        return template.format(
            ratio=self.fmt.num(v["ratio"], 1), reference=self.reference_name(), significance=significance
        )

    def page_summary(self) -> None:
        total = self.total()
        area = total.get("area") or {}
        n, n_c = int(area.get("n", 0)), int(area.get("n_comparison", 0))
        blocks: List[Block] = []
        blocks.append(
            (
                "p",
                tr(
                    "This advice describes the spatial safety of {location} ({title}). It rests on the "
                    "incidents registered in the period {period}, compared with the comparison period "
                    "{comparison} and with {reference}, on the functions in and around the area and on "
                    "the findings of a neighbourhood inspection (buurtschouw) where one was held."
                ).format(
                    location=self.location() or tr("the scan area"),
                    title=self.record.title or self.record.reference,
                    period=self.period_text(),
                    comparison=self.comparison_text(),
                    reference=self.reference_name(),
                ),
            )
        )
        if n == 0 and n_c == 0:
            blocks.append(
                (
                    "p",
                    tr(
                        "No incidents were registered in the scan area in the period or in the comparison "
                        "period."
                    ),
                )
            )
        else:
            text = tr(
                "In the period {n} incidents were registered in the scan area ({n_comparison} in the "
                "comparison "
                "period: {change})."
            ).format(n=self.fmt.count(n), n_comparison=self.fmt.count(n_c), change=self.change_phrase(total))
            ref = self.reference_phrase(total)
            blocks.append(("p", text + (" " + ref if ref else "")))
            fields = [g for g in self.result.groups_of("field") if (g["area"]["n"] or 0) > 0]
            fields.sort(key=lambda g: -g["area"]["n"])
            if fields:
                listed = "; ".join(
                    f"{self.field_label(g['code'])} ({self.fmt.count(g['area']['n'])})" for g in fields[:5]
                )
                blocks.append(
                    ("p", tr("Incidents in the period by safety field: {fields}.").format(fields=listed))
                )
        findings = self.findings()
        if findings:
            high = [f for f in findings if int(f.priority or 2) == 1]
            blocks.append(("h", tr("Main findings")))
            blocks.append(
                (
                    "p",
                    tr("The analysis leads to {n} findings, {high} of them with high priority.").format(
                        n=len(findings), high=len(high)
                    ),
                )
            )
            for f in (high or findings)[:6]:
                blocks.append(("p", "•  " + self.render_finding(f)))
        else:
            blocks.append(("h", tr("Main findings")))
            blocks.append(("p", tr("The analysis leads to no findings that call for measures.")))
        measures = self.measures()
        if measures:
            blocks.append(("h", tr("Recommended measures")))
            first = [m for m in measures if m.priority == 1] or measures[:3]
            blocks.append(
                (
                    "p",
                    tr("{n} measures are recommended (chapter 6). To be taken up first:").format(
                        n=len(measures)
                    ),
                )
            )
            for m in first[:6]:
                blocks.append(
                    (
                        "p",
                        "•  "
                        + tr("{measure} (owner: {owner})").format(
                            measure=self.measure_title(m), owner=self.owner_label(m.owner)
                        ),
                    )
                )
        schouw = self.result.schouw or {}
        if schouw.get("n_open"):
            sev = schouw.get("by_severity") or {}
            blocks.append(
                (
                    "p",
                    tr(
                        "The neighbourhood inspection left {n} open findings in the area, {red} of them "
                        "red (chapter 4)."
                    ).format(n=schouw["n_open"], red=sev.get("rood", 0)),
                )
            )
        self.flow_text(tr("Summary"), blocks)

    # introduction ---------------------------------------------------------------------------------
    def page_introduction(self) -> None:
        geo = self.result.geography
        params = self.result.parameters
        inh = geo.get("inhabitants") or {}
        blocks: List[Block] = [("h", tr("1.1 Reason"))]
        blocks.append(
            (
                "p",
                tr(
                    "This advice on spatial safety (advies ruimtelijke veiligheid) was drawn up for "
                    "{title}. It follows the structure the CCV recommends for a safety analysis: a "
                    "description of the area, the results per safety field of the VNG Kernbeleid "
                    "Veiligheid, the findings of the neighbourhood inspection, conclusions and "
                    "recommendations with priorities."
                ).format(title=self.record.title or self.location() or self.record.reference),
            )
        )
        blocks.append(("h", tr("1.2 Area")))
        buurten = [
            b.get("name") or b.get("code") for b in geo.get("buurten", []) if (b.get("share_area") or 0) > 0
        ]
        km2 = self.fmt.num(geo.get("area_km2"), 2)
        if buurten:
            parts = [
                tr("The scan area covers {km2} km² and lies in {buurten}.").format(
                    km2=km2, buurten=", ".join(buurten)
                )
            ]
        else:
            parts = [tr("The scan area covers {km2} km².").format(km2=km2)]
        if self.ring_width > 0:
            parts.append(
                tr(
                    "A ring of {width} m around it ({ring_km2} km²) is included as context, so that problems "
                    "just outside the area are seen too."
                ).format(
                    width=self.fmt.num(self.ring_width, 0), ring_km2=self.fmt.num(geo.get("ring_km2"), 2)
                )
            )
        if inh.get("area"):
            parts.append(
                tr("About {inhabitants} people live in the area.").format(
                    inhabitants=self.fmt.plain_count(inh["area"])
                )
            )
        parts.append(tr("The figures are compared with {reference}.").format(reference=self.reference_name()))
        blocks.append(("p", " ".join(parts)))
        blocks.append(("h", tr("1.3 Method")))
        blocks.append(
            (
                "p",
                tr(
                    "The incidents in the safety GeoPackage were counted in the area and in the ring, per "
                    "safety field and per category, in the period and in the comparison period. Changes "
                    "and the comparison with the reference area were tested with exact tests. A density "
                    "map (heatmap) with hotspot zones shows where incidents concentrate; the weekday and "
                    "the hour show when they happen. Findings follow from fixed rules and propose "
                    "measures from Hotspot's catalogue; the author checked and completed them. Appendix A "
                    "gives the details."
                ),
            )
        )
        blocks.append(("h", tr("1.4 Sources and period")))
        blocks.append(
            (
                "p",
                tr(
                    "Period: {period} ({days} days). Comparison period: {comparison} ({comparison_days} "
                    "days)."
                ).format(
                    period=self.period_text(),
                    days=self.fmt.num(params.get("period_days"), 0),
                    comparison=self.comparison_text(),
                    comparison_days=self.fmt.num(params.get("comparison_days"), 0),
                ),
            )
        )
        sources = "; ".join(f"{name} ({self.fmt.plain_count(n)})" for name, n in self.sources[:8]) or tr(
            "none"
        )
        blocks.append(
            (
                "p",
                tr(
                    "Sources of the incidents (number of records in the safety GeoPackage): {sources}. "
                    "Inhabitants and dwellings: the buurten in the safety GeoPackage (CBS Wijken en "
                    "Buurten). Risk objects: the layer risk objects of the safety GeoPackage."
                ).format(sources=sources),
            )
        )
        fields = params.get("fields")
        categories = params.get("categories")
        selection = (
            tr("All safety fields and categories were included.")
            if not fields and not categories
            else tr("Included: {fields}; categories: {categories}.").format(
                fields=", ".join(self.field_label(f) for f in fields) if fields else tr("all safety fields"),
                categories=", ".join(categories) if categories else tr("all"),
            )
        )
        blocks.append(
            (
                "p",
                selection
                + " "
                + tr('Counts from 1 to {below} are shown as "<{threshold}" to protect ' "privacy.").format(
                    below=self.fmt.threshold - 1, threshold=self.fmt.threshold
                ),
            )
        )
        blocks.append(("h", tr("1.5 Reading guide")))
        blocks.append(
            (
                "p",
                tr(
                    "Chapter 2 describes the area and its functions, chapter 3 gives the results per safety "
                    "field, chapter 4 the findings of the neighbourhood inspection, chapter 5 the "
                    "conclusions and chapter 6 the recommended measures. Appendix A explains the method."
                ),
            )
        )
        self.flow_text(tr("1 Introduction"), blocks)

    # area description ---------------------------------------------------------------------------------
    def page_area(self) -> None:
        items = self.add_page("map", tr("2 Description of the area"))
        geo = self.result.geography
        inh = geo.get("inhabitants") or {}
        dwellings = geo.get("dwellings") or {}
        risk = self.result.where.get("risk_objects") or {}
        by_area = (risk.get("area") or {}).get("by_kind") or {}
        by_ring = (risk.get("ring") or {}).get("by_kind") or {}
        if any((b.get("share_area") or 0) > 0 for b in geo.get("buurten", [])):
            text = tr(
                "The scan area covers {km2} km² with about {inhabitants} inhabitants and {dwellings} "
                "dwellings "
                "(apportioned from the buurten by area share)."
            ).format(
                km2=self.fmt.num(geo.get("area_km2"), 2),
                inhabitants=self.fmt.plain_count(inh.get("area")),
                dwellings=self.fmt.plain_count(dwellings.get("area")),
            )
        else:
            text = tr("The scan area covers {km2} km²; no buurt with population figures covers it.").format(
                km2=self.fmt.num(geo.get("area_km2"), 2)
            )
        if self.ring_width > 0:
            text += " " + tr(
                "The ring of {width} m covers {km2} km² with about {inhabitants} inhabitants."
            ).format(
                width=self.fmt.num(self.ring_width, 0),
                km2=self.fmt.num(geo.get("ring_km2"), 2),
                inhabitants=self.fmt.plain_count(inh.get("ring")),
            )
        if by_area:
            kinds = sorted(by_area.items(), key=lambda kv: (-kv[1], kv[0]))
            listed = ", ".join(f"{self.kind_label(k)} {self.fmt.plain_count(v)}" for k, v in kinds[:6])
            text += " " + tr("Functions (risk objects) in the area: {functions}.").format(functions=listed)
        else:
            text += " " + tr("No risk objects are registered in the area.")
        self.set_text(items, "intro", text, shrink=True)
        layers = [
            self.risk_layer(),
            self.area_layer(),
            self.ring_layer(),
            self.buurten_layer(),
            self.streets_layer(),
        ]
        self.setup_map(
            items,
            layers,
            [self.area_layer(), self.ring_layer(), self.buurten_layer(), self.risk_layer()],
            self.extent(self.outer),
        )
        buurten = [b for b in geo.get("buurten", [])]
        buurten.sort(
            key=lambda b: (-(b.get("share_area") or 0), -(b.get("share_ring") or 0), b.get("code") or "")
        )
        headers = [
            tr("Buurt"),
            tr("Code"),
            tr("Inhabitants"),
            tr("Share in area"),
            tr("Share in ring"),
            tr("Inhabitants in area"),
        ]
        shares = [0.26, 0.17, 0.13, 0.14, 0.14, 0.16]
        right = [False, False, True, True, True, True]

        def rows_for(shown: int) -> List[List[str]]:
            rows = []
            for b in buurten[:shown]:
                rows.append(
                    [
                        b.get("name") or "",
                        b.get("code") or "",
                        self.fmt.plain_count(b.get("inhabitants")),
                        self.fmt.pct(b.get("share_area"), 1),
                        self.fmt.pct(b.get("share_ring"), 1),
                        self.fmt.plain_count((b.get("inhabitants") or 0) * (b.get("share_area") or 0)),
                    ]
                )
            rest = buurten[shown:]
            if rest:
                rows.append(
                    [
                        tr("Other buurten ({n})").format(n=len(rest)),
                        "",
                        "",
                        "",
                        "",
                        self.fmt.plain_count(
                            sum((b.get("inhabitants") or 0) * (b.get("share_area") or 0) for b in rest)
                        ),
                    ]
                )
            rows.append([tr("Total"), "", "", "", "", self.fmt.plain_count(inh.get("area"))])
            return rows

        rows = rows_for(len(buurten))
        table = None
        if buurten:
            table = self.fill_table(items, "table", headers, rows, shares, right, bold_rows=[len(rows) - 1])
        else:
            self.remove(items, "table")
        if table is not None:
            fit = self.rows_that_fit(table)
            if fit < len(rows):  # the buurten with the smallest shares are summed up in one row
                rows = rows_for(max(0, fit - 2))
                self.fill_table(items, "table", headers, rows, shares, right, bold_rows=[len(rows) - 1])
        kinds = sorted(
            set(by_area) | set(by_ring), key=lambda k: (-(by_area.get(k, 0) + by_ring.get(k, 0)), k)
        )
        if kinds:
            labels = [self.kind_label(k) for k in kinds][:10]
            series = [
                (tr("Scan area"), [by_area.get(k, 0) for k in kinds][:10], self.colour.name()),
                (tr("Ring"), [by_ring.get(k, 0) for k in kinds][:10], charts.COMPARISON_COLOUR),
            ]
            self.set_picture(
                items,
                "chart_1",
                lambda path, w, h: charts.bar_chart(
                    labels,
                    series,
                    path,
                    None,
                    title=tr("Functions: risk objects by kind"),
                    width_mm=w,
                    height_mm=h,
                ),
            )
        else:
            self.remove(items, "chart_1")
        self.set_text(
            items,
            "note",
            tr(
                "Inhabitants and dwellings are apportioned from the buurten by area share: "
                "people are assumed to be spread evenly over their buurt."
            ),
            shrink=True,
        )

    def kind_label(self, kind: str) -> str:
        return tr(RISK_OBJECT_KINDS[kind]) if kind in RISK_OBJECT_KINDS else kind

    # results ----------------------------------------------------------------------------------------
    def result_headers(self, first: str) -> List[str]:
        return [
            first,
            tr("Period"),
            tr("Compar. period"),
            tr("Change"),
            tr("Ring"),
            tr("Per 1,000 inh."),
            tr("Per km²"),
            tr("Reference per 1,000"),
            tr("Ratio to reference"),
        ]

    def result_row(self, label: str, group: Dict[str, Any]) -> List[str]:
        area = group.get("area") or {}
        ring = group.get("ring") or {}
        reference = group.get("reference") or {}
        n, n_c = int(area.get("n", 0)), int(area.get("n_comparison", 0))
        vs = group.get("vs_reference") or {}
        inhabitants = (self.result.geography.get("inhabitants") or {}).get("area") or 0
        basis = "per_1000" if inhabitants >= 100 and vs.get("per_1000") else "per_km2"
        ratio = self.fmt.ratio(vs.get(basis), n)
        if ratio != "–" and basis == "per_km2":
            ratio += " ²"
        return [
            label,
            self.fmt.count(n),
            self.fmt.count(n_c),
            self.fmt.change((group.get("change") or {}).get("area"), n, n_c),
            self.fmt.count(ring.get("n")),
            self.fmt.rate(area.get("per_1000"), n),
            self.fmt.rate(area.get("per_km2"), n),
            self.fmt.rate(reference.get("per_1000"), reference.get("n")),
            ratio,
        ]

    RESULT_SHARES = (0.25, 0.075, 0.09, 0.11, 0.065, 0.1, 0.1, 0.11, 0.1)
    RESULT_RIGHT = (False, True, True, True, True, True, True, True, True)

    def result_note(self) -> str:
        return tr(
            "* significant (p < {alpha}). –: not computable, or based on fewer than {threshold} incidents. "
            "Counts from 1 to {below} are shown as <{threshold}. Rates per period; ² ratio per km² (too few "
            "inhabitants for a ratio per 1,000)."
        ).format(
            alpha=self.fmt.num(self.result.parameters.get("alpha", 0.05), 2),
            threshold=self.fmt.threshold,
            below=self.fmt.threshold - 1,
        )

    def field_groups(self) -> List[Dict[str, Any]]:
        return self.result.groups_of("field")

    def page_results(self) -> None:
        heading = tr("3 Results per safety field")
        items = self.add_page("map", heading)
        total = self.total()
        area = total.get("area") or {}
        n, n_ring = int(area.get("n", 0)), int((total.get("ring") or {}).get("n", 0))
        layer, info = self.heatmap()
        text = tr(
            "In the period {period}, {n} incidents were registered in the scan area and {n_ring} in the "
            "ring."
        ).format(period=self.period_text(), n=self.fmt.count(n), n_ring=self.fmt.count(n_ring))
        if layer is not None:
            text += " " + tr(
                "The map shows the density of the incidents (kernel density, radius {radius} m) and the "
                "hotspot zones."
            ).format(radius=self.fmt.num(info.get("radius"), 0))
        else:
            text += " " + tr("There are too few incidents for a density map.")
        zones = self.result.where.get("zones") or []
        if len(zones) == 1:
            text += " " + tr("One hotspot zone lies (partly) in the area; it covers {share} of it.").format(
                share=self.fmt.pct(self.result.where.get("zone_share_of_area"))
            )
        elif zones:
            text += " " + tr(
                "{k} hotspot zones lie (partly) in the area; together they cover {share} of it."
            ).format(k=len(zones), share=self.fmt.pct(self.result.where.get("zone_share_of_area")))
        elif self.record.parameters.get("zones"):
            text += " " + tr("No hotspot zone lies in the area.")
        empty = [
            self.field_label(g["code"])
            for g in self.field_groups()
            if not (g["area"]["n"] or g["area"]["n_comparison"])
        ]
        if empty and n + int(area.get("n_comparison", 0)) > 0:
            text += " " + tr("No incidents in the area in: {fields}.").format(fields=", ".join(empty))
        self.set_text(items, "intro", text, shrink=True)
        zones_layer = self.zones_layer()
        layers = [
            zones_layer,
            self.area_layer(),
            self.ring_layer(),
            self.buurten_layer(),
            layer,
            self.streets_layer(),
        ]
        self.setup_map(
            items,
            layers,
            [layer, zones_layer, self.area_layer(), self.ring_layer(), self.buurten_layer()],
            self.extent(self.outer),
        )
        rows = [self.result_row(tr("All incidents"), total)]
        rows += [self.result_row(self.field_label(g["code"]), g) for g in self.field_groups()]
        self.fill_table(
            items,
            "table",
            self.result_headers(tr("Safety field")),
            rows,
            self.RESULT_SHARES,
            self.RESULT_RIGHT,
            bold_rows=[0],
        )
        groups = self.field_groups()
        labels = [self.field_label(g["code"]) for g in groups]
        series = [
            (tr("Period"), [g["area"]["n"] for g in groups], self.colour.name()),
            (tr("Comparison period"), [g["area"]["n_comparison"] for g in groups], charts.COMPARISON_COLOUR),
        ]
        if any(g["area"]["n"] or g["area"]["n_comparison"] for g in groups):
            self.set_picture(
                items,
                "chart_1",
                lambda path, w, h: charts.bar_chart(
                    labels,
                    series,
                    path,
                    self.fmt.threshold,
                    title=tr("Incidents in the scan area by safety field"),
                    width_mm=w,
                    height_mm=h,
                ),
            )
        else:
            self.remove(items, "chart_1")
        self.set_text(items, "note", self.result_note(), shrink=True)
        number = 0
        for g in groups:
            if not (g["area"]["n"] or g["area"]["n_comparison"]):
                continue
            number += 1
            self.monitor.check()
            self.page_field(g, number)

    def page_field(self, group: Dict[str, Any], number: int) -> None:
        code = group["code"]
        label = self.field_label(code)
        items = self.add_page("chart", f"3.{number} {label}")
        area = group["area"]
        n, n_c = int(area["n"]), int(area["n_comparison"])
        text = tr(
            "{n} incidents in the scan area in the period ({n_comparison} in the comparison period: "
            "{change})."
        ).format(n=self.fmt.count(n), n_comparison=self.fmt.count(n_c), change=self.change_phrase(group))
        ref = self.reference_phrase(group)
        if ref:
            text += " " + ref
        when = (self.result.when.get("groups") or {}).get(group["key"]) or {}
        dd = when.get("dagdeel") or {}
        late = int(dd.get("avond", 0)) + int(dd.get("nacht", 0))
        if n >= self.fmt.threshold and sum(dd.values() or [0]) > 0:
            text += " " + tr("{share} of them happened in the evening or at night (19:00-07:00).").format(
                share=self.fmt.pct(late / max(1, sum(int(v) for v in dd.values())))
            )
        zones = (self.result.where.get("incidents_in_zones") or {}).get(group["key"]) or {}
        if zones.get("share") is not None and n >= self.fmt.threshold and self.result.where.get("zones"):
            text += " " + tr("{share} lie in hotspot zones.").format(share=self.fmt.pct(zones["share"]))
        self.set_text(items, "intro", text, shrink=True)
        categories = [
            g
            for g in self.result.groups_of("category")
            if g.get("safety_field") == code
            and (g["area"]["n"] or g["area"]["n_comparison"] or g["ring"]["n"])
        ]
        categories.sort(key=lambda g: (-g["area"]["n"], -g["area"]["n_comparison"], g["code"]))
        headers = self.result_headers(tr("Category"))
        rows = [self.result_row(tr("Whole field"), group)] + [
            self.result_row(self.category_label(g["code"]), g) for g in categories
        ]
        table = self.fill_table(
            items, "table", headers, rows, self.RESULT_SHARES, self.RESULT_RIGHT, bold_rows=[0], shrink=0.0
        )
        keep = len(rows)
        while table is not None and keep > 1 and self.rows_that_fit(table) < len(rows):
            # the smallest categories are summed up in one row until the table fits its frame
            keep = min(keep, self.rows_that_fit(table)) - 1
            rest = categories[max(0, keep - 1) :]
            other = {
                "area": {
                    "n": sum(g["area"]["n"] for g in rest),
                    "n_comparison": sum(g["area"]["n_comparison"] for g in rest),
                },
                "ring": {"n": sum(g["ring"]["n"] for g in rest)},
            }
            rows = rows[:keep] + [self.result_row(tr("Other categories ({n})").format(n=len(rest)), other)]
            table = self.fill_table(
                items,
                "table",
                headers,
                rows,
                self.RESULT_SHARES,
                self.RESULT_RIGHT,
                bold_rows=[0],
                shrink=0.0,
            )
        months = self.result.when.get("months") or []
        if months and when:
            self.set_picture(
                items,
                "chart_1",
                lambda path, w, h: charts.trend_chart(
                    months,
                    when.get("months_period") or [0] * len(months),
                    when.get("months_comparison") or [0] * len(months),
                    path,
                    self.fmt.threshold,
                    colour=self.colour.name(),
                    title=tr("Incidents per month in the scan area"),
                    subtitle=label,
                    width_mm=w,
                    height_mm=h,
                ),
            )
        else:
            self.remove(items, "chart_1")
        bands = self.dagdelen() or None
        if when.get("weekday_hour"):
            self.set_picture(
                items,
                "chart_2",
                lambda path, w, h: charts.weekday_hour_chart(
                    when["weekday_hour"],
                    path,
                    self.fmt.threshold,
                    colour=self.colour.name(),
                    title=tr("Weekday and hour (period, scan area)"),
                    subtitle=label,
                    dagdelen=bands,
                    width_mm=w,
                    height_mm=h,
                ),
            )
        else:
            self.remove(items, "chart_2")
        self.set_text(items, "note", self.result_note(), shrink=True)

    def dagdelen(self) -> List[Tuple[str, int, int]]:
        """The day parts of the scan as (name, first hour, end hour): day, evening, night."""
        names = {"dag": tr("day"), "avond": tr("evening"), "nacht": tr("night")}
        parts = self.result.parameters.get("dagdelen") or {}
        order = sorted(parts, key=lambda k: (list(names).index(k) if k in names else 9, k))
        return [(names.get(k, k), int(parts[k][0]), int(parts[k][1])) for k in order]

    # schouw ---------------------------------------------------------------------------------------------
    def page_schouw(self) -> None:
        heading = tr("4 Findings of the neighbourhood inspection")
        schouw = self.result.schouw or {}
        found = schouw.get("items") or []
        if not found:
            self.flow_text(
                heading,
                [
                    (
                        "p",
                        tr(
                            "Open findings of a neighbourhood inspection (buurtschouw) in the scan area: "
                            "none."
                        ),
                    ),
                    (
                        "p",
                        tr(
                            "When a buurtschouw is held with Hotspot's buurtschouw tools and its "
                            "findings are imported, they appear in this chapter after the scan "
                            "has been run again."
                        ),
                    ),
                ],
            )
            return
        items = self.add_page("map", heading)
        sev = schouw.get("by_severity") or {}
        self.set_text(
            items,
            "intro",
            tr(
                "The neighbourhood inspection left {n} open findings in the scan area: {red} "
                "red, {orange} orange and {green} green. The numbers on the map refer to the "
                "table."
            ).format(
                n=len(found), red=sev.get("rood", 0), orange=sev.get("oranje", 0), green=sev.get("groen", 0)
            ),
            shrink=True,
        )
        layer = self.schouw_layer()
        self.setup_map(
            items,
            [layer, self.area_layer(), self.ring_layer(), self.buurten_layer(), self.streets_layer()],
            [layer, self.area_layer()],
            self.extent(self.area),
        )
        rows = []
        for k, it in enumerate(found, start=1):
            details = self.schouw_details.get(it.get("uuid") or "", {})
            severity = it.get("severity") or ""
            colour = SEVERITY_COLOURS.get(severity)
            rows.append(
                [
                    str(k),
                    (tr(SEVERITY_NAMES[severity]) if severity in SEVERITY_NAMES else severity, colour),
                    checklist_text(it.get("checklist_item") or ""),
                    details.get("description", ""),
                    details.get("action", "") or "–",
                    self.owner_label(details.get("owner", "")),
                    self.fmt.date(details.get("due_date")) or "–",
                ]
            )
        self.remove(items, "chart_1")
        self.fill_table(
            items,
            "table",
            [
                tr("No."),
                tr("Severity"),
                tr("Checklist item"),
                tr("Description"),
                tr("Action"),
                tr("Owner"),
                tr("Due date"),
            ],
            rows,
            [0.05, 0.1, 0.17, 0.25, 0.18, 0.12, 0.13],
            continuation=heading,
        )
        self.set_text(
            items,
            "note",
            tr(
                "Open findings (status not closed) inside the scan area; colours: red, orange, "
                "green as recorded during the inspection."
            ),
            shrink=True,
        )

    # conclusions ----------------------------------------------------------------------------------------
    def page_conclusions(self) -> None:
        findings = self.findings()
        blocks: List[Block] = []
        if not findings:
            blocks.append(
                (
                    "p",
                    tr(
                        "The analysis leads to no findings: none of the rules in appendix A applies to the "
                        "figures of this scan, and the author added none."
                    ),
                )
            )
            total = self.total().get("area") or {}
            if not (total.get("n") or total.get("n_comparison")):
                blocks.append(
                    (
                        "p",
                        tr(
                            "No incidents were registered in the scan area in the period or in the "
                            "comparison period."
                        ),
                    )
                )
        else:
            blocks.append(
                (
                    "p",
                    tr(
                        "The analysis leads to the following findings, the most urgent first. The numbers "
                        "in brackets refer to the measures in chapter 6."
                    ),
                )
            )
            numbers = {id(m): k for k, m in enumerate(self.measures(), start=1)}
            number = 0
            for priority in (1, 2, 3):
                group = [f for f in findings if int(f.priority or 2) == priority]
                if not group:
                    continue
                blocks.append(("h", tr("Priority {priority}").format(priority=tr(PRIORITY_NAMES[priority]))))
                for f in group:
                    number += 1
                    linked = sorted(
                        numbers[id(m)] for m in self.advice.measures_for(f.id) if id(m) in numbers
                    )
                    text = self.render_finding(f)
                    if linked:
                        text += " " + tr("(measures {numbers})").format(
                            numbers=", ".join(str(k) for k in linked)
                        )
                    blocks.append(("p", f"{number}.  {text}"))
        self.flow_text(tr("5 Conclusions"), blocks)

    # recommendations ------------------------------------------------------------------------------------
    def page_recommendations(self) -> None:
        heading = tr("6 Recommendations")
        measures = self.measures()
        if not measures:
            self.flow_text(heading, [("p", tr("No measures are recommended."))])
            return
        items = self.add_page("table", heading)
        self.set_text(
            items,
            "intro",
            tr(
                "The measures below are recommended, by priority (1 = take up first). The "
                "owner takes the lead; the finding numbers refer to chapter 5."
            ),
            shrink=True,
        )
        finding_no = {f.id: k for k, f in enumerate(self.findings(), start=1)}
        rows = []
        for k, m in enumerate(measures, start=1):
            text = ""
            if m.measure_id and self.catalogue is not None and m.measure_id in self.catalogue.measures:
                text = self.catalogue.measures[m.measure_id].description(self.fmt.lang)
            if m.note:
                text = (text + "\n" + m.note) if text else m.note
            linked = [str(finding_no[i]) for i in m.finding_ids if i in finding_no]
            if linked:
                text = (text + "\n" if text else "") + tr("Follows from finding(s) {numbers}.").format(
                    numbers=", ".join(linked)
                )
            rows.append(
                [
                    str(k),
                    self.measure_title(m),
                    text or "–",
                    tr(PRIORITY_NAMES.get(m.priority, PRIORITY_NAMES[2])),
                    self.owner_label(m.owner),
                    self.fmt.date(m.due_date) or "–",
                ]
            )
        self.fill_table(
            items,
            "table",
            [tr("No."), tr("Measure"), tr("Description"), tr("Priority"), tr("Owner"), tr("Due date")],
            rows,
            [0.05, 0.2, 0.45, 0.1, 0.12, 0.08],
            continuation=heading,
            bold_columns=[1],
        )
        self.set_text(
            items,
            "note",
            tr("Measures from Hotspot's measures catalogue (CPTED, ZETA, PKVW) or added by " "the author."),
            shrink=True,
        )

    # appendix ---------------------------------------------------------------------------------------
    def page_appendix(self) -> None:
        params = self.result.parameters
        methods = self.result.methods or {}
        blocks: List[Block] = [("h", tr("Periods and area"))]
        blocks.append(
            (
                "p",
                tr(
                    "Period {period}; comparison period {comparison}. Periods include their first day and "
                    "end before the day after their last day; times are local clock times."
                ).format(period=self.period_text(), comparison=self.comparison_text()),
            )
        )
        mode = params.get("reference_mode")
        blocks.append(
            (
                "p",
                tr("Ring width {width} m. Reference: {reference} ({mode}).").format(
                    width=self.fmt.num(self.ring_width, 0),
                    reference=self.reference_name(),
                    mode=tr("contains the scan area")
                    if mode == "nested"
                    else tr("separate from the scan area")
                    if mode == "separate"
                    else tr("none"),
                ),
            )
        )
        layer, info = self.heatmap()
        blocks.append(("h", tr("Density map and hotspot zones")))
        if layer is not None:
            name = tr(KERNEL_NAMES[kernel_index(info.get("kernel", 0))])
            text = tr(
                "Kernel density of the incidents of the period: kernel {kernel}, radius {radius} m, "
                "pixel size "
                "{pixel} m."
            ).format(
                kernel=name,
                radius=self.fmt.num(info.get("radius"), 0),
                pixel=self.fmt.num(info.get("pixel"), 0),
            )
            if info.get("source") == "report":
                text += " " + tr(
                    "The scan saved no density raster; the report computed this one from the incidents "
                    "of the period in and around the area (unweighted)."
                )
            blocks.append(("p", text))
        else:
            blocks.append(
                ("p", tr("No density map: fewer than two incidents in and around the area in the period."))
            )
        if self.record.parameters.get("zones") is not None:
            blocks.append(
                (
                    "p",
                    tr(
                        "Hotspot zones: the cells with the highest 5% of the density values, joined into "
                        "zones ({n} zones around the area)."
                    ).format(n=len(self.record.parameters.get("zones") or [])),
                )
            )
        blocks.append(("h", tr("Statistical tests")))
        for key in ("change", "reference", "apportioning"):
            m = methods.get(key)
            if m:
                blocks.append(("p", "•  " + _fill(tr(m["template"]), m.get("params") or {}, self.fmt)))
        blocks.append(
            (
                "p",
                tr("Significance level {alpha}. Rates are per period (not per year).").format(
                    alpha=self.fmt.num(params.get("alpha", 0.05), 2)
                ),
            )
        )
        blocks.append(("h", tr("Time of day")))
        dagdelen = self.dagdelen()
        if dagdelen:
            blocks.append(
                ("p", "; ".join(f"{name} {first:02d}:00-{end:02d}:00" for name, first, end in dagdelen) + ".")
            )
        blocks.append(("h", tr("Privacy")))
        blocks.append(
            (
                "p",
                tr(
                    'Counts from 1 to {below} are published as "<{threshold}"; rates, changes and ratios '
                    "based on them are not shown, and charts show them hatched. The scan itself used the "
                    "threshold {scan_threshold}."
                ).format(
                    below=self.fmt.threshold - 1,
                    threshold=self.fmt.threshold,
                    scan_threshold=self.result.threshold,
                ),
            )
        )
        blocks.append(("h", tr("Findings")))
        blocks.append(
            (
                "p",
                tr(
                    "Findings are drafted by fixed rules (high rate against the reference, significant "
                    "change, evening and night, concentration in hotspot zones, risk objects near hotspot "
                    "zones, red inspection findings) and checked by the author; each proposes measures "
                    "from the measures catalogue."
                ),
            )
        )
        near = self.record.parameters.get("near_repeat")
        if isinstance(near, dict):
            template = near.get("conclusion_template")
            if template:  # translated into the report's language
                conclusion = _fill(tr(str(template)), near.get("conclusion_params") or {}, self.fmt)
            else:
                conclusion = str(near.get("conclusion") or "")
            blocks.append(("h", tr("Near-repeat")))
            blocks.append(
                (
                    "p",
                    tr(
                        "Knox test of the {n} burglaries of the period and the comparison period "
                        "({permutations} permutations, seed {seed}): {conclusion}"
                    ).format(
                        n=self.fmt.plain_count(near.get("n_incidents")),
                        permutations=near.get("permutations", "–"),
                        seed=near.get("seed", "–"),
                        conclusion=conclusion,
                    ),
                )
            )
        warnings = self.result.warnings or []
        if warnings:
            blocks.append(("h", tr("Remarks")))
            for w in warnings:
                blocks.append(
                    ("p", "•  " + _fill(tr(w.get("message") or ""), w.get("params") or {}, self.fmt))
                )
        blocks.append(("h", tr("Data and software")))
        n_in = self.result.n_incidents or {}
        blocks.append(
            (
                "p",
                tr("Incidents read: {input}; used after the selection: {used}. Sources: {sources}.").format(
                    input=self.fmt.plain_count(n_in.get("input")),
                    used=self.fmt.plain_count(n_in.get("used")),
                    sources=", ".join(name for name, _n in self.sources) or tr("none"),
                ),
            )
        )
        blocks.append(("p", self._software_text()))
        self.flow_text(tr("Appendix A Method"), blocks)

    def _software_text(self) -> str:
        return tr(
            "Scan {reference} (uuid {uuid}), version {scan_version}, made on {created}, last updated on "
            "{updated}, "
            "with Hotspot {plugin}; this report was made with Hotspot {report_plugin}."
        ).format(
            reference=self.record.reference or "–",
            uuid=self.record.uuid,
            scan_version=self.record.version,
            created=self.fmt.date(self.record.created_at) or "–",
            updated=self.fmt.date(self.record.updated_at) or "–",
            plugin=self.record.plugin_version or "–",
            report_plugin=plugin_version(),
        )


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

#: The header row's style group (a scoped enum from QGIS 3.28 on).
HEADER_ROW = getattr(QgsLayoutTable, "HeaderRow", None)
if HEADER_ROW is None:  # pragma: no cover - QGIS 4
    HEADER_ROW = QgsLayoutTable.CellStyleGroup.HeaderRow

try:  # the enum moved in QGIS 3.24+
    from qgis.core import QgsScaleBarSettings

    QgsScaleBarSettingsFixed = QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed
except (ImportError, AttributeError):  # pragma: no cover
    QgsScaleBarSettingsFixed = 0


def kernel_index(value: Any) -> int:
    """The kernel as QGIS's number (0 quartic ... 4 Epanechnikov) from a number or an English name."""
    names = {"quartic": 0, "triangular": 1, "uniform": 2, "triweight": 3, "epanechnikov": 4}
    text = str(value).strip().lower()
    if text.isdigit() and int(text) in KERNEL_NAMES:
        return int(text)
    return names.get(text, 0)


def checklist_text(item: str) -> str:
    """A checklist item code as text: "verlichting.te_donker" -> "verlichting: te donker"."""
    head, _dot, rest = str(item).partition(".")
    return f"{head}: {rest.replace('_', ' ')}" if rest else head.replace("_", " ")


def _line_symbol(colour: str, width: float):
    from qgis.core import QgsLineSymbol

    return QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width)})


def _fill(template: str, params: Dict[str, Any], fmt: Formatter) -> str:
    """A translated method or warning template with its parameters (numbers in the user's style)."""
    shown = {}
    for k, v in params.items():
        if isinstance(v, bool) or v is None:
            shown[k] = "" if v is None else str(v)
        elif isinstance(v, int):
            shown[k] = fmt.plain_count(v)
        elif isinstance(v, float):
            shown[k] = fmt.num(v, 0 if float(v).is_integer() else 2 if abs(v) < 10 else 1)
        else:
            shown[k] = str(v)
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template


def export_pdf(layout: QgsPrintLayout, path: str) -> None:
    """Export *layout* to a PDF at *path* (text as text, so it can be searched and copied)."""
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.exportMetadata = True
    settings.appendGeoreference = False
    try:
        from qgis.core import Qgis

        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    except AttributeError:  # QGIS 3.22
        from qgis.core import QgsRenderContext

        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    result = exporter.exportToPdf(str(path), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise InputError(
            N_(
                "The PDF {path} could not be written (error {code}: {error}). Check that the folder "
                "exists and that the file is not open in another program."
            ),
            path=str(path),
            code=int(result),
            error=exporter.errorMessage(),
        )


def build_report(
    gpkg_path: str, record: ScanRecord, output: str, work_dir: str, **options: Any
) -> ReportResult:
    """Build the advice layout for *record* and export it to the PDF *output* (see AdviceReport)."""
    monitor = ensure(options.pop("monitor", None))
    report = AdviceReport(gpkg_path, record, work_dir, monitor=monitor.sub(0, 70), **options)
    try:
        report.build()
        monitor.check()
        pages = report.layout.pageCollection().pageCount()
        if output:
            export_pdf(report.layout, output)
    except BaseException:
        report.close()
        raise
    monitor.set(100)
    return ReportResult(
        layout=report.layout,
        pages=pages,
        sections=dict(report.sections),
        path=str(output or ""),
        report=report,
    )


__all__ = [
    "AdviceReport",
    "Formatter",
    "HouseStyle",
    "ReportResult",
    "build_report",
    "export_pdf",
    "speaks_dutch",
    "text_height",
    "TEMPLATES",
]
