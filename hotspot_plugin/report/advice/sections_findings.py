"""Chapters 4 to 6 of the advice report: the schouw findings, the conclusions and the measures."""

from __future__ import annotations

from typing import Dict, List

from ...core.advice import Finding, supporting_findings
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
    def _finding_line(self, number: int, f: Finding, numbers: Dict[int, int]) -> str:
        linked = sorted(numbers[id(m)] for m in self.advice.measures_for(f.id) if id(m) in numbers)
        text = self.render_finding(f)
        if linked:
            text += " " + tr("(measures {numbers})").format(numbers=", ".join(str(k) for k in linked))
        return f"{number}.  {text}"

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
            self.doc.flow_text(tr("5 Conclusions"), blocks)
            return
        numbers = {id(m): k for k, m in enumerate(self.measures(), start=1)}
        number_of = {f.id: k for k, f in enumerate(findings, start=1)}
        if not any(f.key or f.score is not None for f in findings):  # an advice drafted before findings v2
            blocks.append(
                (
                    "p",
                    tr(
                        "The analysis leads to the following findings, the most urgent first. The numbers "
                        "in brackets refer to the measures in chapter 6."
                    ),
                )
            )
            for priority in (1, 2, 3):
                group = [f for f in findings if int(f.priority or 2) == priority]
                if group:
                    blocks.append(("h", tr("Priority {priority}").format(priority=tr(PRIORITY_NAMES[priority]))))
                    blocks += [("p", self._finding_line(number_of[f.id], f, numbers)) for f in group]
            self.doc.flow_text(tr("5 Conclusions"), blocks)
            return
        key = [f for f in findings if f.key]
        own = [f for f in findings if f.rule == "user" and not f.key]
        blocks.append(("h", tr("Key findings")))
        if key:
            blocks.append(
                (
                    "p",
                    tr(
                        "The {k} key findings of this scan, the strongest first (score = effect size x "
                        "certainty x harm weight, appendix A). Each gives the one figure that proves it: the "
                        "estimate with its interval and the reference it is compared with. The numbers refer "
                        "to appendix B; the numbers in brackets to the measures in chapter 6."
                    ).format(k=len(key)),
                )
            )
            blocks += [("p", self._finding_line(number_of[f.id], f, numbers)) for f in key]
        else:
            blocks.append(
                (
                    "p",
                    tr(
                        "No figure of this scan differs clearly from its reference after the correction for "
                        "the number of tests (appendix A): there is no key finding."
                    ),
                )
            )
        if own:
            blocks.append(("h", tr("Added by the author")))
            blocks += [("p", self._finding_line(number_of[f.id], f, numbers)) for f in own]
        blocks.append(
            (
                "p",
                tr("All {n} findings, with their supporting evidence, are listed in appendix B.").format(
                    n=len(findings)
                ),
            )
        )
        self.doc.flow_text(tr("5 Conclusions"), blocks)

    def page_findings_appendix(self) -> None:
        """Appendix B: every finding (key or not) with its supporting lines and its score."""
        findings = self.findings()
        numbers = {id(m): k for k, m in enumerate(self.measures(), start=1)}
        blocks: List[Block] = [
            (
                "p",
                tr(
                    "Every finding of the advice, numbered as in chapter 5 and 6. A finding groups the tests "
                    "of one safety field that passed; its first line is its strongest evidence, the lines "
                    "below it the other tests. Key findings are marked with *."
                ),
            )
        ]
        if not findings:
            blocks.append(("p", tr("No findings.")))
        for k, f in enumerate(findings, start=1):
            line = self._finding_line(k, f, numbers)
            if f.key:
                line += " *"
            if f.score is not None:
                line += " " + tr("[score {score}]").format(score=self.fmt.num(f.score, 2))
            blocks.append(("p", line))
            for s in supporting_findings(f):
                extra = "" if s.score is None else " " + tr("[score {score}]").format(score=self.fmt.num(s.score, 2))
                blocks.append(("p", "      –  " + self.render_finding(s) + extra))
        self.doc.flow_text(tr("Appendix B Findings"), blocks)

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
