"""Sending fees (寄件资费): which zone a province is in, and what a courier charges there.

Couriers price a parcel by a first weight (首重) and every started step beyond it (续重),
at a price that depends on how far the destination is from the station's province. The
prices are data (``resources/tariffs/tariffs.json``), not code: the county centre agrees
them with the couriers and publishes new versions (``Tariffs.from_dict`` +
``use_county_tariffs``, stored by ``core.reference``). The fee is always computed here,
never typed, so two keepers charge a villager the same for the same parcel.
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
from station_app.core.money import Fen
from station_app.core.weight import Grams

MAX_PRICE_FEN = 100_000  # 1000元 for a first weight or a step: only a typo gets there
MAX_WEIGHT_G = 1_000_000  # 1 t: no courier takes a heavier single parcel

_CODE = re.compile(r"[a-z][a-z0-9_]*")
# Longest first: 新疆维吾尔自治区 must lose 维吾尔自治区, not just 自治区.
_PROVINCE_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)

_TOP_KEYS = frozenset({"version", "updated", "origin", "source", "zones", "provinces", "couriers"})
_COURIER_KEYS = frozenset({"name", "note", "first_weight_g", "step_g", "max_weight_g", "zones"})
_PRICE_KEYS = frozenset({"first_fen", "additional_fen"})


@dataclass(frozen=True)
class Quote:
    """What sending costs: the fee, the weight it was charged on, and the zone."""

    fee: Fen
    billable_g: int
    zone: int


@dataclass(frozen=True)
class ZonePrice:
    """A courier's price into one zone: the first weight, and each started step after it."""

    first_fen: int
    additional_fen: int


@dataclass(frozen=True)
class CourierTariff:
    """How one courier weighs and prices a parcel."""

    code: str
    name: str
    note: str
    first_weight_g: int
    step_g: int
    max_weight_g: int
    prices: Mapping[int, ZonePrice]

    def billable_g(self, weight: Grams) -> int:
        """The weight the courier charges for: the first weight, plus whole started steps."""
        _check_weight(self, weight)
        beyond = max(weight.grams - self.first_weight_g, 0)
        return self.first_weight_g + steps_started(beyond, self.step_g) * self.step_g

    def fee(self, zone: int, billable_g: int) -> Fen:
        """First-weight price plus one additional price per step beyond the first weight."""
        price = self.prices[zone]
        steps = (billable_g - self.first_weight_g) // self.step_g  # exact: billable is on a step
        return Fen(price.first_fen) + Fen(price.additional_fen) * steps


def steps_started(grams: int, step_g: int) -> int:
    """How many steps of ``step_g`` grams ``grams`` begins: 1 g into a step counts whole.

    Not a rounding of an amount (the project's one rule, half-up, is for those, in
    ``rounding``): a courier's tariff charges every started 续重 step in full, so this
    is an exact integer ceiling of whole grams over whole grams, with nothing lost.
    """
    if grams < 0 or step_g <= 0:
        raise ValueError(f"steps_started needs grams >= 0 and step_g > 0, not {grams}, {step_g}")
    return -(-grams // step_g)


def _check_weight(tariff: CourierTariff, weight: Grams) -> None:
    if weight.grams <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请先称重：寄件重量必须大于0。"))
    if weight.grams > tariff.max_weight_g:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{courier}单件最重{limit}，这件{weight}，请分成几件寄。"),
            courier=tariff.name,
            limit=Grams(tariff.max_weight_g).format("kg"),
            weight=weight.format("kg"),
        )


def province_short_name(name: str) -> str:
    """陕西省 → 陕西, 新疆维吾尔自治区 → 新疆: how people usually say and type it."""
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class Tariffs:
    """A validated version of the tariff table."""

    version: int
    updated: date
    origin: str
    source: str
    zone_names: Mapping[int, str]
    provinces: Mapping[str, int | None]
    couriers: Mapping[str, CourierTariff]

    @classmethod
    def from_dict(cls, data: object) -> Tariffs:
        """A table from parsed JSON, e.g. as the county sends it; refused if malformed."""
        return _parse_tariffs(data)

    @classmethod
    def load(cls, path: Path | None = None) -> Tariffs:
        """The table in a JSON file; by default the one bundled with the app."""
        return cls.from_dict(read_json(path, ("tariffs", "tariffs.json"), _tariff_error))

    def courier(self, code: str) -> CourierTariff:
        """The tariff of the courier the keeper picked; refuses a courier without one."""
        tariff = self.couriers.get(code)
        if tariff is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "资费表里没有这个快递公司：{code}"), code=code
            )
        return tariff

    def province(self, text: str) -> str:
        """The full name of the province typed as 陕西 or 陕西省; refuses others."""
        typed = "".join(unicodedata.normalize("NFKC", text).split())
        if not typed:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "请选择收件人所在的省份。"))
        for name in self.provinces:
            if typed in (name, province_short_name(name)):
                return name
        raise ValidationError(QT_TRANSLATE_NOOP("core", "没有这个省份：{province}"), province=typed)

    def zone(self, province: str) -> int:
        """The zone of a province from the station's; refuses areas not served."""
        name = self.province(province)
        zone = self.provinces[name]
        if zone is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "本站暂不办理寄往{province}的快递。"), province=name
            )
        return zone


def quote(tariffs: Tariffs, courier: str, province: str, weight: Grams) -> Quote:
    """The fee for sending ``weight`` with ``courier`` to ``province``, or why not."""
    tariff = tariffs.courier(courier)
    zone = tariffs.zone(province)
    billable = tariff.billable_g(weight)
    return Quote(fee=tariff.fee(zone, billable), billable_g=billable, zone=zone)


# --- validating a table ---------------------------------------------------------------


def _tariff_error(detail: str) -> ValidationError:
    """The one error for a bad table: the county must fix the file, not the keeper."""
    return ValidationError(QT_TRANSLATE_NOOP("core", "寄件资费表有误：{detail}"), detail=detail)


def _require_keys(
    data: object, allowed: frozenset[str], required: set[str], where: str
) -> Mapping[Any, Any]:
    return require_keys(data, allowed, required, where, _tariff_error)


def _whole(value: object, where: str, low: int, high: int) -> int:
    """An integer in [low, high]: never a float, so no fen or gram is ever fractional."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _tariff_error(f"{where}应是{low}到{high}之间的整数，现在是 {value!r}")
    return value


def _text(value: object, where: str, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise _tariff_error(f"{where}应是{'非空' if required else ''}文字")
    return value.strip()


def _parse_header(data: Mapping[Any, Any]) -> tuple[int, date, str]:
    version = _whole(data["version"], "version", 1, 10**9)
    updated = data["updated"]
    try:
        day = date.fromisoformat(updated) if isinstance(updated, str) else None
    except ValueError:
        day = None
    if day is None:
        raise _tariff_error(f"updated 应是日期（如 2026-11-23），现在是 {updated!r}")
    return version, day, _text(data.get("source", ""), "source", required=False)


def _parse_zones(data: object) -> dict[int, str]:
    if not isinstance(data, Mapping) or not data:
        raise _tariff_error('zones 应是非空对象，如 {"1": "省内"}')
    zones: dict[int, str] = {}
    for key, name in data.items():
        if not isinstance(key, str) or not key.isascii() or not key.isdigit() or key[0] == "0":
            raise _tariff_error(f"区号应是正整数，现在是 {key!r}")
        zones[int(key)] = _text(name, f"{key}区的名称")
    return zones


def _parse_provinces(data: object, zones: Mapping[int, str]) -> dict[str, int | None]:
    if not isinstance(data, Mapping) or not data:
        raise _tariff_error('provinces 应是非空对象，如 {"陕西省": 1}')
    provinces: dict[str, int | None] = {}
    for name, zone in data.items():
        where = f"省份“{name}”"
        if zone is not None and (_whole(zone, f"{where}的区号", 1, 99) not in zones):
            raise _tariff_error(f"{where}的区号{zone}不在 zones 里")
        provinces[_text(name, "省份名称")] = zone
    short = [province_short_name(n) for n in provinces]
    clashes = sorted({s for s in short if short.count(s) > 1})
    if clashes:
        raise _tariff_error(f"省份简称重复：{', '.join(clashes)}")
    return provinces


def _parse_price(data: object, where: str) -> ZonePrice:
    data = _require_keys(data, _PRICE_KEYS, set(_PRICE_KEYS), where)
    return ZonePrice(
        first_fen=_whole(data["first_fen"], f"{where}的 first_fen", 0, MAX_PRICE_FEN),
        additional_fen=_whole(
            data["additional_fen"], f"{where}的 additional_fen", 0, MAX_PRICE_FEN
        ),
    )


def _parse_prices(data: object, zones: Mapping[int, str], where: str) -> dict[int, ZonePrice]:
    """Every zone priced: a zone a courier forgot would refuse parcels it does carry."""
    if not isinstance(data, Mapping):
        raise _tariff_error(f"{where}的 zones 应是一个对象")
    expected = {str(zone) for zone in zones}
    if set(data) != expected:
        raise _tariff_error(f"{where}的 zones 应正好是：{', '.join(sorted(expected))}")
    return {zone: _parse_price(data[str(zone)], f"{where}{zone}区") for zone in zones}


def _parse_courier(code: object, data: object, zones: Mapping[int, str]) -> CourierTariff:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _tariff_error(f"快递公司代码 {code!r} 应是小写英文字母开头的代码")
    where = f"快递公司 {code} "
    data = _require_keys(data, _COURIER_KEYS, set(_COURIER_KEYS) - {"note"}, where)
    first = _whole(data["first_weight_g"], f"{where}的 first_weight_g", 1, MAX_WEIGHT_G)
    most = _whole(data["max_weight_g"], f"{where}的 max_weight_g", first, MAX_WEIGHT_G)
    return CourierTariff(
        code=code,
        name=_text(data["name"], f"{where}的 name"),
        note=_text(data.get("note", ""), f"{where}的 note", required=False),
        first_weight_g=first,
        step_g=_whole(data["step_g"], f"{where}的 step_g", 1, MAX_WEIGHT_G),
        max_weight_g=most,
        prices=_parse_prices(data["zones"], zones, where),
    )


def _parse_tariffs(data: object) -> Tariffs:
    required = _TOP_KEYS - {"source"}
    data = _require_keys(data, _TOP_KEYS, set(required), "资费表")
    version, updated, source = _parse_header(data)
    zones = _parse_zones(data["zones"])
    provinces = _parse_provinces(data["provinces"], zones)
    origin = _text(data["origin"], "origin")
    if origin not in provinces:
        raise _tariff_error(f"始发省份“{origin}”不在 provinces 里")
    couriers = data["couriers"]
    if not isinstance(couriers, Mapping) or not couriers:
        raise _tariff_error("couriers 应是非空对象")
    parsed = {code: _parse_courier(code, entry, zones) for code, entry in couriers.items()}
    return Tariffs(version, updated, origin, source, zones, provinces, parsed)


# --- the table in use -----------------------------------------------------------------

_active: Tariffs | None = None
_bundled: Tariffs | None = None


def bundled_tariffs() -> Tariffs:
    """The table shipped with the app, read once per process."""
    global _bundled  # noqa: PLW0603 - a constant, loaded on first use
    if _bundled is None:
        _bundled = Tariffs.load()
    return _bundled


def active_tariffs() -> Tariffs:
    """The table in use: the county's latest if installed, else the bundled one."""
    global _active  # noqa: PLW0603 - one process-wide table, swapped whole
    if _active is None:
        _active = bundled_tariffs()
    return _active


def replace_tariffs(tariffs: Tariffs) -> bool:
    """Use ``tariffs`` from now on, unless older than the table in use (returns False).

    An older version would bring back prices the county has replaced (an app upgrade
    bundles a newer table than the county last sent).
    """
    global _active  # noqa: PLW0603 - see active_tariffs
    if tariffs.version < active_tariffs().version:
        return False
    _active = tariffs
    return True


def use_county_tariffs(tariffs: Tariffs) -> bool:
    """Use the county's newest stored table (``core.reference``), unless it is older
    than the bundled one; returns whether it is now in use.

    Compared with the bundled table, not the one in use: the county's newest table wins
    over its own earlier one even with a lower ``version`` (staff taking back a wrong
    price), while an app upgrade's newer bundled table still wins over it.
    """
    global _active  # noqa: PLW0603 - see active_tariffs
    if tariffs.version < bundled_tariffs().version:
        _active = bundled_tariffs()
        return False
    _active = tariffs
    return True
