"""The idle watcher fires after a quiet spell, and any input starts the count again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from station_app.ui.idle import IdleWatcher, minutes_to_ms


def test_times_out_without_input(qtbot: QtBot) -> None:
    watcher = IdleWatcher(50)
    watcher.install()
    try:
        with qtbot.waitSignal(watcher.idle_timeout, timeout=2000):
            pass
    finally:
        watcher.uninstall()


def test_input_restarts_the_count(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    watcher = IdleWatcher(600)
    watcher.install()
    try:
        qtbot.waitUntil(lambda: watcher.remaining_ms < 400, timeout=2000)
        qtbot.keyClick(edit, Qt.Key.Key_A)
        assert watcher.remaining_ms > 450
        with qtbot.waitSignal(watcher.idle_timeout, timeout=2000):
            pass
    finally:
        watcher.uninstall()


def test_zero_switches_it_off(qtbot: QtBot) -> None:
    watcher = IdleWatcher(0)
    watcher.install()
    try:
        assert not watcher.active
        watcher.poke()
        assert not watcher.active
    finally:
        watcher.uninstall()


def test_paused_watcher_ignores_input_until_poked(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    watcher = IdleWatcher(10_000)
    watcher.install()
    try:
        watcher.pause()
        qtbot.keyClick(edit, Qt.Key.Key_A)
        assert not watcher.active
        watcher.poke()
        assert watcher.active
    finally:
        watcher.uninstall()


def test_minutes_to_ms() -> None:
    assert minutes_to_ms(10) == 600_000
    assert minutes_to_ms(0) == 0
