"""ScanDetector against real widgets: scanner bursts become one signal, people type."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from station_app.ui.scanner import DEFAULT_MAX_GAP_MS, ScanDetector, clean_code

# The offscreen platform warns on every top-level show(); it says nothing about our code.

SCANNER_STEP_MS = 5
HUMAN_STEP_MS = 150


class FakeClock:
    """Seconds that move only when a test says so: timing without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance_ms(self, ms: float) -> None:
        self.now += ms / 1000


def _key_for(ch: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    """The key a keyboard-wedge scanner presses for `ch` (Ctrl+letter for C0 codes)."""
    if ch == "\r":
        return Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier
    if ch == "\t":
        return Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier
    if ord(ch) < 0x20:
        return Qt.Key(ord(ch) + 0x40), Qt.KeyboardModifier.ControlModifier
    return Qt.Key(ord(ch.upper())), Qt.KeyboardModifier.NoModifier


def type_keys(target: QWidget | QWindow, text: str, clock: FakeClock, step_ms: float) -> None:
    """Press and release each character, `step_ms` apart on the fake clock."""
    for ch in text:
        clock.advance_ms(step_ms)
        key, modifier = _key_for(ch)
        QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, ch, modifier)


def press(target: QWidget | QWindow, key: Qt.Key, clock: FakeClock, step_ms: float) -> None:
    clock.advance_ms(step_ms)
    QTest.keyClick(target, key)


def activate(qtbot: QtBot, window: QWidget, focus: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focus)


class Recorder:
    """Collects emissions so a test can say 'exactly one' and 'none'."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> None:
        self.calls.append(args)


@dataclass
class Rig:
    """A shown, active main window whose focused line edit is watched by a detector."""

    window: QMainWindow
    line_edit: QLineEdit
    detector: ScanDetector
    clock: FakeClock
    scans: Recorder
    returns: Recorder


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    window = QMainWindow()
    line_edit = QLineEdit()
    window.setCentralWidget(line_edit)
    qtbot.addWidget(window)
    clock = FakeClock()
    detector = ScanDetector(window, clock=clock)
    rig = Rig(window, line_edit, detector, clock, Recorder(), Recorder())
    detector.scanned.connect(rig.scans)
    line_edit.returnPressed.connect(rig.returns)
    activate(qtbot, window, line_edit)
    yield rig
    detector.flush()


def settle() -> None:
    """Deliver queued signals, so 'not emitted' really means not emitted."""
    QCoreApplication.processEvents()


def test_scanner_burst_is_one_signal_and_never_reaches_the_field(qtbot: QtBot, rig: Rig) -> None:
    with qtbot.waitSignal(rig.detector.scanned, timeout=1000) as blocker:
        type_keys(rig.line_edit, "SF1234567890123\r", rig.clock, SCANNER_STEP_MS)
    settle()

    assert blocker.args == ["SF1234567890123"]
    assert rig.scans.calls == [("SF1234567890123",)]
    assert rig.line_edit.text() == ""
    assert rig.returns.calls == []


def test_scanner_burst_through_the_window_system(qtbot: QtBot, rig: Rig) -> None:
    handle = rig.window.windowHandle()
    with qtbot.waitSignal(rig.detector.scanned, timeout=1000) as blocker:
        type_keys(handle, "\x02YT7788990011\x03\r", rig.clock, SCANNER_STEP_MS)
    settle()

    assert blocker.args == ["YT7788990011"]
    assert rig.scans.calls == [("YT7788990011",)]
    assert rig.line_edit.text() == ""
    assert rig.returns.calls == []


def test_human_typing_reaches_the_field_as_typed(rig: Rig) -> None:
    type_keys(rig.line_edit, "zhang 1380", rig.clock, HUMAN_STEP_MS)
    press(rig.line_edit, Qt.Key.Key_Backspace, rig.clock, HUMAN_STEP_MS)
    type_keys(rig.line_edit, "1\r", rig.clock, HUMAN_STEP_MS)
    settle()

    assert rig.line_edit.text() == "zhang 1381"
    assert rig.returns.calls == [()]
    assert rig.scans.calls == []


def test_control_characters_are_stripped_from_a_scan(qtbot: QtBot, rig: Rig) -> None:
    burst = "\x02(01)06901234567892\x1d10AB-7\x03\r"
    with qtbot.waitSignal(rig.detector.scanned, timeout=1000) as blocker:
        type_keys(rig.line_edit, burst, rig.clock, SCANNER_STEP_MS)

    assert blocker.args == ["(01)0690123456789210AB-7"]
    assert rig.line_edit.text() == ""


def test_tab_also_ends_a_scan(qtbot: QtBot, rig: Rig) -> None:
    with qtbot.waitSignal(rig.detector.scanned, timeout=1000) as blocker:
        type_keys(rig.line_edit, "4006381333931\t", rig.clock, SCANNER_STEP_MS)

    assert blocker.args == ["4006381333931"]
    assert QApplication.focusWidget() is rig.line_edit  # the Tab did not move focus


def test_two_bursts_give_two_signals_in_order(qtbot: QtBot, rig: Rig) -> None:
    type_keys(rig.line_edit, "JD0001\r", rig.clock, SCANNER_STEP_MS)
    rig.clock.advance_ms(300)
    type_keys(rig.line_edit, "JD0002\r", rig.clock, SCANNER_STEP_MS)
    qtbot.waitUntil(lambda: len(rig.scans.calls) == 2, timeout=1000)
    settle()

    assert rig.scans.calls == [("JD0001",), ("JD0002",)]
    assert rig.line_edit.text() == ""


def test_short_fast_burst_is_replayed_after_silence(qtbot: QtBot, rig: Rig) -> None:
    type_keys(rig.line_edit, "ok", rig.clock, SCANNER_STEP_MS)
    assert rig.line_edit.text() == ""  # held back while it might still become a scan

    rig.clock.advance_ms(DEFAULT_MAX_GAP_MS + 1)
    qtbot.waitUntil(lambda: rig.line_edit.text() == "ok", timeout=1000)
    settle()
    assert rig.scans.calls == []


def test_a_long_burst_without_enter_is_still_a_scan(qtbot: QtBot, rig: Rig) -> None:
    """Scanners reset to factory settings often send no terminator at all."""
    type_keys(rig.line_edit, "YT1234567890123", rig.clock, SCANNER_STEP_MS)

    rig.clock.advance_ms(DEFAULT_MAX_GAP_MS + 1)
    qtbot.waitUntil(lambda: rig.scans.calls == [("YT1234567890123",)], timeout=1000)
    assert rig.line_edit.text() == ""
    assert rig.returns.calls == []


def test_a_long_burst_typed_at_human_speed_is_typing(qtbot: QtBot, rig: Rig) -> None:
    type_keys(rig.line_edit, "13812345678", rig.clock, HUMAN_STEP_MS)
    rig.clock.advance_ms(DEFAULT_MAX_GAP_MS + 1)
    qtbot.waitUntil(lambda: rig.line_edit.text() == "13812345678", timeout=1000)
    settle()
    assert rig.scans.calls == []


def test_silence_is_measured_with_the_real_clock_by_default(qtbot: QtBot) -> None:
    window = QMainWindow()
    line_edit = QLineEdit()
    window.setCentralWidget(line_edit)
    qtbot.addWidget(window)
    ScanDetector(window)
    activate(qtbot, window, line_edit)

    QTest.keyClicks(line_edit, "hi")
    qtbot.waitUntil(lambda: line_edit.text() == "hi", timeout=1000)


def test_space_on_a_button_still_clicks_it(qtbot: QtBot) -> None:
    window = QMainWindow()
    button = QPushButton("确认")
    window.setCentralWidget(button)
    qtbot.addWidget(window)
    clock = FakeClock()
    detector = ScanDetector(window, clock=clock)
    activate(qtbot, window, button)

    with qtbot.waitSignal(button.clicked, timeout=1000):
        press(button, Qt.Key.Key_Space, clock, HUMAN_STEP_MS)
        detector.flush()  # the press is replayed with its release, so the button comes up
    assert not button.isDown()


def test_flush_replays_held_keys_at_once(rig: Rig) -> None:
    type_keys(rig.line_edit, "abc", rig.clock, SCANNER_STEP_MS)
    rig.detector.flush()
    assert rig.line_edit.text() == "abc"


def test_fast_burst_too_short_for_a_code_keeps_its_enter(rig: Rig) -> None:
    type_keys(rig.line_edit, "ab\r", rig.clock, SCANNER_STEP_MS)
    settle()

    assert rig.line_edit.text() == "ab"
    assert rig.returns.calls == [()]
    assert rig.scans.calls == []


def test_editing_key_inside_a_fast_burst_keeps_key_order(rig: Rig) -> None:
    type_keys(rig.line_edit, "ab", rig.clock, SCANNER_STEP_MS)
    press(rig.line_edit, Qt.Key.Key_Left, rig.clock, SCANNER_STEP_MS)
    type_keys(rig.line_edit, "c", rig.clock, SCANNER_STEP_MS)
    rig.detector.flush()
    settle()

    assert rig.line_edit.text() == "acb"
    assert rig.scans.calls == []


def test_slow_enter_after_a_fast_burst_is_not_a_scan(rig: Rig) -> None:
    type_keys(rig.line_edit, "12345678", rig.clock, SCANNER_STEP_MS)
    type_keys(rig.line_edit, "\r", rig.clock, HUMAN_STEP_MS)
    settle()

    assert rig.line_edit.text() == "12345678"
    assert rig.returns.calls == [()]
    assert rig.scans.calls == []


def test_scan_does_not_fire_a_return_shortcut(qtbot: QtBot, rig: Rig) -> None:
    action = QAction(rig.window)
    action.setShortcut(QKeySequence(Qt.Key.Key_Return))
    rig.window.addAction(action)
    triggered = Recorder()
    action.triggered.connect(triggered)
    handle = rig.window.windowHandle()

    with qtbot.waitSignal(rig.detector.scanned, timeout=1000):
        type_keys(handle, "ZTO55667788\r", rig.clock, SCANNER_STEP_MS)
    assert triggered.calls == []

    type_keys(handle, "\r", rig.clock, HUMAN_STEP_MS)  # a person's Enter still works
    assert len(triggered.calls) == 1


def test_disabled_detector_passes_everything_through(rig: Rig) -> None:
    rig.detector.enabled = False
    type_keys(rig.line_edit, "SF1234567890\r", rig.clock, SCANNER_STEP_MS)
    settle()

    assert rig.detector.enabled is False
    assert rig.line_edit.text() == "SF1234567890"
    assert rig.returns.calls == [()]
    assert rig.scans.calls == []


def test_disabling_releases_held_keys(rig: Rig) -> None:
    type_keys(rig.line_edit, "xy", rig.clock, SCANNER_STEP_MS)
    rig.detector.enabled = False
    assert rig.line_edit.text() == "xy"


def test_keys_for_another_window_are_not_touched(qtbot: QtBot, rig: Rig) -> None:
    other = QWidget()
    other_edit = QLineEdit(other)
    qtbot.addWidget(other)
    other_returns = Recorder()
    other_edit.returnPressed.connect(other_returns)
    activate(qtbot, other, other_edit)

    type_keys(other_edit, "SF1234567890\r", rig.clock, SCANNER_STEP_MS)
    settle()

    assert other_edit.text() == "SF1234567890"
    assert other_returns.calls == [()]
    assert rig.scans.calls == []
    assert rig.line_edit.text() == ""


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("\x02ABC123\x03", "ABC123"),
        ("  9787111213823 \r\n", "9787111213823"),
        ("(01)0690\x1d(10)A1", "(01)0690(10)A1"),
        ("\x02\x03", ""),
    ],
)
def test_clean_code(raw: str, code: str) -> None:
    assert clean_code(raw) == code
