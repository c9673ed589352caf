"""The rules that draft the findings of the advice from a scan, and the measures they propose (pure core).

:func:`draft_findings` turns a :class:`~hotspot_plugin.core.scan.ScanResult` into draft findings
by the explicit rules below; each finding proposes measures from the measures catalogue
(``resources/catalogues/measures.json``, :func:`load_catalogue`). :class:`Advice` holds the
findings and the chosen measures, which the user edits, extends and prioritises; it is stored
as JSON in the scan record (``scans.advice``).

Rules (thresholds are the module constants named in brackets)
--------------------------------------------------------------
The group rules (reference_high to hotspot_concentration) look at every safety-field group and
every category group of the scan (not at the "total" group), in the scan area; n is the
group's count in the period, n_comparison in the comparison period.

=====================  ==========================================================  ========
rule                   fires when                                                  priority
=====================  ==========================================================  ========
reference_high         n >= 10 [MIN_COUNT] and the rate ratio against the          1 if
                       reference area is significant (p < alpha) and >= 1.25      ratio >= 2
                       [REFERENCE_RATIO_MIN]. Basis: per km² for the fields        [REFERENCE_
                       bedrijvigheid and fysiek (visitors, traffic) and when the   RATIO_HIGH],
                       area has fewer than 100 [MIN_INHABITANTS] inhabitants;      else 2
                       per 1,000 inhabitants otherwise [BASIS_PER_KM2_FIELDS].
reference_high_        reference_high and change_up both fire for the group: one   1
change_up              combined finding replaces the two.
change_up              n + n_comparison >= 10 [MIN_COUNT], the change test is      2
                       significant, upwards, and the ratio >= 1.25 (1 +
                       [CHANGE_MIN]) or undefined (n_comparison = 0).
change_down            as change_up, downwards, ratio <= 0.75 (1 - CHANGE_MIN).    3
                       Proposes no measures (it is good news).
evening_night          n >= 10 and (avond + nacht) / n >= 0.60                     2
                       [EVENING_NIGHT_SHARE] (19:00-07:00).
hotspot_concentration  n >= 10, hotspot zones cover part of the area (share a >    2
                       0), and the share s of the group's incidents inside zones
                       is >= 0.50 [HOTSPOT_SHARE_MIN] and >= 2 x a
                       [HOTSPOT_CONCENTRATION].
risk_near_hotspot      per kind of risk object (all kinds but protective ones:     2
                       camera, lantaarnpaal [PROTECTIVE_KINDS]): at least one
                       object of that kind in the area or the ring at a distance
                       <= 50 m [NEAR_DISTANCE] of a hotspot zone (0 inside).
schouw_red             per checklist group: at least one open red (rood) schouw    1
                       finding in the area.
=====================  ==========================================================  ========

A field finding is left out when a category of that field fires the same rule and holds at
least 80 % [DOMINANT_SHARE] of the field's incidents in the area (for the change rules: period
plus comparison period): the category finding says the same, more precisely.

Measures proposed per finding (at most 4 [MAX_MEASURES]): a measure qualifies when one of the
finding's rules is in its ``triggers`` and

* group findings: the measure names one of the finding's categories -- a category finding's own
  category; for a field finding the field's categories present in the area, the most frequent
  first -- or it names no categories and lists the finding's safety field. Measures naming a
  category come first (by that category's rank, then catalogue order), then the others in
  catalogue order;
* risk_near_hotspot: the kind is in the measure's ``risk_kinds``;
* schouw_red: the checklist group is in the measure's ``checklist_groups``. A checklist item
  belongs to the group with the longest matching prefix in the catalogue's
  ``checklist_groups`` (lower case), else to "overig".

Findings are sorted by priority (1 first), then rule order ([RULES]: schouw_red,
reference_high_change_up, reference_high, change_up, evening_night, hotspot_concentration,
risk_near_hotspot, change_down), then group order (fields, then categories). Texts are
English templates marked with ``N_()`` with ``{placeholders}``; :func:`render` translates and
fills them (Dutch number style with ``decimal=","``).
"""

from __future__ import annotations

import copy
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from .advice_catalogue import Catalogue, as_catalogue
from .categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from .i18n import N_
from .scan_types import ScanResult

# ---- rule thresholds (see the module docstring) ----------------------------------------------
MIN_COUNT = 10
MIN_INHABITANTS = 100.0
BASIS_PER_KM2_FIELDS = frozenset({"bedrijvigheid", "fysiek"})
REFERENCE_RATIO_MIN = 1.25
REFERENCE_RATIO_HIGH = 2.0
CHANGE_MIN = 0.25
EVENING_NIGHT_SHARE = 0.60
HOTSPOT_SHARE_MIN = 0.50
HOTSPOT_CONCENTRATION = 2.0
NEAR_DISTANCE = 50.0
PROTECTIVE_KINDS = frozenset({"camera", "lantaarnpaal"})
MAX_MEASURES = 4
DOMINANT_SHARE = 0.80

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
_RULE_TRIGGERS: Dict[str, Tuple[str, ...]] = {"reference_high_change_up": ("reference_high", "change_up")}

# ---- finding texts --------------------------------------------------------------------------
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
    ``priority``: 1 high, 2 medium, 3 low. ``evidence``: the numbers behind it.
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

    def to_json(self) -> Dict[str, Any]:
        """Plain dict."""
        return copy.deepcopy(asdict(self))

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
        )



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


def _group_rules(result: ScanResult, g: Mapping[str, Any]) -> Dict[str, Dict[str, Any]]:
    """The rules that fire for one group: rule -> (params, evidence, priority)."""
    fired: Dict[str, Dict[str, Any]] = {}
    area = g["area"]
    n, n_c = int(area["n"]), int(area["n_comparison"])
    inhabitants = (result.geography.get("inhabitants") or {}).get("area")
    # reference_high
    basis = _basis(g, inhabitants)
    vs = (g.get("vs_reference") or {}).get(basis)
    if (
        n >= MIN_COUNT
        and vs
        and vs.get("significant")
        and vs.get("ratio") is not None
        and vs["ratio"] >= REFERENCE_RATIO_MIN
    ):
        fired["reference_high"] = {
            "params": {"ratio": vs["ratio"], "ci_low": vs["ci_low"], "ci_high": vs["ci_high"]},
            "evidence": {
                "n": n,
                "basis": basis,
                "ratio": vs["ratio"],
                "ci_low": vs["ci_low"],
                "ci_high": vs["ci_high"],
                "p_value": vs["p_value"],
                "area_rate": area.get(basis),
                "reference_rate": (g.get("reference") or {}).get(basis),
                "n_reference": (g.get("reference") or {}).get("n"),
            },
            "priority": 1 if vs["ratio"] >= REFERENCE_RATIO_HIGH else 2,
            "basis": basis,
        }
        n_ref = (g.get("reference") or {}).get("n")
        if result.parameters.reference_mode == "nested" and n_ref is not None and int(n_ref) == n:
            # every incident of the municipality lies in the area: the ratio is the largest possible
            fired["reference_high"]["variant"] = "all"
            fired["reference_high"]["params"] = {"ratio": vs["ratio"], "n": n}
    # change
    ch = (g.get("change") or {}).get("area") or {}
    if n + n_c >= MIN_COUNT and ch.get("significant"):
        ratio = ch.get("ratio")
        evidence = {
            "n": n,
            "n_comparison": n_c,
            "ratio": ratio,
            "change_pct": ch.get("change_pct"),
            "ci_low": ch.get("ci_low"),
            "ci_high": ch.get("ci_high"),
            "p_value": ch.get("p_value"),
        }
        params = {"change": ch.get("change_pct"), "n": n, "n_comparison": n_c}
        if ch.get("direction") == "up" and (ratio is None or ratio >= 1.0 + CHANGE_MIN):
            fired["change_up"] = {"params": params, "evidence": evidence, "priority": 2}
        elif ch.get("direction") == "down" and ratio is not None and ratio <= 1.0 - CHANGE_MIN:
            fired["change_down"] = {"params": params, "evidence": evidence, "priority": 3}
    # evening_night
    when = (result.when.get("groups") or {}).get(g["key"]) or {}
    dd = when.get("dagdeel") or {}
    # day parts may hold fractions (aoristic spreading of crime windows, see core.scan_patterns)
    total = _count(sum(float(v or 0) for v in dd.values()))
    late = _count(float(dd.get("avond") or 0) + float(dd.get("nacht") or 0))
    if n >= MIN_COUNT and total and late / total >= EVENING_NIGHT_SHARE:
        fired["evening_night"] = {
            "params": {"share": late / total},
            "evidence": {
                "n": total,
                "avond": _count(dd.get("avond")),
                "nacht": _count(dd.get("nacht")),
                "share": late / total,
            },
            "priority": 2,
        }
    # hotspot_concentration
    a = result.where.get("zone_share_of_area") or 0.0
    iz = (result.where.get("incidents_in_zones") or {}).get(g["key"]) or {}
    s = iz.get("share")
    if (
        n >= MIN_COUNT
        and a > 0
        and s is not None
        and s >= HOTSPOT_SHARE_MIN
        and s >= HOTSPOT_CONCENTRATION * a
    ):
        fired["hotspot_concentration"] = {
            "params": {"share": s, "area_share": a},
            "evidence": {"n": n, "n_in_zones": iz.get("n"), "share": s, "zone_share_of_area": a},
            "priority": 2,
        }
    if "reference_high" in fired and "change_up" in fired:
        ref, up = fired.pop("reference_high"), fired.pop("change_up")
        fired = {
            "reference_high_change_up": {
                "params": {"ratio": ref["params"]["ratio"], **up["params"]},
                "evidence": {"reference": ref["evidence"], "change": up["evidence"]},
                "priority": 1,
                "basis": ref["basis"],
            },
            **fired,
        }
    return fired


_TEMPLATES = {
    ("reference_high", "per_1000"): T_REFERENCE_1000,
    ("reference_high", "per_km2"): T_REFERENCE_KM2,
    ("reference_high", "per_1000", "all"): T_REFERENCE_ALL_1000,
    ("reference_high", "per_km2", "all"): T_REFERENCE_ALL_KM2,
    ("reference_high_change_up", "per_1000"): T_REFERENCE_UP_1000,
    ("reference_high_change_up", "per_km2"): T_REFERENCE_UP_KM2,
    "change_up": T_CHANGE_UP,
    "change_down": T_CHANGE_DOWN,
    "evening_night": T_EVENING_NIGHT,
    "hotspot_concentration": T_HOTSPOT,
}


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
    out: List[Tuple[int, int, int, Finding]] = []
    # the categories of each field in the area, most frequent first (for proposing measures)
    field_cats: Dict[str, List[str]] = {}
    for g in sorted(result.groups_of("category"), key=lambda g: -int(g["area"]["n"])):
        if int(g["area"]["n"]) > 0 and g.get("safety_field"):
            field_cats.setdefault(g["safety_field"], []).append(g["code"])
    fired_by_group = {
        g["key"]: _group_rules(result, g) for g in result.groups if g["kind"] in ("field", "category")
    }
    for gi, g in enumerate(result.groups):
        if g["kind"] not in ("field", "category"):
            continue
        sfield = g.get("safety_field")
        category = g["code"] if g["kind"] == "category" else None
        label = _label(g["kind"], g["code"], labels)
        for rule, info in fired_by_group[g["key"]].items():
            if category is None and _dominated(result, g, rule, fired_by_group):
                continue
            key = (rule, info["basis"]) if "basis" in info else rule
            if "variant" in info:
                key = (rule, info["basis"], info["variant"])
            cats = [category] if category is not None else field_cats.get(g["code"], [])
            proposed = [] if rule == "change_down" else _propose(cat, rule, sfield, cats)
            f = Finding(
                id=f"{rule}:{g['key']}",
                rule=rule,
                safety_field=sfield,
                category=category,
                template=_TEMPLATES[key],
                params={"label": label, **info["params"]},
                priority=int(info["priority"]),
                evidence=_plain(info["evidence"]),
                measures=proposed,
                group=g["key"],
            )
            out.append((f.priority, RULES.index(rule), gi, f))
    # risk objects near hotspot zones
    risk = result.where.get("risk_objects") or {}
    near: Dict[str, List[Dict[str, Any]]] = {}
    for zone in ("area", "ring"):
        for it in (risk.get(zone) or {}).get("items", []):
            d = it.get("distance_to_zone")
            if d is not None and d <= NEAR_DISTANCE and it["kind"] not in PROTECTIVE_KINDS:
                near.setdefault(it["kind"], []).append(dict(it, zone=zone))
    for ki, kind in enumerate(sorted(near)):
        items = sorted(near[kind], key=lambda it: (it["distance_to_zone"], it.get("name") or ""))
        names = ", ".join(it.get("name") or "?" for it in items[:5]) + (", ..." if len(items) > 5 else "")
        f = Finding(
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
        out.append((f.priority, RULES.index(f.rule), ki, f))
    # open red schouw findings
    by_group: Dict[str, int] = {}
    for it in (result.schouw or {}).get("items", []):
        if str(it.get("severity", "")).lower() == "rood":
            grp = cat.checklist_group(it.get("checklist_item", ""))
            by_group[grp] = by_group.get(grp, 0) + 1
    order = list(cat.checklist_groups) + ["overig"]
    for grp in sorted(by_group, key=lambda k: order.index(k) if k in order else len(order)):
        f = Finding(
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
        out.append((f.priority, RULES.index(f.rule), order.index(grp) if grp in order else len(order), f))
    out.sort(key=lambda item: item[:3])
    return [item[3] for item in out]


def _dominated(
    result: ScanResult, field_group: Mapping[str, Any], rule: str, fired: Mapping[str, Mapping[str, Any]]
) -> bool:
    """True when a category of this field fires the same rule and holds >= DOMINANT_SHARE of the
    field's incidents in the area (period; for the change rules period plus comparison)."""

    def size(g: Mapping[str, Any]) -> int:
        n = int(g["area"]["n"])
        return n + int(g["area"]["n_comparison"]) if rule.startswith("change") else n

    total = size(field_group)
    if total <= 0:
        return False
    for g in result.groups_of("category"):
        if (
            g.get("safety_field") == field_group["code"]
            and rule in fired.get(g["key"], {})
            and size(g) >= DOMINANT_SHARE * total
        ):
            return True
    return False


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
