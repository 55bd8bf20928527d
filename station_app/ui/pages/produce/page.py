"""The 收购 page: tabs for buying at the scale, farmers, today's prices, lots and reports.

Every tab writes through its own controller and says so with ``wrote``; the page passes
that on (the upload follows) and hands a new operator to each tab. The tabs share one
``ReceiptPrinter``, so a test (or a later setting) changes where every slip goes at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.produce import ProduceController
from station_app.ui.pages.produce.farmers_tab import FarmersTab
from station_app.ui.pages.produce.lots_tab import LotsTab
from station_app.ui.pages.produce.prices_tab import PricesTab
from station_app.ui.pages.produce.purchase_tab import PurchaseTab
from station_app.ui.pages.produce.reports_tab import ReportsTab
from station_app.ui.receipt_printing import ReceiptPrinter


class ProducePage(QWidget):
    """Emits ``wrote`` after any tab wrote to the ledger."""

    wrote = Signal()

    def __init__(self, store: Store, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = ProduceController(store, operator)
        self.printer = ReceiptPrinter(store)
        self.title = QLabel(self.tr("农产品收购"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.tabs = QTabWidget(self)
        self.purchase_tab = PurchaseTab(
            store, operator, self, controller=self.controller, printer=self.printer
        )
        self.prices_tab = PricesTab(store, operator, self, controller=self.controller)
        self.farmers_tab = FarmersTab(store, operator, self)
        self.lots_tab = LotsTab(store, operator, self)
        self.reports_tab = ReportsTab(store, operator, self)
        for tab, title in (
            (self.purchase_tab, self.tr("收购")),
            (self.farmers_tab, self.tr("农户")),
            (self.prices_tab, self.tr("价格")),
            (self.lots_tab, self.tr("批次")),
            (self.reports_tab, self.tr("报表")),
        ):
            self.tabs.addTab(tab, title)
        # One printer for every slip and label the page prints.
        self.lots_tab.controller.printer = self.printer
        self.reports_tab.controller.printer = self.printer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        for tab in self.all_tabs():
            tab.wrote.connect(self.wrote)
        self.prices_tab.wrote.connect(self.purchase_tab.form.show_price)

    def all_tabs(self) -> tuple[PurchaseTab | FarmersTab | PricesTab | LotsTab | ReportsTab, ...]:
        return (
            self.purchase_tab,
            self.farmers_tab,
            self.prices_tab,
            self.lots_tab,
            self.reports_tab,
        )

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        for tab in self.all_tabs():
            tab.set_operator(operator)

    def refresh(self) -> None:
        """Called by the main window when the page comes to the front."""
        current = self.tabs.currentWidget()
        refresh = getattr(current, "refresh", None)
        if callable(refresh):
            refresh()
