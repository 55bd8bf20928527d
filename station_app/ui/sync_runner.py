"""Syncs with the county in the background and tells the status bar how it went.

One run uploads the ledger, then, if that went well, downloads reference data and
manifests (and a township posts its manifests): :func:`sync.exchange.exchange`.

An APScheduler ``BackgroundScheduler`` with one worker thread runs every sync job, so
runs never overlap (the periodic tick, a poke after a local write and 立即同步 share
that one thread). Jobs never touch a Qt object: they call the Qt-free
:mod:`sync.client`, then emit ``state_changed`` with a plain :class:`SyncStatus`, which
Qt queues to the GUI thread. Whether a tick uploads is decided from the store
(:func:`sync.schedule.should_run`), so a restart, a sleep or a clock jump loses no run.

:meth:`SyncRunner.stop` ends the scheduler and joins its threads; the composition root
calls it when the application quits. A request in flight finishes first (its timeout
bounds the wait) and no further batch is started.
"""

from __future__ import annotations

import logging
import threading
import uuid
from datetime import UTC, datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from station_app.core.clock import local_time
from station_app.core.errors import UserError
from station_app.core.store import Store
from sync import client as sync_client
from sync import exchange, schedule, state
from sync.state import SyncStatus

log = logging.getLogger(__name__)

TICK_SECONDS = 60
"""How often the worker asks the store whether a run is due (runs come every
``schedule.PERIOD`` while all is well, sooner after a poke)."""
SOON_SECONDS = 5
"""After a local write: a burst of scans goes up in one run."""
THREAD_PREFIX = "sync-worker"


class SyncRunner(QObject):
    """Signals: ``state_changed(SyncStatus)`` after every tick, from the worker thread."""

    state_changed = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        tick_seconds: float = TICK_SECONDS,
        soon_seconds: float = SOON_SECONDS,
        timeout: tuple[float, float] = (sync_client.CONNECT_TIMEOUT, sync_client.READ_TIMEOUT),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tick_seconds = tick_seconds
        self._soon_seconds = soon_seconds
        self._timeout = timeout
        self._stopping = threading.Event()
        self._poked = threading.Event()
        self._soon_pending = threading.Event()
        pool = ThreadPoolExecutor(1, pool_kwargs={"thread_name_prefix": THREAD_PREFIX})
        self._scheduler = BackgroundScheduler(
            executors={"default": pool},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )
        self.last_status: SyncStatus | None = None
        self.state_changed.connect(self._remember)

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def start(self) -> None:
        """The periodic tick, with a first one at once (idempotent; not after stop)."""
        if self.running or self._stopping.is_set():
            return
        self._scheduler.start()
        self._scheduler.add_job(
            self._tick,
            "interval",
            seconds=self._tick_seconds,
            id="tick",
            next_run_time=datetime.now(UTC),
        )

    @Slot()
    def poke(self) -> None:
        """Something was written: a run in a few seconds, one for a whole burst."""
        if not self.running:
            return
        self._poked.set()
        self._run_soon()

    @Slot()
    def sync_now(self) -> None:
        """The keeper asked: a run now, even while backing off or stopped."""
        if self.running:
            self._add_once(0, forced=True)

    def stop(self) -> None:
        """No new batch, the scheduler shut down and its threads joined."""
        self._stopping.set()
        if self.running:
            self._scheduler.shutdown(wait=True)

    def _run_soon(self) -> None:
        """One run a few seconds from now for however many requests come meanwhile."""
        if not self._soon_pending.is_set():
            self._soon_pending.set()
            self._add_once(self._soon_seconds)

    def _add_once(self, seconds: float, *, forced: bool = False) -> None:
        """Each request is its own job: a reused id was skipped by APScheduler ("maximum
        number of running instances") when it came while the last run was finishing,
        and the keeper's 立即同步 was silently lost. The one worker thread still runs
        them one after another."""
        self._scheduler.add_job(
            self._tick,
            "date",
            run_date=datetime.now(UTC) + timedelta(seconds=seconds),
            kwargs={"forced": forced},
            id=f"once-{uuid.uuid4()}",
        )

    # --- in the worker thread: no Qt object but this one's signal ---------------------

    def _tick(self, forced: bool = False) -> None:
        if self._stopping.is_set():
            return
        self._soon_pending.clear()
        poked = self._poked.is_set()
        self._poked.clear()
        try:
            status, more = self._run(forced=forced, poked=poked)
        except UserError as error:  # the database (disk full, locked): say so, go on
            log.warning("sync tick stopped: %s", type(error).__name__)
            return
        except Exception:  # a bug must not end the ticks
            log.exception("sync tick crashed")
            return
        if self._stopping.is_set():
            return
        self.state_changed.emit(status)
        if more:  # a run sends a bounded number of batches: a long backlog goes on soon
            self._poked.set()
            self._run_soon()

    def _run(self, *, forced: bool, poked: bool) -> tuple[SyncStatus, bool]:
        """The state after the run, and whether an upload went well but left a backlog."""
        status = state.status(self._store)
        if not schedule.should_run(status, self._store.clock.now(), poked=poked, forced=forced):
            log.debug("no sync run: not due (failures %d)", status.consecutive_failures)
            return status, False
        client = sync_client.client_for(self._store, timeout=self._timeout)
        if client is None:
            return status, False
        try:
            report = sync_client.upload_pending(
                self._store, client, force=forced, should_stop=self._stopping.is_set
            )
            if report.outcome == "ok" and not self._stopping.is_set():
                exchange.exchange(self._store, client, should_stop=self._stopping.is_set)
        finally:
            client.close()
        after = state.status(self._store)
        return after, report.outcome == "ok" and after.pending > 0

    @Slot(object)
    def _remember(self, status: SyncStatus) -> None:
        self.last_status = status


SKEW_WARNING_SECONDS = 5 * 60


def status_bar_text(status: SyncStatus) -> tuple[str, bool]:
    """The status bar's sync line and whether it needs the keeper (shown in red), with
    the clock's skew against the county's when it is over five minutes."""
    text, warn = state_text(status)
    skew = status.clock_skew_seconds
    if skew is not None and abs(skew) > SKEW_WARNING_SECONDS:
        minutes = round(abs(skew) / 60)
        text += QCoreApplication.translate(
            "sync", "（本机时钟与县中心相差 {minutes} 分钟）"
        ).format(minutes=minutes)
        warn = True
    return text, warn


def state_text(status: SyncStatus) -> tuple[str, bool]:
    """已同步 / 待上传 N 条 / 离线… / 同步已停止…, and whether the keeper must act."""
    if not status.enrolled:
        return QCoreApplication.translate("sync", "未接入县中心"), False
    if status.halted:
        if sync_client.action_for(status.error_code or "") is sync_client.Action.REENROL:
            return QCoreApplication.translate("sync", "同步已停止：请重新接入县中心"), True
        return QCoreApplication.translate("sync", "同步已停止：请联系县中心"), True
    if status.offline:
        if status.last_success_at is None:
            return QCoreApplication.translate("sync", "离线（尚未同步过）"), True
        when = local_time(status.last_success_at).strftime("%H:%M")
        return QCoreApplication.translate("sync", "离线（上次同步 {time}）").format(time=when), True
    if status.pending:
        return QCoreApplication.translate("sync", "待上传 {count} 条").format(
            count=status.pending
        ), False
    return QCoreApplication.translate("sync", "已同步"), False
