"""The small forms of the 缴费 list: 成功 asks for the biller's reference, 失败 for the
reason (and says what goes back to the customer), 凭条 shows the slip and prints it.

Opened with ``open()`` and kept open on an error, like the 取消寄件 form, so what was
typed is not lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from station_app.core.bills.views import PaymentView
from station_app.core.receipts import Receipt, layout_text
from station_app.ui.pages.bills.text import core_text, method_name, yuan
from station_app.ui.pages.settings_dialogs import FormDialog

RECEIPT_COLUMNS = 32  # a 58 mm roll, the common one at village counters


def describe(payment: PaymentView) -> str:
    return QCoreApplication.translate("bills", "{biller} {account}，{amount}").format(
        biller=payment.biller_name, account=payment.account_masked, amount=yuan(payment.total)
    )


class SucceedDialog(FormDialog):
    """``submit(reference)`` marks it 成功; a UserError keeps the dialog open."""

    def __init__(
        self, payment: PaymentView, submit: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("缴费成功"), parent)
        self.payment = payment
        what = QLabel(describe(payment), self)
        what.setWordWrap(True)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("缴费单位给的回执号或交易流水号"))
        self.form.addRow(what)
        self.form.addRow(self.tr("回执号"), self.reference)
        self.finish_layout(lambda: submit(self.reference.text()))


class FailDialog(FormDialog):
    """``submit(reason)`` marks it 失败 and books the refund; only a keeper gets here."""

    def __init__(
        self, payment: PaymentView, submit: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("缴费失败，退款"), parent)
        self.payment = payment
        what = QLabel(describe(payment), self)
        what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("必填，如：户号已销户、系统提示缴费失败"))
        self.refund = QLabel(
            self.tr("要退还给村民 {total}（{method}）。").format(
                total=yuan(payment.total), method=method_name(payment.payment_method)
            ),
            self,
        )
        self.refund.setWordWrap(True)
        self.form.addRow(what)
        self.form.addRow(self.tr("失败原因"), self.reason)
        self.form.addRow(self.refund)
        self.finish_layout(lambda: submit(self.reason.text()))


class ReceiptDialog(FormDialog):
    """The customer's slip as a 58 mm thermal printer lays it out; 打印 sends it where
    the station's settings say and shows how that went (OK just closes)."""

    def __init__(
        self,
        receipt: Receipt,
        print_receipt: Callable[[Receipt], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("缴费凭条"), parent)
        self.receipt = receipt
        self._print_receipt = print_receipt
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setPlainText(layout_text(receipt, RECEIPT_COLUMNS, translate=core_text))
        self.preview.setMinimumHeight(self.fontMetrics().height() * 16)
        self.print_button = QPushButton(self.tr("打印"), self)
        self.printed = QLabel(self)
        self.printed.setWordWrap(True)
        self.form.addRow(self.preview)
        self.form.addRow(self.print_button, self.printed)
        self.print_button.clicked.connect(self.print_now)
        self.finish_layout(lambda: None)

    def print_now(self) -> None:
        self.printed.setText(self._print_receipt(self.receipt))
