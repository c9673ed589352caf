"""Default styles of the safety layers, built with QGIS's renderer API and stored as QML.

They are written into the GeoPackage's layer_styles table at creation, so the layers look
right wherever the GeoPackage is opened; a GIS officer can change them there.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core import categories as cats
from ..core import schema
from ..i18n import tr

SAFETY_FIELD_COLOURS = {
    cats.WOON: "#d7301f",
    cats.BEDRIJF: "#6a51a3",
    cats.JEUGD: "#fd8d3c",
    cats.FYSIEK: "#2171b5",
    cats.INTEGRITEIT: "#238b45",
}
SEVERITY_COLOURS = {"groen": "#1a9641", "oranje": "#fdae61", "rood": "#d7191c"}
RISK_OBJECT_STYLE: Dict[str, Tuple[str, str]] = {
    "horeca": ("#8c2d04", "square"),
    "coffeeshop": ("#238b45", "diamond"),
    "school": ("#08519c", "triangle"),
    "hangplek": ("#e6550d", "star"),
    "ov_halte": ("#525252", "circle"),
    "pinautomaat": ("#756bb1", "square"),
    "camera": ("#000000", "cross_fill"),
    "lantaarnpaal": ("#fec44f", "circle"),
    "speelplaats": ("#74c476", "pentagon"),
    "supermarkt": ("#3182bd", "square"),
    "jongerencentrum": ("#fd8d3c", "hexagon"),
    "station": ("#252525", "square"),
}


def _field_label(code: str) -> str:
    return tr(cats.SAFETY_FIELDS[code][1])


def _qml(layer: QgsVectorLayer) -> str:
    doc = QDomDocument()
    layer.exportNamedStyle(doc, QgsReadWriteContext())
    return doc.toString()


def _memory_layer(name: str) -> QgsVectorLayer:
    layer_def = schema.LAYER_BY_NAME[name]
    kind = {"POINT": "Point", "LINESTRING": "LineString", "MULTIPOLYGON": "MultiPolygon"}[layer_def.geometry]
    types = {"TEXT": "string", "INTEGER": "integer", "REAL": "double", "DATETIME": "datetime",
             "DATE": "date", "BOOLEAN": "integer"}
    spec = "&".join(f"field={f.name}:{types[f.type]}" for f in layer_def.fields)
    return QgsVectorLayer(f"{kind}?crs=EPSG:{schema.DEFAULT_EPSG}&{spec}", name, "memory")


def _categorized(field_name: str, items: List[Tuple[str, str, object]]) -> QgsCategorizedSymbolRenderer:
    categories = [QgsRendererCategory(value, symbol, label) for value, label, symbol in items]
    return QgsCategorizedSymbolRenderer(field_name, categories)


def simple_labels(expression: str, size: float = 8.0, colour="#222222", is_expression: bool = False,
                  placement=None, buffer_size: float = 0.8, font: str = "Sans Serif") -> QgsVectorLayerSimpleLabeling:
    """Labels of one field or expression in a given size and colour, with a white buffer."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = is_expression
    fmt = QgsTextFormat()
    fmt.setFont(QFont(font))
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(buffer_size)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    if placement is not None:
        settings.placement = placement
    return QgsVectorLayerSimpleLabeling(settings)


def build_styles() -> Dict[str, str]:
    """QML per spatial layer of the safety GeoPackage."""
    styles: Dict[str, str] = {}

    layer = _memory_layer(schema.INCIDENTS)
    items = []
    for code, colour in SAFETY_FIELD_COLOURS.items():
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "1.3",
                                               "outline_style": "no"})
        symbol.setOpacity(0.6)
        items.append((code, _field_label(code), symbol))
    layer.setRenderer(_categorized("safety_field", items))
    styles[schema.INCIDENTS] = _qml(layer)

    layer = _memory_layer(schema.AREAS)
    symbol = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#4d4d4d",
                                         "outline_width": "0.4", "outline_style": "dash"})
    gem = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#000000",
                                      "outline_width": "0.9"})
    wijk = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#252525",
                                       "outline_width": "0.6"})
    layer.setRenderer(_categorized("level", [("buurt", tr("Neighbourhood (buurt)"), symbol),
                                             ("wijk", tr("District (wijk)"), wijk),
                                             ("gemeente", tr("Municipality"), gem)]))
    layer.setLabeling(simple_labels("CASE WHEN \"level\" = 'buurt' THEN \"name\" END", 8.0, "#404040", True))
    layer.setLabelsEnabled(True)
    styles[schema.AREAS] = _qml(layer)

    layer = _memory_layer(schema.RISK_OBJECTS)
    items = []
    for kind, (colour, shape) in RISK_OBJECT_STYLE.items():
        symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "size": "2.6",
                                               "outline_color": "white", "outline_width": "0.3"})
        items.append((kind, tr(schema.RISK_OBJECT_KINDS[kind]), symbol))
    layer.setRenderer(_categorized("kind", items))
    styles[schema.RISK_OBJECTS] = _qml(layer)

    layer = _memory_layer(schema.STREETS)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {"line_color": "#9e9e9e", "line_width": "0.35"})))
    styles[schema.STREETS] = _qml(layer)

    layer = _memory_layer(schema.SCANS)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "31,78,121,30", "outline_color": "#1f4e79", "outline_width": "0.8"})))
    layer.setLabeling(simple_labels("coalesce(\"reference\", '') || ' ' || coalesce(\"title\", '')", 9.0,
                              "#1f4e79", True))
    layer.setLabelsEnabled(True)
    styles[schema.SCANS] = _qml(layer)

    layer = _memory_layer(schema.SCHOUW_POINTS)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#1f4e79", "size": "4", "outline_color": "white", "outline_width": "0.4"})))
    layer.setLabeling(simple_labels("seq", 9.0, "#1f4e79"))
    layer.setLabelsEnabled(True)
    styles[schema.SCHOUW_POINTS] = _qml(layer)

    layer = _memory_layer(schema.SCHOUW_FINDINGS)
    items = []
    for severity, colour in SEVERITY_COLOURS.items():
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "3.2",
                                               "outline_color": "#333333", "outline_width": "0.3"})
        items.append((severity, {"groen": tr("green"), "oranje": tr("orange"), "rood": tr("red")}[severity],
                      symbol))
    layer.setRenderer(_categorized("severity", items))
    styles[schema.SCHOUW_FINDINGS] = _qml(layer)

    from .measure_style import measures_qml  # the measures register (issue #16)
    styles[schema.MEASURES] = measures_qml()
    return styles
