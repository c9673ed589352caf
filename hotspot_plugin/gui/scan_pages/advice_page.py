"""Page 4 of the environment-scan wizard: the drafted findings and their measures, editable; below
them, read-only, the measures the register of the safety GeoPackage already holds at this place
(``storage.measures.list_measures`` on the scan area; saving the scan adds its own).
"""

from __future__ import annotations

from typing import Dict, List, Optional

from qgis.gui import (
    QgsDateEdit,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...core.advice import Advice, Catalogue, ChosenMeasure, Finding, render
from ...core.errors import HotspotError
from ...core.measure_register import SOURCES, STATUSES, MeasureRecord
from ...core.numbers import format_number
from ...i18n import decimal_sign, dutch, tr
from ...storage.measures import list_measures
from .common import (
    date_format,
    pydate,
    qdate,
    show_message,
)


def priority_labels() -> Dict[int, str]:
    return {1: tr("1 – high"), 2: tr("2 – medium"), 3: tr("3 – low")}


class AdvicePage(QWizardPage):
    """The findings (editable, own ones added, removed) and per finding its measures: from the
    catalogue or free text, with priority, owner and due date, in the user's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("4. " + tr("Findings and measures"))
        self.setSubTitle(tr("Check the drafted findings, add your own, and choose the measures per finding."))
        self._building = False
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        # findings
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.findings = QTableWidget(0, 3)
        self.findings.setHorizontalHeaderLabels(
            [tr("Priority"), tr("Finding (double-click to edit)"), tr("Key (score)")]
        )
        self.findings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.findings.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.verticalHeader().setVisible(False)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.setWordWrap(True)
        top_layout.addWidget(self.findings, 1)
        row = QHBoxLayout()
        self.new_finding = QLineEdit()
        self.new_finding.setPlaceholderText(
            tr("Your own finding, e.g. 'Residents avoid the tunnel after dark'")
        )
        self.add_finding_button = QPushButton(tr("Add finding"))
        self.remove_finding_button = QPushButton(tr("Remove finding"))
        row.addWidget(self.new_finding, 1)
        row.addWidget(self.add_finding_button)
        row.addWidget(self.remove_finding_button)
        top_layout.addLayout(row)
        splitter.addWidget(top)
        # measures
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.measures_title = QLabel()
        font = self.measures_title.font()
        font.setBold(True)
        self.measures_title.setFont(font)
        self.measures_title.setWordWrap(True)
        bottom_layout.addWidget(self.measures_title)
        self.measures = QTableWidget(0, 4)
        self.measures.setHorizontalHeaderLabels([tr("Priority"), tr("Measure"), tr("Owner"), tr("Ready by")])
        header = self.measures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.measures.setColumnWidth(2, 140)
        self.measures.setColumnWidth(3, 160)
        self.measures.verticalHeader().setVisible(False)
        self.measures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.measures.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        bottom_layout.addWidget(self.measures, 1)
        add_row = QHBoxLayout()
        self.catalogue_combo = QComboBox()
        self.catalogue_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.catalogue_combo.setMinimumContentsLength(18)
        self.add_measure_button = QPushButton(tr("Add"))
        self.own_measure = QLineEdit()
        self.own_measure.setPlaceholderText(tr("or describe your own measure"))
        self.add_own_button = QPushButton(tr("Add own"))
        add_row.addWidget(self.catalogue_combo, 2)
        add_row.addWidget(self.add_measure_button)
        add_row.addWidget(self.own_measure, 2)
        add_row.addWidget(self.add_own_button)
        bottom_layout.addLayout(add_row)
        order_row = QHBoxLayout()
        self.up_button = QPushButton(tr("Move up"))
        self.down_button = QPushButton(tr("Move down"))
        self.remove_measure_button = QPushButton(tr("Remove measure"))
        order_row.addWidget(self.up_button)
        order_row.addWidget(self.down_button)
        order_row.addStretch(1)
        order_row.addWidget(self.remove_measure_button)
        bottom_layout.addLayout(order_row)
        splitter.addWidget(bottom)
        splitter.setSizes([220, 280])
        layout.addWidget(splitter, 1)
        layout.addWidget(self._register_box())
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.findings.itemSelectionChanged.connect(self.fill_measures)
        self.findings.itemChanged.connect(self._finding_edited)
        self.add_finding_button.clicked.connect(lambda: self.add_finding(self.new_finding.text()))
        self.new_finding.returnPressed.connect(lambda: self.add_finding(self.new_finding.text()))
        self.remove_finding_button.clicked.connect(lambda: self.remove_finding())
        self.add_measure_button.clicked.connect(
            lambda: self.add_catalogue_measure(self.catalogue_combo.currentData())
        )
        self.add_own_button.clicked.connect(lambda: self.add_own_measure(self.own_measure.text()))
        self.own_measure.returnPressed.connect(lambda: self.add_own_measure(self.own_measure.text()))
        self.remove_measure_button.clicked.connect(lambda: self.remove_measure())
        self.up_button.clicked.connect(lambda: self.move_measure(-1))
        self.down_button.clicked.connect(lambda: self.move_measure(1))
        self.measures.itemChanged.connect(self._measure_edited)

    def _register_box(self) -> QWidget:
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self.register_title = QLabel()
        self.register_title.setWordWrap(True)
        box_layout.addWidget(self.register_title)
        self.register = QTableWidget(0, 5)
        self.register.setHorizontalHeaderLabels(
            [tr("Measure"), tr("Status"), tr("Start"), tr("Owner"), tr("Registered from")]
        )
        header = self.register.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.register.verticalHeader().setVisible(False)
        self.register.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.register.setToolTip(tr("Edit the register in QGIS: the layer 'measures' of the safety GeoPackage."))
        box_layout.addWidget(self.register)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return box

    # The measures register ---------------------------------------------------------------------------
    def registered_measures(self) -> List[MeasureRecord]:
        """The register's measures whose location meets the scan area (none without a record)."""
        wizard = self.wizard()
        record = wizard.record if wizard is not None else None
        if record is None or record.area is None or not wizard.gpkg_path():
            return []
        try:
            return list_measures(wizard.gpkg_path(), area=record.area)
        except HotspotError:
            return []

    def fill_register(self) -> None:
        """The read-only table of the measures already registered at this place."""
        measures = self.registered_measures()
        record = self.wizard().record if self.wizard() is not None else None
        own = record.uuid if record is not None else ""
        self.register.setRowCount(len(measures))
        for row, m in enumerate(measures):
            origin = tr("this scan") if own and m.scan_uuid == own else tr(SOURCES.get(m.source, m.source or "–"))
            start = qdate(m.start_date).toString(date_format()) if m.start_date else "–"
            values = [m.title or m.measure_id, tr(STATUSES.get(m.status, m.status)), start,
                      self.owner_text(m.owner), origin]
            for column, value in enumerate(values):
                self.register.setItem(row, column, QTableWidgetItem(value))
        self.register.setVisible(bool(measures))
        # as high as its rows (at most 4 without scrolling)
        rows = max(1, min(4, len(measures)))
        self.register.setMaximumHeight(self.register.horizontalHeader().sizeHint().height()
                                       + rows * self.register.verticalHeader().defaultSectionSize() + 4)
        if measures:
            self.register_title.setText(tr("Measures at this place in the measures register ({n}):").format(
                n=len(measures)))
        else:
            self.register_title.setText(tr("Measures at this place: none in the measures register yet. Saving "
                                           "the scan registers its measures."))

    def owner_text(self, owner: str) -> str:
        label = self.catalogue.owners.get(owner) if owner else None
        if label:
            return label.get("nl" if dutch() else "en") or label.get("nl") or owner
        return owner or "–"

    # Helpers -------------------------------------------------------------------------------------
    @property
    def advice(self) -> Advice:
        return self.wizard().advice

    @property
    def catalogue(self) -> Catalogue:
        return self.wizard().catalogue()

    def threshold(self) -> Optional[int]:
        record = self.wizard().record
        try:
            return int(record.results.parameters.small_count_threshold)
        except (TypeError, ValueError, AttributeError):
            return None

    def finding_text(self, finding: Finding) -> str:
        return render(finding, tr, decimal=decimal_sign(), threshold=self.threshold())

    def measure_title(self, measure: ChosenMeasure) -> str:
        return measure.title(self.catalogue, "nl" if dutch() else "en")

    def _changed(self) -> None:
        self.wizard().mark_dirty()

    def show_error(self, text: str) -> None:
        show_message(self.message, text, True)

    def clear_message(self) -> None:
        self.message.setText("")

    # Findings ------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.fill_findings()
        self.fill_register()

    def current_finding(self) -> Optional[Finding]:
        rows = self.findings.selectionModel().selectedRows() if self.findings.selectionModel() else []
        if not rows:
            return None
        index = rows[0].row()
        return self.advice.findings[index] if 0 <= index < len(self.advice.findings) else None

    def select_finding(self, index: int) -> None:
        if 0 <= index < self.findings.rowCount():
            self.findings.selectRow(index)
        self.fill_measures()

    def fill_findings(self, select: int = 0) -> None:
        self._building = True
        advice = self.advice
        self.findings.setRowCount(0)
        self.findings.setRowCount(len(advice.findings))
        labels = priority_labels()
        for row, finding in enumerate(advice.findings):
            combo = QComboBox()
            for p in (1, 2, 3):
                combo.addItem(labels[p], p)
            combo.setCurrentIndex(combo.findData(int(finding.priority or 2)))
            combo.currentIndexChanged.connect(
                lambda _i, f=finding, c=combo: self._finding_priority(f, c.currentData())
            )
            self.findings.setCellWidget(row, 0, combo)
            item = QTableWidgetItem(self.finding_text(finding))
            item.setToolTip(self.finding_text(finding))
            self.findings.setItem(row, 1, item)
            self.findings.setItem(row, 2, self._key_item(finding))
        self.findings.resizeRowsToContents()
        self._building = False
        self.remove_finding_button.setEnabled(bool(advice.findings))
        if advice.findings:
            self.select_finding(min(max(0, select), len(advice.findings) - 1))
        else:
            self.fill_measures()

    def _key_item(self, finding: Finding) -> QTableWidgetItem:
        """"key (score)" for a key finding, the score alone for the others, "–" without a test."""
        score = "–" if finding.score is None else format_number(finding.score, 2, decimal_sign())
        text = tr("key ({score})").format(score=score) if finding.key else score
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(
            tr("Key findings (at most 7) open the report's conclusions; score = effect size x certainty x harm weight.")
        )
        return item

    def _finding_priority(self, finding: Finding, priority: int) -> None:
        if priority in (1, 2, 3) and finding.priority != priority:
            finding.priority = int(priority)
            self._changed()

    def _finding_edited(self, item: QTableWidgetItem) -> None:
        if self._building or item.column() != 1:
            return
        row = item.row()
        if not 0 <= row < len(self.advice.findings):
            return
        self.edit_finding(row, item.text())

    def edit_finding(self, index: int, text: str) -> bool:
        """Replace the text of finding *index*; an edited drafted finding keeps its id, field and
        evidence, and becomes the user's text (its rule and text are kept in the evidence)."""
        finding = self.advice.findings[index]
        text = str(text).strip()
        if not text:
            self.show_error(tr("A finding needs a text; remove it if it does not apply."))
            self.fill_findings(index)
            return False
        if text == self.finding_text(finding):
            return True
        if finding.rule != "user":
            finding.evidence = dict(finding.evidence or {})
            finding.evidence.setdefault("drafted_rule", finding.rule)
            finding.evidence.setdefault("drafted_text", self.finding_text(finding))
            finding.rule = "user"
            finding.params = {}
        finding.template = text
        self.clear_message()
        self._changed()
        self._building = True
        item = self.findings.item(index, 1)
        if item is not None and item.text() != text:
            item.setText(text)
        self._building = False
        return True

    def add_finding(self, text: str) -> Optional[Finding]:
        try:
            finding = self.advice.add_finding(text, priority=2)
        except HotspotError as exc:
            self.show_error(exc.render(tr))
            return None
        self.new_finding.clear()
        self.clear_message()
        self._changed()
        self.fill_findings(len(self.advice.findings) - 1)
        return finding

    def remove_finding(self, index: Optional[int] = None) -> None:
        """Remove a finding (default: the selected one) and the measures that were only for it."""
        if index is None:
            rows = self.findings.selectionModel().selectedRows()
            if not rows:
                return
            index = rows[0].row()
        finding = self.advice.findings[index]
        orphans = [m for m in self.advice.measures if m.finding_ids == [finding.id]]
        self.advice.remove_finding(finding.id)
        self.advice.measures = [m for m in self.advice.measures if not any(m is o for o in orphans)]
        self._changed()
        self.fill_findings(index)

    # Measures ------------------------------------------------------------------------------------
    def visible_measures(self) -> List[ChosenMeasure]:
        finding = self.current_finding()
        if finding is None:
            return []
        return self.advice.measures_for(finding.id)

    def fill_measures(self) -> None:
        finding = self.current_finding()
        self._building = True
        measures = self.visible_measures()
        self.measures.setRowCount(0)
        self.measures.setRowCount(len(measures))
        owners = self.catalogue.owners
        lang = "nl" if dutch() else "en"
        labels = priority_labels()
        for row, m in enumerate(measures):
            combo = QComboBox()
            for p in (1, 2, 3):
                combo.addItem(labels[p], p)
            combo.setCurrentIndex(combo.findData(int(m.priority)))
            combo.currentIndexChanged.connect(
                lambda _i, mm=m, c=combo: self.set_priority(mm, c.currentData())
            )
            self.measures.setCellWidget(row, 0, combo)
            item = QTableWidgetItem(self.measure_title(m))
            if m.measure_id and not m.text and m.measure_id in self.catalogue.measures:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(self.catalogue.measures[m.measure_id].description(lang))
            else:
                item.setToolTip(tr("Your own measure: double-click to edit."))
            self.measures.setItem(row, 1, item)
            owner = QComboBox()
            owner.setEditable(True)
            for code, label in owners.items():
                owner.addItem(label.get(lang) or label.get("nl") or code, code)
            index = owner.findData(m.owner)
            if index >= 0:
                owner.setCurrentIndex(index)
            else:
                owner.setEditText(m.owner)
            owner.setMinimumWidth(130)
            owner.currentTextChanged.connect(lambda text, mm=m, c=owner: self.set_owner(mm, c, text))
            self.measures.setCellWidget(row, 2, owner)
            due = QgsDateEdit()
            due.setAllowNull(True)
            due.setCalendarPopup(True)
            due.setDisplayFormat(date_format())
            due.setMinimumWidth(125)
            due.setNullRepresentation("–")
            if m.due_date:
                due.setDate(qdate(m.due_date))
            else:
                due.clear()
            due.dateValueChanged.connect(lambda value, mm=m, d=due: self.set_due(mm, d))
            self.measures.setCellWidget(row, 3, due)
        self._building = False
        if finding is None:
            self.measures_title.setText(tr("Measures: choose a finding above."))
        else:
            self.measures_title.setText(tr("Measures for: {finding}").format(finding=self._short(finding)))
        self.fill_catalogue_combo(finding)
        for widget in (self.catalogue_combo, self.add_measure_button, self.own_measure, self.add_own_button):
            widget.setEnabled(finding is not None)
        has = bool(measures)
        for widget in (self.up_button, self.down_button, self.remove_measure_button):
            widget.setEnabled(has)
        if has and not self.measures.selectionModel().selectedRows():
            self.measures.selectRow(0)

    def _short(self, finding: Finding, length: int = 110) -> str:
        text = self.finding_text(finding)
        return text if len(text) <= length else text[: length - 1] + "…"

    def fill_catalogue_combo(self, finding: Optional[Finding]) -> None:
        """The catalogue measures: the ones proposed for the finding first, then the rest."""
        self.catalogue_combo.clear()
        if finding is None:
            return
        lang = "nl" if dutch() else "en"
        chosen = {m.measure_id for m in self.advice.measures_for(finding.id)}
        proposed = [mid for mid in finding.measures if mid in self.catalogue.measures and mid not in chosen]
        for mid in proposed:
            self.catalogue_combo.addItem("★ " + self.catalogue.measures[mid].title(lang), mid)
        rest = [mid for mid in self.catalogue.measures if mid not in chosen and mid not in proposed]
        if proposed and rest:
            self.catalogue_combo.insertSeparator(self.catalogue_combo.count())
        for mid in rest:
            self.catalogue_combo.addItem(self.catalogue.measures[mid].title(lang), mid)
        self.catalogue_combo.setToolTip(tr("★ = proposed for this finding"))

    def current_measure(self) -> Optional[ChosenMeasure]:
        rows = self.measures.selectionModel().selectedRows() if self.measures.selectionModel() else []
        measures = self.visible_measures()
        if not rows or not 0 <= rows[0].row() < len(measures):
            return None
        return measures[rows[0].row()]

    def add_catalogue_measure(self, measure_id: Optional[str]) -> Optional[ChosenMeasure]:
        finding = self.current_finding()
        if finding is None or not measure_id:
            return None
        existing = next((m for m in self.advice.measures if m.measure_id == measure_id and not m.text), None)
        if existing is not None:
            if finding.id not in existing.finding_ids:
                existing.finding_ids.append(finding.id)
            measure = existing
        else:
            owners = (
                self.catalogue.measures[measure_id].owners if measure_id in self.catalogue.measures else ()
            )
            try:
                measure = self.advice.add_measure(
                    measure_id=measure_id,
                    priority=int(finding.priority or 2),
                    owner=owners[0] if owners else "",
                    finding_ids=[finding.id],
                    catalogue=self.catalogue,
                )
            except HotspotError as exc:
                self.show_error(exc.render(tr))
                return None
        self.clear_message()
        self._changed()
        self.fill_measures()
        self._select_measure(measure)
        return measure

    def add_own_measure(self, text: str) -> Optional[ChosenMeasure]:
        finding = self.current_finding()
        if finding is None:
            self.show_error(tr("Choose the finding the measure is for."))
            return None
        try:
            measure = self.advice.add_measure(
                text=text, priority=int(finding.priority or 2), finding_ids=[finding.id]
            )
        except HotspotError as exc:
            self.show_error(exc.render(tr))
            return None
        self.own_measure.clear()
        self.clear_message()
        self._changed()
        self.fill_measures()
        self._select_measure(measure)
        return measure

    def _select_measure(self, measure: ChosenMeasure) -> None:
        for row, m in enumerate(self.visible_measures()):
            if m is measure:
                self.measures.selectRow(row)

    def remove_measure(self, measure: Optional[ChosenMeasure] = None) -> None:
        """Take the measure away from the current finding (removed when it serves no other finding)."""
        measure = measure or self.current_measure()
        finding = self.current_finding()
        if measure is None or finding is None:
            return
        if len(measure.finding_ids) > 1:
            measure.finding_ids = [i for i in measure.finding_ids if i != finding.id]
        else:
            self.advice.measures = [m for m in self.advice.measures if m is not measure]
        self._changed()
        self.fill_measures()

    def move_measure(self, step: int, measure: Optional[ChosenMeasure] = None) -> None:
        """Move a measure up (-1) or down (1) among the measures of the current finding."""
        measure = measure or self.current_measure()
        visible = self.visible_measures()
        if measure is None or measure not in visible:
            return
        pos = next(i for i, m in enumerate(visible) if m is measure)
        other_pos = pos + step
        if not 0 <= other_pos < len(visible):
            return
        items = self.advice.measures
        a = next(i for i, m in enumerate(items) if m is measure)
        b = next(i for i, m in enumerate(items) if m is visible[other_pos])
        items[a], items[b] = items[b], items[a]
        self._changed()
        self.fill_measures()
        self._select_measure(measure)

    def set_priority(self, measure: ChosenMeasure, priority: int) -> None:
        if priority in (1, 2, 3) and measure.priority != priority:
            measure.priority = int(priority)
            self._changed()

    def set_owner(self, measure: ChosenMeasure, combo: QComboBox, text: str) -> None:
        if self._building:
            return
        index = combo.findText(text)
        value = combo.itemData(index) if index >= 0 else text.strip()
        if measure.owner != value:
            measure.owner = value or ""
            self._changed()

    def set_due(self, measure: ChosenMeasure, edit: QgsDateEdit) -> None:
        if self._building:
            return
        value = None if edit.isNull() else pydate(edit.date()).isoformat()
        if measure.due_date != value:
            measure.due_date = value
            self._changed()

    def _measure_edited(self, item: QTableWidgetItem) -> None:
        if self._building or item.column() != 1:
            return
        measures = self.visible_measures()
        if not 0 <= item.row() < len(measures):
            return
        measure = measures[item.row()]
        text = item.text().strip()
        if not text:
            self.show_error(tr("A measure needs a text; remove it if it does not apply."))
            self.fill_measures()
            return
        if text != self.measure_title(measure):
            measure.text = text
            self._changed()
