"""Agent orders (代购) on a real store: registered with a deposit, moved through their
states one entry each, matched by a check-in in the check-in's own transaction,
settled at delivery, given up with money back; the cash book follows, bad input writes
nothing, and everything but the villager's name and phone rebuilds from the ledger."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from station_app.core import corrections
from station_app.core.cash import day_close
from station_app.core.clock import FixedClock
from station_app.core.db.cash_models import CashMovement
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus
from station_app.core.db.order_models import AgentOrder, AgentOrderItem, OrderStatus
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.orders import arrival, register, transitions, views
from station_app.core.orders.forms import ItemForm, OrderForm, OrderInputError, preview
from station_app.core.orders.receipt import ReceiptKind, receipt_for
from station_app.core.orders.views import OrderView
from station_app.core.parcels.checkin import Arrival, CheckInResult, check_in
from station_app.core.receipts import layout_text
from station_app.core.store import Store
from tests.core.test_replay import entries_of, rebuild

TRACKING = "YT7512345678901"
FERTILISER = ItemForm("复合肥 50斤", "pinduoduo", "2", "85.50")
SPRAYER = ItemForm("电动喷雾器", "jd", 1, Fen(12800))
FORM = OrderForm(
    customer_name="胡建国",
    customer_phone="138 1234 5678",
    items=(FERTILISER, SPRAYER),
    service_fee="5",
    deposit="100",
    method="wechat",
)
TOTAL = 2 * 8550 + 12800 + 500  # 30,400 fen: goods 29,900 + fee 500


def order_now(store: Store, who: OperatorInfo, form: OrderForm = FORM) -> OrderView:
    with store.writing() as session:
        return register.register(session, store.clock, actor=who, form=form)


def act(store: Store, who: OperatorInfo, action: Any, order: OrderView, **kw: Any) -> OrderView:
    with store.writing() as session:
        result: OrderView = action(session, store.clock, actor=who, order_uid=order.uid, **kw)
        return result


def check_in_parcel(store: Store, who: OperatorInfo, tracking: str = TRACKING) -> CheckInResult:
    with store.writing() as session:
        return check_in(
            session, store.clock, actor=who, arrival=Arrival(tracking, "yto", "3", 2), notify=None
        )


def shipped(store: Store, who: OperatorInfo, form: OrderForm = FORM) -> OrderView:
    order = order_now(store, who, form)
    act(store, who, transitions.place, order, platform_order_number="240512-88123")
    return act(store, who, transitions.ship, order, tracking=TRACKING)


def book(store: Store) -> list[tuple[str, int, str]]:
    with store.reading() as session:
        rows = session.scalars(select(CashMovement).order_by(CashMovement.id))
        return [(m.method, m.amount_fen, m.kind) for m in rows]


def types(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry.type).order_by(LedgerEntry.seq)))


def ledger_size(store: Store) -> int:
    return len(types(store))


def order_count(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(AgentOrder)) or 0


def payload(store: Store, event_type: str) -> dict[str, Any]:
    with store.reading() as session:
        query = select(LedgerEntry.payload).where(LedgerEntry.type == event_type)
        value: dict[str, Any] = json.loads(session.scalars(query).one())
        return value


# --- registering --------------------------------------------------------------------


def test_an_order_is_registered_with_its_deposit_and_no_personal_data_on_the_ledger(
    store: Store, assistant: OperatorInfo
) -> None:
    order = order_now(store, assistant)

    assert order.number == "DG20261123-001"
    assert order.status is OrderStatus.REGISTERED
    assert (order.customer_name, order.customer_phone) == ("胡**", "138****5678")
    assert order.items_total == Fen(29900)
    assert (order.total, order.deposit, order.balance_due) == (Fen(TOTAL), Fen(10000), Fen(20400))
    assert [(i.description, i.quantity, i.amount) for i in order.items] == [
        ("复合肥 50斤", 2, Fen(17100)),
        ("电动喷雾器", 1, Fen(12800)),
    ]
    with store.reading() as session:
        raw = session.scalars(select(LedgerEntry.payload)).all()[-1]
    for personal in ("胡建国", "13812345678", "5678"):
        assert personal not in raw
    assert payload(store, "order.registered")["amount_fen"] == 10000
    assert book(store) == [("wechat", 10000, "order_deposit")]
    assert order_now(store, assistant).number == "DG20261123-002"


def test_a_deposit_of_nothing_books_nothing_and_needs_no_method(
    store: Store, keeper: OperatorInfo
) -> None:
    order = order_now(store, keeper, dataclasses.replace(FORM, deposit="", method=""))

    assert order.deposit == Fen(0)
    assert order.balance_due == Fen(TOTAL)
    assert "method" not in payload(store, "order.registered")
    assert book(store) == []


def test_the_live_preview_counts_what_reads_and_reports_the_first_problem() -> None:
    items = [FERTILISER, ItemForm("坏行", "jd", "0", "3"), SPRAYER]
    shown = preview(items, "5", "100")

    assert shown.items_total == Fen(29900)
    assert shown.total == Fen(TOTAL)
    assert shown.balance_due == Fen(20400)
    assert isinstance(shown.error, OrderInputError)
    assert (shown.error.field, shown.error.row) == ("quantity", 1)


# --- bad input ----------------------------------------------------------------------


def _item(**changes: Any) -> OrderForm:
    return dataclasses.replace(FORM, items=(dataclasses.replace(FERTILISER, **changes),))


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (_item(unit_price="-3"), "unit_price", "不能为负数"),
        (_item(unit_price="0"), "unit_price", "单价必须大于0"),
        (_item(unit_price=Fen(-300)), "unit_price", "不能为负数"),
        (_item(unit_price="12.345"), "unit_price", "最多两位小数"),
        (_item(unit_price="120000"), "unit_price", r"不能超过100,000\.00元"),
        (_item(unit_price="90000", quantity="2"), "unit_price", "一张代购单最多"),
        (_item(quantity="0"), "quantity", "至少是1"),
        (_item(quantity="-1"), "quantity", "至少是1"),
        (_item(quantity="1.5"), "quantity", "整数"),
        (_item(quantity="5000"), "quantity", "太大"),
        (_item(description="  "), "description", "商品名称"),
        (_item(platform="amazon"), "platform", "平台"),
        (dataclasses.replace(FORM, items=()), "items", "至少填写一件"),
        (dataclasses.replace(FORM, service_fee="-5"), "service_fee", "不能为负数"),
        (dataclasses.replace(FORM, service_fee="1.005"), "service_fee", "最多两位小数"),
        (dataclasses.replace(FORM, deposit="304.01"), "deposit", r"不能超过订单总价304\.00元"),
        (dataclasses.replace(FORM, deposit="-1"), "deposit", "不能为负数"),
        (dataclasses.replace(FORM, deposit="5000000"), "deposit", r"不能超过100,000\.00元"),
        (dataclasses.replace(FORM, method="owed"), "method", "收付方式"),
        (dataclasses.replace(FORM, customer_name=" "), "customer_name", "姓名"),
        (dataclasses.replace(FORM, customer_phone="5678"), "customer_phone", "11位手机号"),
        (dataclasses.replace(FORM, tracking_number="YT75"), "tracking_number", "太短"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, form: OrderForm, field: str, message: str
) -> None:
    before = ledger_size(store)
    with pytest.raises(OrderInputError, match=message) as refused:
        order_now(store, keeper, form)
    assert refused.value.field == field
    assert ledger_size(store) == before
    assert order_count(store) == 0
    assert book(store) == []


def test_an_item_refusal_names_its_row(store: Store, keeper: OperatorInfo) -> None:
    form = dataclasses.replace(FORM, items=(FERTILISER, dataclasses.replace(SPRAYER, quantity=0)))
    with pytest.raises(OrderInputError) as refused:
        order_now(store, keeper, form)
    assert (refused.value.field, refused.value.row) == ("quantity", 1)


def test_two_waiting_orders_cannot_expect_the_same_parcel(
    store: Store, keeper: OperatorInfo
) -> None:
    order_now(store, keeper, dataclasses.replace(FORM, tracking_number=TRACKING))
    with pytest.raises(OrderInputError, match="DG20261123-001"):
        order_now(store, keeper, dataclasses.replace(FORM, tracking_number=TRACKING.lower()))
    assert order_count(store) == 1


# --- the states -------------------------------------------------------------------


def test_a_check_in_of_the_expected_parcel_moves_the_order_in_the_same_transaction(
    store: Store, assistant: OperatorInfo
) -> None:
    order = shipped(store, assistant)

    result = check_in_parcel(store, assistant)

    assert result.order is not None
    assert (result.order.number, result.order.balance_due) == (order.number, Fen(20400))
    assert result.order.customer_name == "胡**"
    assert types(store)[-2:] == ["parcel.checked_in", "order.arrived"]
    assert payload(store, "order.arrived") == {"order": order.uid, "parcel": result.parcel.uid}
    with store.reading() as session:
        arrived = views.order(session, order.uid)
    assert arrived.status is OrderStatus.ARRIVED
    assert arrived.pickup_code == result.parcel.pickup_code


def test_a_failure_moving_the_order_leaves_no_parcel_either(
    store: Store, keeper: OperatorInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped(store, keeper)
    before = ledger_size(store)

    def broken(*_args: Any, **_kw: Any) -> None:
        raise ValidationError("磁盘满了")

    monkeypatch.setattr(arrival, "arrive", broken)
    with pytest.raises(ValidationError):
        check_in_parcel(store, keeper)

    assert ledger_size(store) == before
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Parcel)) == 0


def test_a_parcel_no_order_expects_writes_no_order_entry(
    store: Store, keeper: OperatorInfo
) -> None:
    shipped(store, keeper)
    result = check_in_parcel(store, keeper, "ZT7000000000001")
    assert result.order is None
    assert types(store)[-1] == "parcel.checked_in"


def test_the_check_in_lookup_is_one_search_of_the_partial_index(
    store: Store, keeper: OperatorInfo
) -> None:
    with store.reading() as session:
        dbapi = session.connection().connection.driver_connection
        assert dbapi is not None
        plan = dbapi.execute("EXPLAIN QUERY PLAN " + arrival._AWAITING, (TRACKING,)).fetchall()
    assert len(plan) == 1
    assert "USING INDEX uq_agent_orders_awaiting_tracking (tracking_number=?)" in plan[0][-1]


def test_a_tracking_number_typed_after_its_parcel_came_moves_the_order_at_once(
    store: Store, keeper: OperatorInfo
) -> None:
    parcel = check_in_parcel(store, keeper).parcel
    order = order_now(store, keeper)
    act(store, keeper, transitions.place, order, platform_order_number="240512-88123")

    moved = act(store, keeper, transitions.ship, order, tracking=f" {TRACKING.lower()} ")

    assert moved.status is OrderStatus.ARRIVED
    assert moved.pickup_code == parcel.pickup_code
    assert types(store)[-2:] == ["order.shipped", "order.arrived"]


def test_delivery_settles_the_balance_and_hands_over_the_parcel(
    store: Store, assistant: OperatorInfo
) -> None:
    order = shipped(store, assistant)
    parcel = check_in_parcel(store, assistant).parcel

    done = act(store, assistant, transitions.deliver, order, method="cash")

    assert done.status is OrderStatus.DELIVERED
    assert (done.settled, done.settled_method, done.paid) == (Fen(20400), "cash", Fen(TOTAL))
    assert types(store)[-2:] == ["order.delivered", "parcel.picked_up"]
    assert book(store) == [("wechat", 10000, "order_deposit"), ("cash", 20400, "order_balance")]
    with store.reading() as session:
        row = session.scalar(select(Parcel).where(Parcel.uid == parcel.uid))
        assert row is not None
        assert row.status == ParcelStatus.PICKED_UP.value
        assert views.waiting_on_parcels(session, [parcel.uid]) == []


def test_paying_an_order_twice_is_refused(store: Store, keeper: OperatorInfo) -> None:
    order = shipped(store, keeper)
    act(store, keeper, transitions.mark_arrived, order)
    act(store, keeper, transitions.deliver, order, method="alipay")
    before = ledger_size(store)

    with pytest.raises(ValidationError, match="不能重复收款"):
        act(store, keeper, transitions.deliver, order, method="cash")
    assert ledger_size(store) == before
    assert [kind for _m, _a, kind in book(store)].count("order_balance") == 1


@pytest.mark.parametrize(
    ("steps", "action", "kw", "message"),
    [
        (0, transitions.ship, {}, "现在是“登记”"),
        (0, transitions.deliver, {"method": "cash"}, "不能收款交付"),
        (1, transitions.place, {"platform_order_number": "X1"}, "现在是“已下单”"),
        (2, transitions.deliver, {"method": "cash"}, "现在是“已发货”"),
        (3, transitions.ship, {}, "现在是“已到站”"),
        (3, transitions.refund, {"reason": "坏了", "paid_back": "1", "method": "cash"}, "不能退款"),
        (4, transitions.cancel, {"reason": "不要了", "paid_back": "0", "method": ""}, "不能取消"),
        (4, transitions.mark_arrived, {}, "现在是“已交付”"),
    ],
)
def test_a_step_from_the_wrong_state_is_refused_and_writes_nothing(  # noqa: PLR0917
    store: Store, keeper: OperatorInfo, steps: int, action: Any, kw: dict[str, Any], message: str
) -> None:
    order = order_now(store, keeper)
    moves: list[tuple[Any, dict[str, Any]]] = [
        (transitions.place, {"platform_order_number": "240512-88123"}),
        (transitions.ship, {}),
        (transitions.mark_arrived, {}),
        (transitions.deliver, {"method": "cash"}),
    ]
    for step, step_kw in moves[:steps]:
        act(store, keeper, step, order, **step_kw)
    before = ledger_size(store)

    with pytest.raises(ValidationError, match=message):
        act(store, keeper, action, order, **kw)
    assert ledger_size(store) == before


def test_a_cancellation_pays_back_at_most_the_deposit(store: Store, keeper: OperatorInfo) -> None:
    order = order_now(store, keeper)
    with pytest.raises(ValidationError, match=r"不能超过村民已付的100\.00元"):
        act(
            store,
            keeper,
            transitions.cancel,
            order,
            reason="不要了",
            paid_back="100.01",
            method="wechat",
        )
    with pytest.raises(ValidationError, match="原因"):
        act(store, keeper, transitions.cancel, order, reason=" ", paid_back="100", method="cash")

    done = act(
        store, keeper, transitions.cancel, order, reason="不要了", paid_back="100", method="wechat"
    )

    assert (done.status, done.refunded, done.reason) == (
        OrderStatus.CANCELLED,
        Fen(10000),
        "不要了",
    )
    assert book(store)[-1] == ("wechat", -10000, "order_refund")
    with store.reading() as session:
        cancelled = session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == "order.cancelled")
        ).one()
        registered = session.scalars(
            select(LedgerEntry.entry_id).where(LedgerEntry.type == "order.registered")
        ).one()
    assert cancelled.corrects == registered  # so a voided order cannot be paid back too


def test_a_refund_after_delivery_pays_back_at_most_what_was_paid(
    store: Store, keeper: OperatorInfo
) -> None:
    order = shipped(store, keeper)
    act(store, keeper, transitions.mark_arrived, order)
    act(store, keeper, transitions.deliver, order, method="cash")
    before = ledger_size(store)
    for too_much, message in (
        ("304.01", r"不能超过村民已付的304\.00元"),
        ("0", "大于0"),
        ("-5", "不能为负数"),
        ("1.234", "两位小数"),
    ):
        with pytest.raises(ValidationError, match=message):
            act(
                store,
                keeper,
                transitions.refund,
                order,
                reason="喷雾器坏了",
                paid_back=too_much,
                method="cash",
            )
    assert ledger_size(store) == before

    done = act(
        store,
        keeper,
        transitions.refund,
        order,
        reason="喷雾器坏了",
        paid_back="128",
        method="cash",
    )

    assert (done.status, done.refunded) == (OrderStatus.REFUNDED, Fen(12800))
    assert book(store)[-1] == ("cash", -12800, "order_refund")
    with pytest.raises(ValidationError, match="现在是“已退款”"):
        act(store, keeper, transitions.refund, order, reason="再退", paid_back="1", method="cash")


def test_a_voided_registration_cannot_also_be_cancelled(store: Store, keeper: OperatorInfo) -> None:
    order = order_now(store, keeper)
    with store.reading() as session:
        registered = session.scalars(select(AgentOrder.registered_entry)).one()
    with store.writing() as session:
        corrections.void(session, store.clock, actor=keeper, entry_id=registered, reason="登记错了")
    with pytest.raises(ValidationError, match="已经作废过了"):
        act(
            store,
            keeper,
            transitions.cancel,
            order,
            reason="不要了",
            paid_back="100",
            method="wechat",
        )
    assert book(store) == [("wechat", 10000, "order_deposit"), ("wechat", -10000, "void")]


def test_only_a_keeper_gives_money_back(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo
) -> None:
    order = order_now(store, assistant)
    with pytest.raises(PermissionDenied):
        act(
            store,
            assistant,
            transitions.cancel,
            order,
            reason="不要了",
            paid_back="100",
            method="cash",
        )
    assert order_count(store) == 1
    assert book(store) == [("wechat", 10000, "order_deposit")]


# --- balances, cash book, receipts, rebuild -------------------------------------------


def test_a_villagers_balance_adds_up_their_orders_found_by_name_or_phone_tail(
    store: Store, keeper: OperatorInfo
) -> None:
    first = shipped(store, keeper)
    act(store, keeper, transitions.mark_arrived, first)
    act(store, keeper, transitions.deliver, first, method="cash")
    act(
        store, keeper, transitions.refund, first, reason="少发一袋", paid_back="85.5", method="cash"
    )
    order_now(store, keeper, dataclasses.replace(FORM, deposit="50", method="cash"))
    neighbour = dataclasses.replace(FORM, customer_name="李秀英", customer_phone="13900001111")
    order_now(store, keeper, neighbour)

    with store.reading() as session:
        [by_tail] = views.balances(session, "5678")
        assert views.balances(session, "建国") == [by_tail]
        assert len(views.balances(session, "")) == 2  # everyone with an open order
        mine = views.orders_of(session, by_tail.key)

    assert (by_tail.customer_name, by_tail.customer_phone) == ("胡**", "138****5678")
    assert (by_tail.orders, by_tail.open_orders) == (2, 1)
    assert by_tail.deposits_held == Fen(5000)
    assert by_tail.balance_due == Fen(TOTAL - 5000)
    assert by_tail.paid_in == Fen(TOTAL + 5000)
    assert by_tail.refunded == Fen(8550)
    assert [o.status for o in mine] == [OrderStatus.REGISTERED, OrderStatus.REFUNDED]


def test_order_money_lands_in_the_day_close(store: Store, keeper: OperatorInfo) -> None:
    order = shipped(store, keeper)
    check_in_parcel(store, keeper)
    act(store, keeper, transitions.deliver, order, method="cash")
    cancelled = order_now(store, keeper, dataclasses.replace(FORM, method="cash"))
    act(
        store, keeper, transitions.cancel, cancelled, reason="买错了", paid_back="60", method="cash"
    )

    with store.reading() as session:
        summary = day_close.summary(session, store.clock.now())
    assert summary.expected("wechat") == Fen(10000)
    assert summary.expected("cash") == Fen(20400 + 10000 - 6000)
    kinds = {(line.kind, line.method): line.amount for line in summary.kinds}
    assert kinds[("order_refund", "cash")] == Fen(-6000)


def test_the_receipts_say_what_was_paid_and_what_is_due(store: Store, keeper: OperatorInfo) -> None:
    order = order_now(store, keeper)
    slip = receipt_for(
        order,
        ReceiptKind.REGISTERED,
        station_name="胡家庄村服务站",
        operator=keeper.display_name,
        issued_at=store.clock.now(),
    )
    lines = layout_text(slip, 32).splitlines()

    assert "代购登记单" in lines[0]
    assert "单号：DG20261123-001" in lines
    assert "村民：胡**" in lines
    assert "电话：138****5678" in lines
    assert "复合肥 50斤（拼多多）" in lines
    assert "  2 × ¥85.50            ¥171.00" in lines
    assert any(line.startswith("已收订金") and line.endswith("¥100.00") for line in lines)
    assert any(line.startswith("交货时应付尾款") and line.endswith("¥204.00") for line in lines)
    assert "支付方式：微信收款" in lines
    assert "13812345678" not in "\n".join(lines)

    act(store, keeper, transitions.place, order, platform_order_number="240512-88123")
    act(store, keeper, transitions.mark_arrived, order)
    done = act(store, keeper, transitions.deliver, order, method="cash")
    delivered = layout_text(
        receipt_for(
            done,
            ReceiptKind.DELIVERED,
            station_name="胡家庄村服务站",
            operator=keeper.display_name,
            issued_at=store.clock.now(),
        ),
        32,
    ).splitlines()
    assert "代购交货单" in delivered[0]
    assert "平台订单号：240512-88123" in delivered
    assert any(line.startswith("本次收尾款") and line.endswith("¥204.00") for line in delivered)
    assert "支付方式：现金" in delivered


def test_orders_and_their_money_rebuild_from_the_ledger(
    store: Store, keeper: OperatorInfo, clock: FixedClock, tmp_path: Path
) -> None:
    delivered = shipped(store, keeper)
    check_in_parcel(store, keeper)
    act(store, keeper, transitions.deliver, delivered, method="bank")
    refunded = order_now(
        store, keeper, dataclasses.replace(FORM, tracking_number="ZT7000000000001")
    )
    act(store, keeper, transitions.mark_arrived, refunded)
    act(store, keeper, transitions.deliver, refunded, method="cash")
    act(store, keeper, transitions.refund, refunded, reason="退货", paid_back="300", method="cash")
    clock.advance(timedelta(days=1))
    waiting = order_now(store, keeper, dataclasses.replace(FORM, deposit=""))
    act(store, keeper, transitions.place, waiting, platform_order_number="JD-2026-1")
    cancelled = order_now(store, keeper)
    act(
        store,
        keeper,
        transitions.cancel,
        cancelled,
        reason="不要了",
        paid_back="40",
        method="wechat",
    )

    rebuilt = Store.open(tmp_path / "rebuilt", clock)
    try:
        assert rebuild(entries_of(store), rebuilt) == []
        assert book(rebuilt) == book(store)
        assert _orders(rebuilt) == _orders(store)
        with rebuilt.reading() as session:
            again = views.order(session, delivered.uid)
        assert (again.customer_name, again.customer_phone) == ("—", "—")  # not on the ledger
    finally:
        rebuilt.close()


def _orders(store: Store) -> dict[str, tuple[Any, ...]]:
    """Everything the ledger says about the orders (no name, no phone)."""
    with store.reading() as session:
        items = {
            (i.order_id, i.position): (i.description, i.platform, i.quantity, i.unit_price_fen)
            for i in session.scalars(select(AgentOrderItem))
        }
        return {
            o.uid: (
                o.number,
                o.status,
                o.items_total_fen,
                o.service_fee_fen,
                o.deposit_fen,
                o.deposit_method,
                o.settled_fen,
                o.settled_method,
                o.refunded_fen,
                o.refund_method,
                o.reason,
                o.platform_order_number,
                o.tracking_number,
                o.parcel_uid,
                o.registered_at,
                o.registered_entry,
                o.changed_at,
                o.changed_by,
                [v for (order_id, _p), v in sorted(items.items()) if order_id == o.id],
            )
            for o in session.scalars(select(AgentOrder))
        }
