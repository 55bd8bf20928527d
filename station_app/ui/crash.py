"""What happens when the program itself is wrong: log it, tell the keeper, keep running.

An exception that escapes a slot would otherwise vanish into stderr (no console on a
shop PC), leaving the keeper unsure whether the last action counted. Every business
action is one transaction, so an escaped error means that action was not saved — which
is exactly what the message says.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from station_app.core.errors import UserError
from station_app.ui.messages import user_message

log = logging.getLogger("station_app.crash")
Notifier = Callable[[str], None]


class CrashHandler:
    def __init__(self, notify: Notifier, log_path: Path | None) -> None:
        self._notify = notify
        self._log_path = log_path
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self._showing:  # an error while telling the keeper about an error
            return
        self._showing = True
        try:
            self._notify(self.message_for(error))
        finally:
            self._showing = False

    def message_for(self, error: BaseException) -> str:
        if isinstance(error, UserError):  # an environment problem a screen forgot to catch
            return user_message(error)
        where = str(self._log_path) if self._log_path else ""
        return QCoreApplication.translate(
            "CrashHandler",
            "程序内部出错，刚才的操作没有保存，请重做一次。"
            "如果反复出现，请把日志文件发给县服务中心：{path}",
        ).format(path=where)


def message_box(text: str) -> None:
    """Tell the keeper without blocking the event loop (``open``, not ``exec``)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("CrashHandler", "出错了"),
        text,
        parent=QApplication.activeWindow(),
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # With no window to own it, Python would collect the box as soon as we return.
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()


_open_boxes: set[QMessageBox] = set()


def install(notify: Notifier, log_path: Path | None) -> CrashHandler:
    handler = CrashHandler(notify, log_path)
    sys.excepthook = handler
    return handler
