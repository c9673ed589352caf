"""Chapter 3 of the advice report: the results per safety field (tables, density map, trend and
weekday-hour charts), one page for all fields and one per field with incidents."""

from __future__ import annotations

from typing import Any, Dict, List, Sequence, Tuple

from ...core import disclosure as dc
from ...core.scan_types import DAGDELEN_HOURS
from ...i18n import tr
from .. import charts


class ResultSections:
    """Mixin of :class:`~.report.AdviceReport`: the results (3) and the day parts."""

    # results ----------------------------------------------------------------------------------------
    def result_headers(self, first: str) -> List[str]:
        return [
            first,
            tr("Period"),
            tr("Compar. period"),
            tr("Change"),
            tr("Ring"),
            tr("Per 1,000 inh."),
            tr("Per km²"),
            tr("Reference per 1,000"),
            tr("Ratio to reference"),
        ]

    def result_rows(
        self, head_label: str, head: Dict[str, Any], parts: Sequence[Tuple[str, Dict[str, Any]]]
    ) -> List[List[str]]:
        """The head row and its parts, protected column by column (core/disclosure.py): a small part
        cannot be computed back from the head and the other parts. When the head itself is not shown,
        no part is shown either (they would add up to it)."""
        head_states = self.count_states(head)
        states = dc.protect_parts(
            [(head.get(part) or {}).get(key) for part, key in self.COUNT_COLUMNS],
            [[(g.get(part) or {}).get(key) for part, key in self.COUNT_COLUMNS] for _label, g in parts],
            self.fmt.threshold,
            head_states,
        )
        rows = [self.result_row(head_label, head, head_states)]
        for (label, g), state in zip(parts, states):
            rows.append(self.result_row(label, g, state))
        return rows

    def result_row(
        self, label: str, group: Dict[str, Any], states: Tuple[str, str, str] = (dc.SHOWN,) * 3
    ) -> List[str]:
        state, state_c, state_ring = states
        area = group.get("area") or {}
        ring = group.get("ring") or {}
        reference = group.get("reference") or {}
        n, n_c = int(area.get("n", 0)), int(area.get("n_comparison", 0))
        vs = group.get("vs_reference") or {}
        inhabitants = (self.result.geography.get("inhabitants") or {}).get("area") or 0
        basis = "per_1000" if inhabitants >= 100 and vs.get("per_1000") else "per_km2"
        ratio = self.fmt.ratio(vs.get(basis), n, state)
        if ratio != "–" and basis == "per_km2":
            ratio += " ²"
        return [
            label,
            self.fmt.count(n, state),
            self.fmt.count(n_c, state_c),
            self.fmt.change((group.get("change") or {}).get("area"), n, n_c, state, state_c),
            self.fmt.count(ring.get("n"), state_ring),
            self.fmt.rate(area.get("per_1000"), n, state),
            self.fmt.rate(area.get("per_km2"), n, state),
            self.fmt.rate(reference.get("per_1000"), reference.get("n")),
            ratio,
        ]

    RESULT_SHARES = (0.25, 0.075, 0.09, 0.11, 0.065, 0.1, 0.1, 0.11, 0.1)
    RESULT_RIGHT = (False, True, True, True, True, True, True, True, True)

    def result_note(self) -> str:
        return tr(
            "* significant (p < {alpha}). –: not computable, or on a count not shown. <{threshold}: 1 to "
            "{below}; x: hidden so that no small count can be computed back. Rates per period; ² ratio per "
            "km² (too few inhabitants for a ratio per 1,000)."
        ).format(
            alpha=self.fmt.num(self.alpha(), 2),
            threshold=self.fmt.threshold,
            below=self.fmt.threshold - 1,
        )

    def field_groups(self) -> List[Dict[str, Any]]:
        return self.result.groups_of("field")

    def page_results(self) -> None:
        heading = tr("3 Results per safety field")
        items = self.doc.add_page("map", heading)
        total = self.total()
        area = total.get("area") or {}
        n, n_ring = int(area.get("n", 0)), int((total.get("ring") or {}).get("n", 0))
        layer, info = self.layers.heatmap()
        text = tr(
            "In the period {period}, {n} incidents were registered in the scan area and {n_ring} in the "
            "ring."
        ).format(period=self.period_text(), n=self.fmt.count(n), n_ring=self.fmt.count(n_ring))
        if layer is not None:
            text += " " + tr(
                "The map shows the density of the incidents (kernel density, radius {radius} m) and the "
                "hotspot zones."
            ).format(radius=self.fmt.num(info.radius, 0))
        else:
            text += " " + tr("There are too few incidents for a density map.")
        zones = self.result.where.get("zones") or []
        if len(zones) == 1:
            text += " " + tr("One hotspot zone lies (partly) in the area; it covers {share} of it.").format(
                share=self.fmt.pct(self.result.where.get("zone_share_of_area"))
            )
        elif zones:
            text += " " + tr(
                "{k} hotspot zones lie (partly) in the area; together they cover {share} of it."
            ).format(k=len(zones), share=self.fmt.pct(self.result.where.get("zone_share_of_area")))
        elif self.record.parameters.zones:
            text += " " + tr("No hotspot zone lies in the area.")
        empty = [
            self.field_label(g["code"])
            for g in self.field_groups()
            if not (g["area"]["n"] or g["area"]["n_comparison"])
        ]
        if empty and n + int(area.get("n_comparison", 0)) > 0:
            text += " " + tr("No incidents in the area in: {fields}.").format(fields=", ".join(empty))
        self.doc.set_text(items, "intro", text, shrink=True)
        zones_layer = self.layers.zones_layer()
        layers = [
            zones_layer,
            self.layers.area_layer(),
            self.layers.ring_layer(),
            self.layers.buurten_layer(),
            layer,
            self.layers.streets_layer(),
        ]
        self.doc.setup_map(
            items,
            layers,
            [layer, zones_layer, self.layers.area_layer(), self.layers.ring_layer(), self.layers.buurten_layer()],
            self.doc.extent(self.outer),
        )
        rows = self.result_rows(
            tr("All incidents"), total, [(self.field_label(g["code"]), g) for g in self.field_groups()]
        )
        self.doc.fill_table(
            items,
            "table",
            self.result_headers(tr("Safety field")),
            rows,
            self.RESULT_SHARES,
            self.RESULT_RIGHT,
            bold_rows=[0],
        )
        groups = self.field_groups()
        labels = [self.field_label(g["code"]) for g in groups]
        hidden = [self.count_states(g) for g in groups]  # the table's "x" are no bars either
        series = [
            (tr("Period"), [None if s[0] == dc.HIDDEN else g["area"]["n"] for g, s in zip(groups, hidden)],
             self.colour.name()),
            (tr("Comparison period"),
             [None if s[1] == dc.HIDDEN else g["area"]["n_comparison"] for g, s in zip(groups, hidden)],
             charts.COMPARISON_COLOUR),
        ]
        if any(g["area"]["n"] or g["area"]["n_comparison"] for g in groups):
            self.doc.set_picture(
                items,
                "chart_1",
                lambda path, w, h: charts.bar_chart(
                    labels,
                    series,
                    path,
                    self.fmt.threshold,
                    title=tr("Incidents in the scan area by safety field"),
                    width_mm=w,
                    height_mm=h,
                ),
            )
        else:
            self.doc.remove(items, "chart_1")
        self.doc.set_text(items, "note", self.result_note(), shrink=True)
        number = 0
        for g in groups:
            if not (g["area"]["n"] or g["area"]["n_comparison"]):
                continue
            number += 1
            self.monitor.check()
            self.page_field(g, number)

    def page_field(self, group: Dict[str, Any], number: int) -> None:
        code = group["code"]
        label = self.field_label(code)
        items = self.doc.add_page("chart", f"3.{number} {label}")
        area = group["area"]
        n, n_c = int(area["n"]), int(area["n_comparison"])
        states = self.count_states(group)
        text = tr(
            "{n} incidents in the scan area in the period ({n_comparison} in the comparison period: "
            "{change})."
        ).format(
            n=self.fmt.count(n, states[0]),
            n_comparison=self.fmt.count(n_c, states[1]),
            change=self.change_phrase(group),
        )
        ref = self.reference_phrase(group)
        if ref:
            text += " " + ref
        when = (self.result.when.get("groups") or {}).get(group["key"]) or {}
        dd = when.get("dagdeel") or {}
        late = float(dd.get("avond") or 0) + float(dd.get("nacht") or 0)  # may be fractional (aoristic)
        day_total = sum(float(v or 0) for v in dd.values())
        share = self.fmt.share(late, day_total, states[0]) if day_total > 0 else None
        if share is not None:  # not when the part or the rest is a small count ('80% of 5' gives 4)
            text += " " + tr("{share} of them happened in the evening or at night (19:00-07:00).").format(
                share=share
            )
        zones = (self.result.where.get("incidents_in_zones") or {}).get(group["key"]) or {}
        share = self.fmt.share(float(zones["share"]) * n, n, states[0]) if zones.get("share") is not None else None
        if share is not None and self.result.where.get("zones"):
            text += " " + tr("{share} lie in hotspot zones.").format(share=share)
        self.doc.set_text(items, "intro", text, shrink=True)
        categories = [
            g
            for g in self.result.groups_of("category")
            if g.get("safety_field") == code
            and (g["area"]["n"] or g["area"]["n_comparison"] or g["ring"]["n"])
        ]
        categories.sort(key=lambda g: (-g["area"]["n"], -g["area"]["n_comparison"], g["code"]))
        headers = self.result_headers(tr("Category"))
        rows = self.result_rows(tr("Whole field"), group, [(self.category_label(g["code"]), g) for g in categories])
        table = self.doc.fill_table(
            items, "table", headers, rows, self.RESULT_SHARES, self.RESULT_RIGHT, bold_rows=[0], shrink=0.0
        )
        keep = len(rows)
        while table is not None and keep > 1 and self.doc.rows_that_fit(table) < len(rows):
            # the smallest categories are summed up in one row until the table fits its frame
            keep = min(keep, self.doc.rows_that_fit(table)) - 1
            rest = categories[max(0, keep - 1) :]
            other = {
                "area": {
                    "n": sum(g["area"]["n"] for g in rest),
                    "n_comparison": sum(g["area"]["n_comparison"] for g in rest),
                },
                "ring": {"n": sum(g["ring"]["n"] for g in rest)},
            }
            kept = [(self.category_label(g["code"]), g) for g in categories[: max(0, keep - 1)]]
            rows = self.result_rows(
                tr("Whole field"), group, kept + [(tr("Other categories ({n})").format(n=len(rest)), other)]
            )
            table = self.doc.fill_table(
                items,
                "table",
                headers,
                rows,
                self.RESULT_SHARES,
                self.RESULT_RIGHT,
                bold_rows=[0],
                shrink=0.0,
            )
        months = self.result.when.get("months") or []
        if months and when:
            self.doc.set_picture(
                items,
                "chart_1",
                lambda path, w, h: charts.trend_chart(
                    months,
                    when.get("months_period") or [0] * len(months),
                    when.get("months_comparison") or [0] * len(months),
                    path,
                    self.fmt.threshold,
                    colour=self.colour.name(),
                    title=tr("Incidents per month in the scan area"),
                    subtitle=label,
                    width_mm=w,
                    height_mm=h,
                    period_state=states[0],  # the months add up to the field's counts: as printed
                    comparison_state=states[1],
                ),
            )
        else:
            self.doc.remove(items, "chart_1")
        bands = self.dagdelen() or None
        if when.get("weekday_hour"):
            self.doc.set_picture(
                items,
                "chart_2",
                lambda path, w, h: charts.weekday_hour_chart(
                    when["weekday_hour"],
                    path,
                    self.fmt.threshold,
                    colour=self.colour.name(),
                    title=tr("Weekday and hour (period, scan area)"),
                    subtitle=label,
                    dagdelen=bands,
                    width_mm=w,
                    height_mm=h,
                    total_state=states[0],
                    day_parts=tuple(DAGDELEN_HOURS.values()),  # the share in the evening or at night
                ),
            )
        else:
            self.doc.remove(items, "chart_2")
        self.doc.set_text(items, "note", self.result_note(), shrink=True)

    def dagdelen(self) -> List[Tuple[str, int, int]]:
        """The day parts of the scan as (name, first hour, end hour): day, evening, night."""
        names = {"dag": tr("day"), "avond": tr("evening"), "nacht": tr("night")}
        parts = self.result.parameters.dagdelen or {}
        order = sorted(parts, key=lambda k: (list(names).index(k) if k in names else 9, k))
        return [(names.get(k, k), int(parts[k][0]), int(parts[k][1])) for k in order]
