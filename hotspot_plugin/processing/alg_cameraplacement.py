"""hotspot:cameraplacement - choose K camera positions among candidates that see the most incidents.

Each candidate's view is computed as in hotspot:cameracoverage; ``core.placement`` then tries
every set of K candidates when there are at most 100,000 such sets, else chooses greedily
(at least 1 - 1/e, about 63 %, of the best possible coverage). The log says which was used.
With a safety GeoPackage the chosen cameras become planned measures ('cameratoezicht') in its
register, their coverage as location, so hotspot:measureeffect can evaluate them later.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..adapters.crs import gpkg_crs
from ..adapters.features import read_points
from ..adapters.geometry import from_wkb
from ..adapters.measure_inputs import (
    coverages,
    covers_xy,
    shapely_to_crs,
    transform_to,
)
from ..compat import DOUBLE, INT, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core import placement as pl
from ..core.measure_register import MeasureRecord
from ..core.numbers import format_number
from ..i18n import decimal_sign, tr
from ..storage.measure_style import measures_qml
from ..storage.measures import add_measures
from .base import HotspotAlgorithm, source_name
from .camera_params import CameraParameterNames, camera_parameters, camera_settings, read_camera_inputs


@dataclass
class PlacementParameters:
    cameras: object
    cameras_name: str
    settings: object
    obstacles: object
    incidents: object
    expression: str
    k: int
    gpkg: str


class CameraPlacementAlgorithm(CameraParameterNames, HotspotAlgorithm):
    NAME = "cameraplacement"
    K = "K"
    GPKG = "GPKG"

    def display_name(self) -> str:
        return tr("Camera placement")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        camera_parameters(self, tr("Candidate camera positions (points, e.g. lamp posts and facades)"),
                          incidents_optional=False)
        self.addParameter(QgsProcessingParameterNumber(
            self.K, tr("Number of cameras to place"), ProcessingNumberParameterType.Integer, defaultValue=3,
            minValue=1))
        self.addParameter(QgsProcessingParameterFile(
            self.GPKG, tr("Register the chosen cameras as planned measures in this safety GeoPackage (optional)"),
            extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Chosen cameras and their coverage"), ProcessingSourceType.VectorPolygon))
        self.addOutput(QgsProcessingOutputString("METHOD", tr("Search used (exhaustive or greedy)")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_INCIDENTS", tr("Incidents seen by the chosen cameras")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_SHARE", tr("Share of the incidents seen (0-1)")))
        self.addOutput(QgsProcessingOutputNumber("REGISTERED", tr("Measures added to the register")))

    def process(self, parameters, context, feedback):
        p = self._parameters(parameters, context)
        crs, rows, obstacles = read_camera_inputs(self, p, parameters, context, feedback)
        points = read_points(p.incidents, p.expression, context, feedback,
                             transform=transform_to(p.incidents, crs, context), progress=(2, 8))
        if points.x.size == 0:
            raise QgsProcessingException(tr("No incidents to cover: the incident layer is empty or nothing passes "
                                            "the filter."))
        polygons = coverages(rows.cameras, obstacles, self.monitor(feedback).sub(8, 70))
        covers = [np.flatnonzero(covers_xy(poly, points.x, points.y)).tolist() for poly in polygons]
        k = min(p.k, len(rows.cameras))
        if p.k > len(rows.cameras):
            feedback.pushWarning(tr("There are only {n} candidates: all of them are chosen.").format(
                n=len(rows.cameras)))
        result = pl.place(covers, k, self.monitor(feedback).sub(70, 95))
        self._log_method(feedback, result, len(rows.cameras), k)
        dest = self._write(parameters, context, rows, polygons, result, points.x.size, crs)
        registered = self._register(p, rows, polygons, result, crs, context, feedback)
        share = result.covered / points.x.size
        self.info(feedback, tr("The {k} cameras see {n} of the {total} incidents ({pct}%).").format(
            k=k, n=result.covered, total=points.x.size, pct=format_number(100 * share, 1, decimal_sign())))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "METHOD": result.method, "COVERED_INCIDENTS": result.covered,
                "COVERED_SHARE": share, "REGISTERED": registered}

    def _parameters(self, parameters, context) -> PlacementParameters:
        cameras = self.required_source(parameters, self.CAMERAS, context)
        name = source_name(self, parameters, self.CAMERAS, context)
        if cameras.featureCount() == 0:
            raise QgsProcessingException(tr("The layer {layer} has no camera points.").format(layer=name))
        incidents = self.required_source(parameters, self.INCIDENTS, context)
        return PlacementParameters(cameras, name, camera_settings(self, parameters, context),
                                   self.parameterAsSource(parameters, self.OBSTACLES, context), incidents,
                                   (self.parameterAsString(parameters, self.FILTER, context) or "").strip(),
                                   self.parameterAsInt(parameters, self.K, context),
                                   (self.parameterAsFile(parameters, self.GPKG, context) or "").strip())

    def _log_method(self, feedback, result: pl.Placement, n: int, k: int) -> None:
        sets = format_number(result.combinations, 0, decimal_sign(), group=True)
        if result.method == "exhaustive":
            self.info(feedback, tr("Exhaustive search: all {sets} sets of {k} of the {n} candidates were tried; "
                                   "the choice is the best possible.").format(sets=sets, k=k, n=n))
        else:
            self.info(feedback, tr("Greedy search ({sets} sets of {k} of the {n} candidates are too many to try "
                                   "all): each step adds the candidate that sees the most incidents not yet "
                                   "seen. This is guaranteed to see at least {pct}% of what the best {k} cameras "
                                   "could see.").format(sets=sets, k=k, n=n,
                                                        pct=format_number(100 * pl.GREEDY_GUARANTEE, 0)))

    @staticmethod
    def output_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (("rank", INT), ("camera_fid", INT), ("x", DOUBLE),
                           ("y", DOUBLE), ("azimuth", DOUBLE), ("fov", DOUBLE),
                           ("range_m", DOUBLE), ("gain", INT), ("cumulative", INT),
                           ("cumulative_share", DOUBLE), ("area_m2", DOUBLE)):
            fields.append(QgsField(name, kind))
        return fields

    def _write(self, parameters, context, rows, polygons, result: pl.Placement, total: int, crs):
        fields = self.output_fields()
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                          crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for rank, (i, gain, cumulative) in enumerate(zip(result.chosen, result.gains, result.cumulative), start=1):
            camera, poly = rows.cameras[i], polygons[i]
            feature = QgsFeature(fields)
            if not poly.is_empty:
                geom = from_wkb(poly.wkb)
                geom.convertToMultiType()
                feature.setGeometry(geom)
            feature.setAttributes([rank, rows.fids[i], camera.x, camera.y, camera.azimuth, camera.fov, camera.range,
                                   gain, cumulative, cumulative / total if total else None, float(poly.area)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _register(self, p: PlacementParameters, rows, polygons, result: pl.Placement, crs, context, feedback) -> int:
        """The chosen cameras as planned measures 'cameratoezicht' (location: the coverage)."""
        if not p.gpkg:
            return 0
        target = gpkg_crs(p.gpkg)
        records = []
        for rank, i in enumerate(result.chosen, start=1):
            camera, poly = rows.cameras[i], polygons[i]
            location = poly if not poly.is_empty else None
            if location is None:
                continue
            location = shapely_to_crs(location, crs, target, context.transformContext())
            direction = "" if camera.all_round else tr(", looking {deg}°").format(deg=format_number(camera.azimuth, 0))
            records.append(MeasureRecord(
                location=location, measure_id="cameratoezicht", source="camera", owner="gemeente",
                title=tr("Camera {rank} at ({x}, {y}){direction}").format(
                    rank=rank, x=format_number(camera.x, 0), y=format_number(camera.y, 0), direction=direction),
                note=tr("Chosen by camera placement: sees {n} incidents (range {range} m, field of view {fov}°).")
                .format(n=result.cumulative[rank - 1] - (result.cumulative[rank - 2] if rank > 1 else 0),
                        range=format_number(camera.range), fov=format_number(camera.fov))))
        added = add_measures(p.gpkg, records, measures_qml())
        self.info(feedback, tr("{n} cameras were added to the measures register of {path} as planned "
                               "measures.").format(n=len(added), path=p.gpkg))
        return len(added)


ALGORITHM = CameraPlacementAlgorithm
