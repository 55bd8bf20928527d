"""The 今日 tab: the day's numbers in big type, per courier, and the overdue parcels.

The keeper glances at it between vans; the overdue list is where reminders start
(再次通知: selected rows, or all; at most once a day per parcel) and where a parcel
nobody came for is returned to its courier.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station_app.core.notifications.reminders import ReminderReport
from station_app.core.parcels.views import ParcelView
from station_app.devices.sound import Sound
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.messages import ErrorLabel
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.parcels.models import (
    CodeRowsModel,
    fit_columns,
    parcel_headers,
    parcel_row,
)
from station_app.ui.pages.parcels.return_dialog import ReturnDialog
from station_app.ui.widgets import big_button, list_table

COUNT_POINTS = 28


def reminder_report_text(report: ReminderReport) -> str:
    """One line for the keeper: how many were queued, which were already told today."""
    parts = []
    if report.queued:
        parts.append(
            QCoreApplication.translate("TodayTab", "已为{count}件排队发送提醒").format(
                count=len(report.queued)
            )
        )
    if report.already_today:
        parts.append(
            QCoreApplication.translate("TodayTab", "{codes} 今天已经提醒过，明天再发").format(
                codes="、".join(report.already_today)
            )
        )
    if report.gone:
        parts.append(
            QCoreApplication.translate("TodayTab", "{codes} 已不在架上").format(
                codes="、".join(report.gone)
            )
        )
    return "；".join(parts) + "。"


class CountBox(QWidget):
    """One number, big, with its name under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLabel("0", self)
        self.value.setStyleSheet(f"font-size: {COUNT_POINTS}pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 24, 0)
        layout.addWidget(self.value)
        layout.addWidget(QLabel(title, self))

    def set_value(self, value: int) -> None:
        self.value.setText(str(value))


class TodayTab(QWidget):
    """Emits ``changed`` after a return from the overdue list, ``reminded`` after
    reminders were queued (the dispatcher then sends them soon)."""

    changed = Signal()
    reminded = Signal()

    def __init__(
        self,
        controller: ParcelsController,
        play: Callable[[Sound], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._overdue: list[ParcelView] = []
        self.dialog: ReturnDialog | None = None
        self.checked_in = CountBox(self.tr("今日入库"), self)
        self.picked_up = CountBox(self.tr("今日出库"), self)
        self.waiting = CountBox(self.tr("在架"), self)
        self.overdue_count = CountBox(self.tr("滞留"), self)
        self.couriers_model = RowsModel(
            [self.tr("快递公司"), self.tr("今日入库"), self.tr("今日出库"), self.tr("在架")], self
        )
        self.couriers = list_table(self)
        self.couriers.setModel(self.couriers_model)
        self.overdue_model: RowsModel = CodeRowsModel(parcel_headers()[:6], self)
        self.overdue = list_table(self)
        self.overdue.setModel(self.overdue_model)
        self.overdue.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.overdue)
        self.overdue_caption = QLabel(self)
        self.refresh_button = big_button(self.tr("刷新 (F5)"), self)
        self.refresh_button.setShortcut("F5")
        self.return_button = big_button(self.tr("退件…"), self)
        self.remind_button = big_button(self.tr("再次通知"), self)
        self.remind_all_button = big_button(self.tr("全部再次通知"), self)
        self.remind_notice = QLabel(self)
        self.remind_notice.setWordWrap(True)
        self.message = ErrorLabel(self)
        self._lay_out()
        self.refresh_button.clicked.connect(self.refresh)
        self.return_button.clicked.connect(self.open_return)
        self.remind_button.clicked.connect(self.remind_selected)
        self.remind_all_button.clicked.connect(self.remind_all)
        self.refresh()

    def _lay_out(self) -> None:
        counts = QHBoxLayout()
        for box in (self.checked_in, self.picked_up, self.waiting, self.overdue_count):
            counts.addWidget(box)
        counts.addStretch(1)
        counts.addWidget(self.refresh_button)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("按快递公司"), self), 0, 0)
        grid.addWidget(self.overdue_caption, 0, 1)
        grid.addWidget(self.couriers, 1, 0)
        grid.addWidget(self.overdue, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remind_notice, 1)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.remind_button)
        buttons.addWidget(self.remind_all_button)
        buttons.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        counts = self._controller.day_counts()
        self.checked_in.set_value(counts.checked_in)
        self.picked_up.set_value(counts.picked_up)
        self.waiting.set_value(counts.waiting)
        self.overdue_count.set_value(counts.overdue)
        names = self._controller.courier_name
        self.couriers_model.set_rows(
            [
                Row(
                    (names(code), str(c["in"]), str(c["out"]), str(c["waiting"])),
                    key=code,
                )
                for code, c in sorted(counts.by_courier.items())
            ]
        )
        self._overdue = self._controller.overdue()
        self.overdue_model.set_rows(
            [
                Row(row.cells[:6], row.key)
                for row in (parcel_row(v, names(v.courier)) for v in self._overdue)
            ]
        )
        self.overdue_caption.setText(
            self.tr("滞留件（在架超过{days}天）").format(days=self._controller.overdue_days())
        )

    def selected_parcel(self) -> ParcelView | None:
        row = self.overdue.currentIndex().row()
        return self._overdue[row] if 0 <= row < len(self._overdue) else None

    def selected_parcels(self) -> list[ParcelView]:
        rows = sorted({index.row() for index in self.overdue.selectionModel().selectedRows()})
        return [self._overdue[row] for row in rows if 0 <= row < len(self._overdue)]

    def remind_selected(self) -> None:
        chosen = self.selected_parcels()
        if not chosen:
            self.message.show_text(self.tr("请先在滞留件里选中要再次通知的包裹。"))
            return
        self._remind(chosen)

    def remind_all(self) -> None:
        if not self._overdue:
            self.message.show_text(self.tr("没有滞留件，不用再次通知。"))
            return
        self._remind(list(self._overdue))

    def _remind(self, parcels: list[ParcelView]) -> None:
        self.message.clear_error()
        report = self._controller.remind([parcel.uid for parcel in parcels])
        self.remind_notice.setText(reminder_report_text(report))
        self.remind_notice.setStyleSheet("color: #2e7d32;" if report.queued else "color: #555;")
        if report.queued:
            self._play(Sound.SUCCESS)
            self.reminded.emit()

    def open_return(self) -> None:
        parcel = self.selected_parcel()
        if parcel is None:
            self.message.show_text(self.tr("请先在滞留件里选中要退的包裹。"))
            return
        self.message.clear_error()
        self.dialog = ReturnDialog(
            parcel, self._return(parcel), default_reason="overdue", parent=self
        )
        self.dialog.open()

    def _return(self, parcel: ParcelView) -> Callable[[str, str], None]:
        def submit(reason: str, note: str) -> None:
            self._controller.return_to_courier(parcel.uid, reason, note)
            self._play(Sound.SUCCESS)
            self.refresh()
            self.changed.emit()

        return submit
