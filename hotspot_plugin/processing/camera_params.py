"""The camera parameters hotspot:cameracoverage and hotspot:cameraplacement share."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..adapters.measure_inputs import CameraSettings, polygons_union, read_cameras, transform_to, working_crs
from ..compat import ProcessingFieldParameterDataType, ProcessingNumberParameterType, ProcessingSourceType
from ..i18n import tr
from .base import filter_parameter, source_name


class CameraParameterNames:
    """The parameter names of the camera algorithms (a mixin of both)."""

    GROUP_ID = "measures"
    CAMERAS = "CAMERAS"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    FOV = "FOV"
    FOV_FIELD = "FOV_FIELD"
    RANGE = "RANGE"
    RANGE_FIELD = "RANGE_FIELD"
    OBSTACLES = "OBSTACLES"
    INCIDENTS = "INCIDENTS"
    FILTER = "FILTER"
    OUTPUT = "OUTPUT"


def camera_parameters(alg, cameras_label: str, incidents_optional: bool = True) -> None:
    """The camera parameters cameracoverage and cameraplacement share."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        alg.CAMERAS, cameras_label, [ProcessingSourceType.VectorPoint]))
    alg.addParameter(QgsProcessingParameterField(
        alg.DIRECTION_FIELD, tr("Direction field (degrees clockwise from north; empty or NULL: all round)"),
        parentLayerParameterName=alg.CAMERAS, type=ProcessingFieldParameterDataType.Numeric, optional=True))
    alg.addParameter(QgsProcessingParameterNumber(
        alg.FOV, tr("Field of view (degrees)"), ProcessingNumberParameterType.Double, defaultValue=360.0,
        minValue=1.0, maxValue=360.0))
    alg.addParameter(QgsProcessingParameterField(
        alg.FOV_FIELD, tr("Field of view field (wins over the fixed value)"), parentLayerParameterName=alg.CAMERAS,
        type=ProcessingFieldParameterDataType.Numeric, optional=True))
    alg.addParameter(QgsProcessingParameterNumber(
        alg.RANGE, tr("Range (m)"), ProcessingNumberParameterType.Double, defaultValue=50.0, minValue=0.5))
    alg.addParameter(QgsProcessingParameterField(
        alg.RANGE_FIELD, tr("Range field (m; wins over the fixed value)"), parentLayerParameterName=alg.CAMERAS,
        type=ProcessingFieldParameterDataType.Numeric, optional=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        alg.OBSTACLES, tr("Obstacles (polygons, e.g. BAG buildings; optional)"),
        [ProcessingSourceType.VectorPolygon], optional=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        alg.INCIDENTS, tr("Incidents (points; optional)") if incidents_optional else tr("Incidents (points)"),
        [ProcessingSourceType.VectorPoint], optional=incidents_optional))
    alg.addParameter(filter_parameter(alg.FILTER, parent=alg.INCIDENTS))


def camera_settings(alg, parameters, context) -> CameraSettings:
    """The camera settings of a run (a field wins over the fixed value)."""
    return CameraSettings(
        alg.parameterAsString(parameters, alg.DIRECTION_FIELD, context) or "",
        alg.parameterAsDouble(parameters, alg.FOV, context),
        alg.parameterAsString(parameters, alg.FOV_FIELD, context) or "",
        alg.parameterAsDouble(parameters, alg.RANGE, context),
        alg.parameterAsString(parameters, alg.RANGE_FIELD, context) or "")


def read_camera_inputs(alg, p, parameters, context, feedback):
    """The working CRS (the one metric rule), the cameras and the union of the obstacles, both in it."""
    crs = working_crs([(p.cameras, p.cameras_name)], context, lambda text: alg.info(feedback, text))
    rows = read_cameras(p.cameras, p.settings, context, feedback, transform_to(p.cameras, crs, context),
                        p.cameras_name)
    obstacles = [] if p.obstacles is None else polygons_union(
        p.obstacles, context, feedback, transform_to(p.obstacles, crs, context),
        source_name(alg, parameters, alg.OBSTACLES, context))
    return crs, rows, obstacles
