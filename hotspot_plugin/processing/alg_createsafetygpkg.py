"""hotspot:createsafetygpkg - an empty safety GeoPackage with all layers, categories and styles.

The GeoPackage's CRS must measure metres on the ground (the scan and the schouw route measure in
it): a chosen CRS that fails the one rule (in degrees, or its scale more than 1 % off 1 where the
municipality lies) is replaced by RD New, Belgian Lambert 2008 or the UTM zone, and the log says
why; with no place known (no municipality code, a world-wide CRS) it is refused
(adapters.crs.new_gpkg_crs).
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..adapters.crs import new_gpkg_crs
from ..core import schema
from ..core.errors import InputError
from ..core.i18n import N_
from ..i18n import tr
from ..storage import gpkg
from ..storage.styles import build_styles
from .base import HotspotAlgorithm


class CreateSafetyGpkgAlgorithm(HotspotAlgorithm):
    NAME = "createsafetygpkg"
    GROUP_ID = "data"
    ICON = "database.svg"
    OUTPUT = "OUTPUT"
    CRS = "CRS"
    MUNICIPALITY = "MUNICIPALITY"
    OVERWRITE = "OVERWRITE"
    ADD_LAYERS = "ADD_LAYERS"

    def display_name(self) -> str:
        return tr("Create safety GeoPackage")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("Coordinate reference system (projected, metres)"),
                                                    defaultValue=f"EPSG:{schema.DEFAULT_EPSG}", optional=True))
        self.addParameter(QgsProcessingParameterString(self.MUNICIPALITY, tr("Municipality (name or CBS code)"),
                                                       defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite an existing file"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(self.ADD_LAYERS, tr("Add the layers to the project"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Safety GeoPackage"),
                                                                fileFilter=tr("GeoPackage") + " (*.gpkg)"))
        self.addOutput(QgsProcessingOutputString("MUNICIPALITY_OUT", tr("Municipality")))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(f"EPSG:{schema.DEFAULT_EPSG}")
        municipality = self.parameterAsString(parameters, self.MUNICIPALITY, context)
        crs, why = new_gpkg_crs(crs, municipality, context.transformContext())
        if why:
            self.info(feedback, why)
        authid = crs.authid()
        if not authid.upper().startswith("EPSG:"):
            raise InputError(N_("Choose a CRS with an EPSG code (such as EPSG:28992 RD New); {crs} has none."),
                             crs=crs.description())
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        feedback.setProgress(10)
        styles = build_styles()
        feedback.setProgress(30)
        gpkg.create_safety_gpkg(path, int(authid.split(":")[1]), municipality, styles=styles, overwrite=overwrite)
        feedback.setProgress(100)
        self.info(feedback, tr("Created safety GeoPackage {path} with {n} layers.").format(
            path=path, n=len(schema.LAYERS)))
        self._add = self.parameterAsBoolean(parameters, self.ADD_LAYERS, context)
        self._path = path
        return {self.OUTPUT: path, "MUNICIPALITY_OUT": municipality}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 - QGIS API
        if getattr(self, "_add", False) and context.project() is not None:
            from ..storage.layers import add_safety_layers

            add_safety_layers(self._path, context.project())
        return {}


ALGORITHM = CreateSafetyGpkgAlgorithm
