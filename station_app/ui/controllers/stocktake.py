"""What the 盘点 tab reads and changes: one transaction per scan or decision.

Every scan is committed before the tab beeps, so a power cut mid-count loses nothing
already heard; the tab holds only the count's id and re-reads the report after each
action, so a resumed count looks exactly like the one that was interrupted.
"""

from __future__ import annotations

from collections.abc import Sequence

from station_app.core import couriers
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import stocktake
from station_app.core.parcels.checkin import CheckInResult
from station_app.core.parcels.stocktake import Counts, Report, ScanResult, StocktakeView
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store
from station_app.ui.controllers.parcels import ParcelsController, ShelfInfo


class StocktakeController:
    """The 盘点 tab's link to the store, acting as the operator at the counter.

    Shares the page's :class:`ParcelsController`, so a shift change (which sets the
    operator there) applies to the count too.
    """

    def __init__(self, store: Store, parcels: ParcelsController) -> None:
        self._store = store
        self._parcels = parcels

    @property
    def operator(self) -> OperatorInfo:
        return self._parcels.operator

    def shelves(self) -> list[ShelfInfo]:
        return self._parcels.shelves()

    @staticmethod
    def courier_name(code: str) -> str:
        return ParcelsController.courier_name(code)

    @staticmethod
    def normalise(text: str) -> str:
        return couriers.normalise_scan(text).strip()

    def current(self) -> StocktakeView | None:
        with self._store.reading() as session:
            return stocktake.current(session)

    def start(self, shelf_codes: Sequence[str]) -> StocktakeView:
        with self._store.writing() as session:
            return stocktake.start(
                session, self._store.clock, actor=self.operator, shelf_codes=shelf_codes
            )

    def set_place(self, uid: str, shelf: str | None, tier: int | None) -> StocktakeView:
        with self._store.writing() as session:
            return stocktake.set_place(session, stocktake_uid=uid, shelf=shelf, tier=tier)

    def scan(self, uid: str, text: str) -> ScanResult:
        with self._store.writing() as session:
            return stocktake.scan(
                session, self._store.clock, actor=self.operator, stocktake_uid=uid, text=text
            )

    def report(self, uid: str) -> Report:
        with self._store.reading() as session:
            return stocktake.report(session, uid)

    def mark_found(self, uid: str, parcel_uid: str) -> ParcelView:
        with self._store.writing() as session:
            return stocktake.mark_found(
                session,
                self._store.clock,
                actor=self.operator,
                stocktake_uid=uid,
                parcel_uid=parcel_uid,
            )

    def mark_lost(self, uid: str, parcel_uid: str) -> ParcelView:
        with self._store.writing() as session:
            return stocktake.mark_lost(
                session,
                self._store.clock,
                actor=self.operator,
                stocktake_uid=uid,
                parcel_uid=parcel_uid,
            )

    def reshelve(self, uid: str, tracking: str) -> ParcelView:
        with self._store.writing() as session:
            return stocktake.reshelve(
                session,
                self._store.clock,
                actor=self.operator,
                stocktake_uid=uid,
                tracking_number=tracking,
            )

    def relocate(self, uid: str, tracking: str) -> ParcelView:
        with self._store.writing() as session:
            return stocktake.relocate(
                session,
                self._store.clock,
                actor=self.operator,
                stocktake_uid=uid,
                tracking_number=tracking,
            )

    def check_in_unknown(self, uid: str, tracking: str, phone: str = "") -> CheckInResult:
        with self._store.writing() as session:
            return stocktake.check_in_unknown(
                session,
                self._store.clock,
                actor=self.operator,
                stocktake_uid=uid,
                tracking_number=tracking,
                phone=phone,
            )

    def set_aside(self, uid: str, tracking: str) -> None:
        with self._store.writing() as session:
            stocktake.set_aside(
                session,
                self._store.clock,
                actor=self.operator,
                stocktake_uid=uid,
                tracking_number=tracking,
            )

    def finish(self, uid: str) -> Counts:
        with self._store.writing() as session:
            return stocktake.finish(
                session, self._store.clock, actor=self.operator, stocktake_uid=uid
            )
