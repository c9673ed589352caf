"""The versioned JSON form of the scan record's typed parts (pure core): a dataclass base whose
fields are the dict keys, reading dicts with or without a ``"version"`` key and keeping unknown keys.

Used by :mod:`hotspot_plugin.core.scan_record` (the record's parameters) and
:mod:`hotspot_plugin.core.scan_types` (``ScanResult.parameters``).
"""
from __future__ import annotations

import copy
from dataclasses import MISSING, dataclass, fields
from typing import Any, Dict, Mapping, Optional, Type, TypeVar

#: The version of the JSON form written by ``to_json``; dicts without "version" are version 0
#: (Hotspot 0.1), which has the same keys. Version 2 (after 0.2): the advice column may hold the
#: verdict (core.scan_record); the other keys are as in version 1.
SCHEMA_VERSION = 2

T = TypeVar("T", bound="JsonForm")


def _default(f) -> Any:
    """The default value of a dataclass field."""
    return f.default_factory() if f.default is MISSING and f.default_factory is not MISSING else f.default


@dataclass
class JsonForm:
    """Shared JSON behaviour: the dataclass fields are the dict keys (``json_keys`` renames)."""

    #: field name -> JSON key, where they differ
    json_keys = {}  # type: Dict[str, str]
    #: fields holding nested JsonForm objects (or lists of them): field name -> class
    nested = {}  # type: Dict[str, Any]
    #: keys written only when the value is not None (absent from the dict otherwise)
    optional_keys = frozenset()  # type: frozenset
    versioned = True

    def to_json(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("extra", "absent"):
                continue
            value = getattr(self, f.name)
            key = self.json_keys.get(f.name, f.name)
            if value is None and key in self.optional_keys:
                continue
            if f.name in self.absent and value == _default(f):  # type: ignore[attr-defined]
                continue
            if isinstance(value, JsonForm):
                value = value.to_json()
            elif isinstance(value, list) and value and isinstance(value[0], JsonForm):
                value = [v.to_json() for v in value]
            else:
                value = copy.deepcopy(value)
            out[key] = value
        out.update(copy.deepcopy(self.extra))  # type: ignore[attr-defined]
        if self.versioned:
            out["version"] = SCHEMA_VERSION
        return out

    @classmethod
    def from_json(cls: Type[T], data: Optional[Mapping[str, Any]]) -> T:
        data = dict(data or {})
        data.pop("version", None)
        kwargs: Dict[str, Any] = {}
        absent = set()
        for f in fields(cls):
            if f.name in ("extra", "absent"):
                continue
            key = cls.json_keys.get(f.name, f.name)
            if key not in data:
                absent.add(f.name)
                continue
            value = data.pop(key)
            kind = cls.nested.get(f.name)
            if kind is not None and value is not None:
                value = [kind.from_json(v) for v in value] if isinstance(value, list) else kind.from_json(value)
            else:
                value = copy.deepcopy(value)
            kwargs[f.name] = value
        return cls(**kwargs, extra=copy.deepcopy(data), absent=absent)  # type: ignore[call-arg]
