"""core.area_import: field guessing for CBS (recent and old naming) and Statbel, counts, upsert plans."""
from __future__ import annotations

import pytest

from hotspot_plugin.core.area_import import (
    R_DUPLICATE,
    R_NO_CODE,
    R_NO_GEOMETRY,
    R_OLDER,
    AreaMapping,
    clean_code,
    guess_mapping,
    municipality_filter,
    parse_count,
    plan_upsert,
    prepare_rows,
    require_fields,
    summarise_skips,
    year_from_name,
)
from hotspot_plugin.core.errors import InputError

# The field lists as CBS and Statbel publish them (abridged).
CBS_RECENT = ["buurtcode", "buurtnaam", "wijkcode", "gemeentecode", "gemeentenaam", "water",
              "omgevingsadressendichtheid", "aantal_inwoners", "mannen", "vrouwen", "woningvoorraad",
              "gemiddelde_woningwaarde"]
CBS_OLD = ["BU_CODE", "BU_NAAM", "WK_CODE", "GM_CODE", "GM_NAAM", "IND_WBI", "WATER", "OAD", "STED", "AANT_INW",
           "AANT_MAN", "WONINGEN", "WOZ"]
CBS_WIJK = ["wijkcode", "wijknaam", "gemeentecode", "gemeentenaam", "aantal_inwoners", "woningvoorraad"]
CBS_GEMEENTE = ["gemeentecode", "gemeentenaam", "aantal_inwoners", "woningvoorraad"]
STATBEL = ["CS01012023", "T_SEC_NL", "T_SEC_FR", "T_SEC_DE", "C_NIS6", "T_NIS6_NL", "CNIS5_2023", "T_MUN_NL",
           "T_MUN_FR", "CNIS_ARRD", "T_ARRD_NL", "M_AREA_HA"]


def test_guess_cbs_recent_naming():
    m = guess_mapping(CBS_RECENT, "buurt")
    assert m == AreaMapping("buurtcode", "buurtnaam", "aantal_inwoners", "woningvoorraad", "gemeentecode", "wijkcode")


def test_guess_cbs_old_naming():
    m = guess_mapping(CBS_OLD, "buurt")
    assert m == AreaMapping("BU_CODE", "BU_NAAM", "AANT_INW", "WONINGEN", "GM_CODE", "WK_CODE")


def test_guess_wijk_and_gemeente_levels():
    assert guess_mapping(CBS_WIJK, "wijk") == AreaMapping("wijkcode", "wijknaam", "aantal_inwoners",
                                                          "woningvoorraad", "gemeentecode", "gemeentecode")
    # a gemeente has no parent, and its own code is not a "municipality filter" field
    assert guess_mapping(CBS_GEMEENTE, "gemeente") == AreaMapping("gemeentecode", "gemeentenaam",
                                                                  "aantal_inwoners", "woningvoorraad", "", "")
    # the buurt fields of a wijk layer's own code are not mistaken for another level's
    assert guess_mapping(CBS_RECENT, "wijk").code == "wijkcode"


def test_guess_statbel_sectors():
    m = guess_mapping(STATBEL + ["TOTAL"], "sector")
    assert m == AreaMapping("CS01012023", "T_SEC_NL", "TOTAL", "", "CNIS5_2023", "CNIS5_2023")
    older = guess_mapping(["CD_SECTOR", "TX_SECTOR_DESCR_NL", "CD_REFNIS", "MS_POPULATION"], "sector")
    assert older == AreaMapping("CD_SECTOR", "TX_SECTOR_DESCR_NL", "MS_POPULATION", "", "CD_REFNIS", "CD_REFNIS")


def test_guess_nothing_and_unknown_level():
    assert guess_mapping(["omschrijving"], "buurt") == AreaMapping("")
    with pytest.raises(InputError):
        guess_mapping(CBS_RECENT, "provincie")


def test_require_fields():
    with pytest.raises(InputError, match="Choose the code field.*omschrijving"):
        require_fields(["omschrijving"], AreaMapping(""))
    with pytest.raises(InputError, match="name: naam"):
        require_fields(["code"], AreaMapping("code", "naam"))
    require_fields(["code", "naam"], AreaMapping("code", "naam"))


@pytest.mark.parametrize("value, expected", [
    (1234, 1234), (1234.0, 1234), ("1234", 1234), (" 2.510 ", 2510), ("12 345", 12345), ("7,6", 8), (0, 0),
    (-99999999, None), (-99997, None), (-99995, None), ("-99997", None), (-1, None),  # CBS: secret/missing
    (None, None), ("", None), ("  ", None), (".", None), ("x", None), (float("nan"), None), (True, None),
])
def test_parse_count(value, expected):
    assert parse_count(value) == expected


def test_clean_code_and_year_and_filter():
    assert clean_code(11002.0) == "11002" and clean_code(" BU00140000 ") == "BU00140000"
    assert clean_code("") is None and clean_code(None) is None and clean_code(float("nan")) is None
    assert year_from_name("wijkenbuurten_2023_v1") == 2023
    assert year_from_name("buurt_2018_v3") == 2018
    assert year_from_name("sh_statbel_statistical_sectors_31370_20230101") == 2023
    assert year_from_name("buurten") is None and year_from_name("31370") is None
    assert municipality_filter("GM0363, GM0518;11002") == ["GM0363", "GM0518", "11002"]
    assert municipality_filter("  ") == []


def test_prepare_rows_reasons_and_unknowns():
    geoms = ["g1", "g2", None, "g4", "g5"]
    columns = {"code": ["BU1", "BU2", "BU3", None, "BU1"], "name": ["A", " B ", "C", "D", "E"],
               "inhabitants": [100, -99997, 5, 5, 5], "dwellings": [40, 20, 1, 1, 1],
               "parent": ["WK1", "WK1", "WK1", "WK1", "WK1"]}
    mapping = AreaMapping("code", "name", "inhabitants", "dwellings", parent="parent")
    rows = prepare_rows(columns, geoms, mapping)
    assert rows.code == ["BU1", "BU2"] and rows.rows == [1, 2] and rows.name == ["A", "B"]
    assert rows.inhabitants == [100, None] and rows.dwellings == [40, 20] and rows.parent_code == ["WK1", "WK1"]
    assert rows.unknown_inhabitants == 1 and rows.unknown_dwellings == 0
    assert [(s.row, s.template) for s in rows.skipped] == [(3, R_NO_GEOMETRY), (4, R_NO_CODE), (5, R_DUPLICATE)]
    assert summarise_skips(rows.skipped)[0][0] == 1


def test_prepare_rows_without_optional_fields():
    rows = prepare_rows({"code": ["A", "B"]}, ["g", "g"], AreaMapping("code"))
    assert rows.inhabitants == [None, None] and rows.name == [None, None] and rows.unknown_inhabitants == 2


def test_plan_upsert_by_code_and_year():
    rows = prepare_rows({"code": ["BU1", "BU2", "BU3", "BU4"]}, ["g"] * 4, AreaMapping("code"))
    stored = {"BU1": [(10, 2022)], "BU2": [(11, 2024)], "BU3": [(12, None), (13, 2021)]}
    plan = plan_upsert(rows, stored, 2023)
    assert plan.insert == [3]
    assert plan.update == [(0, [10]), (2, [12, 13])]
    assert [(s.row, s.template, s.params["stored"]) for s in plan.skipped] == [(2, R_OLDER, 2024)]
    assert "newer year 2024" in plan.skipped[0].render()
    # without a year nothing is considered older: every stored code is updated
    plan = plan_upsert(rows, stored, None)
    assert [k for k, _ in plan.update] == [0, 1, 2] and plan.skipped == []
