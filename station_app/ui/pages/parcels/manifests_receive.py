"""收包分拣: scan parcels out of the county's bag, and into village piles.

Two scan modes, switched with F4: 收包 (receive into the open bag) and 分拣 (move a
received parcel to the village chosen). The village in front of the keeper is chosen
once and changed with F3 / Shift+F3, so a run of parcels for one basket is scan, scan,
scan. The village a parcel goes to is shown in big type: the keeper reads it from across
the table while dropping the parcel in its basket.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.core.manifests.receiving import BagCounts, BagReport, ScanOutcome, ScanResult
from station_app.core.manifests.routes import Destination
from station_app.core.manifests.sorting import SortOutcome, SortResult
from station_app.devices.sound import Sound
from station_app.ui.controllers.manifests import ManifestsController
from station_app.ui.messages import user_message
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.parcels.models import fit_columns
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table

BIG_POINTS = 26
RESULT_POINTS = 16
GREEN, ORANGE, RED, GREY = "#2e7d32", "#e65100", "#c62828", "#555"
NO_DESTINATION = ""

ChoosePath = Callable[[QWidget], Path | None]


class ReceivePane(QWidget):
    """Emits ``changed`` after anything that alters the piles waiting for dispatch."""

    changed = Signal()

    def __init__(
        self,
        controller: ManifestsController,
        play: Callable[[Sound], None],
        choose_list: ChoosePath,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._choose_list = choose_list
        self._rows: list[Row] = []
        self._duplicates = 0
        self.import_button = big_button(self.tr("导入到货清单… (Ctrl+O)"), self)
        self.blind_button = big_button(self.tr("开始盲收 (Ctrl+B)"), self)
        self.close_button = big_button(self.tr("结束收包 (Ctrl+E)"), self)
        self.bag_label = QLabel(self)
        self.receive_mode = QRadioButton(self.tr("收包"), self)
        self.sort_mode = QRadioButton(self.tr("分拣"), self)
        self.receive_mode.setChecked(True)
        self.destination = QComboBox(self)
        self.destination.setMinimumWidth(320)
        self.big = QLabel(self)
        self.big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setStyleSheet("font-size: 15pt;")
        self.typed = QLineEdit(self)
        self.typed.setPlaceholderText(self.tr("扫码，或手工输入单号后按回车"))
        self.model = RowsModel(
            [
                self.tr("单号"),
                self.tr("快递公司"),
                self.tr("去向"),
                self.tr("结果"),
                self.tr("时间"),
            ],
            self,
        )
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table)
        self._lay_out()
        self._connect()
        self.refresh()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for button in (self.import_button, self.blind_button, self.close_button):
            bar.addWidget(button)
        bar.addWidget(self.bag_label, 1)
        modes = QHBoxLayout()
        modes.addWidget(QLabel(self.tr("扫码用于："), self))
        modes.addWidget(self.receive_mode)
        modes.addWidget(self.sort_mode)
        modes.addWidget(QLabel(self.tr("（F4 切换）"), self))
        modes.addSpacing(24)
        label = QLabel(self.tr("当前目的村："), self)
        label.setBuddy(self.destination)
        modes.addWidget(label)
        modes.addWidget(self.destination)
        modes.addWidget(QLabel(self.tr("（F3 下一个村，Shift+F3 上一个）"), self))
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(modes)
        layout.addWidget(self.big)
        layout.addWidget(self.result)
        layout.addWidget(self.counts)
        layout.addWidget(self.typed)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.import_button.clicked.connect(self.import_list)
        self.blind_button.clicked.connect(self.start_blind)
        self.close_button.clicked.connect(self.close_bag)
        self.typed.returnPressed.connect(self._on_typed)
        self.sort_mode.toggled.connect(lambda _on: self._fill_destinations())
        keys = (
            ("Ctrl+O", self.import_list),
            ("Ctrl+B", self.start_blind),
            ("Ctrl+E", self.close_bag),
            ("F3", lambda: self.step_destination(1)),
            ("Shift+F3", lambda: self.step_destination(-1)),
            ("F4", self.toggle_mode),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- state --------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_destinations()
        current = self._controller.current_bag()
        if current is None:
            self.bag_label.setText(self.tr("现在没有正在收的包。"))
            self.counts.clear()
        else:
            bag, counts = current
            how = self.tr("按清单") if bag.source.value == "list" else self.tr("盲收")
            self.bag_label.setText(
                self.tr("正在收：{label}（{how}）").format(label=bag.label, how=how)
            )
            self._show_counts(counts)
        self.close_button.setEnabled(current is not None)

    def _fill_destinations(self) -> None:
        chosen = self.destination.currentData()
        self.destination.blockSignals(True)
        self.destination.clear()
        if not self.sort_mode.isChecked():
            self.destination.addItem(self.tr("（按清单 / 暂不分拣）"), NO_DESTINATION)
        for place in self._controller.destinations():
            self.destination.addItem(_place_text(place), place.division_code)
        self.destination.setCurrentIndex(max(self.destination.findData(chosen), 0))
        self.destination.blockSignals(False)

    def toggle_mode(self) -> None:
        (self.receive_mode if self.sort_mode.isChecked() else self.sort_mode).setChecked(True)
        self.typed.setFocus()

    def step_destination(self, step: int) -> None:
        count = self.destination.count()
        if count:
            self.destination.setCurrentIndex((self.destination.currentIndex() + step) % count)
            self._show_big(self.destination.currentText(), GREY)

    def chosen_destination(self) -> str | None:
        return self.destination.currentData() or None

    # --- actions ------------------------------------------------------------------

    def import_list(self) -> None:
        path = self._choose_list(self)
        if path is None:
            return
        self._act(lambda: self._controller.open_bag_from_file(path), self.tr("已导入到货清单"))

    def start_blind(self) -> None:
        self._act(self._controller.open_blind_bag, self.tr("开始盲收"))

    def _act(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._rows, self._duplicates = [], 0
        self.model.set_rows([])
        self._show_result(done, GREEN)
        self.refresh()
        self.typed.setFocus()

    def close_bag(self) -> None:
        try:
            report = self._controller.close_bag()
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._play(Sound.SUCCESS)
        self._show_report(report)
        self.refresh()
        self.changed.emit()

    def handle_scan(self, code: str) -> None:
        if self.sort_mode.isChecked():
            self._sort(code)
        else:
            self._receive(code)

    def _on_typed(self) -> None:
        text = self.typed.text().strip()
        self.typed.clear()
        if text:
            self.handle_scan(text)

    def _receive(self, code: str) -> None:
        try:
            result = self._controller.receive(code, self.chosen_destination())
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._show_scan(result)
        if result.outcome is not ScanOutcome.DUPLICATE:
            self.changed.emit()

    def _sort(self, code: str) -> None:
        division_code = self.chosen_destination()
        if division_code is None:
            self._refuse(self.tr("请先选择当前目的村（F3）。"))
            return
        try:
            result = self._controller.sort(code, division_code)
        except UserError as error:
            self._refuse(user_message(error))
            return
        self._show_sort(result)
        self.changed.emit()

    # --- showing ------------------------------------------------------------------

    def _show_scan(self, result: ScanResult) -> None:
        place = _place_text(result.destination) if result.destination else self.tr("未分拣")
        if result.outcome is ScanOutcome.DUPLICATE:
            self._duplicates += 1
            self._play(Sound.DUPLICATE)
            self._show_big(place, ORANGE)
            self._show_result(
                self.tr("重复扫描：{tracking} 已在“{bag}”里收过，只算一件。").format(
                    tracking=result.tracking_number, bag=result.earlier_bag or ""
                ),
                ORANGE,
            )
        elif result.outcome is ScanOutcome.EXTRA:
            self._play(Sound.ERROR)
            self._show_big(place, RED)
            self._show_result(
                self.tr("多件：{tracking} 不在到货清单上，已记为多件。").format(
                    tracking=result.tracking_number
                ),
                RED,
            )
        else:
            self._play(Sound.SUCCESS)
            self._show_big(place, GREEN if result.destination else GREY)
            self._show_result(
                self.tr("已收：{tracking}").format(tracking=result.tracking_number), GREEN
            )
        outcome = {
            ScanOutcome.RECEIVED: self.tr("已收"),
            ScanOutcome.EXTRA: self.tr("多件"),
            ScanOutcome.DUPLICATE: self.tr("重复"),
        }[result.outcome]
        self._add_row(result.tracking_number, result.courier, place, outcome)
        self._show_counts(result.counts)

    def _show_sort(self, result: SortResult) -> None:
        place = _place_text(result.destination)
        if result.outcome is SortOutcome.AGAINST_LIST:
            self._play(Sound.ERROR)
            self._show_big(place, RED)
            listed = _place_text(result.listed) if result.listed else ""
            self._show_result(
                self.tr("注意：清单上{tracking}是发往{listed}的，已按你的选择分到{place}。").format(
                    tracking=result.tracking_number, listed=listed, place=place
                ),
                RED,
            )
        else:
            self._play(
                Sound.DUPLICATE if result.outcome is SortOutcome.ALREADY_THERE else Sound.SUCCESS
            )
            self._show_big(place, GREEN)
            self._show_result(
                self.tr("已分拣：{tracking} → {place}").format(
                    tracking=result.tracking_number, place=place
                ),
                GREEN,
            )
        self._add_row(result.tracking_number, "", place, self.tr("分拣"))

    def _show_report(self, report: BagReport) -> None:
        counts = report.counts
        self._show_big(self.tr("已结束收包"), GREEN)
        self._show_result(
            self.tr(
                "{label}：应到{expected}件，实收{received}件，未到{missing}件，多件{extra}件。"
            ).format(
                label=report.bag.label,
                expected=counts.expected,
                received=counts.received,
                missing=counts.missing,
                extra=counts.extra,
            ),
            GREEN if not (counts.missing or counts.extra) else ORANGE,
        )
        names = self._controller.courier_name
        self._rows = [
            Row(
                (
                    i.tracking_number,
                    names(i.courier),
                    i.destination_name or "",
                    self.tr("未到"),
                    "",
                ),
                i.tracking_number,
            )
            for i in report.missing
        ] + [
            Row(
                (
                    i.tracking_number,
                    names(i.courier),
                    i.destination_name or "",
                    self.tr("多件"),
                    "",
                ),
                i.tracking_number,
            )
            for i in report.extra
        ]
        self.model.set_rows(self._rows)

    def _show_counts(self, counts: BagCounts) -> None:
        parts = [self.tr("已收 {n}").format(n=counts.received)]
        if counts.expected:
            parts[:0] = [self.tr("应到 {n}").format(n=counts.expected)]
            parts.append(self.tr("未到 {n}").format(n=counts.missing))
            parts.append(self.tr("多件 {n}").format(n=counts.extra))
        parts.append(self.tr("未分拣 {n}").format(n=counts.unsorted))
        parts.append(self.tr("本次重复扫描 {n}").format(n=self._duplicates))
        self.counts.setText("　".join(parts))

    def _add_row(self, tracking: str, courier: str, place: str, outcome: str) -> None:
        now = format_local_time(self._controller.now())[11:19]
        name = self._controller.courier_name(courier) if courier else ""
        self._rows.insert(0, Row((tracking, name, place, outcome, now), tracking))
        del self._rows[200:]
        self.model.set_rows(self._rows)

    def _refuse(self, text: str) -> None:
        self._play(Sound.ERROR)
        self._show_result(text, RED)

    def _show_big(self, text: str, color: str) -> None:
        self.big.setStyleSheet(f"color: {color}; font-size: {BIG_POINTS}pt; font-weight: bold;")
        self.big.setText(text)

    def _show_result(self, text: str, color: str) -> None:
        self.result.setStyleSheet(
            f"color: {color}; font-size: {RESULT_POINTS}pt; font-weight: bold;"
        )
        self.result.setText(text)


def _place_text(place: Destination) -> str:
    return f"{place.name}（{place.route_code} {place.route_name}）"
