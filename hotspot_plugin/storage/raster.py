"""Density rasters: streamed GeoTIFF writing (rasterio) and the heatmap style (QGIS).

:class:`DensityRasterWriter` writes a Float32 GeoTIFF band by band (tiled, DEFLATE with the
floating-point predictor, nodata -9999) into a temporary file in the destination's folder and
renames it at :meth:`~DensityRasterWriter.commit`; :meth:`~DensityRasterWriter.abort` (or an
exception inside its ``with`` block) removes it, so a cancelled or failed run leaves no half
file. Memory stays at one buffer of block-aligned rows, whatever the raster's height, plus GDAL's
block cache, which holds written tiles until it is full (GDAL_CACHEMAX, by default 5% of the RAM).

:func:`density_renderer` builds the heatmap's pseudocolour renderer (transparent at 0, then
yellow - orange - red up to the maximum); :func:`write_density_qml` stores it as a .qml
sidecar next to the GeoTIFF, which QGIS loads when the file is opened later.
"""
from __future__ import annotations

import math
import os
import uuid
from pathlib import Path
from typing import List, Optional, Tuple

import numpy as np

from ..compat import ShaderClassificationMethod, ShaderInterpolationMethod
from ..core.kde import Grid

#: Nodata value of density rasters (as QGIS's heatmap writes).
NODATA = -9999.0
#: Tile size of the GeoTIFF.
BLOCK = 256
#: Cells buffered before a write (block-aligned rows; at least one row of tiles).
BUFFER_CELLS = 4_000_000

#: The colour ramp: (fraction of the maximum, (r, g, b, alpha)). Zero is fully transparent.
RAMP: Tuple[Tuple[float, Tuple[int, int, int, int]], ...] = (
    (0.0, (255, 255, 178, 0)),
    (0.02, (255, 255, 178, 110)),
    (0.15, (254, 217, 118, 170)),
    (0.35, (254, 178, 76, 200)),
    (0.55, (253, 141, 60, 215)),
    (0.75, (240, 59, 32, 230)),
    (1.0, (189, 0, 38, 240)),
)


class DensityRasterWriter:
    """Writes one Float32 band of ``grid`` as a tiled, compressed GeoTIFF at ``path``.

    Use as a context manager; call :meth:`write` with consecutive bands of rows (top to bottom)
    and :meth:`commit` at the end. ``crs_wkt`` may be empty (no CRS written).
    Statistics of the valid cells are kept: ``maximum``, ``minimum``, ``valid_cells``.
    """

    def __init__(self, path: str, grid: Grid, crs_wkt: str = "", zlevel: int = 6) -> None:
        import rasterio
        from rasterio.crs import CRS
        from rasterio.transform import Affine

        self.path = Path(path)
        self.grid = grid
        self.maximum = -math.inf
        self.minimum = math.inf
        self.valid_cells = 0
        self._sum = 0.0
        self._sum2 = 0.0
        self._next_row = 0
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        self.tmp_path = folder / f".{self.path.stem}.{uuid.uuid4().hex[:12]}.tif.part"
        rows = BLOCK * max(1, BUFFER_CELLS // (BLOCK * grid.cols))
        self._buffer = np.empty((min(rows, grid.rows), grid.cols), dtype=np.float32)
        self._buffer_row0 = 0
        self._buffer_fill = 0
        profile = dict(driver="GTiff", width=grid.cols, height=grid.rows, count=1, dtype="float32",
                       nodata=NODATA, transform=Affine(*grid.transform), tiled=True, blockxsize=BLOCK,
                       blockysize=BLOCK, compress="deflate", predictor=3, zlevel=zlevel, bigtiff="IF_SAFER",
                       num_threads="ALL_CPUS")
        if crs_wkt:
            profile["crs"] = CRS.from_wkt(crs_wkt)
        try:
            self._ds = rasterio.open(str(self.tmp_path), "w", **profile)
        except Exception:
            self._remove(self.tmp_path)
            raise
        self._closed = False
        self._committed = False

    # writing -------------------------------------------------------------------------------
    def write(self, row0: int, values: np.ndarray, valid: np.ndarray) -> None:
        """Rows ``row0 .. row0 + len(values) - 1``: ``values`` where ``valid``, nodata elsewhere."""
        if row0 != self._next_row:
            raise ValueError("bands must be written top to bottom without gaps")
        n = values.shape[0]
        if n and valid.any():
            v = values[valid]
            self.maximum = max(self.maximum, float(v.max()))
            self.minimum = min(self.minimum, float(v.min()))
            self.valid_cells += int(v.size)
            self._sum += float(v.sum())
            self._sum2 += float(np.dot(v, v))
        done = 0
        while done < n:
            take = min(n - done, self._buffer.shape[0] - self._buffer_fill)
            out = self._buffer[self._buffer_fill:self._buffer_fill + take]
            np.copyto(out, values[done:done + take], casting="unsafe")
            out[~valid[done:done + take]] = NODATA
            self._buffer_fill += take
            done += take
            if self._buffer_fill == self._buffer.shape[0]:
                self._flush()
        self._next_row += n

    def _flush(self) -> None:
        from rasterio.windows import Window

        if self._buffer_fill:
            window = Window(0, self._buffer_row0, self.grid.cols, self._buffer_fill)
            self._ds.write(self._buffer[:self._buffer_fill], 1, window=window)
            self._buffer_row0 += self._buffer_fill
            self._buffer_fill = 0

    # finishing -----------------------------------------------------------------------------
    def commit(self) -> Path:
        """Flush, close and move the file to its destination (replacing an older one)."""
        if self._next_row != self.grid.rows:
            raise ValueError(f"only {self._next_row} of {self.grid.rows} rows were written")
        self._flush()
        if self.valid_cells:
            mean = self._sum / self.valid_cells
            std = math.sqrt(max(0.0, self._sum2 / self.valid_cells - mean * mean))
            self._ds.update_tags(1, STATISTICS_MINIMUM=repr(float(np.float32(self.minimum))),
                                 STATISTICS_MAXIMUM=repr(float(np.float32(self.maximum))),
                                 STATISTICS_MEAN=repr(mean), STATISTICS_STDDEV=repr(std),
                                 STATISTICS_VALID_PERCENT=repr(100.0 * self.valid_cells / self.grid.n_cells))
        self._ds.close()
        self._closed = True
        for stale in _sidecars(self.path):
            self._remove(stale)
        os.replace(self.tmp_path, self.path)
        self._committed = True
        return self.path

    def abort(self) -> None:
        """Close and delete the temporary file (the destination is not touched)."""
        if not self._closed:
            try:
                self._ds.close()
            except Exception:  # noqa: BLE001 - the file is removed anyway
                pass
            self._closed = True
        for path in [self.tmp_path] + _sidecars(self.tmp_path):
            self._remove(path)

    def __enter__(self) -> "DensityRasterWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self._committed:
            self.abort()

    @staticmethod
    def _remove(path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _sidecars(path: Path) -> List[Path]:
    """GDAL's auxiliary files of a raster (statistics, overviews)."""
    return [Path(str(path) + ".aux.xml"), Path(str(path) + ".ovr")]


# ----------------------------------------------------------------------------------- style

def density_renderer(provider, maximum: float, minimum: float = 0.0):
    """A QgsSingleBandPseudoColorRenderer for a density raster: 0 transparent, then yellow to red.

    ``maximum`` is the value that gets the darkest red; values below 0 (negative weights) are
    drawn transparent like 0.
    """
    from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer
    from qgis.PyQt.QtGui import QColor

    top = float(maximum) if maximum is not None and math.isfinite(maximum) and maximum > 0 else 1.0
    items = []
    for fraction, (r, g, b, a) in RAMP:
        value = top * fraction
        items.append(QgsColorRampShader.ColorRampItem(value, QColor(r, g, b, a), _label(value)))
    shader_function = QgsColorRampShader(0.0, top)
    shader_function.setColorRampType(ShaderInterpolationMethod.Linear)
    shader_function.setClassificationMode(ShaderClassificationMethod.Continuous)
    shader_function.setColorRampItemList(items)
    shader_function.setClip(False)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(provider, 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(top)
    return renderer


def _label(value: float) -> str:
    if value == 0:
        return "0"
    return f"{value:.3g}"


def apply_density_style(layer, maximum: float) -> None:
    """Give a density raster layer the heatmap renderer and repaint it."""
    layer.setRenderer(density_renderer(layer.dataProvider(), maximum))
    layer.triggerRepaint()


def write_density_qml(tif_path: str, maximum: float) -> Optional[Path]:
    """Write ``<name>.qml`` next to the GeoTIFF with the heatmap style; the path, or None on failure."""
    from qgis.core import QgsRasterLayer

    options = QgsRasterLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsRasterLayer(str(tif_path), Path(tif_path).stem, "gdal", options)
    if not layer.isValid():
        return None
    apply_density_style(layer, maximum)
    qml = Path(tif_path).with_suffix(".qml")
    _message, ok = layer.saveNamedStyle(str(qml))
    return qml if ok else None
