"""What the 快递 page reads and changes, with one transaction per action.

The page's tabs call only this class, so no widget holds a session or knows a query,
and every write (check-in, hand-over, return) is one ``store.writing()`` block with its
ledger entry, committed or rolled back as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app.core import couriers, preferences
from station_app.core.clock import business_day
from station_app.core.couriers import Courier, Recognition
from station_app.core.notifications import gateway_config, reminders
from station_app.core.operators import OperatorInfo
from station_app.core.orders import transitions as order_steps
from station_app.core.orders import views as order_views
from station_app.core.orders.views import OrderView
from station_app.core.parcels import checkin, handover, photos, returns, shelves, stats
from station_app.core.parcels.checkin import Arrival, CheckInResult
from station_app.core.parcels.stats import DayCounts
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store


@dataclass(frozen=True)
class ShelfInfo:
    """One shelf of the layout, for the batch combos: its code and how many tiers."""

    code: str
    tiers: int


class ParcelsController:
    """The 快递 page's link to the store, acting as the operator at the counter."""

    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator

    # --- reference data -----------------------------------------------------------

    @staticmethod
    def recognise(text: str, *, allow_product_code: bool = False) -> Recognition:
        """Normalise a scan and rank its couriers; raises NotAWaybill / ValidationError."""
        return couriers.recognise(text, allow_product_code=allow_product_code)

    @staticmethod
    def couriers() -> list[Courier]:
        return couriers.all_couriers()

    @staticmethod
    def courier_name(code: str) -> str:
        """The Chinese name for a stored courier code; an unknown code shows as itself."""
        try:
            return couriers.courier_by_code(code).name
        except couriers.ValidationError:
            return code

    def shelves(self) -> list[ShelfInfo]:
        """The shelf layout; the first call on a new station lays out the default one."""
        with self._store.reading() as session:
            rows = shelves.shelves(session)
            layout = [ShelfInfo(row.code, row.tiers) for row in rows]
        if layout:
            return layout
        with self._store.writing() as session:
            return [ShelfInfo(row.code, row.tiers) for row in shelves.shelves(session)]

    # --- check-in -----------------------------------------------------------------

    def earlier(self, tracking_number: str) -> ParcelView | None:
        """The newest parcel already on record with this number, if any: asked at scan
        time so a duplicate is reported before the keeper types a phone for it."""
        with self._store.reading() as session:
            found = handover.find(session, tracking_number)
        return found[0] if found else None

    def check_in(self, arrival: Arrival, *, again: bool = False) -> CheckInResult:
        with self._store.writing() as session:
            notify = gateway_config.channel(session)  # the keeper's choice in 设置 → 通知
            return checkin.check_in(
                session,
                self._store.clock,
                actor=self.operator,
                arrival=arrival,
                again=again,
                notify=notify,
            )

    def print_labels(self) -> bool:
        """入库后打印标签, as last chosen at this station."""
        with self._store.reading() as session:
            return preferences.get(session, preferences.PRINT_LABELS)

    def set_print_labels(self, value: bool) -> None:
        """Remember the choice (a keeper's; raises PermissionDenied for an assistant)."""
        with self._store.writing() as session:
            preferences.set_value(
                session,
                self._store.clock,
                actor=self.operator,
                pref=preferences.PRINT_LABELS,
                value=value,
            )

    # --- pickup and returns -------------------------------------------------------

    def find(self, query: str) -> list[ParcelView]:
        with self._store.reading() as session:
            return handover.find(session, query)

    def waiting_for_same_phone(self, parcel_uid: str) -> list[ParcelView]:
        with self._store.reading() as session:
            return handover.waiting_for_same_phone(session, parcel_uid)

    def hand_over(
        self, scans: dict[str, str | None], photo: bytes | None = None
    ) -> list[ParcelView]:
        """All of ``scans`` leave together, or none does (one transaction). A ``photo``
        (JPEG) is saved first; raises ``photos.PhotoNotSaved`` and hands nothing over if
        it cannot be, and is removed again if the hand-over fails."""
        clock = self._store.clock
        with (
            photos.kept(self._store.data_dir, photo, clock.now()) as saved,
            self._store.writing() as session,
        ):
            return handover.hand_over(session, clock, actor=self.operator, scans=scans, photo=saved)

    def orders_waiting_on(self, parcel_uids: list[str]) -> list[OrderView]:
        """Agent orders (代购) whose goods came in these parcels, still to be settled."""
        with self._store.reading() as session:
            return order_views.waiting_on_parcels(session, parcel_uids)

    def deliver_order(self, order_uid: str, method: str) -> OrderView:
        """Settle an agent order's balance as its parcel is handed over."""
        with self._store.writing() as session:
            return order_steps.deliver(
                session, self._store.clock, actor=self.operator, order_uid=order_uid, method=method
            )

    def return_to_courier(self, parcel_uid: str, reason: str, note: str = "") -> ParcelView:
        with self._store.writing() as session:
            return returns.return_to_courier(
                session,
                self._store.clock,
                actor=self.operator,
                parcel_uid=parcel_uid,
                reason=reason,
                note=note,
            )

    # --- the day ------------------------------------------------------------------

    def day_counts(self) -> DayCounts:
        now = self._store.clock.now()
        with self._store.reading() as session:
            days = preferences.get(session, preferences.OVERDUE_DAYS)
            return stats.day_counts(session, business_day(now), now, days)

    def overdue_days(self) -> int:
        with self._store.reading() as session:
            return preferences.get(session, preferences.OVERDUE_DAYS)

    def overdue(self) -> list[ParcelView]:
        now = self._store.clock.now()
        with self._store.reading() as session:
            days = preferences.get(session, preferences.OVERDUE_DAYS)
            return returns.overdue(session, now, days)

    def remind(self, parcel_uids: list[str]) -> reminders.ReminderReport:
        """再次通知: a reminder for each parcel, at most one per parcel per day."""
        with self._store.writing() as session:
            return reminders.remind(session, self._store.clock, parcel_uids)
