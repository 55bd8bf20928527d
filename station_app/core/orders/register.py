"""Taking an agent order at the counter (代购登记), with the deposit paid now.

Everything is checked before anything is written; then ONE transaction holds the order,
its items and ``order.registered`` (whose deposit the cash book takes as money in). The
villager's name and phone stay in the order row; the entry carries the goods and money.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.order_models import AgentOrder, AgentOrderItem, OrderStatus
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.orders import arrival, views
from station_app.core.orders.common import check_tracking_free
from station_app.core.orders.forms import CheckedOrder, OrderForm, OrderInputError, check
from station_app.core.orders.views import OrderView
from station_app.core.parcels.phones import parse_phone


def register(session: Session, clock: Clock, *, actor: OperatorInfo, form: OrderForm) -> OrderView:
    checked = check(form)
    if checked.tracking_number is not None:
        tracking = checked.tracking_number
        try:
            check_tracking_free(session, tracking, None)
        except ValidationError as error:
            raise OrderInputError("tracking_number", error) from error
    now = clock.now()
    order_uid = str(uuid.uuid4())
    number = _next_number(session, business_day(now).strftime("%Y%m%d"))
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="order.registered",
        payload=_payload(order_uid, number, checked),
    )
    phone = parse_phone(checked.customer_phone)
    row = AgentOrder(
        uid=order_uid,
        number=number,
        customer_name=checked.customer_name,
        customer_phone=checked.customer_phone,
        phone_tail=phone.search_key if phone else None,
        status=OrderStatus.REGISTERED.value,
        items_total_fen=checked.items_total.fen,
        service_fee_fen=checked.service_fee.fen,
        deposit_fen=checked.deposit.fen,
        deposit_method=checked.method,
        settled_fen=0,
        refunded_fen=0,
        tracking_number=checked.tracking_number,
        registered_at=now,
        registered_by=actor.login,
        registered_entry=entry.entry_id,
        changed_at=now,
        changed_by=actor.login,
    )
    session.add(row)
    session.flush()
    _add_items(session, row.id, checked)
    arrival.arrive_if_on_shelf(session, clock, actor=actor, row=row)
    return views.order(session, order_uid)


def _payload(order_uid: str, number: str, checked: CheckedOrder) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "order": order_uid,
        "number": number,
        "items": [
            {
                "description": item.description,
                "platform": item.platform.value,
                "quantity": item.quantity,
                "unit_price_fen": item.unit_price.fen,
            }
            for item in checked.items
        ],
        "items_total_fen": checked.items_total.fen,
        "service_fee_fen": checked.service_fee.fen,
        "amount_fen": checked.deposit.fen,
    }
    if checked.method is not None:
        payload["method"] = checked.method
    if checked.tracking_number is not None:
        payload["tracking_number"] = checked.tracking_number
    return payload


def _add_items(session: Session, order_id: int, checked: CheckedOrder) -> None:
    session.add_all(
        AgentOrderItem(
            order_id=order_id,
            position=position,
            description=item.description,
            platform=item.platform.value,
            quantity=item.quantity,
            unit_price_fen=item.unit_price.fen,
        )
        for position, item in enumerate(checked.items)
    )
    session.flush()


def _next_number(session: Session, day: str) -> str:
    """DG20261123-001: orders are never deleted, so the day's count gives the next."""
    prefix = f"DG{day}-"
    count = session.scalar(
        select(func.count()).select_from(AgentOrder).where(AgentOrder.number.startswith(prefix))
    )
    return f"{prefix}{(count or 0) + 1:03d}"
