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
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
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
    QgsWkbTypes,
)

from ..adapters.crs import transform_points
from ..core import kde
from ..core.progress import Monitor
from ..i18n import tr
from ..storage.fastread import PointColumns, read_ogr_points
from ..storage.raster import NODATA, DensityRasterWriter, apply_density_style, write_density_qml
from .base import HotspotAlgorithm

#: Grid size the suggested pixel size keeps to (cells), as kde.suggest_parameters does.
CELL_TARGET = 4_000_000
_PIXEL_STEPS = (1.0, 2.0, 2.5, 5.0)
#: Below this many points per raster row the bands are made taller (see band_rows).
SPARSE_POINTS_PER_ROW = 50
SPARSE_BAND_CELLS = 1 << 17

#: Bounds (lon_min, lat_min, lon_max, lat_max) of RD New (EPSG:28992) and Belgian Lambert 2008
#: (EPSG:3812) as their areas of use, and the Dutch-Belgian border as (lon, lat) points for
#: the strip where the two overlap: north of the line is the Netherlands.
RD_BOUNDS = (3.2, 50.75, 7.22, 53.7)
BE_BOUNDS = (2.5, 49.5, 6.4, 51.51)
_BORDER = ((2.5, 51.1), (3.36, 51.37), (3.9, 51.2), (4.25, 51.37), (4.8, 51.42), (5.1, 51.43),
           (5.5, 51.28), (5.85, 51.15), (5.72, 50.76), (6.4, 50.75))

#: Post-processors of outputs that will be loaded, kept alive until QGIS has used them
#: (QGIS holds only a pointer); the most recent KEEP_POST_PROCESSORS are kept.
KEEP_POST_PROCESSORS = 100
_POST_PROCESSORS: Dict[str, "DensityStylePostProcessor"] = {}


class DensityStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Gives the loaded heatmap layer its colour ramp (0 transparent, yellow - orange - red)."""

    def __init__(self, maximum: float) -> None:
        super().__init__()
        self.maximum = maximum

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if isinstance(layer, QgsRasterLayer):
            apply_density_style(layer, self.maximum)


def choose_projected_crs(lon: float, lat: float) -> Tuple[str, str]:
    """A projected CRS for data centred at ``(lon, lat)`` (degrees): ``(authid, reason key)``.

    RD New (EPSG:28992) in the Netherlands, Belgian Lambert 2008 (EPSG:3812) in Belgium (north
    or south of the border line where their areas overlap), else the WGS 84 UTM zone of the
    centre. The reason key is ``"nl"``, ``"be"`` or ``"utm"``.
    """
    def inside(bounds: Sequence[float]) -> bool:
        return bounds[0] <= lon <= bounds[2] and bounds[1] <= lat <= bounds[3]

    in_nl, in_be = inside(RD_BOUNDS), inside(BE_BOUNDS)
    if in_nl and in_be:
        border = float(np.interp(lon, [p[0] for p in _BORDER], [p[1] for p in _BORDER]))
        in_nl, in_be = lat >= border, lat < border
    if in_nl:
        return "EPSG:28992", "nl"
    if in_be:
        return "EPSG:3812", "be"
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}", "utm"


def suggest_pixel(radius: float, bounds: Tuple[float, float, float, float],
                  cell_target: float = CELL_TARGET) -> Tuple[float, float, int, int]:
    """Pixel size for a given radius: radius / 10 rounded to 1, 2, 2.5 or 5 times a power of ten,
    then one step coarser until the grid (bounds grown by the radius) has at most ``cell_target``
    cells, the rule of ``kde.suggest_parameters``. Returns ``(pixel, radius / 10, cols, rows)``."""
    raw = radius / 10.0
    e = math.floor(math.log10(raw))
    candidates = sorted(s * 10.0 ** p for p in range(e - 1, e + 12) for s in _PIXEL_STEPS)
    pixel = min(candidates, key=lambda c: abs(math.log(c / raw)))
    xmin, ymin, xmax, ymax = bounds

    def dims(p: float) -> Tuple[int, int]:
        return (math.ceil((xmax - xmin + 2 * radius) / p) + 1, math.ceil((ymax - ymin + 2 * radius) / p) + 1)

    cols, rows = dims(pixel)
    for c in candidates:
        if c < pixel * (1 + 1e-9):
            continue
        if cols * rows <= cell_target:
            break
        pixel = c
        cols, rows = dims(pixel)
    return float(f"{pixel:.12g}"), raw, cols, rows


def _number(v: float):
    """A number for messages: whole numbers without decimals, else up to 6 significant digits."""
    v = float(v)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def _is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        from qgis.core import NULL

        return value == NULL
    except Exception:  # noqa: BLE001 - any value that cannot be compared is a value
        return False


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
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Point layer (e.g. the incidents of a safety GeoPackage)"),
            [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterDistance(
            self.RADIUS, tr("Radius (map units; metres for a layer in degrees) [empty: suggested]"),
            defaultValue=None, parentParameterName=self.INPUT, optional=True, minValue=0.0))
        radius_field = QgsProcessingParameterField(
            self.RADIUS_FIELD, tr("Radius from field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True)
        radius_field.setFlags(radius_field.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(radius_field)
        self.addParameter(QgsProcessingParameterDistance(
            self.PIXEL_SIZE, tr("Pixel size (map units) [empty: suggested]"), defaultValue=None,
            parentParameterName=self.INPUT, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Weight from field (e.g. weight, the harm weight)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter (e.g. category = '1.1.1' or a period; empty: all points)"),
            defaultValue="", parentLayerParameterName=self.INPUT, optional=True))
        kernel = QgsProcessingParameterEnum(
            self.KERNEL, tr("Kernel shape"), [tr(name) for name in kde.KERNEL_NAMES], defaultValue=0)
        kernel.setFlags(kernel.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(kernel)
        decay = QgsProcessingParameterNumber(
            self.DECAY, tr("Decay ratio (triangular kernel only)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0, optional=True, minValue=-100.0, maxValue=100.0)
        decay.setFlags(decay.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        decay.setMetadata({"widget_wrapper": {"decimals": 2}})
        self.addParameter(decay)
        values = QgsProcessingParameterEnum(
            self.OUTPUT_VALUE, tr("Output value scaling"),
            [tr("Raw (sum of kernel values)"), tr("Scaled (density per square map unit)")], defaultValue=0)
        values.setFlags(values.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(values)
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, tr("Extent of the raster [empty: the points plus the radius]"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MASK, tr("Mask: study area polygons (density only inside)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SNAP, tr("Snap the grid to multiples of the pixel size (lines up with CBS squares)"),
            defaultValue=True))
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
            if _is_empty(value) or isinstance(value, QgsProperty):
                continue
            try:
                number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
            except (TypeError, ValueError):
                continue
            if not number > 0:
                return False, message.format(value=_number(number) if math.isfinite(number) else value)
        return super().checkParameterValues(parameters, context)

    def _optional_double(self, parameters, name: str, context) -> Optional[float]:
        if _is_empty(parameters.get(name)):
            return None
        value = self.parameterAsDouble(parameters, name, context)
        return float(value) if value is not None and math.isfinite(value) else None

    # Running --------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_name = source.sourceName() or str(parameters.get(self.INPUT))
        radius_given = self._optional_double(parameters, self.RADIUS, context)
        pixel_given = self._optional_double(parameters, self.PIXEL_SIZE, context)
        for value, message in ((radius_given, tr("The radius must be larger than 0 (got {value}). Leave it "
                                                 "empty to have one suggested.")),
                               (pixel_given, tr("The pixel size must be larger than 0 (got {value}). Leave "
                                                "it empty to have one suggested."))):
            if value is not None and not value > 0:
                raise QgsProcessingException(message.format(value=_number(value)))
        radius_field = self.parameterAsString(parameters, self.RADIUS_FIELD, context) or ""
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or ""
        for name in (radius_field, weight_field):
            if name and source.fields().lookupField(name) < 0:
                names = ", ".join(source.fields().names())
                raise QgsProcessingException(tr("The layer {layer} has no field '{field}'. Its fields are: "
                                                "{fields}.").format(layer=layer_name, field=name,
                                                                    fields=names))
        kernel = self.parameterAsEnum(parameters, self.KERNEL, context)
        decay = self.parameterAsDouble(parameters, self.DECAY, context) if not _is_empty(
            parameters.get(self.DECAY)) else 0.0
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
        monitor = self.monitor(feedback)

        # 1. Points (0-10 %) ----------------------------------------------------------------------
        fields = [f for f in dict.fromkeys((weight_field, radius_field)) if f]
        points, fast = self._read_points(parameters, source, fields, filter_expression, context,
                                         monitor.sub(0, 10))
        self.info(feedback, tr("Read {n} points from {layer} ({how}).").format(
            n=points.count, layer=layer_name,
            how=tr("GDAL Arrow stream") if fast else tr("QGIS feature iterator")))
        x, y, weights, radii = self._usable_points(points, weight_field, radius_field, filter_expression,
                                                   layer_name, source, feedback)

        # 2. CRS ------------------------------------------------------------------------------
        src_crs = source.sourceCrs()
        out_crs = src_crs
        reprojected = False
        if not src_crs.isValid():
            feedback.pushWarning(tr("The layer {layer} has no coordinate reference system: the radius and "
                                    "pixel size are taken in its coordinate units and the heatmap gets no "
                                    "CRS.").format(layer=layer_name))
        elif src_crs.isGeographic():
            out_crs, x, y = self._reproject_geographic(src_crs, x, y, context, feedback, layer_name)
            reprojected = True
            for value, what in ((radius_given, tr("radius")), (pixel_given, tr("pixel size"))):
                if value is not None and value < 1.0:
                    raise QgsProcessingException(tr(
                        "The layer {layer} is in degrees, so its points are reprojected to {crs} and the "
                        "{what} is read in metres. A {what} of {value} metres looks like degrees: enter "
                        "it in metres (for example 200) or leave it empty to have one suggested.").format(
                            layer=layer_name, crs=out_crs.authid(), what=what, value=_number(value)))

        # 3. Radius and pixel size ------------------------------------------------------------
        if radius_field:
            radius = radii
            radius_max = float(np.max(radii))
            pixel = pixel_given
            if radius_given is not None:
                self.info(feedback, tr("The radius comes from the field '{field}' ({min} to {max}); the "
                                       "radius {radius} is not used.").format(
                    field=radius_field, min=_number(radii.min()), max=_number(radius_max),
                    radius=_number(radius_given)))
        elif radius_given is None:
            radius, pixel = self._suggest_both_or_radius(x, y, pixel_given, feedback)
            radius_max = float(radius)
        else:
            radius, pixel = radius_given, pixel_given
            radius_max = float(radius)
        if pixel is None:
            base = float(np.median(radii)) if radius_field else float(radius)
            bounds = (float(x.min()), float(y.min()), float(x.max()), float(y.max()))
            pixel, raw, cols, rows = suggest_pixel(base, bounds)
            self.info(feedback, tr(
                "Pixel size {pixel} (map units) was chosen automatically: radius / 10 = {raw_pixel}, rounded "
                "to 1, 2, 2.5 or 5 times a power of ten and made coarser where needed to keep the grid at "
                "most {cell_target} cells: {cols} x {rows} cells.").format(
                    pixel=_number(pixel), raw_pixel=_number(float(f"{raw:.3g}")), cell_target=CELL_TARGET,
                    cols=cols, rows=rows))

        # 4. Grid -------------------------------------------------------------------------------
        qgis_like = not filter_expression and not reprojected and not self._partial_source(parameters)
        bounds = self._bounds(source, qgis_like, x, y)
        grow = radius_max
        if qgis_like and radius_field:
            field_max = source.maximumValue(source.fields().lookupField(radius_field))
            try:
                grow = max(float(field_max), radius_max)
            except (TypeError, ValueError):
                pass
        mask_shapes = self._mask_shapes(parameters, context, out_crs, feedback)
        grid, how = self._grid(parameters, context, out_crs, bounds, grow, float(pixel), snap, mask_shapes)
        self.info(feedback, tr("Raster: {cols} x {rows} cells of {pixel} map units ({crs}); {how}.").format(
            cols=grid.cols, rows=grid.rows, pixel=_number(grid.pixel),
            crs=out_crs.authid() or out_crs.description() or "-", how=how))
        kernel_name = tr(kde.KERNEL_NAMES[kernel])
        self.info(feedback, tr("Kernel {kernel}, {values} values, {n} points, radius {radius}.").format(
            kernel=kernel_name, values=tr("scaled") if scaled else tr("raw"), n=x.size,
            radius=(tr("{min} to {max} (field {field})").format(min=_number(np.min(radius)),
                                                                max=_number(radius_max), field=radius_field)
                    if radius_field else _number(radius))))

        # 5. Density, streamed into the GeoTIFF (10-100 %) ------------------------------------
        bands = kde.density_bands(x, y, weights, radius, grid, kernel=kernel, decay=decay, scaled=scaled,
                                  band_rows=band_rows(grid, x.size), monitor=monitor.sub(10, 99))
        wkt = out_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL) if out_crs.isValid() \
            else ""
        try:
            with DensityRasterWriter(out_path, grid, wkt, zlevel=1) as writer:
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
                path=out_path, error=exc)) from None
        maximum = writer.maximum if writer.valid_cells else 0.0
        if writer.valid_cells == 0:
            feedback.pushWarning(tr("No point lies within the radius of any cell of the raster: the heatmap "
                                    "is empty (all cells nodata). Check the extent."))
        self.info(feedback, tr("Highest value {max}; {valid} of {cells} cells have a value, the others are "
                               "nodata ({nodata}).").format(max=f"{maximum:.6g}", valid=writer.valid_cells,
                                                            cells=grid.n_cells, nodata=_number(NODATA)))
        monitor.set(99.5)
        if write_density_qml(out_path, maximum) is None:
            feedback.pushWarning(tr("The style file (.qml) next to {path} could not be written.").format(
                path=out_path))
        self._set_post_processor(context, out_path, maximum)
        monitor.set(100.0)
        return {self.OUTPUT: out_path, "USED_RADIUS": radius_max, "USED_PIXEL_SIZE": float(grid.pixel),
                "MAX_VALUE": maximum, "POINT_COUNT": int(x.size)}

    # Reading ---------------------------------------------------------------------------------
    def _partial_source(self, parameters) -> bool:
        """True when the input is a selection, a limited or a filtered part of its layer."""
        definition = parameters.get(self.INPUT)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition):
            return bool(definition.selectedFeaturesOnly or definition.featureLimit != -1
                        or getattr(definition, "filterExpression", ""))
        return False

    def _read_points(self, parameters, source, fields: List[str], filter_expression: str, context,
                     monitor: Monitor) -> Tuple[PointColumns, bool]:
        """The points (and numeric fields): GDAL's Arrow stream when possible, else QGIS's iterator."""
        if not filter_expression and not self._partial_source(parameters):
            layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
            if layer is not None and not layer.subsetString():
                fast = read_ogr_points(layer, fields, monitor)
                if fast is not None:
                    return fast, True
        return read_points_iterator(source, fields, filter_expression, context, monitor), False

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

    # CRS -------------------------------------------------------------------------------------
    def _reproject_geographic(self, src_crs, x, y, context, feedback, layer_name):
        lon, lat = float(np.mean(x)), float(np.mean(y))
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        if src_crs != wgs84:
            try:
                centre = QgsCoordinateTransform(src_crs, wgs84, context.transformContext()).transform(
                    QgsPointXY(lon, lat))
                lon, lat = centre.x(), centre.y()
            except QgsCsException:
                pass
        authid, why = choose_projected_crs(lon, lat)
        out_crs = QgsCoordinateReferenceSystem(authid)
        reason = {"nl": tr("the points lie in the Netherlands"), "be": tr("the points lie in Belgium"),
                  "utm": tr("the UTM zone of the points' centre")}[why]
        feedback.pushWarning(tr(
            "The layer {layer} is in a geographic CRS ({crs}, degrees). Its points are reprojected to {out} "
            "({name}) because {reason}; the radius and pixel size are in metres and the heatmap is in {out}."
        ).format(layer=layer_name, crs=src_crs.authid() or src_crs.description(), out=authid,
                 name=out_crs.description(), reason=reason))
        x, y = transform_points(x, y, src_crs, out_crs, context.transformContext())
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise QgsProcessingException(tr("Some points of {layer} could not be reprojected to {crs}.")
                                         .format(layer=layer_name, crs=authid))
        return out_crs, x, y

    # Radius and pixel ------------------------------------------------------------------------
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
        if not _is_empty(parameters.get(self.EXTENT)):
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
        if _is_empty(parameters.get(self.MASK)):
            return None
        mask = self.parameterAsSource(parameters, self.MASK, context)
        if mask is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.MASK))
        from shapely import wkb

        request = QgsFeatureRequest().setNoAttributes()
        if out_crs.isValid() and mask.sourceCrs().isValid() and mask.sourceCrs() != out_crs:
            request.setDestinationCrs(out_crs, context.transformContext())
            self.info(feedback, tr("The mask is reprojected from {src} to {dst}.").format(
                src=mask.sourceCrs().authid(), dst=out_crs.authid()))
        shapes = []
        for feature in mask.getFeatures(request):
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty() or geom.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
                continue
            shape = wkb.loads(bytes(geom.asWkb()))
            if not shape.is_empty:
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


# --------------------------------------------------------------------------------- helpers

def band_rows(grid: kde.Grid, n_points: int) -> Optional[int]:
    """Rows per band: the core's default, but taller bands when there are few points per raster row
    (fewer bands, less fixed work per band; measured about 2x faster at 10 points per row), always
    within the core's memory budget per band."""
    if n_points / grid.rows >= SPARSE_POINTS_PER_ROW:
        return None
    rows = max(16, SPARSE_BAND_CELLS // grid.cols)
    return max(1, min(grid.rows, rows, kde.choose_band_rows(grid.cols)))


def read_points_iterator(source, fields: Sequence[str], filter_expression: str, context,
                         monitor: Monitor) -> PointColumns:
    """Points and numeric fields through QGIS's feature iterator (only the needed attributes).

    Multi-point features add every part with the feature's values, as QGIS's heatmap does;
    NULL or empty geometries are counted in ``no_geometry``; NULL or non-numeric values are NaN.
    """
    source_fields = source.fields()
    indexes = [source_fields.lookupField(name) for name in fields]
    request = QgsFeatureRequest().setSubsetOfAttributes(indexes)
    if filter_expression:
        request.setFilterExpression(filter_expression)
        expression_context = QgsExpressionContext(context.expressionContext())
        expression_context.appendScope(source.createExpressionContextScope())
        request.setExpressionContext(expression_context)
    total = max(1, source.featureCount())
    xs: List[float] = []
    ys: List[float] = []
    values: List[List[float]] = [[] for _ in fields]
    no_geometry = 0
    point_type = QgsWkbTypes.Type.Point
    for k, feature in enumerate(source.getFeatures(request)):
        if not k & 1023:
            monitor.check()
            monitor.set(100.0 * min(k, total) / total)
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            no_geometry += 1
            continue
        attrs = feature.attributes()
        row = [_as_float(attrs[i]) for i in indexes]
        if QgsWkbTypes.flatType(geom.wkbType()) == point_type:
            p = geom.constGet()
            xs.append(p.x())
            ys.append(p.y())
            for col, v in zip(values, row):
                col.append(v)
        else:
            parts = [p for p in geom.asMultiPoint()] if geom.isMultipart() else [geom.asPoint()]
            for p in parts:
                xs.append(p.x())
                ys.append(p.y())
                for col, v in zip(values, row):
                    col.append(v)
    monitor.check()
    monitor.set(100.0)
    x = np.asarray(xs, dtype=np.float64)
    y = np.asarray(ys, dtype=np.float64)
    ok = np.isfinite(x) & np.isfinite(y)
    extra = int(x.size - np.count_nonzero(ok))
    cols = {name: np.asarray(v, dtype=np.float64) for name, v in zip(fields, values)}
    if extra:
        x, y = x[ok], y[ok]
        cols = {name: v[ok] for name, v in cols.items()}
    return PointColumns(x, y, cols, no_geometry + extra)


def _as_float(value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return math.nan
    return v


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
