"""hotspot:importareas - buurten, wijken, gemeenten or statistical sectors into the areas layer.

The fields are guessed from the CBS wijk- en buurtkaart (recent and old naming) and Statbel's
statistical sectors (``core.area_import``); any other polygon layer works with a field mapping.
The polygons are reprojected to the GeoPackage's CRS and written by code in one transaction
(``storage.areas``): a newer year of the map updates the stored areas, no duplicates.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..adapters.areas import read_area_source
from ..adapters.crs import gpkg_crs
from ..compat import GeometryType, ProcessingNumberParameterType, ProcessingSourceType
from ..core.area_import import (
    LEVELS,
    AreaMapping,
    guess_mapping,
    municipality_filter,
    prepare_rows,
    require_fields,
    summarise_skips,
    year_from_name,
)
from ..i18n import tr
from ..storage import gpkg
from ..storage.areas import upsert_areas
from .base import HotspotAlgorithm, gpkg_parameter, optional_number


@dataclass
class AreaImportParameters:
    """The parameters of hotspot:importareas, read once."""

    source: object
    source_name: str
    path: str
    level: str
    mapping: AreaMapping
    municipalities: list
    year: Optional[int]
    transform: Optional[QgsCoordinateTransform]


class ImportAreasAlgorithm(HotspotAlgorithm):
    NAME = "importareas"
    GROUP_ID = "data"
    ICON = "import.svg"
    INPUT = "INPUT"
    GPKG = "GPKG"
    LEVEL = "LEVEL"
    CODE_FIELD = "CODE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    INHABITANTS_FIELD = "INHABITANTS_FIELD"
    DWELLINGS_FIELD = "DWELLINGS_FIELD"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    MUNICIPALITY = "MUNICIPALITY"
    YEAR = "YEAR"

    ROLE_PARAMS = {"code": CODE_FIELD, "name": NAME_FIELD, "inhabitants": INHABITANTS_FIELD,
                   "dwellings": DWELLINGS_FIELD, "municipality": MUNICIPALITY_FIELD}

    def display_name(self) -> str:
        return tr("Import areas (buurten, wijken)")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Areas (polygon layer: CBS wijk- en buurtkaart, Statbel statistical sectors, …)"),
            [ProcessingSourceType.VectorPolygon]))
        self.addParameter(gpkg_parameter(self.GPKG))
        self.addParameter(QgsProcessingParameterEnum(
            self.LEVEL, tr("Level"), options=[tr("buurt (neighbourhood)"), tr("wijk (district)"),
                                              tr("gemeente (municipality)"), tr("statistical sector (Belgium)")],
            defaultValue=0))
        labels = {"code": tr("Code field [guessed when empty]"),
                  "name": tr("Name field [guessed when empty]"),
                  "inhabitants": tr("Inhabitants field [guessed when empty]"),
                  "dwellings": tr("Dwellings field [guessed when empty]"),
                  "municipality": tr("Municipality code field [guessed when empty]")}
        for role, name in self.ROLE_PARAMS.items():
            self.addParameter(QgsProcessingParameterField(name, labels[role], parentLayerParameterName=self.INPUT,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MUNICIPALITY, tr("Only these municipalities (codes, e.g. GM0363 or 11002; empty: all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Year of the map (empty: from the file name)"),
            type=ProcessingNumberParameterType.Integer, minValue=1900, maxValue=2100, optional=True))
        self.addOutput(QgsProcessingOutputNumber("INSERTED", tr("Areas added")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Areas updated")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Features skipped")))
        self.addOutput(QgsProcessingOutputNumber("UNKNOWN_INHABITANTS", tr("Areas without a known number of "
                                                                           "inhabitants")))

    def read_parameters(self, parameters, context, feedback) -> AreaImportParameters:
        source = self.required_source(parameters, self.INPUT, context)
        if QgsWkbTypes.geometryType(source.wkbType()) != GeometryType.Polygon:
            raise QgsProcessingException(tr("The input has no polygons: choose a polygon layer of areas."))
        path = self.parameterAsFile(parameters, self.GPKG, context)
        gpkg.check_safety_gpkg(path)
        level = LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)]
        names = source.fields().names()
        guessed = guess_mapping(names, level)
        chosen = {role: (self.parameterAsString(parameters, name, context) or "")
                  for role, name in self.ROLE_PARAMS.items()}
        for role, value in chosen.items():
            if not value and getattr(guessed, role):
                chosen[role] = getattr(guessed, role)
                self.info(feedback, tr("Field '{field}' is used as {role}.").format(field=chosen[role], role=role))
        parent = guessed.parent if guessed.parent and guessed.parent != guessed.municipality else ""
        parent = parent or (chosen["municipality"] if level != "gemeente" else "")
        mapping = AreaMapping(parent=parent, **chosen)
        require_fields(names, mapping)
        municipalities = municipality_filter(self.parameterAsString(parameters, self.MUNICIPALITY, context))
        if municipalities and not mapping.municipality:
            raise QgsProcessingException(tr("Choose the municipality code field to import only some "
                                            "municipalities."))
        source_name = self._source_name(parameters, context)
        year = optional_number(parameters, self.YEAR)
        year = int(year) if year is not None else year_from_name(source_name)
        crs = gpkg_crs(path)
        transform = None
        if not source.sourceCrs().isValid():
            feedback.pushWarning(tr("The input has no CRS: its coordinates are taken to be in the GeoPackage's "
                                    "CRS {crs}.").format(crs=crs.authid()))
        elif source.sourceCrs() != crs:
            transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
            self.info(feedback, tr("Reprojected from {source} to {target}.").format(
                source=source.sourceCrs().authid() or source.sourceCrs().description(), target=crs.authid()))
        return AreaImportParameters(source, source_name, path, level, mapping, municipalities, year, transform)

    def process(self, parameters, context, feedback):
        p = self.read_parameters(parameters, context, feedback)
        monitor = self.monitor(feedback)
        read = read_area_source(p.source, p.mapping, p.transform, p.municipalities, monitor.sub(0, 50))
        rows = prepare_rows(read.columns, read.geometries, p.mapping)
        if not len(rows):
            raise QgsProcessingException(tr(
                "None of the features can be imported (no code or no polygon, or no feature of the chosen "
                "municipalities), so nothing was changed."))
        report = upsert_areas(p.path, rows, p.level, p.year, monitor.sub(50, 100))
        skipped = rows.skipped + report.skipped
        n_skipped = len(skipped) + read.other_municipality
        self.info(feedback, tr("{level}: {inserted} added, {updated} updated, {skipped} skipped; year {year}.").format(
            level=p.level, inserted=report.inserted, updated=report.updated, skipped=n_skipped,
            year=p.year if p.year is not None else tr("unknown")))
        if read.other_municipality:
            self.info(feedback, tr("{n} features of other municipalities were left out.").format(
                n=read.other_municipality))
        for n, example in summarise_skips(skipped, tr):
            feedback.pushWarning(tr("{n} x, for example: {reason}").format(n=n, reason=example))
        if rows.unknown_inhabitants:
            feedback.pushWarning(tr("{n} of {total} areas have no known number of inhabitants (empty, or secret "
                                    "or missing in the source); their rates stay empty.").format(
                n=rows.unknown_inhabitants, total=len(rows)))
        return {"INSERTED": report.inserted, "UPDATED": report.updated, "SKIPPED": n_skipped,
                "UNKNOWN_INHABITANTS": rows.unknown_inhabitants}

    def _source_name(self, parameters, context) -> str:
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is not None:
            return Path(layer.source().split("|")[0]).stem or layer.name()
        return str(parameters.get(self.INPUT, ""))


ALGORITHM = ImportAreasAlgorithm
