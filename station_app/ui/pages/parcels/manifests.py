"""The 交接单 tab of the 快递 page.

On a township station it holds the township's day: 收包分拣 (receive the county's bags,
sort into village piles), 发交接单 (manifest per village, print, export) and 线路表. On a
village station it holds the manifests imported from the township and their live
reconciliation. Scans reach whichever pane is in front.

File choosers, the "open this PDF" call and the yes/no question are passed in, so tests
(and a kiosk build) never meet a modal dialog; the defaults use Qt's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from station_app.core.operators import OperatorInfo
from station_app.devices.sound import Sound
from station_app.ui.controllers.manifests import ManifestsController
from station_app.ui.pages.parcels.manifests_dispatch import DispatchPane
from station_app.ui.pages.parcels.manifests_receive import ReceivePane
from station_app.ui.pages.parcels.manifests_routes import RoutesPane
from station_app.ui.pages.parcels.manifests_village import VillagePanel

ChoosePath = Callable[[QWidget], Path | None]


def choose_json_file(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ManifestsTab", "选择文件"),
        "",
        QCoreApplication.translate("ManifestsTab", "交接单 / 到货清单 (*.json)"),
    )
    return Path(name) if name else None


def choose_folder(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("ManifestsTab", "选择导出到哪里（如U盘）")
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_yes_no(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.window().windowTitle(), question)
    return answer == QMessageBox.StandardButton.Yes


class ManifestsTab(QWidget):
    """Emits ``wrote`` after anything here went on the ledger (a bag scan, a dispatch, a
    closed manifest), so the upload (and with it a dispatched manifest) goes soon."""

    wrote = Signal()

    def __init__(
        self,
        controller: ManifestsController,
        play: Callable[[Sound], None],
        parent: QWidget | None = None,
        *,
        choose_file: ChoosePath = choose_json_file,
        choose_dir: ChoosePath = choose_folder,
        open_file: Callable[[Path], None] = open_with_system,
        confirm: Callable[[QWidget, str], bool] = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.receive: ReceivePane | None = None
        self.dispatch: DispatchPane | None = None
        self.routes: RoutesPane | None = None
        self.village: VillagePanel | None = None
        self.panes: QTabWidget | None = None
        if controller.is_township:
            self.panes = QTabWidget(self)
            self.receive = ReceivePane(controller, play, choose_file, self)
            self.dispatch = DispatchPane(controller, play, choose_dir, open_file, self)
            self.routes = RoutesPane(controller, confirm, self)
            self.panes.addTab(self.receive, self.tr("收包分拣"))
            self.panes.addTab(self.dispatch, self.tr("发交接单"))
            self.panes.addTab(self.routes, self.tr("线路表"))
            layout.addWidget(self.panes)
            self.receive.changed.connect(self.dispatch.refresh)
            self.receive.changed.connect(self.wrote)
            self.dispatch.dispatched.connect(self.wrote)
            self.panes.currentChanged.connect(lambda _index: self.refresh())
        else:
            self.village = VillagePanel(controller, play, choose_file, self)
            self.village.closed.connect(self.wrote)
            layout.addWidget(self.village)

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator

    def handle_scan(self, code: str) -> None:
        if self.village is not None:
            self.village.handle_scan(code)
            return
        assert self.panes is not None
        assert self.receive is not None
        if self.panes.currentWidget() is not self.receive:
            self.panes.setCurrentWidget(self.receive)
        self.receive.handle_scan(code)

    def refresh(self) -> None:
        """Re-read what is in front (the others re-read when they come to the front)."""
        self._stale = False
        if self.village is not None:
            self.village.refresh()
            return
        assert self.panes is not None
        current = self.panes.currentWidget()
        if isinstance(current, ReceivePane | DispatchPane | RoutesPane):
            current.refresh()

    def parcels_checked_in(self) -> None:
        """入库 wrote: reconcile now if shown, else when next shown (a van's worth of
        check-ins should not each pay for a screen nobody is looking at)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
