"""Buying produce on a real store: checked in the form's order with nothing written on a
refusal, numbered per day, put in the day's lot, booked in the cash book when paid,
voided only by a keeper while its lot is still at the station, and rebuilt from the
ledger exactly."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import (
    LotStatus,
    ProduceLot,
    ProducePrice,
    ProducePurchase,
    PurchaseStatus,
)
from station_app.core.errors import PermissionDenied
from station_app.core.operators import OperatorInfo
from station_app.core.produce import lots, purchase
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store
from tests.core.produce.support import (
    APPLE,
    CRATES,
    D75,
    D80,
    add_farmer,
    book,
    buy,
    counts,
    order,
    set_price,
    state,
    types,
    void,
)
from tests.core.test_replay import entries_of, rebuild

AMOUNT = 50190  # 71.7 kg = 143.4斤 at 3.50元/斤


@pytest.fixture
def farmer(store: Store, keeper: OperatorInfo) -> str:
    set_price(store, keeper)
    return add_farmer(store, keeper)


def payload_of(store: Store, event_type: str) -> dict[str, Any]:
    with store.reading() as session:
        text = session.scalars(
            select(LedgerEntry.payload).where(LedgerEntry.type == event_type)
        ).all()[-1]
    value: dict[str, Any] = json.loads(text)
    return value


def lot_row(store: Store, uid: str) -> ProduceLot:
    with store.reading() as session:
        found = session.scalars(select(ProduceLot).where(ProduceLot.uid == uid)).one()
        session.expunge(found)
        return found


# --- buying ----------------------------------------------------------------------------


def test_a_purchase_opens_the_days_lot_and_pays_the_farmer(
    store: Store, assistant: OperatorInfo, keeper: OperatorInfo, farmer: str
) -> None:
    bought = buy(store, assistant, order(farmer))

    assert bought.number == "SG20261123-001"
    assert (bought.farmer_name, bought.farmer_phone) == ("张三丰", "138****5678")
    assert (bought.product_name, bought.grade_name) == ("凤翔苹果", "80mm以上")
    assert (bought.totals.gross_g, bought.totals.tare_g, bought.net_g) == (76200, 4500, 71700)
    assert bought.amount.fen == AMOUNT
    assert (bought.payment, bought.status, bought.manual) == ("cash", PurchaseStatus.PAID, True)
    assert bought.weighings == CRATES
    assert lots.normalise_trace_code(bought.trace_code_text) == bought.trace_code
    assert types(store)[-2:] == ["lot.opened", "produce.purchased"]
    sent = payload_of(store, "produce.purchased")
    assert (sent["household"], sent["village"], sent["lot"]) == (
        "lifted",
        "610305110201",
        bought.lot_uid,
    )
    assert "张三丰" not in json.dumps(sent, ensure_ascii=False)
    assert book(store) == [("cash", -AMOUNT, "produce_payment")]
    with store.reading() as session:
        price = session.scalars(select(ProducePrice)).one()
    assert price.first_used_at == store.clock.now()
    assert lot_row(store, bought.lot_uid).purchased_g == 71700


def test_the_days_later_purchases_share_the_lot_and_count_on(
    store: Store, keeper: OperatorInfo, farmer: str, clock: FixedClock
) -> None:
    set_price(store, keeper, grade=D75, price="3.00")
    first = buy(store, keeper, order(farmer))
    second = buy(store, keeper, order(farmer, weighings=[WeighingInput(20000, 1500)]))
    other_grade = buy(store, keeper, order(farmer, grade=D75))

    assert [first.number, second.number, other_grade.number] == [
        "SG20261123-001",
        "SG20261123-002",
        "SG20261123-003",
    ]
    assert first.lot_uid == second.lot_uid != other_grade.lot_uid
    assert lot_row(store, first.lot_uid).purchased_g == 71700 + 18500
    assert types(store).count("lot.opened") == 2
    clock.advance(timedelta(days=1))
    set_price(store, keeper)
    tomorrow = buy(store, keeper, order(farmer))
    assert tomorrow.number == "SG20261124-001"
    assert tomorrow.lot_uid != first.lot_uid
    with store.reading() as session:
        assert [v.number for v in purchase.purchases_of_day(session, "2026-11-23")] == [
            "SG20261123-001",
            "SG20261123-002",
            "SG20261123-003",
        ]


def test_the_serial_goes_past_999_in_order(store: Store, keeper: OperatorInfo, farmer: str) -> None:
    first = buy(store, keeper, order(farmer))
    with store.writing() as session:
        session.execute(
            update(ProducePurchase)
            .where(ProducePurchase.uid == first.uid)
            .values(number="SG20261123-999")
        )
    assert buy(store, keeper, order(farmer)).number == "SG20261123-1000"
    assert buy(store, keeper, order(farmer)).number == "SG20261123-1001"


def test_deductions_go_on_the_ledger_and_owed_moves_no_money(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    bought = buy(store, keeper, order(farmer, impurity_bp=150, moisture_bp=50, payment="owed"))

    assert bought.totals.deduction_g == 1434  # 71700 × 2% = 1434
    assert bought.net_g == 70266
    assert bought.amount.fen == 49186  # 70266 × 350 / 500 = 49186.2
    assert bought.status is PurchaseStatus.OWED
    sent = payload_of(store, "produce.purchased")
    assert (sent["impurity_bp"], sent["moisture_bp"], sent["deduction_g"]) == (150, 50, 1434)
    assert book(store) == []


def _no_household(store: Store, keeper: OperatorInfo) -> str:
    return add_farmer(store, keeper, "李四", household=None)


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        (
            {"farmer_uid": "00000000-0000-4000-8000-000000000000"},
            ("farmer", None),
            "找不到这位农户",
        ),
        ({"farmer_uid": _no_household}, ("farmer", None), "请先在农户资料里填写户类型"),
        ({"product": "durian"}, ("product", None), "没有这个农产品"),
        ({"grade": "d90"}, ("grade", None), "没有这个等级"),
        ({"weighings": []}, ("weighings", None), "还没有称重"),
        (
            {"weighings": [WeighingInput(20000, 1500), WeighingInput(1400, 1500)]},
            ("weighings", 1),
            "皮重不能大于等于毛重",
        ),
        ({"weighings": [WeighingInput(-1, 0)]}, ("weighings", 0), "毛重必须大于0"),
        (
            {"weighings": [WeighingInput(2, 1)], "impurity_bp": 9000, "moisture_bp": 900},
            ("weighings", None),
            "净重为0",
        ),
        ({"impurity_bp": 6000, "moisture_bp": 4000}, ("impurity", None), "不能达到100%"),
        ({"payment": "credit_card"}, ("payment", None), "付款方式只能是"),
        ({"grade": D75}, ("grade", None), "今天没有凤翔苹果75-80mm的收购价"),
    ],
)
def test_a_bad_purchase_is_refused_naming_the_field_and_nothing_is_written(
    store: Store,
    keeper: OperatorInfo,
    farmer: str,
    *,
    change: dict[str, Any],
    where: tuple[str, int | None],
    says: str,
) -> None:
    if callable(change.get("farmer_uid")):
        change = {**change, "farmer_uid": change["farmer_uid"](store, keeper)}
    kw = {"farmer_uid": farmer, **change}
    form = order(kw.pop("farmer_uid"), **kw)
    before = counts(store)

    with pytest.raises(ProduceError, match=says) as refused:
        buy(store, keeper, form)

    assert (refused.value.field, refused.value.row) == where
    assert counts(store) == before


def test_the_form_is_checked_in_its_order(store: Store, keeper: OperatorInfo) -> None:
    nobody = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(ProduceError) as refused:
        buy(store, keeper, order(nobody, product="durian", weighings=[], payment="x"))
    assert refused.value.field == "farmer"


# --- voiding -----------------------------------------------------------------------------


def test_a_keeper_voids_a_purchase_its_money_comes_back_and_its_weight_leaves_the_lot(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    kept = buy(store, keeper, order(farmer, weighings=[WeighingInput(20000, 1500)]))
    bought = buy(store, keeper, order(farmer, payment="wechat"))

    voided = void(store, keeper, bought.uid, "  毛重 输错了 ")

    assert (voided.status, voided.void_reason) == (PurchaseStatus.VOIDED, "毛重 输错了")
    assert lot_row(store, bought.lot_uid).purchased_g == kept.net_g
    assert book(store) == [
        ("cash", -kept.amount.fen, "produce_payment"),
        ("wechat", -AMOUNT, "produce_payment"),
        ("wechat", AMOUNT, "void"),
    ]
    with store.reading() as session:
        last = session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq.desc())).first()
        entry = session.scalar(
            select(ProducePurchase.entry).where(ProducePurchase.uid == bought.uid)
        )
    assert last is not None
    assert (last.type, last.corrects) == ("entry.voided", entry)


def test_void_rules(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo, farmer: str
) -> None:
    bought = buy(store, keeper, order(farmer))
    before = counts(store)

    with pytest.raises(PermissionDenied):
        void(store, assistant, bought.uid)
    with pytest.raises(ProduceError, match="作废必须写明原因") as refused:
        void(store, keeper, bought.uid, "  ")
    assert refused.value.field == "reason"
    with pytest.raises(ProduceError, match="找不到这笔收购"):
        void(store, keeper, "00000000-0000-4000-8000-000000000000")
    assert counts(store) == before

    void(store, keeper, bought.uid)
    after = counts(store)
    with pytest.raises(ProduceError, match="已经作废了"):
        void(store, keeper, bought.uid)
    assert counts(store) == after


def test_a_settled_purchase_or_one_whose_lot_left_cannot_be_voided(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    settled = buy(store, keeper, order(farmer, payment="owed"))
    with store.writing() as session:
        session.execute(
            update(ProducePurchase)
            .where(ProducePurchase.uid == settled.uid)
            .values(status=PurchaseStatus.SETTLED.value)
        )
    shipped = buy(store, keeper, order(farmer))
    before = counts(store)

    with pytest.raises(ProduceError, match="已经结清，不能作废"):
        void(store, keeper, settled.uid)
    for status in (LotStatus.CLOSED, LotStatus.SHIPPED):
        with store.writing() as session:
            session.execute(
                update(ProduceLot)
                .where(ProduceLot.uid == shipped.lot_uid)
                .values(status=status.value)
            )
        with pytest.raises(ProduceError, match="这笔收购所在的批次已拆分或发运，不能作废。"):
            void(store, keeper, shipped.uid)
    assert counts(store) == before


# --- the ledger -------------------------------------------------------------------------


def test_purchases_and_voids_rebuild_from_the_ledger(
    store: Store, keeper: OperatorInfo, farmer: str, tmp_path: Path
) -> None:
    set_price(store, keeper, grade=D75, price="3.00")
    buy(store, keeper, order(farmer))
    owed = buy(store, keeper, order(farmer, grade=D75, payment="owed", impurity_bp=120))
    voided = buy(store, keeper, order(farmer, payment="alipay"))
    void(store, keeper, voided.uid)

    rebuilt = Store.open(tmp_path / "rebuilt", store.clock)
    try:
        assert rebuild(entries_of(store), rebuilt) == []
        assert state(rebuilt) == state(store)
        assert book(rebuilt) == book(store)
        with rebuilt.reading() as session:
            again = purchase.purchases_of_day(session, "2026-11-23")
            price = session.scalars(
                select(ProducePrice).where(ProducePrice.grade_code == D75)
            ).one()
        with store.reading() as session:
            original = purchase.purchases_of_day(session, "2026-11-23")
    finally:
        rebuilt.close()
    assert price.first_used_at is not None
    for was, now in zip(original, again, strict=True):
        # The same purchase, short of the farmer's name and phone (never on the ledger).
        assert now.farmer_name != "张三丰"
        assert now == type(was)(
            **{**vars(was), "farmer_name": now.farmer_name, "farmer_phone": now.farmer_phone}
        )
    assert again[1].uid == owed.uid
    assert again[2].status is PurchaseStatus.VOIDED
    assert (again[0].product, again[0].grade) == (APPLE, D80)
