"""What station and county say to each other over HTTP: the versioned wire schema.

Both ends import these models, so a field renamed on one side fails the other's tests
at once. Every request carries ``protocol`` and the county refuses versions it does not
speak with ``unsupported_protocol`` instead of guessing. Errors carry a machine-readable
``code`` (what the client decides on: retry, re-enrol, stop and tell the keeper) and a
``message_zh`` the keeper can read as it is. No model carries a phone, a name or an
address: the ledger's payloads have none (see ``sync/events.py``).

Endpoints (all under ``/api/v1``):

- ``POST /enrol``: :class:`EnrolRequest` → :class:`EnrolResponse` (no credential needed;
  the one-time code is the credential).
- ``GET /ledger/head``: → :class:`LedgerHead` (Bearer credential).
- ``POST /ledger/batches``: :class:`LedgerBatch` → :class:`BatchAck` (Bearer credential;
  the body may be gzip with ``Content-Encoding: gzip``).
- ``GET /ledger/entries?after=N&limit=M``: → :class:`EntryPage`, the county's copy, for a
  station rebuilding after a restore (Bearer credential, own station only).
- ``GET /reference/{kind}``: → :class:`ReferenceSet`, with ``ETag`` / ``If-None-Match``
  (the ETag is the quoted version; 304 when it still matches, 404 when none published).
- ``POST /manifests``: the manifest file exactly as a township exports it →
  :class:`ManifestReceipt` (Bearer credential of a township station).
- ``GET /manifests?after=N``: → :class:`ManifestPage`, manifests addressed to the station.

Any refusal is an HTTP 4xx with an :class:`ErrorBody`; a 5xx is a county bug or outage
and the client retries with back-off.
"""

from __future__ import annotations

import enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import PROTOCOL_VERSION

MAX_BATCH_ENTRIES = 500
"""Entries per upload: big enough to clear a week offline in a few requests, small
enough that one request stays well under the body limit and a second."""
MAX_BODY_BYTES = 4 * 1024 * 1024
"""Request bodies larger than this (after gzip is undone) are refused with 413."""

MAX_SEQ = 2**62
"""Bounds a sequence number (and ``after``): far beyond any ledger, and within the
county's BIGINT columns, so a forged one is refused as malformed, not failed on storing."""
MAX_SCHEMA_VERSION = 2**31 - 1
"""Within the county's INTEGER column, for the same reason."""

HASH_PATTERN = r"^[0-9a-f]{64}$"
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
INSTANT_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"


class Wire(BaseModel):
    """Strict: unknown fields and type coercion are refused on both ends."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ErrorCode(enum.StrEnum):
    UNSUPPORTED_PROTOCOL = "unsupported_protocol"
    MALFORMED = "malformed"  # not JSON, wrong shape: a bug or a proxy in the way
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    UNAUTHORIZED = "unauthorized"  # no or unknown credential
    REVOKED = "revoked"  # the county revoked it: re-enrol
    WRONG_STATION = "wrong_station"  # a credential used for another station's data
    ENROLMENT_CODE_INVALID = "enrolment_code_invalid"  # unknown, used or expired
    GAP = "gap"  # the batch does not start right after what the county holds
    FORK = "fork"  # a different entry at a sequence the county already holds
    BROKEN_CHAIN = "broken_chain"  # prev_hash / hash do not add up
    INVALID_PAYLOAD = "invalid_payload"  # a payload fails its event type's schema
    UNKNOWN_EVENT_TYPE = "unknown_event_type"
    NOT_FOUND = "not_found"  # e.g. no reference set of that kind published yet
    MANIFEST_REFUSED = "manifest_refused"  # not a manifest, hash wrong, not the sender's
    MANIFEST_CONFLICT = "manifest_conflict"  # the same manifest uid with other content
    UNKNOWN_DESTINATION = "unknown_destination"  # the village is not enrolled (yet)
    NOTHING_TO_TAKE_OVER = "nothing_to_take_over"  # a new PC's code names a station never enrolled


class ErrorBody(Wire):
    code: ErrorCode
    message_zh: str
    detail: dict[str, Any] = Field(default_factory=dict)
    """Machine-readable particulars, e.g. ``{"seq": 1042, "held_through": 1040}``."""


class EnrolRequest(Wire):
    protocol: int = PROTOCOL_VERSION
    code: str = Field(min_length=6, max_length=64)
    station_id: str | None = Field(default=None, pattern=UUID_PATTERN)
    """The id the station made at its first run (it may have written for days). None
    from a new PC taking over a station that enrolled before: the county answers with
    the id its record is bound to, and the PC rebuilds the station from the county's
    copy of its ledger."""
    install_id: str = Field(pattern=UUID_PATTERN)
    app_version: str = Field(max_length=32, pattern=r"^[^\x00-\x1f\x7f]*$")
    """Printable: it is stored as text, and PostgreSQL refuses a NUL."""


class EnrolResponse(Wire):
    station_id: str = Field(pattern=UUID_PATTERN)
    county_station_code: str
    """The county's own short name for the station (what staff see)."""
    credential: str = Field(min_length=32)
    """Shown once; the county keeps only its hash."""
    held_through: int = Field(ge=0)
    """What the county already holds of this station (non-zero for a re-enrolment)."""
    server_time: str = Field(pattern=INSTANT_PATTERN)


class WireEntry(Wire):
    """A ledger entry exactly as hashed (``sync.protocol.HASHED_FIELDS``) plus its hash."""

    entry_id: str = Field(pattern=UUID_PATTERN)
    station_id: str = Field(pattern=UUID_PATTERN)
    seq: int = Field(ge=1, le=MAX_SEQ)
    type: str = Field(min_length=1, max_length=64)
    schema_version: int = Field(ge=1, le=MAX_SCHEMA_VERSION)
    occurred_at: str = Field(pattern=INSTANT_PATTERN)
    business_day: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    operator: str = Field(min_length=1, max_length=32)
    payload: dict[str, Any]
    corrects: str | None = Field(default=None, pattern=UUID_PATTERN)
    prev_hash: str | None = Field(default=None, pattern=HASH_PATTERN)
    hash: str = Field(pattern=HASH_PATTERN)


class LedgerBatch(Wire):
    protocol: int = PROTOCOL_VERSION
    station_id: str = Field(pattern=UUID_PATTERN)
    entries: list[WireEntry] = Field(min_length=1, max_length=MAX_BATCH_ENTRIES)


class BatchAck(Wire):
    held_through: int = Field(ge=0)
    """The highest contiguous sequence the county holds after this batch: the client
    marks everything up to it as uploaded, whatever else happened."""
    stored: int = Field(ge=0)
    already_held: int = Field(ge=0)
    """Entries re-sent with the same hash: acknowledged, never stored twice."""
    server_time: str = Field(pattern=INSTANT_PATTERN)
    flagged: int = Field(default=0, ge=0)
    """Of ``stored``, the entries kept in sequence but flagged for county staff (a payload
    its schema refuses, an event type this county does not know yet). Still held and
    acknowledged: the chain goes on. Defaults to 0 so acks from before it still parse."""


class LedgerHead(Wire):
    held_through: int = Field(ge=0)
    last_hash: str | None = Field(default=None, pattern=HASH_PATTERN)
    server_time: str = Field(pattern=INSTANT_PATTERN)


class EntryPage(Wire):
    entries: list[WireEntry]
    held_through: int = Field(ge=0)


ReferenceKind = Literal["couriers", "tariffs", "billers", "prices", "announcements", "routes"]


class ReferenceSet(Wire):
    kind: ReferenceKind
    version: int = Field(ge=1)
    published_at: str = Field(pattern=INSTANT_PATTERN)
    data: dict[str, Any]


class WireManifest(Wire):
    uid: str = Field(pattern=UUID_PATTERN)
    number: str = Field(max_length=32)
    county_seq: int = Field(ge=1)
    document: dict[str, Any]
    """The same document the township exports as a file (``core.manifests.files``)."""


class ManifestPage(Wire):
    manifests: list[WireManifest]
    last_seq: int = Field(ge=0)
    """The ``county_seq`` of the last manifest in the page (``after`` when it is empty):
    the next request's ``after``."""


class ManifestReceipt(Wire):
    """The county's answer to a township posting a manifest."""

    uid: str = Field(pattern=UUID_PATTERN)
    to_station_code: str
    """The county's code of the station it is addressed to."""
    county_seq: int = Field(ge=1)
    already_held: bool
    """The same manifest (same content hash) was posted before: nothing stored twice."""
