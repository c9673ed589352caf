"""Buurtschouw core: choosing points, de-duplication, route order and walking time (no QGIS)."""

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import Point, box

from hotspot_plugin.core import advice
from hotspot_plugin.core import schouw as s
from hotspot_plugin.core.errors import InputError
from hotspot_plugin.core.scan_record import RecordParameters

ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------------------ references


def plain_length(order, d, closed=False):
    total = 0.0
    for a, b in zip(order, order[1:]):
        total += d[a][b]
    if closed and len(order) > 1:
        total += d[order[-1]][order[0]]
    return total


def plain_nearest_neighbour(d, start):
    n = len(d)
    tour, left = [start], set(range(n)) - {start}
    while left:
        here = tour[-1]
        nxt = min(left, key=lambda j: (d[here][j], j))
        tour.append(nxt)
        left.remove(nxt)
    return tour


def brute_force_best(d, start, closed):
    others = [i for i in range(len(d)) if i != start]
    return min(plain_length([start, *p], d, closed) for p in itertools.permutations(others))


def distances(n, seed, kind="euclid"):
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
    if kind == "manhattan":
        return [[abs(x[i] - x[j]) + abs(y[i] - y[j]) for j in range(n)] for i in range(n)]
    return [[math.hypot(x[i] - x[j], y[i] - y[j]) for j in range(n)] for i in range(n)]


# ------------------------------------------------------------------------------ route order


@pytest.mark.parametrize("n", [1, 2, 3, 5, 9, 16, 17, 25, 40])
@pytest.mark.parametrize("closed", [False, True])
def test_route_visits_every_point_once_from_the_start(n, closed):
    d = distances(n, seed=n)
    start = n // 2
    order = s.order_route(d, start=start, closed=closed)
    assert order[0] == start
    assert sorted(order) == list(range(n))


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("closed", [False, True])
@pytest.mark.parametrize("exact_limit", [0, s.EXACT_LIMIT])
def test_route_is_never_longer_than_nearest_neighbour(seed, closed, exact_limit):
    n = 6 + seed * 3  # 6 .. 39 points: exact and heuristic paths
    d = distances(n, seed, "manhattan" if seed % 2 else "euclid")
    start = seed % n
    order = s.order_route(d, start=start, closed=closed, exact_limit=exact_limit)
    assert sorted(order) == list(range(n)) and order[0] == start
    assert plain_length(order, d, closed) <= plain_length(plain_nearest_neighbour(d, start), d, closed) + 1e-9


@pytest.mark.parametrize("seed", range(15))
@pytest.mark.parametrize("closed", [False, True])
def test_small_routes_are_optimal(seed, closed):
    n = 3 + seed % 6  # 3 .. 8 points
    d = distances(n, 100 + seed, "manhattan" if seed % 3 == 0 else "euclid")
    start = seed % n
    order = s.order_route(d, start=start, closed=closed)
    assert plain_length(order, d, closed) == pytest.approx(brute_force_best(d, start, closed), abs=1e-6)


@pytest.mark.parametrize("seed", range(6))
def test_heuristic_leaves_no_improving_two_opt_move(seed):
    n = 30
    d = distances(n, 200 + seed)
    order = s.order_route(d, start=0, exact_limit=0)
    base = plain_length(order, d)
    for i in range(1, n - 1):
        for j in range(i + 1, n):
            moved = order[:i] + order[i : j + 1][::-1] + order[j + 1 :]
            assert plain_length(moved, d) >= base - 1e-6


def test_heuristic_is_close_to_optimal_on_small_cases():
    worst = 0.0
    for seed in range(10):
        d = distances(8, 300 + seed)
        best = brute_force_best(d, 0, False)
        got = plain_length(s.order_route(d, 0, exact_limit=0), d)
        worst = max(worst, got / best)
    assert worst < 1.10


def test_nearest_neighbour_matches_the_plain_reference():
    for seed in range(5):
        d = distances(12, seed)
        assert s.nearest_neighbour_order(d, 3) == plain_nearest_neighbour(d, 3)


def test_route_on_a_line_walks_it_in_order():
    x = [0, 300, 100, 200, 400]
    d = s.euclidean_matrix(x, [0] * 5)
    assert s.order_route(d, start=0) == [0, 2, 3, 1, 4]
    assert s.route_length([0, 2, 3, 1, 4], d) == pytest.approx(400)
    assert s.route_length([0, 2, 3, 1, 4], d, closed=True) == pytest.approx(800)


def test_bad_matrices_are_refused():
    with pytest.raises(InputError):
        s.order_route([[0, 1, 2], [1, 0, 3]])
    with pytest.raises(InputError):
        s.order_route([[0, math.inf], [math.inf, 0]])
    with pytest.raises(InputError):
        s.order_route([[0, 1], [1, 0]], start=5)


def test_euclidean_matrix():
    d = s.euclidean_matrix([0, 3, 0], [0, 4, 1])
    assert d[0, 1] == pytest.approx(5) and d[1, 0] == pytest.approx(5) and d[0, 2] == 1 and d[2, 2] == 0


# ------------------------------------------------------------------------------ walking time


def test_walking_time_at_four_and_a_half_km_per_hour():
    assert s.walking_minutes(4500) == pytest.approx(60.0)
    assert s.walking_minutes(1500, stops=3) == pytest.approx(20.0 + 3 * s.DEFAULT_STOP_MINUTES)
    assert s.walking_minutes(1000, stops=4, stop_minutes=5, speed_kmh=6.0) == pytest.approx(10.0 + 20.0)
    with pytest.raises(InputError):
        s.walking_minutes(100, speed_kmh=0)
    assert s.format_minutes(125.4) == "2 h 05 min"
    assert s.format_minutes(45) == "45 min"
    assert s.format_minutes(60, hour="u") == "1 u 00 min"


# ------------------------------------------------------------------------------ de-duplication


def plain_dedup(xs, ys, dmin):
    kept, owner = [], []
    for i, (x, y) in enumerate(zip(xs, ys)):
        near = [(math.hypot(x - xs[k], y - ys[k]), k) for k in kept]
        near = [t for t in near if t[0] < dmin]
        if near:
            owner.append(min(near)[1])
        else:
            kept.append(i)
            owner.append(i)
    return owner


@pytest.mark.parametrize("seed", range(8))
def test_dedup_matches_a_plain_reference(seed):
    rng = np.random.default_rng(seed)
    xs, ys = rng.uniform(0, 400, 60).tolist(), rng.uniform(0, 400, 60).tolist()
    for dmin in (0.0, 25.0, 60.0, 150.0):
        owners = s.dedup_owners(xs, ys, dmin)
        assert owners == plain_dedup(xs, ys, dmin)
        kept = [i for i, o in enumerate(owners) if o == i]
        for a, b in itertools.combinations(kept, 2):  # kept points are at least dmin apart
            assert math.hypot(xs[a] - xs[b], ys[a] - ys[b]) >= dmin


def test_dedup_distance_is_strict():
    assert s.dedup_owners([0, 50, 49.9], [0, 0, 0], 50) == [0, 1, 1]
    assert s.dedup_owners([0, 50], [0, 0], 50.0001) == [0, 0]


# ------------------------------------------------------------------------------ choosing points


def test_choose_points_merges_near_candidates_and_respects_priority_and_max():
    area = box(0, 0, 1000, 1000)
    zones = [
        (box(100, 100, 200, 200), 9.0, 1),
        (box(600, 600, 700, 700), 5.0, 2),
        (box(2000, 0, 2100, 50), 3.0, 3),
    ]
    cands = s.hotspot_candidates(zones, area)
    assert [c.label.render() for c in cands] == ["Hotspot 1", "Hotspot 2"]  # zone 3 lies outside
    assert (cands[0].x, cands[0].y) == (150, 150)
    cands += s.risk_object_candidates(
        [160, 900, 905, 50, 5000],
        [160, 900, 900, 950, 0],
        ["horeca", "school", "hangplek", "camera", "school"],
        ["De Gouden Leeuw", "", "Bankje", "Cam 1", "Far"],
        area=area,
        zones=box(100, 100, 200, 200).union(box(600, 600, 700, 700)),
    )
    cands += s.finding_candidates(
        [400, 420, 800],
        [400, 400, 100],
        ["groen", "rood", "rood"],
        ["schoon.graffiti", "verlichting.te_donker", "heel.vernieling"],
        ["open", "open", "afgehandeld"],
        uuid=["a", "b", "c"],
        area=area,
    )
    cands += s.user_candidates([990], [10], ["Buurthuis"])
    choice = s.choose_points(cands, max_points=5, min_distance=50)
    kinds = [p.kind for p in choice.points]
    assert kinds == ["user", "hotspot", "hotspot", "finding", "risk_object"]
    # the horeca (in zone 1) joined hotspot 1; the green finding joined the red one 20 m away
    hot1 = choice.points[1]
    assert [c.kind for c in hot1.reasons] == ["hotspot", "risk_object"]
    assert "De Gouden Leeuw" in hot1.reason_text()
    assert "in a hotspot zone" in hot1.reason_text()
    many = s.risk_object_candidates(
        [0, 1, 2, 3], [0, 0, 0, 0], ["horeca", "horeca", "school", "horeca"], ["A", "B", "S", "C"]
    )
    joined = s.choose_points(many, min_distance=50).points[0]
    assert joined.reason_text() == "Risk objects: horeca – A, B, C; Risk object: school – S"
    finding = choice.points[3]
    assert (finding.x, finding.y) == (420, 400) and len(finding.reasons) == 2
    assert finding.reason_text().startswith("Open finding of an earlier walk: verlichting.te_donker (red)")
    # school (905 from zone 2... ) vs hangplek: school 900,900 and hangplek 905,900 are 5 m apart -> one point
    last = choice.points[4]
    assert len(last.reasons) == 2
    assert choice.n_candidates == 8 and choice.n_merged == 3 and choice.n_dropped == 0


def test_choose_points_drops_beyond_max_but_still_merges():
    cands = s.user_candidates([0, 100, 200, 10], [0, 0, 0, 0])
    choice = s.choose_points(cands, max_points=2, min_distance=50)
    assert [(p.x, p.y) for p in choice.points] == [(0, 0), (100, 0)]
    assert choice.n_dropped == 1 and choice.n_merged == 1
    assert len(choice.points[0].reasons) == 2


def test_risk_objects_in_zones_first_then_taking_turns_over_the_kinds():
    zone = box(0, 0, 10, 10)
    c = s.risk_object_candidates(
        [500, 100, 20, 100, 5, 300],
        [0, 0, 0, 0, 5, 0],
        ["horeca", "school", "school", "horeca", "horeca", "school"],
        ["a", "b", "c", "d", "e", "f"],
        kinds=("school", "horeca"),
        zones=zone,
    )
    order = [x.label.render() for x in sorted(c, key=lambda k: k.priority)]
    # e lies in the zone; then the nearest school, the nearest other horeca, the next school, ...
    assert order == ["e", "c", "d", "b", "a", "f"]


def test_hotspot_point_is_the_peak_when_inside_else_in_the_part_in_the_area():
    area = box(0, 0, 100, 100)
    z = {"geometry": box(50, 50, 150, 150), "peak": 2.0, "peak_x": 60, "peak_y": 70}
    c = s.hotspot_candidates([z], area)[0]
    assert (c.x, c.y) == (60, 70)
    z["peak_x"] = 140
    c = s.hotspot_candidates([z], area)[0]
    assert (c.x, c.y) == pytest.approx((75, 75))
    ring = Point(0, 0).buffer(100).difference(Point(0, 0).buffer(90))  # centroid outside the ring
    c = s.hotspot_candidates([(ring, 1.0)], None)[0]
    assert ring.covers(Point(c.x, c.y))


def test_texts_are_translated_with_their_parameters():
    c = s.finding_candidates(
        [1],
        [1],
        ["oranje"],
        ["zicht.schuilplek"],
        ["open"],
        item_labels={"zicht.schuilplek": "Zicht: schuilplek"},
    )[0]
    dutch = {
        "Open finding of an earlier walk: {item} ({severity})": "Open bevinding: {item} ({severity})",
        "orange": "oranje",
    }
    assert c.reason.render(lambda t: dutch.get(t, t)) == "Open bevinding: Zicht: schuilplek (oranje)"


def test_nearest_to_and_errors():
    assert s.nearest_to([0, 10, 5], [0, 0, 1], 6, 0) == 2
    with pytest.raises(InputError):
        s.nearest_to([], [], 0, 0)
    with pytest.raises(InputError):
        s.choose_points([], max_points=0)


# ------------------------------------------------------------------------------ checklist


def test_checklist_groups_match_the_measures_catalogue():
    checklist = s.load_checklist()
    measures = json.loads((ROOT / "resources" / "catalogues" / "measures.json").read_text(encoding="utf-8"))
    assert set(checklist.groups) == set(measures["checklist_groups"])
    catalogue = advice.load_catalogue()
    for item in checklist.items:
        assert item.code.startswith(item.group + ".")
        assert catalogue.checklist_group(item.code) == item.group
        assert item.label_nl and item.label_en and item.description
    assert {it.group for it in checklist.items} == set(checklist.groups)
    labels = [label for label, _ in checklist.value_map("nl")]
    assert len(set(labels)) == len(labels)
    assert checklist.item("verlichting.te_donker").label("nl") == "Te donker"


def test_domain_checklist_items_are_present():
    codes = {it.code for it in s.load_checklist().items}
    for code in (
        "verlichting.te_donker",
        "zicht.klemsituatie",
        "toegang.achterpad_open",
        "heel.leegstand",
        "schoon.drugsafval",
        "veilig.hangplek",
        "beleving.eenduidigheid",
    ):
        assert code in codes


def test_broken_checklist_is_refused(tmp_path):
    bad = tmp_path / "c.json"
    bad.write_text(
        json.dumps(
            {
                "groups": [{"code": "a", "label_nl": "A"}],
                "items": [{"code": "b.x", "group": "a", "label_nl": "X"}],
            }
        )
    )
    with pytest.raises(InputError):
        s.load_checklist(str(bad))
    bad.write_text("{")
    with pytest.raises(InputError):
        s.load_checklist(str(bad))


# ------------------------------------------------------------------------------ texts, names, boxes (moved into core)


def test_minutes_text_uses_the_hour_sign_of_the_language():
    # 125.4 min rounds to 125 = 2 h 5 min; 59.6 rounds to 60 = 1 h 0 min; 44.4 rounds to 44
    assert s.minutes_text(125.4) == "2 h 05 min"
    assert s.minutes_text(125.4, "nl") == "2 u 05 min"
    assert s.minutes_text(59.6, "nl") == "1 u 00 min"
    assert s.minutes_text(44.4, "en") == "44 min"


def test_km_text_has_one_decimal_with_the_given_sign():
    assert s.km_text(2345) == "2.3"  # 2.345 km
    assert s.km_text(2345, ",") == "2,3"
    assert s.km_text(0) == "0.0"
    assert s.km_text(960, ",") == "1,0"  # 0.96 km rounds up
    assert s.km_text(12345678, ",") == "12345,7"  # no thousands grouping


def test_package_name_keeps_only_safe_characters():
    assert s.package_name("HS-2025-001") == "buurtschouw_HS-2025-001"
    assert s.package_name("Plein 12/B") == "buurtschouw_Plein_12_B"
    assert s.package_name("  é  ") == "buurtschouw_zonder_scan"
    assert s.package_name("") == "buurtschouw_zonder_scan"
    assert s.package_name(None) == "buurtschouw_zonder_scan"


def test_leg_pairs_and_stop_numbers():
    assert s.leg_pairs([2, 0, 1]) == [(2, 0), (0, 1)]
    assert s.leg_pairs([2, 0, 1], closed=True) == [(2, 0), (0, 1), (1, 2)]
    assert s.leg_pairs([5], closed=True) == []
    assert s.leg_pairs([]) == []
    assert s.stop_numbers([2, 0, 1]) == {2: 1, 0: 2, 1: 3}
    # node 3 is a separate start: it is walked from but is no stop
    assert s.stop_numbers([3, 1, 0, 2], skip=3) == {1: 1, 0: 2, 2: 3}


def test_street_bbox_grows_by_the_margin_or_half_the_extent():
    # points 100 x 50 m apart: the 600 m margin is larger than half the extent (50 m)
    assert s.street_bbox([(1000, 2000), (1100, 2050)]) == (400, 1400, 1700, 2650)
    # points 2000 m apart: half the extent (1000 m) is larger than the margin
    assert s.street_bbox([(0, 0), (2000, 10)]) == (-1000, -1000, 3000, 1010)
    assert s.street_bbox([(0, 0)], margin=10) == (-10, -10, 10, 10)


def test_context_bbox_holds_area_and_points_plus_margin():
    # area 0..100 x 0..100; a point outside at (150, -20); margin 250
    assert s.context_bbox((0, 0, 100, 100), [(50, 50), (150, -20)]) == (-250, -270, 400, 350)
    assert s.context_bbox((0, 0, 100, 100), [(50, 50)], margin=0) == (0, 0, 100, 100)


def test_scan_zones_reads_the_saved_zones_and_skips_damaged_ones():
    params = RecordParameters.from_json({
        "zones": [
            {"wkt": "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "peak": 3.5, "rank": 1, "peak_x": 5, "peak_y": 6},
            {"wkt": "not a geometry", "rank": 2},
            {"wkt": "POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))", "rank": 3},
        ]
    })
    zones = s.scan_zones(params.zones)
    assert len(zones) == 2
    assert zones[0]["geometry"].area == 100.0
    assert (zones[0]["peak"], zones[0]["rank"], zones[0]["peak_x"], zones[0]["peak_y"]) == (3.5, 1, 5, 6)
    assert zones[1]["rank"] == 3 and zones[1]["peak"] is None
    assert s.scan_zones([]) == [] and s.scan_zones(None) == [] and s.scan_zones(RecordParameters().zones) == []
