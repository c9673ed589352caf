"""Project rules: core/ stays pure, no Qt5-only or deprecated QGIS names, every message is translated,
metadata is complete."""
import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import check_core_purity  # noqa: E402
import check_qgis4  # noqa: E402
import i18n  # noqa: E402


def test_core_imports_no_qgis():
    assert list(check_core_purity.violations()) == []


def test_core_really_imports_without_qgis():
    code = ("import sys, importlib, pkgutil, hotspot_plugin.core as c\n"
            "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('hotspot_plugin.core.' + m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'osgeo')]\n"
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_no_qt5_only_or_deprecated_qgis_names():
    """QGIS 4 (Qt 6) has no QVariant types, QAction in QtWidgets, exec_ or the enum names moved to Qgis."""
    assert list(check_qgis4.violations()) == []


def test_qgis4_check_finds_what_it_is_meant_to(tmp_path):
    src = tmp_path / "hotspot_plugin" / "x.py"
    src.parent.mkdir()
    src.write_text(
        "from qgis.PyQt.QtWidgets import QAction, QMenu\n"
        "from PyQt5.QtCore import QVariant\n"
        "f = QgsField('n', QVariant.Int)\n"
        "t = QgsProcessing.SourceType.TypeVectorPolygon\n"
        "g = QgsWkbTypes.PointGeometry\n"
        "s = source.SpatialIndexPresence.SpatialIndexNotPresent\n"
        "dialog.exec_()\n"
        "i = QgsMarkerLineSymbolLayer.Placement.Interval\n"
        "ok = [Qgis.ProcessingSourceType.VectorPolygon, QgsFeatureSink.Flag.FastInsert, 'QVariant.Int']  # exec_()\n"
    )
    names, tails = check_qgis4.load_names()
    found = list(check_qgis4.file_violations(src, src.read_text(), names, tails, root=tmp_path))
    lines = sorted(int(f.split(":")[1]) for f in found)
    assert lines == [1, 2, 3, 4, 5, 6, 7, 8], found


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
    # QGIS 4 (Qt 6) too: scripts/check_qgis4.py keeps the code free of Qt5-only and deprecated names
    assert meta["qgisMaximumVersion"] == "4.99" and meta["supportsQt6"] == "True"
    assert "Hotspot Analysis" not in meta["name"]
    assert (ROOT / meta["icon"]).exists()
