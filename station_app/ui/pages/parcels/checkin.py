"""The 入库 tab: scan, type the phone, Enter (or scan the next one), and it is shelved.

Scans arrive in bursts faster than anyone types, so they go into a queue and are taken
one at a time: the pending parcel is committed by Enter in the phone field or by the
next scan. A parcel that cannot be committed yet (a bad phone, a question to answer)
stays pending and holds the queue, so no scan is ever dropped or reordered.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.couriers import Recognition
from station_app.core.db.models import ParcelStatus
from station_app.core.errors import ValidationError
from station_app.core.orders.arrival import ArrivedOrder
from station_app.core.parcels.checkin import Arrival, CheckInResult, Outcome
from station_app.core.parcels.views import ParcelView
from station_app.devices.sound import Sound
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.messages import user_message
from station_app.ui.models import Row
from station_app.ui.pages.parcels.checkin_batch import BatchBar
from station_app.ui.pages.parcels.checkin_form import ArrivalForm, ConfirmBar
from station_app.ui.pages.parcels.checkin_labels import LabelBar
from station_app.ui.pages.parcels.checkin_pending import PendingPanel
from station_app.ui.pages.parcels.models import (
    CodeRowsModel,
    code_font,
    location_text,
    parcel_headers,
    parcel_row,
    size_columns_once,
)
from station_app.ui.text import format_local_time
from station_app.ui.widgets import list_table, set_style

RESULT_POINTS = 18


@dataclass
class Pending:
    recognition: Recognition
    again: bool = False
    asking: bool = False

    @property
    def tracking_number(self) -> str:
        return self.recognition.tracking_number


class CheckInTab(QWidget):
    """Emits ``checked_in`` after every parcel put on the shelf."""

    checked_in = Signal()

    def __init__(
        self,
        controller: ParcelsController,
        play: Callable[[Sound], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self._queue: deque[str] = deque()
        self._pending: Pending | None = None
        couriers = controller.couriers()
        self.batch = BatchBar(couriers, self)
        self.pending_panel = PendingPanel(couriers, self)
        self.form = ArrivalForm(self)
        self.confirm_bar = ConfirmBar(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setFont(code_font(RESULT_POINTS))
        # Two lines, always: a label that changes height re-lays out the whole tab,
        # which cost more of each scan than saving the parcel.
        self.result.setFixedHeight(self.result.fontMetrics().lineSpacing() * 2 + 4)
        self.order_notice = QLabel(self)  # one line, always there: no re-layout per scan
        self.order_notice.setStyleSheet("color: #e65100; font-weight: bold;")
        self.order_notice.setFixedHeight(self.order_notice.fontMetrics().lineSpacing() + 4)
        self.order_notice.setMinimumWidth(1)
        self.model = CodeRowsModel(parcel_headers()[:6], self)
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() * 3)
        size_columns_once(self.table)
        self.labels = LabelBar(controller, self.batch.print_labels, self.table, self.model, self)
        self._lay_out()
        self.form.tracking.returnPressed.connect(self._on_typed_tracking)
        self.form.phone.returnPressed.connect(self.commit)
        self.form.name.returnPressed.connect(self.commit)
        self.form.commit_button.clicked.connect(self.commit)
        self.confirm_bar.confirmed.connect(self._on_again)
        self.confirm_bar.given_up.connect(self._on_give_up)
        self.refresh()

    def _lay_out(self) -> None:
        caption = QLabel(self.tr("本次入库（最新的在最上面，取件码写在包裹上）"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.batch)
        layout.addWidget(self.pending_panel)
        layout.addWidget(self.form)
        layout.addWidget(self.confirm_bar)
        layout.addWidget(self.result)
        layout.addWidget(self.order_notice)
        caption_row = QHBoxLayout()
        caption_row.addWidget(caption)
        caption_row.addWidget(self.labels, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.batch.set_layout(self._controller.shelves())

    def queue_length(self) -> int:
        return len(self._queue)

    @property
    def pending(self) -> Pending | None:
        return self._pending

    # --- the flow -----------------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        """A scan (or a typed number): queue it, then work through the queue."""
        self._queue.append(code)
        self._advance()

    def commit(self) -> None:
        """Enter in the phone field: shelve the pending parcel, then carry on."""
        if self._try_commit():
            self._advance()

    def _advance(self) -> None:
        while self._queue:
            if self._pending is not None and not self._try_commit():
                break
            self._start(self._queue.popleft())
        self.batch.set_queue_length(len(self._queue))

    def _on_typed_tracking(self) -> None:
        text = self.form.tracking.text().strip()
        self.form.tracking.clear()
        if text:
            self.handle_scan(text)

    def _start(self, code: str) -> None:
        """Make ``code`` the pending parcel, or say at once why it cannot be one."""
        self.form.error.clear_error()
        try:
            recognition = self._controller.recognise(code)
        except ValidationError as error:  # NotAWaybill included
            self._refuse(user_message(error))
            return
        earlier = self._controller.earlier(recognition.tracking_number)
        if earlier is not None and earlier.status is ParcelStatus.ON_SHELF:
            self._report_duplicate(earlier)
            return
        self._pending = Pending(recognition)
        self.pending_panel.show_parcel(recognition, self.batch.fixed_courier())
        self.form.clear_recipient()
        if earlier is not None:
            self._ask_again(earlier)
        else:
            self.form.phone.setFocus()

    def _try_commit(self) -> bool:
        """Commit the pending parcel; False if it must stay pending (an error or a question)."""
        pending = self._pending
        if pending is None or pending.asking:
            return pending is None
        try:
            result = self._controller.check_in(self._arrival(pending), again=pending.again)
        except ValidationError as error:
            self._refuse(user_message(error))
            self.form.phone.setFocus()
            return False
        return self._show_outcome(result)

    def _arrival(self, pending: Pending) -> Arrival:
        return Arrival(
            tracking_number=pending.tracking_number,
            courier=self.pending_panel.courier_code(),
            shelf=self.batch.shelf_code(),
            tier=self.batch.tier_number(),
            phone=self.form.phone.text(),
            recipient_name=self.form.name.text(),
            consent=self.form.consent_value(),
        )

    def _show_outcome(self, result: CheckInResult) -> bool:
        if result.outcome is Outcome.SEEN_BEFORE:
            self._ask_again(result.parcel)
            return False
        self._finish_pending()
        if result.outcome is Outcome.ALREADY_ON_SHELF:
            self._report_duplicate(result.parcel)
            return True
        self._play(Sound.SUCCESS)
        self.model.prepend(self._row(result.parcel))
        self._show_result(
            self.tr("已入库：取件码 {code}（{place}）").format(
                code=result.parcel.pickup_code, place=location_text(result.parcel)
            ),
            "#2e7d32",
        )
        self.checked_in.emit()
        self.labels.checked_in(result.parcel)
        if result.order is not None:
            self._tell_order(result.order)
        return True

    def _tell_order(self, order: ArrivedOrder) -> None:
        """Stays until the next order's goods arrive: it may come mid-van."""
        self.order_notice.setText(
            self.tr("代购订单 {number}（{name}）已到站，应收尾款 {due}").format(
                number=order.number,
                name=order.customer_name,
                due=order.balance_due.format(symbol=True),
            )
        )

    def _finish_pending(self) -> None:
        self._pending = None
        self.pending_panel.clear()
        self.confirm_bar.hide()
        self.form.clear_recipient()
        self.form.error.clear_error()
        self.form.phone.setFocus()

    # --- outcomes -----------------------------------------------------------------

    def _refuse(self, text: str) -> None:
        self._play(Sound.ERROR)
        self.form.error.show_text(text)

    def _report_duplicate(self, parcel: ParcelView) -> None:
        self._play(Sound.DUPLICATE)
        self._show_result(
            self.tr("已入库：取件码 {code}，{place}").format(
                code=parcel.pickup_code, place=location_text(parcel)
            ),
            "#e65100",
        )

    def _ask_again(self, earlier: ParcelView) -> None:
        assert self._pending is not None
        self._pending.asking = True
        self._play(Sound.ERROR)
        if earlier.status is ParcelStatus.PICKED_UP and earlier.picked_up_at is not None:
            text = self.tr("此件已于{when}被取走（经办：{who}），确实要重新入库吗？").format(
                when=format_local_time(earlier.picked_up_at)[:16], who=earlier.picked_up_by or ""
            )
        elif earlier.status is ParcelStatus.LOST:
            text = self.tr("此件已于{when}入库，后来盘点时记为丢失，确实要重新入库吗？").format(
                when=format_local_time(earlier.checked_in_at)[:16]
            )
        else:
            text = self.tr("此件已于{when}入库，后来退回快递公司，确实要重新入库吗？").format(
                when=format_local_time(earlier.checked_in_at)[:16]
            )
        self.confirm_bar.ask(text)

    def _on_again(self) -> None:
        if self._pending is not None:
            self._pending.again = True
            self._pending.asking = False
        self.confirm_bar.hide()
        self.form.phone.setFocus()
        self.batch.set_queue_length(len(self._queue))

    def _on_give_up(self) -> None:
        self._finish_pending()
        self._show_result(self.tr("已放弃这一件。"), "#555")
        self._advance()

    def _show_result(self, text: str, color: str) -> None:
        set_style(self.result, f"color: {color};")
        self.result.setText(text)

    # --- the session list ---------------------------------------------------------

    def _row(self, parcel: ParcelView) -> Row:
        """Without the status column: everything in this list was just shelved."""
        row = parcel_row(parcel, self._controller.courier_name(parcel.courier))
        return Row(row.cells[:6], row.key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F2 anywhere on the tab: the next candidate courier for the pending parcel."""
        if event.key() == Qt.Key.Key_F2 and self._pending is not None:
            self.pending_panel.cycle()
            return
        super().keyPressEvent(event)
