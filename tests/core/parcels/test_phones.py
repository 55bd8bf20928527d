from __future__ import annotations

import pytest

from station_app.core.errors import ValidationError
from station_app.core.parcels.phones import Phone, mask, parse_phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812341234", Phone(number="13812341234", tail="1234")),
        ("138 1234 1234", Phone(number="13812341234", tail="1234")),
        ("+86 13812341234", Phone(number="13812341234", tail="1234")),
        ("１３８１２３４１２３４", Phone(number="13812341234", tail="1234")),
        ("138****5678", Phone(tail="5678")),
        ("5678", Phone(tail="5678")),
        ("尾号5678", Phone(tail="5678")),
        ("17012345678转1234", Phone(number="17012345678", extension="1234")),
        ("170 1234 5678-0042", Phone(number="17012345678", extension="0042")),
    ],
)
def test_the_forms_found_on_waybills(text: str, expected: Phone):
    assert parse_phone(text) == expected


def test_nothing_typed_is_no_phone():
    assert parse_phone("  ") is None


@pytest.mark.parametrize("text", ["123", "1381234123", "12812341234", "abcd", "0917-1234567"])
def test_other_text_is_refused_with_the_accepted_forms(text: str):
    with pytest.raises(ValidationError, match="电话格式不认识"):
        parse_phone(text)


def test_masking_never_shows_the_middle_digits():
    assert mask("13812341234") == "138****1234"
    assert mask(None, "5678") == "****5678"
    assert mask("17012345678", None, "1234") == "170****5678转1234"
    assert mask(None) == ""
    assert Phone(number="17012345678", extension="001234").search_key == "1234"
