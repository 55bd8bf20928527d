"""The parcel being checked in, shown big: its number and the courier to confirm.

Many couriers share the same all-digit number shapes, so the guess is shown with its
rivals first in the list; F2 moves to the next rival without leaving the phone field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station_app.core.couriers import Courier, Recognition
from station_app.core.errors import CONTEXT
from station_app.ui.pages.parcels.models import code_font
from station_app.ui.widgets import set_style

TRACKING_POINTS = 20


class PendingPanel(QFrame):
    def __init__(self, couriers: list[Courier], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingPanel")
        self.setStyleSheet("#pendingPanel { border: 2px solid #1565c0; border-radius: 6px; }")
        self._couriers = couriers
        self._candidates: list[str] = []
        self.tracking = QLabel(self)
        self.tracking.setFont(code_font(TRACKING_POINTS))
        self.tracking.setFixedHeight(_tallest(self.tracking, ["请扫描快递单号", "JT0123456789"]))
        self.courier = QComboBox(self)
        self.courier.setMinimumContentsLength(10)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #555;")
        self.warning = QLabel(self)
        self.warning.setStyleSheet("color: #e65100;")
        self.warning.setWordWrap(True)
        # Room kept for the warning even when there is none, so a scan with a warning
        # and one without do not re-lay out the tab.
        self.warning.setFixedHeight(self.warning.fontMetrics().lineSpacing() * 2)
        top = QHBoxLayout()
        top.addWidget(self.tracking, 1)
        top.addWidget(QLabel(self.tr("快递公司"), self))
        top.addWidget(self.courier)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.warning)
        self.clear()

    def clear(self) -> None:
        self._candidates = []
        self.tracking.setText(self.tr("请扫描快递单号"))
        set_style(self.tracking, "color: #888;")
        self.courier.clear()
        self.courier.setEnabled(False)
        self.hint.setText(self.tr("扫码后输入电话按回车入库；扫下一件也会自动入库上一件。"))
        self.warning.clear()

    def show_parcel(self, recognition: Recognition, fixed: str) -> None:
        """Show the number; preselect the batch courier if fixed, else the best guess."""
        self.tracking.setText(recognition.tracking_number)
        set_style(self.tracking, "color: #0d47a1;")
        self._candidates = [c.courier.code for c in recognition.candidates]
        self._fill_couriers(fixed or recognition.best.code)
        self.courier.setEnabled(True)
        self._show_hint(recognition, fixed)
        warnings = [QCoreApplication.translate(CONTEXT, w) for w in recognition.warnings]
        self.warning.setText("\n".join(warnings))

    def _fill_couriers(self, selected: str) -> None:
        """Candidates first (in rank order), then every other courier."""
        self.courier.clear()
        by_code = {c.code: c for c in self._couriers}
        order = [code for code in self._candidates if code in by_code]
        order += [c.code for c in self._couriers if c.code not in order]
        for code in order:
            self.courier.addItem(by_code[code].name, code)
        self.courier.setCurrentIndex(max(self.courier.findData(selected), 0))

    def _show_hint(self, recognition: Recognition, fixed: str) -> None:
        if fixed:
            self.hint.setText(self.tr("本批快递公司已固定。"))
        elif len(self._candidates) > 1 and not recognition.is_certain:
            self.hint.setText(
                self.tr("可能是{count}家快递公司之一，请核对；按 F2 换下一个。").format(
                    count=len(self._candidates)
                )
            )
        elif not self._candidates:
            self.hint.setText(self.tr("认不出快递公司，请在右边选择。"))
        else:
            self.hint.setText(self.tr("输入电话后按回车入库。"))

    def cycle(self) -> None:
        """F2: the next candidate courier (round and round), or the next in the list."""
        current = self.courier_code()
        if len(self._candidates) > 1 and current in self._candidates:
            following = self._candidates[
                (self._candidates.index(current) + 1) % len(self._candidates)
            ]
            self.courier.setCurrentIndex(self.courier.findData(following))
        elif self.courier.count():
            self.courier.setCurrentIndex((self.courier.currentIndex() + 1) % self.courier.count())

    def courier_code(self) -> str:
        return self.courier.currentData() or ""


def _tallest(label: QLabel, samples: list[str]) -> int:
    """The label's height for the tallest sample: Chinese and Latin text are drawn
    from different fonts of different heights, and a label whose height follows its
    text re-lays out the whole tab on every scan."""
    heights = []
    for sample in samples:
        label.setText(sample)
        heights.append(label.sizeHint().height())
    label.clear()
    return max(heights)
