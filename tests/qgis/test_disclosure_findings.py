"""The findings text gives no suppressed count back, at the scan's threshold or a higher one (issue #14).

The demo report is built (hotspot:advicereport) and read as a reader sees it: the results tables
(recorded as they are filled, as in test_disclosure_tables.py) and every finding as it is printed
(the key findings of chapter 5, the front page and appendix B with its supporting lines, recorded
as rendered). The reader reads each finding's figures:

* a count ("{n} incidents against {n_comparison} in the comparison period", "all {n} incidents")
  is that group's count;
* a rate per 1,000 inhabitants or per km², a ratio with its interval, a share of the incidents
  with its interval: each is computed on the group's count, and with the inhabitants, the area
  and the interval printed elsewhere it gives the count back, so the reader takes the group's
  count (and for a change also its comparison count) as known exactly (the oracle gives it from
  the scan result): the strongest reader.

Those counts are put into the tables' columns in place of what the tables print, and the brute-force
solver of test_disclosure_tables runs again: no "<5" (or "<10") may be computed back, and no finding
may print a count the tables hide. A finding published without its figures reveals nothing.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

import pytest

from hotspot_plugin.report.advice import facts as report_facts
from tests.qgis import test_disclosure_tables as dt
from tests.qgis.test_advicereport import make_record
from tests.qgis.test_disclosure_tables import area_of, demo_copy, recorded_tables  # noqa: F401 - fixture

WITHHELD = "its figures are not published"
CHANGE = re.compile(r": (\S+) incidents against (\S+) in the comparison period")


@pytest.fixture()
def rendered(monkeypatch):
    """(table label of the group, rule, group's counts, printed text) of every finding printed."""
    out: List[Tuple[Optional[str], str, Tuple[int, int], str]] = []
    real = report_facts.ReportFacts.render_finding

    def render_finding(self, finding):
        text = real(self, finding)
        group = next((g for g in self.result.groups if g["key"] == finding.group), None)
        label = None
        counts = (0, 0)
        if group is not None and group["kind"] in ("field", "category"):
            label = self.field_label(group["code"]) if group["kind"] == "field" else self.category_label(group["code"])
            counts = (int(group["area"]["n"]), int(group["area"]["n_comparison"]))
        out.append((label, finding.rule, counts, text))
        return text

    monkeypatch.setattr(report_facts.ReportFacts, "render_finding", render_finding)
    return out


def revealed(rule: str, counts: Tuple[int, int], text: str, threshold: int) -> Dict[int, int]:
    """Column -> count a reader learns from one printed finding (1: period, 2: comparison)."""
    if WITHHELD in text or not rule:
        return {}
    change = CHANGE.search(text)
    if change:  # printed counts are read as printed
        for printed, true in ((change.group(1), counts[0]), (change.group(2), counts[1])):
            digits = printed.replace(",", "").replace(".", "")
            if re.fullmatch(r"\d+", digits):
                assert int(digits) == true, text
    # every figure of a group finding (a count, a rate, a share or a ratio with its interval) is
    # computed on the group's count, and a change's also on its comparison count
    out = {1: counts[0]}
    if rule.startswith("change"):
        out[2] = counts[1]
    return out


def check_findings(tables, findings, threshold: int, where: str) -> int:
    """The tables' count columns with what the findings reveal put in; returns the number of findings
    that printed figures."""
    dt.T = threshold  # the reader's threshold (parse and solved_cells read it)
    known: Dict[str, Dict[int, int]] = {}
    printed = 0
    for label, rule, counts, text in findings:
        if label is None:
            continue
        got = revealed(rule, counts, text, threshold)
        printed += bool(got)
        known.setdefault(label, {}).update(got)
    for headers, rows in tables:
        if len(headers) < 5 or headers[1] != "Period":
            continue
        for c in (1, 2, 4):
            column = [dt.parse(r[c]) for r in rows]
            for k, r in enumerate(rows):
                value = known.get(r[0], {}).get(c)
                if value is None:
                    continue
                assert not (0 < value < threshold), f"{where}: a finding prints the small count of {r[0]}"
                assert column[k] not in ("small", "x"), (
                    f"{where}: a finding prints the count of {r[0]} that the table hides as {column[k]}"
                )
                column[k] = value
            bad = dt.solved_cells(column[0], column[1:])
            assert bad == [], f"{where}: column {headers[c]}, rows {[rows[1 + i][0] for i in bad]}"
    return printed


@pytest.fixture()
def reset_threshold():
    yield
    dt.T = 5


@pytest.mark.parametrize("threshold", [5, 10])
@pytest.mark.parametrize("where", ["BU99990101", "WK999901"])
def test_no_finding_gives_a_hidden_count_back(where, threshold, run_alg, tmp_path, recorded_tables,  # noqa: F811
                                             rendered, reset_threshold):
    """The demo town's centre (a buurt, a wijk), drafted at the scan's threshold 5, reported at 5 and at 10."""
    path = demo_copy(tmp_path)
    make_record(path, area_of(path, where), "Disclosure findings", reference="HS-F")
    run_alg("hotspot:advicereport", {"GPKG": str(path), "OUTPUT": str(tmp_path / "advies.pdf"),
                                     "SMALL_COUNT": threshold})
    assert rendered, "the report printed no finding"
    printed = check_findings(recorded_tables, rendered, threshold, f"{where}, threshold {threshold}")
    assert printed > 0, "no finding printed figures: the case tests nothing"
    if threshold == 10 and where == "WK999901":  # 2.5.1 (22 incidents) is hidden as "x" at 10
        assert any(WITHHELD in text for _l, _r, _c, text in rendered), "threshold 10 withheld nothing"


def test_the_reader_catches_a_finding_that_prints_a_hidden_count(reset_threshold):
    """Crafted: the fields 16 and 4 of 20 incidents; the table shows "x" and "<5", a finding prints 16."""
    tables = [(["Safety field", "Period", "Comparison", "Change", "Ring"],
               [["All incidents", "20", "20", "–", "20"], ["A", "x", "10", "–", "10"], ["B", "<5", "10", "–", "10"]])]
    assert check_findings(tables, [], 5, "tables alone") == 0
    leak = [("A", "change_up", (16, 10), "A: 16 incidents against 10 in the comparison period, 1.6 times as many")]
    with pytest.raises(AssertionError, match="that the table hides as x"):
        check_findings(tables, leak, 5, "crafted")
    rate = [("A", "reference_high", (16, 10), "A: 3.20 incidents per 1,000 inhabitants against 1.1 ...")]
    with pytest.raises(AssertionError, match="hides as x"):
        check_findings(tables, rate, 5, "crafted rate")
    withheld = [("A", "change_up", (16, 10), f"A: a significant difference (increase); {WITHHELD} because ...")]
    assert check_findings(tables, withheld, 5, "withheld") == 0
