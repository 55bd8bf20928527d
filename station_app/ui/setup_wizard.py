"""The first-run wizard: a new station (its identity, its first keeper, and, if the keeper
has a code, the county), or a new PC taking over an enrolled station.

Each page checks its fields with the core's own rules when the keeper presses 下一步,
and shows the message under the field that is wrong, so nothing is written until the
whole form is good. A new station is written by :func:`first_run.set_up`, one
transaction, on the keeper page (a commit page: there is no going back to change what
is written); connecting to the county afterwards is optional, because a station must be
able to work for days before it ever reaches the county. The takeover pages live in
:mod:`station_app.ui.takeover_pages`. The wizard opens where an interrupted takeover
stopped (:func:`takeover.stage`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station_app.core import division, first_run, operators, passwords, takeover
from station_app.core.db.models import StationLevel
from station_app.core.errors import UserError
from station_app.core.store import Store
from station_app.core.takeover import Stage
from station_app.ui.controllers.sync import SyncController
from station_app.ui.messages import ErrorLabel
from station_app.ui.pages.sync_enrol import EnrolForm
from station_app.ui.takeover_pages import TakeoverKeeperPage, TakeoverPage
from station_app.ui.widgets import Field
from station_app.ui.wizard_ids import PageId
from sync.state import SyncStatus

INTRO, STATION, KEEPER, ENROL, TAKEOVER, TAKEOVER_KEEPER = PageId


class IntroPage(QWizardPage):
    """Page 0: a new station, or this PC replaces the one a station used to run on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("欢迎使用村级电商服务站软件"))
        self.setSubTitle(self.tr("请选择这台电脑的情况。"))
        self.new_station = QRadioButton(self.tr("新服务站：第一次使用本软件"), self)
        self.take_over = QRadioButton(
            self.tr("接替已有服务站：换了电脑、重装了系统，本站以前接入过县服务中心"), self
        )
        self.new_station.setChecked(True)
        note = QLabel(
            self.tr(
                "接替已有服务站时，本站的台账会从县服务中心取回，不会从头开始。"
                "需要县服务中心重新生成的登记码。"
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_station)
        layout.addWidget(self.take_over)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)

    def nextId(self) -> int:
        return TAKEOVER if self.take_over.isChecked() else STATION


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
    """Page 2: the first keeper's account; leaving it writes everything at once."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setCommitPage(True)
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

    def nextId(self) -> int:
        """A PC that enrolled to take over a station the county has no ledger of is
        enrolled already: no county page."""
        with self._store.reading() as session:
            enrolled = takeover.stage(session) is Stage.NO_LEDGER
        return -1 if enrolled or self.wizard() is None else ENROL


class EnrolPage(QWizardPage):
    """Last page of a new station: connect to the county now, or skip and do it later on
    the 同步 page. The station is already written, so nothing here can lose it."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.form: EnrolForm | None = None
        self.status: SyncStatus | None = None
        self.setTitle(self.tr("第三步：接入县服务中心（可以跳过）"))
        self.setSubTitle(
            self.tr(
                "有县服务中心给的登记码，现在就可以接入；没有的话直接点「完成设置」，"
                "以后在「同步」页接入。没接入时台账照常记在本机。"
            )
        )
        self.skip_error = ErrorLabel(self)
        QVBoxLayout(self)

    def initializePage(self) -> None:
        """The form acts as the keeper just created (only a keeper may enrol)."""
        wizard = self.wizard()
        if self.form is not None or not isinstance(wizard, SetupWizard) or wizard.keeper is None:
            return
        self.form = EnrolForm(SyncController(self._store, wizard.keeper), self)
        self.form.setTitle("")
        self.form.button.setText(self.tr("接入并完成"))
        self.form.set_editable(True)
        self.form.enrolled.connect(self._on_enrolled)
        layout = self.layout()
        layout.addWidget(self.form)
        layout.addWidget(self.skip_error)

    def validatePage(self) -> bool:
        """Finish when enrolled, or when both fields are empty (skipped)."""
        if self.status is not None or self.form is None:
            return True
        address, code = self.form.address.text().strip(), self.form.code.text().strip()
        if not address and not code:
            return True
        if not (address and code):
            self.skip_error.show_text(
                self.tr("请把地址和登记码都填上再接入；要跳过，请把两项都清空。")
            )
            return False
        self.skip_error.clear_error()
        self.form.submit()  # finishes by itself once the county has answered
        return False

    def nextId(self) -> int:
        return -1

    def _on_enrolled(self, status: object) -> None:
        assert isinstance(status, SyncStatus)
        self.status = status
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.FinishButton).click()


class SetupWizard(QWizard):
    """A new station, or a takeover. Emits ``setup_finished`` with the keeper who is in."""

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
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("创建服务站"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成设置"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.intro_page = IntroPage(self)
        self.station_page = StationPage(self)
        self.keeper_page = KeeperPage(store, self)
        self.enrol_page = EnrolPage(store, self)
        self.takeover_page = TakeoverPage(store, self)
        self.takeover_keeper_page = TakeoverKeeperPage(store, self)
        for page_id, page in (
            (INTRO, self.intro_page),
            (STATION, self.station_page),
            (KEEPER, self.keeper_page),
            (ENROL, self.enrol_page),
            (TAKEOVER, self.takeover_page),
            (TAKEOVER_KEEPER, self.takeover_keeper_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(self._start_id())

    def _start_id(self) -> int:
        """Where an interrupted takeover stopped; the first page otherwise."""
        with self._store.reading() as session:
            stage = takeover.stage(session)
        return {
            Stage.NONE: INTRO,
            Stage.RECOVERING: TAKEOVER,
            Stage.NO_LEDGER: STATION,
            Stage.CHOOSE_KEEPER: TAKEOVER_KEEPER,
        }[stage]

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
        """Create the station; on refusal show why on the keeper page and stay there."""
        try:
            self.keeper = first_run.set_up(self._store, self.form())
        except UserError as error:
            self.keeper_page.form_error.show_error(error)
            return False
        return True

    def validateCurrentPage(self) -> bool:
        """Qt validates the last page on 完成设置 inside ``done``: the keeper is announced
        only once that page said yes, and while the wizard is still up, so the next
        window can appear before this one closes (with no window visible Qt would end
        the application)."""
        if not super().validateCurrentPage():
            return False
        keeper = self.keeper or self.takeover_keeper_page.keeper
        if self.currentPage().nextId() == -1 and keeper is not None:
            self.setup_finished.emit(keeper)
        return True
