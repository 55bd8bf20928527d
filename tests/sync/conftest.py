"""Sync tests: a fake county centre on loopback and a set-up station with a ledger."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from station_app.core import ledger
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.sync.fake_county import FakeCounty


@pytest.fixture
def county() -> Iterator[FakeCounty]:
    fake = FakeCounty().start()
    yield fake
    fake.stop()


def write_entries(store: Store, operator: OperatorInfo, count: int) -> None:
    """``count`` more ledger entries (in one transaction: quick, and the chain is the same)."""
    with store.writing() as session:
        for i in range(count):
            ledger.append(
                session,
                store.clock,
                operator=operator.login,
                event_type="preference.changed",
                payload={"key": "idle_lock_minutes", "value": str(i % 60)},
            )
