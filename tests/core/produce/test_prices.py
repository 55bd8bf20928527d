"""The catalogue (bundled and the county's), the day's prices and the keeper's own: the
keeper's price of the day wins, the county's applies over its days, a used price row is
never changed, and a bad input or a bad county set writes nothing."""

from __future__ import annotations

import logging
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from station_app.core import reference
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import ProducePrice
from station_app.core.db.reference_models import StoredReferenceSet
from station_app.core.errors import ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.produce import prices
from station_app.core.produce.catalogue import Catalogue, bundled_catalogue, catalogue_in_use
from station_app.core.produce.errors import ProduceError
from station_app.core.store import Store
from sync.wire import ReferenceSet
from tests.core.produce.support import (
    APPLE,
    CATALOGUE,
    D75,
    D80,
    add_farmer,
    buy,
    counts,
    order,
    set_price,
)

TODAY = date(2026, 11, 23)


def price_row(
    uid: str, grade: str = D80, day_from: str = "2026-11-20", **kw: Any
) -> dict[str, Any]:
    return {
        "uid": uid,
        "product": APPLE,
        "grade": grade,
        "from": day_from,
        "to": None,
        "price_fen": 300,
        "per_grams": 500,
        **kw,
    }


def county_set(*rows: dict[str, Any], version: int = 2) -> dict[str, Any]:
    products = [
        {
            "code": APPLE,
            "name": "凤翔苹果",
            "per_grams": 500,
            "default_tare_g": 1500,
            "grades": [{"code": D80, "name": "80mm以上"}, {"code": D75, "name": "75-80mm"}],
            "impurity_steps": [],
            "moisture_steps": [],
        }
    ]
    return {"version": version, "products": products, "prices": list(rows)}


def take(store: Store, data: dict[str, Any], version: int = 2) -> reference.Taken:
    got = ReferenceSet(
        kind="prices", version=version, published_at="2026-11-20T00:00:00.000000Z", data=data
    )
    with store.writing() as session:
        return reference.take(session, store.clock.now(), got, etag=f'"{version}"')


def quote(store: Store, grade: str = D80, day: date = TODAY) -> prices.PriceQuote:
    with store.reading() as session:
        return prices.price_for(session, APPLE, grade, day)


# --- the catalogue ------------------------------------------------------------------------


def test_the_bundled_catalogue_has_the_products_and_grades_the_issue_names() -> None:
    names = {p.name: [g.name for g in p.grades.values()] for p in CATALOGUE.products.values()}
    assert names == {
        "凤翔苹果": ["80mm以上", "75-80mm", "70-75mm", "65-70mm", "统货"],
        "花椒": ["特级", "一级", "二级"],
        "核桃": ["大果", "中果", "统货"],
        "红薯": ["统货"],
        "柿饼": ["一级", "二级"],
    }
    assert list(CATALOGUE.product(APPLE).grades) == ["d80", "d75", "d70", "d65", "mixed"]
    assert CATALOGUE.product(APPLE).default_tare_g == 1500
    assert CATALOGUE.product("sweet_potato").per_grams == 500
    assert CATALOGUE.product("walnut").moisture_steps[0].from_bp == 1200
    assert CATALOGUE.product("sichuan_pepper").moisture_steps
    assert CATALOGUE.version >= 1
    assert CATALOGUE.prices == ()


def test_an_unknown_product_or_grade_is_refused_in_chinese() -> None:
    with pytest.raises(ValidationError, match="没有这个农产品：durian"):
        CATALOGUE.product("durian")
    with pytest.raises(ValidationError, match="凤翔苹果没有这个等级：d90"):
        CATALOGUE.product(APPLE).grade("d90")


def _product(**changed: Any) -> dict[str, Any]:
    data = county_set()
    data["products"][0].update(changed)
    return data


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([], "农产品价格表应是一个对象"),
        ({**county_set(), "colour": "red"}, "不认识的字段：colour"),
        ({"version": 2}, "缺少字段：products"),
        ({**county_set(), "version": 1.5}, "version应是1到"),
        ({**county_set(), "products": []}, "products应是非空列表"),
        (_product(code="Apple"), "小写英文字母开头"),
        (_product(per_grams=250), "per_grams应是 500"),
        (_product(default_tare_g=-1), "default_tare_g应是0到"),
        (_product(grades=[]), "grades应是非空列表"),
        (
            _product(grades=[{"code": "a", "name": "甲"}, {"code": "a", "name": "乙"}]),
            "等级代码重复",
        ),
        (_product(grades=[{"code": "A B", "name": "甲"}]), "等级代码"),
        (
            _product(
                moisture_steps=[
                    {"from_bp": 1300, "deduct_bp": 0},
                    {"from_bp": 1200, "deduct_bp": 100},
                ]
            ),
            "从小到大",
        ),
        (
            _product(
                moisture_steps=[
                    {"from_bp": 1200, "deduct_bp": 200},
                    {"from_bp": 1300, "deduct_bp": 100},
                ]
            ),
            "越往上越少",
        ),
        (_product(moisture_steps=[{"from_bp": 1200, "deduct_bp": 10000}]), "deduct_bp应是0到"),
        (_product(impurity_steps=[{"from_bp": 100}]), "缺少字段：deduct_bp"),
        (county_set(price_row("not-a-uid")), "uid 应是 UUID"),
        (county_set(price_row(str(uuid.uuid4()), grade="d90")), "不是凤翔苹果的等级"),
        (county_set({**price_row(str(uuid.uuid4())), "product": "durian"}), "不在目录里"),
        (county_set(price_row(str(uuid.uuid4()), price_fen=0)), "price_fen应是1到"),
        (county_set(price_row(str(uuid.uuid4()), price_fen=3.5)), "price_fen应是1到"),
        (county_set(price_row(str(uuid.uuid4()), day_from="2026-11-31")), "from应是日期"),
        (county_set(price_row(str(uuid.uuid4()), to="2026-11-01")), "to 早于 from"),
        (county_set(*[price_row("6f1c2a4e-0000-4000-8000-000000000001")] * 2), "uid 重复"),
    ],
)
def test_a_bad_county_set_is_refused_in_chinese(data: object, says: str) -> None:
    with pytest.raises(ValidationError, match="农产品价格表有误") as refused:
        Catalogue.from_dict(data)
    assert says in refused.value.message


# --- the county's prices -------------------------------------------------------------------


def test_a_county_set_is_used_and_its_prices_apply_over_their_days(
    store: Store, keeper: OperatorInfo
) -> None:
    first, later, ended = (str(uuid.uuid4()) for _ in range(3))
    taken = take(
        store,
        county_set(
            price_row(first, day_from="2026-11-01"),
            price_row(later, day_from="2026-11-20", price_fen=320),
            price_row(ended, grade=D75, day_from="2026-11-01", to="2026-11-22", price_fen=280),
        ),
    )

    assert taken.applied
    with store.reading() as session:
        assert list(catalogue_in_use(session).products) == [APPLE]
    got = quote(store)
    assert (got.uid, got.source, got.price_fen, got.per_grams) == (later, "county", 320, 500)
    assert quote(store, day=date(2026, 11, 19)).uid == first
    assert quote(store, D75, date(2026, 11, 22)).price_fen == 280
    with pytest.raises(ProduceError, match="今天没有凤翔苹果75-80mm的收购价") as refused:
        quote(store, D75)
    assert refused.value.field == "grade"


def test_a_bad_county_set_keeps_the_one_in_use(store: Store, keeper: OperatorInfo) -> None:
    take(store, county_set(price_row(str(uuid.uuid4()))))
    before = counts(store)

    refused = take(store, county_set(price_row("nope")), version=3)

    assert not refused.applied
    assert "农产品价格表有误" in (refused.error or "")
    assert counts(store) == before
    assert quote(store).price_fen == 300


def test_a_used_county_price_is_never_changed_and_withdrawn_unused_ones_go(
    store: Store, keeper: OperatorInfo, caplog: pytest.LogCaptureFixture
) -> None:
    used, unused, withdrawn = (str(uuid.uuid4()) for _ in range(3))
    take(
        store,
        county_set(
            price_row(used),
            price_row(unused, grade=D75),
            price_row(withdrawn, grade=D75, day_from="2026-11-01"),
        ),
    )
    farmer = add_farmer(store, keeper)
    bought = buy(store, keeper, order(farmer))
    assert bought.price_uid == used

    with caplog.at_level(logging.INFO):
        take(
            store,
            county_set(
                price_row(used, price_fen=999),
                price_row(unused, grade=D75, price_fen=310),
                version=3,
            ),
            3,
        )

    with store.reading() as session:
        rows = {row.uid: row for row in session.scalars(select(ProducePrice))}
    (successor,) = set(rows) - {used, unused}
    assert withdrawn not in rows
    # The used row keeps its price and only ends; the county's new price starts today.
    assert (rows[used].price_fen, rows[used].list_version) == (300, 2)
    assert rows[used].first_used_at is not None
    assert rows[used].day_to == (TODAY - timedelta(days=1)).isoformat()
    assert (rows[successor].price_fen, rows[successor].day_from) == (999, TODAY.isoformat())
    assert (rows[unused].price_fen, rows[unused].list_version) == (310, 3)
    assert quote(store).price_fen == 999
    assert quote(store, day=TODAY - timedelta(days=1)).price_fen == 300
    assert "changed after a purchase used it" in caplog.text


def test_a_used_county_price_the_county_withdrew_ends_and_buys_nothing_more(
    store: Store, keeper: OperatorInfo
) -> None:
    used = str(uuid.uuid4())
    take(store, county_set(price_row(used)))
    buy(store, keeper, order(add_farmer(store, keeper)))

    take(store, county_set(version=3), 3)

    with store.reading() as session:
        row = session.scalars(select(ProducePrice)).one()
    assert (row.uid, row.price_fen) == (used, 300)
    with pytest.raises(ProduceError):
        quote(store)


def test_an_unreadable_stored_set_leaves_the_bundled_catalogue(
    store: Store, keeper: OperatorInfo, caplog: pytest.LogCaptureFixture
) -> None:
    take(store, county_set())
    with store.writing() as session:
        row = session.scalars(select(StoredReferenceSet)).one()
        row.data = '{"version": 2, "products": "broken"}'
    with store.reading() as session, caplog.at_level(logging.WARNING):
        assert catalogue_in_use(session) == bundled_catalogue()
    assert "no longer readable" in caplog.text


# --- the keeper's price of the day --------------------------------------------------------


def test_the_keepers_price_of_the_day_wins_newest_first(
    store: Store, keeper: OperatorInfo, clock: FixedClock
) -> None:
    take(store, county_set(price_row(str(uuid.uuid4()))))
    first = set_price(store, keeper, price="3.40")
    clock.advance(timedelta(minutes=30))
    second = set_price(store, keeper, price=Fen(360))  # type: ignore[arg-type]

    assert (first.source, first.price_fen, first.per_grams) == ("keeper", 340, 500)
    assert quote(store) == second
    assert quote(store).price == Fen(360)
    assert quote(store, day=TODAY + timedelta(days=1)).source == "county"  # only for its day
    with store.reading() as session:
        entries = session.scalars(
            select(LedgerEntry.payload).where(LedgerEntry.type == "produce.price_set")
        ).all()
    assert len(entries) == 2
    assert '"day":"2026-11-23"' in entries[0]


@pytest.mark.parametrize(
    ("kw", "field", "says"),
    [
        ({"product": "durian"}, "product", "没有这个农产品"),
        ({"grade": "d90"}, "grade", "没有这个等级"),
        ({"price": "0"}, "price", "必须大于0"),
        ({"price": "-3"}, "price", "不能为负数"),
        ({"price": "3.555"}, "price", "最多两位小数"),
        ({"price": "20000"}, "price", "不能超过"),
        ({"per_grams": 250}, "per_grams", "每斤或每公斤"),
    ],
)
def test_a_bad_price_is_refused_naming_the_field_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, kw: dict[str, Any], field: str, says: str
) -> None:
    before = counts(store)
    with pytest.raises(ProduceError, match=says) as refused:
        set_price(store, keeper, **kw)
    assert refused.value.field == field
    assert counts(store) == before


def test_the_price_board_lists_every_grade_with_its_price_or_none(
    store: Store, keeper: OperatorInfo
) -> None:
    set_price(store, keeper, grade=D75, price="3.10")
    with store.reading() as session:
        board = prices.day_prices(session, CATALOGUE, TODAY)

    assert len(board) == sum(len(p.grades) for p in CATALOGUE.products.values())
    assert (board[0].product_name, board[0].grade_name, board[0].quote) == (
        "凤翔苹果",
        "80mm以上",
        None,
    )
    assert board[1].grade == D75
    assert board[1].quote is not None
    assert board[1].quote.price_fen == 310


def test_a_used_price_changed_twice_under_one_list_version_makes_no_clash(
    store: Store, keeper: OperatorInfo
) -> None:
    """The county may republish with new content but the same data version; the
    station's successor rows are keyed by content, not by that number."""
    used = str(uuid.uuid4())
    take(store, county_set(price_row(used)))
    buy(store, keeper, order(add_farmer(store, keeper)))

    for fen, published in ((380, 3), (400, 4), (400, 5)):
        taken = take(store, county_set(price_row(used, price_fen=fen), version=3), published)
        assert taken.applied
        assert quote(store).price_fen == fen

    with store.reading() as session:
        rows = sorted(
            (row.price_fen, row.uid == used) for row in session.scalars(select(ProducePrice))
        )
    assert rows == [(300, True), (400, False)]
