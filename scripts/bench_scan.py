#!/usr/bin/env python3
"""Benchmark of the omgevingsscan's core and of the demo town (speed lives here, not in the tests).

1. ``core.scan.run_scan`` on 200,000 incidents, a municipality with a 2,000-vertex boundary and
   400 buurten (target < 4 s);
2. ``scripts/demo_town.build_demo_town`` (target < 3 s).

Prints the seconds of each, the median of three runs.

    .venv/bin/python scripts/bench_scan.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
from shapely.geometry import Polygon, box

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hotspot_plugin.core.scan import Buurt, IncidentData, ScanInputs, run_scan  # noqa: E402


def scan_inputs(n: int = 200_000) -> ScanInputs:
    rng = np.random.default_rng(11)
    x = rng.normal(5000, 2500, n)
    y = rng.normal(5000, 2500, n)
    t = np.datetime64("2023-01-01T00:00:00") + rng.integers(0, 2 * 365 * 86400, n).astype("timedelta64[s]")
    cats = np.array(["1.1.1", "1.2.3", "2.2.1", "M.1", "1.3.1", "3.1.1", "M.2", "1.4.5"])
    flds = np.array(["woon_leefomgeving"] * 3 + ["jeugd", "fysiek", "integriteit", "bedrijvigheid",
                                                 "woon_leefomgeving"])
    ci = rng.integers(0, len(cats), n)
    ang = np.linspace(0, 2 * np.pi, 2000, endpoint=False)
    rad = 6000 + 400 * np.sin(ang * 37)
    town = Polygon(np.column_stack([5000 + rad * np.cos(ang), 5000 + rad * np.sin(ang)]))
    buurten = [
        Buurt(box(i * 600, j * 600, (i + 1) * 600, (j + 1) * 600), 800, 350, f"BU{i:02d}{j:02d}", "")
        for i in range(-2, 18)
        for j in range(-2, 18)
    ]
    return ScanInputs(
        IncidentData(x, y, t, cats[ci], flds[ci]),
        box(4500, 4500, 5500, 5500),
        (np.datetime64("2024-01-01"), np.datetime64("2025-01-01")),
        (np.datetime64("2023-01-01"), np.datetime64("2024-01-01")),
        reference=town,
        reference_inhabitants=250000,
        buurten=buurten,
    )


def median_seconds(run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    import demo_town

    inputs = scan_inputs()
    scan = median_seconds(lambda: run_scan(inputs))
    town = median_seconds(lambda: demo_town.build_demo_town(5))
    print(f"   run_scan, 200,000 incidents, 400 buurten: {scan:.2f} s (target < 4 s)")
    print(f"   demo town build: {town:.2f} s (target < 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
