"""The counter form of 缴费: which bill, the account number, how much, how it is paid.

Built for the keyboard like the 寄件 form: Enter moves on like Tab, Enter on the last
field or Ctrl+Enter anywhere asks to record. The account number is checked as it is
typed against the biller's own rule, whose description stays in view, so a digit too
few shows before the customer has left. The amount is typed for a range (电费) and
picked for fixed choices (话费 30/50/100元), and the total with the station's fee is
priced live by the core, so the customer hears what to hand over.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core.bills.billers import Biller
from station_app.core.bills.payments import BillError, BillOrder, Quote
from station_app.core.db.cash_models import METHODS
from station_app.core.errors import UserError
from station_app.core.money import Fen
from station_app.ui.controllers.bills import BillsController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.pages.bills.text import (
    GREEN,
    GREY,
    amount_rule_text,
    fee_rule_text,
    method_name,
    yuan,
)
from station_app.ui.widgets import big_button

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
TOTAL_POINTS = 24


class TotalPanel(QFrame):
    """应收 in big type: what the customer hands over, and how it is made up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalPanel")
        self.setStyleSheet("#totalPanel { background: #f1f8e9; border: 1px solid #aed581; }")
        self.total = QLabel(self)
        self.total.setStyleSheet(f"font-size: {TOTAL_POINTS}pt; font-weight: bold;")
        self.breakdown = QLabel(self)
        self.breakdown.setWordWrap(True)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet(f"color: {GREY};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.rule)
        layout.addStretch(1)

    def show_quote(self, quote: Quote) -> None:
        self.total.setText(self.tr("应收 {total}").format(total=yuan(quote.total)))
        if quote.fee:
            breakdown = self.tr("缴费 {amount} + 服务费 {fee}").format(
                amount=yuan(quote.amount), fee=yuan(quote.fee)
            )
        else:
            breakdown = self.tr("缴费 {amount}").format(amount=yuan(quote.amount))
        self.breakdown.setText(breakdown)
        self.rule.setText(fee_rule_text(quote.biller.fee))

    def show_waiting(self, reason: str, biller: Biller | None) -> None:
        self.total.setText(self.tr("应收 —"))
        self.breakdown.setText(reason)
        self.rule.setText("" if biller is None else fee_rule_text(biller.fee))


class BillForm(QWidget):
    """Emits ``record_requested`` on Enter in the last field, Ctrl+Enter or the button."""

    record_requested = Signal()

    def __init__(self, controller: BillsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.biller = QComboBox(self)
        self.account_label = QLabel(self)
        self.account = QLineEdit(self)
        self.account_hint = QLabel(self)
        self.account_hint.setWordWrap(True)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("如 100 或 58.60"))
        self.amount_choice = QComboBox(self)
        self.amount_hint = QLabel(self)
        self.amount_hint.setWordWrap(True)
        self.amount_hint.setStyleSheet(f"color: {GREY};")
        self.method = QComboBox(self)
        for method in METHODS:
            self.method.addItem(method_name(method), method)
        self.record_button = big_button(self.tr("记录并收款 (Ctrl+回车)"), self)
        self.total = TotalPanel(self)
        self.errors = {
            key: ErrorLabel(self) for key in ("biller", "account", "amount", "payment_method")
        }
        self.error = ErrorLabel(self)
        self._chain: list[QWidget] = [self.biller, self.account, self.amount, self.method]
        self._lay_out()
        self._wire()
        self.fill_billers()

    # --- construction -------------------------------------------------------------

    def _lay_out(self) -> None:
        grid = QGridLayout()
        amount_row = QHBoxLayout()
        amount_row.setContentsMargins(0, 0, 0, 0)
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.amount_choice, 1)
        amount_row.addStretch(1)
        rows: list[tuple[QLabel, list[QWidget | QHBoxLayout], str]] = [
            (QLabel(self.tr("缴费项目"), self), [self.biller], "biller"),
            (self.account_label, [self.account, self.account_hint], "account"),
            (QLabel(self.tr("金额（元）"), self), [amount_row, self.amount_hint], "amount"),
            (QLabel(self.tr("收款方式"), self), [self.method], "payment_method"),
        ]
        for row, (label, parts, key) in enumerate(rows):
            label.setBuddy(self._chain[row])
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            box = QVBoxLayout()
            box.setSpacing(2)
            for part in parts:
                if isinstance(part, QHBoxLayout):
                    box.addLayout(part)
                else:
                    box.addWidget(part)
            box.addWidget(self.errors[key])
            grid.addLayout(box, row, 1)
            label.setMinimumHeight(self.biller.sizeHint().height())
        grid.addWidget(self.record_button, len(rows), 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        top = QHBoxLayout()
        top.addLayout(grid, 3)
        top.addWidget(self.total, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)

    def _wire(self) -> None:
        for widget in self._chain:
            widget.installEventFilter(self)
        self.amount_choice.installEventFilter(self)
        for before, after in pairwise([*self._chain, self.record_button]):
            QWidget.setTabOrder(before, after)
        self.biller.currentIndexChanged.connect(lambda _index: self._on_biller_changed())
        self.account.textChanged.connect(lambda _text: self.show_account_check())
        self.account.editingFinished.connect(self._on_account_left)
        self.amount.textChanged.connect(lambda _text: self.update_total())
        self.amount.textEdited.connect(lambda _text: self.errors["amount"].clear_error())
        self.amount_choice.currentIndexChanged.connect(lambda _index: self.update_total())
        self.method.currentIndexChanged.connect(
            lambda _index: self.errors["payment_method"].clear_error()
        )
        self.record_button.clicked.connect(self.record_requested)

    def fill_billers(self) -> None:
        """(Re)fill the combo from the set in use, keeping the biller picked if it stays."""
        picked = self.biller.currentData()
        self.biller.blockSignals(True)
        self.biller.clear()
        for choice in self._controller.choices():
            self.biller.addItem(choice.name, choice.code)
        index = self.biller.findData(picked)
        self.biller.setCurrentIndex(max(index, 0))
        self.biller.blockSignals(False)
        self._on_biller_changed()

    # --- keyboard -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter = next field (record on the last one); Ctrl+Enter = record from anywhere."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _ENTER_KEYS:
            return False
        if watched is self.amount_choice:
            watched = self.amount
        if watched not in self._chain:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.record_requested.emit()
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        assert isinstance(watched, QWidget)
        self.focus_next(watched)
        return True

    def focus_next(self, after: QWidget) -> None:
        if after is self.account:
            self._on_account_left()
        index = self._chain.index(after)
        if index + 1 < len(self._chain):
            self._focus(self._chain[index + 1])
        else:
            self.record_requested.emit()

    def _focus(self, widget: QWidget) -> None:
        target = self.amount_choice if widget is self.amount and self._has_choices() else widget
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def start(self) -> None:
        """Ready for the next customer: the cursor in the account number (the biller
        is usually the same as the last one's, and one arrow key away if not)."""
        self.account.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the biller's rules ---------------------------------------------------------

    def current_biller(self) -> Biller | None:
        code = self.biller.currentData()
        return None if code is None else self._controller.billers.billers.get(code)

    def _has_choices(self) -> bool:
        biller = self.current_biller()
        return biller is not None and bool(biller.amount.choices)

    def _on_biller_changed(self) -> None:
        self.clear_errors()
        biller = self.current_biller()
        self.account_label.setText(biller.account.label if biller else self.tr("户号"))
        self.amount_choice.clear()
        if biller is not None:
            for fen in biller.amount.choices:
                self.amount_choice.addItem(yuan(Fen(fen)), fen)
            self.amount_hint.setText(amount_rule_text(biller.amount))
        choices = self._has_choices()
        self.amount.setVisible(not choices)
        self.amount_choice.setVisible(choices)
        self.show_account_check()
        self.update_total()

    def show_account_check(self) -> None:
        """Grey: the rule, while typing; green once the number fits it."""
        biller = self.current_biller()
        if biller is None:
            self.account_hint.clear()
            return
        self.errors["account"].clear_error()
        self.account_hint.show()
        fits = bool(self.account.text().strip()) and self._account_fits()
        mark = "✓ " if fits else ""
        self.account_hint.setText(mark + biller.account.description)
        self.account_hint.setStyleSheet(f"color: {GREEN if fits else GREY};")

    def _account_fits(self) -> bool:
        try:
            self._controller.check_account(self.biller.currentData() or "", self.account.text())
        except UserError:
            return False
        return True

    def _on_account_left(self) -> None:
        """Red, under the field, once the keeper moves on with a number that does not fit."""
        if not self.account.text().strip():
            return
        try:
            self._controller.check_account(self.biller.currentData() or "", self.account.text())
        except UserError as error:
            self.errors["account"].show_error(error)  # says the rule too: one line, in red
            self.account_hint.hide()

    # --- the total ------------------------------------------------------------------

    def amount_text(self) -> str:
        if self._has_choices():
            fen = self.amount_choice.currentData()
            return "" if fen is None else Fen(int(fen)).format()
        return self.amount.text()

    def update_total(self) -> None:
        biller = self.current_biller()
        if biller is None or not self.amount_text().strip():
            self.total.show_waiting(self.tr("填好金额，应收自动算出。"), biller)
            return
        try:
            quote = self._controller.quote(biller.code, self.amount_text())
        except UserError as error:
            self.total.show_waiting(user_message(error), biller)
            return
        self.total.show_quote(quote)

    # --- the order --------------------------------------------------------------------

    def order(self) -> BillOrder:
        return BillOrder(
            biller=self.biller.currentData() or "",
            account=self.account.text(),
            amount=self.amount_text(),
            payment_method=self.method.currentData() or "",
        )

    def show_refusal(self, error: UserError) -> str:
        """Under the field the core named (cursor there), else under the whole form."""
        self.clear_errors()
        text = user_message(error)
        field = error.field if isinstance(error, BillError) else None
        if field in self.errors:
            self.errors[field].show_text(text)
            self.account_hint.setVisible(field != "account")  # the error says the rule
            self._focus(self._chain[list(self.errors).index(field)])
        else:
            self.error.show_text(text)
        return text

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()
        self.error.clear_error()
        self.account_hint.show()

    def clear_for_next(self) -> None:
        """Forget the customer's number and amount; keep the biller and the method."""
        self.account.clear()
        self.amount.clear()
        self.amount_choice.setCurrentIndex(0)
        self.clear_errors()
        self.show_account_check()
        self.update_total()
        self.start()
