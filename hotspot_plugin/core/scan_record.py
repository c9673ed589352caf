"""The typed contract of a saved scan: what ``ScanRecord.parameters``, ``.results`` and ``.advice`` hold
(pure core).

Today the scan record keeps these as nested dicts (``storage.scans.ScanRecord``); the classes here
describe every key that is written (``processing/alg_environmentscan.record_parameters``) and read
(the report, the wizard, the schouw algorithms), so that the consumers can switch to attributes in
one step (see CONTRACT.md). Each class has ``to_json() -> dict`` with a schema ``"version"`` key and
``from_json(dict)`` that also reads today's unversioned dicts (records saved by Hotspot 0.1).
Keys this module does not know are kept in ``extra`` and written back unchanged.

* :class:`RecordParameters` - ``record.parameters``: how the scan was asked for (upper-case keys, as
  the algorithm's parameters), the GeoPackage's CRS, the reference, the heatmap, the hotspot zones,
  what the advice drafted and the near-repeat test.
* :class:`ResultParameters` - ``record.results["parameters"]``: the periods and options the scan
  actually used. The rest of ``record.results`` is :class:`~hotspot_plugin.core.scan_types.ScanResult`.
* ``record.advice`` is :class:`~hotspot_plugin.core.advice.Advice` (already typed, ``"format"``
  ``"hotspot-advice/1"``).
* :class:`ScanRecordData` - the three together, versioned.
"""
from __future__ import annotations

import copy
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Dict, List, Mapping, Optional, Type, TypeVar

from .advice import Advice
from .scan_types import ScanResult

#: The version of the JSON form written by ``to_json``; dicts without "version" are version 0
#: (Hotspot 0.1), which has the same keys.
SCHEMA_VERSION = 1

T = TypeVar("T", bound="_Json")


def _default(f) -> Any:
    """The default value of a dataclass field."""
    return f.default_factory() if f.default is MISSING and f.default_factory is not MISSING else f.default


@dataclass
class _Json:
    """Shared JSON behaviour: the dataclass fields are the dict keys (``json_keys`` renames)."""

    #: field name -> JSON key, where they differ
    json_keys = {}  # type: Dict[str, str]
    #: fields holding nested _Json objects (or lists of them): field name -> class
    nested = {}  # type: Dict[str, Any]
    #: keys written only when the value is not None (absent from the dict otherwise)
    optional_keys = frozenset()  # type: frozenset
    versioned = True

    def to_json(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("extra", "absent"):
                continue
            value = getattr(self, f.name)
            key = self.json_keys.get(f.name, f.name)
            if value is None and key in self.optional_keys:
                continue
            if f.name in self.absent and value == _default(f):  # type: ignore[attr-defined]
                continue
            if isinstance(value, _Json):
                value = value.to_json()
            elif isinstance(value, list) and value and isinstance(value[0], _Json):
                value = [v.to_json() for v in value]
            else:
                value = copy.deepcopy(value)
            out[key] = value
        out.update(copy.deepcopy(self.extra))  # type: ignore[attr-defined]
        if self.versioned:
            out["version"] = SCHEMA_VERSION
        return out

    @classmethod
    def from_json(cls: Type[T], data: Optional[Mapping[str, Any]]) -> T:
        data = dict(data or {})
        data.pop("version", None)
        kwargs: Dict[str, Any] = {}
        absent = set()
        for f in fields(cls):
            if f.name in ("extra", "absent"):
                continue
            key = cls.json_keys.get(f.name, f.name)
            if key not in data:
                absent.add(f.name)
                continue
            value = data.pop(key)
            kind = cls.nested.get(f.name)
            if kind is not None and value is not None:
                value = [kind.from_json(v) for v in value] if isinstance(value, list) else kind.from_json(value)
            else:
                value = copy.deepcopy(value)
            kwargs[f.name] = value
        return cls(**kwargs, extra=copy.deepcopy(data), absent=absent)  # type: ignore[call-arg]


@dataclass
class HeatmapInfo(_Json):
    """``parameters["heatmap"]``: how the heatmap of the area and ring was made."""

    radius: Optional[float] = None
    pixel: Optional[float] = None
    kernel: str = "quartic"
    output: str = "raw"
    weights: Optional[str] = None
    #: "suggested" or "fixed", with "+coarser" for each doubling of the pixel
    how: str = ""
    #: [x_min, y_max, cols, rows]
    grid: Optional[List[float]] = None
    n_incidents: int = 0
    #: the raster's path relative to the GeoPackage's folder (absent for a temporary raster)
    path: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    optional_keys = frozenset({"path"})
    versioned = False


@dataclass
class ZoneInfo(_Json):
    """One of ``parameters["zones"]``: a hotspot zone of the heatmap."""

    wkt: str = ""
    peak: float = 0.0
    rank: int = 0
    area_m2: float = 0.0
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    versioned = False


@dataclass
class DraftedAdvice(_Json):
    """``parameters["advice_drafted"]``: the ids the last draft proposed (to keep the user's removals)."""

    findings: List[str] = field(default_factory=list)
    measures: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    versioned = False


@dataclass
class NearRepeatInfo(_Json):
    """``parameters["near_repeat"]``: the Knox test of the municipality's burglaries."""

    conclusion: str = ""
    conclusion_template: str = ""
    conclusion_params: Dict[str, Any] = field(default_factory=dict)
    distance: Optional[float] = None
    days: Optional[float] = None
    repeat_days: Optional[float] = None
    n_incidents: int = 0
    category: str = ""
    permutations: int = 0
    seed: Optional[int] = None
    alpha: float = 0.05
    distance_edges: List[float] = field(default_factory=list)
    time_edges: List[float] = field(default_factory=list)
    #: [[comparison start, end], [period start, end]] as datetime64 text
    periods: List[List[str]] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    versioned = False


@dataclass
class RecordParameters(_Json):
    """``record.parameters``: the scan's parameters as given (or completed) and what it made."""

    #: "AREA", "AREA_WKT", "POINT" or "saved"
    area_source: Optional[str] = None
    #: [x, y] of a circle's centre, in the GeoPackage's CRS
    point: Optional[List[float]] = None
    radius: Optional[float] = None
    ring_width: Optional[float] = None
    #: ISO dates, both days included
    period_start: Optional[str] = None
    period_end: Optional[str] = None
    comparison_start: Optional[str] = None
    comparison_end: Optional[str] = None
    #: WKT of a custom reference area; None: the municipality
    reference: Optional[str] = None
    fields: Optional[List[str]] = None
    categories: Optional[List[str]] = None
    small_count: Optional[int] = None
    gpkg_crs: Optional[str] = None
    reference_name: Optional[str] = None
    reference_inhabitants: Optional[float] = None
    population_level: Optional[str] = None
    heatmap: Optional[HeatmapInfo] = None
    zones: Optional[List[ZoneInfo]] = None
    advice_drafted: Optional[DraftedAdvice] = None
    near_repeat: Optional[NearRepeatInfo] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    json_keys = {
        "point": "POINT",
        "radius": "RADIUS",
        "ring_width": "RING_WIDTH",
        "period_start": "PERIOD_START",
        "period_end": "PERIOD_END",
        "comparison_start": "COMPARISON_START",
        "comparison_end": "COMPARISON_END",
        "reference": "REFERENCE",
        "fields": "FIELDS",
        "categories": "CATEGORIES",
        "small_count": "SMALL_COUNT",
    }
    nested = {
        "heatmap": HeatmapInfo,
        "zones": ZoneInfo,
        "advice_drafted": DraftedAdvice,
        "near_repeat": NearRepeatInfo,
    }
    #: written by the algorithm only when there was a near-repeat test
    optional_keys = frozenset({"near_repeat"})


@dataclass
class ResultParameters(_Json):
    """``record.results["parameters"]``: what the scan used (half-open periods as ISO datetimes)."""

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

    #: a view of a part of ScanResult, which has its own "format" key
    versioned = False


def _without_version(data: Mapping[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in data.items() if k != "version"}


@dataclass
class ScanRecordData:
    """The three JSON parts of a scan record, typed: parameters, results and advice.

    ``results`` and ``advice`` are None when the record has none (an empty dict today).
    """

    parameters: RecordParameters = field(default_factory=RecordParameters)
    results: Optional[ScanResult] = None
    advice: Optional[Advice] = None

    def to_json(self) -> Dict[str, Dict[str, Any]]:
        """{"parameters", "results", "advice"}, each a dict with a "version" key (results and advice
        keep their own "format" key as well)."""
        results = self.results.to_json() if self.results is not None else {}
        advice = self.advice.to_json() if self.advice is not None else {}
        if results:
            results["version"] = SCHEMA_VERSION
        if advice:
            advice["version"] = SCHEMA_VERSION
        return {"parameters": self.parameters.to_json(), "results": results, "advice": advice}

    @classmethod
    def from_json(
        cls,
        parameters: Optional[Mapping[str, Any]],
        results: Optional[Mapping[str, Any]],
        advice: Optional[Mapping[str, Any]],
    ) -> "ScanRecordData":
        """From the three dicts of a record, versioned or not (records saved by 0.1 load)."""
        return cls(
            parameters=RecordParameters.from_json(parameters),
            results=ScanResult.from_json(_without_version(results)) if results else None,
            advice=Advice.from_json(_without_version(advice)) if advice else None,
        )

    def result_parameters(self) -> ResultParameters:
        """``results["parameters"]`` typed (empty when there are no results)."""
        return ResultParameters.from_json(self.results.parameters if self.results is not None else None)
