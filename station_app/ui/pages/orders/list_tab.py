"""The 订单 tab: open orders (or all), found by number, name, phone tail or tracking
number, and the step each one is ready for.

Only the steps the selected order's state allows are enabled, so a keeper is never
offered 收款交付 on an order still on its way; the core refuses a wrong step anyway.
取消 and 退款 pay money out and are a keeper's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.order_models import OrderStatus
from station_app.core.orders.receipt import ReceiptKind
from station_app.core.orders.views import OrderView
from station_app.ui.controllers.orders import OrdersController
from station_app.ui.messages import ErrorLabel
from station_app.ui.models import RowsModel
from station_app.ui.pages.orders.dialogs import (
    ArriveDialog,
    DeliverDialog,
    GiveBackDialog,
    PlaceDialog,
    ShipDialog,
)
from station_app.ui.pages.orders.names import (
    fit_order_columns,
    method_name,
    order_headers,
    order_row,
    platform_name,
    status_name,
)
from station_app.ui.pages.orders.receipt_dialog import ReceiptDialog, translate_core
from station_app.ui.pages.settings_dialogs import FormDialog
from station_app.ui.widgets import big_button, list_table

S = OrderStatus
D = TypeVar("D", bound=FormDialog)
STEPS = {
    "place": (S.REGISTERED,),
    "ship": (S.PLACED,),
    "arrive": (S.REGISTERED, S.PLACED, S.SHIPPED),
    "deliver": (S.ARRIVED,),
    "cancel": (S.REGISTERED, S.PLACED, S.SHIPPED, S.ARRIVED),
    "refund": (S.DELIVERED,),
}


class OrdersListTab(QWidget):
    """Emits ``changed`` after any step was written."""

    changed = Signal()

    def __init__(self, controller: OrdersController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._orders: list[OrderView] = []
        self.dialog: FormDialog | ReceiptDialog | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("订单号 / 姓名 / 手机后4位 / 快递单号，回车查找"))
        self.open_only = QCheckBox(self.tr("只看未完成"), self)
        self.open_only.setChecked(True)
        self.model = RowsModel(order_headers(), self)
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_order_columns(self.table)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.message = ErrorLabel(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.buttons = {
            "place": big_button(self.tr("已下单…"), self),
            "ship": big_button(self.tr("已发货…"), self),
            "arrive": big_button(self.tr("已到站…"), self),
            "deliver": big_button(self.tr("收款交付…"), self),
            "cancel": big_button(self.tr("取消订单…"), self),
            "refund": big_button(self.tr("退款…"), self),
            "receipt": big_button(self.tr("打印小票…"), self),
        }
        self._lay_out()
        self.search.returnPressed.connect(self.refresh)
        self.open_only.toggled.connect(lambda _checked: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        actions: dict[str, Callable[[], object]] = {
            "place": self.open_place,
            "ship": self.open_ship,
            "arrive": self.open_arrive,
            "deliver": self.open_deliver,
            "cancel": self.open_cancel,
            "refund": self.open_refund,
            "receipt": self.open_receipt,
        }
        for key, action in actions.items():
            self.buttons[key].clicked.connect(action)

    def _lay_out(self) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.open_only)
        buttons = QHBoxLayout()
        for button in self.buttons.values():
            button.setMinimumWidth(0)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addWidget(self.result)
        layout.addLayout(buttons)

    # --- reading --------------------------------------------------------------------

    def refresh(self, select_uid: str | None = None) -> None:
        selected = self.selected()
        current = select_uid or (selected.uid if selected is not None else None)
        self._orders = self._controller.orders(
            self.search.text(), open_only=self.open_only.isChecked()
        )
        self.model.set_rows([order_row(order) for order in self._orders])
        row = self.model.row_of(current) if current else None
        if row is None and self._orders:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_selected()

    def selected(self) -> OrderView | None:
        row = self.table.currentIndex().row()
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def _show_selected(self) -> None:
        order = self.selected()
        self.message.clear_error()
        self.detail.setText("" if order is None else self._detail_text(order))
        for key, button in self.buttons.items():
            allowed = order is not None and (key == "receipt" or order.status in STEPS[key])
            if key in ("cancel", "refund"):
                allowed = allowed and self._controller.can_give_back
            button.setEnabled(allowed)
        keeper_only = self.tr("只有站长可以退钱给村民。")
        for key in ("cancel", "refund"):
            self.buttons[key].setToolTip("" if self._controller.can_give_back else keeper_only)

    def _detail_text(self, order: OrderView) -> str:
        goods = "；".join(
            self.tr("{name}（{platform}）{quantity} × {price}").format(
                name=item.description,
                platform=platform_name(item.platform),
                quantity=item.quantity,
                price=item.unit_price.format(symbol=True),
            )
            for item in order.items
        )
        lines = [
            self.tr("{number}　{status}　商品：{goods}").format(
                number=order.number, status=status_name(order.status), goods=goods
            ),
            self.tr(
                "商品 {items} + 服务费 {fee} = 总价 {total}；订金 {deposit}{method}；尾款 {due}"
            ).format(
                items=order.items_total.format(symbol=True),
                fee=order.service_fee.format(symbol=True),
                total=order.total.format(symbol=True),
                deposit=order.deposit.format(symbol=True),
                method=f"（{method_name(order.deposit_method)}）" if order.deposit_method else "",
                due=order.balance_due.format(symbol=True),
            ),
        ]
        if order.platform_order_number:
            lines.append(self.tr("平台订单号 {number}").format(number=order.platform_order_number))
        if order.reason:
            lines.append(
                self.tr("{status}原因：{reason}，退给村民 {amount}").format(
                    status=status_name(order.status),
                    reason=order.reason,
                    amount=order.refunded.format(symbol=True),
                )
            )
        return "\n".join(lines)

    # --- the steps ------------------------------------------------------------------

    def _open(self, dialog: D, done: Callable[[], str]) -> D:
        dialog.accepted.connect(lambda: self._after_step(done()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_step(self, text: str) -> None:
        self.result.setText(text)
        self.refresh()
        self.changed.emit()

    def _require_selected(self) -> OrderView | None:
        order = self.selected()
        if order is None:
            self.message.show_text(self.tr("请先在列表里选中一张订单。"))
        return order

    def open_place(self) -> PlaceDialog | None:
        order = self._require_selected()
        if order is None:
            return None
        return self._open(
            PlaceDialog(
                order,
                lambda number, tracking: self._controller.place(order.uid, number, tracking),
                self,
            ),
            lambda: self.tr("{number} 已下单。").format(number=order.number),
        )

    def open_ship(self) -> ShipDialog | None:
        order = self._require_selected()
        if order is None:
            return None
        return self._open(
            ShipDialog(order, lambda tracking: self._controller.ship(order.uid, tracking), self),
            lambda: self._moved_text(order),
        )

    def open_arrive(self) -> ArriveDialog | None:
        order = self._require_selected()
        if order is None:
            return None
        return self._open(
            ArriveDialog(order, lambda: self._controller.mark_arrived(order.uid), self),
            lambda: self._moved_text(order),
        )

    def _moved_text(self, order: OrderView) -> str:
        now = self._controller.order(order.uid)
        if now.status is OrderStatus.ARRIVED:
            return self.tr("{number} 已到站，应收尾款 {due}，请通知村民来取。").format(
                number=now.number, due=now.balance_due.format(symbol=True)
            )
        return self.tr("{number} 已改为“{status}”。").format(
            number=now.number, status=status_name(now.status)
        )

    def open_deliver(self) -> DeliverDialog | None:
        order = self._require_selected()
        if order is None:
            return None
        return self._open(
            DeliverDialog(order, lambda method: self._controller.deliver(order.uid, method), self),
            lambda: self._delivered_text(order),
        )

    def _delivered_text(self, order: OrderView) -> str:
        now = self._controller.order(order.uid)
        return self.tr("{number} 已交付，收尾款 {due}。可以打印交货单。").format(
            number=now.number, due=now.settled.format(symbol=True)
        )

    def open_cancel(self) -> GiveBackDialog | None:
        order = self._require_selected()
        if order is None:
            return None

        def submit(reason: str, amount: str, method: str) -> None:
            self._controller.cancel(order.uid, reason, amount, method)

        dialog = GiveBackDialog(
            self.tr("取消订单"),
            order,
            submit,
            most=order.paid,
            method=order.deposit_method,
            parent=self,
        )
        return self._open(dialog, lambda: self._given_back_text(order))

    def open_refund(self) -> GiveBackDialog | None:
        order = self._require_selected()
        if order is None:
            return None

        def submit(reason: str, amount: str, method: str) -> None:
            self._controller.refund(order.uid, reason, amount, method)

        method = order.settled_method or order.deposit_method
        dialog = GiveBackDialog(
            self.tr("退款"), order, submit, most=order.paid, method=method, parent=self
        )
        return self._open(dialog, lambda: self._given_back_text(order))

    def _given_back_text(self, order: OrderView) -> str:
        now = self._controller.order(order.uid)
        return self.tr("{number} {status}，退给村民 {amount}。").format(
            number=now.number,
            status=status_name(now.status),
            amount=now.refunded.format(symbol=True),
        )

    def open_receipt(self) -> ReceiptDialog | None:
        order = self._require_selected()
        if order is None:
            return None
        delivered = order.status in (S.DELIVERED, S.REFUNDED)
        kind = ReceiptKind.DELIVERED if delivered else ReceiptKind.REGISTERED
        dialog = ReceiptDialog(
            self._controller.receipt(order, kind, translate_core),
            printer=self._controller.print_receipt,
            parent=self,
        )
        self.dialog = dialog
        dialog.open()
        return dialog
