"""The verdict of an advice on spatial safety ("advies ruimtelijke veiligheid"): pure core.

In Antwerp the advies ruimtelijke veiligheid is required for public space with a place function
(verblijfsfunctie), for a masterplan of a wijk, buurt or district and for a safety hotspot; it
judges a *plan* or a *place* and ends in a formal advice. :class:`Verdict` records that judgement:

* what is judged (:attr:`Verdict.subject`): ``"place"`` (the scan area as it is) or ``"plan"`` (a
  design for it, whose drawing is a vector layer: :attr:`plan_source` is its file or data source and
  :attr:`plan_layer` its layer name), with a short :attr:`description`;
* the design scored against the CPTED principles (:data:`PRINCIPLES`), each ``"yes"``,
  ``"partly"``, ``"no"`` or not scored (``""``), with a remark;
* the decision (:data:`DECISIONS`): ``"positive"``, ``"positive_conditions"`` (positive under
  conditions) or ``"negative"``;
* the conditions (a list of texts, one condition each); for a negative advice they say what the plan
  must change; and the motivation (free text).

Validation (:meth:`Verdict.validate`, called by :meth:`from_json` and by the report) refuses what an
advice cannot say: a positive advice under conditions without any condition; a positive advice with
conditions (that is "positive under conditions"); a negative advice without a reason (a motivation,
or what the plan must change); an unknown decision, subject, principle or score; a plan drawing for
a place.

The CPTED principles: the issue asks for sight lines, lighting, natural surveillance, ownership,
access and maintenance; the measures catalogue (resources/catalogues/measures.json, "principles"
with ``"cpted": true``) has four: natural surveillance, territorial reinforcement, natural access
control, maintenance and management. The six criteria are scored; each names the catalogue
principle it belongs to (a unit test checks that every CPTED principle of the catalogue is covered
and that no criterion names another):

=====================  ==========================  ================================================
criterion              catalogue principle         catalogue measures under it (examples)
=====================  ==========================  ================================================
sight_lines            natural_surveillance        zichtlijnen_groen
lighting               natural_surveillance        verlichting_openbare_ruimte, verlichting_achterpaden
natural_surveillance   natural_surveillance        (eyes on the street: windows, entrances, activity)
territoriality         territorial_reinforcement   eenduidig_beheer, hangplek_herinrichten
access                 access_control              achterpaden_poorten
maintenance            maintenance                 onderhoud_heel_schoon, meldingen_openbare_ruimte
=====================  ==========================  ================================================

JSON (kept in the scan record's advice column under ``"verdict"``, see core.scan_record)::

    {"format": "hotspot-verdict/1", "decision": "positive_conditions",
     "conditions": ["...", "..."], "motivation": "...",
     "subject": {"kind": "plan", "description": "...", "source": "/path/plan.gpkg", "layer": "ontwerp"},
     "principles": [{"key": "sight_lines", "score": "partly", "remark": "..."}, ...]}

Unknown keys are kept and written back.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .errors import InputError
from .i18n import N_

VERDICT_FORMAT = "hotspot-verdict/1"

POSITIVE = "positive"
POSITIVE_CONDITIONS = "positive_conditions"
NEGATIVE = "negative"
#: decision -> its label (English, marked for translation)
DECISIONS: Dict[str, str] = {
    POSITIVE: N_("positive"),
    POSITIVE_CONDITIONS: N_("positive under conditions"),
    NEGATIVE: N_("negative"),
}

PLACE = "place"
PLAN = "plan"
SUBJECTS: Dict[str, str] = {PLACE: N_("a place"), PLAN: N_("a plan")}

#: score -> its label; "" is "not scored"
SCORES: Dict[str, str] = {"yes": N_("yes"), "partly": N_("partly"), "no": N_("no"), "": N_("not scored")}


@dataclass(frozen=True)
class Principle:
    """One CPTED criterion the plan or place is scored against."""

    key: str
    label: str
    #: the key of the catalogue's principle (measures.json "principles") it belongs to
    catalogue: str
    #: what the advisor looks at (the question under the label)
    question: str


PRINCIPLES: Tuple[Principle, ...] = (
    Principle("sight_lines", N_("Sight lines"), "natural_surveillance",
              N_("Open views along routes and into the space: no blind corners, low planting.")),
    Principle("lighting", N_("Lighting"), "natural_surveillance",
              N_("Routes, entrances and places to stay lit evenly, without dark spots or glare.")),
    Principle("natural_surveillance", N_("Natural surveillance"), "natural_surveillance",
              N_("Windows, entrances and activity overlooking the space (eyes on the street).")),
    Principle("territoriality", N_("Ownership and territoriality"), "territorial_reinforcement",
              N_("Clear who owns and manages each part; public and private space marked.")),
    Principle("access", N_("Access"), "access_control",
              N_("Routes lead people where they belong; back paths and entrances closed or overseen.")),
    Principle("maintenance", N_("Maintenance"), "maintenance",
              N_("Robust, easy to keep whole and clean; management agreed before delivery.")),
)
PRINCIPLE_KEYS: Tuple[str, ...] = tuple(p.key for p in PRINCIPLES)
_BY_KEY = {p.key: p for p in PRINCIPLES}


def principle(key: str) -> Principle:
    """The criterion *key* (InputError for an unknown one)."""
    if key not in _BY_KEY:
        raise InputError(N_("Unknown design principle {key}; known are: {known}."),
                         key=key, known=", ".join(PRINCIPLE_KEYS))
    return _BY_KEY[key]


def condition_lines(text: Optional[str]) -> List[str]:
    """Conditions typed one per line: stripped, empty lines and list bullets ("-", "*", "•") dropped."""
    lines = []
    for line in str(text or "").splitlines():
        line = line.strip()
        while line[:1] in ("-", "*", "•") and line:
            line = line[1:].strip()
        if line:
            lines.append(line)
    return lines


def decision_key(text: str) -> str:
    """The decision key from a key or an English/Dutch label ("positief onder voorwaarden"); InputError."""
    value = " ".join(str(text or "").strip().lower().replace("_", " ").split())
    aliases = {
        "positive": POSITIVE, "positief": POSITIVE,
        "positive conditions": POSITIVE_CONDITIONS, "positive under conditions": POSITIVE_CONDITIONS,
        "positief onder voorwaarden": POSITIVE_CONDITIONS, "voorwaardelijk positief": POSITIVE_CONDITIONS,
        "negative": NEGATIVE, "negatief": NEGATIVE,
    }
    if value not in aliases:
        raise InputError(N_("The verdict must be positive, positive under conditions or negative, not {value}."),
                         value=text)
    return aliases[value]


@dataclass
class PrincipleScore:
    """The score of one criterion: "yes", "partly", "no" or "" (not scored), with a remark."""

    key: str
    score: str = ""
    remark: str = ""

    def to_json(self) -> Dict[str, Any]:
        return {"key": self.key, "score": self.score, "remark": self.remark}


@dataclass
class Verdict:
    """The advisor's judgement of a plan or place (see the module docstring)."""

    decision: str = POSITIVE
    conditions: List[str] = field(default_factory=list)
    motivation: str = ""
    subject: str = PLACE
    description: str = ""
    #: the plan drawing's file or data source ("" for a place or a plan without drawing)
    plan_source: str = ""
    #: the layer of the plan drawing in *plan_source* ("" for its only layer)
    plan_layer: str = ""
    #: one per criterion of :data:`PRINCIPLES`, in that order
    scores: List[PrincipleScore] = field(default_factory=lambda: [PrincipleScore(k) for k in PRINCIPLE_KEYS])
    extra: Dict[str, Any] = field(default_factory=dict)

    # ---- reading ---------------------------------------------------------------------------------
    def score_of(self, key: str) -> PrincipleScore:
        """The score of criterion *key* (an unscored one when the verdict has none)."""
        principle(key)
        for s in self.scores:
            if s.key == key:
                return s
        return PrincipleScore(key)

    def set_score(self, key: str, score: str, remark: str = "") -> None:
        """Score criterion *key* (InputError for an unknown criterion or score)."""
        principle(key)
        if score not in SCORES:
            raise InputError(N_("The score of {principle} must be yes, partly or no, not {score}."),
                             principle=key, score=score)
        others = {s.key: s for s in self.scores if s.key != key}
        others[key] = PrincipleScore(key, score, remark.strip())
        self.scores = [others.get(k, PrincipleScore(k)) for k in PRINCIPLE_KEYS]

    @property
    def has_plan_layer(self) -> bool:
        return self.subject == PLAN and bool(self.plan_source)

    # ---- checking --------------------------------------------------------------------------------
    def validate(self) -> "Verdict":
        """Self, when the verdict is one an advice can state; else an InputError saying what is wrong."""
        if self.decision not in DECISIONS:
            raise InputError(
                N_("The verdict must be positive, positive under conditions or negative, not {value}."),
                value=self.decision)
        if self.subject not in SUBJECTS:
            raise InputError(N_("What is judged must be a place or a plan, not {value}."), value=self.subject)
        conditions = [c for c in self.conditions if str(c).strip()]
        if self.decision == POSITIVE_CONDITIONS and not conditions:
            raise InputError(N_("A positive advice under conditions needs at least one condition: write the "
                                "conditions, one per line."))
        if self.decision == POSITIVE and conditions:
            raise InputError(N_("A positive advice has no conditions; choose 'positive under conditions' or "
                                "remove the {n} conditions."), n=len(conditions))
        if self.decision == NEGATIVE and not (conditions or self.motivation.strip()):
            raise InputError(N_("A negative advice needs a reason: write why, or what the plan must change "
                                "(one point per line)."))
        if self.subject == PLACE and (self.plan_source or self.plan_layer):
            raise InputError(N_("A plan drawing ({source}) belongs to a plan, not to a place: choose 'a plan' "
                                "or remove the drawing."), source=self.plan_source or self.plan_layer)
        if self.plan_layer and not self.plan_source:
            raise InputError(N_("The plan layer {layer} has no source: choose the layer again."),
                             layer=self.plan_layer)
        seen = set()
        for s in self.scores:
            principle(s.key)
            if s.key in seen:
                raise InputError(N_("The design principle {key} is scored twice."), key=s.key)
            seen.add(s.key)
            if s.score not in SCORES:
                raise InputError(N_("The score of {principle} must be yes, partly or no, not {score}."),
                                 principle=s.key, score=s.score)
        self.conditions = [str(c).strip() for c in conditions]
        return self

    # ---- JSON ------------------------------------------------------------------------------------
    def to_json(self) -> Dict[str, Any]:
        out = copy.deepcopy(self.extra)
        out.update({
            "format": VERDICT_FORMAT,
            "decision": self.decision,
            "conditions": list(self.conditions),
            "motivation": self.motivation,
            "subject": {"kind": self.subject, "description": self.description,
                        "source": self.plan_source, "layer": self.plan_layer},
            "principles": [s.to_json() for s in self.scores],
        })
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Verdict":
        """From :meth:`to_json` output (validated; InputError for a damaged or unknown verdict)."""
        if not isinstance(data, Mapping) or data.get("format") != VERDICT_FORMAT:
            raise InputError(N_("The stored verdict has an unknown format; expected {expected}."),
                             expected=VERDICT_FORMAT)
        rest = {k: copy.deepcopy(v) for k, v in data.items()
                if k not in ("format", "decision", "conditions", "motivation", "subject", "principles")}
        subject = data.get("subject") or {}
        if not isinstance(subject, Mapping):
            subject = {"kind": subject}
        conditions = data.get("conditions") or []
        if isinstance(conditions, str):
            conditions = condition_lines(conditions)
        by_key = {}
        for item in data.get("principles") or []:
            if not isinstance(item, Mapping) or "key" not in item:
                raise InputError(N_("The stored verdict has a design principle without a key."))
            key = str(item["key"])
            if key in by_key:
                raise InputError(N_("The design principle {key} is scored twice."), key=key)
            by_key[key] = PrincipleScore(key, str(item.get("score") or ""), str(item.get("remark") or ""))
        for key in by_key:
            principle(key)
        verdict = cls(
            decision=str(data.get("decision") or ""),
            conditions=[str(c) for c in conditions],
            motivation=str(data.get("motivation") or ""),
            subject=str(subject.get("kind") or PLACE),
            description=str(subject.get("description") or ""),
            plan_source=str(subject.get("source") or ""),
            plan_layer=str(subject.get("layer") or ""),
            scores=[by_key.get(k, PrincipleScore(k)) for k in PRINCIPLE_KEYS],
            extra=rest,
        )
        return verdict.validate()


def overridden(
    saved: Optional[Verdict],
    decision: Optional[str],
    conditions: Optional[Sequence[str]],
    motivation: Optional[str] = None,
) -> Optional[Verdict]:
    """The verdict of a report: *saved* with what the caller gave in its place (validated).

    *decision* None keeps the saved decision (no verdict when none is saved: then *conditions* and
    *motivation* are refused, they would belong to nothing). A given decision takes its conditions from
    *conditions* only (none when None): the saved ones belonged to the saved decision. The subject,
    the scores and (unless *motivation* is given) the motivation stay as saved.
    """
    if decision is None:
        if saved is None:
            if conditions or motivation:
                raise InputError(N_("Conditions or a motivation were given, but there is no verdict: choose "
                                    "positive, positive under conditions or negative."))
            return None
        verdict = copy.deepcopy(saved)
        if conditions is not None:
            verdict.conditions = list(conditions)
    else:
        verdict = copy.deepcopy(saved) if saved is not None else Verdict()
        verdict.decision = decision_key(decision)
        verdict.conditions = list(conditions or [])
    if motivation is not None:
        verdict.motivation = motivation
    return verdict.validate()
