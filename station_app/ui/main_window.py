"""The main window: navigation on the left, the chosen page on the right, status below.

It also owns the lock: locking swaps the whole work area for the lock screen (the
villagers' data is not left showing behind a dialog), and whoever unlocks becomes the
operator, so a shift change is just "lock, next person logs in".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.core.clock import business_day
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import Sound, SoundPlayer
from station_app.ui.controllers import session
from station_app.ui.dispatcher import DispatchState, NotificationDispatcher
from station_app.ui.login import LockScreen
from station_app.ui.notification_text import status_bar_text
from station_app.ui.pages.bills import BillsPage
from station_app.ui.pages.day_close import DayClosePage
from station_app.ui.pages.orders import OrdersPage
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.placeholder import PlaceholderPage
from station_app.ui.pages.produce import ProducePage
from station_app.ui.pages.settings import SettingsPage
from station_app.ui.pages.sync_page import SyncPage
from station_app.ui.scanner import ScanDetector
from station_app.ui.status import StationStatusBar
from station_app.ui.widgets import big_button

PAGE_KEYS = ("parcels", "agent_orders", "bills", "produce", "day_close", "sync", "settings")
DAY_REFRESH_MS = 60_000
NAV_MIN_WIDTH = 150


class MainWindow(QMainWindow):
    """Signals: ``locked``, ``unlocked``, ``operator_switched(OperatorInfo)``, ``logged_out``,
    ``preferences_saved``."""

    locked = Signal()
    unlocked = Signal()
    operator_switched = Signal(object)
    logged_out = Signal()
    preferences_saved = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        *,
        sound_player: SoundPlayer | None = None,
        scan_clock: Callable[[], float] | None = None,
        dispatcher: NotificationDispatcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._operator = operator
        self.dispatcher = dispatcher
        self.sound_player = sound_player
        name = session.station_name(store)
        self.setWindowTitle(self.tr("{station} — 村级电商服务站").format(station=name))
        self.setMinimumSize(QSize(1024, 600))
        self.status = StationStatusBar(self)
        self.setStatusBar(self.status)
        self.pages = QStackedWidget(self)
        self.nav = self._make_nav()
        self._pages: dict[str, QWidget] = {}
        self._add_pages()
        self.lock_screen = LockScreen(store, self)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self._workspace())
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.lock_action = self._action(self.tr("锁定"), QKeySequence("Ctrl+L"), self.lock)
        self.lock_screen.unlocked.connect(self._on_unlocked)
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setCurrentRow(0)
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self.refresh_day)
        self._day_timer.start(DAY_REFRESH_MS)
        self.refresh_day()
        self.status.set_operator(operator)
        self.scanner = ScanDetector(self, clock=scan_clock)
        self.scanner.scanned.connect(self._on_scanned)
        if dispatcher is not None:
            self._use_dispatcher(dispatcher)

    # --- construction -------------------------------------------------------------

    def _make_nav(self) -> QListWidget:
        nav = QListWidget(self)
        nav.setObjectName("nav")
        font = QFont(nav.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        nav.setFont(font)
        nav.setSpacing(4)
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav.setStyleSheet("#nav { outline: 0; } #nav::item { padding: 10px 16px; }")
        return nav

    def _add_pages(self) -> None:
        titles = (
            self.tr("快递"),
            self.tr("代购"),
            self.tr("缴费"),
            self.tr("收购"),
            self.tr("日结"),
            self.tr("同步"),
            self.tr("设置"),
        )
        coming = (
            self.tr("扫码入库、取件码、出库交接、寄件、退件、盘点"),
            self.tr("替村民网上下单、收订金和服务费、到货通知、交货"),
            self.tr("水电费、话费、宽带、医保、养老保险代缴和充值，打印凭条"),
            self.tr("农产品按等级和重量收购：称毛重、扣皮扣杂扣水、付款、批次和溯源码"),
            self.tr("清点钱箱、核对当天各项收付、打印日结单"),
            self.tr("向县服务中心上报台账，下载价格表、缴费单位和通知，查看同步状态"),
        )
        for key, title, text in zip(PAGE_KEYS[:-1], titles[:-1], coming, strict=True):
            if key == "parcels":
                parcels = ParcelsPage(self._store, self._operator, self.play, self)
                self.operator_switched.connect(parcels.set_operator)
                parcels.scanned.connect(self._on_scanned)  # its camera, like the USB scanner
                self._add_page(key, title, parcels)
                continue
            if key == "bills":
                bills = BillsPage(self._store, self._operator, self)
                self.operator_switched.connect(bills.set_operator)
                self._add_page(key, title, bills)
                continue
            if key == "agent_orders":
                orders = OrdersPage(self._store, self._operator, self)
                self.operator_switched.connect(orders.set_operator)
                self._add_page(key, title, orders)
                continue
            if key == "produce":
                produce = ProducePage(self._store, self._operator, self)
                self.operator_switched.connect(produce.set_operator)
                self._add_page(key, title, produce)
                continue
            if key == "day_close":
                day_close = DayClosePage(self._store, self._operator, self)
                self.operator_switched.connect(day_close.set_operator)
                self._add_page(key, title, day_close)
                continue
            if key == "sync":
                sync = SyncPage(self._store, self._operator, self)
                self.operator_switched.connect(sync.set_operator)
                self._add_page(key, title, sync)
                continue
            self._add_page(key, title, PlaceholderPage(title, text, self))
        settings = SettingsPage(self._store, self._operator, self)
        settings.preferences_saved.connect(self.preferences_saved)
        self._add_page("settings", titles[-1], settings)
        self._fit_nav_to_titles(titles)

    def _use_dispatcher(self, dispatcher: NotificationDispatcher) -> None:
        """Notices go out soon after a check-in or reminder and at once after the
        settings change; each round's outcome shows in the status bar."""
        dispatcher.state_changed.connect(self._show_notification_state)
        if dispatcher.last_state is not None:
            self._show_notification_state(dispatcher.last_state)
        parcels = self._pages["parcels"]
        if isinstance(parcels, ParcelsPage):
            parcels.notifications_tab.set_dispatcher(dispatcher)
            parcels.checkin_tab.checked_in.connect(dispatcher.poke)
            parcels.today_tab.reminded.connect(dispatcher.poke)
        settings = self._pages["settings"]
        if isinstance(settings, SettingsPage):
            settings.notifications_tab.saved.connect(dispatcher.send_now)

    def _show_notification_state(self, state: DispatchState) -> None:
        text, warn = status_bar_text(state)
        self.status.set_notification_text(text, warn=warn)

    def _fit_nav_to_titles(self, titles: tuple[str, ...]) -> None:
        """As wide as the longest title, so no language's label is ever cut off."""
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(title) for title in titles)
        padding = 2 * 16 + 2 * self.nav.spacing() + 2 * self.nav.frameWidth() + 8
        self.nav.setFixedWidth(max(NAV_MIN_WIDTH, widest + padding))

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self._pages[key] = page
        self.pages.addWidget(page)
        self.nav.addItem(title)

    def _workspace(self) -> QWidget:
        workspace = QWidget(self)
        self.lock_button = big_button(self.tr("锁定 (Ctrl+L)"), workspace)
        self.logout_button = big_button(self.tr("退出登录"), workspace)
        self.lock_button.clicked.connect(self.lock)
        self.logout_button.clicked.connect(self.logout)
        side = QVBoxLayout()
        side.addWidget(self.nav, 1)
        side.addWidget(self.lock_button)
        side.addWidget(self.logout_button)
        layout = QHBoxLayout(workspace)
        layout.addLayout(side)
        layout.addWidget(self.pages, 1)
        return workspace

    def _show_page(self, row: int) -> None:
        """Bring page ``row`` forward, re-reading its data: another page may have written."""
        self.pages.setCurrentIndex(row)
        refresh = getattr(self.pages.currentWidget(), "refresh", None)
        if callable(refresh):
            refresh()

    def _action(self, text: str, shortcut: QKeySequence, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- public API ---------------------------------------------------------------

    @property
    def operator(self) -> OperatorInfo:
        return self._operator

    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def page_keys(self) -> tuple[str, ...]:
        return tuple(self._pages)

    def select_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self._pages).index(key))

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def set_sync_text(self, text: str) -> None:
        self.status.set_sync_text(text)

    def refresh_day(self) -> None:
        self.status.set_day(business_day(self._store.clock.now()))

    def _on_scanned(self, code: str) -> None:
        """A scan no page wants is still acknowledged, so the keeper knows it arrived."""
        if self.deliver_scan(code):
            return
        self.status.showMessage(
            self.tr("收到扫码 {code}，但这个页面不用扫码。").format(code=code), 5000
        )
        self.play(Sound.ERROR)

    def play(self, sound: Sound) -> None:
        if self.sound_player is not None:
            self.sound_player.play(sound)

    def deliver_scan(self, code: str) -> bool:
        """Hand a scanned code to the page in front, if it takes scans and we are unlocked."""
        handler = getattr(self.current_page(), "handle_scan", None)
        if self.is_locked or not callable(handler):
            return False
        handler(code)
        return True

    def lock(self) -> None:
        if self.is_locked:
            return
        self.lock_screen.lock_for(self._operator)
        self.scanner.enabled = False  # typing a password is not a scan
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.form.password.edit.setFocus()
        self.locked.emit()

    def logout(self) -> None:
        self.logged_out.emit()

    def _on_unlocked(self, operator: OperatorInfo) -> None:
        switched = operator.id != self._operator.id
        self._set_operator(operator)
        self.screens.setCurrentIndex(0)
        self.scanner.enabled = True
        if switched:
            self.operator_switched.emit(operator)
        self.unlocked.emit()

    def _set_operator(self, operator: OperatorInfo) -> None:
        self._operator = operator
        self.status.set_operator(operator)
        settings = self._pages["settings"]
        if isinstance(settings, SettingsPage):
            settings.set_operator(operator)
