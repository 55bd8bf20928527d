"""What the 代购 page reads and does, with one transaction per action.

Amounts arrive as the keeper typed them and are read by the core (two decimals at most,
never negative, never absurd); the page holds no session and knows no query.
"""

from __future__ import annotations

from collections.abc import Sequence

from station_app.core import permissions
from station_app.core.operators import OperatorInfo
from station_app.core.orders import register, transitions, views
from station_app.core.orders.forms import ItemForm, OrderForm, Preview, preview
from station_app.core.orders.receipt import ReceiptKind, receipt_for
from station_app.core.orders.views import OrderView, VillagerBalance
from station_app.core.permissions import Permission
from station_app.core.receipts import Receipt, Translate
from station_app.core.store import Store
from station_app.ui.controllers import session
from station_app.ui.receipt_printing import ReceiptPrinter


class OrdersController:
    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator
        self.receipt_printer = ReceiptPrinter(store)

    def print_receipt(self, receipt: Receipt) -> str:
        """Where 设置 says receipts go; "" when done, else what the keeper must know."""
        printed = self.receipt_printer.print(receipt)
        return "" if printed.ok else printed.message

    @property
    def can_give_back(self) -> bool:
        """Cancelling and refunding pay money out: keepers only."""
        return permissions.can(self.operator.role, Permission.VOID)

    # --- reading --------------------------------------------------------------------

    @staticmethod
    def preview(items: Sequence[ItemForm], service_fee: str, deposit: str) -> Preview:
        return preview(items, service_fee, deposit)

    def orders(self, text: str = "", *, open_only: bool = True) -> list[OrderView]:
        with self._store.reading() as s:
            if text.strip():
                return views.search(s, text, open_only=open_only)
            return views.open_orders(s) if open_only else views.recent(s)

    def order(self, order_uid: str) -> OrderView:
        with self._store.reading() as s:
            return views.order(s, order_uid)

    def balances(self, text: str) -> list[VillagerBalance]:
        with self._store.reading() as s:
            return views.balances(s, text)

    def orders_of(self, key: str) -> list[OrderView]:
        with self._store.reading() as s:
            return views.orders_of(s, key)

    def waiting_on_parcels(self, parcel_uids: Sequence[str]) -> list[OrderView]:
        with self._store.reading() as s:
            return views.waiting_on_parcels(s, parcel_uids)

    def receipt(self, order: OrderView, kind: ReceiptKind, translate: Translate) -> Receipt:
        return receipt_for(
            order,
            kind,
            station_name=session.station_name(self._store) or "—",
            operator=self.operator.display_name,
            # When it happened, not when it is printed: a second print of the same slip
            # is then recognised as a reprint (``ui.receipt_printing``).
            issued_at=order.registered_at if kind is ReceiptKind.REGISTERED else order.changed_at,
            translate=translate,
        )

    # --- actions --------------------------------------------------------------------

    def register(self, form: OrderForm) -> OrderView:
        with self._store.writing() as s:
            return register.register(s, self._store.clock, actor=self.operator, form=form)

    def place(self, order_uid: str, platform_order_number: str, tracking: str) -> OrderView:
        with self._store.writing() as s:
            return transitions.place(
                s,
                self._store.clock,
                actor=self.operator,
                order_uid=order_uid,
                platform_order_number=platform_order_number,
                tracking=tracking,
            )

    def ship(self, order_uid: str, tracking: str) -> OrderView:
        with self._store.writing() as s:
            return transitions.ship(
                s, self._store.clock, actor=self.operator, order_uid=order_uid, tracking=tracking
            )

    def mark_arrived(self, order_uid: str) -> OrderView:
        with self._store.writing() as s:
            return transitions.mark_arrived(
                s, self._store.clock, actor=self.operator, order_uid=order_uid
            )

    def deliver(self, order_uid: str, method: str) -> OrderView:
        with self._store.writing() as s:
            return transitions.deliver(
                s, self._store.clock, actor=self.operator, order_uid=order_uid, method=method
            )

    def cancel(self, order_uid: str, reason: str, paid_back: str, method: str) -> OrderView:
        with self._store.writing() as s:
            return transitions.cancel(
                s,
                self._store.clock,
                actor=self.operator,
                order_uid=order_uid,
                reason=reason,
                paid_back=paid_back,
                method=method,
            )

    def refund(self, order_uid: str, reason: str, paid_back: str, method: str) -> OrderView:
        with self._store.writing() as s:
            return transitions.refund(
                s,
                self._store.clock,
                actor=self.operator,
                order_uid=order_uid,
                reason=reason,
                paid_back=paid_back,
                method=method,
            )
