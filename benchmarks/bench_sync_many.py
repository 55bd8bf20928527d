"""250 stations syncing at once against one real county service: errors and batch latency.

For SQLite and PostgreSQL in turn: a ``county-centre`` service on loopback with
``--workers`` processes (fresh database or schema, the default per-station rate limit),
``--stations`` stations created
with ``county.stations`` and enrolled over HTTP, each with its own chain of
``--entries`` entries (check-ins, pick-ups and shipments with valid payloads, hashed by
``sync.protocol.entry_hash``). Then every station uploads its chain at the same moment
(one thread and one keep-alive session per station, released together by a barrier; with
``--spread S`` each starts at its own random moment within S seconds, as the stations'
jittered back-off spreads them after an outage), in
batches of ``--batch`` entries sent the way ``sync.client.CountyClient`` sends them (gzip
JSON, Bearer credential, the station's timeouts), one after another per station.

Reported: errors (anything but a parsed ``BatchAck`` moving ``held_through`` to the end
of the batch; goal 0), batch latency p50 / p95 / p99 / max (goal p99 ≤ 1 s), the wall
time, the county's CPU time (all its processes), and each station's head checked
afterwards. Bodies are built before the clock starts: that is the stations' cost, not
the county's. The load generator runs on the same machine and competes for its cores.

    .venv/bin/python -m benchmarks.bench_sync_many [--stations 250] [--entries 200]
        [--batch 500] [--workers 1] [--spread 0] [--skip-postgres]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pydantic
import requests
from sqlalchemy.orm import Session

from benchmarks.bench_county_ingest import backlog, cpu_seconds, database
from county import stations
from county.db.engine import WRITE_OPTIONS, make_engine
from sync.client import CONNECT_TIMEOUT, READ_TIMEOUT
from sync.wire import MAX_BATCH_ENTRIES, BatchAck, LedgerHead
from tests.county.conftest import County, start_county, stop


@dataclass
class SimStation:
    station_id: str
    credential: str
    bodies: list[bytes]
    ends: list[int]
    """The last seq of each batch: what its acknowledgement must say."""
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def make_stations(county: County, count: int, entries: int, batch: int) -> list[SimStation]:
    engine = make_engine(county.database_url)
    with Session(engine.execution_options(**WRITE_OPTIONS)) as session, session.begin():
        codes = [
            stations.add_station(
                session, datetime.now(UTC), name=f"模拟服务站{n:03d}", level="village",
                division_code="610305110201", township="柳林镇",
            ).enrolment_code
            for n in range(count)
        ]  # fmt: skip
    engine.dispose()
    made = []
    for code in codes:
        station_id = str(uuid.uuid4())
        response = requests.post(
            county.api("/enrol"),
            json={"protocol": 1, "code": code, "station_id": station_id,
                  "install_id": str(uuid.uuid4()), "app_version": "bench"},
            timeout=10,
        )  # fmt: skip
        response.raise_for_status()
        chain = backlog(station_id, entries)
        bodies, ends = [], []
        for start in range(0, len(chain), batch):
            part = chain[start : start + batch]
            body = {"protocol": 1, "station_id": station_id, "entries": part}
            bodies.append(gzip.compress(json.dumps(body).encode(), compresslevel=6))
            ends.append(part[-1]["seq"])
        made.append(SimStation(station_id, response.json()["credential"], bodies, ends))
    return made


def sync_one(
    county: County, station: SimStation, start: threading.Barrier, delay: float = 0.0
) -> None:
    """One station's run: its batches in order, each retried (and counted) on an error;
    ``delay`` after the common start (0: all at the same instant, the worst case)."""
    http = requests.Session()
    http.headers.update(
        {"Authorization": f"Bearer {station.credential}", "Accept": "application/json",
         "Content-Type": "application/json", "Content-Encoding": "gzip"}
    )  # fmt: skip
    url = county.api("/ledger/batches")
    start.wait()
    if delay:
        threading.Event().wait(delay)  # this station's moment in the sync window
    try:
        for body, end in zip(station.bodies, station.ends, strict=True):
            for _attempt in range(5):
                began = time.perf_counter()
                try:
                    response = http.post(url, data=body, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
                    station.latencies.append(time.perf_counter() - began)
                    if response.status_code != 200:
                        station.errors.append(f"{response.status_code} {response.text[:200]}")
                        continue
                    ack = BatchAck.model_validate_json(response.content)
                except (requests.RequestException, pydantic.ValidationError) as error:
                    station.errors.append(f"{type(error).__name__}: {error}")
                    continue
                if ack.held_through != end:
                    station.errors.append(f"held_through {ack.held_through}, expected {end}")
                    continue
                break
    finally:
        http.close()


def check_heads(county: County, sims: list[SimStation], entries: int) -> int:
    wrong = 0
    for sim in sims:
        response = requests.get(
            county.api("/ledger/head"),
            headers={"Authorization": f"Bearer {sim.credential}"},
            timeout=10,
        )
        if LedgerHead.model_validate_json(response.content).held_through != entries:
            wrong += 1
    return wrong


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run(kind: str, url: str, log: Path, args: argparse.Namespace) -> bool:
    process, county = start_county(
        url, log, "--log-level", "warning", "--workers", str(args.workers)
    )
    try:
        built = time.perf_counter()
        sims = make_stations(county, args.stations, args.entries, args.batch)
        print(f"{kind}: {len(sims)} stations enrolled, chains built in "
              f"{time.perf_counter() - built:.1f} s")  # fmt: skip
        barrier = threading.Barrier(len(sims) + 1)
        offsets = random.Random(11)
        threads = [
            threading.Thread(
                target=sync_one,
                args=(county, sim, barrier, offsets.uniform(0, args.spread)),
                daemon=True,
            )
            for sim in sims
        ]
        for thread in threads:
            thread.start()
        barrier.wait()
        started, county_cpu = time.perf_counter(), cpu_seconds(process.pid)
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        county_cpu = cpu_seconds(process.pid) - county_cpu
        wrong_heads = check_heads(county, sims, args.entries)
    finally:
        stop(process)
    latencies = [x for sim in sims for x in sim.latencies]
    errors = [e for sim in sims for e in sim.errors]
    p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
    total = args.stations * args.entries
    print(
        f"{kind:10} {args.workers} worker(s), spread {args.spread:.0f} s, "
        f"{args.stations} stations × {args.entries} "
        f"entries, batches of {args.batch}: {len(latencies)} requests in {wall:.2f} s "
        f"({total / wall:.0f} entries/s), "
        f"county CPU {county_cpu:.1f} s ({county_cpu / len(latencies) * 1e3:.1f} ms/request)"
    )
    print(
        f"{kind:10} errors {len(errors)} (goal 0), stations not complete {wrong_heads} | "
        f"batch latency p50 {p50 * 1e3:.0f} ms  p95 {p95 * 1e3:.0f} ms  "
        f"p99 {p99 * 1e3:.0f} ms  max {max(latencies) * 1e3:.0f} ms (goal p99 ≤ 1000 ms)"
    )
    for error in errors[:5]:
        print(f"    {error}")
    return not errors and not wrong_heads and p99 <= 1.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=250)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--batch", type=int, default=MAX_BATCH_ENTRIES)
    parser.add_argument("--workers", type=int, default=1, help="county worker processes")
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="seconds over which the stations start (0: all at once); the clients'"
        " jittered back-off spreads a county's stations like this after an outage",
    )
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    kinds = ["sqlite"] if args.skip_postgres else ["sqlite", "postgresql"]
    met = True
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for kind in kinds:
            with database(kind, folder, "county") as url:
                met = run(kind, url, folder / f"{kind}.log", args) and met
    print("goals met" if met else "goals NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
