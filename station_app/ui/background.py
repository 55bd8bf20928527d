"""One call off the GUI thread, its result back by Qt signal (Anki's QueryOp, small).

For the rare one-off network call a screen makes (a test SMS): the counter must never
freeze on a gateway that takes seconds to answer. The function must not touch widgets;
only the ``succeeded``/``failed`` handlers do, and they run in the GUI thread because
the signals are queued to this object's thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class BackgroundCall(QObject):
    """Runs one function at a time in a Python thread; emits ``succeeded(result)`` or
    ``failed(exception)``. The thread is a daemon: a call still waiting on the network
    when the app quits is abandoned, which is harmless for what it is used for."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, function: Callable[[], object]) -> bool:
        """Start ``function``; False (and nothing started) while the previous one runs."""
        if self.running:
            return False
        self._thread = threading.Thread(
            target=self._run, args=(function,), name=self._name, daemon=True
        )
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, function: Callable[[], object]) -> None:
        value: object
        try:
            result = function()
        except Exception as error:  # reported to the screen, which says it in Chinese
            outcome, value = self.failed, error
        else:
            outcome, value = self.succeeded, result
        # The screen may have been closed meanwhile: then nobody is waiting for it.
        with contextlib.suppress(RuntimeError):
            outcome.emit(value)
