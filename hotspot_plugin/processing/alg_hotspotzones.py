"""hotspot:hotspotzones - polygons where a density raster, or a Gi* result, marks a hotspot.

Two inputs, one of them:

* **A density raster** (band 1, its nodata respected), e.g. the output of hotspot:densityheatmap:
  the cells in the top TOP_PERCENT % of the valid cells, or at or above THRESHOLD, are joined
  into zones (cells touching at an edge or a corner form one zone) by ``core.zones``. A raster
  of more than :data:`MAX_RASTER_CELLS` cells is read in row bands and reduced by an integer
  factor, each coarse cell holding the maximum of the cells it covers; the log says so.
* **The polygon output of hotspot:gistar** (fields ``gi_class``, ``gi_z``): the cells or areas of
  class MIN_CLASS or higher. A square grid is put back on its grid (the cell size and origin are
  read from the squares) and handled like a raster (``zones_from_classes``); hexagons and other
  polygons that touch (at an edge or a corner) are dissolved into one zone with shapely
  (``core.zones.dissolve_zones``). Peak and mean are then Gi* z-scores.

Each zone gets its peak (value and the centre of the peak cell), area, number of cells, mean,
the number of incidents inside (optional) and a rank (1 = highest peak, ties: larger zone first).
``zone_id`` numbers the zones from north to south (then west to east) by their northernmost edge.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from shapely.geometry.base import BaseGeometry

from ..adapters.crs import working_crs
from ..adapters.features import feature_request, read_points, whole_layer
from ..adapters.geometry import from_wkb, to_shapely
from ..compat import DOUBLE, INT, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core import zones as zn
from ..core.errors import Canceled
from ..core.numbers import format_number
from ..i18n import tr
from ..storage.hotspot_styles import store_style_in_gpkg, style_on_load
from .base import HotspotAlgorithm, is_null, optional_number, source_name

TOP_PERCENT_METHOD, THRESHOLD_METHOD = 0, 1
#: Rasters with more cells are reduced (block maximum) before the zones are found.
MAX_RASTER_CELLS = 25_000_000
#: Cells a band of rows holds at most while a large raster is reduced.
READ_BAND_CELLS = 4_000_000


@dataclass
class Raster:
    """Band 1 of a raster as float64 with its valid cells and GDAL geotransform."""

    values: np.ndarray
    valid: np.ndarray
    transform: Tuple[float, ...]
    factor: int
    shape_read: Tuple[int, int]


def read_raster(path: str, feedback=None, max_cells: Optional[int] = None) -> Raster:
    """Band 1 of the raster at *path* with rasterio; reduced by block maxima above *max_cells*.

    Above *max_cells* (default :data:`MAX_RASTER_CELLS`) the raster is read in bands of rows
    and every block of f x f cells becomes one cell holding their highest valid value, with f
    the smallest integer that brings the cell count within the limit.
    """
    import rasterio
    from rasterio.windows import Window

    max_cells = MAX_RASTER_CELLS if max_cells is None else max_cells
    with rasterio.open(path) as src:
        height, width = src.height, src.width
        nodata = src.nodata
        gt = tuple(src.transform.to_gdal())

        def invalid(a: np.ndarray) -> np.ndarray:
            bad = ~np.isfinite(a)
            if nodata is not None and not math.isnan(nodata):
                bad |= a == nodata
            return bad

        if height * width <= max_cells:
            a = src.read(1).astype(np.float64, copy=False)
            bad = invalid(a)
            return Raster(a, ~bad, gt, 1, (height, width))
        f = int(math.ceil(math.sqrt(height * width / max_cells)))
        out_h, out_w = -(-height // f), -(-width // f)
        out = np.full((out_h, out_w), -np.inf)
        rows_per = max(f, (READ_BAND_CELLS // max(1, width)) // f * f)
        for r0 in range(0, height, rows_per):
            if feedback is not None:
                if feedback.isCanceled():
                    raise Canceled()
                feedback.setProgress(5 + 40 * r0 / height)
            nrows = min(rows_per, height - r0)
            a = src.read(1, window=Window(0, r0, width, nrows)).astype(np.float64, copy=False)
            a = np.where(invalid(a), -np.inf, a)
            pad_r, pad_c = (-nrows) % f, (-width) % f
            if pad_r or pad_c:
                a = np.pad(a, ((0, pad_r), (0, pad_c)), constant_values=-np.inf)
            block = a.reshape(a.shape[0] // f, f, a.shape[1] // f, f).max(axis=(1, 3))
            out[r0 // f:r0 // f + block.shape[0]] = block
        valid = np.isfinite(out)
        x0, px, rx, y0, ry, py = gt
        return Raster(np.where(valid, out, np.nan), valid, (x0, px * f, rx * f, y0, ry * f, py * f), f,
                      (height, width))


def read_gistar(source, feedback, min_class: int) -> zn.GiCells:
    """gi_class, gi_z and the geometry facts of every feature of a hotspot:gistar output.

    Features without a geometry, class or z-score are skipped. Shapely geometries are made only
    for cells of class *min_class* or higher (one million cells: a few seconds instead of a minute).
    """
    fields = source.fields()
    missing = [name for name in ("gi_class", "gi_z") if fields.lookupField(name) < 0]
    if missing:
        raise QgsProcessingException(tr(
            "The layer has no field {fields}: choose the output of 'Hot spots (Getis-Ord Gi*)' as the Gi* "
            "input.").format(fields=", ".join(missing)))
    ic, iz = fields.lookupField("gi_class"), fields.lookupField("gi_z")
    classes: List[int] = []
    zs: List[float] = []
    boxes: List[Tuple[float, float, float, float]] = []
    areas: List[float] = []
    five: List[bool] = []
    shapes: List[Optional[BaseGeometry]] = []
    total = max(1, source.featureCount())
    for k, feature in enumerate(source.getFeatures(feature_request(source, "", None, ["gi_class", "gi_z"]))):
        if k % 5000 == 0:
            if feedback.isCanceled():
                raise Canceled()
            feedback.setProgress(5 + 25 * k / total)
        cls, z = feature.attribute(ic), feature.attribute(iz)
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty() or is_null(cls) or is_null(z):
            continue
        box = geom.boundingBox()
        classes.append(int(cls))
        zs.append(float(z))
        boxes.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
        areas.append(geom.area())
        five.append(geom.constGet().nCoordinates() == 5)
        shapes.append(to_shapely(geom, repair=True) if int(cls) >= min_class else None)
    return zn.GiCells(np.asarray(classes, dtype=np.int64), np.asarray(zs, dtype=float),
                   np.asarray(boxes, dtype=float).reshape(-1, 4), np.asarray(areas, dtype=float),
                   np.asarray(five, dtype=bool), shapes)


class HotspotZonesAlgorithm(HotspotAlgorithm):
    NAME = "hotspotzones"
    GROUP_ID = "density"
    ICON = "zones.svg"
    INPUT_RASTER = "INPUT_RASTER"
    INPUT_GISTAR = "INPUT_GISTAR"
    METHOD = "METHOD"
    TOP_PERCENT = "TOP_PERCENT"
    THRESHOLD = "THRESHOLD"
    MIN_CLASS = "MIN_CLASS"
    MIN_AREA = "MIN_AREA"
    INCIDENTS = "INCIDENTS"
    FILTER = "FILTER"
    OUTPUT = "OUTPUT"

    def display_name(self) -> str:
        return tr("Hotspot zones")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.INPUT_RASTER, tr("Density raster (e.g. the output of Density heatmap)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT_GISTAR, tr("Or: Gi* hot spots (the output of Hot spots (Getis-Ord Gi*))"),
            [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Raster cells that form zones"),
            [tr("The top percentage of the cells"), tr("Cells at or above a threshold value")],
            defaultValue=TOP_PERCENT_METHOD))
        top = QgsProcessingParameterNumber(
            self.TOP_PERCENT, tr("Top percentage of the valid raster cells"),
            ProcessingNumberParameterType.Double, defaultValue=5.0, minValue=0.0, maxValue=100.0)
        top.setMetadata({"widget_wrapper": {"decimals": 2}})
        self.addParameter(top)
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, tr("Threshold value (raster)"), ProcessingNumberParameterType.Double,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_CLASS, tr("Gi* cells of at least class (1 = 90%, 2 = 95%, 3 = 99% confidence)"),
            ProcessingNumberParameterType.Integer, defaultValue=2, minValue=1, maxValue=3))
        min_area = QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Smallest zone area (m²)"), ProcessingNumberParameterType.Double,
            defaultValue=0.0, minValue=0.0)
        min_area.setMetadata({"widget_wrapper": {"decimals": 0}})
        self.addParameter(min_area)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INCIDENTS, tr("Incidents to count per zone"),
            [ProcessingSourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter on the incidents (e.g. category = '1.1.1')"), defaultValue="",
            parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Hotspot zones"), ProcessingSourceType.VectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("N_ZONES", tr("Number of zones")))
        self.addOutput(QgsProcessingOutputNumber("THRESHOLD_USED", tr("Threshold value used (raster)")))

    @staticmethod
    def output_fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in (("zone_id", INT), ("rank", INT), ("peak", DOUBLE),
                           ("peak_x", DOUBLE), ("peak_y", DOUBLE),
                           ("area_m2", DOUBLE), ("n_cells", INT), ("mean", DOUBLE),
                           ("n_incidents", INT)):
            fields.append(QgsField(name, kind))
        return fields

    def process(self, parameters, context, feedback):
        raster_layer = self.parameterAsRasterLayer(parameters, self.INPUT_RASTER, context)
        gistar = self.parameterAsSource(parameters, self.INPUT_GISTAR, context)
        if (raster_layer is None) == (gistar is None):
            raise QgsProcessingException(tr(
                "Choose one input: a density raster or the Gi* hot spots (the output of 'Hot spots "
                "(Getis-Ord Gi*)'), not both or neither."))
        crs = raster_layer.crs() if raster_layer is not None else gistar.sourceCrs()
        name = raster_layer.name() if raster_layer is not None else source_name(self, parameters,
                                                                                 self.INPUT_GISTAR, context)
        extent = raster_layer.extent() if raster_layer is not None else gistar.sourceExtent()
        metric, why = working_crs(crs, extent, context.transformContext(), name, require_metres=True)
        if why is not None or not crs.isValid():
            raise QgsProcessingException(tr(
                "The input {layer} is not in a CRS that measures metres on the ground ({crs}), so zone areas "
                "cannot be measured. Make it in (or reproject it to) {metric}, for example by running the "
                "heatmap or Gi* on the incidents, which choose that CRS themselves.").format(
                    layer=name, crs=crs.authid() or crs.description() or "-",
                    metric=metric.authid() if crs.isValid() else "RD New (EPSG:28992)"))
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        points_xy = self._incidents(parameters, context, feedback, crs)
        feedback.setProgress(5)
        threshold_used = None
        if raster_layer is not None:
            zones, threshold_used = self._raster_zones(parameters, context, feedback, raster_layer, points_xy,
                                                       min_area)
        else:
            zones = self._gistar_zones(parameters, context, feedback, gistar, points_xy, min_area)
        feedback.setProgress(90)
        if not zones:
            feedback.pushWarning(tr("No zone was found: no cells meet the condition (or all zones are "
                                    "smaller than the smallest zone area)."))
        dest = self._write(parameters, context, feedback, zones, crs)
        if dest and dest.split("|")[0].lower().endswith(".gpkg"):
            store_style_in_gpkg(dest, "zones")
        style_on_load(context, dest, "zones")
        for zone in zones[:10]:
            incidents = "" if zone.n_incidents is None else tr(", {n} incidents").format(n=zone.n_incidents)
            self.info(feedback, tr("Zone {rank}: peak {peak} at ({x}, {y}), {area} m², {cells} "
                                   "cells{incidents}.").format(
                                       rank=zone.rank, peak=format_number(zone.peak, 4, strip_zeros=True),
                                       x=format_number(zone.peak_x, 1, strip_zeros=True),
                                       y=format_number(zone.peak_y, 1, strip_zeros=True),
                                       area=format_number(zone.area, 0, strip_zeros=True),
                                       cells=zone.n_cells, incidents=incidents))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "N_ZONES": len(zones), "THRESHOLD_USED": threshold_used}

    def _incidents(self, parameters, context, feedback, crs) -> Optional[np.ndarray]:
        source = self.parameterAsSource(parameters, self.INCIDENTS, context)
        if source is None:
            return None
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        transform = None
        if source.sourceCrs() != crs:
            if not source.sourceCrs().isValid():
                raise QgsProcessingException(tr("The incidents layer has no coordinate reference system. Set "
                                                "its CRS in the layer properties."))
            transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        points = read_points(source, expression, context, feedback, "", transform, (0.0, 5.0),
                             whole_layer(parameters.get(self.INCIDENTS),
                                         self.parameterAsVectorLayer(parameters, self.INCIDENTS, context)))
        if points.read == 0 and expression:
            feedback.pushWarning(tr("No incidents pass the filter {expression}.").format(
                expression=expression))
        self.info(feedback, tr("{n} incidents are counted per zone.").format(n=points.x.size))
        return np.column_stack([points.x, points.y])

    def _raster_zones(self, parameters, context, feedback, layer, points_xy, min_area):
        if layer.providerType() != "gdal":
            raise QgsProcessingException(tr("The raster {layer} is not a file GDAL can read (such as a "
                                            "GeoTIFF).").format(layer=layer.name()))
        path = layer.source().split("|")[0]
        raster = read_raster(path, feedback)
        if raster.factor > 1:
            feedback.pushWarning(tr(
                "The raster has {rows} x {cols} cells, more than {max} million: it is read in blocks of "
                "{f} x {f} cells, each taking the highest value it holds, so the zones follow cells {f} "
                "times as large.").format(rows=raster.shape_read[0], cols=raster.shape_read[1],
                                          max=format_number(MAX_RASTER_CELLS / 1e6, 4, strip_zeros=True),
                                          f=raster.factor))
        if not raster.valid.any():
            raise QgsProcessingException(tr("The raster {layer} has no valid cells (all nodata).").format(
                layer=layer.name()))
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        n_valid = int(raster.valid.sum())
        if method == THRESHOLD_METHOD:
            threshold = optional_number(parameters, self.THRESHOLD)
            if threshold is None:
                raise QgsProcessingException(tr("Give the threshold value, or choose the top percentage "
                                                "method."))
            self.info(feedback, tr("Cells with a value of at least {threshold} form the zones.").format(
                threshold=format_number(threshold, 6, strip_zeros=True)))
        else:
            percent = self.parameterAsDouble(parameters, self.TOP_PERCENT, context)
            selected, threshold = zn.select_top_percent(raster.values, raster.valid, percent)
            self.info(feedback, tr("The top {percent}% of the {n} valid cells have a value of at least "
                                   "{threshold}: {k} cells.").format(
                                       percent=format_number(percent, 3, strip_zeros=True), n=n_valid,
                                       threshold=format_number(threshold, 6, strip_zeros=True), k=int(selected.sum())))
            del selected
        if feedback.isCanceled():
            raise Canceled()
        zones = zn.zones_from_raster(raster.values, raster.valid, raster.transform, threshold_value=threshold,
                                     points_xy=points_xy, min_area=min_area)
        return zones, float(threshold)

    def _gistar_zones(self, parameters, context, feedback, source, points_xy, min_area) -> List[zn.Zone]:
        min_class = self.parameterAsInt(parameters, self.MIN_CLASS, context)
        if parameters.get(self.THRESHOLD) not in (None, "") or \
                self.parameterAsEnum(parameters, self.METHOD, context) != TOP_PERCENT_METHOD:
            self.info(feedback, tr("The method and threshold apply to rasters; with Gi* input the cells of "
                                   "class {level} or higher form the zones.").format(level=min_class))
        cells = read_gistar(source, feedback, min_class)
        if cells.n == 0:
            raise QgsProcessingException(tr("The Gi* layer has no cells."))
        feedback.setProgress(30)
        lattice = zn.square_lattice(cells)
        confidence = {1: "90%", 2: "95%", 3: "99%"}[min_class]
        self.info(feedback, tr("{n} of the {total} cells are hot spots of at least {confidence} confidence "
                               "(class {level} or higher).").format(
                                   n=int((cells.classes >= min_class).sum()), total=cells.n,
                                   confidence=confidence, level=min_class))
        if lattice is not None:
            self.info(feedback, tr("The cells form a square grid of {cell} m: zones are built on that grid.")
                      .format(cell=format_number(lattice.cell, 3, strip_zeros=True)))
            classes = np.zeros((lattice.rows, lattice.cols), dtype=np.int8)
            valid = np.zeros((lattice.rows, lattice.cols), dtype=bool)
            z = np.full((lattice.rows, lattice.cols), np.nan)
            classes[lattice.row, lattice.col] = cells.classes
            valid[lattice.row, lattice.col] = True
            z[lattice.row, lattice.col] = cells.z
            return zn.zones_from_classes(classes, valid, lattice.transform, min_level=min_class, values=z,
                                         points_xy=points_xy, min_area=min_area)
        self.info(feedback, tr("The cells are not squares of one grid: touching hot cells are dissolved "
                               "into zones."))
        return zn.dissolve_zones(cells, min_class, points_xy, min_area, self.monitor(feedback))

    def _write(self, parameters, context, feedback, zones: List[zn.Zone], crs) -> str:
        fields = self.output_fields()
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        ids = zn.zone_ids(zones)
        features = []
        for zone, zone_id in zip(zones, ids):
            geom = from_wkb(zone.geometry.wkb)
            geom.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geom)
            feature.setAttributes([zone_id, zone.rank, zone.peak, zone.peak_x, zone.peak_y, zone.area,
                                   zone.n_cells, zone.mean, zone.n_incidents])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        return dest


ALGORITHM = HotspotZonesAlgorithm
