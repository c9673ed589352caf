"""Page 2 of the environment-scan wizard: period and comparison period, safety fields, categories,
reference area, small-count threshold, title and author.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsDateEdit,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...compat import GeometryType
from ...core.categories import SAFETY_FIELDS
from ...core.errors import HotspotError
from ...core.numbers import format_number
from ...core.scan import default_periods
from ...core.scan_types import ResultParameters
from ...i18n import decimal_sign, tr
from ...settings import Settings
from .common import (
    FIELD_CODES,
    MESSAGE_HINT,
    GpkgInfo,
    buurt_name,
    date_format,
    field_label,
    incidents_between,
    pydate,
    qdate,
    show_message,
)


class DataPage(QWizardPage):
    """Period, comparison period, safety fields, categories, reference area, threshold, title, author."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("2. " + tr("Data and period"))
        self.setSubTitle(
            tr("Which incidents to count, over which period, and what to compare the area with.")
        )
        self.settings = Settings.load()
        self.filled_for = ""  # the GeoPackage the defaults were filled in for
        self.info: Optional[GpkgInfo] = None
        self.message_text = ""
        self.message_is_error = False
        self._ok = False
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def date_edit() -> QgsDateEdit:
            edit = QgsDateEdit()
            edit.setAllowNull(False)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setMinimumWidth(130)
            return edit

        def period_row(a: QgsDateEdit, b: QgsDateEdit) -> QHBoxLayout:
            row = QHBoxLayout()
            row.addWidget(a)
            row.addWidget(QLabel(tr("up to and including")))
            row.addWidget(b)
            row.addStretch(1)
            return row

        self.period_from, self.period_to = date_edit(), date_edit()
        self.comparison_from, self.comparison_to = date_edit(), date_edit()
        left.addRow(tr("Period"), period_row(self.period_from, self.period_to))
        left.addRow(tr("Comparison period"), period_row(self.comparison_from, self.comparison_to))
        self.data_note = QLabel()
        self.data_note.setStyleSheet(MESSAGE_HINT)
        self.data_note.setWordWrap(True)
        left.addRow("", self.data_note)
        fields_box = QWidget()
        fields_grid = QGridLayout(fields_box)
        fields_grid.setContentsMargins(0, 0, 0, 0)
        self.field_boxes: Dict[str, QCheckBox] = {}
        for i, code in enumerate(FIELD_CODES):
            check = QCheckBox(field_label(code))
            check.setChecked(True)
            self.field_boxes[code] = check
            fields_grid.addWidget(check, i, 0)
        left.addRow(tr("Safety fields"), fields_box)
        self.reference = QComboBox()
        self.reference.setToolTip(
            tr(
                "The area the scan area is compared with: by default the municipality in the "
                "GeoPackage; or all features of a polygon layer of the project."
            )
        )
        left.addRow(tr("Compare with"), self.reference)
        self.small_count = QSpinBox()
        self.small_count.setRange(1, 100)
        self.small_count.setValue(max(1, self.settings.small_count_threshold))
        self.small_count.setToolTip(
            tr(
                "Counts from 1 up to this number minus one are shown as '<n' in the results "
                "and the report, so that no one can be recognised."
            )
        )
        self.small_count.setMaximumWidth(90)
        left.addRow(tr("Small-count threshold"), self.small_count)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Marktplein, herinrichting 2026"))
        self.author = QLineEdit(self.settings.author)
        self.organisation = QLineEdit(self.settings.organisation)
        left.addRow(tr("Title"), self.title_edit)
        left.addRow(tr("Author"), self.author)
        left.addRow(tr("Organisation"), self.organisation)
        columns.addLayout(left, 2)

        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Categories")))
        self.categories = QListWidget()
        self.categories.setMinimumWidth(180)
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.setTextElideMode(Qt.TextElideMode.ElideRight)
        right.addWidget(self.categories, 1)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(tr("All"))
        self.none_button = QPushButton(tr("None"))
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(32)
        layout.addWidget(self.message)

        for edit in (self.period_from, self.period_to, self.comparison_from, self.comparison_to):
            edit.dateChanged.connect(lambda *_: self.refresh())
        for check in self.field_boxes.values():
            check.toggled.connect(lambda *_: self._fields_changed())
        self.categories.itemChanged.connect(lambda *_: self.refresh())
        self.all_button.clicked.connect(lambda: self.check_all_categories(True))
        self.none_button.clicked.connect(lambda: self.check_all_categories(False))
        self.title_edit.textChanged.connect(lambda *_: self.refresh())

    # Filling -------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard()
        info = wizard.area_page.info if wizard is not None else None
        self.info = info
        self._fill_references()
        if info is not None and self.filled_for != info.path:
            self.fill_defaults(info)
        if not self.title_edit.text().strip() and wizard is not None:
            page = wizard.area_page
            name = page.area_label()
            if not name and page.area is not None and info is not None:
                name = buurt_name(info.path, page.area)
            self.title_edit.setText(tr("Environment scan {name}").format(name=name).strip() if name else "")
        self.refresh()

    def _fill_references(self) -> None:
        current = self.reference.currentData()
        self.reference.blockSignals(True)
        self.reference.clear()
        wizard = self.wizard()
        record = wizard.record if wizard is not None else None
        if record is not None and record.parameters.reference:
            # A re-run without REFERENCE uses the saved reference area.
            name = record.parameters.reference_name or ""
            self.reference.addItem(
                tr("The reference area of the saved scan {name}").format(name=name).strip(), ""
            )
        else:
            name = self.info.municipality if self.info is not None else ""
            self.reference.addItem(
                " ".join(tr("The municipality {name} (from the GeoPackage)").format(name=name).split()), ""
            )
        for layer in QgsProject.instance().mapLayers().values():
            if (
                isinstance(layer, QgsVectorLayer)
                and layer.geometryType() == GeometryType.Polygon
            ):
                self.reference.addItem(tr("All features of '{layer}'").format(layer=layer.name()), layer.id())
        index = self.reference.findData(current) if current else 0
        self.reference.setCurrentIndex(max(0, index))
        self.reference.blockSignals(False)

    def fill_defaults(self, info: GpkgInfo) -> None:
        """The last 12 months of data, the 12 months before, all fields and categories."""
        self.filled_for = info.path
        if info.last is not None:
            (start, end), (c_start, c_end) = default_periods(np.datetime64(info.last, "s"))
            self.set_periods(start, end, c_start, c_end)
        self.fill_categories(info, None)
        for check in self.field_boxes.values():
            check.setChecked(True)
        first = info.first.date() if info.first else None
        last = info.last.date() if info.last else None
        if first and last:
            self.data_note.setText(
                tr("The GeoPackage holds {n} incidents from {first} up to and including " "{last}.").format(
                    n=format_number(info.n_incidents, 0, decimal_sign(), group=True),
                    first=qdate(first).toString(date_format()),
                    last=qdate(last).toString(date_format()),
                )
            )

    def set_periods(self, start: Any, end: Any, c_start: Any, c_end: Any) -> None:
        """Set the periods from half-open bounds [start, end) (datetime64, date or ISO text)."""

        def first_day(value: Any) -> QDate:
            return qdate(str(np.datetime64(value, "D")))

        def last_day(value: Any) -> QDate:
            t = np.datetime64(value, "s")
            day = np.datetime64(t, "D")
            if t == day.astype("datetime64[s]"):
                day = day - np.timedelta64(1, "D")
            return qdate(str(day))

        for edit, value in (
            (self.period_from, first_day(start)),
            (self.period_to, last_day(end)),
            (self.comparison_from, first_day(c_start)),
            (self.comparison_to, last_day(c_end)),
        ):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)

    def fill_categories(self, info: Optional[GpkgInfo], checked: Optional[List[str]]) -> None:
        """The categories with incidents, ticked (all, or those in *checked*)."""
        self.categories.blockSignals(True)
        self.categories.clear()
        for code, label, fld, n in info.categories if info is not None else []:
            item = QListWidgetItem(
                tr("{code} {label} ({n})").format(
                    code=code, label=label, n=format_number(n, 0, decimal_sign(), group=True)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setData(Qt.ItemDataRole.UserRole + 1, fld)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if checked is None or code in checked else Qt.CheckState.Unchecked
            )
            item.setToolTip(f"{item.text()} – {field_label(fld)}")
            self.categories.addItem(item)
        self.categories.blockSignals(False)
        self._fields_changed()

    def load_record(self, record, info: GpkgInfo) -> None:
        """Fill the page from a saved scan (its results' parameters)."""
        self.info = info
        self.filled_for = info.path
        params = record.results.parameters if record.results is not None else ResultParameters()
        self.fill_defaults(info)
        if params.period and params.comparison:
            self.set_periods(params.period[0], params.period[1], params.comparison[0], params.comparison[1])
        fields = params.fields
        for code, check in self.field_boxes.items():
            check.blockSignals(True)
            check.setChecked(fields is None or code in fields)
            check.blockSignals(False)
        self.fill_categories(info, params.categories)
        if params.small_count_threshold:
            self.small_count.setValue(int(params.small_count_threshold))
        self.title_edit.setText(record.title or "")
        self.author.setText(record.author or "")
        self.organisation.setText(record.organisation or "")
        self._fill_references()
        self.refresh()

    def check_all_categories(self, checked: bool) -> None:
        self.categories.blockSignals(True)
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.categories.blockSignals(False)
        self.refresh()

    def _fields_changed(self) -> None:
        fields = set(self.checked_fields())
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            fld = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(bool(fld) and fld in SAFETY_FIELDS and fld not in fields)
        self.refresh()

    # Reading -------------------------------------------------------------------------------------
    def checked_fields(self) -> List[str]:
        return [code for code, check in self.field_boxes.items() if check.isChecked()]

    def checked_categories(self) -> Tuple[List[str], bool]:
        """(ticked visible categories, whether all visible ones are ticked)."""
        ticked, visible = [], 0
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            if item.isHidden():
                continue
            visible += 1
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ticked, len(ticked) == visible

    def periods(self) -> Tuple[dt.date, dt.date, dt.date, dt.date]:
        """Period and comparison period as inclusive dates (from, to, comparison from, comparison to)."""
        return (
            pydate(self.period_from.date()),
            pydate(self.period_to.date()),
            pydate(self.comparison_from.date()),
            pydate(self.comparison_to.date()),
        )

    def evaluate(self) -> Tuple[str, bool]:
        """(message, is error); '' when the page is complete."""
        p_from, p_to, c_from, c_to = self.periods()
        fmt = date_format()
        if p_to < p_from:
            return tr("The period ends before it starts: choose an end date on or after {date}.").format(
                date=qdate(p_from).toString(fmt)
            ), True
        if c_to < c_from:
            return tr(
                "The comparison period ends before it starts: choose an end date on or after {date}."
            ).format(date=qdate(c_from).toString(fmt)), True
        if c_from <= p_to and p_from <= c_to:
            return tr(
                "The comparison period overlaps the period. Choose a comparison period that ends before "
                "{date} (usually the same months one year earlier)."
            ).format(date=qdate(p_from).toString(fmt)), True
        if not self.checked_fields():
            return tr("Tick at least one safety field."), True
        ticked, _all = self.checked_categories()
        if self.categories.count() and not ticked:
            return tr("Tick at least one category (or press 'All')."), True
        if self.info is not None:
            try:
                found = incidents_between(self.info.path, p_from, p_to + dt.timedelta(days=1))
            except HotspotError as exc:
                return exc.render(tr), True
            if not found:
                first = qdate(self.info.first).toString(fmt) if self.info.first else "?"
                last = qdate(self.info.last).toString(fmt) if self.info.last else "?"
                return tr(
                    "There are no incidents in the period {start} up to and including {end}; the data run "
                    "from {first} to {last}. Choose another period."
                ).format(
                    start=qdate(p_from).toString(fmt), end=qdate(p_to).toString(fmt), first=first, last=last
                ), True
        if not self.title_edit.text().strip():
            return tr("Give the scan a title, for example the name of the location."), True
        return "", False

    def refresh(self) -> None:
        self.message_text, self.message_is_error = self.evaluate()
        self._ok = not self.message_text
        show_message(self.message, self.message_text, self.message_is_error)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self._ok

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.refresh()
        if self._ok:
            settings = Settings.load()
            if self.author.text().strip() and not settings.author:
                settings.author = self.author.text().strip()
                settings.save()
        return self._ok

    def parameters(self) -> Dict[str, Any]:
        """Periods, fields, categories, reference, threshold, title, author for the algorithm."""
        p_from, p_to, c_from, c_to = self.periods()
        ticked, all_ticked = self.checked_categories()
        fields = self.checked_fields()
        params: Dict[str, Any] = {
            "PERIOD_START": qdate(p_from),
            "PERIOD_END": qdate(p_to),
            "COMPARISON_START": qdate(c_from),
            "COMPARISON_END": qdate(c_to),
            "FIELDS": [FIELD_CODES.index(f) for f in fields],
            "CATEGORIES": "" if all_ticked else ",".join(ticked),
            "SMALL_COUNT": self.small_count.value(),
            "TITLE": self.title_edit.text().strip(),
            "AUTHOR": self.author.text().strip(),
            "ORGANISATION": self.organisation.text().strip(),
        }
        if self.reference.currentData():
            params["REFERENCE"] = self.reference.currentData()
        return params
