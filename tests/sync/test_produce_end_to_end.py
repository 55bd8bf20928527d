"""Produce purchasing from end to end, with real parts only: a real ``county-centre``
process on loopback (SQLite and PostgreSQL, a fresh schema), prices published the way
staff publish them (``county-centre reference publish prices FILE``), and a real station
store written by the app's own core code and synced with the real HTTP client
(``sync.client.upload_pending`` then ``sync.exchange.exchange``, as ``ui.sync_runner``
runs them).

The county's prices reach the station and price its purchases; the keeper's day (two
farmers, purchases paid and owed, a split, a shipment, a settlement, a void) reaches the
county, which holds the ledger entry for entry and projects it; the public trace lookup
answers for the shipped child lot without naming a farmer; and a newer price list never
moves the price a purchase already used.
"""

from __future__ import annotations

import copy
import json
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
import requests
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from county.db.engine import WRITE_OPTIONS, make_engine
from county.db.models import LedgerEntry as CountyEntry
from county.db.models import ProduceFarmer, ProduceLot, ProducePurchase, Refusal
from county.db.models import Station as CountyStation
from station_app.core import ledger
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import ProducePrice, PurchaseStatus
from station_app.core.db.produce_models import ProducePurchase as StationPurchase
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers, lot_actions, purchase, settle
from station_app.core.produce.catalogue import catalogue_in_use
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.produce.lots import format_trace_code
from station_app.core.produce.prices import PriceQuote, price_for
from station_app.core.produce.purchase import PurchaseOrder, PurchaseView
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store
from station_app.resources import resources_dir
from sync import client as sync_client
from sync import state
from sync.client import CountyClient, upload_pending
from sync.exchange import ExchangeReport, exchange
from sync.protocol import entry_hash
from sync.wire import EntryPage, LedgerHead
from tests.conftest import DIVISION_CODE
from tests.county.conftest import County, fresh_postgres_schema, start_county, stop
from tests.county.helpers import add_station
from tests.sync.real_county import publish

TIMEOUT = (5.0, 10.0)
TODAY = date(2026, 11, 23)  # the ``clock`` fixture's business day
APPLE, D80, D75 = "fengxiang_apple", "d80", "d75"
WALNUT, LARGE = "walnut", "large"
VILLAGE_A = DIVISION_CODE  # 胡家庄村, the station's own village
VILLAGE_B = "610305110205"
D80_UID = "3b1f6d0e-6a52-4c1e-9a51-0f7e5a2d8c01"
D75_UID = "3b1f6d0e-6a52-4c1e-9a51-0f7e5a2d8c02"
WALNUT_UID = "3b1f6d0e-6a52-4c1e-9a51-0f7e5a2d8c03"
SHIPPED_TO = "凤翔县供销合作社果品站"
T = TypeVar("T")


# --- the county --------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('county-produce') / 'county.sqlite3'}"
    else:
        yield from fresh_postgres_schema()


@pytest.fixture(scope="module")
def county_server(backend_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    log = tmp_path_factory.mktemp("county-produce-log") / "county.log"
    process, running = start_county(backend_url, log, "--rate", "1000", "--burst", "1000")
    try:
        yield running
    finally:
        stop(process)


@pytest.fixture(scope="module")
def county_engine(county_server: County) -> Iterator[Engine]:
    engine = make_engine(county_server.database_url)
    yield engine
    engine.dispose()


def price_list(version: int, d80_fen: int, *, walnut: bool) -> dict[str, Any]:
    """The bundled catalogue with county prices (per 斤) since the 1st of the month."""
    bundled = (resources_dir() / "produce" / "prices.json").read_text(encoding="utf-8")
    data: dict[str, Any] = copy.deepcopy(json.loads(bundled))
    rows = [(D80_UID, APPLE, D80, d80_fen), (D75_UID, APPLE, D75, 300)]
    if walnut:
        rows.append((WALNUT_UID, WALNUT, LARGE, 1200))
    data["version"] = version
    data["prices"] = [
        {
            "uid": uid,
            "product": product,
            "grade": grade,
            "from": "2026-11-01",
            "to": None,
            "price_fen": fen,
            "per_grams": 500,
        }
        for uid, product, grade, fen in rows
    ]
    return data


# --- the station -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rig:
    store: Store
    clock: FixedClock
    keeper: OperatorInfo
    county: County
    engine: Engine
    client: CountyClient
    credential: str
    published: Path

    def publish_prices(self, data: dict[str, Any]) -> None:
        publish(self.county, self.published, "prices", data)

    def sync(self) -> ExchangeReport:
        """One sync run as the app's runner makes it: upload, then the exchange."""
        report = upload_pending(self.store, self.client, rng=random.Random(0))
        assert report.outcome == "ok", report
        exchanged = exchange(self.store, self.client)
        assert exchanged.error_code is None, exchanged
        last = station_entries(self.store)[-1]["seq"]
        wait_for(lambda: county_head(self.county, self.credential).held_through == last)
        assert state.status(self.store).pending == 0
        return exchanged

    def write(self, action: Callable[[Session], T]) -> T:
        """One keeper action in one transaction, a minute after the last one."""
        self.clock.advance(timedelta(minutes=1))
        with self.store.writing() as session:
            return action(session)


@pytest.fixture
def rig(
    store: Store,
    clock: FixedClock,
    keeper: OperatorInfo,
    county_server: County,
    county_engine: Engine,
) -> Iterator[Rig]:
    def county_db() -> Session:
        writer = county_engine.execution_options(**WRITE_OPTIONS)
        return Session(writer, expire_on_commit=False)

    issued = add_station(
        county_db,
        name="柳林镇胡家庄村服务站",
        level="village",
        division_code=DIVISION_CODE,
        township="柳林镇",
    )
    sync_client.enrol(store, county_server.url, issued.enrolment_code)
    client = sync_client.client_for(store, timeout=TIMEOUT)
    enrolment = state.enrolment(store)
    assert client is not None
    assert enrolment is not None
    yield Rig(
        store,
        clock,
        keeper,
        county_server,
        county_engine,
        client,
        enrolment.credential,
        store.data_dir.parent / "published",
    )
    client.close()


def wait_for(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Poll a condition until it holds (bounded), never a fixed sleep."""
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("condition not met in time")
        time.sleep(0.01)


def station_entries(store: Store) -> list[dict[str, Any]]:
    with store.reading() as session:
        rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))
        return [{**ledger.hashed_fields(row), "hash": row.hash} for row in rows]


def county_head(county: County, credential: str) -> LedgerHead:
    response = requests.get(
        county.api("/ledger/head"), headers={"Authorization": f"Bearer {credential}"}, timeout=10
    )
    assert response.status_code == 200, response.text
    return LedgerHead.model_validate_json(response.content)


def county_entries(county: County, credential: str) -> list[dict[str, Any]]:
    """The county's copy as its API gives it back to the station."""
    entries: list[dict[str, Any]] = []
    while True:
        response = requests.get(
            county.api("/ledger/entries"),
            params={"after": entries[-1]["seq"] if entries else 0},
            headers={"Authorization": f"Bearer {credential}"},
            timeout=10,
        )
        assert response.status_code == 200, response.text
        page = EntryPage.model_validate_json(response.content)
        if not page.entries:
            return entries
        entries.extend(entry.model_dump() for entry in page.entries)


def assert_county_holds_the_ledger(rig: Rig) -> int:
    """Every station entry at the county, once, its chain sound, nothing flagged or
    refused; the county's key of the station."""
    local = station_entries(rig.store)
    held = county_entries(rig.county, rig.credential)
    assert held == local
    previous = None
    for seq, entry in enumerate(held, start=1):
        assert entry["seq"] == seq
        assert entry["prev_hash"] == previous
        assert entry_hash(entry) == entry["hash"]
        previous = entry["hash"]
    with Session(rig.engine) as session:
        station = session.scalars(
            select(CountyStation).where(CountyStation.station_id == local[0]["station_id"])
        ).one()
        assert (station.held_through, station.last_hash) == (len(local), previous)
        count, flagged = session.execute(
            select(func.count(), func.count().filter(CountyEntry.flagged)).where(
                CountyEntry.station == station.id
            )
        ).one()
        assert (count, flagged) == (len(local), 0)
        refusals = session.scalar(
            select(func.count()).select_from(Refusal).where(Refusal.station == station.id)
        )
        assert refusals == 0
        return station.id


def county_rows(rig: Rig, model: type[T], station: int, order: Any) -> list[T]:
    with Session(rig.engine) as session:
        query = select(model).where(model.station == station)  # type: ignore[attr-defined]
        return list(session.scalars(query.order_by(order)))


def county_prices(store: Store) -> list[tuple[Any, ...]]:
    with store.reading() as session:
        rows = session.scalars(
            select(ProducePrice)
            .where(ProducePrice.source == "county")
            .order_by(ProducePrice.day_from, ProducePrice.product_code, ProducePrice.grade_code)
        )
        return [
            (r.uid, r.product_code, r.grade_code, r.day_from, r.day_to, r.price_fen, r.per_grams)
            for r in rows
        ]


# --- what the keeper does ----------------------------------------------------------------


def register(rig: Rig, form: FarmerForm) -> FarmerView:
    return rig.write(
        lambda session: farmers.register(session, rig.clock, actor=rig.keeper, form=form)
    )


def buy(rig: Rig, order: PurchaseOrder) -> PurchaseView:
    return rig.write(
        lambda session: purchase.buy(
            session,
            rig.clock,
            actor=rig.keeper,
            order=order,
            catalogue=catalogue_in_use(session),
        )
    )


def test_prices_purchases_lots_and_trace_travel_between_station_and_county(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1. The county publishes prices; the station syncs and buys at them.
    with rig.store.reading() as session, pytest.raises(ProduceError):
        price_for(session, APPLE, D80, TODAY)  # nothing to buy at before the sync
    rig.publish_prices(price_list(2, 350, walnut=True))
    assert "prices" in rig.sync().applied

    assert county_prices(rig.store) == [
        (D75_UID, APPLE, D75, "2026-11-01", None, 300, 500),
        (D80_UID, APPLE, D80, "2026-11-01", None, 350, 500),
        (WALNUT_UID, WALNUT, LARGE, "2026-11-01", None, 1200, 500),
    ]
    with rig.store.reading() as session:
        assert catalogue_in_use(session).version == 2
        assert price_for(session, APPLE, D80, TODAY) == PriceQuote(
            D80_UID, "county", 350, 500, APPLE, D80
        )
        assert price_for(session, APPLE, D75, TODAY.isoformat()).price_fen == 300

    # 2. The keeper's day.
    lifted = register(
        rig,
        FarmerForm(
            name="张三丰",
            phone="13812345678",
            village_code=VILLAGE_A,
            id_number="610305196503122413",
            household="lifted",
            pay_preference="cash",
        ),
    )
    normal = register(
        rig,
        FarmerForm(
            name="欧阳娜娜",
            phone="13900001111",
            village_code=VILLAGE_B,
            id_number="61030519820808007X",
            household="normal",
            pay_preference="owed",
        ),
    )
    paid = buy(
        rig,
        PurchaseOrder(
            lifted.uid,
            APPLE,
            D80,
            (WeighingInput(25300, 1500), WeighingInput(24800, 1500)),
            0,
            0,
            "cash",
        ),
    )
    owed = buy(
        rig,
        PurchaseOrder(normal.uid, APPLE, D80, (WeighingInput(20500, 1500, True),), 150, 0, "owed"),
    )
    to_void = buy(
        rig, PurchaseOrder(normal.uid, APPLE, D75, (WeighingInput(15500, 1500),), 0, 0, "cash")
    )
    # 47.1 kg at 3.50/斤; 19 kg less 1.5% impurity (285 g) = 18.715 kg → 131.005 元 → 131.01
    assert (paid.price_uid, paid.price_fen, paid.net_g, paid.totals.amount_fen) == (
        D80_UID,
        350,
        47100,
        32970,
    )
    assert (owed.price_uid, owed.net_g, owed.totals.amount_fen) == (D80_UID, 18715, 13101)
    assert (to_void.price_uid, to_void.price_fen, to_void.totals.amount_fen) == (D75_UID, 300, 8400)
    assert paid.lot_uid == owed.lot_uid != to_void.lot_uid
    # The lifted farmer's status changes after the sale: the purchase keeps the old one.
    rig.write(
        lambda session: farmers.change(
            session,
            rig.clock,
            actor=rig.keeper,
            farmer_uid=lifted.uid,
            form=FarmerForm("张三丰", "13812345678", VILLAGE_A, "610305196503122413", "normal"),
        )
    )

    shipped_child, kept_child = rig.write(
        lambda session: lot_actions.split(
            session, rig.clock, actor=rig.keeper, lot_uid=paid.lot_uid, parts_g=[30000, 20000]
        )
    )
    shipped = rig.write(
        lambda session: lot_actions.ship(
            session,
            rig.clock,
            actor=rig.keeper,
            lot_uid=shipped_child.uid,
            to_kind="county_supply",
            to_name=SHIPPED_TO,
        )
    )
    assert shipped.shipped_g == 30000
    settlement = rig.write(
        lambda session: settle.settle(
            session, rig.clock, actor=rig.keeper, farmer_uid=normal.uid, netted=[], method="cash"
        )
    )
    assert (settlement.purchases, settlement.amount.fen) == ((owed.number,), 13101)
    voided = rig.write(
        lambda session: purchase.void_purchase(
            session, rig.clock, actor=rig.keeper, purchase_uid=to_void.uid, reason="等级选错了"
        )
    )
    assert voided.status is PurchaseStatus.VOIDED

    # 3. The station syncs: the county holds every entry and projects the day. Three
    # entries a batch, so the projection meets a settlement, a void, a split and a
    # shipment of rows an earlier batch made, as well as a lot and its purchases together.
    monkeypatch.setattr(sync_client, "MAX_BATCH_ENTRIES", 3)
    rig.sync()
    station = assert_county_holds_the_ledger(rig)
    assert [
        (f.farmer, f.village, f.household)
        for f in county_rows(rig, ProduceFarmer, station, ProduceFarmer.id)
    ] == [(lifted.uid, VILLAGE_A, "normal"), (normal.uid, VILLAGE_B, "normal")]
    assert [
        (
            p.purchase,
            p.number,
            p.farmer,
            p.business_day,
            p.product,
            p.grade,
            p.village,
            p.household,
            p.net_g,
            p.amount_fen,
            p.payment,
            p.lot,
            p.voided,
            p.settlement,
        )
        for p in county_rows(rig, ProducePurchase, station, ProducePurchase.id)
    ] == [
        (
            paid.uid,
            paid.number,
            lifted.uid,
            "2026-11-23",
            APPLE,
            D80,
            VILLAGE_A,
            "lifted",
            47100,
            32970,
            "cash",
            paid.lot_uid,
            False,
            None,
        ),
        (
            owed.uid,
            owed.number,
            normal.uid,
            "2026-11-23",
            APPLE,
            D80,
            VILLAGE_B,
            "normal",
            18715,
            13101,
            "owed",
            paid.lot_uid,
            False,
            settlement.uid,
        ),
        (
            to_void.uid,
            to_void.number,
            normal.uid,
            "2026-11-23",
            APPLE,
            D75,
            VILLAGE_B,
            "normal",
            14000,
            8400,
            "cash",
            to_void.lot_uid,
            True,
            None,
        ),
    ]
    lots = {lot.lot: lot for lot in county_rows(rig, ProduceLot, station, ProduceLot.id)}
    assert {
        uid: (lot.trace_code, lot.parent, lot.product, lot.grade, lot.lot_day, lot.net_g)
        for uid, lot in lots.items()
    } == {
        paid.lot_uid: (paid.trace_code, None, APPLE, D80, "2026-11-23", None),
        to_void.lot_uid: (to_void.trace_code, None, APPLE, D75, "2026-11-23", None),
        shipped_child.uid: (
            shipped_child.trace_code,
            paid.lot_uid,
            APPLE,
            D80,
            "2026-11-23",
            30000,
        ),
        kept_child.uid: (kept_child.trace_code, paid.lot_uid, APPLE, D80, "2026-11-23", 20000),
    }
    assert {
        uid: (lot.shipped_day, lot.shipped_to_kind, lot.shipped_to_name, lot.shipped_g)
        for uid, lot in lots.items()
        if lot.shipment is not None
    } == {shipped_child.uid: ("2026-11-23", "county_supply", SHIPPED_TO, 30000)}
    with rig.store.reading() as session:
        local_lot = lot_actions.by_uid(session, shipped_child.uid)
        assert lots[shipped_child.uid].shipment == local_lot.shipment_uid

    # 4. The public trace lookup for the shipped child, typed in lower case with a dash.
    typed = format_trace_code(shipped_child.trace_code).lower()
    assert "-" in typed
    assert typed != shipped_child.trace_code
    response = requests.get(rig.county.api(f"/trace/{typed}"), timeout=10)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer == {
        "trace_code": shipped_child.trace_code,
        "station_name": "柳林镇胡家庄村服务站",
        "product": APPLE,
        "product_name": "凤翔苹果",
        "grade": D80,
        "grade_name": "80mm以上",
        "lot_day": "2026-11-23",
        "lot_net_g": 30000,
        "purchases": 2,
        "purchased_g": 47100 + 18715,
        "first_purchase_day": "2026-11-23",
        "last_purchase_day": "2026-11-23",
        "villages": [
            {"code": VILLAGE_A, "name": "胡家庄村", "township": "柳林镇", "net_g": 47100},
            {"code": VILLAGE_B, "name": None, "township": "柳林镇", "net_g": 18715},
        ],
        "parents": [paid.trace_code],
        "shipped_day": "2026-11-23",
        "shipped_to": "county_supply",
    }
    raw = response.text
    for secret in (
        lifted.uid,
        normal.uid,
        "张三丰",
        "欧阳娜娜",
        "13812345678",
        "13900001111",
        "610305196503122413",
        "61030519820808007X",
        SHIPPED_TO,  # the buyer's name is for county staff, not the public
    ):
        assert secret not in raw, secret

    # 5. A newer price list changes the row the purchases used: they keep their price.
    rig.publish_prices(price_list(3, 380, walnut=False))
    assert "prices" in rig.sync().applied
    with rig.store.reading() as session:
        assert catalogue_in_use(session).version == 3
        used = session.scalars(select(ProducePrice).where(ProducePrice.uid == D80_UID)).one()
        assert (used.price_fen, used.day_from, used.day_to) == (350, "2026-11-01", "2026-11-22")
        assert used.first_used_at is not None
        bought = {
            row.uid: (row.price_uid, row.price_fen, row.amount_fen)
            for row in session.scalars(select(StationPurchase))
        }
        assert bought == {
            paid.uid: (D80_UID, 350, 32970),
            owed.uid: (D80_UID, 350, 13101),
            to_void.uid: (D75_UID, 300, 8400),
        }
        today = price_for(session, APPLE, D80, TODAY)
        assert (today.source, today.price_fen, today.per_grams) == ("county", 380, 500)
        assert today.uid != D80_UID
        # Yesterday's purchases were at the old price, and it still says so.
        assert price_for(session, APPLE, D80, TODAY - timedelta(days=1)).uid == D80_UID
    prices_now = county_prices(rig.store)
    assert (D80_UID, APPLE, D80, "2026-11-01", "2026-11-22", 350, 500) in prices_now
    assert (D75_UID, APPLE, D75, "2026-11-01", None, 300, 500) in prices_now
    assert (today.uid, APPLE, D80, "2026-11-23", None, 380, 500) in prices_now
    assert not any(row[0] == WALNUT_UID for row in prices_now)  # unused and withdrawn: gone
    assert len(prices_now) == 3

    later = buy(
        rig, PurchaseOrder(lifted.uid, APPLE, D80, (WeighingInput(11500, 1500),), 0, 0, "cash")
    )
    assert (later.price_uid, later.price_fen, later.totals.amount_fen) == (today.uid, 380, 7600)
    assert later.household == "normal"
    assert later.lot_uid not in lots  # the split lot is closed to new purchases
    rig.sync()
    assert_county_holds_the_ledger(rig)
    newest = county_rows(rig, ProducePurchase, station, ProducePurchase.id)[-1]
    assert (newest.purchase, newest.household, newest.net_g, newest.amount_fen) == (
        later.uid,
        "normal",
        10000,
        7600,
    )
    # The trace names the product from the newest list and still no farmer.
    again = requests.get(rig.county.api(f"/trace/{shipped_child.trace_code}"), timeout=10)
    assert again.status_code == 200
    assert again.json() == answer
