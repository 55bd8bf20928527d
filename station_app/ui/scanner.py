"""Tell a USB barcode scanner's keystrokes apart from a person's typing.

A keyboard-wedge scanner "types" its code a few milliseconds per character and ends
with Enter (or Tab). Left alone, that text would land in whatever field has focus and
its Enter would press the default button. `ScanDetector` holds printable keystrokes
back for a moment: a fast burst ending in Enter becomes one `scanned` signal and never
reaches the widget; anything else is replayed to the widget, in order, as if the
detector were not there.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

# Scanners send a character every 2-15 ms; 50 ms leaves room for slow USB polling and a
# busy GUI thread, while five keys in a row that fast (four characters and Enter) is
# beyond any person. It is also the longest a held-back keystroke waits to appear.
DEFAULT_MAX_GAP_MS = 50
# Every code we scan (tracking numbers, pickup codes, EAN-8 and up) has at least 4
# characters; fewer than that ending in Enter is far more likely a person.
DEFAULT_MIN_LENGTH = 4
# Some scanners are set up (or reset) to send no Enter. A burst this long at scanner
# speed that then goes quiet is still a scan: no person types 8 keys 50 ms apart, and
# the shortest waybill number is 8 characters long.
DEFAULT_UNTERMINATED_MIN_LENGTH = 8

_KEY_EVENT_TYPES = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
_TERMINATOR_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
# Control characters that come from editing keys a person presses; every other control
# character (STX, ETX, GS, ...) is a scanner's prefix, suffix or separator.
_EDITING_TEXT = frozenset({"\b", "\t", "\n", "\r", "\x1b", "\x7f"})
_NOT_TYPING_MODIFIERS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class _KeyKind(enum.Enum):
    MODIFIER = enum.auto()  # Shift, Ctrl, ...: scanners press them too, so they are neutral
    BURST_CHAR = enum.auto()  # may be part of a scan: held back
    TERMINATOR = enum.auto()  # Enter / Tab: ends a scan
    OTHER = enum.auto()  # arrows, Backspace, F-keys, auto-repeat: surely a person


def _classify(event: QKeyEvent) -> _KeyKind:
    """Sort a key so that a scanner's output and a person's edits never get confused."""
    key = event.key()
    if key in _MODIFIER_KEYS:
        return _KeyKind.MODIFIER
    if event.isAutoRepeat() or event.modifiers() & _NOT_TYPING_MODIFIERS:
        return _KeyKind.OTHER
    if key in _TERMINATOR_KEYS:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        return _KeyKind.OTHER if ctrl else _KeyKind.TERMINATOR
    text = event.text()
    if not text or any(ch in _EDITING_TEXT for ch in text):
        return _KeyKind.OTHER
    if event.modifiers() & Qt.KeyboardModifier.ControlModifier and text.isprintable():
        return _KeyKind.OTHER  # a Ctrl chord that is not a control character
    return _KeyKind.BURST_CHAR


def clean_code(text: str) -> str:
    """Drop the scanner's control characters (STX/ETX framing, GS1 separators)."""
    return "".join(ch for ch in text if ch.isprintable()).strip()


@dataclass(frozen=True, slots=True)
class _HeldKey:
    """A copy of a key event: Qt deletes the original once delivery is over."""

    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int
    text: str
    count: int

    @classmethod
    def copy_of(cls, event: QKeyEvent) -> _HeldKey:
        return cls(
            event.type(),
            event.key(),
            event.modifiers(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
            event.text(),
            event.count(),
        )

    def to_event(self) -> QKeyEvent:
        return QKeyEvent(
            self.type,
            self.key,
            self.modifiers,
            self.native_scan_code,
            self.native_virtual_key,
            self.native_modifiers,
            self.text,
            False,
            self.count,
        )


class ScanDetector(QObject):
    """Application-wide key filter that turns scanner bursts in `window` into `scanned`.

    It installs itself on the QApplication when created and is removed by Qt when it
    is deleted (by default it is a child of `window`, so it lives as long as the window).
    It only looks at keys whose receiver is the focus widget of `window` while `window`
    is the active window: dialogs and other windows keep the plain keyboard behaviour.
    """

    scanned = Signal(str)
    # Emitting through a queued connection lets slots open dialogs or hit the database
    # after the key event is fully handled, never from inside the event filter.
    _scan_ready = Signal(str)

    def __init__(
        self,
        window: QWidget,
        *,
        max_gap_ms: int = DEFAULT_MAX_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        unterminated_min_length: int = DEFAULT_UNTERMINATED_MIN_LENGTH,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._max_gap_s = max_gap_ms / 1000
        self._min_length = min_length
        self._unterminated_min_length = unterminated_min_length
        self._clock = clock if clock is not None else time.monotonic
        self._enabled = True
        self._replaying = False
        self._held: list[_HeldKey] = []
        self._target: QWidget | None = None
        self._last_press_at = 0.0
        self._swallow_release_of: int | None = None
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.setTimerType(Qt.TimerType.PreciseTimer)
        self._silence.timeout.connect(self._on_silence)
        self._scan_ready.connect(self.scanned, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("ScanDetector needs a QApplication")
        app.installEventFilter(self)

    @property
    def enabled(self) -> bool:
        """Whether bursts are detected; when off every key goes straight through."""
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        if not value:
            self.flush()  # nothing typed before switching off may be lost
        self._enabled = value

    def flush(self) -> None:
        """Give every held-back keystroke to the widget it was meant for, in order."""
        self._silence.stop()
        held, target = self._held, self._target
        self._held, self._target = [], None
        if target is None or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for key in held:
                QCoreApplication.sendEvent(target, key.to_event())
        finally:
            self._replaying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype not in _KEY_EVENT_TYPES and etype != QEvent.Type.ShortcutOverride:
            return False
        if self._replaying or not self._enabled or not self._is_watched_target(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if etype == QEvent.Type.KeyPress:
            return self._on_press(watched, event)
        if etype == QEvent.Type.KeyRelease:
            return self._on_release(watched, event)
        return self._on_shortcut_override(watched, event)

    def _is_watched_target(self, watched: QObject) -> bool:
        """True for the first delivery of a key to our window's focus widget.

        Key events also visit the QWindow before the widget and the parents of a widget
        that ignores them; acting only on the focus widget sees each key exactly once.
        """
        if not isinstance(watched, QWidget) or QApplication.activeWindow() is not self._window:
            return False
        focus = QApplication.focusWidget()
        return watched is (focus if focus is not None else self._window)

    def _on_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        kind = _classify(event)
        if kind is _KeyKind.MODIFIER:
            return False
        self._swallow_release_of = None
        now = self._clock()
        if self._held and not self._continues_burst(watched, now):
            self.flush()
        if kind is _KeyKind.BURST_CHAR:
            self._hold(watched, event, now)
            return True
        if kind is _KeyKind.TERMINATOR and self._is_scan():
            self._accept_scan(clean_code(self._held_text()), event.key())
            return True
        self.flush()
        return False  # the current key follows the replayed ones, so order is kept

    def _on_release(self, watched: QWidget, event: QKeyEvent) -> bool:
        """Keep releases with their presses so a replayed key is never left 'down'."""
        if event.key() == self._swallow_release_of:
            self._swallow_release_of = None
            return True
        if not self._held or watched is not self._target or event.key() in _MODIFIER_KEYS:
            return False
        self._held.append(_HeldKey.copy_of(event))
        return True

    def _on_shortcut_override(self, watched: QWidget, event: QKeyEvent) -> bool:
        """Stop a window shortcut on a bare key (e.g. Return) from eating a scan."""
        if not self._held or not self._continues_burst(watched, self._clock()):
            return False
        kind = _classify(event)
        if kind is _KeyKind.BURST_CHAR or (kind is _KeyKind.TERMINATOR and self._is_scan()):
            event.accept()  # "the focus widget wants this key": no shortcut fires
            return True
        return False

    def _continues_burst(self, watched: QWidget, now: float) -> bool:
        return watched is self._target and now - self._last_press_at <= self._max_gap_s

    def _hold(self, watched: QWidget, event: QKeyEvent, now: float) -> None:
        self._held.append(_HeldKey.copy_of(event))
        self._target = watched
        self._last_press_at = now
        self._silence.start(round(self._max_gap_s * 1000))

    def _is_scan(self) -> bool:
        """Whether the held burst, if Enter came now, is long enough to be a code."""
        return len(clean_code(self._held_text())) >= self._min_length

    def _held_text(self) -> str:
        return "".join(k.text for k in self._held if k.type == QEvent.Type.KeyPress)

    def _accept_scan(self, code: str, terminator_key: int | None) -> None:
        self._silence.stop()
        self._held, self._target = [], None
        self._swallow_release_of = terminator_key
        self._scan_ready.emit(code)

    def _on_silence(self) -> None:
        """Flush once the injected clock agrees the burst went quiet.

        Asking the clock rather than trusting the timer keeps tests with a fake clock
        deterministic and covers a timer that fires a little early.
        """
        if not self._held:
            return
        remaining = self._last_press_at + self._max_gap_s - self._clock()
        if remaining > 0:
            self._silence.start(max(1, round(remaining * 1000)))
            return
        code = clean_code(self._held_text())
        if len(code) >= self._unterminated_min_length:
            self._accept_scan(code, None)  # a scanner that sends no Enter
        else:
            self.flush()
