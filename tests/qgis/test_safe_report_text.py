"""The advice report prints every text a user types as typed (issue #14, attack 3), read back with pdftotext.

An organisation, a title, an author, a reference, a finding, a measure, a schouw description and
action, a buurt name: each carries ``[% ... %]`` expressions (arithmetic, ``env()``, a variable, an
expression heavy enough to stall the export) or a ``$CURRENT_DATE`` code. None may be evaluated.
"""

from __future__ import annotations

import os
import sqlite3
import time

from qgis.core import QgsExpressionContextUtils, QgsProject

from hotspot_plugin.storage import gpkg
from hotspot_plugin.storage.scans import load_scan, save_scan
from tests.qgis.test_advicereport import AREA, fill_town, make_record, pdf_text, squash

ATTACKS = {
    "organisation": "Gemeente [% 6*7 %]",
    "title": "Plein [% env('HOME') %]",
    "author": "A. [% @user_account_name %]",
    "reference": "HS-[% 1+1 %]",
    "finding": "Bevinding [% repeat('x', 50000000) %] zwaar",
    "measure": "Maatregel $CURRENT_DATE(yyyy) [% @qgis_version %]",
    "schouw": "Schouw [% 'a' || 'b' %] tekst",
    "action": "Actie [% 3*3 %]",
    "buurt": "Buurt [% 5+5 %]",
}


def test_user_text_prints_literally(make_gpkg, run_alg, tmp_path):
    town = make_gpkg("town.gpkg")
    fill_town(town)
    con = sqlite3.connect(town)
    gpkg._register_functions(con)  # the rtree triggers' functions, as any GeoPackage app has them
    con.execute("UPDATE schouw_findings SET description = ?, action = ? WHERE uuid = 's0'",
                (ATTACKS["schouw"], ATTACKS["action"]))
    con.execute("UPDATE areas SET name = ?", (ATTACKS["buurt"],))
    con.commit()
    con.close()
    record = make_record(town, AREA, ATTACKS["title"], reference=ATTACKS["reference"],
                         author=ATTACKS["author"], organisation=ATTACKS["organisation"])
    record = load_scan(str(town), record.uuid)
    finding = record.advice.add_finding(ATTACKS["finding"])
    record.advice.add_measure(text=ATTACKS["measure"], finding_ids=[finding.id])
    save_scan(str(town), record)
    out = tmp_path / "advies.pdf"
    project = QgsProject.instance()
    QgsExpressionContextUtils.setProjectVariable(project, "hotspot_organisation", ATTACKS["organisation"])
    t0 = time.perf_counter()
    try:
        run_alg("hotspot:advicereport", {"GPKG": str(town), "SCAN": record.uuid, "OUTPUT": str(out)})
    finally:
        QgsExpressionContextUtils.removeProjectVariable(project, "hotspot_organisation")
    seconds = time.perf_counter() - t0
    flat = squash(pdf_text(out))
    for what, text in ATTACKS.items():
        if what == "measure":  # a table cell, wrapped beside other columns: its parts, each literal
            assert "Maatregel" in flat and "$CURRENT_DATE(yyyy)" in flat and "[% @qgis_version %]" in flat
        elif what == "schouw":
            assert "Schouw [% 'a' || 'b' %]" in flat and "tekst" in flat
        else:
            assert squash(text) in flat, what
    for evaluated in ("Gemeente 42", "HS-2 ", "Schouw ab", "Actie 9", "Buurt 10", os.environ.get("HOME", "/root")):
        assert evaluated not in flat, evaluated
    assert "x" * 1000 not in flat
    assert seconds < 120
