"""The 通知 tab of the 快递 page: every message to villagers and how it went.

Per message: the pickup code, the masked phone, arrival notice or reminder, the
channel, its status (待发/发送中/已发/失败/已取消), tries and the last problem. The
keeper can send now, retry failed messages, print the printed-list channel's notices
(to a printer or a PDF) and copy the clipboard channel's texts to paste into a village
WeChat group. Sending itself happens in the background dispatcher, never here.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station_app.core.clock import local_time
from station_app.core.db.notification_models import Channel, NotificationStatus
from station_app.core.notifications.dispatch import PrintList
from station_app.core.notifications.listing import OutboxRow
from station_app.core.notifications.outbox import scrub_phones
from station_app.ui.controllers.notifications import NotificationsController
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.dispatcher import DispatchState, NotificationDispatcher
from station_app.ui.messages import ErrorLabel
from station_app.ui.models import Row
from station_app.ui.notification_text import (
    channel_name,
    kind_name,
    status_bar_text,
    status_name,
)
from station_app.ui.pages.parcels.models import CodeRowsModel, fit_columns
from station_app.ui.widgets import big_button, list_table

PRINT_CODE_POINTS = 22
PRINT_TEXT_POINTS = 14


class NotificationsTab(QWidget):
    def __init__(self, controller: NotificationsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._dispatcher: NotificationDispatcher | None = None
        self._rows: list[OutboxRow] = []
        self.print_dialog: QPrintDialog | None = None
        self.model = CodeRowsModel(
            [
                self.tr("取件码"),
                self.tr("电话"),
                self.tr("内容"),
                self.tr("方式"),
                self.tr("状态"),
                self.tr("次数"),
                self.tr("时间"),
                self.tr("最近问题"),
            ],
            self,
        )
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table)
        self.summary = QLabel(self)
        self.no_gateway = QLabel(self.tr("还没有设置短信网关：请到“设置 → 通知”填写"), self)
        self.no_gateway.setStyleSheet("color: #c62828;")
        self.last_round = QLabel(self)
        self.last_round.setStyleSheet("color: #555;")
        self.open_only = QCheckBox(self.tr("只看未发出的"), self)
        self.send_button = big_button(self.tr("立即发送"), self)
        self.send_button.setEnabled(False)  # until a dispatcher is attached
        self.retry_button = big_button(self.tr("重试选中的"), self)
        self.print_button = big_button(self.tr("打印通知单…"), self)
        self.pdf_button = big_button(self.tr("存为PDF…"), self)
        self.copy_button = big_button(self.tr("复制到剪贴板"), self)
        self.refresh_button = big_button(self.tr("刷新"), self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #2e7d32;")
        self.error = ErrorLabel(self)
        self._lay_out()
        self.open_only.toggled.connect(self.refresh)
        self.send_button.clicked.connect(self.send_now)
        self.retry_button.clicked.connect(self.retry_selected)
        self.print_button.clicked.connect(self.open_print_dialog)
        self.pdf_button.clicked.connect(self.ask_pdf_path)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary)
        top.addWidget(self.no_gateway)
        top.addStretch(1)
        top.addWidget(self.last_round)
        top.addWidget(self.open_only)
        buttons = QHBoxLayout()
        for button in (self.send_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.copy_button, self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Re-read when brought forward: check-ins and hand-overs change the list."""
        super().showEvent(event)
        self.refresh()

    # --- the dispatcher ------------------------------------------------------------

    def set_dispatcher(self, dispatcher: NotificationDispatcher) -> None:
        """Use the app's background sender: its rounds refresh this list."""
        self._dispatcher = dispatcher
        self.send_button.setEnabled(True)
        dispatcher.round_started.connect(self._on_round_started)
        dispatcher.state_changed.connect(self._on_state_changed)

    def send_now(self) -> None:
        if self._dispatcher is not None:
            self._dispatcher.send_now()

    def _on_round_started(self) -> None:
        self.last_round.setText(self.tr("正在发送……"))

    def _on_state_changed(self, state: DispatchState) -> None:
        report = state.report
        if state.problem is not None:
            text = status_bar_text(state)[0]
        elif report.claimed:
            text = self.tr("刚才发送：成功 {sent}，稍后重试 {retrying}，失败 {failed}").format(
                sent=report.sent, retrying=report.retrying, failed=report.failed
            )
        else:
            text = ""
        self.last_round.setText(text)
        self.refresh()

    # --- the list ------------------------------------------------------------------

    def refresh(self) -> None:
        self._rows = self._controller.messages(open_only=self.open_only.isChecked())
        self.model.set_rows([self._row(row) for row in self._rows])
        summary = self._controller.summary()
        self.summary.setText(
            self.tr("待发短信 {sms} · 待打印 {printed} · 待复制 {copied} · 失败 {failed}").format(
                sms=summary.waiting[Channel.SMS],
                printed=summary.waiting[Channel.PRINT],
                copied=summary.waiting[Channel.CLIPBOARD],
                failed=summary.failed,
            )
        )
        self.no_gateway.setVisible(
            bool(summary.waiting[Channel.SMS]) and not self._controller.gateway().sms_ready
        )

    def _row(self, row: OutboxRow) -> Row:
        status = status_name(row.status)
        if row.status is NotificationStatus.PENDING and row.attempts:
            status = self.tr("{status}（{time} 再试）").format(
                status=status, time=f"{local_time(row.next_attempt_at):%H:%M}"
            )
        return Row(
            (
                row.pickup_code,
                row.phone_masked,
                kind_name(row.kind),
                channel_name(row.channel),
                status,
                str(row.attempts),
                f"{local_time(row.created_at):%m-%d %H:%M}",
                row.last_error or "",
            ),
            key=row.uid,
            dimmed=row.status in (NotificationStatus.SENT, NotificationStatus.CANCELLED),
        )

    def status_of(self, pickup_code: str) -> list[NotificationStatus]:
        """The statuses shown for a parcel's messages (newest first), for tests and
        for the keeper's "what happened to 3-2-0156?"."""
        return [row.status for row in self._rows if row.pickup_code == pickup_code]

    def selected_uids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._rows[row].uid for row in rows if 0 <= row < len(self._rows)]

    # --- actions -------------------------------------------------------------------

    def retry_selected(self) -> None:
        failed = [
            uid
            for uid in self.selected_uids()
            if self._by_uid(uid).status is NotificationStatus.FAILED
        ]
        if not failed:
            self._say_problem(self.tr("请先选中状态为“失败”的通知。"))
            return
        count = self._controller.retry(failed)
        self._say(self.tr("{count}条通知重新排队，马上再发。").format(count=count))
        self.refresh()
        self.send_now()

    def copy_to_clipboard(self) -> None:
        """The clipboard channel's waiting texts, one per paragraph; they count as sent."""
        batch = self._controller.take_clipboard()
        if not batch.texts:
            self._say_problem(self.tr("没有要复制的通知（通知方式为“复制到剪贴板”的）。"))
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText("\n\n".join(batch.texts))
        self._controller.finish_clipboard(batch)
        self._say(
            self.tr("已复制{count}条通知，可以粘贴到微信群或短信里。").format(
                count=len(batch.texts)
            )
        )
        self.refresh()

    def open_print_dialog(self) -> None:
        """Choose a printer first: nothing is claimed if the keeper cancels."""
        if not self._has_print_work():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.print_dialog.show()

    def ask_pdf_path(self) -> None:
        if not self._has_print_work():
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("存为PDF"), str(Path.home() / "到件通知.pdf"), "PDF (*.pdf)"
        )
        if path:
            self.print_to_pdf(Path(path))

    def print_to_pdf(self, path: Path) -> bool:
        """Write the printed-list notices to ``path`` as an A4 PDF; True if written."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("ab"):
                pass  # QPdfWriter says nothing when it cannot write: find out first
        except OSError as error:
            self._say_problem(
                self.tr("PDF 存不了：{detail}").format(detail=error.strerror or str(error))
            )
            return False
        writer = QPdfWriter(str(path))
        writer.setTitle(self.tr("到件通知"))
        return self.print_to(writer)

    def print_to(self, device: QPagedPaintDevice) -> bool:
        """Claim the printed-list notices, print them on ``device``, record the result."""
        printed = self._controller.take_print_list()
        if not printed.rows:
            self._say_problem(self.tr("没有要打印的通知。"))
            return False
        device.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
            )
        )
        document = QTextDocument()
        font = QFont(document.defaultFont())
        font.setPointSize(PRINT_TEXT_POINTS)  # read on a notice board, from a step away
        document.setDefaultFont(font)
        document.setHtml(self._print_html(printed))
        document.print_(device)
        if isinstance(device, QPrinter) and device.printerState() == QPrinter.PrinterState.Error:
            self._controller.finish_print_list(printed, error=self.tr("打印机报错"))
            self._say_problem(self.tr("打印失败，这些通知稍后会再次列入清单。"))
            self.refresh()
            return False
        self._controller.finish_print_list(printed)
        self._say(self.tr("已打印{count}条通知。").format(count=len(printed.rows)))
        self.refresh()
        return True

    def _has_print_work(self) -> bool:
        if self._controller.summary().waiting[Channel.PRINT]:
            return True
        self._say_problem(self.tr("没有要打印的通知。"))
        return False

    def _print_html(self, printed: PrintList) -> str:
        name = html.escape(self._controller.station_name())
        when = f"{local_time(self._controller.now()):%Y-%m-%d %H:%M}"
        cells = "".join(
            "<tr valign='middle'>"
            f"<td style='font-size:{PRINT_CODE_POINTS}pt; font-weight:bold'>"
            f"{html.escape(row.pickup_code)}</td>"
            f"<td>{html.escape(scrub_phones(row.phone_masked))}</td>"
            f"<td>{html.escape(ParcelsController.courier_name(row.courier))}</td>"
            "</tr>"
            for row in printed.rows
        )
        head = (
            f"<th>{self.tr('取件码')}</th><th>{self.tr('电话')}</th><th>{self.tr('快递公司')}</th>"
        )
        footer = self.tr("共{count}件，请凭取件码到{station}取件，营业时间{hours}。").format(
            count=len(printed.rows), station=name, hours=html.escape(self._controller.hours())
        )
        return (
            f"<h1>{name}</h1><h2>{self.tr('到件通知')}　{when}</h2>"
            "<table border='1' cellspacing='0' cellpadding='8' width='100%'>"
            f"<tr>{head}</tr>{cells}</table><p>{footer}</p>"
        )

    def _by_uid(self, uid: str) -> OutboxRow:
        return next(row for row in self._rows if row.uid == uid)

    def _say(self, text: str) -> None:
        self.error.clear_error()
        self.notice.setText(text)

    def _say_problem(self, text: str) -> None:
        self.notice.clear()
        self.error.show_text(text)
