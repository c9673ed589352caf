"""Row validation of the import, on plain columns (no QGIS)."""
import datetime as dt

import numpy as np
import pytest
from pyproj import Transformer

from hotspot_plugin.core.categories import DEFAULT_CATEGORIES, build_lookup, resolve
from hotspot_plugin.core.errors import Canceled, InputError
from hotspot_plugin.core.incident_import import (
    SourceColumns,
    guess_mapping,
    require_columns,
    validate_rows,
)
from hotspot_plugin.core.progress import Monitor

LOOKUP = build_lookup(DEFAULT_CATEGORIES)
NOW = dt.datetime(2025, 6, 1, 12, 0)


def cols(rows, **extra):
    date, cat, x, y = zip(*rows)
    return SourceColumns(date=list(date), category=list(cat), x=list(x), y=list(y), **extra)


def test_accepts_and_converts():
    rows = [("01-02-2025 10:00", "1.1.1 Diefstal/inbraak woning", "152000", "443000"),
            ("2025-02-02", "Winkeldiefstal", "152000,25", "443000")]
    out = validate_rows(cols(rows), LOOKUP, "EPSG:28992", "EPSG:28992", "src", now=NOW)
    assert out.rejected == []
    assert out.occurred_at == ["2025-02-01T10:00:00.000", "2025-02-02T00:00:00.000"]
    assert out.category == ["1.1.1", "2.5.2"]
    assert out.safety_field == ["woon_leefomgeving", "bedrijvigheid"]
    assert list(out.weight) == [3.0, 1.0]
    assert list(out.x) == [152000.0, 152000.25]
    assert len(set(out.uuid)) == 2 and len(set(out.dedup_key)) == 2


def test_reprojection_matches_pyproj():
    lon, lat = 5.387206, 52.155174
    out = validate_rows(cols([("01-02-2025", "1.1.1", str(lon), str(lat))]), LOOKUP, "EPSG:4326", "EPSG:28992",
                        "s", now=NOW)
    ex, ey = Transformer.from_crs(4326, 28992, always_xy=True).transform(lon, lat)
    assert out.x[0] == pytest.approx(ex, abs=1e-6) and out.y[0] == pytest.approx(ey, abs=1e-6)


def test_each_rejection_reason():
    rows = [("", "1.1.1", "152000", "443000"),
            ("31-02-2025", "1.1.1", "152000", "443000"),
            ("01-01-2030", "1.1.1", "152000", "443000"),
            ("01-01-1850", "1.1.1", "152000", "443000"),
            ("01-01-2025", "", "152000", "443000"),
            ("01-01-2025", "0.0.9", "152000", "443000"),
            ("01-01-2025", "1.1.1", "", "443000"),
            ("01-01-2025", "1.1.1", "abc", "443000"),
            ("01-01-2025", "1.1.1", "443000", "152000"),
            ("01-01-2025", "1.1.1", "5.1", "52.1"),
            ("01-01-2025", "1.1.1", "-50000", "100000"),
            ]
    out = validate_rows(cols(rows), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert out.accepted_count == 0
    reasons = [r.render() for r in sorted(out.rejected, key=lambda r: r.row)]
    assert [r.row for r in sorted(out.rejected, key=lambda r: r.row)] == list(range(1, 12))
    assert reasons[0] == "No date"
    # issue #13: 31-02 is a date that does not exist, not an unreadable notation
    assert reasons[1] == "Date '31-02-2025' does not exist (no such day or time)"
    assert reasons[2] == "Date 01-01-2030 lies in the future"  # a date alone: no made-up 00:00 (issue #13)
    assert reasons[3] == "Date 01-01-1850 lies before 1900"
    assert reasons[4] == "No category"
    assert reasons[5].startswith("Unknown category '0.0.9'")
    assert reasons[6] == "No coordinates"
    assert reasons[7] == "Unreadable coordinates x='abc', y='443000'"
    assert reasons[8] == "x and y seem swapped (x=443000, y=152000)"
    assert reasons[9].startswith("Coordinates look like degrees")
    assert reasons[10].startswith("Coordinates lie outside")


def test_rd_numbers_declared_as_wgs84():
    out = validate_rows(cols([("01-01-2025", "1.1.1", "152000", "443000")]), LOOKUP, "EPSG:4326", "EPSG:28992",
                        "s", now=NOW)
    assert out.rejected[0].render().startswith("Coordinates look like metres")


def test_weights_and_duplicates():
    rows = [("01-01-2025", "1.1.1", "152000", "443000")] * 5
    weights = ["2,5", "", "-1", "x", "2.5"]
    out = validate_rows(cols(rows, weight=weights), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert list(out.rows) == [1, 2]
    assert list(out.weight) == [2.5, 3.0]  # an empty weight takes the category's harm weight
    by_row = {r.row: r.render() for r in out.rejected}
    assert by_row[3].startswith("Weight '-1'")
    assert by_row[4].startswith("Weight 'x'")
    assert by_row[5] == "Same incident as row 1 of this file"


def test_source_id_makes_identity_and_uuid_is_stable():
    rows = [("01-01-2025", "1.1.1", "152000", "443000"), ("02-01-2025", "1.1.1", "152001", "443000")]
    a = validate_rows(cols(rows, source_id=["A", "A"]), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert a.accepted_count == 1 and a.rejected[0].render() == "Same incident as row 1 of this file"
    b = validate_rows(cols(rows, source_id=["A", "B"]), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert b.uuid[0] == a.uuid[0]
    c = validate_rows(cols(rows, source_id=["A", "B"]), LOOKUP, "EPSG:28992", "EPSG:28992", "other", now=NOW)
    assert c.uuid[0] != a.uuid[0]


def test_cancel_and_progress():
    rows = [("01-01-2025", "1.1.1", "152000", str(443000 + i)) for i in range(500)]
    calls = []
    monitor = Monitor(calls.append, lambda: len(calls) > 3)
    with pytest.raises(Canceled):
        validate_rows(cols(rows), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW, monitor=monitor)
    seen = []
    validate_rows(cols(rows), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW, monitor=Monitor(seen.append))
    assert seen == sorted(seen) and seen[-1] >= 90


def test_guess_mapping_and_required_columns():
    names = ["Registratienummer", "Pleegdatum", "SoortMisdrijf", "X", "Y", "Omschrijving"]
    assert guess_mapping(names) == {"date": "Pleegdatum", "category": "SoortMisdrijf", "x": "X", "y": "Y",
                                    "source_id": "Registratienummer", "description": "Omschrijving"}
    assert "x" not in guess_mapping(["datum", "x"])
    with pytest.raises(InputError, match="x: 'oost'"):
        require_columns(names, {"x": "oost", "date": "Pleegdatum"})


def test_category_resolution():
    assert resolve("1.1.1", LOOKUP).code == "1.1.1"
    assert resolve(" 1.2.3 Diefstal van brom-, snor-, fietsen", LOOKUP).code == "1.2.3"
    assert resolve("winkeldiefstal", LOOKUP).code == "2.5.2"
    assert resolve("m.1", LOOKUP).code == "M.1"
    assert resolve("9.9.9", LOOKUP) is None
    assert np.isfinite([c.weight for c in DEFAULT_CATEGORIES]).all()


def test_uuid_from_sha1_is_a_version5_uuid():
    import hashlib
    import uuid

    from hotspot_plugin.core.incident_import import _uuid_from_sha1

    for text in ("a", "b", "incident 42", "x" * 100):
        digest = hashlib.sha1(text.encode()).hexdigest()
        assert _uuid_from_sha1(digest) == str(uuid.UUID(hex=digest[:32], version=5))


# ---------------------------------------------------------------------------------- issue #13

def test_guesses_know_police_mor_and_open_data_names():
    from hotspot_plugin.core.import_columns import guess_mapping as guess

    police = ["Registratienummer", "Pleegdatum", "Pleegtijd", "Begindatum", "Begintijd", "Einddatum", "Eindtijd",
              "Soort misdrijf", "X-coördinaat", "Y-coördinaat", "Straat", "Huisnummer", "Postcode", "Omschrijving"]
    assert guess(police) == {"date": "Pleegdatum", "time": "Pleegtijd", "end_date": "Einddatum",
                             "end_time": "Eindtijd", "category": "Soort misdrijf", "x": "X-coördinaat",
                             "y": "Y-coördinaat", "source_id": "Registratienummer", "description": "Omschrijving",
                             "street": "Straat", "house_number": "Huisnummer", "postcode": "Postcode"}
    # without a pleegdatum the begin is the date
    assert guess(["BEGIN_DATUM", "begin tijd", "soort.misdrijf", "X_COORDINAAT", "y coördinaat"]) == {
        "date": "BEGIN_DATUM", "time": "begin tijd", "category": "soort.misdrijf", "x": "X_COORDINAAT",
        "y": "y coördinaat"}
    mor = ["melding_id", "datum_melding", "tijdstip_melding", "hoofdcategorie", "omschrijving", "lat", "lon"]
    assert guess(mor) == {"date": "datum_melding", "time": "tijdstip_melding", "category": "hoofdcategorie",
                          "x": "lon", "y": "lat", "source_id": "melding_id", "description": "omschrijving"}


def test_time_unknown_is_flagged_never_made_up():
    rows = [("03-01-2025", "1.1.1", "152000", "443000"), ("03-01-2025", "1.1.1", "152000", "443000"),
            ("03-01-2025 08:05", "1.1.1", "152000", "443000"), ("2025-01-03T23:59:59", "1.1.1", "152000", "443000")]
    out = validate_rows(cols(rows, time=["22:15", None, None, None]), LOOKUP, "EPSG:28992", "EPSG:28992", "s",
                        now=NOW)
    assert out.rejected == []
    assert out.occurred_at == ["2025-01-03T22:15:00.000", "2025-01-03T00:00:00.000", "2025-01-03T08:05:00.000",
                               "2025-01-03T23:59:59.000"]
    assert out.time_known == [1, 0, 1, 1] and out.time_unknown_count == 1


def test_same_place_same_day_different_times_are_two_incidents():
    rows = [("03-01-2025", "1.1.1", "152000", "443000")] * 2
    out = validate_rows(cols(rows, time=["22:15", "23:40"]), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert out.accepted_count == 2


def test_crime_window_and_its_reasons():
    rows = [("05-01-2025", "1.1.1", "152000", "443000")] * 4
    out = validate_rows(cols(rows, time=["18:00", "18:00", "18:00", None],
                             end_date=["06-01-2025", "04-01-2025", "33-01-2025", "06-01-2025"],
                             end_time=["07:30", None, None, None]),
                        LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert list(out.rows) == [1, 4]
    assert out.occurred_end == ["2025-01-06T07:30:00.000", "2025-01-06T00:00:00.000"]
    assert out.time_known == [1, 0]
    by_row = {r.row: r.render() for r in out.rejected}
    assert by_row[2] == "The end of the crime window (04-01-2025) lies before its begin (05-01-2025)"
    assert by_row[3] == "Unreadable end date '33-01-2025'"


def test_bad_time_and_nonexistent_time():
    rows = [("03-01-2025", "1.1.1", "152000", "443000"), ("03-01-2025 25:10", "1.1.1", "152000", "443000")]
    out = validate_rows(cols(rows, time=["laat", None]), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert [r.render() for r in out.rejected] == ["Unreadable time 'laat': use hh:mm, hh.mm or hhmm",
                                                  "Date '03-01-2025 25:10' does not exist (no such day or time)"]


def test_swapped_is_judged_against_the_files_other_points():
    """(500000, 100000) swapped is (100000, 500000): inside the NL/BE box but 77 km from the other
    points (all within 1 km of (152000, 443000)), so not 'swapped'; (443000, 152300) swapped lies
    among them, so it is."""
    good = [("03-01-2025", "1.1.1", str(152000 + 100 * i), "443000") for i in range(8)]
    rows = good + [("03-01-2025", "1.1.1", "500000", "100000"), ("03-01-2025", "1.1.1", "443000", "152300")]
    out = validate_rows(cols(rows), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    by_row = {r.row: r.render() for r in out.rejected}
    assert by_row[9].startswith("Coordinates lie outside the Netherlands and Belgium")
    assert by_row[10] == "x and y seem swapped (x=443000, y=152300)"
    # with fewer than five other points the box decides, as before
    few = validate_rows(cols(good[:2] + rows[8:9]), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert few.rejected[0].render() == "x and y seem swapped (x=500000, y=100000)"


def test_unmapped_labels_are_counted_and_aliases_map_them():
    from hotspot_plugin.core.categories import default_aliases, parse_alias_text

    rows = [("03-01-2025", label, "152000", str(443000 + i)) for i, label in
            enumerate(["Zwerfvuil", "zwerfvuil ", "Hondenpoep", "Hondenpoep", "Kapotte tegel"])]
    out = validate_rows(cols(rows), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert out.accepted_count == 0
    assert out.unmapped == {"Hondenpoep": 2, "Zwerfvuil": 1, "zwerfvuil": 1, "Kapotte tegel": 1}
    aliases = default_aliases() + parse_alias_text("Hondenpoep = M.4\nKapotte tegel=9.9")
    lookup = build_lookup(DEFAULT_CATEGORIES, aliases)
    out = validate_rows(cols(rows), lookup, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert out.category == ["M.4", "M.4", "M.4", "M.4"] and out.unmapped == {"Kapotte tegel": 1}
    assert resolve("GRAFFITI / WILDPLAK", lookup).code == "M.6"
    assert resolve("Overlast café", build_lookup(DEFAULT_CATEGORIES, [("Overlast cafe", "M.2")])).code == "M.2"
    # a later alias for the same label wins (a user's mapping over the shipped one)
    assert resolve("Afval", build_lookup(DEFAULT_CATEGORIES, [("Afval", "M.4"), ("afval", "2.6.4")])).code == "2.6.4"
    with pytest.raises(ValueError):
        parse_alias_text("Zwerfvuil M.4")
    # the shipped aliases all point at shipped codes
    codes = {c.code for c in DEFAULT_CATEGORIES}
    assert default_aliases() and all(code in codes for _label, code in default_aliases())


def test_undecodable_row_is_rejected_with_its_reason():
    rows = [("03-01-2025", "1.1.1", "152000", "443000")] * 2
    problem = ("Row cannot be read as {encoding}: byte {byte} at position {position} is not a character in that "
               "encoding (choose the file's encoding)", {"encoding": "utf-8", "byte": "0xE9", "position": 7})
    out = validate_rows(cols(rows, row_problem={2: problem}), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    assert list(out.rows) == [1]
    assert out.rejected[0].row == 2 and "byte 0xE9 at position 7" in out.rejected[0].render()


def test_validation_in_chunks_is_validation_at_once():
    """A CSV is checked chunk by chunk (RowValidator); every accepted value and every rejection
    (duplicates across chunks, the swapped pair judged against all the file's points) is the same
    as checking all rows at once. The expected reasons are written out by hand."""
    from hotspot_plugin.core.incident_import import RowValidator

    rows = [("0%d-01-2025" % (1 + k % 9), "1.1.1", str(152000 + k), "443000") for k in range(12)]
    rows[3] = ("01-01-2025", "1.1.1", "443000", "152000")  # swapped
    rows[9] = ("", "1.1.1", "152000", "443000")  # no date
    rows[10] = rows[0]  # same content as row 1 (neither has a source id), in another chunk
    ids = [f"id{k}" if k % 4 else None for k in range(12)]
    ids[7] = ids[1]  # same source id as row 2, in another chunk
    ids[10] = None
    whole = validate_rows(cols(rows, source_id=ids), LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    validator = RowValidator(LOOKUP, "EPSG:28992", "EPSG:28992", "s", now=NOW)
    for start in range(0, 12, 5):
        part = rows[start:start + 5]
        validator.add(cols(part, source_id=ids[start:start + 5]), first_row=start + 1)
    chunked = validator.finish()
    assert chunked.rows.tolist() == whole.rows.tolist()
    for name in ("occurred_at", "category", "safety_field", "source_id", "description", "dedup_key", "uuid",
                 "occurred_end", "time_known", "address"):
        assert getattr(chunked, name) == getattr(whole, name), name
    assert chunked.x.tolist() == whole.x.tolist() and chunked.weight.tolist() == whole.weight.tolist()
    assert [(r.row, r.render()) for r in chunked.rejected] == [(r.row, r.render()) for r in whole.rejected]
    assert [(r.row, r.render()) for r in whole.rejected] == [
        (4, "x and y seem swapped (x=443000, y=152000)"), (8, "Same incident as row 2 of this file"),
        (10, "No date"), (11, "Same incident as row 1 of this file")]


def test_region_check_by_bounding_box_equals_point_by_point():
    """A large chunk well inside NL/BE skips the per-point lon/lat transform; the verdict is the
    same as transforming every point (the oracle: pyproj point by point and the region box)."""
    from hotspot_plugin.core.incident_import import REGION_LONLAT, _transform_and_check

    rng = np.random.default_rng(5)
    x = rng.uniform(150_000, 156_000, 2000)
    y = rng.uniform(440_000, 446_000, 2000)
    to_lonlat = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    lon_min, lat_min, lon_max, lat_max = REGION_LONLAT
    for xs, ys in ((x, y), (np.append(x, 400_000), np.append(y, 100_000))):  # the second: one far away
        expected = [lon_min <= lo <= lon_max and lat_min <= la <= lat_max
                    for lo, la in (to_lonlat.transform(a, b) for a, b in zip(xs, ys))]
        assert _transform_and_check(xs, ys, "EPSG:28992", "EPSG:28992")[2].tolist() == expected
