"""hotspot:advicereport - the advice on spatial safety ("advies ruimtelijke veiligheid") as a PDF.

Reads a saved scan from the safety GeoPackage, builds a print layout from the page templates in
resources/templates (or a folder of edited copies) and exports it to PDF. In the QGIS desktop the
layout can also be added to the project and opened in the layout designer for manual finishing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core.errors import InputError
from ..core.i18n import N_
from ..i18n import tr
from ..report.advice import TEMPLATES, build_report
from ..storage import gpkg
from ..storage.scans import list_scans, load_scan
from .base import HotspotAlgorithm

STATUS_VALUES = {"concept": "concept", "draft": "concept", "definitief": "definitief", "final": "definitief"}


def _no_threading_flag():
    """The 'run in the main thread' flag on QGIS 3.22 and on QGIS 4."""
    flag = getattr(QgsProcessingAlgorithm, "FlagNoThreading", None)
    if flag is None:  # pragma: no cover - QGIS 4
        from qgis.core import Qgis

        flag = Qgis.ProcessingAlgorithmFlag.NoThreading
    return flag


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

    def display_name(self) -> str:
        return tr("Advice report (PDF) from a scan")

    def flags(self):
        # Layouts, their maps and the layout designer belong to the main thread (as in QGIS's own
        # "Export print layout as PDF"); the report takes a few seconds.
        return super().flags() | _no_threading_flag()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFile(self.GPKG, tr("Safety GeoPackage"), extension="gpkg"))
        self.addParameter(
            QgsProcessingParameterString(
                self.SCAN, tr("Scan (reference number or uuid; empty: the newest scan)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Advice report"), tr("PDF files (*.pdf)"))
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE,
                tr("Folder with edited page templates (.qpt)"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SMALL_COUNT,
                tr("Show counts below this number as <n (empty: as in the scan)"),
                QgsProcessingParameterNumber.Type.Integer,
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
            QgsProcessingParameterBoolean(
                self.OPEN_LAYOUT, tr("Also open the layout in the layout designer"), defaultValue=False
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        key = (self.parameterAsString(parameters, self.SCAN, context) or "").strip()
        if key:
            record = load_scan(path, key)
        else:
            scans = list_scans(path)
            if not scans:
                raise InputError(
                    N_("The GeoPackage {path} holds no saved scan. Run the environment scan first."),
                    path=str(path),
                )
            record = scans[0]
        self.info(
            feedback,
            tr("Scan {reference} ({title}), version {version}.").format(
                reference=record.reference or record.uuid, title=record.title or "-", version=record.version
            ),
        )
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output:
            raise QgsProcessingException(tr("Choose a file name for the PDF."))
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
        template_dir = (self.parameterAsFile(parameters, self.TEMPLATE, context) or "").strip()
        if template_dir:
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
        raw_small = parameters.get(self.SMALL_COUNT)
        small = None
        if raw_small not in (None, "") and str(raw_small) != "NULL":
            small = self.parameterAsInt(parameters, self.SMALL_COUNT, context)
        status_text = (self.parameterAsString(parameters, self.STATUS, context) or "").strip().lower()
        status = None
        if status_text:
            if status_text not in STATUS_VALUES:
                raise InputError(
                    N_("The status must be concept or definitief, not {status}."), status=status_text
                )
            status = STATUS_VALUES[status_text]
        iface = None
        if self.parameterAsBool(parameters, self.OPEN_LAYOUT, context):
            try:
                from qgis.utils import iface as qgis_iface
            except ImportError:  # pragma: no cover
                qgis_iface = None
            iface = qgis_iface
            if iface is None:
                feedback.pushInfo(
                    tr("The layout is only opened in the QGIS desktop; here only the PDF is made.")
                )
        project = context.project() or QgsProject.instance()
        if iface is not None:
            work_dir = str(Path(output).with_suffix("")) + "_files"
            temporary = None
        else:
            temporary = tempfile.mkdtemp(prefix="hotspot-report-")
            work_dir = temporary
        result = None
        try:
            result = build_report(
                path,
                record,
                output,
                work_dir,
                template_dir=template_dir or None,
                small_count=small,
                status=status,
                project=project,
                add_layers_to_project=iface is not None,
                monitor=self.monitor(feedback),
            )
            if iface is not None:
                manager = project.layoutManager()
                base = result.layout.name()
                name, k = base, 2
                while manager.layoutByName(name) is not None:
                    name, k = f"{base} ({k})", k + 1
                result.layout.setName(name)
                manager.addLayout(result.layout)
                iface.openLayoutDesigner(result.layout)
            pages = result.pages
        finally:
            if temporary is not None:
                if result is not None:
                    result.close()
                    result = None
                shutil.rmtree(temporary, ignore_errors=True)
        self.info(
            feedback,
            tr("Advice report with {pages} pages written to {path}.").format(pages=pages, path=output),
        )
        return {self.OUTPUT: output, self.PAGES: pages}


ALGORITHM = AdviceReportAlgorithm
