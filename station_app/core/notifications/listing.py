"""What the outbox screen and the status bar read: messages with their parcel's code.

The screen lists messages, newest first, with the pickup code and the masked phone
(never the full number), so the keeper can see which villager was told, which was
not and why. The summary is the status bar's one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core.db.models import Parcel
from station_app.core.db.notification_models import (
    Channel,
    Kind,
    Notification,
    NotificationStatus,
)
from station_app.core.parcels.phones import mask

OPEN = (NotificationStatus.PENDING.value, NotificationStatus.SENDING.value)
NEEDS_ATTENTION = (*OPEN, NotificationStatus.FAILED.value)


@dataclass(frozen=True)
class OutboxRow:
    uid: str
    kind: Kind
    channel: Channel
    status: NotificationStatus
    attempts: int
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    pickup_code: str
    courier: str
    phone_masked: str
    text: str


def recent(session: Session, *, limit: int = 200, open_only: bool = False) -> list[OutboxRow]:
    """Newest first; ``open_only`` keeps what still needs doing (waiting or failed)."""
    query = select(Notification, Parcel).join(Parcel, Parcel.uid == Notification.parcel_uid)
    if open_only:
        query = query.where(Notification.status.in_(NEEDS_ATTENTION))
    query = query.order_by(Notification.id.desc()).limit(limit)
    return [_row(message, parcel) for message, parcel in session.execute(query)]


def _row(message: Notification, parcel: Parcel) -> OutboxRow:
    return OutboxRow(
        uid=message.uid,
        kind=Kind(message.kind),
        channel=Channel(message.channel),
        status=NotificationStatus(message.status),
        attempts=message.attempts,
        last_error=message.last_error,
        created_at=message.created_at,
        next_attempt_at=message.next_attempt_at,
        sent_at=message.sent_at,
        pickup_code=parcel.pickup_code,
        courier=parcel.courier,
        phone_masked=mask(parcel.phone, parcel.phone_tail, parcel.extension),
        text=message.text,
    )


@dataclass(frozen=True)
class OutboxSummary:
    """Messages still to go per channel (waiting or in flight), and those given up on."""

    waiting: dict[Channel, int]
    failed: int

    @property
    def waiting_total(self) -> int:
        return sum(self.waiting.values())


def summary(session: Session) -> OutboxSummary:
    query = (
        select(Notification.channel, Notification.status, func.count())
        .where(Notification.status.in_(NEEDS_ATTENTION))
        .group_by(Notification.channel, Notification.status)
    )
    waiting = dict.fromkeys(Channel, 0)
    failed = 0
    for channel, status, count in session.execute(query):
        if status == NotificationStatus.FAILED.value:
            failed += count
        else:
            waiting[Channel(channel)] += count
    return OutboxSummary(waiting, failed)
