"""Which ledger entries move money, and how: the one place the cash book is derived from.

Called for every entry, in the entry's own transaction: by :func:`ledger.append` as
business actions write, and by the replay when a store is rebuilt from the county's copy.
So the book can never miss a module's money (a new money event is added to
:data:`BOOKS`, and a test checks every event type with a fee or an amount is), and a
rebuilt store has the same book as the one it replaces. It writes through the
transaction's DB-API connection like the ledger itself: a check-in, which moves no
money, pays one dictionary lookup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple


class Movement(NamedTuple):
    method: str
    amount_fen: int
    kind: str
    ref: str | None = None


Payload = Mapping[str, Any]


def _fee(kind: str, sign: int) -> Callable[[Payload], list[Movement]]:
    """A shipment's fee, by the way it was paid; nothing changes hands when ``owed``."""

    def book(payload: Payload) -> list[Movement]:
        method, fee = payload["payment_method"], payload["fee_fen"]
        if method == "owed" or fee == 0:
            return []
        return [Movement(method, sign * fee, kind, payload["shipment"])]

    return book


def _petty(kind: str, sign: int) -> Callable[[Payload], list[Movement]]:
    def book(payload: Payload) -> list[Movement]:
        return [Movement(payload["method"], sign * payload["amount_fen"], kind)]

    return book


def _bill(amount_kind: str, fee_kind: str, sign: int) -> Callable[[Payload], list[Movement]]:
    """A bill payment's amount and service fee as two lines: the amount only passes
    through the drawer to the biller, the fee is the station's takings."""

    def book(payload: Payload) -> list[Movement]:
        method, ref = payload["payment_method"], payload["payment"]
        moved = [Movement(method, sign * payload["amount_fen"], amount_kind, ref)]
        if payload["fee_fen"]:
            moved.append(Movement(method, sign * payload["fee_fen"], fee_kind, ref))
        return moved

    return book


def _order(kind: str, sign: int) -> Callable[[Payload], list[Movement]]:
    """An agent order's deposit, balance or refund; an entry that took nothing moves none."""

    def book(payload: Payload) -> list[Movement]:
        if payload["amount_fen"] == 0:
            return []
        return [Movement(payload["method"], sign * payload["amount_fen"], kind, payload["order"])]

    return book


def _purchase(payload: Payload) -> list[Movement]:
    """Produce bought and paid on the spot: money out to the farmer. Bought on credit
    (``owed``) moves nothing until the settlement."""
    if payload["payment"] == "owed":
        return []
    return [
        Movement(payload["payment"], -payload["amount_fen"], "produce_payment", payload["purchase"])
    ]


def _settlement(payload: Payload) -> list[Movement]:
    """Paying a farmer what was owed: only the part paid out moves money; the part netted
    against agent-order balances changes no hands."""
    if payload["paid_fen"] == 0:
        return []
    return [
        Movement(
            payload["method"], -payload["paid_fen"], "produce_settlement", payload["settlement"]
        )
    ]


BOOKS: dict[str, Callable[[Payload], list[Movement]]] = {
    "shipment.accepted": _fee("shipment_fee", 1),
    "shipment.cancelled": _fee("shipment_refund", -1),
    "cash.petty_in": _petty("petty_in", 1),
    "cash.petty_out": _petty("petty_out", -1),
    "order.registered": _order("order_deposit", 1),
    "order.delivered": _order("order_balance", 1),
    "order.cancelled": _order("order_refund", -1),
    "order.refunded": _order("order_refund", -1),
    "bill.recorded": _bill("bill_payment", "bill_fee", 1),
    "bill.failed": _bill("bill_refund", "bill_fee_refund", -1),
    "produce.purchased": _purchase,
    "produce.settled": _settlement,
}
"""Event type → the movements its payload makes."""

VOID_KIND = "void"

_INSERT = (
    "INSERT INTO cash_movements (seq, business_day, method, amount_fen, kind, ref)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_OF_ENTRY = (
    "SELECT m.method, m.amount_fen, m.ref FROM cash_movements m"
    " JOIN ledger_entries e ON e.seq = m.seq WHERE e.entry_id = ?"
)


def book(
    dbapi: sqlite3.Connection,
    *,
    seq: int,
    event_type: str,
    business_day: str,
    payload: Payload,
    corrects: str | None,
) -> None:
    """Book what one entry moved. A void (``entry.voided``) reverses whatever the entry
    it names booked, so voiding a petty-cash slip puts the drawer back."""
    if event_type == "entry.voided" and corrects is not None:
        moved = [
            Movement(method, -amount, VOID_KIND, ref)
            for method, amount, ref in dbapi.execute(_OF_ENTRY, (corrects,)).fetchall()
        ]
    else:
        books = BOOKS.get(event_type)
        if books is None:
            return
        moved = books(payload)
    dbapi.executemany(
        _INSERT,
        [(seq, business_day, m.method, m.amount_fen, m.kind, m.ref) for m in moved],
    )
