"""Digits on the wire are ASCII digits: pydantic's patterns are Unicode-aware, so ``\\d``
would let a business day written in other scripts' digits be stored and counted."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from sync.events import validate_payload
from sync.wire import WireEntry

ENTRY: dict[str, Any] = {
    "entry_id": "00000000-0000-4000-8000-000000000001",
    "station_id": "00000000-0000-4000-8000-000000000002",
    "seq": 1,
    "type": "preference.changed",
    "schema_version": 1,
    "occurred_at": "2026-11-23T02:00:00.000000Z",
    "business_day": "2026-11-23",
    "operator": "wangjun",
    "payload": {"key": "sounds_enabled", "value": "1"},
    "corrects": None,
    "prev_hash": None,
    "hash": "0" * 64,
}


def test_an_entry_with_ascii_digits_is_taken() -> None:
    assert WireEntry.model_validate(ENTRY).business_day == "2026-11-23"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("business_day", "٢٠٢٦-١١-٢٣"),  # Arabic-Indic digits
        ("business_day", "２０２６-１１-２３"),  # full-width digits
        ("occurred_at", "2026-11-23T02:00:00.00000٠Z"),
    ],
)
def test_other_digits_are_refused(field: str, value: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        WireEntry.model_validate({**ENTRY, field: value})


def test_a_division_code_in_full_width_digits_is_refused() -> None:
    from sync.events import InvalidPayload

    payload = {
        "name": "胡家庄",
        "level": "village",
        "division_code": "６" * 12,
        "install_id": "x" * 36,
    }
    with pytest.raises(InvalidPayload):
        validate_payload("station.created", 1, payload)
