"""The notification outbox: one row per message to a villager about a parcel.

Messages are state, not ledger entries: the county has no use for them and they
carry nothing it must audit. The phone number is not copied here; it is read from
the parcel when the message is sent, so it lives in one place only.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class Kind(enum.StrEnum):
    ARRIVAL = "arrival"
    REMINDER = "reminder"


class Channel(enum.StrEnum):
    SMS = "sms"
    PRINT = "print"
    CLIPBOARD = "clipboard"


class NotificationStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Notification(Base):
    """A message waiting, in flight, delivered, given up on, or no longer needed.

    ``next_attempt_at`` is when a pending message may be tried next (back-off);
    ``last_error`` is a short reason for the keeper, scrubbed of phone numbers.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        CheckConstraint("kind IN ('arrival', 'reminder')", name="kind"),
        CheckConstraint("channel IN ('sms', 'print', 'clipboard')", name="channel"),
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')", name="status"
        ),
        Index("ix_notifications_due", "status", "channel", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    parcel_uid: Mapped[str] = mapped_column(String(36), ForeignKey("parcels.uid"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCInstant())
    created_at: Mapped[datetime] = mapped_column(UTCInstant())
    sent_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
