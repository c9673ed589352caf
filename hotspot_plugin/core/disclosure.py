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

**Tables that add up to other tables.** The month charts of the safety fields add up, month by
month, to the month chart of all incidents (and the weekday x hour tables cell by cell, with their
day parts): a field's month is all incidents minus the other fields. Such a family is protected as
one two-way table with its margins (:func:`protect_table`, on :func:`protect_sums`): each row beside
its total (as the numbers table publishes it), each column beside the margin, the margin beside the
grand total, together, until stable. Its reader is stronger than the column's: he narrows every
cell through all the sums at once, and he is assumed to know which ``"x"`` are at least ``t``.

**Evaluation of measures.** The before and after counts of the target, buffer and control areas
stand beside the period's total (:func:`protect_effect`); no percentage change, odds ratio or WDQ is
printed on a count that is not shown.

**Findings.** A finding prints a figure (a count, a rate, a share, a ratio with its interval: each
gives the count back) only when the group's counts are shown in the tables
(core/finding_disclosure.py); the report checks each finding again at its own threshold, which may be
higher than the scan's (core.advice_rules.withhold_at), and prints it without its figures when not.

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


# ---- tables with margins: the reader's intervals -------------------------------------------------
_BIG = 1e12


def _bounds(values, states, lines, threshold, integral, floors):
    """The interval [lo, hi] a reader can tell for every cell from what is published: shown cells
    exactly, ``"<t"`` in 1 .. t-1 (0 .. t for fractions), ``"x"`` from its floor up, narrowed by
    every sum (a line: parts add up to a total) until nothing changes."""
    lo, hi = [], []
    for v, s, f in zip(values, states, floors):
        if s == SHOWN:
            lo.append(v)
            hi.append(v)
        elif s == SMALL:
            lo.append(1.0 if integral else 0.0)
            hi.append(threshold - 1.0 if integral else float(threshold))
        else:
            lo.append(f)
            hi.append(_BIG)
    for _ in range(200):
        changed = False
        for parts, total in lines:
            sum_lo = sum(lo[i] for i in parts)
            sum_hi = sum(hi[i] for i in parts)
            new = [(total, sum_lo, sum_hi)]
            for i in parts:
                new.append((i, lo[total] - (sum_hi - hi[i]), hi[total] - (sum_lo - lo[i])))
            for i, a, b in new:
                if integral:
                    a, b = math.ceil(a - 1e-9), math.floor(b + 1e-9)
                if a > lo[i] + 1e-9:
                    lo[i] = a
                    changed = True
                if b < hi[i] - 1e-9:
                    hi[i] = b
                    changed = True
        if not changed:
            break
    return lo, hi


def _told(lo, hi, i, integral) -> bool:
    return hi[i] - lo[i] < (0.5 if integral else 1.0 - 1e-9)


def protect_sums(
    values: Sequence[Optional[float]],
    lines: Sequence[Tuple[Sequence[int], int]],
    threshold: int = DEFAULT_THRESHOLD,
    states: Optional[Sequence[str]] = None,
    fixed: Sequence[int] = (),
    unpublished: Sequence[int] = (),
) -> List[str]:
    """Primary and secondary suppression of cells linked by sums (the general form of the rule).

    *values* are the cells (counts or aoristic fractions); each of *lines* is ``(parts, total)``:
    the cells *parts* add up to the cell *total*, and a reader knows it. *states* are the cells'
    states to start from (default: primary suppression); *fixed* cells keep their state (a count
    published elsewhere, e.g. a field's count in the numbers table); *unpublished* cells are never
    shown (anything from 0 up to a reader).

    The reader (:func:`_bounds`) knows the rule: a ``"<t"`` lies in 1 .. t-1, an ``"x"`` is at least
    ``t`` (he is assumed to know which are: an ``"x"`` that hides a small count, in a sum whose parts
    all went, is from 0), and every sum holds. It narrows each cell's interval by every sum in turn
    until nothing changes (so a cell is read through its row and its column together). While a small
    count (``"<t"``, or an ``"x"`` hiding one) can be told to within one incident, the smallest shown
    non-zero cell in a sum with a cell the reader can tell (the small one, or an ``"x"`` that gives it
    away) is hidden as ``"x"``; when there is none, every part of the small one's sums that may change
    is. Where a total is not shown, its non-zero parts are not shown either (they would add up to it).
    """
    vals = [float(v or 0) for v in values]
    integral = all(float(v).is_integer() for v in vals)
    st = list(states) if states is not None else [_state(v, threshold) for v in vals]
    fixed_set = set(fixed) | set(unpublished)
    for i in unpublished:
        st[i] = HIDDEN
    member: List[List[int]] = [[] for _ in vals]
    for k, (parts, total) in enumerate(lines):
        for i in list(parts) + [total]:
            member[i].append(k)
    for parts, total in lines:
        if st[total] != SHOWN:
            for i in parts:
                if st[i] == SHOWN and vals[i] > 0 and i not in fixed_set:
                    st[i] = HIDDEN if not is_small(vals[i], threshold) else SMALL
    # the reader is stronger than in a single column: he is assumed to know which "x" are at least t
    floors = [0.0 if (i in unpublished or v < threshold) else float(threshold) for i, v in enumerate(vals)]

    while True:
        lo, hi = _bounds(vals, st, lines, threshold, integral, floors)
        told = [
            i for i, s in enumerate(st) if s != SHOWN and is_small(vals[i], threshold) and _told(lo, hi, i, integral)
        ]
        if not told:
            return st
        i = told[0]
        # every cell the reader can tell that is not shown leads to the small one: hide beside those
        known = [j for j, s in enumerate(st) if s != SHOWN and _told(lo, hi, j, integral)]
        near = {j for m in known for k in member[m] for j in list(lines[k][0]) + [lines[k][1]]}
        candidates = [j for j in near if st[j] == SHOWN and vals[j] > 0 and j not in fixed_set]
        if candidates:
            st[min(candidates, key=lambda j: (vals[j], j))] = HIDDEN
            continue
        changed = False
        for k in member[i]:  # nothing left to hide beside it: the parts of its sums go
            for j in lines[k][0]:
                if j not in fixed_set and st[j] != HIDDEN:
                    st[j] = HIDDEN
                    changed = True
        if not changed:
            return st  # nothing more may change: the fixed cells give it (the caller's totals)


@dataclass(frozen=True)
class TableStates:
    """The states of a table protected with its margins (:func:`protect_table`)."""

    cells: Tuple[Tuple[str, ...], ...]  # rows x columns
    margin: Tuple[str, ...]  # the column totals (e.g. "all incidents" per month)
    groups: Tuple[Tuple[str, ...], ...] = ()  # (rows + 1) x groups: the sums of each row's column groups


def protect_table(
    cells: Sequence[Sequence[Optional[float]]],
    threshold: int = DEFAULT_THRESHOLD,
    row_states: Optional[Sequence[str]] = None,
    total_state: str = SHOWN,
    margin: Optional[Sequence[Optional[float]]] = None,
    column_groups: Sequence[Sequence[int]] = (),
) -> TableStates:
    """Suppression of a two-way table shown with its margins (fields x months beside the month chart of
    all incidents, fields x weekday-hour cells beside the all-incidents table).

    *cells* are the rows (e.g. safety fields), each a series (months); every row's total (its sum)
    is published elsewhere in *row_states* (fixed: default primary suppression beside the grand
    total), the column totals *margin* (default the column sums; when given and larger, the rest is
    an unpublished row) are published as a series beside the grand total (``total_state``) and may be
    hidden, and the grand total is fixed. *column_groups* (e.g. the day parts of a weekday x hour
    table) are groups of columns whose sum is published per row and for the margin (as a share
    beside the row's total): their states are returned in ``groups``, the margin's last. Every row
    beside its total, every column beside its margin, the margin beside the grand total and every
    group beside its columns are protected together (:func:`protect_sums`), until stable.
    """
    rows = [[float(v or 0) for v in r] for r in cells]
    n_rows = len(rows)
    n_cols = max((len(r) for r in rows), default=len(margin or ()))
    rows = [r + [0.0] * (n_cols - len(r)) for r in rows]
    sums = [sum(r[c] for r in rows) for c in range(n_cols)]
    top = [float(v or 0) for v in margin] if margin is not None else sums
    top = list(top) + [0.0] * (n_cols - len(top))
    rest = [max(0.0, a - b) for a, b in zip(top, sums)]
    if any(v > 1e-9 for v in rest):
        rows.append(rest)
    all_rows = rows + [top]
    width = n_cols + 1
    values: List[float] = []
    for r in all_rows:
        values += r + [sum(r)]
    grand = len(values) - 1

    def at(r: int, c: int) -> int:
        return r * width + c

    lines: List[Tuple[List[int], int]] = []
    for r in range(len(all_rows)):
        lines.append(([at(r, c) for c in range(n_cols)], at(r, n_cols)))
    data_rows = list(range(len(rows)))
    for c in range(n_cols + 1):
        lines.append(([at(r, c) for r in data_rows], at(len(rows), c)))
    group_index: List[List[int]] = []
    for r in range(len(all_rows)):
        idx = []
        for g in column_groups:
            values.append(sum(all_rows[r][c] for c in g))
            idx.append(len(values) - 1)
            lines.append(([at(r, c) for c in g], idx[-1]))
        group_index.append(idx)
    for k in range(len(column_groups)):
        lines.append(([group_index[r][k] for r in data_rows], group_index[len(rows)][k]))
    states = [_state(v, threshold) for v in values]
    given = list(row_states) if row_states is not None else list(
        protect_column([sum(r) for r in rows[:n_rows]], values[grand], threshold).parts)
    fixed = [grand] + [at(r, n_cols) for r in range(n_rows)]
    for r in range(n_rows):
        states[at(r, n_cols)] = given[r]
    states[grand] = total_state
    unpublished = [at(n_rows, c) for c in range(n_cols + 1)] + (group_index[n_rows] if len(rows) > n_rows else [])
    st = protect_sums(values, lines, threshold, states, fixed, unpublished if len(rows) > n_rows else ())
    table = tuple(tuple(st[at(r, c)] for c in range(n_cols)) for r in range(n_rows))
    top_states = tuple(st[at(len(rows), c)] for c in range(n_cols))
    groups = tuple(tuple(st[i] for i in group_index[r]) for r in list(range(n_rows)) + [len(rows)])
    return TableStates(table, top_states, groups)
