"""Words and formats the 收购 and 价格 tabs share: a price per 斤 or kg, where it came
from, weights in both units, a purchase's state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.core.db.produce_models import PurchaseStatus
from station_app.core.money import Fen
from station_app.core.weight import Grams, WeightUnit


def _tr(text: str) -> str:
    return QCoreApplication.translate("produce", text)


def unit_of(per_grams: int) -> WeightUnit:
    return "jin" if per_grams == 500 else "kg"


def unit_name(per_grams: int) -> str:
    return _tr("斤") if per_grams == 500 else _tr("公斤")


def price_text(price_fen: int, per_grams: int) -> str:
    """``3.50元/斤``."""
    return _tr("{price}元/{unit}").format(price=Fen(price_fen).format(), unit=unit_name(per_grams))


def source_name(source: str | None) -> str:
    names = {"county": _tr("县里"), "keeper": _tr("本站")}
    return _tr("无") if source is None else names.get(source, source)


def jin_and_kg(grams: int) -> str:
    """``120斤 / 60kg``: both units, exact to the gram."""
    weight = Grams(grams)
    return f"{weight.format('jin')} / {weight.format('kg')}"


def yuan(fen: int) -> str:
    return _tr("{amount}元").format(amount=Fen(fen).format(grouping=True))


def status_name(status: PurchaseStatus) -> str:
    names = {
        PurchaseStatus.PAID: _tr("已付"),
        PurchaseStatus.OWED: _tr("赊账"),
        PurchaseStatus.SETTLED: _tr("已结清"),
        PurchaseStatus.VOIDED: _tr("作废"),
    }
    return names[status]


PAYMENTS = ("cash", "wechat", "alipay", "bank", "owed")


def payment_name(payment: str) -> str:
    """Short, for the counter's combo and list: 现金 / 微信 / 支付宝 / 转账 / 赊账."""
    names = {
        "cash": _tr("现金"),
        "wechat": _tr("微信"),
        "alipay": _tr("支付宝"),
        "bank": _tr("转账"),
        "owed": _tr("赊账"),
    }
    return names.get(payment, payment)
