"""The canonical form of a ledger entry and its hash, shared by station and county.

Both ends must compute byte-identical hashes, so the rules live in exactly one place:
JSON with sorted keys, no insignificant white space, UTF-8 without escaping, integers
only (money is fen, weight is grams: a float in a payload is a bug and is refused
here, before it can be hashed into the chain), and instants as UTC ISO 8601 with
microseconds and a ``Z``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

PROTOCOL_VERSION = 1
GENESIS_HASH: str | None = None
"""``prev_hash`` of a station's first entry: there is nothing before it."""

HASHED_FIELDS = (
    "entry_id",
    "station_id",
    "seq",
    "type",
    "schema_version",
    "occurred_at",
    "business_day",
    "operator",
    "payload",
    "corrects",
    "prev_hash",
)
"""The fields of an entry that its hash covers: all of them but the hash itself."""


class NonCanonicalValue(TypeError):
    """A value that has no canonical JSON form (a float, a set, an object)."""


def _check(value: Any, path: str) -> None:
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int):
        return
    if isinstance(value, float):
        raise NonCanonicalValue(f"float at {path}: money is fen and weight is grams")
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise NonCanonicalValue(f"non-string key at {path}")
            _check(item, f"{path}.{key}")
        return
    raise NonCanonicalValue(f"{type(value).__name__} at {path}")


_PLAIN = (str, int, bool, type(None))


def _check_fast(value: Any) -> None:
    """The same rule as :func:`_check` without recursion or path strings: it runs on
    every entry the county ingests, where the recursive walk was most of a batch's
    cost. Anything it is unsure of (a subclass, a float, an odd type) goes to
    :func:`_check`, which accepts or names the exact place."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in _PLAIN:
            continue
        if kind is dict:
            if not all(type(key) is str for key in item):
                _check(value, "$")
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
        else:
            _check(value, "$")
            return


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
"""``json.dumps`` with these arguments, without making an encoder on every call."""


def canonical_json(value: Any) -> bytes:
    """Serialise ``value`` to the one byte string both ends hash."""
    _check_fast(value)
    return _ENCODE(value).encode("utf-8")


def format_instant(instant: datetime) -> str:
    """The canonical text of an instant: UTC, microseconds, ``Z``."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: instants are timezone-aware")
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_instant(text: str) -> datetime:
    """Inverse of :func:`format_instant`."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def entry_hash(fields: dict[str, Any]) -> str:
    """sha256 (hex) over the canonical JSON of an entry's hashed fields."""
    missing = [name for name in HASHED_FIELDS if name not in fields]
    if missing:
        raise KeyError(f"entry lacks hashed fields: {missing}")
    body = {name: fields[name] for name in HASHED_FIELDS}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def typed_entry_hash(fields: dict[str, Any]) -> str:
    """:func:`entry_hash` of an entry whose fields a strict schema has already typed
    (the county's parsed ``WireEntry``: every field but the payload is an exact ``str``,
    ``int`` or ``None``), so only the payload can hold a value without a canonical form
    and only it is walked. Same bytes, same hash: the county hashes every entry it
    ingests, and the walk over fields already known to be plain was a third of that."""
    _check_fast(fields["payload"])
    body = {name: fields[name] for name in HASHED_FIELDS}
    return hashlib.sha256(_ENCODE(body).encode("utf-8")).hexdigest()
