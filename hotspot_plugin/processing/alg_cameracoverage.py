"""hotspot:cameracoverage - the area each camera can see, and the incidents in it.

A point is seen by a camera when it lies within the camera's range and field of view and the
straight line from the camera does not pass through the interior of an obstacle (a line along
a wall or through a corner is not blocked). The polygons are exact to 0.25 m at their edges
(``core.visibility``: the sector minus the shadow of every obstacle edge).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)
from shapely.ops import unary_union

from ..adapters.features import read_points
from ..adapters.geometry import from_wkb
from ..adapters.measure_inputs import (
    CameraSettings,
    coverages,
    covers_xy,
    transform_to,
)
from ..compat import DOUBLE, INT, ProcessingSourceType, WkbType
from ..core.numbers import format_number
from ..i18n import decimal_sign, tr
from .base import HotspotAlgorithm, source_name
from .camera_params import CameraParameterNames, camera_parameters, camera_settings, read_camera_inputs


@dataclass
class CoverageParameters:
    cameras: object
    cameras_name: str
    settings: CameraSettings
    obstacles: object
    incidents: object
    expression: str


class CameraCoverageAlgorithm(CameraParameterNames, HotspotAlgorithm):
    NAME = "cameracoverage"

    def display_name(self) -> str:
        return tr("Camera coverage")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        camera_parameters(self, tr("Cameras (points)"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Camera coverage"), ProcessingSourceType.VectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("COVERED_AREA", tr("Area seen by the cameras (m², union)")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_INCIDENTS", tr("Incidents seen by a camera")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_SHARE", tr("Share of the incidents seen (0-1)")))

    def process(self, parameters, context, feedback):
        p = self._parameters(parameters, context)
        crs, rows, obstacles = read_camera_inputs(self, p, parameters, context, feedback)
        feedback.setProgress(10)
        polygons = coverages(rows.cameras, obstacles, self.monitor(feedback).sub(10, 85))
        blind = [fid for fid, poly in zip(rows.fids, polygons) if poly.is_empty]
        if blind:
            feedback.pushWarning(tr("{n} cameras see nothing: they lie inside an obstacle (for example feature "
                                    "{fid}). Put a facade camera on the wall or just outside it.").format(
                                        n=len(blind), fid=blind[0]))
        x = y = np.zeros(0)
        if p.incidents is not None:
            points = read_points(p.incidents, p.expression, context, feedback,
                                 transform=transform_to(p.incidents, crs, context), progress=(85, 92))
            x, y = points.x, points.y
        seen = [covers_xy(poly, x, y) for poly in polygons]
        covered_any = np.logical_or.reduce(seen) if seen and x.size else np.zeros(x.shape, dtype=bool)
        union = unary_union([poly for poly in polygons if not poly.is_empty])
        dest = self._write(parameters, context, p.cameras.fields(), rows, polygons,
                           seen if p.incidents is not None else None, crs)
        covered, share = int(np.count_nonzero(covered_any)), (float(np.mean(covered_any)) if x.size else None)
        decimal = decimal_sign()
        self.info(feedback, tr("{n} cameras see {area} m²{incidents}.").format(
            n=len(rows.cameras), area=format_number(union.area, 0, decimal, group=True),
            incidents="" if p.incidents is None else tr(" and {k} of {total} incidents").format(
                k=covered, total=int(x.size))))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "COVERED_AREA": float(union.area),
                "COVERED_INCIDENTS": covered if p.incidents is not None else None, "COVERED_SHARE": share}

    def _parameters(self, parameters, context) -> CoverageParameters:
        cameras = self.required_source(parameters, self.CAMERAS, context)
        name = source_name(self, parameters, self.CAMERAS, context)
        if cameras.featureCount() == 0:
            raise QgsProcessingException(tr("The layer {layer} has no camera points.").format(layer=name))
        settings = camera_settings(self, parameters, context)
        return CoverageParameters(cameras, name, settings,
                                  self.parameterAsSource(parameters, self.OBSTACLES, context),
                                  self.parameterAsSource(parameters, self.INCIDENTS, context),
                                  (self.parameterAsString(parameters, self.FILTER, context) or "").strip())

    @staticmethod
    def output_fields(source_fields) -> QgsFields:
        fields = QgsFields(source_fields)
        for name, kind in (("camera_fid", INT), ("azimuth", DOUBLE), ("fov", DOUBLE),
                           ("range_m", DOUBLE), ("area_m2", DOUBLE),
                           ("n_incidents", INT)):
            if fields.lookupField(name) < 0:
                fields.append(QgsField(name, kind))
        return fields

    def _write(self, parameters, context, source_fields, rows, polygons, seen: Optional[List[np.ndarray]], crs):
        fields = self.output_fields(source_fields)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                          crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        n_own = source_fields.count()
        for k, (camera, poly) in enumerate(zip(rows.cameras, polygons)):
            feature = QgsFeature(fields)
            if not poly.is_empty:
                geom = from_wkb(poly.wkb)
                geom.convertToMultiType()
                feature.setGeometry(geom)
            values = list(rows.attributes[k])[:n_own] + [None] * (fields.count() - n_own)
            extra = {"camera_fid": rows.fids[k], "azimuth": camera.azimuth, "fov": camera.fov,
                     "range_m": camera.range, "area_m2": float(poly.area),
                     "n_incidents": None if seen is None else int(np.count_nonzero(seen[k]))}
            for name, value in extra.items():
                values[fields.lookupField(name)] = value
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest


ALGORITHM = CameraCoverageAlgorithm
