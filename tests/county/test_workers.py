"""``county-centre serve --workers 2``: several processes take one database's uploads,
on SQLite (one file, several writers) and PostgreSQL."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from county import ingest, stations
from county.db import migrate
from county.db.engine import WRITE_OPTIONS, WriteSessions, make_engine
from county.db.models import DailyTotal, LedgerEntry, Station
from sync.wire import BatchAck, EnrolRequest, LedgerBatch, LedgerHead
from tests.county.conftest import County, start_county, stop
from tests.county.helpers import Enrolled, SessionFactory, add_station, chain, enrol_new

STATIONS = 6
BATCHES = 5
PER_BATCH = 40


@dataclass(frozen=True)
class Served:
    county: County
    process: subprocess.Popen[bytes]

    def workers(self) -> set[int]:
        """The worker processes (multiprocessing also starts a resource tracker)."""
        return {
            child.pid
            for child in psutil.Process(self.process.pid).children()
            if any("spawn_main" in part for part in child.cmdline())
        }


def wait_for_workers(
    log: Path, process: subprocess.Popen[bytes], count: int, deadline_s: float
) -> None:
    """Until ``count`` workers have said they serve (a condition polled, not a fixed wait):
    the first to answer ``/healthz`` may be alone for a second while the others import."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if log.read_text(errors="replace").count("Application startup complete") >= count:
            return
        if process.poll() is not None:
            raise RuntimeError(f"county-centre exited with {process.returncode}")
        time.sleep(0.05)
    raise TimeoutError(f"{count} workers not up: {log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def two_workers(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    log = tmp_path_factory.mktemp("county-workers") / "county.log"
    process, running = start_county(
        database_url, log, "--workers", "2", "--rate", "1000", "--burst", "1000"
    )
    try:
        wait_for_workers(log, process, 2, 30)
        yield Served(running, process)
    finally:
        stop(process)


@pytest.fixture
def workers_db(two_workers: Served) -> Iterator[SessionFactory]:
    engine = make_engine(two_workers.county.database_url)
    yield lambda: Session(engine.execution_options(**WRITE_OPTIONS), expire_on_commit=False)
    engine.dispose()


def upload_chain(
    county: County,
    who: Enrolled,
    entries: list[dict[str, Any]],
    start: threading.Barrier,
    answers: list[requests.Response],
) -> None:
    """One station's batches in order, each on a new connection, so the two workers'
    accept loops share them out."""
    start.wait()
    for first in range(0, len(entries), PER_BATCH):
        part = entries[first : first + PER_BATCH]
        answers.append(
            requests.post(
                county.api("/ledger/batches"),
                json={"protocol": 1, "station_id": who.station_id, "entries": part},
                headers={**who.headers, "Connection": "close"},
                timeout=30,
            )
        )


def upload_all_at_once(
    county: County, who: list[Enrolled], ledgers: list[list[dict[str, Any]]]
) -> list[list[requests.Response]]:
    start = threading.Barrier(len(who))
    answers: list[list[requests.Response]] = [[] for _ in who]
    threads = [
        threading.Thread(target=upload_chain, args=(county, station, ledger, start, out))
        for station, ledger, out in zip(who, ledgers, answers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def stored_and_counted(county_db: SessionFactory, who: Enrolled) -> tuple[int, int]:
    """Rows in the ledger copy, and entries the projection counted."""
    with county_db() as session:
        station = session.scalars(select(Station).where(Station.code == who.station_code)).one()
        stored = session.scalar(
            select(func.count()).select_from(LedgerEntry).where(LedgerEntry.station == station.id)
        )
        counted = session.scalar(
            select(func.sum(DailyTotal.count)).where(DailyTotal.station == station.id)
        )
        return int(stored or 0), int(counted or 0)


def test_two_workers_take_concurrent_uploads_without_errors(
    two_workers: Served, workers_db: SessionFactory
):
    county = two_workers.county
    who = [enrol_new(county.api(""), workers_db) for _ in range(STATIONS)]
    ledgers = [chain(station.station_id, BATCHES * PER_BATCH) for station in who]
    pids = two_workers.workers()
    assert len(pids) == 2

    answers = upload_all_at_once(county, who, ledgers)

    for out in answers:
        assert [answer.status_code for answer in out] == [200] * BATCHES, [a.text for a in out]
        held = [BatchAck.model_validate_json(answer.text).held_through for answer in out]
        assert held == [PER_BATCH * n for n in range(1, BATCHES + 1)]
    for station, ledger in zip(who, ledgers, strict=True):
        answer = requests.get(county.api("/ledger/head"), headers=station.headers, timeout=10)
        head = LedgerHead.model_validate_json(answer.text)
        assert (head.held_through, head.last_hash) == (len(ledger), ledger[-1]["hash"])
        assert stored_and_counted(workers_db, station) == (len(ledger), len(ledger))
    assert two_workers.workers() == pids  # neither worker died and was replaced
    log = county.log.read_text(errors="replace")
    assert "database is locked" not in log
    assert "Traceback" not in log


def ingest_in_turn(
    database_url: str, caller: stations.Caller, bodies: list[str], start: Any
) -> None:
    """Another process's writer, the way a worker stores batches (spawned: a fresh
    interpreter, like uvicorn's workers)."""
    engine = make_engine(database_url)
    writing = WriteSessions(engine)
    start.wait()
    for body in bodies:
        batch = LedgerBatch.model_validate_json(body)
        checked = ingest.check_batch(caller, batch)
        with writing.begin() as session:
            ingest.store_batch(session, datetime.now(UTC), caller, batch, checked)
    engine.dispose()


def enrol_directly(county_db: SessionFactory, n: int) -> stations.Caller:
    issued = add_station(county_db, name=f"模拟站{n}")
    station_id = str(uuid.uuid4())
    request = EnrolRequest(
        code=issued.enrolment_code,
        station_id=station_id,
        install_id=str(uuid.uuid4()),
        app_version="test",
    )
    with county_db() as session, session.begin():
        enrolled = stations.enrol(session, datetime.now(UTC), request)
        return stations.Caller(enrolled.station.id, station_id)


def test_processes_writing_one_sqlite_file_take_turns(tmp_path: Path):
    """Two processes storing batch after batch into one file at the same moment: every
    transaction waits its turn, none fails with "database is locked" (what two deferred
    transactions get when both have read and both want to write)."""
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    factory = lambda: Session(engine.execution_options(**WRITE_OPTIONS))  # noqa: E731
    callers = [enrol_directly(factory, n) for n in range(2)]
    work = []
    for caller in callers:
        entries = chain(caller.station_id, 300)
        work.append(
            [
                json.dumps({"station_id": caller.station_id, "entries": entries[i : i + 10]})
                for i in range(0, len(entries), 10)
            ]
        )
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    processes = [
        context.Process(target=ingest_in_turn, args=(url, caller, bodies, start))
        for caller, bodies in zip(callers, work, strict=True)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)

    assert [process.exitcode for process in processes] == [0, 0]
    with Session(engine) as session:
        heads = [session.get_one(Station, caller.station).held_through for caller in callers]
    engine.dispose()
    assert heads == [300, 300]
