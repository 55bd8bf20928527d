"""Where the station stands with the county centre: one state row and a short history.

The credential the county issued at enrolment lives in :class:`SyncState` and nowhere
else: it is never written to the ledger (which is uploaded), a log or a history row.
``uploaded_through`` only ever moves to what the county acknowledged (``held_through``);
``next_attempt_at`` is computed from the last outcome, so a restart, a sleep or a clock
jump finds the next run in the database instead of losing it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class SyncState(Base):
    """Exactly one row once the station is enrolled; none before."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    county_url: Mapped[str] = mapped_column(String(200))
    county_station_code: Mapped[str] = mapped_column(String(64))
    credential: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[datetime] = mapped_column(UTCInstant())
    uploaded_through: Mapped[int] = mapped_column(Integer)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    last_error_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    last_error_message: Mapped[str | None] = mapped_column(String(300), nullable=True)
    """In Chinese, as the keeper reads it (the county's ``message_zh`` when it sent one)."""
    halted: Mapped[int] = mapped_column(Integer)
    """1 when uploading stopped for the keeper to act (re-enrol, call the county)."""
    clock_skew_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """County clock minus station clock at the last answer, in whole seconds."""
    manifests_through: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The last ``county_seq`` of a manifest taken (imported, or refused and recorded):
    the next ``GET /manifests?after=``. Moved in the transaction that imports it."""
    station_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    install_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    """Both set only on a PC that took over an enrolled station (migration 0012): the
    county's station id and this PC's install id, from before the station row exists
    until the takeover finishes."""


class SyncAttempt(Base):
    """One upload run, kept for the 同步 page; trimmed to the newest few hundred.

    ``refused``: a reference set or a manifest that one side would not take; it stops
    nothing else (the previous set stays in use, the upload goes on)."""

    __tablename__ = "sync_history"
    __table_args__ = (
        CheckConstraint("outcome IN ('ok', 'retry', 'halted', 'refused')", name="outcome"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempted_at: Mapped[datetime] = mapped_column(UTCInstant())
    outcome: Mapped[str] = mapped_column(String(16))
    entries_sent: Mapped[int] = mapped_column(Integer)
    error_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    error_message: Mapped[str | None] = mapped_column(String(300), nullable=True)
