"""The typed contract of a saved scan: what ``ScanRecord.parameters``, ``.results`` and ``.advice``
hold (pure core).

``storage.scans`` loads every record through :meth:`ScanRecordData.from_json` and saves it through
:meth:`ScanRecordData.to_json`; everything else (the environment scan that writes the record, the
wizard, the advice report, the schouw algorithms) reads and writes attributes, never dict keys
(``tests/unit/test_code_layout.py`` holds that rule). Each class has ``to_json() -> dict`` with a
schema ``"version"`` key and ``from_json(dict)`` that also reads the unversioned dicts of records
saved by Hotspot 0.1. Keys this module does not know are kept in ``extra`` and written back unchanged.

* :class:`RecordParameters` - ``record.parameters``: how the scan was asked for (the algorithm's
  upper-case parameter keys become snake_case attributes: ``POINT`` -> ``.point``, ``RING_WIDTH`` ->
  ``.ring_width``), the GeoPackage's CRS, the reference, the heatmap (:class:`HeatmapInfo`), the
  hotspot zones (:class:`ZoneInfo`), what the advice drafted (:class:`DraftedAdvice`) and the
  near-repeat test (:class:`NearRepeatInfo`).
* ``record.results`` is :class:`~hotspot_plugin.core.scan_types.ScanResult` (``"format"``
  ``"hotspot-scan/1"``) or None; its ``.parameters`` is :class:`ResultParameters` (the periods and
  options the scan actually used).
* ``record.advice`` is :class:`~hotspot_plugin.core.advice.Advice` (``"format"``
  ``"hotspot-advice/1"``) or None.
* ``record.verdict`` is :class:`~hotspot_plugin.core.verdict.Verdict` (``"format"``
  ``"hotspot-verdict/1"``) or None: the advisor's judgement, kept in the advice column under the key
  ``"verdict"`` (schema version 2). Records of Hotspot 0.1 (no "version") and 0.2 (version 1) have
  none and load with ``verdict`` None.
* :class:`ScanRecordData` - the four together, versioned.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from .advice import Advice
from .json_form import SCHEMA_VERSION, JsonForm
from .scan_types import ResultParameters, ScanResult
from .verdict import Verdict

__all__ = [
    "SCHEMA_VERSION",
    "DraftedAdvice",
    "HeatmapInfo",
    "NearRepeatInfo",
    "RecordParameters",
    "ResultParameters",
    "ScanRecordData",
    "ZoneInfo",
]

@dataclass
class HeatmapInfo(JsonForm):
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
class ZoneInfo(JsonForm):
    """One of ``parameters["zones"]``: a hotspot zone of the heatmap."""

    wkt: str = ""
    #: the highest density in the zone (None: not known)
    peak: Optional[float] = None
    #: 1 for the zone with the highest peak (None: not known)
    rank: Optional[int] = None
    area_m2: float = 0.0
    #: the place of the peak (written only when known)
    peak_x: Optional[float] = None
    peak_y: Optional[float] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    optional_keys = frozenset({"peak_x", "peak_y"})
    versioned = False


@dataclass
class DraftedAdvice(JsonForm):
    """``parameters["advice_drafted"]``: the ids the last draft proposed (to keep the user's removals)."""

    findings: List[str] = field(default_factory=list)
    measures: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    #: fields whose key the source dict lacked (left out again by to_json while at their default)
    absent: set = field(default_factory=set, repr=False, compare=False)

    versioned = False


@dataclass
class NearRepeatInfo(JsonForm):
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
class RecordParameters(JsonForm):
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


def _without_version(data: Mapping[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in data.items() if k != "version"}


#: The key of the verdict in the advice column.
VERDICT_KEY = "verdict"


@dataclass
class ScanRecordData:
    """The JSON parts of a scan record, typed: parameters, results, advice and the verdict.

    ``results``, ``advice`` and ``verdict`` are None when the record has none (an empty dict today;
    the verdict lives in the advice column, see the module docstring).
    """

    parameters: RecordParameters = field(default_factory=RecordParameters)
    results: Optional[ScanResult] = None
    advice: Optional[Advice] = None
    verdict: Optional[Verdict] = None

    def to_json(self) -> Dict[str, Dict[str, Any]]:
        """{"parameters", "results", "advice"}, each a dict with a "version" key (results and advice
        keep their own "format" key as well)."""
        results = self.results.to_json() if self.results is not None else {}
        advice = self.advice.to_json() if self.advice is not None else {}
        if self.verdict is not None:
            advice[VERDICT_KEY] = self.verdict.to_json()
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
        """From the three dicts of a record, versioned or not (records saved by 0.1 and 0.2 load,
        without a verdict)."""
        advice = _without_version(advice or {})
        verdict = advice.pop(VERDICT_KEY, None)
        return cls(
            parameters=RecordParameters.from_json(parameters),
            results=ScanResult.from_json(_without_version(results)) if results else None,
            advice=Advice.from_json(advice) if advice else None,
            verdict=Verdict.from_json(verdict) if verdict else None,
        )

    def result_parameters(self) -> ResultParameters:
        """``results.parameters`` (empty when there are no results)."""
        return self.results.parameters if self.results is not None else ResultParameters()
