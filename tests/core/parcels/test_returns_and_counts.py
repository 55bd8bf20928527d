"""Overdue parcels, returns to the courier, and the day's counts."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from station_app.core.clock import FixedClock, business_day
from station_app.core.db.models import LedgerEntry, ParcelStatus
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover, returns, stats
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store

ARRIVAL = Arrival("YT7512345678901", "yto", "1", 1, phone="13812341234")


def _check_in(store: Store, actor: OperatorInfo, tracking: str, courier: str = "yto"):
    arrival = dataclasses.replace(ARRIVAL, tracking_number=tracking, courier=courier)
    with store.writing() as session:
        return check_in(session, store.clock, actor=actor, arrival=arrival).parcel


def test_overdue_lists_what_waited_too_long_oldest_first(
    store: Store, keeper: OperatorInfo, clock: FixedClock
):
    old = _check_in(store, keeper, "YT0000000000001")
    clock.advance(timedelta(days=1))
    older_than_two = _check_in(store, keeper, "YT0000000000002")
    clock.advance(timedelta(days=2, hours=1))
    _check_in(store, keeper, "YT0000000000003")
    with store.reading() as session:
        listed = returns.overdue(session, clock.now(), days=2)
    assert [p.uid for p in listed] == [old.uid, older_than_two.uid]


def test_a_return_is_an_entry_and_takes_the_parcel_off_the_shelf(
    store: Store, assistant: OperatorInfo
):
    parcel = _check_in(store, assistant, "YT0000000000001")
    with store.writing() as session:
        returned = returns.return_to_courier(
            session, store.clock, actor=assistant, parcel_uid=parcel.uid, reason="refused"
        )
    assert returned.status is ParcelStatus.RETURNED
    with store.reading() as session:
        entry = session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == "parcel.returned")
        ).one()
        assert handover.find(session, parcel.pickup_code) == []
    assert '"reason":"refused"' in entry.payload
    with pytest.raises(ValidationError, match="已退回"), store.writing() as session:
        handover.hand_over(session, store.clock, actor=assistant, scans={parcel.uid: None})


@pytest.mark.parametrize(
    ("reason", "note", "message"),
    [("lost-in-space", "", "退件原因"), ("other", " ", "写明情况")],
)
def test_a_return_needs_a_known_reason(
    store: Store, keeper: OperatorInfo, reason: str, note: str, message: str
):
    parcel = _check_in(store, keeper, "YT0000000000001")
    with pytest.raises(ValidationError, match=message), store.writing() as session:
        returns.return_to_courier(
            session, store.clock, actor=keeper, parcel_uid=parcel.uid, reason=reason, note=note
        )


def test_day_counts_by_courier(store: Store, keeper: OperatorInfo, clock: FixedClock):
    yesterday = _check_in(store, keeper, "YT0000000000001")
    clock.advance(timedelta(days=1))
    today = business_day(clock.now())
    _check_in(store, keeper, "ZT7000000000001", courier="zto")
    picked = _check_in(store, keeper, "ZT7000000000002", courier="zto")
    with store.writing() as session:
        handover.hand_over(
            session, store.clock, actor=keeper, scans={picked.uid: None, yesterday.uid: None}
        )
    with store.reading() as session:
        counts = stats.day_counts(session, today, clock.now(), overdue_days=3)
    assert (counts.checked_in, counts.picked_up, counts.waiting, counts.overdue) == (2, 2, 1, 0)
    assert dict(counts.by_courier["zto"]) == {"in": 2, "out": 1, "waiting": 1}
    assert dict(counts.by_courier["yto"]) == {"out": 1}
