"""Marker for translatable text raised from the pure core.

The core cannot import Qt, so it marks user-facing templates with :func:`N_`.
The QGIS layer translates the template with ``tr()`` and then fills in the
parameters (see ``hotspot_plugin.i18n.tr_error``). ``scripts/i18n.py`` extracts
``N_("...")`` and ``tr("...")`` literals alike.
"""


def N_(text: str) -> str:  # noqa: N802 - gettext convention
    """Return *text* unchanged; marks it for extraction into the translations."""
    return text
