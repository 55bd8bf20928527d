"""What the notification screens read and change: the sender settings (设置 → 通知),
the outbox list (快递 → 通知), reminders for overdue parcels (快递 → 今日).

Screens call only these functions, so no widget holds a session. Each write is one
transaction; the network is never touched here except by :meth:`send_trial`, which
the settings tab runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from station_app.core import permissions, preferences
from station_app.core.db.notification_models import Channel, NotificationStatus
from station_app.core.notifications import dispatch, gateway_config, listing, outbox, reminders
from station_app.core.notifications.compose import arrival_text
from station_app.core.notifications.dispatch import ClipboardBatch, PrintList
from station_app.core.notifications.gateway_config import GatewayConfig
from station_app.core.notifications.listing import OutboxRow, OutboxSummary
from station_app.core.notifications.reminders import ReminderReport
from station_app.core.notifications.senders import print_list_text
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission
from station_app.core.store import Store
from station_app.ui.controllers import session as session_info

LIST_LIMIT = 200
SAMPLE_CODE = "3-2-0156"


class NotificationsController:
    """Acts as the operator at the counter; settings changes are the keeper's."""

    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator

    @property
    def can_change_settings(self) -> bool:
        return permissions.can(self.operator.role, Permission.CHANGE_SETTINGS)

    # --- settings -----------------------------------------------------------------

    def gateway(self) -> GatewayConfig:
        with self._store.reading() as session:
            return gateway_config.load(session)

    def save_gateway(self, config: GatewayConfig, new_secret: str | None) -> GatewayConfig:
        """All settings in one transaction; ``new_secret`` None keeps the saved one."""
        with self._store.writing() as session:
            return gateway_config.save(
                session,
                self._store.clock,
                actor=self.operator,
                config=config,
                new_secret=new_secret,
            )

    def station_name(self) -> str:
        return session_info.station_name(self._store)

    def hours(self) -> str:
        with self._store.reading() as session:
            return preferences.get(session, preferences.OPENING_HOURS)

    def now(self) -> datetime:
        return self._store.clock.now()

    def sample_text(self) -> str:
        """An arrival notice as villagers will read it, with this station's words."""
        return arrival_text(self.station_name(), SAMPLE_CODE, self.hours())

    @staticmethod
    def send_trial(config: GatewayConfig, phone: str, station_name: str) -> None:
        """Send one test SMS with ``config`` (blocking: call it off the GUI thread).
        Raises ValidationError for bad settings or number, SendFailed when not sent."""
        number = gateway_config.trial_phone(phone)
        config.validate()
        sender = config.sender()
        try:
            sender.send(number, gateway_config.trial_text(station_name))
        finally:
            sender.close()

    # --- the outbox ---------------------------------------------------------------

    def messages(self, *, open_only: bool = False) -> list[OutboxRow]:
        with self._store.reading() as session:
            return listing.recent(session, limit=LIST_LIMIT, open_only=open_only)

    def summary(self) -> OutboxSummary:
        with self._store.reading() as session:
            return listing.summary(session)

    def retry(self, uids: Iterable[str]) -> int:
        """Failed messages go back to waiting, due now; returns how many did."""
        done = 0
        with self._store.writing() as session:
            for uid in uids:
                after = outbox.retry(session, self._store.clock, uid)
                done += after.status is NotificationStatus.PENDING and after.attempts == 0
        return done

    def take_print_list(self) -> PrintList:
        return dispatch.take_print_list(self._store, self._store.clock)

    def print_text(self, printed: PrintList) -> str:
        return print_list_text(printed.rows, self.station_name(), self._store.clock.now())

    def finish_print_list(self, printed: PrintList, error: str | None = None) -> None:
        dispatch.finish_print_list(self._store, self._store.clock, printed, error=error)

    def take_clipboard(self) -> ClipboardBatch:
        return dispatch.take_clipboard(self._store, self._store.clock)

    def finish_clipboard(self, batch: ClipboardBatch) -> None:
        dispatch.finish_clipboard(self._store, self._store.clock, batch)

    def waiting(self, channel: Channel) -> int:
        return self.summary().waiting[channel]

    # --- reminders ----------------------------------------------------------------

    def remind(self, parcel_uids: Iterable[str]) -> ReminderReport:
        with self._store.writing() as session:
            return reminders.remind(session, self._store.clock, parcel_uids)
