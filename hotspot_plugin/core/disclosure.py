"""Disclosure control: the one rule for publishing incident counts (report, wizard, monitor, exports).

Incident counts can point at persons (a victim, a suspect, a household). What Hotspot publishes
follows one rule, with the threshold ``t`` a setting (default 5):

1. **Primary suppression.** A count from 1 to ``t - 1`` is published as ``"<t"`` (:func:`is_small`).
   Zero is published: "none" is not a small group of persons.
2. **Secondary suppression.** Where parts are shown beside their total (safety fields and "all
   incidents", categories and their field, fields of an area and its total), a small part could be
   computed back as the total minus the other parts. :func:`protect_column` hides further parts,
   the smallest first, shown as ``"x"``, until no small part can be solved; when that is not
   possible (a total of 6 = 5 + 1), every part of the column is shown as ``"x"`` and only the total
   remains. The check assumes a reader who knows this rule: a ``"<t"`` cell lies in ``1 .. t-1``, an
   ``"x"`` cell hidden next to visible parts is at least ``t``, and the parts add up to the total.
3. **Nothing derived from a hidden count.** No rate, change, ratio or percentage is computed on a
   count that is ``"<t"`` or ``"x"`` (:func:`derived_shown`); a share of a visible count is shown only
   when the part and the rest are both at least ``t`` or zero (:func:`share_shown`), so
   "80% of 5" (which gives 4) is not printed.

**Charts are tables.** A bar, a cell of a heat table or a day-part share is a count: its height,
colour or label must not give a small count, and the bars of a chart must not give a hidden one
back with a total printed beside it (:func:`protect_series`: the series is protected as one column
whose total is known). A small or hidden bar is drawn as a hatched placeholder of fixed height
``t`` labelled ``"<t"`` or ``"x"``, never at its height or in its colour; the scale of a chart is
taken from the shown bars only. When the chart's total is itself not shown (a field published as
``"<t"`` or ``"x"``), no non-zero bar is shown either (they would add up to it).

**Fractional (aoristic) cells.** Weekday x hour tables and day parts may spread an incident over
its time window (Ratcliffe's aoristic method), so a cell can hold 0.3 incidents. Such a cell
follows the rule on its exact value: ``0 < v < t`` is small (a share of one incident is still that
incident). The secondary check assumes the reader knows every shown value exactly and models a
small cell as a whole number from 1 to ``t - 1``: that reader is stricter than one who knows the
cells may be fractions, so a hidden cell can never be computed to within one incident from the
fractions printed beside it and their total. Shown fractions may be printed (rounded).

**Exported tables.** Every table Hotspot writes as CSV for others (the area monitor, measure
effect, near-repeat Knox table) goes through :func:`protect_cells` (storage/csv_out.py): a
suppressed count is an empty cell with ``"<t"`` / ``"x"`` in its text column, and every value
derived from it (change, ratio, p-value, significance) is empty. The same tables saved as a
GeoPackage layer keep their exact values: they are for the analyst.

Counts that are not about persons (inhabitants, dwellings, risk objects, schouw findings) are not
suppressed. The report's method appendix states this rule; SECURITY.md explains it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

DEFAULT_THRESHOLD = 5
#: How a count is published.
SHOWN = "shown"
SMALL = "small"  # primary: "<t"
HIDDEN = "hidden"  # secondary: "x"
HIDDEN_MARK = "x"


def is_small(n: Optional[float], threshold: int = DEFAULT_THRESHOLD) -> bool:
    """True for a count to suppress in published outputs: ``0 < n < threshold``."""
    return n is not None and 0 < n < threshold


def small_text(threshold: int = DEFAULT_THRESHOLD) -> str:
    """What a small count is published as: ``"<5"``."""
    return f"<{int(threshold)}"


@dataclass(frozen=True)
class Column:
    """The publication states of a column of parts and their total (see :func:`protect_column`)."""

    parts: Tuple[str, ...]
    total: str = SHOWN

    def shown(self, i: int) -> bool:
        return self.parts[i] == SHOWN


def _state(n: Optional[float], threshold: int) -> str:
    return SMALL if is_small(n, threshold) else SHOWN


def _ranges(
    parts: Sequence[float], states: Sequence[str], total: Optional[float], total_state: str, threshold: int
) -> List[Tuple[int, int, int]]:
    """(index, lowest, highest) a reader can tell for every small part, from what is published."""
    all_hidden = all(s == HIDDEN for s in states)
    big = int(math.ceil(total)) if total is not None else 10**9
    lo: List[int] = []
    hi: List[int] = []
    for s in states:
        if s == SHOWN:
            continue
        if s == SMALL:
            lo.append(1)
            hi.append(threshold - 1)
        elif all_hidden:  # the whole column hidden: anything from 0 to the total
            lo.append(0)
            hi.append(big)
        else:
            lo.append(threshold)
            hi.append(big)
    hidden_index = [i for i, s in enumerate(states) if s != SHOWN]
    visible = sum(float(p or 0) for p, s in zip(parts, states) if s == SHOWN)
    if total is None:
        r_lo, r_hi = -(10**9), 10**9
    elif total_state == SMALL:
        r_lo, r_hi = 1 - visible, threshold - 1 - visible
    else:
        r_lo = r_hi = total - visible
    out = []
    sum_lo, sum_hi = sum(lo), sum(hi)
    for k, i in enumerate(hidden_index):
        if states[i] != SMALL:
            continue
        others_lo, others_hi = sum_lo - lo[k], sum_hi - hi[k]
        low = max(lo[k], math.ceil(r_lo - others_hi))
        high = min(hi[k], math.floor(r_hi - others_lo))
        out.append((i, int(low), int(high)))
    return out


def solvable(
    parts: Sequence[float], states: Sequence[str], total: Optional[float], total_state: str, threshold: int
) -> bool:
    """Whether a reader can tell the exact value of a small part from the published column."""
    return any(low >= high for _i, low, high in _ranges(parts, states, total, total_state, threshold))


def protect_column(
    parts: Sequence[Optional[float]], total: Optional[float] = None, threshold: int = DEFAULT_THRESHOLD
) -> Column:
    """Primary and secondary suppression of parts that add up to *total* (None: no total shown).

    The parts must be the whole breakdown of the total (or part of it: a part left out only widens
    what a reader can tell). Returns the state of every part and of the total.
    """
    values = [float(p or 0) for p in parts]
    states = [_state(v, threshold) for v in values]
    total_state = _state(total, threshold)
    if total is None or SMALL not in states:
        return Column(tuple(states), total_state)
    while solvable(values, states, total, total_state, threshold):
        candidates = [i for i, s in enumerate(states) if s == SHOWN and values[i] > 0]
        if not candidates:
            states = [HIDDEN] * len(states)
            break
        states[min(candidates, key=lambda i: (values[i], i))] = HIDDEN
    if solvable(values, states, total, total_state, threshold):
        states = [HIDDEN] * len(states)
    return Column(tuple(states), total_state)


def protect_series(
    values: Sequence[Optional[float]],
    threshold: int = DEFAULT_THRESHOLD,
    total_state: str = SHOWN,
) -> Tuple[str, ...]:
    """The states of the bars of a chart (a month trend, a weekday x hour table, day parts).

    The bars add up to a total that is printed elsewhere (or that a reader can work out), so the
    series is protected as one column beside its sum (:func:`protect_column`). *total_state* is how
    that total is published: when it is not shown, every non-zero bar is ``"<t"`` or ``"x"``.
    Values may be fractions (aoristic cells, see the module doc).
    """
    vals = [float(v or 0) for v in values]
    if total_state != SHOWN:
        return tuple(SMALL if is_small(v, threshold) else HIDDEN if v > 0 else SHOWN for v in vals)
    return protect_column(vals, sum(vals), threshold).parts


def protect_cells(
    values: Sequence[Optional[float]],
    columns: Sequence[Sequence[int]],
    threshold: int = DEFAULT_THRESHOLD,
) -> List[str]:
    """The states of the count cells of an exported table.

    *values* are the counts (any order); *columns* lists groups of indices into *values* whose sum
    is known to a reader (printed elsewhere or in the table): each group is protected beside its
    sum (:func:`protect_column`); a cell in no group gets primary suppression only.
    """
    states = [_state(float(v or 0), threshold) for v in values]
    for group in columns:
        idx = list(group)
        col = protect_column([values[i] for i in idx], sum(float(values[i] or 0) for i in idx), threshold)
        for i, st in zip(idx, col.parts):
            if st == HIDDEN:  # hidden in any group it belongs to
                states[i] = HIDDEN
    return states


def day_part_hours(first: int, end: int) -> List[int]:
    """The hours of a day part from *first* to *end* (exclusive; ``(23, 7)`` wraps past midnight)."""
    return [h for h in range(24) if (first <= h < end if first < end else (h >= first or h < end))]


def protect_week(
    table: Sequence[Sequence[Optional[float]]],
    threshold: int = DEFAULT_THRESHOLD,
    total_state: str = SHOWN,
    day_parts: Sequence[Tuple[int, int]] = (),
) -> List[Tuple[str, ...]]:
    """The states of a 7 x 24 weekday x hour table (rows Monday first, may be fractions).

    Its cells add up to the total; when the shares of the day parts are printed (*day_parts*:
    (first hour, end hour)), the cells of each day part add up to a known sum as well, so each day
    part is protected beside its own sum (which protects the total too: it is their sum). Hours in
    no day part form one more group.
    """
    flat = [float(v or 0) for row in table for v in row]
    if total_state != SHOWN or not day_parts:
        states: Sequence[str] = protect_series(flat, threshold, total_state)
    else:
        groups = [[d * 24 + h for d in range(7) for h in day_part_hours(a, b)] for a, b in day_parts]
        covered = {i for g in groups for i in g}
        rest = [i for i in range(len(flat)) if i not in covered]
        states = protect_cells(flat, groups + ([rest] if rest else []), threshold)
    return [tuple(states[d * 24 : (d + 1) * 24]) for d in range(len(flat) // 24)]


def mark(n: Optional[float], state: str, threshold: int = DEFAULT_THRESHOLD) -> Optional[str]:
    """The placeholder text of a bar or cell that is not shown (``"<t"`` or ``"x"``), else None."""
    if state == SMALL or (state == SHOWN and is_small(n, threshold)):
        return small_text(threshold)
    if state == HIDDEN:
        return HIDDEN_MARK
    return None


def protect_parts(
    head: Sequence[Optional[float]],
    parts: Sequence[Sequence[Optional[float]]],
    threshold: int = DEFAULT_THRESHOLD,
    head_states: Optional[Sequence[str]] = None,
) -> List[Tuple[str, ...]]:
    """The states of rows of counts (*parts*, e.g. safety fields) under a head row (their total),
    column by column with :func:`protect_column`. *head_states* (default: primary only) is how the
    head itself is published; in a column whose head is not shown, every non-zero part is hidden
    too (they would add up to the head)."""
    if head_states is None:
        head_states = [_state(v, threshold) for v in head]
    columns = []
    for c, total in enumerate(head):
        values = [row[c] for row in parts]
        if head_states[c] == SHOWN:
            columns.append(protect_column(values, total, threshold).parts)
        else:
            columns.append(
                tuple(SMALL if is_small(v, threshold) else HIDDEN if (v or 0) > 0 else SHOWN for v in values)
            )
    return [tuple(col[i] for col in columns) for i in range(len(parts))]


def publish(n: Optional[float], state: str, threshold: int, number) -> str:
    """The text of a count in *state*: *number(n)* when shown, ``"<t"`` or ``"x"``; "–" for None."""
    if n is None:
        return "–"
    if state == SMALL or (state == SHOWN and is_small(n, threshold)):
        return small_text(threshold)
    if state == HIDDEN:
        return HIDDEN_MARK
    return number(n)


def derived_shown(*states_or_counts, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Whether a rate, change, ratio or percentage computed on these counts may be shown.

    Each argument is a state (:data:`SHOWN`, :data:`SMALL`, :data:`HIDDEN`) or a count (small
    counts hide); every one must be shown.
    """
    for v in states_or_counts:
        if isinstance(v, str):
            if v != SHOWN:
                return False
        elif v is None or is_small(v, threshold):
            return False
    return True


def share_shown(part: Optional[float], whole: Optional[float], threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Whether "*part* of *whole* (as a share)" may be printed: the whole, the part and the rest
    are each zero or at least the threshold (fractional, aoristic counts are rounded first)."""
    if part is None or whole is None or whole <= 0:
        return False
    rest = whole - part
    return not any(is_small(round(v), threshold) or 0 < v < 0.5 for v in (whole, part, rest))


#: The counts of a measure's evaluation: (before, after) of the target, buffer and control areas.
EFFECT_KEYS = ("rb", "ra", "db", "da", "cb", "ca")


def protect_effect(counts, threshold: int = DEFAULT_THRESHOLD) -> dict:
    """The states of a measure evaluation's six counts (``rb``, ``ra``, ``db``, ``da``, ``cb``, ``ca``
    of a ``ZoneCounts``), as the report's evaluation page prints them.

    The target, buffer and control areas split all incidents of a period, so the three counts of the
    before period stand beside their sum (the period's incidents, known to anyone with the
    municipality's figures), and so do the three of the after period: each is protected as a column
    (:func:`protect_column`). The percentage changes, the odds ratio and the WDQ are computed on these
    counts: they follow :func:`derived_shown`.
    """
    values = [float(getattr(counts, k) or 0) for k in EFFECT_KEYS]
    states = protect_cells(values, [[0, 2, 4], [1, 3, 5]], threshold)
    return dict(zip(EFFECT_KEYS, states))
