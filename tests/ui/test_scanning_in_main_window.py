"""A scanner burst typed anywhere in the main window reaches the page in front once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import Sound, SoundPlayer
from station_app.ui.main_window import MainWindow
from tests.ui.conftest import KEEPER_PASSWORD


class SteppingClock:
    """Scanner timing without waiting: every reading is 5 ms after the last."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.005
        return self.now


@pytest.fixture
def played() -> list[str]:
    return []


@pytest.fixture
def window(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> MainWindow:
    player = SoundPlayer(lambda path: played.append(Path(path).name))
    main = MainWindow(set_up_store, keeper, sound_player=player, scan_clock=SteppingClock())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def _scan(window: MainWindow, code: str) -> None:
    target = window.focusWidget() or window
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def test_a_burst_reaches_the_page_that_takes_scans(qtbot: QtBot, window: MainWindow):
    received: list[str] = []
    window.page("parcels").handle_scan = received.append  # type: ignore[attr-defined]
    window.select_page("parcels")
    with qtbot.waitSignal(window.scanner.scanned):
        _scan(window, "YT7512345678901")
    assert received == ["YT7512345678901"]


def test_a_scan_no_page_wants_is_acknowledged_with_the_error_sound(
    qtbot: QtBot, window: MainWindow, played: list[str]
):
    window.select_page("bills")
    with qtbot.waitSignal(window.scanner.scanned):
        _scan(window, "9787020002207")
    assert "9787020002207" in window.status.currentMessage()
    assert "不用扫码" in window.status.currentMessage()
    assert played == [Sound.ERROR.value]


def test_typing_the_password_at_the_lock_screen_is_not_a_scan(qtbot: QtBot, window: MainWindow):
    window.lock()
    field = window.lock_screen.form.password.edit
    field.setFocus()
    with qtbot.waitSignal(window.unlocked), qtbot.assertNotEmitted(window.scanner.scanned):
        QTest.keyClicks(field, KEEPER_PASSWORD)
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.scanner.enabled
