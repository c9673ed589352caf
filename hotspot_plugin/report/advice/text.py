"""Numbers, dates and periods as the advice report prints them, in the user's language.

The small-count rule (which counts are published as "<threshold") is in :mod:`.disclosure`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Sequence

from ... import i18n
from ...core.numbers import format_number
from ...i18n import tr


def month_names() -> List[str]:
    """Full month names, January first, in the user's language."""
    return [
        tr("January"),
        tr("February"),
        tr("March"),
        tr("April"),
        tr("May"),
        tr("June"),
        tr("July"),
        tr("August"),
        tr("September"),
        tr("October"),
        tr("November"),
        tr("December"),
    ]


def long_date(day: dt.date) -> str:
    """A date as "3 March 2026" / "3 maart 2026"."""
    return f"{day.day} {month_names()[day.month - 1]} {day.year}"


def parse_iso(value: Any) -> Optional[dt.datetime]:
    """An ISO date or date-time ("2026-03-03", "2026-03-03 10:00:00Z") as a datetime; None when unreadable."""
    if not value:
        return None
    text = str(value).strip().replace(" ", "T").rstrip("Z")
    try:
        return dt.datetime.fromisoformat(text[:19] if len(text) >= 19 else text)
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text[:10])
        except ValueError:
            return None


class NumberFormatter:
    """Numbers, shares, dates and periods as printed (Dutch: decimal comma, Dutch month names)."""

    def __init__(self, dutch: Optional[bool] = None) -> None:
        self.dutch = i18n.dutch() if dutch is None else dutch
        self.decimal = "," if self.dutch else "."
        self.lang = "nl" if self.dutch else "en"

    def num(self, value: Optional[float], decimals: int = 1) -> str:
        """A number with the language's decimal sign ("-" for None)."""
        text = format_number(value, decimals, self.decimal, group=True)
        return "–" if text == "-" else text

    def plain_count(self, n: Optional[float]) -> str:
        """A count that is not about persons (risk objects, inhabitants): never suppressed."""
        return "–" if n is None else format_number(n, 0, self.decimal, group=True)

    def pct(self, share: Optional[float], decimals: int = 0) -> str:
        """A share 0..1 as a percentage."""
        return "–" if share is None else format_number(share * 100.0, decimals, self.decimal, group=True) + "%"

    def date(self, value: Any) -> str:
        """A date as "3 March 2026" / "3 maart 2026" (empty when unreadable)."""
        d = parse_iso(value)
        if d is None:
            return ""
        return long_date(d)

    def period(self, pair: Sequence[Any]) -> str:
        """A half-open period [start, end) as its first and last day, "1 January 2025 to 31 ..."."""
        start, end = parse_iso(pair[0]), parse_iso(pair[1])
        if start is None or end is None:
            return "–"
        last = end - dt.timedelta(seconds=1)
        return tr("{start} to {end}").format(
            start=self.date(start.isoformat()), end=self.date(last.isoformat())
        )


def fill_template(template: str, params: Dict[str, Any], fmt: NumberFormatter) -> str:
    """A translated method or warning template with its parameters (numbers in the user's style)."""
    shown = {}
    for k, v in params.items():
        if isinstance(v, bool) or v is None:
            shown[k] = "" if v is None else str(v)
        elif isinstance(v, int):
            shown[k] = fmt.plain_count(v)
        elif isinstance(v, float):
            shown[k] = fmt.num(v, 0 if float(v).is_integer() else 2 if abs(v) < 10 else 1)
        else:
            shown[k] = str(v)
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template
