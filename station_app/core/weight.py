"""Weight as a whole number of grams.

Scales, farmers and couriers speak in kg, 公斤, 斤 and 两; the station keeps one unit
so that a 收购 price per 斤 and a parcel weight in kg meet on exact integers. A gram
is finer than any counter scale, so rounding to it (half-up, the project's one rule)
loses nothing anyone can weigh. Units here are exact: 1 斤 = 500 g, 1 两 = 50 g.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, final

from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.rounding import round_fraction

WeightUnit = Literal["g", "liang", "jin", "kg", "t"]

GRAMS_PER_UNIT: dict[WeightUnit, int] = {
    "g": 1,
    "liang": 50,
    "jin": 500,
    "kg": 1000,
    "t": 1_000_000,
}
_SUFFIX: dict[WeightUnit, str] = {"g": "g", "liang": "两", "jin": "斤", "kg": "kg", "t": "t"}
_UNIT_NAMES: dict[str, WeightUnit] = {
    "g": "g",
    "克": "g",
    "两": "liang",
    "斤": "jin",
    "市斤": "jin",
    "kg": "kg",
    "公斤": "kg",
    "千克": "kg",
    "t": "t",
    "吨": "t",
}
DEFAULT_MAX_GRAMS = 50_000_000  # 50 t: more than a truck, so only a typo gets there
_MAX_TEXT = 40  # longer input is garbage, and keeps int() far from its digit limit

_WEIGHT = re.compile(
    r"(?P<sign>-)?\s*(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.(?P<frac>[0-9]+))?"
    r"\s*(?P<unit>[^\s0-9.,-]*)"
)


def _require_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Grams needs an int number of grams, not {type(value).__name__}")
    return int(value)


@final
@dataclass(frozen=True, order=True, slots=True)
class Grams:
    """A weight; ``Grams(1600)`` is 1.6 kg. Negative values arise only from arithmetic."""

    grams: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "grams", _require_int(self.grams))

    @classmethod
    def zero(cls) -> Grams:
        return cls(0)

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        default_unit: WeightUnit = "g",
        max_grams: int = DEFAULT_MAX_GRAMS,
    ) -> Grams:
        """Read a weight as typed or printed; ``default_unit`` applies to a bare number."""
        grams = _parse_grams(text, default_unit)
        if grams > _require_int(max_grams):
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "重量不能超过{limit}：{text}"),
                limit=Grams(max_grams).format("kg"),
                text=text,
            )
        return cls(grams)

    def format(self, unit: WeightUnit = "kg", *, with_unit: bool = True) -> str:
        """Exact, with trailing zeros trimmed: ``1.6kg``, ``3.2斤``, ``1600g``.

        Every unit divides a power of ten grams, so no rounding is ever needed here and
        ``parse(format(x))`` is always ``x``.
        """
        per_unit = GRAMS_PER_UNIT[unit]
        whole, rest = divmod(abs(self.grams), per_unit)
        digits = ""
        while rest:
            digit, rest = divmod(rest * 10, per_unit)
            digits += str(digit)
        number = f"{whole}.{digits}" if digits else str(whole)
        sign = "-" if self.grams < 0 else ""
        return f"{sign}{number}{_SUFFIX[unit] if with_unit else ''}"

    def __str__(self) -> str:
        return self.format("kg")

    def __bool__(self) -> bool:
        return self.grams != 0

    def __add__(self, other: Grams) -> Grams:
        if isinstance(other, Grams):
            return Grams(self.grams + other.grams)
        return NotImplemented

    def __radd__(self, other: int) -> Grams:
        # Only so that sum(weights) works: its start value is the int 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Grams) -> Grams:
        if isinstance(other, Grams):
            return Grams(self.grams - other.grams)
        return NotImplemented

    def __mul__(self, count: int) -> Grams:
        if isinstance(count, int) and not isinstance(count, bool):
            return Grams(self.grams * count)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self) -> Grams:
        return Grams(-self.grams)

    def __abs__(self) -> Grams:
        return Grams(abs(self.grams))


def _parse_grams(text: str, default_unit: WeightUnit) -> int:
    if not isinstance(text, str):
        raise TypeError(f"Grams.parse needs a str, not {type(text).__name__}")
    # NFKC turns full-width digits, ．，－ and ｋｇ into ASCII; units are case-blind.
    body = unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip().lower()
    if not body:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请输入重量"))
    match = _WEIGHT.fullmatch(body) if len(body) <= _MAX_TEXT else None
    if match is None or not (match["int"] or match["frac"]):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "重量格式不对：{text}"), text=text)
    unit = _UNIT_NAMES.get(match["unit"]) if match["unit"] else default_unit
    if unit is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "重量单位只能是克、两、斤、公斤或吨：{text}"), text=text
        )
    frac = match["frac"] or ""
    number = Fraction(int(match["int"].replace(",", "") + frac or "0"), 10 ** len(frac))
    if match["sign"] and number:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "重量不能为负数：{text}"), text=text)
    return round_fraction(number * GRAMS_PER_UNIT[unit])
