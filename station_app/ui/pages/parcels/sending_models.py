"""The 寄件 list: today's and still-open shipments, with a tick for the driver's batch.

Names and phones come from the core already masked (``ShipmentView``): the full number
is only ever in the form being typed, never in a list someone else can read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from station_app.core.db.shipment_models import PaymentMethod, ShipmentStatus
from station_app.core.parcels.sending import ShipmentView
from station_app.ui.models import Index
from station_app.ui.text import format_local_time

_DIMMED = QBrush(QColor("#888888"))
_OPEN = QBrush(QColor("#1565c0"))


def status_name(status: ShipmentStatus) -> str:
    names = {
        ShipmentStatus.ACCEPTED: QCoreApplication.translate("sending", "已收件"),
        ShipmentStatus.COLLECTED: QCoreApplication.translate("sending", "已揽收"),
        ShipmentStatus.CANCELLED: QCoreApplication.translate("sending", "已取消"),
    }
    return names[status]


def payment_name(method: PaymentMethod) -> str:
    names = {
        PaymentMethod.CASH: QCoreApplication.translate("sending", "现金"),
        PaymentMethod.WECHAT: QCoreApplication.translate("sending", "微信"),
        PaymentMethod.ALIPAY: QCoreApplication.translate("sending", "支付宝"),
        PaymentMethod.BANK: QCoreApplication.translate("sending", "银行卡"),
        PaymentMethod.OWED: QCoreApplication.translate("sending", "赊账"),
    }
    return names[method]


def destination(view: ShipmentView) -> str:
    """广东省深圳市: province and city as written on a waybill."""
    return f"{view.province}{view.city}"


@dataclass(frozen=True)
class ShipmentEntry:
    view: ShipmentView
    courier_name: str
    ticked: bool = False

    @property
    def is_open(self) -> bool:
        return self.view.status is ShipmentStatus.ACCEPTED


class ShipmentsModel(QAbstractTableModel):
    """Rows of shipments; column 0 is a tick, offered only on those still at the station."""

    TICK, STATUS, TRACKING = 0, 1, 9

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ShipmentEntry] = []
        self._headers = [
            QCoreApplication.translate("sending", "揽收"),
            QCoreApplication.translate("sending", "状态"),
            QCoreApplication.translate("sending", "快递公司"),
            QCoreApplication.translate("sending", "寄往"),
            QCoreApplication.translate("sending", "收件人"),
            QCoreApplication.translate("sending", "电话"),
            QCoreApplication.translate("sending", "重量"),
            QCoreApplication.translate("sending", "运费"),
            QCoreApplication.translate("sending", "付款"),
            QCoreApplication.translate("sending", "快递单号"),
            QCoreApplication.translate("sending", "收件时间"),
        ]

    def set_entries(self, entries: list[ShipmentEntry]) -> None:
        """Replace the rows, keeping the ticks of shipments that are still open."""
        ticked = {e.view.uid for e in self._entries if e.ticked}
        self.beginResetModel()
        self._entries = [replace(e, ticked=e.is_open and e.view.uid in ticked) for e in entries]
        self.endResetModel()

    def entries(self) -> list[ShipmentEntry]:
        return list(self._entries)

    def entry(self, row: int) -> ShipmentEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, uid: str) -> int | None:
        return next((i for i, e in enumerate(self._entries) if e.view.uid == uid), None)

    def ticked(self) -> list[ShipmentEntry]:
        """The batch the driver is taking, in list order: the order to scan them in."""
        return [e for e in self._entries if e.ticked and e.is_open]

    def set_ticked(self, row: int, ticked: bool) -> None:
        entry = self.entry(row)
        if entry is None or not entry.is_open:
            return
        self._entries[row] = replace(entry, ticked=ticked)
        index = self.index(row, self.TICK)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def tick_all_open(self) -> None:
        for row, entry in enumerate(self._entries):
            if entry.is_open and not entry.ticked:
                self.set_ticked(row, True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TICK and entry.is_open:
            return Qt.CheckState.Checked if entry.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and column > self.TICK:
            return self._cells(entry)[column - 1]
        if role == Qt.ItemDataRole.ForegroundRole:
            return _OPEN if entry.is_open and column == self.STATUS else self._dim(entry)
        return None

    @staticmethod
    def _dim(entry: ShipmentEntry) -> QBrush | None:
        return None if entry.is_open else _DIMMED

    @staticmethod
    def _cells(entry: ShipmentEntry) -> tuple[str, ...]:
        view = entry.view
        return (
            status_name(view.status),
            entry.courier_name,
            destination(view),
            view.recipient_name,
            view.recipient_phone,
            view.weight.format("kg"),
            view.fee.format(),
            payment_name(view.payment_method),
            view.courier_tracking_number or "",
            format_local_time(view.accepted_at)[5:16],
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.TICK:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.set_ticked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TICK and entry.is_open:
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
