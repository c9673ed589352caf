"""The environment scan spreads crime windows (occurred_end) over the weekday x hour table.

Incidents are imported with hotspot:importincidents; their ends are written into the column
``occurred_end`` with SQL (the importer that fills it is another issue). A GeoPackage without
the column (made before it existed) scans as before: each incident at its begin time.
2024-03-04 is a Monday.
"""
from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingFeedback
from shapely.geometry import box

from hotspot_plugin.storage import gpkg as gpkg_store
from hotspot_plugin.storage import scan_inputs as si
from hotspot_plugin.storage.scans import load_scan

X0, Y0 = 150_000, 440_000
AREA = box(X0, Y0, X0 + 1000, Y0 + 1000)


class Infos(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        self.infos.append(text)
        super().pushInfo(text)


@pytest.fixture()
def windows_gpkg(make_gpkg, run_alg, write_csv):
    gpkg = make_gpkg()
    rows = [["registratienummer", "datum", "soort", "x", "y"],
            ["A", "08-03-2024 22:00", "1.1.1", X0 + 500, Y0 + 500],  # Friday night, found Saturday 06:00
            ["B", "04-03-2024 09:30", "1.1.1", X0 + 510, Y0 + 500],  # Monday 09:30-11:15
            ["C", "06-03-2024 14:45", "1.1.1", X0 + 520, Y0 + 500],  # Wednesday, no end
            ["D", "01-07-2024 10:00", "1.1.1", X0 + 530, Y0 + 500]]  # a holiday: 10 days
    run_alg("hotspot:importincidents", {"INPUT": str(write_csv(rows)), "GPKG": str(gpkg)})
    con = gpkg_store.connect(str(gpkg), write=True)  # registers the functions GDAL's triggers call
    with con:
        for sid, end in (("A", "2024-03-09T06:00:00.000"), ("B", "2024-03-04T11:15:00.000"),
                         ("D", "2024-07-11T10:00:00.000")):
            con.execute("UPDATE incidents SET occurred_end = ? WHERE source_id = ?", (end, sid))
    con.close()
    return gpkg


def test_scan_spreads_windows_and_says_so(windows_gpkg, run_alg):
    feedback = Infos()
    out = run_alg("hotspot:environmentscan", {"GPKG": str(windows_gpkg), "PERIOD_START": "2024-01-01",
                                              "PERIOD_END": "2024-12-31", "AREA_WKT": AREA.wkt}, feedback=feedback)
    res = load_scan(str(windows_gpkg), out["SCAN_UUID"]).results
    total = res.when["groups"]["total"]
    wh = total["weekday_hour"]
    week = 1 / 168
    # A: 1/8 in Fri 22, 23 and Sat 0-5; B: 1/3 in Mon 9, 10, 11; C: 1 in Wed 14; D: 1/168 everywhere
    assert wh[4][22] == pytest.approx(1 / 8 + week, abs=1e-4) and wh[5][3] == pytest.approx(1 / 8 + week, abs=1e-4)
    assert wh[0][10] == pytest.approx(1 / 3 + week, abs=1e-4) and wh[2][14] == pytest.approx(1 + week, abs=1e-4)
    assert wh[6][12] == pytest.approx(week, abs=1e-4)
    assert sum(map(sum, wh)) == pytest.approx(4.0, abs=168 * 1e-4)
    # day parts: dag 12 h, avond 4 h, nacht 8 h of D's week spread
    assert total["dagdeel"]["dag"] == pytest.approx(1 + 1 + 7 * 12 * week, abs=1e-4)
    assert total["dagdeel"]["avond"] == pytest.approx(1 / 8 + 7 * 4 * week, abs=1e-4)
    assert total["dagdeel"]["nacht"] == pytest.approx(7 / 8 + 7 * 8 * week, abs=1e-4)
    method = res.methods["time_profile"]
    assert method["id"] == "aoristic"
    assert (method["params"]["window"], method["params"]["capped"], method["params"]["begin_only"]) == (3, 1, 1)
    assert any("Ratcliffe 2002" in text for text in feedback.infos)


def test_geopackage_without_the_end_column_scans_by_begin_time(windows_gpkg, run_alg):
    con = gpkg_store.connect(str(windows_gpkg), write=True)
    with con:
        con.execute("ALTER TABLE incidents DROP COLUMN occurred_end")
    con.close()
    with si.reading(str(windows_gpkg)) as con:
        data = si.read_incidents(con, [(np.datetime64("2024-01-01"), np.datetime64("2025-01-01"))])
    assert data.t_end is None and data.x.shape[0] == 4
    out = run_alg("hotspot:environmentscan", {"GPKG": str(windows_gpkg), "PERIOD_START": "2024-01-01",
                                              "PERIOD_END": "2024-12-31", "AREA_WKT": AREA.wkt})
    res = load_scan(str(windows_gpkg), out["SCAN_UUID"]).results
    total = res.when["groups"]["total"]
    assert total["dagdeel"] == {"dag": 3, "avond": 1, "nacht": 0}  # A began at 22:00 (avond)
    assert total["weekday_hour"][4][22] == 1 and total["weekday_hour"][0][9] == 1
    assert res.methods["time_profile"]["id"] == "begin_time"


def test_report_method_appendix_names_the_aoristic_spreading(windows_gpkg, run_alg, tmp_path):
    import subprocess

    run_alg("hotspot:environmentscan", {"GPKG": str(windows_gpkg), "PERIOD_START": "2024-01-01",
                                        "PERIOD_END": "2024-12-31", "AREA_WKT": AREA.wkt})
    pdf = tmp_path / "advies.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(windows_gpkg), "OUTPUT": str(pdf)})
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.replace("\ufb00", "ff").replace("\ufb01", "fi").split())  # undo PDF ligatures
    assert "Ratcliffe 2002" in flat and "aoristic analysis" in flat
    assert "(3 incidents of the period spread over their window, 1 counted at their begin time)" in flat
