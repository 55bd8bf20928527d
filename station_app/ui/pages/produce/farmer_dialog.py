"""The form for a new farmer (新增农户) or a change to one (修改).

Keyboard first, like the counter forms: Enter moves to the next field, Enter on the last
one or Ctrl+Enter anywhere saves. A refusal names its field: the message goes under that
field and the cursor into it, and the form stays open with everything typed.

The ID number is never shown in full once saved: editing shows it masked, and it is
replaced only if the keeper types a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from station_app.core.errors import FieldError, UserError
from station_app.core.produce.farmers import HOUSEHOLD_HINT, FarmerForm, FarmerView
from station_app.ui.messages import ErrorLabel
from station_app.ui.pages.produce.text import (
    HOUSEHOLDS,
    PAYMENTS,
    core_text,
    household_name,
    preference_name,
)
from station_app.ui.pages.settings_dialogs import FormDialog
from station_app.ui.widgets import Field

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
FIELD_ALIASES = {
    "name": "name",
    "phone": "phone",
    "village": "village_code",
    "village_code": "village_code",
    "id_number": "id_number",
    "id": "id_number",
    "household": "household",
    "pay_preference": "pay_preference",
    "payment": "pay_preference",
}
"""The core's field names (``ProduceError.field``) to this form's fields."""


class _Choice(QWidget):
    """A combo box with its own error line, like ``Field``."""

    def __init__(self, parent: QWidget | None = None, *, hint: str = "") -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.hint.setVisible(bool(hint))
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(lambda _index: self.error.clear_error())

    def show_error(self, error: UserError) -> None:
        self.error.show_error(error)
        self.combo.setFocus()

    def clear_error(self) -> None:
        self.error.clear_error()


class FarmerDialog(FormDialog):
    """``submit(form)`` registers or changes the farmer; ``saved`` is what it answered."""

    def __init__(
        self,
        submit: Callable[[FarmerForm], FarmerView],
        *,
        village_prefill: str,
        farmer: FarmerView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("新增农户") if farmer is None else self.tr("修改农户")
        super().__init__(title, parent)
        self.setMinimumWidth(560)
        self.farmer = farmer
        self.saved: FarmerView | None = None
        self._submit_form = submit
        self.name = Field(placeholder=self.tr("如：张三"))
        self.phone = Field(
            placeholder=self.tr("11位手机号，没有可不填"),
            hint=self.tr("收购单上只印后4位。"),
        )
        self.village_code = Field(
            placeholder=self.tr("12位数字"),
            hint=self.tr("统计用区划代码，本村已填好；外村农户改最后3位。"),
        )
        self.id_number = Field(placeholder=self.tr("18位身份证号，帮扶登记需要时填"))
        self.household = _Choice(self, hint=core_text(HOUSEHOLD_HINT))
        for code in HOUSEHOLDS:
            self.household.combo.addItem(household_name(code), code)
        self.household.combo.addItem(household_name(None), None)
        self.pay_preference = _Choice(self)
        for code in PAYMENTS:
            self.pay_preference.combo.addItem(preference_name(code), code)
        self.fields: dict[str, Field | _Choice] = {
            "name": self.name,
            "phone": self.phone,
            "village_code": self.village_code,
            "id_number": self.id_number,
            "household": self.household,
            "pay_preference": self.pay_preference,
        }
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("手机号"), self.phone)
        self.form.addRow(self.tr("村（区划代码）"), self.village_code)
        self.form.addRow(self.tr("身份证号"), self.id_number)
        self.form.addRow(self.tr("户类型"), self.household)
        self.form.addRow(self.tr("收款方式"), self.pay_preference)
        self.id_hint = QLabel(self)
        self.id_hint.setWordWrap(True)
        self.id_hint.setStyleSheet("color: #555;")
        self.form.addRow(self.id_hint)
        self.keys_hint = QLabel(self.tr("回车到下一项，Ctrl+回车保存。"), self)
        self.keys_hint.setStyleSheet("color: #555;")
        self.form.addRow(self.keys_hint)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(self.buttons.StandardButton.Ok).setAutoDefault(False)
        self.buttons.button(self.buttons.StandardButton.Cancel).setAutoDefault(False)
        self.finish_layout(self._save)
        self._fill(farmer, village_prefill)
        self._chain: list[QWidget] = [
            self.name.edit,
            self.phone.edit,
            self.village_code.edit,
            self.id_number.edit,
            self.household.combo,
            self.pay_preference.combo,
        ]
        for widget in self._chain:
            widget.installEventFilter(self)
        for before, after in pairwise(self._chain):
            QWidget.setTabOrder(before, after)
        self.name.edit.setFocus()

    def _fill(self, farmer: FarmerView | None, village_prefill: str) -> None:
        if farmer is None:
            self.village_code.set_text(village_prefill)
            self.household.combo.setCurrentIndex(self.household.combo.findData("normal"))
            self.pay_preference.combo.setCurrentIndex(0)
            self.id_hint.hide()
            return
        self.name.set_text(farmer.name)
        self.village_code.set_text(farmer.village_code)
        self.household.combo.setCurrentIndex(self.household.combo.findData(farmer.household))
        self.pay_preference.combo.setCurrentIndex(
            max(0, self.pay_preference.combo.findData(farmer.pay_preference))
        )
        kept = []
        if farmer.masked_phone:
            self.phone.edit.setPlaceholderText(farmer.masked_phone)
            kept.append(self.tr("手机号 {masked}").format(masked=farmer.masked_phone))
        if farmer.masked_id:
            self.id_number.edit.setPlaceholderText(farmer.masked_id)
            kept.append(self.tr("身份证号 {masked}").format(masked=farmer.masked_id))
        if kept:
            self.id_hint.setText(
                self.tr("已登记{kept}：空着不变，要改才重新输入完整号码。").format(
                    kept="、".join(kept)
                )
            )
        else:
            self.id_hint.hide()

    def form_data(self) -> FarmerForm:
        id_typed = self.id_number.text().strip()
        phone_typed = self.phone.text().strip()
        editing = self.farmer is not None
        return FarmerForm(
            name=self.name.text(),
            phone=None if editing and not phone_typed else phone_typed,
            village_code=self.village_code.text(),
            id_number=None if editing and not id_typed else id_typed,
            household=self.household.combo.currentData(),
            pay_preference=str(self.pay_preference.combo.currentData()),
        )

    def _save(self) -> None:
        for field in self.fields.values():
            field.clear_error()
        self.saved = self._submit_form(self.form_data())

    def try_accept(self) -> None:
        """Under the field the core named (cursor there), else under the whole form."""
        self.error.clear_error()
        try:
            self._save()
        except FieldError as error:
            field = self.fields.get(FIELD_ALIASES.get(error.field, error.field))
            if field is None:
                self.error.show_error(error)
            else:
                field.show_error(error)
            return
        except UserError as error:
            self.error.show_error(error)
            return
        self.accept()

    def forget_numbers(self) -> None:
        """Once saved, the typed phone and ID number leave the (hidden) form."""
        self.phone.set_text("")
        self.id_number.set_text("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter = next field (save on the last one); Ctrl+Enter = save from anywhere."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _ENTER_KEYS or watched not in self._chain:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.try_accept()
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        assert isinstance(watched, QWidget)
        index = self._chain.index(watched)
        if index + 1 < len(self._chain):
            self._chain[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.try_accept()
        return True
