"""The start-up benchmark's probe: silent unless asked, one mark per first paint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from station_app.core.store import Store
from station_app.ui import bench_probe
from station_app.ui.app import AppShell


@pytest.fixture
def shell(qtbot: QtBot, set_up_store: Store):
    shell = AppShell(set_up_store, idle_interval_ms=60_000)
    shell.begin()
    assert shell.login_window is not None
    qtbot.addWidget(shell.login_window)
    yield shell
    shell.idle.uninstall()
    QCoreApplication.sendPostedEvents()


def test_silent_without_the_environment_variable(
    qtbot: QtBot, shell: AppShell, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.delenv(bench_probe.ENV, raising=False)
    bench_probe.install(shell)
    assert shell.login_window is not None
    shell.login_window.grab()
    QCoreApplication.processEvents()
    assert capsys.readouterr().out == ""


def test_marks_the_first_paint_once(
    qtbot: QtBot, shell: AppShell, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setenv(bench_probe.ENV, "1")
    monkeypatch.delenv(bench_probe.LOGIN_ENV, raising=False)
    bench_probe.install(shell)
    assert shell.login_window is not None
    shell.login_window.grab()
    qtbot.waitUntil(lambda: "login_window painted" in capsys.readouterr().out)
    shell.login_window.grab()
    QCoreApplication.processEvents()
    assert "painted" not in capsys.readouterr().out
