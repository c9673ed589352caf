"""The advice report's orchestrator: :class:`AdviceReport` builds the pages of one saved scan in
the CCV order; :func:`build_report` builds and exports it (see the package docstring)."""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from qgis.core import QgsPrintLayout, QgsProject
from qgis.PyQt.QtGui import QColor

from ...core.advice import Advice
from ...core.errors import InputError
from ...core.i18n import N_
from ...core.progress import Monitor, ensure
from ...core.scan import ScanResult
from ...core.verdict import Verdict
from ...i18n import tr
from ...paths import resource
from ...storage.scans import ScanRecord
from .disclosure import Formatter
from .document import Document
from .export import export_pdf
from .facts import ReportFacts
from .house import HouseStyle
from .layers import MapLayers
from .sections_appendix import AppendixSection
from .sections_area import AreaSections
from .sections_evaluation import EvaluationSection
from .sections_findings import FindingSections
from .sections_front import FrontSections
from .sections_results import ResultSections
from .sections_trend import TrendSection
from .sections_verdict import VerdictSection

#: ``verdict=SAVED`` (the default): the verdict saved with the scan record.
SAVED = "saved"


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


class AdviceReport(ReportFacts, VerdictSection, FrontSections, AreaSections, ResultSections, TrendSection,
                   EvaluationSection, FindingSections, AppendixSection):
    """Builds the print layout of the advice for one saved scan (see the package docstring).

    The pages are drawn by the section mixins into :attr:`doc` (a :class:`~.document.Document`:
    templates, text, tables, maps) with the layers of :attr:`layers` (a :class:`~.layers.MapLayers`).

    *work_dir* receives the chart PNGs and, when the scan has no saved heatmap, the density
    raster; it must outlive the layout (a temporary folder for a PDF export, a folder next to
    the PDF when the layout is opened in the designer). *project*: the layers are added to it
    (in a hidden group) when *add_layers_to_project*, else to a private project.

    *verdict*: the advisor's verdict (core.verdict) that opens the report; by default the one saved
    with the record; None: no verdict. Without a verdict the report is a concept whatever *status*
    says; a concept report (no verdict, or the status concept) has "CONCEPT" on every page.
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
        verdict: Any = SAVED,
    ) -> None:
        self.gpkg = str(gpkg_path)
        self.record = record
        self.work_dir = Path(work_dir)
        self.work_dir.mkdir(parents=True, exist_ok=True)
        template_folder = Path(template_dir) if template_dir else resource("templates")
        self.monitor = ensure(monitor)
        if record.results is None:
            raise InputError(
                N_("The scan {reference} has no results; run the environment scan first."),
                reference=record.reference or record.uuid,
            )
        self.result: ScanResult = record.results
        self.advice: Advice = record.advice or Advice()
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
        self.verdict: Optional[Verdict] = record.verdict if verdict is SAVED else verdict
        if self.verdict is not None:
            self.verdict.validate()
        else:
            self.status = "concept"  # without a verdict the advice is not final
        self.add_layers_to_project = add_layers_to_project
        self.project = project if (add_layers_to_project and project is not None) else QgsProject()
        self.house = house or HouseStyle.resolve(project, fallback_organisation=record.organisation)
        self.colour = QColor(self.house.colour)
        layout = QgsPrintLayout(self.project)
        layout.setName(tr("Advice {reference}").format(reference=record.reference or record.title))
        self._read_gpkg()
        self.doc: Optional[Document] = Document(
            layout,
            template_folder,
            self.work_dir,
            self.colour,
            record,
            self.house,
            self.status,
            self.crs,
            self.fmt.dutch,
        )
        self.doc.draft_mark = self.draft_mark()
        self.layers = MapLayers(self)

    @property
    def layout(self) -> Optional[QgsPrintLayout]:
        """The print layout (None after :meth:`close`)."""
        return self.doc.layout if self.doc is not None else None

    @property
    def sections(self) -> Dict[str, int]:
        """The first page (1-based) of each section built so far."""
        return self.doc.sections if self.doc is not None else {}

    def close(self) -> None:
        """Delete the layout and then its private project with the layers, in that order (a layout
        must not outlive its project), so the work folder can be removed. Not for a layout that
        was handed to the project's layout manager."""
        if self.doc is not None:
            self.doc.layout = None  # the last reference: the C++ layout is deleted here
            self.doc = None
        self.layers.close()
        if not self.add_layers_to_project:
            self.project.removeAllMapLayers()
            self.project = None

    def build(self) -> QgsPrintLayout:
        """All pages, in the CCV order (see the package docstring)."""
        steps: List[Tuple[str, Callable[[], None]]] = [
            ("title", self.page_title),
            ("verdict", self.page_verdict),
            ("summary", self.page_summary),
            ("introduction", self.page_introduction),
            ("area", self.page_area),
            ("results", self.page_results),
            ("trend", self.page_trend),
            ("evaluation", self.page_evaluation),
            ("schouw", self.page_schouw),
            ("conclusions", self.page_conclusions),
            ("recommendations", self.page_recommendations),
            ("appendix", self.page_appendix),
            ("findings", self.page_findings_appendix),
        ]
        if self.verdict is None:  # a concept: no verdict section (the mark on each page says why)
            steps = [(key, step) for key, step in steps if key != "verdict"]
        for k, (key, step) in enumerate(steps):
            self.monitor.check()
            self.doc.start_section(key)
            step()
            self.monitor.set(100.0 * (k + 1) / len(steps))
        return self.layout


_paused = 0
_paused_was_enabled = False
_paused_lock = threading.Lock()


@contextmanager
def without_collection_pauses() -> Iterator[None]:
    """While a report is built, Python's cyclic garbage collector waits (``gc.disable``); at the
    end the objects made meanwhile join the oldest generation (``gc.freeze`` then ``gc.unfreeze``),
    so the next full collection, when Python's own rule calls for one, takes in the report's
    garbage.

    Why: a collection holds the interpreter lock, so made in a task the report would stall the
    main thread for every collection it sets off. A full one looks at all of QGIS's Python objects
    (0.2-0.4 s); the report makes ~120,000 objects of its own (the first one imports matplotlib),
    and a young collection over those right after the build took 0.3-0.4 s too (measured in
    tests/qgis/test_report_freeze.py). Nested and parallel reports share one pause; the last to
    end ends it. A collector that was off stays off; objects someone else froze stay frozen."""
    global _paused, _paused_was_enabled
    with _paused_lock:
        if _paused == 0:
            _paused_was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0:
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                if _paused_was_enabled:
                    gc.enable()


def build_report(
    gpkg_path: str, record: ScanRecord, output: str, work_dir: str, **options: Any
) -> ReportResult:
    """Build the advice layout for *record* and export it to the PDF *output* (see AdviceReport).

    The PDF is written next to *output* under a temporary name and moved into place only when the
    export succeeded and was not cancelled meanwhile: a cancelled or failed report leaves no file
    (and an older PDF of that name as it was)."""
    with without_collection_pauses():
        return _build_report(gpkg_path, record, output, work_dir, **options)


def _build_report(gpkg_path: str, record: ScanRecord, output: str, work_dir: str, **options: Any) -> ReportResult:
    monitor = ensure(options.pop("monitor", None))
    report = AdviceReport(gpkg_path, record, work_dir, monitor=monitor.sub(0, 70), **options)
    partial = Path(f"{output}.part") if output else None
    try:
        report.build()
        monitor.check()
        pages = report.layout.pageCollection().pageCount()
        if partial is not None:
            monitor.set(75)
            export_pdf(report.layout, str(partial))
            monitor.check()
            os.replace(partial, output)
    except BaseException:
        report.close()
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise
    monitor.set(100)
    return ReportResult(
        layout=report.layout,
        pages=pages,
        sections=dict(report.sections),
        path=str(output or ""),
        report=report,
    )
