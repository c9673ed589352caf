"""hotspot:advicereport - the advice on spatial safety ("advies ruimtelijke veiligheid") as a PDF.

Reads a saved scan from the safety GeoPackage, builds a print layout from the page templates in
resources/templates (or a folder of edited copies) and exports it to PDF. With OPEN_LAYOUT in the
QGIS desktop the layout is also added to the project, marked for the layout designer: the GUI
(gui/layout_designer.py) opens it there for manual finishing. The algorithm itself never touches
the GUI.

The verdict (core.verdict) opens the report: the one saved with the scan (the wizard's verdict
step), or VERDICT / CONDITIONS / MOTIVATION given here, which override the saved one (so a model or
``qgis_process`` can set them). An invalid combination (positive under conditions without a
condition, a negative advice without a reason) is refused before any file is written. Without a
verdict the report is a concept: "CONCEPT" on every page, whatever STATUS says.

Threads: the report is built in a private QgsProject of its own, so the whole build and export run
in the Processing task's thread and the desktop keeps responding (QGIS creates layout items off the
main thread on purpose: it only skips their HTML web pages there, which the report does not use).
What the report reads from the user's project (the house-style variables) is read in
:meth:`prepareAlgorithm`, on the main thread. Only OPEN_LAYOUT in the desktop puts the layout and
its layers into the user's project; that run builds in :meth:`postProcessAlgorithm`, which QGIS
calls on the main thread.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
)

from ..compat import ProcessingFileParameterBehavior, ProcessingNumberParameterType
from ..core.errors import Canceled, HotspotError, InputError
from ..core.i18n import N_
from ..core.verdict import DECISIONS, Verdict, condition_lines, overridden
from ..i18n import tr
from ..report.advice import TEMPLATES, HouseStyle, build_report
from ..report.advice.designer import designer_available, hand_to_designer
from ..storage import gpkg
from ..storage.scans import ScanRecord, list_scans, load_scan
from .base import HotspotAlgorithm, given, gpkg_parameter, scan_parameter

#: The options of VERDICT, in order: 0 as saved with the scan (none when none is saved), then the decisions.
VERDICT_OPTIONS = (None, *DECISIONS)
STATUS_VALUES = {"concept": "concept", "draft": "concept", "definitief": "definitief", "final": "definitief"}


@dataclass
class ReportParameters:
    """The parameters of hotspot:advicereport as read (checked in :meth:`AdviceReportAlgorithm.process`)."""

    gpkg: str
    #: Reference number or uuid of the scan; empty: the newest scan.
    scan: str
    output: str
    #: Folder with edited page templates; empty: the plugin's templates.
    template_dir: str
    #: The small-count threshold; None: as in the scan.
    small_count: Optional[int]
    #: concept/draft or definitief/final as typed; empty: as saved.
    status: str
    open_layout: bool
    #: "positive", "positive_conditions" or "negative"; None: as saved with the scan.
    verdict: Optional[str] = None
    #: The conditions (one per item); None: not given.
    conditions: Optional[List[str]] = None
    #: The motivation of the verdict; None: not given.
    motivation: Optional[str] = None


def scan_record(path: str, key: str) -> ScanRecord:
    """The scan *key* (reference number or uuid), or the newest scan when *key* is empty."""
    if key:
        return load_scan(path, key)
    scans = list_scans(path)
    if not scans:
        raise InputError(
            N_("The GeoPackage {path} holds no saved scan. Run the environment scan first."),
            path=str(path),
        )
    return load_scan(path, scans[0].uuid) if scans[0].damaged else scans[0]  # a damaged one: its message


def pdf_output(output: str) -> str:
    """The PDF path (".pdf" added when missing)."""
    if not output:
        raise QgsProcessingException(tr("Choose a file name for the PDF."))
    return output if output.lower().endswith(".pdf") else output + ".pdf"


def check_template_dir(template_dir: str) -> None:
    """An edited template folder must exist and hold at least one of the page templates."""
    if not template_dir:
        return
    folder = Path(template_dir)
    if not folder.is_dir():
        raise InputError(N_("The template folder {folder} does not exist."), folder=template_dir)
    found = [name for name in TEMPLATES if (folder / f"{name}.qpt").is_file()]
    if not found:
        raise InputError(
            N_(
                "The folder {folder} holds none of the page templates ({names}); copy them from "
                "the plugin's resources/templates folder and edit them there."
            ),
            folder=template_dir,
            names=", ".join(f"{n}.qpt" for n in TEMPLATES),
        )


def report_verdict(record: ScanRecord, p: ReportParameters) -> Optional[Verdict]:
    """The verdict of the report: the saved one with the parameters in its place (InputError when the
    combination cannot be an advice)."""
    return overridden(record.verdict, p.verdict, p.conditions, p.motivation)


def status_value(text: str) -> Optional[str]:
    """concept or definitief from what the user typed (English or Dutch); None when empty."""
    if not text:
        return None
    if text not in STATUS_VALUES:
        raise InputError(N_("The status must be concept or definitief, not {status}."), status=text)
    return STATUS_VALUES[text]


class AdviceReportAlgorithm(HotspotAlgorithm):
    NAME = "advicereport"
    GROUP_ID = "scan"
    ICON = "hotspot.svg"

    GPKG = "GPKG"
    SCAN = "SCAN"
    OUTPUT = "OUTPUT"
    TEMPLATE = "TEMPLATE"
    SMALL_COUNT = "SMALL_COUNT"
    STATUS = "STATUS"
    OPEN_LAYOUT = "OPEN_LAYOUT"
    PAGES = "PAGES"
    VERDICT = "VERDICT"
    CONDITIONS = "CONDITIONS"
    MOTIVATION = "MOTIVATION"

    def display_name(self) -> str:
        return tr("Advice report (PDF) from a scan")

    # No NoThreading flag: the report runs in the task's thread (see the module docstring), so the
    # desktop does not freeze for the seconds it takes; OPEN_LAYOUT builds on the main thread.
    house: Optional[HouseStyle] = None
    deferred: Optional[Dict[str, Any]] = None

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(scan_parameter(self.SCAN))
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Advice report"), tr("PDF files (*.pdf)"))
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE,
                tr("Folder with edited page templates (.qpt)"),
                behavior=ProcessingFileParameterBehavior.Folder,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SMALL_COUNT,
                tr("Show counts below this number as <n (empty: as in the scan)"),
                ProcessingNumberParameterType.Integer,
                optional=True,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.STATUS,
                tr("Status on the report: concept or definitief (empty: as saved)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.VERDICT,
                tr("Verdict (advice)"),
                options=[
                    tr("As saved with the scan (none: the report is a concept)"),
                    *(tr(label) for label in DECISIONS.values()),
                ],
                defaultValue=0,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CONDITIONS,
                tr("Conditions, one per line (for a negative advice: what the plan must change)"),
                multiLine=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MOTIVATION, tr("Motivation of the verdict"), multiLine=True, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OPEN_LAYOUT, tr("Also open the layout in the layout designer"), defaultValue=False
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))

    def read_parameters(self, parameters, context) -> ReportParameters:
        return ReportParameters(
            gpkg=self.parameterAsFile(parameters, self.GPKG, context),
            scan=(self.parameterAsString(parameters, self.SCAN, context) or "").strip(),
            output=self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            template_dir=(self.parameterAsFile(parameters, self.TEMPLATE, context) or "").strip(),
            small_count=(
                self.parameterAsInt(parameters, self.SMALL_COUNT, context)
                if given(parameters, self.SMALL_COUNT)
                else None
            ),
            status=(self.parameterAsString(parameters, self.STATUS, context) or "").strip().lower(),
            open_layout=self.parameterAsBool(parameters, self.OPEN_LAYOUT, context),
            verdict=VERDICT_OPTIONS[self.parameterAsEnum(parameters, self.VERDICT, context)]
            if given(parameters, self.VERDICT)
            else None,
            conditions=(
                condition_lines(self.parameterAsString(parameters, self.CONDITIONS, context))
                if given(parameters, self.CONDITIONS)
                else None
            ),
            motivation=(
                (self.parameterAsString(parameters, self.MOTIVATION, context) or "").strip()
                if given(parameters, self.MOTIVATION)
                else None
            ),
        )

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        # The main thread: the user's project is read here only, never from the task's thread.
        self.house = HouseStyle.resolve(context.project() or QgsProject.instance())
        self.deferred = None
        return True

    def process(self, parameters, context, feedback):
        p = self.read_parameters(parameters, context)
        gpkg.check_safety_gpkg(p.gpkg)
        record = scan_record(p.gpkg, p.scan)
        self.info(
            feedback,
            tr("Scan {reference} ({title}), version {version}.").format(
                reference=record.reference or record.uuid, title=record.title or "-", version=record.version
            ),
        )
        output = pdf_output(p.output)
        check_template_dir(p.template_dir)
        status = status_value(p.status)
        verdict = report_verdict(record, p)
        if verdict is None and (status or record.status) == "definitief":
            feedback.pushWarning(tr("There is no verdict: the report is printed as a concept, not as final."))
        in_designer = p.open_layout and designer_available()
        if p.open_layout and not in_designer:
            feedback.pushInfo(tr("The layout is only opened in the QGIS desktop; here only the PDF is made."))
        house = self.house or HouseStyle.resolve(context.project() or QgsProject.instance())
        options = dict(
            template_dir=p.template_dir or None,
            small_count=p.small_count,
            status=status,
            verdict=verdict,
            house=replace(house, organisation=house.organisation or record.organisation),
        )
        if in_designer:  # the user's project gets the layout and its layers: on the main thread
            self.deferred = dict(gpkg=p.gpkg, record=record, output=output, options=options)
            return {self.OUTPUT: output}
        temporary = tempfile.mkdtemp(prefix="hotspot-report-")
        try:
            result = build_report(
                p.gpkg, record, output, temporary, add_layers_to_project=False, monitor=self.monitor(feedback),
                **options,
            )
            pages = result.pages
            result.close()
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        return self.written(feedback, output, pages)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 - QGIS API
        """OPEN_LAYOUT in the desktop: build on the main thread, the layout stays for the designer
        (its charts and raster next to the PDF, its layers in a hidden group of the project)."""
        if self.deferred is None:
            return {}
        job, self.deferred = self.deferred, None
        project = context.project() or QgsProject.instance()
        output = job["output"]
        work_dir = str(Path(output).with_suffix("")) + "_files"
        try:
            result = build_report(
                job["gpkg"], job["record"], output, work_dir, add_layers_to_project=True, project=project,
                monitor=self.monitor(feedback), **job["options"],
            )
        except Canceled:
            raise QgsProcessingException(tr("Cancelled by the user. Nothing was changed.")) from None
        except HotspotError as exc:
            raise QgsProcessingException(exc.render(tr)) from None
        hand_to_designer(result.layout, project)
        return self.written(feedback, output, result.pages)

    def written(self, feedback, output: str, pages: int) -> dict:
        self.info(
            feedback,
            tr("Advice report with {pages} pages written to {path}.").format(pages=pages, path=output),
        )
        return {self.OUTPUT: output, self.PAGES: pages}

ALGORITHM = AdviceReportAlgorithm
