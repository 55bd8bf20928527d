"""The 村民往来 tab: where a villager stands with the station over all their orders.

Found by name or the last four digits of the phone; with nothing typed, everyone who
has an order open (the station holds their deposit, or expects a balance).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from station_app.core.orders.views import VillagerBalance
from station_app.ui.controllers.orders import OrdersController
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.orders.names import fit_order_columns, order_headers, order_row
from station_app.ui.widgets import big_button, list_table


class BalancesTab(QWidget):
    def __init__(self, controller: OrdersController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._balances: list[VillagerBalance] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("姓名或手机后4位，回车查找；空着回车看所有未完成的"))
        self.search_button = big_button(self.tr("查找"), self)
        self.model = RowsModel(
            [
                self.tr("村民"),
                self.tr("电话"),
                self.tr("订单"),
                self.tr("未完成"),
                self.tr("在站订金"),
                self.tr("待收尾款"),
                self.tr("累计已付"),
                self.tr("累计退款"),
            ],
            self,
        )
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.orders_model = RowsModel(order_headers(), self)
        self.orders = list_table(self)
        self.orders.setModel(self.orders_model)
        fit_order_columns(self.orders)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("这位村民的订单"), self))
        layout.addWidget(self.orders, 3)
        self.search.returnPressed.connect(self.refresh)
        self.search_button.clicked.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row())
        )

    def refresh(self) -> None:
        self._balances = self._controller.balances(self.search.text())
        self.model.set_rows([self._row(balance) for balance in self._balances])
        self.orders_model.set_rows([])
        self.summary.setText("")
        if self._balances:
            self.table.selectRow(0)
        elif self.search.text().strip():
            self.summary.setText(self.tr("没有找到这位村民的代购订单。"))

    def _row(self, balance: VillagerBalance) -> Row:
        return Row(
            (
                balance.customer_name,
                balance.customer_phone,
                str(balance.orders),
                str(balance.open_orders),
                balance.deposits_held.format(symbol=True),
                balance.balance_due.format(symbol=True),
                balance.paid_in.format(symbol=True),
                balance.refunded.format(symbol=True),
            ),
            key=balance.key,
        )

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._balances):
            return
        balance = self._balances[row]
        self.summary.setText(
            self.tr(
                "{name}：站里收着订金 {held}，交货时还要收 {due}；"
                "累计付了 {paid}，退回 {refunded}，净付 {net}。"
            ).format(
                name=balance.customer_name,
                held=balance.deposits_held.format(symbol=True),
                due=balance.balance_due.format(symbol=True),
                paid=balance.paid_in.format(symbol=True),
                refunded=balance.refunded.format(symbol=True),
                net=balance.net_paid.format(symbol=True),
            )
        )
        self.orders_model.set_rows(
            [order_row(order) for order in self._controller.orders_of(balance.key)]
        )
