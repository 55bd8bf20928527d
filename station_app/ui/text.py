"""Names and formats shown to people: roles, levels, dates, ledger event types.

Kept apart from the widgets so every screen says "站长" and "2026年11月23日 星期一"
the same way. Strings use ``QCoreApplication.translate`` with literal source text so
``pyside6-lupdate`` finds them (these are functions, not QObject methods).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from station_app.core.clock import local_time
from station_app.core.db.models import Role, StationLevel


def role_name(role: Role) -> str:
    if role is Role.KEEPER:
        return QCoreApplication.translate("text", "站长")
    return QCoreApplication.translate("text", "店员")


def level_name(level: StationLevel) -> str:
    if level is StationLevel.VILLAGE:
        return QCoreApplication.translate("text", "村级服务站")
    return QCoreApplication.translate("text", "乡镇服务站")


def weekday_name(day: date) -> str:
    names = (
        QCoreApplication.translate("text", "星期一"),
        QCoreApplication.translate("text", "星期二"),
        QCoreApplication.translate("text", "星期三"),
        QCoreApplication.translate("text", "星期四"),
        QCoreApplication.translate("text", "星期五"),
        QCoreApplication.translate("text", "星期六"),
        QCoreApplication.translate("text", "星期日"),
    )
    return names[day.weekday()]


def format_day(day: date) -> str:
    """A business day as keepers write it: 2026年11月23日 星期一."""
    text = QCoreApplication.translate("text", "{year}年{month}月{day}日").format(
        year=day.year, month=day.month, day=day.day
    )
    return f"{text} {weekday_name(day)}"


def format_local_time(instant: datetime) -> str:
    """An instant in Beijing time, to the second: 2026-11-23 10:00:00."""
    return local_time(instant).strftime("%Y-%m-%d %H:%M:%S")


def event_type_name(event_type: str) -> str:
    """A ledger event type in words; unknown types (from newer releases) show as they are."""
    names = {
        "station.created": QCoreApplication.translate("text", "建立服务站"),
        "operator.created": QCoreApplication.translate("text", "添加操作员"),
        "operator.password_changed": QCoreApplication.translate("text", "修改密码"),
        "operator.deactivated": QCoreApplication.translate("text", "停用账号"),
        "operator.reactivated": QCoreApplication.translate("text", "启用账号"),
        "preference.changed": QCoreApplication.translate("text", "修改设置"),
        "entry.voided": QCoreApplication.translate("text", "作废记录"),
    }
    return names.get(event_type, event_type)
