"""The 日结 page: what came in and went out since the last close, the drawer counted
against the book, petty cash, and the closes before.

The expected figures are the book's; the keeper types what is really there, and the
difference shows as they type (长款 over, 短款 short), so a miscount is found before the
close is written rather than after. Only a keeper closes; everyone may record petty cash.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.cash.day_close import METHOD_NAMES, Closed, Summary
from station_app.core.cash.petty import Direction
from station_app.core.cash.report import KIND_NAMES
from station_app.core.db.cash_models import METHODS
from station_app.core.errors import CONTEXT, UserError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.cash import CashController, PastClose
from station_app.ui.messages import ErrorLabel
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.settings_dialogs import FormDialog
from station_app.ui.receipt_printing import Printed, ReceiptPrinter
from station_app.ui.text import format_local_time
from station_app.ui.widgets import Field, big_button, list_table

GREEN, RED, GREY = "#2e7d32", "#c62828", "#555"


def method_name(method: str) -> str:
    return QCoreApplication.translate(CONTEXT, METHOD_NAMES.get(method, method))


def kind_name(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_NAMES.get(kind, kind))


def difference_text(difference: Fen) -> tuple[str, str]:
    """The difference in words and its colour: 长款 and 短款 are what keepers say."""
    if difference.fen == 0:
        return QCoreApplication.translate("DayClosePage", "相符"), GREEN
    if difference.fen > 0:
        return QCoreApplication.translate("DayClosePage", "长款 {amount}").format(
            amount=difference.format(symbol=True)
        ), RED
    return QCoreApplication.translate("DayClosePage", "短款 {amount}").format(
        amount=abs(difference).format(symbol=True)
    ), RED


class PettyDialog(FormDialog):
    """Amount, how it was paid, and what for."""

    def __init__(
        self,
        direction: Direction,
        submit: Callable[[str, str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("零钱收入") if direction is Direction.IN else self.tr("零钱支出")
        super().__init__(title, parent)
        self.amount = Field(placeholder=self.tr("例如 50 或 12.50"))
        self.method = QComboBox(self)
        for method in METHODS:
            self.method.addItem(method_name(method), method)
        example = (
            self.tr("例如：备用零钱") if direction is Direction.IN else self.tr("例如：买打印纸")
        )
        self.reason = Field(placeholder=example)
        self.form.addRow(self.tr("金额（元）"), self.amount)
        self.form.addRow(self.tr("方式"), self.method)
        self.form.addRow(self.tr("说明"), self.reason)
        self.finish_layout(
            lambda: submit(self.amount.text(), str(self.method.currentData()), self.reason.text())
        )


class CountRow:
    """One method's line in the count: expected, the typed count, the difference."""

    def __init__(self, method: str, parent: QWidget) -> None:
        self.method = method
        self.name = QLabel(method_name(method), parent)
        self.expected = QLabel(parent)
        self.counted = QLineEdit(parent)
        self.counted.setPlaceholderText(QCoreApplication.translate("DayClosePage", "清点金额"))
        self.difference = QLabel(parent)
        self.expected_fen = Fen(0)

    def show_difference(self) -> None:
        text = self.counted.text().strip()
        if not text:
            self.difference.setText("")
            return
        try:
            counted = Fen.parse(text)
        except UserError:
            self.difference.setText(QCoreApplication.translate("DayClosePage", "金额写法不对"))
            self.difference.setStyleSheet(f"color: {RED};")
            return
        words, colour = difference_text(counted - self.expected_fen)
        self.difference.setText(words)
        self.difference.setStyleSheet(f"color: {colour};")


class DayClosePage(QWidget):
    """Emits ``wrote`` after petty cash or a close went on the ledger."""

    wrote = Signal()

    def __init__(self, store: Store, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = CashController(store, operator)
        self.summary: Summary | None = None
        self.title = QLabel(self.tr("日结"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.period = QLabel(self)
        self.period.setWordWrap(True)
        self.kinds_model = RowsModel(
            [self.tr("项目"), self.tr("方式"), self.tr("笔数"), self.tr("金额")]
        )
        self.kinds = list_table(self)
        self.kinds.setModel(self.kinds_model)
        self.petty_in = QPushButton(self.tr("零钱收入…"), self)
        self.petty_out = QPushButton(self.tr("零钱支出…"), self)
        self.petty_in.clicked.connect(lambda: self.open_petty(Direction.IN))
        self.petty_out.clicked.connect(lambda: self.open_petty(Direction.OUT))
        self.dialog: PettyDialog | None = None
        self.rows = {method: CountRow(method, self) for method in METHODS}
        self.opening = QLabel(self)
        self.note = Field(placeholder=self.tr("长款、短款的原因，或要交代的事"), parent=self)
        self.close_button = big_button(self.tr("日结"), self)
        self.close_button.clicked.connect(self.close_day)
        self.keeper_only = QLabel(self.tr("只有站长可以日结。"), self)
        self.keeper_only.setStyleSheet(f"color: {GREY};")
        self.pending_box = QGroupBox(self.tr("还没有结果的缴费"), self)
        self.pending_box.setStyleSheet("QGroupBox { color: #e65100; font-weight: bold; }")
        self.pending_list = QLabel(self.pending_box)
        self.pending_list.setWordWrap(True)
        self.pending_list.setStyleSheet("font-weight: normal;")
        self.carry_over = QCheckBox(self.tr("已逐笔核对，转入下一天"), self.pending_box)
        pending_layout = QVBoxLayout(self.pending_box)
        pending_layout.addWidget(self.pending_list)
        pending_layout.addWidget(self.carry_over)
        self._pending_uids: list[str] = []
        self.error = ErrorLabel(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.history_model = RowsModel(
            [
                self.tr("营业日"),
                self.tr("日结时间"),
                self.tr("日结人"),
                self.tr("应有合计"),
                self.tr("清点合计"),
                self.tr("长短款"),
                self.tr("备注"),
            ]
        )
        self.history = list_table(self)
        self.history.setModel(self.history_model)
        self.printer = ReceiptPrinter(store)
        self.reprint_button = QPushButton(self.tr("重打日结单"), self)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.printed = QLabel(self)
        self.printed.setWordWrap(True)
        for row in self.rows.values():
            row.counted.textChanged.connect(lambda _text, row=row: row.show_difference())
        self._lay_out()
        self.set_operator(operator)

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("本期收付"), self))
        left.addWidget(self.kinds, 1)
        petty = QHBoxLayout()
        petty.addWidget(self.petty_in)
        petty.addWidget(self.petty_out)
        petty.addStretch(1)
        left.addLayout(petty)
        count = QGroupBox(self.tr("清点钱箱"), self)
        grid = QGridLayout()
        for column, caption in enumerate((self.tr("方式"), self.tr("应有"), self.tr("清点"), "")):
            grid.addWidget(QLabel(caption, count), 0, column)
        for line, row in enumerate(self.rows.values(), start=1):
            for column, widget in enumerate((row.name, row.expected, row.counted, row.difference)):
                grid.addWidget(widget, line, column)
        grid.setColumnStretch(2, 1)
        box = QVBoxLayout(count)
        box.addWidget(self.opening)
        box.addLayout(grid)
        box.addWidget(self.pending_box)
        box.addWidget(QLabel(self.tr("备注"), count))
        box.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.keeper_only, 1)
        box.addLayout(buttons)
        box.addWidget(self.error)
        box.addWidget(self.result)
        box.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(count, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addLayout(top, 3)
        history_bar = QHBoxLayout()
        history_bar.addWidget(QLabel(self.tr("历次日结"), self))
        history_bar.addWidget(self.printed, 1)
        history_bar.addWidget(self.reprint_button)
        layout.addLayout(history_bar)
        layout.addWidget(self.history, 2)

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        keeper = self.controller.can_close
        self.keeper_only.setVisible(not keeper)
        for widget in (self.close_button, self.note, *(r.counted for r in self.rows.values())):
            widget.setEnabled(keeper)
        self.refresh()

    def refresh(self) -> None:
        summary = self.controller.summary()
        self.summary = summary
        self.kinds_model.set_rows(
            [
                Row(
                    (
                        kind_name(line.kind),
                        method_name(line.method),
                        str(line.count),
                        line.amount.format(symbol=True),
                    ),
                    key=f"{line.kind}-{line.method}",
                )
                for line in summary.kinds
            ]
        )
        self.opening.setText(
            self.tr("期初现金（上次日结清点）：{amount}").format(
                amount=summary.opening_cash.format(symbol=True)
            )
        )
        for method, row in self.rows.items():
            row.expected_fen = summary.expected(method)
            row.expected.setText(row.expected_fen.format(symbol=True))
            row.show_difference()
        self.period.setText(self._period_text(summary))
        self._show_pending()
        closed = summary.closed_today is not None
        self.close_button.setEnabled(self.controller.can_close and not closed)
        self.history_model.set_rows([self._history_row(past) for past in self.controller.history()])

    def _show_pending(self) -> None:
        """Open bill payments: each one is named, and closing needs the keeper's tick."""
        pending = self.controller.pending_bills()
        self._pending_uids = [payment.uid for payment in pending]
        self.pending_box.setVisible(bool(pending))
        self.carry_over.setChecked(False)
        self.pending_list.setText(
            "\n".join(
                f"{p.biller_name} {p.account_masked} {(p.amount + p.fee).format(symbol=True)}"
                f"（{format_local_time(p.recorded_at)}）"
                for p in pending
            )
        )

    def _period_text(self, summary: Summary) -> str:
        if summary.after_seq == 0:
            text = self.tr("营业日 {day}。还没有日结过，开始使用以来共 {count} 笔收付。").format(
                day=summary.business_day, count=summary.movement_count
            )
        else:
            text = self.tr("营业日 {day}。上次日结以来共 {count} 笔收付。").format(
                day=summary.business_day, count=summary.movement_count
            )
        if summary.closed_today is not None:
            text += self.tr(
                "今天已经日结过了（{operator}，{time}）。之后的收付计入下次日结。"
            ).format(
                operator=summary.closed_today.operator,
                time=format_local_time(summary.closed_today.closed_at),
            )
        return text

    def _history_row(self, past: PastClose) -> Row:
        expected = sum((fen for fen in past.expected.values()), Fen(0))
        counted = sum((fen for fen in past.counted.values()), Fen(0))
        words, colour = difference_text(past.difference())
        return Row(
            (
                past.business_day,
                format_local_time(past.closed_at),
                past.operator,
                expected.format(symbol=True),
                counted.format(symbol=True),
                words,
                past.note,
            ),
            key=past.business_day,
            tone=None if colour == GREEN else colour,
        )

    # --- actions ---------------------------------------------------------------------

    def close_day(self) -> None:
        self.error.clear_error()
        counted = {method: row.counted.text() for method, row in self.rows.items()}
        try:
            carried = self._pending_uids if self.carry_over.isChecked() else []
            closed = self.controller.close(counted, self.note.text(), carried)
        except UserError as error:
            self.error.show_error(error)
            return
        for row in self.rows.values():
            row.counted.clear()
        self.note.set_text("")
        self.result.setText(self._closed_text(closed))
        self.refresh()
        self.wrote.emit()
        self.print_report(closed.business_day)

    def print_report(self, business_day: str, *, reprint: bool = False) -> Printed:
        """After the close is committed: a printer problem costs a message, not the close."""
        printed = self.printer.print(self.controller.report(business_day, reprint=reprint))
        self.printed.setText(printed.message)
        self.printed.setStyleSheet(f"color: {GREY if printed.ok else RED};")
        return printed

    def reprint_selected(self) -> Printed | None:
        rows = self.history.selectionModel().selectedRows()
        key = self.history_model.key_at(rows[0].row()) if rows else None
        if key is None:
            self.printed.setText(self.tr("请先在下面的列表里选一次日结。"))
            self.printed.setStyleSheet(f"color: {RED};")
            return None
        return self.print_report(key, reprint=True)

    def _closed_text(self, closed: Closed) -> str:
        parts = []
        for method in closed.counted:
            words, _colour = difference_text(closed.difference(method))
            parts.append(f"{method_name(method)}：{words}")
        return self.tr("日结完成（营业日 {day}）。{details}").format(
            day=closed.business_day, details="；".join(parts)
        )

    def open_petty(self, direction: Direction) -> PettyDialog:
        def submit(amount: str, method: str, reason: str) -> None:
            self.controller.petty(direction, amount, method, reason)

        dialog = PettyDialog(direction, submit, self)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(self.wrote)
        self.dialog = dialog
        dialog.open()
        return dialog
