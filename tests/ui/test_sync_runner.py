"""The background upload: a poke after a local write sends on the worker thread, the
outcome reaches the status bar by signal, and quitting leaves no thread behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.app import AppShell
from station_app.ui.sync_runner import THREAD_PREFIX, SyncRunner, status_bar_text
from sync import client as sync_client
from sync import state
from sync.state import SyncStatus
from tests.sync.conftest import write_entries
from tests.sync.fake_county import FakeCounty


@pytest.fixture
def county() -> Iterator[FakeCounty]:
    fake = FakeCounty().start()
    yield fake
    fake.stop()


@pytest.fixture
def enrolled(set_up_store: Store, county: FakeCounty, clock: FixedClock) -> Store:
    """Enrolled, everything so far uploaded, the next periodic run minutes away."""
    county.clock = clock.now  # no skew to warn about
    sync_client.enrol(set_up_store, county.url, county.issue_code())
    made = sync_client.client_for(set_up_store)
    assert made is not None
    assert sync_client.upload_pending(set_up_store, made).outcome == "ok"
    made.close()
    return set_up_store


@pytest.fixture
def runner(qapp: QApplication, enrolled: Store) -> Iterator[SyncRunner]:
    made = SyncRunner(enrolled, tick_seconds=3600, soon_seconds=0.05, timeout=(2.0, 2.0))
    yield made
    made.stop()


@pytest.fixture
def shell(qapp: QApplication, enrolled: Store, runner: SyncRunner) -> Iterator[AppShell]:
    made = AppShell(enrolled, idle_interval_ms=60_000, sync_runner=runner)
    yield made
    made.idle.uninstall()
    if made.main_window is not None:
        made.main_window.close()
        made.main_window.deleteLater()
    QCoreApplication.sendPostedEvents()


def _sync_text(shell: AppShell) -> str:
    assert shell.main_window is not None
    return shell.main_window.status.sync_label.text()


def _worker_threads() -> list[str]:
    return [
        thread.name
        for thread in threading.enumerate()
        if thread.name.startswith((THREAD_PREFIX, "APScheduler"))
    ]


def test_a_poke_uploads_on_the_worker_and_the_status_bar_follows(  # noqa: PLR0917
    qtbot: QtBot,
    enrolled: Store,
    keeper: OperatorInfo,
    county: FakeCounty,
    runner: SyncRunner,
    shell: AppShell,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[str] = []
    real = sync_client.upload_pending

    def recording(*args: object, **kwargs: object) -> sync_client.UploadReport:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_client, "upload_pending", recording)
    write_entries(enrolled, keeper, 3)
    with qtbot.waitSignal(runner.state_changed):
        shell.show_main(keeper)  # starts the runner: a first tick at once
    qtbot.waitUntil(lambda: _sync_text(shell) == "待上传 3 条")
    assert threads == []  # not due yet, and nothing poked

    with qtbot.waitSignal(runner.state_changed, check_params_cb=lambda s: s.pending == 0):
        runner.poke()
    qtbot.waitUntil(lambda: _sync_text(shell) == "已同步")
    assert threads
    assert all(name.startswith(THREAD_PREFIX) for name in threads)
    assert county.station(state.station_ids_of(enrolled)[0]).held_through == (
        state.status(enrolled).uploaded_through
    )


def test_offline_shows_the_last_success_and_revoked_asks_to_re_enrol(  # noqa: PLR0917
    qtbot: QtBot,
    enrolled: Store,
    keeper: OperatorInfo,
    county: FakeCounty,
    runner: SyncRunner,
    shell: AppShell,
) -> None:
    with qtbot.waitSignal(runner.state_changed):
        shell.show_main(keeper)
    write_entries(enrolled, keeper, 1)
    county.faults.append("drop")
    with qtbot.waitSignal(runner.state_changed, check_params_cb=lambda s: s.offline):
        runner.poke()
    qtbot.waitUntil(lambda: _sync_text(shell) == "离线（上次同步 10:00）")

    county.station(state.station_ids_of(enrolled)[0]).revoked = True
    with qtbot.waitSignal(runner.state_changed, check_params_cb=lambda s: s.halted):
        runner.sync_now()  # the keeper does not wait for the back-off
    qtbot.waitUntil(lambda: _sync_text(shell) == "同步已停止：请重新接入县中心")


def test_stopping_leaves_no_thread(qtbot: QtBot, runner: SyncRunner) -> None:
    with qtbot.waitSignal(runner.state_changed):
        runner.start()
    assert _worker_threads()
    runner.stop()
    assert not runner.running
    assert _worker_threads() == []
    runner.poke()  # after quitting: ignored, nothing started again
    runner.start()
    assert _worker_threads() == []


def test_status_bar_words() -> None:
    success = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
    assert status_bar_text(SyncStatus(enrolled=False)) == ("未接入县中心", False)
    assert status_bar_text(SyncStatus(enrolled=True)) == ("已同步", False)
    assert status_bar_text(SyncStatus(enrolled=True, pending=12)) == ("待上传 12 条", False)
    offline = SyncStatus(enrolled=True, pending=2, consecutive_failures=3, last_success_at=success)
    assert status_bar_text(offline) == ("离线（上次同步 14:30）", True)
    fork = SyncStatus(enrolled=True, halted=True, error_code="fork")
    assert status_bar_text(fork) == ("同步已停止：请联系县中心", True)
    skewed = SyncStatus(enrolled=True, clock_skew_seconds=-900)
    assert status_bar_text(skewed) == ("已同步（本机时钟与县中心相差 15 分钟）", True)


def test_sync_now_while_a_run_is_finishing_is_not_lost(
    qtbot: QtBot, runner: SyncRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """APScheduler skipped a request whose job id was still running: a second 立即同步
    pressed during the first one's run vanished."""
    release = threading.Event()
    forced_runs: list[int] = []
    real_run = runner._run

    def slow_run(*, forced: bool, poked: bool) -> tuple[SyncStatus, bool]:
        if forced:
            forced_runs.append(1)
            if len(forced_runs) == 1:
                assert release.wait(10)
        return real_run(forced=forced, poked=poked)

    monkeypatch.setattr(runner, "_run", slow_run)
    runner.start()
    runner.sync_now()
    qtbot.waitUntil(lambda: len(forced_runs) == 1)  # the first press is being served
    runner.sync_now()
    release.set()
    qtbot.waitUntil(lambda: len(forced_runs) == 2, timeout=5000)
