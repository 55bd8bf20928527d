"""What a replay handler is given: one ledger entry, parsed once, and the placeholders.

Kept apart from :mod:`station_app.core.replay` so the per-domain handler modules and the
registry can import it without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from sync.protocol import parse_instant

PLACEHOLDER = "—"
"""Stands where the ledger, by design, carries nothing: a name, a phone, an address
(DESIGN.md, Privacy). Visible on screen, so the keeper sees at once that the row was
rebuilt from the county's copy and what it lacks."""

UNKNOWN_COURIER = "?"
"""A courier code the ledger does not say (a bag parcel the list promised but nobody
scanned; an incoming manifest's parcels, listed by number only)."""

REPLAYED_PASSWORD_HASH = "!replayed-no-password"
"""Not an argon2 hash, so no password ever verifies against it (``verify_password``
answers False for an invalid hash): an operator rebuilt from the ledger cannot log in
until a keeper sets a password."""


@dataclass(frozen=True)
class Entry:
    """An entry as imported: the hashed fields, with the instant parsed for state rows."""

    seq: int
    entry_id: str
    station_id: str
    type: str
    schema_version: int
    occurred_at: datetime
    business_day: str
    operator: str
    payload: Mapping[str, Any]
    corrects: str | None

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> Entry:
        return cls(
            seq=fields["seq"],
            entry_id=fields["entry_id"],
            station_id=fields["station_id"],
            type=fields["type"],
            schema_version=fields["schema_version"],
            occurred_at=parse_instant(fields["occurred_at"]),
            business_day=fields["business_day"],
            operator=fields["operator"],
            payload=fields["payload"],
            corrects=fields["corrects"],
        )


Handler = Callable[[Session, Entry], None]
