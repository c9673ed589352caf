"""Styles of the Gi* hot spot layer and the hotspot zones, and the post-processor that applies them.

Built with QGIS's renderer API (no .qml files): a categorized renderer on ``gi_class``
(-3..3; red shades for hot spots, blue for cold spots, a faint grey for not significant) and a
single-symbol outline with the label "Zone {rank}" for zones. :func:`style_on_load` hangs a
:class:`StylePostProcessor` on a Processing output so the layer arrives styled;
:func:`store_style_in_gpkg` saves the style in an output GeoPackage as its default.
"""
from __future__ import annotations

import sqlite3
from collections import deque
from typing import Callable, Deque, Dict, List, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..compat import save_style_to_database
from ..i18n import tr
from .styles import simple_labels

#: Fill colour per Gi* class (ColorBrewer RdBu): hot 99/95/90, not significant, cold 90/95/99.
GI_CLASS_COLOURS: Dict[int, str] = {
    3: "#b2182b", 2: "#ef8a62", 1: "#fddbc7", 0: "#bdbdbd", -1: "#d1e5f0", -2: "#67a9cf", -3: "#2166ac",
}
#: Opacity (0..255) of the fill of "not significant" cells: faint, so the map below shows through.
NOT_SIGNIFICANT_ALPHA = 45
ZONE_COLOUR = "#b2182b"


def gi_class_labels() -> Dict[int, str]:
    """The label of every Gi* class (-3..3) in the user's language."""
    return {3: tr("Hot spot 99%"), 2: tr("Hot spot 95%"), 1: tr("Hot spot 90%"), 0: tr("Not significant"),
            -1: tr("Cold spot 90%"), -2: tr("Cold spot 95%"), -3: tr("Cold spot 99%")}


def gistar_renderer(outline: bool = False) -> QgsCategorizedSymbolRenderer:
    """Categorized renderer on ``gi_class``: hot spots first, as a legend reads them.

    *outline*: a thin grey outline (for areas such as buurten); grid cells have none, which
    keeps a map of many small cells clean.
    """
    labels = gi_class_labels()
    categories: List[QgsRendererCategory] = []
    for value in (3, 2, 1, 0, -1, -2, -3):
        colour = QColor(GI_CLASS_COLOURS[value])
        alpha = NOT_SIGNIFICANT_ALPHA if value == 0 else 255
        props = {"color": f"{colour.red()},{colour.green()},{colour.blue()},{alpha}",
                 "outline_style": "solid" if outline else "no",
                 "outline_color": "112,112,112,255", "outline_width": "0.15"}
        symbol = QgsFillSymbol.createSimple(props)
        categories.append(QgsRendererCategory(value, symbol, labels[value]))
    return QgsCategorizedSymbolRenderer("gi_class", categories)


def apply_gistar_style(layer: QgsVectorLayer) -> None:
    """Style a ``hotspot:gistar`` output: by class; areas (no ``cell_id`` field) with outlines."""
    outline = layer.fields().lookupField("cell_id") < 0
    layer.setRenderer(gistar_renderer(outline))
    layer.triggerRepaint()


def _zone_label_expression() -> str:
    """QGIS expression for the label "Zone {rank}" in the user's language."""
    text = tr("Zone {rank}").replace("'", "''")
    head, _, tail = text.partition("{rank}")
    return f"'{head}' || \"rank\" || '{tail}'"


def apply_zones_style(layer: QgsVectorLayer) -> None:
    """Style a ``hotspot:hotspotzones`` output: outline, semi-transparent fill, label "Zone {rank}"."""
    c = QColor(ZONE_COLOUR)
    symbol = QgsFillSymbol.createSimple({"color": f"{c.red()},{c.green()},{c.blue()},55",
                                         "outline_color": f"{c.red()},{c.green()},{c.blue()},255",
                                         "outline_width": "0.7", "joinstyle": "round"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(simple_labels(_zone_label_expression(), 9.0, QColor(ZONE_COLOUR).darker(130),
                                    is_expression=True, buffer_size=1.0))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()


#: Name of the style Hotspot stores in a GeoPackage's layer_styles.
STYLE_NAME = "hotspot"


def _forget_style(path: str, table: str) -> str:
    """Delete Hotspot's earlier style of *table* from layer_styles (if any); returns the table.

    QGIS 3.22 asks "A style named ... already exists ... overwrite?" in a message box when a
    style is saved under an existing name: in a Processing worker thread or qgis_process that
    blocks for ever. So an earlier row goes first. Without *table* the GeoPackage's only
    feature table is meant ("" when there is not exactly one).
    """
    con = sqlite3.connect(path, timeout=5)
    try:
        if not table:
            rows = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")
            names = [r[0] for r in rows]
            table = names[0] if len(names) == 1 else ""
        if table and con.execute("SELECT 1 FROM sqlite_master WHERE name = 'layer_styles'").fetchone():
            with con:
                con.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?",
                            (table, STYLE_NAME))
    finally:
        con.close()
    return table


def store_style_in_gpkg(uri: str, kind: str) -> bool:
    """Style the GeoPackage layer at *uri* as *kind* and store that as its default style.

    So the output of a run from the toolbox, a model or ``qgis_process`` opens styled wherever
    it is opened. False when the layer cannot be opened, is not in a GeoPackage, or the style
    could not be saved.
    """
    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg"):
        return False
    layer = QgsVectorLayer(uri, "hotspot", "ogr")
    if not layer.isValid():
        return False
    STYLES[kind](layer)
    try:
        if not _forget_style(path, parts.get("layerName") or ""):
            return False
    except sqlite3.Error:
        return False
    return not save_style_to_database(layer, STYLE_NAME, tr("Style of Hotspot"), True)


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a style function to an output layer when Processing loads it."""

    def __init__(self, apply: Callable[[QgsVectorLayer], None]) -> None:
        super().__init__()
        self._apply = apply

    def postProcessLayer(self, layer: QgsMapLayer, context, feedback) -> None:  # noqa: N802 - QGIS API
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            self._apply(layer)


#: QGIS takes ownership of a post-processor's C++ side only; the Python side must stay alive.
_ALIVE: Deque[StylePostProcessor] = deque(maxlen=64)

STYLES: Dict[str, Callable[[QgsVectorLayer], None]] = {"gistar": apply_gistar_style,
                                                        "zones": apply_zones_style}


def style_on_load(context: QgsProcessingContext, dest_id: str, kind: str) -> Tuple[bool, object]:
    """Have output *dest_id* styled as *kind* ("gistar" or "zones") when it is loaded.

    Returns ``(True, post_processor)`` when the output will be loaded, else ``(False, None)``.
    """
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return False, None
    processor = StylePostProcessor(STYLES[kind])
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
    return True, processor
