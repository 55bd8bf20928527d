"""Finding a farmer without the mouse: type part of the name, the pinyin initials (zs for
张三) or the last four digits of the phone, Down/Up through the matches, Enter picks.

The list pops up under the line edit but never takes the focus, so the keeper's typing
always lands in the line edit; Esc closes it. A click on a match picks it too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from station_app.core.produce.farmers import FarmerView
from station_app.core.store import Store
from station_app.ui.pages.produce.text import household_name, household_tone

Search = Callable[[str], Sequence[FarmerView]]
SHOWN = 8
"""Matches in view at once; more scroll (a shop PC's screen has no room for a long list)."""

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def farmer_line(farmer: FarmerView) -> str:
    """One match as the list shows it: name, masked phone, status."""
    parts = [farmer.name, farmer.masked_phone or "", household_name(farmer.household)]
    return "　".join(part for part in parts if part)


class FarmerPicker(QWidget):
    """Emits ``picked(FarmerView)`` on Enter or a click on a match.

    ``search`` answers the matches of a text (``ProduceRecordsController.search_farmers``);
    :meth:`for_store` builds one that reads the store itself.
    """

    picked = Signal(object)
    cleared = Signal()
    """The keeper changed the text after a pick: no farmer is chosen any more."""

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._matches: list[FarmerView] = []
        self.farmer: FarmerView | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("农户姓名、拼音首字母（如 zs）或手机后4位"))
        self.edit.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.popup = QListWidget(self)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setStyleSheet("QListWidget { border: 1px solid #888; }")
        self.popup.hide()
        self.destroyed.connect(self.popup.deleteLater)  # it may live in the window
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_edited)
        self.popup.itemClicked.connect(lambda item: self._pick(self.popup.row(item)))

    @classmethod
    def for_store(cls, store: Store, parent: QWidget | None = None) -> FarmerPicker:
        from station_app.core.produce import farmers

        def search(text: str) -> list[FarmerView]:
            with store.reading() as session:
                return list(farmers.search(session, text, SHOWN * 4))

        return cls(search, parent)

    # --- what the page asks ---------------------------------------------------------

    def matches(self) -> list[FarmerView]:
        return list(self._matches)

    def current_row(self) -> int:
        return self.popup.currentRow()

    def clear(self) -> None:
        """Ready for the next farmer."""
        self.edit.clear()
        self._matches = []
        self.farmer = None
        self.popup.hide()

    def set_farmer(self, farmer: FarmerView) -> None:
        """Show ``farmer`` as picked (after registering one, say) without emitting."""
        self.farmer = farmer
        self.edit.setText(farmer_line(farmer))
        self.popup.hide()

    # --- typing ----------------------------------------------------------------------

    def _on_edited(self, text: str) -> None:
        if self.farmer is not None:
            self.farmer = None
            self.cleared.emit()
        self.search_now(text)

    def search_now(self, text: str | None = None) -> None:
        typed = (self.edit.text() if text is None else text).strip()
        self._matches = list(self._search(typed)) if typed else []
        self.popup.clear()
        for farmer in self._matches:
            item = QListWidgetItem(farmer_line(farmer))
            item.setSizeHint(QSize(0, self.edit.height()))
            tone = household_tone(farmer.household)
            if tone:
                item.setForeground(QBrush(QColor(tone)))
            self.popup.addItem(item)
        if not self._matches:
            self.popup.hide()
            return
        self.popup.setCurrentRow(0)
        self._place_popup()
        self.popup.show()

    def _place_popup(self) -> None:
        """Over the window's other widgets, under the line edit (above it when the
        window has no room below): a child of the window, never a window of its own."""
        host = self.window()
        if self.popup.parentWidget() is not host:
            self.popup.setParent(host)
        rows = min(len(self._matches), SHOWN)
        width = min(max(self.edit.width(), 360), host.width())
        height = self.edit.height() * rows + 2 * self.popup.frameWidth()
        self.popup.setFixedSize(width, height)
        top_left = self.edit.mapTo(host, QPoint(0, 0))
        below = top_left.y() + self.edit.height()
        y = below if below + height <= host.height() else max(0, top_left.y() - height)
        x = min(top_left.x(), host.width() - width)
        self.popup.move(x, y)
        self.popup.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit:
            return False
        if event.type() == QEvent.Type.FocusOut:
            self.popup.hide()
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Down:
            if not self.popup.isVisible():
                self.search_now()
            else:
                self._move(+1)
            return True
        if key == Qt.Key.Key_Up and self.popup.isVisible():
            self._move(-1)
            return True
        if key == Qt.Key.Key_Escape and self.popup.isVisible():
            self.popup.hide()
            return True
        if key in _ENTER_KEYS and self.popup.isVisible() and self._matches:
            self._pick(self.popup.currentRow())
            return True
        return False

    def _move(self, step: int) -> None:
        count = len(self._matches)
        if count:
            self.popup.setCurrentRow((self.popup.currentRow() + step) % count)

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self._matches):
            return
        farmer = self._matches[row]
        self.set_farmer(farmer)
        self.picked.emit(farmer)

    def hideEvent(self, event: QHideEvent) -> None:
        self.popup.hide()
        super().hideEvent(event)
