"""User text in print layouts prints as typed: no expressions, no date codes, no HTML.

A layout label evaluates ``[% ... %]`` in its text (``QgsExpression.replaceExpressionText``) and
replaces ``$CURRENT_DATE(...)``; an organisation called ``[% 6*7 %]`` would print ``42``, and
``[% env('USER') %]`` or ``[% @user_account_name %]`` would print what they find. Every text Hotspot
puts in a label goes through :func:`set_label_text`, which sets :func:`literal_text`: each ``[%`` of
the text is written as the expression ``[% '[%' %]`` (which evaluates to ``[%``) and ``$`` before
``CURRENT_DATE`` as ``[% '$' %]``, so the label shows the text exactly, on QGIS 3.22 to 3.44 alike.
Nothing of the text is evaluated: the only expressions left are these string literals.

HTML (the dashboard, a label in HTML mode) is escaped with :func:`html.escape` instead.
"""

from __future__ import annotations

import re

_OPEN = "[%"
_OPEN_LITERAL = "[% '[%' %]"
_DATE_CODE = re.compile(r"\$(?=CURRENT_DATE)", re.IGNORECASE)
_DOLLAR_LITERAL = "[% '$' %]"
_MARK = "\x00"
_DOLLAR_MARK = "\x01"


def literal_text(text) -> str:
    """*text* written so that a layout label shows it literally (see the module docstring)."""
    text = "" if text is None else str(text)
    if _OPEN not in text and "$" not in text:
        return text
    text = text.replace(_MARK, "").replace(_DOLLAR_MARK, "")
    text = _DATE_CODE.sub(_DOLLAR_MARK, text.replace(_OPEN, _MARK))
    return text.replace(_MARK, _OPEN_LITERAL).replace(_DOLLAR_MARK, _DOLLAR_LITERAL)


def set_label_text(label, text) -> None:
    """Put *text* on a QgsLayoutItemLabel so that it prints as typed."""
    label.setText(literal_text(text))
