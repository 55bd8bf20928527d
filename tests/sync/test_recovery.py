"""Recovery from the county's copy, against the real county process (SQLite).

A station writes with the app's own core code and uploads; a copy of its store file
taken earlier plays the backup. Restored, the backup is found behind the county (by
an acknowledgement, or by the head when it has nothing to send), rebuilt from the
county's copy with the same hashes, and goes on writing without a fork. Two stores
writing as one station: the second is refused as a fork and told why.

A new PC taking over: the county reissues the station's code (revoking the old
credential); an empty store enrols with it, is rebuilt from the county's copy, gets a
keeper password and goes on on the same chain, and the old PC is told its credential
is gone.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from county import stations
from county.db.engine import WRITE_OPTIONS, make_engine
from county.db.models import Refusal
from county.db.models import Station as CountyStation
from station_app.core import first_run, ledger, operators, preferences, takeover
from station_app.core.db.models import LedgerEntry, Parcel, Preference, Role, StationLevel
from station_app.core.db.models import Station as LocalStation
from station_app.core.db.shipment_models import Shipment
from station_app.core.db.stocktake_models import Stocktake
from station_app.core.errors import ValidationError
from station_app.core.operators import AuthenticationFailed, OperatorInfo
from station_app.core.parcels import sending, stocktake
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.parcels.handover import hand_over
from station_app.core.parcels.returns import return_to_courier
from station_app.core.parcels.sending import ShipmentOrder
from station_app.core.parcels.tariffs import Tariffs
from station_app.core.paths import DB_FILENAME
from station_app.core.store import Store
from station_app.core.takeover import Stage
from sync import client as sync_client
from sync import recovery, state
from sync.client import CountyClient, CountyRefused, enrol, take_over, upload_pending
from sync.wire import ErrorCode
from tests.conftest import KEEPER_LOGIN
from tests.county.conftest import County, now, start_county, stop

TARIFFS = Tariffs.load()
ORDER = ShipmentOrder(
    courier="zto",
    province="广东",
    city="深圳市",
    address="南山区科技园南路88号",
    recipient_name="张小红",
    recipient_phone="139 1234 5678",
    sender_name="胡建国",
    sender_phone="13812341234",
    weight="1.2",
    payment_method="wechat",
)


# --- the county and an enrolled station ---------------------------------------------


@pytest.fixture(scope="module")
def real_county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    folder = tmp_path_factory.mktemp("county-recovery")
    process, running = start_county(
        f"sqlite:///{folder / 'county.sqlite3'}",
        folder / "county.log",
        "--rate",
        "10000",
        "--burst",
        "10000",
    )
    try:
        yield running
    finally:
        stop(process)


@pytest.fixture(scope="module")
def county_engine(real_county: County) -> Iterator[Engine]:
    engine = make_engine(real_county.database_url)
    yield engine
    engine.dispose()


@dataclass
class Station:
    store: Store
    keeper: OperatorInfo
    client: CountyClient
    parcels: list[str]

    def upload(self, other: Store | None = None) -> sync_client.UploadReport:
        return upload_pending(other or self.store, self.client, max_batches=1000)


@pytest.fixture
def station(
    store: Store, keeper: OperatorInfo, real_county: County, county_engine: Engine
) -> Iterator[Station]:
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
    client = sync_client.client_for(store)
    assert client is not None
    yield Station(store, keeper, client, [])
    client.close()


def restore(store: Store, backup: Path) -> Store:
    """A backup taken now: the store file copied after a checkpoint (WAL folded in)."""
    store.checkpoint()
    backup.mkdir()
    shutil.copy2(store.path, backup / DB_FILENAME)
    return Store.open(backup, store.clock)


# --- what the station writes --------------------------------------------------------------


def check_in_parcels(station: Station, count: int, shelf: str = "1") -> None:
    start = len(station.parcels)
    with station.store.writing() as session:
        for n in range(start, start + count):
            arrival = Arrival(f"YT77{n:011d}", "yto", shelf, 1 + n % 3, phone="13812341234")
            result = check_in(session, station.store.clock, actor=station.keeper, arrival=arrival)
            station.parcels.append(result.parcel.uid)


def first_day(station: Station) -> None:
    """Check-ins, a pickup, a return, a shipment collected, a preference, a stocktake."""
    store, keeper, clock = station.store, station.keeper, station.store.clock
    check_in_parcels(station, 6)
    with store.writing() as session:
        hand_over(session, clock, actor=keeper, scans={station.parcels[0]: None})
    with store.writing() as session:
        return_to_courier(
            session, clock, actor=keeper, parcel_uid=station.parcels[1], reason="refused"
        )
    with store.writing() as session:
        shipped = sending.accept(session, clock, actor=keeper, order=ORDER, tariffs=TARIFFS)
        sending.collect(
            session,
            clock,
            actor=keeper,
            shipment_uid=shipped.uid,
            courier_tracking_number="ZT1234567890",
        )
    with store.writing() as session:
        preferences.set_value(
            session, clock, actor=keeper, pref=preferences.IDLE_LOCK_MINUTES, value=20
        )
    with store.writing() as session:
        count = stocktake.start(session, clock, actor=keeper, shelf_codes=["1"])
        stocktake.mark_lost(
            session, clock, actor=keeper, stocktake_uid=count.uid, parcel_uid=station.parcels[2]
        )
        stocktake.finish(session, clock, actor=keeper, stocktake_uid=count.uid)


def second_day(station: Station) -> None:
    """Written after the backup: pickups, a relocation in a stocktake, a cancelled
    shipment, a secret and a plain preference, more check-ins."""
    store, keeper, clock = station.store, station.keeper, station.store.clock
    with store.writing() as session:
        hand_over(session, clock, actor=keeper, scans={station.parcels[4]: "YT7700000000004"})
    with store.writing() as session:
        count = stocktake.start(session, clock, actor=keeper)
        stocktake.set_place(session, stocktake_uid=count.uid, shelf="2", tier=2)
        stocktake.scan(
            session, clock, actor=keeper, stocktake_uid=count.uid, text="YT7700000000003"
        )
        stocktake.relocate(
            session, clock, actor=keeper, stocktake_uid=count.uid, tracking_number="YT7700000000003"
        )
        stocktake.finish(session, clock, actor=keeper, stocktake_uid=count.uid)
    with store.writing() as session:
        shipped = sending.accept(session, clock, actor=keeper, order=ORDER, tariffs=TARIFFS)
        sending.cancel(session, clock, actor=keeper, shipment_uid=shipped.uid, reason="写错地址")
    with store.writing() as session:
        preferences.set_value(
            session, clock, actor=keeper, pref=preferences.SOUNDS_ENABLED, value=False
        )
        preferences.set_value(
            session, clock, actor=keeper, pref=preferences.SMS_AUTH_SECRET, value="k-123"
        )
    check_in_parcels(station, 4, shelf="3")


# --- what to compare --------------------------------------------------------------------


def ledger_of(store: Store) -> list[tuple[int, str]]:
    with store.reading() as session:
        rows = session.execute(select(LedgerEntry.seq, LedgerEntry.hash).order_by(LedgerEntry.seq))
        return [(seq, digest) for seq, digest in rows]


def county_ledger(client: CountyClient) -> list[tuple[int, str]]:
    held: list[tuple[int, str]] = []
    while True:
        page = client.ledger_entries(held[-1][0] if held else 0)
        if not page.entries:
            return held
        held.extend((entry.seq, entry.hash) for entry in page.entries)


def business_state(store: Store) -> dict[str, Any]:
    """What the keeper sees of parcels, shipments, counts and settings (no phones)."""
    with store.reading() as session:
        parcels = {
            p.uid: (p.status, p.pickup_code, p.shelf, p.tier, p.courier, p.tracking_number)
            for p in session.scalars(select(Parcel))
        }
        shipments = {
            s.uid: (s.status, s.fee_fen, s.courier_tracking_number, s.cancel_reason)
            for s in session.scalars(select(Shipment))
        }
        counts = {s.uid: (s.status, s.expected) for s in session.scalars(select(Stocktake))}
        prefs = {p.key: p.value for p in session.scalars(select(Preference))}
    return {"parcels": parcels, "shipments": shipments, "stocktakes": counts, "prefs": prefs}


def assert_rebuilt(restored: Store, original: Store, client: CountyClient) -> None:
    local = ledger_of(restored)
    assert local == county_ledger(client) == ledger_of(original)
    with restored.reading() as session:
        report = ledger.verify(session)
    assert report.ok
    assert report.checked == len(local)
    rebuilt, truth = business_state(restored), business_state(original)
    assert rebuilt["parcels"] == truth["parcels"]
    assert rebuilt["shipments"] == truth["shipments"]
    assert rebuilt["stocktakes"] == truth["stocktakes"]
    secret = preferences.SMS_AUTH_SECRET.key
    assert {k: v for k, v in rebuilt["prefs"].items() if k != secret} == {
        k: v for k, v in truth["prefs"].items() if k != secret
    }
    assert rebuilt["prefs"].get(secret) != preferences.REDACTED  # never the ledger's stars
    status = state.status(restored)
    assert (status.halted, status.pending, status.error_code) == (False, 0, None)


def assert_goes_on_cleanly(station: Station, restored: Store) -> None:
    with restored.writing() as session:
        arrival = Arrival("YT7799999999999", "yto", "1", 1, phone="13900001111")
        check_in(session, restored.clock, actor=station.keeper, arrival=arrival)
    report = station.upload(restored)
    assert (report.outcome, report.sent) == ("ok", 1), report
    assert county_ledger(station.client) == ledger_of(restored)


# --- the tests ------------------------------------------------------------------------------


def test_a_restored_backup_is_rebuilt_from_the_county_and_goes_on(station: Station, tmp_path: Path):
    first_day(station)
    assert station.upload().outcome == "ok"
    check_in_parcels(station, 2)  # still pending when the backup is taken
    restored = restore(station.store, tmp_path / "restored")
    try:
        assert station.upload().outcome == "ok"
        second_day(station)
        assert station.upload().outcome == "ok"

        report = station.upload(restored)  # its pending two are already held: behind
        assert (report.outcome, report.error_code) == ("halted", sync_client.BEHIND_COUNTY)
        assert state.status(restored).error_message == sync_client.MSG_BEHIND_COUNTY

        before = ledger_of(restored)[-1][0]
        done = recovery.recover(restored, station.client)
        assert done.outcome == "ok", done
        assert done.imported == ledger_of(station.store)[-1][0] - before
        assert done.local_last == done.county_held == ledger_of(station.store)[-1][0]
        assert done.not_replayed == ()
        assert_rebuilt(restored, station.store, station.client)
        with restored.reading() as session:
            replayed = session.scalar(select(Parcel).where(Parcel.uid == station.parcels[-1]))
            assert replayed is not None
            assert (replayed.phone, replayed.recipient_name) == (None, None)
        assert recovery.recover(restored, station.client).imported == 0  # idempotent
        assert_goes_on_cleanly(station, restored)
    finally:
        restored.close()


def test_a_backup_taken_when_all_was_uploaded_is_found_behind_by_the_head(
    station: Station, tmp_path: Path
):
    first_day(station)
    assert station.upload().outcome == "ok"
    restored = restore(station.store, tmp_path / "restored")
    try:
        second_day(station)
        assert station.upload().outcome == "ok"
        assert state.status(restored).pending == 0
        report = station.upload(restored)  # nothing to send: the head tells
        assert (report.outcome, report.error_code) == ("halted", sync_client.BEHIND_COUNTY)
        assert recovery.recover(restored, station.client).outcome == "ok"
        assert_rebuilt(restored, station.store, station.client)
        assert_goes_on_cleanly(station, restored)
    finally:
        restored.close()


def test_a_crash_mid_recovery_resumes_from_the_local_last_entry(station: Station, tmp_path: Path):
    first_day(station)
    assert station.upload().outcome == "ok"
    restored = restore(station.store, tmp_path / "restored")
    try:
        before = ledger_of(restored)[-1][0]
        second_day(station)
        assert station.upload().outcome == "ok"
        assert station.upload(restored).error_code == sync_client.BEHIND_COUNTY

        def crash(local_last: int) -> None:
            raise RuntimeError(f"power cut at seq {local_last}")

        with pytest.raises(RuntimeError, match="power cut"):
            recovery.recover(restored, station.client, page_size=3, after_page=crash)
        assert ledger_of(restored)[-1][0] == before + 3  # one whole page, committed
        status = state.status(restored)
        assert (status.uploaded_through, status.pending) == (before + 3, 0)
        assert status.halted  # still stopped until the recovery is through

        resumed = recovery.recover(restored, station.client, page_size=3)
        assert resumed.outcome == "ok", resumed
        assert resumed.imported == ledger_of(station.store)[-1][0] - before - 3
        assert_rebuilt(restored, station.store, station.client)
        assert_goes_on_cleanly(station, restored)
    finally:
        restored.close()


def test_two_pcs_writing_as_one_station_are_refused_as_a_fork(
    station: Station, tmp_path: Path, county_engine: Engine
):
    check_in_parcels(station, 3)
    assert station.upload().outcome == "ok"
    second = restore(station.store, tmp_path / "second-pc")  # the same station, copied
    try:
        check_in_parcels(station, 1)
        assert station.upload().outcome == "ok"
        with second.writing() as session:
            arrival = Arrival("YT7788888888888", "yto", "2", 1)
            check_in(session, second.clock, actor=station.keeper, arrival=arrival)
        mine = ledger_of(second)

        report = station.upload(second)
        assert (report.outcome, report.error_code) == ("halted", ErrorCode.FORK)
        status = state.status(second)
        assert status.halted
        assert status.error_message == sync_client.MSG_FORK
        assert "另一台电脑" in sync_client.MSG_FORK
        assert "县服务中心" in sync_client.MSG_FORK
        assert sync_client.action_for(ErrorCode.FORK) is sync_client.Action.CALL_COUNTY

        refused = recovery.recover(second, station.client)  # nothing merged, ever
        assert (refused.outcome, refused.error_code) == ("refused", "fork")
        assert ledger_of(second) == mine
        assert state.status(second).halted

        with Session(county_engine) as session:
            pk = session.scalar(
                select(CountyStation.id).where(
                    CountyStation.station_id == state.station_ids_of(second)[0]
                )
            )
            codes = list(session.scalars(select(Refusal.code).where(Refusal.station == pk)))
        assert "fork" in codes  # the county's side of it, for its staff
        assert county_ledger(station.client) == ledger_of(station.store)
    finally:
        second.close()


# --- a new PC taking over the station ----------------------------------------------------

NEW_PASSWORD = "xinmima2026"


@pytest.fixture
def new_pc(tmp_path: Path, store: Store) -> Iterator[Store]:
    """An empty store on another PC (same clock as the old one)."""
    fresh = Store.open(tmp_path / "new-pc", store.clock)
    yield fresh
    fresh.close()


def reissue(county_engine: Engine, station_id: str) -> str:
    with Session(county_engine.execution_options(**WRITE_OPTIONS)) as session, session.begin():
        code = session.scalar(
            select(CountyStation.code).where(CountyStation.station_id == station_id)
        )
        assert code is not None
        return stations.reissue(session, now(), code).enrolment_code


def stage_of(store: Store) -> Stage:
    with store.reading() as session:
        return takeover.stage(session)


def test_a_new_pc_takes_over_a_station_and_goes_on_on_the_same_chain(
    station: Station, new_pc: Store, real_county: County, county_engine: Engine
) -> None:
    first_day(station)
    second_day(station)
    assert station.upload().outcome == "ok"
    old_ids = state.station_ids_of(station.store)
    code = reissue(county_engine, old_ids[0])
    assert stage_of(new_pc) is Stage.NONE

    status = take_over(new_pc, real_county.url, code)

    assert (status.halted, status.error_code) == (True, sync_client.BEHIND_COUNTY)
    assert stage_of(new_pc) is Stage.RECOVERING
    client = sync_client.client_for(new_pc)
    assert client is not None
    try:
        done = recovery.recover(new_pc, client)
        assert done.outcome == "ok", done
        assert done.imported == ledger_of(station.store)[-1][0]
        assert_rebuilt(new_pc, station.store, client)
        assert stage_of(new_pc) is Stage.CHOOSE_KEEPER
        with new_pc.reading() as session:
            assert [k.login for k in takeover.rebuilt_keepers(session)] == [KEEPER_LOGIN]
            with pytest.raises(AuthenticationFailed):  # rebuilt: no password here yet
                operators.authenticate(session, KEEPER_LOGIN, NEW_PASSWORD)

        keeper = takeover.finish(new_pc, KEEPER_LOGIN, NEW_PASSWORD, NEW_PASSWORD)

        assert (keeper.login, keeper.role) == (KEEPER_LOGIN, Role.KEEPER)
        assert stage_of(new_pc) is Stage.NONE
        with new_pc.reading() as session:
            assert operators.authenticate(session, KEEPER_LOGIN, NEW_PASSWORD).login == KEEPER_LOGIN
            local = session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq.desc()).limit(2))
            assert [e.type for e in local] == ["operator.password_changed", "station.taken_over"]
            new_station = session.scalar(select(LocalStation))
            assert new_station is not None
            assert new_station.station_id == old_ids[0]
            assert new_station.install_id != old_ids[1]
        report = sync_client.upload_pending(new_pc, client)
        assert (report.outcome, report.sent) == ("ok", 2), report
        assert county_ledger(client) == ledger_of(new_pc)

        old = station.upload()  # the old PC's credential went with the reissue
        assert (old.outcome, old.error_code) == ("halted", ErrorCode.REVOKED)
        assert sync_client.action_for(ErrorCode.REVOKED) is sync_client.Action.REENROL
    finally:
        client.close()


def test_finishing_is_refused_before_the_rebuild_and_for_a_wrong_account(
    station: Station, new_pc: Store, real_county: County, county_engine: Engine
) -> None:
    assert station.upload().outcome == "ok"
    code = reissue(county_engine, state.station_ids_of(station.store)[0])
    take_over(new_pc, real_county.url, code)
    with pytest.raises(ValidationError, match="没有在接替"):  # still behind the county
        takeover.finish(new_pc, KEEPER_LOGIN, NEW_PASSWORD, NEW_PASSWORD)
    client = sync_client.client_for(new_pc)
    assert client is not None
    with closing(client):
        assert recovery.recover(new_pc, client).outcome == "ok"
    with pytest.raises(ValidationError, match="选择一个站长账号"):
        takeover.finish(new_pc, "nobody", NEW_PASSWORD, NEW_PASSWORD)
    with pytest.raises(ValidationError):
        takeover.finish(new_pc, KEEPER_LOGIN, NEW_PASSWORD, "different2026")
    with pytest.raises(ValidationError):
        takeover.finish(new_pc, KEEPER_LOGIN, "12345678", "12345678")
    assert stage_of(new_pc) is Stage.CHOOSE_KEEPER  # nothing half-written
    takeover.finish(new_pc, KEEPER_LOGIN, NEW_PASSWORD, NEW_PASSWORD)
    with pytest.raises(ValidationError, match="没有在接替"):  # only once
        takeover.finish(new_pc, KEEPER_LOGIN, NEW_PASSWORD, NEW_PASSWORD)


def test_a_code_for_a_station_that_never_enrolled_has_nothing_to_take_over(
    new_pc: Store, real_county: County, county_engine: Engine
) -> None:
    with Session(county_engine.execution_options(**WRITE_OPTIONS)) as session, session.begin():
        issued = stations.add_station(
            session,
            now(),
            name="新建村服务站",
            level="village",
            division_code="610305110209",
            township="柳林镇",
        )
    with pytest.raises(CountyRefused) as refused:
        take_over(new_pc, real_county.url, issued.enrolment_code)
    assert refused.value.error_code is ErrorCode.NOTHING_TO_TAKE_OVER
    assert "新服务站" in refused.value.message_zh
    assert stage_of(new_pc) is Stage.NONE
    assert state.status(new_pc).enrolled is False


def test_a_set_up_store_cannot_take_over_another_station(
    station: Station, real_county: County
) -> None:
    with pytest.raises(ValidationError, match="已经设置过服务站"):
        take_over(station.store, real_county.url, "ABCD-EFGH-JKMN-PQRS")


def test_an_old_pc_that_never_uploaded_leaves_a_station_to_set_up_under_its_id(
    station: Station, new_pc: Store, real_county: County, county_engine: Engine
) -> None:
    old_id = state.station_ids_of(station.store)[0]
    code = reissue(county_engine, old_id)  # enrolled, nothing uploaded

    status = take_over(new_pc, real_county.url, code)

    assert status.halted is False
    assert stage_of(new_pc) is Stage.NO_LEDGER
    form = first_run.SetupForm(
        "胡家庄村电商服务站",
        StationLevel.VILLAGE,
        "610305110201",
        "wangjun",
        "王军",
        NEW_PASSWORD,
        NEW_PASSWORD,
    )
    first_run.set_up(new_pc, form)
    assert stage_of(new_pc) is Stage.NONE
    assert state.station_ids_of(new_pc)[0] == old_id
    client = sync_client.client_for(new_pc)
    assert client is not None
    with closing(client):
        report = sync_client.upload_pending(new_pc, client)
        assert (report.outcome, report.sent) == ("ok", 2), report
        assert county_ledger(client) == ledger_of(new_pc)
