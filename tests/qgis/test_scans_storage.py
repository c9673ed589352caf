"""Saved scans: round trip, update keeps creation time and bumps the version, reference numbers."""
from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer
from shapely.geometry import Polygon

from hotspot_plugin.core.errors import InputError
from hotspot_plugin.storage.scans import ScanRecord, list_scans, load_scan, next_reference, save_scan

SQUARE = Polygon([(152000, 443000), (152400, 443000), (152400, 443400), (152000, 443400)])


def test_round_trip_update_and_references(make_gpkg):
    path = str(make_gpkg())
    ref = next_reference(path, 2025)
    assert ref == "HS-2025-001"
    record = save_scan(path, ScanRecord(area=SQUARE, title="Marktplein", reference=ref, author="A. Analist",
                                        parameters={"ring": 250}, results={"n": 3, "tekst": "één"},
                                        advice={"measures": []}))
    loaded = load_scan(path, record.uuid)
    assert loaded.area.equals(SQUARE) and loaded.area.geom_type == "MultiPolygon"
    assert (loaded.title, loaded.reference, loaded.version, loaded.status) == ("Marktplein", ref, 1, "concept")
    assert loaded.results == {"n": 3, "tekst": "één"} and loaded.parameters == {"ring": 250}
    assert loaded.created_at == loaded.updated_at and loaded.plugin_version
    assert next_reference(path, 2025) == "HS-2025-002"

    loaded.status = "definitief"
    loaded.results["n"] = 4
    again = save_scan(path, loaded)
    reread = load_scan(path, ref)
    assert (reread.version, reread.status, reread.results["n"]) == (2, "definitief", 4)
    assert reread.created_at == record.created_at and reread.uuid == record.uuid
    assert len(list_scans(path)) == 1 and again.fid == record.fid

    layer = QgsVectorLayer(f"{path}|layername=scans", "s", "ogr")  # QGIS reads what sqlite3 wrote
    feature = next(layer.getFeatures())
    assert feature["reference"] == ref and feature.geometry().area() == pytest.approx(160000)
    assert layer.extent().xMinimum() == 152000


def test_bad_area_and_unknown_scan(make_gpkg):
    path = str(make_gpkg())
    with pytest.raises(InputError, match="empty or invalid"):
        save_scan(path, ScanRecord(area=Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])))
    with pytest.raises(InputError, match="no scan"):
        load_scan(path, "HS-2000-001")
