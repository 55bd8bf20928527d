"""Notice when nobody has touched the PC for a while, so the counter can lock itself.

The shop PC stands in a public room; a keeper called away must not leave the till and
the villagers' phone numbers open. An application-wide event filter sees every key,
click, move and wheel turn, and restarts a single-shot timer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)

MS_PER_MINUTE = 60_000


def minutes_to_ms(minutes: int) -> int:
    """The idle preference (minutes, 0 = never) as a timer interval (0 = off)."""
    return max(0, minutes) * MS_PER_MINUTE


class IdleWatcher(QObject):
    """Emits ``idle_timeout`` once after ``interval_ms`` without user input (0 = never).

    The interval is in milliseconds so tests can use a few dozen and wait on the signal.
    """

    idle_timeout = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle_timeout)
        self._installed_on: QObject | None = None
        self.set_interval(interval_ms)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval() if self._enabled else 0

    @property
    def remaining_ms(self) -> int:
        """Milliseconds left before ``idle_timeout`` (-1 when not counting)."""
        return self._timer.remainingTime()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, interval_ms: int) -> None:
        """Change the timeout; 0 switches the watcher off. Restarts the count."""
        self._enabled = interval_ms > 0
        if self._enabled:
            self._timer.setInterval(interval_ms)
        self.poke()

    def install(self, target: QObject | None = None) -> None:
        """Start watching input on ``target`` (the whole application by default)."""
        target = target or QCoreApplication.instance()
        if target is not None and self._installed_on is None:
            target.installEventFilter(self)
            self._installed_on = target
        self.poke()

    def uninstall(self) -> None:
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None
        self._timer.stop()

    def poke(self) -> None:
        """Count from zero again, as if the keeper had just touched the PC."""
        if self._enabled:
            self._timer.start()
        else:
            self._timer.stop()

    def pause(self) -> None:
        """Stop counting (while locked there is nothing left to lock)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
