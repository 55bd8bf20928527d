"""The first-run wizard: checks each page with the core rules, writes once, at the end."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from station_app.core import first_run, ledger, operators
from station_app.core.db.models import Role, StationLevel
from station_app.core.store import Store
from station_app.ui.setup_wizard import SetupWizard
from tests.ui.conftest import DIVISION_CODE, KEEPER_LOGIN, KEEPER_PASSWORD, STATION_NAME


def _wizard(qtbot: QtBot, store: Store) -> SetupWizard:
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _fill_station(wizard: SetupWizard, code: str = DIVISION_CODE) -> None:
    wizard.station_page.name.set_text(STATION_NAME)
    wizard.station_page.code.set_text(code)


def _fill_keeper(wizard: SetupWizard, password: str = KEEPER_PASSWORD, again: str = "") -> None:
    page = wizard.keeper_page
    page.login.set_text(KEEPER_LOGIN)
    page.display_name.set_text("王军")
    page.password.set_text(password)
    page.password_again.set_text(again or password)


def _finish(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def _is_set_up(store: Store) -> bool:
    with store.reading() as session:
        return first_run.is_set_up(session)


def test_happy_path_creates_station_and_keeper(qtbot: QtBot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    _fill_station(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.keeper_page
    _fill_keeper(wizard)

    with qtbot.waitSignal(wizard.setup_finished) as blocker:
        _finish(wizard)

    keeper = blocker.args[0]
    assert keeper.login == KEEPER_LOGIN
    assert keeper.role is Role.KEEPER
    with store.reading() as session:
        info = first_run.station_info(session)
        assert info is not None
        assert (info.name, info.level, info.division_code) == (
            STATION_NAME,
            StationLevel.VILLAGE,
            DIVISION_CODE,
        )
        assert [o.login for o in operators.list_all(session)] == [KEEPER_LOGIN]
        assert ledger.verify(session).checked == 2
    assert not wizard.isVisible()


def test_township_level_accepts_a_township_code(qtbot: QtBot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    wizard.station_page.township.setChecked(True)
    _fill_station(wizard, code="420115103000")
    wizard.next()

    assert wizard.currentPage() is wizard.keeper_page


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("42011510320", "区划代码必须是12位数字，现在是“42011510320”（11位）。"),
        ("990115103201", "区划代码前两位“99”不是有效的省级代码。"),
        ("420115103000", "村级服务站的区划代码最后三位是村代码，不能为000。"),
    ],
)
def test_wrong_division_code_is_refused_inline(
    qtbot: QtBot, store: Store, code: str, message: str
) -> None:
    wizard = _wizard(qtbot, store)
    _fill_station(wizard, code=code)
    wizard.next()

    assert wizard.currentPage() is wizard.station_page
    assert wizard.station_page.code.error.isVisible()
    assert wizard.station_page.code.error.text() == message
    assert not _is_set_up(store)


def test_missing_station_name_is_refused_inline(qtbot: QtBot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    wizard.station_page.code.set_text(DIVISION_CODE)
    wizard.next()

    assert wizard.currentPage() is wizard.station_page
    assert wizard.station_page.name.error.text() == "请填写服务站名称（至少2个字）。"


@pytest.mark.parametrize(
    "case",
    [
        ("abc", "", "password", "密码至少要8位，现在只有3位。"),
        ("88888888", "", "password", "这个密码太常见，容易被猜到，请换一个。"),
        (KEEPER_PASSWORD, "Zhan2026zy", "password_again", "两次输入的密码不一样。"),
    ],
)
def test_bad_password_is_refused_inline_and_nothing_written(
    qtbot: QtBot, store: Store, case: tuple[str, str, str, str]
) -> None:
    password, again, field, message = case
    wizard = _wizard(qtbot, store)
    _fill_station(wizard)
    wizard.next()
    _fill_keeper(wizard, password=password, again=again)

    _finish(wizard)

    error = getattr(wizard.keeper_page, field).error
    assert error.isVisible()
    assert error.text() == message
    assert wizard.isVisible()
    assert not _is_set_up(store)


def test_already_set_up_store_is_refused(qtbot: QtBot, set_up_store: Store) -> None:
    wizard = _wizard(qtbot, set_up_store)
    _fill_station(wizard)
    wizard.next()
    _fill_keeper(wizard)

    with qtbot.assertNotEmitted(wizard.setup_finished):
        _finish(wizard)

    label = wizard.keeper_page.form_error
    assert label.isVisible()
    assert label.text() == "这个数据目录已经设置过服务站，不能再次运行设置向导。"
    assert wizard.isVisible()
