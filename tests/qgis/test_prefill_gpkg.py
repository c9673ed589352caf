"""Issue #15 part 4: in a fresh profile (no last used GeoPackage in the settings) the omgevingsscan
wizard, the near-repeat, warning-letters and buurtschouw dialogs start with the safety GeoPackage of
the open project; a last used GeoPackage that exists still wins; without a safety GeoPackage in the
project the field stays empty.

The project is the demo project itself (resources/demo/zuiderwaarde.qgs, copied with its two
GeoPackages): which file is the safety GeoPackage is known from the demo, not from the code under test.
Dialogs are rendered to /tmp/hotspot_look/prefill/*.png to be looked at.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsSettings, QgsVectorLayer

from hotspot_plugin.gui import nearrepeat_dialog as nd
from hotspot_plugin.gui import schouw_dialog as sd
from hotspot_plugin.gui.incidents_input import project_safety_gpkg
from tests.qgis.test_scan_wizard import canvas, keep_settings, make_wizard, process  # noqa: F401 - fixtures

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
LOOK = Path("/tmp/hotspot_look/prefill")


@pytest.fixture()
def demo_project(tmp_path):
    """The demo project read from a copy of its folder; the path of its safety GeoPackage."""
    folder = tmp_path / "demo"
    folder.mkdir()
    for name in ("zuiderwaarde.qgs", "zuiderwaarde.gpkg", "zuiderwaarde_adressen.gpkg"):
        shutil.copy(DEMO / name, folder / name)
    project = QgsProject.instance()
    project.clear()
    assert project.read(str(folder / "zuiderwaarde.qgs"))
    layers = project.mapLayers().values()
    assert len(layers) >= 9 and all(lay.isValid() for lay in layers)
    yield folder / "zuiderwaarde.gpkg"
    project.clear()


@pytest.fixture()
def adressen_only(tmp_path):
    """A project with a GeoPackage layer that is not a safety GeoPackage, and a memory layer."""
    shutil.copy(DEMO / "zuiderwaarde_adressen.gpkg", tmp_path / "adressen.gpkg")
    project = QgsProject.instance()
    project.clear()
    adressen = QgsVectorLayer(f"{tmp_path / 'adressen.gpkg'}|layername=adressen", "adressen", "ogr")
    memory = QgsVectorLayer("Point?crs=EPSG:28992&field=occurred_at:string&field=category:string",
                            "incidents", "memory")
    assert adressen.isValid() and memory.isValid()
    project.addMapLayers([adressen, memory])
    yield
    project.clear()


def categories_with_incidents(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(DISTINCT category) FROM incidents").fetchone()[0]
    finally:
        con.close()


def opened(qgis_iface, make_wizard):  # noqa: F811 - the fixture's value
    """The four dialogs as the menu opens them: {name: (dialog, its GeoPackage field's path)}."""
    wizard = make_wizard()
    near = nd.NearRepeatDialog(qgis_iface)
    letters = nd.WarningLettersDialog(qgis_iface)
    schouw = sd.open_schouw_dialog(None)
    process()
    return {
        "wizard": (wizard, wizard.area_page.gpkg_path()),
        "nearrepeat": (near, near.gpkg_path()),
        "letters": (letters, letters.gpkg_path()),
        "schouw": (schouw, schouw.gpkg_path()),
    }


def close(dialogs) -> None:
    for name, (dialog, _path) in dialogs.items():
        if name != "wizard":  # make_wizard closes its own
            dialog.close()
    process()


def test_the_dialogs_start_with_the_safety_gpkg_of_the_project(demo_project, qgis_iface, make_wizard,  # noqa: F811
                                                                 hotspot_provider):
    assert not QgsSettings().contains("hotspot/last_gpkg")  # a fresh profile
    assert project_safety_gpkg(QgsProject.instance()) == str(demo_project)
    dialogs = opened(qgis_iface, make_wizard)
    try:
        LOOK.mkdir(parents=True, exist_ok=True)
        for name, (dialog, path) in dialogs.items():
            assert Path(path) == demo_project, name
            dialog.show()
            process()
            assert dialog.grab().save(str(LOOK / f"{name}.png"))
        # and what follows from the GeoPackage is filled in as when it is chosen by hand
        n = categories_with_incidents(demo_project)
        assert n >= 3
        for name in ("nearrepeat", "letters"):  # each category with incidents, and "All categories"
            assert dialogs[name][0].category.count() == n + 1, name
        wizard = dialogs["wizard"][0]
        assert wizard.area_page.info is not None and not wizard.area_page.info_error
        # the buurtschouw dialog is as wide as its rows: nothing scrolls sideways
        assert not dialogs["schouw"][0].content_scroll.horizontalScrollBar().isVisible()
    finally:
        close(dialogs)


def test_a_loaded_layer_of_the_safety_gpkg_is_enough(demo_project):
    project = QgsProject.instance()
    for layer in list(project.mapLayers().values()):
        if not layer.source().endswith("layername=streets"):
            project.removeMapLayer(layer.id())
    assert [lay.name() for lay in project.mapLayers().values()] != []
    assert project_safety_gpkg(project) == str(demo_project)


def test_without_a_safety_gpkg_in_the_project_the_field_stays_empty(adressen_only, qgis_iface, make_wizard,  # noqa: F811,E501
                                                                       hotspot_provider):
    assert project_safety_gpkg(QgsProject.instance()) == ""
    dialogs = opened(qgis_iface, make_wizard)
    try:
        assert {name: path for name, (_d, path) in dialogs.items()} == dict.fromkeys(dialogs, "")
    finally:
        close(dialogs)


def test_the_last_used_gpkg_wins_when_it_exists(demo_project, qgis_iface, make_wizard, hotspot_provider,  # noqa: F811
                                                tmp_path):
    other = tmp_path / "andere.gpkg"
    shutil.copy(demo_project, other)
    QgsSettings().setValue("hotspot/last_gpkg", str(other))
    dialogs = opened(qgis_iface, make_wizard)
    try:
        assert {name: Path(path) for name, (_d, path) in dialogs.items()} == dict.fromkeys(dialogs, other)
    finally:
        close(dialogs)
    # a last used GeoPackage that is gone: the project's
    QgsSettings().setValue("hotspot/last_gpkg", str(tmp_path / "weg.gpkg"))
    dialogs = opened(qgis_iface, make_wizard)
    try:
        assert {name: Path(path) for name, (_d, path) in dialogs.items()} == dict.fromkeys(dialogs, demo_project)
    finally:
        close(dialogs)
