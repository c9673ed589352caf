"""Key findings at the report's own small-count threshold, and the field named first (issue #15 follow-ups).

The demo town's centre (buurt BU99990101) is scanned at threshold 5 (as test_findings_report.py does) and
reported at 10 and at 20 (SMALL_COUNT). Read by hand from the report's own category tables (pdftotext):

* 1.4.3 Public violence (person): 43 in the period; 3.1.1 Drug trafficking: 30; 1.4.6 Street robbery: 11,
  printed "11" at 10 and "<20" at 20.
* The scan drafts three key findings, one per safety field, each led by one of these categories:
  "Business and safety – Openlijk geweld (persoon)", "Safe living environment – Straatroof",
  "Integrity and safety – Drugshandel" (the category labels are the GeoPackage's Dutch ones; the
  field, written first, is in the report's language).

At 10 every count is shown: the three stay key. At 20 the street robbery count is hidden, so its finding
prints no figures and is no key finding: the conclusions list the other two, and appendix B lists it,
without its figures and without the key mark *. No other finding of the scan may be key (the others are
risk objects near hotspot zones), so none moves up.
"""

from __future__ import annotations

import re

import pytest

from tests.qgis.test_advicereport import make_record
from tests.qgis.test_disclosure_tables import area_of, demo_copy
from tests.qgis.test_findings_report import flat, pages

VIOLENCE = "Business and safety – Openlijk geweld (persoon): all 43 incidents"
ROBBERY = "Safe living environment – Straatroof:"
DRUGS = "Integrity and safety – Drugshandel: 17.0 incidents per 1,000 inhabitants"
WITHHELD = "its figures are not published"


@pytest.fixture(scope="module")
def demo_pdfs(tmp_path_factory, qgis_processing):  # noqa: ARG001 - processing ready
    """The two reports (built once for the module), their pages as flat text."""
    import processing
    from qgis.core import QgsApplication

    from hotspot_plugin.processing.provider import HotspotProvider
    from tests.qgis import conftest

    registry = QgsApplication.processingRegistry()
    if registry.providerById("hotspot") is None:  # as the hotspot_provider fixture does
        provider = HotspotProvider()
        conftest._PROVIDERS.append(provider)
        registry.addProvider(provider)
    tmp = tmp_path_factory.mktemp("keyfind")
    path = demo_copy(tmp)
    make_record(path, area_of(path, "BU99990101"), "Binnenstad", reference="HS-F")
    out = {}
    for threshold in (10, 20):
        pdf = tmp / f"advies_{threshold}.pdf"
        processing.run("hotspot:advicereport", {"GPKG": str(path), "OUTPUT": str(pdf), "SMALL_COUNT": threshold})
        out[threshold] = [flat(t) for t in pages(pdf)]
    return out


def parts(texts):
    conclusions = next(t for t in texts if "5 Conclusions" in t).split("Key findings", 1)[1]
    conclusions = conclusions.split("All ", 1)[0]
    appendix = " ".join(t for t in texts if "Appendix B Findings" in t)
    return conclusions, appendix, " ".join(texts)


def key_lines(conclusions):
    listed = conclusions.split("measures in chapter 6.", 1)[1]  # after the introduction
    return [m.strip() for m in re.split(r"(?:^|\s)\d+\. ", listed)[1:]]


def test_the_tables_as_read_by_hand(demo_pdfs):
    """The oracle: the category counts the reader sees in each report."""
    whole10, whole20 = parts(demo_pdfs[10])[2], parts(demo_pdfs[20])[2]
    assert "1.4.6 Street robbery 11 13 " in whole10 and "1.4.6 Street robbery <20 <20 " in whole20
    for whole in (whole10, whole20):
        assert "1.4.3 Public violence (person) 43 " in whole and "3.1.1 Drug trafficking 30 32 " in whole


def test_at_10_all_three_key_findings_remain(demo_pdfs):
    conclusions, appendix, _whole = parts(demo_pdfs[10])
    assert "The 3 key findings" in conclusions
    lines = key_lines(conclusions)
    assert [line.split(":")[0] for line in lines] == [
        "Business and safety – Openlijk geweld (persoon)",
        "Safe living environment – Straatroof",
        "Integrity and safety – Drugshandel",
    ]
    assert lines[0].startswith(VIOLENCE) and lines[2].startswith(DRUGS)
    assert lines[1].startswith(ROBBERY + " 6.25 incidents per 1,000 inhabitants against 0.66")
    assert not any(WITHHELD in line for line in lines)
    for head in (VIOLENCE, ROBBERY, DRUGS):  # appendix B: the same text, marked key
        assert re.search(re.escape(head) + r"[^*\[]*\* \[score", appendix), head


def test_at_20_a_withheld_finding_is_not_key(demo_pdfs):
    conclusions, appendix, _whole = parts(demo_pdfs[20])
    assert "The 2 key findings" in conclusions
    lines = key_lines(conclusions)
    assert len(lines) == 2
    assert lines[0].startswith(VIOLENCE) and lines[1].startswith(DRUGS)
    assert ROBBERY not in conclusions
    # appendix B keeps it, without figures and without the key mark
    found = re.search(re.escape(ROBBERY) + r" a significant difference \(rate against the reference area\); "
                      + WITHHELD + r" because they rest on a small count(.*?)\[score", appendix)
    assert found, appendix
    assert "*" not in found.group(1)
    assert len(re.findall(r"\* \[score", appendix)) == 2
    # the method appendix says so
    assert "a key finding of the scan whose figures this report withholds" in _whole, "method appendix"
