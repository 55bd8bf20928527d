"""Cold start to a painted login window, and the memory of an idle main window.

Starts the real ``station-app`` as a fresh process on a seeded demo store, under Xvfb
when ``xvfb-run`` is there (a real X11 window), else offscreen, and reads the marks the
app prints when ``VILLAGE_STATION_BENCH`` is set (``station_app/ui/bench_probe.py``).
Goals from the foundation issue: <= 1.5 s to the login window, <= 200 MB idle RSS.

    .venv/bin/python -m benchmarks.bench_startup [--runs 5] [--idle 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

from station_app.core import demo
from station_app.core.clock import FixedClock
from station_app.core.store import Store


def seeded_store(folder: Path) -> Path:
    store = Store.open(folder, FixedClock(datetime.now(UTC)))
    demo.seed(store)
    store.close()
    return folder


def command(data_dir: Path) -> list[str]:
    app = [sys.executable, "-m", "station_app", "--data-dir", str(data_dir)]
    if shutil.which("xvfb-run"):
        return ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *app]
    return app


def environment(login: str | None) -> dict[str, str]:
    env = dict(os.environ, VILLAGE_STATION_BENCH="1")
    if not shutil.which("xvfb-run"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    if login:
        env["VILLAGE_STATION_BENCH_LOGIN"] = login
    return env


def run_until(
    mark: str, data_dir: Path, login: str | None = None
) -> tuple[float, int | None, subprocess.Popen[str]]:
    """Seconds from spawn to ``mark`` on stdout, the app's pid, and its still-running
    process (under xvfb-run the app is a grandchild, hence the pid it prints itself)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment(login),
    )
    pid = None
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("bench: pid "):
            pid = int(line.split()[2])
        if line.strip() == f"bench: {mark} painted":
            return time.perf_counter() - start, pid, process
    raise RuntimeError(f"the app exited before {mark} (exit code {process.wait()})")


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=5.0, help="seconds idle before RSS")
    args = parser.parse_args()
    print("display:", "Xvfb" if shutil.which("xvfb-run") else "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = seeded_store(Path(tmp) / "demo")
        starts = []
        for _ in range(args.runs + 1):  # the first run warms the disk cache; not counted
            elapsed, _pid, process = run_until("login_window", data_dir)
            stop(process)
            starts.append(elapsed)
        starts = starts[1:]
        print(
            f"start to painted login window: median {statistics.median(starts):.3f} s, "
            f"max {max(starts):.3f} s over {len(starts)} runs (goal <= 1.5 s)"
        )
        keeper = ":".join(demo.KEEPER)
        _elapsed, pid, process = run_until("main_window", data_dir, login=keeper)
        time.sleep(args.idle)  # a benchmark, not a test: let the window sit idle
        rss = psutil.Process(pid).memory_info().rss if pid else 0
        stop(process)
        print(f"idle main window RSS after {args.idle:.0f} s: {rss / 2**20:.1f} MiB (goal <= 200)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
