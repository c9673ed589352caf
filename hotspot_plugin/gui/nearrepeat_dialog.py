"""Two small dialogs: the near-repeat analysis and the address list for warning letters.

They collect the input, run hotspot:nearrepeat or hotspot:warningletters as a background
task (QgsProcessingAlgRunnerTask) with a progress bar and a Cancel button, and show the
result. All analysis lives in the algorithms and the core.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsExpression,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingUtils,
    QgsProject,
    QgsSettings,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, Qt, QTime
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..compat import LayerFilter
from ..core import nearrepeat as nr
from ..core.band_edges import edges_text
from ..core.errors import HotspotError
from ..core.numbers import format_number
from ..i18n import dutch, tr
from ..report.advice.text import long_date
from ..settings import Settings
from ..storage import gpkg
from ..storage import letters as letter_store
from .incidents_input import starting_gpkg
from .tasks import RecordingFeedback, TaskDialogMixin, available_height, grow_to_fit

#: QgsSettings keys of the last near-repeat result (prefills the warning-letters dialog).
LAST_DISTANCE_KEY = "hotspot/nearrepeat/last_distance"
LAST_DAYS_KEY = "hotspot/nearrepeat/last_days"
LAST_RUN_KEY = "hotspot/nearrepeat/last_run"
DEFAULT_CATEGORY = "1.1.1"
#: The dialogs that are open (so they are not garbage-collected while shown).
_open_dialogs: Dict[str, "_AlgorithmDialog"] = {}


def read_categories(path: str) -> List[Tuple[str, str, int]]:
    """(code, label, number of incidents) of the categories with incidents in the GeoPackage."""
    in_dutch = dutch()
    rows = letter_store.incident_categories(path)

    def sort_key(row):
        return [int(p) if p.isdigit() else 0 for p in str(row[0]).split(".")] + [str(row[0])]

    return [(str(code), (nl if in_dutch else en) or nl or en or "", int(n))
            for code, nl, en, n in sorted(rows, key=sort_key)]


def read_date_range(path: str, category: str = "") -> Tuple[Optional[QDate], Optional[QDate]]:
    """First and last date of the incidents (of one category) in the GeoPackage."""
    first, last = letter_store.incident_date_range(path, category)

    def as_date(text) -> Optional[QDate]:
        if not text:
            return None
        date = QDate.fromString(str(text)[:10], "yyyy-MM-dd")
        return date if date.isValid() else None

    return as_date(first), as_date(last)


def _date_expression(date: QDate) -> str:
    return f"make_date({date.year()}, {date.month()}, {date.day()})"


def incident_filter(category: str, first: Optional[QDate] = None, last: Optional[QDate] = None) -> str:
    """A filter expression on category and date (both ends of the period included)."""
    parts = []
    if category:
        parts.append(QgsExpression.createFieldEqualityExpression("category", category))
    # Compared as dates by QGIS itself: a datetime literal compiled into OGR's SQL would be compared as
    # text with the stored values, and '2025-01-31T00:00:00' < '2025-01-31T00:00:00.000'.
    if first is not None:
        parts.append(f'to_date("occurred_at") >= {_date_expression(first)}')
    if last is not None:
        parts.append(f'to_date("occurred_at") <= {_date_expression(last)}')
    return " AND ".join(parts)


def _with_note(spin, note: QLabel) -> QHBoxLayout:
    """A spin box with a short note beside it (its width is set by fit_widths)."""
    note.setStyleSheet("color: #555555;")
    row = QHBoxLayout()
    row.addWidget(spin)
    row.addWidget(note, 1)
    return row


def field_width(field: QAbstractSpinBox, samples: List[str]) -> int:
    """The width *field* (a spin or date box) needs to show the widest of *samples* in full, from its
    font: the text and a cursor's room, plus what the style adds (frame, arrows, calendar button)."""
    metrics = field.fontMetrics()
    text = QSize(max(metrics.horizontalAdvance(s) for s in samples) + metrics.horizontalAdvance("  "),
                 metrics.height())
    if isinstance(field, QDateTimeEdit) and field.calendarPopup():  # drawn as a combo box (as Qt does)
        combo = QStyleOptionComboBox()
        combo.initFrom(field)
        needed = field.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, combo, text, field)
    else:
        spin = QStyleOptionSpinBox()
        field.initStyleOption(spin)
        needed = field.style().sizeFromContents(QStyle.ContentsType.CT_SpinBox, spin, text, field)
    return max(needed.width(), field.sizeHint().width())


def fit_widths(fields: List[Tuple[QAbstractSpinBox, List[str]]]) -> None:
    """One width for a column of fields: the widest that one of them needs (so the notes line up)."""
    width = max(field_width(field, samples) for field, samples in fields)
    for field, _samples in fields:
        field.setFixedWidth(width)


def last_near_repeat() -> Tuple[Optional[float], Optional[float], str]:
    """(distance m, days, when) of the last near-repeat result that found a pattern."""
    store = QgsSettings()

    def number(key: str) -> Optional[float]:
        try:
            value = float(store.value(key, "") or "nan")
        except (TypeError, ValueError):
            return None
        return value if value == value else None

    return number(LAST_DISTANCE_KEY), number(LAST_DAYS_KEY), str(store.value(LAST_RUN_KEY, "") or "")



class _AlgorithmDialog(TaskDialogMixin, QDialog):
    """A dialog that runs one Processing algorithm as a task, with progress and Cancel."""

    ALGORITHM_ID = ""

    def __init__(self, iface, title: str) -> None:
        parent = iface.mainWindow() if iface is not None else None
        super().__init__(parent)
        self.iface = iface
        self.setWindowTitle(title)
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.context: Optional[QgsProcessingContext] = None
        self.feedback: Optional[RecordingFeedback] = None
        self.last_results: Optional[dict] = None
        self.last_error = ""
        self.settings = Settings.load()
        self.layout_ = QVBoxLayout(self)
        self.gpkg_widget = QgsFileWidget()
        self.gpkg_widget.setFilter(tr("GeoPackage") + " (*.gpkg)")
        self.gpkg_widget.setDialogTitle(tr("Choose a safety GeoPackage"))
        self.category = QComboBox()
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(28)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_button = QPushButton(tr("Run"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.close_button)
        return row

    # The GeoPackage and its categories ---------------------------------------------------------
    def _init_gpkg(self) -> None:
        self.gpkg_widget.fileChanged.connect(self._gpkg_changed)
        # the last used GeoPackage; else the project's (a fresh profile); else the last one, gone
        path = starting_gpkg(QgsProject.instance(), self.settings.last_gpkg) or self.settings.last_gpkg
        if path:
            self.gpkg_widget.setFilePath(path)
            self._gpkg_changed(path)

    def gpkg_path(self) -> str:
        return self.gpkg_widget.filePath().strip()

    def _gpkg_changed(self, path: str) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        self.status.clear()
        categories: List[Tuple[str, str, int]] = []
        if path and Path(path).exists():
            try:
                categories = read_categories(path)
            except HotspotError as exc:
                self.show_error(exc.render(tr))
        for code, label, n in categories:
            self.category.addItem(tr("{code} {label} ({n} incidents)").format(code=code, label=label, n=n),
                                  code)
        if categories:
            total = sum(c[2] for c in categories)
            self.category.addItem(tr("All categories ({n} incidents)").format(n=total), "")
            index = self.category.findData(DEFAULT_CATEGORY)
            self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)
        self.category_changed()

    def category_code(self) -> str:
        return self.category.currentData() or ""

    def category_changed(self) -> None:
        """Hook: the category (or GeoPackage) changed."""

    # Running -----------------------------------------------------------------------------------
    def parameters(self) -> Optional[dict]:
        raise NotImplementedError

    def run(self) -> bool:
        """Start the algorithm as a task; False when the input is not complete."""
        if self.task is not None:
            return False
        path = self.gpkg_path()
        try:
            gpkg.check_safety_gpkg(path)
        except HotspotError as exc:
            self.show_error(exc.render(tr))
            return False
        params = self.parameters()
        if params is None:
            return False
        registry = QgsApplication.processingRegistry()
        algorithm = registry.createAlgorithmById(self.ALGORITHM_ID)
        if algorithm is None:
            self.show_error(tr("The algorithm {id} is not available: is the Hotspot plugin's Processing "
                               "provider loaded?").format(id=self.ALGORITHM_ID))
            return False
        self.settings.last_gpkg = path
        self.settings.save()
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RecordingFeedback()
        self.feedback.progressChanged.connect(self._progress)
        self.last_results = None
        self.last_error = ""
        self.task = QgsProcessingAlgRunnerTask(algorithm, params, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self._set_running(True)
        self.status.setStyleSheet("")
        self.status.setText(tr("Running…"))
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def _executed(self, ok: bool, results: dict) -> None:
        feedback, context = self.feedback, self.context
        self.task = None
        self._set_running(False)
        if feedback is not None and feedback.isCanceled():
            self.progress.setValue(0)
            self.show_error(tr("Cancelled: nothing was changed."))
            self.context = self.feedback = None
            return
        if not ok:
            errors = [e for e in (feedback.errors if feedback else []) if e]
            self.show_error(errors[-1] if errors else tr("The analysis failed; see the Hotspot log."))
            self.context = self.feedback = None
            return
        self.progress.setValue(100)
        self.last_results = dict(results)
        try:
            self.show_results(self.last_results, context)
        finally:
            # Free the context now: it holds the layers the algorithm opened, and destroying it
            # when QGIS has already shut down (at exit) would crash.
            self.context = None
            self.feedback = None

    def show_results(self, results: dict, context: QgsProcessingContext) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)

    def closeEvent(self, event):  # noqa: N802 - Qt API
        if self.task is not None:
            self.task.cancel()
        self.closed()
        super().closeEvent(event)

    def closed(self) -> None:
        """Hook: the dialog is closed (let go of layers not added to the project)."""


class NearRepeatDialog(_AlgorithmDialog):
    """Near-repeat analysis of one category in a safety GeoPackage: conclusion and chart."""

    ALGORITHM_ID = "hotspot:nearrepeat"

    def __init__(self, iface) -> None:
        super().__init__(iface, tr("Near-repeat analysis"))
        self.chart_path = ""
        self.table_layer = None
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Safety GeoPackage"), self.gpkg_widget)
        form.addRow(tr("Category"), self.category)
        period = QHBoxLayout()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy" if dutch() else "yyyy-MM-dd")
        period.addWidget(self.date_from)
        period.addWidget(QLabel(tr("up to and including")))
        period.addWidget(self.date_to)
        period.addStretch(1)
        form.addRow(tr("Period"), period)
        self.distance_bands = QLineEdit(edges_text(nr.DEFAULT_DISTANCE_EDGES))
        self.distance_bands.setToolTip(tr("Band edges in metres; a band runs from just above its lower edge "
                                          "up to and including its upper edge."))
        self.time_bands = QLineEdit(edges_text(nr.DEFAULT_TIME_EDGES))
        self.time_bands.setToolTip(tr("Band edges in days; a band runs from its lower edge up to just below "
                                      "its upper edge."))
        form.addRow(tr("Distance bands (m)"), self.distance_bands)
        form.addRow(tr("Time bands (days)"), self.time_bands)
        self.permutations = QSpinBox()
        self.permutations.setRange(19, 99_999)
        self.permutations.setValue(nr.DEFAULT_PERMUTATIONS)
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(tr("random (written to the result)"))
        extra = QHBoxLayout()
        extra.addWidget(self.permutations)
        extra.addSpacing(12)
        extra.addWidget(QLabel(tr("Seed")))
        extra.addWidget(self.seed, 1)
        form.addRow(tr("Permutations"), extra)
        # Side by side, so that it fits a 1280 x 800 screen: the input and the conclusion on the
        # left, the chart and its button on the right.
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(self._button_row())
        left.addWidget(self.status)
        box = QGroupBox(tr("Result"))
        # The conclusion and its note scroll when long, so they are never squashed.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        result = QVBoxLayout(inner)
        result.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(inner)
        QVBoxLayout(box).addWidget(scroll)
        self.conclusion = QLabel(tr("Choose the data and press Run."))
        self.conclusion.setWordWrap(True)
        self.conclusion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.conclusion.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.conclusion.setFont(font)
        self.conclusion.setTextFormat(Qt.TextFormat.RichText)
        self.details = QLabel()
        self.details.setWordWrap(True)
        result.addWidget(self.conclusion)
        result.addWidget(self.details)
        result.addStretch(1)
        left.addWidget(box, 1)
        columns.addLayout(left, 5)
        chart_box = QGroupBox(tr("Knox table"))
        right = QVBoxLayout(chart_box)
        self.chart = QLabel()
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setMinimumSize(420, 360)
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.add_table_button = QPushButton(tr("Add the Knox table to the project"))
        self.add_table_button.setEnabled(False)
        self.add_table_button.clicked.connect(self.add_table)
        right.addWidget(self.chart, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_table_button)
        right.addLayout(buttons)
        columns.addWidget(chart_box, 6)
        self.layout_.addLayout(columns, 1)
        self.category.currentIndexChanged.connect(lambda _i: self.category_changed())
        self._init_gpkg()
        self.resize(1180, min(620, available_height(self)))

    def category_changed(self) -> None:
        path = self.gpkg_path()
        if not path or not Path(path).exists():
            return
        try:
            first, last = read_date_range(path, self.category_code())
        except HotspotError:
            return
        if last is None:
            return
        start = last.addYears(-2).addDays(1)
        if first is not None and first > start:
            start = first
        self.date_from.setDate(start)
        self.date_to.setDate(last)

    def parameters(self) -> Optional[dict]:
        if self.date_from.date() > self.date_to.date():
            self.show_error(tr("The period ends before it starts."))
            return None
        seed_text = self.seed.text().strip()
        if seed_text and not seed_text.isdigit():
            self.show_error(tr("The seed must be a whole number, or empty for a random one."))
            return None
        self.chart_path = QgsProcessingUtils.generateTempFilename("knox.png")
        params = {
            "INPUT": gpkg.layer_uri(self.gpkg_path(), "incidents"),
            "FILTER": incident_filter(self.category_code(), self.date_from.date(), self.date_to.date()),
            "DATE_FIELD": "occurred_at",
            "DISTANCE_BANDS": self.distance_bands.text(),
            "TIME_BANDS": self.time_bands.text(),
            "PERMUTATIONS": self.permutations.value(),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "CHART": self.chart_path,
        }
        if seed_text:
            params["SEED"] = int(seed_text)
        return params

    def show_results(self, results: dict, context: QgsProcessingContext) -> None:
        self.status.setStyleSheet("")
        self.status.setText("")
        note = results.get("NOTE") or ""
        # The conclusion in bold, the note about the stars (a footnote) in the normal weight, smaller.
        self.conclusion.setText(f"<b>{html.escape(results.get('CONCLUSION', ''))}</b>"
                                + (f"<br><small>{html.escape(note)}</small>" if note else ""))
        self.details.setText(tr("{n} incidents ({category}, {first} up to and including {last}); {perm} "
                                "permutations, seed {seed}.").format(
            n=results.get("INCIDENTS"), category=self.category.currentText().split(" (")[0],
            first=self.date_from.text(), last=self.date_to.text(), perm=self.permutations.value(),
            seed=results.get("SEED_USED")))
        chart = results.get("CHART") or ""
        pixmap = QPixmap(chart) if chart else QPixmap()
        if not pixmap.isNull():
            self.chart.setPixmap(pixmap.scaled(self.chart.width(), max(self.chart.height(), 360),
                                               Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
            self.chart.setToolTip(chart)
        self.table_layer = context.takeResultLayer(results.get("OUTPUT")) if results.get("OUTPUT") else None
        self.add_table_button.setEnabled(self.table_layer is not None)
        store = QgsSettings()
        distance, days = results.get("DISTANCE"), results.get("DAYS")
        store.setValue(LAST_DISTANCE_KEY, "" if distance is None else float(distance))
        store.setValue(LAST_DAYS_KEY, "" if days is None else float(days))
        store.setValue(LAST_RUN_KEY, dt.date.today().isoformat())
        grow_to_fit(self)

    def closed(self) -> None:
        self.table_layer = None
        self.add_table_button.setEnabled(False)

    def add_table(self) -> None:
        if self.table_layer is None:
            return
        category = self.category_code() or tr("all")
        self.table_layer.setName(tr("Knox table {category}").format(category=category))
        QgsProject.instance().addMapLayer(self.table_layer)
        self.table_layer = None
        self.add_table_button.setEnabled(False)

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        chart = (self.last_results or {}).get("CHART")
        if chart:
            pixmap = QPixmap(chart)
            if not pixmap.isNull():
                self.chart.setPixmap(pixmap.scaled(self.chart.width(), self.chart.height(),
                                                   Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))


class WarningLettersDialog(_AlgorithmDialog):
    """The address list for warning letters around recent incidents."""

    ALGORITHM_ID = "hotspot:warningletters"

    def __init__(self, iface) -> None:
        super().__init__(iface, tr("Warning letters"))
        self.output_layer = None
        self.csv_path = ""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Safety GeoPackage"), self.gpkg_widget)
        form.addRow(tr("Category"), self.category)
        self.addresses = QgsMapLayerComboBox()
        self.addresses.setFilters(LayerFilter.PointLayer)
        self.addresses.setAllowEmptyLayer(True)
        self.addresses.setToolTip(tr("A point layer with address fields, such as BAG verblijfsobjecten."))
        form.addRow(tr("Address layer"), self.addresses)
        self.now = QDateEdit(QDate.currentDate())
        self.now.setCalendarPopup(True)
        self.now.setDisplayFormat("dd-MM-yyyy" if dutch() else "yyyy-MM-dd")
        self.now_note = QLabel()
        form.addRow(tr("Reference date"), _with_note(self.now, self.now_note))
        self.window = QSpinBox()
        self.window.setRange(1, 365)
        self.window.setValue(14)
        self.window.setSuffix(tr(" days"))
        form.addRow(tr("Incidents of the last"), _with_note(self.window, QLabel()))
        self.distance = QDoubleSpinBox()
        self.distance.setRange(0, 5000)
        self.distance.setDecimals(0)
        self.distance.setSuffix(" m")
        self.distance_note = QLabel()
        form.addRow(tr("Distance around an incident"), _with_note(self.distance, self.distance_note))
        self.exclude = QSpinBox()
        self.exclude.setRange(0, 3650)
        self.exclude.setValue(28)
        self.exclude.setSuffix(tr(" days"))
        self.exclude.setToolTip(tr("Addresses that had a letter within this period are left out."))
        form.addRow(tr("No new letter within"), _with_note(self.exclude, QLabel()))
        self.record = QCheckBox(tr("Record these letters as sent"))
        self.record.setToolTip(tr("Writes one row per address to the table letters_sent of the safety "
                                  "GeoPackage, so that the next lists leave these addresses out."))
        form.addRow("", self.record)
        self.csv_widget = QgsFileWidget()
        self.csv_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.csv_widget.setFilter(tr("CSV files") + " (*.csv)")
        self.csv_widget.setDialogTitle(tr("Save the address list as"))
        form.addRow(tr("Address list (CSV)"), self.csv_widget)
        fit_widths([(self.now, [QDate(2088, 12, 28).toString(self.now.displayFormat())])]
                   + [(spin, [spin.prefix() + spin.textFromValue(spin.maximum()) + spin.suffix()])
                      for spin in (self.window, self.distance, self.exclude)])
        self.layout_.addLayout(form)
        privacy = QLabel(tr("The address list holds personal data: keep it on a protected drive and delete "
                            "it when the letters are sent."))
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: #555555;")
        self.layout_.addWidget(privacy)
        self.layout_.addLayout(self._button_row())
        self.layout_.addWidget(self.status)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.result)
        self.layout_.addStretch(1)
        self._prefill_distance()
        self._csv_auto = ""  # the CSV path this dialog chose (it follows the reference date)
        self.last_incident: Optional[QDate] = None  # of the chosen category, shown beside the date
        self.gpkg_widget.fileChanged.connect(self._default_csv)
        self.now.dateChanged.connect(lambda _d: self._default_csv(self.gpkg_path()))
        self.now.dateChanged.connect(lambda _d: self._update_now_note())
        self.category.currentIndexChanged.connect(lambda _i: self.category_changed())
        self._init_gpkg()
        self._default_csv(self.gpkg_path())
        self.resize(720, self.sizeHint().height())

    def _prefill_distance(self) -> None:
        distance, _days, when = last_near_repeat()
        if distance is not None and distance > 0:
            self.distance.setValue(distance)
            day = QDate.fromString(when[:10], "yyyy-MM-dd")
            shown = long_date(day.toPyDate()) if day.isValid() else when
            self.distance_note.setText(tr("from the near-repeat analysis of {date}").format(date=shown))
        else:
            self.distance.setValue(200)
            self.distance_note.setText(tr("default value"))
            self.distance_note.setToolTip(tr("Run the near-repeat analysis to base the distance on your own "
                                             "data."))

    def category_changed(self) -> None:
        """The reference date starts at the last incident of the category: the data may end before today."""
        path = self.gpkg_path()
        try:
            _first, last = read_date_range(path, self.category_code()) if path and Path(path).exists() \
                else (None, None)
        except HotspotError:
            last = None
        self.last_incident = last
        if last is not None:
            self.now.setDate(last)
        self._update_now_note()

    def _update_now_note(self) -> None:
        """The note beside the reference date: that it is the last incident's date, or (changed by the
        user) what that date is."""
        last = self.last_incident
        if last is None:
            self.now_note.setText("")
        elif self.now.date() == last:
            self.now_note.setText(tr("the date of the last incident"))
        else:
            self.now_note.setText(tr("the last incident was on {date}").format(date=long_date(last.toPyDate())))

    def _default_csv(self, path: str) -> None:
        """warning_letters_<reference date>.csv beside the GeoPackage, unless the user chose a file."""
        current = self.csv_widget.filePath().strip()
        if path and (not current or current == self._csv_auto):
            name = tr("warning_letters_{date}.csv").format(date=self.now.date().toString("yyyy-MM-dd"))
            self._csv_auto = str(Path(path).with_name(name))
            self.csv_widget.setFilePath(self._csv_auto)

    def parameters(self) -> Optional[dict]:
        layer = self.addresses.currentLayer()
        if layer is None:
            self.show_error(tr("Choose the address layer (a point layer with addresses, such as BAG "
                               "verblijfsobjecten). Add it to the project first."))
            return None
        self.csv_path = free_path(self.csv_widget.filePath().strip())
        params = {
            "INCIDENTS": gpkg.layer_uri(self.gpkg_path(), "incidents"),
            "FILTER": incident_filter(self.category_code()),
            "DATE_FIELD": "occurred_at",
            "ADDRESSES": layer.id(),
            "NOW": QDateTime(self.now.date(), QTime.currentTime() if self.now.date() == QDate.currentDate()
                             else QTime(23, 59, 59)),
            "WINDOW_DAYS": self.window.value(),
            "DISTANCE": self.distance.value(),
            "GPKG": self.gpkg_path(),
            "EXCLUDE_DAYS": self.exclude.value(),
            "RECORD_SENT": self.record.isChecked(),
            "OUTPUT": "TEMPORARY_OUTPUT",
        }
        if self.csv_path:
            params["CSV"] = self.csv_path
        return params

    def show_results(self, results: dict, context: QgsProcessingContext) -> None:
        self.status.setStyleSheet("")
        self.status.setText("")
        layer = context.takeResultLayer(results.get("OUTPUT")) if results.get("OUTPUT") else None
        n = int(results.get("ADDRESS_COUNT") or 0)
        distance = format_number(results.get("DISTANCE_USED") or 0)
        lines = [tr("{n} addresses within {distance} m of {k} incident(s); {excluded} left out because of a "
                    "recent letter.").format(n=n, distance=distance, k=results.get("INCIDENTS_IN_WINDOW"),
                                             excluded=results.get("EXCLUDED"))]
        note = results.get("NOTE") or ""
        if note:
            lines.append(note)
        if layer is not None:
            layer.setName(tr("Warning letters {date}").format(
                date=self.now.date().toString("dd-MM-yyyy" if dutch() else "yyyy-MM-dd")))
            project = QgsProject.instance()
            old = self.output_layer
            if old is not None and project.mapLayer(old.id()) is old:
                project.removeMapLayer(old.id())  # one result layer: each run replaces the last
            project.addMapLayer(layer)
            self.output_layer = layer
            lines.append(tr("The addresses were added to the project as the layer '{name}'.").format(
                name=layer.name()))
        csv_path = results.get("CSV")
        if csv_path:
            lines.append(tr("Address list for the mail merge: {path}").format(path=csv_path))
            chosen = self.csv_widget.filePath().strip()
            if chosen and Path(chosen) != Path(csv_path):
                lines.append(tr("{path} already existed and was kept.").format(path=chosen))
        if results.get("RECORDED"):
            lines.append(tr("{n} letters were recorded as sent.").format(n=results.get("RECORDED")))
        self.result.setText("\n".join(lines))
        grow_to_fit(self)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Warning letters"), note or lines[0],
                                                Qgis.MessageLevel.Warning if note else Qgis.MessageLevel.Success, 8)


def free_path(path: str) -> str:
    """*path*, or when that file exists the first free ``<stem>_2<suffix>``, ``_3``, ...: an
    address list is never overwritten."""
    if not path or not Path(path).exists():
        return path
    p = Path(path)
    n = 2
    while p.with_name(f"{p.stem}_{n}{p.suffix}").exists():
        n += 1
    return str(p.with_name(f"{p.stem}_{n}{p.suffix}"))


def _show(key: str, make, iface) -> _AlgorithmDialog:
    """Bring the open dialog to the front, or make a new one.

    A dialog that is shown or whose task still runs is kept (the task needs its context and
    feedback until it ends), so its input and result are not lost either.
    """
    dialog = _open_dialogs.get(key)
    if dialog is None or not (dialog.isVisible() or dialog.is_running()):
        dialog = make(iface)
        _open_dialogs[key] = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def open_nearrepeat_dialog(iface) -> NearRepeatDialog:
    """Show the near-repeat dialog (non-modal, one at a time); returns it."""
    return _show("nearrepeat", NearRepeatDialog, iface)


def open_letters_dialog(iface) -> WarningLettersDialog:
    """Show the warning-letters dialog (non-modal, one at a time); returns it."""
    return _show("letters", WarningLettersDialog, iface)

