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
