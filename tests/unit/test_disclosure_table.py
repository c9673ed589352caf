"""Two-way tables with margins (core.disclosure.protect_table / protect_sums), against a brute force.

The oracle is a reader who knows the rule and tries every whole-number value of every cell that is
not shown: a "<t" is 1 .. t-1, an "x" is at least t (from 0 when a row or column of it has only "x"
parts), the rows add up to their totals (published as the numbers table shows them), the columns
to the margin (the chart of all incidents, itself published under the rule) and the margin to the
grand total. A "<t" is safe when at least two values fit every sum; the true table must fit too.
"""

from __future__ import annotations

import numpy as np
import pytest

from hotspot_plugin.core import disclosure as dc


def published(values, states):
    return ["x" if s == dc.HIDDEN else "small" if s == dc.SMALL else v for v, s in zip(values, states)]


def brute_force(cells, row_totals, margin, grand, t):
    """Values each "<t" inner or margin cell can take (by index (r, c) / ("m", c)), searched over
    every assignment of the inner cells that are not shown."""
    rows, cols = len(cells), len(margin)
    bound = grand if isinstance(grand, int) else 10 * t

    def domain(p, all_x):
        if p == "small":
            return range(1, t)
        if p == "x":
            return range(0 if all_x else t, bound + 1)
        return range(p, p + 1)

    row_all_x = [all(p == "x" for p in r) for r in cells]
    col_all_x = [all(cells[r][c] == "x" for r in range(rows)) for c in range(cols)]
    margin_all_x = all(p == "x" for p in margin)
    totals_all_x = all(p == "x" for p in row_totals)
    unknown = [(r, c) for r in range(rows) for c in range(cols) if not isinstance(cells[r][c], int)]
    domains = [domain(cells[r][c], row_all_x[r] or col_all_x[c]) for r, c in unknown]
    seen = {}
    grid = [[p if isinstance(p, int) else 0 for p in r] for r in cells]

    def fits(value, p, all_x):
        return value in domain(p, all_x) if not isinstance(p, int) else value == p

    row_hi = [p if isinstance(p, int) else t - 1 if p == "small" else bound for p in row_totals]
    col_hi = [p if isinstance(p, int) else t - 1 if p == "small" else bound for p in margin]

    def search(k):  # depth first over the unknown cells, cut where a row or column sum is passed
        if k < len(unknown):
            r, c = unknown[k]
            for v in domains[k]:
                if v > min(row_hi[r], col_hi[c]):
                    break
                grid[r][c] = v
                if sum(grid[r]) > row_hi[r] or sum(g[c] for g in grid) > col_hi[c]:
                    break
                yield from search(k + 1)
            grid[r][c] = 0
            return
        yield [row[:] for row in grid]

    for found in search(0):
        sums = [sum(r) for r in found]
        if not all(fits(s, p, totals_all_x) for s, p in zip(sums, row_totals)):
            continue
        col = [sum(found[r][c] for r in range(rows)) for c in range(cols)]
        if not all(fits(s, p, margin_all_x) for s, p in zip(col, margin)):
            continue
        if isinstance(grand, int) and sum(col) != grand:
            continue
        for r, c in unknown:
            if cells[r][c] == "small":
                seen.setdefault((r, c), set()).add(found[r][c])
        for c, p in enumerate(margin):
            if p == "small":
                seen.setdefault(("m", c), set()).add(col[c])
    return seen


def check(table, t, row_states=None):
    states = dc.protect_table(table, t, row_states=row_states)
    rows = [list(r) for r in table]
    row_sums = [sum(r) for r in rows]
    grand = sum(row_sums)
    if row_states is None:
        row_states = dc.protect_column(row_sums, grand, t).parts
    cells = [published(r, s) for r, s in zip(rows, states.cells)]
    margin = published([sum(c) for c in zip(*rows)], states.margin)
    totals = published(row_sums, row_states)
    seen = brute_force(cells, totals, margin, grand, t)
    for key in [(r, c) for r in range(len(rows)) for c in range(len(rows[0])) if cells[r][c] == "small"] + [
        ("m", c) for c, p in enumerate(margin) if p == "small"
    ]:
        assert key in seen, f"the true table does not fit the reader's rule: {table}, {key}"
        assert len(seen[key]) >= 2, f"{key} told: {table} published as {cells} / {margin} / {totals}"
    return sum(p == "small" for r in cells for p in r), states


def test_the_issue_case_a_field_month_is_all_minus_the_others():
    """Months of two fields beside the chart of all incidents: field B's 2 in March is all (9) minus A (7)."""
    table = [[12, 10, 7], [8, 9, 2]]
    states = dc.protect_table(table, 5)
    assert states.cells[1][2] == dc.SMALL
    assert states.cells[0][2] == dc.HIDDEN or states.margin[2] == dc.HIDDEN
    # the 1-D rule alone (each field beside its own total) leaves A's 7 and the margin's 9 visible:
    assert dc.protect_series(table[0], 5)[2] == dc.SHOWN and dc.protect_series([20, 19, 9], 5)[2] == dc.SHOWN
    check(table, 5)


def test_the_brute_force_sees_the_one_dimensional_leak():
    table = [[12, 10, 7], [8, 9, 2]]
    one_d = [published(r, dc.protect_series(r, 5)) for r in table]
    margin = published([20, 19, 9], dc.protect_series([20, 19, 9], 5))
    seen = brute_force(one_d, [29, 19], margin, 48, 5)
    assert seen[(1, 2)] == {2}  # the oracle tells the 2 that the old wizard showed as "<5"


@pytest.mark.parametrize("seed", range(6))
def test_random_small_tables_against_the_brute_force(seed):
    rng = np.random.default_rng(seed)
    small = 0
    for _ in range(30):
        rows, cols = int(rng.integers(2, 4)), int(rng.integers(2, 4))
        cols = 2 if rows * cols > 6 else cols  # at most six cells: the brute force stays quick
        t = int(rng.choice([3, 4]))
        table = rng.choice([0, 1, 2, 3, 4, 5, 6, 8], size=(rows, cols)).tolist()
        if sum(map(sum, table)) == 0:
            continue
        found, _states = check(table, t)
        small += found
    assert small > 0


def test_fixed_row_states_are_kept():
    """A field shown as "x" in the numbers table stays "x"; its months are not shown."""
    table = [[6, 6, 6], [1, 1, 0], [9, 9, 9]]
    states = dc.protect_table(table, 5, row_states=(dc.HIDDEN, dc.SMALL, dc.SHOWN))
    assert all(s != dc.SHOWN for s in states.cells[0])
    check(table, 5, row_states=(dc.HIDDEN, dc.SMALL, dc.SHOWN))


def test_column_groups_are_sums_too():
    """Day parts: the sum of a group of columns is printed per row (as a share beside its total)."""
    table = [[10, 0, 3, 8], [6, 7, 5, 9]]
    groups = [[0, 1], [2, 3]]
    states = dc.protect_table(table, 5, column_groups=groups)
    assert len(states.groups) == 3 and all(len(g) == 2 for g in states.groups)
    assert states.cells[0][2] == dc.SMALL
    # row 0's second group (3 + 8 = 11) and the cell 8 cannot both be shown
    assert states.groups[0][1] != dc.SHOWN or states.cells[0][3] != dc.SHOWN


def test_fractions_are_read_to_within_one_incident():
    table = [[7.5, 12.25, 2.25], [8.0, 6.5, 9.0]]
    states = dc.protect_table(table, 5)
    assert states.cells[0][2] == dc.SMALL
    assert states.cells[0][0] != dc.SHOWN or states.cells[0][1] != dc.SHOWN or states.margin[2] != dc.SHOWN
