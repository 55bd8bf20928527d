"""The fast canonical-value check agrees with the careful one on any JSON-like value."""

from __future__ import annotations

import enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.protocol import NonCanonicalValue, _check, _check_fast, canonical_json


class Colour(enum.StrEnum):
    RED = "red"


leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.floats(allow_nan=False),
    st.just(Colour.RED),
    st.sets(st.integers(), max_size=2),
)
values = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), children, max_size=4),
    ),
    max_leaves=20,
)


def _verdict(check: Any, value: Any) -> bool:
    try:
        check(value)
    except NonCanonicalValue:
        return False
    return True


@given(values)
def test_fast_and_careful_checks_agree(value: Any) -> None:
    assert _verdict(_check_fast, value) == _verdict(lambda v: _check(v, "$"), value)


def test_a_nested_float_is_refused_with_its_place() -> None:
    with pytest.raises(NonCanonicalValue, match=r"\$\.items\[1\]\.fen"):
        canonical_json({"items": [{"fen": 1}, {"fen": 1.5}]})
