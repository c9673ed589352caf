"""hotspot:warningletters - the addresses around recent incidents, for warning letters.

The selection itself is the core's (core/letters.py) and so are the address rules
(core/addresses.py); this module reads its parameters into :class:`LettersParameters`, reads the
incidents (adapters/incidents.py) and the nearby addresses (adapters/addresses.py), and writes
the address layer, the mail-merge CSV and the letters sent (storage/letters.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ..adapters.addresses import AddressCandidates, attribute_values, features_by_id, read_candidates
from ..adapters.crs import measuring_crs, require_crs, search_reach, transform_points
from ..adapters.incidents import (
    DEFAULT_DATE_FIELD,
    IncidentPoints,
    read_incidents,
    require_dated,
    resolve_date_field,
    value_to_days,
)
from ..compat import (
    DATE,
    DOUBLE,
    INT,
    STRING,
    ProcessingDateTimeParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    parameter_as_fields,
)
from ..core import letters
from ..core.addresses import (
    CSV_COLUMNS,
    AddressFormat,
    LetterAddress,
    guess_key_field,
    guess_roles,
    sent_records,
    usable_roles,
)
from ..core.days import days_to_date
from ..core.errors import Canceled
from ..core.numbers import format_number
from ..core.parsing import parse_datetime
from ..i18n import decimal_sign, dutch, tr
from ..report.advice.text import long_date
from ..storage import csv_out
from ..storage import letters as letter_store
from .base import (
    HotspotAlgorithm,
    date_field_parameter,
    filter_parameter,
    incidents_parameter,
    optional_number,
    source_name,
)

#: Fields the algorithm adds to the output layer (values: :meth:`LetterAddress.layer_values`).
OUT_FIELDS = (("address_key", STRING), ("address_line", STRING),
              ("distance_m", DOUBLE), ("n_incidents", INT),
              ("incident_ids", STRING), ("incident_uuids", STRING),
              ("incident_dates", STRING), ("latest_incident", DATE))


@dataclass
class LettersParameters:
    """The parameters of one run, read and checked (sources, metres per map unit, dates as days)."""

    incidents: object  # QgsProcessingFeatureSource
    addresses: object  # QgsProcessingFeatureSource
    factor: float  # metres per map unit of the working CRS
    #: The CRS distances are measured in when the address layer's own does not measure metres on
    #: the ground (adapters.crs.working_crs), else None.
    work_crs: object
    transform_context: object
    fmt: AddressFormat
    distance: float  # metres
    window: float  # days
    exclude_days: float
    now: QDateTime
    now_days: float
    gpkg_path: str
    record: bool
    sent: List[Tuple[str, float]]  # (address key, day) of the letters recorded in the GeoPackage
    date_field: str
    expression: str
    csv_path: str


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
        self.addParameter(incidents_parameter(self.INCIDENTS))
        self.addParameter(filter_parameter(self.FILTER, parent=self.INCIDENTS))
        self.addParameter(date_field_parameter(self.DATE_FIELD, parent=self.INCIDENTS, default=DEFAULT_DATE_FIELD))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADDRESSES, tr("Addresses (point layer with address fields, e.g. BAG verblijfsobjecten)"),
            [ProcessingSourceType.VectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.ADDRESS_FIELDS, tr("Address fields (empty: street, house number, letter, addition, postcode "
                                    "and place are guessed)"),
            parentLayerParameterName=self.ADDRESSES, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADDRESS_KEY_FIELD, tr("Address key field (empty: the BAG id, or postcode and house number)"),
            parentLayerParameterName=self.ADDRESSES, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            self.NOW, tr("Reference date (empty: the date of the last incident)"),
            ProcessingDateTimeParameterDataType.DateTime, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WINDOW_DAYS, tr("Incidents of the last ... days"), ProcessingNumberParameterType.Double,
            defaultValue=letters.DEFAULT_WINDOW_DAYS, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance around an incident in metres (empty: from the near-repeat result, "
                              "else 200 m)"), ProcessingNumberParameterType.Double, optional=True,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEAR_REPEAT_DISTANCE, tr("Distance found by the near-repeat analysis (m)"),
            ProcessingNumberParameterType.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFile(
            self.GPKG, tr("Safety GeoPackage with the letters sent (optional)"), extension="gpkg",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.EXCLUDE_DAYS, tr("Leave out addresses that had a letter in the last ... days"),
            ProcessingNumberParameterType.Double, defaultValue=letters.DEFAULT_EXCLUDE_DAYS,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.RECORD_SENT, tr("Record the letters of this list as sent in the safety GeoPackage"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Addresses for warning letters"), ProcessingSourceType.VectorPoint))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV, tr("Address list for a mail merge (CSV)"), fileFilter=tr("CSV files") + " (*.csv)",
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("ADDRESS_COUNT", tr("Addresses to write to")))
        self.addOutput(QgsProcessingOutputNumber("EXCLUDED", tr("Addresses left out (recent letter)")))
        self.addOutput(QgsProcessingOutputNumber("INCIDENTS_IN_WINDOW", tr("Incidents in the window")))
        self.addOutput(QgsProcessingOutputNumber("DISTANCE_USED", tr("Distance used (m)")))
        self.addOutput(QgsProcessingOutputNumber("RECORDED", tr("Letters recorded as sent")))
        self.addOutput(QgsProcessingOutputString("NOTE", tr("Why the list is empty (empty when it is not)")))
        self.addOutput(QgsProcessingOutputString("REFERENCE_DATE", tr("Reference date used")))

    # Parameters --------------------------------------------------------------------------------
    def _parameters(self, parameters, context, feedback) -> LettersParameters:
        """Read and check the parameters (in the order their messages are logged)."""
        incidents = self.required_source(parameters, self.INCIDENTS, context)
        addresses = self.required_source(parameters, self.ADDRESSES, context)
        work_crs, to_work, factor = measuring_crs(
            addresses, source_name(self, parameters, self.ADDRESSES, context), context.transformContext(),
            lambda text: self.info(feedback, text))
        require_crs(incidents.sourceCrs(), source_name(self, parameters, self.INCIDENTS, context))
        fmt = self._address_format(parameters, context, addresses, feedback)
        distance = self._distance(parameters, feedback)
        window = self.parameterAsDouble(parameters, self.WINDOW_DAYS, context)
        if window <= 0:
            raise QgsProcessingException(tr("The window must be a positive number of days (for example 14)."))
        exclude_days = self.parameterAsDouble(parameters, self.EXCLUDE_DAYS, context)
        now = self._now(parameters, self, context)
        gpkg_path = self.parameterAsFile(parameters, self.GPKG, context) or ""
        record = self.parameterAsBoolean(parameters, self.RECORD_SENT, context)
        if record and not gpkg_path:
            raise QgsProcessingException(tr("Choose the safety GeoPackage in which the letters are "
                                            "recorded, or switch off recording."))
        sent = letter_store.read_sent(gpkg_path) if gpkg_path else []
        chosen_date = self.parameterAsString(parameters, self.DATE_FIELD, context)
        date_field = resolve_date_field(incidents, chosen_date, feedback, self.info)
        # The raw text: parameterAsExpression() silently gives "" for an invalid expression.
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        csv_path = self.parameterAsFileOutput(parameters, self.CSV, context)
        return LettersParameters(incidents, addresses, factor, work_crs if to_work is not None else None,
                                 context.transformContext(), fmt, distance, window, exclude_days, now,
                                 value_to_days(now, whole_days=True) if now.isValid() else float("nan"),
                                 gpkg_path, record, sent, date_field,
                                 expression, csv_path)

    def _address_format(self, parameters, context, source, feedback) -> AddressFormat:
        names = source.fields().names()
        chosen = [n for n in parameter_as_fields(self, parameters, self.ADDRESS_FIELDS, context) if n]
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
            if not usable_roles(roles):
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
                distance=format_number(distance, decimal=decimal_sign())))
            return distance
        from_nr = optional_number(parameters, self.NEAR_REPEAT_DISTANCE)
        if from_nr is not None and from_nr > 0:
            self.info(feedback, tr("Distance: {distance} m, from the near-repeat analysis.").format(
                distance=format_number(from_nr, decimal=decimal_sign())))
            return from_nr
        self.info(feedback, tr("Distance: {distance} m, the default (the near-repeat analysis can base it "
                               "on your own data).").format(
            distance=format_number(letters.DEFAULT_DISTANCE, decimal=decimal_sign())))
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
        return value  # invalid when not given: the last incident's date (process)

    # Running -----------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        p = self._parameters(parameters, context, feedback)
        points = self._read_incidents(p, parameters, context, feedback)
        dated = points.t[np.isfinite(points.t)]
        last_day = float(dated.max()) if dated.size else None
        self._default_now(p, last_day, feedback)
        start_days = p.now_days - p.window
        self.info(feedback, tr("Incidents dated {start} up to and including {end} trigger letters.").format(
            start=_day(start_days), end=_day(p.now_days)))
        result, candidates = self._select(p, points, feedback)
        reason = letters.why_none(result, p.window, p.exclude_days, p.distance, last_day)
        note = self._reason_text(reason) if reason is not None else ""
        if note:
            feedback.pushWarning(note)
        if result.n_incidents_skipped:
            feedback.pushWarning(tr("{n} incident(s) without a date or a location were skipped.").format(
                n=result.n_incidents_skipped))

        rows = self._rows(p, result, candidates, points)
        dest = self._write_layer(parameters, context, p, rows)
        feedback.setProgress(90)
        if p.csv_path:
            csv_out.write_csv(p.csv_path, CSV_COLUMNS, [address.csv_row() for _f, address in rows])
        recorded = 0
        if p.record and result.notices:
            if feedback.isCanceled():
                raise Canceled()
            recorded = self._record(p, [address for _f, address in rows], feedback)
        self.info(feedback, tr("{n} addresses within {distance} m of {k} incident(s) in the window; "
                               "{excluded} left out because they had a letter in the last {days} days."
                               ).format(
            n=len(result.notices), distance=format_number(p.distance, decimal=decimal_sign()),
            k=result.n_incidents_in_window, excluded=result.n_excluded,
            days=format_number(p.exclude_days, decimal=decimal_sign())))
        if p.csv_path:
            self.info(feedback, tr("Address list written to {path}. It holds personal data: keep it safe and "
                                   "delete it when the letters are sent.").format(path=p.csv_path))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.CSV: p.csv_path or None, "ADDRESS_COUNT": len(result.notices),
                "EXCLUDED": result.n_excluded, "INCIDENTS_IN_WINDOW": result.n_incidents_in_window,
                "DISTANCE_USED": p.distance, "RECORDED": recorded, "NOTE": note,
                "REFERENCE_DATE": p.now.date().toString("yyyy-MM-dd")}

    def _default_now(self, p: LettersParameters, last_day, feedback) -> None:
        """Without a reference date: the day of the last incident (the data may end before today)."""
        if p.now.isValid():
            return
        day = days_to_date(last_day) if last_day is not None else QDate.currentDate().toPyDate()
        p.now = QDateTime(QDate(day.year, day.month, day.day), QTime(23, 59, 59))
        p.now_days = value_to_days(p.now, whole_days=True)
        if last_day is not None:
            self.info(feedback, tr("Reference date: {date}, the date of the last incident in the data.").format(
                date=_day(p.now_days)))

    @staticmethod
    def _reason_text(reason) -> str:
        template, params = reason
        shown = {k: (_day(v) if k in ("now", "last") and v is not None
                     else format_number(v, decimal=decimal_sign())) for k, v in params.items()}
        return tr(template).format(**shown)

    def _read_incidents(self, p: LettersParameters, parameters, context, feedback) -> IncidentPoints:
        """The incidents (with their uuids), in the address layer's CRS."""
        uuid_field = "uuid" if "uuid" in p.incidents.fields().names() else ""
        transform = None
        if p.incidents.sourceCrs() != p.addresses.sourceCrs():
            transform = QgsCoordinateTransform(p.incidents.sourceCrs(), p.addresses.sourceCrs(),
                                               context.transformContext())
        points = read_incidents(p.incidents, p.date_field, p.expression, context, feedback, whole_days=True,
                                extra_field=uuid_field, transform=transform, progress=(0.0, 10.0))
        require_dated(points, p.expression, lambda: source_name(self, parameters, self.INCIDENTS, context),
                      p.date_field)
        return points

    def _select(self, p: LettersParameters, points: IncidentPoints, feedback):
        """The core's selection among the addresses near the recent incidents (only those are read)."""
        start_days = p.now_days - p.window
        recent = np.flatnonzero(np.isfinite(points.t) & np.isfinite(points.x) & np.isfinite(points.y)
                                & (points.t >= start_days) & (points.t <= p.now_days))
        tc = p.transform_context
        reach = p.distance / p.factor if p.work_crs is None else search_reach(
            p.addresses.sourceCrs(), p.addresses.sourceExtent(), p.distance, tc)
        candidates = read_candidates(p.addresses, p.fmt, points.x, points.y, recent, reach, feedback)
        px, py = points.x, points.y
        cx, cy = np.asarray(candidates.x, dtype=float), np.asarray(candidates.y, dtype=float)
        if p.work_crs is not None:
            src = p.addresses.sourceCrs()
            px, py = transform_points(np.asarray(px, dtype=float), np.asarray(py, dtype=float), src, p.work_crs, tc)
            cx, cy = transform_points(cx, cy, src, p.work_crs, tc)
        feedback.setProgress(40)
        if not candidates.fids:
            # The core needs at least one address; with no candidate there is nothing to select.
            result = letters.LettersResult([], start_days, p.now_days, int(recent.size), 0,
                                           int(np.count_nonzero(~np.isfinite(points.t))))
        else:
            result = letters.addresses_to_notify(
                (px * p.factor, py * p.factor, points.t, list(range(points.read))),
                (cx * p.factor, cy * p.factor, candidates.keys),
                p.now_days, p.window, p.distance, p.sent, p.exclude_days, self.monitor(feedback).sub(40, 80))
        return result, candidates

    @staticmethod
    def _output_fields(source, fmt: AddressFormat):
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

    @staticmethod
    def _reason(n_incidents: int, latest, nearest_distance: float) -> str:
        """Why this address gets a letter (the mail-merge CSV's last column)."""
        shown = latest.strftime("%d-%m-%Y") if dutch() else latest.isoformat()
        distance = format_number(round(nearest_distance), decimal=decimal_sign())
        if n_incidents == 1:
            return tr("Incident on {date} at {distance} m from this address").format(date=shown, distance=distance)
        return tr("{n} incidents nearby, the latest on {date}; the nearest at {distance} m").format(
            n=n_incidents, date=shown, distance=distance)

    def _rows(self, p: LettersParameters, result, candidates: AddressCandidates,
              points: IncidentPoints) -> List[Tuple[QgsFeature, LetterAddress]]:
        """One (address feature, letter address) per notice, in the order of the notices."""
        features: Dict[int, QgsFeature] = features_by_id(p.addresses,
                                                         [candidates.fids[n.index] for n in result.notices])
        out = []
        for notice in result.notices:
            feature = features.get(candidates.fids[notice.index])
            if feature is None:
                continue
            values = attribute_values(feature, p.fmt.all_fields())
            incident_idx = [int(i) for i in notice.incident_ids]
            dates = [days_to_date(points.t[i]) for i in incident_idx]
            uuids = [str(points.extra[i]) if points.extra and points.extra[i] is not None else ""
                     for i in incident_idx]
            out.append((feature, LetterAddress(
                key=notice.key or "", line1=p.fmt.line1(values), line2=p.fmt.line2(values),
                parts=p.fmt.parts(values), distance=float(notice.nearest_distance),
                fids=[points.fids[i] for i in incident_idx], uuids=uuids, dates=dates,
                reason=self._reason(len(incident_idx), max(dates), notice.nearest_distance))))
        return out

    def _write_layer(self, parameters, context, p: LettersParameters, rows):
        fields, copied = self._output_fields(p.addresses, p.fmt)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, p.addresses.wkbType(),
                                          p.addresses.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        out = []
        for source_feature, address in rows:
            feature = QgsFeature(fields)
            feature.setGeometry(source_feature.geometry())
            feature.setAttributes([source_feature[n] for n in copied] + address.layer_values())
            out.append(feature)
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _record(self, p: LettersParameters, addresses: List[LetterAddress], feedback) -> int:
        """Record one letter per address in letters_sent, all in one transaction."""
        sent_at = p.now.toString("yyyy-MM-ddTHH:mm:ss.zzz")
        records, no_key = sent_records(addresses, sent_at)
        if no_key:
            feedback.pushWarning(tr("{n} address(es) have no key and were not recorded as sent.").format(
                n=no_key))
        letter_store.record_sent(p.gpkg_path, records)
        self.info(feedback, tr("{n} letters recorded as sent on {date} in {path}.").format(
            n=len(records), date=_day(p.now_days), path=p.gpkg_path))
        return len(records)



def _day(days: float) -> str:
    """A day number as "3 maart 2025" / "3 March 2025"."""
    return long_date(days_to_date(days))


ALGORITHM = WarningLettersAlgorithm
