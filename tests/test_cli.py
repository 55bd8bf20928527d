"""``station-app`` start-up: bad stores end in a clear message, the demo seeds itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app import cli
from station_app.core import demo, demo_township, first_run, ledger
from station_app.core.clock import FixedClock
from station_app.core.db.models import StationLevel
from station_app.core.errors import UserError
from station_app.core.store import Store


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the start-up error box would show (the box itself is tested below)."""
    messages: list[str] = []

    def record(error: UserError, *, lang: str) -> int:
        messages.append(str(error))
        return 2

    from station_app.ui import startup

    monkeypatch.setattr(startup, "show_fatal_error", record)
    return messages


def test_a_corrupt_store_ends_in_a_clear_message(tmp_path: Path, shown: list[str]):
    (tmp_path / "station.sqlite3").write_bytes(b"garbage" * 1000)
    assert cli.main(["--data-dir", str(tmp_path)]) == 2
    assert len(shown) == 1
    assert "损坏" in shown[0]
    assert (tmp_path / "station.sqlite3").read_bytes() == b"garbage" * 1000  # untouched


def test_a_data_dir_that_is_a_file_ends_in_a_clear_message(tmp_path: Path, shown: list[str]):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    assert cli.main(["--data-dir", str(target)]) == 2
    assert "无法打开数据文件" in shown[0]


def test_the_demo_seed_writes_a_verifiable_history(tmp_path: Path, clock: FixedClock):
    store = Store.open(tmp_path, clock)
    try:
        logins = cli._seed_demo(store)
        again = cli._seed_demo(store)  # a reused demo folder keeps what it has
        with store.reading() as session:
            report = ledger.verify(session)
    finally:
        store.close()
    assert logins == again == [demo.KEEPER, demo.ASSISTANT]
    assert report.ok
    assert report.checked > 5  # the station's set-up and a month of parcels


def test_fatal_error_box_shows_the_message(qtbot, monkeypatch: pytest.MonkeyPatch):
    from PySide6.QtWidgets import QMessageBox

    from station_app.core.db.errors import StoreError, StoreProblem
    from station_app.ui import startup

    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or 0)
    assert startup.show_fatal_error(StoreError(StoreProblem.LOCKED), lang="zh_CN") == 2
    assert seen == ["数据文件正被另一个程序占用。请关闭另一个打开的服务站软件后重试。"]


def test_the_township_demo_seeds_a_township_station(tmp_path: Path, clock: FixedClock):
    store = Store.open(tmp_path, clock)
    try:
        logins = cli._seed_demo(store, township=True)
        again = cli._seed_demo(store)  # a reused folder shows the logins of what it holds
        with store.reading() as session:
            station = first_run.station_info(session)
            report = ledger.verify(session)
    finally:
        store.close()
    assert logins == again == [demo_township.KEEPER, demo_township.ASSISTANT]
    assert station is not None
    assert station.level is StationLevel.TOWNSHIP
    assert report.ok


def test_township_goes_with_demo(capsys: pytest.CaptureFixture[str]):
    assert cli.parse_args(["--demo", "--township"]).township
    with pytest.raises(SystemExit):
        cli.parse_args(["--township"])
    assert "--township goes with --demo" in capsys.readouterr().err


def test_the_demo_syncs_with_its_own_county_and_stops_it(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    import logging

    import psutil

    from station_app.ui import app
    from sync import client as sync_client
    from sync import state as sync_state

    seen: dict[str, object] = {}

    def fake_start(store: Store, **kwargs: object) -> int:
        """Instead of the event loop: one upload, as the runner's first tick would do."""
        client = sync_client.client_for(store)
        assert client is not None
        seen["report"] = sync_client.upload_pending(store, client)
        client.close()
        seen["demo_offline"] = kwargs["demo_offline"]
        seen["county"] = [
            child
            for child in psutil.Process().children(recursive=True)
            if any("county.cli" in part for part in child.cmdline())
        ]
        return 0

    monkeypatch.setattr(app, "start", fake_start)
    handlers = list(logging.getLogger().handlers)
    try:
        assert cli.main(["--demo", "--data-dir", str(tmp_path)]) == 0
    finally:
        for handler in set(logging.getLogger().handlers) - set(handlers):
            logging.getLogger().removeHandler(handler)
            handler.close()

    assert seen["demo_offline"] is False
    assert seen["report"].outcome == "ok"  # type: ignore[attr-defined]
    county = seen["county"]
    assert isinstance(county, list)
    assert len(county) == 1
    assert not county[0].is_running()  # stopped when the app ended
    store = Store.open(tmp_path, clock)
    try:
        status = sync_state.status(store)
    finally:
        store.close()
    assert status.enrolled
    assert status.pending == 0
