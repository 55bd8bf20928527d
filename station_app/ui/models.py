"""Read-only table models for the lists on the screens (operators, ledger entries).

One small model that holds already-formatted rows: the formatting happens once, when the
rows are set, and the view only asks for text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from station_app.core.operators import OperatorInfo
from station_app.ui.controllers.settings import LedgerRow
from station_app.ui.text import event_type_name, format_local_time, role_name

Index = QModelIndex | QPersistentModelIndex
_DIMMED = QBrush(QColor("#888888"))


@dataclass(frozen=True)
class Row:
    """One table row: its cells as text, the key that names it, and whether to grey it."""

    cells: tuple[str, ...]
    key: str
    dimmed: bool = False
    tone: str | None = None
    """A text colour (``#c62828``) for rows that need the keeper's attention."""


class RowsModel(QAbstractTableModel):
    """A flat table of text rows with fixed column headers."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def prepend(self, row: Row) -> None:
        """Newest first, without a reset: the view only lays out the one new row, so a
        session list of hundreds of scans costs the same per scan as one of ten."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()

    def key_at(self, row: int) -> str | None:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.key == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.dimmed:
            return _DIMMED
        if role == Qt.ItemDataRole.ForegroundRole and row.tone:
            return QBrush(QColor(row.tone))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


def operators_model(parent: QObject | None = None) -> RowsModel:
    return RowsModel(
        [
            QCoreApplication.translate("models", "登录名"),
            QCoreApplication.translate("models", "姓名"),
            QCoreApplication.translate("models", "角色"),
            QCoreApplication.translate("models", "状态"),
        ],
        parent,
    )


def operator_rows(infos: list[OperatorInfo]) -> list[Row]:
    active = QCoreApplication.translate("models", "可用")
    inactive = QCoreApplication.translate("models", "已停用")
    return [
        Row(
            (
                info.login,
                info.display_name,
                role_name(info.role),
                active if info.active else inactive,
            ),
            key=info.login,
            dimmed=not info.active,
        )
        for info in infos
    ]


def ledger_model(parent: QObject | None = None) -> RowsModel:
    return RowsModel(
        [
            QCoreApplication.translate("models", "序号"),
            QCoreApplication.translate("models", "时间（北京时间）"),
            QCoreApplication.translate("models", "事项"),
            QCoreApplication.translate("models", "操作员"),
        ],
        parent,
    )


def ledger_rows(entries: list[LedgerRow]) -> list[Row]:
    return [
        Row(
            (
                str(entry.seq),
                format_local_time(entry.occurred_at),
                event_type_name(entry.event_type),
                entry.operator,
            ),
            key=str(entry.seq),
        )
        for entry in entries
    ]
