"""Parcels checked in the way the counter does it, with their arrival notice queued."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from station_app.core import preferences
from station_app.core.db.notification_models import Channel
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store

PHONE = "13812345678"
CheckIn = Callable[..., str]


@pytest.fixture
def hours(store: Store, keeper: OperatorInfo) -> str:
    with store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.OPENING_HOURS, value="07:30-21:00"
        )
    return "07:30-21:00"


@pytest.fixture
def checked_in(store: Store, keeper: OperatorInfo, hours: str) -> CheckIn:
    """Check a parcel in, which queues its notice in the same transaction; returns its uid."""
    counter = iter(range(1, 10_000))

    def make(phone: str = PHONE, channel: Channel = Channel.SMS, shelf: str = "3") -> str:
        arrival = Arrival(f"YT75{next(counter):011d}", "yto", shelf, 2, phone=phone)
        with store.writing() as session:
            result = check_in(session, store.clock, actor=keeper, arrival=arrival, notify=channel)
        return result.parcel.uid

    return make
