"""What the 寄件 tab reads and changes, with one transaction per action.

The tab never holds a session nor knows the tariff table's shape: it asks this class
for the couriers and provinces to offer, for the live price, and to accept, collect
and cancel, each of which is one ``store.writing()`` block with its ledger entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app.core.clock import business_day
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import sending
from station_app.core.parcels.sending import Price, ShipmentOrder, ShipmentView
from station_app.core.parcels.tariffs import Tariffs, active_tariffs
from station_app.core.permissions import Permission, require
from station_app.core.store import Store
from station_app.core.weight import Grams


@dataclass(frozen=True)
class CourierChoice:
    """One courier of the tariff table, as the combo offers it."""

    code: str
    name: str


class SendingController:
    """The 寄件 tab's link to the store, acting as the operator at the counter.

    ``tariffs`` is injectable for tests; by default the table in use is read at each
    call, so a table the county sends mid-day prices the next parcel.
    """

    def __init__(
        self, store: Store, operator: OperatorInfo, tariffs: Tariffs | None = None
    ) -> None:
        self._store = store
        self._tariffs = tariffs
        self.operator = operator

    @property
    def tariffs(self) -> Tariffs:
        return active_tariffs() if self._tariffs is None else self._tariffs

    # --- reference data -----------------------------------------------------------

    def couriers(self) -> list[CourierChoice]:
        return [CourierChoice(t.code, t.name) for t in self.tariffs.couriers.values()]

    def courier_name(self, code: str) -> str:
        tariff = self.tariffs.couriers.get(code)
        return code if tariff is None else tariff.name

    def provinces(self) -> list[str]:
        """Full names in the table's order (the station's own province first)."""
        names = list(self.tariffs.provinces)
        origin = self.tariffs.origin
        return [origin, *(name for name in names if name != origin)]

    def province(self, typed: str) -> str:
        """陕西 → 陕西省; raises ValidationError for a province the table lacks."""
        return self.tariffs.province(typed)

    @staticmethod
    def weight(typed: str) -> Grams:
        """What the keeper typed, in grams (a bare number is kg, as on a parcel scale)."""
        return Grams.parse(typed, default_unit="kg")

    def price(self, courier: str, province: str, weight: Grams | str) -> Price:
        """The live fee; raises OrderError naming the field that prevents a price."""
        return sending.price(courier, province, weight, self.tariffs)

    # --- actions ------------------------------------------------------------------

    def accept(self, order: ShipmentOrder) -> ShipmentView:
        with self._store.writing() as session:
            return sending.accept(
                session,
                self._store.clock,
                actor=self.operator,
                order=order,
                tariffs=self.tariffs,
            )

    def collect(self, shipment_uid: str, courier_tracking_number: str) -> ShipmentView:
        with self._store.writing() as session:
            return sending.collect(
                session,
                self._store.clock,
                actor=self.operator,
                shipment_uid=shipment_uid,
                courier_tracking_number=courier_tracking_number,
            )

    def check_may_cancel(self) -> None:
        """The core's own rule, asked before the form opens; raises PermissionDenied.

        ``cancel`` checks it again: this only spares an assistant typing a reason for
        nothing.
        """
        require(self.operator.role, Permission.VOID)

    def cancel(self, shipment_uid: str, reason: str) -> ShipmentView:
        with self._store.writing() as session:
            return sending.cancel(
                session,
                self._store.clock,
                actor=self.operator,
                shipment_uid=shipment_uid,
                reason=reason,
            )

    # --- the list -----------------------------------------------------------------

    def today_and_open(self) -> list[ShipmentView]:
        day = business_day(self._store.clock.now())
        with self._store.reading() as session:
            return sending.today_and_open(session, day)
