"""hotspot:gistar - Getis-Ord Gi* hot spots of incidents on a square or hexagonal grid, or per area.

The statistics are the pure core's (``core/gistar.py``); this module reads the layers, picks the
metric CRS, builds the study-area mask, writes one polygon per cell or area and styles the result.
The readers are ``adapters.features``, the cell shapes ``core.grid_shapes`` and the bulk
GeoPackage write of the cells ``storage.cells``.

Decisions (also in the help text):

* **CRS**: the analysis runs in metres. The first of INPUT, AREAS and STUDY_AREA
  whose CRS is projected in metres with a scale within 1 % of true at the data is used; when none
  is (degrees, feet, Web Mercator; adapters.crs.working_crs), the data are
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

import secrets
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsVectorLayer,
)
from shapely.ops import unary_union

from ..adapters.crs import require_crs, working_crs
from ..adapters.features import Points, read_points, read_polygons, whole_layer
from ..adapters.geometry import from_wkb
from ..compat import (
    DOUBLE,
    INT,
    LONG,
    STRING,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core import gistar as gs
from ..core.errors import Canceled
from ..core.grid_shapes import assign_to_polygons, cell_corners, cell_reach, contains_xy, convex_hull, ring_wkb
from ..core.numbers import format_number
from ..i18n import tr
from ..storage.cells import plain_gpkg_path, write_gpkg_cells
from ..storage.hotspot_styles import gi_class_labels, store_style_in_gpkg, style_on_load
from .base import (
    HotspotAlgorithm,
    filter_parameter,
    incidents_parameter,
    optional_number,
    source_name,
)

SQUARE, HEXAGONAL, POLYGONS = 0, 1, 2
PERMUTATION, NORMAL = 0, 1
#: Features per batch handed to the sink (and between two cancel checks).
WRITE_CHUNK = 20_000


@dataclass
class GiStarParameters:
    """The parameters of one run, read and checked (see :meth:`GiStarAlgorithm._read_parameters`)."""

    source: object
    layer_name: str
    mode: int
    areas: Optional[object]
    study: Optional[object]
    expression: str
    area_expression: str
    weight_field: str
    cell_given: Optional[float]
    band_given: Optional[float]
    permutations: int
    significance: int
    fdr: bool
    seed: Optional[int]
    whole_input: Optional[QgsVectorLayer] = None
    #: (source, layer name) of INPUT, AREAS and STUDY_AREA, as far as given, in that order.
    sources: List[Tuple[object, str]] = field(default_factory=list)


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


def choice_message(choice: gs.AutoChoice) -> str:
    """The translated explanation of an automatic choice, numbers without trailing zeros."""
    params = {k: format_number(v, 3, strip_zeros=True) if isinstance(v, float) else v
              for k, v in choice.params.items()}
    return tr(choice.template).format(**params)


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
        self.addParameter(incidents_parameter(self.INPUT))
        self.addParameter(filter_parameter(self.FILTER, self.INPUT))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Weight field (summed instead of counting incidents; empty: count)"),
            parentLayerParameterName=self.INPUT, type=ProcessingFieldParameterDataType.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID, tr("Cells"), [tr("Square grid"), tr("Hexagonal grid"),
                                     tr("Polygons of an area layer (e.g. buurten)")], defaultValue=SQUARE))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, tr("Areas (polygon mode: the cells; grids: the study area)"),
            [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER_AREAS, tr("Filter on the areas (e.g. level = 'buurt')"), defaultValue="",
            parentLayerParameterName=self.AREAS, optional=True))
        lengths = ((self.CELL_SIZE, tr("Cell size in metres (empty: chosen automatically)")),
                   (self.DISTANCE_BAND, tr("Distance band in metres (empty: chosen automatically)")))
        for name, label in lengths:
            number = QgsProcessingParameterNumber(name, label, ProcessingNumberParameterType.Double,
                                                  optional=True)
            number.setMetadata({"widget_wrapper": {"decimals": 1}})
            self.addParameter(number)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, tr("Study area (polygons; empty: the areas, else around the incidents)"),
            [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FDR, tr("Correct for multiple testing (false discovery rate, Benjamini-Hochberg)"),
            defaultValue=True))
        advanced = [
            QgsProcessingParameterNumber(
                self.PERMUTATIONS, tr("Number of permutations"), ProcessingNumberParameterType.Integer,
                defaultValue=gs.DEFAULT_PERMUTATIONS, minValue=0, maxValue=99_999),
            QgsProcessingParameterNumber(
                self.SEED, tr("Random seed (empty: random, written to the log so the run can be repeated)"),
                ProcessingNumberParameterType.Integer, optional=True, minValue=0),
            QgsProcessingParameterEnum(
                self.SIGNIFICANCE, tr("p-values"), [tr("Permutation pseudo p-values"),
                                                    tr("Normal distribution of z (as ArcGIS)")],
                defaultValue=PERMUTATION),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Gi* hot spots"), ProcessingSourceType.VectorPolygon))
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
        """The first CRS among *sources* ((source, name) pairs, INPUT first) that measures metres on the
        ground (adapters.crs.working_crs: projected, in metres, scale within 1 %), else the metric CRS
        the rule chooses for the first (logged)."""
        for source, name in sources:
            require_crs(source.sourceCrs(), name)
        choices = [working_crs(source.sourceCrs(), source.sourceExtent(), context.transformContext(), name,
                               require_metres=True) for source, name in sources]
        for crs, text in choices:
            if text is None:
                return crs
        crs, text = choices[0]
        self.info(feedback, text + " " + tr("The output is in that CRS."))
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

    def _read_parameters(self, parameters, context, feedback) -> GiStarParameters:
        """The parameters, checked; the seed is drawn (and logged) when permutations need one."""
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
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or ""
        if weight_field and source.fields().lookupField(weight_field) < 0:
            names = ", ".join(source.fields().names())
            raise QgsProcessingException(tr("The layer has no field '{field}'. Its fields are: {fields}.")
                                         .format(field=weight_field, fields=names))
        significance = self.parameterAsEnum(parameters, self.SIGNIFICANCE, context)
        p = GiStarParameters(
            source=source, layer_name=layer_name, mode=mode, areas=areas, study=study,
            expression=(self.parameterAsString(parameters, self.FILTER, context) or "").strip(),
            area_expression=(self.parameterAsString(parameters, self.FILTER_AREAS, context) or "").strip(),
            weight_field=weight_field,
            cell_given=self._positive(optional_number(parameters, self.CELL_SIZE), "cell"),
            band_given=self._positive(optional_number(parameters, self.DISTANCE_BAND), "band"),
            permutations=0 if significance == NORMAL else self.parameterAsInt(parameters, self.PERMUTATIONS,
                                                                              context),
            significance=significance, fdr=self.parameterAsBoolean(parameters, self.FDR, context), seed=None,
            whole_input=whole_layer(parameters.get(self.INPUT),
                                    self.parameterAsVectorLayer(parameters, self.INPUT, context)))
        p.seed = self._seed(optional_number(parameters, self.SEED), p.permutations, feedback)
        if source.featureCount() == 0:
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=layer_name))
        p.sources = [(source, layer_name)]
        if areas is not None:
            p.sources.append((areas, source_name(self, parameters, self.AREAS, context)))
        if study is not None:
            p.sources.append((study, source_name(self, parameters, self.STUDY_AREA, context)))
        return p

    def _seed(self, seed_value: Optional[float], permutations: int, feedback) -> Optional[int]:
        if permutations <= 0:
            return None
        if seed_value is None:
            seed = secrets.randbelow(2**31)
            self.info(feedback, tr("No seed given: the permutations use seed {seed}. Give SEED = {seed} "
                                   "to repeat this run exactly.").format(seed=seed))
            return seed
        self.info(feedback, tr("Random seed: {seed}.").format(seed=int(seed_value)))
        return int(seed_value)

    # ------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        p = self._read_parameters(parameters, context, feedback)
        crs = self._working_crs(p.sources, context, feedback)
        points = self._read_incidents(p, crs, context, feedback)
        study_geom = None
        if p.study is not None:
            _, shapes, _, _ = read_polygons(p.study, "", context, feedback, self._transform(p.study, crs, context))
            if not shapes:
                raise QgsProcessingException(tr("The study area layer has no polygons."))
            study_geom = unary_union(shapes)
        if p.mode == POLYGONS:
            run = self._polygons(context, feedback, p, crs, points, study_geom)
        else:
            run = self._grid_run(context, feedback, p, crs, points, study_geom)
        feedback.setProgress(25)
        result = gs.gistar(run.values, run.where, run.band, mask=run.mask, permutations=p.permutations,
                           seed=p.seed, fdr=p.fdr, p_source="normal" if p.significance == NORMAL else "permutation",
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
                "BAND_USED": run.band, "SEED_USED": p.seed, "N_CELLS": s["n"]}

    def _read_incidents(self, p: GiStarParameters, crs, context, feedback) -> Points:
        points = read_points(p.source, p.expression, context, feedback, p.weight_field,
                             self._transform(p.source, crs, context), (0.0, 20.0), p.whole_input)
        if points.read == 0:
            if p.expression:
                raise QgsProcessingException(tr("No incidents pass the filter {expression}. Check the filter "
                                                "(for example category = '1.1.1').").format(
                                                    expression=p.expression))
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(layer=p.layer_name))
        if points.no_location:
            feedback.pushWarning(tr("{n} incidents have no location and are left out.").format(
                n=points.no_location))
        if points.x.size == 0:
            raise QgsProcessingException(tr("None of the {n} incidents has a location.").format(
                n=points.read))
        self.info(feedback, tr("{n} incidents read.").format(n=points.x.size))
        return points

    def _grid_run(self, context, feedback, p: GiStarParameters, crs, points: Points, study_geom) -> "_Run":
        """A square or hexagonal grid over the study area: STUDY_AREA, else the areas, else the hull."""
        area_geom = None
        if study_geom is None and p.areas is not None:
            _, shapes, _, _ = read_polygons(p.areas, p.area_expression, context, feedback,
                                            self._transform(p.areas, crs, context))
            if not shapes:
                raise QgsProcessingException(tr("No areas pass the filter {expression}.").format(
                    expression=p.area_expression or "-"))
            area_geom = unary_union(shapes)
            self.info(feedback, tr("Study area: the {n} areas of the area layer.").format(n=len(shapes)))
        return self._grid(p.mode, feedback, points, study_geom if study_geom is not None else area_geom,
                          study_geom is not None or area_geom is not None, p.cell_given, p.band_given)

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
                        band=format_number(band, 2, strip_zeros=True), what=what,
                        cell=format_number(cell, 2, strip_zeros=True)))
        extent = study_geom.bounds if study_geom is not None else None
        builder = gs.hex_grid if kind == "hex" else gs.square_grid
        counts = builder(points.x, points.y, None, cell, extent=extent)
        values = counts.values
        if points.w is not None:
            values = builder(points.x, points.y, points.w, cell, extent=extent).values
        if study_geom is not None:
            mask = counts.mask_within(study_geom)
        else:
            grow = cell_reach(kind, cell)
            mask = counts.mask_within(hull.buffer(grow * (1 + 1e-9), 16)) | (counts.values > 0)
        n_in = int(counts.values[mask].sum())
        outside = points.x.size - n_in
        what = tr("hexagons") if kind == "hex" else tr("squares")
        self.info(feedback, tr("Grid of {n} {what} of {cell} m; {n_in} of them take part (centre inside the "
                               "study area), holding {count} incidents.").format(
                                   n=counts.n, what=what, cell=format_number(cell, 2, strip_zeros=True),
                                   n_in=int(mask.sum()), count=n_in))
        if outside:
            feedback.pushWarning(tr("{n} incidents lie outside the study area and are not analysed.").format(
                n=outside))
        return _Run(kind=kind, where=counts, values=values, counts=counts.values, mask=mask, cell=cell,
                    band=band)

    def _polygons(self, context, feedback, p: GiStarParameters, crs, points: Points, study_geom) -> "_Run":
        areas, area_expression, band_given = p.areas, p.area_expression, p.band_given
        qgeoms, shapes, attrs, skipped = read_polygons(areas, area_expression, context, feedback,
                                                       self._transform(areas, crs, context), attributes=True)
        if skipped:
            feedback.pushWarning(tr("{n} areas without a usable polygon are left out.").format(n=skipped))
        if len(shapes) < 3:
            raise QgsProcessingException(tr(
                "Gi* needs at least 3 areas; {n} pass the filter {expression}.").format(
                    n=len(shapes), expression=area_expression or "-"))
        if p.cell_given is not None:
            self.info(feedback, tr("The cell size is not used in polygon mode."))
        owner = assign_to_polygons(points.x, points.y, shapes, self.monitor(feedback))
        n = len(shapes)
        inside = owner >= 0
        counts = np.bincount(owner[inside], minlength=n).astype(float)
        values = counts if points.w is None else np.bincount(owner[inside], weights=points.w[inside],
                                                              minlength=n)
        cx = np.array([s.centroid.x for s in shapes])
        cy = np.array([s.centroid.y for s in shapes])
        mask = None
        if study_geom is not None:
            mask = contains_xy(study_geom, cx, cy)
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
                                   n=s["n"], unit=unit, mean=format_number(s["mean"], 3, strip_zeros=True),
                                   band=format_number(run.band, 2, strip_zeros=True),
                                   nmin=s["neighbours_min"], nmax=s["neighbours_max"],
                                   nmean=format_number(s["neighbours_mean"], 1, strip_zeros=True)))
        if s["neighbours_max"] >= s["n"]:
            feedback.pushWarning(tr("The distance band takes in every cell, so every z-score is 0. Choose a "
                                    "smaller distance band."))
        elif s["n_isolated"]:
            feedback.pushWarning(tr("{n} {unit} have no neighbour within {band} m; their z-score only "
                                    "compares their own value with the mean.").format(
                                        n=s["n_isolated"], unit=unit,
                                        band=format_number(run.band, 2, strip_zeros=True)))
        if s["p_source"] == "permutation":
            self.info(feedback, tr("p-values from {perm} conditional permutations (two-sided; the smallest "
                                   "possible is {min_p}){fdr}.").format(
                                       perm=s["permutations"], min_p=format_number(s["min_p"], 5, strip_zeros=True),
                                       fdr=tr(", with false discovery rate correction") if s["fdr"] else ""))
            if not s["p_exact"]:
                self.info(feedback, tr("The values are not whole multiples of a small step with few distinct "
                                       "values, so for the permutation nulls they are rounded to an even grid "
                                       "of levels (equal steps between the lowest and the highest value): a "
                                       "window sum's null moves by at most half a step per neighbour, so the "
                                       "p-values are a close approximation."))
            at_min = int(np.sum(np.isclose(result.p[result.mask], s["min_p"])))
            if at_min:
                fdr_note = tr(", too large for the false discovery rate correction over {n} cells").format(
                    n=s["n"]) if s["fdr"] else ""
                values = {"perm": s["permutations"], "min_p": format_number(s["min_p"], 5, strip_zeros=True),
                          "k": at_min, "more": 10 * s["permutations"] + 9, "fdr": fdr_note}
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
        ours = [("count", INT), ("value", DOUBLE), ("n_neighbours", INT),
                ("gi_z", DOUBLE), ("p_value", DOUBLE), ("gi_class", INT),
                ("gi_label", STRING)]
        names = {name for name, _ in ours}
        if run.kind == "polygons":
            for f in run.area_fields:
                copy = QgsField(f)
                if copy.name().lower() in names | {"fid"}:
                    copy.setName("area_" + copy.name())
                fields.append(copy)
        else:
            fields.append(QgsField("cell_id", LONG))
        for name, kind in ours:
            fields.append(QgsField(name, kind))
        return fields

    def _write(self, parameters, context, feedback, run: "_Run", result: gs.GiStarResult, crs) -> str:
        fields = self.output_fields(run)
        wkb_type = WkbType.MultiPolygon if run.kind == "polygons" else WkbType.Polygon
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
                geoms = [from_wkb(b) for b in ring_wkb(*cell_corners(run.where, chunk))]
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


ALGORITHM = GiStarAlgorithm
