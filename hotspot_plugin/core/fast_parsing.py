"""Whole-column reading of the common date and time notations, for the import's fast path.

:func:`fast_datetimes` reads a chunk's date (and separate time) column with numpy: ISO
``jjjj-mm-dd[(T| )hh:mm[:ss]]`` and Dutch ``dd-mm-jjjj[(T| )hh:mm[:ss]]`` (``-``, ``/`` or ``.``
between the date parts), times ``hh:mm``, ``hh.mm``, ``hh:mm:ss`` and ``hhmm``. It only says
"this cell is certainly fine, and this is its value"; every other cell (another notation,
blanks, spaces around it, a date that does not exist, an hour 24, a year before 1900, a value
that is not text) is left to the per-row reader (:mod:`parsing` via the import's validator),
so every rejection keeps its reason. The values it gives equal what the per-row reader gives.
"""
from __future__ import annotations

from typing import Optional, Sequence, Tuple

import numpy as np

_WIDTH = 19  # the longest notation read here: dd-mm-jjjj hh:mm:ss
_DIGIT0 = ord("0")


def _text_cells(values: Sequence[object]) -> Optional[Tuple[np.ndarray, np.ndarray]]:
    """(codepoint matrix n x 19, length per cell) of a column of str/None; None when it holds other types.

    A cell longer than 19 characters (or None) becomes length 0 (never fast).
    """
    if not all(v is None or v.__class__ is str for v in values):
        return None
    clean = [v if v is not None and len(v) <= _WIDTH else "" for v in values]
    lengths = np.fromiter(map(len, clean), dtype=np.int64, count=len(clean))
    codes = np.array(clean, dtype=f"U{_WIDTH}").view(np.uint32).reshape(len(clean), _WIDTH)
    return codes.astype(np.int32), lengths


def _digits(codes: np.ndarray, positions) -> Tuple[np.ndarray, np.ndarray]:
    """(number, all are digits) of the digits at *positions* of each row."""
    part = codes[:, positions] - _DIGIT0
    ok = ((part >= 0) & (part <= 9)).all(axis=1)
    value = np.zeros(len(codes), dtype=np.int64)
    for k in range(len(positions)):
        value = value * 10 + part[:, k]
    return value, ok


def _is(codes: np.ndarray, position: int, chars: str) -> np.ndarray:
    column = codes[:, position]
    out = np.zeros(len(codes), dtype=bool)
    for c in chars:
        out |= column == ord(c)
    return out


def _days_in_month(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)[np.clip(month, 0, 12)]
    return days + ((month == 2) & leap)


def _clock(codes: np.ndarray, lengths: np.ndarray, start: int):
    """(hour, minute, second, readable) of ``hh[:.]mm`` or ``hh[:.]mm[:.]ss`` from *start* to the end."""
    h, ok_h = _digits(codes, [start, start + 1])
    mi, ok_m = _digits(codes, [start + 3, start + 4])
    s, ok_s = _digits(codes, [start + 6, start + 7])
    short = lengths == start + 5
    long_ = lengths == start + 8
    ok = ok_h & ok_m & _is(codes, start + 2, ":.") & (short | (long_ & _is(codes, start + 5, ":.") & ok_s))
    s = np.where(long_, s, 0)
    ok &= (h <= 23) & (mi <= 59) & (s <= 59)
    return h, mi, s, ok


def _times(values: Sequence[object]):
    """(hour, minute, second, readable, blank) of a separate time column (None: not text)."""
    cells = _text_cells(values)
    if cells is None:
        return None
    codes, lengths = cells
    blank = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    h, mi, s, ok = _clock(codes, lengths, 0)
    # hhmm (parse_time's compact form)
    ch, ok_ch = _digits(codes, [0, 1])
    cm, ok_cm = _digits(codes, [2, 3])
    compact = (lengths == 4) & ok_ch & ok_cm & (ch <= 23) & (cm <= 59)
    h = np.where(compact, ch, h)
    mi = np.where(compact, cm, mi)
    s = np.where(compact, 0, s)
    return h, mi, s, ok | compact, blank


def fast_datetimes(dates: Sequence[object], times: Optional[Sequence[object]] = None):
    """``(iso, known, ok)`` of a date column (and separate time column) read as whole columns.

    ``iso`` holds ``YYYY-MM-DDTHH:MM:SS.000`` (a str array; 00:00:00 when the time is not
    known), ``known`` whether a time of day was given, ``ok`` where the cell was certainly read
    (elsewhere the other two mean nothing). Years before 1900 are never ``ok`` (the per-row
    check rejects them with its reason). A separate non-blank time replaces the date's time,
    as in :func:`parsing.read_datetime`.
    """
    n = len(dates)
    cells = _text_cells(dates)
    if cells is None or n == 0:
        return np.zeros(n, dtype="U23"), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    codes, lengths = cells
    # ISO jjjj-mm-dd
    iy, ok_iy = _digits(codes, [0, 1, 2, 3])
    im, ok_im = _digits(codes, [5, 6])
    iday, ok_id = _digits(codes, [8, 9])
    iso_form = ok_iy & ok_im & ok_id & _is(codes, 4, "-") & _is(codes, 7, "-")
    # Dutch dd-mm-jjjj
    dd, ok_dd = _digits(codes, [0, 1])
    dm, ok_dm = _digits(codes, [3, 4])
    dy, ok_dy = _digits(codes, [6, 7, 8, 9])
    dutch_form = ok_dd & ok_dm & ok_dy & _is(codes, 2, "-/.") & _is(codes, 5, "-/.")
    year = np.where(iso_form, iy, dy)
    month = np.where(iso_form, im, dm)
    day = np.where(iso_form, iday, dd)
    ok = (iso_form | dutch_form) & (year >= 1900) & (month >= 1) & (month <= 12) & (day >= 1)
    ok &= day <= _days_in_month(year, month)
    h, mi, s, clock_ok = _clock(codes, lengths, 11)
    with_time = lengths > 10
    ok &= (lengths == 10) | (with_time & _is(codes, 10, " T") & clock_ok)
    known = with_time.copy()
    if times is not None:
        separate = _times(times)
        if separate is None:
            ok[:] = False
        else:
            th, tm, ts, t_ok, t_blank = separate
            ok &= t_blank | t_ok
            use = ~t_blank
            h, mi, s = np.where(use, th, h), np.where(use, tm, mi), np.where(use, ts, s)
            known |= use
    h, mi, s = (np.where(known, v, 0) for v in (h, mi, s))
    out = np.empty((n, 23), dtype=np.uint32)
    for k, (value, width) in enumerate(((year, 4), (month, 2), (day, 2), (h, 2), (mi, 2), (s, 2))):
        start = (0, 5, 8, 11, 14, 17)[k]
        for j in range(width):
            out[:, start + width - 1 - j] = _DIGIT0 + (value // 10 ** j) % 10
    for position, char in ((4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (20, "0"),
                           (21, "0"), (22, "0")):
        out[:, position] = ord(char)
    iso = out.view("U23").reshape(n)
    return iso, known, ok
