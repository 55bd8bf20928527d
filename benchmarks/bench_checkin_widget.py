"""Scan → saved → shown in the list, through the real widgets, at 0, 100k and 1M parcels.

The parcels page is built as the app builds it and scans are delivered to
``ParcelsPage.handle_scan``, the method the main window's scanner detector calls. Each
scan is followed by its phone typed into the field and Enter, like a keeper at the
counter. Timed per parcel: the scan's handling (recognition, duplicate check, the
pending panel) plus the commit (check-in transaction with its ledger entry, the row
inserted in the session list and the list painted — an event filter checks that
it really was). The time the keeper spends
typing is not the software's and is left out. The raw SQLite commit is measured in the
same run, on the same disk, for the ratio the issue asks for.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_checkin_widget \
        [--sizes 0,100000,1000000] [--scans 300]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from benchmarks.bench_ledger import raw_commit
from benchmarks.bench_parcels import fill, p, timings
from station_app.core import first_run
from station_app.core.clock import SystemClock
from station_app.core.demo import DEMO_FORM
from station_app.core.store import Store
from station_app.ui.pages.parcels import ParcelsPage


class PaintCounter(QObject):
    """Counts paint events on the list, so "shown" means the row was really painted."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def bench_size(app: QApplication, page: ParcelsPage, size: int, scans: int) -> list[float]:
    tab = page.checkin_tab
    painted = PaintCounter()
    tab.table.viewport().installEventFilter(painted)
    scan_times: list[float] = []
    commit_times: list[float] = []
    for i in range(scans):
        tracking = f"YT9{size:07d}{i:05d}"
        started = time.perf_counter()
        page.handle_scan(tracking)
        app.processEvents()
        scan_times.append(time.perf_counter() - started)
        tab.form.phone.setText(f"1390000{i % 10000:04d}")
        paints = painted.count
        started = time.perf_counter()
        tab.commit()
        for _ in range(1000):  # events posted while handling events need another pass
            app.processEvents()
            if painted.count > paints:
                break
        else:
            raise SystemExit(f"the list was not repainted after check-in {i}")
        commit_times.append(time.perf_counter() - started)
        if tab.model.rowCount() != i + 1 or tab.model.index(0, 1).data() != tracking:
            raise SystemExit(f"scan {tracking} did not reach the list")
    tab.table.viewport().removeEventFilter(painted)
    return [a + b for a, b in zip(scan_times, commit_times, strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,100000,1000000")
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    print("goal: scan→shown p99 <= 30 ms and <= 3x raw commit at 1M parcels")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store", SystemClock())
        keeper = first_run.set_up(store, DEMO_FORM)
        raw = raw_commit(Path(tmp))
        rng = random.Random(1)
        have = 0
        for size in sizes:
            if size > have:
                started = time.perf_counter()
                fill(store, have, size - have, rng)
                print(f"(filled to {size:,} in {time.perf_counter() - started:.0f} s)")
                have = size
            page = ParcelsPage(store, keeper)
            page.resize(1366, 700)
            page.show()
            app.processEvents()
            shown = bench_size(app, page, size, args.scans)
            raw_times = timings(raw, args.scans)
            print(
                f"{size:>9,} parcels | scan→saved→shown p50 {p(shown, 50):6.2f} ms"
                f" p99 {p(shown, 99):6.2f} ms"
                f" | raw commit p50 {p(raw_times, 50):5.2f} ms p99 {p(raw_times, 99):5.2f} ms"
                f" | ratio p99 {p(shown, 99) / p(raw_times, 99):4.1f}x"
            )
            page.close()
            page.deleteLater()
            app.processEvents()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
