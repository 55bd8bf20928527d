"""The station's tables: its identity, its operators, its preferences and its ledger.

State tables are a projection of the ledger; the ledger itself is append-only, which
the database enforces with triggers (see the first migration).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class StationLevel(enum.StrEnum):
    VILLAGE = "village"
    TOWNSHIP = "township"


class Role(enum.StrEnum):
    KEEPER = "keeper"
    ASSISTANT = "assistant"


class Station(Base):
    """This store's station: exactly one row, written by the first-run setup."""

    __tablename__ = "station"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36), unique=True)
    install_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(16))
    division_code: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCInstant())


class Operator(Base):
    """A person who works the counter: a keeper (站长) or an assistant (店员)."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCInstant())


class Preference(Base):
    """Station-wide settings as text, declared and typed in ``core.preferences``."""

    __tablename__ = "preferences"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LedgerEntry(Base):
    """One business action, as the county will receive it. Never updated, never deleted.

    ``occurred_at`` and ``payload`` are kept as the exact canonical text that was
    hashed, so the chain verifies byte for byte.
    """

    __tablename__ = "ledger_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entry_id: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[str] = mapped_column(String(27))
    business_day: Mapped[str] = mapped_column(String(10))
    operator: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    corrects: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("ledger_entries.entry_id"), nullable=True
    )
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str] = mapped_column(String(64))


class ParcelStatus(enum.StrEnum):
    ON_SHELF = "on_shelf"
    PICKED_UP = "picked_up"
    RETURNED = "returned"
    LOST = "lost"
    """Not found in a stocktake and given up on (盘点丢失): off the shelf, on the ledger."""


class Shelf(Base):
    """A shelf (货架) with its tiers (层), in the order the keeper walks them."""

    __tablename__ = "shelves"
    __table_args__ = (CheckConstraint("tiers BETWEEN 1 AND 9", name="tier_count"),)

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    tiers: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)


class Parcel(Base):
    """A parcel the station holds or held for a villager.

    The phone number lives here only (never on the ledger, which goes to the county);
    ``phone_tail`` is what the counter searches by: the phone's last four digits, or
    the extension's for a virtual number (the digits the villager's SMS told them).
    """

    __tablename__ = "parcels"
    __table_args__ = (
        CheckConstraint("status IN ('on_shelf', 'picked_up', 'returned', 'lost')", name="status"),
        Index("ix_parcels_phone_tail", "phone_tail", "status"),
        Index("ix_parcels_code_day", "code_day", "serial"),
        Index(
            "uq_parcels_on_shelf_tracking",
            "tracking_number",
            unique=True,
            sqlite_where=text("status = 'on_shelf'"),
        ),
        Index(
            "uq_parcels_on_shelf_code",
            "pickup_code",
            unique=True,
            sqlite_where=text("status = 'on_shelf'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    courier: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    pickup_code: Mapped[str] = mapped_column(String(16))
    shelf: Mapped[str] = mapped_column(String(4))
    tier: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    code_day: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    phone_tail: Mapped[str | None] = mapped_column(String(4), nullable=True)
    extension: Mapped[str | None] = mapped_column(String(8), nullable=True)
    recipient_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    consent: Mapped[bool | None] = mapped_column(nullable=True)
    checked_in_at: Mapped[datetime] = mapped_column(UTCInstant())
    checked_in_by: Mapped[str] = mapped_column(String(32))
    checked_in_entry: Mapped[str] = mapped_column(String(36))
    picked_up_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True, index=True)
    picked_up_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
