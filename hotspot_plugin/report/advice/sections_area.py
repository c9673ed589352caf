"""Chapters 1 and 2 of the advice report: the introduction and the description of the area."""

from __future__ import annotations

from typing import List

from ...core.schema import RISK_OBJECT_KINDS
from ...i18n import tr
from .. import charts
from .flow import Block


class AreaSections:
    """Mixin of :class:`~.report.AdviceReport`: introduction (1) and the area (2)."""

    # introduction ---------------------------------------------------------------------------------
    def page_introduction(self) -> None:
        geo = self.result.geography
        params = self.result.parameters
        inh = geo.get("inhabitants") or {}
        blocks: List[Block] = [("h", tr("1.1 Reason"))]
        blocks.append(
            (
                "p",
                tr(
                    "This advice on spatial safety (advies ruimtelijke veiligheid) was drawn up for "
                    "{title}. It follows the structure the CCV recommends for a safety analysis: a "
                    "description of the area, the results per safety field of the VNG Kernbeleid "
                    "Veiligheid, the findings of the neighbourhood inspection, conclusions and "
                    "recommendations with priorities."
                ).format(title=self.record.title or self.location() or self.record.reference),
            )
        )
        blocks.append(("h", tr("1.2 Area")))
        buurten = [
            b.get("name") or b.get("code") for b in geo.get("buurten", []) if (b.get("share_area") or 0) > 0
        ]
        km2 = self.fmt.num(geo.get("area_km2"), 2)
        if buurten:
            parts = [
                tr("The scan area covers {km2} km² and lies in {buurten}.").format(
                    km2=km2, buurten=", ".join(buurten)
                )
            ]
        else:
            parts = [tr("The scan area covers {km2} km².").format(km2=km2)]
        if self.ring_width > 0:
            parts.append(
                tr(
                    "A ring of {width} m around it ({ring_km2} km²) is included as context, so that problems "
                    "just outside the area are seen too."
                ).format(
                    width=self.fmt.num(self.ring_width, 0), ring_km2=self.fmt.num(geo.get("ring_km2"), 2)
                )
            )
        if inh.get("area"):
            parts.append(
                tr("About {inhabitants} people live in the area.").format(
                    inhabitants=self.fmt.plain_count(inh["area"])
                )
            )
        parts.append(tr("The figures are compared with {reference}.").format(reference=self.reference_name()))
        blocks.append(("p", " ".join(parts)))
        blocks.append(("h", tr("1.3 Method")))
        blocks.append(
            (
                "p",
                tr(
                    "The incidents in the safety GeoPackage were counted in the area and in the ring, per "
                    "safety field and per category, in the period and in the comparison period. Changes "
                    "and the comparison with the reference area were tested with exact tests. A density "
                    "map (heatmap) with hotspot zones shows where incidents concentrate; the weekday and "
                    "the hour show when they happen. Findings follow from fixed rules and propose "
                    "measures from Hotspot's catalogue; the author checked and completed them. Appendix A "
                    "gives the details."
                ),
            )
        )
        blocks.append(("h", tr("1.4 Sources and period")))
        blocks.append(
            (
                "p",
                tr(
                    "Period: {period} ({days} days). Comparison period: {comparison} ({comparison_days} "
                    "days)."
                ).format(
                    period=self.period_text(),
                    days=self.fmt.num(params.period_days, 0),
                    comparison=self.comparison_text(),
                    comparison_days=self.fmt.num(params.comparison_days, 0),
                ),
            )
        )
        sources = "; ".join(f"{name} ({self.fmt.plain_count(n)})" for name, n in self.sources[:8]) or tr(
            "none"
        )
        blocks.append(
            (
                "p",
                tr(
                    "Sources of the incidents (number of records in the safety GeoPackage): {sources}. "
                    "Inhabitants and dwellings: the buurten in the safety GeoPackage (CBS Wijken en "
                    "Buurten). Risk objects: the layer risk objects of the safety GeoPackage."
                ).format(sources=sources),
            )
        )
        fields = params.fields
        categories = params.categories
        selection = (
            tr("All safety fields and categories were included.")
            if not fields and not categories
            else tr("Included: {fields}; categories: {categories}.").format(
                fields=", ".join(self.field_label(f) for f in fields) if fields else tr("all safety fields"),
                categories=", ".join(categories) if categories else tr("all"),
            )
        )
        blocks.append(
            (
                "p",
                selection
                + " "
                + tr('Counts from 1 to {below} are shown as "<{threshold}" to protect ' "privacy.").format(
                    below=self.fmt.threshold - 1, threshold=self.fmt.threshold
                ),
            )
        )
        blocks.append(("h", tr("1.5 Reading guide")))
        blocks.append(
            (
                "p",
                tr(
                    "Chapter 2 describes the area and its functions, chapter 3 gives the results per safety "
                    "field, chapter 4 the findings of the neighbourhood inspection, chapter 5 the "
                    "conclusions and chapter 6 the recommended measures. Appendix A explains the method."
                ),
            )
        )
        self.doc.flow_text(tr("1 Introduction"), blocks)

    # area description ---------------------------------------------------------------------------------
    def page_area(self) -> None:
        items = self.doc.add_page("map", tr("2 Description of the area"))
        geo = self.result.geography
        inh = geo.get("inhabitants") or {}
        dwellings = geo.get("dwellings") or {}
        risk = self.result.where.get("risk_objects") or {}
        by_area = (risk.get("area") or {}).get("by_kind") or {}
        by_ring = (risk.get("ring") or {}).get("by_kind") or {}
        if any((b.get("share_area") or 0) > 0 for b in geo.get("buurten", [])):
            text = tr(
                "The scan area covers {km2} km² with about {inhabitants} inhabitants and {dwellings} "
                "dwellings "
                "(apportioned from the buurten by area share)."
            ).format(
                km2=self.fmt.num(geo.get("area_km2"), 2),
                inhabitants=self.fmt.plain_count(inh.get("area")),
                dwellings=self.fmt.plain_count(dwellings.get("area")),
            )
        else:
            text = tr("The scan area covers {km2} km²; no buurt with population figures covers it.").format(
                km2=self.fmt.num(geo.get("area_km2"), 2)
            )
        if self.ring_width > 0:
            text += " " + tr(
                "The ring of {width} m covers {km2} km² with about {inhabitants} inhabitants."
            ).format(
                width=self.fmt.num(self.ring_width, 0),
                km2=self.fmt.num(geo.get("ring_km2"), 2),
                inhabitants=self.fmt.plain_count(inh.get("ring")),
            )
        if by_area:
            kinds = sorted(by_area.items(), key=lambda kv: (-kv[1], kv[0]))
            listed = ", ".join(f"{self.kind_label(k)} {self.fmt.plain_count(v)}" for k, v in kinds[:6])
            text += " " + tr("Functions (risk objects) in the area: {functions}.").format(functions=listed)
        else:
            text += " " + tr("No risk objects are registered in the area.")
        self.doc.set_text(items, "intro", text, shrink=True)
        layers = [
            self.layers.risk_layer(),
            self.layers.area_layer(),
            self.layers.ring_layer(),
            self.layers.buurten_layer(),
            self.layers.streets_layer(),
        ]
        self.doc.setup_map(
            items,
            layers,
            [self.layers.area_layer(), self.layers.ring_layer(), self.layers.buurten_layer(), self.layers.risk_layer()],
            self.doc.extent(self.outer),
        )
        buurten = [b for b in geo.get("buurten", [])]
        buurten.sort(
            key=lambda b: (-(b.get("share_area") or 0), -(b.get("share_ring") or 0), b.get("code") or "")
        )
        headers = [
            tr("Buurt"),
            tr("Code"),
            tr("Inhabitants"),
            tr("Share in area"),
            tr("Share in ring"),
            tr("Inhabitants in area"),
        ]
        shares = [0.26, 0.17, 0.13, 0.14, 0.14, 0.16]
        right = [False, False, True, True, True, True]

        def rows_for(shown: int) -> List[List[str]]:
            rows = []
            for b in buurten[:shown]:
                rows.append(
                    [
                        b.get("name") or "",
                        b.get("code") or "",
                        self.fmt.plain_count(b.get("inhabitants")),
                        self.fmt.pct(b.get("share_area"), 1),
                        self.fmt.pct(b.get("share_ring"), 1),
                        self.fmt.plain_count((b.get("inhabitants") or 0) * (b.get("share_area") or 0)),
                    ]
                )
            rest = buurten[shown:]
            if rest:
                rows.append(
                    [
                        tr("Other buurten ({n})").format(n=len(rest)),
                        "",
                        "",
                        "",
                        "",
                        self.fmt.plain_count(
                            sum((b.get("inhabitants") or 0) * (b.get("share_area") or 0) for b in rest)
                        ),
                    ]
                )
            rows.append([tr("Total"), "", "", "", "", self.fmt.plain_count(inh.get("area"))])
            return rows

        rows = rows_for(len(buurten))
        table = None
        if buurten:
            table = self.doc.fill_table(items, "table", headers, rows, shares, right, bold_rows=[len(rows) - 1])
        else:
            self.doc.remove(items, "table")
        if table is not None:
            fit = self.doc.rows_that_fit(table)
            if fit < len(rows):  # the buurten with the smallest shares are summed up in one row
                rows = rows_for(max(0, fit - 2))
                self.doc.fill_table(items, "table", headers, rows, shares, right, bold_rows=[len(rows) - 1])
        kinds = sorted(
            set(by_area) | set(by_ring), key=lambda k: (-(by_area.get(k, 0) + by_ring.get(k, 0)), k)
        )
        if kinds:
            labels = [self.kind_label(k) for k in kinds][:10]
            series = [
                (tr("Scan area"), [by_area.get(k, 0) for k in kinds][:10], self.colour.name()),
                (tr("Ring"), [by_ring.get(k, 0) for k in kinds][:10], charts.COMPARISON_COLOUR),
            ]
            self.doc.set_picture(
                items,
                "chart_1",
                lambda path, w, h: charts.bar_chart(
                    labels,
                    series,
                    path,
                    None,
                    title=tr("Functions: risk objects by kind"),
                    width_mm=w,
                    height_mm=h,
                ),
            )
        else:
            self.doc.remove(items, "chart_1")
        self.doc.set_text(
            items,
            "note",
            tr(
                "Inhabitants and dwellings are apportioned from the buurten by area share: "
                "people are assumed to be spread evenly over their buurt."
            ),
            shrink=True,
        )

    def kind_label(self, kind: str) -> str:
        return tr(RISK_OBJECT_KINDS[kind]) if kind in RISK_OBJECT_KINDS else kind
