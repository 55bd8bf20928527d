"""The county service as a real uvicorn process on loopback, on SQLite and PostgreSQL.

PostgreSQL runs get a fresh schema per module (dropped afterwards), so parallel or
repeated runs never see each other's rows. Where the server is unreachable the
PostgreSQL cases skip with the reason, except under CI, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from tests.county.helpers import Enrolled, SessionFactory, enrol_new

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_serving(url: str, process: subprocess.Popen[bytes], deadline_s: float) -> None:
    """Poll until the server answers (a condition, not a fixed sleep) or give up."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"county-centre exited early with {process.returncode}")
        try:
            requests.get(url, timeout=0.5)
            return
        except requests.ConnectionError:
            time.sleep(0.05)
    raise TimeoutError(url)


def county_command(*args: str) -> list[str]:
    executable = shutil.which("county-centre", path=str(Path(sys.executable).parent))
    return ([executable] if executable else [sys.executable, "-m", "county.cli"]) + list(args)


@dataclass(frozen=True)
class County:
    url: str
    database_url: str
    log: Path

    def api(self, path: str) -> str:
        return f"{self.url}/api/v1{path}"


def postgres_reachable() -> str | None:
    """None when the server answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=3
        ):
            return None
    except Exception as error:  # any failure to connect is a reason to skip
        return f"PostgreSQL on 127.0.0.1:5432 unreachable: {type(error).__name__}: {error}"


def fresh_postgres_schema() -> Iterator[str]:
    reason = postgres_reachable()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: PostgreSQL tests must run)")
        pytest.skip(reason)
    import psycopg

    schema = f"county_test_{uuid.uuid4().hex[:12]}"
    dsn = "host=127.0.0.1 port=5432 user=postgres dbname=test"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("county-data")
        yield f"sqlite:///{folder / 'county.sqlite3'}"
    else:
        yield from fresh_postgres_schema()


def start_county(
    database_url: str, log_path: Path, *extra: str
) -> tuple[subprocess.Popen[bytes], County]:
    port = free_port()
    command = county_command(
        "--database-url", database_url, "--port", str(port), "--log-level", "info", *extra
    )
    log = open(log_path, "wb")  # noqa: SIM115 - closed with the process below
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{url}/healthz", process, 30)
    except BaseException:
        process.terminate()
        process.wait(timeout=10)
        raise
    return process, County(url, database_url, log_path)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def county(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    """One server per backend and module; every test makes its own stations."""
    log = tmp_path_factory.mktemp("county-log") / "county.log"
    process, running = start_county(database_url, log, "--rate", "1000", "--burst", "1000")
    try:
        yield running
    finally:
        stop(process)


@pytest.fixture(scope="module")
def county_db(county: County):
    """The county's database opened from the test, for what staff tools would do."""
    from sqlalchemy.orm import Session

    from county.db.engine import WRITE_OPTIONS, make_engine

    engine = make_engine(county.database_url)
    yield lambda: Session(engine.execution_options(**WRITE_OPTIONS), expire_on_commit=False)
    engine.dispose()


def now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def enrolled(county: County, county_db: SessionFactory) -> Enrolled:
    """A village station, enrolled, with nothing uploaded yet."""
    return enrol_new(county.api(""), county_db)
