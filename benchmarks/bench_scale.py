"""Scale frame → parsed reading latency through the real serial path.

A fake scale process (tests/devices/fake_scale.py) writes frames of weights 1..N grams
into one end of a socat pty pair and logs ``time.monotonic_ns()`` just before each
write; the station's ``ScaleReader`` (pyserial + parser) on the other end stamps each
reading as its callback runs. CLOCK_MONOTONIC is one clock for every process on
Linux, so receive minus send is the latency, matched by weight. A pty has no baud
rate: a real 9600-baud line adds about 1 ms per byte (15.6 ms for an A12E frame),
which this figure leaves out on purpose, since it is the part software cannot change.

    .venv/bin/python -m benchmarks.bench_scale [--frames 2000] [--interval-us 1000]
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=2000)
    parser.add_argument("--interval-us", type=int, default=1000)
    args = parser.parse_args()
    for protocol in ("xk3190-a9", "xk3190-a12", "st-gs"):
        print(json.dumps(run(protocol, args.frames, args.interval_us)))


if __name__ == "__main__":
    main()
