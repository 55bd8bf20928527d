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


def status_name(status: NotificationStatus) -> str:
    names = {
        NotificationStatus.PENDING: QCoreApplication.translate("notifications", "待发"),
        NotificationStatus.SENDING: QCoreApplication.translate("notifications", "发送中"),
        NotificationStatus.SENT: QCoreApplication.translate("notifications", "已发"),
        NotificationStatus.FAILED: QCoreApplication.translate("notifications", "失败"),
        NotificationStatus.CANCELLED: QCoreApplication.translate("notifications", "已取消"),
    }
    return names[status]


def channel_name(channel: Channel) -> str:
    names = {
        Channel.SMS: QCoreApplication.translate("notifications", "短信"),
        Channel.PRINT: QCoreApplication.translate("notifications", "打印清单"),
        Channel.CLIPBOARD: QCoreApplication.translate("notifications", "剪贴板"),
    }
    return names[channel]


def kind_name(kind: Kind) -> str:
    return (
        QCoreApplication.translate("notifications", "到件通知")
        if kind is Kind.ARRIVAL
        else QCoreApplication.translate("notifications", "滞留提醒")
    )


def status_bar_text(state: DispatchState) -> tuple[str, bool]:
    """The status bar's line and whether it needs the keeper (shown in red)."""
    summary = state.summary
    parts: list[str] = []
    sms = summary.waiting[Channel.SMS]
    if sms:
        parts.append(QCoreApplication.translate("notifications", "待发 {count}").format(count=sms))
    if summary.waiting[Channel.PRINT]:
        parts.append(
            QCoreApplication.translate("notifications", "待打印 {count}").format(
                count=summary.waiting[Channel.PRINT]
            )
        )
    if summary.waiting[Channel.CLIPBOARD]:
        parts.append(
            QCoreApplication.translate("notifications", "待复制 {count}").format(
                count=summary.waiting[Channel.CLIPBOARD]
            )
        )
    if summary.failed:
        parts.append(
            QCoreApplication.translate("notifications", "失败 {count}").format(count=summary.failed)
        )
    warn = bool(summary.failed) or state.problem is not None
    if sms and not state.sms_ready:
        parts.append(QCoreApplication.translate("notifications", "未设置短信网关"))
        warn = True
    if state.problem is not None:
        parts.append(user_message(state.problem))
    if not parts:
        return QCoreApplication.translate("notifications", "通知：都已发出"), False
    return QCoreApplication.translate("notifications", "通知：") + " · ".join(parts), warn
