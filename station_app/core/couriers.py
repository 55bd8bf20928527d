"""Which courier (快递公司) a scanned tracking number (运单号) belongs to.

A keeper checks in dozens of parcels from several couriers at once; typing the courier
for each is slow and error-prone, so the app guesses it from the number. The guess can
be wrong: the same all-numeric shape (12, 13, 14, 15 digits) is used by several
couriers. So recognition returns a ranked list of candidates, and the keeper corrects
it with one key (``courier_by_code``) or fixes it for a whole check-in batch.

The formats are data (``resources/couriers/rules.json``), not code: couriers change
their numbering, and the county centre can publish corrected rules without a release
(``CourierRules.from_dict`` + ``use_county_rules``, stored by ``core.reference``).

What is refused, and why: a scan too short, too long or with characters no waybill
has is a bad scan (the keeper rescans); a product barcode (EAN-13 of a Chinese product
or a book) scanned by mistake would otherwise become a parcel nobody can find. A number
of an unknown shape is accepted with courier ``unknown``: new formats appear before the
rules know them, and refusing a real parcel is worse than asking the keeper.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from station_app.core.data_files import read_json, require_keys
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError


@dataclass(frozen=True)
class Courier:
    """A courier as the keeper sees it: a stable ASCII code and a Chinese name."""

    code: str
    name: str


UNKNOWN = Courier("unknown", "未知快递")

MIN_LENGTH = 8
MAX_LENGTH = 32
# Top weight this far above the runner-up means the guess needs no confirmation.
CERTAIN_MARGIN = 20
_SHOWN_LENGTH = 40

_LEGAL = re.compile(r"[A-Z0-9-]*")
_CODE = re.compile(r"[a-z][a-z0-9_]*")
_S10 = re.compile(r"[A-Z]{2}(\d{8})(\d)[A-Z]{2}")
_PRODUCT_PREFIXES = (*(f"69{d}" for d in range(10)), "978", "979")
_CHECKS = frozenset({"s10"})

_TOP_KEYS = frozenset({"version", "updated", "source", "couriers"})
_COURIER_KEYS = frozenset({"code", "name", "patterns"})
_PATTERN_KEYS = frozenset({"regex", "weight", "check", "note"})

S10_WARNING = QT_TRANSLATE_NOOP("core", "国际邮件号校验位不对，请核对单号。")


class NotAWaybill(ValidationError):
    """A product barcode, not a tracking number.

    Its own class so the UI can offer "this really is a waybill" and call
    ``recognise(text, allow_product_code=True)``: the refusal is a guess (see
    ``recognise``), and the keeper must never be stuck with a real parcel.
    """


# --- pure check-digit functions -------------------------------------------------------


def s10_check_digit(serial8: str) -> int:
    """The UPU S10 check digit of an 8-digit serial number (weights 8 6 4 2 3 5 9 7)."""
    if len(serial8) != 8 or not serial8.isascii() or not serial8.isdigit():
        raise ValueError(f"an S10 serial is 8 digits, not {serial8!r}")
    total = sum(int(d) * w for d, w in zip(serial8, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def s10_is_valid(number: str) -> bool:
    """Whether ``number`` is S10-shaped (``EA123456785CN``) with the right check digit."""
    match = _S10.fullmatch(number)
    return match is not None and s10_check_digit(match[1]) == int(match[2])


def ean13_is_valid(code: str) -> bool:
    """Whether ``code`` is 13 digits whose last digit is the EAN-13 check digit."""
    if len(code) != 13 or not code.isascii() or not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code[:12]))
    return (10 - total % 10) % 10 == int(code[12])


def is_product_code(number: str) -> bool:
    """A Chinese product (GS1 690–699) or book (ISBN 978/979) EAN-13 barcode."""
    return number.startswith(_PRODUCT_PREFIXES) and ean13_is_valid(number)


# --- scanning -------------------------------------------------------------------------


def _drop_invisible(text: str) -> str:
    """Remove whitespace and control/format characters scanners add (CR, TAB, GS, BOM)."""
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")
    )


def _upper_ascii(text: str) -> str:
    """Uppercase ASCII letters only; other letters are refused later anyway."""
    return "".join(c.upper() if c.isascii() else c for c in text)


def normalise_scan(text: str) -> str:
    """The tracking number as the rules see it, however the scanner or keeper typed it.

    Scanners append CR/TAB and GS1 separators; a Chinese input method turns digits
    full-width; people type lowercase. Removing a character can let NFKC combine its
    neighbours, so the steps repeat until nothing changes (idempotent by construction).
    """
    for _ in range(8):
        step = _upper_ascii(_drop_invisible(unicodedata.normalize("NFKC", _drop_invisible(text))))
        if step == text:
            break
        text = step
    return text


def _shown(number: str) -> str:
    """The number as quoted in a message: cut short so a garbage scan cannot flood it."""
    return number if len(number) <= _SHOWN_LENGTH else number[:_SHOWN_LENGTH] + "…"


def _refuse_bad_scan(number: str) -> None:
    """Raise ValidationError for scans no waybill could produce."""
    if not _LEGAL.fullmatch(number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号含有不该有的字符：{text}"), text=_shown(number)
        )
    if len(number.replace("-", "")) < MIN_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太短，可能没扫完整：{text}"), text=number
        )
    if len(number) > MAX_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太长，可能连着扫了两个码：{text}"),
            text=_shown(number),
        )


# --- recognition results --------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One courier the number may belong to, with how strongly the rules say so."""

    courier: Courier
    weight: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recognition:
    """A normalised tracking number and its candidate couriers, best first."""

    tracking_number: str
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Courier:
        """The courier to preselect; UNKNOWN when no rule matched."""
        return self.candidates[0].courier if self.candidates else UNKNOWN

    @property
    def is_certain(self) -> bool:
        """Whether the UI may skip asking: one candidate, or one clearly ahead."""
        if len(self.candidates) <= 1:
            return len(self.candidates) == 1
        return self.candidates[0].weight - self.candidates[1].weight >= CERTAIN_MARGIN

    @property
    def warnings(self) -> tuple[str, ...]:
        """Warnings of the best candidate (message templates in context ``core``)."""
        return self.candidates[0].warnings if self.candidates else ()


# --- rules ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CourierPattern:
    """One number shape of a courier, compiled once when the rules load."""

    regex: re.Pattern[str]
    weight: int
    check: str | None
    note: str

    def warnings_for(self, number: str) -> tuple[str, ...]:
        """A failed check digit warns but never rejects: labels get misprinted too."""
        if self.check == "s10" and not s10_is_valid(number):
            return (S10_WARNING,)
        return ()


@dataclass(frozen=True)
class CourierRule:
    """A courier and the shapes of its numbers."""

    courier: Courier
    patterns: tuple[CourierPattern, ...]

    def candidate(self, number: str) -> Candidate | None:
        """The courier's strongest matching shape as a candidate, if any matches."""
        matching = [p for p in self.patterns if p.regex.fullmatch(number)]
        if not matching:
            return None
        best = max(matching, key=lambda p: p.weight)
        return Candidate(self.courier, best.weight, best.warnings_for(number))


def _rules_error(detail: str) -> ValidationError:
    """The one error for a bad rules file: the county must fix the file, not the keeper."""
    return ValidationError(
        QT_TRANSLATE_NOOP("core", "快递公司识别规则有误：{detail}"), detail=detail
    )


def _require_keys(
    data: object, allowed: frozenset[str], required: set[str], where: str
) -> Mapping[Any, Any]:
    return require_keys(data, allowed, required, where, _rules_error)


def _parse_pattern(data: object, where: str) -> CourierPattern:
    data = _require_keys(data, _PATTERN_KEYS, {"regex", "weight"}, where)
    regex, weight = data["regex"], data["weight"]
    check, note = data.get("check"), data.get("note", "")
    if not isinstance(regex, str) or not regex:
        raise _rules_error(f"{where}的 regex 应是非空文字")
    try:
        compiled = re.compile(regex)
    except re.error as error:
        raise _rules_error(f"{where}的正则表达式写错了：{regex}（{error}）") from error
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 100:
        raise _rules_error(f"{where}的 weight 应是1到100的整数，现在是 {weight!r}")
    if check is not None and check not in _CHECKS:
        raise _rules_error(f"{where}的 check 只能是 s10 或 null，现在是 {check!r}")
    if not isinstance(note, str):
        raise _rules_error(f"{where}的 note 应是文字")
    return CourierPattern(compiled, weight, check, note)


def _parse_courier(data: object, where: str) -> CourierRule:
    data = _require_keys(data, _COURIER_KEYS, set(_COURIER_KEYS), where)
    code, name, patterns = data["code"], data["name"], data["patterns"]
    if not isinstance(code, str) or not _CODE.fullmatch(code) or code == UNKNOWN.code:
        raise _rules_error(f"{where}的代码 {code!r} 应是小写英文字母开头的代码，且不能是 unknown")
    if not isinstance(name, str) or not name.strip():
        raise _rules_error(f"{where}（{code}）缺少中文名称")
    if not isinstance(patterns, list) or not patterns:
        raise _rules_error(f"{where}（{code}）至少要有一条号码规则")
    parsed = tuple(
        _parse_pattern(p, f"{where}（{code}）第{i}条号码规则") for i, p in enumerate(patterns, 1)
    )
    return CourierRule(Courier(code, name.strip()), parsed)


def _parse_header(data: Mapping[Any, Any]) -> tuple[int, date, str]:
    version, updated, source = data["version"], data["updated"], data.get("source", "")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _rules_error(f"version 应是正整数，现在是 {version!r}")
    try:
        day = date.fromisoformat(updated) if isinstance(updated, str) else None
    except ValueError:
        day = None
    if day is None:
        raise _rules_error(f"updated 应是日期（如 2026-11-23），现在是 {updated!r}")
    if not isinstance(source, str):
        raise _rules_error("source 应是文字")
    return version, day, source


@dataclass(frozen=True)
class CourierRules:
    """A validated, compiled version of the courier rules."""

    version: int
    updated: date
    source: str
    rules: tuple[CourierRule, ...]

    @classmethod
    def from_dict(cls, data: object) -> CourierRules:
        """Rules from parsed JSON, e.g. as the county sends them; refused if malformed."""
        data = _require_keys(data, _TOP_KEYS, {"version", "updated", "couriers"}, "规则文件")
        version, updated, source = _parse_header(data)
        couriers = data["couriers"]
        if not isinstance(couriers, list) or not couriers:
            raise _rules_error("couriers 应是非空列表")
        rules = tuple(_parse_courier(c, f"第{i}个快递公司") for i, c in enumerate(couriers, 1))
        codes = [r.courier.code for r in rules]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise _rules_error(f"快递公司代码重复：{', '.join(duplicates)}")
        return cls(version, updated, source, rules)

    @classmethod
    def load(cls, path: Path | None = None) -> CourierRules:
        """Rules from a JSON file; by default the ones bundled with the app."""
        return cls.from_dict(read_json(path, ("couriers", "rules.json"), _rules_error))

    def candidates(self, number: str) -> tuple[Candidate, ...]:
        """Every courier whose shapes match, by weight; ties keep the file's order."""
        found = [c for c in (rule.candidate(number) for rule in self.rules) if c is not None]
        return tuple(sorted(found, key=lambda c: -c.weight))

    def couriers(self) -> list[Courier]:
        """Every courier in file order, then UNKNOWN (the keeper may reset to it)."""
        return [rule.courier for rule in self.rules] + [UNKNOWN]

    def courier_by_code(self, code: str) -> Courier:
        """The courier the keeper picked; refuses a code these rules do not know."""
        for courier in self.couriers():
            if courier.code == code:
                return courier
        raise ValidationError(QT_TRANSLATE_NOOP("core", "没有这个快递公司：{code}"), code=code)


# --- the rules in use -----------------------------------------------------------------

_active: CourierRules | None = None
_bundled: CourierRules | None = None


def bundled_rules() -> CourierRules:
    """The rules shipped with the app, loaded and compiled once per process."""
    global _bundled  # noqa: PLW0603 - a constant, loaded on first use
    if _bundled is None:
        _bundled = CourierRules.load()
    return _bundled


def active_rules() -> CourierRules:
    """The rules in use: the county's latest if installed, else the bundled ones.

    Loaded once and kept, so the regexes are compiled once per process.
    """
    global _active  # noqa: PLW0603 - one process-wide set of rules, swapped whole
    if _active is None:
        _active = bundled_rules()
    return _active


def replace_rules(rules: CourierRules) -> bool:
    """Use ``rules`` from now on, unless they are older than the rules in use.

    An older version would undo a fix (an app upgrade bundles newer rules than the
    county last sent); returns False then, so the caller can log it.
    """
    global _active  # noqa: PLW0603 - see active_rules
    if rules.version < active_rules().version:
        return False
    _active = rules
    return True


def use_county_rules(rules: CourierRules) -> bool:
    """Use the county's newest stored set (``core.reference``), unless it is older than
    the bundled rules; returns whether it is now in use.

    Compared with the bundled rules, not with those in use: the county's newest set
    always wins over its own earlier one, even with a lower ``version`` (staff taking a
    bad set back), while an app upgrade's newer bundled rules still win over it.
    """
    global _active  # noqa: PLW0603 - see active_rules
    if rules.version < bundled_rules().version:
        _active = bundled_rules()
        return False
    _active = rules
    return True


def recognise(
    text: str, rules: CourierRules | None = None, *, allow_product_code: bool = False
) -> Recognition:
    """Normalise a scan, refuse what cannot be a waybill, and rank candidate couriers.

    Product codes: a Chinese product's EAN-13 (690–699) or a book's ISBN (978/979)
    with a valid check digit is refused with ``NotAWaybill``. The trade-off: a real
    13-digit tracking number starting with those digits passes the EAN check by
    chance one time in ten (China Post's 13-digit 97…/99… parcels are the likely
    victims) and is refused too. Other 13-digit numbers are never refused, even with
    a valid EAN check digit, since foreign products are rarer at a station than
    parcels. ``allow_product_code=True`` is the keeper's way past a wrong refusal.
    """
    number = normalise_scan(text)
    _refuse_bad_scan(number)
    if not allow_product_code and is_product_code(number):
        raise NotAWaybill(
            QT_TRANSLATE_NOOP("core", "这是商品条码，不是快递单号：{text}"), text=number
        )
    return Recognition(number, (active_rules() if rules is None else rules).candidates(number))


def courier_by_code(code: str, rules: CourierRules | None = None) -> Courier:
    """The courier for the keeper's correction; ``unknown`` is always allowed."""
    return (active_rules() if rules is None else rules).courier_by_code(code)


def all_couriers(rules: CourierRules | None = None) -> list[Courier]:
    """The couriers for a picker, in the rules' order, UNKNOWN last."""
    return (active_rules() if rules is None else rules).couriers()
