"""The environment-scan wizard ("Omgevingsscan"), started from the Hotspot menu.

Entry point: :func:`open_scan_wizard` ``(iface, scan_key=None)``; *scan_key* (a uuid or a reference
such as HS-2025-001) opens a saved scan of the last used safety GeoPackage again.

Six pages (:mod:`.scan_pages`): area -> data and period -> analysis -> findings and measures ->
verdict -> save. The analysis runs hotspot:environmentscan as a QgsProcessingAlgRunnerTask (progress, a
Cancel that stops it; a cancelled or failed run saves nothing), which saves the scan record; the
wizard then shows the record's results, lets the user edit the drafted advice and saves it on the
same record (storage.scans.save_scan). Re-running a saved scan passes its uuid as SCAN, so the
record keeps its uuid and reference and gets a new version. The PDF report (hotspot:advicereport)
and the buurtschouw (gui.schouw_dialog.prepare_schouw with hotspot:schouwroute) are offered when
they are installed. The report runs as a task too (QGIS keeps responding; tests/qgis/
test_report_freeze.py measures it): progress, a Cancel that stops it without a PDF, and Back,
Finish and Close disabled meanwhile (closing the window asks to stop it first).
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import importlib
import importlib.util
import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate, QObject, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox, QWizard

from .. import log
from ..compat import ProcessingAlgorithmFlag
from ..core.advice import Advice, Catalogue, load_catalogue
from ..core.errors import HotspotError
from ..core.verdict import Verdict
from ..i18n import dutch, tr
from ..settings import Settings
from ..storage.measure_style import measures_qml
from ..storage.measures import register_scan_measures
from ..storage.scans import ScanRecord, load_scan, save_scan
from .incidents_input import starting_gpkg
from .scan_pages import AdvicePage, AnalysisPage, AreaPage, DataPage, SavePage, VerdictPage, show_message
from .tasks import RecordingFeedback

SCAN_ALGORITHM = "hotspot:environmentscan"
REPORT_ALGORITHM = "hotspot:advicereport"
SCHOUW_ALGORITHM = "hotspot:schouwroute"
#: Parameters that do not change the results (a change does not call for a new run).
_NOT_IN_SIGNATURE = frozenset({"TITLE", "AUTHOR", "ORGANISATION", "SCAN", "HEATMAP"})
#: The open wizard (kept so it is not garbage-collected while shown or while its task runs).
_open_wizards: Dict[str, "ScanWizard"] = {}


def own_advice(record: ScanRecord) -> Advice:
    """A copy of the record's advice for the wizard to edit (an empty advice when it has none)."""
    return copy.deepcopy(record.advice) if record.advice is not None else Advice()


class AlgorithmRunner(QObject):
    """Runs one Processing algorithm at a time as a background task.

    ``done(ok, cancelled, results, error)``: *ok* when the algorithm finished (its results then
    hold its outputs); *cancelled* when the user stopped it; *error* the algorithm's message.
    """

    progress = pyqtSignal(float)
    done = pyqtSignal(bool, bool, dict, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.context: Optional[QgsProcessingContext] = None
        self.feedback: Optional[RecordingFeedback] = None
        self.warnings: List[str] = []
        self.running_here = False

    def start(self, algorithm_id: str, parameters: Dict[str, Any]) -> str:
        """Start the task; '' when it started, else the reason why not."""
        if self.task is not None:
            return tr("The analysis is still running.")
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if algorithm is None:
            return tr(
                "The algorithm {id} is not available: is the Hotspot plugin's Processing provider " "loaded?"
            ).format(id=algorithm_id)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RecordingFeedback()
        self.feedback.progressChanged.connect(self.progress)
        self.warnings = []
        if algorithm.flags() & ProcessingAlgorithmFlag.NoThreading:
            # Such an algorithm (print layouts) must run on the main thread, as QGIS's own dialog does.
            self.running_here = True
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                try:
                    results, ok = algorithm.run(parameters, self.context, self.feedback)
                except QgsProcessingException as exc:
                    self.feedback.reportError(str(exc), True)
                    results, ok = {}, False
            finally:
                QApplication.restoreOverrideCursor()
                self.running_here = False
            self._executed(bool(ok), results or {})
            return ""
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        QgsApplication.taskManager().addTask(self.task)
        return ""

    def cancel(self) -> None:
        """Stop the algorithm: it notices within a moment and ends without saving.

        Only the feedback is cancelled, not the task: a task cancelled before its thread starts is
        reported as ended at once while its algorithm may still start and run, with a context that
        would already be gone. Through the feedback ``done`` comes only when the run has ended.
        """
        if self.feedback is not None:
            self.feedback.cancel()

    def is_running(self) -> bool:
        return self.task is not None or self.running_here

    def _executed(self, ok: bool, results: dict) -> None:
        feedback = self.feedback
        self.task = None
        cancelled = bool(feedback is not None and feedback.isCanceled())
        error = ""
        if not ok and feedback is not None:
            errors = [e for e in feedback.errors if e]
            error = errors[-1] if errors else ""
        self.warnings = list(feedback.warnings) if feedback is not None else []
        outputs = dict(results or {}) if ok else {}
        # Free the context now: it holds what the algorithm opened, and destroying it when QGIS
        # has already shut down (at exit) would crash.
        self.context = None
        self.feedback = None
        self.done.emit(bool(ok), bool(cancelled and not ok), outputs, error)


class ScanWizard(QWizard):
    """The "Omgevingsscan" wizard; holds the scan record and the advice being edited."""

    AREA, DATA, ANALYSIS, ADVICE, VERDICT, SAVE = range(6)

    def __init__(self, iface, parent=None) -> None:
        super().__init__(
            parent if parent is not None else (iface.mainWindow() if iface is not None else None)
        )
        self.iface = iface
        self.record: Optional[ScanRecord] = None
        self.advice: Optional[Advice] = None
        #: the verdict being edited (gui/scan_pages/verdict_page.py); None: no verdict yet
        self.verdict: Optional[Verdict] = None
        self.dirty = False
        self.run_signature: Optional[str] = None
        self.record_gpkg = ""  # the GeoPackage the record is in
        self.last_heatmap = ""
        self._pending: Dict[str, Any] = {}
        self._catalogue: Optional[Catalogue] = None
        #: Asked before closing with unsaved changes; tests replace it.
        self.confirm_discard: Callable[[], bool] = self._ask_discard
        #: Asked before closing while the report is being made (yes: stop it and close); tests replace it.
        self.confirm_stop_report: Callable[[], bool] = self._ask_stop_report
        self.setWindowTitle(tr("Environment scan"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Close"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Finish"))
        self.area_page = AreaPage(iface)
        self.data_page = DataPage()
        self.analysis_page = AnalysisPage()
        self.advice_page = AdvicePage()
        self.verdict_page = VerdictPage()
        self.save_page = SavePage()
        for page_id, page in (
            (self.AREA, self.area_page),
            (self.DATA, self.data_page),
            (self.ANALYSIS, self.analysis_page),
            (self.ADVICE, self.advice_page),
            (self.VERDICT, self.verdict_page),
            (self.SAVE, self.save_page),
        ):
            self.setPage(page_id, page)
        self.runner = AlgorithmRunner(self)
        self.runner.progress.connect(self.analysis_page.set_progress)
        self.runner.done.connect(self._analysis_done)
        self.report_runner = AlgorithmRunner(self)
        self.report_runner.progress.connect(lambda v: self.save_page.progress.setValue(int(v)))
        self.report_runner.done.connect(self._report_done)
        self.area_page.open_requested.connect(lambda path, key: self.open_scan(path, key))
        self.area_page.gpkg_widget.fileChanged.connect(self._gpkg_changed)
        self.resize(900, 650)
        start = starting_gpkg(QgsProject.instance(), Settings.load().last_gpkg)
        if start:
            self.area_page.set_gpkg(start)
        else:
            self.area_page.refresh()

    # State ---------------------------------------------------------------------------------------
    def _gpkg_changed(self, path: str) -> None:
        """Another GeoPackage: the scan of the previous one is not this one's (a new scan starts)."""
        if self.record is not None and str(path).strip() != self.record_gpkg and not self.is_running():
            self.record = None
            self.advice = None
            self.verdict = None
            self.dirty = False
            self.run_signature = None
            self.last_heatmap = ""

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = load_catalogue()
        return self._catalogue

    def gpkg_path(self) -> str:
        return self.area_page.gpkg_path()

    def mark_dirty(self) -> None:
        self.dirty = True

    def is_running(self) -> bool:
        return self.runner.is_running()

    def has_unsaved_changes(self) -> bool:
        """Edits to the advice, status, title, author or organisation not yet in the GeoPackage."""
        record = self.record
        if record is None:
            return False
        page = self.data_page
        return self.dirty or any(
            new and new != old
            for new, old in (
                (page.title_edit.text().strip(), record.title),
                (page.author.text().strip(), record.author),
                (page.organisation.text().strip(), record.organisation),
            )
        )

    @staticmethod
    def has_algorithm(algorithm_id: str) -> bool:
        return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None

    @staticmethod
    def schouw_hook() -> Optional[Callable]:
        """``prepare_schouw(iface, gpkg, scan_uuid)`` from gui/schouw_dialog.py, or None."""
        name = f"{__package__}.schouw_dialog"
        try:
            if importlib.util.find_spec(name) is None:
                return None
            module = importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - a broken optional module must not break the wizard
            log.warning(f"schouw_dialog: {exc}")
            return None
        hook = getattr(module, "prepare_schouw", None)
        return hook if callable(hook) else None

    def can_prepare_schouw(self) -> bool:
        """The buurtschouw can be prepared: its dialog and algorithm are there and no report is being made."""
        return (self.schouw_hook() is not None and self.has_algorithm("hotspot:schouwroute")
                and not self.report_runner.is_running())

    def heatmap_path(self) -> str:
        """The heatmap raster of the current record (absolute), or ''."""
        if self.last_heatmap and Path(self.last_heatmap).exists():
            return self.last_heatmap
        heatmap = self.record.parameters.heatmap if self.record is not None else None
        relative = heatmap.path if heatmap is not None else None
        if relative and self.gpkg_path():
            path = Path(self.gpkg_path()).parent / relative
            if path.exists():
                return str(path)
        return ""

    # Parameters ----------------------------------------------------------------------------------
    def analysis_parameters(self, heatmap: bool = True) -> Dict[str, Any]:
        """The parameters of hotspot:environmentscan from the pages (*heatmap*: with a new raster path)."""
        params: Dict[str, Any] = {"GPKG": self.gpkg_path(), "RING_WIDTH": self.area_page.ring.value()}
        params.update(self.area_page.area_parameters())
        params.update(self.data_page.parameters())
        if not params["CATEGORIES"] and self.record is not None and self.record.parameters.categories:
            # "" would mean "the saved categories" on a re-run: name all of them instead.
            params["CATEGORIES"] = ",".join(self.data_page.checked_categories()[0])
        params["SCAN"] = self.record.uuid if self.record is not None else ""
        if heatmap:
            path = self._new_heatmap_path()
            if path:
                params["HEATMAP"] = path
        return params

    def _new_heatmap_path(self) -> str:
        gpkg = Path(self.gpkg_path())
        folder = gpkg.parent / f"{gpkg.stem}_scans"
        try:
            folder.mkdir(exist_ok=True)
        except OSError:
            return ""
        stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S_%f")
        return str(folder / f"heatmap_{stamp}.tif")

    @staticmethod
    def signature(params: Dict[str, Any]) -> str:
        """The parameters that decide the results, as comparable text."""

        def plain(v: Any) -> Any:
            if isinstance(v, QDate):
                return v.toString("yyyy-MM-dd")
            if isinstance(v, float):
                return round(v, 6)
            return v

        return json.dumps(
            {k: plain(v) for k, v in params.items() if k not in _NOT_IN_SIGNATURE},
            sort_keys=True,
            default=str,
        )

    def results_stale(self) -> bool:
        """True when the pages ask for other results than those of the record."""
        if self.record is None or self.run_signature is None:
            return True
        return self.signature(self.analysis_parameters(heatmap=False)) != self.run_signature

    # Running ---------------------------------------------------------------------------------------
    def start_analysis(self) -> str:
        """Start hotspot:environmentscan; '' when it started, else the reason why not."""
        if self.runner.is_running():
            return tr("The analysis is still running.")
        if self.record is not None and self.dirty:
            # The algorithm keeps the user's edits of the saved advice: save them first.
            ok, message = self.save(self.record.status)
            if not ok:
                return message
        params = self.analysis_parameters()
        self._pending = {
            "signature": self.signature(params),
            "heatmap": params.get("HEATMAP", ""),
            "old_heatmap": self.heatmap_path(),
        }
        error = self.runner.start(SCAN_ALGORITHM, params)
        if error:
            self._pending = {}
        return error

    def cancel_analysis(self) -> None:
        self.runner.cancel()

    def _analysis_done(self, ok: bool, cancelled: bool, results: dict, error: str) -> None:
        pending, self._pending = self._pending, {}
        if ok:
            try:
                record = load_scan(self.gpkg_path(), str(results.get("SCAN_UUID") or ""))
                self.advice = own_advice(record)
                self.verdict = copy.deepcopy(record.verdict)
            except HotspotError as exc:
                ok, error = False, exc.render(tr)
            else:
                self.record = record
                self.record_gpkg = self.gpkg_path()
                self.dirty = False
                self.run_signature = pending.get("signature")
                self.last_heatmap = str(results.get("HEATMAP") or "")
                self._remove_old_heatmap(pending.get("old_heatmap", ""))
                self.area_page.refresh_saved_scans()
        elif pending.get("heatmap"):
            Path(pending["heatmap"]).unlink(missing_ok=True)
        self.analysis_page.finished(ok, cancelled, error)
        if ok and self.runner.warnings:
            # Warnings of the run that the results do not hold (e.g. a measure of the saved advice
            # that was removed because its findings no longer apply).
            shown = self.analysis_page.warnings.text()
            extra = [w for w in self.runner.warnings if w and w not in shown]
            if extra:
                self.analysis_page.warnings.setText(
                    "\n".join([shown] * bool(shown) + ["⚠ " + w for w in extra])
                )
                self.analysis_page.warnings.setVisible(True)

    def _remove_old_heatmap(self, old: str) -> None:
        """Delete the previous heatmap of this scan when the wizard made it and a new one replaced it."""
        if not old or old == self.last_heatmap:
            return
        path = Path(old)
        gpkg = Path(self.gpkg_path())
        if path.parent == gpkg.parent / f"{gpkg.stem}_scans" and path.name.startswith("heatmap_"):
            path.unlink(missing_ok=True)

    # Opening and saving ----------------------------------------------------------------------------
    def open_scan(self, path: str, key: str) -> bool:
        """Fill the wizard from the saved scan *key* (uuid or reference) of GeoPackage *path*."""
        if self.is_running():
            show_message(self.area_page.message, tr("Wait until the analysis is done, or cancel it."), True)
            return False
        try:
            record = load_scan(path, key)
            advice = own_advice(record)
        except HotspotError as exc:
            show_message(self.area_page.message, exc.render(tr), True)
            return False
        page = self.area_page
        page.set_gpkg(path)
        if page.info is None:
            return False
        page._loading = True
        try:
            params = record.parameters
            point = params.point
            if params.area_source == "POINT" and point and params.radius:
                page.set_point(QgsPointXY(float(point[0]), float(point[1])), float(params.radius))
            else:
                page.set_drawn(
                    QgsGeometry.fromWkt(record.area.wkt),
                    tr("The area of scan {reference}").format(reference=record.reference),
                )
            ring = record.results.parameters.ring_width if record.results is not None else None
            if ring is None:
                ring = params.ring_width
            if ring is not None:
                page.ring.setValue(float(ring))
        finally:
            page._loading = False
        self.record = record
        self.record_gpkg = path
        self.advice = advice
        self.verdict = copy.deepcopy(record.verdict)
        self.dirty = False
        self.last_heatmap = ""
        self.data_page.load_record(record, page.info)
        page.refresh()
        self.run_signature = (
            self.signature(self.analysis_parameters(heatmap=False)) if record.results is not None else None
        )
        show_message(
            page.message,
            tr(
                "Scan {reference} ({title}) is open. Press Next to check the data and see "
                "its results, or change the area and run it again."
            ).format(reference=record.reference, title=record.title),
            False,
        )
        return True

    def shows_scan(self, key: str) -> bool:
        return self.record is not None and key in (self.record.uuid, self.record.reference)

    def save(self, status: Optional[str] = None) -> tuple:
        """Save the advice, status, title and author on the record: (ok, message for the user)."""
        record = self.record
        if record is None or self.advice is None:
            return False, tr("There is no scan to save yet: run the analysis first.")
        page = self.data_page
        if self.verdict is not None:
            try:
                self.verdict.validate()
            except HotspotError as exc:
                return False, exc.render(tr)
        record.advice = copy.deepcopy(self.advice)  # a snapshot, as saved
        record.verdict = copy.deepcopy(self.verdict)
        if status in ("concept", "definitief"):
            record.status = status
        record.title = page.title_edit.text().strip() or record.title
        record.author = page.author.text().strip() or record.author
        record.organisation = page.organisation.text().strip() or record.organisation
        try:
            save_scan(self.gpkg_path(), record)
        except HotspotError as exc:
            return False, exc.render(tr)
        self.dirty = False
        self.area_page.refresh_saved_scans()
        self.save_page.fill_summary()  # the version and "unsaved changes" of every save, also the report's
        status_text = tr("final") if record.status == "definitief" else tr("draft")
        message = tr("Saved as {reference}, version {version} ({status}).").format(
            reference=record.reference, version=record.version, status=status_text
        )
        added = self.register_measures(record)
        if added:
            message += " " + tr("{n} measures added to the measures register.").format(n=len(added))
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Environment scan"), message, Qgis.MessageLevel.Success, 5)
        return True, message

    def register_measures(self, record: ScanRecord) -> list:
        """Register the chosen measures of the saved *record* at its area (status planned; the
        measures it registered before are not added again); returns the records added."""
        lang = "nl" if dutch() else "en"
        titles = {mid: m.title(lang) for mid, m in self.catalogue().measures.items()}
        try:
            added = register_scan_measures(self.gpkg_path(), record.uuid, titles=titles, qml=measures_qml())
        except HotspotError as exc:
            log.warning(tr("The measures could not be registered: {error}").format(error=exc.render(tr)))
            return []
        self.advice_page.fill_register()
        return added

    # Report and buurtschouw --------------------------------------------------------------------------
    def make_report(self, pdf_path: str) -> bool:
        """Save, then run hotspot:advicereport to *pdf_path* as a task."""
        page = self.save_page
        if not pdf_path.strip():
            show_message(page.message, tr("Choose where to save the PDF."), True)
            return False
        if self.report_runner.is_running():
            return False
        if self.has_unsaved_changes() or (self.record is not None and self.record.status != page.status()):
            ok, message = self.save(page.status())
            if not ok:
                show_message(page.message, message, True)
                return False
        if self.record is None:
            show_message(page.message, tr("There is no scan to save yet: run the analysis first."), True)
            return False
        params = {"GPKG": self.gpkg_path(), "SCAN": self.record.uuid, "OUTPUT": pdf_path.strip()}
        page.progress.setValue(0)
        self._report_running(True)
        show_message(page.message, tr("Making the report…"), False)
        error = self.report_runner.start(REPORT_ALGORITHM, params)
        if error:
            self._report_running(False)
            show_message(page.message, error, True)
            return False
        return True

    def _report_running(self, running: bool) -> None:
        """While the report is made in its task: its progress and Cancel show; saving, another
        report, the buurtschouw, Back, Finish and Close wait (closing the window asks to stop the
        report first)."""
        page = self.save_page
        page.progress.setVisible(running)
        page.report_cancel.setVisible(running)
        page.report_cancel.setEnabled(running)
        for widget in (page.report_button, page.report_path, page.save_button, page.status_draft,
                       page.status_final):
            widget.setEnabled(not running)
        page.schouw_button.setEnabled(not running and self.can_prepare_schouw())
        if running:
            for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                           QWizard.WizardButton.CancelButton):
                self.button(button).setEnabled(False)
        else:
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            page.completeChanged.emit()  # QWizard sets Back and Finish as the page allows again

    def cancel_report(self) -> None:
        """Stop the report: it ends at the next page or after the export, and leaves no PDF."""
        if self.report_runner.is_running():
            self.report_runner.cancel()
            self.save_page.report_cancel.setEnabled(False)
            show_message(self.save_page.message, tr("Cancelling…"), False)

    def _report_done(self, ok: bool, cancelled: bool, results: dict, error: str) -> None:
        page = self.save_page
        self._report_running(False)
        if not ok:
            show_message(
                page.message,
                tr("Cancelled.") if cancelled else (error or tr("The report failed; see the Hotspot log.")),
                True,
            )
            return
        pdf = str(results.get("OUTPUT") or "")
        url = QUrl.fromLocalFile(pdf).toString()
        page.message.setStyleSheet("")
        page.message.setTextFormat(Qt.TextFormat.RichText)
        link = f"<a href='{html.escape(url, quote=True)}'>{html.escape(pdf)}</a>"
        page.message.setText(html.escape(tr("The report is ready: {link}")).format(link=link))

    def prepare_schouw(self) -> bool:
        """Save, then hand the scan to the buurtschouw (gui/schouw_dialog.prepare_schouw)."""
        hook = self.schouw_hook()
        page = self.save_page
        if hook is None or self.record is None or self.report_runner.is_running():
            return False
        if self.has_unsaved_changes():
            ok, message = self.save(page.status())
            if not ok:
                show_message(page.message, message, True)
                return False
        hook(self.iface, self.gpkg_path(), self.record.uuid)
        return True

    # Closing -----------------------------------------------------------------------------------------
    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Environment scan"),
            tr("The scan has unsaved changes to its findings and measures. Close " "without saving them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_stop_report(self) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Environment scan"),
            tr("The report is still being made. Stop it and close?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:  # noqa: D102 - Qt API
        if self.report_runner.is_running() and not self.confirm_stop_report():
            return
        if (
            result == QDialog.DialogCode.Rejected
            and self.has_unsaved_changes()
            and not self.confirm_discard()
        ):
            return
        self.runner.cancel()
        self.report_runner.cancel()
        self.area_page.cleanup_canvas()
        self.analysis_page.map.cancel()
        super().done(result)


def open_scan_wizard(iface, scan_key: Optional[str] = None, gpkg: Optional[str] = None) -> ScanWizard:
    """Show the environment-scan wizard (non-modal, one at a time) and return it.

    *scan_key*: the uuid or reference of a saved scan to open again, in *gpkg* (default: the last
    used safety GeoPackage from the settings).
    """
    wizard = _open_wizards.get("scan")
    in_use = wizard is not None and (
        wizard.isVisible() or wizard.is_running() or wizard.area_page.tool is not None
    )
    if not in_use:
        if wizard is not None:
            wizard.deleteLater()  # closed and idle: make a fresh one
        wizard = ScanWizard(iface)
        _open_wizards["scan"] = wizard
    if scan_key and not wizard.shows_scan(scan_key):
        path = gpkg or wizard.gpkg_path() or Settings.load().last_gpkg
        if wizard.is_running():
            if iface is not None:
                iface.messageBar().pushMessage(
                    tr("Environment scan"),
                    tr("Wait until the analysis is done, or cancel it."),
                    Qgis.MessageLevel.Warning,
                    5,
                )
        elif not wizard.has_unsaved_changes() or wizard.confirm_discard():
            if wizard.currentId() != ScanWizard.AREA:
                wizard.restart()
            wizard.open_scan(path, scan_key)
    elif gpkg and not scan_key and not in_use:
        wizard.area_page.set_gpkg(gpkg)
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    return wizard


__all__ = ["ScanWizard", "AlgorithmRunner", "open_scan_wizard"]
