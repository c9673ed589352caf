"""How the report's tables publish each group's counts, and whether a finding's figures may be printed
(pure core; the disclosure rule itself is :mod:`.disclosure`).

:func:`published_states` gives, per group key, the states (shown, ``"<t"``, ``"x"``) of the area's
period count, comparison count and ring count exactly as the results tables print them: the safety
fields beside all incidents, and the categories of each field beside the whole field (the rows the
field's table lists: a count in the area, the comparison period or the ring; largest first).
:func:`figures_withheld` says whether a finding would print a figure the tables hide, or a share or
rate derived from a hidden count; then the finding is published without its figures.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Tuple

from . import disclosure as dc

States = Tuple[str, str, str]
#: The counts of a group the disclosure rule protects: (part of the group, key).
COUNT_COLUMNS = (("area", "n"), ("area", "n_comparison"), ("ring", "n"))


def _counts(g: Mapping[str, Any]):
    return [(g.get(part) or {}).get(key) for part, key in COUNT_COLUMNS]


def published_states(result: Any, threshold: int) -> Dict[str, States]:
    """Group key -> states of (area period, area comparison, ring) as the report's tables print them."""
    out: Dict[str, States] = {}
    total = result.group("total") or {}
    total_states = tuple(dc.SMALL if dc.is_small(v, threshold) else dc.SHOWN for v in _counts(total))
    out["total"] = total_states  # type: ignore[assignment]
    fields = result.groups_of("field")
    for g, state in zip(fields, dc.protect_parts(_counts(total), [_counts(g) for g in fields], threshold)):
        out[g["key"]] = state  # type: ignore[assignment]
    for g in fields:
        cats = [
            c
            for c in result.groups_of("category")
            if c.get("safety_field") == g["code"]
            and (c["area"]["n"] or c["area"]["n_comparison"] or c["ring"]["n"])
        ]
        cats.sort(key=lambda c: (-c["area"]["n"], -c["area"]["n_comparison"], c["code"]))
        states = dc.protect_parts(_counts(g), [_counts(c) for c in cats], threshold, out[g["key"]])
        for c, state in zip(cats, states):
            out[c["key"]] = state  # type: ignore[assignment]
    for c in result.groups_of("category"):  # a category the tables do not list beside a field
        out.setdefault(
            c["key"], tuple(dc.SMALL if dc.is_small(v, threshold) else dc.SHOWN for v in _counts(c))
        )  # type: ignore[arg-type]
    return out


def figures_withheld(
    rule: str, group: Optional[str], evidence: Mapping[str, Any], states: Mapping[str, States], threshold: int
) -> bool:
    """True when a group finding of *rule* would print a count the tables hide, or a share, rate or
    ratio derived from a hidden count (see :mod:`.disclosure`)."""
    if group is None:
        return False
    state_n, state_c, _ring = states.get(group, (dc.SHOWN, dc.SHOWN, dc.SHOWN))
    n = evidence.get("n")
    if not dc.derived_shown(state_n, n, threshold=threshold) or not n:
        return True
    if rule.startswith("change") and not dc.derived_shown(state_c, evidence.get("n_comparison"), threshold=threshold):
        return True
    if rule == "evening_night":
        return not dc.share_shown(evidence.get("late"), evidence.get("timed"), threshold)
    if rule == "hotspot_concentration":
        return not dc.share_shown(evidence.get("n_in_zones"), n, threshold)
    return False
