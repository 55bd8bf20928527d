"""Fixtures shared by every test: an offscreen Qt, an injected clock, a fresh store."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station_app.core import first_run, operators
from station_app.core.clock import FixedClock
from station_app.core.db.models import Role, StationLevel
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store

KEEPER_LOGIN, KEEPER_NAME, KEEPER_PASSWORD = "wangjun", "王军", "liulin2026"
ASSISTANT_LOGIN, ASSISTANT_NAME, ASSISTANT_PASSWORD = "lixia", "李霞", "dianyuan01"
STATION_NAME = "柳林镇胡家庄村服务站"
DIVISION_CODE = "610305110201"
SETUP_FORM = first_run.SetupForm(
    station_name=STATION_NAME,
    level=StationLevel.VILLAGE,
    division_code=DIVISION_CODE,
    keeper_login=KEEPER_LOGIN,
    keeper_name=KEEPER_NAME,
    password=KEEPER_PASSWORD,
    password_again=KEEPER_PASSWORD,
)


@pytest.fixture
def clock() -> FixedClock:
    """10:00 Beijing time on a Monday."""
    return FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def _migrated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty store at the newest schema, made once: running every migration costs
    about half a second, which hundreds of tests would pay again and again."""
    folder = tmp_path_factory.mktemp("migrated") / "data"
    Store.open(folder, FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))).close()
    return folder


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock, _migrated_store: Path) -> Iterator[Store]:
    """A fresh store of its own for each test: a copy of the migrated empty one."""
    shutil.copytree(_migrated_store, tmp_path / "data")
    opened = Store.open(tmp_path / "data", clock)
    yield opened
    opened.close()


@pytest.fixture
def keeper(store: Store) -> OperatorInfo:
    return first_run.set_up(store, SETUP_FORM)


@pytest.fixture
def assistant(store: Store, keeper: OperatorInfo) -> OperatorInfo:
    with store.writing() as session:
        return operators.create(
            session,
            store.clock,
            actor=keeper,
            login=ASSISTANT_LOGIN,
            display_name=ASSISTANT_NAME,
            role=Role.ASSISTANT,
            password=ASSISTANT_PASSWORD,
        )


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id, with parameters cheap enough for hundreds of tests."""
    from argon2 import PasswordHasher

    from station_app.core import passwords

    monkeypatch.setattr(
        passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
