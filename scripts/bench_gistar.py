#!/usr/bin/env python3
"""Benchmark of hotspot:gistar through processing.run: ~500k clustered points, 1000 x 1000 cells.

The points (a Thomas process: 70 % in Gaussian clusters of sigma 60 m around uniform parents,
30 % uniform) lie in a 25 km x 25 km square in RD New whose corners are multiples of 25 m, so
the 25 m grid has exactly 1000 x 1000 cells. They are written once to a GeoPackage (through
GDAL from a CSV, cached in the output folder) and then analysed with 99,999 permutations (the
default of hotspot:gistar), the automatic distance band and FDR; the output is written to a
GeoPackage. Prints the seconds (target: < 30 s) and the peak resident memory of the process.

    .venv/bin/python scripts/bench_gistar.py [--points N] [--permutations P] [--dir DIR] [--memory]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

X0, Y0, SIZE, CELL = 130_000.0, 430_000.0, 25_000.0, 25.0


def clustered_points(n: int, rng: np.random.Generator) -> np.ndarray:
    """*n* points (before clipping) in ``[0, SIZE)^2``: 70 % clustered, 30 % uniform."""
    n_clustered = int(0.7 * n)
    parents = rng.uniform(0, SIZE, (max(1, n // 250), 2))
    which = rng.integers(0, parents.shape[0], n_clustered)
    pts = np.vstack([parents[which] + rng.normal(0, 60.0, (n_clustered, 2)),
                     rng.uniform(0, SIZE, (n - n_clustered, 2))])
    return pts[(pts >= 0).all(axis=1) & (pts < SIZE).all(axis=1)]


def write_gpkg(path: Path, n: int, seed: int) -> int:
    """The points as layer "incidents" of a GeoPackage (EPSG:28992); returns the number written."""
    from osgeo import gdal

    gdal.UseExceptions()
    pts = clustered_points(n, np.random.default_rng(seed))
    csv = path.with_suffix(".csv")
    with open(csv, "w", encoding="ascii") as fh:
        fh.write("x,y,weight\n")
        np.savetxt(fh, np.column_stack([pts[:, 0] + X0, pts[:, 1] + Y0, np.ones(len(pts))]),
                   fmt=["%.3f", "%.3f", "%.1f"], delimiter=",")
    src = gdal.OpenEx(str(csv), gdal.OF_VECTOR, open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y",
                                                             "AUTODETECT_TYPE=YES"])
    gdal.VectorTranslate(str(path), src, format="GPKG", layerName="incidents", dstSRS="EPSG:28992",
                         srcSRS="EPSG:28992", geometryType="POINT", options=["-gt", "65536"])
    src = None
    csv.unlink()
    return len(pts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=500_000)
    ap.add_argument("--permutations", type=int, default=99_999)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "hotspot_bench_gistar"))
    ap.add_argument("--memory", action="store_true", help="write the output to a memory layer")
    args = ap.parse_args()
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"points_{args.points}_{args.seed}.gpkg"
    if not source.exists():
        t0 = time.perf_counter()
        n = write_gpkg(source, args.points, args.seed)
        print(f"wrote {n} points to {source} in {time.perf_counter() - t0:.1f} s")

    import qgis_app

    qgis_app.start()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Timing(QgsProcessingFeedback):
        """Remembers when the progress passed the steps of hotspot:gistar (read, grid, Gi*, write)."""

        def __init__(self) -> None:
            super().__init__()
            self.marks = {}
            self.lines = []
            self.progressChanged.connect(self._progress)

        def _progress(self, p: float) -> None:
            for step, at in (("read", 20), ("grid", 25), ("gistar", 85)):
                if p >= at and step not in self.marks:
                    self.marks[step] = time.perf_counter()

        def pushInfo(self, text: str) -> None:  # noqa: N802 - QGIS API
            self.lines.append(text)

        def pushWarning(self, text: str) -> None:  # noqa: N802 - QGIS API
            self.lines.append("warning: " + text)

    out = folder / "gistar_out.gpkg"
    if out.exists():
        out.unlink()
    feedback = Timing()
    params = {"INPUT": f"{source}|layername=incidents", "CELL_SIZE": CELL, "PERMUTATIONS": args.permutations,
              "SEED": 1, "FDR": True, "OUTPUT": "TEMPORARY_OUTPUT" if args.memory else str(out)}
    t0 = time.perf_counter()
    result = processing.run("hotspot:gistar", params, feedback=feedback, context=QgsProcessingContext())
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    for line in feedback.lines:
        print("  " + line)
    steps, last = [], t0
    for step in ("read", "grid", "gistar"):
        if step in feedback.marks:
            steps.append(f"{step} {feedback.marks[step] - last:.1f} s")
            last = feedback.marks[step]
    steps.append(f"write {t0 + total - last:.1f} s")
    print(f"cells {result['N_CELLS']}, cell {result['CELL_SIZE_USED']:g} m, band {result['BAND_USED']:g} m, "
          f"{args.permutations} permutations: hot {result['N_HOT']}, cold {result['N_COLD']}")
    print(f"processing.run  {total:6.1f} s   ({', '.join(steps)})   target < 30 s")
    print(f"peak RSS        {peak:6.0f} MiB")
    return 0 if total < 30 else 1


if __name__ == "__main__":
    sys.exit(main())
