"""The near-repeat part of the environment scan: when a burglary finding asks for it, the Knox test
of the municipality's burglaries and the finding it adds to the advice (pure core).

The test itself is :func:`hotspot_plugin.core.nearrepeat.knox`; this module fixes what the scan
feeds it (all burglaries of the period and the comparison period, in a fixed order, a seed from
the scan's uuid) and what the scan keeps of it (the ``near_repeat`` entry of the record's
parameters and the ``near_repeat`` finding).
"""
from __future__ import annotations

import math
import uuid as uuidlib
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from . import nearrepeat as nr
from .advice_rules import Finding
from .i18n import N_
from .scan_record import NearRepeatInfo
from .scan_types import IncidentData

#: The category whose findings trigger the near-repeat test (woninginbraak).
BURGLARY = "1.1.1"
NEAR_REPEAT_PERMUTATIONS = 999
NEAR_REPEAT_ALPHA = 0.05
#: The measure a near-repeat finding proposes, when the catalogue has it.
WARNING_LETTERS = "besmettingsbrieven"

T_NEAR_REPEAT = N_(
    "{label}: near-repeat pattern in the municipality: after a burglary the risk of another one is "
    "raised up to {distance} m away during {days} days; warning letters to the residents within "
    "{distance} m in the first days after each burglary fit that pattern"
)


def whole(value: float) -> Any:
    """A number as an int when it is whole (``150.0`` -> ``150``), else as a float."""
    return int(value) if float(value).is_integer() else float(value)


def burglary_to_test(findings: Sequence[Finding]) -> Optional[Finding]:
    """The burglary finding that asks for the near-repeat test (the last one that is not a
    decrease), or None."""
    burglary = [f for f in findings if _about_burglary(f)]
    return burglary[-1] if burglary else None


def _about_burglary(f: Finding) -> bool:
    """A finding (or, findings v2, one of its supporting lines) about burglary that is not a decrease."""
    if f.category == BURGLARY and f.rule != "change_down":
        return True
    return any(s.get("category") == BURGLARY and s.get("rule") != "change_down" for s in (f.supporting or []))


def seed_of(scan_uuid: str) -> int:
    """The permutation seed of a scan: its uuid modulo 2**32 (the same scan, the same test)."""
    return uuidlib.UUID(scan_uuid).int % (2**32)


def knox_arrays(data: IncidentData) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, y and day numbers of the located, dated incidents, in a fixed order (day, x, y), so
    the seeded permutations do not depend on the order the GeoPackage was read in."""
    ok = np.isfinite(data.x) & np.isfinite(data.y) & ~np.isnat(data.t)
    x, y = data.x[ok], data.y[ok]
    days = data.t[ok].astype("datetime64[D]").astype(np.int64).astype(np.float64)
    order = np.lexsort((y, x, days))
    return x[order], y[order], days[order]


def near_repeat_info(
    knox: nr.KnoxResult,
    conclusion: Tuple[str, Dict[str, Any]],
    text: str,
    seed: int,
    period: Sequence[Any],
    comparison: Sequence[Any],
) -> NearRepeatInfo:
    """The ``near_repeat`` entry of the scan record's parameters.

    *conclusion*: ``nr.conclusion``'s (template, params); *text*: it rendered in the user's language.
    """
    distance, days_raised, repeat_days = nr.near_repeat_extent(knox, NEAR_REPEAT_ALPHA, fdr=True)
    template, params = conclusion
    return NearRepeatInfo(
        conclusion=text,
        conclusion_template=template,
        conclusion_params=params,
        distance=distance,
        days=days_raised,
        repeat_days=repeat_days,
        n_incidents=int(knox.n_incidents),
        category=BURGLARY,
        permutations=NEAR_REPEAT_PERMUTATIONS,
        seed=seed,
        alpha=NEAR_REPEAT_ALPHA,
        distance_edges=list(knox.bands.distance_edges),
        time_edges=list(knox.bands.time_edges),
        periods=[[str(comparison[0]), str(comparison[1])], [str(period[0]), str(period[1])]],
    )


def near_repeat_finding(
    knox: nr.KnoxResult,
    info: NearRepeatInfo,
    burglary_finding: Finding,
    labels: Mapping[str, str],
    catalogue_measures: Mapping[str, Any],
) -> Optional[Finding]:
    """The near-repeat finding, or None when the test shows no raised risk (*info* from
    :func:`near_repeat_info`)."""
    distance, days_raised = info.distance, info.days
    if distance is None or days_raised is None:
        return None
    measures = [WARNING_LETTERS] if WARNING_LETTERS in catalogue_measures else []
    origin_ratio = float(knox.ratio[1, 0]) if math.isfinite(knox.ratio[1, 0]) else None
    return Finding(
        id=f"near_repeat:cat:{BURGLARY}",
        rule="near_repeat",
        safety_field=burglary_finding.safety_field,
        category=BURGLARY,
        template=T_NEAR_REPEAT,
        params={
            "label": labels.get(BURGLARY, BURGLARY),
            "distance": whole(distance),
            "days": whole(days_raised),
        },
        priority=2,
        evidence={
            "n": int(knox.n_incidents),
            "distance": distance,
            "days": days_raised,
            "repeat_days": info.repeat_days,
            "knox_ratio_origin": origin_ratio,
            "p_value_origin": float(knox.p_value[1, 0]),
            "permutations": NEAR_REPEAT_PERMUTATIONS,
            "seed": info.seed,
        },
        measures=measures,
        group=f"cat:{BURGLARY}",
    )


def insert_finding(findings: List[Finding], finding: Finding) -> None:
    """Put the near-repeat finding right after the last burglary finding."""
    position = max(i for i, f in enumerate(findings) if f.category == BURGLARY or _about_burglary(f)) + 1
    findings.insert(position, finding)
