"""The front of the advice report: the title page and the summary."""

from __future__ import annotations

from typing import List

from qgis.core import QgsLayoutItemPicture

from ...i18n import tr
from ...paths import plugin_version
from .flow import Block


class FrontSections:
    """Mixin of :class:`~.report.AdviceReport`: title page and summary."""

    # title ---------------------------------------------------------------------------------------
    def page_title(self) -> None:
        items = self.doc.add_page("title")
        record = self.record
        self.doc.set_text(items, "status", (tr("final") if self.status == "definitief" else tr("draft")).upper())
        self.doc.set_text(items, "organisation", self.house.organisation or record.organisation, shrink=True)
        self.doc.set_text(
            items, "doc_type", tr("Spatial safety advice (advies ruimtelijke veiligheid)"), shrink=True
        )
        title = record.title or tr("Environment scan")
        if self.verdict is None:  # a concept without verdict says so in its title (sections_verdict)
            title = tr("Concept: {title}").format(title=title)
        self.doc.set_text(items, "title", title, shrink=True, min_points=12)
        self.doc.set_text(items, "location", self.location(), shrink=True)
        logo = items.get("logo")
        if isinstance(logo, QgsLayoutItemPicture) and self.house.logo:
            logo.setPicturePath(self.house.logo)
        else:
            self.doc.remove(items, "logo")
        status = tr("final") if self.status == "definitief" else tr("draft")
        rows = [
            (tr("Reference number"), record.reference or "–"),
            (tr("Version"), str(record.version)),
            (tr("Status"), status),
            (tr("Advice"), self.verdict_line()),
            (tr("Date"), self.fmt.date(record.updated_at or record.created_at) or "–"),
            (tr("Author"), record.author or tr("not filled in")),
            (tr("Organisation"), self.house.organisation or record.organisation or tr("not filled in")),
            (tr("Data period"), self.period_text()),
        ]
        self.doc.fill_table(items, "meta", ["", ""], rows, [0.3, 0.7])
        self.doc.setup_map(
            items,
            [
                self.layers.area_layer(),
                self.layers.ring_layer(),
                self.layers.buurten_layer(),
                self.layers.streets_layer(),
            ],
            [],
            self.doc.extent(self.outer, 0.45),
            ident="title_map",
        )
        self.doc.set_text(
            items,
            "footer",
            tr("Made with Hotspot {version} from the saved scan {uuid}.").format(
                version=plugin_version(), uuid=record.uuid
            ),
        )

    # summary --------------------------------------------------------------------------------------

    def page_summary(self) -> None:
        total = self.total()
        area = total.get("area") or {}
        n, n_c = int(area.get("n", 0)), int(area.get("n_comparison", 0))
        blocks: List[Block] = []
        blocks.append(
            (
                "p",
                tr(
                    "This advice describes the spatial safety of {location} ({title}). It rests on the "
                    "incidents registered in the period {period}, compared with the comparison period "
                    "{comparison} and with {reference}, on the functions in and around the area and on "
                    "the findings of a neighbourhood inspection (buurtschouw) where one was held."
                ).format(
                    location=self.location() or tr("the scan area"),
                    title=self.record.title or self.record.reference,
                    period=self.period_text(),
                    comparison=self.comparison_text(),
                    reference=self.reference_name(),
                ),
            )
        )
        if n == 0 and n_c == 0:
            blocks.append(
                (
                    "p",
                    tr(
                        "No incidents were registered in the scan area in the period or in the comparison "
                        "period."
                    ),
                )
            )
        else:
            text = tr(
                "In the period {n} incidents were registered in the scan area ({n_comparison} in the "
                "comparison "
                "period: {change})."
            ).format(n=self.fmt.count(n), n_comparison=self.fmt.count(n_c), change=self.change_phrase(total))
            ref = self.reference_phrase(total)
            blocks.append(("p", text + (" " + ref if ref else "")))
            fields = [g for g in self.result.groups_of("field") if (g["area"]["n"] or 0) > 0]
            # the largest first; counts that are not shown after them, so the order tells nothing
            fields.sort(
                key=lambda g: (
                    -g["area"]["n"] if self.fmt.shown(g["area"]["n"], self.count_states(g)[0]) else 0,
                    g["code"],
                )
            )
            if fields:
                listed = "; ".join(
                    f"{self.field_label(g['code'])} ({self.fmt.count(g['area']['n'], self.count_states(g)[0])})"
                    for g in fields[:5]
                )
                blocks.append(
                    ("p", tr("Incidents in the period by safety field: {fields}.").format(fields=listed))
                )
        findings = self.findings()
        if findings:
            high = [f for f in findings if int(f.priority or 2) == 1]
            blocks.append(("h", tr("Main findings")))
            blocks.append(
                (
                    "p",
                    tr("The analysis leads to {n} findings, {high} of them with high priority.").format(
                        n=len(findings), high=len(high)
                    ),
                )
            )
            for f in (high or findings)[:6]:
                blocks.append(("p", "•  " + self.render_finding(f)))
        else:
            blocks.append(("h", tr("Main findings")))
            blocks.append(("p", tr("The analysis leads to no findings that call for measures.")))
        measures = self.measures()
        if measures:
            blocks.append(("h", tr("Recommended measures")))
            first = [m for m in measures if m.priority == 1] or measures[:3]
            blocks.append(
                (
                    "p",
                    tr("{n} measures are recommended (chapter 6). To be taken up first:").format(
                        n=len(measures)
                    ),
                )
            )
            for m in first[:6]:
                blocks.append(
                    (
                        "p",
                        "•  "
                        + tr("{measure} (owner: {owner})").format(
                            measure=self.measure_title(m), owner=self.owner_label(m.owner)
                        ),
                    )
                )
        schouw = self.result.schouw or {}
        if schouw.get("n_open"):
            sev = schouw.get("by_severity") or {}
            blocks.append(
                (
                    "p",
                    tr(
                        "The neighbourhood inspection left {n} open findings in the area, {red} of them "
                        "red (chapter 4)."
                    ).format(n=schouw["n_open"], red=sev.get("rood", 0)),
                )
            )
        self.doc.flow_text(tr("Summary"), blocks)
