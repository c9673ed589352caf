"""The dashboard's HTML without a browser: self-contained, user text escaped, suppressed counts hidden."""
from __future__ import annotations

import re

import numpy as np
from shapely.geometry import box

from hotspot_plugin.core import area_monitor as am
from hotspot_plugin.report.dashboard import dashboard_html


def test_user_text_is_escaped_and_nothing_is_fetched():
    years = [2023, 2024]
    counts = np.zeros((2, 2, 6), dtype=np.int64)
    counts[0, :, 0] = [30, 40]
    counts[1, :, 0] = [3, 2]  # suppressed
    counts[:, :, 5] = counts[:, :, :5].sum(axis=2)
    inh = np.full((2, 2), 1000.0)
    areas = am.MonitorAreas(["A&1", "B"], ["<script>alert(1)</script>", "Buurt \"B\" </script>"],
                            np.ones(2), inh, inh / 2)
    result = am.area_monitor(areas, counts, years)
    page = dashboard_html(result, [box(0, 0, 1, 1), box(1, 0, 2, 1)], "Gemeente <X>")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The JSON block cannot be closed by data: every "<" inside is written as \\u003c.
    block = re.search(r'<script type="application/json" id="monitor-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block
    assert "Gemeente &lt;X&gt;" in page
    assert not re.search(r"https?://|src=|<link|@import|url\(", page)
    # Area B's count of 2 is published as <5 and no ratio is shown for it.
    assert "&lt;5" in page
