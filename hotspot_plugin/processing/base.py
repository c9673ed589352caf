"""Shared base of Hotspot's Processing algorithms: translation, help files, feedback, errors."""
from __future__ import annotations

import html
import math
from typing import Optional

from qgis.core import (
    QgsFeature,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtGui import QIcon

from .. import log
from ..adapters.values import is_null  # noqa: F401 - the algorithms' NULL check
from ..compat import ProcessingSourceType
from ..core.errors import Canceled, HotspotError
from ..core.progress import Monitor
from ..i18n import current_language, tr
from ..paths import icon_path, resource
from ..storage import csv_out


def given(parameters, name: str) -> bool:
    """True when parameter *name* has a value: not missing, NULL or blank text."""
    value = parameters.get(name)
    return not (is_null(value) or (isinstance(value, str) and not value.strip()))


# Parameter blocks shared by several algorithms ---------------------------------------------

def incidents_parameter(name: str = "INPUT", label: str = "") -> QgsProcessingParameterFeatureSource:
    """INPUT: the incident points."""
    return QgsProcessingParameterFeatureSource(
        name, label or tr("Incidents (point layer, e.g. the incidents of a safety GeoPackage)"),
        [ProcessingSourceType.VectorPoint])


def filter_parameter(name: str = "FILTER", parent: str = "INPUT") -> QgsProcessingParameterExpression:
    """FILTER: an expression on the parent layer; empty means all features."""
    return QgsProcessingParameterExpression(
        name, tr("Filter (e.g. category = '1.1.1'; empty: all incidents)"), defaultValue="",
        parentLayerParameterName=parent, optional=True)


def date_field_parameter(name: str = "DATE_FIELD", parent: str = "INPUT",
                         default: str = "occurred_at") -> QgsProcessingParameterField:
    """DATE_FIELD: the incidents' date (default the safety GeoPackage's occurred_at)."""
    return QgsProcessingParameterField(name, tr("Date field"), defaultValue=default,
                                       parentLayerParameterName=parent, optional=True)


def gpkg_parameter(name: str = "GPKG") -> QgsProcessingParameterFile:
    """GPKG: the safety GeoPackage."""
    return QgsProcessingParameterFile(name, tr("Safety GeoPackage"), extension="gpkg")


def scan_parameter(name: str = "SCAN", label: str = "") -> QgsProcessingParameterString:
    """SCAN: a saved scan by reference number or uuid (optional)."""
    return QgsProcessingParameterString(
        name, label or tr("Scan (reference number or uuid; empty: the newest scan)"), optional=True)


def source_name(alg, parameters, name: str, context) -> str:
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    return layer.name() if layer is not None else str(parameters.get(name, ""))


def optional_number(parameters, name: str) -> Optional[float]:
    """The value of an optional number parameter, or None when it was left empty."""
    raw = parameters.get(name)
    if raw is None or is_null(raw) or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = float(str(raw).replace(",", ".")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        raise QgsProcessingException(tr("'{value}' is not a number.").format(value=raw)) from None
    return value if math.isfinite(value) else None


class HotspotAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, GROUP_ID and define display_name()/group_name()/initAlgorithm/process()."""

    NAME = ""
    GROUP_ID = "data"
    ICON = "hotspot.svg"

    def name(self) -> str:
        return self.NAME

    def createInstance(self):  # noqa: N802 - QGIS API
        return type(self)()

    def tr(self, text: str) -> str:
        return tr(text)

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.display_name()

    def display_name(self) -> str:
        raise NotImplementedError

    def group(self) -> str:
        return {"data": tr("Safety data"), "density": tr("Density and hotspots"),
                "scan": tr("Environment scan"), "schouw": tr("Buurtschouw"),
                "nearrepeat": tr("Near-repeat"), "measures": tr("Measures")}.get(self.GROUP_ID, self.GROUP_ID)

    def groupId(self) -> str:  # noqa: N802 - QGIS API
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(icon_path(self.ICON))

    def helpText(self, lang: Optional[str] = None) -> str:  # noqa: N802
        """The help file resources/help/<lang>/<name>.html (Dutch or English)."""
        lang = lang or current_language()
        path = resource("help", lang, f"{self.NAME}.html")
        if not path.exists():
            path = resource("help", "en", f"{self.NAME}.html")
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.helpText()

    # Running ---------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        feedback = feedback or QgsProcessingFeedback()
        try:
            return self.process(parameters, context, feedback)
        except Canceled:
            feedback.reportError(tr("Cancelled: nothing was changed."), fatalError=False)
            raise QgsProcessingException(tr("Cancelled by the user. Nothing was changed.")) from None
        except HotspotError as exc:
            message = exc.render(tr)
            log.warning(f"{self.NAME}: {message}")
            raise QgsProcessingException(message) from None

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802 - QGIS API
        """QGIS's sink; when the user saves it as CSV, text cells are neutralised (storage/csv_out.py)."""
        sink, dest = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is not None and csv_out.is_delimited_text(dest or ""):
            sink = CsvSafeSink(sink)
        return sink, dest

    def required_source(self, parameters, name: str, context):
        """The feature source of parameter *name*; QGIS's own "could not load source" error when it is
        missing or cannot be opened."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def csv_threshold(self, parameters, name: str, context, feedback) -> Optional[int]:
        """The small-count threshold when output *name* is saved as CSV: its counts then follow the
        disclosure rule (storage/csv_out.protect_table). None for a layer (GeoPackage, temporary):
        it keeps the exact counts for the analyst."""
        if not csv_out.is_delimited_text(self.parameterAsOutputLayer(parameters, name, context) or ""):
            return None
        from ..settings import Settings

        threshold = int(Settings.load().small_count_threshold or 5)
        self.info(feedback, tr(
            "The table is saved as CSV, so it follows the disclosure rule: a count below {t} is shown as "
            "\"<{t}\", a count that would give one back as \"x\", and values computed from them are empty. "
            "Save it as a GeoPackage layer for the exact counts.").format(t=threshold))
        return threshold

    @staticmethod
    def monitor(feedback) -> Monitor:
        return Monitor(feedback.setProgress, feedback.isCanceled)

    @staticmethod
    def info(feedback, text: str) -> None:
        feedback.pushInfo(text)
        log.info(html.unescape(text))


class CsvSafeSink:
    """A feature sink that writes to a CSV file: formula-like text cells get a leading apostrophe.

    It wraps the sink QGIS made and hands every feature on with :func:`storage.csv_out.safe_cell`
    applied to its attributes, so a description ``=HYPERLINK(...)`` or an address ``@SUM(1)`` shows
    as text when the table is opened in a spreadsheet; numbers stay numbers.
    """

    def __init__(self, sink):
        self._sink = sink

    @staticmethod
    def _safe(feature: QgsFeature) -> QgsFeature:
        copy = QgsFeature(feature)
        copy.setAttributes(csv_out.safe_row(feature.attributes()))
        return copy

    def addFeature(self, feature, flags=None):  # noqa: N802 - QGIS API
        if flags is None:
            return self._sink.addFeature(self._safe(feature))
        return self._sink.addFeature(self._safe(feature), flags)

    def addFeatures(self, features, flags=None):  # noqa: N802 - QGIS API
        safe = [self._safe(f) for f in features]
        if flags is None:
            return self._sink.addFeatures(safe)
        return self._sink.addFeatures(safe, flags)

    def __getattr__(self, name):
        return getattr(self._sink, name)
