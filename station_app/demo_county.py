"""A county centre for ``--demo``: a real ``county-centre`` process on loopback.

``station-app --demo`` should sync out of the box, so it runs the county service the
way county staff would: ``county-centre serve`` on 127.0.0.1 at a free port with its
SQLite under ``<demo data dir>/demo-county``, the demo station created with
``county-centre stations add`` (or its code re-issued when a reused ``--data-dir`` is
already enrolled), and the store enrolled with the printed code. The county is used
only through its command line and HTTP, as a separate process.

Every wait is bounded. The process is stopped when the app ends — by :meth:`stop` from
the command line's ``finally`` and, for any other way out of Python, by ``atexit`` —
with terminate, then kill if it does not go. Should the app die without running either
(killed, a crash of Qt itself), the county notices: it holds the read end of a pipe from
the app and exits when that pipe closes, which the operating system does for any death.
If anything fails, the demo runs offline and the log says why. Plain Python, no Qt.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import requests

from station_app.core import first_run
from station_app.core.errors import UserError
from station_app.core.store import Store
from station_app.resources import resources_dir
from sync import client as sync_client
from sync import state as sync_state

log = logging.getLogger(__name__)

STARTUP_TIMEOUT = 30.0
"""Seconds to wait for ``/healthz`` (about one on a laptop; more on a slow shop PC)."""
COMMAND_TIMEOUT = 60.0
STOP_TIMEOUT = 5.0
DEMO_TOWNSHIP = "柳林镇"
"""The township both demo stations belong to (``core.demo``, ``core.demo_township``)."""
FOLDER_NAME = "demo-county"


class DemoCountyError(Exception):
    """The demo county could not be started or could not enrol the station (English,
    for the log: the keeper sees that the demo runs offline)."""


@dataclass(frozen=True)
class Issued:
    station_code: str
    enrolment_code: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_ORPHAN_GUARD = """
import os, runpy, sys, threading
def watch():
    sys.stdin.buffer.read()  # end of file: the station app is gone, however it ended
    os._exit(0)
threading.Thread(target=watch, daemon=True).start()
sys.argv[0] = "county-centre"
runpy.run_module("county.cli", run_name="__main__")
"""
"""``county-centre`` as ``python -m county.cli`` would run it, plus the parent watch."""


def _command(*args: str, guarded: bool = False) -> list[str]:
    if getattr(sys, "frozen", False):  # the packaged app has no county service inside
        raise DemoCountyError("the county centre is not part of the packaged app")
    if guarded:
        return [sys.executable, "-c", _ORPHAN_GUARD, *args]
    return [sys.executable, "-m", "county.cli", *args]


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}


_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing up on Windows


class DemoCounty:
    """One ``county-centre`` process and the folder it keeps its database in."""

    def __init__(self, folder: Path, process: subprocess.Popen[bytes], url: str) -> None:
        self.folder = folder
        self.process = process
        self.url = url
        self._lock = threading.Lock()

    @classmethod
    def launch(cls, folder: Path) -> DemoCounty:
        """Start the service; it is not answering yet (see :meth:`wait_until_serving`)."""
        folder.mkdir(parents=True, exist_ok=True)
        port = free_port()
        command = _command(
            *("--data-dir", str(folder), "--host", "127.0.0.1", "--port", str(port)),
            *("--log-level", "warning", "serve"),
            guarded=True,
        )
        with open(folder / "county.log", "ab") as output:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,  # never written; its closing ends the county
                stdout=output,
                stderr=subprocess.STDOUT,
                env=_child_env(),
                creationflags=_NO_WINDOW,
            )
        county = cls(folder, process, f"http://127.0.0.1:{port}")
        atexit.register(county.stop)
        log.info("demo county centre starting at %s (pid %d)", county.url, process.pid)
        return county

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def wait_until_serving(self, timeout: float = STARTUP_TIMEOUT) -> None:
        """Poll ``/healthz`` until the county answers as itself, at most ``timeout`` s."""
        end = time.monotonic() + timeout
        while True:
            if not self.running:
                raise DemoCountyError(f"county-centre exited with {self.process.returncode}")
            try:
                answer = requests.get(f"{self.url}/healthz", timeout=1.0)
                if answer.ok and answer.json().get("service") == "county-centre":
                    return
            except (requests.RequestException, ValueError):
                pass  # not listening yet
            if time.monotonic() >= end:
                raise DemoCountyError(f"county-centre did not answer within {timeout:.0f} s")
            time.sleep(0.05)

    def add_station(self, info: first_run.StationInfo, township: str = DEMO_TOWNSHIP) -> Issued:
        return self._stations(
            "add",
            *("--name", info.name, "--level", info.level.value),
            *("--division", info.division_code, "--township", township),
        )

    def reissue(self, station_code: str) -> Issued:
        return self._stations("reissue", station_code)

    def publish_prices(self) -> None:
        """The county's produce price list (县里发布的收购价), so the station's 价格 tab shows
        county prices beside the keeper's own after the first sync."""
        path = self.folder / "demo-prices.json"
        path.write_text(json.dumps(demo_price_list(), ensure_ascii=False), encoding="utf-8")
        command = _command(
            "--data-dir", str(self.folder), "reference", "publish", "prices", str(path)
        )
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=_child_env(),
            timeout=COMMAND_TIMEOUT,
            check=False,
            creationflags=_NO_WINDOW,
        )
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", errors="replace").strip()[-300:]
            log.warning("demo county price list not published: %s", reason)

    def _stations(self, *args: str) -> Issued:
        command = _command("--data-dir", str(self.folder), "stations", *args)
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=_child_env(),
                timeout=COMMAND_TIMEOUT,
                check=False,
                creationflags=_NO_WINDOW,
            )
        except subprocess.TimeoutExpired as error:
            raise DemoCountyError(f"county-centre stations {args[0]} timed out") from error
        out = done.stdout.decode("utf-8", errors="replace")
        station = re.search(r"station code:\s*(\S+)", out)
        code = re.search(r"enrolment code:\s*(\S+)", out)
        if done.returncode != 0 or station is None or code is None:
            reason = done.stderr.decode("utf-8", errors="replace").strip()[-300:]
            raise DemoCountyError(f"county-centre stations {args[0]} failed: {reason}")
        return Issued(station.group(1), code.group(1))

    def enrol_store(self, store: Store, timeout: float = STARTUP_TIMEOUT) -> sync_state.SyncStatus:
        """Wait for the service, make (or re-issue) the store's station, enrol with it."""
        self.wait_until_serving(timeout)
        with store.reading() as session:
            info = first_run.station_info(session)
        if info is None:
            raise DemoCountyError("the demo store has no station")
        known = sync_state.status(store).county_station_code
        issued = None
        if known is not None:  # a reused --data-dir: same station, new address and code
            try:
                issued = self.reissue(known)
            except DemoCountyError:
                log.info("demo county does not know %s; adding the station again", known)
        if issued is None:
            issued = self.add_station(info)
            self.publish_prices()
        status = sync_client.enrol(store, self.url, issued.enrolment_code)
        log.info("demo station enrolled with the demo county as %s", issued.station_code)
        return status

    def stop(self) -> None:
        """Terminate, then kill after :data:`STOP_TIMEOUT`; safe to call again."""
        with self._lock:
            atexit.unregister(self.stop)
            if self.process.stdin is not None:
                self.process.stdin.close()
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    log.warning("demo county centre did not stop; killing it")
                    self.process.kill()
                    self.process.wait(STOP_TIMEOUT)
                log.info("demo county centre stopped")


DEMO_COUNTY_PRICES = {
    ("fengxiang_apple", "d80"): 360,
    ("fengxiang_apple", "d75"): 300,
    ("fengxiang_apple", "d70"): 240,
    ("fengxiang_apple", "d65"): 190,
    ("fengxiang_apple", "mixed"): 160,
    ("sichuan_pepper", "special"): 7800,
    ("sichuan_pepper", "first"): 6600,
    ("sichuan_pepper", "second"): 5200,
}
"""Fen per 斤 from the first of the month: the demo county's list (the demo station's own
day prices for some of these grades win on the day they were set)."""


def demo_price_list() -> dict[str, object]:
    """The bundled catalogue with county prices for a few grades, under stable uids."""
    data = json.loads((resources_dir() / "produce" / "prices.json").read_text(encoding="utf-8"))
    first_of_month = datetime.now(UTC).date().replace(day=1).isoformat()
    data["version"] = int(data["version"]) + 1
    data["prices"] = [
        {
            "uid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"village-station-demo:{product}:{grade}")),
            "product": product,
            "grade": grade,
            "from": first_of_month,
            "to": None,
            "price_fen": fen,
            "per_grams": 500,
        }
        for (product, grade), fen in DEMO_COUNTY_PRICES.items()
    ]
    return data


def launch(data_dir: Path) -> DemoCounty | None:
    """Start the demo county for a station kept in ``data_dir`` (None if it cannot be)."""
    try:
        return DemoCounty.launch(data_dir / FOLDER_NAME)
    except (OSError, DemoCountyError) as error:
        log.warning("demo county centre not started, the demo runs offline: %s", error)
        return None


def enrol(
    county: DemoCounty | None, store: Store, timeout: float = STARTUP_TIMEOUT
) -> DemoCounty | None:
    """Enrol ``store`` with the launched ``county``; on any failure the county is stopped,
    the reason logged, and None returned: the demo then runs offline."""
    if county is None:
        return None
    try:
        county.enrol_store(store, timeout)
    except (DemoCountyError, sync_client.SyncFailure, UserError, OSError) as error:
        log.warning("demo county centre not available, the demo runs offline: %s", error)
        county.stop()
        return None
    return county
