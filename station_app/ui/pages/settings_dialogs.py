"""Small forms opened from the 设置 page: add an assistant, set a password.

They are opened with ``open()`` (window-modal, no nested event loop), and they stay
open showing the core's message until the action succeeds, so a typo never loses what
was already typed. Tests fill them in and press OK like a keeper would.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

from station_app.core.errors import UserError
from station_app.ui.messages import ErrorLabel
from station_app.ui.widgets import Field


class FormDialog(QDialog):
    """A form whose OK runs ``submit`` and closes only if it raised no UserError."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self._submit: Callable[[], None] = lambda: None

    def finish_layout(self, submit: Callable[[], None]) -> None:
        self._submit = submit
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def try_accept(self) -> None:
        try:
            self._submit()
        except UserError as error:
            self.error.show_error(error)
            return
        self.accept()


class AddAssistantDialog(FormDialog):
    """Login, name and a first password for a new 店员."""

    def __init__(
        self, submit: Callable[[str, str, str, str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("添加店员"), parent)
        self.login = Field(placeholder=self.tr("例如：lixia"))
        self.display_name = Field(placeholder=self.tr("例如：李霞"))
        self.password = Field(
            password=True, hint=self.tr("至少8位，要同时有字母和数字（或符号）。")
        )
        self.password_again = Field(password=True)
        self.form.addRow(self.tr("登录名"), self.login)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("密码"), self.password)
        self.form.addRow(self.tr("再输一次密码"), self.password_again)
        self.finish_layout(
            lambda: submit(
                self.login.text(),
                self.display_name.text(),
                self.password.text(),
                self.password_again.text(),
            )
        )


class PasswordDialog(FormDialog):
    """A new password typed twice; with ``ask_old`` also the current one (own password)."""

    def __init__(
        self,
        title: str,
        submit: Callable[[str, str, str], object],
        *,
        ask_old: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.old_password = Field(password=True)
        self.password = Field(
            password=True, hint=self.tr("至少8位，要同时有字母和数字（或符号）。")
        )
        self.password_again = Field(password=True)
        if ask_old:
            self.form.addRow(self.tr("原密码"), self.old_password)
        else:
            self.old_password.hide()
        self.form.addRow(self.tr("新密码"), self.password)
        self.form.addRow(self.tr("再输一次新密码"), self.password_again)
        self.finish_layout(
            lambda: submit(
                self.old_password.text(), self.password.text(), self.password_again.text()
            )
        )
