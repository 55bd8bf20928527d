"""Telling a reprint from a first print: a receipt saying exactly what one printed before
said is a reprint, and is marked 重打 with the time (the issue's rule for every module).

What a receipt says is its identity: title, number, time, lines, totals, notes, QR; not
who pressed 打印, so a reprint by the other operator is still a reprint. A receipt whose
content changed (a payment that has since succeeded) is a new receipt.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from station_app.core.db.receipt_models import PrintedReceipt
from station_app.core.receipts import Receipt, layout_text

IDENTITY_COLUMNS = 48


def identity(receipt: Receipt) -> str:
    plain = replace(receipt, operator="-", reprinted_at=None)
    return hashlib.sha256(layout_text(plain, IDENTITY_COLUMNS).encode("utf-8")).hexdigest()


def as_printed(session: Session, receipt: Receipt, now: datetime) -> Receipt:
    """The receipt to print now: marked 重打 when the same one was printed before."""
    if receipt.reprinted_at is not None:
        return receipt
    if session.get(PrintedReceipt, identity(receipt)) is not None:
        return receipt.reprint(now)
    return receipt


def record(session: Session, receipt: Receipt, now: datetime) -> None:
    key = identity(receipt)
    if session.get(PrintedReceipt, key) is None:
        session.add(PrintedReceipt(identity=key, first_printed_at=now))
