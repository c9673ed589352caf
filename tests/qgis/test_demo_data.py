"""The bundled demo data: what the generator makes is what the GeoPackage holds, and it imports."""
from __future__ import annotations

import shutil
import sqlite3
from collections import Counter

import pytest
from qgis.core import QgsProcessingContext

from hotspot_plugin.paths import resource
from scripts.demo_town import build_demo_town, demo_import_rows
from tests.qgis.conftest import count, output_layer, table_snapshot

DEMO = resource("demo")


@pytest.fixture(scope="module")
def town():
    return build_demo_town(2024)


def test_bundled_gpkg_matches_the_generator(town):
    con = sqlite3.connect(f"file:{DEMO / 'zuiderwaarde.gpkg'}?mode=ro", uri=True)
    for name, records in town.layers.items():
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(records), name
    got = Counter(r[0] for r in con.execute("SELECT category FROM incidents"))
    assert got == Counter(r["category"] for r in town.layers["incidents"])
    con.close()


def test_demo_export_round_trip(town, run_alg, tmp_path):
    gpkg = tmp_path / "demo.gpkg"
    shutil.copy(DEMO / "zuiderwaarde.gpkg", gpkg)
    table = demo_import_rows(town)
    before = count(gpkg)
    context = QgsProcessingContext()
    result = run_alg("hotspot:importincidents", {"INPUT": str(DEMO / "politie_export.csv"), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"}, context=context)
    assert result["REJECTED_COUNT"] == table.expected_bad
    assert result["IMPORTED"] == len(table[1]) - table.expected_bad
    assert count(gpkg) == before + result["IMPORTED"]
    rejected = output_layer(result["REJECTED"], context)
    rows = {int(f["row"]) for f in rejected.getFeatures()}
    assert rows == {i + 1 for i in table.bad_rows}
    snapshot = table_snapshot(gpkg)
    again = run_alg("hotspot:importincidents", {"INPUT": str(DEMO / "politie_export.csv"), "GPKG": str(gpkg),
                                                "REJECTED": "TEMPORARY_OUTPUT"})
    assert again["IMPORTED"] == 0 and again["DUPLICATES"] == result["IMPORTED"]
    assert table_snapshot(gpkg) == snapshot
