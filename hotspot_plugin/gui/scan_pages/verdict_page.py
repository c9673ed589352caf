"""Page 5 of the environment-scan wizard: the verdict (core.verdict).

What is judged (a place, or a plan with its drawing as a layer of the project or a file), the
design principles (CPTED) scored yes / partly / no with a remark, the decision (no verdict yet,
positive, positive under conditions, negative) and the conditions, one per line. Every edit goes
to the wizard's :attr:`~..scan_wizard.ScanWizard.verdict` and marks the wizard dirty; the verdict is
checked (core.verdict.Verdict.validate) when the user goes on and when the scan is saved.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsProviderRegistry, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...compat import LayerFilter
from ...core.errors import HotspotError
from ...core.verdict import (
    DECISIONS,
    NEGATIVE,
    PLACE,
    PLAN,
    PRINCIPLES,
    SCORES,
    PrincipleScore,
    Verdict,
    condition_lines,
)
from ...i18n import tr
from .common import show_message

#: The decision radio buttons in order: "" is "no verdict yet".
DECISION_ORDER: Tuple[str, ...] = ("", *DECISIONS)
#: The scores in the combo boxes, in order ("" is "not scored").
SCORE_ORDER: Tuple[str, ...] = ("", "yes", "partly", "no")


def file_layers(path: str) -> List[str]:
    """The vector layer names in the file *path* (empty when it cannot be read)."""
    names = []
    try:
        for sub in QgsProviderRegistry.instance().querySublayers(path):
            if sub.providerKey() == "ogr" and sub.name():
                names.append(sub.name())
    except AttributeError:  # pragma: no cover - QGIS before 3.22
        pass
    return names


def layer_source(layer: QgsVectorLayer) -> Tuple[str, str]:
    """(file path, layer name) of a project layer read by OGR; (source, "") for another provider."""
    if layer.providerType() == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        return str(parts.get("path") or layer.source()), str(parts.get("layerName") or "")
    return layer.source(), ""


class VerdictPage(QWizardPage):
    """The verdict: subject, CPTED scores, decision and conditions (see the module docstring)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("5. " + tr("Verdict"))
        self.setSubTitle(
            tr("Judge the plan or place: score the design principles, choose the advice and write its conditions.")
        )
        self._loading = False
        # The page scrolls inside the wizard rather than growing it past a 1280 x 800 screen.
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        subject_box = QGroupBox(tr("What is judged"))
        grid = QGridLayout(subject_box)
        self.place_radio = QRadioButton(tr("A place (the scan area as it is)"))
        self.plan_radio = QRadioButton(tr("A plan (a design for the area)"))
        self.place_radio.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.place_radio)
        kinds.addWidget(self.plan_radio)
        kinds.addStretch(1)
        grid.addLayout(kinds, 0, 0, 1, 4)
        grid.addWidget(QLabel(tr("Description")), 1, 0)
        self.description = QLineEdit()
        self.description.setPlaceholderText(tr("e.g. Redesign of the Marktplein, design of 12 March"))
        grid.addWidget(self.description, 1, 1, 1, 3)
        self.plan_label = QLabel(tr("Plan drawing"))
        grid.addWidget(self.plan_label, 2, 0)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(LayerFilter.VectorLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        self.layer_combo.setToolTip(tr("A layer of the project with the plan drawing"))
        grid.addWidget(self.layer_combo, 2, 1)
        self.plan_file = QgsFileWidget()
        self.plan_file.setFilter(tr("Vector files") + " (*.gpkg *.shp *.geojson *.json *.dxf *.kml);;* (*)")
        self.plan_file.setDialogTitle(tr("The plan drawing"))
        self.plan_file.setToolTip(tr("…or a file with the plan drawing"))
        grid.addWidget(self.plan_file, 2, 2)
        self.file_layer = QComboBox()
        self.file_layer.setToolTip(tr("The layer of the file"))
        grid.addWidget(self.file_layer, 2, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addWidget(subject_box)

        self.table = QTableWidget(len(PRINCIPLES), 3)
        self.table.setHorizontalHeaderLabels([tr("Principle"), tr("Score"), tr("Remark")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.score_combos: List[QComboBox] = []
        for row, p in enumerate(PRINCIPLES):
            item = QTableWidgetItem(tr(p.label))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(tr(p.question))
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            for score in SCORE_ORDER:
                combo.addItem(tr(SCORES[score]) if score else "–", score)
            combo.currentIndexChanged.connect(lambda *_: self._edited())
            self.table.setCellWidget(row, 1, combo)
            self.score_combos.append(combo)
            self.table.setItem(row, 2, QTableWidgetItem(""))
        self.table.itemChanged.connect(lambda *_: self._edited())
        self.table.setMinimumHeight(self.table.verticalHeader().length() + header.height() + 6)
        principles_box = QGroupBox(tr("Design principles (CPTED)"))
        principles_layout = QVBoxLayout(principles_box)
        principles_layout.addWidget(self.table)
        layout.addWidget(principles_box)

        decision_box = QGroupBox(tr("Advice"))
        decision_layout = QGridLayout(decision_box)
        self.decision_group = QButtonGroup(self)
        self.decision_radios: List[QRadioButton] = []
        labels = [tr("No verdict yet (the report is a concept)")] + [
            tr(DECISIONS[d])[:1].upper() + tr(DECISIONS[d])[1:] for d in DECISIONS
        ]
        row_of_radios = QHBoxLayout()
        for k, label in enumerate(labels):
            radio = QRadioButton(label)
            self.decision_group.addButton(radio, k)
            self.decision_radios.append(radio)
            row_of_radios.addWidget(radio)
        row_of_radios.addStretch(1)
        self.decision_radios[0].setChecked(True)
        decision_layout.addLayout(row_of_radios, 0, 0, 1, 2)
        self.conditions_label = QLabel(tr("Conditions (one per line)"))
        self.conditions = QPlainTextEdit()
        self.conditions.setPlaceholderText(
            tr("e.g. Light the cycle path evenly") + "\n" + tr("Keep hedges along the path below 1 m")
        )
        self.motivation_label = QLabel(tr("Motivation"))
        self.motivation = QPlainTextEdit()
        for edit in (self.conditions, self.motivation):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(72)
        decision_layout.addWidget(self.conditions_label, 1, 0)
        decision_layout.addWidget(self.motivation_label, 1, 1)
        decision_layout.addWidget(self.conditions, 2, 0)
        decision_layout.addWidget(self.motivation, 2, 1)
        layout.addWidget(decision_box)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

        for signal in (self.place_radio.toggled, self.decision_group.buttonClicked):
            signal.connect(lambda *_: self._edited())
        self.description.textEdited.connect(lambda *_: self._edited())
        self.conditions.textChanged.connect(self._edited)
        self.motivation.textChanged.connect(self._edited)
        self.layer_combo.layerChanged.connect(self._layer_chosen)
        self.plan_file.fileChanged.connect(self._file_chosen)
        self.file_layer.currentIndexChanged.connect(lambda *_: self._edited())
        self._plan_source = ("", "")
        self._update_enabled()

    # ---- the plan drawing ------------------------------------------------------------------------
    def _layer_chosen(self, layer) -> None:
        if self._loading:
            return
        if isinstance(layer, QgsVectorLayer):
            self._loading = True
            try:
                self.plan_file.setFilePath("")
                self.file_layer.clear()
            finally:
                self._loading = False
            self._plan_source = layer_source(layer)
        else:
            self._plan_source = ("", "")
        self._edited()

    def _file_chosen(self, path: str) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self.layer_combo.setLayer(None)
            self.file_layer.clear()
            for name in file_layers(path) if path else []:
                self.file_layer.addItem(name)
        finally:
            self._loading = False
        self._plan_source = (path, "") if path else ("", "")
        self._edited()

    def plan_source(self) -> Tuple[str, str]:
        """(source, layer name) of the plan drawing chosen ("", "") when none."""
        source, layer = self._plan_source
        if source and self.plan_file.filePath() and self.file_layer.count():
            layer = self.file_layer.currentText()
        return source, layer

    # ---- reading and writing the verdict ---------------------------------------------------------
    def decision(self) -> str:
        return DECISION_ORDER[max(0, self.decision_group.checkedId())]

    def current(self) -> Optional[Verdict]:
        """The verdict as the page shows it (not checked); None for "no verdict yet"."""
        decision = self.decision()
        if not decision:
            return None
        plan = self.plan_radio.isChecked()
        source, layer = self.plan_source() if plan else ("", "")
        scores = []
        for row, p in enumerate(PRINCIPLES):
            remark = self.table.item(row, 2)
            scores.append(PrincipleScore(p.key, self.score_combos[row].currentData() or "",
                                         (remark.text() if remark is not None else "").strip()))
        return Verdict(
            decision=decision,
            conditions=condition_lines(self.conditions.toPlainText()),
            motivation=self.motivation.toPlainText().strip(),
            subject=PLAN if plan else PLACE,
            description=self.description.text().strip(),
            plan_source=source,
            plan_layer=layer,
            scores=scores,
        )

    def load(self, verdict: Optional[Verdict]) -> None:
        """Show *verdict* (None: no verdict yet)."""
        self._loading = True
        try:
            v = verdict or Verdict()
            self.decision_radios[DECISION_ORDER.index(verdict.decision) if verdict else 0].setChecked(True)
            (self.plan_radio if v.subject == PLAN else self.place_radio).setChecked(True)
            self.description.setText(v.description)
            self.layer_combo.setLayer(None)
            self.plan_file.setFilePath(v.plan_source if v.plan_source else "")
            self.file_layer.clear()
            if v.plan_source:
                names = file_layers(v.plan_source) or ([v.plan_layer] if v.plan_layer else [])
                self.file_layer.addItems(names)
                if v.plan_layer in names:
                    self.file_layer.setCurrentIndex(names.index(v.plan_layer))
            self._plan_source = (v.plan_source, v.plan_layer)
            for row, p in enumerate(PRINCIPLES):
                score = v.score_of(p.key)
                self.score_combos[row].setCurrentIndex(SCORE_ORDER.index(score.score))
                self.table.item(row, 2).setText(score.remark)
            self.conditions.setPlainText("\n".join(v.conditions))
            self.motivation.setPlainText(v.motivation)
        finally:
            self._loading = False
        self._update_enabled()

    def _update_enabled(self) -> None:
        plan = self.plan_radio.isChecked()
        for widget in (self.plan_label, self.layer_combo, self.plan_file, self.file_layer):
            widget.setEnabled(plan)
        decision = self.decision()
        self.conditions.setEnabled(bool(decision))
        self.motivation.setEnabled(bool(decision))
        self.conditions_label.setText(
            tr("What the plan must change (one per line)") if decision == NEGATIVE else tr("Conditions (one per line)")
        )

    def _edited(self) -> None:
        self._update_enabled()
        if self._loading:
            return
        wizard = self.wizard()
        if wizard is None:
            return
        wizard.verdict = self.current()
        wizard.mark_dirty()
        self.message.setText("")

    # ---- QWizardPage ------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.load(self.wizard().verdict)
        self.message.setText("")

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Go on only with a verdict an advice can state (or none)."""
        verdict = self.current()
        try:
            if verdict is not None:
                verdict.validate()
        except HotspotError as exc:
            show_message(self.message, exc.render(tr), True)
            return False
        return True
