"""Replaying produce purchasing entries onto the state tables: keeper prices, purchases
(with their weighings and the lot's weight), settlements (with the agent orders' netted
balances) and voided purchases.

The rows are made by the same functions the counter uses (``add_purchase``,
``add_settlement``, ``apply_void``), so a rebuilt store holds what the original did. The
county's own prices are not on the ledger (they come with the ``prices`` reference set):
a rebuilt purchase still names its price row and copies its price. A purchase whose
farmer is not rebuilt yet shows a placeholder name (farmers come from
``farmer.registered``, see ``replay_lots``).
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import ProducePrice, ProducePurchase, ProduceSettlement
from station_app.core.produce.prices import keeper_row
from station_app.core.produce.purchase import add_purchase, apply_void
from station_app.core.produce.settle import add_settlement
from station_app.core.replay_base import Entry, Handler


def price_set(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if session.scalar(select(ProducePrice.id).where(ProducePrice.uid == payload["price"])):
        return
    row = keeper_row(
        payload["price"],
        product=payload["product"],
        grade=payload["grade"],
        day=payload["day"],
        price_fen=payload["price_fen"],
        per_grams=payload["per_grams"],
    )
    row.set_at, row.set_by, row.entry = entry.occurred_at, entry.operator, entry.entry_id
    session.add(row)
    session.flush()


def purchased(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if session.scalar(select(ProducePurchase.id).where(ProducePurchase.uid == payload["purchase"])):
        return
    add_purchase(
        session,
        payload,
        entry_id=entry.entry_id,
        at=entry.occurred_at,
        by=entry.operator,
        day=entry.business_day,
    )


def settled(session: Session, entry: Entry) -> None:
    payload = entry.payload
    uid = payload["settlement"]
    if session.scalar(select(ProduceSettlement.id).where(ProduceSettlement.uid == uid)):
        return
    add_settlement(session, payload, entry.entry_id, entry.occurred_at, entry.operator)


def purchase_voided(session: Session, entry: Entry) -> None:
    """An ``entry.voided`` naming a ``produce.purchased`` entry: the purchase it bought."""
    text = session.scalar(select(LedgerEntry.payload).where(LedgerEntry.entry_id == entry.corrects))
    if text is None:
        return
    uid = json.loads(text)["purchase"]
    row = session.scalar(select(ProducePurchase).where(ProducePurchase.uid == uid))
    if row is not None:
        apply_void(session, row, entry.occurred_at, entry.payload["reason"])


HANDLERS: dict[str, Handler] = {
    "produce.price_set": price_set,
    "produce.purchased": purchased,
    "produce.settled": settled,
}

VOIDED_HANDLERS: dict[str, Handler] = {"produce.purchased": purchase_voided}
"""What an ``entry.voided`` does to state, by the type of the entry it voids."""
