"""Replaying agent-order entries onto the state tables.

Each handler does to the order what the action that wrote the entry did, and nothing
more: the entry is imported as it is, and its money is booked by the replay like every
entry (``cash.projection``). The villager's name and phone were never on the ledger: a
rebuilt order shows the placeholder name, has no phone, and so belongs to no villager's
balance (the keeper can still find it by number, tracking number or platform order
number). Delivering does not hand over a parcel here: the parcel's own
``parcel.picked_up`` entry does that.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.db.order_models import AgentOrder, AgentOrderItem, OrderStatus
from station_app.core.replay_base import PLACEHOLDER, Entry, Handler


def _order(session: Session, uid: str) -> AgentOrder | None:
    return session.scalar(select(AgentOrder).where(AgentOrder.uid == uid))


def _moved(row: AgentOrder, status: OrderStatus, entry: Entry) -> None:
    row.status = status.value
    row.changed_at, row.changed_by = entry.occurred_at, entry.operator


def registered(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if _order(session, payload["order"]) is not None:
        return
    row = AgentOrder(
        uid=payload["order"],
        number=payload["number"],
        customer_name=PLACEHOLDER,
        customer_phone=None,
        phone_tail=None,
        status=OrderStatus.REGISTERED.value,
        items_total_fen=payload["items_total_fen"],
        service_fee_fen=payload["service_fee_fen"],
        deposit_fen=payload["amount_fen"],
        deposit_method=payload.get("method"),
        settled_fen=0,
        refunded_fen=0,
        tracking_number=payload.get("tracking_number"),
        registered_at=entry.occurred_at,
        registered_by=entry.operator,
        registered_entry=entry.entry_id,
        changed_at=entry.occurred_at,
        changed_by=entry.operator,
    )
    session.add(row)
    session.flush()
    session.add_all(
        AgentOrderItem(
            order_id=row.id,
            position=position,
            description=item["description"],
            platform=item["platform"],
            quantity=item["quantity"],
            unit_price_fen=item["unit_price_fen"],
        )
        for position, item in enumerate(payload["items"])
    )
    session.flush()


def placed(session: Session, entry: Entry) -> None:
    row = _order(session, entry.payload["order"])
    if row is None:
        return
    _moved(row, OrderStatus.PLACED, entry)
    row.platform_order_number = entry.payload["platform_order_number"]
    row.tracking_number = entry.payload.get("tracking_number", row.tracking_number)
    session.flush()


def shipped(session: Session, entry: Entry) -> None:
    row = _order(session, entry.payload["order"])
    if row is None:
        return
    _moved(row, OrderStatus.SHIPPED, entry)
    row.tracking_number = entry.payload.get("tracking_number", row.tracking_number)
    session.flush()


def arrived(session: Session, entry: Entry) -> None:
    row = _order(session, entry.payload["order"])
    if row is None:
        return
    _moved(row, OrderStatus.ARRIVED, entry)
    row.parcel_uid = entry.payload.get("parcel")
    session.flush()


def delivered(session: Session, entry: Entry) -> None:
    row = _order(session, entry.payload["order"])
    if row is None:
        return
    _moved(row, OrderStatus.DELIVERED, entry)
    row.settled_fen = entry.payload["amount_fen"]
    row.settled_method = entry.payload.get("method")


def _given_up(session: Session, entry: Entry, status: OrderStatus) -> None:
    row = _order(session, entry.payload["order"])
    if row is None:
        return
    _moved(row, status, entry)
    row.reason = entry.payload["reason"]
    row.refunded_fen = entry.payload["amount_fen"]
    row.refund_method = entry.payload.get("method")
    session.flush()


def cancelled(session: Session, entry: Entry) -> None:
    _given_up(session, entry, OrderStatus.CANCELLED)


def refunded(session: Session, entry: Entry) -> None:
    _given_up(session, entry, OrderStatus.REFUNDED)


HANDLERS: dict[str, Handler] = {
    "order.registered": registered,
    "order.placed": placed,
    "order.shipped": shipped,
    "order.arrived": arrived,
    "order.delivered": delivered,
    "order.cancelled": cancelled,
    "order.refunded": refunded,
}
