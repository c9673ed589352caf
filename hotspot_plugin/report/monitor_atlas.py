"""The area monitor's atlas: one profile page per area, from an editable template (PDF).

The page comes from ``resources/templates/monitor_atlas.qpt`` (edit it in QGIS's layout
designer: move, resize or restyle the items; their ids must stay). Items by id:

* ``map`` -- follows the atlas area (the areas layer: the current area orange, flagged areas red);
* labels with expressions on the atlas feature: ``[% "name" %]``, ``[% "summary" %]``, ``[% "flag_text" %]``,
  ``[% "rule" %]`` (any QGIS expression on the fields listed below works);
* ``profile_table`` -- a placeholder label: an attribute table of the area's figures in the last
  year (one row per safety field) takes its place and size.

The coverage layer has the fields code, name, inhabitants, unit, flagged, flag_text, summary and
rule; the table's layer field, count, rate, ratio, interval, rank, trend (published text, the
disclosure rule applied: :func:`core.monitor_profile.area_profile`). Both are memory layers in a
private QgsProject, so nothing is added to the user's project.
"""
from __future__ import annotations

from typing import Optional, Sequence

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument
from shapely.geometry.base import BaseGeometry

from ..compat import INT, STRING, SYMBOL_FILL_COLOR
from ..core.area_monitor import MonitorResult
from ..core.errors import Canceled
from ..core.progress import Monitor, ensure
from ..paths import resource

TEMPLATE = "monitor_atlas.qpt"
TABLE_HEADINGS = {True: ["Veld", "Aantal", "Per eenheid", "Verhouding", "95%-interval", "Rang", "Trend"],
                  False: ["Field", "Count", "Per unit", "Ratio", "95% interval", "Rank", "Trend"]}


def _memory(project: QgsProject, kind: str, name: str, crs, fields) -> QgsVectorLayer:
    uri = f"{kind}?crs={crs.authid()}" if crs.authid() else kind
    layer = QgsVectorLayer(uri, name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    project.addMapLayer(layer)
    return layer


def build_layers(project: QgsProject, result: MonitorResult, geoms: Sequence[BaseGeometry], crs,
                 municipality: str, dutch: bool):
    """The coverage layer (one feature per area) and the profile table layer."""
    from ..core.monitor_profile import area_profile
    cov = _memory(project, "MultiPolygon", "areas", crs,
                  [("code", STRING), ("name", STRING), ("inhabitants", STRING),
                   ("unit", STRING), ("flagged", INT), ("flag_text", STRING),
                   ("summary", STRING), ("rule", STRING)])
    table = _memory(project, "None", "profile", crs,
                    [("code", STRING), ("order", INT)]
                    + [(h, STRING) for h in ("field", "count", "rate", "ratio", "interval", "rank", "trend")])
    rule = str(result.summary.get("flag_rule", ""))
    place = f"{municipality} · " if municipality else ""
    cov_features, rows = [], []
    for a, g in enumerate(geoms):
        p = area_profile(result, a, dutch)
        f = QgsFeature(cov.fields())
        f.setGeometry(QgsGeometry.fromWkt(g.wkt))
        summary = (f"{place}{p['code']} · {p['inhabitants']} " + ("inwoners" if dutch else "inhabitants")
                   + f" · {p['year']} · {p['unit']}")
        f.setAttributes([p["code"], p["name"], p["inhabitants"], p["unit"], int(p["flagged"]),
                         ("⚑ " if p["flagged"] else "") + p["flag_text"], summary, rule])
        cov_features.append(f)
        for k, r in enumerate(p["rows"]):
            t = QgsFeature(table.fields())
            t.setAttributes([p["code"], k, r["label"], r["count"], r["rate"], r["ratio"], r["interval"], r["rank"],
                             r["trend"]])
            rows.append(t)
    cov.dataProvider().addFeatures(cov_features)
    table.dataProvider().addFeatures(rows)
    symbol = QgsFillSymbol.createSimple({"color": "#eeeeee", "outline_color": "#555555", "outline_width": "0.3"})
    symbol.symbolLayer(0).setDataDefinedProperty(SYMBOL_FILL_COLOR, QgsProperty.fromExpression(
        "if(@atlas_featureid = $id, '#f0a000', if(\"flagged\" = 1, '#f6c3b9', '#eeeeee'))"))
    cov.renderer().setSymbol(symbol)
    return cov, table


def export_atlas(path: str, result: MonitorResult, geoms: Sequence[BaseGeometry], crs, municipality: str = "",
                 dutch: bool = True, monitor: Optional[Monitor] = None, template: Optional[str] = None) -> int:
    """Write the atlas PDF; returns the number of pages."""
    monitor = ensure(monitor)
    project = QgsProject()
    cov, table_layer = build_layers(project, result, geoms, crs, municipality, dutch)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    doc = QDomDocument()
    with open(template or str(resource("templates", TEMPLATE)), encoding="utf-8") as fh:
        doc.setContent(fh.read())
    layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
    atlas = layout.atlas()
    atlas.setCoverageLayer(cov)
    atlas.setEnabled(True)
    atlas.setPageNameExpression('"name"')
    map_item = layout.itemById("map")
    if isinstance(map_item, QgsLayoutItemMap):
        # QGIS 3.22's atlas resizes an atlas-driven map to the area's shape; after each move the
        # template's size is restored and the map zoomed to the area with a margin.
        size = map_item.sizeWithUnits()
        map_item.setLayers([cov])
        map_item.setKeepLayerSet(True)
        map_item.setCrs(cov.crs())
        map_item.setAtlasDriven(True)
        map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)

        def follow(feature, item=map_item, keep=size):
            item.attemptResize(keep)
            box = feature.geometry().boundingBox()
            box.grow(max(box.width(), box.height()) * 0.15)
            item.zoomToExtent(box)
            item.invalidateCache()
        atlas.featureChanged.connect(follow)
    holder = layout.itemById("profile_table")
    if isinstance(holder, QgsLayoutItemLabel):
        table = QgsLayoutItemAttributeTable.create(layout)
        table.setVectorLayer(table_layer)
        table.setDisplayOnlyVisibleFeatures(False)
        table.setFilterFeatures(True)
        table.setFeatureFilter("\"code\" = attribute(@atlas_feature, 'code')")
        table.setMaximumNumberOfFeatures(50)
        table.resetColumns()
        headings = TABLE_HEADINGS[bool(dutch)]
        cols = [c for c in table.columns() if c.attribute() not in ("code", "order")]
        for c, heading in zip(cols, headings):
            c.setHeading(heading)
        table.setColumns(cols)
        layout.addMultiFrame(table)
        frame = QgsLayoutFrame(layout, table)
        frame.attemptSetSceneRect(holder.rect().translated(holder.pos()))
        table.addFrame(frame)
        layout.removeLayoutItem(holder)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    pages = cov.featureCount()
    if monitor.is_canceled():
        raise Canceled()
    outcome, error = QgsLayoutExporter.exportToPdf(atlas, path, settings)
    if outcome != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(f"atlas export failed: {error}")
    monitor.set(100)
    return pages


__all__ = ["export_atlas", "build_layers", "TEMPLATE"]
