"""The 今日 tab, the page inside the main window, and the models' contracts."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app.core.clock import FixedClock
from station_app.core.db.models import ParcelStatus
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.store import Store
from station_app.ui.main_window import MainWindow
from station_app.ui.models import Row
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.models import CodeRowsModel, PickupEntry, PickupModel
from tests.ui.parcels.conftest import shelve


def test_today_counts_follow_a_check_in(qtbot: QtBot, page: ParcelsPage) -> None:
    today = page.today_tab
    assert today.checked_in.value.text() == "0"
    page.handle_scan("YT1234567890123")
    qtbot.keyClick(page.checkin_tab.form.phone, Qt.Key.Key_Return)
    assert today.checked_in.value.text() == "0", "not re-read while out of sight"
    page.tabs.setCurrentWidget(today)

    assert today.checked_in.value.text() == "1"
    assert today.waiting.value.text() == "1"
    assert today.couriers_model.data(today.couriers_model.index(0, 0)) == "圆通速递"


def test_return_from_the_overdue_list(
    qtbot: QtBot,
    page: ParcelsPage,
    set_up_store: Store,
    clock: FixedClock,
    played: list[str],
) -> None:
    keeper = page.controller.operator
    old = shelve(set_up_store, keeper, "YT1000000000001", "1234")
    clock.advance(timedelta(days=4))
    shelve(set_up_store, keeper, "YT1000000000002", "5678")
    today = page.today_tab
    page.tabs.setCurrentWidget(today)

    assert today.overdue_count.value.text() == "1"
    assert today.overdue_model.rowCount() == 1
    assert "超过3天" in today.overdue_caption.text()
    today.overdue.selectRow(0)
    today.return_button.click()
    assert today.dialog is not None
    assert today.dialog.reason.currentData() == "overdue"
    with qtbot.waitSignal(today.changed):
        today.dialog.try_accept()

    with set_up_store.reading() as session:
        assert handover.find(session, old.tracking_number)[0].status is ParcelStatus.RETURNED
    assert today.overdue_model.rowCount() == 0
    assert today.overdue_count.value.text() == "0"
    assert played == ["success.wav"]


def test_return_needs_a_selection(page: ParcelsPage) -> None:
    page.today_tab.return_button.click()

    assert "请先" in page.today_tab.message.text()


def test_a_scan_in_the_main_window_reaches_check_in(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    window = MainWindow(set_up_store, keeper)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.select_page("parcels")
    page = window.page("parcels")
    assert isinstance(page, ParcelsPage)
    page.tabs.setCurrentWidget(page.today_tab)

    assert window.deliver_scan("YT1234567890123")
    assert page.tabs.currentWidget() is page.checkin_tab
    assert page.checkin_tab.pending is not None


def test_models_pass_the_model_tester(
    qtmodeltester, set_up_store: Store, keeper: OperatorInfo
) -> None:
    view = shelve(set_up_store, keeper, "YT1234567890123", "13812341234")
    codes = CodeRowsModel(["取件码", "单号"])
    codes.set_rows([Row(("1-1-0001", "YT1"), key="a"), Row(("1-1-0002", "YT2"), key="b")])
    qtmodeltester.check(codes)
    pickup = PickupModel()
    pickup.set_entries([PickupEntry(view, "圆通速递")])
    qtmodeltester.check(pickup)
    pickup.confirm(0, view.tracking_number)
    qtmodeltester.check(pickup)
