"""The small forms of 收购: today's price of a grade, voiding a purchase, settling a
farmer's 赊账. Opened with ``open()`` and kept open on a refusal, so what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from station_app.core.db.cash_models import METHODS
from station_app.core.errors import FieldError, UserError
from station_app.core.money import Fen
from station_app.core.produce.prices import PriceQuote
from station_app.core.produce.purchase import PurchaseView
from station_app.core.produce.settle import NettableOrder
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.pages.bills.text import method_name
from station_app.ui.pages.produce.text import price_text, unit_name, yuan
from station_app.ui.pages.settings_dialogs import FormDialog


class DayPriceDialog(FormDialog):
    """``submit(price_text, per_grams)`` sets the keeper's price for today."""

    def __init__(
        self,
        what: str,
        current: PriceQuote | None,
        default_per_grams: int,
        submit: Callable[[str, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("设定今天的收购价"), parent)
        self.what = QLabel(what, self)
        self.what.setStyleSheet("font-weight: bold;")
        self.now = QLabel(
            self.tr("现在：{price}").format(price=price_text(current.price_fen, current.per_grams))
            if current is not None
            else self.tr("现在：今天没有价格"),
            self,
        )
        self.price = QLineEdit(self)
        self.price.setPlaceholderText(self.tr("如 3.5"))
        self.unit = QComboBox(self)
        for per_grams in (500, 1000):
            self.unit.addItem(self.tr("元/{unit}").format(unit=unit_name(per_grams)), per_grams)
        per = current.per_grams if current is not None else default_per_grams
        self.unit.setCurrentIndex(max(0, self.unit.findData(per)))
        note = QLabel(self.tr("只对今天有效。已经收购的单子还按原来的价格，不会改变。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.form.addRow(self.what)
        self.form.addRow(self.now)
        self.form.addRow(self.tr("收购价"), self.price)
        self.form.addRow(self.tr("单位"), self.unit)
        self.form.addRow(note)
        self.finish_layout(lambda: submit(self.price.text(), int(self.unit.currentData())))
        self.price.setFocus()


class VoidDialog(FormDialog):
    """``submit(reason)`` voids the purchase (keepers only)."""

    def __init__(
        self, view: PurchaseView, submit: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("作废收购单"), parent)
        what = QLabel(
            self.tr("{number}：{farmer}，{product}{grade}，{amount}").format(
                number=view.number,
                farmer=view.farmer_name,
                product=view.product_name,
                grade=view.grade_name,
                amount=yuan(view.totals.amount_fen),
            ),
            self,
        )
        what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("必填，如：称错了、农户不卖了"))
        back = QLabel(self.tr("作废后钱账会冲回，这笔重量也会从批次里减掉。"), self)
        back.setWordWrap(True)
        back.setStyleSheet("color: #555;")
        self.form.addRow(what)
        self.form.addRow(self.tr("作废原因"), self.reason)
        self.form.addRow(back)
        self.finish_layout(lambda: submit(self.reason.text()))
        self.reason.setFocus()


class SettleDialog(FormDialog):
    """结账: what the station owes the farmer, agent-order balances set off against it
    (tick and amount), the rest paid by a method. ``submit(netted, method)``."""

    def __init__(
        self,
        farmer_name: str,
        owed: Sequence[PurchaseView],
        orders: Sequence[NettableOrder],
        submit: Callable[[list[tuple[str, int]], str | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("给农户结账"), parent)
        self.setMinimumWidth(560)
        self.owed_fen = sum(view.totals.amount_fen for view in owed)
        self.orders = list(orders)
        self._submit_settle = submit
        self.owed = QLabel(
            self.tr("{farmer}：赊账{count}笔（{numbers}），共欠{amount}").format(
                farmer=farmer_name,
                count=len(owed),
                numbers="、".join(view.number for view in owed),
                amount=yuan(self.owed_fen),
            ),
            self,
        )
        self.owed.setWordWrap(True)
        self.owed.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.owed)
        self.ticks: list[QCheckBox] = []
        self.amounts: list[QLineEdit] = []
        self.row_errors: list[ErrorLabel] = []
        if self.orders:
            grid = QGridLayout()
            grid.addWidget(QLabel(self.tr("用来抵扣的代购订单"), self), 0, 0, 1, 3)
            for row, order in enumerate(self.orders, start=1):
                tick = QCheckBox(
                    self.tr("{number}，还欠{balance}").format(
                        number=order.number, balance=yuan(order.balance_due.fen)
                    ),
                    self,
                )
                amount = QLineEdit(self)
                amount.setPlaceholderText(self.tr("抵扣金额"))
                amount.setMaximumWidth(120)
                amount.setEnabled(False)
                error = ErrorLabel(self)
                tick.toggled.connect(lambda on, a=amount, o=order: self._on_tick(on, a, o))
                amount.textChanged.connect(lambda _t: self.update_paid())
                grid.addWidget(tick, row * 2 - 1, 0)
                grid.addWidget(amount, row * 2 - 1, 1)
                grid.addWidget(error, row * 2, 0, 1, 3)
                self.ticks.append(tick)
                self.amounts.append(amount)
                self.row_errors.append(error)
            self.form.addRow(grid)
        else:
            none = QLabel(self.tr("这位农户没有可以抵扣的代购订单。"), self)
            none.setStyleSheet("color: #555;")
            self.form.addRow(none)
        self.paid = QLabel(self)
        self.paid.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.method = QComboBox(self)
        for code in METHODS:
            self.method.addItem(method_name(code), code)
        self.form.addRow(self.tr("实付农户"), self.paid)
        self.form.addRow(self.tr("付款方式"), self.method)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("结账"))
        self.finish_layout(self._settle)
        self.update_paid()

    def _on_tick(self, on: bool, amount: QLineEdit, order: NettableOrder) -> None:
        amount.setEnabled(on)
        if on and not amount.text().strip():
            amount.setText(Fen(min(order.balance_due.fen, self._left())).format())
        if on:
            amount.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_paid()

    def _left(self) -> int:
        try:
            return max(0, self.owed_fen - sum(fen for _, fen in self.netted()))
        except UserError:
            return self.owed_fen

    def netted(self) -> list[tuple[str, int]]:
        """(order uid, fen) of every ticked order; a ValidationError for an unreadable amount."""
        chosen = []
        for order, tick, amount in zip(self.orders, self.ticks, self.amounts, strict=True):
            if tick.isChecked() and amount.text().strip():
                chosen.append((order.uid, Fen.parse(amount.text()).fen))
        return chosen

    def update_paid(self) -> None:
        for error in self.row_errors:
            error.clear_error()
        try:
            netted = sum(fen for _, fen in self.netted())
        except UserError as error:
            self.paid.setText("—")
            self.error.show_text(user_message(error))
            return
        self.error.clear_error()
        paid = self.owed_fen - netted
        self.paid.setText(yuan(paid))
        self.method.setEnabled(paid > 0)

    def _settle(self) -> None:
        netted = self.netted()
        paid = self.owed_fen - sum(fen for _, fen in netted)
        self._submit_settle(netted, str(self.method.currentData()) if paid > 0 else None)

    def try_accept(self) -> None:
        """A refused order amount goes under its order; anything else under the form."""
        for error in self.row_errors:
            error.clear_error()
        self.error.clear_error()
        try:
            self._settle()
        except FieldError as error:
            index = self._ticked_index(error.row) if error.row is not None else None
            if error.field == "netted" and index is not None:
                self.row_errors[index].show_error(error)
            else:
                self.error.show_error(error)
            return
        except UserError as error:
            self.error.show_error(error)
            return
        self.accept()

    def _ticked_index(self, row: int) -> int | None:
        """The core's row counts only the ticked orders; the dialog's index of it."""
        ticked = [
            i
            for i, (tick, amount) in enumerate(zip(self.ticks, self.amounts, strict=True))
            if tick.isChecked() and amount.text().strip()
        ]
        return ticked[row] if 0 <= row < len(ticked) else None
