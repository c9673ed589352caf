#!/usr/bin/env python3
"""Benchmark: hotspot:densityheatmap against QGIS's own qgis:heatmapkerneldensityestimation.

For 1e4, 1e5 and 1e6 uniformly random points in a 1000 m x 1000 m square (one GeoPackage per
size, written once), both algorithms run through ``processing.run`` in one QGIS process on the
same "path.gpkg|layername=points" input, alternating (ours, QGIS, ours, QGIS, ...), with pixel
size 1 m and radius 20 and 50 m (20 and 50 cells; about 1000 x 1000 cells), quartic kernel, raw
values, and ours with SNAP false so both make the same grid. Wall time of the whole
``processing.run`` call (reading, computing, writing the GeoTIFF, styling) is measured; the
table shows medians and the ratio QGIS / ours.

Then one 20000 x 20000-cell raster of ours (the 1e6 points, pixel 0.05 m, radius 1 m = 20 cells)
runs in a fresh process that reports its peak resident memory (VmHWM), once with GDAL's default
block cache and once with GDAL_CACHEMAX=64 (MB), which shows the algorithm's own share.

    .venv/bin/python scripts/bench_heatmap.py [--repeats 3] [--qgis-repeats-1e6-r50 1] [--no-big]

QGIS takes about a minute per run at 1e6 points and radius 50, so by default it runs once there
(say --qgis-repeats-1e6-r50 3 for the full set); the table marks that case.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10_000, 100_000, 1_000_000)
RADII = (20.0, 50.0)
X0, Y0 = 100_000.0, 400_000.0
#: Targets from issue 3: QGIS / ours at least this (1e4: never slower).
TARGETS = {(1_000_000, 20.0): 5.0, (1_000_000, 50.0): 10.0, (10_000, 20.0): 1.0, (10_000, 50.0): 1.0}
MEMORY_TARGET_MIB = 3 * 1024
OURS, THEIRS = "hotspot:densityheatmap", "qgis:heatmapkerneldensityestimation"


def write_points(path: Path, n: int, seed: int) -> str:
    """A GeoPackage layer "points" (EPSG:28992) of n uniform random points; returns its URI."""
    import numpy as np
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0.0, 1000.0, (n, 2)) + [X0, Y0]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("points", srs, ogr.wkbPoint)
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for x, y in xy.tolist():
        feature = ogr.Feature(defn)
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(x, y)
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return f"{path}|layername=points"


def timed_run(alg: str, params: Dict) -> float:
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    t0 = time.perf_counter()
    processing.run(alg, params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
    return time.perf_counter() - t0


def compare(repeats: int, qgis_repeats_slow: int, workdir: Path) -> List[Dict]:
    sys.path.insert(0, str(ROOT / "scripts"))
    import qgis_app

    qgis_app.start()
    rows = []
    for n in SIZES:
        t0 = time.perf_counter()
        uri = write_points(workdir / f"points_{n}.gpkg", n, seed=n)
        print(f"   ({n} points written in {time.perf_counter() - t0:.1f} s)", flush=True)
        for radius in RADII:
            ours_out, qgis_out = str(workdir / "ours.tif"), str(workdir / "qgis.tif")
            base = {"INPUT": uri, "RADIUS": radius, "PIXEL_SIZE": 1.0, "KERNEL": 0, "OUTPUT_VALUE": 0}
            q_reps = qgis_repeats_slow if (n, radius) == (1_000_000, 50.0) else repeats
            ours: List[float] = []
            theirs: List[float] = []
            for k in range(max(repeats, q_reps)):
                if k < repeats:
                    ours.append(timed_run(OURS, {**base, "SNAP": False, "OUTPUT": ours_out}))
                if k < q_reps:
                    theirs.append(timed_run(THEIRS, {**base, "OUTPUT": qgis_out}))
            row = {"n": n, "radius": radius, "ours": statistics.median(ours),
                   "qgis": statistics.median(theirs), "ours_runs": len(ours), "qgis_runs": len(theirs)}
            row["ratio"] = row["qgis"] / row["ours"]
            rows.append(row)
            print_row(row)
    return rows


def header() -> None:
    print(f"{'points':>9} {'radius':>7} {'ours s':>8} {'QGIS s':>8} {'QGIS/ours':>10} {'target':>8}  result",
          flush=True)


def print_row(row: Dict) -> None:
    target = TARGETS.get((row["n"], row["radius"]))
    verdict = "" if target is None else ("ok" if row["ratio"] >= target else "MISSED")
    runs = "" if row["qgis_runs"] == row["ours_runs"] else \
        f"  (QGIS ran {row['qgis_runs']}x, ours {row['ours_runs']}x)"
    goal = "" if target is None else f">= {target:g}x"
    print(f"{row['n']:>9} {row['radius']:>7.0f} {row['ours']:>8.3f} {row['qgis']:>8.3f} "
          f"{row['ratio']:>9.1f}x {goal:>8}  {verdict}{runs}", flush=True)


def big_child(uri: str, out: str) -> None:
    """Runs in its own process: one 20000 x 20000 raster, prints seconds and peak memory as JSON."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import qgis_app

    qgis_app.start()
    before = _hwm()
    seconds = timed_run(OURS, {"INPUT": uri, "RADIUS": 1.0, "PIXEL_SIZE": 0.05, "SNAP": False, "OUTPUT": out})
    import rasterio

    with rasterio.open(out) as ds:
        shape = ds.shape
    print(json.dumps({"seconds": seconds, "before": before, "peak": _hwm(), "rows": shape[0],
                      "cols": shape[1], "size": os.path.getsize(out)}))


def _hwm() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024.0 for line in fh if line.startswith("VmHWM"))


def big(workdir: Path) -> bool:
    """The 20000 x 20000 case in a child process, with GDAL's default cache and with 64 MB; True if
    both stay within the memory target."""
    ok = True
    uri = f"{workdir / 'points_1000000.gpkg'}|layername=points"
    for label, env in (("GDAL default block cache", {}), ("GDAL_CACHEMAX=64 MB", {"GDAL_CACHEMAX": "64"})):
        out = str(workdir / "big.tif")
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--big-child", uri, out],
                              capture_output=True, text=True, env={**os.environ, **env}, cwd=str(ROOT))
        if done.returncode != 0:
            print(done.stderr[-2000:])
            raise SystemExit(1)
        res = json.loads(done.stdout.strip().splitlines()[-1])
        ok = ok and res["peak"] <= MEMORY_TARGET_MIB
        verdict = "ok" if res["peak"] <= MEMORY_TARGET_MIB else "MISSED"
        print(f"{res['cols']} x {res['rows']} cells, 1e6 points, radius 20 cells ({label}): "
              f"{res['seconds']:.1f} s, peak memory {res['peak']:.0f} MiB (QGIS and data loaded: "
              f"{res['before']:.0f} MiB), file {res['size'] / 2 ** 20:.0f} MiB; target <= "
              f"{MEMORY_TARGET_MIB} MiB: {verdict}", flush=True)
        os.remove(out)
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--qgis-repeats-1e6-r50", type=int, default=1)
    ap.add_argument("--no-big", action="store_true")
    ap.add_argument("--big-child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.big_child:
        big_child(*a.big_child)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_heatmap_") as tmp:
        workdir = Path(tmp)
        print("Heatmap, quartic raw, pixel 1 m, about 1000 x 1000 cells, uniform random points in one "
              f"GeoPackage; processing.run wall time, median of {a.repeats}, ours and QGIS alternating in "
              "one process")
        header()
        rows = compare(a.repeats, a.qgis_repeats_1e6_r50, workdir)
        missed = [r for r in rows if r["ratio"] < TARGETS.get((r["n"], r["radius"]), 0.0)]
        big_ok = True
        if not a.no_big:
            print()
            big_ok = big(workdir)
    return 1 if missed or not big_ok else 0


if __name__ == "__main__":
    sys.exit(main())
