"""Which column of an incident export plays which role, guessed from the column names.

Municipalities get police registrations (BVH/BVI: pleegdatum, pleegtijd, begin- and
einddatum/-tijd, registratienummer, soort misdrijf, X-coördinaat), MOR/BOR exports (meldingen
openbare ruimte: melding_id, datum_melding, categorie, omschrijving, lat/lon) and the police's
open data. Names are matched after :func:`parsing.normalise_name` (case, accents, spaces,
hyphens, underscores and dots do not count), in the order of :data:`COLUMN_GUESSES`.
"""
from __future__ import annotations

from typing import Dict, Optional, Sequence, Tuple

from .i18n import N_
from .parsing import normalise_name

#: The roles a source column can play, in the order the import dialog shows them.
ROLES: Tuple[str, ...] = ("date", "time", "end_date", "end_time", "category", "x", "y", "source_id",
                          "description", "weight", "street", "house_number", "postcode")

#: A label per role (English; translated by the QGIS side).
ROLE_LABELS: Dict[str, str] = {
    "date": N_("Date (begin of the crime window)"),
    "time": N_("Time (begin)"),
    "end_date": N_("End date of the crime window"),
    "end_time": N_("End time"),
    "category": N_("Category (police code or label)"),
    "x": N_("X / longitude"),
    "y": N_("Y / latitude"),
    "source_id": N_("Source id (registration number)"),
    "description": N_("Description"),
    "weight": N_("Weight"),
    "street": N_("Street"),
    "house_number": N_("House number"),
    "postcode": N_("Postcode"),
}

#: Column names (normalised: see :func:`parsing.normalise_name`) per role, best first.
COLUMN_GUESSES: Dict[str, Tuple[str, ...]] = {
    "date": ("occurredat", "pleegdatum", "begindatum", "begindatumpleeg", "pleegbegindatum", "datumpleeg",
             "datumvan", "vandatum", "startdatum", "datumtijd", "datumtijdstip", "datetime", "datum",
             "date", "datummelding", "melddatum", "meldingsdatum", "datumregistratie", "registratiedatum",
             "aanmaakdatum", "datumaangemaakt", "createdat", "tijdstip", "tijdstipmelding"),
    "time": ("pleegtijd", "begintijd", "begintijdpleeg", "pleegbegintijd", "tijdpleeg", "tijdvan", "vantijd",
             "starttijd", "tijd", "time", "uur", "tijdstipuur", "tijdmelding", "meldtijd", "meldingstijd",
             "tijdstipmelding"),
    "end_date": ("occurredend", "einddatum", "einddatumpleeg", "pleegeinddatum", "datumtot", "totdatum"),
    "end_time": ("eindtijd", "eindtijdpleeg", "pleegeindtijd", "tijdtot", "tottijd"),
    "category": ("category", "categorie", "soortmisdrijf", "misdrijfsoort", "soort", "misdrijf",
                 "incidentcode", "maatschappelijkeklasse", "maatschappelijkeklassecode", "klasse",
                 "subcategorie", "hoofdcategorie", "meldingcategorie", "categoriemelding", "soortmelding",
                 "meldingsoort", "onderwerp", "code", "type", "rubriek"),
    "x": ("x", "xrd", "rdx", "xcoord", "xcoordinaat", "coordx", "coordinaatx", "xcoordinate", "lon", "lng",
          "long", "longitude", "lengtegraad"),
    "y": ("y", "yrd", "rdy", "ycoord", "ycoordinaat", "coordy", "coordinaaty", "ycoordinate", "lat",
          "latitude", "breedtegraad"),
    "source_id": ("sourceid", "registratienummer", "regnr", "registratienr", "incidentnummer", "meldingnummer",
                  "meldingsnummer", "meldingid", "meldingnr", "bvhnummer", "zaaknummer", "id", "nummer"),
    "description": ("description", "omschrijving", "beschrijving", "toelichting", "opmerking",
                    "meldingomschrijving", "omschrijvingmelding", "tekst"),
    "weight": ("weight", "gewicht", "harm", "ernst"),
    "street": ("straat", "straatnaam", "street", "openbareruimte", "adres", "pleegadres"),
    "house_number": ("huisnummer", "huisnr", "housenumber", "nummeraanduiding"),
    "postcode": ("postcode", "zipcode", "postalcode"),
}

#: Normalised names of x/y columns that hold longitude/latitude.
_GEOGRAPHIC = {"lon", "lng", "long", "longitude", "lengtegraad", "lat", "latitude", "breedtegraad"}


def guess_mapping(names: Sequence[str]) -> Dict[str, str]:
    """role -> column name for every role whose column can be guessed; a column plays one role.

    x and y are guessed together or not at all.
    """
    by_norm: Dict[str, str] = {}
    for name in names:
        by_norm.setdefault(normalise_name(name), name)
    result: Dict[str, str] = {}
    for role in ROLES:
        for candidate in COLUMN_GUESSES[role]:
            name = by_norm.get(candidate)
            if name is not None and name not in result.values():
                result[role] = name
                break
    if ("x" in result) != ("y" in result):
        result.pop("x", None)
        result.pop("y", None)
    return result


def xy_look_geographic(x_name: Optional[str], y_name: Optional[str]) -> bool:
    """True when the chosen x/y column names say longitude/latitude."""
    return normalise_name(x_name or "") in _GEOGRAPHIC or normalise_name(y_name or "") in _GEOGRAPHIC
