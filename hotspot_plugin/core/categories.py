"""The five safety fields (VNG Kernbeleid Veiligheid) and the default category catalogue.

The catalogue holds the police "SoortMisdrijf" codes plus a few codes for municipal
reports (meldingen), each mapped to a safety field with a default harm weight. It seeds
the editable ``categories`` table of a safety GeoPackage.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from .i18n import N_

WOON = "woon_leefomgeving"
BEDRIJF = "bedrijvigheid"
JEUGD = "jeugd"
FYSIEK = "fysiek"
INTEGRITEIT = "integriteit"

#: code -> (Dutch label, English label); order is the VNG order.
SAFETY_FIELDS: Dict[str, tuple] = {
    WOON: ("Veilige woon- en leefomgeving", "Safe living environment"),
    BEDRIJF: ("Bedrijvigheid en veiligheid", "Business and safety"),
    JEUGD: ("Jeugd en veiligheid", "Youth and safety"),
    FYSIEK: ("Fysieke veiligheid", "Physical safety"),
    INTEGRITEIT: ("Integriteit en veiligheid", "Integrity and safety"),
}

# Marked so the extractor sees the English labels used in the UI.
_FIELD_LABELS = [N_("Safe living environment"), N_("Business and safety"), N_("Youth and safety"),
                 N_("Physical safety"), N_("Integrity and safety")]


@dataclass(frozen=True)
class Category:
    code: str
    label_nl: str
    label_en: str
    safety_field: str
    weight: float = 1.0


_W, _B, _J, _F, _I = WOON, BEDRIJF, JEUGD, FYSIEK, INTEGRITEIT

DEFAULT_CATEGORIES: List[Category] = [
    Category("1.1.1", "Diefstal/inbraak woning", "Theft/burglary dwelling", _W, 3.0),
    Category("1.1.2", "Diefstal/inbraak box/garage/schuur", "Theft/burglary shed/garage", _W, 1.5),
    Category("1.2.1", "Diefstal uit/vanaf motorvoertuigen", "Theft from motor vehicles", _W, 1.5),
    Category("1.2.2", "Diefstal van motorvoertuigen", "Theft of motor vehicles", _W, 2.0),
    Category("1.2.3", "Diefstal van brom-, snor-, fietsen", "Theft of mopeds and bicycles", _W, 1.0),
    Category("1.2.4", "Zakkenrollerij", "Pickpocketing", _B, 1.5),
    Category("1.2.5", "Diefstal af/uit/van ov. voertuigen", "Theft from/of other vehicles", _W, 1.0),
    Category("1.3.1", "Ongevallen (weg)", "Road accidents", _F, 2.0),
    Category("1.4.1", "Zedenmisdrijf", "Sexual offence", _W, 6.0),
    Category("1.4.2", "Moord, doodslag", "Murder, manslaughter", _W, 10.0),
    Category("1.4.3", "Openlijk geweld (persoon)", "Public violence (person)", _B, 4.0),
    Category("1.4.4", "Bedreiging", "Threat", _W, 2.0),
    Category("1.4.5", "Mishandeling", "Assault", _W, 4.0),
    Category("1.4.6", "Straatroof", "Street robbery", _W, 5.0),
    Category("1.4.7", "Overval", "Hold-up", _B, 6.0),
    Category("1.5.2", "Diefstallen (water)", "Thefts (water)", _W, 1.0),
    Category("1.6.1", "Brand/ontploffing", "Fire/explosion", _F, 4.0),
    Category("1.6.2", "Overige vermogensdelicten", "Other property crime", _W, 1.0),
    Category("1.6.3", "Mensenhandel", "Human trafficking", _I, 8.0),
    Category("2.1.1", "Drugs/drankoverlast", "Drug/alcohol nuisance", _J, 1.0),
    Category("2.2.1", "Vernieling cq. zaakbeschadiging", "Vandalism, criminal damage", _W, 1.0),
    Category("2.4.1", "Burengerucht (relatieproblemen)", "Neighbour disturbance", _W, 1.0),
    Category("2.4.2", "Huisvredebreuk", "Trespass", _W, 1.5),
    Category("2.5.1", "Diefstal/inbraak bedrijven enz.", "Theft/burglary businesses", _B, 2.0),
    Category("2.5.2", "Winkeldiefstal", "Shoplifting", _B, 1.0),
    Category("2.6.1", "Inrichting Wet Milieubeheer", "Environmental permit offence", _F, 1.0),
    Category("2.6.2", "Bodem", "Soil", _F, 1.0),
    Category("2.6.3", "Water", "Water", _F, 1.0),
    Category("2.6.4", "Afval", "Waste", _W, 1.0),
    Category("2.6.5", "Bouwstoffen", "Building materials", _F, 1.0),
    Category("2.6.7", "Mest", "Manure", _F, 1.0),
    Category("2.6.8", "Transport gevaarlijke stoffen", "Transport of hazardous substances", _F, 2.0),
    Category("2.6.9", "Vuurwerk", "Fireworks", _F, 1.5),
    Category("2.6.10", "Bestrijdingsmiddelen", "Pesticides", _F, 1.0),
    Category("2.6.11", "Natuur en landschap", "Nature and landscape", _F, 1.0),
    Category("2.6.12", "Ruimtelijke ordening", "Spatial planning", _F, 1.0),
    Category("2.6.13", "Dieren", "Animals", _F, 1.0),
    Category("2.6.14", "Voedselveiligheid", "Food safety", _F, 1.0),
    Category("2.7.2", "Bijzondere wetten", "Special laws", _I, 1.0),
    Category("2.7.3", "Leefbaarheid (overig)", "Liveability (other)", _W, 1.0),
    Category("3.1.1", "Drugshandel", "Drug trafficking", _I, 4.0),
    Category("3.1.2", "Mensensmokkel", "People smuggling", _I, 6.0),
    Category("3.1.3", "Wapenhandel", "Arms trafficking", _I, 6.0),
    Category("3.2.1", "Kinderporno", "Child sexual abuse material", _I, 8.0),
    Category("3.2.2", "Kinderprostitutie", "Child prostitution", _I, 8.0),
    Category("3.3.2", "Onder invloed (lucht)", "Under the influence (air)", _F, 2.0),
    Category("3.3.5", "Lucht (overig)", "Air (other)", _F, 1.0),
    Category("3.4.2", "Onder invloed (water)", "Under the influence (water)", _F, 2.0),
    Category("3.5.2", "Onder invloed (weg)", "Under the influence (road)", _F, 2.0),
    Category("3.5.5", "Weg (overig)", "Road (other)", _F, 1.0),
    Category("3.6.4", "Aantasting openbare orde", "Breach of public order", _I, 2.0),
    Category("3.7.1", "Discriminatie", "Discrimination", _I, 2.0),
    Category("3.7.2", "Vreemdelingenzorg", "Immigration control", _I, 1.0),
    Category("3.7.3", "Maatsch. integriteit (overig)", "Social integrity (other)", _I, 1.0),
    Category("3.7.4", "Cybercrime", "Cybercrime", _I, 2.0),
    Category("3.9.1", "Horizontale fraude", "Horizontal fraud", _I, 2.0),
    Category("3.9.2", "Verticale fraude", "Vertical fraud", _I, 2.0),
    Category("3.9.3", "Fraude (overig)", "Fraud (other)", _I, 2.0),
    # Municipal reports (meldingen openbare ruimte, handhaving, residents).
    Category("M.1", "Jeugdoverlast", "Youth nuisance", _J, 1.0),
    Category("M.2", "Horeca-overlast", "Nuisance from bars and restaurants", _B, 1.0),
    Category("M.3", "Overlast verward gedrag", "Nuisance by confused persons", _W, 1.0),
    Category("M.4", "Zwerfvuil en dumping", "Litter and dumping", _W, 0.5),
    Category("M.5", "Defecte verlichting", "Broken street lighting", _W, 0.5),
    Category("M.6", "Graffiti", "Graffiti", _W, 0.5),
    Category("M.7", "Overlast hangplek", "Nuisance at a hang-out spot", _J, 1.0),
]

CATEGORY_BY_CODE: Dict[str, Category] = {c.code: c for c in DEFAULT_CATEGORIES}


def normalise_code(value: object) -> str:
    """Normalise a category value from a file: trims, drops a trailing label.

    ``"1.1.1 Diefstal/inbraak woning"`` and ``" 1.1.1"`` both give ``"1.1.1"``; a value
    that is not a code is returned trimmed (it may be a label, matched later).
    """
    text = "" if value is None else str(value).strip()
    head = text.split(" ", 1)[0]
    if head and (head[0].isdigit() or head[:2].upper() == "M.") and "." in head:
        return head.rstrip(".").upper() if head[:2].upper() == "M." else head.rstrip(".")
    return text


def normalise_label(value: object) -> str:
    """A label for matching: lower case, without accents, runs of spaces as one space.

    ``"Zwerfvuil "``, ``"zwerfvuil"`` and ``"ZWERFVUIL"`` match; so do ``"Overlast café"`` and
    ``"overlast  cafe"``.
    """
    decomposed = unicodedata.normalize("NFKD", "" if value is None else str(value))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


#: Prefix of label keys in a lookup (codes are stored as they are).
_LABEL = "\x00"


def build_lookup(categories, aliases: Iterable[Tuple[str, str]] = ()) -> Dict[str, Category]:
    """Lookup from code, from Dutch/English label and from alias label to a category.

    *aliases* are ``(source label, code)`` pairs (the GeoPackage's ``category_aliases`` table);
    an alias whose code is not a category is ignored (:func:`check_aliases` reports it); of two
    aliases for the same label the later one wins.
    """
    lookup: Dict[str, Category] = {}
    for c in categories:
        lookup[c.code] = c
    by_code = dict(lookup)
    for label, code in aliases:
        if code in by_code and label is not None and str(label).strip():
            lookup[_LABEL + normalise_label(label)] = by_code[code]  # a later alias wins
    for c in categories:  # the categories' own labels win over aliases
        lookup[_LABEL + normalise_label(c.label_nl)] = c
        lookup[_LABEL + normalise_label(c.label_en)] = c
    return lookup


def resolve(value: object, lookup: Dict[str, Category]) -> Optional[Category]:
    """The category for a raw cell value (code, "code label", label or alias), or None."""
    if value is None:
        return None
    code = normalise_code(value)
    if code in lookup:
        return lookup[code]
    return lookup.get(_LABEL + normalise_label(value))


def check_aliases(aliases: Iterable[Tuple[str, str]], codes: Iterable[str]) -> List[Tuple[str, str]]:
    """The ``(label, code)`` pairs whose code is not one of *codes*."""
    known = set(codes)
    return [(label, code) for label, code in aliases if code not in known]


def parse_alias_text(text: str) -> List[Tuple[str, str]]:
    """``"Zwerfvuil=M.4; Grofvuil = M.4"`` (or one pair per line) as ``[(label, code), ...]``.

    Raises ValueError naming the part that has no ``=``.
    """
    pairs: List[Tuple[str, str]] = []
    for part in (text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        label, sep, code = part.rpartition("=")
        if not sep or not label.strip() or not code.strip():
            raise ValueError(part.strip())
        pairs.append((label.strip(), normalise_code(code.strip())))
    return pairs


def default_aliases_path() -> Path:
    """resources/catalogues/category_aliases.json, in the packaged plugin or in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for base in (here, here.parent):
        candidate = base / "resources" / "catalogues" / "category_aliases.json"
        if candidate.exists():
            return candidate
    return here / "resources" / "catalogues" / "category_aliases.json"


def default_aliases(path: Optional[Path] = None) -> List[Tuple[str, str]]:
    """The shipped ``(label, code)`` aliases of common MOR/BOR labels (empty when the file is missing)."""
    p = path or default_aliases_path()
    if not p.exists():
        return []
    data = json.loads(p.read_text(encoding="utf-8"))
    return [(str(label), str(code)) for code, labels in data["aliases"].items() for label in labels]
