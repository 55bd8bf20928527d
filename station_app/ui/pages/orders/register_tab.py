"""The 登记 tab: who the order is for, what to buy, the fee and the deposit taken now.

The totals follow every keystroke (goods + fee = total, total − deposit = the balance
due at delivery), so the villager hears the figures before paying. A refusal puts its
message and the cursor where the mistake is: a field, or the item's cell.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.cash_models import METHODS
from station_app.core.errors import UserError
from station_app.core.orders.forms import OrderForm, OrderInputError
from station_app.core.orders.receipt import ReceiptKind
from station_app.core.orders.views import OrderView
from station_app.ui.controllers.orders import OrdersController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.pages.orders.items_table import DESCRIPTION, ItemsModel, ItemsTable
from station_app.ui.pages.orders.names import method_name
from station_app.ui.pages.orders.receipt_dialog import ReceiptDialog, translate_core
from station_app.ui.widgets import Field, big_button

ITEM_COLUMNS = {"description": 0, "platform": 1, "quantity": 2, "unit_price": 3}
GREEN, ORANGE = "#2e7d32", "#e65100"


class RegisterTab(QWidget):
    """Emits ``registered(OrderView)`` after an order is written."""

    registered = Signal(object)

    def __init__(self, controller: OrdersController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.name = Field(placeholder=self.tr("例如：胡建国"), parent=self)
        self.phone = Field(placeholder=self.tr("11位手机号，货到时打电话通知"), parent=self)
        self.items_model = ItemsModel(self)
        self.items = ItemsTable(self.items_model, self)
        self.items_error = ErrorLabel(self)
        self.service_fee = Field(placeholder=self.tr("没有就空着"), parent=self)
        self.deposit = Field(placeholder=self.tr("现在收多少，没有就空着"), parent=self)
        self.method = QComboBox(self)
        for method in METHODS:
            self.method.addItem(method_name(method), method)
        self.tracking = Field(
            placeholder=self.tr("知道快递单号就填，到货扫码时自动提醒"), parent=self
        )
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("font-size: 14pt;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {ORANGE};")
        self.register_button = big_button(self.tr("登记并收订金"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
        self.receipt_button = big_button(self.tr("打印登记单…"), self)
        self.receipt_button.setEnabled(False)
        self.last_order: OrderView | None = None
        self.dialog: ReceiptDialog | None = None
        self._lay_out()
        self.items_model.dataChanged.connect(lambda *_args: self.show_totals())
        self.items_model.rowsRemoved.connect(lambda *_args: self.show_totals())
        self.items_model.modelReset.connect(self.show_totals)
        self.items_model.dataChanged.connect(lambda *_args: self.items_error.clear_error())
        for field in (self.service_fee, self.deposit):
            field.edit.textChanged.connect(lambda _text: self.show_totals())
        self.name.edit.returnPressed.connect(self.phone.edit.setFocus)
        self.phone.edit.returnPressed.connect(self.items.start)
        self.service_fee.edit.returnPressed.connect(self.deposit.edit.setFocus)
        self.deposit.edit.returnPressed.connect(self.method.setFocus)
        self.tracking.edit.returnPressed.connect(self.register)
        self.register_button.clicked.connect(self.register)
        self.receipt_button.clicked.connect(self.open_receipt)
        self.show_totals()

    def _lay_out(self) -> None:
        who = QHBoxLayout()
        for label, field in ((self.tr("村民姓名"), self.name), (self.tr("手机号"), self.phone)):
            form = QFormLayout()
            form.addRow(label, field)
            who.addLayout(form, 1)
        money = QGridLayout()
        rows = (
            (self.tr("服务费（元）"), self.service_fee, self.tr("订金（元）"), self.deposit),
            (self.tr("订金收款方式"), self.method, self.tr("快递单号"), self.tracking),
        )
        for line, (left, left_widget, right, right_widget) in enumerate(rows):
            money.addWidget(QLabel(left, self), line, 0)
            money.addWidget(left_widget, line, 1)
            money.addWidget(QLabel(right, self), line, 2)
            money.addWidget(right_widget, line, 3)
        money.setColumnStretch(1, 1)
        money.setColumnStretch(3, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.register_button)
        caption = QLabel(self.tr("商品（直接打字，回车到下一格；Ctrl+Delete 删除一行）"), self)
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addWidget(caption)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.items_error)
        layout.addLayout(money)
        layout.addWidget(self.hint)
        layout.addLayout(bottom)
        done = QHBoxLayout()
        done.addWidget(self.result, 1)
        done.addWidget(self.receipt_button)
        layout.addLayout(done)

    # --- live totals ----------------------------------------------------------------

    def show_totals(self) -> None:
        shown = self._controller.preview(
            self.items_model.item_forms(), self.service_fee.text(), self.deposit.text()
        )
        self.totals.setText(
            self.tr(
                "商品 {items} + 服务费 {fee} = 总价 <b>{total}</b>；"
                "订金 <b>{deposit}</b>；交货时应收尾款 <b>{due}</b>"
            ).format(
                items=shown.items_total.format(symbol=True),
                fee=shown.service_fee.format(symbol=True),
                total=shown.total.format(symbol=True),
                deposit=shown.deposit.format(symbol=True),
                due=shown.balance_due.format(symbol=True),
            )
        )
        problem = ""
        if shown.error is not None:
            problem = self._problem_text(shown.error)
        elif shown.balance_due.fen < 0:
            problem = self.tr("订金比总价还多，请核对。")
        self.hint.setText(problem)
        self.hint.setVisible(bool(problem))

    def _problem_text(self, error: UserError) -> str:
        if isinstance(error, OrderInputError) and error.row is not None:
            filled = self.items_model.filled_rows()
            row = filled[error.row] if error.row < len(filled) else error.row
            return self.tr("第{row}行商品：{message}").format(
                row=row + 1, message=user_message(error)
            )
        return user_message(error)

    # --- registering ----------------------------------------------------------------

    def form(self) -> OrderForm:
        return OrderForm(
            customer_name=self.name.text(),
            customer_phone=self.phone.text(),
            items=self.items_model.item_forms(),
            service_fee=self.service_fee.text(),
            deposit=self.deposit.text(),
            method=str(self.method.currentData()),
            tracking_number=self.tracking.text(),
        )

    def register(self) -> None:
        self._clear_errors()
        try:
            order = self._controller.register(self.form())
        except OrderInputError as error:
            self._show_input_error(error)
            return
        except UserError as error:
            self.items_error.show_error(error)
            return
        self.result.setText(self._registered_text(order))
        self.last_order = order
        self.receipt_button.setEnabled(True)
        self._clear_form()
        self.registered.emit(order)

    def open_receipt(self) -> ReceiptDialog | None:
        """The registration slip of the order just taken, for the villager to keep."""
        if self.last_order is None:
            return None
        receipt = self._controller.receipt(self.last_order, ReceiptKind.REGISTERED, translate_core)
        self.dialog = ReceiptDialog(receipt, printer=self._controller.print_receipt, parent=self)
        self.dialog.open()
        return self.dialog

    def _registered_text(self, order: OrderView) -> str:
        if order.deposit:
            paid = self.tr("收订金 {deposit}（{method}）").format(
                deposit=order.deposit.format(symbol=True),
                method=method_name(order.deposit_method or ""),
            )
        else:
            paid = self.tr("没有收订金")
        return self.tr("已登记 {number}（{name}）：{paid}，交货时应收尾款 {due}。").format(
            number=order.number,
            name=order.customer_name,
            paid=paid,
            due=order.balance_due.format(symbol=True),
        )

    def _show_input_error(self, error: OrderInputError) -> None:
        fields = {
            "customer_name": self.name,
            "customer_phone": self.phone,
            "service_fee": self.service_fee,
            "deposit": self.deposit,
            "tracking_number": self.tracking,
        }
        field = fields.get(error.field)
        if field is not None:
            field.show_error(error)
            return
        if error.field == "method":
            self.items_error.show_error(error)
            self.method.setFocus()
            return
        self.items_error.show_text(self._problem_text(error))
        filled = self.items_model.filled_rows()
        if error.row is not None and error.row < len(filled):
            column = ITEM_COLUMNS.get(error.field, DESCRIPTION)
            self.items.setFocus()
            self.items.setCurrentIndex(self.items_model.index(filled[error.row], column))
        else:
            self.items.start()

    def _clear_errors(self) -> None:
        for field in (self.name, self.phone, self.service_fee, self.deposit, self.tracking):
            field.clear_error()
        self.items_error.clear_error()

    def _clear_form(self) -> None:
        for field in (self.name, self.phone, self.service_fee, self.deposit, self.tracking):
            field.set_text("")
        self.items_model.clear()
        self.name.edit.setFocus()
