"""What a station buys (农产品目录): products, grades, deduction tables and county prices.

The county centre decides which products its stations buy, how they are graded and how
much moisture costs the farmer; a keeper must not invent a grade at the scale. So they
are data (``resources/produce/prices.json``, replaced whole by the county's ``prices``
reference set through ``core.reference``), read here strictly: a typo in a step table
would otherwise deduct the wrong weight from every sack without a word.

The county's prices travel in the same set. They are copied into ``produce_prices`` when
the set is taken (:func:`take_county_prices`), because a purchase names the price row it
used and that row must outlive the set that brought it.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.clock import business_day
from station_app.core.data_files import read_json, require_keys
from station_app.core.db.produce_models import ProducePrice
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from sync.events import BASIS_POINTS, MAX_PRICE_FEN

log = logging.getLogger(__name__)

PER_GRAMS = (500, 1000)
"""A price per 斤 or per kg: the only two units a 收购 board uses."""
MAX_PRODUCTS = 100
MAX_GRADES = 20
MAX_STEPS = 50
MAX_PRICES = 5000
MAX_TARE_G = 100_000  # 100 kg of crate or sack: anything more is a typo

_PRODUCT_CODE = re.compile(r"[a-z][a-z0-9_]{1,31}")
_GRADE_CODE = re.compile(r"[a-z0-9][a-z0-9_]{0,15}")
_TOP_KEYS = frozenset({"version", "updated", "source", "products", "prices"})
_PRODUCT_KEYS = frozenset(
    {"code", "name", "per_grams", "default_tare_g", "grades", "impurity_steps", "moisture_steps"}
)
_GRADE_KEYS = frozenset({"code", "name"})
_STEP_KEYS = frozenset({"from_bp", "deduct_bp"})
_PRICE_KEYS = frozenset({"uid", "product", "grade", "from", "to", "price_fen", "per_grams"})


@dataclass(frozen=True)
class Grade:
    code: str
    name: str


@dataclass(frozen=True)
class Step:
    """From ``from_bp`` measured (moisture, impurity) upwards, ``deduct_bp`` of the weight
    is taken off; below the first step nothing is."""

    from_bp: int
    deduct_bp: int


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    per_grams: int
    default_tare_g: int
    grades: Mapping[str, Grade]
    """In the county's order: the order of the keeper's F-keys."""
    impurity_steps: tuple[Step, ...] = ()
    moisture_steps: tuple[Step, ...] = ()

    def grade(self, code: str) -> Grade:
        """The grade the keeper picked; refuses one this product does not have."""
        found = self.grades.get(code)
        if found is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "{product}没有这个等级：{code}，请重新选择。"),
                product=self.name,
                code=code,
            )
        return found


@dataclass(frozen=True)
class ListedPrice:
    """One price row of the county's set: for ``day_from`` to ``day_to`` (inclusive, None:
    until a newer one)."""

    uid: str
    product: str
    grade: str
    day_from: str
    day_to: str | None
    price_fen: int
    per_grams: int


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue, in the order the county listed the products."""

    version: int
    products: Mapping[str, Product]
    prices: tuple[ListedPrice, ...] = ()
    updated: date | None = None
    source: str = ""

    @classmethod
    def from_dict(cls, data: object) -> Catalogue:
        """A catalogue from parsed JSON, e.g. as the county sends it; refused if malformed."""
        return _parse_catalogue(data)

    @classmethod
    def load(cls, path: Path | None = None) -> Catalogue:
        """The catalogue in a JSON file; by default the one bundled with the app."""
        return cls.from_dict(read_json(path, ("produce", "prices.json"), _catalogue_error))

    def product(self, code: str) -> Product:
        """The product the keeper picked; refuses one this catalogue does not have."""
        found = self.products.get(code)
        if found is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "没有这个农产品：{code}，请重新选择。"), code=code
            )
        return found

    def names(self, product: str, grade: str) -> tuple[str, str]:
        """Shown names of a product and grade; the code stands in for one no longer listed
        (a purchase made under an older catalogue)."""
        found = self.products.get(product)
        if found is None:
            return product, grade
        listed = found.grades.get(grade)
        return found.name, grade if listed is None else listed.name


_bundled: Catalogue | None = None


def bundled_catalogue() -> Catalogue:
    """The catalogue shipped with the app, read once per process."""
    global _bundled  # noqa: PLW0603 - a constant, loaded on first use
    if _bundled is None:
        _bundled = Catalogue.load()
    return _bundled


def catalogue_in_use(session: Session) -> Catalogue:
    """The county's newest applied set, else the bundled one.

    A stored set today's parser refuses (the app changed since it was applied) leaves
    the bundled catalogue in use and is logged, as for billers.
    """
    # Imported here: core.reference checks county sets with this module's parser, so a
    # module-level import would make the two import each other.
    from station_app.core import reference

    data = reference.active_data(session, "prices")
    if data is None:
        return bundled_catalogue()
    try:
        return Catalogue.from_dict(data)
    except ValidationError as error:
        log.warning("stored prices set no longer readable: %s", error.message)
        return bundled_catalogue()


# --- the county's prices into produce_prices -------------------------------------------


def take_county_prices(session: Session, now: datetime, catalogue: Catalogue) -> None:
    """Copy a taken set's prices into ``produce_prices`` in the caller's transaction.

    A row a purchase already used keeps its price (the purchase names it, and its
    receipt must still add up). If the county withdrew or changed it, the row only
    ends yesterday, and a changed price starts today as a new row under a uid derived
    from the county's uid, the new price and today (the same set taken twice in a day
    makes the same row, never a clash), so the keeper never buys at a price the county
    withdrew. County rows not yet used are updated in place, or go when no longer listed.
    """
    existing = {
        row.uid: row
        for row in session.scalars(select(ProducePrice).where(ProducePrice.source == "county"))
    }
    today = business_day(now)
    wanted: dict[str, ListedPrice] = {}
    for listed in catalogue.prices:
        used = existing.get(listed.uid)
        price = listed
        if (
            used is not None
            and used.first_used_at is not None
            and (_row_values(listed) != _stored_values(used))
        ):
            log.info("county price %s changed after a purchase used it", listed.uid)
            price = _successor(listed, today)
        wanted[price.uid] = price
    for uid, row in existing.items():
        found = wanted.get(uid)
        if row.first_used_at is not None:
            if found is None or _row_values(found) != _stored_values(row):
                _end_before(row, today)
        elif found is None:
            session.delete(row)
        else:
            row.product_code, row.grade_code = found.product, found.grade
            row.day_from, row.day_to = found.day_from, found.day_to
            row.price_fen, row.per_grams = found.price_fen, found.per_grams
            row.list_version, row.set_at = catalogue.version, now
    for uid, new in wanted.items():
        if uid not in existing:
            session.add(_county_row(new, catalogue.version, now))
    session.flush()


def _end_before(row: ProducePrice, today: date) -> None:
    yesterday = (today - timedelta(days=1)).isoformat()
    if row.day_to is None or row.day_to > yesterday:
        row.day_to = max(yesterday, row.day_from)


def _successor(price: ListedPrice, today: date) -> ListedPrice:
    """The changed price as a row of its own from today on: the used row keeps its uid."""
    content = f"{price.uid}:{price.price_fen}:{price.per_grams}:{price.day_to}:{today}"
    return dataclasses.replace(
        price,
        uid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"village-station:price:{content}")),
        day_from=max(price.day_from, today.isoformat()),
    )


def _row_values(price: ListedPrice) -> tuple[object, ...]:
    return (
        price.product,
        price.grade,
        price.day_from,
        price.day_to,
        price.price_fen,
        price.per_grams,
    )


def _stored_values(row: ProducePrice) -> tuple[object, ...]:
    return (
        row.product_code,
        row.grade_code,
        row.day_from,
        row.day_to,
        row.price_fen,
        row.per_grams,
    )


def _county_row(price: ListedPrice, version: int, now: datetime) -> ProducePrice:
    return ProducePrice(
        uid=price.uid,
        source="county",
        product_code=price.product,
        grade_code=price.grade,
        day_from=price.day_from,
        day_to=price.day_to,
        price_fen=price.price_fen,
        per_grams=price.per_grams,
        list_version=version,
        set_at=now,
    )


# --- validating a catalogue -------------------------------------------------------------


def _catalogue_error(detail: str) -> ValidationError:
    """The one error for a bad catalogue: the county must fix the file, not the keeper."""
    return ValidationError(QT_TRANSLATE_NOOP("core", "农产品价格表有误：{detail}"), detail=detail)


def _keys(
    data: object, allowed: frozenset[str], required: set[str], where: str
) -> Mapping[Any, Any]:
    return require_keys(data, allowed, required, where, _catalogue_error)


def _whole(value: object, where: str, low: int, high: int) -> int:
    """An integer in [low, high]: never a float, so no gram or fen is ever fractional."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _catalogue_error(f"{where}应是{low}到{high}之间的整数，现在是 {value!r}")
    return value


def _text(value: object, where: str, limit: int, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise _catalogue_error(f"{where}应是{'非空' if required else ''}文字")
    text = value.strip()
    if len(text) > limit:
        raise _catalogue_error(f"{where}太长（最多{limit}个字）")
    return text


def _list(value: object, where: str, limit: int, *, empty: bool) -> Sequence[Any]:
    if not isinstance(value, Sequence) or isinstance(value, str) or (not empty and not value):
        raise _catalogue_error(f"{where}应是{'' if empty else '非空'}列表")
    if len(value) > limit:
        raise _catalogue_error(f"{where}最多{limit}项")
    return value


def _per_grams(value: object, where: str) -> int:
    if isinstance(value, bool) or value not in PER_GRAMS:
        raise _catalogue_error(f"{where}应是 500（每斤）或 1000（每公斤），现在是 {value!r}")
    assert isinstance(value, int)
    return value


def _day(value: object, where: str) -> str:
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise _catalogue_error(f"{where}应是日期（如 2026-11-28），现在是 {value!r}")
    return day.isoformat()


def _parse_steps(data: object, where: str) -> tuple[Step, ...]:
    steps: list[Step] = []
    for index, entry in enumerate(_list(data, where, MAX_STEPS, empty=True)):
        at = f"{where}第{index + 1}档"
        fields = _keys(entry, _STEP_KEYS, set(_STEP_KEYS), at)
        step = Step(
            from_bp=_whole(fields["from_bp"], f"{at}的 from_bp", 0, BASIS_POINTS - 1),
            deduct_bp=_whole(fields["deduct_bp"], f"{at}的 deduct_bp", 0, BASIS_POINTS - 1),
        )
        if steps and step.from_bp <= steps[-1].from_bp:
            raise _catalogue_error(f"{where}的 from_bp 应从小到大排列")
        if steps and step.deduct_bp < steps[-1].deduct_bp:
            raise _catalogue_error(f"{where}的 deduct_bp 不能越往上越少")
        steps.append(step)
    return tuple(steps)


def _parse_grades(data: object, where: str) -> dict[str, Grade]:
    grades: dict[str, Grade] = {}
    for index, entry in enumerate(_list(data, f"{where}的 grades", MAX_GRADES, empty=False)):
        fields = _keys(entry, _GRADE_KEYS, set(_GRADE_KEYS), f"{where}第{index + 1}个等级")
        code = fields["code"]
        if not isinstance(code, str) or not _GRADE_CODE.fullmatch(code):
            raise _catalogue_error(f"{where}的等级代码 {code!r} 应是小写英文字母或数字")
        if code in grades:
            raise _catalogue_error(f"{where}的等级代码重复：{code}")
        grades[code] = Grade(code, _text(fields["name"], f"{where}等级 {code} 的 name", 20))
    return grades


def _parse_product(data: object, index: int) -> Product:
    code = data.get("code") if isinstance(data, Mapping) else None
    if not isinstance(code, str) or not _PRODUCT_CODE.fullmatch(code):
        raise _catalogue_error(f"第{index + 1}个农产品的 code {code!r} 应是小写英文字母开头的代码")
    where = f"农产品 {code} "
    data = _keys(data, _PRODUCT_KEYS, set(_PRODUCT_KEYS), where)
    return Product(
        code=code,
        name=_text(data["name"], f"{where}的 name", 20),
        per_grams=_per_grams(data["per_grams"], f"{where}的 per_grams"),
        default_tare_g=_whole(data["default_tare_g"], f"{where}的 default_tare_g", 0, MAX_TARE_G),
        grades=_parse_grades(data["grades"], where),
        impurity_steps=_parse_steps(data["impurity_steps"], f"{where}的 impurity_steps"),
        moisture_steps=_parse_steps(data["moisture_steps"], f"{where}的 moisture_steps"),
    )


def _parse_price(data: object, index: int, products: Mapping[str, Product]) -> ListedPrice:
    where = f"第{index + 1}个价格"
    data = _keys(data, _PRICE_KEYS, set(_PRICE_KEYS), where)
    uid = data["uid"]
    try:
        uid = str(uuid.UUID(uid)) if isinstance(uid, str) and len(uid) == 36 else None
    except ValueError:
        uid = None
    if uid is None:
        raise _catalogue_error(f"{where}的 uid 应是 UUID")
    product = products.get(data["product"]) if isinstance(data["product"], str) else None
    if product is None:
        raise _catalogue_error(f"{where}的农产品 {data['product']!r} 不在目录里")
    if not isinstance(data["grade"], str) or data["grade"] not in product.grades:
        raise _catalogue_error(f"{where}的等级 {data['grade']!r} 不是{product.name}的等级")
    day_from = _day(data["from"], f"{where}的 from")
    day_to = None if data["to"] is None else _day(data["to"], f"{where}的 to")
    if day_to is not None and day_to < day_from:
        raise _catalogue_error(f"{where}的 to 早于 from")
    return ListedPrice(
        uid=uid,
        product=product.code,
        grade=data["grade"],
        day_from=day_from,
        day_to=day_to,
        price_fen=_whole(data["price_fen"], f"{where}的 price_fen", 1, MAX_PRICE_FEN),
        per_grams=_per_grams(data["per_grams"], f"{where}的 per_grams"),
    )


def _parse_header(data: Mapping[Any, Any]) -> tuple[int, date | None, str]:
    version = _whole(data["version"], "version", 1, 10**9)
    updated = (
        None
        if data.get("updated") is None
        else date.fromisoformat(_day(data["updated"], "updated"))
    )
    return version, updated, _text(data.get("source", ""), "source", 1000, required=False)


def _parse_catalogue(data: object) -> Catalogue:
    data = _keys(data, _TOP_KEYS, {"version", "products"}, "农产品价格表")
    version, updated, source = _parse_header(data)
    products: dict[str, Product] = {}
    for index, entry in enumerate(_list(data["products"], "products", MAX_PRODUCTS, empty=False)):
        product = _parse_product(entry, index)
        if product.code in products:
            raise _catalogue_error(f"农产品代码重复：{product.code}")
        products[product.code] = product
    prices: list[ListedPrice] = []
    seen: set[str] = set()
    for index, entry in enumerate(_list(data.get("prices", []), "prices", MAX_PRICES, empty=True)):
        price = _parse_price(entry, index, products)
        if price.uid in seen:
            raise _catalogue_error(f"价格 uid 重复：{price.uid}")
        seen.add(price.uid)
        prices.append(price)
    return Catalogue(version, products, tuple(prices), updated, source)
