"""A page that says, in plain words, what will be here in a later release.

Keepers see the whole shape of the app from day one, and nobody wonders whether a blank
screen is a fault.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, coming: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.coming = QLabel(coming, self)
        self.coming.setWordWrap(True)
        self.later = QLabel(self.tr("—— 下一版本提供"), self)
        self.later.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(self.title)
        layout.addWidget(self.coming)
        layout.addWidget(self.later)
        layout.addStretch(1)
        for label in (self.title, self.coming, self.later):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
