"""The 批次 tab driven like a keeper: the day's lots made by purchases, a lot split into
parts typed one per line (more than it holds refused with the core's message and
nothing written), a lot shipped, a label printed to PDF, and the trace lookup showing
the chain from the farmers (masked) to where the produce went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core.db.produce_models import ProduceLot
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.pages.produce.lot_dialogs import ShipDialog, SplitDialog
from station_app.ui.pages.produce.lots_tab import HELD_COLUMN, STATUS_COLUMN, LotsTab
from station_app.ui.pages.settings_dialogs import FormDialog
from tests.ui.produce_support import (
    APPLE,
    D75,
    D80,
    buy,
    ledger_size,
    ledger_types,
    register,
    set_price,
    shown,
    type_text,
)


@pytest.fixture
def bought(set_up_store: Store, keeper: OperatorInfo) -> Store:
    """Two farmers sold 80mm apples (one lot of 60 kg), one sold 75mm (another lot)."""
    set_price(set_up_store, keeper, APPLE, D80, price="3.50")
    set_price(set_up_store, keeper, APPLE, D75, price="2.80")
    zhang = register(set_up_store, keeper, "张三丰", "13812345678", household="lifted")
    li = register(set_up_store, keeper, "李四", "13900001111")
    buy(set_up_store, keeper, zhang, [(21_500, 1_500), (21_500, 1_500)])  # 40 kg net
    buy(set_up_store, keeper, li, [(21_500, 1_500)])  # 20 kg
    buy(set_up_store, keeper, li, [(11_500, 1_500)], grade=D75)  # 10 kg
    return set_up_store


@pytest.fixture
def tab(qtbot: QtBot, bought: Store, keeper: OperatorInfo) -> LotsTab:
    lots_tab = shown(qtbot, LotsTab(bought, keeper))
    lots_tab.printer.open_pdf = lambda _path: None
    lots_tab.refresh()
    return lots_tab


def _rows(tab: LotsTab) -> list[list[str]]:
    model = tab.model
    return [
        [model.cell(row, column) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _lots(store: Store) -> list[ProduceLot]:
    with store.reading() as session:
        return list(session.scalars(select(ProduceLot).order_by(ProduceLot.id)))


def _ok(dialog: FormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_days_lots_are_listed_with_weights_in_jin_and_kg(tab: LotsTab, bought: Store) -> None:
    first, second = _lots(bought)
    rows = _rows(tab)
    assert rows == [
        [
            f"{first.trace_code[:5]}-{first.trace_code[5:]}",
            "凤翔苹果",
            "80mm以上",
            "2026-11-23",
            "120斤（60kg）",
            "2",
            "收购中",
            "",
        ],
        [
            f"{second.trace_code[:5]}-{second.trace_code[5:]}",
            "凤翔苹果",
            "75-80mm",
            "2026-11-23",
            "20斤（10kg）",
            "1",
            "收购中",
            "",
        ],
    ]
    assert tab.model.tone(0, STATUS_COLUMN) is not None
    assert tab.split_button.isEnabled()
    assert tab.ship_button.isEnabled()


def test_a_lot_is_split_into_parts_typed_one_per_line(
    qtbot: QtBot, tab: LotsTab, bought: Store
) -> None:
    dialog = tab.open_split()
    assert isinstance(dialog, SplitDialog)
    qtbot.waitUntil(dialog.parts.hasFocus)
    type_text(qtbot, "50")
    type_text(qtbot, "30kg", enter=False)  # a line may say its own unit
    assert dialog.remaining.text() == "拆出 2 份共 110斤（55kg），批次还剩 10斤（5kg）。"

    with qtbot.waitSignal(tab.wrote):
        qtbot.keyClick(dialog.parts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert not dialog.isVisible()
    parent, _other, first, second = _lots(bought)
    assert (parent.status, parent.split_out_g, parent.held_g) == ("closed", 55_000, 5_000)
    assert (first.parent_uid, first.split_in_g, second.split_in_g) == (parent.uid, 25_000, 30_000)
    assert ledger_types(bought)[-1] == "lot.split"
    rows = {row[0]: row for row in _rows(tab)}
    parent_code = f"{parent.trace_code[:5]}-{parent.trace_code[5:]}"
    first_code = f"{first.trace_code[:5]}-{first.trace_code[5:]}"
    assert rows[parent_code][HELD_COLUMN] == "10斤（5kg）"
    assert rows[parent_code][STATUS_COLUMN] == "已封批"
    assert rows[first_code][HELD_COLUMN] == "50斤（25kg）"
    assert rows[first_code][7] == parent_code
    assert f"已拆出 2 个新批次：{first_code}、" in tab.result.text()
    assert tab.selected() is not None
    assert tab.selected().uid == parent.uid  # type: ignore[union-attr]


def test_splitting_more_than_the_lot_holds_is_refused_and_nothing_is_written(
    qtbot: QtBot, tab: LotsTab, bought: Store
) -> None:
    before = ledger_size(bought)
    dialog = tab.open_split()
    assert dialog is not None
    dialog.unit.setCurrentIndex(dialog.unit.findData("kg"))
    dialog.parts.setPlainText("40\n30")
    assert "比批次多 20斤（10kg）" in dialog.remaining.text()

    _ok(dialog)

    assert dialog.isVisible()
    assert dialog.error.text() == "批次只剩60kg，不能拆出70kg。"
    assert ledger_size(bought) == before
    assert len(_lots(bought)) == 2

    dialog.parts.setPlainText("40\n三十")
    _ok(dialog)
    assert dialog.error.text() == "第2份：重量格式不对：三十"
    assert ledger_size(bought) == before


def test_a_lot_is_shipped_to_a_buyer(qtbot: QtBot, tab: LotsTab, bought: Store) -> None:
    dialog = tab.open_ship()
    assert isinstance(dialog, ShipDialog)
    assert dialog.to_name.text() == "县供销中心"  # the county's centre, named for the keeper
    dialog.choose("buyer")
    assert dialog.to_name.text() == ""
    qtbot.waitUntil(dialog.to_name.edit.hasFocus)
    type_text(qtbot, "凤翔果业合作社")  # Enter ships

    qtbot.waitUntil(lambda: not dialog.isVisible())
    lot = _lots(bought)[0]
    assert (lot.status, lot.shipped_g, lot.shipped_to_kind, lot.shipped_to_name) == (
        "shipped",
        60_000,
        "buyer",
        "凤翔果业合作社",
    )
    assert ledger_types(bought)[-1] == "lot.shipped"
    rows = _rows(tab)
    assert [row[STATUS_COLUMN] for row in rows] == ["收购中", "已发运（凤翔果业合作社）"]
    assert rows[1][HELD_COLUMN] == "120斤（60kg）"  # what left
    assert tab.model.data(tab.model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert "已发运 120斤（60kg） 到 凤翔果业合作社" in tab.result.text()
    assert not tab.split_button.isEnabled()
    assert not tab.ship_button.isEnabled()


def test_shipping_without_a_name_is_refused_at_the_field(tab: LotsTab, bought: Store) -> None:
    before = ledger_size(bought)
    dialog = tab.open_ship()
    assert dialog is not None
    dialog.choose("buyer")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "请填写发往的单位（公司或市场名称）。"
    assert ledger_size(bought) == before


def test_a_label_is_printed_to_pdf_without_a_printer(tab: LotsTab, bought: Store) -> None:
    opened: list[Path] = []
    tab.printer.open_pdf = opened.append

    text = tab.print_label()

    [pdf] = opened
    assert pdf.exists()
    assert pdf.stat().st_size > 0
    code = _lots(bought)[0].trace_code
    assert pdf.name == f"{code[:5]}-{code[5:]}.pdf"
    assert "没有找到打印机" in text
    assert tab.result.isVisible()


def test_the_trace_lookup_shows_the_chain(
    qtbot: QtBot, tab: LotsTab, bought: Store, keeper: OperatorInfo
) -> None:
    split = tab.open_split()
    assert split is not None
    split.parts.setPlainText("50")
    with qtbot.waitSignal(tab.wrote):
        _ok(split)
    child = _lots(bought)[-1]
    tab.select(child.uid)
    ship = tab.open_ship()
    assert ship is not None
    with qtbot.waitSignal(tab.wrote):
        _ok(ship)  # to 县供销中心
    parent = _lots(bought)[0]

    tab.trace_code.setFocus()
    qtbot.waitUntil(tab.trace_code.hasFocus)
    typed = child.trace_code.lower()[:5] + " " + child.trace_code.lower()[5:]
    type_text(qtbot, typed)

    parent_code = f"{parent.trace_code[:5]}-{parent.trace_code[5:]}"
    child_code = f"{child.trace_code[:5]}-{child.trace_code[5:]}"
    assert tab.trace_result.text() == (
        f"批次 {child_code}：凤翔苹果 80mm以上，2026-11-23；2 户农户，2 笔收购，共 120斤（60kg）。"
    )
    lines = tab.trace_lines()
    assert lines[0] == "农户和收购（2 笔）"
    assert lines[1].startswith("  张*丰（本村）→ SG20261123-001　2026-11-23　80mm以上")
    assert lines[1].endswith(f"80斤（40kg）　入批次 {parent_code}")
    assert lines[2].startswith("  李*（")
    assert "批次" in lines
    assert f"  拆自批次 {parent_code}（2026-11-23）" in lines
    assert f"  本批次 {child_code}：已发运，在站 0斤（0kg）" in lines
    assert lines[-1] == f"  批次 {child_code} → 县供销中心　2026-11-23　50斤（25kg）"
    visible = "\n".join([tab.trace_result.text(), *lines])
    assert "张三丰" not in visible
    assert "13812345678" not in visible
    assert "5678" not in visible

    tab.trace_code.setText("ABCDE-FGHJK")
    tab.look_up()
    assert "没有这个溯源码" in tab.trace_result.text()
    assert tab.trace_tree.isHidden()
