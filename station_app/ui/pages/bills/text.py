"""Words the 缴费 page, its dialogs and its list share: states, categories, methods,
fee rules, so the form and the list say "处理中" and "服务费" the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.core.bills.billers import AmountRule, FeeRule
from station_app.core.cash.day_close import METHOD_NAMES
from station_app.core.db.bill_models import BillStatus
from station_app.core.errors import CONTEXT
from station_app.core.money import Fen

RED, ORANGE, GREEN, GREY = "#c62828", "#e65100", "#2e7d32", "#555"
STATUS_TONES = {BillStatus.RECORDED: RED, BillStatus.SUBMITTED: ORANGE}
"""The open states stand out in the list: money is in the station's hands."""


def status_name(status: BillStatus) -> str:
    names = {
        BillStatus.RECORDED: QCoreApplication.translate("bills", "待缴"),
        BillStatus.SUBMITTED: QCoreApplication.translate("bills", "处理中"),
        BillStatus.SUCCEEDED: QCoreApplication.translate("bills", "成功"),
        BillStatus.FAILED: QCoreApplication.translate("bills", "失败已退款"),
    }
    return names[status]


def core_text(template: str) -> str:
    """A core template (``QT_TRANSLATE_NOOP("core", …)``) in the shown language."""
    return QCoreApplication.translate(CONTEXT, template)


def method_name(method: str) -> str:
    return QCoreApplication.translate(CONTEXT, METHOD_NAMES.get(method, method))


def yuan(amount: Fen) -> str:
    return amount.format(with_unit=True, grouping=True)


def fee_rule_text(rule: FeeRule) -> str:
    if rule.kind == "fixed":
        return QCoreApplication.translate("bills", "服务费每笔{fee}").format(
            fee=yuan(Fen(rule.fen))
        )
    if rule.kind == "per_mille":
        return QCoreApplication.translate(
            "bills", "服务费按金额的{rate}‰，最低{low}，最高{high}"
        ).format(rate=rule.per_mille, low=yuan(Fen(rule.min_fen)), high=yuan(Fen(rule.max_fen)))
    return QCoreApplication.translate("bills", "不收服务费")


def amount_rule_text(rule: AmountRule) -> str:
    if rule.choices:
        return QCoreApplication.translate("bills", "可选：{choices}").format(
            choices="、".join(yuan(Fen(fen)) for fen in rule.choices)
        )
    return QCoreApplication.translate("bills", "每笔{low}到{high}").format(
        low=yuan(Fen(rule.min_fen)), high=yuan(Fen(rule.max_fen))
    )
