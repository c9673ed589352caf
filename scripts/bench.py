#!/usr/bin/env python3
"""`make bench`: every benchmark in one run, each printing its own table.

Speed is measured here, not in the tests. Each entry is a script in scripts/ run with the
test venv's Python in its own process (so peak memory is per benchmark).
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: (title, script, arguments) in the order they run.
BENCHMARKS = [
    ("Import of incident rows from CSV (target: 1,000,000 rows <= 20 s, <= 1 GiB peak resident)", "bench_import.py",
     ["1000000"]),
    ("Omgevingsscan core and demo town (targets: 200,000 incidents < 4 s; demo town < 3 s)", "bench_scan.py", []),
    ("Near-repeat Knox test (target: 10,000 incidents, 999 permutations < 10 s)", "bench_nearrepeat_core.py", []),
    ("Density heatmap against QGIS's own (targets: >= 5x faster at 1e6 points and r = 20 cells, >= 10x at "
     "r = 50, never slower at 1e4; a 20000 x 20000 raster within 3 GiB)", "bench_heatmap.py", []),
    ("Gi* on 500k points, 1000 x 1000 cells, 999 permutations (target < 30 s)", "bench_gistar.py", []),
    ("Area monitor on 500 areas x 10 years x 1e6 incidents (target <= 30 s); emerging hot spots on 200 x 200 "
     "cells x 40 time steps (target <= 60 s)", "bench_monitor.py", []),
]


def main() -> int:
    failed = 0
    for title, script, args in BENCHMARKS:
        if not (HERE / script).exists():
            continue
        print(f"\n== {title}", flush=True)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script), *args])
        print(f"   ({time.perf_counter() - t0:.0f} s wall)", flush=True)
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
