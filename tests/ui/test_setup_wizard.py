"""The first-run wizard: checks each page with the core rules, writes once; connects to a
real county (optional); a new PC takes over an enrolled station through it."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from county import stations as county_stations
from station_app.core import first_run, ledger, operators, takeover
from station_app.core.db.models import LedgerEntry, Role, StationLevel
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store
from station_app.core.takeover import Stage
from station_app.ui.pages.sync_enrol import EnrolForm
from station_app.ui.setup_wizard import SetupWizard
from sync import client as sync_client
from sync import recovery
from sync import state as sync_state
from tests.county.conftest import County
from tests.county.helpers import add_station
from tests.sync.real_county import (  # noqa: F401 - fixtures used by name
    SessionFactory,
    enrol_station,
    real_county_db_fixture,
    real_county_fixture,
)
from tests.ui.conftest import DIVISION_CODE, KEEPER_LOGIN, KEEPER_PASSWORD, STATION_NAME

NEW_PASSWORD = "xinmima2026"


def _opened(qtbot: QtBot, store: Store) -> SetupWizard:
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _wizard(qtbot: QtBot, store: Store) -> SetupWizard:
    """Opened on the station page of a new station (the first page's default)."""
    wizard = _opened(qtbot, store)
    assert wizard.currentPage() is wizard.intro_page
    assert wizard.intro_page.new_station.isChecked()
    wizard.next()
    assert wizard.currentPage() is wizard.station_page
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


def _create(wizard: SetupWizard) -> None:
    """The keeper page's 创建服务站 (a commit page: it writes the station)."""
    wizard.button(QWizard.WizardButton.CommitButton).click()


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
    _create(wizard)
    assert wizard.currentPage() is wizard.enrol_page
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # it is written
    assert _is_set_up(store)

    with qtbot.waitSignal(wizard.setup_finished) as blocker:
        _finish(wizard)  # both county fields empty: skipped, enrol later on 同步

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
    assert sync_state.status(store).enrolled is False


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

    _create(wizard)

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
        _create(wizard)

    label = wizard.keeper_page.form_error
    assert label.isVisible()
    assert label.text() == "这个数据目录已经设置过服务站，不能再次运行设置向导。"
    assert wizard.isVisible()


# --- with a real county ------------------------------------------------------------------


def _reach_enrol_page(wizard: SetupWizard) -> EnrolForm:
    _fill_station(wizard)
    wizard.next()
    _fill_keeper(wizard)
    _create(wizard)
    assert wizard.currentPage() is wizard.enrol_page
    form = wizard.enrol_page.form
    assert form is not None
    return form


def test_a_new_station_enrols_with_the_county_from_the_wizard(
    qtbot: QtBot, store: Store, real_county: County, real_county_db: SessionFactory
) -> None:
    issued = add_station(real_county_db)
    wizard = _wizard(qtbot, store)
    form = _reach_enrol_page(wizard)
    form.address.set_text(real_county.url)
    form.code.set_text(issued.enrolment_code)

    with qtbot.waitSignal(wizard.setup_finished, timeout=15_000) as blocker:
        _finish(wizard)  # enrols in the background, then finishes by itself

    assert blocker.args[0].login == KEEPER_LOGIN
    status = sync_state.status(store)
    assert (status.enrolled, status.county_station_code) == (True, issued.station_code)


def test_a_half_filled_county_page_asks_for_both_or_neither(qtbot: QtBot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    form = _reach_enrol_page(wizard)
    form.address.set_text("http://192.168.1.10:8640")

    with qtbot.assertNotEmitted(wizard.setup_finished):
        _finish(wizard)

    assert wizard.currentPage() is wizard.enrol_page
    assert "都清空" in wizard.enrol_page.skip_error.text()
    form.address.set_text("")
    with qtbot.waitSignal(wizard.setup_finished):
        _finish(wizard)
    assert sync_state.status(store).enrolled is False


def _old_pc_uploaded(
    old: Store, county: County, county_db: SessionFactory, keeper: operators.OperatorInfo
) -> str:
    """The old PC enrolled, checked parcels in and uploaded; staff reissue its code."""
    client = enrol_station(
        old, county, county_db, name=STATION_NAME, level="village", division_code=DIVISION_CODE
    )
    with old.writing() as session:
        for n in range(3):
            arrival = Arrival(f"YT55{n:011d}", "yto", "1", 1, phone="13812341234")
            check_in(session, old.clock, actor=keeper, arrival=arrival)
    try:
        assert sync_client.upload_pending(old, client).outcome == "ok"
    finally:
        client.close()
    code = sync_state.status(old).county_station_code
    assert code is not None
    with county_db() as session, session.begin():
        return county_stations.reissue(session, datetime.now(UTC), code).enrolment_code


def _ledger(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry.hash).order_by(LedgerEntry.seq)))


def _take_over(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.takeover_page
    with qtbot.waitSignal(page.completeChanged, timeout=20_000):
        page.button.click()
    assert page.isComplete()
    assert "请点「下一步」" in page.result.text()
    wizard.next()
    assert wizard.currentPage() is wizard.takeover_keeper_page


def _set_keeper_password(qtbot: QtBot, wizard: SetupWizard) -> operators.OperatorInfo:
    page = wizard.takeover_keeper_page
    assert page.login.count() == 1
    assert page.login.currentData() == KEEPER_LOGIN
    page.password.set_text(NEW_PASSWORD)
    page.password_again.set_text(NEW_PASSWORD)
    with qtbot.waitSignal(wizard.setup_finished) as blocker:
        _finish(wizard)
    keeper = blocker.args[0]
    assert isinstance(keeper, operators.OperatorInfo)
    return keeper


def test_a_new_pc_takes_over_a_station_through_the_wizard(  # noqa: PLR0917
    qtbot: QtBot,
    tmp_path: Path,
    set_up_store: Store,
    keeper: operators.OperatorInfo,
    real_county: County,
    real_county_db: SessionFactory,
) -> None:
    code = _old_pc_uploaded(set_up_store, real_county, real_county_db, keeper)
    new_pc = Store.open(tmp_path / "new-pc", set_up_store.clock)
    try:
        wizard = _opened(qtbot, new_pc)
        wizard.intro_page.take_over.setChecked(True)
        wizard.next()
        assert wizard.currentPage() is wizard.takeover_page
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.takeover_page.address.set_text(real_county.url)
        wizard.takeover_page.code.set_text(code)

        _take_over(qtbot, wizard)
        new_keeper = _set_keeper_password(qtbot, wizard)

        assert new_keeper.login == KEEPER_LOGIN
        with new_pc.reading() as session:
            assert operators.authenticate(session, KEEPER_LOGIN, NEW_PASSWORD).is_keeper
            assert takeover.stage(session) is Stage.NONE
        assert _ledger(new_pc)[: len(_ledger(set_up_store))] == _ledger(set_up_store)
        assert len(_ledger(new_pc)) == len(_ledger(set_up_store)) + 2  # taken over, password
    finally:
        new_pc.close()


def test_a_wrong_code_on_the_takeover_page_says_so_and_writes_nothing(
    qtbot: QtBot, store: Store, real_county: County
) -> None:
    wizard = _opened(qtbot, store)
    wizard.intro_page.take_over.setChecked(True)
    wizard.next()
    page = wizard.takeover_page
    page.address.set_text(real_county.url)
    page.code.set_text("ABCD-EFGH-JKMN-PQRS")

    with qtbot.waitSignal(page.call.failed, timeout=15_000):
        page.button.click()

    assert "登记码无效" in page.result.text()
    assert not page.isComplete()
    assert sync_state.status(store).enrolled is False
    assert not _is_set_up(store)


def test_the_wizard_resumes_a_takeover_cut_off_mid_rebuild(  # noqa: PLR0917
    qtbot: QtBot,
    tmp_path: Path,
    set_up_store: Store,
    keeper: operators.OperatorInfo,
    real_county: County,
    real_county_db: SessionFactory,
) -> None:
    code = _old_pc_uploaded(set_up_store, real_county, real_county_db, keeper)
    new_pc = Store.open(tmp_path / "new-pc", set_up_store.clock)
    try:
        sync_client.take_over(new_pc, real_county.url, code)
        client = sync_client.client_for(new_pc)
        assert client is not None

        def power_cut(local_last: int) -> None:
            raise RuntimeError(f"power cut at {local_last}")

        with closing(client), pytest.raises(RuntimeError):
            recovery.recover(new_pc, client, page_size=2, after_page=power_cut)
        assert len(_ledger(new_pc)) == 2  # one page kept

        wizard = _opened(qtbot, new_pc)  # the app started again

        page = wizard.takeover_page
        assert wizard.currentPage() is page
        assert not page.address.isVisibleTo(wizard)
        assert page.button.text() == "继续恢复"
        _take_over(qtbot, wizard)
        assert _set_keeper_password(qtbot, wizard).login == KEEPER_LOGIN
        assert _ledger(new_pc)[: len(_ledger(set_up_store))] == _ledger(set_up_store)
    finally:
        new_pc.close()
