"""core.study_area: the grid-prefiltered test against shapely point by point (the oracle)."""
from __future__ import annotations

import numpy as np
from shapely.geometry import Point, Polygon, box

from hotspot_plugin.core.study_area import StudyArea, study_area_of


def test_grid_prefilter_equals_point_by_point():
    ring = Polygon([(0, 0), (1000, 0), (1000, 1000), (600, 400), (0, 1000)])  # a notch from above
    square = box(1500, 0, 2500, 1000)
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.uniform(-200, 2700, 4000), [0, 1000, 600, 1500, 2500, 1000.0000001, 1499.5]])
    y = np.concatenate([rng.uniform(-200, 1200, 4000), [0, 500, 400, 1000, 0, 500, 500]])
    area = StudyArea([ring, square], cells=16)
    union = ring.union(square)
    expected = np.array([union.intersects(Point(a, b)) for a, b in zip(x, y)])
    assert area.contains(x, y).tolist() == expected.tolist()
    assert expected[-7:].tolist() == [True, True, True, True, True, False, False]  # edges and corners count


def test_no_geometries_no_area():
    assert study_area_of([]) is None
    assert study_area_of([box(0, 0, 1, 1)]).contains(np.array([0.5, 2.0]), np.array([0.5, 0.5])).tolist() == [
        True, False]
