"""Shipments (寄件): parcels villagers send through the station, until the courier takes them.

Names, phones and the street address are personal data (DESIGN.md, Privacy): they live
here, on the station, for the waybill and for questions at the counter, and never go on
the ledger. Amounts are whole fen, weights whole grams.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class ShipmentStatus(enum.StrEnum):
    ACCEPTED = "accepted"
    COLLECTED = "collected"
    CANCELLED = "cancelled"


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    BANK = "bank"
    OWED = "owed"


class Shipment(Base):
    """One parcel accepted for sending, and what became of it."""

    __tablename__ = "shipments"
    __table_args__ = (
        CheckConstraint("status IN ('accepted', 'collected', 'cancelled')", name="status"),
        CheckConstraint(
            "payment_method IN ('cash', 'wechat', 'alipay', 'bank', 'owed')",
            name="payment_method",
        ),
        CheckConstraint("weight_g > 0 AND billable_g >= weight_g", name="weights"),
        CheckConstraint("fee_fen >= 0", name="fee"),
        Index("ix_shipments_status_courier", "status", "courier"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    courier: Mapped[str] = mapped_column(String(16))
    province: Mapped[str] = mapped_column(String(16))
    city: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(200))
    recipient_name: Mapped[str] = mapped_column(String(40))
    recipient_phone: Mapped[str] = mapped_column(String(20))
    sender_name: Mapped[str] = mapped_column(String(40))
    sender_phone: Mapped[str] = mapped_column(String(20))
    weight_g: Mapped[int] = mapped_column(Integer)
    billable_g: Mapped[int] = mapped_column(Integer)
    fee_fen: Mapped[int] = mapped_column(Integer)
    payment_method: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    # Unique, and NULL until collected: SQL lets any number of rows be NULL.
    courier_tracking_number: Mapped[str | None] = mapped_column(
        String(32), unique=True, nullable=True
    )
    accepted_at: Mapped[datetime] = mapped_column(UTCInstant())
    accepted_by: Mapped[str] = mapped_column(String(32))
    accepted_entry: Mapped[str] = mapped_column(String(36))
    collected_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    collected_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    cancelled_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
