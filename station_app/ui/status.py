"""The status bar: who is working, which business day it is, how sync is doing, and
how the villagers' notifications are going.

A keeper glancing down should always know these things without asking.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from station_app.core.operators import OperatorInfo
from station_app.ui.text import format_day, role_name


class StationStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.operator_label = QLabel(self)
        self.day_label = QLabel(self)
        self.sync_label = QLabel(self.tr("同步：尚未连接县服务中心"), self)
        self.notify_label = QLabel(self)
        self.notify_label.hide()  # until the notification dispatcher reports
        self.addWidget(self.operator_label)
        self.addWidget(self.day_label)
        self.addPermanentWidget(self.notify_label)
        self.addPermanentWidget(self.sync_label)
        for label in (self.operator_label, self.day_label, self.notify_label, self.sync_label):
            label.setContentsMargins(8, 2, 8, 2)

    def set_operator(self, operator: OperatorInfo) -> None:
        self.operator_label.setText(
            self.tr("操作员：{name}（{role}）").format(
                name=operator.display_name, role=role_name(operator.role)
            )
        )

    def set_day(self, day: date) -> None:
        self.day_label.setText(self.tr("营业日：{day}").format(day=format_day(day)))

    def set_sync_text(self, text: str, *, warn: bool = False) -> None:
        """``warn`` colours it when sync waits on the keeper or has been offline."""
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet("color: #c62828;" if warn else "")

    def set_notification_text(self, text: str, *, warn: bool = False) -> None:
        """``warn`` colours it when something waits on the keeper (a failure, no gateway)."""
        self.notify_label.setText(text)
        self.notify_label.setStyleSheet("color: #c62828;" if warn else "")
        self.notify_label.setVisible(bool(text))
