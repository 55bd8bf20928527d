"""What the 收购 and 价格 tabs read and do, with one transaction per action.

The catalogue (products, grades, deduction tables) is read once per :meth:`reload` (when
the page comes to the front), not at every keystroke: the live totals ask for it as
each crate goes on the scale, and a set the county sends mid-day is taken the next time
the page is shown. Prices are read from the store each time, since the keeper may set
one on the 价格 tab between two farmers.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from station_app.core import permissions, preferences
from station_app.core.clock import business_day
from station_app.core.errors import CONTEXT
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require
from station_app.core.produce import farmers, prices, purchase, receipt, settle
from station_app.core.produce.catalogue import Catalogue, catalogue_in_use
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.produce.prices import DayPrice, PriceQuote
from station_app.core.produce.purchase import PurchaseOrder, PurchaseView
from station_app.core.produce.settle import NettableOrder, SettlementView
from station_app.core.receipts import Receipt
from station_app.core.store import Store
from station_app.devices.scale.qt_scale import PROTOCOLS, ScaleConfig
from station_app.ui.controllers.produce_records import ProduceRecordsController

FARMER_MATCHES = 32


def _core(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ProduceController:
    """``catalogue`` is injectable for tests; by default the set in use is read."""

    def __init__(
        self, store: Store, operator: OperatorInfo, catalogue: Catalogue | None = None
    ) -> None:
        self._store = store
        self._fixed = catalogue
        self.operator = operator
        self.catalogue = catalogue if catalogue is not None else self._read_catalogue()

    @property
    def store(self) -> Store:
        return self._store

    def _read_catalogue(self) -> Catalogue:
        with self._store.reading() as session:
            return catalogue_in_use(session)

    def reload(self) -> bool:
        """Read the catalogue in use again; True when it changed."""
        if self._fixed is not None:
            return False
        fresh = self._read_catalogue()
        changed = fresh != self.catalogue
        self.catalogue = fresh
        return changed

    def today(self) -> str:
        return business_day(self._store.clock.now()).isoformat()

    # --- the scale -----------------------------------------------------------------------

    def scale_config(self) -> ScaleConfig:
        with self._store.reading() as session:
            port = preferences.get(session, preferences.SCALE_PORT)
            protocol = preferences.get(session, preferences.SCALE_PROTOCOL)
            baud = preferences.get(session, preferences.SCALE_BAUD)
            settle_readings = preferences.get(session, preferences.SCALE_SETTLE_READINGS)
        known = next((p for p in PROTOCOLS if p == protocol), PROTOCOLS[0])
        return ScaleConfig(port, known, baud, settle_readings)

    # --- farmers -------------------------------------------------------------------------

    def search_farmers(self, text: str) -> list[FarmerView]:
        with self._store.reading() as session:
            return farmers.search(session, text, FARMER_MATCHES)

    def farmer(self, farmer_uid: str) -> FarmerView:
        with self._store.reading() as session:
            return farmers.farmer(session, farmer_uid)

    def records(self) -> ProduceRecordsController:
        """The 农户 tab's controller, for the farmer form opened from the purchase screen."""
        return ProduceRecordsController(self._store, self.operator)

    def change_farmer(self, farmer_uid: str, form: FarmerForm) -> FarmerView:
        return self.records().change_farmer(farmer_uid, form)

    def station_code(self) -> str:
        return self.records().station_code()

    # --- prices --------------------------------------------------------------------------

    def price(self, product: str, grade: str) -> PriceQuote | None:
        """Today's price of a grade, or None while it has none."""
        with self._store.reading() as session:
            return prices.find_price(session, product, grade, self.today())

    def day_prices(self) -> list[DayPrice]:
        with self._store.reading() as session:
            return prices.day_prices(session, self.catalogue, self.today())

    def set_day_price(self, product: str, grade: str, price: str, per_grams: int) -> PriceQuote:
        with self._store.writing() as session:
            return prices.set_day_price(
                session,
                self._store.clock,
                actor=self.operator,
                product=product,
                grade=grade,
                price=price,
                per_grams=per_grams,
                catalogue=self.catalogue,
            )

    # --- purchases -----------------------------------------------------------------------

    def buy(self, order: PurchaseOrder) -> PurchaseView:
        with self._store.writing() as session:
            return purchase.buy(
                session,
                self._store.clock,
                actor=self.operator,
                order=order,
                catalogue=self.catalogue,
            )

    def purchases_today(self) -> list[PurchaseView]:
        with self._store.reading() as session:
            return purchase.purchases_of_day(session, self.today())

    @property
    def may_void(self) -> bool:
        return permissions.can(self.operator.role, Permission.VOID)

    def check_may_void(self) -> None:
        require(self.operator.role, Permission.VOID)

    def void(self, purchase_uid: str, reason: str) -> PurchaseView:
        with self._store.writing() as session:
            return purchase.void_purchase(
                session,
                self._store.clock,
                actor=self.operator,
                purchase_uid=purchase_uid,
                reason=reason,
            )

    def receipt(self, purchase_uid: str) -> Receipt:
        """The farmer's slip for the purchase as it stands now."""
        with self._store.reading() as session:
            return receipt.purchase_receipt(session, purchase_uid, translate=_core)

    # --- settling what is owed -------------------------------------------------------------

    def owed(self, farmer_uid: str) -> list[PurchaseView]:
        with self._store.reading() as session:
            return settle.owed_purchases(session, farmer_uid)

    def owed_total(self, farmer_uid: str) -> Fen:
        return Fen(sum(view.totals.amount_fen for view in self.owed(farmer_uid)))

    def nettable_orders(self, farmer_uid: str) -> list[NettableOrder]:
        with self._store.reading() as session:
            return settle.nettable_orders(session, farmer_uid)

    def settle(
        self, farmer_uid: str, netted: Sequence[tuple[str, int]], method: str | None
    ) -> SettlementView:
        with self._store.writing() as session:
            return settle.settle(
                session,
                self._store.clock,
                actor=self.operator,
                farmer_uid=farmer_uid,
                netted=netted,
                method=method,
            )

    def settlement_receipt(self, settlement_uid: str) -> Receipt:
        """The farmer's slip for a settlement: the purchases paid, the nettings, 实付."""
        with self._store.reading() as session:
            return receipt.settlement_receipt(session, settlement_uid, translate=_core)
