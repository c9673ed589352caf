#!/usr/bin/env python3
"""Benchmark: import N incident rows from a CSV into a new safety GeoPackage (default 1,000,000).

Target (issue #13): 1,000,000 rows in <= 20 s with <= 1 GiB peak resident memory. The import
runs in a child process of its own, so its peak resident memory (ru_maxrss) is the import's
alone, not the CSV generator's.
"""
from __future__ import annotations

import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

TARGET_SECONDS = 20.0
TARGET_MIB = 1024.0


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


def import_once(csv_path: str, gpkg: str, n: int) -> None:
    """In the child: create the GeoPackage, import, print the seconds of the import."""
    from qgis_app import start

    start()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    processing.run("hotspot:createsafetygpkg", {"OUTPUT": gpkg, "ADD_LAYERS": False})
    t0 = time.perf_counter()
    result = processing.run("hotspot:importincidents", {"INPUT": csv_path, "GPKG": gpkg,
                                                        "REJECTED": "TEMPORARY_OUTPUT"},
                            context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    seconds = time.perf_counter() - t0
    assert result["IMPORTED"] == n, result
    print(f"{seconds:.3f}")


def run(n: int):
    """(seconds, peak resident MiB of the importing process)."""
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "incidents.csv"
        make_csv(csv_path, n)
        done = subprocess.run([sys.executable, __file__, "--child", str(csv_path), str(Path(tmp) / "bench.gpkg"),
                               str(n)], capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(done.returncode)
        seconds = float(done.stdout.strip().splitlines()[-1])
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return seconds, peak_mib


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        import_once(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        sys.exit(0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    seconds, peak = run(n)
    verdict = "met" if seconds <= TARGET_SECONDS and peak <= TARGET_MIB else "NOT met"
    print(f"import of {n:,} CSV rows: {seconds:.1f} s, peak resident memory {peak:,.0f} MiB "
          f"(target <= {TARGET_SECONDS:.0f} s and <= {TARGET_MIB:,.0f} MiB: {verdict})")
