"""The 快递 page: 入库, 取件 and 今日 as tabs over one controller.

Scans from the USB scanner arrive through :meth:`ParcelsPage.handle_scan` and go to the
tab in front; on 今日, where nothing takes a scan, they go to 入库, because a van
arriving is the common reason for a burst of scans.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import Sound
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.pages.parcels.checkin import CheckInTab
from station_app.ui.pages.parcels.pickup import PickupTab
from station_app.ui.pages.parcels.today import TodayTab


def _silent(_sound: Sound) -> None:
    """The default when no player is given (tests of layout, screenshots)."""


class ParcelsPage(QWidget):
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.checkin_tab.checked_in.connect(self.today_tab.refresh)
        self.pickup_tab.changed.connect(self.today_tab.refresh)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def set_operator(self, operator: OperatorInfo) -> None:
        """After a shift change, actions are recorded as the new operator's."""
        self.controller.operator = operator

    def handle_scan(self, code: str) -> None:
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

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.today_tab:
            self.today_tab.refresh()
