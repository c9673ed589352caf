"""The data of the environment scan: its inputs, its JSON result and the small-count rule (pure core).

See :mod:`hotspot_plugin.core.scan` for the definitions and the JSON layout of :class:`ScanResult`.
"""
from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np
from shapely.geometry.base import BaseGeometry

from .disclosure import DEFAULT_THRESHOLD, is_small, small_text
from .errors import InputError
from .i18n import N_
from .json_form import JsonForm
from .periods import Period

FORMAT = "hotspot-scan/1"
DEFAULT_RING_WIDTH = 250.0
DEFAULT_SMALL_COUNT = DEFAULT_THRESHOLD  # the disclosure rule's threshold (core/disclosure.py)
DEFAULT_ALPHA = 0.05

#: Day parts as hour ranges ``[from, to)``; "nacht" wraps around midnight.
DAGDELEN_HOURS: Dict[str, Tuple[int, int]] = {"dag": (7, 19), "avond": (19, 23), "nacht": (23, 7)}
DAGDELEN = tuple(DAGDELEN_HOURS)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


@dataclass
class IncidentData:
    """Incidents as parallel arrays (metres in the projected CRS; ``t`` as datetime64)."""

    x: np.ndarray
    y: np.ndarray
    t: np.ndarray
    category: np.ndarray
    safety_field: np.ndarray
    weight: Optional[np.ndarray] = None
    uuid: Optional[np.ndarray] = None
    #: End of the crime window (datetime64, NaT = unknown); None: no ends known at all.
    t_end: Optional[np.ndarray] = None
    #: False where only the date is known (the time of day in ``t`` is no time); None: all known
    time_known: Optional[np.ndarray] = None

    @classmethod
    def empty(cls) -> "IncidentData":
        """No incidents at all."""
        e = np.zeros(0)
        return cls(e, e, np.zeros(0, dtype="datetime64[s]"), np.zeros(0, dtype=str), np.zeros(0, dtype=str))


@dataclass
class RiskObjects:
    """Risk objects / points of interest as parallel arrays."""

    x: np.ndarray
    y: np.ndarray
    kind: np.ndarray
    name: np.ndarray


@dataclass
class SchouwFindings:
    """Buurtschouw findings as parallel arrays (``uuid`` optional)."""

    x: np.ndarray
    y: np.ndarray
    severity: np.ndarray
    checklist_item: np.ndarray
    status: np.ndarray
    uuid: Optional[np.ndarray] = None


class Buurt(NamedTuple):
    """One buurt (or other area with population figures); a plain 5-tuple works as well."""

    geometry: BaseGeometry
    inhabitants: Optional[float]
    dwellings: Optional[float]
    code: str
    name: str


class HotspotZone(NamedTuple):
    """A hotspot zone as the scan needs it; ``core.zones.Zone`` objects work as well."""

    geometry: BaseGeometry
    peak: float


@dataclass
class ScanInputs:
    """Everything one scan needs, as plain data (see the module docstring for the definitions).

    ``buurten``: areas of one level that do not overlap (buurten, or wijken), as :class:`Buurt`
    or plain 5-tuples (geometry, inhabitants, dwellings, code, name). ``reference``: default the
    union of the buurten with all their inhabitants; a given reference without
    ``reference_inhabitants`` gets its inhabitants apportioned from the buurten. ``zones``:
    :class:`HotspotZone`, ``core.zones.Zone`` or (geometry, peak) tuples. ``period`` and
    ``comparison`` default as :func:`default_periods` / :func:`default_comparison` say.
    """

    incidents: IncidentData
    area: BaseGeometry
    period: Optional[Period] = None
    comparison: Optional[Period] = None
    ring_width: float = DEFAULT_RING_WIDTH
    reference: Optional[BaseGeometry] = None
    reference_inhabitants: Optional[float] = None
    buurten: Sequence[Any] = ()
    risk_objects: Optional[RiskObjects] = None
    zones: Sequence[Any] = ()
    schouw: Optional[SchouwFindings] = None
    fields: Optional[Sequence[str]] = None
    categories: Optional[Sequence[str]] = None
    small_count_threshold: int = DEFAULT_SMALL_COUNT
    alpha: float = DEFAULT_ALPHA
    #: Metres per map unit of the coordinates (0.3048 in feet): areas in km2 are measured with it.
    metres_per_unit: float = 1.0


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass
class ResultParameters(JsonForm):
    """``ScanResult.parameters``: what the scan used (half-open periods as ISO datetimes)."""

    period: Optional[List[str]] = None
    comparison: Optional[List[str]] = None
    period_days: Optional[float] = None
    comparison_days: Optional[float] = None
    ring_width: Optional[float] = None
    small_count_threshold: Optional[int] = None
    alpha: Optional[float] = None
    fields: Optional[List[str]] = None
    categories: Optional[List[str]] = None
    #: day part -> [from hour, to hour)
    dagdelen: Optional[Dict[str, List[int]]] = None
    #: "nested", "separate" or None (no reference)
    reference_mode: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    #: a part of ScanResult, which has its own "format" key
    versioned = False


@dataclass
class ScanResult:
    """The results of one scan: typed parameters, the rest plain JSON data (see the module docstring
    of core.scan for the layout)."""

    parameters: ResultParameters
    n_incidents: Dict[str, int]
    geography: Dict[str, Any]
    groups: List[Dict[str, Any]]
    when: Dict[str, Any]
    where: Dict[str, Any]
    schouw: Dict[str, Any]
    methods: Dict[str, Any]
    warnings: List[Dict[str, Any]] = field(default_factory=list)
    format: str = FORMAT

    _KEYS = (
        "format",
        "parameters",
        "n_incidents",
        "geography",
        "groups",
        "when",
        "where",
        "schouw",
        "methods",
        "warnings",
    )

    def to_json(self) -> Dict[str, Any]:
        """A deep copy as a plain dict (only dicts, lists, str, int, float, bool, None)."""
        out = {k: copy.deepcopy(getattr(self, k)) for k in self._KEYS if k != "parameters"}
        out["parameters"] = self.parameters.to_json()
        return {k: out[k] for k in self._KEYS}

    def dumps(self) -> str:
        """The JSON text stored in the GeoPackage."""
        return json.dumps(self.to_json(), ensure_ascii=False, allow_nan=False, sort_keys=False)

    @classmethod
    def from_json(cls, data: Union[str, bytes, Dict[str, Any]]) -> "ScanResult":
        """Rebuild a result from :meth:`to_json` output or its JSON text."""
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except ValueError as exc:
                raise InputError(
                    N_("The stored scan results are not valid JSON: {error}"), error=str(exc)
                ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(
                N_("The stored scan results have an unknown format ({format}); expected " "{expected}."),
                format=data.get("format") if isinstance(data, dict) else type(data).__name__,
                expected=FORMAT,
            )
        missing = [k for k in cls._KEYS if k not in data]
        if missing:
            raise InputError(
                N_("The stored scan results lack the parts: {missing}."), missing=", ".join(missing)
            )
        parts = {k: copy.deepcopy(data[k]) for k in cls._KEYS if k != "parameters"}
        return cls(parameters=ResultParameters.from_json(data["parameters"]), **parts)

    def group(self, key: str) -> Optional[Dict[str, Any]]:
        """The group with this key (``"total"``, ``"field:<code>"``, ``"cat:<code>"``), or None."""
        for g in self.groups:
            if g["key"] == key:
                return g
        return None

    def groups_of(self, kind: str) -> List[Dict[str, Any]]:
        """All groups of a kind: ``"total"``, ``"field"`` or ``"category"``."""
        return [g for g in self.groups if g["kind"] == kind]

    @property
    def threshold(self) -> int:
        """The small-count threshold the scan used."""
        return int(self.parameters.small_count_threshold)


def group_key(kind: str, code: Optional[str] = None) -> str:
    """The key of a group: ``"total"``, ``"field:<code>"`` or ``"cat:<code>"``."""
    if kind == "total":
        return "total"
    return ("field:" if kind == "field" else "cat:") + str(code)


def suppress(value: Optional[float], threshold: int = DEFAULT_SMALL_COUNT) -> str:
    """A count as published: ``"<5"`` for a small count, otherwise the number (``"-"`` for None)."""
    if value is None:
        return "-"
    if is_small(value, threshold):
        return small_text(threshold)
    v = float(value)
    return str(int(v)) if v.is_integer() else f"{v:g}"


# --------------------------------------------------------------------------------------------
# JSON-ready values
# --------------------------------------------------------------------------------------------


def json_number(v: Optional[float]) -> Optional[float]:
    """A plain float for JSON, None for None/NaN/inf."""
    if v is None:
        return None
    f = float(v)
    return f if math.isfinite(f) else None


def json_plain(v: Any) -> Any:
    """A numpy scalar as a plain Python value (non-finite floats as None)."""
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return json_number(float(v))
    if isinstance(v, np.bool_):
        return bool(v)
    return v


def warning(template: str, **params: Any) -> Dict[str, Any]:
    """A translatable warning of the result: template and plain params."""
    return {"message": template, "params": {k: json_plain(v) for k, v in params.items()}}


def as_strings(values: Any, n: int, name: str) -> np.ndarray:
    """*n* values as a str array ("" for None); InputError when the length differs."""
    if values is None:
        return np.full(n, "", dtype=object).astype(str)
    arr = np.asarray(values)
    if arr.shape != (n,):
        raise InputError(
            N_("The incident attribute {name} has {got} values for {n} incidents."),
            name=name,
            got=arr.size,
            n=n,
        )
    if arr.dtype.kind == "U":
        return arr
    return np.array(["" if v is None else str(v) for v in arr.tolist()], dtype=str) if n else np.zeros(0, str)



def select_fields(data: IncidentData, fields: Optional[Sequence[str]]) -> IncidentData:
    """The incidents of the chosen safety fields (all when *fields* is None)."""
    if fields is None or data.x.shape[0] == 0:
        return data
    keep = np.isin(data.safety_field.astype(str), np.asarray(list(fields), dtype=str))
    return IncidentData(
        data.x[keep],
        data.y[keep],
        data.t[keep],
        data.category[keep],
        data.safety_field[keep],
        None if data.weight is None else data.weight[keep],
        None if data.uuid is None else data.uuid[keep],
        None if data.t_end is None else data.t_end[keep],
    )
