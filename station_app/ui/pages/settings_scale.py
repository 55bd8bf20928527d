"""The 电子秤 group of 使用设置: which serial port, which indicator, and a 测试 button.

The test reads the scale with the values on screen (saved or not) until it settles or a
few seconds pass, and says what it saw in words a keeper can act on: the weight, or
why there is none (wrong port, cable, scale switched off, wrong model).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from station_app.core import preferences
from station_app.core.errors import CONTEXT
from station_app.core.weight import Grams
from station_app.devices.scale.qt_scale import PROTOCOLS, QtScale, ScaleConfig
from station_app.ui.controllers.settings import PreferenceValues
from station_app.ui.messages import show_outcome

BAUDS = (1200, 2400, 4800, 9600, 19200, 38400)
TEST_MS = 5000


def serial_ports() -> list[str]:
    """The serial ports the system sees now (USB adapters come and go)."""
    try:
        from serial.tools import list_ports

        return sorted(port.device for port in list_ports.comports())
    except (ImportError, OSError):
        return []


class ScaleGroup(QGroupBox):
    """Fills the scale's four preferences into a ``PreferenceValues`` for saving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("电子秤"), parent)
        self.port = QComboBox(self)
        self.port.setEditable(True)
        self.port.setMinimumWidth(220)
        line = self.port.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("不接秤就留空"))
        self.protocol = QComboBox(self)
        names = {
            "xk3190-a9": self.tr("耀华 XK3190-A9"),
            "xk3190-a12": self.tr("耀华 XK3190-A12(E)"),
            "st-gs": self.tr("通用 ST,GS 格式"),
            "toledo-8217": self.tr("托利多 8217"),
        }
        for code in PROTOCOLS:
            self.protocol.addItem(names[code], code)
        self.baud = QComboBox(self)
        for baud in BAUDS:
            self.baud.addItem(str(baud), baud)
        self.settle = QSpinBox(self)
        self.settle.setRange(
            preferences.SCALE_SETTLE_READINGS.minimum or 1,
            preferences.SCALE_SETTLE_READINGS.maximum or 50,
        )
        self.settle.setSuffix(self.tr(" 次"))
        self.settle_hint = QLabel(self.tr("秤没有稳定标志时，连续这么多次读数相同才算稳定"), self)
        self.settle_hint.setStyleSheet("color: #555;")
        self.test_button = QPushButton(self.tr("测试"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        self.scale = QtScale(self, retry_ms=0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._last: tuple[int, str] | None = None
        self._lay_out()
        self._wire()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        port = QHBoxLayout()
        port.addWidget(self.port)
        port.addWidget(self.test_button)
        port.addStretch(1)
        form.addRow(self.tr("串口"), port)
        form.addRow(self.tr("秤的型号"), self.protocol)
        form.addRow(self.tr("波特率"), self.baud)
        settle = QHBoxLayout()
        settle.addWidget(self.settle)
        settle.addWidget(self.settle_hint)
        settle.addStretch(1)
        form.addRow(self.tr("稳定判断"), settle)
        form.addRow(self.result)

    def _wire(self) -> None:
        self.test_button.clicked.connect(self.test)
        self.scale.reading.connect(self._on_reading)
        self.scale.disconnected.connect(self._on_disconnected)
        self.scale.silent.connect(
            lambda: self._finish(self.tr("秤没有数据：请检查秤是否开机、型号和波特率是否选对。"))
        )
        self._timer.timeout.connect(self._on_timeout)

    # --- values ---------------------------------------------------------------------

    def load(self, values: PreferenceValues) -> None:
        self.port.clear()
        self.port.addItems(serial_ports())
        self.port.setEditText(values.scale_port)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(values.scale_protocol)))
        self.baud.setCurrentIndex(max(0, self.baud.findData(values.scale_baud)))
        self.settle.setValue(values.scale_settle_readings)

    def fill(self, values: PreferenceValues) -> PreferenceValues:
        return dataclasses.replace(
            values,
            scale_port=self.port.currentText().strip(),
            scale_protocol=str(self.protocol.currentData()),
            scale_baud=int(self.baud.currentData()),
            scale_settle_readings=self.settle.value(),
        )

    def config(self) -> ScaleConfig:
        values = self.fill(PreferenceValues(0, False, ""))
        protocol = next((p for p in PROTOCOLS if p == values.scale_protocol), PROTOCOLS[0])
        return ScaleConfig(
            values.scale_port, protocol, values.scale_baud, values.scale_settle_readings
        )

    def set_editable(self, editable: bool) -> None:
        for widget in (self.port, self.protocol, self.baud, self.settle):
            widget.setEnabled(editable)

    # --- the test ---------------------------------------------------------------------

    def test(self) -> None:
        config = self.config()
        if not config.present:
            self._say(self.tr("没有填写串口：不接秤时称重只能手工输入。"), ok=False)
            return
        self._last = None
        self._say(self.tr("正在读秤，请稍等…"), ok=None)
        self.test_button.setEnabled(False)
        self._timer.start(TEST_MS)
        self.scale.start(config)

    def _on_reading(self, grams: int, stable: bool, status: str) -> None:
        self._last = (grams, status)
        if stable:
            self._finish(
                self.tr("秤正常：当前重量 {kg}（{jin}），稳定。").format(
                    kg=Grams(grams).format("kg"), jin=Grams(grams).format("jin")
                ),
                ok=True,
            )
        elif status == "overload":
            self._finish(self.tr("秤有数据，但显示超载：请拿下秤上的东西再试。"), ok=False)

    def _on_disconnected(self, message: str) -> None:
        self._finish(QCoreApplication.translate(CONTEXT, message))

    def _on_timeout(self) -> None:
        if self._last is None:
            self._finish(self.tr("读不到秤的数据：请检查型号、波特率和连接线。"))
        elif self._last[1] == "negative":
            self._finish(self.tr("秤有数据，但显示负数：请清空秤盘后置零。"))
        else:
            self._finish(
                self.tr(
                    "秤有数据（{kg}），但一直不稳定：请不要碰秤盘，或把稳定判断次数调小。"
                ).format(kg=Grams(self._last[0]).format("kg"))
            )

    def _finish(self, text: str, *, ok: bool = False) -> None:
        self._timer.stop()
        self.scale.stop()
        self.test_button.setEnabled(True)
        self._say(text, ok=ok)

    def _say(self, text: str, *, ok: bool | None) -> None:
        show_outcome(self.result, text, ok=ok)
