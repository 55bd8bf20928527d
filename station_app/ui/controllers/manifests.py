"""What the 交接单 tab reads and changes: one transaction per action, snapshots out.

A township uses the route table, receiving, sorting and dispatch; a village imports
manifests and reconciles them. Which one this store is is read once: a station's level
is fixed at its first-run setup.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from station_app.core import couriers
from station_app.core.clock import Clock
from station_app.core.db.models import StationLevel
from station_app.core.manifests import dispatch, files, receiving, reconcile, routes, sorting
from station_app.core.manifests.receiving import BagCounts, BagReport, BagView, ScanResult
from station_app.core.manifests.reconcile import Located, Reconciliation
from station_app.core.manifests.routes import Destination, RouteView
from station_app.core.manifests.sorting import Pile, SortResult
from station_app.core.manifests.stations import this_station
from station_app.core.manifests.views import ManifestDetail, ManifestView
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store

PDF_DIRNAME = "manifests"


class ManifestsController:
    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator
        with store.reading() as session:
            info = this_station(session)
        self.level = info.level
        self.station_name = info.name

    @property
    def is_township(self) -> bool:
        return self.level is StationLevel.TOWNSHIP

    @staticmethod
    def courier_name(code: str) -> str:
        try:
            return couriers.courier_by_code(code).name
        except couriers.ValidationError:
            return code

    def now(self) -> datetime:
        return self._store.clock.now()

    @property
    def _clock(self) -> Clock:
        return self._store.clock

    # --- routes -------------------------------------------------------------------

    def routes(self) -> list[RouteView]:
        with self._store.reading() as session:
            return routes.list_routes(session)

    def destinations(self) -> list[Destination]:
        with self._store.reading() as session:
            return routes.destinations(session)

    def save_route(
        self, code: str, name: str, stops_text: str, replaces: str | None = None
    ) -> RouteView:
        stops = routes.parse_stops(stops_text)
        with self._store.writing() as session:
            return routes.save_route(
                session,
                self._clock,
                actor=self.operator,
                code=code,
                name=name,
                stops=stops,
                replaces=replaces,
            )

    def remove_route(self, code: str) -> None:
        with self._store.writing() as session:
            routes.remove_route(session, self._clock, actor=self.operator, code=code)

    # --- receiving and sorting ----------------------------------------------------

    def current_bag(self) -> tuple[BagView, BagCounts] | None:
        with self._store.reading() as session:
            return receiving.current(session)

    def open_bag_from_file(self, path: Path) -> BagView:
        """Read and check the whole list before the transaction: a bad file writes nothing."""
        bag_list = files.read_bag_list(files.read_bytes(path))
        with self._store.writing() as session:
            return receiving.open_bag(session, self._clock, actor=self.operator, bag_list=bag_list)

    def open_blind_bag(self) -> BagView:
        with self._store.writing() as session:
            return receiving.open_bag(session, self._clock, actor=self.operator)

    def receive(self, text: str, destination: str | None) -> ScanResult:
        with self._store.writing() as session:
            return receiving.receive(
                session, self._clock, actor=self.operator, text=text, destination=destination
            )

    def close_bag(self) -> BagReport:
        with self._store.writing() as session:
            return receiving.close_bag(session, self._clock, actor=self.operator)

    def sort(self, text: str, division_code: str) -> SortResult:
        with self._store.writing() as session:
            return sorting.sort(
                session, self._clock, actor=self.operator, text=text, division_code=division_code
            )

    def piles(self) -> tuple[list[Pile], int]:
        """Villages with parcels to send, and how many received parcels are unsorted."""
        with self._store.reading() as session:
            return sorting.piles(session), sorting.unsorted_count(session)

    # --- dispatch -----------------------------------------------------------------

    def dispatch(self, division_code: str) -> ManifestDetail:
        with self._store.writing() as session:
            return dispatch.dispatch(
                session, self._clock, actor=self.operator, division_code=division_code
            )

    def outgoing(self) -> list[ManifestView]:
        with self._store.reading() as session:
            return dispatch.outgoing(session)

    def detail(self, uid: str) -> ManifestDetail:
        with self._store.reading() as session:
            return dispatch.detail(session, uid)

    def export(self, uid: str, folder: Path) -> Path:
        """Write the manifest file into ``folder`` (a USB stick) under its default name."""
        with self._store.reading() as session:
            data = files.manifest_file(session, uid)
            view = dispatch.detail(session, uid).manifest
        path = folder / files.default_name(view.number, view.to_name)
        files.write_file(path, data)
        return path

    def pdf_path(self, number: str) -> Path:
        """Where a manifest's printable copy is kept: beside the store, by number."""
        return self._store.data_dir / PDF_DIRNAME / f"{number}.pdf"

    # --- the village side ---------------------------------------------------------

    def import_file(self, path: Path) -> ManifestDetail:
        document = files.read_manifest(files.read_bytes(path))
        with self._store.writing() as session:
            return reconcile.import_manifest(
                session, self._clock, actor=self.operator, document=document
            )

    def incoming(self) -> list[ManifestView]:
        with self._store.reading() as session:
            return reconcile.incoming(session)

    def reconciliation(self, uid: str) -> Reconciliation:
        with self._store.reading() as session:
            return reconcile.reconciliation(session, uid)

    def close(self, uid: str) -> Reconciliation:
        with self._store.writing() as session:
            return reconcile.close(session, self._clock, actor=self.operator, uid=uid)

    def locate(self, text: str) -> tuple[str, Located | None]:
        tracking = couriers.normalise_scan(text)
        with self._store.reading() as session:
            return tracking, reconcile.locate(session, tracking)
