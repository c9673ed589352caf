"""Findings v2 (issue #15): exact tests against a reference for the same group, BH-FDR over all tests
of a scan, one finding per safety field, a score and at most 7 key findings.

Oracles: R's documented examples (binom.test, fisher.test) written out as numbers, hand computations,
and scans built so that the answer is known (a uniform town has no difference from its reference).
"""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest
from shapely.geometry import box

from hotspot_plugin.core import disclosure as dc
from hotspot_plugin.core import kde, zones
from hotspot_plugin.core.advice import Advice, Finding, draft_findings, load_catalogue, render, supporting_findings
from hotspot_plugin.core.advice_rules import KEY_MAX, T_WITHHELD, certainty, score
from hotspot_plugin.core.exact_tests import (
    binom_test,
    binom_test_greater,
    fisher_exact,
    fisher_exact_greater,
)
from hotspot_plugin.core.fdr import bh_adjusted, fdr_bh
from hotspot_plugin.core.finding_disclosure import published_states
from hotspot_plugin.core.scan import Buurt, IncidentData, ScanInputs, run_scan
from hotspot_plugin.core.scan_reference import late_flags

PERIOD = (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))
COMPARISON = (np.datetime64("2023-01-01T00:00:00"), np.datetime64("2024-01-01T00:00:00"))


# ---- the exact tests against R ---------------------------------------------------------------------
def test_binom_test_matches_r():
    # R: binom.test(c(682, 243), p = 3/4) -> p-value = 0.3825 (the help page's Mendel example)
    assert binom_test(682, 925, 0.75) == pytest.approx(0.3825, abs=5e-5)
    # R: binom.test(7, 10, 0.3) -> p-value = 0.01059; by hand only the upper tail counts
    # (P(X = 0) = 0.028 is more likely than P(X = 7) = 0.009): P(X >= 7) = 0.0105921
    assert binom_test(7, 10, 0.3) == pytest.approx(0.0105921, rel=1e-5)
    assert binom_test_greater(7, 10, 0.3) == pytest.approx(0.0105921, rel=1e-5)
    assert binom_test(0, 0, 0.5) == 1.0 and binom_test(5, 10, 0.5) == pytest.approx(1.0)


def test_fisher_exact_matches_r():
    # R: fisher.test(TeaTasting) (matrix 3,1,1,3): p-value = 0.4857; alternative "greater": 0.2429
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(0.4857, abs=5e-5)
    assert fisher_exact_greater(3, 1, 1, 3) == pytest.approx(0.2429, abs=5e-5)
    # fisher.test(matrix(c(1, 11, 9, 3), 2)): p-value = 0.002759 (the classic 1, 9 / 11, 3 table)
    assert fisher_exact(1, 9, 11, 3) == pytest.approx(0.002759, abs=5e-7)
    # by hand: 8, 2 / 1, 5 -> (P(a=8) + P(a=9) + P(a=3)) = 0.034965
    assert fisher_exact(8, 2, 1, 5) == pytest.approx(0.034965, abs=5e-7)


def test_bh_adjusted_by_hand():
    p = np.array([0.01, 0.04, 0.03, 0.5, np.nan])
    # sorted 0.01, 0.03, 0.04, 0.5 (m = 4): 0.04, 0.06->0.0533, 0.0533, 0.5; monotone from the top
    q = bh_adjusted(p)
    assert q[:4] == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])
    assert math.isnan(q[4])
    for alpha in (0.01, 0.04, 0.05, 0.06, 0.6):
        assert ((q <= alpha) == fdr_bh(p, alpha)).all()


def test_score_parts():
    assert certainty(0.001) == 1.0 and certainty(0.05) == pytest.approx(math.log10(20) / 3)
    assert score(2.0, 0.001, 3.0) == pytest.approx(math.log(2) * 3)


def test_late_flags():
    t = np.array(["2024-01-01T18:59", "2024-01-01T19:00", "2024-01-01T06:59", "2024-01-01T07:00",
                  "2024-01-01T16:00", "2024-01-01T10:00"], dtype="datetime64[s]")
    # the fifth has a window 16:00-22:00 (middle 19:00, late); the sixth one of 12 hours (left out)
    end = np.array(["NaT", "NaT", "NaT", "NaT", "2024-01-01T22:00", "2024-01-01T22:00"], dtype="datetime64[s]")
    timed, late = late_flags(t, end)
    assert timed.tolist() == [True, True, True, True, True, False]
    assert late.tolist() == [False, True, True, False, True, False]


# ---- scans ------------------------------------------------------------------------------------------
def town(rng, n, area_extra=0, late_share_area=None, categories=(("1.1.1", "woon_leefomgeving"),)):
    """Incidents uniform over a 4 x 4 km municipality of 16 buurten (1,000 inhabitants each), in the
    period and the comparison period, at uniformly drawn hours; plus *area_extra* in the area."""
    xs, ys, ts, cs, fs = [], [], [], [], []
    for start in (COMPARISON[0], PERIOD[0]):
        k = n
        xs.append(rng.uniform(0, 4000, k))
        ys.append(rng.uniform(0, 4000, k))
        ts.append(start + rng.integers(0, 365 * 86400, k).astype("timedelta64[s]"))
        pick = rng.integers(0, len(categories), k)
        cs.append(np.array([categories[i][0] for i in pick]))
        fs.append(np.array([categories[i][1] for i in pick]))
    inc = IncidentData(np.concatenate(xs), np.concatenate(ys), np.concatenate(ts), np.concatenate(cs),
                       np.concatenate(fs))
    buurten = [Buurt(box(i * 1000, j * 1000, (i + 1) * 1000, (j + 1) * 1000), 1000, 450, f"BU{i}{j}", f"B{i}{j}")
               for i in range(4) for j in range(4)]
    return inc, buurten


def kde_zones(inc, area):
    """Top-5 % density zones of the period's incidents, as the scan's hotspot zones are made."""
    sel = (inc.t >= PERIOD[0]) & (inc.t < PERIOD[1])
    xmin, ymin, xmax, ymax = area.buffer(1000).bounds
    grid = kde.grid_for_extent(xmin, ymin, xmax, ymax, 25.0, snap=True)
    values, touched = kde.density(inc.x[sel], inc.y[sel], None, 150.0, grid)
    return zones.zones_from_raster(values, touched, grid.gdal_transform, top_percent=5.0)


CATS = (("1.1.1", "woon_leefomgeving"), ("2.2.1", "woon_leefomgeving"), ("1.4.3", "bedrijvigheid"),
        ("2.5.2", "bedrijvigheid"), ("M.1", "jeugd"), ("3.1.1", "integriteit"), ("1.3.1", "fysiek"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_uniform_town_drafts_no_key_finding(seed):
    """No difference from the reference exists: incidents uniform in space and time over the
    municipality, the same intensity in both periods. Then no key finding may be drafted."""
    rng = np.random.default_rng(seed)
    inc, buurten = town(rng, 6000, categories=CATS)
    area = box(1000, 1000, 2000, 2000)
    result = run_scan(ScanInputs(inc, area, PERIOD, COMPARISON, buurten=buurten, zones=kde_zones(inc, area)))
    assert result.group("total")["area"]["n"] > 300  # enough to test
    findings = draft_findings(result, {}, load_catalogue())
    assert [f.id for f in findings if f.key] == []


def test_a_real_difference_is_a_key_finding_with_its_figure():
    """The same town with 60 extra burglaries in the area, all at 23:30: the rate, the change and the
    evening/night share differ; one key finding (woon), its interval contains its estimate."""
    rng = np.random.default_rng(5)
    inc, buurten = town(rng, 3000, categories=CATS)
    extra = 60
    inc = IncidentData(
        np.r_[inc.x, rng.uniform(1100, 1900, extra)],
        np.r_[inc.y, rng.uniform(1100, 1900, extra)],
        np.r_[inc.t, np.datetime64("2024-03-01T23:30:00") + np.arange(extra) * np.timedelta64(5, "D")],
        np.r_[inc.category, ["1.1.1"] * extra],
        np.r_[inc.safety_field, ["woon_leefomgeving"] * extra],
    )
    area = box(1000, 1000, 2000, 2000)
    result = run_scan(ScanInputs(inc, area, PERIOD, COMPARISON, buurten=buurten))
    findings = draft_findings(result, {}, load_catalogue())
    keys = [f for f in findings if f.key]
    assert [f.id for f in keys] == ["field:woon_leefomgeving"]
    f = keys[0]
    assert f.priority == 1 and f.score and f.score > 0
    rules_seen = {f.rule} | {s["rule"] for s in f.supporting}
    assert {"reference_high", "evening_night", "change_up"} <= rules_seen
    for member in [f] + supporting_findings(f):
        e = member.evidence
        assert e["ci_low"] <= e["estimate"] <= e["ci_high"], member.id
        assert e["reference"] is not None and e["q_value"] < 0.05
        assert member.score <= f.score
    # the evening/night evidence, recomputed by hand from the scan's counts
    en = next(s for s in [f] + supporting_findings(f) if s.rule == "evening_night")
    g = result.group(en.group)["evening_night"]
    assert en.evidence["estimate"] == g["area"]["late"] / g["area"]["timed"]
    assert en.evidence["reference"] == g["rest"]["late"] / g["rest"]["timed"]
    assert en.evidence["p_value"] == pytest.approx(
        fisher_exact(g["area"]["late"], g["area"]["timed"] - g["area"]["late"], g["rest"]["late"],
                     g["rest"]["timed"] - g["rest"]["late"]))
    text = render(f)
    assert "interval" in text and ("against" in text or "which cover" in text)
    # saved and loaded: key, score and supporting lines survive; merge keeps working
    again = Advice.from_json(Advice.draft(findings, load_catalogue()).to_json())
    assert again.findings == findings


def test_at_most_seven_key_findings_by_score():
    rng = np.random.default_rng(8)
    cats = tuple((f"9.{i}", f) for i, f in enumerate(["woon_leefomgeving", "bedrijvigheid", "jeugd", "fysiek",
                                                       "integriteit"] * 2))
    inc, buurten = town(rng, 2000, categories=cats)
    extra = 400
    codes = np.array([c for c, _f in cats] * (extra // len(cats)))
    fields = np.array([f for _c, f in cats] * (extra // len(cats)))
    inc = IncidentData(
        np.r_[inc.x, rng.uniform(1100, 1900, extra)], np.r_[inc.y, rng.uniform(1100, 1900, extra)],
        np.r_[inc.t, np.datetime64("2024-03-01T12:00:00") + (np.arange(extra) % 300) * np.timedelta64(1, "D")],
        np.r_[inc.category, codes], np.r_[inc.safety_field, fields],
    )
    result = run_scan(ScanInputs(inc, box(1000, 1000, 2000, 2000), PERIOD, COMPARISON, buurten=buurten))
    findings = draft_findings(result, {}, load_catalogue())
    keys = [f for f in findings if f.key]
    assert 1 <= len(keys) <= KEY_MAX
    assert len({f.safety_field for f in keys}) == len(keys)  # one finding per field
    assert [f.score for f in keys] == sorted((f.score for f in keys), reverse=True)


def test_a_hidden_count_is_not_printed_and_not_key():
    """A category whose count the tables hide as "x" (secondary suppression) gets no figures."""
    rng = np.random.default_rng(5)
    inc, buurten = town(rng, 3000, categories=CATS)
    extra = 40
    inc = IncidentData(
        np.r_[inc.x, rng.uniform(1100, 1900, extra)], np.r_[inc.y, rng.uniform(1100, 1900, extra)],
        np.r_[inc.t, np.datetime64("2024-03-01T23:30:00") + np.arange(extra) * np.timedelta64(5, "D")],
        np.r_[inc.category, ["1.1.1"] * extra], np.r_[inc.safety_field, ["woon_leefomgeving"] * extra],
    )
    result = run_scan(ScanInputs(inc, box(1000, 1000, 2000, 2000), PERIOD, COMPARISON, buurten=buurten))
    r = copy.deepcopy(result)
    # 2.2.1 is made small ("<5"): 1.1.1 beside it in the woon field must then be hidden as "x"
    g = r.group("cat:2.2.1")
    r.group("field:woon_leefomgeving")["area"]["n"] -= g["area"]["n"] - 2
    g["area"]["n"] = 2
    states = published_states(r, 5)
    assert states["cat:2.2.1"][0] == dc.SMALL and states["cat:1.1.1"][0] == dc.HIDDEN
    findings = draft_findings(r, {}, load_catalogue())
    members = [m for f in findings for m in [f] + supporting_findings(f)]
    burglary = [m for m in members if m.group == "cat:1.1.1"]
    assert burglary and all(m.template == T_WITHHELD for m in burglary)
    assert all(not any(ch.isdigit() for ch in render(m)) for m in burglary)
    assert not any(f.key and f.group == "cat:1.1.1" for f in findings)


def test_old_findings_still_load_and_merge():
    old = {"id": "evening_night:cat:1.1.1", "rule": "evening_night", "safety_field": "woon_leefomgeving",
           "category": "1.1.1", "template": "{label}: {share} of the incidents happen in the evening or at night "
           "(19:00-07:00)", "params": {"label": "Inbraak", "share": 0.7}, "priority": 2, "evidence": {},
           "measures": [], "group": "cat:1.1.1"}
    f = Finding.from_json(old)
    assert f.key is False and f.score is None and f.supporting == []
    assert f.to_json() == old
    assert render(f) == "Inbraak: 70% of the incidents happen in the evening or at night (19:00-07:00)"
