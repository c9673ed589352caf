"""The pages of the environment-scan wizard ("Omgevingsscan"); their map tools are in gui/map_tools.py.

1. :class:`AreaPage`: the safety GeoPackage and the scan area (a feature of a map layer, a polygon
   drawn on the map, or a point with a radius), the context ring; or a saved scan to open again.
2. :class:`DataPage`: period and comparison period, safety fields, categories, reference area,
   small-count threshold, title and author.
3. :class:`AnalysisPage`: runs hotspot:environmentscan as a task (progress, Cancel) and shows the
   saved results: a table, a month trend, a weekday x hour table and a map preview.
4. :class:`AdvicePage`: the drafted findings and their measures, editable.
5. :class:`VerdictPage`: the verdict: what is judged, the CPTED principles scored, the advice
   (positive / under conditions / negative) and its conditions.
6. :class:`SavePage`: summary, status, save; the PDF report and the buurtschouw when available.

The pages hold widgets and check input; the wizard (:mod:`.scan_wizard`) holds the scan record,
the advice and the running task. No analysis happens here.

One module per page (area_page, data_page, analysis_page with map_preview, advice_page, verdict_page,
save_page)
and common.py for what they share; the SQL they need is in storage/wizard_queries.py.
"""

from ..map_tools import PointMapTool, PolygonMapTool
from .advice_page import AdvicePage
from .analysis_page import AnalysisPage
from .area_page import AreaPage
from .common import FIELD_CODES, GpkgInfo, read_gpkg_info, show_message
from .data_page import DataPage
from .map_preview import MapPreview
from .save_page import SavePage
from .verdict_page import VerdictPage

__all__ = [
    "AreaPage",
    "DataPage",
    "AnalysisPage",
    "AdvicePage",
    "SavePage",
    "VerdictPage",
    "PolygonMapTool",
    "PointMapTool",
    "MapPreview",
    "GpkgInfo",
    "read_gpkg_info",
    "show_message",
    "FIELD_CODES",
]
