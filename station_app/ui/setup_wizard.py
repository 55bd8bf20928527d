"""The first-run wizard: the station's identity, then its first keeper.

Each page checks its fields with the core's own rules when the keeper presses 下一步,
and shows the message under the field that is wrong, so nothing is written until the
whole form is good. The final write is :func:`first_run.set_up`, one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from station_app.core import division, first_run, operators, passwords
from station_app.core.db.models import StationLevel
from station_app.core.errors import UserError
from station_app.core.store import Store
from station_app.ui.messages import ErrorLabel
from station_app.ui.widgets import Field


class StationPage(QWizardPage):
    """Page 1: what the station is called, what kind it is, and where it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("第一步：服务站信息"))
        self.setSubTitle(self.tr("这些信息会上报县服务中心，请按营业执照或挂牌名称填写。"))
        self.name = Field(placeholder=self.tr("例如：胡家庄村电商服务站"))
        self.village = QRadioButton(self.tr("村级服务站"))
        self.township = QRadioButton(self.tr("乡镇服务站"))
        self.village.setChecked(True)
        self.levels = QButtonGroup(self)
        self.levels.addButton(self.village)
        self.levels.addButton(self.township)
        self.code = Field(
            placeholder=self.tr("12位数字，例如 610305110201"),
            hint=self.tr(
                "区划代码共12位：第1–2位省，3–4位市，5–6位县，7–9位乡镇，10–12位村。"
                "村级服务站最后三位不能是000；乡镇服务站可以填乡镇代码（最后三位为000）。"
            ),
        )
        level_row = QHBoxLayout()
        level_row.addWidget(self.village)
        level_row.addWidget(self.township)
        level_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("服务站名称"), self.name)
        form.addRow(self.tr("服务站级别"), level_row)
        form.addRow(self.tr("区划代码"), self.code)

    def level(self) -> StationLevel:
        return StationLevel.VILLAGE if self.village.isChecked() else StationLevel.TOWNSHIP

    def validatePage(self) -> bool:
        """Refuse to move on until the core accepts every field, saying why under it."""
        for field, check in (
            (self.name, lambda: first_run.check_station_name(self.name.text())),
            (self.code, lambda: division.check_division_code(self.code.text(), self.level())),
        ):
            try:
                check()
            except UserError as error:
                field.show_error(error)
                return False
            field.clear_error()
        return True


class KeeperPage(QWizardPage):
    """Page 2: the first keeper's account; finishing here writes everything at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("第二步：站长账号"))
        self.setSubTitle(self.tr("站长可以添加店员、修改设置和日结。请记住登录名和密码。"))
        self.login = Field(placeholder=self.tr("例如：wangjun（字母或汉字，2–20个字）"))
        self.display_name = Field(placeholder=self.tr("例如：王军"))
        self.password = Field(
            password=True,
            hint=self.tr(
                "密码至少8位，要同时有字母和数字（或符号），不能包含登录名，"
                "不要用12345678、88888888这类常见密码。"
            ),
        )
        self.password_again = Field(password=True)
        self.form_error = ErrorLabel(self)
        form = QFormLayout(self)
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输一次密码"), self.password_again)
        form.addRow(self.form_error)

    def check_fields(self) -> bool:
        """Check the account fields one by one; the first problem is shown under its field."""
        checks = (
            (self.login, lambda: operators.check_login(self.login.text())),
            (self.display_name, lambda: operators.check_display_name(self.display_name.text())),
            (
                self.password,
                lambda: passwords.check_password(self.password.text(), self.login.text().strip()),
            ),
            (self.password_again, self._check_again),
        )
        for field, check in checks:
            try:
                check()
            except UserError as error:
                field.show_error(error)
                return False
            field.clear_error()
        return True

    def _check_again(self) -> None:
        passwords.check_same(self.password.text(), self.password_again.text())

    def validatePage(self) -> bool:
        self.form_error.clear_error()
        wizard = self.wizard()
        return self.check_fields() and isinstance(wizard, SetupWizard) and wizard.write_setup()


class SetupWizard(QWizard):
    """Two pages, one transaction. Emits ``setup_finished`` with the new keeper."""

    setup_finished = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.keeper: operators.OperatorInfo | None = None
        self.setWindowTitle(self.tr("服务站首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        # An explicit minimum stops QWizard resizing its window per page, which would
        # make it jump around (and warn on platforms that cannot take size hints).
        self.setMinimumSize(QSize(760, 560))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成设置"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.station_page = StationPage(self)
        self.keeper_page = KeeperPage(self)
        self.addPage(self.station_page)
        self.addPage(self.keeper_page)

    def form(self) -> first_run.SetupForm:
        station, keeper = self.station_page, self.keeper_page
        return first_run.SetupForm(
            station_name=station.name.text(),
            level=station.level(),
            division_code=station.code.text(),
            keeper_login=keeper.login.text(),
            keeper_name=keeper.display_name.text(),
            password=keeper.password.text(),
            password_again=keeper.password_again.text(),
        )

    def write_setup(self) -> bool:
        """Create the station; on refusal show why on the last page and stay open."""
        try:
            self.keeper = first_run.set_up(self._store, self.form())
        except UserError as error:
            self.keeper_page.form_error.show_error(error)
            return False
        # Announced here, while the wizard is still up, so the next window can appear
        # before this one closes (with no window visible Qt would end the application).
        self.setup_finished.emit(self.keeper)
        return True
