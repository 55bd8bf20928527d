"""A receipt shown as it will print, with a button to print it.

The preview is the thermal printer's own column layout (``receipts.layout_text``), so
what the keeper checks on screen is line for line what comes out of a 58 mm printer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import CONTEXT
from station_app.core.receipts import Receipt, layout_text
from station_app.ui.messages import ErrorLabel

COLUMNS = 32  # a 58 mm roll
PREVIEW_LINES = 26  # a whole slip of a few items, and still fits a 768-pixel screen

Printer = Callable[[Receipt], str]
"""Prints a receipt; answers an error to show, or "" when it went to the printer."""


def translate_core(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def print_on_default_printer(receipt: Receipt) -> str:
    from station_app.devices.receipt_escpos import ReceiptNotPrinted
    from station_app.devices.receipt_qt import render, system_printer

    printer = system_printer()
    if printer is None:
        return QCoreApplication.translate(
            "ReceiptDialog", "没有找到打印机，请在系统里装好小票打印机。"
        )
    try:
        render(printer, receipt)
    except ReceiptNotPrinted as error:
        return str(error)
    return ""


class ReceiptDialog(QDialog):
    def __init__(
        self,
        receipt: Receipt,
        printer: Printer = print_on_default_printer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.receipt = receipt
        self._printer = printer
        self.setWindowTitle(receipt.title)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(layout_text(receipt, COLUMNS, translate=translate_core))
        metrics = self.text.fontMetrics()
        self.text.setMinimumWidth(metrics.horizontalAdvance("M" * (COLUMNS + 6)))
        self.text.setMinimumHeight(metrics.lineSpacing() * PREVIEW_LINES)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.print_button = self.buttons.addButton(
            self.tr("打印"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_receipt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def print_receipt(self) -> None:
        problem = self._printer(self.receipt)
        if problem:
            self.error.show_text(problem)
            return
        self.accept()
