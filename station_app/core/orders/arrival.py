"""An order's goods reach the station: matched at check-in, found already on the shelf,
or marked by the keeper.

Check-in is the hot path (hundreds of scans an hour), so it pays one lookup through
the partial index of orders still waiting for a tracking number, over the
transaction's own DB-API connection; the common answer, "no order", costs
microseconds. Only a match loads the order and appends ``order.arrived``, in the
check-in's own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.db.order_models import AWAITING_SQL, AgentOrder, OrderStatus
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.orders.common import balance_due
from station_app.core.parcels.sending import mask_name

_AWAITING = f"SELECT id FROM agent_orders WHERE tracking_number = ? AND {AWAITING_SQL}"


@dataclass(frozen=True)
class ArrivedOrder:
    """What the keeper is told at check-in: which order, whose, and what to collect."""

    uid: str
    number: str
    customer_name: str
    balance_due: Fen


def on_parcel_checked_in(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    tracking_number: str,
    parcel_uid: str,
) -> ArrivedOrder | None:
    """Move the order expecting ``tracking_number`` to 已到站, if there is one."""
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None
    found = dbapi.execute(_AWAITING, (tracking_number,)).fetchone()
    if found is None:
        return None
    row = session.get(AgentOrder, found[0])
    assert row is not None
    arrive(session, clock, actor=actor, row=row, parcel_uid=parcel_uid)
    return ArrivedOrder(row.uid, row.number, mask_name(row.customer_name), balance_due(row))


def arrive_if_on_shelf(
    session: Session, clock: Clock, *, actor: OperatorInfo, row: AgentOrder
) -> bool:
    """The tracking number was typed after its parcel was checked in: it has arrived."""
    if row.tracking_number is None:
        return False
    parcel_uid = session.scalar(
        select(Parcel.uid).where(
            Parcel.tracking_number == row.tracking_number,
            Parcel.status == ParcelStatus.ON_SHELF.value,
        )
    )
    if parcel_uid is None:
        return False
    taken = session.scalar(select(AgentOrder.id).where(AgentOrder.parcel_uid == parcel_uid))
    if taken is not None:  # that parcel already brought another order's goods
        return False
    arrive(session, clock, actor=actor, row=row, parcel_uid=parcel_uid)
    return True


def arrive(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    row: AgentOrder,
    parcel_uid: str | None,
) -> None:
    row.status = OrderStatus.ARRIVED.value
    row.parcel_uid = parcel_uid
    row.changed_at = clock.now()
    row.changed_by = actor.login
    payload = {"order": row.uid}
    if parcel_uid is not None:  # left out, not null, when the keeper marked it by hand
        payload["parcel"] = parcel_uid
    ledger.append(session, clock, operator=actor.login, event_type="order.arrived", payload=payload)
