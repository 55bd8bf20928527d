"""What the purchase, settlement and receipt tests share: farmers written the way
``farmers.register`` writes them (row plus ``farmer.registered``), so these tests do not
depend on the farmer form, prices, purchases and the counts that prove nothing was written."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from station_app.core import ledger
from station_app.core.db.cash_models import CashMovement
from station_app.core.db.models import LedgerEntry
from station_app.core.db.order_models import AgentOrder
from station_app.core.db.produce_models import (
    Farmer,
    ProduceLot,
    ProduceNetting,
    ProducePrice,
    ProducePurchase,
    ProduceSettlement,
    ProduceWeighing,
)
from station_app.core.operators import OperatorInfo
from station_app.core.produce import prices, purchase
from station_app.core.produce.catalogue import Catalogue, bundled_catalogue
from station_app.core.produce.prices import PriceQuote
from station_app.core.produce.purchase import PurchaseOrder, PurchaseView
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store

VILLAGE = "610305110201"
PHONE = "13812345678"
APPLE, D80, D75 = "fengxiang_apple", "d80", "d75"
CATALOGUE: Catalogue = bundled_catalogue()
CRATES = (WeighingInput(25300, 1500), WeighingInput(24800, 1500), WeighingInput(26100, 1500, True))
"""Three apple crates: 72.7 kg after tare, the last typed in by hand."""


def add_farmer(
    store: Store,
    who: OperatorInfo,
    name: str = "张三丰",
    *,
    phone: str | None = PHONE,
    household: str | None = "lifted",
) -> str:
    """A farmer as ``farmers.register`` leaves one: the row and ``farmer.registered``."""
    uid = str(uuid.uuid4())
    payload: dict[str, Any] = {"farmer": uid, "village": VILLAGE}
    if household is not None:
        payload["household"] = household
    with store.writing() as session:
        entry = ledger.append(
            session,
            store.clock,
            operator=who.login,
            event_type="farmer.registered",
            payload=payload,
        )
        now = store.clock.now()
        session.add(
            Farmer(
                uid=uid,
                name=name,
                initials="zsf",
                phone=phone,
                phone_tail=None if phone is None else phone[-4:],
                village_code=VILLAGE,
                household=household,
                pay_preference="cash",
                registered_at=now,
                registered_by=who.login,
                registered_entry=entry.entry_id,
                changed_at=now,
            )
        )
    return uid


def set_price(
    store: Store,
    who: OperatorInfo,
    *,
    product: str = APPLE,
    grade: str = D80,
    price: str = "3.50",
    per_grams: int = 500,
) -> PriceQuote:
    with store.writing() as session:
        return prices.set_day_price(
            session,
            store.clock,
            actor=who,
            product=product,
            grade=grade,
            price=price,
            per_grams=per_grams,
            catalogue=CATALOGUE,
        )


def order(
    farmer_uid: str,
    *,
    product: str = APPLE,
    grade: str = D80,
    weighings: Sequence[WeighingInput] = CRATES,
    impurity_bp: int = 0,
    moisture_bp: int = 0,
    payment: str = "cash",
) -> PurchaseOrder:
    return PurchaseOrder(
        farmer_uid, product, grade, tuple(weighings), impurity_bp, moisture_bp, payment
    )


def buy(store: Store, who: OperatorInfo, form: PurchaseOrder) -> PurchaseView:
    with store.writing() as session:
        return purchase.buy(session, store.clock, actor=who, order=form, catalogue=CATALOGUE)


def void(store: Store, who: OperatorInfo, uid: str, reason: str = "称错了") -> PurchaseView:
    with store.writing() as session:
        return purchase.void_purchase(
            session, store.clock, actor=who, purchase_uid=uid, reason=reason
        )


def book(store: Store) -> list[tuple[str, int, str]]:
    with store.reading() as session:
        rows = session.scalars(select(CashMovement).order_by(CashMovement.id))
        return [(m.method, m.amount_fen, m.kind) for m in rows]


def types(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry.type).order_by(LedgerEntry.seq)))


_COUNTED = (
    LedgerEntry,
    CashMovement,
    ProducePrice,
    ProduceLot,
    ProducePurchase,
    ProduceWeighing,
    ProduceSettlement,
    ProduceNetting,
)


def counts(store: Store) -> tuple[int, ...]:
    """Rows of every table an action writes: equal before and after means nothing was."""
    with store.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0 for model in _COUNTED
        )


def state(store: Store) -> dict[str, Any]:
    """Purchases, lots, settlements and the orders' netted balances, keyed by uid, as
    the tests compare them with a store rebuilt from the ledger."""
    with store.reading() as session:
        return {
            "purchases": {
                row.uid: (
                    row.number,
                    row.status,
                    row.net_g,
                    row.amount_fen,
                    row.lot_uid,
                    row.settlement_uid,
                    row.void_reason,
                    row.household,
                    row.manual,
                )
                for row in session.scalars(select(ProducePurchase))
            },
            "weighings": sorted(
                (w.purchase_id, w.position, w.gross_g, w.tare_g, w.manual)
                for w in session.scalars(select(ProduceWeighing))
            ),
            "lots": {
                row.uid: (row.trace_code, row.status, row.purchased_g)
                for row in session.scalars(select(ProduceLot))
            },
            "settlements": {
                row.uid: (row.amount_fen, row.netted_fen, row.paid_fen, row.method)
                for row in session.scalars(select(ProduceSettlement))
            },
            "nettings": sorted(
                (n.order_uid, n.amount_fen) for n in session.scalars(select(ProduceNetting))
            ),
            "orders": {
                row.uid: (row.status, row.netted_fen, row.settled_fen)
                for row in session.scalars(select(AgentOrder))
            },
            "keeper_prices": {
                row.uid: (row.product_code, row.grade_code, row.day_from, row.price_fen)
                for row in session.scalars(
                    select(ProducePrice).where(ProducePrice.source == "keeper")
                )
            },
        }
