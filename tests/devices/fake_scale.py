"""A fake scale process for the serial tests and the benchmark.

Run as ``python tests/devices/fake_scale.py PORT PROTOCOL [GRAMS ...]``: it opens the pty
end of a socat pair, sends each weight (continuous protocols) or answers each ``W``
with the next weight (8217), prints ``READY`` once the port is open, then on stdin
``quit`` (or stdin closing) closes the port, which is what pulling the cable looks like
from the other end. With ``--bench N`` it sends weights 1..N grams as fast as the reader
takes them and prints ``<grams> <monotonic_ns>`` per frame just before writing it.
"""

from __future__ import annotations

import argparse
import os
import sys
import termios
import threading
import time
import tty
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from station_app.devices.scale import fake

ENCODERS = {
    "xk3190-a9": fake.encode_a9,
    "xk3190-a12": fake.encode_a12,
    "st-gs": fake.encode_st_gs,
    "toledo-8217": fake.encode_8217,
}


def _frame(protocol: str, value: str) -> bytes:
    """``OL``/``LO``/``US123`` are special displays; anything else is grams."""
    if value in ("OL", "LO"):
        if protocol == "toledo-8217":
            return fake.encode_8217_status(over=value == "OL", under=value == "LO")
        return fake.encode_a12_status(value.encode())
    if value.startswith("US"):
        if protocol == "toledo-8217":
            return fake.encode_8217_status(motion=True)
        return fake.encode_st_gs(int(value[2:]), stable=False)
    return ENCODERS[protocol](int(value))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port")
    parser.add_argument("protocol", choices=sorted(ENCODERS))
    parser.add_argument("weights", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--bench", type=int, default=0)
    parser.add_argument("--interval-us", type=int, default=0)
    args = parser.parse_args()

    fd = os.open(args.port, os.O_RDWR | os.O_NOCTTY)
    tty.setraw(fd)
    termios.tcflush(fd, termios.TCIOFLUSH)
    print("READY", flush=True)
    stop = threading.Event()

    def wait_quit() -> None:
        sys.stdin.readline()
        stop.set()

    threading.Thread(target=wait_quit, daemon=True).start()
    try:
        if args.bench:
            for grams in range(1, args.bench + 1):
                frame = ENCODERS[args.protocol](grams)
                print(grams, time.monotonic_ns(), flush=False)
                os.write(fd, frame)
                if args.interval_us:
                    time.sleep(args.interval_us / 1e6)
            sys.stdout.flush()
        elif args.protocol == "toledo-8217":
            queue = [w for _ in range(args.repeat) for w in args.weights]
            while queue and not stop.is_set():
                if os.read(fd, 1) == b"W":
                    os.write(fd, _frame(args.protocol, queue.pop(0)))
        else:
            for _ in range(args.repeat):
                for value in args.weights:
                    os.write(fd, _frame(args.protocol, value))
        print("DONE", flush=True)
        stop.wait()
    finally:
        os.close(fd)


if __name__ == "__main__":
    main()
