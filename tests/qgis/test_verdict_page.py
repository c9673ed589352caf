"""The wizard's verdict step (gui/scan_pages/verdict_page.py): it shows a saved verdict and gives it
back unchanged, every edit marks the wizard dirty, the plan drawing comes from a project layer or a
file, and an advice that cannot be stated is refused. Rendered at 1280 x 800 in Dutch."""

from __future__ import annotations

import copy

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QDialog

from hotspot_plugin.core.verdict import Verdict
from hotspot_plugin.gui import scan_wizard as sw
from tests.qgis.test_scan_wizard import canvas, dutch, keep_settings, process  # noqa: F401 - fixtures
from tests.qgis.test_verdict_report import plan_drawing


def verdict_wizard(qgis_iface, verdict):
    wizard = sw.ScanWizard(qgis_iface)
    wizard.confirm_discard = lambda: True
    wizard.verdict = verdict
    wizard.setStartId(wizard.VERDICT)
    wizard.resize(1280, 800)
    wizard.show()
    wizard.restart()
    process()
    return wizard


def test_verdict_page_round_trip_edits_and_plan_layer(qgis_iface, hotspot_provider, dutch, tmp_path):  # noqa: F811
    drawing = plan_drawing(tmp_path)
    verdict = Verdict(decision="positive_conditions",
                      conditions=["Verlichting langs het fietspad gelijkmatig maken",
                                  "Haag bij de speelplaats niet hoger dan 1 m"],
                      motivation="Het ontwerp is sociaal veilig, op twee punten na.",
                      subject="plan", description="Herinrichting Marktplein, ontwerp van 12 maart",
                      plan_source=str(drawing), plan_layer="ontwerp")
    verdict.set_score("sight_lines", "partly", "Haag bij de speelplaats te hoog")
    verdict.set_score("lighting", "no", "Fietspad aan de oostkant donker")
    verdict.set_score("natural_surveillance", "yes", "Woningen kijken uit op het plein")
    verdict.set_score("territoriality", "yes", "")
    verdict.set_score("maintenance", "partly", "Beheer groen nog niet belegd")
    wizard = verdict_wizard(qgis_iface, copy.deepcopy(verdict))
    try:
        page = wizard.verdict_page
        assert wizard.currentId() == wizard.VERDICT and wizard.currentPage() is page
        assert page.title().startswith("5. ") and wizard.save_page.title().startswith("6. ")
        # shown as saved and given back unchanged; showing it is no edit
        assert page.current() == verdict and not wizard.dirty
        assert page.file_layer.currentText() == "ontwerp" and page.layer_combo.isEnabled()
        assert page.conditions_label.text() == "Voorwaarden (één per regel)"
        assert wizard.grab().save("/tmp/wizard_verdict.png")
        # an edit of the table marks the wizard dirty and reaches the wizard's verdict
        page.score_combos[4].setCurrentIndex(3)  # access: no
        assert wizard.dirty and wizard.verdict.score_of("access").score == "no"
        page.table.item(4, 2).setText("Achterpad open naar de straat")
        assert wizard.verdict.score_of("access").remark == "Achterpad open naar de straat"
        # negative: the conditions are what the plan must change
        page.decision_radios[3].click()
        assert wizard.verdict.decision == "negative"
        assert page.conditions_label.text() == "Wat het plan moet veranderen (één per regel)"
        # positive with conditions cannot be stated
        page.decision_radios[1].click()
        assert not page.validatePage() and "geen voorwaarden" in page.message.text()
        ok, message = wizard.save()
        assert not ok  # there is no record; the wizard says so before anything is written
        # no verdict yet: conditions are off, the wizard holds none
        page.decision_radios[0].click()
        assert wizard.verdict is None and not page.conditions.isEnabled() and page.validatePage()
        # a place: no plan drawing is kept
        page.decision_radios[1].click()
        page.conditions.setPlainText("")
        page.place_radio.setChecked(True)
        assert not page.layer_combo.isEnabled()
        assert wizard.verdict.plan_source == "" and wizard.verdict.validate()
        # a plan layer of the project
        layer = QgsVectorLayer(f"{drawing}|layername=ontwerp", "ontwerp", "ogr")
        QgsProject.instance().addMapLayer(layer)
        try:
            page.plan_radio.setChecked(True)
            page.layer_combo.setLayer(layer)
            assert (wizard.verdict.plan_source, wizard.verdict.plan_layer) == (str(drawing), "ontwerp")
            assert page.plan_file.filePath() == ""
        finally:
            QgsProject.instance().removeMapLayer(layer.id())
    finally:
        wizard.done(QDialog.DialogCode.Rejected)
        process()
