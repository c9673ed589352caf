"""Reading dates, times and numbers as Dutch and Flemish files write them."""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Optional, Tuple

import numpy as np

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
                  r"(?:Z|[+-]\d{2}:?\d{2})?$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?$")
_COMPACT_TIME = re.compile(r"^(\d{1,2})(\d{2})$")


def parse_datetime(value: object, time_value: object = None) -> Optional[dt.datetime]:
    """Parse a date (and optional separate time) in ISO or Dutch notation.

    Accepted: ``jjjj-mm-dd``, ``jjjj-mm-ddThh:mm[:ss]`` (a zone suffix is ignored: times
    are kept as local clock time), ``dd-mm-jjjj``, ``dd-mm-jjjj hh:mm[:ss]``, with ``-``,
    ``/`` or ``.`` between the date parts (always day first, as in Dutch). Python
    ``date``/``datetime`` objects pass through. Returns None when it cannot be read or the
    date does not exist (31-02-2024).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        result = value.replace(tzinfo=None)
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        if not text:
            return None
        m = _ISO.match(text)
        try:
            if m:
                y, mo, d, h, mi, s = m.groups()
                result = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
            else:
                m = _DUTCH.match(text)
                if not m:
                    return None
                d, mo, y, h, mi, s = m.groups()
                result = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        except ValueError:
            return None
    if time_value is not None and str(time_value).strip():
        t = parse_time(time_value)
        if t is None:
            return None
        result = result.replace(hour=t[0], minute=t[1], second=t[2])
    return result


#: What :func:`read_datetime` found wrong with a value.
UNREADABLE = "unreadable"
NONEXISTENT = "nonexistent"
BAD_TIME = "bad_time"


def read_datetime(value: object, time_value: object = None) -> Tuple[Optional[dt.datetime], bool, Optional[str]]:
    """``(datetime, time_known, problem)`` of a date (and optional separate time).

    Like :func:`parse_datetime`, but it tells whether a time of day was given (a date alone
    or a blank time cell: ``time_known`` is False and the datetime holds 00:00 only as a
    placeholder) and why a value cannot be used: :data:`UNREADABLE` (not a date notation),
    :data:`NONEXISTENT` (31-02-2024, 2024-13-01: the notation is right, the date does not
    exist) or :data:`BAD_TIME` (the time cell cannot be read).
    """
    if value is None:
        return None, False, UNREADABLE
    known = False
    if isinstance(value, dt.datetime):
        result, known = value.replace(tzinfo=None), True
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        m = _ISO.match(text)
        groups = m.groups() if m else None
        if groups is None:
            m = _DUTCH.match(text)
            if not m:
                return None, False, UNREADABLE
            d, mo, y, h, mi, s = m.groups()
        else:
            y, mo, d, h, mi, s = groups
        known = h is not None
        try:
            result = dt.datetime(int(y), int(mo), int(d))
        except ValueError:
            return None, False, NONEXISTENT
        if known:
            if int(h) > 23 or int(mi) > 59 or int(s or 0) > 59:
                return None, False, NONEXISTENT
            result = result.replace(hour=int(h), minute=int(mi), second=int(s or 0))
    if time_value is not None and not is_blank(time_value):
        t = parse_time(time_value)
        if t is None:
            return None, False, BAD_TIME
        result, known = result.replace(hour=t[0], minute=t[1], second=t[2]), True
    return result, known, None


def normalise_name(text: object) -> str:
    """A column name or label for matching: no accents, lower case, no spaces, hyphens,
    underscores or dots (``"X-coördinaat"`` and ``"x_coordinaat"`` both give ``"xcoordinaat"``)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-_.]+", "", plain.casefold())


def gpkg_datetime(value: dt.datetime) -> str:
    """A local clock time as GDAL writes a GeoPackage DATETIME without time zone.

    ``YYYY-MM-DDTHH:MM:SS.sss``: the form GDAL reads without warnings and the one QGIS's
    date filters compare against in SQL (text comparison), so every writer uses it.
    """
    return value.replace(tzinfo=None).isoformat(timespec="milliseconds")


def parse_time(value: object) -> Optional[Tuple[int, int, int]]:
    """Parse ``hh:mm[:ss]``, ``hh.mm`` or ``hhmm`` into (h, m, s); None if unreadable."""
    if isinstance(value, dt.time):
        return value.hour, value.minute, value.second
    if isinstance(value, dt.datetime):
        return value.hour, value.minute, value.second
    text = str(value).strip()
    m = _TIME.match(text) or _COMPACT_TIME.match(text)
    if not m:
        return None
    parts = [int(p) for p in m.groups() if p is not None] + [0]
    h, mi, s = parts[0], parts[1], parts[2] if len(parts) > 2 else 0
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def parse_number(value: object) -> Optional[float]:
    """Parse a number written with a decimal point or a Dutch decimal comma.

    ``155000,5`` and ``155000.5`` give 155000.5; with both separators the last one is the
    decimal separator (``155.000,5`` and ``155,000.5``). Returns None for empty or
    unreadable values and for NaN/infinity.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        return number if math.isfinite(number) else None
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        if text.count(",") > 1:
            return None
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


_TEXT_TYPES = {str, type(None)}


def parse_numbers(values) -> np.ndarray:
    """:func:`parse_number` over a whole column at once: floats, NaN where blank or unreadable.

    Plain numbers and strings with a decimal point or comma go through numpy in one pass;
    only a column with other notations (thousands separators, text) falls back to
    :func:`parse_number` per distinct value.
    """
    n = len(values)
    if n == 0:
        return np.zeros(0)
    try:
        if set(map(type, values)) <= _TEXT_TYPES:
            # numpy drops trailing NULs and reads surrounding spaces itself; the decimal comma
            # becomes a point in the array's code points (what str.replace would do, 10x faster)
            text = np.array([v if v is not None else "nan" for v in values], dtype=str)
            if text.dtype.itemsize:
                codes = text.view(np.uint32)
                codes[codes == 44] = 46
        else:
            text = np.array(["nan" if v is None else v for v in values], dtype=str)
            text = np.char.replace(np.char.strip(text), ",", ".")
            text[text == ""] = "nan"
        out = text.astype(float)
    except (ValueError, TypeError):
        cache: dict = {}
        out = np.empty(n)
        for i, v in enumerate(values):
            try:
                r = cache[v]
            except KeyError:
                r = cache[v] = parse_number(v)
            except TypeError:
                r = parse_number(v)
            out[i] = np.nan if r is None else r
        return out
    out[~np.isfinite(out)] = np.nan
    return out
