"""The 代购 page driven like a keeper: an order typed in with the keyboard and the totals
followed live, refusals shown where the mistake is with nothing written, the steps to
delivery through their forms, the villager's balance, and the parcels page telling the
keeper that an order's goods arrived and offering to settle it at hand-over."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.core.db.cash_models import CashMovement
from station_app.core.db.models import LedgerEntry
from station_app.core.db.order_models import AgentOrder, OrderStatus
from station_app.core.operators import OperatorInfo
from station_app.core.orders import register, transitions, views
from station_app.core.orders.forms import ItemForm, OrderForm
from station_app.core.orders.views import OrderView
from station_app.core.store import Store
from station_app.ui.pages.orders import OrdersPage
from station_app.ui.pages.orders.list_tab import OrdersListTab
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.settings_dialogs import FormDialog

TRACKING = "YT7512345678901"
FORM = OrderForm(
    customer_name="胡建国",
    customer_phone="13812345678",
    items=(ItemForm("复合肥 50斤", "pinduoduo", "2", "85.50"),),
    service_fee="5",
    deposit="100",
    method="cash",
)


@pytest.fixture
def page(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> OrdersPage:
    return _page(qtbot, set_up_store, keeper)


def _page(qtbot: QtBot, store: Store, operator: OperatorInfo) -> OrdersPage:
    shown = OrdersPage(store, operator)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1150, 700)  # as the main window gives it
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot: QtBot, text: str, *, enter: bool = True) -> None:
    """To whatever has the focus, as a keeper types: no mouse. Digits are keys; Chinese
    arrives as the input method commits it (a QInputMethodEvent), as on a real PC."""
    if text.isascii():
        qtbot.keyClicks(_focused(), text)
    else:
        committed = QInputMethodEvent()
        committed.setCommitString(text)
        QApplication.sendEvent(_focused(), committed)
    if enter:
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)


def _ok(dialog: FormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _ledger_size(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(LedgerEntry)) or 0


def _orders(store: Store) -> list[AgentOrder]:
    with store.reading() as session:
        return list(session.scalars(select(AgentOrder).order_by(AgentOrder.id)))


def _registered(store: Store, keeper: OperatorInfo, form: OrderForm = FORM) -> OrderView:
    with store.writing() as session:
        return register.register(session, store.clock, actor=keeper, form=form)


def _cells(tab: OrdersListTab, row: int) -> list[str]:
    model = tab.model
    return [model.index(row, column).data() for column in range(model.columnCount())]


# --- registering ------------------------------------------------------------------


def test_an_order_is_typed_in_with_the_keyboard_and_its_totals_follow(
    qtbot: QtBot, page: OrdersPage, set_up_store: Store
) -> None:
    tab = page.register_tab
    tab.name.edit.setFocus()
    qtbot.waitUntil(tab.name.edit.hasFocus)
    _type(qtbot, "胡建国")
    _type(qtbot, "138 1234 5678")  # Enter: into the items table, first cell
    qtbot.waitUntil(lambda: tab.items.state() == tab.items.State.EditingState)
    _type(qtbot, "复合肥 50斤")
    assert isinstance(_focused(), QComboBox)  # 平台
    qtbot.keyClick(_focused(), Qt.Key.Key_Down)  # 拼多多 → 京东
    _type(qtbot, "")
    _type(qtbot, "2")
    _type(qtbot, "85.5")  # past the last column: the next row's first cell
    _type(qtbot, "电动喷雾器")
    _type(qtbot, "")  # the platform of the row above
    _type(qtbot, "")  # quantity 1
    _type(qtbot, "128")

    model = tab.items_model
    assert model.filled_rows() == [0, 1]
    assert [model.index(0, c).data() for c in range(5)] == [
        "复合肥 50斤",
        "京东",
        "2",
        "85.50",
        "¥171.00",
    ]
    assert [model.index(1, c).data() for c in range(5)] == [
        "电动喷雾器",
        "京东",
        "1",
        "128.00",
        "¥128.00",
    ]
    assert "¥299.00" in tab.totals.text()
    qtbot.keyClicks(tab.service_fee.edit, "5")
    qtbot.keyClicks(tab.deposit.edit, "100")
    assert "总价 <b>¥304.00</b>" in tab.totals.text()
    assert "应收尾款 <b>¥204.00</b>" in tab.totals.text()

    tab.method.setCurrentIndex(tab.method.findData("wechat"))
    tab.register_button.click()

    [row] = _orders(set_up_store)
    assert (row.customer_name, row.customer_phone, row.deposit_method) == (
        "胡建国",
        "13812345678",
        "wechat",
    )
    assert "已登记 DG20261123-001（胡**）" in tab.result.text()
    assert "交货时应收尾款 ¥204.00" in tab.result.text()
    assert tab.name.text() == ""  # ready for the next villager
    assert tab.items_model.filled_rows() == []
    dialog = tab.open_receipt()
    assert dialog is not None
    slip = dialog.text.toPlainText()
    assert "代购登记单" in slip
    assert "电话：138****5678" in slip
    assert "13812345678" not in slip


def test_a_bad_price_is_shown_at_its_item_and_nothing_is_written(
    qtbot: QtBot, page: OrdersPage, set_up_store: Store
) -> None:
    tab = page.register_tab
    tab.name.set_text("胡建国")
    tab.phone.set_text("13812345678")
    model = tab.items_model
    model.setData(model.index(0, 0), "复合肥")
    model.setData(model.index(0, 3), "85.5")
    model.setData(model.index(1, 0), "地膜")
    model.setData(model.index(1, 3), "12.345")
    before = _ledger_size(set_up_store)

    assert "第2行商品：金额最多两位小数：12.345" in tab.hint.text()  # live, before 登记
    tab.register_button.click()

    assert tab.items_error.text() == "第2行商品：金额最多两位小数：12.345"
    assert (tab.items.currentIndex().row(), tab.items.currentIndex().column()) == (1, 3)
    assert _ledger_size(set_up_store) == before
    assert _orders(set_up_store) == []
    assert tab.name.text() == "胡建国"  # nothing typed is lost


@pytest.mark.parametrize(
    ("deposit", "phone", "field", "message"),
    [
        ("200", "13812345678", "deposit", "订金200.00元不能超过订单总价176.00元。"),
        ("-5", "13812345678", "deposit", "金额不能为负数：-5"),
        ("100", "5678", "phone", "代购要填村民完整的11位手机号。"),
    ],
)
def test_a_refused_field_shows_its_message_under_it(  # noqa: PLR0917
    page: OrdersPage, set_up_store: Store, deposit: str, phone: str, field: str, message: str
) -> None:
    tab = page.register_tab
    tab.name.set_text("胡建国")
    tab.phone.set_text(phone)
    tab.items_model.setData(tab.items_model.index(0, 0), "复合肥")
    tab.items_model.setData(tab.items_model.index(0, 2), "2")
    tab.items_model.setData(tab.items_model.index(0, 3), "85.5")
    tab.service_fee.set_text("5")
    tab.deposit.set_text(deposit)

    tab.register_button.click()

    assert getattr(tab, field).error.text() == message
    assert _orders(set_up_store) == []


# --- the steps ----------------------------------------------------------------------


def test_an_order_goes_from_placed_to_delivered_through_its_forms(
    qtbot: QtBot, page: OrdersPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    order = _registered(set_up_store, keeper)
    page.tabs.setCurrentWidget(page.list_tab)
    tab = page.list_tab
    assert _cells(tab, 0)[:8] == [
        order.number,
        "胡**",
        "138****5678",
        "复合肥 50斤",
        "¥176.00",
        "¥100.00",
        "¥76.00",
        "登记",
    ]
    enabled = {key for key, button in tab.buttons.items() if button.isEnabled()}
    assert enabled == {"place", "arrive", "cancel", "receipt"}

    placing = tab.open_place()
    assert placing is not None
    placing.platform_number.set_text("240512-88123")
    _ok(placing)
    assert not placing.isVisible()
    assert _cells(tab, 0)[7] == "已下单"

    shipping = tab.open_ship()
    assert shipping is not None
    shipping.tracking.set_text(TRACKING.lower())
    with qtbot.waitSignal(tab.changed):
        _ok(shipping)
    assert _cells(tab, 0)[7:9] == ["已发货", TRACKING]
    assert not tab.buttons["deliver"].isEnabled()

    arriving = tab.open_arrive()
    assert arriving is not None
    _ok(arriving)
    assert "已到站，应收尾款 ¥76.00" in tab.result.text()

    delivering = tab.open_deliver()
    assert delivering is not None
    delivering.method.setCurrentIndex(delivering.method.findData("alipay"))
    _ok(delivering)

    assert "已交付，收尾款 ¥76.00" in tab.result.text()
    assert tab.model.rowCount() == 0  # only open orders are listed
    tab.open_only.setChecked(False)
    assert _cells(tab, 0)[5:8] == ["¥176.00", "已收清", "已交付"]
    assert not tab.buttons["deliver"].isEnabled()  # paying twice is not offered
    assert tab.buttons["refund"].isEnabled()
    with set_up_store.reading() as session:
        kinds = [m.kind for m in session.scalars(select(CashMovement))]
    assert kinds == ["order_deposit", "order_balance"]


def test_refunding_more_than_was_paid_keeps_the_form_open_with_the_reason(
    page: OrdersPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    order = _registered(set_up_store, keeper)
    page.tabs.setCurrentWidget(page.list_tab)
    tab = page.list_tab
    dialog = tab.open_cancel()
    assert dialog is not None
    assert dialog.amount.text() == "100.00"
    dialog.reason.set_text("村民不要了")
    dialog.amount.set_text("100.01")
    before = _ledger_size(set_up_store)

    _ok(dialog)

    assert dialog.isVisible()
    assert dialog.error.text() == "退款100.01元不能超过村民已付的100.00元。"
    assert _ledger_size(set_up_store) == before
    dialog.amount.set_text("100")
    _ok(dialog)
    assert not dialog.isVisible()
    with set_up_store.reading() as session:
        assert views.order(session, order.uid).status is OrderStatus.CANCELLED


def test_an_assistant_cannot_give_money_back(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, assistant: OperatorInfo
) -> None:
    _registered(set_up_store, keeper)
    page = _page(qtbot, set_up_store, assistant)
    page.tabs.setCurrentWidget(page.list_tab)

    assert page.list_tab.buttons["place"].isEnabled()
    assert not page.list_tab.buttons["cancel"].isEnabled()
    assert page.list_tab.buttons["cancel"].toolTip() == "只有站长可以退钱给村民。"


def test_a_scan_finds_the_order_waiting_for_that_parcel(
    page: OrdersPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _registered(set_up_store, keeper)
    waiting = _registered(set_up_store, keeper, dataclasses.replace(FORM, tracking_number=TRACKING))
    page.tabs.setCurrentWidget(page.list_tab)

    page.handle_scan(TRACKING)

    assert page.list_tab.model.rowCount() == 1
    assert _cells(page.list_tab, 0)[0] == waiting.number


def test_a_villagers_balance_is_found_by_phone_tail(
    qtbot: QtBot, page: OrdersPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _registered(set_up_store, keeper)
    _registered(set_up_store, keeper, dataclasses.replace(FORM, deposit="50"))
    neighbour = dataclasses.replace(FORM, customer_name="李秀英", customer_phone="13900001111")
    _registered(set_up_store, keeper, neighbour)
    page.tabs.setCurrentWidget(page.balances_tab)
    tab = page.balances_tab
    assert tab.model.rowCount() == 2  # everyone with an open order

    qtbot.keyClicks(tab.search, "5678")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)

    cells = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert cells == ["胡**", "138****5678", "2", "2", "¥150.00", "¥202.00", "¥150.00", "¥0.00"]
    assert "站里收着订金 ¥150.00，交货时还要收 ¥202.00" in tab.summary.text()
    assert tab.orders_model.rowCount() == 2


# --- from the parcels page --------------------------------------------------------


def test_checking_in_the_expected_parcel_tells_the_keeper_and_hand_over_settles_it(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    order = _registered(set_up_store, keeper)
    with set_up_store.writing() as session:
        transitions.place(
            session,
            set_up_store.clock,
            actor=keeper,
            order_uid=order.uid,
            platform_order_number="240512-88123",
            tracking=TRACKING,
        )
    parcels = ParcelsPage(set_up_store, keeper)
    qtbot.addWidget(parcels)
    parcels.setMinimumSize(1150, 700)
    parcels.show()
    checkin = parcels.checkin_tab

    parcels.handle_scan(TRACKING)
    qtbot.keyClicks(checkin.form.phone, "13812345678")
    qtbot.keyClick(checkin.form.phone, Qt.Key.Key_Return)

    assert checkin.order_notice.text() == (
        f"代购订单 {order.number}（胡**）已到站，应收尾款 ¥76.00"
    )
    pickup = parcels.pickup_tab
    parcels.tabs.setCurrentWidget(pickup)
    qtbot.keyClicks(pickup.search, "5678")
    qtbot.keyClick(pickup.search, Qt.Key.Key_Return)
    pickup.hand_over_button.click()

    dialog = pickup.settle_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.order.uid == order.uid
    dialog.method.setCurrentIndex(dialog.method.findData("wechat"))
    _ok(dialog)

    assert "代购订单 DG20261123-001 已交付，收尾款 ¥76.00" in pickup.summary.text()
    with set_up_store.reading() as session:
        done = views.order(session, order.uid)
    assert (done.status, done.settled_method) == (OrderStatus.DELIVERED, "wechat")
