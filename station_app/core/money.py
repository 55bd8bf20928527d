"""Money as a whole number of fen (分).

A distinct type rather than a bare int so that fen are never added to grams, never
multiplied by a float, and never shown without their two decimals. Parsing is lenient
about how a keeper types an amount (full-width digits, ¥, 元, thousands commas, 元角分)
and strict about what it means (no third decimal, no silent negatives, no typo that
turns 12.50 into 1250000.00).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import final

from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.rounding import apply_ratio

FEN_PER_YUAN = 100
DEFAULT_MAX_FEN = 100_000_000  # 100万元: far above any counter transaction, catches typos
_MAX_TEXT = 40  # longer input is garbage, and keeps int() far from its digit limit

_PREFIX = re.compile(r"(?P<before>-)?\s*¥?\s*(?P<after>-)?\s*")  # -¥12 and ¥-12
_DECIMAL = re.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.(?P<frac>[0-9]+))?\s*(?:元|块)?"
)
_UNITS = re.compile(
    r"(?:(?P<yuan>[0-9]+)\s*[元块])?\s*(?:(?P<jiao>[0-9])\s*[角毛])?\s*(?:(?P<fen>[0-9])\s*分)?"
)


def _require_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Fen needs an int number of fen, not {type(value).__name__}")
    return int(value)


@final
@dataclass(frozen=True, order=True, slots=True)
class Fen:
    """An amount of money; ``Fen(1250)`` is 12.50元. Negative values are allowed."""

    fen: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "fen", _require_int(self.fen))

    @classmethod
    def zero(cls) -> Fen:
        return cls(0)

    @classmethod
    def parse(
        cls, text: str, *, allow_negative: bool = False, max_fen: int = DEFAULT_MAX_FEN
    ) -> Fen:
        """Read an amount as typed or printed; ``parse(x.format(...))`` gives ``x`` back."""
        fen = _parse_fen(text, allow_negative=allow_negative)
        if abs(fen) > _require_int(max_fen):
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "金额不能超过{limit}元：{text}"),
                limit=Fen(max_fen).format(grouping=True),
                text=text,
            )
        return cls(fen)

    def format(
        self, with_unit: bool = False, *, symbol: bool = False, grouping: bool = False
    ) -> str:
        """Two decimals always, as on a receipt.

        ``with_unit`` appends 元 (``12.50元``); ``symbol`` puts ¥ in front instead
        (``¥12.50``); ``grouping`` adds thousands commas (``1,234.50``).
        """
        yuan, fen = divmod(abs(self.fen), FEN_PER_YUAN)
        number = f"{yuan:,}" if grouping else str(yuan)
        sign = "-" if self.fen < 0 else ""
        if symbol:
            return f"{sign}¥{number}.{fen:02d}"
        return f"{sign}{number}.{fen:02d}{'元' if with_unit else ''}"

    def scale(self, numerator: int, denominator: int) -> Fen:
        """This amount × numerator / denominator, rounded half-up (see ``rounding``)."""
        return Fen(apply_ratio(self.fen, numerator, denominator))

    def __str__(self) -> str:
        return self.format()

    def __bool__(self) -> bool:
        return self.fen != 0

    def __add__(self, other: Fen) -> Fen:
        if isinstance(other, Fen):
            return Fen(self.fen + other.fen)
        return NotImplemented

    def __radd__(self, other: int) -> Fen:
        # Only so that sum(amounts) works: its start value is the int 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Fen) -> Fen:
        if isinstance(other, Fen):
            return Fen(self.fen - other.fen)
        return NotImplemented

    def __mul__(self, count: int) -> Fen:
        if isinstance(count, int) and not isinstance(count, bool):
            return Fen(self.fen * count)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self) -> Fen:
        return Fen(-self.fen)

    def __abs__(self) -> Fen:
        return Fen(abs(self.fen))


def _normalise(text: str) -> str:
    # NFKC turns full-width digits, ．，－ and ￥ into their ASCII / ¥ forms.
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()


def _parse_fen(text: str, *, allow_negative: bool) -> int:
    if not isinstance(text, str):
        raise TypeError(f"Fen.parse needs a str, not {type(text).__name__}")
    body = _normalise(text)
    if not body:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请输入金额"))
    prefix = _PREFIX.match(body)
    assert prefix is not None  # every group is optional
    negative = bool(prefix["before"] or prefix["after"])
    body = body[prefix.end() :]
    fen = None
    if len(body) <= _MAX_TEXT and not (prefix["before"] and prefix["after"]):
        fen = _parse_unsigned(body, text)
    if fen is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "金额格式不对：{text}"), text=text)
    if negative and fen and not allow_negative:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "金额不能为负数：{text}"), text=text)
    return -fen if negative else fen


def _parse_unsigned(body: str, text: str) -> int | None:
    match = _DECIMAL.fullmatch(body)
    if match and (match["int"] or match["frac"]):
        frac = match["frac"] or ""
        if len(frac) > 2:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "金额最多两位小数：{text}"), text=text)
        yuan = int(match["int"].replace(",", "") or "0")
        return yuan * FEN_PER_YUAN + int(frac.ljust(2, "0"))
    match = _UNITS.fullmatch(body)
    if match and (match["jiao"] or match["fen"]):
        return (
            int(match["yuan"] or "0") * FEN_PER_YUAN
            + int(match["jiao"] or "0") * 10
            + int(match["fen"] or "0")
        )
    return None
