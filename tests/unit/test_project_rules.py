"""Project rules: core/ stays pure, every message is translated, metadata is complete."""
import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import check_core_purity  # noqa: E402
import i18n  # noqa: E402


def test_core_imports_no_qgis():
    assert list(check_core_purity.violations()) == []


def test_core_really_imports_without_qgis():
    code = ("import sys, importlib, pkgutil, hotspot_plugin.core as c\n"
            "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('hotspot_plugin.core.' + m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'osgeo')]\n"
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_every_message_has_a_dutch_translation():
    assert i18n.problems() == []


def test_extractor_finds_tr_and_marker_calls(tmp_path):
    src = tmp_path / "x.py"
    src.write_text("tr('One')\nself.tr('Two')\nN_('Three {n}')\nother('Four')\ntr(variable)\n")
    assert set(i18n.extract([src])) == {"One", "Two", "Three {n}"}


def test_metadata_fields():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    meta = parser["general"]
    for key in ("name", "description", "about", "version", "qgisMinimumVersion", "author", "email",
                "repository", "tracker"):
        assert meta.get(key), key
    assert meta["qgisMinimumVersion"] == "3.22" and meta["hasProcessingProvider"] == "yes"
    assert "Hotspot Analysis" not in meta["name"]
    assert (ROOT / meta["icon"]).exists()
