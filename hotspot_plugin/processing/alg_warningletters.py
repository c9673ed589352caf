"""hotspot:warningletters - the addresses around recent incidents, for warning letters.

The selection itself is the core's (core/letters.py); this module reads the layers, guesses
the address fields, reads and records the letters sent in the safety GeoPackage, and writes
the address layer and the mail-merge CSV.
"""
from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QDateTime, QVariant

from ..adapters.crs import require_projected
from ..core import letters, schema
from ..core.errors import Canceled
from ..core.nearrepeat import format_number
from ..core.parsing import parse_datetime
from ..i18n import decimal_sign, dutch, tr
from ..storage import gpkg
from .alg_nearrepeat import (
    DEFAULT_DATE_FIELD,
    days_to_date,
    read_incidents,
    resolve_date_field,
    value_to_days,
)
from .base import HotspotAlgorithm, is_null, optional_number, source_name

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
#: Fields the algorithm adds to the output layer.
OUT_FIELDS = (("address_key", QVariant.String), ("address_line", QVariant.String),
              ("distance_m", QVariant.Double), ("n_incidents", QVariant.Int),
              ("incident_ids", QVariant.String), ("incident_uuids", QVariant.String),
              ("incident_dates", QVariant.String), ("latest_incident", QVariant.Date))


def guess_roles(names: Sequence[str]) -> Dict[str, str]:
    """Address role -> field name, from the field names (case-insensitive)."""
    lower = {name.lower(): name for name in names}
    found: Dict[str, str] = {}
    for role, candidates in ROLE_NAMES.items():
        for candidate in candidates:
            if candidate in lower and lower[candidate] not in found.values():
                found[role] = lower[candidate]
                break
    return found


def guess_key_field(names: Sequence[str]) -> Optional[str]:
    lower = {name.lower(): name for name in names}
    return next((lower[c] for c in KEY_NAMES if c in lower), None)


def text(value: object) -> str:
    """An attribute as text: empty for NULL, whole numbers without '.0'."""
    if is_null(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def format_postcode(value: str) -> str:
    """``1234ab`` -> ``1234 AB`` (Dutch postcodes); anything else unchanged."""
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
        return {role: text(values.get(name)) for role, name in self.roles.items()}

    def house_number(self, p: Dict[str, str]) -> str:
        number = p.get("number", "") + p.get("letter", "")
        if p.get("addition"):
            number += "-" + p["addition"]
        return number

    def line1(self, values: Dict[str, object]) -> str:
        p = self.parts(values)
        items = [p.get("street", ""), self.house_number(p)] + [text(values.get(n)) for n in self.others]
        return " ".join(i for i in items if i)

    def line2(self, values: Dict[str, object]) -> str:
        p = self.parts(values)
        postcode = format_postcode(p.get("postcode", ""))
        place = p.get("place", "").upper()
        return "  ".join(i for i in (postcode, place) if i)

    def key(self, values: Dict[str, object]) -> str:
        if self.key_field:
            return text(values.get(self.key_field))
        p = self.parts(values)
        number = self.house_number(p)
        if p.get("postcode") and number:
            return f"{p['postcode'].replace(' ', '').upper()} {number.upper()}"
        if p.get("street") and number:
            return ", ".join(i for i in (f"{p['street']} {number}".upper(), p.get("place", "").upper()) if i)
        return "|".join(text(values.get(n)) for n in list(self.roles.values()) + self.others)

    def all_fields(self) -> List[str]:
        """The address fields and the key field."""
        return list(self.roles.values()) + self.others + ([self.key_field] if self.key_field else [])

    def key_fields(self) -> List[str]:
        return [self.key_field] if self.key_field else list(self.roles.values()) + self.others


class WarningLettersAlgorithm(HotspotAlgorithm):
    NAME = "warningletters"
    GROUP_ID = "nearrepeat"
    INCIDENTS = "INCIDENTS"
    FILTER = "FILTER"
    DATE_FIELD = "DATE_FIELD"
    ADDRESSES = "ADDRESSES"
    ADDRESS_FIELDS = "ADDRESS_FIELDS"
    ADDRESS_KEY_FIELD = "ADDRESS_KEY_FIELD"
    NOW = "NOW"
    WINDOW_DAYS = "WINDOW_DAYS"
    DISTANCE = "DISTANCE"
    NEAR_REPEAT_DISTANCE = "NEAR_REPEAT_DISTANCE"
    GPKG = "GPKG"
    EXCLUDE_DAYS = "EXCLUDE_DAYS"
    RECORD_SENT = "RECORD_SENT"
    OUTPUT = "OUTPUT"
    CSV = "CSV"

    def display_name(self) -> str:
        return tr("Addresses for warning letters")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INCIDENTS, tr("Incidents (point layer, e.g. the incidents of a safety GeoPackage)"),
            [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter (e.g. category = '1.1.1'; empty: all incidents)"), defaultValue="",
            parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, tr("Date field"), defaultValue=DEFAULT_DATE_FIELD,
            parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADDRESSES, tr("Addresses (point layer with address fields, e.g. BAG verblijfsobjecten)"),
            [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.ADDRESS_FIELDS, tr("Address fields (empty: street, house number, letter, addition, postcode "
                                    "and place are guessed)"),
            parentLayerParameterName=self.ADDRESSES, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADDRESS_KEY_FIELD, tr("Address key field (empty: the BAG id, or postcode and house number)"),
            parentLayerParameterName=self.ADDRESSES, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            self.NOW, tr("Reference date (empty: today)"), QgsProcessingParameterDateTime.Type.DateTime,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WINDOW_DAYS, tr("Incidents of the last ... days"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=letters.DEFAULT_WINDOW_DAYS, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance around an incident in metres (empty: from the near-repeat result, "
                              "else 200 m)"), QgsProcessingParameterNumber.Type.Double, optional=True,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEAR_REPEAT_DISTANCE, tr("Distance found by the near-repeat analysis (m)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFile(
            self.GPKG, tr("Safety GeoPackage with the letters sent (optional)"), extension="gpkg",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.EXCLUDE_DAYS, tr("Leave out addresses that had a letter in the last ... days"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=letters.DEFAULT_EXCLUDE_DAYS,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.RECORD_SENT, tr("Record the letters of this list as sent in the safety GeoPackage"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Addresses for warning letters"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV, tr("Address list for a mail merge (CSV)"), fileFilter=tr("CSV files") + " (*.csv)",
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("ADDRESS_COUNT", tr("Addresses to write to")))
        self.addOutput(QgsProcessingOutputNumber("EXCLUDED", tr("Addresses left out (recent letter)")))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS_IN_WINDOW", tr("Incidents in the window")))
        self.addOutput(QgsProcessingOutputNumber("DISTANCE_USED", tr("Distance used (m)")))
        self.addOutput(QgsProcessingOutputNumber("RECORDED", tr("Letters recorded as sent")))

    # Parameters --------------------------------------------------------------------------------
    def _address_format(self, parameters, context, source, feedback) -> AddressFormat:
        names = source.fields().names()
        chosen = [n for n in self.parameterAsFields(parameters, self.ADDRESS_FIELDS, context) if n]
        missing = [n for n in chosen if n not in names]
        if missing:
            raise QgsProcessingException(tr("The address layer has no field(s) {missing}. Its fields are: "
                                            "{fields}.").format(missing=", ".join(missing),
                                                                fields=", ".join(names)))
        if chosen:
            roles = guess_roles(chosen)
            others = [n for n in chosen if n not in roles.values()]
        else:
            roles = guess_roles(names)
            others = []
            usable = "number" in roles and ("street" in roles or "postcode" in roles)
            if not usable:
                layer = source_name(self, parameters, self.ADDRESSES, context)
                raise QgsProcessingException(tr(
                    "The address layer {layer} has no recognisable address fields (street or "
                    "openbare_ruimte, huisnummer, postcode, woonplaats). Its fields are: {fields}. Choose "
                    "the address fields yourself, or use an address layer such as BAG verblijfsobjecten."
                ).format(
                        layer=layer, fields=", ".join(names)))
            labels = {"street": tr("street"), "number": tr("house number"), "letter": tr("house letter"),
                      "addition": tr("addition"), "postcode": tr("postcode"), "place": tr("place")}
            self.info(feedback, tr("Address fields: {fields}.").format(
                fields=", ".join(f"{labels[role]} = {name}" for role, name in roles.items())))
        key_field = self.parameterAsString(parameters, self.ADDRESS_KEY_FIELD, context) or ""
        if key_field and key_field not in names:
            raise QgsProcessingException(tr("The address layer has no field '{field}'. Its fields are: "
                                            "{fields}.").format(field=key_field, fields=", ".join(names)))
        if not key_field:
            key_field = guess_key_field(names) or ""
        fmt = AddressFormat(roles, others, key_field)
        if key_field:
            self.info(feedback, tr("Addresses are recognised by the field '{field}'.").format(
                field=key_field))
        elif "postcode" in roles and "number" in roles:
            self.info(feedback, tr("Addresses are recognised by postcode, house number, letter and "
                                   "addition."))
        else:
            self.info(feedback, tr("Addresses are recognised by the address fields {fields}.").format(
                fields=", ".join(fmt.key_fields())))
        return fmt

    def _distance(self, parameters, feedback) -> float:
        distance = optional_number(parameters, self.DISTANCE)
        if distance is not None:
            self.info(feedback, tr("Distance: {distance} m, as given.").format(
                distance=format_number(distance, decimal_sign())))
            return distance
        from_nr = optional_number(parameters, self.NEAR_REPEAT_DISTANCE)
        if from_nr is not None and from_nr > 0:
            self.info(feedback, tr("Distance: {distance} m, from the near-repeat analysis.").format(
                distance=format_number(from_nr, decimal_sign())))
            return from_nr
        self.info(feedback, tr("Distance: {distance} m, the default (the near-repeat analysis can base it "
                               "on your own data).").format(
            distance=format_number(letters.DEFAULT_DISTANCE, decimal_sign())))
        return letters.DEFAULT_DISTANCE

    @staticmethod
    def _now(parameters, alg, context) -> QDateTime:
        raw = parameters.get(alg.NOW)
        value = QDateTime()
        if raw not in (None, ""):
            value = alg.parameterAsDateTime(parameters, alg.NOW, context)
        if not value.isValid() and isinstance(raw, str) and raw.strip():
            parsed = parse_datetime(raw)
            if parsed is None:
                raise QgsProcessingException(tr("The reference date '{value}' cannot be read. Write it as "
                                                "2025-01-31.").format(value=raw))
            value = QDateTime(parsed)
        return value if value.isValid() else QDateTime.currentDateTime()

    # Running -----------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        incidents = self.parameterAsSource(parameters, self.INCIDENTS, context)
        if incidents is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INCIDENTS))
        addresses = self.parameterAsSource(parameters, self.ADDRESSES, context)
        if addresses is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ADDRESSES))
        address_crs = addresses.sourceCrs()
        factor = require_projected(address_crs, source_name(self, parameters, self.ADDRESSES, context))
        if not incidents.sourceCrs().isValid():
            require_projected(incidents.sourceCrs(), source_name(self, parameters, self.INCIDENTS, context))
        fmt = self._address_format(parameters, context, addresses, feedback)
        distance = self._distance(parameters, feedback)
        window = self.parameterAsDouble(parameters, self.WINDOW_DAYS, context)
        if window <= 0:
            raise QgsProcessingException(tr("The window must be a positive number of days (for example 14)."))
        exclude_days = self.parameterAsDouble(parameters, self.EXCLUDE_DAYS, context)
        now = self._now(parameters, self, context)
        now_days = value_to_days(now, whole_days=True)
        gpkg_path = self.parameterAsFile(parameters, self.GPKG, context) or ""
        record = self.parameterAsBoolean(parameters, self.RECORD_SENT, context)
        if record and not gpkg_path:
            raise QgsProcessingException(tr("Choose the safety GeoPackage in which the letters are "
                                            "recorded, or switch off recording."))
        sent = self._read_sent(gpkg_path) if gpkg_path else []

        chosen_date = self.parameterAsString(parameters, self.DATE_FIELD, context)
        date_field = resolve_date_field(incidents, chosen_date, feedback, self.info)
        # The raw text: parameterAsExpression() silently gives "" for an invalid expression.
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        uuid_field = "uuid" if "uuid" in incidents.fields().names() else ""
        transform = None
        if incidents.sourceCrs() != address_crs:
            transform = QgsCoordinateTransform(incidents.sourceCrs(), address_crs, context.transformContext())
        points = read_incidents(incidents, date_field, expression, context, feedback, whole_days=True,
                                extra_field=uuid_field, transform=transform, progress=(0.0, 10.0))
        if points.read == 0:
            if expression:
                raise QgsProcessingException(tr("No incidents pass the filter {expression}. Check the filter "
                                                "(for example category = '1.1.1').").format(
                                                    expression=expression))
            raise QgsProcessingException(tr("The layer {layer} has no incidents.").format(
                layer=source_name(self, parameters, self.INCIDENTS, context)))
        if np.all(np.isnan(points.t)):
            raise QgsProcessingException(tr("None of the {n} incidents has a date in field '{field}'. Choose "
                                            "the field that holds the dates.").format(n=points.read,
                                                                                       field=date_field))
        start_days = now_days - window
        self.info(feedback, tr("Incidents dated {start} up to and including {end} trigger letters.").format(
            start=days_to_date(start_days).isoformat(), end=days_to_date(now_days).isoformat()))

        # Candidate addresses: only those near a recent incident are read.
        recent = np.flatnonzero(np.isfinite(points.t) & np.isfinite(points.x) & np.isfinite(points.y)
                                & (points.t >= start_days) & (points.t <= now_days))
        cand_fids, cand_x, cand_y, cand_keys = self._candidates(addresses, fmt, points, recent,
                                                                distance / factor, feedback)
        feedback.setProgress(40)
        if not cand_fids:
            # The core needs at least one address; with no candidate there is nothing to select.
            result = letters.LettersResult([], start_days, now_days, int(recent.size), 0,
                                           int(np.count_nonzero(~np.isfinite(points.t))))
        else:
            result = letters.addresses_to_notify(
                (points.x * factor, points.y * factor, points.t, list(range(points.read))),
                (np.asarray(cand_x) * factor, np.asarray(cand_y) * factor, cand_keys),
                now_days, window, distance, sent, exclude_days, self.monitor(feedback).sub(40, 80))
        if result.n_incidents_skipped:
            feedback.pushWarning(tr("{n} incident(s) without a date or a location were skipped.").format(
                n=result.n_incidents_skipped))

        rows = self._rows(addresses, fmt, result, cand_fids, points)
        dest = self._write_layer(parameters, context, addresses, fmt, rows)
        feedback.setProgress(90)
        csv_path = self.parameterAsFileOutput(parameters, self.CSV, context)
        if csv_path:
            self._write_csv(csv_path, rows)
        recorded = 0
        if record and result.notices:
            if feedback.isCanceled():
                raise Canceled()
            recorded = self._record(gpkg_path, rows, now, feedback)
        self.info(feedback, tr("{n} addresses within {distance} m of {k} incident(s) in the window; "
                               "{excluded} left out because they had a letter in the last {days} days."
                               ).format(
            n=len(result.notices), distance=format_number(distance, decimal_sign()),
            k=result.n_incidents_in_window, excluded=result.n_excluded,
            days=format_number(exclude_days, decimal_sign())))
        if csv_path:
            self.info(feedback, tr("Address list written to {path}. It holds personal data: keep it safe and "
                                   "delete it when the letters are sent.").format(path=csv_path))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.CSV: csv_path or None, "ADDRESS_COUNT": len(result.notices),
                "EXCLUDED": result.n_excluded, "INCIDENTS_IN_WINDOW": result.n_incidents_in_window,
                "DISTANCE_USED": distance, "RECORDED": recorded}

    @staticmethod
    def _read_sent(path: str) -> List[tuple]:
        """``(address_key, sent day)`` of the letters recorded in the safety GeoPackage."""
        con = gpkg.connect(path)
        try:
            rows = con.execute(f'SELECT address_key, sent_at FROM "{schema.LETTERS_SENT}"').fetchall()
        except sqlite3.DatabaseError as exc:
            raise QgsProcessingException(tr("The letters sent could not be read from {path}: {error}").format(
                path=path, error=str(exc))) from None
        finally:
            con.close()
        out = []
        for key, sent_at in rows:
            when = parse_datetime(sent_at)
            if key is not None and when is not None:
                out.append((str(key), float((when.date() - dt.date(1970, 1, 1)).days)))
        return out

    def _candidates(self, source, fmt: AddressFormat, points, recent: np.ndarray, radius: float, feedback):
        """Feature ids, coordinates and keys of the addresses near the recent incidents."""
        fids: List[int] = []
        xs: List[float] = []
        ys: List[float] = []
        keys: List[object] = []
        if recent.size == 0:
            return fids, xs, ys, keys
        reach = radius * 1.001 + 1e-6
        rects = [QgsRectangle(points.x[i] - reach, points.y[i] - reach, points.x[i] + reach,
                              points.y[i] + reach) for i in recent]
        if recent.size > 200 or not self._has_index(source):
            box = QgsRectangle(rects[0])
            for r in rects[1:]:
                box.combineExtentWith(r)
            rects = [box]
        names = fmt.key_fields()
        seen = set()
        for k, rect in enumerate(rects):
            request = QgsFeatureRequest().setFilterRect(rect).setSubsetOfAttributes(names, source.fields())
            for feature in source.getFeatures(request):
                if feature.id() in seen:
                    continue
                geom = feature.geometry()
                if geom is None or geom.isNull() or geom.isEmpty():
                    continue
                seen.add(feature.id())
                point = geom.asPoint() if not geom.isMultipart() else geom.centroid().asPoint()
                values = {n: feature[n] for n in names}
                key = fmt.key(values)
                fids.append(feature.id())
                xs.append(point.x())
                ys.append(point.y())
                keys.append(key or None)
            if feedback.isCanceled():
                raise Canceled()
            feedback.setProgress(10 + 30 * (k + 1) / len(rects))
        return fids, xs, ys, keys

    @staticmethod
    def _has_index(source) -> bool:
        try:
            return source.hasSpatialIndex() != source.SpatialIndexPresence.SpatialIndexNotPresent
        except AttributeError:  # pragma: no cover - older QGIS
            return True

    def _output_fields(self, source, fmt: AddressFormat):
        copied = list(dict.fromkeys(fmt.all_fields()))
        fields = QgsFields()
        ours = {name for name, _ in OUT_FIELDS}
        mapping = []
        for name in copied:
            f = QgsField(source.fields().field(name))
            if name in ours:
                f.setName("src_" + name)
            fields.append(f)
            mapping.append(name)
        for name, kind in OUT_FIELDS:
            fields.append(QgsField(name, kind))
        return fields, mapping

    def _notice_features(self, source, result, cand_fids: List[int]) -> Dict[int, QgsFeature]:
        wanted = [cand_fids[n.index] for n in result.notices]
        if not wanted:
            return {}
        request = QgsFeatureRequest().setFilterFids(wanted)
        return {f.id(): f for f in source.getFeatures(request)}

    def _rows(self, source, fmt: AddressFormat, result, cand_fids, points) -> List[dict]:
        """One record per notice: the address parts, key, lines, incidents and the reason text."""
        features = self._notice_features(source, result, cand_fids)
        out = []
        for notice in result.notices:
            feature = features.get(cand_fids[notice.index])
            if feature is None:
                continue
            values = {n: feature[n] for n in fmt.all_fields()}
            incident_idx = [int(i) for i in notice.incident_ids]
            dates = [days_to_date(points.t[i]) for i in incident_idx]
            uuids = [str(points.extra[i]) if points.extra and points.extra[i] is not None else ""
                     for i in incident_idx]
            latest = max(dates)
            shown = latest.strftime("%d-%m-%Y") if dutch() else latest.isoformat()
            if len(incident_idx) == 1:
                reason = tr("Incident on {date} at {distance} m from this address").format(
                    date=shown, distance=format_number(round(notice.nearest_distance), decimal_sign()))
            else:
                reason = tr("{n} incidents nearby, the latest on {date}; the nearest at {distance} m").format(
                    n=len(incident_idx), date=shown,
                    distance=format_number(round(notice.nearest_distance), decimal_sign()))
            p = fmt.parts(values)
            out.append({"feature": feature, "values": values, "key": notice.key or "",
                        "line1": fmt.line1(values), "line2": fmt.line2(values), "parts": p,
                        "distance": float(notice.nearest_distance),
                        "fids": [points.fids[i] for i in incident_idx],
                        "uuids": uuids, "dates": dates, "latest": latest, "reason": reason})
        return out

    def _write_layer(self, parameters, context, source, fmt, rows: List[dict]):
        fields, copied = self._output_fields(source, fmt)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                          source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        out = []
        for row in rows:
            feature = QgsFeature(fields)
            feature.setGeometry(row["feature"].geometry())
            attrs = [row["feature"][n] for n in copied]
            attrs += [row["key"], row["line1"], round(row["distance"], 2), len(row["fids"]),
                      ",".join(str(f) for f in row["fids"]), ",".join(u for u in row["uuids"] if u),
                      ",".join(d.isoformat() for d in row["dates"]), row["latest"].isoformat()]
            feature.setAttributes(attrs)
            out.append(feature)
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
        return dest

    @staticmethod
    def _write_csv(path: str, rows: List[dict]) -> None:
        """UTF-8 (with BOM, so Excel and Word see the accents), ';'-separated, one address a row."""
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(CSV_COLUMNS)
            for row in rows:
                p = row["parts"]
                writer.writerow([row["line1"], row["line2"], p.get("street", ""), p.get("number", ""),
                                 p.get("letter", ""), p.get("addition", ""),
                                 format_postcode(p.get("postcode", "")),
                                 p.get("place", ""), row["key"], f"{row['distance']:.0f}", len(row["fids"]),
                                 row["latest"].isoformat(), row["reason"]])

    def _record(self, path: str, rows: List[dict], now: QDateTime, feedback) -> int:
        """Record one letter per address in letters_sent, all in one transaction."""
        sent_at = now.toString("yyyy-MM-ddTHH:mm:ss.zzz")
        records = []
        no_key = 0
        for row in rows:
            if not row["key"]:
                no_key += 1
                continue
            incident = next((u for u in row["uuids"] if u), str(row["fids"][0]) if row["fids"] else "")
            address = ", ".join(i for i in (row["line1"], row["line2"]) if i)
            records.append((row["key"], sent_at, incident, address))
        if no_key:
            feedback.pushWarning(tr("{n} address(es) have no key and were not recorded as sent.").format(
                n=no_key))
        con = gpkg.connect(path, write=True)
        try:
            with gpkg.transaction(con, path):
                gpkg.insert_rows(con, schema.LETTERS_SENT,
                                 ("address_key", "sent_at", "incident_uuid", "address"), records)
        finally:
            con.close()
        self.info(feedback, tr("{n} letters recorded as sent on {date} in {path}.").format(
            n=len(records), date=sent_at[:10], path=path))
        return len(records)


ALGORITHM = WarningLettersAlgorithm
