"""Rules for importing areas (buurten, wijken, gemeenten, statistical sectors) into the areas layer.

Pure: the QGIS side reads a polygon layer into plain columns and geometries; this module decides
which source field plays which role, reads the numbers, and tells per feature whether it can be
imported and, if not, why.

Field names that are recognised (case-insensitive), per level:

* CBS wijk- en buurtkaart, recent GeoPackages (2021 on): ``buurtcode``, ``buurtnaam``,
  ``wijkcode``, ``wijknaam``, ``gemeentecode``, ``gemeentenaam``, ``aantal_inwoners``,
  ``woningvoorraad``.
* CBS wijk- en buurtkaart, older shapefiles: ``BU_CODE``, ``BU_NAAM``, ``WK_CODE``, ``WK_NAAM``,
  ``GM_CODE``, ``GM_NAAM``, ``AANT_INW``, ``WONINGEN``.
* Statbel statistical sectors (Belgium): the sector code ``CSddmmyyyy`` (e.g. ``CS01012023``) or
  ``CD_SECTOR``, the name ``T_SEC_NL`` (or ``TX_SECTOR_DESCR_NL``), the municipality ``CNIS5_yyyy``
  (or ``CD_REFNIS``); population tables joined to them bring ``TOTAL`` or ``MS_POPULATION``.

CBS publishes secret or missing numbers as negative sentinels (``-99999999``, ``-99997``,
``-99995`` ...). A count of inhabitants or dwellings is never negative, so every negative number
(and an empty or unreadable value) is read as *unknown* (None), not as a number.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .errors import InputError
from .i18n import N_
from .incident_import import Rejection as Skip  # a skipped feature: its row, reason template, parameters

LEVELS = ("buurt", "wijk", "gemeente", "sector")
ROLES = ("code", "name", "inhabitants", "dwellings", "municipality", "parent")

#: Known CBS sentinel values for secret or missing figures (any negative number counts as unknown).
CBS_SENTINELS = frozenset({-99999999, -99999998, -99999997, -99997, -99995, -99998})

_SECTOR_CODE = re.compile(r"^cs\d{8}$")
_NIS5 = re.compile(r"^cnis5_\d{4}$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[01]\d[0-3]\d)?(?!\d)")  # 2023, or a date 20230101

#: Candidate field names (lower case) per role; a level-specific list is tried before the generic one.
_CODE = {"buurt": ("buurtcode", "bu_code"), "wijk": ("wijkcode", "wk_code"),
         "gemeente": ("gemeentecode", "gm_code"), "sector": ("cd_sector", "sector_code", "nis9")}
_NAME = {"buurt": ("buurtnaam", "bu_naam"), "wijk": ("wijknaam", "wk_naam"),
         "gemeente": ("gemeentenaam", "gm_naam"),
         "sector": ("t_sec_nl", "tx_sector_descr_nl", "tx_descr_sector_nl", "t_sec_fr")}
_GENERIC = {"code": ("code", "statcode"), "name": ("naam", "name", "statnaam")}
_INHABITANTS = ("aantal_inwoners", "aant_inw", "inwoners", "ms_population", "population", "total",
                "bevolking", "inhabitants")
_DWELLINGS = ("woningvoorraad", "woningen", "aantal_woningen", "dwellings")
_MUNICIPALITY = ("gemeentecode", "gm_code", "cd_refnis", "cd_munty_refnis", "nis5")
_PARENT = {"buurt": ("wijkcode", "wk_code")}

# Reasons a feature is skipped (templates, translated by the QGIS layer).
R_NO_CODE = N_("No code")
R_NO_GEOMETRY = N_("No usable polygon")
R_DUPLICATE = N_("Same code {code} as an earlier feature of this layer")
R_OLDER = N_("Code {code} already holds the newer year {stored} (this layer is of {year})")


@dataclass(frozen=True)
class AreaMapping:
    """Which source field plays which role; an empty string means "not given"."""

    code: str
    name: str = ""
    inhabitants: str = ""
    dwellings: str = ""
    municipality: str = ""
    parent: str = ""

    def fields(self) -> Dict[str, str]:
        return {role: getattr(self, role) for role in ROLES if getattr(self, role)}


def _find(lower: Dict[str, str], candidates: Iterable[str], pattern: Optional[re.Pattern] = None) -> str:
    for c in candidates:
        if c in lower:
            return lower[c]
    if pattern is not None:
        for low, name in lower.items():
            if pattern.match(low):
                return name
    return ""


def guess_mapping(names: Sequence[str], level: str) -> AreaMapping:
    """The fields of *names* that look like code, name, inhabitants, dwellings, municipality and
    parent code of areas of *level* (see the module docstring); "" where none fits."""
    if level not in LEVELS:
        raise InputError(N_("Unknown level '{level}': choose buurt, wijk, gemeente or sector."), level=level)
    lower: Dict[str, str] = {}
    for n in names:
        lower.setdefault(str(n).strip().lower(), str(n))
    code = _find(lower, _CODE[level], _SECTOR_CODE if level == "sector" else None) or \
        _find(lower, _GENERIC["code"])
    name = _find(lower, _NAME[level]) or _find(lower, _GENERIC["name"])
    municipality = _find(lower, _MUNICIPALITY, _NIS5)
    if municipality == code:
        municipality = ""
    parent = _find(lower, _PARENT.get(level, ())) or (municipality if level != "gemeente" else "")
    return AreaMapping(code=code, name=name, inhabitants=_find(lower, _INHABITANTS),
                       dwellings=_find(lower, _DWELLINGS), municipality=municipality, parent=parent)


def require_fields(names: Sequence[str], mapping: AreaMapping) -> None:
    """Raise InputError unless the code field is chosen and every chosen field exists."""
    if not mapping.code:
        raise InputError(N_("Choose the code field: none of the fields ({fields}) looks like a buurt, wijk, "
                            "gemeente or sector code."), fields=", ".join(names))
    missing = [f"{role}: {name}" for role, name in mapping.fields().items() if name not in names]
    if missing:
        raise InputError(N_("The input has no field(s) {missing}. Its fields are: {fields}."),
                         missing=", ".join(missing), fields=", ".join(names))


def parse_count(value: object) -> Optional[int]:
    """A count of inhabitants or dwellings, or None when unknown.

    None, blank text, NaN, unreadable text and negative numbers (CBS's secret/missing sentinels
    such as -99999999 and -99997) are unknown. Text may use a decimal comma; thousands separators
    (``12.345`` with three digits after the dot, ``12 345``) are read as such.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")
        text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    if not math.isfinite(number) or number < 0:
        return None
    return int(round(number))


def clean_code(value: object) -> Optional[str]:
    """A code as text (a whole number read as 11002.0 becomes "11002"); None when empty."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


def clean_text(value: object) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def year_from_name(name: str) -> Optional[int]:
    """The last year 1900-2099 in a file or layer name (``wijkenbuurten_2023_v1`` -> 2023,
    ``sh_statbel_statistical_sectors_31370_20230101`` -> 2023)."""
    found = _YEAR.findall(str(name or ""))
    return int(found[-1]) if found else None


@dataclass
class AreaRows:
    """The features that can be imported (one entry per area) and the skipped ones with reasons."""

    rows: List[int]  # 1-based source feature numbers
    code: List[str]
    name: List[Optional[str]]
    parent_code: List[Optional[str]]
    inhabitants: List[Optional[int]]
    dwellings: List[Optional[int]]
    geometry: List[object]
    skipped: List[Skip]
    unknown_inhabitants: int = 0
    unknown_dwellings: int = 0

    def __len__(self) -> int:
        return len(self.code)


def prepare_rows(columns: Dict[str, Sequence[object]], geometries: Sequence[object],
                 mapping: AreaMapping) -> AreaRows:
    """Check every feature: a code, a usable polygon (*geometries* holds None where there is none),
    and no code twice (the first feature with a code wins). *columns* maps roles to values."""
    n = len(geometries)
    get = {role: (columns.get(role) if getattr(mapping, role) else None) for role in ROLES}
    out = AreaRows([], [], [], [], [], [], [], [])
    seen: Dict[str, int] = {}
    for i in range(n):
        row = i + 1
        code = clean_code(get["code"][i]) if get["code"] is not None else None
        if code is None:
            out.skipped.append(Skip(row, R_NO_CODE))
            continue
        if geometries[i] is None:
            out.skipped.append(Skip(row, R_NO_GEOMETRY))
            continue
        if code in seen:
            out.skipped.append(Skip(row, R_DUPLICATE, {"code": code, "first": seen[code]}))
            continue
        seen[code] = row
        inh = parse_count(get["inhabitants"][i]) if get["inhabitants"] is not None else None
        dw = parse_count(get["dwellings"][i]) if get["dwellings"] is not None else None
        out.unknown_inhabitants += inh is None
        out.unknown_dwellings += dw is None
        parent = clean_code(get["parent"][i]) if get["parent"] is not None else None
        out.rows.append(row)
        out.code.append(code)
        out.name.append(clean_text(get["name"][i]) if get["name"] is not None else None)
        out.parent_code.append(parent if parent != code else None)
        out.inhabitants.append(inh)
        out.dwellings.append(dw)
        out.geometry.append(geometries[i])
    return out


def municipality_filter(wanted: str) -> List[str]:
    """The municipality codes of a filter text ("GM0363, GM0518" or "11002"); [] for none."""
    return [part.strip() for part in re.split(r"[;,\s]+", wanted or "") if part.strip()]


@dataclass
class UpsertPlan:
    """Per prepared row: insert, update (the fids of the stored areas with that level and code) or skip."""

    insert: List[int] = field(default_factory=list)  # positions in AreaRows
    update: List[Tuple[int, List[int]]] = field(default_factory=list)
    skipped: List[Skip] = field(default_factory=list)


def plan_upsert(rows: AreaRows, stored: Dict[str, List[Tuple[int, Optional[int]]]],
                year: Optional[int]) -> UpsertPlan:
    """Decide per row: a code not stored yet is inserted; a stored code is updated (all stored
    features with that code) unless a stored feature holds a newer year than *year* (then the row is
    skipped: an older map never overwrites a newer one). *stored*: code -> [(fid, year or None)]."""
    plan = UpsertPlan()
    for k, code in enumerate(rows.code):
        found = stored.get(code)
        if not found:
            plan.insert.append(k)
            continue
        newest = max((y for _, y in found if y is not None), default=None)
        if year is not None and newest is not None and newest > year:
            plan.skipped.append(Skip(rows.rows[k], R_OLDER, {"code": code, "stored": newest, "year": year}))
            continue
        plan.update.append((k, [fid for fid, _ in found]))
    return plan


def summarise_skips(skipped: Sequence[Skip], translate=None) -> List[Tuple[int, str]]:
    """(count, first example's message) per kind of reason, the most frequent first."""
    counts = Counter(s.template for s in skipped)
    first: Dict[str, Skip] = {}
    for s in skipped:
        first.setdefault(s.template, s)
    return [(n, first[t].render(translate)) for t, n in counts.most_common()]
