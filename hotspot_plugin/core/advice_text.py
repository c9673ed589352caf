"""The texts of the advice: findings rendered as sentences in the user's language (pure core).

Templates are English ``N_()`` texts with ``{placeholders}``; :func:`render` translates a finding's
template with a ``str -> str`` callable and fills in its parameters, formatted by name with the
one number formatter (:func:`hotspot_plugin.core.numbers.format_number`). A grouped finding (one per
safety field, id ``field:<code>``) whose strongest evidence is a category names its field first
(:data:`T_FIELD_FIRST`), so the reader sees which field the finding is about.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, Optional

from .categories import SAFETY_FIELDS
from .i18n import N_
from .numbers import format_number as _format_number
from .scan_types import is_small
from .schema import RISK_OBJECT_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from .advice_rules import Finding

Translate = Optional[Callable[[str], str]]

#: The number formatter with thousands grouped from 10,000 on ("." with a decimal comma, ","
#: otherwise), as the advice's texts and tables show numbers: ``format_number(value, decimals,
#: decimal)``; None -> "-".
format_number = functools.partial(_format_number, group=True)

#: Checklist groups of the schouw, English labels (translated by render()).
CHECKLIST_GROUP_LABELS: Dict[str, str] = {
    "verlichting": N_("lighting"),
    "zicht": N_("sight lines and overview"),
    "toegang": N_("access"),
    "heel": N_("repair (heel)"),
    "schoon": N_("cleanliness (schoon)"),
    "veilig": N_("safety (veilig)"),
    "beleving": N_("perceived safety"),
    "overig": N_("other items"),
}

#: A grouped finding whose strongest evidence is a category: its safety field, then that evidence.
T_FIELD_FIRST = N_("{field} – {finding}")

#: How render() formats parameters, by name.
_RATIO_PARAMS = frozenset({"ratio", "ci_low", "ci_high"})
_PCT_PARAMS = frozenset({"share", "area_share", "share_low", "share_high", "reference_share"})
_RATE_PARAMS = frozenset({"rate", "reference_rate"})
_COUNT_PARAMS = frozenset({"n", "n_comparison"})


def _format_param(
    name: str, value: Any, translate: Callable[[str], str], decimal: str, threshold: Optional[int]
) -> str:
    if name in _RATIO_PARAMS:
        return format_number(value, 1, decimal)
    if name in _PCT_PARAMS:
        return "-" if value is None else format_number(value * 100.0, 0, decimal) + "%"
    if name in _RATE_PARAMS:
        if value is None:
            return "-"
        return format_number(value, 2 if abs(value) < 10 else 1, decimal)
    if name == "level":
        return format_number(value, 0 if float(value).is_integer() else 1, decimal)
    if name == "test":
        return translate(str(value))
    if name == "change":
        if value is None:
            return "-"
        return ("+" if value > 0 else "") + format_number(value, 0, decimal) + "%"
    if name in ("distance", "count"):
        return format_number(value, 0, decimal)
    if name in _COUNT_PARAMS:
        if threshold is not None and is_small(value, threshold):
            return f"<{threshold}"
        return format_number(value, 0, decimal)
    if name == "kind":
        return translate(RISK_OBJECT_KINDS[value]) if value in RISK_OBJECT_KINDS else str(value)
    if name == "group":
        return translate(CHECKLIST_GROUP_LABELS[value]) if value in CHECKLIST_GROUP_LABELS else str(value)
    if isinstance(value, float):
        return format_number(value, 2, decimal)
    return "" if value is None else str(value)


def render(
    finding: Finding, translate: Translate = None, decimal: str = ".", threshold: Optional[int] = None
) -> str:
    """The finding as a sentence: template translated by *translate* (``str -> str``), params
    formatted (ratios 1 decimal, shares and changes as whole percentages, ``decimal=","`` for
    Dutch) and counts below *threshold* shown as ``"<threshold"`` when a threshold is given."""
    if finding.rule == "user":
        return finding.template
    tr = translate or (lambda s: s)
    params = {k: _format_param(k, v, tr, decimal, threshold) for k, v in finding.params.items()}
    text = tr(finding.template)
    try:
        text = text.format(**params)
    except (KeyError, IndexError, ValueError):
        text = finding.template.format(**params)
    code = field_first(finding)
    if code is None:
        return text
    return render_template(T_FIELD_FIRST, {"field": tr(SAFETY_FIELDS[code][1]), "finding": text}, tr)


def field_first(finding: Finding) -> Optional[str]:
    """The safety field a finding's text names first: that of a grouped finding (id ``field:<code>``)
    whose strongest evidence is one of the field's categories; None for any other finding (its
    evidence is the field itself, categories without a field, a finding of findings v1, a supporting
    line, the user's own text)."""
    code = finding.safety_field
    if finding.rule == "user" or finding.category is None or code not in SAFETY_FIELDS:
        return None
    return code if finding.id == f"field:{code}" else None


def render_template(template: str, params: Mapping[str, Any], translate: Translate = None) -> str:
    """A template translated by *translate* and filled with *params*; the English template is
    used when the translation does not fit the parameters."""
    text = translate(template) if translate else template
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)

