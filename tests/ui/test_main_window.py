"""The main window: navigation, status bar, fitting 1366×768, lock and shift change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.main_window import PAGE_KEYS, MainWindow
from station_app.ui.pages.bills import BillsPage
from station_app.ui.pages.day_close import DayClosePage
from station_app.ui.pages.orders import OrdersPage
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.produce import ProducePage
from station_app.ui.pages.settings import SettingsPage
from station_app.ui.pages.sync_page import SyncPage
from tests.ui.conftest import (
    ASSISTANT_LOGIN,
    ASSISTANT_PASSWORD,
    KEEPER_PASSWORD,
    STATION_NAME,
)

NAV_TITLES = ["快递", "代购", "缴费", "收购", "日结", "同步", "设置"]


@pytest.fixture
def window(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> MainWindow:
    main = MainWindow(set_up_store, keeper)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    return main


def test_navigation_has_all_seven_pages(window: MainWindow) -> None:
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]

    assert titles == NAV_TITLES
    assert window.page_keys() == PAGE_KEYS
    assert isinstance(window.page("produce"), ProducePage)
    assert isinstance(window.page("parcels"), ParcelsPage)
    assert isinstance(window.page("settings"), SettingsPage)
    assert isinstance(window.page("sync"), SyncPage)
    assert isinstance(window.page("day_close"), DayClosePage)
    assert isinstance(window.page("bills"), BillsPage)
    assert isinstance(window.page("agent_orders"), OrdersPage)


def test_selecting_a_page_shows_it(window: MainWindow) -> None:
    window.select_page("bills")
    assert window.current_page() is window.page("bills")
    window.nav.setCurrentRow(6)
    assert window.current_page() is window.page("settings")


def test_status_bar(window: MainWindow) -> None:
    assert STATION_NAME in window.windowTitle()
    assert window.status.operator_label.text() == "操作员：王军（站长）"
    assert window.status.day_label.text() == "营业日：2026年11月23日 星期一"
    assert window.status.sync_label.text() == "同步：尚未连接县服务中心"
    window.set_sync_text("同步：3条待上报")
    assert window.status.sync_label.text() == "同步：3条待上报"


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1280, 720)])
def test_every_page_fits(qtbot: QtBot, window: MainWindow, size: QSize) -> None:
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    assert window.minimumSizeHint().width() <= size.width()
    assert window.minimumSizeHint().height() <= size.height()
    area = window.pages.size()
    for key in PAGE_KEYS:
        window.select_page(key)
        hint = window.page(key).minimumSizeHint()
        assert hint.width() <= area.width(), key
        assert hint.height() <= area.height(), key
    lock_hint = window.lock_screen.minimumSizeHint()
    assert lock_hint.width() <= size.width()
    assert lock_hint.height() <= window.screens.height()


def test_deliver_scan_goes_to_a_page_that_takes_scans(window: MainWindow) -> None:
    received: list[str] = []
    page = window.page("parcels")
    page.handle_scan = received.append  # type: ignore[attr-defined]

    window.select_page("parcels")
    assert window.deliver_scan("SF1234567890")
    window.select_page("bills")
    assert not window.deliver_scan("SF0000000000")
    window.select_page("parcels")
    window.lock()
    assert not window.deliver_scan("SF1111111111")

    assert received == ["SF1234567890"]


def test_lock_and_unlock_with_the_right_password(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.locked):
        window.lock_button.click()
    assert window.is_locked
    assert window.lock_screen.title.text() == "已锁定 — 王军"
    assert window.lock_screen.form.login.text() == "wangjun"

    window.lock_screen.form.password.set_text(KEEPER_PASSWORD)
    with qtbot.waitSignal(window.unlocked), qtbot.assertNotEmitted(window.operator_switched):
        window.lock_screen.form.button.click()

    assert not window.is_locked
    assert window.operator.login == "wangjun"


def test_ctrl_l_locks(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.locked):
        window.lock_action.trigger()
    assert window.is_locked


def test_wrong_password_stays_locked(qtbot: QtBot, window: MainWindow) -> None:
    window.lock()
    window.lock_screen.form.password.set_text("Wrong2026pw")

    with qtbot.assertNotEmitted(window.unlocked):
        window.lock_screen.form.button.click()

    assert window.is_locked
    assert window.lock_screen.form.error.text() == "登录名或密码不对，请再试一次。"
    assert window.lock_screen.form.password.text() == ""


def test_another_operator_takes_over_at_the_lock_screen(qtbot: QtBot, window: MainWindow) -> None:
    window.select_page("settings")
    window.lock()
    window.lock_screen.form.login.set_text(ASSISTANT_LOGIN)
    window.lock_screen.form.password.set_text(ASSISTANT_PASSWORD)

    with qtbot.waitSignal(window.operator_switched) as blocker:
        window.lock_screen.form.button.click()

    assert blocker.args[0].login == ASSISTANT_LOGIN
    assert not window.is_locked
    assert window.operator.login == ASSISTANT_LOGIN
    assert window.status.operator_label.text() == "操作员：李霞（店员）"
    settings = window.page("settings")
    assert isinstance(settings, SettingsPage)
    assert settings.read_only_note.isVisible()
    assert not settings.operators_tab.add_button.isEnabled()


def test_locking_again_greets_the_new_operator(qtbot: QtBot, window: MainWindow) -> None:
    window.lock()
    window.lock_screen.form.fill(ASSISTANT_LOGIN, ASSISTANT_PASSWORD)
    with qtbot.waitSignal(window.unlocked):
        window.lock_screen.form.button.click()

    window.lock()

    assert window.lock_screen.title.text() == "已锁定 — 李霞"


def test_logout_is_announced(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.logged_out):
        window.logout_button.click()
