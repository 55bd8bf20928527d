"""The 农户 tab driven like a keeper: a farmer registered from the keyboard, found again
by pinyin initials and phone tail, a bad ID number refused at its field with nothing
written, phones and ID numbers masked wherever they show, and the farmer picker the
purchase form uses, without the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core.db.produce_models import Farmer
from station_app.core.operators import OperatorInfo
from station_app.core.produce.farmers import FarmerView
from station_app.core.store import Store
from station_app.ui.pages.produce.farmer_picker import FarmerPicker
from station_app.ui.pages.produce.farmers_tab import HOUSEHOLD_COLUMN, FarmersTab
from station_app.ui.pages.produce.text import HELPED_TONE, ORANGE
from tests.ui.conftest import DIVISION_CODE
from tests.ui.produce_support import (
    focused,
    id_number,
    ledger_size,
    ledger_types,
    register,
    shown,
    type_text,
)

PHONE = "13812345678"
ID_NUMBER = id_number("61030519800101123")


@pytest.fixture
def tab(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> FarmersTab:
    farmers_tab = shown(qtbot, FarmersTab(set_up_store, keeper))
    farmers_tab.refresh()
    return farmers_tab


def _rows(tab: FarmersTab) -> list[list[str]]:
    model = tab.model
    return [
        [model.cell(row, column) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _farmer_rows(store: Store) -> list[Farmer]:
    with store.reading() as session:
        return list(session.scalars(select(Farmer).order_by(Farmer.id)))


def _visible_text(tab: FarmersTab) -> str:
    """Every line edit's text and every table cell: what a passer-by could read."""
    edits = [edit.text() for edit in tab.findChildren(QLineEdit)]
    if tab.dialog is not None:
        edits += [edit.text() for edit in tab.dialog.findChildren(QLineEdit)]
    cells = ["".join(row) for row in _rows(tab)]
    return "\n".join(edits + cells)


def test_a_farmer_is_registered_from_the_keyboard(
    qtbot: QtBot, tab: FarmersTab, set_up_store: Store
) -> None:
    dialog = tab.open_add()
    qtbot.waitUntil(dialog.name.edit.hasFocus)
    assert dialog.village_code.text() == DIVISION_CODE  # the station's own village
    type_text(qtbot, "张三")
    type_text(qtbot, PHONE)
    type_text(qtbot, "")  # the village as filled in
    type_text(qtbot, ID_NUMBER)
    assert focused() is dialog.household.combo
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # 普通 → 脱贫户
    type_text(qtbot, "")
    assert isinstance(focused(), QComboBox)  # 收款方式
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # 现金 → 微信
    with qtbot.waitSignal(tab.wrote):
        type_text(qtbot, "")  # Enter on the last field saves

    assert not dialog.isVisible()
    [row] = _farmer_rows(set_up_store)
    assert (row.name, row.phone, row.id_number, row.household, row.pay_preference) == (
        "张三",
        PHONE,
        ID_NUMBER,
        "lifted",
        "wechat",
    )
    assert ledger_types(set_up_store)[-1] == "farmer.registered"
    assert _rows(tab) == [["张三", "138****5678", "本村", "脱贫户", "微信", ""]]
    assert tab.model.tone(0, HOUSEHOLD_COLUMN) == HELPED_TONE
    assert "已登记农户 张三。" in tab.result.text()
    assert PHONE not in _visible_text(tab)


def test_ctrl_enter_saves_from_any_field(
    qtbot: QtBot, tab: FarmersTab, set_up_store: Store
) -> None:
    dialog = tab.open_add()
    qtbot.waitUntil(dialog.name.edit.hasFocus)
    type_text(qtbot, "李四")
    with qtbot.waitSignal(tab.wrote):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [row.name for row in _farmer_rows(set_up_store)] == ["李四"]


def test_farmers_are_found_by_initials_and_phone_tail(
    tab: FarmersTab, set_up_store: Store, keeper: OperatorInfo
) -> None:
    register(set_up_store, keeper, "张三", PHONE)
    register(set_up_store, keeper, "张三丰", "13900001111", household="monitored")
    register(set_up_store, keeper, "王五", "13700005678", household=None)
    tab.refresh()
    assert [row[0] for row in _rows(tab)] == ["王五", "张三丰", "张三"]  # newest first
    assert "最近登记的 3 位农户" in tab.count.text()
    wang = _rows(tab)[0]
    assert wang[HOUSEHOLD_COLUMN] == "未填写"
    assert tab.model.tone(0, HOUSEHOLD_COLUMN) == ORANGE
    assert tab.model.tone(1, HOUSEHOLD_COLUMN) == HELPED_TONE
    assert tab.model.tone(2, HOUSEHOLD_COLUMN) is None

    tab.search.setText("zs")
    assert [row[0] for row in _rows(tab)] == ["张三丰", "张三"]
    tab.search.setText("5678")
    assert [row[0] for row in _rows(tab)] == ["王五", "张三"]
    assert [row[1] for row in _rows(tab)] == ["137****5678", "138****5678"]
    tab.search.setText("赵")
    assert _rows(tab) == []
    assert "没有找到“赵”" in tab.count.text()


def test_a_bad_id_number_is_refused_at_its_field_and_nothing_is_written(
    qtbot: QtBot, tab: FarmersTab, set_up_store: Store
) -> None:
    before = ledger_size(set_up_store)
    dialog = tab.open_add()
    qtbot.waitUntil(dialog.name.edit.hasFocus)
    dialog.name.set_text("张三")
    dialog.phone.set_text(PHONE)
    wrong = ID_NUMBER[:-1] + ("1" if ID_NUMBER[-1] != "1" else "2")
    dialog.id_number.set_text(wrong)

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert dialog.isVisible()
    assert dialog.id_number.error.text() == "身份证号校验位不对，请逐位核对（可能输错了一位）。"
    assert dialog.id_number.error.isVisible()
    qtbot.waitUntil(dialog.id_number.edit.hasFocus)
    assert not dialog.name.error.isVisible()
    assert ledger_size(set_up_store) == before
    assert _farmer_rows(set_up_store) == []
    assert dialog.name.text() == "张三"  # nothing typed is lost

    dialog.id_number.set_text(ID_NUMBER)
    with qtbot.waitSignal(tab.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [row.id_number for row in _farmer_rows(set_up_store)] == [ID_NUMBER]


def test_a_change_keeps_the_masked_numbers_unless_retyped(
    qtbot: QtBot, tab: FarmersTab, set_up_store: Store, keeper: OperatorInfo
) -> None:
    register(set_up_store, keeper, "张三", PHONE, id_no=ID_NUMBER, household=None)
    tab.refresh()
    tab.search.setFocus()
    qtbot.waitUntil(tab.search.hasFocus)
    type_text(qtbot, "zs", enter=False)
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)  # into the list
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # 修改
    dialog = tab.dialog
    assert dialog is not None
    assert dialog.farmer is not None
    assert dialog.windowTitle() == "修改农户"
    assert dialog.id_number.text() == ""
    assert dialog.id_number.edit.placeholderText() == "6103**********" + ID_NUMBER[-4:]
    assert dialog.phone.edit.placeholderText() == "138****5678"
    assert "6103**********" in dialog.id_hint.text()
    assert ID_NUMBER not in _visible_text(tab)
    assert PHONE not in _visible_text(tab)
    dialog.household.combo.setCurrentIndex(dialog.household.combo.findData("monitored"))

    with qtbot.waitSignal(tab.wrote):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    [row] = _farmer_rows(set_up_store)
    assert (row.phone, row.id_number, row.household) == (PHONE, ID_NUMBER, "monitored")
    assert ledger_types(set_up_store)[-1] == "farmer.changed"
    assert _rows(tab)[0][HOUSEHOLD_COLUMN] == "监测对象"
    assert "已保存农户 张三 的修改" in tab.result.text()


def test_the_farmer_picker_is_driven_by_the_keyboard(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    register(set_up_store, keeper, "张三", PHONE)
    register(set_up_store, keeper, "张三丰", "13900001111", household="lifted")
    picker = shown(qtbot, FarmerPicker.for_store(set_up_store), (500, 60))
    picker.setFocus()
    qtbot.waitUntil(picker.edit.hasFocus)
    type_text(qtbot, "zs", enter=False)
    qtbot.waitUntil(picker.popup.isVisible)
    assert [farmer.name for farmer in picker.matches()] == ["张三丰", "张三"]
    assert picker.current_row() == 0
    assert picker.edit.hasFocus()  # the list never takes the typing away
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    assert picker.current_row() == 1

    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)

    [farmer] = picked.args
    assert isinstance(farmer, FarmerView)
    assert farmer.name == "张三"
    assert picker.farmer == farmer
    assert not picker.popup.isVisible()
    assert picker.edit.text() == "张三　138****5678　普通"

    with qtbot.waitSignal(picker.cleared):
        qtbot.keyClick(picker.edit, Qt.Key.Key_Backspace)
    assert picker.farmer is None
    qtbot.keyClick(picker.edit, Qt.Key.Key_Escape)
    assert not picker.popup.isVisible()
