"""The state box on the 同步 page: 已同步 / 待上传 N 条 / 离线…, the last success, the
backlog, the clock's skew when over five minutes, and the last error in Chinese with
what the keeper should do about it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import CONTEXT
from station_app.ui.sync_runner import SKEW_WARNING_SECONDS, state_text
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button
from sync import client as sync_client
from sync.state import SyncStatus

RED, ORANGE, GREEN = "#c62828", "#e65100", "#2e7d32"


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


def advice(code: str) -> str:
    """What the keeper should do about a failure with ``code``."""
    if code == sync_client.BEHIND_COUNTY:
        return _t(
            "请站长点下面的「从县服务中心恢复」，把本机缺少的记录取回来。"
            "恢复完成前不能入库、取件、寄件或改设置。"
        )
    action = sync_client.action_for(code)
    if action is sync_client.Action.RETRY:
        return _t("不用处理，会自动重试。")
    if action is sync_client.Action.REENROL:
        return _t("请向县服务中心要一个新的登记码，重新接入。")
    return _t("请联系县服务中心，告诉他们错误代码 {code}。本机的记录都还在，不会丢失。").format(
        code=code
    )


def skew_text(seconds: int | None) -> str:
    """The clock's skew against the county's, or "" when within five minutes."""
    if seconds is None or abs(seconds) <= SKEW_WARNING_SECONDS:
        return ""
    minutes = round(abs(seconds) / 60)
    if seconds > 0:  # the county is ahead: this PC's clock is slow
        text = _t("本机时钟比县服务中心慢 {minutes} 分钟，请把电脑时间调准。")
    else:
        text = _t("本机时钟比县服务中心快 {minutes} 分钟，请把电脑时间调准。")
    return text.format(minutes=minutes) + _t("（记录的先后顺序不受影响。）")


class StatusBox(QGroupBox):
    """The state in words; the 立即同步 and 重新接入 buttons live here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("同步状态"), parent)
        self.headline = QLabel(self)
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.county = QLabel(self)
        self.station_code = QLabel(self)
        self.last_success = QLabel(self)
        self.backlog = QLabel(self)
        self.next_run = QLabel(self)
        self.skew = QLabel(self)
        self.error = QLabel(self)
        self.advice = QLabel(self)
        for label in (self.county, self.skew, self.error, self.advice):
            label.setWordWrap(True)
        self.skew.setStyleSheet(f"color: {RED};")
        self.recover_button = big_button(self.tr("从县服务中心恢复"), self)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setStyleSheet(
            f"#recoverButton {{ background: {RED}; color: white; font-weight: bold;"
            " padding: 6px 16px; }"
            " #recoverButton:disabled { background: #e0a0a0; }"
        )
        self.recover_button.hide()
        self.recover_result = QLabel(self)
        self.recover_result.setWordWrap(True)
        self.recover_result.hide()
        self.sync_button = big_button(self.tr("立即同步"), self)
        self.reenrol_button = big_button(self.tr("重新接入…"), self)
        form = QFormLayout()
        form.addRow(self.tr("县服务中心"), self.county)
        form.addRow(self.tr("本站编号"), self.station_code)
        form.addRow(self.tr("上次成功同步"), self.last_success)
        form.addRow(self.tr("待上传"), self.backlog)
        form.addRow(self.tr("下次自动同步"), self.next_run)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recover_button)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.reenrol_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(form)
        layout.addWidget(self.skew)
        layout.addWidget(self.error)
        layout.addWidget(self.advice)
        layout.addLayout(buttons)
        layout.addWidget(self.recover_result)
        layout.addStretch(1)

    def show_status(self, status: SyncStatus, county_url: str | None) -> None:
        text, warn = state_text(status)
        self.headline.setText(text)
        self.headline.setStyleSheet(f"color: {RED if warn else GREEN};")
        self.county.setText(county_url or "")
        self.station_code.setText(status.county_station_code or "")
        never = self.tr("还没有成功过")
        success = status.last_success_at
        self.last_success.setText(never if success is None else format_local_time(success))
        self.backlog.setText(self.tr("{count} 条").format(count=status.pending))
        self.next_run.setText(self._next_run_text(status))
        skew = skew_text(status.clock_skew_seconds)
        self.skew.setText(skew)
        self.skew.setVisible(bool(skew))
        code = status.error_code
        message = QCoreApplication.translate(CONTEXT, status.error_message or "")
        self.error.setText(self.tr("上次出错：{message}").format(message=message))
        self.error.setStyleSheet(f"color: {RED if status.halted else ORANGE};")
        self.advice.setText(advice(code) if code else "")
        for label in (self.error, self.advice):
            label.setVisible(code is not None)

    def _next_run_text(self, status: SyncStatus) -> str:
        if status.halted:
            return self.tr("已停止，等站长处理")
        if status.next_attempt_at is None:
            return self.tr("马上")
        return format_local_time(status.next_attempt_at)

    def show_recovery(self, text: str, *, ok: bool | None) -> None:
        """How the last 从县服务中心恢复 went (``ok`` None: still under way)."""
        colour = {True: GREEN, False: RED, None: "#555"}[ok]
        self.recover_result.setStyleSheet(f"color: {colour};")
        self.recover_result.setText(text)
        self.recover_result.setVisible(bool(text))
