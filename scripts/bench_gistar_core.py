"""Benchmark of the pure Gi* core: 1000 x 1000 cells, band about 3 cells, DEFAULT_PERMUTATIONS.

Points come from a clustered random process (a Thomas process: Gaussian clusters around
uniform parents, plus a uniform background) over a 25 km x 25 km square binned into 25 m cells.
Prints the seconds per step and the peak resident memory of the process.

    .venv/bin/python scripts/bench_gistar_core.py [--points N] [--permutations P] [--seed S]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hotspot_plugin.core.gistar import DEFAULT_PERMUTATIONS, gistar, square_grid  # noqa: E402


def clustered_points(n: int, size: float, rng: np.random.Generator) -> np.ndarray:
    """*n* points in ``[0, size)^2``: 70 % in Gaussian clusters (sigma 60 m), 30 % uniform."""
    n_clustered = int(0.7 * n)
    parents = rng.uniform(0, size, (max(1, n // 250), 2))
    which = rng.integers(0, parents.shape[0], n_clustered)
    clustered = parents[which] + rng.normal(0, 60.0, (n_clustered, 2))
    background = rng.uniform(0, size, (n - n_clustered, 2))
    pts = np.vstack([clustered, background])
    return pts[(pts >= 0).all(axis=1) & (pts < size).all(axis=1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=500_000)
    ap.add_argument("--permutations", type=int, default=None,
                    help="default: the core's DEFAULT_PERMUTATIONS")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    if args.permutations is None:
        args.permutations = DEFAULT_PERMUTATIONS
    cell, size = 25.0, 25_000.0
    rng = np.random.default_rng(args.seed)
    pts = clustered_points(args.points, size, rng)
    t0 = time.perf_counter()
    grid = square_grid(pts[:, 0], pts[:, 1], None, cell, extent=(0.0, 0.0, size, size))
    t1 = time.perf_counter()
    res = gistar(None, grid, 3 * cell, permutations=args.permutations, seed=args.seed, fdr=True)
    t2 = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    s = res.summary
    print(f"grid {grid.rows} x {grid.cols} = {grid.n} cells, {grid.n_points} points, "
          f"max count {int(grid.values.max())}, band {3 * cell:g} m "
          f"({s['neighbours_max']} cells incl. self), {args.permutations} permutations")
    print(f"binning   {t1 - t0:7.2f} s")
    print(f"gistar    {t2 - t1:7.2f} s  (window sums, z, permutations, FDR, classes)")
    print(f"total     {t2 - t0:7.2f} s")
    print(f"peak RSS  {peak_mib:7.0f} MiB")
    print(f"exact p   {s['p_exact']}; hot 99/95/90: {s['hot_99']}/{s['hot_95']}/{s['hot_90']}, "
          f"cold 99/95/90: {s['cold_99']}/{s['cold_95']}/{s['cold_90']}")


if __name__ == "__main__":
    main()
