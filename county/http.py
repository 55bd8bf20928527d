"""HTTP hygiene shared by every endpoint: request ids, bounded (and gzip-safe) bodies,
and rate limits (per station, and per client address for enrolment)."""

from __future__ import annotations

import contextvars
import logging
import re
import threading
import time
import uuid
import zlib
from collections.abc import Hashable
from dataclasses import dataclass, field

from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from county.errors import Refused
from sync.wire import MAX_BODY_BYTES, ErrorCode

REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID_OK = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

DRAIN_LIMIT = 4 * MAX_BODY_BYTES
"""How much of an oversized body is read and thrown away so the client gets its 413
instead of a reset connection (a client still writing when the server closes sees a
broken pipe, not the answer); beyond this the connection is simply closed."""


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every log record, whoever logs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        logging.Formatter(
            "%(asctime)s %(process)d %(levelname)s [%(request_id)s] %(name)s: %(message)s"
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


class RequestIdMiddleware:
    """Takes the caller's ``X-Request-ID`` (if it looks like one) or makes one, puts it in
    the logging context for the whole request, and echoes it on the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next(
            (
                value.decode("latin-1")
                for name, value in scope["headers"]
                if name == REQUEST_ID_HEADER.encode()
            ),
            "",
        )
        rid = given if _REQUEST_ID_OK.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() != REQUEST_ID_HEADER.encode()
                ]
                headers.append((REQUEST_ID_HEADER.encode(), rid.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, gunzipped if sent so, never more than ``limit`` bytes in memory.

    The limit applies to the decompressed size and is enforced while reading, so neither
    a huge body nor a small zip bomb is ever held whole.
    """
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip"):
        raise Refused(ErrorCode.MALFORMED, {"reason": "content-encoding"})
    declared = request.headers.get("content-length", "")
    if encoding == "identity" and declared.isdigit() and int(declared) > limit:
        await _drain(request, 0)
        raise Refused(ErrorCode.TOO_LARGE, {"limit": limit})
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    parts: list[bytes] = []
    size = 0
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if inflater is None:
                pieces = [chunk]
            else:
                try:
                    pieces = _inflate(inflater, chunk, limit - size + 1)
                except zlib.error:
                    raise Refused(ErrorCode.MALFORMED, {"reason": "gzip"}) from None
            for piece in pieces:
                size += len(piece)
                if size > limit:
                    await _drain(request, received)
                    raise Refused(ErrorCode.TOO_LARGE, {"limit": limit})
                parts.append(piece)
    except ClientDisconnect:
        raise Refused(ErrorCode.MALFORMED, {"reason": "disconnected"}) from None
    if inflater is not None and not inflater.eof:
        raise Refused(ErrorCode.MALFORMED, {"reason": "gzip truncated"})
    return b"".join(parts)


def _inflate(inflater: zlib._Decompress, chunk: bytes, room: int) -> list[bytes]:
    """Decompress ``chunk`` but stop once more than ``room`` bytes have come out."""
    out: list[bytes] = []
    data = chunk
    produced = 0
    while data and produced <= room and not inflater.eof:
        piece = inflater.decompress(data, room - produced + 1)
        out.append(piece)
        produced += len(piece)
        data = inflater.unconsumed_tail
        if not piece and not data:
            break
    return out


async def _drain(request: Request, received: int) -> None:
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > DRAIN_LIMIT:
                return
    except (ClientDisconnect, RuntimeError):
        return


@dataclass
class _Bucket:
    tokens: float
    updated: float


MAX_BUCKETS = 10_000
"""Buckets kept before full ones are forgotten (a full bucket is the same as none): the
enrolment limiter is keyed by client address, which anyone can vary."""


@dataclass
class RateLimiter:
    """A token bucket per key (a station, a client address), in memory: a restart only
    forgives a little. ``rate`` requests a second, bursts of ``burst``. Per process: with
    ``--workers N`` each worker keeps its own buckets, so a client spreading requests
    over new connections may get up to N times the limit (a guard against loops and
    scans, not a quota; a station's keep-alive connection stays with one worker)."""

    rate: float
    burst: float
    _buckets: dict[Hashable, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def refund(self, key: Hashable) -> None:
        """Give back the token a request took (see the enrolment endpoint)."""
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is not None:
                bucket.tokens = min(self.burst, bucket.tokens + 1)

    def take(self, key: Hashable) -> float:
        """0 if the request may go ahead, else the seconds until it could."""
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= MAX_BUCKETS:
                    self._forget_full(now)
                bucket = self._buckets[key] = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        full = [
            key
            for key, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.updated) * self.rate >= self.burst
        ]
        for key in full:
            del self._buckets[key]
