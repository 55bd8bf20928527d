"""Replaying parcel, shipment and stocktake entries onto the state tables.

Each handler does to the state what the action that wrote the entry did, and nothing
more: no ledger entry (the entry is imported as it is), no notice queued (a notice
about an old arrival or a changed code was the other install's to send, and a
rebuilt parcel has no phone to send it to). Timestamps come from the entry's
``occurred_at`` and operators from its ``operator``. See :mod:`station_app.core.replay`
for the table of what cannot be rebuilt.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.db.shipment_models import Shipment, ShipmentStatus
from station_app.core.db.stocktake_models import Stocktake, StocktakeStatus
from station_app.core.notifications import outbox
from station_app.core.parcels.shelves import PICKUP_CODE
from station_app.core.parcels.stocktake import SEPARATOR
from station_app.core.replay_base import PLACEHOLDER, Entry, Handler


def _parcel(session: Session, uid: str) -> Parcel | None:
    return session.scalar(select(Parcel).where(Parcel.uid == uid))


def _place(code: str) -> tuple[str, int, int]:
    """(shelf, tier, serial) of a ``shelf-tier-serial`` pickup code: the code says where
    the parcel is, so the ledger's code is enough to put it back on its shelf."""
    match = PICKUP_CODE.match(code)
    if match is None:  # not the national convention (an older or foreign code)
        return PLACEHOLDER, 1, 0
    return match.group(1), int(match.group(2)), int(match.group(3))


def checked_in(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if _parcel(session, payload["parcel"]) is not None:
        return
    shelf, tier, serial = _place(payload["pickup_code"])
    session.add(
        Parcel(
            uid=payload["parcel"],
            tracking_number=payload["tracking_number"],
            courier=payload["courier"],
            status=ParcelStatus.ON_SHELF.value,
            pickup_code=payload["pickup_code"],
            shelf=shelf,
            tier=tier,
            serial=serial,
            code_day=entry.business_day,
            phone=None,  # never on the ledger: the parcel shows no phone, gets no notice
            phone_tail=None,
            extension=None,
            recipient_name=None,
            consent=payload.get("consent"),
            checked_in_at=entry.occurred_at,
            checked_in_by=entry.operator,
            checked_in_entry=entry.entry_id,
        )
    )
    session.flush()  # a later entry of the same page may change it


def picked_up(session: Session, entry: Entry) -> None:
    """The hand-over photo's file, if any, stayed on the other install: only its hash is
    on the ledger, so no ``pickup_photos`` row is made."""
    row = _parcel(session, entry.payload["parcel"])
    if row is None:
        return
    row.status = ParcelStatus.PICKED_UP.value
    row.picked_up_at = entry.occurred_at
    row.picked_up_by = entry.operator
    outbox.cancel_for_parcel(session, row.uid)


def courier_corrected(session: Session, entry: Entry) -> None:
    row = _parcel(session, entry.payload["parcel"])
    if row is not None:
        row.courier = entry.payload["courier"]


def returned(session: Session, entry: Entry) -> None:
    row = _parcel(session, entry.payload["parcel"])
    if row is None:
        return
    row.status = ParcelStatus.RETURNED.value
    outbox.cancel_for_parcel(session, row.uid)


def lost(session: Session, entry: Entry) -> None:
    row = _parcel(session, entry.payload["parcel"])
    if row is None:
        return
    row.status = ParcelStatus.LOST.value
    outbox.cancel_for_parcel(session, row.uid)


def relocated(session: Session, entry: Entry) -> None:
    """The new code and place as the stocktake gave them; the reminder with the new code
    that the stocktake queued is not queued again (it was sent, or it is stale)."""
    row = _parcel(session, entry.payload["parcel"])
    if row is None:
        return
    code = entry.payload["pickup_code"]
    row.shelf, row.tier, row.serial = _place(code)
    row.pickup_code, row.code_day = code, entry.business_day
    outbox.cancel_for_parcel(session, row.uid)
    session.flush()


def shipment_accepted(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if session.scalar(select(Shipment.id).where(Shipment.uid == payload["shipment"])):
        return
    session.add(
        Shipment(
            uid=payload["shipment"],
            courier=payload["courier"],
            province=payload["province"],
            city=payload["city"],
            address=PLACEHOLDER,
            recipient_name=PLACEHOLDER,
            recipient_phone=PLACEHOLDER,
            sender_name=PLACEHOLDER,
            sender_phone=PLACEHOLDER,
            weight_g=payload["weight_g"],
            billable_g=payload["billable_g"],
            fee_fen=payload["fee_fen"],
            payment_method=payload["payment_method"],
            status=ShipmentStatus.ACCEPTED.value,
            accepted_at=entry.occurred_at,
            accepted_by=entry.operator,
            accepted_entry=entry.entry_id,
        )
    )
    session.flush()


def _shipment(session: Session, uid: str) -> Shipment | None:
    return session.scalar(select(Shipment).where(Shipment.uid == uid))


def shipment_collected(session: Session, entry: Entry) -> None:
    row = _shipment(session, entry.payload["shipment"])
    if row is None:
        return
    row.status = ShipmentStatus.COLLECTED.value
    row.courier_tracking_number = entry.payload["courier_tracking_number"]
    row.collected_at, row.collected_by = entry.occurred_at, entry.operator
    session.flush()


def shipment_cancelled(session: Session, entry: Entry) -> None:
    row = _shipment(session, entry.payload["shipment"])
    if row is None:
        return
    row.status = ShipmentStatus.CANCELLED.value
    row.cancelled_at, row.cancelled_by = entry.occurred_at, entry.operator
    row.cancel_reason = entry.payload["reason"]


def stocktake_started(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if session.scalar(select(Stocktake.id).where(Stocktake.uid == payload["stocktake"])):
        return
    session.add(
        Stocktake(
            uid=payload["stocktake"],
            status=StocktakeStatus.OPEN.value,
            shelves=SEPARATOR.join(payload["shelves"]),
            expected=payload["expected"],
            started_at=entry.occurred_at,
            started_by=entry.operator,
            started_seq=entry.seq,
        )
    )
    session.flush()


def stocktake_finished(session: Session, entry: Entry) -> None:
    """The count closes; its scans (``stocktake_items``) were never on the ledger, so a
    rebuilt count has its outcome (this entry's counts) but no per-parcel list."""
    row = session.scalar(select(Stocktake).where(Stocktake.uid == entry.payload["stocktake"]))
    if row is None:
        return
    row.status = StocktakeStatus.FINISHED.value
    row.finished_at, row.finished_by = entry.occurred_at, entry.operator
    session.flush()


def nothing(session: Session, entry: Entry) -> None:
    """An entry that records a decision but changed no state table the ledger can rebuild
    (a re-shelved parcel keeps its code and place; only the stocktake's scan row, which
    is not rebuilt, was marked)."""
    del session, entry


HANDLERS: dict[str, Handler] = {
    "parcel.checked_in": checked_in,
    "parcel.picked_up": picked_up,
    "parcel.courier_corrected": courier_corrected,
    "parcel.returned": returned,
    "shipment.accepted": shipment_accepted,
    "shipment.collected": shipment_collected,
    "shipment.cancelled": shipment_cancelled,
    "stocktake.started": stocktake_started,
    "stocktake.finished": stocktake_finished,
    "stocktake.parcel_reshelved": nothing,
    "parcel.lost": lost,
    "parcel.relocated": relocated,
}
