"""The arithmetic of a purchase: crates on the scale, deductions, net weight, amount.

Pure (no store), because the counter shows the totals live while crates go on the scale
and :func:`~station_app.core.produce.purchase.buy` must charge exactly what was shown.
The county recomputes every purchase from its ``produce.purchased`` entry
(``sync.events.ProducePurchased``), so the figures are made the way that check makes
them: one half-up rounding for the deduction, one for the amount, both through
``core.rounding``. A row the county would refuse is refused here first, naming the row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.produce.catalogue import Step
from station_app.core.produce.errors import ProduceError
from station_app.core.rounding import apply_ratio
from sync.events import BASIS_POINTS, MAX_AMOUNT_FEN, MAX_PRICE_FEN, MAX_PRODUCE_GRAMS

MAX_WEIGHINGS = 200
"""Crates or sacks in one purchase: a full tractor-trailer of apple crates is fewer."""
PER_GRAMS = (500, 1000)

_PERCENT = re.compile(r"(?P<int>[0-9]{0,6})(?:\.(?P<frac>[0-9]*))?%?")


@dataclass(frozen=True)
class WeighingInput:
    """One crate or sack: ``manual`` when the keeper typed the weight instead of the
    scale giving it (the receipt marks it 手工)."""

    gross_g: int
    tare_g: int
    manual: bool = False

    @property
    def after_tare_g(self) -> int:
        return self.gross_g - self.tare_g


@dataclass(frozen=True)
class Deductions:
    """扣杂 and 扣水 in basis points of the weight after tare (150 = 1.5%)."""

    impurity_bp: int = 0
    moisture_bp: int = 0

    @property
    def total_bp(self) -> int:
        return self.impurity_bp + self.moisture_bp


@dataclass(frozen=True)
class Weights:
    """What the scale and the deductions come to, before any price."""

    gross_g: int
    tare_g: int
    after_tare_g: int
    deduction_g: int
    net_g: int


@dataclass(frozen=True)
class Totals:
    gross_g: int
    tare_g: int
    after_tare_g: int
    deduction_g: int
    net_g: int
    amount_fen: int


def step_bp(steps: Sequence[Step], measured_bp: int) -> int:
    """The deduction the county's table gives for a measured moisture or impurity: the
    step with the greatest ``from_bp`` not above it; nothing below the first step."""
    deduct = 0
    for step in steps:
        if step.from_bp > measured_bp:
            break
        deduct = step.deduct_bp
    return deduct


def parse_percent(text: str) -> int:
    """A percentage as typed (``1.5``, ``1.5%``, ``１．５％``) in basis points; empty is 0."""
    body = "".join(unicodedata.normalize("NFKC", text).split())
    if not body:
        return 0
    if body.startswith(("-", "\u2212")):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "扣除比例不能为负数：{text}"), text=text)
    match = _PERCENT.fullmatch(body)
    if match is None or (not match["int"] and not match["frac"]):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "扣除比例格式不对：{text}（如 1.5 或 1.5%）"), text=text
        )
    frac = match["frac"] or ""
    if len(frac) > 2:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "扣除比例最多两位小数：{text}"), text=text)
    bp = int(match["int"] or "0") * 100 + int(frac.ljust(2, "0"))
    if bp >= BASIS_POINTS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "扣除比例必须小于100%：{text}"), text=text)
    return bp


def format_percent(bp: int) -> str:
    """``150`` → ``1.5%``: as the keeper typed it, trailing zeros trimmed."""
    whole, rest = divmod(bp, 100)
    return f"{whole}.{rest:02d}".rstrip("0").rstrip(".") + "%"


def check_deductions(deductions: Deductions) -> Deductions:
    """Each deduction below 100%, and the two together too (else nothing is left)."""
    for field, bp in (("impurity", deductions.impurity_bp), ("moisture", deductions.moisture_bp)):
        if isinstance(bp, bool) or not isinstance(bp, int) or not 0 <= bp < BASIS_POINTS:
            raise ProduceError(
                field,
                ValidationError(QT_TRANSLATE_NOOP("core", "扣除比例要在0到100%之间（不含100%）。")),
            )
    if deductions.total_bp >= BASIS_POINTS:
        raise ProduceError(
            "impurity",
            ValidationError(QT_TRANSLATE_NOOP("core", "扣杂和扣水加起来不能达到100%。")),
        )
    return deductions


def weights(weighings: Sequence[WeighingInput], deductions: Deductions) -> Weights:
    """The weighings checked row by row, and what they come to after the deductions."""
    if not weighings:
        raise _weighings_error(QT_TRANSLATE_NOOP("core", "还没有称重，请先过磅。"))
    if len(weighings) > MAX_WEIGHINGS:
        raise _weighings_error(
            QT_TRANSLATE_NOOP("core", "一笔收购最多{limit}筐，请分成几笔。"), limit=MAX_WEIGHINGS
        )
    for row, weighing in enumerate(weighings):
        _check_row(row, weighing)
    check_deductions(deductions)
    gross = sum(w.gross_g for w in weighings)
    tare = sum(w.tare_g for w in weighings)
    after_tare = gross - tare
    if after_tare > MAX_PRODUCE_GRAMS:
        raise _weighings_error(QT_TRANSLATE_NOOP("core", "一笔收购不能超过50吨，请核对重量。"))
    deduction = apply_ratio(after_tare, deductions.total_bp, BASIS_POINTS)
    net = after_tare - deduction
    if net <= 0:
        raise _weighings_error(QT_TRANSLATE_NOOP("core", "扣除后净重为0，请核对重量和扣除比例。"))
    return Weights(gross, tare, after_tare, deduction, net)


def totals(
    weighings: Sequence[WeighingInput], deductions: Deductions, price_fen: int, per_grams: int
) -> Totals:
    """Net weight and amount, made exactly as the county's check makes them."""
    weighed = weights(weighings, deductions)
    if per_grams not in PER_GRAMS or not 0 < price_fen <= MAX_PRICE_FEN:
        raise ProduceError(
            "price", ValidationError(QT_TRANSLATE_NOOP("core", "收购价不对，请重新设定当日价格。"))
        )
    amount = apply_ratio(weighed.net_g, price_fen, per_grams)
    if amount <= 0:
        raise _weighings_error(
            QT_TRANSLATE_NOOP("core", "这笔收购金额不足1分钱，请核对重量和价格。")
        )
    if amount > MAX_AMOUNT_FEN:
        raise _weighings_error(QT_TRANSLATE_NOOP("core", "这笔收购金额太大，请核对重量和价格。"))
    return Totals(
        weighed.gross_g,
        weighed.tare_g,
        weighed.after_tare_g,
        weighed.deduction_g,
        weighed.net_g,
        amount,
    )


def _check_row(row: int, weighing: WeighingInput) -> None:
    gross, tare = weighing.gross_g, weighing.tare_g
    for grams in (gross, tare):
        if isinstance(grams, bool) or not isinstance(grams, int):
            raise TypeError(f"weighings are whole grams, not {type(grams).__name__}")
    if gross <= 0:
        raise _weighings_error(QT_TRANSLATE_NOOP("core", "第{n}筐毛重必须大于0。"), row, n=row + 1)
    if gross > MAX_PRODUCE_GRAMS:
        raise _weighings_error(
            QT_TRANSLATE_NOOP("core", "第{n}筐毛重太大，请核对。"), row, n=row + 1
        )
    if tare < 0:
        raise _weighings_error(QT_TRANSLATE_NOOP("core", "第{n}筐皮重不能为负数。"), row, n=row + 1)
    if tare >= gross:
        raise _weighings_error(
            QT_TRANSLATE_NOOP("core", "第{n}筐皮重不能大于等于毛重。"), row, n=row + 1
        )


def _weighings_error(template: str, row: int | None = None, **params: object) -> ProduceError:
    return ProduceError("weighings", ValidationError(template, **params), row)
