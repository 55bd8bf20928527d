"""Errors the keeper can act on, kept apart from bugs.

Core code has no Qt, yet its messages must go through Qt's translation system. So
messages are written as ``QT_TRANSLATE_NOOP("core", "…")`` (this module's no-op
stand-in, which ``pyside6-lupdate`` recognises by name), and the UI translates the
template in context ``core`` before filling in the parameters. ``str(error)`` gives
the Simplified Chinese source text, which is what logs and tests see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_T = TypeVar("_T")

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for translation in ``context`` without translating it here."""
    del context
    return text


class UserError(Exception):
    """Something the person at the counter can understand and fix.

    ``template`` is the untranslated message (Chinese source text) with ``{name}``
    placeholders; ``params`` fills them. The UI shows
    ``translate(CONTEXT, template).format(**params)``.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


class ValidationError(UserError):
    """Input that breaks a rule: a malformed code, a weak password, a bad amount."""


class FieldError(ValidationError):
    """A refused form, naming the field at fault (and, for a table's cell, its row from
    0), so the counter form shows the message under that field and puts the cursor there:
    the keeper fixes the one thing that is wrong instead of hunting for it."""

    def __init__(self, field: str, error: ValidationError, row: int | None = None) -> None:
        super().__init__(error.template, **error.params)
        self.field = field
        self.row = row


def on_field(
    field: str, check: Callable[[], _T], error_type: type[FieldError], row: int | None = None
) -> _T:
    """Run one field's check; a refusal comes out as ``error_type`` naming the field (one
    already naming its field passes through)."""
    try:
        return check()
    except FieldError:
        raise
    except ValidationError as error:
        raise error_type(field, error, row) from error


class PermissionDenied(UserError):
    """The operator's role does not allow the action."""


class BugError(Exception):
    """A programming error: never the keeper's fault, always worth a report."""
