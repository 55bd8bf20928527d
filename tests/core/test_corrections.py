"""Voids: new entries naming the original, by keepers only, with a reason, once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from station_app.core import corrections, ledger, preferences
from station_app.core.db.models import LedgerEntry
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store


@pytest.fixture
def original(store: Store, keeper: OperatorInfo) -> LedgerEntry:
    with store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=keeper, pref=preferences.IDLE_LOCK_MINUTES, value=3
        )
    with store.reading() as session:
        return ledger.recent(session, 1)[0]


def _entries(store: Store) -> list[LedgerEntry]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq)))


def test_a_void_is_a_new_entry_naming_the_original(
    store: Store, keeper: OperatorInfo, original: LedgerEntry
):
    with store.writing() as session:
        corrections.void(
            session, store.clock, actor=keeper, entry_id=original.entry_id, reason="录错了"
        )
    entries = _entries(store)
    assert (entries[-1].type, entries[-1].operator) == ("entry.voided", keeper.login)
    assert entries[-1].corrects == original.entry_id
    assert entries[-2].hash == original.hash  # the original is untouched
    with store.reading() as session:
        assert ledger.verify(session).ok


def test_voiding_twice_is_refused(store: Store, keeper: OperatorInfo, original: LedgerEntry):
    with store.writing() as session:
        corrections.void(
            session, store.clock, actor=keeper, entry_id=original.entry_id, reason="录错了"
        )
    with pytest.raises(ValidationError, match="已经作废"), store.writing() as session:
        corrections.void(
            session, store.clock, actor=keeper, entry_id=original.entry_id, reason="再来"
        )
    assert len(_entries(store)) == 4


def test_an_assistant_cannot_void(store: Store, assistant: OperatorInfo, original: LedgerEntry):
    before = _entries(store)
    with pytest.raises(PermissionDenied, match="作废记录"), store.writing() as session:
        corrections.void(
            session, store.clock, actor=assistant, entry_id=original.entry_id, reason="错了"
        )
    assert [e.hash for e in _entries(store)] == [e.hash for e in before]


def test_a_void_needs_a_reason_and_an_existing_entry(store: Store, keeper: OperatorInfo):
    before = len(_entries(store))
    with pytest.raises(ValidationError, match="原因"), store.writing() as session:
        corrections.void(session, store.clock, actor=keeper, entry_id="x", reason="  ")
    with pytest.raises(ValidationError, match="不存在"), store.writing() as session:
        corrections.void(session, store.clock, actor=keeper, entry_id="nope", reason="错")
    assert len(_entries(store)) == before
