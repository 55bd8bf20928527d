"""What a sync run does after the upload: reference data and manifests, both ways.

One run is: upload the ledger (``sync.client.upload_pending``), then
:func:`download_reference`, then the manifests (:func:`download_manifests` on a village,
:func:`upload_manifests` on a township). :func:`exchange` runs the last three after a
successful upload; the scheduled job in ``ui.sync_runner`` calls it.

Every set and every manifest is taken in ONE local transaction of its own, never open
while a request is on the wire:

- A reference set is stored and applied together (``core.reference.take``); one the
  station's parser refuses is stored as refused and recorded in the sync history with
  a Chinese message, and the previous set stays in use. ``If-None-Match`` carries the
  stored ETag, so an unchanged set costs a bodiless 304; ``not_found`` (nothing
  published yet) is no error.
- A relayed manifest is imported (``reconcile.import_manifest``, as if read from its
  file) in the transaction that moves ``sync_state.manifests_through`` past its
  ``county_seq``, so a crash neither loses nor repeats one. One already imported (from
  its file on a USB stick) is skipped; one the station refuses is recorded and skipped
  (the keeper can still import the file by hand).
- A township posts each dispatched manifest the county has not acknowledged yet and
  marks it ``relayed_at`` once it has. ``unknown_destination`` (the village has not
  enrolled) is tried again on later runs; ``manifest_refused`` / ``manifest_conflict``
  are final: recorded once, not posted again, and the keeper hands over the file.

A failure to reach the county ends the run's exchange and is recorded as one history
row; it never halts or delays the ledger upload (which has its own back-off), since the
next run asks again anyway.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import or_, select

from station_app.core import reference
from station_app.core.db.manifest_models import Manifest, ManifestDirection
from station_app.core.db.models import Role, StationLevel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.first_run import station_info
from station_app.core.manifests import files, reconcile
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from sync import state
from sync.client import (
    BAD_RESPONSE,
    MSG_BAD_RESPONSE,
    Action,
    CountyClient,
    CountyRefused,
    CountyUnreachable,
    SyncFailure,
)
from sync.wire import ErrorCode, WireManifest

log = logging.getLogger(__name__)

REFERENCE_REFUSED = "reference_refused"
MANIFEST_NOT_IMPORTED = "manifest_not_imported"
COUNTY_ACTOR = OperatorInfo(0, "sync:county", "县服务中心", Role.ASSISTANT, True)
"""Who imports a manifest the county relayed. Its login cannot be an operator's (a
colon is not allowed in one), so the ledger tells a sync import from a keeper's."""
MAX_MANIFEST_PAGES = 10
"""Pages of manifests per run (200 manifests): more wait for the next run."""
MAX_RELAYS = 50
"""Manifests a township posts per run: quitting the app never waits behind many."""
FINAL_REFUSALS = frozenset({ErrorCode.MANIFEST_REFUSED.value, ErrorCode.MANIFEST_CONFLICT.value})
RELAY_REFUSALS = FINAL_REFUSALS | {ErrorCode.UNKNOWN_DESTINATION.value}

MSG_MANIFEST_NOT_IMPORTED = QT_TRANSLATE_NOOP(
    "core", "县服务中心转来的交接单{number}没有导入：{reason}可以用交接单文件导入。"
)
MSG_MANIFEST_NOT_RELAYED = QT_TRANSLATE_NOOP(
    "core", "交接单{number}（发往{village}）没能经县服务中心转发：{reason}"
)


@dataclass
class ExchangeReport:
    """What one run's exchange did; ``error_code`` when it ended early."""

    applied: list[str] = field(default_factory=list)
    """Kinds of reference set newly applied."""
    refused: list[str] = field(default_factory=list)
    """Kinds of reference set fetched and refused by this station's parser."""
    imported: int = 0
    relayed: int = 0
    error_code: str | None = None
    error_message: str | None = None


def exchange(
    store: Store, client: CountyClient, *, should_stop: Callable[[], bool] | None = None
) -> ExchangeReport:
    """Reference data, then manifests; a failure is recorded and ends the exchange."""
    stop = should_stop or (lambda: False)
    report = ExchangeReport()
    try:
        for taken in download_reference(store, client, should_stop=stop):
            (report.applied if taken.applied else report.refused).append(taken.kind)
        if not stop():
            report.imported = download_manifests(store, client, should_stop=stop)
        if not stop():
            report.relayed = upload_manifests(store, client, should_stop=stop)
    except SyncFailure as failure:
        report.error_code, report.error_message = failure.code, failure.message_zh
        outcome = "retry" if failure.action is Action.RETRY else "refused"
        with store.writing() as session:
            if state.row(session) is not None:
                state.record_attempt(
                    session,
                    store.clock.now(),
                    outcome,
                    0,
                    code=failure.code,
                    message=failure.message_zh,
                )
        log.warning("exchange with the county ended early: %s", failure.code)
    return report


# --- reference data --------------------------------------------------------------------


def download_reference(
    store: Store,
    client: CountyClient,
    kinds: tuple[str, ...] = reference.KINDS,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> list[reference.Taken]:
    """Fetch each kind that changed, and store and apply it in one transaction."""
    taken_sets = []
    for kind in kinds:
        if should_stop is not None and should_stop():
            break
        with store.reading() as session:
            etag = reference.stored_etag(session, kind)
        try:
            fetched = client.reference(kind, etag)
        except CountyRefused as refusal:
            if refusal.error_code is ErrorCode.NOT_FOUND:
                continue  # nothing published: the bundled data stays in use
            raise
        if fetched is None:
            continue  # 304: the stored set is still the newest
        if fetched.reference_set.kind != kind:
            raise CountyUnreachable(BAD_RESPONSE, MSG_BAD_RESPONSE)
        now = store.clock.now()
        with store.writing() as session:
            taken = reference.take(session, now, fetched.reference_set, etag=fetched.etag)
            if taken.error is not None:
                state.record_attempt(
                    session, now, "refused", 0, code=REFERENCE_REFUSED, message=taken.error
                )
        reference.put_in_use(taken)  # only once committed
        taken_sets.append(taken)
    return taken_sets


# --- manifests to a village ------------------------------------------------------------


def download_manifests(
    store: Store, client: CountyClient, *, should_stop: Callable[[], bool] | None = None
) -> int:
    """Import the manifests relayed to this village since the last one taken; returns
    how many were imported. A township store has none to fetch."""
    with store.reading() as session:
        info, row = station_info(session), state.row(session)
        if info is None or info.level is not StationLevel.VILLAGE or row is None:
            return 0
        after = row.manifests_through
    imported = 0
    for _ in range(MAX_MANIFEST_PAGES):
        page = client.manifests(after)
        if not page.manifests:
            break
        for relayed in page.manifests:
            if should_stop is not None and should_stop():
                return imported
            imported += _take_manifest(store, relayed)
            after = relayed.county_seq
    return imported


def _take_manifest(store: Store, relayed: WireManifest) -> int:
    """Import one relayed manifest, moving the cursor in the same transaction."""
    try:
        document = files.read_manifest(json.dumps(relayed.document, ensure_ascii=False).encode())
        with store.writing() as session:
            row = state.row(session)
            if row is None or relayed.county_seq <= row.manifests_through:
                return 0  # un-enrolled meanwhile, or taken by an earlier run
            row.manifests_through = relayed.county_seq
            if session.scalar(select(Manifest.id).where(Manifest.uid == relayed.uid)):
                return 0  # imported from its file already: nothing to do
            reconcile.import_manifest(session, store.clock, actor=COUNTY_ACTOR, document=document)
    except ValidationError as error:
        # Rolled back whole; the cursor moves past it on its own, with the reason kept.
        message = MSG_MANIFEST_NOT_IMPORTED.format(number=relayed.number, reason=error.message)
        with store.writing() as session:
            row = state.row(session)
            if row is not None:
                row.manifests_through = max(row.manifests_through, relayed.county_seq)
                state.record_attempt(
                    session,
                    store.clock.now(),
                    "refused",
                    0,
                    code=MANIFEST_NOT_IMPORTED,
                    message=message,
                )
        log.warning("relayed manifest %s not imported", relayed.uid)
        return 0
    log.info("manifest %s imported from the county (seq %d)", relayed.uid, relayed.county_seq)
    return 1


# --- manifests from a township ---------------------------------------------------------


def upload_manifests(
    store: Store, client: CountyClient, *, should_stop: Callable[[], bool] | None = None
) -> int:
    """Post the dispatched manifests the county does not hold yet; returns how many it
    acknowledged. A village store sends none."""
    with store.reading() as session:
        info = station_info(session)
        if info is None or info.level is not StationLevel.TOWNSHIP:
            return 0
        pending = list(
            session.execute(
                select(Manifest.uid, Manifest.number, Manifest.to_name, Manifest.relay_error)
                .where(
                    Manifest.direction == ManifestDirection.OUTGOING.value,
                    Manifest.relayed_at.is_(None),
                    or_(
                        Manifest.relay_error.is_(None),
                        Manifest.relay_error.not_in(FINAL_REFUSALS),
                    ),
                )
                .order_by(Manifest.id)
                .limit(MAX_RELAYS)
            )
        )
    relayed = 0
    for uid, number, village, last_error in pending:
        if should_stop is not None and should_stop():
            break
        with store.reading() as session:
            document = files.manifest_file(session, uid)
        try:
            receipt = client.post_manifest(document)
        except CountyRefused as refusal:
            if refusal.code not in RELAY_REFUSALS:
                raise
            _relay_refused(store, uid, refusal, last_error, number=number, village=village)
            continue
        if receipt.uid != uid:
            raise CountyUnreachable(BAD_RESPONSE, MSG_BAD_RESPONSE)
        with store.writing() as session:
            row = session.scalar(select(Manifest).where(Manifest.uid == uid))
            if row is not None:
                row.relayed_at, row.relay_error = store.clock.now(), None
        log.info("manifest %s held by the county for %s", uid, receipt.to_station_code)
        relayed += 1
    return relayed


def _relay_refused(
    store: Store,
    uid: str,
    refusal: CountyRefused,
    last_error: str | None,
    *,
    number: str,
    village: str,
) -> None:
    """Keep the county's refusal on the manifest; say it in the history once, not on
    every run while a village is still to enrol."""
    with store.writing() as session:
        row = session.scalar(select(Manifest).where(Manifest.uid == uid))
        if row is not None:
            row.relay_error = refusal.code
        if refusal.code != last_error:
            message = MSG_MANIFEST_NOT_RELAYED.format(
                number=number, village=village, reason=refusal.message_zh
            )
            outcome = "retry" if refusal.action is Action.RETRY else "refused"
            state.record_attempt(
                session, store.clock.now(), outcome, 0, code=refusal.code, message=message
            )
    log.warning("manifest %s not relayed: %s", uid, refusal.code)
