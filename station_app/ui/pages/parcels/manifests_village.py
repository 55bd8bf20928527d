"""The village end of a manifest: import the township's file, watch it reconcile while
the parcels are checked in on 入库, and close it when the bag is done (核对完成).

The list shows every open manifest with its live counts; the table below, the selected
manifest's parcels (未到 in red until checked in) and what arrived beyond its list
(多件, 错分 with the village it belongs to, to go back with the van).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import UserError
from station_app.core.manifests.reconcile import FindingKind, Reconciliation
from station_app.core.manifests.views import ManifestView
from station_app.devices.sound import Sound
from station_app.ui.controllers.manifests import ManifestsController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.parcels.models import fit_columns
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table

ChoosePath = Callable[[QWidget], Path | None]

MISSING_TONE = "#c62828"
FOUND_TONE = "#e65100"


class VillagePanel(QWidget):
    """Emits ``closed`` after a manifest's report is frozen."""

    closed = Signal()

    def __init__(
        self,
        controller: ManifestsController,
        play: Callable[[Sound], None],
        choose_file: ChoosePath,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._choose_file = choose_file
        self._manifests: list[ManifestView] = []
        self._shown: Reconciliation | None = None
        self._reports: dict[str, Reconciliation] = {}
        self.import_button = big_button(self.tr("导入交接单文件… (Ctrl+O)"), self)
        self.close_button = big_button(self.tr("核对完成，关闭交接单 (Ctrl+E)"), self)
        self.list_model = RowsModel(
            [
                self.tr("交接单号"),
                self.tr("发出站"),
                self.tr("发出时间"),
                self.tr("应到"),
                self.tr("已到"),
                self.tr("未到"),
                self.tr("多件"),
                self.tr("错分"),
                self.tr("状态"),
            ],
            self,
        )
        self.list_table = list_table(self)
        self.list_table.setModel(self.list_model)
        fit_columns(self.list_table)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.detail_model = RowsModel(
            [self.tr("单号"), self.tr("快递公司"), self.tr("电话"), self.tr("核对")], self
        )
        self.detail_table = list_table(self)
        self.detail_table.setModel(self.detail_model)
        fit_columns(self.detail_table)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 14pt;")
        self.error = ErrorLabel(self)
        self._lay_out()
        self.import_button.clicked.connect(self.import_file)
        self.close_button.clicked.connect(self.close_selected)
        self.list_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row())
        )
        for key, slot in (("Ctrl+O", self.import_file), ("Ctrl+E", self.close_selected)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("交接单（包裹在“入库”页扫码入库后，这里自动核对）"), self))
        layout.addWidget(self.list_table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.detail_table, 3)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

    # --- reading ------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected_uid()
        self._manifests = self._controller.incoming()
        self._reports = {m.uid: self._controller.reconciliation(m.uid) for m in self._manifests}
        self.list_model.set_rows([self._list_row(self._reports[m.uid]) for m in self._manifests])
        row = self.list_model.row_of(keep) if keep else None
        if row is None and self._manifests:
            row = 0
        if row is not None:
            self.list_table.selectRow(row)
            self._show(row)
        else:
            self._shown = None
            self.summary.clear()
            self.detail_model.set_rows([])

    def _list_row(self, report: Reconciliation) -> Row:
        view = report.manifest
        is_open = view.status.value == "open"
        return Row(
            (
                view.number,
                view.from_name,
                format_local_time(view.dispatched_at)[:16],
                str(report.expected),
                str(report.arrived),
                str(len(report.missing_items)),
                str(len(report.extra)),
                str(len(report.wrong_route)),
                self.tr("核对中") if is_open else self.tr("已关闭"),
            ),
            view.uid,
            dimmed=not is_open,
        )

    def selected_uid(self) -> str | None:
        return self.list_model.key_at(self.list_table.currentIndex().row())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._manifests):
            return
        report = self._reports[self._manifests[row].uid]
        self._shown = report
        names = self._controller.courier_name
        arrived, missing = self.tr("已到"), self.tr("未到")
        items = [
            Row(
                (
                    item.tracking_number,
                    names(item.courier),
                    item.phone_masked or "",
                    arrived if item.arrived else missing,
                ),
                item.tracking_number,
                dimmed=bool(item.arrived),
                tone=None if item.arrived else MISSING_TONE,
            )
            for item in report.items
        ]
        findings = []
        for finding in report.findings:
            if finding.kind is FindingKind.WRONG_ROUTE:
                text = self.tr("错分：属于{owner}，请退回").format(owner=finding.note)
            else:
                text = self.tr("多件：不在交接单上")
            findings.append(
                Row(
                    (finding.tracking_number, "", "", text),
                    finding.tracking_number,
                    tone=FOUND_TONE,
                )
            )
        # What needs doing first (missing, then what goes back), arrived parcels last: a
        # long manifest would otherwise hide its problems below the fold.
        waiting = [row for row in items if not row.dimmed]
        done = [row for row in items if row.dimmed]
        self.detail_model.set_rows(waiting + findings + done)
        self.summary.setStyleSheet(
            "font-size: 16pt; font-weight: bold; color: %s;"
            % ("#2e7d32" if not report.missing_items and not report.findings else "#e65100")
        )
        self.summary.setText(summary_text(report))
        self.close_button.setEnabled(report.manifest.status.value == "open")

    # --- actions ------------------------------------------------------------------

    def import_file(self) -> None:
        self.error.clear_error()
        path = self._choose_file(self)
        if path is None:
            return
        try:
            made = self._controller.import_file(path)
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._play(Sound.SUCCESS)
        self.message.setText(
            self.tr("已导入交接单 {number}：{count} 件，来自{origin}。").format(
                number=made.manifest.number,
                count=made.manifest.parcel_count,
                origin=made.manifest.from_name,
            )
        )
        self.refresh()
        row = self.list_model.row_of(made.manifest.uid)
        if row is not None:
            self.list_table.selectRow(row)

    def close_selected(self) -> None:
        self.error.clear_error()
        uid = self.selected_uid()
        if uid is None:
            self._refuse(self.tr("请先选中一张交接单。"))
            return
        try:
            report = self._controller.close(uid)
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._play(Sound.SUCCESS)
        self.message.setText(self.tr("已关闭。") + summary_text(report))
        self.refresh()
        self.closed.emit()

    def handle_scan(self, code: str) -> None:
        """A scan here says where the parcel stands; checking in stays on 入库."""
        self.error.clear_error()
        tracking, located = self._controller.locate(code)
        if located is None:
            self._refuse(self.tr("单号{tracking}不在任何交接单上。").format(tracking=tracking))
            return
        row = self.list_model.row_of(located.manifest.uid)
        if row is not None:
            self.list_table.selectRow(row)
            detail_row = self.detail_model.row_of(tracking)
            if detail_row is not None:
                self.detail_table.selectRow(detail_row)
        self._play(Sound.DUPLICATE if located.arrived else Sound.SUCCESS)
        state = self.tr("已入库") if located.arrived else self.tr("还没入库，请到“入库”页扫码")
        self.message.setText(
            self.tr("{tracking} 在交接单 {number} 上：{state}").format(
                tracking=tracking, number=located.manifest.number, state=state
            )
        )

    def _refuse(self, text: str) -> None:
        self._play(Sound.ERROR)
        self.error.show_text(text)


def summary_text(report: Reconciliation) -> str:
    return QCoreApplication.translate(
        "VillagePanel",
        "{number}：应到{expected}，已到{arrived}，未到{missing}，多件{extra}，错分{wrong}",
    ).format(
        number=report.manifest.number,
        expected=report.expected,
        arrived=report.arrived,
        missing=len(report.missing_items),
        extra=len(report.extra),
        wrong=len(report.wrong_route),
    )
