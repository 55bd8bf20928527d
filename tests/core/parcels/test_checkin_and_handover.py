"""Check-in and hand-over: one transaction each, with their ledger entries."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from station_app.core import ledger
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.parcels.checkin import Arrival, Outcome, check_in
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store

ARRIVAL = Arrival("YT7512345678901", "yto", "3", 2, phone="13812341234", recipient_name="张三")


def _check_in(store: Store, actor: OperatorInfo, arrival: Arrival = ARRIVAL, **kw):
    with store.writing() as session:
        return check_in(session, store.clock, actor=actor, arrival=arrival, **kw)


def _entries(store: Store, event_type: str) -> list[LedgerEntry]:
    with store.reading() as session:
        query = select(LedgerEntry).where(LedgerEntry.type == event_type)
        return list(session.scalars(query))


def test_a_scan_puts_the_parcel_on_the_shelf_with_a_code(store: Store, keeper: OperatorInfo):
    result = _check_in(store, keeper)
    assert result.outcome is Outcome.CHECKED_IN
    parcel = result.parcel
    assert parcel.pickup_code == "3-2-0001"
    assert parcel.phone_masked == "138****1234"
    assert parcel.status is ParcelStatus.ON_SHELF
    [entry] = _entries(store, "parcel.checked_in")
    assert entry.operator == keeper.login
    assert "13812341234" not in entry.payload
    assert "张三" not in entry.payload
    assert '"pickup_code":"3-2-0001"' in entry.payload


def test_serials_count_up_within_a_day_and_restart_the_next(
    store: Store, keeper: OperatorInfo, clock: FixedClock
):
    codes = [
        _check_in(
            store, keeper, dataclasses.replace(ARRIVAL, tracking_number=f"YT75123456789{i:02d}")
        ).parcel.pickup_code
        for i in range(3)
    ]
    assert codes == ["3-2-0001", "3-2-0002", "3-2-0003"]
    clock.advance(timedelta(days=1))
    again = _check_in(
        store, keeper, dataclasses.replace(ARRIVAL, tracking_number="ZT7000000000001")
    )
    assert again.parcel.pickup_code == "3-2-0004"  # 3-2-0001 is still on the shelf


def test_a_second_scan_creates_nothing_and_says_where_it_is(store: Store, keeper: OperatorInfo):
    first = _check_in(store, keeper)
    second = _check_in(
        store, keeper, dataclasses.replace(ARRIVAL, tracking_number=" yt7512345678901 ")
    )
    assert second.outcome is Outcome.ALREADY_ON_SHELF
    assert second.parcel.pickup_code == first.parcel.pickup_code
    assert len(_entries(store, "parcel.checked_in")) == 1


def test_a_parcel_that_left_is_flagged_and_only_readmitted_on_purpose(
    store: Store, keeper: OperatorInfo
):
    first = _check_in(store, keeper)
    with store.writing() as session:
        handover.hand_over(session, store.clock, actor=keeper, scans={first.parcel.uid: None})
    flagged = _check_in(store, keeper)
    assert flagged.outcome is Outcome.SEEN_BEFORE
    assert flagged.parcel.status is ParcelStatus.PICKED_UP
    assert len(_entries(store, "parcel.checked_in")) == 1
    again = _check_in(store, keeper, again=True)
    assert again.outcome is Outcome.CHECKED_IN
    assert again.parcel.uid != first.parcel.uid


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"tracking_number": "YT12"}, "太短"),
        ({"phone": "12345"}, "电话格式"),
        ({"shelf": "9"}, "没有编号"),
        ({"tier": 7}, "只有4层"),
    ],
)
def test_bad_input_writes_nothing(store: Store, keeper: OperatorInfo, change: dict, message: str):
    before = len(_entries(store, "parcel.checked_in"))
    with pytest.raises(ValidationError, match=message):
        _check_in(store, keeper, dataclasses.replace(ARRIVAL, **change))
    assert len(_entries(store, "parcel.checked_in")) == before
    with store.reading() as session:
        assert session.scalar(select(Parcel.id)) is None


def _find(store: Store, query: str) -> list[ParcelView]:
    with store.reading() as session:
        return handover.find(session, query)


def test_find_by_code_phone_tail_or_tracking_number(store: Store, keeper: OperatorInfo):
    parcel = _check_in(store, keeper).parcel
    _check_in(store, keeper, Arrival("JT0001234567890", "jt", "1", 1, phone="138****9999"))
    assert [p.uid for p in _find(store, "3-2-0001")] == [parcel.uid]
    assert [p.uid for p in _find(store, " 1234 ")] == [parcel.uid]
    assert [p.uid for p in _find(store, "yt7512345678901")] == [parcel.uid]
    assert _find(store, "0000") == []


def test_everything_waiting_for_the_same_phone_is_offered(store: Store, keeper: OperatorInfo):
    one = _check_in(store, keeper).parcel
    two = _check_in(
        store, keeper, dataclasses.replace(ARRIVAL, tracking_number="SF1234567890123")
    ).parcel
    _check_in(store, keeper, Arrival("JT0001234567890", "jt", "1", 1, phone="13900001111"))
    with store.reading() as session:
        waiting = handover.waiting_for_same_phone(session, one.uid)
    assert {p.uid for p in waiting} == {one.uid, two.uid}


def test_handing_over_several_at_once_with_scans(store: Store, keeper: OperatorInfo, assistant):
    one = _check_in(store, keeper).parcel
    two = _check_in(
        store, keeper, dataclasses.replace(ARRIVAL, tracking_number="SF1234567890123")
    ).parcel
    with store.writing() as session:
        handed = handover.hand_over(
            session,
            store.clock,
            actor=assistant,
            scans={one.uid: "YT7512345678901", two.uid: None},
        )
    assert {p.status for p in handed} == {ParcelStatus.PICKED_UP}
    entries = _entries(store, "parcel.picked_up")
    assert [e.operator for e in entries] == [assistant.login, assistant.login]
    assert ['"confirmed_by_scan":true' in e.payload for e in entries] == [True, False]
    with store.reading() as session:
        assert ledger.verify(session).ok


def test_a_mismatched_scan_refuses_the_whole_batch(store: Store, keeper: OperatorInfo):
    one = _check_in(store, keeper).parcel
    two = _check_in(
        store, keeper, dataclasses.replace(ARRIVAL, tracking_number="SF1234567890123")
    ).parcel
    with pytest.raises(ValidationError, match="不一致"), store.writing() as session:
        handover.hand_over(
            session, store.clock, actor=keeper, scans={one.uid: None, two.uid: "SF0000000000000"}
        )
    assert {p.status for p in _find(store, "1234")} == {ParcelStatus.ON_SHELF}
    assert _entries(store, "parcel.picked_up") == []


def test_a_parcel_already_handed_over_says_when_and_by_whom(
    store: Store, keeper: OperatorInfo, clock: FixedClock
):
    parcel = _check_in(store, keeper).parcel
    with store.writing() as session:
        handover.hand_over(session, store.clock, actor=keeper, scans={parcel.uid: None})
    with (
        pytest.raises(ValidationError, match="已于2026-11-23 10:00由wangjun办理取件"),
        store.writing() as session,
    ):
        handover.hand_over(session, store.clock, actor=keeper, scans={parcel.uid: None})
    assert len(_entries(store, "parcel.picked_up")) == 1
