"""Findings rules, the measures catalogue, rendering and the editable advice."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from shapely.geometry import box

from hotspot_plugin.core import advice as adv
from hotspot_plugin.core import advice_rules as rules
from hotspot_plugin.core.advice import (
    Advice,
    Catalogue,
    Finding,
    default_catalogue_path,
    draft_findings,
    format_number,
    load_catalogue,
    render,
    validate_catalogue,
)
from hotspot_plugin.core.categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.scan import Buurt, IncidentData, ScanInputs, run_scan
from hotspot_plugin.core.schema import RISK_OBJECT_KINDS

W, J, B = "woon_leefomgeving", "jeugd", "bedrijvigheid"
AREA = box(0, 0, 1000, 1000)
PERIOD = (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))
COMPARISON = (np.datetime64("2023-01-01T00:00:00"), np.datetime64("2024-01-01T00:00:00"))
BUURTEN = [
    Buurt(box(0, 0, 1000, 1000), 4000, 1800, "BU01", "In"),
    Buurt(box(2000, 0, 8000, 4000), 96000, 40000, "BU02", "Rest"),
]
RAW = json.loads(default_catalogue_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def base_result():
    """A real scan that triggers no rule. In the area in 2024 and again in 2023: 10 youth nuisance
    (M.1; the whole jeugd field), 8 burglaries (1.1.1) and 2 vandalism (2.2.1; together the woon
    field), all at noon. The rest of the town (24 x the inhabitants and 24 x the surface) has 24 x
    as many, so the area's rates equal the reference rates per inhabitant and per km²."""
    pts = []
    for year in ("2023", "2024"):
        for code, fld, k in (("M.1", J, 10), ("1.1.1", W, 8), ("2.2.1", W, 2)):
            pts += [(100 + 30 * i, 500, f"{year}-03-0{1 + i % 9}T12:00:00", code, fld) for i in range(k)]
            pts += [
                (2100 + 20 * i, 2000, f"{year}-05-0{1 + i % 9}T12:00:00", code, fld) for i in range(24 * k)
            ]
    inc = IncidentData(
        np.array([p[0] for p in pts], float),
        np.array([p[1] for p in pts], float),
        np.array([p[2] for p in pts], dtype="datetime64[s]"),
        np.array([p[3] for p in pts]),
        np.array([p[4] for p in pts]),
    )
    return run_scan(ScanInputs(inc, AREA, PERIOD, COMPARISON, buurten=BUURTEN))


BASE = base_result()


def edited(key, area=None, vs=None, change=None, dagdeel=None, in_zones=None, result=None):
    """A copy of the base result with one group's numbers replaced."""
    r = copy.deepcopy(result or BASE)
    g = r.group(key)
    if area:
        g["area"].update(area)
    if vs:
        for basis, v in vs.items():
            g["vs_reference"][basis] = dict(
                {"ci_low": 1.01, "ci_high": 3.0, "p_value": 0.01, "p0": 0.04}, **v
            )
    if change:
        g["change"]["area"] = dict(
            {
                "ci_low": None,
                "ci_high": None,
                "p_value": 0.01,
                "p0": 0.5,
                "change_pct": None if change.get("ratio") is None else (change["ratio"] - 1) * 100,
            },
            **change,
        )
    if dagdeel:
        r.when["groups"][key]["dagdeel"] = dagdeel
    if in_zones is not None:
        zone_share, share = in_zones
        r.where["zone_share_of_area"] = zone_share
        r.where["incidents_in_zones"][key] = {"n": 0, "n_small": False, "share": share}
    return r


def ids(findings):
    return [f.id for f in findings]


def test_base_result_has_no_findings(catalogue):
    assert draft_findings(BASE, {}, catalogue) == []


# ---- reference_high ----------------------------------------------------------------------------


# ---- change ------------------------------------------------------------------------------------------


# ---- evening/night, hotspot concentration -----------------------------------------------------------------


# ---- risk objects, schouw ---------------------------------------------------------------------------------


def with_risk(items):
    r = copy.deepcopy(BASE)
    r.where["risk_objects"] = {"area": {"by_kind": {}, "items": items}, "ring": {"by_kind": {}, "items": []}}
    return r


def test_risk_near_hotspot_threshold(catalogue):
    item = {"kind": "horeca", "name": "Cafe", "x": 0.0, "y": 0.0, "distance_to_zone": 50.0}
    f = draft_findings(with_risk([item]), {}, catalogue)
    assert ids(f) == ["risk_near_hotspot:horeca"] and f[0].safety_field == B
    assert render(f[0]) == "Bar or restaurant (horeca): 1 within 50 m of a hotspot zone (Cafe)"
    assert set(f[0].measures) <= {m["id"] for m in RAW["measures"] if "horeca" in m["risk_kinds"]}
    assert f[0].measures
    assert draft_findings(with_risk([dict(item, distance_to_zone=50.0001)]), {}, catalogue) == []
    assert draft_findings(with_risk([dict(item, distance_to_zone=None)]), {}, catalogue) == []
    assert draft_findings(with_risk([dict(item, kind="camera", distance_to_zone=0.0)]), {}, catalogue) == []


def with_schouw(items):
    r = copy.deepcopy(BASE)
    r.schouw = {"n_open": len(items), "by_severity": {}, "items": items}
    return r


def test_schouw_red(catalogue):
    items = [
        {"severity": "rood", "checklist_item": "verlichting_kapot"},
        {"severity": "rood", "checklist_item": "Lamp brandt overdag"},
        {"severity": "oranje", "checklist_item": "zwerfvuil"},
        {"severity": "rood", "checklist_item": "drugsafval"},
        {"severity": "rood", "checklist_item": "iets anders"},
    ]
    f = draft_findings(with_schouw(items), {}, catalogue)
    assert ids(f) == ["schouw_red:verlichting", "schouw_red:schoon", "schouw_red:overig"]
    assert [x.params["count"] for x in f] == [2, 1, 1] and all(x.priority == 1 for x in f)
    assert f[2].measures == []
    assert render(f[0], threshold=5) == "Inspection: open red findings about lighting (2)"  # not suppressed
    assert draft_findings(with_schouw(items[2:3]), {}, catalogue) == []
    assert catalogue.checklist_group("Achterpad open") == "toegang"
    assert catalogue.checklist_group("drugsafval") == "schoon"  # longest prefix beats "drugs"


# ---- ordering and measures -------------------------------------------------------------------------------


def expected_measures(rule_triggers, category):
    """Plain reference: measures naming the category first, then field-only ones, catalogue order."""
    field = CATEGORY_BY_CODE[category].safety_field
    spec = [
        m["id"]
        for m in RAW["measures"]
        if set(rule_triggers) & set(m["triggers"]) and category in m["categories"]
    ]
    gen = [
        m["id"]
        for m in RAW["measures"]
        if set(rule_triggers) & set(m["triggers"])
        and category not in m["categories"]
        and not m["categories"]
        and field in m["safety_fields"]
    ]
    return (spec + gen)[:4]


# ---- rendering -------------------------------------------------------------------------------------------


def test_render_dutch_numbers_and_translation():
    f = Finding(
        id="x",
        rule="reference_high",
        safety_field=W,
        category="1.1.1",
        template=rules.T_REFERENCE_1000,
        params={"label": "Woninginbraak", "ratio": 1.83, "ci_low": 1.26, "ci_high": 2.549},
        priority=2,
    )
    assert (
        render(f) == "Woninginbraak: 1.8x the municipal average per 1,000 inhabitants (95% interval 1.3-2.5)"
    )
    nl = {
        rules.T_REFERENCE_1000: "{label}: {ratio}x het gemeentelijk gemiddelde per 1.000 inwoners "
        "(95%-interval {ci_low}-{ci_high})"
    }
    assert (
        render(f, nl.get, decimal=",")
        == "Woninginbraak: 1,8x het gemeentelijk gemiddelde per 1.000 inwoners (95%-interval 1,3-2,5)"
    )
    g = Finding(
        id="y",
        rule="change_down",
        safety_field=W,
        category=None,
        template=rules.T_CHANGE_DOWN,
        params={"label": "Jeugd", "change": -62.6, "n": 3, "n_comparison": 12345},
        priority=3,
    )
    assert (
        render(g, decimal=",", threshold=5)
        == "Jeugd: significantly decreased (-63%; <5 against 12.345 in the comparison period)"
    )
    assert render(g) == "Jeugd: significantly decreased (-63%; 3 against 12,345 in the comparison period)"
    h = Finding(
        id="z",
        rule="risk_near_hotspot",
        safety_field=B,
        category=None,
        template=rules.T_RISK_NEAR,
        params={"kind": "horeca", "count": 2, "distance": 50.0, "names": "A, B"},
        priority=2,
    )
    labels = {
        RISK_OBJECT_KINDS["horeca"]: "Horeca",
        rules.T_RISK_NEAR: "{kind}: {count} binnen {distance} m van " "een hotspotzone ({names})",
    }
    assert render(h, lambda s: labels.get(s, s)) == "Horeca: 2 binnen 50 m van een hotspotzone (A, B)"
    assert format_number(None) == "-" and format_number(1234.5, 1, ",") == "1234,5"
    assert format_number(12345.67, 1, ",") == "12.345,7" and format_number(12345.67, 1) == "12,345.7"


# ---- catalogue -------------------------------------------------------------------------------------------


def test_catalogue_is_valid_and_complete(catalogue):
    assert validate_catalogue(RAW) == []
    assert 25 <= len(catalogue.measures) == len(RAW["measures"])
    assert len({m["id"] for m in RAW["measures"]}) == len(RAW["measures"])
    titles = " | ".join(m.title_nl.lower() for m in catalogue.measures.values())
    for topic in (
        "verlichting",
        "zichtlijnen",
        "achterpaden",
        "onderhoud",
        "cameratoezicht",
        "hangplek",
        "jongerenwerk",
        "politiekeurmerk",
        "waarschuwingsbrieven",
        "inbraakpreventie",
        "fietsenstalling",
        "horeca",
        "uitgaansgebied",
        "verkeersmaatregelen",
        "buurtpreventie",
        "handhaving",
    ):
        assert topic in titles, topic
    used = {t for m in catalogue.measures.values() for t in m.triggers}
    assert used == set(adv.TRIGGERS) - {"change_down"}
    kinds = {k for m in catalogue.measures.values() for k in m.risk_kinds}
    assert kinds == set(RISK_OBJECT_KINDS) - rules.PROTECTIVE_KINDS
    groups = {g for m in catalogue.measures.values() for g in m.checklist_groups}
    assert groups == set(RAW["checklist_groups"]) == set(adv.CHECKLIST_GROUP_LABELS) - {"overig"}
    for f in SAFETY_FIELDS:
        assert any(f in m.safety_fields for m in catalogue.measures.values()), f
    m = catalogue.measures["pkvw_woningen"]
    assert m.principle == "target_hardening" and m.title("en").startswith("Bring homes")
    assert all(m.description_nl and m.description_en for m in catalogue.measures.values())


def broken(**changes):
    data = copy.deepcopy(RAW)
    data["measures"][0].update(changes)
    return data


def test_catalogue_validation_catches_errors(tmp_path):
    dup = copy.deepcopy(RAW)
    dup["measures"].append(copy.deepcopy(dup["measures"][0]))
    assert any("not unique" in p for p in validate_catalogue(dup))
    assert any("unknown triggers" in p for p in validate_catalogue(broken(triggers=["sometimes"])))
    assert any("title_nl" in p for p in validate_catalogue(broken(title_nl="  ")))
    assert any("principle" in p for p in validate_catalogue(broken(principle="magic")))
    assert any("owners" in p for p in validate_catalogue(broken(owners=["burgemeester"])))
    assert any("unknown categories" in p for p in validate_catalogue(broken(categories=["9.9.9"])))
    assert (
        validate_catalogue(broken(categories=["9.9.9"]), category_codes=list(CATEGORY_BY_CODE) + ["9.9.9"])
        == []
    )
    assert any("belongs to" in p for p in validate_catalogue(broken(categories=["3.1.1"])))
    assert any("risk_kinds" in p for p in validate_catalogue(broken(triggers=["risk_near_hotspot"])))
    assert any("Id must" in p or "id must" in p for p in validate_catalogue(broken(id="Bad Id")))
    assert validate_catalogue([]) == ["the catalogue is not a JSON object"]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(broken(cost="gratis")), encoding="utf-8")
    with pytest.raises(InputError, match="cost"):
        load_catalogue(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_catalogue(path)
    with pytest.raises(InputError):
        load_catalogue(tmp_path / "missing.json")
    assert isinstance(Catalogue.from_dict(RAW), Catalogue)


# ---- advice ----------------------------------------------------------------------------------------------


def test_advice_draft_edit_and_round_trip(catalogue):
    r = edited(
        "cat:M.1",
        dagdeel={"dag": 4, "avond": 3, "nacht": 3},
        in_zones=(0.1, 0.9),
        vs={"per_1000": {"ratio": 2.5, "significant": True}},
    )
    findings = draft_findings(r, {}, catalogue)
    a = Advice.draft(findings, catalogue)
    proposed = []
    for f in findings:
        proposed += [m for m in f.measures if m not in proposed]
    assert sorted(m.measure_id for m in a.measures) == sorted(proposed)
    for m in a.measures:
        linked = [f for f in findings if m.measure_id in f.measures]
        assert m.finding_ids == [f.id for f in linked]
        assert m.priority == min(f.priority for f in linked)
        assert m.owner == catalogue.measures[m.measure_id].owners[0]
    own = a.add_finding("Slecht zicht bij de ingang van de parkeergarage", safety_field=W, priority=1)
    assert own.id == "user:1" and render(own) == "Slecht zicht bij de ingang van de parkeergarage"
    extra = a.add_measure(
        text="Spiegel bij de inrit plaatsen",
        priority=1,
        owner="gemeente",
        due_date="2025-03-01",
        finding_ids=[own.id],
    )
    a.add_measure(measure_id="brandpreventie", priority=3, catalogue=catalogue)
    assert a.sorted_measures()[0].priority == 1 and a.sorted_measures()[-1].measure_id == "brandpreventie"
    assert a.measures_for(own.id) == [extra] and extra.title() == "Spiegel bij de inrit plaatsen"
    assert a.measures[0].title(catalogue, "en")
    a.set_priority(len(a.measures) - 1, 2)
    a.move_measure(len(a.measures) - 1, 0)
    assert a.measures[0].measure_id == "brandpreventie" and a.measures[0].priority == 2
    text = json.dumps(a.to_json())
    assert Advice.from_json(text) == a and Advice.from_json(json.loads(text)) == a
    a.remove_finding(own.id)
    assert a.finding(own.id) is None and extra.finding_ids == []
    a.remove_measure(0)
    assert all(m.measure_id != "brandpreventie" for m in a.measures)


def test_advice_input_checks(catalogue):
    a = Advice()
    with pytest.raises(InputError, match="priority"):
        a.add_measure(text="x", priority=4)
    with pytest.raises(InputError, match="priority"):
        a.add_measure(text="x", priority=True)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        a.add_measure(text="x", due_date="1 maart")
    with pytest.raises(InputError, match="unknown findings"):
        a.add_measure(text="x", finding_ids=["nope"])
    with pytest.raises(InputError, match="not in the measures catalogue"):
        a.add_measure(measure_id="nope", catalogue=catalogue)
    with pytest.raises(InputError, match="Choose a measure"):
        a.add_measure()
    with pytest.raises(InputError, match="needs a text"):
        a.add_finding("  ")
    with pytest.raises(InputError):
        Advice.from_json('{"format": "x"}')
    assert a.measures == []


