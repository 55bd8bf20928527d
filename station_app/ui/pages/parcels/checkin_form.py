"""The fields under the pending parcel: phone, name, consent; and the 重新入库 prompt.

Kept apart from the tab's flow so the flow reads as "scan, phone, commit" and the
widgets' wiring lives here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from station_app.ui.messages import ErrorLabel
from station_app.ui.widgets import big_button


class ArrivalForm(QWidget):
    """单号 (for typing a number the scanner cannot read), 电话, 收件人, 已同意代收."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracking = QLineEdit(self)
        self.tracking.setPlaceholderText(self.tr("扫不出时手输单号，按回车"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("手机号、后4位、138****1234 或 转分机"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("可不填"))
        self.consent = QCheckBox(self.tr("已同意代收"), self)
        self.commit_button = big_button(self.tr("入库 (回车)"), self)
        self.error = ErrorLabel(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (text, edit) in enumerate(
            (
                (self.tr("单号"), self.tracking),
                (self.tr("电话"), self.phone),
                (self.tr("收件人"), self.name),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            grid.addWidget(label, 0, column)
            grid.addWidget(edit, 1, column)
        grid.addWidget(self.consent, 1, 3)
        grid.addWidget(self.commit_button, 1, 4)
        grid.addWidget(self.error, 2, 0, 1, 5)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.phone.textEdited.connect(lambda _text: self.error.clear_error())

    def consent_value(self) -> bool | None:
        """Ticked means the villager agreed; unticked means "not asked" (None)."""
        return True if self.consent.isChecked() else None

    def clear_recipient(self) -> None:
        self.phone.clear()
        self.name.clear()
        self.consent.setChecked(False)


class ConfirmBar(QFrame):
    """An inline question (no modal box: scans keep queueing while it waits)."""

    confirmed = Signal()
    given_up = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmBar")
        self.setStyleSheet("#confirmBar { background: #fff8e1; border: 1px solid #f0c36d; }")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.again_button: QPushButton = big_button(self.tr("重新入库"), self)
        self.give_up_button: QPushButton = big_button(self.tr("放弃"), self)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.again_button)
        row.addWidget(self.give_up_button)
        self.again_button.clicked.connect(self.confirmed)
        self.give_up_button.clicked.connect(self.given_up)
        self.hide()

    def ask(self, text: str) -> None:
        self.text.setText(text)
        self.show()
        self.again_button.setFocus()
