"""UI tests share the fixtures of ``tests/conftest.py``; ``set_up_store`` is a store with
its station, a keeper and one assistant."""

from __future__ import annotations

import pytest

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.conftest import (
    ASSISTANT_LOGIN,
    ASSISTANT_NAME,
    ASSISTANT_PASSWORD,
    DIVISION_CODE,
    KEEPER_LOGIN,
    KEEPER_NAME,
    KEEPER_PASSWORD,
    STATION_NAME,
)

__all__ = [
    "ASSISTANT_LOGIN",
    "ASSISTANT_NAME",
    "ASSISTANT_PASSWORD",
    "DIVISION_CODE",
    "KEEPER_LOGIN",
    "KEEPER_NAME",
    "KEEPER_PASSWORD",
    "STATION_NAME",
]


@pytest.fixture
def set_up_store(store: Store, keeper: OperatorInfo, assistant: OperatorInfo) -> Store:
    return store
