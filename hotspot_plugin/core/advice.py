"""The advice ("advies ruimtelijke veiligheid") of a scan: findings and chosen measures, editable (pure core).

:func:`draft_findings` (:mod:`.advice_rules`) turns a :class:`~hotspot_plugin.core.scan.ScanResult`
into draft findings by explicit rules -- the rule table (findings v2: each group compared with a
reference for the same group by an exact test, false discoveries controlled over all tests of a
scan by Benjamini-Hochberg, one finding per safety field, a score = effect size x certainty x harm
weight that picks at most 7 key findings) is the docstring of :mod:`.advice_rules`, the single
description the report's method appendix follows; each finding proposes measures from the measures catalogue
(:mod:`.advice_catalogue`, ``resources/catalogues/measures.json``). :class:`Advice` holds the
findings and the chosen measures, which the user edits, extends and prioritises; it is stored as
JSON in the scan record (``scans.advice``). :func:`merge_advice` keeps the user's edits when a
scan runs again. :func:`render` (:mod:`.advice_text`) writes a finding as a sentence.

The names of those modules are re-exported here, so ``from hotspot_plugin.core.advice import ...``
keeps working.
"""

from __future__ import annotations

import copy
import datetime
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from .advice_catalogue import (
    CATALOGUE_FORMAT,
    TRIGGERS,
    Catalogue,
    Measure,
    as_catalogue,
    default_catalogue_path,
    load_catalogue,
    validate_catalogue,
)
from .advice_rules import (
    CHANGE_MIN,
    EVENING_NIGHT_RATIO,
    EVENING_NIGHT_SHARE,
    HOTSPOT_CONCENTRATION,
    HOTSPOT_SHARE_MIN,
    KEY_MAX,
    MIN_COUNT,
    MIN_INHABITANTS,
    NEAR_DISTANCE,
    REFERENCE_RATIO_HIGH,
    REFERENCE_RATIO_MIN,
    RULES,
    Finding,
    draft_findings,
    keys_at,
    supporting_findings,
    withhold_at,
)
from .advice_text import CHECKLIST_GROUP_LABELS, Translate, format_number, render
from .errors import InputError
from .i18n import N_

if TYPE_CHECKING:  # core.scan_record imports this module
    from .scan_record import DraftedAdvice

ADVICE_FORMAT = "hotspot-advice/1"


@dataclass
class ChosenMeasure:
    """A measure in the advice: from the catalogue (``measure_id``) or free text (``text``)."""

    measure_id: Optional[str] = None
    text: str = ""
    priority: int = 2
    owner: str = ""
    due_date: Optional[str] = None
    finding_ids: List[str] = field(default_factory=list)
    note: str = ""

    def title(self, catalogue: Optional[Catalogue] = None, lang: str = "nl") -> str:
        """The text to show: the free text if given, else the catalogue title, else the id."""
        if self.text:
            return self.text
        if catalogue is not None and self.measure_id in catalogue.measures:
            return catalogue.measures[self.measure_id].title(lang)
        return self.measure_id or ""


def _check_priority(priority: Any) -> int:
    if not isinstance(priority, int) or isinstance(priority, bool) or priority not in (1, 2, 3):
        raise InputError(
            N_("A priority must be 1 (high), 2 (medium) or 3 (low), not {priority}."), priority=priority
        )
    return priority


def _check_date(value: Optional[str]) -> Optional[str]:
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(
            N_("The due date {date} is not a date; write it as YYYY-MM-DD."), date=value
        ) from None


@dataclass
class Advice:
    """Findings and chosen measures of a scan's advice; edited by the user, stored as JSON."""

    findings: List[Finding] = field(default_factory=list)
    measures: List[ChosenMeasure] = field(default_factory=list)
    format: str = ADVICE_FORMAT

    @classmethod
    def draft(
        cls, findings: Sequence[Finding], catalogue: Union[Catalogue, Mapping[str, Any], None] = None
    ) -> "Advice":
        """A first advice: every proposed measure once, linked to the findings that propose it,
        with the highest (lowest number) of their priorities and the measure's first owner."""
        cat = as_catalogue(catalogue)
        chosen: Dict[str, ChosenMeasure] = {}
        for f in findings:
            for mid in f.measures:
                m = chosen.get(mid)
                if m is None:
                    owners = cat.measures[mid].owners if mid in cat.measures else ()
                    chosen[mid] = ChosenMeasure(
                        measure_id=mid,
                        priority=f.priority,
                        owner=owners[0] if owners else "",
                        finding_ids=[f.id],
                    )
                else:
                    m.priority = min(m.priority, f.priority)
                    m.finding_ids.append(f.id)
        advice = cls(findings=[copy.deepcopy(f) for f in findings], measures=list(chosen.values()))
        advice.measures.sort(key=lambda m: m.priority)
        return advice

    def finding(self, finding_id: str) -> Optional[Finding]:
        """The finding with this id, or None."""
        return next((f for f in self.findings if f.id == finding_id), None)

    def add_finding(self, text: str, safety_field: Optional[str] = None, priority: int = 2) -> Finding:
        """Add a finding in the user's own words; returns it (id ``user:<n>``)."""
        if not str(text).strip():
            raise InputError(N_("A finding needs a text."))
        n = 1 + max(
            [
                int(f.id.split(":")[1])
                for f in self.findings
                if f.rule == "user" and f.id.split(":")[1].isdigit()
            ]
            or [0]
        )
        f = Finding(
            id=f"user:{n}",
            rule="user",
            safety_field=safety_field,
            category=None,
            template=str(text).strip(),
            params={},
            priority=_check_priority(priority),
        )
        self.findings.append(f)
        return f

    def remove_finding(self, finding_id: str) -> None:
        """Remove a finding and its links from the measures."""
        self.findings = [f for f in self.findings if f.id != finding_id]
        for m in self.measures:
            m.finding_ids = [i for i in m.finding_ids if i != finding_id]

    def add_measure(
        self,
        measure_id: Optional[str] = None,
        text: str = "",
        priority: int = 2,
        owner: str = "",
        due_date: Optional[str] = None,
        finding_ids: Sequence[str] = (),
        note: str = "",
        catalogue: Optional[Catalogue] = None,
    ) -> ChosenMeasure:
        """Add a measure (a catalogue id or free text); checked: priority 1-3, a date, known
        finding ids, and the id against *catalogue* when given."""
        if not measure_id and not str(text).strip():
            raise InputError(N_("Choose a measure from the catalogue or describe your own."))
        if measure_id and catalogue is not None and measure_id not in catalogue.measures:
            raise InputError(N_("The measure {id} is not in the measures catalogue."), id=measure_id)
        unknown = [i for i in finding_ids if self.finding(i) is None]
        if unknown:
            raise InputError(N_("The measure refers to unknown findings: {ids}."), ids=", ".join(unknown))
        m = ChosenMeasure(
            measure_id=measure_id or None,
            text=str(text).strip(),
            priority=_check_priority(priority),
            owner=str(owner or ""),
            due_date=_check_date(due_date),
            finding_ids=list(finding_ids),
            note=str(note or ""),
        )
        self.measures.append(m)
        return m

    def remove_measure(self, index: int) -> None:
        """Remove the measure at *index*."""
        del self.measures[index]

    def set_priority(self, index: int, priority: int) -> None:
        """Change the priority (1-3) of the measure at *index*."""
        self.measures[index].priority = _check_priority(priority)

    def move_measure(self, index: int, new_index: int) -> None:
        """Move a measure within the list (the order within one priority)."""
        m = self.measures.pop(index)
        self.measures.insert(new_index, m)

    def sorted_measures(self) -> List[ChosenMeasure]:
        """The measures by priority (1 first), keeping the user's order within a priority."""
        return sorted(self.measures, key=lambda m: m.priority)

    def measures_for(self, finding_id: str) -> List[ChosenMeasure]:
        """The measures linked to a finding."""
        return [m for m in self.measures if finding_id in m.finding_ids]

    def to_json(self) -> Dict[str, Any]:
        """Plain dict for the scan record."""
        return {
            "format": self.format,
            "findings": [f.to_json() for f in self.findings],
            "measures": [copy.deepcopy(asdict(m)) for m in self.measures],
        }

    @classmethod
    def from_json(cls, data: Union[str, bytes, Mapping[str, Any]]) -> "Advice":
        """From :meth:`to_json` output or its JSON text."""
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except ValueError as exc:
                raise InputError(N_("The stored advice is not valid JSON: {error}"), error=str(exc)) from exc
        if not isinstance(data, Mapping) or data.get("format") != ADVICE_FORMAT:
            raise InputError(
                N_("The stored advice has an unknown format; expected {expected}."), expected=ADVICE_FORMAT
            )
        measures = []
        for m in data.get("measures") or []:
            measures.append(
                ChosenMeasure(
                    measure_id=m.get("measure_id"),
                    text=m.get("text") or "",
                    priority=_check_priority(m.get("priority", 2)),
                    owner=m.get("owner") or "",
                    due_date=_check_date(m.get("due_date")),
                    finding_ids=list(m.get("finding_ids") or []),
                    note=m.get("note") or "",
                )
            )
        return cls(findings=[Finding.from_json(f) for f in data.get("findings") or []], measures=measures)


def merge_advice(
    old: Optional[Advice], drafted: Advice, drafted_before: Optional["DraftedAdvice"]
) -> Tuple[Advice, List[str]]:
    """The advice of a re-run: the new draft, keeping the user's edits that still apply.

    * Findings: the drafted findings are drafted anew from the new results, except those the
      user removed from the previous draft (drafted then, absent from the saved advice); the
      user's own findings (rule "user") are kept as they are, and a drafted finding the user
      rewrote (rule "user" with the drafted finding's id) replaces the new draft of that finding.
    * Measures: every saved measure is kept with the user's edits (text, priority, owner, due
      date, note, order) when it is linked to a finding that is still there, or to no finding
      at all (added by the user on its own); its links are pruned to the findings still there.
      Measures whose findings have all gone are dropped.
    * Newly proposed measures are added unless the user removed that measure from the previous
      draft; a proposal that is already among the kept measures only adds its finding links.

    *old*: the saved advice (None: none); *drafted_before*: what the previous run drafted (the
    record's ``parameters.advice_drafted``). *old* is not changed.

    Returns the advice and the ids of the measures that were dropped.
    """
    if old is None:
        return drafted, []
    previous = copy.deepcopy(old)
    before_findings = set(drafted_before.findings if drafted_before is not None else [])
    before_measures = set(drafted_before.measures if drafted_before is not None else [])
    saved_finding_ids = {f.id for f in previous.findings}
    removed_findings = before_findings - saved_finding_ids
    users = {f.id: f for f in previous.findings if f.rule == "user"}
    # a drafted finding the user rewrote keeps its id: the user's words replace the new draft
    findings = [users.pop(f.id, f) for f in drafted.findings if f.id not in removed_findings]
    findings += [f for f in previous.findings if f.id in users]
    ids = {f.id for f in findings}
    measures = []
    dropped = []
    by_id: Dict[str, Any] = {}
    for m in previous.measures:
        links = [i for i in m.finding_ids if i in ids]
        if m.finding_ids and not links:
            dropped.append(m.measure_id or m.text)
            continue
        m.finding_ids = links
        measures.append(m)
        if m.measure_id:
            by_id.setdefault(m.measure_id, m)
    saved_measure_ids = {m.measure_id for m in previous.measures if m.measure_id}
    removed_measures = before_measures - saved_measure_ids
    for m in drafted.measures:
        links = [i for i in m.finding_ids if i in ids]
        if not links:
            continue
        if m.measure_id in by_id:
            target = by_id[m.measure_id]
            target.finding_ids += [i for i in links if i not in target.finding_ids]
        elif m.measure_id in removed_measures:
            continue
        else:
            m.finding_ids = links
            measures.append(m)
            if m.measure_id:
                by_id[m.measure_id] = m
    return Advice(findings=findings, measures=measures), dropped


__all__ = [
    "Measure",
    "Catalogue",
    "Finding",
    "ChosenMeasure",
    "Advice",
    "draft_findings",
    "merge_advice",
    "render",
    "load_catalogue",
    "validate_catalogue",
    "default_catalogue_path",
    "format_number",
    "RULES",
    "TRIGGERS",
    "CHECKLIST_GROUP_LABELS",
    "CATALOGUE_FORMAT",
    "ADVICE_FORMAT",
    "Translate",
    "MIN_COUNT",
    "REFERENCE_RATIO_MIN",
    "REFERENCE_RATIO_HIGH",
    "CHANGE_MIN",
    "EVENING_NIGHT_SHARE",
    "EVENING_NIGHT_RATIO",
    "KEY_MAX",
    "supporting_findings",
    "withhold_at",
    "keys_at",
    "HOTSPOT_SHARE_MIN",
    "HOTSPOT_CONCENTRATION",
    "NEAR_DISTANCE",
    "MIN_INHABITANTS",
]
