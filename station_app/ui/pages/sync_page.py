"""The 同步 page: how the upload to the county centre stands, and enrolment.

Before enrolment it is the enrolment form (the keeper's; an assistant sees why it is
greyed). After, it shows the state (已同步 / 待上传 N 条 / 离线…), the last success, the
backlog, the clock's skew when over five minutes, the last error in Chinese with what
to do about it, 立即同步, and the newest runs. When the county holds more than this
store (``behind_county``: a restored backup, a new PC) the keeper gets a prominent
从县服务中心恢复, which runs :func:`sync.recovery.recover` off the GUI thread. It reads through
:class:`SyncController`; the uploads themselves are the :class:`SyncRunner`'s, whose
``state_changed`` keeps the page current.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import CONTEXT, UserError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.background import BackgroundCall
from station_app.ui.controllers.sync import HistoryRow, SyncController
from station_app.ui.messages import user_message
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.sync_enrol import EnrolForm
from station_app.ui.pages.sync_status import ORANGE, RED, StatusBox
from station_app.ui.sync_runner import SyncRunner
from station_app.ui.text import format_local_time
from station_app.ui.widgets import list_table
from sync import client as sync_client
from sync import enrol_link
from sync.recovery import RecoveryReport
from sync.state import SyncStatus

FORM_MAX_WIDTH = 760


def history_rows(rows: list[HistoryRow]) -> list[Row]:
    """``refused``: a reference set or a manifest that one side would not take; it stops
    nothing else, so it is orange like a retry, not red like a stop."""
    translate = QCoreApplication.translate
    outcomes = {
        "ok": translate("SyncPage", "成功"),
        "retry": translate("SyncPage", "没成功，稍后重试"),
        "halted": translate("SyncPage", "已停止"),
        "refused": translate("SyncPage", "未被接受"),
    }
    tones = {"retry": ORANGE, "halted": RED, "refused": ORANGE}
    return [
        Row(
            (
                format_local_time(row.attempted_at),
                outcomes.get(row.outcome, row.outcome),
                str(row.entries_sent),
                QCoreApplication.translate(CONTEXT, row.error_message or ""),
            ),
            key=f"{row.attempted_at.isoformat()}-{index}",
            tone=tones.get(row.outcome),
        )
        for index, row in enumerate(rows)
    ]


class SyncPage(QWidget):
    """Emits ``enrolled(SyncStatus)`` when the keeper has enrolled the station here, so
    the composition root can start the uploads."""

    enrolled = Signal(object)
    recovery_progress = Signal(int)
    """The local last sequence after each page recovered (emitted from the worker)."""

    def __init__(self, store: Store, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = SyncController(store, operator)
        self.runner: SyncRunner | None = None
        self._reenrolling = False
        self.recovery = BackgroundCall("sync-recover", self)
        self.recovery.succeeded.connect(self._on_recovered)
        self.recovery.failed.connect(self._on_recovery_failed)
        self.recovery_progress.connect(self._on_recovery_progress)
        self.title = QLabel(self.tr("与县服务中心同步"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.notice = QLabel(self)
        self.notice.setObjectName("syncNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "#syncNotice { background: #fff8e1; border: 1px solid #f0c36d; padding: 6px; }"
        )
        self.notice.hide()
        self.scan_message = QLabel(self)
        self.scan_message.setWordWrap(True)
        self.scan_message.setStyleSheet(f"color: {RED};")
        self.scan_message.hide()
        self.status_box = StatusBox(self)
        self.form = EnrolForm(self.controller, self)
        self.history_caption = QLabel(self.tr("同步记录（最新的在最上面）"), self)
        self.history_model = RowsModel(
            [self.tr("时间（北京时间）"), self.tr("结果"), self.tr("上传条数"), self.tr("说明")],
            self,
        )
        self.history = list_table(self)
        self.history.setModel(self.history_model)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._lay_out()
        self.status_box.sync_button.clicked.connect(self.sync_now)
        self.status_box.reenrol_button.clicked.connect(self.start_reenrolling)
        self.status_box.recover_button.clicked.connect(self.start_recovery)
        self.form.enrolled.connect(self._on_enrolled)
        self.set_operator(operator)

    def _lay_out(self) -> None:
        boxes = QHBoxLayout()
        boxes.addWidget(self.status_box, 3)
        boxes.addWidget(self.form, 2)
        boxes.addStretch(0)  # takes the room only when the form stands alone
        self.form.setMaximumWidth(FORM_MAX_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.scan_message)
        layout.addLayout(boxes)
        layout.addWidget(self.history_caption)
        layout.addWidget(self.history, 1)
        layout.addStretch(0)  # holds the form up while there is no history to show

    # --- wiring from the composition root -----------------------------------------

    def set_runner(self, runner: SyncRunner) -> None:
        """Uploads run on ``runner``; the page follows its state."""
        if self.runner is runner:
            return
        self.runner = runner
        runner.state_changed.connect(self.show_status)
        self.refresh()

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        self.form.set_editable(self.controller.can_enrol)
        if not self.controller.can_enrol:
            self._reenrolling = False
        self.refresh()

    def show_demo_offline(self) -> None:
        """``--demo`` could not start its county centre: say so, where sync is shown."""
        self.notice.setText(
            self.tr(
                "演示用的县服务中心没有启动，这次演示不会上传（原因写在日志 logs/station.log 里）。"
                "台账照常记在本机。"
            )
        )
        self.notice.show()

    # --- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the state and history (the page is shown, or a run ended)."""
        self._show(self.controller.status())

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        """From the runner (queued to the GUI thread) after every tick."""
        self._show(status)

    def _show(self, status: SyncStatus) -> None:
        enrolled = status.enrolled
        self.status_box.setVisible(enrolled)
        self.history_caption.setVisible(enrolled)
        self.history.setVisible(enrolled)
        halted_for_enrolment = (
            status.halted
            and sync_client.action_for(status.error_code or "") is sync_client.Action.REENROL
        )
        self.form.setVisible(not enrolled or self._reenrolling or halted_for_enrolment)
        if enrolled:
            self.status_box.show_status(status, self.controller.county_url())
            self.history_model.set_rows(history_rows(self.controller.history()))
            self.form.prefill(self.controller.county_url())
            self.form.intro.setText(
                self.tr("填写县服务中心新给的登记码（或扫登记二维码），再点「接入」。")
            )
        else:
            self.form.intro.setText(self._not_enrolled_text(status.pending))
        box = self.status_box
        behind = enrolled and status.error_code == sync_client.BEHIND_COUNTY
        recovering = self.recovery.running
        box.recover_button.setVisible(
            self.controller.can_enrol and (behind or recovering) and not self.form.isVisibleTo(self)
        )
        box.recover_button.setEnabled(not recovering)
        if behind and not self.controller.can_enrol:
            box.advice.setText(
                self.tr("请站长登录，到本页点「从县服务中心恢复」。恢复前不能办理业务。")
            )
        # A forced upload while behind only ends in the same stop (or loses it to 离线).
        box.sync_button.setVisible(not behind)
        box.sync_button.setEnabled(self.runner is not None and self.runner.running)
        box.sync_button.setText(self.tr("立即同步"))
        box.reenrol_button.setVisible(self.controller.can_enrol and not self.form.isVisibleTo(self))

    def _not_enrolled_text(self, pending: int) -> str:
        return self.tr(
            "本站还没有接入县服务中心，本机已有 {count} 条记录等着上传。"
            "填写县服务中心给的地址和登记码，或用扫码枪扫县服务中心给的登记二维码。"
        ).format(count=pending)

    # --- actions ------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.runner is None:
            return
        self.status_box.sync_button.setEnabled(False)
        self.status_box.sync_button.setText(self.tr("正在同步……"))
        self.runner.sync_now()

    def start_recovery(self) -> None:
        """从县服务中心恢复: fetch the entries this store lacks, off the GUI thread."""
        if not self.controller.can_enrol:
            self.status_box.show_recovery(self.tr("只有站长可以从县服务中心恢复。"), ok=False)
            return
        recover, progress = self.controller.recover, self.recovery_progress.emit
        if not self.recovery.start(lambda: recover(progress)):
            return  # the first press is still on its way
        box = self.status_box
        box.recover_button.setEnabled(False)
        box.recover_button.setText(self.tr("正在恢复……"))
        box.show_recovery(self.tr("正在从县服务中心取回本机缺少的记录，请不要关闭程序……"), ok=None)

    @Slot(int)
    def _on_recovery_progress(self, local_last: int) -> None:
        self.status_box.show_recovery(
            self.tr("正在从县服务中心取回记录：本机已有到第 {seq} 条……").format(seq=local_last),
            ok=None,
        )

    def _on_recovered(self, report: object) -> None:
        assert isinstance(report, RecoveryReport)
        self.status_box.recover_button.setText(self.tr("从县服务中心恢复"))
        text, ok = self.recovery_text(report)
        self.status_box.show_recovery(text, ok=ok)
        self.refresh()
        if report.outcome == "ok" and self.runner is not None and self.runner.running:
            self.runner.sync_now()  # the stop is lifted: upload what is pending now

    def _on_recovery_failed(self, error: object) -> None:
        self.status_box.recover_button.setText(self.tr("从县服务中心恢复"))
        if isinstance(error, UserError):
            text = user_message(error)
        else:
            text = self.tr(
                "恢复没有完成：程序出错（{kind}）。已取回的记录都保留着，请联系县服务中心。"
            ).format(kind=type(error).__name__)
        self.status_box.show_recovery(text, ok=False)
        self.refresh()

    def recovery_text(self, report: RecoveryReport) -> tuple[str, bool]:
        """What the keeper reads after a run, and whether it went well."""
        message = QCoreApplication.translate(CONTEXT, report.error_message or "")
        if report.outcome == "ok":
            text = self.tr(
                "恢复完成：从县服务中心取回了 {count} 条记录，可以照常办理业务了。"
            ).format(count=report.imported)
            if report.not_replayed:
                text += self.tr(
                    "其中 {count} 条是本版软件不认识的记录，没有计入，请升级软件。"
                ).format(count=len(report.not_replayed))
            return text, True
        if report.outcome == "retry":
            return self.tr(
                "这次没有恢复完（已取回 {count} 条，都保留着）：{message}"
                "请稍后再点一次「从县服务中心恢复」。"
            ).format(count=report.imported, message=message), False
        if report.outcome == "refused":
            return self.tr("不能恢复：{message}").format(message=message), False
        return message, False

    def start_reenrolling(self) -> None:
        self._reenrolling = True
        self.refresh()
        self.form.code.edit.setFocus()

    def handle_scan(self, text: str) -> None:
        """A USB scanner's scan: the county's enrolment QR, or a bare code or address."""
        self.scan_message.hide()
        link = enrol_link.parse(text)
        if link is None:
            self._say(
                self.tr("收到扫码 {code}，但这不是县服务中心的登记二维码。").format(code=text)
            )
        elif not self.controller.can_enrol:
            self._say(self.tr("只有站长可以接入县服务中心。"))
        elif self.form.isVisibleTo(self):
            self.form.take_scan(link)
        elif link.complete:  # enrolled: only a whole enrolment QR opens the form again
            self.start_reenrolling()
            self.form.take_scan(link)
        else:
            self._say(self.tr("本站已接入县服务中心。要重新接入，请扫完整的登记二维码。"))

    def _say(self, text: str) -> None:
        """A scan's outcome, next to the form when it shows, else under the title."""
        if self.form.isVisibleTo(self):
            self.form.show_result(text, ok=False)
        else:
            self.scan_message.setText(text)
            self.scan_message.show()

    def _on_enrolled(self, status: SyncStatus) -> None:
        self._reenrolling = False
        self.scan_message.hide()
        self.refresh()
        self.enrolled.emit(status)
