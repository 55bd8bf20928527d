"""A small county centre for the station's sync tests: the sync/wire.py endpoints over
real loopback HTTP, with faults on demand.

It checks what the real one checks for a batch (credential and station, protocol,
sequence continuity, the hash chain, idempotent re-sends) with the same wire models, so
the client is tested against the schema both ends share, not against a mock's idea of
it. Faults are queued per request to ``/ledger/batches``: ``drop`` (close the
connection without an answer), ``drop_after_commit`` (store, then close), ``500``,
``429`` (with ``Retry-After``), ``slow`` (answer after ``slow_seconds``), ``portal`` (a
captive portal's 200 HTML page).
"""

from __future__ import annotations

import gzip
import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pydantic

from sync.protocol import PROTOCOL_VERSION, entry_hash, format_instant
from sync.wire import (
    BatchAck,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    ErrorCode,
    LedgerBatch,
    LedgerHead,
    ManifestPage,
    Wire,
)

STATUS = {
    ErrorCode.UNSUPPORTED_PROTOCOL: 400,
    ErrorCode.MALFORMED: 400,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.REVOKED: 401,
    ErrorCode.WRONG_STATION: 403,
    ErrorCode.ENROLMENT_CODE_INVALID: 400,
    ErrorCode.GAP: 409,
    ErrorCode.FORK: 409,
    ErrorCode.BROKEN_CHAIN: 422,
    ErrorCode.NOT_FOUND: 404,
}
MESSAGES = {
    ErrorCode.REVOKED: "本站的接入凭证已被县服务中心停用，请重新接入。",
    ErrorCode.UNAUTHORIZED: "县服务中心不认识这个接入凭证，请重新接入。",
    ErrorCode.FORK: "这一序号的记录与县服务中心已有的不同，请联系县服务中心。",
    ErrorCode.GAP: "台账序号不连续，请联系县服务中心。",
    ErrorCode.BROKEN_CHAIN: "台账哈希链接不上，请联系县服务中心。",
    ErrorCode.RATE_LIMITED: "上传太频繁，请稍后再试。",
    ErrorCode.TOO_LARGE: "这批记录太大。",
    ErrorCode.ENROLMENT_CODE_INVALID: "接入码无效或已用过。",
    ErrorCode.MALFORMED: "请求格式不对。",
    ErrorCode.NOT_FOUND: "县中心还没有发布这项数据。",
}


class Refusal(Exception):
    def __init__(self, code: ErrorCode, **detail: Any) -> None:
        super().__init__(code.value)
        self.code = code
        self.detail = detail


@dataclass
class FakeStation:
    station_id: str
    code: str
    credential: str
    revoked: bool = False
    entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def held_through(self) -> int:
        return len(self.entries)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    entries: int = 0


class FakeCounty:
    def __init__(self) -> None:
        self.codes: dict[str, str] = {}  # enrolment code → county station code
        self.stations: dict[str, FakeStation] = {}
        self.faults: deque[str] = deque()
        self.slow_seconds = 1.0
        self.retry_after = 120
        self.max_entries_per_batch: int | None = None  # answer too_large above this
        self.seen: list[Seen] = []
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        """The county's own clock (``server_time``); the real one unless a test sets it."""
        self.lock = threading.Lock()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-county"
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeCounty:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def issue_code(self, county_station_code: str = "LL-001") -> str:
        code = secrets.token_hex(8)
        self.codes[code] = county_station_code
        return code

    def station(self, station_id: str) -> FakeStation:
        return self.stations[station_id]

    def batches(self) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == "/api/v1/ledger/batches"]

    # --- endpoints --------------------------------------------------------------------

    def _now(self) -> str:
        return format_instant(self.clock())

    def enrol(self, body: bytes) -> EnrolResponse:
        request = _parse(EnrolRequest, body)
        if request.code not in self.codes:
            raise Refusal(ErrorCode.ENROLMENT_CODE_INVALID)
        county_code = self.codes.pop(request.code)
        station = self.stations.get(request.station_id)
        credential = secrets.token_urlsafe(32)
        if station is None:
            station = FakeStation(request.station_id, county_code, credential)
            self.stations[request.station_id] = station
        station.credential, station.revoked = credential, False
        return EnrolResponse(
            station_id=station.station_id,
            county_station_code=station.code,
            credential=credential,
            held_through=station.held_through,
            server_time=self._now(),
        )

    def authorised(self, header: str | None) -> FakeStation:
        token = (header or "").removeprefix("Bearer ")
        for station in self.stations.values():
            if secrets.compare_digest(station.credential, token):
                if station.revoked:
                    raise Refusal(ErrorCode.REVOKED)
                return station
        raise Refusal(ErrorCode.UNAUTHORIZED)

    def head(self, station: FakeStation) -> LedgerHead:
        last = station.entries[-1]["hash"] if station.entries else None
        return LedgerHead(
            held_through=station.held_through, last_hash=last, server_time=self._now()
        )

    def ingest(self, station: FakeStation, body: bytes) -> BatchAck:
        batch = _parse(LedgerBatch, body)
        if batch.protocol != PROTOCOL_VERSION:
            raise Refusal(ErrorCode.UNSUPPORTED_PROTOCOL)
        if batch.station_id != station.station_id:
            raise Refusal(ErrorCode.WRONG_STATION)
        limit = self.max_entries_per_batch
        if limit is not None and len(batch.entries) > limit:
            raise Refusal(ErrorCode.TOO_LARGE)
        stored = already = 0
        new: list[dict[str, Any]] = []
        for entry in batch.entries:
            fields = entry.model_dump()
            held = station.held_through + len(new)
            if entry.station_id != station.station_id:
                raise Refusal(ErrorCode.WRONG_STATION)
            if entry.seq <= station.held_through:
                if station.entries[entry.seq - 1]["hash"] != entry.hash:
                    raise Refusal(ErrorCode.FORK, seq=entry.seq)
                already += 1
                continue
            if entry.seq != held + 1:
                raise Refusal(ErrorCode.GAP, seq=entry.seq, held_through=station.held_through)
            previous = new[-1] if new else station.entries[-1] if station.entries else None
            expected_prev = None if previous is None else previous["hash"]
            if entry.prev_hash != expected_prev or entry_hash(fields) != entry.hash:
                raise Refusal(ErrorCode.BROKEN_CHAIN, seq=entry.seq)
            new.append(fields)
            stored += 1
        station.entries.extend(new)  # the whole batch or nothing, as one transaction
        return BatchAck(
            held_through=station.held_through,
            stored=stored,
            already_held=already,
            server_time=self._now(),
        )


def _parse(model: type[Wire], body: bytes) -> Any:
    try:
        return model.model_validate_json(body)
    except pydantic.ValidationError:
        raise Refusal(ErrorCode.MALFORMED) from None


def _handler(county: FakeCounty) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read ``county.seen``."""

        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            path = urlsplit(self.path).path
            body = self._body()
            seen = Seen(self.command, path, dict(self.headers.items()))
            county.seen.append(seen)
            fault = None
            if path == "/api/v1/ledger/batches" and county.faults:
                fault = county.faults.popleft()
            if fault == "drop":
                self.close_connection = True
                self.connection.close()
                return
            if fault in {"500", "429", "portal"}:
                self._fault(fault)
                return
            if fault == "slow":
                county._release.wait(county.slow_seconds)
            try:
                with county.lock:
                    answer = self._route(path, body, seen)
            except Refusal as refusal:
                self._error(refusal)
                return
            if fault == "drop_after_commit":
                self.close_connection = True
                self.connection.close()
                return
            self._send(200, answer.model_dump_json().encode())

        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if self.headers.get("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            return raw

        def _route(self, path: str, body: bytes, seen: Seen) -> Wire:
            if path == "/api/v1/enrol" and self.command == "POST":
                return county.enrol(body)
            station = county.authorised(self.headers.get("Authorization"))
            if path == "/api/v1/ledger/head":
                return county.head(station)
            if path == "/api/v1/ledger/batches" and self.command == "POST":
                batch_size = body.count(b'"entry_id"')
                seen.entries = batch_size
                return county.ingest(station, body)
            # What a real county answers while nothing is published or relayed, so a
            # run's downloads after the upload (sync.exchange) find nothing, quietly.
            if path.startswith("/api/v1/reference/") and self.command == "GET":
                raise Refusal(ErrorCode.NOT_FOUND)
            if path == "/api/v1/manifests" and self.command == "GET":
                after = int(parse_qs(urlsplit(self.path).query).get("after", ["0"])[0])
                return ManifestPage(manifests=[], last_seq=after)
            raise Refusal(ErrorCode.MALFORMED)

        def _error(self, refusal: Refusal) -> None:
            body = ErrorBody(
                code=refusal.code,
                message_zh=MESSAGES.get(refusal.code, refusal.code.value),
                detail=refusal.detail,
            )
            headers = {"Retry-After": str(county.retry_after)}
            if refusal.code is not ErrorCode.RATE_LIMITED:
                headers = {}
            self._send(STATUS.get(refusal.code, 400), body.model_dump_json().encode(), headers)

        def _fault(self, fault: str) -> None:
            if fault == "500":
                self._send(500, b"Internal Server Error", {"Content-Type": "text/plain"})
            elif fault == "429":
                self._error(Refusal(ErrorCode.RATE_LIMITED))
            else:
                page = "<html><body>请先登录 Wi-Fi</body></html>".encode()
                self._send(200, page, {"Content-Type": "text/html"})

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            merged = {"Content-Type": "application/json", **(headers or {})}
            for name, value in merged.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
