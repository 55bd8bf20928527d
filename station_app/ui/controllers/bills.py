"""What the 缴费 page reads and changes, with one transaction per action.

The billers set is read once per :meth:`BillsController.reload` (when the page comes to
the front) rather than at every keystroke: the live fee is asked for as the keeper types,
and a set the county sends mid-day is taken the next time the page is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.core import operators, permissions
from station_app.core.bills import payments, views
from station_app.core.bills.billers import Biller, Billers
from station_app.core.bills.catalogue import billers_in_use
from station_app.core.bills.payments import BillOrder, Quote
from station_app.core.bills.receipt import receipt_for
from station_app.core.bills.views import PaymentView
from station_app.core.clock import business_day
from station_app.core.errors import CONTEXT
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require
from station_app.core.receipts import Receipt
from station_app.core.store import Store
from station_app.ui.controllers import session as session_queries


def _core(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class BillsController:
    """``billers`` is injectable for tests; by default the set in use is read."""

    def __init__(
        self, store: Store, operator: OperatorInfo, billers: Billers | None = None
    ) -> None:
        self._store = store
        self._fixed = billers
        self.operator = operator
        self.billers = billers if billers is not None else self._read_billers()

    def _read_billers(self) -> Billers:
        with self._store.reading() as session:
            return billers_in_use(session)

    def reload(self) -> bool:
        """Read the set in use again; True when it changed (the combo must be refilled)."""
        if self._fixed is not None:
            return False
        fresh = self._read_billers()
        changed = fresh != self.billers
        self.billers = fresh
        return changed

    # --- the form -----------------------------------------------------------------

    def choices(self) -> list[Biller]:
        return list(self.billers.billers.values())

    def quote(self, biller_code: str, amount: str) -> Quote:
        return payments.quote(self.billers, biller_code, amount)

    def check_account(self, biller_code: str, account: str) -> str:
        return payments.check_account(self.billers, biller_code, account)

    # --- actions ------------------------------------------------------------------

    def record(self, order: BillOrder) -> PaymentView:
        with self._store.writing() as session:
            return payments.record(
                session, self._store.clock, actor=self.operator, order=order, billers=self.billers
            )

    def submit(self, payment_uid: str) -> PaymentView:
        with self._store.writing() as session:
            return payments.submit(
                session, self._store.clock, actor=self.operator, payment_uid=payment_uid
            )

    def succeed(self, payment_uid: str, reference: str) -> PaymentView:
        with self._store.writing() as session:
            return payments.succeed(
                session,
                self._store.clock,
                actor=self.operator,
                payment_uid=payment_uid,
                reference=reference,
            )

    @property
    def may_fail(self) -> bool:
        return permissions.can(self.operator.role, Permission.VOID)

    def check_may_fail(self) -> None:
        """The core's own rule, asked before the form opens; ``fail`` checks it again."""
        require(self.operator.role, Permission.VOID)

    def fail(self, payment_uid: str, reason: str) -> PaymentView:
        with self._store.writing() as session:
            return payments.fail(
                session,
                self._store.clock,
                actor=self.operator,
                payment_uid=payment_uid,
                reason=reason,
            )

    # --- reading ------------------------------------------------------------------

    def today_and_open(self) -> list[PaymentView]:
        day = business_day(self._store.clock.now())
        with self._store.reading() as session:
            return views.today_and_open(session, day)

    def pending(self) -> list[PaymentView]:
        with self._store.reading() as session:
            return views.pending(session)

    def find_by_tail(self, tail: str) -> list[PaymentView]:
        with self._store.reading() as session:
            return views.find_by_tail(session, tail)

    def full_account(self, payment_uid: str) -> str:
        with self._store.reading() as session:
            return views.full_account(session, payment_uid)

    def receipt(self, payment: PaymentView) -> Receipt:
        with self._store.reading() as session:
            names = {info.login: info.display_name for info in operators.list_all(session)}
        return receipt_for(
            payment,
            station_name=session_queries.station_name(self._store),
            operator_name=names.get(payment.recorded_by, ""),
            translate=_core,
        )
