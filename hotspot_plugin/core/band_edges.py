"""Band edges of the near-repeat analysis as text: the parameter text, and reading it back.

The near-repeat rules themselves (are the edges increasing, not negative) are checked by
:mod:`hotspot_plugin.core.nearrepeat`; this module only turns numbers into text and back.
"""
from __future__ import annotations

import math
import re
from typing import List, Optional, Sequence

from .errors import InputError
from .i18n import N_
from .numbers import format_number


def edges_text(edges: Sequence[float]) -> str:
    """Band edges as the parameter text, e.g. ``"0,100,200"`` (always a decimal point)."""
    return ",".join(format_number(e) for e in edges)


def parse_edges(text: str, kind: str) -> Optional[List[float]]:
    """Band edges from text such as ``"0, 100, 200"`` or ``"0; 0,5; 1"`` (None when empty).

    Numbers are separated by commas, semicolons or spaces; when the text holds a semicolon, a
    comma inside a number is a decimal comma. *kind* is ``"distance"`` or ``"time"`` (for the
    message of the InputError raised for a part that is not a number).
    """
    text = (text or "").strip()
    if not text:
        return None
    parts = re.split(r"[;\s]+", text) if ";" in text else re.split(r"[,\s]+", text)
    values: List[float] = []
    for part in parts:
        if not part:
            continue
        try:
            value = float(part.replace(",", "."))
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            if kind == "distance":
                message = N_('Could not read the distance bands "{text}": "{part}" is not a number. Write '
                             'the band edges in metres separated by commas, for example 0,100,200,300.')
            else:
                message = N_('Could not read the time bands "{text}": "{part}" is not a number. Write the '
                             'band edges in days separated by commas, for example 0,7,14,21.')
            raise InputError(message, text=text, part=part)
        values.append(value)
    return values
