"""Disclosure of small counts in the advice report: the report's side of :mod:`core.disclosure`.

Incident counts from 1 to ``threshold - 1`` are published as ``"<threshold"``; where parts stand
beside their total (the safety fields and all incidents, the categories and their field) further
parts are hidden as ``"x"`` until no small count can be computed back (:meth:`Formatter.column`);
rates, changes, ratios and shares derived from a hidden count are shown as "–". Counts that are not
about persons (risk objects, inhabitants) are never suppressed (:meth:`NumberFormatter.plain_count`).
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Sequence

from ...core import disclosure as dc
from ...core.numbers import format_number
from .text import NumberFormatter

SHOWN, SMALL, HIDDEN = dc.SHOWN, dc.SMALL, dc.HIDDEN


class Formatter(NumberFormatter):
    """Numbers, counts (with the disclosure rule), changes, dates and periods as printed."""

    def __init__(self, threshold: int, dutch: Optional[bool] = None) -> None:
        super().__init__(dutch)
        self.threshold = int(threshold)

    def small(self, n: Optional[float]) -> bool:
        """True for a count that is published as "<threshold"."""
        return dc.is_small(n, self.threshold)

    def column(self, parts: Sequence[Optional[float]], total: Optional[float]) -> dc.Column:
        """The publication states of *parts* beside their *total* (primary and secondary suppression)."""
        return dc.protect_column(parts, total, self.threshold)

    def count(self, n: Optional[float], state: str = SHOWN) -> str:
        """An incident count: ``"<5"`` when small, ``"x"`` when hidden beside its total, else the number."""
        return dc.publish(n, state, self.threshold, lambda v: format_number(v, 0, self.decimal, group=True))

    def shown(self, n: Optional[float], state: str = SHOWN) -> bool:
        """Whether a figure derived from count *n* (in *state*) may be printed."""
        return dc.derived_shown(state, n, threshold=self.threshold)

    def rate(self, value: Optional[float], n: Optional[float], state: str = SHOWN) -> str:
        """A rate derived from count *n*: "–" when *n* is hidden or the rate is undefined."""
        if value is None or not self.shown(n, state):
            return "–"
        if value == 0:
            return "0"
        return self.num(value, 2 if abs(value) < 10 else 1)

    def change(
        self,
        change: Optional[Dict[str, Any]],
        n: int,
        n_comparison: int,
        state: str = SHOWN,
        state_comparison: str = SHOWN,
    ) -> str:
        """The change against the comparison period as "+25% *" (significant) or "–"."""
        if (
            not change
            or not self.shown(n, state)
            or not self.shown(n_comparison, state_comparison)
            or change.get("change_pct") is None
        ):
            return "–"
        value = change["change_pct"]
        text = ("+" if value > 0 else "") + format_number(value, 0, self.decimal, group=True) + "%"
        return text + (" *" if change.get("significant") else "")

    def ratio(self, vs: Optional[Dict[str, Any]], n: int, state: str = SHOWN) -> str:
        """A rate ratio against the reference as "1,8 *" or "–"."""
        if not vs or vs.get("ratio") is None or not self.shown(n, state) or n == 0:
            return "–"
        return self.num(vs["ratio"], 1) + (" *" if vs.get("significant") else "")

    def share(self, part: Optional[float], whole: Optional[float], state: str = SHOWN) -> Optional[str]:
        """*part* of *whole* as a percentage, or None when it would give a small count back."""
        if not self.shown(whole, state) or not dc.share_shown(part, whole, self.threshold):
            return None
        return self.pct(part / whole)
