"""What screens, receipts and the day close see of bill payments, and how they find them.

Never the full account number: a view carries its tail and the masked form only
(``****5678``). The one way to the full number is :func:`full_account`, for an open
payment the keeper is about to pay on the biller's site.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station_app.core.db.bill_models import BillPayment, BillStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.parcels.stats import day_bounds

OPEN = (BillStatus.RECORDED.value, BillStatus.SUBMITTED.value)
SEARCH_LIMIT = 50
_LIST_ORDER = {BillStatus.SUBMITTED: 0, BillStatus.RECORDED: 1}
"""处理中 first (a result is owed to the customer), then 待缴 (not paid yet), then the rest."""


def mask_account(tail: str) -> str:
    return f"****{tail}"


@dataclass(frozen=True)
class PaymentView:
    uid: str
    biller_code: str
    biller_name: str
    category: str
    account_masked: str
    account_tail: str
    has_account: bool
    """The full number is still held (an open payment recorded on this store)."""
    amount: Fen
    fee: Fen
    payment_method: str
    status: BillStatus
    recorded_at: datetime
    recorded_by: str
    submitted_at: datetime | None
    submitted_by: str | None
    succeeded_at: datetime | None
    succeeded_by: str | None
    reference: str | None
    failed_at: datetime | None
    failed_by: str | None
    fail_reason: str | None

    @property
    def total(self) -> Fen:
        """What the customer handed over (and gets back if it fails)."""
        return self.amount + self.fee

    @property
    def is_open(self) -> bool:
        return self.status.value in OPEN

    @classmethod
    def of(cls, row: BillPayment) -> PaymentView:
        return cls(
            uid=row.uid,
            biller_code=row.biller_code,
            biller_name=row.biller_name,
            category=row.category,
            account_masked=mask_account(row.account_tail),
            account_tail=row.account_tail,
            has_account=row.account is not None,
            amount=Fen(row.amount_fen),
            fee=Fen(row.fee_fen),
            payment_method=row.payment_method,
            status=BillStatus(row.status),
            recorded_at=row.recorded_at,
            recorded_by=row.recorded_by,
            submitted_at=row.submitted_at,
            submitted_by=row.submitted_by,
            succeeded_at=row.succeeded_at,
            succeeded_by=row.succeeded_by,
            reference=row.reference,
            failed_at=row.failed_at,
            failed_by=row.failed_by,
            fail_reason=row.fail_reason,
        )


def by_uid(session: Session, payment_uid: str) -> BillPayment:
    row = session.scalar(select(BillPayment).where(BillPayment.uid == payment_uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这笔缴费。"))
    return row


def payment(session: Session, payment_uid: str) -> PaymentView:
    """One payment, masked, e.g. to print its receipt again."""
    return PaymentView.of(by_uid(session, payment_uid))


def pending(session: Session) -> list[PaymentView]:
    """Every unfinished payment, whatever day it was taken, oldest first: 处理中 (paid on
    the biller's site, result awaited) and 待缴 (money taken, not paid yet). The day
    close lists them and carries them over; neither may be forgotten, as the customer's
    money is in the station's hands until it ends."""
    query = select(BillPayment).where(BillPayment.status.in_(OPEN)).order_by(BillPayment.id)
    return [PaymentView.of(row) for row in session.scalars(query)]


def today_and_open(session: Session, day: date) -> list[PaymentView]:
    """The counter's list: every open payment (any day) and everything that happened on
    ``day``; 处理中 first, then 待缴, then the finished ones, newest first in each."""
    start, end = day_bounds(day)
    query = select(BillPayment).where(
        or_(
            BillPayment.status.in_(OPEN),
            (BillPayment.recorded_at >= start) & (BillPayment.recorded_at < end),
            (BillPayment.succeeded_at >= start) & (BillPayment.succeeded_at < end),
            (BillPayment.failed_at >= start) & (BillPayment.failed_at < end),
        )
    )
    rows = sorted(session.scalars(query), key=lambda row: (_rank(row), -row.id))
    return [PaymentView.of(row) for row in rows]


def _rank(row: BillPayment) -> int:
    return _LIST_ORDER.get(BillStatus(row.status), len(_LIST_ORDER))


def find_by_tail(session: Session, typed: str) -> list[PaymentView]:
    """Payments whose account ends with what the customer says (尾号5678), newest first."""
    tail = "".join(unicodedata.normalize("NFKC", typed).split()).upper()
    if not tail or len(tail) > len("5678") or not tail.isalnum():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请输入户号的最后1到4位。"))
    query = (
        select(BillPayment)
        .where(BillPayment.account_tail.endswith(tail, autoescape=True))
        .order_by(BillPayment.id.desc())
        .limit(SEARCH_LIMIT)
    )
    return [PaymentView.of(row) for row in session.scalars(query)]


def full_account(session: Session, payment_uid: str) -> str:
    """The full account number of an open payment, to type on the biller's site; refused
    once the payment ended (it was cleared) or for a payment rebuilt from the ledger."""
    row = by_uid(session, payment_uid)
    if row.account is None or row.status not in OPEN:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "这笔缴费的完整户号没有保存（已办结，或是从县里恢复的记录）。"
            )
        )
    return row.account
