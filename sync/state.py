"""The station's sync state in its store: read in short transactions, never across I/O.

Every function here opens and closes its own transaction on the :class:`Store`, so the
upload loop can call them between requests without ever holding the database while it
waits on the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from station_app.core.db.models import LedgerEntry, Station
from station_app.core.db.sync_models import SyncAttempt, SyncState
from station_app.core.store import Store

HISTORY_KEEP = 300
"""Attempts kept in ``sync_history``; older ones are trimmed as new ones are added."""


@dataclass(frozen=True)
class Enrolment:
    """What a run needs to talk to the county. ``credential`` never goes to a log."""

    county_url: str
    credential: str
    station_id: str
    uploaded_through: int

    def __repr__(self) -> str:  # keep the credential out of any traceback or log
        return f"Enrolment(county_url={self.county_url!r}, station_id={self.station_id!r})"


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the 同步 page show; made on the worker, read on the GUI."""

    enrolled: bool
    pending: int = 0
    uploaded_through: int = 0
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    consecutive_failures: int = 0
    next_attempt_at: datetime | None = None
    halted: bool = False
    error_code: str | None = None
    error_message: str | None = None
    clock_skew_seconds: int | None = None
    county_station_code: str | None = None

    @property
    def offline(self) -> bool:
        """The last run failed and will be retried by itself."""
        return self.consecutive_failures > 0 and not self.halted


def row(session: Session) -> SyncState | None:
    return session.get(SyncState, 1)


def last_seq(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.max(LedgerEntry.seq), 0))) or 0


def station_ids(session: Session) -> tuple[str, str] | None:
    """(station_id, install_id) of this store, None before the first-run setup."""
    station = session.scalar(select(Station))
    return None if station is None else (station.station_id, station.install_id)


def enrolment(store: Store) -> Enrolment | None:
    """None before enrolment. A PC taking over a station is enrolled before its station
    row exists (recovery makes it): the station id is then the one the county bound."""
    with store.reading() as session:
        state, ids = row(session), station_ids(session)
        station_id = ids[0] if ids is not None else (state.station_id if state else None)
        if state is None or station_id is None:
            return None
        return Enrolment(state.county_url, state.credential, station_id, state.uploaded_through)


def status(store: Store) -> SyncStatus:
    with store.reading() as session:
        state = row(session)
        if state is None:
            return SyncStatus(enrolled=False, pending=last_seq(session))
        return SyncStatus(
            enrolled=True,
            pending=max(0, last_seq(session) - state.uploaded_through),
            uploaded_through=state.uploaded_through,
            last_success_at=state.last_success_at,
            last_attempt_at=state.last_attempt_at,
            consecutive_failures=state.consecutive_failures,
            next_attempt_at=state.next_attempt_at,
            halted=bool(state.halted),
            error_code=state.last_error_code,
            error_message=state.last_error_message,
            clock_skew_seconds=state.clock_skew_seconds,
            county_station_code=state.county_station_code,
        )


def record_attempt(
    session: Session,
    at: datetime,
    outcome: str,
    sent: int,
    *,
    code: str | None = None,
    message: str | None = None,
) -> None:
    session.add(
        SyncAttempt(
            attempted_at=at,
            outcome=outcome,
            entries_sent=sent,
            error_code=code,
            error_message=None if message is None else message[:300],
        )
    )
    session.flush()
    newest = select(SyncAttempt.id).order_by(SyncAttempt.id.desc()).limit(HISTORY_KEEP)
    session.execute(delete(SyncAttempt).where(SyncAttempt.id.not_in(newest)))


def history(session: Session, limit: int = HISTORY_KEEP) -> list[SyncAttempt]:
    """Newest first."""
    query = select(SyncAttempt).order_by(SyncAttempt.id.desc()).limit(limit)
    return list(session.scalars(query))


def station_ids_of(store: Store) -> tuple[str, str]:
    """(station_id, install_id), for callers without a session; the station must exist."""
    with store.reading() as session:
        ids = station_ids(session)
    if ids is None:
        raise LookupError("no station in this store yet")
    return ids
