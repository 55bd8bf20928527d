"""Billers (缴费单位): who a station takes payments for, and each one's rules, as data.

The county centre decides which billers its stations serve, how an account number
looks, what may be paid and what service fee a station may charge; a station must not
invent any of it at the counter. So they are data (``resources/billers/billers.json``,
replaced whole by the county's ``billers`` set through ``core.reference``), read here
strictly: a typo in a rule would otherwise let a wrong account number or an unagreed
fee through without a word.

The service fee is computed, never typed, in whole fen: a per-mille rate goes through
the project's one rounding rule (half up) and then the rule's floor and ceiling.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from station_app.core.data_files import read_json, require_keys
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from sync.events import MAX_AMOUNT_FEN

CATEGORIES = (
    "electricity",
    "water",
    "gas",
    "broadband",
    "mobile",
    "medical_insurance",
    "pension",
    "cable_tv",
    "other",
)
"""What screens group billers by; a county set may use only these (each has a name)."""
MAX_FEE_FEN = 100_000  # 1000元 of service fee on one payment: only a typo gets there
MAX_BILLERS = 200
MAX_CHOICES = 20
ACCOUNT_LIMIT = 40
PATTERN_LIMIT = 200

_CODE = re.compile(r"[a-z][a-z0-9_]{1,31}")
_TOP_KEYS = frozenset({"version", "updated", "source", "billers"})
_BILLER_KEYS = frozenset({"code", "name", "category", "account", "amount", "fee"})
_ACCOUNT_KEYS = frozenset({"label", "pattern", "description"})
_FEE_KEYS = {
    "none": frozenset({"kind"}),
    "fixed": frozenset({"kind", "fen"}),
    "per_mille": frozenset({"kind", "per_mille", "min_fen", "max_fen"}),
}


@dataclass(frozen=True)
class AccountRule:
    """How the biller's account number looks, and how to tell the keeper so."""

    label: str
    pattern: re.Pattern[str]
    description: str

    def check(self, text: str) -> str:
        """The account as stored: full-width folded, spaces dropped; refused with the
        biller's own description when it does not fit (a lower-case x in an ID number
        is taken as the X it stands for)."""
        compact = "".join(unicodedata.normalize("NFKC", text).split())
        if not compact:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写{label}。"), label=self.label)
        if len(compact) <= ACCOUNT_LIMIT:
            for candidate in (compact, compact.upper()):
                if self.pattern.fullmatch(candidate):
                    return candidate
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{label}格式不对：{description}。"),
            label=self.label,
            description=self.description,
        )


@dataclass(frozen=True)
class AmountRule:
    """Either a range (电费: any amount from 1元 to 5000元) or fixed choices (话费 30/50/100元)."""

    min_fen: int
    max_fen: int
    choices: tuple[int, ...] = ()

    def check(self, amount: Fen, biller_name: str) -> None:
        if amount.fen <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "缴费金额必须大于0。"))
        if self.choices and amount.fen not in self.choices:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "{biller}只能选这几档金额：{choices}。"),
                biller=biller_name,
                choices="、".join(Fen(fen).format(with_unit=True) for fen in self.choices),
            )
        if not self.min_fen <= amount.fen <= self.max_fen:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "{biller}每笔要在{low}到{high}之间，现在是{amount}。"),
                biller=biller_name,
                low=Fen(self.min_fen).format(with_unit=True),
                high=Fen(self.max_fen).format(with_unit=True, grouping=True),
                amount=amount.format(with_unit=True, grouping=True),
            )


@dataclass(frozen=True)
class FeeRule:
    """The station's service fee: ``none``, ``fixed`` (``fen`` a payment), or
    ``per_mille`` of the amount, kept within ``min_fen`` and ``max_fen``."""

    kind: str
    fen: int = 0
    per_mille: int = 0
    min_fen: int = 0
    max_fen: int = 0

    def fee(self, amount: Fen) -> Fen:
        if self.kind == "fixed":
            return Fen(self.fen)
        if self.kind == "per_mille":
            rated = amount.scale(self.per_mille, 1000)  # half up, the one rounding rule
            return Fen(min(max(rated.fen, self.min_fen), self.max_fen))
        return Fen(0)


@dataclass(frozen=True)
class Biller:
    code: str
    name: str
    category: str
    account: AccountRule
    amount: AmountRule
    fee: FeeRule


@dataclass(frozen=True)
class Billers:
    """A validated billers set, in the order the county listed them (the counter's order)."""

    version: int
    updated: date
    source: str
    billers: Mapping[str, Biller]

    @classmethod
    def from_dict(cls, data: object) -> Billers:
        """A set from parsed JSON, e.g. as the county sends it; refused if malformed."""
        return _parse_billers(data)

    @classmethod
    def load(cls, path: Path | None = None) -> Billers:
        """The set in a JSON file; by default the one bundled with the app."""
        return cls.from_dict(read_json(path, ("billers", "billers.json"), _billers_error))

    def biller(self, code: str) -> Biller:
        """The biller the keeper picked; refuses one this set does not have."""
        found = self.billers.get(code)
        if found is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "没有这个缴费单位：{code}，请重新选择。"), code=code
            )
        return found


_bundled: Billers | None = None


def bundled_billers() -> Billers:
    """The set shipped with the app, read once per process."""
    global _bundled  # noqa: PLW0603 - a constant, loaded on first use
    if _bundled is None:
        _bundled = Billers.load()
    return _bundled


# --- validating a set -----------------------------------------------------------------


def _billers_error(detail: str) -> ValidationError:
    """The one error for a bad set: the county must fix the file, not the keeper."""
    return ValidationError(QT_TRANSLATE_NOOP("core", "缴费单位表有误：{detail}"), detail=detail)


def _keys(
    data: object, allowed: frozenset[str], required: set[str], where: str
) -> Mapping[Any, Any]:
    return require_keys(data, allowed, required, where, _billers_error)


def _whole(value: object, where: str, low: int, high: int) -> int:
    """An integer in [low, high]: never a float, so no fen is ever fractional."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _billers_error(f"{where}应是{low}到{high}之间的整数，现在是 {value!r}")
    return value


def _text(value: object, where: str, limit: int, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise _billers_error(f"{where}应是{'非空' if required else ''}文字")
    text = value.strip()
    if len(text) > limit:
        raise _billers_error(f"{where}太长（最多{limit}个字）")
    return text


def _parse_account(data: object, where: str) -> AccountRule:
    data = _keys(data, _ACCOUNT_KEYS, set(_ACCOUNT_KEYS), f"{where}的 account")
    source = _text(data["pattern"], f"{where}的 pattern", PATTERN_LIMIT)
    try:
        pattern = re.compile(source)
    except re.error as error:
        raise _billers_error(f"{where}的 pattern 不是有效的正则表达式（{error}）") from None
    if pattern.fullmatch(""):
        raise _billers_error(f"{where}的 pattern 不能允许空户号")
    return AccountRule(
        label=_text(data["label"], f"{where}的 label", 10),
        pattern=pattern,
        description=_text(data["description"], f"{where}的 description", 80),
    )


def _parse_amount(data: object, where: str) -> AmountRule:
    if isinstance(data, Mapping) and "choices_fen" in data:
        data = _keys(data, frozenset({"choices_fen"}), {"choices_fen"}, f"{where}的 amount")
        return AmountRule(*_parse_choices(data["choices_fen"], where))
    data = _keys(
        data, frozenset({"min_fen", "max_fen"}), {"min_fen", "max_fen"}, f"{where}的 amount"
    )
    low = _whole(data["min_fen"], f"{where}的 min_fen", 1, MAX_AMOUNT_FEN)
    return AmountRule(low, _whole(data["max_fen"], f"{where}的 max_fen", low, MAX_AMOUNT_FEN))


def _parse_choices(data: object, where: str) -> tuple[int, int, tuple[int, ...]]:
    if not isinstance(data, Sequence) or isinstance(data, str) or not data:
        raise _billers_error(f"{where}的 choices_fen 应是非空列表，如 [3000, 5000]")
    if len(data) > MAX_CHOICES:
        raise _billers_error(f"{where}的 choices_fen 最多{MAX_CHOICES}档")
    choices = [_whole(fen, f"{where}的一档金额", 1, MAX_AMOUNT_FEN) for fen in data]
    if len(set(choices)) != len(choices):
        raise _billers_error(f"{where}的 choices_fen 有重复的金额")
    ordered = tuple(sorted(choices))
    return ordered[0], ordered[-1], ordered


def _parse_fee(data: object, where: str) -> FeeRule:
    kind = data.get("kind") if isinstance(data, Mapping) else None
    if kind not in _FEE_KEYS:
        raise _billers_error(f"{where}的 fee.kind 应是 none、fixed 或 per_mille")
    assert isinstance(kind, str)
    data = _keys(data, _FEE_KEYS[kind], set(_FEE_KEYS[kind]), f"{where}的 fee")
    if kind == "fixed":
        return FeeRule(kind, fen=_whole(data["fen"], f"{where}的 fee.fen", 0, MAX_FEE_FEN))
    if kind == "per_mille":
        low = _whole(data["min_fen"], f"{where}的 fee.min_fen", 0, MAX_FEE_FEN)
        return FeeRule(
            kind,
            per_mille=_whole(data["per_mille"], f"{where}的 fee.per_mille", 1, 1000),
            min_fen=low,
            max_fen=_whole(data["max_fen"], f"{where}的 fee.max_fen", low, MAX_FEE_FEN),
        )
    return FeeRule(kind)


def _parse_biller(data: object, index: int) -> Biller:
    code = data.get("code") if isinstance(data, Mapping) else None
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _billers_error(f"第{index + 1}个缴费单位的 code {code!r} 应是小写英文字母开头的代码")
    where = f"缴费单位 {code} "
    data = _keys(data, _BILLER_KEYS, set(_BILLER_KEYS), where)
    category = data["category"]
    if category not in CATEGORIES:
        raise _billers_error(f"{where}的 category 应是 {', '.join(CATEGORIES)} 之一")
    return Biller(
        code=code,
        name=_text(data["name"], f"{where}的 name", 40),
        category=category,
        account=_parse_account(data["account"], where),
        amount=_parse_amount(data["amount"], where),
        fee=_parse_fee(data["fee"], where),
    )


def _parse_header(data: Mapping[Any, Any]) -> tuple[int, date, str]:
    version = _whole(data["version"], "version", 1, 10**9)
    updated = data["updated"]
    try:
        day = date.fromisoformat(updated) if isinstance(updated, str) else None
    except ValueError:
        day = None
    if day is None:
        raise _billers_error(f"updated 应是日期（如 2026-11-28），现在是 {updated!r}")
    return version, day, _text(data.get("source", ""), "source", 1000, required=False)


def _parse_billers(data: object) -> Billers:
    data = _keys(data, _TOP_KEYS, set(_TOP_KEYS - {"source"}), "缴费单位表")
    version, updated, source = _parse_header(data)
    listed = data["billers"]
    if not isinstance(listed, Sequence) or isinstance(listed, str) or not listed:
        raise _billers_error("billers 应是非空列表")
    if len(listed) > MAX_BILLERS:
        raise _billers_error(f"billers 最多{MAX_BILLERS}个")
    parsed: dict[str, Biller] = {}
    for index, entry in enumerate(listed):
        biller = _parse_biller(entry, index)
        if biller.code in parsed:
            raise _billers_error(f"缴费单位代码重复：{biller.code}")
        parsed[biller.code] = biller
    return Billers(version, updated, source, parsed)
