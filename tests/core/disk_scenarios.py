"""Scenarios run inside a private mount namespace on real read-only and tiny filesystems.

``test_store_on_real_disks`` starts this module under ``unshare -rm`` after mounting a
tmpfs at the given folder; it prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from station_app.core import first_run, ledger, preferences
from station_app.core.clock import FixedClock
from station_app.core.db.errors import StoreError
from station_app.core.db.models import StationLevel
from station_app.core.store import Store

CLOCK = FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
FORM = first_run.SetupForm(
    "柳林镇胡家庄村服务站",
    StationLevel.VILLAGE,
    "610305110201",
    "wangjun",
    "王军",
    "liulin2026",
    "liulin2026",
)


def read_only(folder: Path) -> dict[str, object]:
    try:
        Store.open(folder / "data", CLOCK)
    except StoreError as error:
        return {"problem": error.problem.value, "message": str(error)}
    return {"problem": None}


def _minutes(i: int) -> int:
    """A different value for every action, so each one commits a change."""
    return i % 240 + 1


def disk_full(folder: Path) -> dict[str, object]:
    store = Store.open(folder / "data", CLOCK)
    keeper = first_run.set_up(store, FORM)
    filler = folder / "filler"
    try:
        with open(filler, "wb") as handle:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
    except OSError:
        pass
    filler.write_bytes(filler.read_bytes()[: -256 * 1024])  # room for a few more actions
    result: dict[str, object] = {"problem": None}
    written = 0
    try:
        for i in range(2000):
            with store.writing() as session:
                preferences.set_value(
                    session,
                    CLOCK,
                    actor=keeper,
                    pref=preferences.IDLE_LOCK_MINUTES,
                    value=_minutes(i),
                )
            written += 1
    except StoreError as error:
        result = {"problem": error.problem.value, "message": str(error)}
    filler.unlink()
    with store.reading() as session:
        report = ledger.verify(session)
        minutes = preferences.get(session, preferences.IDLE_LOCK_MINUTES)
    result["chain_ok"] = report.ok
    result["written"] = written
    result["entries"] = report.checked
    result["state_is_last_written"] = minutes == _minutes(written - 1)
    store.close()
    return result


if __name__ == "__main__":
    scenario, folder = sys.argv[1], Path(sys.argv[2])
    print(json.dumps({"read_only": read_only, "disk_full": disk_full}[scenario](folder)))
