"""Address rules of the warning letters (hotspot_plugin.core.addresses), from hand-made addresses."""
from __future__ import annotations

import datetime as dt

import pytest

from hotspot_plugin.core.addresses import (
    CSV_COLUMNS,
    AddressFormat,
    LetterAddress,
    attribute_text,
    format_postcode,
    guess_key_field,
    guess_roles,
    sent_records,
    usable_roles,
)

BAG_FIELDS = ["fid", "Identificatie", "openbare_ruimte", "Huisnummer", "huisletter", "toevoeging", "postcode",
              "woonplaats", "oppervlakte"]
ROLES = {"street": "openbare_ruimte", "number": "Huisnummer", "letter": "huisletter", "addition": "toevoeging",
         "postcode": "postcode", "place": "woonplaats"}
HOUSE = {"Identificatie": "0363010000000001", "openbare_ruimte": "Dorpsstraat", "Huisnummer": 12.0,
         "huisletter": "a", "toevoeging": "2", "postcode": "1234ab", "woonplaats": "Ons Dorp"}


def test_roles_of_bag_fields_case_insensitive():
    assert guess_roles(BAG_FIELDS) == ROLES


def test_roles_take_the_best_candidate_and_leave_others():
    # "straat" comes before "straatnaam" and "street" in the list of street names.
    assert guess_roles(["street", "straatnaam", "straat", "nummer"]) == {"street": "straat", "number": "nummer"}
    assert guess_roles(["naam", "omschrijving"]) == {}


def test_key_field():
    assert guess_key_field(BAG_FIELDS) == "Identificatie"
    assert guess_key_field(["adres_id", "bag_id"]) == "bag_id"  # bag_id is the better name
    assert guess_key_field(["straat", "huisnummer"]) is None


def test_usable_roles_need_a_number_and_a_street_or_postcode():
    assert usable_roles({"number": "n", "street": "s"})
    assert usable_roles({"number": "n", "postcode": "p"})
    assert not usable_roles({"street": "s", "postcode": "p"})
    assert not usable_roles({"number": "n", "place": "w"})


@pytest.mark.parametrize("value, expected", [
    (None, ""), (12.0, "12"), (12.5, "12.5"), (7, "7"), ("  A ", "A"), ("", ""),
])
def test_attribute_text(value, expected):
    assert attribute_text(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("1234ab", "1234 AB"), ("1234 AB", "1234 AB"), (" 1234 a b ", "1234 AB"),
    ("2000", "2000"),            # a Belgian postcode stays as it is
    (" B-1000 ", "B-1000"), ("12345A", "12345A"), ("", ""),
])
def test_postcodes(value, expected):
    assert format_postcode(value) == expected


def test_address_lines_and_key():
    fmt = AddressFormat(dict(ROLES))
    assert fmt.parts(HOUSE) == {"street": "Dorpsstraat", "number": "12", "letter": "a", "addition": "2",
                                "postcode": "1234ab", "place": "Ons Dorp"}
    assert fmt.line1(HOUSE) == "Dorpsstraat 12a-2"
    assert fmt.line2(HOUSE) == "1234 AB  ONS DORP"
    assert fmt.key(HOUSE) == "1234AB 12A-2"


def test_key_without_postcode_is_street_number_place():
    roles = {k: v for k, v in ROLES.items() if k != "postcode"}
    assert AddressFormat(roles).key(HOUSE) == "DORPSSTRAAT 12A-2, ONS DORP"
    no_place = {k: v for k, v in roles.items() if k != "place"}
    assert AddressFormat(no_place).key(HOUSE) == "DORPSSTRAAT 12A-2"


def test_key_without_a_house_number_joins_all_fields():
    fmt = AddressFormat({"street": "openbare_ruimte", "place": "woonplaats"}, others=["oppervlakte"])
    values = {"openbare_ruimte": "Dorpsstraat", "woonplaats": "Ons Dorp", "oppervlakte": None}
    assert fmt.key(values) == "Dorpsstraat|Ons Dorp|"
    assert fmt.line1(values) == "Dorpsstraat"  # empty parts are left out
    assert fmt.line2(values) == "ONS DORP"


def test_key_field_wins_and_other_fields_join_line1():
    fmt = AddressFormat({"street": "openbare_ruimte", "number": "Huisnummer"}, others=["huisletter"],
                        key_field="Identificatie")
    assert fmt.key(HOUSE) == "0363010000000001"
    assert fmt.line1(HOUSE) == "Dorpsstraat 12 a"
    assert fmt.all_fields() == ["openbare_ruimte", "Huisnummer", "huisletter", "Identificatie"]
    assert fmt.key_fields() == ["Identificatie"]
    assert AddressFormat({"street": "s"}, others=["o"]).key_fields() == ["s", "o"]


def _letter(key="1234AB 12A-2", uuids=("", "u-2"), fids=(7, 9)):
    return LetterAddress(key=key, line1="Dorpsstraat 12a-2", line2="1234 AB  ONS DORP",
                         parts={"street": "Dorpsstraat", "number": "12", "letter": "a", "addition": "2",
                                "postcode": "1234ab", "place": "Ons Dorp"},
                         distance=87.456, fids=list(fids), uuids=list(uuids),
                         dates=[dt.date(2025, 3, 4), dt.date(2025, 3, 9)], reason="2 incidents nearby")


def test_letter_address_rows():
    letter = _letter()
    assert letter.latest == dt.date(2025, 3, 9)
    row = letter.csv_row()
    assert len(row) == len(CSV_COLUMNS)
    assert row == ["Dorpsstraat 12a-2", "1234 AB  ONS DORP", "Dorpsstraat", "12", "a", "2", "1234 AB", "Ons Dorp",
                   "1234AB 12A-2", "87", 2, "2025-03-09", "2 incidents nearby"]
    assert letter.layer_values() == ["1234AB 12A-2", "Dorpsstraat 12a-2", 87.46, 2, "7,9", "u-2",
                                     "2025-03-04,2025-03-09", "2025-03-09"]


def test_sent_records_name_the_first_incident_with_a_uuid_and_skip_addresses_without_key():
    at = "2025-03-10T09:00:00.000"
    records, no_key = sent_records([_letter(), _letter(uuids=("", ""), fids=(5,)), _letter(key="")], at)
    assert records == [("1234AB 12A-2", at, "u-2", "Dorpsstraat 12a-2, 1234 AB  ONS DORP"),
                       ("1234AB 12A-2", at, "5", "Dorpsstraat 12a-2, 1234 AB  ONS DORP")]
    assert no_key == 1
