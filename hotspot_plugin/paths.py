"""Where the plugin's files are: in the packaged plugin and in a source checkout."""
from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # Packaged: hotspot_plugin/<name>; source checkout: <repo>/<name>.
    for base in (PLUGIN_DIR, PLUGIN_DIR.parent):
        candidate = base / name
        if candidate.exists():
            return candidate
    return PLUGIN_DIR / name


RESOURCES = _find("resources")


def resource(*parts: str) -> Path:
    """Path of a file under resources/."""
    return RESOURCES.joinpath(*parts)


def icon_path(name: str) -> str:
    return str(resource("icons", name))


def i18n_dir() -> Path:
    """Compiled translations: packaged in resources/i18n, in a checkout in build/i18n."""
    packaged = resource("i18n")
    if list(packaged.glob("*.qm")):
        return packaged
    return PLUGIN_DIR.parent / "build" / "i18n"


@lru_cache(maxsize=1)
def metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_find("metadata.txt"), encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


def plugin_version() -> str:
    return metadata().get("version", "0")
