"""A 100k-entry backlog uploaded to a real county process, against a raw bulk insert.

For SQLite and PostgreSQL in turn: a county-centre process on loopback (fresh database
or schema), one enrolled station, the backlog posted in ``MAX_BATCH_ENTRIES`` batches
over one keep-alive connection, the bodies serialised before the clock starts (that is
the station's cost, not the county's). Next to it, the same rows inserted into a fresh
copy of the county's own ``ledger_entries`` table the way the county inserts them
(``county.ingest.insert_rows``: Core executemany on SQLite, COPY on PostgreSQL), one
transaction per ``MAX_BATCH_ENTRIES`` rows: the same commits and fsyncs, without HTTP,
parsing, hashing, schema checks, locking or projections.
Goal: ≤ 60 s, ≥ 50% of raw. Also reported: the county process's CPU time per entry,
which other load on the machine disturbs less than the wall time.

    .venv/bin/python -m benchmarks.bench_county_ingest [--count 100000] [--skip-postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy.orm import Session

from county import ingest, stations
from county.db import migrate
from county.db.engine import WRITE_OPTIONS, make_engine
from county.db.models import Station
from sync.protocol import entry_hash
from sync.wire import MAX_BATCH_ENTRIES
from tests.county.conftest import fresh_postgres_schema, start_county, stop

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


def backlog(station_id: str, count: int) -> list[dict[str, Any]]:
    """A week offline: mostly check-ins and pick-ups, a shipment now and then."""
    entries: list[dict[str, Any]] = []
    prev: str | None = None
    for seq in range(1, count + 1):
        day = f"2026-11-{16 + seq * 7 // count:02d}"
        parcel = str(uuid.uuid4())
        if seq % 10 == 0:
            kind, payload = "shipment.accepted", {
                "shipment": parcel, "courier": "yto", "province": "陕西", "city": "宝鸡",
                "weight_g": 1200, "billable_g": 2000, "fee_fen": 1200,
                "payment_method": "wechat", "zone": 1, "tariff_version": 1,
            }  # fmt: skip
        elif seq % 2 == 0:
            kind, payload = (
                "parcel.picked_up",
                {"parcel": parcel, "tracking_number": f"YT{seq:013d}", "confirmed_by_scan": True},
            )
        else:
            kind, payload = "parcel.checked_in", {
                "parcel": parcel, "tracking_number": f"YT{seq:013d}", "courier": "yto",
                "pickup_code": f"1-1-{seq % 10000:04d}",
            }  # fmt: skip
        entry: dict[str, Any] = {
            "entry_id": str(uuid.uuid4()), "station_id": station_id, "seq": seq, "type": kind,
            "schema_version": 1, "occurred_at": f"{day}T02:00:00.000000Z", "business_day": day,
            "operator": "wangjun", "payload": payload, "corrects": None, "prev_hash": prev,
        }  # fmt: skip
        entry["hash"] = prev = entry_hash(entry)
        entries.append(entry)
    return entries


def batches(entries: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(entries), MAX_BATCH_ENTRIES):
        yield entries[start : start + MAX_BATCH_ENTRIES]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its live children, i.e. the workers
    (Linux), 0 where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def upload(database_url: str, entries: list[dict[str, Any]], log: Path) -> tuple[float, float]:
    """Wall time and the county's CPU time for the whole upload."""
    process, county = start_county(database_url, log, "--log-level", "warning", "--rate", "1e6")
    try:
        engine = make_engine(database_url)
        with Session(engine.execution_options(**WRITE_OPTIONS)) as session, session.begin():
            issued = stations.add_station(
                session, datetime.now(UTC), name="基准站", level="village",
                division_code="610305110201", township="柳林镇",
            )  # fmt: skip
        engine.dispose()
        station_id = entries[0]["station_id"]
        enrolled = requests.post(
            county.api("/enrol"),
            json={"protocol": 1, "code": issued.enrolment_code, "station_id": station_id,
                  "install_id": str(uuid.uuid4()), "app_version": "bench"},
            timeout=10,
        ).json()  # fmt: skip
        bodies = [
            json.dumps({"protocol": 1, "station_id": station_id, "entries": batch}).encode()
            for batch in batches(entries)
        ]
        http = requests.Session()
        http.headers.update(
            {"Authorization": f"Bearer {enrolled['credential']}",
             "Content-Type": "application/json"}
        )  # fmt: skip
        started, cpu = time.perf_counter(), cpu_seconds(process.pid)
        for body in bodies:
            response = http.post(county.api("/ledger/batches"), data=body, timeout=60)
            response.raise_for_status()
        elapsed, cpu = time.perf_counter() - started, cpu_seconds(process.pid) - cpu
        assert response.json()["held_through"] == len(entries), response.text
        return elapsed, cpu
    finally:
        stop(process)


def raw_insert(database_url: str, entries: list[dict[str, Any]]) -> float:
    engine = make_engine(database_url)
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    with Session(engine) as session, session.begin():
        station = Station(code="raw", name="raw", level="village", division_code="0" * 12,
                          township="raw", created_at=now, held_through=0)  # fmt: skip
        session.add(station)
        session.flush()
        station_pk = station.id
    rows = [
        {**entry, "station": station_pk, "received_at": now, "flagged": False, "flag_reason": None}
        for entry in entries
    ]
    writer = engine.execution_options(**WRITE_OPTIONS)
    started = time.perf_counter()
    for start in range(0, len(rows), MAX_BATCH_ENTRIES):
        with Session(writer) as session, session.begin():
            ingest.insert_rows(session, rows[start : start + MAX_BATCH_ENTRIES])
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


@contextmanager
def database(kind: str, folder: Path, name: str) -> Iterator[str]:
    if kind == "sqlite":
        (folder / name).mkdir()
        yield f"sqlite:///{folder / name / 'county.sqlite3'}"
    else:
        schemas = fresh_postgres_schema()
        try:
            yield next(schemas)
        finally:
            schemas.close()


def report(kind: str, count: int, county_s: float, county_cpu: float, raw_s: float) -> None:
    county_rate, raw_rate = count / county_s, count / raw_s
    print(
        f"{kind:10} county upload {county_s:6.2f} s {county_rate:9.0f} entries/s "
        f"(county CPU {county_cpu / count * 1e6:.0f} µs/entry) | "
        f"raw insert {raw_s:6.2f} s {raw_rate:9.0f} entries/s | "
        f"{100 * county_rate / raw_rate:5.1f}% of raw"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    entries = backlog(str(uuid.uuid4()), args.count)
    print(f"backlog of {args.count} entries built in {time.perf_counter() - started:.1f} s")
    kinds = ["sqlite"] if args.skip_postgres else ["sqlite", "postgresql"]
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for kind in kinds:
            with database(kind, folder, "county") as url:
                county_s, county_cpu = upload(url, entries, folder / f"{kind}.log")
            with database(kind, folder, "raw") as url:
                raw_s = raw_insert(url, entries)
            report(kind, args.count, county_s, county_cpu, raw_s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
