"""Bill payments (代缴费 / 充值): recorded before paying, then followed to their end.

States: 待缴 ``recorded`` (the customer handed over amount and fee) → 处理中 ``submitted``
(the keeper paid on the biller's own site or app) → 成功 ``succeeded`` (with the biller's
reference), or 失败 ``failed`` from either open state (amount and fee go back to the
customer by the way they came). Each step is one transaction with its ledger entry,
every check made before anything is written; a step from the wrong state is refused
saying what already happened, and nothing is ever edited back.

Recording first, paying second: if the biller's site hangs or the power goes, the
money taken is already on record and the payment shows as open until someone ends it.
Failing refunds money, so it is for keepers only, like cancelling a shipment.

The ledger carries the biller's code, amount, fee, method and a four-character tail of
the account number, never the number (DESIGN.md, Privacy; see ``sync.events``).
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.bills.billers import Biller, Billers
from station_app.core.bills.views import PaymentView, by_uid
from station_app.core.clock import Clock, local_time
from station_app.core.db.bill_models import BillPayment, BillStatus
from station_app.core.db.cash_models import METHODS
from station_app.core.errors import QT_TRANSLATE_NOOP, FieldError, ValidationError, on_field
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require

TAIL_LENGTH = 4
REASON_LIMIT = 200
REFERENCE_LIMIT = 40
_T = TypeVar("_T")


class BillError(FieldError):
    """A refused payment, naming the ``BillOrder`` field at fault."""


def _on_field(field: str, check: Callable[[], _T]) -> _T:
    return on_field(field, check, BillError)


@dataclass(frozen=True)
class BillOrder:
    """What the keeper fills in: ``amount`` as typed (``"100"``, ``"¥30"``) or in fen."""

    biller: str
    account: str
    amount: Fen | str
    payment_method: str


@dataclass(frozen=True)
class Quote:
    """What the customer hands over: the amount for the biller and the station's fee."""

    biller: Biller
    amount: Fen
    fee: Fen

    @property
    def total(self) -> Fen:
        return self.amount + self.fee


def quote(billers: Billers, biller_code: str, amount: Fen | str) -> Quote:
    """The fee for an amount, as the counter shows it live and :func:`record` charges it;
    refusals are BillErrors naming the field."""
    biller = _on_field("biller", lambda: billers.biller(biller_code))
    fen = _on_field("amount", lambda: _amount(amount))
    _on_field("amount", lambda: biller.amount.check(fen, biller.name))
    return Quote(biller, fen, biller.fee.fee(fen))


def check_account(billers: Billers, biller_code: str, account: str) -> str:
    """The account as it would be stored, or a BillError with the biller's description."""
    biller = _on_field("biller", lambda: billers.biller(biller_code))
    return _on_field("account", lambda: biller.account.check(account))


def account_tail(account: str) -> str:
    """The last letters or digits, at most four and never more than half the number, so
    the tail identifies a payment without giving the number away."""
    kept = [char for char in account.upper() if char.isascii() and char.isalnum()]
    return "".join(kept[len(kept) - min(TAIL_LENGTH, len(kept) // 2) :])


def _amount(value: Fen | str) -> Fen:
    return value if isinstance(value, Fen) else Fen.parse(value)


def _method(value: str) -> str:
    if value not in METHODS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "收款方式只能是现金、微信、支付宝或银行转账。")
        )
    return value


# --- recording ------------------------------------------------------------------------


def record(
    session: Session, clock: Clock, *, actor: OperatorInfo, order: BillOrder, billers: Billers
) -> PaymentView:
    """Take the customer's money for a bill (待缴): checked in the form's order, then one
    entry and one row."""
    biller = _on_field("biller", lambda: billers.biller(order.biller))
    account = check_account(billers, biller.code, order.account)
    priced = quote(billers, biller.code, order.amount)
    method = _on_field("payment_method", lambda: _method(order.payment_method))
    payment_uid = str(uuid.uuid4())
    tail = account_tail(account)
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="bill.recorded",
        payload={
            "payment": payment_uid,
            "biller": biller.code,
            "billers_version": billers.version,
            "account_tail": tail,
            "amount_fen": priced.amount.fen,
            "fee_fen": priced.fee.fen,
            "payment_method": method,
        },
    )
    row = BillPayment(
        uid=payment_uid,
        biller_code=biller.code,
        biller_name=biller.name,
        category=biller.category,
        billers_version=billers.version,
        account=account,
        account_tail=tail,
        amount_fen=priced.amount.fen,
        fee_fen=priced.fee.fen,
        payment_method=method,
        status=BillStatus.RECORDED.value,
        recorded_at=clock.now(),
        recorded_by=actor.login,
        recorded_entry=entry.entry_id,
    )
    session.add(row)
    session.flush()
    return PaymentView.of(row)


# --- following it to its end ------------------------------------------------------------


def submit(session: Session, clock: Clock, *, actor: OperatorInfo, payment_uid: str) -> PaymentView:
    """Paid on the biller's site or app (处理中); the result may take minutes or a day."""
    row = by_uid(session, payment_uid)
    _require_state(row, BillStatus.RECORDED)
    row.status = BillStatus.SUBMITTED.value
    row.submitted_at, row.submitted_by = clock.now(), actor.login
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="bill.submitted",
        payload={"payment": row.uid},
    )
    return PaymentView.of(row)


def succeed(
    session: Session, clock: Clock, *, actor: OperatorInfo, payment_uid: str, reference: str
) -> PaymentView:
    """The biller confirmed it (成功), with its reference number for any later question;
    the full account number is no longer needed and is cleared."""
    number = _reference(reference)
    row = by_uid(session, payment_uid)
    _require_state(row, BillStatus.SUBMITTED)
    row.status = BillStatus.SUCCEEDED.value
    row.succeeded_at, row.succeeded_by = clock.now(), actor.login
    row.reference = number
    row.account = None
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="bill.succeeded",
        payload={"payment": row.uid, "reference": number},
    )
    return PaymentView.of(row)


def fail(
    session: Session, clock: Clock, *, actor: OperatorInfo, payment_uid: str, reason: str
) -> PaymentView:
    """It did not go through (失败): amount and fee go back to the customer the way they
    came, recorded as a correction of the entry that took them. Keepers only."""
    require(actor.role, Permission.VOID)
    why = _reason(reason)
    row = by_uid(session, payment_uid)
    _require_state(row, BillStatus.RECORDED, BillStatus.SUBMITTED)
    row.status = BillStatus.FAILED.value
    row.failed_at, row.failed_by = clock.now(), actor.login
    row.fail_reason = why
    row.account = None
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="bill.failed",
        payload={
            "payment": row.uid,
            "reason": why,
            "amount_fen": row.amount_fen,
            "fee_fen": row.fee_fen,
            "payment_method": row.payment_method,
        },
        corrects=row.recorded_entry,
    )
    return PaymentView.of(row)


def _reference(text: str) -> str:
    """As typed or pasted from the biller's page: full-width folded, spaces dropped."""
    number = "".join(unicodedata.normalize("NFKC", text).split())
    if not number:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写缴费单位给的回执号（交易流水号）。"))
    if len(number) > REFERENCE_LIMIT or not number.isprintable():
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "回执号不对（最多{limit}个字符）：{text}"),
            limit=REFERENCE_LIMIT,
            text=number[:REFERENCE_LIMIT],
        )
    return number


def _reason(text: str) -> str:
    reason = " ".join(text.split())
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "标记失败必须写明原因。"))
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "“{text}…”太长了，最多{limit}个字。"),
            text=reason[:12],
            limit=REASON_LIMIT,
        )
    return reason


def _require_state(row: BillPayment, *allowed: BillStatus) -> None:
    """Refuse a step from the wrong state, saying what already happened and by whom."""
    status = BillStatus(row.status)
    if status in allowed:
        return
    if status is BillStatus.RECORDED:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core",
                "这笔缴费还没有提交：请先在缴费单位的网站或App上缴费，"
                "标记“处理中”，有了结果再标记“成功”。",
            )
        )
    if status is BillStatus.SUBMITTED:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "这笔缴费已于{when}由{operator}标记为处理中。"),
            when=_when(row.submitted_at),
            operator=row.submitted_by or "",
        )
    if status is BillStatus.SUCCEEDED:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "这笔缴费已于{when}由{operator}确认成功（回执号{reference}），不能再改。"
            ),
            when=_when(row.succeeded_at),
            operator=row.succeeded_by or "",
            reference=row.reference or "",
        )
    raise ValidationError(
        QT_TRANSLATE_NOOP("core", "这笔缴费已于{when}由{operator}标记为失败，钱已退还。"),
        when=_when(row.failed_at),
        operator=row.failed_by or "",
    )


def _when(instant: datetime | None) -> str:
    return "" if instant is None else local_time(instant).strftime("%Y-%m-%d %H:%M")
