"""The 寄件 tab on the real widgets: live fee, refusals in Chinese, accept, collect, cancel."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.core.db.models import LedgerEntry
from station_app.core.db.shipment_models import Shipment, ShipmentStatus
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import sending
from station_app.core.parcels.sending import ShipmentOrder, ShipmentView
from station_app.core.store import Store
from station_app.core.weight import Grams
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.sending import SendingTab
from station_app.ui.pages.parcels.sending_form import ShipmentForm

ORDER = ShipmentOrder(
    courier="zto",
    province="广东",
    city="深圳市",
    address="南山区科技园南路88号",
    recipient_name="张小红",
    recipient_phone="13912345678",
    sender_name="胡建国",
    sender_phone="13812341234",
    weight="1.2",
    payment_method="cash",
)


def _tab(page: ParcelsPage) -> SendingTab:
    page.tabs.setCurrentWidget(page.sending_tab)
    return page.sending_tab


def _fill(form: ShipmentForm, **changes: str) -> None:
    """Fill the form like ORDER (as text, the way a keeper types it), with changes."""
    values = {
        "sender_name": ORDER.sender_name,
        "sender_phone": ORDER.sender_phone,
        "recipient_name": ORDER.recipient_name,
        "recipient_phone": ORDER.recipient_phone,
        "province": ORDER.province,
        "city": ORDER.city,
        "address": ORDER.address,
        "weight": str(ORDER.weight),
        "courier": ORDER.courier,
    } | changes
    form.sender_name.setText(values["sender_name"])
    form.sender_phone.setText(values["sender_phone"])
    form.recipient_name.setText(values["recipient_name"])
    form.recipient_phone.setText(values["recipient_phone"])
    form.province.setEditText(values["province"])
    form.city.setText(values["city"])
    form.address.setText(values["address"])
    form.weight.setText(values["weight"])
    form.courier.setCurrentIndex(form.courier.findData(values["courier"]))


def _counts(store: Store) -> tuple[int, int]:
    with store.reading() as session:
        shipments = session.scalar(select(func.count()).select_from(Shipment)) or 0
        entries = session.scalar(select(func.count()).select_from(LedgerEntry)) or 0
    return shipments, entries


def _stored(store: Store) -> list[Shipment]:
    with store.reading() as session:
        return list(session.scalars(select(Shipment).order_by(Shipment.id)))


def _accepted(store: Store, keeper: OperatorInfo, **changes: str) -> ShipmentView:
    """A shipment accepted through the core, as if at the counter earlier."""
    order = ShipmentOrder(**(ORDER.__dict__ | changes))
    with store.writing() as session:
        return sending.accept(session, store.clock, actor=keeper, order=order)


def _status(store: Store, uid: str) -> ShipmentStatus:
    with store.reading() as session:
        return sending.shipment(session, uid).status


def _cells(tab: SendingTab) -> list[list[str]]:
    model = tab.model
    return [
        [str(model.index(row, column).data() or "") for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a keeper does: keys for ASCII, a Chinese input method's commit for 汉字
    (QTest cannot press keys that are not on the keyboard)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _activate(qtbot: QtBot, page: ParcelsPage, widget: QWidget) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


# --- the fee ----------------------------------------------------------------------------


def test_the_fee_is_priced_live_with_its_breakdown(page: ParcelsPage) -> None:
    form = _tab(page).form
    assert form.fee.amount.text() == "运费 —"
    assert "填好省份和重量" in form.fee.breakdown.text()

    form.courier.setCurrentIndex(form.courier.findData("zto"))
    form.province.setEditText("广东")
    form.weight.setText("2.4kg")
    assert form.fee.amount.text() == "运费 24.00元"
    assert form.fee.breakdown.text() == "首重 1kg 12.00元 + 续重 2kg × 6.00元"
    assert form.fee.detail.text() == "寄往广东省（其他省份），2.4kg按3kg计费"

    form.weight.setText("3.2斤")
    assert form.weight_shown.text() == "＝1.6kg"
    assert form.fee.amount.text() == "运费 18.00元"

    form.province.setEditText("陕西省")
    assert form.fee.amount.text() == "运费 10.00元"

    form.courier.setCurrentIndex(form.courier.findData("sf"))
    assert "每0.5kg" in form.fee.breakdown.text()


def test_no_price_says_why_in_chinese(page: ParcelsPage) -> None:
    form = _tab(page).form
    form.province.setEditText("广东")
    form.weight.setText("abc")
    assert form.fee.amount.text() == "运费 —"
    assert form.fee.breakdown.text() == "重量格式不对：abc"
    assert form.weight_shown.text() == ""


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("-1", "重量不能为负数：-1"),
        ("0", "请先称重：寄件重量必须大于0。"),
        ("abc", "重量格式不对：abc"),
        ("51kg", "中通快递单件最重50kg，这件51kg，请分成几件寄。"),
    ],
)
def test_a_bad_weight_is_refused_under_the_weight_and_nothing_is_stored(
    page: ParcelsPage, set_up_store: Store, played: list[str], weight: str, message: str
) -> None:
    tab = _tab(page)
    before = _counts(set_up_store)
    _fill(tab.form, weight=weight)
    tab.form.accept_button.click()

    assert tab.form.errors["weight"].text() == message
    assert tab.form.errors["weight"].isVisible()
    assert _counts(set_up_store) == before
    assert tab.form.weight.text() == weight  # nothing typed is lost
    assert played == ["error.wav"]


def test_an_unknown_province_is_refused_under_the_province(
    page: ParcelsPage, set_up_store: Store
) -> None:
    tab = _tab(page)
    before = _counts(set_up_store)
    _fill(tab.form, province="火星")
    tab.form.accept_button.click()

    assert tab.form.errors["province"].text() == "没有这个省份：火星"
    assert _counts(set_up_store) == before


def test_a_masked_phone_is_refused_under_that_phone(page: ParcelsPage, set_up_store: Store) -> None:
    tab = _tab(page)
    before = _counts(set_up_store)
    _fill(tab.form, recipient_phone="139****5678")
    tab.form.accept_button.click()

    assert tab.form.errors["recipient_phone"].text() == "寄件要填收件人完整的11位手机号。"
    assert not tab.form.errors["weight"].isVisible()
    assert _counts(set_up_store) == before


# --- accepting --------------------------------------------------------------------------


def test_accept_stores_the_shipment_with_its_ledger_entry(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    tab = _tab(page)
    _fill(tab.form, province="陕西", weight="3.2斤")
    tab.form.payment.setCurrentIndex(tab.form.payment.findData("wechat"))
    tab.form.accept_button.click()

    [row] = _stored(set_up_store)
    assert (row.province, row.weight_g, row.fee_fen) == ("陕西省", 1600, 1000)
    assert (row.recipient_phone, row.sender_phone) == ("13912345678", "13812341234")
    assert row.payment_method == "wechat"
    with set_up_store.reading() as session:
        entry = session.scalar(select(LedgerEntry).where(LedgerEntry.type == "shipment.accepted"))
    assert entry is not None
    assert entry.entry_id == row.accepted_entry
    assert entry.operator == keeper.login
    assert json.loads(entry.payload)["fee_fen"] == 1000
    assert "13912345678" not in entry.payload
    assert played == ["success.wav"]
    assert tab.result.text() == "已收件：中通快递，寄往陕西省深圳市，运费10.00元（微信）"
    # The form is ready for the next villager; courier and payment method stay.
    assert tab.form.sender_phone.text() == tab.form.recipient_phone.text() == ""
    assert tab.form.province.currentText() == ""
    assert tab.form.courier.currentData() == "zto"
    # The list shows the shipment, phones and names masked.
    [cells] = _cells(tab)
    assert cells[1:9] == [
        "已收件",
        "中通快递",
        "陕西省深圳市",
        "张**",
        "139****5678",
        "1.6kg",
        "10.00",
        "微信",
    ]
    assert not any("13912345678" in cell or "13812341234" in cell for cell in cells)


def test_a_weight_from_the_scale_is_charged_as_read(page: ParcelsPage, set_up_store: Store) -> None:
    tab = _tab(page)
    _fill(tab.form)
    tab.form.set_scale_weight(Grams(2345))
    assert tab.form.weight.text() == "2.345kg"
    assert tab.form.fee.amount.text() == "运费 24.00元"
    tab.form.accept_button.click()

    [row] = _stored(set_up_store)
    assert row.weight_g == 2345


# The offscreen platform cannot raise the province popup or give it the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_keyboard_only_from_first_field_to_accepted(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store
) -> None:
    tab = _tab(page)
    form = tab.form
    _activate(qtbot, page, form.sender_name)
    for text in ("胡建国", "13812341234", "张小红", "13912345678"):
        focused = QApplication.focusWidget()
        assert focused is not None
        _type(qtbot, focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.province
    _type(qtbot, form.province, "陕西")
    popup = form.province_popup
    qtbot.waitUntil(popup.isVisible)  # the filtered list, which now has the keyboard
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.province.currentText() == "陕西省"
    assert QApplication.focusWidget() is form.city
    _type(qtbot, form.city, "西安市")
    qtbot.keyClick(form.city, Qt.Key.Key_Tab)  # Tab moves on as Enter does
    assert QApplication.focusWidget() is form.address
    _type(qtbot, form.address, "雁塔区小寨路1号")
    qtbot.keyClick(form.address, Qt.Key.Key_Return)
    qtbot.keyClicks(form.weight, "1.6kg")
    assert form.fee.amount.text() == "运费 14.00元"  # 顺丰, the first courier
    qtbot.keyClick(form.weight, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.courier
    assert form.province.currentText() == "陕西省"
    qtbot.keyClick(form.courier, Qt.Key.Key_Down)  # the next courier in the list
    qtbot.keyClick(form.courier, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.payment
    qtbot.keyClick(form.payment, Qt.Key.Key_Down)  # 微信
    qtbot.keyClick(form.payment, Qt.Key.Key_Return)  # Enter on the last field accepts

    [row] = _stored(set_up_store)
    assert (row.province, row.city, row.weight_g) == ("陕西省", "西安市", 1600)
    assert row.courier == form.courier.itemData(1)
    assert row.payment_method == "wechat"
    assert QApplication.focusWidget() is form.sender_name  # ready for the next one


def test_ctrl_enter_accepts_from_any_field(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store
) -> None:
    tab = _tab(page)
    _fill(tab.form)
    _activate(qtbot, page, tab.form.city)
    qtbot.keyClick(tab.form.city, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert len(_stored(set_up_store)) == 1


# --- collection by the courier ----------------------------------------------------------


def test_scan_collects_the_selected_shipment(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    shipment = _accepted(set_up_store, keeper)
    tab = _tab(page)
    tab.table.selectRow(tab.model.row_of(shipment.uid) or 0)
    assert "请扫这件的快递单号：中通快递，寄往广东省深圳市" in tab.next_label.text()
    page.handle_scan("zt7300000000001")

    assert _status(set_up_store, shipment.uid) is ShipmentStatus.COLLECTED
    assert played == ["success.wav"]
    assert tab.result.text() == "已揽收：中通快递，寄往广东省深圳市，单号 ZT7300000000001"
    [cells] = _cells(tab)
    assert cells[1] == "已揽收"
    assert cells[9] == "ZT7300000000001"
    assert not tab.model.flags(tab.model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable


def test_a_batch_is_collected_scan_by_scan_in_list_order(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    first = _accepted(set_up_store, keeper)
    second = _accepted(set_up_store, keeper, city="广州市")
    third = _accepted(set_up_store, keeper, city="东莞市")
    tab = _tab(page)
    tab.tick_all_button.click()
    assert "（之后还有2件）" in tab.next_label.text()
    assert "东莞市" in tab.next_label.text()  # newest first, as listed

    for number in ("ZT0000000003", "ZT0000000002", "ZT0000000001"):
        page.handle_scan(number)

    with set_up_store.reading() as session:
        numbers = {
            uid: sending.shipment(session, uid).courier_tracking_number
            for uid in (first.uid, second.uid, third.uid)
        }
    assert numbers == {
        third.uid: "ZT0000000003",
        second.uid: "ZT0000000002",
        first.uid: "ZT0000000001",
    }
    assert tab.model.ticked() == []


def test_space_ticks_a_row_for_the_batch(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _accepted(set_up_store, keeper)
    kept = _accepted(set_up_store, keeper, city="广州市")
    tab = _tab(page)
    tab.table.selectRow(tab.model.row_of(kept.uid) or 0)
    _activate(qtbot, page, tab.table)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)

    assert [entry.view.uid for entry in tab.model.ticked()] == [kept.uid]


def test_a_tracking_number_already_used_is_refused(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    first = _accepted(set_up_store, keeper)
    second = _accepted(set_up_store, keeper, city="广州市")
    tab = _tab(page)
    tab.table.selectRow(tab.model.row_of(first.uid) or 0)
    page.handle_scan("ZT7300000000001")
    tab.table.selectRow(tab.model.row_of(second.uid) or 0)
    entries = _counts(set_up_store)[1]
    page.handle_scan("ZT7300000000001")

    assert "单号ZT7300000000001已用于另一件寄件" in tab.result.text()
    assert _status(set_up_store, second.uid) is ShipmentStatus.ACCEPTED
    assert _counts(set_up_store)[1] == entries
    assert played == ["success.wav", "error.wav"]


def test_a_scan_with_nothing_selected_says_what_to_do(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    shipment = _accepted(set_up_store, keeper)
    tab = _tab(page)
    tab.table.clearSelection()
    tab.table.setCurrentIndex(tab.model.index(-1, -1))
    page.handle_scan("ZT7300000000001")

    assert "请先在列表里选中或勾选要揽收的寄件" in tab.result.text()
    assert _status(set_up_store, shipment.uid) is ShipmentStatus.ACCEPTED
    assert played == ["error.wav"]


def test_a_number_can_be_typed_when_the_label_will_not_scan(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shipment = _accepted(set_up_store, keeper)
    tab = _tab(page)
    tab.table.selectRow(0)
    qtbot.keyClicks(tab.tracking, "ZT 7300 0000 0000 1")
    qtbot.keyClick(tab.tracking, Qt.Key.Key_Return)

    assert _status(set_up_store, shipment.uid) is ShipmentStatus.COLLECTED
    assert tab.tracking.text() == ""


# --- cancelling -------------------------------------------------------------------------


def test_cancel_requires_a_reason(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shipment = _accepted(set_up_store, keeper)
    tab = _tab(page)
    tab.table.selectRow(0)
    tab.cancel_button.click()
    dialog = tab.dialog
    assert dialog is not None
    dialog.try_accept()
    assert dialog.error.text() == "取消寄件必须写明原因。"
    assert _status(set_up_store, shipment.uid) is ShipmentStatus.ACCEPTED

    dialog.reason.setText("寄件人不寄了")
    dialog.try_accept()

    assert _status(set_up_store, shipment.uid) is ShipmentStatus.CANCELLED
    assert tab.result.text() == "已取消寄件：寄往广东省深圳市，请退还运费18.00元。"
    assert _cells(tab)[0][1] == "已取消"
    with set_up_store.reading() as session:
        entry = session.scalar(select(LedgerEntry).where(LedgerEntry.type == "shipment.cancelled"))
    assert entry is not None
    assert json.loads(entry.payload)["reason"] == "寄件人不寄了"


def test_an_assistant_is_told_only_the_keeper_may_cancel(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, assistant: OperatorInfo
) -> None:
    shipment = _accepted(set_up_store, keeper)
    shown = ParcelsPage(set_up_store, assistant)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1150, 700)
    shown.show()
    tab = _tab(shown)
    tab.table.selectRow(0)
    tab.cancel_button.click()

    assert tab.dialog is None
    assert "只有站长可以" in tab.result.text()
    assert _status(set_up_store, shipment.uid) is ShipmentStatus.ACCEPTED


# --- the list ---------------------------------------------------------------------------


def test_the_list_filters_by_courier(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _accepted(set_up_store, keeper)
    sf = _accepted(set_up_store, keeper, courier="sf")
    tab = _tab(page)
    assert tab.model.rowCount() == 2
    tab.courier_filter.setCurrentIndex(tab.courier_filter.findData("sf"))

    assert [entry.view.uid for entry in tab.model.entries()] == [sf.uid]


def test_the_list_model_passes_the_model_tester(
    qtmodeltester: ModelTester, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    collected = _accepted(set_up_store, keeper)
    cancelled = _accepted(set_up_store, keeper)
    _accepted(set_up_store, keeper)
    with set_up_store.writing() as session:
        clock = set_up_store.clock
        sending.collect(
            session,
            clock,
            actor=keeper,
            shipment_uid=collected.uid,
            courier_tracking_number="ZT0000000001",
        )
        sending.cancel(session, clock, actor=keeper, shipment_uid=cancelled.uid, reason="不寄了")
    tab = _tab(page)
    tab.tick_all_button.click()

    qtmodeltester.check(tab.model)
    assert [cells[1] for cells in _cells(tab)] == ["已收件", "已取消", "已揽收"]
