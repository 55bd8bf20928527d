"""What the 日结 page reads and does: the open period, petty cash, the close itself.

Amounts arrive as the keeper typed them and are read with :meth:`Fen.parse` (two
decimals at most, no floats); each action is one write transaction in the core.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from station_app.core import permissions
from station_app.core.bills import views as bill_views
from station_app.core.bills.views import PaymentView
from station_app.core.cash import day_close, petty, report
from station_app.core.cash.day_close import Closed, Summary
from station_app.core.cash.petty import Direction
from station_app.core.db.cash_models import DayClose
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission
from station_app.core.receipts import Receipt
from station_app.core.store import Store

HISTORY_LIMIT = 60


@dataclass(frozen=True)
class PastClose:
    business_day: str
    closed_at: datetime
    operator: str
    expected: dict[str, Fen]
    counted: dict[str, Fen]
    note: str

    def difference(self) -> Fen:
        """All methods together: what the keeper has to explain."""
        total = Fen(0)
        for method in self.counted.keys() | self.expected.keys():
            total += self.counted.get(method, Fen(0)) - self.expected.get(method, Fen(0))
        return total


class CashController:
    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator

    @property
    def can_close(self) -> bool:
        return permissions.can(self.operator.role, Permission.CLOSE_DAY)

    def summary(self) -> Summary:
        with self._store.reading() as session:
            return day_close.summary(session, self._store.clock.now())

    def pending_bills(self) -> list[PaymentView]:
        with self._store.reading() as session:
            return bill_views.pending(session)

    def close(
        self, counted: Mapping[str, str], note: str, carried_over: Sequence[str] = ()
    ) -> Closed:
        """``counted`` holds the typed text per method; an empty field is left out."""
        amounts = {method: Fen.parse(text) for method, text in counted.items() if text.strip()}
        with self._store.writing() as session:
            return day_close.close_day(
                session,
                self._store.clock,
                actor=self.operator,
                counted=amounts,
                note=note,
                carried_over=carried_over,
            )

    def petty(self, direction: Direction, amount: str, method: str, reason: str) -> None:
        with self._store.writing() as session:
            petty.record(
                session,
                self._store.clock,
                actor=self.operator,
                direction=direction,
                amount=Fen.parse(amount),
                method=method,
                reason=reason,
            )

    def report(self, business_day: str, *, reprint: bool = False) -> Receipt:
        """The 日结单 of that day's close; a reprint is marked 重打 with the time now."""
        with self._store.reading() as session:
            close = session.scalar(select(DayClose).where(DayClose.business_day == business_day))
            if close is None:
                raise LookupError(business_day)
            receipt = report.close_report(session, close)
        return receipt.reprint(self._store.clock.now()) if reprint else receipt

    def history(self, limit: int = HISTORY_LIMIT) -> list[PastClose]:
        with self._store.reading() as session:
            rows = session.scalars(select(DayClose).order_by(DayClose.seq.desc()).limit(limit))
            return [
                PastClose(
                    row.business_day,
                    row.closed_at,
                    row.operator,
                    day_close.expected_of(row),
                    day_close.counted_of(row),
                    row.note,
                )
                for row in rows
            ]
