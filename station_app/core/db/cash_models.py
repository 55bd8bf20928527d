"""The cash book (钱箱账) and the day closes (日结): projections of the ledger.

Every money movement of every module is a row of ``cash_movements``, written in the
transaction of the ledger entry that caused it and derived from that entry alone
(:mod:`station_app.core.cash.projection`), so a store rebuilt from the county's copy of
its ledger gets the same book. Signed whole fen: money in is positive, out negative.
``owed`` is no movement (nothing changed hands) until it is settled.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant

METHODS = ("cash", "wechat", "alipay", "bank")
"""Where money is: the drawer, the WeChat and Alipay collection codes, the bank."""


class CashMovement(Base):
    __tablename__ = "cash_movements"
    __table_args__ = (
        CheckConstraint("method IN ('cash', 'wechat', 'alipay', 'bank')", name="method"),
        CheckConstraint("amount_fen != 0", name="amount"),
        Index("ix_cash_movements_seq", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    """The ledger entry that moved the money (the day close sums everything after the
    previous close's entry, by sequence, whatever the clock said)."""
    business_day: Mapped[str] = mapped_column(String(10))
    method: Mapped[str] = mapped_column(String(8))
    amount_fen: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    """What it was for (``shipment_fee``, ``petty_out`` …): the close report's lines."""
    ref: Mapped[str | None] = mapped_column(String(36), nullable=True)


class DayClose(Base):
    """One 日结: what the book said, what the keeper counted, and the difference, kept
    as counted (never forced to match)."""

    __tablename__ = "day_closes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    business_day: Mapped[str] = mapped_column(String(10), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    """The ``day.closed`` entry: movements up to it belong to this close."""
    closed_at: Mapped[datetime] = mapped_column(UTCInstant())
    operator: Mapped[str] = mapped_column(String(32))
    opening_cash_fen: Mapped[int] = mapped_column(Integer)
    expected: Mapped[str] = mapped_column(Text)
    """JSON ``{method: fen}``, the book's figure per method."""
    counted: Mapped[str] = mapped_column(Text)
    """JSON ``{method: fen}``, what the keeper counted; the next day opens with its cash."""
    note: Mapped[str] = mapped_column(String(200))
    carried_over: Mapped[str] = mapped_column(Text)
    """JSON list of the bill payments still open at the close, carried to the next day
    explicitly: the keeper confirmed each one (DESIGN: nothing forgotten in 处理中)."""
