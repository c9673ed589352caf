"""hotspot:gistar - Getis-Ord Gi* hot spots of incidents on a square or hexagonal grid, or per area.

The statistics are the pure core's (``core/gistar.py``); this module reads the layers, picks the
metric CRS, builds the study-area mask, writes one polygon per cell or area and styles the result.
It also holds the point reader and the CRS helpers ``hotspot:hotspotzones`` shares.

Decisions (also in the help text):

* **CRS**: the analysis runs in metres. The first of INPUT, AREAS and STUDY_AREA
  whose CRS is projected in metres is used; when none is (degrees, feet), the data are
  reprojected to RD New (EPSG:28992) when they lie in its area of use, else Belgian Lambert 2008
  (EPSG:3812), else the UTM zone of their centre. The log says which; the output is in that CRS.
* **Study area**: STUDY_AREA when given; otherwise, on a grid, the (filtered) AREAS when given,
  else the convex hull of the incidents grown by half a cell diagonal (square) or a hexagon's
  circumradius, so every cell holding an incident takes part. Cells take part when their centre
  lies inside the study area (plus, by default, every cell holding an incident). In polygon
  mode every (filtered) area takes part, or, with STUDY_AREA, the areas whose centroid lies in it.
  Only cells and areas that take part are written.
* **Points**: incidents without a location are left out (with a warning); a NULL weight is
  refused with a message that says how to leave such incidents out. In polygon mode a point on
  the border of two areas counts for the first of them in the order of the layer.
"""
from __future__ import annotations

import math
import secrets
import sqlite3
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from scipy.spatial import ConvexHull, QhullError
from shapely import vectorized, wkb
from shapely.geometry import MultiPoint, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..core import gistar as gs
from ..core.errors import Canceled
from ..core.progress import Monitor, ensure
from ..i18n import tr
from ..storage.fastread import read_ogr_points
from ..storage.hotspot_styles import gi_class_labels, store_style_in_gpkg, style_on_load
from .base import HotspotAlgorithm, is_null, optional_number, source_name

SQUARE, HEXAGONAL, POLYGONS = 0, 1, 2
PERMUTATION, NORMAL = 0, 1
#: Features per batch handed to the sink (and between two cancel checks).
WRITE_CHUNK = 20_000
_RD_NEW = "EPSG:28992"
_LAMBERT_2008 = "EPSG:3812"
_SQRT3 = math.sqrt(3.0)


# ----------------------------------------------------------------------------------------------
# Helpers shared with hotspot:hotspotzones
# ----------------------------------------------------------------------------------------------

def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for a valid projected CRS whose map units are metres."""
    return bool(crs.isValid() and not crs.isGeographic()
                and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters)


def metric_crs_for(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem,
                   context) -> QgsCoordinateReferenceSystem:
    """A projected metric CRS for data with *extent* in *crs*: RD New, Belgian Lambert 2008 or UTM."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        box = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(extent)
    except QgsCsException:
        box = QgsRectangle()
    if box.isEmpty() and not (box.width() == 0 and box.height() == 0 and math.isfinite(box.xMinimum())):
        return QgsCoordinateReferenceSystem(_RD_NEW)
    for authid in (_RD_NEW, _LAMBERT_2008):
        candidate = QgsCoordinateReferenceSystem(authid)
        if candidate.bounds().contains(box):
            return candidate
    lon, lat = box.center().x(), box.center().y()
    zone = min(60, max(1, int((lon + 180.0) // 6.0) + 1))
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if lat >= 0 else 32700) + zone}")


def check_has_crs(crs: QgsCoordinateReferenceSystem, layer_name: str) -> None:
    if not crs.isValid():
        raise QgsProcessingException(tr(
            "The layer {layer} has no coordinate reference system, so distances cannot be measured. Set "
            "its CRS (for example RD New, EPSG:28992) in the layer properties.").format(layer=layer_name))


def feature_request(source, expression: str, context, attributes: Sequence[str] = ()) -> QgsFeatureRequest:
    """A request for *attributes* of the features of *source* that pass *expression* (checked first)."""
    request = QgsFeatureRequest().setSubsetOfAttributes(list(attributes), source.fields())
    if expression:
        parsed = QgsExpression(expression)
        if parsed.hasParserError():
            raise QgsProcessingException(tr("The filter expression {expression} is not valid: {error}")
                                         .format(expression=expression, error=parsed.parserErrorString()))
        request.setFilterExpression(expression)
        expression_context = QgsExpressionContext(context.expressionContext())
        expression_context.appendScope(source.createExpressionContextScope())
        request.setExpressionContext(expression_context)
    return request


@dataclass
class Points:
    """Incidents read from a point source: coordinates in the working CRS and optional weights."""

    x: np.ndarray
    y: np.ndarray
    w: Optional[np.ndarray]
    read: int
    no_location: int


def whole_layer(alg, parameters, name: str, context):
    """The layer of source parameter *name* when all of it is read (no selection, limit or filter)."""
    definition = parameters.get(name)
    if isinstance(definition, QgsProcessingFeatureSourceDefinition):
        if definition.selectedFeaturesOnly or definition.featureLimit != -1 or \
                getattr(definition, "filterExpression", ""):
            return None
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    return layer if layer is not None and not layer.subsetString() else None


def read_points(source, expression: str, context, feedback, weight_field: str = "", transform=None,
                progress: Tuple[float, float] = (0.0, 20.0), layer=None) -> Points:
    """Points (and weights) of the features of *source* that pass *expression*.

    Incidents without a location are counted in ``no_location`` and left out. A NULL or
    unreadable weight raises QgsProcessingException saying how many and what to do. With the
    whole *layer* (see :func:`whole_layer`), no *expression* and no *transform*, GDAL's Arrow
    stream (``storage.fastread``) reads it about ten times faster than QGIS's iterator.
    """
    if layer is not None and not expression and transform is None:
        start, end = progress
        fast = read_ogr_points(layer, [weight_field] if weight_field else [],
                               HotspotAlgorithm.monitor(feedback).sub(start, end))
        if fast is not None and (not weight_field or bool(np.all(np.isfinite(fast.fields[weight_field])))):
            feedback.setProgress(end)
            return Points(fast.x, fast.y, fast.fields[weight_field] if weight_field else None,
                          fast.count + fast.no_geometry, fast.no_geometry)
        # Otherwise (not OGR, or NULL weights to report with a feature id): QGIS's iterator.
    request = feature_request(source, expression, context, [weight_field] if weight_field else [])
    widx = source.fields().lookupField(weight_field) if weight_field else -1
    total = max(1, source.featureCount())
    xs: List[float] = []
    ys: List[float] = []
    ws: List[float] = []
    null_weights = 0
    first_null = None
    no_location = 0
    read = 0
    start, end = progress
    for feature in source.getFeatures(request):
        if read % 2000 == 0:
            if feedback.isCanceled():
                raise Canceled()
            feedback.setProgress(start + (end - start) * min(1.0, read / total))
        read += 1
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            no_location += 1
            continue
        if transform is not None:
            try:
                geom.transform(transform)  # feature.geometry() is a copy
            except QgsCsException:
                no_location += 1
                continue
        if QgsWkbTypes.flatType(geom.wkbType()) != QgsWkbTypes.Type.Point:
            geom = geom.centroid()
        point = geom.asPoint()
        if not (math.isfinite(point.x()) and math.isfinite(point.y())):
            no_location += 1
            continue
        if widx >= 0:
            value = feature.attribute(widx)
            weight = math.nan
            if not is_null(value):
                try:
                    weight = float(value)
                except (TypeError, ValueError):
                    weight = math.nan
            if not math.isfinite(weight):
                null_weights += 1
                first_null = feature.id() if first_null is None else first_null
                continue
            ws.append(weight)
        xs.append(point.x())
        ys.append(point.y())
    if null_weights:
        raise QgsProcessingException(tr(
            "{n} incidents have no weight (NULL or not a number) in field '{field}', for example feature "
            "{fid}. Fill in their weights, leave them out with a filter such as \"{field}\" IS NOT NULL, or "
            "run without a weight field.").format(n=null_weights, field=weight_field, fid=first_null))
    feedback.setProgress(end)
    return Points(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float),
                  np.asarray(ws, dtype=float) if widx >= 0 else None, read, no_location)


def shapely_geometry(geom: QgsGeometry) -> Optional[BaseGeometry]:
    """A QGIS geometry as a valid shapely geometry (None when empty)."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return None
    shp = wkb.loads(bytes(geom.asWkb()))
    if not shp.is_valid:
        shp = shp.buffer(0)
    return None if shp.is_empty else shp


def read_polygons(source, expression: str, context, feedback, transform=None,
                  attributes: bool = False) -> Tuple[List[QgsGeometry], List[BaseGeometry], List[list], int]:
    """Polygons of *source* passing *expression*: QGIS geometries, shapely geometries, attributes.

    Features without a usable geometry are skipped; their number is returned last.
    """
    request = feature_request(source, expression, context, source.fields().names() if attributes else [])
    qgeoms: List[QgsGeometry] = []
    shapes: List[BaseGeometry] = []
    attrs: List[list] = []
    skipped = 0
    for k, feature in enumerate(source.getFeatures(request)):
        if k % 200 == 0 and feedback.isCanceled():
            raise Canceled()
        geom = feature.geometry()
        if transform is not None and geom is not None and not geom.isNull():
            try:
                geom.transform(transform)
            except QgsCsException:
                geom = None
        shp = shapely_geometry(geom) if geom is not None else None
        if shp is None or shp.area <= 0:
            skipped += 1
            continue
        qgeoms.append(geom)
        shapes.append(shp)
        attrs.append([None if is_null(v) else v for v in feature.attributes()] if attributes else [])
    return qgeoms, shapes, attrs, skipped


def assign_to_polygons(x: np.ndarray, y: np.ndarray, polygons: Sequence[BaseGeometry],
                       feedback=None) -> np.ndarray:
    """Index of the polygon holding each point (-1: none).

    A point inside a polygon belongs to it; a point on the border of two polygons to the first
    of them in the given order (and a point inside one and on the border of an earlier one to
    the earlier one, the same rule).
    """
    owner = np.full(x.size, -1, dtype=np.int64)
    order = np.argsort(x, kind="stable")
    xs = x[order]
    for k, poly in enumerate(polygons):
        if feedback is not None and feedback.isCanceled():
            raise Canceled()
        minx, miny, maxx, maxy = poly.bounds
        lo, hi = np.searchsorted(xs, minx, "left"), np.searchsorted(xs, maxx, "right")
        cand = order[lo:hi]
        cand = cand[(y[cand] >= miny) & (y[cand] <= maxy) & (owner[cand] < 0)]
        if cand.size == 0:
            continue
        inside = vectorized.contains(poly, x[cand], y[cand])
        rest = cand[~inside]
        if rest.size:
            inside[~inside] = vectorized.touches(poly, x[rest], y[rest])
        owner[cand[inside]] = k
    return owner


# ----------------------------------------------------------------------------------------------
# Cell polygons as WKB, built in bulk
# ----------------------------------------------------------------------------------------------

def _ring_wkb(xs: np.ndarray, ys: np.ndarray, gpkg_srs: Optional[int] = None) -> List[bytes]:
    """Polygons (one closed ring each) from corner coordinates ``xs``/``ys`` of shape (n, k).

    Plain little-endian WKB, or with *gpkg_srs* GeoPackage geometry blobs (header with that
    srs_id and the envelope, then the WKB).
    """
    n, k = xs.shape
    head = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("env", "<f8", (4,))]
    body = [("bo", "u1"), ("type", "<u4"), ("rings", "<u4"), ("npts", "<u4"), ("xy", "<f8", (2 * k,))]
    rec = np.zeros(n, dtype=(head if gpkg_srs is not None else []) + body)
    if gpkg_srs is not None:
        rec["magic"] = b"GP"
        rec["flags"] = 0x03  # little-endian, envelope [minx, maxx, miny, maxy]
        rec["srs"] = gpkg_srs
        rec["env"] = np.column_stack([xs.min(axis=1), xs.max(axis=1), ys.min(axis=1), ys.max(axis=1)])
    rec["bo"] = 1
    rec["type"] = 3
    rec["rings"] = 1
    rec["npts"] = k
    rec["xy"][:, 0::2] = xs
    rec["xy"][:, 1::2] = ys
    raw = rec.tobytes()
    size = rec.dtype.itemsize
    return [raw[i * size:(i + 1) * size] for i in range(n)]


def square_corners(grid: gs.SquareGrid, indices: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Corners (closed ring, counter-clockwise from the lower left) of the squares *indices*."""
    row, col = np.divmod(indices, grid.cols)
    x0 = grid.x0 + col * grid.cell
    y0 = grid.y0 - (row + 1) * grid.cell
    x1, y1 = x0 + grid.cell, y0 + grid.cell
    return np.column_stack([x0, x1, x1, x0, x0]), np.column_stack([y0, y0, y1, y1, y0])


def hex_corners(grid: gs.HexGrid, indices: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Corners (at 0, 60, ..., 300 degrees, closed) of the hexagons *indices*."""
    ang = np.deg2rad(np.r_[np.arange(0, 360, 60), 0])
    rad = grid.radius
    return (grid.cx[indices][:, None] + rad * np.cos(ang)[None, :],
            grid.cy[indices][:, None] + rad * np.sin(ang)[None, :])


def cell_corners(grid, indices: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    return square_corners(grid, indices) if isinstance(grid, gs.SquareGrid) else hex_corners(grid, indices)


def geometry_from_wkb(raw: bytes) -> QgsGeometry:
    geom = QgsGeometry()
    geom.fromWkb(raw)
    return geom


# ----------------------------------------------------------------------------------------------
# The algorithm
# ----------------------------------------------------------------------------------------------

class GiStarAlgorithm(HotspotAlgorithm):
    NAME = "gistar"
    GROUP_ID = "density"
    ICON = "gistar.svg"
    INPUT = "INPUT"
    FILTER = "FILTER"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    GRID = "GRID"
    AREAS = "AREAS"
    FILTER_AREAS = "FILTER_AREAS"
    CELL_SIZE = "CELL_SIZE"
    DISTANCE_BAND = "DISTANCE_BAND"
    STUDY_AREA = "STUDY_AREA"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    FDR = "FDR"
    SIGNIFICANCE = "SIGNIFICANCE"
    OUTPUT = "OUTPUT"

    def display_name(self) -> str:
        return tr("Hot spots (Getis-Ord Gi*)")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Incidents (point layer, e.g. the incidents of a safety GeoPackage)"),
            [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter (e.g. category = '1.1.1'; empty: all incidents)"), defaultValue="",
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Weight field (summed instead of counting incidents; empty: count)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID, tr("Cells"), [tr("Square grid"), tr("Hexagonal grid"),
                                     tr("Polygons of an area layer (e.g. buurten)")], defaultValue=SQUARE))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, tr("Areas (polygon mode: the cells; grids: the study area)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER_AREAS, tr("Filter on the areas (e.g. level = 'buurt')"), defaultValue="",
            parentLayerParameterName=self.AREAS, optional=True))
        lengths = ((self.CELL_SIZE, tr("Cell size in metres (empty: chosen automatically)")),
                   (self.DISTANCE_BAND, tr("Distance band in metres (empty: chosen automatically)")))
        for name, label in lengths:
            number = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Type.Double,
                                                  optional=True)
            number.setMetadata({"widget_wrapper": {"decimals": 1}})
            self.addParameter(number)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, tr("Study area (polygons; empty: the areas, else around the incidents)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FDR, tr("Correct for multiple testing (false discovery rate, Benjamini-Hochberg)"),
            defaultValue=True))
        advanced = [
            QgsProcessingParameterNumber(
                self.PERMUTATIONS, tr("Number of permutations"), QgsProcessingParameterNumber.Type.Integer,
                defaultValue=999, minValue=0, maxValue=99_999),
            QgsProcessingParameterNumber(
                self.SEED, tr("Random seed (empty: random, written to the log so the run can be repeated)"),
                QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0),
            QgsProcessingParameterEnum(
                self.SIGNIFICANCE, tr("p-values"), [tr("Permutation pseudo p-values"),
                                                    tr("Normal distribution of z (as ArcGIS)")],
                defaultValue=PERMUTATION),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Gi* hot spots"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("N_HOT", tr("Hot spot cells (any confidence)")))
        self.addOutput(QgsProcessingOutputNumber("N_COLD", tr("Cold spot cells (any confidence)")))
        self.addOutput(QgsProcessingOutputNumber("CELL_SIZE_USED", tr("Cell size used (m)")))
        self.addOutput(QgsProcessingOutputNumber("BAND_USED", tr("Distance band used (m)")))
        self.addOutput(QgsProcessingOutputNumber("SEED_USED", tr("Random seed used")))
        self.addOutput(QgsProcessingOutputNumber("N_CELLS", tr("Cells or areas analysed")))

    # ------------------------------------------------------------------------------------------
    def _source(self, parameters, name, context, required=True):
        source = self.parameterAsSource(parameters, name, context)
        if source is None and required:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _working_crs(self, sources, context, feedback) -> QgsCoordinateReferenceSystem:
        """The first metric CRS among *sources* ((source, name) pairs, INPUT first), else a chosen one."""
        for source, name in sources:
            check_has_crs(source.sourceCrs(), name)
        for source, _ in sources:
            if is_metric(source.sourceCrs()):
                return source.sourceCrs()
        first, name = sources[0]
        crs = metric_crs_for(first.sourceExtent(), first.sourceCrs(), context)
        self.info(feedback, tr(
            "The layer {layer} is in {crs_in}, which does not measure in metres; the analysis runs in {crs} "
            "(the data are reprojected) and the output is in that CRS.").format(
                layer=name, crs_in=first.sourceCrs().authid() or first.sourceCrs().description(),
                crs=f"{crs.authid()} {crs.description()}"))
        return crs

    def _transform(self, source, crs, context):
        if source.sourceCrs() == crs:
            return None
        return QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())

    @staticmethod
    def _positive(value: Optional[float], what: str) -> Optional[float]:
        if value is None:
            return None
        if value <= 0:
            if what == "cell":
                raise QgsProcessingException(tr(
                    "The cell size must be more than 0 m, not {value}. Leave it empty to have it chosen "
                    "automatically.").format(value=value))
            raise QgsProcessingException(tr(
                "The distance band must be more than 0 m, not {value}. Leave it empty to have it chosen "
                "automatically.").format(value=value))
        return value

    # ------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        source = self._source(parameters, self.INPUT, context)
        layer_name = source_name(self, parameters, self.INPUT, context)
        mode = self.parameterAsEnum(parameters, self.GRID, context)
        areas = self._source(parameters, self.AREAS, context, required=False)
        study = self._source(parameters, self.STUDY_AREA, context, required=False)
        if mode == POLYGONS and areas is None:
            raise QgsProcessingException(tr(
                "The polygon mode needs an area layer: choose the areas (for example the buurten, the "
                "layer areas of the safety GeoPackage with the filter level = 'buurt'), or choose a square "
                "or hexagonal grid."))
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        area_expression = (self.parameterAsString(parameters, self.FILTER_AREAS, context) or "").strip()
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or ""
        if weight_field and source.fields().lookupField(weight_field) < 0:
            names = ", ".join(source.fields().names())
            raise QgsProcessingException(tr("The layer has no field '{field}'. Its fields are: {fields}.")
                                         .format(field=weight_field, fields=names))
        cell_given = self._positive(optional_number(parameters, self.CELL_SIZE), "cell")
        band_given = self._positive(optional_number(parameters, self.DISTANCE_BAND), "band")
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        significance = self.parameterAsEnum(parameters, self.SIGNIFICANCE, context)
        fdr = self.parameterAsBoolean(parameters, self.FDR, context)
        if significance == NORMAL:
            permutations = 0
        seed_value = optional_number(parameters, self.SEED)
        seed: Optional[int] = None
        if permutations > 0:
            if seed_value is None:
                seed = secrets.randbelow(2**31)
                self.info(feedback, tr("No seed given: the permutations use seed {seed}. Give SEED = {seed} "
                                       "to repeat this run exactly.").format(seed=seed))
            else:
                seed = int(seed_value)
                self.info(feedback, tr("Random seed: {seed}.").format(seed=seed))
        if source.featureCount() == 0:
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=layer_name))

        sources = [(source, layer_name)]
        if areas is not None:
            sources.append((areas, source_name(self, parameters, self.AREAS, context)))
        if study is not None:
            sources.append((study, source_name(self, parameters, self.STUDY_AREA, context)))
        crs = self._working_crs(sources, context, feedback)

        points = read_points(source, expression, context, feedback, weight_field,
                             self._transform(source, crs, context), (0.0, 20.0),
                             whole_layer(self, parameters, self.INPUT, context))
        if points.read == 0:
            if expression:
                raise QgsProcessingException(tr("No incidents pass the filter {expression}. Check the filter "
                                                "(for example category = '1.1.1').").format(
                                                    expression=expression))
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=layer_name))
        if points.no_location:
            feedback.pushWarning(tr("{n} incidents have no location and are left out.").format(
                n=points.no_location))
        if points.x.size == 0:
            raise QgsProcessingException(tr("None of the {n} incidents has a location.").format(
                n=points.read))
        self.info(feedback, tr("{n} incidents read.").format(n=points.x.size))

        study_geom = None
        if study is not None:
            _, shapes, _, _ = read_polygons(study, "", context, feedback,
                                            self._transform(study, crs, context))
            if not shapes:
                raise QgsProcessingException(tr("The study area layer has no polygons."))
            study_geom = unary_union(shapes)

        if mode == POLYGONS:
            run = self._polygons(parameters, context, feedback, areas, area_expression, crs, points,
                                 study_geom, cell_given, band_given)
        else:
            area_geom = None
            if study_geom is None and areas is not None:
                _, shapes, _, _ = read_polygons(areas, area_expression, context, feedback,
                                                self._transform(areas, crs, context))
                if not shapes:
                    raise QgsProcessingException(tr("No areas pass the filter {expression}.").format(
                        expression=area_expression or "-"))
                area_geom = unary_union(shapes)
                self.info(feedback, tr("Study area: the {n} areas of the area layer.").format(n=len(shapes)))
            run = self._grid(mode, feedback, points, study_geom if study_geom is not None else area_geom,
                             study_geom is not None or area_geom is not None, cell_given, band_given)
        feedback.setProgress(25)

        result = gs.gistar(run.values, run.where, run.band, mask=run.mask, permutations=permutations,
                           seed=seed, fdr=fdr, p_source="normal" if significance == NORMAL else "permutation",
                           monitor=self.monitor(feedback).sub(25, 85))
        self._report(feedback, result, run)
        dest = self._write(parameters, context, feedback, run, result, crs)
        if dest and dest.split("|")[0].lower().endswith(".gpkg"):
            store_style_in_gpkg(dest, "gistar")
        style_on_load(context, dest, "gistar")
        s = result.summary
        n_hot = s["hot_99"] + s["hot_95"] + s["hot_90"]
        n_cold = s["cold_99"] + s["cold_95"] + s["cold_90"]
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "N_HOT": n_hot, "N_COLD": n_cold, "CELL_SIZE_USED": run.cell,
                "BAND_USED": run.band, "SEED_USED": seed, "N_CELLS": s["n"]}

    # ------------------------------------------------------------------------------------------
    def _grid(self, mode, feedback, points, study_geom, has_study, cell_given, band_given) -> "_Run":
        kind = "hex" if mode == HEXAGONAL else "square"
        hull = None if has_study else convex_hull(points.x, points.y)
        if cell_given is None:
            area = study_geom.area if study_geom is not None else (hull.area if hull.area > 0 else None)
            extent = study_geom.bounds if study_geom is not None else None
            choice = gs.suggest_cell_size(points.x, points.y, area=area, extent=extent)
            cell = float(choice.value)
            self.info(feedback, choice_message(choice))
        else:
            cell = float(cell_given)
        if band_given is None:
            choice = gs.suggest_band(cell, kind)
            band = float(choice.value)
            self.info(feedback, choice_message(choice))
        else:
            band = float(band_given)
            if band < cell:
                what = tr("hexagon spacing") if kind == "hex" else tr("cell size")
                raise QgsProcessingException(tr(
                    "The distance band ({band} m) is smaller than the {what} ({cell} m), so no cell has "
                    "a neighbour. Choose a distance band of at least {cell} m (1.5 times the cell size "
                    "takes in the 8 surrounding squares), or leave it empty to have it chosen.").format(
                        band=fmt_number(band), what=what, cell=fmt_number(cell)))
        extent = study_geom.bounds if study_geom is not None else None
        builder = gs.hex_grid if kind == "hex" else gs.square_grid
        counts = builder(points.x, points.y, None, cell, extent=extent)
        values = counts.values
        if points.w is not None:
            values = builder(points.x, points.y, points.w, cell, extent=extent).values
        if study_geom is not None:
            mask = counts.mask_within(study_geom)
        else:
            grow = cell * math.sqrt(2.0) / 2.0 if kind == "square" else cell / _SQRT3
            mask = counts.mask_within(hull.buffer(grow * (1 + 1e-9), 16)) | (counts.values > 0)
        n_in = int(counts.values[mask].sum())
        outside = points.x.size - n_in
        what = tr("hexagons") if kind == "hex" else tr("squares")
        self.info(feedback, tr("Grid of {n} {what} of {cell} m; {n_in} of them take part (centre inside the "
                               "study area), holding {count} incidents.").format(
                                   n=counts.n, what=what, cell=fmt_number(cell), n_in=int(mask.sum()),
                                   count=n_in))
        if outside:
            feedback.pushWarning(tr("{n} incidents lie outside the study area and are not analysed.").format(
                n=outside))
        return _Run(kind=kind, where=counts, values=values, counts=counts.values, mask=mask, cell=cell,
                    band=band)

    def _polygons(self, parameters, context, feedback, areas, area_expression, crs, points, study_geom,
                  cell_given, band_given) -> "_Run":
        qgeoms, shapes, attrs, skipped = read_polygons(areas, area_expression, context, feedback,
                                                       self._transform(areas, crs, context), attributes=True)
        if skipped:
            feedback.pushWarning(tr("{n} areas without a usable polygon are left out.").format(n=skipped))
        if len(shapes) < 3:
            raise QgsProcessingException(tr(
                "Gi* needs at least 3 areas; {n} pass the filter {expression}.").format(
                    n=len(shapes), expression=area_expression or "-"))
        if cell_given is not None:
            self.info(feedback, tr("The cell size is not used in polygon mode."))
        owner = assign_to_polygons(points.x, points.y, shapes, feedback)
        n = len(shapes)
        inside = owner >= 0
        counts = np.bincount(owner[inside], minlength=n).astype(float)
        values = counts if points.w is None else np.bincount(owner[inside], weights=points.w[inside],
                                                              minlength=n)
        cx = np.array([s.centroid.x for s in shapes])
        cy = np.array([s.centroid.y for s in shapes])
        mask = None
        if study_geom is not None:
            mask = np.asarray(vectorized.contains(study_geom, cx, cy), dtype=bool)
        if band_given is None:
            sel = slice(None) if mask is None else mask
            choice = gs.suggest_band_polygons(cx[sel], cy[sel])
            band = float(choice.value)
            self.info(feedback, choice_message(choice))
        else:
            band = float(band_given)
        part = np.ones(n, bool) if mask is None else mask
        self.info(feedback, tr("{n} areas take part, holding {count} incidents.").format(
            n=int(part.sum()), count=int(counts[part].sum())))
        outside = points.x.size - int(counts[part].sum())
        if outside:
            feedback.pushWarning(tr("{n} incidents lie outside the areas analysed and are not counted.")
                                 .format(n=outside))
        return _Run(kind="polygons", where=(cx, cy), values=values, counts=counts, mask=mask, cell=None,
                    band=band, qgeoms=qgeoms, attrs=attrs, area_fields=areas.fields())

    # ------------------------------------------------------------------------------------------
    def _report(self, feedback, result: gs.GiStarResult, run: "_Run") -> None:
        s = result.summary
        unit = tr("areas") if run.kind == "polygons" else tr("cells")
        self.info(feedback, tr("{n} {unit}, mean value {mean}; neighbours within {band} m (itself included): "
                               "{nmin} to {nmax}, {nmean} on average.").format(
                                   n=s["n"], unit=unit, mean=fmt_number(s["mean"], 3),
                                   band=fmt_number(run.band),
                                   nmin=s["neighbours_min"], nmax=s["neighbours_max"],
                                   nmean=fmt_number(s["neighbours_mean"], 1)))
        if s["neighbours_max"] >= s["n"]:
            feedback.pushWarning(tr("The distance band takes in every cell, so every z-score is 0. Choose a "
                                    "smaller distance band."))
        elif s["n_isolated"]:
            feedback.pushWarning(tr("{n} {unit} have no neighbour within {band} m; their z-score only "
                                    "compares their own value with the mean.").format(
                                        n=s["n_isolated"], unit=unit, band=fmt_number(run.band)))
        if s["p_source"] == "permutation":
            self.info(feedback, tr("p-values from {perm} conditional permutations (two-sided; the smallest "
                                   "possible is {min_p}){fdr}.").format(
                                       perm=s["permutations"], min_p=fmt_number(s["min_p"], 5),
                                       fdr=tr(", with false discovery rate correction") if s["fdr"] else ""))
            if not s["p_exact"]:
                self.info(feedback, tr("The values are nearly all different, so the permutation nulls use "
                                       "value bins: the p-values are a close approximation."))
            at_min = int(np.sum(np.isclose(result.p[result.mask], s["min_p"])))
            if at_min:
                fdr_note = tr(", too large for the false discovery rate correction over {n} cells").format(
                    n=s["n"]) if s["fdr"] else ""
                values = {"perm": s["permutations"], "min_p": fmt_number(s["min_p"], 5), "k": at_min,
                          "more": 10 * s["permutations"] + 9, "fdr": fdr_note}
                if s["n"] == s["not_significant"]:
                    feedback.pushWarning(tr(
                        "No cell is significant, although {k} cells are as extreme as {perm} "
                        "permutations can "
                        "show: their p-value is the smallest possible, {min_p}{fdr}. Use more permutations "
                        "(for example {more}) or normal-distribution p-values.").format(**values))
                elif s["hot_99"] + s["cold_99"] == 0:
                    feedback.pushWarning(tr(
                        "No cell reaches 99% confidence: with {perm} permutations the smallest p-value is "
                        "{min_p}{fdr}. Use more permutations (for example {more}) or normal-distribution "
                        "p-values to find 99% hot spots.").format(**values))
        else:
            self.info(feedback, tr("p-values from the normal distribution of z (two-sided){fdr}.").format(
                fdr=tr(", with false discovery rate correction") if s["fdr"] else ""))
        self.info(feedback, tr("Hot spots 99/95/90%: {h3}/{h2}/{h1}; cold spots 99/95/90%: {c3}/{c2}/{c1}; "
                               "not significant: {ns}.").format(
                                   h3=s["hot_99"], h2=s["hot_95"], h1=s["hot_90"], c3=s["cold_99"],
                                   c2=s["cold_95"], c1=s["cold_90"], ns=s["not_significant"]))

    @staticmethod
    def output_fields(run: "_Run") -> QgsFields:
        fields = QgsFields()
        ours = [("count", QVariant.Int), ("value", QVariant.Double), ("n_neighbours", QVariant.Int),
                ("gi_z", QVariant.Double), ("p_value", QVariant.Double), ("gi_class", QVariant.Int),
                ("gi_label", QVariant.String)]
        names = {name for name, _ in ours}
        if run.kind == "polygons":
            for f in run.area_fields:
                copy = QgsField(f)
                if copy.name().lower() in names | {"fid"}:
                    copy.setName("area_" + copy.name())
                fields.append(copy)
        else:
            fields.append(QgsField("cell_id", QVariant.LongLong))
        for name, kind in ours:
            fields.append(QgsField(name, kind))
        return fields

    def _write(self, parameters, context, feedback, run: "_Run", result: gs.GiStarResult, crs) -> str:
        fields = self.output_fields(run)
        wkb_type = QgsWkbTypes.Type.MultiPolygon if run.kind == "polygons" else QgsWkbTypes.Type.Polygon
        plain_gpkg = plain_gpkg_path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        idx = np.flatnonzero(result.mask)
        labels = gi_class_labels()
        cls = result.classes[idx].astype(int).tolist()
        columns = [run.counts[idx].astype(np.int64).tolist(), np.asarray(run.values,
                                                                         dtype=float)[idx].tolist(),
                   result.neighbours[idx].tolist(), result.z[idx].tolist(), result.p[idx].tolist(), cls,
                   [labels[c] for c in cls]]
        if run.kind != "polygons" and plain_gpkg and dest == plain_gpkg:
            del sink  # closes the new, empty layer; the cells go in with one bulk insert
            if write_gpkg_cells(dest, fields.names(), [idx.tolist()] + columns, *cell_corners(run.where, idx),
                                monitor=self.monitor(feedback).sub(85, 100)):
                return dest
            written = QgsVectorLayer(dest, "output", "ogr")  # an unexpected layout: the slow way
            target = written.dataProvider()
        else:
            target = sink
        total = max(1, idx.size)
        for start in range(0, idx.size, WRITE_CHUNK):
            if feedback.isCanceled():
                raise Canceled()
            stop = min(idx.size, start + WRITE_CHUNK)
            chunk = idx[start:stop]
            if run.kind == "polygons":
                geoms = []
                for i in chunk:
                    g = QgsGeometry(run.qgeoms[int(i)])
                    g.convertToMultiType()
                    geoms.append(g)
            else:
                geoms = [geometry_from_wkb(b) for b in _ring_wkb(*cell_corners(run.where, chunk))]
            features = []
            for k in range(start, stop):
                feature = QgsFeature(fields)
                feature.setGeometry(geoms[k - start])
                head = run.attrs[int(idx[k])] if run.kind == "polygons" else [int(idx[k])]
                feature.setAttributes(head + [col[k] for col in columns])
                features.append(feature)
            if not target.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                error = target.lastError() if hasattr(target, "lastError") else ""
                raise QgsProcessingException(tr("Could not write the output: {error}").format(error=error))
            feedback.setProgress(85 + 15 * stop / total)
        return dest


def plain_gpkg_path(destination: str) -> str:
    """The path when a Processing destination is a plain GeoPackage file name, else ""."""
    text = (destination or "").strip()
    if text.lower().endswith(".gpkg") and "|" not in text and not text.lower().startswith(("ogr:",
                                                                                           "memory:")):
        return text
    return ""


def write_gpkg_cells(path: str, names: Sequence[str], columns: Sequence[list], xs: np.ndarray, ys: np.ndarray,
                     monitor: Optional[Monitor] = None) -> bool:
    """Bulk-insert cell polygons into the one (empty) feature table of the GeoPackage at *path*.

    *columns* hold the values of the fields *names* (one list per field); *xs*/*ys* the closed
    rings of the cells. GDAL's per-row triggers (rtree, feature count) and SQLite's
    row-by-row R*-tree insertion would cost far more than the rows (about 14 s per million
    cells), so, in one transaction, the triggers are dropped, the rows inserted, the spatial
    index written as a packed R-tree (:func:`pack_rtree`), the feature count and extent set and
    the triggers recreated from their own SQL. Returns False (nothing changed) when the file
    does not look as expected; raises Canceled (rolled back) on cancel.
    """
    monitor = ensure(monitor)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        tables = con.execute("SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
                             "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                             "WHERE c.data_type = 'features'").fetchall()
        if len(tables) != 1:
            return False
        table, geom_col, srs = tables[0]
        info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
        pk = [r[1] for r in info if r[5]]
        if len(pk) != 1 or [r[1] for r in info] != pk + [geom_col] + list(names) or \
                con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]:
            return False
        rtree = f"rtree_{table}_{geom_col}"
        has_rtree = bool(con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone())
        con.execute("PRAGMA cache_size = -131072")
        con.execute("BEGIN IMMEDIATE")
        try:
            triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                   "AND tbl_name = ?", (table,)).fetchall()
            for name, _ in triggers:
                con.execute(f'DROP TRIGGER "{name}"')
            sql = f'INSERT INTO "{table}" VALUES ({", ".join("?" * (len(names) + 2))})'
            n = xs.shape[0]
            step = 50_000
            for start in range(0, n, step):
                monitor.check()
                stop = min(n, start + step)
                blobs = _ring_wkb(xs[start:stop], ys[start:stop], gpkg_srs=int(srs))
                parts = [range(start + 1, stop + 1), blobs] + [c[start:stop] for c in columns]
                con.executemany(sql, zip(*parts))
                monitor.set(80.0 * stop / n)
            if has_rtree and n:
                monitor.check()
                pack_rtree(con, rtree, np.arange(1, n + 1), xs.min(axis=1), xs.max(axis=1), ys.min(axis=1),
                           ys.max(axis=1))
            if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? "
                            "WHERE lower(table_name) = lower(?)", (n, table))
            if n:
                con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
                            (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()), table))
            for _, trigger_sql in triggers:
                con.execute(trigger_sql)
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        monitor.set(100)
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def _float32_down(v: np.ndarray) -> np.ndarray:
    """float32 values at or below *v* (SQLite's R-tree rounds a box outward the same way)."""
    f = v.astype(np.float32)
    high = f.astype(np.float64) > v
    f[high] = np.nextafter(f[high], np.float32(-np.inf))
    return f


def _float32_up(v: np.ndarray) -> np.ndarray:
    f = v.astype(np.float32)
    low = f.astype(np.float64) < v
    f[low] = np.nextafter(f[low], np.float32(np.inf))
    return f


def pack_rtree(con: sqlite3.Connection, rtree: str, ids: np.ndarray, minx: np.ndarray, maxx: np.ndarray,
               miny: np.ndarray, maxy: np.ndarray) -> None:
    """Fill an empty 2-D SQLite R*-tree (``rtree(id, minx, maxx, miny, maxy)``) in bulk.

    Writes the tree's shadow tables (``_node``, ``_rowid``, ``_parent``) directly with a packed
    tree in Sort-Tile-Recursive order (Leutenegger et al. 1997): full nodes, boxes as float32
    rounded outward as SQLite stores them. The file format is SQLite's (rtree.c): node 1 is the
    root; a node blob holds the tree depth (root only) and the number of entries as 16-bit
    big-endian integers, then per entry a 64-bit id and four 32-bit floats, big-endian, padded
    to the node size of the existing (empty) root. SQLite reads and updates such a tree like
    one it built itself (checked with ``rtreecheck()`` in the tests).
    """
    size = int(con.execute(f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()[0])
    per_node = (size - 4) // 24
    entry = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
    level_ids = np.asarray(ids, dtype=np.int64)
    boxes = np.column_stack([_float32_down(np.asarray(minx, float)), _float32_up(np.asarray(maxx, float)),
                             _float32_down(np.asarray(miny, float)), _float32_up(np.asarray(maxy, float))])
    levels = []  # per level, leaves first: (entries in node order, number of nodes)
    while True:
        n = level_ids.size
        n_nodes = -(-n // per_node)
        slices = int(math.ceil(math.sqrt(n_nodes)))
        cx = boxes[:, 0].astype(float) + boxes[:, 1]
        cy = boxes[:, 2].astype(float) + boxes[:, 3]
        by_x = np.argsort(cx, kind="stable")
        slice_of = np.empty(n, dtype=np.int64)
        slice_of[by_x] = np.arange(n) // (slices * per_node)
        order = np.lexsort((cy, slice_of))
        level_ids, boxes = level_ids[order], boxes[order]
        levels.append((level_ids, boxes, n_nodes))
        if n_nodes == 1:
            break
        starts = np.arange(0, n, per_node)
        boxes = np.column_stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1],
                                                                                               starts),
                                 np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3],
                                                                                               starts)])
        level_ids = np.arange(n_nodes, dtype=np.int64)  # position of each node in the level below
    # Node numbers: root 1, then level by level from the top.
    first_no = {}
    next_no = 1
    for depth in range(len(levels) - 1, -1, -1):
        first_no[depth] = next_no
        next_no += levels[depth][2]
    con.execute(f'DELETE FROM "{rtree}_node"')
    con.execute(f'DELETE FROM "{rtree}_rowid"')
    con.execute(f'DELETE FROM "{rtree}_parent"')
    tree_depth = len(levels) - 1
    for depth, (entry_ids, entry_boxes, n_nodes) in enumerate(levels):
        if depth > 0:  # entries of this level are the nodes of the level below
            entry_ids = first_no[depth - 1] + entry_ids
        n = entry_ids.size
        padded = np.zeros(n_nodes * per_node, dtype=entry)
        padded["id"][:n] = entry_ids
        padded["box"][:n] = entry_boxes
        blob = np.zeros((n_nodes, size), dtype=np.uint8)
        blob[:, 4:4 + per_node * 24] = padded.view(np.uint8).reshape(n_nodes, per_node * 24)
        counts = np.full(n_nodes, per_node, dtype=">u2")
        counts[-1] = n - per_node * (n_nodes - 1)
        blob[:, 2:4] = counts.view(np.uint8).reshape(n_nodes, 2)
        if depth == tree_depth:
            blob[0, 0:2] = np.array([tree_depth], dtype=">u2").view(np.uint8)
        node_nos = first_no[depth] + np.arange(n_nodes)
        con.executemany(f'INSERT INTO "{rtree}_node" VALUES (?, ?)',
                        zip(node_nos.tolist(), (row.tobytes() for row in blob)))
        owner = node_nos[np.arange(n) // per_node].tolist()
        if depth == 0:
            con.executemany(f'INSERT INTO "{rtree}_rowid" VALUES (?, ?)', zip(entry_ids.tolist(), owner))
        else:
            con.executemany(f'INSERT INTO "{rtree}_parent" VALUES (?, ?)', zip(entry_ids.tolist(), owner))


@dataclass
class _Run:
    """What the analysis runs on: the cells (grid or centres), values, mask and the choices made."""

    kind: str
    where: object
    values: np.ndarray
    counts: np.ndarray
    mask: Optional[np.ndarray]
    cell: Optional[float]
    band: float
    qgeoms: Optional[List[QgsGeometry]] = None
    attrs: Optional[List[list]] = None
    area_fields: Optional[QgsFields] = None

    def __post_init__(self) -> None:
        if self.mask is None:
            self.mask = np.ones(np.asarray(self.values).size, dtype=bool)


def convex_hull(x: np.ndarray, y: np.ndarray) -> BaseGeometry:
    """Convex hull of the points (qhull; a line or a point when they are collinear or all equal)."""
    pts = np.column_stack([x, y])
    try:
        hull = ConvexHull(pts)
    except (QhullError, ValueError):
        uniq = np.unique(pts, axis=0)
        return MultiPoint([tuple(p) for p in uniq.tolist()]).convex_hull
    return Polygon(pts[hull.vertices])


def choice_message(choice: gs.AutoChoice) -> str:
    """The translated explanation of an automatic choice, numbers without trailing zeros."""
    params = {k: fmt_number(v, 3) if isinstance(v, float) else v for k, v in choice.params.items()}
    return tr(choice.template).format(**params)


def fmt_number(value: float, digits: int = 2) -> str:
    """A number for a message: no trailing zeros (25, 37.5, 0.002)."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


ALGORITHM = GiStarAlgorithm
