"""Ledger append cost against a raw SQLite INSERT + COMMIT, measured in the same run.

Both sides write to a WAL database with ``synchronous=FULL`` in the same folder, one
transaction per action, so both pay the same fsync; what differs is everything the
ledger adds (schema check, reading the chain head, hashing, the ORM, the triggers).

    .venv/bin/python -m benchmarks.bench_ledger [--count 500] [--dir /path/on/the/disk]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from station_app.core import first_run, ledger
from station_app.core.clock import SystemClock
from station_app.core.demo import DEMO_FORM
from station_app.core.store import Store

PAYLOAD = {"key": "opening_hours", "value": "08:00-20:00"}


def raw_commit(folder: Path) -> Callable[[int], None]:
    connection = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(
        "CREATE TABLE entries (seq INTEGER PRIMARY KEY, type TEXT, payload TEXT, hash TEXT)"
    )

    def one(_: int) -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO entries (type, payload, hash) VALUES (?, ?, ?)",
            ("preference.changed", '{"key":"opening_hours"}', "0" * 64),
        )
        connection.execute("COMMIT")

    return one


def ledger_append(folder: Path) -> Callable[[int], None]:
    store = Store.open(folder / "store", SystemClock())
    first_run.set_up(store, DEMO_FORM)

    def one(_: int) -> None:
        with store.writing() as session:
            ledger.append(
                session,
                store.clock,
                operator="wangjun",
                event_type="preference.changed",
                payload=PAYLOAD,
            )

    return one


def measure(action: Callable[[int], None], count: int) -> list[float]:
    timings = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        timings.append(time.perf_counter() - start)
    return timings


def report(name: str, timings: list[float]) -> float:
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[18]
    print(f"{name:<28} median {median * 1e3:7.3f} ms   p95 {p95 * 1e3:7.3f} ms")
    return median


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        raw, app = raw_commit(folder), ledger_append(folder)
        for action in (raw, app):  # warm both up
            measure(action, 20)
        raw_times: list[float] = []
        app_times: list[float] = []
        for _ in range(5):  # interleave so both see the same disk weather
            raw_times += measure(raw, args.count // 5)
            app_times += measure(app, args.count // 5)
        raw_median = report("raw INSERT+COMMIT (FULL)", raw_times)
        app_median = report("ledger.append + commit", app_times)
        print(f"ratio ledger/raw (median): {app_median / raw_median:.2f}x  (goal <= 2x)")
        print(
            f"ledger overhead per action: {(app_median - raw_median) * 1e3:.3f} ms"
            " (fixed cost; the ratio shrinks as the disk's fsync gets slower)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
