"""What the 设置 page reads and changes, with one transaction per action.

The page's widgets call only this class, so they hold no sessions and no SQL, and the
permission rules stay in the core: a control that is disabled for an assistant would
still be refused here if it were somehow pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station_app.core import first_run, ledger, operators, passwords, permissions, preferences
from station_app.core.db.models import Role
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission
from station_app.core.receipts import ItemLine, QrCode, Receipt, Total
from station_app.core.store import Store
from station_app.ui.receipt_printing import Printed, ReceiptPrinter
from sync.protocol import parse_instant

RECENT_LEDGER_LIMIT = 50


@dataclass(frozen=True)
class PreferenceValues:
    idle_lock_minutes: int
    sounds_enabled: bool
    opening_hours: str
    receipt_printer: str = ""
    receipt_paper_mm: int = 58
    scale_port: str = ""
    scale_protocol: str = preferences.SCALE_PROTOCOL.default
    scale_baud: int = preferences.SCALE_BAUD.default
    scale_settle_readings: int = preferences.SCALE_SETTLE_READINGS.default


@dataclass(frozen=True)
class LedgerRow:
    seq: int
    occurred_at: datetime
    event_type: str
    operator: str


class SettingsController:
    """The 设置 page's link to the store, acting as the operator at the counter."""

    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator
        self.receipt_printer = ReceiptPrinter(store)

    @property
    def can_change(self) -> bool:
        return permissions.can(self.operator.role, Permission.CHANGE_SETTINGS)

    @property
    def can_manage_operators(self) -> bool:
        return permissions.can(self.operator.role, Permission.MANAGE_OPERATORS)

    def station(self) -> first_run.StationInfo | None:
        with self._store.reading() as session:
            return first_run.station_info(session)

    def operators(self) -> list[OperatorInfo]:
        with self._store.reading() as session:
            return operators.list_all(session)

    def add_assistant(
        self, login: str, display_name: str, password: str, password_again: str
    ) -> OperatorInfo:
        passwords.check_same(password, password_again)
        with self._store.writing() as session:
            return operators.create(
                session,
                self._store.clock,
                actor=self.operator,
                login=login,
                display_name=display_name,
                role=Role.ASSISTANT,
                password=password,
            )

    def reset_password(self, login: str, password: str, password_again: str) -> None:
        """A keeper sets a new password for someone who forgot theirs."""
        passwords.check_same(password, password_again)
        with self._store.writing() as session:
            operators.change_password(
                session, self._store.clock, actor=self.operator, login=login, new_password=password
            )

    def change_own_password(self, old_password: str, password: str, password_again: str) -> None:
        passwords.check_same(password, password_again)
        with self._store.writing() as session:
            operators.change_password(
                session,
                self._store.clock,
                actor=self.operator,
                login=self.operator.login,
                new_password=password,
                old_password=old_password,
            )

    def set_active(self, login: str, active: bool) -> None:
        with self._store.writing() as session:
            operators.set_active(
                session, self._store.clock, actor=self.operator, login=login, active=active
            )

    def preferences(self) -> PreferenceValues:
        with self._store.reading() as session:
            return PreferenceValues(
                idle_lock_minutes=preferences.get(session, preferences.IDLE_LOCK_MINUTES),
                sounds_enabled=preferences.get(session, preferences.SOUNDS_ENABLED),
                opening_hours=preferences.get(session, preferences.OPENING_HOURS),
                receipt_printer=preferences.get(session, preferences.RECEIPT_PRINTER),
                receipt_paper_mm=preferences.get(session, preferences.RECEIPT_PAPER_MM),
                scale_port=preferences.get(session, preferences.SCALE_PORT),
                scale_protocol=preferences.get(session, preferences.SCALE_PROTOCOL),
                scale_baud=preferences.get(session, preferences.SCALE_BAUD),
                scale_settle_readings=preferences.get(session, preferences.SCALE_SETTLE_READINGS),
            )

    def test_print(self) -> Printed:
        """A short receipt with a QR code, to the printer the settings name."""
        with self._store.reading() as session:
            info = first_run.station_info(session)
        receipt = Receipt(
            title=QT_TRANSLATE_NOOP("core", "测试小票"),
            station_name=info.name if info is not None else "—",
            number="TEST",
            issued_at=self._store.clock.now(),
            operator=self.operator.login,
            items=(ItemLine(QT_TRANSLATE_NOOP("core", "测试商品"), Fen(100), quantity=1),),
            totals=(Total(QT_TRANSLATE_NOOP("core", "合计"), Fen(100), emphasised=True),),
            qr=QrCode("villagestation:test", QT_TRANSLATE_NOOP("core", "能扫出来就说明二维码正常")),
        )
        return self.receipt_printer.print(receipt)

    def save_preferences(self, values: PreferenceValues) -> None:
        """All preferences in one transaction: either every change is kept or none."""
        clock, actor = self._store.clock, self.operator
        with self._store.writing() as session:
            preferences.set_value(
                session,
                clock,
                actor=actor,
                pref=preferences.IDLE_LOCK_MINUTES,
                value=values.idle_lock_minutes,
            )
            preferences.set_value(
                session,
                clock,
                actor=actor,
                pref=preferences.SOUNDS_ENABLED,
                value=values.sounds_enabled,
            )
            preferences.set_value(
                session,
                clock,
                actor=actor,
                pref=preferences.OPENING_HOURS,
                value=values.opening_hours,
            )
            preferences.set_value(
                session,
                clock,
                actor=actor,
                pref=preferences.RECEIPT_PRINTER,
                value=values.receipt_printer.strip(),
            )
            preferences.set_value(
                session,
                clock,
                actor=actor,
                pref=preferences.RECEIPT_PAPER_MM,
                value=values.receipt_paper_mm,
            )
            scale: list[tuple[preferences.Pref[Any], object]] = [
                (preferences.SCALE_PORT, values.scale_port.strip()),
                (preferences.SCALE_PROTOCOL, values.scale_protocol),
                (preferences.SCALE_BAUD, values.scale_baud),
                (preferences.SCALE_SETTLE_READINGS, values.scale_settle_readings),
            ]
            for pref, value in scale:
                preferences.set_value(session, clock, actor=actor, pref=pref, value=value)

    def recent_entries(self, limit: int = RECENT_LEDGER_LIMIT) -> list[LedgerRow]:
        """The newest ledger entries, newest first."""
        with self._store.reading() as session:
            return [
                LedgerRow(row.seq, parse_instant(row.occurred_at), row.type, row.operator)
                for row in ledger.recent(session, limit)
            ]

    def verify_ledger(self) -> ledger.ChainReport:
        with self._store.reading() as session:
            return ledger.verify(session)
