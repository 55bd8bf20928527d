"""Errors the keeper can act on, kept apart from bugs.

Core code has no Qt, yet its messages must go through Qt's translation system. So
messages are written as ``QT_TRANSLATE_NOOP("core", "…")`` (this module's no-op
stand-in, which ``pyside6-lupdate`` recognises by name), and the UI translates the
template in context ``core`` before filling in the parameters. ``str(error)`` gives
the Simplified Chinese source text, which is what logs and tests see.
"""

from __future__ import annotations

from typing import Any

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


class PermissionDenied(UserError):
    """The operator's role does not allow the action."""


class BugError(Exception):
    """A programming error: never the keeper's fault, always worth a report."""
