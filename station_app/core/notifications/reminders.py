"""The keeper's "再次通知" on overdue parcels (滞留件): a reminder each, once a day.

A villager who has not come after days is reminded by the keeper, who picks parcels on
the overdue list (or takes all). Each parcel gets at most one reminder per business
day (``outbox.queue_reminder``'s rule), so a second press the same day is refused per
parcel and said so, never sent twice. All reminders of one press are one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.clock import Clock
from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.notifications import gateway_config, outbox


@dataclass(frozen=True)
class ReminderReport:
    """Pickup codes by what happened to them, for a one-line answer to the keeper."""

    queued: tuple[str, ...] = ()
    already_today: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()


def remind(session: Session, clock: Clock, parcel_uids: Iterable[str]) -> ReminderReport:
    """Queue a reminder for each parcel still on the shelf and not reminded today,
    through the station's channel (a parcel with no full number goes on the list)."""
    channel = gateway_config.channel(session)
    queued: list[str] = []
    already: list[str] = []
    gone: list[str] = []
    for uid in dict.fromkeys(parcel_uids):  # each parcel once, in the keeper's order
        parcel = session.scalar(select(Parcel).where(Parcel.uid == uid))
        if parcel is None or parcel.status != ParcelStatus.ON_SHELF.value:
            gone.append(parcel.pickup_code if parcel is not None else uid)
            continue
        if outbox.reminded_today(session, clock, uid) is not None:
            already.append(parcel.pickup_code)
            continue
        outbox.queue_reminder(session, clock, uid, channel)
        queued.append(parcel.pickup_code)
    return ReminderReport(tuple(queued), tuple(already), tuple(gone))
