"""Sends the notification outbox in the background: every minute, soon after a
check-in, and when the keeper presses 立即发送.

One worker QThread does the rounds, one at a time (the core's ``dispatch_once``, one
message per call so a stop request is honoured between messages); the GUI thread only
asks for rounds and hears how they went through ``state_changed``, so a slow or absent
gateway never freezes the counter. The sender is rebuilt from the saved settings at
every round: a keeper who fixes the gateway address sees it used at the next round.

:meth:`NotificationDispatcher.stop` ends the thread and waits for it; the composition
root calls it when the application quits. A message in flight then finishes (at most
the sender's timeout) and is recorded, so nothing is left ``sending``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from station_app.core.db.notification_models import Channel
from station_app.core.errors import QT_TRANSLATE_NOOP, UserError
from station_app.core.notifications import dispatch, gateway_config, listing
from station_app.core.notifications.dispatch import DispatchReport
from station_app.core.notifications.listing import OutboxSummary
from station_app.core.store import Store

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000
SOON_MS = 3_000
"""After a check-in: soon enough for the villager, late enough that a van's burst of
scans goes out in one round."""
ROUND_LIMIT = 50
"""Messages per round at most; the rest wait for the next round a minute later."""
ROUND_CRASHED = QT_TRANSLATE_NOOP("core", "发送通知时出现程序错误（{kind}）")


@dataclass(frozen=True)
class DispatchState:
    """What the status bar and the outbox screen show after a round."""

    summary: OutboxSummary
    channel: Channel
    sms_ready: bool
    report: DispatchReport = field(default_factory=DispatchReport)
    problem: UserError | None = None


class _Worker(QObject):
    """Lives in the dispatcher's thread; never touches a widget."""

    round_finished = Signal(object)

    def __init__(self, store: Store, stopping: threading.Event) -> None:
        super().__init__()
        self._store = store
        self._stopping = stopping

    @Slot()
    def run_round(self) -> None:
        try:
            state = self._round()
        except UserError as error:  # the database (disk full, locked): say so, go on
            log.warning("notification round stopped: %s", type(error).__name__)
            state = self._state(problem=error)
        except Exception as error:  # a bug must not end the thread or the rounds
            kind = type(error).__name__
            log.error("notification round crashed (%s)", kind)  # the text may hold a phone
            state = self._state(problem=UserError(ROUND_CRASHED, kind=kind))
        self.round_finished.emit(state)

    def _round(self) -> DispatchState:
        with self._store.reading() as session:
            config = gateway_config.load(session)
        report = DispatchReport()
        if config.sms_ready:
            report = self._send_sms(config)
        return self._state(report=report)

    def _send_sms(self, config: gateway_config.GatewayConfig) -> DispatchReport:
        sender = config.sender()
        claimed = sent = retrying = failed = 0
        try:
            for _ in range(ROUND_LIMIT):
                if self._stopping.is_set():
                    break
                one = dispatch.dispatch_once(self._store, self._store.clock, sender, limit=1)
                if not one.claimed:
                    break
                claimed += one.claimed
                sent += one.sent
                retrying += one.retrying
                failed += one.failed
        finally:
            sender.close()
        return DispatchReport(claimed, sent, retrying, failed)

    def _state(
        self, report: DispatchReport | None = None, problem: UserError | None = None
    ) -> DispatchState:
        with self._store.reading() as session:
            config = gateway_config.load(session)
            summary = listing.summary(session)
        return DispatchState(
            summary=summary,
            channel=config.channel,
            sms_ready=config.sms_ready,
            report=report or DispatchReport(),
            problem=problem,
        )


class NotificationDispatcher(QObject):
    """Signals: ``round_started``, ``state_changed(DispatchState)``."""

    round_started = Signal()
    state_changed = Signal(object)
    _round_requested = Signal()

    def __init__(
        self,
        store: Store,
        *,
        interval_ms: int = INTERVAL_MS,
        soon_ms: int = SOON_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stopping = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("notifications")
        self._worker = _Worker(store, self._stopping)
        self._worker.moveToThread(self._thread)
        self._round_requested.connect(self._worker.run_round)
        self._worker.round_finished.connect(self._on_round_finished)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.send_now)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(soon_ms)
        self._soon.timeout.connect(self.send_now)
        self._busy = False
        self._again = False
        self.last_state: DispatchState | None = None

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def busy(self) -> bool:
        """A round is under way (or asked for and not yet reported)."""
        return self._busy

    def start(self) -> None:
        """Start the thread and the timer, with a first round at once (idempotent)."""
        if self.running:
            return
        self._stopping.clear()
        self._thread.start()
        self._timer.start()
        self.send_now()

    @Slot()
    def send_now(self) -> None:
        """A round now, or right after the one under way (requests never pile up)."""
        if not self.running or self._stopping.is_set():
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.round_started.emit()
        self._round_requested.emit()

    @Slot()
    def poke(self) -> None:
        """Something was queued: a round in a few seconds (a burst makes one round)."""
        if self.running:
            self._soon.start()

    def stop(self) -> None:
        """Stop the rounds and end the thread, waiting for a message in flight."""
        self._timer.stop()
        self._soon.stop()
        self._stopping.set()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        self._busy = self._again = False

    @Slot(object)
    def _on_round_finished(self, state: DispatchState) -> None:
        self._busy = False
        self.last_state = state
        self.state_changed.emit(state)
        if self._again:
            self._again = False
            self.send_now()
