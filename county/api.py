"""The ``/api/v1`` endpoints of ``sync/wire.py``.

Handlers are ``async`` only to read bodies as streams (bounded, see ``county.http``);
every database step runs in the thread pool, so a slow commit never stalls the loop.
Refusals are :class:`county.errors.Refused`, turned into an ``ErrorBody`` in one place
(``county.app``); the content refusals staff must see are also recorded, in their own
transaction, so the record survives the batch's rollback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response, Security
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from county import ingest, manifests, produce, reference, stations
from county.db.models import Station
from county.errors import RECORDED, Refused
from county.http import RateLimiter, read_body, request_id
from county.openapi import (
    REFUSALS,
    STATION_CREDENTIAL,
    inline_schema,
    json_body,
    manifest_file_schema,
)
from county.stations import Caller
from sync.protocol import PROTOCOL_VERSION, format_instant
from sync.wire import (
    MAX_BATCH_ENTRIES,
    MAX_BODY_BYTES,
    MAX_SEQ,
    BatchAck,
    EnrolRequest,
    EnrolResponse,
    EntryPage,
    ErrorCode,
    LedgerBatch,
    LedgerHead,
    ManifestPage,
    ManifestReceipt,
    ReferenceSet,
)

log = logging.getLogger("county.api")
ENROL_BODY_LIMIT = 16 * 1024
MANIFEST_PAGE = 20
"""Manifests per page: one may carry a thousand parcels and its route siblings' numbers,
so twenty keeps a page to a few megabytes at the very worst."""
Model = TypeVar("Model", bound=BaseModel)
CREDENTIAL = [Security(STATION_CREDENTIAL)]
"""Declares the bearer credential in the OpenAPI document; ``authenticate_with`` checks it."""


@dataclass(frozen=True)
class Service:
    """What the endpoints need, handed in by ``create_app`` (the composition root)."""

    reading: sessionmaker[Session]
    writing: sessionmaker[Session]
    """Sessions whose transactions begin as writers (``BEGIN IMMEDIATE`` on SQLite)."""
    limiter: RateLimiter
    enrol_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(0.1, 20))
    """Per client address, charged only for failed enrolments (see ``enrol``)."""
    now: Callable[[], datetime] = lambda: datetime.now(UTC)


def _refuse_float(text: str) -> Any:
    raise ValueError(f"not a JSON number the ledger allows: {text}")


def parse(model: type[Model], body: bytes) -> Model:
    """Strict parse of a request body. Pydantic's own JSON parser first (the fast path);
    only a body it refuses is parsed again to tell a newer protocol (answered
    ``unsupported_protocol``) from a malformed body."""
    try:
        parsed = model.model_validate_json(body)
    except PydanticValidationError as error:
        first_error = error
    else:
        if getattr(parsed, "protocol", PROTOCOL_VERSION) != PROTOCOL_VERSION:
            raise Refused(ErrorCode.UNSUPPORTED_PROTOCOL, {"supported": [PROTOCOL_VERSION]})
        return parsed
    try:
        data = json.loads(body, parse_constant=_refuse_float)
    except (ValueError, RecursionError):
        raise Refused(ErrorCode.MALFORMED, {"reason": "json"}) from None
    if not isinstance(data, dict):
        raise Refused(ErrorCode.MALFORMED, {"reason": "not an object"})
    protocol = data.get("protocol", PROTOCOL_VERSION)
    if protocol != PROTOCOL_VERSION or isinstance(protocol, bool):
        raise Refused(ErrorCode.UNSUPPORTED_PROTOCOL, {"supported": [PROTOCOL_VERSION]})
    raise Refused(ErrorCode.MALFORMED, {"errors": malformed_detail(first_error)})


def malformed_detail(error: PydanticValidationError) -> list[dict[str, Any]]:
    """Where and what, never the input itself (it could be anything a client sent)."""
    return [
        {"loc": [str(part) for part in item["loc"]], "type": item["type"]}
        for item in error.errors(include_url=False, include_input=False)[:20]
    ]


def authenticate_with(service: Service, request: Request) -> Caller:
    """The caller's credential checked, and one token from its station's bucket."""
    with service.reading() as session:
        caller = stations.authenticate(session, request.headers.get("authorization"))
    wait = service.limiter.take(caller.station)
    if wait > 0:
        raise Refused(ErrorCode.RATE_LIMITED, {"retry_after_s": round(wait, 3)})
    return caller


def build_router(service: Service) -> APIRouter:
    router = APIRouter(prefix="/api/v1")

    def authenticate(request: Request) -> Caller:
        return authenticate_with(service, request)

    def head_of(caller: Caller) -> Station:
        with service.reading() as session:
            return session.get_one(Station, caller.station)

    @router.post(
        "/enrol",
        response_model=EnrolResponse,
        responses=REFUSALS,
        openapi_extra=json_body(inline_schema(EnrolRequest), f"At most {ENROL_BODY_LIMIT} bytes."),
    )
    async def enrol(request: Request) -> EnrolResponse:
        """Limited per client address, but only failures use up the allowance: codes are
        far beyond guessing, so the limit is there to stop a loop or a scan hammering
        the writer, while a training day enrolling fifty stations from one township
        office (one address behind NAT) must not be held up. A success gives its token
        back."""
        address = request.client.host if request.client else "-"
        wait = service.enrol_limiter.take(address)
        if wait > 0:
            raise Refused(ErrorCode.RATE_LIMITED, {"retry_after_s": round(wait, 3)})
        body = await read_body(request, ENROL_BODY_LIMIT)
        enrol_request = parse(EnrolRequest, body)
        answer = await run_in_threadpool(_enrol, enrol_request)
        service.enrol_limiter.refund(address)
        return answer

    def _enrol(enrol_request: EnrolRequest) -> EnrolResponse:
        now = service.now()
        with service.writing.begin() as session:
            enrolled = stations.enrol(session, now, enrol_request)
            log.info("station %s enrolled", enrolled.station.code)
            assert enrolled.station.station_id is not None  # bound by ``enrol``
            return EnrolResponse(
                station_id=enrolled.station.station_id,
                county_station_code=enrolled.station.code,
                credential=enrolled.credential,
                held_through=enrolled.station.held_through,
                server_time=format_instant(now),
            )

    @router.get(
        "/ledger/head", response_model=LedgerHead, responses=REFUSALS, dependencies=CREDENTIAL
    )
    async def ledger_head(request: Request) -> LedgerHead:
        caller = await run_in_threadpool(authenticate, request)
        station = await run_in_threadpool(head_of, caller)
        return LedgerHead(
            held_through=station.held_through,
            last_hash=station.last_hash,
            server_time=format_instant(service.now()),
        )

    @router.post(
        "/ledger/batches",
        response_model=BatchAck,
        responses=REFUSALS,
        dependencies=CREDENTIAL,
        openapi_extra=json_body(
            inline_schema(LedgerBatch),
            "May be sent with `Content-Encoding: gzip`; "
            f"at most {MAX_BODY_BYTES} bytes once inflated.",
        ),
    )
    async def ledger_batches(request: Request) -> BatchAck:
        caller = await run_in_threadpool(authenticate, request)
        body = await read_body(request)
        batch = parse(LedgerBatch, body)
        return await run_in_threadpool(_ingest, caller, batch)

    def _ingest(caller: Caller, batch: LedgerBatch) -> BatchAck:
        now = service.now()
        try:
            checked = ingest.check_batch(caller, batch)
            with service.writing.begin() as session:
                stored = ingest.store_batch(session, now, caller, batch, checked)
        except Refused as refused:
            if refused.code in RECORDED:
                with service.writing.begin() as session:
                    ingest.record_refusal(session, now, caller.station, refused, request_id.get())
            log.warning(
                "batch refused: station=%d code=%s detail=%s",
                caller.station,
                refused.code.value,
                {k: v for k, v in refused.detail.items() if k != "reason"},
            )
            raise
        log.info(
            "batch: station=%d stored=%d already_held=%d flagged=%d held_through=%d",
            caller.station,
            stored.stored,
            stored.already_held,
            stored.flagged,
            stored.held_through,
        )
        if stored.flagged:
            log.warning("batch: station=%d %d entries flagged", caller.station, stored.flagged)
        return BatchAck(
            held_through=stored.held_through,
            stored=stored.stored,
            already_held=stored.already_held,
            flagged=stored.flagged,
            server_time=format_instant(now),
        )

    @router.get(
        "/ledger/entries", response_model=EntryPage, responses=REFUSALS, dependencies=CREDENTIAL
    )
    async def ledger_entries(
        request: Request,
        after: int = Query(0, ge=0, le=MAX_SEQ),
        limit: int = Query(MAX_BATCH_ENTRIES, ge=1, le=MAX_BATCH_ENTRIES),
    ) -> EntryPage:
        caller = await run_in_threadpool(authenticate, request)
        return await run_in_threadpool(_entries, caller, after, limit)

    def _entries(caller: Caller, after: int, limit: int) -> EntryPage:
        with service.reading() as session:
            station = session.get_one(Station, caller.station)
            entries = ingest.entries_after(session, caller.station, after, limit)
            return EntryPage(entries=entries, held_through=station.held_through)

    add_exchange_routes(router, service)
    add_trace_route(router, service)
    return router


TRACE_MALFORMED = (
    "溯源码应是10位字母和数字（标签上印作 XXXXX-XXXXX，不含字母U），请核对后重新输入。"
)
TRACE_UNKNOWN = "没有查到这个溯源码：请核对标签上的号码；刚收购的批次要等服务站同步后才能查到。"


def add_trace_route(router: APIRouter, service: Service) -> None:
    """``GET /trace/{code}``: what a lot's QR code leads to. Public (no credential: a
    buyer or a shopper scans it), read-only, and it names no farmer."""

    @router.get("/trace/{code}", response_model=produce.TraceAnswer, responses=REFUSALS)
    async def trace(
        code: str = Path(
            min_length=1,
            max_length=40,
            description="The trace code as printed (XXXXX-XXXXX) or typed: case, dashes "
            "and spaces do not matter, I and L are read as 1, O as 0",
            examples=["7K3QM-2X9PD"],
        ),
    ) -> produce.TraceAnswer:
        normalised = produce.normalise(code)
        if normalised is None:
            raise Refused(ErrorCode.MALFORMED, {"reason": "trace_code"}, TRACE_MALFORMED)
        found = await run_in_threadpool(_trace, normalised)
        if found is None:
            raise Refused(ErrorCode.NOT_FOUND, {"trace_code": normalised}, TRACE_UNKNOWN)
        return found

    def _trace(code: str) -> produce.TraceAnswer | None:
        with service.reading() as session:
            return produce.trace(session, code)


def add_exchange_routes(router: APIRouter, service: Service) -> None:
    """What goes down to stations besides their own ledger: reference data and manifests."""

    def authenticate(request: Request) -> Caller:
        return authenticate_with(service, request)

    validators = {
        "ETag": {"description": "The set's version, quoted", "schema": {"type": "string"}},
        "Cache-Control": {"schema": {"type": "string", "const": "no-cache"}},
    }

    @router.get(
        "/reference/{kind}",
        response_model=ReferenceSet,
        responses={
            **REFUSALS,
            200: {"headers": validators},
            304: {"description": "`If-None-Match` names the newest set", "headers": validators},
        },
        dependencies=CREDENTIAL,
        openapi_extra={
            "parameters": [
                {
                    "name": "If-None-Match",
                    "in": "header",
                    "required": False,
                    "description": "The ETag (or bare version) the station holds",
                    "schema": {"type": "string"},
                }
            ]
        },
    )
    async def reference_set(
        request: Request, kind: str = Path(examples=list(reference.KINDS))
    ) -> Response:
        """The newest set of ``kind`` for the calling station. ``ETag`` is the quoted
        version; ``If-None-Match`` with it gets a bodiless 304 (``Cache-Control:
        no-cache``: a proxy may keep it but must ask again every time)."""
        caller = await run_in_threadpool(authenticate, request)
        if kind not in reference.KINDS:
            raise Refused(ErrorCode.NOT_FOUND, {"kind": kind[:32]})
        found = await run_in_threadpool(_reference, caller, kind)
        if found is None:
            raise Refused(ErrorCode.NOT_FOUND, {"kind": kind})
        etag = f'"{found.version}"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag_matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return Response(
            found.model_dump_json().encode(), media_type="application/json", headers=headers
        )

    def _reference(caller: Caller, kind: str) -> ReferenceSet | None:
        with service.reading() as session:
            station = session.get_one(Station, caller.station)
            row = reference.newest_for(session, kind, station.township)
            if row is None:
                return None
            return ReferenceSet(
                kind=row.kind,  # type: ignore[arg-type]  # one of KINDS, checked on publish
                version=row.version,
                published_at=format_instant(row.published_at),
                data=row.data,
            )

    @router.post(
        "/manifests",
        response_model=ManifestReceipt,
        responses=REFUSALS,
        dependencies=CREDENTIAL,
        openapi_extra=json_body(
            manifest_file_schema(), "The file exactly as the township exported it."
        ),
    )
    async def post_manifest(request: Request) -> ManifestReceipt:
        caller = await run_in_threadpool(authenticate, request)
        body = await read_body(request)
        return await run_in_threadpool(_relay, caller, body)

    def _relay(caller: Caller, body: bytes) -> ManifestReceipt:
        try:
            with service.writing.begin() as session:
                receipt = manifests.relay(session, service.now(), caller, body)
        except IntegrityError:
            # The same uid committed by a concurrent request with other content.
            raise Refused(ErrorCode.MANIFEST_CONFLICT, {"reason": "concurrent"}) from None
        except Refused as refused:
            log.warning("manifest refused: station=%d code=%s", caller.station, refused.code.value)
            raise
        log.info(
            "manifest %s: from station=%d to %s seq=%d already_held=%s",
            receipt.uid,
            caller.station,
            receipt.to_station_code,
            receipt.county_seq,
            receipt.already_held,
        )
        return receipt

    @router.get(
        "/manifests", response_model=ManifestPage, responses=REFUSALS, dependencies=CREDENTIAL
    )
    async def get_manifests(
        request: Request,
        after: int = Query(0, ge=0, le=MAX_SEQ),
        limit: int = Query(MANIFEST_PAGE, ge=1, le=MANIFEST_PAGE),
    ) -> ManifestPage:
        caller = await run_in_threadpool(authenticate, request)
        return await run_in_threadpool(_manifests, caller, after, limit)

    def _manifests(caller: Caller, after: int, limit: int) -> ManifestPage:
        with service.reading() as session:
            return manifests.page(session, caller.station, after, limit)


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison over a list; a bare version (unquoted) is taken too,
    since a station's own code may store the version rather than the header."""
    if not if_none_match:
        return False
    bare = etag.strip('"')
    for candidate in if_none_match.split(","):
        tag = candidate.strip().removeprefix("W/")
        if tag in ("*", etag, bare):
            return True
    return False
