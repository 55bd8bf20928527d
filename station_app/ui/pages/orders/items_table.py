"""The order's items as a small spreadsheet the keeper fills in without the mouse.

Type in a cell, Enter (or Tab) goes on to the next one, and past the last column to
the next row; typing in the last row adds a new empty one, so there is always a row to
go on with. 平台 is a list (arrow keys choose, Enter takes it); a new row starts on the
platform of the row above, since one villager's goods usually come from one shop.
Ctrl+Delete removes the current row. 小计 is worked out by the core as the keeper types.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from station_app.core.db.order_models import Platform
from station_app.core.errors import UserError
from station_app.core.money import Fen
from station_app.core.orders.forms import ItemForm, preview
from station_app.ui.pages.orders.names import platform_name

Index = QModelIndex | QPersistentModelIndex
DESCRIPTION, PLATFORM, QUANTITY, PRICE, SUBTOTAL = range(5)
EDITABLE = (DESCRIPTION, PLATFORM, QUANTITY, PRICE)
DEFAULT_PLATFORM = Platform.PINDUODUO.value


def _blank(platform: str = DEFAULT_PLATFORM) -> list[str]:
    return ["", platform, "1", ""]


def _as_money(text: str) -> str:
    """98.5 reads as 98.50, like every other amount; what does not read stays as typed
    (the core says what is wrong with it)."""
    try:
        return Fen.parse(text).format() if text.strip() else ""
    except UserError:
        return text


class ItemsModel(QAbstractTableModel):
    """Rows as typed (text), the platform as its code; always one empty row at the end."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = [_blank()]
        self._headers = [
            QCoreApplication.translate("OrdersPage", "商品名称"),
            QCoreApplication.translate("OrdersPage", "平台"),
            QCoreApplication.translate("OrdersPage", "数量"),
            QCoreApplication.translate("OrdersPage", "单价（元）"),
            QCoreApplication.translate("OrdersPage", "小计"),
        ]

    # --- what the form reads --------------------------------------------------------

    def filled_rows(self) -> list[int]:
        """The rows the keeper typed something in (an untouched row is no item)."""
        return [row for row, cells in enumerate(self._rows) if not self._is_blank(cells)]

    def item_forms(self) -> list[ItemForm]:
        return [self._form(self._rows[row]) for row in self.filled_rows()]

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = [_blank()]
        self.endResetModel()

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows) or len(self._rows) == 1:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        if not self._is_blank(self._rows[-1]):
            self._append_blank()

    @staticmethod
    def _is_blank(cells: list[str]) -> bool:
        return not cells[DESCRIPTION].strip() and not cells[PRICE].strip()

    @staticmethod
    def _form(cells: list[str]) -> ItemForm:
        return ItemForm(cells[DESCRIPTION], cells[PLATFORM], cells[QUANTITY], cells[PRICE])

    def _subtotal(self, cells: list[str]) -> str:
        if self._is_blank(cells) or not cells[PRICE].strip():
            return ""
        shown = preview([self._form(cells)], "", "")
        return "" if shown.error is not None else shown.items_total.format(symbol=True)

    def _append_blank(self) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(_blank(self._rows[-1][PLATFORM]))
        self.endInsertRows()

    # --- Qt's model interface -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return cells[column]
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, PRICE, SUBTOTAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == PLATFORM:
            return platform_name(Platform(cells[PLATFORM]))
        if column == SUBTOTAL:
            return self._subtotal(cells)
        if column == PRICE:
            return _as_money(cells[PRICE])
        return cells[column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() not in EDITABLE:
            return False
        if self._rows[index.row()][index.column()] == str(value):
            return True  # an editor closing unchanged: nothing to recompute or clear
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), SUBTOTAL))
        if index.row() == len(self._rows) - 1 and not self._is_blank(self._rows[-1]):
            self._append_blank()
        elif index.column() == PLATFORM and index.row() == len(self._rows) - 2:
            self._rows[-1][PLATFORM] = str(value)  # the empty row follows the one above
            below = self.index(len(self._rows) - 1, PLATFORM)
            self.dataChanged.emit(below, below)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class ItemDelegate(QStyledItemDelegate):
    """Line edits for text, a list for the platform; Enter commits and goes on."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != PLATFORM:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for platform in Platform:
            combo.addItem(platform_name(platform), platform.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, QWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class ItemsTable(QTableView):
    """Moves like a form: next cell, then the next row's first, skipping 小计."""

    def __init__(self, model: ItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.items_model = model
        self.setItemDelegate(ItemDelegate(self))
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            triggers.CurrentChanged
            | triggers.AnyKeyPressed
            | triggers.DoubleClicked
            | triggers.EditKeyPressed
            | triggers.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance("供销e家一二")
        for column, factor in ((PLATFORM, 1.6), (QUANTITY, 1.0), (PRICE, 1.4), (SUBTOTAL, 1.4)):
            header.resizeSection(column, int(width * factor))

    def moveCursor(
        self,
        cursorAction: QAbstractItemView.CursorAction,  # noqa: N803 - Qt's signature
        modifiers: Qt.KeyboardModifier,
    ) -> QModelIndex:
        current = self.currentIndex()
        model = self.items_model
        action = QAbstractItemView.CursorAction
        if current.isValid() and cursorAction == action.MoveNext and current.column() >= PRICE:
            return model.index(min(current.row() + 1, model.rowCount() - 1), DESCRIPTION)
        if current.isValid() and cursorAction == action.MovePrevious and current.column() == 0:
            return model.index(max(current.row() - 1, 0), PRICE)
        return super().moveCursor(cursorAction, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Delete
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.items_model.remove_row(self.currentIndex().row())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            following = self.moveCursor(
                QAbstractItemView.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier
            )
            self.setCurrentIndex(following)
            return
        super().keyPressEvent(event)

    def start(self) -> None:
        """Put the cursor in the first empty description, ready to type."""
        row = len(self.items_model.filled_rows())
        self.setFocus()
        self.setCurrentIndex(self.items_model.index(min(row, self.items_model.rowCount() - 1), 0))
