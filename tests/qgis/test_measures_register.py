"""The measures register: the table in new and older GeoPackages, add, list by place, a scan's measures."""
from __future__ import annotations

import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsVectorLayer
from shapely.geometry import Point, Polygon

from hotspot_plugin.core.advice import Advice
from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.measure_register import MeasureRecord
from hotspot_plugin.storage import measures as reg
from hotspot_plugin.storage.measure_style import measures_qml
from hotspot_plugin.storage.scans import ScanRecord, save_scan

SQUARE = Polygon([(152000, 443000), (152400, 443000), (152400, 443400), (152000, 443400)])
FAR = Polygon([(160000, 450000), (160100, 450000), (160100, 450100), (160000, 450100)])


def test_add_list_by_place_and_register_a_scan(make_gpkg):
    path = str(make_gpkg())
    added = reg.add_measures(path, [
        MeasureRecord(location=SQUARE, measure_id="cameratoezicht", title="Camera Marktplein", owner="gemeente",
                      status="actief", start_date="2024-03-01"),
        MeasureRecord(location=Point(152200, 443200), title="Extra lantaarnpaal"),   # a point: a 25 m circle
        MeasureRecord(location=FAR, measure_id="jongerenwerk", title="Jongerenwerk elders"),
    ])
    assert all(r.fid for r in added)
    here = reg.list_measures(path, area=SQUARE.buffer(10))
    assert [m.title for m in here] == ["Camera Marktplein", "Extra lantaarnpaal"]
    assert here[0].start_date == "2024-03-01" and here[0].status == "actief"
    assert here[1].location.area == pytest.approx(3.1416 * 25 ** 2, rel=0.01)
    assert [m.title for m in reg.list_measures(path, area=Point(152205, 443200).buffer(1))] == [
        "Camera Marktplein", "Extra lantaarnpaal"]
    assert [m.title for m in reg.list_measures(path, statuses=["gepland"])] == [
        "Extra lantaarnpaal", "Jongerenwerk elders"]

    advice = Advice.from_json({
        "format": "hotspot-advice/1", "findings": [], "measures": [
            {"measure_id": "verlichting_openbare_ruimte", "priority": 1, "owner": "gemeente",
             "due_date": "2025-06-01", "finding_ids": []},
            {"measure_id": None, "text": "Bankjes weghalen", "priority": 3, "owner": "", "finding_ids": []}]})
    scan = save_scan(path, ScanRecord(area=SQUARE, title="Marktplein", advice=advice))
    first = reg.register_scan_measures(path, scan.reference, titles={"verlichting_openbare_ruimte": "Verlichting"})
    assert [(m.title, m.status, m.start_date, m.priority, m.source) for m in first] == [
        ("Verlichting", "gepland", "2025-06-01", 1, "advies"), ("Bankjes weghalen", "gepland", None, 3, "advies")]
    assert reg.register_scan_measures(path, scan.uuid) == []  # twice adds nothing
    mine = reg.list_measures(path, scan_uuid=scan.uuid)
    assert len(mine) == 2 and all(m.location.equals(SQUARE) for m in mine)

    reg.update_status(path, mine[0].uuid, "actief", start_date="2025-05-01")
    assert {m.status for m in reg.list_measures(path, scan_uuid=scan.uuid)} == {"actief", "gepland"}

    with pytest.raises(InputError):
        reg.add_measures(path, [MeasureRecord(location=SQUARE, title="x", start_date="2025-02-01",
                                              end_date="2025-01-01")])
    with pytest.raises(InputError):
        reg.add_measures(path, [MeasureRecord(location=SQUARE, title="x", status="klaar")])

    # QGIS reads what sqlite3 wrote, with the form from layer_styles.
    layer = QgsVectorLayer(f"{path}|layername=measures", "m", "ogr")
    assert layer.isValid() and layer.featureCount() == 5
    message, ok = layer.loadDefaultStyle()
    assert ok, message
    status = layer.fields().indexOf("status")
    assert layer.editorWidgetSetup(status).type() == "ValueMap"
    assert layer.editorWidgetSetup(layer.fields().indexOf("start_date")).type() == "DateTime"
    assert layer.renderer().type() == "categorizedSymbol"


def test_an_older_geopackage_gets_the_table(make_gpkg):
    path = str(make_gpkg())
    ds = ogr.Open(path, 1)
    ds.DeleteLayer(ds.GetLayerByName("measures").GetName() and "measures")
    ds = None
    con = sqlite3.connect(path)
    con.execute("DELETE FROM layer_styles WHERE f_table_name = 'measures'")
    con.commit()
    con.close()
    assert not reg.has_measures_table(path)
    assert reg.list_measures(path) == []
    assert reg.ensure_measures_table(path, measures_qml())
    assert not reg.ensure_measures_table(path, measures_qml())
    reg.add_measures(path, [MeasureRecord(location=SQUARE, title="Camera")])
    layer = QgsVectorLayer(f"{path}|layername=measures", "m", "ogr")
    assert layer.featureCount() == 1 and layer.crs().authid() == "EPSG:28992"
    assert layer.loadDefaultStyle()[1]
