"""The 寄件 tab: accept a villager's parcel at the counter, hand it to the courier's driver.

Top: the counter form, priced live. Below: today's and still-open shipments. When the
driver comes, the keeper selects a shipment (or ticks the driver's whole batch) and
scans the label the driver sticks on each; every scan is one collection, committed at
once, so an interruption loses nothing and a refused number changes nothing. Ticked
shipments are taken in list order and the next one is named in the bar at the bottom,
so the keeper knows which parcel's label to scan.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.core.parcels.sending import ShipmentView
from station_app.devices.sound import Sound
from station_app.ui.controllers.sending import SendingController
from station_app.ui.messages import user_message
from station_app.ui.pages.parcels.models import fit_columns
from station_app.ui.pages.parcels.sending_cancel import CancelDialog
from station_app.ui.pages.parcels.sending_form import ShipmentForm
from station_app.ui.pages.parcels.sending_models import (
    ShipmentEntry,
    ShipmentsModel,
    destination,
    payment_name,
)
from station_app.ui.widgets import big_button, list_table

RESULT_POINTS = 16
_OK, _BAD, _NEUTRAL = "#2e7d32", "#c62828", "#555"


class SendingTab(QWidget):
    """Emits ``changed`` after every accept, collection or cancellation."""

    changed = Signal()

    def __init__(
        self,
        controller: SendingController,
        play: Callable[[Sound], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._play = play
        self.dialog: CancelDialog | None = None
        self.form = ShipmentForm(controller, self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.courier_filter = QComboBox(self)
        self.courier_filter.addItem(self.tr("全部快递公司"), "")
        for choice in controller.couriers():
            self.courier_filter.addItem(choice.name, choice.code)
        self.tick_all_button = big_button(self.tr("勾选全部待揽收"), self)
        self.cancel_button = big_button(self.tr("取消寄件…"), self)
        self.model = ShipmentsModel(self)
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table)
        self.collect_bar = QFrame(self)
        self.next_label = QLabel(self.collect_bar)
        self.next_label.setWordWrap(True)
        self.tracking = QLineEdit(self.collect_bar)
        self.tracking.setPlaceholderText(self.tr("扫不出时手输快递单号，按回车"))
        self.collect_button = big_button(self.tr("揽收"), self.collect_bar)
        self._lay_out()
        self._wire()

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        caption = QLabel(self.tr("今日寄件和待揽收（选中或勾选后扫快递员的单号）"), self)
        caption.setWordWrap(True)  # English is longer; the buttons must keep their room
        tools.addWidget(caption, 1)
        tools.addWidget(self.courier_filter)
        tools.addWidget(self.tick_all_button)
        tools.addWidget(self.cancel_button)
        self.collect_bar.setObjectName("collectBar")
        self.collect_bar.setStyleSheet(
            "#collectBar { background: #e3f2fd; border: 1px solid #90caf9; }"
        )
        bar = QHBoxLayout(self.collect_bar)
        bar.addWidget(self.next_label, 3)
        bar.addWidget(self.tracking, 2)
        bar.addWidget(self.collect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.result)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.collect_bar)

    def _wire(self) -> None:
        self.form.accept_requested.connect(self.accept)
        self.courier_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.tick_all_button.clicked.connect(self._tick_all)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.tracking.returnPressed.connect(self._on_typed_tracking)
        self.collect_button.clicked.connect(self._on_typed_tracking)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_next()
        )
        self.model.dataChanged.connect(lambda *_args: self._show_next())
        self.model.modelReset.connect(self._show_next)
        self.table.installEventFilter(self)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (tab picked, page back in front): re-read, and be ready to type."""
        super().showEvent(event)
        self.refresh()
        if not self.isAncestorOf(self.focusWidget()):
            self.form.start()

    # --- accepting ----------------------------------------------------------------

    def accept(self) -> None:
        """One call to the core: the shipment and its ledger entry, or nothing at all."""
        try:
            view = self._controller.accept(self.form.order())
        except UserError as error:
            self._play(Sound.ERROR)
            self.form.show_refusal(error)
            self._say("", _NEUTRAL)
            return
        self._play(Sound.SUCCESS)
        self._say(
            self.tr("已收件：{courier}，寄往{where}，运费{fee}元（{payment}）").format(
                courier=self._controller.courier_name(view.courier),
                where=destination(view),
                fee=view.fee.format(),
                payment=payment_name(view.payment_method),
            ),
            _OK,
        )
        self.form.clear_for_next()
        self.refresh()
        self.changed.emit()

    # --- the list -----------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list, keeping the selection and the driver's ticks."""
        current = self.model.entry(self.table.currentIndex().row())
        courier = self.courier_filter.currentData() or ""
        names = self._controller.courier_name
        self.model.set_entries(
            [
                ShipmentEntry(view, names(view.courier))
                for view in self._controller.today_and_open()
                if not courier or view.courier == courier
            ]
        )
        if current is not None:
            self._select(current.view.uid)

    def _select(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row is not None:
            self.table.selectRow(row)

    def _tick_all(self) -> None:
        self.model.tick_all_open()
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space on a row of the list ticks or unticks it for the driver's batch."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
        ):
            row = self.table.currentIndex().row()
            entry = self.model.entry(row)
            if entry is not None:
                self.model.set_ticked(row, not entry.ticked)
            return True
        return super().eventFilter(watched, event)

    # --- collection by the courier ------------------------------------------------

    def next_to_collect(self) -> ShipmentEntry | None:
        """The first ticked shipment in list order; without ticks, the selected one."""
        ticked = self.model.ticked()
        if ticked:
            return ticked[0]
        entry = self.model.entry(self.table.currentIndex().row())
        return entry if entry is not None and entry.is_open else None

    def _show_next(self) -> None:
        entry = self.next_to_collect()
        if entry is None:
            self.next_label.setText(self.tr("快递员来揽收时：先选中或勾选寄件，再扫他贴的单号。"))
            return
        text = self.tr("请扫这件的快递单号：{courier}，寄往{where}，{name}，{weight}").format(
            courier=entry.courier_name,
            where=destination(entry.view),
            name=entry.view.recipient_name,
            weight=entry.view.weight.format("kg"),
        )
        more = len(self.model.ticked()) - 1
        if more > 0:
            text += self.tr("（之后还有{count}件）").format(count=more)
        self.next_label.setText(text)

    def handle_scan(self, code: str) -> None:
        """A scan with this tab in front is the courier's tracking number for the next one."""
        self.collect(code)

    def _on_typed_tracking(self) -> None:
        text = self.tracking.text().strip()
        if text:
            self.collect(text)

    def collect(self, tracking_number: str) -> None:
        entry = self.next_to_collect()
        if entry is None:
            self._play(Sound.ERROR)
            self._say(self.tr("请先在列表里选中或勾选要揽收的寄件，再扫单号。"), _BAD)
            return
        try:
            view = self._controller.collect(entry.view.uid, tracking_number)
        except UserError as error:
            self._play(Sound.ERROR)
            self._say(user_message(error), _BAD)
            return
        self._play(Sound.SUCCESS)
        self.tracking.clear()
        self._say(
            self.tr("已揽收：{courier}，寄往{where}，单号 {tracking}").format(
                courier=entry.courier_name,
                where=destination(view),
                tracking=view.courier_tracking_number or "",
            ),
            _OK,
        )
        self.refresh()
        following = self.next_to_collect()
        if following is not None:
            self._select(following.view.uid)
        self.changed.emit()

    # --- cancelling ---------------------------------------------------------------

    def selected(self) -> ShipmentEntry | None:
        return self.model.entry(self.table.currentIndex().row())

    def open_cancel(self) -> None:
        entry = self.selected()
        if entry is None:
            self._say(self.tr("请先在列表里选中要取消的寄件。"), _BAD)
            return
        try:
            self._controller.check_may_cancel()
        except UserError as error:
            self._play(Sound.ERROR)
            self._say(user_message(error), _BAD)
            return
        self.dialog = CancelDialog(entry.view, entry.courier_name, self._cancel(entry.view), self)
        self.dialog.open()

    def _cancel(self, view: ShipmentView) -> Callable[[str], None]:
        def submit(reason: str) -> None:
            self._controller.cancel(view.uid, reason)
            self._say(
                self.tr("已取消寄件：寄往{where}，请退还运费{fee}元。").format(
                    where=destination(view), fee=view.fee.format()
                ),
                _OK,
            )
            self.refresh()
            self.changed.emit()

        return submit

    def _say(self, text: str, color: str) -> None:
        self.result.setStyleSheet(
            f"color: {color}; font-size: {RESULT_POINTS}pt; font-weight: bold;"
        )
        self.result.setText(text)
