"""The demo's counter this morning: a few bill payments and agent orders in every state,
so the 缴费, 代购 and 日结 pages show what a working station looks like.

Written after the parcels' month, in the period the last close left open, with a clock
starting an hour and a half before now (never in the future, always after that close).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from station_app.core.bills import payments
from station_app.core.bills.catalogue import billers_in_use
from station_app.core.bills.payments import BillOrder
from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.orders import register, transitions
from station_app.core.orders.forms import ItemForm, OrderForm
from station_app.core.store import Store

STEP = timedelta(minutes=7)


def seed_counter(store: Store, keeper: OperatorInfo, now: datetime) -> None:
    clock = FixedClock(now - timedelta(minutes=90))
    _bills(store, keeper, clock)
    _orders(store, keeper, clock)


def _bills(store: Store, keeper: OperatorInfo, clock: FixedClock) -> None:
    done = [
        BillOrder("sgcc_power", "3100456789", "120", "cash"),
        BillOrder("cmcc_topup", "13912345678", "50", "wechat"),
    ]
    with store.writing() as session:
        billers = billers_in_use(session)
        for order in done:
            clock.advance(STEP)
            paid = payments.record(session, clock, actor=keeper, order=order, billers=billers)
            payments.submit(session, clock, actor=keeper, payment_uid=paid.uid)
            clock.advance(STEP)
            payments.succeed(
                session, clock, actor=keeper, payment_uid=paid.uid, reference=f"HZ{paid.uid[:10]}"
            )
        clock.advance(STEP)
        water = BillOrder("county_water", "20261123", "36.50", "cash")
        open_payment = payments.record(session, clock, actor=keeper, order=water, billers=billers)
        payments.submit(session, clock, actor=keeper, payment_uid=open_payment.uid)


def _orders(store: Store, keeper: OperatorInfo, clock: FixedClock) -> None:
    forms = [
        OrderForm(
            "胡建国",
            "13900001111",
            [ItemForm("电动喷雾器 16升", "pinduoduo", 1, "168.00")],
            "5",
            "100",
            "cash",
        ),
        OrderForm(
            "李秀兰",
            "13900002222",
            [
                ItemForm("儿童羽绒服 130码", "taobao", 2, "89.90"),
                ItemForm("棉袜", "taobao", 5, "3.5"),
            ],
            "5",
            "50",
            "wechat",
        ),
        OrderForm(
            "王德明",
            "13900003333",
            [ItemForm("复合肥 50kg", "gongxiao", 2, "135.00")],
            "10",
            "0",
            "cash",
        ),
    ]
    with store.writing() as session:
        made = []
        for form in forms:
            clock.advance(STEP)
            made.append(register.register(session, clock, actor=keeper, form=form))
        clock.advance(STEP)
        transitions.place(
            session, clock, actor=keeper, order_uid=made[1].uid, platform_order_number="2611230001"
        )
        transitions.place(
            session, clock, actor=keeper, order_uid=made[2].uid, platform_order_number="GX88120"
        )
        clock.advance(STEP)
        transitions.ship(
            session, clock, actor=keeper, order_uid=made[2].uid, tracking="YT7300000000011"
        )
