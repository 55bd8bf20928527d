"""How orders read on screen: states, platforms, payment methods, amounts, one row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableView

from station_app.core.db.order_models import OrderStatus, Platform
from station_app.core.errors import CONTEXT
from station_app.core.orders.common import STATUS_NAMES
from station_app.core.orders.forms import PLATFORM_NAMES
from station_app.core.orders.views import OrderView
from station_app.ui.models import Row
from station_app.ui.pages.day_close import method_name
from station_app.ui.text import format_local_time

__all__ = ["method_name", "order_row", "platform_name", "status_name"]

TONES = {
    OrderStatus.ARRIVED: "#e65100",  # the goods wait here: call the villager
    OrderStatus.CANCELLED: "#888888",
    OrderStatus.REFUNDED: "#888888",
}


def status_name(status: OrderStatus) -> str:
    return QCoreApplication.translate(CONTEXT, STATUS_NAMES[status])


def platform_name(platform: Platform) -> str:
    return QCoreApplication.translate(CONTEXT, PLATFORM_NAMES[platform])


def goods_text(order: OrderView) -> str:
    """The first item, and how many more: enough to recognise the order in a list."""
    first = order.items[0].description if order.items else ""
    more = len(order.items) - 1
    if more <= 0:
        return first
    return QCoreApplication.translate("OrdersPage", "{first} 等{count}样").format(
        first=first, count=len(order.items)
    )


def due_text(order: OrderView) -> str:
    """What the keeper still collects, or how the order ended."""
    if order.status is OrderStatus.DELIVERED:
        return QCoreApplication.translate("OrdersPage", "已收清")
    if order.status in (OrderStatus.CANCELLED, OrderStatus.REFUNDED):
        return QCoreApplication.translate("OrdersPage", "退{amount}").format(
            amount=order.refunded.format(symbol=True)
        )
    return order.balance_due.format(symbol=True)


def where_text(order: OrderView) -> str:
    """The pickup code while the goods are on the shelf, else the tracking number."""
    if order.pickup_code:
        return QCoreApplication.translate("OrdersPage", "取件码 {code}").format(
            code=order.pickup_code
        )
    return order.tracking_number or ""


def order_headers() -> list[str]:
    return [
        QCoreApplication.translate("OrdersPage", "订单号"),
        QCoreApplication.translate("OrdersPage", "村民"),
        QCoreApplication.translate("OrdersPage", "电话"),
        QCoreApplication.translate("OrdersPage", "商品"),
        QCoreApplication.translate("OrdersPage", "总价"),
        QCoreApplication.translate("OrdersPage", "已收"),
        QCoreApplication.translate("OrdersPage", "尾款"),
        QCoreApplication.translate("OrdersPage", "状态"),
        QCoreApplication.translate("OrdersPage", "快递单号 / 取件码"),
        QCoreApplication.translate("OrdersPage", "登记时间"),
    ]


GOODS_COLUMN = 3


def fit_order_columns(table: QTableView) -> None:
    """Every column as wide as its contents (an order number is never elided); the
    goods take what is left. Only the rows in view are measured."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(GOODS_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(0)
    header.setStretchLastSection(False)


def order_row(order: OrderView) -> Row:
    return Row(
        (
            order.number,
            order.customer_name,
            order.customer_phone,
            goods_text(order),
            order.total.format(symbol=True),
            order.paid.format(symbol=True),
            due_text(order),
            status_name(order.status),
            where_text(order),
            format_local_time(order.registered_at)[:16],
        ),
        key=order.uid,
        tone=TONES.get(order.status),
    )
