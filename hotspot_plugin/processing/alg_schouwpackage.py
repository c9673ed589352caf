"""hotspot:schouwpackage - the folder that goes into the field for a buurtschouw.

From a scan's schouw points (made by hotspot:schouwroute) it writes into one folder:

* ``buurtschouw_<reference>.gpkg``: the schouw points, an empty findings layer with the fields of
  the safety GeoPackage, the route, the schouw area and the streets around it;
* ``buurtschouw_<reference>.qgs``: a QGIS project with relative paths whose findings form works
  in QField and Mergin Maps (storage/fieldpackage/);
* ``DCIM/``: where the phones put the photos;
* ``buurtschouw_<reference>_kaarten.pdf``: the printed field maps (report/schouw_pdf.py).

A folder that already holds a package with findings is refused, so field work is never
overwritten before it is imported.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)
from shapely.geometry import MultiPoint

from ..adapters.crs import gpkg_crs
from ..adapters.routing import legs_from_source, plan_route, read_streets_layer
from ..compat import ProcessingNumberParameterType, ProcessingParameterFlag, ProcessingSourceType
from ..core import menu_names as menu
from ..core import schouw as sc
from ..core.errors import Canceled
from ..core.menu_names import menu_path
from ..core.numbers import format_number
from ..i18n import current_language, tr
from ..storage import fieldpackage as fp
from ..storage import gpkg
from ..storage.scans import ScanRecord, list_scans, load_scan
from .base import HotspotAlgorithm, given, gpkg_parameter, scan_parameter


@dataclass
class PackageParameters:
    """The parameters of hotspot:schouwpackage, read once (the route source is None when not given)."""

    path: str
    crs: QgsCoordinateReferenceSystem
    scan_key: str
    folder: Path
    route: Any
    straight: bool
    stop_minutes: float
    make_pdf: bool


@dataclass
class PackageFiles:
    """Where the package's files go."""

    folder: Path
    gpkg: Path
    project: Path
    pdf: Path

    @classmethod
    def of(cls, folder: Path, reference: str) -> "PackageFiles":
        base = sc.package_name(reference)
        return cls(folder, folder / f"{base}.gpkg", folder / f"{base}.qgs", folder / f"{base}_kaarten.pdf")


class SchouwPackageAlgorithm(HotspotAlgorithm):
    NAME = "schouwpackage"
    GROUP_ID = "schouw"
    GPKG = "GPKG"
    SCAN = "SCAN"
    FOLDER = "FOLDER"
    ROUTE = "ROUTE"
    STRAIGHT = "STRAIGHT"
    STOP_MINUTES = "STOP_MINUTES"
    MAKE_PDF = "MAKE_PDF"

    def display_name(self) -> str:
        return tr("Buurtschouw: field package (QField / Mergin Maps) and field maps")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(
            scan_parameter(self.SCAN, tr("Scan (uuid or reference; empty: the newest scan with schouw points)"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROUTE,
                tr(
                    "Walking route (lines, e.g. the route of 'points and walking route'; empty: drawn "
                    "again along the streets)"
                ),
                [ProcessingSourceType.VectorLine],
                optional=True,
            )
        )
        straight = QgsProcessingParameterBoolean(
            self.STRAIGHT, tr("Draw the route in straight lines"), defaultValue=False
        )
        straight.setFlags(straight.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(straight)
        stop = QgsProcessingParameterNumber(
            self.STOP_MINUTES,
            tr("Minutes per stop"),
            ProcessingNumberParameterType.Double,
            defaultValue=sc.DEFAULT_STOP_MINUTES,
            minValue=0.0,
        )
        stop.setFlags(stop.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(stop)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.MAKE_PDF, tr("Also make the printed field maps (PDF)"), defaultValue=True
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.FOLDER, tr("Package folder")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("QGIS project for QField / Mergin Maps")))
        self.addOutput(QgsProcessingOutputFile("GPKG", tr("Field GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("PDF", tr("Field maps (PDF)")))
        self.addOutput(QgsProcessingOutputNumber("N_POINTS", tr("Number of points")))
        self.addOutput(QgsProcessingOutputNumber("LENGTH", tr("Route length (m)")))
        self.addOutput(QgsProcessingOutputNumber("MINUTES", tr("Duration including stops (minutes)")))

    def read_parameters(self, parameters, context) -> PackageParameters:
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        route = None
        if given(parameters, self.ROUTE):
            route = self.required_source(parameters, self.ROUTE, context)
        return PackageParameters(
            path=path,
            crs=gpkg_crs(path),
            scan_key=(self.parameterAsString(parameters, self.SCAN, context) or "").strip(),
            folder=Path(self.parameterAsString(parameters, self.FOLDER, context)),
            route=route,
            straight=self.parameterAsBool(parameters, self.STRAIGHT, context),
            stop_minutes=self.parameterAsDouble(parameters, self.STOP_MINUTES, context),
            make_pdf=self.parameterAsBool(parameters, self.MAKE_PDF, context),
        )

    def process(self, parameters, context, feedback):
        started = time.perf_counter()
        p = self.read_parameters(parameters, context)
        monitor = self.monitor(feedback)
        record = load_scan(p.path, p.scan_key) if p.scan_key else self._newest_with_points(p.path)
        points = self._points(p.path, record)
        reference = record.reference if record is not None else ""
        files = PackageFiles.of(p.folder, reference)
        self._refuse_findings(files)
        legs = self._route(p, context, points, feedback, monitor)
        info = self._info(p, record, points, legs)
        monitor.check()
        feedback.setProgress(20)
        pdf = self._write(p, files, info, points, legs, feedback, monitor)
        feedback.setProgress(100)
        self.info(
            feedback,
            tr(
                "Schouw package for {n} points ({length} m, about {time}) in {folder}, made in "
                "{seconds} s. Copy the whole folder to the phone or tablet (QField) or upload it as "
                "a Mergin Maps project."
            ).format(
                n=len(points),
                length=format_number(info.length_m, 0),
                time=sc.minutes_text(info.minutes, current_language()),
                folder=p.folder,
                seconds=f"{time.perf_counter() - started:.1f}",
            ),
        )
        return {
            self.FOLDER: str(p.folder),
            "PROJECT": str(files.project),
            "GPKG": str(files.gpkg),
            "PDF": pdf,
            "N_POINTS": len(points),
            "LENGTH": round(info.length_m, 1),
            "MINUTES": round(info.minutes, 1),
        }

    # Steps ---------------------------------------------------------------------------------------
    @staticmethod
    def _points(path: str, record: Optional[ScanRecord]) -> List[fp.PointRow]:
        points = fp.read_points(path, record.uuid if record is not None else "")
        if not points:
            what = record.reference if record is not None else tr("(no scan)")
            raise QgsProcessingException(
                tr("There are no schouw points for scan {scan}. Choose them first with {step}.").format(
                    scan=what, step=menu_path(tr(menu.MENU), tr(menu.PREPARE_SCHOUW))
                )
            )
        return points

    @staticmethod
    def _refuse_findings(files: PackageFiles) -> None:
        """Refuse a folder whose package holds findings: they must be imported first."""
        if files.gpkg.exists() and fp.package_findings_count(str(files.gpkg)) > 0:
            raise QgsProcessingException(
                tr(
                    "The folder {folder} already holds a schouw package with {n} findings. Import them "
                    "first with {step}, or choose another folder. Nothing was changed."
                ).format(folder=files.folder, n=fp.package_findings_count(str(files.gpkg)),
                         step=menu_path(tr(menu.MENU), tr(menu.IMPORT_SCHOUW)))
            )

    @staticmethod
    def _info(p: PackageParameters, record: Optional[ScanRecord], points, legs) -> fp.PackageInfo:
        area = (
            record.area
            if record is not None and not record.area.is_empty
            else MultiPoint([(pt.x, pt.y) for pt in points]).convex_hull.buffer(100.0)
        )
        epsg, wkt = fp.crs_epsg(p.path)
        length = sum(leg.length_m for leg in legs)
        walk = sc.walking_minutes(length)
        minutes = walk + len(points) * p.stop_minutes
        return fp.PackageInfo(
            record.uuid if record is not None else "",
            record.reference if record is not None else "",
            record.title if record is not None else "",
            epsg, wkt, area, length, minutes, walk, source_gpkg=p.path,
        )

    def _write(self, p: PackageParameters, files: PackageFiles, info, points, legs, feedback, monitor):
        """Write the package's files; on any failure remove what this run created. Returns the PDF or None."""
        created: List[Path] = []
        folder_existed = files.folder.exists()
        try:
            files.folder.mkdir(parents=True, exist_ok=True)
            bbox = sc.context_bbox(info.area.bounds, [(pt.x, pt.y) for pt in points])
            streets = fp.read_streets(p.path, bbox)
            for target in (files.gpkg, files.project, files.pdf):
                if not target.exists():
                    created.append(target)
            fp.write_field_gpkg(str(files.gpkg), info, points, legs, streets)
            dcim = files.folder / fp.PHOTO_FOLDER
            if not dcim.exists():
                dcim.mkdir()
                created.append(dcim)
            monitor.check()
            feedback.setProgress(35)
            checklist = sc.load_checklist()
            lang_code = current_language()
            fp.write_field_project(str(files.project), str(files.gpkg), info, checklist, lang_code)
            self.info(feedback, tr("Field project written: {path}").format(path=files.project))
            monitor.check()
            feedback.setProgress(45)
            if not p.make_pdf:
                return None
            from ..report.schouw_pdf import export_schouw_pdf

            pages = export_schouw_pdf(
                str(files.pdf), str(files.gpkg), info, points, checklist, lang_code, monitor.sub(45, 99)
            )
            self.info(feedback, tr("Field maps: {path} ({pages} pages)").format(path=files.pdf, pages=pages))
            return str(files.pdf)
        except BaseException:
            _remove(created, None if folder_existed else files.folder)
            raise

    @staticmethod
    def _newest_with_points(path: str):
        linked = fp.linked_scan_uuids(path)
        for record in list_scans(path):
            if record.uuid in linked:
                return record
        if None in linked or "" in linked:
            return None
        raise QgsProcessingException(
            tr("The GeoPackage has no schouw points yet. Choose them first with {step}.").format(
                step=menu_path(tr(menu.MENU), tr(menu.PREPARE_SCHOUW))
            )
        )

    def _route(self, p: PackageParameters, context, points, feedback, monitor) -> List[fp.RouteLeg]:
        if p.route is not None:
            return legs_from_source(p.route, p.crs, context)
        ordered = sorted(points, key=lambda pt: pt.seq)
        xy = [(pt.x, pt.y) for pt in ordered]
        streets = [] if p.straight else read_streets_layer(p.path, sc.street_bbox(xy), p.crs)
        if monitor.is_canceled():
            raise Canceled()
        route = plan_route(
            xy,
            0,
            streets,
            p.crs,
            seq_of={k: pt.seq for k, pt in enumerate(ordered)},
            reorder=False,
            monitor=monitor.sub(0, 15),
            feedback=feedback,
        )
        self.info(
            feedback,
            tr("The route was drawn again {how} through the points in their order.").format(
                how=tr("along the streets") if route.routing == "streets" else tr("in straight lines")
            ),
        )
        return route.legs


def _remove(created: List[Path], folder: Optional[Path]) -> None:
    """Remove the files and folders a failed run created (newest first), then *folder* when it made it."""
    for target in reversed(created):
        try:
            if target.is_dir():
                target.rmdir()
            else:
                target.unlink()
        except OSError:
            pass
    if folder is not None:
        try:
            folder.rmdir()
        except OSError:
            pass


ALGORITHM = SchouwPackageAlgorithm
