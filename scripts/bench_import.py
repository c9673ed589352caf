#!/usr/bin/env python3
"""Benchmark: import N incident rows from a CSV into a new safety GeoPackage (default 1,000,000)."""
from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from qgis_app import start


def make_csv(path: Path, n: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    codes = ["1.1.1", "1.2.3", "1.4.5", "2.2.1", "2.5.2", "3.1.1", "M.1", "1.3.1"]
    x = rng.uniform(150000, 156000, n).round(1)
    y = rng.uniform(440000, 446000, n).round(1)
    day = rng.integers(0, 3 * 365, n)
    minute = rng.integers(0, 24 * 60, n)
    cat = rng.integers(0, len(codes), n)
    base = np.datetime64("2023-01-01")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["registratienummer", "datum", "soort", "x", "y"])
        for i in range(n):
            d = (base + np.timedelta64(int(day[i]), "D")).astype(object)
            w.writerow([f"PL{i:07d}", f"{d.day:02d}-{d.month:02d}-{d.year} {minute[i] // 60:02d}:{minute[i] % 60:02d}",
                        codes[cat[i]], str(x[i]).replace(".", ","), str(y[i])])


def run(n: int) -> float:
    start()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        csv_path = tmpdir / "incidents.csv"
        make_csv(csv_path, n)
        gpkg = tmpdir / "bench.gpkg"
        processing.run("hotspot:createsafetygpkg", {"OUTPUT": str(gpkg), "ADD_LAYERS": False})
        t0 = time.perf_counter()
        result = processing.run("hotspot:importincidents", {"INPUT": str(csv_path), "GPKG": str(gpkg),
                                                            "REJECTED": "TEMPORARY_OUTPUT"},
                                context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
        seconds = time.perf_counter() - t0
        assert result["IMPORTED"] == n, result
    return seconds


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(f"import of {n:,} CSV rows: {run(n):.1f} s")
