"""The 报表 tab: what the station bought over a period, broken down one way at a time,
with the 帮扶 figures the township asks for, to Excel or on paper.

Every figure is summed in the core as whole grams and fen; here they are only shown
(kg and 元, exactly, never through a float). The 合计 line counts a farmer once over
the period however many days they sold.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.produce.reports import (
    BREAKDOWNS,
    AssistanceFigures,
    AssistanceSummary,
    Breakdown,
    ReportRow,
)
from station_app.core.store import Store
from station_app.ui.controllers.produce_records import ProduceRecordsController
from station_app.ui.messages import show_outcome, user_message
from station_app.ui.models import Row
from station_app.ui.pages.produce.records_table import ToneRowsModel, fit_columns
from station_app.ui.pages.produce.text import core_text, jin_figure, kg_figure
from station_app.ui.receipt_printing import ReceiptPrinter
from station_app.ui.widgets import big_button, list_table

PERIODS = ("today", "week", "month", "custom")
HELP_FIGURE_STYLE = "font-size: 13pt;"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CHECKED_STYLE = "QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }"
"""The breakdown in view is plainly the pressed one."""
AskPath = Callable[[str], str]
"""Asks where to save the workbook, given a suggested path; "" when the keeper cancels."""


def period_days(period: str, today: date) -> tuple[date, date]:
    """今天, 本周 (from Monday), 本月 (from the 1st): each up to today."""
    if period == "week":
        return today - timedelta(days=today.weekday()), today
    if period == "month":
        return today.replace(day=1), today
    return today, today


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> str:
    value = edit.date()
    return date(value.year(), value.month(), value.day()).isoformat()


class ReportsTab(QWidget):
    """Only reads; ``wrote`` is there for the page, which connects every tab alike."""

    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        parent: QWidget | None = None,
        *,
        controller: ProduceRecordsController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller or ProduceRecordsController(store, operator)
        self.ask_path: AskPath = self._ask_path
        self.rows: list[ReportRow] = []
        self.total: ReportRow | None = None
        self.summary: AssistanceSummary | None = None
        self.period = QComboBox(self)
        names = {
            "today": self.tr("今天"),
            "week": self.tr("本周"),
            "month": self.tr("本月"),
            "custom": self.tr("自定义"),
        }
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.day_from = QDateEdit(self)
        self.day_to = QDateEdit(self)
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.breakdowns = QButtonGroup(self)
        self.breakdowns.setExclusive(True)
        titles = {
            "day": self.tr("按日"),
            "farmer": self.tr("按农户"),
            "village": self.tr("按村"),
            "product": self.tr("按品种"),
            "grade": self.tr("按等级"),
            "household": self.tr("按户类型"),
        }
        self.breakdown_buttons: dict[Breakdown, QPushButton] = {}
        for index, key in enumerate(BREAKDOWNS):
            button = QPushButton(titles[key], self)
            button.setCheckable(True)
            button.setMinimumHeight(34)
            button.setMinimumWidth(90)
            button.setStyleSheet(CHECKED_STYLE)
            self.breakdowns.addButton(button, index)
            self.breakdown_buttons[key] = button
        self.breakdown_buttons["day"].setChecked(True)
        self.model = ToneRowsModel(
            [
                self.tr("日期"),
                self.tr("收购笔数"),
                self.tr("农户数"),
                self.tr("净重（公斤）"),
                self.tr("净重（斤）"),
                self.tr("金额（元）"),
            ],
            self,
        )
        self.model.align_right(1, 2, 3, 4, 5)
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table)
        self.help_box = QGroupBox(self.tr("帮扶汇总（按收购时登记的户类型）"), self)
        self.help_labels: dict[tuple[str, str], QLabel] = {}
        self.export_button = big_button(self.tr("导出Excel…"), self)
        self.print_button = big_button(self.tr("打印"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        self._lay_out()
        self.period.currentIndexChanged.connect(lambda _index: self._period_changed())
        self.day_from.dateChanged.connect(lambda _day: self._dates_changed())
        self.day_to.dateChanged.connect(lambda _day: self._dates_changed())
        self.breakdowns.idToggled.connect(self._breakdown_toggled)
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_report)
        self._set_period_dates()

    @property
    def printer(self) -> ReceiptPrinter:
        return self.controller.printer

    def _lay_out(self) -> None:
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("时间"), self))
        period_row.addWidget(self.period)
        period_row.addWidget(QLabel(self.tr("从"), self))
        period_row.addWidget(self.day_from)
        period_row.addWidget(QLabel(self.tr("到"), self))
        period_row.addWidget(self.day_to)
        period_row.addStretch(1)
        period_row.addWidget(self.export_button)
        period_row.addWidget(self.print_button)
        breakdown_row = QHBoxLayout()
        for button in self.breakdown_buttons.values():
            breakdown_row.addWidget(button)
        breakdown_row.addStretch(1)
        grid = QGridLayout(self.help_box)
        grid.setHorizontalSpacing(24)
        headers = [self.tr("农户数"), self.tr("净重（公斤）"), self.tr("金额（元）")]
        for column, header in enumerate(headers, start=1):
            title = QLabel(header, self.help_box)
            title.setStyleSheet("color: #555;")
            title.setAlignment(RIGHT)
            grid.addWidget(title, 0, column)
        lines = [
            ("lifted", self.tr("脱贫户")),
            ("monitored", self.tr("监测对象")),
            ("assisted", self.tr("帮扶合计")),
        ]
        for row, (key, name) in enumerate(lines, start=1):
            label = QLabel(name, self.help_box)
            grid.addWidget(label, row, 0)
            for column, part in enumerate(("households", "kg", "yuan"), start=1):
                value = QLabel(self.help_box)
                value.setAlignment(RIGHT)
                value.setStyleSheet(HELP_FIGURE_STYLE)
                grid.addWidget(value, row, column)
                self.help_labels[key, part] = value
            if key == "assisted":
                label.setStyleSheet("font-weight: bold;")
                for part in ("households", "kg", "yuan"):
                    self.help_labels[key, part].setStyleSheet(
                        HELP_FIGURE_STYLE + " font-weight: bold;"
                    )
        bottom = QHBoxLayout()
        bottom.addWidget(self.help_box)
        bottom.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(period_row)
        layout.addLayout(breakdown_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def showEvent(self, event: QShowEvent) -> None:
        """Read again whenever the tab comes to the front: purchases on the 收购 tab
        change what this one shows."""
        super().showEvent(event)
        self.refresh()

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        self.refresh()

    # --- the period -----------------------------------------------------------------

    def _breakdown_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.refresh()

    def _period_changed(self) -> None:
        self._set_period_dates()
        self.refresh()

    def _set_period_dates(self) -> None:
        period = str(self.period.currentData())
        custom = period == "custom"
        self.day_from.setEnabled(custom)
        self.day_to.setEnabled(custom)
        if custom:
            return
        first, last = period_days(period, self.controller.today())
        for edit, day in ((self.day_from, first), (self.day_to, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _dates_changed(self) -> None:
        if self.period.currentData() == "custom":
            self.refresh()

    def set_period(self, period: str, first: date | None = None, last: date | None = None) -> None:
        """Choose a period; 自定义 with its days (as the keeper would pick them)."""
        self.period.setCurrentIndex(self.period.findData(period))
        if period == "custom" and first is not None and last is not None:
            self.day_from.setDate(_qdate(first))
            self.day_to.setDate(_qdate(last))

    def days(self) -> tuple[str, str]:
        return _day(self.day_from), _day(self.day_to)

    def breakdown(self) -> Breakdown:
        return BREAKDOWNS[max(0, self.breakdowns.checkedId())]

    def set_breakdown(self, by: Breakdown) -> None:
        self.breakdown_buttons[by].setChecked(True)

    # --- reading --------------------------------------------------------------------

    def refresh(self) -> None:
        if self.period.currentData() != "custom":
            self._set_period_dates()
        day_from, day_to = self.days()
        by = self.breakdown()
        try:
            self.rows, self.total, self.summary = self.controller.report(day_from, day_to, by)
        except UserError as error:
            self.rows, self.total, self.summary = [], None, None
            self.model.set_toned_rows([])
            self._show_summary()
            show_outcome(self.result, user_message(error), ok=False)
            self._update_buttons()
            return
        self.model.set_header(0, self._first_header(by))
        rows = [self._row(row) for row in self.rows]
        bold: set[int] = set()
        if self.total is not None:
            rows.append(self._row(self.total))
            bold.add(len(rows) - 1)
        self.model.set_toned_rows(rows, bold=bold)
        self._show_summary()
        if not self.rows:
            show_outcome(self.result, self.tr("这段时间没有收购。"), ok=None)
        else:
            self.result.hide()
        self._update_buttons()

    def _first_header(self, by: Breakdown) -> str:
        headers = {
            "day": self.tr("日期"),
            "farmer": self.tr("农户"),
            "village": self.tr("村"),
            "product": self.tr("品种"),
            "grade": self.tr("品种等级"),
            "household": self.tr("户类型"),
        }
        return headers[by]

    def _row(self, row: ReportRow) -> Row:
        return Row(
            (
                core_text(row.label),
                str(row.purchases),
                str(row.households),
                kg_figure(row.net_g),
                jin_figure(row.net_g),
                Fen(row.amount_fen).format(grouping=True),
            ),
            key=row.key,
        )

    def _show_summary(self) -> None:
        summary = self.summary
        figures: dict[str, AssistanceFigures | None] = {
            "lifted": summary.lifted if summary else None,
            "monitored": summary.monitored if summary else None,
            "assisted": summary.assisted if summary else None,
        }
        for key, numbers in figures.items():
            self.help_labels[key, "households"].setText(
                self.tr("{count} 户").format(count=numbers.households) if numbers else "—"
            )
            self.help_labels[key, "kg"].setText(kg_figure(numbers.net_g) if numbers else "—")
            self.help_labels[key, "yuan"].setText(
                Fen(numbers.amount_fen).format(grouping=True) if numbers else "—"
            )

    def _update_buttons(self) -> None:
        ready = self.total is not None
        self.export_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def cells(self) -> list[list[str]]:
        return [
            [self.model.cell(row, column) for column in range(self.model.columnCount())]
            for row in range(self.model.rowCount())
        ]

    # --- out ------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出收购报表"), suggested, self.tr("Excel 表格 (*.xlsx)")
        )
        return path

    def suggested_path(self) -> str:
        day_from, day_to = self.days()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("收购报表_{day_from}_{day_to}.xlsx").format(day_from=day_from, day_to=day_to)
        return str(Path(folder) / name) if folder else name

    def export(self) -> Path | None:
        """Asks where, then writes the workbook (every breakdown and 帮扶汇总)."""
        chosen = self.ask_path(self.suggested_path())
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        day_from, day_to = self.days()
        try:
            written = self.controller.export_xlsx(path, day_from, day_to)
        except UserError as error:
            show_outcome(self.result, user_message(error), ok=False)
            return None
        show_outcome(self.result, self.tr("报表已导出到 {path}").format(path=written), ok=True)
        return written

    def print_report(self) -> str:
        day_from, day_to = self.days()
        try:
            receipt = self.controller.report_receipt(day_from, day_to)
        except UserError as error:
            show_outcome(self.result, user_message(error), ok=False)
            return user_message(error)
        printed = self.printer.print(receipt)
        show_outcome(self.result, printed.message, ok=printed.ok)
        return printed.message
