"""The one way core errors reach the keeper's eyes: translated, filled in, shown.

Core code raises :class:`~station_app.core.errors.UserError` with an untranslated
template (context ``core``) and parameters. Translating here, in one place, keeps every
screen consistent and means a missing translation can only be missing once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from station_app.core.errors import CONTEXT, UserError

Notifier = Callable[[QWidget, str], None]
"""Shows a message to the keeper; injectable so tests never meet a modal box."""


def user_message(error: UserError) -> str:
    """The error's message in the current language, with its parameters filled in.

    String parameters are translated too, because some (a permission's name, say) are
    themselves core templates marked with ``QT_TRANSLATE_NOOP``.
    """
    params = {
        key: QCoreApplication.translate(CONTEXT, value) if isinstance(value, str) else value
        for key, value in error.params.items()
    }
    return QCoreApplication.translate(CONTEXT, error.template).format(**params)


OUTCOME_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#555"}
"""Green done, red failed, grey under way: the one result line every form shows."""


def show_outcome(label: QLabel, text: str, *, ok: bool | None) -> None:
    """Say how an action ended on ``label``, in its colour; hidden while there is no text."""
    label.setStyleSheet(f"color: {OUTCOME_COLOURS[ok]};")
    label.setText(text)
    label.setVisible(bool(text))


def message_box_notifier(parent: QWidget, text: str) -> None:
    """Show ``text`` in a window-modal box that does not block the event loop (``open``)."""
    box = QMessageBox(QMessageBox.Icon.Warning, parent.windowTitle(), text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class ErrorLabel(QLabel):
    """A red line of text under a field or form; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setStyleSheet("color: #c62828;")
        self.hide()

    def show_error(self, error: UserError) -> None:
        self.show_text(user_message(error))

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def show_error(
    error: UserError,
    *,
    label: ErrorLabel | None = None,
    parent: QWidget | None = None,
    notify: Notifier = message_box_notifier,
) -> str:
    """Show ``error`` inline in ``label`` if given, else through ``notify``; return the text."""
    text = user_message(error)
    if label is not None:
        label.show_text(text)
    elif parent is not None:
        notify(parent, text)
    return text
