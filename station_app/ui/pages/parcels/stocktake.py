"""The 盘点 tab: start a count, scan every parcel on the shelves, decide on what is off.

Each scan is saved before the beep (see the controller), and the findings list is
re-read from the store after every action, so what the keeper sees after a power cut
and 继续盘点 is exactly what was there before. The scan field keeps the focus, so the
USB scanner and a typed number with Enter behave the same; ↑/↓ in it move through the
findings, and the function keys decide on the selected one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from station_app.core.db.stocktake_models import UnknownKind
from station_app.core.errors import UserError
from station_app.core.parcels.stocktake import (
    Counts,
    ItemView,
    Report,
    ScanOutcome,
    ScanResult,
    StocktakeView,
)
from station_app.core.parcels.views import ParcelView
from station_app.devices.sound import Sound
from station_app.ui.controllers.stocktake import StocktakeController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.models import Row
from station_app.ui.pages.parcels.models import CodeRowsModel, fit_columns, location_text
from station_app.ui.pages.parcels.stocktake_panels import (
    DecisionBar,
    PlaceBar,
    QuestionBar,
    StartPanel,
    TallyBar,
    scope_text,
)
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table

RESULT_POINTS = 18
SCAN_POINTS = 16
GREEN, ORANGE, RED, GREY = "#2e7d32", "#e65100", "#c62828", "#555"


def _tr(text: str) -> str:
    return QCoreApplication.translate("stocktake", text)


def _place(shelf: str | None, tier: int | None) -> str:
    if shelf is None:
        return _tr("未指定")
    if tier is None:
        return _tr("{shelf}号货架").format(shelf=shelf)
    return _tr("{shelf}号货架第{tier}层").format(shelf=shelf, tier=tier)


def unknown_reason(item: ItemView) -> str:
    """Why a scanned parcel is not on record as on the shelf, in words."""
    parcel = item.parcel
    if item.unknown_kind is UnknownKind.PICKED_UP and parcel and parcel.picked_up_at:
        return _tr("已于{when}被取走").format(when=format_local_time(parcel.picked_up_at)[:16])
    names = {
        UnknownKind.NEVER_CHECKED_IN: _tr("从未入库"),
        UnknownKind.PICKED_UP: _tr("已被取走"),
        UnknownKind.RETURNED: _tr("已退回快递公司"),
        UnknownKind.LOST: _tr("已记为丢失"),
    }
    return names[item.unknown_kind or UnknownKind.NEVER_CHECKED_IN]


def finding_headers() -> list[str]:
    return [
        _tr("取件码"),
        _tr("情况"),
        _tr("单号"),
        _tr("登记位置"),
        _tr("扫到位置"),
        _tr("电话"),
    ]


def finding_rows(report: Report) -> list[Row]:
    """Wrong shelf and unknown first (the keeper has them in hand), then missing."""
    rows: list[Row] = []
    for item in report.wrong_shelf:
        parcel = item.parcel
        rows.append(
            Row(
                (
                    parcel.pickup_code if parcel else "",
                    _tr("放错位置"),
                    item.tracking_number,
                    location_text(parcel) if parcel else "",
                    _place(item.found_shelf, item.found_tier),
                    parcel.phone_masked if parcel else "",
                ),
                key=f"wrong:{item.tracking_number}",
            )
        )
    for item in report.unknown:
        rows.append(
            Row(
                (
                    "",
                    _tr("不在册：") + unknown_reason(item),
                    item.tracking_number,
                    "",
                    _place(item.found_shelf, item.found_tier),
                    "",
                ),
                key=f"unknown:{item.tracking_number}",
            )
        )
    for parcel in report.missing:
        rows.append(
            Row(
                (
                    parcel.pickup_code,
                    _tr("未扫到"),
                    parcel.tracking_number,
                    location_text(parcel),
                    "",
                    parcel.phone_masked,
                ),
                key=f"missing:{parcel.uid}",
            )
        )
    return rows


class StocktakeTab(QWidget):
    """Emits ``changed`` when a decision changed parcels (lost, relocated, checked in)."""

    changed = Signal()

    def __init__(
        self,
        controller: StocktakeController,
        play: Callable[[Sound], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._view: StocktakeView | None = None
        self._report: Report | None = None
        self._pending_question: Callable[[], None] | None = None
        self.start_panel = StartPanel(self)
        self.count_panel = QWidget(self)
        self.heading = QLabel(self.count_panel)
        self.place = PlaceBar(self.count_panel)
        self.finish_button = big_button(self.tr("结束盘点…"), self.count_panel)
        self.tally = TallyBar(self.count_panel)
        self.scan_field = QLineEdit(self.count_panel)
        self.scan_field.setPlaceholderText(self.tr("扫描面单；扫不出时手输单号或取件码，按回车"))
        self.scan_field.setStyleSheet(f"font-size: {SCAN_POINTS}pt;")
        self.result = QLabel(self.count_panel)
        self.result.setWordWrap(True)
        self.question = QuestionBar(self.count_panel)
        self.model = CodeRowsModel(finding_headers(), self)
        self.table = list_table(self.count_panel)
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() * 3)
        fit_columns(self.table)
        self.decisions = DecisionBar(self.count_panel)
        self.error = ErrorLabel(self.count_panel)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start_panel)
        self.pages.addWidget(self.count_panel)
        self._lay_out()
        self._connect()
        self.decisions.enable_for(None)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.place)
        top.addSpacing(16)
        top.addWidget(self.finish_button)
        count = QVBoxLayout(self.count_panel)
        count.setContentsMargins(0, 0, 0, 0)
        count.addLayout(top)
        count.addWidget(self.tally)
        count.addWidget(self.scan_field)
        count.addWidget(self.result)
        count.addWidget(self.question)
        count.addWidget(self.table, 1)
        count.addWidget(self.error)
        count.addWidget(self.decisions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _connect(self) -> None:
        self.start_panel.start_requested.connect(self.start)
        self.start_panel.resume_requested.connect(self.resume)
        self.place.place_changed.connect(self._on_place_changed)
        self.finish_button.clicked.connect(self.ask_finish)
        self.scan_field.returnPressed.connect(self._on_typed)
        self.scan_field.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._on_selection()
        )
        self.question.confirmed.connect(self._on_confirmed)
        self.question.declined.connect(self._on_declined)
        buttons = self.decisions
        buttons.found_button.clicked.connect(self.mark_found)
        buttons.lost_button.clicked.connect(self.ask_lost)
        buttons.reshelve_button.clicked.connect(self.reshelve)
        buttons.relocate_button.clicked.connect(self.relocate)
        buttons.check_in_button.clicked.connect(self.check_in)
        buttons.set_aside_button.clicked.connect(self.set_aside)

    # --- states -------------------------------------------------------------------

    @property
    def counting(self) -> StocktakeView | None:
        return self._view

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to the front: offer a count left open (after a restart, say)."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._view is not None:
            self._reload()
            return
        self.start_panel.set_layout(self._controller.shelves())
        self.start_panel.offer_resume(self._controller.current())
        self.pages.setCurrentWidget(self.start_panel)

    def start(self) -> None:
        try:
            view = self._controller.start(self.start_panel.chosen_shelves())
        except UserError as error:
            self._play(Sound.ERROR)
            self.start_panel.error.show_error(error)
            return
        self._enter(view, self.tr("盘点开始：请逐件扫描货架上的包裹。"))

    def resume(self) -> None:
        view = self._controller.current()
        if view is None:
            self.refresh()
            return
        self._enter(view, self.tr("继续盘点：已扫过的不用再扫。"))

    def _enter(self, view: StocktakeView, greeting: str) -> None:
        self._view = view
        self.start_panel.error.clear_error()
        self.start_panel.summary.clear()
        self.heading.setText(
            self.tr("盘点{scope}（{who} {when} 开始）").format(
                scope=scope_text(view.shelves),
                who=view.started_by,
                when=format_local_time(view.started_at)[11:16],
            )
        )
        self.place.set_choices(self._controller.shelves(), view)
        self.pages.setCurrentWidget(self.count_panel)
        self._show_result(greeting, GREY)
        self._reload()
        self.scan_field.setFocus()

    def _reload(self) -> None:
        """Re-read the findings and the tally, keeping the selected row if it is still there."""
        if self._view is None:
            return
        selected = self._selected_key()
        report = self._controller.report(self._view.uid)
        self._report = report
        self.model.set_rows(finding_rows(report))
        self.tally.show_counts(
            report.counts, len(report.missing), len(report.wrong_shelf), len(report.unknown)
        )
        row = self.model.row_of(selected) if selected else None
        if self.model.rowCount():
            self.table.selectRow(row if row is not None else 0)
        self._on_selection()

    # --- scanning -----------------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        """A scan from the USB scanner (or the camera), or a typed number with Enter."""
        if self._view is None:
            self._play(Sound.ERROR)
            self.start_panel.error.show_text(self.tr("请先开始盘点（或继续上次的盘点），再扫描。"))
            return
        self.error.clear_error()
        try:
            result = self._controller.scan(self._view.uid, code)
        except UserError as error:
            self._play(Sound.ERROR)
            self._show_result(user_message(error), RED)
            return
        self._announce(result)
        self._reload()
        kind = {ScanOutcome.WRONG_SHELF: "wrong", ScanOutcome.UNKNOWN: "unknown"}
        if result.outcome in kind:  # the keeper has it in hand: ready for F7–F10
            self.select_key(f"{kind[result.outcome]}:{result.item.tracking_number}")
        self.scan_field.setFocus()

    def _on_typed(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if text:
            self.handle_scan(text)

    def _announce(self, result: ScanResult) -> None:
        item, parcel = result.item, result.item.parcel
        code = parcel.pickup_code if parcel else item.tracking_number
        if result.outcome is ScanOutcome.DUPLICATE:
            self._play(Sound.DUPLICATE)
            self._show_result(
                self.tr("重复扫描：{code} 已经扫过（第{times}次），只算一件。").format(
                    code=code, times=item.scans
                ),
                ORANGE,
            )
        elif result.outcome is ScanOutcome.OK:
            self._play(Sound.SUCCESS)
            assert parcel is not None
            self._show_result(
                self.tr("✓ {code}　{place}").format(code=code, place=location_text(parcel)), GREEN
            )
        elif result.outcome is ScanOutcome.WRONG_SHELF:
            self._play(Sound.ERROR)
            assert parcel is not None
            self._show_result(
                self.tr("放错位置：{code} 应在{recorded}（扫到于{found}）").format(
                    code=code,
                    recorded=location_text(parcel),
                    found=_place(item.found_shelf, item.found_tier),
                ),
                ORANGE,
            )
        else:
            self._play(Sound.ERROR)
            self._show_result(
                self.tr("不在册：{tracking}　{reason}").format(
                    tracking=item.tracking_number, reason=unknown_reason(item)
                ),
                RED,
            )

    def _on_place_changed(self) -> None:
        if self._view is None:
            return
        try:
            self._view = self._controller.set_place(
                self._view.uid, self.place.shelf_code(), self.place.tier_number()
            )
        except UserError as error:
            self._play(Sound.ERROR)
            self.error.show_error(error)
            self.place.set_choices(self._controller.shelves(), self._view)
            return
        self._show_result(
            self.tr("正在盘点：{place}").format(
                place=_place(self._view.current_shelf, self._view.current_tier)
            ),
            GREY,
        )
        self.scan_field.setFocus()

    # --- decisions ----------------------------------------------------------------

    def _selected_key(self) -> str | None:
        return self.model.key_at(self.table.currentIndex().row())

    def _selected(self) -> tuple[str, str] | None:
        key = self._selected_key()
        if key is None:
            return None
        kind, _, value = key.partition(":")
        return kind, value

    def _on_selection(self) -> None:
        selected = self._selected()
        self.decisions.enable_for(selected[0] if selected else None)

    def select_key(self, key: str) -> None:
        row = self.model.row_of(key)
        if row is not None:
            self.table.selectRow(row)

    def _decide(
        self,
        kind: str,
        action: Callable[[str, str], Any],
        chosen: tuple[str, str] | None = None,
    ) -> tuple[bool, Any]:
        """Run ``action(count uid, value)`` on ``chosen`` (or the selected row) if it is a
        ``kind``: (whether it was done, what it returned)."""
        selected = chosen or self._selected()
        if self._view is None or selected is None or selected[0] != kind:
            return False, None
        try:
            done = action(self._view.uid, selected[1])
        except UserError as error:
            self._play(Sound.ERROR)
            self.error.show_error(error)
            return False, None
        self.error.clear_error()
        self._play(Sound.SUCCESS)
        return True, done

    def mark_found(self) -> None:
        done, parcel = self._decide("missing", self._controller.mark_found)
        if done:
            self._after(self.tr("已记为找到：{code}").format(code=parcel.pickup_code), False)

    def ask_lost(self) -> None:
        selected = self._selected()
        if selected is None or selected[0] != "missing":
            return
        parcel = self._missing_parcel(selected[1])
        # Bound to this parcel now: scans while the question waits may move the selection.
        self._pending_question = lambda: self._mark_lost(selected)
        self.question.ask(
            self.tr(
                "确定把 {code}（单号 {tracking}）记为丢失吗？它将不再算在架上，未发出的通知会取消。"
            ).format(
                code=parcel.pickup_code if parcel else "",
                tracking=parcel.tracking_number if parcel else "",
            ),
            self.tr("记为丢失"),
        )

    def _mark_lost(self, chosen: tuple[str, str]) -> None:
        done, parcel = self._decide("missing", self._controller.mark_lost, chosen)
        if done:
            self._after(self.tr("已记为丢失：{code}").format(code=parcel.pickup_code), True)

    def reshelve(self) -> None:
        done, parcel = self._decide("wrong", self._controller.reshelve)
        if done:
            self._after(
                self.tr("已归位：{code} 放回{place}").format(
                    code=parcel.pickup_code, place=location_text(parcel)
                ),
                False,
            )

    def relocate(self) -> None:
        done, parcel = self._decide("wrong", self._controller.relocate)
        if done:
            self._after(
                self.tr(
                    "已改登记：新取件码 {code}（{place}），请在包裹上改写；已重新通知收件人。"
                ).format(code=parcel.pickup_code, place=location_text(parcel)),
                True,
            )

    def check_in(self) -> None:
        phone = self.decisions.phone.text()
        done, result = self._decide(
            "unknown", lambda uid, tracking: self._controller.check_in_unknown(uid, tracking, phone)
        )
        if done:
            self.decisions.phone.clear()
            self._after(
                self.tr("已入库：取件码 {code}（{place}），请写在包裹上。").format(
                    code=result.parcel.pickup_code, place=location_text(result.parcel)
                ),
                True,
            )

    def set_aside(self) -> None:
        selected = self._selected()
        done, _nothing = self._decide("unknown", self._controller.set_aside)
        if done and selected is not None:
            self._after(self.tr("已放一边：{tracking}").format(tracking=selected[1]), False)

    def _after(self, text: str, parcels_changed: bool) -> None:
        self._show_result(text, GREEN)
        self._reload()
        self.scan_field.setFocus()
        if parcels_changed:
            self.changed.emit()

    def _missing_parcel(self, uid: str) -> ParcelView | None:
        missing = self._report.missing if self._report else []
        return next((p for p in missing if p.uid == uid), None)

    # --- finishing ----------------------------------------------------------------

    def ask_finish(self) -> None:
        if self._report is None:
            return
        open_findings = self._report.counts.unresolved
        if open_findings:
            text = self.tr(
                "还有 {count} 项没有处理，结束后它们按原样留在记录里"
                "（未扫到的仍算在架上）。确定结束盘点吗？"
            ).format(count=open_findings)
        else:
            text = self.tr("都处理完了。确定结束盘点吗？")
        self._pending_question = self.finish
        self.question.ask(text, self.tr("结束盘点"))

    def finish(self) -> None:
        if self._view is None:
            return
        try:
            counts = self._controller.finish(self._view.uid)
        except UserError as error:
            self._play(Sound.ERROR)
            self.error.show_error(error)
            return
        self._play(Sound.SUCCESS)
        self._view = None
        self._report = None
        self.model.set_rows([])
        self.refresh()
        self.start_panel.show_summary(self.summary_text(counts), counts.unresolved == 0)

    def summary_text(self, counts: Counts) -> str:
        return self.tr(
            "盘点已结束：应在架 {expected} 件，扫到 {scanned} 件（重复扫 {duplicates} 次）；"
            "未扫到 {missing}（找到 {found}，丢失 {lost}）；放错 {wrong}（归位 {reshelved}，"
            "改登记 {relocated}）；不在册 {unknown}（入库 {checked_in}，放一边 {set_aside}）；"
            "未处理 {unresolved}。"
        ).format(
            expected=counts.expected,
            scanned=counts.scanned,
            duplicates=counts.duplicate_scans,
            missing=counts.missing,
            found=counts.found,
            lost=counts.lost,
            wrong=counts.wrong_shelf,
            reshelved=counts.reshelved,
            relocated=counts.relocated,
            unknown=counts.unknown,
            checked_in=counts.checked_in,
            set_aside=counts.set_aside,
            unresolved=counts.unresolved,
        )

    def _on_confirmed(self) -> None:
        action, self._pending_question = self._pending_question, None
        if action is not None:
            action()
        if self._view is not None:
            self.scan_field.setFocus()

    def _on_declined(self) -> None:
        self._pending_question = None
        self.scan_field.setFocus()

    # --- small things -------------------------------------------------------------

    def _show_result(self, text: str, color: str) -> None:
        self.result.setStyleSheet(
            f"color: {color}; font-size: {RESULT_POINTS}pt; font-weight: bold;"
        )
        self.result.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑/↓ in the scan field move through the findings, so hands stay on the keys."""
        if watched is self.scan_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None and self.model.rowCount():
                row = min(max(self.table.currentIndex().row() + step, 0), self.model.rowCount() - 1)
                self.table.selectRow(row)
                return True
        return super().eventFilter(watched, event)
