"""The 代购 page: 登记 (take an order), 订单 (follow it to delivery), 村民往来 (a
villager's balance), over one controller.

A scan lands where it helps: on 登记 it is the expected tracking number, elsewhere it
finds the order waiting for that parcel.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.orders import OrdersController
from station_app.ui.pages.orders.balances_tab import BalancesTab
from station_app.ui.pages.orders.list_tab import OrdersListTab
from station_app.ui.pages.orders.register_tab import RegisterTab


class OrdersPage(QWidget):
    """Emits ``wrote`` after anything was put on the ledger."""

    wrote = Signal()

    def __init__(self, store: Store, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = OrdersController(store, operator)
        self.title = QLabel(self.tr("代购"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.tabs = QTabWidget(self)
        self.register_tab = RegisterTab(self.controller, self)
        self.list_tab = OrdersListTab(self.controller, self)
        self.balances_tab = BalancesTab(self.controller, self)
        self.tabs.addTab(self.register_tab, self.tr("登记"))
        self.tabs.addTab(self.list_tab, self.tr("订单"))
        self.tabs.addTab(self.balances_tab, self.tr("村民往来"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.register_tab.registered.connect(lambda _order: self.wrote.emit())
        self.list_tab.changed.connect(self.wrote)
        self.tabs.currentChanged.connect(lambda _index: self.refresh())

    def set_operator(self, operator: OperatorInfo) -> None:
        """After a shift change, steps are recorded as the new operator's."""
        self.controller.operator = operator
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the tab in front shows (another page may have checked in goods)."""
        current = self.tabs.currentWidget()
        if current is self.list_tab:
            self.list_tab.refresh()
        elif current is self.balances_tab:
            self.balances_tab.refresh()

    def handle_scan(self, code: str) -> None:
        if self.tabs.currentWidget() is self.register_tab:
            self.register_tab.tracking.set_text(code)
            return
        self.tabs.setCurrentWidget(self.list_tab)
        self.list_tab.open_only.setChecked(False)
        self.list_tab.search.setText(code)
        self.list_tab.refresh()
