"""What county staff review: ledger entries kept in sequence but flagged at ingest.

A flagged entry is a station running a newer app (an event type this county does not
know yet) or a bug (a payload its schema refuses). Staff read the list, upgrade the
county or call the station; the chain itself was never in doubt, so nothing here
changes the ledger copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from county.db.models import LedgerEntry, Station


@dataclass(frozen=True)
class FlaggedEntry:
    station_code: str
    seq: int
    type: str
    schema_version: int
    business_day: str
    received_at: datetime
    reason: str


def flagged_entries(
    session: Session, station_code: str | None = None, limit: int = 1000
) -> list[FlaggedEntry]:
    """Flagged entries by station code then sequence; ``LookupError`` for an unknown code."""
    query = (
        select(LedgerEntry, Station.code)
        .join(Station, Station.id == LedgerEntry.station)
        .where(LedgerEntry.flagged)
        .order_by(Station.code, LedgerEntry.seq)
        .limit(limit)
    )
    if station_code is not None:
        station = session.scalar(select(Station.id).where(Station.code == station_code))
        if station is None:
            raise LookupError(f"no station {station_code}")
        query = query.where(LedgerEntry.station == station)
    return [
        FlaggedEntry(
            station_code=code,
            seq=entry.seq,
            type=entry.type,
            schema_version=entry.schema_version,
            business_day=entry.business_day,
            received_at=entry.received_at,
            reason=entry.flag_reason or "",
        )
        for entry, code in session.execute(query).tuples()
    ]
