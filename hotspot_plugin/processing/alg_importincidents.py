"""hotspot:importincidents - incidents from any table or vector layer into a safety GeoPackage."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..compat import INT, STRING, FeatureRequestFlag, GeometryType, ProcessingSourceType, WkbType
from ..core.incident_import import guess_mapping, xy_look_geographic
from ..i18n import tr
from ..storage.importer import FieldMapping, import_incidents
from .base import HotspotAlgorithm


class ImportIncidentsAlgorithm(HotspotAlgorithm):
    NAME = "importincidents"
    GROUP_ID = "data"
    ICON = "import.svg"
    INPUT = "INPUT"
    GPKG = "GPKG"
    DATE_FIELD = "DATE_FIELD"
    TIME_FIELD = "TIME_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    X_FIELD = "X_FIELD"
    Y_FIELD = "Y_FIELD"
    SOURCE_CRS = "SOURCE_CRS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    DESCRIPTION_FIELD = "DESCRIPTION_FIELD"
    SOURCE_NAME = "SOURCE_NAME"
    REJECTED = "REJECTED"

    ROLE_PARAMS = {"date": DATE_FIELD, "time": TIME_FIELD, "category": CATEGORY_FIELD, "x": X_FIELD,
                   "y": Y_FIELD, "weight": WEIGHT_FIELD, "source_id": SOURCE_ID_FIELD,
                   "description": DESCRIPTION_FIELD}

    def display_name(self) -> str:
        return tr("Import incidents")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Incidents (table or point layer: CSV, XLSX, GeoPackage, shapefile…)"),
            [ProcessingSourceType.Vector]))
        self.addParameter(QgsProcessingParameterFile(self.GPKG, tr("Safety GeoPackage"), extension="gpkg"))
        labels = {"date": tr("Date (or date and time) column [guessed when empty]"),
                  "time": tr("Separate time column"),
                  "category": tr("Category column (police code or label) [guessed when empty]"),
                  "x": tr("X / longitude column (empty: use the layer's geometry)"),
                  "y": tr("Y / latitude column (empty: use the layer's geometry)"),
                  "weight": tr("Weight column (empty: the category's harm weight)"),
                  "source_id": tr("Source id column (registration number)"),
                  "description": tr("Description column")}
        for role, name in self.ROLE_PARAMS.items():
            self.addParameter(QgsProcessingParameterField(name, labels[role], parentLayerParameterName=self.INPUT,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, tr("CRS of the x/y columns (empty: RD New, or WGS 84 for lon/lat columns)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE_NAME, tr("Source name (empty: the input's name)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, tr("Rejected rows"), ProcessingSourceType.Vector,
            createByDefault=True, optional=True))
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Rows imported")))
        self.addOutput(QgsProcessingOutputNumber("DUPLICATES", tr("Rows imported before")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED_COUNT", tr("Rows rejected")))
        self.addOutput(QgsProcessingOutputString("BATCH_ID", tr("Import batch id")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        gpkg_path = self.parameterAsFile(parameters, self.GPKG, context)
        names = source.fields().names()
        guessed = guess_mapping(names)
        chosen = {role: (self.parameterAsString(parameters, name, context) or "")
                  for role, name in self.ROLE_PARAMS.items()}
        has_points = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Point
        for role in ("date", "category", "source_id"):
            if not chosen[role] and role in guessed:
                chosen[role] = guessed[role]
                self.info(feedback, tr("Column '{column}' is used as {role}.").format(column=guessed[role],
                                                                                     role=role))
        if not chosen["x"] and not chosen["y"] and not has_points and "x" in guessed:
            chosen["x"], chosen["y"] = guessed["x"], guessed["y"]
            self.info(feedback, tr("Columns '{x}' and '{y}' are used as coordinates.").format(
                x=guessed["x"], y=guessed["y"]))
        if not chosen["date"]:
            raise QgsProcessingException(tr("Choose the date column: none of the columns ({columns}) looks "
                                            "like a date column.").format(columns=", ".join(names)))
        if not chosen["category"]:
            raise QgsProcessingException(tr("Choose the category column: none of the columns ({columns}) "
                                            "looks like a category column.").format(columns=", ".join(names)))
        mapping = FieldMapping(**chosen)
        if mapping.uses_xy():
            crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
            if not crs.isValid():
                geographic = xy_look_geographic(mapping.x, mapping.y)
                crs = QgsCoordinateReferenceSystem("EPSG:4326" if geographic else "EPSG:28992")
                self.info(feedback, tr("Coordinates are read as {crs}.").format(crs=crs.authid()))
        else:
            crs = source.sourceCrs()
        source_crs = crs.authid() if crs.authid() else crs.toWkt()
        source_name = self.parameterAsString(parameters, self.SOURCE_NAME, context) or self._source_name(
            parameters, context)
        report = import_incidents(source, gpkg_path, mapping, source_crs, source_name, self.monitor(feedback),
                                  self._whole_layer(parameters, context))

        sink, dest = self._rejected_sink(parameters, context, source)
        if sink is not None and report.rejected:
            self._write_rejected(sink, source, report, feedback)
        self.info(feedback, tr("Read {read} rows: {imported} imported, {dup} imported before, "
                               "{rejected} rejected.").format(read=report.rows_read, imported=report.imported,
                                                              dup=report.duplicates,
                                                              rejected=report.rejected_count - report.duplicates))
        summary = report.reason_summary(tr)
        for n, example in summary:
            feedback.pushWarning(tr("{n} x, for example: {reason}").format(n=n, reason=example))
        if report.imported == 0:
            if report.duplicates == report.rejected_count:
                feedback.pushWarning(tr("All rows had been imported before: nothing was added."))
            elif report.duplicates:
                feedback.pushWarning(tr("This file was imported before: nothing was added."))
            else:
                examples = ", ".join(str(r.row) for r in report.rejected[:5])
                summary = "; ".join(f"{n} x {reason}" for n, reason in summary)
                raise QgsProcessingException(tr(
                    "None of the {n} rows could be imported, so nothing was changed. Reasons: {summary}. "
                    "First rejected rows: {rows}.").format(n=report.rows_read, summary=summary, rows=examples))
        return {self.REJECTED: dest, "IMPORTED": report.imported, "DUPLICATES": report.duplicates,
                "REJECTED_COUNT": report.rejected_count, "BATCH_ID": report.batch_id if report.imported else ""}

    def _whole_layer(self, parameters, context):
        """The input layer when all of it is imported (no selection, limit or filter), else None."""
        definition = parameters.get(self.INPUT)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition):
            if definition.selectedFeaturesOnly or definition.featureLimit != -1 or \
                    getattr(definition, "filterExpression", ""):
                return None
        return self.parameterAsVectorLayer(parameters, self.INPUT, context)

    def _source_name(self, parameters, context) -> str:
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is not None:
            uri = layer.source().split("|")[0]
            stem = Path(uri).stem
            return stem or layer.name()
        return "import"

    def _rejected_sink(self, parameters, context, source):
        fields = QgsFields()
        fields.append(QgsField("row", INT))
        fields.append(QgsField("reason", STRING))
        for f in source.fields():
            name = f.name() if f.name() not in ("row", "reason") else "src_" + f.name()
            fields.append(QgsField(name, STRING))
        return self.parameterAsSink(parameters, self.REJECTED, context, fields, WkbType.NoGeometry,
                                    source.sourceCrs())

    def _write_rejected(self, sink, source, report, feedback) -> None:
        by_fid = {}
        for r in report.rejected:
            by_fid.setdefault(report.fids[r.row - 1], []).append(r)
        request = QgsFeatureRequest().setFilterFids(list(by_fid)).setFlags(FeatureRequestFlag.NoGeometry)
        rows = {}
        for feature in source.getFeatures(request):
            rows[feature.id()] = ["" if v is None or (hasattr(v, "isNull") and v.isNull()) else str(v)
                                  for v in feature.attributes()]
        out = []
        for r in report.rejected:
            feature = QgsFeature()
            feature.setAttributes([r.row, r.render(tr)] + rows.get(report.fids[r.row - 1], []))
            out.append(feature)
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)


ALGORITHM = ImportIncidentsAlgorithm
