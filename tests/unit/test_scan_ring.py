"""The scan's ring counts by distance (issue #12, item 4), against oracles written here.

Oracle: the distance from a point to a polygon's boundary is the minimum over its edges of the
point-segment distance (hand formula, pure Python, float64); a point outside the area is in the
ring when that distance is <= the ring width. shapely's buffer(250) with 16 segments per quarter
circle cuts up to 0.3 m off the ring's round corners and is NOT the oracle.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import Point, Polygon, box

from hotspot_plugin.core.scan import IncidentData, RiskObjects, ScanInputs, run_scan
from hotspot_plugin.core.scan_geometry import points_in_polygon, within_distance

AREA = box(233000, 581600, 233600, 582200)
MISSED = (233744.68, 582403.62)  # the report: 249.79 m from the square's corner (233600, 582200)


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def boundary_distance(px, py, poly):
    rings = [poly.exterior, *poly.interiors]
    best = math.inf
    for ring in rings:
        c = list(ring.coords)
        for (ax, ay), (bx, by) in zip(c[:-1], c[1:]):
            best = min(best, seg_dist(px, py, ax, ay, bx, by))
    return best


def test_reported_corner_point_is_in_the_ring():
    d = boundary_distance(*MISSED, AREA)
    assert d == pytest.approx(math.hypot(144.68, 203.62)) and 249.7 < d < 250  # hand: 249.79 m
    assert not AREA.buffer(250).contains(Point(*MISSED))  # the polygon ring left it out
    x, y = np.array([MISSED[0]]), np.array([MISSED[1]])
    assert within_distance(x, y, AREA, 250.0)[0]
    # the whole scan: the incident counts in the ring
    t = np.array(["2024-05-01T12:00:00"], dtype="datetime64[s]")
    inc = IncidentData(x, y, t, np.array(["1.1.1"]), np.array(["woon_leefomgeving"]), np.ones(1), np.array(["u"]))
    period = (np.datetime64("2024-01-01T00:00:00"), np.datetime64("2025-01-01T00:00:00"))
    result = run_scan(ScanInputs(incidents=inc, area=AREA, period=period, ring_width=250.0,
                                 risk_objects=RiskObjects(x, y, np.array(["horeca"]), np.array(["Cafe"]))))
    assert result.n_incidents["ring_period"] == 1
    assert [i["name"] for i in result.where["risk_objects"]["ring"]["items"]] == ["Cafe"]


@pytest.mark.parametrize("where", ["rd", "origin", "usft"])
def test_ring_by_distance_equals_brute_force(where):
    rng = np.random.default_rng({"rd": 1, "origin": 2, "usft": 3}[where])
    x0, y0, ring = {"rd": (233000.0, 581600.0, 250.0), "origin": (0.0, 0.0, 250.0),
                    "usft": (987_000.0, 201_000.0, 820.21)}[where]
    # an L-shaped area with a hole: concave corners, convex corners and an inner ring
    s = 3.3 if where == "usft" else 1.0
    area = Polygon([(0, 0), (600 * s, 0), (600 * s, 300 * s), (300 * s, 300 * s), (300 * s, 600 * s), (0, 600 * s)],
                   [[(50 * s, 50 * s), (150 * s, 50 * s), (150 * s, 150 * s), (50 * s, 150 * s)]])
    area = Polygon([(x + x0, y + y0) for x, y in area.exterior.coords],
                   [[(x + x0, y + y0) for x, y in r.coords] for r in area.interiors])
    n = 3000
    x = x0 + rng.uniform(-ring * 1.2, 600 * s + ring * 1.2, n)
    y = y0 + rng.uniform(-ring * 1.2, 600 * s + ring * 1.2, n)
    # points placed at the ring's edge around a corner, just inside and just outside
    ang = rng.uniform(0, math.pi / 2, 200)
    for eps in (-1e-6, 1e-6):
        x = np.concatenate([x, x0 + 600 * s + (ring + eps) * np.cos(ang)])
        y = np.concatenate([y, y0 + 300 * s + (ring + eps) * np.sin(ang)])
    got = within_distance(x, y, area, ring)
    inside = points_in_polygon(x, y, area)
    expected = np.array([inside[i] or boundary_distance(x[i], y[i], area) <= ring for i in range(x.size)])
    assert np.array_equal(got, expected)
    assert got[-400:-200].all() and not got[-200:].any()
