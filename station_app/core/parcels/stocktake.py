"""Stocktake (盘点): scan every parcel on the shelves and reconcile the count with the record.

The keeper starts a count (the whole station or some shelves), optionally says which
shelf and tier they are standing at, and scans. Each scan is its own small transaction
in ``stocktake_items``, committed before the beep, so a power cut loses at most the
scan in hand and an interrupted count is resumed where it stopped.

Scans are not ledger entries: a count is hundreds of beeps and the county needs the
outcome, not each one. The ledger gets what a county report or an audit needs: the
start (scope and how many parcels the record expects), the finish (every count), and
each decision about one parcel the keeper answers for — lost (``parcel.lost``), given
a new place (``parcel.relocated``), put back (``stocktake.parcel_reshelved``). "Found"
(the scanner missed it; it is there) and "set aside" change no parcel and are counted
in the finish entry; a check-in from the count is an ordinary ``parcel.checked_in``.

Findings:
- missing: on record on a counted shelf since before the count began, never scanned;
- unknown: scanned but not on record as on the shelf (never checked in, already picked
  up, returned, or lost);
- wrong shelf: on record, but scanned while the keeper counted another shelf or tier
  (or, with no place set, on a shelf outside the count).

改登记 (relocate) gives the parcel a new pickup code at the place it was found, and
queues a notice with the new code: a ``shelf-tier-serial`` code exists to say where to
reach, so keeping the old code at a new place would send every later search to the
wrong shelf. The keeper writes the new code on the parcel (the screen says so).
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from station_app.core import couriers, ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus, Shelf
from station_app.core.db.stocktake_models import (
    Finding,
    Resolution,
    Stocktake,
    StocktakeItem,
    StocktakeStatus,
    UnknownKind,
)
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.notifications import outbox
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import checkin, shelves
from station_app.core.parcels.checkin import Arrival, CheckInResult, Outcome
from station_app.core.parcels.views import ParcelView

ON_SHELF = ParcelStatus.ON_SHELF.value
OPEN = StocktakeStatus.OPEN.value
SEPARATOR = ","

_UNKNOWN_KIND_OF_STATUS = {
    ParcelStatus.PICKED_UP.value: UnknownKind.PICKED_UP,
    ParcelStatus.RETURNED.value: UnknownKind.RETURNED,
    ParcelStatus.LOST.value: UnknownKind.LOST,
}


class ScanOutcome(enum.StrEnum):
    OK = "ok"
    WRONG_SHELF = "wrong_shelf"
    UNKNOWN = "unknown"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class StocktakeView:
    uid: str
    status: StocktakeStatus
    shelves: tuple[str, ...]
    """The shelf codes counted; empty means the whole station."""
    expected: int
    started_at: datetime
    started_by: str
    current_shelf: str | None
    current_tier: int | None

    @classmethod
    def of(cls, row: Stocktake) -> StocktakeView:
        return cls(
            uid=row.uid,
            status=StocktakeStatus(row.status),
            shelves=_scope(row),
            expected=row.expected,
            started_at=row.started_at,
            started_by=row.started_by,
            current_shelf=row.current_shelf,
            current_tier=row.current_tier,
        )


@dataclass(frozen=True)
class ItemView:
    """One scanned (or decided-on) parcel of a count, with the parcel on record if any
    (for an unknown one: the newest parcel with that number, which says why)."""

    tracking_number: str
    finding: Finding
    unknown_kind: UnknownKind | None
    found_shelf: str | None
    found_tier: int | None
    scans: int
    resolution: Resolution | None
    parcel: ParcelView | None


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    item: ItemView


@dataclass(frozen=True)
class Counts:
    """What the finish entry carries (``stocktake.finished``), and the running tally."""

    expected: int
    scanned: int
    duplicate_scans: int
    missing: int
    found: int
    lost: int
    wrong_shelf: int
    reshelved: int
    relocated: int
    unknown: int
    checked_in: int
    set_aside: int
    unresolved: int


@dataclass(frozen=True)
class Report:
    """The findings still waiting for a decision, and the counts so far."""

    stocktake: StocktakeView
    missing: list[ParcelView]
    wrong_shelf: list[ItemView]
    unknown: list[ItemView]
    counts: Counts


# --- starting, placing, resuming ----------------------------------------------------


def current(session: Session) -> StocktakeView | None:
    """The open count, if any: what the tab offers to resume."""
    row = _open_row(session)
    return None if row is None else StocktakeView.of(row)


def start(
    session: Session, clock: Clock, *, actor: OperatorInfo, shelf_codes: Sequence[str] = ()
) -> StocktakeView:
    """Begin a count of ``shelf_codes`` (none: every shelf). One count at a time."""
    already = _open_row(session)
    if already is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "还有一次盘点没有结束（{who}开始的），请先继续或结束它。"),
            who=already.started_by,
        )
    scope = _checked_scope(session, shelf_codes)
    query = select(func.count()).select_from(Parcel).where(Parcel.status == ON_SHELF)
    if scope:
        query = query.where(Parcel.shelf.in_(scope))
    expected = int(session.scalar(query) or 0)
    uid = str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="stocktake.started",
        payload={"stocktake": uid, "shelves": list(scope), "expected": expected},
    )
    row = Stocktake(
        uid=uid,
        status=OPEN,
        shelves=SEPARATOR.join(scope),
        expected=expected,
        started_at=clock.now(),
        started_by=actor.login,
        started_seq=entry.seq,
    )
    session.add(row)
    session.flush()
    return StocktakeView.of(row)


def set_place(
    session: Session, *, stocktake_uid: str, shelf: str | None, tier: int | None
) -> StocktakeView:
    """Where the keeper is counting now (None: not said). Kept on the count, so a resumed
    count carries on at the same place; later scans are checked against it."""
    row = _open_by_uid(session, stocktake_uid)
    if shelf is None:
        tier = None
    elif tier is None:
        if session.get(Shelf, shelf) is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "没有编号为“{shelf}”的货架。"), shelf=shelf
            )
    else:
        shelves.check_place(session, shelf, tier)
    scope = _scope(row)
    if shelf is not None and scope and shelf not in scope:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{shelf}号货架不在这次盘点的范围里。"), shelf=shelf
        )
    row.current_shelf, row.current_tier = shelf, tier
    return StocktakeView.of(row)


# --- scanning -------------------------------------------------------------------------


def scan(
    session: Session, clock: Clock, *, actor: OperatorInfo, stocktake_uid: str, text: str
) -> ScanResult:
    """Record one scanned waybill (or a typed tracking number or pickup code).

    A number already met in this count adds one to its beeps and nothing else.
    """
    row = _open_by_uid(session, stocktake_uid)
    tracking, parcel = _identify(session, text)
    item = _item(session, row, tracking)
    if item is not None:
        item.scans += 1
        return ScanResult(ScanOutcome.DUPLICATE, _item_view(session, item))
    if parcel is not None:
        finding = Finding.WRONG_SHELF if _misplaced(row, parcel) else Finding.OK
        kind = None
    else:
        finding = Finding.UNKNOWN
        kind = _unknown_kind(_latest(session, tracking))
    item = StocktakeItem(
        stocktake_id=row.id,
        tracking_number=tracking,
        parcel_uid=parcel.uid if parcel is not None else None,
        finding=finding.value,
        unknown_kind=kind.value if kind is not None else None,
        found_shelf=row.current_shelf,
        found_tier=row.current_tier,
        scans=1,
        first_seen_at=clock.now(),
        seen_by=actor.login,
    )
    session.add(item)
    session.flush()
    return ScanResult(ScanOutcome(finding.value), _item_view(session, item))


def _identify(session: Session, text: str) -> tuple[str, Parcel | None]:
    """(tracking number, the parcel on the shelf with it) from a scan or typed text."""
    typed = couriers.normalise_scan(text).strip()
    if shelves.looks_like_pickup_code(typed):
        parcel = session.scalar(
            select(Parcel).where(Parcel.pickup_code == typed, Parcel.status == ON_SHELF)
        )
        if parcel is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "没有在架的包裹是这个取件码：{code}"), code=typed
            )
        return parcel.tracking_number, parcel
    tracking = couriers.recognise(typed).tracking_number
    parcel = session.scalar(
        select(Parcel).where(Parcel.tracking_number == tracking, Parcel.status == ON_SHELF)
    )
    return tracking, parcel


def _misplaced(row: Stocktake, parcel: Parcel) -> bool:
    if row.current_shelf is not None:
        return parcel.shelf != row.current_shelf or (
            row.current_tier is not None and parcel.tier != row.current_tier
        )
    scope = _scope(row)
    return bool(scope) and parcel.shelf not in scope


def _unknown_kind(latest: Parcel | None) -> UnknownKind:
    if latest is None:
        return UnknownKind.NEVER_CHECKED_IN
    return _UNKNOWN_KIND_OF_STATUS[latest.status]


# --- the report -----------------------------------------------------------------------


def report(session: Session, stocktake_uid: str) -> Report:
    """What is still to decide, and the counts so far (also of a finished count, though
    its "missing" then reflects the shelves as they are now)."""
    row = _by_uid(session, stocktake_uid)
    items = list(
        session.scalars(
            select(StocktakeItem)
            .where(StocktakeItem.stocktake_id == row.id)
            .order_by(StocktakeItem.id.desc())
        )
    )
    missing = _missing(session, row)
    open_items = [item for item in items if item.resolution is None]
    wrong = [_item_view(session, i) for i in open_items if i.finding == Finding.WRONG_SHELF]
    unknown = [_item_view(session, i) for i in open_items if i.finding == Finding.UNKNOWN]
    return Report(
        stocktake=StocktakeView.of(row),
        missing=[ParcelView.of(parcel) for parcel in missing],
        wrong_shelf=wrong,
        unknown=unknown,
        counts=_counts(row, items, len(missing)),
    )


def _counts(row: Stocktake, items: list[StocktakeItem], missing_now: int) -> Counts:
    def findings(finding: Finding) -> int:
        return sum(1 for item in items if item.finding == finding)

    def resolved(resolution: Resolution) -> int:
        return sum(1 for item in items if item.resolution == resolution)

    open_findings = sum(
        1 for item in items if item.resolution is None and item.finding != Finding.OK
    )
    return Counts(
        expected=row.expected,
        scanned=sum(1 for item in items if item.scans > 0),
        duplicate_scans=sum(max(item.scans - 1, 0) for item in items),
        missing=missing_now + findings(Finding.MISSING),
        found=resolved(Resolution.FOUND),
        lost=resolved(Resolution.LOST),
        wrong_shelf=findings(Finding.WRONG_SHELF),
        reshelved=resolved(Resolution.RESHELVED),
        relocated=resolved(Resolution.RELOCATED),
        unknown=findings(Finding.UNKNOWN),
        checked_in=resolved(Resolution.CHECKED_IN),
        set_aside=resolved(Resolution.SET_ASIDE),
        unresolved=missing_now + open_findings,
    )


def _missing(session: Session, row: Stocktake) -> list[Parcel]:
    """On a counted shelf since before the count began (by ledger sequence: the clock
    orders nothing), and not yet met in it. Parcels checked in while the count runs are
    not expected; one picked up meanwhile is simply no longer on the shelf."""
    met = exists().where(
        StocktakeItem.stocktake_id == row.id, StocktakeItem.parcel_uid == Parcel.uid
    )
    query = (
        select(Parcel)
        .join(LedgerEntry, LedgerEntry.entry_id == Parcel.checked_in_entry)
        .where(Parcel.status == ON_SHELF, LedgerEntry.seq <= row.started_seq, ~met)
        .order_by(Parcel.shelf, Parcel.tier, Parcel.pickup_code)
    )
    scope = _scope(row)
    if scope:
        query = query.where(Parcel.shelf.in_(scope))
    return list(session.scalars(query))


# --- deciding on findings -------------------------------------------------------------


def mark_found(
    session: Session, clock: Clock, *, actor: OperatorInfo, stocktake_uid: str, parcel_uid: str
) -> ParcelView:
    """找到了: a missing parcel is there after all (its waybill would not scan, say)."""
    row = _open_by_uid(session, stocktake_uid)
    parcel = _missing_parcel(session, row, parcel_uid)
    _decided_missing(
        session, clock, row=row, parcel=parcel, actor=actor, resolution=Resolution.FOUND
    )
    return ParcelView.of(parcel)


def mark_lost(
    session: Session, clock: Clock, *, actor: OperatorInfo, stocktake_uid: str, parcel_uid: str
) -> ParcelView:
    """丢失: a missing parcel is given up on. It leaves the shelf (status ``lost``), its
    unsent notices are cancelled, and the ledger says so."""
    row = _open_by_uid(session, stocktake_uid)
    parcel = _missing_parcel(session, row, parcel_uid)
    parcel.status = ParcelStatus.LOST.value
    outbox.cancel_for_parcel(session, parcel.uid)
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="parcel.lost",
        payload={
            "parcel": parcel.uid,
            "tracking_number": parcel.tracking_number,
            "stocktake": row.uid,
        },
    )
    _decided_missing(
        session, clock, row=row, parcel=parcel, actor=actor, resolution=Resolution.LOST
    )
    return ParcelView.of(parcel)


def reshelve(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    stocktake_uid: str,
    tracking_number: str,
) -> ParcelView:
    """已归位: a parcel on the wrong shelf was put back where its pickup code says."""
    row = _open_by_uid(session, stocktake_uid)
    item = _open_item(session, row, tracking_number, Finding.WRONG_SHELF)
    parcel = _still_on_shelf(session, item)
    if item.found_shelf is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "不知道它是在哪个货架扫到的。请先选好正在盘点的货架。")
        )
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="stocktake.parcel_reshelved",
        payload={
            "stocktake": row.uid,
            "parcel": parcel.uid,
            "tracking_number": parcel.tracking_number,
            "found_shelf": item.found_shelf,
            "found_tier": item.found_tier,
        },
    )
    _resolve(clock, item, actor, Resolution.RESHELVED)
    return ParcelView.of(parcel)


def relocate(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    stocktake_uid: str,
    tracking_number: str,
) -> ParcelView:
    """改登记: record the parcel where it was found, with a new pickup code for that place
    (see the module docstring), and tell the villager the new code."""
    row = _open_by_uid(session, stocktake_uid)
    item = _open_item(session, row, tracking_number, Finding.WRONG_SHELF)
    parcel = _still_on_shelf(session, item)
    if item.found_shelf is None or item.found_tier is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "改登记要知道它在哪个货架哪一层扫到的；这一件只能放回原处（已归位）。"
            )
        )
    old_code = parcel.pickup_code
    day = business_day(clock.now())
    code, serial = shelves.allocate(session, item.found_shelf, item.found_tier, day)
    parcel.pickup_code, parcel.serial, parcel.code_day = code, serial, day.isoformat()
    parcel.shelf, parcel.tier = item.found_shelf, item.found_tier
    outbox.cancel_for_parcel(session, parcel.uid)
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="parcel.relocated",
        payload={
            "parcel": parcel.uid,
            "tracking_number": parcel.tracking_number,
            "pickup_code": code,
            "old_pickup_code": old_code,
            "stocktake": row.uid,
        },
    )
    outbox.queue_reminder(session, clock, parcel.uid)
    _resolve(clock, item, actor, Resolution.RELOCATED)
    return ParcelView.of(parcel)


def check_in_unknown(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    stocktake_uid: str,
    tracking_number: str,
    phone: str = "",
) -> CheckInResult:
    """入库: put an unknown parcel on record where it was found, through the ordinary
    check-in (its entry, code and notice). One that had left before is re-admitted, as
    the check-in tab does after the keeper confirms."""
    row = _open_by_uid(session, stocktake_uid)
    item = _open_item(session, row, tracking_number, Finding.UNKNOWN)
    if item.found_shelf is None or item.found_tier is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "请先选好正在盘点的货架和层：包裹就登记在那里。")
        )
    courier = couriers.recognise(item.tracking_number, allow_product_code=True).best.code
    arrival = Arrival(item.tracking_number, courier, item.found_shelf, item.found_tier, phone)
    again = item.unknown_kind != UnknownKind.NEVER_CHECKED_IN.value
    result = checkin.check_in(session, clock, actor=actor, arrival=arrival, again=again)
    if result.outcome is Outcome.SEEN_BEFORE:  # it left meanwhile; the keeper decides again
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}的情况刚刚变了，请重新扫一次。"),
            tracking=item.tracking_number,
        )
    item.parcel_uid = result.parcel.uid
    _resolve(clock, item, actor, Resolution.CHECKED_IN)
    return result


def set_aside(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    stocktake_uid: str,
    tracking_number: str,
) -> None:
    """放一边: an unknown parcel is taken off the shelf to sort out later (a call to the
    courier, say). Nothing on record changes; the finish entry counts it."""
    row = _open_by_uid(session, stocktake_uid)
    item = _open_item(session, row, tracking_number, Finding.UNKNOWN)
    _resolve(clock, item, actor, Resolution.SET_ASIDE)


# --- finishing ------------------------------------------------------------------------


def finish(session: Session, clock: Clock, *, actor: OperatorInfo, stocktake_uid: str) -> Counts:
    """Close the count with its counts on the ledger. Findings nobody decided on stay as
    they are on record (a missing parcel stays on the shelf) and are counted unresolved."""
    row = _open_by_uid(session, stocktake_uid)
    counts = report(session, stocktake_uid).counts
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="stocktake.finished",
        payload={"stocktake": row.uid, **asdict(counts)},
    )
    row.status = StocktakeStatus.FINISHED.value
    row.finished_at = clock.now()
    row.finished_by = actor.login
    return counts


# --- helpers --------------------------------------------------------------------------


def _scope(row: Stocktake) -> tuple[str, ...]:
    return tuple(code for code in row.shelves.split(SEPARATOR) if code)


def _checked_scope(session: Session, codes: Sequence[str]) -> tuple[str, ...]:
    """The shelf codes, in layout order, each a shelf that exists; none means all."""
    wanted = {code.strip().upper() for code in codes if code.strip()}
    layout = [shelf.code for shelf in shelves.shelves(session)]
    unknown = sorted(wanted - set(layout))
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "没有编号为“{shelf}”的货架。"), shelf=unknown[0]
        )
    return tuple(code for code in layout if code in wanted)


def _open_row(session: Session) -> Stocktake | None:
    return session.scalar(select(Stocktake).where(Stocktake.status == OPEN))


def _by_uid(session: Session, uid: str) -> Stocktake:
    row = session.scalar(select(Stocktake).where(Stocktake.uid == uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这次盘点。"))
    return row


def _open_by_uid(session: Session, uid: str) -> Stocktake:
    row = _by_uid(session, uid)
    if row.status != OPEN:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "这次盘点已经结束了。"))
    return row


def _item(session: Session, row: Stocktake, tracking: str) -> StocktakeItem | None:
    return session.scalar(
        select(StocktakeItem).where(
            StocktakeItem.stocktake_id == row.id, StocktakeItem.tracking_number == tracking
        )
    )


def _open_item(session: Session, row: Stocktake, tracking: str, finding: Finding) -> StocktakeItem:
    item = _item(session, row, couriers.normalise_scan(tracking).strip())
    if item is None or item.finding != finding.value or item.resolution is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}不在待处理的盘点结果里。"), tracking=tracking
        )
    return item


def _still_on_shelf(session: Session, item: StocktakeItem) -> Parcel:
    parcel = session.scalar(select(Parcel).where(Parcel.uid == item.parcel_uid))
    if parcel is None or parcel.status != ON_SHELF:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}已经不在架上了（取走或退回）。"),
            tracking=item.tracking_number,
        )
    return parcel


def _missing_parcel(session: Session, row: Stocktake, parcel_uid: str) -> Parcel:
    parcel = next((p for p in _missing(session, row) if p.uid == parcel_uid), None)
    if parcel is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "这个包裹不在“未扫到”的名单里。"))
    return parcel


def _decided_missing(
    session: Session,
    clock: Clock,
    *,
    row: Stocktake,
    parcel: Parcel,
    actor: OperatorInfo,
    resolution: Resolution,
) -> None:
    now = clock.now()
    session.add(
        StocktakeItem(
            stocktake_id=row.id,
            tracking_number=parcel.tracking_number,
            parcel_uid=parcel.uid,
            finding=Finding.MISSING.value,
            scans=0,
            first_seen_at=now,
            seen_by=actor.login,
            resolution=resolution.value,
            resolved_at=now,
            resolved_by=actor.login,
        )
    )
    session.flush()


def _resolve(clock: Clock, item: StocktakeItem, actor: OperatorInfo, how: Resolution) -> None:
    item.resolution = how.value
    item.resolved_at = clock.now()
    item.resolved_by = actor.login


def _latest(session: Session, tracking: str) -> Parcel | None:
    return session.scalar(
        select(Parcel).where(Parcel.tracking_number == tracking).order_by(Parcel.id.desc()).limit(1)
    )


def _item_view(session: Session, item: StocktakeItem) -> ItemView:
    if item.parcel_uid is not None:
        parcel = session.scalar(select(Parcel).where(Parcel.uid == item.parcel_uid))
    else:
        parcel = _latest(session, item.tracking_number)
    return ItemView(
        tracking_number=item.tracking_number,
        finding=Finding(item.finding),
        unknown_kind=UnknownKind(item.unknown_kind) if item.unknown_kind else None,
        found_shelf=item.found_shelf,
        found_tier=item.found_tier,
        scans=item.scans,
        resolution=Resolution(item.resolution) if item.resolution else None,
        parcel=ParcelView.of(parcel) if parcel is not None else None,
    )
