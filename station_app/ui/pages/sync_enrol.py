"""The enrolment form on the 同步 page: the county's address and the enrolment code,
typed or scanned from the county's QR code (``sync.enrol_link`` says what a QR holds).

The exchange with the county runs on a :class:`BackgroundCall`, so the counter never
waits on the network; only the keeper may enrol (the controller checks it again).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import CONTEXT, UserError
from station_app.ui.background import BackgroundCall
from station_app.ui.controllers.sync import SyncController
from station_app.ui.messages import show_outcome, user_message
from station_app.ui.widgets import Field, big_button
from sync import client as sync_client
from sync import enrol_link
from sync.state import SyncStatus


class EnrolForm(QGroupBox):
    """Emits ``enrolled(SyncStatus)`` in the GUI thread once the county took the code."""

    enrolled = Signal(object)

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("接入县服务中心"), parent)
        self._controller = controller
        self.call = BackgroundCall("sync-enrol", self)
        self.call.succeeded.connect(self._on_enrolled)
        self.call.failed.connect(self._on_failed)
        self.intro = QLabel(
            self.tr(
                "填写县服务中心给的地址和登记码，或用扫码枪扫县服务中心给的登记二维码。"
                "接入后，台账在联网时自动上传。"
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.address = Field(placeholder=self.tr("例如 http://192.168.1.10:8640"), parent=self)
        self.code = Field(placeholder=self.tr("例如 ABCD-EFGH-JKMN-PQRS"), parent=self)
        self.read_only_note = QLabel(self.tr("只有站长可以接入县服务中心。"), self)
        self.read_only_note.setStyleSheet("color: #555;")
        self.button = big_button(self.tr("接入"), self)
        self.button.clicked.connect(self.submit)
        self.code.edit.returnPressed.connect(self.submit)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for caption, field in (
            (self.tr("县服务中心地址"), self.address),
            (self.tr("登记码"), self.code),
        ):
            layout.addWidget(QLabel(caption, self))
            layout.addWidget(field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.button)
        buttons.addWidget(self.read_only_note, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def set_editable(self, editable: bool) -> None:
        for widget in (self.address, self.code, self.button):
            widget.setEnabled(editable)
        self.read_only_note.setVisible(not editable)

    def prefill(self, address: str | None) -> None:
        if address and not self.address.text():
            self.address.set_text(address)

    # --- scans -------------------------------------------------------------------

    def take_scan(self, link: enrol_link.EnrolLink) -> None:
        """Fill what the scan carried; with both fields filled, enrol at once."""
        if link.server is not None:
            self.address.set_text(link.server)
        if link.code is not None:
            self.code.set_text(link.code)
        if self.address.text().strip() and self.code.text().strip():
            self.submit()
        else:
            self.show_result(self.tr("已读到扫码内容，请补全另一项后点「接入」。"), ok=None)

    # --- enrolling ---------------------------------------------------------------

    def submit(self) -> None:
        if not self._controller.can_enrol:
            self.show_result(self.tr("只有站长可以接入县服务中心。"), ok=False)
            return
        url, code = self.address.text(), self.code.text()
        enrol = self._controller.enrol
        if not self.call.start(lambda: enrol(url, code)):
            return  # the first press is still on its way
        self.button.setEnabled(False)
        self.show_result(self.tr("正在连接县服务中心……"), ok=None)

    def _on_enrolled(self, status: object) -> None:
        self.button.setEnabled(True)
        assert isinstance(status, SyncStatus)
        self.code.set_text("")
        self.show_result(
            self.tr("已接入县服务中心，本站编号 {code}。台账会在联网时自动上传。").format(
                code=status.county_station_code or ""
            ),
            ok=True,
        )
        self.enrolled.emit(status)

    def _on_failed(self, error: object) -> None:
        self.button.setEnabled(True)
        self.show_result(self.failure_text(error), ok=False)

    def failure_text(self, error: object) -> str:
        return county_failure_text(
            error,
            unreachable=self.tr(
                "连不上县服务中心。请检查地址是否写对、电脑是否联网，再点「接入」。"
            ),
            crashed=self.tr("接入没有成功：程序出错（{kind}）。请联系县服务中心。"),
        )

    def show_result(self, text: str, *, ok: bool | None) -> None:
        show_outcome(self.result, text, ok=ok)


def county_failure_text(error: object, *, unreachable: str, crashed: str) -> str:
    """What a failed exchange with the county tells the keeper: the county's own words
    when it answered, the form's ``unreachable`` hint when it could not be reached, and
    ``crashed`` (with ``{kind}``) for a program error."""
    if isinstance(error, sync_client.SyncFailure):
        if error.action is sync_client.Action.RETRY:
            return unreachable
        return QCoreApplication.translate(CONTEXT, error.message_zh)
    if isinstance(error, UserError):
        return user_message(error)
    return crashed.format(kind=type(error).__name__)
