"""The outbox: notices queued with the action that causes them, sent later, retried.

A notice is written in the same transaction as the check-in (or the overdue sweep), so
a check-in that fails leaves no message behind and one that commits cannot lose its
message. Sending happens outside any transaction (see ``dispatch``): a slow gateway
must never hold the write lock the counter needs. Rows go ``pending`` → ``sending``
(claimed) → ``sent``, or back to ``pending`` with a back-off, or ``failed`` for good;
``cancelled`` when the parcel left before its notice went out. A row left
``sending`` by an app killed mid-send goes back to ``pending`` at start-up, so a
notice is sent at least once (rarely twice), never silently dropped.
"""

from __future__ import annotations

import random as _random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from station_app.core import preferences
from station_app.core.clock import Clock, business_day
from station_app.core.db.models import Parcel, ParcelStatus, Station
from station_app.core.db.notification_models import (
    Channel,
    Kind,
    Notification,
    NotificationStatus,
)
from station_app.core.errors import QT_TRANSLATE_NOOP, BugError
from station_app.core.notifications.compose import arrival_text, reminder_text
from station_app.core.parcels.phones import mask
from station_app.core.store import Store

PENDING = NotificationStatus.PENDING.value
SENDING = NotificationStatus.SENDING.value

BASE_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(minutes=30)
JITTER = 0.2
"""Each delay is spread ±20 %, so stations that came back online together do not all
hit the gateway in the same second."""
MAX_ATTEMPTS = 5
"""A gateway that answers and refuses this many times will not change its mind."""
MAX_ATTEMPTS_UNREACHABLE = 60
"""Being offline is normal in a village: about a day of tries (30-minute cap) first."""

NO_FULL_NUMBER = QT_TRANSLATE_NOOP("core", "没有完整的手机号，不能发短信")
LAST_ERROR_CHARS = 200

Random = Callable[[], float]


@dataclass(frozen=True)
class NotificationView:
    """A message as screens show it (its status, tries and last problem)."""

    uid: str
    parcel_uid: str
    kind: Kind
    channel: Channel
    text: str
    status: NotificationStatus
    attempts: int
    last_error: str | None
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None

    @classmethod
    def of(cls, row: Notification) -> NotificationView:
        return cls(
            uid=row.uid,
            parcel_uid=row.parcel_uid,
            kind=Kind(row.kind),
            channel=Channel(row.channel),
            text=row.text,
            status=NotificationStatus(row.status),
            attempts=row.attempts,
            last_error=row.last_error,
            next_attempt_at=row.next_attempt_at,
            created_at=row.created_at,
            sent_at=row.sent_at,
        )


@dataclass(frozen=True)
class Claimed:
    """A message taken for sending, with what the sender needs of its parcel.

    ``phone`` is the full number, filled only for SMS (a printed list or a clipboard
    never needs it); it is kept out of ``repr`` so it cannot reach a log by accident.
    """

    uid: str
    parcel_uid: str
    channel: Channel
    text: str
    attempts: int
    pickup_code: str
    courier: str
    phone_masked: str
    phone: str | None = field(default=None, repr=False)


def sms_possible(parcel: Parcel) -> bool:
    """A full mobile number, not a virtual one (an extension cannot be texted)."""
    return parcel.phone is not None and parcel.extension is None


def queue_arrival(
    session: Session, clock: Clock, parcel_uid: str, channel: Channel = Channel.SMS
) -> NotificationView:
    """Queue the arrival notice, inside the check-in transaction.

    ``channel`` is how the station notifies; a parcel with no full number to text is
    put on the printed list instead. Queuing twice for a parcel returns the first.
    """
    parcel = _parcel(session, parcel_uid)
    existing = _latest(session, parcel_uid, Kind.ARRIVAL, open_only=False)
    if existing is not None:
        return NotificationView.of(existing)
    name, hours = _station_words(session)
    text = arrival_text(name, parcel.pickup_code, hours)
    return _queue(
        session, clock, parcel, kind=Kind.ARRIVAL, channel=_channel_for(parcel, channel), text=text
    )


def queue_arrival_of_new(
    session: Session, clock: Clock, parcel: Parcel, channel: Channel = Channel.SMS
) -> None:
    """The check-in's own way to queue the arrival notice: the parcel was inserted in
    this very transaction, so it has no notice yet and its values are in hand. Skipping
    the look-ups :func:`queue_arrival` needs saves two queries on every scan."""
    name, hours = _station_words(session)
    now = clock.now()
    session.execute(
        insert(Notification).values(
            uid=str(uuid.uuid4()),
            parcel_uid=parcel.uid,
            kind=Kind.ARRIVAL.value,
            channel=_channel_for(parcel, channel).value,
            text=arrival_text(name, parcel.pickup_code, hours),
            status=PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )


def queue_reminder(
    session: Session, clock: Clock, parcel_uid: str, channel: Channel = Channel.SMS
) -> NotificationView | None:
    """Queue a reminder for a parcel still on the shelf (None once it has left).

    One reminder waits at a time, and at most one is queued per business day: a sweep
    run twice, or a keeper pressing "再次通知" again, does not text the villager twice
    (an unwanted second SMS reads as spam and costs the station). The existing
    reminder is returned instead.
    """
    parcel = _parcel(session, parcel_uid)
    if parcel.status != ParcelStatus.ON_SHELF.value:
        return None
    waiting = _latest(session, parcel_uid, Kind.REMINDER, open_only=True)
    if waiting is not None:
        return NotificationView.of(waiting)
    today = reminded_today(session, clock, parcel_uid)
    if today is not None:
        return today
    name, hours = _station_words(session)
    now = clock.now()
    days = max(1, (business_day(now) - business_day(parcel.checked_in_at)).days)
    text = reminder_text(name, parcel.pickup_code, hours, days)
    return _queue(
        session, clock, parcel, kind=Kind.REMINDER, channel=_channel_for(parcel, channel), text=text
    )


def reminded_today(session: Session, clock: Clock, parcel_uid: str) -> NotificationView | None:
    """The reminder queued for this parcel on today's business day, if any (one that was
    cancelled does not count: the parcel left meanwhile)."""
    latest = session.scalar(
        select(Notification)
        .where(
            Notification.parcel_uid == parcel_uid,
            Notification.kind == Kind.REMINDER.value,
            Notification.status != NotificationStatus.CANCELLED.value,
        )
        .order_by(Notification.id.desc())
        .limit(1)
    )
    if latest is None or business_day(latest.created_at) != business_day(clock.now()):
        return None
    return NotificationView.of(latest)


def _queue(
    session: Session, clock: Clock, parcel: Parcel, *, kind: Kind, channel: Channel, text: str
) -> NotificationView:
    now = clock.now()
    row = Notification(
        uid=str(uuid.uuid4()),
        parcel_uid=parcel.uid,
        kind=kind.value,
        channel=channel.value,
        text=text,
        status=PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return NotificationView.of(row)


def _channel_for(parcel: Parcel, wanted: Channel) -> Channel:
    if wanted is Channel.SMS and not sms_possible(parcel):
        return Channel.PRINT
    return wanted


def _parcel(session: Session, parcel_uid: str) -> Parcel:
    parcel = session.scalar(select(Parcel).where(Parcel.uid == parcel_uid))
    if parcel is None:
        raise BugError(f"notice for an unknown parcel {parcel_uid}")
    return parcel


def _latest(
    session: Session, parcel_uid: str, kind: Kind, *, open_only: bool
) -> Notification | None:
    query = select(Notification).where(
        Notification.parcel_uid == parcel_uid, Notification.kind == kind.value
    )
    if open_only:
        query = query.where(Notification.status.in_((PENDING, SENDING)))
    return session.scalar(query.order_by(Notification.id.desc()).limit(1))


def _station_words(session: Session) -> tuple[str, str]:
    name = session.scalar(select(Station.name))
    if name is None:
        raise BugError("notice before the station exists")
    return name, preferences.get(session, preferences.OPENING_HOURS)


def due(
    session: Session, now: datetime, limit: int, channel: Channel | None = None
) -> list[NotificationView]:
    """Pending messages whose time has come, oldest first."""
    query = select(Notification).where(
        Notification.status == PENDING, Notification.next_attempt_at <= now
    )
    if channel is not None:
        query = query.where(Notification.channel == channel.value)
    query = query.order_by(Notification.next_attempt_at, Notification.id).limit(limit)
    return [NotificationView.of(row) for row in session.scalars(query)]


def claim(store: Store, clock: Clock, channel: Channel, limit: int) -> list[Claimed]:
    """Take due messages of one channel for sending, in one short transaction.

    Marked ``sending`` (and counted as an attempt) before anything leaves, so two
    dispatchers never take the same row. A message whose parcel has already left is
    cancelled here, and an SMS with no number to send to fails at once.
    """
    now = clock.now()
    taken: list[Claimed] = []
    with store.writing() as session:
        query = (
            select(Notification, Parcel)
            .join(Parcel, Parcel.uid == Notification.parcel_uid)
            .where(
                Notification.status == PENDING,
                Notification.channel == channel.value,
                Notification.next_attempt_at <= now,
            )
            .order_by(Notification.next_attempt_at, Notification.id)
            .limit(limit)
        )
        for row, parcel in session.execute(query).all():
            claimed = _claim_one(row, parcel, channel)
            if claimed is not None:
                taken.append(claimed)
    return taken


def _claim_one(row: Notification, parcel: Parcel, channel: Channel) -> Claimed | None:
    if parcel.status != ParcelStatus.ON_SHELF.value:
        row.status = NotificationStatus.CANCELLED.value
        return None
    if channel is Channel.SMS and not sms_possible(parcel):
        row.status = NotificationStatus.FAILED.value
        row.last_error = NO_FULL_NUMBER
        return None
    row.status = SENDING
    row.attempts += 1
    return Claimed(
        uid=row.uid,
        parcel_uid=row.parcel_uid,
        channel=channel,
        text=row.text,
        attempts=row.attempts,
        pickup_code=parcel.pickup_code,
        courier=parcel.courier,
        phone_masked=mask(parcel.phone, parcel.phone_tail, parcel.extension),
        phone=parcel.phone if channel is Channel.SMS else None,
    )


def mark_sent(store: Store, clock: Clock, uid: str) -> NotificationStatus:
    """Record a delivery the sender confirmed; returns the row's status afterwards."""
    with store.writing() as session:
        row = _by_uid(session, uid)
        if row.status == SENDING:
            row.status = NotificationStatus.SENT.value
            row.sent_at = clock.now()
            row.last_error = None
        return NotificationStatus(row.status)


def mark_failed(
    store: Store,
    clock: Clock,
    uid: str,
    reason: str,
    *,
    reached: bool,
    random: Random = _random.random,
) -> NotificationStatus:
    """Record a failed try: back to ``pending`` after a back-off, or ``failed`` for good.

    ``reached`` says the gateway answered and refused (wrong key, no credit, bad
    number): that gives up after ``MAX_ATTEMPTS``. Not reaching it (offline, timeout,
    captive portal) is the village norm and is retried far longer.
    """
    with store.writing() as session:
        row = _by_uid(session, uid)
        if row.status != SENDING:
            return NotificationStatus(row.status)
        row.last_error = scrub_phones(reason)[:LAST_ERROR_CHARS]
        limit = MAX_ATTEMPTS if reached else MAX_ATTEMPTS_UNREACHABLE
        if row.attempts >= limit:
            row.status = NotificationStatus.FAILED.value
        else:
            row.status = PENDING
            row.next_attempt_at = clock.now() + backoff_delay(row.attempts, random)
        return NotificationStatus(row.status)


def backoff_delay(attempts: int, random: Random = _random.random) -> timedelta:
    """Exponential back-off after the ``attempts``-th try, capped, with jitter."""
    exponent = min(max(attempts - 1, 0), 16)
    delay = min(BASE_DELAY * (1 << exponent), MAX_DELAY)
    return delay * (1 - JITTER + 2 * JITTER * random())


def retry(session: Session, clock: Clock, uid: str) -> NotificationView:
    """The keeper's "send again" on a failed message (after fixing the gateway)."""
    row = _by_uid(session, uid)
    if row.status == NotificationStatus.FAILED.value:
        row.status = PENDING
        row.attempts = 0
        row.next_attempt_at = clock.now()
    return NotificationView.of(row)


def reset_interrupted(store: Store) -> int:
    """At start-up: messages left ``sending`` by a killed app go back to ``pending``."""
    with store.writing() as session:
        result = session.execute(
            update(Notification)
            .where(Notification.status == SENDING)
            .values(status=PENDING)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def cancel_for_parcel(session: Session, parcel_uid: str) -> int:
    """In the pickup (or return) transaction: notices not yet out are no longer needed.

    A message already ``sending`` is left alone: it may be on its way.
    """
    result = session.execute(
        update(Notification)
        .where(
            Notification.parcel_uid == parcel_uid,
            Notification.status.in_((PENDING, NotificationStatus.FAILED.value)),
        )
        .values(status=NotificationStatus.CANCELLED.value)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def status_counts(
    session: Session, channel: Channel | None = None
) -> dict[NotificationStatus, int]:
    """How many messages are in each state, for the status bar (every state listed)."""
    query = select(Notification.status, func.count()).group_by(Notification.status)
    if channel is not None:
        query = query.where(Notification.channel == channel.value)
    counts = dict.fromkeys(NotificationStatus, 0)
    for status, count in session.execute(query):
        counts[NotificationStatus(status)] = count
    return counts


def for_parcel(session: Session, parcel_uid: str) -> list[NotificationView]:
    """A parcel's notices, oldest first: what its detail view shows."""
    query = (
        select(Notification).where(Notification.parcel_uid == parcel_uid).order_by(Notification.id)
    )
    return [NotificationView.of(row) for row in session.scalars(query)]


def _by_uid(session: Session, uid: str) -> Notification:
    row = session.scalar(select(Notification).where(Notification.uid == uid))
    if row is None:
        raise BugError(f"no notification {uid}")
    return row


_MOBILE_RUN = re.compile(r"(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)")


def scrub_phones(text: str) -> str:
    """Mask anything shaped like a mobile number (a gateway may echo it in an error)."""
    return _MOBILE_RUN.sub(r"\1****\2", text)
