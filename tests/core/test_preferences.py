from __future__ import annotations

import pytest
from sqlalchemy import select

from station_app.core import preferences
from station_app.core.db.models import LedgerEntry
from station_app.core.errors import ValidationError
from station_app.core.store import Store


def test_defaults_until_changed_then_recorded(store: Store, keeper):
    with store.reading() as session:
        assert preferences.get(session, preferences.IDLE_LOCK_MINUTES) == 10
        assert preferences.get(session, preferences.SOUNDS_ENABLED) is True
    with store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.SOUNDS_ENABLED, value=False
        )
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.SOUNDS_ENABLED, value=False
        )
    with store.reading() as session:
        assert preferences.get(session, preferences.SOUNDS_ENABLED) is False
        changes = list(
            session.scalars(
                select(LedgerEntry.payload).where(LedgerEntry.type == "preference.changed")
            )
        )
    assert changes == ['{"key":"sounds_enabled","value":"0"}']  # an unchanged value is no entry


@pytest.mark.parametrize("hours", ["8:00-20:00", "20:00-08:00", "08:00-24:00", "08:00~20:00", ""])
def test_opening_hours_must_make_sense(store: Store, keeper, hours: str):
    with pytest.raises(ValidationError, match="营业时间"), store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.OPENING_HOURS, value=hours
        )


def test_out_of_range_values_are_refused(store: Store, keeper):
    with pytest.raises(ValidationError, match="0到240"), store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.IDLE_LOCK_MINUTES, value=-5
        )
