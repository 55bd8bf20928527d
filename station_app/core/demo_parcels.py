"""A month of parcels for the ``--demo`` station, so the 快递 page has a real day's look.

Every parcel goes through the same services a keeper's scans do (check-in, hand-over,
return, sending), one transaction per demo day, with a clock walking through the month:
the demo's ledger verifies like any other. Numbers are made up but shaped like each
courier's, and phones are fictional (a 1390000 prefix).
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from station_app.core import preferences
from station_app.core.cash import day_close, petty
from station_app.core.clock import STATION_TZ, FixedClock, business_day
from station_app.core.db.notification_models import Channel
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover, returns, sending, shelves
from station_app.core.parcels.checkin import Arrival, Outcome, check_in
from station_app.core.store import Store

# (courier code, tracking number prefix, digits after it): common shapes of each.
COURIER_SHAPES = (
    ("zto", "7", 13),
    ("zto", "7", 13),
    ("yto", "YT", 13),
    ("yto", "YT", 13),
    ("yunda", "43", 11),
    ("jt", "JT", 13),
    ("sto", "77", 13),
    ("jd", "JD", 13),
    ("sf", "SF", 13),
    ("ems", "98", 11),
)
PROVINCES = (
    ("陕西", "西安市"),
    ("广东", "广州市"),
    ("四川", "成都市"),
    ("浙江", "杭州市"),
    ("北京", "北京市"),
)
SURNAMES = "王李张刘陈杨赵黄周吴胡"
VILLAGERS = 60  # households the station serves: many parcels share a phone
OVERDUE_LEFT = 3  # older ones nobody came for: the 滞留 list


def seed_parcels(store: Store, keeper: OperatorInfo, start: datetime, until: datetime) -> None:
    """Walk the days from ``start`` to ``until``: arrivals, collections, returns and
    sendings. A day whose counter would open less than three hours before ``until``
    is left out, so no demo entry lies in the future."""
    days = (business_day(until) - business_day(start)).days + 1
    last_open = datetime.combine(business_day(until), time(8, 30), STATION_TZ)
    if until - last_open < timedelta(hours=3):
        days -= 1
    rng = random.Random(2026)
    phones = [f"1390000{n:04d}" for n in rng.sample(range(10000), VILLAGERS)]
    clock = FixedClock(start)
    with store.writing() as session:
        layout = [(row.code, row.tiers) for row in shelves.shelves(session)]
        preferences.set_value(
            session, clock, actor=keeper, pref=preferences.NOTIFY_CHANNEL, value="print"
        )
    waiting: list[tuple[str, datetime]] = []
    for day in range(days):
        opening = datetime.combine(
            business_day(start) + timedelta(days=day), time(8, 30), STATION_TZ
        )
        clock = FixedClock(opening)
        last_day = day == days - 1
        with store.writing() as session:
            if day == 0:
                petty.record(
                    session,
                    clock,
                    actor=keeper,
                    direction=petty.Direction.IN,
                    amount=Fen(20000),
                    method="cash",
                    reason="备用零钱",
                )
            _collect(session, clock, keeper, rng, waiting=waiting)
            _arrivals(session, clock, keeper, rng, phones=phones, layout=layout, waiting=waiting)
            _sendings(session, clock, keeper, rng, collect=not last_day)
            if not last_day:  # today stays open, as the keeper finds it in the morning
                _close_day(session, opening, keeper, rng)


def _close_day(
    session: Session, opening: datetime, keeper: OperatorInfo, rng: random.Random
) -> None:
    """An evening 日结 that mostly matches, now and then a yuan or two short."""
    clock = FixedClock(opening.replace(hour=19, minute=30))
    open_period = day_close.summary(session, clock.now())
    counted = {m: open_period.expected(m) for m in ("cash", *open_period.net)}
    short = rng.choice((0, 0, 0, 0, 100, 200))
    counted["cash"] = counted["cash"] - Fen(short)
    day_close.close_day(
        session, clock, actor=keeper, counted=counted, note="找零少了" if short else ""
    )


def _arrivals(
    session: Session,
    clock: FixedClock,
    keeper: OperatorInfo,
    rng: random.Random,
    *,
    phones: list[str],
    layout: list[tuple[str, int]],
    waiting: list[tuple[str, datetime]],
) -> None:
    """The morning van: a batch per courier, on the shelf in a row."""
    shelf, tiers = rng.choice(layout)
    for _ in range(rng.randint(12, 28)):
        clock.advance(timedelta(seconds=rng.randint(20, 90)))
        courier, prefix, digits = rng.choice(COURIER_SHAPES)
        tracking = prefix + "".join(str(rng.randint(0, 9)) for _ in range(digits))
        phone = rng.choice(phones)
        if rng.random() < 0.15:  # a privacy waybill: only the last four digits
            phone = f"138****{phone[-4:]}"
        arrival = Arrival(tracking, courier, shelf, rng.randint(1, tiers), phone=phone)
        result = check_in(session, clock, actor=keeper, arrival=arrival, notify=Channel.PRINT)
        if result.outcome is Outcome.CHECKED_IN:
            waiting.append((result.parcel.uid, clock.now()))


def _collect(
    session: Session,
    clock: FixedClock,
    keeper: OperatorInfo,
    rng: random.Random,
    *,
    waiting: list[tuple[str, datetime]],
) -> None:
    """Villagers come by over the day; a few refuse a parcel; a few never come."""
    overdue = waiting[:OVERDUE_LEFT]
    for uid, arrived in list(waiting):
        if (uid, arrived) in overdue:
            continue
        if rng.random() < 0.35:
            continue  # not today
        clock.advance(timedelta(minutes=rng.randint(1, 12)))
        waiting.remove((uid, arrived))
        if rng.random() < 0.03:
            returns.return_to_courier(
                session, clock, actor=keeper, parcel_uid=uid, reason="refused"
            )
        else:
            handover.hand_over(session, clock, actor=keeper, scans={uid: None})


def _sendings(
    session: Session,
    clock: FixedClock,
    keeper: OperatorInfo,
    rng: random.Random,
    *,
    collect: bool,
) -> None:
    """A few parcels sent each day, collected by the courier at five."""
    accepted = []
    for _ in range(rng.randint(1, 4)):
        clock.advance(timedelta(minutes=rng.randint(5, 40)))
        province, city = rng.choice(PROVINCES)
        order = sending.ShipmentOrder(
            courier=rng.choice(("zto", "yto", "sf")),
            province=province,
            city=city,
            address="人民路88号",
            recipient_name=rng.choice(SURNAMES) + "女士",
            recipient_phone=f"1390001{rng.randint(0, 9999):04d}",
            sender_name=rng.choice(SURNAMES) + "先生",
            sender_phone=f"1390002{rng.randint(0, 9999):04d}",
            weight=f"{rng.randint(3, 60) / 10}kg",
            payment_method=rng.choice(("cash", "wechat", "alipay")),
        )
        accepted.append(sending.accept(session, clock, actor=keeper, order=order))
    if not collect:
        return
    clock.advance(timedelta(hours=1))
    for shipment in accepted:
        number = "".join(str(rng.randint(0, 9)) for _ in range(12))
        sending.collect(
            session,
            clock,
            actor=keeper,
            shipment_uid=shipment.uid,
            courier_tracking_number=f"7{number}",
        )
