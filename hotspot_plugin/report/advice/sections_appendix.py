"""Appendix A of the advice report: the method (periods, density map, tests, privacy, software)."""

from __future__ import annotations

from typing import List

from ...core.advice_rules import count_tests
from ...i18n import tr
from ...paths import plugin_version
from .flow import Block
from .heatmap import KERNEL_NAMES
from .text import fill_template


class AppendixSection:
    """Mixin of :class:`~.report.AdviceReport`: appendix A."""

    # appendix ---------------------------------------------------------------------------------------
    def page_appendix(self) -> None:
        params = self.result.parameters
        methods = self.result.methods or {}
        blocks: List[Block] = [("h", tr("Periods and area"))]
        blocks.append(
            (
                "p",
                tr(
                    "Period {period}; comparison period {comparison}. Periods include their first day and "
                    "end before the day after their last day; times are local clock times."
                ).format(period=self.period_text(), comparison=self.comparison_text()),
            )
        )
        mode = params.reference_mode
        blocks.append(
            (
                "p",
                tr("Ring width {width} m. Reference: {reference} ({mode}).").format(
                    width=self.fmt.num(self.ring_width, 0),
                    reference=self.reference_name(),
                    mode=tr("contains the scan area")
                    if mode == "nested"
                    else tr("separate from the scan area")
                    if mode == "separate"
                    else tr("none"),
                ),
            )
        )
        layer, info = self.layers.heatmap()
        blocks.append(("h", tr("Density map and hotspot zones")))
        if layer is not None:
            name = tr(KERNEL_NAMES[info.kernel])
            text = tr(
                "Kernel density of the incidents of the period: kernel {kernel}, radius {radius} m, "
                "pixel size "
                "{pixel} m."
            ).format(
                kernel=name,
                radius=self.fmt.num(info.radius, 0),
                pixel=self.fmt.num(info.pixel, 0),
            )
            if info.source == "report":
                text += " " + tr(
                    "The scan saved no density raster; the report computed this one from the incidents "
                    "of the period in and around the area (unweighted)."
                )
            blocks.append(("p", text))
        else:
            blocks.append(
                ("p", tr("No density map: fewer than two incidents in and around the area in the period."))
            )
        if self.record.parameters.zones is not None:
            blocks.append(
                (
                    "p",
                    tr(
                        "Hotspot zones: the cells with the highest 5% of the density values, joined into "
                        "zones ({n} zones around the area)."
                    ).format(n=len(self.record.parameters.zones or [])),
                )
            )
        blocks.append(("h", tr("Statistical tests")))
        for key in ("change", "reference", "apportioning"):
            m = methods.get(key)
            if m:
                blocks.append(("p", "•  " + fill_template(tr(m["template"]), m.get("params") or {}, self.fmt)))
        blocks.append(
            (
                "p",
                tr("Significance level {alpha}. Rates are per period (not per year).").format(
                    alpha=self.fmt.num(self.alpha(), 2)
                ),
            )
        )
        blocks.append(("h", tr("Time of day")))
        dagdelen = self.dagdelen()
        if dagdelen:
            blocks.append(
                ("p", "; ".join(f"{name} {first:02d}:00-{end:02d}:00" for name, first, end in dagdelen) + ".")
            )
        profile = methods.get("time_profile")
        if profile:  # aoristic spreading of crime windows (or: each incident at its begin time)
            blocks.append(("p", fill_template(tr(profile["template"]), profile.get("params") or {}, self.fmt)))
        blocks.append(("h", tr("Privacy")))
        blocks.append(
            (
                "p",
                tr(
                    'Counts from 1 to {below} are published as "<{threshold}" (primary suppression). Where '
                    "counts stand beside their total (the safety fields and all incidents, the categories "
                    'and their field), further counts are hidden as "x", the smallest first, until no count '
                    'shown as "<{threshold}" can be computed back from the total and the other counts '
                    "(secondary suppression); when that is not possible, only the total is shown. No rate, "
                    "change, ratio or percentage is computed on a count that is not shown, and a share is "
                    "given only when the part and the rest are both zero or at least {threshold}. Zero is "
                    "shown: it concerns no one. Counts that are not about persons (inhabitants, risk "
                    "objects) are not suppressed. Charts show small counts hatched. The scan itself used "
                    "the threshold {scan_threshold}."
                ).format(
                    below=self.fmt.threshold - 1,
                    threshold=self.fmt.threshold,
                    scan_threshold=self.result.threshold,
                ),
            )
        )
        blocks.append(("p", tr(  # charts (core/disclosure.py, "Charts are tables"; fractional cells)
            "Charts are tables too: the bars of a chart (months, weekday and hour) are protected beside the "
            'total they add up to, and a bar that is not shown is drawn hatched at the height {threshold}, marked '
            '"<{threshold}" or "x", never at its own height or in its own colour. The weekday and hour table may '
            "hold fractions of incidents (spread over their time window): a cell below {threshold} is not shown, "
            "even as a fraction, and the check assumes a reader who knows every shown cell exactly, so no hidden "
            "cell can be computed back to within one incident."
        ).format(threshold=self.fmt.threshold)))
        blocks.append(("p", tr(  # core/disclosure.py: the findings, the evaluation of measures, two-way tables
            "The findings print a figure only when the tables of this report show the counts it rests on: "
            "each finding is checked again at this report's threshold {threshold}, and one whose count the "
            "tables hide is given without its figures. The evaluation of earlier measures protects the counts "
            "of the target, buffer and control areas beside the period's total and gives no percentage "
            "change, odds ratio or WDQ computed on a count that is not shown. Where tables add up to another "
            "table (the months of each safety field and those of all incidents), they are protected together "
            "as one table with its margins."
        ).format(threshold=self.fmt.threshold)))
        blocks.append(("h", tr("Findings")))
        blocks.append(
            (
                "p",
                tr(
                    "Each rule compares the area with a reference for the same group, by an exact test: the "
                    "rate against the whole reference area (binomial test; per 1,000 inhabitants for the "
                    "fields where people live: safe living environment, youth, integrity; per km² for "
                    "business and physical safety, and when the area has fewer than 100 inhabitants), the "
                    "count against the comparison period (conditional binomial test), the share in the "
                    "evening and at night (19:00-07:00) against that share in the rest of the reference area "
                    "(Fisher's exact test; an incident's time is its begin time or the middle of a crime "
                    "window shorter than 12 hours), and the share in hotspot zones against that share among "
                    "the other incidents of the area (Fisher's exact test; the zones are drawn around the "
                    "densest cells of the same incidents, so their share of the surface is no fair "
                    "reference). Intervals are exact (Clopper-Pearson) at {level}%."
                ).format(level=self.fmt.num((1.0 - self.alpha()) * 100.0, 0)),
            )
        )
        blocks.append(
            (
                "p",
                tr(
                    "False discoveries are controlled over all {m} tests of this scan together with the "
                    "Benjamini-Hochberg procedure at q = {q}. A test leads to a finding when its adjusted "
                    "p-value is below q, the difference lies in the rule's direction and it is large enough "
                    "(rate ratio or share ratio at least 1.25, change at least 25%, concentration in zones "
                    "at least 1.5 times). The tests of one safety field form one finding; its strongest "
                    "evidence is its text, the others are supporting lines (appendix B)."
                ).format(m=self._tests_count(), q=self.fmt.num(self.alpha(), 2)),
            )
        )
        blocks.append(
            (
                "p",
                tr(
                    "Score = effect size x certainty x harm weight: effect size = |ln(estimate / reference)|; "
                    "certainty = min(1, log10(1/q-value) / 3); harm weight = the mean harm weight of the "
                    "group's incidents (the categories table's default weights, e.g. 1 bicycle theft, 3 "
                    "burglary of a dwelling, 4 public violence, 10 murder). The at most 7 findings with the "
                    "highest score whose figures may be published at this report's threshold {threshold} are "
                    "the key findings of chapter 5: a key finding of the scan whose figures this report "
                    "withholds (its threshold is higher than the scan's) is listed in appendix B only, and "
                    "the next finding by score whose figures are published takes its place. Risk objects near "
                    "hotspot zones and red inspection findings are findings without a test and never key. "
                    "Every finding proposes measures from the measures catalogue and is checked by the author."
                ).format(threshold=self.fmt.threshold),
            )
        )
        near = self.record.parameters.near_repeat
        if near is not None:
            template = near.conclusion_template
            if template:  # translated into the report's language
                conclusion = fill_template(tr(str(template)), near.conclusion_params or {}, self.fmt)
            else:
                conclusion = str(near.conclusion or "")
            blocks.append(("h", tr("Near-repeat")))
            blocks.append(
                (
                    "p",
                    tr(
                        "Knox test of the {n} burglaries of the period and the comparison period "
                        "({permutations} permutations, seed {seed}): {conclusion}"
                    ).format(
                        n=self.fmt.plain_count(near.n_incidents),
                        permutations=near.permutations or "–",
                        seed=near.seed if near.seed is not None else "–",
                        conclusion=conclusion,
                    ),
                )
            )
        warnings = self.result.warnings or []
        if warnings:
            blocks.append(("h", tr("Remarks")))
            for w in warnings:
                blocks.append(
                    ("p", "•  " + fill_template(tr(w.get("message") or ""), w.get("params") or {}, self.fmt))
                )
        blocks.append(("h", tr("Data and software")))
        n_in = self.result.n_incidents or {}
        blocks.append(
            (
                "p",
                tr("Incidents read: {input}; used after the selection: {used}. Sources: {sources}.").format(
                    input=self.fmt.plain_count(n_in.get("input")),
                    used=self.fmt.plain_count(n_in.get("used")),
                    sources=", ".join(name for name, _n in self.sources) or tr("none"),
                ),
            )
        )
        blocks.append(("p", self._software_text()))
        self.doc.flow_text(tr("Appendix A Method"), blocks)

    def _tests_count(self) -> str:
        """How many tests the findings were chosen from ("–" for an advice drafted before v2)."""
        return str(count_tests(self.result)) if self.result.groups else "–"

    def _software_text(self) -> str:
        return tr(
            "Scan {reference} (uuid {uuid}), version {scan_version}, made on {created}, last updated on "
            "{updated}, "
            "with Hotspot {plugin}; this report was made with Hotspot {report_plugin}."
        ).format(
            reference=self.record.reference or "–",
            uuid=self.record.uuid,
            scan_version=self.record.version,
            created=self.fmt.date(self.record.created_at) or "–",
            updated=self.fmt.date(self.record.updated_at) or "–",
            plugin=self.record.plugin_version or "–",
            report_plugin=plugin_version(),
        )

