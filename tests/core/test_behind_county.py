"""While the county holds more than this store (sync stop ``behind_county``), nothing is
appended: any new entry would take a sequence the county already holds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from station_app.core import ledger, preferences
from station_app.core.db.models import LedgerEntry, Parcel
from station_app.core.db.notification_models import Notification
from station_app.core.db.sync_models import SyncState
from station_app.core.errors import UserError
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store
from sync import client as sync_client

ARRIVAL = Arrival("YT7700000000001", "yto", "1", 1, phone="13812341234")


def set_stop(store: Store, code: str | None) -> None:
    with store.writing() as session:
        row = session.get(SyncState, 1)
        if row is None:
            row = SyncState(
                id=1,
                county_url="http://127.0.0.1:1",
                county_station_code="TEST-1",
                credential="secret",
                enrolled_at=datetime(2026, 11, 1, tzinfo=UTC),
                uploaded_through=0,
                consecutive_failures=0,
            )
            session.add(row)
        row.halted = int(code is not None)
        row.last_error_code = code
        row.last_error_message = None if code is None else "stopped"


def counts(store: Store) -> tuple[int, int, int]:
    with store.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(LedgerEntry)) or 0,
            session.scalar(select(func.count()).select_from(Parcel)) or 0,
            session.scalar(select(func.count()).select_from(Notification)) or 0,
        )


def test_the_stop_code_is_the_one_sync_sets() -> None:
    assert sync_client.BEHIND_COUNTY == ledger.BEHIND_COUNTY == "behind_county"


def test_a_store_behind_the_county_refuses_a_check_in_and_writes_nothing(
    store: Store, keeper: OperatorInfo
) -> None:
    set_stop(store, ledger.BEHIND_COUNTY)
    before = counts(store)
    with pytest.raises(UserError) as refused, store.writing() as session:
        check_in(session, store.clock, actor=keeper, arrival=ARRIVAL)
    assert isinstance(refused.value, ledger.BehindCounty)
    assert refused.value.template == ledger.MSG_BEHIND_COUNTY
    assert str(refused.value) == (
        "本机的台账比县服务中心的少（可能是从旧备份恢复的）。"
        "请先到“同步”页点“从县服务中心恢复”，恢复前不能办理业务。"
    )
    assert counts(store) == before  # the parcel, its notice and its entry: none


def test_housekeeping_is_refused_too(store: Store, keeper: OperatorInfo) -> None:
    set_stop(store, ledger.BEHIND_COUNTY)
    with pytest.raises(ledger.BehindCounty), store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.IDLE_LOCK_MINUTES, value=9
        )


@pytest.mark.parametrize("code", [None, "offline", "fork"])
def test_other_states_write_as_usual(store: Store, keeper: OperatorInfo, code: str | None) -> None:
    set_stop(store, code)
    entries, parcels, _ = counts(store)
    with store.writing() as session:
        check_in(session, store.clock, actor=keeper, arrival=ARRIVAL)
    assert counts(store)[:2] == (entries + 1, parcels + 1)


def test_a_lifted_stop_lets_the_check_in_through(store: Store, keeper: OperatorInfo) -> None:
    set_stop(store, ledger.BEHIND_COUNTY)
    with pytest.raises(ledger.BehindCounty), store.writing() as session:
        check_in(session, store.clock, actor=keeper, arrival=ARRIVAL)
    set_stop(store, None)
    with store.writing() as session:
        result = check_in(session, store.clock, actor=keeper, arrival=ARRIVAL)
    assert result.parcel.tracking_number == ARRIVAL.tracking_number


def test_going_offline_while_behind_keeps_the_block(store: Store, keeper: OperatorInfo) -> None:
    """A failed retry used to overwrite the stop with "offline" and lift the block."""
    set_stop(store, ledger.BEHIND_COUNTY)
    offline = sync_client.SyncFailure("offline", "连不上县服务中心")
    report = sync_client._record_failure(store, offline, 0, None)
    assert report.outcome == "retry"
    with pytest.raises(UserError), store.writing() as session:
        check_in(session, store.clock, actor=keeper, arrival=ARRIVAL)
