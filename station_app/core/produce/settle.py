"""Paying a farmer what owed purchases (赊账) came to (结账), less what they owe the station.

A farmer who sold on credit often also has an agent order (代购) waiting with a balance
due. The keeper may set part of what the station owes against that balance (抵扣): both
sides are named in one ``produce.settled`` entry, only the rest changes hands (the cash
book books ``paid_fen``), and the order's delivery later takes only what is left.

A settlement takes all the farmer's owed purchases at once: a farmer's credit is one
account at the counter, not a list to pick from.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.cash_models import METHODS
from station_app.core.db.order_models import AgentOrder, OrderStatus
from station_app.core.db.produce_models import (
    Farmer,
    ProduceNetting,
    ProducePurchase,
    ProduceSettlement,
    PurchaseStatus,
)
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.purchase import PurchaseView, views_of
from sync.events import MAX_AMOUNT_FEN

MAX_PURCHASES = 500
MAX_NETTINGS = 20
CLOSED_ORDERS = (OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.REFUNDED)


@dataclass(frozen=True)
class NettableOrder:
    """An agent order of the farmer's phone with a balance still due."""

    uid: str
    number: str
    status: OrderStatus
    total: Fen
    balance_due: Fen


@dataclass(frozen=True)
class Netted:
    order_uid: str
    order_number: str
    amount: Fen


@dataclass(frozen=True)
class SettlementView:
    uid: str
    farmer_uid: str
    purchases: tuple[str, ...]
    """The purchase numbers settled."""
    amount: Fen
    netted: tuple[Netted, ...]
    paid: Fen
    method: str | None
    settled_at: datetime
    settled_by: str

    @property
    def netted_total(self) -> Fen:
        return Fen(sum(n.amount.fen for n in self.netted))


def owed_purchases(session: Session, farmer_uid: str) -> list[PurchaseView]:
    """What the station owes the farmer, oldest first."""
    return views_of(session, _owed_rows(session, farmer_uid))


def nettable_orders(session: Session, farmer_uid: str) -> list[NettableOrder]:
    """The farmer's agent orders (same phone) that still have a balance to set off."""
    farmer = session.scalar(select(Farmer).where(Farmer.uid == farmer_uid))
    if farmer is None or not farmer.phone:
        return []
    rows = session.scalars(
        select(AgentOrder)
        .where(
            AgentOrder.customer_phone == farmer.phone,
            AgentOrder.status.not_in([s.value for s in CLOSED_ORDERS]),
        )
        .order_by(AgentOrder.id)
    )
    return [
        NettableOrder(
            row.uid,
            row.number,
            OrderStatus(row.status),
            Fen(row.items_total_fen + row.service_fee_fen),
            Fen(_balance(row)),
        )
        for row in rows
        if _balance(row) > 0
    ]


def settle(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    farmer_uid: str,
    netted: Sequence[tuple[str, int]],
    method: str | None,
) -> SettlementView:
    """Settle every owed purchase of the farmer; ``netted`` is (order uid, fen) set off
    against agent-order balances, the rest is paid by ``method``."""
    owed = _owed_rows(session, farmer_uid)
    amount = _owed_amount(owed)
    nettings = _nettings(session, farmer_uid, netted, amount)
    paid = amount - sum(fen for _, fen in nettings)
    chosen = _method(method) if paid else None
    settlement_uid = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "settlement": settlement_uid,
        "farmer": farmer_uid,
        "purchases": [row.uid for row in owed],
        "amount_fen": amount,
        "netted": [{"order": order.uid, "amount_fen": fen} for order, fen in nettings],
        "paid_fen": paid,
    }
    if chosen is not None:
        payload["method"] = chosen
    entry = ledger.append(
        session, clock, operator=actor.login, event_type="produce.settled", payload=payload
    )
    add_settlement(session, payload, entry.entry_id, clock.now(), actor.login)
    return settlement_view(session, settlement_uid)


def add_settlement(
    session: Session, payload: Mapping[str, Any], entry_id: str, at: datetime, by: str
) -> ProduceSettlement:
    """The rows a ``produce.settled`` entry stands for (shared with the replay): the
    settlement, its nettings, the purchases settled and the orders' netted balances."""
    nettings = payload.get("netted") or []
    row = ProduceSettlement(
        uid=payload["settlement"],
        farmer_uid=payload["farmer"],
        amount_fen=payload["amount_fen"],
        netted_fen=sum(n["amount_fen"] for n in nettings),
        paid_fen=payload["paid_fen"],
        method=payload.get("method"),
        settled_at=at,
        settled_by=by,
        entry=entry_id,
    )
    session.add(row)
    session.flush()
    for netting in nettings:
        order_uid, fen = netting["order"], netting["amount_fen"]
        session.add(ProduceNetting(settlement_id=row.id, order_uid=order_uid, amount_fen=fen))
        order = session.scalar(select(AgentOrder).where(AgentOrder.uid == order_uid))
        if order is not None:
            order.netted_fen += fen
    for purchase in session.scalars(
        select(ProducePurchase).where(ProducePurchase.uid.in_(payload["purchases"]))
    ):
        purchase.status = PurchaseStatus.SETTLED.value
        purchase.settlement_uid = row.uid
    session.flush()
    return row


def settlement_view(session: Session, uid: str) -> SettlementView:
    row = session.scalar(select(ProduceSettlement).where(ProduceSettlement.uid == uid))
    if row is None:
        raise ProduceError(
            "settlement", ValidationError(QT_TRANSLATE_NOOP("core", "找不到这次结账。"))
        )
    numbers = session.scalars(
        select(ProducePurchase.number)
        .where(ProducePurchase.settlement_uid == uid)
        .order_by(ProducePurchase.id)
    )
    nettings = session.scalars(
        select(ProduceNetting)
        .where(ProduceNetting.settlement_id == row.id)
        .order_by(ProduceNetting.id)
    ).all()
    order_numbers = {
        found.uid: found.number
        for found in session.scalars(
            select(AgentOrder).where(AgentOrder.uid.in_([n.order_uid for n in nettings]))
        )
    }
    return SettlementView(
        uid=row.uid,
        farmer_uid=row.farmer_uid,
        purchases=tuple(numbers),
        amount=Fen(row.amount_fen),
        netted=tuple(
            Netted(n.order_uid, order_numbers.get(n.order_uid, ""), Fen(n.amount_fen))
            for n in nettings
        ),
        paid=Fen(row.paid_fen),
        method=row.method,
        settled_at=row.settled_at,
        settled_by=row.settled_by,
    )


# --- checks ------------------------------------------------------------------------------


def _balance(row: AgentOrder) -> int:
    return (
        row.items_total_fen
        + row.service_fee_fen
        - row.deposit_fen
        - row.netted_fen
        - row.settled_fen
    )


def _owed_rows(session: Session, farmer_uid: str) -> list[ProducePurchase]:
    return list(
        session.scalars(
            select(ProducePurchase)
            .where(
                ProducePurchase.farmer_uid == farmer_uid,
                ProducePurchase.status == PurchaseStatus.OWED.value,
            )
            .order_by(ProducePurchase.id)
        )
    )


def _owed_amount(owed: Sequence[ProducePurchase]) -> int:
    if not owed:
        raise _error("farmer", QT_TRANSLATE_NOOP("core", "这位农户没有赊账，不用结账。"))
    if len(owed) > MAX_PURCHASES:
        raise _error(
            "farmer",
            QT_TRANSLATE_NOOP("core", "赊账超过{limit}笔，请联系县服务中心处理。"),
            limit=MAX_PURCHASES,
        )
    amount = sum(row.amount_fen for row in owed)
    if amount > MAX_AMOUNT_FEN:
        raise _error("farmer", QT_TRANSLATE_NOOP("core", "赊账金额太大，请联系县服务中心处理。"))
    return amount


def _nettings(
    session: Session, farmer_uid: str, netted: Sequence[tuple[str, int]], owed_fen: int
) -> list[tuple[NettableOrder, int]]:
    """Each netting against an open order of the farmer, within its balance, and all of
    them within what the station owes."""
    if len(netted) > MAX_NETTINGS:
        raise _error(
            "netted", QT_TRANSLATE_NOOP("core", "一次最多抵扣{limit}张订单。"), limit=MAX_NETTINGS
        )
    open_orders = {order.uid: order for order in nettable_orders(session, farmer_uid)}
    checked: list[tuple[NettableOrder, int]] = []
    for row, (order_uid, fen) in enumerate(netted):
        order = open_orders.get(order_uid)
        if order is None or any(seen.uid == order_uid for seen, _ in checked):
            raise _error(
                "netted",
                QT_TRANSLATE_NOOP("core", "这张代购订单不能抵扣：找不到，或已不欠款，或重复了。"),
                row,
            )
        if isinstance(fen, bool) or not isinstance(fen, int) or fen <= 0:
            raise _error("netted", QT_TRANSLATE_NOOP("core", "抵扣金额必须大于0。"), row)
        if fen > order.balance_due.fen:
            raise _error(
                "netted",
                QT_TRANSLATE_NOOP("core", "订单{number}只欠{balance}，不能抵扣{amount}。"),
                row,
                number=order.number,
                balance=order.balance_due.format(with_unit=True),
                amount=Fen(fen).format(with_unit=True),
            )
        checked.append((order, fen))
    total = sum(fen for _, fen in checked)
    if total > owed_fen:
        raise _error(
            "netted",
            QT_TRANSLATE_NOOP("core", "抵扣合计{netted}，超过了欠农户的{owed}。"),
            netted=Fen(total).format(with_unit=True),
            owed=Fen(owed_fen).format(with_unit=True),
        )
    return checked


def _method(method: str | None) -> str:
    if method not in METHODS:
        raise _error("method", QT_TRANSLATE_NOOP("core", "请选择付给农户的方式。"))
    assert method is not None
    return method


def _error(field: str, template: str, row: int | None = None, **params: object) -> ProduceError:
    return ProduceError(field, ValidationError(template, **params), row)
