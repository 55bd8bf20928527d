"""A text table whose single cells can stand out (a household status, a lot's state),
for the 农户, 批次 and 报表 tabs; the rows are ``ui.models.Row`` as everywhere else."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from station_app.ui.models import Row, RowsModel

Index = QModelIndex | QPersistentModelIndex
CellTones = dict[int, str]
"""Column → text colour of one row's cells that need the keeper's eye."""


class ToneRowsModel(RowsModel):
    """``RowsModel`` with a colour per cell and bold rows (a table's 合计)."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self._tones: list[CellTones] = []
        self._bold: set[int] = set()
        self._right: set[int] = set()

    def set_header(self, column: int, text: str) -> None:
        """A breakdown's first column says what it groups by (日期, 农户, 村 …)."""
        if self._headers[column] != text:
            self._headers[column] = text
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def align_right(self, *columns: int) -> None:
        """Numbers line up on their last digit."""
        self._right = set(columns)

    def set_toned_rows(
        self, rows: list[Row], tones: list[CellTones] | None = None, bold: set[int] | None = None
    ) -> None:
        self._tones = list(tones) if tones is not None else [{} for _ in rows]
        self._bold = set(bold or ())
        self.set_rows(rows)

    def cell(self, row: int, column: int) -> str:
        return str(self.index(row, column).data())

    def tone(self, row: int, column: int) -> str | None:
        return self._tones[row].get(column) if 0 <= row < len(self._tones) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self._tones):
            if role == Qt.ItemDataRole.ForegroundRole:
                tone = self._tones[index.row()].get(index.column())
                if tone:
                    return QBrush(QColor(tone))
            if role == Qt.ItemDataRole.ToolTipRole:
                return super().data(index, Qt.ItemDataRole.DisplayRole)
            if role == Qt.ItemDataRole.FontRole and (
                index.row() in self._bold or index.column() in self._tones[index.row()]
            ):
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


def fit_columns(table: QTableView) -> None:
    """Columns share the width evenly (a wide one would leave the rest cramped), none
    narrower than its header; a cell too long for its column shows whole as a tooltip."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    model = table.model()
    widest = max(
        (
            header.fontMetrics().horizontalAdvance(
                str(model.headerData(column, Qt.Orientation.Horizontal))
            )
            for column in range(model.columnCount())
        ),
        default=0,
    )
    header.setMinimumSectionSize(widest + 16)
