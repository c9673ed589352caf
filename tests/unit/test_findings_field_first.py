"""Findings v2 follow-ups (issue #15): a grouped finding names its safety field first when its strongest
evidence is a category, and a report at a higher small-count threshold than the scan's keeps no key
finding whose figures it withholds (the next one by score moves up, at most 7).

Expected texts are the demo report's (build/demo/advies_binnenstad.pdf, page 19, before the change) with
the field written in front by hand; the key findings by hand from the counts and thresholds below."""

from __future__ import annotations

import copy

from hotspot_plugin.core import disclosure as dc
from hotspot_plugin.core.advice import Advice, Finding, render
from hotspot_plugin.core.advice_rules import (
    KEY_MAX,
    T_CHANGE_DOWN_CI,
    T_EVENING_NIGHT_REF,
    T_REFERENCE_ALL_CI_KM2,
    T_REFERENCE_RATE_KM2,
    T_WITHHELD,
    keys_at,
    supporting_findings,
)
from tests.unit.test_advice_all_in_area import dutch

# The demo's key finding 1: the field "bedrijvigheid", its strongest evidence the category 1.4.3.
VIOLENCE = {"label": "Openlijk geweld (persoon)", "n": 43, "ratio": 20.2, "ci_low": 18.6, "ci_high": 20.2,
            "level": 95}


def violence_finding() -> Finding:
    return Finding(
        id="field:bedrijvigheid", rule="reference_high", safety_field="bedrijvigheid", category="1.4.3",
        template=T_REFERENCE_ALL_CI_KM2, params=dict(VIOLENCE), priority=1,
        evidence={"n": 43, "id": "reference_high:cat:1.4.3"}, group="cat:1.4.3", key=True, score=12.03,
        supporting=[{"id": "reference_high:field:bedrijvigheid", "rule": "reference_high",
                     "group": "field:bedrijvigheid", "category": None, "template": T_REFERENCE_RATE_KM2,
                     "params": {"label": "Bedrijvigheid en veiligheid", "rate": 446.6, "reference_rate": 32.4,
                                "ratio": 13.8, "ci_low": 13.1, "ci_high": 14.5, "level": 95},
                     "evidence": {"n": 578}, "score": 3.55},
                    {"id": "reference_high:cat:1.4.4", "rule": "reference_high", "group": "cat:1.4.4",
                     "category": "1.4.4", "template": T_REFERENCE_RATE_KM2,
                     "params": {"label": "Zakkenrollerij", "rate": 33.8, "reference_rate": 2.42, "ratio": 14.0,
                                "ci_low": 11.2, "ci_high": 16.4, "level": 95},
                     "evidence": {"n": 44}, "score": 3.96}],
    )


def test_a_grouped_finding_names_its_field_first():
    f = violence_finding()
    assert render(f) == (
        "Business and safety – Openlijk geweld (persoon): all 43 incidents of the reference area in this period "
        "lay in this area, 20.2 times its rate per km² (95% interval 18.6-20.2)"
    )
    assert render(f, dutch().get, decimal=",") == (
        "Bedrijvigheid en veiligheid – Openlijk geweld (persoon): alle 43 incidenten van het referentiegebied in "
        "deze periode lagen in dit gebied, 20,2 keer zijn cijfer per km² (95%-interval 18,6-20,2)"
    )
    # the supporting lines stand below their finding: no field in front
    lines = [render(s, dutch().get, decimal=",") for s in supporting_findings(f)]
    assert lines == [
        "Bedrijvigheid en veiligheid: 446,6 incidenten per km² tegen 32,4 in het hele referentiegebied, 13,8 keer "
        "zoveel (95%-interval 13,1-14,5)",
        "Zakkenrollerij: 33,8 incidenten per km² tegen 2,42 in het hele referentiegebied, 14,0 keer zoveel "
        "(95%-interval 11,2-16,4)",
    ]
    # saved and loaded (an advice of 0.3): the same text
    again = Advice.from_json(Advice(findings=[f]).to_json()).findings[0]
    assert render(again) == render(f)


def test_the_field_is_not_repeated_or_invented():
    f = violence_finding()
    # strongest evidence the field itself: its label is the field already
    field_head = copy.deepcopy(f)
    field_head.category, field_head.group = None, "field:jeugd"
    field_head.id, field_head.safety_field = "field:jeugd", "jeugd"
    field_head.template = T_EVENING_NIGHT_REF
    field_head.params = {"label": "Jeugd en veiligheid", "share": 0.62, "share_low": 0.52, "share_high": 0.73,
                         "reference_share": 0.12, "level": 95}
    assert render(field_head).startswith("Jeugd en veiligheid: 62% of the incidents")
    # categories without a field ("field:other"): no field to name
    other = copy.deepcopy(f)
    other.id, other.safety_field = "field:other", None
    assert render(other).startswith("Openlijk geweld (persoon): all 43")
    # a finding of findings v1 (Hotspot 0.1/0.2, id "rule:group"): as it was
    v1 = copy.deepcopy(f)
    v1.id, v1.key, v1.score, v1.supporting = "reference_high:cat:1.4.3", False, None, []
    assert render(v1).startswith("Openlijk geweld (persoon): all 43")
    # the user's own words (a rewritten drafted finding keeps its id): shown as written
    user = copy.deepcopy(f)
    user.rule, user.template, user.params = "user", "Veel geweld bij de horeca", {}
    assert render(user) == "Veel geweld bij de horeca"


def test_a_withheld_grouped_finding_names_its_field_too():
    f = violence_finding()
    f.template, f.params = T_WITHHELD, {"label": "Diefstal/inbraak bedrijven enz.", "test": "rate against the "
                                        "reference area"}
    assert render(f) == (
        "Business and safety – Diefstal/inbraak bedrijven enz.: a significant difference (rate against the "
        "reference area); its figures are not published because they rest on a small count"
    )


# ---- key findings at the report's threshold ------------------------------------------------------------
def grouped(field: str, category: str, n: int, score: float, key: bool, rule: str = "reference_high") -> Finding:
    """A grouped finding whose strongest evidence is category *category* with *n* incidents."""
    template = T_CHANGE_DOWN_CI if rule == "change_down" else T_REFERENCE_RATE_KM2
    params = {"label": category, "rate": 10.0, "reference_rate": 2.0, "ratio": 5.0, "ci_low": 4.0, "ci_high": 6.0,
              "level": 95}
    if rule == "change_down":
        params = {"label": category, "n": n, "n_comparison": 3 * n, "ratio": 0.33, "ci_low": 0.2, "ci_high": 0.5,
                  "level": 95}
    return Finding(id=f"field:{field}", rule=rule, safety_field=field, category=category, template=template,
                   params=params, priority=1 if key else (3 if rule == "change_down" else 2),
                   evidence={"n": n, "n_comparison": 3 * n}, group=f"cat:{category}", key=key, score=score)


SHOWN = (dc.SHOWN, dc.SHOWN, dc.SHOWN)


def states_of(findings):
    return {f.group: SHOWN for f in findings if f.group}


def test_a_key_finding_withheld_at_the_report_threshold_is_not_key():
    # seven key findings (scores 9..3) and an eighth that the scan cut off at KEY_MAX; B rests on 8 incidents
    fs = [grouped(f"f{k}", c, n, s, k < KEY_MAX)
          for k, (c, n, s) in enumerate([("A", 40, 9.0), ("B", 8, 8.0), ("C", 30, 7.0), ("D", 25, 6.0),
                                         ("E", 22, 5.0), ("F", 50, 4.0), ("G", 12, 3.0), ("H", 30, 2.0)])]
    fs.append(grouped("f8", "I", 40, 1.5, False, rule="change_down"))  # good news: never key
    withheld = grouped("f9", "J", 4, 2.5, False)  # withheld already at the scan's threshold 5
    withheld.template, withheld.params = T_WITHHELD, {"label": "J", "test": "rate against the reference area"}
    fs.append(withheld)
    states = states_of(fs)
    before = copy.deepcopy(fs)
    # at the scan's threshold 5 nothing changes
    assert [f.key for f in keys_at(fs, states, 5)] == [f.key for f in fs]
    # at 10: B (8 < 10) withheld -> not key; G (12) stays; H (30, next by score) moves up; 7 keys
    at_10 = keys_at(fs, states, 10)
    assert [f.category for f in at_10 if f.key] == ["A", "C", "D", "E", "F", "G", "H"]
    # at 25: B, E (22) and G (12) go; H moves up; no other candidate: 5 keys
    at_25 = keys_at(fs, states, 25)
    assert [f.category for f in at_25 if f.key] == ["A", "C", "D", "F", "H"]
    # a count the tables hide as "x" (secondary suppression) withholds too
    hidden = dict(states, **{"cat:A": (dc.HIDDEN, dc.SHOWN, dc.SHOWN)})
    assert [f.category for f in keys_at(fs, hidden, 10) if f.key] == ["C", "D", "E", "F", "G", "H"]
    assert fs == before  # the advice itself is not changed
    assert len(at_10) == len(fs)  # every finding stays (appendix B)


def test_no_finding_moves_up_without_a_demotion():
    # the user removed a key finding in the wizard: the report does not fill its place
    fs = [grouped("a", "A", 40, 9.0, True), grouped("b", "B", 30, 2.0, False)]
    assert [f.key for f in keys_at(fs, states_of(fs), 10)] == [True, False]
    # the user's own rewrite of a key finding is the user's text: not re-checked, stays key
    own = grouped("c", "C", 8, 5.0, True)
    own.rule, own.template, own.params = "user", "Acht incidenten", {}
    assert [f.key for f in keys_at([own], states_of([own]), 10)] == [True]
