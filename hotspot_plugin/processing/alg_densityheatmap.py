"""hotspot:densityheatmap - exact kernel density of points as a GeoTIFF, with QGIS's parameters.

The parameters are those of QGIS's own ``qgis:heatmapkerneldensityestimation`` (INPUT, RADIUS,
RADIUS_FIELD, PIXEL_SIZE, WEIGHT_FIELD, KERNEL, DECAY, OUTPUT_VALUE, OUTPUT) with the same
meaning, plus FILTER, EXTENT, MASK and SNAP. Every cell holds ``sum(w * K(d / R))`` over the
points within ``R`` of the cell's true centre (``hotspot_plugin.core.kde``).

Reading: GDAL's Arrow stream for a whole OGR layer (no selection, subset or filter), else QGIS's
feature iterator with only the needed attributes. Writing: streamed bands into a temporary
GeoTIFF in the destination folder, renamed at the end (nothing is left behind on cancel or error).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProperty,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ..adapters.crs import transform_points, working_crs
from ..adapters.features import is_partial, read_point_columns, whole_layer
from ..adapters.geometry import to_shapely
from ..compat import (
    CrsWktVariant,
    GeometryType,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from ..core import kde
from ..core.density_params import CELL_TARGET, band_rows, suggest_pixel
from ..core.numbers import format_number
from ..core.progress import Monitor
from ..i18n import tr
from ..storage.fastread import PointColumns
from ..storage.raster import NODATA, DensityRasterWriter, apply_density_style, write_density_qml
from .base import HotspotAlgorithm, given, incidents_parameter

#: Post-processors of outputs that will be loaded, kept alive until QGIS has used them
#: (QGIS holds only a pointer); the most recent KEEP_POST_PROCESSORS are kept.
KEEP_POST_PROCESSORS = 100
_POST_PROCESSORS: Dict[str, "DensityStylePostProcessor"] = {}


@dataclass
class HeatmapParameters:
    """The parameters of one run, read and checked (see :meth:`DensityHeatmapAlgorithm._read_parameters`)."""

    source: object
    layer_name: str
    radius_given: Optional[float]
    pixel_given: Optional[float]
    radius_field: str
    weight_field: str
    kernel: int
    decay: float
    scaled: bool
    filter_expression: str
    snap: bool
    out_path: str
    #: True when INPUT is a selection, a limited or a filtered part of its layer.
    partial: bool
    #: The layer when all of it is read (GDAL's Arrow stream may read it), else None.
    whole_input: Optional[QgsVectorLayer]


@dataclass
class HeatmapPoints:
    """The usable points in the output CRS, with their weights and radii (from fields) if any."""

    x: np.ndarray
    y: np.ndarray
    weights: Optional[np.ndarray]
    radii: Optional[np.ndarray]
    crs: QgsCoordinateReferenceSystem
    reprojected: bool



class DensityStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Gives the loaded heatmap layer its colour ramp (0 transparent, yellow - orange - red)."""

    def __init__(self, maximum: float) -> None:
        super().__init__()
        self.maximum = maximum

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if isinstance(layer, QgsRasterLayer):
            apply_density_style(layer, self.maximum)



class DensityHeatmapAlgorithm(HotspotAlgorithm):
    NAME = "densityheatmap"
    GROUP_ID = "density"
    INPUT = "INPUT"
    RADIUS = "RADIUS"
    RADIUS_FIELD = "RADIUS_FIELD"
    PIXEL_SIZE = "PIXEL_SIZE"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    KERNEL = "KERNEL"
    DECAY = "DECAY"
    OUTPUT_VALUE = "OUTPUT_VALUE"
    FILTER = "FILTER"
    EXTENT = "EXTENT"
    MASK = "MASK"
    SNAP = "SNAP"
    OUTPUT = "OUTPUT"

    def display_name(self) -> str:
        return tr("Density heatmap (exact kernel density)")

    def tags(self) -> List[str]:
        return [t.strip() for t in tr("heatmap,kernel density,kde,density,hotspot,incidents").split(",")]

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(incidents_parameter(self.INPUT,
                                              tr("Point layer (e.g. the incidents of a safety GeoPackage)")))
        self.addParameter(QgsProcessingParameterDistance(
            self.RADIUS, tr("Radius (map units; metres for a layer in degrees) [empty: suggested]"),
            defaultValue=None, parentParameterName=self.INPUT, optional=True, minValue=0.0))
        radius_field = QgsProcessingParameterField(
            self.RADIUS_FIELD, tr("Radius from field"), parentLayerParameterName=self.INPUT,
            type=ProcessingFieldParameterDataType.Numeric, optional=True)
        radius_field.setFlags(radius_field.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(radius_field)
        self.addParameter(QgsProcessingParameterDistance(
            self.PIXEL_SIZE, tr("Pixel size (map units) [empty: suggested]"), defaultValue=None,
            parentParameterName=self.INPUT, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Weight from field (e.g. weight, the harm weight)"),
            parentLayerParameterName=self.INPUT, type=ProcessingFieldParameterDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter (e.g. category = '1.1.1' or a period; empty: all points)"),
            defaultValue="", parentLayerParameterName=self.INPUT, optional=True))
        kernel = QgsProcessingParameterEnum(
            self.KERNEL, tr("Kernel shape"), [tr(name) for name in kde.KERNEL_NAMES], defaultValue=0)
        kernel.setFlags(kernel.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(kernel)
        decay = QgsProcessingParameterNumber(
            self.DECAY, tr("Decay ratio (triangular kernel only)"), ProcessingNumberParameterType.Double,
            defaultValue=0.0, optional=True, minValue=-100.0, maxValue=100.0)
        decay.setFlags(decay.flags() | ProcessingParameterFlag.Advanced)
        decay.setMetadata({"widget_wrapper": {"decimals": 2}})
        self.addParameter(decay)
        values = QgsProcessingParameterEnum(
            self.OUTPUT_VALUE, tr("Output value scaling"),
            [tr("Raw (sum of kernel values)"), tr("Scaled (density per square map unit)")], defaultValue=0)
        values.setFlags(values.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(values)
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, tr("Extent of the raster [empty: the points plus the radius]"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MASK, tr("Mask: study area polygons (density only inside)"),
            [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SNAP, tr("Snap the grid to multiples of the pixel size (lines up with CBS squares)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Heatmap")))
        self.addOutput(QgsProcessingOutputNumber("USED_RADIUS", tr("Radius used (largest, from a field)")))
        self.addOutput(QgsProcessingOutputNumber("USED_PIXEL_SIZE", tr("Pixel size used")))
        self.addOutput(QgsProcessingOutputNumber("MAX_VALUE", tr("Highest value of the heatmap")))
        self.addOutput(QgsProcessingOutputNumber("POINT_COUNT", tr("Points used")))

    # Checks ---------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        for name, message in ((self.RADIUS, tr("The radius must be larger than 0 (got {value}). Leave it "
                                               "empty to have one suggested.")),
                              (self.PIXEL_SIZE, tr("The pixel size must be larger than 0 (got {value}). "
                                                   "Leave it empty to have one suggested."))):
            value = parameters.get(name)
            if not given(parameters, name) or isinstance(value, QgsProperty):
                continue
            try:
                number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
            except (TypeError, ValueError):
                continue
            if not number > 0:
                return False, message.format(value=format_number(number) if math.isfinite(number) else value)
        return super().checkParameterValues(parameters, context)

    def _optional_double(self, parameters, name: str, context) -> Optional[float]:
        if not given(parameters, name):
            return None
        value = self.parameterAsDouble(parameters, name, context)
        return float(value) if value is not None and math.isfinite(value) else None


    # Running --------------------------------------------------------------------------------
    def _read_parameters(self, parameters, context) -> HeatmapParameters:
        """The parameters, checked: positive radius and pixel size, existing fields, a valid filter, a .tif."""
        source = self.required_source(parameters, self.INPUT, context)
        layer_name = source.sourceName() or str(parameters.get(self.INPUT))
        radius_given = self._optional_double(parameters, self.RADIUS, context)
        pixel_given = self._optional_double(parameters, self.PIXEL_SIZE, context)
        for value, message in ((radius_given, tr("The radius must be larger than 0 (got {value}). Leave it "
                                                 "empty to have one suggested.")),
                               (pixel_given, tr("The pixel size must be larger than 0 (got {value}). Leave "
                                                "it empty to have one suggested."))):
            if value is not None and not value > 0:
                raise QgsProcessingException(message.format(value=format_number(value)))
        radius_field = self.parameterAsString(parameters, self.RADIUS_FIELD, context) or ""
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or ""
        for name in (radius_field, weight_field):
            if name and source.fields().lookupField(name) < 0:
                names = ", ".join(source.fields().names())
                raise QgsProcessingException(tr("The layer {layer} has no field '{field}'. Its fields are: "
                                                "{fields}.").format(layer=layer_name, field=name,
                                                                    fields=names))
        kernel = self.parameterAsEnum(parameters, self.KERNEL, context)
        decay = self.parameterAsDouble(parameters, self.DECAY, context) if given(parameters, self.DECAY) else 0.0
        scaled = self.parameterAsEnum(parameters, self.OUTPUT_VALUE, context) == 1
        raw_filter = parameters.get(self.FILTER)
        # parameterAsExpression gives "" for an expression that does not parse: read the text itself,
        # so that a typo is reported instead of silently using all points
        filter_expression = (raw_filter if isinstance(raw_filter, str) else
                             self.parameterAsExpression(parameters, self.FILTER, context) or "").strip()
        if filter_expression:
            expression = QgsExpression(filter_expression)
            if expression.hasParserError():
                raise QgsProcessingException(tr("The filter expression {expression} is not valid: {error}")
                                             .format(expression=filter_expression,
                                                     error=expression.parserErrorString().strip()))
        snap = self.parameterAsBoolean(parameters, self.SNAP, context)
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if Path(out_path).suffix.lower() not in (".tif", ".tiff"):
            raise QgsProcessingException(tr("The heatmap is written as a GeoTIFF: give the output file the "
                                            "extension .tif (got {path}).").format(path=out_path))
        whole = None if filter_expression else whole_layer(
            parameters.get(self.INPUT), self.parameterAsVectorLayer(parameters, self.INPUT, context))
        return HeatmapParameters(source, layer_name, radius_given, pixel_given, radius_field, weight_field, kernel,
                                 decay, scaled, filter_expression, snap, out_path,
                                 is_partial(parameters.get(self.INPUT)), whole)

    def process(self, parameters, context, feedback):
        p = self._read_parameters(parameters, context)
        monitor = self.monitor(feedback)
        # 1. Points (0-10 %) and the CRS they are used in
        points = self._read_points(p, context, feedback, monitor.sub(0, 10))
        # 2. Radius and pixel size
        radius, radius_max, pixel = self._radius_and_pixel(p, points, feedback)
        # 3. Grid
        qgis_like = not p.filter_expression and not points.reprojected and not p.partial
        bounds = self._bounds(p.source, qgis_like, points.x, points.y)
        grow = radius_max
        if qgis_like and p.radius_field:
            field_max = p.source.maximumValue(p.source.fields().lookupField(p.radius_field))
            try:
                grow = max(float(field_max), radius_max)
            except (TypeError, ValueError):
                pass
        mask_shapes = self._mask_shapes(parameters, context, points.crs, feedback)
        grid, how = self._grid(parameters, context, points.crs, bounds, grow, float(pixel), p.snap, mask_shapes)
        self.info(feedback, tr("Raster: {cols} x {rows} cells of {pixel} map units ({crs}); {how}.").format(
            cols=grid.cols, rows=grid.rows, pixel=format_number(grid.pixel),
            crs=points.crs.authid() or points.crs.description() or "-", how=how))
        self.info(feedback, tr("Kernel {kernel}, {values} values, {n} points, radius {radius}.").format(
            kernel=tr(kde.KERNEL_NAMES[p.kernel]), values=tr("scaled") if p.scaled else tr("raw"), n=points.x.size,
            radius=(tr("{min} to {max} (field {field})").format(
                min=format_number(np.min(radius)), max=format_number(radius_max), field=p.radius_field)
                    if p.radius_field else format_number(radius))))
        # 4. Density, streamed into the GeoTIFF (10-100 %)
        maximum = self._write_density(p, points, radius, grid, mask_shapes, monitor.sub(10, 99), feedback)
        monitor.set(99.5)
        if write_density_qml(p.out_path, maximum) is None:
            feedback.pushWarning(tr("The style file (.qml) next to {path} could not be written.").format(
                path=p.out_path))
        self._set_post_processor(context, p.out_path, maximum)
        monitor.set(100.0)
        return {self.OUTPUT: p.out_path, "USED_RADIUS": radius_max, "USED_PIXEL_SIZE": float(grid.pixel),
                "MAX_VALUE": maximum, "POINT_COUNT": int(points.x.size)}

    # Reading ---------------------------------------------------------------------------------
    def _read_points(self, p: HeatmapParameters, context, feedback, monitor: Monitor) -> HeatmapPoints:
        """The usable points (GDAL's Arrow stream when possible, else QGIS's iterator) in the output CRS."""
        fields = [f for f in dict.fromkeys((p.weight_field, p.radius_field)) if f]
        columns, fast = read_point_columns(p.source, fields, p.filter_expression, context, monitor,
                                           layer=p.whole_input)
        self.info(feedback, tr("Read {n} points from {layer} ({how}).").format(
            n=columns.count, layer=p.layer_name,
            how=tr("GDAL Arrow stream") if fast else tr("QGIS feature iterator")))
        x, y, weights, radii = self._usable_points(columns, p.weight_field, p.radius_field, p.filter_expression,
                                                   p.layer_name, p.source, feedback)
        src_crs = p.source.sourceCrs()
        if not src_crs.isValid():
            feedback.pushWarning(tr("The layer {layer} has no coordinate reference system: the radius and "
                                    "pixel size are taken in its coordinate units and the heatmap gets no "
                                    "CRS.").format(layer=p.layer_name))
        out_crs, why = working_crs(src_crs, p.source.sourceExtent(), context.transformContext(), p.layer_name)
        if why is None:
            return HeatmapPoints(x, y, weights, radii, src_crs, False)
        feedback.pushWarning(why + " " + tr("The radius and pixel size are in metres and the heatmap is in "
                                            "{out}.").format(out=out_crs.authid()))
        x, y = transform_points(x, y, src_crs, out_crs, context.transformContext())
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise QgsProcessingException(tr("Some points of {layer} could not be reprojected to {crs}.")
                                         .format(layer=p.layer_name, crs=out_crs.authid()))
        if not src_crs.isGeographic():
            return HeatmapPoints(x, y, weights, radii, out_crs, True)
        for value, what in ((p.radius_given, tr("radius")), (p.pixel_given, tr("pixel size"))):
            if value is not None and value < 1.0:
                raise QgsProcessingException(tr(
                    "The layer {layer} is in degrees, so its points are reprojected to {crs} and the "
                    "{what} is read in metres. A {what} of {value} metres looks like degrees: enter "
                    "it in metres (for example 200) or leave it empty to have one suggested.").format(
                        layer=p.layer_name, crs=out_crs.authid(), what=what, value=format_number(value)))
        return HeatmapPoints(x, y, weights, radii, out_crs, True)

    def _usable_points(self, points: PointColumns, weight_field: str, radius_field: str,
                       filter_expression: str, layer_name: str, source, feedback):
        """Drop points without location, weight or positive radius (each counted in the log)."""
        read = points.count + points.no_geometry
        if read == 0:
            if filter_expression:
                raise QgsProcessingException(tr("No feature of {layer} matches the filter {filter}. Check "
                                                "the filter (field names, quotes around texts).").format(
                    layer=layer_name, filter=filter_expression))
            raise QgsProcessingException(tr("The layer {layer} has no features: there is nothing to make a "
                                            "heatmap of.").format(layer=layer_name))
        keep = np.ones(points.count, dtype=bool)
        no_weight = bad_radius = 0
        weights = radii = None
        if weight_field:
            weights = points.fields[weight_field]
            ok = np.isfinite(weights)
            no_weight = int(points.count - np.count_nonzero(ok))
            keep &= ok
        if radius_field:
            radii = points.fields[radius_field]
            ok = np.isfinite(radii) & (radii > 0)
            bad_radius = int(np.count_nonzero(keep & ~ok))
            keep &= ok
        if points.no_geometry:
            feedback.pushWarning(tr("{n} features have no location (empty geometry) and were left out.")
                                 .format(n=points.no_geometry))
        if no_weight:
            feedback.pushWarning(tr("{n} points have no weight (NULL in field '{field}') and were left out; "
                                    "QGIS's own heatmap would count them with weight 0.").format(
                n=no_weight, field=weight_field))
        if bad_radius:
            feedback.pushWarning(tr("{n} points have an empty, zero or negative radius in field '{field}' "
                                    "and were left out.").format(n=bad_radius, field=radius_field))
        if not keep.any():
            reasons = [text.format(n=n) for n, text in (
                (points.no_geometry, tr("{n} without a location")),
                (no_weight, tr("{n} without a weight (NULL)")),
                (bad_radius, tr("{n} without a positive radius"))) if n]
            raise QgsProcessingException(tr(
                "None of the {read} features can be used: {reasons}. Check the layer's geometries and the "
                "weight and radius fields.").format(read=read, reasons=", ".join(reasons)))
        if keep.all():
            return points.x, points.y, weights, radii
        return (points.x[keep], points.y[keep], None if weights is None else weights[keep],
                None if radii is None else radii[keep])


    # Radius and pixel ------------------------------------------------------------------------
    def _radius_and_pixel(self, p: HeatmapParameters, points: HeatmapPoints, feedback):
        """(radius: a number or the radii, the largest radius, pixel size): given, from a field or suggested."""
        radii = points.radii
        if p.radius_field:
            radius = radii
            radius_max = float(np.max(radii))
            pixel = p.pixel_given
            if p.radius_given is not None:
                self.info(feedback, tr("The radius comes from the field '{field}' ({min} to {max}); the "
                                       "radius {radius} is not used.").format(
                    field=p.radius_field, min=format_number(radii.min()), max=format_number(radius_max),
                    radius=format_number(p.radius_given)))
        elif p.radius_given is None:
            radius, pixel = self._suggest_both_or_radius(points.x, points.y, p.pixel_given, feedback)
            radius_max = float(radius)
        else:
            radius, pixel = p.radius_given, p.pixel_given
            radius_max = float(radius)
        if pixel is None:
            base = float(np.median(radii)) if p.radius_field else float(radius)
            x, y = points.x, points.y
            choice = suggest_pixel(base, (float(x.min()), float(y.min()), float(x.max()), float(y.max())))
            pixel = choice.pixel
            self.info(feedback, tr(
                "Pixel size {pixel} (map units) was chosen automatically: radius / 10 = {raw_pixel}, rounded "
                "to 1, 2, 2.5 or 5 times a power of ten and made coarser where needed to keep the grid at "
                "most {cell_target} cells: {cols} x {rows} cells.").format(
                    pixel=format_number(pixel), raw_pixel=format_number(float(f"{choice.raw:.3g}")),
                    cell_target=CELL_TARGET, cols=choice.cols, rows=choice.rows))
        return radius, radius_max, pixel

    def _suggest_both_or_radius(self, x, y, pixel_given: Optional[float], feedback) -> Tuple[float, float]:
        radius, pixel, template, params = kde.suggest_parameters(x, y, cell_target=CELL_TARGET)
        if pixel_given is None:
            self.info(feedback, tr(template).format(**params))
            return radius, pixel
        self.info(feedback, tr(
            "Radius {radius} (map units) was chosen automatically: 0.9 x min(standard distance {sd}, "
            "1.2011 x median distance to the mean centre {dm}) x n^-0.2 with n = {n} points gives "
            "{raw_radius}, rounded to {radius} (the rule ArcGIS Pro uses for its default search radius)."
        ).format(**params))
        return radius, pixel_given

    # Grid ------------------------------------------------------------------------------------
    @staticmethod
    def _bounds(source, qgis_like: bool, x, y) -> Tuple[float, float, float, float]:
        """The points' extent. When the whole source is used in its own CRS: the source's reported
        extent, as QGIS's heatmap uses it (grown to the points should they lie outside it by more
        than a millionth of its size); else the extent of the points read."""
        pts = (float(x.min()), float(y.min()), float(x.max()), float(y.max()))
        if qgis_like:
            ext = source.sourceExtent()
            vals = (ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum())
            if all(math.isfinite(v) for v in vals) and vals[2] >= vals[0] and vals[3] >= vals[1]:
                tol = 1e-6 * max(vals[2] - vals[0], vals[3] - vals[1], 1.0)
                if pts[0] >= vals[0] - tol and pts[1] >= vals[1] - tol and pts[2] <= vals[2] + tol and \
                        pts[3] <= vals[3] + tol:
                    return vals
                return (min(vals[0], pts[0]), min(vals[1], pts[1]), max(vals[2], pts[2]),
                        max(vals[3], pts[3]))
        return pts

    def _grid(self, parameters, context, out_crs, bounds, grow: float, pixel: float, snap: bool,
              mask_shapes) -> Tuple[kde.Grid, str]:
        xmin, ymin, xmax, ymax = bounds
        if given(parameters, self.EXTENT):
            ext = self.parameterAsExtent(parameters, self.EXTENT, context, out_crs)
            if ext is None or ext.isNull() or ext.width() <= 0 or ext.height() <= 0:
                raise QgsProcessingException(tr("The extent {extent} is not valid: it needs a width and a "
                                                "height.").format(extent=parameters.get(self.EXTENT)))
            grid = kde.grid_for_extent(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum(), pixel,
                                       snap=snap)
            return grid, (tr("the given extent, snapped to multiples of the pixel size") if snap
                          else tr("the given extent"))
        if mask_shapes is not None:
            mb = _shapes_bounds(mask_shapes)
            ix0, iy0 = max(xmin - grow, mb[0]), max(ymin - grow, mb[1])
            ix1, iy1 = min(xmax + grow, mb[2]), min(ymax + grow, mb[3])
            if ix0 >= ix1 or iy0 >= iy1:
                raise QgsProcessingException(tr(
                    "The mask does not overlap the points: its polygons lie outside the area within the "
                    "radius of the points. Check that the mask is the right layer (and its CRS)."))
            grid = kde.grid_for_extent(ix0, iy0, ix1, iy1, pixel, snap=snap)
            return grid, tr("the points' extent plus the radius, cut to the mask's extent")
        if snap:
            return kde.snapped_grid(xmin, ymin, xmax, ymax, grow, pixel), tr(
                "the points' extent plus the radius, snapped to multiples of the pixel size")
        return kde.qgis_grid(xmin, ymin, xmax, ymax, grow, pixel), tr(
            "the points' extent plus the radius, the grid QGIS's own heatmap makes")

    def _mask_shapes(self, parameters, context, out_crs, feedback):
        """The mask's polygons (shapely) in the output CRS, or None without a mask."""
        if not given(parameters, self.MASK):
            return None
        mask = self.required_source(parameters, self.MASK, context)
        request = QgsFeatureRequest().setNoAttributes()
        if out_crs.isValid() and mask.sourceCrs().isValid() and mask.sourceCrs() != out_crs:
            request.setDestinationCrs(out_crs, context.transformContext())
            self.info(feedback, tr("The mask is reprojected from {src} to {dst}.").format(
                src=mask.sourceCrs().authid(), dst=out_crs.authid()))
        shapes = []
        for feature in mask.getFeatures(request):
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty() or geom.type() != GeometryType.Polygon:
                continue
            shape = to_shapely(geom)
            if shape is not None:
                shapes.append(shape)
        if not shapes:
            raise QgsProcessingException(tr("The mask layer has no polygons: choose a polygon layer of the "
                                            "study area, or no mask."))
        return shapes

    # Output ----------------------------------------------------------------------------------
    def _set_post_processor(self, context, out_path: str, maximum: float) -> None:
        if not context.willLoadLayerOnCompletion(out_path):
            return
        post = DensityStylePostProcessor(maximum)
        _POST_PROCESSORS.pop(out_path, None)
        _POST_PROCESSORS[out_path] = post
        while len(_POST_PROCESSORS) > KEEP_POST_PROCESSORS:
            _POST_PROCESSORS.pop(next(iter(_POST_PROCESSORS)))
        context.layerToLoadOnCompletionDetails(out_path).setPostProcessor(post)

    # Writing ---------------------------------------------------------------------------------
    def _write_density(self, p: HeatmapParameters, points: HeatmapPoints, radius, grid: kde.Grid, mask_shapes,
                       monitor: Monitor, feedback) -> float:
        """The density, computed in bands of rows and streamed into the GeoTIFF; returns its maximum."""
        bands = kde.density_bands(points.x, points.y, points.weights, radius, grid, kernel=p.kernel, decay=p.decay,
                                  scaled=p.scaled, band_rows=band_rows(grid, points.x.size), monitor=monitor)
        crs = points.crs
        wkt = crs.toWkt(CrsWktVariant.PreferredGdal) if crs.isValid() else ""
        try:
            with DensityRasterWriter(p.out_path, grid, wkt, zlevel=1) as writer:
                for row0, values, touched in bands:
                    valid = touched
                    if mask_shapes is not None:
                        valid = touched & _inside(mask_shapes, grid, row0, values.shape[0])
                    writer.write(row0, values, valid)
                if mask_shapes is not None and writer.valid_cells == 0:
                    raise QgsProcessingException(tr(
                        "None of the density lies inside the mask: the mask's polygons do not overlap the "
                        "area within the radius of the points. Check that the mask is the right layer (and "
                        "its CRS)."))
                writer.commit()
        except OSError as exc:  # rasterio's RasterioIOError is an OSError
            raise QgsProcessingException(tr("The heatmap could not be written to {path}: {error}").format(
                path=p.out_path, error=exc)) from None
        maximum = writer.maximum if writer.valid_cells else 0.0
        if writer.valid_cells == 0:
            feedback.pushWarning(tr("No point lies within the radius of any cell of the raster: the heatmap "
                                    "is empty (all cells nodata). Check the extent."))
        self.info(feedback, tr("Highest value {max}; {valid} of {cells} cells have a value, the others are "
                               "nodata ({nodata}).").format(max=f"{maximum:.6g}", valid=writer.valid_cells,
                                                            cells=grid.n_cells, nodata=format_number(NODATA)))
        return maximum


# --------------------------------------------------------------------------------- helpers

def _shapes_bounds(shapes) -> Tuple[float, float, float, float]:
    b = np.array([s.bounds for s in shapes])
    return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())


def _inside(shapes, grid: kde.Grid, row0: int, rows: int) -> np.ndarray:
    """Cells of rows ``row0 .. row0 + rows - 1`` whose centre lies inside the mask polygons."""
    from rasterio import features
    from rasterio.transform import Affine

    transform = Affine(grid.pixel, 0.0, grid.x_min, 0.0, -grid.pixel, grid.y_max - row0 * grid.pixel)
    burned = features.rasterize(((s, 1) for s in shapes), out_shape=(rows, grid.cols), transform=transform,
                                fill=0, dtype="uint8", all_touched=False)
    return burned.astype(bool)


ALGORITHM = DensityHeatmapAlgorithm
