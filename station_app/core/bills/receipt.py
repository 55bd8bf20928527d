"""The customer's slip for a bill payment, in the one receipt layout (``core.receipts``).

Printed when the money is taken and again when the result is known, so it always says
the state: until the biller confirms, the slip only proves the station took the money,
and it says so. The account number is masked, as on every screen.
"""

from __future__ import annotations

from station_app.core.bills.views import PaymentView
from station_app.core.cash.day_close import METHOD_NAMES
from station_app.core.db.bill_models import BillStatus
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.receipts import Detail, ItemLine, Receipt, Total, Translate

STATUS_NAMES = {
    BillStatus.RECORDED: QT_TRANSLATE_NOOP("core", "待缴"),
    BillStatus.SUBMITTED: QT_TRANSLATE_NOOP("core", "处理中"),
    BillStatus.SUCCEEDED: QT_TRANSLATE_NOOP("core", "成功"),
    BillStatus.FAILED: QT_TRANSLATE_NOOP("core", "失败"),
}


def _same(text: str) -> str:
    return text


def receipt_number(payment: PaymentView) -> str:
    """Short enough for one receipt line, and found again from the payment's id."""
    return f"JF-{payment.uid[:8].upper()}"


def receipt_for(
    payment: PaymentView,
    *,
    station_name: str,
    station_phone: str = "",
    operator_name: str = "",
    translate: Translate = _same,
) -> Receipt:
    """The slip for ``payment`` in its present state. ``operator_name`` is who took the
    money as the customer knows them (their login otherwise); ``translate`` turns the
    core's templates into the shown language (the UI passes its ``core`` context)."""
    details = [
        Detail(translate(QT_TRANSLATE_NOOP("core", "缴费单位")), payment.biller_name),
        Detail(translate(QT_TRANSLATE_NOOP("core", "户号")), payment.account_masked),
        Detail(
            translate(QT_TRANSLATE_NOOP("core", "状态")), translate(STATUS_NAMES[payment.status])
        ),
    ]
    if payment.reference:
        details.append(Detail(translate(QT_TRANSLATE_NOOP("core", "回执号")), payment.reference))
    if payment.fail_reason:
        details.append(
            Detail(translate(QT_TRANSLATE_NOOP("core", "失败原因")), payment.fail_reason)
        )
    return Receipt(
        title=translate(QT_TRANSLATE_NOOP("core", "代缴费凭证")),
        station_name=station_name,
        station_phone=station_phone,
        number=receipt_number(payment),
        issued_at=payment.recorded_at,
        operator=operator_name or payment.recorded_by,
        items=(ItemLine(payment.biller_name, payment.amount),),
        details=tuple(details),
        totals=_totals(payment, translate),
        payment_method=translate(METHOD_NAMES.get(payment.payment_method, payment.payment_method)),
        notes=(_note(payment, translate),),
    )


def _totals(payment: PaymentView, translate: Translate) -> tuple[Total, ...]:
    totals = []
    if payment.fee:
        totals.append(Total(translate(QT_TRANSLATE_NOOP("core", "服务费")), payment.fee))
    totals.append(Total(translate(QT_TRANSLATE_NOOP("core", "合计")), payment.total, True))
    if payment.status is BillStatus.FAILED:
        totals.append(Total(translate(QT_TRANSLATE_NOOP("core", "已退还")), payment.total, True))
    return tuple(totals)


def _note(payment: PaymentView, translate: Translate) -> str:
    if payment.status is BillStatus.SUCCEEDED:
        return translate(
            QT_TRANSLATE_NOOP("core", "缴费单位已确认。请保管好本凭证，有疑问凭回执号查询。")
        )
    if payment.status is BillStatus.FAILED:
        return translate(QT_TRANSLATE_NOOP("core", "缴费没有成功，钱已按原方式退还。"))
    return translate(
        QT_TRANSLATE_NOOP("core", "本凭证只证明服务站已收款，是否到账以缴费单位确认为准。")
    )
