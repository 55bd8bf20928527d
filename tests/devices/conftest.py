"""Device tests: python-escpos caches its printer database in a folder of the test run's."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

_ESCPOS_CACHE = "ESCPOS_CAPABILITIES_PICKLE_DIR"


@pytest.fixture(scope="session", autouse=True)
def _escpos_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Read by python-escpos when it is first imported; without it the receipt module
    would use the user's cache folder (tests leave the home folder alone)."""
    before = os.environ.get(_ESCPOS_CACHE)
    os.environ[_ESCPOS_CACHE] = str(tmp_path_factory.mktemp("escpos"))
    yield
    if before is None:
        os.environ.pop(_ESCPOS_CACHE, None)
    else:
        os.environ[_ESCPOS_CACHE] = before
