"""The 通知 settings tab: how villagers are told their parcel is here.

The channel (SMS gateway, printed list, clipboard) and the HTTP SMS gateway's address,
authentication, request template and success rule, as the core sender supports them.
The saved key is never shown again: the field stays empty with "已保存" in it, and an
empty field on saving keeps the saved key. "发送测试短信" sends with what is on the
screen (not yet saved) from a background thread, so a slow gateway freezes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.notification_models import Channel
from station_app.core.errors import UserError
from station_app.core.notifications.gateway_config import AuthKind, GatewayConfig, mask_secret
from station_app.core.notifications.senders import SendFailed
from station_app.core.operators import OperatorInfo
from station_app.ui.background import BackgroundCall
from station_app.ui.controllers.notifications import NotificationsController
from station_app.ui.messages import ErrorLabel, show_outcome, user_message
from station_app.ui.widgets import big_button

TEMPLATE_LINES = 3


def send_failed_text(failure: SendFailed) -> str:
    """A sender's reason in the keeper's language (its template is a ``core`` message)."""
    return user_message(UserError(failure.template, **failure.params))


def _combo(parent: QWidget, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(parent)
    for text, code in items:
        combo.addItem(text, code)
    return combo


def _select(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


class NotificationSettingsTab(QWidget):
    """Emits ``saved`` after the settings are stored (the dispatcher tries at once)."""

    saved = Signal()

    def __init__(self, controller: NotificationsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._saved = controller.gateway()
        self.trial = BackgroundCall("sms-test", self)
        self._make_widgets()
        self._lay_out()
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.send_test)
        self.auth_kind.currentIndexChanged.connect(self._follow_auth_kind)
        self.channel.currentIndexChanged.connect(self._follow_channel)
        self.trial.succeeded.connect(self._on_trial_sent)
        self.trial.failed.connect(self._on_trial_failed)
        self.load()

    def _make_widgets(self) -> None:
        self.channel = _combo(
            self,
            [
                (self.tr("短信网关（自动发短信）"), Channel.SMS.value),
                (self.tr("打印清单（贴在店门口）"), Channel.PRINT.value),
                (self.tr("复制到剪贴板（发到微信群）"), Channel.CLIPBOARD.value),
            ],
        )
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://sms.example.cn/api/send")
        self.auth_kind = _combo(
            self,
            [
                (self.tr("不需要"), AuthKind.NONE.value),
                (self.tr("请求头里的密钥"), AuthKind.HEADER.value),
                (self.tr("用户名和密码（Basic）"), AuthKind.BASIC.value),
            ],
        )
        self.auth_name = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_state = QLabel(self)
        self.secret_state.setStyleSheet("color: #555;")
        self.body_format = _combo(
            self, [(self.tr("JSON"), "json"), (self.tr("表单（form）"), "form")]
        )
        self.template = QPlainTextEdit(self)
        self.template.setTabChangesFocus(True)
        lines = self.template.fontMetrics().lineSpacing() * TEMPLATE_LINES
        self.template.setFixedHeight(lines + 12)
        self.success_field = QLineEdit(self)
        self.success_value = QLineEdit(self)
        self.success_marker = QLineEdit(self)
        self.save_button = big_button(self.tr("保存设置"), self)
        self.notice = QLabel(self)
        self.notice.setStyleSheet("color: #2e7d32;")
        self.error = ErrorLabel(self)
        self.test_phone = QLineEdit(self)
        self.test_phone.setPlaceholderText(self.tr("11位手机号"))
        self.test_button = big_button(self.tr("发送测试短信"), self)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.sample = QLabel(self)
        self.sample.setWordWrap(True)
        self.sample.setStyleSheet("color: #555;")

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("通知方式"), self.channel)
        gateway = QGroupBox(self.tr("短信网关"), self)
        self.gateway_box = gateway
        fields = QFormLayout(gateway)
        fields.addRow(self.tr("网关地址"), self.url)
        fields.addRow(self.tr("验证方式"), self.auth_kind)
        self.auth_name_label = QLabel(self)
        fields.addRow(self.auth_name_label, self.auth_name)
        self.secret_row = QWidget(self)
        secret_row = QHBoxLayout(self.secret_row)
        secret_row.setContentsMargins(0, 0, 0, 0)
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.secret_state)
        self.secret_label = QLabel(self.tr("密钥或密码"), self)
        fields.addRow(self.secret_label, self.secret_row)
        fields.addRow(self.tr("请求格式"), self.body_format)
        hint = QLabel(self.tr("可用 {phone} 手机号、{text} 短信内容、{key} 密钥"), self)
        hint.setStyleSheet("color: #555;")
        template = QVBoxLayout()
        template.addWidget(self.template)
        template.addWidget(hint)
        fields.addRow(self.tr("请求模板"), template)
        success = QHBoxLayout()
        success.addWidget(QLabel(self.tr("字段"), self))
        success.addWidget(self.success_field, 1)
        success.addWidget(QLabel(self.tr("等于"), self))
        success.addWidget(self.success_value, 1)
        success.addWidget(QLabel(self.tr("或回答中有"), self))
        success.addWidget(self.success_marker, 1)
        success_hint = QLabel(
            self.tr("网关回答里表示发送成功的字段和值（例如 code 等于 0），或一段固定文字"),
            self,
        )
        success_hint.setStyleSheet("color: #555;")
        success_box = QVBoxLayout()
        success_box.addLayout(success)
        success_box.addWidget(success_hint)
        fields.addRow(self.tr("成功标志"), success_box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(gateway)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.notice, 1)
        left.addLayout(save_row)
        left.addWidget(self.error)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(self._right_column(), 2)

    def _right_column(self) -> QVBoxLayout:
        test = QGroupBox(self.tr("测试"), self)
        box = QVBoxLayout(test)
        box.addWidget(
            QLabel(self.tr("用屏幕上的设置（不用先保存）给这个号码发一条测试短信："), self)
        )
        row = QHBoxLayout()
        row.addWidget(self.test_phone, 1)
        row.addWidget(self.test_button)
        box.addLayout(row)
        box.addWidget(self.test_result)
        sample = QGroupBox(self.tr("村民收到的短信"), self)
        sample_box = QVBoxLayout(sample)
        sample_box.addWidget(self.sample)
        for label in test.findChildren(QLabel):
            label.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(test)
        right.addWidget(sample)
        right.addStretch(1)
        return right

    # --- reading and writing -------------------------------------------------------

    def load(self) -> None:
        """Show the saved settings; the key only as "saved", never its text."""
        config = self._controller.gateway()
        self._saved = config
        _select(self.channel, config.channel.value)
        self.url.setText(config.url)
        _select(self.auth_kind, config.auth_kind.value)
        self.auth_name.setText(config.auth_name)
        self.secret.clear()
        _select(self.body_format, config.body_format)
        self.template.setPlainText(config.template)
        self.success_field.setText(config.success_field)
        self.success_value.setText(config.success_value)
        self.success_marker.setText(config.success_marker)
        self._show_secret_state()
        self._follow_auth_kind()
        self._follow_channel()
        self.sample.setText(self._controller.sample_text())

    def _show_secret_state(self) -> None:
        masked = mask_secret(self._saved.secret)
        self.secret.setPlaceholderText(
            self.tr("{masked}（已保存，不改就留空）").format(masked=masked) if masked else ""
        )
        self.secret_state.setText(self.tr("已保存") if masked else self.tr("未设置"))

    def values(self) -> tuple[GatewayConfig, str | None]:
        """The screen's settings, and the new key (None: keep the saved one)."""
        body: Literal["json", "form"] = (
            "form" if self.body_format.currentData() == "form" else "json"
        )
        config = GatewayConfig(
            channel=Channel(self.channel.currentData()),
            url=self.url.text().strip(),
            auth_kind=AuthKind(self.auth_kind.currentData()),
            auth_name=self.auth_name.text().strip(),
            secret=self._saved.secret,
            body_format=body,
            template=self.template.toPlainText().strip(),
            success_field=self.success_field.text().strip(),
            success_value=self.success_value.text().strip(),
            success_marker=self.success_marker.text(),
        )
        typed = self.secret.text()
        return config, (typed if typed else None)

    def save(self) -> None:
        config, new_secret = self.values()
        try:
            self._controller.save_gateway(config, new_secret)
        except UserError as error:
            self.notice.clear()
            self.error.show_error(error)
            return
        self.error.clear_error()
        self.load()
        self.notice.setText(self.tr("通知设置已保存。"))
        self.saved.emit()

    def set_operator(self, operator: OperatorInfo) -> None:
        self._controller.operator = operator
        self.set_editable(self._controller.can_change_settings)

    def set_editable(self, editable: bool) -> None:
        """An assistant sees the settings but can neither change nor test them."""
        for widget in (
            self.channel,
            self.url,
            self.auth_kind,
            self.auth_name,
            self.secret,
            self.body_format,
            self.template,
            self.success_field,
            self.success_value,
            self.success_marker,
            self.save_button,
            self.test_phone,
            self.test_button,
        ):
            widget.setEnabled(editable)

    # --- the test message ----------------------------------------------------------

    def send_test(self) -> None:
        config, new_secret = self.values()
        if new_secret is not None:
            config = replace(config, secret=new_secret)
        phone = self.test_phone.text()
        name = self._controller.station_name()
        send = self._controller.send_trial
        if not self.trial.start(lambda: send(config, phone, name)):
            return
        self.test_button.setEnabled(False)
        self._show_result(self.tr("正在发送测试短信……"), ok=None)

    def _on_trial_sent(self, _result: object) -> None:
        self.test_button.setEnabled(True)
        self._show_result(self.tr("测试短信已发出，网关确认收到。请看手机是否收到。"), ok=True)

    def _on_trial_failed(self, error: object) -> None:
        self.test_button.setEnabled(True)
        if isinstance(error, SendFailed):
            text = self.tr("测试短信没有发出：{reason}").format(reason=send_failed_text(error))
        elif isinstance(error, UserError):
            text = user_message(error)
        else:
            text = QCoreApplication.translate(
                "NotificationSettingsTab", "测试短信没有发出：程序出错（{kind}）"
            ).format(kind=type(error).__name__)
        self._show_result(text, ok=False)

    def _show_result(self, text: str, *, ok: bool | None) -> None:
        show_outcome(self.test_result, text, ok=ok)

    # --- following the choices -----------------------------------------------------

    def _follow_auth_kind(self) -> None:
        kind = AuthKind(self.auth_kind.currentData())
        self.auth_name_label.setText(
            self.tr("用户名") if kind is AuthKind.BASIC else self.tr("请求头名称")
        )
        self.auth_name.setPlaceholderText(
            self.tr("例如 hjz001") if kind is AuthKind.BASIC else "Authorization / X-Api-Key"
        )
        needed = kind is not AuthKind.NONE
        for widget in (self.auth_name, self.auth_name_label, self.secret_row, self.secret_label):
            widget.setVisible(needed)

    def _follow_channel(self) -> None:
        """The gateway fields matter for SMS only; they stay editable for later."""
        sms = self.channel.currentData() == Channel.SMS.value
        self.gateway_box.setTitle(
            self.tr("短信网关") if sms else self.tr("短信网关（当前不用，可先填好）")
        )
