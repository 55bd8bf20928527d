"""The 收购 tab driven like a keeper at the scale: farmer, grade, crates weighed with Enter,
saved with Ctrl+Enter, the slip printed, and every refusal next to what it is about.

Readings are fed through the panel's slots, the same ones ``QtScale``'s signals connect
to; one test goes through the real serial path (socat pty pair + fake scale process).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core import preferences
from station_app.core.db.order_models import AgentOrder
from station_app.core.db.produce_models import (
    ProducePurchase,
    ProduceWeighing,
    PurchaseStatus,
)
from station_app.core.operators import OperatorInfo
from station_app.core.orders import register as register_order
from station_app.core.orders.forms import ItemForm, OrderForm
from station_app.core.produce import farmers, prices, purchase
from station_app.core.produce.catalogue import catalogue_in_use
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.produce.purchase import PurchaseOrder, PurchaseView
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store
from station_app.devices.scale.port import DISCONNECTED
from station_app.ui.pages.produce import ProducePage
from station_app.ui.pages.produce.purchase_tab import PurchaseTab
from station_app.ui.pages.produce.weighing_panel import RED
from tests.devices.serial_pair import socat_pair
from tests.devices.test_qt_scale import start_fake_scale, stop_fake_scale
from tests.ui.conftest import DIVISION_CODE
from tests.ui.produce_support import focused, ledger_size, shown, type_text

PHONE = "13812345678"
APPLE, D80, D75 = "fengxiang_apple", "d80", "d75"


def register(
    store: Store, actor: OperatorInfo, name: str, phone: str, *, household: str | None = "normal"
) -> FarmerView:
    form = FarmerForm(name, phone, DIVISION_CODE, "", household, "cash")
    with store.writing() as session:
        return farmers.register(session, store.clock, actor=actor, form=form)


def set_price(store: Store, actor: OperatorInfo, product: str, grade: str, price: str) -> None:
    with store.writing() as session:
        prices.set_day_price(
            session,
            store.clock,
            actor=actor,
            product=product,
            grade=grade,
            price=price,
            per_grams=500,
            catalogue=catalogue_in_use(session),
        )


def buy(
    store: Store,
    actor: OperatorInfo,
    farmer: FarmerView,
    crates: list[tuple[int, int]],
    *,
    payment: str = "cash",
) -> PurchaseView:
    order = PurchaseOrder(
        farmer.uid, APPLE, D80, [WeighingInput(g, t) for g, t in crates], 0, 0, payment
    )
    with store.writing() as session:
        return purchase.buy(
            session, store.clock, actor=actor, order=order, catalogue=catalogue_in_use(session)
        )


@pytest.fixture
def farmer(set_up_store: Store, keeper: OperatorInfo) -> FarmerView:
    return register(set_up_store, keeper, "张三", PHONE)


@pytest.fixture
def page(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, farmer: FarmerView
) -> Iterator[ProducePage]:
    set_price(set_up_store, keeper, APPLE, D80, "3.5")
    produce = ProducePage(set_up_store, keeper)
    produce.printer.open_pdf = lambda _path: None
    shown(qtbot, produce, (1366 - 160, 768 - 60))
    yield produce
    produce.purchase_tab.scale.stop()


@pytest.fixture
def tab(page: ProducePage) -> PurchaseTab:
    return page.purchase_tab


def settle_at(tab: PurchaseTab, grams: int) -> None:
    """The scale moving, then showing ``grams`` steady (as the settle check reports it)."""
    tab.panel.on_reading(grams - 300, False, "unsettled")
    tab.panel.on_reading(grams, True, "settled")


def pick_farmer(qtbot: QtBot, tab: PurchaseTab, typed: str = "zs") -> None:
    tab.form.picker.edit.setFocus()
    qtbot.waitUntil(tab.form.picker.edit.hasFocus)
    type_text(qtbot, typed, enter=False)
    assert tab.form.picker.popup.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def purchases(store: Store) -> list[ProducePurchase]:
    with store.reading() as session:
        return list(session.scalars(select(ProducePurchase).order_by(ProducePurchase.id)))


def crates_of(store: Store, purchase: ProducePurchase) -> list[tuple[int, int, bool]]:
    with store.reading() as session:
        rows = session.scalars(
            select(ProduceWeighing)
            .where(ProduceWeighing.purchase_id == purchase.id)
            .order_by(ProduceWeighing.position)
        )
        return [(row.gross_g, row.tare_g, row.manual) for row in rows]


def cells(tab: PurchaseTab, row: int = 0) -> list[str]:
    model = tab.panel.model
    return [model.cell(row, column) for column in range(model.columnCount())]


def test_a_purchase_from_the_keyboard_only(
    qtbot: QtBot, tab: PurchaseTab, page: ProducePage, set_up_store: Store
) -> None:
    pick_farmer(qtbot, tab)
    assert tab.form.farmer is not None
    assert "138****5678" in tab.form.farmer_info.text()
    assert focused() is tab.form.product
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is tab.form.grade
    qtbot.keyClick(focused(), Qt.Key.Key_F1)  # 80mm以上
    assert tab.form.grade.currentData() == D80
    assert tab.form.price.text() == "今天 3.50元/斤（本站）"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is tab.panel.display
    assert tab.panel.tare_lock.isChecked()  # the apple crate's 1.5 kg, locked
    assert tab.panel.tare.text() == "3斤"

    settle_at(tab, 25_000)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the same crate again: refused
    assert "刚称过了" in tab.panel.message.text()
    tab.panel.on_reading(0, True, "settled")  # crate off the scale
    settle_at(tab, 24_000)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)

    assert [c.gross_g for c in tab.panel.crates] == [25_000, 24_000]
    assert cells(tab, 0) == ["1", "50斤", "3斤", "47斤", "秤"]
    assert tab.totals.values["net"].text() == "92斤 / 46kg"
    assert tab.totals.amount.text() == "322.00元"

    with qtbot.waitSignal(page.wrote):
        qtbot.keyClick(tab.panel.display, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [bought] = purchases(set_up_store)
    assert (bought.net_g, bought.amount_fen, bought.payment_method) == (46_000, 32_200, "cash")
    assert crates_of(set_up_store, bought) == [(25_000, 1_500, False), (24_000, 1_500, False)]
    receipt = set_up_store.path.parent / "receipts" / f"{bought.number}.pdf"
    assert receipt.exists()
    assert tab.result.text().startswith(f"已收购 {bought.number}")
    assert tab.panel.crates == []
    assert tab.form.farmer is None
    assert tab.model.cell(0, 0) == bought.number
    assert focused() is tab.form.picker.edit  # ready for the next farmer


def test_an_unsettled_reading_adds_nothing(
    qtbot: QtBot, tab: PurchaseTab, set_up_store: Store
) -> None:
    tab.panel.start()
    tab.panel.on_reading(12_000, False, "unsettled")
    assert tab.panel.display.mark.text() == "不稳"
    qtbot.keyClick(tab.panel.display, Qt.Key.Key_Return)
    assert tab.panel.crates == []
    assert tab.panel.message.text() == "秤还没稳定，请稍等"


def test_an_overloaded_scale_adds_nothing(qtbot: QtBot, tab: PurchaseTab) -> None:
    tab.panel.on_reading(0, False, "overload")
    tab.panel.on_overloaded()
    assert tab.panel.display.mark.text() == "超载"
    qtbot.keyClick(tab.panel.display, Qt.Key.Key_Space)
    assert tab.panel.crates == []
    assert tab.panel.message.text().startswith("超出秤的量程")


def test_the_scale_unplugged_mid_weighing_keeps_the_crates(
    qtbot: QtBot, tab: PurchaseTab, set_up_store: Store
) -> None:
    pick_farmer(qtbot, tab)
    tab.panel.start()
    settle_at(tab, 20_000)
    qtbot.keyClick(tab.panel.display, Qt.Key.Key_Return)

    tab.panel.on_disconnected(DISCONNECTED)

    assert len(tab.panel.crates) == 1
    assert tab.panel.display.mark.text() == "秤断开了"
    assert "已称的1筐还在" in tab.panel.message.text()
    qtbot.keyClick(tab.panel.display, Qt.Key.Key_Return)
    assert len(tab.panel.crates) == 1
    assert "手工输入" in tab.panel.message.text()

    tab.panel.manual.setFocus()
    type_text(qtbot, "41.5斤")
    assert len(tab.panel.crates) == 2
    assert cells(tab, 1) == ["2", "41.5斤", "3斤", "38.5斤", "手工"]
    assert tab.panel.row_colour(1) is None  # only the 来源 cell is marked
    with qtbot.waitSignal(tab.wrote):
        tab.save_button.click()
    [bought] = purchases(set_up_store)
    assert bought.manual
    assert crates_of(set_up_store, bought) == [(20_000, 1_500, False), (20_750, 1_500, True)]


def test_a_tare_not_below_the_gross_is_refused_with_the_row_marked(
    qtbot: QtBot, tab: PurchaseTab, set_up_store: Store
) -> None:
    pick_farmer(qtbot, tab)
    tab.panel.tare_lock.setChecked(False)
    tab.panel.tare.setText("10kg")
    tab.panel.manual.setText("30kg")
    assert tab.panel.add_manual()
    tab.panel.manual.setText("8kg")
    assert tab.panel.add_manual()

    assert tab.panel.bad_row == 1
    assert tab.panel.message.text() == "第2筐皮重不能大于等于毛重。"
    colour = tab.panel.row_colour(1)
    assert colour is not None
    assert colour.name() == RED
    assert tab.totals.amount.text() == ""
    before = ledger_size(set_up_store)
    tab.save_button.click()
    assert purchases(set_up_store) == []
    assert ledger_size(set_up_store) == before
    assert tab.panel.bad_row == 1

    tab.panel.table.selectRow(1)
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Delete)
    assert tab.panel.bad_row is None
    assert tab.totals.amount.text() == "140.00元"  # 20 kg = 40斤 × 3.50


def test_no_price_today_is_refused_at_the_grade(
    qtbot: QtBot, tab: PurchaseTab, set_up_store: Store
) -> None:
    pick_farmer(qtbot, tab)
    tab.form.grade.setCurrentIndex(tab.form.grade.findData(D75))
    assert tab.form.price.text() == "今天没有价格"
    tab.panel.manual.setText("30kg")
    tab.panel.add_manual()
    assert "今天没有价格" in tab.totals.note.text()

    tab.save_button.click()

    assert purchases(set_up_store) == []
    error = tab.form.errors["grade"]
    assert error.isVisible()
    assert error.text() == "今天没有凤翔苹果75-80mm的收购价，请先设定当日价格。"

    dialog = tab.open_day_price()
    assert dialog is not None
    dialog.price.setText("3.2")
    with qtbot.waitSignal(tab.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert tab.form.price.text() == "今天 3.20元/斤（本站）"
    assert tab.totals.amount.text() == "182.40元"  # 28.5 kg = 57斤 × 3.20
    with qtbot.waitSignal(tab.wrote):
        tab.save_button.click()
    assert len(purchases(set_up_store)) == 1


def test_a_farmer_without_household_status_cannot_sell_until_it_is_filled_in(
    qtbot: QtBot, tab: PurchaseTab, set_up_store: Store, keeper: OperatorInfo
) -> None:
    register(set_up_store, keeper, "李四", "13900001111", household=None)
    pick_farmer(qtbot, tab, "1111")
    assert "户类型未填写" in tab.form.farmer_info.text()
    assert tab.form.edit_farmer_button.isVisible()
    tab.panel.manual.setText("30kg")
    tab.panel.add_manual()

    tab.save_button.click()

    assert purchases(set_up_store) == []
    assert tab.form.errors["farmer"].text().startswith("请先在农户资料里填写户类型")

    dialog = tab.open_farmer()
    assert dialog is not None
    dialog.household.combo.setCurrentIndex(dialog.household.combo.findData("lifted"))
    with qtbot.waitSignal(tab.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert tab.form.farmer is not None
    assert tab.form.farmer.can_sell
    assert not tab.form.edit_farmer_button.isVisible()
    assert "脱贫户" in tab.form.farmer_info.text()
    with qtbot.waitSignal(tab.wrote):
        tab.save_button.click()
    [bought] = purchases(set_up_store)
    assert bought.household == "lifted"


def test_owed_purchases_are_settled_from_the_purchase_screen(
    qtbot: QtBot,
    tab: PurchaseTab,
    set_up_store: Store,
    keeper: OperatorInfo,
    farmer: FarmerView,
) -> None:
    buy(set_up_store, keeper, farmer, [(21_500, 1_500)], payment="owed")
    buy(set_up_store, keeper, farmer, [(11_500, 1_500)], payment="owed")
    pick_farmer(qtbot, tab)
    assert tab.form.settle_button.isVisible()
    assert tab.form.owed_info.text() == "赊账未结：2笔，共210.00元"

    dialog = tab.open_settle()
    assert dialog is not None
    assert dialog.paid.text() == "210.00元"
    dialog.method.setCurrentIndex(dialog.method.findData("wechat"))
    with qtbot.waitSignal(tab.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert {p.status for p in purchases(set_up_store)} == {PurchaseStatus.SETTLED.value}
    assert tab.result.text().startswith("已结账：共210.00元，抵扣0.00元，实付210.00元。")
    [slip] = (set_up_store.path.parent / "receipts").glob("JS-*.pdf")  # no printer: a PDF
    assert slip.read_bytes().startswith(b"%PDF")
    assert f"小票已存为 PDF：{slip}" in tab.result.text()
    assert not tab.form.settle_button.isVisible()


def test_settling_sets_off_an_agent_order_balance(
    qtbot: QtBot,
    tab: PurchaseTab,
    set_up_store: Store,
    keeper: OperatorInfo,
    farmer: FarmerView,
) -> None:
    buy(set_up_store, keeper, farmer, [(21_500, 1_500)], payment="owed")  # 140.00元
    form = OrderForm(
        "张三", PHONE, (ItemForm("复合肥 50斤", "pinduoduo", 1, "100"),), "0", "20", "cash"
    )
    with set_up_store.writing() as session:
        order = register_order.register(session, set_up_store.clock, actor=keeper, form=form)
    pick_farmer(qtbot, tab)
    dialog = tab.open_settle()
    assert dialog is not None
    [tick] = dialog.ticks
    assert tick.text() == f"{order.number}，还欠80.00元"

    tick.setChecked(True)
    assert dialog.amounts[0].text() == "80.00"  # the whole balance, as it is within the debt
    assert dialog.paid.text() == "60.00元"
    dialog.amounts[0].setText("90")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.row_errors[0].text().startswith(f"订单{order.number}只欠80.00元")

    dialog.amounts[0].setText("80")
    with qtbot.waitSignal(tab.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert tab.result.text().startswith("已结账：共140.00元，抵扣80.00元，实付60.00元。")
    assert "PDF" in tab.result.text()
    with set_up_store.reading() as session:
        netted = session.scalar(select(AgentOrder.netted_fen).where(AgentOrder.uid == order.uid))
    assert netted == 8_000


def test_a_keeper_voids_and_reprints_an_assistant_cannot_void(  # noqa: PLR0917 - fixtures
    qtbot: QtBot,
    tab: PurchaseTab,
    page: ProducePage,
    set_up_store: Store,
    keeper: OperatorInfo,
    assistant: OperatorInfo,
    farmer: FarmerView,
) -> None:
    bought = buy(set_up_store, keeper, farmer, [(21_500, 1_500)])
    tab.refresh()
    tab.select(bought.uid)
    tab.reprint()
    assert "PDF" in tab.result.text()

    page.set_operator(assistant)
    assert not tab.void_button.isEnabled()
    page.set_operator(keeper)
    assert tab.void_button.isEnabled()

    dialog = tab.open_void()
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.text() == "作废必须写明原因。"
    dialog.reason.setText("称错了")
    with qtbot.waitSignal(page.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert purchases(set_up_store)[0].status == PurchaseStatus.VOIDED.value
    assert tab.model.cell(0, 7) == "作废"
    assert not tab.void_button.isEnabled()


def test_the_price_board_sets_a_keeper_price(
    qtbot: QtBot, page: ProducePage, set_up_store: Store
) -> None:
    prices_tab = page.prices_tab
    page.tabs.setCurrentWidget(prices_tab)
    model = prices_tab.model
    rows = {model.cell(r, 0) + model.cell(r, 1): r for r in range(model.rowCount())}
    assert model.cell(rows["凤翔苹果80mm以上"], 2) == "3.50元/斤"
    assert model.cell(rows["凤翔苹果80mm以上"], 3) == "本站"
    row = rows["凤翔苹果75-80mm"]
    assert (model.cell(row, 2), model.cell(row, 3)) == ("今天没有价格", "无")

    prices_tab.table.selectRow(row)
    dialog = prices_tab.open_set_price()
    assert dialog is not None
    dialog.price.setText("2.8")
    with qtbot.waitSignal(page.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert (model.cell(row, 2), model.cell(row, 3)) == ("2.80元/斤", "本站")


@pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")
def test_a_crate_through_the_real_serial_port(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, farmer: FarmerView
) -> None:
    set_price(set_up_store, keeper, APPLE, D80, "3.5")
    with socat_pair() as (scale_end, station_end, socat):
        with set_up_store.writing() as session:
            for pref, value in (
                (preferences.SCALE_PORT, station_end),
                (preferences.SCALE_PROTOCOL, "st-gs"),
            ):
                preferences.set_value(
                    session, set_up_store.clock, actor=keeper, pref=pref, value=value
                )
        produce = ProducePage(set_up_store, keeper)
        tab = produce.purchase_tab
        with qtbot.waitSignal(tab.scale.connected, timeout=5000):
            shown(qtbot, produce, (1366 - 160, 768 - 60))
        proc = start_fake_scale(scale_end, "st-gs", "US24000", "25000")
        try:
            qtbot.waitUntil(lambda: tab.panel.live_status == "settled", timeout=5000)
            assert tab.panel.display.weight.text() == "50斤"
            assert tab.panel.display.mark.text() == "稳定"
            qtbot.keyClick(tab.panel.display, Qt.Key.Key_Return)
            assert [c.gross_g for c in tab.panel.crates] == [25_000]

            with qtbot.waitSignal(tab.scale.disconnected, timeout=5000):
                socat.terminate()
            assert tab.panel.display.mark.text() == "秤断开了"
            assert len(tab.panel.crates) == 1
        finally:
            tab.scale.stop()
            stop_fake_scale(proc)
    assert not tab.scale.running
