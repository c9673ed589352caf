"""The one disclosure rule (core/disclosure.py), against hand-made tables and a brute-force reader.

The oracle is a reader who sees the published column (numbers, "<t", "x", the total) and knows
the rule's meaning of the marks: a "<t" cell is 1..t-1; an "x" next to visible parts is at least t;
a column of nothing but "x" is anything from 0 to the total; the parts add up to the total. The
reader tries every table that fits. A small count is safe when it can take at least two values.
"""

from __future__ import annotations

import itertools
import random

import pytest

from hotspot_plugin.core import disclosure as dc


def published(parts, total, column: dc.Column, t: int):
    marks = []
    for p, s in zip(parts, column.parts):
        marks.append("x" if s == dc.HIDDEN else f"<{t}" if s == dc.SMALL else int(p))
    total_mark = None if total is None else (f"<{t}" if column.total == dc.SMALL else int(total))
    return marks, total_mark


def possible_tables(marks, total_mark, t: int, cap: int):
    """Every table a reader cannot tell from the published one (brute force over all values)."""
    all_x = all(m == "x" for m in marks)
    options = []
    for m in marks:
        if m == "x":
            options.append(range(0, cap + 1) if all_x else range(t, cap + 1))
        elif m == f"<{t}":
            options.append(range(1, t))
        else:
            options.append([m])
    totals = range(1, t) if total_mark == f"<{t}" else [total_mark]
    for values in itertools.product(*options):
        if total_mark is None or sum(values) in totals:
            yield values


def recoverable(parts, total, t: int):
    """Indices of small parts whose value the brute-force reader can tell."""
    column = dc.protect_column(parts, total, t)
    marks, total_mark = published(parts, total, column, t)
    cap = int(total if total is not None else max(parts) + t)
    seen = {i: set() for i, p in enumerate(parts) if dc.is_small(p, t)}
    for values in possible_tables(marks, total_mark, t, cap):
        for i in seen:
            seen[i].add(values[i])
    assert all(parts[i] in v for i, v in seen.items())  # the truth is among them
    return [i for i, v in seen.items() if len(v) < 2], column


def test_the_issue_example_6_5_and_a_small_one():
    """'6 incidents; Veilige woon- en leefomgeving (5); Integriteit en veiligheid (<5)' gave 1."""
    column = dc.protect_column([5, 0, 0, 0, 1], 6)
    assert column.parts == (dc.HIDDEN,) * 5  # only the total can be published
    assert recoverable([5, 0, 0, 0, 1], 6, 5)[0] == []


@pytest.mark.parametrize(
    "parts, total, expected",
    [
        ([10, 6, 3, 1], 20, ("shown", "shown", "small", "small")),  # 3 + 1 = 4: each 1..3
        ([12, 6, 2], 20, ("shown", "hidden", "small")),  # x + <5 = 8: x is 5..7, the small one 1..3
        ([6, 5, 1], 12, ("hidden", "hidden", "small")),  # hiding 5 alone leaves 1 = 6 - 5
        ([30, 0, 4], 34, ("hidden", "shown", "small")),  # x + <5 = 34: x is 30..33
        ([7, 8], 15, ("shown", "shown")),  # nothing small
        ([3, 1], 4, ("small", "small")),  # the total is small itself
    ],
)
def test_hand_made_columns(parts, total, expected):
    column = dc.protect_column(parts, total, 5)
    assert column.parts == expected
    assert recoverable(parts, total, 5)[0] == []


def test_no_total_no_secondary():
    assert dc.protect_column([9, 2, 0]).parts == ("shown", "small", "shown")


def test_brute_force_on_many_tables():
    """Every column of up to 4 parts (0..13) and thresholds 3..6: no small part can be told."""
    rng = random.Random(14)
    checked = 0
    for _ in range(1500):
        t = rng.choice([3, 4, 5, 6])
        k = rng.randint(1, 4)
        parts = [rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 9, 13]) for _ in range(k)]
        total = sum(parts)
        if total == 0:
            continue
        bad, column = recoverable(parts, total, t)
        assert bad == [], (parts, t, column)
        # and nothing is hidden that need not be: a column without small parts is shown whole
        if not any(dc.is_small(p, t) for p in parts):
            assert set(column.parts) == {dc.SHOWN}
        checked += 1
    assert checked > 1000


def test_derived_values_need_shown_counts():
    assert dc.derived_shown(12, 30) and dc.derived_shown(dc.SHOWN, 7)
    assert not dc.derived_shown(5, 3)  # '5 / <5 / +67%' gave 3
    assert not dc.derived_shown(dc.HIDDEN, 30)
    assert not dc.derived_shown(None)


def test_shares():
    assert not dc.share_shown(4, 5)  # '80% of 5 in the evening or at night' gave 4
    assert not dc.share_shown(1, 6)
    assert not dc.share_shown(5, 6)  # the rest, 1, is small
    assert dc.share_shown(5, 10) and dc.share_shown(0, 9) and dc.share_shown(9, 9)


def test_publish_texts():
    number = str
    assert dc.publish(3, dc.SMALL, 5, number) == "<5"
    assert dc.publish(3, dc.SHOWN, 5, number) == "<5"  # a small count is never printed
    assert dc.publish(8, dc.HIDDEN, 5, number) == "x"
    assert dc.publish(8, dc.SHOWN, 5, number) == "8"
    assert dc.publish(0, dc.SHOWN, 5, number) == "0"
    assert dc.publish(None, dc.SHOWN, 5, number) == "–"


# Charts and exported tables (protect_series, protect_week, protect_cells) --------------------------


def interval_reader(values, states, total, t: int):
    """Indices of small cells a reader tells to within less than one incident, knowing every shown
    value exactly (fractions too), that a "<t" lies in (0, t), an "x" beside visible parts in
    [t, total] (all "x": [0, total]) and the total. An independent oracle for fractional series."""
    rest = total - sum(v for v, s in zip(values, states) if s == dc.SHOWN)
    all_x = all(s == dc.HIDDEN for v, s in zip(values, states) if v and s != dc.SHOWN)
    bounds = [(0.0, t) if s == dc.SMALL else ((0.0 if all_x else t), total) if s == dc.HIDDEN else None
              for s in states]
    lo = sum(b[0] for b in bounds if b)
    hi = sum(b[1] for b in bounds if b)
    told = []
    for i, s in enumerate(states):
        if s == dc.SMALL:
            low = max(0.0, rest - (hi - bounds[i][1]))
            high = min(float(t), rest - (lo - bounds[i][0]))
            if high - low < 1.0 - 1e-9:
                told.append(i)
    return told


def test_a_month_series_beside_its_printed_total():
    """10, 12, 3, 9, 12 beside 46: the bars alone give the 3 back; one more month is hidden."""
    states = dc.protect_series([10, 12, 3, 9, 12], 5)
    assert states.count(dc.SMALL) == 1 and states.count(dc.HIDDEN) == 1 and states[3] == dc.HIDDEN
    assert interval_reader([10, 12, 3, 9, 12], states, 46, 5) == []
    assert interval_reader([10, 12, 3, 9, 12], [dc.SHOWN, dc.SHOWN, dc.SMALL, dc.SHOWN, dc.SHOWN], 46, 5) == [2]


def test_a_series_of_a_hidden_total_shows_no_non_zero_bar():
    assert dc.protect_series([7, 0, 2, 6], 5, dc.HIDDEN) == (dc.HIDDEN, dc.SHOWN, dc.SMALL, dc.HIDDEN)


@pytest.mark.parametrize("seed", range(40))
def test_fractional_series_are_safe_against_the_interval_reader(seed):
    """Aoristic cells (quarters of incidents): no small cell is told to within one incident."""
    rng = random.Random(seed)
    choices = [0, 0, 0.25, 0.5, 1, 1.75, 2.5, 3.25, 4.75, 5, 6.5, 9.25, 14]
    values = [rng.choice(choices) for _ in range(rng.randint(2, 12))]
    states = dc.protect_series(values, 5)
    assert all(s != dc.SHOWN for v, s in zip(values, states) if dc.is_small(v, 5))
    if not dc.is_small(sum(values), 5):  # a small total is itself published as "<5", not given to the reader
        assert interval_reader(values, states, sum(values), 5) == []


@pytest.mark.parametrize("seed", range(15))
def test_weekday_hour_tables_protect_each_day_part(seed):
    """Every day part beside its own sum (its share is printed) and the whole table beside the total."""
    rng = random.Random(seed)
    table = [[rng.choice([0, 0, 0, 0.5, 1, 2, 3.5, 6, 8.25, 12]) for _h in range(24)] for _d in range(7)]
    states = dc.protect_week(table, 5, dc.SHOWN, [(7, 19), (19, 23), (23, 7)])
    for a, b in [(7, 19), (19, 23), (23, 7)]:
        cells = [(d, h) for d in range(7) for h in dc.day_part_hours(a, b)]
        values = [table[d][h] for d, h in cells]
        part_states = [states[d][h] for d, h in cells]
        if not dc.is_small(sum(values), 5):
            assert interval_reader(values, part_states, sum(values), 5) == [], (a, b)
    flat = [v for row in table for v in row]
    assert all(s != dc.SHOWN for v, s in zip(flat, [s for row in states for s in row]) if dc.is_small(v, 5))


def test_cells_in_known_sums_and_cells_without():
    states = dc.protect_cells([3, 10, 12, 4, 8, 9, 2], [[0, 1, 2], [3, 4, 5]], 5)
    assert states == [dc.SMALL, dc.HIDDEN, dc.SHOWN, dc.SMALL, dc.HIDDEN, dc.SHOWN, dc.SMALL]


def test_csv_rows_keep_no_small_count_and_nothing_derived_from_one():
    from hotspot_plugin.storage import csv_out

    rows = [["a", "T", 3, 10, 233.0, "3", "10"], ["b", "T", 12, 9, -25.0, "12", "9"],
            ["c", "T", 14, 20, 42.0, "14", "20"]]
    out = csv_out.protect_table(rows, [csv_out.CountColumn(2, 5, (4,)), csv_out.CountColumn(3, 6, (4,))],
                                lambda r, k: (r[1], k), 5)
    assert out == [["a", "T", None, 10, None, "<5", "10"], ["b", "T", None, 9, None, "x", "9"],
                   ["c", "T", 14, 20, 42.0, "14", "20"]]
