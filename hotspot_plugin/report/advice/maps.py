"""Map frames of the advice report: layers, extent, legend, scale bar and north arrow of a map slot."""

from __future__ import annotations

import math
from typing import Any, Dict, Sequence, Tuple

from qgis.core import (
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import Qt
from shapely.geometry.base import BaseGeometry

from ...compat import DistanceUnit, LegendComponent, legend_font
from ...i18n import tr
from .items import SCALEBAR_FIXED, item_rect, wrap_text


class MapFrames:
    """Mixin of :class:`~.document.Document`: the map slots (needs ``crs`` and ``dutch``)."""

    def setup_map(
        self,
        items: Dict[str, Any],
        layers: Sequence[Any],
        legend_layers: Sequence[Any],
        extent: Tuple[float, float, float, float],
        ident: str = "map",
    ) -> None:
        """Show *layers* (top first) in map slot *ident*, zoomed to *extent*; link its legend,
        scale bar and north arrow."""
        map_item = items.get(ident)
        if not isinstance(map_item, QgsLayoutItemMap):
            return
        layers = [layer for layer in layers if layer is not None]
        map_item.setCrs(self.crs)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
        map_item.setKeepLayerStyles(False)
        rect = item_rect(map_item)
        xmin, ymin, xmax, ymax = extent
        cx, cy = (xmin + xmax) / 2.0, (ymin + ymax) / 2.0
        w, h = xmax - xmin, ymax - ymin
        ratio = rect.w / max(rect.h, 1e-9)
        if w / max(h, 1e-9) < ratio:
            w = h * ratio
        else:
            h = w / ratio
        map_item.setExtent(QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
        legend = items.get("legend")
        if ident == "map" and isinstance(legend, QgsLayoutItemLegend):
            legend.setLinkedMap(map_item)
            legend.setAutoUpdateModel(False)
            # the legend's own layer tree (it owns it, so it lives as long as the layout)
            root = legend.model().rootGroup()
            root.removeAllChildren()
            for layer in legend_layers:
                if layer is not None:
                    root.addLayer(layer)
            legend.setTitle(tr("Legend"))
            self._wrap_legend(legend, root)
            legend.adjustBoxSize()
            legend.refresh()
        scalebar = items.get("scalebar")
        if ident == "map" and isinstance(scalebar, QgsLayoutItemScaleBar):
            self._scalebar(scalebar, map_item)
        north = items.get("north_arrow")
        if ident == "map" and isinstance(north, QgsLayoutItemPicture):
            north.setLinkedMap(map_item)

    def _wrap_legend(self, legend: QgsLayoutItemLegend, root: Any) -> None:
        """Break long legend texts into lines that fit the legend's width (its wrap string is a
        line break in the templates); leave out the band name of the density raster."""
        from qgis.core import QgsMapLayerLegendUtils

        if legend.wrapString() != "\n":
            return
        font = legend_font(legend, LegendComponent.SymbolLabel)
        title_font = legend_font(legend, LegendComponent.Subgroup)
        width = item_rect(legend).w - 2 * legend.boxSpace()
        label_width = width - legend.symbolWidth() - 3.0
        model = legend.model()
        for node in root.findLayers():
            nodes = model.layerLegendNodes(node, False)
            if isinstance(node.layer(), QgsRasterLayer) and len(nodes) > 1:
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
            node.setCustomProperty("legend/title-label", wrap_text(node.name(), title_font, width))
            for index, legend_node in enumerate(nodes):
                text = legend_node.data(Qt.ItemDataRole.DisplayRole)
                if text:
                    QgsMapLayerLegendUtils.setLegendNodeUserLabel(
                        node, index, wrap_text(str(text), font, label_width)
                    )
            model.refreshLayerLegend(node)

    def _scalebar(self, scalebar: QgsLayoutItemScaleBar, map_item: QgsLayoutItemMap) -> None:
        scalebar.setLinkedMap(map_item)
        map_width = map_item.extent().width()
        # a bar of about a third of the map's width (at most 60 mm): the item sizes itself to it
        target = map_width * min(0.35, 60.0 / max(1.0, item_rect(map_item).w))
        exponent = math.floor(math.log10(max(target, 1e-9)))
        nice = max(s * 10**exponent for s in (1, 2, 2.5, 5) if s * 10**exponent <= target)
        segments = max(1, scalebar.numberOfSegments())
        if nice >= 1000:
            scalebar.setUnits(DistanceUnit.Kilometers)
            scalebar.setUnitLabel("km")
            scalebar.setMapUnitsPerScaleBarUnit(1000.0)
            scalebar.setUnitsPerSegment(nice / 1000.0 / segments)
            if hasattr(scalebar, "numericFormat"):
                from qgis.core import QgsBasicNumericFormat

                number_format = QgsBasicNumericFormat()
                number_format.setNumberDecimalPlaces(2)
                number_format.setShowTrailingZeros(False)
                if self.dutch and hasattr(number_format, "setDecimalSeparator"):
                    number_format.setDecimalSeparator(",")
                scalebar.setNumericFormat(number_format)
        else:
            scalebar.setUnits(DistanceUnit.Meters)
            scalebar.setUnitLabel("m")
            scalebar.setMapUnitsPerScaleBarUnit(1.0)
            scalebar.setUnitsPerSegment(nice / segments)
        scalebar.setSegmentSizeMode(SCALEBAR_FIXED)
        scalebar.refresh()

    def extent(
        self, geometry: BaseGeometry, margin: float = 0.08, minimum: float = 300.0
    ) -> Tuple[float, float, float, float]:
        xmin, ymin, xmax, ymax = geometry.bounds
        cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        half = max(xmax - xmin, ymax - ymin, minimum) * (0.5 + margin)
        return cx - half, cy - half, cx + half, cy + half
