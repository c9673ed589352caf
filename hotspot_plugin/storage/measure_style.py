"""Style and attribute form of the measures register layer, as QML for layer_styles.

A GIS officer edits the register in QGIS: kinds from the measures catalogue and the status as
drop-down lists, dates with a calendar, a new uuid and creation time filled in by default.
The renderer colours measures by status (planned, active, ended).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsFillSymbol,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core import schema
from ..core.advice_catalogue import load_catalogue
from ..core.measure_register import ACTIVE, ENDED, PLANNED, SOURCES, STATUSES
from ..i18n import current_language, tr

STATUS_COLOURS = {PLANNED: "#fdae61", ACTIVE: "#1a9641", ENDED: "#969696"}


def _memory_layer() -> QgsVectorLayer:
    layer_def = schema.LAYER_BY_NAME[schema.MEASURES]
    types = {"TEXT": "string", "INTEGER": "integer", "REAL": "double", "DATETIME": "datetime", "DATE": "date"}
    spec = "&".join(f"field={f.name}:{types[f.type]}" for f in layer_def.fields)
    return QgsVectorLayer(f"MultiPolygon?crs=EPSG:{schema.DEFAULT_EPSG}&{spec}", schema.MEASURES, "memory")


def _value_map(pairs: Sequence[Tuple[str, str]]) -> Dict[str, Any]:
    return {"map": [{label: code} for label, code in pairs]}


def setup_measures_layer(layer: QgsVectorLayer, lang: Optional[str] = None) -> None:
    """Aliases, widgets, defaults, constraints and renderer of a measures layer."""
    lang = lang or current_language()
    fields = layer.fields()
    aliases = {"measure_id": tr("Kind of measure"), "title": tr("Measure"), "owner": tr("Owner"),
               "status": tr("Status"), "start_date": tr("Start date"), "end_date": tr("End date"),
               "scan_uuid": tr("Scan"), "priority": tr("Priority"), "source": tr("Registered from"),
               "note": tr("Note"), "created_at": tr("Registered at"), "updated_at": tr("Changed at")}
    for name, alias in aliases.items():  # aliases first: in 3.22 setFieldAlias() drops earlier widgets
        if fields.indexOf(name) >= 0:
            layer.setFieldAlias(fields.indexOf(name), alias)
    try:
        catalogue = load_catalogue()
        kinds = [(m.title(lang), mid) for mid, m in catalogue.measures.items()]
        owners = [(v.get(lang) or v.get("en") or k, k) for k, v in catalogue.owners.items()]
    except Exception:  # noqa: BLE001 - a broken catalogue must not break the layer's style
        kinds, owners = [], []
    date_config = {"allow_null": True, "calendar_popup": True, "display_format": "yyyy-MM-dd",
                   "field_format": "yyyy-MM-dd", "field_iso_format": False}
    widgets = {
        "measure_id": ("ValueMap", _value_map([(tr("(own measure)"), "")] + kinds)),
        "status": ("ValueMap", _value_map([(tr(label), code) for code, label in STATUSES.items()])),
        "source": ("ValueMap", _value_map([(tr(label), code) for code, label in SOURCES.items()])),
        "priority": ("ValueMap", _value_map([(tr("1 (high)"), "1"), (tr("2 (medium)"), "2"),
                                             (tr("3 (low)"), "3")])),
        "start_date": ("DateTime", date_config),
        "end_date": ("DateTime", date_config),
        "note": ("TextEdit", {"IsMultiline": True, "UseHtml": False}),
        "uuid": ("Hidden", {}),
        "created_at": ("Hidden", {}),
        "updated_at": ("Hidden", {}),
    }
    if owners:
        widgets["owner"] = ("ValueMap", _value_map(owners))
    for name, (kind, config) in widgets.items():
        if fields.indexOf(name) >= 0:
            layer.setEditorWidgetSetup(fields.indexOf(name), QgsEditorWidgetSetup(kind, config))
    defaults = {"uuid": "uuid(format:='WithoutBraces')", "status": f"'{PLANNED}'", "source": "'hand'",
                "created_at": "now()"}
    for name, expression in defaults.items():
        if fields.indexOf(name) >= 0:
            layer.setDefaultValueDefinition(fields.indexOf(name), QgsDefaultValue(expression))
    if fields.indexOf("updated_at") >= 0:
        layer.setDefaultValueDefinition(fields.indexOf("updated_at"), QgsDefaultValue("now()", True))
    if fields.indexOf("end_date") >= 0:
        layer.setConstraintExpression(
            fields.indexOf("end_date"), '"end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"',
            tr("The end date must not lie before the start date."))
        layer.setFieldConstraint(fields.indexOf("end_date"), QgsFieldConstraints.Constraint.ConstraintExpression,
                                 QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    categories = []
    for code, colour in STATUS_COLOURS.items():
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": colour, "outline_width": "0.6"})
        symbol.setOpacity(0.45)
        categories.append(QgsRendererCategory(code, symbol, tr(STATUSES[code])))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))


def measures_qml(lang: Optional[str] = None) -> str:
    """The QML (symbology, labels, form) of the measures layer."""
    layer = _memory_layer()
    setup_measures_layer(layer, lang)
    doc = QDomDocument()
    layer.exportNamedStyle(doc, QgsReadWriteContext())
    return doc.toString()


__all__ = ["measures_qml", "setup_measures_layer", "ACTIVE", "ENDED", "PLANNED"]
