"""Translation: one context ("Hotspot") for all strings, Dutch shipped.

``tr()`` is what every user-facing string goes through. ``scripts/i18n.py`` extracts
``tr("...")`` and the core's ``N_("...")`` literals into resources/i18n/nl/*.ts, and
``make i18n`` compiles them with lrelease into one .qm file.
"""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import i18n_dir

CONTEXT = "Hotspot"
_translator: Optional[QTranslator] = None
_language = "en"


def tr(text: str) -> str:
    """Translate *text* (English source) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_error(error) -> str:
    """The translated message of a core HotspotError."""
    return error.render(tr)


def user_locale() -> str:
    """Two-letter language code QGIS is running in (QGIS's own override first)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = settings.value("locale/globalLocale", "") or QLocale.system().name()
    return (name or "en")[:2].lower()


def install_translator(locale: Optional[str] = None) -> bool:
    """Install the translator for *locale* (default: QGIS's); True if one was loaded."""
    global _translator, _language
    remove_translator()
    lang = (locale or user_locale())[:2]
    qm = i18n_dir() / f"hotspot_{lang}.qm"
    if not qm.exists():
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    _language = lang
    return True


def remove_translator() -> None:
    global _translator, _language
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    _language = "en"


def current_language() -> str:
    """The language of the installed translation ("en" when none): help texts follow it."""
    return _language


def dutch() -> bool:
    """True when Hotspot speaks Dutch (its Dutch translation is installed)."""
    return _language == "nl"


def decimal_sign() -> str:
    """The decimal sign of the language Hotspot speaks (a comma in Dutch)."""
    return "," if dutch() else "."


def current_translator() -> Optional[QTranslator]:
    return _translator
