"""Ledger ingest: check a station's batch against itself and against what the county
holds, then store it and its projections in one transaction.

The checks that need no database (who sent it, the sequence inside the batch, every
hash recomputed, the links between entries) run before the transaction; the ones that
do (gap, fork, the link to the county's head, payload schemas of the new entries) run
with the station's row locked, so two batches of one station never interleave.
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
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from county.db.models import DailyAmount, DailyTotal, LedgerEntry, Refusal, Station
from county.errors import Refused
from county.stations import Caller
from sync.events import (
    CORRECTING_TYPES,
    EVENT_TYPES,
    InvalidPayload,
    UnknownEventType,
    validate_payload,
)
from sync.protocol import NonCanonicalValue, entry_hash
from sync.wire import ErrorCode, LedgerBatch, WireEntry

LEDGER_TABLE = cast(Table, LedgerEntry.__table__)
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


def check_batch(caller: Caller, batch: LedgerBatch) -> None:
    """Everything that can be judged from the batch alone; raises :class:`Refused`."""
    if batch.station_id != caller.station_id:
        raise Refused(ErrorCode.WRONG_STATION, {"station_id": batch.station_id})
    first = batch.entries[0].seq
    previous: WireEntry | None = None
    for offset, entry in enumerate(batch.entries):
        if entry.station_id != batch.station_id:
            raise Refused(ErrorCode.WRONG_STATION, {"seq": entry.seq})
        if entry.seq != first + offset:
            raise Refused(ErrorCode.GAP, {"seq": entry.seq, "expected": first + offset})
        fields = entry.model_dump(exclude={"hash"})
        try:
            recomputed = entry_hash(fields)
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


def store_batch(session: Session, now: datetime, caller: Caller, batch: LedgerBatch) -> Stored:
    """Store what is new in a checked batch; the caller's transaction commits it."""
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
        checked = [check_payload(entry) for entry in new]
        flagged = sum(1 for item in checked if item.flag is not None)
        _insert(session, now, station, new, checked)
        _project(session, station, new, checked)
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
    held_hashes: dict[int, str] = dict(rows.tuples().all())
    for entry in known:
        if held_hashes.get(entry.seq) != entry.hash:
            raise Refused(ErrorCode.FORK, {"seq": entry.seq, "held_through": station.held_through})


def check_payload(entry: WireEntry) -> Checked:
    """Judge a new entry's payload: its money and weight fields if sound, else a reason
    to flag it. Never raises: a bad payload is the county staff's to review, not a
    reason to stop the station's chain."""
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


def _invalid_reason(entry: WireEntry) -> str:
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
    """One Core executemany: the ORM's unit of work costs several times more, and a
    single multi-row VALUES measured slower still (a 7,000-parameter statement is
    compiled afresh for every batch)."""
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
    session.execute(insert(LEDGER_TABLE), rows)


def amounts(payload: dict[str, Any]) -> dict[str, int]:
    """The money and weight fields of a payload (top-level integers named ``*_fen``/``*_g``)."""
    return {
        key: value
        for key, value in payload.items()
        if (key[-4:] == MONEY_SUFFIX or key[-2:] == WEIGHT_SUFFIX)
        and type(value) is int  # not bool, which is an int too
    }


def _project(
    session: Session, station: Station, new: list[WireEntry], checked: list[Checked]
) -> None:
    """Flagged entries are left out: a figure built on a payload its schema refused (or
    one this county cannot read yet) would not be "真实、准确"."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    sums: dict[tuple[str, str, str], int] = defaultdict(int)
    for entry, check in zip(new, checked, strict=True):
        if check.flag is not None:
            continue
        counts[entry.business_day, entry.type] += 1
        for field, value in check.amounts.items():
            sums[entry.business_day, entry.type, field] += value
    if not counts:
        return
    days = sorted({day for day, _ in counts})
    totals = {
        (row.business_day, row.type): row
        for row in session.scalars(
            select(DailyTotal).where(
                DailyTotal.station == station.id, DailyTotal.business_day.in_(days)
            )
        )
    }
    for (day, kind), count in counts.items():
        total = totals.get((day, kind))
        if total is None:
            session.add(DailyTotal(station=station.id, business_day=day, type=kind, count=count))
        else:
            total.count += count
    if not sums:
        return
    held_amounts = {
        (row.business_day, row.type, row.field): row
        for row in session.scalars(
            select(DailyAmount).where(
                DailyAmount.station == station.id, DailyAmount.business_day.in_(days)
            )
        )
    }
    for (day, kind, field), value in sums.items():
        amount = held_amounts.get((day, kind, field))
        if amount is None:
            session.add(
                DailyAmount(
                    station=station.id, business_day=day, type=kind, field=field, amount=value
                )
            )
        else:
            amount.amount += value


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
