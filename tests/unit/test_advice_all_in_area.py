"""Issue #12, item 6: when every incident of a group in the municipality lies in the scan area.

Then the nested rate ratio is (n / A) / (n / R) = R / A, the largest it can be, and its 95%
interval's upper end equals it (Clopper-Pearson's upper bound of n out of n is 1). The advice says
so plainly instead of printing an interval whose upper end is the estimate. Oracle by hand: 27
incidents of "Openlijk geweld (persoon)" (1.4.3, a per-km² field) in a 1 km² area of a 25 km²
municipality and none elsewhere: ratio 25.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
from shapely.geometry import box

from hotspot_plugin.core import advice_rules as rules
from hotspot_plugin.core.advice import default_catalogue_path, load_catalogue
from hotspot_plugin.core.advice_rules import draft_findings
from hotspot_plugin.core.advice_text import render
from hotspot_plugin.core.scan import Buurt, IncidentData, ScanInputs, run_scan

ROOT = Path(__file__).resolve().parents[2]
PERIOD = (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))


def dutch():
    out = {}
    for ts in (ROOT / "resources" / "i18n" / "nl").glob("*.ts"):
        for m in ET.parse(ts).getroot().iter("message"):
            source, translation = m.findtext("source"), m.findtext("translation")
            if source and translation:
                out[source] = translation
    return out


def scan(n_in, n_out):
    rng = np.random.default_rng(27)
    x = np.r_[rng.uniform(100, 900, n_in), rng.uniform(2000, 4900, n_out), rng.uniform(1500, 4900, 60)]
    y = np.r_[rng.uniform(100, 900, n_in), rng.uniform(2000, 4900, n_out), rng.uniform(1500, 4900, 60)]
    n = x.size
    t = np.datetime64("2024-02-01T12:00:00") + (np.arange(n) % 300) * np.timedelta64(1, "D")
    cat = np.array(["1.4.3"] * (n_in + n_out) + ["1.1.1"] * 60)
    fld = np.array(["bedrijvigheid"] * (n_in + n_out) + ["woon_leefomgeving"] * 60)
    # the same incidents one year earlier too: no change against the comparison period
    x, y, cat, fld = np.r_[x, x], np.r_[y, y], np.r_[cat, cat], np.r_[fld, fld]
    t = np.r_[t, t - np.timedelta64(366, "D")]
    return run_scan(ScanInputs(IncidentData(x, y, t, cat, fld), box(0, 0, 1000, 1000), PERIOD,
                               buurten=[Buurt(box(0, 0, 5000, 5000), 20000, 9000, "BU01", "Stad")]))


def member(findings, ident):
    """The finding or supporting line with this id (findings v2 group them per safety field)."""
    from hotspot_plugin.core.advice import supporting_findings

    found = [m for f in findings for m in [f] + supporting_findings(f) if m.evidence.get("id", m.id) == ident
             or m.id == ident]
    return found


def test_all_incidents_in_the_area_said_plainly():
    # Findings v2 (issue #15) print every key figure with its interval; here the interval's upper end
    # is the estimate, and the text says why: all incidents of the reference area lay in this area.
    catalogue = load_catalogue(default_catalogue_path())
    f = member(draft_findings(scan(27, 0), {}, catalogue), "reference_high:cat:1.4.3")
    assert len(f) == 1 and f[0].template == rules.T_REFERENCE_ALL_CI_KM2
    assert f[0].evidence["estimate"] == 25.0 and f[0].evidence["ci_high"] == 25.0  # the estimate is the upper end
    text = render(f[0])  # the grouped finding of the field "bedrijvigheid": its field first
    assert text.startswith("Business and safety – Openlijk geweld (persoon): all 27 incidents of the reference area "
                           "in this period lay in this area, 25.0 times its rate per km² (95% interval ")
    assert text.endswith("-25.0)")
    nl = render(f[0], dutch().get, decimal=",")
    assert nl.startswith("Bedrijvigheid en veiligheid – Openlijk geweld (persoon): alle 27 incidenten van het "
                         "referentiegebied")


def test_interval_stays_where_it_informs():
    # 27 in the area and 3 elsewhere: ratio (27 / 1) / (30 / 25) = 22.5, the interval informs
    catalogue = load_catalogue(default_catalogue_path())
    f = member(draft_findings(scan(27, 3), {}, catalogue), "reference_high:cat:1.4.3")
    assert len(f) == 1 and f[0].template == rules.T_REFERENCE_RATE_KM2
    assert f[0].evidence["estimate"] == 22.5 and f[0].evidence["ci_high"] > 22.5
    assert "(95% interval" in render(f[0])
