"""The station's half of ledger upload: talk to the county, move ``uploaded_through``.

:class:`CountyClient` speaks :mod:`sync.wire` over one ``requests.Session``: every
request has a timeout, batch bodies go gzip, answers are parsed into the wire models
(a captive portal's 200 page is not an answer) and refusals into :class:`CountyRefused`
with the county's code and Chinese message. :func:`upload_pending` reads the entries
after ``uploaded_through`` a batch at a time, posts them, and moves ``uploaded_through``
to the county's ``held_through`` in a short transaction of its own after each answer:
no transaction is ever open while a request is on the wire.

What a failure leads to is decided in one place (:func:`action_for`): the network or a
county outage → retry later with growing, jittered waits; a credential the county no
longer accepts → stop and ask the keeper to re-enrol; a ledger the county cannot take
(fork, gap, broken chain) → stop and ask the keeper to call the county. Nothing local
is ever wiped or hidden.

The credential is sent only in the ``Authorization`` header and never logged.
"""

from __future__ import annotations

import enum
import gzip
import logging
import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import pydantic
import requests
from sqlalchemy import select

from station_app import __version__
from station_app.core import ledger
from station_app.core.db.models import LedgerEntry
from station_app.core.db.sync_models import SyncState
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.store import Store
from sync import schedule, state
from sync.protocol import parse_instant
from sync.wire import (
    MAX_BATCH_ENTRIES,
    MAX_BODY_BYTES,
    BatchAck,
    EnrolRequest,
    EnrolResponse,
    EntryPage,
    ErrorBody,
    ErrorCode,
    LedgerBatch,
    LedgerHead,
    ManifestPage,
    ManifestReceipt,
    ReferenceSet,
    WireEntry,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
DEFAULT_MAX_BATCHES = 20
"""Batches per run (10,000 entries): a long backlog goes in several runs, so quitting
the app never waits behind more than one request."""

# Station-side failure codes, next to the county's ErrorCode values.
OFFLINE = "offline"
TIMEOUT = "timeout"
SERVER_ERROR = "server_error"
BAD_RESPONSE = "bad_response"
NO_PROGRESS = "no_progress"
BEHIND_COUNTY = ledger.BEHIND_COUNTY

MSG_OFFLINE = QT_TRANSLATE_NOOP("core", "连不上县服务中心，网络恢复后会自动上传。")
MSG_TIMEOUT = QT_TRANSLATE_NOOP("core", "县服务中心长时间没有应答，稍后会自动重试。")
MSG_SERVER_ERROR = QT_TRANSLATE_NOOP("core", "县服务中心暂时出错（{status}），稍后会自动重试。")
MSG_BAD_RESPONSE = QT_TRANSLATE_NOOP(
    "core", "收到的不是县服务中心的应答（可能要先登录网络），稍后会自动重试。"
)
MSG_NO_PROGRESS = QT_TRANSLATE_NOOP("core", "县服务中心没有收下这批记录，稍后会自动重试。")
MSG_BEHIND_COUNTY = QT_TRANSLATE_NOOP(
    "core",
    "县服务中心的台账比本机多，本机可能是从旧备份恢复的，或是新电脑接替了本站。"
    "已停止上传；请先从县服务中心恢复缺少的记录，恢复完成前不要在本机记账。",
)
MSG_FORK = QT_TRANSLATE_NOOP(
    "core",
    "县服务中心已有本站另一份不同的台账：可能另一台电脑正在以本站名义记账，"
    "或本机恢复了旧备份后又记了账。已停止上传，本机记录都保留着。"
    "请只留一台电脑给本站记账，并联系县服务中心核对。",
)
MSG_WRONG_STATION = QT_TRANSLATE_NOOP("core", "这个接入码属于另一个服务站，请向县服务中心核对。")
MSG_BAD_URL = QT_TRANSLATE_NOOP("core", "县服务中心地址应以 http:// 或 https:// 开头。")
MSG_BAD_CODE = QT_TRANSLATE_NOOP("core", "接入码应为6到64个字符。")
MSG_NOT_SET_UP = QT_TRANSLATE_NOOP("core", "请先完成服务站的首次设置，再接入县服务中心。")
MSG_ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "core", "这台电脑已经设置过服务站，不能再接替别的服务站。换电脑时请在新电脑上操作。"
)


class Action(enum.Enum):
    RETRY = "retry"  # by itself, later
    REENROL = "reenrol"  # the keeper enrols again
    CALL_COUNTY = "call_county"  # the keeper and county staff sort it out


_REENROL = {ErrorCode.UNAUTHORIZED, ErrorCode.REVOKED, ErrorCode.WRONG_STATION}
_RETRY = {
    ErrorCode.RATE_LIMITED,
    OFFLINE,
    TIMEOUT,
    SERVER_ERROR,
    BAD_RESPONSE,
    NO_PROGRESS,
    # Downloads and manifests (``sync.exchange``): nothing published yet, and a village
    # that has not enrolled yet, both change by themselves; asking again later is right.
    ErrorCode.NOT_FOUND,
    ErrorCode.UNKNOWN_DESTINATION,
}


def action_for(code: str) -> Action:
    if code in _RETRY:
        return Action.RETRY
    if code in _REENROL:
        return Action.REENROL
    # fork, gap, broken chain, protocol, a refused payload, a manifest the county refuses
    # or holds with other content (the keeper hands the file over, staff look into it) …
    return Action.CALL_COUNTY


class SyncFailure(Exception):
    """A request that did not end in a county answer we can use. ``message_zh`` is
    for the keeper; nothing in it or in ``str()`` ever holds the credential."""

    def __init__(self, code: str, message_zh: str, *, retry_after: float | None = None) -> None:
        super().__init__(f"{code}: {message_zh}")
        self.code = code
        self.message_zh = message_zh
        self.retry_after = retry_after

    @property
    def action(self) -> Action:
        return action_for(self.code)


class CountyUnreachable(SyncFailure):
    """No usable answer: no connection, a timeout, a 5xx, or something that is not the
    county speaking (a captive portal, a proxy's error page)."""


class CountyRefused(SyncFailure):
    """The county answered with an :class:`~sync.wire.ErrorBody`."""

    def __init__(self, status: int, body: ErrorBody, *, retry_after: float | None) -> None:
        super().__init__(body.code.value, body.message_zh, retry_after=retry_after)
        self.status = status
        self.error_code = body.code
        self.detail = body.detail


M = TypeVar("M", bound=pydantic.BaseModel)


@dataclass(frozen=True)
class Fetched:
    """A reference set and the ETag to send back with ``If-None-Match`` next time."""

    reference_set: ReferenceSet
    etag: str


class CountyClient:
    """One county centre, one credential (none for enrolment), one HTTP session."""

    def __init__(
        self,
        base_url: str,
        credential: str | None = None,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self._base = base_url.rstrip("/") + API_PREFIX
        self._session = session or requests.Session()
        self._timeout = timeout
        self._credential = credential

    def __repr__(self) -> str:
        return f"CountyClient({self._base!r})"

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return self._call("POST", "/enrol", EnrolResponse, request.model_dump_json().encode())

    def head(self) -> LedgerHead:
        return self._call("GET", "/ledger/head", LedgerHead)

    def ledger_entries(self, after: int, limit: int = MAX_BATCH_ENTRIES) -> EntryPage:
        """The county's copy of this station's ledger after ``after`` (for recovery)."""
        return self._call("GET", f"/ledger/entries?after={after}&limit={limit}", EntryPage)

    def upload(self, batch: LedgerBatch) -> BatchAck:
        body = gzip.compress(batch.model_dump_json().encode("utf-8"), compresslevel=6)
        return self._call("POST", "/ledger/batches", BatchAck, body, compressed=True)

    def reference(self, kind: str, etag: str | None) -> Fetched | None:
        """The newest set of ``kind``; None when ``etag`` still names it (304). Nothing
        published yet is a :class:`CountyRefused` with ``not_found``."""
        headers = {} if etag is None else {"If-None-Match": etag}
        response = self._send("GET", f"/reference/{kind}", headers=headers)
        if response.status_code == 304:
            return None
        got = _parse(response, ReferenceSet)
        return Fetched(got, response.headers.get("ETag") or f'"{got.version}"')

    def manifests(self, after: int) -> ManifestPage:
        """Manifests addressed to this station after ``county_seq`` ``after``."""
        return self._call("GET", f"/manifests?after={after}", ManifestPage)

    def post_manifest(self, document: bytes) -> ManifestReceipt:
        """A township's manifest file, byte for byte as ``manifests.files`` writes it."""
        body = gzip.compress(document, compresslevel=6)
        return self._call("POST", "/manifests", ManifestReceipt, body, compressed=True)

    def close(self) -> None:
        self._session.close()

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        body: bytes | None = None,
        *,
        compressed: bool = False,
    ) -> M:
        return _parse(self._send(method, path, body, compressed=compressed), model)

    def _send(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        *,
        compressed: bool = False,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        headers = {"Accept": "application/json", **(headers or {})}
        if self._credential is not None:
            headers["Authorization"] = f"Bearer {self._credential}"
        if body is not None:
            headers["Content-Type"] = "application/json"
            if compressed:
                headers["Content-Encoding"] = "gzip"
        try:
            response = self._session.request(
                method,
                self._base + path,
                data=body,
                headers=headers,
                timeout=self._timeout,
                allow_redirects=False,  # a portal's redirect is not the county
            )
        except requests.Timeout as error:
            raise CountyUnreachable(TIMEOUT, MSG_TIMEOUT) from error
        except requests.RequestException as error:
            raise CountyUnreachable(OFFLINE, MSG_OFFLINE) from error
        return response


def _parse(response: requests.Response, model: type[M]) -> M:
    status = response.status_code
    retry_after = _retry_after(response.headers.get("Retry-After"))
    if 200 <= status < 300:
        try:
            return model.model_validate_json(response.content)
        except pydantic.ValidationError:
            raise CountyUnreachable(BAD_RESPONSE, MSG_BAD_RESPONSE) from None
    if 400 <= status < 500:
        try:
            body = ErrorBody.model_validate_json(response.content)
        except pydantic.ValidationError:
            pass  # a proxy's page, not the county: try again later
        else:
            raise CountyRefused(status, body, retry_after=retry_after)
    if status >= 500:
        message = MSG_SERVER_ERROR.format(status=status)
        raise CountyUnreachable(SERVER_ERROR, message, retry_after=retry_after)
    raise CountyUnreachable(BAD_RESPONSE, MSG_BAD_RESPONSE, retry_after=retry_after)


def _retry_after(value: str | None) -> float | None:
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())


def clock_skew(server_time: str, local: datetime) -> int:
    """County clock minus station clock, whole seconds (positive: the station is slow)."""
    return round((parse_instant(server_time) - local).total_seconds())


# --- enrolment -------------------------------------------------------------------------


def enrol(
    store: Store, url: str, code: str, *, client: CountyClient | None = None
) -> state.SyncStatus:
    """Exchange a one-time enrolment code for this station's credential and keep it.

    Raises :class:`SyncFailure` when the county cannot be reached or refuses the code,
    ``ValidationError`` for an address or code that cannot be right.
    """
    url = _checked_url(url)
    with store.reading() as session:
        ids = state.station_ids(session)
    if ids is None:
        raise ValidationError(MSG_NOT_SET_UP)
    try:
        request = EnrolRequest(
            code=code.strip(), station_id=ids[0], install_id=ids[1], app_version=__version__
        )
    except pydantic.ValidationError:
        raise ValidationError(MSG_BAD_CODE) from None
    response = _enrol_call(url, request, client)
    if response.station_id != ids[0]:
        raise SyncFailure(ErrorCode.WRONG_STATION.value, MSG_WRONG_STATION)
    _keep_enrolment(store, url, response)
    log.info("enrolled with the county centre as %s", response.county_station_code)
    return state.status(store)


def take_over(
    store: Store, url: str, code: str, *, client: CountyClient | None = None
) -> state.SyncStatus:
    """Enrol a new PC as a station that enrolled before, on an empty store.

    The county answers with the station's id and how much of its ledger it holds; the
    store then stands ``behind_county`` until :func:`sync.recovery.recover` has rebuilt
    the station from that copy (the first entry, ``station.created``, makes the station
    row). Until the takeover finishes the ids live in ``sync_state``. A code for a
    station that never enrolled is refused by the county (``nothing_to_take_over``).
    """
    url = _checked_url(url)
    with store.reading() as session:
        if state.station_ids(session) is not None:
            raise ValidationError(MSG_ALREADY_SET_UP)
    install_id = str(uuid.uuid4())
    try:
        request = EnrolRequest(code=code.strip(), install_id=install_id, app_version=__version__)
    except pydantic.ValidationError:
        raise ValidationError(MSG_BAD_CODE) from None
    response = _enrol_call(url, request, client)
    _keep_enrolment(store, url, response, takeover_install_id=install_id)
    log.info("took over county station %s", response.county_station_code)
    return state.status(store)


def _checked_url(url: str) -> str:
    url = url.strip()
    if not re.match(r"^https?://[^\s/]+", url):
        raise ValidationError(MSG_BAD_URL)
    return url


def _enrol_call(url: str, request: EnrolRequest, client: CountyClient | None) -> EnrolResponse:
    own = client or CountyClient(url)
    try:
        return own.enrol(request)
    finally:
        if client is None:
            own.close()


def _keep_enrolment(
    store: Store, url: str, response: EnrolResponse, *, takeover_install_id: str | None = None
) -> None:
    now = store.clock.now()
    with store.writing() as session:
        local_last = state.last_seq(session)
        row = state.row(session)
        if row is None:
            row = SyncState(id=1)
            session.add(row)
        behind = response.held_through > local_last
        row.station_id = response.station_id if takeover_install_id else None
        row.install_id = takeover_install_id
        row.county_url = url
        row.county_station_code = response.county_station_code
        row.credential = response.credential
        row.enrolled_at = now
        row.uploaded_through = min(response.held_through, local_last)
        row.consecutive_failures = 0
        row.next_attempt_at = now
        row.halted = int(behind)
        row.last_error_code = BEHIND_COUNTY if behind else None
        row.last_error_message = MSG_BEHIND_COUNTY if behind else None
        row.clock_skew_seconds = clock_skew(response.server_time, now)


# --- upload ----------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadReport:
    """How one run ended: ``outcome`` is ``ok``, ``retry``, ``halted`` or ``not_enrolled``."""

    outcome: str
    sent: int = 0
    error_code: str | None = None
    error_message: str | None = None


def client_for(
    store: Store, *, timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)
) -> CountyClient | None:
    """A client with the stored address and credential; None before enrolment."""
    enrolment = state.enrolment(store)
    if enrolment is None:
        return None
    return CountyClient(enrolment.county_url, enrolment.credential, timeout=timeout)


def upload_pending(
    store: Store,
    client: CountyClient,
    max_batches: int = DEFAULT_MAX_BATCHES,
    *,
    force: bool = False,
    rng: random.Random | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> UploadReport:
    """Upload what the county does not hold yet, up to ``max_batches`` batches.

    A halted sync (re-enrol, call the county) sends nothing unless ``force``. The outcome
    is stored (state and history) before returning, whatever it was.
    """
    enrolment = state.enrolment(store)
    if enrolment is None:
        return UploadReport("not_enrolled")
    if not force and state.status(store).halted:
        return UploadReport("halted")
    run = _Run(store, client, enrolment)
    try:
        run.send(max_batches, should_stop or (lambda: False))
        if run.drained and run.sent == 0:
            run.check_not_behind()
    except SyncFailure as failure:
        return _record_failure(store, failure, run.sent, rng)
    return _record_success(store, run.sent)


class _Run:
    def __init__(self, store: Store, client: CountyClient, enrolment: state.Enrolment) -> None:
        self.store = store
        self.client = client
        self.station_id = enrolment.station_id
        self.through = enrolment.uploaded_through
        self.sent = 0
        self.size = MAX_BATCH_ENTRIES
        self.rewound = False
        self.drained = False
        """True once a read found nothing left to send."""

    def send(self, max_batches: int, should_stop: Callable[[], bool]) -> None:
        for _ in range(max_batches):
            if should_stop():
                return
            entries, local_last = self._read_batch()
            if not entries:
                self.drained = True
                return
            try:
                ack = self.client.upload(LedgerBatch(station_id=self.station_id, entries=entries))
            except CountyRefused as refusal:
                self._recover(refusal)
                continue
            self.sent += len(entries)
            self._acknowledged(ack, entries[-1].seq, local_last)

    def _read_batch(self) -> tuple[list[WireEntry], int]:
        """The next entries in one short read; fewer when they would make too big a body."""
        with self.store.reading() as session:
            query = (
                select(LedgerEntry)
                .where(LedgerEntry.seq > self.through)
                .order_by(LedgerEntry.seq)
                .limit(self.size)
            )
            rows = list(session.scalars(query))
            local_last = state.last_seq(session)
        entries = [
            WireEntry.model_validate({**ledger.hashed_fields(row), "hash": row.hash})
            for row in rows
        ]
        while len(entries) > 1 and _body_size(entries) > MAX_BODY_BYTES // 2:
            entries = entries[: len(entries) // 2]
        return entries, local_last

    def _recover(self, refusal: CountyRefused) -> None:
        """What can be fixed without the keeper is fixed here; the rest is raised."""
        if refusal.error_code is ErrorCode.TOO_LARGE and self.size > 1:
            self.size = max(1, self.size // 2)
            return
        if refusal.error_code is ErrorCode.GAP and not self.rewound:
            # The county holds less than it once acknowledged (restored from a backup):
            # upload again from its mark rather than leave a hole in its copy.
            self.rewound = True
            head = self.client.head()
            if head.held_through < self.through:
                log.warning("county holds through %d, re-sending after it", head.held_through)
                self.through = head.held_through
                self._store_through(head.held_through, head.server_time)
                return
        if refusal.error_code is ErrorCode.FORK:
            # The county's text only guesses at a restore; say plainly what else it can
            # be (two PCs as one station) and what to do. The county records it too.
            raise SyncFailure(ErrorCode.FORK.value, MSG_FORK) from refusal
        raise refusal

    def check_not_behind(self) -> None:
        """Nothing was pending: ask the county's head once. A store restored from a backup
        taken when everything was uploaded has nothing to send, so only this finds it
        behind, before the keeper's next entry forks the chain. An unreachable county
        changes nothing here (the run still counts as done)."""
        try:
            head = self.client.head()
        except CountyUnreachable:
            return
        with self.store.reading() as session:
            local_last = state.last_seq(session)
        if head.held_through > local_last:
            raise SyncFailure(BEHIND_COUNTY, MSG_BEHIND_COUNTY)

    def _acknowledged(self, ack: BatchAck, last_sent: int, local_last: int) -> None:
        if ack.held_through > local_last:
            raise SyncFailure(BEHIND_COUNTY, MSG_BEHIND_COUNTY)
        new = min(ack.held_through, last_sent)
        if new == self.through:
            raise CountyUnreachable(NO_PROGRESS, MSG_NO_PROGRESS)
        self.through = new
        self._store_through(new, ack.server_time)
        log.info("county holds through seq %d", new)

    def _store_through(self, through: int, server_time: str) -> None:
        with self.store.writing() as session:
            row = session.get(SyncState, 1)
            if row is None:  # un-enrolled under our feet: nothing to keep
                return
            row.uploaded_through = through
            row.clock_skew_seconds = clock_skew(server_time, self.store.clock.now())


def _body_size(entries: list[WireEntry]) -> int:
    return sum(len(entry.model_dump_json()) for entry in entries)


def _record_success(store: Store, sent: int) -> UploadReport:
    now = store.clock.now()
    with store.writing() as session:
        row = state.row(session)
        if row is None:
            return UploadReport("not_enrolled", sent)
        row.last_attempt_at = row.last_success_at = now
        row.consecutive_failures = 0
        row.next_attempt_at = schedule.after_success(now)
        row.halted = 0
        row.last_error_code = row.last_error_message = None
        state.record_attempt(session, now, "ok", sent)
    return UploadReport("ok", sent)


def _record_failure(
    store: Store, failure: SyncFailure, sent: int, rng: random.Random | None
) -> UploadReport:
    now = store.clock.now()
    retry = failure.action is Action.RETRY
    with store.writing() as session:
        row = state.row(session)
        if row is None:
            return UploadReport("not_enrolled", sent)
        row.last_attempt_at = now
        if row.last_error_code == BEHIND_COUNTY and retry:
            # Being offline says nothing new: the store is still behind the county, and
            # that stop is what keeps the keeper from writing a fork (ledger.append).
            state.record_attempt(
                session, now, "retry", sent, code=failure.code, message=failure.message_zh
            )
            return UploadReport("retry", sent, failure.code, failure.message_zh)
        row.last_error_code = failure.code
        row.last_error_message = failure.message_zh[:300]
        if retry:
            row.consecutive_failures += 1
            row.next_attempt_at = schedule.after_failure(
                now, row.consecutive_failures, failure.retry_after, rng
            )
        else:
            row.halted = 1
            row.next_attempt_at = None
        outcome = "retry" if retry else "halted"
        state.record_attempt(
            session, now, outcome, sent, code=failure.code, message=failure.message_zh
        )
    log.warning("upload %s after %d entries: %s", outcome, sent, failure.code)
    return UploadReport(outcome, sent, failure.code, failure.message_zh)
