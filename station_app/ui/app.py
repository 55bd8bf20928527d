"""The composition root of the station's UI: one application, one flow.

``cli.py`` opens the store and calls :func:`start`. :class:`AppShell` owns the flow —
first-run wizard → login → main window ⇄ lock → logout → login — and is a plain
QObject, so tests drive it without ever entering the event loop.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import SoundPlayer
from station_app.ui import bench_probe, crash
from station_app.ui.controllers import session
from station_app.ui.dispatcher import NotificationDispatcher
from station_app.ui.idle import IdleWatcher, minutes_to_ms
from station_app.ui.login import LoginWindow
from station_app.ui.main_window import MainWindow
from station_app.ui.pages.sync_page import SyncPage
from station_app.ui.setup_wizard import SetupWizard
from station_app.ui.sync_runner import SyncRunner, status_bar_text
from sync import state as sync_state
from sync.state import SyncStatus

BASE_POINT_SIZE = 12
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
)
APP_TRANSLATION = "village_station_{lang}.qm"


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created if there is none yet (tests already have one)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(argv if argv is not None else sys.argv[:1])


def choose_font(families: list[str], point_size: int = BASE_POINT_SIZE) -> QFont:
    """A large, clear font in the first installed CJK family (the default one if none)."""
    font = QFont(QApplication.font())
    available = set(families)
    chosen = next((family for family in CJK_FAMILIES if family in available), None)
    if chosen is not None:
        font.setFamilies([chosen])
    font.setPointSize(point_size)
    return font


def _i18n_dir() -> Path | None:
    """``resources/i18n`` through :mod:`station_app.resources`, if that module exists yet."""
    try:
        from station_app.resources import resources_dir
    except ImportError:
        return None
    return Path(resources_dir()) / "i18n"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load Qt's own Chinese (standard buttons) or the app's English; quiet if absent.

    The returned translators must be kept alive as long as the application.
    """
    translators: list[QTranslator] = []
    if lang.startswith("zh"):
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{lang}", qt_dir):
            translators.append(translator)
    else:
        i18n = _i18n_dir()
        qm = None if i18n is None else i18n / APP_TRANSLATION.format(lang=lang)
        translator = QTranslator(app)
        if qm is not None and qm.is_file() and translator.load(str(qm)):
            translators.append(translator)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    return translators


def configure_application(app: QApplication, lang: str) -> list[QTranslator]:
    app.setFont(choose_font(QFontDatabase.families()))
    return install_translators(app, lang)


def _show_full_screen_size(window: QWidget) -> None:
    """Maximized, and sized to the screen first for desktops without a window manager
    (kiosk set-ups, bare X) where "maximized" alone changes nothing."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()


class AppShell(QObject):
    """Owns which window is up and the idle lock; emits ``main_window_shown(MainWindow)``
    so the composition root can wire the scanner to the new window."""

    main_window_shown = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        store: Store,
        *,
        demo_logins: list[tuple[str, str]] | None = None,
        sound_player: SoundPlayer | None = None,
        idle_interval_ms: int | None = None,
        dispatcher: NotificationDispatcher | None = None,
        sync_runner: SyncRunner | None = None,
        sync_runner_factory: Callable[[], SyncRunner] | None = None,
        demo_offline: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.dispatcher = dispatcher
        self.sync_runner: SyncRunner | None = None
        self._make_sync_runner = sync_runner_factory
        self._demo_offline = demo_offline
        if sync_runner is not None:
            self._adopt_sync_runner(sync_runner)
        self._demo_logins = demo_logins
        self._sound_player = sound_player
        self._idle_override = idle_interval_ms
        self.wizard: SetupWizard | None = None
        self.login_window: LoginWindow | None = None
        self.main_window: MainWindow | None = None
        self.idle = IdleWatcher(0, self)
        self.idle.idle_timeout.connect(self._on_idle)

    def begin(self) -> None:
        """Show the wizard on a new store, the login window otherwise."""
        if session.is_set_up(self._store):
            self.show_login()
        else:
            self.show_wizard()

    def show_wizard(self) -> None:
        self.wizard = SetupWizard(self._store)
        self.wizard.setup_finished.connect(self.show_main)
        self.wizard.rejected.connect(self.quit_requested)
        self.wizard.show()

    def show_login(self) -> None:
        self.login_window = LoginWindow(self._store, demo_logins=self._demo_logins)
        self.login_window.logged_in.connect(self.show_main)
        _show_full_screen_size(self.login_window)

    def show_main(self, operator: OperatorInfo) -> None:
        """The keeper is in: the main window replaces whatever was showing."""
        if self.dispatcher is not None:
            self.dispatcher.start()  # from the first login on; stopped when the app quits
        window = MainWindow(
            self._store, operator, sound_player=self._sound_player, dispatcher=self.dispatcher
        )
        window.logged_out.connect(self.logout)
        window.locked.connect(self.idle.pause)
        window.unlocked.connect(self.idle.poke)
        window.preferences_saved.connect(self.apply_preferences)
        self.main_window = window
        self._use_sync_page(window)
        self._adopt_sync_runner_if_enrolled()
        self._use_sync_runner(window)
        _show_full_screen_size(window)
        # Close the old window only now: with no window visible Qt would quit the app.
        self._close(self.wizard, self.login_window)
        self.wizard = self.login_window = None
        self.idle.install()
        self.apply_preferences()
        self.main_window_shown.emit(window)

    def _use_sync_page(self, window: MainWindow) -> None:
        """Enrolling on the 同步 page starts the uploads at once."""
        page = window.page("sync")
        if isinstance(page, SyncPage):
            page.enrolled.connect(self.start_sync)
            if self._demo_offline:
                page.show_demo_offline()

    @Slot()
    def start_sync(self) -> None:
        """The station has just enrolled: a runner (made now if the station was not
        enrolled at start-up) uploads at once."""
        runner = self.sync_runner
        if runner is not None:
            runner.sync_now()  # re-enrolled: the new credential goes to work now
            return
        if self._make_sync_runner is None:
            return
        self._adopt_sync_runner(self._make_sync_runner())
        if self.main_window is not None:
            self._use_sync_runner(self.main_window)

    def _adopt_sync_runner_if_enrolled(self) -> None:
        """A station enrolled in the first-run wizard uploads from its first window on."""
        if self._make_sync_runner is None or self.sync_runner is not None:
            return
        if sync_state.status(self._store).enrolled:
            self._adopt_sync_runner(self._make_sync_runner())

    def _adopt_sync_runner(self, runner: SyncRunner) -> None:
        self.sync_runner = runner
        runner.state_changed.connect(self._show_sync_status)

    def _use_sync_runner(self, window: MainWindow) -> None:
        """Uploads start at the first login; anything the parcels page writes (a check-in,
        a pickup, a dispatched manifest …) brings the next one forward."""
        runner = self.sync_runner
        if runner is None:
            return
        runner.start()  # idempotent; stopped when the app quits
        for key in window.page_keys():  # every page that writes says so with ``wrote``
            wrote = getattr(window.page(key), "wrote", None)
            if isinstance(wrote, SignalInstance):
                wrote.connect(runner.poke)
        page = window.page("sync")
        if isinstance(page, SyncPage):
            page.set_runner(runner)
        if runner.last_status is not None:
            self._show_sync_status(runner.last_status)

    @Slot(object)
    def _show_sync_status(self, status: SyncStatus) -> None:
        """In the GUI thread (queued from the sync worker)."""
        if self.main_window is not None:
            text, warn = status_bar_text(status)
            self.main_window.status.set_sync_text(text, warn=warn)

    def apply_preferences(self) -> None:
        """Idle lock and sounds follow the saved preferences at once, not at next start."""
        self.apply_idle_preference()
        if self._sound_player is not None:
            self._sound_player.enabled = session.sounds_enabled(self._store)

    def apply_idle_preference(self) -> None:
        minutes = session.idle_lock_minutes(self._store)
        interval = (
            self._idle_override if self._idle_override is not None else minutes_to_ms(minutes)
        )
        self.idle.set_interval(interval if minutes > 0 else 0)

    def logout(self) -> None:
        self.idle.uninstall()
        old, self.main_window = self.main_window, None
        self.show_login()
        self._close(old)

    def _on_idle(self) -> None:
        if self.main_window is not None:
            self.main_window.lock()

    @staticmethod
    def _close(*windows: QWidget | None) -> None:
        for window in windows:
            if window is not None:
                window.close()
                window.deleteLater()


@dataclass
class Running:
    """What must stay alive while the event loop runs: the app, its flow and translators."""

    app: QApplication
    shell: AppShell
    translators: list[QTranslator] = field(default_factory=list)


def prepare(
    store: Store,
    *,
    demo_logins: list[tuple[str, str]] | None,
    lang: str,
    demo_offline: bool = False,
) -> Running:
    """Everything :func:`start` does short of running the event loop (tests stop here:
    quitting a loop leaves Qt refusing to run nested loops until the next ``exec``)."""
    app = application()
    translators = configure_application(app, lang)
    dispatcher = NotificationDispatcher(store)
    app.aboutToQuit.connect(dispatcher.stop)  # no thread outlives the event loop

    def make_sync_runner() -> SyncRunner:
        runner = SyncRunner(store)
        app.aboutToQuit.connect(runner.stop)
        return runner

    # An enrolled station uploads in the background from the first login; one that
    # enrols later gets its runner then (AppShell.start_sync).
    sync_runner = make_sync_runner() if sync_state.status(store).enrolled else None
    shell = AppShell(
        store,
        demo_logins=demo_logins,
        sound_player=SoundPlayer(),
        dispatcher=dispatcher,
        sync_runner=sync_runner,
        sync_runner_factory=make_sync_runner,
        demo_offline=demo_offline,
    )
    shell.quit_requested.connect(app.quit)
    shell.begin()
    bench_probe.install(shell)
    return Running(app, shell, translators)


def start(
    store: Store,
    *,
    demo_logins: list[tuple[str, str]] | None,
    lang: str,
    log_path: Path | None = None,
    demo_offline: bool = False,
) -> int:
    """Run the station UI on ``store`` until the last window closes; the exit code.

    Unexpected errors are logged and shown from here on (not in :func:`prepare`, so tests
    keep pytest-qt's own capture of them).
    """
    running = prepare(store, demo_logins=demo_logins, lang=lang, demo_offline=demo_offline)
    crash.install(crash.message_box, log_path)
    return running.app.exec()
