"""Marks for ``benchmarks/bench_startup.py``: when a window first paints, say so on stdout.

Installed only when ``VILLAGE_STATION_BENCH`` is set, so a benchmark can time a real,
cold process from spawn to a painted login window, and measure the memory of an idle
main window, without reaching into the app from outside.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "VILLAGE_STATION_BENCH"
LOGIN_ENV = "VILLAGE_STATION_BENCH_LOGIN"


class FirstPaint(QObject):
    """Prints ``bench: <name> painted`` after ``widget``'s first paint, once."""

    def __init__(self, widget: QWidget, name: str) -> None:
        super().__init__(widget)
        self._name = name
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"bench: {self._name} painted", flush=True)


def install(shell: object) -> None:
    """Watch the shell's windows; with a ``login:password`` in the env, also log in."""
    from station_app.ui.app import AppShell

    if not os.environ.get(ENV) or not isinstance(shell, AppShell):
        return
    if shell.login_window is not None:
        FirstPaint(shell.login_window, "login_window")
        credentials = os.environ.get(LOGIN_ENV, "")
        if ":" in credentials:
            login, password = credentials.split(":", 1)
            shell.login_window.form.fill(login, password)
            QTimer.singleShot(0, shell.login_window.form.button.click)
    shell.main_window_shown.connect(lambda window: FirstPaint(window, "main_window"))
    print(f"bench: pid {os.getpid()} python {sys.version.split()[0]}", flush=True)
