"""Issue #15 desktop items in the scan wizard: the save page's summary after the report's save, the
author asked on the save page (and the report never printing "-"), the chosen point's coordinates."""
from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsSettings

from hotspot_plugin.gui.scan_pages.area_page import point_text
from hotspot_plugin.storage.scans import load_scan
from tests.qgis.test_scan_wizard import (  # noqa: F401
    canvas,
    demo_gpkg,
    dutch,
    keep_settings,
    make_wizard,
    process,
    run_to_results,
    wait_for,
)


def test_point_text_has_no_group_separators(dutch):  # noqa: F811
    rd = QgsCoordinateReferenceSystem("EPSG:28992")
    # QGIS names the CRS ("Amersfoort / RD New" on 3.22, "RD" on 3.44): the text carries QGIS's name
    assert point_text(QgsPointXY(152848.4, 442961.6), rd) == f"X 152848, Y 442962 ({rd.description()})"
    assert point_text(QgsPointXY(152848.4, 442961.6), None) == "X 152848, Y 442962"


def test_the_chosen_point_is_shown_in_full(make_wizard, demo_gpkg, dutch):  # noqa: F811
    wizard = make_wizard(demo_gpkg)  # 900 x 650, the wizard's size
    page = wizard.area_page
    assert page.point_info.isHidden()  # nothing chosen: no empty line
    page.set_point(QgsPointXY(152848.4, 442961.6), 250)
    page.refresh()
    process()
    label = page.point_info
    rd = QgsCoordinateReferenceSystem("EPSG:28992")
    assert label.text() == f"X 152848, Y 442962 ({rd.description()})" and label.isVisible()
    # the whole text fits in the label, and the label in the wizard (it was clipped beside the radius)
    assert label.contentsRect().width() >= label.fontMetrics().horizontalAdvance(label.text())
    assert label.mapTo(wizard, label.rect().topRight()).x() < wizard.width()
    wizard.grab().save("/tmp/hotspot_look/desktop/area_point.png")


def test_summary_after_the_report_and_the_author_asked(make_wizard, demo_gpkg, tmp_path, dutch):  # noqa: F811
    wizard = make_wizard(demo_gpkg)
    run_to_results(wizard, demo_gpkg, "Rapporttest")
    wizard.data_page.author.setText("")
    wizard.data_page.organisation.setText("")
    wizard.next()
    process()
    wizard.advice_page.add_finding("Eigen bevinding")
    wizard.next()
    process()
    assert wizard.currentId() == wizard.VERDICT  # no verdict given: the report is a concept
    wizard.next()
    process()
    page = wizard.save_page
    assert "versie 1" in page.summary.text()
    # a fresh profile: nothing filled in, so the page asks for them
    assert not page.author.isHidden() and not page.organisation.isHidden()
    page.author.setText("A. Analist")
    page.author.textEdited.emit("A. Analist")
    page.organisation.setText("Gemeente Zuiderwaarde")
    page.organisation.textEdited.emit("Gemeente Zuiderwaarde")
    page.report_path.setFilePath(str(tmp_path / "advies.pdf"))
    page.report_button.click()
    wait_for(lambda: not wizard.report_runner.is_running(), 120)
    assert (tmp_path / "advies.pdf").exists(), page.message.text()
    saved = load_scan(str(demo_gpkg), wizard.record.uuid)
    assert saved.version == 2 and saved.author == "A. Analist"
    text = page.summary.text()
    assert "versie 2" in text and "versie 1" not in text and "wijzigingen" not in text
    assert QgsSettings().value("hotspot/author") == "A. Analist"
    assert QgsSettings().value("hotspot/organisation") == "Gemeente Zuiderwaarde"
    page.grab().save("/tmp/hotspot_look/desktop/save_page.png")
