"""Disclosure of small counts: what the advice report publishes of counts below the threshold.

Incident counts from 1 to ``threshold - 1`` are published as ``"<threshold"``; rates, changes and
ratios derived from such counts are shown as "–". Counts that are not about persons (risk
objects, inhabitants) are never suppressed (:meth:`NumberFormatter.plain_count`).
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from ...core.numbers import format_number
from ...core.scan import is_small
from .text import NumberFormatter


class Formatter(NumberFormatter):
    """Numbers, counts (with the small-count rule), changes, dates and periods as printed."""

    def __init__(self, threshold: int, dutch: Optional[bool] = None) -> None:
        super().__init__(dutch)
        self.threshold = int(threshold)

    def small(self, n: Optional[float]) -> bool:
        """True for a count that is published as "<threshold"."""
        return is_small(n, self.threshold)

    def count(self, n: Optional[float]) -> str:
        """An incident count: ``"<5"`` when small, else the whole number."""
        if n is None:
            return "–"
        if self.small(n):
            return f"<{self.threshold}"
        return format_number(n, 0, self.decimal, group=True)

    def rate(self, value: Optional[float], n: Optional[float]) -> str:
        """A rate derived from count *n*: "–" when *n* is small or the rate is undefined."""
        if value is None or self.small(n):
            return "–"
        if value == 0:
            return "0"
        return self.num(value, 2 if abs(value) < 10 else 1)

    def change(self, change: Optional[Dict[str, Any]], n: int, n_comparison: int) -> str:
        """The change against the comparison period as "+25% *" (significant) or "–"."""
        if not change or self.small(n) or self.small(n_comparison) or change.get("change_pct") is None:
            return "–"
        value = change["change_pct"]
        text = ("+" if value > 0 else "") + format_number(value, 0, self.decimal, group=True) + "%"
        return text + (" *" if change.get("significant") else "")

    def ratio(self, vs: Optional[Dict[str, Any]], n: int) -> str:
        """A rate ratio against the reference as "1,8 *" or "–"."""
        if not vs or vs.get("ratio") is None or self.small(n) or n == 0:
            return "–"
        return self.num(vs["ratio"], 1) + (" *" if vs.get("significant") else "")
