"""What a scan looks at: the safety fields and categories chosen, and the rules of a re-run that
takes a saved scan's values for what the user left out (pure core)."""
from __future__ import annotations

import re
from typing import Any, List, Optional, Sequence


def parse_codes(text: Optional[str]) -> List[str]:
    """Category codes from a text such as ``"1.1.1, 1.2.3"`` (commas, semicolons or spaces)."""
    return [c for c in re.split(r"[,;\s]+", text or "") if c]


def chosen_fields(indexes: Sequence[int], codes: Sequence[str]) -> Optional[List[str]]:
    """The safety-field codes of the chosen enum *indexes* in the order of *codes*; None for all."""
    fields = [codes[i] for i in sorted(set(indexes))] or None
    return all_fields_as_none(fields, codes)


def all_fields_as_none(fields: Optional[Sequence[str]], codes: Sequence[str]) -> Optional[List[str]]:
    """*fields*, or None when they cover every code (a scan of all fields is stored as None)."""
    if fields is not None and set(fields) >= set(codes):
        return None
    return None if fields is None else list(fields)


def given_or_saved(given: bool, value: Any, saved: Any, kind=float) -> Any:
    """*value* when the user gave it (or the saved scan has none: *saved* is None), else *saved* as *kind*."""
    if given or saved is None:
        return value
    return kind(saved)
