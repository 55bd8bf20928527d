"""The ledger: the station's append-only, hash-chained record of every business action.

:func:`append` is the only way an entry is written. It must be called inside the
transaction that makes the state change it records, so the change and its entry are
committed together or not at all (a transactional outbox: sync uploads the ledger,
nothing else). The database refuses UPDATE and DELETE of entries and any INSERT that
does not follow the last entry (see migration 0001), so even a bug cannot rewrite
history; a mistake is fixed by a new entry that names the one it corrects.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.cash import projection as cash_projection
from station_app.core.clock import Clock, business_day
from station_app.core.db.models import LedgerEntry, Station
from station_app.core.errors import QT_TRANSLATE_NOOP, BugError, ValidationError
from sync.events import CORRECTING_TYPES, latest_version, validate_payload
from sync.protocol import HASHED_FIELDS, canonical_json, entry_hash, format_instant


@dataclass(frozen=True)
class Appended:
    """What a caller needs of a new entry: where it stands and how to refer to it."""

    seq: int
    entry_id: str
    hash: str


BEHIND_COUNTY = "behind_county"
"""The sync stop (``sync_state.last_error_code``) that says the county holds entries this
store lacks: any entry appended now would take a sequence the county already holds and
fork the chain. ``sync.client`` sets it; ``sync.recovery`` lifts it."""

MSG_BEHIND_COUNTY = QT_TRANSLATE_NOOP(
    "core",
    "本机的台账比县服务中心的少（可能是从旧备份恢复的）。"
    "请先到“同步”页点“从县服务中心恢复”，恢复前不能办理业务。",
)


class BehindCounty(ValidationError):
    """An entry refused because the store is behind the county (see :data:`BEHIND_COUNTY`)."""

    def __init__(self) -> None:
        super().__init__(MSG_BEHIND_COUNTY)


_BEHIND = "SELECT 1 FROM sync_state WHERE id = 1 AND last_error_code = ?"
_HEAD = "SELECT seq, hash, station_id FROM ledger_entries ORDER BY seq DESC LIMIT 1"
_INSERT = (
    f"INSERT INTO ledger_entries ({', '.join(HASHED_FIELDS)}, hash)"
    f" VALUES ({', '.join('?' * (len(HASHED_FIELDS) + 1))})"
)


def append(
    session: Session,
    clock: Clock,
    *,
    operator: str,
    event_type: str,
    payload: dict[str, Any],
    corrects: str | None = None,
) -> Appended:
    """Record one business action in the current transaction.

    The entry goes through the transaction's own DB-API connection rather than the ORM:
    it is on the hot path of every scan, and the database's triggers, not the ORM, are
    what guard it.

    The money it moved, if any, is booked in the cash book in the same transaction
    (:mod:`station_app.core.cash.projection`).

    Refused with :class:`BehindCounty` while the sync state says the county holds more
    than this store: every type alike, since any new entry would fork the chain (recovery
    imports the county's entries through :mod:`~station_app.core.ledger_import`, never
    through here). One primary-key read in the same transaction.
    """
    if not session.in_transaction():
        raise BugError("ledger.append outside a transaction: the entry would stand alone")
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None
    if dbapi.execute(_BEHIND, (BEHIND_COUNTY,)).fetchone() is not None:
        raise BehindCounty()
    version = latest_version(event_type)
    validate_payload(event_type, version, payload)
    _check_correction(session, event_type, corrects)
    session.flush()  # the state change this entry records goes first
    head = dbapi.execute(_HEAD).fetchone()
    station_id = head[2] if head else session.scalar(select(Station.station_id))
    if station_id is None:
        raise BugError("ledger.append before the station exists")
    now = clock.now()
    fields: dict[str, Any] = {
        "entry_id": str(uuid.uuid4()),
        "station_id": station_id,
        "seq": 1 if head is None else head[0] + 1,
        "type": event_type,
        "schema_version": version,
        "occurred_at": format_instant(now),
        "business_day": business_day(now).isoformat(),
        "operator": operator,
        "payload": payload,
        "corrects": corrects,
        "prev_hash": None if head is None else head[1],
    }
    digest = entry_hash(fields)
    payload_text = canonical_json(payload).decode("utf-8")
    dbapi.execute(
        _INSERT,
        (*(payload_text if name == "payload" else fields[name] for name in HASHED_FIELDS), digest),
    )
    cash_projection.book(
        dbapi,
        seq=fields["seq"],
        event_type=event_type,
        business_day=fields["business_day"],
        payload=payload,
        corrects=corrects,
    )
    return Appended(fields["seq"], fields["entry_id"], digest)


def _check_correction(session: Session, event_type: str, corrects: str | None) -> None:
    if event_type in CORRECTING_TYPES and corrects is None:
        raise BugError(f"{event_type} must name the entry it corrects")
    if corrects is None:
        return
    target = session.scalar(select(LedgerEntry.type).where(LedgerEntry.entry_id == corrects))
    if target is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "要更正的台账记录不存在：{entry_id}"), entry_id=corrects
        )
    already = session.scalar(
        select(LedgerEntry.seq).where(
            LedgerEntry.corrects == corrects, LedgerEntry.type == "entry.voided"
        )
    )
    if already is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "这条记录已经作废过了，不能重复作废。"))


def recent(session: Session, limit: int) -> list[LedgerEntry]:
    """The newest entries, newest first: what a keeper checks after a busy hour."""
    query = select(LedgerEntry).order_by(LedgerEntry.seq.desc()).limit(limit)
    return list(session.scalars(query))


def payload_of(entry: LedgerEntry) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(entry.payload)
    return value


def hashed_fields(entry: LedgerEntry) -> dict[str, Any]:
    """An entry's fields as they were hashed (the payload parsed back from its text)."""
    return {
        "entry_id": entry.entry_id,
        "station_id": entry.station_id,
        "seq": entry.seq,
        "type": entry.type,
        "schema_version": entry.schema_version,
        "occurred_at": entry.occurred_at,
        "business_day": entry.business_day,
        "operator": entry.operator,
        "payload": payload_of(entry),
        "corrects": entry.corrects,
        "prev_hash": entry.prev_hash,
    }


PROBLEM_GAP = QT_TRANSLATE_NOOP("core", "序号不连续，前面缺了记录")
PROBLEM_LINK = QT_TRANSLATE_NOOP("core", "与上一条记录的哈希接不上")
PROBLEM_STATION = QT_TRANSLATE_NOOP("core", "服务站编号在台账中途改变")
PROBLEM_UNREADABLE = QT_TRANSLATE_NOOP("core", "记录内容无法读取")
PROBLEM_EDITED = QT_TRANSLATE_NOOP("core", "记录内容与哈希不符，被改动过")


@dataclass(frozen=True)
class ChainReport:
    """What a walk of the chain found: how far it got and the first bad entry, if any.

    ``problem`` is an untranslated ``core`` message (one of the ``PROBLEM_*`` texts).
    """

    checked: int
    first_bad_seq: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def verify(session: Session, batch: int = 2000) -> ChainReport:
    """Walk the whole chain in sequence order and report the first entry that breaks it."""
    checked = 0
    expected_prev: str | None = None
    station_id: str | None = None
    for entry in _entries_in_order(session, batch):
        problem = _entry_problem(entry, checked + 1, expected_prev, station_id)
        if problem is not None:
            return ChainReport(checked=checked, first_bad_seq=entry.seq, problem=problem)
        checked += 1
        expected_prev = entry.hash
        station_id = entry.station_id
    return ChainReport(checked=checked)


def _entries_in_order(session: Session, batch: int) -> Iterator[LedgerEntry]:
    query = select(LedgerEntry).order_by(LedgerEntry.seq).execution_options(yield_per=batch)
    yield from session.scalars(query)


def _entry_problem(
    entry: LedgerEntry, expected_seq: int, expected_prev: str | None, station_id: str | None
) -> str | None:
    if entry.seq != expected_seq:
        return PROBLEM_GAP
    if entry.prev_hash != expected_prev:
        return PROBLEM_LINK
    if station_id is not None and entry.station_id != station_id:
        return PROBLEM_STATION
    try:
        recomputed = entry_hash(hashed_fields(entry))
    except (ValueError, TypeError):
        return PROBLEM_UNREADABLE
    if recomputed != entry.hash:
        return PROBLEM_EDITED
    return None
