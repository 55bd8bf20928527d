"""The 缴费 page: take the money, pay on the biller's site, record how it ended.

Top: the counter form, with the total priced live. Above it, while any payment is
unfinished, an orange bar says how many: a payment left 处理中 is a villager's money with
no result yet, and the bar stays until each one is marked 成功 or 失败. Below: today's
payments and every open one from earlier days, 处理中 first, then 待缴. The buttons act
on the selected payment and are enabled only for the steps its state allows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from station_app.core.bills.views import PaymentView
from station_app.core.db.bill_models import BillStatus
from station_app.core.errors import UserError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.bills import BillsController
from station_app.ui.messages import user_message
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.bills.dialogs import FailDialog, ReceiptDialog, SucceedDialog, describe
from station_app.ui.pages.bills.form import BillForm
from station_app.ui.pages.bills.text import (
    GREEN,
    GREY,
    ORANGE,
    RED,
    STATUS_TONES,
    method_name,
    status_name,
    yuan,
)
from station_app.ui.receipt_printing import ReceiptPrinter
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table

RESULT_POINTS = 14


class BillsPage(QWidget):
    """Emits ``wrote`` after every ledger write (the upload may follow sooner)."""

    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        parent: QWidget | None = None,
        *,
        controller: BillsController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller or BillsController(store, operator)
        self.printer = ReceiptPrinter(store)
        self.payments: list[PaymentView] = []
        self._copied: str | None = None
        self.dialog: SucceedDialog | FailDialog | ReceiptDialog | None = None
        self.title = QLabel(self.tr("缴费"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.open_bar = QFrame(self)
        self.open_text = QLabel(self.open_bar)
        self.open_text.setWordWrap(True)
        self.form = BillForm(self.controller, self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("户号后4位，回车查找"))
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 24
        )
        self.caption = QLabel(self)
        self.submit_button = big_button(self.tr("处理中"), self)
        self.succeed_button = big_button(self.tr("成功…"), self)
        self.fail_button = big_button(self.tr("失败退款…"), self)
        self.copy_button = big_button(self.tr("复制户号"), self)
        self.receipt_button = big_button(self.tr("凭条…"), self)
        self.model = RowsModel(
            [
                self.tr("状态"),
                self.tr("收款时间"),
                self.tr("缴费项目"),
                self.tr("户号"),
                self.tr("应收"),
                self.tr("方式"),
                self.tr("回执号 / 原因"),
                self.tr("收款人"),
            ]
        )
        self.table = list_table(self)
        self.table.setModel(self.model)
        self._lay_out()
        self._wire()
        self.refresh()

    def _lay_out(self) -> None:
        self.open_bar.setObjectName("openBar")
        self.open_bar.setStyleSheet(
            f"#openBar {{ background: #fff3e0; border: 2px solid {ORANGE}; }}"
            f" #openBar QLabel {{ color: {ORANGE}; font-weight: bold; }}"
        )
        bar = QHBoxLayout(self.open_bar)
        bar.addWidget(self.open_text)
        tools = QHBoxLayout()
        tools.addWidget(self.caption, 1)
        tools.addWidget(self.search)
        buttons = QHBoxLayout()
        for button in (
            self.submit_button,
            self.succeed_button,
            self.fail_button,
            self.copy_button,
            self.receipt_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.open_bar)
        layout.addWidget(self.form)
        layout.addWidget(self.result)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        self.form.record_requested.connect(self.record)
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda text: None if text.strip() else self.refresh())
        self.submit_button.clicked.connect(self.submit_selected)
        self.succeed_button.clicked.connect(self.open_succeed)
        self.fail_button.clicked.connect(self.open_fail)
        self.copy_button.clicked.connect(self.copy_account)
        self.receipt_button.clicked.connect(self.open_receipt)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._enable_actions()
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Back in front: a county set may have come, another page may have written."""
        super().showEvent(event)
        if self.controller.reload():
            self.form.fill_billers()
        self.refresh()
        if not self.isAncestorOf(self.focusWidget()):
            self.form.start()

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        self._enable_actions()

    # --- the list -------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (or the search), keeping the selected payment selected."""
        selected = self.selected()
        tail = self.search.text().strip()
        try:
            self.payments = (
                self.controller.find_by_tail(tail) if tail else self.controller.today_and_open()
            )
        except UserError as error:
            self._say(user_message(error), RED)
            return
        self.caption.setText(
            self.tr("尾号{tail}的缴费").format(tail=tail)
            if tail
            else self.tr("今日缴费（未办结的排在最前）")
        )
        self.model.set_rows([self._row(payment) for payment in self.payments])
        if selected is not None:
            self.select(selected.uid)
        self._show_open_count()
        self._enable_actions()

    def _row(self, payment: PaymentView) -> Row:
        outcome = payment.reference or payment.fail_reason or ""
        return Row(
            (
                status_name(payment.status),
                format_local_time(payment.recorded_at)[5:16],
                payment.biller_name,
                payment.account_masked,
                yuan(payment.total),
                method_name(payment.payment_method),
                outcome,
                payment.recorded_by,
            ),
            key=payment.uid,
            dimmed=payment.status is BillStatus.FAILED,
            tone=STATUS_TONES.get(payment.status),
        )

    def _show_open_count(self) -> None:
        open_ones = self.controller.pending()
        submitted = sum(p.status is BillStatus.SUBMITTED for p in open_ones)
        recorded = len(open_ones) - submitted
        self.open_bar.setVisible(bool(open_ones))
        self.open_text.setText(
            self.tr(
                "未办结：处理中 {submitted} 笔，待缴 {recorded} 笔。村民的钱还没有结果，"
                "查到缴费单位的结果后请点“成功”或“失败退款”。"
            ).format(submitted=submitted, recorded=recorded)
        )

    def selected(self) -> PaymentView | None:
        row = self.table.currentIndex().row()
        return self.payments[row] if 0 <= row < len(self.payments) else None

    def select(self, payment_uid: str) -> None:
        row = self.model.row_of(payment_uid)
        if row is not None:
            self.table.selectRow(row)

    def _enable_actions(self) -> None:
        payment = self.selected()
        status = None if payment is None else payment.status
        self.submit_button.setEnabled(status is BillStatus.RECORDED)
        self.succeed_button.setEnabled(status is BillStatus.SUBMITTED)
        self.fail_button.setEnabled(
            payment is not None and payment.is_open and self.controller.may_fail
        )
        self.copy_button.setEnabled(payment is not None and payment.is_open and payment.has_account)
        self.receipt_button.setEnabled(payment is not None)

    # --- recording ------------------------------------------------------------------

    def record(self) -> None:
        """One call to the core: the payment and its ledger entry, or nothing at all."""
        try:
            payment = self.controller.record(self.form.order())
        except UserError as error:
            self.form.show_refusal(error)
            self._say("", GREY)
            return
        self._say(
            self.tr(
                "已收款 {total}（{method}）：{biller} {account}。"
                "请到缴费单位的网站或App缴费，缴完点“处理中”。"
            ).format(
                total=yuan(payment.total),
                method=method_name(payment.payment_method),
                biller=payment.biller_name,
                account=payment.account_masked,
            ),
            GREEN,
        )
        self.form.clear_for_next()
        self.search.clear()
        self.refresh()
        self.select(payment.uid)
        self.wrote.emit()

    # --- following a payment to its end ----------------------------------------------

    def submit_selected(self) -> None:
        payment = self.selected()
        if payment is None:
            return
        try:
            done = self.controller.submit(payment.uid)
        except UserError as error:
            self._say(user_message(error), RED)
            self.refresh()
            return
        self._done(
            self.tr("已标记处理中：{what}。有结果后点“成功”或“失败退款”。").format(
                what=describe(done)
            )
        )

    def open_succeed(self) -> SucceedDialog | None:
        payment = self.selected()
        if payment is None:
            return None

        def submit(reference: str) -> None:
            done = self.controller.succeed(payment.uid, reference)
            self._done(
                self.tr("缴费成功：{what}，回执号{reference}。可以打印凭条给村民。").format(
                    what=describe(done), reference=done.reference or ""
                )
            )

        self.dialog = SucceedDialog(payment, submit, self)
        self.dialog.open()
        return self.dialog

    def open_fail(self) -> FailDialog | None:
        payment = self.selected()
        if payment is None:
            return None
        try:
            self.controller.check_may_fail()
        except UserError as error:
            self._say(user_message(error), RED)
            return None

        def submit(reason: str) -> None:
            done = self.controller.fail(payment.uid, reason)
            self._done(
                self.tr("已标记失败：{what}。请把{total}退还给村民（{method}）。").format(
                    what=describe(done),
                    total=yuan(done.total),
                    method=method_name(done.payment_method),
                )
            )

        self.dialog = FailDialog(payment, submit, self)
        self.dialog.open()
        return self.dialog

    def _done(self, text: str) -> None:
        self._say(text, GREEN)
        self._forget_copied()
        self.refresh()
        self.wrote.emit()

    def _forget_copied(self) -> None:
        """Once the payment moved on, the number it was copied for leaves the clipboard
        (unless the keeper copied something else since)."""
        clipboard = QGuiApplication.clipboard()
        if self._copied is not None and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = None

    def copy_account(self) -> None:
        """The full number onto the clipboard, to paste on the biller's site; never shown."""
        payment = self.selected()
        if payment is None:
            return
        try:
            account = self.controller.full_account(payment.uid)
        except UserError as error:
            self._say(user_message(error), RED)
            return
        QGuiApplication.clipboard().setText(account)
        self._copied = account
        self._say(
            self.tr("已复制{account}的完整号码，可以粘贴到缴费单位的网站或App。").format(
                account=payment.account_masked
            ),
            GREEN,
        )

    def open_receipt(self) -> ReceiptDialog | None:
        payment = self.selected()
        if payment is None:
            return None
        self.dialog = ReceiptDialog(
            self.controller.receipt(payment),
            lambda receipt: self.printer.print(receipt).message,
            self,
        )
        self.dialog.open()
        return self.dialog

    def _say(self, text: str, color: str) -> None:
        self.result.setStyleSheet(
            f"color: {color}; font-size: {RESULT_POINTS}pt; font-weight: bold;"
        )
        self.result.setText(text)
