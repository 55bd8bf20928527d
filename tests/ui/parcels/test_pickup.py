"""The 取件 tab: find by code or last four, confirm by scan, hand over several at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app.core.db.models import ParcelStatus
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.store import Store
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.pickup import PickupTab
from tests.ui.parcels.conftest import shelve

A, B, OTHER = "YT1000000000001", "YT1000000000002", "YT1000000000003"


def _search(qtbot: QtBot, page: ParcelsPage, text: str) -> PickupTab:
    page.tabs.setCurrentWidget(page.pickup_tab)
    tab = page.pickup_tab
    tab.search.clear()
    qtbot.keyClicks(tab.search, text)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    return tab


def _status(store: Store, tracking: str) -> ParcelStatus:
    with store.reading() as session:
        return handover.find(session, tracking)[0].status


def _listed(tab: PickupTab) -> list[str]:
    return [entry.view.tracking_number for entry in tab.pickup_model.entries()]


def test_pickup_by_code(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _search(qtbot, page, parcel.pickup_code)

    assert tab.results_model.rowCount() == 1
    assert _listed(tab) == [A]
    assert tab.pickup_model.scans() == {parcel.uid: None}


def test_last_four_offers_both_parcels_for_one_phone(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shelve(set_up_store, keeper, A, "13812341234")
    shelve(set_up_store, keeper, B, "13812341234", tier=2)
    shelve(set_up_store, keeper, OTHER, "13900005678")
    tab = _search(qtbot, page, "1234")

    assert tab.results_model.rowCount() == 2
    assert sorted(_listed(tab)) == [A, B]
    assert all(entry.checked for entry in tab.pickup_model.entries())


def test_confirm_by_scan_and_hand_over_several_at_once(
    qtbot: QtBot,
    page: ParcelsPage,
    set_up_store: Store,
    keeper: OperatorInfo,
    played: list[str],
) -> None:
    shelve(set_up_store, keeper, A, "13812341234")
    shelve(set_up_store, keeper, B, "13812341234")
    tab = _search(qtbot, page, "1234")
    page.handle_scan(A.lower())

    row = tab.pickup_model.row_of_tracking(A)
    assert row is not None
    assert tab.pickup_model.data(tab.pickup_model.index(row, 6)) == "已核对"
    page.handle_scan(OTHER)
    assert "扫的单号不在待取列表里" in tab.message.text()
    assert played == ["success.wav", "error.wav"]

    with qtbot.waitSignal(tab.changed):
        tab.hand_over_button.click()

    assert _status(set_up_store, A) is ParcelStatus.PICKED_UP
    assert _status(set_up_store, B) is ParcelStatus.PICKED_UP
    assert played[-1] == "success.wav"
    assert "已取件 2 件" in tab.summary.text()
    page.tabs.setCurrentWidget(page.today_tab)
    assert page.today_tab.picked_up.value.text() == "2"


def test_unticked_parcel_stays(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shelve(set_up_store, keeper, A, "13812341234")
    shelve(set_up_store, keeper, B, "13812341234")
    tab = _search(qtbot, page, "1234")
    row = tab.pickup_model.row_of_tracking(B)
    assert row is not None
    tab.pickup_model.setData(
        tab.pickup_model.index(row, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    tab.hand_over_button.click()

    assert _status(set_up_store, A) is ParcelStatus.PICKED_UP
    assert _status(set_up_store, B) is ParcelStatus.ON_SHELF


def test_already_handed_over_says_when_and_by_whom(
    qtbot: QtBot,
    page: ParcelsPage,
    set_up_store: Store,
    keeper: OperatorInfo,
    played: list[str],
) -> None:
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _search(qtbot, page, parcel.pickup_code)
    with set_up_store.writing() as session:  # another counter was quicker
        handover.hand_over(session, set_up_store.clock, actor=keeper, scans={parcel.uid: None})
    tab.hand_over_button.click()

    assert played == ["error.wav"]
    assert "已于2026-11-23 10:00由wangjun办理取件" in tab.message.text()


def test_searching_a_gone_parcel_by_number_says_so(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    with set_up_store.writing() as session:
        handover.hand_over(session, set_up_store.clock, actor=keeper, scans={parcel.uid: None})
    tab = _search(qtbot, page, A)

    assert "已于2026-11-23 10:00由wangjun取走" in tab.message.text()
    assert tab.pickup_model.rowCount() == 0


def test_nothing_found(qtbot: QtBot, page: ParcelsPage) -> None:
    tab = _search(qtbot, page, "9999")

    assert "没有找到" in tab.message.text()


def test_return_from_the_pickup_list(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _search(qtbot, page, parcel.pickup_code)
    tab.pickup.selectRow(0)
    tab.return_button.click()
    dialog = tab.dialog
    assert dialog is not None
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    dialog.try_accept()
    assert "请写明情况" in dialog.error.text()  # stays open, nothing written
    assert _status(set_up_store, A) is ParcelStatus.ON_SHELF

    dialog.note.setText("村民说不是他的")
    dialog.try_accept()

    assert _status(set_up_store, A) is ParcelStatus.RETURNED
    assert tab.pickup_model.rowCount() == 0
