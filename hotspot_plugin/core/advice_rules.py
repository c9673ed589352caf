"""The rules that draft the findings of the advice from a scan, and the measures they propose (pure core).

:func:`draft_findings` turns a :class:`~hotspot_plugin.core.scan.ScanResult` into draft findings
by the explicit rules below; each finding proposes measures from the measures catalogue
(``resources/catalogues/measures.json``, :func:`load_catalogue`). :class:`Advice` holds the
findings and the chosen measures, which the user edits, extends and prioritises; it is stored
as JSON in the scan record (``scans.advice``). This table is the one description of the rules;
the report's method appendix says the same in words.

Tests (findings v2): every group compared with a reference for the same group
------------------------------------------------------------------------------
The group rules look at every safety-field group and every category group of the scan (not at the
"total" group); n is the group's count in the scan area in the period. A test is made when the
group has n >= 10 [MIN_COUNT] (change: n + n_comparison >= 10) and the reference figure exists.

=====================  ========================================  ==========================  ===============
rule                   estimate (the ONE figure printed)          reference (same group)      exact test
=====================  ========================================  ==========================  ===============
reference_high         rate of the area, and the rate ratio RR   rate of the whole reference  binomial (the
                       with its exact interval; basis per field:  area (the municipality,      scan's test,
                       per 1,000 inhabitants for woon_leef-      including this area)         core.scan_stats)
                       omgeving, jeugd, integriteit (people
                       live there), per km² for bedrijvigheid
                       and fysiek [BASIS_PER_KM2_FIELDS] and
                       when the area has < 100 inhabitants
change_up /            the count and the ratio to the            the same area in the         conditional
change_down            comparison period, exact interval         comparison period            binomial
evening_night          share between 19:00 and 07:00 with its    that share in the rest of    Fisher's exact
                       Clopper-Pearson interval                  the reference area (the      test of the 2x2
                                                                 municipality without this    table area/rest x
                                                                 area)                        late/day
hotspot_concentration  share of the incidents in hotspot zones   that share among the other   Fisher's exact
                       with its Clopper-Pearson interval (and    incidents of the scan area   test (group/other
                       the zones' share of the surface)          (not the zones' surface:     x in/out zones)
                                                                 see below)
=====================  ========================================  ==========================  ===============

The time of day of the evening_night test is an incident's begin time, or the middle of its crime
window when that is shorter than 12 hours; incidents without a time or with a longer window are left
out (core.scan_reference). The hotspot zones are the densest cells of the same incidents, so
their share of the surface is no fair reference (a uniform town still puts about twice that share
of its incidents in them); a group is therefore compared with the other incidents of the area,
which share that selection. Two-sided p-values; Fisher's test as R computes it (core.exact_tests).

**False discoveries** are controlled over ALL tests of one scan together (every rule, every group)
with Benjamini-Hochberg at q = the scan's significance level alpha (default 0.05;
core.fdr.fdr_bh; q-values by core.fdr.bh_adjusted). A test drafts a finding when its q-value
< alpha, the difference lies in the rule's direction and the effect is at least the rule's
minimum: ratio >= 1.25 [REFERENCE_RATIO_MIN] for reference_high, change ratio >= 1.25 (1 +
[CHANGE_MIN]) for change_up and <= 0.75 for change_down, share ratio >= 1.25 [EVENING_NIGHT_RATIO]
for evening_night and >= 1.5 [HOTSPOT_CONCENTRATION] for hotspot_concentration.

**One finding per safety field.** The fired tests of a field and of its categories form ONE
finding (id ``field:<code>``; categories without a field: ``field:other``) whose text is its
strongest evidence (highest score); the other tests are kept as its supporting lines. When that
evidence is one of the field's categories, the text names the field first ("Business and safety
– Openlijk geweld (persoon): ...", core.advice_text.T_FIELD_FIRST), wherever it is shown.

**Score** = effect size x certainty x harm weight, for every fired test:

* effect size e = |ln(estimate / reference)| (ln RR; ln of the change ratio; ln of the share over
  the reference share);
* certainty c = min(1, log10(1/q) / 3): 0.43 at q = 0.05, 0.67 at q = 0.01, 1 at q <= 0.001;
* harm weight h = the mean harm weight of the group's incidents in the area in the period (the
  incidents' weight, which the import sets to the category's default harm weight of the categories
  table, core.categories: e.g. 1 bicycle theft, 3 burglary of a dwelling, 4 public violence, 10
  murder); 1 when unknown.

**Key findings**: the grouped findings whose strongest evidence is a test that passed (change_down
excluded: it is good news) and whose figures may be published (below), ranked by score; at most 7
[KEY_MAX]. They get priority 1 and open the conclusions with their one figure; every finding, key
or not, is listed in the report's appendix B.

**Disclosure.** A finding prints its counts and shares exactly as the tables publish them
(core.finding_disclosure): when the group's count is "<5" or "x" in the tables, or a share would
give a small count back, its figures are withheld and it is not key.

**At the report's threshold.** A report may use a higher small-count threshold than the scan; it
checks every finding again at its own threshold (:func:`withhold_at`) and its key findings with it
(:func:`keys_at`): a key finding whose figures the report withholds is not key in that report (it
stays in appendix B, without its figures), and the next finding by score that may be key and whose
figures the report publishes takes its place, still at most 7. Only withheld key findings free a
place; the user's own text is not checked again. The saved advice is not changed.

Other rules (no test, never key)
--------------------------------
=====================  ==========================================================  ========
risk_near_hotspot      per kind of risk object (all kinds but protective ones:     2
                       camera, lantaarnpaal [PROTECTIVE_KINDS]): at least one
                       object of that kind in the area or the ring at a distance
                       <= 50 m [NEAR_DISTANCE] of a hotspot zone (0 inside).
schouw_red             per checklist group: at least one open red (rood) schouw    1
                       finding in the area.
=====================  ==========================================================  ========

Priorities: key findings 1, other field findings 2 (3 when only change_down fired).

Measures proposed per finding (at most 4 [MAX_MEASURES]): a measure qualifies when one of the
finding's rules is in its ``triggers`` and

* group findings: the measure names one of the finding's categories -- a category finding's own
  category; for a field finding the field's categories present in the area, the most frequent
  first -- or it names no categories and lists the finding's safety field. Measures naming a
  category come first (by that category's rank, then catalogue order), then the others in
  catalogue order; a grouped finding takes the proposals of its evidence, strongest first;
* risk_near_hotspot: the kind is in the measure's ``risk_kinds``;
* schouw_red: the checklist group is in the measure's ``checklist_groups``. A checklist item
  belongs to the group with the longest matching prefix in the catalogue's
  ``checklist_groups`` (lower case), else to "overig".

Findings are sorted: key findings by score, then the other field findings by score, then
schouw_red, risk_near_hotspot. Texts are English templates marked with ``N_()`` with
``{placeholders}``; :func:`render` translates and fills them (Dutch number style with
``decimal=","``).
"""

from __future__ import annotations

import copy
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from .advice_catalogue import Catalogue, as_catalogue
from .categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from .exact_tests import fisher_exact
from .fdr import bh_adjusted, fdr_bh
from .finding_disclosure import figures_withheld, published_states
from .i18n import N_
from .scan_stats import clopper_pearson
from .scan_types import ScanResult

# ---- rule thresholds (see the module docstring) ----------------------------------------------
MIN_COUNT = 10
MIN_INHABITANTS = 100.0
BASIS_PER_KM2_FIELDS = frozenset({"bedrijvigheid", "fysiek"})
REFERENCE_RATIO_MIN = 1.25
REFERENCE_RATIO_HIGH = 2.0  # kept for saved advices and callers; v2 ranks by score
CHANGE_MIN = 0.25
EVENING_NIGHT_RATIO = 1.25
EVENING_NIGHT_SHARE = 0.60  # the v1 threshold, kept for callers; v2 compares with the reference
HOTSPOT_SHARE_MIN = 0.50  # v1, kept for callers
HOTSPOT_CONCENTRATION = 1.5
NEAR_DISTANCE = 50.0
PROTECTIVE_KINDS = frozenset({"camera", "lantaarnpaal"})
MAX_MEASURES = 4
DOMINANT_SHARE = 0.80  # v1, kept for callers
KEY_MAX = 7
#: certainty reaches 1 at q = 10 ** -CERTAINTY_DIGITS
CERTAINTY_DIGITS = 3.0

RULES: Tuple[str, ...] = (
    "schouw_red",
    "reference_high_change_up",
    "reference_high",
    "change_up",
    "evening_night",
    "hotspot_concentration",
    "risk_near_hotspot",
    "change_down",
)
#: The rules decided by a test (in the FDR family).
TESTED_RULES: Tuple[str, ...] = ("reference_high", "change_up", "change_down", "evening_night", "hotspot_concentration")
_RULE_TRIGGERS: Dict[str, Tuple[str, ...]] = {"reference_high_change_up": ("reference_high", "change_up")}

# ---- finding texts --------------------------------------------------------------------------
T_REFERENCE_RATE_1000 = N_(
    "{label}: {rate} incidents per 1,000 inhabitants against {reference_rate} in the whole reference "
    "area, {ratio} times as many ({level}% interval {ci_low}-{ci_high})"
)
T_REFERENCE_RATE_KM2 = N_(
    "{label}: {rate} incidents per km² against {reference_rate} in the whole reference area, "
    "{ratio} times as many ({level}% interval {ci_low}-{ci_high})"
)
T_REFERENCE_ALL_CI_1000 = N_(
    "{label}: all {n} incidents of the reference area in this period lay in this area, {ratio} times "
    "its rate per 1,000 inhabitants ({level}% interval {ci_low}-{ci_high})"
)
T_REFERENCE_ALL_CI_KM2 = N_(
    "{label}: all {n} incidents of the reference area in this period lay in this area, {ratio} times "
    "its rate per km² ({level}% interval {ci_low}-{ci_high})"
)
T_CHANGE_UP_CI = N_(
    "{label}: {n} incidents against {n_comparison} in the comparison period, {ratio} times as many "
    "({level}% interval {ci_low}-{ci_high})"
)
T_CHANGE_DOWN_CI = N_(
    "{label}: {n} incidents against {n_comparison} in the comparison period, {ratio} times as many, "
    "a decrease ({level}% interval {ci_low}-{ci_high})"
)
T_EVENING_NIGHT_REF = N_(
    "{label}: {share} of the incidents in the evening or at night, 19:00-07:00 ({level}% interval "
    "{share_low}-{share_high}), against {reference_share} in the rest of the reference area"
)
T_HOTSPOT_REF = N_(
    "{label}: {share} of the incidents in hotspot zones ({level}% interval {share_low}-{share_high}), "
    "against {reference_share} of the other incidents in the area (the zones cover {area_share} of it)"
)
T_WITHHELD = N_(
    "{label}: a significant difference ({test}); its figures are not published because they rest on "
    "a small count"
)
#: The tests by name, for T_WITHHELD.
TEST_NAMES: Dict[str, str] = {
    "reference_high": N_("rate against the reference area"),
    "change_up": N_("increase against the comparison period"),
    "change_down": N_("decrease against the comparison period"),
    "evening_night": N_("evening and night against the rest of the reference area"),
    "hotspot_concentration": N_("concentration in hotspot zones"),
}
# The texts of findings v1 (advices saved before 0.3 still show them, translated).
T_REFERENCE_1000 = N_(
    "{label}: {ratio}x the municipal average per 1,000 inhabitants " "(95% interval {ci_low}-{ci_high})"
)
T_REFERENCE_KM2 = N_("{label}: {ratio}x the municipal average per km² (95% interval {ci_low}-{ci_high})")
#: When every incident of the group in the municipality lies in the scan area (nested reference),
#: the estimate is the interval's upper end by construction: say so plainly, without the interval.
T_REFERENCE_ALL_1000 = N_(
    "{label}: all {n} incidents of the municipality in this period lay in this area "
    "({ratio}x the municipal average per 1,000 inhabitants)"
)
T_REFERENCE_ALL_KM2 = N_(
    "{label}: all {n} incidents of the municipality in this period lay in this area "
    "({ratio}x the municipal average per km²)"
)
T_REFERENCE_UP_1000 = N_(
    "{label}: {ratio}x the municipal average per 1,000 inhabitants, significantly "
    "increased ({change}; {n} against {n_comparison})"
)
T_REFERENCE_UP_KM2 = N_(
    "{label}: {ratio}x the municipal average per km², significantly increased "
    "({change}; {n} against {n_comparison})"
)
T_CHANGE_UP = N_(
    "{label}: significantly increased ({change}; {n} against {n_comparison} in the " "comparison period)"
)
T_CHANGE_DOWN = N_(
    "{label}: significantly decreased ({change}; {n} against {n_comparison} in the " "comparison period)"
)
T_EVENING_NIGHT = N_("{label}: {share} of the incidents happen in the evening or at night (19:00-07:00)")
T_HOTSPOT = N_("{label}: {share} of the incidents lie in hotspot zones that cover {area_share} of the area")
T_RISK_NEAR = N_("{kind}: {count} within {distance} m of a hotspot zone ({names})")
T_SCHOUW_RED = N_("Inspection: open red findings about {group} ({count})")


@dataclass
class Finding:
    """A drafted (or user-written) finding.

    ``template`` is an English ``N_()`` text with ``{placeholders}`` filled from ``params`` by
    :func:`render`; for ``rule == "user"`` it is the user's own text, shown as is.
    ``priority``: 1 high, 2 medium, 3 low. ``evidence``: the numbers behind it (for a tested
    finding: estimate, interval, reference, p and q). ``key``: one of the at most 7 key findings
    of the conclusions; ``score``: effect size x certainty x harm weight (None: no test);
    ``supporting``: the other evidence of a grouped finding, each a dict with ``rule``, ``group``,
    ``template``, ``params``, ``evidence`` and ``score`` (render with :func:`supporting_findings`).
    """

    id: str
    rule: str
    safety_field: Optional[str]
    category: Optional[str]
    template: str
    params: Dict[str, Any]
    priority: int
    evidence: Dict[str, Any] = field(default_factory=dict)
    measures: List[str] = field(default_factory=list)
    group: Optional[str] = None
    key: bool = False
    score: Optional[float] = None
    supporting: List[Dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> Dict[str, Any]:
        """Plain dict (``key``, ``score`` and ``supporting`` only when set, so findings v1 round-trip
        as they were saved)."""
        out = copy.deepcopy(asdict(self))
        for name, default in (("key", False), ("score", None), ("supporting", [])):
            if out[name] == default:
                del out[name]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Finding":
        """From :meth:`to_json` output."""
        return cls(
            **{
                k: copy.deepcopy(data.get(k))
                for k in ("id", "rule", "safety_field", "category", "template", "params", "priority")
            },
            evidence=copy.deepcopy(dict(data.get("evidence") or {})),
            measures=list(data.get("measures") or []),
            group=data.get("group"),
            key=bool(data.get("key", False)),
            score=data.get("score"),
            supporting=copy.deepcopy(list(data.get("supporting") or [])),
        )


def supporting_findings(finding: "Finding") -> List["Finding"]:
    """The supporting lines of a grouped finding as findings (to render them)."""
    out = []
    for k, s in enumerate(finding.supporting):
        out.append(
            Finding(
                id=str(s.get("id") or f"{finding.id}:{k}"),
                rule=str(s.get("rule") or ""),
                safety_field=finding.safety_field,
                category=s.get("category"),
                template=str(s.get("template") or ""),
                params=dict(s.get("params") or {}),
                priority=finding.priority,
                evidence=dict(s.get("evidence") or {}),
                group=s.get("group"),
                score=s.get("score"),
            )
        )
    return out



def withhold_at(finding: "Finding", states: Mapping[str, Any], threshold: int) -> "Finding":
    """*finding* as published at *threshold*: without its figures (:data:`T_WITHHELD`) when they would
    print a count the tables hide at that threshold, or a share, rate or ratio derived from one
    (:func:`.finding_disclosure.figures_withheld`; *states* from
    :func:`.finding_disclosure.published_states` at the same threshold). A report run with a higher
    threshold than the scan's re-checks each finding this way; a finding drafted without figures,
    and one that is not about a group's counts, is returned as it is."""
    if finding.rule not in TEST_NAMES or finding.group is None or finding.template == T_WITHHELD:
        return finding
    if not figures_withheld(finding.rule, finding.group, finding.evidence, states, threshold):
        return finding
    out = copy.copy(finding)
    out.template = T_WITHHELD
    out.params = {"label": finding.params.get("label", ""), "test": TEST_NAMES[finding.rule]}
    return out


def _may_be_key(finding: "Finding") -> bool:
    """A grouped finding whose strongest evidence is a test that passed (not change_down) with its figures."""
    return (
        finding.id.startswith("field:")
        and finding.rule in TESTED_RULES
        and finding.rule != "change_down"
        and finding.score is not None
        and finding.template != T_WITHHELD
    )


def keys_at(findings: Sequence["Finding"], states: Mapping[str, Any], threshold: int) -> List["Finding"]:
    """*findings* with the key findings of a report at *threshold* (see "Key findings" in the module
    docstring): a key finding whose figures :func:`withhold_at` withholds at that threshold is not key
    there, and as many findings as lost their place are filled from the others that may be key and
    whose figures are published at it, by score (at most :data:`KEY_MAX` in all). Nothing moves up
    when no key finding is withheld (a key finding the user removed leaves its place empty); the
    user's own text is not re-checked. Every finding is kept (appendix B lists them all); a finding
    whose flag changes is a copy, the advice itself is not changed."""
    out = list(findings)

    def published(f: "Finding") -> bool:
        return withhold_at(f, states, threshold).template != T_WITHHELD

    demoted = [k for k, f in enumerate(out) if f.key and f.rule != "user" and not published(f)]
    if not demoted:
        return out
    for k in demoted:
        out[k] = copy.copy(out[k])
        out[k].key = False
    free = min(KEY_MAX, sum(f.key for f in findings)) - sum(f.key for f in out)
    candidates = sorted(
        (k for k, f in enumerate(out) if not f.key and k not in demoted and _may_be_key(f) and published(f)),
        key=lambda k: (-float(out[k].score or 0.0), k),
    )
    for k in candidates[: max(0, free)]:
        out[k] = copy.copy(out[k])
        out[k].key = True
    return out

def _label(kind: str, code: Optional[str], labels: Mapping[str, str]) -> str:
    if code is None:
        return ""
    if code in labels:
        return str(labels[code])
    if kind == "field" and code in SAFETY_FIELDS:
        return SAFETY_FIELDS[code][0]
    if kind == "category" and code in CATEGORY_BY_CODE:
        return CATEGORY_BY_CODE[code].label_nl
    return str(code)


def _basis(group: Mapping[str, Any], inhabitants: Optional[float]) -> str:
    if group.get("safety_field") in BASIS_PER_KM2_FIELDS or not inhabitants or inhabitants < MIN_INHABITANTS:
        return "per_km2"
    return "per_1000"


def _level(alpha: float) -> Any:
    level = round((1.0 - alpha) * 100.0, 6)
    return int(level) if float(level).is_integer() else level


def _share_interval(k: int, n: int, alpha: float) -> Tuple[float, float]:
    lo, hi = clopper_pearson(int(k), int(n), alpha)
    return lo, hi


def _containing(v: Mapping[str, Any]) -> Dict[str, Any]:
    """An exact interval that contains its estimate also in floating point (when all incidents lie in
    the area, the upper end equals the ratio but is computed another way and may differ in the last bit)."""
    out = dict(v)
    ratio = out.get("ratio")
    if ratio is not None:
        if out.get("ci_low") is not None:
            out["ci_low"] = min(out["ci_low"], ratio)
        if out.get("ci_high") is not None:
            out["ci_high"] = max(out["ci_high"], ratio)
    return out


def _group_tests(result: ScanResult, g: Mapping[str, Any], alpha: float) -> List[Dict[str, Any]]:
    """The tests of one group (see the module docstring): rule, p, ratio (estimate / reference),
    direction, params and evidence of each test that can be made."""
    tests: List[Dict[str, Any]] = []
    area = g["area"]
    n, n_c = int(area["n"]), int(area["n_comparison"])
    level = _level(alpha)
    harm = (float(area.get("weight") or 0.0) / n) if n and area.get("weight") else 1.0
    # rate against the reference area
    inhabitants = (result.geography.get("inhabitants") or {}).get("area")
    basis = _basis(g, inhabitants)
    vs = (g.get("vs_reference") or {}).get(basis)
    ref = g.get("reference") or {}
    if n >= MIN_COUNT and vs and vs.get("ratio") is not None and vs.get("p_value") is not None:
        vs = _containing(vs)
        evidence = {
            "n": n,
            "basis": basis,
            "estimate": vs["ratio"],
            "ci_low": vs["ci_low"],
            "ci_high": vs["ci_high"],
            "reference": 1.0,
            "area_rate": area.get(basis),
            "reference_rate": ref.get(basis),
            "n_reference": ref.get("n"),
            "reference_area": "whole reference area (contains the scan area)"
            if result.parameters.reference_mode == "nested"
            else "reference area (outside the scan area)",
        }
        params = {
            "rate": area.get(basis),
            "reference_rate": ref.get(basis),
            "ratio": vs["ratio"],
            "ci_low": vs["ci_low"],
            "ci_high": vs["ci_high"],
            "level": level,
        }
        template = T_REFERENCE_RATE_1000 if basis == "per_1000" else T_REFERENCE_RATE_KM2
        n_ref = ref.get("n")
        if result.parameters.reference_mode == "nested" and n_ref is not None and int(n_ref) == n:
            # every incident of the municipality lies in the area: the ratio is the largest possible
            template = T_REFERENCE_ALL_CI_1000 if basis == "per_1000" else T_REFERENCE_ALL_CI_KM2
            params = {k: params[k] for k in ("ratio", "ci_low", "ci_high", "level")}
            params["n"] = n
        tests.append(
            {
                "rule": "reference_high",
                "p": float(vs["p_value"]),
                "ratio": float(vs["ratio"]),
                "up": vs["ratio"] > 1.0,
                "min_ratio": REFERENCE_RATIO_MIN,
                "template": template,
                "params": params,
                "evidence": evidence,
            }
        )
    # change against the comparison period
    ch = (g.get("change") or {}).get("area") or {}
    if n + n_c >= MIN_COUNT and ch.get("p_value") is not None and ch.get("ratio") is not None:
        ch = _containing(ch)
        up = ch["ratio"] > 1.0
        evidence = {
            "n": n,
            "n_comparison": n_c,
            "estimate": ch["ratio"],
            "ci_low": ch.get("ci_low"),
            "ci_high": ch.get("ci_high"),
            "reference": 1.0,
            "change_pct": ch.get("change_pct"),
        }
        tests.append(
            {
                "rule": "change_up" if up else "change_down",
                "p": float(ch["p_value"]),
                "ratio": float(ch["ratio"]),
                "up": True,  # the direction is in the rule's name
                "min_ratio": 1.0 + CHANGE_MIN if up else 1.0 / (1.0 - CHANGE_MIN),
                "template": T_CHANGE_UP_CI if up else T_CHANGE_DOWN_CI,
                "params": {
                    "n": n,
                    "n_comparison": n_c,
                    "ratio": ch["ratio"],
                    "ci_low": ch.get("ci_low"),
                    "ci_high": ch.get("ci_high"),
                    "level": level,
                },
                "evidence": evidence,
                "effect_ratio": ch["ratio"] if up else (1.0 / ch["ratio"] if ch["ratio"] > 0 else None),
            }
        )
    # evening and night against the rest of the reference area
    en = g.get("evening_night") or {}
    a, rest = en.get("area") or {}, en.get("rest")
    if rest and int(a.get("timed") or 0) >= MIN_COUNT and int(rest.get("timed") or 0) > 0:
        late, timed = int(a["late"]), int(a["timed"])
        r_late, r_timed = int(rest["late"]), int(rest["timed"])
        share, ref_share = late / timed, r_late / r_timed
        lo, hi = _share_interval(late, timed, alpha)
        tests.append(
            {
                "rule": "evening_night",
                "p": fisher_exact(late, timed - late, r_late, r_timed - r_late),
                "ratio": share / ref_share if ref_share > 0 else (math.inf if share > 0 else 1.0),
                "up": share > ref_share,
                "min_ratio": EVENING_NIGHT_RATIO,
                "template": T_EVENING_NIGHT_REF,
                "params": {
                    "share": share,
                    "share_low": lo,
                    "share_high": hi,
                    "reference_share": ref_share,
                    "level": level,
                },
                "evidence": {
                    "n": n,
                    "late": late,
                    "timed": timed,
                    "estimate": share,
                    "ci_low": lo,
                    "ci_high": hi,
                    "reference": ref_share,
                    "reference_late": r_late,
                    "reference_timed": r_timed,
                    "reference_area": "rest of the reference area (without the scan area)",
                },
            }
        )
    # concentration in hotspot zones against the other incidents of the area (the zones are drawn
    # around the densest cells of these same incidents, so their share of the surface is no fair
    # reference: under no difference at all the incidents would still lie in them more often)
    zone_share = float(result.where.get("zone_share_of_area") or 0.0)
    in_zones = result.where.get("incidents_in_zones") or {}
    iz, all_z = in_zones.get(g["key"]) or {}, in_zones.get("total") or {}
    n_all = int(((result.group("total") or {}).get("area") or {}).get("n") or 0)
    if n >= MIN_COUNT and 0.0 < zone_share < 1.0 and iz.get("n") is not None and n_all - n > 0:
        k, k_other, n_other = int(iz["n"]), int(all_z.get("n") or 0) - int(iz["n"]), n_all - n
        lo, hi = _share_interval(k, n, alpha)
        ref_share = k_other / n_other
        tests.append(
            {
                "rule": "hotspot_concentration",
                "p": fisher_exact(k, n - k, k_other, n_other - k_other),
                "ratio": (k / n) / ref_share if ref_share > 0 else (math.inf if k else 1.0),
                "up": k / n > ref_share,
                "min_ratio": HOTSPOT_CONCENTRATION,
                "template": T_HOTSPOT_REF,
                "params": {
                    "share": k / n,
                    "share_low": lo,
                    "share_high": hi,
                    "reference_share": ref_share,
                    "area_share": zone_share,
                    "level": level,
                },
                "evidence": {
                    "n": n,
                    "n_in_zones": k,
                    "estimate": k / n,
                    "ci_low": lo,
                    "ci_high": hi,
                    "reference": ref_share,
                    "reference_in_zones": k_other,
                    "reference_n": n_other,
                    "zone_share_of_area": zone_share,
                    "reference_area": "the other incidents of the scan area",
                },
            }
        )
    for t in tests:
        t["harm"] = harm
        t["group"] = g["key"]
    return tests


def count_tests(result: ScanResult) -> int:
    """The number of tests in the false-discovery family of a scan (all rules, all groups)."""
    alpha = float(result.parameters.alpha if result.parameters.alpha is not None else 0.05)
    return sum(len(_group_tests(result, g, alpha)) for g in result.groups if g["kind"] in ("field", "category"))


def certainty(q: float) -> float:
    """c = min(1, log10(1/q) / 3) (see the module docstring)."""
    if q is None or not math.isfinite(q):
        return 0.0
    if q <= 0:
        return 1.0
    return max(0.0, min(1.0, math.log10(1.0 / q) / CERTAINTY_DIGITS))


def score(ratio: Optional[float], q: float, harm: float) -> Optional[float]:
    """Effect size |ln ratio| x certainty x harm weight (see the module docstring)."""
    if ratio is None or ratio <= 0 or not math.isfinite(ratio):
        effect = math.log(1e3) if ratio is not None and ratio > 0 else None
        if effect is None:
            return None
    else:
        effect = abs(math.log(ratio))
    return effect * certainty(q) * float(harm or 1.0)


def _propose(
    cat: Catalogue,
    rule: str,
    safety_field: Optional[str] = None,
    categories: Sequence[str] = (),
    kind: Optional[str] = None,
    group: Optional[str] = None,
) -> List[str]:
    """Measure ids for a finding (see the module docstring). *categories*: the finding's category,
    or for a field finding the field's categories in the area, most frequent first."""
    triggers = set(_RULE_TRIGGERS.get(rule, (rule,)))
    specific: List[Tuple[int, int, str]] = []
    general: List[str] = []
    for order, m in enumerate(cat.measures.values()):
        if not triggers & set(m.triggers):
            continue
        if rule == "risk_near_hotspot":
            if kind in m.risk_kinds:
                specific.append((0, order, m.id))
        elif rule == "schouw_red":
            if group in m.checklist_groups:
                specific.append((0, order, m.id))
        else:
            ranks = [i for i, c in enumerate(categories) if c in m.categories]
            if ranks:
                specific.append((min(ranks), order, m.id))
            elif safety_field in m.safety_fields and not m.categories:
                general.append(m.id)
    return ([mid for _, _, mid in sorted(specific)] + general)[:MAX_MEASURES]


_SUPPORTING_KEYS = ("id", "rule", "group", "category", "template", "params", "evidence", "score")


def draft_findings(
    result: ScanResult,
    category_labels: Optional[Mapping[str, str]] = None,
    catalogue: Union[Catalogue, Mapping[str, Any], None] = None,
) -> List["Finding"]:
    """Draft findings from a scan by the rules in the module docstring, with proposed measures.

    *category_labels* maps category codes (and optionally safety-field codes) to the labels to
    show, in the report's language; missing ones fall back to the Dutch default labels.
    *catalogue* is a :class:`Catalogue`, its JSON as a dict, or None for the bundled one.
    """
    cat = as_catalogue(catalogue)
    labels = dict(category_labels or {})
    alpha = float(result.parameters.alpha if result.parameters.alpha is not None else 0.05)
    threshold = result.threshold
    states = published_states(result, threshold)
    # the categories of each field in the area, most frequent first (for proposing measures)
    field_cats: Dict[str, List[str]] = {}
    for g in sorted(result.groups_of("category"), key=lambda g: -int(g["area"]["n"])):
        if int(g["area"]["n"]) > 0 and g.get("safety_field"):
            field_cats.setdefault(g["safety_field"], []).append(g["code"])
    # every test of every group: one family for the false discovery rate
    tests: List[Dict[str, Any]] = []
    for g in result.groups:
        if g["kind"] in ("field", "category"):
            for t in _group_tests(result, g, alpha):
                t["g"] = g
                tests.append(t)
    q_values = bh_adjusted(np.array([t["p"] for t in tests], dtype=float)) if tests else np.zeros(0)
    rejected = fdr_bh(np.array([t["p"] for t in tests], dtype=float), alpha) if tests else np.zeros(0, bool)
    by_field: Dict[str, List[Dict[str, Any]]] = {}
    for t, q, rej in zip(tests, q_values.tolist(), rejected.tolist()):
        effect_ratio = t.get("effect_ratio", t["ratio"])
        if not (rej and t["up"] and effect_ratio is not None and effect_ratio >= t["min_ratio"]):
            continue
        g = t["g"]
        category = g["code"] if g["kind"] == "category" else None
        label = _label(g["kind"], g["code"], labels)
        withheld = figures_withheld(t["rule"], g["key"], t["evidence"], states, threshold)
        member = {
            "id": f"{t['rule']}:{g['key']}",
            "rule": t["rule"],
            "group": g["key"],
            "category": category,
            "template": T_WITHHELD if withheld else t["template"],
            "params": {"label": label, "test": TEST_NAMES[t["rule"]]}
            if withheld
            else {"label": label, **t["params"]},
            "evidence": _plain(dict(t["evidence"], p_value=t["p"], q_value=q, harm=t["harm"], withheld=withheld)),
            "score": _plain(score(effect_ratio, q, t["harm"])),
            "eligible": (not withheld) and t["rule"] != "change_down",
            "measures": []
            if t["rule"] == "change_down"
            else _propose(
                cat, t["rule"], g.get("safety_field"), [category] if category else field_cats.get(g["code"], [])
            ),
        }
        by_field.setdefault(g.get("safety_field") or "other", []).append(member)
    grouped: List[Tuple[float, int, Finding]] = []
    for fi, (sfield, members) in enumerate(by_field.items()):
        members.sort(key=lambda m: (not m["eligible"], -(m["score"] or 0.0), m["id"]))
        head, rest = members[0], members[1:]
        proposed: List[str] = []
        for m in members:
            proposed += [mid for mid in m["measures"] if mid not in proposed]
        f = Finding(
            id=f"field:{sfield}",
            rule=head["rule"],
            safety_field=None if sfield == "other" else sfield,
            category=head["category"],
            template=head["template"],
            params=head["params"],
            priority=3 if all(m["rule"] == "change_down" for m in members) else 2,
            evidence=dict(head["evidence"], id=head["id"]),
            measures=proposed[:MAX_MEASURES],
            group=head["group"],
            score=head["score"],
            supporting=[{k: m[k] for k in _SUPPORTING_KEYS} for m in rest],
        )
        f.key = bool(head["eligible"])
        grouped.append((-(head["score"] or 0.0), fi, f))
    grouped.sort(key=lambda item: (not item[2].key, item[0], item[1]))
    out = [f for _s, _i, f in grouped]
    for k, f in enumerate(f for f in out if f.key):
        if k >= KEY_MAX:
            f.key = False
        else:
            f.priority = 1
    out.sort(key=lambda f: (not f.key, f.priority, -(f.score or 0.0)))
    out += _schouw_findings(result, cat) + _risk_findings(result, cat)
    return out


def _risk_findings(result: ScanResult, cat: Catalogue) -> List[Finding]:
    """risk_near_hotspot: risk objects near hotspot zones, per kind."""
    out: List[Finding] = []
    risk = result.where.get("risk_objects") or {}
    near: Dict[str, List[Dict[str, Any]]] = {}
    for zone in ("area", "ring"):
        for it in (risk.get(zone) or {}).get("items", []):
            d = it.get("distance_to_zone")
            if d is not None and d <= NEAR_DISTANCE and it["kind"] not in PROTECTIVE_KINDS:
                near.setdefault(it["kind"], []).append(dict(it, zone=zone))
    for kind in sorted(near):
        items = sorted(near[kind], key=lambda it: (it["distance_to_zone"], it.get("name") or ""))
        names = ", ".join(it.get("name") or "?" for it in items[:5]) + (", ..." if len(items) > 5 else "")
        out.append(
            Finding(
                id=f"risk_near_hotspot:{kind}",
                rule="risk_near_hotspot",
                safety_field=_KIND_FIELD.get(kind),
                category=None,
                template=T_RISK_NEAR,
                params={"kind": kind, "count": len(items), "distance": NEAR_DISTANCE, "names": names},
                priority=2,
                evidence=_plain(
                    {
                        "n": len(items),
                        "distances": [it["distance_to_zone"] for it in items],
                        "in_area": sum(it["zone"] == "area" for it in items),
                    }
                ),
                measures=_propose(cat, "risk_near_hotspot", kind=kind),
            )
        )
    return out


def _schouw_findings(result: ScanResult, cat: Catalogue) -> List[Finding]:
    """schouw_red: open red schouw findings, per checklist group."""
    by_group: Dict[str, int] = {}
    for it in (result.schouw or {}).get("items", []):
        if str(it.get("severity", "")).lower() == "rood":
            grp = cat.checklist_group(it.get("checklist_item", ""))
            by_group[grp] = by_group.get(grp, 0) + 1
    order = list(cat.checklist_groups) + ["overig"]
    return [
        Finding(
            id=f"schouw_red:{grp}",
            rule="schouw_red",
            safety_field=None,
            category=None,
            template=T_SCHOUW_RED,
            params={"count": by_group[grp], "group": grp},
            priority=1,
            evidence={"n": by_group[grp]},
            measures=_propose(cat, "schouw_red", group=grp),
        )
        for grp in sorted(by_group, key=lambda k: order.index(k) if k in order else len(order))
    ]


#: The safety field a finding about a risk object kind belongs to.
_KIND_FIELD: Dict[str, str] = {
    "horeca": "bedrijvigheid",
    "coffeeshop": "integriteit",
    "school": "jeugd",
    "hangplek": "jeugd",
    "jongerencentrum": "jeugd",
    "speelplaats": "jeugd",
    "ov_halte": "woon_leefomgeving",
    "pinautomaat": "woon_leefomgeving",
    "station": "woon_leefomgeving",
    "supermarkt": "bedrijvigheid",
}


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _count(value) -> float:
    """A count that may be fractional (an aoristic day-part sum): whole numbers as int."""
    number = round(float(value or 0), 4)
    return int(number) if number.is_integer() else number
