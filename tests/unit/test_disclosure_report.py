"""The report's extra disclosure checks in core: a measure's evaluation counts (protect_effect) and a
finding re-checked at the report's threshold (withhold_at). Expected values by hand."""

from __future__ import annotations

from types import SimpleNamespace

from hotspot_plugin.core import disclosure as dc
from hotspot_plugin.core.advice import Finding, render, withhold_at
from hotspot_plugin.core.advice_rules import T_CHANGE_UP_CI, T_WITHHELD


def test_effect_counts_beside_the_period_totals():
    counts = SimpleNamespace(rb=2, ra=6, db=40, da=38, cb=900, ca=910)
    states = dc.protect_effect(counts, 5)
    # before: 2 is "<5"; beside 40 and 900 with the total 942 known, the smallest other (40) goes as "x"
    assert states == {"rb": dc.SMALL, "db": dc.HIDDEN, "cb": dc.SHOWN, "ra": dc.SHOWN, "da": dc.SHOWN,
                      "ca": dc.SHOWN}
    # by hand: rb + db = 942 - 900 = 42 with db >= 5: rb can be 1, 2, 3 or 4
    assert not dc.derived_shown(states["rb"], states["ra"])  # no change in the target area
    assert dc.protect_effect(SimpleNamespace(rb=0, ra=0, db=7, da=9, cb=50, ca=60), 5) == dict.fromkeys(
        dc.EFFECT_KEYS, dc.SHOWN)


def change_finding(n: int, n_c: int) -> Finding:
    return Finding(id="field:x", rule="change_up", safety_field="woon_leefomgeving", category="1.1.1",
                   template=T_CHANGE_UP_CI, params={"label": "Inbraak", "n": n, "n_comparison": n_c, "ratio": 2.5,
                                                    "ci_low": 1.2, "ci_high": 5.1, "level": 95},
                   priority=2, evidence={"n": n, "n_comparison": n_c}, group="cat:1.1.1")


def test_a_finding_is_checked_again_at_the_report_threshold():
    f = change_finding(8, 20)
    shown = {"cat:1.1.1": (dc.SHOWN, dc.SHOWN, dc.SHOWN)}
    assert withhold_at(f, shown, 5) is f  # drafted at 5: 8 is shown
    at_10 = withhold_at(f, shown, 10)
    assert at_10.template == T_WITHHELD and at_10.params["label"] == "Inbraak"
    assert not any(ch.isdigit() for ch in render(at_10))  # no 8, no ratio, no interval
    assert f.template == T_CHANGE_UP_CI  # the advice itself is not changed
    hidden = {"cat:1.1.1": (dc.HIDDEN, dc.SHOWN, dc.SHOWN)}  # 12 hidden as "x" beside a small one
    assert withhold_at(change_finding(12, 20), hidden, 10).template == T_WITHHELD
    user = Finding(id="user:1", rule="user", safety_field=None, category=None, template="8 fietsen", params={},
                   priority=2, evidence={})
    assert withhold_at(user, shown, 10) is user
