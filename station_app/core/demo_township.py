"""The ``--demo --township`` station: 柳林镇's service centre, a few days into its work.

A fresh township store shows three empty panes, which says nothing about how the
township's day goes; this one has a route table, three days of bags received (against
the county's list and blind), sorted and sent out on manifests, and this morning's bag
still open with parcels waiting to be sorted. Every step goes through the same manifest
services a keeper's scans do, one transaction per demo day, with a clock walking through
the days, so the ledger verifies like any other. The division codes are plausible
(柳林镇 is 610305110 in the village demo too; the village digits are made up), phones are
fictional (a 1390000 prefix) and reach the store only masked, as from a real list.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from station_app.core import first_run, operators
from station_app.core.clock import STATION_TZ, FixedClock, business_day
from station_app.core.db.models import Role, StationLevel
from station_app.core.demo_parcels import COURIER_SHAPES
from station_app.core.manifests import dispatch, files, receiving, routes, sorting
from station_app.core.manifests.receiving import ListedParcel
from station_app.core.manifests.routes import Stop
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store

KEEPER = ("zhaomin", "liulinzhen26")
ASSISTANT = ("sunpeng", "fenjian2026")
TOWNSHIP_CODE = "610305110000"

DEMO_FORM = first_run.SetupForm(
    station_name="凤翔区柳林镇电商服务中心",
    level=StationLevel.TOWNSHIP,
    division_code=TOWNSHIP_CODE,
    keeper_login=KEEPER[0],
    keeper_name="赵敏",
    password=KEEPER[1],
    password_again=KEEPER[1],
)

ROUTES = (
    (
        "R01",
        "北线",
        (
            Stop("胡家庄村", "610305110201"),  # the village demo's station
            Stop("李家沟村", "610305110202"),
            Stop("东坡村", "610305110203"),
        ),
    ),
    ("R02", "南线", (Stop("赵家塬村", "610305110204"), Stop("西寨村", "610305110205"))),
    ("R03", "河滩线", (Stop("河湾村", "610305110206"),)),
)
VILLAGES = tuple(stop.division_code for _code, _name, stops in ROUTES for stop in stops)

DAYS = ("list", "blind", "list", "open")
"""The bags of the demo days, oldest first; the last one is still being received."""
VAN_ARRIVES = time(7, 0)
LAST_DAY_NEEDS = timedelta(hours=1)
"""The open bag's morning takes well under an hour; a later start moves it to yesterday."""
NO_VILLAGE_EVERY = 9  # the county's list names no village for one parcel in nine


@dataclass
class _Day:
    """The state one demo day's steps share: who works, the clock, the dice."""

    session: Session
    clock: FixedClock
    keeper: OperatorInfo
    assistant: OperatorInfo
    rng: random.Random
    used: set[str] = field(default_factory=set)
    unsorted: list[str] = field(default_factory=list)

    def pause(self, low: int = 15, high: int = 45) -> None:
        self.clock.advance(timedelta(seconds=self.rng.randint(low, high)))

    def tracking_number(self) -> tuple[str, str]:
        while True:
            courier, prefix, digits = self.rng.choice(COURIER_SHAPES)
            number = prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(digits))
            if number not in self.used:
                self.used.add(number)
                return number, courier


def seed(store: Store) -> list[tuple[str, str]]:
    """Fill an empty store with the township demo; returns the (login, password) pairs."""
    until = store.clock.now()
    last = business_day(until)
    if until - datetime.combine(last, VAN_ARRIVES, STATION_TZ) < LAST_DAY_NEEDS:
        last -= timedelta(days=1)
    first = last - timedelta(days=len(DAYS) - 1)
    keeper, assistant = _open_station(store, first - timedelta(days=1))
    rng = random.Random(610305110)
    used: set[str] = set()
    for offset, kind in enumerate(DAYS):
        day = first + timedelta(days=offset)
        clock = FixedClock(datetime.combine(day, VAN_ARRIVES, STATION_TZ))
        with store.writing() as session:
            work = _Day(session, clock, keeper, assistant, rng, used)
            if kind == "blind":
                _blind_day(work)
            else:
                _list_day(work, day, still_open=kind == "open")
    return [KEEPER, ASSISTANT]


def _open_station(store: Store, day: date) -> tuple[OperatorInfo, OperatorInfo]:
    """The afternoon before the first bag: set-up, the assistant's account, the routes."""
    clock = FixedClock(datetime.combine(day, time(15, 0), STATION_TZ))
    keeper = first_run.set_up(store, DEMO_FORM, clock)
    clock.advance(timedelta(minutes=20))
    with store.writing() as session:
        assistant = operators.create(
            session,
            clock,
            actor=keeper,
            login=ASSISTANT[0],
            display_name="孙鹏",
            role=Role.ASSISTANT,
            password=ASSISTANT[1],
        )
        for code, name, stops in ROUTES:
            clock.advance(timedelta(minutes=3))
            routes.save_route(session, clock, actor=keeper, code=code, name=name, stops=stops)
    return keeper, assistant


def _county_list(work: _Day, day: date, count: int) -> receiving.BagList:
    """The county's expected list, read from its file format as a real one would be (so
    the phones are masked on reading)."""
    parcels = []
    for index in range(count):
        number, courier = work.tracking_number()
        phone = f"1390000{work.rng.randint(0, 9999):04d}"
        village = None if index % NO_VILLAGE_EVERY == 4 else work.rng.choice(VILLAGES)
        parcels.append(ListedParcel(number, courier, phone, village))
    label = f"县物流中心 {day:%m-%d} 第1袋"
    return files.read_bag_list(files.bag_list_file(label, parcels))


def _list_day(work: _Day, day: date, *, still_open: bool) -> None:
    """A bag against the county's list: two listed parcels never turn up, one parcel
    comes that the list does not name; on the last day the bag is still half done."""
    bag_list = _county_list(work, day, 26 if still_open else 30)
    receiving.open_bag(work.session, work.clock, actor=work.keeper, bag_list=bag_list)
    numbers = [parcel.tracking_number for parcel in bag_list.parcels]
    arrived = numbers[: len(numbers) * 3 // 5] if still_open else numbers[:-2]
    for index, number in enumerate(arrived):
        work.pause()
        _receive(work, number)
        if index == len(arrived) // 2:
            work.pause()
            _receive(work, work.tracking_number()[0])  # not on the list: 多件, no pile yet
    if still_open:
        return
    work.pause(60, 120)
    receiving.close_bag(work.session, work.clock, actor=work.keeper)
    _sort_leftovers(work)
    _dispatch_all(work)


def _blind_day(work: _Day) -> None:
    """A bag with no list: the assistant sorts while receiving, a basket at a time, and
    puts the few parcels with a smudged label on their piles afterwards."""
    receiving.open_bag(work.session, work.clock, actor=work.assistant)
    for village in VILLAGES:
        for _ in range(work.rng.randint(2, 5)):
            work.pause()
            _receive(work, work.tracking_number()[0], village)
    for _ in range(3):
        work.pause()
        _receive(work, work.tracking_number()[0])
    work.pause(60, 120)
    receiving.close_bag(work.session, work.clock, actor=work.keeper)
    _sort_leftovers(work)
    _dispatch_all(work)


def _receive(work: _Day, number: str, village: str | None = None) -> None:
    result = receiving.receive(
        work.session, work.clock, actor=work.assistant, text=number, destination=village
    )
    if result.destination is None:
        work.unsorted.append(result.tracking_number)


def _sort_leftovers(work: _Day) -> None:
    """Every received parcel without a village goes on one (the waybill says which)."""
    for number in work.unsorted:
        work.pause(10, 30)
        village = work.rng.choice(VILLAGES)
        sorting.sort(
            work.session, work.clock, actor=work.assistant, text=number, division_code=village
        )
    work.unsorted.clear()


def _dispatch_all(work: _Day) -> None:
    """The vans leave at nine: a manifest for every village with a pile, route by route."""
    work.clock.set(max(work.clock.now(), _at(work.clock, time(9, 0))))
    for pile in sorting.piles(work.session):
        work.pause(30, 90)
        dispatch.dispatch(
            work.session,
            work.clock,
            actor=work.keeper,
            division_code=pile.destination.division_code,
        )


def _at(clock: FixedClock, moment: time) -> datetime:
    return datetime.combine(business_day(clock.now()), moment, STATION_TZ)
