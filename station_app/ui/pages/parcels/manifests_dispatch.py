"""发交接单: the villages with parcels waiting, a manifest per village, print and export.

The keeper picks a village (arrow keys) and presses F8: its whole pile goes on a new
manifest, which is selected at once so Ctrl+P prints it and Ctrl+S writes the file for
the village onto the USB stick that travels with the van.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import UserError
from station_app.core.manifests.sorting import Pile
from station_app.core.manifests.views import ManifestView
from station_app.devices.sound import Sound
from station_app.ui.controllers.manifests import ManifestsController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.parcels.manifests_print import write_pdf
from station_app.ui.pages.parcels.models import fit_columns
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table

ChooseFolder = Callable[[QWidget], Path | None]
OpenFile = Callable[[Path], None]


class DispatchPane(QWidget):
    """Emits ``dispatched`` after a manifest is made (the piles changed)."""

    dispatched = Signal()

    def __init__(
        self,
        controller: ManifestsController,
        play: Callable[[Sound], None],
        choose_folder: ChooseFolder,
        open_file: OpenFile,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._choose_folder = choose_folder
        self._open_file = open_file
        self._piles: list[Pile] = []
        self._sent: list[ManifestView] = []
        self.piles_model = RowsModel([self.tr("线路"), self.tr("村"), self.tr("待发件数")], self)
        self.piles_table = list_table(self)
        self.piles_table.setModel(self.piles_model)
        self.unsorted = QLabel(self)
        self.dispatch_button = big_button(self.tr("生成交接单 (F8)"), self)
        self.sent_model = RowsModel(
            [
                self.tr("交接单号"),
                self.tr("接收站"),
                self.tr("线路"),
                self.tr("件数"),
                self.tr("发出时间"),
            ],
            self,
        )
        self.sent_table = list_table(self)
        self.sent_table.setModel(self.sent_model)
        fit_columns(self.sent_table)
        self.print_button = big_button(self.tr("打印交接单 (Ctrl+P)"), self)
        self.export_button = big_button(self.tr("导出文件给村站… (Ctrl+S)"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #2e7d32; font-size: 15pt; font-weight: bold;")
        self.error = ErrorLabel(self)
        self._lay_out()
        self.dispatch_button.clicked.connect(self.dispatch_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.export_button.clicked.connect(self.export_selected)
        for key, slot in (
            ("F8", self.dispatch_selected),
            ("Ctrl+P", self.print_selected),
            ("Ctrl+S", self.export_selected),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("待发（已分拣、未发出）"), self))
        left.addWidget(self.piles_table, 1)
        left.addWidget(self.unsorted)
        left.addWidget(self.dispatch_button)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("已发交接单（最新的在最上面）"), self))
        right.addWidget(self.sent_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        self._piles, unsorted = self._controller.piles()
        self.piles_model.set_rows(
            [
                Row(
                    (
                        f"{p.destination.route_code} {p.destination.route_name}",
                        p.destination.name,
                        str(p.count),
                    ),
                    p.destination.division_code,
                )
                for p in self._piles
            ]
        )
        if self._piles and self.piles_table.currentIndex().row() < 0:
            self.piles_table.selectRow(0)
        self.unsorted.setText(
            self.tr("还有 {count} 件已收未分拣。").format(count=unsorted) if unsorted else ""
        )
        self._sent = self._controller.outgoing()
        self.sent_model.set_rows([self._sent_row(view) for view in self._sent])

    def _sent_row(self, view: ManifestView) -> Row:
        return Row(
            (
                view.number,
                view.to_name,
                f"{view.route_code} {view.route_name}",
                str(view.parcel_count),
                format_local_time(view.dispatched_at)[:16],
            ),
            view.uid,
        )

    def select_pile(self, division_code: str) -> None:
        row = self.piles_model.row_of(division_code)
        if row is not None:
            self.piles_table.selectRow(row)

    def selected_manifest(self) -> ManifestView | None:
        row = self.sent_table.currentIndex().row()
        return self._sent[row] if 0 <= row < len(self._sent) else None

    # --- actions ------------------------------------------------------------------

    def dispatch_selected(self) -> None:
        self.error.clear_error()
        code = self.piles_model.key_at(self.piles_table.currentIndex().row())
        if code is None:
            self._refuse(self.tr("请先在左边选中要发的村。"))
            return
        try:
            made = self._controller.dispatch(code)
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._play(Sound.SUCCESS)
        view = made.manifest
        self.message.setText(
            self.tr(
                "已生成交接单 {number}：{village} {count} 件。按 Ctrl+P 打印，Ctrl+S 导出。"
            ).format(number=view.number, village=view.to_name, count=view.parcel_count)
        )
        self.refresh()
        self.sent_table.selectRow(0)
        self.sent_table.setFocus()
        self.dispatched.emit()

    def print_selected(self) -> Path | None:
        view = self._need_manifest()
        if view is None:
            return None
        detail = self._controller.detail(view.uid)
        path = write_pdf(
            detail, self._controller.pdf_path(view.number), self._controller.courier_name
        )
        self.message.setText(self.tr("已生成打印文件：{path}").format(path=path))
        self._open_file(path)
        return path

    def export_selected(self) -> Path | None:
        view = self._need_manifest()
        if view is None:
            return None
        folder = self._choose_folder(self)
        if folder is None:
            return None
        try:
            path = self._controller.export(view.uid, folder)
        except UserError as error:
            self._refuse(user_message(error))
            return None
        self._play(Sound.SUCCESS)
        self.message.setText(self.tr("已导出：{path}").format(path=path))
        return path

    def _need_manifest(self) -> ManifestView | None:
        self.error.clear_error()
        view = self.selected_manifest()
        if view is None:
            self._refuse(self.tr("请先在右边选中一张交接单。"))
        return view

    def _refuse(self, text: str) -> None:
        self._play(Sound.ERROR)
        self.error.show_text(text)
