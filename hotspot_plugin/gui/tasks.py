"""What the dialogs share for running Processing algorithms as background tasks."""
from __future__ import annotations

from typing import List

from qgis.core import QgsProcessingFeedback


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
