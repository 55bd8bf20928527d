"""Rebuilding a station that is behind the county from the county's copy of its ledger.

A store restored from an older backup, or a new PC taking over a station, lacks the
entries written after the backup; the county holds them (upload stops with
``behind_county`` when it sees this). :func:`recover` fetches them a page at a time
(``GET /ledger/entries`` after the local last sequence) and, for each page, in ONE
local transaction: imports the entries exactly as the county holds them
(:mod:`station_app.core.ledger_import`: same ids, sequences and hashes, every hash and
link checked), replays their effect on the state tables (:mod:`station_app.core.replay`)
and moves ``uploaded_through`` over them (the county holds them, so they are not
pending). No transaction is open while a request is on the wire.

So it is idempotent and resumable: a crash or a lost connection between pages leaves
whole pages only, and the next run starts after the local last sequence. It never
forks: where the local ledger already went on differently from the county's copy (the
store was restored and then written to, or another PC writes as this station), the
import refuses, nothing is merged, and the keeper is told to call the county.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from station_app.core import ledger_import, replay
from station_app.core.db.models import LedgerEntry
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.store import Store
from sync import state
from sync.client import BEHIND_COUNTY, CountyClient, SyncFailure
from sync.wire import MAX_BATCH_ENTRIES, LedgerHead

log = logging.getLogger(__name__)

MSG_NOT_ENROLLED = QT_TRANSLATE_NOOP("core", "本站还没有接入县服务中心，无法从县里恢复台账。")
MSG_COUNTY_GAVE_LESS = QT_TRANSLATE_NOOP(
    "core", "县服务中心这次没有给出应有的台账记录，已恢复的部分都保留着，稍后再试。"
)


@dataclass(frozen=True)
class RecoveryReport:
    """How a run ended: ``outcome`` is ``ok`` (the local ledger now holds all the county
    held when the run began), ``retry`` (the county could not be reached or gave less:
    run again, from where this one stopped), ``refused`` (a fork or a broken entry:
    call the county) or ``not_enrolled``. ``not_replayed``: sequences imported but not
    applied to state (a type this app does not know: update the app)."""

    outcome: str
    imported: int = 0
    local_last: int = 0
    county_held: int = 0
    not_replayed: tuple[int, ...] = ()
    error_code: str | None = None
    error_message: str | None = None


def recover(
    store: Store,
    client: CountyClient,
    *,
    page_size: int = MAX_BATCH_ENTRIES,
    after_page: Callable[[int], None] | None = None,
) -> RecoveryReport:
    """Fetch, import and replay what the county holds beyond the local ledger.

    ``after_page`` is called with the local last sequence after each committed page
    (progress for the UI; tests raise from it to simulate a crash).
    """
    if state.enrolment(store) is None:
        return RecoveryReport("not_enrolled", error_message=MSG_NOT_ENROLLED)
    imported = 0
    skipped: list[int] = []
    try:
        head = client.head()
        local_last = _check_shared_point(store, head)
        while local_last < head.held_through:
            page = client.ledger_entries(local_last, min(page_size, MAX_BATCH_ENTRIES))
            if not page.entries:
                raise _GaveLess()
            with store.writing() as session:
                result = ledger_import.import_entries(
                    session, [entry.model_dump() for entry in page.entries]
                )
                for fields in result.entries:
                    if not replay.apply(session, replay.Entry.of(fields)):
                        skipped.append(fields["seq"])
                local_last = state.last_seq(session)
                row = state.row(session)
                if row is not None:
                    row.uploaded_through = max(
                        row.uploaded_through, min(local_last, head.held_through)
                    )
            imported += len(result.entries)
            log.info("recovered through seq %d of %d", local_last, head.held_through)
            if after_page is not None:
                after_page(local_last)
    except ledger_import.ImportRefused as refused:
        _record_stop(store, refused.code, refused.message)
        log.warning("recovery refused at seq %d: %s", refused.seq, refused.code)
        return RecoveryReport(
            "refused", imported, error_code=refused.code, error_message=refused.message
        )
    except _GaveLess:
        return RecoveryReport("retry", imported, error_message=MSG_COUNTY_GAVE_LESS)
    except SyncFailure as failure:
        return RecoveryReport(
            "retry", imported, error_code=failure.code, error_message=failure.message_zh
        )
    _clear_stop(store, local_last, head.held_through)
    if skipped:
        log.warning("recovery: %d entries of unknown types not replayed", len(skipped))
    return RecoveryReport("ok", imported, local_last, head.held_through, tuple(skipped))


class _GaveLess(Exception):
    """An empty page before the head the county announced: it lost entries meanwhile."""


def _check_shared_point(store: Store, head: LedgerHead) -> int:
    """The local last sequence, once the entry both copies hold last agrees.

    When the local ledger is at or beyond the county's head, the county's last hash must
    be the local entry at that sequence; otherwise the two went different ways (a fork)
    and the import would refuse it anyway, only later.
    """
    with store.reading() as session:
        local_last = state.last_seq(session)
        if head.held_through == 0 or local_last < head.held_through:
            return local_last
        local_hash = session.scalar(
            select(LedgerEntry.hash).where(LedgerEntry.seq == head.held_through)
        )
    if local_hash != head.last_hash:
        raise ledger_import.ImportRefused(
            ledger_import.FORK, ledger_import.MSG_FORK, head.held_through
        )
    return local_last


def _clear_stop(store: Store, local_last: int, county_held: int) -> None:
    """Everything up to the county's head is held there, so not pending; the
    ``behind_county`` stop is lifted and the next upload is due now. Any other stop
    (re-enrol, call the county) is not recovery's to lift."""
    now = store.clock.now()
    with store.writing() as session:
        row = state.row(session)
        if row is None:
            return
        row.uploaded_through = max(row.uploaded_through, min(local_last, county_held))
        if row.last_error_code != BEHIND_COUNTY:
            return
        row.halted = 0
        row.last_error_code = row.last_error_message = None
        row.consecutive_failures = 0
        row.next_attempt_at = now
        log.info("behind_county cleared: local ledger through seq %d", local_last)


def _record_stop(store: Store, code: str, message: str) -> None:
    with store.writing() as session:
        row = state.row(session)
        if row is None:
            return
        row.halted = 1
        row.next_attempt_at = None
        row.last_error_code = code
        row.last_error_message = message[:300]
        state.record_attempt(session, store.clock.now(), "halted", 0, code=code, message=message)
