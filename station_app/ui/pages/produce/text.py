"""Words and formats the 收购 page's tabs share: a price per 斤 or kg and where it came
from, weights in both units, a purchase's state, household status, how a farmer is
paid, a lot's state and where it went."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from station_app.core.db.produce_models import Household, LotStatus, PurchaseStatus
from station_app.core.errors import CONTEXT
from station_app.core.money import Fen
from station_app.core.produce.farmers import HOUSEHOLD_NAMES, PAY_PREFERENCE_NAMES
from station_app.core.produce.lot_actions import STATUS_NAMES, TO_KIND_NAMES
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


RED, ORANGE, GREEN, GREY, BLUE = "#c62828", "#e65100", "#2e7d32", "#555", "#1565c0"
HELPED_TONE = "#6a1b9a"
"""脱贫户 and 监测对象 stand out in the farmer list: the county counts what they sell."""

HOUSEHOLDS = ("normal", "lifted", "monitored")
SHIP_KINDS = ("county_supply", "buyer")
LOT_STATUSES = ("open", "closed", "shipped")


def core_text(template: str) -> str:
    """A core template (``QT_TRANSLATE_NOOP("core", …)``) in the shown language."""
    return QCoreApplication.translate(CONTEXT, template)


def household_name(household: str | None) -> str:
    """普通 / 脱贫户 / 监测对象, or 未填写 while the keeper does not know it."""
    known = Household(household) if household in HOUSEHOLDS else None
    if household is not None and known is None:
        return household
    return core_text(HOUSEHOLD_NAMES[known])


def household_tone(household: str | None) -> str | None:
    """Orange while unknown (such a farmer cannot sell), purple for the 帮扶 households."""
    if household is None:
        return ORANGE
    return HELPED_TONE if household in ("lifted", "monitored") else None


def preference_name(payment: str) -> str:
    """How a farmer likes to be paid, in the words of the farmer form (赊账（以后结清）)."""
    return core_text(PAY_PREFERENCE_NAMES[payment]) if payment in PAYMENTS else payment


def village_text(name: str | None, code: str, own_code: str) -> str:
    """A village as keepers say it: its name if known, 本村 for the station's own, else
    the division code (names of other villages are not in the app)."""
    if name:
        return name
    if code and code == own_code:
        return QCoreApplication.translate("produce", "本村")
    return code


def lot_status_name(status: str) -> str:
    """收购中 / 已封批 / 已发运."""
    known = LotStatus(status) if status in LOT_STATUSES else None
    return status if known is None else core_text(STATUS_NAMES[known])


def ship_kind_name(kind: str) -> str:
    """县供销中心 / 收购商."""
    return core_text(TO_KIND_NAMES[kind]) if kind in TO_KIND_NAMES else kind


def jin_kg(grams: int) -> str:
    """Both units a keeper may think in: ``120斤（60kg）``, to the gram, never rounded."""
    weight = Grams(grams)
    return QCoreApplication.translate("produce", "{jin}（{kg}）").format(
        jin=weight.format("jin"), kg=weight.format("kg")
    )


def kg(grams: int) -> str:
    return Grams(grams).format("kg")


def yuan_sign(fen: int) -> str:
    """``¥1,234.00``, for tables of sums."""
    return Fen(fen).format(symbol=True, grouping=True)


def kg_figure(grams: int) -> str:
    """A table's kg column: three decimals (exact: a gram is 0.001 kg), grouped."""
    return f"{Decimal(grams) / 1000:,.3f}"


def jin_figure(grams: int) -> str:
    """A table's 斤 column: three decimals (exact: a gram is 0.002 斤), grouped."""
    return f"{Decimal(grams) / 500:,.3f}"
