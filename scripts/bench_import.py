#!/usr/bin/env python3
"""Benchmark: import N incident rows from a CSV into a new safety GeoPackage (default 1,000,000).

Target (issue #13): 1,000,000 rows in <= 20 s with <= 1 GiB peak resident memory. The import
runs in a child process of its own, so its peak resident memory (ru_maxrss) is the import's
alone, not the CSV generator's; its CPU seconds (user + system) are printed too, since the
wall time depends on what else the machine runs. The GeoPackage holds the demo town's areas
(resources/demo/zuiderwaarde.gpkg: 12 buurten, 3 wijken, 1 gemeente), so every point goes
through the "outside the study area" check; the points are drawn inside them (all are imported).
The import runs RUNS times (a new GeoPackage each); the median is reported.
"""
from __future__ import annotations

import csv
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

TARGET_SECONDS = 20.0
TARGET_MIB = 1024.0
RUNS = 3
DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo" / "zuiderwaarde.gpkg"


def demo_areas():
    """(level, code, name, shapely geometry) of the demo town's areas."""
    sys.path.insert(0, str(DEMO.parent.parent.parent))
    import sqlite3

    from hotspot_plugin.core.gpkg_blob import decode

    con = sqlite3.connect(f"file:{DEMO}?mode=ro", uri=True)
    try:
        return [(level, code, name, decode(blob)) for level, code, name, blob in
                con.execute("SELECT level, code, name, geom FROM areas")]
    finally:
        con.close()


def points_inside(n: int, rng) -> tuple:
    """n points drawn uniformly inside the union of the demo's areas (RD New)."""
    from shapely.ops import unary_union

    sys.path.insert(0, str(DEMO.parent.parent.parent))
    from hotspot_plugin.core.shapely_compat import contains_xy

    union = unary_union([g for *_, g in demo_areas()])
    minx, miny, maxx, maxy = union.bounds
    xs, ys, have = [], [], 0
    while have < n:
        x = rng.uniform(minx, maxx, 2 * n).round(1)
        y = rng.uniform(miny, maxy, 2 * n).round(1)
        keep = contains_xy(union, x, y)
        xs.append(x[keep])
        ys.append(y[keep])
        have += int(keep.sum())
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


def make_csv(path: Path, n: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    codes = ["1.1.1", "1.2.3", "1.4.5", "2.2.1", "2.5.2", "3.1.1", "M.1", "1.3.1"]
    x, y = points_inside(n, rng)
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


def load_areas(gpkg: str) -> int:
    """The demo town's areas into the bench GeoPackage (the plugin's own upsert); how many."""
    from hotspot_plugin.core.area_import import AreaRows
    from hotspot_plugin.storage.areas import upsert_areas

    count = 0
    areas = demo_areas()
    for level in sorted({a[0] for a in areas}):
        chosen = [a for a in areas if a[0] == level]
        k = len(chosen)
        rows = AreaRows(list(range(1, k + 1)), [a[1] for a in chosen], [a[2] for a in chosen], [None] * k,
                        [None] * k, [None] * k, [a[3] for a in chosen], [])
        count += upsert_areas(gpkg, rows, level, None).inserted
    return count


def import_once(csv_path: str, gpkg: str, n: int) -> None:
    """In the child: create the GeoPackage with the demo's areas, import, print seconds and CPU seconds."""
    from qgis_app import start

    start()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    processing.run("hotspot:createsafetygpkg", {"OUTPUT": gpkg, "ADD_LAYERS": False})
    assert load_areas(gpkg) == 16
    before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    result = processing.run("hotspot:importincidents", {"INPUT": csv_path, "GPKG": gpkg,
                                                        "REJECTED": "TEMPORARY_OUTPUT"},
                            context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert result["IMPORTED"] == n, result
    print(f"{seconds:.3f} {cpu:.3f}")


def run_once(csv_path: Path, gpkg: Path, n: int):
    """(seconds, CPU seconds, peak resident MiB) of one import in a child process of its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, __file__, "--child", str(csv_path), str(gpkg), str(n)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(done.returncode)
    seconds, cpu = (float(v) for v in done.stdout.strip().splitlines()[-1].split())
    # ru_maxrss of the children is the largest of any child so far: the runs are alike, so a run
    # whose peak is below an earlier one's reports that one (never less than its own)
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024.0
    return seconds, cpu, peak


def run(n: int, runs: int = RUNS):
    """(median seconds, median CPU seconds, peak resident MiB, every run's (seconds, CPU))."""
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "incidents.csv"
        make_csv(csv_path, n)
        results = []
        for k in range(runs):
            gpkg = Path(tmp) / f"bench{k}.gpkg"
            results.append(run_once(csv_path, gpkg, n))
            gpkg.unlink()
    seconds = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    return seconds, cpu, max(r[2] for r in results), [(r[0], r[1]) for r in results]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        import_once(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        sys.exit(0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else RUNS
    seconds, cpu, peak, each = run(n, runs)
    verdict = "met" if seconds <= TARGET_SECONDS and peak <= TARGET_MIB else "NOT met"
    print(f"import of {n:,} CSV rows (demo town's 16 areas loaded), median of {runs} runs: {seconds:.1f} s wall, "
          f"{cpu:.1f} s CPU (user+sys), peak resident memory {peak:,.0f} MiB "
          f"(target <= {TARGET_SECONDS:.0f} s and <= {TARGET_MIB:,.0f} MiB: {verdict}); runs: "
          + ", ".join(f"{s:.1f} s / {c:.1f} s CPU" for s, c in each))
