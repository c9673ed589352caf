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
