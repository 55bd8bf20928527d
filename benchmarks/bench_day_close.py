"""The day close (日结) over a month of realistic activity: compute, close, render.

A store with one open period of ``--days`` days: each day ``--checkins`` parcels checked
in, ``--sendings`` shipments accepted (fees by cash / WeChat / Alipay) and a few petty
cash slips, about 5,000 ledger entries in all, none closed. Then, timed: the summary the
日结 page shows (one aggregate), the close itself (one transaction with its entry), the
日结单 built from the store, and that report rendered to PDF (Qt) and to ESC/POS bytes.
Goal: the whole close, computed and rendered, within 1 s.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_day_close \
        [--days 30] [--checkins 115] [--sendings 45] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from station_app.core import first_run
from station_app.core.cash import day_close, petty, report
from station_app.core.clock import FixedClock
from station_app.core.db.cash_models import DayClose
from station_app.core.db.models import LedgerEntry
from station_app.core.demo import DEMO_FORM
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import sending
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.parcels.sending import ShipmentOrder
from station_app.core.store import Store
from station_app.devices import receipt_escpos, receipt_qt


def seed(store: Store, keeper: OperatorInfo, days: int, checkins: int, sendings: int) -> None:
    rng = random.Random(7)
    start = store.clock.now()
    serial = 0
    for day in range(days):
        clock = FixedClock(start + timedelta(days=day))
        with store.writing() as session:
            for _ in range(checkins):
                serial += 1
                clock.advance(timedelta(seconds=20))
                arrival = Arrival(f"YT9{serial:012d}", "yto", str(1 + serial % 3), 1 + serial % 3)
                check_in(session, clock, actor=keeper, arrival=arrival)
            for _ in range(sendings):
                order = ShipmentOrder(
                    courier="zto",
                    province=rng.choice(("广东", "浙江", "北京", "四川")),
                    city="某市",
                    address="某区某路1号",
                    recipient_name="收件人",
                    recipient_phone="13912345678",
                    sender_name="寄件人",
                    sender_phone="13812345678",
                    weight=f"{rng.randint(3, 60) / 10}kg",
                    payment_method=rng.choice(("cash", "wechat", "alipay")),
                )
                sending.accept(session, clock, actor=keeper, order=order)
            for direction in (petty.Direction.IN, petty.Direction.OUT):
                petty.record(
                    session,
                    clock,
                    actor=keeper,
                    direction=direction,
                    amount=Fen(rng.randint(100, 5000)),
                    method="cash",
                    reason="零钱",
                )


def timed(label: str, repeat: int, work: Callable[[], object]) -> float:
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        samples.append(time.perf_counter() - began)
    median = statistics.median(samples)
    print(f"{label:<34} median {median * 1000:8.1f} ms   max {max(samples) * 1000:8.1f} ms")
    return median


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--checkins", type=int, default=115)
    parser.add_argument("--sendings", type=int, default=45)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    app = QApplication([])  # kept: Qt's fonts and the PDF writer need it alive to the end
    with tempfile.TemporaryDirectory() as folder:
        clock = FixedClock(datetime(2026, 10, 24, 1, 0, tzinfo=UTC))
        store = Store.open(Path(folder), clock)
        keeper = first_run.set_up(store, DEMO_FORM)
        seed(store, keeper, args.days, args.checkins, args.sendings)
        clock.set(clock.now() + timedelta(days=args.days))
        with store.reading() as session:
            entries = session.scalar(select(func.count()).select_from(LedgerEntry))
        print(f"store: {entries} ledger entries in one open period of {args.days} days")

        def summary() -> day_close.Summary:
            with store.reading() as session:
                return day_close.summary(session, clock.now())

        total = timed("summary (the 日结 page)", args.repeat, summary)
        open_period = summary()
        counted = {m: open_period.expected(m) for m in ("cash", *open_period.net)}
        print(f"movements in the period: {open_period.movement_count}")

        def close() -> None:
            with store.writing() as session:
                day_close.close_day(session, clock, actor=keeper, counted=counted)

        total += timed("close (one transaction)", 1, close)

        def build() -> object:
            with store.reading() as session:
                row = session.scalar(select(DayClose))
                assert row is not None
                return report.close_report(session, row)

        total += timed("日结单 built from the store", args.repeat, build)
        receipt = build()
        pdf = Path(folder) / "close.pdf"
        total += timed(
            "rendered to PDF (80 mm, Qt)",
            args.repeat,
            lambda: receipt_qt.write_pdf(receipt, pdf, 80),
        )  # type: ignore[arg-type]
        timed(
            "rendered to ESC/POS bytes (58 mm)",
            args.repeat,
            lambda: receipt_escpos.escpos_bytes(receipt, 58),
        )  # type: ignore[arg-type]
        print(f"close, computed and rendered: {total * 1000:.1f} ms (goal ≤ 1000 ms)")
        store.close()
    app.shutdown()
    # Collected at interpreter exit, an object left by this mix of Qt printing and
    # SQLAlchemy aborts CPython's finalisation ("none_dealloc"); the figures are printed.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
