"""Words and formats the 农户, 批次 and 报表 tabs share: household status, how a farmer
is paid, a lot's state, where it went, a trace code and a weight as keepers read them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from station_app.core.db.produce_models import Household, LotStatus
from station_app.core.errors import CONTEXT
from station_app.core.money import Fen
from station_app.core.produce.farmers import HOUSEHOLD_NAMES, PAY_PREFERENCE_NAMES
from station_app.core.produce.lot_actions import STATUS_NAMES, TO_KIND_NAMES
from station_app.core.weight import Grams

RED, ORANGE, GREEN, GREY, BLUE = "#c62828", "#e65100", "#2e7d32", "#555", "#1565c0"
HELPED_TONE = "#6a1b9a"
"""脱贫户 and 监测对象 stand out in the farmer list: the county counts what they sell."""

HOUSEHOLDS = ("normal", "lifted", "monitored")
PAYMENTS = ("cash", "wechat", "alipay", "bank", "owed")
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


def payment_name(payment: str) -> str:
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


def yuan(fen: int) -> str:
    return Fen(fen).format(symbol=True, grouping=True)


def kg_figure(grams: int) -> str:
    """A table's kg column: three decimals (exact: a gram is 0.001 kg), grouped."""
    return f"{Decimal(grams) / 1000:,.3f}"


def jin_figure(grams: int) -> str:
    """A table's 斤 column: three decimals (exact: a gram is 0.002 斤), grouped."""
    return f"{Decimal(grams) / 500:,.3f}"
