"""Tests of the demo town generator (scripts/demo_town.py).

The references here are written plainly and independently of the generator: brute-force
distances with numpy, a breadth-first search over exact end-point coordinates, pair counts
over all incident pairs, strptime for dates.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
import uuid
from collections import Counter, deque

import numpy as np
import pytest
from shapely.geometry import Point
from shapely.ops import linemerge, unary_union
from shapely.prepared import prep

from hotspot_plugin.core import schema
from hotspot_plugin.core.categories import CATEGORY_BY_CODE, SAFETY_FIELDS
from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.progress import Monitor
from scripts import demo_town as demo

SEED = 2024
START = dt.datetime(2023, 1, 1)
END = dt.datetime(2025, 12, 31, 23, 59, 59)


@pytest.fixture(scope="module")
def town() -> demo.DemoTown:
    return demo.build_demo_town(SEED)


@pytest.fixture(scope="module")
def incidents(town):
    """Incident columns as numpy arrays, parsed independently of the generator."""
    recs = town.layers[schema.INCIDENTS]
    when = [dt.datetime.strptime(r["occurred_at"], "%Y-%m-%dT%H:%M:%S") for r in recs]
    return {
        "xy": np.array([(r["geometry"].x, r["geometry"].y) for r in recs]),
        "when": when,
        "days": np.array([(w - START).total_seconds() / 86400.0 for w in when]),
        "year": np.array([w.year for w in when]),
        "month": np.array([w.month for w in when]),
        "weekday": np.array([w.weekday() for w in when]),
        "hour": np.array([w.hour for w in when]),
        "code": np.array([r["category"] for r in recs]),
        "field": np.array([r["safety_field"] for r in recs]),
    }


def _objects(town, kind):
    return np.array([(o["geometry"].x, o["geometry"].y) for o in town.layers[schema.RISK_OBJECTS]
                     if o["kind"] == kind])


def _min_dist(points: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """Distance from every point to its nearest anchor (brute force)."""
    d = np.hypot(points[:, None, 0] - anchors[None, :, 0], points[:, None, 1] - anchors[None, :, 1])
    return d.min(axis=1)


def _segments(lines) -> np.ndarray:
    """All straight segments (x1, y1, x2, y2) of the given line geometries."""
    out = []
    for line in lines:
        c = list(line.coords)
        out.extend((a[0], a[1], b[0], b[1]) for a, b in zip(c[:-1], c[1:]))
    return np.array(out)


def _dist_to_segments(points: np.ndarray, segs: np.ndarray) -> np.ndarray:
    """Distance from every point to the nearest of the segments (brute force)."""
    ax, ay, bx, by = (segs[:, k][None, :] for k in range(4))
    px, py = points[:, 0][:, None], points[:, 1][:, None]
    dx, dy = bx - ax, by - ay
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
    return np.hypot(ax + t * dx - px, ay + t * dy - py).min(axis=1)


def _fingerprint(t: demo.DemoTown):
    """Everything in a town, geometry as WKB, in a comparable form."""
    out = [t.town_name, t.municipality_code, t.epsg, t.extent, t.period, t.burglary_buurt,
           sorted(t.landmarks.items())]
    for name in sorted(t.layers):
        for rec in t.layers[name]:
            attrs = sorted((k, v) for k, v in rec.items() if k != "geometry")
            out.append((name, rec["geometry"].wkb_hex, attrs))
    return out


# ----------------------------------------------------------------------------------------
# Determinism, speed, arguments
# ----------------------------------------------------------------------------------------
def test_same_seed_gives_identical_output(town):
    again = demo.build_demo_town(SEED)
    assert _fingerprint(again) == _fingerprint(town)


def test_different_seed_gives_different_output(town):
    other = demo.build_demo_town(SEED + 1)
    assert _fingerprint(other) != _fingerprint(town)
    a = {r["occurred_at"] for r in town.layers[schema.INCIDENTS]}
    b = {r["occurred_at"] for r in other.layers[schema.INCIDENTS]}
    assert len(a & b) < 0.2 * len(a)



@pytest.mark.parametrize("seed", [-1, 1.5, "7", True, None])
def test_bad_seed_is_refused(seed):
    with pytest.raises(InputError):
        demo.build_demo_town(seed)


def test_monitor_progress_and_cancel():
    seen = []
    demo.build_demo_town(3, Monitor(progress=seen.append))
    assert seen and seen[-1] == 100 and seen == sorted(seen)
    with pytest.raises(Canceled):
        demo.build_demo_town(3, Monitor(canceled=lambda: True))


# ----------------------------------------------------------------------------------------
# Records follow the schema
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("layer", [schema.AREAS, schema.STREETS, schema.RISK_OBJECTS, schema.INCIDENTS])
def test_records_have_exactly_the_schema_fields(town, layer):
    want = set(schema.LAYER_BY_NAME[layer].field_names()) | {"geometry"}
    recs = town.layers[layer]
    assert recs
    for rec in recs:
        assert set(rec) == want
        for key, value in rec.items():
            if key != "geometry":
                assert value is None or isinstance(value, (str, int, float)), (key, value)
    geom_type = {"POINT": "Point", "LINESTRING": "LineString", "MULTIPOLYGON": "MultiPolygon"}
    assert {rec["geometry"].geom_type for rec in recs} == {geom_type[schema.LAYER_BY_NAME[layer].geometry]}


def test_town_metadata(town):
    assert town.town_name == "Zuiderwaarde"
    assert town.municipality_code == "GM9999"
    assert town.epsg == 28992
    xmin, ymin, xmax, ymax = town.extent
    assert 150000 <= xmin < xmax <= 156000 and 440000 <= ymin < ymax <= 446000
    assert 4500 < xmax - xmin < 6000 and 4500 < ymax - ymin < 6000
    assert town.gemeente().bounds == pytest.approx(town.extent)


# ----------------------------------------------------------------------------------------
# Geometry: validity, tiling, containment
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [SEED, 0, 17])
def test_geometry_valid_inside_and_tiling(seed, town):
    t = town if seed == SEED else demo.build_demo_town(seed)
    areas = t.layers[schema.AREAS]
    gem = [a for a in areas if a["level"] == "gemeente"]
    wijken = [a for a in areas if a["level"] == "wijk"]
    buurten = [a for a in areas if a["level"] == "buurt"]
    assert len(gem) == 1 and len(wijken) == 3 and 10 <= len(buurten) <= 14
    g = gem[0]["geometry"]
    for layer in (schema.AREAS, schema.STREETS, schema.RISK_OBJECTS, schema.INCIDENTS):
        for rec in t.layers[layer]:
            assert rec["geometry"].is_valid and not rec["geometry"].is_empty
    # Buurten tile the gemeente: the areas add up, no two overlap, the union is the gemeente.
    total = sum(b["geometry"].area for b in buurten)
    assert abs(total - g.area) <= 0.001 * g.area
    for a, b in itertools.combinations(buurten, 2):
        assert a["geometry"].intersection(b["geometry"]).area < 1.0, (a["name"], b["name"])
    assert unary_union([b["geometry"] for b in buurten]).symmetric_difference(g).area < 1.0
    # Every wijk is the union of its buurten.
    for w in wijken:
        members = [b["geometry"] for b in buurten if b["parent_code"] == w["code"]]
        assert members
        assert unary_union(members).symmetric_difference(w["geometry"]).area < 1.0
    # Everything else lies inside the gemeente.
    pg = prep(g.buffer(0.01))
    for layer in (schema.STREETS, schema.RISK_OBJECTS, schema.INCIDENTS):
        outside = [rec for rec in t.layers[layer] if not pg.contains(rec["geometry"])]
        assert not outside, (layer, len(outside))


def test_area_codes_and_population(town):
    areas = town.layers[schema.AREAS]
    gem = next(a for a in areas if a["level"] == "gemeente")
    wijken = [a for a in areas if a["level"] == "wijk"]
    buurten = [a for a in areas if a["level"] == "buurt"]
    assert gem["code"] == "GM9999" and gem["parent_code"] is None
    for w in wijken:
        assert re.fullmatch(r"WK9999\d\d", w["code"]) and w["parent_code"] == "GM9999"
    codes = [b["code"] for b in buurten]
    assert len(set(codes)) == len(codes)
    for b in buurten:
        assert re.fullmatch(r"BU9999\d{4}", b["code"])
        assert b["parent_code"] == "WK" + b["code"][2:8]
        assert b["name"] and b["inhabitants"] >= 0 and b["dwellings"] >= 0
        if b["inhabitants"] > 500:
            assert 1.3 <= b["inhabitants"] / b["dwellings"] <= 3.0
    assert 22000 <= gem["inhabitants"] <= 28000
    assert gem["inhabitants"] == sum(b["inhabitants"] for b in buurten)
    assert gem["inhabitants"] == sum(w["inhabitants"] for w in wijken)
    assert gem["dwellings"] == sum(b["dwellings"] for b in buurten) == sum(w["dwellings"] for w in wijken)
    for w in wijken:
        assert w["inhabitants"] == sum(b["inhabitants"] for b in buurten if b["parent_code"] == w["code"])
    assert town.burglary_buurt in codes


# ----------------------------------------------------------------------------------------
# Streets
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [SEED, 0, 17])
def test_street_graph_is_connected(seed, town):
    t = town if seed == SEED else demo.build_demo_town(seed)
    lines = [s["geometry"] for s in t.layers[schema.STREETS]]
    adj = {}
    for line in lines:
        a, b = tuple(line.coords[0]), tuple(line.coords[-1])
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    start = next(iter(adj))
    seen = {start}
    todo = deque([start])
    while todo:
        for nb in adj[todo.popleft()]:
            if nb not in seen:
                seen.add(nb)
                todo.append(nb)
    assert len(seen) == len(adj)


def test_streets_are_split_at_intersections(town):
    """Two street lines meet only at end points they share exactly; they never cross."""
    lines = [s["geometry"] for s in town.layers[schema.STREETS]]
    bounds = np.array([ln.bounds for ln in lines])
    ends = [{tuple(ln.coords[0]), tuple(ln.coords[-1])} for ln in lines]
    for i, j in zip(*np.nonzero(np.triu(
            (bounds[:, None, 0] <= bounds[None, :, 2]) & (bounds[None, :, 0] <= bounds[:, None, 2])
            & (bounds[:, None, 1] <= bounds[None, :, 3]) & (bounds[None, :, 1] <= bounds[:, None, 3]), 1))):
        inter = lines[i].intersection(lines[j])
        if inter.is_empty:
            continue
        points = [inter] if inter.geom_type == "Point" else list(getattr(inter, "geoms", [inter]))
        for p in points:
            assert p.geom_type == "Point", (i, j, inter.wkt)
            assert (p.x, p.y) in ends[i] and (p.x, p.y) in ends[j], (i, j, inter.wkt)
    # And no line passes through another line's end point without ending there.
    allends = np.array(sorted({e for pair in ends for e in pair}))
    for k, ln in enumerate(lines):
        inner = np.array(ln.coords[1:-1]) if len(ln.coords) > 2 else np.empty((0, 2))
        for v in inner:
            assert not np.any((allends[:, 0] == v[0]) & (allends[:, 1] == v[1])), k


def test_street_content(town):
    streets = town.layers[schema.STREETS]
    assert 150 <= len(streets) <= 600
    kinds = Counter(s["kind"] for s in streets)
    assert set(kinds) <= {"straat", "fietspad", "voetpad", "steeg"}
    assert kinds["steeg"] >= 3 and kinds["fietspad"] >= 1 and kinds["voetpad"] >= 1
    assert all(s["oneway"] == 0 for s in streets)
    assert all(s["name"] for s in streets if s["kind"] == "straat")
    names = {s["name"] for s in streets if s["name"]}
    assert len(names) >= 40
    assert sum(n.endswith(("straat", "laan", "weg", "steeg")) for n in names) >= 0.6 * len(names)
    # A ring road that closes on itself, and a square (Markt) at the centre.
    ring = linemerge([s["geometry"] for s in streets if s["name"] and s["name"].endswith("ringweg")])
    assert ring.geom_type == "LineString" and ring.is_ring and ring.length > 8000
    markt = linemerge([s["geometry"] for s in streets if s["name"] == "Markt"])
    assert markt.geom_type == "LineString" and markt.is_ring
    assert markt.centroid.distance(Point(town.landmarks["markt"])) < 50


# ----------------------------------------------------------------------------------------
# Risk objects
# ----------------------------------------------------------------------------------------
def test_risk_objects(town):
    objs = town.layers[schema.RISK_OBJECTS]
    assert 100 <= len(objs) <= 400
    kinds = Counter(o["kind"] for o in objs)
    assert set(kinds) <= set(schema.RISK_OBJECT_KINDS)
    for kind in ("horeca", "coffeeshop", "school", "hangplek", "ov_halte", "pinautomaat", "camera",
                 "speelplaats", "supermarkt", "jongerencentrum", "station"):
        assert kinds[kind] >= 1, kind
    assert kinds["horeca"] >= 20 and kinds["school"] >= 5 and kinds["hangplek"] >= 5
    assert all(o["name"] for o in objs)
    ids = [o["uuid"] for o in objs]
    assert len(set(ids)) == len(ids) and all(uuid.UUID(i) for i in ids)
    # Placed near streets.
    pts = np.array([(o["geometry"].x, o["geometry"].y) for o in objs])
    segs = _segments(s["geometry"] for s in town.layers[schema.STREETS])
    assert _dist_to_segments(pts, segs).max() < 40.0
    # Horeca clustered in the centre.
    horeca = _objects(town, "horeca")
    d = np.hypot(*(horeca - np.array(town.landmarks["markt"])).T)
    assert np.median(d) < 400 and (d < 500).mean() > 0.6


# ----------------------------------------------------------------------------------------
# Incidents: content
# ----------------------------------------------------------------------------------------
def test_incident_content(town, incidents):
    recs = town.layers[schema.INCIDENTS]
    assert 12000 <= len(recs) <= 15000
    for r in recs:
        cat = CATEGORY_BY_CODE[r["category"]]
        assert r["safety_field"] == cat.safety_field
        assert r["weight"] == cat.weight
        assert r["source"] == "demo" and r["import_batch"] == "demo"
        assert r["dedup_key"] and r["source_id"]
    for key in ("uuid", "dedup_key", "source_id"):
        values = [r[key] for r in recs]
        assert len(set(values)) == len(values), key
    assert all(uuid.UUID(r["uuid"]) for r in recs)
    fields = Counter(incidents["field"])
    assert set(fields) == set(SAFETY_FIELDS)
    assert min(fields.values()) >= 300


def test_incident_dates(town, incidents):
    assert min(incidents["when"]) >= START and max(incidents["when"]) <= END
    for r in town.layers[schema.INCIDENTS]:
        if r["occurred_end"] is not None:
            end = dt.datetime.strptime(r["occurred_end"], "%Y-%m-%dT%H:%M:%S")
            assert r["occurred_at"] < r["occurred_end"] and end <= END
    # Every month of the three years has incidents.
    months = Counter(zip(incidents["year"], incidents["month"]))
    assert len(months) == 36 and min(months.values()) > 150


# ----------------------------------------------------------------------------------------
# Incidents: the planted patterns
# ----------------------------------------------------------------------------------------
def _weekend_night(inc):
    wd, h = inc["weekday"], inc["hour"]
    return ((wd == 4) & (h >= 22)) | ((wd == 5) & ((h < 6) | (h >= 22))) | ((wd == 6) & (h < 6))


def test_uitgaansgebied_at_weekend_nights(town, incidents):
    centre = np.median(_objects(town, "horeca"), axis=0)
    near = np.hypot(*(incidents["xy"] - centre).T) < 300.0
    night = _weekend_night(incidents)
    assert near.sum() > 500
    assert night[near].mean() > 2.5 * night.mean()
    # Horeca-overlast and openlijk geweld: mostly within 300 m of the cluster, mostly at night.
    for code in ("M.2", "1.4.3"):
        sel = incidents["code"] == code
        assert near[sel].mean() > 0.7, code
        h = incidents["hour"][sel]
        assert ((h >= 22) | (h < 5)).mean() > 0.6, code
        # Friday and Saturday evenings (nights counted to the evening they began) dominate.
        evening_day = (incidents["weekday"][sel] - (h < 8)) % 7
        assert np.isin(evening_day, [4, 5]).mean() > 0.45, code


def test_burglary_rises_with_near_repeats(town, incidents):
    b = incidents["code"] == "1.1.1"
    per_year = [int((b & (incidents["year"] == y)).sum()) for y in (2023, 2024, 2025)]
    assert per_year[0] < per_year[1] < per_year[2]
    assert per_year[2] > 1.4 * per_year[0]
    # Concentrated in the burglary buurt.
    buurt = next(a for a in town.layers[schema.AREAS] if a["code"] == town.burglary_buurt)
    pb = prep(buurt["geometry"].buffer(200.0))
    inside = np.array([pb.contains(Point(x, y)) for x, y in incidents["xy"][b]])
    assert inside.mean() > 0.6
    # More in the dark months, more in the evening.
    months = incidents["month"][b]
    dark = np.isin(months, [10, 11, 12, 1, 2]).sum() / 5.0
    light = np.isin(months, [5, 6, 7, 8]).sum() / 4.0
    assert dark > 1.5 * light
    h = incidents["hour"][b]
    assert ((h >= 17) & (h < 23)).mean() > 0.35
    # Knox: pairs within 200 m and 14 days, against the same count with shuffled dates.
    xy, days = incidents["xy"][b], incidents["days"][b]
    iu = np.triu_indices(len(days), 1)
    close = (np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1]) <= 200.0)[iu]

    def count(d):
        return int((close & (np.abs(d[:, None] - d[None, :])[iu] <= 14.0)).sum())

    observed = count(days)
    rng = np.random.default_rng(1)
    shuffled = np.array([count(rng.permutation(days)) for _ in range(30)])
    assert observed > 1.5 * shuffled.mean()
    assert observed > shuffled.mean() + 5 * shuffled.std()


def test_field_trends(incidents):
    def per_year(field):
        sel = incidents["field"] == field
        return [int((sel & (incidents["year"] == y)).sum()) for y in (2023, 2024, 2025)]

    jeugd, fysiek = per_year("jeugd"), per_year("fysiek")
    assert jeugd[0] < jeugd[1] < jeugd[2] and jeugd[2] > 1.3 * jeugd[0]
    assert fysiek[0] > fysiek[1] > fysiek[2] and fysiek[2] < 0.8 * fysiek[0]


def test_jeugdoverlast_at_hangplekken_in_the_evening(town, incidents):
    spots = np.vstack([_objects(town, "hangplek"), _objects(town, "jongerencentrum")])
    for code in ("M.1", "M.7"):
        sel = incidents["code"] == code
        assert (_min_dist(incidents["xy"][sel], spots) < 200.0).mean() > 0.85, code
        h = incidents["hour"][sel]
        assert ((h >= 16) | (h < 1)).mean() > 0.6, code
    everything = _min_dist(incidents["xy"], spots) < 200.0
    assert everything.mean() < 0.45


def test_fietsdiefstal_at_the_station_in_daytime(town, incidents):
    station = _objects(town, "station")
    sel = incidents["code"] == "1.2.3"
    near = _min_dist(incidents["xy"][sel], station) < 300.0
    assert near.mean() > 0.4
    h = incidents["hour"][sel][near]
    assert ((h >= 6) & (h < 20)).mean() > 0.8
    allnear = _min_dist(incidents["xy"], station) < 300.0
    assert allnear.mean() < 0.15


def test_winkeldiefstal_at_supermarkets_in_the_day(town, incidents):
    sel = incidents["code"] == "2.5.2"
    near = _min_dist(incidents["xy"][sel], _objects(town, "supermarkt")) < 100.0
    assert near.mean() > 0.6
    h = incidents["hour"][sel]
    assert ((h >= 7) & (h < 22)).all()


def test_accidents_on_the_ring_road(town, incidents):
    ring = _segments(s["geometry"] for s in town.layers[schema.STREETS]
                     if s["name"] and s["name"].endswith("ringweg"))
    sel = incidents["code"] == "1.3.1"
    on_ring = _dist_to_segments(incidents["xy"][sel], ring) < 40.0
    assert on_ring.mean() > 0.5
    sample = incidents["xy"][:: 10]
    assert (_dist_to_segments(sample, ring) < 40.0).mean() < 0.2


def test_drugs_dealing_near_the_coffeeshop(town, incidents):
    sel = incidents["code"] == "3.1.1"
    near = _min_dist(incidents["xy"][sel], _objects(town, "coffeeshop")) < 250.0
    assert sel.sum() >= 60 and near.mean() > 0.6


def test_fireworks_around_new_year(incidents):
    sel = incidents["code"] == "2.6.9"
    when = [w for w, s in zip(incidents["when"], sel) if s]
    around = [(w.month == 12 and w.day == 31) or (w.month == 1 and w.day == 1) for w in when]
    assert len(when) >= 60 and np.mean(around) > 0.4


def test_background_follows_inhabitants(town, incidents):
    """Residential background (burengerucht) per buurt grows with the inhabitants."""
    buurten = [a for a in town.layers[schema.AREAS] if a["level"] == "buurt"]
    sel = incidents["code"] == "2.4.1"
    pts = [Point(x, y) for x, y in incidents["xy"][sel]]
    counts = np.array([sum(prep(b["geometry"]).contains(p) for p in pts) for b in buurten])
    inhabitants = np.array([b["inhabitants"] for b in buurten])
    assert np.corrcoef(counts, inhabitants)[0, 1] > 0.8


# ----------------------------------------------------------------------------------------
# The import demo table
# ----------------------------------------------------------------------------------------
_DATE_FORMATS = ("%d-%m-%Y %H:%M", "%d-%m-%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")


def _classify(row):
    """Why a row of the import table is bad (None when it is fine), by plain parsing."""
    _reg, datum, soort, _desc, x, y = row
    if not datum.strip():
        return "missing_date"
    parsed = None
    for fmt in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(datum, fmt)
            break
        except ValueError:
            pass
    if parsed is None:
        return "bad_date"
    if soort.split(" ")[0] not in CATEGORY_BY_CODE:
        return "unknown_category"
    if not x.strip():
        return "empty_x"
    fx, fy = float(x.replace(",", ".")), float(y.replace(",", "."))
    if 3.0 < fx < 8.0 and 50.0 < fy < 54.0:
        return "wgs84"
    if fx > 300000.0 and fy < 300000.0:
        return "swapped_xy"
    return None


def test_import_rows_bad_rows_as_declared(town):
    table = demo.demo_import_rows(town, n=200)
    header, rows = table
    assert header == ["registratienummer", "datum", "soort", "omschrijving", "x", "y"]
    assert len(rows) == 200 and all(len(r) == 6 and all(isinstance(v, str) for v in r) for r in rows)
    found = {i: _classify(r) for i, r in enumerate(rows)}
    bad = {i: k for i, k in found.items() if k is not None}
    assert bad == table.bad_rows
    assert Counter(bad.values()) == Counter({kind: 2 for kind in demo.BAD_KINDS})
    assert table.bad_counts == {kind: 2 for kind in demo.BAD_KINDS}
    assert table.expected_bad == 12
    assert any(r[1] in ("31-02-2024", "31-02-2024 23:10") for r in rows)
    assert any(r[2].startswith("9.9.9") for r in rows)


def test_import_rows_good_rows_are_new_and_inside(town):
    table = demo.demo_import_rows(town, n=200)
    g = prep(town.gemeente())
    existing = {r["source_id"] for r in town.layers[schema.INCIDENTS]}
    numbers = [r[0] for r in table.rows]
    assert len(set(numbers)) == len(numbers) and not set(numbers) & existing
    dutch = iso = comma = 0
    for i, row in enumerate(table.rows):
        if i in table.bad_rows:
            continue
        datum = row[1]
        dutch += bool(re.fullmatch(r"\d\d-\d\d-\d{4}( \d\d:\d\d)?", datum))
        iso += datum[:4] == "2025"
        comma += "," in row[4]
        parsed = next(dt.datetime.strptime(datum, f) for f in _DATE_FORMATS if _parses(datum, f))
        assert dt.datetime(2025, 10, 1) <= parsed < dt.datetime(2026, 1, 1)
        x, y = float(row[4].replace(",", ".")), float(row[5].replace(",", "."))
        assert g.contains(Point(x, y))
    good = 200 - table.expected_bad
    assert dutch > 0.6 * good and iso >= 5 and comma >= 5


def _parses(text, fmt):
    try:
        dt.datetime.strptime(text, fmt)
        return True
    except ValueError:
        return False


def test_import_rows_wrong_coordinates_point_into_town(town):
    """The degree and swapped rows are the town's own places, written wrongly."""
    pyproj = pytest.importorskip("pyproj")
    to_rd = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    table = demo.demo_import_rows(town)
    g = town.gemeente().buffer(50.0)
    for i, kind in table.bad_rows.items():
        row = table.rows[i]
        if kind == "wgs84":
            x, y = to_rd.transform(float(row[4].replace(",", ".")), float(row[5].replace(",", ".")))
            assert g.contains(Point(x, y)), row
        elif kind == "swapped_xy":
            assert g.contains(Point(float(row[5].replace(",", ".")), float(row[4].replace(",", ".")))), row


def test_import_rows_deterministic_and_sized(town):
    a = demo.demo_import_rows(town, n=60)
    b = demo.demo_import_rows(town, n=60)
    assert a == b and a.bad_rows == b.bad_rows
    assert len(a.rows) == 60 and a.expected_bad == len(demo.BAD_KINDS)
    assert Counter(_classify(r) for r in a.rows if _classify(r)) == Counter(demo.BAD_KINDS)
    with pytest.raises(InputError):
        demo.demo_import_rows(town, n=5)


def test_demo_addresses_are_bag_like_and_deterministic():
    from scripts.demo_town import ADDRESS_FIELDS, build_demo_town, demo_addresses

    town = build_demo_town(2024)
    first, second = demo_addresses(town), demo_addresses(build_demo_town(2024))
    assert [(r["identificatie"], r["geometry"].wkt) for r in first] == \
        [(r["identificatie"], r["geometry"].wkt) for r in second]
    dwellings = sum(r["dwellings"] for r in town.layers["areas"] if r["level"] == "buurt")
    assert 0.8 * dwellings <= len(first) <= 1.2 * dwellings
    assert len({r["identificatie"] for r in first}) == len(first)
    gemeente = town.gemeente()
    assert all(gemeente.contains(r["geometry"]) for r in first)
    assert all(set(ADDRESS_FIELDS) <= set(r) for r in first)
    keys = {(r["postcode"], r["huisnummer"]) for r in first}
    assert len(keys) == len(first)  # postcode + huisnummer identifies an address, as in the BAG
