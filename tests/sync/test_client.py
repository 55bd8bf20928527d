"""The station's upload path against a county centre on loopback HTTP."""

from __future__ import annotations

import logging
import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.sync_models import SyncAttempt, SyncState
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from sync import client as sync_client
from sync import schedule, state
from sync.client import CountyClient, SyncFailure, enrol, upload_pending
from sync.wire import MAX_BATCH_ENTRIES, ErrorCode
from tests.sync.conftest import write_entries
from tests.sync.fake_county import MESSAGES, FakeCounty

QUICK = (2.0, 0.5)
"""Client timeouts for the tests: a ``slow`` county (1 s) times out."""


def _local_last(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.max(LedgerEntry.seq))) or 0


def _enrolled(store: Store, county: FakeCounty) -> CountyClient:
    enrol(store, county.url, county.issue_code())
    made = sync_client.client_for(store, timeout=QUICK)
    assert made is not None
    return made


@pytest.fixture
def station(store: Store, keeper: OperatorInfo, county: FakeCounty) -> CountyClient:
    """An enrolled station (its first-run entries not yet uploaded) and its client."""
    made = _enrolled(store, county)
    yield made
    made.close()


def _row(store: Store) -> SyncState:
    with store.reading() as session:
        row = state.row(session)
        assert row is not None
        return row


# --- enrolment -------------------------------------------------------------------------


def test_enrolment_keeps_the_credential_locally(store: Store, keeper: OperatorInfo, county):
    status = enrol(store, county.url + "/", county.issue_code("LL-007"))
    assert status.enrolled
    assert status.county_station_code == "LL-007"
    assert status.pending == _local_last(store) > 0
    row = _row(store)
    station = county.station(state.station_ids_of(store)[0])
    assert row.credential == station.credential
    assert row.uploaded_through == 0
    assert row.clock_skew_seconds is not None
    assert abs(row.clock_skew_seconds) > 0  # the test clock is fixed in 2026
    with store.reading() as session:
        payloads = " ".join(session.scalars(select(LedgerEntry.payload)))
    assert row.credential not in payloads


def test_a_used_enrolment_code_is_refused_in_chinese(store: Store, keeper, county):
    code = county.issue_code()
    enrol(store, county.url, code)
    with pytest.raises(SyncFailure) as refused:
        enrol(store, county.url, code)
    assert refused.value.code == ErrorCode.ENROLMENT_CODE_INVALID
    assert refused.value.message_zh == MESSAGES[ErrorCode.ENROLMENT_CODE_INVALID]


def test_enrolment_checks_address_and_code_before_asking(store: Store, keeper, county):
    with pytest.raises(ValidationError):
        enrol(store, "county.example", county.issue_code())
    with pytest.raises(ValidationError):
        enrol(store, county.url, "12")
    assert county.seen == []


def test_an_unreachable_county_at_enrolment_says_so(store: Store, keeper, county):
    url = county.url
    county.stop()
    with pytest.raises(SyncFailure) as failed:
        enrol(store, url, "abcdef12")
    assert failed.value.code == sync_client.OFFLINE


# --- upload ----------------------------------------------------------------------------


def test_uploads_in_batches_and_moves_to_held_through(
    store: Store, keeper: OperatorInfo, county: FakeCounty, station: CountyClient
):
    write_entries(store, keeper, 1100)
    total = _local_last(store)
    report = upload_pending(store, station)
    assert (report.outcome, report.sent) == ("ok", total)
    sizes = [seen.entries for seen in county.batches()]
    assert sizes == [MAX_BATCH_ENTRIES, MAX_BATCH_ENTRIES, total - 2 * MAX_BATCH_ENTRIES]
    assert all(seen.headers["Content-Encoding"] == "gzip" for seen in county.batches())
    held = county.station(station_id(store))
    assert held.held_through == total
    assert [entry["seq"] for entry in held.entries] == list(range(1, total + 1))
    status = state.status(store)
    assert (status.uploaded_through, status.pending) == (total, 0)
    assert status.last_success_at == store.clock.now()
    assert status.consecutive_failures == 0


def test_a_second_run_sends_nothing(store: Store, keeper, county, station):
    upload_pending(store, station)
    before = len(county.batches())
    report = upload_pending(store, station)
    assert (report.outcome, report.sent) == ("ok", 0)
    assert len(county.batches()) == before


def test_new_entries_go_after_the_acknowledged_ones(store: Store, keeper, county, station):
    upload_pending(store, station)
    write_entries(store, keeper, 3)
    report = upload_pending(store, station)
    assert report.sent == 3
    assert county.station(station_id(store)).held_through == _local_last(store)


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        ("drop", sync_client.OFFLINE),
        ("500", sync_client.SERVER_ERROR),
        ("slow", sync_client.TIMEOUT),
        ("portal", sync_client.BAD_RESPONSE),
    ],
)
def test_a_failed_request_changes_nothing_and_retries_later(
    store: Store, county: FakeCounty, station, fault: str, code: str
):
    county.faults.append(fault)
    report = upload_pending(store, station, rng=random.Random(1))
    assert (report.outcome, report.error_code) == ("retry", code)
    row = _row(store)
    assert row.uploaded_through == 0
    assert row.consecutive_failures == 1
    assert row.next_attempt_at is not None
    assert row.next_attempt_at > store.clock.now()
    assert row.halted == 0
    assert state.status(store).offline
    retry = upload_pending(store, station)  # the county is back (a slow one had stored it)
    assert retry.outcome == "ok"
    assert county.station(station_id(store)).held_through == _local_last(store)
    assert _row(store).consecutive_failures == 0


def test_back_off_grows_with_each_failure_up_to_the_cap(
    store: Store, keeper, county: FakeCounty, station, clock: FixedClock
):
    waits = []
    for _ in range(9):
        county.faults.append("drop")
        upload_pending(store, station, rng=random.Random(7))
        row = _row(store)
        assert row.next_attempt_at is not None
        waits.append(row.next_attempt_at - clock.now())
        clock.advance(waits[-1])
    assert waits == sorted(waits)
    assert waits[0] <= schedule.FIRST_RETRY
    assert waits[-1] <= schedule.RETRY_CAP
    assert waits[-1] >= schedule.RETRY_CAP / 2
    assert _row(store).uploaded_through == 0


def test_rate_limited_waits_at_least_what_the_county_asks(
    store: Store, keeper, county: FakeCounty, station, clock: FixedClock
):
    county.faults.append("429")
    report = upload_pending(store, station)
    assert report.error_code == ErrorCode.RATE_LIMITED
    row = _row(store)
    assert row.next_attempt_at is not None
    assert row.next_attempt_at - clock.now() >= timedelta(seconds=county.retry_after)
    assert row.halted == 0


def test_a_revoked_credential_stops_and_says_why(store: Store, keeper, county, station):
    county.station(station_id(store)).revoked = True
    report = upload_pending(store, station)
    assert (report.outcome, report.error_code) == ("halted", ErrorCode.REVOKED)
    status = state.status(store)
    assert status.halted
    assert status.error_message == MESSAGES[ErrorCode.REVOKED]
    assert sync_client.action_for(status.error_code or "") is sync_client.Action.REENROL
    assert status.pending == _local_last(store)  # nothing local is hidden or wiped
    before = len(county.seen)
    assert upload_pending(store, station).outcome == "halted"  # no knocking until re-enrolled
    assert len(county.seen) == before
    enrol(store, county.url, county.issue_code())
    assert not state.status(store).halted
    fresh = sync_client.client_for(store)
    assert fresh is not None
    assert upload_pending(store, fresh).outcome == "ok"
    fresh.close()


def test_a_fork_stops_and_asks_to_call_the_county(store: Store, keeper, county, station):
    upload_pending(store, station)
    county.station(station_id(store)).entries[0]["hash"] = "0" * 64
    with store.writing() as session:
        session.execute(update(SyncState).values(uploaded_through=0))
    report = upload_pending(store, station)
    assert (report.outcome, report.error_code) == ("halted", ErrorCode.FORK)
    assert sync_client.action_for(ErrorCode.FORK) is sync_client.Action.CALL_COUNTY
    with store.reading() as session:
        last = state.history(session)[0]
    assert (last.outcome, last.error_code) == ("halted", "fork")


def test_a_county_restored_from_backup_gets_the_lost_entries_again(
    store: Store, keeper, county, station
):
    write_entries(store, keeper, 20)
    upload_pending(store, station)
    held = county.station(station_id(store))
    del held.entries[5:]  # the county lost what it had acknowledged
    write_entries(store, keeper, 2)
    report = upload_pending(store, station)
    assert report.outcome == "ok"
    assert held.held_through == _local_last(store)


def test_a_station_behind_the_county_stops(store: Store, keeper, county, station):
    upload_pending(store, station)
    held = county.station(station_id(store))
    held.entries.append({**held.entries[-1], "seq": held.held_through + 1})
    with store.writing() as session:
        session.execute(update(SyncState).values(uploaded_through=0))
    report = upload_pending(store, station)
    assert (report.outcome, report.error_code) == ("halted", sync_client.BEHIND_COUNTY)


def test_a_too_large_batch_is_sent_in_smaller_ones(store: Store, keeper, county, station):
    write_entries(store, keeper, 300)
    county.max_entries_per_batch = 100
    report = upload_pending(store, station)
    assert report.outcome == "ok"
    assert county.station(station_id(store)).held_through == _local_last(store)


def test_max_batches_leaves_the_rest_for_the_next_run(store: Store, keeper, county, station):
    write_entries(store, keeper, MAX_BATCH_ENTRIES + 5)
    assert upload_pending(store, station, max_batches=1).sent == MAX_BATCH_ENTRIES
    assert state.status(store).pending > 0
    upload_pending(store, station)
    assert state.status(store).pending == 0


def test_the_credential_never_reaches_a_log(
    store: Store, keeper, county: FakeCounty, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    made = _enrolled(store, county)
    credential = _row(store).credential
    upload_pending(store, made)
    county.faults.extend(["drop", "500"])
    write_entries(store, keeper, 1)
    upload_pending(store, made)
    upload_pending(store, made)
    county.station(station_id(store)).revoked = True
    upload_pending(store, made, force=True)
    made.close()
    assert caplog.records  # the run did log
    assert credential not in caplog.text
    assert credential not in repr(made)
    assert credential not in repr(state.enrolment(store))
    with store.reading() as session:
        texts = [str(a.error_message) for a in session.scalars(select(SyncAttempt))]
    assert all(credential not in text for text in texts)


def test_the_next_run_comes_from_the_store_after_a_restart(
    store: Store, keeper, county: FakeCounty, station, clock: FixedClock
):
    county.faults.append("drop")
    upload_pending(store, station)
    due = _row(store).next_attempt_at
    assert due is not None
    data_dir = store.data_dir
    store.close()
    reopened = Store.open(data_dir, clock)
    try:
        status = state.status(reopened)
        assert status.next_attempt_at == due
        now = clock.now()
        assert not schedule.should_run(status, now, poked=False, forced=False)
        assert not schedule.should_run(status, now, poked=True, forced=False)  # backing off
        assert schedule.should_run(status, now, poked=False, forced=True)
        assert schedule.should_run(status, due, poked=False, forced=False)
        # The clock set back a week: the run still comes within the longest wait.
        back = now - timedelta(days=7)
        assert schedule.due_at(status.next_attempt_at, back) <= back + schedule.LONGEST_WAIT
        assert upload_pending(reopened, station).outcome == "ok"
        healthy = state.status(reopened)
        assert healthy.next_attempt_at == clock.now() + schedule.PERIOD
        write_entries(reopened, keeper, 1)
        assert schedule.should_run(state.status(reopened), now, poked=True, forced=False)
    finally:
        reopened.close()


def test_history_keeps_only_the_newest_attempts(
    store: Store, keeper, county, station, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(state, "HISTORY_KEEP", 4)
    for _ in range(7):
        upload_pending(store, station)
    with store.reading() as session:
        rows = state.history(session)
        count = session.scalar(select(func.count()).select_from(SyncAttempt))
    assert count == 4
    assert [row.outcome for row in rows] == ["ok"] * 4
    assert rows[-1].entries_sent == 0


def station_id(store: Store) -> str:
    return state.station_ids_of(store)[0]
