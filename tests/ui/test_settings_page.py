"""The 设置 page: keepers manage operators and preferences; assistants only look."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core import ledger, operators, preferences
from station_app.core.db.models import LedgerEntry, Role
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.ledger import ChainReport
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.settings import PreferenceValues
from station_app.ui.messages import user_message
from station_app.ui.pages.settings import SettingsPage
from station_app.ui.pages.settings_dialogs import FormDialog
from tests.ui.conftest import ASSISTANT_LOGIN, DIVISION_CODE, STATION_NAME


def _page(qtbot: QtBot, store: Store, operator: OperatorInfo) -> SettingsPage:
    page = SettingsPage(store, operator)
    qtbot.addWidget(page)
    # An explicit minimum, as the main window has: otherwise showing a top-level widget
    # makes its layout set one, which the offscreen platform answers with a warning.
    page.setMinimumSize(1100, 650)
    page.show()
    return page


def _ok(dialog: QDialog | None) -> None:
    assert isinstance(dialog, FormDialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _last_entry(store: Store) -> LedgerEntry:
    with store.reading() as session:
        entry = session.scalar(select(LedgerEntry).order_by(LedgerEntry.seq.desc()).limit(1))
    assert entry is not None
    return entry


def test_station_tab_shows_the_station(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)

    assert page.station_tab.name.text() == STATION_NAME
    assert page.station_tab.level.text() == "村级服务站"
    assert page.station_tab.division_code.text() == DIVISION_CODE
    assert not page.read_only_note.isVisible()


def test_keeper_adds_an_assistant(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.operators_tab
    tab.add_button.click()
    dialog = tab.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.login.set_text("zhaoqiang")  # type: ignore[attr-defined]
    dialog.display_name.set_text("赵强")  # type: ignore[attr-defined]
    dialog.password.set_text("Qiang2026x")  # type: ignore[attr-defined]
    dialog.password_again.set_text("Qiang2026x")  # type: ignore[attr-defined]

    with qtbot.waitSignal(dialog.accepted):
        _ok(dialog)

    row = tab.model.row_of("zhaoqiang")
    assert row is not None
    assert tab.model.data(tab.model.index(row, 2)) == "店员"
    assert tab.notice.text() == "已添加店员：赵强"
    entry = _last_entry(set_up_store)
    assert (entry.type, entry.operator) == ("operator.created", "wangjun")
    assert page.ledger_tab.model.data(page.ledger_tab.model.index(0, 2)) == "添加操作员"


def test_add_dialog_stays_open_on_a_mistake(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    page.operators_tab.add_button.click()
    dialog = page.operators_tab.dialog
    dialog.login.set_text("zhaoqiang")  # type: ignore[union-attr]
    dialog.display_name.set_text("赵强")  # type: ignore[union-attr]
    dialog.password.set_text("Qiang2026x")  # type: ignore[union-attr]
    dialog.password_again.set_text("Qiang2026y")  # type: ignore[union-attr]

    _ok(dialog)

    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.error.text() == "两次输入的密码不一样。"  # type: ignore[attr-defined]
    assert page.operators_tab.model.row_of("zhaoqiang") is None


def test_keeper_deactivates_and_reactivates_an_assistant(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.operators_tab
    tab.select_login(ASSISTANT_LOGIN)
    assert tab.toggle_button.text() == "停用"

    tab.toggle_button.click()

    with set_up_store.reading() as session:
        assert not next(o for o in operators.list_all(session) if o.login == ASSISTANT_LOGIN).active
    assert tab.toggle_button.text() == "启用"
    tab.toggle_button.click()
    assert _last_entry(set_up_store).type == "operator.reactivated"


def test_keeper_cannot_deactivate_themself(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.operators_tab
    page.tabs.setCurrentWidget(tab)
    tab.select_login("wangjun")

    tab.toggle_button.click()

    assert tab.error.isVisible()
    assert tab.error.text() == "不能停用自己正在使用的账号。"


def test_keeper_resets_a_password(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.operators_tab
    tab.select_login(ASSISTANT_LOGIN)
    tab.reset_button.click()
    dialog = tab.dialog
    assert not dialog.old_password.isVisible()  # type: ignore[union-attr]
    dialog.password.set_text("Neu2026pass")  # type: ignore[union-attr]
    dialog.password_again.set_text("Neu2026pass")  # type: ignore[union-attr]

    _ok(dialog)

    with set_up_store.writing() as session:
        assert (
            operators.authenticate(session, ASSISTANT_LOGIN, "Neu2026pass").role is Role.ASSISTANT
        )


def test_own_password_needs_the_old_one(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, assistant)
    tab = page.operators_tab
    assert tab.own_password_button.isEnabled()
    tab.own_password_button.click()
    dialog = tab.dialog
    dialog.old_password.set_text("Wrong2026pw")  # type: ignore[union-attr]
    dialog.password.set_text("Neu2026pass")  # type: ignore[union-attr]
    dialog.password_again.set_text("Neu2026pass")  # type: ignore[union-attr]

    _ok(dialog)

    assert dialog.error.text() == "原密码不对。"  # type: ignore[union-attr]


def test_keeper_saves_preferences(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.preferences_tab
    tab.idle_minutes.setValue(5)
    tab.sounds.setChecked(False)

    with qtbot.waitSignal(page.preferences_saved):
        tab.save_button.click()

    with set_up_store.reading() as session:
        assert preferences.get(session, preferences.IDLE_LOCK_MINUTES) == 5
        assert preferences.get(session, preferences.SOUNDS_ENABLED) is False
    assert tab.notice.text() == "设置已保存。"
    assert _last_entry(set_up_store).type == "preference.changed"


def test_assistant_sees_settings_read_only(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, assistant)

    assert page.read_only_note.isVisible()
    assert page.read_only_note.text() == "只有站长可以修改设置。"
    ops = page.operators_tab
    ops.select_login("wangjun")
    for button in (ops.add_button, ops.reset_button, ops.toggle_button):
        assert not button.isEnabled()
    prefs = page.preferences_tab
    for widget in (prefs.idle_minutes, prefs.sounds, prefs.opens, prefs.closes, prefs.save_button):
        assert not widget.isEnabled()


def test_core_refuses_an_assistant_even_if_the_controls_were_pressed(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, assistant)
    controller = page.controller

    with pytest.raises(PermissionDenied) as refused:
        controller.add_assistant("zhaoqiang", "赵强", "Qiang2026x", "Qiang2026x")
    assert user_message(refused.value) == "只有站长可以管理操作员，请让站长登录后操作。"
    with pytest.raises(PermissionDenied):
        controller.save_preferences(PreferenceValues(0, False, "08:00-20:00"))
    with pytest.raises(PermissionDenied):
        controller.reset_password("wangjun", "Neu2026pass", "Neu2026pass")
    with set_up_store.reading() as session:
        assert preferences.get(session, preferences.IDLE_LOCK_MINUTES) == 10
        assert len(operators.list_all(session)) == 2


def test_verify_button_reports_the_chain_ok(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.ledger_tab
    assert tab.model.rowCount() == 3

    tab.verify_button.click()

    assert tab.result.text() == "台账完整：共 3 条，哈希链校验通过。"
    with set_up_store.reading() as session:
        assert ledger.verify(session).ok


def test_a_broken_chain_names_the_first_bad_entry(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.ledger_tab

    tab.show_report(ChainReport(checked=4, first_bad_seq=5, problem="hash does not match"))

    assert "第 5 条" in tab.result.text()
    assert "前 4 条完好" in tab.result.text()


def test_the_receipt_printer_is_chosen_and_tested_from_the_settings(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    import socket
    import threading

    server = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            received.append(b"".join(iter(lambda: connection.recv(4096), b"")))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        page = _page(qtbot, set_up_store, keeper)
        tab = page.preferences_tab
        tab.printer.setText(f"tcp://127.0.0.1:{server.getsockname()[1]}")
        tab.paper.setCurrentIndex(tab.paper.findData(80))

        printed = tab.test_print()

        thread.join(timeout=10)
        assert printed.ok, printed.message
        assert tab.notice.text() == "小票已打印。"
        assert "测试小票" in received[0].decode("gb18030", errors="replace")
        with set_up_store.reading() as session:
            assert preferences.get(session, preferences.RECEIPT_PAPER_MM) == 80
    finally:
        server.close()


def test_a_printer_address_that_cannot_be_right_is_refused_and_nothing_saved(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    tab = page.preferences_tab
    tab.printer.setText("tcp://" + "9" * 300)

    printed = tab.test_print()

    assert not printed.ok
    assert "打印机地址不对" in tab.error.text()
    with set_up_store.reading() as session:
        assert preferences.get(session, preferences.RECEIPT_PRINTER) == ""
    bell = PreferenceValues(10, True, "08:00-20:00", "tcp://192.168.1.50:\x079100")
    with pytest.raises(ValidationError, match="打印机地址不对"):
        page.controller.save_preferences(bell)
