"""The area monitor and the emerging hot spots of one scan area, for the advice report (issue #17).

:func:`monitor_facts` reads the safety GeoPackage once (``storage.monitor``: the incidents with
their year and safety field, the areas) and computes, with the pure core's entry points and the
defaults of the two Processing algorithms (no Processing run inside the report):

* the **area monitor** (``core.area_monitor``, as ``hotspot:areamonitor`` without an area layer:
  the buurten of the GeoPackage, else its wijken; every calendar year of the incidents; the
  municipality is all those areas together), of which the report shows the buurten that overlap
  the scan area (:data:`MIN_SHARE` of the scan area or more), each as ``core.monitor_profile``'s
  published text with the report's small-count threshold;
* the **emerging hot spots** (``core.emerging``, as ``hotspot:emerginghotspots`` with its defaults:
  100 m cells, quarters, a distance band of 1.5 cells, one previous quarter as time neighbour,
  alpha 0.05 with the false discovery rate, 9,999 permutations) over all incidents of the
  GeoPackage, with a fixed seed (:data:`SEED`) so the same scan gives the same report; the
  report counts the pattern classes of the cells that overlap the scan area.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from ...core import area_monitor as am
from ...core import emerging as em
from ...core.categories import SAFETY_FIELDS
from ...core.errors import InputError
from ...core.grid_shapes import assign_to_polygons
from ...core.monitor_profile import area_profile
from ...storage import monitor as store
from ...storage.scan_inputs import read_incidents, reading

#: A buurt counts as one of the scan's when at least this share of the scan area lies in it.
MIN_SHARE = 0.01
#: The defaults of hotspot:emerginghotspots.
CELL = 100.0
MONTHS = 3
BAND_CELLS = 1.5
TIME_NEIGHBOURS = 1
ALPHA = 0.05
PERMUTATIONS = 9999
#: The report's random seed for the permutations (the same scan gives the same report).
SEED = 1


@dataclass
class MonitorFacts:
    """What the section 'Ontwikkeling over de jaren' shows (see the module docstring)."""

    years: List[int] = field(default_factory=list)
    result: Optional[am.MonitorResult] = None
    #: Index into ``result`` of each buurt of the scan, largest share of the scan area first.
    buurten: List[int] = field(default_factory=list)
    shares: List[float] = field(default_factory=list)
    profiles: List[Dict] = field(default_factory=list)
    level: str = ""
    #: Pattern code -> number of cells (with incidents) of the scan area; empty when not computed.
    patterns: Dict[int, int] = field(default_factory=dict)
    n_cells: int = 0
    n_steps: int = 0
    first_step: str = ""
    emerging_error: Optional[InputError] = None


def _monitor_areas(records: List[store.AreaRecord]):
    """The areas hotspot:areamonitor uses without an area layer: buurten, else wijken, else all
    rows that are not the municipality; and the level chosen."""
    for level in ("buurt", "wijk"):
        chosen = [r for r in records if r.level == level]
        if chosen:
            return chosen, level
    return [r for r in records if r.level != "gemeente"], ""


def cells_in_area(result: em.EmergingResult, area: BaseGeometry) -> np.ndarray:
    """Indices (into ``result.cells``) of the cells whose square overlaps *area*."""
    grid = result.grid
    rows, cols = np.divmod(result.cells, grid.cols)
    x0 = grid.x0 + cols * grid.cell
    y1 = grid.y0 - rows * grid.cell
    minx, miny, maxx, maxy = area.bounds
    near = np.flatnonzero((x0 + grid.cell > minx) & (x0 < maxx) & (y1 > miny) & (y1 - grid.cell < maxy))
    keep = [i for i in near.tolist()
            if area.intersection(box(x0[i], y1[i] - grid.cell, x0[i] + grid.cell, y1[i])).area > 0]
    return np.asarray(keep, dtype=np.int64)


def monitor_facts(gpkg_path: str, area: BaseGeometry, threshold: int, dutch: bool = True,
                  seed: int = SEED) -> MonitorFacts:
    """The area monitor of the buurten of *area* and the emerging hot spot classes of its cells."""
    facts = MonitorFacts()
    fields = list(SAFETY_FIELDS)
    with reading(gpkg_path) as con:
        span = store.year_range(con)
        if span is None:
            return facts
        records = store.read_area_records(con)
        incidents = store.read_monitor_incidents(con, span[0], span[1], fields)
        dated = read_incidents(con, [(np.datetime64("1900-01-01"), np.datetime64("2200-01-01"))])
    years = list(range(span[0], span[1] + 1))
    facts.years = years
    chosen, facts.level = _monitor_areas(records)
    if chosen and area is not None and not area.is_empty:
        areas, geoms = am.build_areas(chosen, years)
        shares = [g.intersection(area).area / area.area if g.intersects(area) else 0.0 for g in geoms]
        picked = sorted((k for k, s in enumerate(shares) if s >= MIN_SHARE), key=lambda k: -shares[k])
        if picked:
            owner = assign_to_polygons(incidents.x, incidents.y, geoms)
            counts = am.count_cube(owner, incidents.year, incidents.field, len(geoms), years)
            facts.result = am.area_monitor(areas, counts, years, threshold=int(threshold))
            facts.buurten = picked
            facts.shares = [shares[k] for k in picked]
            facts.profiles = [area_profile(facts.result, k, dutch) for k in picked]
    _emerging(facts, dated, area, seed)
    return facts


def _emerging(facts: MonitorFacts, data, area: BaseGeometry, seed: int) -> None:
    if data.x.size == 0 or area is None or area.is_empty:
        return
    try:
        result = em.emerging_hotspots(data.x, data.y, data.t, CELL, BAND_CELLS * CELL, months=MONTHS,
                                      time_neighbours=TIME_NEIGHBOURS, alpha=ALPHA, fdr=True,
                                      permutations=PERMUTATIONS, seed=seed, p_source="permutation")
    except InputError as exc:
        facts.emerging_error = exc
        return
    inside = cells_in_area(result, area)
    facts.n_cells = int(inside.size)
    facts.n_steps = int(result.summary["n_steps"])
    facts.first_step = str(result.starts[0])
    codes, n = np.unique(result.pattern[inside], return_counts=True)
    facts.patterns = {int(c): int(k) for c, k in zip(codes, n)}


__all__ = ["MonitorFacts", "monitor_facts", "cells_in_area", "MIN_SHARE", "SEED"]
