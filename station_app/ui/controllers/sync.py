"""What the 同步 page reads and does: the sync state, its history, and enrolment.

Reads are short transactions through :mod:`sync.state`; :meth:`SyncController.enrol`
and :meth:`SyncController.recover` talk to the county and so must run off the GUI
thread (the page uses a :class:`~station_app.ui.background.BackgroundCall`). Both are
the keeper's: the permission is checked here, so a control an assistant cannot see is
refused anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from station_app.core import permissions
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission
from station_app.core.store import Store
from sync import client as sync_client
from sync import recovery
from sync import state as sync_state
from sync.recovery import RecoveryReport
from sync.state import SyncStatus

HISTORY_LIMIT = 100


@dataclass(frozen=True)
class HistoryRow:
    attempted_at: datetime
    outcome: str  # ok, retry, halted
    entries_sent: int
    error_code: str | None
    error_message: str | None


class SyncController:
    """The 同步 page's link to the store and the county, acting as the operator."""

    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator

    @property
    def can_enrol(self) -> bool:
        return permissions.can(self.operator.role, Permission.CHANGE_SETTINGS)

    def status(self) -> SyncStatus:
        return sync_state.status(self._store)

    def county_url(self) -> str | None:
        enrolment = sync_state.enrolment(self._store)
        return None if enrolment is None else enrolment.county_url

    def history(self, limit: int = HISTORY_LIMIT) -> list[HistoryRow]:
        with self._store.reading() as session:
            return [
                HistoryRow(
                    row.attempted_at,
                    row.outcome,
                    row.entries_sent,
                    row.error_code,
                    row.error_message,
                )
                for row in sync_state.history(session, limit)
            ]

    def check_can_enrol(self) -> None:
        permissions.require(self.operator.role, Permission.CHANGE_SETTINGS)

    def enrol(self, url: str, code: str) -> SyncStatus:
        """Exchange ``code`` with the county at ``url`` (network: never on the GUI thread)."""
        self.check_can_enrol()
        return sync_client.enrol(self._store, url, code)

    def recover(self, after_page: Callable[[int], None] | None = None) -> RecoveryReport:
        """Fetch what the county holds beyond the local ledger (network: never on the GUI
        thread); ``after_page`` gets the local last sequence after each committed page."""
        self.check_can_enrol()
        client = sync_client.client_for(self._store)
        if client is None:
            return RecoveryReport("not_enrolled", error_message=recovery.MSG_NOT_ENROLLED)
        try:
            return recovery.recover(self._store, client, after_page=after_page)
        finally:
            client.close()
