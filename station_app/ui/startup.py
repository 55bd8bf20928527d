"""What the keeper sees when the app cannot even open its store."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from station_app.core.errors import UserError
from station_app.ui.messages import user_message


def show_fatal_error(error: UserError, *, lang: str) -> int:
    """A plain message box in Chinese (the cause and what to do), then exit code 2."""
    del lang
    app = QApplication.instance() or QApplication(sys.argv)
    del app
    box = QMessageBox(QMessageBox.Icon.Critical, "村级电商服务站", user_message(error))
    box.exec()
    return 2
