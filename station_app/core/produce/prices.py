"""The day's purchase price (当日收购价) of a product and grade, and the keeper's own.

Prices move daily in the harvest; the county publishes a list when it can, and the
keeper sets the day's price where it did not or the market moved. The keeper's price for
the day wins, because it is the one on the board the farmer just read. Every price is a
row that is never edited once used: a purchase names the row, so its receipt can be
checked against it years later.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.produce_models import ProducePrice
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.produce.catalogue import PER_GRAMS, Catalogue, catalogue_in_use
from station_app.core.produce.errors import ProduceError, on_produce_field
from sync.events import MAX_PRICE_FEN


@dataclass(frozen=True)
class PriceQuote:
    """The price a purchase uses, and which row it came from."""

    uid: str
    source: str
    """``county`` or ``keeper``."""
    price_fen: int
    per_grams: int
    product: str
    grade: str

    @property
    def price(self) -> Fen:
        return Fen(self.price_fen)

    @classmethod
    def of(cls, row: ProducePrice) -> PriceQuote:
        return cls(
            row.uid, row.source, row.price_fen, row.per_grams, row.product_code, row.grade_code
        )


@dataclass(frozen=True)
class DayPrice:
    """One line of the price board: a grade and its price today, or None while unset."""

    product: str
    product_name: str
    grade: str
    grade_name: str
    quote: PriceQuote | None


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else date.fromisoformat(day).isoformat()


def find_price(session: Session, product: str, grade: str, day: date | str) -> PriceQuote | None:
    """The price of the day, or None: the keeper's for that day, newest first; else the
    county row that started last on or before the day and has not ended."""
    iso = _iso(day)
    keeper = session.scalars(
        select(ProducePrice)
        .where(
            ProducePrice.source == "keeper",
            ProducePrice.product_code == product,
            ProducePrice.grade_code == grade,
            ProducePrice.day_from == iso,
        )
        .order_by(ProducePrice.set_at.desc(), ProducePrice.id.desc())
        .limit(1)
    ).first()
    if keeper is not None:
        return PriceQuote.of(keeper)
    county = session.scalars(
        select(ProducePrice)
        .where(
            ProducePrice.source == "county",
            ProducePrice.product_code == product,
            ProducePrice.grade_code == grade,
            ProducePrice.day_from <= iso,
            or_(ProducePrice.day_to.is_(None), ProducePrice.day_to >= iso),
        )
        .order_by(ProducePrice.day_from.desc(), ProducePrice.id.desc())
        .limit(1)
    ).first()
    return None if county is None else PriceQuote.of(county)


def price_for(session: Session, product: str, grade: str, day: date | str) -> PriceQuote:
    """The price a purchase of ``day`` uses; a ProduceError on ``grade`` when there is
    none (the keeper sets one on the 价格 tab, then buys)."""
    found = find_price(session, product, grade, day)
    if found is not None:
        return found
    product_name, grade_name = catalogue_in_use(session).names(product, grade)
    raise ProduceError(
        "grade",
        ValidationError(
            QT_TRANSLATE_NOOP("core", "今天没有{product}{grade}的收购价，请先设定当日价格。"),
            product=product_name,
            grade=grade_name,
        ),
    )


def set_day_price(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    product: str,
    grade: str,
    price: Fen | str,
    per_grams: int,
    catalogue: Catalogue,
) -> PriceQuote:
    """The keeper's price for today's business day: a new row and ``produce.price_set``,
    never an edit (purchases already made at the old price keep it)."""
    listed = on_produce_field("product", lambda: catalogue.product(product))
    on_produce_field("grade", lambda: listed.grade(grade))
    fen = on_produce_field("price", lambda: _price(price))
    unit = on_produce_field("per_grams", lambda: _per_grams(per_grams))
    now = clock.now()
    day = business_day(now).isoformat()
    price_uid = str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="produce.price_set",
        payload={
            "price": price_uid,
            "product": product,
            "grade": grade,
            "day": day,
            "price_fen": fen.fen,
            "per_grams": unit,
        },
    )
    row = keeper_row(
        price_uid, product=product, grade=grade, day=day, price_fen=fen.fen, per_grams=unit
    )
    row.set_at, row.set_by, row.entry = now, actor.login, entry.entry_id
    session.add(row)
    session.flush()
    return PriceQuote.of(row)


def keeper_row(
    uid: str, *, product: str, grade: str, day: str, price_fen: int, per_grams: int
) -> ProducePrice:
    """A keeper's price row for one day (the caller sets when, by whom and the entry)."""
    return ProducePrice(
        uid=uid,
        source="keeper",
        product_code=product,
        grade_code=grade,
        day_from=day,
        day_to=day,
        price_fen=price_fen,
        per_grams=per_grams,
    )


def day_prices(session: Session, catalogue: Catalogue, day: date | str) -> list[DayPrice]:
    """Every product and grade of the catalogue, in its order, with the day's price."""
    return [
        DayPrice(
            product.code,
            product.name,
            grade.code,
            grade.name,
            find_price(session, product.code, grade.code, day),
        )
        for product in catalogue.products.values()
        for grade in product.grades.values()
    ]


def _price(value: Fen | str) -> Fen:
    fen = value if isinstance(value, Fen) else Fen.parse(value, max_fen=MAX_PRICE_FEN)
    if fen.fen <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "收购价必须大于0。"))
    if fen.fen > MAX_PRICE_FEN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "收购价不能超过{limit}元。"),
            limit=Fen(MAX_PRICE_FEN).format(grouping=True),
        )
    return fen


def _per_grams(value: int) -> int:
    if isinstance(value, bool) or value not in PER_GRAMS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "价格单位只能是每斤或每公斤。"))
    return value
