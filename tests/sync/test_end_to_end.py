"""The station's real upload code against the real county process, through a proxy that
breaks connections: whatever the network does, the county ends with the station's
ledger, entry for entry, once.

The county is a separate ``county-centre`` process (uvicorn) on SQLite and on
PostgreSQL (a fresh schema), as in ``tests/county``; the station is a real store set up
and written by the app's own core code, uploading with :func:`sync.client.upload_pending`
in this process, through :class:`tests.sync.fault_proxy.FaultProxy`. Enrolment goes
direct. A soak with a seeded random plan, then one deterministic test per fault.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from county import stations
from county.db.engine import WRITE_OPTIONS, make_engine
from county.db.models import DailyTotal
from county.db.models import LedgerEntry as CountyEntry
from county.db.models import Station as CountyStation
from station_app.core import ledger
from station_app.core.db.models import LedgerEntry
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.parcels.handover import hand_over
from station_app.core.store import Store
from sync import client as sync_client
from sync import state
from sync.client import CountyClient, UploadReport, enrol, upload_pending
from sync.wire import BatchAck, EntryPage, LedgerHead
from tests.county.conftest import County, fresh_postgres_schema, now, start_county, stop
from tests.sync.conftest import write_entries
from tests.sync.fault_proxy import FAULTS, Fault, FaultProxy, RandomPlan, Schedule

TIMEOUT = (2.0, 5.0)
"""Client timeouts through the proxy (connect, read)."""
SOAK_SEED = 20261123
SOAK_BATCH = 2
"""Entries per batch in the soak: ~360 entries make ~180 batches, ~230 connections."""
SOAK_CONNECTION_CAP = 1000


# --- the county process and its database -------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("county-e2e")
        yield f"sqlite:///{folder / 'county.sqlite3'}"
    else:
        yield from fresh_postgres_schema()


@pytest.fixture(scope="module")
def real_county(backend_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    log = tmp_path_factory.mktemp("county-e2e-log") / "county.log"
    process, running = start_county(backend_url, log, "--rate", "10000", "--burst", "10000")
    try:
        yield running
    finally:
        stop(process)


@pytest.fixture(scope="module")
def county_engine(real_county: County) -> Iterator[Engine]:
    engine = make_engine(real_county.database_url)
    yield engine
    engine.dispose()


def port_of(county: County) -> int:
    port = urlsplit(county.url).port
    assert port is not None
    return port


# --- the station -----------------------------------------------------------------------


def write_parcels(store: Store, keeper: OperatorInfo, count: int, picked_up: int) -> None:
    """``count`` check-ins, ``picked_up`` of them handed over again: real app entries."""
    uids = []
    with store.writing() as session:
        for n in range(count):
            arrival = Arrival(f"YT88{n:011d}", "yto", "1", 1 + n % 3, phone="13812341234")
            result = check_in(session, store.clock, actor=keeper, arrival=arrival, notify=None)
            uids.append(result.parcel.uid)
    with store.writing() as session:
        hand_over(session, store.clock, actor=keeper, scans=dict.fromkeys(uids[:picked_up]))


def station_entries(store: Store) -> list[dict[str, Any]]:
    with store.reading() as session:
        rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))
        return [{**ledger.hashed_fields(row), "hash": row.hash} for row in rows]


@pytest.fixture
def enrolled(store: Store, keeper: OperatorInfo, real_county: County, county_engine: Engine) -> str:
    """A set-up station enrolled directly with the real county; yields its credential."""
    with Session(county_engine.execution_options(**WRITE_OPTIONS)) as session, session.begin():
        issued = stations.add_station(
            session,
            now(),
            name="胡家庄村服务站",
            level="village",
            division_code="610305110201",
            township="柳林镇",
        )
    enrol(store, real_county.url, issued.enrolment_code)
    enrolment = state.enrolment(store)
    assert enrolment is not None
    return enrolment.credential


@dataclass(frozen=True)
class Rig:
    """A station enrolled with the real county, and the way to it through the proxy."""

    store: Store
    keeper: OperatorInfo
    county: County
    engine: Engine
    credential: str
    proxy: FaultProxy
    client: CountyClient
    """Through the proxy."""

    def upload(self, client: CountyClient | None = None) -> UploadReport:
        return upload_pending(
            self.store, client or self.client, max_batches=1000, rng=random.Random(0)
        )

    def head(self) -> LedgerHead:
        return county_head(self.county, self.credential)

    def acks(self, connection: int) -> list[BatchAck]:
        """The county's answers to one connection, whether the station got them or not."""
        bodies = self.proxy.records[connection].bodies()
        return [BatchAck.model_validate_json(body) for body in bodies]


@pytest.fixture
def rig(
    store: Store,
    keeper: OperatorInfo,
    real_county: County,
    county_engine: Engine,
    enrolled: str,
) -> Iterator[Rig]:
    with FaultProxy(port_of(real_county)) as proxy:
        client = CountyClient(proxy.url, enrolled, timeout=TIMEOUT)
        yield Rig(store, keeper, real_county, county_engine, enrolled, proxy, client)
        client.close()


# --- what the county holds ---------------------------------------------------------------


def county_entries(county: County, credential: str) -> list[dict[str, Any]]:
    """The county's copy as the API gives it (direct, not through the proxy)."""
    headers = {"Authorization": f"Bearer {credential}"}
    entries: list[dict[str, Any]] = []
    while True:
        response = requests.get(
            county.api("/ledger/entries"),
            params={"after": len(entries) and entries[-1]["seq"]},
            headers=headers,
            timeout=10,
        )
        assert response.status_code == 200, response.text
        page = EntryPage.model_validate_json(response.content)
        if not page.entries:
            return entries
        entries.extend(entry.model_dump() for entry in page.entries)


def county_head(county: County, credential: str) -> LedgerHead:
    response = requests.get(
        county.api("/ledger/head"), headers={"Authorization": f"Bearer {credential}"}, timeout=10
    )
    assert response.status_code == 200, response.text
    return LedgerHead.model_validate_json(response.content)


def assert_county_holds_exactly(rig: Rig) -> None:
    """The county's copy is the station's ledger, every entry once, all acknowledged."""
    store, county, engine, credential = rig.store, rig.county, rig.engine, rig.credential
    local = station_entries(store)
    held = county_entries(county, credential)
    assert [e["seq"] for e in held] == list(range(1, len(local) + 1))
    assert [e["hash"] for e in held] == [e["hash"] for e in local]
    assert held == local
    station_id = local[0]["station_id"]
    with Session(engine) as session:
        pk = session.scalar(select(CountyStation.id).where(CountyStation.station_id == station_id))
        rows = session.scalar(select(func.count()).where(CountyEntry.station == pk))
        distinct = session.scalar(
            select(func.count(func.distinct(CountyEntry.seq))).where(CountyEntry.station == pk)
        )
        projected = session.scalar(
            select(func.coalesce(func.sum(DailyTotal.count), 0)).where(DailyTotal.station == pk)
        )
    assert rows == distinct == projected == len(local)  # no duplicate, counted once
    status = state.status(store)
    assert status.pending == 0
    assert status.uploaded_through == local[-1]["seq"]
    assert county_head(county, credential).held_through == local[-1]["seq"]


def wait_for(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Poll a condition until it holds (bounded), never a fixed sleep."""
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("condition not met in time")
        time.sleep(0.01)


# --- the soak ------------------------------------------------------------------------------


def test_after_many_random_faults_the_county_holds_the_ledger_exactly_once(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_parcels(rig.store, rig.keeper, 220, picked_up=80)
    write_entries(rig.store, rig.keeper, 50)
    assert station_entries(rig.store)[-1]["seq"] >= 350
    monkeypatch.setattr(sync_client, "MAX_BATCH_ENTRIES", SOAK_BATCH)
    rig.proxy.plan = RandomPlan(SOAK_SEED, rate=0.4)
    rig.proxy.delay_s = 0.05
    runs: list[UploadReport] = []
    while state.status(rig.store).pending and len(rig.proxy.records) < SOAK_CONNECTION_CAP:
        report = rig.upload()
        assert report.outcome in {"ok", "retry"}, report
        runs.append(report)
    records = rig.proxy.records
    seen = rig.proxy.faults_seen()
    print(f"{len(records)} connections, {len(runs)} runs, faults {seen}")
    assert len(records) >= 200
    assert sum(seen[fault] for fault in FAULTS) >= 0.3 * len(records)
    assert all(seen[fault] >= 10 for fault in Fault), seen
    assert all(record.error is None for record in records)
    assert all(status == 200 for record in records for status in record.statuses())
    assert {run.error_code for run in runs if run.outcome == "retry"} == {sync_client.OFFLINE}
    assert_county_holds_exactly(rig)


# --- one fault at a time ---------------------------------------------------------------


@pytest.fixture
def backlog(rig: Rig) -> int:
    """A few dozen real entries on top of the set-up's: one batch; its last seq."""
    write_parcels(rig.store, rig.keeper, 30, picked_up=10)
    return state.status(rig.store).pending


def test_a_connection_dropped_before_forwarding_reaches_nobody(rig: Rig, backlog: int) -> None:
    rig.proxy.plan = Schedule([Fault.DROP_BEFORE_FORWARD])
    first = rig.upload()
    assert (first.outcome, first.error_code) == ("retry", sync_client.OFFLINE)
    assert not rig.proxy.records[0].forwarded
    assert rig.head().held_through == 0
    assert state.status(rig.store).uploaded_through == 0

    assert rig.upload().outcome == "ok"
    assert [(a.stored, a.already_held) for a in rig.acks(1)] == [(backlog, 0)]
    assert_county_holds_exactly(rig)


def test_fail_after_commit_is_acknowledged_on_the_resend_and_stored_once(
    rig: Rig, backlog: int
) -> None:
    """The county commits, the answer is lost: the station re-sends, the county says it
    holds them all already (``already_held``), nothing is stored twice."""
    rig.proxy.plan = Schedule([Fault.DROP_AFTER_FORWARD])
    first = rig.upload()
    assert (first.outcome, first.error_code) == ("retry", sync_client.OFFLINE)
    assert [(a.stored, a.held_through) for a in rig.acks(0)] == [(backlog, backlog)]
    assert rig.head().held_through == backlog
    assert state.status(rig.store).uploaded_through == 0  # never acknowledged to it

    assert rig.upload().outcome == "ok"
    assert [(a.stored, a.already_held) for a in rig.acks(1)] == [(0, backlog)]
    assert_county_holds_exactly(rig)


def test_a_truncated_answer_is_not_taken_for_an_acknowledgement(rig: Rig, backlog: int) -> None:
    rig.proxy.plan = Schedule([Fault.TRUNCATE_RESPONSE])
    first = rig.upload()
    assert (first.outcome, first.error_code) == ("retry", sync_client.OFFLINE)
    record = rig.proxy.records[0]
    assert 0 < record.relayed < len(record.upstream[0])
    assert state.status(rig.store).uploaded_through == 0

    assert rig.upload().outcome == "ok"
    assert [(a.stored, a.already_held) for a in rig.acks(1)] == [(0, backlog)]
    assert_county_holds_exactly(rig)


def test_a_slow_answer_within_the_timeout_is_simply_late(rig: Rig, backlog: int) -> None:
    rig.proxy.plan = Schedule([Fault.DELAY])
    rig.proxy.delay_s = 0.3
    started = time.monotonic()
    assert rig.upload().outcome == "ok"
    assert time.monotonic() - started >= 0.3
    assert [record.fault for record in rig.proxy.records] == [Fault.DELAY]
    assert [(a.stored, a.already_held) for a in rig.acks(0)] == [(backlog, 0)]
    assert_county_holds_exactly(rig)


def test_an_answer_later_than_the_read_timeout_is_a_timeout_then_already_held(
    rig: Rig, backlog: int
) -> None:
    rig.proxy.plan = Schedule([Fault.DELAY])
    rig.proxy.delay_s = 1.5
    impatient = CountyClient(rig.proxy.url, rig.credential, timeout=(2.0, 0.5))
    try:
        first = rig.upload(impatient)
        assert (first.outcome, first.error_code) == ("retry", sync_client.TIMEOUT)
        wait_for(lambda: rig.proxy.records[0].forwarded)  # the county has answered
        assert rig.head().held_through == backlog
        assert state.status(rig.store).uploaded_through == 0

        assert rig.upload(impatient).outcome == "ok"
        assert [(a.stored, a.already_held) for a in rig.acks(1)] == [(0, backlog)]
    finally:
        impatient.close()
    assert_county_holds_exactly(rig)


def test_a_request_duplicated_on_the_way_is_stored_once(rig: Rig, backlog: int) -> None:
    """Both copies arrive at once; one stores the batch, the other finds it held."""
    rig.proxy.plan = Schedule([Fault.DUPLICATE])
    assert rig.upload().outcome == "ok"
    assert rig.proxy.records[0].statuses() == [200, 200]
    outcomes = sorted((a.stored, a.already_held, a.held_through) for a in rig.acks(0))
    assert outcomes == [(0, backlog, backlog), (backlog, 0, backlog)]
    assert_county_holds_exactly(rig)


def test_a_clean_path_takes_one_connection_per_batch(
    rig: Rig, backlog: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_client, "MAX_BATCH_ENTRIES", 10)
    assert rig.upload().outcome == "ok"
    assert [record.fault for record in rig.proxy.records] == [Fault.PASS] * -(-backlog // 10)
    assert_county_holds_exactly(rig)
