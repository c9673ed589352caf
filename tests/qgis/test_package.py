"""`make package`'s zip: the repository's rules, and it installs and runs under qgis_process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("pkg") / "hotspot_plugin.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(out)], check=True)
    return out


def test_zip_layout(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {n.split("/")[0] for n in names} == {"hotspot_plugin"}
    for required in ("__init__.py", "metadata.txt", "LICENSE", "resources/i18n/hotspot_nl.qm",
                     "resources/icons/hotspot.svg", "processing/provider.py"):
        assert f"hotspot_plugin/{required}" in names
    banned = [n for n in names if n.endswith((".pyc", ".so", ".pyd", ".dll", ".exe")) or "__pycache__" in n
              or "/.git" in n or "/demo/" in n]
    assert banned == []
    meta = zipfile.ZipFile(plugin_zip).read("hotspot_plugin/metadata.txt").decode()
    for key in ("name", "description", "about", "version", "qgisMinimumVersion", "author", "email",
                "repository", "tracker"):
        assert f"\n{key}=" in "\n" + meta, key
    assert "qgisMinimumVersion=3.22" in meta and "hasProcessingProvider=yes" in meta
    about = next(line for line in meta.splitlines() if line.startswith("about="))
    for word in ("Dutch and Flemish municipalities", "Dutch and English", "numpy", "shapely", "pyproj",
                 "rasterio"):
        assert word in about
    assert "GNU GENERAL PUBLIC LICENSE" in zipfile.ZipFile(plugin_zip).read("hotspot_plugin/LICENSE").decode()


def _qgis_process(profile: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300)


def test_installs_into_fresh_profile_and_runs_in_qgis_process(plugin_zip, tmp_path):
    profile = tmp_path / "profile"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    enabled = _qgis_process(profile, "plugins", "enable", "hotspot_plugin")
    assert enabled.returncode == 0, enabled.stderr
    listing = _qgis_process(profile, "list")
    assert "hotspot:createsafetygpkg" in listing.stdout and "hotspot:importincidents" in listing.stdout
    gpkg = tmp_path / "stad.gpkg"
    created = _qgis_process(profile, "--json", "run", "hotspot:createsafetygpkg", "--",
                            f"OUTPUT={gpkg}", "MUNICIPALITY=GM9999")
    assert created.returncode == 0, created.stdout + created.stderr
    assert json.loads(created.stdout)["results"]["OUTPUT"] == str(gpkg)
    csv_path = tmp_path / "inc.csv"
    csv_path.write_text("id;datum;soort;x;y\n1;01-02-2025 23:10;1.4.5;152000;443000\n"
                        "2;01-02-2025 23:20;onbekend;152000;443000\n", encoding="utf-8")
    imported = _qgis_process(profile, "--json", "run", "hotspot:importincidents", "--", f"INPUT={csv_path}",
                             f"GPKG={gpkg}", f"REJECTED={tmp_path / 'rejected.csv'}")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    results = json.loads(imported.stdout)["results"]
    assert (results["IMPORTED"], results["REJECTED_COUNT"]) == (1, 1)
    assert "Unknown category 'onbekend'" in (tmp_path / "rejected.csv").read_text(encoding="utf-8")
