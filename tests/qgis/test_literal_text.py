"""User text in layouts prints as typed (issue #14, attack 3): the escaping, against QGIS's own evaluator."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsLayoutItemLabel,
    QgsPrintLayout,
    QgsProject,
)

from hotspot_plugin.report.literal import literal_text, set_label_text

#: Text a user can type into an organisation, a title, an author, a description, a street name ...
TEXTS = [
    "[% 6*7 %]",
    "[% env('HOME') %]",
    "[%@user_account_name%]",
    "[% @qgis_version %]",
    "[% repeat('x', 100000000) %]",
    "a [%]",
    "[[% 1 %]",
    "[% '[%' %]",
    "[%%]",
    "%] [% x",
    "[% 1 %] en [% 2 %]",
    "$CURRENT_DATE(dd-MM-yyyy)",
    "$current_date",
    "€ 5$ [% 'a' || '%]' %]",
    "<b>vet</b> &amp; <script>alert(1)</script>",
    "Gemeente 's-Hertogenbosch",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_expression_evaluator_gives_the_text_back(text):
    context = QgsExpressionContext()
    context.appendScope(QgsExpressionContextUtils.globalScope())
    assert QgsExpression.replaceExpressionText(literal_text(text), context) == text


@pytest.mark.parametrize("text", TEXTS)
def test_a_layout_label_shows_the_text_as_typed(text):
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    set_label_text(label, text)
    assert label.currentText() == text


def test_plain_text_is_left_alone():
    assert literal_text("Plein 1992, 12% meer") == "Plein 1992, 12% meer"
    assert literal_text(None) == ""
