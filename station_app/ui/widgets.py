"""Small building blocks shared by the forms: a labelled field with its own error line,
and the big, plain buttons keepers can hit without aiming."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.ui.messages import ErrorLabel


def set_style(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes: each set restyles and re-lays out the
    widget, which at a scan per second was a third of the scan's cost on screen."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class Field(QWidget):
    """A line edit with an optional hint under it and a red error line under that.

    Each field owns its error line so the message sits where the mistake is, instead of
    in a box the keeper has to read and dismiss.
    """

    def __init__(
        self,
        *,
        placeholder: str = "",
        hint: str = "",
        password: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.hint.setVisible(bool(hint))
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.edit.textEdited.connect(lambda _text: self.error.clear_error())

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def show_error(self, error: UserError) -> None:
        self.error.show_error(error)
        self.edit.setFocus()

    def clear_error(self) -> None:
        self.error.clear_error()


def big_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A push button tall enough for an unsteady hand and a cheap mouse."""
    button = QPushButton(text, parent)
    button.setMinimumHeight(40)
    button.setMinimumWidth(120)
    return button


def list_table(parent: QWidget | None = None) -> QTableView:
    """A read-only table with whole-row selection and rows tall enough to read and click."""
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() * 2)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table
