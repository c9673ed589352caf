"""The measures catalogue of the advice: its measures, vocabularies, validation and loading (pure core).

``resources/catalogues/measures.json`` lists the measures a finding can propose; each names the
rules that trigger it (:data:`TRIGGERS`) and what it applies to (see :mod:`.advice_rules`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from .categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from .errors import InputError
from .i18n import N_
from .schema import RISK_OBJECT_KINDS

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

CATALOGUE_FORMAT = "hotspot-measures/1"
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


def as_catalogue(catalogue: Union[Catalogue, Mapping[str, Any], None]) -> Catalogue:
    if catalogue is None:
        return load_catalogue()
    if isinstance(catalogue, Catalogue):
        return catalogue
    return Catalogue.from_dict(catalogue)
