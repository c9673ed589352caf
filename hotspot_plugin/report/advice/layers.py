"""Map layers of the advice report: the scan area, the ring, the GeoPackage's streets and buurten,
risk objects, hotspot zones and schouw findings, styled for print.

The layers live in the report's own project, or (when the layout is opened in the designer) in a
hidden group of the user's project; the density raster is in :mod:`.heatmap`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor
from shapely.geometry.base import BaseGeometry

from ...core import schema
from ...core.i18n import N_
from ...core.progress import Monitor
from ...core.schema import RISK_OBJECT_KINDS
from ...i18n import tr
from ...storage import gpkg
from ...storage.styles import RISK_OBJECT_STYLE, SEVERITY_COLOURS, simple_labels
from .heatmap import DensityLayers

SEVERITY_NAMES = {"rood": N_("red"), "oranje": N_("orange"), "groen": N_("green")}


def _line_symbol(colour: str, width: float):
    from qgis.core import QgsLineSymbol

    return QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width)})


class MapLayers(DensityLayers):
    """The report's map layers, each made once and kept alive until :meth:`close`.

    *report* is the :class:`~.report.AdviceReport` (its scan, GeoPackage, CRS, area and ring)."""

    def __init__(self, report: Any) -> None:
        self.gpkg: str = report.gpkg
        self.record = report.record
        self.result = report.result
        self.fmt = report.fmt
        self.colour: QColor = report.colour
        self.crs = report.crs
        self.project = report.project
        self.add_layers_to_project: bool = report.add_layers_to_project
        self.work_dir: Path = report.work_dir
        self.monitor: Monitor = report.monitor
        self.area: BaseGeometry = report.area
        self.ring: Optional[BaseGeometry] = report.ring
        self.ring_width: float = report.ring_width
        self.outer: BaseGeometry = report.outer
        self._keep: List[Any] = []

    def close(self) -> None:
        """Let go of the layers (the layout that shows them must be gone already)."""
        self._keep.clear()
        self.project = None

    def _register(self, layer):
        """Add a layer to the report's project (in a hidden group of the user's project when the
        layout is opened in the designer); None when it is not valid."""
        if not layer.isValid():
            return None
        if self.add_layers_to_project:
            self.project.addMapLayer(layer, False)
            root = self.project.layerTreeRoot()
            name = tr("Advice {reference}").format(reference=self.record.reference)
            group = root.findGroup(name) or root.insertGroup(0, name)
            group.setItemVisibilityChecked(False)
            group.addLayer(layer)
        else:
            self.project.addMapLayer(layer, False)
        self._keep.append(layer)
        return layer

    def _memory(self, kind: str, name: str, fields: str = "") -> QgsVectorLayer:
        layer = QgsVectorLayer(f"{kind}?{fields}", name, "memory")
        layer.setCrs(self.crs)
        return layer

    def _polygon_layer(
        self,
        name: str,
        geometry: Optional[BaseGeometry],
        fill: str,
        outline: str,
        width: float,
        style: str = "solid",
    ) -> Optional[QgsVectorLayer]:
        if geometry is None or geometry.is_empty:
            return None
        layer = self._memory("MultiPolygon", name)
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        layer.dataProvider().addFeatures([feature])
        layer.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {
                        "color": fill,
                        "outline_color": outline,
                        "outline_width": str(width),
                        "outline_style": style,
                    }
                )
            )
        )
        return self._register(layer)

    def area_layer(self):
        if not hasattr(self, "_area_layer"):
            c = self.colour
            self._area_layer = self._polygon_layer(
                tr("Scan area"), self.area, f"{c.red()},{c.green()},{c.blue()},28", c.name(), 0.8
            )
        return self._area_layer

    def ring_layer(self):
        if not hasattr(self, "_ring_layer"):
            self._ring_layer = self._polygon_layer(
                tr("Ring of {width} m").format(width=self.fmt.num(self.ring_width, 0)),
                self.ring,
                "128,128,128,22",
                "#7f7f7f",
                0.45,
                "dash",
            )
        return self._ring_layer

    def _gpkg_layer(self, name: str, title: str, subset: str = ""):
        layer = QgsVectorLayer(gpkg.layer_uri(self.gpkg, name), title, "ogr")
        if not layer.isValid():
            return None
        if subset:
            layer.setSubsetString(subset)
        return layer

    def streets_layer(self):
        if not hasattr(self, "_streets_layer"):
            layer = self._gpkg_layer(schema.STREETS, tr("Streets"))
            if layer is not None and layer.featureCount() > 0:
                layer.setRenderer(QgsSingleSymbolRenderer(_line_symbol("#c8c8c8", 0.3)))
                self._streets_layer = self._register(layer)
            else:
                self._streets_layer = None
        return self._streets_layer

    def buurten_layer(self):
        if not hasattr(self, "_buurten_layer"):
            layer = self._gpkg_layer(
                schema.AREAS, tr("Neighbourhood (buurt) boundary"), "\"level\" = 'buurt'"
            )
            if layer is not None:
                layer.setRenderer(
                    QgsSingleSymbolRenderer(
                        QgsFillSymbol.createSimple(
                            {
                                "color": "255,255,255,0",
                                "outline_color": "#595959",
                                "outline_width": "0.3",
                                "outline_style": "dot",
                            }
                        )
                    )
                )
                layer.setLabeling(simple_labels("name", 7.0, "#595959", buffer_size=0.7, font="Arial"))
                layer.setLabelsEnabled(True)
                self._buurten_layer = self._register(layer)
            else:
                self._buurten_layer = None
        return self._buurten_layer

    def risk_layer(self):
        if not hasattr(self, "_risk_layer"):
            items = []
            for zone in ("area", "ring"):
                items += self.result.where.get("risk_objects", {}).get(zone, {}).get("items", [])
            if not items:
                self._risk_layer = None
                return None
            layer = self._memory("Point", tr("Risk objects"), "field=kind:string&field=name:string")
            features = []
            for it in items:
                f = QgsFeature(layer.fields())
                f.setGeometry(QgsGeometry.fromWkt(f"POINT ({it['x']} {it['y']})"))
                f.setAttributes([it.get("kind") or "", it.get("name") or ""])
                features.append(f)
            layer.dataProvider().addFeatures(features)
            kinds = sorted(
                {it.get("kind") or "" for it in items},
                key=lambda k: (list(RISK_OBJECT_STYLE).index(k) if k in RISK_OBJECT_STYLE else 99, k),
            )
            categories = []
            from qgis.core import QgsRendererCategory

            for kind in kinds:
                colour, shape = RISK_OBJECT_STYLE.get(kind, ("#636363", "circle"))
                symbol = QgsMarkerSymbol.createSimple(
                    {
                        "name": shape,
                        "color": colour,
                        "size": "2.6" if shape == "cross_fill" else "2.4",
                        "outline_color": colour if shape == "cross_fill" else "white",
                        "outline_width": "0.25",
                    }
                )
                label = tr(RISK_OBJECT_KINDS[kind]) if kind in RISK_OBJECT_KINDS else kind
                categories.append(QgsRendererCategory(kind, symbol, label))
            layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
            self._risk_layer = self._register(layer)
        return self._risk_layer

    def zones_layer(self):
        if not hasattr(self, "_zones_layer"):
            zones = self.record.parameters.zones or []
            layer = None
            if zones:
                layer = self._memory("MultiPolygon", tr("Hotspot zone"), "field=rank:integer")
                features = []
                for z in zones:
                    geometry = QgsGeometry.fromWkt(z.wkt or "")
                    if geometry is None or geometry.isNull():
                        continue
                    f = QgsFeature(layer.fields())
                    f.setGeometry(geometry)
                    f.setAttributes([int(z.rank or 0)])
                    features.append(f)
                layer.dataProvider().addFeatures(features)
                layer.setRenderer(
                    QgsSingleSymbolRenderer(
                        QgsFillSymbol.createSimple(
                            {"color": "255,255,255,0", "outline_color": "#67000d", "outline_width": "0.6"}
                        )
                    )
                )
                layer = self._register(layer) if features else None
            self._zones_layer = layer
        return self._zones_layer

    def schouw_layer(self):
        items = self.result.schouw.get("items", [])
        if not items:
            return None
        layer = self._memory("Point", tr("Inspection findings"), "field=nr:integer&field=severity:string")
        features = []
        for k, it in enumerate(items, start=1):
            f = QgsFeature(layer.fields())
            f.setGeometry(QgsGeometry.fromWkt(f"POINT ({it['x']} {it['y']})"))
            f.setAttributes([k, it.get("severity") or ""])
            features.append(f)
        layer.dataProvider().addFeatures(features)
        from qgis.core import QgsRendererCategory

        categories = []
        for severity in ("rood", "oranje", "groen"):
            symbol = QgsMarkerSymbol.createSimple(
                {
                    "name": "circle",
                    "color": SEVERITY_COLOURS[severity],
                    "size": "3.4",
                    "outline_color": "#333333",
                    "outline_width": "0.3",
                }
            )
            categories.append(QgsRendererCategory(severity, symbol, tr(SEVERITY_NAMES[severity])))
        layer.setRenderer(QgsCategorizedSymbolRenderer("severity", categories))
        layer.setLabeling(simple_labels("nr", 7.0, "#1a1a1a", buffer_size=0.7, font="Arial"))
        layer.setLabelsEnabled(True)
        return self._register(layer)
