"""The measures register in the environment-scan wizard (issue #16): the advice page lists the
measures registered at the place (read-only), and saving the scan registers its chosen measures
once. The advice page is rendered to /tmp/wizard_measures.png (Dutch) to be looked at.
"""
from __future__ import annotations

from shapely.geometry import Polygon

from hotspot_plugin.core.advice import load_catalogue
from hotspot_plugin.core.measure_register import MeasureRecord
from hotspot_plugin.storage.measures import add_measures, list_measures
from tests.qgis.test_scan_wizard import (  # noqa: F401 - fixtures
    CENTRE,
    SIZE,
    canvas,
    demo_gpkg,
    dutch,
    keep_settings,
    make_wizard,
    process,
    to_data_page,
    wait_for,
)


def test_advice_page_lists_the_register_and_save_registers_the_measures(make_wizard, demo_gpkg, dutch):  # noqa: F811
    centre = Polygon(CENTRE)
    # an earlier measure inside the scan area and one far away (not listed)
    add_measures(str(demo_gpkg), [
        MeasureRecord(location=centre.centroid.buffer(30), title="Cameratoezicht Markt", status="actief",
                      start_date="2024-07-01", owner="gemeente", source="hand"),
        MeasureRecord(location=Polygon([(150300, 440400), (150400, 440400), (150400, 440500)]), title="Elders",
                      status="gepland")])
    wizard = make_wizard(demo_gpkg)
    to_data_page(wizard, demo_gpkg)
    wizard.next()
    process()
    wait_for(lambda: not wizard.is_running())
    record = wizard.record
    assert record is not None
    wizard.next()
    process()
    page = wizard.advice_page
    assert wizard.currentId() == wizard.ADVICE
    assert page.register.rowCount() == 1 and page.register.isVisibleTo(wizard)
    row = [page.register.item(0, c).text() for c in range(page.register.columnCount())]
    assert row == ["Cameratoezicht Markt", "actief", "01-07-2024", "Gemeente", "met de hand ingevoerd"], row
    assert "(1)" in page.register_title.text()
    wizard.resize(*SIZE)
    process()
    assert wizard.grab().save("/tmp/wizard_measures.png")

    # save: the chosen measures of the advice enter the register at the scan area, planned, once
    assert wizard.advice.measures
    ok, message = wizard.save("concept")
    assert ok, message
    catalogue = load_catalogue()
    expected = sorted(m.text or catalogue.measures[m.measure_id].title("nl") for m in wizard.advice.measures)
    own = list_measures(str(demo_gpkg), scan_uuid=record.uuid)
    assert sorted(m.title for m in own) == expected
    assert {m.status for m in own} == {"gepland"} and all(m.location.equals(record.area) for m in own)
    assert f"{len(expected)} maatregelen toegevoegd aan het maatregelenregister" in message
    assert page.register.rowCount() == 1 + len(expected)
    origins = [page.register.item(r, 4).text() for r in range(page.register.rowCount())]
    assert origins.count("deze scan") == len(expected)
    ok, message = wizard.save("concept")
    assert ok and "maatregelenregister" not in message
    assert len(list_measures(str(demo_gpkg), scan_uuid=record.uuid)) == len(expected)
