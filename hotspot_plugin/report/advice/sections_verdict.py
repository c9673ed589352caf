"""The verdict that opens the advice report (core.verdict): the decision, what is judged, the
conditions, and the design principles (CPTED) scored in a table, over the plan drawing on a map when
the verdict names one. Then the evidence follows (summary, area, results, ...).

A report without a verdict has no verdict section; it is a concept, marked on every page
(:meth:`VerdictSection.draft_mark`, put on the pages by :class:`~.document.Document`).
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from shapely.geometry import box as shapely_box

from ...compat import GeometryType
from ...core.verdict import DECISIONS, NEGATIVE, PLAN, POSITIVE_CONDITIONS, PRINCIPLES, SCORES, Verdict
from ...i18n import tr
from ...storage import gpkg
from .flow import Block

#: Background colours of the scores in the principle table (yes, partly, no).
SCORE_COLOURS = {"yes": "#d9f0d3", "partly": "#fff2cc", "no": "#f4cccc"}


def decision_text(decision: str) -> str:
    """The decision in the user's language ("positive under conditions")."""
    return tr(DECISIONS[decision])


class VerdictSection:
    """Mixin of :class:`~.report.AdviceReport`: the verdict pages and the draft mark."""

    verdict: Optional[Verdict]

    def draft_mark(self) -> str:
        """The mark on every page of a concept ("" for a final report with a verdict)."""
        if self.verdict is None:
            return tr("CONCEPT · no verdict has been given yet; this is not an advice")
        if self.status != "definitief":
            return tr("CONCEPT")
        return ""

    def verdict_line(self) -> str:
        """"Advice: positive under conditions" (or that there is none yet)."""
        if self.verdict is None:
            return tr("none yet (concept)")
        return decision_text(self.verdict.decision)

    # the pages -------------------------------------------------------------------------------------
    def page_verdict(self) -> None:
        verdict = self.verdict
        if verdict is None:
            return
        blocks: List[Block] = [("h", tr("Advice: {decision}").format(decision=decision_text(verdict.decision)))]
        blocks.append(("p", self._subject_text(verdict)))
        if verdict.motivation.strip():
            blocks.append(("p", verdict.motivation.strip()))
        if verdict.conditions:
            if verdict.decision == NEGATIVE:
                blocks.append(("h", tr("What the plan must change")))
            elif verdict.decision == POSITIVE_CONDITIONS:
                blocks.append(("h", tr("Conditions")))
                blocks.append(("p", tr("The advice is positive on the following conditions:")))
            for k, condition in enumerate(verdict.conditions, start=1):
                blocks.append(("p", f"{k}.  {condition}"))
        blocks.append(
            (
                "p",
                tr(
                    "The design principles (CPTED) are scored in the table on the next page; the evidence "
                    "(incidents, area, findings and measures) follows from the summary on."
                ),
            )
        )
        self.doc.flow_text(tr("Verdict"), blocks)
        self._principle_page(verdict)

    def _subject_text(self, verdict: Verdict) -> str:
        description = verdict.description.strip()
        if verdict.subject == PLAN:
            text = tr("This advice judges a plan: {description}.").format(
                description=description or self.record.title or tr("the plan for the scan area")
            )
            if verdict.plan_source:
                text += " " + tr("The plan drawing is the layer {layer} ({source}).").format(
                    layer=verdict.plan_layer or "-", source=verdict.plan_source
                )
            return text
        return tr("This advice judges a place: {description}.").format(
            description=description or self.location() or self.record.title or tr("the scan area")
        )

    def _principle_rows(self, verdict: Verdict) -> List[List[object]]:
        rows: List[List[object]] = []
        for p in PRINCIPLES:
            score = verdict.score_of(p.key)
            cell = tr(SCORES[score.score])
            colour = SCORE_COLOURS.get(score.score)
            rows.append([tr(p.label), (cell, colour) if colour else cell, score.remark or "–"])
        return rows

    def _principle_page(self, verdict: Verdict) -> None:
        plan = self._plan_layer(verdict) if verdict.has_plan_layer else None
        heading = tr("Verdict: design principles (CPTED)")
        headers = [tr("Principle"), tr("Score"), tr("Remark")]
        rows = self._principle_rows(verdict)
        intro = tr(
            "Each principle is scored yes (the design meets it), partly or no, with a remark. Sight lines, "
            "lighting and natural surveillance belong to the catalogue's principle natural surveillance; "
            "ownership to territorial reinforcement; access to natural access control."
        )
        if plan is not None:
            items = self.doc.add_page("map", heading)
            self.doc.set_text(items, "intro", intro, shrink=True)
            layers = [plan[0], self.layers.area_layer(), self.layers.streets_layer()]
            self.doc.setup_map(items, layers, [plan[0], self.layers.area_layer()], plan[1])
            self.doc.fill_table(items, "table", headers, rows, [0.3, 0.14, 0.56], shrink=2.0)
            self.doc.remove(items, "chart_1")
            note = tr("Map: the plan drawing ({layer}) over the scan area.").format(layer=plan[0].name())
        else:
            items = self.doc.add_page("table", heading)
            self.doc.set_text(items, "intro", intro, shrink=True)
            self.doc.fill_table(items, "table", headers, rows, [0.3, 0.14, 0.56], shrink=2.0)
            note = ""
            if verdict.has_plan_layer:
                note = tr("The plan drawing {source} could not be opened; it is not shown.").format(
                    source=verdict.plan_source
                )
        if note:
            self.doc.set_text(items, "note", note, shrink=True)
        else:
            self.doc.remove(items, "note")

    def _plan_layer(self, verdict: Verdict) -> Optional[Tuple[QgsVectorLayer, Tuple[float, float, float, float]]]:
        """The plan drawing as a styled layer of the report, and the extent showing it with the area."""
        uri = gpkg.layer_uri(verdict.plan_source, verdict.plan_layer) if verdict.plan_layer else verdict.plan_source
        layer = QgsVectorLayer(uri, tr("Plan: {name}").format(name=verdict.plan_layer or tr("drawing")), "ogr")
        if not layer.isValid() or layer.featureCount() == 0:
            return None
        c = self.colour
        kind = layer.geometryType()
        if kind == GeometryType.Polygon:
            symbol = QgsFillSymbol.createSimple(
                {"color": "255,255,255,0", "outline_color": "#303030", "outline_width": "0.5"}
            )
        elif kind == GeometryType.Line:
            symbol = QgsLineSymbol.createSimple({"line_color": "#303030", "line_width": "0.5"})
        else:
            symbol = QgsMarkerSymbol.createSimple({"color": c.name(), "size": "2"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        layer = self.layers._register(layer)
        if layer is None:
            return None
        extent = layer.extent()
        if layer.crs().isValid() and layer.crs() != self.crs:
            transform = QgsCoordinateTransform(layer.crs(), self.crs, self.project)
            extent = transform.transformBoundingBox(extent)
        xmin, ymin, xmax, ymax = self.area.bounds
        box = (
            min(xmin, extent.xMinimum()),
            min(ymin, extent.yMinimum()),
            max(xmax, extent.xMaximum()),
            max(ymax, extent.yMaximum()),
        )
        return layer, self.doc.extent(shapely_box(*box), 0.06, 150.0)
