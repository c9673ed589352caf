"""Benchmark of the near-repeat core: the Knox test on 10,000 clustered incidents.

A town of about 50 km2 (7.07 x 7.07 km) with 40 residential clusters (70% of the
incidents, Gaussian spread 150-500 m) and 30% spread uniformly; dates over three years, with
a fifth of the incidents planted as near repeats (within 200 m and 14 days of an earlier
one). Default bands, 999 permutations. Prints the seconds, the number of pairs examined per
permutation and the peak resident memory of the process.

Run: ``.venv/bin/python scripts/bench_nearrepeat_core.py [--n 10000] [--permutations 999]``
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path
from typing import Tuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hotspot_plugin.core.nearrepeat import conclusion, knox  # noqa: E402


def town(n: int, seed: int = 7) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Clustered incidents (x, y in metres, t in whole days over three years)."""
    rng = np.random.default_rng(seed)
    side = np.sqrt(50e6)
    n_seed = int(n * 0.8)
    n_clu = int(n_seed * 0.7)
    cx, cy = rng.uniform(0, side, 40), rng.uniform(0, side, 40)
    sd = rng.uniform(150, 500, 40)
    k = rng.integers(0, 40, n_clu)
    x = np.concatenate([cx[k] + rng.normal(0, 1, n_clu) * sd[k], rng.uniform(0, side, n_seed - n_clu)])
    y = np.concatenate([cy[k] + rng.normal(0, 1, n_clu) * sd[k], rng.uniform(0, side, n_seed - n_clu)])
    t = rng.integers(0, 3 * 365, n_seed).astype(float)
    # Near repeats: followers of random earlier incidents.
    src = rng.integers(0, n_seed, n - n_seed)
    ang = rng.uniform(0, 2 * np.pi, src.size)
    rad = rng.uniform(0, 200, src.size)
    x = np.concatenate([x, x[src] + rad * np.cos(ang)])
    y = np.concatenate([y, y[src] + rad * np.sin(ang)])
    t = np.concatenate([t, t[src] + rng.integers(0, 14, src.size)])
    return np.clip(x, 0, side), np.clip(y, 0, side), t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--permutations", type=int, default=999)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    x, y, t = town(args.n)
    start = time.perf_counter()
    result = knox(x, y, t, permutations=args.permutations, seed=args.seed)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    template, params = conclusion(result, fdr=True)
    print(f"knox: {result.n_incidents} incidents, {result.n_pairs} pairs within "
          f"{result.bands.distance_edges[-1]:g} m, {result.permutations} permutations")
    print(f"seconds: {seconds:.2f}")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print("conclusion: " + template.format(**params))


if __name__ == "__main__":
    main()
