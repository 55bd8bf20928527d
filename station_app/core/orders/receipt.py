"""The villager's slips: one when the order is taken (what was paid, what is still
due), one when the goods are handed over (the balance settled). Both are the shared
:class:`~station_app.core.receipts.Receipt`, so they print like every other slip."""

from __future__ import annotations

import enum
from datetime import datetime

from station_app.core.cash.day_close import METHOD_NAMES
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.orders.common import STATUS_NAMES
from station_app.core.orders.forms import PLATFORM_NAMES
from station_app.core.orders.views import OrderView
from station_app.core.receipts import Detail, ItemLine, Receipt, Total, Translate


class ReceiptKind(enum.StrEnum):
    REGISTERED = "registered"
    DELIVERED = "delivered"


def _same(text: str) -> str:
    return text


def receipt_for(
    order: OrderView,
    kind: ReceiptKind,
    *,
    station_name: str,
    operator: str,
    issued_at: datetime,
    station_phone: str = "",
    translate: Translate = _same,
) -> Receipt:
    """The slip for ``order`` at registration or delivery; ``translate`` turns this
    module's ``core`` templates into the shown language (the UI passes Qt's)."""
    t = translate
    registered = kind is ReceiptKind.REGISTERED
    title = (
        QT_TRANSLATE_NOOP("core", "代购登记单")
        if registered
        else QT_TRANSLATE_NOOP("core", "代购交货单")
    )
    method = order.deposit_method if registered else order.settled_method
    return Receipt(
        title=t(title),
        station_name=station_name,
        number=order.number,
        issued_at=issued_at,
        operator=operator,
        station_phone=station_phone,
        items=tuple(
            ItemLine(
                f"{item.description}（{t(PLATFORM_NAMES[item.platform])}）",
                item.amount,
                quantity=item.quantity,
                unit_price=item.unit_price,
            )
            for item in order.items
        ),
        details=_details(order, t),
        totals=_registered_totals(order, t) if registered else _delivered_totals(order, t),
        payment_method=t(METHOD_NAMES[method]) if method else "",
        notes=(
            t(QT_TRANSLATE_NOOP("core", "货到后站里会打电话通知，凭此单取货、付清尾款。"))
            if registered
            else t(QT_TRANSLATE_NOOP("core", "货物已当面点清交付。")),
        ),
    )


def _details(order: OrderView, t: Translate) -> tuple[Detail, ...]:
    details = [
        Detail(t(QT_TRANSLATE_NOOP("core", "村民")), order.customer_name),
        Detail(t(QT_TRANSLATE_NOOP("core", "电话")), order.customer_phone),
        Detail(t(QT_TRANSLATE_NOOP("core", "状态")), t(STATUS_NAMES[order.status])),
    ]
    if order.platform_order_number:
        label = t(QT_TRANSLATE_NOOP("core", "平台订单号"))
        details.append(Detail(label, order.platform_order_number))
    if order.tracking_number:
        details.append(Detail(t(QT_TRANSLATE_NOOP("core", "快递单号")), order.tracking_number))
    return tuple(details)


def _registered_totals(order: OrderView, t: Translate) -> tuple[Total, ...]:
    return (
        Total(t(QT_TRANSLATE_NOOP("core", "商品合计")), order.items_total),
        Total(t(QT_TRANSLATE_NOOP("core", "服务费")), order.service_fee),
        Total(t(QT_TRANSLATE_NOOP("core", "订单总价")), order.total),
        Total(t(QT_TRANSLATE_NOOP("core", "已收订金")), order.deposit, emphasised=True),
        Total(t(QT_TRANSLATE_NOOP("core", "交货时应付尾款")), order.balance_due),
    )


def _delivered_totals(order: OrderView, t: Translate) -> tuple[Total, ...]:
    return (
        Total(t(QT_TRANSLATE_NOOP("core", "订单总价")), order.total),
        Total(t(QT_TRANSLATE_NOOP("core", "已收订金")), order.deposit),
        Total(t(QT_TRANSLATE_NOOP("core", "本次收尾款")), order.settled, emphasised=True),
        Total(t(QT_TRANSLATE_NOOP("core", "合计已付")), order.paid),
    )
