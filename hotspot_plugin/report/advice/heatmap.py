"""The density map of the advice report: the scan's saved raster, or one computed from the
incidents of the period when the scan saved none, styled from transparent to dark red."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsColorRampShader,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from ...compat import ShaderInterpolationMethod
from ...core import gpkg_blob, kde
from ...core.errors import InputError
from ...core.i18n import N_
from ...core.scan_record import HeatmapInfo
from ...i18n import tr
from ...storage.report_queries import incident_blobs

KERNEL_NAMES = {
    0: N_("quartic"),
    1: N_("triangular"),
    2: N_("uniform"),
    3: N_("triweight"),
    4: N_("Epanechnikov"),
}


def kernel_index(value: Any) -> int:
    """The kernel as QGIS's number (0 quartic ... 4 Epanechnikov) from a number or an English name."""
    names = {"quartic": 0, "triangular": 1, "uniform": 2, "triweight": 3, "epanechnikov": 4}
    text = str(value).strip().lower()
    if text.isdigit() and int(text) in KERNEL_NAMES:
        return int(text)
    return names.get(text, 0)


@dataclass
class ReportHeatmap:
    """How the report's density map was made: from the scan's raster (``source`` "scan") or computed
    now (``source`` "report"); ``note`` "too_few" when there were too few incidents for one."""

    radius: Optional[float] = None
    pixel: Optional[float] = None
    #: QGIS's kernel number (0 quartic ... 4 Epanechnikov)
    kernel: int = 0
    #: the scan's grid [x_min, y_max, cols, rows], if it saved one
    grid: Optional[List[float]] = None
    source: str = "scan"
    note: str = ""


class DensityLayers:
    """Mixin of :class:`~.layers.MapLayers`: the density raster layer."""

    def heatmap(self) -> Tuple[Optional[QgsRasterLayer], ReportHeatmap]:
        """The scan's density raster, or one computed now from the incidents of the period."""
        if hasattr(self, "_heatmap"):
            return self._heatmap
        saved = self.record.parameters.heatmap or HeatmapInfo()
        info = ReportHeatmap(saved.radius, saved.pixel, kernel_index(saved.kernel), saved.grid)
        layer = None
        path = saved.path
        if path:
            full = Path(path) if os.path.isabs(str(path)) else Path(self.gpkg).parent / str(path)
            if full.is_file():
                layer = QgsRasterLayer(str(full), tr("Incident density"), "gdal")
        if layer is None or not layer.isValid():
            layer = None
            info.source = "report"
            computed = self._compute_heatmap(info)
            if computed:
                layer = QgsRasterLayer(computed, tr("Incident density"), "gdal")
        if layer is not None and layer.isValid():
            self._style_heatmap(layer)
            layer = self._register(layer)
        else:
            layer = None
        self._heatmap = (layer, info)
        return self._heatmap

    def _compute_heatmap(self, info: ReportHeatmap) -> str:
        """Kernel density of the period's incidents around the area (written as GeoTIFF)."""
        x, y = self.incident_points()
        if x.size < 2:
            info.note = "too_few"
            return ""
        radius, pixel = info.radius, info.pixel
        if not radius or not pixel:
            try:
                radius, pixel, _template, _params = kde.suggest_parameters(x, y, cell_target=250_000)
            except InputError:
                info.note = "too_few"
                return ""
        radius, pixel = float(radius), float(pixel)
        kernel = info.kernel
        saved = info.grid
        grid = None
        if isinstance(saved, (list, tuple)) and len(saved) == 4:  # the scan's own grid: the same raster
            try:
                grid = kde.Grid(float(saved[0]), float(saved[1]), pixel, int(saved[2]), int(saved[3]))
            except (InputError, TypeError, ValueError):
                grid = None
        if grid is None or grid.n_cells > 4_000_000:
            xmin, ymin, xmax, ymax = self.outer.bounds
            pad = 0.15 * max(xmax - xmin, ymax - ymin)
            grid = kde.grid_for_extent(xmin - pad, ymin - pad, xmax + pad, ymax + pad, pixel, snap=True)
            if grid.n_cells > 4_000_000:
                pixel = pixel * math.ceil(math.sqrt(grid.n_cells / 4_000_000))
                grid = kde.grid_for_extent(xmin - pad, ymin - pad, xmax + pad, ymax + pad, pixel, snap=True)
        values, touched = kde.density(x, y, None, radius, grid, kernel=kernel, monitor=self.monitor.sub(0, 1))
        info.radius, info.pixel = radius, pixel
        out = np.where(touched, values, -9999.0).astype("float32")
        path = str(self.work_dir / "heatmap.tif")
        import rasterio
        from rasterio.transform import Affine

        transform = Affine(grid.pixel, 0.0, grid.x_min, 0.0, -grid.pixel, grid.y_max)
        with rasterio.open(
            path,
            "w",
            driver="GTiff",
            width=grid.cols,
            height=grid.rows,
            count=1,
            dtype="float32",
            nodata=-9999.0,
            transform=transform,
            crs=self.crs.toWkt() or None,
        ) as ds:
            ds.write(out, 1)
        return path

    def incident_points(self) -> Tuple[np.ndarray, np.ndarray]:
        """The period's incidents within reach of the area (selected fields and categories)."""
        xmin, ymin, xmax, ymax = self.outer.bounds
        pad = 0.15 * max(xmax - xmin, ymax - ymin) + 1000.0
        start, end = self.result.parameters.period
        blobs = incident_blobs(
            self.gpkg,
            (xmin - pad, ymin - pad, xmax + pad, ymax + pad),
            start,
            end,
            self.result.parameters.fields,
            self.result.parameters.categories,
        )
        x, y = gpkg_blob.decode_points(blobs)
        keep = np.isfinite(x) & np.isfinite(y)  # empty geometries are left out
        return x[keep], y[keep]

    @staticmethod
    def _style_heatmap(layer: QgsRasterLayer) -> None:
        import rasterio

        with rasterio.open(layer.source()) as ds:
            values = ds.read(1, masked=True)
        top = float(values.max()) if values.count() and float(values.max()) > 0 else 1.0
        stops = [
            (0.0, QColor(255, 255, 204, 0), tr("low")),
            (0.12 * top, QColor(255, 237, 160, 150), ""),
            (0.35 * top, QColor(254, 178, 76, 200), ""),
            (0.65 * top, QColor(240, 59, 32, 220), ""),
            (top, QColor(128, 0, 38, 235), tr("high")),
        ]
        ramp = QgsColorRampShader(0.0, top)
        ramp.setColorRampType(ShaderInterpolationMethod.Linear)
        ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, c, text) for v, c, text in stops])
        try:
            from qgis.core import QgsColorRampLegendNodeSettings

            legend = QgsColorRampLegendNodeSettings()
            legend.setUseContinuousLegend(True)
            legend.setMinimumLabel(tr("low"))
            legend.setMaximumLabel(tr("high"))
            ramp.setLegendSettings(legend)
        except ImportError:  # pragma: no cover - before QGIS 3.18
            pass
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
        renderer.setClassificationMin(0.0)
        renderer.setClassificationMax(top)
        layer.setRenderer(renderer)
