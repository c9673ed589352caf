"""Band edges as text and back (hotspot_plugin.core.band_edges)."""
from __future__ import annotations

import pytest

from hotspot_plugin.core.band_edges import edges_text, parse_edges
from hotspot_plugin.core.errors import InputError


def test_edges_text_writes_short_numbers_with_a_decimal_point():
    assert edges_text((0, 100, 200)) == "0,100,200"
    assert edges_text([0.0, 0.5, 7.0, 14.25]) == "0,0.5,7,14.25"
    assert edges_text([]) == ""


@pytest.mark.parametrize("text, expected", [
    ("0,100,200", [0.0, 100.0, 200.0]),
    (" 0, 100 ,200 ", [0.0, 100.0, 200.0]),
    ("0 7 14", [0.0, 7.0, 14.0]),
    ("0; 0,5; 1", [0.0, 0.5, 1.0]),        # with a semicolon, the comma is a decimal comma
    ("0;0.5;1", [0.0, 0.5, 1.0]),
    ("0,,100", [0.0, 100.0]),              # an empty part is skipped
])
def test_parse_edges(text, expected):
    assert parse_edges(text, "distance") == expected


@pytest.mark.parametrize("text", ["", "   ", None])
def test_no_text_means_the_default_edges(text):
    assert parse_edges(text, "time") is None


def test_a_part_that_is_not_a_number_is_named():
    with pytest.raises(InputError) as err:
        parse_edges("0,100,abc", "distance")
    assert err.value.render() == ('Could not read the distance bands "0,100,abc": "abc" is not a number. Write the '
                                  'band edges in metres separated by commas, for example 0,100,200,300.')
    with pytest.raises(InputError) as err:
        parse_edges("0;7;inf", "time")
    assert '"inf" is not a number' in err.value.render() and "time bands" in err.value.render()
