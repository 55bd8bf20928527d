"""The 日结单: one day close as a receipt, for the drawer's folder and the county's
questions. Built from the stored close and the movements between it and the close
before, so a reprint next month says exactly what the first print said."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core.bills import views as bill_views
from station_app.core.cash.day_close import METHOD_NAMES, counted_of, expected_of
from station_app.core.db.cash_models import METHODS, CashMovement, DayClose
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.first_run import station_info
from station_app.core.money import Fen
from station_app.core.receipts import Detail, ItemLine, Receipt, Total

KIND_NAMES = {
    "shipment_fee": QT_TRANSLATE_NOOP("core", "寄件运费"),
    "shipment_refund": QT_TRANSLATE_NOOP("core", "寄件退费"),
    "petty_in": QT_TRANSLATE_NOOP("core", "零钱收入"),
    "petty_out": QT_TRANSLATE_NOOP("core", "零钱支出"),
    "order_deposit": QT_TRANSLATE_NOOP("core", "代购订金"),
    "order_balance": QT_TRANSLATE_NOOP("core", "代购尾款"),
    "order_refund": QT_TRANSLATE_NOOP("core", "代购退款"),
    "bill_payment": QT_TRANSLATE_NOOP("core", "代缴费"),
    "bill_fee": QT_TRANSLATE_NOOP("core", "代缴服务费"),
    "bill_refund": QT_TRANSLATE_NOOP("core", "代缴费退款"),
    "bill_fee_refund": QT_TRANSLATE_NOOP("core", "代缴服务费退款"),
    "produce_payment": QT_TRANSLATE_NOOP("core", "农产品收购付款"),
    "produce_settlement": QT_TRANSLATE_NOOP("core", "收购欠款结清"),
    "void": QT_TRANSLATE_NOOP("core", "作废冲回"),
}
"""What each movement was for, as the report and the 日结 page say it. Modules that
book new kinds add their names here."""

TITLE = QT_TRANSLATE_NOOP("core", "日结单")


def close_report(session: Session, close: DayClose) -> Receipt:
    """The bill payments the close carried over are listed under the note, as they were
    paid in (biller, masked account, amount), whatever became of them since."""
    before = session.scalar(select(func.max(DayClose.seq)).where(DayClose.seq < close.seq)) or 0
    rows = session.execute(
        select(
            CashMovement.kind,
            CashMovement.method,
            func.count(),
            func.sum(CashMovement.amount_fen),
        )
        .where(CashMovement.seq > before, CashMovement.seq < close.seq)
        .group_by(CashMovement.kind, CashMovement.method)
        .order_by(CashMovement.kind, CashMovement.method)
    )
    items = [
        ItemLine(
            f"{KIND_NAMES.get(kind, kind)}·{METHOD_NAMES.get(method, method)}",
            Fen(int(total)),
            quantity=f"{count}笔",
        )
        for kind, method, count, total in rows
    ]
    info = station_info(session)
    expected, counted = expected_of(close), counted_of(close)
    return Receipt(
        title=TITLE,
        station_name=info.name if info is not None else "—",
        number=f"RJ{close.business_day.replace('-', '')}",
        issued_at=close.closed_at,
        operator=close.operator,
        items=tuple(items),
        details=(
            Detail(QT_TRANSLATE_NOOP("core", "营业日"), close.business_day),
            Detail(
                QT_TRANSLATE_NOOP("core", "期初现金"),
                Fen(close.opening_cash_fen).format(symbol=True),
            ),
        ),
        totals=tuple(_totals(expected, counted)),
        notes=tuple(n for n in (close.note, *_carried_over(session, close)) if n),
    )


def _carried_over(session: Session, close: DayClose) -> list[str]:
    lines = []
    for uid in json.loads(close.carried_over):
        payment = bill_views.payment(session, uid)
        amount = (payment.amount + payment.fee).format(symbol=True)
        lines.append(f"转入下一天：{payment.biller_name} {payment.account_masked} {amount}")
    return lines


def _yuan(fen: int) -> str:
    return Fen(fen).format(symbol=True)


def _totals(expected: dict[str, Fen], counted: dict[str, Fen]) -> list[Total]:
    lines: list[Total] = []
    for method in METHODS:
        if method not in expected and method not in counted:
            continue
        book, count = expected.get(method, Fen(0)), counted.get(method, Fen(0))
        name = METHOD_NAMES[method]
        lines.append(Total(f"{name} 应有", book))
        lines.append(Total(f"{name} 清点", count, emphasised=method == "cash"))
        if count.fen > book.fen:
            lines.append(Total(f"{name} 长款", count - book))
        elif count.fen < book.fen:
            lines.append(Total(f"{name} 短款", book - count))
    return lines
