"""hotspot:importincidents - incidents from any table or vector layer into a safety GeoPackage."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

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
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..compat import INT, STRING, FeatureRequestFlag, GeometryType, ProcessingSourceType, WkbType
from ..core.categories import parse_alias_text
from ..core.csv_source import ENCODINGS, is_csv_path, read_csv, read_header
from ..core.import_columns import ROLE_LABELS, ROLES, guess_mapping, xy_look_geographic
from ..i18n import tr
from ..storage.importer import FieldMapping, ImportReport, import_incidents
from .base import HotspotAlgorithm


@dataclass
class ImportInput:
    """What process() read from the parameters."""

    names: List[str]
    chosen: Dict[str, str]
    csv_path: str = ""
    encoding: str = "auto"
    source: object = None
    layer: object = None
    has_points: bool = False
    aliases: List[Tuple[str, str]] = field(default_factory=list)
    guessed: Dict[str, str] = field(default_factory=dict)


class ImportIncidentsAlgorithm(HotspotAlgorithm):
    NAME = "importincidents"
    GROUP_ID = "data"
    ICON = "import.svg"
    INPUT = "INPUT"
    GPKG = "GPKG"
    SOURCE_CRS = "SOURCE_CRS"
    SOURCE_NAME = "SOURCE_NAME"
    ENCODING = "ENCODING"
    CATEGORY_MAP = "CATEGORY_MAP"
    KEEP_OUTSIDE_AREAS = "KEEP_OUTSIDE_AREAS"
    REJECTED = "REJECTED"

    #: role -> parameter name of its column
    ROLE_PARAMS = {"date": "DATE_FIELD", "time": "TIME_FIELD", "end_date": "END_DATE_FIELD",
                   "end_time": "END_TIME_FIELD", "category": "CATEGORY_FIELD", "x": "X_FIELD", "y": "Y_FIELD",
                   "weight": "WEIGHT_FIELD", "source_id": "SOURCE_ID_FIELD", "description": "DESCRIPTION_FIELD",
                   "street": "STREET_FIELD", "house_number": "HOUSE_NUMBER_FIELD", "postcode": "POSTCODE_FIELD"}
    DATE_FIELD = ROLE_PARAMS["date"]
    TIME_FIELD = ROLE_PARAMS["time"]
    CATEGORY_FIELD = ROLE_PARAMS["category"]
    X_FIELD = ROLE_PARAMS["x"]
    Y_FIELD = ROLE_PARAMS["y"]

    def display_name(self) -> str:
        return tr("Import incidents")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Incidents (table or point layer: CSV, XLSX, GeoPackage, shapefile…)"),
            [ProcessingSourceType.Vector]))
        self.addParameter(QgsProcessingParameterFile(self.GPKG, tr("Safety GeoPackage"), extension="gpkg"))
        labels = {"date": tr("Date (or date and time) column: the begin of the crime window [guessed when empty]"),
                  "time": tr("Separate time column [guessed when empty]"),
                  "end_date": tr("End date column of the crime window [guessed when empty]"),
                  "end_time": tr("End time column [guessed when empty]"),
                  "category": tr("Category column (police code or label) [guessed when empty]"),
                  "x": tr("X / longitude column (empty: guessed, else the layer's geometry)"),
                  "y": tr("Y / latitude column (empty: guessed, else the layer's geometry)"),
                  "weight": tr("Weight column (empty: the category's harm weight)"),
                  "source_id": tr("Source id column (registration number) [guessed when empty]"),
                  "description": tr("Description column [guessed when empty]"),
                  "street": tr("Street column [guessed when empty]"),
                  "house_number": tr("House number column [guessed when empty]"),
                  "postcode": tr("Postcode column [guessed when empty]")}
        for role in ROLES:
            self.addParameter(QgsProcessingParameterField(self.ROLE_PARAMS[role], labels[role],
                                                          parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, tr("CRS of the x/y columns, or of a layer without one such as a shapefile without "
                                ".prj (empty: RD New, or WGS 84 for lon/lat columns)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE_NAME, tr("Source name (empty: the input's name)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ENCODING, tr("Encoding of a CSV file ({choices})").format(choices=", ".join(ENCODINGS)),
            defaultValue="auto", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CATEGORY_MAP, tr("Map category labels to codes first, such as Zwerfvuil=M.4; Graffiti=M.6 "
                                  "(kept in the GeoPackage's category aliases)"), optional=True, multiLine=True))
        keep = QgsProcessingParameterBoolean(
            self.KEEP_OUTSIDE_AREAS, tr("Also import incidents outside the study area (the buurten/wijken in the "
                                        "GeoPackage)"), defaultValue=False, optional=True)
        keep.setHelp(tr("When the GeoPackage holds areas (buurten/wijken), an incident inside the Netherlands or "
                        "Belgium but outside all of them is rejected as outside the study area. Tick this to "
                        "import such incidents anyway. Without areas every incident in NL/BE is imported."))
        self.addParameter(keep)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, tr("Rejected rows"), ProcessingSourceType.Vector,
            createByDefault=True, optional=True))
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Rows imported")))
        self.addOutput(QgsProcessingOutputNumber("DUPLICATES", tr("Rows imported before")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED_COUNT", tr("Rows rejected")))
        self.addOutput(QgsProcessingOutputNumber("TIME_UNKNOWN", tr("Rows imported without a time of day")))
        self.addOutput(QgsProcessingOutputString("UNMAPPED_CATEGORIES",
                                                 tr("Unknown category labels with their number of rows")))
        self.addOutput(QgsProcessingOutputString("ENCODING_USED", tr("Encoding the CSV file was read with")))
        self.addOutput(QgsProcessingOutputString("BATCH_ID", tr("Import batch id")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        """A CSV file is read by this plugin (any encoding), so QGIS need not be able to open it."""
        raw = parameters.get(self.INPUT)
        if isinstance(raw, str) and is_csv_path(raw):
            if not parameters.get(self.GPKG):
                return False, tr("Choose the safety GeoPackage.")
            return True, ""
        return super().checkParameterValues(parameters, context)

    def process(self, parameters, context, feedback):
        given = self._read_input(parameters, context)
        gpkg_path = self.parameterAsFile(parameters, self.GPKG, context)
        chosen = self._apply_guesses(given, feedback)
        mapping = FieldMapping(**chosen)
        source_crs = self._source_crs(parameters, context, given, mapping, feedback)
        source_name = self.parameterAsString(parameters, self.SOURCE_NAME, context) or self._source_name(
            parameters, context, given)
        report = import_incidents(given.source, gpkg_path, mapping, source_crs, source_name, self.monitor(feedback),
                                  given.layer, csv_path=given.csv_path, encoding=given.encoding,
                                  aliases=given.aliases,
                                  keep_outside_areas=self.parameterAsBoolean(parameters, self.KEEP_OUTSIDE_AREAS,
                                                                             context))
        if report.encoding:
            self.info(feedback, tr("The CSV file was read as {encoding}.").format(encoding=report.encoding))
        if report.added_schema:
            self.info(feedback, tr("The GeoPackage was brought up to date (added: {what}).").format(
                what=", ".join(report.added_schema)))
        sink, dest = self._rejected_sink(parameters, context, given)
        if sink is not None and report.rejected:
            self._write_rejected(sink, given, report)
        self._log_report(report, feedback)
        return {self.REJECTED: dest, "IMPORTED": report.imported, "DUPLICATES": report.duplicates,
                "REJECTED_COUNT": report.rejected_count, "TIME_UNKNOWN": report.time_unknown,
                "UNMAPPED_CATEGORIES": "; ".join(f"{label} ({n})" for label, n in report.unmapped.items()),
                "ENCODING_USED": report.encoding, "BATCH_ID": report.batch_id if report.imported else ""}

    # Reading the parameters ----------------------------------------------------------------------
    def _read_input(self, parameters, context) -> ImportInput:
        encoding = (self.parameterAsString(parameters, self.ENCODING, context) or "auto").strip().lower()
        if encoding not in ENCODINGS:
            raise QgsProcessingException(tr("Unknown encoding '{encoding}'; choose one of {choices}.").format(
                encoding=encoding, choices=", ".join(ENCODINGS)))
        try:
            aliases = parse_alias_text(self.parameterAsString(parameters, self.CATEGORY_MAP, context))
        except ValueError as exc:
            raise QgsProcessingException(tr("'{part}' in the category map has no label=code.").format(
                part=exc.args[0])) from None
        chosen = {role: (self.parameterAsString(parameters, name, context) or "")
                  for role, name in self.ROLE_PARAMS.items()}
        csv_path = self._csv_path(parameters, context)
        if csv_path:
            names, _enc, _delim = read_header(csv_path, encoding)
            return ImportInput(names, chosen, csv_path, encoding, aliases=aliases)
        source = self.required_source(parameters, self.INPUT, context)
        has_points = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Point
        return ImportInput(source.fields().names(), chosen, "", encoding, source,
                           self._whole_layer(parameters, context), has_points, aliases)

    def _csv_path(self, parameters, context) -> str:
        """The path of a delimited text file when the whole of one is imported, else ''."""
        raw = parameters.get(self.INPUT)
        if isinstance(raw, str) and is_csv_path(raw):
            return raw.split("|")[0]
        layer = self._whole_layer(parameters, context)
        if layer is None or layer.providerType() not in ("ogr", "delimitedtext"):
            return ""
        path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path") or ""
        return path if is_csv_path(path) else ""

    def _apply_guesses(self, given: ImportInput, feedback) -> Dict[str, str]:
        """Every role left empty takes its guessed column (x/y only without point geometry); each is logged."""
        chosen = dict(given.chosen)
        taken = set(v for v in chosen.values() if v)
        guessed = guess_mapping(given.names)
        use_xy = not chosen["x"] and not chosen["y"] and not given.has_points and "x" in guessed
        for role in ROLES:
            column = guessed.get(role)
            if chosen[role] or column is None or column in taken:
                continue
            if role in ("x", "y") and not use_xy:
                continue
            chosen[role] = column
            taken.add(column)
            self.info(feedback, tr("Column '{column}' is used as {role}.").format(column=column,
                                                                                 role=tr(ROLE_LABELS[role])))
        given.guessed = guessed
        for role, label in (("date", tr("date")), ("category", tr("category"))):
            if not chosen[role]:
                raise QgsProcessingException(tr("Choose the {role} column: none of the columns ({columns}) looks "
                                                "like a {role} column.").format(role=label,
                                                                                columns=", ".join(given.names)))
        return chosen

    def _source_crs(self, parameters, context, given: ImportInput, mapping: FieldMapping, feedback) -> str:
        crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        if mapping.uses_xy():
            if not crs.isValid():
                geographic = xy_look_geographic(mapping.x, mapping.y)
                crs = QgsCoordinateReferenceSystem("EPSG:4326" if geographic else "EPSG:28992")
                self.info(feedback, tr("Coordinates are read as {crs}.").format(crs=crs.authid()))
        elif given.csv_path:
            raise QgsProcessingException(tr("The input has no point geometry: choose its x and y columns."))
        elif not crs.isValid():
            crs = given.source.sourceCrs() if given.source is not None else crs
            if not crs.isValid():
                raise QgsProcessingException(tr(
                    "The layer has no coordinate reference system (a shapefile without its .prj file?). Choose "
                    "the CRS of its points as 'CRS of the x/y columns' (SOURCE_CRS)."))
        return crs.authid() if crs.authid() else crs.toWkt()

    def _whole_layer(self, parameters, context):
        """The input layer when all of it is imported (no selection, limit or filter), else None."""
        definition = parameters.get(self.INPUT)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition):
            if definition.selectedFeaturesOnly or definition.featureLimit != -1 or \
                    getattr(definition, "filterExpression", ""):
                return None
        return self.parameterAsVectorLayer(parameters, self.INPUT, context)

    def _source_name(self, parameters, context, given: ImportInput) -> str:
        if given.csv_path:
            return Path(given.csv_path).stem
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is not None:
            uri = layer.source().split("|")[0]
            stem = Path(uri).stem
            return stem or layer.name()
        return "import"

    # Reporting ------------------------------------------------------------------------------------
    def _log_report(self, report: ImportReport, feedback) -> None:
        self.info(feedback, tr("Read {read} rows: {imported} imported, {dup} imported before, "
                               "{rejected} rejected.").format(read=report.rows_read, imported=report.imported,
                                                              dup=report.duplicates,
                                                              rejected=report.rejected_count - report.duplicates))
        if report.time_unknown:
            feedback.pushWarning(tr("{n} of the imported incidents have a date but no time of day: they are stored "
                                    "without a time, and analyses by time of day leave them out.").format(
                n=report.time_unknown))
        if report.unmapped:
            labels = ", ".join(f"'{label}' ({n})" for label, n in report.unmapped.items())
            feedback.pushWarning(tr("Category labels without a category: {labels}. Map them (Import incidents "
                                    "dialog, the category_aliases table, or CATEGORY_MAP such as "
                                    "{example}=M.4) and import the file again: the rows already imported are "
                                    "recognised.").format(labels=labels, example=next(iter(report.unmapped))))
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
                text = "; ".join(f"{n} x {reason}" for n, reason in summary)
                raise QgsProcessingException(tr(
                    "None of the {n} rows could be imported, so nothing was changed. Reasons: {summary}. "
                    "First rejected rows: {rows}.").format(n=report.rows_read, summary=text, rows=examples))

    def _rejected_sink(self, parameters, context, given: ImportInput):
        fields = QgsFields()
        fields.append(QgsField("row", INT))
        fields.append(QgsField("reason", STRING))
        seen = {"row", "reason"}
        for name in given.names:
            name = name if name not in seen else "src_" + name
            seen.add(name)
            fields.append(QgsField(name, STRING))
        crs = given.source.sourceCrs() if given.source is not None else QgsCoordinateReferenceSystem()
        return self.parameterAsSink(parameters, self.REJECTED, context, fields, WkbType.NoGeometry, crs)

    def _write_rejected(self, sink, given: ImportInput, report: ImportReport) -> None:
        rows = self._rejected_cells(given, report)
        out = []
        for r in report.rejected:
            feature = QgsFeature()
            feature.setAttributes([r.row, r.render(tr)] + rows.get(r.row, []))
            out.append(feature)
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)

    @staticmethod
    def _rejected_cells(given: ImportInput, report: ImportReport) -> Dict[int, List[Optional[str]]]:
        """row -> every cell of the rejected rows, as text."""
        wanted = {r.row for r in report.rejected}
        if given.csv_path:
            data = read_csv(given.csv_path, {}, report.encoding or given.encoding, keep_rows=wanted)
            ordered = sorted(wanted)
            width = len(given.names)
            return {row: (cells + [""] * width)[:width] for row, cells in zip(ordered, data.columns["*"])}
        by_fid = {report.fids[row - 1]: row for row in wanted}
        request = QgsFeatureRequest().setFilterFids(list(by_fid)).setFlags(FeatureRequestFlag.NoGeometry)
        cells = {}
        for feature in given.source.getFeatures(request):
            cells[by_fid[feature.id()]] = ["" if v is None or (hasattr(v, "isNull") and v.isNull()) else str(v)
                                           for v in feature.attributes()]
        return cells


ALGORITHM = ImportIncidentsAlgorithm
