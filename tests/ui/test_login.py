"""The login window signs operators in and says plainly when it cannot."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from station_app.core import operators
from station_app.core.db.models import Role
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.login import LoginWindow
from tests.ui.conftest import (
    ASSISTANT_LOGIN,
    ASSISTANT_PASSWORD,
    KEEPER_LOGIN,
    KEEPER_PASSWORD,
    STATION_NAME,
)


def _window(qtbot: QtBot, store: Store, **kwargs: object) -> LoginWindow:
    window = LoginWindow(store, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def test_title_names_the_station(qtbot: QtBot, set_up_store: Store) -> None:
    window = _window(qtbot, set_up_store)

    assert STATION_NAME in window.windowTitle()
    assert window.demo_box is None


def test_keeper_logs_in(qtbot: QtBot, set_up_store: Store) -> None:
    window = _window(qtbot, set_up_store)
    window.form.fill(KEEPER_LOGIN, KEEPER_PASSWORD)

    with qtbot.waitSignal(window.logged_in) as blocker:
        window.form.button.click()

    assert blocker.args[0].login == KEEPER_LOGIN
    assert blocker.args[0].role is Role.KEEPER


def test_assistant_logs_in_with_enter(qtbot: QtBot, set_up_store: Store) -> None:
    window = _window(qtbot, set_up_store)
    window.form.login.set_text(ASSISTANT_LOGIN)
    window.form.password.set_text(ASSISTANT_PASSWORD)

    with qtbot.waitSignal(window.logged_in) as blocker:
        window.form.password.edit.returnPressed.emit()

    assert blocker.args[0].role is Role.ASSISTANT


def test_wrong_password_shows_error_and_clears_field(qtbot: QtBot, set_up_store: Store) -> None:
    window = _window(qtbot, set_up_store)
    window.form.fill(KEEPER_LOGIN, "Wrong2026pw")

    with qtbot.assertNotEmitted(window.logged_in):
        window.form.button.click()

    assert window.form.error.isVisible()
    assert window.form.error.text() == "登录名或密码不对，请再试一次。"
    assert window.form.password.text() == ""
    assert window.form.login.text() == KEEPER_LOGIN
    qtbot.waitUntil(window.form.password.edit.hasFocus)


def test_deactivated_account_is_refused(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    with set_up_store.writing() as session:
        operators.set_active(
            session, set_up_store.clock, actor=keeper, login=ASSISTANT_LOGIN, active=False
        )
    window = _window(qtbot, set_up_store)
    window.form.fill(ASSISTANT_LOGIN, ASSISTANT_PASSWORD)

    with qtbot.assertNotEmitted(window.logged_in):
        window.form.button.click()

    assert window.form.error.text() == "这个账号已停用，请联系站长。"


def test_demo_box_lists_accounts_and_fills_the_form(qtbot: QtBot, set_up_store: Store) -> None:
    demo = [(KEEPER_LOGIN, KEEPER_PASSWORD), (ASSISTANT_LOGIN, ASSISTANT_PASSWORD)]
    window = _window(qtbot, set_up_store, demo_logins=demo)

    assert window.demo_box is not None
    assert window.demo_box.isVisible()
    buttons = [b.text() for b in window.demo_box.findChildren(type(window.form.button))]
    assert f"站长 {KEEPER_LOGIN} / 密码 {KEEPER_PASSWORD}" in buttons
    assert f"店员 {ASSISTANT_LOGIN} / 密码 {ASSISTANT_PASSWORD}" in buttons

    keeper_button = next(
        b for b in window.demo_box.findChildren(type(window.form.button)) if "站长" in b.text()
    )
    keeper_button.click()
    assert window.form.login.text() == KEEPER_LOGIN
    assert window.form.password.text() == KEEPER_PASSWORD
