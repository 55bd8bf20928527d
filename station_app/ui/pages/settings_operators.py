"""The 操作员 tab: who may log in, and the keeper's tools to manage them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.core.operators import OperatorInfo
from station_app.ui.controllers.settings import SettingsController
from station_app.ui.messages import ErrorLabel
from station_app.ui.models import operator_rows, operators_model
from station_app.ui.pages.settings_dialogs import AddAssistantDialog, PasswordDialog
from station_app.ui.widgets import big_button, list_table


class OperatorsTab(QWidget):
    """Operators table with 添加店员 / 重置密码 / 停用·启用 / 修改我的密码.

    Emits ``changed`` after any write, so the ledger tab can show the new entry.
    """

    changed = Signal()

    def __init__(self, controller: SettingsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.dialog: QDialog | None = None
        self._infos: list[OperatorInfo] = []
        self.model = operators_model(self)
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.add_button = big_button(self.tr("添加店员"), self)
        self.reset_button = big_button(self.tr("重置密码"), self)
        self.toggle_button = big_button(self.tr("停用"), self)
        self.own_password_button = big_button(self.tr("修改我的密码"), self)
        self.notice = QLabel(self)
        self.notice.setStyleSheet("color: #2e7d32;")
        self.error = ErrorLabel(self)
        self._lay_out()
        self.add_button.clicked.connect(self.open_add_dialog)
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.own_password_button.clicked.connect(self.open_own_password_dialog)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_password_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        self._infos = self._controller.operators()
        self.model.set_rows(operator_rows(self._infos))
        self._update_buttons()

    def selected_login(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.key_at(rows[0].row()) if rows else None

    def select_login(self, login: str) -> None:
        row = self.model.row_of(login)
        if row is not None:
            self.table.selectRow(row)

    def _info(self, login: str | None) -> OperatorInfo | None:
        return next((info for info in self._infos if info.login == login), None)

    def _update_buttons(self) -> None:
        may = self._controller.can_manage_operators
        login = self.selected_login()
        self.add_button.setEnabled(may)
        self.reset_button.setEnabled(may and login is not None)
        self.toggle_button.setEnabled(may and login is not None)
        info = self._info(login)
        inactive = info is not None and not info.active
        self.toggle_button.setText(self.tr("启用") if inactive else self.tr("停用"))

    def _after_write(self, notice: str) -> None:
        self.error.clear_error()
        self.notice.setText(notice)
        self.refresh()
        self.changed.emit()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def open_add_dialog(self) -> None:
        def submit(login: str, name: str, password: str, again: str) -> None:
            info = self._controller.add_assistant(login, name, password, again)
            self._after_write(self.tr("已添加店员：{name}").format(name=info.display_name))

        self._open(AddAssistantDialog(submit, self))

    def open_reset_dialog(self) -> None:
        login = self.selected_login()
        if login is None:
            return

        def submit(_old: str, password: str, again: str) -> None:
            self._controller.reset_password(login, password, again)
            self._after_write(self.tr("已重置 {login} 的密码。").format(login=login))

        title = self.tr("重置 {login} 的密码").format(login=login)
        self._open(PasswordDialog(title, submit, ask_old=False, parent=self))

    def open_own_password_dialog(self) -> None:
        def submit(old: str, password: str, again: str) -> None:
            self._controller.change_own_password(old, password, again)
            self._after_write(self.tr("你的密码已修改，下次登录请用新密码。"))

        self._open(PasswordDialog(self.tr("修改我的密码"), submit, ask_old=True, parent=self))

    def toggle_selected(self) -> None:
        info = self._info(self.selected_login())
        if info is None:
            return
        try:
            self._controller.set_active(info.login, not info.active)
        except UserError as error:
            self.notice.clear()
            self.error.show_error(error)
            return
        done = self.tr("已启用 {login}") if not info.active else self.tr("已停用 {login}")
        self._after_write(done.format(login=info.login))
        self.select_login(info.login)
