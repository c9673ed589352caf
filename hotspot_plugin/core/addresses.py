"""Address rules of the warning letters: which fields are the address, how it is written, its key.

Pure: the values are plain Python values (QGIS's NULL already turned into None by the caller).
Dutch address conventions: "Straat 12A-2" on the first line, "1234 AB  PLAATS" on the second,
an address recognised by its BAG id, else by postcode and house number.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

#: Address roles and the field names (lower case) that play them, best first.
ROLE_NAMES: Dict[str, Sequence[str]] = {
    "street": ("openbare_ruimte", "openbareruimte", "openbareruimtenaam", "openbare_ruimte_naam", "straat",
               "straatnaam", "street", "streetname", "street_name"),
    "number": ("huisnummer", "huisnr", "huis_nr", "housenumber", "house_number", "nummer", "number"),
    "letter": ("huisletter", "letter"),
    "addition": ("huisnummertoevoeging", "toevoeging", "huisnummer_toevoeging", "toev", "addition"),
    "postcode": ("postcode", "postal_code", "postcode6", "zipcode", "zip"),
    "place": ("woonplaats", "woonplaatsnaam", "woonplaats_naam", "plaats", "plaatsnaam", "city", "place",
              "town"),
}
ROLES = tuple(ROLE_NAMES)
#: Field names (lower case) of a unique address or dwelling id, such as the BAG identificatie.
KEY_NAMES = ("identificatie", "bag_id", "vbo_id", "verblijfsobject_id", "verblijfsobjectid",
             "nummeraanduiding_id", "adres_id", "address_id")
#: Columns of the mail-merge CSV (fixed, so a letter template keeps working in any language).
CSV_COLUMNS = ("adresregel_1", "adresregel_2", "straat", "huisnummer", "huisletter", "toevoeging", "postcode",
               "woonplaats", "adres_sleutel", "afstand_m", "aantal_incidenten", "incident_datum", "reden")


def guess_roles(names: Sequence[str]) -> Dict[str, str]:
    """Address role -> field name, from the field names (case-insensitive); a field plays one role."""
    lower = {name.lower(): name for name in names}
    found: Dict[str, str] = {}
    for role, candidates in ROLE_NAMES.items():
        for candidate in candidates:
            if candidate in lower and lower[candidate] not in found.values():
                found[role] = lower[candidate]
                break
    return found


def guess_key_field(names: Sequence[str]) -> Optional[str]:
    """The field that holds a unique address id (the first of :data:`KEY_NAMES`), or None."""
    lower = {name.lower(): name for name in names}
    return next((lower[c] for c in KEY_NAMES if c in lower), None)


def usable_roles(roles: Dict[str, str]) -> bool:
    """True when the roles can make an address: a house number and a street or a postcode."""
    return "number" in roles and ("street" in roles or "postcode" in roles)


def attribute_text(value: object) -> str:
    """An attribute as text: empty for None, whole numbers without '.0', others stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def format_postcode(value: str) -> str:
    """``1234ab`` -> ``1234 AB`` (Dutch postcodes); anything else unchanged (stripped)."""
    compact = value.replace(" ", "").upper()
    if len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha():
        return f"{compact[:4]} {compact[4:]}"
    return value.strip()


@dataclass
class AddressFormat:
    """How the address fields make an address line, a key and the CSV columns."""

    roles: Dict[str, str]
    others: List[str] = field(default_factory=list)  # chosen fields without a recognised role
    key_field: str = ""

    def parts(self, values: Dict[str, object]) -> Dict[str, str]:
        """Role -> text of the address, e.g. ``{"street": "Dorpsstraat", "number": "12"}``."""
        return {role: attribute_text(values.get(name)) for role, name in self.roles.items()}

    @staticmethod
    def house_number(p: Dict[str, str]) -> str:
        """Number, letter and addition: ``12`` + ``A`` + ``2`` -> ``12A-2``."""
        number = p.get("number", "") + p.get("letter", "")
        if p.get("addition"):
            number += "-" + p["addition"]
        return number

    def line1(self, values: Dict[str, object]) -> str:
        """Street and house number (and the other chosen fields)."""
        p = self.parts(values)
        items = [p.get("street", ""), self.house_number(p)] + [attribute_text(values.get(n)) for n in self.others]
        return " ".join(i for i in items if i)

    def line2(self, values: Dict[str, object]) -> str:
        """Postcode and place in capitals, two spaces apart (the PostNL way)."""
        p = self.parts(values)
        postcode = format_postcode(p.get("postcode", ""))
        place = p.get("place", "").upper()
        return "  ".join(i for i in (postcode, place) if i)

    def key(self, values: Dict[str, object]) -> str:
        """The key field's value, else ``POSTCODE NUMBER``, else ``STREET NUMBER, PLACE``, else all fields."""
        if self.key_field:
            return attribute_text(values.get(self.key_field))
        p = self.parts(values)
        number = self.house_number(p)
        if p.get("postcode") and number:
            return f"{p['postcode'].replace(' ', '').upper()} {number.upper()}"
        if p.get("street") and number:
            return ", ".join(i for i in (f"{p['street']} {number}".upper(), p.get("place", "").upper()) if i)
        return "|".join(attribute_text(values.get(n)) for n in list(self.roles.values()) + self.others)

    def all_fields(self) -> List[str]:
        """The address fields and the key field."""
        return list(self.roles.values()) + self.others + ([self.key_field] if self.key_field else [])

    def key_fields(self) -> List[str]:
        """The fields the key is made of."""
        return [self.key_field] if self.key_field else list(self.roles.values()) + self.others


@dataclass
class LetterAddress:
    """One address of the list: what the layer, the mail-merge CSV and the letters-sent record hold."""

    key: str
    line1: str
    line2: str
    parts: Dict[str, str]
    distance: float  # metres to the nearest triggering incident
    fids: List[int]  # feature ids of the triggering incidents, nearest first
    uuids: List[str]  # their uuids ("" when unknown)
    dates: List[dt.date]
    reason: str

    @property
    def latest(self) -> dt.date:
        return max(self.dates)

    def layer_values(self) -> list:
        """The values of the fields the algorithm adds to the address layer (OUT_FIELDS)."""
        return [self.key, self.line1, round(self.distance, 2), len(self.fids), ",".join(str(f) for f in self.fids),
                ",".join(u for u in self.uuids if u), ",".join(d.isoformat() for d in self.dates),
                self.latest.isoformat()]

    def csv_row(self) -> list:
        """The values of :data:`CSV_COLUMNS`."""
        p = self.parts
        return [self.line1, self.line2, p.get("street", ""), p.get("number", ""), p.get("letter", ""),
                p.get("addition", ""), format_postcode(p.get("postcode", "")), p.get("place", ""), self.key,
                f"{self.distance:.0f}", len(self.fids), self.latest.isoformat(), self.reason]

    def sent_record(self, sent_at: str) -> Tuple[str, str, str, str]:
        """``(address_key, sent_at, incident_uuid, address)`` for the letters_sent table.

        The incident is the first one with a uuid, else the feature id of the nearest one.
        """
        incident = next((u for u in self.uuids if u), str(self.fids[0]) if self.fids else "")
        address = ", ".join(i for i in (self.line1, self.line2) if i)
        return self.key, sent_at, incident, address


def sent_records(addresses: Sequence[LetterAddress], sent_at: str) -> Tuple[List[Tuple[str, str, str, str]], int]:
    """The letters_sent records of the addresses with a key, and how many had no key."""
    records = [a.sent_record(sent_at) for a in addresses if a.key]
    return records, sum(1 for a in addresses if not a.key)
