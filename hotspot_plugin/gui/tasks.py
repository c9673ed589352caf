"""What the dialogs share for running Processing algorithms as background tasks."""
from __future__ import annotations

from typing import List

from qgis.core import QgsProcessingFeedback

from ..i18n import tr


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the errors, warnings and messages of a run (a task reports a failure only as False)."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: List[str] = []
        self.warnings: List[str] = []
        self.messages: List[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS API
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802 - QGIS API
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        self.messages.append(info)
        super().pushInfo(info)


class TaskDialogMixin:
    """Run/Cancel/Close behaviour of a dialog that runs one task at a time.

    The dialog provides ``task`` (the running QgsTask or None), ``status`` (a QLabel),
    ``progress`` (a QProgressBar) and the buttons ``run_button``, ``cancel_button`` and
    ``close_button``.
    """

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(tr("Cancelling…"))

    def is_running(self) -> bool:
        return self.task is not None

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        if running:
            self.progress.setValue(0)
