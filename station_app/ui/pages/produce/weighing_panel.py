"""The scale on the purchase screen: the live weight, big, and the crates weighed so far.

The keeper puts a crate on the scale and presses Enter (or Space) once the mark says
稳定: the crate goes into the list with the scale's gross weight and the tare in the
皮重 field (locked to the product's usual crate unless the keeper unlocks it). What the
scale says is believed only when it has settled; an unsettled, overloaded or negative
display adds nothing and says why. Without a scale, or when its cable comes out
mid-purchase, the crates already weighed stay and a weight can always be typed in
(marked 手工 in the list, on the receipt and on the ledger).

The panel knows nothing of serial ports: ``on_reading`` and friends are the slots the
``QtScale`` signals connect to, and tests feed readings through the same slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import CONTEXT, UserError
from station_app.core.produce.weighing import WeighingInput
from station_app.core.weight import Grams, WeightUnit
from station_app.devices.scale.settle import MESSAGES, SettleState
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.models import Row
from station_app.ui.pages.produce.records_table import ToneRowsModel
from station_app.ui.widgets import list_table, set_style

GREEN, ORANGE, RED, GREY = "#2e7d32", "#e65100", "#c62828", "#757575"
WEIGHT_POINTS = 40
MARK_POINTS = 18
_WEIGH_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space})
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
MAX_TARE = "100kg"


@dataclass(frozen=True)
class Crate:
    """One crate or sack as weighed; ``manual`` when typed in."""

    gross_g: int
    tare_g: int
    manual: bool = False

    def weighing(self) -> WeighingInput:
        return WeighingInput(self.gross_g, self.tare_g, self.manual)


class ScaleDisplay(QFrame):
    """The live weight and its mark; focusable, so Enter and Space here weigh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleDisplay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.weight = QLabel("—", self)
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.weight.setStyleSheet(f"font-size: {WEIGHT_POINTS}pt; font-weight: bold;")
        self.other_unit = QLabel(self)
        self.other_unit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.other_unit.setStyleSheet("font-size: 14pt; color: #555;")
        self.mark = QLabel(self)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark.setMinimumWidth(self.fontMetrics().horizontalAdvance("秤没有数据") * 2)
        self.hint = QLabel(self.tr("秤上稳定后按 回车 或 空格 称这一筐"), self)
        self.hint.setStyleSheet("color: #555;")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.addWidget(self.mark, 0, 0, 2, 1)
        grid.addWidget(self.weight, 0, 1)
        grid.addWidget(self.other_unit, 1, 1)
        grid.addWidget(self.hint, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self._focused(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._focused(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._focused(False)

    def _focused(self, focused: bool) -> None:
        border = "3px solid #1565c0" if focused else "3px solid #bdbdbd"
        self.setStyleSheet(f"#scaleDisplay {{ background: #fafafa; border: {border}; }}")

    def show_mark(self, text: str, colour: str) -> None:
        self.mark.setText(text)
        set_style(
            self.mark,
            f"font-size: {MARK_POINTS}pt; font-weight: bold; color: white;"
            f" background: {colour}; padding: 4px 10px;",
        )


class WeighingPanel(QWidget):
    """Emits ``changed`` whenever the crates change (the totals follow)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crates: list[Crate] = []
        self.unit: WeightUnit = "jin"
        self.default_tare_g = 0
        self.live_grams: int | None = None
        self.live_status = "none"
        """``settled`` / ``unsettled`` / ``overload`` / ``negative`` from the scale, or
        ``none`` (no scale set up), ``waiting``, ``disconnected``, ``silent``."""
        self._taken = False  # this settled reading already went in as a crate
        self._bad_row: int | None = None
        self.display = ScaleDisplay(self)
        self.tare = QLineEdit(self)
        self.tare.setMaximumWidth(150)
        self.tare_lock = QCheckBox(self.tr("锁定默认皮重"), self)
        self.manual = QLineEdit(self)
        self.manual.setPlaceholderText(self.tr("手工输入毛重，如 52斤、26kg"))
        self.manual_button = QPushButton(self.tr("加一筐(手工)"), self)
        self.delete_button = QPushButton(self.tr("删除选中的筐 (Del)"), self)
        self.message = ErrorLabel(self)
        self.model = ToneRowsModel(
            [self.tr("筐"), self.tr("毛重"), self.tr("皮重"), self.tr("去皮"), self.tr("来源")],
            self,
        )
        self.model.align_right(1, 2, 3)
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._lay_out()
        self._wire()
        self.set_no_scale()
        self._show_tare()

    def _lay_out(self) -> None:
        tare = QHBoxLayout()
        tare.addWidget(QLabel(self.tr("每筐皮重"), self))
        tare.addWidget(self.tare)
        tare.addWidget(self.tare_lock)
        tare.addStretch(1)
        manual = QHBoxLayout()
        manual.addWidget(self.manual, 1)
        manual.addWidget(self.manual_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.display)
        layout.addLayout(tare)
        layout.addLayout(manual)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)

    def _wire(self) -> None:
        self.display.installEventFilter(self)
        self.table.installEventFilter(self)
        self.manual.installEventFilter(self)
        self.tare.installEventFilter(self)
        self.manual_button.clicked.connect(self.add_manual)
        self.delete_button.clicked.connect(self.delete_selected)
        self.tare_lock.toggled.connect(lambda _on: self._show_tare())
        self.tare.textEdited.connect(lambda _text: self.message.clear_error())

    # --- the product's unit and crate ---------------------------------------------------

    def set_product(self, unit: WeightUnit, default_tare_g: int) -> None:
        """Show weights in the unit the product is priced in; lock its usual crate."""
        self.unit = unit
        if self.tare_lock.isChecked() or not default_tare_g:
            self.tare.clear()  # the last product's crate is not this one's
        self.default_tare_g = default_tare_g
        self.tare_lock.setEnabled(default_tare_g > 0)
        self.tare_lock.setChecked(default_tare_g > 0)
        self._show_tare()
        self._show_live()
        self._fill_table()

    def _show_tare(self) -> None:
        locked = self.tare_lock.isChecked() and self.default_tare_g > 0
        if locked:
            self.tare.setText(self.fmt(self.default_tare_g))
        self.tare.setReadOnly(locked)
        self.tare.setStyleSheet("background: #eeeeee;" if locked else "")
        self.tare.setPlaceholderText(self.tr("如 3斤；没有填0"))

    def tare_grams(self) -> int:
        """The tare for the next crate; a ValidationError when it cannot be read."""
        if self.tare_lock.isChecked() and self.default_tare_g > 0:
            return self.default_tare_g
        text = self.tare.text().strip()
        if not text:
            return 0
        return Grams.parse(
            text, default_unit=self.unit, max_grams=Grams.parse(MAX_TARE).grams
        ).grams

    def fmt(self, grams: int) -> str:
        return Grams(grams).format(self.unit)

    # --- the scale's signals ------------------------------------------------------------

    def on_reading(self, grams: int, stable: bool, status: str) -> None:
        if status != "settled" or grams != self.live_grams:
            self._taken = False
        self.live_grams = grams
        self.live_status = status if status else ("settled" if stable else "unsettled")
        self._show_live()

    def on_overloaded(self) -> None:
        self.live_status = "overload"
        self._taken = False
        self._show_live()

    def on_connected(self) -> None:
        if self.live_status in ("none", "disconnected", "silent"):
            self.live_status = "waiting"
            self.live_grams = None
        self._show_live()

    def on_disconnected(self, message: str) -> None:
        self.live_status = "disconnected"
        self.live_grams = None
        self._show_live()
        if self.crates:
            self.say(
                self.tr("秤断开了：已称的{count}筐还在，可以接好秤继续称，或手工输入重量。").format(
                    count=len(self.crates)
                )
            )
        else:
            self.say(QCoreApplication.translate(CONTEXT, message))

    def on_silent(self) -> None:
        self.live_status = "silent"
        self.live_grams = None
        self._show_live()

    def set_no_scale(self) -> None:
        self.live_status = "none"
        self.live_grams = None
        self._show_live()

    def _show_live(self) -> None:
        status, grams = self.live_status, self.live_grams
        marks = {
            "settled": (self.tr("稳定"), GREEN),
            "unsettled": (self.tr("不稳"), ORANGE),
            "overload": (self.tr("超载"), RED),
            "negative": (self.tr("负数"), RED),
            "waiting": (self.tr("等秤数据"), GREY),
            "disconnected": (self.tr("秤断开了"), RED),
            "silent": (self.tr("秤没有数据"), RED),
            "none": (self.tr("未接秤"), GREY),
        }
        text, colour = marks.get(status, marks["unsettled"])
        self.display.show_mark(text, colour)
        if grams is None or status == "overload":
            self.display.weight.setText("" if status != "overload" else self.tr("超载"))
            self.display.other_unit.setText(
                self.tr("请用下面的框手工输入重量")
                if status in ("none", "disconnected", "silent")
                else ""
            )
            return
        self.display.weight.setText(self.fmt(grams))
        other: WeightUnit = "kg" if self.unit == "jin" else "jin"
        self.display.other_unit.setText(Grams(grams).format(other))

    # --- adding and removing crates ---------------------------------------------------

    def weigh(self) -> bool:
        """Enter on the display: the settled reading becomes a crate, or a reason why not."""
        status = self.live_status
        if status in ("none", "disconnected", "silent", "waiting"):
            texts = {
                "none": self.tr("没有接秤：请在下面手工输入重量。"),
                "disconnected": self.tr("秤断开了：请接好秤，或在下面手工输入重量。"),
                "silent": self.tr("秤没有数据：请检查秤是否开机，或在下面手工输入重量。"),
                "waiting": self.tr("还没有收到秤的数据，请稍等。"),
            }
            return self.say(texts[status])
        if status in {"unsettled", "overload", "negative"}:
            refused = MESSAGES[cast("SettleState", status)]
            return self.say(QCoreApplication.translate(CONTEXT, refused))
        grams = self.live_grams or 0
        if grams <= 0:
            return self.say(self.tr("秤上没有东西，请放上一筐再按回车。"))
        if self._taken:
            return self.say(self.tr("这一筐刚称过了。请换下一筐，秤稳定后再按回车。"))
        if not self._add(grams, manual=False):
            return False
        self._taken = True
        return True

    def add_manual(self) -> bool:
        """The typed gross weight as a crate, marked 手工."""
        try:
            grams = Grams.parse(self.manual.text(), default_unit=self.unit).grams
        except UserError as error:
            self.say(user_message(error))
            self.manual.setFocus()
            return False
        if grams <= 0:
            return self.say(self.tr("毛重必须大于0。"))
        if self._add(grams, manual=True):
            self.manual.clear()
            return True
        return False

    def _add(self, gross: int, *, manual: bool) -> bool:
        try:
            tare = self.tare_grams()
        except UserError as error:
            self.say(user_message(error))
            self.tare.setFocus()
            return False
        self.crates.append(Crate(gross, tare, manual))
        self.message.clear_error()
        self._bad_row = None
        self._fill_table()
        self.table.scrollToBottom()
        self.changed.emit()
        return True

    def delete_selected(self) -> None:
        """The selected crate, or the last one when none is selected."""
        if not self.crates:
            return
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.crates):
            row = len(self.crates) - 1
        del self.crates[row]
        self._bad_row = None
        self.message.clear_error()
        self._fill_table()
        self.changed.emit()

    def clear(self) -> None:
        self.crates.clear()
        self._bad_row = None
        self._taken = True  # the last crate is still on the scale
        self.manual.clear()
        self.message.clear_error()
        if not self.tare_lock.isChecked():
            self.tare.clear()
        self._fill_table()
        self.changed.emit()

    def weighings(self) -> list[WeighingInput]:
        return [crate.weighing() for crate in self.crates]

    # --- showing -----------------------------------------------------------------------

    def _fill_table(self) -> None:
        rows, tones = [], []
        for number, crate in enumerate(self.crates, start=1):
            rows.append(
                Row(
                    (
                        str(number),
                        self.fmt(crate.gross_g),
                        self.fmt(crate.tare_g),
                        self.fmt(crate.gross_g - crate.tare_g),
                        self.tr("手工") if crate.manual else self.tr("秤"),
                    ),
                    key=str(number),
                )
            )
            bad = number - 1 == self._bad_row
            tones.append(
                dict.fromkeys(range(5), RED) if bad else ({4: ORANGE} if crate.manual else {})
            )
        self.model.set_toned_rows(rows, tones)
        self._paint_bad_row()

    def _paint_bad_row(self) -> None:
        if self._bad_row is not None and 0 <= self._bad_row < len(self.crates):
            self.table.selectRow(self._bad_row)

    def mark_row(self, row: int | None, text: str) -> None:
        """A refused crate: red in the list, selected, the reason above the list."""
        self._bad_row = row
        self._fill_table()
        self.say(text)

    @property
    def bad_row(self) -> int | None:
        return self._bad_row

    def row_colour(self, row: int) -> QColor | None:
        brush = self.model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole)
        return brush.color() if isinstance(brush, QBrush) else None

    def say(self, text: str) -> bool:
        self.message.show_text(text)
        return False

    def start(self) -> None:
        self.display.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- keys --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & Qt.KeyboardModifier.ControlModifier:
            return False  # Ctrl+Enter belongs to the form: save
        if watched is self.display and key in _WEIGH_KEYS:
            self.weigh()
            return True
        if watched in (self.display, self.table) and key == Qt.Key.Key_Delete:
            self.delete_selected()
            return True
        if watched is self.manual and key in _ENTER_KEYS:
            if self.manual.text().strip():
                self.add_manual()
            else:
                self.start()
            return True
        if watched is self.tare and key in _ENTER_KEYS:
            self.start()
            return True
        return False
