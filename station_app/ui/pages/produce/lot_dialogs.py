"""The forms for a lot's later steps: 拆分 (weigh parts out into child lots) and 发运.

Both name the lot they act on and its weight at the station, stay open showing the
core's message until the step succeeds, and save with Ctrl+Enter as well as the button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from station_app.core.errors import ValidationError
from station_app.core.produce.lot_actions import LotView
from station_app.core.weight import Grams, WeightUnit
from station_app.ui.messages import user_message
from station_app.ui.pages.produce.text import (
    GREY,
    RED,
    SHIP_KINDS,
    jin_kg,
    ship_kind_name,
)
from station_app.ui.pages.settings_dialogs import FormDialog
from station_app.ui.widgets import Field

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


class _LotDialog(FormDialog):
    """Names the lot; Ctrl+Enter is OK."""

    def __init__(self, title: str, lot: LotView, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(520)
        self.lot = lot
        what = QLabel(
            self.tr("批次 {code}　{product} {grade}　{day}　在站 {held}").format(
                code=lot.formatted_code,
                product=lot.product_name,
                grade=lot.grade_name,
                day=lot.business_day,
                held=jin_kg(lot.held_g),
            ),
            self,
        )
        what.setWordWrap(True)
        font = QFont(what.font())
        font.setBold(True)
        what.setFont(font)
        self.form.addRow(what)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_accept)


class SplitDialog(_LotDialog):
    """``submit(parts_g)``: one weight per line, in 斤 or kg (a line may say its own
    unit: ``30kg``); what stays in the lot is shown as the keeper types."""

    def __init__(
        self,
        lot: LotView,
        submit: Callable[[list[int]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("拆分批次"), lot, parent)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("斤"), "jin")
        self.unit.addItem(self.tr("公斤"), "kg")
        self.parts = QPlainTextEdit(self)
        self.parts.setPlaceholderText(self.tr("每行一份的重量，如：\n200\n150"))
        self.parts.setTabChangesFocus(True)
        self.parts.setMinimumHeight(self.fontMetrics().height() * 7)
        self.remaining = QLabel(self)
        self.remaining.setWordWrap(True)
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(self.tr("单位"), self))
        unit_row.addWidget(self.unit)
        unit_row.addStretch(1)
        self.form.addRow(unit_row)
        self.form.addRow(self.tr("拆出各份"), self.parts)
        self.form.addRow(self.remaining)
        hint = QLabel(
            self.tr("回车换行填下一份，Ctrl+回车拆分。每份拆成一个新批次，有自己的溯源码和标签。"),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {GREY};")
        self.form.addRow(hint)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("拆分"))
        self.finish_layout(lambda: self._done(submit(self.parts_g())))
        self.parts.textChanged.connect(self.show_remaining)
        self.unit.currentIndexChanged.connect(lambda _index: self.show_remaining())
        self.show_remaining()
        self.parts.setFocus()

    @staticmethod
    def _done(_result: object) -> None:
        """The tab reads the lots again; the form only needs the step not to fail."""

    def _unit(self) -> WeightUnit:
        return "kg" if self.unit.currentData() == "kg" else "jin"

    def lines(self) -> list[str]:
        return [line.strip() for line in self.parts.toPlainText().splitlines() if line.strip()]

    def parts_g(self) -> list[int]:
        """The typed parts in grams; a line that is not a weight is refused naming it."""
        grams = []
        for number, line in enumerate(self.lines(), start=1):
            try:
                grams.append(Grams.parse(line, default_unit=self._unit()).grams)
            except ValidationError as error:
                raise ValidationError(
                    self.tr("第{row}份：{reason}"),
                    row=number,
                    reason=user_message(error),
                ) from None
        return grams

    def show_remaining(self) -> None:
        self.error.clear_error()
        try:
            parts = self.parts_g()
        except ValidationError as error:
            self.remaining.setStyleSheet(f"color: {RED};")
            self.remaining.setText(user_message(error))
            return
        taken = sum(parts)
        left = self.lot.held_g - taken
        if left < 0:
            self.remaining.setStyleSheet(f"color: {RED};")
            self.remaining.setText(
                self.tr("拆出 {count} 份共 {taken}，比批次多 {over}。").format(
                    count=len(parts), taken=jin_kg(taken), over=jin_kg(-left)
                )
            )
            return
        self.remaining.setStyleSheet("")
        self.remaining.setText(
            self.tr("拆出 {count} 份共 {taken}，批次还剩 {left}。").format(
                count=len(parts), taken=jin_kg(taken), left=jin_kg(left)
            )
        )


class ShipDialog(_LotDialog):
    """``submit(to_kind, to_name)``: all the lot holds leaves the station."""

    def __init__(
        self,
        lot: LotView,
        submit: Callable[[str, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("发运批次"), lot, parent)
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        self.kind_buttons: dict[str, QRadioButton] = {}
        for index, kind in enumerate(SHIP_KINDS):
            button = QRadioButton(ship_kind_name(kind), self)
            self.kinds.addButton(button, index)
            self.kind_buttons[kind] = button
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        self.to_name = Field(placeholder=self.tr("公司或市场的名称，不写个人信息"))
        self.form.addRow(self.tr("发往"), kind_row)
        self.form.addRow(self.tr("单位名称"), self.to_name)
        weight = QLabel(
            self.tr("整批发运：{held}。").format(held=jin_kg(lot.held_g)),
            self,
        )
        self.form.addRow(weight)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("发运"))
        self.finish_layout(lambda: self._done(submit(self.kind(), self.to_name.text())))
        self._suggested = ""
        self.kinds.idToggled.connect(self._kind_toggled)
        self.kind_buttons["county_supply"].setChecked(True)
        self.to_name.edit.installEventFilter(self)
        self.to_name.edit.setFocus()

    @staticmethod
    def _done(_result: object) -> None:
        """The tab reads the lots again; the form only needs the step not to fail."""

    def kind(self) -> str:
        return SHIP_KINDS[max(0, self.kinds.checkedId())]

    def choose(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def _kind_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._kind_changed()

    def _kind_changed(self) -> None:
        """The county's centre is named for the keeper; a buyer's name is typed."""
        typed = self.to_name.text().strip()
        if typed and typed != self._suggested:
            return
        self._suggested = ship_kind_name("county_supply") if self.kind() == "county_supply" else ""
        self.to_name.set_text(self._suggested)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the name field ships, as the form's only line."""
        if (
            watched is self.to_name.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self.try_accept()
            return True
        return False
