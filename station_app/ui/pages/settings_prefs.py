"""The 使用设置 tab: idle lock, sounds, opening hours — saved together, by a keeper."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core import preferences
from station_app.core.errors import UserError
from station_app.ui.controllers.settings import PreferenceValues, SettingsController
from station_app.ui.messages import ErrorLabel
from station_app.ui.pages.settings_scale import ScaleGroup
from station_app.ui.receipt_printing import Printed
from station_app.ui.widgets import big_button

TIME_FORMAT = "HH:mm"


def split_hours(text: str) -> tuple[QTime, QTime]:
    """``"08:00-20:00"`` as two times; anything unreadable falls back to 08:00–20:00."""
    parts = text.split("-")
    if len(parts) == 2:
        start, end = (QTime.fromString(part.strip(), TIME_FORMAT) for part in parts)
        if start.isValid() and end.isValid():
            return start, end
    return QTime(8, 0), QTime(20, 0)


class PreferencesTab(QWidget):
    """Emits ``saved`` after the keeper's changes are stored (the idle lock re-reads them)."""

    saved = Signal()

    def __init__(self, controller: SettingsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(
            preferences.IDLE_LOCK_MINUTES.minimum or 0, preferences.IDLE_LOCK_MINUTES.maximum or 240
        )
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setSpecialValueText(self.tr("不自动锁定"))
        self.sounds = QCheckBox(self.tr("扫码成功或出错时播放提示音"), self)
        self.opens = QTimeEdit(self)
        self.closes = QTimeEdit(self)
        for edit in (self.opens, self.closes):
            edit.setDisplayFormat(TIME_FORMAT)
        self.printer = QLineEdit(self)
        self.printer.setMinimumWidth(360)
        self.printer.setPlaceholderText(self.tr("留空：用系统默认打印机"))
        self.printer_hint = QLabel(
            self.tr(
                "热敏小票打印机直连时填写，例如 tcp://192.168.1.50:9100 或 \\\\localhost\\POS58"
            ),
            self,
        )
        self.printer_hint.setStyleSheet("color: #555;")
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("58毫米"), 58)
        self.paper.addItem(self.tr("80毫米"), 80)
        self.test_print_button = QPushButton(self.tr("打印测试小票"), self)
        self.test_print_button.clicked.connect(self.test_print)
        self.scale = ScaleGroup(self)
        self.save_button = big_button(self.tr("保存设置"), self)
        self.notice = QLabel(self)
        self.notice.setStyleSheet("color: #2e7d32;")
        self.error = ErrorLabel(self)
        self._lay_out()
        self.save_button.clicked.connect(self.save)
        self.load()

    def _lay_out(self) -> None:
        hours = QHBoxLayout()
        hours.addWidget(self.opens)
        hours.addWidget(QLabel(self.tr("至"), self))
        hours.addWidget(self.closes)
        hours.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("无人操作自动锁定"), self.idle_minutes)
        form.addRow(self.tr("提示音"), self.sounds)
        form.addRow(self.tr("营业时间"), hours)
        printer = QVBoxLayout()
        printer.addWidget(self.printer)
        printer.addWidget(self.printer_hint)
        form.addRow(self.tr("小票打印机"), printer)
        paper = QHBoxLayout()
        paper.addWidget(self.paper)
        paper.addWidget(self.test_print_button)
        paper.addStretch(1)
        form.addRow(self.tr("小票纸宽"), paper)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scale)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def load(self) -> None:
        values = self._controller.preferences()
        self.idle_minutes.setValue(values.idle_lock_minutes)
        self.sounds.setChecked(values.sounds_enabled)
        opens, closes = split_hours(values.opening_hours)
        self.opens.setTime(opens)
        self.closes.setTime(closes)
        self.printer.setText(values.receipt_printer)
        self.paper.setCurrentIndex(max(0, self.paper.findData(values.receipt_paper_mm)))
        self.scale.load(values)

    def values(self) -> PreferenceValues:
        hours = (
            f"{self.opens.time().toString(TIME_FORMAT)}-{self.closes.time().toString(TIME_FORMAT)}"
        )
        return self.scale.fill(
            PreferenceValues(
                self.idle_minutes.value(),
                self.sounds.isChecked(),
                hours,
                self.printer.text(),
                int(self.paper.currentData()),
            )
        )

    def set_editable(self, editable: bool) -> None:
        widgets = (
            self.idle_minutes,
            self.sounds,
            self.opens,
            self.closes,
            self.printer,
            self.paper,
        )
        for widget in (*widgets, self.save_button):
            widget.setEnabled(editable)
        self.scale.set_editable(editable)

    def save(self) -> bool:
        try:
            self._controller.save_preferences(self.values())
        except UserError as error:
            self.notice.clear()
            self.error.show_error(error)
            return False
        self.error.clear_error()
        self.notice.setText(self.tr("设置已保存。"))
        self.saved.emit()
        return True

    def test_print(self) -> Printed:
        """Saved first, so the test shows what every later receipt will do."""
        if not self.save():
            return Printed(False, self.error.text())
        printed = self._controller.test_print()
        self.notice.setText(printed.message)
        return printed
