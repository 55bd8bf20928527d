"""Table models for the 快递 page: parcel lists with the pickup code in big bold type,
and the pickup list whose rows the keeper ticks and confirms by scanning.

The pickup code is what the keeper writes on the parcel and reads aloud, so it is the
one cell drawn large; everything else stays at the app's reading size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from station_app.core.db.models import ParcelStatus
from station_app.core.parcels.views import ParcelView
from station_app.ui.models import Index, Row, RowsModel
from station_app.ui.text import format_local_time

CODE_POINTS = 24
_CONFIRMED = QBrush(QColor("#2e7d32"))


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their contents (a pickup code is never elided), the last fills.

    Only the rows in view are measured: measuring every row made each scan cost more
    than the one before in a long session."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(0)
    header.setStretchLastSection(True)


WIDEST_CELLS = (
    "A-3-0156",
    "JT00000000000000000",
    "中国邮政EMS",
    "17012345678转1234",
    "10号货架第4层",
    "2026-11-23 14:05",
    "已取走",
)
"""The widest text each parcel column shows, for lists sized once instead of measured."""


def size_columns_once(table: QTableView) -> None:
    """Columns wide enough for the widest text they will hold, fixed.

    For the check-in session list, which grows by one row per scan: measuring contents
    made every insert ask the model for every visible cell again, a few milliseconds of
    each scan at the counter."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    model = table.model()
    body = QFontMetrics(table.font())
    pad = body.horizontalAdvance("MM")
    for column, text in enumerate(WIDEST_CELLS[: model.columnCount()]):
        metrics = QFontMetrics(code_font()) if column == 0 else body
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header_width = QFontMetrics(header.font()).horizontalAdvance(title)
        table.setColumnWidth(column, max(metrics.horizontalAdvance(text), header_width) + pad)


def code_font(points: int = CODE_POINTS) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(True)
    return font


def status_name(status: ParcelStatus) -> str:
    names = {
        ParcelStatus.ON_SHELF: QCoreApplication.translate("parcels", "在架"),
        ParcelStatus.PICKED_UP: QCoreApplication.translate("parcels", "已取走"),
        ParcelStatus.RETURNED: QCoreApplication.translate("parcels", "已退件"),
        ParcelStatus.LOST: QCoreApplication.translate("parcels", "已丢失"),
    }
    return names[status]


def location_text(view: ParcelView) -> str:
    return QCoreApplication.translate("parcels", "{shelf}号货架第{tier}层").format(
        shelf=view.shelf, tier=view.tier
    )


class CodeRowsModel(RowsModel):
    """Text rows whose first column (the pickup code) is drawn big and bold."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self._code_font = code_font()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == 0:
            return self._code_font
        return super().data(index, role)


def parcel_headers() -> list[str]:
    return [
        QCoreApplication.translate("parcels", "取件码"),
        QCoreApplication.translate("parcels", "单号"),
        QCoreApplication.translate("parcels", "快递公司"),
        QCoreApplication.translate("parcels", "电话"),
        QCoreApplication.translate("parcels", "位置"),
        QCoreApplication.translate("parcels", "入库时间"),
        QCoreApplication.translate("parcels", "状态"),
    ]


def parcel_row(view: ParcelView, courier_name: str) -> Row:
    """One parcel as the lists show it; gone parcels are greyed."""
    return Row(
        (
            view.pickup_code,
            view.tracking_number,
            courier_name,
            view.phone_masked,
            location_text(view),
            format_local_time(view.checked_in_at)[:16],
            status_name(view.status),
        ),
        key=view.uid,
        dimmed=view.status is not ParcelStatus.ON_SHELF,
    )


@dataclass(frozen=True)
class PickupEntry:
    view: ParcelView
    courier_name: str
    checked: bool = True
    scanned: str | None = None


class PickupModel(QAbstractTableModel):
    """The parcels one villager is about to take: tick boxes, and 已核对 once scanned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[PickupEntry] = []
        self._code_font = code_font()
        self._headers = [
            QCoreApplication.translate("parcels", "取"),
            QCoreApplication.translate("parcels", "取件码"),
            QCoreApplication.translate("parcels", "单号"),
            QCoreApplication.translate("parcels", "快递公司"),
            QCoreApplication.translate("parcels", "电话"),
            QCoreApplication.translate("parcels", "位置"),
            QCoreApplication.translate("parcels", "核对"),
        ]

    def set_entries(self, entries: list[PickupEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[PickupEntry]:
        return list(self._entries)

    def row_of_tracking(self, tracking: str) -> int | None:
        return next(
            (i for i, e in enumerate(self._entries) if e.view.tracking_number == tracking), None
        )

    def confirm(self, row: int, scanned: str) -> None:
        """Mark ``row`` as checked by its scanned waybill (and tick it)."""
        self._entries[row] = replace(self._entries[row], checked=True, scanned=scanned)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def scans(self) -> dict[str, str | None]:
        """What ``hand_over`` takes: each ticked parcel → its scanned waybill or None."""
        return {e.view.uid: e.scanned for e in self._entries if e.checked}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if entry.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and column > 0:
            return self._cells(entry)[column - 1]
        if role == Qt.ItemDataRole.FontRole and column == 1:
            return self._code_font
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and entry.scanned:
            return _CONFIRMED
        return None

    @staticmethod
    def _cells(entry: PickupEntry) -> tuple[str, ...]:
        view = entry.view
        confirmed = QCoreApplication.translate("parcels", "已核对")
        waiting = QCoreApplication.translate("parcels", "待扫码核对")
        return (
            view.pickup_code,
            view.tracking_number,
            entry.courier_name,
            view.phone_masked,
            location_text(view),
            confirmed if entry.scanned else waiting,
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        row = index.row()
        self._entries[row] = replace(self._entries[row], checked=checked)
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

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
