"""Plain-callable progress and cancellation for core loops."""
from __future__ import annotations

from typing import Callable, Optional

from .errors import Canceled

ProgressFn = Callable[[float], None]
CancelFn = Callable[[], bool]


class Monitor:
    """Bundles an optional progress callback (0..100) and an optional cancel check.

    Core functions take ``monitor: Monitor | None``; ``Monitor()`` does nothing.
    ``check()`` raises :class:`Canceled` when the cancel callable returns true.
    ``sub(start, end)`` maps 0..100 of a sub-step onto start..end of this monitor.
    """

    def __init__(self, progress: Optional[ProgressFn] = None, canceled: Optional[CancelFn] = None,
                 start: float = 0.0, end: float = 100.0) -> None:
        self._progress = progress
        self._canceled = canceled
        self._start = start
        self._end = end

    def set(self, percent: float) -> None:
        if self._progress is not None:
            p = self._start + (self._end - self._start) * max(0.0, min(100.0, percent)) / 100.0
            self._progress(p)

    def is_canceled(self) -> bool:
        return bool(self._canceled and self._canceled())

    def check(self) -> None:
        if self.is_canceled():
            raise Canceled()

    def sub(self, start: float, end: float) -> "Monitor":
        span = self._end - self._start
        return Monitor(self._progress, self._canceled,
                       self._start + span * start / 100.0, self._start + span * end / 100.0)


def ensure(monitor: Optional[Monitor]) -> Monitor:
    return monitor if monitor is not None else Monitor()
