"""The field project: the package's layers opened, styled and saved in a QGIS project with relative paths."""

from __future__ import annotations

from typing import Any, Dict, Optional

from ...compat import (
    LabelPlacement,
    LabelQuadrantPosition,
    MarkerLinePlacement,
    MarkerShape,
    set_marker_placement,
)
from ...core import schema
from ...core.errors import InputError
from ...core.i18n import N_
from ...core.schouw import Checklist
from .. import gpkg
from .common import AREA_LAYER, ROUTE_LAYER, STREETS_LAYER
from .forms import findings_layer_setup
from .write import PackageInfo


def style_layers(layers: Dict[str, Any], point_size: float = 5.0) -> None:
    """Styles of the package's layers (keys: points, findings, route, area, streets), for maps and prints."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMarkerLineSymbolLayer,
        QgsMarkerSymbol,
        QgsPalLayerSettings,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    from ...i18n import tr
    from ..styles import SEVERITY_COLOURS, simple_labels

    points = layers.get("points")
    if points is not None:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": "#1f4e79",
                "size": str(point_size),
                "outline_color": "white",
                "outline_width": "0.5",
            }
        )
        points.setRenderer(QgsSingleSymbolRenderer(symbol))
        settings = QgsPalLayerSettings()
        settings.fieldName = "seq"
        settings.isExpression = False
        settings.placement = LabelPlacement.OverPoint
        settings.quadOffset = LabelQuadrantPosition.Over
        settings.priority = 10
        settings.displayAll = True
        fmt = QgsTextFormat()
        font = QFont("Sans Serif")
        font.setBold(True)
        fmt.setFont(font)
        fmt.setSize(point_size * 1.6)
        fmt.setColor(QColor("white"))
        settings.setFormat(fmt)
        points.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        points.setLabelsEnabled(True)
    route = layers.get("route")
    if route is not None:
        line = QgsLineSymbol.createSimple(
            {"line_color": "#c0392b", "line_width": "0.9", "capstyle": "round", "joinstyle": "round"}
        )
        line.setOpacity(0.85)
        arrows = QgsMarkerLineSymbolLayer(True, 25)
        set_marker_placement(arrows, MarkerLinePlacement.Interval)
        head = QgsMarkerSymbol.createSimple(
            {
                "name": "arrowhead",
                "color": "#c0392b",
                "size": "2.6",
                "outline_color": "#c0392b",
                "outline_width": "0.5",
            }
        )
        head.symbolLayer(0).setShape(MarkerShape.ArrowHead)
        arrows.setSubSymbol(head)
        line.appendSymbolLayer(arrows)
        route.setRenderer(QgsSingleSymbolRenderer(line))
    area = layers.get("area")
    if area is not None:
        area.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {
                        "color": "31,78,121,18",
                        "outline_color": "#1f4e79",
                        "outline_width": "0.7",
                        "outline_style": "dash",
                    }
                )
            )
        )
    streets = layers.get("streets")
    if streets is not None:
        streets.setRenderer(
            QgsSingleSymbolRenderer(
                QgsLineSymbol.createSimple({"line_color": "#bdbdbd", "line_width": "0.5"})
            )
        )
        streets.setLabeling(simple_labels("name", 6.5, "#616161", placement=LabelPlacement.Line,
                                          buffer_size=0.6))
        streets.setLabelsEnabled(True)
    findings = layers.get("findings")
    if findings is not None:
        labels = {"groen": tr("green"), "oranje": tr("orange"), "rood": tr("red")}
        categories = []
        for severity, colour in SEVERITY_COLOURS.items():
            symbol = QgsMarkerSymbol.createSimple(
                {
                    "name": "circle",
                    "color": colour,
                    "size": "3.4",
                    "outline_color": "#333333",
                    "outline_width": "0.3",
                }
            )
            categories.append(QgsRendererCategory(severity, symbol, labels[severity]))
        findings.setRenderer(QgsCategorizedSymbolRenderer("severity", categories))


def open_package_layers(gpkg_path: str, prefix: str = "") -> Dict[str, Any]:
    """The package's layers as QgsVectorLayers (keys: findings, points, route, area, streets)."""
    from qgis.core import QgsVectorLayer

    from ...i18n import tr

    names = {
        "findings": (schema.SCHOUW_FINDINGS, tr("Inspection findings")),
        "points": (schema.SCHOUW_POINTS, tr("Inspection points")),
        "route": (ROUTE_LAYER, tr("Inspection walk")),
        "area": (AREA_LAYER, tr("Inspection area")),
        "streets": (STREETS_LAYER, tr("Streets")),
    }
    out = {}
    for key, (layer_name, title) in names.items():
        layer = QgsVectorLayer(gpkg.layer_uri(gpkg_path, layer_name), prefix + title, "ogr")
        if not layer.isValid():
            raise InputError(
                N_("The layer {layer} of {path} cannot be opened."), layer=layer_name, path=gpkg_path
            )
        out[key] = layer
    return out


def write_field_project(
    project_path: str, gpkg_path: str, info: PackageInfo, checklist: Checklist, lang: Optional[str] = None
) -> Dict[str, Any]:
    """Write the field project (relative paths) next to the field GeoPackage; returns the layer ids."""
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsProject,
        QgsReferencedRectangle,
    )

    from ...i18n import tr

    project = QgsProject()
    crs = (
        QgsCoordinateReferenceSystem(f"EPSG:{info.epsg}")
        if info.epsg
        else QgsCoordinateReferenceSystem.fromWkt(info.srs_wkt)
    )
    project.setCrs(crs)
    project.setTitle(
        tr("Buurtschouw {reference} {title}").format(reference=info.reference, title=info.title).strip()
    )
    project.setFilePathStorage(Qgis.FilePathType.Relative)
    project.setFileName(str(project_path))
    layers = open_package_layers(gpkg_path)
    style_layers(layers)
    for layer in layers.values():
        layer.setCustomProperty("QFieldSync/action", "copy")
        layer.setCustomProperty("QFieldSync/cloud_action", "no_action")
        layer.setReadOnly(True)
    layers["findings"].setReadOnly(False)
    for key in ("area", "streets", "route", "points", "findings"):
        project.addMapLayer(layers[key])
    findings_layer_setup(layers["findings"], checklist, info.scan_uuid, layers["points"], lang)
    points = layers["points"]
    points.setDisplayExpression('"title"')
    if info.area is not None and not info.area.is_empty:
        minx, miny, maxx, maxy = info.area.buffer(max(50.0, 0.05 * info.area.length / 4)).bounds
        from qgis.core import QgsRectangle

        project.viewSettings().setDefaultViewExtent(
            QgsReferencedRectangle(QgsRectangle(minx, miny, maxx, maxy), crs)
        )
    project.writeEntry("Digitizing", "/SnappingMode", "current_layer")
    if not project.write(str(project_path)):
        raise InputError(
            N_("The QGIS project {path} could not be written: {error}"),
            path=str(project_path),
            error=project.error(),
        )
    ids = {key: layer.id() for key, layer in layers.items()}
    project.clear()
    return ids
