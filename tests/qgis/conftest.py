"""Fixtures of the QGIS tier: the Hotspot provider, safety GeoPackages and input files."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import Iterable, List, Sequence

import pytest
from qgis.core import QgsApplication

_PROVIDERS: list = []  # keeps the Python side of registered providers alive


@pytest.fixture(scope="session", autouse=True)
def layer_tree_view(qgis_iface):
    """A real QgsLayerTreeView on the project's layer tree, as qgis_iface.layerTreeView().

    processing.runAndLoadResults puts its outputs into iface.layerTreeView(): pytest-qgis 2.1's
    stub iface has no layerTreeView (QGIS 3.40 calls it), and the MagicMock that pytest-qgis 3+
    returns for unknown methods is rejected by QGIS 3.44's compiled code.
    """
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView(qgis_iface.mainWindow())
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    qgis_iface.layerTreeView = lambda: view
    yield view
    del qgis_iface.layerTreeView


@pytest.fixture()
def hotspot_provider(qgis_processing):
    """The Hotspot provider, registered as initProcessing does (again if a test unloaded it)."""
    from hotspot_plugin.processing.provider import HotspotProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("hotspot")
    if provider is None:
        provider = HotspotProvider()
        _PROVIDERS.append(provider)
        registry.addProvider(provider)
    return provider


@pytest.fixture()
def run_alg(hotspot_provider):
    """processing.run with a fresh context; raises QgsProcessingException on failure."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def run(alg_id: str, params: dict, feedback=None, context=None):
        context = context or QgsProcessingContext()
        return processing.run(alg_id, params, feedback=feedback or QgsProcessingFeedback(), context=context)

    return run


@pytest.fixture()
def make_gpkg(run_alg, tmp_path):
    """Factory: a new, empty safety GeoPackage (made by hotspot:createsafetygpkg)."""
    def make(name: str = "veiligheid.gpkg", **params) -> Path:
        path = tmp_path / name
        run_alg("hotspot:createsafetygpkg", {"OUTPUT": str(path), "ADD_LAYERS": False, **params})
        return path

    return make


@pytest.fixture()
def write_csv(tmp_path):
    """Factory: write rows (first row = header) to a CSV file; returns its path."""
    def write(rows: Sequence[Sequence[object]], name: str = "incidenten.csv", delimiter: str = ";") -> Path:
        path = tmp_path / name
        with open(path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, delimiter=delimiter).writerows(rows)
        return path

    return write


def table_snapshot(path: Path, tables: Iterable[str] = ("incidents", "import_batches", "categories",
                                                         "gpkg_contents", "rtree_incidents_geom")) -> List:
    """Everything in the given tables, to compare a GeoPackage before and after."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [(t, sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))) for t in tables]
    finally:
        con.close()


def count(path: Path, table: str = "incidents", where: str = "1") -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]
    finally:
        con.close()


def output_layer(value, context=None):
    """The layer of a Processing output (processing.run gives a layer or a layer id/path)."""
    from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsVectorLayer

    if isinstance(value, QgsVectorLayer):
        return value
    return QgsProcessingUtils.mapLayerFromString(value, context or QgsProcessingContext())
