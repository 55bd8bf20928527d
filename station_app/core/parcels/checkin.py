"""Check-in (入库): one scan puts a parcel on record, on a shelf, with a pickup code.

A second scan of a parcel still on the shelf creates nothing and says where it is; a
parcel that already left (handed over or returned) is flagged, and checked in again
only when the keeper says so. Each check-in is one transaction with its ledger entry.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.db.notification_models import Channel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.notifications import outbox
from station_app.core.operators import OperatorInfo
from station_app.core.orders.arrival import ArrivedOrder, on_parcel_checked_in
from station_app.core.parcels.phones import parse_phone
from station_app.core.parcels.shelves import allocate
from station_app.core.parcels.views import ParcelView


class Outcome(enum.StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY_ON_SHELF = "already_on_shelf"
    SEEN_BEFORE = "seen_before"


@dataclass(frozen=True)
class CheckInResult:
    outcome: Outcome
    parcel: ParcelView
    order: ArrivedOrder | None = None
    """The agent order (代购) this parcel brought the goods of, now 已到站."""


@dataclass(frozen=True)
class Arrival:
    """What the keeper knows of one scanned parcel."""

    tracking_number: str
    courier: str
    shelf: str
    tier: int
    phone: str = ""
    recipient_name: str = ""
    consent: bool | None = None


def check_in(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    arrival: Arrival,
    again: bool = False,
    notify: Channel | None = Channel.SMS,
) -> CheckInResult:
    """Put one parcel on the shelf, or say why not; ``again`` re-admits a parcel that left.

    The arrival notice is queued in the same transaction (``notify`` None: no notice), and
    sent later by the background dispatcher: check-in never waits for the network.
    """
    tracking = arrival.tracking_number.strip().upper()
    if len(tracking) < 8:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太短，可能没扫完整：{text}"), text=tracking
        )
    earlier = _latest_status(session, tracking)
    if earlier is not None and earlier[1] == ParcelStatus.ON_SHELF.value:
        return CheckInResult(Outcome.ALREADY_ON_SHELF, _view(session, earlier[0]))
    if earlier is not None and not again:
        return CheckInResult(Outcome.SEEN_BEFORE, _view(session, earlier[0]))
    phone = parse_phone(arrival.phone)
    name = " ".join(arrival.recipient_name.split())[:40] or None
    now = clock.now()
    code, serial = allocate(session, arrival.shelf, arrival.tier, business_day(now))
    parcel_uid = str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="parcel.checked_in",
        payload={
            "parcel": parcel_uid,
            "tracking_number": tracking,
            "courier": arrival.courier,
            "pickup_code": code,
            "consent": arrival.consent,
        },
    )
    values = {
        "uid": parcel_uid,
        "tracking_number": tracking,
        "courier": arrival.courier,
        "status": ParcelStatus.ON_SHELF.value,
        "pickup_code": code,
        "shelf": arrival.shelf,
        "tier": arrival.tier,
        "serial": serial,
        "code_day": business_day(now).isoformat(),
        "phone": phone.number if phone else None,
        "phone_tail": phone.search_key if phone else None,
        "extension": phone.extension if phone else None,
        "recipient_name": name,
        "consent": arrival.consent,
        "checked_in_at": now,
        "checked_in_by": actor.login,
        "checked_in_entry": entry.entry_id,
    }
    # A plain INSERT: the unit of work's bookkeeping costs more than the write itself here.
    session.execute(insert(Parcel).values(**values))
    row = Parcel(**values)  # transient, only to build the view
    if notify is not None:
        outbox.queue_arrival_of_new(session, clock, row, channel=notify)
    order = on_parcel_checked_in(
        session, clock, actor=actor, tracking_number=tracking, parcel_uid=parcel_uid
    )
    return CheckInResult(Outcome.CHECKED_IN, ParcelView.of(row), order)


def _latest_status(session: Session, tracking: str) -> tuple[int, str] | None:
    """The newest parcel with this number, as (id, status): the common answer is "none",
    so the whole row is loaded only when there is one."""
    row = session.execute(
        select(Parcel.id, Parcel.status)
        .where(Parcel.tracking_number == tracking)
        .order_by(Parcel.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def _view(session: Session, parcel_id: int) -> ParcelView:
    row = session.get(Parcel, parcel_id)
    assert row is not None
    return ParcelView.of(row)
