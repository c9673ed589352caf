"""The one number formatter of Hotspot: messages, logs, tables and the report all use it."""
from __future__ import annotations

import math
from typing import Optional

#: Thousands are grouped from this absolute value on (10,000 -> "10,000"; 9999 stays "9999").
GROUP_FROM = 10000.0


def format_number(value: Optional[float], decimals: Optional[int] = None, decimal: str = ".",
                  group: bool = False, strip_zeros: bool = False, missing: str = "-") -> str:
    """*value* as text.

    - ``decimals=None``: the shortest exact form: whole numbers without decimals (``100.0`` ->
      ``"100"``), others with up to 10 significant digits (``0.5`` -> ``"0.5"``).
    - ``decimals=n``: fixed *n* decimals; ``strip_zeros`` then drops trailing zeros (``37.50`` ->
      ``"37.5"``, ``25.00`` -> ``"25"``).
    - ``group``: thousands separators from :data:`GROUP_FROM` on ("." when the decimal sign is a
      comma, "," otherwise).
    - ``decimal``: the decimal sign ("," in Dutch). None, NaN and infinities give *missing*.
    """
    if value is None:
        return missing
    v = float(value)
    if not math.isfinite(v):
        return missing
    grouped = group and abs(v) >= GROUP_FROM
    if decimals is None:
        if v.is_integer() and abs(v) < 1e15:
            text = f"{int(v):,}" if grouped else str(int(v))
        else:
            text = format(v, ",.10g" if grouped else ".10g")
    else:
        text = f"{v:,.{decimals}f}" if grouped else f"{v:.{decimals}f}"
        if strip_zeros and "." in text:
            text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0") or (text.startswith("-") and float(text.replace(",", "")) == 0.0):
        text = text[1:]
    if decimal != ".":
        text = text.replace(",", "\0").replace(".", decimal).replace("\0", "." if decimal == "," else ",")
    return text
