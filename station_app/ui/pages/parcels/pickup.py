"""The 取件 tab: find what a villager is waiting for, confirm it by scan, hand it over.

The villager says a code or the last four digits; the keeper picks the match, and
everything else waiting for the same phone is listed and ticked too, so nobody walks
home without a parcel that was there. Scanning each waybill marks it 已核对; the
hand-over is one call for all ticked parcels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from station_app.core.couriers import normalise_scan
from station_app.core.db.models import ParcelStatus
from station_app.core.errors import UserError
from station_app.core.orders.views import OrderView
from station_app.core.parcels.photos import PhotoNotSaved
from station_app.core.parcels.views import ParcelView
from station_app.devices.sound import Sound
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.models import RowsModel
from station_app.ui.pages.orders.dialogs import DeliverDialog
from station_app.ui.pages.parcels.models import (
    CodeRowsModel,
    PickupEntry,
    PickupModel,
    fit_columns,
    parcel_headers,
    parcel_row,
)
from station_app.ui.pages.parcels.pickup_photo import PhotoBar
from station_app.ui.pages.parcels.return_dialog import ReturnDialog
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table


class PickupTab(QWidget):
    """Emits ``changed`` after a hand-over or a return."""

    changed = Signal()

    def __init__(
        self,
        controller: ParcelsController,
        play: Callable[[Sound], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._found: list[ParcelView] = []
        self.dialog: ReturnDialog | None = None
        self.settle_dialog: DeliverDialog | None = None
        self._to_settle: list[OrderView] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("取件码 / 手机后4位 / 单号，按回车查找"))
        self.search_button = big_button(self.tr("查找"), self)
        self.results_model: RowsModel = CodeRowsModel(parcel_headers(), self)
        self.results = list_table(self)
        self.results.setModel(self.results_model)
        self.pickup_model = PickupModel(self)
        self.pickup = list_table(self)
        self.pickup.setModel(self.pickup_model)
        fit_columns(self.results)
        fit_columns(self.pickup)
        self.hand_over_button = big_button(self.tr("确认取件 (Ctrl+回车)"), self)
        self.hand_over_button.setShortcut("Ctrl+Return")
        self.return_button = big_button(self.tr("退件…"), self)
        self.photo = PhotoBar(self)
        self.message = ErrorLabel(self)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #2e7d32; font-size: 16pt; font-weight: bold;")
        self._lay_out()
        self.search.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.results.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._pick(current.row())
        )
        self.hand_over_button.clicked.connect(self.hand_over)
        self.return_button.clicked.connect(self.open_return)

    def _lay_out(self) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hand_over_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.photo)
        buttons.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(QLabel(self.tr("查找结果"), self))
        layout.addWidget(self.results, 2)
        layout.addWidget(QLabel(self.tr("本次取件（同一电话的包裹已一并勾选；扫面单核对）"), self))
        layout.addWidget(self.pickup, 3)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # --- finding ------------------------------------------------------------------

    def run_search(self) -> None:
        self.show_results(self._controller.find(self.search.text()))

    def show_results(self, found: list[ParcelView]) -> None:
        self._found = found
        names = self._controller.courier_name
        self.results_model.set_rows([parcel_row(v, names(v.courier)) for v in found])
        self.pickup_model.set_entries([])
        self.message.clear_error()
        self.photo.clear()  # a new villager: the last one's photo is not theirs
        if not found:
            self.message.show_text(self.tr("没有找到在架的包裹，请核对取件码或电话后4位。"))
            return
        self.results.selectRow(0)
        self.results.setFocus()

    def _pick(self, row: int) -> None:
        """Select one found parcel: list everything for the same villager, ticked."""
        if not 0 <= row < len(self._found):
            return
        view = self._found[row]
        self.message.clear_error()
        if view.status is not ParcelStatus.ON_SHELF:
            self.message.show_text(self._gone_text(view))
        waiting = self._controller.waiting_for_same_phone(view.uid)
        names = self._controller.courier_name
        self.pickup_model.set_entries([PickupEntry(v, names(v.courier)) for v in waiting])

    def _gone_text(self, view: ParcelView) -> str:
        if view.status is ParcelStatus.PICKED_UP and view.picked_up_at is not None:
            return self.tr("此件已于{when}由{who}取走。").format(
                when=format_local_time(view.picked_up_at)[:16], who=view.picked_up_by or ""
            )
        if view.status is ParcelStatus.LOST:
            return self.tr("此件已在盘点时记为丢失。")
        return self.tr("此件已退回快递公司。")

    # --- confirming and handing over ----------------------------------------------

    def handle_scan(self, code: str) -> None:
        """A waybill scanned at the counter: confirm it in the list, or search by it."""
        tracking = normalise_scan(code)
        if not self.pickup_model.rowCount():
            self.search.setText(tracking)
            self.run_search()
            return
        row = self.pickup_model.row_of_tracking(tracking)
        if row is None:
            self._play(Sound.ERROR)
            self.message.show_text(
                self.tr("扫的单号不在待取列表里：{tracking}").format(tracking=tracking)
            )
            return
        self.pickup_model.confirm(row, tracking)
        self.message.clear_error()
        self._play(Sound.SUCCESS)

    def hand_over(self) -> None:
        try:
            handed = self._controller.hand_over(self.pickup_model.scans(), self.photo.jpeg())
        except PhotoNotSaved as error:
            self._photo_not_saved(error)
            return
        except UserError as error:
            self._play(Sound.ERROR)
            self.message.show_text(user_message(error))
            return
        self._play(Sound.SUCCESS)
        codes = "、".join(view.pickup_code for view in handed)
        self.summary.setText(
            self.tr("已取件 {count} 件：{codes}").format(count=len(handed), codes=codes)
        )
        self._clear()
        self.changed.emit()
        self._to_settle = self._controller.orders_waiting_on([view.uid for view in handed])
        self._offer_settlement()

    def _offer_settlement(self) -> None:
        """Goods of an agent order (代购) just left: offer to take the balance now, one
        order at a time; 取消 leaves it for the 代购 page."""
        if not self._to_settle:
            self.settle_dialog = None
            return
        order = self._to_settle.pop(0)

        def settle(method: str) -> None:
            done = self._controller.deliver_order(order.uid, method)
            self.summary.setText(
                self.tr("代购订单 {number} 已交付，收尾款 {due}").format(
                    number=done.number, due=done.settled.format(symbol=True)
                )
            )
            self.changed.emit()

        self.settle_dialog = DeliverDialog(order, settle, self)
        self.settle_dialog.finished.connect(lambda _result: self._offer_settlement())
        self.settle_dialog.open()

    def _photo_not_saved(self, error: PhotoNotSaved) -> None:
        """Nothing was handed over; the photo is dropped so the next press goes without."""
        self._play(Sound.ERROR)
        self.photo.clear()
        self.message.show_text(
            user_message(error)
            + self.tr("取件还没有办理：可以再按“确认取件”不带照片取件，或清理磁盘后重新拍照。")
        )

    def _clear(self) -> None:
        self.photo.clear()
        self._found = []
        self.results_model.set_rows([])
        self.pickup_model.set_entries([])
        self.message.clear_error()
        self.search.clear()
        self.search.setFocus()

    # --- returns ------------------------------------------------------------------

    def selected_parcel(self) -> ParcelView | None:
        entries = self.pickup_model.entries()
        row = self.pickup.currentIndex().row()
        if 0 <= row < len(entries):
            return entries[row].view
        return entries[0].view if len(entries) == 1 else None

    def open_return(self) -> None:
        parcel = self.selected_parcel()
        if parcel is None:
            self.message.show_text(self.tr("请先在“本次取件”里选中要退的包裹。"))
            return
        self.dialog = ReturnDialog(parcel, self._return(parcel), parent=self)
        self.dialog.open()

    def _return(self, parcel: ParcelView) -> Callable[[str, str], None]:
        def submit(reason: str, note: str) -> None:
            self._controller.return_to_courier(parcel.uid, reason, note)
            self.summary.setText(self.tr("已退件：{code}").format(code=parcel.pickup_code))
            self._clear()
            self.changed.emit()

        return submit
