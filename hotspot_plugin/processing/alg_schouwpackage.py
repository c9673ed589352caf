"""hotspot:schouwpackage - the folder that goes into the field for a buurtschouw.

From a scan's schouw points (made by hotspot:schouwroute) it writes into one folder:

* ``buurtschouw_<reference>.gpkg``: the schouw points, an empty findings layer with the fields of
  the safety GeoPackage, the route, the schouw area and the streets around it;
* ``buurtschouw_<reference>.qgs``: a QGIS project with relative paths whose findings form works
  in QField and Mergin Maps (storage/fieldpackage.py);
* ``DCIM/``: where the phones put the photos;
* ``buurtschouw_<reference>_kaarten.pdf``: the printed field maps (report/schouw_pdf.py).

A folder that already holds a package with findings is refused, so field work is never
overwritten before it is imported.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import List

from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from shapely.geometry import LineString, MultiPoint

from ..adapters.crs import gpkg_crs
from ..core import schema
from ..core import schouw as sc
from ..core.errors import Canceled
from ..i18n import tr
from ..storage import fieldpackage as fp
from ..storage import gpkg
from ..storage.scans import list_scans, load_scan
from .alg_schouwroute import given, lang, minutes_text, plan_route, read_streets_layer, to_shapely
from .base import HotspotAlgorithm

#: Streets within this distance (m) of the area and the points go into the package (context).
CONTEXT_MARGIN = 250.0


def package_name(reference: str) -> str:
    """``buurtschouw_<reference>`` with only safe characters."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", reference or "").strip("_")
    return f"buurtschouw_{safe or 'zonder_scan'}"


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
        self.addParameter(QgsProcessingParameterFile(self.GPKG, tr("Safety GeoPackage"), extension="gpkg"))
        self.addParameter(
            QgsProcessingParameterString(
                self.SCAN,
                tr("Scan (uuid or reference; empty: the newest scan with schouw points)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROUTE,
                tr(
                    "Walking route (lines, e.g. the route of 'points and walking route'; empty: drawn "
                    "again along the streets)"
                ),
                [QgsProcessing.SourceType.TypeVectorLine],
                optional=True,
            )
        )
        straight = QgsProcessingParameterBoolean(
            self.STRAIGHT, tr("Draw the route in straight lines"), defaultValue=False
        )
        straight.setFlags(straight.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(straight)
        stop = QgsProcessingParameterNumber(
            self.STOP_MINUTES,
            tr("Minutes per stop"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=sc.DEFAULT_STOP_MINUTES,
            minValue=0.0,
        )
        stop.setFlags(stop.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
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

    def process(self, parameters, context, feedback):
        started = time.perf_counter()
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        crs = gpkg_crs(path)
        monitor = self.monitor(feedback)
        key = (self.parameterAsString(parameters, self.SCAN, context) or "").strip()
        record = load_scan(path, key) if key else self._newest_with_points(path)
        scan_uuid = record.uuid if record is not None else ""
        points = fp.read_points(path, scan_uuid)
        if not points:
            what = record.reference if record is not None else tr("(no scan)")
            raise QgsProcessingException(
                tr(
                    "There are no schouw points for scan {scan}. Run 'Buurtschouw: points and walking "
                    "route' first."
                ).format(scan=what)
            )
        reference = record.reference if record is not None else ""
        title = record.title if record is not None else ""
        area = (
            record.area
            if record is not None and not record.area.is_empty
            else MultiPoint([(p.x, p.y) for p in points]).convex_hull.buffer(100.0)
        )
        epsg, wkt = fp.crs_epsg(path)
        folder = Path(self.parameterAsString(parameters, self.FOLDER, context))
        base = package_name(reference)
        gpkg_out, project_out = folder / f"{base}.gpkg", folder / f"{base}.qgs"
        pdf_out = folder / f"{base}_kaarten.pdf"
        if gpkg_out.exists() and fp.package_findings_count(str(gpkg_out)) > 0:
            raise QgsProcessingException(
                tr(
                    "The folder {folder} already holds a schouw package with {n} findings. Import them "
                    "first with 'Buurtschouw: import findings', or choose another folder. Nothing was "
                    "changed."
                ).format(folder=folder, n=fp.package_findings_count(str(gpkg_out)))
            )
        stop_minutes = self.parameterAsDouble(parameters, self.STOP_MINUTES, context)
        legs = self._route(parameters, context, path, crs, points, feedback, monitor)
        length = sum(leg.length_m for leg in legs)
        walk = sc.walking_minutes(length)
        minutes = walk + len(points) * stop_minutes
        info = fp.PackageInfo(
            scan_uuid, reference, title, epsg, wkt, area, length, minutes, walk, source_gpkg=path
        )
        monitor.check()
        feedback.setProgress(20)

        created: List[Path] = []
        folder_existed = folder.exists()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            minx, miny, maxx, maxy = area.bounds
            xs, ys = [p.x for p in points], [p.y for p in points]
            bbox = (
                min(minx, min(xs)) - CONTEXT_MARGIN,
                min(miny, min(ys)) - CONTEXT_MARGIN,
                max(maxx, max(xs)) + CONTEXT_MARGIN,
                max(maxy, max(ys)) + CONTEXT_MARGIN,
            )
            streets = fp.read_streets(path, bbox)
            for target in (gpkg_out, project_out, pdf_out):
                if not target.exists():
                    created.append(target)
            fp.write_field_gpkg(str(gpkg_out), info, points, legs, streets)
            dcim = folder / fp.PHOTO_FOLDER
            if not dcim.exists():
                dcim.mkdir()
                created.append(dcim)
            monitor.check()
            feedback.setProgress(35)
            checklist = sc.load_checklist()
            lang_code = lang()
            fp.write_field_project(str(project_out), str(gpkg_out), info, checklist, lang_code)
            self.info(feedback, tr("Field project written: {path}").format(path=project_out))
            monitor.check()
            feedback.setProgress(45)
            pdf = None
            pages = 0
            if self.parameterAsBool(parameters, self.MAKE_PDF, context):
                from ..report.schouw_pdf import export_schouw_pdf

                pages = export_schouw_pdf(
                    str(pdf_out), str(gpkg_out), info, points, checklist, lang_code, monitor.sub(45, 99)
                )
                pdf = str(pdf_out)
                self.info(
                    feedback, tr("Field maps: {path} ({pages} pages)").format(path=pdf_out, pages=pages)
                )
        except BaseException:
            for target in reversed(created):
                try:
                    if target.is_dir():
                        target.rmdir()
                    else:
                        target.unlink()
                except OSError:
                    pass
            if not folder_existed:
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise
        feedback.setProgress(100)
        self.info(
            feedback,
            tr(
                "Schouw package for {n} points ({length} m, about {time}) in {folder}, made in "
                "{seconds} s. Copy the whole folder to the phone or tablet (QField) or upload it as "
                "a Mergin Maps project."
            ).format(
                n=len(points),
                length=f"{length:.0f}",
                time=minutes_text(minutes),
                folder=folder,
                seconds=f"{time.perf_counter() - started:.1f}",
            ),
        )
        return {
            self.FOLDER: str(folder),
            "PROJECT": str(project_out),
            "GPKG": str(gpkg_out),
            "PDF": pdf,
            "N_POINTS": len(points),
            "LENGTH": round(length, 1),
            "MINUTES": round(minutes, 1),
        }

    @staticmethod
    def _newest_with_points(path: str):
        con = gpkg.connect(path)
        try:
            linked = {r[0] for r in con.execute(f'SELECT DISTINCT scan_uuid FROM "{schema.SCHOUW_POINTS}"')}
        finally:
            con.close()
        for record in list_scans(path):
            if record.uuid in linked:
                return record
        if None in linked or "" in linked:
            return None
        raise QgsProcessingException(
            tr(
                "The GeoPackage has no schouw points yet. Run 'Buurtschouw: points and "
                "walking route' first."
            )
        )

    def _route(self, parameters, context, path, crs, points, feedback, monitor) -> List[fp.RouteLeg]:
        ordered = sorted(points, key=lambda p: p.seq)
        if given(parameters, self.ROUTE):
            source = self.parameterAsSource(parameters, self.ROUTE, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.ROUTE))
            transform = None
            if source.sourceCrs().isValid() and source.sourceCrs() != crs:
                transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
            names = source.fields().names()
            legs = []
            for k, feature in enumerate(source.getFeatures(QgsFeatureRequest())):
                g = feature.geometry()
                if transform is not None:
                    try:
                        g.transform(transform)
                    except QgsCsException:
                        continue
                geom = to_shapely(g)
                if geom is None:
                    continue
                lines = [geom] if isinstance(geom, LineString) else list(getattr(geom, "geoms", []))
                for line in lines:
                    if not isinstance(line, LineString):
                        continue
                    leg = int(feature["leg"]) if "leg" in names and feature["leg"] is not None else k + 1
                    legs.append(
                        fp.RouteLeg(
                            line,
                            leg,
                            int(feature["from_seq"]) if "from_seq" in names and feature["from_seq"] else 0,
                            int(feature["to_seq"]) if "to_seq" in names and feature["to_seq"] else 0,
                            float(line.length),
                            sc.walking_minutes(float(line.length)),
                        )
                    )
            if not legs:
                raise QgsProcessingException(tr("The route layer has no lines."))
            return sorted(legs, key=lambda leg: leg.leg)
        xy = [(p.x, p.y) for p in ordered]
        streets = [] if self.parameterAsBool(parameters, self.STRAIGHT, context) else None
        if streets is None:
            xs, ys = [p[0] for p in xy], [p[1] for p in xy]
            margin = max(600.0, 0.5 * max(max(xs) - min(xs), max(ys) - min(ys)))
            streets = read_streets_layer(
                path, (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin), crs
            )
        if monitor.is_canceled():
            raise Canceled()
        route = plan_route(
            xy,
            0,
            streets,
            crs,
            seq_of={k: p.seq for k, p in enumerate(ordered)},
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


ALGORITHM = SchouwPackageAlgorithm
