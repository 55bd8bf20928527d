"""Settling what a farmer was owed: all owed purchases at once, part set off against the
farmer's agent-order balances, only the rest paid out (and booked); a later delivery of
the order takes only what is left; bad settlements write nothing; all of it rebuilds
from the ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from station_app.core.db.models import LedgerEntry
from station_app.core.db.order_models import AgentOrder
from station_app.core.db.produce_models import PurchaseStatus
from station_app.core.errors import ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.orders import register, transitions, views
from station_app.core.orders.forms import ItemForm, OrderForm
from station_app.core.orders.views import OrderView
from station_app.core.produce import settle
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.settle import SettlementView
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store
from tests.core.produce.support import (
    PHONE,
    add_farmer,
    book,
    buy,
    counts,
    order,
    set_price,
    state,
    void,
)
from tests.core.test_replay import entries_of, rebuild

CRATE = [WeighingInput(21500, 1500)]  # 20 kg = 40斤 at 3.50元 = 140.00元
OWED_EACH = 14000


@pytest.fixture
def farmer(store: Store, keeper: OperatorInfo) -> str:
    set_price(store, keeper)
    return add_farmer(store, keeper)


def owe(store: Store, who: OperatorInfo, farmer: str, times: int = 2) -> list[str]:
    return [
        buy(store, who, order(farmer, weighings=CRATE, payment="owed")).uid for _ in range(times)
    ]


def agent_order(
    store: Store, who: OperatorInfo, phone: str = PHONE, deposit: str = "20"
) -> OrderView:
    form = OrderForm(
        "张三丰", phone, (ItemForm("复合肥 50斤", "pinduoduo", 1, "100"),), "0", deposit, "cash"
    )
    with store.writing() as session:
        return register.register(session, store.clock, actor=who, form=form)


def pay(
    store: Store,
    who: OperatorInfo,
    farmer: str,
    netted: list[tuple[str, int]] | None = None,
    method: str | None = "cash",
) -> SettlementView:
    with store.writing() as session:
        return settle.settle(
            session, store.clock, actor=who, farmer_uid=farmer, netted=netted or [], method=method
        )


def order_row(store: Store, uid: str) -> tuple[int, int, str]:
    with store.reading() as session:
        row = session.scalars(select(AgentOrder).where(AgentOrder.uid == uid)).one()
        return row.netted_fen, row.settled_fen, row.status


def test_every_owed_purchase_is_paid_at_once_and_booked(
    store: Store, assistant: OperatorInfo, farmer: str
) -> None:
    uids = owe(store, assistant, farmer)
    with store.reading() as session:
        assert [p.uid for p in settle.owed_purchases(session, farmer)] == uids

    done = pay(store, assistant, farmer, method="wechat")

    assert (done.amount, done.paid, done.netted, done.method) == (
        Fen(2 * OWED_EACH),
        Fen(2 * OWED_EACH),
        (),
        "wechat",
    )
    assert done.purchases == ("SG20261123-001", "SG20261123-002")
    assert book(store) == [("wechat", -2 * OWED_EACH, "produce_settlement")]
    with store.reading() as session:
        assert settle.owed_purchases(session, farmer) == []
    assert {state(store)["purchases"][uid][1] for uid in uids} == {PurchaseStatus.SETTLED.value}


def test_part_is_set_off_against_an_agent_order_and_its_delivery_takes_only_the_rest(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    owe(store, keeper, farmer)
    fertiliser = agent_order(store, keeper)  # 100元, 20元 deposit: 80元 due
    agent_order(store, keeper, phone="13900001111")  # someone else's
    with store.reading() as session:
        nettable = settle.nettable_orders(session, farmer)
    assert [(o.uid, o.balance_due) for o in nettable] == [(fertiliser.uid, Fen(8000))]

    done = pay(store, keeper, farmer, [(fertiliser.uid, 5000)], "cash")

    assert (done.amount, done.netted_total, done.paid) == (Fen(28000), Fen(5000), Fen(23000))
    assert [(n.order_number, n.amount) for n in done.netted] == [(fertiliser.number, Fen(5000))]
    assert book(store)[-1] == ("cash", -23000, "produce_settlement")
    assert order_row(store, fertiliser.uid)[0] == 5000
    with store.reading() as session:
        assert settle.nettable_orders(session, farmer)[0].balance_due == Fen(3000)
        assert views.order(session, fertiliser.uid).balance_due == Fen(3000)

    with store.writing() as session:
        transitions.mark_arrived(session, store.clock, actor=keeper, order_uid=fertiliser.uid)
        delivered = transitions.deliver(
            session, store.clock, actor=keeper, order_uid=fertiliser.uid, method="cash"
        )
    assert delivered.settled == Fen(3000)
    with store.reading() as session:
        sent = json.loads(
            session.scalars(
                select(LedgerEntry.payload).where(LedgerEntry.type == "order.delivered")
            ).one()
        )
    assert sent["amount_fen"] == 3000
    assert book(store)[-1] == ("cash", 3000, "order_balance")


def test_a_settlement_netting_all_that_was_owed_moves_no_money(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    owe(store, keeper, farmer, times=1)
    first, second = agent_order(store, keeper, deposit="0"), agent_order(store, keeper, deposit="0")
    before = book(store)

    done = pay(store, keeper, farmer, [(first.uid, 10000), (second.uid, 4000)], None)

    assert (done.paid, done.method) == (Fen(0), None)
    assert book(store) == before
    assert order_row(store, second.uid)[0] == 4000


def _refused(store: Store, keeper: OperatorInfo, farmer: str, **kw: Any) -> ProduceError:
    before = counts(store)
    with pytest.raises(ProduceError) as refused:
        pay(store, keeper, farmer, **kw)
    assert counts(store) == before
    return refused.value


def test_bad_settlements_are_refused_and_write_nothing(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    nothing = _refused(store, keeper, farmer)
    assert (nothing.field, "没有赊账" in nothing.message) == ("farmer", True)

    paid_now = buy(store, keeper, order(farmer, weighings=CRATE))
    assert _refused(store, keeper, farmer).field == "farmer"  # paid on the spot: nothing owed
    voided = owe(store, keeper, farmer, times=1)[0]
    void(store, keeper, voided)
    assert _refused(store, keeper, farmer).field == "farmer"  # voided: nothing owed
    del paid_now

    owe(store, keeper, farmer, times=1)  # 140元 owed
    small = agent_order(store, keeper)  # 80元 due
    large = agent_order(store, keeper, deposit="0")  # 100元 due
    cases = [
        ({"netted": [(small.uid, 8001)]}, "netted", 0, "只欠80.00元"),
        (
            {"netted": [(large.uid, 10000), (small.uid, 5000)]},
            "netted",
            None,
            "超过了欠农户的140.00元",
        ),
        ({"netted": [("00000000-0000-4000-8000-000000000000", 100)]}, "netted", 0, "不能抵扣"),
        ({"netted": [(small.uid, 100), (small.uid, 100)]}, "netted", 1, "重复"),
        ({"netted": [(small.uid, 0)]}, "netted", 0, "必须大于0"),
        ({"method": None}, "method", None, "请选择付给农户的方式"),
        ({"method": "owed"}, "method", None, "请选择付给农户的方式"),
    ]
    for kw, field, row, says in cases:
        refused = _refused(store, keeper, farmer, **kw)
        assert (refused.field, refused.row) == (field, row), kw
        assert says in refused.message, (kw, refused.message)


def test_a_delivered_or_cancelled_order_and_another_phone_are_not_nettable(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    owe(store, keeper, farmer, times=1)
    delivered = agent_order(store, keeper)
    with store.writing() as session:
        transitions.mark_arrived(session, store.clock, actor=keeper, order_uid=delivered.uid)
        transitions.deliver(
            session, store.clock, actor=keeper, order_uid=delivered.uid, method="cash"
        )
    no_phone = add_farmer(store, keeper, "王五", phone=None)
    with store.reading() as session:
        assert settle.nettable_orders(session, farmer) == []
        assert settle.nettable_orders(session, no_phone) == []
    assert _refused(store, keeper, farmer, netted=[(delivered.uid, 100)]).field == "netted"


def test_settlements_rebuild_from_the_ledger_with_the_orders_netted(
    store: Store, keeper: OperatorInfo, farmer: str, tmp_path: Path
) -> None:
    owe(store, keeper, farmer)
    fertiliser = agent_order(store, keeper)
    pay(store, keeper, farmer, [(fertiliser.uid, 5000)], "bank")
    owe(store, keeper, farmer, times=1)

    rebuilt = Store.open(tmp_path / "rebuilt", store.clock)
    try:
        assert rebuild(entries_of(store), rebuilt) == []
        assert state(rebuilt) == state(store)
        assert book(rebuilt) == book(store)
        assert order_row(rebuilt, fertiliser.uid)[0] == 5000
    finally:
        rebuilt.close()


def test_a_cancelled_order_may_pay_back_what_was_netted_as_well_as_the_deposit(
    store: Store, keeper: OperatorInfo, farmer: str
) -> None:
    owe(store, keeper, farmer)
    fertiliser = agent_order(store, keeper)  # 20元 deposit taken
    pay(store, keeper, farmer, [(fertiliser.uid, 5000)], "cash")

    with store.writing() as session, pytest.raises(ValidationError):
        transitions.cancel(
            session,
            store.clock,
            actor=keeper,
            order_uid=fertiliser.uid,
            reason="缺货",
            paid_back="70.01",
            method="cash",
        )
    with store.writing() as session:
        cancelled = transitions.cancel(
            session,
            store.clock,
            actor=keeper,
            order_uid=fertiliser.uid,
            reason="缺货",
            paid_back="70",
            method="cash",
        )
    assert cancelled.refunded == Fen(7000)
    assert book(store)[-1] == ("cash", -7000, "order_refund")
