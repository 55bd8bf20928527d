"""The first-run wizard's pages for a new PC taking over a station (换电脑、重装系统).

:mod:`station_app.core.takeover` says why the steps come in this order. The connect page
runs the enrolment and the rebuild on a :class:`BackgroundCall` (never on the GUI
thread: a year of a station's ledger is a few minutes' download on a village line) and
lets the keeper on only when the rebuild is complete; the keeper page gives one of the
rebuilt keeper accounts a password on this PC. After a power cut the wizard opens at the
step that was cut (:func:`takeover.stage`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from station_app.core import operators, passwords, takeover
from station_app.core.errors import CONTEXT, UserError
from station_app.core.store import Store
from station_app.core.takeover import Stage
from station_app.ui.background import BackgroundCall
from station_app.ui.messages import ErrorLabel, show_outcome
from station_app.ui.pages.sync_enrol import county_failure_text
from station_app.ui.widgets import Field, big_button
from station_app.ui.wizard_ids import PageId
from sync import client as sync_client
from sync import enrol_link, recovery
from sync.recovery import RecoveryReport


def run_takeover(
    store: Store, url: str, code: str, after_page: Callable[[int], None]
) -> RecoveryReport:
    """Enrol (unless an earlier run did) and rebuild; off the GUI thread."""
    with store.reading() as session:
        stage = takeover.stage(session)
    if stage is Stage.NONE:
        sync_client.take_over(store, url, code)
    client = sync_client.client_for(store)
    if client is None:
        return RecoveryReport("not_enrolled", error_message=recovery.MSG_NOT_ENROLLED)
    try:
        return recovery.recover(store, client, after_page=after_page)
    finally:
        client.close()


class TakeoverPage(QWizardPage):
    """Address and code of the county, then the rebuild with its progress."""

    progress = Signal(int)
    """The local last sequence after each page rebuilt (emitted from the worker)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._done = False
        self.setTitle(self.tr("接替已有服务站：从县服务中心恢复"))
        self.setSubTitle(
            self.tr(
                "原来的电脑坏了、换了电脑或重装了系统时用。请先请县服务中心为本站重新生成登记码"
                "（原来电脑的登记会同时作废），再填写下面两项或扫登记二维码。"
            )
        )
        self.call = BackgroundCall("takeover", self)
        self.call.succeeded.connect(self._on_finished)
        self.call.failed.connect(self._on_failed)
        self.progress.connect(self._on_progress)
        self.address = Field(placeholder=self.tr("例如 http://192.168.1.10:8640"), parent=self)
        self.code = Field(placeholder=self.tr("例如 ABCD-EFGH-JKMN-PQRS"), parent=self)
        self.code.edit.returnPressed.connect(self.start)
        self.address.edit.returnPressed.connect(self._take_link)
        self.button = big_button(self.tr("接入并恢复"), self)
        self.button.clicked.connect(self.start)
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        form = QFormLayout()
        form.addRow(self.tr("县服务中心地址"), self.address)
        form.addRow(self.tr("登记码"), self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Opened again after a power cut mid-rebuild: the enrolment is already done."""
        with self._store.reading() as session:
            resuming = takeover.stage(session) is Stage.RECOVERING
        for field in (self.address, self.code):
            field.setVisible(not resuming)
        if resuming:
            self.button.setText(self.tr("继续恢复"))
            self.show_result(
                self.tr("上次从县服务中心恢复没有做完，已取回的记录都保留着。请点「继续恢复」。"),
                ok=None,
            )

    def isComplete(self) -> bool:
        return self._done

    def nextId(self) -> int:
        """The rebuild says where to go: a keeper to give a password, or, when the county
        held nothing of the station, a station to set up under the county's id."""
        with self._store.reading() as session:
            stage = takeover.stage(session)
        return PageId.STATION if stage is Stage.NO_LEDGER else PageId.TAKEOVER_KEEPER

    @Slot()
    def _take_link(self) -> None:
        """A scanner types the enrolment QR into whichever field has the focus."""
        link = enrol_link.parse(self.address.text())
        if link is not None and link.complete:
            self.address.set_text(link.server or "")
            self.code.set_text(link.code or "")
            self.start()

    @Slot()
    def start(self) -> None:
        link = enrol_link.parse(self.code.text())
        if link is not None and link.complete:
            self.address.set_text(link.server or "")
            self.code.set_text(link.code or "")
        store, url, code = self._store, self.address.text(), self.code.text()
        progress = self.progress.emit
        if not self.call.start(lambda: run_takeover(store, url, code, progress)):
            return
        self.button.setEnabled(False)
        self.bar.setRange(0, 0)  # busy until the first page says how far
        self.bar.show()
        self.show_result(self.tr("正在连接县服务中心……请不要关闭程序。"), ok=None)

    @Slot(int)
    def _on_progress(self, local_last: int) -> None:
        self.show_result(
            self.tr("正在从县服务中心取回本站的台账：已取回 {seq} 条……").format(seq=local_last),
            ok=None,
        )

    def _on_finished(self, report: object) -> None:
        assert isinstance(report, RecoveryReport)
        self.button.setEnabled(True)
        self.bar.hide()
        if report.outcome == "ok":
            self._done = True
            self.button.hide()
            self.show_result(
                self.tr("已取回本站的 {count} 条记录。请点「下一步」。").format(
                    count=report.local_last
                ),
                ok=True,
            )
            self.completeChanged.emit()
            return
        message = QCoreApplication.translate(CONTEXT, report.error_message or "")
        if report.outcome == "retry":
            message = self.tr(
                "这次没有恢复完（已取回的都保留着）：{message}请再点「继续恢复」。"
            ).format(message=message)
            self.button.setText(self.tr("继续恢复"))
        self.show_result(message, ok=False)

    def _on_failed(self, error: object) -> None:
        self.button.setEnabled(True)
        self.bar.hide()
        self.show_result(self.failure_text(error), ok=False)

    def failure_text(self, error: object) -> str:
        return county_failure_text(
            error,
            unreachable=self.tr("连不上县服务中心。请检查地址是否写对、电脑是否联网，再试一次。"),
            crashed=self.tr("没有成功：程序出错（{kind}）。请联系县服务中心。"),
        )

    def show_result(self, text: str, *, ok: bool | None) -> None:
        show_outcome(self.result, text, ok=ok)


class TakeoverKeeperPage(QWizardPage):
    """A rebuilt keeper account gets its password on this PC; finishing writes it."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.keeper: operators.OperatorInfo | None = None
        self.setTitle(self.tr("设置站长密码"))
        self.setSubTitle(
            self.tr(
                "台账里不保存密码，所以从县服务中心恢复的账号在这台电脑上还没有密码。"
                "请选择您的站长账号，设一个新密码。店员的密码由站长在「设置」里重设。"
            )
        )
        self.login = QComboBox(self)
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
        form.addRow(self.tr("站长账号"), self.login)
        form.addRow(self.tr("新密码"), self.password)
        form.addRow(self.tr("再输一次密码"), self.password_again)
        form.addRow(self.form_error)

    def initializePage(self) -> None:
        self.login.clear()
        with self._store.reading() as session:
            for keeper in takeover.rebuilt_keepers(session):
                self.login.addItem(f"{keeper.display_name}（{keeper.login}）", keeper.login)

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        self.form_error.clear_error()
        login = str(self.login.currentData() or "")
        try:
            passwords.check_password(self.password.text(), login)
        except UserError as error:
            self.password.show_error(error)
            return False
        try:
            self.keeper = takeover.finish(
                self._store, login, self.password.text(), self.password_again.text()
            )
        except UserError as error:
            self.form_error.show_error(error)
            return False
        return True
