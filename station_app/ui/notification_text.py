"""Words for notifications, the same on every screen: statuses, channels, kinds, and
the status bar's one line ("通知：待发 3 · 失败 1").

Functions, not widget methods, so they use ``QCoreApplication.translate`` with literal
source text that ``pyside6-lupdate`` finds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.core.db.notification_models import Channel, Kind, NotificationStatus
from station_app.ui.dispatcher import DispatchState
from station_app.ui.messages import user_message


def _t(text: str) -> str:
    return QCoreApplication.translate("notifications", text)


def status_name(status: NotificationStatus) -> str:
    names = {
        NotificationStatus.PENDING: _t("待发"),
        NotificationStatus.SENDING: _t("发送中"),
        NotificationStatus.SENT: _t("已发"),
        NotificationStatus.FAILED: _t("失败"),
        NotificationStatus.CANCELLED: _t("已取消"),
    }
    return names[status]


def channel_name(channel: Channel) -> str:
    names = {
        Channel.SMS: _t("短信"),
        Channel.PRINT: _t("打印清单"),
        Channel.CLIPBOARD: _t("剪贴板"),
    }
    return names[channel]


def kind_name(kind: Kind) -> str:
    return _t("到件通知") if kind is Kind.ARRIVAL else _t("滞留提醒")


def status_bar_text(state: DispatchState) -> tuple[str, bool]:
    """The status bar's line and whether it needs the keeper (shown in red)."""
    summary = state.summary
    parts: list[str] = []
    sms = summary.waiting[Channel.SMS]
    if sms:
        parts.append(_t("待发 {count}").format(count=sms))
    if summary.waiting[Channel.PRINT]:
        parts.append(_t("待打印 {count}").format(count=summary.waiting[Channel.PRINT]))
    if summary.waiting[Channel.CLIPBOARD]:
        parts.append(_t("待复制 {count}").format(count=summary.waiting[Channel.CLIPBOARD]))
    if summary.failed:
        parts.append(_t("失败 {count}").format(count=summary.failed))
    warn = bool(summary.failed) or state.problem is not None
    if sms and not state.sms_ready:
        parts.append(_t("未设置短信网关"))
        warn = True
    if state.problem is not None:
        parts.append(user_message(state.problem))
    if not parts:
        return _t("通知：都已发出"), False
    return _t("通知：") + " · ".join(parts), warn
