"""Two real stores, as on two PCs: a township (乡镇中转站) and the village it serves,
with a route table of two villages on one route and a second route."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from station_app.core import first_run
from station_app.core.clock import FixedClock
from station_app.core.db.models import StationLevel
from station_app.core.manifests import routes
from station_app.core.manifests.routes import Stop
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.conftest import SETUP_FORM

TOWNSHIP_CODE = "610305110000"
HUJIA = Stop("胡家庄村", "610305110201")  # the village store of these tests
LIJIA = Stop("李家沟村", "610305110202")  # its neighbour on the same route
ZHAO = Stop("赵家塬村", "610305110301")  # on the other route


@dataclass
class Station:
    store: Store
    keeper: OperatorInfo
    clock: FixedClock

    def write(self):  # a small helper so tests read like the work
        return self.store.writing()

    def read(self):
        return self.store.reading()


def _station(folder: Path, clock: FixedClock, form: first_run.SetupForm) -> Iterator[Station]:
    store = Store.open(folder, clock)
    keeper = first_run.set_up(store, form)
    yield Station(store, keeper, clock)
    store.close()


@pytest.fixture
def township(tmp_path: Path, clock: FixedClock) -> Iterator[Station]:
    form = dataclasses.replace(
        SETUP_FORM,
        station_name="柳林镇中转站",
        level=StationLevel.TOWNSHIP,
        division_code=TOWNSHIP_CODE,
    )
    yield from _station(tmp_path / "township", clock, form)


@pytest.fixture
def village(tmp_path: Path, clock: FixedClock) -> Iterator[Station]:
    form = dataclasses.replace(
        SETUP_FORM, station_name="胡家庄村服务站", division_code=HUJIA.division_code
    )
    yield from _station(tmp_path / "village", clock, form)


@pytest.fixture
def routed(township: Station) -> Station:
    """The township with its route table: R01 北线 (胡家庄, 李家沟), R02 南线 (赵家塬)."""
    with township.write() as session:
        routes.save_route(
            session,
            township.clock,
            actor=township.keeper,
            code="R01",
            name="北线",
            stops=[HUJIA, LIJIA],
        )
        routes.save_route(
            session, township.clock, actor=township.keeper, code="R02", name="南线", stops=[ZHAO]
        )
    return township
