"""The camera's visible polygon against an independent line-of-sight check; placement against brute force."""
from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest
from shapely.geometry import LineString, Point, Polygon, box

from hotspot_plugin.core import placement as pl
from hotspot_plugin.core.visibility import Camera, visible_area

OBSTACLES = [
    box(10, -5, 20, 5),                                            # a block east of the camera
    Polygon([(-20, 10), (-10, 10), (-15, 20)]),                    # a triangle
    Polygon([(-30, -30), (-10, -30), (-10, -25), (-25, -25), (-25, -10), (-30, -10)]),  # an L (concave)
    Polygon([(0, 25), (20, 25), (20, 40), (0, 40)], [[(5, 30), (15, 30), (15, 35), (5, 35)]]),  # a courtyard
]


def _truth(camera: Camera, px: float, py: float, obstacles) -> bool:
    """Independent check: within range and field of view, and the segment does not enter an interior."""
    dx, dy = px - camera.x, py - camera.y
    if math.hypot(dx, dy) > camera.range:
        return False
    if not camera.all_round:
        bearing = math.degrees(math.atan2(dx, dy)) % 360.0
        off = (bearing - camera.azimuth + 180.0) % 360.0 - 180.0
        if abs(off) > camera.fov / 2.0:
            return False
    if (dx, dy) == (0.0, 0.0):
        return True
    line = LineString([(camera.x, camera.y), (px, py)])
    return not any(line.relate_pattern(o, "T********") for o in obstacles)


@pytest.mark.parametrize("camera", [
    Camera(0.0, 0.0, None, 360.0, 50.0),
    Camera(0.0, 0.0, 45.0, 120.0, 45.0),
    Camera(2.5, -1.0, 200.0, 75.0, 40.0),
    Camera(10.0, 0.0, 270.0, 180.0, 50.0),   # on the block's wall, looking west
])
def test_coverage_against_line_of_sight_sample(camera):
    seen = visible_area(camera, OBSTACLES)
    assert seen.is_valid
    step = 0.5
    xs = np.arange(camera.x - camera.range, camera.x + camera.range + step, step) + 0.123
    ys = np.arange(camera.y - camera.range, camera.y + camera.range + step, step) + 0.061
    boundary = seen.boundary
    checked = mismatches = 0
    for px in xs:
        for py in ys:
            p = Point(px, py)
            if boundary.distance(p) <= 0.25:
                continue  # exact to 0.25 m at the edges
            truth = _truth(camera, px, py, OBSTACLES)
            checked += 1
            if seen.covers(p) != truth:
                mismatches += 1
    assert checked > 5000
    assert mismatches == 0


def test_wall_and_corner_do_not_block():
    wall = box(10, 0, 20, 10)
    seen = visible_area(Camera(0, 0, None, 360, 50), [wall])
    assert seen.distance(Point(30, 0)) < 1e-6          # along the wall's bottom edge
    assert not seen.buffer(-1e-6).covers(Point(30, 5))  # behind the wall
    corner = box(10, 10, 20, 20)
    seen = visible_area(Camera(0, 0, None, 360, 50), [corner])
    assert seen.distance(Point(30, 15)) < 1e-6
    assert not seen.covers(Point(25, 25.5))  # through the block's interior


def test_direction_range_and_inside():
    seen = visible_area(Camera(0, 0, 90.0, 60.0, 30.0), [])
    assert seen.covers(Point(20, 0)) and not seen.covers(Point(0, 20)) and not seen.covers(Point(31, 0))
    assert visible_area(Camera(15, 0, None, 360, 50), [box(10, -5, 20, 5)]).is_empty
    full = visible_area(Camera(0, 0, None, 360, 50), [])
    assert math.pi * 50 ** 2 - 2 * math.pi * 50 * 0.25 < full.area <= math.pi * 50 ** 2


def test_placement_equals_exhaustive_search():
    rng = random.Random(7)
    covers = [sorted(rng.sample(range(40), rng.randint(2, 12))) for _ in range(12)]
    for k in (1, 2, 3, 4):
        best = max(len(set().union(*(covers[i] for i in s))) for s in itertools.combinations(range(12), k))
        result = pl.place(covers, k)
        assert result.method == "exhaustive"
        assert result.covered == best
        assert len(set(result.chosen)) == k
        assert sum(result.gains) == best and result.cumulative[-1] == best


def test_greedy_when_the_search_is_large():
    # The classic greedy trap: greedy takes the big middle set first and sees 8 of the optimum's 10.
    covers = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [2, 3, 4, 5, 6, 7]]
    exhaustive = pl.place(covers, 2)
    greedy = pl.place(covers, 2, max_exhaustive=0)
    assert exhaustive.covered == 10 and exhaustive.method == "exhaustive"
    assert greedy.method == "greedy" and greedy.chosen[0] == 2 and greedy.covered == 8
    assert greedy.covered >= pl.GREEDY_GUARANTEE * exhaustive.covered
    assert pl.place([[0]] * 30, 5).method == "greedy"  # C(30, 5) = 142,506 sets
