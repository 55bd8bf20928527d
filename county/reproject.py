"""Flagged entries judged again once the county knows more (``county-centre reproject``).

An entry flagged at ingest was sound in its chain but not readable here: a type from a
newer app, or a payload its schema refused. After the county is upgraded, the same
check ingest makes (:func:`county.ingest.check_payload`, not a copy of it) is run on
each flagged entry again; those it now passes are unflagged and added to the
projections exactly as ingest would have added them, and the rest keep their flag
with the reason as it reads today.

Per station, one transaction under the station's lock (the one ingest takes), so a
batch arriving meanwhile waits and nothing is counted twice; an entry leaves the flagged
set in the same transaction that counts it, so a second run finds nothing more to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Engine, Table, bindparam, select, update
from sqlalchemy.orm import Session

from county.db.engine import WriteSessions
from county.db.models import LedgerEntry, Station
from county.ingest import Checked, check_payload, project

LEDGER = cast(Table, LedgerEntry.__table__)


@dataclass(frozen=True)
class Reprojected:
    station_code: str
    unflagged: int
    still_flagged: int


def reproject(engine: Engine, station_code: str | None = None) -> list[Reprojected]:
    """Every station with flagged entries (or only ``station_code``: ``LookupError`` if
    there is none), each in its own transaction."""
    with Session(engine) as session:
        targets = _stations(session, station_code)
    writing = WriteSessions(engine)
    done = []
    for station, code in targets:
        with writing.begin() as session:
            unflagged, still = reproject_station(session, station)
        done.append(Reprojected(code, unflagged, still))
    return done


def _stations(session: Session, station_code: str | None) -> list[tuple[int, str]]:
    if station_code is not None:
        found = session.execute(
            select(Station.id, Station.code).where(Station.code == station_code)
        ).first()
        if found is None:
            raise LookupError(f"no station {station_code}")
        return [(found[0], found[1])]
    flagged = select(LedgerEntry.station).where(LedgerEntry.flagged).distinct()
    rows = session.execute(
        select(Station.id, Station.code).where(Station.id.in_(flagged)).order_by(Station.code)
    )
    return [(row[0], row[1]) for row in rows]


def reproject_station(session: Session, station: int) -> tuple[int, int]:
    """Judge one station's flagged entries again; (unflagged, still flagged). The
    caller's transaction commits it."""
    session.execute(select(Station.id).where(Station.id == station).with_for_update())
    entries = list(
        session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.station == station, LedgerEntry.flagged)
            .order_by(LedgerEntry.seq)
        )
    )
    verdicts = [check_payload(entry) for entry in entries]
    passed = [(e, v) for e, v in zip(entries, verdicts, strict=True) if v.flag is None]
    project(session, station, ((e.business_day, e.type, v.amounts) for e, v in passed))
    _unflag(session, [entry.id for entry, _ in passed])
    _reword(session, entries, verdicts)
    return len(passed), len(entries) - len(passed)


def _unflag(session: Session, ids: Sequence[int]) -> None:
    if ids:
        session.execute(
            update(LEDGER)
            .where(LEDGER.c.id == bindparam("row"), LEDGER.c.flagged)
            .values(flagged=False, flag_reason=None),
            [{"row": row} for row in ids],
        )


def _reword(session: Session, entries: list[LedgerEntry], verdicts: list[Checked]) -> None:
    """Still flagged, but perhaps for another reason now (a type the county has learnt,
    whose schema this payload fails)."""
    changed = [
        {"row": entry.id, "reason": verdict.flag}
        for entry, verdict in zip(entries, verdicts, strict=True)
        if verdict.flag is not None and verdict.flag != entry.flag_reason
    ]
    if changed:
        session.execute(
            update(LEDGER)
            .where(LEDGER.c.id == bindparam("row"))
            .values(flag_reason=bindparam("reason")),
            changed,
        )
