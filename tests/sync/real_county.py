"""A real county-centre process (SQLite) for the station's download and relay tests,
started the way ``tests/county`` starts it, and stations enrolled the way the app does.

Function-scoped: reference sets are county-wide and a village's manifests are addressed
by division code, so each test gets a county of its own (about a second to start).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from station_app.core.store import Store
from sync import client as sync_client
from sync.client import CountyClient
from tests.county.conftest import County, county_command, start_county, stop
from tests.county.helpers import add_station

SessionFactory = Callable[[], Session]
QUICK = (5.0, 10.0)


@pytest.fixture(name="real_county")
def real_county_fixture(tmp_path: Path) -> Iterator[County]:
    folder = tmp_path / "county"
    folder.mkdir()
    process, running = start_county(
        f"sqlite:///{folder / 'county.sqlite3'}", folder / "county.log", "--rate", "1000"
    )
    try:
        yield running
    finally:
        stop(process)


@pytest.fixture(name="real_county_db")
def real_county_db_fixture(real_county: County) -> Iterator[SessionFactory]:
    """The county's database, for what staff tools would do."""
    from county.db.engine import WRITE_OPTIONS, make_engine

    engine = make_engine(real_county.database_url)
    yield lambda: Session(engine.execution_options(**WRITE_OPTIONS), expire_on_commit=False)
    engine.dispose()


def enrol_station(
    store: Store,
    county: County,
    county_db: SessionFactory,
    *,
    name: str,
    level: str,
    division_code: str,
    township: str = "柳林镇",
) -> CountyClient:
    """Staff add the station, the station enrols with the code: its client."""
    issued = add_station(
        county_db, name=name, level=level, division_code=division_code, township=township
    )
    sync_client.enrol(store, county.url, issued.enrolment_code)
    made = sync_client.client_for(store, timeout=QUICK)
    assert made is not None
    return made


def publish(county: County, folder: Path, kind: str, data: Any, *extra: str) -> None:
    """``county-centre reference publish`` as staff run it; it must succeed."""
    folder.mkdir(exist_ok=True)
    path = folder / f"{kind}-{len(list(folder.iterdir()))}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        county_command(
            "--database-url", county.database_url, "reference", "publish", kind, str(path), *extra
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def publish_unchecked(county_db: SessionFactory, kind: str, data: dict[str, Any]) -> int:
    """A set the county's own check would refuse, stored as an older county (or a bug in
    its check) would: what the station's parser must catch."""
    from county import reference

    with county_db() as session, session.begin():
        return reference.publish(session, datetime.now(UTC), kind, data).version


@dataclass(frozen=True)
class Staff:
    """What county staff do to a running county: publish sets, add stations."""

    county: County
    db: SessionFactory
    folder: Path

    def publish(self, kind: str, data: Any, *extra: str) -> None:
        publish(self.county, self.folder, kind, data, *extra)

    def publish_unchecked(self, kind: str, data: dict[str, Any]) -> int:
        return publish_unchecked(self.db, kind, data)

    def enrol(self, store: Store, **station: str) -> CountyClient:
        return enrol_station(store, self.county, self.db, **station)


@pytest.fixture(name="staff")
def staff_fixture(real_county: County, real_county_db: SessionFactory, tmp_path: Path) -> Staff:
    return Staff(real_county, real_county_db, tmp_path / "published")
