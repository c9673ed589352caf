"""The scan in words: what the advice report knows besides the scan's figures, and the phrases
and labels several sections share (safety fields, categories, the location, the reference area,
the change and the rate against the reference)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem
from shapely.geometry.base import BaseGeometry

from ...core import disclosure as dc
from ...core import schema
from ...core.advice import Catalogue, ChosenMeasure, Finding, keys_at, load_catalogue, render, withhold_at
from ...core.categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from ...core.errors import InputError
from ...core.finding_disclosure import published_states
from ...core.numbers import format_number
from ...i18n import tr
from ...storage.report_queries import read_report_sources


class ReportFacts:
    """Mixin of :class:`~.report.AdviceReport`: the GeoPackage's facts and the shared wording."""

    # ---- data ----------------------------------------------------------------------------------
    def _read_gpkg(self) -> None:
        """Category labels, the municipality, the sources, schouw details and the CRS."""
        self.category_labels: Dict[str, str] = {}
        uuids = [it.get("uuid") for it in self.result.schouw.get("items", []) if it.get("uuid")]
        saved_crs = self.record.parameters.gpkg_crs
        read = read_report_sources(self.gpkg, uuids, with_crs=not saved_crs)
        for cat in read.categories:
            self.category_labels[cat.code] = (cat.label_nl if self.fmt.dutch else cat.label_en) or cat.code
        self.municipality = read.municipality
        self.gemeente_names = read.gemeente_names
        self.sources: List[Tuple[str, int]] = [(str(s or tr("unknown source")), n) for s, n in read.sources]
        self.schouw_details: Dict[str, Dict[str, Any]] = read.schouw_details
        crs_text = saved_crs or read.crs
        self.crs = QgsCoordinateReferenceSystem(str(crs_text))
        if not self.crs.isValid():
            self.crs = QgsCoordinateReferenceSystem(f"EPSG:{schema.DEFAULT_EPSG}")
        self.area: BaseGeometry = self.record.area
        width = float(self.result.parameters.ring_width or 0.0)
        self.ring_width = width
        self.outer = self.area.buffer(width) if width > 0 else self.area
        self.ring = self.outer.difference(self.area) if width > 0 else None
        try:
            self.catalogue: Optional[Catalogue] = load_catalogue()
        except InputError:
            self.catalogue = None

    def field_label(self, code: Optional[str]) -> str:
        """The label of a safety field."""
        if code in SAFETY_FIELDS:
            return tr(SAFETY_FIELDS[code][1])
        return str(code or tr("unknown"))

    def category_label(self, code: Optional[str]) -> str:
        """The label of a category (from the GeoPackage, else the default catalogue)."""
        if code in self.category_labels:
            return f"{code} {self.category_labels[code]}"
        if code in CATEGORY_BY_CODE:
            c = CATEGORY_BY_CODE[code]
            return f"{code} {c.label_nl if self.fmt.dutch else c.label_en}"
        return str(code)

    def location(self) -> str:
        """The buurten the area lies in (largest share first) and the municipality."""
        buurten = [b for b in self.result.geography.get("buurten", []) if (b.get("share_area") or 0) > 0]
        names = []
        for b in buurten:
            name = b.get("name") or b.get("code") or ""
            if name and name not in names:
                names.append(name)
        municipality = self.municipality.split(" (")[0]
        parts = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
        if parts and municipality:
            return f"{parts}, {municipality}"
        return parts or municipality

    def reference_name(self) -> str:
        """What the area is compared with (the scan's reference: the municipality, the buurten
        together or a custom area)."""
        if self.result.parameters.reference_mode is None:
            return tr("no reference area")
        if self.record.parameters.reference:
            return tr("the reference area")
        saved = str(self.record.parameters.reference_name or "").strip()
        if saved and saved not in self.gemeente_names:
            return saved
        municipality = saved or self.municipality.split(" (")[0]
        if not saved and not self.gemeente_names:  # the scan's default: the union of the buurten
            return tr("the buurten together")
        if municipality:
            return tr("the municipality of {name}").format(name=municipality)
        return tr("the municipality")

    def period_text(self) -> str:
        return self.fmt.period(self.result.parameters.period)

    def comparison_text(self) -> str:
        return self.fmt.period(self.result.parameters.comparison)

    def alpha(self) -> float:
        """The significance level the scan used (0.05 when it saved none)."""
        alpha = self.result.parameters.alpha
        return 0.05 if alpha is None else alpha

    def findings(self) -> List[Finding]:
        """The advice's findings: key findings first (by score), then by priority (stable); the
        numbers of appendix B, the conclusions and the measures follow this order. The key findings
        are those of the report's own threshold: a key finding whose figures it withholds is not key
        here, and the next one by score takes its place (core.advice_rules.keys_at)."""
        return sorted(
            keys_at(self.advice.findings, self.finding_states(), self.fmt.threshold),
            key=lambda f: (not f.key, int(f.priority or 2), -(f.score or 0.0)),
        )

    def finding_states(self) -> Dict[str, Any]:
        """How the report's tables publish each group's counts, at the report's threshold."""
        states = getattr(self, "_finding_states", None)
        if states is None:
            states = self._finding_states = published_states(self.result, self.fmt.threshold)
        return states

    def measures(self) -> List[ChosenMeasure]:
        return self.advice.sorted_measures()

    def render_finding(self, finding: Finding) -> str:
        """A finding as printed: its figures re-checked at the report's own threshold (the scan may
        have drafted it at a lower one): a figure the report's tables hide is withheld."""
        states = self.finding_states()
        return render(withhold_at(finding, states, self.fmt.threshold), tr, self.fmt.decimal, self.fmt.threshold)

    def measure_title(self, m: ChosenMeasure) -> str:
        return m.title(self.catalogue, self.fmt.lang)

    def owner_label(self, owner: str) -> str:
        if self.catalogue is not None and owner in self.catalogue.owners:
            return str(self.catalogue.owners[owner].get(self.fmt.lang) or owner)
        return owner or "–"

    def total(self) -> Dict[str, Any]:
        return self.result.group("total") or {}

    #: The counts of a group the disclosure rule protects: (part of the group, key).
    COUNT_COLUMNS = (("area", "n"), ("area", "n_comparison"), ("ring", "n"))

    def count_states(self, group: Dict[str, Any]) -> Tuple[str, str, str]:
        """How the area's period, comparison and ring counts of *group* are published (shown, "<5"
        or "x"): the safety fields are protected beside all incidents, as the results table shows
        them, so every page prints a field's count the same way."""
        cache = getattr(self, "_count_states", None)
        if cache is None:
            cache = {}
            fields = self.result.groups_of("field")
            total = self.total()
            states = dc.protect_parts(
                [(total.get(part) or {}).get(key) for part, key in self.COUNT_COLUMNS],
                [[(g.get(part) or {}).get(key) for part, key in self.COUNT_COLUMNS] for g in fields],
                self.fmt.threshold,
            )
            for g, state in zip(fields, states):
                cache[g.get("key")] = state
            self._count_states = cache
        key = group.get("key")
        if key in cache:
            return cache[key]
        return tuple(  # type: ignore[return-value]
            dc.SMALL if self.fmt.small((group.get(part) or {}).get(key)) else dc.SHOWN
            for part, key in self.COUNT_COLUMNS
        )

    def change_phrase(self, group: Dict[str, Any]) -> str:
        """A sentence part about the change in the area against the comparison period."""
        area = group.get("area") or {}
        n, n_c = int(area.get("n", 0)), int(area.get("n_comparison", 0))
        ch = (group.get("change") or {}).get("area") or {}
        state, state_c, _ring = self.count_states(group)
        if not self.fmt.shown(n, state) or not self.fmt.shown(n_c, state_c):
            return tr("the change is not given because of the small numbers")
        if n_c == 0:
            return (
                tr("no incidents in the comparison period") if n == 0 else tr("none in the comparison period")
            )
        pct = ch.get("change_pct")
        if pct is None:
            return tr("the change cannot be computed")
        amount = format_number(abs(pct), 0, self.fmt.decimal, group=True) + "%"
        if ch.get("significant"):
            return (
                tr("a significant increase of {change}")
                if pct > 0
                else tr("a significant decrease of {change}")
            ).format(change=amount)
        return tr("a change of {change} that is not significant").format(
            change=("+" if pct > 0 else "−" if pct < 0 else "") + amount
        )

    def reference_phrase(self, group: Dict[str, Any]) -> str:
        """A sentence about the rate against the reference area ('' when not available)."""
        n = int((group.get("area") or {}).get("n", 0))
        vs = group.get("vs_reference") or {}
        inhabitants = (self.result.geography.get("inhabitants") or {}).get("area") or 0
        basis = "per_1000" if inhabitants >= 100 and vs.get("per_1000") else "per_km2"
        v = vs.get(basis)
        if not v or v.get("ratio") is None or n == 0 or not self.fmt.shown(n, self.count_states(group)[0]):
            return ""
        template = (
            tr("Per 1,000 inhabitants that is {ratio} times the rate of {reference} ({significance}).")
            if basis == "per_1000"
            else tr("Per km² that is {ratio} times the rate of {reference} ({significance}).")
        )
        significance = tr("significant") if v.get("significant") else tr("not significant")
        return template.format(
            ratio=self.fmt.num(v["ratio"], 1), reference=self.reference_name(), significance=significance
        )
