"""Replaying bill payment entries onto the state tables.

A rebuilt payment has what its entries say: biller, amount, fee, method, state, the
biller's reference and the account's tail. It has no account number (never on the
ledger): it shows masked like any other, it is found by its tail, and it cannot give
the full number to pay with; an open one is ended by asking the customer again. The
biller's name is read from the billers set in use, else the code stands for it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.bills.catalogue import billers_in_use
from station_app.core.db.bill_models import BillPayment, BillStatus
from station_app.core.replay_base import Entry, Handler

OTHER_CATEGORY = "other"


def _payment(session: Session, uid: str) -> BillPayment | None:
    return session.scalar(select(BillPayment).where(BillPayment.uid == uid))


def recorded(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if _payment(session, payload["payment"]) is not None:
        return
    biller = billers_in_use(session).billers.get(payload["biller"])
    session.add(
        BillPayment(
            uid=payload["payment"],
            biller_code=payload["biller"],
            biller_name=payload["biller"] if biller is None else biller.name,
            category=OTHER_CATEGORY if biller is None else biller.category,
            billers_version=payload["billers_version"],
            account=None,  # never on the ledger
            account_tail=payload["account_tail"],
            amount_fen=payload["amount_fen"],
            fee_fen=payload["fee_fen"],
            payment_method=payload["payment_method"],
            status=BillStatus.RECORDED.value,
            recorded_at=entry.occurred_at,
            recorded_by=entry.operator,
            recorded_entry=entry.entry_id,
        )
    )
    session.flush()


def submitted(session: Session, entry: Entry) -> None:
    row = _payment(session, entry.payload["payment"])
    if row is None:
        return
    row.status = BillStatus.SUBMITTED.value
    row.submitted_at, row.submitted_by = entry.occurred_at, entry.operator


def succeeded(session: Session, entry: Entry) -> None:
    row = _payment(session, entry.payload["payment"])
    if row is None:
        return
    row.status = BillStatus.SUCCEEDED.value
    row.succeeded_at, row.succeeded_by = entry.occurred_at, entry.operator
    row.reference = entry.payload["reference"]
    row.account = None


def failed(session: Session, entry: Entry) -> None:
    row = _payment(session, entry.payload["payment"])
    if row is None:
        return
    row.status = BillStatus.FAILED.value
    row.failed_at, row.failed_by = entry.occurred_at, entry.operator
    row.fail_reason = entry.payload["reason"]
    row.account = None


HANDLERS: dict[str, Handler] = {
    "bill.recorded": recorded,
    "bill.submitted": submitted,
    "bill.succeeded": succeeded,
    "bill.failed": failed,
}
