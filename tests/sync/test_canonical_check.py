"""The fast canonical-value check agrees with the careful one on any JSON-like value."""

from __future__ import annotations

import enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.protocol import (
    NonCanonicalValue,
    _check,
    _check_fast,
    canonical_json,
    entry_hash,
    typed_entry_hash,
)


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


def _hash_verdict(hasher: Any, fields: dict[str, Any]) -> str | None:
    try:
        return str(hasher(fields))
    except NonCanonicalValue:
        return None


@given(st.dictionaries(st.text(max_size=3), values, max_size=4))
def test_the_county_s_typed_hash_is_the_shared_hash(payload: dict[str, Any]) -> None:
    """Walking only the payload (the wire model typed the rest) gives the same hash, and
    refuses what the full walk refuses."""
    fields = {
        "entry_id": "3f0a9c1e-5b7d-4e2a-9c8f-1a2b3c4d5e6f",
        "station_id": "9c8f3f0a-5b7d-4e2a-9c8f-1a2b3c4d5e6f",
        "seq": 7,
        "type": "parcel.checked_in",
        "schema_version": 1,
        "occurred_at": "2026-11-23T02:00:07.000000Z",
        "business_day": "2026-11-23",
        "operator": "wangjun",
        "payload": payload,
        "corrects": None,
        "prev_hash": "0" * 64,
        "hash": "f" * 64,
    }
    assert _hash_verdict(typed_entry_hash, fields) == _hash_verdict(entry_hash, fields)
