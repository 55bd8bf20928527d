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

The produce projection (``county.produce``) follows the order of the ledger (a void
after its purchase, a split after its lot), so when entries of its types are unflagged
the station's produce rows are rebuilt from the ledger copy rather than added to.
``produce=True`` (``--produce``) rebuilds them in any case: for entries stored before
the county had the projection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Engine, Table, bindparam, select, update
from sqlalchemy.orm import Session

from county import produce as produce_module
from county.db.engine import WriteSessions
from county.db.models import LedgerEntry, Station
from county.ingest import Checked, check_payload, project

LEDGER = cast(Table, LedgerEntry.__table__)


@dataclass(frozen=True)
class Reprojected:
    station_code: str
    unflagged: int
    still_flagged: int
    produce_rebuilt: bool = False


def reproject(
    engine: Engine, station_code: str | None = None, *, produce: bool = False
) -> list[Reprojected]:
    """Every station with flagged entries (or only ``station_code``: ``LookupError`` if
    there is none), each in its own transaction. ``produce``: also rebuild the produce
    projection, of every station whose ledger copy holds produce entries."""
    with Session(engine) as session:
        targets = _stations(session, station_code)
        if produce and station_code is None:
            targets = _with_produce(session, targets)
    writing = WriteSessions(engine)
    done = []
    for station, code in targets:
        with writing.begin() as session:
            unflagged, still, rebuilt = reproject_station(session, station, produce=produce)
        done.append(Reprojected(code, unflagged, still, rebuilt))
    return done


def _with_produce(session: Session, targets: list[tuple[int, str]]) -> list[tuple[int, str]]:
    rows = session.execute(select(Station.id, Station.code).order_by(Station.code)).all()
    found = dict(targets)
    for station, code in rows:
        if station not in found and produce_module.holds_produce(session, station):
            found[station] = code
    return sorted(found.items(), key=lambda item: item[1])


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


def reproject_station(
    session: Session, station: int, *, produce: bool = False
) -> tuple[int, int, bool]:
    """Judge one station's flagged entries again; (unflagged, still flagged, whether the
    produce projection was rebuilt). The caller's transaction commits it."""
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
    rebuild = produce or any(e.type in produce_module.PROJECTED_TYPES for e, _ in passed)
    if rebuild:
        session.flush()
        produce_module.rebuild(session, station)
    return len(passed), len(entries) - len(passed), rebuild


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
