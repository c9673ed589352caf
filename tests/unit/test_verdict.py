"""The verdict of an advice (core.verdict): JSON round trip, validation, the CPTED mapping, and its
place in the scan record (records of Hotspot 0.1 and 0.2 load without one)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.scan_record import ScanRecordData
from hotspot_plugin.core.verdict import (
    DECISIONS,
    PRINCIPLE_KEYS,
    PRINCIPLES,
    Verdict,
    condition_lines,
    decision_key,
    overridden,
)

ROOT = Path(__file__).resolve().parents[2]

# the JSON of a verdict written by hand (the oracle of the round trip)
PLAN = {
    "format": "hotspot-verdict/1",
    "decision": "positive_conditions",
    "conditions": ["Verlichting langs het fietspad", "Haag langs de speelplaats max. 1 m hoog"],
    "motivation": "Het plan is goed, mits twee punten worden aangepast.",
    "subject": {"kind": "plan", "description": "Herinrichting Marktplein", "source": "/data/plan.gpkg",
                "layer": "ontwerp"},
    "principles": [
        {"key": "sight_lines", "score": "partly", "remark": "Haag te hoog"},
        {"key": "lighting", "score": "no", "remark": "Fietspad donker"},
        {"key": "natural_surveillance", "score": "yes", "remark": ""},
        {"key": "territoriality", "score": "yes", "remark": ""},
        {"key": "access", "score": "", "remark": ""},
        {"key": "maintenance", "score": "partly", "remark": "Beheer nog niet afgesproken"},
    ],
}


def test_round_trip_keeps_everything_and_unknown_keys():
    data = dict(PLAN, later_key={"a": 1})
    verdict = Verdict.from_json(data)
    assert verdict.decision == "positive_conditions" and verdict.subject == "plan"
    assert (verdict.plan_source, verdict.plan_layer) == ("/data/plan.gpkg", "ontwerp")
    assert verdict.score_of("lighting").score == "no"
    assert verdict.has_plan_layer
    assert verdict.to_json() == data
    assert Verdict.from_json(json.loads(json.dumps(verdict.to_json()))) == verdict


def test_missing_principles_are_unscored_and_in_order():
    data = dict(PLAN, principles=[{"key": "maintenance", "score": "no", "remark": "x"}])
    verdict = Verdict.from_json(data)
    assert [s.key for s in verdict.scores] == list(PRINCIPLE_KEYS)
    assert [s.score for s in verdict.scores] == ["", "", "", "", "", "no"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"decision": "positive_conditions", "conditions": []}, "at least one condition"),
        ({"decision": "positive_conditions", "conditions": ["  ", ""]}, "at least one condition"),
        ({"decision": "positive"}, "has no conditions"),
        ({"decision": "negative", "conditions": [], "motivation": " "}, "needs a reason"),
        ({"decision": "maybe"}, "positive, positive under conditions or negative, not maybe"),
        ({"subject": {"kind": "place", "source": "/data/plan.gpkg"}}, "belongs to a plan"),
        ({"subject": {"kind": "street"}}, "a place or a plan"),
        ({"principles": [{"key": "lighting", "score": "maybe"}]}, "yes, partly or no, not maybe"),
        ({"principles": [{"key": "cameras", "score": "yes"}]}, "Unknown design principle cameras"),
        ({"principles": [{"key": "lighting", "score": "yes"}, {"key": "lighting", "score": "no"}]}, "twice"),
        ({"format": "other/1"}, "unknown format"),
    ],
)
def test_invalid_verdicts_are_refused(change, message):
    with pytest.raises(InputError, match=message):
        Verdict.from_json(dict(PLAN, **change))


def test_valid_edge_cases():
    # negative with only what must change, or with only a motivation; positive without conditions
    assert Verdict(decision="negative", conditions=["Geen doodlopende steeg"]).validate()
    assert Verdict(decision="negative", motivation="Te donker").validate()
    assert Verdict(decision="positive").validate().conditions == []
    # blank conditions are dropped, the others stripped
    v = Verdict(decision="positive_conditions", conditions=[" a ", "", "b"]).validate()
    assert v.conditions == ["a", "b"]


def test_condition_lines_and_decision_labels():
    assert condition_lines("- eerste\n\n  * tweede  \n• derde\n") == ["eerste", "tweede", "derde"]
    assert condition_lines("") == [] and condition_lines(None) == []
    assert decision_key("positief onder voorwaarden") == "positive_conditions"
    assert decision_key("Positive under conditions") == "positive_conditions"
    assert decision_key("NEGATIEF") == "negative" and decision_key("positive") == "positive"
    with pytest.raises(InputError, match="not goed"):
        decision_key("goed")
    assert set(DECISIONS) == {"positive", "positive_conditions", "negative"}


def test_parameters_override_the_saved_verdict():
    saved = Verdict.from_json(PLAN)
    # nothing given: the saved verdict
    assert overridden(saved, None, None) == saved
    # another decision: its conditions from the parameters only; subject and scores stay
    positive = overridden(saved, "positive", None)
    assert (positive.decision, positive.conditions) == ("positive", [])
    assert positive.plan_layer == "ontwerp" and positive.score_of("lighting").score == "no"
    # only conditions: they replace the saved ones
    assert overridden(saved, None, ["c"]).conditions == ["c"]
    # no saved verdict
    assert overridden(None, None, None) is None
    fresh = overridden(None, "positief onder voorwaarden", ["a", "b"])
    assert (fresh.decision, fresh.conditions, fresh.subject) == ("positive_conditions", ["a", "b"], "place")
    with pytest.raises(InputError, match="no verdict"):
        overridden(None, None, ["a"])
    with pytest.raises(InputError, match="at least one condition"):
        overridden(saved, "positive_conditions", [])
    with pytest.raises(InputError, match="needs a reason"):
        overridden(None, "negative", None)
    assert overridden(None, "negative", None, motivation="Te donker").motivation == "Te donker"
    assert saved == Verdict.from_json(PLAN)  # not changed in place


def test_criteria_cover_the_catalogues_cpted_principles():
    """Every criterion names a CPTED principle of the measures catalogue, and every CPTED principle of
    the catalogue has a criterion (the mapping table of core/verdict.py's docstring)."""
    catalogue = json.loads((ROOT / "resources" / "catalogues" / "measures.json").read_text(encoding="utf-8"))
    cpted = {k for k, v in catalogue["principles"].items() if v.get("cpted")}
    assert cpted == {"natural_surveillance", "territorial_reinforcement", "access_control", "maintenance"}
    assert {p.catalogue for p in PRINCIPLES} == cpted
    # the six the issue names: sight lines, lighting, natural surveillance, ownership, access, maintenance
    assert PRINCIPLE_KEYS == ("sight_lines", "lighting", "natural_surveillance", "territoriality", "access",
                              "maintenance")
    # the catalogue's measures for lighting and sight lines sit under the principle those criteria name
    principle_of = {m["id"]: m["principle"] for m in catalogue["measures"]}
    assert principle_of["verlichting_openbare_ruimte"] == "natural_surveillance"
    assert principle_of["zichtlijnen_groen"] == "natural_surveillance"
    assert principle_of["achterpaden_poorten"] == "access_control"
    assert principle_of["eenduidig_beheer"] == "territorial_reinforcement"


ADVICE_01 = {"format": "hotspot-advice/1", "findings": [], "measures": []}


def test_scan_record_keeps_the_verdict_in_the_advice_column():
    verdict = Verdict.from_json(PLAN)
    out = ScanRecordData(verdict=verdict).to_json()
    assert out["advice"] == {"verdict": PLAN, "version": 2}
    again = ScanRecordData.from_json(out["parameters"], out["results"], out["advice"])
    assert again.verdict == verdict and again.advice is None
    # with an advice: both
    from hotspot_plugin.core.advice import Advice

    both = ScanRecordData(advice=Advice(), verdict=verdict).to_json()
    assert both["advice"] == {**ADVICE_01, "verdict": PLAN, "version": 2}
    again = ScanRecordData.from_json(None, None, both["advice"])
    assert again.verdict == verdict and again.advice == Advice()


@pytest.mark.parametrize("advice", [ADVICE_01, {**ADVICE_01, "version": 1}, {}, None])
def test_records_of_0_1_and_0_2_load_without_verdict(advice):
    data = ScanRecordData.from_json({"RADIUS": 100.0}, None, advice)
    assert data.verdict is None
    assert (data.advice is None) == (not advice)
    # written back: no verdict key
    assert "verdict" not in data.to_json()["advice"]


def test_a_damaged_verdict_in_the_record_is_an_error():
    with pytest.raises(InputError, match="at least one condition"):
        ScanRecordData.from_json(None, None, {**ADVICE_01, "verdict": dict(PLAN, conditions=[])})
