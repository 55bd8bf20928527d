"""Ledger ingest: check a station's batch against itself and against what the county
holds, then store it and its projections in one transaction.

The checks that need no database (who sent it, the sequence inside the batch, every
hash recomputed, the links between entries, every payload's schema) run before the
transaction; the ones that do (gap, fork, the link to the county's head) run with the
station's row locked, so two batches of one station never interleave. The lock (on
SQLite, the whole database's write lock) is held for storing only.
Entries the county already holds with the same hash are counted as ``already_held``
and never stored twice; nothing is ever merged past a disagreement.

A payload its schema refuses does not stop the chain (DESIGN.md, Sync): the entry's
hash and links are sound, so refusing it would halt the station for good over a bug
or a newer app, while every later entry waits behind it. Such an entry is stored in
sequence, ``flagged`` with a reason for county staff, counted in the ack, and left out
of the projections. Only the chain checks (hash, links, continuity, fork) refuse.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, cast

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from county import produce
from county.db.models import DailyAmount, DailyTotal, LedgerEntry, Refusal, Station
from county.errors import Refused
from county.stations import Caller
from county.storable import has_nul
from sync.events import (
    CORRECTING_TYPES,
    EVENT_TYPES,
    InvalidPayload,
    UnknownEventType,
    validate_payload,
)
from sync.protocol import NonCanonicalValue, typed_entry_hash
from sync.wire import ErrorCode, LedgerBatch, WireEntry

LEDGER_TABLE = cast(Table, LedgerEntry.__table__)
DAILY_TOTALS = cast(Table, DailyTotal.__table__)
DAILY_AMOUNTS = cast(Table, DailyAmount.__table__)
MONEY_SUFFIX = "_fen"
WEIGHT_SUFFIX = "_g"
MAX_AMOUNT = 2**53
"""No real amount comes near (9×10^13 yuan); bounding it keeps the projection's BIGINT
sums from overflowing into a database error."""


MAX_REASON = 300
_NAME = re.compile(r"^[a-z_][a-z0-9_.]{0,63}$")


@dataclass(frozen=True)
class Stored:
    held_through: int
    stored: int
    already_held: int
    flagged: int = 0


@dataclass(frozen=True)
class Checked:
    """What the payload check found: the amounts to project, or why the entry is flagged."""

    amounts: dict[str, int]
    flag: str | None = None


class PayloadFields(Protocol):
    """What the payload check reads: a ``WireEntry`` at ingest, a stored ``LedgerEntry``
    when flagged entries are judged again (``county.reproject``)."""

    @property
    def type(self) -> str: ...
    @property
    def schema_version(self) -> int: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def corrects(self) -> str | None: ...


def check_batch(caller: Caller, batch: LedgerBatch) -> list[Checked]:
    """Everything that can be judged from the batch alone: raises :class:`Refused` for
    the chain, returns each entry's payload verdict (:func:`check_payload`) for
    :func:`store_batch`. Judged here, before the write transaction, so no other batch
    waits on the lock while schemas are checked."""
    if batch.station_id != caller.station_id:
        raise Refused(ErrorCode.WRONG_STATION, {"station_id": batch.station_id})
    first = batch.entries[0].seq
    previous: WireEntry | None = None
    for offset, entry in enumerate(batch.entries):
        if entry.station_id != batch.station_id:
            raise Refused(ErrorCode.WRONG_STATION, {"seq": entry.seq})
        if entry.seq != first + offset:
            raise Refused(ErrorCode.GAP, {"seq": entry.seq, "expected": first + offset})
        if has_nul([entry.type, entry.operator, entry.payload]):
            # Before hashing: a float's refusal names its path, keys and all.
            raise Refused(ErrorCode.INVALID_PAYLOAD, {"seq": entry.seq, "reason": "nul"})
        try:
            # The parsed model's own field dict: the strict schema typed every field.
            recomputed = typed_entry_hash(vars(entry))
        except NonCanonicalValue as error:
            raise Refused(
                ErrorCode.INVALID_PAYLOAD, {"seq": entry.seq, "reason": str(error)}
            ) from None
        if recomputed != entry.hash:
            raise Refused(ErrorCode.BROKEN_CHAIN, {"seq": entry.seq, "reason": "hash"})
        if entry.seq == 1 and entry.prev_hash is not None:
            raise Refused(ErrorCode.BROKEN_CHAIN, {"seq": 1, "reason": "prev_hash"})
        if previous is not None and entry.prev_hash != previous.hash:
            raise Refused(ErrorCode.BROKEN_CHAIN, {"seq": entry.seq, "reason": "prev_hash"})
        previous = entry
    return [check_payload(entry) for entry in batch.entries]


def store_batch(
    session: Session, now: datetime, caller: Caller, batch: LedgerBatch, checked: list[Checked]
) -> Stored:
    """Store what is new in a batch :func:`check_batch` passed (``checked`` is what it
    returned); the caller's transaction commits it."""
    station = session.scalars(
        select(Station).where(Station.id == caller.station).with_for_update()
    ).one()
    held = station.held_through
    entries = batch.entries
    first = entries[0].seq
    if first > held + 1:
        raise Refused(ErrorCode.GAP, {"seq": first, "held_through": held})
    known = [entry for entry in entries if entry.seq <= held]
    if known:
        _check_known(session, station, known)
    new = entries[len(known) :]
    flagged = 0
    if new:
        if new[0].prev_hash != station.last_hash:
            # Chained to something else at ``held``: the station's history differs
            # from the county's copy before this batch (an old backup restored, two PCs).
            raise Refused(
                ErrorCode.FORK, {"seq": held, "held_through": held, "reason": "prev_hash"}
            )
        verdicts = checked[len(known) :]
        flagged = sum(1 for item in verdicts if item.flag is not None)
        _insert(session, now, station, new, verdicts)
        project(
            session,
            station.id,
            (
                (entry.business_day, entry.type, verdict.amounts)
                for entry, verdict in zip(new, verdicts, strict=True)
                if verdict.flag is None
            ),
        )
        produce_entries = [
            entry
            for entry, verdict in zip(new, verdicts, strict=True)
            if entry.type in produce.PROJECTED_TYPES and verdict.flag is None
        ]
        if produce_entries:
            produce.project(session, station.id, produce_entries)
        station.held_through = new[-1].seq
        station.last_hash = new[-1].hash
    station.last_batch_at = now
    return Stored(station.held_through, len(new), len(known), flagged)


def _check_known(session: Session, station: Station, known: list[WireEntry]) -> None:
    rows = session.execute(
        select(LedgerEntry.seq, LedgerEntry.hash).where(
            LedgerEntry.station == station.id,
            LedgerEntry.seq >= known[0].seq,
            LedgerEntry.seq <= known[-1].seq,
        )
    )
    held_hashes: dict[int, str] = dict(rows.all())
    for entry in known:
        if held_hashes.get(entry.seq) != entry.hash:
            raise Refused(ErrorCode.FORK, {"seq": entry.seq, "held_through": station.held_through})


def check_payload(entry: PayloadFields) -> Checked:
    """Judge an entry's payload against the schemas this county knows: its money and
    weight fields if sound, else a reason to flag it. Never raises: a bad payload is the
    county staff's to review, not a reason to stop the station's chain."""
    try:
        validate_payload(entry.type, entry.schema_version, entry.payload)
    except UnknownEventType:
        return Checked({}, f"unknown_event_type: {_safe_name(entry.type)} v{entry.schema_version}")
    except InvalidPayload:
        return Checked({}, _invalid_reason(entry))
    found = amounts(entry.payload)
    too_big = sorted(key for key, value in found.items() if abs(value) > MAX_AMOUNT)
    if too_big:
        names = ", ".join(_safe_name(key) for key in too_big)
        return Checked({}, _clip(f"invalid_payload: out of range: {names}"))
    if entry.type in CORRECTING_TYPES and entry.corrects is None:
        return Checked({}, "invalid_payload: corrects is required")
    return Checked(found)


def _invalid_reason(entry: PayloadFields) -> str:
    """Where and what kind of error, from the schema's own errors: field names and error
    types only. Not the exception text: a message may quote a value, and a value may be
    a phone number (the reason is shown to staff and logged)."""
    model = EVENT_TYPES[entry.type][entry.schema_version]
    try:
        model.model_validate(entry.payload)
    except PydanticValidationError as error:
        problems = [
            ".".join(_safe_name(str(part)) for part in item["loc"]) + f": {item['type']}"
            for item in error.errors(include_url=False, include_input=False, include_context=False)
        ]
    else:  # validate_payload refused what the model accepts: name the type only
        problems = []
    detail = "; ".join(problems) or "schema"
    return _clip(f"invalid_payload: {entry.type} v{entry.schema_version}: {detail}")


def _safe_name(text: str) -> str:
    """A field or type name as sent, if it looks like one; ``?`` for anything else (a
    payload key could be anything a buggy app wrote, a phone number included)."""
    return text if _NAME.match(text) or (text.isdigit() and len(text) <= 4) else "?"


def _clip(text: str) -> str:
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def _insert(
    session: Session,
    now: datetime,
    station: Station,
    new: list[WireEntry],
    checked: list[Checked],
) -> None:
    rows = [
        {
            "station": station.id,
            "seq": entry.seq,
            "entry_id": entry.entry_id,
            "station_id": entry.station_id,
            "type": entry.type,
            "schema_version": entry.schema_version,
            "occurred_at": entry.occurred_at,
            "business_day": entry.business_day,
            "operator": entry.operator,
            "payload": entry.payload,
            "corrects": entry.corrects,
            "prev_hash": entry.prev_hash,
            "hash": entry.hash,
            "received_at": now,
            "flagged": check.flag is not None,
            "flag_reason": check.flag,
        }
        for entry, check in zip(new, checked, strict=True)
    ]
    insert_rows(session, rows)


def insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Ledger rows in the cheapest way each database takes them (the ingest benchmark's
    raw baseline uses this too): one Core executemany on SQLite, COPY on PostgreSQL. The
    ORM's unit of work costs several times more, and a single multi-row VALUES measured
    slower still (a 7,000-parameter statement is compiled afresh for every batch)."""
    if session.get_bind().dialect.name == "postgresql":
        _copy(session, rows)
    else:
        session.execute(insert(LEDGER_TABLE), rows)


def _copy(session: Session, rows: list[dict[str, Any]]) -> None:
    """psycopg sends an executemany as one prepared INSERT per row, and that per-row
    round through its pipeline was half of a batch's CPU; COPY streams the rows (about
    a third of the cost). Same transaction: the session's own connection."""
    from psycopg.types.json import Jsonb

    columns = list(rows[0])
    driver: Any = session.connection().connection.driver_connection
    statement = f"COPY {LEDGER_TABLE.name} ({', '.join(columns)}) FROM STDIN"
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([Jsonb(row[c]) if c == "payload" else row[c] for c in columns])


def amounts(payload: dict[str, Any]) -> dict[str, int]:
    """The money and weight fields of a payload (top-level integers named ``*_fen``/``*_g``)."""
    return {
        key: value
        for key, value in payload.items()
        if (key[-4:] == MONEY_SUFFIX or key[-2:] == WEIGHT_SUFFIX)
        and type(value) is int  # not bool, which is an int too
    }


def project(
    session: Session, station: int, judged: Iterable[tuple[str, str, dict[str, int]]]
) -> None:
    """Add entries to the projections: ``judged`` is each entry's business day, type and
    amounts. Only entries whose payload passed: a figure built on a payload its schema
    refused (or one this county cannot read yet) would not be "真实、准确"."""
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    sums: dict[tuple[str, ...], int] = defaultdict(int)
    for day, kind, found in judged:
        counts[day, kind] += 1
        for field, value in found.items():
            sums[day, kind, field] += value
    if counts:
        _add(session, DAILY_TOTALS, station, counts, "count")
    if sums:
        _add(session, DAILY_AMOUNTS, station, sums, "amount")


def _add(
    session: Session, table: Table, station: int, added: dict[tuple[str, ...], int], value: str
) -> None:
    """Add ``added`` (by business day, type[, field]) to a projection's rows, making the
    missing ones: one SELECT, then one executemany each for updates and inserts (the
    ORM's unit of work cost more than the rest of a small batch). Not an upsert:
    PostgreSQL's ``ON CONFLICT`` spends a sequence value on every row it updates, and
    these ids are 32-bit. The caller holds the station's lock, so no other transaction
    makes one of these rows meanwhile."""
    names = ["business_day", "type", "field"][: len(next(iter(added)))]
    keys = [table.c[name] for name in names]
    held = {
        tuple(row[1:]): row[0]
        for row in session.execute(
            select(table.c.id, *keys).where(
                table.c.station == station,
                table.c.business_day.in_(sorted({key[0] for key in added})),
            )
        )
    }
    changes = [{"row": held[key], "add": n} for key, n in added.items() if key in held]
    if changes:
        column = table.c[value]
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row"))
            .values({column: column + bindparam("add")}),
            changes,
        )
    made = [
        {"station": station, **dict(zip(names, key, strict=True)), value: n}
        for key, n in added.items()
        if key not in held
    ]
    if made:
        session.execute(insert(table), made)


def record_refusal(
    session: Session, now: datetime, station: int, refused: Refused, request_id: str
) -> None:
    """Keep a refusal for county staff; a repeat of the latest one only bumps its count,
    so a station retrying a fork every few minutes does not fill the table."""
    seq = refused.detail.get("seq")
    seq = seq if isinstance(seq, int) else None
    latest = session.scalars(
        select(Refusal).where(Refusal.station == station).order_by(Refusal.id.desc()).limit(1)
    ).first()
    if latest is not None and latest.code == refused.code.value and latest.seq == seq:
        latest.repeats += 1
        latest.last_at = now
        latest.request_id = request_id
        return
    session.add(
        Refusal(
            station=station,
            code=refused.code.value,
            seq=seq,
            detail=refused.detail,
            request_id=request_id,
            first_at=now,
            last_at=now,
            repeats=1,
        )
    )


def entries_after(session: Session, station: int, after: int, limit: int) -> list[WireEntry]:
    rows = session.scalars(
        select(LedgerEntry)
        .where(LedgerEntry.station == station, LedgerEntry.seq > after)
        .order_by(LedgerEntry.seq)
        .limit(limit)
    )
    return [
        WireEntry(
            entry_id=row.entry_id,
            station_id=row.station_id,
            seq=row.seq,
            type=row.type,
            schema_version=row.schema_version,
            occurred_at=row.occurred_at,
            business_day=row.business_day,
            operator=row.operator,
            payload=row.payload,
            corrects=row.corrects,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )
        for row in rows
    ]
