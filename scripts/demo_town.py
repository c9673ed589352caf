"""Deterministic demo data for the fictional Dutch town Zuiderwaarde (gemeente GM9999).

:func:`build_demo_town` returns, in memory, the records of the four spatial layers of a
safety GeoPackage in RD New (EPSG:28992): areas (gemeente, 3 wijken, 12 buurten), a
connected street network, risk objects and three calendar years (2023-2025) of incidents
across the five safety fields. Everything is drawn from ``numpy.random.default_rng(seed)``,
so the same seed gives identical output. The incidents hold patterns the analyses should
find again:

- uitgaansgeweld, vernieling and horeca-overlast around the horeca cluster at the Markt,
  at night, mostly in the Friday and Saturday nights;
- jeugdoverlast around the hangplekken and the jongerencentrum in the evening, rising
  over the years (the field *jeugd* rises, the field *fysiek* falls);
- woninginbraak (1.1.1) in the Vogelbuurt, rising year over year, with more in the dark
  months and the evening, and near-repeats: follow-up burglaries within about 200 m and
  two weeks of an initial one;
- fietsdiefstal around the station in the daytime, winkeldiefstal at the supermarkets,
  traffic accidents on the ring road, drugshandel near the coffeeshop, fireworks around
  New Year, and background incidents spread by inhabitants.

:func:`demo_import_rows` returns a small police-export-style table of *new* incidents
(not in the layers) with a few deliberately bad rows, for the import demo.
"""
from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union, voronoi_diagram

from hotspot_plugin.core import schema
from hotspot_plugin.core.categories import CATEGORY_BY_CODE
from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.i18n import N_
from hotspot_plugin.core.progress import Monitor, ensure

TOWN_NAME = "Zuiderwaarde"
MUNICIPALITY_CODE = "GM9999"
#: The Markt, centre of the town, in RD New metres.
CENTRE: Tuple[float, float] = (153000.0, 443000.0)
#: First and last second of the incident period (naive local time, inclusive).
PERIOD_START = "2023-01-01T00:00:00"
PERIOD_END = "2025-12-31T23:59:59"
DEMO_SOURCE = "demo"
DEMO_BATCH = "demo"
#: Namespace of the demo uuids (uuid5 of a fixed namespace and a seed-dependent name).
DEMO_NAMESPACE = uuid.UUID("3d0f5b8e-6a43-5c21-8e7d-95b1f0c2a6d4")
#: The delimiter a CSV of :func:`demo_import_rows` should use (values hold decimal commas).
CSV_DELIMITER = ";"

_START = np.datetime64("2023-01-01T00:00:00", "s")
_END = np.datetime64("2026-01-01T00:00:00", "s")  # exclusive
_YEARS = (2023, 2024, 2025)

_GRID = 260.0  # spacing of the street grid, metres
_RING_R = 1900.0  # mean radius of the ring road
_EXIT_R = 2300.0  # radial roads end here (the gemeente boundary lies beyond 2500 m)
_TOL = 0.02  # noding tolerance, metres (coordinates are rounded to centimetres)
_SCALE = 1.12  # global factor on the yearly incident counts below

# ----------------------------------------------------------------------------------------
# The town plan: wijken and buurten (name, wijk, Voronoi seed relative to the Markt,
# inhabitants, household size, street names).
# ----------------------------------------------------------------------------------------
_WIJKEN: Tuple[str, ...] = ("Centrum", "Westwaarde", "Oosterwaarde")


@dataclass(frozen=True)
class _BuurtPlan:
    name: str
    wijk: int
    seed: Tuple[float, float]
    inhabitants: int
    household: float
    streets: Tuple[str, ...]


_BUURTEN: Tuple[_BuurtPlan, ...] = (
    _BuurtPlan("Binnenstad", 0, (0.0, 0.0), 1700, 1.6, (
        "Langestraat", "Brouwerstraat", "Peperstraat", "Koestraat", "Korte Gracht", "Lange Gracht",
        "Bakkerstraat", "Schoolstraat", "Wolstraat", "Torenstraat", "Gasthuisstraat", "Prinsenstraat")),
    _BuurtPlan("Stationskwartier", 0, (150.0, 850.0), 1900, 1.8, (
        "Spoorlaan", "Emmalaan", "Julianastraat", "Wilhelminastraat", "Parkstraat", "Koningsweg",
        "Postweg", "Telegraafstraat", "Perronstraat", "Seinstraat", "Wagonstraat", "Rails")),
    _BuurtPlan("Havenkwartier", 0, (850.0, -300.0), 2100, 1.9, (
        "Havenstraat", "Kade", "Schippersstraat", "Loswal", "Veerstraat", "Zeilmakersstraat",
        "Ankerstraat", "Touwslagerij", "Sluisstraat", "Bootstraat", "Roeiersweg", "Kaapstander")),
    _BuurtPlan("Kerkbuurt", 0, (-800.0, 150.0), 2600, 2.1, (
        "Kosterstraat", "Pastoriestraat", "Kloosterlaan", "Abdijstraat", "Begijnhof", "Kapelstraat",
        "Klokkenstraat", "Monnikenweg", "Nonnenstraat", "Priorstraat", "Kanunnikenlaan", "Bisschopsweg")),
    _BuurtPlan("Molenveld", 1, (-1273.0, 1273.0), 2500, 2.4, (
        "Molenweg", "Korenlaan", "Zaagmolenstraat", "Graanstraat", "Wiekstraat", "Maalderij",
        "Meelstraat", "Molenaarslaan", "Rosmolenstraat", "Oliemolenstraat", "Schorsmolen", "Pelmolenweg")),
    _BuurtPlan("Westerpolder", 1, (-1800.0, 0.0), 700, 2.6, (
        "Polderstraat", "Slotenweg", "Dijkstraat", "Weidelaan", "Boerderijweg", "Kavelweg",
        "Gemaalweg", "Tochtstraat", "Hoevelaan", "Akkerweg", "Greppelstraat", "Wetering")),
    _BuurtPlan("Bloemenbuurt", 1, (-1379.0, -1157.0), 2700, 2.3, (
        "Tulpstraat", "Rozenlaan", "Narcissenstraat", "Lelieweg", "Irisstraat", "Dahliastraat",
        "Krokuslaan", "Anjerstraat", "Goudsbloemstraat", "Hyacintstraat", "Violierstraat", "Asterstraat")),
    _BuurtPlan("Vogelbuurt", 1, (-157.0, -1793.0), 3100, 2.2, (
        "Merelstraat", "Lijsterstraat", "Vinkenlaan", "Meeuwenstraat", "Spreeuwenlaan", "Zwaluwstraat",
        "Kievitstraat", "Reigerlaan", "Koekoekstraat", "Roodborststraat", "Spechtstraat", "Uilenlaan")),
    _BuurtPlan("Noorderhof", 2, (-157.0, 1793.0), 2400, 2.3, (
        "Esdoornlaan", "Beukenlaan", "Eikenlaan", "Lindenstraat", "Berkenweg", "Wilgenstraat",
        "Populierenlaan", "Kastanjestraat", "Iepenstraat", "Elzenlaan", "Platanenstraat", "Essenlaan")),
    _BuurtPlan("Schildersbuurt", 2, (1273.0, 1273.0), 2900, 2.2, (
        "Rembrandtstraat", "Vermeerstraat", "Frans Halsstraat", "Jan Steenstraat", "Mondriaanlaan",
        "Van Goghstraat", "Breitnerstraat", "Jongkindstraat", "Israëlsstraat", "Mesdagstraat",
        "Ruysdaelstraat", "Potterstraat")),
    _BuurtPlan("Oostpoort", 2, (1793.0, -157.0), 250, 1.5, (
        "Industrieweg", "Ambachtsweg", "Nijverheidsstraat", "Handelsweg", "Fabrieksstraat",
        "Transportweg", "Energieweg", "Smederij", "Werkplaats", "Expeditieweg", "Loodsweg", "Magazijnweg")),
    _BuurtPlan("Componistenbuurt", 2, (1157.0, -1379.0), 2800, 2.4, (
        "Bachstraat", "Mozartlaan", "Beethovenstraat", "Chopinstraat", "Haydnstraat", "Schubertlaan",
        "Sweelinckstraat", "Händelstraat", "Verdistraat", "Vivaldistraat", "Griegstraat", "Brahmslaan")),
)
_BURGLARY_BUURT = "Vogelbuurt"
#: In-town name of the street that leaves town as the given radial road.
_AXIS_STREET = {"Westerweg": "Westerstraat", "Oosterweg": "Oosterstraat", "Zuiderweg": "Zuiderstraat",
                "Noorderweg": "Stationsweg"}

# ----------------------------------------------------------------------------------------
# Time profiles: hour of day (0..23), weekday (Mon..Sun), month (Jan..Dec).
# ----------------------------------------------------------------------------------------
_HOURS: Dict[str, Sequence[float]] = {
    "flat": (0.4, 0.3, 0.25, 0.2, 0.2, 0.25, 0.4, 0.7, 0.9, 1.0, 1.0, 1.1,
             1.1, 1.1, 1.1, 1.2, 1.3, 1.4, 1.4, 1.3, 1.2, 1.0, 0.8, 0.6),
    "night": (2.6, 2.4, 2.0, 1.4, 0.7, 0.25, 0.05, 0.02, 0.02, 0.02, 0.03, 0.05,
              0.08, 0.1, 0.1, 0.12, 0.15, 0.2, 0.3, 0.45, 0.7, 1.0, 1.5, 2.1),
    "evening": (0.5, 0.3, 0.15, 0.05, 0.03, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3,
                0.5, 0.6, 0.9, 1.2, 1.6, 1.9, 2.0, 2.2, 2.4, 2.4, 2.0, 1.2),
    "shop": (0, 0, 0, 0, 0, 0, 0, 0.05, 0.4, 0.9, 1.1, 1.3,
             1.4, 1.4, 1.5, 1.7, 1.8, 1.6, 1.2, 0.8, 0.4, 0.1, 0, 0),
    "commute": (0.05, 0.02, 0.01, 0.01, 0.02, 0.1, 0.6, 1.6, 1.8, 1.0, 0.8, 0.8,
                0.9, 0.9, 1.0, 1.2, 1.5, 1.8, 1.6, 1.0, 0.6, 0.4, 0.2, 0.1),
    "rush": (0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.8, 1.8, 1.9, 1.1, 0.9, 0.9,
             1.0, 1.0, 1.1, 1.4, 1.9, 2.0, 1.5, 1.0, 0.7, 0.5, 0.4, 0.3),
    "burglary": (0.3, 0.25, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.8, 0.9, 0.9,
                 0.9, 0.9, 0.9, 1.0, 1.3, 1.8, 2.2, 2.3, 2.0, 1.5, 0.9, 0.5),
    "office": (0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.5, 1.2, 1.5, 1.5, 1.4,
               1.2, 1.4, 1.5, 1.4, 1.1, 0.6, 0.3, 0.2, 0.15, 0.1, 0.1, 0.05),
    "dark_night": (2.0, 2.2, 2.3, 2.0, 1.4, 0.8, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1,
                   0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.4, 0.6, 0.9, 1.3, 1.7),
    "fireworks": (2.5, 1.5, 0.6, 0.2, 0.05, 0.02, 0.02, 0.02, 0.02, 0.02, 0.05, 0.1,
                  0.2, 0.3, 0.4, 0.5, 0.7, 0.9, 1.2, 1.5, 1.8, 2.2, 2.8, 4.0),
}
#: Profiles whose small hours (before 08:00) belong to the evening before: the weekday and
#: day weights then apply to the evening on which the night began.
_NIGHT_PROFILES = frozenset({"night", "evening", "dark_night", "fireworks"})

_WEEKDAYS: Dict[str, Sequence[float]] = {
    "flat": (1, 1, 1, 1, 1, 1, 1),
    "horeca": (0.35, 0.35, 0.45, 0.8, 1.7, 2.3, 0.6),
    "shop": (0.9, 0.9, 0.95, 1.0, 1.2, 1.7, 0.35),
    "work": (1.15, 1.15, 1.15, 1.15, 1.1, 0.7, 0.5),
    "youth": (0.8, 0.85, 1.0, 0.9, 1.3, 1.3, 0.9),
}
_MONTHS: Dict[str, Sequence[float]] = {
    "flat": (1,) * 12,
    "dark": (1.5, 1.3, 1.0, 0.8, 0.6, 0.5, 0.55, 0.65, 0.85, 1.2, 1.5, 1.7),
    "summer": (0.7, 0.7, 0.85, 1.0, 1.2, 1.3, 1.35, 1.25, 1.1, 0.9, 0.8, 0.85),
    "bike": (0.7, 0.7, 0.9, 1.0, 1.1, 1.15, 1.1, 1.0, 1.2, 1.2, 1.0, 0.9),
    "winter": (1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.1, 1.2, 1.4),
}

_CAFE_HOURS = "ma-do 11:00-01:00, vr-za 11:00-03:00, zo 12:00-01:00"
_RISE = math.log(1.3)  # jeugd: +30 % a year
_FALL = math.log(0.82)  # fysiek: -18 % a year


@dataclass(frozen=True)
class _Comp:
    """One stream of incidents: a category, how many a year, when and where."""
    code: str
    per_year: float  # expected count in 2023 (before _SCALE)
    where: Tuple[Any, ...]  # see _Town.place
    hours: str = "flat"
    weekdays: str = "flat"
    months: str = "flat"
    growth: float = 0.0  # log of the yearly factor


# Where-specs: ("inh", {buurt: factor}) background by inhabitants; ("buurt", {buurt: weight});
# ("anchor", name of anchor group, sigma, rmax); ("roads", share ring, share junctions).
_COMPONENTS: Tuple[_Comp, ...] = (
    # --- veilige woon- en leefomgeving
    _Comp("1.2.3", 170, ("inh", {"Binnenstad": 3.0, "Stationskwartier": 2.0}), "commute", "flat", "bike"),
    _Comp("1.2.3", 190, ("anchor", "station", 45.0, 160.0), "commute", "work", "bike"),
    _Comp("1.2.1", 120, ("inh", {}), "dark_night", "flat", "winter"),
    _Comp("1.2.2", 25, ("inh", {}), "dark_night"),
    _Comp("1.1.2", 60, ("inh", {}), "dark_night", "flat", "dark"),
    _Comp("1.1.1", 40, ("inh", {}), "burglary", "flat", "dark"),
    _Comp("2.2.1", 200, ("inh", {}), "evening", "youth"),
    _Comp("2.2.1", 100, ("anchor", "uitgaan", 90.0, 300.0), "night", "horeca"),
    _Comp("2.4.1", 200, ("inh", {}), "evening", "youth", "winter"),
    _Comp("1.4.5", 100, ("inh", {}), "flat"),
    _Comp("1.4.5", 80, ("anchor", "uitgaan", 60.0, 250.0), "night", "horeca", "summer"),
    _Comp("1.4.4", 90, ("inh", {})),
    _Comp("1.4.6", 18, ("anchor", "centre_station", 120.0, 350.0), "evening"),
    _Comp("1.4.1", 10, ("inh", {})),
    _Comp("1.4.2", 0.7, ("inh", {})),
    _Comp("1.6.2", 90, ("inh", {})),
    _Comp("2.7.3", 70, ("inh", {})),
    _Comp("M.3", 100, ("inh", {"Binnenstad": 2.0, "Stationskwartier": 2.0})),
    _Comp("M.4", 200, ("inh", {}), "shop", "flat", "summer"),
    _Comp("M.5", 110, ("inh", {}), "evening", "flat", "dark"),
    _Comp("M.6", 90, ("inh", {"Binnenstad": 2.0, "Stationskwartier": 2.0}), "office", "work"),
    _Comp("2.4.2", 20, ("inh", {})),
    _Comp("1.2.5", 20, ("inh", {}), "dark_night"),
    _Comp("2.6.4", 30, ("inh", {}), "office", "work"),
    # --- bedrijvigheid en veiligheid
    _Comp("2.5.2", 220, ("anchor", "supermarkt", 15.0, 60.0), "shop", "shop"),
    _Comp("2.5.2", 70, ("buurt", {"Binnenstad": 1.0}), "shop", "shop"),
    _Comp("2.5.1", 45, ("buurt", {"Oostpoort": 6.0, "Binnenstad": 2.0, "Havenkwartier": 1.0}),
          "dark_night", "flat", "dark"),
    _Comp("1.2.4", 55, ("anchor", "centre_station", 80.0, 250.0), "shop", "shop"),
    _Comp("1.4.3", 35, ("anchor", "uitgaan", 70.0, 250.0), "night", "horeca", "summer"),
    _Comp("1.4.7", 5, ("anchor", "overval", 20.0, 80.0), "evening"),
    _Comp("M.2", 220, ("anchor", "uitgaan", 60.0, 250.0), "night", "horeca", "summer"),
    # --- jeugd en veiligheid
    _Comp("M.1", 230, ("anchor", "jeugd", 50.0, 200.0), "evening", "youth", "summer", _RISE),
    _Comp("M.7", 120, ("anchor", "jeugd", 35.0, 150.0), "evening", "youth", "summer", _RISE),
    _Comp("2.1.1", 90, ("anchor", "jeugd", 60.0, 200.0), "evening", "youth", "summer", _RISE),
    # --- fysieke veiligheid
    _Comp("1.3.1", 170, ("roads", 0.45, 0.25), "rush", "work", "winter", _FALL),
    _Comp("3.5.2", 30, ("roads", 0.5, 0.1), "night", "horeca", "flat", _FALL),
    _Comp("3.5.5", 45, ("roads", 0.5, 0.2), "rush", "work", "flat", _FALL),
    _Comp("1.6.1", 40, ("inh", {}), "evening", "flat", "winter", _FALL),
    _Comp("2.6.9", 70, ("inh", {}), "fireworks", "flat", "flat", _FALL),
    _Comp("2.6.13", 20, ("inh", {}), "flat", "flat", "summer", _FALL),
    _Comp("2.6.1", 8, ("buurt", {"Oostpoort": 1.0}), "office", "work", "flat", _FALL),
    # --- integriteit en veiligheid
    _Comp("3.1.1", 40, ("anchor", "coffeeshop", 70.0, 200.0), "evening", "youth"),
    _Comp("3.1.1", 12, ("anchor", "station", 60.0, 200.0), "evening", "youth"),
    _Comp("3.7.4", 90, ("inh", {}), "office", "work", "flat", math.log(1.12)),
    _Comp("3.9.1", 70, ("inh", {}), "office", "work"),
    _Comp("3.9.3", 30, ("inh", {}), "office", "work"),
    _Comp("3.6.4", 15, ("anchor", "uitgaan", 150.0, 400.0), "night", "horeca"),
    _Comp("3.7.1", 10, ("inh", {})),
    _Comp("2.7.2", 20, ("anchor", "handhaving", 60.0, 200.0), "evening", "horeca"),
    _Comp("1.6.3", 1.5, ("inh", {})),
    _Comp("3.1.3", 1.5, ("inh", {})),
)

#: Initial burglaries a year in the Vogelbuurt (before follow-ups), and the mean number of
#: follow-up burglaries per initial one.
_BURGLARY_INITIAL = {2023: 25.0, 2024: 50.0, 2025: 85.0}
_BURGLARY_FOLLOWUPS = 0.9


@dataclass
class DemoTown:
    """The demo town, as records per layer ready for a GeoPackage writer.

    ``layers`` maps the schema layer names (:data:`schema.AREAS`, :data:`schema.STREETS`,
    :data:`schema.RISK_OBJECTS`, :data:`schema.INCIDENTS`) to lists of records; a record is
    a dict with ``"geometry"`` (a shapely geometry in RD New metres) and the layer's field
    names. ``extent`` is (xmin, ymin, xmax, ymax) of the gemeente. ``landmarks`` gives the
    places the planted patterns centre on (markt, station, coffeeshop, jongerencentrum) and
    ``burglary_buurt`` the code of the buurt with the near-repeat burglary series.
    """
    seed: int
    town_name: str
    municipality_code: str
    epsg: int
    extent: Tuple[float, float, float, float]
    period: Tuple[str, str]
    layers: Dict[str, List[Dict[str, Any]]]
    landmarks: Dict[str, Tuple[float, float]] = field(default_factory=dict)
    burglary_buurt: str = ""

    def gemeente(self) -> BaseGeometry:
        """The gemeente's (multi)polygon."""
        for rec in self.layers[schema.AREAS]:
            if rec["level"] == "gemeente":
                return rec["geometry"]
        raise KeyError("gemeente")


# ----------------------------------------------------------------------------------------
# Small geometric helpers (numpy, vectorised)
# ----------------------------------------------------------------------------------------
def _inside(poly: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Even-odd point-in-polygon test of points (x, y) against a ring of vertices (K, 2)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    result = np.zeros(x.shape, dtype=bool)
    k = len(poly)
    with np.errstate(divide="ignore", invalid="ignore"):
        for a in range(k):
            xi, yi = poly[a]
            xj, yj = poly[a - 1]
            crosses = (yi > y) != (yj > y)
            xcross = (xj - xi) * (y - yi) / (yj - yi) + xi
            result ^= crosses & (x < xcross)
    return result


def _r2(v: float) -> float:
    """Round to centimetres (all generated coordinates are)."""
    return round(float(v), 2)


_XY = Tuple[float, float]
_Piece = Tuple[_XY, _XY, int]  # end points and the index of the source segment


def _pt(x: float, y: float) -> _XY:
    """A point rounded to centimetres."""
    return (_r2(x), _r2(y))


# ----------------------------------------------------------------------------------------
# Street network: input segments, noding, chains
# ----------------------------------------------------------------------------------------
@dataclass
class _Seg:
    p: Tuple[float, float]
    q: Tuple[float, float]
    name: Optional[str]
    kind: str
    role: str  # grid, axis, centre, markt, ring, exit, rural, connector, steeg, fietspad, voetpad
    trim: bool = False  # drop the pieces outside the ring


def _node_segments(segs: List[_Seg], tol: float = _TOL) -> List[_Piece]:
    """Split 2-point segments at every crossing and T-junction.

    Returns pieces (p, q, index of the source segment). A crossing point is computed once,
    rounded to centimetres and used for both segments, and a T-junction splits the through
    segment at the other segment's exact end point, so pieces that meet share exactly equal
    end-point coordinates.
    """
    n = len(segs)
    a = np.array([s.p for s in segs], dtype=float)
    b = np.array([s.q for s in segs], dtype=float)
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    splits: List[List[Tuple[float, float]]] = [[] for _ in range(n)]
    dx, dy = d[:, 0][:, None], d[:, 1][:, None]
    ex, ey = d[:, 0][None, :], d[:, 1][None, :]
    wx = a[:, 0][None, :] - a[:, 0][:, None]
    wy = a[:, 1][None, :] - a[:, 1][:, None]
    den = dx * ey - dy * ex
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (wx * ey - wy * ex) / den
        u = (wx * dy - wy * dx) / den
        ei = (tol / length)[:, None]
        ej = (tol / length)[None, :]
        cross = (np.abs(den) > 1e-9) & (t > ei) & (t < 1 - ei) & (u > ej) & (u < 1 - ej)
    cross &= np.triu(np.ones((n, n), dtype=bool), 1)
    for i, j in zip(*np.nonzero(cross)):
        p = _pt(a[i, 0] + t[i, j] * d[i, 0], a[i, 1] + t[i, j] * d[i, 1])
        splits[i].append(p)
        splits[j].append(p)
    # T-junctions: an end point of one segment on the interior of another.
    ends = np.vstack([a, b])
    owner = np.concatenate([np.arange(n), np.arange(n)])
    qx = ends[:, 0][:, None] - a[:, 0][None, :]
    qy = ends[:, 1][:, None] - a[:, 1][None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        along = (qx * d[:, 0][None, :] + qy * d[:, 1][None, :]) / length[None, :]
        off = np.abs(qx * d[:, 1][None, :] - qy * d[:, 0][None, :]) / length[None, :]
    tee = (off < tol) & (along > tol) & (along < length[None, :] - tol)
    tee &= owner[:, None] != np.arange(n)[None, :]
    for e, i in zip(*np.nonzero(tee)):
        splits[i].append((float(ends[e, 0]), float(ends[e, 1])))
    pieces = []
    seen = set()
    for i, s in enumerate(segs):
        pts = sorted(set(splits[i]), key=lambda p: (p[0] - s.p[0]) * d[i, 0] + (p[1] - s.p[1]) * d[i, 1])
        chain = [s.p] + [p for p in pts if p != s.p and p != s.q] + [s.q]
        for p, q in zip(chain[:-1], chain[1:]):
            key = (p, q) if p <= q else (q, p)
            if p == q or key in seen:
                continue
            seen.add(key)
            pieces.append((p, q, i))
    return pieces


def _largest_component(pieces: List[_Piece]) -> List[_Piece]:
    """The pieces of the largest connected component (connected by equal end points)."""
    parent: Dict[_XY, _XY] = {}

    def find(v: _XY) -> _XY:
        parent.setdefault(v, v)
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for p, q, _ in pieces:
        rp, rq = find(p), find(q)
        if rp != rq:
            parent[rp] = rq
    sizes: Dict[_XY, int] = {}
    for p, _q, _ in pieces:
        r = find(p)
        sizes[r] = sizes.get(r, 0) + 1
    best = max(sorted(sizes), key=lambda r: sizes[r])
    return [pc for pc in pieces if find(pc[0]) == best]


def _merge_chains(pieces: List[_Piece], keys: List[Tuple[Any, ...]]) -> List[Tuple[List[_XY], int]]:
    """Join pieces through nodes of degree 2 where both pieces carry the same key.

    Returns (coordinates, index of a piece) per merged line; lines end at junctions, dead
    ends and where the name or kind changes.
    """
    adj: Dict[_XY, List[int]] = {}
    for k, (p, q, _) in enumerate(pieces):
        adj.setdefault(p, []).append(k)
        adj.setdefault(q, []).append(k)

    def next_piece(node: _XY, current: int) -> Optional[int]:
        ids = adj[node]
        if len(ids) != 2:
            return None
        other = ids[0] if ids[1] == current else ids[1]
        return other if keys[other] == keys[current] and other != current else None

    used = [False] * len(pieces)
    lines: List[Tuple[List[_XY], int]] = []
    for k, (p, q, _) in enumerate(pieces):
        if used[k]:
            continue
        used[k] = True
        coords = [p, q]
        for forward in (True, False):
            node, cur = (coords[-1], k) if forward else (coords[0], k)
            while True:
                nxt = next_piece(node, cur)
                if nxt is None or used[nxt]:
                    break
                used[nxt] = True
                np_, nq = pieces[nxt][0], pieces[nxt][1]
                node = nq if np_ == node else np_
                if forward:
                    coords.append(node)
                else:
                    coords.insert(0, node)
                cur = nxt
        lines.append((coords, k))
    return lines


# ----------------------------------------------------------------------------------------
# The builder
# ----------------------------------------------------------------------------------------
class _Town:
    """Builds the town step by step from one random generator."""

    def __init__(self, seed: int, monitor: Monitor) -> None:
        self.rng = np.random.default_rng(seed)
        self.seed = seed
        self.monitor = monitor
        self.cx, self.cy = CENTRE
        self.anchors: Dict[str, Tuple[np.ndarray, np.ndarray, List[str]]] = {}
        self.landmarks: Dict[str, Tuple[float, float]] = {}

    # -- areas ---------------------------------------------------------------------------
    def build_areas(self) -> None:
        """The gemeente boundary, the buurten (Voronoi tiling), inhabitants, dwellings, codes."""
        rng = self.rng
        k = 32
        phi1, phi2 = rng.uniform(0.0, 2 * math.pi, 2)
        theta = 2 * math.pi * np.arange(k) / k + rng.uniform(-0.25, 0.25, k) * (2 * math.pi / k)
        r = (2700.0 + 120.0 * np.sin(3 * theta + phi1) + 50.0 * np.sin(5 * theta + phi2)
             + rng.uniform(-20.0, 20.0, k))
        ring = np.round(np.column_stack([self.cx + r * np.cos(theta), self.cy + r * np.sin(theta)]), 2)
        self.gem_ring = ring
        self.gemeente = Polygon(ring)
        seeds = np.array([b.seed for b in _BUURTEN]) + rng.normal(0.0, 25.0, (len(_BUURTEN), 2))
        seeds[0] = (0.0, 0.0)  # the Binnenstad is centred on the Markt
        self.seeds = seeds + np.array([self.cx, self.cy])
        self.buurt_polys = self._tile(self.seeds)
        jitter = 1.0 + rng.normal(0.0, 0.04, len(_BUURTEN))
        self.inhabitants = [int(round(b.inhabitants * f / 5.0) * 5) for b, f in zip(_BUURTEN, jitter)]
        self.dwellings = [int(round(n / b.household)) for n, b in zip(self.inhabitants, _BUURTEN)]
        codes = []
        seq = [0] * len(_WIJKEN)
        for b in _BUURTEN:
            seq[b.wijk] += 1
            codes.append(f"BU9999{b.wijk + 1:02d}{seq[b.wijk]:02d}")
        self.buurt_codes = codes

    def _tile(self, seeds: np.ndarray) -> List[MultiPolygon]:
        """Voronoi cells of the seeds clipped to the gemeente, as one noded tiling.

        The Voronoi edges and the gemeente boundary are noded together and polygonized, so
        neighbouring cells share exactly the same boundary coordinates (no gaps, no overlaps).
        (``voronoi_diagram``'s ``envelope`` argument crashes shapely 1.8 here, so far-away
        dummy seeds make the diagram cover the gemeente instead.)
        """
        far = [(self.cx + 8000.0 * math.cos(a), self.cy + 8000.0 * math.sin(a))
               for a in np.arange(8) * math.pi / 4]
        diagram = voronoi_diagram(MultiPoint([tuple(s) for s in seeds] + far), edges=True)
        lines: List[LineString] = []
        stack = [diagram]
        while stack:
            geom = stack.pop()
            if isinstance(geom, LineString):
                lines.append(geom)
            else:
                stack.extend(getattr(geom, "geoms", []))
        noded = unary_union(lines + [self.gemeente.exterior])
        faces: List[List[Polygon]] = [[] for _ in seeds]
        for face in polygonize(noded):
            rp = face.representative_point()
            if not self.gemeente.contains(rp):
                continue
            faces[int(self.buurt_of(rp.x, rp.y))].append(face)
        result = []
        for parts in faces:
            merged = unary_union(parts) if len(parts) > 1 else parts[0]
            result.append(_as_multipolygon(merged))
        return result

    def buurt_of(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Index of the buurt of each point (nearest Voronoi seed; valid inside the gemeente)."""
        dx = np.asarray(x, dtype=float)[..., None] - self.seeds[:, 0]
        dy = np.asarray(y, dtype=float)[..., None] - self.seeds[:, 1]
        return np.argmin(dx * dx + dy * dy, axis=-1)

    # -- streets -------------------------------------------------------------------------
    def build_streets(self) -> None:
        """Ring road, perturbed grid, Markt, radial and rural roads, alleys and paths, noded."""
        rng, cx, cy, g = self.rng, self.cx, self.cy, _GRID
        segs: List[_Seg] = []
        # Ring road.
        k = 28
        phase = rng.uniform(0, 2 * math.pi / k)
        ang = phase + 2 * math.pi * np.arange(k) / k
        rr = _RING_R + rng.uniform(-35.0, 35.0, k)
        ring = [_pt(cx + r * math.cos(t), cy + r * math.sin(t)) for r, t in zip(rr, ang)]
        self.ring_poly = np.array(ring)
        for a, b in zip(ring, ring[1:] + ring[:1]):
            mid = math.degrees(math.atan2((a[1] + b[1]) / 2 - cy, (a[0] + b[0]) / 2 - cx)) % 360
            name = ("Oosterringweg" if mid < 45 or mid >= 315 else "Noorderringweg" if mid < 135
                    else "Westerringweg" if mid < 225 else "Zuiderringweg")
            segs.append(_Seg(a, b, name, "straat", "ring"))
        # Grid nodes, the four around the Markt unperturbed.
        nodes: Dict[Tuple[int, int], Tuple[float, float]] = {}
        for i in range(-8, 8):
            for j in range(-8, 8):
                rx, ry = (i + 0.5) * g, (j + 0.5) * g
                jit = rng.uniform(-28.0, 28.0, 2)
                if math.hypot(rx, ry) > 1760.0:
                    continue
                if i in (-1, 0) and j in (-1, 0):
                    jit = (0.0, 0.0)
                nodes[(i, j)] = _pt(cx + rx + jit[0], cy + ry + jit[1])
        special = {
            ((-1, 0), (0, 0)): ("Hoogstraat", "centre"), ((-1, -1), (0, -1)): ("Kerkstraat", "centre"),
            ((-1, -1), (-1, 0)): ("Molenstraat", "centre"), ((0, -1), (0, 0)): ("Nieuwstraat", "centre"),
        }

        def axis_name(a: Tuple[int, int], b: Tuple[int, int]) -> Optional[str]:
            if a[0] == b[0] == 0 and a[1] >= 0:
                return "Stationsweg"
            if a[0] == b[0] == -1 and b[1] <= -1:
                return "Zuiderstraat"
            if a[1] == b[1] == 0 and a[0] >= 0:
                return "Oosterstraat"
            if a[1] == b[1] == -1 and b[0] <= -1:
                return "Westerstraat"
            return None

        grid_edges: List[Tuple[Tuple[int, int], Tuple[int, int]]] = []
        for (i, j) in sorted(nodes):
            for nb in ((i + 1, j), (i, j + 1)):
                if nb in nodes:
                    grid_edges.append(((i, j), nb))
        drop = rng.random(len(grid_edges)) < 0.07
        names_used: Dict[Tuple[int, Tuple[str, int]], str] = {}
        counters = [0] * len(_BUURTEN)
        self.edges_present = set()
        for (e, dropped) in zip(grid_edges, drop):
            a, b = e
            if e in special:
                name, role = special[e]
            elif axis_name(a, b):
                name, role = axis_name(a, b), "axis"
            else:
                if dropped and a not in ((-1, -1), (-1, 0), (0, -1), (0, 0)):
                    continue
                pa, pb = nodes[a], nodes[b]
                bi = int(self.buurt_of((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2))
                line = ("h", a[1]) if a[1] == b[1] else ("v", a[0])
                key = (bi, line)
                if key not in names_used:
                    theme = _BUURTEN[bi].streets
                    c = counters[bi]
                    counters[bi] += 1
                    names_used[key] = theme[c % len(theme)] if c < len(theme) else \
                        "Nieuwe " + theme[c % len(theme)]
                name, role = names_used[key], "grid"
            self.edges_present.add(e)
            segs.append(_Seg(nodes[a], nodes[b], name, "straat", role))
        # Markt: a small square joined to the middle of the four streets around it.
        m = 45.0
        sq = [_pt(cx - m, cy - m), _pt(cx + m, cy - m), _pt(cx + m, cy + m), _pt(cx - m, cy + m)]
        for a, b in zip(sq, sq[1:] + sq[:1]):
            segs.append(_Seg(a, b, "Markt", "straat", "markt"))

        def mid(p: Tuple[float, float], q: Tuple[float, float]) -> Tuple[float, float]:
            return _pt((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)

        for start, (na, nb), name, kind in (((cx, cy + m), ((-1, 0), (0, 0)), "Korte Hoogstraat", "straat"),
                                            ((cx, cy - m), ((-1, -1), (0, -1)), "Kerksteeg", "steeg"),
                                            ((cx - m, cy), ((-1, -1), (-1, 0)), "Vismarkt", "straat"),
                                            ((cx + m, cy), ((0, -1), (0, 0)), "Lombardstraat", "straat")):
            segs.append(_Seg(_pt(*start), mid(nodes[na], nodes[nb]), name, kind, "markt"))
        # Radial roads out of town along the four axes, and connectors from the other grid ends.
        self.axis_exits: Dict[str, Tuple[float, float]] = {}
        cols = sorted({i for i, _ in nodes})
        rows = sorted({j for _, j in nodes})
        ends: List[Tuple[Tuple[int, int], Tuple[float, float], Optional[str], Optional[str]]] = []
        for j in rows:
            line = sorted(i for i, jj in nodes if jj == j)
            ends.append(((line[0], j), (-1.0, 0.0), "Westerweg" if j == -1 else None, "W"))
            ends.append(((line[-1], j), (1.0, 0.0), "Oosterweg" if j == 0 else None, "E"))
        for i in cols:
            line = sorted(j for ii, j in nodes if ii == i)
            ends.append(((i, line[0]), (0.0, -1.0), "Zuiderweg" if i == -1 else None, "S"))
            ends.append(((i, line[-1]), (0.0, 1.0), "Noorderweg" if i == 0 else None, "N"))
        keep = rng.random(len(ends)) < 0.75
        for (node, (ux, uy), exit_name, side), kept in zip(ends, keep):
            p = nodes[node]
            rel = (p[0] - cx, p[1] - cy)
            if exit_name:
                inner = self._ray_to_radius(p, (ux, uy), _RING_R + 120.0)
                outer = self._ray_to_radius(p, (ux, uy), _EXIT_R)
                inner_name = _AXIS_STREET[exit_name]
                segs.append(_Seg(p, inner, inner_name, "straat", "axis"))
                segs.append(_Seg(inner, outer, exit_name, "straat", "exit"))
                self.axis_exits[side] = (ux, uy, rel[0] if ux == 0 else rel[1])
            elif kept:
                far = self._ray_to_radius(p, (ux, uy), _RING_R + 100.0)
                bi = int(self.buurt_of(p[0], p[1]))
                segs.append(_Seg(p, far, self._grid_name_at(names_used, node, ux, bi), "straat", "connector",
                                 trim=True))
        # Rural roads between the radial roads, outside the ring.
        for a_side, b_side, radius, name, kind in (("W", "S", 2180.0, "Polderweg", "straat"),
                                                   ("E", "N", 2180.0, "Dijkweg", "straat"),
                                                   ("N", "W", 2100.0, "Molenpad", "fietspad")):
            segs.extend(self._arc_between(a_side, b_side, radius, name, kind))
        # Back alleys, cycle paths and a park.
        cells = sorted({(i, j) for (i, j) in nodes if (i + 1, j) in nodes and (i, j + 1) in nodes
                        and (i + 1, j + 1) in nodes and (i, j) != (-1, -1)})
        cell_buurt = {c: int(self.buurt_of(*np.mean([nodes[c], nodes[(c[0] + 1, c[1] + 1)]], axis=0)))
                      for c in cells}
        order = rng.permutation(len(cells))
        taken: set = set()
        alley_quota = {"Binnenstad": 3, "Vogelbuurt": 7}
        named_alleys = ["Vissteeg", "Bakkerssteeg", "Papensteeg", "Kaarsenmakerssteeg"]
        self.steeg_count = 0
        for idx in order:
            c = cells[int(idx)]
            bname = _BUURTEN[cell_buurt[c]].name
            quota = alley_quota.get(bname, 1 if bname not in ("Oostpoort", "Westerpolder") else 0)
            if quota <= 0 or c in taken:
                continue
            left = ((c[0], c[1]), (c[0], c[1] + 1))
            right = ((c[0] + 1, c[1]), (c[0] + 1, c[1] + 1))
            if left not in self.edges_present or right not in self.edges_present:
                continue
            name = named_alleys.pop(0) if bname == "Binnenstad" and named_alleys else None
            segs.append(_Seg(mid(nodes[left[0]], nodes[left[1]]), mid(nodes[right[0]], nodes[right[1]]),
                             name, "steeg", "steeg"))
            alley_quota[bname] = quota - 1
            taken.add(c)
        bike_names = ["Schoolpad", None, "Kerkepad", None, None, "Groene Loper", None, None, None]
        park_done = False
        for idx in order[::-1]:
            c = cells[int(idx)]
            if c in taken:
                continue
            bname = _BUURTEN[cell_buurt[c]].name
            a, b = nodes[c], nodes[(c[0] + 1, c[1] + 1)]
            a2, b2 = nodes[(c[0] + 1, c[1])], nodes[(c[0], c[1] + 1)]
            if not park_done and bname == "Noorderhof":
                segs.append(_Seg(a, b, "Parkpad", "voetpad", "voetpad"))
                segs.append(_Seg(a2, b2, "Parkpad", "voetpad", "voetpad"))
                self.landmarks["park"] = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                park_done = True
                taken.add(c)
            elif bike_names and bname not in ("Binnenstad",):
                segs.append(_Seg(a, b, bike_names.pop(0), "fietspad", "fietspad"))
                taken.add(c)
        self._finish_network(segs)

    def _grid_name_at(self, names_used: Dict[Tuple[int, Tuple[str, int]], str], node: Tuple[int, int],
                      ux: float, bi: int) -> str:
        """The name of the grid line a connector continues (or a new one of its buurt)."""
        line = ("h", node[1]) if ux != 0 else ("v", node[0])
        for (b, ln), name in names_used.items():
            if ln == line and b == bi:
                return name
        theme = _BUURTEN[bi].streets
        return theme[-1 - (abs(node[0] * 7 + node[1]) % 4)]

    def _ray_to_radius(self, p: _XY, u: _XY, radius: float) -> _XY:
        """The point where the ray from p in direction u reaches the given distance from the centre."""
        rx, ry = p[0] - self.cx, p[1] - self.cy
        b = rx * u[0] + ry * u[1]
        c = rx * rx + ry * ry - radius * radius
        s = -b + math.sqrt(b * b - c)
        # Axis-parallel rays keep the other coordinate exactly.
        return (_r2(p[0] + s * u[0]) if u[0] else p[0], _r2(p[1] + s * u[1]) if u[1] else p[1])

    def _arc_between(self, a_side: str, b_side: str, radius: float, name: str, kind: str) -> List[_Seg]:
        """A road along a circle of the given radius from one radial road to the next."""
        def on_exit(side: str) -> Tuple[float, float]:
            ux, uy, off = self.axis_exits[side]
            s = math.sqrt(radius * radius - off * off)
            if ux:  # horizontal road at y = cy + off
                return (_r2(self.cx + ux * s), _r2(self.cy + off))
            return (_r2(self.cx + off), _r2(self.cy + uy * s))

        pa, pb = on_exit(a_side), on_exit(b_side)
        ta = math.atan2(pa[1] - self.cy, pa[0] - self.cx)
        tb = math.atan2(pb[1] - self.cy, pb[0] - self.cx)
        if tb < ta:
            tb += 2 * math.pi
        n = 6
        pts = [pa] + [_pt(self.cx + radius * math.cos(ta + (tb - ta) * s / n),
                          self.cy + radius * math.sin(ta + (tb - ta) * s / n)) for s in range(1, n)] + [pb]
        return [_Seg(p, q, name, kind, "rural") for p, q in zip(pts[:-1], pts[1:])]

    def _finish_network(self, segs: List[_Seg]) -> None:
        pieces = _node_segments(segs)
        mids = np.array([((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) for p, q, _ in pieces])
        inside_ring = _inside(self.ring_poly, mids[:, 0], mids[:, 1])
        pieces = [pc for pc, ins in zip(pieces, inside_ring) if ins or not segs[pc[2]].trim]
        pieces = _largest_component(pieces)
        self.pieces = pieces
        self.piece_seg = [segs[i] for _, _, i in pieces]
        arr = np.array([(p[0], p[1], q[0], q[1]) for p, q, _ in pieces])
        self.pa = arr[:, :2]
        self.pb = arr[:, 2:]
        self.pd = self.pb - self.pa
        self.plen = np.hypot(self.pd[:, 0], self.pd[:, 1])
        midp = self.pa + self.pd / 2
        self.pbuurt = self.buurt_of(midp[:, 0], midp[:, 1])
        self.prole = np.array([s.role for s in self.piece_seg])
        self.pkind = np.array([s.kind for s in self.piece_seg])
        keys = [(s.name, s.kind) for s in self.piece_seg]
        self.street_lines = [(coords, self.piece_seg[k]) for coords, k in _merge_chains(pieces, keys)]

    # -- sampling helpers ----------------------------------------------------------------
    def on_pieces(self, pool: np.ndarray, n: int, off: Tuple[float, float],
                  weights: Optional[np.ndarray] = None) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """n points along the given pieces (by length), offset sideways by off[0]..off[1] metres."""
        rng = self.rng
        w = self.plen[pool] * (1.0 if weights is None else weights)
        k = pool[rng.choice(len(pool), size=n, p=w / w.sum())]
        t = rng.random(n)
        side = np.where(rng.random(n) < 0.5, -1.0, 1.0) * rng.uniform(off[0], off[1], n)
        nx, ny = -self.pd[k, 1] / self.plen[k], self.pd[k, 0] / self.plen[k]
        x = self.pa[k, 0] + t * self.pd[k, 0] + side * nx
        y = self.pa[k, 1] + t * self.pd[k, 1] + side * ny
        return x, y, k

    def around(self, group: str, n: int, sigma: float,
               rmax: float) -> Tuple[np.ndarray, np.ndarray, List[str]]:
        """n points scattered around the anchors of a group (truncated 2-D normal)."""
        rng = self.rng
        xy, w, names = self.anchors[group]
        k = rng.choice(len(w), size=n, p=w / w.sum())
        cap = 1.0 - math.exp(-rmax * rmax / (2 * sigma * sigma))
        r = sigma * np.sqrt(-2.0 * np.log(1.0 - rng.random(n) * cap))
        a = rng.uniform(0, 2 * math.pi, n)
        return xy[k, 0] + r * np.cos(a), xy[k, 1] + r * np.sin(a), [names[i] for i in k]

    def snap(self, target: Tuple[float, float], offset: float = 10.0) -> Tuple[float, float, int]:
        """A point beside the street nearest to target, offset metres from the street line."""
        tx, ty = target
        t = ((tx - self.pa[:, 0]) * self.pd[:, 0] + (ty - self.pa[:, 1]) * self.pd[:, 1]) / self.plen ** 2
        t = np.clip(t, 0.05, 0.95)
        px = self.pa[:, 0] + t * self.pd[:, 0]
        py = self.pa[:, 1] + t * self.pd[:, 1]
        ok = self.pkind != "steeg"
        dist = np.where(ok, np.hypot(px - tx, py - ty), np.inf)
        k = int(np.argmin(dist))
        nx, ny = -self.pd[k, 1] / self.plen[k], self.pd[k, 0] / self.plen[k]
        sign = 1.0 if (tx - px[k]) * nx + (ty - py[k]) * ny >= 0 else -1.0
        return _r2(px[k] + sign * offset * nx), _r2(py[k] + sign * offset * ny), k

    def nearest_piece(self, x: float, y: float) -> int:
        """Index of the street piece nearest to (x, y), alleys and paths included."""
        t = np.clip(((x - self.pa[:, 0]) * self.pd[:, 0] + (y - self.pa[:, 1]) * self.pd[:, 1])
                    / self.plen ** 2, 0.0, 1.0)
        return int(np.argmin(np.hypot(self.pa[:, 0] + t * self.pd[:, 0] - x,
                                      self.pa[:, 1] + t * self.pd[:, 1] - y)))

    def street_name(self, k: int) -> str:
        """The name of piece k, or its buurt's name for an unnamed path or alley."""
        s = self.piece_seg[k]
        return s.name if s.name else _BUURTEN[int(self.pbuurt[k])].name

    # -- risk objects --------------------------------------------------------------------
    def build_risk_objects(self) -> None:
        """Risk objects beside the streets, and the anchor groups the incidents cluster around."""
        rng, cx, cy = self.rng, self.cx, self.cy
        objs: List[Dict[str, Any]] = []
        housenr: Dict[str, int] = {}

        def add(kind: str, target: Tuple[float, float], name: str, hours: Optional[str] = None,
                offset: float = 10.0, description: Optional[str] = None) -> Tuple[float, float]:
            x, y, k = self.snap(target, offset)
            street = self.street_name(k)
            housenr[street] = housenr.get(street, 0) + int(rng.integers(2, 9))
            objs.append({"kind": kind, "x": x, "y": y, "name": name,
                         "description": description or f"{street} {housenr[street]}", "opening_hours": hours})
            return x, y

        def rel(dx: float, dy: float) -> Tuple[float, float]:
            return (cx + dx, cy + dy)

        # Station and the things around it.
        station = add("station", rel(215.0, 1060.0), "Station Zuiderwaarde", "dag. 05:30-00:30", 20.0)
        self.landmarks["station"] = station
        add("ov_halte", (station[0] + 40, station[1] - 30), "Busstation Zuiderwaarde")
        add("pinautomaat", (station[0] - 30, station[1] + 10), "Geldautomaat Station")
        stalling = add("hangplek", (station[0] + 80, station[1] + 60),
                       "Fietsenstalling Station (achterzijde)")
        for k in range(3):
            add("camera", (station[0] + rng.uniform(-90, 90), station[1] + rng.uniform(-70, 70)),
                f"Camera S{k + 1:02d} Stationsplein", description="Cameratoezicht stationsgebied")
        # Horeca: a cluster around the Markt, a few elsewhere.
        prefixes = ["Café", "Eetcafé", "Bar", "Grand Café", "Brasserie", "Cafetaria", "Snackbar",
                    "Restaurant", "Pizzeria", "Club", "Bodega", "Lunchroom", "Proeflokaal", "Shoarma"]
        names = ["De Gouden Leeuw", "Het Wapen", "De Zwaan", "'t Hoekje", "De Kroon", "Het Pakhuis",
                 "De Waag", "De Markt", "Sjansen", "De Tapperij", "Het Anker", "De Molen", "De Klok",
                 "Bacchus", "De Zon", "Het Hert", "De Pelikaan", "De Vlinder", "De Baron", "Oud Zuiderwaarde",
                 "De Karseboom", "Het Gulden Vlies", "De Posthoorn", "De Drie Fleschjes", "Het Zwarte Schaap",
                 "De Ster", "Zuid", "De Kachel", "Het Zonnetje", "De Smid", "Belle Vue", "De Uitkijk",
                 "De Gekroonde Valk", "Het Wapen van Zuiderwaarde", "De Sluis", "Het Veerhuis", "De Gieter",
                 "Bella Napoli", "De Walvis", "Het Kompas", "De Pauw", "Het Raadhuis", "De Roode Leeuw",
                 "Aan de Gracht", "De Boterhal", "Het Pomphuis"]
        combos = [(p, nm) for p in prefixes for nm in names]
        picks = rng.permutation(len(combos))
        hours_by_prefix = {"Club": "do-za 23:00-05:00", "Restaurant": "di-zo 17:00-23:00",
                           "Pizzeria": "dag. 16:00-23:00", "Lunchroom": "ma-za 09:00-17:00",
                           "Snackbar": "dag. 11:00-02:00", "Cafetaria": "dag. 11:00-01:00",
                           "Shoarma": "dag. 12:00-04:00"}
        used_names: set = set()
        horeca_xy = []
        pick_iter = iter(picks)

        def horeca_name() -> Tuple[str, str]:
            while True:
                p, nm = combos[int(next(pick_iter))]
                if nm not in used_names:
                    used_names.add(nm)
                    return f"{p} {nm}", hours_by_prefix.get(p, _CAFE_HOURS)

        central = np.nonzero(np.hypot(self.pa[:, 0] + self.pd[:, 0] / 2 - cx,
                                      self.pa[:, 1] + self.pd[:, 1] / 2 - cy) < 330.0)[0]
        central = central[self.pkind[central] != "steeg"]
        dcent = np.hypot(self.pa[central, 0] + self.pd[central, 0] / 2 - cx,
                         self.pa[central, 1] + self.pd[central, 1] / 2 - cy)
        hx, hy, _ = self.on_pieces(central, 26, (8.0, 12.0),
                                   weights=np.exp(-dcent / 120.0) / self.plen[central])
        for x, y in zip(hx, hy):
            name, hrs = horeca_name()
            horeca_xy.append(add("horeca", (x, y), name, hrs, 9.0))
        for k in range(4):  # on the Markt itself
            a = k * math.pi / 2 + rng.uniform(-0.4, 0.4)
            name, hrs = horeca_name()
            horeca_xy.append(add("horeca", (cx + 60 * math.cos(a), cy + 60 * math.sin(a)), name, hrs, 8.0))
        for bname in ("Stationskwartier", "Havenkwartier", "Kerkbuurt", "Vogelbuurt", "Schildersbuurt",
                      "Noorderhof", "Componistenbuurt", "Bloemenbuurt"):
            x, y, _ = self.on_pieces(self._buurt_pool(bname), 1, (8.0, 12.0))
            name, hrs = horeca_name()
            add("horeca", (float(x[0]), float(y[0])), name, hrs)
        self.landmarks["markt"] = (cx, cy)
        # Coffeeshop, jongerencentrum, schools, supermarkets.
        coffeeshop = add("coffeeshop", rel(380.0, -270.0), "Coffeeshop De Groene Vlinder", "dag. 10:00-23:00")
        self.landmarks["coffeeshop"] = coffeeshop
        jc = add("jongerencentrum", rel(-820.0, 120.0), "Jongerencentrum De Schakel", "ma-za 14:00-23:00")
        self.landmarks["jongerencentrum"] = jc
        schools = [("Basisschool De Regenboog", "Kerkbuurt", (-950.0, -200.0)),
                   ("Basisschool De Vlieger", "Vogelbuurt", (-350.0, -1300.0)),
                   ("Montessorischool Bloemenbuurt", "Bloemenbuurt", (-1100.0, -850.0)),
                   ("Basisschool De Molenwiek", "Molenveld", (-1000.0, 950.0)),
                   ("Basisschool Het Kompas", "Noorderhof", (350.0, 1500.0)),
                   ("Basisschool De Palet", "Schildersbuurt", (1000.0, 1050.0)),
                   ("Basisschool De Notenbalk", "Componistenbuurt", (950.0, -1050.0)),
                   ("Zuiderwaarde College", "Havenkwartier", (700.0, -500.0)),
                   ("Waardelyceum", "Noorderhof", (-350.0, 1350.0))]
        school_xy = {}
        for name, _b, (dx, dy) in schools:
            school_xy[name] = add("school", rel(dx, dy), name, "ma-vr 08:15-16:00", 15.0)
        supers = [("Supermarkt Van der Meer", (80.0, -175.0)), ("Versmarkt Zuiderwaarde", (-160.0, 230.0)),
                  ("Buurtsuper De Spoorboom", (260.0, 690.0)),
                  ("Supermarkt De Korenschoof", (-900.0, 1120.0)),
                  ("Supermarkt Vogelhof", (-150.0, -1250.0)), ("Buurtsuper Het Hoekje", (1050.0, 900.0)),
                  ("Supermarkt De Bloemhof", (-1000.0, -950.0)),
                  ("Supermarkt Oostwaarde", (900.0, -1150.0))]
        super_xy = [add("supermarkt", rel(dx, dy), name, "ma-za 08:00-21:00, zo 12:00-18:00", 12.0)
                    for name, (dx, dy) in supers]
        # Pinautomaten: centre, supermarkets.
        pins = [rel(20.0, 60.0), rel(-70.0, -40.0), rel(140.0, 30.0)] + [super_xy[i] for i in (0, 2, 4, 6)]
        for k, p in enumerate(pins):
            add("pinautomaat", (p[0] + rng.uniform(-15, 15), p[1] + rng.uniform(-15, 15)),
                f"Geldautomaat {k + 1}")
        # Hangplekken: hot ones near the jongerencentrum, the park, the college.
        park = self.landmarks.get("park") or rel(-150.0, 1650.0)
        hang = [(jc[0] + 70, jc[1] + 40, "Hangplek speelveld De Schakel", 4.0),
                (jc[0] - 60, jc[1] - 90, "Bankjes Kapelstraat", 2.5),
                (park[0], park[1], "Skatebaan Noorderhof", 3.0),
                (school_xy["Zuiderwaarde College"][0] + 90, school_xy["Zuiderwaarde College"][1] - 40,
                 "Achter het College", 2.0),
                (stalling[0], stalling[1], "Fietsenstalling Station (achterzijde)", 2.0),
                (cx - 40, cy + 20, "Bankjes Markt", 1.0),
                (cx - 300, cy - 1450, "Speeltuin Vogelbuurt", 1.5),
                (cx - 1150, cy - 1000, "Trapveldje Bloemenbuurt", 1.0),
                (cx + 1200, cy - 1250, "Basketbalveld Componistenbuurt", 1.0),
                (cx + 1150, cy + 1150, "Bushokje Schildersbuurt", 1.0),
                (cx - 1900, cy - 260, "Parkeerplaats Westerweg", 0.7),
                (cx + 1550, cy - 300, "Loods Oostpoort", 0.7)]
        hang_xy, hang_w, hang_names = [], [], []
        for x, y, name, w in hang:
            # The one at the station was added with the station.
            p = (x, y) if name.startswith("Fietsenstalling") else add("hangplek", (x, y), name, None, 8.0)
            hang_xy.append(p)
            hang_w.append(w)
            hang_names.append(name)
        # Speelplaatsen: two in each residential buurt.
        for b in _BUURTEN:
            if b.name in ("Oostpoort", "Binnenstad"):
                continue
            x, y, _ = self.on_pieces(self._buurt_pool(b.name), 2, (15.0, 25.0))
            for k in range(2):
                add("speelplaats", (float(x[k]), float(y[k])), f"Speelplaats {b.name} {k + 1}", None, 15.0)
        # OV-haltes along the main roads, at least 300 m apart.
        main = np.nonzero(np.isin(self.prole, ["axis", "exit", "ring"]))[0]
        stops: List[Tuple[float, float]] = [station]
        tries = 0
        while len(stops) < 22 and tries < 500:
            tries += 1
            x, y, k = self.on_pieces(main, 1, (6.0, 8.0))
            if min(math.hypot(x[0] - sx, y[0] - sy) for sx, sy in stops) < 300.0:
                continue
            stops.append((float(x[0]), float(y[0])))
            add("ov_halte", (float(x[0]), float(y[0])), f"Halte {self.street_name(int(k[0]))}", None, 6.0)
        # Cameras: the centre, the coffeeshop, the jongerencentrum.
        for k in range(10):
            a = rng.uniform(0, 2 * math.pi)
            r = rng.uniform(20, 260)
            add("camera", (cx + r * math.cos(a), cy + r * math.sin(a)), f"Camera C{k + 1:02d} Centrum",
                None, 5.0, "Cameratoezicht uitgaansgebied (art. 151c Gemeentewet)")
        legal = "Cameratoezicht (art. 151c Gemeentewet)"
        add("camera", coffeeshop, "Camera C11 Coffeeshop", None, 5.0, legal)
        add("camera", jc, "Camera J01 De Schakel", None, 5.0, legal)
        # Lantaarnpalen along the alleys and footpaths, every 50 m.
        lamp = 0
        for k in np.nonzero(np.isin(self.pkind, ["steeg", "voetpad"]))[0]:
            for s in np.arange(10.0, self.plen[k], 50.0):
                lamp += 1
                t = s / self.plen[k]
                nx, ny = -self.pd[k, 1] / self.plen[k], self.pd[k, 0] / self.plen[k]
                objs.append({"kind": "lantaarnpaal", "x": _r2(self.pa[k, 0] + t * self.pd[k, 0] + 1.5 * nx),
                             "y": _r2(self.pa[k, 1] + t * self.pd[k, 1] + 1.5 * ny),
                             "name": f"Lichtmast {lamp:04d}", "description": self.street_name(int(k)),
                             "opening_hours": None})
        self.risk_objects = objs
        # Anchor groups for the incidents.
        hxy = np.array(horeca_xy)
        hw = np.exp(-np.hypot(hxy[:, 0] - cx, hxy[:, 1] - cy) / 150.0)
        self.anchors["uitgaan"] = (hxy, hw, ["het uitgaansgebied"] * len(hxy))
        self.anchors["station"] = (np.array([station]), np.array([1.0]), ["Station Zuiderwaarde"])
        self.anchors["coffeeshop"] = (np.array([coffeeshop]), np.array([1.0]), ["de coffeeshop"])
        self.anchors["centre_station"] = (np.array([(cx, cy), station]), np.array([0.6, 0.4]),
                                          ["de Markt", "Station Zuiderwaarde"])
        self.anchors["supermarkt"] = (np.array(super_xy), np.array([2.0, 1.5, 1.0, 1.0, 1.2, 0.8, 1.0, 1.0]),
                                      [nm for nm, _ in supers])
        self.anchors["overval"] = (np.array(super_xy + pins), np.ones(len(super_xy) + len(pins)),
                                   [nm for nm, _ in supers] + ["een geldautomaat"] * len(pins))
        jxy = np.array(hang_xy + [jc])
        self.anchors["jeugd"] = (jxy, np.array(hang_w + [3.0]), hang_names + ["Jongerencentrum De Schakel"])
        self.anchors["handhaving"] = (np.array([coffeeshop] + horeca_xy[:10]), np.array([3.0] + [0.5] * 10),
                                      ["de coffeeshop"] + ["het uitgaansgebied"] * 10)

    def _buurt_pool(self, bname: str, exclude_main: bool = True) -> np.ndarray:
        """Indices of the street pieces of a buurt where people live (not ring, exits, rural roads)."""
        bi = [b.name for b in _BUURTEN].index(bname)
        mask = self.pbuurt == bi
        if exclude_main:
            mask &= ~np.isin(self.prole, ["ring", "exit", "rural"])
            mask &= self.pkind != "fietspad"
        pool = np.nonzero(mask)[0]
        return pool if len(pool) else np.nonzero(self.pbuurt == bi)[0]

    # -- incidents -----------------------------------------------------------------------
    def sample_times(self, expected_2023: float, growth: float, hours: str, weekdays: str, months: str,
                     day_weights: Optional[np.ndarray] = None) -> np.ndarray:
        """Poisson-many timestamps (datetime64[s]) over the period with the given profiles."""
        rng = self.rng
        days = self.days
        w = (np.asarray(_MONTHS[months], dtype=float)[self.month]
             * np.asarray(_WEEKDAYS[weekdays], dtype=float)[self.weekday])
        w = w / w[self.in2023].mean()
        if day_weights is not None:
            w = w * day_weights
        lam = expected_2023 / 365.0 * w * np.exp(growth * (self.years_since - 0.5))
        if hours not in _NIGHT_PROFILES:
            lam[0] = 0.0  # 2022-12-31 is there only for nights that run into 2023
        n = int(rng.poisson(lam.sum()))
        d = rng.choice(len(days), size=n, p=lam / lam.sum())
        hw = np.asarray(_HOURS[hours], dtype=float)
        h = rng.choice(24, size=n, p=hw / hw.sum())
        minute = rng.integers(0, 60, n)
        if hours in _NIGHT_PROFILES:
            d = d + (h < 8)
        day = days[0] + d.astype("timedelta64[D]")
        return day.astype("datetime64[s]") + (h * 3600 + minute * 60).astype("timedelta64[s]")

    def build_incidents(self) -> None:
        """Three years of incidents: every component of _COMPONENTS plus the burglary series."""
        rng = self.rng
        self.days = np.arange(np.datetime64("2022-12-31"), np.datetime64("2026-01-01"))
        di = self.days.astype("int64")
        self.weekday = (di + 3) % 7
        self.month = self.days.astype("datetime64[M]").astype("int64") % 12
        self.years_since = (di - np.datetime64("2023-01-01").astype("int64")) / 365.25
        self.in2023 = (self.years_since >= 0) & (self.years_since < 1)
        inh = np.array(self.inhabitants, dtype=float)
        pools = [self._buurt_pool(b.name) for b in _BUURTEN]
        names = [b.name for b in _BUURTEN]
        xs, ys, ts, codes, descs = [], [], [], [], []
        dom = (self.days - self.days.astype("datetime64[M]")).astype("int64") + 1
        # Fireworks: mostly New Year's Eve, some in the days before and on New Year's Day.
        december = np.select([dom == 31, dom >= 24, dom >= 15], [60.0, 4.0, 1.0], 0.05)
        fireworks = 0.05 + np.where(self.month == 11, december,
                                    np.where((self.month == 0) & (dom == 1), 6.0, 0.0))
        for ci, comp in enumerate(self._components()):
            if ci % 5 == 0:
                self.monitor.check()
            dw = fireworks if comp.code == "2.6.9" else None
            t = self.sample_times(comp.per_year * _SCALE, comp.growth, comp.hours, comp.weekdays, comp.months,
                                  dw)
            n = len(t)
            if n == 0:
                continue
            label = CATEGORY_BY_CODE[comp.code].label_nl
            kind = comp.where[0]
            if kind in ("inh", "buurt"):
                if kind == "inh":
                    w = inh * np.array([comp.where[1].get(nm, 1.0) for nm in names])
                else:
                    w = np.array([comp.where[1].get(nm, 0.0) for nm in names])
                b = rng.choice(len(names), size=n, p=w / w.sum())
                x = np.empty(n)
                y = np.empty(n)
                desc = [""] * n
                for bi in np.unique(b):
                    sel = np.nonzero(b == bi)[0]
                    px, py, pk = self.on_pieces(pools[bi], len(sel), (5.0, 25.0))
                    x[sel], y[sel] = px, py
                    for s, k in zip(sel, pk):
                        desc[s] = f"{label}, {self.street_name(int(k))}"
            elif kind == "anchor":
                _k, group, sigma, rmax = comp.where
                x, y, anames = self.around(group, n, sigma, rmax)
                desc = [f"{label}, bij {a}" for a in anames]
            else:  # roads
                _k, share_ring, share_junction = comp.where
                u = rng.random(n)
                x = np.empty(n)
                y = np.empty(n)
                desc = [""] * n
                ring = np.nonzero(self.prole == "ring")[0]
                axis = np.nonzero(np.isin(self.prole, ["axis", "exit"]))[0]
                for sel, pool in ((np.nonzero(u < share_ring)[0], ring),
                                  (np.nonzero(u >= share_ring + share_junction)[0], axis)):
                    px, py, pk = self.on_pieces(pool, len(sel), (0.0, 4.0))
                    x[sel], y[sel] = px, py
                    for s, k in zip(sel, pk):
                        desc[s] = f"{label}, {self.street_name(int(k))}"
                sel = np.nonzero((u >= share_ring) & (u < share_ring + share_junction))[0]
                jx, jy, jn = self.around("ring_junctions", len(sel), 18.0, 60.0)
                x[sel], y[sel] = jx, jy
                for s, nm in zip(sel, jn):
                    desc[s] = f"{label}, {nm}"
            xs.append(x)
            ys.append(y)
            ts.append(t)
            codes.extend([comp.code] * n)
            descs.extend(desc)
        bx, by, bt, bdesc = self._burglary_series()
        xs.append(bx)
        ys.append(by)
        ts.append(bt)
        codes.extend(["1.1.1"] * len(bt))
        descs.extend(bdesc)
        self._assemble_incidents(np.concatenate(xs), np.concatenate(ys), np.concatenate(ts), codes, descs)

    def _components(self) -> Tuple[_Comp, ...]:
        """The incident components, after adding the ring-road junctions as an anchor group."""
        # The ring junctions with the radial roads, for the accident hot spots.
        if "ring_junctions" not in self.anchors:
            ring_nodes = {}
            for k in np.nonzero(self.prole == "ring")[0]:
                for p in (tuple(self.pa[k]), tuple(self.pb[k])):
                    ring_nodes[p] = ring_nodes.get(p, 0) + 1
            axis_nodes = set()
            for k in np.nonzero(np.isin(self.prole, ["axis", "exit"]))[0]:
                axis_nodes.add(tuple(self.pa[k]))
                axis_nodes.add(tuple(self.pb[k]))
            junctions = sorted(p for p in ring_nodes if p in axis_nodes)
            names = []
            for p in junctions:
                k = int(np.argmin(np.hypot(self.pa[:, 0] - p[0], self.pa[:, 1] - p[1])
                                  + np.where(self.prole == "ring", 0.0, 1e9)))
                names.append(f"kruispunt {self.street_name(k)}")
            self.anchors["ring_junctions"] = (np.array(junctions), np.ones(len(junctions)), names)
        return _COMPONENTS

    def _burglary_series(self) -> Tuple[np.ndarray, np.ndarray, np.ndarray, List[str]]:
        """Initial burglaries in the hot buurt, rising a year, each with near-repeat follow-ups."""
        rng = self.rng
        pool = self._buurt_pool(_BURGLARY_BUURT)
        label = CATEGORY_BY_CODE["1.1.1"].label_nl
        xs, ys, ts, desc = [], [], [], []
        for year in _YEARS:
            in_year = (self.years_since >= year - 2023) & (self.years_since < year - 2022)
            t = self.sample_times(_BURGLARY_INITIAL[year], 0.0, "burglary", "flat", "dark",
                                  day_weights=in_year.astype(float))
            n = len(t)
            x, y, k = self.on_pieces(pool, n, (8.0, 20.0))
            xs.append(x)
            ys.append(y)
            ts.append(t)
            desc.extend(f"{label}, {self.street_name(int(kk))}" for kk in k)
            m = np.minimum(rng.poisson(_BURGLARY_FOLLOWUPS, n), 4)
            parent = np.repeat(np.arange(n), m)
            nf = len(parent)
            r = rng.uniform(15.0, 190.0, nf)
            a = rng.uniform(0, 2 * math.pi, nf)
            lag = 1 + np.minimum(rng.exponential(3.5, nf).astype(int), 12)
            hw = np.asarray(_HOURS["burglary"])
            h = rng.choice(24, size=nf, p=hw / hw.sum())
            minute = rng.integers(0, 60, nf)
            ft = (t[parent].astype("datetime64[D]") + lag.astype("timedelta64[D]")).astype("datetime64[s]") \
                + (h * 3600 + minute * 60).astype("timedelta64[s]")
            xs.append(x[parent] + r * np.cos(a))
            ys.append(y[parent] + r * np.sin(a))
            ts.append(ft)
            desc.extend(f"{label}, {self.street_name(self.nearest_piece(px, py))}"
                        for px, py in zip(xs[-1], ys[-1]))
        return np.concatenate(xs), np.concatenate(ys), np.concatenate(ts), desc

    def _assemble_incidents(self, x: np.ndarray, y: np.ndarray, t: np.ndarray, codes: List[str],
                            descs: List[str]) -> None:
        """Incident records sorted by time, with source ids per year, uuids and end times."""
        rng = self.rng
        code_arr = np.array(codes)
        keep = (t >= _START) & (t < _END)
        # Points that fell outside the gemeente (only possible at its edge) are pulled inward.
        for _ in range(20):
            out = ~_inside(self.gem_ring, x, y)
            if not out.any():
                break
            x[out] = self.cx + (x[out] - self.cx) * 0.97
            y[out] = self.cy + (y[out] - self.cy) * 0.97
        x, y = np.round(x, 2), np.round(y, 2)
        idx = np.nonzero(keep)[0]
        order = idx[np.lexsort((y[idx], x[idx], t[idx]))]
        t, x, y, code_arr = t[order], x[order], y[order], code_arr[order]
        descs = [descs[i] for i in order]
        stamps = np.datetime_as_string(t, unit="s")
        n = len(order)
        # occurred_end: a time window for burglaries and bicycle thefts (owner away).
        window = np.where(np.isin(code_arr, ["1.1.1", "1.2.3"]) & (rng.random(n) < 0.6),
                          rng.integers(1, 10, n) * 3600 + rng.integers(0, 4, n) * 900, 0)
        ends = np.minimum(t + window.astype("timedelta64[s]"), _END - np.timedelta64(60, "s"))
        window = np.where(ends > t, window, 0)
        end_stamps = np.datetime_as_string(ends, unit="s")
        bits = rng.integers(0, 2 ** 63, size=(n, 2), dtype=np.int64)
        records = []
        seq: Dict[str, int] = {}
        for i in range(n):
            if i % 2000 == 0:
                self.monitor.check()
            stamp = str(stamps[i])
            year = stamp[:4]
            seq[year] = seq.get(year, 0) + 1
            source_id = f"ZW-{year}-{seq[year]:06d}"
            cat = CATEGORY_BY_CODE[str(code_arr[i])]
            records.append({
                "geometry": Point(float(x[i]), float(y[i])),
                "uuid": str(uuid.UUID(int=(int(bits[i, 0]) << 64) | int(bits[i, 1]), version=4)),
                "occurred_at": stamp,
                "occurred_end": str(end_stamps[i]) if window[i] else None,
                "category": cat.code,
                "safety_field": cat.safety_field,
                "weight": float(cat.weight),
                "source": DEMO_SOURCE,
                "source_id": source_id,
                "description": descs[i],
                "import_batch": DEMO_BATCH,
                "dedup_key": f"{DEMO_SOURCE}|{source_id}",
                "time_known": 1,
                "address": None,
            })
        self.incidents = records

    # -- records -------------------------------------------------------------------------
    def records(self) -> Dict[str, List[Dict[str, Any]]]:
        """The layer records of the finished town."""
        rng = self.rng
        areas: List[Dict[str, Any]] = [{
            "geometry": MultiPolygon([self.gemeente]), "code": MUNICIPALITY_CODE, "name": TOWN_NAME,
            "level": "gemeente", "parent_code": None, "inhabitants": int(sum(self.inhabitants)),
            "dwellings": int(sum(self.dwellings)), "year": None}]
        for w, wname in enumerate(_WIJKEN):
            members = [i for i, b in enumerate(_BUURTEN) if b.wijk == w]
            geom = _as_multipolygon(unary_union([self.buurt_polys[i] for i in members]))
            areas.append({"geometry": geom, "code": f"WK9999{w + 1:02d}", "name": wname, "level": "wijk",
                          "parent_code": MUNICIPALITY_CODE,
                          "inhabitants": int(sum(self.inhabitants[i] for i in members)),
                          "dwellings": int(sum(self.dwellings[i] for i in members)), "year": None})
        for i, b in enumerate(_BUURTEN):
            areas.append({"geometry": self.buurt_polys[i], "code": self.buurt_codes[i], "name": b.name,
                          "level": "buurt", "parent_code": f"WK9999{b.wijk + 1:02d}",
                          "inhabitants": int(self.inhabitants[i]), "dwellings": int(self.dwellings[i]),
                          "year": None})
        streets = [{"geometry": LineString(coords), "name": seg.name, "kind": seg.kind, "oneway": 0}
                   for coords, seg in self.street_lines]
        risk = []
        for o in self.risk_objects:
            key = f"{self.seed}|{int(rng.integers(0, 2**62))}"
            risk.append({"geometry": Point(o["x"], o["y"]), "uuid": str(uuid.uuid5(DEMO_NAMESPACE, key)),
                         "kind": o["kind"], "name": o["name"], "description": o["description"],
                         "opening_hours": o["opening_hours"]})
        return {schema.AREAS: areas, schema.STREETS: streets, schema.RISK_OBJECTS: risk,
                schema.INCIDENTS: self.incidents}


def _as_multipolygon(geom: BaseGeometry) -> MultiPolygon:
    """The polygons of geom as a MultiPolygon (drops points and lines of a collection)."""
    if isinstance(geom, MultiPolygon):
        return geom
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    polys = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]
    return MultiPolygon(polys)


def build_demo_town(seed: int = 2024, monitor: Optional[Monitor] = None) -> DemoTown:
    """Build the demo town Zuiderwaarde in memory, identically for the same seed.

    Returns a :class:`DemoTown` whose ``layers`` hold the records of the areas, streets,
    risk objects and incidents layers (see the module docstring for the planted patterns).
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InputError(N_("The demo seed must be a whole number of 0 or more, not {seed}."), seed=seed)
    monitor = ensure(monitor)
    town = _Town(int(seed), monitor)
    town.build_areas()
    monitor.set(10)
    monitor.check()
    town.build_streets()
    monitor.set(30)
    monitor.check()
    town.build_risk_objects()
    monitor.set(40)
    monitor.check()
    town.build_incidents()
    monitor.set(90)
    layers = town.records()
    monitor.set(100)
    xmin, ymin, xmax, ymax = town.gemeente.bounds
    return DemoTown(seed=int(seed), town_name=TOWN_NAME, municipality_code=MUNICIPALITY_CODE,
                    epsg=schema.DEFAULT_EPSG, extent=(xmin, ymin, xmax, ymax),
                    period=(PERIOD_START, PERIOD_END),
                    layers=layers, landmarks=dict(town.landmarks),
                    burglary_buurt=town.buurt_codes[[b.name for b in _BUURTEN].index(_BURGLARY_BUURT)])


# ----------------------------------------------------------------------------------------
# A police-export-style table for the import demo
# ----------------------------------------------------------------------------------------
#: Header of :func:`demo_import_rows` (names the import recognises by itself).
IMPORT_HEADER: Tuple[str, ...] = ("registratienummer", "datum", "soort", "omschrijving", "x", "y")
#: The kinds of deliberately bad rows, in the order they are planted.
BAD_KINDS: Tuple[str, ...] = ("missing_date", "bad_date", "unknown_category", "empty_x", "wgs84",
                              "swapped_xy")
_IMPORT_MIX: Tuple[Tuple[str, float], ...] = (
    ("1.1.1", 3.0), ("1.2.3", 4.0), ("2.2.1", 3.0), ("M.1", 2.0), ("M.2", 2.0), ("2.5.2", 2.0),
    ("1.3.1", 1.5), ("1.4.5", 1.5), ("2.4.1", 2.0), ("3.1.1", 0.5), ("1.2.1", 1.5), ("M.4", 1.5),
)


class DemoImportTable(tuple):
    """``(header, rows)`` of a police-export-style table, plus which rows are bad.

    Unpacks as ``header, rows = demo_import_rows(town)``. ``bad_rows`` maps the index of
    a bad row in ``rows`` to its kind (one of :data:`BAD_KINDS`); ``expected_bad`` is how
    many rows an import must reject, ``bad_counts`` how many of each kind.
    """

    bad_rows: Dict[int, str]

    def __new__(cls, header: List[str], rows: List[List[str]], bad_rows: Dict[int, str]) -> "DemoImportTable":
        obj = super().__new__(cls, (header, rows))
        obj.bad_rows = dict(bad_rows)
        return obj

    @property
    def header(self) -> List[str]:
        """The column names."""
        return self[0]

    @property
    def rows(self) -> List[List[str]]:
        """The rows, as lists of strings."""
        return self[1]

    @property
    def expected_bad(self) -> int:
        """How many rows an import must reject."""
        return len(self.bad_rows)

    @property
    def bad_counts(self) -> Dict[str, int]:
        """Number of bad rows per kind."""
        counts = {kind: 0 for kind in BAD_KINDS}
        for kind in self.bad_rows.values():
            counts[kind] += 1
        return counts


def rd_to_wgs84_approx(x: float, y: float) -> Tuple[float, float]:
    """RD New metres to WGS84 (lon, lat) degrees, to about a metre.

    The polynomial approximation of Schreutelkamp and Strang van Hees; good enough to
    plant "coordinates in degrees" in the demo import table without needing PROJ data.
    """
    dx = (x - 155000.0) * 1e-5
    dy = (y - 463000.0) * 1e-5
    k = ((0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978), (0, 3, -0.06550),
         (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530), (2, 3, -0.00039), (4, 1, 0.00033),
         (1, 1, -0.00012))
    m = ((1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885), (1, 3, 0.05594),
         (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256), (1, 4, 0.00128), (0, 2, 0.00022),
         (2, 0, -0.00022), (5, 0, 0.00026))
    lat = 52.15517440 + sum(c * dx ** p * dy ** q for p, q, c in k) / 3600.0
    lon = 5.38720621 + sum(c * dx ** p * dy ** q for p, q, c in m) / 3600.0
    return lon, lat


def _format_coordinate(value: float, style: int) -> str:
    if style == 0:
        return f"{value:.0f}"
    text = f"{value:.2f}"
    return text.replace(".", ",") if style == 2 else text


def demo_import_rows(town: DemoTown, n: int = 200) -> DemoImportTable:
    """A small police export of *n* new incidents (October-December 2025) for the import demo.

    Columns: registratienummer, datum (mostly ``dd-mm-jjjj hh:mm``, some ISO, some date
    only), soort (``"1.1.1 Diefstal/inbraak woning"`` or just the code), omschrijving, x, y
    (RD New; some with a Dutch decimal comma, so write it with :data:`CSV_DELIMITER`). The
    registration numbers are not in the town's incidents. ``max(1, n // 100)`` rows of each
    kind in :data:`BAD_KINDS` are deliberately wrong: no date, an impossible date
    (31-02-2024), category 9.9.9, an empty x, WGS84 degrees instead of RD New, x and y
    swapped. Deterministic for the town's seed.
    """
    per_kind = max(1, n // 100)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2 * per_kind * len(BAD_KINDS):
        raise InputError(N_("The demo import table needs at least {minimum} rows, not {n}."),
                         minimum=2 * len(BAD_KINDS), n=n)
    rng = np.random.default_rng([town.seed, 7])
    gemeente = town.gemeente()
    lines = [rec["geometry"] for rec in town.layers[schema.STREETS] if rec["kind"] != "fietspad"]
    lengths = np.array([ln.length for ln in lines])
    codes = [c for c, _ in _IMPORT_MIX]
    cw = np.array([w for _, w in _IMPORT_MIX])
    first = np.datetime64("2025-10-01T00:00", "m")
    minutes = int((np.datetime64("2026-01-01T00:00", "m") - first).astype(int))
    header = list(IMPORT_HEADER)
    rows: List[List[str]] = []
    points: List[Tuple[float, float]] = []
    number = 400000
    for _ in range(int(n)):
        while True:
            line = lines[int(rng.choice(len(lines), p=lengths / lengths.sum()))]
            base = line.interpolate(float(rng.random()) * line.length)
            x = round(base.x + float(rng.uniform(-15.0, 15.0)), 2)
            y = round(base.y + float(rng.uniform(-15.0, 15.0)), 2)
            if gemeente.contains(Point(x, y)):
                break
        stamp = (first + np.timedelta64(int(rng.integers(0, minutes)), "m")).astype(object)
        style = float(rng.random())
        if style < 0.75:
            datum = stamp.strftime("%d-%m-%Y %H:%M")
        elif style < 0.85:
            datum = stamp.strftime("%Y-%m-%dT%H:%M:%S")
        elif style < 0.95:
            datum = stamp.strftime("%Y-%m-%d %H:%M")
        else:
            datum = stamp.strftime("%d-%m-%Y")
        cat = CATEGORY_BY_CODE[codes[int(rng.choice(len(codes), p=cw / cw.sum()))]]
        soort = cat.code if rng.random() < 0.1 else f"{cat.code} {cat.label_nl}"
        number += int(rng.integers(1, 40))
        xy_style = int(rng.choice(3, p=[0.5, 0.25, 0.25]))
        rows.append([f"PL9999-2025{number:06d}", datum, soort, f"Aangifte {cat.label_nl.lower()}",
                     _format_coordinate(x, xy_style), _format_coordinate(y, xy_style)])
        points.append((x, y))
    positions = rng.choice(int(n), size=per_kind * len(BAD_KINDS), replace=False)
    bad_rows: Dict[int, str] = {}
    for k, pos in enumerate(positions):
        kind = BAD_KINDS[k // per_kind]
        row = rows[int(pos)]
        x, y = points[int(pos)]
        if kind == "missing_date":
            row[1] = ""
        elif kind == "bad_date":
            row[1] = "31-02-2024" if k % 2 == 0 else "31-02-2024 23:10"
        elif kind == "unknown_category":
            row[2] = "9.9.9 Onbekend feit"
        elif kind == "empty_x":
            row[4] = ""
        elif kind == "wgs84":
            lon, lat = rd_to_wgs84_approx(x, y)
            row[4], row[5] = f"{lon:.6f}", f"{lat:.6f}"
            if k % 2:
                row[4], row[5] = row[4].replace(".", ","), row[5].replace(".", ",")
        else:  # swapped_xy
            row[4], row[5] = row[5], row[4]
        bad_rows[int(pos)] = kind
    return DemoImportTable(header, rows, bad_rows)


#: Title of the demo address layer (translated by the caller).
ADDRESS_LAYER_TITLE = N_("Addresses (fictional BAG)")

#: Fields of the demo address layer, as in BAG verblijfsobjecten extracts.
ADDRESS_FIELDS = ("identificatie", "openbare_ruimte", "huisnummer", "huisletter", "toevoeging", "postcode",
                  "woonplaats")


def demo_addresses(town: DemoTown, offset: float = 9.0) -> List[Dict[str, Any]]:
    """BAG-like address points along the demo town's streets (deterministic, for warning letters).

    Houses stand ``offset`` metres from the street line on both sides; the spacing is chosen so
    the town gets about as many addresses as its buurten have dwellings. Odd numbers on the left,
    even on the right, counted per street name; one postcode per street and side.
    """
    from shapely.geometry import Point
    from shapely.ops import unary_union

    streets = [r for r in town.layers[schema.STREETS] if r.get("kind") == "straat" and r.get("name")]
    dwellings = sum(int(r.get("dwellings") or 0) for r in town.layers[schema.AREAS] if r.get("level") == "buurt")
    by_name: Dict[str, list] = {}
    for record in streets:
        by_name.setdefault(record["name"], []).append(record["geometry"])
    total = sum(g.length for geoms in by_name.values() for g in geoms)
    spacing = max(6.0, 2.0 * total / max(dwellings, 1))
    gemeente = town.gemeente()
    records: List[Dict[str, Any]] = []
    serial = 0
    for s_index, name in enumerate(sorted(by_name)):
        line = unary_union(by_name[name])
        parts = list(getattr(line, "geoms", [line]))
        numbers = {1: 1, -1: 2}
        for part in parts:
            steps = int(part.length // spacing)
            for k in range(steps):
                d = (k + 0.5) * spacing
                a = part.interpolate(max(0.0, d - 1.0))
                b = part.interpolate(min(part.length, d + 1.0))
                dx, dy = b.x - a.x, b.y - a.y
                norm = math.hypot(dx, dy) or 1.0
                centre = part.interpolate(d)
                for side in (1, -1):
                    x = centre.x - side * dy / norm * offset
                    y = centre.y + side * dx / norm * offset
                    if not gemeente.contains(Point(x, y)):
                        continue
                    number = numbers[side]
                    numbers[side] += 2
                    serial += 1
                    letters = "ABCDEFGHJKLMNPRSTVWXZ"
                    postcode = f"{5090 + s_index // 40:04d} {letters[(s_index % 40) // 2]}" \
                               f"{letters[(s_index * 2 + (side > 0)) % len(letters)]}"
                    records.append({
                        "geometry": Point(round(x, 2), round(y, 2)),
                        "identificatie": f"9999010000{serial:06d}",
                        "openbare_ruimte": name,
                        "huisnummer": number,
                        "huisletter": None,
                        "toevoeging": None,
                        "postcode": postcode,
                        "woonplaats": town.town_name,
                    })
    return records


def demo_buildings(streets: Sequence[Any], depth: float = 10.0, setback: float = 6.0, length: float = 24.0,
                   gap: float = 4.0) -> List[Any]:
    """Building blocks along the streets (deterministic; obstacles for hotspot:cameracoverage).

    On both sides of every street line, blocks of *length* m with *gap* m between them, from
    *setback* to *setback* + *depth* m off the street line; the parts within *setback* m of any
    street are cut away, so no building stands on a street. Returns shapely polygons.
    """
    from shapely.geometry import Polygon
    from shapely.ops import unary_union

    lines = [g for g in streets if g is not None and not g.is_empty]
    keep_clear = unary_union([g.buffer(setback, 4) for g in lines])
    blocks: List[Any] = []
    for line in lines:
        for part in getattr(line, "geoms", [line]):
            steps = int(part.length // (length + gap))
            for k in range(steps):
                d0 = k * (length + gap) + gap / 2
                a, b = part.interpolate(d0), part.interpolate(d0 + length)
                dx, dy = b.x - a.x, b.y - a.y
                norm = math.hypot(dx, dy) or 1.0
                nx, ny = -dy / norm, dx / norm
                for side in (1, -1):
                    near, far = side * setback, side * (setback + depth)
                    poly = Polygon([(a.x + nx * near, a.y + ny * near), (b.x + nx * near, b.y + ny * near),
                                    (b.x + nx * far, b.y + ny * far), (a.x + nx * far, a.y + ny * far)])
                    blocks.append(poly)
    merged = unary_union(blocks).difference(keep_clear)
    return [g for g in getattr(merged, "geoms", [merged]) if g.geom_type == "Polygon" and g.area >= 20.0]
