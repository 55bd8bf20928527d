"""Check-in and search with 0, 100k and 1M parcels on record.

The store is filled with a realistic history (almost all parcels handed over, a few
hundred on the shelf, each with its hash-chained ledger entry) by bulk inserts, then
timed through the real service path: ``store.writing()`` + ``checkin.check_in`` for a
scan, ``handover.find`` for a search by pickup code, phone tail and tracking number.
The raw SQLite commit is measured in the same run for comparison.

    .venv/bin/python -m benchmarks.bench_parcels [--sizes 0,100000,1000000] [--scans 300]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.bench_ledger import raw_commit
from station_app.core import first_run
from station_app.core.clock import SystemClock, business_day
from station_app.core.demo import DEMO_FORM
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store
from sync.protocol import canonical_json, entry_hash, format_instant

COURIERS = ("yto", "zto", "sto", "yunda", "jt", "sf", "ems", "jd")
ON_SHELF_EVERY = 2000  # one parcel in 2000 is still waiting


def fill(store: Store, start: int, count: int, rng: random.Random) -> None:
    """Append ``count`` parcels (and their ledger entries) with raw, chained inserts."""
    raw = sqlite3.connect(store.path, isolation_level=None)
    raw.execute("PRAGMA synchronous = OFF")
    seq, prev, station = raw.execute(
        "SELECT seq, hash, station_id FROM ledger_entries ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    base = datetime(2024, 11, 1, tzinfo=UTC)
    raw.execute("BEGIN")
    for i in range(start, start + count):
        seq += 1
        when = base + timedelta(seconds=i * 60)
        tracking = f"{COURIERS[i % len(COURIERS)].upper()[:2]}{i:013d}"
        parcel_uid, entry_uid = str(uuid.uuid4()), str(uuid.uuid4())
        code = f"{1 + i % 3}-{1 + i % 4}-{i % 9999 + 1:04d}"
        payload = {
            "parcel": parcel_uid,
            "tracking_number": tracking,
            "courier": COURIERS[i % len(COURIERS)],
            "pickup_code": code,
            "consent": None,
        }
        fields = {
            "entry_id": entry_uid,
            "station_id": station,
            "seq": seq,
            "type": "parcel.checked_in",
            "schema_version": 1,
            "occurred_at": format_instant(when),
            "business_day": business_day(when).isoformat(),
            "operator": "wangjun",
            "payload": payload,
            "corrects": None,
            "prev_hash": prev,
        }
        prev = entry_hash(fields)
        raw.execute(
            "INSERT INTO ledger_entries (seq, entry_id, station_id, type, schema_version,"
            " occurred_at, business_day, operator, payload, corrects, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                seq,
                entry_uid,
                station,
                "parcel.checked_in",
                1,
                fields["occurred_at"],
                fields["business_day"],
                "wangjun",
                canonical_json(payload).decode(),
                None,
                fields["prev_hash"],
                prev,
            ),
        )
        waiting = i % ON_SHELF_EVERY == 0
        phone = f"13{rng.randrange(10**9):09d}"
        raw.execute(
            "INSERT INTO parcels (uid, tracking_number, courier, status, pickup_code, shelf,"
            " tier, serial, code_day, phone, phone_tail, checked_in_at, checked_in_by,"
            " checked_in_entry, picked_up_at, picked_up_by)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                parcel_uid,
                tracking,
                COURIERS[i % len(COURIERS)],
                "on_shelf" if waiting else "picked_up",
                f"{code}-{i}" if not waiting else f"H-{i}",
                str(1 + i % 3),
                1 + i % 4,
                i % 9999 + 1,
                business_day(when).isoformat(),
                phone,
                phone[-4:],
                format_instant(when),
                "wangjun",
                entry_uid,
                None if waiting else format_instant(when + timedelta(hours=20)),
                None if waiting else "wangjun",
            ),
        )
    raw.execute("COMMIT")
    raw.execute("PRAGMA optimize")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # don't bill the fill to the first scans
    raw.close()


def timings(action: Callable[[int], object], count: int) -> list[float]:
    result = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        result.append(time.perf_counter() - start)
    return result


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1e3


def bench_size(
    store: Store, keeper: OperatorInfo, raw: Callable[[int], None], size: int, scans: int
) -> None:
    def scan(i: int) -> None:
        arrival = Arrival(f"BM{size:07d}{i:06d}", "yto", "2", 3, phone=f"1390000{i:04d}")
        with store.writing() as session:
            check_in(session, store.clock, actor=keeper, arrival=arrival)

    scan_times = timings(scan, scans)
    raw_times = timings(raw, scans)
    rng = random.Random(size)
    queries = [f"{rng.randrange(10000):04d}" for _ in range(100)]
    queries += [f"YT{rng.randrange(max(size, 1)):013d}" for _ in range(100)]
    queries += [f"2-3-{rng.randrange(1, scans):04d}" for _ in range(100)]

    def search(i: int) -> None:
        with store.reading() as session:
            handover.find(session, queries[i])

    search_times = timings(search, len(queries))
    print(
        f"{size:>9,} parcels | scan→saved p50 {p(scan_times, 50):6.2f} ms"
        f" p99 {p(scan_times, 99):6.2f} ms"
        f" | raw commit p50 {p(raw_times, 50):5.2f} ms p99 {p(raw_times, 99):5.2f} ms"
        f" | ratio p99 {p(scan_times, 99) / p(raw_times, 99):4.1f}x"
        f" | search p50 {p(search_times, 50):5.2f} ms p99 {p(search_times, 99):5.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,100000,1000000")
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store", SystemClock())
        keeper = first_run.set_up(store, DEMO_FORM)
        raw = raw_commit(Path(tmp))
        rng = random.Random(1)
        have = 0
        print("goal: scan p99 <= 30 ms and <= 3x raw commit at 1M; search p99 <= 50 ms")
        for size in sizes:
            if size > have:
                started = time.perf_counter()
                fill(store, have, size - have, rng)
                print(f"(filled to {size:,} in {time.perf_counter() - started:.0f} s)")
                have = size
            bench_size(store, keeper, raw, size, args.scans)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
