"""The application flow, driven without an event loop: wizard → main window, login →
main window, idle lock, logout → login; plus fonts and translators."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from station_app.core import preferences
from station_app.core.db.sync_models import SyncState
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.app import AppShell, choose_font, install_translators, prepare
from station_app.ui.main_window import MainWindow
from tests.ui.conftest import (
    ASSISTANT_LOGIN,
    ASSISTANT_PASSWORD,
    DIVISION_CODE,
    KEEPER_LOGIN,
    KEEPER_PASSWORD,
    STATION_NAME,
)


def _shell(store: Store, **kwargs: object) -> Iterator[AppShell]:
    shell = AppShell(store, **kwargs)  # type: ignore[arg-type]
    yield shell
    shell.idle.uninstall()
    for window in (shell.wizard, shell.login_window, shell.main_window):
        if window is not None:
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents()


@pytest.fixture
def shell(qapp: QApplication, set_up_store: Store) -> Iterator[AppShell]:
    yield from _shell(set_up_store, idle_interval_ms=60_000)


@pytest.fixture
def new_shell(qapp: QApplication, store: Store) -> Iterator[AppShell]:
    yield from _shell(store)


def _log_in(qtbot: QtBot, shell: AppShell, login: str, password: str) -> MainWindow:
    assert shell.login_window is not None
    shell.login_window.form.fill(login, password)
    with qtbot.waitSignal(shell.main_window_shown) as blocker:
        shell.login_window.form.button.click()
    window = blocker.args[0]
    assert isinstance(window, MainWindow)
    return window


def test_new_store_starts_with_the_wizard_and_goes_to_work(
    qtbot: QtBot, new_shell: AppShell
) -> None:
    new_shell.begin()
    wizard = new_shell.wizard
    assert wizard is not None
    assert wizard.isVisible()
    assert new_shell.login_window is None
    wizard.next()  # a new station (the first page's default)
    wizard.station_page.name.set_text(STATION_NAME)
    wizard.station_page.code.set_text(DIVISION_CODE)
    wizard.next()
    page = wizard.keeper_page
    page.login.set_text(KEEPER_LOGIN)
    page.display_name.set_text("王军")
    page.password.set_text(KEEPER_PASSWORD)
    page.password_again.set_text(KEEPER_PASSWORD)

    wizard.button(QWizard.WizardButton.CommitButton).click()
    with qtbot.waitSignal(new_shell.main_window_shown):
        wizard.button(QWizard.WizardButton.FinishButton).click()  # county skipped

    assert new_shell.wizard is None
    assert new_shell.main_window is not None
    assert new_shell.main_window.isVisible()
    assert new_shell.main_window.operator.login == KEEPER_LOGIN


def test_cancelling_the_wizard_asks_to_quit(qtbot: QtBot, new_shell: AppShell) -> None:
    new_shell.begin()
    assert new_shell.wizard is not None

    with qtbot.waitSignal(new_shell.quit_requested):
        new_shell.wizard.reject()


def test_a_takeover_cut_off_before_its_password_reopens_the_wizard_not_the_login(
    qtbot: QtBot, shell: AppShell, set_up_store: Store
) -> None:
    """Rebuilt accounts have no password until the wizard's last step: a login window
    would lock the keeper out."""
    with set_up_store.writing() as session:
        session.add(
            SyncState(
                id=1,
                county_url="http://127.0.0.1:9",
                county_station_code="610305110201-01",
                credential="c" * 43,
                enrolled_at=set_up_store.clock.now(),
                uploaded_through=0,
                consecutive_failures=0,
                halted=0,
                station_id=str(uuid.uuid4()),
                install_id=str(uuid.uuid4()),
            )
        )

    shell.begin()

    assert shell.login_window is None
    assert shell.wizard is not None
    assert shell.wizard.currentPage() is shell.wizard.takeover_keeper_page


def test_set_up_store_starts_with_login(qtbot: QtBot, shell: AppShell) -> None:
    shell.begin()

    assert shell.wizard is None
    assert shell.login_window is not None
    assert shell.login_window.isVisible()

    window = _log_in(qtbot, shell, ASSISTANT_LOGIN, ASSISTANT_PASSWORD)

    assert shell.main_window is window
    assert shell.login_window is None
    assert window.status.operator_label.text() == "操作员：李霞（店员）"
    assert shell.idle.active


def test_logout_returns_to_login(qtbot: QtBot, shell: AppShell) -> None:
    shell.begin()
    window = _log_in(qtbot, shell, KEEPER_LOGIN, KEEPER_PASSWORD)

    window.logout_button.click()

    assert shell.main_window is None
    assert shell.login_window is not None
    assert shell.login_window.isVisible()
    assert not shell.idle.active


def test_idle_locks_the_main_window(qtbot: QtBot, set_up_store: Store) -> None:
    for shell in _shell(set_up_store, idle_interval_ms=50):
        shell.begin()
        window = _log_in(qtbot, shell, KEEPER_LOGIN, KEEPER_PASSWORD)

        with qtbot.waitSignal(window.locked, timeout=2000):
            pass

        assert window.is_locked
        assert not shell.idle.active
        window.lock_screen.form.password.set_text(KEEPER_PASSWORD)
        window.lock_screen.form.button.click()
        assert shell.idle.active


def test_idle_lock_off_when_preference_is_zero(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    with set_up_store.writing() as session:
        preferences.set_value(
            session,
            set_up_store.clock,
            actor=keeper,
            pref=preferences.IDLE_LOCK_MINUTES,
            value=0,
        )
    for shell in _shell(set_up_store, idle_interval_ms=50):
        shell.begin()
        _log_in(qtbot, shell, KEEPER_LOGIN, KEEPER_PASSWORD)

        assert not shell.idle.active


def test_choose_font_prefers_an_installed_cjk_family(qapp: QApplication) -> None:
    font = choose_font(["DejaVu Sans", "Noto Sans CJK SC"])

    assert font.families() == ["Noto Sans CJK SC"]
    assert font.pointSize() == 12


def test_choose_font_falls_back_quietly(qapp: QApplication) -> None:
    font = choose_font(["DejaVu Sans"])

    assert font.pointSize() == 12


def test_chinese_translators_make_standard_buttons_chinese(qapp: QApplication) -> None:
    previous = QLocale()
    translators = install_translators(qapp, "zh_CN")
    try:
        assert len(translators) == 1
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)


def test_missing_english_translation_is_quiet(qapp: QApplication) -> None:
    previous = QLocale()
    try:
        translators = install_translators(qapp, "xx")
        assert translators == []
    finally:
        QLocale.setDefault(previous)


def test_prepare_sets_up_everything_but_the_loop(qapp: QApplication, set_up_store: Store) -> None:
    font, locale = QApplication.font(), QLocale()
    running = prepare(set_up_store, demo_logins=[(KEEPER_LOGIN, KEEPER_PASSWORD)], lang="zh_CN")
    try:
        assert running.app is qapp
        assert QApplication.font().pointSize() == 12
        assert len(running.translators) == 1
        assert running.shell.login_window is not None
        assert running.shell.login_window.demo_box is not None
    finally:
        for translator in running.translators:
            qapp.removeTranslator(translator)
        QApplication.setFont(font)
        QLocale.setDefault(locale)
        running.shell.idle.uninstall()
        if running.shell.login_window is not None:
            running.shell.login_window.close()
            running.shell.login_window.deleteLater()
        QCoreApplication.sendPostedEvents()


def test_the_sound_switch_takes_effect_when_saved(
    qtbot: QtBot, qapp: QApplication, set_up_store: Store, keeper: OperatorInfo
) -> None:
    from station_app.devices.sound import SoundPlayer

    player = SoundPlayer(lambda path: None)
    for shell in _shell(set_up_store, sound_player=player, idle_interval_ms=60_000):
        shell.begin()
        window = _log_in(qtbot, shell, KEEPER_LOGIN, KEEPER_PASSWORD)
        assert player.enabled
        with set_up_store.writing() as session:
            preferences.set_value(
                session,
                set_up_store.clock,
                actor=keeper,
                pref=preferences.SOUNDS_ENABLED,
                value=False,
            )
        window.preferences_saved.emit()
        assert not player.enabled
