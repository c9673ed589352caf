#!/usr/bin/env python3
"""Benchmark of the pure kernel-density core (hotspot_plugin.core.kde), without QGIS.

Times ``density()`` for 1e4, 1e5 and 1e6 uniformly random points on a 1000 x 1000 grid (pixel 1)
at radius 20 and 50 cells (quartic, raw), each case in a fresh Python process so that its peak
resident memory (RSS) is its own, and then streams one 20000 x 20000-cell grid band by band
(the bands are discarded) to show that memory stays bounded.

    .venv/bin/python scripts/bench_kde_core.py [--repeats 3] [--no-big] [--big-points 1000000]

Seconds are the median over the repeats of the ``density()`` call alone (the points already in
memory); peak RSS is the process's high-water mark, including the points and the output arrays.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_case(n: int, radius: float, repeats: int) -> Dict[str, float]:
    """One grid case in this process: seconds per density() call and peak RSS."""
    import numpy as np

    from hotspot_plugin.core import kde

    rng = np.random.default_rng(12345)
    x = rng.uniform(0.0, 1000.0, n)
    y = rng.uniform(0.0, 1000.0, n)
    grid = kde.Grid(0.0, 1000.0, 1.0, 1000, 1000)
    times: List[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        values, touched = kde.density(x, y, None, radius, grid, kernel=kde.QUARTIC, scaled=False)
        times.append(time.perf_counter() - t0)
        del values, touched
    return {"median": statistics.median(times), "best": min(times), "rss": _peak_rss_mib()}


def run_big(n: int, radius: float) -> Dict[str, float]:
    """Stream a 20000 x 20000 grid in bands and discard them."""
    import numpy as np

    from hotspot_plugin.core import kde

    rng = np.random.default_rng(54321)
    size = 20000
    x = rng.uniform(0.0, float(size), n)
    y = rng.uniform(0.0, float(size), n)
    grid = kde.Grid(0.0, float(size), 1.0, size, size)
    rss0 = _peak_rss_mib()
    t0 = time.perf_counter()
    bands = 0
    rows = 0
    for _row0, values, _touched in kde.density_bands(x, y, None, radius, grid):
        bands += 1
        rows += values.shape[0]
    dt = time.perf_counter() - t0
    assert rows == size
    return {"seconds": dt, "rss": _peak_rss_mib(), "rss_before": rss0, "bands": bands}


def _child(args: List[str]) -> Dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve())] + args
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=str(ROOT)).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-big", action="store_true", help="skip the 20000 x 20000 streaming case")
    ap.add_argument("--big-points", type=int, default=1_000_000)
    ap.add_argument("--big-radius", type=float, default=20.0)
    ap.add_argument("--case", nargs=2, type=float, help=argparse.SUPPRESS)
    ap.add_argument("--big", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    if a.case:
        print(json.dumps(run_case(int(a.case[0]), a.case[1], a.repeats)))
        return
    if a.big:
        print(json.dumps(run_big(a.big_points, a.big_radius)))
        return

    print("kde core, quartic raw, 1000 x 1000 grid, uniform random points "
          f"(median of {a.repeats}, each case in a fresh process)")
    print(f"{'points':>9} {'radius':>7} {'seconds':>8} {'best':>7} {'peak RSS MiB':>13}")
    for n in (10_000, 100_000, 1_000_000):
        for r in (20.0, 50.0):
            res = _child(["--case", str(n), str(r), "--repeats", str(a.repeats)])
            print(f"{n:>9} {r:>7.0f} {res['median']:>8.3f} {res['best']:>7.3f} {res['rss']:>13.0f}",
                  flush=True)
    if not a.no_big:
        res = _child(["--big", "--big-points", str(a.big_points), "--big-radius", str(a.big_radius)])
        print(f"\n20000 x 20000 grid streamed in {res['bands']:.0f} bands, {a.big_points} points, "
              f"radius {a.big_radius:.0f} cells: {res['seconds']:.1f} s, peak RSS {res['rss']:.0f} MiB "
              f"({res['rss_before']:.0f} MiB before the first band)")


if __name__ == "__main__":
    main()
