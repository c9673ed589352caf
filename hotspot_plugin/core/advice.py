"""Findings and measures for the advice ("advies ruimtelijke veiligheid") from a scan (pure core).

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
import datetime
import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from .errors import InputError
from .i18n import N_
from .scan import ScanResult, is_small
from .schema import RISK_OBJECT_KINDS

Translate = Optional[Callable[[str], str]]

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
#: The rules a measure can name in its ``triggers`` (the combined rule uses both of its parts).
TRIGGERS: Tuple[str, ...] = (
    "reference_high",
    "change_up",
    "change_down",
    "evening_night",
    "hotspot_concentration",
    "risk_near_hotspot",
    "schouw_red",
)
_RULE_TRIGGERS: Dict[str, Tuple[str, ...]] = {"reference_high_change_up": ("reference_high", "change_up")}

# ---- finding texts --------------------------------------------------------------------------
T_REFERENCE_1000 = N_(
    "{label}: {ratio}x the municipal average per 1,000 inhabitants " "(95% interval {ci_low}-{ci_high})"
)
T_REFERENCE_KM2 = N_("{label}: {ratio}x the municipal average per km² (95% interval {ci_low}-{ci_high})")
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

#: Checklist groups of the schouw, English labels (translated by render()).
CHECKLIST_GROUP_LABELS: Dict[str, str] = {
    "verlichting": N_("lighting"),
    "zicht": N_("sight lines and overview"),
    "toegang": N_("access"),
    "heel": N_("repair (heel)"),
    "schoon": N_("cleanliness (schoon)"),
    "veilig": N_("safety (veilig)"),
    "beleving": N_("perceived safety"),
    "overig": N_("other items"),
}

#: How render() formats parameters, by name.
_RATIO_PARAMS = frozenset({"ratio", "ci_low", "ci_high"})
_PCT_PARAMS = frozenset({"share", "area_share"})
_COUNT_PARAMS = frozenset({"n", "n_comparison"})

CATALOGUE_FORMAT = "hotspot-measures/1"
ADVICE_FORMAT = "hotspot-advice/1"
_ID_RE = re.compile(r"^[a-z0-9_]+$")
_MEASURE_KEYS = (
    "id",
    "title_nl",
    "title_en",
    "description_nl",
    "description_en",
    "principle",
    "zeta",
    "safety_fields",
    "categories",
    "owners",
    "cost",
    "triggers",
    "risk_kinds",
    "checklist_groups",
)


# --------------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One measure of the catalogue."""

    id: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    principle: str
    zeta: Tuple[str, ...]
    safety_fields: Tuple[str, ...]
    categories: Tuple[str, ...]
    owners: Tuple[str, ...]
    cost: str
    triggers: Tuple[str, ...]
    risk_kinds: Tuple[str, ...] = ()
    checklist_groups: Tuple[str, ...] = ()

    def title(self, lang: str = "nl") -> str:
        """The title in Dutch ("nl") or English (anything else)."""
        return self.title_nl if lang == "nl" else self.title_en

    def description(self, lang: str = "nl") -> str:
        """The description in Dutch ("nl") or English."""
        return self.description_nl if lang == "nl" else self.description_en


@dataclass
class Catalogue:
    """The measures catalogue: measures by id (file order) and the vocabularies they use."""

    measures: Dict[str, Measure]
    principles: Dict[str, Dict[str, Any]]
    zeta: Dict[str, Dict[str, str]]
    owners: Dict[str, Dict[str, str]]
    costs: Dict[str, Dict[str, str]]
    checklist_groups: Dict[str, List[str]]

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], category_codes: Optional[Iterable[str]] = None
    ) -> "Catalogue":
        """Validate (see :func:`validate_catalogue`) and build; InputError listing the problems."""
        problems = validate_catalogue(data, category_codes)
        if problems:
            raise InputError(
                N_("The measures catalogue has errors: {problems}"), problems="; ".join(problems)
            )
        measures = {}
        for m in data["measures"]:
            kw = {
                k: (tuple(m.get(k) or ()) if isinstance(m.get(k), list) or m.get(k) is None else m[k])
                for k in _MEASURE_KEYS
            }
            measures[m["id"]] = Measure(**kw)
        return cls(
            measures=measures,
            principles=dict(data["principles"]),
            zeta=dict(data["zeta"]),
            owners=dict(data["owners"]),
            costs=dict(data["costs"]),
            checklist_groups={k: [str(p).lower() for p in v] for k, v in data["checklist_groups"].items()},
        )

    def checklist_group(self, item: str) -> str:
        """The checklist group of a schouw checklist item (longest matching prefix), or "overig"."""
        text = str(item or "").strip().lower()
        best, best_len = "overig", 0
        for group, prefixes in self.checklist_groups.items():
            for p in [group, *prefixes]:
                if p and text.startswith(p) and len(p) > best_len:
                    best, best_len = group, len(p)
        return best


def default_catalogue_path() -> Path:
    """resources/catalogues/measures.json, in the packaged plugin or in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for base in (here, here.parent):
        candidate = base / "resources" / "catalogues" / "measures.json"
        if candidate.exists():
            return candidate
    return here / "resources" / "catalogues" / "measures.json"


def validate_catalogue(data: Any, category_codes: Optional[Iterable[str]] = None) -> List[str]:
    """Problems of a catalogue (parsed JSON) as English sentences; empty when it is valid.

    Checks: the format; the vocabularies; per measure: an id of lower-case letters, digits and
    underscores, unique; non-empty Dutch and English title and description; principle, zeta,
    owners, cost, triggers, risk kinds and checklist groups from their vocabularies; safety
    fields known; categories known (*category_codes*, default the default category catalogue)
    and each category's default safety field listed in the measure's safety fields; at least one
    owner and one trigger; risk_near_hotspot exactly when risk kinds are given, schouw_red
    exactly when checklist groups are given.
    """
    problems: List[str] = []
    if not isinstance(data, Mapping):
        return ["the catalogue is not a JSON object"]
    if data.get("format") != CATALOGUE_FORMAT:
        problems.append(f"format must be {CATALOGUE_FORMAT!r}, not {data.get('format')!r}")
    vocab = {}
    for key in ("principles", "zeta", "owners", "costs", "checklist_groups"):
        v = data.get(key)
        if not isinstance(v, Mapping) or not v:
            problems.append(f"{key} must be a non-empty object")
            v = {}
        vocab[key] = set(v)
    for key in ("principles", "zeta", "owners", "costs"):
        for k, v in (data.get(key) or {}).items() if isinstance(data.get(key), Mapping) else ():
            if not isinstance(v, Mapping) or not v.get("nl") or not v.get("en"):
                problems.append(f"{key}.{k} needs a Dutch (nl) and English (en) label")
    codes = set(category_codes) if category_codes is not None else set(CATEGORY_BY_CODE)
    measures = data.get("measures")
    if not isinstance(measures, list) or not measures:
        problems.append("measures must be a non-empty list")
        return problems
    seen = set()
    for i, m in enumerate(measures):
        if not isinstance(m, Mapping):
            problems.append(f"measure {i + 1} is not an object")
            continue
        mid = m.get("id")
        name = f"measure {mid!r}" if mid else f"measure {i + 1}"
        unknown = set(m) - set(_MEASURE_KEYS)
        if unknown:
            problems.append(f"{name}: unknown keys {sorted(unknown)}")
        if not isinstance(mid, str) or not _ID_RE.match(mid):
            problems.append(f"{name}: id must be lower-case letters, digits and underscores")
        elif mid in seen:
            problems.append(f"{name}: id is not unique")
        seen.add(mid)
        for key in ("title_nl", "title_en", "description_nl", "description_en"):
            if not isinstance(m.get(key), str) or not m.get(key, "").strip():
                problems.append(f"{name}: {key} is missing")
        if m.get("principle") not in vocab["principles"]:
            problems.append(f"{name}: principle {m.get('principle')!r} is not in principles")
        if m.get("cost") not in vocab["costs"]:
            problems.append(f"{name}: cost {m.get('cost')!r} is not in costs")
        lists = {}
        for key in (
            "zeta",
            "safety_fields",
            "categories",
            "owners",
            "triggers",
            "risk_kinds",
            "checklist_groups",
        ):
            v = m.get(key, [])
            if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
                problems.append(f"{name}: {key} must be a list of texts")
                v = []
            lists[key] = v
        allowed = {
            "zeta": vocab["zeta"],
            "safety_fields": set(SAFETY_FIELDS),
            "categories": codes,
            "owners": vocab["owners"],
            "triggers": set(TRIGGERS),
            "risk_kinds": set(RISK_OBJECT_KINDS),
            "checklist_groups": vocab["checklist_groups"],
        }
        for key, ok in allowed.items():
            bad = [s for s in lists[key] if s not in ok]
            if bad:
                problems.append(f"{name}: unknown {key} {bad}")
        if not lists["owners"]:
            problems.append(f"{name}: give at least one owner")
        if not lists["triggers"]:
            problems.append(f"{name}: give at least one trigger")
        if not lists["safety_fields"]:
            problems.append(f"{name}: give at least one safety field")
        for c in lists["categories"]:
            cat = CATEGORY_BY_CODE.get(c)
            if cat is not None and cat.safety_field not in lists["safety_fields"]:
                problems.append(
                    f"{name}: category {c} belongs to {cat.safety_field}, which is not in safety_fields"
                )
        if ("risk_near_hotspot" in lists["triggers"]) != bool(lists["risk_kinds"]):
            problems.append(f"{name}: give risk_kinds exactly when triggers contain risk_near_hotspot")
        if ("schouw_red" in lists["triggers"]) != bool(lists["checklist_groups"]):
            problems.append(f"{name}: give checklist_groups exactly when triggers contain schouw_red")
    return problems


def load_catalogue(
    path: Union[str, Path, None] = None, category_codes: Optional[Iterable[str]] = None
) -> Catalogue:
    """Read and validate a measures catalogue (default: the bundled one)."""
    p = Path(path) if path is not None else default_catalogue_path()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(
            N_("Cannot read the measures catalogue {path}: {error}"), path=str(p), error=str(exc)
        ) from exc
    except ValueError as exc:
        raise InputError(
            N_("The measures catalogue {path} is not valid JSON: {error}"), path=str(p), error=str(exc)
        ) from exc
    return Catalogue.from_dict(data, category_codes)


def _as_catalogue(catalogue: Union[Catalogue, Mapping[str, Any], None]) -> Catalogue:
    if catalogue is None:
        return load_catalogue()
    if isinstance(catalogue, Catalogue):
        return catalogue
    return Catalogue.from_dict(catalogue)


# --------------------------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------------------------


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
    total = sum(int(v) for v in dd.values())
    late = int(dd.get("avond", 0)) + int(dd.get("nacht", 0))
    if n >= MIN_COUNT and total and late / total >= EVENING_NIGHT_SHARE:
        fired["evening_night"] = {
            "params": {"share": late / total},
            "evidence": {
                "n": total,
                "avond": int(dd.get("avond", 0)),
                "nacht": int(dd.get("nacht", 0)),
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
    cat = _as_catalogue(catalogue)
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


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def format_number(value: Optional[float], decimals: int = 1, decimal: str = ".") -> str:
    """A number with *decimals* decimals and the given decimal sign; thousands grouped from
    10,000 on ("." with a decimal comma, "," otherwise); None -> "-"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    text = f"{float(value):,.{decimals}f}"
    if abs(float(value)) < 10000:
        text = text.replace(",", "")
    if decimal == ",":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _format_param(
    name: str, value: Any, translate: Callable[[str], str], decimal: str, threshold: Optional[int]
) -> str:
    if name in _RATIO_PARAMS:
        return format_number(value, 1, decimal)
    if name in _PCT_PARAMS:
        return "-" if value is None else format_number(value * 100.0, 0, decimal) + "%"
    if name == "change":
        if value is None:
            return "-"
        return ("+" if value > 0 else "") + format_number(value, 0, decimal) + "%"
    if name in ("distance", "count"):
        return format_number(value, 0, decimal)
    if name in _COUNT_PARAMS:
        if threshold is not None and is_small(value, threshold):
            return f"<{threshold}"
        return format_number(value, 0, decimal)
    if name == "kind":
        return translate(RISK_OBJECT_KINDS[value]) if value in RISK_OBJECT_KINDS else str(value)
    if name == "group":
        return translate(CHECKLIST_GROUP_LABELS[value]) if value in CHECKLIST_GROUP_LABELS else str(value)
    if isinstance(value, float):
        return format_number(value, 2, decimal)
    return "" if value is None else str(value)


def render(
    finding: Finding, translate: Translate = None, decimal: str = ".", threshold: Optional[int] = None
) -> str:
    """The finding as a sentence: template translated by *translate* (``str -> str``), params
    formatted (ratios 1 decimal, shares and changes as whole percentages, ``decimal=","`` for
    Dutch) and counts below *threshold* shown as ``"<threshold"`` when a threshold is given."""
    if finding.rule == "user":
        return finding.template
    tr = translate or (lambda s: s)
    params = {k: _format_param(k, v, tr, decimal, threshold) for k, v in finding.params.items()}
    text = tr(finding.template)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return finding.template.format(**params)


# --------------------------------------------------------------------------------------------
# Advice: findings plus chosen measures, editable
# --------------------------------------------------------------------------------------------


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
        cat = _as_catalogue(catalogue)
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


__all__ = [
    "Measure",
    "Catalogue",
    "Finding",
    "ChosenMeasure",
    "Advice",
    "draft_findings",
    "render",
    "load_catalogue",
    "validate_catalogue",
    "default_catalogue_path",
    "format_number",
    "RULES",
    "TRIGGERS",
    "CHECKLIST_GROUP_LABELS",
    "MIN_COUNT",
    "REFERENCE_RATIO_MIN",
    "REFERENCE_RATIO_HIGH",
    "CHANGE_MIN",
    "EVENING_NIGHT_SHARE",
    "HOTSPOT_SHARE_MIN",
    "HOTSPOT_CONCENTRATION",
    "NEAR_DISTANCE",
    "MIN_INHABITANTS",
]
