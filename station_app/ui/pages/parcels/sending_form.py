"""The counter form of 寄件: who sends, to whom and where, the weight, courier, payment.

Built for the keyboard: Enter moves to the next field like Tab, Enter on the last field
(付款方式) or Ctrl+Enter anywhere asks to accept. The fee is priced live by the core as
fields change, so the villager hears the price before paying. A refusal is shown under
the field it concerns (the core names it), with the cursor put there.

The weight is typed for now; the serial scale (produce purchase issue) will call
:meth:`ShipmentForm.set_scale_weight` with what it read.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.shipment_models import PaymentMethod
from station_app.core.errors import UserError, ValidationError
from station_app.core.parcels.sending import OrderError, ShipmentOrder
from station_app.core.weight import Grams
from station_app.ui.controllers.sending import SendingController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.pages.parcels.sending_fee import FeePanel
from station_app.ui.pages.parcels.sending_models import payment_name
from station_app.ui.widgets import big_button

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


class ShipmentForm(QWidget):
    """Emits ``accept_requested`` on Enter in the last field, Ctrl+Enter or the button."""

    accept_requested = Signal()

    def __init__(self, controller: SendingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._scale_weight: Grams | None = None
        self.sender_name = self._line(self.tr("寄件人姓名"))
        self.sender_phone = self._line(self.tr("11位手机号"))
        self.recipient_name = self._line(self.tr("收件人姓名"))
        self.recipient_phone = self._line(self.tr("11位手机号"))
        self.province = self._province_combo()
        self.city = self._line(self.tr("如：西安市"))
        self.address = self._line(self.tr("区县、乡镇、街道门牌"))
        self.weight = self._line(self.tr("如 1.6kg、3.2斤、1600g"))
        self.weight_shown = QLabel(self)
        self.weight_shown.setMinimumWidth(self.fontMetrics().horizontalAdvance("＝ 50.555kg"))
        self.courier = QComboBox(self)
        for choice in controller.couriers():
            self.courier.addItem(choice.name, choice.code)
        self.payment = QComboBox(self)
        for method in PaymentMethod:
            self.payment.addItem(payment_name(method), method.value)
        self.fee = FeePanel(self)
        self.accept_button: QPushButton = big_button(self.tr("收件 (Ctrl+回车)"), self)
        self.error = ErrorLabel(self)
        self.errors: dict[str, ErrorLabel] = {}
        self.fields: dict[str, QWidget] = {
            "sender_name": self.sender_name,
            "sender_phone": self.sender_phone,
            "recipient_name": self.recipient_name,
            "recipient_phone": self.recipient_phone,
            "province": self.province,
            "city": self.city,
            "address": self.address,
            "weight": self.weight,
            "courier": self.courier,
            "payment_method": self.payment,
        }
        self._chain = list(self.fields.values())
        self._lay_out()
        self._wire()
        self.update_price()

    # --- construction -------------------------------------------------------------

    def _line(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        return edit

    def _province_combo(self) -> QComboBox:
        """Editable, filtered as typed: 陕、陕西 and 陕西省 all find 陕西省."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self._controller.provinces())
        combo.setCurrentIndex(-1)
        edit = combo.lineEdit()
        assert edit is not None  # editable combos always have one
        edit.setPlaceholderText(self.tr("输入省份，如：陕西"))
        self.province_edit = edit
        self.province_completer = QCompleter(combo.model(), combo)
        self.province_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.province_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(self.province_completer)
        popup = self.province_completer.popup()
        assert popup is not None  # a completer makes its list on first ask
        self.province_popup = popup
        return combo

    def _boxed(self, key: str, widget: QWidget) -> QWidget:
        """The field with its own error line under it."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        self.errors[key] = ErrorLabel(box)
        layout.addWidget(self.errors[key])
        return box

    def _lay_out(self) -> None:
        people = QGridLayout()
        rows = (
            ((self.tr("寄件人"), "sender_name"), (self.tr("寄件人电话"), "sender_phone")),
            ((self.tr("收件人"), "recipient_name"), (self.tr("收件人电话"), "recipient_phone")),
            ((self.tr("省份"), "province"), (self.tr("城市"), "city")),
        )
        for row, pairs in enumerate(rows):
            for pair, (text, key) in enumerate(pairs):
                self._add_labelled(people, row, 2 * pair, text, key)
        self._add_labelled(people, 3, 0, self.tr("详细地址"), "address", span=3)
        people.setColumnStretch(1, 1)
        people.setColumnStretch(3, 1)
        people.setRowStretch(4, 1)  # an error line on the right must not spread these rows
        parcel = QGridLayout()
        weight_row = QHBoxLayout()
        weight_row.setContentsMargins(0, 0, 0, 0)
        weight_row.addWidget(self.weight, 1)
        weight_row.addWidget(self.weight_shown)
        weight_box = QWidget(self)
        weight_box.setLayout(weight_row)
        self._add_labelled(parcel, 0, 0, self.tr("重量"), "weight", box=weight_box)
        self._add_labelled(parcel, 1, 0, self.tr("快递公司"), "courier")
        self._add_labelled(parcel, 2, 0, self.tr("付款方式"), "payment_method")
        parcel.addWidget(self.accept_button, 3, 1, Qt.AlignmentFlag.AlignTop)
        parcel.setColumnStretch(1, 1)
        parcel.setRowStretch(4, 1)
        top = QHBoxLayout()
        top.addLayout(people, 5)
        top.addLayout(parcel, 3)
        top.addWidget(self.fee, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)

    def _add_labelled(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        text: str,
        key: str,
        *,
        span: int = 1,
        box: QWidget | None = None,
    ) -> None:
        label = QLabel(text, self)
        label.setBuddy(self.fields[key])
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        boxed = self._boxed(key, box if box is not None else self.fields[key])
        grid.addWidget(boxed, row, column + 1, 1, span)
        label.setMinimumHeight(self.fields[key].sizeHint().height())

    def _wire(self) -> None:
        for widget in self._chain:
            widget.installEventFilter(self)
        for before, after in pairwise([*self._chain, self.accept_button]):
            QWidget.setTabOrder(before, after)
        self.province_popup.installEventFilter(self)
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _text, k=key: self.errors[k].clear_error())
        self.province_edit.textEdited.connect(lambda _text: self.errors["province"].clear_error())
        self.province_completer.activated.connect(self._on_province_picked)
        self.province_edit.editingFinished.connect(self._normalise_province)
        self.province.currentTextChanged.connect(lambda _text: self.update_price())
        self.weight.textEdited.connect(self._on_weight_typed)
        self.weight.textChanged.connect(lambda _text: self.update_price())
        self.courier.currentIndexChanged.connect(lambda _index: self._on_courier_changed())
        self.payment.currentIndexChanged.connect(
            lambda _index: self.errors["payment_method"].clear_error()
        )
        self.accept_button.clicked.connect(self.accept_requested)

    # --- keyboard -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter = next field (accept on the last one); Ctrl+Enter = accept from anywhere."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _ENTER_KEYS:
            return False
        if watched is self.province_popup:
            self._pick_province()
            return True
        if watched not in self._chain:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._normalise_province()
            self.accept_requested.emit()
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        assert isinstance(watched, QWidget)
        self.focus_next(watched)
        return True

    def focus_next(self, after: QWidget) -> None:
        if after is self.province:
            self._normalise_province()
        index = self._chain.index(after)
        if index + 1 < len(self._chain):
            self._chain[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.accept_requested.emit()

    def start(self) -> None:
        """Ready for the next villager: the cursor in the first field."""
        self.sender_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- province and weight ------------------------------------------------------

    def _pick_province(self) -> None:
        """Enter in the filtered list: the row the keeper arrowed to, else what was typed
        if it names a province (广西 is not 江西), else the first match; then move on."""
        popup = self.province_popup
        picked = popup.currentIndex()
        typed = self.province.currentText()
        if picked.isValid():
            choice = str(picked.data())
        else:
            try:
                choice = self._controller.province(typed)
            except ValidationError:
                choice = self.province_completer.currentCompletion() or typed
        popup.hide()
        self.province.setEditText(choice)
        self.focus_next(self.province)

    def _on_province_picked(self, _text: str) -> None:
        self._normalise_province()
        self.city.setFocus(Qt.FocusReason.TabFocusReason)

    def _normalise_province(self) -> None:
        """陕西 → 陕西省 once the keeper moves on; an unknown name stays for the error."""
        typed = self.province.currentText()
        try:
            full = self._controller.province(typed)
        except ValidationError:
            return
        if full != typed:
            self.province.setCurrentIndex(self.province.findText(full))
            self.province.setEditText(full)

    def _on_weight_typed(self, _text: str) -> None:
        """A hand-typed weight replaces whatever the scale said."""
        self._scale_weight = None
        self.errors["weight"].clear_error()

    def set_scale_weight(self, weight: Grams) -> None:
        """The seam for the serial scale: its reading becomes the weight, as read.

        Passed to the core as grams (no re-parsing of text), shown as kg like a typed
        weight; typing over it goes back to the typed value.
        """
        self._scale_weight = weight
        self.weight.setText(weight.format("kg"))
        self.errors["weight"].clear_error()

    def weight_value(self) -> Grams | str:
        return self._scale_weight if self._scale_weight is not None else self.weight.text()

    def _on_courier_changed(self) -> None:
        self.errors["courier"].clear_error()
        self.update_price()

    # --- price --------------------------------------------------------------------

    def update_price(self) -> None:
        """Price what is typed so far; say what is missing until it can be priced."""
        self._show_weight()
        if not self.province.currentText().strip() or not self.weight.text().strip():
            self.fee.show_waiting(self.tr("填好省份和重量，运费自动算出。"))
            return
        try:
            price = self._controller.price(
                self.courier.currentData() or "", self.province.currentText(), self.weight_value()
            )
        except UserError as error:
            self.fee.show_waiting(user_message(error))
            return
        self.fee.show_price(price)

    def _show_weight(self) -> None:
        """The weight as the core reads it (3.2斤 → ＝1.6kg), so a unit slip shows at once."""
        try:
            grams = self._controller.weight(self.weight.text()) if self.weight.text() else None
        except ValidationError:
            grams = None
        self.weight_shown.setText("" if grams is None else f"＝{grams.format('kg')}")

    # --- the order ----------------------------------------------------------------

    def order(self) -> ShipmentOrder:
        return ShipmentOrder(
            courier=self.courier.currentData() or "",
            province=self.province.currentText(),
            city=self.city.text(),
            address=self.address.text(),
            recipient_name=self.recipient_name.text(),
            recipient_phone=self.recipient_phone.text(),
            sender_name=self.sender_name.text(),
            sender_phone=self.sender_phone.text(),
            weight=self.weight_value(),
            payment_method=self.payment.currentData() or "",
        )

    def show_refusal(self, error: UserError) -> str:
        """Under the field the core named (cursor there), else under the whole form."""
        self.clear_errors()
        text = user_message(error)
        field = error.field if isinstance(error, OrderError) else None
        if field in self.errors:
            self.errors[field].show_text(text)
            self.fields[field].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.show_text(text)
        return text

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()
        self.error.clear_error()

    def clear_for_next(self) -> None:
        """Forget the villager's details (they must not linger for the next one); keep
        the courier and payment method, which repeat from one parcel to the next."""
        for edit in (
            self.sender_name,
            self.sender_phone,
            self.recipient_name,
            self.recipient_phone,
            self.city,
            self.address,
            self.weight,
        ):
            edit.clear()
        self._scale_weight = None
        self.province.setCurrentIndex(-1)
        self.province.clearEditText()
        self.clear_errors()
        self.update_price()
        self.start()
