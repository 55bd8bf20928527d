"""The check-in batch settings: which shelf and tier the parcels go to, and whether the
whole batch is one courier's; and whether each parcel's label is printed.

A courier's van brings one courier's parcels, put on one tier; choosing that once, at
the top, saves a choice on every scan. The settings stay until the keeper changes them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from station_app.core.couriers import Courier
from station_app.ui.controllers.parcels import ShelfInfo
from station_app.ui.widgets import set_style

AUTO = ""


class BatchBar(QWidget):
    def __init__(self, couriers: list[Courier], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout: list[ShelfInfo] = []
        self.shelf = QComboBox(self)
        self.tier = QComboBox(self)
        self.courier = QComboBox(self)
        self.courier.addItem(self.tr("自动识别"), AUTO)
        for courier in couriers:
            self.courier.addItem(courier.name, courier.code)
        self.print_labels = QCheckBox(self.tr("入库后打印标签"), self)
        self.queue_label = QLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for text, combo in (
            (self.tr("货架"), self.shelf),
            (self.tr("层"), self.tier),
            (self.tr("本批快递公司"), self.courier),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            row.addSpacing(12)
        row.addWidget(self.print_labels)
        row.addStretch(1)
        row.addWidget(self.queue_label)
        self.shelf.currentIndexChanged.connect(self._fill_tiers)
        self.set_queue_length(0)

    def set_layout(self, layout: list[ShelfInfo]) -> None:
        """Offer the shelves as laid out, keeping the current choice if it still exists."""
        if layout == self._layout:
            return
        current, tier = self.shelf_code(), self.tier_number()
        self._layout = list(layout)
        self.shelf.blockSignals(True)
        self.shelf.clear()
        for info in layout:
            self.shelf.addItem(self.tr("{shelf}号").format(shelf=info.code), info.code)
        found = self.shelf.findData(current)
        self.shelf.setCurrentIndex(max(found, 0))
        self.shelf.blockSignals(False)
        self._fill_tiers()
        self.tier.setCurrentIndex(max(self.tier.findData(tier), 0))

    def _fill_tiers(self) -> None:
        index = self.shelf.currentIndex()
        tiers = self._layout[index].tiers if 0 <= index < len(self._layout) else 0
        self.tier.clear()
        for tier in range(1, tiers + 1):
            self.tier.addItem(self.tr("第{tier}层").format(tier=tier), tier)

    def shelf_code(self) -> str:
        return self.shelf.currentData() or ""

    def tier_number(self) -> int:
        return self.tier.currentData() or 0

    def fixed_courier(self) -> str:
        """The batch's courier code, or ``AUTO`` (empty) to recognise each number."""
        return self.courier.currentData() or AUTO

    def set_queue_length(self, length: int) -> None:
        self.queue_label.setText(self.tr("排队待处理：{count}").format(count=length))
        set_style(self.queue_label, "font-weight: bold; color: #c62828;" if length else "")
