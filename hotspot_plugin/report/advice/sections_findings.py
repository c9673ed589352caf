"""Chapters 4 to 6 of the advice report: the schouw findings, the conclusions and the measures."""

from __future__ import annotations

from typing import List

from ...core.i18n import N_
from ...i18n import tr
from ...storage.styles import SEVERITY_COLOURS
from .flow import Block
from .layers import SEVERITY_NAMES

PRIORITY_NAMES = {1: N_("1 (high)"), 2: N_("2 (medium)"), 3: N_("3 (low)")}


def checklist_text(item: str) -> str:
    """A checklist item code as text: "verlichting.te_donker" -> "verlichting: te donker"."""
    head, _dot, rest = str(item).partition(".")
    return f"{head}: {rest.replace('_', ' ')}" if rest else head.replace("_", " ")


class FindingSections:
    """Mixin of :class:`~.report.AdviceReport`: schouw (4), conclusions (5), recommendations (6)."""

    # schouw ---------------------------------------------------------------------------------------------
    def page_schouw(self) -> None:
        heading = tr("4 Findings of the neighbourhood inspection")
        schouw = self.result.schouw or {}
        found = schouw.get("items") or []
        if not found:
            self.doc.flow_text(
                heading,
                [
                    (
                        "p",
                        tr(
                            "Open findings of a neighbourhood inspection (buurtschouw) in the scan area: "
                            "none."
                        ),
                    ),
                    (
                        "p",
                        tr(
                            "When a buurtschouw is held with Hotspot's buurtschouw tools and its "
                            "findings are imported, they appear in this chapter after the scan "
                            "has been run again."
                        ),
                    ),
                ],
            )
            return
        items = self.doc.add_page("map", heading)
        sev = schouw.get("by_severity") or {}
        self.doc.set_text(
            items,
            "intro",
            tr(
                "The neighbourhood inspection left {n} open findings in the scan area: {red} "
                "red, {orange} orange and {green} green. The numbers on the map refer to the "
                "table."
            ).format(
                n=len(found), red=sev.get("rood", 0), orange=sev.get("oranje", 0), green=sev.get("groen", 0)
            ),
            shrink=True,
        )
        layer = self.layers.schouw_layer()
        self.doc.setup_map(
            items,
            [
                layer,
                self.layers.area_layer(),
                self.layers.ring_layer(),
                self.layers.buurten_layer(),
                self.layers.streets_layer(),
            ],
            [layer, self.layers.area_layer()],
            self.doc.extent(self.area),
        )
        rows = []
        for k, it in enumerate(found, start=1):
            details = self.schouw_details.get(it.get("uuid") or "", {})
            severity = it.get("severity") or ""
            colour = SEVERITY_COLOURS.get(severity)
            rows.append(
                [
                    str(k),
                    (tr(SEVERITY_NAMES[severity]) if severity in SEVERITY_NAMES else severity, colour),
                    checklist_text(it.get("checklist_item") or ""),
                    details.get("description", ""),
                    details.get("action", "") or "–",
                    self.owner_label(details.get("owner", "")),
                    self.fmt.date(details.get("due_date")) or "–",
                ]
            )
        self.doc.remove(items, "chart_1")
        self.doc.fill_table(
            items,
            "table",
            [
                tr("No."),
                tr("Severity"),
                tr("Checklist item"),
                tr("Description"),
                tr("Action"),
                tr("Owner"),
                tr("Due date"),
            ],
            rows,
            [0.05, 0.1, 0.17, 0.25, 0.18, 0.12, 0.13],
            continuation=heading,
        )
        self.doc.set_text(
            items,
            "note",
            tr(
                "Open findings (status not closed) inside the scan area; colours: red, orange, "
                "green as recorded during the inspection."
            ),
            shrink=True,
        )

    # conclusions ----------------------------------------------------------------------------------------
    def page_conclusions(self) -> None:
        findings = self.findings()
        blocks: List[Block] = []
        if not findings:
            blocks.append(
                (
                    "p",
                    tr(
                        "The analysis leads to no findings: none of the rules in appendix A applies to the "
                        "figures of this scan, and the author added none."
                    ),
                )
            )
            total = self.total().get("area") or {}
            if not (total.get("n") or total.get("n_comparison")):
                blocks.append(
                    (
                        "p",
                        tr(
                            "No incidents were registered in the scan area in the period or in the "
                            "comparison period."
                        ),
                    )
                )
        else:
            blocks.append(
                (
                    "p",
                    tr(
                        "The analysis leads to the following findings, the most urgent first. The numbers "
                        "in brackets refer to the measures in chapter 6."
                    ),
                )
            )
            numbers = {id(m): k for k, m in enumerate(self.measures(), start=1)}
            number = 0
            for priority in (1, 2, 3):
                group = [f for f in findings if int(f.priority or 2) == priority]
                if not group:
                    continue
                blocks.append(("h", tr("Priority {priority}").format(priority=tr(PRIORITY_NAMES[priority]))))
                for f in group:
                    number += 1
                    linked = sorted(
                        numbers[id(m)] for m in self.advice.measures_for(f.id) if id(m) in numbers
                    )
                    text = self.render_finding(f)
                    if linked:
                        text += " " + tr("(measures {numbers})").format(
                            numbers=", ".join(str(k) for k in linked)
                        )
                    blocks.append(("p", f"{number}.  {text}"))
        self.doc.flow_text(tr("5 Conclusions"), blocks)

    # recommendations ------------------------------------------------------------------------------------
    def page_recommendations(self) -> None:
        heading = tr("6 Recommendations")
        measures = self.measures()
        if not measures:
            self.doc.flow_text(heading, [("p", tr("No measures are recommended."))])
            return
        items = self.doc.add_page("table", heading)
        self.doc.set_text(
            items,
            "intro",
            tr(
                "The measures below are recommended, by priority (1 = take up first). The "
                "owner takes the lead; the finding numbers refer to chapter 5."
            ),
            shrink=True,
        )
        finding_no = {f.id: k for k, f in enumerate(self.findings(), start=1)}
        rows = []
        for k, m in enumerate(measures, start=1):
            text = ""
            if m.measure_id and self.catalogue is not None and m.measure_id in self.catalogue.measures:
                text = self.catalogue.measures[m.measure_id].description(self.fmt.lang)
            if m.note:
                text = (text + "\n" + m.note) if text else m.note
            linked = [str(finding_no[i]) for i in m.finding_ids if i in finding_no]
            if linked:
                text = (text + "\n" if text else "") + tr("Follows from finding(s) {numbers}.").format(
                    numbers=", ".join(linked)
                )
            rows.append(
                [
                    str(k),
                    self.measure_title(m),
                    text or "–",
                    tr(PRIORITY_NAMES.get(m.priority, PRIORITY_NAMES[2])),
                    self.owner_label(m.owner),
                    self.fmt.date(m.due_date) or "–",
                ]
            )
        self.doc.fill_table(
            items,
            "table",
            [tr("No."), tr("Measure"), tr("Description"), tr("Priority"), tr("Owner"), tr("Due date")],
            rows,
            [0.05, 0.2, 0.45, 0.1, 0.12, 0.08],
            continuation=heading,
            bold_columns=[1],
        )
        self.doc.set_text(
            items,
            "note",
            tr("Measures from Hotspot's measures catalogue (CPTED, ZETA, PKVW) or added by " "the author."),
            shrink=True,
        )
