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

Modules, one concern each:

==================  ========================================================================
report.py           :class:`AdviceReport` (the orchestrator: pages in the CCV order) and
                    :func:`build_report`
facts.py            what the GeoPackage adds to the scan; labels and phrases sections share
sections_*.py       the pages: verdict (the advice, its conditions, the CPTED table; first
                    after the title page; without it "CONCEPT" on every page), front (title,
                    summary), area (1, 2), results (3), trend
                    (development over the years), evaluation (measures at this place),
                    findings (4 schouw, 5 conclusions, 6 measures), appendix (A, method)
monitor_facts.py    the area monitor and emerging hot spots of the scan area (for trend)
document.py         the layout: pages from templates, house colour, header and footer
flow.py, tables.py  flowing text over pages; tables that continue or shrink to fit
maps.py, layers.py  map frames (extent, legend, scale bar); the map layers
heatmap.py          the density raster (saved by the scan or computed here)
text.py             numbers, dates and periods in the user's language
disclosure.py       the small-count rule (:class:`Formatter`)
house.py, items.py  the house style; layout item helpers (QGIS version differences)
export.py           the PDF export
==================  ========================================================================

The SQL lives in storage/report_queries.py.
"""

from .disclosure import Formatter
from .document import TEMPLATES
from .export import export_pdf
from .house import HouseStyle
from .items import text_height
from .report import AdviceReport, ReportResult, build_report

__all__ = [
    "AdviceReport",
    "Formatter",
    "HouseStyle",
    "ReportResult",
    "build_report",
    "export_pdf",
    "text_height",
    "TEMPLATES",
]
