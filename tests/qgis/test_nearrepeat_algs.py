"""hotspot:nearrepeat and hotspot:warningletters through processing.run, against brute force."""
from __future__ import annotations

import csv
import datetime as dt
import itertools
import math
import sqlite3

import numpy as np
import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QImage

from tests.qgis.conftest import count

X0, Y0 = 150_000, 440_000  # somewhere in the Netherlands (RD New)
DEFAULT_DISTANCES = [0, 100, 200, 300, 400, 500]
DEFAULT_TIMES = [0, 7, 14, 21, 28, 35, 42]
START = dt.date(2023, 1, 2)


# Test data -------------------------------------------------------------------------------------

def burglary_rows():
    """(id, date, category, x, y): clustered burglaries, background, exact band-edge pairs, other crime."""
    rng = np.random.default_rng(7)
    rows = []
    for c in range(7):  # clusters: 5 burglaries within ~60 m and 6 days
        cx, cy = X0 + 700 * (c % 4) + 300, Y0 + 900 * (c // 4) + 200
        first = START + dt.timedelta(days=int(95 * c + 10))
        for k in range(5):
            rows.append((f"C{c}-{k}", first + dt.timedelta(days=int(rng.integers(0, 7))), "1.1.1",
                         int(cx + rng.integers(-40, 41)), int(cy + rng.integers(-40, 41))))
    for k in range(30):  # background: anywhere in 3 km x 2 km, any day of two years
        rows.append((f"B{k}", START + dt.timedelta(days=int(rng.integers(0, 730))), "1.1.1",
                     int(X0 + rng.integers(0, 3000)), int(Y0 + rng.integers(0, 2000))))
    # Exact edges: 100 m apart and 7 days apart (-> 1 < d <= 100, 7 <= t < 14); 1 m apart (same location);
    # the same place 3 days apart; 200 m and 14 days (-> 100 < d <= 200, 14 <= t < 21).
    e = dt.date(2024, 6, 1)
    rows += [("E1", e, "1.1.1", X0 + 5000, Y0), ("E2", e + dt.timedelta(days=7), "1.1.1", X0 + 5100, Y0),
             ("E3", e, "1.1.1", X0 + 6000, Y0), ("E4", e + dt.timedelta(days=3), "1.1.1", X0 + 6000, Y0),
             ("E5", e + dt.timedelta(days=20), "1.1.1", X0 + 6000, Y0 + 1),
             ("E6", e, "1.1.1", X0 + 7000, Y0), ("E7", e + dt.timedelta(days=14), "1.1.1", X0 + 7200, Y0)]
    rows += [(f"F{k}", START + dt.timedelta(days=k), "1.2.3", X0 + 10 * k, Y0) for k in range(6)]
    return rows


@pytest.fixture()
def burglary_gpkg(make_gpkg, write_csv, run_alg):
    """A safety GeoPackage with the rows of burglary_rows() imported (in that order)."""
    gpkg = make_gpkg()
    rows = burglary_rows()
    table = [["registratienummer", "datum", "soort", "x", "y"]]
    table += [[r[0], r[1].isoformat(), r[2], str(r[3]), str(r[4])] for r in rows]
    result = run_alg("hotspot:importincidents", {"INPUT": str(write_csv(table)), "GPKG": str(gpkg),
                                                 "REJECTED": "TEMPORARY_OUTPUT"})
    assert result["IMPORTED"] == len(rows)
    return gpkg


def incidents_uri(gpkg) -> str:
    return f"{gpkg}|layername=incidents"


def memory_points(crs: str, fields, rows) -> QgsVectorLayer:
    """A memory point layer: fields [(name, type)], rows [(x, y, [values])]."""
    uri = f"Point?crs={crs}" + "".join(f"&field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(uri, "points", "memory")
    feats = []
    for x, y, values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


# Brute force ------------------------------------------------------------------------------------

def band_of_distance(d, edges, tol):
    """Row of a pair: 0 for d <= tol, k + 1 for max(edge k, tol) < d <= edge k+1, None outside."""
    if d <= tol:
        return 0
    for k in range(len(edges) - 1):
        if max(edges[k], tol) < d <= edges[k + 1]:
            return k + 1
    return None


def band_of_time(t, edges):
    for k in range(len(edges) - 1):
        if edges[k] <= t < edges[k + 1]:
            return k
    return None


def brute_counts(x, y, days, d_edges, t_edges, tol):
    counts = np.zeros((len(d_edges), len(t_edges) - 1), dtype=int)
    for i, j in itertools.combinations(range(len(x)), 2):
        r = band_of_distance(math.hypot(x[i] - x[j], y[i] - y[j]), d_edges, tol)
        c = band_of_time(abs(days[i] - days[j]), t_edges)
        if r is not None and c is not None:
            counts[r, c] += 1
    return counts


def table(result):
    """The Knox table output as {(row, col): attributes dict}."""
    layer = result["OUTPUT"]
    return {(f["row_index"], f["col_index"]): {n: f[n] for n in layer.fields().names()}
            for f in layer.getFeatures()}


def burglaries(gpkg):
    """x, y and day numbers of the burglaries, in the layer's feature order (the importer sorts them)."""
    con = sqlite3.connect(gpkg)
    order = [r[0] for r in con.execute("SELECT source_id FROM incidents WHERE category = '1.1.1' "
                                       "ORDER BY fid")]
    con.close()
    by_id = {r[0]: r for r in burglary_rows()}
    rows = [by_id[i] for i in order]
    return ([float(r[3]) for r in rows], [float(r[4]) for r in rows],
            [(r[1] - dt.date(1970, 1, 1)).days for r in rows])


# Near repeat ------------------------------------------------------------------------------------

def test_counts_labels_and_p_values_match_brute_force(burglary_gpkg, run_alg):
    d_edges, t_edges, tol, perms, seed = [0, 100, 200, 400], [0, 7, 14, 28], 1.0, 60, 11
    result = run_alg("hotspot:nearrepeat", {
        "INPUT": incidents_uri(burglary_gpkg), "FILTER": "category = '1.1.1'",
        "DISTANCE_BANDS": "0, 100, 200, 400", "TIME_BANDS": "0;7;14;28", "PERMUTATIONS": perms, "SEED": seed,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    x, y, days = burglaries(burglary_gpkg)
    assert result["INCIDENTS"] == len(x) == 72
    observed = brute_counts(x, y, days, d_edges, t_edges, tol)
    assert observed[0].sum() >= 3 and observed[1, 1] >= 1 and observed[2, 2] >= 1  # edge pairs present
    cells = table(result)
    assert len(cells) == 4 * 3
    for (r, c), cell in cells.items():
        assert cell["observed"] == observed[r, c], (r, c)
    # Labels say exactly which end is included.
    assert [cells[(r, 0)]["distance_band"] for r in range(4)] == [
        "Same location (d ≤ 1 m)", "1 < d ≤ 100 m", "100 < d ≤ 200 m", "200 < d ≤ 400 m"]
    assert [cells[(1, c)]["time_band"] for c in range(3)] == ["0 ≤ t < 7 days", "7 ≤ t < 14 days",
                                                              "14 ≤ t < 28 days"]
    assert (cells[(2, 1)]["distance_from"], cells[(2, 1)]["distance_to"]) == (100, 200)
    assert (cells[(2, 1)]["days_from"], cells[(2, 1)]["days_to"]) == (7, 14)
    assert cells[(0, 0)]["same_location"] and not cells[(1, 0)]["same_location"]
    # Expected and p from the documented recipe: default_rng(seed), one permutation(n) per draw.
    rng = np.random.default_rng(seed)
    total = np.zeros(observed.shape)
    at_least = np.zeros(observed.shape)
    t = np.asarray(days)
    for _ in range(perms):
        sim = brute_counts(x, y, t[rng.permutation(len(t))], d_edges, t_edges, tol)
        total += sim
        at_least += sim >= observed
    # Stars: Benjamini-Hochberg at false discovery rate 0.05 over all cells (issue #12; no longer
    # p < 0.05 per cell), by hand: the k smallest p pass, k the largest with p(k) <= k / m * 0.05.
    keys = sorted(cells)
    ps = sorted(((at_least[r, c] + 1) / (perms + 1), (r, c)) for r, c in keys)
    k = max([i + 1 for i, (pv, _) in enumerate(ps) if pv <= (i + 1) / len(ps) * 0.05], default=0)
    bh_pass = {key for _, key in ps[:k]}
    for (r, c), cell in cells.items():
        expected = total[r, c] / perms
        assert cell["expected"] == pytest.approx(expected)
        assert cell["p_value"] == pytest.approx((at_least[r, c] + 1) / (perms + 1))
        if expected > 0:
            assert cell["knox_ratio"] == pytest.approx(observed[r, c] / expected)
            assert cell["significant"] == ((r, c) in bh_pass and cell["knox_ratio"] > 1)
        else:
            assert cell["knox_ratio"] == NULL
            assert not cell["significant"]


def expected_conclusion(cells, d_edges, t_edges, alpha=0.05):
    """The documented rule, applied to the output table: a cell is raised when its Knox ratio is
    above 1 and its p passes Benjamini-Hochberg at false discovery rate alpha over all cells (by
    hand; since issue #12 the conclusion follows the table's stars, no longer p < alpha per cell)."""
    ps = sorted((cell["p_value"], key) for key, cell in cells.items())
    k = max([i + 1 for i, (pv, _) in enumerate(ps) if pv <= (i + 1) / len(ps) * alpha], default=0)
    passed = {key for _, key in ps[:k]}

    def raised(r, c):
        cell = cells[(r, c)]
        return (r, c) in passed and cell["knox_ratio"] != NULL and cell["knox_ratio"] > 1

    n_t = len(t_edges) - 1
    rep = 0
    while rep < n_t and raised(0, rep):
        rep += 1
    if not raised(1, 0):
        return None, None, (t_edges[rep] if rep else None)
    dist = 0
    while dist < len(d_edges) - 1 and raised(dist + 1, 0):
        dist += 1
    days = 0
    while days < n_t and raised(1, days):
        days += 1
    return d_edges[dist], t_edges[days], (t_edges[rep] if rep else None)


def test_seed_reproduces_and_conclusion_follows_the_rule(burglary_gpkg, run_alg, tmp_path):
    # 999 permutations: the smallest p (0.001) can pass the false discovery rate cut over 42 cells
    params = {"INPUT": incidents_uri(burglary_gpkg), "FILTER": "\"category\" = '1.1.1'", "PERMUTATIONS": 999,
              "OUTPUT": "TEMPORARY_OUTPUT"}
    feedback = QgsProcessingFeedback()
    infos = []
    feedback.pushInfo = infos.append
    chart = tmp_path / "knox.png"
    first = run_alg("hotspot:nearrepeat", {**params, "CHART": str(chart)}, feedback=feedback)
    seed = first["SEED_USED"]
    assert any(f"SEED = {seed}" in m for m in infos)  # a random seed is logged so the run can be repeated
    again = run_alg("hotspot:nearrepeat", {**params, "SEED": seed})
    a, b = table(first), table(again)
    assert [(c["expected"], c["p_value"]) for _, c in sorted(a.items())] == \
        [(c["expected"], c["p_value"]) for _, c in sorted(b.items())]
    other = table(run_alg("hotspot:nearrepeat", {**params, "SEED": seed + 1}))
    assert [c["expected"] for _, c in sorted(a.items())] != [c["expected"] for _, c in sorted(other.items())]

    distance, days, repeat_days = expected_conclusion(a, DEFAULT_DISTANCES, DEFAULT_TIMES)
    assert distance is not None, "the clustered data must show a near-repeat pattern"
    assert (first["DISTANCE"], first["DAYS"], first["REPEAT_DAYS"]) == (distance, days, repeat_days)
    text = f"Raised risk up to {distance} m and {days} days after an incident"
    if repeat_days is None:
        assert first["CONCLUSION"] == text + "."
    else:
        assert first["CONCLUSION"] == (text + f"; repeats at the same location up to {repeat_days} days "
                                              "after an incident.")
    image = QImage(str(chart))
    assert first["CHART"] == str(chart) and not image.isNull()
    assert 700 <= image.width() <= 2000 and 400 <= image.height() <= 1400
    assert image.pixelColor(5, 5).name() == "#ffffff"  # white background, not transparent


def test_no_pattern_in_random_data(make_gpkg, run_alg):
    rng = np.random.default_rng(3)
    layer = memory_points("EPSG:28992", [("occurred_at", "date")],
                          [(X0 + rng.uniform(0, 4000), Y0 + rng.uniform(0, 4000),
                            [QDate(2023, 1, 1).addDays(int(rng.integers(0, 700)))]) for _ in range(120)])
    result = run_alg("hotspot:nearrepeat", {"INPUT": layer, "SEED": 1, "PERMUTATIONS": 99,
                                            "OUTPUT": "TEMPORARY_OUTPUT"})
    cells = table(result)
    distance, days, _ = expected_conclusion(cells, DEFAULT_DISTANCES, DEFAULT_TIMES)
    if distance is None:
        assert result["CONCLUSION"].startswith("No near-repeat pattern found")
        assert result["DISTANCE"] is None and result["DAYS"] is None
    else:  # chance can raise the origin cell; then the numbers must still follow the rule
        assert (result["DISTANCE"], result["DAYS"]) == (distance, days)


def test_dates_as_text_and_datetime_count_calendar_days(run_alg):
    # 23:00 and 01:00 two days later are 2 calendar days apart (band 0 <= t < 7), whatever the hours.
    rows = [(X0, Y0, ["2024-03-01T23:00:00"]), (X0 + 50, Y0, ["03-03-2024 01:00"]),
            (X0 + 3000, Y0, ["2024-05-01"]), (X0 + 3050, Y0, ["2024-05-08"])]
    layer = memory_points("EPSG:28992", [("datum", "string")], rows)
    cells = table(run_alg("hotspot:nearrepeat", {"INPUT": layer, "DATE_FIELD": "datum",
                                                 "DISTANCE_BANDS": "0,100", "TIME_BANDS": "0,7,14", "SEED": 1,
                                                 "PERMUTATIONS": 9, "OUTPUT": "TEMPORARY_OUTPUT"}))
    assert (cells[(1, 0)]["observed"], cells[(1, 1)]["observed"]) == (1, 1)
    dt_layer = memory_points("EPSG:28992", [("occurred_at", "datetime")],
                             [(X0, Y0, [QDateTime(QDate(2024, 3, 1), QTime(23, 0))]),
                              (X0 + 50, Y0, [QDateTime(QDate(2024, 3, 8), QTime(1, 0))])])
    cells = table(run_alg("hotspot:nearrepeat", {"INPUT": dt_layer, "DISTANCE_BANDS": "0,100",
                                                 "TIME_BANDS": "0,7,14", "SEED": 1, "PERMUTATIONS": 9,
                                                 "OUTPUT": "TEMPORARY_OUTPUT"}))
    assert (cells[(1, 0)]["observed"], cells[(1, 1)]["observed"]) == (0, 1)  # 7 calendar days


@pytest.mark.parametrize("case, message", [
    ("no dates", "None of the 3 incidents has a date"),
    ("equal dates", "All 3 incidents have the same date"),
    ("single", "at least 2 incidents"),
    ("filter", "No incidents pass the filter"),
    ("bad filter", "is not valid"),
    ("band text", '"abc" is not a number'),
    ("band order", "must increase"),
    ("some dates missing", "1 incident\\(s\\) have no date"),
])
def test_bad_input_gives_clear_messages(run_alg, case, message):
    def layer(dates, crs="EPSG:28992", coords=((X0, Y0), (X0 + 10, Y0), (X0 + 20, Y0))):
        return memory_points(crs, [("occurred_at", "date"), ("category", "string")],
                             [(x, y, [d, "1.1.1"]) for (x, y), d in zip(coords, dates)])

    d = [QDate(2024, 1, 1), QDate(2024, 1, 5), QDate(2024, 2, 1)]
    params = {"OUTPUT": "TEMPORARY_OUTPUT", "SEED": 1, "PERMUTATIONS": 9}
    inputs = {
        "no dates": {"INPUT": layer([None, None, None])},
        "equal dates": {"INPUT": layer([d[0]] * 3)},
        "single": {"INPUT": layer(d[:1])},
        "filter": {"INPUT": layer(d), "FILTER": "category = '2.5.2'"},
        "bad filter": {"INPUT": layer(d), "FILTER": "category = = '2.5.2'"},
        "band text": {"INPUT": layer(d), "DISTANCE_BANDS": "0,100,abc"},
        "band order": {"INPUT": layer(d), "TIME_BANDS": "0,14,7"},
        "some dates missing": {"INPUT": layer([d[0], None, d[2]])},
    }[case]
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("hotspot:nearrepeat", {**params, **inputs})


def test_cancel_stops_the_permutations(burglary_gpkg, run_alg):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 20 else None)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("hotspot:nearrepeat", {"INPUT": incidents_uri(burglary_gpkg), "PERMUTATIONS": 99999,
                                       "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)


# Warning letters --------------------------------------------------------------------------------

NOW = QDateTime(QDate(2025, 3, 15), QTime(12, 0))
BAG_FIELDS = [("identificatie", "string"), ("openbare_ruimte", "string"), ("huisnummer", "integer"),
              ("huisletter", "string"), ("toevoeging", "string"), ("postcode", "string"),
              ("woonplaats", "string")]
INCIDENTS = [  # uuid, x, y, date-time, category
    ("u1", 1000, 1000, QDateTime(QDate(2025, 3, 10), QTime(22, 0)), "1.1.1"),
    ("u2", 1180, 1000, QDateTime(QDate(2025, 3, 1), QTime(8, 0)), "1.1.1"),   # first day of the window
    ("u3", 2000, 2000, QDateTime(QDate(2025, 2, 28), QTime(23, 0)), "1.1.1"),  # one day too old
    ("u4", 2600, 2600, QDateTime(QDate(2025, 3, 16), QTime(1, 0)), "1.1.1"),   # after the reference date
    ("u5", 1000, 1150, QDateTime(QDate(2025, 3, 14), QTime(9, 0)), "1.2.3"),   # another category
]
ADDRESSES = [  # id, x, y, street, number, letter, addition
    ("A1", 1000, 1000, "Lindelaan", 1, "", ""),
    ("A2", 1100, 1000, "Lindelaan", 12, "A", "2"),
    ("A3", 1000, 1100.5, "Eikenlaan", 3, "", ""),
    ("A4", 1200, 1000, "Lindelaan", 20, "", ""),
    ("A5", 1150, 1000, "Lindelaan", 15, "", "bis"),
    ("A6", 2000, 2050, "Beukenweg", 6, "", ""),
    ("A7", 2600, 2600, "Beukenweg", 7, "", ""),
    ("A8", 1000, 1160, "Eikenlaan", 8, "", ""),
    ("A9", 1050, 1000, "Lindelaan", 5, "", ""),
    ("A10", 1000, 899.9, "Esdoornhof", 2, "", ""),
]


def incident_layer(crs="EPSG:28992", rows=INCIDENTS):
    return memory_points(crs, [("uuid", "string"), ("occurred_at", "datetime"), ("category", "string")],
                         [(x, y, [u, when, cat]) for u, x, y, when, cat in rows])


def address_layer(fields=BAG_FIELDS, crs="EPSG:28992"):
    rows = []
    for ident, x, y, street, number, letter, addition in ADDRESSES:
        values = {"identificatie": f"0599010000{ident}", "openbare_ruimte": street, "huisnummer": number,
                  "huisletter": letter or None, "toevoeging": addition or None, "postcode": "1234ab",
                  "woonplaats": "Zuiderwaarde"}
        rows.append((x, y, [values.get(n) for n, _ in fields]))
    return memory_points(crs, fields, rows)


def brute_letters(distance, window=14, category=None):
    """Address id -> [(distance, uuid)] of the recent incidents within distance, nearest first."""
    now_day = dt.date(2025, 3, 15)
    out = {}
    for ident, ax, ay, *_ in ADDRESSES:
        hits = []
        for u, x, y, when, cat in INCIDENTS:
            day = when.date().toPyDate()
            if category and cat != category or not (now_day - dt.timedelta(days=window) <= day <= now_day):
                continue
            d = math.hypot(ax - x, ay - y)
            if d <= distance:
                hits.append((d, u))
        if hits:
            out[ident] = sorted(hits)
    return out


def letters_params(**extra):
    return {"INCIDENTS": incident_layer(), "ADDRESSES": address_layer(), "NOW": NOW, "DISTANCE": 100,
            "OUTPUT": "TEMPORARY_OUTPUT", **extra}


def output_rows(result):
    layer = result["OUTPUT"]
    return {f["identificatie"][10:]: f for f in layer.getFeatures()}


def test_letters_against_hand_made_case(run_alg, tmp_path):
    out_csv = tmp_path / "brieven.csv"
    result = run_alg("hotspot:warningletters", letters_params(FILTER="category = '1.1.1'", CSV=str(out_csv)))
    expected = brute_letters(100, category="1.1.1")
    assert set(expected) == {"A1", "A2", "A4", "A5", "A9"}  # A10 at 100.1 m and A3 at 100.5 m are out
    rows = output_rows(result)
    assert set(rows) == set(expected)
    assert result["ADDRESS_COUNT"] == 5 and result["INCIDENTS_IN_WINDOW"] == 2 and result["EXCLUDED"] == 0
    for ident, hits in expected.items():
        f = rows[ident]
        assert f["incident_uuids"] == ",".join(u for _, u in hits)
        assert f["distance_m"] == pytest.approx(hits[0][0])
        assert f["n_incidents"] == len(hits)
    assert rows["A2"]["address_line"] == "Lindelaan 12A-2"
    assert rows["A2"]["address_key"] == "0599010000A2"
    assert rows["A2"]["incident_dates"] == "2025-03-01,2025-03-10"
    assert result["OUTPUT"].crs().authid() == "EPSG:28992"
    assert rows["A2"].geometry().asPoint() == QgsPointXY(1100, 1000)

    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    assert lines[0] == ["adresregel_1", "adresregel_2", "straat", "huisnummer", "huisletter", "toevoeging",
                        "postcode", "woonplaats", "adres_sleutel", "afstand_m", "aantal_incidenten",
                        "incident_datum", "reden"]
    by_key = {line[8]: line for line in lines[1:]}
    assert len(by_key) == 5
    assert by_key["0599010000A2"] == ["Lindelaan 12A-2", "1234 AB  ZUIDERWAARDE", "Lindelaan", "12", "A", "2",
                                       "1234 AB", "Zuiderwaarde", "0599010000A2", "80", "2", "2025-03-10",
                                       "2 incidents nearby, the latest on 2025-03-10; the nearest at 80 m"]
    assert by_key["0599010000A1"][0] == "Lindelaan 1"
    assert by_key["0599010000A1"][12] == "Incident on 2025-03-10 at 0 m from this address"

    # Without the filter the bicycle theft u5 (10 m from A8, 49.5 m from A3) counts too.
    result = run_alg("hotspot:warningletters", letters_params())
    assert set(output_rows(result)) == set(brute_letters(100)) == {"A1", "A2", "A3", "A4", "A5", "A8", "A9"}


def test_distance_comes_from_near_repeat_or_default(run_alg):
    feedback = QgsProcessingFeedback()
    infos = []
    feedback.pushInfo = infos.append
    params = letters_params()
    del params["DISTANCE"]
    result = run_alg("hotspot:warningletters", {**params, "NEAR_REPEAT_DISTANCE": 150}, feedback=feedback)
    assert result["DISTANCE_USED"] == 150
    assert set(output_rows(result)) == set(brute_letters(150))
    assert any("150 m, from the near-repeat analysis" in m for m in infos)
    result = run_alg("hotspot:warningletters", params, feedback=feedback)
    assert result["DISTANCE_USED"] == 200 and set(output_rows(result)) == set(brute_letters(200))
    assert any("200 m, the default" in m for m in infos)


def test_recently_notified_addresses_are_left_out_and_new_letters_recorded(make_gpkg, run_alg):
    gpkg = make_gpkg()
    con = sqlite3.connect(gpkg)
    con.executemany("INSERT INTO letters_sent (address_key, sent_at, incident_uuid, address) "
                    "VALUES (?, ?, ?, ?)",
                    [("0599010000A1", "2025-02-15T10:00:00", "old", "Lindelaan 1"),  # 28 days: left out
                     ("0599010000A9", "2025-02-14T10:00:00", "old", "Lindelaan 5"),  # 29 days: written to
                     ("0599010000A4", "2025-03-20T10:00:00", "later", "Lindelaan 20")])  # after now: ignored
    con.commit()
    con.close()
    params = letters_params(FILTER="category = '1.1.1'", GPKG=str(gpkg))
    result = run_alg("hotspot:warningletters", params)
    assert set(output_rows(result)) == {"A2", "A4", "A5", "A9"}
    assert result["EXCLUDED"] == 1 and result["RECORDED"] == 0
    assert count(gpkg, "letters_sent") == 3

    result = run_alg("hotspot:warningletters", {**params, "RECORD_SENT": True})
    assert result["RECORDED"] == 4
    con = sqlite3.connect(gpkg)
    new = con.execute("SELECT address_key, sent_at, incident_uuid, address FROM letters_sent WHERE fid > 3 "
                      "ORDER BY address_key").fetchall()
    con.close()
    # One row per address, dated the reference date, with the nearest triggering incident.
    assert new == [("0599010000A2", "2025-03-15T12:00:00.000", "u2", "Lindelaan 12A-2, 1234 AB  ZUIDERWAARDE"),
                   ("0599010000A4", "2025-03-15T12:00:00.000", "u2", "Lindelaan 20, 1234 AB  ZUIDERWAARDE"),
                   ("0599010000A5", "2025-03-15T12:00:00.000", "u2", "Lindelaan 15-bis, 1234 AB  ZUIDERWAARDE"),
                   ("0599010000A9", "2025-03-15T12:00:00.000", "u1", "Lindelaan 5, 1234 AB  ZUIDERWAARDE")]
    # The same run again: everyone had a letter today.
    again = run_alg("hotspot:warningletters", {**params, "RECORD_SENT": True})
    assert again["ADDRESS_COUNT"] == 0 and again["EXCLUDED"] == 5 and again["RECORDED"] == 0
    assert count(gpkg, "letters_sent") == 7


def test_recording_is_one_transaction(make_gpkg, run_alg):
    gpkg = make_gpkg()
    blocker = sqlite3.connect(gpkg, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the GeoPackage
    try:
        with pytest.raises(QgsProcessingException, match="locked"):
            run_alg("hotspot:warningletters", letters_params(GPKG=str(gpkg), RECORD_SENT=True))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert count(gpkg, "letters_sent") == 0


def test_key_from_postcode_and_chosen_fields(run_alg):
    fields = [f for f in BAG_FIELDS if f[0] != "identificatie"]
    result = run_alg("hotspot:warningletters", letters_params(ADDRESSES=address_layer(fields)))
    keys = {f["address_key"] for f in result["OUTPUT"].getFeatures()}
    assert "1234AB 12A-2" in keys and "1234AB 15-BIS" in keys
    result = run_alg("hotspot:warningletters", letters_params(
        ADDRESSES=address_layer(fields), ADDRESS_FIELDS=["openbare_ruimte", "huisnummer"],
        ADDRESS_KEY_FIELD="huisnummer"))
    layer = result["OUTPUT"]
    assert "postcode" not in layer.fields().names()
    assert sorted(f["address_key"] for f in layer.getFeatures()) == ["1", "12", "15", "20", "3", "5", "8"]


def test_incidents_in_another_crs_are_reprojected(run_alg):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:28992"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    moved = []
    for u, x, y, when, cat in INCIDENTS:
        p = to_wgs.transform(QgsPointXY(x + X0, y + Y0))
        moved.append((u, p.x(), p.y(), when, cat))
    addresses = address_layer()
    addresses.startEditing()
    for f in addresses.getFeatures():
        p = f.geometry().asPoint()
        addresses.changeGeometry(f.id(), QgsGeometry.fromPointXY(QgsPointXY(p.x() + X0, p.y() + Y0)))
    addresses.commitChanges()
    result = run_alg("hotspot:warningletters", letters_params(INCIDENTS=incident_layer("EPSG:4326", moved),
                                                              ADDRESSES=addresses, DISTANCE=99.5))
    assert set(output_rows(result)) == set(brute_letters(99.5))


@pytest.mark.parametrize("case, message", [
    ("no address fields", "no recognisable address fields"),
    ("no dates", "None of the 5 incidents has a date"),
    ("record without gpkg", "Choose the safety GeoPackage"),
    ("bad key field", "has no field 'nope'"),
])
def test_letters_bad_input(run_alg, case, message):
    params = {
        "no address fields": letters_params(ADDRESSES=memory_points("EPSG:28992", [("naam", "string")],
                                                                    [(1000, 1000, ["x"])])),
        "no dates": letters_params(INCIDENTS=incident_layer(rows=[(u, x, y, None, c)
                                                                  for u, x, y, _, c in INCIDENTS])),
        "record without gpkg": letters_params(RECORD_SENT=True),
        "bad key field": letters_params(ADDRESS_KEY_FIELD="nope"),
    }[case]
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("hotspot:warningletters", params)
