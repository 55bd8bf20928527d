"""``--demo``'s county centre: a real process that starts, enrols the store, takes its
uploads and stops without leaving anything running; when it cannot, the demo is offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from station_app import demo_county
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from sync import client as sync_client
from sync import state as sync_state
from tests.sync.conftest import write_entries


def county_processes() -> list[psutil.Process]:
    """This test process's children running the county service."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if any("county.cli" in part for part in child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def assert_gone(pid: int, children: list[psutil.Process]) -> None:
    assert not psutil.pid_exists(pid)
    assert not any(child.is_running() for child in children)
    assert county_processes() == []


def test_starts_enrols_uploads_and_stops(
    tmp_path: Path, store: Store, keeper: OperatorInfo
) -> None:
    county = demo_county.launch(tmp_path)
    assert county is not None
    pid = county.pid
    try:
        assert demo_county.enrol(county, store) is county
        children = psutil.Process(pid).children(recursive=True)
        status = sync_state.status(store)
        assert status.enrolled
        assert status.county_station_code == "610305110201-01"
        write_entries(store, keeper, 5)
        client = sync_client.client_for(store)
        assert client is not None
        try:
            report = sync_client.upload_pending(store, client)
            head = client.head()
        finally:
            client.close()
        with store.reading() as session:
            last = sync_state.last_seq(session)
        assert report.outcome == "ok"
        assert head.held_through == last == sync_state.status(store).uploaded_through
    finally:
        county.stop()
    assert_gone(pid, children)
    county.stop()  # twice is harmless
    assert (tmp_path / demo_county.FOLDER_NAME / "county.sqlite3").is_file()


@pytest.mark.usefixtures("keeper")
def test_a_reused_folder_re_enrols_the_same_station(tmp_path: Path, store: Store) -> None:
    first = demo_county.enrol(demo_county.launch(tmp_path), store)
    assert first is not None
    first.stop()
    code = sync_state.status(store).county_station_code

    again = demo_county.enrol(demo_county.launch(tmp_path), store)
    assert again is not None
    try:
        enrolment = sync_state.enrolment(store)
        assert enrolment is not None
        assert enrolment.county_url == again.url
        assert sync_state.status(store).county_station_code == code  # re-issued, not added
    finally:
        again.stop()
    assert county_processes() == []


@pytest.mark.usefixtures("keeper")
def test_a_county_that_does_not_answer_leaves_the_demo_offline(
    tmp_path: Path, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    county = demo_county.launch(tmp_path)
    assert county is not None
    pid = county.pid

    assert demo_county.enrol(county, store, timeout=0.0) is None

    assert not sync_state.status(store).enrolled
    assert "the demo runs offline" in caplog.text
    assert_gone(pid, [])


def test_the_county_ends_when_the_app_is_killed(tmp_path: Path) -> None:
    """No ``finally``, no ``atexit``: the county sees its pipe from the app close."""
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from station_app import demo_county\n"
            "county = demo_county.launch(Path(sys.argv[1]))\n"
            "county.wait_until_serving()\n"
            "print(county.pid, flush=True)\n"
            "sys.stdin.read()\n",
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None
        pid = int(app.stdout.readline())
        county = psutil.Process(pid)
        assert county.is_running()
    finally:
        app.kill()
        app.wait(10)
        if app.stdin is not None:
            app.stdin.close()
        if app.stdout is not None:
            app.stdout.close()
    county.wait(timeout=10)  # returns as soon as it has gone
    assert not county.is_running()
