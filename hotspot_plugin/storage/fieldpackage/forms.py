"""The findings form for QGIS, QField and Mergin Maps: aliases, widgets, defaults, constraints, tabs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Tuple

from ...compat import AttributeFormLayout, set_group_box
from ...core import schema
from ...core.schouw import Checklist
from .common import DAGDEEL_EXPRESSION, PHOTO_FOLDER, QFIELD_PHOTO_NAME


def findings_layer_setup(
    layer, checklist: Checklist, scan_uuid: str, points_layer=None, lang: Optional[str] = None
) -> None:
    """Configure the form of a findings layer for QGIS, QField and Mergin Maps (see the module docstring)."""
    from qgis.core import (
        QgsAttributeEditorContainer,
        QgsAttributeEditorField,
        QgsDefaultValue,
        QgsEditorWidgetSetup,
        QgsFieldConstraints,
    )

    from ...i18n import current_language, tr

    lang = lang or current_language()
    fields = layer.fields()

    def idx(name: str) -> int:
        return fields.indexOf(name)

    # Aliases first: in QGIS 3.22 the first setFieldAlias() drops the widget setups made before it.
    aliases = {
        "checklist_item": tr("Checklist item"),
        "severity": tr("Severity"),
        "dagdeel": tr("Part of the day"),
        "description": tr("What do you see?"),
        "photo": tr("Photo"),
        "action": tr("Proposed action"),
        "owner": tr("Who acts"),
        "due_date": tr("Ready by"),
        "status": tr("Status"),
        "point_uuid": tr("Schouw point"),
        "observed_at": tr("Observed at"),
    }
    for name, alias in aliases.items():
        if idx(name) >= 0:
            layer.setFieldAlias(idx(name), alias)

    setups: Dict[str, Tuple[str, Dict[str, Any]]] = {}

    def widget(name: str, kind: str, config: Dict[str, Any]) -> None:
        if idx(name) >= 0:
            setups[name] = (kind, config)
            layer.setEditorWidgetSetup(idx(name), QgsEditorWidgetSetup(kind, config))

    def value_map(pairs: Sequence[Tuple[str, str]]) -> Dict[str, Any]:
        return {"map": [{label: code} for label, code in pairs]}

    widget("checklist_item", "ValueMap", value_map(checklist.value_map(lang)))
    widget(
        "severity",
        "ValueMap",
        value_map(
            [
                (tr("green – in order"), "groen"),
                (tr("orange – needs attention"), "oranje"),
                (tr("red – act now"), "rood"),
            ]
        ),
    )
    widget(
        "dagdeel",
        "ValueMap",
        value_map(
            [
                (tr("day (07–19 h)"), "dag"),
                (tr("evening (19–23 h)"), "avond"),
                (tr("night (23–07 h)"), "nacht"),
            ]
        ),
    )
    widget(
        "status",
        "ValueMap",
        value_map([(tr("open"), "open"), (tr("in progress"), "in_behandeling"), (tr("done"), "afgehandeld")]),
    )
    widget("description", "TextEdit", {"IsMultiline": True, "UseHtml": False})
    widget("action", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    widget("owner", "TextEdit", {"IsMultiline": False, "UseHtml": False})
    widget(
        "photo",
        "ExternalResource",
        {
            "DocumentViewer": 1,
            "DocumentViewerHeight": 0,
            "DocumentViewerWidth": 0,
            "FileWidget": True,
            "FileWidgetButton": True,
            "FileWidgetFilter": "",
            "RelativeStorage": 1,
            "StorageMode": 0,
            "StorageType": "",
            "UseLink": True,
            "FullUrl": True,
            "PropertyCollection": {
                "name": "",
                "type": "collection",
                "properties": {
                    "propertyRootPath": {
                        "active": True,
                        "type": 3,
                        "expression": f"@project_folder || '/{PHOTO_FOLDER}'",
                    }
                },
            },
        },
    )
    widget(
        "due_date",
        "DateTime",
        {
            "allow_null": True,
            "calendar_popup": True,
            "display_format": "dd-MM-yyyy",
            "field_format": "yyyy-MM-dd",
            "field_iso_format": False,
        },
    )
    widget(
        "observed_at",
        "DateTime",
        {
            "allow_null": True,
            "calendar_popup": True,
            "display_format": "dd-MM-yyyy HH:mm",
            "field_format": "yyyy-MM-dd HH:mm:ss",
            "field_iso_format": False,
        },
    )
    for name in ("fid", "uuid", "scan_uuid", "updated_at"):
        widget(name, "Hidden", {})
    if points_layer is not None:
        points_file = Path(points_layer.source().split("|")[0]).name
        widget(
            "point_uuid",
            "ValueRelation",
            {
                "Layer": points_layer.id(),
                "LayerName": points_layer.name(),
                "LayerProviderName": "ogr",
                "LayerSource": f"./{points_file}|layername={schema.SCHOUW_POINTS}",
                "Key": "uuid",
                "Value": "title",
                "AllowNull": True,
                "AllowMulti": False,
                "OrderByValue": False,
                "UseCompleter": False,
                "FilterExpression": "",
                "NofColumns": 1,
                "Description": "reason",
            },
        )
    else:
        widget("point_uuid", "TextEdit", {"IsMultiline": False, "UseHtml": False})

    defaults = {
        "uuid": ("uuid('WithoutBraces')", False),
        "observed_at": ("now()", False),
        "updated_at": ("now()", True),
        "scan_uuid": (_quote(scan_uuid), False),
        "status": ("'open'", False),
        "dagdeel": (DAGDEEL_EXPRESSION, False),
    }
    if points_layer is not None:
        defaults["point_uuid"] = (
            f"array_first(overlay_nearest('{points_layer.id()}', \"uuid\", limit:=1, " f"max_distance:=250))",
            False,
        )
    for name, (expression, on_update) in defaults.items():
        if idx(name) >= 0:
            layer.setDefaultValueDefinition(idx(name), QgsDefaultValue(expression, on_update))

    for name in ("checklist_item", "severity"):
        if idx(name) >= 0:
            layer.setFieldConstraint(
                idx(name),
                QgsFieldConstraints.Constraint.ConstraintNotNull,
                QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard,
            )

    form = layer.editFormConfig()
    form.setLayout(AttributeFormLayout.DragAndDrop)
    root = form.invisibleRootContainer()
    root.clear()
    for title, names in (
        (tr("Finding"), ("checklist_item", "severity", "dagdeel", "description", "photo")),
        (tr("Who does what"), ("action", "owner", "due_date", "status")),
        (tr("Where and when"), ("point_uuid", "observed_at")),
    ):
        box = QgsAttributeEditorContainer(title, root)
        set_group_box(box)
        box.setColumnCount(1)
        for name in names:
            if idx(name) >= 0:
                box.addChildElement(QgsAttributeEditorField(name, idx(name), box))
        root.addChildElement(box)
    layer.setEditFormConfig(form)
    for name, (kind, config) in setups.items():  # make sure nothing above dropped a setup
        if layer.fields().field(name).editorWidgetSetup().type() != kind:
            layer.setEditorWidgetSetup(idx(name), QgsEditorWidgetSetup(kind, config))
    layer.setCustomProperty("QFieldSync/action", "offline")
    layer.setCustomProperty("QFieldSync/cloud_action", "offline")
    naming = json.dumps({"photo": QFIELD_PHOTO_NAME})
    layer.setCustomProperty("QFieldSync/attachment_naming", naming)
    layer.setCustomProperty("QFieldSync/photo_naming", naming)
    layer.setDisplayExpression(
        "coalesce(represent_value(\"checklist_item\"), '') || ' (' || "
        "coalesce(represent_value(\"severity\"), '') || ')'"
    )


def _quote(text: str) -> str:
    return "'" + str(text or "").replace("'", "''") + "'"

