"""The "Import incidents" dialog: which column is what, which labels are which category.

It reads the file's header (and, for the category column, its distinct labels), shows every
role with the guessed source column in a combo box the user can change, lists the category
labels the safety GeoPackage does not know with their number of rows (each with a combo box
of codes: chosen ones go along as CATEGORY_MAP and are kept as category aliases), and runs
hotspot:importincidents by id as a background task with progress and Cancel.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.categories import build_lookup, resolve
from ..core.csv_source import ENCODINGS, is_csv_path, read_csv, read_header
from ..core.errors import HotspotError
from ..core.import_columns import ROLE_LABELS, ROLES, guess_mapping
from ..i18n import dutch, tr
from ..settings import Settings
from ..storage import gpkg
from .tasks import RecordingFeedback, TaskDialogMixin

ALGORITHM_ID = "hotspot:importincidents"
#: role -> parameter of hotspot:importincidents
ROLE_PARAMS = {"date": "DATE_FIELD", "time": "TIME_FIELD", "end_date": "END_DATE_FIELD",
               "end_time": "END_TIME_FIELD", "category": "CATEGORY_FIELD", "x": "X_FIELD", "y": "Y_FIELD",
               "weight": "WEIGHT_FIELD", "source_id": "SOURCE_ID_FIELD", "description": "DESCRIPTION_FIELD",
               "street": "STREET_FIELD", "house_number": "HOUSE_NUMBER_FIELD", "postcode": "POSTCODE_FIELD"}
_open: Dict[str, "ImportDialog"] = {}


def source_columns(path: str, encoding: str = "auto") -> List[str]:
    """The column names of a file (a CSV read by core.csv_source, anything else by OGR)."""
    if is_csv_path(path):
        return read_header(path, encoding)[0]
    layer = QgsVectorLayer(path, "import", "ogr")
    return layer.fields().names() if layer.isValid() else []


def category_labels(path: str, column: str, encoding: str = "auto") -> Counter:
    """label -> number of rows of one column of the file."""
    if not column:
        return Counter()
    if is_csv_path(path):
        values = read_csv(path, {"c": column}, encoding).columns["c"]
        return Counter(str(v).strip() for v in values if v is not None)
    layer = QgsVectorLayer(path, "import", "ogr")
    index = layer.fields().lookupField(column)
    if index < 0:
        return Counter()
    return Counter(str(f.attribute(index)).strip() for f in layer.getFeatures()
                   if f.attribute(index) is not None and str(f.attribute(index)).strip())


class ImportDialog(TaskDialogMixin, QDialog):
    """Choose the file, check the guessed columns and categories, import as a task."""

    def __init__(self, parent=None, path: str = "", gpkg_path: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Import incidents"))
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.context = self.feedback = None
        self.last_results: Optional[dict] = None
        self.settings = Settings.load()
        self.combos: Dict[str, QComboBox] = {}
        self.label_combos: Dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file = QgsFileWidget()
        self.file.setFilter(tr("Incident files (*.csv *.txt *.tsv *.xlsx *.ods *.gpkg *.shp *.geojson);;All files (*)"))
        self.gpkg = QgsFileWidget()
        self.gpkg.setFilter(tr("GeoPackage (*.gpkg)"))
        self.gpkg.setFilePath(gpkg_path or self.settings.last_gpkg)
        self.encoding = QComboBox()
        self.encoding.addItems(list(ENCODINGS))
        self.crs = QgsProjectionSelectionWidget()
        self.crs.setOptionVisible(QgsProjectionSelectionWidget.CrsOption.CrsNotSet, True)
        self.crs.setCrs(QgsCoordinateReferenceSystem())
        form.addRow(tr("Incidents file"), self.file)
        form.addRow(tr("Safety GeoPackage"), self.gpkg)
        form.addRow(tr("Encoding (CSV)"), self.encoding)
        form.addRow(tr("CRS of the x/y columns (empty: guessed)"), self.crs)
        self.keep_outside = QCheckBox(tr("Also import incidents outside the study area (the buurten/wijken in the "
                                         "GeoPackage)"))
        self.keep_outside.setToolTip(tr("When the GeoPackage holds areas (buurten/wijken), an incident inside the "
                                        "Netherlands or Belgium but outside all of them is rejected as outside the "
                                        "study area. Tick this to import such incidents anyway. Without areas every "
                                        "incident in NL/BE is imported."))
        form.addRow("", self.keep_outside)
        layout.addLayout(form)
        box = QGroupBox(tr("Columns (guessed from their names: change where needed)"))
        grid = QGridLayout(box)
        for k, role in enumerate(ROLES):
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._category_changed if role == "category" else lambda *_: None)
            self.combos[role] = combo
            grid.addWidget(QLabel(tr(ROLE_LABELS[role])), k // 2, 2 * (k % 2))
            grid.addWidget(combo, k // 2, 2 * (k % 2) + 1)
        layout.addWidget(box)
        self.labels_box = QGroupBox(tr("Category labels the GeoPackage does not know (rows): choose a category "
                                       "to map them, or leave them to be rejected"))
        self.labels_table = QTableWidget(0, 3)
        self.labels_table.setHorizontalHeaderLabels([tr("Label"), tr("Rows"), tr("Category")])
        self.labels_table.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(self.labels_box).addWidget(self.labels_table)
        layout.addWidget(self.labels_box)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Import"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.close_button = QPushButton(tr("Close"))
        for b in (self.run_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.cancel_button.setEnabled(False)
        self.file.fileChanged.connect(lambda _p: self.read_file())
        self.gpkg.fileChanged.connect(lambda _p: self._category_changed())
        self.encoding.currentIndexChanged.connect(lambda _i: self.read_file())
        if path:
            self.file.setFilePath(path)
            self.read_file()

    # Reading the file ------------------------------------------------------------------------
    def read_file(self) -> None:
        """Fill the column combo boxes from the file's header, each set to its guess."""
        path = self.file.filePath()
        try:
            names = source_columns(path, self.encoding.currentText()) if path else []
        except (OSError, HotspotError) as exc:
            self.show_error(str(exc))
            names = []
        guessed = guess_mapping(names)
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", "")
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(role, ""))))
            combo.blockSignals(False)
        if names:
            self.status.setStyleSheet("")
            self.status.setText(tr("{n} columns read; {g} of them guessed.").format(n=len(names), g=len(guessed)))
        self._category_changed()

    def mapping(self) -> Dict[str, str]:
        """role -> chosen column ('' when none)."""
        return {role: combo.currentData() or "" for role, combo in self.combos.items()}

    def _category_changed(self, *_args) -> None:
        """List the labels of the category column that the GeoPackage cannot place."""
        self.labels_table.setRowCount(0)
        self.label_combos.clear()
        path, column, target = self.file.filePath(), self.mapping().get("category", ""), self.gpkg.filePath()
        if not (path and column and target and Path(target).exists()):
            return
        try:
            con = gpkg.connect(target)
            try:
                categories = gpkg.read_categories(con)
                lookup = build_lookup(categories, gpkg.read_aliases(con))
            finally:
                con.close()
            counts = category_labels(path, column, self.encoding.currentText())
        except (OSError, HotspotError) as exc:
            self.show_error(str(exc))
            return
        unknown = [(label, n) for label, n in counts.most_common() if resolve(label, lookup) is None]
        in_dutch = dutch()
        for label, n in unknown:
            r = self.labels_table.rowCount()
            self.labels_table.insertRow(r)
            self.labels_table.setItem(r, 0, QTableWidgetItem(label))
            self.labels_table.setItem(r, 1, QTableWidgetItem(str(n)))
            combo = QComboBox()
            combo.addItem(tr("(reject these rows)"), "")
            for c in categories:
                combo.addItem(f"{c.code} {c.label_nl if in_dutch else c.label_en}", c.code)
            self.labels_table.setCellWidget(r, 2, combo)
            self.label_combos[label] = combo
        self.labels_table.resizeColumnToContents(0)
        self.labels_table.resizeColumnToContents(1)
        self.labels_box.setTitle(tr("Category labels the GeoPackage does not know: {n} labels, {rows} rows").format(
            n=len(unknown), rows=sum(n for _l, n in unknown)))

    def category_map(self) -> str:
        """The chosen label=code pairs as CATEGORY_MAP text."""
        return "; ".join(f"{label}={combo.currentData()}" for label, combo in self.label_combos.items()
                         if combo.currentData() and "=" not in label and ";" not in label)

    def parameters(self) -> dict:
        params = {"INPUT": self.file.filePath(), "GPKG": self.gpkg.filePath(),
                  "ENCODING": self.encoding.currentText(), "CATEGORY_MAP": self.category_map(),
                  "KEEP_OUTSIDE_AREAS": self.keep_outside.isChecked(), "REJECTED": "TEMPORARY_OUTPUT"}
        for role, column in self.mapping().items():
            if column:
                params[ROLE_PARAMS[role]] = column
        if self.crs.crs().isValid():
            params["SOURCE_CRS"] = self.crs.crs()
        return params

    # Running --------------------------------------------------------------------------------
    def run(self) -> bool:
        if not self.file.filePath() or not self.gpkg.filePath():
            self.show_error(tr("Choose the incidents file and the safety GeoPackage."))
            return False
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        if algorithm is None:
            self.show_error(tr("The algorithm {id} is not available: is the Hotspot plugin's Processing "
                               "provider loaded?").format(id=ALGORITHM_ID))
            return False
        self.settings.last_gpkg = self.gpkg.filePath()
        self.settings.save()
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RecordingFeedback()
        self.feedback.progressChanged.connect(lambda v: self.progress.setValue(int(v)))
        self.task = QgsProcessingAlgRunnerTask(algorithm, self.parameters(), self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self._set_running(True)
        self.status.setStyleSheet("")
        self.status.setText(tr("Importing…"))
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _executed(self, ok: bool, results: dict) -> None:
        feedback = self.feedback
        self.task = None
        self._set_running(False)
        if feedback is not None and feedback.isCanceled():
            self.show_error(tr("Cancelled: nothing was changed."))
        elif not ok:
            errors = [e for e in (feedback.errors if feedback else []) if e]
            self.show_error(errors[-1] if errors else tr("The import failed; see the Hotspot log."))
        else:
            self.progress.setValue(100)
            self.last_results = dict(results)
            lines = [tr("{imported} incidents imported, {dup} imported before, {rejected} rejected.").format(
                imported=results.get("IMPORTED", 0), dup=results.get("DUPLICATES", 0),
                rejected=int(results.get("REJECTED_COUNT", 0)) - int(results.get("DUPLICATES", 0)))]
            lines += (feedback.warnings if feedback else [])[:6]
            self.status.setStyleSheet("")
            self.status.setText("\n".join(lines))
            self._category_changed()
        self.context = self.feedback = None

    def show_error(self, message: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)

    def closeEvent(self, event):  # noqa: N802 - Qt API
        if self.is_running():
            event.ignore()
            return
        _open.pop("import", None)
        super().closeEvent(event)


def open_import_dialog(iface) -> ImportDialog:
    """Show the (one) import dialog."""
    dialog = _open.get("import")
    if dialog is None:
        dialog = ImportDialog(iface.mainWindow() if iface is not None else None)
        _open["import"] = dialog
    dialog.show()
    dialog.raise_()
    return dialog
