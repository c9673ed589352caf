"""The safety GeoPackage data model, as plain definitions.

``hotspot_plugin.io.gpkg`` turns these into tables; everything else (import, scan,
schouw, demo data) refers to layers and fields by the names defined here.
All spatial layers share one projected CRS (default EPSG:28992, RD New).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .i18n import N_

DEFAULT_EPSG = 28992
SCHEMA_VERSION = 1

# Layer names.
INCIDENTS = "incidents"
AREAS = "areas"
RISK_OBJECTS = "risk_objects"
STREETS = "streets"
SCANS = "scans"
SCHOUW_POINTS = "schouw_points"
SCHOUW_FINDINGS = "schouw_findings"
CATEGORIES = "categories"
IMPORT_BATCHES = "import_batches"
CATEGORY_ALIASES = "category_aliases"
LETTERS_SENT = "letters_sent"
MEASURES = "measures"
METADATA = "hotspot_metadata"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # TEXT, INTEGER, REAL, DATETIME, DATE, BOOLEAN
    not_null: bool = False
    unique: bool = False
    default: Optional[str] = None  # SQL default expression


@dataclass(frozen=True)
class Layer:
    name: str
    geometry: Optional[str]  # POINT, LINESTRING, MULTIPOLYGON, None for attribute tables
    fields: Tuple[Field, ...]
    title_nl: str
    title_en: str
    indexes: Tuple[Tuple[str, ...], ...] = field(default_factory=tuple)

    def field_names(self) -> List[str]:
        return [f.name for f in self.fields]


#: Kinds of risk objects / points of interest, with English labels (translated by tr()).
RISK_OBJECT_KINDS: Dict[str, str] = {
    "horeca": N_("Bar or restaurant (horeca)"),
    "coffeeshop": N_("Coffeeshop"),
    "school": N_("School"),
    "hangplek": N_("Hang-out spot (hangplek)"),
    "ov_halte": N_("Public transport stop"),
    "pinautomaat": N_("Cash machine"),
    "camera": N_("Camera"),
    "lantaarnpaal": N_("Street light"),
    "speelplaats": N_("Playground"),
    "supermarkt": N_("Supermarket"),
    "jongerencentrum": N_("Youth centre"),
    "station": N_("Railway station"),
}

SEVERITIES = ("groen", "oranje", "rood")
DAGDELEN = ("dag", "avond", "nacht")

LAYERS: Tuple[Layer, ...] = (
    Layer(INCIDENTS, "POINT", (
        Field("uuid", "TEXT", not_null=True, unique=True),
        Field("occurred_at", "DATETIME", not_null=True),
        Field("occurred_end", "DATETIME"),
        Field("category", "TEXT", not_null=True),
        Field("safety_field", "TEXT", not_null=True),
        Field("weight", "REAL", not_null=True, default="1.0"),
        Field("source", "TEXT"),
        Field("source_id", "TEXT"),
        Field("description", "TEXT"),
        Field("import_batch", "TEXT"),
        Field("dedup_key", "TEXT", not_null=True, unique=True),
        # Added in 0.x (issue #13); older GeoPackages get them on their next import
        # (storage.gpkg.ensure_schema). time_known: 1 = occurred_at (and occurred_end) hold the
        # time of day, 0 = only the dates are known (the 00:00 in them is no time: analyses by
        # time of day leave the incident out), NULL = imported before the flag existed.
        Field("time_known", "BOOLEAN"),
        Field("address", "TEXT"),
    ), "Incidenten", N_("Incidents"), indexes=(("occurred_at",), ("category",), ("safety_field",))),
    Layer(AREAS, "MULTIPOLYGON", (
        Field("code", "TEXT", not_null=True),
        Field("name", "TEXT"),
        Field("level", "TEXT", not_null=True, default="'buurt'"),  # gemeente, wijk, buurt
        Field("parent_code", "TEXT"),
        Field("inhabitants", "INTEGER"),
        Field("dwellings", "INTEGER"),
        Field("year", "INTEGER"),  # year of the source map (CBS wijk- en buurtkaart, Statbel sectors)
    ), "Gebieden (buurten en wijken)", N_("Areas (neighbourhoods and districts)"), indexes=(("code",),)),
    Layer(RISK_OBJECTS, "POINT", (
        Field("uuid", "TEXT", not_null=True, unique=True),
        Field("kind", "TEXT", not_null=True),
        Field("name", "TEXT"),
        Field("description", "TEXT"),
        Field("opening_hours", "TEXT"),
    ), "Risico-objecten", N_("Risk objects"), indexes=(("kind",),)),
    Layer(STREETS, "LINESTRING", (
        Field("name", "TEXT"),
        Field("kind", "TEXT"),  # straat, fietspad, voetpad, steeg
        Field("oneway", "INTEGER", default="0"),
    ), "Straten", N_("Streets")),
    Layer(SCANS, "MULTIPOLYGON", (
        Field("uuid", "TEXT", not_null=True, unique=True),
        Field("reference", "TEXT"),
        Field("title", "TEXT"),
        Field("status", "TEXT", default="'concept'"),  # concept, definitief
        Field("version", "INTEGER", default="1"),
        Field("author", "TEXT"),
        Field("organisation", "TEXT"),
        Field("created_at", "DATETIME"),
        Field("updated_at", "DATETIME"),
        Field("plugin_version", "TEXT"),
        Field("parameters", "TEXT"),  # JSON
        Field("results", "TEXT"),  # JSON
        Field("advice", "TEXT"),  # JSON: findings and measures
    ), "Omgevingsscans", N_("Environment scans")),
    Layer(SCHOUW_POINTS, "POINT", (
        Field("uuid", "TEXT", not_null=True, unique=True),
        Field("scan_uuid", "TEXT"),
        Field("seq", "INTEGER"),
        Field("reason", "TEXT"),
        Field("reason_kind", "TEXT"),  # hotspot, risk_object, finding, user
        Field("label", "TEXT"),
    ), "Schouwpunten", N_("Inspection points"), indexes=(("scan_uuid",),)),
    Layer(SCHOUW_FINDINGS, "POINT", (
        Field("uuid", "TEXT", not_null=True, unique=True),
        Field("scan_uuid", "TEXT"),
        Field("point_uuid", "TEXT"),
        Field("checklist_item", "TEXT"),
        Field("severity", "TEXT"),  # groen, oranje, rood
        Field("dagdeel", "TEXT"),  # dag, avond, nacht
        Field("description", "TEXT"),
        Field("photo", "TEXT"),  # relative path under DCIM/
        Field("action", "TEXT"),
        Field("owner", "TEXT"),
        Field("due_date", "DATE"),
        Field("status", "TEXT", default="'open'"),  # open, in_behandeling, afgehandeld
        Field("observed_at", "DATETIME"),
        Field("updated_at", "DATETIME"),
    ), "Schouwbevindingen", N_("Inspection findings"), indexes=(("scan_uuid",),)),
    Layer(CATEGORIES, None, (
        Field("code", "TEXT", not_null=True, unique=True),
        Field("label_nl", "TEXT"),
        Field("label_en", "TEXT"),
        Field("safety_field", "TEXT", not_null=True),
        Field("weight", "REAL", not_null=True, default="1.0"),
    ), "Categorieën", N_("Categories")),
    Layer(IMPORT_BATCHES, None, (
        Field("batch_id", "TEXT", not_null=True, unique=True),
        Field("imported_at", "DATETIME"),
        Field("source_name", "TEXT"),
        Field("source", "TEXT"),
        Field("rows_read", "INTEGER"),
        Field("rows_imported", "INTEGER"),
        Field("rows_duplicate", "INTEGER"),
        Field("rows_rejected", "INTEGER"),
        Field("plugin_version", "TEXT"),
    ), "Importlog", N_("Import log")),
    Layer(CATEGORY_ALIASES, None, (
        Field("label", "TEXT", not_null=True, unique=True),  # as the source system writes it
        Field("code", "TEXT", not_null=True),  # a code of the categories table
    ), "Categorie-aliassen", N_("Category aliases")),
    Layer(LETTERS_SENT, None, (
        Field("address_key", "TEXT", not_null=True),
        Field("sent_at", "DATETIME", not_null=True),
        Field("incident_uuid", "TEXT"),
        Field("address", "TEXT"),
    ), "Verstuurde waarschuwingsbrieven", N_("Warning letters sent"), indexes=(("address_key",),)),
)
LAYERS += (
    # The measures register (issue #16): core.measure_register, storage.measures.
    Layer(MEASURES, "MULTIPOLYGON", (
        Field("uuid", "TEXT", not_null=True, unique=True),
        Field("measure_id", "TEXT"),  # catalogue id (resources/catalogues/measures.json)
        Field("title", "TEXT"),
        Field("owner", "TEXT"),
        Field("status", "TEXT", default="'gepland'"),  # gepland, actief, beeindigd
        Field("start_date", "DATE"),
        Field("end_date", "DATE"),
        Field("scan_uuid", "TEXT"),
        Field("priority", "INTEGER"),
        Field("source", "TEXT"),  # advies, camera, hand
        Field("note", "TEXT"),
        Field("created_at", "DATETIME"),
        Field("updated_at", "DATETIME"),
    ), "Maatregelen", N_("Measures"), indexes=(("scan_uuid",), ("status",))),
)

LAYER_BY_NAME: Dict[str, Layer] = {layer.name: layer for layer in LAYERS}
SPATIAL_LAYERS = tuple(layer.name for layer in LAYERS if layer.geometry)
