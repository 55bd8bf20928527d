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
        "station.taken_over": QCoreApplication.translate("text", "换电脑接替服务站"),
        "cash.petty_in": QCoreApplication.translate("text", "零钱收入"),
        "cash.petty_out": QCoreApplication.translate("text", "零钱支出"),
        "day.closed": QCoreApplication.translate("text", "日结"),
        "operator.created": QCoreApplication.translate("text", "添加操作员"),
        "operator.password_changed": QCoreApplication.translate("text", "修改密码"),
        "operator.deactivated": QCoreApplication.translate("text", "停用账号"),
        "operator.reactivated": QCoreApplication.translate("text", "启用账号"),
        "preference.changed": QCoreApplication.translate("text", "修改设置"),
        "entry.voided": QCoreApplication.translate("text", "作废记录"),
        "parcel.checked_in": QCoreApplication.translate("text", "包裹入库"),
        "parcel.picked_up": QCoreApplication.translate("text", "包裹取走"),
        "parcel.courier_corrected": QCoreApplication.translate("text", "更正快递公司"),
        "parcel.returned": QCoreApplication.translate("text", "退件"),
        "parcel.lost": QCoreApplication.translate("text", "包裹丢失"),
        "parcel.relocated": QCoreApplication.translate("text", "包裹改登记"),
        "shipment.accepted": QCoreApplication.translate("text", "收寄件"),
        "shipment.collected": QCoreApplication.translate("text", "寄件揽收"),
        "shipment.cancelled": QCoreApplication.translate("text", "取消寄件"),
        "stocktake.started": QCoreApplication.translate("text", "开始盘点"),
        "stocktake.finished": QCoreApplication.translate("text", "结束盘点"),
        "stocktake.parcel_reshelved": QCoreApplication.translate("text", "盘点归位"),
        "route.saved": QCoreApplication.translate("text", "保存线路"),
        "route.removed": QCoreApplication.translate("text", "删除线路"),
        "bag.opened": QCoreApplication.translate("text", "开始收包"),
        "bag.parcel_received": QCoreApplication.translate("text", "收包扫描"),
        "bag.parcel_sorted": QCoreApplication.translate("text", "分拣"),
        "bag.closed": QCoreApplication.translate("text", "结束收包"),
        "manifest.dispatched": QCoreApplication.translate("text", "发出交接单"),
        "manifest.imported": QCoreApplication.translate("text", "导入交接单"),
        "manifest.reconciled": QCoreApplication.translate("text", "核对交接单"),
        "order.registered": QCoreApplication.translate("text", "代购登记"),
        "order.placed": QCoreApplication.translate("text", "代购已下单"),
        "order.shipped": QCoreApplication.translate("text", "代购已发货"),
        "order.arrived": QCoreApplication.translate("text", "代购到站"),
        "order.delivered": QCoreApplication.translate("text", "代购交付"),
        "order.cancelled": QCoreApplication.translate("text", "取消代购"),
        "order.refunded": QCoreApplication.translate("text", "代购退款"),
        "bill.recorded": QCoreApplication.translate("text", "代缴费收款"),
        "bill.submitted": QCoreApplication.translate("text", "代缴费处理中"),
        "bill.succeeded": QCoreApplication.translate("text", "代缴费成功"),
        "bill.failed": QCoreApplication.translate("text", "代缴费失败退款"),
        "farmer.registered": QCoreApplication.translate("text", "登记农户"),
        "farmer.changed": QCoreApplication.translate("text", "修改农户"),
        "produce.price_set": QCoreApplication.translate("text", "设定收购价"),
        "produce.purchased": QCoreApplication.translate("text", "农产品收购"),
        "produce.settled": QCoreApplication.translate("text", "结清收购欠款"),
        "lot.opened": QCoreApplication.translate("text", "新建批次"),
        "lot.split": QCoreApplication.translate("text", "拆分批次"),
        "lot.shipped": QCoreApplication.translate("text", "批次发运"),
    }
    return names.get(event_type, event_type)
