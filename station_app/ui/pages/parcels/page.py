"""The 快递 page: 入库, 取件 and 今日 as tabs over one controller.

Scans from the USB scanner arrive through :meth:`ParcelsPage.handle_scan` and go to the
tab in front; on 今日, where nothing takes a scan, they go to 入库, because a van
arriving is the common reason for a burst of scans.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import Sound
from station_app.ui.camera_view import CameraView
from station_app.ui.controllers.manifests import ManifestsController
from station_app.ui.controllers.notifications import NotificationsController
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.controllers.sending import SendingController
from station_app.ui.controllers.stocktake import StocktakeController
from station_app.ui.pages.parcels.checkin import CheckInTab
from station_app.ui.pages.parcels.manifests import ManifestsTab
from station_app.ui.pages.parcels.notifications import NotificationsTab
from station_app.ui.pages.parcels.pickup import PickupTab
from station_app.ui.pages.parcels.sending import SendingTab
from station_app.ui.pages.parcels.stocktake import StocktakeTab
from station_app.ui.pages.parcels.today import TodayTab


def _silent(_sound: Sound) -> None:
    """The default when no player is given (tests of layout, screenshots)."""


class ParcelsPage(QWidget):
    """Emits ``scanned(str)`` for codes its camera reads; the main window delivers them
    like the USB scanner's, back to :meth:`handle_scan` while this page is in front.
    Emits ``wrote`` after any tab put something on the ledger (the upload follows)."""

    scanned = Signal(str)
    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        play: Callable[[Sound], None] = _silent,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = ParcelsController(store, operator)
        self.tabs = QTabWidget(self)
        self.checkin_tab = CheckInTab(self.controller, play, self)
        self.pickup_tab = PickupTab(self.controller, play, self)
        self.today_tab = TodayTab(self.controller, play, self)
        self.tabs.addTab(self.checkin_tab, self.tr("入库"))
        self.tabs.addTab(self.pickup_tab, self.tr("取件"))
        self.tabs.addTab(self.today_tab, self.tr("今日"))
        self.sending = SendingController(store, operator)
        self.sending_tab = SendingTab(self.sending, play, self)
        self.tabs.addTab(self.sending_tab, self.tr("寄件"))
        self.stocktake_tab = StocktakeTab(StocktakeController(store, self.controller), play, self)
        self.tabs.addTab(self.stocktake_tab, self.tr("盘点"))
        self.stocktake_tab.changed.connect(self._refresh_today_if_shown)
        self.notifications_tab = NotificationsTab(NotificationsController(store, operator), self)
        self.tabs.addTab(self.notifications_tab, self.tr("通知"))
        self.manifests_tab = ManifestsTab(ManifestsController(store, operator), play, self)
        self.tabs.addTab(self.manifests_tab, self.tr("交接单"))
        self.camera = CameraView(self)
        self.tabs.setCornerWidget(self.camera.toggle_button, Qt.Corner.TopRightCorner)
        self.camera.scanned.connect(self.scanned)
        self.pickup_tab.photo.set_camera(self.camera)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.camera)
        self.checkin_tab.checked_in.connect(self._refresh_today_if_shown)
        self.checkin_tab.checked_in.connect(self.manifests_tab.parcels_checked_in)
        self.pickup_tab.changed.connect(self._refresh_today_if_shown)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for written in (
            self.checkin_tab.checked_in,
            self.pickup_tab.changed,
            self.today_tab.reminded,
            self.today_tab.changed,
            self.sending_tab.changed,
            self.stocktake_tab.changed,
            self.manifests_tab.wrote,
        ):
            written.connect(self.wrote)

    def set_operator(self, operator: OperatorInfo) -> None:
        """After a shift change, actions are recorded as the new operator's."""
        self.controller.operator = operator
        self.sending.operator = operator
        self.manifests_tab.set_operator(operator)

    def handle_scan(self, code: str) -> None:
        if self.tabs.currentWidget() is self.manifests_tab:
            self.manifests_tab.handle_scan(code)
            return
        if self.tabs.currentWidget() is self.stocktake_tab:
            self.stocktake_tab.handle_scan(code)
            return
        if self.tabs.currentWidget() is self.sending_tab:
            self.sending_tab.handle_scan(code)
            return
        if self.tabs.currentWidget() is self.pickup_tab:
            self.pickup_tab.handle_scan(code)
            return
        if self.tabs.currentWidget() is not self.checkin_tab:
            self.tabs.setCurrentWidget(self.checkin_tab)
        self.checkin_tab.handle_scan(code)

    def refresh(self) -> None:
        """Re-read (the page is shown again, or another screen wrote)."""
        self.checkin_tab.refresh()
        self.today_tab.refresh()

    def _refresh_today_if_shown(self) -> None:
        """The day's counts are re-read when 今日 comes to the front, not after every
        scan: a van's worth of scans would otherwise pay for a screen nobody sees."""
        if self.tabs.currentWidget() is self.today_tab:
            self.today_tab.refresh()

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.today_tab:
            self.today_tab.refresh()
