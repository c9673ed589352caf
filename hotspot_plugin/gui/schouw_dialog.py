"""The buurtschouw dialog: choose the GeoPackage and the scan, then points, route and field package in one go.

It runs hotspot:schouwroute and then hotspot:schouwpackage as background tasks
(QgsProcessingAlgRunnerTask) with one progress bar and a Cancel button, shows the length, the
time and the folder, and adds the points and the route to the project.

* :func:`prepare_schouw` is the hook the scan wizard calls with its GeoPackage and scan.
* :func:`open_schouw_dialog` is for the plugin menu.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsCheckableComboBox, QgsFileWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import menu_names as menu
from ..core import schema
from ..core import schouw as sc
from ..core.errors import HotspotError
from ..core.menu_names import menu_path
from ..i18n import current_language, decimal_sign, tr
from ..settings import Settings
from ..storage import fieldpackage as fp
from ..storage import gpkg
from ..storage.scans import ScanRecord, list_scans
from .incidents_input import starting_gpkg
from .tasks import RecordingFeedback, TaskDialogMixin, grow_to_fit, screen_area

ROUTE_ALGORITHM = "hotspot:schouwroute"
PACKAGE_ALGORITHM = "hotspot:schouwpackage"
RISK_KINDS = tuple(schema.RISK_OBJECT_KINDS)
#: Share of the progress bar for the route (the package takes the rest).
ROUTE_SHARE = 35.0
_open: Dict[str, "SchouwDialog"] = {}



class SchouwDialog(TaskDialogMixin, QDialog):
    """Prepare a buurtschouw: points, walking route, field package and field maps."""

    def __init__(self, iface) -> None:
        super().__init__(iface.mainWindow() if iface is not None else None)
        self.iface = iface
        self.setWindowTitle(tr("Prepare a buurtschouw"))
        self.settings = Settings.load()
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.context: Optional[QgsProcessingContext] = None
        self.feedback: Optional[RecordingFeedback] = None
        self.step = ""
        self.route_results: Dict = {}
        self.package_results: Dict = {}
        self.route_file = ""
        self.last_error = ""
        self._folder_touched = False
        self.added_layers: List[QgsVectorLayer] = []

        # Everything scrolls on a small screen, so that no row is ever squashed; the dialog grows
        # to its content after a run (grow_to_fit) up to the screen's height.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.content_scroll = QScrollArea()
        self.content_scroll.setWidgetResizable(True)
        self.content_scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.content_scroll.setWidget(content)
        outer.addWidget(self.content_scroll)
        layout = QVBoxLayout(content)
        intro = QLabel(
            tr(
                "Chooses the points to visit (hotspots, risk objects, open findings), orders them into a "
                "walking route and makes the folder for the field: a GeoPackage and project for QField or "
                "Mergin Maps and the printed field maps."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555555;")
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.gpkg_widget = QgsFileWidget()
        self.gpkg_widget.setFilter(tr("GeoPackage") + " (*.gpkg)")
        self.gpkg_widget.setDialogTitle(tr("Choose a safety GeoPackage"))
        form.addRow(tr("Safety GeoPackage"), self.gpkg_widget)
        self.scan = QComboBox()
        self.scan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scan.setMinimumContentsLength(30)
        form.addRow(tr("Scan"), self.scan)
        self.max_points = QSpinBox()
        self.max_points.setRange(1, 200)
        self.max_points.setValue(sc.DEFAULT_MAX_POINTS)
        self.max_points.setFixedWidth(90)
        form.addRow(tr("Maximum number of points"), self.max_points)
        self.kinds = QgsCheckableComboBox()
        for kind in RISK_KINDS:
            self.kinds.addItem(tr(schema.RISK_OBJECT_KINDS[kind]), kind)
        self.kinds.setCheckedItems([tr(schema.RISK_OBJECT_KINDS[k]) for k in sc.DEFAULT_RISK_KINDS])
        form.addRow(tr("Risk objects to visit"), self.kinds)
        self.findings = QCheckBox(tr("Visit open findings of earlier walks"))
        self.findings.setChecked(True)
        self.streets = QCheckBox(tr("Walk along the streets (the GeoPackage's street layer)"))
        self.streets.setChecked(True)
        self.round_trip = QCheckBox(tr("Return to the start"))
        form.addRow("", self.findings)
        form.addRow("", self.streets)
        form.addRow("", self.round_trip)
        self.stop_minutes = QDoubleSpinBox()
        self.stop_minutes.setRange(0, 120)
        self.stop_minutes.setDecimals(0)
        self.stop_minutes.setValue(sc.DEFAULT_STOP_MINUTES)
        self.stop_minutes.setSuffix(tr(" min"))
        self.stop_minutes.setFixedWidth(90)
        form.addRow(tr("Time per stop"), self.stop_minutes)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setDialogTitle(tr("Folder for the field package"))
        self.folder.fileChanged.connect(self._folder_edited)
        form.addRow(tr("Package folder"), self.folder)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.run_button = QPushButton(tr("Prepare"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        row.addWidget(self.progress, 1)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        links = QHBoxLayout()
        self.open_folder_button = QPushButton(tr("Open the folder"))
        self.open_pdf_button = QPushButton(tr("Open the field maps"))
        for button in (self.open_folder_button, self.open_pdf_button):
            button.setEnabled(False)
            links.addWidget(button)
        links.addStretch(1)
        layout.addLayout(links)
        layout.addStretch(1)

        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.open_folder_button.clicked.connect(lambda: self._open(self.package_results.get("FOLDER")))
        self.open_pdf_button.clicked.connect(lambda: self._open(self.package_results.get("PDF")))
        self.scan.currentIndexChanged.connect(lambda _i: self._default_folder())
        self.gpkg_widget.fileChanged.connect(self._gpkg_changed)
        # as wide as its widest row (the streets check box), so that nothing scrolls sideways
        wide = content.minimumSizeHint().width() + self.content_scroll.verticalScrollBar().sizeHint().width()
        area = screen_area(self)
        most = area.width() if area is not None else 1280
        self.resize(min(max(640, wide), most), 10)
        grow_to_fit(self)

    # Input ---------------------------------------------------------------------------------------
    def set_gpkg(self, path: str, scan_uuid: str = "") -> None:
        """Choose the GeoPackage (and a scan in it)."""
        self.gpkg_widget.blockSignals(True)
        self.gpkg_widget.setFilePath(path or "")
        self.gpkg_widget.blockSignals(False)
        self._gpkg_changed(path or "", scan_uuid)

    def gpkg_path(self) -> str:
        return self.gpkg_widget.filePath().strip()

    def _gpkg_changed(self, path: str, scan_uuid: str = "") -> None:
        self.scan.blockSignals(True)
        self.scan.clear()
        self.status.clear()
        self.status.setStyleSheet("")
        self.last_error = ""
        scans: List[ScanRecord] = []
        if path and Path(path).exists():
            try:
                scans = list_scans(path)
            except HotspotError as exc:
                self.show_error(exc.render(tr))
        for record in scans:
            text = f"{record.reference} – {record.title}" if record.title else record.reference
            self.scan.addItem(text, record.uuid)
        if path and Path(path).exists() and not scans and not self.last_error:
            self.show_error(
                tr("The GeoPackage has no scans yet. Make an environment scan of the area first.")
            )
        index = self.scan.findData(scan_uuid) if scan_uuid else 0
        self.scan.setCurrentIndex(max(0, index))
        self.scan.blockSignals(False)
        self._default_folder()

    def scan_uuid(self) -> str:
        return self.scan.currentData() or ""

    def _folder_edited(self, _path: str) -> None:
        self._folder_touched = True

    def _default_folder(self) -> None:
        path = self.gpkg_path()
        if self._folder_touched or not path:
            return
        reference = self.scan.currentText().split(" – ")[0] if self.scan.count() else ""
        self.folder.blockSignals(True)
        self.folder.setFilePath(str(Path(path).parent / sc.package_name(reference)))
        self.folder.blockSignals(False)

    def route_parameters(self) -> Optional[dict]:
        if not self.scan_uuid():
            self.show_error(tr("Choose a scan: the buurtschouw is prepared for the area of a scan."))
            return None
        kinds = [RISK_KINDS.index(k) for k in self.kinds.checkedItemsData()]
        self.route_file = QgsProcessingUtils.generateTempFilename("schouwroute.gpkg")
        return {
            "GPKG": self.gpkg_path(),
            "SCAN": self.scan_uuid(),
            "RISK_KINDS": kinds,
            "INCLUDE_FINDINGS": self.findings.isChecked(),
            "STRAIGHT": not self.streets.isChecked(),
            "ROUND_TRIP": self.round_trip.isChecked(),
            "MAX_POINTS": self.max_points.value(),
            "STOP_MINUTES": self.stop_minutes.value(),
            "SAVE": True,
            "POINTS": "TEMPORARY_OUTPUT",
            "ROUTE": self.route_file,
        }

    def package_parameters(self) -> dict:
        return {
            "GPKG": self.gpkg_path(),
            "SCAN": self.scan_uuid(),
            "ROUTE": self.route_file,
            "STOP_MINUTES": self.stop_minutes.value(),
            "MAKE_PDF": True,
            "FOLDER": self.folder.filePath().strip(),
        }

    # Running -------------------------------------------------------------------------------------
    def run(self) -> bool:
        """Start the route task (the package follows); False when the input is not complete."""
        if self.task is not None:
            return False
        self.last_error = ""
        path = self.gpkg_path()
        try:
            gpkg.check_safety_gpkg(path)
        except HotspotError as exc:
            self.show_error(exc.render(tr))
            return False
        params = self.route_parameters()
        if params is None:
            return False
        if not self.folder.filePath().strip():
            self.show_error(tr("Choose the folder for the field package."))
            return False
        package_gpkg = Path(self.folder.filePath().strip()).glob("*.gpkg")
        busy = [g for g in package_gpkg if fp.package_findings_count(str(g)) > 0]
        if busy:
            self.show_error(
                tr(
                    "The folder {folder} already holds a schouw package with findings. Import them "
                    "first with {step}, or choose another folder."
                ).format(folder=self.folder.filePath(), step=menu_path(tr(menu.MENU), tr(menu.IMPORT_SCHOUW)))
            )
            return False
        self.settings.last_gpkg = path
        self.settings.save()
        self.route_results, self.package_results = {}, {}
        self.result.clear()
        for button in (self.open_folder_button, self.open_pdf_button):
            button.setEnabled(False)
        self._set_running(True)
        return self._start(ROUTE_ALGORITHM, params, tr("Choosing the points and the route…"))

    def _start(self, algorithm_id: str, params: dict, text: str) -> bool:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if algorithm is None:
            self._set_running(False)
            self.show_error(
                tr(
                    "The algorithm {id} is not available: is the Hotspot plugin's Processing provider "
                    "loaded?"
                ).format(id=algorithm_id)
            )
            return False
        self.step = algorithm_id
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RecordingFeedback()
        self.feedback.progressChanged.connect(self._progress)
        self.task = QgsProcessingAlgRunnerTask(algorithm, params, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self.status.setStyleSheet("")
        self.status.setText(text)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _progress(self, value: float) -> None:
        if self.step == ROUTE_ALGORITHM:
            self.progress.setValue(int(value * ROUTE_SHARE / 100.0))
        else:
            self.progress.setValue(int(ROUTE_SHARE + value * (100.0 - ROUTE_SHARE) / 100.0))

    def _executed(self, ok: bool, results: dict) -> None:
        feedback, step = self.feedback, self.step
        self.task = None
        self.context = None
        self.feedback = None
        if feedback is not None and feedback.isCanceled():
            self._set_running(False)
            self.progress.setValue(0)
            self.show_error(
                tr(
                    "Cancelled. The points that were already saved stay in the GeoPackage; no package "
                    "was made."
                )
                if step == PACKAGE_ALGORITHM
                else tr("Cancelled: nothing was changed.")
            )
            return
        if not ok:
            self._set_running(False)
            errors = [e for e in (feedback.errors if feedback else []) if e]
            self.show_error(
                errors[-1] if errors else tr("Preparing the buurtschouw failed; see the Hotspot log.")
            )
            return
        if step == ROUTE_ALGORITHM:
            self.route_results = dict(results)
            self._start(
                PACKAGE_ALGORITHM, self.package_parameters(), tr("Making the field package and maps…")
            )
            return
        self.package_results = dict(results)
        self._set_running(False)
        self.progress.setValue(100)
        self.show_results()

    def show_results(self) -> None:
        r, p = self.route_results, self.package_results
        how = tr("along the streets") if r.get("ROUTING") == "streets" else tr("in straight lines")
        lang = current_language()
        lines = [
            tr("{n} points, {km} km {how}: about {walk} walking, {total} with the stops.").format(
                n=r.get("N_POINTS"),
                km=sc.km_text(r.get("LENGTH") or 0, decimal_sign()),
                how=how,
                walk=sc.minutes_text(r.get("WALK_MINUTES") or 0, lang),
                total=sc.minutes_text(r.get("MINUTES") or 0, lang),
            ),
            tr("Field package: {folder}").format(folder=p.get("FOLDER")),
        ]
        if p.get("PDF"):
            lines.append(tr("Field maps: {pdf}").format(pdf=p.get("PDF")))
        lines.append(
            tr(
                "Copy the folder to QField, or upload it as a Mergin Maps project. Afterwards import the "
                "findings with {step}."
            ).format(step=menu_path(tr(menu.MENU), tr(menu.IMPORT_SCHOUW)))
        )
        self.status.setText("")
        self.result.setText("\n".join(lines))
        self.open_folder_button.setEnabled(bool(p.get("FOLDER")))
        self.open_pdf_button.setEnabled(bool(p.get("PDF")))
        self.add_layers()
        grow_to_fit(self)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Buurtschouw"), lines[0], Qgis.MessageLevel.Success, 8)

    def add_layers(self) -> None:
        """The scan's schouw points (from the safety GeoPackage) and the route (from the package)."""
        reference = self.scan.currentText().split(" – ")[0]
        points = QgsVectorLayer(
            gpkg.layer_uri(self.gpkg_path(), schema.SCHOUW_POINTS),
            tr("Schouw points {reference}").format(reference=reference),
            "ogr",
        )
        if points.isValid():
            uuid = re.sub(r"[^0-9a-fA-F-]", "", self.scan_uuid())
            points.setSubsetString(f"\"scan_uuid\" = '{uuid}'")
            fp.style_layers({"points": points}, point_size=4.0)
        route = None
        field_gpkg = self.package_results.get("GPKG")
        if field_gpkg:
            route = QgsVectorLayer(
                gpkg.layer_uri(field_gpkg, fp.ROUTE_LAYER),
                tr("Schouw route {reference}").format(reference=reference),
                "ogr",
            )
            if route.isValid():
                fp.style_layers({"route": route})
        project = QgsProject.instance()
        self.added_layers = []
        for layer in (route, points):
            if layer is not None and layer.isValid():
                project.addMapLayer(layer)
                self.added_layers.append(layer)

    def _open(self, path: Optional[str]) -> None:
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)
        grow_to_fit(self)

    def closeEvent(self, event):  # noqa: N802 - Qt API
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)


def open_schouw_dialog(iface) -> SchouwDialog:
    """Show the buurtschouw dialog (one at a time, non-modal); returns it."""
    dialog = _open.get("schouw")
    if dialog is None or not (dialog.isVisible() or dialog.is_running()):
        dialog = SchouwDialog(iface)
        _open["schouw"] = dialog
        # the last used GeoPackage; else the project's (a fresh profile); else the last one, gone
        last = Settings.load().last_gpkg
        path = starting_gpkg(QgsProject.instance(), last) or last
        if path:
            dialog.set_gpkg(path)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def prepare_schouw(iface, gpkg_path: str, scan_uuid: str) -> SchouwDialog:
    """The scan wizard's hook: the dialog with this GeoPackage and scan chosen, ready to run."""
    dialog = open_schouw_dialog(iface)
    if not dialog.is_running():
        dialog.set_gpkg(gpkg_path, scan_uuid)
    return dialog
