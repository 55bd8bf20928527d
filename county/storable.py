"""Text the county can take from a client but could not store.

PostgreSQL refuses U+0000 in ``text``/``varchar`` columns and in JSONB (both in keys
and in values), and the failure only shows at the INSERT, as a database error, i.e.
a 5xx for input that is simply wrong. SQLite would store it, so the one rule for both
databases is to refuse it before storing: no station or exporter ever writes a NUL, so
one arriving is a bug or a forged request either way.
"""

from __future__ import annotations

from typing import Any


def has_nul(value: Any) -> bool:
    """Whether a NUL is anywhere in a JSON value: strings, object keys, nested items.
    Iterative, like ``sync.protocol``'s checks: it runs on every ingested entry."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if "\x00" in item:
                return True
        elif kind is dict:
            if any("\x00" in key for key in item):
                return True
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
    return False
