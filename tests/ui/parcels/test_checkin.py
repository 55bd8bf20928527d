"""The 入库 tab: scan, phone, Enter; bursts queue; duplicates, product codes, seen-before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.store import Store
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.checkin import CheckInTab
from tests.ui.parcels.conftest import shelve

YTO = "YT1234567890123"


def _parcels(store: Store) -> list[Parcel]:
    with store.reading() as session:
        return list(session.scalars(select(Parcel).order_by(Parcel.id)))


def _type_phone_and_enter(qtbot: QtBot, tab: CheckInTab, phone: str) -> None:
    tab.form.phone.clear()
    qtbot.keyClicks(tab.form.phone, phone)
    qtbot.keyClick(tab.form.phone, Qt.Key.Key_Return)


def test_scan_phone_enter_puts_the_parcel_on_the_shelf(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, played: list[str]
) -> None:
    tab = page.checkin_tab
    page.handle_scan(YTO)

    assert tab.pending is not None
    assert tab.pending_panel.tracking.text() == YTO
    assert tab.pending_panel.courier.currentText() == "圆通速递"
    qtbot.waitUntil(tab.form.phone.hasFocus)
    _type_phone_and_enter(qtbot, tab, "13812341234")

    [parcel] = _parcels(set_up_store)
    assert parcel.status == ParcelStatus.ON_SHELF.value
    assert parcel.courier == "yto"
    assert parcel.phone_tail == "1234"
    assert (parcel.shelf, parcel.tier) == ("1", 1)
    assert played == ["success.wav"]
    assert tab.pending is None
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 0)) == parcel.pickup_code == "1-1-0001"
    assert tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.FontRole).pointSize() >= 24
    assert tab.model.data(tab.model.index(0, 3)) == "138****1234"
    assert "1-1-0001" in tab.result.text()


def test_three_quick_scans_are_all_checked_in_in_order(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, played: list[str]
) -> None:
    tab = page.checkin_tab
    numbers = ["YT1000000000001", "YT1000000000002", "YT1000000000003"]
    for number in numbers:
        page.handle_scan(number)

    assert tab.pending is not None
    assert tab.pending.tracking_number == numbers[2]
    _type_phone_and_enter(qtbot, tab, "1234")

    assert [p.tracking_number for p in _parcels(set_up_store)] == numbers
    assert [p.pickup_code for p in _parcels(set_up_store)] == ["1-1-0001", "1-1-0002", "1-1-0003"]
    assert played == ["success.wav"] * 3
    assert tab.queue_length() == 0
    assert tab.model.data(tab.model.index(0, 1)) == numbers[2]  # newest on top


def test_scans_wait_in_the_queue_behind_a_bad_phone(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, played: list[str]
) -> None:
    tab = page.checkin_tab
    page.handle_scan("YT1000000000001")
    qtbot.keyClicks(tab.form.phone, "12")
    page.handle_scan("YT1000000000002")
    page.handle_scan("YT1000000000003")

    assert _parcels(set_up_store) == []
    assert tab.queue_length() == 2
    assert "排队待处理：2" in tab.batch.queue_label.text()
    assert "电话格式不认识" in tab.form.error.text()

    _type_phone_and_enter(qtbot, tab, "5678")
    page.handle_scan("YT1000000000004")  # commits 3 (no phone), 4 becomes pending

    assert [p.tracking_number[-1] for p in _parcels(set_up_store)] == ["1", "2", "3"]
    assert tab.pending is not None
    assert tab.pending.tracking_number.endswith("4")
    assert tab.queue_length() == 0


def test_duplicate_scan_says_where_it_is_and_creates_nothing(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, played: list[str]
) -> None:
    tab = page.checkin_tab
    page.handle_scan(YTO)
    _type_phone_and_enter(qtbot, tab, "1234")
    page.handle_scan(YTO)

    assert played == ["success.wav", "duplicate.wav"]
    assert "已入库：取件码 1-1-0001，1号货架第1层" in tab.result.text()
    assert len(_parcels(set_up_store)) == 1
    assert tab.pending is None


def test_product_code_is_refused(page: ParcelsPage, set_up_store: Store, played: list[str]) -> None:
    tab = page.checkin_tab
    page.handle_scan("6901234567892")

    assert played == ["error.wav"]
    assert "商品条码" in tab.form.error.text()
    assert tab.pending is None
    assert _parcels(set_up_store) == []


def test_f2_cycles_the_courier_candidates(qtbot: QtBot, page: ParcelsPage) -> None:
    tab = page.checkin_tab
    page.handle_scan("773012345678901")
    combo = tab.pending_panel.courier

    assert combo.currentText() == "申通快递"
    assert "F2" in tab.pending_panel.hint.text()
    qtbot.keyClick(tab.form.phone, Qt.Key.Key_F2)
    assert combo.currentText() == "中通快递"
    qtbot.keyClick(tab.form.phone, Qt.Key.Key_F2)
    assert combo.currentText() == "申通快递"


def test_a_fixed_batch_courier_applies_to_every_scan(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store
) -> None:
    tab = page.checkin_tab
    tab.batch.courier.setCurrentIndex(tab.batch.courier.findData("zto"))
    tab.batch.shelf.setCurrentIndex(tab.batch.shelf.findData("2"))
    tab.batch.tier.setCurrentIndex(tab.batch.tier.findData(3))
    page.handle_scan("773012345678901")
    page.handle_scan(YTO)
    _type_phone_and_enter(qtbot, tab, "1234")

    parcels = _parcels(set_up_store)
    assert [p.courier for p in parcels] == ["zto", "zto"]
    assert [p.pickup_code for p in parcels] == ["2-3-0001", "2-3-0002"]


def test_bad_phone_writes_nothing_until_fixed(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, played: list[str]
) -> None:
    tab = page.checkin_tab
    page.handle_scan(YTO)
    _type_phone_and_enter(qtbot, tab, "12ab")

    assert played == ["error.wav"]
    assert "电话格式不认识" in tab.form.error.text()
    assert _parcels(set_up_store) == []
    assert tab.pending is not None

    _type_phone_and_enter(qtbot, tab, "138****5678")

    [parcel] = _parcels(set_up_store)
    assert parcel.phone_tail == "5678"
    assert played == ["error.wav", "success.wav"]
    assert not tab.form.error.isVisible()


def test_consent_and_name_are_kept(qtbot: QtBot, page: ParcelsPage, set_up_store: Store) -> None:
    tab = page.checkin_tab
    page.handle_scan(YTO)
    tab.form.name.setText("胡 小 梅")
    tab.form.consent.setChecked(True)
    _type_phone_and_enter(qtbot, tab, "1234")

    [parcel] = _parcels(set_up_store)
    assert parcel.recipient_name == "胡 小 梅"
    assert parcel.consent is True
    assert not tab.form.consent.isChecked()


def test_seen_before_asks_and_checks_in_again_on_confirm(
    qtbot: QtBot,
    page: ParcelsPage,
    set_up_store: Store,
    keeper: OperatorInfo,
    played: list[str],
) -> None:
    first = shelve(set_up_store, keeper, YTO, "1234")
    with set_up_store.writing() as session:
        handover.hand_over(session, set_up_store.clock, actor=keeper, scans={first.uid: None})
    tab = page.checkin_tab
    page.handle_scan(YTO)

    assert played == ["error.wav"]
    assert tab.confirm_bar.isVisible()
    assert "被取走" in tab.confirm_bar.text.text()
    assert "确实要重新入库吗" in tab.confirm_bar.text.text()
    tab.confirm_bar.again_button.click()
    _type_phone_and_enter(qtbot, tab, "1234")

    parcels = _parcels(set_up_store)
    assert [p.status for p in parcels] == [
        ParcelStatus.PICKED_UP.value,
        ParcelStatus.ON_SHELF.value,
    ]
    assert played[-1] == "success.wav"
    assert not tab.confirm_bar.isVisible()


def test_seen_before_given_up_creates_nothing(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    first = shelve(set_up_store, keeper, YTO)
    with set_up_store.writing() as session:
        handover.hand_over(session, set_up_store.clock, actor=keeper, scans={first.uid: None})
    tab = page.checkin_tab
    page.handle_scan(YTO)
    page.handle_scan("YT1000000000002")  # waits behind the question

    assert tab.queue_length() == 1
    tab.confirm_bar.give_up_button.click()

    assert len(_parcels(set_up_store)) == 1
    assert tab.pending is not None
    assert tab.pending.tracking_number == "YT1000000000002"


def test_typed_tracking_number_takes_the_scan_path(page: ParcelsPage) -> None:
    tab = page.checkin_tab
    tab.form.tracking.setText(" yt1234567890123 ")
    tab.form.tracking.returnPressed.emit()

    assert tab.pending is not None
    assert tab.pending.tracking_number == YTO
    assert tab.form.tracking.text() == ""
