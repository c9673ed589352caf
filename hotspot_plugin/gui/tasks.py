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


#: Pixels kept free below a dialog for the taskbar and the window frame (1280 x 800 screens).
SCREEN_MARGIN = 80


def screen_area(widget):
    """The available geometry (without taskbars) of *widget*'s screen, else the primary screen's;
    None without a screen."""
    from qgis.PyQt.QtWidgets import QApplication

    screen = widget.screen() if hasattr(widget, "screen") else None
    screen = screen or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def available_height(widget) -> int:
    """The height a dialog may take on *widget*'s screen (800 px screens leave about 720)."""
    area = screen_area(widget)
    return max(300, area.height() - SCREEN_MARGIN) if area is not None else 720


def grow_to_fit(dialog) -> None:
    """Grow *dialog* to the height its content asks for (after a result made it longer), never
    beyond the screen: its rows keep their heights instead of being squashed."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    width = dialog.width()
    want = layout.totalHeightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
    want = max(want, dialog.sizeHint().height(), dialog.minimumSizeHint().height())
    scroll = getattr(dialog, "content_scroll", None)  # a dialog whose content scrolls: the content's height
    inner = scroll.widget().layout() if scroll is not None and scroll.widget() is not None else None
    if inner is not None:
        inner.activate()
        chrome = dialog.height() - scroll.viewport().height()
        need = inner.totalHeightForWidth(scroll.viewport().width()) if inner.hasHeightForWidth() \
            else inner.totalSizeHint().height()
        want = max(need, inner.totalMinimumSize().height()) + max(chrome, 0)
    height = min(max(dialog.height(), want), available_height(dialog))
    if height != dialog.height():
        dialog.resize(width, height)


#: The width QGIS's Processing dialog gets from the Hotspot menu: its parameter descriptions
#: ("Bereik van het raster [leeg: de punten plus de straal] [optioneel]") and the help beside them.
PROCESSING_DIALOG_WIDTH = 1040


def widen_processing_dialog(dialog, width: int = PROCESSING_DIALOG_WIDTH) -> None:
    """Widen a Processing dialog that is narrower than *width* (QGIS opens it at about 690 px, which
    clips the parameter descriptions) to *width*, never beyond its screen, and keep it on the screen.
    A dialog the user made wider keeps its width."""
    area = screen_area(dialog)
    if area is None:
        return
    target = min(width, area.width() - SCREEN_MARGIN // 2)
    if dialog.width() >= target:
        return
    centre = dialog.frameGeometry().center().x()
    dialog.resize(target, dialog.height())
    frame = dialog.frameGeometry()
    x = max(area.left(), min(centre - frame.width() // 2, area.right() + 1 - frame.width()))
    dialog.move(x, dialog.y())
