"""Reading delimited exports in the encodings municipalities get (core.csv_source)."""
import codecs

import pytest

from hotspot_plugin.core.csv_source import detect_encoding, read_csv, read_header
from hotspot_plugin.core.errors import InputError

ROWS = [["regnr", "datum", "straat"], ["1", "03-01-2025", "Kérkstraat"], ["2", "04-01-2025", "Ëindhovenseweg"]]


def write(tmp_path, encoding, bom=b"", delimiter=";", name="f.csv"):
    text = "\r\n".join(delimiter.join(r) for r in ROWS) + "\r\n"
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return str(path)


@pytest.mark.parametrize("encoding, bom, expected", [
    ("utf-8", b"", "utf-8"), ("utf-8", codecs.BOM_UTF8, "utf-8-sig"), ("cp1252", b"", "cp1252"),
    ("utf-16", b"", "utf-16"), ("utf-16-le", b"", "utf-16-le")])
def test_each_encoding_is_detected_and_read_exactly(tmp_path, encoding, bom, expected):
    path = write(tmp_path, encoding, bom)
    data = read_csv(path, {"street": "straat", "id": "regnr"})
    assert data.encoding == expected
    assert data.columns == {"street": ["Kérkstraat", "Ëindhovenseweg"], "id": ["1", "2"]}
    assert data.problems == {} and data.rows == 2
    assert read_header(path)[0] == ["regnr", "datum", "straat"]


def test_delimiters(tmp_path):
    for delimiter in (";", ",", "\t", "|"):
        path = write(tmp_path, "utf-8", delimiter=delimiter, name="d.csv")
        assert read_csv(path, {"s": "straat"}).columns["s"] == ["Kérkstraat", "Ëindhovenseweg"]


def test_a_line_that_does_not_decode_is_a_row_problem_not_replacement_characters(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id;straat\n1;Dorpsstraat\n" + "2;Kérkstraat\n".encode("cp1252") + b"3;Laan\n")
    data = read_csv(str(path), {"s": "straat"}, encoding="utf-8")
    assert data.rows == 3
    assert list(data.problems) == [2]
    template, params = data.problems[2]
    assert params == {"encoding": "utf-8-sig", "byte": "0xE9", "position": 4}
    assert all("\ufffd" not in (v or "") for v in data.columns["s"])
    assert data.columns["s"][0] == "Dorpsstraat" and data.columns["s"][2] == "Laan"
    # a multi-line quoted value keeps the row numbering right
    path.write_bytes(b'id;straat\n1;"twee\nregels"\n' + "2;Kérk\n".encode("cp1252") + b"3;Laan\n")
    data = read_csv(str(path), {"s": "straat"}, encoding="utf-8")
    assert data.columns["s"][0] == "twee\nregels" and list(data.problems) == [2]


def test_blank_cells_are_none_and_short_rows_padded(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("a;b;c\n1; ;3\n\n4\n", encoding="utf-8")
    data = read_csv(str(path), {"b": "b", "c": "c"})
    assert data.columns == {"b": [None, None], "c": ["3", None]} and data.rows == 2


def test_overlong_value_is_refused_with_row_and_line(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("a;b\n1;2\n3;" + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_csv(str(path), {"b": "b"})
    assert "Row 2 (line 3)" in info.value.render()


def test_detect_encoding_on_bytes():
    assert detect_encoding("é".encode()) == "utf-8"
    assert detect_encoding("é".encode("cp1252")) == "cp1252"
    assert detect_encoding(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le")) == "utf-16"
