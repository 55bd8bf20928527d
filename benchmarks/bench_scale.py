"""Scale frame → parsed reading, and → weight shown, through the real serial path.

A fake scale process (tests/devices/fake_scale.py) writes frames of weights 1..N grams
into one end of a socat pty pair and logs ``time.monotonic_ns()`` just before each
write; the station's ``ScaleReader`` (pyserial + parser) on the other end stamps each
reading as its callback runs. CLOCK_MONOTONIC is one clock for every process on
Linux, so receive minus send is the latency, matched by weight. A pty has no baud
rate: a real 9600-baud line adds about 1 ms per byte (15.6 ms for an A12E frame),
which this figure leaves out on purpose, since it is the part software cannot change.

With ``--qt`` the readings go the whole way the 收购 screen takes them: the reader
thread, ``QtScale`` (settle check, queued signal to the GUI thread) and the purchase
screen's ``WeighingPanel``, stamped after the panel has repainted the weight.

    .venv/bin/python -m benchmarks.bench_scale [--frames 2000] [--interval-us 1000] [--qt]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from station_app.devices.scale.port import PortSettings, ScaleEvent, ScaleReader
from station_app.devices.scale.protocols import Protocol, Reading, make_parser
from tests.devices.serial_pair import socat_pair

FAKE_SCALE = Path(__file__).resolve().parents[1] / "tests" / "devices" / "fake_scale.py"


def _percentile(values: list[int], pct: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


def run(protocol: Protocol, frames: int, interval_us: int) -> dict[str, object]:
    received: dict[int, int] = {}
    done = threading.Event()

    def on_event(event: ScaleEvent) -> None:
        if isinstance(event, Reading):
            received[event.grams] = time.monotonic_ns()
            if event.grams == frames:
                done.set()

    with socat_pair() as (scale_end, station_end, _socat):
        reader = ScaleReader(
            PortSettings(station_end, timeout=0.05, silence=60.0), make_parser(protocol), on_event
        )
        thread = reader.start()
        reader.opened.wait(5)
        scale = subprocess.Popen(
            [
                sys.executable,
                str(FAKE_SCALE),
                scale_end,
                protocol,
                "--bench",
                str(frames),
                "--interval-us",
                str(interval_us),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert scale.stdout is not None
        assert scale.stdin is not None
        sent: dict[int, int] = {}
        for line in scale.stdout:
            if line.strip() == "DONE":
                break
            parts = line.split()
            if len(parts) == 2:
                sent[int(parts[0])] = int(parts[1])
        done.wait(10)
        scale.stdin.close()
        scale.wait(5)
        scale.stdout.close()
        reader.close()
        thread.join(5)

    latencies = [received[g] - sent[g] for g in sent if g in received]
    us = [v // 1000 for v in latencies]
    return {
        "protocol": protocol,
        "frames_sent": len(sent),
        "frames_parsed": len(latencies),
        "bad_frames": reader.parser.bad_frames,
        "p50_us": _percentile(us, 50),
        "p99_us": _percentile(us, 99),
        "max_us": max(us),
        "mean_us": round(statistics.fmean(us)),
    }


def run_qt(protocol: Protocol, frames: int, interval_us: int) -> dict[str, object]:
    """Frame written → weight painted on the purchase screen's panel (GUI thread)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from station_app.devices.scale.qt_scale import QtScale, ScaleConfig
    from station_app.ui.pages.produce.weighing_panel import WeighingPanel

    app = QApplication.instance() or QApplication([])
    qInstallMessageHandler(lambda *_: None)  # the offscreen plugin's size-hint notes
    panel = WeighingPanel()
    panel.resize(600, 400)
    panel.show()
    received: dict[int, int] = {}
    loop = QEventLoop()

    def shown(grams: int, stable: bool, status: str) -> None:
        panel.on_reading(grams, stable, status)
        panel.display.repaint()  # painted now, not at the next idle moment
        received[grams] = time.monotonic_ns()
        if grams == frames:
            loop.quit()

    with socat_pair() as (scale_end, station_end, _socat):
        scale = QtScale(port_settings=PortSettings(station_end, timeout=0.05, silence=60.0))
        scale.reading.connect(shown)
        scale.connected.connect(loop.quit)
        scale.start(ScaleConfig(port=station_end, protocol=protocol, settle_readings=1))
        QTimer.singleShot(5000, loop.quit)
        loop.exec()  # until the port is open
        fake = subprocess.Popen(
            [
                sys.executable,
                str(FAKE_SCALE),
                scale_end,
                protocol,
                "--bench",
                str(frames),
                "--interval-us",
                str(interval_us),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert fake.stdout is not None
        assert fake.stdin is not None
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()  # the GUI thread runs while the fake scale writes
        sent: dict[int, int] = {}
        for line in fake.stdout:
            if line.strip() == "DONE":
                break
            parts = line.split()
            if len(parts) == 2:
                sent[int(parts[0])] = int(parts[1])
        fake.stdin.close()
        fake.wait(5)
        fake.stdout.close()
        scale.stop()
    del app
    us = [(received[g] - sent[g]) // 1000 for g in sent if g in received]
    return {
        "protocol": protocol,
        "path": "serial → QtScale → WeighingPanel painted",
        "frames_sent": len(sent),
        "frames_shown": len(us),
        "p50_us": _percentile(us, 50),
        "p99_us": _percentile(us, 99),
        "max_us": max(us),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=2000)
    parser.add_argument("--interval-us", type=int, default=1000)
    parser.add_argument("--qt", action="store_true", help="to the purchase screen's panel")
    args = parser.parse_args()
    for protocol in ("xk3190-a9", "xk3190-a12", "st-gs"):
        if args.qt:
            print(json.dumps(run_qt(protocol, args.frames, args.interval_us), ensure_ascii=False))
        else:
            print(json.dumps(run(protocol, args.frames, args.interval_us)))
    if args.qt:
        # As in bench_day_close: Qt objects collected at interpreter exit can abort
        # CPython's finalisation; the figures are printed.
        sys.stdout.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
