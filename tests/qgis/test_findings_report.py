"""Findings v2 in the demo report (issue #15): at most 7 key findings in the conclusions, each with its
figure, interval and reference; every finding in appendix B (read page by page with pdftotext); no
finding prints a count the tables hide."""

from __future__ import annotations

import re
import shutil
import subprocess

from hotspot_plugin.core.advice import supporting_findings
from hotspot_plugin.core.finding_disclosure import published_states
from tests.qgis.test_advicereport import make_record
from tests.qgis.test_disclosure_tables import area_of, demo_copy


def pages(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                         text=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(k), "-l", str(k), str(pdf), "-"], capture_output=True,
                           text=True).stdout for k in range(1, n + 1)]


def flat(text):
    return re.sub(r"\s+", " ", text.replace("\ufb01", "fi").replace("\ufb00", "ff").replace("\ufb03", "ffi"))


def test_demo_binnenstad_key_findings_and_appendix(run_alg, tmp_path):
    path = demo_copy(tmp_path)
    record = make_record(path, area_of(path, "BU99990101"), "Binnenstad", reference="HS-F")
    findings = record.advice.findings
    keys = [f for f in findings if f.key]
    assert 1 <= len(keys) <= 7
    for f in keys:
        e = f.evidence
        assert e.get("reference") is not None, f.id  # no share or rate without its reference
        assert e["ci_low"] <= e["estimate"] <= e["ci_high"], f.id
        assert e["q_value"] < 0.05 and not e["withheld"]
    for f in findings:
        for m in [f] + supporting_findings(f):
            if "estimate" in m.evidence:
                assert m.evidence["ci_low"] <= m.evidence["estimate"] <= m.evidence["ci_high"], m.id
    out = tmp_path / "advies.pdf"
    run_alg("hotspot:advicereport", {"GPKG": str(path), "OUTPUT": str(out)})
    texts = [flat(t) for t in pages(out)]
    conclusions = [t for t in texts if "5 Conclusions" in t]
    appendix = " ".join(t for t in texts if "Appendix B Findings" in t)
    assert conclusions and appendix
    listed = re.findall(r"(?:^|\s)(\d+)\. ", conclusions[0].split("Key findings", 1)[1])
    assert len(listed) == len(keys)
    for k in range(1, len(findings) + 1):  # every finding, numbered, in appendix B
        assert f" {k}. " in f" {appendix}", k
    for f in keys:
        assert "interval" in f.template
    # disclosure: a finding about a group whose count the tables hide prints no figure
    states = published_states(record.results, 5)
    for f in findings:
        for m in [f] + supporting_findings(f):
            if m.group and states.get(m.group, ("shown",))[0] != "shown":
                assert m.evidence.get("withheld") is True, m.id
    assert shutil.which("pdftotext")
