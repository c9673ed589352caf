#!/usr/bin/env python3
"""Benchmarks of issue #17 through processing.run:

1. hotspot:areamonitor on 500 areas (a 25 x 20 grid of 400 m squares), 10 years and 1,000,000
   incidents in a safety GeoPackage, with the dashboard (target <= 30 s);
2. hotspot:emerginghotspots on 200 x 200 cells of 100 m and 40 quarterly time steps (200,000
   incidents, about every cell holding some), 9999 permutations (target <= 60 s).

The GeoPackages are built once (cached in the folder). Prints the seconds and the peak memory.

    .venv/bin/python scripts/bench_monitor.py [--incidents N] [--dir DIR]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

X0, Y0 = 150_000.0, 440_000.0
FIELDS = ["woon_leefomgeving", "bedrijvigheid", "jeugd", "fysiek", "integriteit"]


def build_monitor_gpkg(path: Path, n: int, seed: int = 1) -> None:
    from shapely.geometry import MultiPolygon, box

    from hotspot_plugin.core import gpkg_blob
    from hotspot_plugin.storage import gpkg

    gpkg.create_safety_gpkg(str(path), municipality="Benchstad")
    rng = np.random.default_rng(seed)
    con = gpkg.connect(str(path), write=True)
    with gpkg.transaction(con, str(path)):
        sid = gpkg.srs_id(con, "areas")
        rows = []
        for k in range(500):
            r, c = divmod(k, 25)
            poly = MultiPolygon([box(X0 + c * 400, Y0 + r * 400, X0 + (c + 1) * 400, Y0 + (r + 1) * 400)])
            rows.append((gpkg_blob.geometry_blob(poly.wkb, poly.bounds, sid), f"BU{k:08d}", f"Buurt {k}", "buurt",
                         int(rng.integers(50, 5000)), int(rng.integers(20, 2000))))
        con.executemany("INSERT INTO areas (geom, code, name, level, inhabitants, dwellings) VALUES (?,?,?,?,?,?)",
                        rows)
        x = X0 + rng.uniform(0, 10_000, n)
        y = Y0 + rng.uniform(0, 8_000, n)
        days = rng.integers(0, 3652, n)
        times = (np.datetime64("2015-01-01T00:00:00") + days.astype("timedelta64[D]")
                 + rng.integers(0, 86400, n).astype("timedelta64[s]")).astype(str)
        blobs = gpkg_blob.point_blobs(x, y, sid)
        fields = rng.integers(0, 5, n)
        con.executemany(
            "INSERT INTO incidents (geom, uuid, occurred_at, category, safety_field, weight, dedup_key) "
            "VALUES (?,?,?,?,?,?,?)",
            ((blobs[i], f"u{i}", times[i] + ".000", "1.1.1", FIELDS[fields[i]], 1.0, f"d{i}") for i in range(n)))
    con.close()


def build_points_gpkg(path: Path, n: int, seed: int = 2) -> None:
    from osgeo import gdal

    gdal.UseExceptions()
    rng = np.random.default_rng(seed)
    x = X0 + rng.uniform(0, 20_000, n)
    y = Y0 + rng.uniform(0, 20_000, n)
    t = (np.datetime64("2015-01-01") + rng.integers(0, 3652, n).astype("timedelta64[D]")).astype(str)
    csv = path.with_suffix(".csv")
    with open(csv, "w", encoding="ascii") as fh:
        fh.write("x,y,occurred_at\n")
        for i in range(n):
            fh.write(f"{x[i]:.2f},{y[i]:.2f},{t[i]}\n")
    src = gdal.OpenEx(str(csv), gdal.OF_VECTOR, open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y"])
    gdal.VectorTranslate(str(path), src, format="GPKG", layerName="incidents", dstSRS="EPSG:28992",
                         srcSRS="EPSG:28992", geometryType="POINT", options=["-gt", "65536"])
    src = None
    csv.unlink()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=1_000_000)
    ap.add_argument("--points", type=int, default=200_000)
    ap.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "hotspot_bench_monitor"))
    args = ap.parse_args()
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    monitor_gpkg = folder / f"monitor_{args.incidents}.gpkg"
    points_gpkg = folder / f"points_{args.points}.gpkg"
    if not monitor_gpkg.exists():
        t0 = time.perf_counter()
        build_monitor_gpkg(monitor_gpkg, args.incidents)
        print(f"built {monitor_gpkg} in {time.perf_counter() - t0:.0f} s")
    if not points_gpkg.exists():
        build_points_gpkg(points_gpkg, args.points)

    import qgis_app

    qgis_app.start()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    failed = 0
    out = folder / "monitor_out.gpkg"
    out.unlink(missing_ok=True)
    t0 = time.perf_counter()
    res = processing.run("hotspot:areamonitor", {"GPKG": str(monitor_gpkg), "OUTPUT": str(out),
                                                 "DASHBOARD": str(folder / "monitor.html")},
                         feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
    took = time.perf_counter() - t0
    print(f"areamonitor: {res['N_AREAS']} areas x 10 years, {res['N_INCIDENTS']} incidents: {took:.1f} s "
          f"(target <= 30 s)")
    failed += took > 30
    out = folder / "emerging_out.gpkg"
    out.unlink(missing_ok=True)
    t0 = time.perf_counter()
    res = processing.run("hotspot:emerginghotspots", {"INPUT": f"{points_gpkg}|layername=incidents",
                                                      "CELL_SIZE": 100, "TIME_STEP_MONTHS": 3, "SEED": 1,
                                                      "OUTPUT": str(out)},
                         feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
    took = time.perf_counter() - t0
    print(f"emerginghotspots: {res['N_LOCATIONS']} cells x {res['N_STEPS']} steps: {took:.1f} s (target <= 60 s)")
    failed += took > 60
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0:.0f} MiB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
