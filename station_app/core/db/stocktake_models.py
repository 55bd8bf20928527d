"""Stocktakes (盘点): one count of the shelves, and what each scan or decision found.

These are working state, not ledger: a stocktake is hundreds of beeps, each saved the
moment it happens so a power cut loses none, but the county needs the outcome, not
every beep. The ledger gets the start, the finish (with the counts) and every decision
that changes a parcel (lost, relocated) or corrects a misplacement (re-shelved); see
``core.parcels.stocktake``.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class StocktakeStatus(enum.StrEnum):
    OPEN = "open"
    FINISHED = "finished"


class Finding(enum.StrEnum):
    """What an item was when it was first met (kept, so the finish can count it even
    after a decision changed the parcel, e.g. a wrong shelf relocated)."""

    OK = "ok"
    WRONG_SHELF = "wrong_shelf"
    UNKNOWN = "unknown"
    MISSING = "missing"


class UnknownKind(enum.StrEnum):
    """Why a scanned parcel is not on record as on the shelf."""

    NEVER_CHECKED_IN = "never_checked_in"
    PICKED_UP = "picked_up"
    RETURNED = "returned"
    LOST = "lost"


class Resolution(enum.StrEnum):
    FOUND = "found"
    LOST = "lost"
    RESHELVED = "reshelved"
    RELOCATED = "relocated"
    CHECKED_IN = "checked_in"
    SET_ASIDE = "set_aside"


class Stocktake(Base):
    """One count. ``shelves`` is the shelf codes counted, comma-separated ("" = the whole
    station); ``started_seq`` is the ledger position of its start, so parcels checked in
    while the count runs are not reported missing (the sequence orders, not the clock).
    ``current_shelf``/``current_tier`` are where the keeper says they are counting now,
    kept here so a resumed count carries on at the same place."""

    __tablename__ = "stocktakes"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'finished')", name="status"),
        # Only one count at a time: two would fight over what "missing" means.
        Index("uq_stocktakes_open", "status", unique=True, sqlite_where=text("status = 'open'")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    shelves: Mapped[str] = mapped_column(String(200))
    expected: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCInstant())
    started_by: Mapped[str] = mapped_column(String(32))
    started_seq: Mapped[int] = mapped_column(Integer)
    current_shelf: Mapped[str | None] = mapped_column(String(4), nullable=True)
    current_tier: Mapped[int | None] = mapped_column(Integer, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    finished_by: Mapped[str | None] = mapped_column(String(32), nullable=True)


class StocktakeItem(Base):
    """One parcel (by tracking number) met during a count: scanned, or decided on while
    missing. ``scans`` counts the beeps (a duplicate adds one, nothing else);
    ``found_shelf``/``found_tier`` are where it was being counted when scanned."""

    __tablename__ = "stocktake_items"
    __table_args__ = (
        UniqueConstraint("stocktake_id", "tracking_number"),
        CheckConstraint("finding IN ('ok', 'wrong_shelf', 'unknown', 'missing')", name="finding"),
        CheckConstraint(
            "resolution IS NULL OR resolution IN "
            "('found', 'lost', 'reshelved', 'relocated', 'checked_in', 'set_aside')",
            name="resolution",
        ),
        CheckConstraint("scans >= 0", name="scans"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(Integer, ForeignKey("stocktakes.id"))
    tracking_number: Mapped[str] = mapped_column(String(32))
    parcel_uid: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("parcels.uid"), nullable=True
    )
    finding: Mapped[str] = mapped_column(String(16))
    unknown_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    found_shelf: Mapped[str | None] = mapped_column(String(4), nullable=True)
    found_tier: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scans: Mapped[int] = mapped_column(Integer)
    first_seen_at: Mapped[datetime] = mapped_column(UTCInstant())
    seen_by: Mapped[str] = mapped_column(String(32))
    resolution: Mapped[str | None] = mapped_column(String(16), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
