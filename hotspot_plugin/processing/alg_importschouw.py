"""hotspot:importschouw - bring the findings of a returned schouw package into the safety GeoPackage.

Matching by uuid, the three-way merge rule, photo copying and the all-or-nothing behaviour are
in storage/fieldpackage/ (read.py and merge.py, see their docstrings); this module resolves the
scan, runs the merge and reports what happened, with the conflicts as an optional table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..adapters.crs import gpkg_crs
from ..compat import (
    STRING,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core.errors import HotspotError
from ..i18n import tr
from ..storage import fieldpackage as fp
from ..storage import gpkg
from ..storage.scans import load_scan
from .base import HotspotAlgorithm, gpkg_parameter, scan_parameter


@dataclass
class ImportParameters:
    """The parameters of hotspot:importschouw, read once."""

    path: str
    package: str
    scan_key: str
    max_photo_mb: float = fp.MAX_PHOTO_MB


class ImportSchouwAlgorithm(HotspotAlgorithm):
    NAME = "importschouw"
    GROUP_ID = "schouw"
    GPKG = "GPKG"
    PACKAGE = "PACKAGE"
    SCAN = "SCAN"
    CONFLICTS_TABLE = "CONFLICTS_TABLE"
    MAX_PHOTO_MB = "MAX_PHOTO_MB"

    def display_name(self) -> str:
        return tr("Buurtschouw: import findings from the field")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(
            QgsProcessingParameterFile(
                self.PACKAGE,
                tr("Returned schouw package (its GeoPackage, its project or its folder)"),
                fileFilter=tr("Schouw package") + " (*.gpkg *.qgs *.qgz);;" + tr("All files") + " (*)",
            )
        )
        self.addParameter(
            scan_parameter(self.SCAN, tr("Link the findings to scan (uuid or reference; empty: the package's scan)"))
        )
        limit = QgsProcessingParameterNumber(
            self.MAX_PHOTO_MB,
            tr("Largest photo to copy (MB); larger photos are skipped"),
            ProcessingNumberParameterType.Double,
            defaultValue=fp.MAX_PHOTO_MB,
            minValue=0.01,
        )
        limit.setFlags(limit.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(limit)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CONFLICTS_TABLE,
                tr("Conflicts"),
                ProcessingSourceType.VectorPoint,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ADDED", tr("Findings added")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Findings updated")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", tr("Findings unchanged")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICTS", tr("Conflicts (not imported)")))
        self.addOutput(QgsProcessingOutputNumber("PHOTOS", tr("Photos copied")))
        self.addOutput(QgsProcessingOutputNumber("PHOTOS_REFUSED", tr("Photos refused (see the log)")))
        self.addOutput(QgsProcessingOutputString("SCAN_UUID", tr("Scan uuid")))

    @staticmethod
    def conflict_fields() -> QgsFields:
        fields = QgsFields()
        for name in (
            "uuid",
            "checklist_item",
            "field_severity",
            "office_severity",
            "field_updated_at",
            "office_updated_at",
            "conflict",
        ):
            fields.append(QgsField(name, STRING))
        return fields

    def read_parameters(self, parameters, context) -> ImportParameters:
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        return ImportParameters(
            path=path,
            package=self.parameterAsString(parameters, self.PACKAGE, context),
            scan_key=(self.parameterAsString(parameters, self.SCAN, context) or "").strip(),
            max_photo_mb=self.parameterAsDouble(parameters, self.MAX_PHOTO_MB, context) or fp.MAX_PHOTO_MB,
        )

    def process(self, parameters, context, feedback):
        p = self.read_parameters(parameters, context)
        monitor = self.monitor(feedback)
        package = fp.read_package(p.package, monitor.sub(0, 20), p.max_photo_mb)
        self.info(
            feedback, tr("{n} findings in {path}.").format(n=len(package.findings), path=package.gpkg_path)
        )
        scan_uuid, reference = self._scan(p, package, feedback)
        result = fp.merge_findings(p.path, package, scan_uuid, reference, monitor.sub(20, 95))
        sink, dest = self.parameterAsSink(
            parameters,
            self.CONFLICTS_TABLE,
            context,
            self.conflict_fields(),
            WkbType.Point,
            gpkg_crs(p.path),
        )
        self._report_conflicts(result, sink, feedback, package.max_photo_mb)
        feedback.setProgress(100)
        self.info(
            feedback,
            tr(
                "{added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflict(s); "
                "{photos} photo(s) copied."
            ).format(
                added=result.added,
                updated=result.updated,
                unchanged=result.unchanged,
                conflicts=len(result.conflicts),
                photos=result.photos,
            ),
        )
        return {
            self.CONFLICTS_TABLE: dest if sink is not None else None,
            "ADDED": result.added,
            "UPDATED": result.updated,
            "UNCHANGED": result.unchanged,
            "CONFLICTS": len(result.conflicts),
            "PHOTOS": result.photos,
            "PHOTOS_REFUSED": len(result.refused_photos),
            "SCAN_UUID": scan_uuid,
        }

    @staticmethod
    def _scan(p: ImportParameters, package: fp.FieldPackage, feedback) -> Tuple[str, str]:
        """(uuid, reference) of the scan the findings are linked to: SCAN, else the package's scan."""
        package_scan = package.meta.get("scan_uuid", "")
        if p.scan_key:
            record = load_scan(p.path, p.scan_key)
            if package_scan and package_scan != record.uuid:
                feedback.pushWarning(
                    tr(
                        "The package was made for another scan ({package}); its findings are linked "
                        "to {reference} as asked."
                    ).format(package=package_scan, reference=record.reference)
                )
            return record.uuid, record.reference
        if not package_scan:
            return "", ""
        try:
            record = load_scan(p.path, package_scan)
        except HotspotError:
            raise QgsProcessingException(
                tr(
                    "The package belongs to scan {scan} ({reference}), which is not in {path}. Choose "
                    "the safety GeoPackage the package was made from, or give SCAN to link the findings "
                    "to another scan. Nothing was imported."
                ).format(scan=package_scan, reference=package.meta.get("reference", "-"), path=p.path)
            ) from None
        return record.uuid, record.reference

    @staticmethod
    def _report_conflicts(result: fp.MergeResult, sink, feedback, limit_mb: float) -> None:
        """A warning per conflict (and a row in the conflicts table when asked), per missing or refused photo."""
        why: Dict[str, str] = {
            "both": tr(
                "changed in the office and in the field since the last import; the office version was kept"
            ),
            "deleted_in_office": tr("deleted in the office, changed in the field; it was not imported again"),
        }
        for c in result.conflicts:
            feedback.pushWarning(
                tr(
                    "Conflict for finding {uuid} ({item}): {why}. Compare both versions and copy "
                    "what is right by hand."
                ).format(uuid=c.uuid, item=c.checklist_item or "-", why=why[c.why])
            )
            if sink is not None:
                f = QgsFeature()
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(c.x, c.y)))
                f.setAttributes(
                    [
                        c.uuid,
                        c.checklist_item,
                        c.field_severity,
                        c.office_severity,
                        c.field_updated_at,
                        c.office_updated_at,
                        why[c.why],
                    ]
                )
                sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        for photo in result.missing_photos:
            feedback.pushWarning(
                tr("The photo {photo} is not in the package; the finding was imported without it.").format(
                    photo=photo
                )
            )
        for uid, photo, reason, size in result.refused_photos:
            feedback.pushWarning(
                tr(
                    "The photo {photo} of finding {uuid} was not taken: {reason}. The finding was "
                    "imported without it."
                ).format(
                    uuid=uid,
                    photo=repr(photo)[1:-1],
                    reason=tr(reason).format(size=f"{size:.0f}", limit=f"{limit_mb:g}"),
                )
            )


ALGORITHM = ImportSchouwAlgorithm
