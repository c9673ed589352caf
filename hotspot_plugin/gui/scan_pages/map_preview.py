"""The map preview of the wizard's analysis page: heatmap, hotspot zones, area and ring and the
incidents of the period, rendered in the background.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import List, Optional

from qgis.core import (
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPixmap
from qgis.PyQt.QtWidgets import (
    QLabel,
    QSizePolicy,
)

from ...compat import RasterBandStatistic, ShaderInterpolationMethod, band_statistics
from ...core import schema
from ...core.scan_record import ZoneInfo
from ...storage import gpkg
from ..map_tools import AREA_COLOUR
from .common import (
    ZONE_COLOUR,
)


class MapPreview(QLabel):
    """A rendered map of the scan: heatmap, hotspot zones, area and ring, incidents of the period."""

    rendered = pyqtSignal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: white; border: 1px solid #cccccc;")
        self.job: Optional[QgsMapRendererParallelJob] = None
        self.layers: list = []
        self.layer_names: List[str] = []

    @staticmethod
    def _memory(
        name: str, crs: QgsCoordinateReferenceSystem, geometries: List[QgsGeometry]
    ) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid() or 'EPSG:28992'}", name, "memory")
        if not crs.authid():
            layer.setCrs(crs)
        features = []
        for g in geometries:
            f = QgsFeature()
            f.setGeometry(g)
            features.append(f)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        return layer

    def render(
        self,
        path: str,
        crs: QgsCoordinateReferenceSystem,
        area: QgsGeometry,
        ring_width: float,
        zones: List[ZoneInfo],
        heatmap: str,
        period: Optional[List[str]],
        size: QSize,
    ) -> None:
        """Start rendering (asynchronous); ``rendered`` is emitted when the image is shown."""
        self.cancel()
        outer = area.buffer(ring_width, 16) if ring_width > 0 else QgsGeometry(area)
        ring = outer.difference(area) if ring_width > 0 else None
        layers = []
        names = []
        area_layer = self._memory("area", crs, [area])
        area_layer.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {"color": "0,0,0,0", "outline_color": AREA_COLOUR, "outline_width": "0.9"}
                )
            )
        )
        layers.append(area_layer)
        names.append("area")
        if ring is not None and not ring.isEmpty():
            ring_layer = self._memory("ring", crs, [outer])
            ring_layer.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {
                            "color": "0,0,0,0",
                            "outline_color": AREA_COLOUR,
                            "outline_width": "0.5",
                            "outline_style": "dash",
                        }
                    )
                )
            )
            layers.append(ring_layer)
            names.append("ring")
        zone_geoms = [QgsGeometry.fromWkt(z.wkt) for z in zones or [] if z.wkt]
        zone_geoms = [g for g in zone_geoms if g is not None and not g.isNull()]
        if zone_geoms:
            zone_layer = self._memory("zones", crs, zone_geoms)
            zone_layer.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {"color": "178,24,43,40", "outline_color": ZONE_COLOUR, "outline_width": "0.6"}
                    )
                )
            )
            layers.append(zone_layer)
            names.append("zones")
        incidents = QgsVectorLayer(gpkg.layer_uri(path, schema.INCIDENTS), "incidents", "ogr")
        if incidents.isValid():
            if period:
                incidents.setSubsetString(
                    f"\"occurred_at\" >= '{str(period[0])[:10]}' AND "
                    f"\"occurred_at\" < '{str(period[1])[:10]}'"
                )
            incidents.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsMarkerSymbol.createSimple(
                        {"name": "circle", "size": "1.0", "color": "40,40,40,200", "outline_style": "no"}
                    )
                )
            )
            layers.append(incidents)
            names.append("incidents")
        if heatmap and Path(heatmap).exists():
            raster = QgsRasterLayer(heatmap, "heatmap")
            if raster.isValid():
                self._style_heatmap(raster)
                layers.append(raster)
                names.append("heatmap")
        streets = QgsVectorLayer(gpkg.layer_uri(path, schema.STREETS), "streets", "ogr")
        if streets.isValid() and streets.featureCount():
            streets.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsLineSymbol.createSimple({"color": "175,175,175,255", "width": "0.25"})
                )
            )
            layers.append(streets)
            names.append("streets")
        buurten = QgsVectorLayer(gpkg.layer_uri(path, schema.AREAS), "buurten", "ogr")
        if buurten.isValid():
            buurten.setSubsetString("\"level\" = 'buurt'")
            buurten.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {
                            "color": "245,245,240,255",
                            "outline_color": "150,150,150,255",
                            "outline_width": "0.3",
                        }
                    )
                )
            )
            layers.append(buurten)
            names.append("buurten")
        settings = QgsMapSettings()
        settings.setDestinationCrs(crs)
        settings.setLayers(layers)
        settings.setBackgroundColor(QColor("white"))
        settings.setOutputSize(size)
        settings.setOutputDpi(96)
        extent = outer.boundingBox()
        extent.grow(max(extent.width(), extent.height()) * 0.08 + 1)
        settings.setExtent(extent)
        self.layers = layers
        self.layer_names = names
        self.job = QgsMapRendererParallelJob(settings)
        self.job.finished.connect(self._finished)
        self.job.start()

    @staticmethod
    def _style_heatmap(raster: QgsRasterLayer) -> None:
        stats = band_statistics(raster.dataProvider(), 1, RasterBandStatistic.Max)
        top = stats.maximumValue if stats.maximumValue and math.isfinite(stats.maximumValue) else 1.0
        ramp = QgsColorRampShader(0.0, top)
        ramp.setColorRampType(ShaderInterpolationMethod.Linear)
        ramp.setColorRampItemList(
            [
                QgsColorRampShader.ColorRampItem(0.0, QColor(255, 255, 178, 0), ""),
                QgsColorRampShader.ColorRampItem(top * 0.05, QColor(255, 255, 178, 0), ""),
                QgsColorRampShader.ColorRampItem(top * 0.25, QColor(254, 204, 92, 150), ""),
                QgsColorRampShader.ColorRampItem(top * 0.6, QColor(253, 141, 60, 190), ""),
                QgsColorRampShader.ColorRampItem(top, QColor(227, 26, 28, 220), ""),
            ]
        )
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(raster.dataProvider(), 1, shader)
        raster.setRenderer(renderer)

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        self.setPixmap(QPixmap.fromImage(job.renderedImage()))
        self.layers = []  # the image is made: let go of the layers (and their GeoPackage connections)
        self.rendered.emit()

    def is_rendering(self) -> bool:
        return self.job is not None

    def cancel(self) -> None:
        if self.job is not None:
            job, self.job = self.job, None
            job.finished.disconnect(self._finished)
            job.cancelWithoutBlocking()
        self.layers = []
