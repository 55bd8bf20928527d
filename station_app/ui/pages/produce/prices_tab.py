"""The 价格 tab: today's price board, every product and grade, and where each price is from.

A grade without a price today shows 无 in orange: nothing of it can be bought until the
keeper sets one. Setting a price adds a new row for today (``produce.price_set``); it
never changes a price a purchase already used, so earlier slips still add up.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import UserError
from station_app.core.operators import OperatorInfo
from station_app.core.produce.prices import DayPrice
from station_app.core.store import Store
from station_app.ui.controllers.produce import ProduceController
from station_app.ui.messages import show_outcome, user_message
from station_app.ui.models import Row
from station_app.ui.pages.produce.dialogs import DayPriceDialog
from station_app.ui.pages.produce.records_table import ToneRowsModel
from station_app.ui.pages.produce.text import price_text, source_name
from station_app.ui.widgets import big_button, list_table

ORANGE, BLUE = "#e65100", "#1565c0"
PRICE_COLUMN, SOURCE_COLUMN = 2, 3


class PricesTab(QWidget):
    """Emits ``wrote`` after the keeper set a price."""

    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        parent: QWidget | None = None,
        *,
        controller: ProduceController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller or ProduceController(store, operator)
        self.prices: list[DayPrice] = []
        self.dialog: DayPriceDialog | None = None
        self.caption = QLabel(self)
        self.caption.setStyleSheet("font-weight: bold;")
        self.set_button = big_button(self.tr("设定今天价格…"), self)
        self.model = ToneRowsModel(
            [self.tr("品名"), self.tr("等级"), self.tr("今天价格"), self.tr("来源")], self
        )
        self.model.align_right(PRICE_COLUMN)
        self.table = list_table(self)
        self.table.setModel(self.model)
        note = QLabel(
            self.tr(
                "县里下发的价格自动生效；站长设定的当天价格优先。改价格只影响之后的收购，"
                "已经收购的单子不变。"
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        self.set_button.clicked.connect(self.open_set_price)
        self.table.doubleClicked.connect(lambda _index: self.open_set_price())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self.set_button.setEnabled(self.selected() is not None)
        )
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.controller.reload()
        self.refresh()

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator

    def refresh(self) -> None:
        selected = self.selected()
        try:
            self.prices = self.controller.day_prices()
        except UserError as error:
            show_outcome(self.result, user_message(error), ok=False)
            return
        rows, tones = [], []
        for line in self.prices:
            quote = line.quote
            rows.append(
                Row(
                    (
                        line.product_name,
                        line.grade_name,
                        self.tr("今天没有价格")
                        if quote is None
                        else price_text(quote.price_fen, quote.per_grams),
                        source_name(None if quote is None else quote.source),
                    ),
                    key=f"{line.product}/{line.grade}",
                )
            )
            if quote is None:
                tones.append({PRICE_COLUMN: ORANGE, SOURCE_COLUMN: ORANGE})
            elif quote.source == "keeper":
                tones.append({SOURCE_COLUMN: BLUE})
            else:
                tones.append({})
        self.model.set_toned_rows(rows, tones)
        missing = sum(line.quote is None for line in self.prices)
        self.caption.setText(
            self.tr("今天（{day}）的收购价").format(day=self.controller.today())
            + (self.tr("：{count}个等级还没有价格").format(count=missing) if missing else "")
        )
        if selected is not None:
            self.select(selected.product, selected.grade)
        self.set_button.setEnabled(self.selected() is not None)

    def selected(self) -> DayPrice | None:
        row = self.table.currentIndex().row()
        return self.prices[row] if 0 <= row < len(self.prices) else None

    def select(self, product: str, grade: str) -> None:
        row = self.model.row_of(f"{product}/{grade}")
        if row is not None:
            self.table.selectRow(row)

    def open_set_price(self) -> DayPriceDialog | None:
        line = self.selected()
        if line is None:
            return None
        product = self.controller.catalogue.products.get(line.product)
        per_grams = product.per_grams if product is not None else 500

        def submit(price: str, unit: int) -> None:
            quote = self.controller.set_day_price(line.product, line.grade, price, unit)
            show_outcome(
                self.result,
                self.tr("已设定今天的价格：{product} {grade} {price}。").format(
                    product=line.product_name,
                    grade=line.grade_name,
                    price=price_text(quote.price_fen, quote.per_grams),
                ),
                ok=True,
            )

        dialog = DayPriceDialog(
            f"{line.product_name} {line.grade_name}", line.quote, per_grams, submit, self
        )

        def saved() -> None:
            self.refresh()
            self.wrote.emit()

        dialog.accepted.connect(saved)
        self.dialog = dialog
        dialog.open()
        return dialog
