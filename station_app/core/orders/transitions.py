"""An order's later steps: placed on the platform, shipped, at the station, handed over
with the balance settled, or given up (cancelled before delivery, refunded after).

Each is one transaction: the state check and the amounts first, then the row and its
entry. A step from the wrong state is refused saying where the order stands; money
going back (取消, 退款) is a keeper's decision, never more than was paid.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.db.order_models import AgentOrder, OrderStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.orders import arrival, views
from station_app.core.orders.common import (
    ACTION_ARRIVE,
    ACTION_CANCEL,
    ACTION_DELIVER,
    ACTION_PLACE,
    ACTION_REFUND,
    ACTION_SHIP,
    amount,
    balance_due,
    by_uid,
    check_tracking_free,
    money_method,
    paid,
    reason_text,
    require_state,
    tracking_number,
)
from station_app.core.orders.views import OrderView
from station_app.core.parcels import handover
from station_app.core.permissions import Permission, require

PLATFORM_NUMBER_LIMIT = 64
S = OrderStatus


def place(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    order_uid: str,
    platform_order_number: str,
    tracking: str = "",
) -> OrderView:
    """Ordered on the platform; its order number is what the keeper quotes to complain."""
    row = by_uid(session, order_uid)
    require_state(row, (S.REGISTERED,), ACTION_PLACE)
    number = _platform_number(platform_order_number)
    expected = _new_tracking(session, row, tracking)
    _move(row, S.PLACED, clock, actor)
    row.platform_order_number = number
    payload: dict[str, object] = {"order": row.uid, "platform_order_number": number}
    _append(session, clock, actor, "order.placed", _with_tracking(payload, expected))
    return _then_arrive(session, clock, actor, row, expected)


def ship(
    session: Session, clock: Clock, *, actor: OperatorInfo, order_uid: str, tracking: str = ""
) -> OrderView:
    row = by_uid(session, order_uid)
    require_state(row, (S.PLACED,), ACTION_SHIP)
    expected = _new_tracking(session, row, tracking)
    _move(row, S.SHIPPED, clock, actor)
    _append(session, clock, actor, "order.shipped", _with_tracking({"order": row.uid}, expected))
    return _then_arrive(session, clock, actor, row, expected)


def mark_arrived(
    session: Session, clock: Clock, *, actor: OperatorInfo, order_uid: str
) -> OrderView:
    """By hand: the goods came without a tracking number the check-in could match."""
    row = by_uid(session, order_uid)
    require_state(row, (S.REGISTERED, S.PLACED, S.SHIPPED), ACTION_ARRIVE)
    arrival.arrive(session, clock, actor=actor, row=row, parcel_uid=None)
    return views.order(session, row.uid)


def deliver(
    session: Session, clock: Clock, *, actor: OperatorInfo, order_uid: str, method: str
) -> OrderView:
    """Hand the goods over and take the balance (total − deposit). The parcel that
    brought them leaves the shelf in the same transaction, if it is still there."""
    row = by_uid(session, order_uid)
    require_state(row, (S.ARRIVED,), ACTION_DELIVER)
    due = balance_due(row)
    chosen = money_method(method) if due else None
    _move(row, S.DELIVERED, clock, actor)
    row.settled_fen, row.settled_method = due.fen, chosen
    _append(session, clock, actor, "order.delivered", _money({"order": row.uid}, due, chosen))
    _hand_over_parcel(session, clock, actor, row)
    return views.order(session, row.uid)


def cancel(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    order_uid: str,
    reason: str,
    paid_back: Fen | str,
    method: str,
) -> OrderView:
    """Given up before delivery; ``paid_back`` (at most the deposit) goes back now."""
    require(actor.role, Permission.VOID)
    row = by_uid(session, order_uid)
    require_state(row, (S.REGISTERED, S.PLACED, S.SHIPPED, S.ARRIVED), ACTION_CANCEL)
    why = reason_text(reason, QT_TRANSLATE_NOOP("core", "取消订单必须写明原因。"))
    back = _refund_amount(paid_back, paid(row), allow_zero=True)
    chosen = money_method(method) if back else None
    _move(row, S.CANCELLED, clock, actor)
    row.reason, row.refunded_fen, row.refund_method = why, back.fen, chosen
    payload = _money({"order": row.uid, "reason": why}, back, chosen)
    _append(session, clock, actor, "order.cancelled", payload, corrects=row.registered_entry)
    return views.order(session, row.uid)


def refund(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    order_uid: str,
    reason: str,
    paid_back: Fen | str,
    method: str,
) -> OrderView:
    """Money back after delivery (goods returned, faulty, short): never more than paid."""
    require(actor.role, Permission.VOID)
    row = by_uid(session, order_uid)
    require_state(row, (S.DELIVERED,), ACTION_REFUND)
    why = reason_text(reason, QT_TRANSLATE_NOOP("core", "退款必须写明原因。"))
    back = _refund_amount(paid_back, paid(row), allow_zero=False)
    chosen = money_method(method)
    _move(row, S.REFUNDED, clock, actor)
    row.reason, row.refunded_fen, row.refund_method = why, back.fen, chosen
    payload = {"order": row.uid, "reason": why, "amount_fen": back.fen, "method": chosen}
    _append(session, clock, actor, "order.refunded", payload)
    return views.order(session, row.uid)


# --- the parts --------------------------------------------------------------------


def _move(row: AgentOrder, status: OrderStatus, clock: Clock, actor: OperatorInfo) -> None:
    row.status = status.value
    row.changed_at = clock.now()
    row.changed_by = actor.login


def _append(
    session: Session,
    clock: Clock,
    actor: OperatorInfo,
    event_type: str,
    payload: dict[str, object],
    *,
    corrects: str | None = None,
) -> None:
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type=event_type,
        payload=payload,
        corrects=corrects,
    )


def _with_tracking(payload: dict[str, object], tracking: str | None) -> dict[str, object]:
    """Left out, not null, when no number was given (the order keeps the one it had)."""
    return payload if tracking is None else {**payload, "tracking_number": tracking}


def _money(payload: dict[str, object], moved: Fen, method: str | None) -> dict[str, object]:
    payload = {**payload, "amount_fen": moved.fen}
    return payload if method is None else {**payload, "method": method}


def _new_tracking(session: Session, row: AgentOrder, typed: str) -> str | None:
    """A tracking number given at this step replaces the expected one."""
    tracking = tracking_number(typed)
    if tracking is not None:
        check_tracking_free(session, tracking, row.id)
        row.tracking_number = tracking
    return tracking


def _then_arrive(
    session: Session, clock: Clock, actor: OperatorInfo, row: AgentOrder, tracking: str | None
) -> OrderView:
    """A number typed after its parcel was checked in: the goods are already here."""
    if tracking is not None:
        arrival.arrive_if_on_shelf(session, clock, actor=actor, row=row)
    return views.order(session, row.uid)


def _platform_number(text: str) -> str:
    number = "".join(unicodedata.normalize("NFKC", text).split())
    if not number:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写平台订单号。"))
    if len(number) > PLATFORM_NUMBER_LIMIT or not number.isprintable():
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "平台订单号不对（最多{limit}个字符）：{text}"),
            limit=PLATFORM_NUMBER_LIMIT,
            text=number[:40],
        )
    return number


def _refund_amount(value: Fen | str, was_paid: Fen, *, allow_zero: bool) -> Fen:
    back = amount(value)
    if back > was_paid:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "退款{amount}元不能超过村民已付的{paid}元。"),
            amount=back.format(),
            paid=was_paid.format(),
        )
    if not back and not allow_zero:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "退款金额必须大于0。"))
    return back


def _hand_over_parcel(session: Session, clock: Clock, actor: OperatorInfo, row: AgentOrder) -> None:
    if row.parcel_uid is None:
        return
    on_shelf = session.scalar(
        select(Parcel.id).where(
            Parcel.uid == row.parcel_uid, Parcel.status == ParcelStatus.ON_SHELF.value
        )
    )
    if on_shelf is not None:
        handover.hand_over(session, clock, actor=actor, scans={row.parcel_uid: None})
